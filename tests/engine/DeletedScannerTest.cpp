// Deleted keys and values found in free cells (hive/DeletedScanner): data
// deleted by the engine's own editing in fresh hives and in copies of real
// ones, data overwritten afterwards, big data, hand-made hostile bytes, and
// every shared hive.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <map>
#include <random>

#include "engine/EditTestSupport.h"
#include "format/BigData.h"
#include "format/KeyNode.h"
#include "format/Layout.h"
#include "format/ValueRecord.h"
#include "hive/CellScanner.h"
#include "hive/DeletedScanner.h"
#include "index/Index.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

SessionOptions inPlace() {
    SessionOptions o;
    o.strategy = StrategyKind::InPlace;
    o.tx.clock = [] { return kTestClock; };
    return o;
}

void applyAndCommit(const std::string& path, const Plan& plan, SessionOptions options = inPlace()) {
    auto s = Session::open(path, options);
    REQUIRE(s);
    auto applied = (*s)->apply(plan);
    INFO((applied ? std::string() : applied.error().message));
    REQUIRE(applied);
    auto committed = (*s)->commit();
    INFO((committed ? std::string() : committed.error().message));
    REQUIRE(committed);
}

std::unique_ptr<Hive> openOrFail(const std::string& path) {
    auto hive = Hive::open(path);
    REQUIRE(hive);
    return std::move(*hive);
}

DeletedScan scanOrFail(const Hive& hive) {
    auto scan = scanDeleted(hive);
    INFO((scan ? std::string() : scan.error().message));
    REQUIRE(scan);
    return std::move(*scan);
}

const DeletedKey* keyByPath(const DeletedScan& scan, const std::string& path) {
    for (const auto& k : scan.keys)
        if (k.path == path) return &k;
    return nullptr;
}

/// The values a deleted key's list links, by name.
std::map<std::string, const DeletedValue*> valuesOf(const DeletedScan& scan, const DeletedKey& key) {
    std::map<std::string, const DeletedValue*> out;
    for (size_t i : key.values) out[scan.values.at(i).name] = &scan.values[i];
    return out;
}

/// The live key's values as (name -> type, data), read before deleting it.
struct LiveValue {
    uint32_t type = 0;
    std::vector<uint8_t> data;
};
std::map<std::string, LiveValue> liveValues(const std::string& hivePath, const std::string& keyPath) {
    auto hive = openOrFail(hivePath);
    auto at = Index(*hive).findKey(keyPath);
    REQUIRE(at);
    auto key = hive->keyNode(*at);
    REQUIRE(key);
    std::map<std::string, LiveValue> out;
    for (uint32_t o : hive->values(*key)) {
        auto v = hive->valueRecord(o);
        REQUIRE(v);
        auto d = hive->valueData(*v);
        REQUIRE(d);
        out[v->nameUtf8()] = {v->type, std::vector<uint8_t>(d->bytes().begin(), d->bytes().end())};
    }
    return out;
}

/// Marks `size` bytes at `at` allocated again (by default the old cell's own
/// size, from its size field), as a later allocation taking that space
/// would: the free cell holding `at` is split into a free part before it,
/// the allocated cell, and a free part after it.
void allocateAt(std::vector<uint8_t>& bytes, const Hive& hive, uint32_t at, uint32_t size = 0) {
    if (size == 0) {
        const int32_t raw = static_cast<int32_t>(loadU32(bytes.data() + 0x1000 + at));
        size = static_cast<uint32_t>(raw < 0 ? -raw : raw);
    }
    bool done = false;
    CellScanner(hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (c.allocated || at < c.offset || at >= c.offset + c.size) return true;
        const uint32_t end = c.offset + c.size;
        size = std::min(size, end - at);
        if (end - at - size < 8) size = end - at;  // no room for a free cell after it
        if (at > c.offset) storeU32(bytes.data() + 0x1000 + c.offset, at - c.offset);
        storeU32(bytes.data() + 0x1000 + at, static_cast<uint32_t>(-static_cast<int32_t>(size)));
        if (at + size < end) storeU32(bytes.data() + 0x1000 + at + size, end - at - size);
        done = true;
        return false;
    });
    REQUIRE(done);
}

/// The free cells of a hive: (relative offset, size).
std::vector<std::pair<uint32_t, uint32_t>> freeCells(const Hive& hive) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    CellScanner(hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (!c.allocated) out.emplace_back(c.offset, c.size);
        return true;
    });
    return out;
}

}  // namespace

