// Tests of hive/LogRecovery: replay of the real dirty hives of the test corpus
// with their logs, the evidence left byte-identical, and every rule of the
// replay on logs damaged or composed here (LogRecovery.h numbers the rules).
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "hive/CellScanner.h"
// The structural checker is being written beside this test; use it where it
// is there, the walk below otherwise.
#if __has_include("hive/Checker.h")
#include "hive/Checker.h"
#define HIVEKIT_HAVE_CHECKER 1
#endif
#include "hive/Hive.h"
#include "hive/LogRecovery.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

using File = std::vector<uint8_t>;

constexpr const char* kServer = "dfir/Server2022-APTSimulatorVM/Amcache.hve";
constexpr const char* kServerNewKey = "Root\\InventoryApplicationFile\\devicecensus.exe|26420fddf94319b3";

// ---------------------------------------------------------------------------
// Helpers

bool hasLine(const RecoveryReport& report, const std::string& needle) {
    for (const auto& line : report.lines)
        if (line.find(needle) != std::string::npos) return true;
    return false;
}

std::string allLines(const RecoveryReport& report) {
    std::string out;
    for (const auto& line : report.lines) out += line + "\n";
    return out;
}

/// Replays in-memory logs given as (name, bytes).
ReplayResult replay(const File& hive, const std::vector<std::pair<std::string, const File*>>& logs,
                    RecoveryReport& report) {
    std::vector<LogInput> inputs;
    for (const auto& [name, bytes] : logs) inputs.push_back(LogInput{name, Bytes(*bytes)});
    auto r = replayLogs(hive, inputs, report);
    REQUIRE(r);
    return std::move(*r);
}

/// Warnings and errors a structural walk finds: the hive's own diagnostics,
/// the cell scan's, everything reached from the root (lists, values, value
/// data, class names) and, where it exists, the structural checker's.
size_t structuralProblems(const Hive& hive, std::string& first) {
    Diagnostics d;
    d.append(hive.diagnostics());
    CellScanner(hive).statistics(&d);
    size_t keys = 0;
    TreeWalker(hive).walk(
        [&](const WalkedKey& k) {
            ++keys;
            hive.subkeys(*k.node, &d);
            for (uint32_t at : hive.values(*k.node, &d)) {
                auto v = hive.valueRecord(at);
                if (!v) {
                    d.error(v.error());
                    continue;
                }
                if (auto data = hive.valueData(*v); !data) d.error(data.error());
            }
            if (auto cls = hive.className(*k.node); !cls) d.error(cls.error());
            return true;
        },
        &d);
    if (keys == 0) d.error("no key reached from the root");
#ifdef HIVEKIT_HAVE_CHECKER
    d.append(checkHive(hive).diagnostics);
#endif
    size_t problems = 0;
    for (const auto& item : d.items()) {
        if (item.severity == Diagnostic::Severity::Info) continue;
        if (problems++ == 0) first = item.message;
    }
    return problems;
}

void requireClean(const Hive& hive) {
    std::string first;
    const size_t problems = structuralProblems(hive, first);
    INFO("first problem: " << first);
    CHECK(problems == 0);
}

std::unique_ptr<Hive> openImage(File image) {
    auto h = Hive::fromBytes(std::move(image), "recovered");
    REQUIRE(h);
    return std::move(*h);
}

std::optional<KeyNode> key(const Hive& hive, const std::string& path) {
    auto at = Index(hive).findKey(path);
    if (!at) return std::nullopt;
    auto k = hive.keyNode(*at);
    if (!k) return std::nullopt;
    return *k;
}

std::optional<File> valueBytes(const Hive& hive, const std::string& path, const std::u16string& name) {
    auto k = key(hive, path);
    if (!k) return std::nullopt;
    auto at = Index(hive).findValue(*k, name);
    if (!at) return std::nullopt;
    auto v = hive.valueRecord(*at);
    if (!v) return std::nullopt;
    auto data = hive.valueData(*v);
    if (!data) return std::nullopt;
    return File(data->bytes().begin(), data->bytes().end());
}

/// REG_SZ bytes of an ASCII string, NUL included.
File utf16z(const std::string& s) {
    File out;
    for (char c : s) {
        out.push_back(static_cast<uint8_t>(c));
        out.push_back(0);
    }
    out.push_back(0);
    out.push_back(0);
    return out;
}

KeyNode requireKey(const Hive& hive, const std::string& path) {
    auto k = key(hive, path);
    INFO("key " << path);
    REQUIRE(k);
    return *k;
}

uint64_t fnv1a(const File& bytes) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ULL;
    return h;
}

File dword(uint32_t v) {
    File out(4);
    storeU32(out.data(), v);
    return out;
}

