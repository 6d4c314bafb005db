// The edit-and-commit workflow (merge/Commit.h), the one call every front
// end commits through: its backup (naming and durability), a commit
// interrupted once the hive file was written and finished by the retry, the
// refusals that write nothing (validation, the caller's check, an undone
// edit of an interrupted commit, a dirty hive whose log is gone), dry runs,
// and "the hive was written" as the transaction itself reports it
// (TxManager::primaryTouched), never by looking at the file.
#include <catch2/catch.hpp>

#include <functional>
#include <optional>

#include <cerrno>
#include <cstdio>
#include <string>

#include "engine/CrashTestSupport.h"
#include "merge/Commit.h"

using namespace crashtest;

namespace {

/// A rename cannot be applied twice: a retry that applied the interrupted
/// edits again (instead of finishing them) would fail on it.
Plan interruptiblePlan() {
    Plan p;
    p.createKey("Software\\Workflow");
    p.setValue("Software\\Workflow", "v", kRegDword, {1, 0, 0, 0});
    p.setValue("Software\\Workflow", "big", kRegBinary, patternBytes(9000, 3));
    p.renameValue("Software\\Workflow", "v", "w");
    return p;
}

CommitRequest requestWith(FileIO* io) {
    CommitRequest r;
    r.session = crashOptions(io);
    return r;
}

/// The file operations of an uninterrupted commit of `plan` on a copy of
/// `original`, and the tree it leaves.
struct Reference {
    uint64_t points = 0;
    std::string tree;
};

Reference referenceOf(const TempDir& dir, const std::string& original, const Plan& plan) {
    const std::string path = freshCopy(original, dir.file("reference.hiv"));
    CrashFileIO counting(realFileIO());
    auto done = commitPlan(path, plan, requestWith(&counting));
    REQUIRE(done);
    return {counting.points(), engineDump(path)};
}

bool hasLog(const std::string& hive) { return fileExists(hive + ".LOG1"); }

/// A commit of `plan` to a fresh copy of `original` at `path` whose
/// `point`-th file operation fails with EIO.
CommitResult commitFailingAt(const std::string& original, const std::string& path, const Plan& plan, uint64_t point) {
    freshCopy(original, path);
    CrashFileIO io(realFileIO());
    io.failAt(point, EIO);
    return commitPlan(path, plan, requestWith(&io));
}

/// The first failure, trying each file operation in turn up to `points`, of
/// a commit of `plan` to a copy of `original` at `path` that fails after
/// writing the hive and that `wanted` accepts; `path` is left as that
/// failure left it. None when no point gives one.
std::optional<CommitFailure> firstInterruption(const std::string& original, const std::string& path, const Plan& plan,
                                               uint64_t points,
                                               const std::function<bool(const CommitFailure&)>& wanted = {}) {
    for (uint64_t point = 0; point < points; ++point) {
        auto done = commitFailingAt(original, path, plan, point);
        if (done || !done.error().hiveWritten) continue;
        if (wanted && !wanted(done.error())) continue;
        return done.error();
    }
    return std::nullopt;
}

/// makeOriginal's hive alone, without the log its setup commit left.
std::string freshHive(const TempDir& dir) { return freshCopy(makeOriginal(dir), dir.file("hive.hiv")); }

/// Whether the hive at `path`, its log replayed, holds `interrupted`.
bool holds(const std::string& path, const InterruptedCommit& interrupted) {
    auto hive = Hive::open(path);
    return hive && (*hive)->header().primarySequence == interrupted.sequence;
}

}  // namespace

TEST_CASE("A commit reports the edits changed and the strategy and bytes written", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    CommitRequest request = requestWith(nullptr);
    request.session.strategy = StrategyKind::Append;
    auto done = commitPlan(hive, Plan().createKey("A").setValue("A", "x", kRegDword, {2, 0, 0, 0}), request);
    REQUIRE(done);
    CHECK(done->changed == 2);
    CHECK(done->strategy == "append");
    CHECK(done->written.wrote);
    CHECK(done->written.primaryBytes > 0);
    CHECK(done->written.logBytes > 0);
    CHECK(done->backupPath.empty());
    CHECK_FALSE(done->dryRun);
    requireClean(hive);
}

