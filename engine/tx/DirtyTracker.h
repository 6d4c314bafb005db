// DirtyTracker: which parts of a hive image a transaction changed, at the
// granularity of 512-byte sectors (the unit of a torn write) and reported
// as runs of 4 KiB pages (the unit of log entries and of primary writes).
#pragma once

#include <cstdint>
#include <vector>

namespace hivekit {

/// A set of changed 512-byte sectors of an image (file offsets).
class DirtyTracker {
public:
    static constexpr uint32_t kSectorSize = 512;
    static constexpr uint32_t kPageSize = 4096;

    /// One run of consecutive dirty pages: [offset, offset + length).
    struct Range {
        uint64_t offset = 0;
        uint64_t length = 0;
        bool operator==(const Range&) const = default;
    };

    /// Marks [offset, offset + length) changed.
    void mark(uint64_t offset, uint64_t length);
    bool isPageDirty(uint64_t offset) const;
    bool empty() const { return sectors_ == 0; }
    uint64_t sectorCount() const { return sectors_; }
    uint64_t pageCount() const;
    /// The dirty 4 KiB pages at or after `from` (a page boundary), as
    /// maximal runs in ascending order.
    std::vector<Range> pageRuns(uint64_t from = 0) const;
    void clear();

private:
    std::vector<uint64_t> bits_;  ///< one bit per sector
    uint64_t sectors_ = 0;
};

}  // namespace hivekit
