// hivectl timeline driven as a process: the three formats parsed by
// independent readers (python's csv and json modules, the Sleuth Kit's
// mactime for the body file), the range options and their errors, and a
// triage folder of several hives, one of them dirty.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

/// Runs python over a file holding `text`; `code` reads it from sys.argv[1].
std::string python(const std::string& text, const std::string& code) {
    TempDir dir;
    writeFile(dir.file("in"), std::vector<uint8_t>(text.begin(), text.end()));
    auto r = run({"/usr/bin/python3", "-c", code, dir.file("in")});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return r.out;
}

/// The number of key lines libhivex walks (tests/oracle/hivex-dump).
size_t hivexKeyCount(const std::string& hive) {
    auto r = run({"/usr/bin/python3", hivexDumpScript(), hive, "--no-data"});
    REQUIRE(r.exitCode == 0);
    size_t keys = 0;
    for (const std::string& l : lines(r.out)) keys += l.rfind("K\t", 0) == 0;
    return keys;
}

}  // namespace

TEST_CASE("hivectl timeline CSV has Timesketch's columns and one row per key libhivex walks", "[cli][timeline]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    auto r = hivectl({"timeline", hive, "--no-logs"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.empty());
    // python's csv module is the reader: header, then per source the count.
    const std::string parsed = python(r.out,
        "import csv,sys,collections\n"
        "rows=list(csv.DictReader(open(sys.argv[1],newline='')))\n"
        "print(','.join(csv.reader(open(sys.argv[1])).__next__()))\n"
        "c=collections.Counter(r['source'] for r in rows)\n"
        "print(c['key'], len(rows), all(r['datetime'].endswith('Z') for r in rows))\n"
        "from datetime import datetime\n"
        "t=[datetime.fromisoformat(r['datetime']) for r in rows]\n"
        "print(sorted(t) == t)\n"
        "print(sum(1 for r in rows if r['source']=='key' and r['timestamp_desc']=='Key last written'))\n");
    const auto out = lines(parsed);
    REQUIRE(out.size() == 4);
    CHECK(out[0] == "message,datetime,timestamp_desc,hive,path,value,source,deleted,offset");
    const size_t keys = hivexKeyCount(hive);
    std::istringstream counts(out[1]);
    size_t keyRows = 0, rows = 0;
    std::string allZ;
    counts >> keyRows >> rows >> allZ;
    CHECK(keyRows == keys);
    CHECK(rows > keys);  // SYSTEM's decoders add their times
    CHECK(allZ == "True");
    CHECK(out[2] == "True");  // sorted by time (python's reading of the ISO 8601 datetime)
    CHECK(out[3] == std::to_string(keys));
}

TEST_CASE("hivectl timeline JSON Lines carry the same events as CSV, deleted keys marked", "[cli][timeline]") {
    const std::string hive = hivePath("ez/UsrClassDeletedBags.dat");
    auto csv = hivectl({"timeline", hive, "--format", "csv"});
    auto jsonl = hivectl({"timeline", hive, "--format", "jsonl"});
    REQUIRE(csv.exitCode == 0);
    REQUIRE(jsonl.exitCode == 0);
    const std::string fromCsv = python(csv.out,
        "import csv,sys\n"
        "for r in csv.DictReader(open(sys.argv[1],newline='')):\n"
        "  print('|'.join([r['datetime'],r['timestamp_desc'],r['path'],r['value'],r['source'],r['deleted'],r['message']]))\n");
    const std::string fromJson = python(jsonl.out,
        "import json,sys\n"
        "for l in open(sys.argv[1]):\n"
        "  d=json.loads(l)\n"
        "  assert set(d)=={'message','datetime','timestamp_desc','hive','path','value','source','deleted','offset'}\n"
        "  print('|'.join([d['datetime'],d['timestamp_desc'],d['path'],d['value'] or '',d['source'],"
        "'true' if d['deleted'] else 'false',d['message']]))\n");
    CHECK(fromCsv == fromJson);
    size_t deleted = 0;
    for (const std::string& l : lines(fromJson))
        if (contains(l, "|deleted key|true|")) ++deleted;
    CHECK(deleted > 0);
    // The deleted BagMRU key hivectl deleted lists at 0x6f28 (2015-02-01 19:15:41.7283632 UTC).
    CHECK(contains(jsonl.out, "{\"message\":\"Deleted key \\\\Local Settings\\\\Software\\\\Microsoft\\\\Windows\\\\"
                              "Shell\\\\BagMRU\\\\1 last written (2 values recovered)\",\"datetime\":"
                              "\"2015-02-01T19:15:41.7283632Z\",\"timestamp_desc\":\"Deleted key last written\""));
    CHECK(contains(jsonl.out, "\"source\":\"deleted key\",\"deleted\":true,\"offset\":\"0x6f28\"}\n"));
}

