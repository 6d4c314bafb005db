// The read path's speed work, held to the behaviour it must keep: Hive::open
// reads the base block only and resolves cells through a per-page cache
// instead of scanning the hbin chain, which must give the very answers the
// chain gives; inline value data lives in the ValueData object; the lists
// fill a caller's buffer; TreeWalker builds paths in one buffer.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format/HiveBin.h"
#include "format/Layout.h"
#include "format/ValueData.h"
#include "hive/CellScanner.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "hive/ZeroedPages.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;
namespace L = hivekit::layout;

namespace {

/// What cell() answered, as one comparable line.
std::string describe(const Result<Cell>& c) {
    if (!c) return "error " + hexOffset(c.error().offset) + ": " + c.error().message;
    return "cell " + hexOffset(c->offset) + " size " + hexOffset(c->size) + (c->allocated ? " allocated" : " free") +
           " data " + std::to_string(c->data.size());
}

/// What cell() answered before it had a page cache: the bin from the scan
/// of the hbin chain (bins()), then the same checks in the same order.
std::string describeFromChain(const Hive& hive, uint32_t offset) {
    const uint64_t fileOffset = uint64_t{offset} + 0x1000;
    if (offset == L::kNoCell) return "error " + hexOffset(fileOffset) + ": cell offset 0xffffffff (none) used as a cell";
    const HiveBinInfo* bin = hive.binAt(offset);
    if (!bin)
        return "error " + hexOffset(fileOffset) + ": cell offset " + hexOffset(offset) + " (file " +
               hexOffset(fileOffset) + ") lies outside the hive bins (" + hexOffset(hive.binsEnd()) + " bytes)";
    if (!bin->valid)
        return "error " + hexOffset(fileOffset) + ": cell at " + hexOffset(fileOffset) + " lies in the damaged hbin at " +
               hexOffset(0x1000 + uint64_t{bin->offset});
    if (offset - bin->offset < L::kHbinHeaderSize)
        return "error " + hexOffset(fileOffset) + ": cell offset " + hexOffset(offset) + " points into an hbin header";
    if (offset % L::kCellAlignment != 0)
        return "error " + hexOffset(fileOffset) + ": cell offset " + hexOffset(offset) + " is not 8-byte aligned";
    const uint32_t room = bin->offset + bin->size - offset;
    const uint8_t* p = hive.bytes().data() + fileOffset;
    auto header = decodeCellHeader(static_cast<int32_t>(loadU32(p)), fileOffset, room);
    if (!header) return "error " + hexOffset(header.error().offset) + ": " + header.error().message;
    return "cell " + hexOffset(offset) + " size " + hexOffset(header->size) +
           (header->allocated ? " allocated" : " free") + " data " + std::to_string(header->size - 4);
}

/// Resolves offsets from the end of the bins down to 0 (so that each
/// lookup looks back over pages not seen yet) in a Hive that never scanned
/// its chain, and compares every answer with the chain's. Also every cell
/// the scanner finds, and the 4 bytes after each (unaligned).
void checkAgreesWithChain(const Hive& fresh, const Hive& scanned, uint32_t stride) {
    std::vector<uint32_t> offsets;
    for (uint64_t off = scanned.binsEnd() + 0x1000; off >= stride; off -= stride) offsets.push_back(uint32_t(off - stride));
    CellScanner(scanned).scan([&](const HiveBinInfo&, const Cell& c) {
        offsets.push_back(c.offset);
        offsets.push_back(c.offset + 4);
        return true;
    });
    offsets.push_back(L::kNoCell);
    size_t mismatches = 0;
    for (uint32_t off : offsets) {
        const std::string got = describe(fresh.cell(off));
        const std::string want = describeFromChain(scanned, off);
        if (got != want && ++mismatches <= 5) {
            INFO("offset " << hexOffset(off));
            CHECK(got == want);
        }
    }
    CHECK(mismatches == 0);
}

void checkAgreesWithChain(const std::vector<uint8_t>& bytes, uint32_t stride, BinLookup lookup = BinLookup::Lazy) {
    auto fresh = Hive::fromBytes(bytes, "(memory)", lookup);
    auto scanned = Hive::fromBytes(bytes);
    REQUIRE(fresh);
    REQUIRE(scanned);
    checkAgreesWithChain(**fresh, **scanned, stride);
}

/// A small tree with a 40000-byte value in a v1.3 hive (no db: one cell,
/// so one bin of 40 KiB) and a subtree in bins of its own.
BuiltHive builtWithBigBin() {
    HiveBuilder b(3);
    size_t a = b.addKey(HiveBuilder::kRoot, u"Alpha");
    b.addValue(a, u"Big", kRegBinary, patternBytes(40000, 3));
    b.addValue(a, u"Small", kRegDword, dwordBytes(9));
    size_t own = b.addKey(HiveBuilder::kRoot, u"Own");
    for (int i = 0; i < 40; ++i) b.addKey(own, u"K" + std::u16string(1, char16_t(u'A' + i % 26)) + char16_t(u'0' + i / 26));
    b.placeInOwnBins(own);
    b.addKey(HiveBuilder::kRoot, u"Zeta");
    return b.build();
}

uint32_t binHolding(const BuiltHive& built, uint32_t cell) {
    for (auto [off, size] : built.bins)
        if (cell >= off && cell < off + size) return off;
    FAIL("no bin holds " << hexOffset(cell));
    return 0;
}

/// A field of the smaps entry of the mapping that holds `address` ("Rss:",
/// "AnonHugePages:", "FilePmdMapped:"), in KiB, or -1 when it cannot be read.
long smapsKiBOfMapping(const void* address, const std::string& field) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    const auto a = reinterpret_cast<uintptr_t>(address);
    while (std::getline(smaps, line)) {
        unsigned long long lo = 0, hi = 0;
        if (std::sscanf(line.c_str(), "%llx-%llx ", &lo, &hi) == 2 && line.find(':') > line.find('-')) {
            inside = a >= lo && a < hi;
            continue;
        }
        if (inside && line.rfind(field, 0) == 0) return std::stol(line.substr(field.size()));
    }
    return -1;
}

