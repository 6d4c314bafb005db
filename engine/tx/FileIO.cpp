#include "tx/FileIO.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hivekit {

namespace {

std::string osError(const std::string& path, const char* what, int error) {
    return path + ": " + what + ": " + std::strerror(error);
}

class RealFileIO final : public FileIO {
public:
    ~RealFileIO() override {
        for (auto& f : files_)
            if (f.fd >= 0) ::close(f.fd);
    }

    Result<FileId> open(const std::string& path, bool create) override {
        int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0);
        int fd = ::open(path.c_str(), flags, 0644);
        if (fd < 0) {
            const int e = errno;
            if (e == ENOENT) return fail(ErrorCode::Io, path + ": no such file");
            return fail(ErrorCode::Io, osError(path, "cannot open for writing", e));
        }
        return remember(fd, path);
    }

    Result<FileId> openForReading(const std::string& path) override {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            const int e = errno;
            if (e == ENOENT) return fail(ErrorCode::Io, path + ": no such file");
            return fail(ErrorCode::Io, osError(path, "cannot open for reading", e));
        }
        return remember(fd, path);
    }

    Result<void> close(FileId file) override {
        auto* f = get(file);
        if (!f) return bad(file);
        const int rc = ::close(f->fd);
        const int e = errno;
        f->fd = -1;
        if (rc != 0) return fail(ErrorCode::Io, osError(f->path, "close failed", e));
        return {};
    }

    Result<void> read(FileId file, uint64_t offset, std::span<uint8_t> out) override {
        auto* f = get(file);
        if (!f) return bad(file);
        size_t done = 0;
        while (done < out.size()) {
            ssize_t n = ::pread(f->fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return fail(ErrorCode::Io, osError(f->path, "read failed", errno), offset + done);
            if (n == 0)
                return fail(ErrorCode::Io, f->path + ": read failed: end of file at " + hexOffset(offset + done),
                            offset + done);
            done += static_cast<size_t>(n);
        }
        return {};
    }

    Result<void> write(FileId file, uint64_t offset, Bytes data) override {
        auto* f = get(file);
        if (!f) return bad(file);
        size_t done = 0;
        while (done < data.size()) {
            ssize_t n = ::pwrite(f->fd, data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0)
                return fail(ErrorCode::Io,
                            osError(f->path, ("write of " + std::to_string(data.size()) + " bytes at " +
                                              hexOffset(offset) + " failed")
                                                 .c_str(),
                                    errno),
                            offset + done);
            done += static_cast<size_t>(n);
        }
        return {};
    }

    Result<void> sync(FileId file, SyncKind kind) override {
        auto* f = get(file);
        if (!f) return bad(file);
        int rc = 0;
        switch (kind) {
        case SyncKind::Written:
            rc = ::sync_file_range(f->fd, 0, 0,
                                   SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
            // Where the file system cannot (ENOSYS, or a pipe), flush fully.
            if (rc != 0 && (errno == ENOSYS || errno == ESPIPE || errno == EINVAL)) rc = ::fdatasync(f->fd);
            break;
        case SyncKind::Data: rc = ::fdatasync(f->fd); break;
        case SyncKind::Full: rc = ::fsync(f->fd); break;
        }
        if (rc != 0) return fail(ErrorCode::Io, osError(f->path, "flush failed", errno));
        return {};
    }

    Result<void> truncate(FileId file, uint64_t size) override {
        auto* f = get(file);
        if (!f) return bad(file);
        if (::ftruncate(f->fd, static_cast<off_t>(size)) != 0)
            return fail(ErrorCode::Io, osError(f->path, "truncate failed", errno));
        return {};
    }

    Result<void> reserve(FileId file, uint64_t size) override {
        auto* f = get(file);
        if (!f) return bad(file);
        auto current = this->size(file);
        if (!current) return std::unexpected(current.error());
        if (*current >= size) return {};
        const int rc = ::posix_fallocate(f->fd, static_cast<off_t>(*current), static_cast<off_t>(size - *current));
        // File systems without fallocate: extend by truncation (no reservation).
        if (rc == EOPNOTSUPP || rc == EINVAL) return truncate(file, size);
        if (rc != 0)
            return fail(ErrorCode::Io, osError(f->path, ("cannot grow to " + std::to_string(size) + " bytes").c_str(), rc));
        return {};
    }

    Result<uint64_t> size(FileId file) override {
        auto* f = get(file);
        if (!f) return bad(file);
        struct stat st {};
        if (::fstat(f->fd, &st) != 0) return fail(ErrorCode::Io, osError(f->path, "cannot stat", errno));
        return static_cast<uint64_t>(st.st_size);
    }

    Result<void> rename(const std::string& from, const std::string& to) override {
        if (::rename(from.c_str(), to.c_str()) != 0)
            return fail(ErrorCode::Io, osError(from, ("cannot rename to " + to).c_str(), errno));
        return {};
    }

    Result<void> remove(const std::string& path) override {
        if (::unlink(path.c_str()) != 0) return fail(ErrorCode::Io, osError(path, "cannot remove", errno));
        return {};
    }

    Result<void> syncDirectory(const std::string& directory) override {
        int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return fail(ErrorCode::Io, osError(directory, "cannot open directory", errno));
        const int rc = ::fsync(fd);
        const int e = errno;
        ::close(fd);
        if (rc != 0) return fail(ErrorCode::Io, osError(directory, "directory flush failed", e));
        return {};
    }

    Result<bool> exists(const std::string& path) override {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) return true;
        if (errno == ENOENT) return false;
        return fail(ErrorCode::Io, osError(path, "cannot stat", errno));
    }

    Result<uint64_t> fileSize(const std::string& path) override {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) return fail(ErrorCode::Io, osError(path, "cannot stat", errno));
        return static_cast<uint64_t>(st.st_size);
    }

    std::string pathOf(FileId file) const override {
        return file >= 0 && static_cast<size_t>(file) < files_.size() ? files_[file].path : std::string("(closed)");
    }

