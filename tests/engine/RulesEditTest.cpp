// The format's rules every strategy keeps (merge/TreeEditor.h): list kinds
// by version, sorted lists split at Windows' leaf size, inline and big
// data, compressed names, security reference counts, key fields.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/EditTestSupport.h"
#include "format/BigData.h"
#include "format/Layout.h"
#include "index/Index.h"
#include "merge/Session.h"
#include "merge/TreeEditor.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

constexpr StrategyKind kAll[] = {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid};

std::string freshHive(const TempDir& dir, uint32_t minor = 5, const std::string& name = "rules.hiv") {
    const std::string path = dir.file(name);
    NewHiveOptions o;
    o.timestamp = kTestClock - 1;
    o.minorVersion = minor;
    REQUIRE(createHive(path, o));
    return path;
}

/// Applies and commits a plan with a strategy; returns the committed hive.
std::unique_ptr<Hive> commitPlan(const std::string& path, const Plan& plan, StrategyKind kind = StrategyKind::Hybrid) {
    SessionOptions o;
    o.strategy = kind;
    o.tx.clock = [] { return kTestClock; };
    auto s = Session::open(path, o);
    REQUIRE(s);
    auto applied = (*s)->apply(plan);
    INFO((applied ? std::string() : applied.error().message));
    REQUIRE(applied);
    REQUIRE((*s)->commit());
    requireClean(path);
    auto h = Hive::open(path);
    REQUIRE(h);
    return std::move(*h);
}

KeyNode keyAt(const Hive& hive, const std::string& path) {
    auto off = Index(hive).findKey(path);
    REQUIRE(off);
    auto k = hive.keyNode(*off);
    REQUIRE(k);
    return *k;
}

ValueRecord valueAt(const Hive& hive, const std::string& path, const std::string& name) {
    const KeyNode k = keyAt(hive, path);
    auto off = Index(hive).findValue(k, utf8ToUtf16(name));
    REQUIRE(off);
    auto v = hive.valueRecord(*off);
    REQUIRE(v);
    return *v;
}

}  // namespace

TEST_CASE("new subkey leaves are lh from version 1.5 and lf below", "[edit][rules]") {
    for (uint32_t minor : {3u, 5u}) {
        TempDir dir;
        const std::string path = freshHive(dir, minor);
        auto hive = commitPlan(path, Plan().createKey("A\\B").createKey("A\\C"));
        auto list = hive->subkeyList(keyAt(*hive, "A").subkeyList);
        REQUIRE(list);
        CHECK(list->kind == (minor == 5 ? SubkeyList::Kind::HashLeaf : SubkeyList::Kind::FastLeaf));
        CHECK(list->count == 2);
    }
}

TEST_CASE("subkeys stay sorted by the Windows upcase and a full leaf splits under an ri", "[edit][rules]") {
    for (StrategyKind kind : kAll) {
        INFO("strategy " << strategyName(kind));
        TempDir dir;
        const std::string path = freshHive(dir);
        Plan p;
        // 1014 names in a scrambled order; mixed case and non-ASCII.
        std::vector<std::string> names;
        for (int i = 0; i < 1014; ++i) names.push_back((i % 3 == 0 ? "key" : "Key") + std::to_string((i * 7919) % 100000));
        names.push_back("äpfel");
        names.push_back("Zebra");
        names.push_back("_underscore");
        for (const auto& n : names) p.createKey("Parent\\" + n);
        auto hive = commitPlan(path, p, kind);
        const KeyNode parent = keyAt(*hive, "Parent");
        CHECK(parent.subkeyCount == names.size());
        auto root = hive->subkeyList(parent.subkeyList);
        REQUIRE(root);
        REQUIRE(root->kind == SubkeyList::Kind::IndexRoot);
        size_t total = 0;
        for (size_t i = 0; i < root->count; ++i) {
            auto leaf = hive->subkeyList(root->offsetAt(i));
            REQUIRE(leaf);
            CHECK(leaf->kind == SubkeyList::Kind::HashLeaf);
            CHECK(leaf->count <= TreeEditor::kMaxLeafEntries);
            total += leaf->count;
        }
        CHECK(total == names.size());
        // Sorted order across leaves (the checker also verifies hashes).
        std::vector<uint32_t> offsets = hive->subkeys(parent);
        for (size_t i = 1; i < offsets.size(); ++i)
            CHECK(compareNames(hive->keyNode(offsets[i - 1])->name(), hive->keyNode(offsets[i])->name()) < 0);
        // Lookups through the ri work for every name.
        for (const auto& n : names) CHECK(Index(*hive).findKey("Parent\\" + n));
    }
}

