// Where deleted data survives besides free cells (hive/DeletedScanner.h,
// FoundIn): allocated cells nothing references, the slack of referenced
// cells, the bytes past the last hbin, and records whose cell header a free
// neighbour absorbed. Each is made with HiveBuilder, the way Windows (or a
// repair) leaves it. Also the rules a record must pass: any value type,
// and a name that is not mostly NUL and control characters.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>

#include "format/KeyNode.h"
#include "format/Layout.h"
#include "format/ValueData.h"
#include "format/ValueRecord.h"
#include "hive/CellScanner.h"
#include "hive/Checker.h"
#include "hive/DeletedScanner.h"
#include "support/HiveBuilder.h"

using namespace hivekit;
using namespace testsupport;

namespace {

DeletedScan scanOf(const BuiltHive& built, bool allocatedCells = true) {
    auto hive = built.open();
    REQUIRE(hive);
    DeletedScanOptions options;
    options.allocatedCells = allocatedCells;
    auto scan = scanDeleted(**hive, options);
    INFO((scan ? std::string() : scan.error().message));
    REQUIRE(scan);
    return std::move(*scan);
}

const DeletedValue* valueAt(const DeletedScan& scan, uint32_t cellOffset) {
    for (const auto& v : scan.values)
        if (v.cellOffset == cellOffset) return &v;
    return nullptr;
}

uint32_t cellBytes(const BuiltHive& built, uint32_t cell) {
    const int32_t raw = built.cellSize(cell);
    return static_cast<uint32_t>(raw < 0 ? -raw : raw);
}

/// Copies the whole cell at `from` (size field included) to relative `to`.
void copyCell(BuiltHive& built, uint32_t from, uint32_t to) {
    const uint32_t size = cellBytes(built, from);
    REQUIRE(0x1000 + uint64_t{to} + size <= built.bytes.size());
    std::memmove(built.bytes.data() + 0x1000 + to, built.bytes.data() + 0x1000 + from, size);
}

/// Writes a vk record with `name` (Latin-1 bytes, any value) and inline
/// DWORD data in a cell of `cellSize` whose size field is `rawSize`.
void writeValue(BuiltHive& built, uint32_t at, int32_t rawSize, const std::string& name, uint32_t type) {
    ValueRecord v;
    v.nameLength = static_cast<uint16_t>(name.size());
    v.dataSizeField = 4 | layout::vk::DataInlineBit;
    v.dataOffset = 0x04030201;
    for (uint8_t i = 0; i < 4; ++i) v.inlineBytes[i] = static_cast<uint8_t>(i + 1);  // what an inline vk stores
    v.type = type;
    v.flags = layout::vk::FlagCompressedName;
    v.nameBytes = Bytes(reinterpret_cast<const uint8_t*>(name.data()), name.size());
    storeU32(built.bytes.data() + 0x1000 + at, static_cast<uint32_t>(rawSize));
    encodeValueRecord(v, std::span<uint8_t>(built.bytes.data() + 0x1000 + at + 4, valueRecordSize(name.size())));
}

/// The largest free cell of a built hive (offset, size): room for records.
std::pair<uint32_t, uint32_t> largestFree(const BuiltHive& built) {
    const auto best = largestFreeCell(built);
    REQUIRE(best.second >= 512);
    return best;
}

}  // namespace

