// The hex view's field panel on deleted records (hive/CellFields.h,
// describeAt and describeGroupAt): a key deleted by HiveKit's own editing,
// records whose cell header a free neighbour absorbed, slack and the bytes
// past the last hbin are described with a live record's fields at their
// file offsets; plain free space stays a free cell; every offset of a
// corpus hive's free space and of random free bytes describes safely, and
// what is described as deleted is what scanDeleted reports.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <set>

#include "engine/EditTestSupport.h"
#include "format/BaseBlock.h"
#include "format/KeyNode.h"
#include "format/Layout.h"
#include "format/ValueRecord.h"
#include "hive/CellFields.h"
#include "hive/CellScanner.h"
#include "hive/DeletedScanner.h"
#include "index/Index.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "support/UnlinkedKey.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

const CellField& fieldNamed(const CellDescription& d, const std::string& name) {
    const CellField* f = d.field(name);
    INFO("field " << name << " of " << d.title);
    REQUIRE(f);
    return *f;
}

uint32_t cellBytes(const BuiltHive& built, uint32_t cell) {
    const int32_t raw = built.cellSize(cell);
    return static_cast<uint32_t>(raw < 0 ? -raw : raw);
}

/// The largest free cell of a built hive (offset, size): room for records.
std::pair<uint32_t, uint32_t> largestFree(const BuiltHive& built) {
    const auto best = largestFreeCell(built);
    REQUIRE(best.second >= 512);
    return best;
}

/// Every description's fields lie inside it, in file order.
void checkInside(const CellDescription& d) {
    uint64_t last = d.fileOffset;
    for (const CellField& f : d.fields) {
        INFO(d.title << ": field " << f.name);
        CHECK(f.fileOffset >= last);
        CHECK(f.fileOffset + f.size <= d.fileOffset + d.size);
        CHECK(f.raw.size() == f.size);
        last = f.fileOffset;
    }
}

}  // namespace

TEST_CASE("A key deleted by HiveKit is described at an offset inside it with the nk fields of a live key",
          "[cellfields][deleted]") {
    TempDir dir;
    const std::string path = dir.file("fresh.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock - 1;
    REQUIRE(createHive(path, o));
    SessionOptions options;
    options.strategy = StrategyKind::InPlace;
    options.tx.clock = [] { return kTestClock; };
    auto commit = [&](const Plan& plan) {
        auto s = Session::open(path, options);
        REQUIRE(s);
        REQUIRE((*s)->apply(plan));
        REQUIRE((*s)->commit());
    };
    Plan setup;
    setup.createKey("Software\\Vendor\\Gone", true);
    setup.setValue("Software\\Vendor\\Gone", "dword", kRegDword, {1, 2, 3, 4});
    commit(setup);
    Plan del;
    del.deleteKey("Software\\Vendor\\Gone", true);
    commit(del);

    auto opened = Hive::open(path);
    REQUIRE(opened);
    const Hive& hive = **opened;
    auto vendor = Index(hive).findKey("Software\\Vendor");
    REQUIRE(vendor);
    auto scan = scanDeleted(hive);
    REQUIRE(scan);
    const DeletedKey* gone = nullptr;
    for (const DeletedKey& k : scan->keys)
        if (k.name == "Gone") gone = &k;
    REQUIRE(gone);
    const uint64_t nkFile = gone->fileOffset().value;

    // An offset inside the record's name.
    auto d = describeAt(hive, nkFile + 4 + layout::nk::Name + 1);
    REQUIRE(d);
    REQUIRE(d->deletedIn);
    CHECK(*d->deletedIn == gone->foundIn);
    CHECK(d->ref == CellRef{gone->cellOffset, CellRole::KeyNode});
    CHECK(d->fileOffset == nkFile);
    CHECK(d->title == "deleted nk \"Gone\"");
    CHECK(d->note.starts_with("deleted key node, found "));
    CHECK(d->problems.empty());
    const CellField& name = fieldNamed(*d, "name");
    CHECK(name.meaning == "Gone");
    CHECK(name.fileOffset == nkFile + 4 + layout::nk::Name);
    CHECK(name.size == 4);
    const CellField& parent = fieldNamed(*d, "parent");
    CHECK(parent.fileOffset == nkFile + 4 + layout::nk::Parent);
    REQUIRE(parent.target);
    CHECK(*parent.target == CellRef{*vendor, CellRole::KeyNode});
    const CellField& written = fieldNamed(*d, "last written");
    CHECK(written.fileOffset == nkFile + 4 + layout::nk::LastWritten);
    CHECK(written.meaning == formatFiletime(kTestClock));
    CHECK(fieldNamed(*d, "signature").fileOffset == nkFile + 4);
    CHECK(fieldNamed(*d, "value count").meaning == "1");
    CHECK(fieldNamed(*d, "size").fileOffset == nkFile);
    checkInside(*d);

    // The same record from its first byte (what the Deleted dock goes to),
    // and as a group: the record, then the free cell it lies in.
    auto atStart = describeAt(hive, nkFile);
    REQUIRE(atStart);
    CHECK(atStart->ref == d->ref);
    auto group = describeGroupAt(hive, nkFile + 4 + layout::nk::Name);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 2);
    CHECK(group->cells[0].title == "deleted nk \"Gone\"");
    CHECK(group->cells[1].ref.role == CellRole::Free);
    CHECK_FALSE(group->cells[1].allocated);
    CHECK(group->cells[1].fileOffset <= nkFile);
    CHECK(group->cells[1].fileOffset + group->cells[1].size >= d->fileOffset + d->size);
}

