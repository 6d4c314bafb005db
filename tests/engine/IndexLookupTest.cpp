// The lookups every front end shares (index/Index): a path to the chain of
// keys a tree expands, a key to its ancestry, a value by name; names
// compared under the Windows upcase table, which is not towupper.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "format/ValueData.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;
namespace L = hivekit::layout;

namespace {

/// ROOT
/// +- Software        values "Ä" (DWORD 1), "ſ" (long s, DWORD 2), "ı" (dotless i, DWORD 3)
/// |  +- Äpfel
/// |  |  +- Kern
/// |  +- ſchloss   (long s)
/// +- ROOT            a subkey named like the root
///    +- Inner
struct LookupTree {
    HiveBuilder b{5};
    size_t software, apfel, kern, schloss, rootTwin, inner;

    LookupTree() {
        b.setRootName(u"ROOT");
        software = b.addKey(HiveBuilder::kRoot, u"Software");
        b.addValue(software, u"\u00C4", kRegDword, dwordBytes(1));
        b.addValue(software, u"\u017F", kRegDword, dwordBytes(2));
        b.addValue(software, u"\u0131", kRegDword, dwordBytes(3));
        apfel = b.addKey(software, u"\u00C4pfel");
        kern = b.addKey(apfel, u"Kern");
        schloss = b.addKey(software, u"\u017Fchloss");
        rootTwin = b.addKey(HiveBuilder::kRoot, u"ROOT");
        inner = b.addKey(rootTwin, u"Inner");
    }
};

struct Opened {
    BuiltHive built;
    std::unique_ptr<Hive> hive;
};

Opened open(const LookupTree& t) {
    Opened o{t.b.build(), nullptr};
    auto h = o.built.open();
    REQUIRE(h);
    o.hive = std::move(*h);
    return o;
}

uint32_t dwordOf(const Hive& hive, uint32_t vk) {
    auto record = hive.valueRecord(vk);
    REQUIRE(record);
    auto data = hive.valueData(*record);
    REQUIRE(data);
    const Bytes bytes = data->bytes();
    REQUIRE(bytes.size() == 4);
    return uint32_t{bytes[0]} | uint32_t{bytes[1]} << 8 | uint32_t{bytes[2]} << 16 | uint32_t{bytes[3]} << 24;
}

}  // namespace

TEST_CASE("A path gives the chain of keys from the root's child down to it", "[index]") {
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    auto chain = index.findKeyChain("Software\\\u00C4pfel\\Kern");
    REQUIRE(chain);
    CHECK(*chain == std::vector<uint32_t>{o.built.key(t.software).nk, o.built.key(t.apfel).nk,
                                          o.built.key(t.kern).nk});
    CHECK(*index.findKey("Software\\\u00C4pfel\\Kern") == o.built.key(t.kern).nk);
    auto root = index.findKeyChain("");
    REQUIRE(root);
    CHECK(root->empty());
    CHECK(index.findKeyChain("\\")->empty());
    CHECK(*index.findKeyChain("\\Software\\") == std::vector<uint32_t>{o.built.key(t.software).nk});
}

TEST_CASE("A missing path names the component that is missing and the key it is missing from", "[index]") {
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    auto deep = index.findKeyChain("Software\\\u00C4pfel\\Stiel\\Blatt");
    REQUIRE_FALSE(deep);
    CHECK(deep.error().code == ErrorCode::NotFound);
    CHECK(deep.error().message ==
          "no such key: \"Software\\\u00C4pfel\\Stiel\\Blatt\" (\"Software\\\u00C4pfel\" has no subkey \"Stiel\")");
    auto first = index.findKey("Hardware\\Description");
    REQUIRE_FALSE(first);
    CHECK(first.error().message == "no such key: \"Hardware\\Description\" (\"(root)\" has no subkey \"Hardware\")");
    auto empty = index.findKeyChain("Software\\\\Kern");
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::Invalid);
}

