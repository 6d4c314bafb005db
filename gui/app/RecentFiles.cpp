#include "app/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace hivekit::gui {

namespace {
const QString kSetting = QStringLiteral("recentFiles");
}  // namespace

QStringList RecentFiles::files() {
    QStringList out;
    for (const QString& path : QSettings().value(kSetting).toStringList())
        if (QFileInfo::exists(path)) out << path;
    return out;
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(kSetting).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles) list.removeLast();
    QSettings().setValue(kSetting, list);
}

void RecentFiles::clear() { QSettings().remove(kSetting); }

}  // namespace hivekit::gui