/// The hive bins data of an image, without the base block.
File binsOf(const File& image, uint32_t size) {
    return File(image.begin() + 0x1000, image.begin() + 0x1000 + size);
}

void resealBaseBlock(File& file) {
    storeU32(file.data() + layout::base::Checksum, baseBlockChecksum(Bytes(file.data(), 508)));
}

void setSequences(File& file, uint32_t primary, uint32_t secondary) {
    storeU32(file.data() + layout::base::PrimarySequence, primary);
    storeU32(file.data() + layout::base::SecondarySequence, secondary);
    resealBaseBlock(file);
}

/// The file offsets of a new-format log's entries, in order, as long as
/// they decode.
std::vector<uint64_t> entryOffsets(const File& log) {
    std::vector<uint64_t> out;
    uint64_t at = layout::log::kFirstEntryOffset;
    while (hasLogEntrySignature(log, at)) {
        auto e = decodeLogEntry(log, at);
        if (!e) break;
        out.push_back(at);
        at += e->size;
    }
    return out;
}

/// A new-format log numbered anew from `first`: its base block and every
/// entry, hashes recomputed, so that only the numbers differ.
File renumbered(File log, uint32_t first) {
    setSequences(log, first, first);
    uint32_t n = first;
    for (uint64_t at : entryOffsets(log)) {
        const uint32_t size = loadU32(log.data() + at + layout::log::entry::Size);
        storeU32(log.data() + at + layout::log::entry::SequenceNumber, n++);
        sealLogEntry(std::span<uint8_t>(log.data() + at, size));
    }
    return log;
}

/// The Server 2022 Amcache and its two logs, copied into memory.
struct ServerSet {
    File hive = readFile(hivePath(kServer));
    File log1 = readFile(hivePath(std::string(kServer) + ".LOG1"));
    File log2 = readFile(hivePath(std::string(kServer) + ".LOG2"));
};

/// What the replay of the untouched Server 2022 logs produces.
const ReplayResult& serverRecovered() {
    static const ReplayResult result = [] {
        ServerSet s;
        RecoveryReport report;
        return replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &s.log2}}, report);
    }();
    return result;
}

/// Copies a hive and its logs into `dir` under the names given.
std::string stage(const TempDir& dir, const std::string& hive, const std::string& name,
                  const std::vector<std::pair<std::string, std::string>>& logs) {
    const std::string target = dir.file(name);
    copyFile(hivePath(hive), target);
    for (const auto& [from, to] : logs) copyFile(hivePath(from), dir.file(to));
    return target;
}

/// Checks what every recovered hive must be (rule 7), then walks it.
void requireRecoveredImage(const Hive& hive) {
    const BaseBlock& b = hive.header();
    CHECK(b.primarySequence == b.secondarySequence);
    CHECK(b.checksumValid());
    CHECK(b.fileType == 0);
    requireClean(hive);
}

}  // namespace

// ---------------------------------------------------------------------------
// Finding the logs

TEST_CASE("the logs beside a hive are found in any letter case, .LOG then .LOG1 then .LOG2", "[recovery]") {
    TempDir dir;
    for (const char* name : {"Sample.DAT", "SAMPLE.DAT.log2", "sample.dat.LoG1", "Sample.Dat.LOG", "Sample.DAT.LOG3",
                             "Sample.DAT.LOG1.bak", "Other.DAT.LOG1"})
        writeFile(dir.file(name), {});
    auto logs = findLogFiles(dir.file("Sample.DAT"));
    REQUIRE(logs.size() == 3);
    CHECK(logs[0] == dir.file("Sample.Dat.LOG"));
    CHECK(logs[1] == dir.file("sample.dat.LoG1"));
    CHECK(logs[2] == dir.file("SAMPLE.DAT.log2"));
}

// ---------------------------------------------------------------------------
// The real dirty hives

/// Replays the logs beside a real hive, from the files.
ReplayResult replayReal(const std::string& relative, RecoveryReport& report) {
    const File primary = readFile(hivePath(relative));
    auto r = replayLogFiles(hivePath(relative), primary, report);
    REQUIRE(r);
    return std::move(*r);
}

std::unique_ptr<Hive> openReal(const std::string& relative, bool useLogs) {
    auto h = Hive::open(hivePath(relative), OpenOptions{useLogs});
    REQUIRE(h);
    return std::move(*h);
}

