// Decoded field lists of cells, for the hex view's field panel: every field
// of a record with its file offset, size, raw bytes and meaning, and, for a
// field that points to another cell, that cell and how to read it (so a
// viewer can jump there). Also the groups of cells that make up a key or a
// value (what the hex view highlights) and "what is at this file offset".
//
// Everything here reads through format/ decoders and Hive; the GUI never
// looks at a byte itself. Descriptions never fail on damaged records: what
// cannot be decoded is reported in `problems` and the fields read so far are
// kept, because a damaged cell is exactly what a format person wants to see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "hive/CellScanner.h"
#include "hive/DeletedScanner.h"
#include "hive/Hive.h"

namespace hivekit {

/// How a cell is read. Records carry a signature, so Auto finds them; data
/// cells have none, so a link says what it points to. The role also tells a
/// viewer which colour to give the cell.
enum class CellRole {
    Auto,         ///< judge by the signature (nk, vk, sk, li/lf/lh/ri, db), else raw data
    KeyNode,      ///< nk
    Value,        ///< vk
    Security,     ///< sk
    SubkeyList,   ///< li, lf, lh or ri
    ValueList,    ///< a key's array of vk offsets (CellRef::count entries)
    ClassName,    ///< a key's class name (CellRef::length bytes of UTF-16LE)
    ValueData,    ///< a value's data in one cell (CellRef::length bytes of CellRef::valueType)
    BigData,      ///< db record
    SegmentList,  ///< a db record's array of segment offsets (CellRef::count entries)
    Segment,      ///< one db segment (CellRef::length bytes of value data in it)
    Data,         ///< an allocated cell without signature, read as raw bytes
    Free,         ///< a free cell
    BinHeader,    ///< the 32-byte header of an hbin (not a cell)
    BaseBlock,    ///< the 4096-byte base block (not a cell)
};

/// "key node", "subkey list", ...: the role's readable name.
const char* cellRoleName(CellRole role);

/// A cell and how to read it.
struct CellRef {
    uint32_t offset = layout::kNoCell;  ///< relative to the first hbin, as stored in records
    CellRole role = CellRole::Auto;
    uint32_t count = 0;      ///< ValueList, SegmentList: the number of entries in use
    uint32_t length = 0;     ///< ClassName, ValueData, Segment: bytes in use; SegmentList: the value's data size
    uint32_t valueType = 0;  ///< ValueData, SegmentList, Segment: the value's type (for decoding)

    bool operator==(const CellRef&) const = default;
};

/// One decoded field.
struct CellField {
    std::string name;         ///< "subkey list", "last written", "entry 3"
    uint64_t fileOffset = 0;  ///< absolute offset of the field's first byte
    uint32_t size = 0;        ///< bytes
    /// The field's bytes: a view into the hive, valid while the Hive lives.
    Bytes raw;
    /// The decoded meaning: "8", "2012-04-07 13:05:14.5115038 UTC",
    /// "lh list, 8 entries, at file 0xeb70", "none".
    std::string meaning;
    /// Set when the field points to a cell that can be shown.
    std::optional<CellRef> target;
};

/// One cell (or header) described: what it is, where, and its fields in
/// file order.
struct CellDescription {
    /// The cell and the role it was read as (Auto resolved to the role used).
    /// For BaseBlock and BinHeader, `offset` is kNoCell and the bin's
    /// relative offset respectively.
    CellRef ref;
    uint64_t fileOffset = 0;  ///< first byte (the cell's size field)
    uint32_t size = 0;        ///< bytes, the size field included
    bool allocated = true;
    /// "nk \"ControlSet001\"", "lh list, 8 entries", "free cell".
    std::string title;
    std::vector<CellField> fields;
    /// What could not be decoded; the fields read before it are kept.
    std::vector<Error> problems;
    /// Set for a deleted record (see describeAt): where it was found. Its
    /// fields are named as a live record's; `allocated` tells whether the
    /// bytes lie in an allocated cell (unreferenced cells, slack).
    std::optional<FoundIn> deletedIn;
    /// For a deleted record, one line for people: that it is deleted, where
    /// it was found and whose cell header it has. Empty otherwise.
    std::string note;

    /// The field with this name, or null (first match).
    const CellField* field(std::string_view name) const;
};

/// Describes one cell read as `ref.role` (Auto: by its signature). Fails
/// only when `ref.offset` does not resolve to a cell (outside the bins, in a
/// damaged bin, misaligned, a broken size field).
[[nodiscard]] Result<CellDescription> describeCell(const Hive& hive, const CellRef& ref);

/// The base block's fields.
CellDescription describeBaseBlock(const Hive& hive);

/// The header fields of the hbin that starts at relative offset
/// `binOffset`. Fails when no bin starts there.
[[nodiscard]] Result<CellDescription> describeBin(const Hive& hive, uint32_t binOffset);

/// The cells that make up a key or a value, the record first, then the
/// cells it points to; what cannot be resolved is reported in `problems`.
struct CellGroup {
    std::vector<CellDescription> cells;
    std::vector<Error> problems;
};

/// A key's cells: the nk, its subkey list (an ri and each of its leaves),
/// its value list, its sk and its class name. Fails when the nk itself
/// cannot be read as a cell.
[[nodiscard]] Result<CellGroup> describeKeyCells(const Hive& hive, uint32_t nkOffset);

/// A value's cells: the vk, then its data cell, or its db record, segment
/// list and segments. Fails when the vk itself cannot be read as a cell.
[[nodiscard]] Result<CellGroup> describeValueCells(const Hive& hive, uint32_t vkOffset);

/// What lies at an absolute file offset: the base block, an hbin header, or
/// the cell (allocated or free) containing it, found by walking the bin's
/// cell chain; or, when the offset lies in a deleted key node or value
/// record that scanDeleted would report there, that record, described as a
/// live one (same fields) with `deletedIn` and `note` set. Deleted records
/// are looked for in the free cell holding the offset, in the slack of an
/// nk, vk, subkey list or db cell and past the last hbin; in an allocated
/// cell nothing references only when `known` (a scanDeleted result of this
/// hive) names a record in that cell, because only the structural check
/// knows which cells those are. Fails beyond the bins (unless a deleted
/// record covers the offset there), in a damaged bin, or where the chain
/// breaks before the offset.
[[nodiscard]] Result<CellDescription> describeAt(const Hive& hive, uint64_t fileOffset,
                                                 const DeletedScan* known = nullptr);

/// describeAt as a group, what a viewer highlights: a live nk's or vk's
/// whole key or value (describeKeyCells, describeValueCells); a deleted
/// record followed by the cell it was found in (the free cell that absorbed
/// it, the unreferenced cell, the cell whose slack holds it; nothing past
/// the last hbin); anything else alone.
[[nodiscard]] Result<CellGroup> describeGroupAt(const Hive& hive, uint64_t fileOffset,
                                                const DeletedScan* known = nullptr);

/// The cell containing relative offset `offset` (walking its bin's cells).
[[nodiscard]] Result<Cell> cellContaining(const Hive& hive, uint32_t offset);

/// A short label for tooltips: "nk \"Services\"", "vk \"Start\" (REG_DWORD)",
/// "lh list, 12 entries", "free cell"; for other cells the kind's name.
std::string cellLabel(const Hive& hive, const Cell& cell);

}  // namespace hivekit
