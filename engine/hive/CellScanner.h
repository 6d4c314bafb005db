// Walks every cell of every hbin in file order: the basis of `hivectl
// cells`, the statistics of `info`, the layout picture and the checker.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>

#include "format/ByteReader.h"
#include "format/HiveBin.h"
#include "format/Layout.h"
#include "hive/Hive.h"

namespace hivekit {

/// What a cell holds, judged by its signature (allocated cells) or by being
/// free. Data cells (value data, class names, value lists, db segments) have
/// no signature of their own.
enum class CellKind { KeyNode, Value, Security, IndexLeaf, FastLeaf, HashLeaf, IndexRoot, BigData, Data, Free };

const char* cellKindName(CellKind kind);
/// Guesses a cell's kind from its first two bytes.
CellKind classifyCell(const Cell& cell);

/// Counts by kind and free-space figures.
struct CellStatistics {
    uint64_t count[10] = {};
    uint64_t bytes[10] = {};
    uint64_t bins = 0;
    uint64_t damagedBins = 0;
    uint64_t largestFree = 0;
    uint64_t allocatedCells() const;
    uint64_t allocatedBytes() const;
};

/// Iterates cells bin by bin. A cell size that breaks the chain (0, not a
/// multiple of 8, past the bin end) is reported and ends that bin's scan.
class CellScanner {
public:
    explicit CellScanner(const Hive& hive) : hive_(hive) {}

    /// Calls `visit(bin, cell)` for each cell; stop early by returning false.
    void scan(const std::function<bool(const HiveBinInfo&, const Cell&)>& visit, Diagnostics* sink = nullptr) const;
    /// The same with the visitor inlined (no std::function call per cell):
    /// for whole-hive passes where the call is a good part of the cost.
    template <class Visit>
    void scanEach(Visit&& visit, Diagnostics* sink = nullptr) const;
    /// The same over some of the bins only (consecutive entries of
    /// Hive::bins()): how whole-hive passes split the cells between threads.
    template <class Visit>
    void scanBinsEach(std::span<const HiveBinInfo> bins, Visit&& visit, Diagnostics* sink = nullptr) const;
    CellStatistics statistics(Diagnostics* sink = nullptr) const;

private:
    /// Reports a chain break that ends a bin's scan.
    static void reportBreak(const Error& error, const HiveBinInfo& bin, Diagnostics* sink);

    const Hive& hive_;
};

template <class Visit>
void CellScanner::scanEach(Visit&& visit, Diagnostics* sink) const {
    scanBinsEach(hive_.bins(), std::forward<Visit>(visit), sink);
}

template <class Visit>
void CellScanner::scanBinsEach(std::span<const HiveBinInfo> bins, Visit&& visit, Diagnostics* sink) const {
    Bytes all = hive_.bytes();
    for (const HiveBinInfo& bin : bins) {
        if (!bin.valid) continue;
        uint32_t off = bin.offset + layout::kHbinHeaderSize;
        const uint32_t end = bin.offset + bin.size;
        while (off < end) {
            const uint64_t fileOffset = uint64_t{off} + layout::kBaseBlockSize;
            if (end - off < 4) break;
            auto h = decodeCellHeader(static_cast<int32_t>(loadU32(all.data() + fileOffset)), fileOffset, end - off);
            if (!h) {
                reportBreak(h.error(), bin, sink);
                break;
            }
            Cell c{off, h->size, h->allocated, all.subspan(fileOffset + 4, h->size - 4)};
            if (!visit(bin, c)) return;
            off += h->size;
        }
    }
}

}  // namespace hivekit
