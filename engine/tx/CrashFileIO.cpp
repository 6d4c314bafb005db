#include "tx/CrashFileIO.h"

#include <algorithm>
#include <cstring>

namespace hivekit {

Result<void> CrashFileIO::enter(const std::string& what) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: " + what + " after the crash");
    const uint64_t point = points_++;
    if (point == failPoint_)
        return fail(ErrorCode::Io, what + " failed: " + std::strerror(failErrno_) + " (simulated at point " +
                                       std::to_string(point) + ")");
    if (point == crashPoint_) {
        crashed_ = true;
        return fail(ErrorCode::Io, "simulated crash at point " + std::to_string(point) + ": " + what);
    }
    return {};
}

Result<void> CrashFileIO::remember(FileId file, uint64_t offset, uint64_t length) {
    auto size = inner_.size(file);
    if (!size) return std::unexpected(size.error());
    Undo u;
    u.offset = offset;
    u.oldSize = *size;
    if (offset < *size) {
        u.old.resize(static_cast<size_t>(std::min(length, *size - offset)));
        if (auto r = inner_.read(file, offset, u.old); !r) return r;
    }
    unsynced_[file].push_back(std::move(u));
    return {};
}

void CrashFileIO::dropUnsynced() {
    for (auto& [file, undos] : unsynced_) {
        for (auto it = undos.rbegin(); it != undos.rend(); ++it) {
            (void)inner_.write(file, it->offset, it->old);
            (void)inner_.truncate(file, it->oldSize);
        }
        undos.clear();
    }
}

Result<FileId> CrashFileIO::open(const std::string& path, bool create) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: open " + path + " after the crash");
    if (failOpenErrno_)
        return fail(ErrorCode::Io, path + ": cannot open for writing: " + std::strerror(failOpenErrno_) + " (simulated)");
    return inner_.open(path, create);
}

Result<void> CrashFileIO::close(FileId file) {
    unsynced_.erase(file);
    return inner_.close(file);
}

Result<void> CrashFileIO::read(FileId file, uint64_t offset, std::span<uint8_t> out) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: read after the crash");
    return inner_.read(file, offset, out);
}

Result<void> CrashFileIO::write(FileId file, uint64_t offset, Bytes data) {
    const std::string what =
        "write of " + std::to_string(data.size()) + " bytes at " + hexOffset(offset) + " to " + pathOf(file);
    auto entered = enter(what);
    if (!entered) {
        if (crashed_) {
            if (crashHow_ == Crash::Torn && !data.empty()) {
                const Bytes first = data.first(std::min<size_t>(512, data.size()));
                if (remember(file, offset, first.size())) (void)inner_.write(file, offset, first);
                bytesWritten_[pathOf(file)] += first.size();
            }
            if (crashHow_ == Crash::DropUnsynced) dropUnsynced();
        }
        return entered;
    }
    if (auto r = remember(file, offset, data.size()); !r) return r;
    bytesWritten_[pathOf(file)] += data.size();
    return inner_.write(file, offset, data);
}

Result<void> CrashFileIO::sync(FileId file, SyncKind kind) {
    auto entered = enter("flush of " + pathOf(file));
    if (!entered) {
        if (crashed_ && crashHow_ == Crash::DropUnsynced) dropUnsynced();
        return entered;
    }
    auto r = inner_.sync(file, kind);
    if (r) unsynced_[file].clear();
    return r;
}

Result<void> CrashFileIO::truncate(FileId file, uint64_t size) {
    auto entered = enter("truncation of " + pathOf(file) + " to " + std::to_string(size) + " bytes");
    if (!entered) {
        if (crashed_ && crashHow_ == Crash::DropUnsynced) dropUnsynced();
        return entered;
    }
    auto current = inner_.size(file);
    if (!current) return std::unexpected(current.error());
    if (*current > size) {
        if (auto r = remember(file, size, *current - size); !r) return r;
    } else if (auto r = remember(file, *current, 0); !r) {
        return r;
    }
    return inner_.truncate(file, size);
}

Result<void> CrashFileIO::reserve(FileId file, uint64_t size) {
    auto entered = enter("growth of " + pathOf(file) + " to " + std::to_string(size) + " bytes");
    if (!entered) {
        if (crashed_ && crashHow_ == Crash::DropUnsynced) dropUnsynced();
        return entered;
    }
    auto current = inner_.size(file);
    if (!current) return std::unexpected(current.error());
    if (auto r = remember(file, *current, 0); !r) return r;
    return inner_.reserve(file, size);
}

Result<uint64_t> CrashFileIO::size(FileId file) {
    if (crashed_) return fail(ErrorCode::Io, "simulated crash: stat after the crash");
    return inner_.size(file);
}

Result<void> CrashFileIO::rename(const std::string& from, const std::string& to) {
    auto entered = enter("rename of " + from + " to " + to);
    if (!entered) {
        if (crashed_ && crashHow_ == Crash::DropUnsynced) dropUnsynced();
        return entered;
    }
    return inner_.rename(from, to);
}

Result<void> CrashFileIO::syncDirectory(const std::string& directory) {
    auto entered = enter("flush of the directory " + directory);
    if (!entered) {
        if (crashed_ && crashHow_ == Crash::DropUnsynced) dropUnsynced();
        return entered;
    }
    return inner_.syncDirectory(directory);
}

}  // namespace hivekit
