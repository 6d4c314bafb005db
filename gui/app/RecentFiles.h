// RecentFiles: the most recently opened hive files, newest first, kept in
// QSettings.
#pragma once

#include <QString>
#include <QStringList>

namespace hivekit::gui {

class RecentFiles {
public:
    static constexpr int kMaxFiles = 10;

    /// The list, newest first; files that no longer exist are left out.
    static QStringList files();
    /// Puts `path` first (once), dropping the oldest beyond kMaxFiles.
    static void add(const QString& path);
    static void clear();
};

}  // namespace hivekit::gui
