// HiveLock: one writer at a time. A TxManager holds its hive's lock from
// open() until it is destroyed, so that two writers (two hivectl commands,
// two editor tabs, hivectl beside the editor) never build transactions on
// the same file at once: each would commit over the other's pages and log,
// losing updates and leaving cells referenced twice.
//
// What is locked, and how
// -----------------------
// - The hive file itself, one byte at offset 4 GiB (kLockOffset): past the
//   end of every hive (hive offsets are 32-bit), so the lock never covers a
//   byte anyone reads. That matters on Windows, where byte-range locks are
//   mandatory; on POSIX they are advisory and the byte is only a name.
// - The lock covers the hive's transaction logs too: every writer takes it
//   before it reads or writes a log (TxManager opens the hive, and so its
//   logs, only under it), so the logs need no lock of their own, and a log
//   that does not exist yet need not be created to be locked.
// - POSIX: an open file description lock (fcntl F_OFD_SETLK). Unlike a
//   classic fcntl lock, it belongs to the open file description, not to the
//   process: closing another descriptor of the same file (the mapping, the
//   commit's own descriptor) does not release it, and a second HiveLock in
//   the same process conflicts with the first, exactly as one in another
//   process does. The descriptor is close-on-exec, so a child process never
//   inherits the lock. The lock ends when the HiveLock is destroyed or the
//   process ends (a crashed writer leaves no stale lock).
// - Windows: LockFileEx on the same byte, exclusive or shared, through a
//   handle of its own.
//
// Waiting: acquire() tries, and while another holder keeps the lock, tries
// again every few milliseconds until `wait` has passed (0: one try). When it
// gives up, the error (ErrorCode::Locked) names the file and, where the
// system tells, the process holding the lock: F_OFD_GETLK reports no process
// for an OFD lock, so on Linux the holder is found in /proc/*/fdinfo (the
// "lock:" lines lslocks reads), which shows the processes of the same user
// (all of them for root).
//
// Readers take no lock. A reader never blocks a writer and never waits for
// one: an analyst's read-only open must work on read-only media and on
// another user's file, and must not keep an administrator's edit waiting
// while a window stays open for hours. What a reader sees is the file as a
// crash at that instant would leave it: the commit protocol (tx/TxManager.h)
// keeps the hive and its log recoverable to the old or the new tree at every
// moment; a reader that opened just before a commit's pages reach the file
// may read some of them, and a second read shows the new tree.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "util/Error.h"

namespace hivekit {

/// Exclusive for a writer; shared where a writer cannot write (see acquire).
enum class LockKind { Shared, Exclusive };

/// The process holding a lock, as far as the system tells.
struct LockHolder {
    int64_t pid = 0;      ///< 0: the system does not say
    std::string program;  ///< its name (/proc/PID/comm), "" when unknown
};

/// The lock on one hive file, held while the object lives. Not copyable.
class HiveLock {
public:
    /// The byte locked: past the end of every hive (see the essay above).
    static constexpr uint64_t kLockOffset = uint64_t{1} << 32;
    /// How often a waiting acquire() tries again.
    static constexpr std::chrono::milliseconds kRetryInterval{10};

    /// Takes the lock on the hive at `path`, waiting up to `wait` while
    /// another holder keeps it. Exclusive needs the file open for writing;
    /// a file that cannot be (read-only, on read-only media) is locked
    /// shared instead (kind() says so): no writer changes it meanwhile, and
    /// a commit through such a session fails anyway when it opens the file.
    /// Errors: ErrorCode::Locked when another holder kept it for all of
    /// `wait`; ErrorCode::Io when the file cannot be opened or the file
    /// system cannot lock.
    [[nodiscard]] static Result<std::unique_ptr<HiveLock>> acquire(const std::string& path, LockKind kind,
                                                                   std::chrono::milliseconds wait = {});
    ~HiveLock();
    HiveLock(const HiveLock&) = delete;
    HiveLock& operator=(const HiveLock&) = delete;

    const std::string& path() const { return path_; }
    LockKind kind() const { return kind_; }
    /// True when `path` names the file this lock is on (the same file, by
    /// identity, not by spelling).
    bool covers(const std::string& path) const;

    /// Who holds a lock on the hive at `path` that conflicts with `kind`
    /// (pid 0 when nobody does, or when the system does not say).
    static LockHolder holderOf(const std::string& path, LockKind kind);

private:
    HiveLock() = default;

    std::string path_;
    LockKind kind_ = LockKind::Exclusive;
#ifdef _WIN32
    void* handle_ = nullptr;
#else
    int fd_ = -1;
#endif
};

}  // namespace hivekit