TEST_CASE("hivectl timeline's body file is read by mactime with one entry per event", "[cli][timeline]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/NTUSER.DAT"), dir.file("NTUSER.DAT"));
    auto body = hivectl({"timeline", hive, "--format", "bodyfile", "-o", dir.file("body")});
    REQUIRE(body.exitCode == 0);
    CHECK(body.out.empty());
    const std::string text = readText(dir.file("body"));
    const auto bodyLines = lines(text);
    REQUIRE(!bodyLines.empty());
    for (const std::string& l : bodyLines) {
        INFO(l);
        CHECK(std::count(l.begin(), l.end(), '|') == 10);
        CHECK(l.rfind("0|" + hive + ":\\", 0) == 0);
    }
    CHECK(contains(text, ":\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\"
                         "{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count\\Zvpebfbsg.Jvaqbjf.TrggvatFgnegrq "
                         "(UserAssist last run)|"));
    // mactime (the Sleuth Kit) sorts the body file into a timeline: comma
    // separated, ISO 8601 UTC, one line per event (each has only an mtime).
    // The zeros of the unused times are TSK's "unknown": a date range leaves them out.
    auto r = run({"/usr/bin/mactime", "-b", dir.file("body"), "-d", "-y", "-z", "UTC", "1990-01-01..2100-01-01"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto table = lines(r.out);
    REQUIRE(table.size() > 1);
    CHECK(table[0] == "Date,Size,Type,Mode,UID,GID,Meta,File Name");
    // One line per event, each of them an mtime (this hive has no time before 1990).
    CHECK(table.size() - 1 == bodyLines.size());
    for (size_t i = 1; i < table.size(); ++i) CHECK(table[i].find(",0,m...,") != std::string::npos);
    bool userAssist = false;
    for (const std::string& l : table) {
        if (!contains(l, "Microsoft.Windows.GettingStarted") && !contains(l, "Zvpebfbsg.Jvaqbjf.TrggvatFgnegrq")) continue;
        userAssist = true;
        CHECK(l.rfind("2012-04-03T22:06:58Z,0,m...,", 0) == 0);
    }
    CHECK(userAssist);
}

TEST_CASE("hivectl timeline --from and --to keep the events in range, both ends included", "[cli][timeline]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    auto all = hivectl({"timeline", hive, "--format", "jsonl"});
    REQUIRE(all.exitCode == 0);
    // The times of the 10th and the 10th-last events as bounds.
    const auto allLines = lines(all.out);
    REQUIRE(allLines.size() > 40);
    const std::string times = python(all.out,
        "import json,sys\n"
        "t=[json.loads(l)['datetime'] for l in open(sys.argv[1])]\n"
        "print(t[9]); print(t[-10])\n"
        "print(sum(1 for x in t if t[9] <= x <= t[-10]))\n");
    const auto bounds = lines(times);
    REQUIRE(bounds.size() == 3);
    auto ranged = hivectl({"timeline", hive, "--format", "jsonl", "--from", bounds[0], "--to", bounds[1]});
    REQUIRE(ranged.exitCode == 0);
    CHECK(std::to_string(lines(ranged.out).size()) == bounds[2]);
    CHECK(contains(ranged.out, "\"datetime\":\"" + bounds[0] + "\""));
    CHECK(contains(ranged.out, "\"datetime\":\"" + bounds[1] + "\""));
    // A date alone as --to ends with its day.
    const std::string day = bounds[1].substr(0, 10);
    auto toDay = hivectl({"timeline", hive, "--format", "jsonl", "--to", day});
    REQUIRE(toDay.exitCode == 0);
    CHECK(contains(toDay.out, "\"datetime\":\"" + bounds[1] + "\""));
}

TEST_CASE("hivectl timeline refuses a bad --from, --to or --format naming it", "[cli][timeline]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    auto r = hivectl({"timeline", hive, "--from", "yesterday"});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "hivectl: timeline: --from \"yesterday\" is not an ISO 8601 UTC time (2020-01-02 or "
                   "2020-01-02T03:04:05Z)\n");
    r = hivectl({"timeline", hive, "--to", "2020-02-30"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "--to \"2020-02-30\" is not an ISO 8601 UTC time"));
    r = hivectl({"timeline", hive, "--from", "2021-01-01", "--to", "2020-01-01"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: timeline: --from 2021-01-01 is after --to 2020-01-01\n");
    r = hivectl({"timeline", hive, "--format", "xml"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: timeline: --format must be bodyfile, csv or jsonl, not \"xml\"\n");
    r = hivectl({"timeline", hive, "--from"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "option --from needs a value"));
    r = hivectl({"timeline"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "timeline: missing HIVE argument"));
}

TEST_CASE("hivectl timeline on a triage folder reads every hive under it, replays the dirty one's logs, and skips logs and backups",
          "[cli][timeline]") {
    TempDir dir;
    const std::string root = dir.file("triage");
    std::filesystem::create_directories(root + "/config");
    std::filesystem::create_directories(root + "/Users/a");
    copyFile(hivePath("regipy/SYSTEM"), root + "/config/SYSTEM");
    copyFile(hivePath("ez/SAM"), root + "/config/SAM");
    copyFile(hivePath("regipy/SYSTEM"), root + "/config/SYSTEM.bak");
    copyFile(hivePath("ez/NotAHive"), root + "/config/notes.txt");
    const std::string dirty = root + "/Users/a/transactions_NTUSER.DAT";
    copyFile(hivePath("regipy/transactions_NTUSER.DAT"), dirty);
    copyFile(hivePath("regipy/transactions_ntuser.dat.log1"), root + "/Users/a/transactions_ntuser.dat.log1");
    copyFile(hivePath("regipy/transactions_ntuser.dat.log2"), root + "/Users/a/transactions_ntuser.dat.log2");

    auto r = hivectl({"timeline", root, "--format", "jsonl"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.empty());  // stderr is not a terminal here: no progress
    const std::string hives = python(r.out,
        "import json,sys\n"
        "seen=[]\n"
        "for l in open(sys.argv[1]):\n"
        "  h=json.loads(l)['hive']\n"
        "  if not seen or seen[-1]!=h: seen.append(h)\n"
        "print('\\n'.join(seen))\n");
    // One block per hive, in path order: logs, the backup and the text file left out.
    CHECK(lines(hives) == std::vector<std::string>{root + "/Users/a/transactions_NTUSER.DAT", root + "/config/SAM",
                                                   root + "/config/SYSTEM"});
    // Each hive's block is what timeline prints for that hive alone (the threads change nothing).
    std::string concatenated;
    for (const std::string& h : lines(hives)) {
        auto one = hivectl({"timeline", h, "--format", "jsonl"});
        REQUIRE(one.exitCode == 0);
        concatenated += one.out;
    }
    CHECK(r.out == concatenated);

    // Without the logs, the dirty hive's events differ and the others' do not.
    auto noLogs = hivectl({"timeline", root, "--format", "jsonl", "--no-logs"});
    REQUIRE(noLogs.exitCode == 0);
    CHECK(noLogs.out != r.out);
    auto dirtyWith = hivectl({"timeline", dirty, "--format", "jsonl"});
    auto dirtyWithout = hivectl({"timeline", dirty, "--format", "jsonl", "--no-logs"});
    CHECK(dirtyWith.out != dirtyWithout.out);
    CHECK(contains(noLogs.out, dirtyWithout.out));
    auto system = hivectl({"timeline", root + "/config/SYSTEM", "--format", "jsonl"});
    CHECK(contains(noLogs.out, system.out));
}

TEST_CASE("hivectl timeline goes on past a hive it cannot open and exits 3", "[cli][timeline]") {
    TempDir dir;
    const std::string empty = dir.file("empty");
    std::filesystem::create_directories(empty);
    auto r = hivectl({"timeline", hivePath("ez/NotAHive"), hivePath("hivex/minimal"), empty});
    CHECK(r.exitCode == 3);
    CHECK(contains(r.err, "hivectl: timeline: " + empty + ": no hive found under this directory\n"));
    CHECK(contains(r.err, "NotAHive"));
    CHECK(contains(r.out, hivePath("hivex/minimal") + ","));
}

TEST_CASE("hivectl help timeline documents the formats and the range", "[cli][timeline]") {
    auto r = hivectl({"help", "timeline"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("Usage: hivectl timeline HIVE... [--from T] [--to T] [--format bodyfile|csv|jsonl] [-o PATH]\n", 0) == 0);
    CHECK(contains(hivectl({"--help"}).out, "\n  timeline HIVE...      every time the hives record"));
}
