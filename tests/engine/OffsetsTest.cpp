// Tests of format/Offsets (the one conversion between cell offsets and file
// offsets) and of the engine's accessors built on it: a bin's file range,
// the bin at a file offset, a security descriptor's file offset, the file
// offset of a deleted record, the path of a key by its parents.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "format/Layout.h"
#include "format/Offsets.h"
#include "format/SecurityCell.h"
#include "hive/DeletedScanner.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "support/HiveBuilder.h"

using namespace hivekit;
using testsupport::BuiltHive;
using testsupport::HiveBuilder;

TEST_CASE("A cell offset is its file offset less the 4096-byte base block") {
    CHECK(fileOffsetOf(0).value == 0x1000);
    CHECK(fileOffsetOf(0x20).value == 0x1020);
    CHECK(fileOffsetOf(0xFFFFFFF8).value == 0x100000FF8ull);  // no 32-bit overflow
    CHECK(CellOffset{0x1238}.toFile() == FileOffset{0x2238});
    CHECK(cellDataFileOffset(0x20).value == 0x1024);
    CHECK(kHiveBinsStart == layout::kBaseBlockSize);
}

TEST_CASE("A file offset in the base block has no cell offset") {
    CHECK(FileOffset{0}.inBaseBlock());
    CHECK(FileOffset{0xFFF}.inBaseBlock());
    CHECK_FALSE(FileOffset{0x1000}.inBaseBlock());
    CHECK_FALSE(cellOffsetAt(0).has_value());
    CHECK_FALSE(cellOffsetAt(0xFFF).has_value());
    CHECK(cellOffsetAt(0x1000) == 0u);
    CHECK(cellOffsetAt(0x1020) == 0x20u);
}

TEST_CASE("A file offset beyond what a cell offset holds has no cell offset") {
    CHECK(cellOffsetAt(0x1000 + 0xFFFFFFFEull) == 0xFFFFFFFEu);
    CHECK_FALSE(cellOffsetAt(0x1000 + 0xFFFFFFFFull).has_value());  // that would read as kNoCell
    CHECK_FALSE(cellOffsetAt(0x1000 + 0x100000000ull).has_value());
    CHECK(FileOffset{0x1000 + 0x100000000ull}.sinceHiveBinsStart() == 0x100000000ull);
}

TEST_CASE("Cell offsets and file offsets convert both ways") {
    for (uint32_t cell : {0u, 0x20u, 0x1000u, 0x7FFFFFF8u}) {
        INFO(cell);
        const auto back = CellOffset::fromFile(CellOffset{cell}.toFile());
        REQUIRE(back.has_value());
        CHECK(back->value == cell);
    }
    CHECK(CellOffset{}.isNone());
    CHECK(CellOffset{kNoCell}.isNone());
    CHECK_FALSE(CellOffset{0}.isNone());
}

TEST_CASE("A file offset shows as hex like every offset in messages") {
    CHECK(hexOffset(fileOffsetOf(0x20)) == "0x1020");
}

TEST_CASE("A security cell's descriptor starts 0x18 bytes into its cell") {
    // Size field (4), then signature, reserved, flink, blink, reference
    // count and descriptor size (0x14): the descriptor follows.
    std::vector<uint8_t> data(securityCellSize(4), 0);
    const std::vector<uint8_t> descriptor = {1, 2, 3, 4};
    SecurityCell written;
    written.descriptor = Bytes(descriptor.data(), descriptor.size());
    encodeSecurityCell(written, data);
    auto sk = decodeSecurityCell(Bytes(data.data(), data.size()), 0x80, cellDataFileOffset(0x80).value);
    REQUIRE(sk.has_value());
    CHECK(sk->descriptorFileOffset().value == 0x1000 + 0x80 + 4 + 0x14);
    CHECK(sk->descriptorSize == 4);
}

