#include "hive/ZeroedPages.h"

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

#include "hive/HugePageRange.h"

namespace hivekit {

namespace {
// Below this, the heap's small pages cost less than zeroing a huge page.
constexpr size_t kHugeFrom = size_t{64} << 10;
}  // namespace

bool ZeroedPages::hugePagesOnRequest() {
    static const bool offered = [] {
        const int fd = ::open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        char text[128] = {};
        const ssize_t n = ::read(fd, text, sizeof text - 1);
        ::close(fd);
        if (n <= 0) return false;
        return std::strstr(text, "[always]") != nullptr || std::strstr(text, "[madvise]") != nullptr;
    }();
    return offered;
}

uint8_t* mapAtHugePageBoundary(size_t length, int prot, int extraFlags) {
    constexpr size_t kHugePage = ZeroedPages::kHugePage;
    // Over-reserve by one huge page and give back the ends.
    void* raw = mmap(nullptr, length + kHugePage, prot, MAP_PRIVATE | MAP_ANONYMOUS | extraFlags, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start) munmap(raw, aligned - start);
    if (start + kHugePage > aligned) munmap(reinterpret_cast<void*>(aligned + length), start + kHugePage - aligned);
    return reinterpret_cast<uint8_t*>(aligned);
}

ZeroedPages::ZeroedPages(size_t size) : size_(size) {
    if (size == 0) return;
    if (size >= kHugeFrom && hugePagesOnRequest()) {
        const size_t length = (size + kHugePage - 1) / kHugePage * kHugePage;
        if (uint8_t* p = mapAtHugePageBoundary(length, PROT_READ | PROT_WRITE)) {
            data_ = p;
            mapped_ = length;
            (void)madvise(data_, length, MADV_HUGEPAGE);
            return;
        }
    }
    data_ = static_cast<uint8_t*>(std::calloc(size, 1));
    if (!data_) size_ = 0;
}

ZeroedPages::ZeroedPages(ZeroedPages&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, 0)) {}

ZeroedPages& ZeroedPages::operator=(ZeroedPages&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        mapped_ = std::exchange(other.mapped_, 0);
    }
    return *this;
}

ZeroedPages::~ZeroedPages() { release(); }

void ZeroedPages::release() {
    if (mapped_) munmap(data_, mapped_);
    else std::free(data_);
    data_ = nullptr;
    size_ = 0;
    mapped_ = 0;
}

}  // namespace hivekit
