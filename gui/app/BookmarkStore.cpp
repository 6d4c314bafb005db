#include "app/BookmarkStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QVariantMap>

namespace hivekit::gui {

namespace {
const QString kSetting = QStringLiteral("bookmarks");

QVariantMap load() { return QSettings().value(kSetting).toMap(); }
void save(const QVariantMap& map) { QSettings().setValue(kSetting, map); }
}  // namespace

QString BookmarkStore::fileKey(const QString& hivePath) {
    const QFileInfo info(hivePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QStringList BookmarkStore::bookmarks(const QString& hivePath) { return load().value(fileKey(hivePath)).toStringList(); }

bool BookmarkStore::contains(const QString& hivePath, const QString& keyPath) {
    return bookmarks(hivePath).contains(keyPath);
}

void BookmarkStore::add(const QString& hivePath, const QString& keyPath) {
    QVariantMap map = load();
    QStringList list = map.value(fileKey(hivePath)).toStringList();
    if (list.contains(keyPath)) return;
    list << keyPath;
    map.insert(fileKey(hivePath), list);
    save(map);
}

void BookmarkStore::remove(const QString& hivePath, const QString& keyPath) {
    QVariantMap map = load();
    QStringList list = map.value(fileKey(hivePath)).toStringList();
    if (!list.removeAll(keyPath)) return;
    if (list.isEmpty())
        map.remove(fileKey(hivePath));
    else
        map.insert(fileKey(hivePath), list);
    save(map);
}

}  // namespace hivekit::gui
