// hivectl recover and the log replay seen from the command line: the
// recovered copies read by hivex, regfexport and reglookup with the tree
// hivectl shows, the evidence left untouched, the refusals, and what info,
// get and dump say with and without --no-logs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <unistd.h>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;
using clitest::pyJson;

namespace {

struct DirtyCase {
    std::string hive;      // relative to hives/
    std::string lastLog;   // the report line of the last log applied
    uint32_t sequence;     // both sequence numbers after replay
};

const std::vector<DirtyCase> kDirty = {
    {"regipy/UsrClass.dat", "UsrClass.dat.LOG2: applied entries 291-300", 300},
    {"regipy/transactions_NTUSER.DAT", "transactions_ntuser.dat.log1: applied entries 566-588", 588},
    {"dfir/Win10-RathbunVM/Amcache.hve", "Amcache.hve.LOG2: applied entry 81 ", 81},
    {"dfir/Server2022-APTSimulatorVM/Amcache.hve", "Amcache.hve.LOG2: applied entries 8-9", 9},
};

size_t countLines(const std::string& text, const std::string& prefix = "") {
    size_t n = 0, at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        if (text.compare(at, prefix.size(), prefix) == 0) ++n;
        at = end + 1;
    }
    return n;
}

std::string oracle() { return hivexDumpScript(); }

/// The hive and the logs beside it, read now.
std::vector<std::vector<uint8_t>> evidence(const std::string& hive) {
    std::vector<std::vector<uint8_t>> out{readFile(hive)};
    for (const char* ext : {".LOG", ".LOG1", ".LOG2", ".log1", ".log2"})
        if (fileExists(hive + ext)) out.push_back(readFile(hive + ext));
    return out;
}

}  // namespace

TEST_CASE("recover writes a clean copy that hivex reads as hivectl shows the hive with its logs", "[cli][recover]") {
    for (const auto& c : kDirty) {
        INFO("hive: " << c.hive);
        const std::string hive = hivePath(c.hive);
        const auto before = evidence(hive);
        TempDir dir;
        const std::string out = dir.file("recovered");
        auto r = hivectl({"recover", hive, out});
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(contains(r.out, c.lastLog));
        CHECK(contains(r.out, "wrote the recovered hive to " + out));
        // The evidence is byte-identical after the replay.
        CHECK(evidence(hive) == before);

        // A clean primary file: equal sequence numbers, valid checksum.
        auto info = hivectl({"info", out, "--json"});
        REQUIRE(info.exitCode == 0);
        CHECK(pyJson(info.out, "d['dirty'], d['checksumValid'], d['primarySequence'], d['secondarySequence'], "
                               "d['fileType'], len(d['diagnostics'])") ==
              "False True " + std::to_string(c.sequence) + " " + std::to_string(c.sequence) + " primary 0\n");

        CHECK(hivectl({"check", out}).exitCode == 0);

        // hivex walks the copy and sees what hivectl shows of the dirty hive
        // with its logs, which is not what the primary file alone holds.
        auto withLogs = hivectl({"dump", hive});
        REQUIRE(withLogs.exitCode == 0);
        auto hivex = run({"/usr/bin/python3", oracle(), out});
        REQUIRE(hivex.exitCode == 0);
        CHECK(countLines(hivex.out) == countLines(withLogs.out));
        CHECK(hivex.out == withLogs.out);
        CHECK(hivectl({"dump", hive, "--no-logs"}).out != withLogs.out);
        CHECK(hivectl({"dump", out}).out == withLogs.out);
    }
}

TEST_CASE("regfexport and reglookup read the recovered copies without errors and with every key and value",
          "[cli][recover]") {
    const bool regfexport = fileExists("/usr/bin/regfexport"), reglookup = fileExists("/usr/bin/reglookup");
    if (!regfexport && !reglookup) return;
    for (const auto& c : kDirty) {
        INFO("hive: " << c.hive);
        TempDir dir;
        const std::string out = dir.file("recovered");
        REQUIRE(hivectl({"recover", hivePath(c.hive), out}).exitCode == 0);
        const std::string dump = hivectl({"dump", out}).out;
        if (regfexport) {
            auto r = run({"/usr/bin/regfexport", out});
            CHECK(r.exitCode == 0);
            CHECK(r.err.empty());
            CHECK(countLines(r.out, "Key path: ") == countLines(dump, "K\t"));
            CHECK(countLines(r.out, "Value: ") == countLines(dump, "V\t"));
        }
        if (reglookup) {
            auto r = run({"/usr/bin/reglookup", out});
            CHECK(r.exitCode == 0);
            CHECK(!contains(r.err, "ERROR"));
            CHECK(countLines(r.out) == countLines(dump) + 1);  // one line per key and value, and a heading
        }
    }
}

