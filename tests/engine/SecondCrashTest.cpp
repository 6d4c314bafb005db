// A second crash on a hive that a first crash left dirty (tx/TxManager.h,
// invariant (10)): a first commit is interrupted at every point with every
// kind of crash (support/CrashFileIO), and on each distinct state that
// leaves, a second commit is interrupted at every point with every kind of
// crash. Reopening must give exactly the tree the first crash left (the
// tree before both commits, or after the first) or that tree with the
// second commit's edits, and the checker must find it clean. Without the
// checkpoint, or with one that writes the edits or does not flush, the same
// loop finds a crash that breaks the hive. The repro (a real
// NTUSER.DAT whose second commit dies right after writing its new log
// header) is a test of its own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/CrashTestSupport.h"
#include "format/BaseBlock.h"
#include "format/LogFile.h"

using namespace crashtest;

namespace {

constexpr uint64_t kSecondClock = kTestClock + 1000;

/// The first commit: a new key, a value rewritten in place, one large
/// enough to grow the hive by a bin, a value deleted.
Plan firstPlan() {
    Plan p;
    p.createKey("Software\\First", false);
    p.setValue("Software", "v", kRegBinary, patternBytes(64, 3));
    p.setValue("Software\\First", "blob", kRegBinary, patternBytes(6000, 4));
    p.deleteValue("Software", "gone");
    return p;
}

/// The second commit: valid on the tree before the first commit and after
/// it; it rewrites a value the first one rewrote (a page both change) and
/// one on a page the first never touched.
Plan secondPlan() {
    Plan p;
    p.setValue("Software", "v", kRegBinary, patternBytes(64, 5));
    p.setValue("Old\\Child", "value3", kRegDword, {33, 0, 0, 0});
    p.setValue("Filler", "value29", kRegBinary, patternBytes(300, 6));
    p.createKey("Second", false);
    return p;
}

/// CrashTest's small hive and a key whose values fill a few more pages:
/// the commits then change some pages and leave others alone.
std::string makeOriginalWithFiller(const TempDir& dir) {
    const std::string path = makeOriginal(dir);
    Plan filler;
    filler.createKey("Filler", false);
    for (int i = 0; i < 30; ++i)
        filler.setValue("Filler", "value" + std::to_string(i), kRegBinary, patternBytes(300, uint8_t(i)));
    SessionOptions so;
    so.tx.clock = [] { return kTestClock - 40; };
    auto s = Session::open(path, so);
    REQUIRE(s);
    REQUIRE((*s)->apply(filler));
    REQUIRE((*s)->commit());
    return path;
}

/// H and its log as a crash left them.
struct Snapshot {
    std::vector<uint8_t> hive;
    std::optional<std::vector<uint8_t>> log;
    bool operator==(const Snapshot&) const = default;
};

Snapshot take(const std::string& path) {
    Snapshot s{readFile(path), std::nullopt};
    if (fileExists(path + ".LOG1")) s.log = readFile(path + ".LOG1");
    return s;
}

void restore(const std::string& path, const Snapshot& s) {
    writeFile(path, s.hive);
    std::remove((path + ".LOG1").c_str());
    if (s.log) writeFile(path + ".LOG1", *s.log);
}

/// Crash right after commit() returned.
constexpr uint64_t kAfterSuccess = UINT64_MAX;

/// Applies `plan` to the hive at `path` and commits it through a
/// CrashFileIO that crashes as `how` at `point` (kAfterSuccess: right after
/// the commit returned). False when the commit ended before reaching
/// `point`: the loop over the points is done.
bool commitCrashingAt(const std::string& path, const Plan& plan, SessionOptions options, Crash how, uint64_t point) {
    CrashFileIO io(realFileIO());
    if (point != kAfterSuccess) io.crashAt(point, how);
    options.tx.io = &io;
    auto s = Session::open(path, options);
    REQUIRE(s);
    REQUIRE((*s)->apply(plan));
    auto committed = (*s)->commit();
    if (point == kAfterSuccess) {
        REQUIRE(committed);
        io.crashNow(how);
        return true;
    }
    // A crash while resetting the logs comes after a complete commit.
    if (committed) return io.crashed();
    CHECK(io.crashed());
    return true;
}

/// Runs `body(point)` for every crash point of a commit, then for the crash
/// right after it returned (kAfterSuccess); `body` returns what
/// commitCrashingAt returned.
template <typename Body>
void forEveryPoint(Body body) {
    for (uint64_t point = 0; body(point); ++point) {
    }
    body(kAfterSuccess);
}

std::string pointName(Crash how, uint64_t point) {
    return std::string(crashName(how)) + " at " +
           (point == kAfterSuccess ? std::string("the end") : "point " + std::to_string(point));
}

/// The trees the pairs can end in.
struct Trees {
    std::string before;       ///< neither commit
    std::string first;        ///< the first commit only
    std::string second;       ///< the second commit only (the first lost)
    std::string both;
};

Trees expectedTrees(const std::string& original) {
    Trees t;
    t.before = engineDump(original);
    DumpKey model = parseDump(t.before);
    applyToModel(model, firstPlan(), kTestClock);
    t.first = renderDump(model);
    applyToModel(model, secondPlan(), kSecondClock);
    t.both = renderDump(model);
    DumpKey secondOnly = parseDump(t.before);
    applyToModel(secondOnly, secondPlan(), kSecondClock);
    t.second = renderDump(secondOnly);
    return t;
}

SessionOptions secondOptions(StrategyKind kind, ProtocolMutation mutation = ProtocolMutation::None) {
    SessionOptions o = crashOptions(nullptr, kind, mutation);
    o.tx.clock = [] { return kSecondClock; };
    return o;
}

/// What the pairs loop saw.
struct PairsResult {
    uint64_t firstStates = 0;  ///< distinct states the first crash left
    uint64_t dirtyStates = 0;  ///< of them, dirty hives that a log rebuilds
    uint64_t pairs = 0;        ///< second commits interrupted
    std::string firstBroken;   ///< the first pair that broke the hive, described
};

/// Every crash of a first commit x every crash of a second one on the
/// state it left, with `kind` for both commits and `mutation` for the
/// second. With `stopAtBroken` it returns at the first broken hive;
/// otherwise each pair is CHECKed.
PairsResult runPairs(StrategyKind kind, ProtocolMutation mutation, bool stopAtBroken) {
    TempDir dir;
    const std::string original = makeOriginalWithFiller(dir);
    const Trees trees = expectedTrees(original);
    const std::string path = dir.file("pair.hiv");
    PairsResult result;
    std::vector<Snapshot> seen;
    for (Crash firstHow : kEveryCrash) {
        forEveryPoint([&](uint64_t firstPoint) {
            if (!result.firstBroken.empty()) return false;
            freshCopy(original, path);
            const bool reached = commitCrashingAt(path, firstPlan(), crashOptions(nullptr, kind), firstHow, firstPoint);
            const Snapshot state = take(path);
            if (std::find(seen.begin(), seen.end(), state) != seen.end()) return reached;
            seen.push_back(state);
            ++result.firstStates;
            const std::string first = pointName(firstHow, firstPoint);
            // The first crash alone leaves the tree before or after it
            // (CrashTest proves it; here it picks what the second may give).
            const Outcome afterFirst = outcomeOf(path, trees.before, trees.first);
            INFO("first commit: " << first << ": " << afterFirst.why);
            REQUIRE(afterFirst.kind != Outcome::Broken);
            const std::string& base = afterFirst.kind == Outcome::Old ? trees.before : trees.first;
            const std::string& withSecond = afterFirst.kind == Outcome::Old ? trees.second : trees.both;
            {
                auto h = Hive::open(path);
                REQUIRE(h);
                result.dirtyStates += (*h)->recovery().recovered;
            }
            for (Crash secondHow : kEveryCrash) {
                forEveryPoint([&](uint64_t secondPoint) {
                    if (!result.firstBroken.empty()) return false;
                    restore(path, state);
                    const bool more =
                        commitCrashingAt(path, secondPlan(), secondOptions(kind, mutation), secondHow, secondPoint);
                    ++result.pairs;
                    const Outcome seenNow = outcomeOf(path, base, withSecond);
                    const std::string pair =
                        "first commit: " + first + "; second commit: " + pointName(secondHow, secondPoint);
                    if (stopAtBroken) {
                        if (seenNow.kind == Outcome::Broken) result.firstBroken = pair + ": " + seenNow.why;
                        return more;
                    }
                    INFO(pair << ": " << seenNow.why);
                    CHECK(seenNow.kind != Outcome::Broken);
                    // After success only the second commit's tree will do.
                    if (secondPoint == kAfterSuccess) CHECK(seenNow.kind == Outcome::New);
                    return more;
                });
            }
            return reached;
        });
    }
    return result;
}

}  // namespace

