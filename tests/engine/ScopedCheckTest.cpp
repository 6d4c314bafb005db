// The scoped structure check (hive/ScopedChecker.h) and the commit that
// runs it (StructureCheck::Scoped in merge/Commit.h): damage in what a
// commit touches or relies on is found, worded as checkHive words it, and
// refused with nothing written; damage elsewhere does not stop a commit and
// is still there, unchanged, for `hivectl check` afterwards.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "hive/ScopedChecker.h"
#include "merge/Commit.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

namespace N = layout::nk;
namespace V = layout::vk;

/// root -> Near -> Leaf (values "a" (8 bytes of data in a cell), "b" (a
/// DWORD)); root -> Far (values "x", "y") -> Deep (value "z"), Far's
/// subtree in bins of its own and Deep's in others.
struct TwoBranches {
    BuiltHive built;
    size_t nearKey = 0, leaf = 0, far = 0, deep = 0;

    TwoBranches() {
        HiveBuilder b;
        nearKey = b.addKey(0, u"Near");
        leaf = b.addKey(nearKey, u"Leaf");
        b.addValue(leaf, u"a", 3, patternBytes(8, 1));
        b.addValue(leaf, u"b", 4, dwordBytes(7));
        far = b.addKey(0, u"Far");
        b.addValue(far, u"x", 3, patternBytes(40, 2));
        b.addValue(far, u"y", 3, patternBytes(40, 3));
        deep = b.addKey(far, u"Deep");
        b.addValue(deep, u"z", 3, patternBytes(40, 5));
        b.placeInOwnBins(far);
        b.placeInOwnBins(deep);
        built = b.build();
    }
};

std::unique_ptr<Hive> openBytes(const BuiltHive& built) {
    auto h = built.open();
    REQUIRE(h);
    return std::move(*h);
}

CheckScope pathScope(std::vector<std::u16string> path) {
    CheckScope s;
    s.paths.push_back(std::move(path));
    return s;
}

std::vector<std::string> errorsOf(const CheckReport& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Diagnostic::Severity::Error) out.push_back(hexOffset(d.offset) + ": " + d.message);
    return out;
}

std::string listing(const CheckReport& r) {
    std::string out;
    for (const auto& e : errorsOf(r)) out += e + "\n";
    return out;
}

/// Every error of the scoped check is one the whole check reports too.
void requireSubsetOfWhole(const Hive& hive, const CheckReport& scoped) {
    const std::vector<std::string> whole = errorsOf(checkHive(hive));
    INFO("whole check:\n" << listing(checkHive(hive)) << "scoped check:\n" << listing(scoped));
    for (const auto& e : errorsOf(scoped)) CHECK(std::find(whole.begin(), whole.end(), e) != whole.end());
}

}  // namespace

TEST_CASE("The scoped check of a sound hive finds nothing and looks at the keys of the path only", "[check][scoped]") {
    TwoBranches t;
    auto hive = openBytes(t.built);
    REQUIRE(checkHive(*hive).errors() == 0);
    const ScopedCheckReport r = checkScope(*hive, pathScope({u"near", u"LEAF"}));
    INFO(listing(r.report));
    CHECK(r.report.errors() == 0);
    CHECK_FALSE(r.whole);
    CHECK(r.report.keys == 3);    // the root, Near, Leaf
    CHECK(r.report.values == 2);  // Leaf's two values; Far's are not read
}

TEST_CASE("The scoped check finds damage on the path of an edit as the whole check words it", "[check][scoped]") {
    TwoBranches t;
    const BuiltKey& leaf = t.built.key(t.leaf);
    const BuiltKey& nearKey = t.built.key(t.nearKey);
    SECTION("a value list entry that points inside a cell") {
        t.built.poke32(BuiltHive::dataFileOffsetOf(leaf.valueList), leaf.values[0].vk + 8);
    }
    SECTION("value data larger than its cell") {
        t.built.pokeField32(leaf.values[0].vk, V::DataSize, 400);
    }
    SECTION("a wrong lh hash in the parent's list") {
        t.built.poke32(BuiltHive::dataFileOffsetOf(nearKey.subkeyList) + 8, 0x12345678);
    }
    SECTION("a largest-value-data field too small") {
        t.built.pokeField32(leaf.nk, N::MaxValueData, 1);
    }
    SECTION("a subkey count that disagrees with the list") {
        t.built.pokeField32(nearKey.nk, N::SubkeyCount, 2);
    }
    SECTION("a child whose parent field names another key") {
        t.built.pokeField32(leaf.nk, N::Parent, t.built.key(t.far).nk);
    }
    SECTION("a broken cell chain in the hbin of the edited key's records") {
        t.built.setCellSize(leaf.values[1].vk, -3);
    }
    auto hive = openBytes(t.built);
    const ScopedCheckReport r = checkScope(*hive, pathScope({u"Near", u"Leaf"}));
    INFO(listing(r.report));
    CHECK(r.report.errors() > 0);
    CHECK_FALSE(r.whole);
    requireSubsetOfWhole(*hive, r.report);
}

