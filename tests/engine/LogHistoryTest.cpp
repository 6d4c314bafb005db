// Tests of hive/LogHistory (the entries of a dirty hive's logs as replay
// meets them, and the hive after the first k of them) and diff/LogHistoryDiff
// (what each entry changed), on the corpus's dirty hives and on a dirty hive
// HiveKit itself leaves with two known edits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diff/HiveDiff.h"
#include "diff/LogHistoryDiff.h"
#include "format/BaseBlock.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/Hive.h"
#include "hive/LogHistory.h"
#include "hive/LogRecovery.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"
#include "tx/NewHive.h"

using namespace hivekit;
using namespace testsupport;

namespace {

using File = std::vector<uint8_t>;

constexpr const char* kUsrClass = "regipy/UsrClass.dat";
constexpr const char* kNtUser = "regipy/transactions_NTUSER.DAT";
constexpr const char* kWin10Amcache = "dfir/Win10-RathbunVM/Amcache.hve";
constexpr const char* kServerAmcache = "dfir/Server2022-APTSimulatorVM/Amcache.hve";
const std::vector<std::string> kDirtyHives = {kUsrClass, kNtUser, kWin10Amcache, kServerAmcache};

DirtyHive openDirtyAt(const std::string& path) {
    auto hive = DirtyHive::open(path);
    REQUIRE(hive);
    return std::move(*hive);
}

DirtyHive openDirty(const std::string& relative) { return openDirtyAt(hivePath(relative)); }

LogHistory historyOf(const DirtyHive& hive) {
    auto history = hive.history();
    REQUIRE(history);
    return std::move(*history);
}

std::vector<const HistoryEntry*> appliedEntries(const LogHistory& history) {
    std::vector<const HistoryEntry*> out;
    for (const auto& e : history.entries)
        if (e.step) out.push_back(&e);
    return out;
}

/// "LOG1:287 LOG1:288 ..." for the applied entries: log name suffix and sequence.
std::string appliedSequence(const LogHistory& history) {
    std::string out;
    for (const HistoryEntry* e : appliedEntries(history)) {
        const std::string& log = e->entry.log;
        out += (out.empty() ? "" : " ") + log.substr(log.rfind('.') + 1) + ":" + std::to_string(e->entry.sequence);
    }
    return out;
}

std::string numbered(const std::string& suffix, uint32_t first, uint32_t last) {
    std::string out;
    for (uint32_t n = first; n <= last; ++n) out += (out.empty() ? "" : " ") + suffix + ":" + std::to_string(n);
    return out;
}

File recovered(const std::string& relative) {
    RecoveryReport report;
    auto image = recoverFromLogs(hivePath(relative), readFile(hivePath(relative)), report);
    REQUIRE(image);
    REQUIRE(!image->empty());
    return std::move(*image);
}

}  // namespace

TEST_CASE("the history lists UsrClass.dat's entries 287-290 of LOG1 then 291-300 of LOG2 as replay applies them",
          "[loghistory][real]") {
    const LogHistory history = historyOf(openDirty(kUsrClass));
    CHECK(appliedSequence(history) == numbered("LOG1", 287, 290) + " " + numbered("LOG2", 291, 300));
    CHECK(history.applied == 14);
    CHECK(history.primarySequence == 256);
    CHECK(history.secondarySequence == 255);
    const auto applied = appliedEntries(history);
    // Steps number the applied entries from 1; each entry verified both hashes.
    for (size_t i = 0; i < applied.size(); ++i) {
        CHECK(applied[i]->step == i + 1);
        CHECK(applied[i]->entry.applied);
        CHECK(applied[i]->entry.hashesVerified);
        CHECK(applied[i]->entry.why.empty());
        CHECK(applied[i]->entry.hiveBinsDataSize == 0x2b3000);
        CHECK(applied[i]->entry.pageOffsets.size() > 0);
    }
    // The first entry of each log starts at the second sector.
    CHECK(applied[0]->entry.entryOffset == 512);
    CHECK(applied[4]->entry.entryOffset == 512);
    // Pages add up to what LogRecovery reports per log: 53 and 105.
    size_t log1Pages = 0, log2Pages = 0;
    for (const HistoryEntry* e : applied)
        (e->entry.log == "UsrClass.dat.LOG1" ? log1Pages : log2Pages) += e->entry.pageOffsets.size();
    CHECK(log1Pages == 53);
    CHECK(log2Pages == 105);
    REQUIRE(history.logs.size() == 2);
    for (const auto& log : history.logs) {
        CHECK(log.usable);
        CHECK(log.replayed);
        CHECK(log.format == LogFormat::New);
        CHECK(log.lastWritten != 0);
    }
}

