// Tests of hive/CellFields: the decoded field lists the hex view shows, on
// known cells of real hives (offsets looked up with `hivectl cells` and xxd)
// and on damaged copies.

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/ValueData.h"
#include "hive/CellFields.h"
#include "hive/CellScanner.h"
#include "support/TestSupport.h"

using namespace hivekit;

namespace {

std::unique_ptr<Hive> openShared(const std::string& relative) {
    auto hive = Hive::open(testsupport::hivePath(relative));
    REQUIRE(hive);
    return std::move(*hive);
}

std::unique_ptr<Hive> fromBytes(std::vector<uint8_t> bytes) {
    auto hive = Hive::fromBytes(std::move(bytes));
    REQUIRE(hive);
    return std::move(*hive);
}

std::vector<std::string> fieldNames(const CellDescription& d) {
    std::vector<std::string> names;
    for (const CellField& f : d.fields) names.push_back(f.name);
    return names;
}

const CellField& fieldOf(const CellDescription& d, std::string_view name) {
    const CellField* f = d.field(name);
    INFO("field " << name);
    REQUIRE(f != nullptr);
    return *f;
}

// regipy/SYSTEM: the root nk at cell 0x20, its lh list at 0xdb70, its sk at 0xa8.
constexpr uint32_t kSystemRoot = 0x20;
constexpr uint32_t kSystemRootList = 0xdb70;
const std::string kRootName = "CMI-CreateHive{F10156BE-0E87-4EFB-969E-5DA29D131144}";

}  // namespace

TEST_CASE("The root key node of regipy/SYSTEM lists every nk field at its file offset with its meaning") {
    auto hive = openShared("regipy/SYSTEM");
    auto d = describeCell(*hive, CellRef{kSystemRoot, CellRole::Auto});
    REQUIRE(d);
    CHECK(d->ref.role == CellRole::KeyNode);
    CHECK(d->fileOffset == 0x1020);
    CHECK(d->size == 136);
    CHECK(d->allocated);
    CHECK(d->title == "nk \"" + kRootName + "\"");
    CHECK(d->problems.empty());
    CHECK(fieldNames(*d) == std::vector<std::string>{
                                "size", "signature", "flags", "last written", "access bits", "parent",
                                "subkey count", "volatile subkey count", "subkey list", "volatile subkey list",
                                "value count", "value list", "security", "class", "largest subkey name",
                                "largest class name", "largest value name", "largest value data", "work var",
                                "name length", "class length", "name", "slack"});

    const CellField& size = fieldOf(*d, "size");
    CHECK(size.fileOffset == 0x1020);
    CHECK(hexBytes(size.raw) == "78 ff ff ff");
    CHECK(size.meaning == "allocated, 136 bytes");

    CHECK(fieldOf(*d, "flags").fileOffset == 0x1026);
    CHECK(fieldOf(*d, "flags").meaning == "HIVE_ENTRY|NO_DELETE|COMP_NAME");
    CHECK(fieldOf(*d, "last written").fileOffset == 0x1028);
    CHECK(fieldOf(*d, "last written").size == 8);
    CHECK(fieldOf(*d, "last written").meaning == "2012-04-04 11:47:06.6093750 UTC");

    const CellField& count = fieldOf(*d, "subkey count");
    CHECK(count.fileOffset == 0x1038);
    CHECK(count.size == 4);
    CHECK(hexBytes(count.raw) == "08 00 00 00");
    CHECK(count.meaning == "8");

    const CellField& list = fieldOf(*d, "subkey list");
    CHECK(list.fileOffset == 0x1040);
    CHECK(list.meaning == "lh list, 8 entries, at file 0xeb70");
    REQUIRE(list.target);
    CHECK(*list.target == CellRef{kSystemRootList, CellRole::SubkeyList});

    const CellField& security = fieldOf(*d, "security");
    CHECK(security.fileOffset == 0x1050);
    CHECK(security.meaning == "sk, 7 references, at file 0x10a8");
    REQUIRE(security.target);
    CHECK(security.target->offset == 0xa8);
    CHECK(security.target->role == CellRole::Security);

    CHECK(fieldOf(*d, "value list").meaning == "none");
    CHECK_FALSE(fieldOf(*d, "value list").target);
    CHECK(fieldOf(*d, "class").meaning == "none");

    // The root's parent field holds leftovers, not a cell: no link.
    CHECK(fieldOf(*d, "parent").meaning == "unused: the root key has no parent (0x278)");
    CHECK_FALSE(fieldOf(*d, "parent").target);

    CHECK(fieldOf(*d, "name length").meaning == "52 bytes, Latin-1");
    const CellField& name = fieldOf(*d, "name");
    CHECK(name.fileOffset == 0x1070);
    CHECK(name.size == 52);
    CHECK(name.meaning == kRootName);
    CHECK(fieldOf(*d, "slack").fileOffset == 0x10a4);
    CHECK(fieldOf(*d, "slack").size == 4);
}