TEST_CASE("a second commit interrupted anywhere on a hive a first crash left anywhere reopens as the tree before it or after it", "[edit][crash][secondcrash]") {
    for (StrategyKind kind : {StrategyKind::InPlace, StrategyKind::Append, StrategyKind::Hybrid}) {
        INFO("strategy " << strategyName(kind));
        const PairsResult r = runPairs(kind, ProtocolMutation::None, false);
        // The loop reached the states that matter: dirty hives that only
        // their log rebuilds, each crashed again at every point.
        CHECK(r.dirtyStates > 0);
        CHECK(r.pairs > r.firstStates * 4 * 12);
        WARN("strategy " << strategyName(kind) << ": " << r.firstStates << " distinct states after the first crash ("
                         << r.dirtyStates << " dirty), " << r.pairs << " pairs");
    }
}

// The checkpoint's parts, removed: the pairs loop then finds a broken hive.

TEST_CASE("without the checkpoint of a recovered hive (invariant 10) a second crash can leave a broken hive", "[edit][crash][secondcrash][mutation]") {
    const PairsResult r = runPairs(StrategyKind::Hybrid, ProtocolMutation::SkipCheckpoint, true);
    INFO(r.firstBroken);
    CHECK_FALSE(r.firstBroken.empty());
}

TEST_CASE("a checkpoint that writes the edited pages instead of the recovered ones (invariant 10) lets a second crash leave a broken hive", "[edit][crash][secondcrash][mutation]") {
    const PairsResult r = runPairs(StrategyKind::Hybrid, ProtocolMutation::CheckpointEdits, true);
    INFO(r.firstBroken);
    CHECK_FALSE(r.firstBroken.empty());
}

