// Big data (db) records and security key (sk) cells.
#pragma once

#include <cstdint>
#include <vector>

#include "format/ByteReader.h"

namespace hivekit {

/// A db record: the number of segments and the cell holding their offsets.
struct BigData {
    uint16_t segmentCount = 0;
    uint32_t segmentList = 0;
};

Result<BigData> decodeBigData(Bytes data, uint64_t fileOffset);

/// True when a cell's data starts with the "db" signature.
bool looksLikeBigData(Bytes data);

/// An sk cell's header; `descriptor` points into the cell.
struct SecurityCell {
    uint32_t cellOffset = 0;
    uint32_t flink = 0;
    uint32_t blink = 0;
    uint32_t referenceCount = 0;
    uint32_t descriptorSize = 0;
    Bytes descriptor;
};

Result<SecurityCell> decodeSecurityCell(Bytes data, uint32_t cellOffset, uint64_t fileOffset);

/// Size of a db record's data.
inline constexpr size_t kBigDataRecordSize = 8;

/// Encodes a db record: signature, segment count, segment list offset.
std::vector<uint8_t> encodeBigData(const BigData& record);

/// Size of an sk cell's data for a descriptor of `descriptorSize` bytes.
inline constexpr size_t securityCellSize(size_t descriptorSize) { return 0x14 + descriptorSize; }

/// Writes an sk record (signature, reserved 0, links, reference count,
/// descriptor size and bytes) at the start of `out`.
/// REQUIRES: out.size() >= securityCellSize(cell.descriptor.size()).
void encodeSecurityCell(const SecurityCell& cell, std::span<uint8_t> out);

}  // namespace hivekit
