#include "hive/FileMapping.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hivekit {

FileMapping::~FileMapping() {
    if (mapped_ && data_) munmap(const_cast<uint8_t*>(data_), size_);
}

std::unique_ptr<FileMapping> FileMapping::fromBuffer(std::vector<uint8_t> bytes) {
    std::unique_ptr<FileMapping> m(new FileMapping);
    m->buffer_ = std::move(bytes);
    m->data_ = m->buffer_.data();
    m->size_ = m->buffer_.size();
    return m;
}

namespace {
struct Fd {
    int fd = -1;
    ~Fd() { if (fd >= 0) ::close(fd); }
};
}  // namespace

Result<std::unique_ptr<FileMapping>> FileMapping::open(const std::string& path) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) {
        int e = errno;
        if (e == ENOENT) return fail(ErrorCode::Io, path + ": no such file");
        return fail(ErrorCode::Io, path + ": cannot open: " + std::strerror(e));
    }
    struct stat st {};
    if (fstat(f.fd, &st) != 0) return fail(ErrorCode::Io, path + ": cannot stat: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return fail(ErrorCode::Io, path + ": is a directory, not a hive file");
    std::unique_ptr<FileMapping> m(new FileMapping);
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, f.fd, 0);
        if (p != MAP_FAILED) {
            m->data_ = static_cast<const uint8_t*>(p);
            m->size_ = static_cast<size_t>(st.st_size);
            m->mapped_ = true;
            return m;
        }
    }
    // Fallback: read the whole file (pipes, special files, mmap refused).
    std::vector<uint8_t> buf;
    uint8_t chunk[65536];
    for (;;) {
        ssize_t n = ::read(f.fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(ErrorCode::Io, path + ": read failed: " + std::strerror(errno));
        }
        if (n == 0) break;
        buf.insert(buf.end(), chunk, chunk + n);
    }
    return fromBuffer(std::move(buf));
}

}  // namespace hivekit