TEST_CASE("without the checkpoint's flushes (invariant 10) a second crash can leave a broken hive", "[edit][crash][secondcrash][mutation]") {
    const PairsResult r = runPairs(StrategyKind::Hybrid, ProtocolMutation::SkipCheckpointFlush, true);
    INFO(r.firstBroken);
    CHECK_FALSE(r.firstBroken.empty());
}

namespace {

/// A FileIO that passes every call to the real file system and records the
/// writes and flushes, in order, as "write PATH OFFSET SIZE" and "sync PATH".
class RecordingFileIO final : public FileIO {
public:
    std::vector<std::string> ops;

    Result<FileId> open(const std::string& path, bool create) override { return real_.open(path, create); }
    Result<FileId> openForReading(const std::string& path) override { return real_.openForReading(path); }
    Result<void> close(FileId file) override { return real_.close(file); }
    Result<void> read(FileId file, uint64_t offset, std::span<uint8_t> out) override {
        return real_.read(file, offset, out);
    }
    Result<void> write(FileId file, uint64_t offset, Bytes data) override {
        ops.push_back("write " + pathOf(file) + " " + std::to_string(offset) + " " + std::to_string(data.size()));
        return real_.write(file, offset, data);
    }
    Result<void> sync(FileId file, SyncKind kind) override {
        ops.push_back("sync " + pathOf(file));
        return real_.sync(file, kind);
    }
    Result<void> truncate(FileId file, uint64_t size) override { return real_.truncate(file, size); }
    Result<void> reserve(FileId file, uint64_t size) override { return real_.reserve(file, size); }
    Result<uint64_t> size(FileId file) override { return real_.size(file); }
    Result<void> rename(const std::string& from, const std::string& to) override { return real_.rename(from, to); }
    Result<void> syncDirectory(const std::string& directory) override { return real_.syncDirectory(directory); }
    Result<bool> exists(const std::string& path) override { return real_.exists(path); }
    Result<uint64_t> fileSize(const std::string& path) override { return real_.fileSize(path); }
    std::string pathOf(FileId file) const override { return real_.pathOf(file); }

private:
    FileIO& real_ = realFileIO();
};

/// A copy of `original` at `path`, left dirty by a first commit killed
/// right after it marked the hive dirty: its log alone rebuilds the tree
/// after the first commit.
void makeDirty(const std::string& original, const std::string& path, const Plan& plan) {
    for (uint64_t point = 0;; ++point) {
        REQUIRE(point < 100);
        freshCopy(original, path);
        commitCrashingAt(path, plan, crashOptions(nullptr), Crash::ProcessKill, point);
        auto h = Hive::open(path);
        REQUIRE(h);
        if ((*h)->recovery().recovered) return;
    }
}

/// A hive of makeOriginalWithFiller() left dirty by a crash in the first
/// commit, at `dir`/dirty.hiv; `original` receives the hive before it.
std::string dirtyHive(const TempDir& dir, std::string& original) {
    original = makeOriginalWithFiller(dir);
    const std::string path = dir.file("dirty.hiv");
    makeDirty(original, path, firstPlan());
    return path;
}

/// The sequence number a dirty hive's logs recover it to.
uint32_t recoveredSequenceOf(const std::string& path) {
    auto h = Hive::open(path);
    REQUIRE(h);
    return (*h)->header().primarySequence;
}

/// Both sequence numbers of the hive file's own header, read without its logs.
std::pair<uint32_t, uint32_t> fileSequences(const std::string& path) {
    auto header = decodeBaseBlock(readFile(path));
    REQUIRE(header);
    return {header->primarySequence, header->secondarySequence};
}

/// The tree the hive file holds by itself (its logs ignored).
std::string treeWithoutLogs(const std::string& path) {
    OpenOptions o;
    o.useLogs = false;
    auto h = Hive::open(path, o);
    REQUIRE(h);
    auto tree = treeOf(**h);
    REQUIRE(tree);
    return *tree;
}

}  // namespace

