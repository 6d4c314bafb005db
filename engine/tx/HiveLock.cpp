#include "tx/HiveLock.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#ifdef _WIN32
#define NOMINMAX  // std::min, not the macro
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>
#endif

namespace hivekit {

namespace {

/// "5 s", "0.25 s": a wait for messages.
std::string seconds(std::chrono::milliseconds wait) {
    const auto ms = wait.count();
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(ms) / 1000.0);
    std::string out = text;
    while (out.back() == '0') out.pop_back();
    return out + " s";
}

/// The error of a lock another holder kept: the file, who holds it, how long
/// we waited.
std::unexpected<Error> lockedError(const std::string& path, const LockHolder& holder,
                                   std::chrono::milliseconds wait) {
    std::string message = path + " is locked by another writer";
    if (holder.pid == 0) {
        message += " (the system does not say which process)";
    } else {
        message += ", process " + std::to_string(holder.pid);
        if (!holder.program.empty()) message += " (" + holder.program + ")";
#ifndef _WIN32
        if (holder.pid == static_cast<int64_t>(::getpid())) message += ", this process";
#endif
    }
    if (wait.count() > 0) message += "; still locked after waiting " + seconds(wait);
    return fail(ErrorCode::Locked, std::move(message));
}

}  // namespace

#ifndef _WIN32

namespace {

struct flock lockRecord(LockKind kind) {
    struct flock record {};
    record.l_type = kind == LockKind::Exclusive ? F_WRLCK : F_RDLCK;
    record.l_whence = SEEK_SET;
    record.l_start = static_cast<off_t>(HiveLock::kLockOffset);
    record.l_len = 1;
    record.l_pid = 0;  // required by F_OFD_* locks
    return record;
}

/// Whether one "lock:" line of /proc/PID/fdinfo/FD is a lock on the file
/// `id` ("MAJOR:MINOR:INODE" as the kernel prints it) that conflicts with
/// `kind` on kLockOffset. The line reads
/// "lock:\t1: OFDLCK ADVISORY  WRITE -1 fe:00:10953333 4294967296 4294967296".
bool conflictingLockLine(const std::string& line, const std::string& id, LockKind kind) {
    if (line.rfind("lock:", 0) != 0 || line.find("->") != std::string::npos) return false;  // "->": a waiter
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    for (size_t i = 2; i + 2 < words.size(); ++i) {
        if (words[i] != id) continue;
        const std::string& type = words[i - 2];
        if (kind == LockKind::Shared && type != "WRITE") return false;
        const uint64_t start = std::strtoull(words[i + 1].c_str(), nullptr, 10);
        const bool toEnd = words[i + 2] == "EOF";
        const uint64_t end = toEnd ? UINT64_MAX : std::strtoull(words[i + 2].c_str(), nullptr, 10);
        return start <= HiveLock::kLockOffset && HiveLock::kLockOffset <= end;
    }
    return false;
}

std::string programOf(const std::string& pid) {
    std::ifstream comm("/proc/" + pid + "/comm");
    std::string name;
    std::getline(comm, name);
    return name;
}

/// Looks through /proc/*/fdinfo for the process whose descriptor holds a
/// conflicting lock on the file `st` describes.
LockHolder findHolder(const struct stat& st, LockKind kind) {
    char id[64];
    std::snprintf(id, sizeof id, "%02x:%02x:%llu", major(st.st_dev), minor(st.st_dev),
                  static_cast<unsigned long long>(st.st_ino));
    LockHolder holder;
    DIR* proc = ::opendir("/proc");
    if (!proc) return holder;
    while (dirent* p = ::readdir(proc)) {
        const std::string pid = p->d_name;
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::string fdinfo = "/proc/" + pid + "/fdinfo";
        DIR* fds = ::opendir(fdinfo.c_str());
        if (!fds) continue;  // another user's process, or gone
        bool found = false;
        while (dirent* f = ::readdir(fds)) {
            if (f->d_name[0] == '.') continue;
            std::ifstream info(fdinfo + "/" + f->d_name);
            for (std::string line; !found && std::getline(info, line);)
                found = conflictingLockLine(line, id, kind);
            if (found) break;
        }
        ::closedir(fds);
        if (found) {
            holder.pid = std::strtoll(pid.c_str(), nullptr, 10);
            holder.program = programOf(pid);
            break;
        }
    }
    ::closedir(proc);
    return holder;
}

/// Opens the file to lock: for writing when an exclusive lock is asked
/// (fcntl needs it), read-only when the file cannot be written (then the
/// lock is shared). Non-blocking, so that a FIFO cannot hang the open.
Result<int> openForLock(const std::string& path, LockKind& kind) {
    const int common = O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    int fd = ::open(path.c_str(), (kind == LockKind::Exclusive ? O_RDWR : O_RDONLY) | common);
    if (fd < 0 && kind == LockKind::Exclusive && (errno == EACCES || errno == EROFS || errno == EPERM)) {
        kind = LockKind::Shared;
        fd = ::open(path.c_str(), O_RDONLY | common);
    }
    if (fd < 0) {
        const int e = errno;
        if (e == ENOENT) return fail(ErrorCode::Io, path + ": no such file");
        if (e == EISDIR) return fail(ErrorCode::Io, path + ": is a directory, not a hive file");
        return fail(ErrorCode::Io, path + ": cannot open: " + std::strerror(e));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(ErrorCode::Io, path + ": cannot stat: " + std::strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        if (S_ISDIR(st.st_mode)) return fail(ErrorCode::Io, path + ": is a directory, not a hive file");
        return fail(ErrorCode::Io, path + ": not a regular file; only files can be edited");
    }
    return fd;
}

}  // namespace

Result<std::unique_ptr<HiveLock>> HiveLock::acquire(const std::string& path, LockKind kind,
                                                    std::chrono::milliseconds wait) {
    auto fd = openForLock(path, kind);
    if (!fd) return std::unexpected(fd.error());
    std::unique_ptr<HiveLock> lock(new HiveLock);
    lock->path_ = path;
    lock->kind_ = kind;
    lock->fd_ = *fd;  // closed by the destructor from here on
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        struct flock record = lockRecord(kind);
        if (::fcntl(lock->fd_, F_OFD_SETLK, &record) == 0) return lock;
        const int e = errno;
        if (e != EAGAIN && e != EACCES && e != EINTR)
            return fail(ErrorCode::Io, path + ": cannot lock: " + std::strerror(e) +
                                           (e == ENOLCK || e == EINVAL ? " (the file system does not support locks)"
                                                                       : ""));
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            struct stat st {};
            LockHolder holder;
            if (::fstat(lock->fd_, &st) == 0) holder = findHolder(st, kind);
            return lockedError(path, holder, wait);
        }
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kRetryInterval, deadline - now));
    }
}