long residentKiBOfMapping(const void* address) { return smapsKiBOfMapping(address, "Rss:"); }

}  // namespace

// ---------------------------------------------------------------------------
// Opening without the chain

TEST_CASE("Opening regipy/SYSTEM maps in its first pages only, not each of its hbins", "[hive][lazy][real]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    // Linux maps hives and has /proc/self/smaps: neither is optional here.
    REQUIRE((*hive)->isMapped());
    const long afterOpen = residentKiBOfMapping((*hive)->bytes().data());
    REQUIRE(afterOpen >= 0);
    // 11.2 MB of hbins; a scan of the chain at open would touch one page
    // in every bin. The kernel maps up to 64 KiB around a touched page.
    CHECK(afterOpen <= 256);
    // Reading the root and its subkeys' names maps in their pages, not the file.
    auto root = (*hive)->keyNode((*hive)->rootOffset());
    REQUIRE(root);
    for (uint32_t child : (*hive)->subkeys(*root)) CHECK((*hive)->keyNode(child));
    CHECK(residentKiBOfMapping((*hive)->bytes().data()) < 2048);
    // The chain is scanned when asked for.
    CHECK((*hive)->bins().size() > 100);
    CHECK((*hive)->diagnostics().count(Diagnostic::Severity::Error) == 0);
}

TEST_CASE("Cell resolution gives the hbin chain's answer at every offset of real hives, damaged ones included",
          "[hive][lazy][real]") {
    for (const char* name : {"regipy/SYSTEM", "regipy/corrupted_system_hive", "ez/SAMBadHBinHeader", "ez/SAM",
                             "regipy/NTUSER.DAT", "regipy/amcache.hve", "ez/SECURITYNoRoot"}) {
        INFO(name);
        const std::vector<uint8_t> bytes = readFile(hivePath(name));
        // Every 8-byte slot of the smaller hives; a spread of slots (and
        // every cell) of the larger ones.
        checkAgreesWithChain(bytes, bytes.size() <= 0x100000 ? 8 : 8 * 37);
    }
}