TEST_CASE("the history's entries and pages equal what LogRecovery replays on every dirty hive of the corpus",
          "[loghistory][real]") {
    for (const auto& rel : kDirtyHives) {
        INFO(rel);
        RecoveryReport report;
        auto replay = replayLogFiles(hivePath(rel), readFile(hivePath(rel)), report);
        REQUIRE(replay);
        const LogHistory history = historyOf(openDirty(rel));
        const auto applied = appliedEntries(history);
        size_t at = 0;
        for (const AppliedLog& log : replay->applied) {
            for (uint32_t n = 0; n < log.entries; ++n, ++at) {
                REQUIRE(at < applied.size());
                CHECK(applied[at]->entry.log == log.name);
                CHECK(applied[at]->entry.sequence == log.firstSequence + n);
            }
            uint32_t pages = 0;
            for (const HistoryEntry* e : applied)
                if (e->entry.log == log.name) pages += static_cast<uint32_t>(e->entry.pageOffsets.size());
            CHECK(pages == log.pages);
        }
        CHECK(at == applied.size());
        CHECK(history.report.lines == report.lines);
    }
}

TEST_CASE("applying every entry of the history gives exactly recoverFromLogs' image", "[loghistory][real]") {
    for (const auto& rel : kDirtyHives) {
        INFO(rel);
        const DirtyHive hive = openDirty(rel);
        const LogHistory history = historyOf(hive);
        auto all = hive.imageAfter(history.applied);
        REQUIRE(all);
        CHECK(*all == recovered(rel));
        auto none = hive.imageAfter(0);
        REQUIRE(none);
        CHECK(*none == readFile(hivePath(rel)));
        auto beyond = hive.imageAfter(history.applied + 1);
        REQUIRE(!beyond);
        CHECK(beyond.error().message == "the logs apply " + std::to_string(history.applied) + " entries, not " +
                                            std::to_string(history.applied + 1));
    }
}

TEST_CASE("the hive after k entries is sealed with the k-th entry's sequence number and size", "[loghistory][real]") {
    const DirtyHive hive = openDirty(kNtUser);
    const LogHistory history = historyOf(hive);
    const auto applied = appliedEntries(history);
    REQUIRE(applied.size() == 23);
    for (uint32_t k : {1u, 2u, 12u, 23u}) {
        INFO(k);
        auto image = hive.imageAfter(k);
        REQUIRE(image);
        auto header = decodeBaseBlock(*image);
        REQUIRE(header);
        CHECK(header->primarySequence == applied[k - 1]->entry.sequence);
        CHECK(header->secondarySequence == applied[k - 1]->entry.sequence);
        CHECK(header->hiveBinsDataSize == applied[k - 1]->entry.hiveBinsDataSize);
        CHECK(header->checksumValid());
        CHECK(image->size() >= 0x1000 + uint64_t{header->hiveBinsDataSize});
    }
}

