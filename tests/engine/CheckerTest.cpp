// Tests of hive/Checker. Every corpus hive that hivex walks
// checks clean (dirty ones with the dirty warning only); each invariant,
// broken on purpose in a copy of a small real hive, gives its exact
// diagnostic; the damaged hives give errors with offsets and no crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "hive/CellScanner.h"
#include "hive/Checker.h"
#include "hive/Hive.h"
#include "index/Index.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

using Severity = Diagnostic::Severity;

constexpr uint64_t kBins = layout::kBaseBlockSize;

/// File offset of a field of the record held by the cell at relative offset
/// `cell` (fields count from the record's signature, as layout:: does).
uint64_t fieldAt(uint32_t cell, uint32_t field) { return uint64_t{cell} + kBins + 4 + field; }
uint64_t fileOff(uint32_t cell) { return uint64_t{cell} + kBins; }

/// A hive's bytes in memory: damaged by a test, then opened and checked.
struct Image {
    std::vector<uint8_t> bytes;

    explicit Image(const std::string& hive) : bytes(readFile(hivePath(hive))) {}
    explicit Image(std::vector<uint8_t> b) : bytes(std::move(b)) {}

    uint16_t get16(uint64_t off) const {
        REQUIRE(off + 2 <= bytes.size());
        return loadU16(bytes.data() + off);
    }
    uint32_t get32(uint64_t off) const {
        REQUIRE(off + 4 <= bytes.size());
        return loadU32(bytes.data() + off);
    }
    void put16(uint64_t off, uint16_t v) {
        REQUIRE(off + 2 <= bytes.size());
        storeU16(bytes.data() + off, v);
    }
    void put32(uint64_t off, uint32_t v) {
        REQUIRE(off + 4 <= bytes.size());
        storeU32(bytes.data() + off, v);
    }
    /// Exchanges n bytes at a and b (list entries, with their hints).
    void swapBytes(uint64_t a, uint64_t b, size_t n) {
        REQUIRE(std::max(a, b) + n <= bytes.size());
        std::swap_ranges(bytes.begin() + static_cast<ptrdiff_t>(a), bytes.begin() + static_cast<ptrdiff_t>(a + n),
                         bytes.begin() + static_cast<ptrdiff_t>(b));
    }
    /// Stores the checksum of the base block as it now is.
    void fixChecksum() { put32(layout::base::Checksum, baseBlockChecksum(Bytes(bytes.data(), 508))); }
    /// Makes a dirty hive's sequence numbers agree, so that only the damage
    /// a test adds is reported.
    void markClean() {
        put32(layout::base::SecondarySequence, get32(layout::base::PrimarySequence));
        fixChecksum();
    }

    std::unique_ptr<Hive> open() const {
        auto h = Hive::fromBytes(bytes, "test image");
        REQUIRE(h);
        return std::move(*h);
    }
    CheckReport check() const { return checkHive(*open()); }
};

CheckReport checkFile(const std::string& hive) {
    OpenOptions options;
    options.useLogs = false;  // the primary file as hivex reads it
    auto h = Hive::open(hivePath(hive), options);
    REQUIRE(h);
    return checkHive(**h);
}

/// Every diagnostic, for failure output.
std::string listing(const CheckReport& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items())
        out += std::string(severityName(d.severity)) + " @" + hexOffset(d.offset) + ": " + d.message + "\n";
    return out;
}

std::vector<std::string> messages(const CheckReport& r, Severity s) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics.items())
        if (d.severity == s) out.push_back(d.message);
    return out;
}
std::vector<std::string> errors(const CheckReport& r) { return messages(r, Severity::Error); }
std::vector<std::string> warnings(const CheckReport& r) { return messages(r, Severity::Warning); }

/// The offset of the diagnostic with this exact message (kNoOffset when
/// there is none: the tests compare it with a real offset).
uint64_t offsetOf(const CheckReport& r, const std::string& message) {
    for (const auto& d : r.diagnostics.items())
        if (d.message == message) return d.offset;
    return Error::kNoOffset;
}

uint32_t keyAt(const Hive& hive, const std::string& path) {
    auto k = Index(hive).findKey(path);
    REQUIRE(k);
    return *k;
}

KeyNode nodeAt(const Hive& hive, const std::string& path) {
    auto k = hive.keyNode(keyAt(hive, path));
    REQUIRE(k);
    return *k;
}

std::string nameOf(const Hive& hive, uint32_t nk) {
    auto k = hive.keyNode(nk);
    REQUIRE(k);
    return k->nameUtf8();
}

/// A hive of `keys` keys, each the only subkey of the one before (li lists),
/// all sharing one sk: written byte by byte here because no real hive is
/// nested that deep. Every count, maximum and reference count is true.
std::vector<uint8_t> chainHive(unsigned keys) {
    constexpr uint32_t kSk = 0x20, kFirstKey = 0x50, kNkSize = 88, kLiSize = 16;
    const uint32_t used = kFirstKey + keys * (kNkSize + kLiSize);
    const uint32_t binSize = (used + 8 + 0xFFF) & ~0xFFFu;
    std::vector<uint8_t> b(kBins + binSize, 0);
    auto put16 = [&](uint64_t off, uint16_t v) { storeU16(b.data() + off, v); };
    auto put32 = [&](uint64_t off, uint32_t v) { storeU32(b.data() + off, v); };
    namespace B = layout::base;
    put32(B::Signature, layout::kBaseSignature);
    put32(B::PrimarySequence, 1);
    put32(B::SecondarySequence, 1);
    put32(B::MajorVersion, 1);
    put32(B::MinorVersion, 5);
    put32(B::FileFormat, 1);
    put32(B::RootCellOffset, kFirstKey);
    put32(B::HiveBinsDataSize, binSize);
    put32(B::ClusteringFactor, 1);
    put32(kBins + layout::hbin::Signature, layout::kHbinSignature);
    put32(kBins + layout::hbin::Size, binSize);
    // The sk: a self-relative descriptor with no owner, group or ACL.
    put32(fileOff(kSk), static_cast<uint32_t>(-48));
    put16(fieldAt(kSk, 0), layout::kSecuritySignature);
    put32(fieldAt(kSk, layout::sk::Flink), kSk);
    put32(fieldAt(kSk, layout::sk::Blink), kSk);
    put32(fieldAt(kSk, layout::sk::ReferenceCount), keys);
    put32(fieldAt(kSk, layout::sk::DescriptorSize), 20);
    put16(fieldAt(kSk, layout::sk::Descriptor), 0x0001);      // revision 1
    put16(fieldAt(kSk, layout::sk::Descriptor + 2), 0x8000);  // SE_SELF_RELATIVE
    for (unsigned i = 0; i < keys; ++i) {
        const uint32_t nk = kFirstKey + i * (kNkSize + kLiSize);
        const uint32_t li = nk + kNkSize;
        const bool last = i + 1 == keys;
        namespace N = layout::nk;
        put32(fileOff(nk), static_cast<uint32_t>(-static_cast<int32_t>(kNkSize)));
        put16(fieldAt(nk, 0), layout::kKeyNodeSignature);
        put16(fieldAt(nk, N::Flags), i == 0 ? 0x2C : 0x20);  // root: HIVE_ENTRY|NO_DELETE; all COMP_NAME
        put32(fieldAt(nk, N::Parent), i == 0 ? layout::kNoCell : nk - kNkSize - kLiSize);
        put32(fieldAt(nk, N::SubkeyCount), last ? 0 : 1);
        put32(fieldAt(nk, N::SubkeyList), last ? layout::kNoCell : li);
        put32(fieldAt(nk, N::VolatileSubkeyList), layout::kNoCell);
        put32(fieldAt(nk, N::ValueList), layout::kNoCell);
        put32(fieldAt(nk, N::Security), kSk);
        put32(fieldAt(nk, N::Class), layout::kNoCell);
        put32(fieldAt(nk, N::MaxSubkeyName), last ? 0 : 2);
        put16(fieldAt(nk, N::NameLength), 1);
        b[fieldAt(nk, N::Name)] = 'k';
        if (last) {
            // The rest of the bin is one free cell.
            put32(fileOff(li), binSize - li);
            break;
        }
        put32(fileOff(li), static_cast<uint32_t>(-static_cast<int32_t>(kLiSize)));
        put16(fieldAt(li, 0), layout::kIndexLeafSignature);
        put16(fieldAt(li, layout::list::Count), 1);
        put32(fieldAt(li, layout::list::Entries), li + kLiSize);
    }
    put32(B::Checksum, baseBlockChecksum(Bytes(b.data(), 508)));
    return b;
}

}  // namespace

