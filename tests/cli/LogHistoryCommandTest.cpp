// hivectl log-history: the entries of a dirty hive's logs in replay order,
// each with what it changed; --json, --entry N, the refusals, and the
// evidence left untouched.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;
using clitest::pyJson;

namespace {

const std::string kNtUser = "regipy/transactions_NTUSER.DAT";

std::string ntUser() { return hivePath(kNtUser); }

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("hivectl log-history lists the logs and every entry in replay order each with its changes", "[cli][loghistory]") {
    const auto r = hivectl({"log-history", ntUser()});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, ": sequence numbers 567/566 (dirty)"));
    CHECK(contains(r.out, "transactions_ntuser.dat.log1: new-format (HvLE) log, sequence number 566, "));
    CHECK(contains(r.out, "transactions_ntuser.dat.log2: new-format (HvLE) log, sequence number 562, no header time, "
                          "65536 bytes: not replayed: its sequence number 562 is older than the hive's secondary "
                          "sequence number 566\n"));
    CHECK(contains(r.out, "\nentry 1: transactions_ntuser.dat.log1 at 0x200, sequence number 566, hive bins 0xbe000, "
                          "24 dirty pages, hashes verified: applied\n"));
    CHECK(contains(r.out, "\nentry 23: transactions_ntuser.dat.log1 at 0x10e000, sequence number 588, "));
    CHECK(count(r.out, "\nentry ") == 24);  // 23 applied, and log2's entry
    CHECK(contains(r.out, "\nentry -: transactions_ntuser.dat.log2 at 0x200, sequence number 562, hive bins 0xba000, "
                          "9 dirty pages, hashes verified: not applied: its log was not replayed: "));
    // Entry 2 adds Software\ThinPrint with its value, entry 3 changes a DWORD.
    const size_t second = r.out.find("\nentry 2: "), third = r.out.find("\nentry 3: ");
    const size_t thinPrint = r.out.find("  key added  Software\\ThinPrint  (last write 2017-07-12 17:22:00.5918614 UTC)\n");
    CHECK(second < thinPrint);
    CHECK(thinPrint < third);
    CHECK(contains(r.out, "  value added  Software\\ThinPrint\\TPAutoConnect  DefaultPrinter  REG_SZ  Microsoft Print to PDF\n"));
    const size_t max = r.out.find("  value changed  Control Panel\\Desktop  MaxVirtualDesktopDimension  REG_DWORD  "
                                  "0x00000800 (2048) -> 0x00000b40 (2880)\n");
    CHECK(third < max);
    CHECK(max < r.out.find("\nentry 4: "));
    CHECK(contains(r.out, "  keys written up to "));
}