TEST_CASE("Damage away from the scope does not stop the scoped check", "[check][scoped]") {
    TwoBranches t;
    const BuiltKey& far = t.built.key(t.far);
    SECTION("a value list entry of another key that points to nowhere") {
        t.built.poke32(BuiltHive::dataFileOffsetOf(far.valueList) + 4, 0x7FFFFFF0);
    }
    SECTION("a broken cell chain in an hbin the commit does not use") {
        t.built.setCellSize(t.built.key(t.deep).values[0].data, -3);
    }
    SECTION("a wrong hash in a list the commit does not read") {
        t.built.poke32(BuiltHive::dataFileOffsetOf(far.subkeyList) + 8, 0x12345678);
    }
    auto hive = openBytes(t.built);
    CHECK(checkHive(*hive).errors() > 0);
    const ScopedCheckReport r = checkScope(*hive, pathScope({u"Near", u"Leaf"}));
    INFO(listing(r.report));
    CHECK(r.report.errors() == 0);
}

TEST_CASE("The scoped check covers every hbin it is given, and only those", "[check][scoped]") {
    TwoBranches t;
    const uint32_t farData = t.built.key(t.deep).values[0].data;
    t.built.setCellSize(farData, -3);
    auto hive = openBytes(t.built);
    CheckScope scope = pathScope({u"Near"});
    CHECK(checkScope(*hive, scope).report.errors() == 0);
    scope.binOffsets.push_back(farData);
    const ScopedCheckReport r = checkScope(*hive, scope);
    CHECK(r.report.errors() == 1);
    requireSubsetOfWhole(*hive, r.report);
    // Offsets past the bins (bins a commit appends) are not checked.
    scope.binOffsets = {hive->binsEnd() + 0x1000};
    CHECK(checkScope(*hive, scope).report.errors() == 0);
}

TEST_CASE("A deleted subtree is checked key by key, below the deleted key too", "[check][scoped]") {
    TwoBranches t;
    const BuiltKey& deep = t.built.key(t.deep);
    t.built.pokeField32(deep.nk, N::Parent, t.built.key(t.nearKey).nk);
    auto hive = openBytes(t.built);
    CheckScope scope;
    scope.subtrees.push_back({u"Far"});
    const ScopedCheckReport r = checkScope(*hive, scope);
    INFO(listing(r.report));
    CHECK(r.report.errors() == 1);
    CHECK(r.report.keys == 3);  // the root, Far, Deep
    requireSubsetOfWhole(*hive, r.report);
    // The same damage is out of the scope of an edit of Near.
    CHECK(checkScope(*hive, pathScope({u"Near"})).report.errors() == 0);
}

TEST_CASE("A delete that would free a security cell another key may use is checked whole", "[check][scoped]") {
    TwoBranches t;
    // Every key shares the one sk; a count of 2 makes deleting Far (and
    // Deep) take it to 0, and only the whole tree shows the others.
    t.built.pokeField32(t.built.security, layout::sk::ReferenceCount, 2);
    auto hive = openBytes(t.built);
    CheckScope scope;
    scope.subtrees.push_back({u"Far"});
    const ScopedCheckReport r = checkScope(*hive, scope);
    CHECK(r.whole);
    CHECK(errorsOf(r.report) == errorsOf(checkHive(*hive)));
    CHECK(r.report.errors() == 1);
    // An edit that frees no sk stays scoped (and the count, too small for
    // the keys it saw, is an error it reports).
    const ScopedCheckReport near = checkScope(*hive, pathScope({u"Near", u"Leaf"}));
    CHECK_FALSE(near.whole);
    CHECK(near.report.errors() == 1);
}

