// The value record (vk).
#pragma once

#include <cstdint>
#include <string>

#include "format/ByteReader.h"

namespace hivekit {

/// A decoded vk record. `nameBytes` points into the cell.
struct ValueRecord {
    uint32_t cellOffset = 0;
    uint16_t nameLength = 0;
    uint32_t dataSizeField = 0;  ///< raw: bit 31 means the data is in dataOffset
    uint32_t dataOffset = 0;
    uint32_t type = 0;
    uint16_t flags = 0;
    uint16_t spare = 0;
    Bytes nameBytes;
    uint8_t inlineBytes[4] = {};  ///< the dataOffset field's bytes, for inline data

    bool compressedName() const;
    bool dataInline() const;
    uint32_t dataSize() const { return dataSizeField & 0x7FFFFFFF; }
    std::u16string name() const;
    std::string nameUtf8() const;
};

Result<ValueRecord> decodeValueRecord(Bytes data, uint32_t cellOffset, uint64_t fileOffset);

/// Size of a vk record's data for a name of `nameBytes` stored bytes.
inline constexpr size_t valueRecordSize(size_t nameBytes) { return 0x14 + nameBytes; }

/// Writes `value` as a vk record at the start of `out`. Inline data
/// (dataInline()) is taken from inlineBytes, otherwise dataOffset is stored.
/// REQUIRES: out.size() >= valueRecordSize(value.nameBytes.size()) and
/// value.nameLength == value.nameBytes.size().
void encodeValueRecord(const ValueRecord& value, std::span<uint8_t> out);

}  // namespace hivekit
