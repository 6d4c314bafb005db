// ZeroedPages: zero-filled anonymous memory for a large array that lives
// as long as one piece of work (a walk's visited bitmap, a file read whole).
#pragma once

#include <cstddef>
#include <cstdint>

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

}  // namespace hivekit