TEST_CASE("a log older than the hive is not replayed and the history still lists its entries with the reason",
          "[loghistory][real]") {
    const LogHistory history = historyOf(openDirty(kNtUser));
    CHECK(appliedSequence(history) == numbered("log1", 566, 588));
    const HistoryLog* log2 = nullptr;
    for (const auto& log : history.logs)
        if (log.name == "transactions_ntuser.dat.log2") log2 = &log;
    REQUIRE(log2);
    CHECK(!log2->replayed);
    CHECK(log2->sequence == 562);
    CHECK(log2->why == "its sequence number 562 is older than the hive's secondary sequence number 566");
    std::vector<uint32_t> skipped;
    for (const auto& e : history.entries)
        if (e.entry.log == log2->name) {
            CHECK(e.step == 0);
            CHECK(!e.entry.applied);
            CHECK(e.entry.why == "its log was not replayed: " + log2->why);
            skipped.push_back(e.entry.sequence);
        }
    REQUIRE(!skipped.empty());
    CHECK(skipped.front() == 562);
    for (size_t i = 1; i < skipped.size(); ++i) CHECK(skipped[i] == skipped[i - 1] + 1);
}

TEST_CASE("an entry with a bad hash is listed as not applied with the hash the replay found wrong",
          "[loghistory]") {
    File primary = readFile(hivePath(kServerAmcache));
    File log1 = readFile(hivePath(std::string(kServerAmcache) + ".LOG1"));
    File log2 = readFile(hivePath(std::string(kServerAmcache) + ".LOG2"));
    constexpr uint64_t kEntry5 = 0x15000;
    log1[kEntry5 + 0x2000] ^= 0x01;  // a byte inside entry 5's pages
    const uint64_t stored = loadU64(log1.data() + kEntry5 + layout::log::entry::Hash1);
    const uint64_t computed = logEntryHash1(Bytes(log1.data() + kEntry5, 0x9000));
    const DirtyHive hive =
        DirtyHive::fromBytes(primary, {{"Amcache.hve.LOG1", log1}, {"Amcache.hve.LOG2", log2}});
    const LogHistory history = historyOf(hive);
    CHECK(appliedSequence(history) == "LOG1:3 LOG1:4");
    REQUIRE(history.entries.size() >= 3);
    const HistoryEntry& bad = history.entries[2];
    CHECK(bad.step == 0);
    CHECK(bad.entry.log == "Amcache.hve.LOG1");
    CHECK(bad.entry.entryOffset == kEntry5);
    CHECK(!bad.entry.applied);
    CHECK(!bad.entry.hashesVerified);
    CHECK(bad.entry.why == "log entry at 0x15000: hash-1 is " + hexOffset(stored) + ", computed " + hexOffset(computed));
    // LOG2 does not continue the sequence: its entries are listed, not applied.
    for (const auto& log : history.logs)
        if (log.name == "Amcache.hve.LOG2") {
            CHECK(!log.replayed);
            CHECK(log.why == "it starts at sequence number 8, the sequence continues at 5");
        }
    size_t log2Entries = 0;
    for (const auto& e : history.entries)
        if (e.entry.log == "Amcache.hve.LOG2") {
            ++log2Entries;
            CHECK(e.step == 0);
        }
    CHECK(log2Entries == 2);
}


// ---------------------------------------------------------------------------
// What each entry changed (diff/LogHistoryDiff)

namespace {

/// A changed item's identity: a key by its path, a value by its key's path
/// and its name, both in lower case (Windows compares names case-insensitively;
/// the corpus names that change are ASCII).
std::string itemOf(const Difference& d) {
    std::string id = (d.isKey() ? "K\t" : "V\t") + d.path;
    if (!d.isKey()) id += "\t" + utf16ToUtf8(d.valueName);
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
}

/// What the entries did to one item: its state before the first entry that
/// touched it and after the last.
struct Composed {
    Difference first;  ///< the first entry's difference (its old side)
    Difference last;   ///< the last entry's difference (its new side)
    std::vector<uint32_t> steps;
};

bool sameValue(const DiffValueSide& a, const DiffValueSide& b) {
    return a.present == b.present && (!a.present || (a.type == b.type && a.data == b.data));
}

std::unique_ptr<Hive> openBytes(File bytes) {
    auto hive = Hive::fromBytes(std::move(bytes));
    REQUIRE(hive);
    return std::move(*hive);
}

std::vector<Difference> wholeDiff(const Hive& a, const Hive& b) {
    std::vector<Difference> out;
    DiffOptions options;
    options.listDescendants = true;
    auto summary = diffHives(a, b, options, [&](const Difference& d) {
        out.push_back(d);
        return true;
    });
    REQUIRE(summary);
    return out;
}

std::map<std::string, Composed> compose(const std::vector<EntryChanges>& entries) {
    std::map<std::string, Composed> items;
    for (const auto& entry : entries)
        for (const auto& d : entry.changes) {
            auto [it, fresh] = items.try_emplace(itemOf(d), Composed{d, d, {}});
            if (!fresh) it->second.last = d;
            it->second.steps.push_back(entry.step);
        }
    return items;
}

std::vector<EntryChanges> changesOf(const DirtyHive& hive, uint32_t applied) {
    auto changes = allEntryChanges(hive, applied);
    REQUIRE(changes);
    REQUIRE(changes->size() == applied);
    return std::move(*changes);
}

}  // namespace

