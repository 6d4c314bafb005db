#include "hive/CellScanner.h"

#include <algorithm>

#include "format/HiveBin.h"
#include "format/Layout.h"

namespace hivekit {

const char* cellKindName(CellKind kind) {
    switch (kind) {
    case CellKind::KeyNode: return "nk";
    case CellKind::Value: return "vk";
    case CellKind::Security: return "sk";
    case CellKind::IndexLeaf: return "li";
    case CellKind::FastLeaf: return "lf";
    case CellKind::HashLeaf: return "lh";
    case CellKind::IndexRoot: return "ri";
    case CellKind::BigData: return "db";
    case CellKind::Data: return "data";
    case CellKind::Free: return "free";
    }
    return "?";
}

CellKind classifyCell(const Cell& cell) {
    if (!cell.allocated) return CellKind::Free;
    if (cell.data.size() < 2) return CellKind::Data;
    switch (loadU16(cell.data.data())) {
    case layout::kKeyNodeSignature: return CellKind::KeyNode;
    case layout::kValueSignature: return CellKind::Value;
    case layout::kSecuritySignature: return CellKind::Security;
    case layout::kIndexLeafSignature: return CellKind::IndexLeaf;
    case layout::kFastLeafSignature: return CellKind::FastLeaf;
    case layout::kHashLeafSignature: return CellKind::HashLeaf;
    case layout::kIndexRootSignature: return CellKind::IndexRoot;
    case layout::kBigDataSignature: return CellKind::BigData;
    default: return CellKind::Data;
    }
}

uint64_t CellStatistics::allocatedCells() const {
    uint64_t n = 0;
    for (int i = 0; i < 9; ++i) n += count[i];
    return n;
}
uint64_t CellStatistics::allocatedBytes() const {
    uint64_t n = 0;
    for (int i = 0; i < 9; ++i) n += bytes[i];
    return n;
}

void CellScanner::reportBreak(const Error& error, const HiveBinInfo& bin, Diagnostics* sink) {
    if (sink)
        sink->error(error.message + "; the rest of the hbin at " +
                        hexOffset(bin.fileOffset()) + " is not scanned",
                    error.offset);
}

void CellScanner::scan(const std::function<bool(const HiveBinInfo&, const Cell&)>& visit, Diagnostics* sink) const {
    scanEach(visit, sink);
}

CellStatistics CellScanner::statistics(Diagnostics* sink) const {
    CellStatistics s;
    for (const auto& b : hive_.bins()) {
        ++s.bins;
        if (!b.valid) ++s.damagedBins;
    }
    scanEach(
        [&](const HiveBinInfo&, const Cell& c) {
            auto k = static_cast<int>(classifyCell(c));
            ++s.count[k];
            s.bytes[k] += c.size;
            if (!c.allocated) s.largestFree = std::max<uint64_t>(s.largestFree, c.size);
            return true;
        },
        sink);
    return s;
}

}  // namespace hivekit