TEST_CASE("Backups are named HIVE.bak then HIVE.bak.1 and each holds the hive as it was before its commit", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const auto original = readFile(hive);
    CommitRequest request = requestWith(nullptr);
    request.backup = true;

    auto first = commitPlan(hive, Plan().createKey("First"), request);
    REQUIRE(first);
    CHECK(first->backupPath == hive + ".bak");
    CHECK(readFile(hive + ".bak") == original);
    const auto afterFirst = readFile(hive);
    CHECK(afterFirst != original);

    auto second = commitPlan(hive, Plan().createKey("Second"), request);
    REQUIRE(second);
    CHECK(second->backupPath == hive + ".bak.1");
    CHECK(readFile(hive + ".bak.1") == afterFirst);
    CHECK(readFile(hive + ".bak") == original);  // an older backup is never overwritten

    writeFile(hive + ".bak.2", {1, 2, 3});
    auto third = commitPlan(hive, Plan().createKey("Third"), request);
    REQUIRE(third);
    CHECK(third->backupPath == hive + ".bak.3");
}

TEST_CASE("A backup is durable before the hive is touched so a power cut anywhere later keeps all of it", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const auto originalBytes = readFile(original);
    const Plan plan = interruptiblePlan();
    uint64_t points = 0;
    {
        const std::string path = freshCopy(original, dir.file("count.hiv"));
        CrashFileIO counting(realFileIO());
        CommitRequest request = requestWith(&counting);
        request.backup = true;
        REQUIRE(commitPlan(path, plan, request));
        points = counting.points();
    }
    int hiveChanged = 0;
    for (uint64_t point = 0; point < points; ++point) {
        INFO("power cut at point " << point << " of " << points);
        const std::string path = freshCopy(original, dir.file("cut.hiv"));
        std::remove((path + ".bak").c_str());
        CrashFileIO io(realFileIO());
        io.crashAt(point, Crash::PowerCut);
        CommitRequest request = requestWith(&io);
        request.backup = true;
        (void)commitPlan(path, plan, request);
        REQUIRE(io.crashed());
        if (readFile(path) == originalBytes && !hasLog(path)) continue;
        // The commit got past its backup: the backup must be whole.
        ++hiveChanged;
        REQUIRE(fileExists(path + ".bak"));
        CHECK(readFile(path + ".bak") == originalBytes);
    }
    CHECK(hiveChanged > 3);
}

TEST_CASE("A backup that cannot be made stops the commit before the hive is touched and names the backup", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const auto before = readFile(hive);
    CrashFileIO io(realFileIO());
    io.failAt(0, ENOSPC);  // the backup's first write
    CommitRequest request = requestWith(&io);
    request.backup = true;
    auto done = commitPlan(hive, Plan().createKey("New"), request);
    REQUIRE_FALSE(done);
    CHECK(done.error().step == CommitStep::Backup);
    CHECK(done.error().backupPath == hive + ".bak");
    CHECK(done.error().error.message.find("No space left on device") != std::string::npos);
    CHECK_FALSE(done.error().hiveWritten);
    CHECK_FALSE(done.error().interrupted);
    CHECK(readFile(hive) == before);
    CHECK_FALSE(hasLog(hive));
}

TEST_CASE("Nothing is written and no backup made when the plan does not validate", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const auto before = readFile(hive);
    CommitRequest request = requestWith(nullptr);
    request.backup = true;
    auto done = commitPlan(hive, Plan().createKey("Fine").deleteValue("NoSuchKey", "x"), request);
    REQUIRE_FALSE(done);
    CHECK(done.error().step == CommitStep::Validate);
    CHECK(done.error().error.message == "edit 2 (delete value \"x\" in \"NoSuchKey\"): no such key: \"NoSuchKey\"");
    CHECK_FALSE(done.error().hiveWritten);
    CHECK(readFile(hive) == before);
    CHECK_FALSE(fileExists(hive + ".bak"));
    CHECK_FALSE(hasLog(hive));
}