TEST_CASE("the first split of a full leaf gives two halves, as Windows' CmpSplitLeaf", "[edit][rules]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    Plan p;
    for (int i = 0; i < 1013; ++i) p.createKey("P\\k" + std::to_string(10000 + i));
    auto hive = commitPlan(path, p);
    auto leaf = hive->subkeyList(keyAt(*hive, "P").subkeyList);
    REQUIRE(leaf);
    CHECK(leaf->kind == SubkeyList::Kind::HashLeaf);
    CHECK(leaf->count == 1013);
    hive = commitPlan(path, Plan().createKey("P\\k5"));
    auto root = hive->subkeyList(keyAt(*hive, "P").subkeyList);
    REQUIRE(root);
    REQUIRE(root->kind == SubkeyList::Kind::IndexRoot);
    REQUIRE(root->count == 2);
    CHECK(hive->subkeyList(root->offsetAt(0))->count == 507);
    CHECK(hive->subkeyList(root->offsetAt(1))->count == 507);
    // Deleting empties leaves: the ri loses them; the last delete frees all.
    Plan del;
    for (int i = 0; i < 1013; ++i) del.deleteKey("P\\k" + std::to_string(10000 + i));
    del.deleteKey("P\\k5");
    hive = commitPlan(path, del, StrategyKind::InPlace);
    const KeyNode parent = keyAt(*hive, "P");
    CHECK(parent.subkeyCount == 0);
    CHECK(parent.subkeyList == layout::kNoCell);
    CHECK(parent.maxSubkeyNameLength() == 0);
}

TEST_CASE("data of 4 bytes or less is inline, more in a cell, over 16344 in big data from version 1.4", "[edit][rules]") {
    for (uint32_t minor : {3u, 5u}) {
        INFO("version 1." << minor);
        TempDir dir;
        const std::string path = freshHive(dir, minor);
        Plan p;
        for (size_t size : {0u, 1u, 4u, 5u, 16344u, 16345u, 40000u})
            p.setValue("K", "v" + std::to_string(size), kRegBinary, patternBytes(size, 3), true);
        auto hive = commitPlan(path, p);
        for (size_t size : {0u, 1u, 4u, 5u, 16344u, 16345u, 40000u}) {
            INFO("size " << size);
            const ValueRecord v = valueAt(*hive, "K", "v" + std::to_string(size));
            CHECK(v.dataSize() == size);
            CHECK(v.dataInline() == (size <= 4));
            auto data = hive->valueData(v);
            REQUIRE(data);
            CHECK(std::vector<uint8_t>(data->bytes().begin(), data->bytes().end()) == patternBytes(size, 3));
            if (size > 4) {
                auto cell = hive->allocatedCell(v.dataOffset, "data");
                REQUIRE(cell);
                const bool big = minor >= 4 && size > 16344;
                CHECK(looksLikeBigData(cell->data) == big);
                if (big) {
                    auto db = decodeBigData(cell->data, 0);
                    REQUIRE(db);
                    CHECK(db->segmentCount == (size + 16343) / 16344);
                }
            }
        }
    }
}

TEST_CASE("names are stored compressed when every character fits Latin-1", "[edit][rules]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    Plan p;
    p.createKey("Plain\\Größe");
    p.createKey("Plain\\日本");
    p.setValue("Plain", "ÿ", kRegNone, {});
    p.setValue("Plain", "Ω", kRegNone, {});
    auto hive = commitPlan(path, p);
    CHECK(keyAt(*hive, "Plain").compressedName());
    CHECK(keyAt(*hive, "Plain\\Größe").compressedName());
    CHECK(keyAt(*hive, "Plain\\Größe").nameLength == 5);
    CHECK_FALSE(keyAt(*hive, "Plain\\日本").compressedName());
    CHECK(keyAt(*hive, "Plain\\日本").nameLength == 4);
    CHECK(valueAt(*hive, "Plain", "ÿ").compressedName());
    CHECK_FALSE(valueAt(*hive, "Plain", "Ω").compressedName());
    // Renaming changes the storage with the name.
    hive = commitPlan(path, Plan().renameKey("Plain\\日本", "Nihon").renameValue("Plain", "ÿ", "Ж"));
    CHECK(keyAt(*hive, "Plain\\Nihon").compressedName());
    CHECK_FALSE(valueAt(*hive, "Plain", "Ж").compressedName());
}

