#include "hive/FileMapping.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hive/HugePageRange.h"

namespace hivekit {

FileMapping::~FileMapping() {
    if (reserved_ && data_) munmap(const_cast<uint8_t*>(data_), reserved_);
    else if (mapped_ && data_) munmap(const_cast<uint8_t*>(data_), size_);
}

void FileMapping::populate() const {
    if (!mapped_ || reserved_ != 0 || size_ == 0) return;
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22  // Linux 5.14; older kernels refuse it (EINVAL)
#endif
    void* base = const_cast<uint8_t*>(data_);
    if (madvise(base, size_, MADV_POPULATE_READ) != 0) (void)madvise(base, size_, MADV_WILLNEED);
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

namespace {
constexpr size_t kHugePage = ZeroedPages::kHugePage;

// The file mapped read-only at a 2 MiB-aligned address, so that the kernel
// can map each 2 MiB the page cache holds in one folio with one PMD entry.
// Null when it cannot be.
uint8_t* mapAtHugeBoundary(int fd, size_t size) {
    // Address space reserved at the boundary, the file mapped over its
    // start, what is left past the file's last page given back.
    const size_t length = (size + kHugePage - 1) / kHugePage * kHugePage;
    uint8_t* base = mapAtHugePageBoundary(length, PROT_NONE, MAP_NORESERVE);
    if (!base) return nullptr;
    if (mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(base, length);
        return nullptr;
    }
    const size_t mapped = (size + 4095) / 4096 * 4096;
    if (length > mapped) munmap(base + mapped, length - mapped);
    return base;
}

// KiB of the mapping holding `address` that the kernel maps with PMD
// entries (/proc/self/smaps "FilePmdMapped:"); -1 when unknown.
long filePmdMappedKiB(const void* address) {
    FILE* smaps = std::fopen("/proc/self/smaps", "re");
    if (!smaps) return -1;
    const auto a = reinterpret_cast<uintptr_t>(address);
    char line[512];
    bool inside = false;
    long kib = -1;
    while (std::fgets(line, sizeof line, smaps)) {
        unsigned long long lo = 0, hi = 0;
        char dash = 0;
        if (std::sscanf(line, "%llx%c%llx ", &lo, &dash, &hi) == 3 && dash == '-') {
            if (inside) break;
            inside = a >= lo && a < hi;
        } else if (inside && std::strncmp(line, "FilePmdMapped:", 14) == 0) {
            kib = std::strtol(line + 14, nullptr, 10);
        }
    }
    std::fclose(smaps);
    return kib;
}

// Whether the page cache holds most of the mapped file in 2 MiB folios:
// one touch per 2 MiB maps each such folio with one PMD entry, and smaps
// counts them. Then the mapping is as cheap to read as a copy, without one.
bool mostlyInHugeFolios(const uint8_t* base, size_t size) {
    const size_t chunks = size / kHugePage;
    if (chunks == 0) return false;
    uint8_t sum = 0;
    for (size_t i = 0; i < chunks; ++i) sum ^= *static_cast<const volatile uint8_t*>(base + i * kHugePage);
    (void)sum;
    const long kib = filePmdMappedKiB(base);
    return kib > 0 && static_cast<size_t>(kib) * 1024 * 2 >= chunks * kHugePage;
}
}  // namespace

Result<std::unique_ptr<FileMapping>> FileMapping::load(const std::string& path, Copy when) {
    Fd f;
    f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    const bool regular = f.fd >= 0 && fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode);
    const size_t size = regular ? static_cast<size_t>(st.st_size) : 0;
    uint8_t* mapped = size >= kHugePage && ZeroedPages::hugePagesOnRequest() ? mapAtHugeBoundary(f.fd, size) : nullptr;
    if (!mapped) {
        // A small file, no huge pages, or the mapping refused: the plain
        // mapping, paged in at once (open() also names whatever is wrong
        // with the path).
        auto m = open(path);
        if (m) (*m)->populate();
        return m;
    }
    std::unique_ptr<FileMapping> m(new FileMapping);
    m->data_ = mapped;
    m->size_ = size;
    m->mapped_ = true;
    (void)madvise(mapped, size, MADV_HUGEPAGE);
    // Past kLoadAtMost the copy's memory beside the page cache costs more
    // than it saves: a 554 MB hive walked in 0.73 s copied (its huge pages
    // freshly backed by the host each time) against 0.61 s mapped.
    if (size > kLoadAtMost || (when == Copy::WhenFaster && mostlyInHugeFolios(mapped, size))) {
        m->populate();
        return m;
    }
    ZeroedPages copy(size);
    if (!copy.inHugePages()) {
        m->populate();
        return m;
    }
    // The mapping goes first, so that the copy never lies beside the pages
    // the probe mapped (peak memory: the copy alone).
    munmap(mapped, size);
    m->mapped_ = false;
    m->data_ = nullptr;
    uint8_t* base = copy.data();
    size_t got = 0;
    while (got < size) {
        const ssize_t n = ::pread(f.fd, base + got, size - got, static_cast<off_t>(got));
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(ErrorCode::Io, path + ": read failed at offset " + std::to_string(got) + ": " +
                                           std::strerror(errno));
        }
        if (n == 0) break;  // the file shrank since fstat: what was read is the file
        got += static_cast<size_t>(n);
    }
    m->data_ = base;
    m->size_ = got;
    m->copy_ = std::move(copy);
    return m;
}