TEST_CASE("A key node whose cell header a free cell absorbed is described inside it and says so",
          "[cellfields][deleted]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"Absorbed");
    BuiltHive built = b.build();
    const auto [freeAt, freeSize] = largestFree(built);
    // A copy of the nk 64 bytes into the free cell: the old cell of a key
    // freed and then merged into the free cell before it.
    const uint32_t nk = built.key(k).nk;
    const uint32_t at = freeAt + 0x40;
    const uint32_t nkSize = cellBytes(built, nk);
    REQUIRE(at + nkSize + 0x40 <= freeAt + freeSize);
    std::memcpy(built.bytes.data() + 0x1000 + at, built.bytes.data() + 0x1000 + nk, nkSize);
    auto opened = built.open();
    REQUIRE(opened);
    const Hive& hive = **opened;
    const uint64_t file = 0x1000 + uint64_t{at};

    auto d = describeAt(hive, file + 4 + layout::nk::SubkeyCount);
    REQUIRE(d);
    REQUIRE(d->deletedIn);
    CHECK(*d->deletedIn == FoundIn::InsideFreeCell);
    CHECK(d->fileOffset == file);
    CHECK(d->size == nkSize);
    CHECK(d->title == "deleted nk \"Absorbed\"");
    const std::string freeFile = hexOffset(0x1000 + uint64_t{freeAt});
    CHECK(d->note == std::string("deleted key node, found ") + foundInDescription(FoundIn::InsideFreeCell) +
                         "; its header is the free cell's at " + freeFile);
    CHECK(fieldNamed(*d, "size").meaning.find("no longer a cell header") != std::string::npos);
    CHECK(fieldNamed(*d, "name").meaning == "Absorbed");
    CHECK(fieldNamed(*d, "name").fileOffset == file + 4 + layout::nk::Name);
    REQUIRE(fieldNamed(*d, "parent").target);
    CHECK(fieldNamed(*d, "parent").target->offset == built.key(HiveBuilder::kRoot).nk);
    CHECK(fieldNamed(*d, "subkey count").fileOffset == file + 4 + layout::nk::SubkeyCount);
    checkInside(*d);

    auto group = describeGroupAt(hive, file + 0x10);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 2);
    CHECK(group->cells[0].ref.offset == at);
    CHECK(group->cells[1].fileOffset == 0x1000 + uint64_t{freeAt});
    CHECK(group->cells[1].ref.role == CellRole::Free);

    // Plain free bytes before and after it: the free cell, as before.
    for (uint64_t plain : {0x1000 + uint64_t{freeAt} + 0x10, file + nkSize + 0x10}) {
        INFO("offset " << hexOffset(plain));
        auto f = describeAt(hive, plain);
        REQUIRE(f);
        CHECK_FALSE(f->deletedIn);
        CHECK(f->ref.role == CellRole::Free);
        CHECK(f->fileOffset == 0x1000 + uint64_t{freeAt});
        CHECK(f->title == "free cell");
        auto g = describeGroupAt(hive, plain);
        REQUIRE(g);
        CHECK(g->cells.size() == 1);
    }
}