TEST_CASE("A key deleted by an InPlace commit is found with its path, values and intact data", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock - 1;
    REQUIRE(createHive(path, o));
    Plan setup;
    setup.createKey("Software\\Vendor\\Gone\\Child", true);
    setup.setValue("Software\\Vendor\\Gone", "dword", kRegDword, {1, 2, 3, 4});
    setup.setValue("Software\\Vendor\\Gone", "", kRegSz, regSzBytes(u"default text"));
    setup.setValue("Software\\Vendor\\Gone", "binary", kRegBinary, patternBytes(300, 7));
    setup.setValue("Software\\Vendor\\Gone", "empty", kRegNone, {});
    setup.setValue("Software\\Vendor\\Gone", "ünïcödé", kRegSz, regSzBytes(u"xy"));
    setup.setValue("Software\\Vendor\\Gone\\Child", "inner", kRegQword, {1, 2, 3, 4, 5, 6, 7, 8});
    applyAndCommit(path, setup);
    const auto before = liveValues(path, "Software\\Vendor\\Gone");
    REQUIRE(before.size() == 5);

    {
        auto hive = openOrFail(path);
        CHECK(scanOrFail(*hive).keys.empty());  // nothing deleted yet
    }
    Plan del;
    del.deleteKey("Software\\Vendor\\Gone", true);
    applyAndCommit(path, del);

    auto hive = openOrFail(path);
    const DeletedScan scan = scanOrFail(*hive);
    const DeletedKey* gone = keyByPath(scan, "Software\\Vendor\\Gone");
    REQUIRE(gone);
    CHECK(gone->name == "Gone");
    CHECK(gone->parentLive);
    CHECK(gone->node.lastWritten == kTestClock);
    CHECK(gone->node.valueCount == 5);
    // The parent is live: its path is the live key's, and it is the key
    // the index finds.
    auto vendor = Index(*hive).findKey("Software\\Vendor");
    REQUIRE(vendor);
    CHECK(gone->node.parent == *vendor);

    const auto found = valuesOf(scan, *gone);
    REQUIRE(found.size() == before.size());
    for (const auto& [name, live] : before) {
        INFO("value " << name);
        REQUIRE(found.count(name));
        const DeletedValue& v = *found.at(name);
        CHECK(v.record.type == live.type);
        CHECK(v.ownerKey == static_cast<size_t>(gone - scan.keys.data()));
        if (live.data.empty()) {
            CHECK(v.dataState == RecoveredData::Empty);
        } else {
            CHECK(v.dataState == RecoveredData::Intact);
            CHECK(v.data == live.data);
        }
    }

    // The subkey's parent is the deleted key: its path goes through it.
    const DeletedKey* child = keyByPath(scan, "Software\\Vendor\\Gone\\Child");
    REQUIRE(child);
    CHECK_FALSE(child->parentLive);
    CHECK(child->node.parent == gone->cellOffset);
    REQUIRE(child->values.size() == 1);
    const DeletedValue& inner = scan.values[child->values[0]];
    CHECK(inner.name == "inner");
    CHECK(inner.dataState == RecoveredData::Intact);
    CHECK(inner.data == std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7, 8});
    CHECK(scan.freeBytesScanned > 0);
}

