// Value lists grow with room (TreeEditor::appendToValueList): a key given
// n new values one by one rewrites its list O(log n) times, the entries in
// between going into the room of the list's cell; the spare entries are
// zeros past the count, which our checker, libhivex, libregf and
// reglookup all read past. Append keeps its rule (every record to a new
// cell at the end, nothing in place), so its lists get no room.
#include <catch2/catch.hpp>

#include <string>

#include "engine/EditTestSupport.h"
#include "index/Index.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

constexpr uint64_t kClock = 0x01D9000000000000ULL;

std::string emptyHive(const TempDir& dir) {
    const std::string path = dir.file("room.hiv");
    NewHiveOptions o;
    o.timestamp = kClock;
    REQUIRE(createHive(path, o));
    return path;
}

SessionOptions optionsFor(StrategyKind kind) {
    SessionOptions o;
    o.strategy = kind;
    o.tx.clock = [] { return kClock; };
    o.tx.flush = FlushMode::None;
    return o;
}

/// Data bytes of the cell holding key `path`'s value list.
uint32_t valueListCapacity(const Hive& hive, const std::string& path) {
    auto key = Index(hive).findKey(path);
    REQUIRE(key);
    auto node = hive.keyNode(*key);
    REQUIRE(node);
    auto cell = hive.allocatedCell(node->valueList, "value list");
    REQUIRE(cell);
    return static_cast<uint32_t>(cell->data.size());
}

}  // namespace

TEST_CASE("New values one by one go into the room of their key's value list, which readers accept", "[edit][strategy]") {
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Hybrid}) {
        INFO(strategyName(kind));
        TempDir dir;
        const std::string path = emptyHive(dir);
        auto s = Session::open(path, optionsFor(kind));
        REQUIRE(s);
        REQUIRE((*s)->apply(Plan().createKey("K")));
        const CellStoreStats before = (*s)->storeStats();
        for (int i = 0; i < 300; ++i) {
            // One plan per value: the list is read back from the image each time.
            REQUIRE((*s)->apply(Plan().setValue("K", "v" + std::to_string(i), kRegDword, dwordBytes(i))));
        }
        const CellStoreStats& after = (*s)->storeStats();
        // 300 vk cells; the list itself rewritten about log1.5(300) times
        // (rewritten or moved), not 299 times.
        CHECK(after.created - before.created <= 300 + 1);
        const uint64_t listWrites =
            (after.rewrittenInPlace - before.rewrittenInPlace) + (after.moved - before.moved);
        CHECK(listWrites <= 16);
        CHECK(valueListCapacity((*s)->hive(), "K") >= 300 * 4);
        REQUIRE((*s)->commit());
        s->reset();  // its lock
        requireClean(path);
        const std::string dump = engineDump(path);
        CHECK(dump.find("\tv299\t4\t") != std::string::npos);
        CHECK(hivexDump(path).find("v299") != std::string::npos);
        requireOtherReadersAccept(path);
        // A deleted value shrinks the list back to what it holds.
        auto again = Session::open(path, optionsFor(kind));
        REQUIRE(again);
        REQUIRE((*again)->apply(Plan().deleteValue("K", "v0")));
        CHECK(valueListCapacity((*again)->hive(), "K") < 300 * 4 + 8);
        REQUIRE((*again)->commit());
        requireClean(path);
    }
}

TEST_CASE("Append writes every value list anew at the end, exactly sized", "[edit][strategy]") {
    TempDir dir;
    const std::string path = emptyHive(dir);
    auto s = Session::open(path, optionsFor(StrategyKind::Append));
    REQUIRE(s);
    REQUIRE((*s)->apply(Plan().createKey("K")));
    for (int i = 0; i < 20; ++i)
        REQUIRE((*s)->apply(Plan().setValue("K", "v" + std::to_string(i), kRegDword, dwordBytes(i))));
    // 20 entries: 80 bytes of data, the cell rounded to 88 (84 of data).
    CHECK(valueListCapacity((*s)->hive(), "K") == 84);
    CHECK((*s)->storeStats().freed == 0);
    REQUIRE((*s)->commit());
    requireClean(path);
    requireOtherReadersAccept(path);
}
