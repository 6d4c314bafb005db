// Tests of the test hive builder (tests/support/HiveBuilder): what it
// builds must be a valid hive, for HiveKit and for an independent reader
// (python3-hivex), or the hostile-input tests built on it prove nothing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/SecurityDescriptor.h"
#include "format/ValueData.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;
namespace L = hivekit::layout;

namespace {

/// A hive with every kind of thing the builder places.
HiveBuilder sampleBuilder(uint32_t minor) {
    HiveBuilder b(minor);
    const size_t alpha = b.addKey(HiveBuilder::kRoot, u"Alpha");
    b.addValue(alpha, u"", kRegSz, regSzBytes(u"default"));
    b.addValue(alpha, u"Dword", kRegDword, dwordBytes(42));
    b.addValue(alpha, u"Empty", kRegBinary, {});
    b.addValue(alpha, u"Three", kRegBinary, {1, 2, 3});
    b.addValue(alpha, u"Qword", kRegQword, qwordBytes(0x1122334455667788ull));
    b.addValue(alpha, u"Big", kRegBinary, patternBytes(40000, 3));
    b.addValue(alpha, u"Exactly16344", kRegBinary, patternBytes(16344, 9));
    b.addValue(alpha, u"\u00C4rger \u20AC", kRegSz, regSzBytes(u"\u20AC"));  // UTF-16 name
    b.setClassName(alpha, u"AlphaClass");
    b.addKey(alpha, u"zeta");
    b.addKey(alpha, u"Beta");
    b.addKey(alpha, u"\u00E4pfel");                       // Latin-1 name
    b.addKey(alpha, u"Latin1AsUtf16", NameStorage::Utf16);
    b.addKey(alpha, u"\u03A9mega");                       // UTF-16 name
    const size_t many = b.addKey(HiveBuilder::kRoot, u"Many");
    for (int i = 0; i < 30; ++i) b.addKey(many, u"Child" + std::u16string(1, char16_t(u'A' + i % 26)) + char16_t(u'0' + i / 26));
    b.splitWithIndexRoot(many, 7);
    const size_t li = b.addKey(HiveBuilder::kRoot, u"WithLi");
    b.setListKind(li, ListKind::IndexLeaf);
    b.addKey(li, u"x");
    b.addKey(li, u"y");
    return b;
}

bool haveHivex() { return run({"/usr/bin/python3", "-c", "import hivex"}).exitCode == 0; }

/// What python3-hivex reads from a hive: "K|path" per key, then
/// "V|path|name|type|length|hexdata" per value, in list order.
std::string hivexListing(const std::string& path) {
    const char* script = R"PY(
import hivex, sys
h = hivex.Hivex(sys.argv[1])
out = []
def walk(n, path):
    out.append("K|" + path)
    for v in h.node_values(n):
        t, l = h.value_type(v)
        out.append("V|%s|%s|%d|%d|%s" % (path, h.value_key(v), t, l, h.value_value(v)[1].hex()))
    for c in h.node_children(n):
        walk(c, (path + "\\" if path else "") + h.node_name(c))
walk(h.root(), "")
sys.stdout.write("\n".join(out) + "\n")
)PY";
    auto r = run({"/usr/bin/python3", "-c", script, path});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return r.out;
}

/// The same listing from HiveKit.
std::string hivekitListing(const Hive& hive) {
    std::string out;
    TreeWalker(hive).walk([&](const WalkedKey& k) {
        out += "K|" + *k.path + "\n";
        for (uint32_t off : hive.values(*k.node)) {
            auto v = hive.valueRecord(off);
            REQUIRE(v);
            auto d = hive.valueData(*v);
            REQUIRE(d);
            out += "V|" + *k.path + "|" + v->nameUtf8() + "|" + std::to_string(v->type) + "|" +
                   std::to_string(d->size()) + "|" + hexBytesCompact(d->bytes()) + "\n";
        }
        return true;
    });
    return out;
}

}  // namespace

