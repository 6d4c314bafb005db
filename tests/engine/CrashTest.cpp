// Crash safety of commit (tx/TxManager.h, invariants (1) to (9)): a commit
// is interrupted at every write and flush in turn, and right after it
// returned, with each way a crash can leave the files (support/CrashFileIO:
// a process kill, a power cut, a power cut tearing the write in flight, a
// power cut after the device reordered the unflushed writes); reopening the
// hive with log replay must give exactly the old tree or exactly the new
// one, and the checker must find it clean. Then each step of the protocol
// is removed or moved in turn (TxOptions::mutation), and the same loop must
// find a crash that breaks the hive: no step is there for nothing, and the
// loop would notice its loss. Failed writes (full disk, a read-only file)
// leave the hive file byte-identical and say so. Invariant (10), a hive an
// earlier crash left dirty, is SecondCrashTest's.
#include <catch2/catch.hpp>

#include <array>
#include <cerrno>
#include <optional>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/CrashTestSupport.h"
#include "format/Layout.h"

using namespace crashtest;

namespace {

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

/// Crash at the point after the last one: right after commit() returned.
constexpr uint64_t kAfterSuccess = UINT64_MAX;
/// No crash at all.
constexpr uint64_t kNoCrash = UINT64_MAX - 1;

/// Commits `plan` to a fresh copy of `original` at `path` with `options`
/// (its io replaced by a CrashFileIO), crashing as `how` at `point`.
/// Returns the number of points the commit went through.
uint64_t commitWithCrash(const std::string& original, const std::string& path, const Plan& plan,
                         SessionOptions options, Crash how, uint64_t point) {
    freshCopy(original, path);
    CrashFileIO io(realFileIO());
    if (point != kAfterSuccess && point != kNoCrash) io.crashAt(point, how);
    options.tx.io = &io;
    auto s = Session::open(path, options);
    REQUIRE(s);
    REQUIRE((*s)->apply(plan));
    auto committed = (*s)->commit();
    if (point == kAfterSuccess || point == kNoCrash) {
        REQUIRE(committed);
        if (point == kAfterSuccess) io.crashNow(how);
    } else if (committed) {
        // A crash while resetting the log comes after the commit is
        // complete (invariant 7): the commit itself succeeded.
        CHECK(io.crashed());
    } else {
        CHECK((*s)->commit().has_value() == false);
    }
    return io.points();
}

/// The tree a complete commit of `plan` makes, and the points it goes through.
struct Reference {
    std::string newTree;
    uint64_t points = 0;
};

Reference referenceCommit(const TempDir& dir, const std::string& original, const Plan& plan, SessionOptions options) {
    Reference r;
    const std::string path = dir.file("reference.hiv");
    r.points = commitWithCrash(original, path, plan, options, Crash::ProcessKill, kNoCrash);
    r.newTree = engineDump(path);
    return r;
}

/// Runs the crash loop of a mutated protocol until a crash breaks the hive;
/// the first such crash, described, or "" when every crash left the old or
/// the new tree.
std::string firstBreakingCrash(ProtocolMutation mutation) {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string oldTree = engineDump(original);
    const Plan plan = mixedPlan();
    const SessionOptions options = crashOptions(nullptr, StrategyKind::Hybrid, mutation);
    const Reference reference = referenceCommit(dir, original, plan, options);
    // The mutated commit, uninterrupted, still makes the right tree.
    DumpKey model = parseDump(oldTree);
    applyToModel(model, plan, kTestClock);
    REQUIRE(reference.newTree == renderDump(model));
    for (Crash how : kEveryCrash) {
        for (uint64_t point = 0; point <= reference.points; ++point) {
            const uint64_t at = point == reference.points ? kAfterSuccess : point;
            const std::string path = dir.file("crash.hiv");
            commitWithCrash(original, path, plan, options, how, at);
            const Outcome seen = outcomeOf(path, oldTree, reference.newTree);
            if (seen.kind == Outcome::Broken)
                return std::string(crashName(how)) + " at " +
                       (at == kAfterSuccess ? std::string("the end") : "point " + std::to_string(point)) + " of " +
                       std::to_string(reference.points) + ": " + seen.why;
        }
    }
    return "";
}

}  // namespace