TEST_CASE("Field bytes are views of the hive's own bytes at the field's offset") {
    auto hive = openShared("regipy/SYSTEM");
    auto d = describeCell(*hive, CellRef{kSystemRoot});
    REQUIRE(d);
    for (const CellField& f : d->fields) {
        INFO(f.name);
        CHECK(f.raw.size() == f.size);
        CHECK(f.raw.data() == hive->bytes().data() + f.fileOffset);
    }
}

TEST_CASE("A key's cells are its nk, subkey list, value list, sk and class name, each read in its role") {
    auto hive = openShared("regipy/SYSTEM");
    auto root = describeKeyCells(*hive, kSystemRoot);
    REQUIRE(root);
    REQUIRE(root->cells.size() == 3);  // no values, no class
    CHECK(root->cells[0].ref.role == CellRole::KeyNode);
    CHECK(root->cells[1].ref.role == CellRole::SubkeyList);
    CHECK(root->cells[1].fileOffset == 0xeb70);
    CHECK(root->cells[2].ref.role == CellRole::Security);
    CHECK(root->cells[2].fileOffset == 0x10a8);
    CHECK(root->problems.empty());

    // Select (nk at 0xe808) has four values and no subkeys.
    auto select = describeKeyCells(*hive, 0xe808);
    REQUIRE(select);
    REQUIRE(select->cells.size() == 3);
    const CellDescription& values = select->cells[1];
    CHECK(values.ref == CellRef{0xbf68, CellRole::ValueList, 4});
    CHECK(values.title == "value list, 4 entries");
    CHECK(fieldNames(values) == std::vector<std::string>{"size", "entry 0", "entry 1", "entry 2", "entry 3", "slack"});
    CHECK(fieldOf(values, "entry 3").meaning == "vk \"LastKnownGood\" (REG_DWORD), at file 0x9f38");
    CHECK(*fieldOf(values, "entry 3").target == CellRef{0x8f38, CellRole::Value});
}

TEST_CASE("An ri-listed key's cells include the ri and every leaf it points to") {
    auto hive = openShared("regipy/SYSTEM");
    // CriticalDeviceDatabase (nk at 0x14e98): 2548 subkeys under an ri of 6 lh leaves.
    auto group = describeKeyCells(*hive, 0x14e98);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 1 + 1 + 6 + 1);
    CHECK(group->cells[1].title == "ri list, 6 entries");
    size_t entries = 0;
    for (size_t i = 2; i < 8; ++i) {
        CHECK(group->cells[i].ref.role == CellRole::SubkeyList);
        entries += static_cast<size_t>(std::stoul(fieldOf(group->cells[i], "count").meaning));
    }
    CHECK(entries == 2548);
    CHECK(group->cells.back().ref.role == CellRole::Security);
}

