// Crash safety of commit (tx/TxManager.h, invariants (1) to (9)): a commit
// is interrupted at every write and flush in turn, with each way a crash
// can leave the files (CrashFileIO: Stop, DropUnsynced, Torn); reopening
// the hive with log replay must give exactly the old tree or exactly the
// new one, and the checker must find it clean. Failed writes (full disk, a
// read-only file) leave the hive file byte-identical and say so.
#include <catch2/catch.hpp>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/EditTestSupport.h"
#include "format/Layout.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "tx/CrashFileIO.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

SessionOptions crashOptions(FileIO* io, StrategyKind kind = StrategyKind::Hybrid) {
    SessionOptions o;
    o.strategy = kind;
    o.tx.io = io;
    o.tx.clock = [] { return kTestClock; };
    return o;
}

/// A plan that grows the hive (new bins), rewrites cells in place, frees,
/// moves records and changes the header: every part of a commit.
Plan mixedPlan() {
    Plan p;
    p.createKey("Software\\HiveKit\\One\\Two", true);
    p.setValue("Software\\HiveKit", "big", kRegBinary, patternBytes(50000, 1));
    p.setValue("Software\\HiveKit", "dword", kRegDword, {1, 0, 0, 0});
    p.setValue("Software\\HiveKit", "text", kRegSz, regSzBytes(u"hello"));
    p.setValue("Software", "v", kRegBinary, patternBytes(64, 9));
    p.renameKey("Software\\HiveKit\\One", "Uno");
    p.deleteKey("Old", true);
    p.deleteValue("Software", "gone");
    p.setClassName("Software\\HiveKit", "cls");
    return p;
}

/// The hive before the plan: a fresh hive with a few keys, committed.
std::string makeOriginal(const TempDir& dir) {
    const std::string path = dir.file("original.hiv");
    NewHiveOptions o;
    o.timestamp = kTestClock - 100;
    REQUIRE(createHive(path, o));
    Plan setup;
    setup.createKey("Software\\Vendor", true);
    setup.setValue("Software", "gone", kRegSz, regSzBytes(u"bye"));
    setup.setValue("Software", "v", kRegBinary, patternBytes(64, 2));
    setup.createKey("Old\\Child\\GrandChild", true);
    for (int i = 0; i < 40; ++i) setup.setValue("Old\\Child", "value" + std::to_string(i), kRegDword, {uint8_t(i), 0, 0, 0});
    SessionOptions so;
    so.tx.clock = [] { return kTestClock - 50; };
    auto s = Session::open(path, so);
    REQUIRE(s);
    REQUIRE((*s)->apply(setup));
    REQUIRE((*s)->commit());
    return path;
}

/// Copies the hive alone (no log) to `to`.
std::string freshCopy(const std::string& from, const std::string& to) {
    copyFile(from, to);
    std::remove((to + ".LOG1").c_str());
    return to;
}

const char* crashName(CrashFileIO::Crash c) {
    switch (c) {
    case CrashFileIO::Crash::Stop: return "Stop";
    case CrashFileIO::Crash::DropUnsynced: return "DropUnsynced";
    case CrashFileIO::Crash::Torn: return "Torn";
    }
    return "?";
}

}  // namespace

