#include "app/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace hivekit::gui {

namespace {

// Where translations/CMakeLists.txt embeds the compiled .qm files.
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("hivekit_");

// The translators now installed, parented to the application so that they
// live as long as it does.
QTranslator* ours = nullptr;
QTranslator* qts = nullptr;

void uninstall(QTranslator*& translator) {
    if (!translator) return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

}  // namespace

bool Translations::install(const QLocale& locale) {
    Q_ASSERT(QCoreApplication::instance());
    uninstall(ours);
    uninstall(qts);

    // QTranslator::load tries each of the locale's UI languages in order
    // (de_AT, then de, ...) and takes the first file found.
    auto* app = QCoreApplication::instance();
    auto* translator = new QTranslator(app);
    const bool found = translator->load(locale, QStringLiteral("hivekit"), QStringLiteral("_"), kResourceDir);
    // A language without a translation gets the English interface, whose
    // file holds the English plural forms ("1 key", "2 keys").
    if (found || translator->load(QStringLiteral("hivekit_en"), kResourceDir)) {
        QCoreApplication::installTranslator(translator);
        ours = translator;
    } else {
        delete translator;
    }

    // Qt's own strings (standard buttons, file dialogs): optional, from the
    // system (Debian's qt6-translations-l10n), loaded only with a language
    // of ours so that the interface never mixes two languages.
    if (found) {
        auto* qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            qts = qt;
        } else {
            delete qt;
        }
    }
    return found;
}

QStringList Translations::languages() {
    QStringList out;
    const QStringList files = QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) out << file.mid(kPrefix.size()).chopped(3);
    return out;
}

}  // namespace hivekit::gui
