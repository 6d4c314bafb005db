#include "editing/RegistryRoots.h"

#include <QFileInfo>

#include "artefacts/HiveKind.h"
#include "common/Display.h"

namespace hivekit::gui {

namespace {

const QString kLocalMachine = QStringLiteral("HKEY_LOCAL_MACHINE");
const QString kCurrentUser = QStringLiteral("HKEY_CURRENT_USER");

/// A name that can stand in a key line: not empty, no '\', ']' or line break.
bool usableComponent(const QString& name) {
    return !name.isEmpty() && !name.contains(QLatin1Char('\\')) && !name.contains(QLatin1Char(']')) &&
           !name.contains(QLatin1Char('\n')) && !name.contains(QLatin1Char('\r'));
}

QString fileStem(const QString& fileName) {
    const QFileInfo info(fileName);
    QString stem = info.completeBaseName().isEmpty() ? info.fileName() : info.completeBaseName();
    stem.remove(QLatin1Char('\\'));
    stem.remove(QLatin1Char(']'));
    return stem.isEmpty() ? QStringLiteral("HIVE") : stem.toUpper();
}

QString rootKeyName(const Hive& hive) {
    auto root = hive.keyNode(hive.rootOffset());
    return root ? toQString(root->nameUtf8()) : QString();
}

}  // namespace

QString defaultRegistryRoot(const Hive& hive, const QString& fileName) {
    using artefacts::HiveKind;
    switch (artefacts::detectHiveKind(hive)) {
    case HiveKind::System: return kLocalMachine + QStringLiteral("\\SYSTEM");
    case HiveKind::Software: return kLocalMachine + QStringLiteral("\\SOFTWARE");
    case HiveKind::Sam: return kLocalMachine + QStringLiteral("\\SAM");
    case HiveKind::Security: return kLocalMachine + QStringLiteral("\\SECURITY");
    case HiveKind::Bcd: return kLocalMachine + QStringLiteral("\\BCD00000000");
    case HiveKind::NtUser: return kCurrentUser;
    case HiveKind::UsrClass: return kCurrentUser + QStringLiteral("\\Software\\Classes");
    case HiveKind::Amcache:
    case HiveKind::Unknown: break;
    }
    return kLocalMachine + QLatin1Char('\\') + fileStem(fileName);
}

QStringList registryRootChoices(const Hive& hive, const QString& fileName) {
    QStringList out{defaultRegistryRoot(hive, fileName)};
    const QString stem = fileStem(fileName);
    for (const QString& root :
         {kLocalMachine + QStringLiteral("\\SYSTEM"), kLocalMachine + QStringLiteral("\\SOFTWARE"),
          kLocalMachine + QStringLiteral("\\SAM"), kLocalMachine + QStringLiteral("\\SECURITY"), kCurrentUser,
          kCurrentUser + QStringLiteral("\\Software\\Classes"), QStringLiteral("HKEY_USERS\\") + stem,
          kLocalMachine + QLatin1Char('\\') + stem, kLocalMachine + QStringLiteral("\\HIVE")}) {
        if (!out.contains(root, Qt::CaseInsensitive)) out << root;
    }
    // The hive's own root key name, as hivectl and other tools print paths.
    if (const QString name = rootKeyName(hive); usableComponent(name) && !out.contains(name, Qt::CaseInsensitive))
        out << name;
    return out;
}

QString importPrefixFor(const QString& root) {
    const QStringList parts = root.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    if (parts.isEmpty()) return QString();
    const QString first = parts.front().toUpper();
    const bool mountRoot = first == kLocalMachine || first == QStringLiteral("HKLM") ||
                           first == QStringLiteral("HKEY_USERS") || first == QStringLiteral("HKU");
    const qsizetype detected = mountRoot ? 2 : 1;
    return parts.size() == detected ? QString() : parts.join(QLatin1Char('\\'));
}

}  // namespace hivekit::gui
