// Cell offsets and file offsets, and the one conversion between them.
//
// Records store a cell's place as an offset relative to the start of the
// hive bins data (the first hbin); messages, hex views and layout maps show
// where a byte is in the file. The two differ by the base block. Everything
// that needs one from the other goes through this header, so the front ends
// never add the base block's size themselves.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "format/Layout.h"
#include "util/Error.h"

namespace hivekit {

/// The cell offset records store for "no cell" (no class name, no list).
inline constexpr uint32_t kNoCell = layout::kNoCell;

/// File offset of the first hbin: cell offset 0 is this byte of the file,
/// and everything before it is the base block.
inline constexpr uint64_t kHiveBinsStart = layout::kBaseBlockSize;

/// An offset from the start of the file.
struct FileOffset {
    uint64_t value = 0;

    constexpr FileOffset() = default;
    explicit constexpr FileOffset(uint64_t fromFileStart) : value(fromFileStart) {}

    /// True for the base block's bytes, where no cell can be.
    constexpr bool inBaseBlock() const { return value < kHiveBinsStart; }
    /// How far past the first hbin's start this byte is (a relative offset
    /// that may exceed what a cell offset holds). REQUIRES: !inBaseBlock().
    constexpr uint64_t sinceHiveBinsStart() const { return value - kHiveBinsStart; }
    /// This offset moved `bytes` further (a field within a record).
    constexpr FileOffset operator+(uint64_t bytes) const { return FileOffset{value + bytes}; }

    friend constexpr auto operator<=>(FileOffset, FileOffset) = default;
};

/// A cell's offset as records store it: relative to the first hbin.
struct CellOffset {
    uint32_t value = kNoCell;

    constexpr CellOffset() = default;
    explicit constexpr CellOffset(uint32_t fromFirstBin) : value(fromFirstBin) {}

    /// True for kNoCell.
    constexpr bool isNone() const { return value == kNoCell; }
    /// Where the cell (its size field) is in the file.
    constexpr FileOffset toFile() const { return FileOffset{uint64_t{value} + kHiveBinsStart}; }
    /// The cell offset of the file's byte `file`; nothing when it lies in the
    /// base block or further into the file than a cell offset can reach.
    static constexpr std::optional<CellOffset> fromFile(FileOffset file) {
        if (file.inBaseBlock() || file.sinceHiveBinsStart() >= kNoCell) return std::nullopt;
        return CellOffset{static_cast<uint32_t>(file.sinceHiveBinsStart())};
    }

    friend constexpr auto operator<=>(CellOffset, CellOffset) = default;
};

/// Where the cell at `cellOffset` (relative to the first hbin, as records
/// store it) is in the file. The conversion for code that holds plain
/// uint32_t cell offsets.
constexpr FileOffset fileOffsetOf(uint32_t cellOffset) { return CellOffset{cellOffset}.toFile(); }

/// Where the data of the cell at `cellOffset` begins in the file (after
/// its 4-byte size field): the offset decoders report field errors from.
constexpr FileOffset cellDataFileOffset(uint32_t cellOffset) {
    return fileOffsetOf(cellOffset) + layout::kCellHeaderSize;
}

/// The cell offset of the file's byte `fileOffset`; nothing inside the base
/// block or beyond what a cell offset can reach.
constexpr std::optional<uint32_t> cellOffsetAt(uint64_t fileOffset) {
    auto cell = CellOffset::fromFile(FileOffset{fileOffset});
    if (!cell) return std::nullopt;
    return cell->value;
}

/// "0x1a2b", as every message shows a file offset.
inline std::string hexOffset(FileOffset offset) { return hexOffset(offset.value); }

}  // namespace hivekit
