#include "timeline/Timeline.h"

#include <algorithm>
#include <cctype>

#include "artefacts/Decoder.h"
#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "hive/DeletedScanner.h"
#include "hive/TreeWalker.h"

namespace hivekit::timeline {

namespace {

constexpr uint64_t kTicksPerSecond = 10'000'000;
// Seconds from 1601-01-01 to 1970-01-01.
constexpr int64_t kEpochDelta = 11'644'473'600;

std::string cancelledMessage() { return "timeline: cancelled"; }

/// "Last run" -> "last run": the column name inside a sentence.
std::string lowerFirst(const std::string& text) {
    std::string out = text;
    // Keep acronyms ("URL") as they are: lower only a capital followed by a lower-case letter.
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) &&
        std::islower(static_cast<unsigned char>(out[1])))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

/// The row's text and path fields, "Column: text" joined by "; ".
std::string rowText(const std::vector<artefacts::Column>& columns, const artefacts::Row& row) {
    std::string out;
    for (size_t i = 0; i < columns.size() && i < row.fields.size(); ++i) {
        if (columns[i].type != artefacts::ColumnType::Text && columns[i].type != artefacts::ColumnType::Path) continue;
        const auto* text = std::get_if<std::string>(&row.fields[i]);
        if (!text || text->empty()) continue;
        if (!out.empty()) out += "; ";
        out += columns[i].name + ": " + *text;
    }
    return out;
}

/// Days since 1970-01-01 of a Gregorian date: count whole years of 365
/// days plus their leap days, then the months of the year.
int64_t daysSinceEpoch(int year, unsigned month, unsigned day) {
    static constexpr unsigned kCumulative[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const auto leapDaysBefore = [](int64_t y) { return y / 4 - y / 100 + y / 400; };  // in years 1..y
    const int64_t y = year;
    int64_t days = (y - 1970) * 365 + (leapDaysBefore(y - 1) - leapDaysBefore(1969));
    days += kCumulative[month - 1] + (day - 1);
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (leap && month > 2) ++days;
    return days;
}

unsigned daysIn(int year, unsigned month) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

/// Reads exactly `digits` decimal digits at `at`.
bool readNumber(std::string_view text, size_t& at, size_t digits, unsigned& out) {
    if (text.size() < at + digits) return false;
    out = 0;
    for (size_t i = 0; i < digits; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<unsigned>(c - '0');
    }
    at += digits;
    return true;
}

}  // namespace

std::string_view keyTimestampDesc(EventKind kind) {
    return kind == EventKind::DeletedKey ? "Deleted key last written" : "Key last written";
}

Result<TimelineSummary> collectTimeline(const Hive& hive, const TimelineOptions& options, const TimelineSink& sink) {
    TimelineSummary summary;
    const auto stopped = [&] { return options.stop && options.stop(); };
    const auto deliver = [&](TimelineEvent&& event, uint64_t& counter) {
        if (!options.range.contains(event.time)) {
            ++summary.filtered;
            return;
        }
        ++counter;
        sink(std::move(event));
    };

    if (options.keys) {
        TreeWalker walker(hive);
        bool cancelled = false;
        uint64_t visited = 0;
        walker.walk([&](const WalkedKey& key) {
            // Asking every key would cost more than the walk on a big hive.
            if (++visited % 4096 == 0 && stopped()) {
                cancelled = true;
                return false;
            }
            TimelineEvent event;
            event.time = FileTime{key.node->lastWritten};
            event.timestampDesc = std::string(keyTimestampDesc(EventKind::Key));
            event.hive = options.hiveName;
            event.keyPath = *key.path;
            event.source = "key";
            event.message = "Key \\" + *key.path + " last written";
            event.kind = EventKind::Key;
            event.cellOffset = key.offset;
            event.keyOffset = key.offset;
            deliver(std::move(event), summary.keyEvents);
            return true;
        });
        if (cancelled) return fail(ErrorCode::Invalid, cancelledMessage());
    }

    if (options.artefacts) {
        const artefacts::HiveKind kind = artefacts::detectHiveKind(hive);
        const std::vector<const artefacts::Decoder*> decoders = artefacts::decodersFor(kind);
        if (!decoders.empty()) {
            const artefacts::DecodeContext context(hive, kind);
            for (const artefacts::Decoder* decoder : decoders) {
                if (stopped()) return fail(ErrorCode::Invalid, cancelledMessage());
                const artefacts::ArtefactTable table = artefacts::runDecoder(*decoder, context);
                if (!table.error.empty())
                    summary.decoderErrors.push_back(std::string(decoder->name()) + ": " + table.error);
                const std::string title(decoder->title());
                for (const artefacts::Row& row : table.rows) {
                    std::string text;  // built once per row, only when it has a time
                    bool textBuilt = false;
                    for (size_t i = 0; i < table.columns.size() && i < row.fields.size(); ++i) {
                        if (table.columns[i].type != artefacts::ColumnType::FileTime) continue;
                        const auto* time = std::get_if<FileTime>(&row.fields[i]);
                        if (!time || time->ticks == 0) continue;
                        if (!textBuilt) {
                            text = rowText(table.columns, row);
                            textBuilt = true;
                        }
                        TimelineEvent event;
                        event.time = *time;
                        event.timestampDesc = title + " " + lowerFirst(table.columns[i].name);
                        event.hive = options.hiveName;
                        event.keyPath = row.source.keyPath;
                        event.valueName = row.source.valueName;
                        event.hasValue = row.source.hasValue;
                        event.source = std::string(decoder->name());
                        event.message = event.timestampDesc + (text.empty() ? "" : ": " + text);
                        event.kind = EventKind::Artefact;
                        event.cellOffset = row.source.hasValue ? row.source.valueOffset : row.source.keyOffset;
                        event.keyOffset = row.source.keyOffset;
                        deliver(std::move(event), summary.artefactEvents);
                    }
                }
            }
        }
    }

    if (options.deleted) {
        DeletedScanOptions scanOptions;
        scanOptions.threads = options.threads;
        if (options.stop) scanOptions.progress = [&](uint64_t, uint64_t) { return !options.stop(); };
        auto scan = scanDeleted(hive, scanOptions);
        if (!scan) {
            if (stopped()) return fail(ErrorCode::Invalid, cancelledMessage());
            return std::unexpected(scan.error());
        }
        for (const DeletedKey& key : scan->keys) {
            TimelineEvent event;
            event.time = FileTime{key.node.lastWritten};
            event.timestampDesc = std::string(keyTimestampDesc(EventKind::DeletedKey));
            event.hive = options.hiveName;
            event.keyPath = key.path;
            event.source = "deleted key";
            event.message = "Deleted key \\" + key.path + " last written (" + std::to_string(key.values.size()) +
                            (key.values.size() == 1 ? " value" : " values") + " recovered)";
            event.recoveredValues = static_cast<uint32_t>(key.values.size());
            event.kind = EventKind::DeletedKey;
            event.deleted = true;
            event.cellOffset = key.cellOffset;
            event.keyOffset = key.cellOffset;
            deliver(std::move(event), summary.deletedEvents);
        }
    }
    return summary;
}

void sortEvents(std::vector<TimelineEvent>& events) {
    // By time only, stable: equal times keep the order collectTimeline
    // delivered them in (walk order, decoder order, file order), which is
    // the same on every run. Comparing paths instead cost most of the time
    // on a hive whose keys share a time. Indexes are sorted, not events,
    // and each event is moved once.
    std::vector<std::pair<uint64_t, size_t>> order(events.size());
    for (size_t i = 0; i < events.size(); ++i) order[i] = {events[i].time.ticks, i};
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<TimelineEvent> sorted;
    sorted.reserve(events.size());
    for (const auto& [ticks, i] : order) sorted.push_back(std::move(events[i]));
    events = std::move(sorted);
}

std::optional<FileTime> parseIsoTime(std::string_view text, Bound bound) {
    size_t at = 0;
    unsigned year = 0, month = 0, day = 0;
    if (!readNumber(text, at, 4, year) || at >= text.size() || text[at++] != '-' ||
        !readNumber(text, at, 2, month) || at >= text.size() || text[at++] != '-' ||
        !readNumber(text, at, 2, day))
        return std::nullopt;
    // FILETIME starts in 1601; 30827 is the last year SYSTEMTIME holds.
    if (year < 1601 || year > 30827 || month < 1 || month > 12 || day < 1 ||
        day > daysIn(static_cast<int>(year), month))
        return std::nullopt;
    unsigned hour = 0, minute = 0, second = 0;
    uint64_t fraction = 0;  // in 100 ns ticks
    bool dateOnly = true;
    if (at < text.size() && (text[at] == 'T' || text[at] == 't' || text[at] == ' ')) {
        ++at;
        dateOnly = false;
        if (!readNumber(text, at, 2, hour) || at >= text.size() || text[at++] != ':' ||
            !readNumber(text, at, 2, minute))
            return std::nullopt;
        if (at < text.size() && text[at] == ':') {
            ++at;
            if (!readNumber(text, at, 2, second)) return std::nullopt;
            if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
                ++at;
                size_t digits = 0;
                while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
                    if (digits < 7) fraction = fraction * 10 + static_cast<uint64_t>(text[at] - '0');
                    ++digits;
                    ++at;
                }
                if (digits == 0) return std::nullopt;
                for (size_t d = digits; d < 7; ++d) fraction *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) ++at;
    if (at != text.size()) return std::nullopt;
    const int64_t seconds = daysSinceEpoch(static_cast<int>(year), month, day) * 86400 + hour * 3600 + minute * 60 +
                            second + kEpochDelta;
    uint64_t ticks = static_cast<uint64_t>(seconds) * kTicksPerSecond + fraction;
    if (dateOnly && bound == Bound::To) ticks += 86400 * kTicksPerSecond - 1;
    return FileTime{ticks};
}

int64_t unixSeconds(FileTime time) {
    const auto seconds = static_cast<int64_t>(time.ticks / kTicksPerSecond);
    return seconds - kEpochDelta;
}

}  // namespace hivekit::timeline