TEST_CASE("The caller's check refuses a commit after validation and before the backup", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const auto before = readFile(hive);
    CommitRequest request = requestWith(nullptr);
    request.backup = true;
    int checked = 0;
    request.check = [&](const Session& session) -> Result<void> {
        ++checked;
        CHECK(session.path() == hive);
        return fail(ErrorCode::Invalid, "refused by the caller");
    };
    auto invalid = commitPlan(hive, Plan().deleteKey("NoSuchKey"), request);
    REQUIRE_FALSE(invalid);
    CHECK(invalid.error().step == CommitStep::Validate);
    CHECK(checked == 0);
    auto done = commitPlan(hive, Plan().createKey("New"), request);
    REQUIRE_FALSE(done);
    CHECK(checked == 1);
    CHECK(done.error().step == CommitStep::Check);
    CHECK(done.error().error.message == "refused by the caller");
    CHECK(readFile(hive) == before);
    CHECK_FALSE(fileExists(hive + ".bak"));
}

TEST_CASE("A dry run validates and applies but writes nothing and makes no backup", "[edit][workflow]") {
    TempDir dir;
    const std::string hive = freshHive(dir);
    const auto before = readFile(hive);
    CommitRequest request = requestWith(nullptr);
    request.dryRun = true;
    request.backup = true;
    auto done = commitPlan(hive, interruptiblePlan(), request);
    REQUIRE(done);
    CHECK(done->dryRun);
    CHECK(done->changed == 4);
    CHECK(done->strategy == "hybrid");
    CHECK_FALSE(done->written.wrote);
    CHECK(done->backupPath.empty());
    CHECK(readFile(hive) == before);
    CHECK_FALSE(fileExists(hive + ".bak"));
    CHECK_FALSE(hasLog(hive));
}

TEST_CASE("Whether the hive was written comes from the transaction: false before its first write and true from it on", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const auto originalBytes = readFile(original);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    const uint32_t sequence = (*Hive::open(original))->header().primarySequence;
    int untouched = 0, written = 0;
    bool seenWritten = false;
    for (uint64_t point = 0; point < reference.points; ++point) {
        INFO("failing operation " << point << " of " << reference.points);
        const std::string path = freshCopy(original, dir.file("fail.hiv"));
        CrashFileIO io(realFileIO());
        io.failAt(point, EIO);
        auto done = commitPlan(path, plan, requestWith(&io));
        if (done) continue;  // resetting the log: its failure is ignored (7)
        const CommitFailure& f = done.error();
        CHECK(f.step == CommitStep::Write);
        const auto it = io.bytesWritten().find(path);
        const bool bytesReachedHive = it != io.bytesWritten().end() && it->second > 0;
        CHECK(f.hiveWritten == bytesReachedHive);
        if (!f.hiveWritten) {
            // Never a claim of "unchanged" for a changed file, and never
            // after a failure that did report the hive written.
            CHECK_FALSE(seenWritten);
            CHECK(readFile(path) == originalBytes);
            CHECK_FALSE(f.interrupted);
            ++untouched;
            continue;
        }
        seenWritten = true;
        ++written;
        REQUIRE(f.interrupted);
        CHECK(f.interrupted->edits == plan.size());
        CHECK(f.interrupted->sequence == sequence + 1);
        CHECK(f.interrupted->intact);
        CHECK(f.error.message.find("commit interrupted") != std::string::npos);
    }
    // Growing the hive and writing its log come first; then the mark, the
    // pages, their flush, the header and its flush.
    CHECK(untouched >= 3);
    CHECK(written >= 4);
}