TEST_CASE("An lh list names each entry's key and checks each stored hash") {
    auto hive = openShared("regipy/SYSTEM");
    auto d = describeCell(*hive, CellRef{kSystemRootList, CellRole::Auto});
    REQUIRE(d);
    CHECK(d->ref.role == CellRole::SubkeyList);
    CHECK(d->title == "lh list, 8 entries");
    CHECK(fieldOf(*d, "signature").meaning == "lh (hash leaf)");
    CHECK(fieldOf(*d, "count").fileOffset == 0xeb76);
    CHECK(fieldOf(*d, "count").meaning == "8");
    const CellField& entry = fieldOf(*d, "entry 0");
    CHECK(entry.fileOffset == 0xeb78);
    CHECK(entry.meaning == "nk \"ControlSet001\", at file 0xebb8");
    CHECK(*entry.target == CellRef{0xdbb8, CellRole::KeyNode});
    const CellField& hash = fieldOf(*d, "hash 0");
    CHECK(hash.fileOffset == 0xeb7c);
    CHECK(hash.meaning == "0x8f3ba9a2 (matches the name)");
    CHECK(fieldOf(*d, "entry 7").meaning == "nk \"WPA\", at file 0xf910");
    CHECK(d->fields.size() == 3 + 2 * 8);  // size, signature, count, then entry and hash pairs; no slack
}

TEST_CASE("A value with inline data decodes it from the data offset field and has no data cell") {
    auto hive = openShared("regipy/SYSTEM");
    // BootDriverFlags: REG_DWORD 0, inline (vk at 0xf50).
    auto group = describeValueCells(*hive, 0xf50);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 1);
    const CellDescription& vk = group->cells[0];
    CHECK(vk.title == "vk \"BootDriverFlags\" (REG_DWORD)");
    CHECK(fieldNames(vk) == std::vector<std::string>{"size", "signature", "name length", "data size", "data (inline)",
                                                     "type", "flags", "spare", "name", "slack"});
    CHECK(fieldOf(vk, "data size").meaning == "4 bytes, stored in the data offset field");
    CHECK(hexBytes(fieldOf(vk, "data size").raw) == "04 00 00 80");
    const CellField& data = fieldOf(vk, "data (inline)");
    CHECK(data.fileOffset == 0x1f5c);
    CHECK(data.meaning == "0x00000000 (0)");
    CHECK_FALSE(data.target);
    CHECK(fieldOf(vk, "type").meaning == "REG_DWORD");
    CHECK(fieldOf(vk, "flags").meaning == "COMP_NAME");
    CHECK(fieldOf(vk, "name").meaning == "BootDriverFlags");
}

TEST_CASE("A value with a data cell links to it and the data cell decodes the value's type") {
    auto hive = openShared("regipy/SYSTEM");
    // ServiceControlManagerExtension: REG_EXPAND_SZ of 64 bytes in the cell at 0xea70.
    auto group = describeValueCells(*hive, 0xf78);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 2);
    const CellField& link = fieldOf(group->cells[0], "data offset");
    CHECK(link.fileOffset == 0x1f84);
    CHECK(link.meaning == "value data, 64 bytes, at file 0xfa70");
    REQUIRE(link.target);
    CHECK(*link.target == CellRef{0xea70, CellRole::ValueData, 0, 64, kRegExpandSz});

    const CellDescription& cell = group->cells[1];
    CHECK(cell.ref.role == CellRole::ValueData);
    CHECK(cell.title == "value data, 64 bytes (REG_EXPAND_SZ)");
    const CellField& data = fieldOf(cell, "data");
    CHECK(data.fileOffset == 0xfa74);
    CHECK(data.size == 64);
    CHECK(data.meaning == "%systemroot%\\system32\\scext.dll");
    CHECK(fieldOf(cell, "slack").size == 4);
}