// ---------------------------------------------------------------------------
// Real hives

TEST_CASE("Every hive that hivex walks checks clean, with hivex's key and value counts", "[checker]") {
    struct Expect {
        const char* hive;
        uint64_t keys, values;
    };
    const Expect hives[] = {
        {"ez/SAM", 68, 73},
        {"ez/NTUSER1.DAT", 595, 878},
        {"ez/UsrClassDeletedBags.dat", 37, 231},
        {"hivex/minimal", 1, 0},
        {"hivex/special", 4, 3},
        {"hivex/rlenvalue_test_hive", 2, 6},
        {"regipy/BCD", 132, 103},
        {"regipy/NTUSER.DAT", 1812, 4094},
        {"regipy/SAM", 65, 70},
        {"regipy/SYSTEM", 30756, 73456},
    };
    for (const auto& e : hives) {
        INFO(e.hive);
        CheckReport r = checkFile(e.hive);
        INFO(listing(r));
        CHECK(r.clean());
        CHECK_FALSE(r.dirty);
        CHECK(r.keys == e.keys);
        CHECK(r.values == e.values);
        CHECK(r.unreferencedCells == 0);
    }
}

TEST_CASE("Hives from the test builder, an independent writer, check clean at versions 1.3 and 1.5",
          "[checker]") {
    for (uint32_t minor : {3u, 5u}) {
        INFO("version 1." << minor);
        HiveBuilder b(minor);
        const size_t alpha = b.addKey(HiveBuilder::kRoot, u"Alpha");
        b.addValue(alpha, u"", 1, regSzBytes(u"default"));
        b.addValue(alpha, u"Dword", 4, dwordBytes(42));
        b.addValue(alpha, u"Empty", 3, {});
        b.addValue(alpha, u"Big", 3, patternBytes(40000, 3));  // db from 1.4, one cell before
        b.addValue(alpha, u"Exactly16344", 3, patternBytes(16344, 9));
        b.addValue(alpha, u"\u00C4rger \u20AC", 1, regSzBytes(u"\u20AC"));
        b.setClassName(alpha, u"AlphaClass");
        b.addKey(alpha, u"zeta");
        b.addKey(alpha, u"Beta");
        b.addKey(alpha, u"\u00E4pfel");
        b.addKey(alpha, u"Latin1AsUtf16", NameStorage::Utf16);
        b.addKey(alpha, u"\u03A9mega");
        const size_t many = b.addKey(HiveBuilder::kRoot, u"Many");
        for (int i = 0; i < 30; ++i) b.addKey(many, u"Child" + std::u16string(1, char16_t(u'A' + i % 26)) + char16_t(u'0' + i / 26));
        b.splitWithIndexRoot(many, 7);  // five leaves under an ri
        const size_t li = b.addKey(HiveBuilder::kRoot, u"WithLi");
        b.setListKind(li, ListKind::IndexLeaf);
        b.addKey(li, u"x");
        b.addKey(li, u"y");
        auto hive = b.build().open();
        REQUIRE(hive);
        CheckReport r = checkHive(**hive);
        INFO(listing(r));
        CHECK(r.clean());
        CHECK(r.keys == 41);
        CHECK(r.values == 6);
        CHECK(r.unreferencedCells == 0);
    }
}

TEST_CASE("The cell count is every cell of every hbin, allocated and free", "[checker]") {
    // 186191 allocated and 117 free cells, as `hivectl info` counts them.
    CheckReport r = checkFile("regipy/SYSTEM");
    CHECK(r.cells == 186308);
    CHECK(r.securityCells == 193);
}

TEST_CASE("Dirty hives check without error: their one warning is the dirty state", "[checker]") {
    struct Expect {
        const char* hive;
        uint64_t keys, values;
        const char* warning;
    };
    const Expect hives[] = {
        {"regipy/NTUSER_with_winscp.DAT", 5328, 12014, "5161 differs from secondary 5160"},
        {"regipy/UsrClass.dat", 6205, 12369, "256 differs from secondary 255"},
        {"regipy/transactions_NTUSER.DAT", 2590, 4119, "567 differs from secondary 566"},
        {"regipy/amcache.hve", 2105, 17539, "41 differs from secondary 40"},
        {"regipy/SECURITY", 100, 109, "107 differs from secondary 106"},
        {"dfir/Win10-RathbunVM/Amcache.hve", 972, 18956, "68 differs from secondary 67"},
        {"dfir/Server2022-APTSimulatorVM/Amcache.hve", 264, 6556, "4 differs from secondary 3"},
    };
    for (const auto& e : hives) {
        INFO(e.hive);
        CheckReport r = checkFile(e.hive);
        INFO(listing(r));
        CHECK(r.errors() == 0);
        CHECK(r.dirty);
        CHECK_FALSE(r.clean());
        CHECK(warnings(r) == std::vector<std::string>{std::string("base block: dirty hive: primary sequence number ") +
                                                      e.warning +
                                                      " (the primary file may lack changes held in its "
                                                      "transaction logs)"});
        CHECK(r.keys == e.keys);
        CHECK(r.values == e.values);
    }
}

