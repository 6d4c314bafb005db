// What each entry of a dirty hive's logs changed: the difference between the
// hive before and after the entry (hive/LogHistory's images, diff/HiveDiff's
// comparison). The history itself (which entries, in what order, applied or
// not) is hive/LogHistory's.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "diff/HiveDiff.h"
#include "hive/LogHistory.h"

namespace hivekit {

/// The changes of one applied entry.
struct EntryChanges {
    uint32_t step = 0;  ///< HistoryEntry::step of the entry
    /// In walk order; keys added or removed with their whole subtree listed
    /// (`descendant` set below the top), so a new key's values show.
    std::vector<Difference> changes;
    /// The latest last-write time among the keys the entry added or changed,
    /// 0 when it touched none: the best clue to when the entry was written
    /// (HvLE entries carry no time of their own). Taken from the key records
    /// the entry wrote, so a forged or skewed clock shows here as it is.
    uint64_t latestKeyWrite = 0;
    DiffSummary summary;
};

/// The changes of applied entry `step` (1-based): diffHives(hive after
/// step-1 entries, hive after step entries). Fails when `step` is 0 or
/// more than the history applies, or when an image does not open.
[[nodiscard]] Result<EntryChanges> entryChanges(const DirtyHive& hive, uint32_t step,
                                                const std::function<bool()>& cancelRequested = {});

/// The changes of every applied entry, in order (the images computed once
/// each). `progress` is told each entry done and the count;
/// `cancelRequested` stops the work: what was done by then is returned.
[[nodiscard]] Result<std::vector<EntryChanges>> allEntryChanges(
    const DirtyHive& hive, uint32_t applied, const std::function<bool()>& cancelRequested = {},
    const std::function<void(uint32_t done, uint32_t total)>& progress = {});

}  // namespace hivekit
