// Strategy properties: InPlace rewrites in place and reuses freed space,
// Append never frees and always grows, Hybrid follows its decision matrix.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/EditTestSupport.h"
#include "format/Layout.h"
#include "hive/CellScanner.h"
#include "index/Index.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

constexpr uint32_t kNone = layout::kNoCell;

SessionOptions optionsFor(StrategyKind kind, HybridOptions hybrid = {}) {
    SessionOptions o;
    o.strategy = kind;
    o.hybrid = hybrid;
    o.tx.clock = [] { return kTestClock; };
    return o;
}

/// Where a value's records are, read from a hive.
struct Placed {
    uint32_t vk = kNone;
    uint32_t data = kNone;
};

Placed placed(const Hive& hive, const std::string& key, const std::string& name) {
    Index index(hive);
    auto k = index.findKey(key);
    REQUIRE(k);
    auto node = hive.keyNode(*k);
    REQUIRE(node);
    auto vk = index.findValue(*node, utf8ToUtf16(name));
    if (!vk) return {};
    auto v = hive.valueRecord(*vk);
    REQUIRE(v);
    return {*vk, v->dataInline() ? kNone : v->dataOffset};
}

/// Whether the cell chain has an allocated cell starting at `cell` (a freed
/// cell merged into a free neighbour keeps a stale size field, so the
/// chain is walked rather than the offset read).
bool allocated(const Hive& hive, uint32_t cell) {
    bool found = false;
    CellScanner(hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (c.offset == cell) found = c.allocated;
        return c.offset < cell;
    });
    return found;
}

/// Where the free space at the end of the last bin starts (what Append and
/// Hybrid's large values take first), or the end of the bins.
uint32_t tailStart(const Hive& hive) {
    uint32_t tail = hive.binsEnd();
    CellScanner(hive).scan([&](const HiveBinInfo& bin, const Cell& c) {
        if (bin.offset + bin.size == hive.binsEnd() && !c.allocated && c.offset + c.size == hive.binsEnd())
            tail = c.offset;
        return true;
    });
    return tail;
}

uint64_t fileSize(const std::string& path) { return std::filesystem::file_size(path); }

/// A fresh hive with one key "K" holding values of the given sizes, named
/// "v<size>", committed.
std::string hiveWithValues(const TempDir& dir, const std::vector<size_t>& sizes) {
    const std::string path = dir.file("h.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock;
    REQUIRE(createHive(path, o));
    Plan p;
    p.createKey("K");
    for (size_t size : sizes) p.setValue("K", "v" + std::to_string(size), kRegBinary, patternBytes(size, 1));
    auto s = Session::open(path, optionsFor(StrategyKind::InPlace));
    REQUIRE(s);
    REQUIRE((*s)->apply(p));
    REQUIRE((*s)->commit());
    return path;
}

}  // namespace

TEST_CASE("InPlace rewrites a same-size value in its cells without growing the file", "[edit][strategy]") {
    TempDir dir;
    const std::string path = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    const uint64_t sizeBefore = fileSize(path);
    const std::string key = "ControlSet001\\Control\\ComputerName\\ComputerName";
    auto s = Session::open(path, optionsFor(StrategyKind::InPlace));
    REQUIRE(s);
    const Placed before = placed((*s)->hive(), key, "ComputerName");
    REQUIRE(before.data != kNone);
    auto old = (*s)->hive().valueData(*(*s)->hive().valueRecord(before.vk));
    REQUIRE(old);
    std::vector<uint8_t> same(old->size(), 0x41);
    REQUIRE((*s)->apply(Plan().setValue(key, "ComputerName", kRegSz, same)));
    const Placed after = placed((*s)->hive(), key, "ComputerName");
    CHECK(after.vk == before.vk);
    CHECK(after.data == before.data);
    CHECK((*s)->storeStats().moved == 0);
    CHECK((*s)->storeStats().created == 0);
    CHECK((*s)->allocatorStats().binsAdded == 0);
    auto report = (*s)->commit();
    REQUIRE(report);
    CHECK(fileSize(path) == sizeBefore);
    // The value's cells and the key's timestamp: at most 4 pages, plus the
    // header sector written twice (mark and commit).
    CHECK(report->primaryBytes <= 4 * 4096 + 2 * 512);
    requireClean(path);
}