TEST_CASE("Exception ez/SECURITYNoRoot: its root key lacks KEY_HIVE_ENTRY, the hive's one error", "[checker]") {
    // hivex walks this hive (8 keys, 2 values) because it finds the root
    // through the base block and never looks at the nk flags. The root's
    // flags are 0x20 (COMP_NAME) only. The format specification defines
    // 0x0004 KEY_HIVE_ENTRY as "is the root key for this hive"; Windows
    // creates every root with KEY_HIVE_ENTRY | KEY_NO_DELETE and its kernel
    // stops at that flag when it walks a key's parent chain up to the hive's
    // root. So the checker is right and the hive is wrong: everything else
    // in it is consistent.
    CheckReport r = checkFile("ez/SECURITYNoRoot");
    INFO(listing(r));
    CHECK(errors(r) == std::vector<std::string>{
                           "root key at 0x1020: flags 0x20 lack KEY_HIVE_ENTRY (0x4), the flag that marks the root of a hive"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0x1020);
    CHECK(warnings(r).empty());
    CHECK(r.keys == 8);
    CHECK(r.values == 2);
}

TEST_CASE("ez/SAN(OTHER): the wrong header checksum is the one error, the tree behind it checks clean", "[checker]") {
    CheckReport r = checkFile("ez/SAN(OTHER)");
    INFO(listing(r));
    CHECK(errors(r) ==
          std::vector<std::string>{"base block: checksum is 0x4261a0b0, the first 508 bytes give 0x4262a0b0"});
    CHECK(r.diagnostics.items().at(0).offset == 0x1FC);
    CHECK(r.keys == 68);
    CHECK(r.values == 73);
}

TEST_CASE("ez/SAMBadHBinHeader: the damaged hbin and each reference into it are errors with offsets", "[checker]") {
    CheckReport r = checkFile("ez/SAMBadHBinHeader");
    INFO(listing(r));
    const std::string bad =
        "hbin at 0x2000: bad signature (expected \"hbin\"); the cells from 0x2000 to 0x3000 cannot be checked";
    REQUIRE(r.errors() > 1);
    CHECK(errors(r).at(0) == bad);
    CHECK(offsetOf(r, bad) == 0x2000);
    CHECK(offsetOf(r, "lf list at 0x3020: entry 4 points to 0x2038, in the damaged hbin at 0x2000") == 0x3020);
    for (const auto& d : r.diagnostics.items()) {
        if (d.severity != Severity::Error || d.message == bad) continue;
        INFO(d.message);
        CHECK(d.offset != Error::kNoOffset);
        CHECK(d.message.find("in the damaged hbin at 0x2000") != std::string::npos);
    }
    // The keys that do not depend on the damaged bin are all checked.
    CHECK(r.keys == 47);
}

TEST_CASE("regipy/corrupted_system_hive: every damaged stretch is an error with its offset", "[checker]") {
    CheckReport r = checkFile("regipy/corrupted_system_hive");
    CHECK(r.errors() > 30);
    CHECK(errors(r).at(0) ==
          "hbin at 0x1a000: bad signature (expected \"hbin\"); the cells from 0x1a000 to 0x1d000 cannot be checked");
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) CHECK(d.offset != Error::kNoOffset);
    CHECK(offsetOf(r, "cell at 0x1b2190: size is 0; the rest of the hbin at 0x1b0000 is not scanned") == 0x1b2190);
    CHECK(offsetOf(r, "base block: flags 0xffffff hold bits Windows does not define (0x1 KTM locked, 0x2 "
                      "defragmented)") == layout::base::Flags);
    CHECK(r.keys > 1000);
}

// ---------------------------------------------------------------------------
// Base block

TEST_CASE("A wrong header checksum is an error naming the stored and the computed value", "[checker][header]") {
    Image img("ez/SAM");
    const uint32_t good = img.get32(layout::base::Checksum);
    img.put32(layout::base::Checksum, good + 1);
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{"base block: checksum is " + hexOffset(good + 1) +
                                                ", the first 508 bytes give " + hexOffset(good)});
    CHECK(r.diagnostics.items().at(0).offset == 0x1FC);
}

TEST_CASE("The checksum's two special cases: an XOR of 0 is stored as 1, an XOR of 0xFFFFFFFF as 0xFFFFFFFE",
          "[checker][header]") {
    Image img("ez/SAM");
    // A reserved dword of the header makes the XOR of the 127 dwords what we want.
    uint32_t x = 0;
    for (uint32_t off = 0; off < 508; off += 4) x ^= img.get32(off);
    const uint64_t reserved = 0x1F8;
    img.put32(reserved, img.get32(reserved) ^ x);  // XOR is now 0
    img.put32(layout::base::Checksum, 1);
    CHECK(img.check().clean());
    img.put32(layout::base::Checksum, 0);
    CHECK(errors(img.check()) == std::vector<std::string>{"base block: checksum is 0x0, the first 508 bytes give 0x1"});

    img.put32(reserved, img.get32(reserved) ^ 0xFFFFFFFF);  // XOR is now 0xFFFFFFFF
    img.put32(layout::base::Checksum, 0xFFFFFFFE);
    CHECK(img.check().clean());
    img.put32(layout::base::Checksum, 0xFFFFFFFF);
    CHECK(errors(img.check()) ==
          std::vector<std::string>{"base block: checksum is 0xffffffff, the first 508 bytes give 0xfffffffe"});
}

TEST_CASE("Sequence numbers that differ are the dirty warning, not an error", "[checker][header]") {
    Image img("ez/SAM");
    const uint32_t primary = img.get32(layout::base::PrimarySequence);
    img.put32(layout::base::PrimarySequence, primary + 1);
    img.fixChecksum();
    CheckReport r = img.check();
    CHECK(r.errors() == 0);
    CHECK(r.dirty);
    CHECK_FALSE(r.clean());
    CHECK(warnings(r) == std::vector<std::string>{"base block: dirty hive: primary sequence number " +
                                                  std::to_string(primary + 1) + " differs from secondary " +
                                                  std::to_string(primary) +
                                                  " (the primary file may lack changes held in its transaction logs)"});
    CHECK(r.diagnostics.items().at(0).offset == layout::base::PrimarySequence);
}

TEST_CASE("Header fields outside what Windows writes: version, type, format are errors, cluster and flags warn",
          "[checker][header]") {
    Image img("ez/SAM");
    SECTION("version") {
        img.put32(layout::base::MinorVersion, 7);
        img.fixChecksum();
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"base block: format version 1.7 is not one Windows writes (1.1 to 1.6)"});
    }
    SECTION("file type") {
        img.put32(layout::base::FileType, 1);
        img.fixChecksum();
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"base block: file type is log (old format), not 0 (a primary hive file)"});
    }
    SECTION("file format") {
        img.put32(layout::base::FileFormat, 2);
        img.fixChecksum();
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"base block: file format is 2, not 1 (direct memory load)"});
    }
    SECTION("clustering factor") {
        img.put32(layout::base::ClusteringFactor, 8);
        img.fixChecksum();
        CheckReport r = img.check();
        CHECK(r.errors() == 0);
        CHECK(warnings(r) == std::vector<std::string>{"base block: clustering factor is 8, Windows writes 1"});
    }
    SECTION("flags") {
        img.put32(layout::base::Flags, 0x10);
        img.fixChecksum();
        CheckReport r = img.check();
        CHECK(r.errors() == 0);
        CHECK(warnings(r) == std::vector<std::string>{
                                 "base block: flags 0x10 hold bits Windows does not define (0x1 KTM locked, 0x2 "
                                 "defragmented)"});
    }
}