TEST_CASE("the changes of the entries compose to the difference between the primary file and the recovered hive",
          "[loghistory][diff][real]") {
    for (const auto& rel : kDirtyHives) {
        INFO(rel);
        const DirtyHive dirty = openDirty(rel);
        const LogHistory history = historyOf(dirty);
        const std::vector<EntryChanges> entries = changesOf(dirty, history.applied);
        const auto primary = openBytes(readFile(hivePath(rel)));
        const auto recoveredHive = openBytes(recovered(rel));
        const std::vector<Difference> whole = wholeDiff(*primary, *recoveredHive);
        REQUIRE(!whole.empty());
        const auto items = compose(entries);
        // Everything the whole replay changed, some entry changed, from the
        // primary file's state to the recovered one.
        std::set<std::string> wholeItems;
        for (const auto& d : whole) {
            const std::string id = itemOf(d);
            INFO(id);
            wholeItems.insert(id);
            auto it = items.find(id);
            REQUIRE(it != items.end());
            const Composed& c = it->second;
            if (d.isKey()) {
                CHECK(c.first.oldKey.present == d.oldKey.present);
                CHECK(c.last.newKey.present == d.newKey.present);
                if (d.newKey.present) CHECK(c.last.newKey.lastWritten == d.newKey.lastWritten);
                if (d.oldKey.present) CHECK(c.first.oldKey.lastWritten == d.oldKey.lastWritten);
            } else {
                CHECK(sameValue(c.first.oldValue, d.oldValue));
                CHECK(sameValue(c.last.newValue, d.newValue));
            }
        }
        // What entries changed and the whole replay does not show, later
        // entries put back as it was.
        for (const auto& [id, c] : items) {
            if (wholeItems.count(id)) continue;
            INFO(id);
            if (c.first.isKey()) {
                CHECK(c.first.oldKey.present == c.last.newKey.present);
                if (c.last.newKey.present) CHECK(c.first.oldKey.lastWritten == c.last.newKey.lastWritten);
            } else {
                CHECK(sameValue(c.first.oldValue, c.last.newValue));
            }
        }
    }
}

TEST_CASE("transactions_NTUSER.DAT's entry 2 adds the ThinPrint key and entry 3 sets MaxVirtualDesktopDimension",
          "[loghistory][diff][real]") {
    const DirtyHive dirty = openDirty(kNtUser);
    auto second = entryChanges(dirty, 2);
    REQUIRE(second);
    bool thinPrint = false, printer = false;
    for (const auto& d : second->changes) {
        if (d.kind == DiffKind::KeyAdded && d.path == "Software\\ThinPrint" && !d.descendant) thinPrint = true;
        if (d.kind == DiffKind::ValueAdded && d.path == "Software\\ThinPrint\\TPAutoConnect" &&
            d.valueName == u"DefaultPrinter") {
            printer = true;
            CHECK(d.descendant);
            CHECK(d.newValue.type == kRegSz);
            CHECK(d.newValue.data == regSzBytes(u"Microsoft Print to PDF"));
        }
    }
    CHECK(thinPrint);
    CHECK(printer);
    CHECK(second->latestKeyWrite != 0);
    auto third = entryChanges(dirty, 3);
    REQUIRE(third);
    const Difference* max = nullptr;
    for (const auto& d : third->changes)
        if (d.path == "Control Panel\\Desktop" && d.valueName == u"MaxVirtualDesktopDimension") max = &d;
    REQUIRE(max);
    CHECK(max->kind == DiffKind::ValueChanged);
    CHECK(max->oldValue.data == File({0x00, 0x08, 0x00, 0x00}));
    CHECK(max->newValue.data == File({0x40, 0x0b, 0x00, 0x00}));
    // The entry's "when": the latest last-write time of the keys it wrote.
    uint64_t latest = 0;
    for (const auto& d : third->changes)
        if (d.kind == DiffKind::KeyAdded || d.kind == DiffKind::KeyChanged) latest = std::max(latest, d.newKey.lastWritten);
    CHECK(third->latestKeyWrite == latest);
    CHECK(!entryChanges(dirty, 0));
    CHECK(!entryChanges(dirty, 24));
}