TEST_CASE("Cell resolution gives the chain's answer in and around a 40 KiB bin and a damaged one", "[hive][lazy]") {
    BuiltHive built = builtWithBigBin();
    bool big = false;
    for (auto [off, size] : built.bins) big |= size >= 0xA000;
    REQUIRE(big);
    checkAgreesWithChain(built.bytes, 8);
    // A damaged bin in the middle: its pages, and those after it up to the
    // next good header, are damage that starts where the bin before ends.
    const uint32_t own = binHolding(built, built.key(2).nk);
    built.poke32(BuiltHive::fileOffsetOf(own), 0x21436587);
    checkAgreesWithChain(built.bytes, 8);
    auto hive = built.open();
    REQUIRE(hive);
    auto c = (*hive)->cell(built.key(2).nk);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at " + hexOffset(BuiltHive::fileOffsetOf(built.key(2).nk)) +
                                   " lies in the damaged hbin at " + hexOffset(BuiltHive::fileOffsetOf(own)));
}

TEST_CASE("A hive whose every hbin header is broken resolves a late cell as damage from the first bin",
          "[hive][lazy]") {
    BuiltHive built = builtWithBigBin();
    for (auto [off, size] : built.bins) built.poke32(BuiltHive::fileOffsetOf(off), 0);
    checkAgreesWithChain(built.bytes, 8);
    auto hive = built.open();
    REQUIRE(hive);
    const uint32_t last = (*hive)->binsEnd() - 8;
    auto c = (*hive)->cell(last);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at " + hexOffset(uint64_t{last} + 0x1000) + " lies in the damaged hbin at 0x1000");
}

TEST_CASE("A forged hbin header inside a bin's data bounds cells by itself and never past the bins",
          "[hive][lazy]") {
    // The one case where looking back differs from the chain (see Hive.h):
    // a valid header, naming its own offset, at a 4 KiB boundary inside the
    // 40 KiB value's cell. The chain ignores it; cell() takes it for the
    // bin of the pages after it. Either way every cell stays inside the
    // bins and inside the bytes.
    BuiltHive built = builtWithBigBin();
    uint32_t bigBin = 0, bigSize = 0;
    for (auto [off, size] : built.bins)
        if (size >= 0xA000) bigBin = off, bigSize = size;
    const uint32_t forged = bigBin + 0x4000;
    HiveBinHeader h{L::kHbinSignature, forged, 0x1000, 0, 0};
    encodeHiveBinHeader(h, std::span<uint8_t>(built.bytes).subspan(BuiltHive::fileOffsetOf(forged), 32));
    built.poke32(BuiltHive::fileOffsetOf(forged + 0x20), uint32_t(-0x20));  // one allocated cell after it
    auto hive = built.open();
    REQUIRE(hive);
    auto inForged = (*hive)->cell(forged + 0x20);
    REQUIRE(inForged);
    CHECK(inForged->size == 0x20);
    for (uint32_t off = bigBin; off < bigBin + bigSize; off += 8) {
        auto c = (*hive)->cell(off);
        if (!c) continue;
        CHECK(uint64_t{c->offset} + c->size <= (*hive)->binsEnd());
    }
    // The chain still sees one bin there.
    const HiveBinInfo* bin = (*hive)->binAt(forged + 0x20);
    REQUIRE(bin);
    CHECK(bin->offset == bigBin);
    // And a walk reads the whole tree: the forged bin holds only value data.
    CHECK(walkEverything(**hive).paths.size() == 1 + 1 + 1 + 40 + 1);
}

