// Subkey lists: li, lf, lh (leaves) and ri (index root of leaves).
#pragma once

#include <cstdint>
#include <vector>

#include "format/ByteReader.h"

namespace hivekit {

/// A decoded subkey list. Entries stay in the cell; `offsetAt` and `hintAt`
/// read them (bounds were checked once at decode).
struct SubkeyList {
    enum class Kind { IndexLeaf, FastLeaf, HashLeaf, IndexRoot };

    Kind kind = Kind::IndexLeaf;
    uint16_t count = 0;
    Bytes entries;  ///< count * entrySize() bytes

    bool isLeaf() const { return kind != Kind::IndexRoot; }
    bool hasHints() const { return kind == Kind::FastLeaf || kind == Kind::HashLeaf; }
    size_t entrySize() const { return hasHints() ? 8 : 4; }
    /// The cell offset of entry i (a key node, or a leaf for ri). REQUIRES i < count.
    uint32_t offsetAt(size_t i) const { return loadU32(entries.data() + i * entrySize()); }
    /// The lf name hint or the lh hash of entry i. REQUIRES hasHints() and i < count.
    uint32_t hintAt(size_t i) const { return loadU32(entries.data() + i * 8 + 4); }
    const char* signatureName() const;
};

/// Decodes a subkey list from a cell's data; the count must fit the cell.
Result<SubkeyList> decodeSubkeyList(Bytes data, uint64_t fileOffset);

/// The lf hint of a name: its first four characters (Latin-1 or UTF-16 low
/// bytes), zero-padded.
uint32_t fastLeafHint(std::u16string_view name);

/// One entry of a subkey list to encode: a cell offset and, in lf and lh
/// leaves, its hint (the name's first four characters) or hash.
struct SubkeyListEntry {
    uint32_t offset = 0;
    uint32_t hint = 0;
};

/// Size of a list's data with `count` entries of `kind`.
size_t subkeyListSize(SubkeyList::Kind kind, size_t count);

/// Encodes a subkey list (signature, count, entries; hints only for lf and
/// lh). REQUIRES: entries.size() <= 0xFFFF.
std::vector<uint8_t> encodeSubkeyList(SubkeyList::Kind kind, std::span<const SubkeyListEntry> entries);

}  // namespace hivekit