TEST_CASE("a dirty hive's first commit writes the recovered pages and a clean header, each flushed, before a byte of its log", "[edit][crash][secondcrash]") {
    TempDir dir;
    std::string original;
    const std::string path = dirtyHive(dir, original);
    const std::string log = path + ".LOG1";
    const std::vector<uint8_t> logBefore = readFile(log);
    const uint32_t recoveredSequence = recoveredSequenceOf(path);
    REQUIRE(fileSequences(path).first != fileSequences(path).second);

    RecordingFileIO io;
    SessionOptions options = secondOptions(StrategyKind::Hybrid);
    options.tx.io = &io;
    auto s = Session::open(path, options);
    REQUIRE(s);
    CHECK((*s)->tx().recoveryPending());
    REQUIRE((*s)->apply(secondPlan()));
    auto committed = (*s)->commit();
    REQUIRE(committed);
    CHECK_FALSE((*s)->tx().recoveryPending());
    CHECK(committed->checkpointPages > 0);
    CHECK(committed->sequence == recoveredSequence + 1);

    // The operations up to the first write to the log: the recovered pages
    // (past the base block), a flush, the header, a flush; nothing else.
    const auto firstLogWrite = std::find_if(io.ops.begin(), io.ops.end(), [&](const std::string& op) {
        return op.rfind("write " + log + " ", 0) == 0;
    });
    REQUIRE(firstLogWrite != io.ops.end());
    const std::vector<std::string> checkpoint(io.ops.begin(), firstLogWrite);
    INFO("operations before the log: " << checkpoint.size());
    REQUIRE(checkpoint.size() >= 5);
    uint64_t pageWrites = 0;
    for (size_t i = 0; i + 3 < checkpoint.size(); ++i) {
        INFO(checkpoint[i]);
        CHECK(checkpoint[i].rfind("write " + path + " ", 0) == 0);
        CHECK(checkpoint[i].rfind("write " + path + " 0 ", 0) != 0);
        ++pageWrites;
    }
    CHECK(pageWrites > 0);
    CHECK(checkpoint[checkpoint.size() - 3] == "sync " + path);
    CHECK(checkpoint[checkpoint.size() - 2] == "write " + path + " 0 512");
    CHECK(checkpoint[checkpoint.size() - 1] == "sync " + path);

    const Trees trees = expectedTrees(original);
    CHECK(engineDump(path) == trees.both);
    CHECK(fileSequences(path) == std::pair{recoveredSequence + 1, recoveredSequence + 1});
    CHECK(readFile(log) != logBefore);
    requireClean(path);
}