TEST_CASE("A hive opened with BinLookup::Chain resolves every offset as the chain does, a forged hbin header included",
          "[hive][lazy]") {
    BuiltHive built = builtWithBigBin();
    uint32_t bigBin = 0;
    for (auto [off, size] : built.bins)
        if (size >= 0xA000) bigBin = off;
    REQUIRE(bigBin != 0);
    checkAgreesWithChain(built.bytes, 8, BinLookup::Chain);
    const uint32_t forged = bigBin + 0x4000;
    HiveBinHeader h{L::kHbinSignature, forged, 0x1000, 0, 0};
    encodeHiveBinHeader(h, std::span<uint8_t>(built.bytes).subspan(BuiltHive::fileOffsetOf(forged), 32));
    built.poke32(BuiltHive::fileOffsetOf(forged + 0x20), uint32_t(-0x20));
    checkAgreesWithChain(built.bytes, 8, BinLookup::Chain);
    // Looking back answers differently at the forged header itself: there
    // it sees a bin's header, the chain sees value data.
    auto lazy = Hive::fromBytes(built.bytes);
    auto chain = Hive::fromBytes(built.bytes, "(memory)", BinLookup::Chain);
    REQUIRE(lazy);
    REQUIRE(chain);
    auto atLazy = (*lazy)->cell(forged + 8);
    REQUIRE_FALSE(atLazy);
    CHECK(atLazy.error().message.find("points into an hbin header") != std::string::npos);
    CHECK(describe((*chain)->cell(forged + 8)) == describeFromChain(**lazy, forged + 8));
    CHECK(describe((*chain)->cell(forged + 8)) != describe(atLazy));
    // The same whatever was asked first: a lookup after the bins were asked
    // for, and one before, in two Hives over the same bytes.
    auto other = Hive::fromBytes(built.bytes, "(memory)", BinLookup::Chain);
    REQUIRE(other);
    const std::string before = describe((*other)->cell(forged + 0x20));
    (*other)->bins();
    CHECK(describe((*other)->cell(forged + 0x20)) == before);
    CHECK(walkEverything(**chain).paths == walkEverything(**lazy).paths);
}

TEST_CASE("Real hives opened with BinLookup::Chain resolve every offset as the chain does and walk the same tree",
          "[hive][lazy][real]") {
    for (const char* name : {"regipy/SYSTEM", "regipy/corrupted_system_hive", "ez/SAMBadHBinHeader", "ez/SECURITYNoRoot"}) {
        INFO(name);
        const std::vector<uint8_t> bytes = readFile(hivePath(name));
        checkAgreesWithChain(bytes, bytes.size() <= 0x100000 ? 8 : 8 * 37, BinLookup::Chain);
        OpenOptions options;
        options.binLookup = BinLookup::Chain;
        auto chain = Hive::open(hivePath(name), options);
        auto lazy = Hive::open(hivePath(name));
        REQUIRE(chain);
        REQUIRE(lazy);
        const auto a = walkEverything(**chain);
        const auto b = walkEverything(**lazy);
        CHECK(a.paths == b.paths);
        CHECK(a.paths.size() > 1);
    }
}

// ---------------------------------------------------------------------------
// Reading the whole file at open (OpenOptions::readWhole, FileMapping::load)

TEST_CASE("regipy/SYSTEM read whole lies in huge pages and reads as its mapping does", "[hive][lazy][load][real]") {
    OpenOptions options;
    options.binLookup = BinLookup::Chain;
    options.readWhole = true;
    auto whole = Hive::open(hivePath("regipy/SYSTEM"), options);
    auto mapped = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(whole);
    REQUIRE(mapped);
    // 11.2 MB, between 2 MiB and FileMapping::kLoadAtMost: where the kernel
    // gives huge pages on request, either copied into them or, when the
    // page cache holds most of the file in 2 MiB folios, mapped by them.
    // Which one depends on how the file came into the page cache.
    const void* data = (*whole)->bytes().data();
    const size_t hugeChunks = (*whole)->bytes().size() / ZeroedPages::kHugePage;
    if (!ZeroedPages::hugePagesOnRequest()) {
        CHECK((*whole)->isMapped());
        CHECK(!(*whole)->isLoaded());
    } else if ((*whole)->isLoaded()) {
        CHECK(!(*whole)->isMapped());
        CHECK(smapsKiBOfMapping(data, "AnonHugePages:") >= 2048);
        CHECK(reinterpret_cast<uintptr_t>(data) % ZeroedPages::kHugePage == 0);
    } else {
        CHECK((*whole)->isMapped());
        CHECK(smapsKiBOfMapping(data, "FilePmdMapped:") * 1024 * 2 >= long(hugeChunks * ZeroedPages::kHugePage));
    }
    const Bytes a = (*whole)->bytes();
    const Bytes b = (*mapped)->bytes();
    REQUIRE(a.size() == b.size());
    CHECK(std::equal(a.begin(), a.end(), b.begin()));
    const WalkReport wa = walkEverything(**whole);
    const WalkReport wb = walkEverything(**mapped);
    CHECK(wa.paths == wb.paths);
    CHECK(wa.valueLines == wb.valueLines);
    CHECK(wa.paths.size() > 30000);
    CHECK((*whole)->diagnostics().items().size() == (*mapped)->diagnostics().items().size());
}

