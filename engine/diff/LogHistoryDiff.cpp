#include "diff/LogHistoryDiff.h"

#include <algorithm>
#include <memory>
#include <string>

namespace hivekit {

namespace {

Result<std::unique_ptr<Hive>> openImage(const DirtyHive& hive, uint32_t steps) {
    auto image = hive.imageAfter(steps);
    if (!image) return std::unexpected(image.error());
    return Hive::fromBytes(std::move(*image), hive.name() + " after " + std::to_string(steps) + " log entries");
}

Result<EntryChanges> compare(const Hive& before, const Hive& after, uint32_t step,
                             const std::function<bool()>& cancelRequested) {
    EntryChanges out;
    out.step = step;
    DiffOptions options;
    options.listDescendants = true;
    options.cancelRequested = cancelRequested;
    auto summary = diffHives(before, after, options, [&](const Difference& d) {
        if (d.kind == DiffKind::KeyAdded || d.kind == DiffKind::KeyChanged)
            out.latestKeyWrite = std::max(out.latestKeyWrite, d.newKey.lastWritten);
        out.changes.push_back(d);
        return true;
    });
    if (!summary) return std::unexpected(summary.error());
    out.summary = std::move(*summary);
    return out;
}

}  // namespace

Result<EntryChanges> entryChanges(const DirtyHive& hive, uint32_t step, const std::function<bool()>& cancelRequested) {
    if (step == 0) return fail(ErrorCode::Invalid, "log entry steps count from 1");
    auto before = openImage(hive, step - 1);
    if (!before) return std::unexpected(before.error());
    auto after = openImage(hive, step);
    if (!after) return std::unexpected(after.error());
    return compare(**before, **after, step, cancelRequested);
}

Result<std::vector<EntryChanges>> allEntryChanges(const DirtyHive& hive, uint32_t applied,
                                                  const std::function<bool()>& cancelRequested,
                                                  const std::function<void(uint32_t, uint32_t)>& progress) {
    std::vector<EntryChanges> out;
    auto before = openImage(hive, 0);
    if (!before) return std::unexpected(before.error());
    for (uint32_t step = 1; step <= applied; ++step) {
        if (cancelRequested && cancelRequested()) break;
        auto after = openImage(hive, step);
        if (!after) return std::unexpected(after.error());
        auto changes = compare(**before, **after, step, cancelRequested);
        if (!changes) return std::unexpected(changes.error());
        if (changes->summary.cancelled) break;
        out.push_back(std::move(*changes));
        before = std::move(after);
        if (progress) progress(step, applied);
    }
    return out;
}

}  // namespace hivekit