TEST_CASE("hivectl log-history --json gives the logs and the entries with their changes", "[cli][loghistory]") {
    const auto r = hivectl({"log-history", ntUser(), "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(pyJson(r.out, "d['appliedEntries'], d['primarySequence'], d['secondarySequence']") == "23 567 566\n");
    CHECK(pyJson(r.out, "[(l['name'], l['sequence'], l['replayed']) for l in d['logs']]") ==
          "[('transactions_ntuser.dat.log1', 566, True), ('transactions_ntuser.dat.log2', 562, False)]\n");
    CHECK(pyJson(r.out, "[e['sequence'] for e in d['entries'] if e['step'] is not None] == list(range(566, 589))") ==
          "True\n");
    CHECK(pyJson(r.out, "[(e['log'], e['applied'], 'changes' in e) for e in d['entries'] if e['step'] is None]") ==
          "[('transactions_ntuser.dat.log2', False, False)]\n");
    CHECK(pyJson(r.out, "[(c['kind'], c['old']['data'], c['new']['data'], c['new']['type']) for c in "
                        "d['entries'][2]['changes'] if c.get('value') == 'MaxVirtualDesktopDimension']") ==
          "[('value changed', '00080000', '400b0000', 'REG_DWORD')]\n");
    CHECK(pyJson(r.out, "[(c['kind'], c.get('descendant', False)) for c in d['entries'][1]['changes'] "
                        "if c['path'].startswith('Software\\\\ThinPrint')]") ==
          "[('key added', False), ('key added', True), ('value added', True)]\n");
    CHECK(pyJson(r.out, "d['entries'][0]['dirtyPages'], d['entries'][0]['offset'], 'pageOffsets' in d['entries'][0]") ==
          "24 512 False\n");
}

TEST_CASE("hivectl log-history --entry N shows that entry alone with its dirty pages and whole data", "[cli][loghistory]") {
    const auto r = hivectl({"log-history", ntUser(), "--entry", "3"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(count(r.out, "\nentry ") == 1);
    CHECK(contains(r.out, "\nentry 3: transactions_ntuser.dat.log1 at 0x55000, sequence number 568, "));
    CHECK(contains(r.out, "  dirty pages (hive bins offsets):\n    0x0 0x8000 "));
    CHECK(contains(r.out, "MaxVirtualDesktopDimension  REG_DWORD  0x00000800 (2048)\n    -> 0x00000b40 (2880)\n"));
    CHECK(!contains(r.out, "ThinPrint"));

    const auto j = hivectl({"log-history", ntUser(), "--entry", "2", "--json"});
    REQUIRE(j.exitCode == 0);
    CHECK(pyJson(j.out, "[(e['step'], len(e['pageOffsets'])) for e in d['entries']]") == "[(2, 16)]\n");
}

TEST_CASE("hivectl log-history refuses an entry the logs do not apply and a bad --entry and --no-logs and what is not a hive",
          "[cli][loghistory]") {
    auto beyond = hivectl({"log-history", ntUser(), "--entry", "24"});
    CHECK(beyond.exitCode == 1);
    CHECK(beyond.out.empty());
    CHECK(beyond.err == "hivectl: " + ntUser() + ": no entry 24: the logs apply 23 entries\n");
    for (const char* bad : {"0", "abc", "-1", "3x", ""}) {
        INFO(bad);
        auto r = hivectl({"log-history", ntUser(), "--entry", bad});
        CHECK(r.exitCode == 2);
        CHECK(r.err == std::string("hivectl: log-history: --entry needs an entry's step number (1, 2, ...), not \"") +
                           bad + "\"\n");
    }
    auto missingValue = hivectl({"log-history", ntUser(), "--entry"});
    CHECK(missingValue.exitCode == 2);
    CHECK(missingValue.err == "hivectl: option --entry needs a value (see hivectl --help)\n");
    auto noLogs = hivectl({"log-history", ntUser(), "--no-logs"});
    CHECK(noLogs.exitCode == 2);
    CHECK(noLogs.err == "hivectl: log-history: --no-logs contradicts log-history, which reads the logs\n");
    TempDir dir;
    auto missing = hivectl({"log-history", dir.file("missing")});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err == "hivectl: " + dir.file("missing") + ": no such file\n");
    writeFile(dir.file("text"), std::vector<uint8_t>(5000, 'x'));
    auto text = hivectl({"log-history", dir.file("text")});
    CHECK(text.exitCode == 3);
    CHECK(contains(text.err, "hivectl: " + dir.file("text") + ": "));
}

TEST_CASE("hivectl log-history on a clean hive without logs says there are none", "[cli][loghistory]") {
    auto r = hivectl({"log-history", hivePath("regipy/SYSTEM")});
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, ": sequence numbers 13983/13983, last written 2012-04-07 13:05:14.5115038 UTC\n"
                          "no transaction logs beside the hive\n"));
}

TEST_CASE("hivectl log-history leaves the hive and its logs byte-identical", "[cli][loghistory]") {
    TempDir dir;
    for (const char* f : {"transactions_NTUSER.DAT", "transactions_ntuser.dat.log1", "transactions_ntuser.dat.log2"})
        copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    std::vector<std::vector<uint8_t>> before;
    for (const char* f : {"transactions_NTUSER.DAT", "transactions_ntuser.dat.log1", "transactions_ntuser.dat.log2"})
        before.push_back(readFile(dir.file(f)));
    REQUIRE(hivectl({"log-history", dir.file("transactions_NTUSER.DAT")}).exitCode == 0);
    REQUIRE(hivectl({"log-history", dir.file("transactions_NTUSER.DAT"), "--entry", "1", "--json"}).exitCode == 0);
    size_t i = 0;
    for (const char* f : {"transactions_NTUSER.DAT", "transactions_ntuser.dat.log1", "transactions_ntuser.dat.log2"})
        CHECK(readFile(dir.file(f)) == before[i++]);
}

TEST_CASE("hivectl help log-history gives its usage and the overview lists it among the read commands",
          "[cli][loghistory]") {
    auto help = hivectl({"help", "log-history"});
    CHECK(help.exitCode == 0);
    CHECK(help.out.rfind("Usage: hivectl log-history HIVE [--json] [--entry N]\n", 0) == 0);
    auto overview = hivectl({"--help"});
    const size_t at = overview.out.find("\n  log-history HIVE ");
    CHECK(at != std::string::npos);
    CHECK(at < overview.out.find("Write commands:"));
}