TEST_CASE("UsrClass.dat replays LOG1 entries 287-290, then LOG2 entries 291-300", "[recovery][real]") {
    const std::string rel = "regipy/UsrClass.dat";
    RecoveryReport report;
    const ReplayResult r = replayReal(rel, report);
    INFO(allLines(report));
    REQUIRE(r.applied.size() == 2);
    CHECK(r.applied[0].name == "UsrClass.dat.LOG1");
    CHECK(r.applied[0].firstSequence == 287);
    CHECK(r.applied[0].lastSequence == 290);
    CHECK(r.applied[0].entries == 4);
    CHECK(r.applied[1].name == "UsrClass.dat.LOG2");
    CHECK(r.applied[1].firstSequence == 291);
    CHECK(r.applied[1].lastSequence == 300);
    CHECK(r.applied[1].entries == 10);
    CHECK(r.sequence == 300);
    CHECK(r.hiveBinsBefore == 0x2b3000);
    CHECK(r.hiveBinsAfter == 0x2b3000);
    CHECK(hasLine(report, "the hive is dirty: sequence numbers 256 and 255 differ"));
    CHECK(hasLine(report, "UsrClass.dat.LOG1: applied entries 287-290 (4 entries, 53 dirty pages)"));
    CHECK(hasLine(report, "UsrClass.dat.LOG2: applied entries 291-300 (10 entries, 105 dirty pages)"));
    CHECK(report.recovered);

    const std::string path = "Local Settings\\ImmutableMuiCache\\Strings\\52C64B7E";
    const std::u16string name = u"@C:\\Windows\\System32\\powercpl.dll,-1#immutable1";
    auto before = openReal(rel, false);
    CHECK(before->header().primarySequence == 256);
    CHECK(before->header().secondarySequence == 255);
    CHECK(!before->recovery().recovered);
    CHECK(!valueBytes(*before, path, name));
    CHECK(requireKey(*before, path).valueCount == 23);

    auto after = openReal(rel, true);
    requireRecoveredImage(*after);
    CHECK(after->recovery().recovered);
    CHECK(!after->isMapped());
    CHECK(after->header().primarySequence == 300);
    CHECK(valueBytes(*after, path, name) == utf16z("Power Options"));
    CHECK(requireKey(*after, path).valueCount == 24);
    CHECK(requireKey(*after, "Local Settings\\MuiCache\\d\\52C64B7E").valueCount == 134);
}

TEST_CASE("transactions_NTUSER.DAT skips log2, older than the hive, and grows by replaying log1",
          "[recovery][real]") {
    const std::string rel = "regipy/transactions_NTUSER.DAT";
    RecoveryReport report;
    const ReplayResult r = replayReal(rel, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "transactions_ntuser.dat.log2: skipped: its sequence number 562 is older than the "
                          "hive's secondary sequence number 566"));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].name == "transactions_ntuser.dat.log1");
    CHECK(r.applied[0].firstSequence == 566);
    CHECK(r.applied[0].lastSequence == 588);
    CHECK(r.applied[0].entries == 23);
    CHECK(r.sequence == 588);
    CHECK(r.hiveBinsBefore == 0xbe000);
    CHECK(r.hiveBinsAfter == 0xe2000);
    CHECK(hasLine(report, "hive bins data 0xbe000 grown to 0xe2000"));

    auto before = openReal(rel, false);
    auto after = openReal(rel, true);
    requireRecoveredImage(*after);
    CHECK(after->recovery().recovered);
    CHECK(!after->isMapped());
    CHECK(after->header().hiveBinsDataSize == 0xe2000);
    CHECK(after->binsEnd() == 0xe2000);
    // A key that only the log holds, and a value the log changes.
    CHECK(!key(*before, "Software\\ThinPrint").has_value());
    CHECK(key(*after, "Software\\ThinPrint").has_value());
    CHECK(requireKey(*after, "Software").subkeyCount == 8);
    CHECK(valueBytes(*before, "Control Panel\\Desktop", u"MaxVirtualDesktopDimension") == dword(2048));
    CHECK(valueBytes(*after, "Control Panel\\Desktop", u"MaxVirtualDesktopDimension") == dword(2880));
    // Cells in the grown part are reachable: the new bins were replayed too.
    bool reachedGrownPart = false;
    TreeWalker(*after).walk([&](const WalkedKey& k) {
        if (k.offset >= 0xbe000) reachedGrownPart = true;
        return true;
    });
    CHECK(reachedGrownPart);
}

TEST_CASE("the Windows 10 Amcache replays LOG1 entries 76-80, then LOG2 entry 81", "[recovery][real]") {
    const std::string rel = "dfir/Win10-RathbunVM/Amcache.hve";
    RecoveryReport report;
    const ReplayResult r = replayReal(rel, report);
    INFO(allLines(report));
    REQUIRE(r.applied.size() == 2);
    CHECK(r.applied[0].firstSequence == 76);
    CHECK(r.applied[0].lastSequence == 80);
    CHECK(r.applied[1].firstSequence == 81);
    CHECK(r.applied[1].lastSequence == 81);
    CHECK(r.sequence == 81);
    CHECK(hasLine(report, "Amcache.hve.LOG2: applied entry 81 (1 entry, 5 dirty pages)"));

    auto before = openReal(rel, false);
    auto after = openReal(rel, true);
    requireRecoveredImage(*after);
    CHECK(after->recovery().recovered);
    CHECK(!after->isMapped());
    CHECK(requireKey(*before, "Root\\InventoryApplicationFile").lastWritten == 132891989895719757ULL);
    CHECK(requireKey(*after, "Root\\InventoryApplicationFile").lastWritten == 132891991091621855ULL);
    CHECK(requireKey(*after, "Root\\InventoryApplication").lastWritten == 132891991053490803ULL);
}

