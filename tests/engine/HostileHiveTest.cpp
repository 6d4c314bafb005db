// Hostile input: hives damaged on purpose (built by HiveBuilder, then
// broken one field at a time) and a real hive cut at every 512 bytes.
// Whatever the damage, opening and a full read (TreeWalker, values, value
// data, class names, sk cells, Index lookups, CellScanner) must terminate,
// never crash or read out of bounds (run these under ASan/UBSan), report
// each problem with its file offset, and lose only what depends on the
// damaged structure: its siblings survive.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/ValueData.h"
#include "hive/CellScanner.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;
namespace L = hivekit::layout;

namespace {

/// The tree every test starts from:
///
///   ROOT
///   +- Alpha   values Dword (inline), Text (cell), Big (40000 bytes, db); class name
///   |  +- A1, A2
///   +- Beta
///   |  +- B1 +- B2 +- B3
///   +- Delta   D0..D5 under an ri, 3 per leaf
///   +- Gamma   G0..G9 under an ri, 4 per leaf; values V0..V2
///   +- Omega   value W; child O1
struct Tree {
    HiveBuilder b{5};
    size_t alpha, a1, a2, beta, b1, b2, b3, delta, gamma, omega, o1;
    std::vector<size_t> d, g;

    Tree() {
        alpha = b.addKey(HiveBuilder::kRoot, u"Alpha");
        b.addValue(alpha, u"Dword", kRegDword, dwordBytes(7));
        b.addValue(alpha, u"Text", kRegSz, regSzBytes(u"hello, world"));
        b.addValue(alpha, u"Big", kRegBinary, patternBytes(40000, 1));
        b.setClassName(alpha, u"AlphaClass");
        a1 = b.addKey(alpha, u"A1");
        a2 = b.addKey(alpha, u"A2");
        beta = b.addKey(HiveBuilder::kRoot, u"Beta");
        b1 = b.addKey(beta, u"B1");
        b2 = b.addKey(b1, u"B2");
        b3 = b.addKey(b2, u"B3");
        delta = b.addKey(HiveBuilder::kRoot, u"Delta");
        for (int i = 0; i < 6; ++i) d.push_back(b.addKey(delta, u"D" + std::u16string(1, char16_t(u'0' + i))));
        b.splitWithIndexRoot(delta, 3);
        gamma = b.addKey(HiveBuilder::kRoot, u"Gamma");
        for (int i = 0; i < 10; ++i) g.push_back(b.addKey(gamma, u"G" + std::u16string(1, char16_t(u'0' + i))));
        b.splitWithIndexRoot(gamma, 4);
        for (int i = 0; i < 3; ++i)
            b.addValue(gamma, u"V" + std::u16string(1, char16_t(u'0' + i)), kRegDword, dwordBytes(uint32_t(i)));
        omega = b.addKey(HiveBuilder::kRoot, u"Omega");
        b.addValue(omega, u"W", kRegQword, qwordBytes(1));
        o1 = b.addKey(omega, u"O1");
    }
};

const std::vector<std::string> kAllPaths = {
    "",         "Alpha",    "Alpha\\A1", "Alpha\\A2", "Beta",     "Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3",
    "Delta",    "Delta\\D0", "Delta\\D1", "Delta\\D2", "Delta\\D3", "Delta\\D4", "Delta\\D5", "Gamma",
    "Gamma\\G0", "Gamma\\G1", "Gamma\\G2", "Gamma\\G3", "Gamma\\G4", "Gamma\\G5", "Gamma\\G6", "Gamma\\G7",
    "Gamma\\G8", "Gamma\\G9", "Omega",    "Omega\\O1"};
constexpr size_t kAllValues = 7;

/// kAllPaths without the given ones, in walk order.
std::vector<std::string> allBut(std::initializer_list<std::string> lost) {
    std::vector<std::string> out;
    for (const auto& p : kAllPaths)
        if (std::find(lost.begin(), lost.end(), p) == lost.end()) out.push_back(p);
    return out;
}

WalkReport openAndWalk(const BuiltHive& built) {
    auto hive = built.open();
    REQUIRE(hive);
    WalkReport r = walkEverything(**hive);
    r.diagnostics.append((*hive)->diagnostics());
    return r;
}

uint64_t fileOf(uint32_t cell) { return BuiltHive::fileOffsetOf(cell); }

/// The byte offset, inside a leaf's data, of entry i's cell offset.
uint32_t leafEntry(const Hive& hive, uint32_t list, size_t i) {
    auto l = hive.subkeyList(list);
    REQUIRE(l);
    return static_cast<uint32_t>(L::list::Entries + i * l->entrySize());
}

uint32_t leafEntry(const BuiltHive& built, uint32_t list, size_t i) {
    auto hive = built.open();
    REQUIRE(hive);
    return leafEntry(**hive, list, i);
}

}  // namespace