TEST_CASE("A key deleted from a copy of a real hive is found with its live parent's path and intact data", "[deleted]") {
    TempDir dir;
    const std::string path = copyFile(hivePath("regipy/NTUSER.DAT"), dir.file("NTUSER.DAT"));
    const auto before = liveValues(path, "Environment");
    REQUIRE(before.size() == 2);
    uint64_t envTime = 0;
    {
        auto hive = openOrFail(path);
        auto at = Index(*hive).findKey("Environment");
        REQUIRE(at);
        envTime = hive->keyNode(*at)->lastWritten;
    }
    size_t deletedBefore = 0;
    {
        auto hive = openOrFail(path);
        deletedBefore = scanOrFail(*hive).keys.size();
    }
    Plan del;
    del.deleteKey("Environment");
    del.deleteKey("Software\\Microsoft\\Assistance", true);
    applyAndCommit(path, del);

    auto hive = openOrFail(path);
    const DeletedScan scan = scanOrFail(*hive);
    CHECK(scan.keys.size() >= deletedBefore + 5);
    const DeletedKey* env = keyByPath(scan, "Environment");
    REQUIRE(env);
    CHECK(env->parentLive);
    CHECK(env->node.parent == hive->rootOffset());
    CHECK(env->node.lastWritten == envTime);
    const auto found = valuesOf(scan, *env);
    REQUIRE(found.size() == 2);
    for (const auto& [name, live] : before) {
        INFO("value " << name);
        REQUIRE(found.count(name));
        CHECK(found.at(name)->record.type == live.type);
        CHECK(found.at(name)->dataState == RecoveredData::Intact);
        CHECK(found.at(name)->data == live.data);
    }
    // A subtree: each key's path runs through its deleted parent.
    for (const char* p : {"Software\\Microsoft\\Assistance", "Software\\Microsoft\\Assistance\\Client",
                          "Software\\Microsoft\\Assistance\\Client\\1.0",
                          "Software\\Microsoft\\Assistance\\Client\\1.0\\Settings"}) {
        INFO("key " << p);
        const DeletedKey* k = keyByPath(scan, p);
        REQUIRE(k);
        CHECK(k->parentLive == (std::string(p) == "Software\\Microsoft\\Assistance"));
    }
}

TEST_CASE("A value deleted from a live key is found without owner and with its data", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    REQUIRE(createHive(path));
    Plan setup;
    setup.setValue("Keep", "stays", kRegSz, regSzBytes(u"here"), true);
    setup.setValue("Keep", "a value that goes", kRegBinary, patternBytes(64, 9));
    applyAndCommit(path, setup);
    Plan del;
    del.deleteValue("Keep", "a value that goes");
    applyAndCommit(path, del);

    auto hive = openOrFail(path);
    const DeletedScan scan = scanOrFail(*hive);
    CHECK(scan.keys.empty());
    const DeletedValue* gone = nullptr;
    for (const auto& v : scan.values)
        if (v.name == "a value that goes") gone = &v;
    REQUIRE(gone);
    CHECK(gone->ownerKey == DeletedValue::kNoOwner);
    CHECK(gone->record.type == kRegBinary);
    CHECK(gone->dataState == RecoveredData::Intact);
    CHECK(gone->data == patternBytes(64, 9));
}

TEST_CASE("Data whose cell a later allocation took is reported Overwritten, not as the new bytes", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    REQUIRE(createHive(path));
    Plan setup;
    setup.setValue("K", "victim", kRegBinary, patternBytes(200, 1), true);
    setup.createKey("Other");
    applyAndCommit(path, setup);
    Plan del;
    del.deleteValue("K", "victim");
    applyAndCommit(path, del);
    uint32_t dataCell = 0;
    {
        auto hive = openOrFail(path);
        const DeletedScan scan = scanOrFail(*hive);
        REQUIRE(scan.values.size() == 1);
        REQUIRE(scan.values[0].dataState == RecoveredData::Intact);
        dataCell = scan.values[0].record.dataOffset;
    }
    // The engine's own allocator reuses the freed space: new values of the
    // same size in another key take the data cell (best fit) and, with it,
    // the victim's record until nothing of it is left to find, or they take
    // the data cell only. Either way the victim must not show their bytes.
    (void)dataCell;
    for (int round = 0; round < 4; ++round) {
        Plan reuse;
        reuse.setValue("Other", "new" + std::to_string(round), kRegBinary, patternBytes(200, 0xEE));
        applyAndCommit(path, reuse);
        auto hive = openOrFail(path);
        const DeletedScan scan = scanOrFail(*hive);
        for (const auto& v : scan.values) {
            if (v.name != "victim") continue;
            if (v.dataState == RecoveredData::Intact) {
                CHECK(v.data == patternBytes(200, 1));
            } else {
                CHECK(v.dataState == RecoveredData::Overwritten);
                CHECK(v.data.empty());
            }
        }
    }
}