TEST_CASE("recover refuses to write over the hive or one of its logs", "[cli][recover]") {
    TempDir dir;
    const std::string base = "dfir/Server2022-APTSimulatorVM/Amcache.hve";
    const std::string hive = copyFile(hivePath(base), dir.file("Amcache.hve"));
    copyFile(hivePath(base + ".LOG1"), dir.file("Amcache.hve.LOG1"));
    copyFile(hivePath(base + ".LOG2"), dir.file("Amcache.hve.LOG2"));
    const auto before = evidence(hive);
    auto self = hivectl({"recover", hive, hive});
    CHECK(self.exitCode == 2);
    CHECK(contains(self.err, "hivectl: recover: refusing to write over " + hive + ": OUT must be a new file"));
    auto log = hivectl({"recover", hive, dir.file("Amcache.hve.LOG2")});
    CHECK(log.exitCode == 2);
    REQUIRE(::symlink(hive.c_str(), dir.file("link").c_str()) == 0);
    auto link = hivectl({"recover", hive, dir.file("link")});
    CHECK(link.exitCode == 2);
    CHECK(evidence(hive) == before);
}

TEST_CASE("recover writes nothing for a dirty hive whose logs cannot be applied", "[cli][recover]") {
    TempDir dir;
    auto r = hivectl({"recover", hivePath("regipy/NTUSER_with_winscp.DAT"), dir.file("out")});
    CHECK(r.exitCode == 1);
    CHECK(contains(r.out, "no transaction logs beside the hive"));
    CHECK(contains(r.err, "the hive is dirty and no log could be applied; nothing written"));
    CHECK(!fileExists(dir.file("out")));
}

TEST_CASE("recover copies a clean hive unchanged", "[cli][recover]") {
    TempDir dir;
    auto r = hivectl({"recover", hivePath("ez/SAM"), dir.file("out")});
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "the hive is clean; wrote a copy to "));
    CHECK(readFile(dir.file("out")) == readFile(hivePath("ez/SAM")));
}

TEST_CASE("recover needs OUT and refuses --no-logs", "[cli][recover]") {
    auto missing = hivectl({"recover", hivePath("ez/SAM")});
    CHECK(missing.exitCode == 2);
    CHECK(contains(missing.err, "recover: missing OUT argument"));
    TempDir dir;
    auto nologs = hivectl({"recover", hivePath("ez/SAM"), dir.file("out"), "--no-logs"});
    CHECK(nologs.exitCode == 2);
    CHECK(!fileExists(dir.file("out")));
    CHECK(contains(hivectl({"--help"}).out, "recover HIVE OUT"));
}

TEST_CASE("info names the logs, the entries applied and the log skipped", "[cli][recover]") {
    const std::string hive = hivePath("regipy/transactions_NTUSER.DAT");
    auto r = hivectl({"info", hive});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "dirty:              yes (the primary file), recovered from the logs"));
    CHECK(contains(r.out, "sequence numbers:   588 / 588"));
    CHECK(contains(r.out, "recovery:           transactions_ntuser.dat.log2: skipped: its sequence number 562 is "
                          "older than the hive's secondary sequence number 566"));
    CHECK(contains(r.out, "recovery:           transactions_ntuser.dat.log1: applied entries 566-588 (23 entries, "
                          "132 dirty pages)"));
    CHECK(contains(r.out, "recovery:           recovered: sequence numbers 588/588, hive bins data 0xbe000 grown to "
                          "0xe2000"));
    auto plain = hivectl({"info", hive, "--no-logs"});
    CHECK(contains(plain.out, "dirty:              yes (sequence numbers differ)"));
    CHECK(contains(plain.out, "sequence numbers:   567 / 566"));
    CHECK(!contains(plain.out, "recovery:"));
    auto json = hivectl({"info", hive, "--json"});
    CHECK(pyJson(json.out, "d['dirty'], d['recovered'], len(d['recovery'])") == "True True 6\n");
}

TEST_CASE("get shows a value only the logs hold, and --no-logs does not", "[cli][recover]") {
    const std::vector<std::string> args = {"get", hivePath("regipy/UsrClass.dat"),
                                           "Local Settings\\ImmutableMuiCache\\Strings\\52C64B7E",
                                           "@C:\\Windows\\System32\\powercpl.dll,-1#immutable1"};
    auto with = hivectl(args);
    CHECK(with.exitCode == 0);
    CHECK(with.out == "Power Options\n");
    auto without = args;
    without.push_back("--no-logs");
    auto r = hivectl(without);
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "no such value"));
}
