#include "tx/DirtyTracker.h"

namespace hivekit {

namespace {
constexpr uint64_t kSectorsPerPage = DirtyTracker::kPageSize / DirtyTracker::kSectorSize;  // 8
}  // namespace

void DirtyTracker::mark(uint64_t offset, uint64_t length) {
    if (length == 0) return;
    const uint64_t first = offset / kSectorSize;
    const uint64_t last = (offset + length - 1) / kSectorSize;
    if (last / 64 >= bits_.size()) bits_.resize(last / 64 + 1, 0);
    for (uint64_t s = first; s <= last; ++s) {
        const uint64_t bit = uint64_t{1} << (s % 64);
        if (!(bits_[s / 64] & bit)) {
            bits_[s / 64] |= bit;
            ++sectors_;
        }
    }
}

bool DirtyTracker::isPageDirty(uint64_t offset) const {
    // 8 sectors per page: one byte of a word, never split across words.
    const uint64_t s = offset / kPageSize * kSectorsPerPage;
    return s / 64 < bits_.size() && ((bits_[s / 64] >> (s % 64)) & 0xFF) != 0;
}

uint64_t DirtyTracker::pageCount() const {
    uint64_t n = 0;
    for (uint64_t page = 0; page * kSectorsPerPage / 64 < bits_.size(); ++page)
        if (isPageDirty(page * kPageSize)) ++n;
    return n;
}

std::vector<DirtyTracker::Range> DirtyTracker::pageRuns(uint64_t from) const {
    std::vector<Range> runs;
    const uint64_t pages = bits_.size() * 64 / kSectorsPerPage;
    for (uint64_t page = from / kPageSize; page < pages; ++page) {
        if (bits_[page * kSectorsPerPage / 64] == 0) {
            // Skip a clean word (8 pages) at once.
            page = (page * kSectorsPerPage / 64 + 1) * 64 / kSectorsPerPage - 1;
            continue;
        }
        if (!isPageDirty(page * kPageSize)) continue;
        if (!runs.empty() && runs.back().offset + runs.back().length == page * kPageSize)
            runs.back().length += kPageSize;
        else
            runs.push_back(Range{page * kPageSize, kPageSize});
    }
    return runs;
}

void DirtyTracker::clear() {
    bits_.clear();
    sectors_ = 0;
}

}  // namespace hivekit