TEST_CASE("a commit interrupted at any write or flush reopens as exactly the old or the new tree", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string oldTree = engineDump(original);
    const Plan plan = mixedPlan();

    // The reference run: count the points, and the tree a commit makes.
    const std::string reference = freshCopy(original, dir.file("reference.hiv"));
    CrashFileIO counting(realFileIO());
    {
        auto s = Session::open(reference, crashOptions(&counting));
        REQUIRE(s);
        REQUIRE((*s)->apply(plan));
        auto committed = (*s)->commit();
        REQUIRE(committed);
        CHECK(committed->logBytes > 0);
    }
    const uint64_t points = counting.points();
    const std::string newTree = engineDump(reference);
    REQUIRE(newTree != oldTree);
    DumpKey model = parseDump(oldTree);
    applyToModel(model, plan, kTestClock);
    CHECK(newTree == renderDump(model));
    // growth, log (2 writes, flush), mark + flush, pages + flush, header +
    // flush, log reset: at least 11 points.
    REQUIRE(points >= 11);

    int sawOld = 0, sawNew = 0;
    for (auto how : {CrashFileIO::Crash::Stop, CrashFileIO::Crash::DropUnsynced, CrashFileIO::Crash::Torn}) {
        for (uint64_t point = 0; point < points; ++point) {
            INFO("crash " << crashName(how) << " at point " << point << " of " << points);
            const std::string path = freshCopy(original, dir.file("crash.hiv"));
            CrashFileIO io(realFileIO());
            io.crashAt(point, how);
            {
                auto s = Session::open(path, crashOptions(&io));
                REQUIRE(s);
                REQUIRE((*s)->apply(plan));
                auto committed = (*s)->commit();
                // A crash while resetting the log comes after the commit is
                // complete (invariant 7): the commit itself succeeded.
                if (committed) CHECK(io.crashed());
                else CHECK((*s)->commit().has_value() == false);
            }
            const std::string after = engineDump(path);
            const bool isOld = after == oldTree, isNew = after == newTree;
            CHECK((isOld || isNew));
            sawOld += isOld;
            sawNew += isNew;
            requireClean(path);
            // The hive is usable afterwards: another commit works and is clean.
            {
                SessionOptions again;
                again.tx.clock = [] { return kTestClock + 1; };
                auto s = Session::open(path, again);
                REQUIRE(s);
                REQUIRE((*s)->apply(Plan().setValue("", "after", kRegDword, {7, 0, 0, 0})));
                REQUIRE((*s)->commit());
            }
            requireClean(path);
            auto h = Hive::open(path);
            REQUIRE(h);
            CHECK_FALSE((*h)->header().isDirty());
        }
    }
    // Both outcomes occur: early crashes keep the old tree, late ones the new.
    CHECK(sawOld > 0);
    CHECK(sawNew > 0);
}

TEST_CASE("a full disk while the log is written leaves the hive file byte-identical and the commit pending", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string path = freshCopy(original, dir.file("full.hiv"));
    const std::vector<uint8_t> before = readFile(path);
    CrashFileIO io(realFileIO());
    auto s = Session::open(path, crashOptions(&io));
    REQUIRE(s);
    REQUIRE((*s)->apply(mixedPlan()));
    // Point 0 grows the hive file (invariant 2), 1 writes the log's base
    // block, 2 its entry: fail there.
    io.failAt(io.points() + 2, ENOSPC);
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.find("No space left on device") != std::string::npos);
    CHECK(committed.error().message.find("the hive file is unchanged") != std::string::npos);
    CHECK(readFile(path) == before);
    // (8) Not sticky: the transaction is still pending and commits later.
    CHECK((*s)->pending());
    auto retried = (*s)->commit();
    REQUIRE(retried);
    requireClean(path);
    CHECK(engineDump(path) != engineDump(original));
}

TEST_CASE("a full disk when the hive file grows fails before the log is written", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string path = freshCopy(original, dir.file("grow.hiv"));
    const std::vector<uint8_t> before = readFile(path);
    CrashFileIO io(realFileIO());
    auto s = Session::open(path, crashOptions(&io));
    REQUIRE(s);
    REQUIRE((*s)->apply(mixedPlan()));
    io.failAt(io.points(), ENOSPC);  // the reservation (invariant 2)
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.find("No space left on device") != std::string::npos);
    CHECK(readFile(path) == before);
    CHECK_FALSE(fileExists(path + ".LOG1"));
}

