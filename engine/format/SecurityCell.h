// Security key (sk) cells: a security descriptor shared by the keys that
// name it, on a doubly linked list of every sk cell of the hive.
#pragma once

#include <cstdint>
#include <span>

#include "format/ByteReader.h"
#include "format/Offsets.h"

namespace hivekit {

/// An sk cell's header; `descriptor` points into the cell.
struct SecurityCell {
    uint32_t cellOffset = 0;
    uint32_t flink = 0;
    uint32_t blink = 0;
    uint32_t referenceCount = 0;
    uint32_t descriptorSize = 0;
    Bytes descriptor;

    /// Where the descriptor's first byte is in the file: what its decoder
    /// reports offsets from.
    FileOffset descriptorFileOffset() const { return cellDataFileOffset(cellOffset) + layout::sk::Descriptor; }
};

/// Decodes the sk record in `data` (a cell's data), the cell being at
/// `cellOffset` and its data at `fileOffset` in the file.
Result<SecurityCell> decodeSecurityCell(Bytes data, uint32_t cellOffset, uint64_t fileOffset);

/// Size of an sk cell's data for a descriptor of `descriptorSize` bytes.
inline constexpr size_t securityCellSize(size_t descriptorSize) { return layout::sk::Descriptor + descriptorSize; }

/// Writes an sk record (signature, reserved 0, links, reference count,
/// descriptor size and bytes) at the start of `out`.
/// REQUIRES: out.size() >= securityCellSize(cell.descriptor.size()).
void encodeSecurityCell(const SecurityCell& cell, std::span<uint8_t> out);

}  // namespace hivekit