TEST_CASE("the Server 2022 Amcache replays LOG1 entries 3-7, then LOG2 entries 8-9, and grows", "[recovery][real]") {
    RecoveryReport report;
    const ReplayResult r = replayReal(kServer, report);
    INFO(allLines(report));
    REQUIRE(r.applied.size() == 2);
    CHECK(r.applied[0].firstSequence == 3);
    CHECK(r.applied[0].lastSequence == 7);
    CHECK(r.applied[1].firstSequence == 8);
    CHECK(r.applied[1].lastSequence == 9);
    CHECK(r.hiveBinsBefore == 0x87000);
    CHECK(r.hiveBinsAfter == 0x8a000);

    auto before = openReal(kServer, false);
    auto after = openReal(kServer, true);
    requireRecoveredImage(*after);
    CHECK(after->recovery().recovered);
    CHECK(!after->isMapped());
    CHECK(!key(*before, kServerNewKey).has_value());
    CHECK(valueBytes(*after, kServerNewKey, u"LowerCaseLongPath") == utf16z("c:\\windows\\system32\\devicecensus.exe"));
    CHECK(requireKey(*before, "Root\\InventoryApplicationFile").subkeyCount == 35);
    CHECK(requireKey(*after, "Root\\InventoryApplicationFile").subkeyCount == 41);
}

TEST_CASE("opening dirty hives with their logs leaves the hives and the logs byte-identical", "[recovery][real]") {
    for (const char* rel : {"regipy/UsrClass.dat", "regipy/transactions_NTUSER.DAT", "dfir/Win10-RathbunVM/Amcache.hve",
                            kServer}) {
        INFO(rel);
        std::vector<std::string> files = findLogFiles(hivePath(rel));
        files.push_back(hivePath(rel));
        std::vector<File> contents;
        std::vector<uint64_t> hashes;
        for (const auto& f : files) {
            contents.push_back(readFile(f));
            hashes.push_back(fnv1a(contents.back()));
        }
        {
            auto hive = openReal(rel, true);
            REQUIRE(hive->recovery().recovered);
            std::string first;
            structuralProblems(*hive, first);
        }
        for (size_t i = 0; i < files.size(); ++i) {
            INFO(files[i]);
            const File now = readFile(files[i]);
            CHECK(fnv1a(now) == hashes[i]);
            CHECK(now == contents[i]);
        }
    }
}

TEST_CASE("without logs the primary file is read as it is", "[recovery][real]") {
    auto hive = openReal(kServer, false);
    CHECK(!hive->recovery().recovered);
    CHECK(!hive->recovery().logsConsidered);
    CHECK(hive->recovery().wasDirty);
    CHECK(hive->recovery().lines.empty());
    CHECK(hive->isMapped());
    CHECK(hive->header().primarySequence == 4);
    CHECK(hive->header().secondarySequence == 3);
}

TEST_CASE("a clean hive's logs are not replayed", "[recovery]") {
    TempDir dir;
    writeFile(dir.file("Amcache.hve"), serverRecovered().image);
    copyFile(hivePath(std::string(kServer) + ".LOG1"), dir.file("Amcache.hve.LOG1"));
    copyFile(hivePath(std::string(kServer) + ".LOG2"), dir.file("Amcache.hve.LOG2"));
    auto hive = Hive::open(dir.file("Amcache.hve"));
    REQUIRE(hive);
    CHECK(!(*hive)->recovery().wasDirty);
    CHECK(!(*hive)->recovery().recovered);
    CHECK((*hive)->recovery().lines.empty());
    CHECK((*hive)->isMapped());
}

TEST_CASE("a dirty hive without logs is read as it is, and the report says so", "[recovery]") {
    auto hive = openReal("regipy/NTUSER_with_winscp.DAT", true);
    CHECK(hive->recovery().wasDirty);
    CHECK(!hive->recovery().recovered);
    CHECK(hasLine(hive->recovery(), "no transaction logs beside the hive: it is read as it is"));
    CHECK(hive->isMapped());
}