TEST_CASE("new keys share their parent's security cell and deletes release it", "[edit][rules]") {
    for (StrategyKind kind : kAll) {
        INFO("strategy " << strategyName(kind));
        TempDir dir;
        const std::string path = freshHive(dir);
        auto hive = commitPlan(path, Plan().createKey("A\\B\\C").createKey("A\\D"), kind);
        const KeyNode root = keyAt(*hive, "");
        auto sk = hive->securityCell(root.security);
        REQUIRE(sk);
        CHECK(sk->referenceCount == 5);
        for (const char* k : {"A", "A\\B", "A\\B\\C", "A\\D"}) CHECK(keyAt(*hive, k).security == root.security);
        hive = commitPlan(path, Plan().deleteKey("A\\B", true), kind);
        CHECK(hive->securityCell(root.security)->referenceCount == 3);
    }
}

TEST_CASE("key fields stay true: counts, maxima, timestamps of the keys that changed", "[edit][rules]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    auto hive = commitPlan(path, Plan().createKey("A\\Short").createKey("Other").setValue("Other", "x", kRegDword, {1, 0, 0, 0}));
    const uint64_t otherTime = keyAt(*hive, "Other").lastWritten;
    SessionOptions o;
    o.tx.clock = [] { return kTestClock + 1000; };
    auto s = Session::open(path, o);
    REQUIRE(s);
    Plan p;
    p.createKey("A\\AMuchLongerName");
    p.setValue("A", "a value name", kRegBinary, patternBytes(300, 1));
    p.setValue("A", "v", kRegBinary, patternBytes(20, 1));
    p.setClassName("A\\Short", "classy");
    REQUIRE((*s)->apply(p));
    REQUIRE((*s)->commit());
    hive = std::move(*Hive::open(path));
    const KeyNode a = keyAt(*hive, "A");
    CHECK(a.subkeyCount == 2);
    CHECK(a.valueCount == 2);
    CHECK(a.maxSubkeyNameLength() == 2 * 15);  // UTF-16 bytes of "AMuchLongerName"
    CHECK(a.maxClassLength == 12);             // "classy"
    CHECK(a.maxValueNameLength == 2 * 12);
    CHECK(a.maxValueDataLength == 300);
    CHECK(a.lastWritten == kTestClock + 1000);
    CHECK(keyAt(*hive, "A\\Short").lastWritten == kTestClock + 1000);
    CHECK(keyAt(*hive, "Other").lastWritten == otherTime);  // untouched
    CHECK(hive->header().lastWritten == kTestClock + 1000);
    auto cls = hive->className(keyAt(*hive, "A\\Short"));
    REQUIRE(cls);
    CHECK(*cls == u"classy");
    s->reset();  // one writer at a time: this session lets go of the hive
    // The last value and the class name go: their fields return to zero.
    hive = commitPlan(path, Plan().deleteValue("A", "v").deleteValue("A", "a value name").setClassName("A\\Short", ""));
    CHECK(keyAt(*hive, "A").valueCount == 0);
    CHECK(keyAt(*hive, "A").valueList == layout::kNoCell);
    CHECK(keyAt(*hive, "A").maxValueNameLength == 0);
    CHECK(keyAt(*hive, "A").maxValueDataLength == 0);
    CHECK(keyAt(*hive, "A\\Short").classLength == 0);
    CHECK(keyAt(*hive, "A\\Short").classOffset == layout::kNoCell);
}

TEST_CASE("renaming a key that moves updates its children's parent field", "[edit][rules]") {
    for (StrategyKind kind : kAll) {
        INFO("strategy " << strategyName(kind));
        TempDir dir;
        const std::string path = freshHive(dir);
        commitPlan(path, Plan().createKey("P\\Kid1").createKey("P\\Kid2").setValue("P", "v", kRegSz, regSzBytes(u"x")));
        // A much longer name cannot stay in the nk's cell.
        auto hive = commitPlan(path, Plan().renameKey("P", std::string(200, 'R')), kind);
        const KeyNode renamed = keyAt(*hive, std::string(200, 'R'));
        for (uint32_t child : hive->subkeys(renamed)) CHECK(hive->keyNode(child)->parent == renamed.cellOffset);
        CHECK(renamed.valueCount == 1);
    }
}

TEST_CASE("a key is created with its missing parents by set value when asked", "[edit][rules]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    DumpKey model = parseDump(hivexDump(path));
    Plan p;
    p.setValue("X\\Y\\Z", "v", kRegDword, {1, 0, 0, 0}, true);
    applyToModel(model, p, kTestClock);
    commitPlan(path, p);
    CHECK(hivexDump(path) == renderDump(model));
}
