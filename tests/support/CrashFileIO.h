// CrashFileIO: a FileIO for tests that passes every change to another one
// (the real file system) while keeping its own model of what a power cut
// would leave, and, when told, fails one operation with an OS error or
// "crashes" at one: that operation and every later one do not happen.
//
// The durability model, LevelDB's fault-injection Env made explicit. Per
// file (an inode, whatever names it has), the content as of its last
// durable flush; per path, the file its name pointed to as of the last
// flush of its directory:
//
//  - write, truncate and reserve change the live file only;
//  - sync(Data) and sync(Full) make the file's content and size durable
//    (fdatasync and fsync); sync(Written) (sync_file_range) makes nothing
//    durable: the data may sit in the device's volatile cache and a size
//    change is metadata; close makes nothing durable either;
//  - a created file, a rename, are durable names only after syncDirectory
//    of their directory: a created log whose directory was never flushed
//    vanishes at a power cut, even when its data was flushed;
//  - a file that existed before this FileIO first saw it is durable as it
//    was then, under its name.
//
// Crash kinds, what each leaves on disk:
//
//   ProcessKill        the process died: everything written before the
//                      crash point stays (the kernel still writes its page
//                      cache);
//   PowerCut           the machine lost power: each file is its durable
//                      content under its durable names, nothing else;
//   PowerCutTornWrite  PowerCut, except that the most recent write, when no
//                      durable flush of its file followed it (the crash
//                      point's own write when it is one), was being
//                      written: its first 512-byte sector reached the
//                      disk, and the rest of its range holds garbage (each
//                      byte neither the old one nor the new one). Only
//                      within the file's durable size: bytes past it have
//                      no durable size to live in;
//   PowerCutReordered  PowerCut, except that the device wrote each file's
//                      changes since its last durable flush out of order
//                      and lost only the oldest write: every later write
//                      and every size change reached the disk (a flush is
//                      the only barrier a device honours, so a protocol
//                      that relies on the order of writes without one
//                      fails here).
//
// Points are counted over write, sync, truncate, reserve, rename and
// syncDirectory calls, from 0. Tests run an operation once to count its
// points, then once per point with a crash there (SQLite's crash tests do
// the same with their journal). Flushes are modelled, not performed: the
// inner FileIO never sees sync or syncDirectory (a test machine does not
// lose power, and real flushes only slow the loops down).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tx/FileIO.h"

namespace testsupport {

/// A fault-injecting FileIO over `inner` (see above). Not thread-safe.
class CrashFileIO final : public hivekit::FileIO {
public:
    enum class Crash { ProcessKill, PowerCut, PowerCutTornWrite, PowerCutReordered };

    explicit CrashFileIO(hivekit::FileIO& inner) : inner_(inner) {}

    /// Crash at point `point`: it and everything after it fail with
    /// "simulated crash"; the files are left as `how` says.
    void crashAt(uint64_t point, Crash how) {
        crashPoint_ = point;
        crashHow_ = how;
    }
    /// Crash now, between two operations (a power cut after a commit
    /// returned, say): the files are left as `how` says, every later
    /// operation fails.
    void crashNow(Crash how);
    /// Fail point `point` with the OS error `error` (ENOSPC, EACCES, EIO)
    /// without doing it; later calls proceed normally.
    void failAt(uint64_t point, int error) {
        failPoint_ = point;
        failErrno_ = error;
    }
    /// Fail every open() with the OS error `error` (EACCES: a read-only
    /// file even for root); 0 stops failing.
    void failOpens(int error) { failOpenErrno_ = error; }
    /// Operations counted so far (the points a run went through).
    uint64_t points() const { return points_; }
    bool crashed() const { return crashed_; }
    /// Bytes written per path (what reached the inner FileIO).
    const std::map<std::string, uint64_t>& bytesWritten() const { return bytesWritten_; }

    hivekit::Result<hivekit::FileId> open(const std::string& path, bool create) override;
    hivekit::Result<hivekit::FileId> openForReading(const std::string& path) override;
    hivekit::Result<void> close(hivekit::FileId file) override;
    hivekit::Result<void> read(hivekit::FileId file, uint64_t offset, std::span<uint8_t> out) override;
    hivekit::Result<void> write(hivekit::FileId file, uint64_t offset, hivekit::Bytes data) override;
    hivekit::Result<void> sync(hivekit::FileId file, hivekit::SyncKind kind) override;
    hivekit::Result<void> truncate(hivekit::FileId file, uint64_t size) override;
    hivekit::Result<void> reserve(hivekit::FileId file, uint64_t size) override;
    hivekit::Result<uint64_t> size(hivekit::FileId file) override;
    hivekit::Result<void> rename(const std::string& from, const std::string& to) override;
    hivekit::Result<void> syncDirectory(const std::string& directory) override;
    hivekit::Result<bool> exists(const std::string& path) override;
    hivekit::Result<uint64_t> fileSize(const std::string& path) override;
    std::string pathOf(hivekit::FileId file) const override { return inner_.pathOf(file); }

private:
    /// One change to a file's content not yet made durable.
    struct Change {
        bool resize = false;  ///< a new size (truncate, reserve) instead of bytes
        uint64_t offset = 0;  ///< of the bytes; the new size for a resize
        std::vector<uint8_t> bytes;
    };
    /// A file as the model sees it.
    struct Node {
        std::vector<uint8_t> durable;  ///< content as of the last durable flush
        std::vector<Change> unsynced;  ///< since then, oldest first
    };
    /// The write a torn power cut tears.
    struct LastWrite {
        size_t node = 0;
        uint64_t offset = 0;
        std::vector<uint8_t> bytes;
    };

    /// Counts a point; returns an error when this point fails or crashes
    /// (`inFlight`: the write being made, torn by PowerCutTornWrite).
    hivekit::Result<void> enter(const std::string& what, const std::optional<LastWrite>& inFlight = std::nullopt);
    /// Makes `path` known to the model: a file that exists and was never
    /// seen is durable as it is now; a missing one is durably absent.
    void know(const std::string& path);
    /// Records a change of the file open as `file`.
    void record(hivekit::FileId file, Change change);
    /// Rewrites the inner files as a power cut of kind `how` leaves them.
    void cutPower(Crash how, const std::optional<LastWrite>& inFlight);
    static void apply(std::vector<uint8_t>& content, const Change& change);

    hivekit::FileIO& inner_;
    uint64_t points_ = 0;
    uint64_t crashPoint_ = UINT64_MAX;
    Crash crashHow_ = Crash::ProcessKill;
    uint64_t failPoint_ = UINT64_MAX;
    int failErrno_ = 0;
    int failOpenErrno_ = 0;
    bool crashed_ = false;
    std::vector<Node> nodes_;
    std::map<std::string, size_t> live_;                    ///< path -> node, as the OS shows it now
    std::map<std::string, std::optional<size_t>> durable_;  ///< path -> node after a power cut
    std::map<hivekit::FileId, size_t> open_;                ///< files open for writing
    std::optional<LastWrite> lastUnsyncedWrite_;
    std::map<std::string, uint64_t> bytesWritten_;
};

}  // namespace testsupport