TEST_CASE("logs in any letter case are replayed on open from a copy of the hive", "[recovery]") {
    TempDir dir;
    const std::string path = stage(dir, kServer, "amcache.HVE",
                                   {{std::string(kServer) + ".LOG1", "AMCACHE.hve.log1"},
                                    {std::string(kServer) + ".LOG2", "Amcache.Hve.Log2"}});
    writeFile(dir.file("amcache.hve.LOG"), {});
    auto hive = Hive::open(path);
    REQUIRE(hive);
    const RecoveryReport& rep = (*hive)->recovery();
    INFO(allLines(rep));
    CHECK(hasLine(rep, "amcache.hve.LOG: empty, not a log"));
    CHECK(hasLine(rep, "AMCACHE.hve.log1: applied entries 3-7"));
    CHECK(hasLine(rep, "Amcache.Hve.Log2: applied entries 8-9"));
    requireRecoveredImage(**hive);
    CHECK(binsOf(File((*hive)->bytes().begin(), (*hive)->bytes().end()), 0x8a000) ==
          binsOf(serverRecovered().image, 0x8a000));
}

// ---------------------------------------------------------------------------
// Damaged logs: each stops the replay where Windows stops it (rule 4)

namespace {

// The Server 2022 LOG1 holds entries 3-7 at these offsets, LOG2 entries 8-9.
constexpr uint64_t kEntry5 = 0x15000;  // 0x9000 bytes

/// Replays the Server 2022 hive with the two logs given, expecting entries
/// 3-4 of LOG1 applied and nothing after.
void requireStoppedAfterEntry4(const File& log1, const File& log2, const std::string& why) {
    ServerSet s;
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &log1}, {"Amcache.hve.LOG2", &log2}}, report);
    INFO(allLines(report));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].firstSequence == 3);
    CHECK(r.applied[0].lastSequence == 4);
    CHECK(r.applied[0].entries == 2);
    CHECK(r.sequence == 4);
    CHECK(r.hiveBinsAfter == 0x83000);
    CHECK(report.recovered);
    CHECK(hasLine(report, "Amcache.hve.LOG1: applied entries 3-4 (2 entries, 9 dirty pages); stopped: " + why));
    CHECK(hasLine(report, "Amcache.hve.LOG2: not replayed: it starts at sequence number 8, the sequence continues at 5"));
    // What was applied stays: the hive bins are the primary file's with the
    // pages of entries 3 and 4 written over them, nothing more. (The result
    // is not a consistent hive: this primary file already holds some pages
    // of later states, which only the later entries complete.)
    File expected = s.hive;
    const File original = readFile(hivePath(std::string(kServer) + ".LOG1"));
    for (uint64_t at : entryOffsets(original)) {
        auto e = decodeLogEntry(original, at);
        REQUIRE(e);
        if (e->sequence > 4) break;
        for (const auto& page : e->pages) std::copy(page.data.begin(), page.data.end(), expected.begin() + 0x1000 + page.offset);
    }
    CHECK(binsOf(r.image, 0x87000) == binsOf(expected, 0x87000));
    auto header = decodeBaseBlock(r.image);
    REQUIRE(header);
    CHECK(header->primarySequence == 4);
    CHECK(header->secondarySequence == 4);
    CHECK(header->hiveBinsDataSize == 0x83000);
    CHECK(header->checksumValid());
}

}  // namespace

TEST_CASE("a bad hash in the middle of a log stops the replay there, keeping the entries before it", "[recovery]") {
    ServerSet s;
    s.log1[kEntry5 + 0x2000] ^= 0x01;  // a byte inside entry 5's pages
    const uint64_t stored = loadU64(s.log1.data() + kEntry5 + layout::log::entry::Hash1);
    const uint64_t computed = logEntryHash1(Bytes(s.log1.data() + kEntry5, 0x9000));
    requireStoppedAfterEntry4(s.log1, s.log2,
                              "log entry at 0x15000: hash-1 is " + hexOffset(stored) + ", computed " +
                                  hexOffset(computed) + "; it and the entries after it are not applied");
}

TEST_CASE("a gap in the sequence numbers stops the replay before the gap", "[recovery]") {
    ServerSet s;
    // Entry 5 renumbered 6, with valid hashes: only the number is wrong.
    storeU32(s.log1.data() + kEntry5 + layout::log::entry::SequenceNumber, 6);
    sealLogEntry(std::span<uint8_t>(s.log1.data() + kEntry5, 0x9000));
    requireStoppedAfterEntry4(s.log1, s.log2,
                              "the entry at 0x15000 has sequence number 6, not 5 (a gap, or a remnant of older "
                              "entries)");
}

TEST_CASE("a truncated entry stops the replay, keeping the entries before it", "[recovery]") {
    ServerSet s;
    s.log1.resize(kEntry5 + 0x4000);
    requireStoppedAfterEntry4(s.log1, s.log2,
                              "log entry at 0x15000: truncated: its size 0x9000 goes past the end of the log "
                              "(0x19000); it and the entries after it are not applied");
}