TEST_CASE("Data whose cell is allocated again while its record stays free is Overwritten", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    REQUIRE(createHive(path));
    Plan setup;
    setup.setValue("K", "victim", kRegBinary, patternBytes(200, 1), true);
    setup.createKey("Other");
    applyAndCommit(path, setup);
    Plan del;
    del.deleteValue("K", "victim");
    applyAndCommit(path, del);
    std::vector<uint8_t> bytes = readFile(path);
    auto hive = Hive::fromBytes(bytes);
    REQUIRE(hive);
    const DeletedScan before = scanOrFail(**hive);
    REQUIRE(before.values.size() == 1);
    const uint32_t dataCell = before.values[0].record.dataOffset;
    allocateAt(bytes, **hive, dataCell);
    std::fill(bytes.begin() + 0x1000 + dataCell + 4, bytes.begin() + 0x1000 + dataCell + 4 + 200, uint8_t{0xEE});
    auto reused = Hive::fromBytes(bytes);
    REQUIRE(reused);
    const DeletedScan scan = scanOrFail(**reused);
    REQUIRE(scan.values.size() == 1);
    CHECK(scan.values[0].name == "victim");
    CHECK(scan.values[0].dataState == RecoveredData::Overwritten);
    CHECK(scan.values[0].data.empty());
}

TEST_CASE("A free cell smaller than the declared data gives what fits as Truncated", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    REQUIRE(createHive(path));
    Plan setup;
    setup.setValue("K", "victim", kRegBinary, patternBytes(200, 1), true);
    setup.setValue("K", "keeper", kRegDword, {1, 0, 0, 0});
    applyAndCommit(path, setup);
    Plan del;
    del.deleteValue("K", "victim");
    applyAndCommit(path, del);
    std::vector<uint8_t> bytes = readFile(path);
    auto hive = Hive::fromBytes(bytes);
    REQUIRE(hive);
    const DeletedScan first = scanOrFail(**hive);
    REQUIRE(first.values.size() == 1);
    const uint32_t dataCell = first.values[0].record.dataOffset;
    // An allocation 64 bytes into the old data cell leaves 60 bytes free.
    allocateAt(bytes, **hive, dataCell + 64, 8);
    auto cut = Hive::fromBytes(bytes);
    REQUIRE(cut);
    const DeletedScan scan = scanOrFail(**cut);
    REQUIRE(scan.values.size() == 1);
    CHECK(scan.values[0].dataState == RecoveredData::Truncated);
    const auto whole = patternBytes(200, 1);
    CHECK(scan.values[0].data == std::vector<uint8_t>(whole.begin(), whole.begin() + 60));
}

TEST_CASE("Deleted big data is assembled from free segments, and Overwritten once a segment is taken", "[deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    REQUIRE(createHive(path));  // version 1.5: db cells
    const auto big = patternBytes(40000, 5);
    Plan setup;
    setup.setValue("Big\\Holder", "big", kRegBinary, big, true);
    setup.setValue("Big\\Holder", "small", kRegDword, {7, 0, 0, 0});
    applyAndCommit(path, setup);
    Plan del;
    del.deleteKey("Big\\Holder");
    applyAndCommit(path, del);

    std::vector<uint8_t> bytes = readFile(path);
    auto hive = Hive::fromBytes(bytes);
    REQUIRE(hive);
    const DeletedScan scan = scanOrFail(**hive);
    const DeletedKey* holder = keyByPath(scan, "Big\\Holder");
    REQUIRE(holder);
    const auto found = valuesOf(scan, *holder);
    REQUIRE(found.count("big"));
    const DeletedValue& v = *found.at("big");
    CHECK(v.dataState == RecoveredData::Intact);
    CHECK(v.data == big);

    // A segment allocated again: the value must not be stitched together
    // from someone else's bytes.
    const uint64_t dbData = 0x1000 + uint64_t{v.record.dataOffset} + 4;
    auto db = decodeBigData(Bytes(bytes).subspan(dbData, 8), dbData);
    REQUIRE(db);
    REQUIRE(db->segmentCount == 3);
    const uint32_t secondSegment = loadU32(bytes.data() + 0x1000 + db->segmentList + 4 + 4);
    allocateAt(bytes, **hive, secondSegment);
    auto reused = Hive::fromBytes(bytes);
    REQUIRE(reused);
    const DeletedScan after = scanOrFail(**reused);
    const DeletedKey* holder2 = keyByPath(after, "Big\\Holder");
    REQUIRE(holder2);
    const auto found2 = valuesOf(after, *holder2);
    REQUIRE(found2.count("big"));
    CHECK(found2.at("big")->dataState == RecoveredData::Overwritten);
    CHECK(found2.at("big")->data.empty());
    CHECK(found2.at("small")->dataState == RecoveredData::Intact);
}

