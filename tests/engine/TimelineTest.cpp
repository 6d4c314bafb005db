// The timeline of a hive (engine/timeline): key times, artefact times and
// deleted keys, the range filter, ISO 8601 bounds, and the key times
// compared with libhivex's (tests/oracle/hivex-dump over python3-hivex).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "support/TestSupport.h"
#include "timeline/Timeline.h"

using namespace hivekit;
using namespace hivekit::timeline;
using testsupport::hivePath;

namespace {

std::unique_ptr<Hive> openOrFail(const std::string& path, bool logs = true) {
    OpenOptions options;
    options.useLogs = logs;
    auto hive = Hive::open(path, options);
    REQUIRE(hive);
    return std::move(*hive);
}

std::vector<TimelineEvent> collect(const Hive& hive, TimelineOptions options = {}) {
    std::vector<TimelineEvent> events;
    auto summary = collectTimeline(hive, options, [&](TimelineEvent&& e) { events.push_back(std::move(e)); });
    REQUIRE(summary);
    CHECK(summary->total() == events.size());
    return events;
}

/// hivex-dump's key lines: path -> last-write FILETIME.
std::map<std::string, uint64_t> hivexKeyTimes(const std::string& hive) {
    const auto r = testsupport::run({"/usr/bin/python3", testsupport::hivexDumpScript(), hive, "--no-data"});
    REQUIRE(r.exitCode == 0);
    std::map<std::string, uint64_t> times;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("K\t", 0) != 0) continue;
        std::vector<std::string> fields;
        std::stringstream ls(line);
        std::string f;
        while (std::getline(ls, f, '\t')) fields.push_back(f);
        REQUIRE(fields.size() >= 3);
        times[fields[1]] = std::stoull(fields[2]);
    }
    return times;
}

}  // namespace

TEST_CASE("Every live key's last-write time appears once and equals libhivex's node_timestamp", "[timeline][oracle]") {
    for (const char* rel : {"regipy/SYSTEM", "regipy/NTUSER.DAT", "hivex/special", "ez/SAM"}) {
        INFO(rel);
        const std::string path = hivePath(rel);
        auto hive = openOrFail(path, false);  // hivex reads the primary file only
        TimelineOptions options;
        options.artefacts = false;
        options.deleted = false;
        const auto events = collect(*hive, options);
        const auto expected = hivexKeyTimes(path);
        REQUIRE(!expected.empty());
        std::map<std::string, uint64_t> ours;
        for (const TimelineEvent& e : events) {
            CHECK(e.kind == EventKind::Key);
            CHECK(e.source == "key");
            CHECK(e.timestampDesc == "Key last written");
            CHECK_FALSE(e.deleted);
            const bool inserted = ours.emplace(e.keyPath, e.time.ticks).second;
            if (!inserted) FAIL("key appears twice: " << e.keyPath);
        }
        CHECK(ours.size() == expected.size());
        size_t differences = 0;
        for (const auto& [keyPath, ticks] : expected) {
            auto it = ours.find(keyPath);
            if (it == ours.end() || it->second != ticks) {
                if (++differences <= 5) FAIL_CHECK("key " << keyPath << ": hivex " << ticks);
            }
        }
        CHECK(differences == 0);
    }
}

TEST_CASE("A key event names its cell, and the message its path", "[timeline]") {
    auto hive = openOrFail(hivePath("regipy/SYSTEM"));
    TimelineOptions options;
    options.artefacts = options.deleted = false;
    options.hiveName = "SYSTEM";
    const auto events = collect(*hive, options);
    bool found = false;
    for (const TimelineEvent& e : events) {
        CHECK(e.hive == "SYSTEM");
        if (e.keyPath != "Select") continue;
        found = true;
        auto node = hive->keyNode(e.cellOffset);
        REQUIRE(node);
        CHECK(node->lastWritten == e.time.ticks);
        CHECK(e.message == "Key \\Select last written");
    }
    CHECK(found);
}

TEST_CASE("UserAssist last-run times of the regipy NTUSER appear as artefact events", "[timeline]") {
    auto hive = openOrFail(hivePath("regipy/NTUSER.DAT"));
    TimelineOptions options;
    options.keys = options.deleted = false;
    const auto events = collect(*hive, options);
    std::vector<const TimelineEvent*> userAssist;
    for (const TimelineEvent& e : events) {
        CHECK(e.kind == EventKind::Artefact);
        CHECK(e.time.ticks != 0);
        if (e.source == "userassist" && e.timestampDesc == "UserAssist last run") userAssist.push_back(&e);
    }
    REQUIRE(!userAssist.empty());
    // hivectl artefacts on this hive: Microsoft.Windows.GettingStarted last ran 2012-04-03T22:06:58.1242823Z.
    bool gettingStarted = false;
    for (const TimelineEvent* e : userAssist) {
        CHECK(e->hasValue);
        CHECK(e->keyPath.find("UserAssist\\{") != std::string::npos);
        if (e->message.find("Microsoft.Windows.GettingStarted") == std::string::npos) continue;
        gettingStarted = true;
        CHECK(artefacts::isoTime(e->time) == "2012-04-03T22:06:58.1242823Z");
        CHECK(e->message.rfind("UserAssist last run: GUID: {CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}; Name: "
                               "Microsoft.Windows.GettingStarted",
                               0) == 0);
        CHECK(e->valueName == "Zvpebfbsg.Jvaqbjf.TrggvatFgnegrq");
        CHECK(e->cellOffset != kNoCell);
    }
    CHECK(gettingStarted);
}