TEST_CASE("a log whose base block has the wrong file type does not count", "[recovery]") {
    ServerSet s;
    storeU32(s.log2.data() + layout::base::FileType, 0);
    resealBaseBlock(s.log2);
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &s.log2}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG2: not usable: file type is primary, not a transaction log (1, 2 or 6)"));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].name == "Amcache.hve.LOG1");
    CHECK(r.applied[0].lastSequence == 7);
    CHECK(r.sequence == 7);
    requireRecoveredImage(*openImage(r.image));
}

TEST_CASE("a log whose own base block is damaged or half-written does not count", "[recovery]") {
    ServerSet s;
    s.log1[0x40] ^= 0xFF;  // checksum now wrong
    setSequences(s.log2, 9, 8);
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &s.log2}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG1: not usable: base block checksum is "));
    CHECK(hasLine(report, "Amcache.hve.LOG2: not usable: sequence numbers 9 and 8 differ"));
    CHECK(hasLine(report, "no usable transaction log: the hive is read as it is"));
    CHECK(r.applied.empty());
    CHECK(r.image.empty());
    CHECK(!report.recovered);
}

TEST_CASE("an entry that would grow the hive beyond 2 GiB, the most Windows allows, is not followed", "[recovery]") {
    ServerSet s;
    File log(s.log2.begin(), s.log2.begin() + 512);
    auto huge = encodeLogEntry(8, 0, 0x80000000u, {});
    log.insert(log.end(), huge.begin(), huge.end());
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &log}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG2: no entry applied: the entry at 0x200 declares 0x80000000 bytes of hive "
                          "bins, more than a hive may hold (2 GiB)"));
    CHECK(r.sequence == 7);
    CHECK(r.hiveBinsAfter == 0x87000);
}

TEST_CASE("an entry that would grow the hive beyond what the hive and its logs hold is not followed", "[recovery]") {
    ServerSet s;
    File log(s.log2.begin(), s.log2.begin() + 512);
    auto big = encodeLogEntry(8, 0, 0x10000000u, {});
    log.insert(log.end(), big.begin(), big.end());
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &log}}, report);
    INFO(allLines(report));
    const uint64_t limit = s.hive.size() + s.log1.size() + log.size();
    CHECK(hasLine(report, "Amcache.hve.LOG2: no entry applied: the entry at 0x200 declares 0x10000000 bytes of hive "
                          "bins, more than the hive and its logs hold together (" + hexOffset(limit) + ")"));
    CHECK(r.sequence == 7);
    CHECK(r.image.size() == s.hive.size());
}

// ---------------------------------------------------------------------------
// Order and eligibility (rules 2 and 3)

TEST_CASE("two logs are ordered by sequence number with wrap-around, not by name or plain value", "[recovery]") {
    ServerSet s;
    setSequences(s.hive, 0xFFFFFFFF, 0xFFFFFFFE);
    // LOG1's five entries become 0xFFFFFFFE, 0xFFFFFFFF, 0, 1, 2; LOG2's two 3, 4.
    const File first = renumbered(s.log1, 0xFFFFFFFE);
    const File second = renumbered(s.log2, 3);
    RecoveryReport report;
    // The later log is named .LOG1 here and its number is the smaller one.
    const ReplayResult r = replay(s.hive, {{"x.LOG1", &second}, {"x.LOG2", &first}}, report);
    INFO(allLines(report));
    REQUIRE(r.applied.size() == 2);
    CHECK(r.applied[0].name == "x.LOG2");
    CHECK(r.applied[0].firstSequence == 0xFFFFFFFE);
    CHECK(r.applied[0].lastSequence == 2);
    CHECK(r.applied[1].name == "x.LOG1");
    CHECK(r.applied[1].lastSequence == 4);
    CHECK(hasLine(report, "x.LOG2: applied entries 4294967294-2 (5 entries"));
    CHECK(r.sequence == 4);
    CHECK(binsOf(r.image, 0x8a000) == binsOf(serverRecovered().image, 0x8a000));
}

TEST_CASE("a log older than the hive's secondary sequence number is skipped, across the wrap too", "[recovery]") {
    ServerSet s;
    setSequences(s.hive, 6, 5);
    // 0xFFFFFFF0 is 21 numbers before 5: older, though larger as a number.
    const File old = renumbered(s.log1, 0xFFFFFFF0);
    const File fresh = renumbered(s.log2, 5);
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"x.LOG1", &old}, {"x.LOG2", &fresh}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "x.LOG1: skipped: its sequence number 4294967280 is older than the hive's secondary "
                          "sequence number 5"));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].name == "x.LOG2");
    CHECK(r.applied[0].firstSequence == 5);
    CHECK(r.applied[0].lastSequence == 6);
}