TEST_CASE("A value record absorbed by the free cell of its neighbour is described with the vk fields",
          "[cellfields][deleted]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"first", kRegDword, dwordBytes(1));
    b.addValue(k, u"second", kRegDword, dwordBytes(0x2A));
    BuiltHive built = b.build();
    const uint32_t first = built.value(k, 0).vk;
    const uint32_t second = built.value(k, 1).vk;
    REQUIRE(second == first + cellBytes(built, first));
    const uint32_t secondSize = cellBytes(built, second);
    built.setCellSize(second, static_cast<int32_t>(secondSize));
    built.setCellSize(first, static_cast<int32_t>(cellBytes(built, first) + secondSize));
    auto opened = built.open();
    REQUIRE(opened);
    const Hive& hive = **opened;
    const uint64_t firstFile = 0x1000 + uint64_t{first};
    const uint64_t secondFile = 0x1000 + uint64_t{second};

    auto d = describeAt(hive, secondFile + 4 + layout::vk::Type);
    REQUIRE(d);
    REQUIRE(d->deletedIn);
    CHECK(*d->deletedIn == FoundIn::InsideFreeCell);
    CHECK(d->title == "deleted vk \"second\" (REG_DWORD)");
    CHECK(d->ref == CellRef{second, CellRole::Value});
    CHECK(fieldNamed(*d, "name").meaning == "second");
    CHECK(fieldNamed(*d, "name").fileOffset == secondFile + 4 + layout::vk::Name);
    CHECK(fieldNamed(*d, "type").fileOffset == secondFile + 4 + layout::vk::Type);
    CHECK(fieldNamed(*d, "type").meaning == "REG_DWORD");
    CHECK(fieldNamed(*d, "data (inline)").meaning == "0x0000002a (42)");
    checkInside(*d);

    // The first record starts the free cell: its size field is the free
    // cell's (positive), and the record is its own bytes only.
    auto f = describeAt(hive, firstFile + 4);
    REQUIRE(f);
    REQUIRE(f->deletedIn);
    CHECK(*f->deletedIn == FoundIn::FreeCell);
    CHECK(f->title == "deleted vk \"first\" (REG_DWORD)");
    CHECK(f->fileOffset == firstFile);
    CHECK(f->size <= second - first);
    CHECK(fieldNamed(*f, "size").meaning.starts_with("free, " + std::to_string(second - first + secondSize) + " bytes"));
}

TEST_CASE("Deleted records in cell slack and past the last hbin are described where they lie",
          "[cellfields][deleted]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"shrunk", kRegBinary, patternBytes(200, 9));
    b.addValue(k, u"older", kRegDword, dwordBytes(5));
    BuiltHive built = b.build();
    const BuiltValue shrunk = built.value(k, 0);
    const uint32_t olderVk = built.value(k, 1).vk;
    const uint32_t olderSize = cellBytes(built, olderVk);
    // The data shrank in place; the bytes after it held an older vk.
    built.pokeField32(shrunk.vk, layout::vk::DataSize, 16);
    const uint32_t inSlack = shrunk.data + 24;
    std::memmove(built.bytes.data() + 0x1000 + inSlack, built.bytes.data() + 0x1000 + olderVk, olderSize);
    // A bin the hive no longer declares, holding another copy.
    const uint32_t binsEnd = static_cast<uint32_t>(built.bytes.size() - 0x1000);
    built.bytes.resize(built.bytes.size() + 0x1000, 0);
    const uint32_t past = binsEnd + 0x60;
    std::memmove(built.bytes.data() + 0x1000 + past, built.bytes.data() + 0x1000 + olderVk, olderSize);
    auto opened = built.open();
    REQUIRE(opened);
    const Hive& hive = **opened;

    // A data cell has no signature: only the scan knows whose it is and
    // how much of it its owner uses.
    auto scan = scanDeleted(hive);
    REQUIRE(scan);
    auto unknown = describeAt(hive, 0x1000 + uint64_t{inSlack} + 4 + layout::vk::Name);
    REQUIRE(unknown);
    CHECK_FALSE(unknown->deletedIn);
    CHECK(unknown->ref.offset == shrunk.data);
    auto slack = describeAt(hive, 0x1000 + uint64_t{inSlack} + 4 + layout::vk::Name, &*scan);
    REQUIRE(slack);
    REQUIRE(slack->deletedIn);
    CHECK(*slack->deletedIn == FoundIn::CellSlack);
    CHECK(slack->title == "deleted vk \"older\" (REG_DWORD)");
    CHECK(fieldNamed(*slack, "name").fileOffset == 0x1000 + uint64_t{inSlack} + 4 + layout::vk::Name);
    auto slackGroup = describeGroupAt(hive, 0x1000 + uint64_t{inSlack} + 8, &*scan);
    REQUIRE(slackGroup);
    REQUIRE(slackGroup->cells.size() == 2);
    CHECK(slackGroup->cells[1].ref.offset == shrunk.data);

    auto remnant = describeAt(hive, 0x1000 + uint64_t{past} + 4 + layout::vk::Name);
    REQUIRE(remnant);
    REQUIRE(remnant->deletedIn);
    CHECK(*remnant->deletedIn == FoundIn::PastLastBin);
    CHECK(fieldNamed(*remnant, "name").meaning == "older");
    auto remnantGroup = describeGroupAt(hive, 0x1000 + uint64_t{past});
    REQUIRE(remnantGroup);
    CHECK(remnantGroup->cells.size() == 1);
    // Zeros past the last hbin are still nothing.
    auto zeros = describeAt(hive, 0x1000 + uint64_t{binsEnd} + 0x10);
    REQUIRE_FALSE(zeros);
    CHECK(zeros.error().code == ErrorCode::OutOfBounds);
}