TEST_CASE("The undamaged hostile-test tree reads completely", "[hostile]") {
    Tree t;
    const BuiltHive built = t.b.build();
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.diagnostics.empty());
    CHECK(r.paths == kAllPaths);
    CHECK(r.values == kAllValues);
    CHECK(r.dataRead == kAllValues);
    CHECK(r.findKeyOk == kAllPaths.size());
    CHECK(r.pathOfOk == kAllPaths.size());
}

// ---------------------------------------------------------------------------
// Cycles

TEST_CASE("A subkey list that points back to an ancestor is walked once and reported", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    // B2's only subkey becomes Beta, its grandparent.
    built.pokeField32(built.key(t.b2).subkeyList, leafEntry(built, built.key(t.b2).subkeyList, 0), built.key(t.beta).nk);
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.paths == allBut({"Beta\\B1\\B2\\B3"}));
    // B2's listing of Beta is the second one: the root, which Beta's Parent
    // field names, lists it too.
    CHECK(r.hasDiagnostic("(\"Beta\") is listed by the key at " + hexOffset(fileOf(built.key(t.b2).nk)),
                          fileOf(built.key(t.beta).nk)));
    CHECK(r.values == kAllValues);
    // A path that follows the cycle is finite, so the lookup ends.
    auto hive = built.open();
    REQUIRE(hive);
    auto found = Index(**hive).findKey("beta\\b1\\b2\\beta\\b1\\b2\\BETA");
    REQUIRE(found);
    CHECK(*found == built.key(t.beta).nk);
}

TEST_CASE("A key listed by two parents is shown under the one its Parent field names, whatever the walk order",
          "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    // Alpha's list names B1 (Beta's child) in place of A2. Alpha is walked
    // before Beta, so a walk that keeps the first listing would move B1 and
    // its subtree under Alpha and drop it from Beta, which still counts it.
    const uint32_t b1 = built.key(t.b1).nk;
    built.pokeField32(built.key(t.alpha).subkeyList, leafEntry(built, built.key(t.alpha).subkeyList, 1), b1);
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.paths == allBut({"Alpha\\A2"}));
    CHECK(r.hasDiagnostic("key at " + hexOffset(fileOf(b1)) + " (\"B1\") is listed by the key at " +
                              hexOffset(fileOf(built.key(t.alpha).nk)) + " and by its parent at " +
                              hexOffset(fileOf(built.key(t.beta).nk)) +
                              ", which its Parent field names: it is shown under its parent only",
                          fileOf(b1)));
    CHECK_FALSE(r.hasDiagnostic("is reached twice"));
    // The same when the wrong listing comes last: Omega's list names B1.
    BuiltHive late = t.b.build();
    late.pokeField32(late.key(t.omega).subkeyList, leafEntry(late, late.key(t.omega).subkeyList, 0), b1);
    const WalkReport l = openAndWalk(late);
    INFO(l.diagnosticsText());
    CHECK(l.paths == allBut({"Omega\\O1"}));
    CHECK(l.hasDiagnostic("and by its parent at " + hexOffset(fileOf(late.key(t.beta).nk)), fileOf(b1)));
}

TEST_CASE("A subkey list that points back to the root is walked once and reported", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField32(built.key(t.omega).subkeyList, leafEntry(built, built.key(t.omega).subkeyList, 0),
                      built.key(0).nk);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == allBut({"Omega\\O1"}));
    CHECK(r.hasDiagnostic("is reached twice", fileOf(built.key(0).nk)));
}

TEST_CASE("A subkey list whose entry points to the list itself loses that entry only", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t list = built.key(t.alpha).subkeyList;
    built.pokeField32(list, leafEntry(built, list, 0), list);  // A1 -> the lh itself
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.paths == allBut({"Alpha\\A1"}));
    CHECK(r.hasDiagnostic("cell at " + hexOffset(fileOf(list)) + " is not a key node (no \"nk\" signature)",
                          BuiltHive::dataFileOffsetOf(list)));
}

TEST_CASE("An ri whose entry points to the ri itself is refused as nesting, its other leaves survive", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t ri = built.key(t.gamma).subkeyList;
    built.pokeField32(ri, L::list::Entries + 4 * 1, ri);
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.paths == allBut({"Gamma\\G4", "Gamma\\G5", "Gamma\\G6", "Gamma\\G7"}));
    CHECK(r.hasDiagnostic("ri list at " + hexOffset(fileOf(ri)) +
                              " entry 1 points to another ri list (nesting is not allowed)",
                          fileOf(ri)));
    CHECK(r.hasDiagnostic("declares 10 subkeys, its list holds 6"));
    CHECK(r.values == kAllValues);
}