TEST_CASE("Committing again after a commit interrupted once the hive was written finishes it and equals an uninterrupted commit", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    int finished = 0;
    for (uint64_t point = 0; point < reference.points; ++point) {
        INFO("failing operation " << point << " of " << reference.points);
        const std::string path = dir.file("retry.hiv");
        auto first = commitFailingAt(original, path, plan, point);
        if (first) continue;
        CommitRequest retry = requestWith(nullptr);
        retry.interrupted = first.error().interrupted;
        auto second = commitPlan(path, plan, retry);
        INFO((second ? std::string("ok") : second.error().error.message));
        REQUIRE(second);
        CHECK(second->changed == plan.size());
        auto reopened = Hive::open(path, OpenOptions{.useLogs = false});
        REQUIRE(reopened);
        CHECK_FALSE((*reopened)->recovery().wasDirty);  // written out, not left to the log
        CHECK(engineDump(path) == reference.tree);
        requireClean(path);
        if (first.error().hiveWritten) ++finished;
    }
    CHECK(finished >= 4);
}

TEST_CASE("After an interrupted commit a new edit is committed together with the interrupted ones", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    const std::string path = dir.file("more.hiv");
    const auto first = firstInterruption(original, path, plan, reference.points);
    REQUIRE(first);
    Plan more = plan;
    more.createKey("Software\\Workflow\\Child");
    CommitRequest retry = requestWith(nullptr);
    retry.interrupted = first->interrupted;
    auto second = commitPlan(path, more, retry);
    REQUIRE(second);
    CHECK(second->changed == more.size());
    DumpKey model = parseDump(engineDump(original));
    applyToModel(model, more, kTestClock);
    CHECK(engineDump(path) == renderDump(model));
    requireClean(path);
}

TEST_CASE("After an interrupted commit undoing one of its edits is refused and nothing is written", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    const std::string path = dir.file("undo.hiv");
    const auto first = firstInterruption(original, path, plan, reference.points, [&](const CommitFailure& f) {
        // A failed first write to the hive leaves it without the commit: a
        // retry applies every edit, undone or not.
        return holds(path, *f.interrupted);
    });
    REQUIRE(first);
    const auto afterFailure = readFile(path);
    const auto logAfterFailure = readFile(path + ".LOG1");

    // An edit undone below the interrupted ones (the front end says so).
    CommitRequest undone = requestWith(nullptr);
    undone.interrupted = first->interrupted;
    undone.interrupted->intact = false;
    undone.backup = true;
    auto refused = commitPlan(path, plan, undone);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().step == CommitStep::Resume);
    CHECK(refused.error().error.code == ErrorCode::Invalid);
    CHECK(refused.error().error.message ==
          path + ": the hive already holds the 4 edits of the interrupted commit (its log replays them), and "
                 "some of them were undone since; redo them, or discard the pending edits");
    // Fewer pending edits than the interrupted commit holds: the same.
    Plan shorter;
    shorter.add(plan.edits()[0]);
    CommitRequest fewer = requestWith(nullptr);
    fewer.interrupted = first->interrupted;
    auto alsoRefused = commitPlan(path, shorter, fewer);
    REQUIRE_FALSE(alsoRefused);
    CHECK(alsoRefused.error().step == CommitStep::Resume);

    CHECK(readFile(path) == afterFailure);
    CHECK(readFile(path + ".LOG1") == logAfterFailure);
    CHECK_FALSE(fileExists(path + ".bak"));
}

TEST_CASE("After an interrupted commit whose log is gone the retry is refused as dirty and the file stays as it is", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    const std::string path = dir.file("nolog.hiv");
    const auto first = firstInterruption(original, path, plan, reference.points, [&](const CommitFailure&) {
        auto asIs = Hive::open(path, OpenOptions{.useLogs = false});
        REQUIRE(asIs);
        return (*asIs)->recovery().wasDirty;  // not dirty: failed after the header, nothing to replay
    });
    REQUIRE(first);
    std::remove((path + ".LOG1").c_str());
    const auto afterFailure = readFile(path);
    CommitRequest retry = requestWith(nullptr);
    retry.interrupted = first->interrupted;
    auto refused = commitPlan(path, plan, retry);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().step == CommitStep::Resume);
    CHECK(refused.error().error.code == ErrorCode::Corrupt);
    CHECK(refused.error().error.message.find("could not be replayed") != std::string::npos);
    CHECK_FALSE(refused.error().hiveWritten);
    CHECK(readFile(path) == afterFailure);
}