namespace {

/// libhivex's view of values (python3-hivex, an independent reader): for
/// each "path<TAB>name" line, "type hex" or "absent".
std::vector<std::string> hivexValues(const std::string& hive, const std::vector<std::pair<std::string, std::string>>& items) {
    TempDir dir;
    std::string list;
    for (const auto& [path, name] : items) list += path + "\t" + name + "\n";
    writeFile(dir.file("items.txt"), File(list.begin(), list.end()));
    const std::string script = R"(
import hivex, sys
h = hivex.Hivex(sys.argv[1])
for line in open(sys.argv[2], encoding='utf-8').read().split('\n'):
    if not line:
        continue
    path, name = line.split('\t')
    # hivex answers "not there" with None or with an error whose errno is 0.
    def lookup(f, *args):
        try:
            return f(*args) or None
        except RuntimeError:
            return None
    node = h.root()
    for part in [p for p in path.split('\\') if p]:
        node = lookup(h.node_get_child, node, part) if node is not None else None
    value = lookup(h.node_get_value, node, name) if node is not None else None
    if value is None:
        print('absent')
    else:
        t, data = h.value_value(value)
        print(str(t) + ' ' + data.hex())
)";
    auto r = run({"/usr/bin/python3", "-c", script, hive, dir.file("items.txt")});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> lines;
    size_t at = 0;
    while (at < r.out.size()) {
        const size_t end = r.out.find('\n', at);
        lines.push_back(r.out.substr(at, end - at));
        at = end == std::string::npos ? r.out.size() : end + 1;
    }
    return lines;
}

std::string sideText(const DiffValueSide& v) {
    if (!v.present) return "absent";
    std::string hex;
    static const char* digits = "0123456789abcdef";
    for (uint8_t b : v.data) {
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return std::to_string(v.type) + " " + hex;
}

}  // namespace

TEST_CASE("python3-hivex reads in the primary file and the recovered hive the values the history says changed",
          "[loghistory][diff][real][oracle]") {
    for (const auto& rel : {std::string(kNtUser), std::string(kUsrClass)}) {
        INFO(rel);
        const DirtyHive dirty = openDirty(rel);
        const LogHistory history = historyOf(dirty);
        const auto items = compose(changesOf(dirty, history.applied));
        TempDir dir;
        // Copies without their logs: hivex reads a file as it is.
        const std::string before = dir.file("primary"), after = dir.file("recovered");
        writeFile(before, readFile(hivePath(rel)));
        writeFile(after, recovered(rel));
        std::vector<std::pair<std::string, std::string>> asked;
        std::vector<const Composed*> expected;
        for (const auto& [id, c] : items) {
            if (c.first.isKey() || c.first.valueName.empty()) continue;  // hivex names the default value differently
            bool ascii = true;
            for (char ch : c.last.path + utf16ToUtf8(c.last.valueName)) ascii = ascii && static_cast<unsigned char>(ch) < 0x80 && ch != '\t' && ch != '\n';
            if (!ascii) continue;
            asked.emplace_back(c.last.path, utf16ToUtf8(c.last.valueName));
            expected.push_back(&c);
            if (asked.size() == 40) break;
        }
        REQUIRE(asked.size() >= 10);
        const auto was = hivexValues(before, asked);
        const auto now = hivexValues(after, asked);
        REQUIRE(was.size() == asked.size());
        REQUIRE(now.size() == asked.size());
        for (size_t i = 0; i < asked.size(); ++i) {
            INFO(asked[i].first + " : " + asked[i].second);
            CHECK(was[i] == sideText(expected[i]->first.oldValue));
            CHECK(now[i] == sideText(expected[i]->last.newValue));
        }
    }
}