TEST_CASE("An ri that points to another key's ri is refused, that key keeps its own subkeys", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t gammaRi = built.key(t.gamma).subkeyList;
    const uint32_t deltaRi = built.key(t.delta).subkeyList;
    built.pokeField32(gammaRi, L::list::Entries, deltaRi);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == allBut({"Gamma\\G0", "Gamma\\G1", "Gamma\\G2", "Gamma\\G3"}));
    CHECK(r.hasDiagnostic("entry 0 points to another ri list (nesting is not allowed)", fileOf(deltaRi)));
    // Index lookups through the damaged ri fail with a diagnosis, never loop.
    auto hive = built.open();
    REQUIRE(hive);
    auto g0 = Index(**hive).findKey("Gamma\\G0");
    REQUIRE_FALSE(g0);
    CHECK(g0.error().code != ErrorCode::NotFound);
    CHECK(Index(**hive).findKey("Gamma\\G9"));
    CHECK(Index(**hive).findKey("Delta\\D5"));
}

TEST_CASE("A parent chain that loops makes pathOf fail naming the key instead of hanging", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField32(built.key(t.b1).nk, L::nk::Parent, built.key(t.b2).nk);  // B1 <-> B2
    built.pokeField32(built.key(t.a1).nk, L::nk::Parent, built.key(t.a1).nk);  // A1 is its own parent
    auto hive = built.open();
    REQUIRE(hive);
    const Index index(**hive);
    auto p = index.pathOf(built.key(t.b3).nk);
    REQUIRE_FALSE(p);
    CHECK(p.error().code == ErrorCode::Corrupt);
    CHECK(p.error().message == "the parent chain of the key at " + hexOffset(fileOf(built.key(t.b3).nk)) + " loops");
    CHECK(p.error().offset == fileOf(built.key(t.b2).nk));
    auto self = index.pathOf(built.key(t.a1).nk);
    REQUIRE_FALSE(self);
    CHECK(self.error().message == "the parent chain of the key at " + hexOffset(fileOf(built.key(t.a1).nk)) + " loops");
    // The tree itself is intact: the walk and path lookups do not use parents.
    const WalkReport r = walkEverything(**hive);
    CHECK(r.paths == kAllPaths);
    CHECK(r.findKeyOk == kAllPaths.size());
    CHECK(r.pathOfOk == kAllPaths.size() - 4);  // A1, B1, B2, B3
}

TEST_CASE("A parent offset that is no key fails pathOf with the cell's problem", "[hostile][cycle]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField32(built.key(t.b1).nk, L::nk::Parent, L::kNoCell);
    built.pokeField32(built.key(t.a1).nk, L::nk::Parent, built.key(t.alpha).valueList);
    auto hive = built.open();
    REQUIRE(hive);
    auto p = Index(**hive).pathOf(built.key(t.b2).nk);
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "key node: cell offset 0xffffffff (none) used as a cell");
    auto q = Index(**hive).pathOf(built.key(t.a1).nk);
    REQUIRE_FALSE(q);
    CHECK(q.error().message ==
          "cell at " + hexOffset(fileOf(built.key(t.alpha).valueList)) + " is not a key node (no \"nk\" signature)");
}

TEST_CASE("A chain of keys deeper than 512 levels is cut at 512 and reported", "[hostile][cycle]") {
    HiveBuilder b(5);
    size_t at = HiveBuilder::kRoot;
    for (int i = 0; i < 600; ++i) at = b.addKey(at, u"k");
    const BuiltHive built = b.build();
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths.size() == 513);  // the root and 512 levels
    CHECK(r.hasDiagnostic("is nested deeper than 512 levels; its subkeys are not read"));
}

