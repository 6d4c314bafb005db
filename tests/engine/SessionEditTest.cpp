// Sessions end to end: plans applied through each strategy, committed, and
// the result read by hivex (against the independent model), regfexport,
// reglookup and our checker.
#include <catch2/catch.hpp>

#include "engine/EditTestSupport.h"
#include "format/Layout.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

SessionOptions optionsFor(StrategyKind kind) {
    SessionOptions o;
    o.strategy = kind;
    o.tx.clock = [] { return kTestClock; };
    return o;
}

/// A plan touching every kind of edit, for a hive that has the keys of
/// `base` (a path that exists, with at least one subkey and one value).
Plan mixedPlan(const std::string& base) {
    Plan p;
    p.createKey(base + "\\HiveKit\\Deep\\Deeper", true);
    p.setValue(base + "\\HiveKit", "dword", kRegDword, {1, 2, 3, 4});
    p.setValue(base + "\\HiveKit", "", kRegSz, {'d', 0, 0, 0});
    p.setValue(base + "\\HiveKit", "small", kRegBinary, patternBytes(100, 3));
    p.setValue(base + "\\HiveKit", "large", kRegBinary, patternBytes(3000, 4));
    p.setValue(base + "\\HiveKit", "big", kRegBinary, patternBytes(40000, 5));
    p.setValue(base + "\\HiveKit", "empty", kRegNone, {});
    p.setValue(base + "\\HiveKit", "ünïcödé", kRegSz, regSzBytes(u"xy"));
    p.setValue(base + "\\HiveKit", "日本", kRegQword, {1, 2, 3, 4, 5, 6, 7, 8});
    p.createKey(base + "\\HiveKit\\Ключ", false);
    p.setClassName(base + "\\HiveKit", "SomeClass");
    p.renameValue(base + "\\HiveKit", "small", "Small Renamed");
    p.setValue(base + "\\HiveKit", "big", kRegBinary, patternBytes(20000, 6));
    p.setValue(base + "\\HiveKit", "dword", kRegDword, {9, 9, 9, 9});
    p.deleteValue(base + "\\HiveKit", "empty");
    p.renameKey(base + "\\HiveKit\\Deep", "Shallow");
    p.createKey(base + "\\HiveKit\\ToDelete\\Child", true);
    p.deleteKey(base + "\\HiveKit\\ToDelete", true);
    return p;
}

}  // namespace

TEST_CASE("a new hive is empty, valid and read by every reader", "[edit]") {
    TempDir dir;
    const std::string path = dir.file("new.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock;
    REQUIRE(createHive(path, o));
    requireClean(path);
    CHECK(hivexDump(path) == "K\t\t" + std::to_string(kTestClock) + "\t0\t0\n");
    requireOtherReadersAccept(path);
    auto again = createHive(path, o);
    REQUIRE_FALSE(again);
    CHECK(again.error().message == path + ": already exists; a new hive is never written over a file");
}

TEST_CASE("a mixed plan commits the tree the model predicts, with each strategy", "[edit]") {
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid}) {
        INFO("strategy " << strategyName(kind));
        TempDir dir;
        const std::string path = dir.file("fresh.hiv");
        NewHiveOptions o;
        o.timestamp = kTestClock - 1;
        REQUIRE(createHive(path, o));
        DumpKey model = parseDump(hivexDump(path));
        Plan setup;
        setup.createKey("A\\B", true).setValue("A", "v", kRegSz, regSzBytes(u"a"));
        Plan plan = mixedPlan("A");
        auto s = Session::open(path, optionsFor(kind));
        REQUIRE(s);
        auto applied = (*s)->apply(setup);
        INFO((applied ? std::string() : applied.error().message));
        REQUIRE(applied);
        applied = (*s)->apply(plan);
        INFO((applied ? std::string() : applied.error().message));
        REQUIRE(applied);
        auto committed = (*s)->commit();
        INFO((committed ? std::string() : committed.error().message));
        REQUIRE(committed);
        applyToModel(model, setup, kTestClock);
        applyToModel(model, plan, kTestClock);
        requireClean(path);
        CHECK(hivexDump(path) == renderDump(model));
        requireOtherReadersAccept(path);
    }
}

TEST_CASE("a mixed plan on a copy of regipy/SYSTEM commits what the model predicts, with each strategy", "[edit][system]") {
    const std::string before = hivexDump(hivePath("regipy/SYSTEM"));
    const DumpKey original = parseDump(before);
    REQUIRE(renderDump(original) == before);
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid}) {
        INFO("strategy " << strategyName(kind));
        TempDir dir;
        const std::string path = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
        Plan plan = mixedPlan("ControlSet001\\Services");
        plan.setValue("ControlSet001\\Services\\Tcpip\\Parameters", "Hostname", kRegSz, regSzBytes(u"hivekit"));
        plan.deleteKey("ControlSet002\\Enum", true);
        plan.renameKey("ControlSet001\\Services\\Tcpip", "TcpipRenamed");
        auto s = Session::open(path, optionsFor(kind));
        REQUIRE(s);
        auto applied = (*s)->apply(plan);
        INFO((applied ? std::string() : applied.error().message));
        REQUIRE(applied);
        auto committed = (*s)->commit();
        INFO((committed ? std::string() : committed.error().message));
        REQUIRE(committed);
        DumpKey model = original;
        applyToModel(model, plan, kTestClock);
        requireClean(path);
        CHECK(hivexDump(path) == renderDump(model));
        if (kind == StrategyKind::Hybrid) requireOtherReadersAccept(path);
    }
}
