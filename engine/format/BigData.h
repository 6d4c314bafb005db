// Big data (db) records and security key (sk) cells.
#pragma once

#include <cstdint>

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

}  // namespace hivekit