// ---------------------------------------------------------------------------
// A dirty hive HiveKit leaves: two commits, each one HvLE entry in the hive's
// .LOG1. The logs are kept after each commit and put back as a dirty hive
// would have them (the primary file as before both commits, entry 1 in LOG1,
// entry 2 in LOG2), so the history must name exactly the two edits.

namespace {

constexpr uint64_t kClock = 0x01DA0B0C0D0E0F00ULL;

void commit(const std::string& path, const Plan& plan, uint64_t now) {
    SessionOptions options;
    options.tx.clock = [now] { return now; };
    auto session = Session::open(path, options);
    REQUIRE(session);
    REQUIRE((*session)->apply(plan));
    REQUIRE((*session)->commit());
}

/// A commit's log as it was before the commit marked it spent (step 6 of the
/// protocol sets its sequence numbers apart): both numbers the entry's again.
File revived(File log) {
    auto entry = decodeLogEntry(log, layout::log::kFirstEntryOffset);
    REQUIRE(entry);
    storeU32(log.data() + layout::base::PrimarySequence, entry->sequence);
    storeU32(log.data() + layout::base::SecondarySequence, entry->sequence);
    storeU32(log.data() + layout::base::Checksum, baseBlockChecksum(Bytes(log.data(), 508)));
    REQUIRE(decodeLogHeader(log));
    return log;
}

std::string changeText(const Difference& d) {
    std::string out = std::string(diffKindName(d.kind)) + " " + d.path;
    if (!d.isKey()) out += " " + utf16ToUtf8(d.valueName);
    return out;
}

}  // namespace

TEST_CASE("a hive HiveKit left dirty with two edits in two log entries: the history names exactly those edits",
          "[loghistory][diff]") {
    TempDir work;
    const std::string path = work.file("made.hiv");
    NewHiveOptions created;
    created.timestamp = kClock - 100;
    REQUIRE(createHive(path, created));
    commit(path, Plan().createKey("Software", true), kClock - 50);
    File primary = readFile(path);
    const uint32_t before = loadU32(primary.data() + layout::base::PrimarySequence);

    commit(path, Plan().setValue("Software", "alpha", kRegSz, regSzBytes(u"one")), kClock + 10);
    const File log1 = revived(readFile(path + ".LOG1"));
    commit(path, Plan().createKey("Software\\Beta", true), kClock + 20);
    const File log2 = revived(readFile(path + ".LOG1"));
    const File final = readFile(path);

    // The primary file as before both commits, marked dirty.
    storeU32(primary.data() + layout::base::PrimarySequence, before + 1);
    storeU32(primary.data() + layout::base::Checksum, baseBlockChecksum(Bytes(primary.data(), 508)));
    TempDir evidence;
    const std::string dirtyPath = evidence.file("made.hiv");
    writeFile(dirtyPath, primary);
    writeFile(dirtyPath + ".LOG1", log1);
    writeFile(dirtyPath + ".LOG2", log2);

    const DirtyHive dirty = openDirtyAt(dirtyPath);
    const LogHistory history = historyOf(dirty);
    CHECK(appliedSequence(history) == "LOG1:" + std::to_string(before + 1) + " LOG2:" + std::to_string(before + 2));
    REQUIRE(history.applied == 2);

    auto first = entryChanges(dirty, 1);
    REQUIRE(first);
    std::vector<std::string> firstChanges;
    for (const auto& d : first->changes) firstChanges.push_back(changeText(d));
    CHECK(firstChanges == std::vector<std::string>{"key changed Software", "value added Software alpha"});
    CHECK(first->changes[1].newValue.data == regSzBytes(u"one"));
    CHECK(first->latestKeyWrite == kClock + 10);

    auto second = entryChanges(dirty, 2);
    REQUIRE(second);
    std::vector<std::string> secondChanges;
    for (const auto& d : second->changes) secondChanges.push_back(changeText(d));
    CHECK(secondChanges == std::vector<std::string>{"key changed Software", "key added Software\\Beta"});
    CHECK(second->latestKeyWrite == kClock + 20);

    // Both entries applied give the tree the two commits left.
    auto image = dirty.imageAfter(2);
    REQUIRE(image);
    const auto replayed = openBytes(std::move(*image));
    const auto committed = openBytes(final);
    CHECK(wholeDiff(*replayed, *committed).empty());
}

