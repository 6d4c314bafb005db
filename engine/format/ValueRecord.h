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

}  // namespace hivekit
