// Allocator: the structure of the hive bins while a hive is edited. Free
// cells by size (best fit) and by offset (for coalescing), allocation with
// split, freeing with coalescing inside an hbin, resizing in place, and
// growth by appending hbins; it keeps the base block's hive bins data size.
// It knows nothing of records (what a cell holds is the strategies'
// business) nor of sequence numbers (TxManager's): every byte it changes
// goes through TxManager::writable(), which marks it dirty.
//
// The format's rules it keeps (msuhanov's specification, "Hive bins" and
// "Cells"; Windows' HvAllocateCell, HvFreeCell):
//  - a cell is 8-byte aligned, its size a multiple of 8 and at least 8;
//  - a cell never crosses an hbin boundary, so free cells coalesce only
//    with neighbours in the same hbin;
//  - an hbin is a multiple of 4 KiB; a cell too large for a 4 KiB bin gets
//    a bin of its own rounded up to 4 KiB;
//  - the hive bins data size in the base block covers every bin.
// Bins whose cell chain is damaged are left alone: none of their cells is
// reused or coalesced.
//
// Free space is learned lazily, so that an edit costs what it changes and
// not the size of the hive: a bin's chain is read the first time a free,
// a resize or an End allocation touches it, and a Reuse allocation that
// finds no fitting cell among the bins learned so far learns the next
// unlearned bins in file order, 1 MiB of bins at a time and at most 4 MiB
// for one allocation, before it grows the hive (so that a cell larger than
// any free one, a grown list, does not learn the whole hive first). Best
// fit therefore chooses among the bins learned so far: on a hive of up to
// 4 MiB of bins that is every bin (the same choice as an eager scan); on
// a larger one, the smallest fitting cell of the first megabytes that
// hold one, which keeps new cells low in the file as well.
// Windows' own allocator does not promise a global best fit either.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "tx/TxManager.h"
#include "util/Error.h"

namespace hivekit {

/// Allocation statistics of one Allocator's life.
struct AllocatorStats {
    uint64_t allocations = 0;
    uint64_t reusedCells = 0;     ///< allocations served by an existing free cell
    uint64_t frees = 0;
    uint64_t coalesced = 0;       ///< merges with a free neighbour
    uint64_t resizedInPlace = 0;
    uint64_t binsAdded = 0;
    uint64_t bytesAdded = 0;      ///< growth of the hive bins
};

/// Free-space management over a TxManager's image. REQUIRES: a transaction
/// is active whenever a mutating call is made.
class Allocator {
public:
    /// Where a new cell comes from.
    enum class Source {
        Reuse,  ///< the smallest free cell that fits (best fit), else a new bin
        End,    ///< the free space at the end of the last bin, else a new bin
    };

    explicit Allocator(TxManager& tx) : tx_(tx) {}

    /// Forgets what it learned of the bins (nothing is read now: bins are
    /// learned on first need). Call after opening and after a rollback (the
    /// image changed under the lists).
    void rebuild();

    /// A new allocated cell with room for `dataSize` bytes of data (the
    /// 4-byte size field excluded), zero-filled; returns its relative offset.
    /// Fails only when the hive would exceed the format's 4 GiB.
    [[nodiscard]] Result<uint32_t> allocate(uint32_t dataSize, Source source = Source::Reuse);
    /// Marks an allocated cell free and merges it with free neighbours in
    /// its bin. The cell's data is left as it was (Windows does the same).
    void free(uint32_t cell);
    /// Makes an allocated cell hold `dataSize` bytes without moving it:
    /// shrinking splits off the rest as a free cell (when at least 8 bytes);
    /// growing takes from a free cell that follows it. False when it cannot
    /// grow in place (nothing changed then).
    bool resize(uint32_t cell, uint32_t dataSize);
    /// The data bytes an allocated cell holds (its size minus 4).
    uint32_t capacity(uint32_t cell) const;

    /// Bytes in free cells, and the number of free cells (usable bins).
    /// Both learn every bin not learned yet (a scan of the whole hive).
    uint64_t freeBytes() const;
    size_t freeCells() const;
    const AllocatorStats& stats() const { return stats_; }
    /// The offsets of the usable bins learned so far: every bin whose free
    /// cells this allocator may have handed out, coalesced or grown into
    /// (what a commit's structure check must cover, merge/Commit). A bin
    /// found damaged is never used, so it is not among them.
    std::vector<uint32_t> learnedBins() const;

    /// The cell size (header included) that holds `dataSize` bytes.
    static uint32_t cellSizeFor(uint32_t dataSize);

private:
    struct Bin {
        uint32_t offset = 0;
        uint32_t size = 0;
        bool usable = true;
    };
    /// The bin holding `offset`, learned now if it was not (null past the
    /// bins).
    const Bin* binOf(uint32_t offset) const;
    /// Reads the chain of the bin holding `offset` and records its free
    /// cells. REQUIRES: that bin is not learned yet.
    const Bin* learnBinAt(uint32_t offset) const;
    /// Learns the next unlearned bins in file order, about 1 MiB of them;
    /// false when every bin is learned.
    bool learnMore() const;
    void addFree(uint32_t offset, uint32_t size) const;
    void removeFree(uint32_t offset);
    void writeSize(uint32_t cell, int32_t rawSize);
    /// Takes `need` bytes from the start of free cell `offset`; the rest
    /// stays free when at least 8 bytes.
    uint32_t carve(uint32_t offset, uint32_t need);
    Result<uint32_t> grow(uint32_t need);

    TxManager& tx_;
    // What is learned of the bins is a cache of the image's chains, filled
    // on demand even through const calls (freeBytes()): mutable.
    mutable std::map<uint32_t, Bin> bins_;                    ///< learned bins by offset
    mutable uint32_t learnedUpTo_ = 0;                        ///< learnMore()'s cursor
    mutable std::map<uint32_t, uint32_t> byOffset_;           ///< free cell -> size
    mutable std::set<std::pair<uint32_t, uint32_t>> bySize_;  ///< (size, offset)
    mutable uint64_t freeBytes_ = 0;
    uint32_t binsEnd_ = 0;
    AllocatorStats stats_;
};

}  // namespace hivekit