TEST_CASE("an old-format log is one entry of the history with its dirty pages and the whole replay's changes",
          "[loghistory][diff][old]") {
    // An old-format log composed here: the 512-byte pages in which the Server
    // 2022 hive's recovered image differs from its primary file.
    const File primary = readFile(hivePath(kServerAmcache));
    const File target = recovered(kServerAmcache);
    auto targetBase = decodeBaseBlock(target);
    REQUIRE(targetBase);
    const uint32_t bins = targetBase->hiveBinsDataSize;
    File log(target.begin(), target.begin() + 512);
    storeU32(log.data() + layout::base::FileType, layout::log::kFileTypeOld);
    const uint32_t sequence = loadU32(primary.data() + layout::base::PrimarySequence);
    storeU32(log.data() + layout::base::PrimarySequence, sequence);
    storeU32(log.data() + layout::base::SecondarySequence, sequence);
    // Rule (6): the log continues the state the hive's timestamp names.
    storeU64(log.data() + layout::base::LastWritten, loadU64(primary.data() + layout::base::LastWritten));
    storeU32(log.data() + layout::base::Checksum, baseBlockChecksum(Bytes(log.data(), 508)));
    log.resize(oldLogPagesOffset(bins), 0);
    storeU32(log.data() + layout::log::kDirtyVectorOffset, layout::log::kDirtSignature);
    std::vector<uint32_t> dirtyOffsets;
    for (uint32_t off = 0; off < bins; off += 512) {
        const uint64_t at = 0x1000 + uint64_t{off};
        if (at + 512 <= primary.size() && std::equal(target.begin() + at, target.begin() + at + 512, primary.begin() + at))
            continue;
        log[layout::log::kDirtyVectorOffset + 4 + off / 512 / 8] |= static_cast<uint8_t>(1u << (off / 512 % 8));
        log.insert(log.end(), target.begin() + at, target.begin() + at + 512);
        dirtyOffsets.push_back(off);
    }
    REQUIRE(dirtyOffsets.size() > 10);

    const DirtyHive dirty = DirtyHive::fromBytes(primary, {{"Amcache.hve.LOG", log}});
    const LogHistory history = historyOf(dirty);
    REQUIRE(history.entries.size() == 1);
    const HistoryEntry& e = history.entries[0];
    CHECK(e.step == 1);
    CHECK(e.entry.format == LogFormat::Old);
    CHECK(e.entry.applied);
    CHECK(!e.entry.hashesVerified);
    CHECK(e.entry.sequence == sequence);
    CHECK(e.entry.entryOffset == layout::log::kDirtyVectorOffset);
    CHECK(e.entry.pageOffsets == dirtyOffsets);
    CHECK(e.entry.hiveBinsDataSize == bins);
    REQUIRE(history.logs.size() == 1);
    CHECK(history.logs[0].format == LogFormat::Old);
    CHECK(history.logs[0].replayed);

    auto changes = entryChanges(dirty, 1);
    REQUIRE(changes);
    const auto before = openBytes(primary);
    const auto after = openBytes(target);
    const std::vector<Difference> whole = wholeDiff(*before, *after);
    REQUIRE(changes->changes.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) CHECK(itemOf(changes->changes[i]) == itemOf(whole[i]));
}