TEST_CASE("A deleted record in the slack of a key node's cell is described without a scan",
          "[cellfields][deleted]") {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"AKeyWhoseNameWasMuchLongerBeforeItWasRenamedToSomethingShort");
    b.addValue(k, u"v", kRegDword, dwordBytes(7));
    BuiltHive built = b.build();
    const uint32_t nk = built.key(k).nk;
    const uint32_t vk = built.value(k, 0).vk;
    // The key was renamed in place to a 4-byte name: its cell keeps the
    // old size, and the bytes past the new name held a vk.
    built.pokeField16(nk, layout::nk::NameLength, 4);
    const uint32_t at = nk + static_cast<uint32_t>((4 + layout::nk::Name + 4 + 7) / 8 * 8);
    REQUIRE(at + cellBytes(built, vk) <= nk + cellBytes(built, nk));
    std::memmove(built.bytes.data() + 0x1000 + at, built.bytes.data() + 0x1000 + vk, cellBytes(built, vk));
    auto opened = built.open();
    REQUIRE(opened);
    const Hive& hive = **opened;
    const uint64_t file = 0x1000 + uint64_t{at};
    auto d = describeAt(hive, file + 4 + layout::vk::Name);
    REQUIRE(d);
    REQUIRE(d->deletedIn);
    CHECK(*d->deletedIn == FoundIn::CellSlack);
    CHECK(d->title == "deleted vk \"v\" (REG_DWORD)");
    CHECK(d->note == std::string("deleted value record, found in ") + foundInDescription(FoundIn::CellSlack) + " at " +
                         hexOffset(0x1000 + uint64_t{nk}));
    CHECK(fieldNamed(*d, "data size").fileOffset == file + 4 + layout::vk::DataSize);
    // Before the slack: the key node itself, whole.
    auto key = describeAt(hive, 0x1000 + uint64_t{nk} + 8);
    REQUIRE(key);
    CHECK_FALSE(key->deletedIn);
    CHECK(key->ref == CellRef{nk, CellRole::KeyNode});
    auto keyGroup = describeGroupAt(hive, 0x1000 + uint64_t{nk} + 8);
    REQUIRE(keyGroup);
    CHECK(keyGroup->cells.front().ref.offset == nk);
    CHECK(keyGroup->cells.size() >= 2);  // its value list too
}