TEST_CASE("A key unlinked from its parent but never freed is found in an unreferenced cell with its values",
          "[deleted][places]") {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"Alpha");
    const size_t gone = b.addKey(HiveBuilder::kRoot, u"Zulu");
    b.addValue(gone, u"kept", kRegBinary, patternBytes(40, 7));
    b.addValue(gone, u"small", kRegDword, dwordBytes(42));
    BuiltHive built = b.build();
    // Unlink Zulu (last in the sorted list) as a failed delete or a repair
    // leaves it: the root's count and its list's count lose it, every cell
    // stays allocated.
    const BuiltKey& root = built.key(HiveBuilder::kRoot);
    built.pokeField32(root.nk, layout::nk::SubkeyCount, 1);
    built.pokeField16(root.subkeyList, layout::list::Count, 1);
    {
        auto hive = built.open();
        REQUIRE(hive);
        REQUIRE(checkHive(**hive).unreferencedCells >= 4);  // nk, value list, 2 vk, data
    }
    const DeletedScan scan = scanOf(built);
    REQUIRE(scan.keys.size() == 1);
    const DeletedKey& key = scan.keys[0];
    CHECK(key.cellOffset == built.key(gone).nk);
    CHECK(key.foundIn == FoundIn::UnreferencedCell);
    CHECK(key.path == "Zulu");
    CHECK(key.parentLive);
    REQUIRE(key.values.size() == 2);
    const DeletedValue& kept = scan.values[key.values[0]];
    CHECK(kept.name == "kept");
    CHECK(kept.foundIn == FoundIn::UnreferencedCell);
    CHECK(kept.dataState == RecoveredData::Intact);
    CHECK(kept.data == patternBytes(40, 7));
    CHECK(scan.values[key.values[1]].data == dwordBytes(42));
    CHECK(scan.unreferencedBytesScanned > 0);
    // Without the allocated cells the scan does not see it.
    CHECK(scanOf(built, false).keys.empty());
}

TEST_CASE("A live key's records are never reported as deleted", "[deleted][places]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"Live");
    b.addValue(k, u"v", kRegBinary, patternBytes(100, 3));
    b.addKey(k, u"Child");
    const DeletedScan scan = scanOf(b.build());
    CHECK(scan.keys.empty());
    CHECK(scan.values.empty());
}

TEST_CASE("Records in the bytes past the last hbin are found there", "[deleted][places]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"remnant", kRegDword, dwordBytes(0x11223344));
    BuiltHive built = b.build();
    const uint32_t binsEnd = static_cast<uint32_t>(built.bytes.size() - 0x1000);
    // The file keeps a bin the hive no longer declares: 4 KiB whose old
    // cells still hold a copy of the vk.
    built.bytes.resize(built.bytes.size() + 0x1000, 0);
    const uint32_t at = binsEnd + 0x20 + 0x40;
    copyCell(built, built.value(k, 0).vk, at);
    const DeletedScan scan = scanOf(built);
    const DeletedValue* v = valueAt(scan, at);
    REQUIRE(v);
    CHECK(v->foundIn == FoundIn::PastLastBin);
    CHECK(v->name == "remnant");
    CHECK(v->dataState == RecoveredData::Intact);
    CHECK(v->data == dwordBytes(0x11223344));
    CHECK(scan.pastBinsBytesScanned == 0x1000);
    CHECK(scan.values.size() == 1);  // the live one is not reported
}

TEST_CASE("A value record in the slack of an allocated cell is found as cell slack", "[deleted][places]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"shrunk", kRegBinary, patternBytes(200, 9));
    b.addValue(k, u"older", kRegDword, dwordBytes(5));
    BuiltHive built = b.build();
    const BuiltValue shrunk = built.value(k, 0);
    // The data shrank to 16 bytes in place (Windows keeps the cell); the
    // old bytes after them held an older record.
    built.pokeField32(shrunk.vk, layout::vk::DataSize, 16);
    const uint32_t at = shrunk.data + 24;  // the first 8-byte boundary after 4 + 16 bytes
    copyCell(built, built.value(k, 1).vk, at);
    const DeletedScan scan = scanOf(built);
    const DeletedValue* v = valueAt(scan, at);
    REQUIRE(v);
    CHECK(v->foundIn == FoundIn::CellSlack);
    CHECK(v->name == "older");
    CHECK(v->data == dwordBytes(5));
    CHECK(scan.slackBytesScanned >= cellBytes(built, shrunk.data) - 24);
    // Where the owner still uses the bytes, nothing is looked for.
    built.pokeField32(shrunk.vk, layout::vk::DataSize, 200);
    CHECK(valueAt(scanOf(built), at) == nullptr);
}

