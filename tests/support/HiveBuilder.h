// HiveBuilder: writes a small, valid regf image in memory from a
// description (keys, values, class names, list kinds), so that tests can
// start from a hive whose every cell they know and then damage it on
// purpose. It is test code: it trusts its caller, and it is written from the
// format specification, not from the engine's writer, so that the engine's
// reader is checked against an independent producer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hive/Hive.h"

namespace testsupport {

/// How a key's or value's name is stored.
enum class NameStorage {
    Auto,    ///< Latin-1 ("compressed") when every unit fits, else UTF-16LE
    Utf16,   ///< UTF-16LE even when the name would fit Latin-1
};

/// The kind of a key's subkey leaves.
enum class ListKind {
    Default,    ///< lf below version 1.5, lh from 1.5 (what Windows writes)
    IndexLeaf,  ///< li
    FastLeaf,   ///< lf
    HashLeaf,   ///< lh
};

/// Where the builder placed one value's cells (relative cell offsets, as
/// stored in records; layout::kNoCell where there is none).
struct BuiltValue {
    uint32_t vk = 0xFFFFFFFF;
    /// The data cell; for big data this is the db cell.
    uint32_t data = 0xFFFFFFFF;
    uint32_t segmentList = 0xFFFFFFFF;  ///< big data only
    std::vector<uint32_t> segments;     ///< big data only
    bool inlineData = false;
    bool bigData = false;
};

/// Where the builder placed one key's cells.
struct BuiltKey {
    uint32_t nk = 0xFFFFFFFF;
    /// The list the nk points to: a leaf, or the ri when the list was split.
    uint32_t subkeyList = 0xFFFFFFFF;
    std::vector<uint32_t> leaves;  ///< the leaves under the ri (empty without ri)
    uint32_t valueList = 0xFFFFFFFF;
    uint32_t classCell = 0xFFFFFFFF;
    std::vector<BuiltValue> values;  ///< in the order the values were added
    /// The children's key ids in the order they appear in the subkey list
    /// (sorted by upcased name), which is not the order they were added.
    std::vector<size_t> sortedChildren;
};

/// A built image and the map of what was placed where. The bytes may be
/// changed freely; the `poke` helpers address fields by relative cell
/// offset so that a test reads like the damage it describes.
struct BuiltHive {
    std::vector<uint8_t> bytes;
    std::vector<BuiltKey> keys;  ///< indexed by the builder's key ids; [0] is the root
    uint32_t security = 0xFFFFFFFF;  ///< the one shared sk cell
    /// Every hbin as placed: relative offset and size.
    std::vector<std::pair<uint32_t, uint32_t>> bins;

    const BuiltKey& key(size_t id) const { return keys.at(id); }
    const BuiltValue& value(size_t keyId, size_t index) const { return keys.at(keyId).values.at(index); }

    /// File offset of a cell's size field / of its data (after the size field).
    static uint64_t fileOffsetOf(uint32_t cell) { return uint64_t{cell} + 0x1000; }
    static uint64_t dataFileOffsetOf(uint32_t cell) { return uint64_t{cell} + 0x1000 + 4; }

    /// Writes a field inside a cell's data (`field` counts from the record's
    /// signature, as the layout:: constants do).
    void pokeField16(uint32_t cell, uint32_t field, uint16_t value);
    void pokeField32(uint32_t cell, uint32_t field, uint32_t value);
    /// Writes the cell's raw size field (negative = allocated).
    void setCellSize(uint32_t cell, int32_t rawSize);
    int32_t cellSize(uint32_t cell) const;
    /// Writes at an absolute file offset.
    void poke16(uint64_t fileOffset, uint16_t value);
    void poke32(uint64_t fileOffset, uint32_t value);
    uint32_t peek32(uint64_t fileOffset) const;
    /// Recomputes the base block checksum (after editing the base block).
    void fixChecksum();

    /// The image opened with Hive::fromBytes (a copy of the bytes).
    hivekit::Result<std::unique_ptr<hivekit::Hive>> open() const;
};

/// Describes a hive, then builds it. Key ids are indexes: 0 is the root.
///
/// Layout of the result: the base block, then hbins of 4096 bytes (larger
/// where a cell needs it). Cells are placed in depth-first order: the root's
/// nk, the sk, then per key its class name, value list, values and data,
/// its subkey list (ri first, then its leaves), then each child's nk and so
/// on, children in list order. The unused end of each bin is
/// one free cell. Subkey lists are sorted by upcased name as Windows sorts
/// them; counts, maximum lengths and the sk reference count are true.
class HiveBuilder {
public:
    /// `minorVersion` 3 gives lf lists and no big data; 5 gives lh lists and
    /// db cells for data over 16344 bytes.
    explicit HiveBuilder(uint32_t minorVersion = 5);