TEST_CASE("An ri that lists the same leaf many times reads that leaf once", "[hostile][cycle]") {
    // Without care, an ri of n entries that all name one leaf of n keys
    // yields n * n subkeys: a 100 KB hive would cost gigabytes.
    HiveBuilder b(5);
    const size_t wide = b.addKey(HiveBuilder::kRoot, u"Wide");
    const size_t repeat = b.addKey(HiveBuilder::kRoot, u"Repeat");
    for (int i = 0; i < 1000; ++i) {
        const std::u16string name = u"k" + std::u16string(1, char16_t(u'A' + i / 100)) +
                                    char16_t(u'A' + i / 10 % 10) + char16_t(u'A' + i % 10);
        b.addKey(wide, name);
        b.addKey(repeat, name);
    }
    b.splitWithIndexRoot(repeat, 1);
    BuiltHive built = b.build();
    const uint32_t ri = built.key(repeat).subkeyList;
    const uint32_t leaf = built.key(wide).subkeyList;
    for (uint32_t i = 0; i < 1000; ++i) built.pokeField32(ri, L::list::Entries + 4 * i, leaf);
    auto hive = built.open();
    REQUIRE(hive);
    Diagnostics sink;
    auto repeatKey = (*hive)->keyNode(built.key(repeat).nk);
    REQUIRE(repeatKey);
    const std::vector<uint32_t> subkeys = (*hive)->subkeys(*repeatKey, &sink);
    CHECK(subkeys.size() == 1000);
    bool reported = false;
    for (const auto& d : sink.items())
        if (d.message == "ri list at " + hexOffset(fileOf(ri)) +
                             " entry 1 names a leaf already read; 999 entries repeat a leaf, each leaf is read once" &&
            d.offset == fileOf(ri))
            reported = true;
    CHECK(reported);
    const WalkReport r = walkEverything(**hive);
    CHECK(r.paths.size() == 1 + 2 + 1000);  // the root, Wide, Repeat, the thousand keys once
    // Under Wide, the parent their Parent fields name, though Repeat comes
    // first in the walk.
    CHECK(std::count_if(r.paths.begin(), r.paths.end(), [](const std::string& p) { return p.rfind("Wide\\", 0) == 0; }) ==
          1000);
    CHECK(r.hasDiagnostic("which its Parent field names: it is shown under its parent only"));
}

// ---------------------------------------------------------------------------
// Counts

TEST_CASE("A value count of 0xFFFFFFFF reads the values its list has room for", "[hostile][counts]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField32(built.key(t.alpha).nk, L::nk::ValueCount, 0xFFFFFFFF);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == kAllPaths);
    CHECK(r.values == kAllValues);
    CHECK(r.hasDiagnostic("value list at " + hexOffset(fileOf(built.key(t.alpha).valueList)) +
                              " holds room for 3 values, the key declares 4294967295",
                          fileOf(built.key(t.alpha).valueList)));
}

TEST_CASE("A subkey count of 0xFFFFFFFF reads the list and warns", "[hostile][counts]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField32(built.key(t.alpha).nk, L::nk::SubkeyCount, 0xFFFFFFFF);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == kAllPaths);
    CHECK(r.hasDiagnostic("key at " + hexOffset(fileOf(built.key(t.alpha).nk)) +
                          " declares 4294967295 subkeys, its list holds 2"));
}

TEST_CASE("A list count larger than its cell loses that list only", "[hostile][counts]") {
    Tree t;
    BuiltHive built = t.b.build();
    built.pokeField16(built.key(t.alpha).subkeyList, L::list::Count, 0xFFFF);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == allBut({"Alpha\\A1", "Alpha\\A2"}));
    CHECK(r.hasDiagnostic("lh list at " + hexOffset(fileOf(built.key(t.alpha).subkeyList)) +
                          ": 65535 entries do not fit its cell (20 bytes)"));
}

// ---------------------------------------------------------------------------
// Offsets that lead nowhere

