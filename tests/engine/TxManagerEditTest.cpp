// TxManager's protocol (tx/TxManager.h): sequence numbers, header checksum
// and timestamp, the HvLE log that recovery replays (hive/LogRecovery is
// the oracle), the reset log, dirty tracking, and dirty hives whose
// recovered state the first commit makes the file's own.
#include <catch2/catch.hpp>

#include "engine/EditTestSupport.h"
#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "hive/LogRecovery.h"
#include "merge/Session.h"
#include "support/CrashFileIO.h"
#include "support/HiveBuilder.h"
#include "tx/DirtyTracker.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;
using namespace edittest;

namespace {

std::string freshHive(const TempDir& dir, const std::string& name = "tx.hiv") {
    const std::string path = dir.file(name);
    NewHiveOptions o;
    o.timestamp = kTestClock - 5;
    REQUIRE(createHive(path, o));
    return path;
}

SessionOptions clocked(FileIO* io = nullptr) {
    SessionOptions o;
    o.tx.clock = [] { return kTestClock; };
    o.tx.io = io;
    return o;
}

Plan somePlan() {
    Plan p;
    p.createKey("A\\B\\C");
    p.setValue("A", "data", kRegBinary, patternBytes(30000, 4));
    p.setValue("A\\B", "n", kRegDword, {1, 2, 3, 4});
    return p;
}

}  // namespace

TEST_CASE("a commit sets both sequence numbers to N+1, the timestamp and a valid checksum", "[edit][tx]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    auto before = decodeBaseBlock(readFile(path));
    REQUIRE(before);
    const uint32_t n = before->primarySequence;
    auto s = Session::open(path, clocked());
    REQUIRE(s);
    REQUIRE((*s)->apply(somePlan()));
    // (1) begin() raised the image's primary sequence number only.
    CHECK(loadU32((*s)->hive().bytes().data() + layout::base::PrimarySequence) == n + 1);
    CHECK(loadU32((*s)->hive().bytes().data() + layout::base::SecondarySequence) == n);
    auto report = (*s)->commit();
    REQUIRE(report);
    CHECK(report->sequence == n + 1);
    auto after = decodeBaseBlock(readFile(path));
    REQUIRE(after);
    CHECK(after->primarySequence == n + 1);
    CHECK(after->secondarySequence == n + 1);
    CHECK(after->checksumValid());
    CHECK(after->lastWritten == kTestClock);
    CHECK(after->fileType == 0);
    CHECK(after->hiveBinsDataSize == (*s)->hive().binsEnd());
    CHECK(readFile(path).size() == 4096 + after->hiveBinsDataSize);
    // The session's view is the file's.
    CHECK((*s)->hive().header().primarySequence == n + 1);
    CHECK_FALSE((*s)->pending());
    // A second transaction in the same session goes on from N+1.
    REQUIRE((*s)->apply(Plan().deleteKey("A\\B\\C")));
    REQUIRE((*s)->commit());
    CHECK(decodeBaseBlock(readFile(path))->secondarySequence == n + 2);
    requireClean(path);
}

TEST_CASE("the log written before the hive file is touched replays to exactly the committed hive", "[edit][tx]") {
    TempDir dir;
    const std::string original = freshHive(dir, "orig.hiv");
    // The reference: a complete commit.
    const std::string reference = copyFile(original, dir.file("ref.hiv"));
    {
        auto s = Session::open(reference, clocked());
        REQUIRE(s);
        REQUIRE((*s)->apply(somePlan()));
        REQUIRE((*s)->commit());
    }
    // The same commit stopped right after the log is durable (invariant 3):
    // growth, base block, entry, flush, the directory's flush (the log is
    // new) = points 0..4; crash at 5 (the mark).
    const std::string path = copyFile(original, dir.file("cut.hiv"));
    CrashFileIO io(realFileIO());
    io.crashAt(5, CrashFileIO::Crash::ProcessKill);
    {
        auto s = Session::open(path, clocked(&io));
        REQUIRE(s);
        REQUIRE((*s)->apply(somePlan()));
        REQUIRE_FALSE((*s)->commit());
    }
    const std::vector<uint8_t> hive = readFile(path);
    const std::vector<uint8_t> log = readFile(path + ".LOG1");
    // The hive file holds the old tree (clean), the log the whole commit.
    // (The file was already grown to its new size, with zeros: invariant 2.)
    const std::vector<uint8_t> old = readFile(original);
    REQUIRE(hive.size() > old.size());
    CHECK(std::equal(old.begin() + 4096, old.end(), hive.begin() + 4096));
    CHECK(std::all_of(hive.begin() + static_cast<ptrdiff_t>(old.size()), hive.end(), [](uint8_t b) { return b == 0; }));
    auto header = decodeLogHeader(log);
    REQUIRE(header);
    CHECK(header->format == LogFormat::New);
    CHECK(header->sequence() == decodeBaseBlock(readFile(original))->primarySequence + 1);
    auto entry = decodeLogEntry(log, layout::log::kFirstEntryOffset);
    REQUIRE(entry);
    CHECK(entry->sequence == header->sequence());
    for (const auto& page : entry->pages) {
        CHECK(page.offset % 4096 == 0);
        CHECK(page.data.size() % 4096 == 0);
    }
    CHECK_FALSE(hasLogEntrySignature(log, entry->fileOffset + entry->size));  // the zero sector ends it
    // Replayed over the hive file as if the hive were dirty (it is not yet:
    // the mark never happened), the log gives the reference's bins exactly.
    std::vector<uint8_t> dirty = hive;
    storeU32(dirty.data() + layout::base::PrimarySequence, header->sequence());
    sealBaseBlock(dirty);
    RecoveryReport report;
    auto replayed = replayLogs(dirty, {LogInput{"LOG1", log}}, report);
    REQUIRE(replayed);
    REQUIRE_FALSE(replayed->image.empty());
    const std::vector<uint8_t> ref = readFile(reference);
    CHECK(replayed->sequence == decodeBaseBlock(ref)->primarySequence);
    CHECK(std::vector<uint8_t>(replayed->image.begin() + 4096, replayed->image.end()) ==
          std::vector<uint8_t>(ref.begin() + 4096, ref.end()));
}