TEST_CASE("Key names match under the upcase table: a-umlaut and A-umlaut are one name", "[index][upcase]") {
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    const uint32_t kern = o.built.key(t.kern).nk;
    CHECK(*index.findKey("software\\\u00E4PFEL\\kern") == kern);
    CHECK(*index.findKey("SOFTWARE\\\u00C4pfel\\KERN") == kern);
}

TEST_CASE("Key names that towupper folds but Windows does not are different names", "[index][upcase]") {
    // towupper maps U+017F (long s) to 'S'; the Windows upcase table leaves it.
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    CHECK(*index.findKey("Software\\\u017Fchloss") == o.built.key(t.schloss).nk);
    auto folded = index.findKey("Software\\Schloss");
    REQUIRE_FALSE(folded);
    CHECK(folded.error().code == ErrorCode::NotFound);
    CHECK_FALSE(index.findKey("Software\\SCHLOSS"));
}

TEST_CASE("A value is found by name under the upcase table and not by towupper's folds", "[index][upcase]") {
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    const uint32_t software = o.built.key(t.software).nk;
    auto umlaut = index.findValue(software, u"\u00E4");  // a-umlaut finds the value named A-umlaut
    REQUIRE(umlaut);
    CHECK(*umlaut == o.built.value(t.software, 0).vk);
    CHECK(dwordOf(*o.hive, *umlaut) == 1);
    auto longS = index.findValue(software, u"\u017F");
    REQUIRE(longS);
    CHECK(dwordOf(*o.hive, *longS) == 2);
    // towupper: U+017F -> 'S', U+0131 -> 'I'. Windows: neither.
    for (std::u16string folded : {u"S", u"s", u"I", u"i"}) {
        auto v = index.findValue(software, folded);
        REQUIRE_FALSE(v);
        CHECK(v.error().code == ErrorCode::NotFound);
        CHECK(v.error().message == "no such value: \"" + std::string(1, static_cast<char>(folded[0])) + "\"");
    }
    // By key offset, as by key node.
    auto key = o.hive->keyNode(software);
    REQUIRE(key);
    CHECK(*index.findValue(*key, u"\u0131") == *index.findValue(software, u"\u0131"));
    auto notAKey = index.findValue(o.built.value(t.software, 0).vk, u"x");
    REQUIRE_FALSE(notAKey);
    CHECK(notAKey.error().code != ErrorCode::NotFound);
}

TEST_CASE("A path may start with the root key's own name where the caller allows it", "[index]") {
    LookupTree t;
    Opened o = open(t);
    const Index index(*o.hive);
    const std::vector<uint32_t> kern = *index.findKeyChain("Software\\\u00C4pfel\\Kern");
    CHECK_FALSE(index.findKeyChain("ROOT\\Software\\\u00C4pfel\\Kern"));
    CHECK(*index.findKeyChain("ROOT\\Software\\\u00C4pfel\\Kern", RootNameInPath::Allowed) == kern);
    CHECK(*index.findKeyChain("root\\software", RootNameInPath::Allowed) ==
          std::vector<uint32_t>{o.built.key(t.software).nk});
    // The reading below the root wins: ROOT\Inner is the subkey named ROOT.
    CHECK(*index.findKeyChain("ROOT\\Inner", RootNameInPath::Allowed) ==
          std::vector<uint32_t>{o.built.key(t.rootTwin).nk, o.built.key(t.inner).nk});
    // Missing either way: the message of the reading below the root.
    auto missing = index.findKeyChain("ROOT\\Nowhere", RootNameInPath::Allowed);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "no such key: \"ROOT\\Nowhere\" (\"ROOT\" has no subkey \"Nowhere\")");
}

TEST_CASE("A key's ancestry is the chain its path gives, for every key of a real hive", "[index]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    const Index index(**hive);
    size_t keys = 0;
    Diagnostics ignored;
    TreeWalker(**hive).walk(
        [&](const WalkedKey& k) {
            auto ancestry = index.ancestryOf(k.offset);
            REQUIRE(ancestry);
            REQUIRE(ancestry->size() == k.depth);
            REQUIRE((k.depth == 0 || ancestry->back() == k.offset));
            // Every thousandth key: the path lookup gives the same chain.
            if (keys++ % 1000 == 0) REQUIRE(*index.findKeyChain(*k.path) == *ancestry);
            return true;
        },
        &ignored);
    CHECK(keys > 10000);
    CHECK(index.ancestryOf((*hive)->rootOffset())->empty());
}