TEST_CASE("A root cell offset that does not name an nk cell is an error", "[checker][header]") {
    Image img("ez/SAM");
    auto hive = img.open();
    const uint32_t root = hive->rootOffset();
    const KeyNode rootNode = nodeAt(*hive, "");
    SECTION("inside the root cell") {
        img.put32(layout::base::RootCellOffset, root + 8);
        img.fixChecksum();
        CheckReport r = img.check();
        CHECK(errors(r) == std::vector<std::string>{"base block: the root cell offset points to " +
                                                    hexOffset(fileOff(root + 8)) + ", inside the cell at " +
                                                    hexOffset(fileOff(root)) + " (not the start of a cell)"});
        CHECK(r.diagnostics.items().at(0).offset == layout::base::RootCellOffset);
        CHECK(r.keys == 0);
    }
    SECTION("an sk cell") {
        img.put32(layout::base::RootCellOffset, rootNode.security);
        img.fixChecksum();
        CHECK(errors(img.check()) == std::vector<std::string>{"base block: the root cell: cell at " +
                                                              hexOffset(fileOff(rootNode.security)) +
                                                              " is not a key node (no \"nk\" signature)"});
    }
}

TEST_CASE("A hive bins data size that is not a multiple of 4096 or passes the end of the file is an error",
          "[checker][header]") {
    Image img("ez/SAM");
    SECTION("not a multiple") {
        img.put32(layout::base::HiveBinsDataSize, 0x1800);
        img.fixChecksum();
        CheckReport r = img.check();
        CHECK(errors(r).at(0) == "base block: hive bins data size 0x1800 is not a nonzero multiple of 0x1000; the "
                                 "hbins were looked for up to 0x40000");
        CHECK(r.diagnostics.items().at(0).offset == layout::base::HiveBinsDataSize);
    }
    SECTION("past the end") {
        img.put32(layout::base::HiveBinsDataSize, 0x100000);
        img.fixChecksum();
        CHECK(errors(img.check()).at(0) ==
              "base block: hive bins data size 0x100000 goes past the end of the file (0x40000): truncated");
    }
}

// ---------------------------------------------------------------------------
// Hive bins and cells

TEST_CASE("An hbin whose offset field is wrong is an error, and so is every reference into it", "[checker][hbin]") {
    Image img("ez/SAM");
    img.put32(0x2000 + layout::hbin::Offset, 0);
    CheckReport r = img.check();
    INFO(listing(r));
    const std::string bad = "hbin at 0x2000: its offset field says 0x0, expected 0x1000; the cells from 0x2000 to "
                            "0x3000 cannot be checked";
    CHECK(errors(r).at(0) == bad);
    CHECK(offsetOf(r, bad) == 0x2000);
    CHECK(offsetOf(r, "lf list at 0x3020: entry 4 points to 0x2038, in the damaged hbin at 0x2000") == 0x3020);
}

TEST_CASE("A cell size that breaks the chain is reported where it breaks, once", "[checker][cells]") {
    Image img("ez/SAM");
    // The first free cell of the hive, and the end of its bin.
    auto hive = img.open();
    Cell freeCell;
    uint32_t binEnd = 0;
    CellScanner(*hive).scan([&](const HiveBinInfo& bin, const Cell& c) {
        if (c.allocated) return true;
        freeCell = c;
        binEnd = bin.offset + bin.size;
        return false;
    });
    REQUIRE(freeCell.size > 0);
    const std::string binAt = hexOffset(fileOff(hive->binAt(freeCell.offset)->offset));
    SECTION("past the end of the bin") {
        const uint32_t size = binEnd - freeCell.offset + 8;
        img.put32(fileOff(freeCell.offset), size);
        CheckReport r = img.check();
        CHECK(errors(r) == std::vector<std::string>{"cell at " + hexOffset(fileOff(freeCell.offset)) + ": size " +
                                                    hexOffset(size) + " goes past the end of its hbin (" +
                                                    hexOffset(fileOff(binEnd)) + "); the rest of the hbin at " +
                                                    binAt + " is not scanned"});
        CHECK(r.diagnostics.items().at(0).offset == fileOff(freeCell.offset));
    }
    SECTION("not a multiple of 8") {
        img.put32(fileOff(freeCell.offset), freeCell.size + 4);
        CheckReport r = img.check();
        // The cells after the break are still resolved when something
        // references them: the break is one error, not a cascade.
        CHECK(errors(r) == std::vector<std::string>{"cell at " + hexOffset(fileOff(freeCell.offset)) + ": size " +
                                                    hexOffset(freeCell.size + 4) +
                                                    " is not a multiple of 8 of at least 8; the rest of the hbin at " +
                                                    binAt + " is not scanned"});
        CHECK(r.keys == 68);
        CHECK(r.values == 73);
    }
}

TEST_CASE("An allocated cell that nothing references is counted as leaked space, which is not a problem",
          "[checker][cells]") {
    Image img("ez/SAM");
    auto hive = img.open();
    Cell freeCell;
    CellScanner(*hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (c.allocated) return true;
        freeCell = c;
        return false;
    });
    img.put32(fileOff(freeCell.offset), static_cast<uint32_t>(-static_cast<int32_t>(freeCell.size)));
    CheckReport r = img.check();
    CHECK(r.clean());
    CHECK(r.unreferencedCells == 1);
    CHECK(messages(r, Severity::Info) ==
          std::vector<std::string>{"1 allocated cell (" + std::to_string(freeCell.size) +
                                   " bytes) referenced by nothing reachable from the root, the first at " +
                                   hexOffset(fileOff(freeCell.offset)) + " (leaked space)"});
}

// ---------------------------------------------------------------------------
// Subkey lists