TEST_CASE("A big value's cells are its vk, db record, segment list and segments, in data order") {
    auto hive = openShared("regipy/SYSTEM");
    // ProductPolicy: REG_BINARY of 21428 bytes in two segments (vk at 0x1d920, db at 0x1eff0).
    auto group = describeValueCells(*hive, 0x1d920);
    REQUIRE(group);
    REQUIRE(group->cells.size() == 5);
    CHECK(group->cells[1].ref.role == CellRole::BigData);
    CHECK(group->cells[1].title == "db, 2 segments");
    CHECK(group->cells[2].ref.role == CellRole::SegmentList);
    CHECK(group->cells[3].ref.role == CellRole::Segment);
    CHECK(group->cells[4].ref.role == CellRole::Segment);
    const uint32_t first = group->cells[3].ref.length;
    const uint32_t second = group->cells[4].ref.length;
    CHECK(first == 16344);
    CHECK(second == 21428 - 16344);
    CHECK(fieldOf(group->cells[3], "data").size == first);
    CHECK(fieldOf(group->cells[3], "padding").size == 4);
    CHECK(group->problems.empty());
}

TEST_CASE("An sk cell shows its list links, reference count and descriptor as SDDL") {
    auto hive = openShared("regipy/SYSTEM");
    auto d = describeCell(*hive, CellRef{0xa8});
    REQUIRE(d);
    CHECK(d->title == "sk, 7 references");
    CHECK(fieldOf(*d, "reference count").meaning == "7");
    CHECK(fieldOf(*d, "next sk (flink)").target->offset == 0x1b0);
    CHECK(fieldOf(*d, "descriptor").meaning.starts_with("O:BAG:SYD:PAI(A;;KR;;;BU)"));
    CHECK(fieldOf(*d, "owner SID").meaning == "BUILTIN\\Administrators (S-1-5-32-544)");
}

TEST_CASE("What lies at a file offset: the base block, an hbin header, or the cell containing it") {
    auto hive = openShared("regipy/SYSTEM");
    auto base = describeAt(*hive, 0x24);
    REQUIRE(base);
    CHECK(base->ref.role == CellRole::BaseBlock);
    CHECK(fieldOf(*base, "root cell").fileOffset == 0x24);
    CHECK(*fieldOf(*base, "root cell").target == CellRef{kSystemRoot, CellRole::KeyNode});

    auto bin = describeAt(*hive, 0x1008);
    REQUIRE(bin);
    CHECK(bin->ref.role == CellRole::BinHeader);
    CHECK(bin->fileOffset == 0x1000);
    CHECK(fieldOf(*bin, "offset").meaning == "0x0 (matches its position)");
    CHECK(fieldOf(*bin, "size").meaning == "4096 bytes");

    auto cell = describeAt(*hive, 0x1f3a);  // inside the data cell at file 0x1f38
    REQUIRE(cell);
    CHECK(cell->fileOffset == 0x1f38);
    CHECK(cell->ref.role == CellRole::Data);

    auto nk = describeAt(*hive, 0x1070);  // inside the root nk's name
    REQUIRE(nk);
    CHECK(nk->ref == CellRef{kSystemRoot, CellRole::KeyNode});

    auto past = describeAt(*hive, 0xb3a000);
    REQUIRE_FALSE(past);
    CHECK(past.error().code == ErrorCode::OutOfBounds);
    CHECK(past.error().message == "file offset 0xb3a000 lies past the hive bins (which end at 0xb3a000)");
}

TEST_CASE("Every cell of a hive describes without failing, each field inside its cell and in file order") {
    auto hive = openShared("ez/SAM");
    size_t cells = 0;
    CellScanner(*hive).scan([&](const HiveBinInfo&, const Cell& c) {
        auto d = describeCell(*hive, CellRef{c.offset});
        REQUIRE(d);
        ++cells;
        uint64_t last = 0;
        for (const CellField& f : d->fields) {
            INFO("cell " << hexOffset(c.fileOffset()) << " field " << f.name);
            CHECK(f.fileOffset >= d->fileOffset);
            CHECK(f.fileOffset + f.size <= d->fileOffset + d->size);
            CHECK(f.raw.size() == f.size);
            // sk sub-fields (control, SIDs) lie inside the descriptor field.
            if (d->ref.role != CellRole::Security) CHECK(f.fileOffset >= last);
            last = f.fileOffset + f.size;
        }
        return true;
    });
    CHECK(cells == CellScanner(*hive).statistics().allocatedCells() + CellScanner(*hive).statistics().count[9]);
}