TEST_CASE("InPlace reuses the space of a deleted value", "[edit][strategy]") {
    TempDir dir;
    const std::string path = hiveWithValues(dir, {100, 200, 300});
    auto s = Session::open(path, optionsFor(StrategyKind::InPlace));
    REQUIRE(s);
    const Placed gone = placed((*s)->hive(), "K", "v200");
    REQUIRE((*s)->apply(Plan().deleteValue("K", "v200")));
    CHECK_FALSE(allocated((*s)->hive(), gone.data));
    CHECK_FALSE(allocated((*s)->hive(), gone.vk));
    const uint32_t binsBefore = (*s)->hive().binsEnd();
    REQUIRE((*s)->apply(Plan().setValue("K", "new", kRegBinary, patternBytes(200, 7))));
    const Placed reused = placed((*s)->hive(), "K", "new");
    // The freed cell merged with a free neighbour; the new data starts in
    // that run, covering the old cell's start.
    CHECK(reused.data <= gone.data);
    CHECK(reused.data + 204 > gone.data);
    CHECK((*s)->hive().binsEnd() == binsBefore);
    REQUIRE((*s)->commit());
    requireClean(path);
}

TEST_CASE("Append never frees: replaced and deleted records stay allocated and the hive grows", "[edit][strategy]") {
    TempDir dir;
    const std::string path = hiveWithValues(dir, {100, 200, 300});
    // Holes in the bin: Append must not use them.
    {
        auto s = Session::open(path, optionsFor(StrategyKind::InPlace));
        REQUIRE(s);
        REQUIRE((*s)->apply(Plan().setValue("K", "hole", kRegBinary, patternBytes(400, 1))));
        REQUIRE((*s)->apply(Plan().deleteValue("K", "hole")));
        REQUIRE((*s)->commit());
    }
    const uint64_t sizeBefore = fileSize(path);
    auto s = Session::open(path, optionsFor(StrategyKind::Append));
    REQUIRE(s);
    const uint32_t tail = tailStart((*s)->hive());
    const Placed same = placed((*s)->hive(), "K", "v100");
    const Placed deleted = placed((*s)->hive(), "K", "v200");
    Plan p;
    p.setValue("K", "v100", kRegBinary, patternBytes(100, 9));  // the same size: still a new cell
    p.deleteValue("K", "v200");
    p.createKey("K\\Sub");
    p.deleteKey("K\\Sub");
    p.setValue("K", "more", kRegBinary, patternBytes(6000, 3));  // more than the tail holds
    REQUIRE((*s)->apply(p));
    const Placed moved = placed((*s)->hive(), "K", "v100");
    CHECK(moved.data != same.data);
    CHECK(moved.vk != same.vk);
    CHECK(moved.data >= tail);  // at the end, never in a hole
    CHECK(moved.vk >= tail);
    CHECK(placed((*s)->hive(), "K", "more").data >= tail);
    for (uint32_t cell : {same.data, same.vk, deleted.data, deleted.vk}) CHECK(allocated((*s)->hive(), cell));
    CHECK((*s)->allocatorStats().frees == 0);
    CHECK((*s)->storeStats().freed == 0);
    CHECK((*s)->storeStats().abandoned > 0);
    CHECK((*s)->allocatorStats().binsAdded > 0);
    REQUIRE((*s)->commit());
    CHECK(fileSize(path) > sizeBefore);
    requireClean(path);
}