TEST_CASE("a dirty hive committed without edits is the checkpoint alone: clean, recovered, under the recovered sequence number", "[edit][crash][secondcrash]") {
    TempDir dir;
    std::string original;
    const std::string path = dirtyHive(dir, original);
    const Trees trees = expectedTrees(original);
    CHECK(treeWithoutLogs(path) != trees.first);
    const uint32_t recoveredSequence = recoveredSequenceOf(path);
    auto s = Session::open(path, secondOptions(StrategyKind::Hybrid));
    REQUIRE(s);
    CHECK((*s)->pending());
    auto committed = (*s)->commit();
    REQUIRE(committed);
    CHECK(committed->wrote);
    CHECK(committed->sequence == recoveredSequence);
    CHECK(committed->logBytes == 0);
    CHECK(committed->checkpointPages > 0);
    CHECK_FALSE((*s)->pending());
    // The file alone holds the recovered tree, clean; the log is inert.
    CHECK(fileSequences(path) == std::pair{recoveredSequence, recoveredSequence});
    CHECK(treeWithoutLogs(path) == trees.first);
    CHECK_FALSE(decodeLogHeader(readFile(path + ".LOG1")));
    requireClean(path);
    // The session goes on as over any clean hive.
    REQUIRE((*s)->apply(secondPlan()));
    REQUIRE((*s)->commit());
    CHECK(engineDump(path) == trees.both);
    requireClean(path);
}

TEST_CASE("a failure inside the checkpoint is sticky and the old log still rebuilds the recovered tree", "[edit][crash][secondcrash]") {
    TempDir dir;
    std::string original;
    const std::string path = dirtyHive(dir, original);
    const std::vector<uint8_t> logBefore = readFile(path + ".LOG1");
    CrashFileIO io(realFileIO());
    SessionOptions options = secondOptions(StrategyKind::Hybrid);
    options.tx.io = &io;
    auto s = Session::open(path, options);
    REQUIRE(s);
    REQUIRE((*s)->apply(secondPlan()));
    // The hive file does not grow (the first commit's log made it as large
    // as it needs), so point 0 is the checkpoint's first page write.
    io.failAt(io.points(), EIO);
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.rfind("cannot write the state recovered from the logs: ", 0) == 0);
    CHECK(committed.error().message.find("Input/output error") != std::string::npos);
    CHECK(committed.error().message.find("; the hive file is still dirty and its logs still rebuild that state: open "
                                         "the hive again (the pending edits are lost)") != std::string::npos);
    auto again = (*s)->commit();
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("an earlier commit failed") != std::string::npos);
    CHECK(readFile(path + ".LOG1") == logBefore);
    CHECK(engineDump(path) == expectedTrees(original).first);
    requireClean(path);
}

TEST_CASE("a failure after the checkpoint leaves the recovered tree clean in the hive file and the commit pending", "[edit][crash][secondcrash]") {
    TempDir dir;
    std::string original;
    const std::string path = dirtyHive(dir, original);
    const Trees trees = expectedTrees(original);
    CrashFileIO io(realFileIO());
    SessionOptions options = secondOptions(StrategyKind::Hybrid);
    options.tx.io = &io;
    auto s = Session::open(path, options);
    REQUIRE(s);
    REQUIRE((*s)->apply(secondPlan()));
    // Count the checkpoint's points on a copy, then fail the log's first write.
    uint64_t checkpointPoints = 0;
    {
        const std::string copy = dir.file("count.hiv");
        copyFile(path, copy);
        copyFile(path + ".LOG1", copy + ".LOG1");
        RecordingFileIO recording;
        SessionOptions o = secondOptions(StrategyKind::Hybrid);
        o.tx.io = &recording;
        auto counted = Session::open(copy, o);
        REQUIRE(counted);
        REQUIRE((*counted)->apply(secondPlan()));
        REQUIRE((*counted)->commit());
        while (recording.ops[checkpointPoints].rfind("write " + copy + ".LOG1 ", 0) != 0) ++checkpointPoints;
    }
    io.failAt(io.points() + checkpointPoints, ENOSPC);
    auto committed = (*s)->commit();
    REQUIRE_FALSE(committed);
    CHECK(committed.error().message.find("No space left on device") != std::string::npos);
    CHECK(committed.error().message.find("; the hive file holds the state recovered from its logs (written first), "
                                         "not the edits, which are still pending") != std::string::npos);
    CHECK(treeWithoutLogs(path) == trees.first);
    CHECK(fileSequences(path).first == fileSequences(path).second);
    requireClean(path);
    // (8) Not sticky: the edits are pending and commit now.
    CHECK((*s)->pending());
    REQUIRE((*s)->commit());
    CHECK(engineDump(path) == trees.both);
    requireClean(path);
}