TEST_CASE("a hive with a bad base block takes it from its log, then replays that log", "[recovery]") {
    ServerSet s;
    RecoveryReport plainReport;
    const ReplayResult plain = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}}, plainReport);
    REQUIRE(plain.sequence == 7);

    s.hive[0x30] ^= 0xFF;  // the file name field: the checksum no longer matches
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "the hive's base block is bad: checksum "));
    CHECK(hasLine(report, "base block taken from Amcache.hve.LOG1 (sequence number 3)"));
    CHECK(r.baseBlockFromLog);
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].firstSequence == 3);
    CHECK(r.applied[0].lastSequence == 7);
    auto hive = openImage(r.image);
    requireRecoveredImage(*hive);
    CHECK(hive->header().primarySequence == 7);
    CHECK(hive->header().fileName == BaseBlock(*decodeBaseBlock(plain.image)).fileName);
    CHECK(binsOf(r.image, 0x87000) == binsOf(plain.image, 0x87000));
}

TEST_CASE("with a bad hive base block only the newest of two logs counts", "[recovery]") {
    ServerSet s;
    s.hive[0x30] ^= 0xFF;
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &s.log2}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG1: not replayed: the hive's base block is bad, so only the newest log "
                          "(Amcache.hve.LOG2) counts"));
    CHECK(hasLine(report, "base block taken from Amcache.hve.LOG2 (sequence number 8)"));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].firstSequence == 8);
    CHECK(r.applied[0].lastSequence == 9);
    CHECK(r.sequence == 9);
    CHECK(loadU32(r.image.data() + layout::base::HiveBinsDataSize) == 0x8a000);
    CHECK(decodeBaseBlock(r.image)->checksumValid());
}

TEST_CASE("no logs at all leave the hive as it is", "[recovery]") {
    ServerSet s;
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {}, report);
    CHECK(r.image.empty());
    CHECK(!report.recovered);
    CHECK(hasLine(report, "no transaction logs beside the hive: it is read as it is"));
}

// ---------------------------------------------------------------------------
// Old-format logs (rule 6), composed from the Server 2022 hive: the dirty
// pages are the 512-byte pages that the new-format replay changed.

namespace {

struct OldLog {
    File bytes;
    std::vector<uint32_t> dirtyOffsets;  ///< hive bins offsets of the pages, in order
};

/// An old-format log that takes the Server 2022 primary file to the state
/// its new-format logs describe.
OldLog composeOldLog(const File& primary) {
    const File& target = serverRecovered().image;
    const uint32_t bins = 0x8a000;
    OldLog log;
    log.bytes.assign(target.begin(), target.begin() + 512);
    storeU32(log.bytes.data() + layout::base::FileType, layout::log::kFileTypeOld);
    const uint32_t seq = loadU32(primary.data() + layout::base::PrimarySequence);
    setSequences(log.bytes, seq, seq);
    log.bytes.resize(oldLogPagesOffset(bins), 0);
    storeU32(log.bytes.data() + 512, layout::log::kDirtSignature);
    for (uint32_t off = 0; off < bins; off += 512) {
        const uint64_t at = 0x1000 + uint64_t{off};
        const bool same = at + 512 <= primary.size() &&
                          std::equal(target.begin() + at, target.begin() + at + 512, primary.begin() + at);
        if (same) continue;
        log.bytes[516 + off / 512 / 8] |= static_cast<uint8_t>(1u << (off / 512 % 8));
        log.bytes.insert(log.bytes.end(), target.begin() + at, target.begin() + at + 512);
        log.dirtyOffsets.push_back(off);
    }
    return log;
}

}  // namespace

TEST_CASE("an old-format log with the hive's timestamp is replayed page by page", "[recovery][old]") {
    ServerSet s;
    const OldLog log = composeOldLog(s.hive);
    REQUIRE(log.dirtyOffsets.size() > 10);
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG", &log.bytes}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG: old-format (DIRT) log, sequence number 4"));
    CHECK(hasLine(report, "Amcache.hve.LOG: applied " + std::to_string(log.dirtyOffsets.size()) + " dirty pages of " +
                              std::to_string(log.dirtyOffsets.size())));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].pages == log.dirtyOffsets.size());
    CHECK(r.sequence == 4);
    CHECK(r.hiveBinsAfter == 0x8a000);
    CHECK(binsOf(r.image, 0x8a000) == binsOf(serverRecovered().image, 0x8a000));
    auto hive = openImage(r.image);
    requireRecoveredImage(*hive);
    CHECK(key(*hive, kServerNewKey).has_value());
}

