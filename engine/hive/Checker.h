// The structural checker: verifies every invariant of a hive that Windows
// and other readers rely on, and reports each violation with its offset.
//
// What is checked (each item names the diagnostic's severity):
//
//  Base block
//   (B1) checksum: XOR of the first 127 dwords, stored 0xFFFFFFFE when the
//        XOR is 0xFFFFFFFF and 1 when it is 0 (error);
//   (B2) sequence numbers equal (warning: the hive is dirty, see below);
//   (B3) version 1.1 to 1.6, file type 0 (primary), file format 1 (errors);
//        clustering factor 1, no undefined flag bits (warnings);
//   (B4) the root cell offset names an allocated nk cell (error);
//   (B5) the hive bins data size is a nonzero multiple of 4096, fits the
//        file and equals what the hbins cover (errors); hbins after the
//        declared end are reported as info (slack or unreplayed log data).
//  Hive bins and cells
//   (H1) every hbin header valid: signature, self offset, size a nonzero
//        multiple of 4096, contiguous (error per damaged stretch);
//   (H2) each bin's cell chain ends exactly at the bin end: sizes multiples
//        of 8, at least 8, never crossing the bin (error).
//  Keys (every key reachable from the root)
//   (K1) the nk decodes; a subkey's parent field names the key that lists it;
//        the root, and only the root, carries KEY_HIVE_ENTRY (the flag the
//        kernel stops at when it walks a parent chain up to the root);
//   (K2) the subkey count equals the entries of its list (across ri leaves);
//        the value count fits its value list;
//   (K3) subkey lists sorted strictly ascending by the Windows-upcased name,
//        across the leaves of an ri too (no duplicates); lh hashes equal
//        lhHash of the name; lf hints equal the name's first 4 characters;
//        ri entries point to leaves, never to an ri (errors);
//   (K4) leaf type matches the version: lf below 1.5, lh from 1.5
//        (warning, one per kind: Windows reads both whatever the version);
//   (K5) the largest-subkey-name, -class, -value-name and -value-data
//        fields are at least the true maxima (Windows keeps them as upper
//        bounds: larger is fine, smaller is an error);
//   (K6) no two values of a key share a name (Windows upcase rules);
//   (K7) a key reached twice (cycle, or two lists sharing a key) and depth
//        beyond 512 levels are errors; neither costs more than one visit.
//  Values
//   (V1) inline data declares at most 4 bytes; data in a cell fits that
//        cell; data over 16344 bytes in a version 1.4+ hive is a db record
//        whose segment count and segment sizes match the declared size.
//  Cells referenced (lists, values, data, class names, sk, db segments)
//   (C1) each reference points to the start of an allocated cell inside a
//        valid hbin (errors name what the offset hits instead);
//   (C2) no cell is claimed by two owners (a map offset -> owner). sk cells
//        are the one legitimately shared kind.
//   (C3) allocated cells that nothing reachable references are counted
//        (info: leaked space, not damage).
//  Security
//   (S1) the sk cells form a circular doubly linked list (flink/blink) that
//        starts at the root key's sk; every key's sk is in that list;
//   (S2) each sk's reference count equals the number of keys that point to
//        it; each descriptor decodes (errors).
//
// Severity and cleanliness. Errors are damage: something Windows would
// refuse, repair or misread. Warnings are deviations Windows tolerates on
// read, and the dirty state (sequence numbers differ: the primary file may
// lack what its transaction logs hold; the checker checks the image it is
// given, which after log replay is the recovered one). Info lines are facts
// (leaked cells, slack after the bins, logs replayed), not problems.
// CheckReport::clean() is true when there is no error and no warning.
//
// Offsets: every diagnostic's offset is the absolute file offset of the
// record named first in its message (the cell start of a list, key, value
// or sk; the field for base block problems).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "hive/Diagnostics.h"
#include "hive/Hive.h"

namespace hivekit {

/// What checkHive found: the diagnostics and how much was looked at.
struct CheckReport {
    Diagnostics diagnostics;
    uint64_t keys = 0;             ///< key nodes reached from the root and decoded
    uint64_t values = 0;           ///< value records decoded
    uint64_t cells = 0;            ///< cells found by the scan of the hbins, allocated and free
    uint64_t securityCells = 0;    ///< sk cells in the sk list
    uint64_t unreferencedCells = 0;///< allocated cells nothing reachable points to
    bool dirty = false;            ///< the header's sequence numbers differ
    /// CheckControl::stopRequested ended the check early: the diagnostics
    /// and counts are partial, and say nothing about what was not reached.
    bool stopped = false;

    size_t errors() const { return diagnostics.count(Diagnostic::Severity::Error); }
    size_t warnings() const { return diagnostics.count(Diagnostic::Severity::Warning); }
    /// True when nothing is wrong: no error and no warning (info lines are
    /// facts, not problems).
    bool clean() const { return errors() == 0 && warnings() == 0; }
};

/// What an allocated cell is to the tree, as a check found it.
enum class CellUse : uint8_t {
    Unreferenced,  ///< nothing reachable from the root references it (C3)
    Key, SubkeyList, ValueList, Value, Data, BigData, SegmentList, Segment, ClassName, Security
};

/// One allocated cell and who claimed it (CheckControl::allocatedCell).
struct AllocatedCell {
    uint32_t offset = 0;  ///< relative to the first hbin
    uint32_t size = 0;    ///< the cell's size, header included
    CellUse use = CellUse::Unreferenced;
    /// Relative offset of the record that references it: the key of a
    /// value list, subkey list or class name, the value of data or a db
    /// record, the db of a segment list or segment, the leaf of a key, the
    /// value list of a value; 0xFFFFFFFF for none.
    uint32_t owner = 0xFFFFFFFF;
};

/// How a caller follows and stops a check running on another thread (the
/// GUI's Problems panel). Both members are optional; neither changes what a
/// check that runs to its end reports.
struct CheckControl {
    /// Called on the checking thread with the share of the work done, in
    /// thousandths (0 to 1000), each time that share grows; 1000 once at the
    /// end of a check that was not stopped.
    std::function<void(unsigned permille)> progress;
    /// Polled on the checking thread every few thousand cells and every few
    /// hundred keys; once it returns true the check ends early, with
    /// CheckReport::stopped set.
    std::function<bool()> stopRequested;
    /// How many threads scan the cells: 0 for one per core (one only on a
    /// hive of less than 4 MiB), 1 for the calling thread alone. The report
    /// is the same whatever the number.
    unsigned threads = 0;
    /// Called on the calling thread once per allocated cell after a check
    /// that was not stopped: the cells of the scan in file order, then
    /// those resolved past broken chains. How the deleted-data scan learns
    /// which cells are unreferenced and how much of the others is used.
    std::function<void(const AllocatedCell&)> allocatedCell;
};

/// Checks every structural invariant listed above. Never fails and never
/// reads out of bounds, whatever the bytes; cost is linear in the number of
/// cells (one scan, one visit per reachable cell).
CheckReport checkHive(const Hive& hive);
/// The same check, reporting its progress and stoppable through `control`.
CheckReport checkHive(const Hive& hive, const CheckControl& control);

}  // namespace hivekit