HiveLock::~HiveLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the only descriptor of the description releases the OFD lock
}

bool HiveLock::covers(const std::string& path) const {
    struct stat mine {}, other {};
    if (::fstat(fd_, &mine) != 0 || ::stat(path.c_str(), &other) != 0) return false;
    return mine.st_dev == other.st_dev && mine.st_ino == other.st_ino;
}

LockHolder HiveLock::holderOf(const std::string& path, LockKind kind) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return findHolder(st, kind);
}

#else  // _WIN32

namespace {

std::wstring widePath(const std::string& path) {
    const int n = ::MultiByteToWideChar(CP_UTF8, 0, path.data(), static_cast<int>(path.size()), nullptr, 0);
    std::wstring out(static_cast<size_t>(n), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, path.data(), static_cast<int>(path.size()), out.data(), n);
    return out;
}

std::string windowsError(DWORD code) {
    return "Windows error " + std::to_string(static_cast<unsigned long>(code));
}

}  // namespace

Result<std::unique_ptr<HiveLock>> HiveLock::acquire(const std::string& path, LockKind kind,
                                                    std::chrono::milliseconds wait) {
    const std::wstring wide = widePath(path);
    const DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    HANDLE h = INVALID_HANDLE_VALUE;
    if (kind == LockKind::Exclusive) {
        h = ::CreateFileW(wide.c_str(), GENERIC_READ | GENERIC_WRITE, share, nullptr, OPEN_EXISTING, 0, nullptr);
        if (h == INVALID_HANDLE_VALUE && ::GetLastError() == ERROR_ACCESS_DENIED) kind = LockKind::Shared;
    }
    if (h == INVALID_HANDLE_VALUE)
        h = ::CreateFileW(wide.c_str(), GENERIC_READ, share, nullptr, OPEN_EXISTING, 0, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        const DWORD e = ::GetLastError();
        if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND) return fail(ErrorCode::Io, path + ": no such file");
        return fail(ErrorCode::Io, path + ": cannot open: " + windowsError(e));
    }
    std::unique_ptr<HiveLock> lock(new HiveLock);
    lock->path_ = path;
    lock->kind_ = kind;
    lock->handle_ = h;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        OVERLAPPED at{};
        at.Offset = static_cast<DWORD>(kLockOffset & 0xFFFFFFFFu);
        at.OffsetHigh = static_cast<DWORD>(kLockOffset >> 32);
        const DWORD flags = LOCKFILE_FAIL_IMMEDIATELY | (kind == LockKind::Exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0);
        if (::LockFileEx(h, flags, 0, 1, 0, &at)) return lock;
        const DWORD e = ::GetLastError();
        if (e != ERROR_LOCK_VIOLATION && e != ERROR_IO_PENDING)
            return fail(ErrorCode::Io, path + ": cannot lock: " + windowsError(e));
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return lockedError(path, LockHolder{}, wait);  // Windows does not say who
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(kRetryInterval, deadline - now));
    }
}

HiveLock::~HiveLock() {
    if (handle_) ::CloseHandle(static_cast<HANDLE>(handle_));  // closing the handle releases its locks
}

bool HiveLock::covers(const std::string& path) const {
    HANDLE other = ::CreateFileW(widePath(path).c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 nullptr, OPEN_EXISTING, 0, nullptr);
    if (other == INVALID_HANDLE_VALUE) return false;
    BY_HANDLE_FILE_INFORMATION a{}, b{};
    const bool same = ::GetFileInformationByHandle(static_cast<HANDLE>(handle_), &a) &&
                      ::GetFileInformationByHandle(other, &b) && a.dwVolumeSerialNumber == b.dwVolumeSerialNumber &&
                      a.nFileIndexHigh == b.nFileIndexHigh && a.nFileIndexLow == b.nFileIndexLow;
    ::CloseHandle(other);
    return same;
}

LockHolder HiveLock::holderOf(const std::string&, LockKind) { return {}; }

#endif

}  // namespace hivekit