TEST_CASE("an old-format log whose timestamp differs from the hive's is not eligible", "[recovery][old]") {
    ServerSet s;
    OldLog log = composeOldLog(s.hive);
    storeU64(log.bytes.data() + layout::base::LastWritten, loadU64(s.hive.data() + layout::base::LastWritten) + 1);
    resealBaseBlock(log.bytes);
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG", &log.bytes}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG: not eligible: its last-written timestamp 2023-10-18 02:44:55.2477909 UTC "
                          "differs from the hive's 2023-10-18 02:44:55.2477908 UTC"));
    CHECK(r.image.empty());
    CHECK(!report.recovered);
}

TEST_CASE("an old-format log newer than a hive whose base block is bad applies with a warning", "[recovery][old]") {
    ServerSet s;
    OldLog log = composeOldLog(s.hive);
    const uint64_t hbinTime = loadU64(s.hive.data() + 0x1000 + layout::hbin::Timestamp);
    storeU64(log.bytes.data() + layout::base::LastWritten, hbinTime + 10'000'000);  // one second later
    resealBaseBlock(log.bytes);
    s.hive[0x30] ^= 0xFF;  // the hive's base block: checksum now wrong
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG", &log.bytes}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "warning: Amcache.hve.LOG: its last-written timestamp " +
                              formatFiletime(hbinTime + 10'000'000) + " differs from the first hbin's " +
                              formatFiletime(hbinTime) + "; the hive's base block is bad and the log is newer, so "
                              "it is applied"));
    CHECK(hasLine(report, "base block taken from Amcache.hve.LOG"));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].pages == log.dirtyOffsets.size());
    CHECK(binsOf(r.image, 0x8a000) == binsOf(serverRecovered().image, 0x8a000));
    auto hive = openImage(r.image);
    requireRecoveredImage(*hive);
    CHECK(key(*hive, kServerNewKey).has_value());
}

TEST_CASE("an old-format log older than a hive whose base block is bad is still not eligible", "[recovery][old]") {
    ServerSet s;
    OldLog log = composeOldLog(s.hive);
    const uint64_t hbinTime = loadU64(s.hive.data() + 0x1000 + layout::hbin::Timestamp);
    storeU64(log.bytes.data() + layout::base::LastWritten, hbinTime - 1);
    resealBaseBlock(log.bytes);
    s.hive[0x30] ^= 0xFF;
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG", &log.bytes}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG: not eligible: its last-written timestamp " + formatFiletime(hbinTime - 1) +
                              " differs from the first hbin's " + formatFiletime(hbinTime)));
    CHECK(r.image.empty());
}

TEST_CASE("an old-format log stops before a dirty hbin whose header is bad", "[recovery][old]") {
    ServerSet s;
    OldLog log = composeOldLog(s.hive);
    // The grown part starts with a new hbin at 0x87000; damage its signature
    // in the log's copy of that page.
    auto it = std::find(log.dirtyOffsets.begin(), log.dirtyOffsets.end(), 0x87000u);
    REQUIRE(it != log.dirtyOffsets.end());
    const size_t index = static_cast<size_t>(it - log.dirtyOffsets.begin());
    log.bytes[oldLogPagesOffset(0x8a000) + index * 512] = 'X';
    RecoveryReport report;
    const ReplayResult r = replay(s.hive, {{"Amcache.hve.LOG", &log.bytes}}, report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG: applied " + std::to_string(index) + " dirty pages of " +
                              std::to_string(log.dirtyOffsets.size()) +
                              "; stopped before the dirty hbin at 0x88000: "));
    REQUIRE(r.applied.size() == 1);
    CHECK(r.applied[0].pages == index);
    // The pages before the bad bin are in, the ones from it on are not.
    const uint32_t firstDirty = log.dirtyOffsets.front();
    CHECK(std::equal(r.image.begin() + 0x1000 + firstDirty, r.image.begin() + 0x1000 + firstDirty + 512,
                     serverRecovered().image.begin() + 0x1000 + firstDirty));
    CHECK(std::all_of(r.image.begin() + 0x88000, r.image.begin() + 0x88000 + 0x3000, [](uint8_t b) { return b == 0; }));
    CHECK(loadU32(r.image.data() + layout::base::HiveBinsDataSize) == 0x87000);
}

TEST_CASE("an old-format log beside new-format logs is not used", "[recovery][old]") {
    ServerSet s;
    const OldLog old = composeOldLog(s.hive);
    RecoveryReport report;
    const ReplayResult r =
        replay(s.hive, {{"Amcache.hve.LOG", &old.bytes}, {"Amcache.hve.LOG1", &s.log1}, {"Amcache.hve.LOG2", &s.log2}},
               report);
    INFO(allLines(report));
    CHECK(hasLine(report, "Amcache.hve.LOG: not used: new-format logs take precedence"));
    CHECK(r.applied.size() == 2);
    CHECK(r.sequence == 9);
}