namespace {

/// One field that holds a cell offset, what the damage loses, and what it
/// must leave alone.
struct Target {
    const char* what;
    uint32_t cell;       ///< the cell holding the field
    uint32_t field;      ///< the field's offset in the cell's data
    uint32_t original;   ///< the offset stored there
    std::vector<std::string> lost;
    size_t valuesLost;
    size_t dataLost;     ///< values whose vk reads but whose data does not
};

std::vector<Target> targets(const Tree& t, const BuiltHive& built) {
    const BuiltKey& alpha = built.key(t.alpha);
    const BuiltValue& text = built.value(t.alpha, 1);
    const BuiltValue& big = built.value(t.alpha, 2);
    return {
        {"the subkey list of Beta", built.key(t.beta).nk, L::nk::SubkeyList, built.key(t.beta).subkeyList,
         {"Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3"}, 0, 0},
        {"the first entry of Beta's list", built.key(t.beta).subkeyList,
         leafEntry(built, built.key(t.beta).subkeyList, 0), built.key(t.b1).nk,
         {"Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3"}, 0, 0},
        {"the second leaf of Gamma's ri", built.key(t.gamma).subkeyList, L::list::Entries + 4,
         built.key(t.gamma).leaves[1], {"Gamma\\G4", "Gamma\\G5", "Gamma\\G6", "Gamma\\G7"}, 0, 0},
        {"the value list of Alpha", alpha.nk, L::nk::ValueList, alpha.valueList, {}, 3, 0},
        {"the second entry of Alpha's value list", alpha.valueList, 4, text.vk, {}, 1, 0},
        {"the data offset of Text", text.vk, L::vk::DataOffset, text.data, {}, 0, 1},
        {"the data offset of Big", big.vk, L::vk::DataOffset, big.data, {}, 0, 1},
        {"the segment list of Big's db", big.data, L::db::SegmentList, big.segmentList, {}, 0, 1},
        {"the second segment of Big", big.segmentList, 4, big.segments[1], {}, 0, 1},
        {"the class name of Alpha", alpha.nk, L::nk::Class, alpha.classCell, {}, 0, 0},
        {"the security cell of Gamma", built.key(t.gamma).nk, L::nk::Security, built.security, {}, 0, 0},
    };
}

struct Bad {
    const char* what;
    uint32_t offset;
    std::string message;  ///< what the diagnostic must contain
};

std::vector<Bad> badOffsets(const BuiltHive& built, uint32_t original) {
    const uint32_t binsEnd = built.bins.back().first + built.bins.back().second;
    const uint32_t secondBin = built.bins.at(1).first;
    return {
        {"0xFFFFFFFF", 0xFFFFFFFF, "cell offset 0xffffffff (none) used as a cell"},
        {"past the end", binsEnd + 0x1000,
         "cell offset " + hexOffset(binsEnd + 0x1000) + " (file " + hexOffset(uint64_t{binsEnd} + 0x2000) +
             ") lies outside the hive bins (" + hexOffset(binsEnd) + " bytes)"},
        {"the largest aligned offset", 0xFFFFFFF8, "lies outside the hive bins"},
        {"the first hbin header", 0, "cell offset 0x0 points into an hbin header"},
        {"another hbin's header", secondBin + 8, "cell offset " + hexOffset(secondBin + 8) + " points into an hbin header"},
        {"misaligned", original + 4, "cell offset " + hexOffset(original + 4) + " is not 8-byte aligned"},
    };
}

}  // namespace

TEST_CASE("An offset to nowhere loses what depends on it and is reported with its file offset", "[hostile][offsets]") {
    Tree t;
    const BuiltHive pristine = t.b.build();
    REQUIRE(pristine.bins.size() >= 2);
    for (const Target& target : targets(t, pristine)) {
        for (const Bad& bad : badOffsets(pristine, target.original)) {
            INFO(target.what << " set to " << bad.what << " (" << hexOffset(bad.offset) << ")");
            BuiltHive built = pristine;
            REQUIRE(built.peek32(BuiltHive::dataFileOffsetOf(target.cell) + target.field) == target.original);
            built.pokeField32(target.cell, target.field, bad.offset);
            const WalkReport r = openAndWalk(built);
            INFO(r.diagnosticsText());
            std::vector<std::string> expected;
            for (const auto& p : kAllPaths)
                if (std::find(target.lost.begin(), target.lost.end(), p) == target.lost.end()) expected.push_back(p);
            CHECK(r.paths == expected);
            CHECK(r.values == kAllValues - target.valuesLost);
            CHECK(r.dataRead == kAllValues - target.valuesLost - target.dataLost);
            // A class offset of 0xFFFFFFFF is the format's "no class name":
            // read as none, whatever the class length says.
            const bool meansNone = bad.offset == L::kNoCell && target.field == L::nk::Class;
            if (!meansNone) CHECK(r.hasDiagnostic(bad.message, uint64_t{bad.offset} + 0x1000));
            // Every other key is still found by path.
            CHECK(r.findKeyOk == expected.size());
        }
    }
}

// ---------------------------------------------------------------------------
// Cell sizes

TEST_CASE("A key node whose cell size is 0 or huge is lost alone, the cell scan stops in its bin", "[hostile][cells]") {
    for (int32_t raw : {0, std::numeric_limits<int32_t>::min(), -0x7FFFFFF8, 0x7FFFFFF8, -4, -12}) {
        INFO("cell size " << raw);
        Tree t;
        BuiltHive built = t.b.build();
        const uint32_t beta = built.key(t.beta).nk;
        built.setCellSize(beta, raw);
        const WalkReport r = openAndWalk(built);
        INFO(r.diagnosticsText());
        CHECK(r.paths == allBut({"Beta", "Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3"}));
        CHECK(r.values == kAllValues);
        CHECK(r.hasDiagnostic("key node: cell at " + hexOffset(fileOf(beta)) + ": size ", fileOf(beta)));
        CHECK(r.hasDiagnostic("; the rest of the hbin at ", fileOf(beta)));
    }
}

TEST_CASE("A key node in a free cell is lost alone and reported", "[hostile][cells]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t beta = built.key(t.beta).nk;
    built.setCellSize(beta, -built.cellSize(beta));
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == allBut({"Beta", "Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3"}));
    CHECK(r.hasDiagnostic("key node at " + hexOffset(fileOf(beta)) + " is a free cell", fileOf(beta)));
}