TEST_CASE("Swapped entries of an lf list: the later entry sorts before the earlier one", "[checker][lists]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode labels = nodeAt(*hive, "AppEvents\\EventLabels");
    REQUIRE(labels.subkeyList == 0xcaf0);  // lf list at file offset 0xdaf0
    const uint64_t entries = fieldAt(labels.subkeyList, layout::list::Entries);
    img.swapBytes(entries + 3 * 8, entries + 4 * 8, 8);
    CheckReport r = img.check();
    CHECK(errors(r) ==
          std::vector<std::string>{"lf list at 0xdaf0: entry 4 (\"BlockedPopup\") sorts before entry 3 (\"CCSelect\")"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0xdaf0);
}

TEST_CASE("Two subkeys whose names differ only in case are a duplicate", "[checker][lists]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode labels = nodeAt(*hive, "AppEvents\\EventLabels");
    auto list = hive->subkeyList(labels.subkeyList);
    REQUIRE(list);
    // Entry 3 ("BlockedPopup") is renamed "ccselect", the name of entry 4 in
    // lower case; its lf hint follows the new name.
    const uint32_t third = list->offsetAt(3);
    REQUIRE(nameOf(*hive, third) == "BlockedPopup");
    const std::string lower = "ccselect";
    img.put16(fieldAt(third, layout::nk::NameLength), static_cast<uint16_t>(lower.size()));
    for (size_t i = 0; i < lower.size(); ++i) img.bytes[fieldAt(third, layout::nk::Name) + i] = uint8_t(lower[i]);
    img.put32(fieldAt(labels.subkeyList, layout::list::Entries) + 3 * 8 + 4, fastLeafHint(u"ccselect"));
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{
                           "lf list at 0xdaf0: entry 4 (\"CCSelect\") has the same name as entry 3 (\"ccselect\")"});
}

TEST_CASE("A wrong lh hash is an error naming the stored and the expected hash", "[checker][lists]") {
    Image img("regipy/SECURITY");
    img.markClean();
    auto hive = img.open();
    const KeyNode policy = nodeAt(*hive, "Policy");
    auto list = hive->subkeyList(policy.subkeyList);
    REQUIRE(list);
    REQUIRE(list->kind == SubkeyList::Kind::HashLeaf);
    const std::string name = nameOf(*hive, list->offsetAt(2));
    const uint32_t hash = list->hintAt(2);
    img.put32(fieldAt(policy.subkeyList, layout::list::Entries) + 2 * 8 + 4, hash ^ 0x100);
    CheckReport r = img.check();
    const std::string listAt = hexOffset(fileOff(policy.subkeyList));
    CHECK(errors(r) == std::vector<std::string>{"lh list at " + listAt + ": entry 2 (\"" + name + "\") has hash " +
                                                hexOffset(hash ^ 0x100) + ", the name hashes to " + hexOffset(hash)});
}

TEST_CASE("A wrong lf hint is an error naming the stored and the expected hint", "[checker][lists]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode labels = nodeAt(*hive, "AppEvents\\EventLabels");
    const uint64_t hint = fieldAt(labels.subkeyList, layout::list::Entries) + 1 * 8 + 4;
    REQUIRE(img.get32(hint) == 0x69746341);  // "Acti"
    img.put32(hint, 0x69746361);             // "acti": the hint keeps the name's case
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{"lf list at 0xdaf0: entry 1 (\"ActivatingDocument\") has hint "
                                                "0x69746361, expected 0x69746341 (the first 4 characters of the name)"});
}

TEST_CASE("A subkey count that differs from the entries of the list is an error", "[checker][keys]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t appEvents = keyAt(*hive, "AppEvents");
    REQUIRE(fileOff(appEvents) == 0x2218);
    img.put32(fieldAt(appEvents, layout::nk::SubkeyCount), 3);
    CheckReport r = img.check();
    CHECK(errors(r) ==
          std::vector<std::string>{"key at 0x2218 (\"AppEvents\"): subkey count is 3, its subkey list holds 2 entries"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0x2218);
}

TEST_CASE("A parent field that does not name the listing key is an error", "[checker][keys]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t ccselect = keyAt(*hive, "AppEvents\\EventLabels\\CCSelect");
    img.put32(fieldAt(ccselect, layout::nk::Parent), hive->rootOffset());
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{
                           "key at 0xbe28 (\"AppEvents\\EventLabels\\CCSelect\"): parent field points to 0x1020, but "
                           "the key is listed by the key at 0xbdc8 (\"AppEvents\\EventLabels\")"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0xbe28);
}

TEST_CASE("A subkey flagged KEY_HIVE_ENTRY, the root's flag, is an error", "[checker][keys]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t appEvents = keyAt(*hive, "AppEvents");
    img.put16(fieldAt(appEvents, layout::nk::Flags),
              img.get16(fieldAt(appEvents, layout::nk::Flags)) | layout::nk::FlagHiveEntry);
    CHECK(errors(img.check()) ==
          std::vector<std::string>{"key at 0x2218 (\"AppEvents\"): has the KEY_HIVE_ENTRY flag (0x4) of a hive's "
                                   "root, but the key is listed by the root key at 0x1020"});
}

TEST_CASE("A list entry that leads back to the root is a cell referenced twice, and the walk ends", "[checker][keys]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode labels = nodeAt(*hive, "AppEvents\\EventLabels");
    img.put32(fieldAt(labels.subkeyList, layout::list::Entries), hive->rootOffset());
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{"cell at 0x1020 is referenced twice: as the root key named by the "
                                                "base block and as a subkey in the lf list at 0xdaf0"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0x1020);
    // The key the entry named is lost with its values: leaked, not damaged.
    CHECK(r.keys == 594);
}

TEST_CASE("A key nested deeper than 512 levels is an error, its subkeys are not read", "[checker][keys]") {
    SECTION("a short chain checks clean") {
        CheckReport r = Image(chainHive(4)).check();
        INFO(listing(r));
        CHECK(r.clean());
        CHECK(r.keys == 4);
    }
    SECTION("520 levels") {
        CheckReport r = Image(chainHive(520)).check();
        // Depth 0 is the root: keys at depths 0..512 are read.
        CHECK(r.keys == 513);
        REQUIRE(r.errors() == 1);
        const std::string e = errors(r).at(0);
        CHECK(e.rfind("key at ", 0) == 0);
        CHECK(e.ends_with("\") is nested deeper than 512 levels; its subkeys are not checked"));
        // Keys beyond the cut still hold references to the sk: its count
        // (520) is more than the 513 keys read, which is not reported
        // because part of the tree was not read.
        CHECK(warnings(r).empty());
    }
}

TEST_CASE("Swapped entries across the leaves of an ri list are out of order", "[checker][lists]") {
    Image img("regipy/SYSTEM");
    auto hive = img.open();
    const KeyNode cdd = nodeAt(*hive, "ControlSet001\\Control\\CriticalDeviceDatabase");
    auto ri = hive->subkeyList(cdd.subkeyList);
    REQUIRE(ri);
    REQUIRE(ri->kind == SubkeyList::Kind::IndexRoot);
    REQUIRE(ri->count >= 2);
    const uint32_t leaf0 = ri->offsetAt(0), leaf1 = ri->offsetAt(1);
    auto first = hive->subkeyList(leaf0);
    auto second = hive->subkeyList(leaf1);
    REQUIRE(first);
    REQUIRE(second);
    const size_t last = first->count - 1;
    const std::string lastName = nameOf(*hive, first->offsetAt(last));
    const std::string firstName = nameOf(*hive, second->offsetAt(0));
    // The last entry of leaf 0 and the first of leaf 1 change places.
    img.swapBytes(fieldAt(leaf0, layout::list::Entries) + last * 8, fieldAt(leaf1, layout::list::Entries), 8);
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{"lh list at " + hexOffset(fileOff(leaf1)) + ": entry 0 (\"" +
                                                lastName + "\") sorts before entry " + std::to_string(last) + " (\"" +
                                                firstName + "\") of the previous leaf, lh list at " +
                                                hexOffset(fileOff(leaf0)) + " (both in the ri list at " +
                                                hexOffset(fileOff(cdd.subkeyList)) + ")"});
}