TEST_CASE("A record whose cell header was absorbed by a bigger free cell is found inside it", "[deleted][places]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"first", kRegDword, dwordBytes(1));
    b.addValue(k, u"second", kRegDword, dwordBytes(2));
    BuiltHive built = b.build();
    const uint32_t first = built.value(k, 0).vk;
    const uint32_t second = built.value(k, 1).vk;
    REQUIRE(second == first + cellBytes(built, first));
    // Both freed; the first absorbed the second: one free cell whose size
    // field is the first's, the second's header now inside it.
    built.setCellSize(second, static_cast<int32_t>(cellBytes(built, second)));
    built.setCellSize(first, static_cast<int32_t>(cellBytes(built, first) + cellBytes(built, second)));
    const DeletedScan scan = scanOf(built);
    REQUIRE(valueAt(scan, first));
    REQUIRE(valueAt(scan, second));
    CHECK(valueAt(scan, first)->foundIn == FoundIn::FreeCell);
    CHECK(valueAt(scan, second)->foundIn == FoundIn::InsideFreeCell);
    CHECK(valueAt(scan, second)->name == "second");
}

TEST_CASE("A deleted value of a type outside the REG_ range such as 0x20004 is recovered", "[deleted][places]") {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"K");
    BuiltHive built = b.build();
    const auto [freeAt, freeSize] = largestFree(built);
    writeValue(built, freeAt + 0x40, 0x20, "Typed", 0x20004);
    writeValue(built, freeAt + 0x80, 0x20, "Huge", 0xDEADBEEF);
    const DeletedScan scan = scanOf(built);
    REQUIRE(valueAt(scan, freeAt + 0x40));
    CHECK(valueAt(scan, freeAt + 0x40)->record.type == 0x20004);
    CHECK(valueAt(scan, freeAt + 0x40)->data == std::vector<uint8_t>{1, 2, 3, 4});
    REQUIRE(valueAt(scan, freeAt + 0x80));
    CHECK(valueAt(scan, freeAt + 0x80)->record.type == 0xDEADBEEF);
}

TEST_CASE("A garbage name of NULs and control bytes is no name and its record is rejected", "[deleted][places]") {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"K");
    BuiltHive built = b.build();
    const auto [freeAt, freeSize] = largestFree(built);
    writeValue(built, freeAt + 0x40, 0x20, std::string("\0\0\x01\0", 4), kRegDword);
    writeValue(built, freeAt + 0x80, 0x20, std::string("\x02\x1f" "A", 3), kRegDword);
    writeValue(built, freeAt + 0xC0, 0x20, std::string("Tab\there", 8), kRegDword);
    writeValue(built, freeAt + 0x100, 0x20, "", kRegDword);
    const DeletedScan scan = scanOf(built);
    CHECK(valueAt(scan, freeAt + 0x40) == nullptr);   // all NUL and control
    CHECK(valueAt(scan, freeAt + 0x80) == nullptr);   // two of three
    CHECK(valueAt(scan, freeAt + 0xC0) != nullptr);   // one of eight: a name
    CHECK(valueAt(scan, freeAt + 0x100) != nullptr);  // the default value
}

TEST_CASE("The name rule refuses names half or more NUL and control characters", "[deleted][places]") {
    CHECK(plausibleRecordName(u""));
    CHECK(plausibleRecordName(u"Run"));
    CHECK(plausibleRecordName(u"a\tb"));
    CHECK(plausibleRecordName(std::u16string(u"abc\0", 4)));
    CHECK_FALSE(plausibleRecordName(std::u16string(u"\0", 1)));
    CHECK_FALSE(plausibleRecordName(std::u16string(u"a\0", 2)));
    CHECK_FALSE(plausibleRecordName(u"\x01\x02\x7f" u"ab"));
    CHECK(plausibleRecordName(u"\x01\x02" u"abc"));
}

TEST_CASE("Place names round-trip and describe each place", "[deleted][places]") {
    for (FoundIn where : {FoundIn::FreeCell, FoundIn::InsideFreeCell, FoundIn::UnreferencedCell, FoundIn::CellSlack,
                          FoundIn::PastLastBin}) {
        FoundIn back{};
        REQUIRE(parseFoundIn(foundInName(where), back));
        CHECK(back == where);
        CHECK(std::string(foundInDescription(where)).size() > 5);
    }
    FoundIn ignored{};
    CHECK_FALSE(parseFoundIn("free", ignored));
}