TEST_CASE("An unreferenced cell's record is described as deleted only when a scan names that cell",
          "[cellfields][deleted]") {
    size_t gone = 0;
    BuiltHive built = builtWithUnlinkedKey(gone);
    auto opened = built.open();
    REQUIRE(opened);
    const Hive& hive = **opened;
    const uint64_t nkFile = 0x1000 + uint64_t{built.key(gone).nk};
    auto scan = scanDeleted(hive);
    REQUIRE(scan);
    REQUIRE(scan->keys.size() == 1);

    auto plain = describeAt(hive, nkFile + 0x10);
    REQUIRE(plain);
    CHECK_FALSE(plain->deletedIn);
    CHECK(plain->title == "nk \"Zulu\"");
    auto known = describeAt(hive, nkFile + 0x10, &*scan);
    REQUIRE(known);
    REQUIRE(known->deletedIn);
    CHECK(*known->deletedIn == FoundIn::UnreferencedCell);
    CHECK(known->title == "deleted nk \"Zulu\"");
    CHECK(known->allocated);
    CHECK(fieldNamed(*known, "name").meaning == "Zulu");
}

TEST_CASE("Every offset of a corpus hive's free space describes safely and agrees with the deleted scan",
          "[cellfields][deleted][hostile]") {
    auto opened = Hive::open(hivePath("ez/UsrClassDeletedBags.dat"));
    REQUIRE(opened);
    const Hive& hive = **opened;
    auto scan = scanDeleted(hive);
    REQUIRE(scan);
    std::set<std::pair<uint32_t, bool>> inFree;  // (cell offset, is a key) of records in free cells
    for (const DeletedKey& k : scan->keys)
        if (k.foundIn == FoundIn::FreeCell || k.foundIn == FoundIn::InsideFreeCell) inFree.insert({k.cellOffset, true});
    for (const DeletedValue& v : scan->values)
        if (v.foundIn == FoundIn::FreeCell || v.foundIn == FoundIn::InsideFreeCell) inFree.insert({v.cellOffset, false});
    REQUIRE(inFree.size() >= 10);

    std::set<std::pair<uint32_t, bool>> described;
    size_t offsets = 0;
    CellScanner(hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (c.allocated) return true;
        for (uint64_t at = c.fileOffset(); at < c.fileOffset() + c.size; at += 8) {
            ++offsets;
            auto d = describeAt(hive, at + (offsets % 8));
            REQUIRE(d);
            CHECK(d->fileOffset <= at);
            CHECK(at < d->fileOffset + d->size);
            checkInside(*d);
            if (d->deletedIn) {
                CHECK(d->problems.empty());
                described.insert({d->ref.offset, d->ref.role == CellRole::KeyNode});
            } else {
                CHECK(d->ref.offset == c.offset);
                CHECK(d->ref.role == CellRole::Free);
            }
        }
        return true;
    });
    CHECK(offsets > 1000);
    CHECK(described == inFree);
}

TEST_CASE("Random bytes with record signatures in a free cell describe safely at every offset",
          "[cellfields][deleted][hostile]") {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"K");
    BuiltHive built = b.build();
    const auto [freeAt, freeSize] = largestFree(built);
    std::mt19937 rng(16);
    for (int round = 0; round < 8; ++round) {
        BuiltHive copy = built;
        uint8_t* cell = copy.bytes.data() + 0x1000 + freeAt;
        for (uint32_t i = 4; i < freeSize; ++i) cell[i] = static_cast<uint8_t>(rng());
        // Signatures at most boundaries, with small and huge name lengths.
        for (uint32_t i = 8; i + 8 < freeSize; i += 8) {
            if (rng() % 4 == 0) continue;
            const bool key = rng() % 2;
            cell[i + 4] = key ? 'n' : 'v';
            cell[i + 5] = 'k';
            storeU32(cell + i, static_cast<uint32_t>(rng() % 3 == 0 ? -static_cast<int32_t>(rng() % 512 * 8)
                                                                    : rng() % 512 * 8));
        }
        auto opened = copy.open();
        REQUIRE(opened);
        const Hive& hive = **opened;
        for (uint64_t at = 0x1000 + uint64_t{freeAt}; at < 0x1000 + uint64_t{freeAt} + freeSize; at += 4) {
            auto d = describeAt(hive, at);
            REQUIRE(d);
            CHECK(d->fileOffset <= at);
            CHECK(at < d->fileOffset + d->size);
            checkInside(*d);
            auto g = describeGroupAt(hive, at);
            REQUIRE(g);
        }
    }
}