TEST_CASE("An ri entry that points to another ri is an error", "[checker][lists]") {
    Image img("regipy/SYSTEM");
    auto hive = img.open();
    // ControlSet001's copy is visited before ControlSet002's.
    const KeyNode cdd1 = nodeAt(*hive, "ControlSet001\\Control\\CriticalDeviceDatabase");
    const uint32_t cdd2 = keyAt(*hive, "ControlSet002\\Control\\CriticalDeviceDatabase");
    const KeyNode cdd2Node = nodeAt(*hive, "ControlSet002\\Control\\CriticalDeviceDatabase");
    img.put32(fieldAt(cdd1.subkeyList, layout::list::Entries), cdd2Node.subkeyList);
    CheckReport r = img.check();
    const std::string ri1 = hexOffset(fileOff(cdd1.subkeyList)), ri2 = hexOffset(fileOff(cdd2Node.subkeyList));
    CHECK(errors(r) ==
          std::vector<std::string>{
              "ri list at " + ri1 + ": entry 0 points to another ri list at " + ri2 + " (an ri may hold only leaves)",
              "cell at " + ri2 + " is referenced twice: as a leaf of the ri list at " + ri1 +
                  " and as the subkey list of the key at " + hexOffset(fileOff(cdd2)) +
                  " (\"ControlSet002\\Control\\CriticalDeviceDatabase\")"});
}

TEST_CASE("List kinds the version does not call for are one warning per kind", "[checker][lists]") {
    SECTION("lf lists in a version 1.5 hive") {
        Image img("ez/SAM");
        img.put32(layout::base::MinorVersion, 5);
        img.fixChecksum();
        CheckReport r = img.check();
        INFO(listing(r));
        CHECK(r.errors() == 0);
        CHECK(warnings(r) == std::vector<std::string>{"17 lf lists in a version 1.5 hive, the first at 0x1188: "
                                                      "Windows writes lh lists from version 1.5 (it reads both)"});
    }
    SECTION("lh lists in a version 1.3 hive") {
        Image img("regipy/SECURITY");
        img.put32(layout::base::MinorVersion, 3);
        img.markClean();
        CheckReport r = img.check();
        CHECK(r.errors() == 0);
        CHECK(warnings(r) == std::vector<std::string>{"20 lh lists in a version 1.3 hive, the first at 0x1278: "
                                                      "Windows writes lf lists below version 1.5 (it reads both)"});
    }
}

// ---------------------------------------------------------------------------
// Referenced cells

TEST_CASE("A value claimed by two value lists is a cell referenced twice", "[checker][cells]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode dflt = nodeAt(*hive, "AppEvents\\EventLabels\\.Default");
    const KeyNode activating = nodeAt(*hive, "AppEvents\\EventLabels\\ActivatingDocument");
    const uint32_t shared = img.get32(fileOff(dflt.valueList) + 4);  // entry 0 of .Default's list
    img.put32(fileOff(activating.valueList) + 4, shared);
    CheckReport r = img.check();
    INFO(listing(r));
    CHECK(errors(r) == std::vector<std::string>{"cell at " + hexOffset(fileOff(shared)) +
                                                " is referenced twice: as a value in the value list at 0xe0e0 and "
                                                "as a value in the value list at 0xf1e8"});
    CHECK(offsetOf(r, errors(r).at(0)) == fileOff(shared));
    CHECK(r.unreferencedCells > 0);  // the value the entry named before
}

TEST_CASE("References to a free cell, into a cell or outside the bins are errors naming what they hit",
          "[checker][cells]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t dflt = keyAt(*hive, "AppEvents\\EventLabels\\.Default");
    const KeyNode node = nodeAt(*hive, "AppEvents\\EventLabels\\.Default");
    const std::string who = "key at 0xd9d8 (\"AppEvents\\EventLabels\\.Default\"): its value list points to ";
    REQUIRE(fileOff(dflt) == 0xd9d8);
    SECTION("a free cell") {
        img.put32(fileOff(node.valueList), static_cast<uint32_t>(-static_cast<int32_t>(img.get32(fileOff(node.valueList)))));
        CHECK(errors(img.check()) == std::vector<std::string>{who + "0xe0e0, a free cell"});
    }
    SECTION("inside a cell") {
        img.put32(fieldAt(dflt, layout::nk::ValueList), node.valueList + 8);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{who + "0xe0e8, inside the cell at 0xe0e0 (not the start of a cell)"});
    }
    SECTION("outside the bins") {
        img.put32(fieldAt(dflt, layout::nk::ValueList), 0x00100000);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{who + "0x101000, outside the hive bins (they end at 0x35000)"});
    }
    SECTION("into an hbin header") {
        img.put32(fieldAt(dflt, layout::nk::ValueList), 0x1008);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{who + "0x2008, inside the header of the hbin at 0x2000"});
    }
}

// ---------------------------------------------------------------------------
// Values

TEST_CASE("Data over 16344 bytes in one cell is right below version 1.4 and an error from 1.4 on",
          "[checker][values]") {
    // ez/NTUSER1.DAT (version 1.3) holds a 39472-byte value in one cell, as
    // Windows writes it before big data existed; from version 1.4 Windows
    // would read those bytes as a db record.
    Image img("ez/NTUSER1.DAT");
    CHECK(img.check().clean());
    img.put32(layout::base::MinorVersion, 4);
    img.fixChecksum();
    CHECK(errors(img.check()) ==
          std::vector<std::string>{
              "value at 0x23288 (\"Value\" of key \"Software\\Microsoft\\Windows "
              "NT\\CurrentVersion\\SoftwareProtectionPlatform\\Policies\\0ff1ce15-a989-479d-af46-f275c6370663\"): "
              "data of 39472 bytes in a version 1.4 hive must be a big data record: cell at 0x24020 is not a big data "
              "record (no \"db\" signature)"});
}

TEST_CASE("A value count larger than its value list is an error", "[checker][values]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t dflt = keyAt(*hive, "AppEvents\\EventLabels\\.Default");
    const KeyNode node = nodeAt(*hive, "AppEvents\\EventLabels\\.Default");
    const uint32_t room = (static_cast<uint32_t>(-static_cast<int32_t>(img.get32(fileOff(node.valueList)))) - 4) / 4;
    img.put32(fieldAt(dflt, layout::nk::ValueCount), room + 1);
    CheckReport r = img.check();
    CHECK(errors(r).at(0) == "key at 0xd9d8 (\"AppEvents\\EventLabels\\.Default\"): value count is " +
                                 std::to_string(room + 1) + ", its value list at 0xe0e0 has room for " +
                                 std::to_string(room));
}

