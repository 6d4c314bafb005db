// DiskChangeWatcher: notices when another program changes (or replaces,
// or removes) the hive file a tab shows. QFileSystemWatcher reports the
// file and its directory; a change counts only when the file's fingerprint
// (size, modification time and a checksum of its base block) differs from
// the one taken when the tab last read the file, so HiveKit's own commit
// (its log beside the hive, the hive rewritten) is not reported: the view
// suspends the watcher while it commits and takes a new fingerprint after.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace hivekit::gui {

/// What identifies one state of a file cheaply.
struct FileFingerprint {
    bool exists = false;
    qint64 size = 0;
    qint64 modifiedMs = 0;  ///< milliseconds since the epoch
    QByteArray baseBlockHash;  ///< of the first 4 KiB (the base block)

    bool operator==(const FileFingerprint&) const = default;
    /// The fingerprint of the file at `path` now.
    static FileFingerprint of(const QString& path);
};

class DiskChangeWatcher : public QObject {
    Q_OBJECT
public:
    explicit DiskChangeWatcher(const QString& path, QObject* parent = nullptr);

    /// Takes the file as it is now as what the tab shows (at each open and
    /// reload, and after HiveKit's own commit); clears changedOnDisk().
    void acceptCurrent();
    /// While suspended, changes are not reported (HiveKit's own commit).
    void suspend() { suspended_ = true; }
    /// Reports changes again. `ourWrite`: HiveKit wrote the file meanwhile,
    /// so the file as it is now is taken as read (acceptCurrent()); without
    /// it (a commit that failed before writing), a change made by another
    /// program before or meanwhile is still reported.
    void resume(bool ourWrite);
    bool isSuspended() const { return suspended_; }

    /// Compares the file with the accepted fingerprint now, without waiting
    /// for the file system's notice; emits changed() on a difference.
    void checkNow();
    /// The file differs from what the tab read (until acceptCurrent()).
    bool changedOnDisk() const { return changed_; }
    /// What changed, in the user's words ("" when nothing did).
    QString changeDescription() const { return description_; }

    /// `before` and `after` compared in the user's words.
    static QString describe(const FileFingerprint& before, const FileFingerprint& after);

signals:
    /// The file changed on disk since it was accepted (again for each
    /// further change).
    void changed(const QString& description);

private:
    void watchAgain();

    QString path_;
    QFileSystemWatcher* watcher_;
    /// File systems report a write as several notices: one check after
    /// they settle.
    QTimer* settle_;
    FileFingerprint accepted_;
    FileFingerprint lastReported_;
    bool suspended_ = false;
    bool changed_ = false;
    QString description_;
};

}  // namespace hivekit::gui
