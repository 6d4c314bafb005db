// The key node record (nk).
#pragma once

#include <cstdint>
#include <string>

#include "format/ByteReader.h"

namespace hivekit {

/// A decoded nk record. Offsets to other cells are as stored (relative to
/// the first hbin; 0xFFFFFFFF for none). `nameBytes` points into the cell.
struct KeyNode {
    uint32_t cellOffset = 0;  ///< relative offset of the cell holding this record
    uint16_t flags = 0;
    uint64_t lastWritten = 0;
    uint32_t accessBits = 0;
    uint32_t parent = 0;
    uint32_t subkeyCount = 0;
    uint32_t volatileSubkeyCount = 0;  ///< stale on disk; ignored
    uint32_t subkeyList = 0;
    uint32_t volatileSubkeyList = 0;  ///< stale on disk; ignored
    uint32_t valueCount = 0;
    uint32_t valueList = 0;
    uint32_t security = 0;
    uint32_t classOffset = 0;
    uint32_t maxSubkeyNameField = 0;  ///< raw field: bits 0-15 are the length
    uint32_t maxClassLength = 0;
    uint32_t maxValueNameLength = 0;
    uint32_t maxValueDataLength = 0;
    uint32_t workVar = 0;
    uint16_t nameLength = 0;
    uint16_t classLength = 0;
    Bytes nameBytes;

    bool compressedName() const;
    bool isRoot() const;
    uint16_t maxSubkeyNameLength() const { return static_cast<uint16_t>(maxSubkeyNameField & 0xFFFF); }
    uint8_t virtualizationFlags() const { return (maxSubkeyNameField >> 16) & 0xF; }
    uint8_t userFlags() const { return (maxSubkeyNameField >> 20) & 0xF; }
    uint8_t debugFlags() const { return static_cast<uint8_t>(maxSubkeyNameField >> 24); }
    std::u16string name() const;
    std::string nameUtf8() const;
    /// Flag names joined by '|' ("COMP_NAME|HIVE_ENTRY").
    std::string flagNames() const;
};

/// Decodes an nk record from a cell's data (`data` starts after the cell
/// size field; `fileOffset` is its absolute file offset, for messages).
Result<KeyNode> decodeKeyNode(Bytes data, uint32_t cellOffset, uint64_t fileOffset);

/// Size of an nk record's data (signature to the end of the name) for a
/// name of `nameBytes` stored bytes.
inline constexpr size_t keyNodeSize(size_t nameBytes) { return 0x4C + nameBytes; }

/// Writes every field of `key` and its name bytes (key.nameBytes) as an nk
/// record at the start of `out` (a cell's data, after the size field).
/// REQUIRES: out.size() >= keyNodeSize(key.nameBytes.size()) and
/// key.nameLength == key.nameBytes.size(). cellOffset is not stored.
void encodeKeyNode(const KeyNode& key, std::span<uint8_t> out);

}  // namespace hivekit