TEST_CASE("Data offsets outside the bins are Missing and size 0 is Empty", "[deleted]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"far", kRegBinary, patternBytes(40, 1));
    b.addValue(k, u"none", kRegBinary, {});
    BuiltHive built = b.build();
    const BuiltValue far = built.value(k, 0);
    const BuiltValue none = built.value(k, 1);
    built.pokeField32(far.vk, layout::vk::DataOffset, 0x7FFFFFF8);
    // Free both records (as a delete would: positive sizes).
    for (uint32_t cell : {far.vk, none.vk}) built.setCellSize(cell, -built.cellSize(cell));
    auto hive = built.open();
    REQUIRE(hive);
    const DeletedScan scan = scanOrFail(**hive);
    std::map<std::string, const DeletedValue*> byName;
    for (const auto& v : scan.values) byName[v.name] = &v;
    REQUIRE(byName.count("far"));
    REQUIRE(byName.count("none"));
    CHECK(byName["far"]->dataState == RecoveredData::Missing);
    CHECK(byName["none"]->dataState == RecoveredData::Empty);
}

TEST_CASE("Records absorbed into a free cell are found whatever the sign of their old size field", "[deleted]") {
    // Three neighbouring cells freed into one: the first's size field is
    // the merged free cell's, the second keeps a positive size (freed
    // before the merge, as Windows does), the third a negative one
    // (absorbed while still marked allocated, as HiveKit's allocator and a
    // merge over slack leave it).
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"one", kRegBinary, patternBytes(40, 1));
    b.addValue(k, u"two", kRegBinary, patternBytes(40, 2));
    b.addValue(k, u"three", kRegBinary, patternBytes(40, 3));
    BuiltHive built = b.build();
    const uint32_t first = built.value(k, 0).vk;
    const uint32_t second = built.value(k, 1).vk;
    const uint32_t third = built.value(k, 2).vk;
    REQUIRE(second == first + static_cast<uint32_t>(-built.cellSize(first)) +
                          static_cast<uint32_t>(-built.cellSize(built.value(k, 0).data)));
    const uint32_t thirdData = built.value(k, 2).data;
    REQUIRE(thirdData == third + static_cast<uint32_t>(-built.cellSize(third)));
    const uint32_t end = thirdData + static_cast<uint32_t>(-built.cellSize(thirdData));
    built.setCellSize(second, -built.cellSize(second));
    built.setCellSize(first, static_cast<int32_t>(end - first));  // one free cell over all of them
    auto hive = built.open();
    REQUIRE(hive);
    const DeletedScan scan = scanOrFail(**hive);
    std::map<std::string, const DeletedValue*> byName;
    for (const auto& v : scan.values) byName[v.name] = &v;
    REQUIRE(byName.count("one"));
    REQUIRE(byName.count("two"));
    REQUIRE(byName.count("three"));
    CHECK(byName["one"]->cellOffset == first);
    CHECK(byName["two"]->cellOffset == second);
    CHECK(byName["three"]->cellOffset == third);
    for (uint8_t i = 1; i <= 3; ++i) {
        const DeletedValue& v = *byName[i == 1 ? "one" : i == 2 ? "two" : "three"];
        CHECK(v.dataState == RecoveredData::Intact);
        CHECK(v.data == patternBytes(40, i));
    }
}

