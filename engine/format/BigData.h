// Big data (db) records: data larger than 16344 bytes, stored in segments.
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

/// Size of a db record's data.
inline constexpr size_t kBigDataRecordSize = 8;

/// Encodes a db record: signature, segment count, segment list offset.
std::vector<uint8_t> encodeBigData(const BigData& record);

}  // namespace hivekit
