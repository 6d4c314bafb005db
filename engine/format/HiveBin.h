// Hive bin headers and cell headers.
#pragma once

#include <algorithm>
#include <cstdint>

#include "format/ByteReader.h"

namespace hivekit {

/// The 32-byte header of a hive bin.
struct HiveBinHeader {
    uint32_t signature = 0;
    uint32_t offset = 0;  ///< relative to the first bin, as stored
    uint32_t size = 0;
    uint64_t timestamp = 0;
    uint32_t spare = 0;
};

/// Decodes and validates an hbin header found at relative offset `expected`
/// (file offset `fileOffset`): signature, self offset, size (a nonzero
/// multiple of 4096, within `available` bytes).
Result<HiveBinHeader> decodeHiveBinHeader(Bytes bytes, uint32_t expected, uint64_t fileOffset, uint64_t available);

/// A cell header: signed size, negative when allocated.
struct CellHeader {
    uint32_t size = 0;  ///< absolute size including the 4-byte header
    bool allocated = false;
};

/// Validates a cell size field (libregf's rules): 0 and 0x80000000 are
/// rejected, so are sizes below 8 or not a multiple of 8, or larger than the
/// `room` left in the bin. `fileOffset` names the cell in messages.
Result<CellHeader> decodeCellHeader(int32_t rawSize, uint64_t fileOffset, uint64_t room);

/// Writes a 32-byte hbin header at the start of `out`.
/// REQUIRES: out.size() >= 32.
inline void encodeHiveBinHeader(const HiveBinHeader& h, std::span<uint8_t> out) {
    uint8_t* p = out.data();
    std::fill(p, p + 32, uint8_t{0});
    storeU32(p + 0x00, h.signature);
    storeU32(p + 0x04, h.offset);
    storeU32(p + 0x08, h.size);
    storeU64(p + 0x14, h.timestamp);
    storeU32(p + 0x1C, h.spare);
}

}  // namespace hivekit
