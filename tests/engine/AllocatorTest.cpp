// The Allocator: alignment, split, best fit, coalescing within a bin only,
// growth by 4 KiB bins (a large cell gets a large bin), the hive bins data
// size, in-place resizing, and the chain of every bin left whole.
#include <catch2/catch.hpp>

#include "alloc/Allocator.h"
#include "engine/EditTestSupport.h"
#include "format/Layout.h"
#include "hive/CellScanner.h"
#include "merge/Session.h"
#include "tx/NewHive.h"
#include "tx/TxManager.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

struct Fixture {
    TempDir dir;
    std::string path;
    std::unique_ptr<TxManager> tx;
    std::unique_ptr<Allocator> alloc;

    Fixture() {
        path = dir.file("alloc.hiv");
        NewHiveOptions o;
        o.timestamp = kTestClock;
        REQUIRE(createHive(path, o));
        TxOptions t;
        t.clock = [] { return kTestClock; };
        auto opened = TxManager::open(path, t);
        REQUIRE(opened);
        tx = std::move(*opened);
        REQUIRE(tx->begin());
        alloc = std::make_unique<Allocator>(*tx);
        alloc->rebuild();
    }

    int32_t rawSize(uint32_t cell) const {
        return static_cast<int32_t>(loadU32(tx->hive().bytes().data() + 0x1000 + cell));
    }

    /// Every bin's chain: cells that end exactly at the bin's end, none
    /// crossing it, sizes multiples of 8 (CellScanner reports breaks).
    void requireChainsWhole() const {
        Diagnostics problems;
        uint64_t cells = 0;
        CellScanner(tx->hive()).scan(
            [&](const HiveBinInfo& bin, const Cell& c) {
                CHECK(c.offset % 8 == 0);
                CHECK(c.size % 8 == 0);
                CHECK(c.offset + c.size <= bin.offset + bin.size);
                ++cells;
                return true;
            },
            &problems);
        CHECK(problems.empty());
        CHECK(cells > 0);
    }
};

}  // namespace

TEST_CASE("allocations are 8-byte aligned cells split from a free cell, zero-filled", "[edit][alloc]") {
    Fixture f;
    const uint64_t freeBefore = f.alloc->freeBytes();
    auto a = f.alloc->allocate(1);
    auto b = f.alloc->allocate(13);
    auto c = f.alloc->allocate(100);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(f.rawSize(*a) == -8);    // 4 + 1 rounded up to 8
    CHECK(f.rawSize(*b) == -24);   // 4 + 13 -> 24
    CHECK(f.rawSize(*c) == -104);  // 4 + 100 -> 104
    CHECK(*b == *a + 8);
    CHECK(*c == *b + 24);
    CHECK(f.alloc->freeBytes() == freeBefore - 8 - 24 - 104);
    for (size_t i = 0; i < 100; ++i) CHECK(f.tx->hive().bytes()[0x1000 + *c + 4 + i] == 0);
    CHECK(Allocator::cellSizeFor(0) == 8);
    CHECK(Allocator::cellSizeFor(4) == 8);
    CHECK(Allocator::cellSizeFor(5) == 16);
    f.requireChainsWhole();
}

TEST_CASE("freed cells coalesce with free neighbours and best fit picks the smallest hole", "[edit][alloc]") {
    Fixture f;
    std::vector<uint32_t> cells;
    for (uint32_t size : {60u, 28u, 60u, 124u, 60u}) {
        auto c = f.alloc->allocate(size);
        REQUIRE(c);
        cells.push_back(*c);
    }
    const size_t freeCells = f.alloc->freeCells();
    f.alloc->free(cells[1]);  // a 32-byte hole
    f.alloc->free(cells[3]);  // a 128-byte hole
    CHECK(f.alloc->freeCells() == freeCells + 2);
    // Best fit: a 20-byte request takes the 32-byte hole, not the larger one.
    auto small = f.alloc->allocate(20);
    REQUIRE(small);
    CHECK(*small == cells[1]);
    // The 8 bytes the small request left of the hole stay a free cell.
    CHECK(f.rawSize(cells[1] + 24) == 8);
    // Freeing cells[2] merges it with those 8 bytes before it and the
    // 128-byte hole after it; freeing cells[4] adds it and the bin's tail.
    f.alloc->free(cells[2]);
    CHECK(f.rawSize(cells[1] + 24) == 8 + 64 + 128);
    f.alloc->free(cells[4]);
    CHECK(f.rawSize(cells[1] + 24) > 8 + 64 + 128 + 64);
    CHECK(f.alloc->stats().coalesced >= 3);
    f.requireChainsWhole();
}