TEST_CASE("Hybrid's decision matrix", "[edit][strategy]") {
    const HybridStrategy hybrid;  // 1 KiB, 12%
    const Placement inPlace{true, Allocator::Source::Reuse, true};
    const Placement toEnd{false, Allocator::Source::End, true};
    auto place = [&](WriteRole role, uint32_t oldCapacity, uint32_t newSize, uint64_t valueSize,
                     const HybridStrategy& h) {
        CellRequest r;
        r.role = role;
        r.oldCell = oldCapacity ? 0x20 : kNone;
        r.oldCapacity = oldCapacity;
        r.newSize = newSize;
        r.valueSize = valueSize;
        return h.place(r);
    };
    // Keys, lists, class names, value records: InPlace whatever the size.
    for (WriteRole role : {WriteRole::Key, WriteRole::SubkeyList, WriteRole::ValueList, WriteRole::Value,
                          WriteRole::ClassName, WriteRole::Security})
        CHECK(place(role, 100, 5000, 5000, hybrid) == inPlace);
    // Small values: InPlace, growing within the slack too.
    CHECK(place(WriteRole::ValueData, 0, 500, 500, hybrid) == inPlace);
    CHECK(place(WriteRole::ValueData, 500, 500, 500, hybrid) == inPlace);
    CHECK(place(WriteRole::ValueData, 500, 560, 560, hybrid) == inPlace);  // +12% exactly
    CHECK(place(WriteRole::ValueData, 500, 561, 561, hybrid) == toEnd);    // beyond the slack
    // Values of 1 KiB and more: to the end, the old cell freed.
    CHECK(place(WriteRole::ValueData, 0, 1024, 1024, hybrid) == toEnd);
    CHECK(place(WriteRole::ValueData, 2000, 1500, 1500, hybrid) == toEnd);
    CHECK(place(WriteRole::ValueData, 1023, 1023, 1023, hybrid) == inPlace);
    CHECK(place(WriteRole::BigData, 0, 16348, 40000, hybrid) == toEnd);
    // Deletes are InPlace: freed.
    CHECK(hybrid.freesDeleted(WriteRole::ValueData));
    CHECK(hybrid.freesDeleted(WriteRole::Key));
    // Both thresholds are configurable.
    const HybridStrategy tuned(HybridOptions{100, 50});
    CHECK(place(WriteRole::ValueData, 0, 100, 100, tuned) == toEnd);
    CHECK(place(WriteRole::ValueData, 60, 90, 90, tuned) == inPlace);  // +50%
    CHECK(place(WriteRole::ValueData, 60, 91, 91, tuned) == toEnd);
    // The other two, for comparison.
    CHECK(InPlaceStrategy().place(CellRequest{WriteRole::ValueData, 0x20, 100, 5000, 5000}) == inPlace);
    CHECK(AppendStrategy().place(CellRequest{WriteRole::Key, 0x20, 100, 50, 0}) ==
          Placement{false, Allocator::Source::End, false});
    CHECK_FALSE(AppendStrategy().freesDeleted(WriteRole::ValueData));
}

TEST_CASE("Hybrid keeps small values in place and sends large and outgrowing ones to the end", "[edit][strategy]") {
    TempDir dir;
    const std::string path = hiveWithValues(dir, {100, 500, 2000});
    // A hole after v100 would let InPlace grow it in place: Hybrid must not
    // for a large value, and must for a small one within the slack.
    auto s = Session::open(path, optionsFor(StrategyKind::Hybrid));
    REQUIRE(s);
    const uint32_t tail = tailStart((*s)->hive());
    const Placed small = placed((*s)->hive(), "K", "v100");
    const Placed medium = placed((*s)->hive(), "K", "v500");
    const Placed large = placed((*s)->hive(), "K", "v2000");
    Plan p;
    p.setValue("K", "v100", kRegBinary, patternBytes(96, 2));     // fits: in place
    p.setValue("K", "v2000", kRegBinary, patternBytes(2000, 2));  // large: to the end
    p.setValue("K", "v500", kRegBinary, patternBytes(900, 2));    // outgrows by 80%: to the end
    REQUIRE((*s)->apply(p));
    CHECK(placed((*s)->hive(), "K", "v100").data == small.data);
    const Placed largeNow = placed((*s)->hive(), "K", "v2000");
    const Placed mediumNow = placed((*s)->hive(), "K", "v500");
    CHECK(largeNow.data >= tail);
    CHECK(mediumNow.data >= tail);
    // The cells they left are freed (a replaced value is a delete).
    CHECK_FALSE(allocated((*s)->hive(), large.data));
    CHECK_FALSE(allocated((*s)->hive(), medium.data));
    // The value records stay where they are (keys and records: InPlace).
    CHECK(largeNow.vk == large.vk);
    REQUIRE((*s)->commit());
    requireClean(path);
}

TEST_CASE("Hybrid's thresholds come from the session options", "[edit][strategy]") {
    TempDir dir;
    const std::string path = hiveWithValues(dir, {300});
    auto s = Session::open(path, optionsFor(StrategyKind::Hybrid, HybridOptions{200, 12}));
    REQUIRE(s);
    const uint32_t tail = tailStart((*s)->hive());
    const Placed before = placed((*s)->hive(), "K", "v300");
    REQUIRE((*s)->apply(Plan().setValue("K", "v300", kRegBinary, patternBytes(300, 5))));
    const Placed after = placed((*s)->hive(), "K", "v300");
    CHECK(after.data != before.data);  // 300 >= 200: a large value now
    CHECK(after.data >= tail);
    REQUIRE((*s)->commit());
    requireClean(path);
}