TEST_CASE("after a commit the log is reset: recovery never takes it for a valid log", "[edit][tx]") {
    TempDir dir;
    const std::string path = freshHive(dir);
    auto s = Session::open(path, clocked());
    REQUIRE(s);
    REQUIRE((*s)->apply(somePlan()));
    auto report = (*s)->commit();
    REQUIRE(report);
    CHECK(report->logPath == path + ".LOG1");
    const std::vector<uint8_t> log = readFile(path + ".LOG1");
    CHECK(log.size() == report->logBytes);
    auto header = decodeLogHeader(log);
    REQUIRE_FALSE(header);
    CHECK(header.error().message.find("differ: the log's own write was not completed") != std::string::npos);
    // An existing log of the hive, whatever its letter case, is the one used.
    const std::string other = freshHive(dir, "other.hiv");
    writeFile(other + ".log1", {});
    auto s2 = Session::open(other, clocked());
    REQUIRE(s2);
    REQUIRE((*s2)->apply(Plan().createKey("X")));
    auto r2 = (*s2)->commit();
    REQUIRE(r2);
    CHECK(r2->logPath == other + ".log1");
    CHECK_FALSE(fileExists(other + ".LOG1"));
}

TEST_CASE("only the pages an edit touches are written", "[edit][tx]") {
    TempDir dir;
    const std::string path = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    const std::vector<uint8_t> before = readFile(path);
    auto s = Session::open(path, clocked());
    REQUIRE(s);
    REQUIRE((*s)->apply(Plan().setValue("Select", "Current", kRegDword, {2, 0, 0, 0})));
    const DirtyTracker& dirty = (*s)->tx().dirty();
    auto report = (*s)->commit();
    REQUIRE(report);
    const std::vector<uint8_t> after = readFile(path);
    REQUIRE(after.size() == before.size());
    size_t changedPages = 0;
    for (size_t at = 4096; at < after.size(); at += 4096)
        changedPages += !std::equal(after.begin() + at, after.begin() + at + 4096, before.begin() + at);
    CHECK(changedPages >= 1);
    CHECK(changedPages <= 2);  // the value (inline: in its vk) and the key's timestamp
    CHECK(report->dirtyPages == changedPages + 1);  // + the header page
    CHECK(dirty.empty());  // cleared by the commit
    CHECK(report->primaryBytes == changedPages * 4096 + 2 * 512);
}

TEST_CASE("the dirty tracker reports sectors and page runs", "[edit][tx]") {
    DirtyTracker t;
    CHECK(t.empty());
    t.mark(4096 + 10, 2);
    t.mark(8192 + 4000, 200);  // crosses into the next page
    t.mark(40960, 1);
    CHECK(t.sectorCount() == 4);
    CHECK(t.pageCount() == 4);
    CHECK(t.isPageDirty(12288));
    CHECK_FALSE(t.isPageDirty(16384));
    CHECK(t.pageRuns() == std::vector<DirtyTracker::Range>{{4096, 12288}, {40960, 4096}});
    CHECK(t.pageRuns(8192) == std::vector<DirtyTracker::Range>{{8192, 8192}, {40960, 4096}});
    t.clear();
    CHECK(t.pageRuns().empty());
}

TEST_CASE("editing a dirty hive commits its recovered state and resets its logs", "[edit][tx]") {
    TempDir dir;
    const std::string path = copyFile(hivePath("regipy/UsrClass.dat"), dir.file("UsrClass.dat"));
    copyFile(hivePath("regipy/UsrClass.dat.LOG1"), dir.file("UsrClass.dat.LOG1"));
    copyFile(hivePath("regipy/UsrClass.dat.LOG2"), dir.file("UsrClass.dat.LOG2"));
    const std::string recovered = engineDump(path);            // with replay
    CHECK(hivexDump(path) != recovered);  // hivex reads the primary file only
    auto s = Session::open(path, clocked());
    REQUIRE(s);
    // The recovery is pending before any plan.
    CHECK((*s)->pending());
    REQUIRE((*s)->apply(Plan().setValue("", "HiveKit", kRegDword, {1, 0, 0, 0})));
    REQUIRE((*s)->commit());
    // The file itself now holds the recovered tree plus the edit: hivex,
    // which ignores logs, sees it.
    DumpKey model = parseDump(recovered);
    applyToModel(model, Plan().setValue("", "HiveKit", kRegDword, {1, 0, 0, 0}), kTestClock);
    CHECK(hivexDump(path) == renderDump(model));
    auto header = decodeBaseBlock(readFile(path));
    REQUIRE(header);
    CHECK_FALSE(header->isDirty());
    CHECK_FALSE(decodeLogHeader(readFile(path + ".LOG1")));
    CHECK_FALSE(decodeLogHeader(readFile(path + ".LOG2")));
    requireClean(path);
}
