// ZeroedPages: zero-filled anonymous memory for a large array that lives
// as long as one piece of work (a walk's visited bitmap, a file read whole).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace hivekit {

/// Zero-filled memory of a fixed size, returned to the system on
/// destruction. From 64 KiB up it is 2 MiB-aligned and asks for
/// transparent huge pages (MADV_HUGEPAGE) where the kernel offers them on
/// request: one fault per 2 MiB instead of one per 4 KiB. On the virtual
/// machines HiveKit is measured on, a 4 KiB fault of anonymous memory costs
/// about 12 µs and 2 MiB in a huge page about 130 µs, so from ten small
/// pages up the huge page is cheaper (tests/bench/README.md). Smaller
/// arrays, or a failed mapping, come from the heap.
class ZeroedPages {
public:
    ZeroedPages() = default;
    explicit ZeroedPages(size_t size);
    ZeroedPages(const ZeroedPages&) = delete;
    ZeroedPages& operator=(const ZeroedPages&) = delete;
    ZeroedPages(ZeroedPages&& other) noexcept;
    ZeroedPages& operator=(ZeroedPages&& other) noexcept;
    ~ZeroedPages();

    /// Null when the size was 0 or no memory could be had.
    uint8_t* data() const { return data_; }
    size_t size() const { return size_; }
    /// Whether the memory was asked for in huge pages (the kernel may still
    /// have given small ones).
    bool inHugePages() const { return mapped_ != 0; }

    /// Whether anonymous memory can have transparent huge pages on request
    /// (THP "always" or "madvise"); read once per process.
    static bool hugePagesOnRequest();
    static constexpr size_t kHugePage = size_t{2} << 20;

private:
    void release();

    uint8_t* data_ = nullptr;
    size_t size_ = 0;
    size_t mapped_ = 0;  ///< length of the huge-page mapping; 0 for heap memory
};

/// A fixed-size array of `T` in ZeroedPages, each element `fill` (zero
/// pages need no filling when `fill` is all zero bytes): a work's large
/// table (the checker's cell map) without a 4 KiB fault per page.
/// Empty when the memory could not be had: check size().
template <class T>
class PagedArray {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    PagedArray() = default;
    explicit PagedArray(size_t n, const T& fill = T{}) : pages_(n * sizeof(T)) {
        if (!pages_.data()) return;
        size_ = n;
        static const unsigned char zeros[sizeof(T)] = {};
        if (std::memcmp(&fill, zeros, sizeof(T)) != 0) std::fill_n(data(), n, fill);
    }

    T* data() { return reinterpret_cast<T*>(pages_.data()); }
    const T* data() const { return reinterpret_cast<const T*>(pages_.data()); }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& operator[](size_t i) { return data()[i]; }
    const T& operator[](size_t i) const { return data()[i]; }

private:
    ZeroedPages pages_;
    size_t size_ = 0;
};

}  // namespace hivekit