TEST_CASE("Deleted keys appear marked deleted with the time of their node", "[timeline]") {
    auto hive = openOrFail(hivePath("ez/UsrClassDeletedBags.dat"));
    const auto events = collect(*hive);
    size_t deleted = 0;
    for (const TimelineEvent& e : events) {
        CHECK(e.deleted == (e.kind == EventKind::DeletedKey));
        if (!e.deleted) continue;
        ++deleted;
        CHECK(e.source == "deleted key");
        CHECK(e.timestampDesc == "Deleted key last written");
        CHECK(e.message.rfind("Deleted key \\", 0) == 0);
        CHECK(e.time.ticks != 0);
    }
    CHECK(deleted > 0);
    // Deleted keys are never counted among the live ones.
    std::set<uint32_t> liveCells;
    for (const TimelineEvent& e : events)
        if (e.kind == EventKind::Key) liveCells.insert(e.cellOffset);
    for (const TimelineEvent& e : events)
        if (e.deleted) CHECK(liveCells.count(e.cellOffset) == 0);
}

TEST_CASE("The range filter keeps events at both boundaries and drops those outside", "[timeline]") {
    auto hive = openOrFail(hivePath("regipy/SYSTEM"));
    TimelineOptions all;
    all.artefacts = all.deleted = false;
    auto events = collect(*hive, all);
    sortEvents(events);
    REQUIRE(events.size() > 10);
    // A range from the 3rd distinct time to the 3rd-last: boundaries exactly on event times.
    std::vector<uint64_t> times;
    for (const auto& e : events)
        if (times.empty() || times.back() != e.time.ticks) times.push_back(e.time.ticks);
    REQUIRE(times.size() > 6);
    TimelineOptions ranged = all;
    ranged.range.from = FileTime{times[2]};
    ranged.range.to = FileTime{times[times.size() - 3]};
    std::vector<TimelineEvent> inRange;
    auto summary = collectTimeline(*hive, ranged, [&](TimelineEvent&& e) { inRange.push_back(std::move(e)); });
    REQUIRE(summary);
    size_t expected = 0;
    for (const auto& e : events)
        if (e.time.ticks >= times[2] && e.time.ticks <= times[times.size() - 3]) ++expected;
    CHECK(inRange.size() == expected);
    CHECK(summary->filtered == events.size() - expected);
    bool atFrom = false, atTo = false;
    for (const auto& e : inRange) {
        CHECK(ranged.range.contains(e.time));
        atFrom |= e.time.ticks == times[2];
        atTo |= e.time.ticks == times[times.size() - 3];
    }
    CHECK(atFrom);
    CHECK(atTo);
    // One tick narrower on each side drops the boundary events.
    ranged.range.from = FileTime{times[2] + 1};
    ranged.range.to = FileTime{times[times.size() - 3] - 1};
    for (const auto& e : collect(*hive, ranged)) {
        CHECK(e.time.ticks != times[2]);
        CHECK(e.time.ticks != times[times.size() - 3]);
    }
}

TEST_CASE("sortEvents orders by time and keeps the delivery order of equal times", "[timeline]") {
    std::vector<TimelineEvent> events(4);
    events[0].time = FileTime{30};
    events[0].keyPath = "a";
    events[1].time = FileTime{10};
    events[1].keyPath = "z";
    events[2].time = FileTime{10};
    events[2].keyPath = "b";
    events[3].time = FileTime{20};
    events[3].keyPath = "c";
    sortEvents(events);
    CHECK(events[0].keyPath == "z");
    CHECK(events[1].keyPath == "b");
    CHECK(events[2].keyPath == "c");
    CHECK(events[3].keyPath == "a");
}

TEST_CASE("A stopped timeline fails with cancelled", "[timeline]") {
    auto hive = openOrFail(hivePath("regipy/SYSTEM"));
    TimelineOptions options;
    options.stop = [] { return true; };
    auto result = collectTimeline(*hive, options, [](TimelineEvent&&) {});
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "timeline: cancelled");
}

TEST_CASE("ISO 8601 times parse to FILETIME and a date-only upper bound ends with its day", "[timeline]") {
    // 1970-01-01 is 116444736000000000 ticks after 1601-01-01.
    CHECK(parseIsoTime("1970-01-01")->ticks == 116444736000000000ull);
    CHECK(parseIsoTime("1970-01-01T00:00:00Z")->ticks == 116444736000000000ull);
    CHECK(artefacts::isoTime(*parseIsoTime("2020-01-02T03:04:05Z")) == "2020-01-02T03:04:05Z");
    CHECK(artefacts::isoTime(*parseIsoTime("2012-04-03 22:06:58.1242823")) == "2012-04-03T22:06:58.1242823Z");
    CHECK(artefacts::isoTime(*parseIsoTime("2000-02-29T12:00")) == "2000-02-29T12:00:00Z");
    CHECK(artefacts::isoTime(*parseIsoTime("2020-01-02", Bound::To)) == "2020-01-02T23:59:59.9999999Z");
    CHECK(parseIsoTime("2020-01-02T00:00:00Z", Bound::To)->ticks == parseIsoTime("2020-01-02")->ticks);
    CHECK(unixSeconds(*parseIsoTime("2020-01-02T03:04:05Z")) == 1577934245);
    for (const char* bad : {"", "2020", "2020-13-01", "2019-02-29", "2020-01-32", "2020-01-02T24:00:00",
                            "2020-01-02T03:04:05+02:00", "yesterday", "2020-01-02T", "1600-12-31"}) {
        INFO(bad);
        CHECK_FALSE(parseIsoTime(bad));
    }
}
