// BookmarkStore: bookmarked key paths per hive file, kept in QSettings under
// the file's absolute path.
#pragma once

#include <QString>
#include <QStringList>

namespace hivekit::gui {

/// Reads and writes the "bookmarks" setting: a map from a hive's absolute
/// path to its bookmarked key paths, in the order they were added.
class BookmarkStore {
public:
    static QStringList bookmarks(const QString& hivePath);
    static bool contains(const QString& hivePath, const QString& keyPath);
    /// Adds `keyPath` (once) to the bookmarks of `hivePath`.
    static void add(const QString& hivePath, const QString& keyPath);
    static void remove(const QString& hivePath, const QString& keyPath);

    /// The settings key of a hive: its absolute, canonical path.
    static QString fileKey(const QString& hivePath);
};

}  // namespace hivekit::gui