TEST_CASE("Largest-length fields smaller than the true maxima are errors, larger ones are fine", "[checker][keys]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t labels = keyAt(*hive, "AppEvents\\EventLabels");
    const uint32_t dflt = keyAt(*hive, "AppEvents\\EventLabels\\.Default");
    SECTION("subkey name") {
        // Bits 16-31 of the field are flags: only the low 16 bits change.
        img.put16(fieldAt(labels, layout::nk::MaxSubkeyName), 10);
        CheckReport r = img.check();
        REQUIRE(r.errors() == 1);
        const std::string e = errors(r).at(0);
        CHECK(e.rfind("key at 0xbdc8 (\"AppEvents\\EventLabels\"): largest subkey name length field is 10, but the "
                      "subkey at ",
                      0) == 0);
        CHECK(e.ends_with(" has a name of 56 bytes (as UTF-16)"));
    }
    SECTION("value name") {
        img.put32(fieldAt(dflt, layout::nk::MaxValueName), 23);
        CheckReport r = img.check();
        REQUIRE(r.errors() == 1);
        CHECK(errors(r).at(0).rfind("key at 0xd9d8 (\"AppEvents\\EventLabels\\.Default\"): largest value name length "
                                    "field is 23, but the value at ",
                                    0) == 0);
        CHECK(errors(r).at(0).ends_with(" has a name of 24 bytes (as UTF-16)"));
    }
    SECTION("value data") {
        img.put32(fieldAt(dflt, layout::nk::MaxValueData), 33);
        CheckReport r = img.check();
        REQUIRE(r.errors() == 1);
        CHECK(errors(r).at(0).ends_with(" holds 34 bytes"));
    }
    SECTION("larger fields") {
        img.put16(fieldAt(labels, layout::nk::MaxSubkeyName), 500);
        img.put32(fieldAt(dflt, layout::nk::MaxValueName), 500);
        img.put32(fieldAt(dflt, layout::nk::MaxValueData), 50000);
        img.put32(fieldAt(dflt, layout::nk::MaxClass), 500);
        CHECK(img.check().clean());
    }
}

TEST_CASE("A class name longer than its cell, or than the parent's largest class field, is an error",
          "[checker][keys]") {
    Image img("regipy/SYSTEM");
    auto hive = img.open();
    const uint32_t lsa = keyAt(*hive, "ControlSet001\\Control\\Lsa");
    const uint32_t jd = keyAt(*hive, "ControlSet001\\Control\\Lsa\\JD");
    const KeyNode jdNode = nodeAt(*hive, "ControlSet001\\Control\\Lsa\\JD");
    REQUIRE(jdNode.classLength == 16);
    SECTION("the parent's field") {
        // The first subkey in list order with the longest class name.
        uint32_t longest = layout::kNoCell;
        for (uint32_t child : hive->subkeys(nodeAt(*hive, "ControlSet001\\Control\\Lsa"))) {
            auto k = hive->keyNode(child);
            REQUIRE(k);
            if (k->classLength == 16 && longest == layout::kNoCell) longest = child;
        }
        REQUIRE(longest != layout::kNoCell);
        img.put32(fieldAt(lsa, layout::nk::MaxClass), 8);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"key at " + hexOffset(fileOff(lsa)) +
                                       " (\"ControlSet001\\Control\\Lsa\"): largest subkey class length field is 8, "
                                       "but the subkey at " +
                                       hexOffset(fileOff(longest)) + " has a class name of 16 bytes"});
    }
    SECTION("the class cell") {
        img.put16(fieldAt(jd, layout::nk::ClassLength), 200);
        img.put32(fieldAt(lsa, layout::nk::MaxClass), 200);
        auto cell = hive->cell(jdNode.classOffset);
        REQUIRE(cell);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"key at " + hexOffset(fileOff(jd)) +
                                       " (\"ControlSet001\\Control\\Lsa\\JD\"): class name length is 200 bytes, its "
                                       "cell at " +
                                       hexOffset(fileOff(jdNode.classOffset)) + " holds " +
                                       std::to_string(cell->data.size())});
    }
}

TEST_CASE("Value data that does not fit its cell, and inline data over 4 bytes, are errors", "[checker][values]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const KeyNode dflt = nodeAt(*hive, "AppEvents\\EventLabels\\.Default");
    auto values = hive->values(dflt);
    REQUIRE(values.size() == 2);
    auto v0 = hive->valueRecord(values[0]);
    REQUIRE(v0);
    REQUIRE_FALSE(v0->dataInline());
    REQUIRE(fileOff(values[0]) == 0xdfe0);
    const std::string label = "value at 0xdfe0 (the default value of key \"AppEvents\\EventLabels\\.Default\")";
    SECTION("data larger than its cell") {
        auto data = hive->cell(v0->dataOffset);
        REQUIRE(data);
        const uint32_t size = static_cast<uint32_t>(data->data.size()) + 1;
        img.put32(fieldAt(values[0], layout::vk::DataSize), size);
        img.put32(fieldAt(keyAt(*hive, "AppEvents\\EventLabels\\.Default"), layout::nk::MaxValueData), 1000);
        CHECK(errors(img.check()) == std::vector<std::string>{label + ": data size is " + std::to_string(size) +
                                                              " bytes, its cell at " +
                                                              hexOffset(fileOff(v0->dataOffset)) + " holds " +
                                                              std::to_string(size - 1)});
    }
    SECTION("inline data of 5 bytes") {
        img.put32(fieldAt(values[0], layout::vk::DataSize), 0x80000005);
        CheckReport r = img.check();
        CHECK(errors(r) == std::vector<std::string>{label +
                                                    ": inline data declares 5 bytes (at most 4 fit in the data offset "
                                                    "field)"});
        CHECK(offsetOf(r, errors(r).at(0)) == fileOff(values[0]));
    }
}

TEST_CASE("Two values of a key whose names differ only in case are an error", "[checker][values]") {
    Image img("ez/SAM");
    auto hive = img.open();
    const KeyNode account = nodeAt(*hive, "SAM\\Domains\\Account");
    auto values = hive->values(account);
    REQUIRE(values.size() == 2);
    auto v0 = hive->valueRecord(values[0]);
    auto v1 = hive->valueRecord(values[1]);
    REQUIRE(v0);
    REQUIRE(v1);
    REQUIRE(v0->compressedName());
    REQUIRE(v1->nameLength >= v0->nameLength);
    // Value 1 takes value 0's name in lower case.
    std::string lower = v0->nameUtf8();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    img.put16(fieldAt(values[1], layout::vk::NameLength), static_cast<uint16_t>(lower.size()));
    img.put16(fieldAt(values[1], layout::vk::Flags), layout::vk::FlagCompressedName);
    for (size_t i = 0; i < lower.size(); ++i) img.bytes[fieldAt(values[1], layout::vk::Name) + i] = uint8_t(lower[i]);
    CheckReport r = img.check();
    CHECK(errors(r) == std::vector<std::string>{"key at 0x4020 (\"SAM\\Domains\\Account\"): the values at " +
                                                hexOffset(fileOff(values[0])) + " and " +
                                                hexOffset(fileOff(values[1])) + " have the same name (\"" + lower +
                                                "\")"});
}

