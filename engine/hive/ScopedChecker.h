// The scoped structure check: the checker's invariants (hive/Checker.h)
// verified over the part of a hive that one commit reads, writes or relies
// on, instead of the whole hive. It is what a writer runs before it commits
// (merge/Commit, StructureCheck::Scoped); `hivectl check` and the GUI's
// Problems panel still run the whole check.
//
// Why the scope is enough. A commit marks the hive clean (both sequence
// numbers equal), so everything it touches must be sound after it, and it
// must not build on damage. What a commit touches or relies on is:
//
//  (1) the base block: its checksum, version, file type and format, and the
//      hive bins data size the allocator grows from (B1, B3, B5 but the
//      cover of every hbin, which needs the whole chain);
//  (2) every key on the path of each edited key, root included, since the
//      edit finds its key through their subkey lists and may rewrite them:
//      each such key's record, its subkey list (every entry, its order,
//      hashes and hints, the children's parent fields), its value list,
//      values and their data cells, its class name and security cell (with
//      the sk's neighbours in the sk list, which a release relinks) (K1-K6,
//      V1, C1, S1 and S2 as far as one key shows them);
//  (3) for a deleted key, all of the above for every key under it: each of
//      their cells is freed;
//  (4) every hbin the commit allocates from, frees into, resizes in or
//      writes to, and every hbin holding a cell that (2) or (3) reads: the
//      hbin header and its whole cell chain (H1, H2), so that every free
//      cell the allocator may hand out is a real cell of a sound bin and
//      every reference checked points to the start of a cell.
//
// Damage anywhere else is left as it is: the commit neither reads nor
// changes those bytes, so `hivectl check` reports it afterwards exactly as
// before. What a local view cannot prove is a reference held by an
// untouched record into a touched cell (a cell claimed twice, C2, across
// the scope's border, or an sk reference count that is too small, S2):
// such a reference is damage of the untouched record, which the commit
// does not change. The one case where it would spread is an sk whose
// count drops to zero: the commit frees it, and a key elsewhere that still
// points to it would point to a free cell. A scope that would do so is
// checked whole (ScopedCheckReport::whole).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hive/Checker.h"

namespace hivekit {

/// What a commit touches, as the scoped check sees it.
struct CheckScope {
    /// Keys the commit edits or looks up, each a path of names from the
    /// root (matched by the Windows rules, as lookups are). Every key on
    /// each path that exists is checked; a path may end in keys the commit
    /// creates.
    std::vector<std::vector<std::u16string>> paths;
    /// Keys the commit deletes, with every key under them: each key of
    /// each subtree is checked (the keys above are checked as paths).
    std::vector<std::vector<std::u16string>> subtrees;
    /// Relative offsets inside the hbins the commit allocates from, frees
    /// into or writes to: each hbin holding one is checked whole. Offsets
    /// past the hive bins (bins the commit appends) are ignored.
    std::vector<uint32_t> binOffsets;
};

/// The scoped check's findings.
struct ScopedCheckReport {
    /// The diagnostics, in the shapes checkHive gives them. keys, values
    /// and cells count what was looked at (keys checked, values decoded,
    /// cells of the checked hbins).
    CheckReport report;
    /// The scope could not be judged locally (an sk would be freed): the
    /// report is checkHive's, of the whole hive.
    bool whole = false;
    /// hbins whose cell chain was checked.
    uint64_t bins = 0;
};

/// Checks the invariants of the header comment over `scope`. Never fails
/// and never reads out of bounds, whatever the bytes; cost is linear in
/// the keys, values and hbins of the scope, not in the hive.
ScopedCheckReport checkScope(const Hive& hive, const CheckScope& scope);

}  // namespace hivekit
