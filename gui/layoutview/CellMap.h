// The layout view's core, free of Qt: a compact map of every cell of a hive
// (offset, size, kind: 9 bytes a cell, so a 100 MB hive of a million cells
// costs 9 MB), the fragmentation figures drawn from it, and the geometry
// that turns the file into rows of pixels and back. Painting and threads
// are the widget's business; everything here is unit-tested without them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "format/Offsets.h"
#include "hive/CellScanner.h"
#include "hive/Hive.h"

namespace hivekit::gui {

/// What a stretch of the file is, as the picture colours it: the ten cell
/// kinds of CellScanner (same numbers), then what is not a cell.
enum class MapKind : uint8_t {
    // 0..9: CellKind
    BinHeader = 10,   ///< the 32-byte header of an hbin
    BaseBlock = 11,   ///< the 4096-byte base block
    Unreadable = 12,  ///< a damaged hbin, or the rest of a bin after a broken cell chain
    None = 13,        ///< past the end of the file
};
inline constexpr int kMapKindCount = 14;

inline MapKind mapKind(CellKind kind) { return static_cast<MapKind>(kind); }
/// True for the ten cell kinds.
inline bool isCellKind(MapKind kind) { return static_cast<uint8_t>(kind) < 10; }
inline CellKind cellKind(MapKind kind) { return static_cast<CellKind>(kind); }

/// Free-space figures, as CellScanner::statistics counts them.
struct Fragmentation {
    uint64_t freeBytes = 0;
    uint64_t freeCells = 0;
    uint64_t largestFree = 0;
    uint64_t allocatedBytes = 0;
    uint64_t allocatedCells = 0;
    uint64_t count[10] = {};  ///< cells per CellKind
    uint64_t bytes[10] = {};  ///< bytes per CellKind
    /// Free bytes as a share of all cell bytes, 0..100.
    double freePercent() const;
};

/// Every stretch of the hive bins in file order: cells, hbin headers and
/// unreadable stretches (struct of arrays: no padding). Offsets are
/// relative to the first hbin, as in records.
class CellMap {
public:
    size_t size() const { return offsets_.size(); }
    uint32_t offset(size_t i) const { return offsets_[i]; }
    uint32_t length(size_t i) const { return sizes_[i]; }
    MapKind kind(size_t i) const { return static_cast<MapKind>(kinds_[i]); }
    uint64_t fileOffset(size_t i) const { return fileOffsetOf(offsets_[i]).value; }

    /// The whole file's size (the picture's extent).
    uint64_t fileSize() const { return fileSize_; }
    /// Entries that are cells (allocated or free), not headers.
    size_t cellCount() const { return cellCount_; }
    /// The entry containing absolute `fileOffset`, if any (binary search).
    std::optional<size_t> indexAt(uint64_t fileOffset) const;
    /// The entry of the cell at relative `cellOffset`, if one starts there.
    std::optional<size_t> indexOfCell(uint32_t cellOffset) const;
    /// The first entry that ends after `fileOffset` (size() when none).
    size_t firstEndingAfter(uint64_t fileOffset) const;

    Fragmentation fragmentation() const;
    /// Heap bytes the map holds.
    size_t memoryBytes() const;

    /// Appends an entry. REQUIRES: offsets ascending, stretches disjoint.
    void append(uint32_t offset, uint32_t size, MapKind kind);
    void reserve(size_t n);
    /// Gives back the capacity reserve() guessed beyond what was appended.
    void shrinkToFit();
    void setFileSize(uint64_t size) { fileSize_ = size; }

private:
    std::vector<uint32_t> offsets_;
    std::vector<uint32_t> sizes_;
    std::vector<uint8_t> kinds_;
    uint64_t fileSize_ = 0;
    size_t cellCount_ = 0;
};

/// Walks every bin of `hive` (CellScanner's order and rules) into a map.
/// `progress(done, total)` is called now and then with bytes of bins done;
/// returning false cancels, and buildCellMap returns nothing.
std::optional<CellMap> buildCellMap(const Hive& hive,
                                    const std::function<bool(uint64_t done, uint64_t total)>& progress = {});

/// The picture's geometry: the file as rows of `bytesPerRow` bytes, each
/// `width` pixels wide and `rowHeight` pixels high (`rowGap` of them blank,
/// between rows). Row r shows file bytes [r * bytesPerRow, (r+1) * bytesPerRow);
/// pixel x of a row covers [rowStart + x * bytesPerRow / width, ...).
class LayoutGeometry {
public:
    /// The zoom steps: bytes per row, from 128 bytes to 16 MiB (a 4 GB
    /// hive, the largest the format allows, fits 256 rows).
    static constexpr uint64_t kMinBytesPerRow = 128;
    static constexpr uint64_t kMaxBytesPerRow = 16u << 20;

    LayoutGeometry(uint64_t fileSize = 0, uint64_t bytesPerRow = 4096, int width = 512, int rowHeight = 12,
                   int rowGap = 2);

    uint64_t fileSize() const { return fileSize_; }
    uint64_t bytesPerRow() const { return bytesPerRow_; }
    int width() const { return width_; }
    int rowHeight() const { return rowHeight_; }
    int rowGap() const { return rowGap_; }
    int rowPitch() const { return rowHeight_ + rowGap_; }
    double bytesPerPixel() const { return static_cast<double>(bytesPerRow_) / width_; }

    uint64_t rowCount() const;
    /// Total height of all rows, in pixels.
    uint64_t contentHeight() const { return rowCount() * static_cast<uint64_t>(rowPitch()); }
    uint64_t rowOf(uint64_t fileOffset) const { return fileOffset / bytesPerRow_; }
    uint64_t rowStart(uint64_t row) const { return row * bytesPerRow_; }
    /// The pixel column of a file offset within its row, 0..width-1.
    int xOf(uint64_t fileOffset) const;
    /// The file offset under the middle of pixel x of `row`.
    uint64_t offsetAtPixel(uint64_t row, int x) const;

    /// The file offset under content point (x, y) (y from the top of the
    /// first row); nothing in the gaps between rows, outside the width, or
    /// past the end of the file.
    std::optional<uint64_t> offsetAt(int x, uint64_t y) const;

    /// Rows [first, last) that intersect content pixels [top, top+height).
    std::pair<uint64_t, uint64_t> rowsIn(uint64_t top, int height) const;

    /// The next zoom step in (fewer bytes per row) or out; unchanged at the ends.
    static uint64_t zoomedIn(uint64_t bytesPerRow);
    static uint64_t zoomedOut(uint64_t bytesPerRow);
    /// The smallest zoom step whose rows fit the whole file in `rows` rows.
    static uint64_t fitting(uint64_t fileSize, uint64_t rows);

private:
    uint64_t fileSize_;
    uint64_t bytesPerRow_;
    int width_;
    int rowHeight_;
    int rowGap_;
};

/// One row rasterised: for each pixel the kind covering most of its bytes
/// (so cells smaller than a pixel are aggregated, and none is drawn twice),
/// and whether a stretch at least `minEdgePixels` wide starts in it (where
/// the painter draws a separator).
struct RowPixels {
    std::vector<MapKind> kinds;
    std::vector<uint8_t> edges;
};
void rasterRow(const CellMap& map, const LayoutGeometry& geometry, uint64_t row, RowPixels& out,
               int minEdgePixels = 4);

}  // namespace hivekit::gui