TEST_CASE("commitPlan with the scoped check refuses damage the plan touches and writes nothing", "[check][scoped][edit]") {
    TempDir dir;
    TwoBranches t;
    t.built.pokeField32(t.built.key(t.leaf).nk, N::MaxValueData, 1);
    const std::string path = dir.file("near.hiv");
    writeFile(path, t.built.bytes);
    CommitRequest request;
    request.structure = StructureCheck::Scoped;
    request.session.tx.flush = FlushMode::None;
    Plan plan;
    plan.setValue("Near\\Leaf", "c", 4, {1, 0, 0, 0});
    auto done = commitPlan(path, plan, request);
    REQUIRE_FALSE(done);
    CHECK(done.error().step == CommitStep::Check);
    CHECK(done.error().error.message.rfind("the structure check finds 1 error, the first at 0x", 0) == 0);
    CHECK_FALSE(done.error().hiveWritten);
    CHECK(readFile(path) == t.built.bytes);
    CHECK_FALSE(fileExists(path + ".LOG1"));
}

TEST_CASE("commitPlan with the scoped check commits beside damage elsewhere and leaves it as it was", "[check][scoped][edit]") {
    TempDir dir;
    TwoBranches t;
    const BuiltKey& far = t.built.key(t.far);
    t.built.poke32(BuiltHive::dataFileOffsetOf(far.valueList) + 4, 0x7FFFFFF0);
    const std::string path = dir.file("far.hiv");
    writeFile(path, t.built.bytes);
    std::vector<std::string> before;
    {
        auto h = Hive::open(path);
        REQUIRE(h);
        before = errorsOf(checkHive(**h));
    }
    REQUIRE(before.size() == 1);
    for (StrategyKind strategy : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid}) {
        CommitRequest request;
        request.structure = StructureCheck::Scoped;
        request.session.strategy = strategy;
        request.session.tx.flush = FlushMode::None;
        Plan plan;
        plan.setValue("Near\\Leaf", std::string("n") + strategyName(strategy), 3, patternBytes(100, 4));
        plan.createKey(std::string("Near\\New ") + strategyName(strategy));
        auto done = commitPlan(path, plan, request);
        INFO(strategyName(strategy) << ": " << (done ? std::string() : done.error().error.message));
        REQUIRE(done);
        CHECK(done->changed == 2);
    }
    auto h = Hive::open(path);
    REQUIRE(h);
    CHECK(errorsOf(checkHive(**h)) == before);
}

TEST_CASE("commitScope names the edited paths once, deleted keys as subtrees, and the bins the commit used", "[check][scoped][edit]") {
    TempDir dir;
    TwoBranches t;
    const std::string path = dir.file("scope.hiv");
    writeFile(path, t.built.bytes);
    auto session = Session::open(path, SessionOptions{});
    REQUIRE(session);
    Plan plan;
    for (int i = 0; i < 50; ++i) plan.setValue("Near\\Leaf", "v" + std::to_string(i), 4, {1, 2, 3, 4});
    plan.setValue("near\\LEAF", "w", 4, {1, 2, 3, 4});
    plan.deleteKey("Far", true);
    REQUIRE((*session)->apply(plan));
    const CheckScope scope = commitScope(plan, **session);
    REQUIRE(scope.paths.size() == 1);
    CHECK(scope.paths[0] == std::vector<std::u16string>{u"Near", u"Leaf"});
    REQUIRE(scope.subtrees.size() == 1);
    CHECK(scope.subtrees[0] == std::vector<std::u16string>{u"Far"});
    // The bins of the value list, the new values and the freed subtree.
    auto binOf = [&](uint32_t cell) { return (*session)->hive().binHolding(cell)->offset; };
    auto has = [&](uint32_t cell) {
        for (uint32_t off : scope.binOffsets)
            if ((*session)->hive().binHolding(off) && binOf(off) == binOf(cell)) return true;
        return false;
    };
    CHECK(has(t.built.key(t.leaf).nk));
    CHECK(has(t.built.key(t.far).nk));
    CHECK(has(t.built.key(t.far).values[0].data));
}