TEST_CASE("a commit interrupted at any write or flush, or right after it returned, reopens as exactly the old or the new tree", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string oldTree = engineDump(original);
    const Plan plan = mixedPlan();

    // The reference run: count the points, and the tree a commit makes.
    const Reference reference = referenceCommit(dir, original, plan, crashOptions(nullptr));
    const std::string& newTree = reference.newTree;
    REQUIRE(newTree != oldTree);
    DumpKey model = parseDump(oldTree);
    applyToModel(model, plan, kTestClock);
    CHECK(newTree == renderDump(model));
    // growth, log (2 writes, flush, directory flush), mark + flush, pages +
    // flush, header + flush, log reset: at least 12 points. (A CHECK: the
    // loop below says which crash a missing step exposes.)
    CHECK(reference.points >= 12);

    int sawOld = 0, sawNew = 0;
    for (Crash how : kEveryCrash) {
        for (uint64_t point = 0; point <= reference.points; ++point) {
            const uint64_t at = point == reference.points ? kAfterSuccess : point;
            INFO("crash " << crashName(how) << " at point " << point << " of " << reference.points);
            const std::string path = dir.file("crash.hiv");
            commitWithCrash(original, path, plan, crashOptions(nullptr), how, at);
            const Outcome seen = outcomeOf(path, oldTree, newTree);
            INFO(seen.why);
            CHECK(seen.kind != Outcome::Broken);
            sawOld += seen.kind == Outcome::Old;
            sawNew += seen.kind == Outcome::New;
            // After success only the new tree will do (invariant 6).
            if (at == kAfterSuccess) CHECK(seen.kind == Outcome::New);
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

TEST_CASE("a commit that returned success survives a power cut, whether its log was new or already there", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    for (Crash how : kPowerCuts) {
        INFO("crash " << crashName(how));
        const std::string path = freshCopy(original, dir.file("durable.hiv"));
        CrashFileIO io(realFileIO());
        auto s = Session::open(path, crashOptions(&io));
        REQUIRE(s);
        REQUIRE((*s)->apply(mixedPlan()));
        REQUIRE((*s)->commit());  // creates the log
        REQUIRE((*s)->apply(Plan().setValue("Software", "second", kRegDword, {2, 0, 0, 0})));
        REQUIRE((*s)->commit());  // overwrites it
        const std::string committed = engineDump(path);
        io.crashNow(how);
        auto h = Hive::open(path);
        REQUIRE(h);
        CHECK_FALSE((*h)->header().isDirty());
        CHECK(engineDump(path) == committed);
        requireClean(path);
    }
}

TEST_CASE("in the process-crash-only flush mode a process kill anywhere leaves the old or the new tree", "[edit][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string oldTree = engineDump(original);
    const Plan plan = mixedPlan();
    const SessionOptions options = crashOptions(nullptr, StrategyKind::Hybrid, ProtocolMutation::None,
                                                FlushMode::ProcessCrashOnly);
    const Reference reference = referenceCommit(dir, original, plan, options);
    for (uint64_t point = 0; point <= reference.points; ++point) {
        const uint64_t at = point == reference.points ? kAfterSuccess : point;
        INFO("process kill at point " << point << " of " << reference.points);
        const std::string path = dir.file("crash.hiv");
        commitWithCrash(original, path, plan, options, Crash::ProcessKill, at);
        const Outcome seen = outcomeOf(path, oldTree, reference.newTree);
        INFO(seen.why);
        CHECK(seen.kind != Outcome::Broken);
    }
}

TEST_CASE("in the process-crash-only flush mode a power cut right after a successful commit loses it", "[edit][crash]") {
    // What the mode's name warns of: nothing it writes is durable.
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string oldTree = engineDump(original);
    const std::string path = dir.file("fast.hiv");
    commitWithCrash(original, path, mixedPlan(),
                    crashOptions(nullptr, StrategyKind::Hybrid, ProtocolMutation::None, FlushMode::ProcessCrashOnly),
                    Crash::PowerCut, kAfterSuccess);
    CHECK(engineDump(path) == oldTree);
    CHECK_FALSE(fileExists(path + ".LOG1"));
}

// Each step of the protocol, removed or moved: the crash loop above then
// finds a crash that breaks the hive. (The test names say which step; the
// message the first breaking crash.)

TEST_CASE("without the log's flush (invariant 3) a crash can leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::SkipLogFlush);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("without the directory flush of a created log (invariant 3) a crash can leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::SkipLogDirectorySync);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("marking the hive dirty before its log is written (invariant 3) lets a crash leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::MarkBeforeLog);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("without the flush of the dirty mark (invariant 4) a crash can leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::SkipMarkFlush);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("writing the pages before the dirty mark (invariant 4) lets a crash leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::PagesBeforeMark);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("without the flush of the pages (invariant 5) a crash can leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::SkipPagesFlush);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("writing the header before the pages (invariant 5) lets a crash leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::HeaderBeforePages);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("without the flush of the header (invariant 6) a crash can leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::SkipHeaderFlush);
    INFO(broken);
    CHECK_FALSE(broken.empty());
}

TEST_CASE("resetting the log before the header is written (invariant 7) lets a crash leave a broken hive", "[edit][crash][mutation]") {
    const std::string broken = firstBreakingCrash(ProtocolMutation::ResetLogsBeforeHeader);
    INFO(broken);
    CHECK_FALSE(broken.empty());
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

namespace {

/// Commits with the hive's growth failing for a full disk; true when the
/// commit failed with the hive file byte-identical and no log written.
bool fullDiskAtGrowthWritesNothing(ProtocolMutation mutation) {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const std::string path = freshCopy(original, dir.file("grow.hiv"));
    const std::vector<uint8_t> before = readFile(path);
    CrashFileIO io(realFileIO());
    auto s = Session::open(path, crashOptions(&io, StrategyKind::Hybrid, mutation));
    REQUIRE(s);
    REQUIRE((*s)->apply(mixedPlan()));
    // The reservation (invariant 2): the first point, or after the log's
    // four (two writes, a flush, the directory's flush) when moved.
    io.failAt(io.points() + (mutation == ProtocolMutation::GrowAfterLog ? 4 : 0), ENOSPC);
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.find("No space left on device") != std::string::npos);
    return readFile(path) == before && !fileExists(path + ".LOG1");
}

}  // namespace

TEST_CASE("a full disk when the hive file grows fails before the log is written", "[edit][crash]") {
    CHECK(fullDiskAtGrowthWritesNothing(ProtocolMutation::None));
}

TEST_CASE("growing the hive file after its log (invariant 2) leaves a log behind when the disk is full", "[edit][crash][mutation]") {
    CHECK_FALSE(fullDiskAtGrowthWritesNothing(ProtocolMutation::GrowAfterLog));
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
        REQUIRE(chmod(path.c_str(), 0444) == 0);
        const std::string expected =
            "cannot commit: " + path + ": cannot open for writing: Permission denied; the hive file is unchanged";
        auto attempt = [&]() -> std::string {
            auto s = Session::open(path, SessionOptions{});
            if (!s) return "open: " + s.error().message;
            if (auto applied = (*s)->apply(mixedPlan()); !applied) return "apply: " + applied.error().message;
            auto committed = (*s)->commit();
            return committed ? std::string("the commit succeeded") : committed.error().message;
        };
        if (geteuid() != 0) {
            CHECK(attempt() == expected);
        } else {
            // Root writes read-only files: the commit runs in a child that
            // gave up root for "nobody" (the directory made readable to it).
            REQUIRE(chmod(dir.path().c_str(), 0755) == 0);
            int pipeFds[2];
            REQUIRE(pipe(pipeFds) == 0);
            const pid_t child = fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                close(pipeFds[0]);
                std::string outcome = "cannot give up root";
                if (setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0) outcome = attempt();
                const ssize_t written = write(pipeFds[1], outcome.data(), outcome.size());
                _exit(written == static_cast<ssize_t>(outcome.size()) ? 0 : 1);
            }
            close(pipeFds[1]);
            std::string outcome;
            char buffer[512];
            for (ssize_t n; (n = read(pipeFds[0], buffer, sizeof buffer)) > 0;) outcome.append(buffer, static_cast<size_t>(n));
            close(pipeFds[0]);
            int status = 0;
            REQUIRE(waitpid(child, &status, 0) == child);
            CHECK(WIFEXITED(status));
            CHECK(outcome == expected);
        }
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
    // 0 reserve, 1-4 log (two writes, a flush, the directory's flush), 5
    // mark, 6 flush, 7 the first page: fail it (EIO).
    io.failAt(io.points() + 7, EIO);
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
        for (Crash how : kPowerCuts) {
            for (uint64_t point = 0; point <= counting.points(); ++point) {
                const uint64_t at = point == counting.points() ? kAfterSuccess : point;
                INFO("crash " << crashName(how) << " at point " << point << " of " << counting.points());
                const std::string path = dir.file("crash.DAT");
                commitWithCrash(original, path, plan, crashOptions(nullptr, kind), how, at);
                const Outcome seen = outcomeOf(path, oldTree, newTree);
                INFO(seen.why);
                CHECK(seen.kind != Outcome::Broken);
                if (at == kAfterSuccess) CHECK(seen.kind == Outcome::New);
            }
        }
    }
}