TEST_CASE("A parent chain that loops fails the ancestry naming the key instead of hanging", "[index]") {
    LookupTree t;
    BuiltHive built = t.b.build();
    // Äpfel <-> Kern
    built.pokeField32(built.key(t.apfel).nk, L::nk::Parent, built.key(t.kern).nk);
    auto hive = built.open();
    REQUIRE(hive);
    auto chain = Index(**hive).ancestryOf(built.key(t.kern).nk);
    REQUIRE_FALSE(chain);
    CHECK(chain.error().code == ErrorCode::Corrupt);
    CHECK(chain.error().message ==
          "the parent chain of the key at " + hexOffset(BuiltHive::fileOffsetOf(built.key(t.kern).nk)) + " loops");
    // A parent that is no key: the cell's own problem.
    built.pokeField32(built.key(t.apfel).nk, L::nk::Parent, L::kNoCell);
    auto broken = built.open();
    REQUIRE(broken);
    auto none = Index(**broken).ancestryOf(built.key(t.kern).nk);
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "key node: cell offset 0xffffffff (none) used as a cell");
}

TEST_CASE("Paths as regedit, reg.exe and .reg files write them read as hive-relative paths") {
    using V = std::vector<std::string>;
    CHECK(hiveRelativeReadings("HKEY_LOCAL_MACHINE\\SYSTEM\\Select") == V{"Select", "SYSTEM\\Select", "HKEY_LOCAL_MACHINE\\SYSTEM\\Select"});
    CHECK(hiveRelativeReadings("Computer\\HKEY_LOCAL_MACHINE\\SAM\\SAM\\Domains") ==
          V{"SAM\\Domains", "SAM\\SAM\\Domains", "HKEY_LOCAL_MACHINE\\SAM\\SAM\\Domains",
            "Computer\\HKEY_LOCAL_MACHINE\\SAM\\SAM\\Domains"});
    CHECK(hiveRelativeReadings("hklm\\software") == V{"", "software", "hklm\\software"});
    CHECK(hiveRelativeReadings("HKU\\S-1-5-21-1\\Software\\Microsoft") ==
          V{"Software\\Microsoft", "S-1-5-21-1\\Software\\Microsoft", "HKU\\S-1-5-21-1\\Software\\Microsoft"});
    CHECK(hiveRelativeReadings("HKCU\\Software") == V{"Software", "HKCU\\Software"});
    CHECK(hiveRelativeReadings("HKEY_CLASSES_ROOT\\.txt") == V{".txt", "HKEY_CLASSES_ROOT\\.txt"});
    CHECK(hiveRelativeReadings("\\Software\\Classes") == V{"Software\\Classes", "\\Software\\Classes"});
    CHECK(hiveRelativeReadings("Select") == V{"Select"});
    CHECK(hiveRelativeReadings("") == V{""});

    // On a real SAM hive each reading of SAM\Domains finds the same key.
    auto hive = Hive::open(hivePath("regipy/SAM"));
    REQUIRE(hive);
    const Index index(**hive);
    const auto expected = index.findKey("SAM\\Domains");
    REQUIRE(expected);
    for (const char* typed : {"HKEY_LOCAL_MACHINE\\SAM\\SAM\\Domains", "Computer\\HKLM\\SAM\\SAM\\Domains",
                              "HKLM\\SAM\\Domains"}) {
        INFO(typed);
        bool found = false;
        for (const std::string& reading : hiveRelativeReadings(typed)) {
            auto key = index.findKey(reading);
            if (!key) continue;
            CHECK(*key == *expected);
            found = true;
            break;
        }
        CHECK(found);
    }
}