// ---------------------------------------------------------------------------
// Value data

TEST_CASE("A db whose segment count exceeds its segment list fails that value only", "[hostile][data]") {
    Tree t;
    BuiltHive built = t.b.build();
    const BuiltValue& big = built.value(t.alpha, 2);
    built.pokeField16(big.data, L::db::SegmentCount, 0xFFFF);
    auto hive = built.open();
    REQUIRE(hive);
    auto v = (*hive)->valueRecord(big.vk);
    REQUIRE(v);
    auto d = (*hive)->valueData(*v);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == ErrorCode::Corrupt);
    CHECK(d.error().message == "big data at " + hexOffset(fileOf(big.data)) +
                                   ": 65535 segments do not fit its segment list at " + hexOffset(fileOf(big.segmentList)));
    CHECK(d.error().offset == fileOf(big.segmentList));
    const WalkReport r = walkEverything(**hive);
    CHECK(r.paths == kAllPaths);
    CHECK(r.dataRead == kAllValues - 1);
}

TEST_CASE("A db with fewer segments than its size needs gives the data found, marked shortened", "[hostile][data]") {
    for (uint16_t segments : {0, 1, 2}) {
        INFO(segments << " segments");
        Tree t;
        BuiltHive built = t.b.build();
        const BuiltValue& big = built.value(t.alpha, 2);
        built.pokeField16(big.data, L::db::SegmentCount, segments);
        auto hive = built.open();
        REQUIRE(hive);
        auto d = (*hive)->valueData(*(*hive)->valueRecord(big.vk));
        REQUIRE(d);
        CHECK(d->shortened);
        CHECK(d->size() == segments * size_t{16344});
        const auto want = patternBytes(40000, 1);
        CHECK(std::equal(d->bytes().begin(), d->bytes().end(), want.begin()));
    }
}

TEST_CASE("A db value that declares 2 GiB reads what its segments hold without reserving 2 GiB", "[hostile][data]") {
    Tree t;
    BuiltHive built = t.b.build();
    const BuiltValue& big = built.value(t.alpha, 2);
    built.pokeField32(big.vk, L::vk::DataSize, 0x7FFFFFFF);
    auto hive = built.open();
    REQUIRE(hive);
    auto d = (*hive)->valueData(*(*hive)->valueRecord(big.vk));
    REQUIRE(d);
    CHECK(d->shortened);
    CHECK(d->size() == 40000);  // what the three segments hold
}

TEST_CASE("Inline data longer than 4 bytes fails that value with its size", "[hostile][data]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t vk = built.value(t.alpha, 0).vk;
    built.pokeField32(vk, L::vk::DataSize, 0x80000000 | 5);
    auto hive = built.open();
    REQUIRE(hive);
    auto d = (*hive)->valueData(*(*hive)->valueRecord(vk));
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "value at " + hexOffset(fileOf(vk)) + ": inline data declares 5 bytes (at most 4 fit)");
    CHECK(d.error().offset == BuiltHive::dataFileOffsetOf(vk) + L::vk::DataSize);
}

TEST_CASE("Data larger than its cell that is not a db fails that value with both sizes", "[hostile][data]") {
    Tree t;
    BuiltHive built = t.b.build();
    const BuiltValue& text = built.value(t.alpha, 1);
    built.pokeField32(text.vk, L::vk::DataSize, 1000);
    auto hive = built.open();
    REQUIRE(hive);
    auto d = (*hive)->valueData(*(*hive)->valueRecord(text.vk));
    REQUIRE_FALSE(d);
    CHECK(d.error().message == "value at " + hexOffset(fileOf(text.vk)) + ": declares 1000 bytes of data but its data cell at " +
                                   hexOffset(fileOf(text.data)) + " holds 28 and is not a big data record");
}

// ---------------------------------------------------------------------------
// Names

TEST_CASE("A key whose name is longer than its cell is lost, its siblings and their lookups survive", "[hostile][names]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t beta = built.key(t.beta).nk;
    built.pokeField16(beta, L::nk::NameLength, 0xFFFF);
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    CHECK(r.paths == allBut({"Beta", "Beta\\B1", "Beta\\B1\\B2", "Beta\\B1\\B2\\B3"}));
    CHECK(r.hasDiagnostic("can't read the name of key node at " + hexOffset(BuiltHive::dataFileOffsetOf(beta) + 0x4C)));
    // Binary search among the root's subkeys meets Beta on the way to Alpha:
    // the unreadable entry must not hide its readable neighbours.
    CHECK(r.findKeyOk == r.paths.size());
    auto hive = built.open();
    REQUIRE(hive);
    auto lost = Index(**hive).findKey("Beta");
    REQUIRE_FALSE(lost);
    CHECK(lost.error().code != ErrorCode::NotFound);  // unreadable, not absent
    CHECK(lost.error().message.find("can't read the name of key node") != std::string::npos);
    auto absent = Index(**hive).findKey("Zulu");
    REQUIRE_FALSE(absent);
}