TEST_CASE("A built hive opens without a single diagnostic and walks completely", "[builder]") {
    for (uint32_t minor : {3u, 5u}) {
        INFO("version 1." << minor);
        const BuiltHive built = sampleBuilder(minor).build();
        auto hive = built.open();
        REQUIRE(hive);
        CHECK((*hive)->diagnostics().empty());
        CHECK((*hive)->header().checksumValid());
        CHECK((*hive)->header().minorVersion == minor);
        const WalkReport r = walkEverything(**hive);
        INFO(r.diagnosticsText());
        CHECK(r.diagnostics.empty());
        CHECK(r.paths.size() == built.keys.size());
        CHECK(r.values == 8);
        CHECK(r.dataRead == 8);
        CHECK(r.classNames == 1);
        CHECK(r.securityCells == built.keys.size());
        CHECK(r.findKeyOk == built.keys.size());
        CHECK(r.pathOfOk == built.keys.size());
        CHECK(r.findValueOk == 8);
        CHECK(r.walked("Alpha\\\xC3\xA4pfel"));
        CHECK(r.walked("Many\\ChildD1"));
    }
}

TEST_CASE("A built hive stores values inline, in a cell or as big data by size and version", "[builder]") {
    for (uint32_t minor : {3u, 5u}) {
        INFO("version 1." << minor);
        const BuiltHive built = sampleBuilder(minor).build();
        auto hive = built.open();
        REQUIRE(hive);
        const Hive& h = **hive;
        auto expectData = [&](size_t index, const std::vector<uint8_t>& want, ValueData::Storage storage) {
            auto v = h.valueRecord(built.value(1, index).vk);
            REQUIRE(v);
            auto d = h.valueData(*v);
            REQUIRE(d);
            CHECK(d->storage == storage);
            CHECK_FALSE(d->shortened);
            CHECK(std::vector<uint8_t>(d->bytes().begin(), d->bytes().end()) == want);
        };
        expectData(1, dwordBytes(42), ValueData::Storage::Inline);
        expectData(2, {}, ValueData::Storage::Inline);
        expectData(3, {1, 2, 3}, ValueData::Storage::Inline);
        expectData(4, qwordBytes(0x1122334455667788ull), ValueData::Storage::Cell);
        expectData(5, patternBytes(40000, 3), minor >= 4 ? ValueData::Storage::BigData : ValueData::Storage::Cell);
        expectData(6, patternBytes(16344, 9), ValueData::Storage::Cell);
        CHECK(built.value(1, 5).bigData == (minor >= 4));
        if (minor >= 4) CHECK(built.value(1, 5).segments.size() == 3);
        CHECK(built.value(1, 1).inlineData);
    }
}

TEST_CASE("A built hive uses lf below 1.5, lh from 1.5, li on request and ri when split", "[builder]") {
    for (uint32_t minor : {3u, 5u}) {
        const BuiltHive built = sampleBuilder(minor).build();
        auto hive = built.open();
        REQUIRE(hive);
        const Hive& h = **hive;
        auto root = h.subkeyList(built.key(0).subkeyList);
        REQUIRE(root);
        CHECK(root->kind == (minor >= 5 ? SubkeyList::Kind::HashLeaf : SubkeyList::Kind::FastLeaf));
        CHECK(root->count == 3);
        auto ri = h.subkeyList(built.key(7).subkeyList);  // "Many"
        REQUIRE(ri);
        CHECK(ri->kind == SubkeyList::Kind::IndexRoot);
        CHECK(ri->count == 5);  // 30 children, 7 per leaf
        REQUIRE(built.key(7).leaves.size() == 5);
        auto lastLeaf = h.subkeyList(built.key(7).leaves[4]);
        REQUIRE(lastLeaf);
        CHECK(lastLeaf->count == 2);
        auto li = h.subkeyList(built.key(38).subkeyList);  // "WithLi"
        REQUIRE(li);
        CHECK(li->kind == SubkeyList::Kind::IndexLeaf);
    }
}

TEST_CASE("A built hive sorts subkeys by upcased name and stores names compressed when they fit Latin-1", "[builder]") {
    const BuiltHive built = sampleBuilder(5).build();
    auto hive = built.open();
    REQUIRE(hive);
    std::vector<std::string> names;
    for (uint32_t off : (*hive)->subkeys(*(*hive)->keyNode(built.key(1).nk))) {
        auto k = (*hive)->keyNode(off);
        REQUIRE(k);
        names.push_back(k->nameUtf8() + (k->compressedName() ? " (latin-1)" : " (utf-16)"));
    }
    // Windows order: by upcased UTF-16 unit, so 'Ä' (0xC4) after 'Z' and 'Ω' (0x3A9) last.
    CHECK(names == std::vector<std::string>{"Beta (latin-1)", "Latin1AsUtf16 (utf-16)", "zeta (latin-1)",
                                            "\xC3\xA4pfel (latin-1)", "\xCE\xA9mega (utf-16)"});
}