TEST_CASE("Hostile free cells: lying lengths and cyclic parents end the scan quickly and safely", "[deleted][hostile]") {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"K");
    BuiltHive built = b.build();
    auto plain = built.open();
    REQUIRE(plain);
    auto cells = freeCells(**plain);
    REQUIRE(!cells.empty());
    auto [freeAt, freeSize] = cells.back();
    REQUIRE(freeSize >= 1024);
    uint8_t* base = built.bytes.data() + 0x1000;

    SECTION("every 8 bytes an nk or vk whose sizes and lengths lie") {
        std::mt19937 rng(42);
        for (uint32_t at = freeAt + 8; at + 8 <= freeAt + freeSize; at += 8) {
            storeU32(base + at, rng());
            storeU16(base + at + 4, (at / 8) % 2 ? layout::kKeyNodeSignature : layout::kValueSignature);
            storeU16(base + at + 6, static_cast<uint16_t>(rng()));
        }
        auto hive = Hive::fromBytes(built.bytes);
        REQUIRE(hive);
        const DeletedScan scan = scanOrFail(**hive);
        for (const auto& k : scan.keys) CHECK(k.cellOffset + keyNodeSize(k.node.nameLength) + 4 <= freeAt + freeSize);
    }

    SECTION("deleted keys whose parents form a cycle, or name themselves") {
        auto writeKey = [&](uint32_t at, uint32_t parent, const char* name, uint32_t valueCount, uint32_t valueList) {
            KeyNode k;
            k.flags = layout::nk::FlagCompressedName;
            k.lastWritten = kTestClock;
            k.parent = parent;
            k.valueCount = valueCount;
            k.valueList = valueList;
            k.subkeyList = k.volatileSubkeyList = k.security = k.classOffset = layout::kNoCell;
            k.nameLength = static_cast<uint16_t>(std::strlen(name));
            k.nameBytes = Bytes(reinterpret_cast<const uint8_t*>(name), k.nameLength);
            storeU32(base + at, 0x60);
            encodeKeyNode(k, std::span<uint8_t>(base + at + 4, keyNodeSize(k.nameLength)));
        };
        const uint32_t a = freeAt + 0x60, bKey = freeAt + 0xC0, self = freeAt + 0x120;
        // A's value list is its own cell: its "entries" are the nk's bytes.
        writeKey(a, bKey, "A", 0x7FFFFFFF, a);
        writeKey(bKey, a, "B", 3, freeAt + 0x20);
        writeKey(self, self, "Self", 0, layout::kNoCell);
        storeU32(base + freeAt + 0x20, 0x20);
        for (int i = 0; i < 3; ++i) storeU32(base + freeAt + 0x24 + 4 * i, bKey);  // names an nk, not a vk
        auto hive = Hive::fromBytes(built.bytes);
        REQUIRE(hive);
        const DeletedScan scan = scanOrFail(**hive);
        REQUIRE(scan.keys.size() == 3);
        std::map<std::string, const DeletedKey*> byName;
        for (const auto& k : scan.keys) byName[k.name] = &k;
        // A (first in the file) follows B, whose parent A closes the cycle:
        // B is where the chain ends, as though its parent were unknown.
        CHECK(byName.at("A")->path == "?\\B\\A");
        CHECK(byName.at("B")->path == "?\\B");
        CHECK(byName.at("Self")->path == "?\\Self");
        for (const auto& k : scan.keys) {
            CHECK_FALSE(k.parentLive);
            CHECK(k.values.empty());
        }
    }

    SECTION("a long chain of deleted parents is cut at Windows' depth") {
        // 600 tiny keys, each the parent of the next.
        const uint32_t slot = 0x58;
        const uint32_t count = std::min<uint32_t>(600, (freeSize - 8) / slot);
        for (uint32_t i = 0; i < count; ++i) {
            const uint32_t at = freeAt + 8 + i * slot;
            KeyNode k;
            k.flags = layout::nk::FlagCompressedName;
            k.lastWritten = kTestClock;
            k.parent = i == 0 ? 0x12345678 : at - slot;
            k.valueList = k.subkeyList = k.volatileSubkeyList = k.security = k.classOffset = layout::kNoCell;
            k.nameLength = 1;
            static const uint8_t x = 'x';
            k.nameBytes = Bytes(&x, 1);
            storeU32(base + at, slot);
            encodeKeyNode(k, std::span<uint8_t>(base + at + 4, keyNodeSize(1)));
        }
        auto hive = Hive::fromBytes(built.bytes);
        REQUIRE(hive);
        const DeletedScan scan = scanOrFail(**hive);
        REQUIRE(scan.keys.size() == count);
        for (const auto& k : scan.keys) {
            CHECK(k.path.rfind("?\\", 0) == 0);
            CHECK(k.path.size() <= 1 + 2 * 512);  // "?" and at most 512 levels of "\\x"
        }
    }
}

