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

/// A value record found in free space.
struct DeletedValue {
    uint32_t cellOffset = 0;  ///< of the record's cell header, relative to the first hbin
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
};

/// Scans every free cell of `hive` for key nodes and value records, at the
/// cell's start and at each 8-byte boundary inside it (freed neighbours are
/// merged into one free cell, the records they held stay where they were).
/// A candidate counts only when it is plausible as a whole: signature, a
/// name that fits the space left in the free cell, sane flags and sizes; a
/// key also needs a last-write time between 1990 and 2100. Read-only, never
/// reads outside the bins, and bounded on hostile input: the work is linear
/// in the free bytes (on a hive whose records name the same cells over and
/// over, the data copied and the paths built are capped at a multiple of
/// the free bytes, beyond which data is Truncated and paths are "?\" and
/// the name). Cancelling fails with ErrorCode::Invalid and a message that
/// says "cancelled".
Result<DeletedScan> scanDeleted(const Hive& hive, const DeletedScanOptions& options = {});

}  // namespace hivekit