TEST_CASE("Hive::securityCell gives the descriptor file offset of a key's sk") {
    HiveBuilder builder;
    builder.addKey(0, u"Software");
    const BuiltHive built = builder.build();
    auto hive = built.open();
    REQUIRE(hive.has_value());
    auto root = (*hive)->keyNode((*hive)->rootOffset());
    REQUIRE(root.has_value());
    auto sk = (*hive)->securityCell(root->security);
    REQUIRE(sk.has_value());
    CHECK(sk->cellOffset == built.security);
    CHECK(sk->descriptorFileOffset().value == BuiltHive::dataFileOffsetOf(built.security) + 0x14);
}

TEST_CASE("A bin knows its file range and the offset of its first cell") {
    HiveBuilder builder;
    builder.addKey(0, u"Software");
    const BuiltHive built = builder.build();
    auto hive = built.open();
    REQUIRE(hive.has_value());
    const std::vector<HiveBinInfo>& bins = (*hive)->bins();
    REQUIRE(bins.size() == built.bins.size());
    for (size_t i = 0; i < bins.size(); ++i) {
        INFO(i);
        const auto& [offset, size] = built.bins[i];
        CHECK(bins[i].fileOffset().value == BuiltHive::fileOffsetOf(offset));
        CHECK(bins[i].fileEnd().value == BuiltHive::fileOffsetOf(offset) + size);
        CHECK(bins[i].firstCellOffset() == offset + 32);
    }
}

TEST_CASE("Hive::binAtFile finds the bin holding a file offset and none in the base block or past the bins") {
    HiveBuilder builder;
    builder.addKey(0, u"Software");
    const BuiltHive built = builder.build();
    auto hive = built.open();
    REQUIRE(hive.has_value());
    const Hive& h = **hive;
    const HiveBinInfo& first = h.bins().front();
    CHECK(h.binAtFile(FileOffset{0}) == nullptr);
    CHECK(h.binAtFile(FileOffset{0xFFF}) == nullptr);
    CHECK(h.binAtFile(FileOffset{0x1000}) == &first);
    CHECK(h.binAtFile(FileOffset{first.fileEnd().value - 1}) == &first);
    CHECK(h.binAtFile(FileOffset{BuiltHive::fileOffsetOf(h.binsEnd())}) == nullptr);
    CHECK(h.binAtFile(FileOffset{0x1000 + 0x100000000ull}) == nullptr);
}

TEST_CASE("A deleted key or value gives the file offset of its cell") {
    DeletedKey key;
    key.cellOffset = 0x20;
    DeletedValue value;
    value.cellOffset = 0x2F0;
    CHECK(key.fileOffset().value == 0x1020);
    CHECK(value.fileOffset().value == 0x12F0);
}

TEST_CASE("keyPathOf names a key by its parents and the root by nothing") {
    HiveBuilder builder;
    const size_t software = builder.addKey(0, u"Software");
    const size_t vendor = builder.addKey(software, u"Vendor");
    const BuiltHive built = builder.build();
    auto hive = built.open();
    REQUIRE(hive.has_value());
    CHECK(keyPathOf(**hive, built.key(vendor).nk) == "Software\\Vendor");
    CHECK(keyPathOf(**hive, built.key(software).nk) == "Software");
    CHECK(keyPathOf(**hive, built.key(0).nk) == "");
}

TEST_CASE("keyPathOf fails naming the key's file offset when the parents loop") {
    HiveBuilder builder;
    const size_t a = builder.addKey(0, u"A");
    const size_t b = builder.addKey(a, u"B");
    BuiltHive built = builder.build();
    built.pokeField32(built.key(a).nk, layout::nk::Parent, built.key(b).nk);
    auto hive = built.open();
    REQUIRE(hive.has_value());
    auto path = keyPathOf(**hive, built.key(b).nk);
    REQUIRE_FALSE(path.has_value());
    CHECK(path.error().code == ErrorCode::Corrupt);
    CHECK(path.error().message ==
          "the parent chain of the key at " + hexOffset(BuiltHive::fileOffsetOf(built.key(b).nk)) + " loops");
}
