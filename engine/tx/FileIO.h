// FileIO: the one interface through which the engine writes files (the
// hive at commit, its transaction logs, backups, new hives) and asks about
// the files it is about to write. A real implementation over POSIX calls
// here; the tests add a crash-simulating one (tests/support/CrashFileIO.h)
// that fails or "crashes" at any write or flush and, for a power cut, keeps
// only what a flush made durable. Reading a hive for display never goes
// through here: it is mapped read-only (hive/FileMapping).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "format/ByteReader.h"
#include "util/Error.h"

namespace hivekit {

/// A file opened through a FileIO: an index chosen by the implementation,
/// not an OS descriptor.
using FileId = int;

/// How far a flush pushes a file's writes.
enum class SyncKind {
    /// The bytes written so far are handed to the device and waited for
    /// (sync_file_range: write out and wait), without forcing the device's
    /// volatile cache or the file's size. Nothing is durable against a
    /// power cut after it: neither the data (it may sit in the device's
    /// cache) nor a size change.
    Written,
    /// The bytes and the size, through the device's cache (fdatasync):
    /// durable against a power cut. Not a new file's directory entry.
    Data,
    Full,  ///< Data and the rest of the metadata (fsync)
};

/// Positional file I/O. Every call either does all it was asked or fails
/// with an ErrorCode::Io error naming the path and the OS reason; a short
/// write is retried until complete or failed. Not thread-safe.
class FileIO {
public:
    virtual ~FileIO() = default;

    /// Opens an existing file for reading and writing, or creates it (mode
    /// 0644) when `create` is true. Fails for a read-only file. A created
    /// file's name is durable only after syncDirectory of its directory.
    [[nodiscard]] virtual Result<FileId> open(const std::string& path, bool create) = 0;
    /// Opens an existing file for reading only (a backup's source).
    [[nodiscard]] virtual Result<FileId> openForReading(const std::string& path) = 0;
    [[nodiscard]] virtual Result<void> close(FileId file) = 0;
    /// Reads exactly out.size() bytes at `offset` (fails at the end of file).
    [[nodiscard]] virtual Result<void> read(FileId file, uint64_t offset, std::span<uint8_t> out) = 0;
    /// Writes all of `data` at `offset`, extending the file when needed.
    [[nodiscard]] virtual Result<void> write(FileId file, uint64_t offset, Bytes data) = 0;
    /// Flushes the file's writes to stable storage.
    [[nodiscard]] virtual Result<void> sync(FileId file, SyncKind kind) = 0;
    [[nodiscard]] virtual Result<void> truncate(FileId file, uint64_t size) = 0;
    /// Makes the file at least `size` bytes long with its disk space
    /// reserved (posix_fallocate), so that a full disk shows here and not
    /// in a later write. Bytes past the old end read as zeros.
    [[nodiscard]] virtual Result<void> reserve(FileId file, uint64_t size) = 0;
    [[nodiscard]] virtual Result<uint64_t> size(FileId file) = 0;
    /// Renames a file, replacing `to` (atomic on POSIX).
    [[nodiscard]] virtual Result<void> rename(const std::string& from, const std::string& to) = 0;
    /// Removes the file at `path` (a temporary file given up). Not pure, so
    /// that test doubles need not have it: by default it fails.
    [[nodiscard]] virtual Result<void> remove(const std::string& path);
    /// Flushes a directory, so that a created or renamed entry is durable.
    [[nodiscard]] virtual Result<void> syncDirectory(const std::string& directory) = 0;
    /// Whether `path` names an existing file (false for ENOENT; other
    /// errors, such as EACCES on the directory, fail).
    [[nodiscard]] virtual Result<bool> exists(const std::string& path) = 0;
    /// The size of the file at `path`, without opening it.
    [[nodiscard]] virtual Result<uint64_t> fileSize(const std::string& path) = 0;
    /// The path a FileId was opened with (for messages).
    virtual std::string pathOf(FileId file) const = 0;
};

/// The real file system. One shared instance serves the whole process.
FileIO& realFileIO();

/// A fresh real implementation (its own table of open files).
std::unique_ptr<FileIO> makeRealFileIO();

/// The directory part of a path ("." when there is none).
std::string directoryOf(const std::string& path);

/// Copies the file `from` to the new file `to` (which must not exist) and
/// makes the copy durable before returning: its data and size flushed
/// (SyncKind::Full), then its directory, so that a power cut right after
/// leaves the whole copy (a backup taken before a hive is written). On
/// failure a partial `to` may remain; the message names it.
[[nodiscard]] Result<void> copyFileDurably(FileIO& io, const std::string& from, const std::string& to);

/// The backup name for `path`: the first of PATH.bak, PATH.bak.1,
/// PATH.bak.2, ... that names no file (the one naming rule of every front
/// end; an older backup is never overwritten).
[[nodiscard]] Result<std::string> freeBackupPath(FileIO& io, const std::string& path);

}  // namespace hivekit
