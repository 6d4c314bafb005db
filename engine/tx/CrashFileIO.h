// CrashFileIO: a FileIO that passes everything to another one (the real
// file system) and, when told, fails one operation with an OS error or
// "crashes" at one: that operation and every later one do not happen. What
// a crash leaves on disk is chosen to match what a real one can leave:
//
//   Stop          the process died: everything written before the crash
//                 point stays (the kernel still writes its page cache);
//   DropUnsynced  the machine lost power: every write that no flush of its
//                 file followed is undone (the worst a disk may do);
//   Torn          the process died inside the crash point's write: its
//                 first 512-byte sector reached the file, the rest did not.
//
// Points are counted over write, sync, truncate, reserve, rename and
// syncDirectory calls, from 0. Tests run an operation once to count its
// points, then once per point with a crash there (SQLite's crash tests do
// the same with their journal).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tx/FileIO.h"

namespace hivekit {

/// A fault-injecting FileIO over `inner`. Not thread-safe.
class CrashFileIO final : public FileIO {
public:
    enum class Crash { Stop, DropUnsynced, Torn };

    explicit CrashFileIO(FileIO& inner) : inner_(inner) {}

    /// Crash at point `point`: it and everything after it fail with
    /// "simulated crash"; the files are left as `how` says.
    void crashAt(uint64_t point, Crash how) {
        crashPoint_ = point;
        crashHow_ = how;
    }
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

    Result<FileId> open(const std::string& path, bool create) override;
    Result<void> close(FileId file) override;
    Result<void> read(FileId file, uint64_t offset, std::span<uint8_t> out) override;
    Result<void> write(FileId file, uint64_t offset, Bytes data) override;
    Result<void> sync(FileId file, SyncKind kind) override;
    Result<void> truncate(FileId file, uint64_t size) override;
    Result<void> reserve(FileId file, uint64_t size) override;
    Result<uint64_t> size(FileId file) override;
    Result<void> rename(const std::string& from, const std::string& to) override;
    Result<void> syncDirectory(const std::string& directory) override;
    std::string pathOf(FileId file) const override { return inner_.pathOf(file); }

private:
    /// What undoes one unsynced change: the bytes it overwrote and the
    /// file's size before it.
    struct Undo {
        uint64_t offset = 0;
        std::vector<uint8_t> old;
        uint64_t oldSize = 0;
    };

    /// Counts a point; returns an error when this point fails or crashes.
    Result<void> enter(const std::string& what);
    /// Records how to undo a change of [offset, offset+length) and the size.
    Result<void> remember(FileId file, uint64_t offset, uint64_t length);
    /// Undoes every unsynced change, newest first (DropUnsynced).
    void dropUnsynced();

    FileIO& inner_;
    uint64_t points_ = 0;
    uint64_t crashPoint_ = UINT64_MAX;
    Crash crashHow_ = Crash::Stop;
    uint64_t failPoint_ = UINT64_MAX;
    int failErrno_ = 0;
    int failOpenErrno_ = 0;
    bool crashed_ = false;
    std::map<FileId, std::vector<Undo>> unsynced_;
    std::map<std::string, uint64_t> bytesWritten_;
};

}  // namespace hivekit