TEST_CASE("A commit that failed before the hive was written is retried in full without an interrupted commit", "[edit][workflow][crash]") {
    TempDir dir;
    const std::string original = makeOriginal(dir);
    const Plan plan = interruptiblePlan();
    const Reference reference = referenceOf(dir, original, plan);
    const std::string path = freshCopy(original, dir.file("early.hiv"));
    CrashFileIO io(realFileIO());
    io.failAt(0, EIO);  // growing the hive
    auto first = commitPlan(path, plan, requestWith(&io));
    REQUIRE_FALSE(first);
    CHECK_FALSE(first.error().hiveWritten);
    CHECK(first.error().error.message.find("the hive file is unchanged") != std::string::npos);
    auto second = commitPlan(path, plan, requestWith(nullptr));
    REQUIRE(second);
    CHECK(engineDump(path) == reference.tree);
}

TEST_CASE("On a hive left dirty a commit interrupted anywhere and committed again leaves the tree of an uninterrupted one", "[edit][workflow][crash]") {
    // The first commit on a dirty hive writes its recovered state first
    // (TxManager invariant 10). An interruption there, or after it, leaves
    // the file at the recovered sequence number, not the one the new
    // commit's log carries: the retry must apply every edit again, and it
    // does, because InterruptedCommit::sequence is the latter.
    TempDir dir;
    const std::string original = freshHive(dir);
    const Plan first = interruptiblePlan();
    const Reference firstReference = referenceOf(dir, original, first);
    // A hive left dirty: a commit interrupted once its pages were written.
    const std::string dirty = dir.file("dirty.hiv");
    bool dirtied = false;
    for (uint64_t point = 0; point < firstReference.points && !dirtied; ++point) {
        freshCopy(original, dirty);
        CrashFileIO io(realFileIO());
        io.failAt(point, EIO);
        auto done = commitPlan(dirty, first, requestWith(&io));
        if (done || !done.error().hiveWritten) continue;
        auto asIs = Hive::open(dirty, OpenOptions{.useLogs = false});
        REQUIRE(asIs);
        dirtied = (*asIs)->recovery().wasDirty;
    }
    REQUIRE(dirtied);
    const auto dirtyBytes = readFile(dirty);
    const auto dirtyLog = readFile(dirty + ".LOG1");
    const std::string path = dir.file("work.hiv");
    auto restore = [&] {
        writeFile(path, dirtyBytes);
        writeFile(path + ".LOG1", dirtyLog);
    };

    Plan second;
    second.createKey("Software\\Workflow\\Second");
    second.setValue("Software\\Workflow", "second", kRegSz, regSzBytes(u"two"));
    second.renameValue("Software\\Workflow", "second", "deux");
    restore();
    CrashFileIO counting(realFileIO());
    auto uninterrupted = commitPlan(path, second, requestWith(&counting));
    REQUIRE(uninterrupted);
    REQUIRE(uninterrupted->written.checkpointPages > 0);
    const std::string expected = engineDump(path);
    const uint64_t points = counting.points();

    int inCheckpoint = 0, afterMark = 0;
    for (uint64_t point = 0; point < points; ++point) {
        INFO("failing operation " << point << " of " << points);
        restore();
        CrashFileIO io(realFileIO());
        io.failAt(point, EIO);
        auto failed = commitPlan(path, second, requestWith(&io));
        if (failed) continue;
        if (!failed.error().hiveWritten) {
            CHECK(readFile(path) == dirtyBytes);
        } else if (failed.error().error.message.find("state recovered from the logs") != std::string::npos) {
            ++inCheckpoint;
        } else if (holds(path, *failed.error().interrupted)) {
            ++afterMark;
        }
        CommitRequest retry = requestWith(nullptr);
        if (failed.error().hiveWritten) retry.interrupted = failed.error().interrupted;
        auto again = commitPlan(path, second, retry);
        INFO((again ? std::string("ok") : again.error().error.message));
        REQUIRE(again);
        CHECK(again->changed == second.size());
        CHECK(engineDump(path) == expected);
        requireClean(path);
    }
    CHECK(inCheckpoint >= 2);
    CHECK(afterMark >= 3);
}