TEST_CASE("regipy/SYSTEM copied into huge pages holds the file's bytes, in huge pages", "[hive][lazy][load][real]") {
    auto copied = FileMapping::load(hivePath("regipy/SYSTEM"), FileMapping::Copy::Always);
    REQUIRE(copied);
    const std::vector<uint8_t> bytes = readFile(hivePath("regipy/SYSTEM"));
    const Bytes b = (*copied)->bytes();
    REQUIRE(b.size() == bytes.size());
    CHECK(std::equal(b.begin(), b.end(), bytes.begin()));
    // Copied exactly when the kernel gives huge pages on request.
    CHECK((*copied)->isLoaded() == ZeroedPages::hugePagesOnRequest());
    CHECK((*copied)->isMapped() == !ZeroedPages::hugePagesOnRequest());
    if ((*copied)->isLoaded()) {
        CHECK(smapsKiBOfMapping(b.data(), "AnonHugePages:") >= 2048);
        CHECK(reinterpret_cast<uintptr_t>(b.data()) % ZeroedPages::kHugePage == 0);
    }
}

TEST_CASE("A hive under 2 MiB or over FileMapping::kLoadAtMost is mapped, not read whole", "[hive][lazy][load]") {
    auto small = FileMapping::load(hivePath("ez/SAM"), FileMapping::Copy::Always);
    REQUIRE(small);
    CHECK((*small)->isMapped());
    CHECK(!(*small)->isLoaded());
    // A sparse file just past the limit: mapped too (its pages are zeros).
    TempDir dir;
    const std::string big = dir.file("big");
    {
        std::ofstream out(big, std::ios::binary);
        out.seekp(static_cast<std::streamoff>(FileMapping::kLoadAtMost));
        out.put('\x01');
    }
    auto large = FileMapping::load(big, FileMapping::Copy::Always);
    REQUIRE(large);
    CHECK((*large)->isMapped());
    CHECK(!(*large)->isLoaded());
    CHECK((*large)->bytes().size() == FileMapping::kLoadAtMost + 1);
    CHECK((*large)->bytes()[FileMapping::kLoadAtMost] == 1);
}

TEST_CASE("Reading a missing or unreadable path whole fails as mapping it does", "[hive][lazy][load]") {
    TempDir dir;
    for (const std::string& path : {dir.file("missing"), dir.path()}) {
        auto loaded = FileMapping::load(path);
        auto mapped = FileMapping::open(path);
        REQUIRE(!loaded);
        REQUIRE(!mapped);
        CHECK(loaded.error().message == mapped.error().message);
        CHECK(loaded.error().message.find(path) != std::string::npos);
    }
}

