// The timeline of a hive: every time it records, as events an analyst can
// sort and filter. Three sources: each live key's last-write time (one
// event per key, from a TreeWalker walk), each FILETIME field the artefact
// decoders that apply to the hive find (one event per non-empty field,
// described by the decoder's title and the column's name), and each
// deleted key that free cells still hold (hive/DeletedScanner, marked
// deleted). Events are handed to a sink as they are found, unsorted: a
// caller that wants them in order sorts (sortEvents), one that streams a
// triage folder does not have to hold more than it wants to.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "artefacts/Artefact.h"
#include "format/Offsets.h"
#include "hive/Hive.h"

namespace hivekit::timeline {

using artefacts::FileTime;

/// Where an event came from.
enum class EventKind : uint8_t {
    Key,         ///< a live key's last-write time
    DeletedKey,  ///< a deleted key's last-write time (from a free cell)
    Artefact,    ///< a FILETIME field of an artefact decoder's row
};

/// One time the hive records.
struct TimelineEvent {
    FileTime time;
    /// What the time means: "Key last written", "Deleted key last written",
    /// or the decoder's title and the column's name ("UserAssist last run").
    std::string timestampDesc;
    /// The hive as the caller named it (TimelineOptions::hiveName).
    std::string hive;
    /// The key's path from the root (names joined by '\', UTF-8; "" the root).
    std::string keyPath;
    /// The value the time belongs to ("" the default value), when hasValue.
    std::string valueName;
    bool hasValue = false;
    /// "key", "deleted key", or the decoder's name ("userassist").
    std::string source;
    /// One line a person reads: what happened to what.
    std::string message;
    /// A deleted key: how many of its values were recovered with it (the
    /// GUI composes its own, translated, message from the parts).
    uint32_t recoveredValues = 0;
    EventKind kind = EventKind::Key;
    bool deleted = false;
    /// The cell the time was read from (the key's nk, or the value's vk).
    uint32_t cellOffset = kNoCell;
    /// The key's nk (the deleted key's own, for a deleted key); kNoCell
    /// when the decoder did not say.
    uint32_t keyOffset = kNoCell;
};

/// An inclusive range of times: [from, to]. The default holds every time.
struct TimeRange {
    FileTime from{0};
    FileTime to{UINT64_MAX};
    bool contains(FileTime t) const { return t.ticks >= from.ticks && t.ticks <= to.ticks; }
};

/// What collectTimeline reads and how.
struct TimelineOptions {
    /// Written into every event's `hive` field (a path or a file name).
    std::string hiveName;
    TimeRange range;
    bool keys = true;       ///< live keys' last-write times
    bool artefacts = true;  ///< the FILETIME fields of the applicable decoders
    bool deleted = true;    ///< deleted keys' last-write times
    /// Threads of the deleted-data scan (DeletedScanOptions::threads).
    unsigned threads = 0;
    /// Asked now and then; returning true stops the collection (which then
    /// fails with a "cancelled" error, after the events already delivered).
    std::function<bool()> stop;
};

/// Counts of what collectTimeline delivered.
struct TimelineSummary {
    uint64_t keyEvents = 0;
    uint64_t artefactEvents = 0;
    uint64_t deletedEvents = 0;
    /// Events outside the range, not delivered.
    uint64_t filtered = 0;
    /// Decoders that failed (their name and error), their events skipped.
    std::vector<std::string> decoderErrors;
    uint64_t total() const { return keyEvents + artefactEvents + deletedEvents; }
};

using TimelineSink = std::function<void(TimelineEvent&&)>;

/// Delivers every event of `hive` in range to `sink`: the live keys in walk
/// order, then the artefact fields in decoder order, then the deleted keys
/// in file order. Read-only; cost is one walk of the tree, one decode per
/// applicable decoder and one scan of the free cells. Fails only when
/// stopped (ErrorCode::Invalid, "cancelled").
Result<TimelineSummary> collectTimeline(const Hive& hive, const TimelineOptions& options, const TimelineSink& sink);

/// Sorts by time; events of the same time keep their order (as
/// collectTimeline delivers them, the same on every run).
void sortEvents(std::vector<TimelineEvent>& events);

/// "Key last written" and the like: the words an event kind's
/// timestamp_desc uses for keys ("Deleted key last written").
std::string_view keyTimestampDesc(EventKind kind);

/// Which end of a range a parsed time bounds: a date without a time of day
/// means the day's first instant as a lower bound and its last 100 ns tick
/// as an upper one, so that --to 2020-01-02 includes all of that day.
enum class Bound { From, To };

/// Parses ISO 8601 UTC: "2020-01-02", "2020-01-02T03:04:05", with an
/// optional "Z" and fraction of a second (up to 7 digits), a space allowed
/// instead of 'T'. Nothing for anything else (a month 13, a day 32, text).
std::optional<FileTime> parseIsoTime(std::string_view text, Bound bound = Bound::From);

/// Seconds since 1970-01-01 UTC (rounded down): what a bodyfile carries.
int64_t unixSeconds(FileTime time);

}  // namespace hivekit::timeline