TEST_CASE("a real NTUSER.DAT left dirty by a killed import survives a set killed anywhere, and the next set leaves it clean", "[edit][crash][secondcrash]") {
    TempDir dir;
    const std::string original = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER1.DAT"));
    // What an import of a small .reg file does, in one commit.
    Plan imported;
    imported.createKey("Software\\HiveKit\\Imported", true);
    for (int i = 0; i < 8; ++i)
        imported.setValue("Software\\HiveKit\\Imported", "value" + std::to_string(i), kRegSz,
                          regSzBytes(u"imported value " + std::u16string(1, char16_t(u'a' + i))));
    imported.setValue("Console", "FontSize", kRegDword, {0, 0, 16, 0});
    imported.setValue("Control Panel\\Colors", "Window", kRegSz, regSzBytes(u"1 2 3"));
    imported.deleteKey("EUDC", true);
    Plan set;
    set.setValue("Console", "FontSize", kRegDword, {0, 0, 14, 0});
    Plan third;
    third.setValue("Environment", "HIVEKIT", kRegSz, regSzBytes(u"third"));

    const std::string before = engineDump(original);
    DumpKey model = parseDump(before);
    applyToModel(model, imported, kTestClock);
    const std::string afterImport = renderDump(model);
    applyToModel(model, set, kSecondClock);
    const std::string afterSet = renderDump(model);

    const std::string path = dir.file("crash.DAT");
    uint64_t dirtyStates = 0, pairs = 0, dirtyAgain = 0;
    forEveryPoint([&](uint64_t firstPoint) {
        freshCopy(original, path);
        const bool more = commitCrashingAt(path, imported, crashOptions(nullptr), Crash::ProcessKill, firstPoint);
        {
            auto h = Hive::open(path);
            REQUIRE(h);
            if (!(*h)->recovery().recovered) return more;  // clean: CrashTest's ground
        }
        ++dirtyStates;
        REQUIRE(engineDump(path) == afterImport);
        const Snapshot state = take(path);
        for (Crash how : {Crash::ProcessKill, Crash::PowerCut}) {
            forEveryPoint([&](uint64_t secondPoint) {
                restore(path, state);
                const bool go = commitCrashingAt(path, set, secondOptions(StrategyKind::Hybrid), how, secondPoint);
                ++pairs;
                const Outcome seen = outcomeOf(path, afterImport, afterSet);
                INFO("import killed at point " << firstPoint << ", set: " << pointName(how, secondPoint) << ": "
                                               << seen.why);
                CHECK(seen.kind != Outcome::Broken);
                // On a hive the set left dirty again, the next set commits
                // and the hive checks clean (the third set marked a
                // broken hive clean).
                if (!decodeBaseBlock(readFile(path))->isDirty()) return go;
                ++dirtyAgain;
                SessionOptions o;
                o.tx.clock = [] { return kSecondClock + 1; };
                auto s = Session::open(path, o);
                REQUIRE(s);
                REQUIRE((*s)->apply(third));
                REQUIRE((*s)->commit());
                requireClean(path);
                CHECK_FALSE(decodeBaseBlock(readFile(path))->isDirty());
                return go;
            });
        }
        return more;
    });
    CHECK(dirtyStates > 0);
    CHECK(dirtyAgain > 0);
    WARN("NTUSER1.DAT: " << dirtyStates << " dirty states after a killed import, " << pairs << " killed sets on them, "
                         << dirtyAgain << " left dirty again");
}