TEST_CASE("A value whose name is longer than its cell is lost, the key's other values survive", "[hostile][names]") {
    Tree t;
    BuiltHive built = t.b.build();
    const uint32_t vk = built.value(t.alpha, 1).vk;
    built.pokeField16(vk, L::vk::NameLength, 0x100);
    const WalkReport r = openAndWalk(built);
    CHECK(r.paths == kAllPaths);
    CHECK(r.values == kAllValues - 1);
    CHECK(r.hasDiagnostic("can't read the name of value record at " + hexOffset(BuiltHive::dataFileOffsetOf(vk) + 0x14)));
    auto hive = built.open();
    REQUIRE(hive);
    auto alpha = (*hive)->keyNode(built.key(t.alpha).nk);
    REQUIRE(alpha);
    CHECK(Index(**hive).findValue(*alpha, u"big"));
    CHECK_FALSE(Index(**hive).findValue(*alpha, u"Text"));
}

// ---------------------------------------------------------------------------
// Bins and the header

TEST_CASE("A damaged hbin loses the subtree stored in it, the rest of the hive reads", "[hostile][bins]") {
    Tree t;
    t.b.placeInOwnBins(t.gamma);
    BuiltHive built = t.b.build();
    const uint32_t gamma = built.key(t.gamma).nk;
    uint32_t binStart = 0;
    for (auto [off, size] : built.bins)
        if (gamma >= off && gamma < off + size) binStart = off;
    built.poke32(fileOf(binStart), 0x21436587);  // the "hbin" signature
    const WalkReport r = openAndWalk(built);
    INFO(r.diagnosticsText());
    std::vector<std::string> expected;
    for (const auto& p : kAllPaths)
        if (p.rfind("Gamma", 0) != 0) expected.push_back(p);
    CHECK(r.paths == expected);
    CHECK(r.hasDiagnostic("hbin at " + hexOffset(fileOf(binStart)) + ": bad signature (expected \"hbin\")", fileOf(binStart)));
    CHECK(r.hasDiagnostic("key node: cell at " + hexOffset(fileOf(gamma)) + " lies in the damaged hbin at " +
                          hexOffset(fileOf(binStart))));
    CHECK(r.values == kAllValues - 3);
}

TEST_CASE("A built hive cut at every 512 bytes opens, reads what is left and reports the cut", "[hostile][truncation]") {
    Tree t;
    t.b.placeInOwnBins(t.omega);
    const BuiltHive built = t.b.build();
    size_t previousKeys = 0;
    for (size_t len = 512; len <= built.bytes.size(); len += 512) {
        INFO("length " << len);
        std::vector<uint8_t> cut(built.bytes.begin(), built.bytes.begin() + static_cast<ptrdiff_t>(len));
        auto hive = Hive::fromBytes(cut);
        if (len < 4096) {
            REQUIRE_FALSE(hive);
            CHECK(hive.error().code == ErrorCode::Truncated);
            continue;
        }
        REQUIRE(hive);
        const WalkReport r = walkEverything(**hive);
        CHECK(r.paths.size() >= previousKeys);
        previousKeys = r.paths.size();
        if (len < built.bytes.size())
            CHECK((*hive)->diagnostics().items().front().message.find("truncated: the base block declares") == 0);
    }
    CHECK(previousKeys == kAllPaths.size());
    // Cut just before Omega's own bins: everything but Omega's subtree is there.
    uint32_t omegaBin = 0;
    for (auto [off, size] : built.bins)
        if (built.key(t.omega).nk >= off && built.key(t.omega).nk < off + size) omegaBin = off;
    std::vector<uint8_t> cut(built.bytes.begin(), built.bytes.begin() + static_cast<ptrdiff_t>(fileOf(omegaBin)));
    auto hive = Hive::fromBytes(cut);
    REQUIRE(hive);
    const WalkReport r = walkEverything(**hive);
    CHECK(r.paths == allBut({"Omega", "Omega\\O1"}));
    CHECK(r.hasDiagnostic("key node: cell offset " + hexOffset(built.key(t.omega).nk)));
}