TEST_CASE("A key node whose name runs past its cell keeps the readable part and reports the problem") {
    std::vector<uint8_t> bytes = testsupport::readFile(testsupport::hivePath("regipy/SYSTEM"));
    // Root nk at file 0x1020; its name length (data + 0x48) claims 0x400 bytes in a 136-byte cell.
    bytes[0x1024 + layout::nk::NameLength] = 0x00;
    bytes[0x1024 + layout::nk::NameLength + 1] = 0x04;
    auto hive = fromBytes(std::move(bytes));
    auto d = describeCell(*hive, CellRef{kSystemRoot});
    REQUIRE(d);
    CHECK(d->title == "nk (unreadable)");
    REQUIRE(d->problems.size() == 1);
    CHECK(d->problems[0].message.find("the name") != std::string::npos);
    CHECK(fieldNames(*d) == std::vector<std::string>{"size", "data"});
    CHECK(fieldOf(*d, "data").size == 132);
}

TEST_CASE("A link to an offset outside the bins says why and cannot be followed") {
    std::vector<uint8_t> bytes = testsupport::readFile(testsupport::hivePath("regipy/SYSTEM"));
    // The root's subkey list offset (data + 0x1c) set to 0x7ffffff8.
    const size_t at = 0x1024 + layout::nk::SubkeyList;
    bytes[at] = 0xf8, bytes[at + 1] = 0xff, bytes[at + 2] = 0xff, bytes[at + 3] = 0x7f;
    auto hive = fromBytes(std::move(bytes));
    auto d = describeCell(*hive, CellRef{kSystemRoot});
    REQUIRE(d);
    const CellField& list = fieldOf(*d, "subkey list");
    CHECK(list.meaning ==
          "invalid: cell offset 0x7ffffff8 (file 0x80000ff8) lies outside the hive bins (0xb39000 bytes)");
    CHECK_FALSE(list.target);
    auto group = describeKeyCells(*hive, kSystemRoot);
    REQUIRE(group);
    CHECK(group->cells.size() == 2);  // nk and sk: the list is not there to show
}

TEST_CASE("Describing an offset that is no cell fails with the cell resolver's message") {
    auto hive = openShared("regipy/SYSTEM");
    auto d = describeCell(*hive, CellRef{0x24});  // inside the root nk
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "cell offset 0x24 is not 8-byte aligned");
    auto inside = describeCell(*hive, CellRef{0x30});  // the root's access bits: 0
    REQUIRE_FALSE(inside);
    CHECK(inside.error().message == "cell at 0x1030: size is 0");
    auto key = describeKeyCells(*hive, 0x24);
    REQUIRE_FALSE(key);
}

TEST_CASE("Cell labels name records by what they hold") {
    auto hive = openShared("regipy/SYSTEM");
    auto label = [&](uint32_t offset) {
        auto c = hive->cell(offset);
        REQUIRE(c);
        return cellLabel(*hive, *c);
    };
    CHECK(label(kSystemRoot) == "nk \"" + kRootName + "\"");
    CHECK(label(0xf50) == "vk \"BootDriverFlags\" (REG_DWORD)");
    CHECK(label(kSystemRootList) == "lh list, 8 entries");
    CHECK(label(0xa8) == "sk, 7 references");
    CHECK(label(0x1eff0) == "db, 2 segments");
    CHECK(label(0xf38) == "data cell");
}