TEST_CASE("Big data: the segment count must match the size, and data over 16344 bytes must be a db record",
          "[checker][values]") {
    Image img("regipy/SYSTEM");
    auto hive = img.open();
    // The first value of the hive held in a db record.
    uint32_t vkOff = layout::kNoCell, dbOff = layout::kNoCell;
    CellScanner(*hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (classifyCell(c) != CellKind::Value) return true;
        auto v = hive->valueRecord(c.offset);
        if (!v || v->dataInline() || v->dataSize() <= layout::kBigDataSegmentSize) return true;
        vkOff = c.offset;
        dbOff = v->dataOffset;
        return false;
    });
    REQUIRE(vkOff != layout::kNoCell);
    auto v = hive->valueRecord(vkOff);
    REQUIRE(v);
    const uint32_t size = v->dataSize();
    const uint32_t need = (size + 16343) / 16344;
    SECTION("segment count") {
        REQUIRE(img.get16(fieldAt(dbOff, layout::db::SegmentCount)) == need);
        img.put16(fieldAt(dbOff, layout::db::SegmentCount), static_cast<uint16_t>(need - 1));
        CheckReport r = img.check();
        REQUIRE(r.errors() == 1);
        const std::string e = errors(r).at(0);
        CHECK(e.rfind("big data record at " + hexOffset(fileOff(dbOff)) + ": " + std::to_string(need - 1) +
                          " segments, but the " + std::to_string(size) + " bytes of the value at " +
                          hexOffset(fileOff(vkOff)),
                      0) == 0);
        CHECK(e.ends_with(" need " + std::to_string(need)));
    }
    SECTION("not a db record") {
        // A data size over 16344 bytes pointing at an ordinary data cell.
        uint32_t plain = layout::kNoCell;
        CellScanner(*hive).scan([&](const HiveBinInfo&, const Cell& c) {
            if (classifyCell(c) != CellKind::Value) return true;
            auto w = hive->valueRecord(c.offset);
            if (!w || w->dataInline() || w->dataSize() < 8 || w->dataSize() > 16344) return true;
            plain = c.offset;
            return false;
        });
        REQUIRE(plain != layout::kNoCell);
        auto w = hive->valueRecord(plain);
        img.put32(fieldAt(plain, layout::vk::DataSize), 20000);
        CheckReport r = img.check();
        INFO(listing(r));
        bool found = false;
        for (const auto& e : errors(r))
            found |= e.rfind("value at " + hexOffset(fileOff(plain)), 0) == 0 &&
                     e.ends_with("): data of 20000 bytes in a version 1.5 hive must be a big data record: cell at " +
                                 hexOffset(fileOff(w->dataOffset)) + " is not a big data record (no \"db\" signature)");
        CHECK(found);
    }
}

// ---------------------------------------------------------------------------
// Security

TEST_CASE("An sk reference count off by one is an error", "[checker][security]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t sk = nodeAt(*hive, "").security;
    REQUIRE(fileOff(sk) == 0x3ca8);
    const uint32_t count = img.get32(fieldAt(sk, layout::sk::ReferenceCount));
    img.put32(fieldAt(sk, layout::sk::ReferenceCount), count + 1);
    CheckReport r = img.check();
    REQUIRE(count == 1);  // the root's own sk
    CHECK(errors(r) == std::vector<std::string>{"sk at 0x3ca8: reference count is 2, but 1 key points to it"});
    CHECK(offsetOf(r, errors(r).at(0)) == 0x3ca8);
}

TEST_CASE("The sk list: a wrong blink, and an sk left out of the list, are errors", "[checker][security]") {
    Image img("ez/NTUSER1.DAT");
    auto hive = img.open();
    const uint32_t head = nodeAt(*hive, "").security;
    auto a = hive->securityCell(head);
    REQUIRE(a);
    const uint32_t second = a->flink;
    auto b = hive->securityCell(second);
    REQUIRE(b);
    const uint32_t third = b->flink;
    REQUIRE(third != head);
    SECTION("blink") {
        img.put32(fieldAt(third, layout::sk::Blink), head);
        CHECK(errors(img.check()) ==
              std::vector<std::string>{"sk at " + hexOffset(fileOff(third)) + ": blink points to " +
                                       hexOffset(fileOff(head)) + ", but the sk before it in the list is at " +
                                       hexOffset(fileOff(second))});
    }
    SECTION("left out") {
        // head -> third directly: the second sk is still used by keys.
        img.put32(fieldAt(head, layout::sk::Flink), third);
        img.put32(fieldAt(third, layout::sk::Blink), head);
        CheckReport r = img.check();
        REQUIRE(r.errors() == 1);
        CHECK(errors(r).at(0).rfind("sk at " + hexOffset(fileOff(second)) + " is used by ", 0) == 0);
        CHECK(errors(r).at(0).ends_with(") but is not in the sk list"));
    }
}

TEST_CASE("An sk whose descriptor does not decode is an error", "[checker][security]") {
    Image img("ez/SAM");
    auto hive = img.open();
    const uint32_t sk = nodeAt(*hive, "").security;
    img.bytes[fieldAt(sk, layout::sk::Descriptor)] = 7;  // revision 7
    CheckReport r = img.check();
    REQUIRE(r.errors() == 1);
    CHECK(errors(r).at(0).rfind("sk at " + hexOffset(fileOff(sk)) + ": ", 0) == 0);
    CHECK(offsetOf(r, errors(r).at(0)) == fileOff(sk));
}

// ---------------------------------------------------------------------------
// Robustness

TEST_CASE("Random damage never crashes the checker and every error it reports has an offset", "[checker][robust]") {
    const Image original("ez/SAM");
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int round = 0; round < 300; ++round) {
        Image img = original;
        const int writes = 1 + static_cast<int>(next() % 4);
        for (int w = 0; w < writes; ++w) {
            const uint64_t off = kBins + next() % (img.bytes.size() - kBins);
            img.bytes[off] = static_cast<uint8_t>(next());
        }
        auto hive = Hive::fromBytes(img.bytes, "fuzz");
        REQUIRE(hive);
        CheckReport r = checkHive(**hive);
        for (const auto& d : r.diagnostics.items())
            if (d.severity == Severity::Error) CHECK(d.offset != Error::kNoOffset);
    }
}
