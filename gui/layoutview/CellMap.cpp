#include "layoutview/CellMap.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "format/Offsets.h"

namespace hivekit::gui {

double Fragmentation::freePercent() const {
    const uint64_t total = freeBytes + allocatedBytes;
    return total ? 100.0 * static_cast<double>(freeBytes) / static_cast<double>(total) : 0.0;
}

void CellMap::append(uint32_t offset, uint32_t size, MapKind kind) {
    assert(offsets_.empty() || offset >= offsets_.back() + sizes_.back());
    offsets_.push_back(offset);
    sizes_.push_back(size);
    kinds_.push_back(static_cast<uint8_t>(kind));
    if (isCellKind(kind)) ++cellCount_;
}

void CellMap::shrinkToFit() {
    offsets_.shrink_to_fit();
    sizes_.shrink_to_fit();
    kinds_.shrink_to_fit();
}

void CellMap::reserve(size_t n) {
    offsets_.reserve(n);
    sizes_.reserve(n);
    kinds_.reserve(n);
}

size_t CellMap::firstEndingAfter(uint64_t fileOffset) const {
    const FileOffset at{fileOffset};
    if (at.inBaseBlock()) return 0;
    const uint64_t rel = at.sinceHiveBinsStart();
    // Entries are disjoint and ascending, so their ends ascend too.
    auto it = std::upper_bound(offsets_.begin(), offsets_.end(), rel,
                               [](uint64_t value, uint32_t start) { return value < start; });
    size_t i = static_cast<size_t>(it - offsets_.begin());
    if (i > 0 && uint64_t{offsets_[i - 1]} + sizes_[i - 1] > rel) --i;
    return i;
}

std::optional<size_t> CellMap::indexAt(uint64_t fileOffset) const {
    const FileOffset at{fileOffset};
    if (at.inBaseBlock()) return std::nullopt;
    const size_t i = firstEndingAfter(fileOffset);
    if (i >= size()) return std::nullopt;
    const uint64_t rel = at.sinceHiveBinsStart();
    if (rel < offsets_[i]) return std::nullopt;
    return i;
}

std::optional<size_t> CellMap::indexOfCell(uint32_t cellOffset) const {
    auto it = std::lower_bound(offsets_.begin(), offsets_.end(), cellOffset);
    if (it == offsets_.end() || *it != cellOffset) return std::nullopt;
    const size_t i = static_cast<size_t>(it - offsets_.begin());
    if (!isCellKind(kind(i))) return std::nullopt;
    return i;
}

Fragmentation CellMap::fragmentation() const {
    Fragmentation f;
    for (size_t i = 0; i < size(); ++i) {
        const MapKind k = kind(i);
        if (!isCellKind(k)) continue;
        const auto c = static_cast<size_t>(k);
        ++f.count[c];
        f.bytes[c] += sizes_[i];
        if (cellKind(k) == CellKind::Free) {
            ++f.freeCells;
            f.freeBytes += sizes_[i];
            f.largestFree = std::max<uint64_t>(f.largestFree, sizes_[i]);
        } else {
            ++f.allocatedCells;
            f.allocatedBytes += sizes_[i];
        }
    }
    return f;
}

size_t CellMap::memoryBytes() const {
    return offsets_.capacity() * sizeof(uint32_t) + sizes_.capacity() * sizeof(uint32_t) + kinds_.capacity();
}

std::optional<CellMap> buildCellMap(const Hive& hive, const std::function<bool(uint64_t, uint64_t)>& progress) {
    CellMap map;
    map.setFileSize(hive.bytes().size());
    // Cells average well over 64 bytes in real hives; a guess saves regrowth.
    map.reserve(hive.binsEnd() / 64 + hive.bins().size());
    const uint64_t total = hive.binsEnd();
    uint64_t sinceReport = 0;
    constexpr uint64_t kReportEvery = 1u << 20;  // bytes of bins between progress calls

    // Unreadable from `from` to the bin's end: the scan stopped early there.
    auto closeBin = [&](const HiveBinInfo& bin, uint32_t from) {
        const uint32_t end = bin.offset + bin.size;
        if (from < end) map.append(from, end - from, MapKind::Unreadable);
    };
    // A bin the scanner never entered: damaged, or its first cell is broken.
    auto skippedBin = [&](const HiveBinInfo& b) {
        if (b.valid) {
            map.append(b.offset, HiveBinInfo::kHeaderSize, MapKind::BinHeader);
            closeBin(b, b.firstCellOffset());
        } else {
            map.append(b.offset, b.size, MapKind::Unreadable);
        }
    };

    const std::vector<HiveBinInfo>& bins = hive.bins();
    size_t nextBin = 0;  // the first bin not yet in the map
    const HiveBinInfo* current = nullptr;
    uint32_t reached = 0;  // where the current bin's cells end so far
    bool cancelled = false;
    CellScanner(hive).scan([&](const HiveBinInfo& bin, const Cell& cell) {
        if (current != &bin) {
            if (current) closeBin(*current, reached);
            for (; nextBin < bins.size() && bins[nextBin].offset < bin.offset; ++nextBin) skippedBin(bins[nextBin]);
            ++nextBin;
            current = &bin;
            map.append(bin.offset, HiveBinInfo::kHeaderSize, MapKind::BinHeader);
            reached = bin.firstCellOffset();
            sinceReport += bin.size;
            if (progress && sinceReport >= kReportEvery) {
                sinceReport = 0;
                if (!progress(bin.offset, total)) {
                    cancelled = true;
                    return false;
                }
            }
        }
        map.append(cell.offset, cell.size, mapKind(classifyCell(cell)));
        reached = cell.offset + cell.size;
        return true;
    });
    if (cancelled) return std::nullopt;
    if (current) closeBin(*current, reached);
    for (; nextBin < bins.size(); ++nextBin) skippedBin(bins[nextBin]);
    if (progress) progress(total, total);
    map.shrinkToFit();
    return map;
}

// ---- geometry ---------------------------------------------------------------

LayoutGeometry::LayoutGeometry(uint64_t fileSize, uint64_t bytesPerRow, int width, int rowHeight, int rowGap)
    : fileSize_(fileSize),
      bytesPerRow_(std::clamp(bytesPerRow, kMinBytesPerRow, kMaxBytesPerRow)),
      width_(std::max(1, width)),
      rowHeight_(std::max(1, rowHeight)),
      rowGap_(std::max(0, rowGap)) {}

uint64_t LayoutGeometry::rowCount() const { return (fileSize_ + bytesPerRow_ - 1) / bytesPerRow_; }

int LayoutGeometry::xOf(uint64_t fileOffset) const {
    const uint64_t inRow = fileOffset % bytesPerRow_;
    return static_cast<int>(inRow * static_cast<uint64_t>(width_) / bytesPerRow_);
}

uint64_t LayoutGeometry::offsetAtPixel(uint64_t row, int x) const {
    // The byte under the middle of the pixel: right whether a pixel shows
    // many bytes or a byte spans many pixels.
    const uint64_t inRow =
        (2 * static_cast<uint64_t>(x) + 1) * bytesPerRow_ / (2 * static_cast<uint64_t>(width_));
    return rowStart(row) + inRow;
}

std::optional<uint64_t> LayoutGeometry::offsetAt(int x, uint64_t y) const {
    if (x < 0 || x >= width_) return std::nullopt;
    const uint64_t row = y / static_cast<uint64_t>(rowPitch());
    if (y % static_cast<uint64_t>(rowPitch()) >= static_cast<uint64_t>(rowHeight_)) return std::nullopt;
    if (row >= rowCount()) return std::nullopt;
    const uint64_t offset = offsetAtPixel(row, x);
    if (offset >= fileSize_ || offset >= rowStart(row + 1)) return std::nullopt;
    return offset;
}

std::pair<uint64_t, uint64_t> LayoutGeometry::rowsIn(uint64_t top, int height) const {
    const uint64_t pitch = static_cast<uint64_t>(rowPitch());
    const uint64_t first = std::min(top / pitch, rowCount());
    const uint64_t bottom = top + static_cast<uint64_t>(std::max(0, height));
    const uint64_t last = std::min((bottom + pitch - 1) / pitch, rowCount());
    return {first, std::max(first, last)};
}

uint64_t LayoutGeometry::zoomedIn(uint64_t bytesPerRow) { return std::max(kMinBytesPerRow, bytesPerRow / 2); }
uint64_t LayoutGeometry::zoomedOut(uint64_t bytesPerRow) { return std::min(kMaxBytesPerRow, bytesPerRow * 2); }

uint64_t LayoutGeometry::fitting(uint64_t fileSize, uint64_t rows) {
    uint64_t bpr = kMinBytesPerRow;
    while (bpr < kMaxBytesPerRow && (fileSize + bpr - 1) / bpr > std::max<uint64_t>(rows, 1)) bpr *= 2;
    return bpr;
}

// ---- rasterisation ---------------------------------------------------------

void rasterRow(const CellMap& map, const LayoutGeometry& g, uint64_t row, RowPixels& out, int minEdgePixels) {
    const int width = g.width();
    out.kinds.assign(static_cast<size_t>(width), MapKind::None);
    out.edges.assign(static_cast<size_t>(width), 0);
    const uint64_t rowStart = g.rowStart(row);
    const uint64_t rowEnd = std::min(rowStart + g.bytesPerRow(), map.fileSize());
    if (rowStart >= rowEnd) return;

    // Coverage is counted in "scaled bytes": byte b of the row spans
    // [b * width, (b + 1) * width) and pixel x spans [x * bpr, (x + 1) * bpr),
    // so every overlap is an exact integer and a pixel narrower than a byte
    // still gets its share.
    const uint64_t bpr = g.bytesPerRow();
    const uint64_t w = static_cast<uint64_t>(width);
    std::array<uint64_t, kMapKindCount> weight{};
    int pixel = -1;
    auto settle = [&]() {
        if (pixel < 0) return;
        size_t best = static_cast<size_t>(MapKind::None);
        uint64_t most = 0;
        for (size_t k = 0; k < weight.size(); ++k)
            if (weight[k] > most) most = weight[k], best = k;
        out.kinds[static_cast<size_t>(pixel)] = static_cast<MapKind>(best);
        weight.fill(0);
    };

    // Adds the stretch [begin, end) of `kind`, clipped to the row.
    auto add = [&](uint64_t begin, uint64_t end, MapKind kind) {
        begin = std::max(begin, rowStart);
        end = std::min(end, rowEnd);
        if (begin >= end) return;
        const uint64_t s = (begin - rowStart) * w;
        const uint64_t e = (end - rowStart) * w;
        const int x0 = static_cast<int>(s / bpr);
        const int x1 = std::min(width - 1, static_cast<int>((e - 1) / bpr));
        if (x1 - x0 + 1 >= minEdgePixels) out.edges[static_cast<size_t>(x0)] = 1;
        for (int x = x0; x <= x1; ++x) {
            if (x != pixel) {
                settle();
                pixel = x;
            }
            const uint64_t lo = std::max(s, static_cast<uint64_t>(x) * bpr);
            const uint64_t hi = std::min(e, static_cast<uint64_t>(x + 1) * bpr);
            weight[static_cast<size_t>(kind)] += hi - lo;
        }
    };

    add(0, kHiveBinsStart, MapKind::BaseBlock);
    for (size_t i = map.firstEndingAfter(std::max(rowStart, kHiveBinsStart)); i < map.size(); ++i) {
        const uint64_t begin = map.fileOffset(i);
        if (begin >= rowEnd) break;
        add(begin, begin + map.length(i), map.kind(i));
    }
    settle();
}

}  // namespace hivekit::gui