    static constexpr size_t kRoot = 0;

    void setRootName(const std::u16string& name, NameStorage storage = NameStorage::Auto);
    /// Adds a subkey of `parent` and returns its id.
    size_t addKey(size_t parent, const std::u16string& name, NameStorage storage = NameStorage::Auto);
    void setClassName(size_t key, const std::u16string& className);
    /// Adds a value (in order: the value list keeps the order of the calls).
    void addValue(size_t key, const std::u16string& name, uint32_t type, std::vector<uint8_t> data,
                  NameStorage storage = NameStorage::Auto);
    /// Chooses the kind of the key's subkey leaves.
    void setListKind(size_t key, ListKind kind);
    /// Splits the key's subkey list into leaves of at most `perLeaf`
    /// entries under an ri (even when everything would fit one leaf).
    void splitWithIndexRoot(size_t key, size_t perLeaf);
    /// Places the cells of this key's subtree in bins of their own (a new
    /// bin starts before them and after them), so that damaging those bins
    /// affects that subtree only.
    void placeInOwnBins(size_t key);
    /// A FILETIME for every key and the header (fixed by default, so builds
    /// are reproducible).
    void setTimestamp(uint64_t filetime) { timestamp_ = filetime; }

    BuiltHive build() const;

private:
    struct ValueSpec {
        std::u16string name;
        NameStorage storage = NameStorage::Auto;
        uint32_t type = 0;
        std::vector<uint8_t> data;
    };
    struct KeySpec {
        std::u16string name;
        NameStorage storage = NameStorage::Auto;
        size_t parent = 0;
        std::vector<size_t> children;
        std::vector<ValueSpec> values;
        std::u16string className;
        bool hasClass = false;
        ListKind listKind = ListKind::Default;
        size_t riPerLeaf = 0;  ///< 0: no ri
        bool ownBins = false;
    };
    friend class HiveImageWriter;

    uint32_t minor_;
    uint64_t timestamp_ = 0x01D6A1B2C3D4E5F6ULL;
    std::vector<KeySpec> keys_;
};

/// What a complete read of a hive found: every key the TreeWalker reaches,
/// every value, every value's data, class names, security cells, and the
/// Index lookups (path to key, key to path, name to value) for each key;
/// then every cell through CellScanner. Problems go to `diagnostics`.
struct WalkReport {
    std::vector<std::string> paths;      ///< walked key paths, in walk order ("" is the start)
    std::vector<uint32_t> keyOffsets;    ///< the same keys' nk offsets
    std::vector<std::string> valueLines; ///< "path|name|type|size" per readable value
    size_t values = 0;                   ///< values whose vk was read
    size_t dataRead = 0;                 ///< values whose data was read
    uint64_t dataBytes = 0;
    size_t classNames = 0;
    size_t securityCells = 0;
    size_t findKeyOk = 0;    ///< Index::findKey(path) gave the walked key back
    size_t pathOfOk = 0;     ///< Index::pathOf(key) gave the walked path back
    size_t findValueOk = 0;  ///< Index::findValue found a value of that name
    size_t cells = 0;        ///< cells CellScanner visited
    hivekit::Diagnostics diagnostics;

    bool walked(const std::string& path) const;
    /// True when a diagnostic's message contains `text` (and, when given,
    /// its offset is `offset`).
    bool hasDiagnostic(const std::string& text, uint64_t offset = hivekit::Error::kNoOffset) const;
    /// Every diagnostic, one per line ("error 0x1020: ..."), for failure output.
    std::string diagnosticsText() const;
};

WalkReport walkEverything(const hivekit::Hive& hive);

/// The largest free cell of a built hive: (offset, size); (0, 0) when the
/// hive cannot be opened or has no free cell.
std::pair<uint32_t, uint32_t> largestFreeCell(const BuiltHive& built);

/// Little helpers for value data.
std::vector<uint8_t> dwordBytes(uint32_t v);
std::vector<uint8_t> qwordBytes(uint64_t v);
/// UTF-16LE with a terminating NUL, as REG_SZ is stored.
std::vector<uint8_t> regSzBytes(const std::u16string& text);
/// `size` bytes of a reproducible pattern (byte i is (i * 7 + seed) & 0xFF).
std::vector<uint8_t> patternBytes(size_t size, uint8_t seed = 0);

}  // namespace testsupport