TEST_CASE("free cells never merge across an hbin boundary", "[edit][alloc]") {
    Fixture f;
    // Fill the first bin, then allocate into a second one.
    const uint32_t firstBinEnd = f.tx->hive().binsEnd();
    std::vector<uint32_t> cells;
    while (true) {
        auto c = f.alloc->allocate(200);
        REQUIRE(c);
        cells.push_back(*c);
        if (*c >= firstBinEnd) break;
    }
    REQUIRE(f.tx->hive().bins().size() == 2);
    // Free the last cell of bin 1 and the first of bin 2: two free cells.
    const uint32_t lastInFirst = cells[cells.size() - 2];
    const uint32_t firstInSecond = cells.back();
    CHECK(firstInSecond == firstBinEnd + 32);
    f.alloc->free(lastInFirst);
    f.alloc->free(firstInSecond);
    CHECK(f.rawSize(lastInFirst) > 0);
    CHECK(static_cast<uint64_t>(lastInFirst) + static_cast<uint32_t>(f.rawSize(lastInFirst)) <= firstBinEnd);
    f.requireChainsWhole();
}

TEST_CASE("growth appends 4 KiB bins, a large cell gets a bin of its own, and the header follows", "[edit][alloc]") {
    Fixture f;
    const uint32_t before = f.tx->hive().binsEnd();
    auto big = f.alloc->allocate(10000);
    REQUIRE(big);
    const auto& bins = f.tx->hive().bins();
    REQUIRE(bins.size() == 2);
    CHECK(bins[1].offset == before);
    CHECK(bins[1].size == 12288);  // 10000 + 4 + 32 rounded up to 4 KiB
    CHECK(*big == before + 32);
    CHECK(f.tx->hive().binsEnd() == before + 12288);
    CHECK(f.tx->hive().header().hiveBinsDataSize == before + 12288);
    CHECK(f.alloc->stats().binsAdded == 1);
    // The rest of the bin is one free cell.
    CHECK(f.rawSize(*big + 10008) == static_cast<int32_t>(12288 - 32 - 10008));
    f.requireChainsWhole();
    // Committed, the file is a valid hive of that size.
    REQUIRE(f.tx->commit());
    requireClean(f.path);
}

TEST_CASE("End allocations skip holes and take the free tail of the last bin", "[edit][alloc]") {
    Fixture f;
    auto a = f.alloc->allocate(100);
    auto b = f.alloc->allocate(100);
    REQUIRE(a);
    REQUIRE(b);
    f.alloc->free(*a);
    auto end = f.alloc->allocate(50, Allocator::Source::End);
    REQUIRE(end);
    CHECK(*end > *b);
    auto reuse = f.alloc->allocate(50, Allocator::Source::Reuse);
    REQUIRE(reuse);
    CHECK(*reuse == *a);
}

TEST_CASE("resize shrinks by splitting and grows into a following free cell", "[edit][alloc]") {
    Fixture f;
    auto a = f.alloc->allocate(200);
    auto b = f.alloc->allocate(100);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(f.alloc->resize(*a, 60));
    CHECK(f.rawSize(*a) == -64);
    CHECK(f.rawSize(*a + 64) == 144);  // split off and free
    CHECK(f.alloc->resize(*a, 150));   // grows back into the freed part
    CHECK(f.rawSize(*a) == -160);
    CHECK(f.alloc->capacity(*a) == 156);
    CHECK_FALSE(f.alloc->resize(*a, 400));  // b follows, allocated: cannot
    CHECK(f.rawSize(*a) == -160);
    CHECK(f.alloc->resize(*b, 1000));  // the bin's free tail follows b
    CHECK(f.rawSize(*b) == -1008);
    f.requireChainsWhole();
}

TEST_CASE("the allocator leaves damaged bins alone", "[edit][alloc]") {
    Fixture f;
    auto a = f.alloc->allocate(100);
    REQUIRE(a);
    REQUIRE(f.tx->commit());
    f.alloc.reset();
    f.tx.reset();  // one writer at a time: the fixture's lets go of the hive
    // Break the first bin's chain: a cell size that is not a multiple of 8.
    {
        std::vector<uint8_t> bytes = readFile(f.path);
        storeU32(bytes.data() + 0x1000 + *a, static_cast<uint32_t>(-102));
        writeFile(f.path, bytes);
    }
    auto tx = TxManager::open(f.path);
    REQUIRE(tx);
    REQUIRE((*tx)->begin());
    Allocator alloc(**tx);
    alloc.rebuild();
    CHECK(alloc.freeCells() == 0);
    auto c = alloc.allocate(16);
    REQUIRE(c);
    CHECK(*c >= 4096);  // a new bin, not the damaged one
}