namespace {
size_t pageSize() {
    static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    return size;
}
size_t roundToPages(size_t n) { return (n + pageSize() - 1) / pageSize() * pageSize(); }
// The largest hive: a 4 KiB base block and 4 GiB of hive bins (cell offsets
// are 32-bit), plus room for trailing slack.
constexpr size_t kCopyOnWriteReserve = (size_t{1} << 32) + (size_t{1} << 20);
}  // namespace

Result<void> FileMapping::mapFileAtBase() {
    Fd f;
    f.fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.fd < 0) {
        if (errno == ENOENT) return fail(ErrorCode::Io, path_ + ": no such file");
        return fail(ErrorCode::Io, path_ + ": cannot open: " + std::strerror(errno));
    }
    struct stat st {};
    if (fstat(f.fd, &st) != 0) return fail(ErrorCode::Io, path_ + ": cannot stat: " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return fail(ErrorCode::Io, path_ + ": not a regular file; only files can be edited");
    const size_t size = static_cast<size_t>(st.st_size);
    if (roundToPages(size) > reserved_)
        return fail(ErrorCode::Unsupported, path_ + ": " + std::to_string(size) + " bytes is larger than a hive can be");
    uint8_t* base = const_cast<uint8_t*>(data_);
    const size_t mapped = roundToPages(size);
    if (mapped > 0 && mmap(base, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, f.fd, 0) == MAP_FAILED)
        return fail(ErrorCode::Io, path_ + ": cannot map for editing: " + std::strerror(errno));
    // Whatever the range held beyond the file (pages of an earlier, larger
    // image) is replaced by fresh inaccessible pages.
    if (reserved_ > mapped &&
        mmap(base + mapped, reserved_ - mapped, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
             -1, 0) == MAP_FAILED)
        return fail(ErrorCode::Io, path_ + ": cannot reset the image's reserve: " + std::strerror(errno));
    fileMapped_ = mapped;
    size_ = size;
    return {};
}

Result<std::unique_ptr<FileMapping>> FileMapping::openCopyOnWrite(const std::string& path) {
    void* base = mmap(nullptr, kCopyOnWriteReserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED)
        return fail(ErrorCode::Io, path + ": cannot reserve address space for editing: " + std::strerror(errno));
    std::unique_ptr<FileMapping> m(new FileMapping);
    m->data_ = static_cast<const uint8_t*>(base);
    m->reserved_ = kCopyOnWriteReserve;
    m->mapped_ = true;
    m->path_ = path;
    if (auto r = m->mapFileAtBase(); !r) return std::unexpected(r.error());
    return m;
}

Result<void> FileMapping::grow(size_t size) {
    if (size <= size_) return {};
    const size_t end = roundToPages(size);
    if (end > reserved_)
        return fail(ErrorCode::Unsupported,
                    path_ + ": the image cannot grow to " + std::to_string(size) + " bytes (a hive holds at most 4 GiB)");
    if (end > fileMapped_ &&
        mprotect(const_cast<uint8_t*>(data_) + fileMapped_, end - fileMapped_, PROT_READ | PROT_WRITE) != 0)
        return fail(ErrorCode::Io, path_ + ": cannot grow the image: " + std::strerror(errno));
    size_ = size;
    return {};
}


}  // namespace hivekit