TEST_CASE("a hive file that cannot be opened for writing fails the commit with the file intact", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string path = freshCopy(original, dir.file("readonly.hiv"));
    const std::vector<uint8_t> before = readFile(path);
    SECTION("permission refused (simulated, so that it holds for root too)") {
        CrashFileIO io(realFileIO());
        io.failOpens(EACCES);
        auto s = Session::open(path, crashOptions(&io));
        REQUIRE(s);
        REQUIRE((*s)->apply(mixedPlan()));
        auto committed = (*s)->commit();
        REQUIRE_FALSE(committed);
        CHECK(committed.error().message ==
              "cannot commit: " + path + ": cannot open for writing: Permission denied (simulated); the hive file is unchanged");
    }
    SECTION("a read-only file on the real file system") {
        if (geteuid() == 0) return;  // root writes read-only files
        REQUIRE(chmod(path.c_str(), 0444) == 0);
        auto s = Session::open(path, SessionOptions{});
        REQUIRE(s);
        REQUIRE((*s)->apply(mixedPlan()));
        auto committed = (*s)->commit();
        REQUIRE_FALSE(committed);
        CHECK(committed.error().message ==
              "cannot commit: " + path + ": cannot open for writing: Permission denied; the hive file is unchanged");
    }
    CHECK(readFile(path) == before);
}

TEST_CASE("a failure after the hive is marked dirty is sticky and the log recovers the commit", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string path = freshCopy(original, dir.file("sticky.hiv"));
    CrashFileIO io(realFileIO());
    auto s = Session::open(path, crashOptions(&io));
    REQUIRE(s);
    const Plan plan = mixedPlan();
    REQUIRE((*s)->apply(plan));
    // 0 reserve, 1-3 log (two writes, a flush), 4 mark, 5 flush, 6 the
    // first page: fail it (EIO).
    io.failAt(io.points() + 6, EIO);
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.find("Input/output error") != std::string::npos);
    CHECK(committed.error().message.find("open the hive again to recover it") != std::string::npos);
    // (8) Every later call fails.
    auto again = (*s)->apply(Plan().createKey("X"));
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("an earlier commit failed") != std::string::npos);
    auto h = Hive::open(path);
    REQUIRE(h);
    CHECK((*h)->recovery().wasDirty);
    CHECK((*h)->recovery().recovered);
    DumpKey model = parseDump(engineDump(original));
    applyToModel(model, plan, kTestClock);
    CHECK(engineDump(path) == renderDump(model));
    requireClean(path);
}

TEST_CASE("a commit to a real Windows hive interrupted anywhere reopens as the old or the new tree", "[edit][crash]") {
    TempDir dir;
    const std::string original = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER1.DAT"));
    const std::string oldTree = engineDump(original);
    // Edits scattered over the file, so that the dirty pages form several runs.
    Plan plan;
    plan.setValue("Console", "FontSize", kRegDword, {0, 0, 16, 0});
    plan.setValue("Control Panel\\Colors", "Window", kRegSz, regSzBytes(u"1 2 3"));
    plan.deleteKey("EUDC", true);
    plan.createKey("Software\\HiveKit\\Test", true);
    plan.setValue("Software\\HiveKit\\Test", "blob", kRegBinary, patternBytes(9000, 3));
    plan.renameKey("Environment", "Environment2");
    plan.deleteValue("Control Panel\\Mouse", "MouseSpeed", true);
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append}) {
        INFO("strategy " << strategyName(kind));
        const std::string reference = freshCopy(original, dir.file("reference.DAT"));
        CrashFileIO counting(realFileIO());
        {
            auto s = Session::open(reference, crashOptions(&counting, kind));
            REQUIRE(s);
            REQUIRE((*s)->apply(plan));
            REQUIRE((*s)->commit());
        }
        const std::string newTree = engineDump(reference);
        DumpKey model = parseDump(oldTree);
        applyToModel(model, plan, kTestClock);
        REQUIRE(newTree == renderDump(model));
        for (auto how : {CrashFileIO::Crash::DropUnsynced, CrashFileIO::Crash::Torn}) {
            for (uint64_t point = 0; point < counting.points(); ++point) {
                INFO("crash " << crashName(how) << " at point " << point << " of " << counting.points());
                const std::string path = freshCopy(original, dir.file("crash.DAT"));
                CrashFileIO io(realFileIO());
                io.crashAt(point, how);
                {
                    auto s = Session::open(path, crashOptions(&io, kind));
                    REQUIRE(s);
                    REQUIRE((*s)->apply(plan));
                    (void)(*s)->commit();
                }
                const std::string after = engineDump(path);
                CHECK((after == oldTree || after == newTree));
                requireClean(path);
            }
        }
    }
}