TEST_CASE("ZeroedPages gives zeroed, writable memory, in huge pages from 64 KiB where offered, and moves",
          "[hive][lazy][load]") {
    for (size_t size : {size_t{1}, size_t{4000}, size_t{64} << 10, size_t{3} << 20}) {
        INFO(size);
        ZeroedPages pages(size);
        REQUIRE(pages.data() != nullptr);
        CHECK(pages.size() == size);
        CHECK(pages.inHugePages() == (size >= (size_t{64} << 10) && ZeroedPages::hugePagesOnRequest()));
        CHECK(std::all_of(pages.data(), pages.data() + size, [](uint8_t b) { return b == 0; }));
        pages.data()[size - 1] = 0x5A;
        if (pages.inHugePages()) CHECK(reinterpret_cast<uintptr_t>(pages.data()) % ZeroedPages::kHugePage == 0);
        ZeroedPages moved(std::move(pages));
        CHECK(pages.data() == nullptr);
        CHECK(pages.size() == 0);
        CHECK(moved.data()[size - 1] == 0x5A);
        ZeroedPages assigned;
        assigned = std::move(moved);
        CHECK(moved.data() == nullptr);
        CHECK(assigned.data()[size - 1] == 0x5A);
    }
    ZeroedPages none(0);
    CHECK(none.data() == nullptr);
    CHECK(none.size() == 0);
}

TEST_CASE("PagedArray holds n elements, each the fill value, zero or not", "[hive][lazy][load]") {
    struct Entry {
        uint32_t size = 0;
        uint32_t owner = 0xFFFFFFFF;
    };
    PagedArray<Entry> entries(100000, Entry{});
    REQUIRE(entries.size() == 100000);
    CHECK(std::all_of(entries.data(), entries.data() + entries.size(),
                      [](const Entry& e) { return e.size == 0 && e.owner == 0xFFFFFFFF; }));
    entries[99999].size = 7;
    CHECK(entries[99999].size == 7);
    PagedArray<uint64_t> words(1 << 20);
    REQUIRE(words.size() == size_t{1} << 20);
    CHECK(std::all_of(words.data(), words.data() + words.size(), [](uint64_t w) { return w == 0; }));
    CHECK(PagedArray<uint32_t>().empty());
    CHECK(PagedArray<uint32_t>(0).empty());
}

// ---------------------------------------------------------------------------
// Value data and lists

TEST_CASE("Inline value data lives in the ValueData and survives moving it", "[hive][lazy][data]") {
    const uint8_t raw[4] = {0x11, 0x22, 0x33, 0x44};
    ValueData a(ValueData::Storage::Inline, Bytes(raw, 3));
    CHECK(a.storage == ValueData::Storage::Inline);
    CHECK(a.bytes().data() != raw);  // a copy, not a view of the record
    ValueData b(std::move(a));
    std::vector<uint8_t> wanted = {0x11, 0x22, 0x33};
    CHECK(std::vector<uint8_t>(b.bytes().begin(), b.bytes().end()) == wanted);
    CHECK(a.size() == 0);
    ValueData c;
    {
        ValueData temp(ValueData::Storage::Inline, Bytes(raw, 4));
        c = std::move(temp);
    }  // temp's storage is gone; c's bytes must be c's own
    wanted = {0x11, 0x22, 0x33, 0x44};
    CHECK(std::vector<uint8_t>(c.bytes().begin(), c.bytes().end()) == wanted);
    CHECK(c.storage == ValueData::Storage::Inline);
    // A view stays a view of what it was given; an owned buffer moves with it.
    ValueData v(ValueData::Storage::Cell, Bytes(raw, 4));
    CHECK(v.bytes().data() == raw);
    ValueData owned(std::vector<uint8_t>{1, 2, 3, 4, 5});
    ValueData moved(std::move(owned));
    CHECK(moved.size() == 5);
    CHECK(moved.bytes()[4] == 5);
}

TEST_CASE("A DWORD read from a hive keeps its bytes after the record and the result are gone", "[hive][lazy][data]") {
    HiveBuilder b(5);
    size_t k = b.addKey(HiveBuilder::kRoot, u"K");
    b.addValue(k, u"D", kRegDword, dwordBytes(0xA1B2C3D4));
    BuiltHive built = b.build();
    auto hive = built.open();
    REQUIRE(hive);
    ValueData kept;
    {
        auto rec = (*hive)->valueRecord(built.value(k, 0).vk);
        REQUIRE(rec);
        auto data = (*hive)->valueData(*rec);
        REQUIRE(data);
        kept = std::move(*data);
    }
    CHECK(kept.storage == ValueData::Storage::Inline);
    CHECK(std::vector<uint8_t>(kept.bytes().begin(), kept.bytes().end()) == dwordBytes(0xA1B2C3D4));
}

