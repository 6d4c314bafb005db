// Walks every cell of every hbin in file order: the basis of `hivectl
// cells`, the statistics of `info`, the layout picture and the checker.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

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
    CellStatistics statistics(Diagnostics* sink = nullptr) const;

private:
    const Hive& hive_;
};

}  // namespace hivekit