TEST_CASE("A built hive shares one sk cell counted by every key", "[builder]") {
    const BuiltHive built = sampleBuilder(5).build();
    auto hive = built.open();
    REQUIRE(hive);
    auto sk = (*hive)->securityCell(built.security);
    REQUIRE(sk);
    CHECK(sk->referenceCount == built.keys.size());
    CHECK(sk->flink == built.security);
    CHECK(sk->blink == built.security);
    auto sd = decodeSecurityDescriptor(sk->descriptor, BuiltHive::dataFileOffsetOf(built.security) + 0x14);
    REQUIRE(sd);
    CHECK(sd->warnings.empty());
    CHECK(sd->toSddl() == "O:BAG:SYD:(A;CI;KA;;;BA)");
}

TEST_CASE("A built hive's key counts and maximum lengths are true", "[builder]") {
    const BuiltHive built = sampleBuilder(5).build();
    auto hive = built.open();
    REQUIRE(hive);
    auto alpha = (*hive)->keyNode(built.key(1).nk);
    REQUIRE(alpha);
    CHECK(alpha->subkeyCount == 5);
    CHECK(alpha->valueCount == 8);
    CHECK(alpha->maxSubkeyNameLength() == 26);  // "Latin1AsUtf16", 13 units
    CHECK(alpha->maxValueNameLength == 24);     // "Exactly16344"
    CHECK(alpha->maxValueDataLength == 40000);
    CHECK(alpha->classLength == 20);
    auto root = (*hive)->keyNode(built.key(0).nk);
    REQUIRE(root);
    CHECK(root->isRoot());
    CHECK(root->maxClassLength == 20);
    auto cls = (*hive)->className(*alpha);
    REQUIRE(cls);
    CHECK(*cls == u"AlphaClass");
}

TEST_CASE("A subtree placed in its own bins shares no bin with other keys", "[builder]") {
    HiveBuilder b(5);
    const size_t a = b.addKey(HiveBuilder::kRoot, u"A");
    const size_t isolated = b.addKey(HiveBuilder::kRoot, u"B");
    const size_t inner = b.addKey(isolated, u"Inner");
    b.addValue(inner, u"v", kRegBinary, patternBytes(100));
    const size_t c = b.addKey(HiveBuilder::kRoot, u"C");
    b.placeInOwnBins(isolated);
    const BuiltHive built = b.build();
    auto binOf = [&](uint32_t cell) {
        for (size_t i = 0; i < built.bins.size(); ++i)
            if (cell >= built.bins[i].first && cell < built.bins[i].first + built.bins[i].second) return i;
        return size_t(999);
    };
    const size_t own = binOf(built.key(isolated).nk);
    CHECK(binOf(built.key(inner).nk) == own);
    CHECK(binOf(built.value(inner, 0).vk) == own);
    CHECK(binOf(built.key(a).nk) != own);
    CHECK(binOf(built.key(c).nk) != own);
    CHECK(binOf(built.key(0).subkeyList) != own);
    auto hive = built.open();
    REQUIRE(hive);
    CHECK((*hive)->diagnostics().empty());
    CHECK((*hive)->bins().size() == built.bins.size());
}

TEST_CASE("python3-hivex reads a built hive exactly as HiveKit does", "[builder][hivex]") {
    INFO("needs Debian's python3-hivex");
    REQUIRE(haveHivex());
    TempDir dir;
    for (uint32_t minor : {3u, 5u}) {
        INFO("version 1." << minor);
        const BuiltHive built = sampleBuilder(minor).build();
        const std::string path = dir.file("built-1." + std::to_string(minor));
        writeFile(path, built.bytes);
        auto hive = built.open();
        REQUIRE(hive);
        const std::string ours = hivekitListing(**hive);
        CHECK(ours == hivexListing(path));
        CHECK(ours.find("V|Alpha|Big|3|40000|") != std::string::npos);
    }
}