TEST_CASE("subkeys and values into a reused buffer give what the returning forms give, and clear it first",
          "[hive][lazy][lists]") {
    HiveBuilder b(5);
    size_t big = b.addKey(HiveBuilder::kRoot, u"Big");
    for (int i = 0; i < 30; ++i) b.addKey(big, u"S" + std::u16string(1, char16_t(u'A' + i % 26)) + char16_t(u'0' + i / 26));
    b.splitWithIndexRoot(big, 7);
    for (int i = 0; i < 5; ++i) b.addValue(big, u"V" + std::u16string(1, char16_t(u'0' + i)), kRegDword, dwordBytes(i));
    size_t empty = b.addKey(HiveBuilder::kRoot, u"Empty");
    BuiltHive built = b.build();
    auto hive = built.open();
    REQUIRE(hive);
    std::vector<uint32_t> buffer = {1, 2, 3};
    for (size_t id : {big, empty, size_t{0}}) {
        auto key = (*hive)->keyNode(built.key(id).nk);
        REQUIRE(key);
        (*hive)->subkeys(*key, buffer);
        CHECK(buffer == (*hive)->subkeys(*key));
        (*hive)->values(*key, buffer);
        CHECK(buffer == (*hive)->values(*key));
    }
    CHECK(buffer.empty());  // the root has no values
}

// ---------------------------------------------------------------------------
// TreeWalker's paths

TEST_CASE("TreeWalker joins each escaped name to its parent's path, after skipped and failed subtrees too",
          "[hive][lazy][walker]") {
    HiveBuilder b(5);
    size_t a = b.addKey(HiveBuilder::kRoot, u"A");
    size_t a1 = b.addKey(a, u"A1");
    b.addKey(a1, u"A1x");
    b.addKey(a, u"A2");
    size_t bk = b.addKey(HiveBuilder::kRoot, u"B");
    size_t b1 = b.addKey(bk, u"B1");
    b.addKey(b1, u"B1x");
    b.addKey(bk, u"B2");
    size_t c = b.addKey(HiveBuilder::kRoot, u"C");
    b.addKey(c, u"C1");
    b.addKey(HiveBuilder::kRoot, u"D");
    BuiltHive built = b.build();
    built.pokeField16(built.key(b1).nk, 0, 0x4242);  // B1 is no key node any more
    auto hive = built.open();
    REQUIRE(hive);
    std::vector<std::string> paths;
    std::vector<unsigned> depths;
    TreeWalker walker(**hive);
    walker.setNameEscaper([](const std::string& n) { return "<" + n + ">"; });
    Diagnostics sink;
    walker.walkFrom(
        (*hive)->rootOffset(), "HK",
        [&](const WalkedKey& k) {
            paths.push_back(*k.path);
            depths.push_back(k.depth);
            return *k.path != "HK\\<A>\\<A1>";  // skip A1's subtree
        },
        &sink);
    const std::vector<std::string> expected = {"HK",          "HK\\<A>", "HK\\<A>\\<A1>", "HK\\<A>\\<A2>", "HK\\<B>",
                                               "HK\\<B>\\<B2>", "HK\\<C>", "HK\\<C>\\<C1>", "HK\\<D>"};
    CHECK(paths == expected);
    CHECK(depths == std::vector<unsigned>{0, 1, 2, 2, 1, 2, 1, 2, 1});
    CHECK(sink.count(Diagnostic::Severity::Error) == 1);
    // From the root with no start path: no leading separator.
    paths.clear();
    TreeWalker(**hive).walk([&](const WalkedKey& k) {
        paths.push_back(*k.path);
        return true;
    });
    CHECK(paths == std::vector<std::string>{"", "A", "A\\A1", "A\\A1\\A1x", "A\\A2", "B", "B\\B2", "C", "C\\C1", "D"});
}