private:
    struct Open {
        int fd = -1;
        std::string path;
    };
    FileId remember(int fd, const std::string& path) {
        for (size_t i = 0; i < files_.size(); ++i) {
            if (files_[i].fd < 0) {
                files_[i] = {fd, path};
                return static_cast<FileId>(i);
            }
        }
        files_.push_back({fd, path});
        return static_cast<FileId>(files_.size() - 1);
    }
    Open* get(FileId file) {
        if (file < 0 || static_cast<size_t>(file) >= files_.size() || files_[file].fd < 0) return nullptr;
        return &files_[file];
    }
    static std::unexpected<Error> bad(FileId file) {
        return fail(ErrorCode::Invalid, "file id " + std::to_string(file) + " is not open");
    }
    std::vector<Open> files_;
};

}  // namespace

Result<void> FileIO::remove(const std::string& path) {
    return fail(ErrorCode::Unsupported, path + ": this FileIO cannot remove files");
}

FileIO& realFileIO() {
    static RealFileIO io;
    return io;
}

std::unique_ptr<FileIO> makeRealFileIO() { return std::make_unique<RealFileIO>(); }

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

Result<void> copyFileDurably(FileIO& io, const std::string& from, const std::string& to) {
    auto there = io.exists(to);
    if (!there) return std::unexpected(there.error());
    if (*there) return fail(ErrorCode::Io, to + ": cannot copy " + from + " there: the file exists");
    auto source = io.openForReading(from);
    if (!source) return std::unexpected(source.error());
    auto target = io.open(to, true);
    if (!target) {
        (void)io.close(*source);
        return std::unexpected(target.error());
    }
    auto copied = [&]() -> Result<void> {
        auto size = io.size(*source);
        if (!size) return std::unexpected(size.error());
        std::vector<uint8_t> chunk;
        constexpr uint64_t kChunk = 1 << 20;
        for (uint64_t at = 0; at < *size; at += kChunk) {
            chunk.resize(static_cast<size_t>(std::min(kChunk, *size - at)));
            if (auto r = io.read(*source, at, chunk); !r) return r;
            if (auto r = io.write(*target, at, chunk); !r) return r;
        }
        // The data and the size first, then the name that finds them.
        return io.sync(*target, SyncKind::Full);
    }();
    (void)io.close(*source);
    auto closed = io.close(*target);
    if (!copied) return copied;
    if (!closed) return closed;
    return io.syncDirectory(directoryOf(to));
}

Result<std::string> freeBackupPath(FileIO& io, const std::string& path) {
    std::string name = path + ".bak";
    for (uint64_t i = 1;; ++i) {
        auto taken = io.exists(name);
        if (!taken) return std::unexpected(taken.error());
        if (!*taken) return name;
        name = path + ".bak." + std::to_string(i);
    }
}

}  // namespace hivekit