TEST_CASE("Random bytes in free cells never crash the scan or make it read outside the bins", "[deleted][hostile]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"v", kRegBinary, patternBytes(3000, 1));
    BuiltHive built = b.build();
    auto plain = built.open();
    REQUIRE(plain);
    const auto cells = freeCells(**plain);
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<uint8_t> bytes = built.bytes;
        for (auto [at, size] : cells) {
            for (uint32_t i = 4; i < size; ++i) {
                const uint32_t r = rng();
                uint8_t v = static_cast<uint8_t>(r);
                // Plenty of signatures, plausible times and small lengths.
                if (i % 8 == 4 && r % 3 == 0) v = 'n';
                else if (i % 8 == 5 && bytes[0x1000 + at + i - 1] == 'n') v = 'k';
                else if (r % 5 == 0) v = 0;
                bytes[0x1000 + at + i] = v;
            }
        }
        auto hive = Hive::fromBytes(bytes);
        REQUIRE(hive);
        auto scan = scanDeleted(**hive);
        REQUIRE(scan);
        for (const auto& v : scan->values)
            if (v.dataState == RecoveredData::Intact) CHECK(v.data.size() == v.record.dataSize());
    }
}

TEST_CASE("Progress reports bins scanned, and returning false cancels the scan", "[deleted]") {
    auto hive = openOrFail(hivePath("ez/UsrClassDeletedBags.dat"));
    uint64_t last = 0, total = 0;
    int calls = 0;
    DeletedScanOptions options;
    options.progress = [&](uint64_t done, uint64_t all) {
        CHECK(done >= last);
        last = done;
        total = all;
        ++calls;
        return true;
    };
    REQUIRE(scanDeleted(*hive, options));
    CHECK(calls >= 2);
    CHECK(total == hive->binsEnd());
    CHECK(last == total);

    options.progress = [](uint64_t, uint64_t) { return false; };
    auto cancelled = scanDeleted(*hive, options);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().message.find("cancelled") != std::string::npos);
}

TEST_CASE("UsrClassDeletedBags.dat: the deleted BagMRU keys are found with their live parents' paths", "[deleted][shared]") {
    auto hive = openOrFail(hivePath("ez/UsrClassDeletedBags.dat"));
    const DeletedScan scan = scanOrFail(*hive);
    const std::string bag = "Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU";
    const DeletedKey* top = keyByPath(scan, bag + "\\1");
    REQUIRE(top);
    CHECK(top->parentLive);
    CHECK(top->cellOffset + 0x1000 == 0x6f28);
    const auto values = valuesOf(scan, *top);
    REQUIRE(values.count("MRUListEx"));
    CHECK(values.at("MRUListEx")->data == std::vector<uint8_t>{0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff});
    for (const char* tail : {"\\1\\0", "\\1\\0\\0", "\\1\\0\\0\\0"}) {
        INFO(tail);
        const DeletedKey* k = keyByPath(scan, bag + tail);
        REQUIRE(k);
        CHECK_FALSE(k->parentLive);
        CHECK(k->values.size() == k->node.valueCount);
    }
    CHECK(scan.keys.size() == 4);
    CHECK(scan.values.size() >= 112);
}

TEST_CASE("Every shared hive scans without error", "[deleted][shared]") {
    for (const char* name :
         {"regipy/SYSTEM", "regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT", "regipy/UsrClass.dat",
          "regipy/transactions_NTUSER.DAT", "regipy/amcache.hve", "regipy/SAM", "regipy/SECURITY", "regipy/BCD",
          "regipy/corrupted_system_hive", "ez/SAM", "ez/SAMBadHBinHeader", "ez/SAN(OTHER)", "ez/SECURITYNoRoot",
          "ez/UsrClassDeletedBags.dat", "ez/NTUSER1.DAT", "dfir/Win10-RathbunVM/Amcache.hve",
          "dfir/Server2022-APTSimulatorVM/Amcache.hve", "hivex/minimal", "hivex/special",
          "hivex/rlenvalue_test_hive"}) {
        INFO("hive " << name);
        for (bool logs : {true, false}) {
            OpenOptions o;
            o.useLogs = logs;
            auto hive = Hive::open(hivePath(name), o);
            REQUIRE(hive);
            const auto start = std::chrono::steady_clock::now();
            auto scan = scanDeleted(**hive);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            INFO((scan ? std::string() : scan.error().message));
            REQUIRE(scan);
            UNSCOPED_INFO(name << (logs ? "" : " (no logs)") << ": " << scan->keys.size() << " keys, "
                               << scan->values.size() << " values, " << seconds << " s");
            for (const auto& k : scan->keys) {
                CHECK(!k.path.empty());
                CHECK(!k.name.empty());
            }
            for (const auto& v : scan->values)
                if (v.dataState == RecoveredData::Intact) CHECK(v.data.size() == v.record.dataSize());
        }
    }
}