TEST_CASE("A hive bins size of 0, unaligned or past the file falls back to the file size", "[hostile][bins]") {
    for (uint32_t declared : {0u, 0x1234u, 0x10000000u, 0xFFFFF000u, 0xFFFFFFFFu}) {
        INFO("declared " << hexOffset(declared));
        Tree t;
        BuiltHive built = t.b.build();
        built.poke32(L::base::HiveBinsDataSize, declared);
        built.fixChecksum();
        const WalkReport r = openAndWalk(built);
        CHECK(r.paths == kAllPaths);
        CHECK((r.hasDiagnostic("hive bins", L::base::HiveBinsDataSize) || r.hasDiagnostic("truncated: the base block")));
    }
}

TEST_CASE("A base block with a wrong checksum gives way to the hbins present for the hive bins size", "[hostile][bins]") {
    Tree t;
    BuiltHive clean = t.b.build();
    auto cleanHive = clean.open();
    REQUIRE(cleanHive);
    const uint32_t present = (*cleanHive)->binsEnd();
    REQUIRE(present > 0x1000);
    for (uint32_t declared : {0x1000u, present + 0x3000u, 0x10000000u}) {
        INFO("declared " << hexOffset(declared));
        BuiltHive built = t.b.build();
        built.poke32(L::base::HiveBinsDataSize, declared);  // the checksum is now wrong
        auto hive = built.open();
        REQUIRE(hive);
        CHECK((*hive)->binsEnd() == present);
        const WalkReport r = openAndWalk(built);
        CHECK(r.paths == kAllPaths);
        CHECK(r.hasDiagnostic("the base block's checksum is wrong, so its hive bins data size " + hexOffset(declared) +
                                  " is not trusted: the hbins present end at " + hexOffset(present) + "; using that",
                              L::base::HiveBinsDataSize));
        CHECK_FALSE(r.hasDiagnostic("truncated: the base block"));
    }
    // With a correct checksum the declared size stands (a short one hides
    // the bins past it, as Windows would).
    BuiltHive trusted = t.b.build();
    trusted.poke32(L::base::HiveBinsDataSize, 0x1000);
    trusted.fixChecksum();
    auto hive = trusted.open();
    REQUIRE(hive);
    CHECK((*hive)->binsEnd() == 0x1000);
}

TEST_CASE("A root offset that leads nowhere opens with no keys and a diagnosis", "[hostile][bins]") {
    for (uint32_t root : {0xFFFFFFFFu, 0u, 0x24u, 0x7FFFFFF8u}) {
        INFO("root " << hexOffset(root));
        Tree t;
        BuiltHive built = t.b.build();
        built.poke32(L::base::RootCellOffset, root);
        built.fixChecksum();
        const WalkReport r = openAndWalk(built);
        CHECK(r.paths.empty());
        CHECK_FALSE(r.diagnostics.empty());
        auto hive = built.open();
        REQUIRE(hive);
        CHECK_FALSE(Index(**hive).findKey("Alpha"));
        CHECK_FALSE(Index(**hive).findKey(""));
    }
}

// ---------------------------------------------------------------------------
// A real hive cut at every 512 bytes

TEST_CASE("ez/SAM cut at every 512-byte boundary opens and reads what is left", "[hostile][truncation][real]") {
    const std::vector<uint8_t> whole = readFile(hivePath("ez/SAM"));
    REQUIRE(whole.size() == 262144);
    size_t previousKeys = 0;
    for (size_t len = 512; len <= whole.size(); len += 512) {
        INFO("length " << len);
        std::vector<uint8_t> cut(whole.begin(), whole.begin() + static_cast<ptrdiff_t>(len));
        auto hive = Hive::fromBytes(cut, "SAM");
        if (len < 4096) {
            REQUIRE_FALSE(hive);
            CHECK(hive.error().code == ErrorCode::Truncated);
            CHECK(hive.error().message ==
                  "SAM: truncated: " + std::to_string(len) + " bytes, shorter than the 4096-byte base block");
            continue;
        }
        REQUIRE(hive);
        const WalkReport r = walkEverything(**hive);
        CHECK(r.paths.size() >= previousKeys);
        previousKeys = r.paths.size();
        const uint64_t declared = (*hive)->header().hiveBinsDataSize;
        if (len < 4096 + declared) {
            const auto& first = (*hive)->diagnostics().items().at(0);
            CHECK(first.message == "truncated: the base block declares " + hexOffset(declared) +
                                       " bytes of hive bins but the file holds " + hexOffset(len - 4096));
            CHECK(first.offset == len);
            // Whatever was lost is said, with an offset.
            if (r.paths.size() < 68) {
                bool offsets = true;
                for (const auto& d : r.diagnostics.items()) offsets = offsets && d.offset != Error::kNoOffset;
                CHECK(offsets);
                CHECK_FALSE(r.diagnostics.empty());
            }
        }
    }
    CHECK(previousKeys == 68);  // as hivex counts ez/SAM
}
