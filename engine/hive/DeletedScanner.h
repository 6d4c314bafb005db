// Deleted keys and values: key nodes and value records that free cells
// still hold. When Windows deletes a key or a value it frees the cells and
// leaves their bytes; later allocations overwrite them piece by piece.
// What still parses is evidence: a forensic analyst wants it listed apart
// from the live tree, with the path the key had and the data the value had,
// and told plainly when the data is gone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "format/KeyNode.h"
#include "format/Offsets.h"
#include "format/ValueRecord.h"
#include "hive/Hive.h"

namespace hivekit {

/// What became of a deleted value's data.
enum class RecoveredData {
    Intact,       ///< all of it recovered (inline, or from free cells still large enough)
    Empty,        ///< the value had no data (size 0)
    Overwritten,  ///< its cell, or a segment of it, is allocated again to something else
    Truncated,    ///< the free cell is smaller than the declared size: what fits is given
    Missing,      ///< the offset points outside the bins, or at no cell
};

/// A human-readable name: "intact", "empty", "overwritten", "truncated", "missing".
const char* recoveredDataName(RecoveredData state);

/// Where in the file a deleted record was found. Each place is scanned at
/// every 8-byte boundary (a cell starts at one), so a record is found
/// wherever its old cell began.
enum class FoundIn : uint8_t {
    /// At the start of a free cell: the cell Windows freed when it deleted
    /// the record (its size field is the free cell's own).
    FreeCell,
    /// Inside a free cell, past its start: the record's cell was freed and
    /// then absorbed by a free neighbour before it, which rewrote only its
    /// own size field (the record's header is no longer a cell header).
    InsideFreeCell,
    /// In an allocated cell that nothing reachable from the root references
    /// (at its start or inside it): a key or value unlinked but never freed,
    /// the orphans a healed or damaged hive leaves. Which cells these are
    /// is the checker's finding (checkHive, CheckControl::allocatedCell).
    UnreferencedCell,
    /// In the slack of a referenced allocated cell: the bytes past what its
    /// owner uses (a cell reused for a smaller record, a value list that
    /// shrank, data shorter than the cell) still hold an older record.
    CellSlack,
    /// Past the last hbin: a primary file longer than its hive bins data
    /// size keeps the bytes of bins the hive once had.
    PastLastBin,
};

/// A short token for `where`: "free-cell", "inside-free-cell",
/// "unreferenced-cell", "cell-slack", "past-last-bin" (hivectl's column).
const char* foundInName(FoundIn where);
/// Parses a token of foundInName(); false when it names no place.
bool parseFoundIn(const std::string& token, FoundIn& out);
/// A sentence for people: "a free cell", "inside a free cell (its header
/// absorbed)", ...
const char* foundInDescription(FoundIn where);

/// The plausibility rule for a recovered record's name: a name is refused
/// when half or more of its characters are NUL or control characters
/// (U+0000 to U+001F and U+007F). Bytes that merely follow an "nk" or "vk"
/// signature by chance mostly decode as such; real key and value names
/// almost never hold one. The empty name (a default value) is a name.
bool plausibleRecordName(const std::u16string& name);

/// A value record found in free space.
struct DeletedValue {
    uint32_t cellOffset = 0;  ///< of the record's cell header, relative to the first hbin
    FoundIn foundIn = FoundIn::FreeCell;
    /// Where the record's cell header is in the file.
    FileOffset fileOffset() const { return fileOffsetOf(cellOffset); }
    ValueRecord record;       ///< decoded from the free bytes (views into the hive's mapping)
    std::string name;         ///< UTF-8 (WTF-8); "" is the default value
    RecoveredData dataState = RecoveredData::Missing;
    /// The data when Intact or Truncated (what could be read), else empty.
    std::vector<uint8_t> data;
    /// Index into DeletedScan::keys of the deleted key whose value list
    /// names this record, or kNoOwner (a value deleted from a key that
    /// lives on, or whose key is gone entirely). When the lists of several
    /// deleted keys name it, the first of them in file order owns it (each
    /// lists it in DeletedKey::values).
    size_t ownerKey = kNoOwner;
    static constexpr size_t kNoOwner = ~size_t{0};
};

/// A key node found in free space.
struct DeletedKey {
    uint32_t cellOffset = 0;  ///< of the node's cell header, relative to the first hbin
    FoundIn foundIn = FoundIn::FreeCell;
    /// Where the node's cell header is in the file.
    FileOffset fileOffset() const { return fileOffsetOf(cellOffset); }
    KeyNode node;             ///< decoded from the free bytes
    std::string name;         ///< UTF-8 (WTF-8)
    /// The path it had, from the root: its parent's path (a live key, or a
    /// deleted key found by the same scan) and its name. When the chain of
    /// parents ends at a cell that is neither, the path starts with "?\"
    /// followed by what is known.
    std::string path;
    bool parentLive = false;  ///< node.parent is a key of the live tree
    /// Indexes into DeletedScan::values of the records its value list (when
    /// that list is still readable) names, in list order.
    std::vector<size_t> values;
};

/// Everything a scan found, in file order.
struct DeletedScan {
    std::vector<DeletedKey> keys;
    std::vector<DeletedValue> values;
    uint64_t freeBytesScanned = 0;  ///< bytes of free cells examined
    uint64_t unreferencedBytesScanned = 0;  ///< bytes of unreferenced allocated cells examined
    uint64_t slackBytesScanned = 0;         ///< bytes of cell slack examined
    uint64_t pastBinsBytesScanned = 0;      ///< bytes past the last hbin examined
};

/// Options of scanDeleted().
struct DeletedScanOptions {
    /// Called now and then with the bytes of bins scanned so far and their
    /// total; returning false cancels the scan (scanDeleted then fails with
    /// a "cancelled" error).
    std::function<bool(uint64_t done, uint64_t total)> progress;
    /// How many threads scan the free cells, each a run of whole bins: 0
    /// for one per core (one only below 4 MiB of bins), 1 for the calling
    /// thread alone. progress is called on the calling thread only. The
    /// result is the same whatever the number.
    unsigned threads = 0;
    /// Also scan the allocated cells: unreferenced ones whole, referenced
    /// ones past what their owner uses. This runs the structural check
    /// (checkHive, with the same number of threads) to learn which cell is
    /// whose, roughly doubling the time of the scan. Off: free cells and
    /// the bytes past the last hbin only.
    bool allocatedCells = true;
};

/// Scans every free cell of `hive` for key nodes and value records, at the
/// cell's start and at each 8-byte boundary inside it (freed neighbours are
/// merged into one free cell, the records they held stay where they were),
/// and the same way the unreferenced allocated cells, the slack of the
/// referenced ones and the bytes past the last hbin (see FoundIn). A
/// candidate counts only when it is plausible as a whole: signature, an old
/// cell size field that is a multiple of 8 large enough for the record, a
/// name that fits the space scanned and passes plausibleRecordName, sane
/// flags and sizes; a key also needs a last-write time between 1990 and
/// 2100. A value's type is not judged: Windows stores any 32-bit type
/// (0x20004 and the like are real). Data is recovered from cells that are
/// free (or past the last hbin), and from unreferenced cells for records
/// found in unreferenced cells, never from a cell a live record owns. Read-only, never reads outside the file, and bounded on
/// hostile input: the work is linear
/// in the free bytes (on a hive whose records name the same cells over and
/// over, the data copied and the paths built are capped at a multiple of
/// the free bytes, beyond which data is Truncated and paths are "?\" and
/// the name). Cancelling fails with ErrorCode::Invalid and a message that
/// says "cancelled".
Result<DeletedScan> scanDeleted(const Hive& hive, const DeletedScanOptions& options = {});

/// The key nodes and value records scanDeleted finds in one stretch of the
/// file, [offset, end) relative to the first hbin, scanned as it scans a
/// place of kind `where` (FreeCell: a free cell, whose records past its
/// start are InsideFreeCell), by the same rules and in file order. No
/// position past `stopAfter` is tried. Only the records: no data is
/// recovered, no value list linked, no path built. What the hex view asks
/// of one place ("which deleted record covers this byte"); clipped to the
/// file, never fails.
DeletedScan scanDeletedRecordsIn(const Hive& hive, uint32_t offset, uint32_t end, FoundIn where,
                                 uint32_t stopAfter = 0xFFFFFFFFu);

}  // namespace hivekit
