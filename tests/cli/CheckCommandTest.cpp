// `hivectl check` driven as a process: the problem lines, the summary, the
// JSON form and the exit codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;
using clitest::pyJson;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("check on a clean hive prints the summary line alone and exits 0", "[cli][check]") {
    auto r = hivectl({"check", hivePath("regipy/SYSTEM")});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "check: 30756 keys, 73456 values, 186308 cells: no problems\n");
    CHECK(r.err.empty());
}

TEST_CASE("check prints each problem as severity, offset and message, then the tally, and exits 1", "[cli][check]") {
    auto r = hivectl({"check", hivePath("ez/SAN(OTHER)")});
    CHECK(r.exitCode == 1);
    CHECK(r.out ==
          "error\t0x1fc\tbase block: checksum is 0x4261a0b0, the first 508 bytes give 0x4262a0b0\n"
          "check: 68 keys, 73 values, 260 cells: 1 error, 0 warnings\n");
}

TEST_CASE("check prints info lines but does not count them as problems", "[cli][check]") {
    auto r = hivectl({"check", hivePath("regipy/NTUSER.DAT")});
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "info\t0xb4000\thbins continue after the declared end of the hive bins data at 0xb4000 (slack, or data of "
          "an unreplayed log)\n"
          "check: 1812 keys, 4094 values, 10092 cells: no problems\n");
}

TEST_CASE("A dirty hive's warning alone exits 0, and 1 with --strict", "[cli][check]") {
    const std::string expected =
        "warning\t0x4\tbase block: dirty hive: primary sequence number 5161 differs from secondary 5160 (the primary "
        "file may lack changes held in its transaction logs)\n"
        "check: 5328 keys, 12014 values, 30222 cells: 0 errors, 1 warning\n";
    auto r = hivectl({"check", hivePath("regipy/NTUSER_with_winscp.DAT"), "--no-logs"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == expected);
    auto strict = hivectl({"check", hivePath("regipy/NTUSER_with_winscp.DAT"), "--no-logs", "--strict"});
    CHECK(strict.exitCode == 1);
    CHECK(strict.out == expected);
    // --strict changes nothing for a hive without warnings.
    CHECK(hivectl({"check", hivePath("ez/SAM"), "--strict"}).exitCode == 0);
}

TEST_CASE("check --json gives clean, the counts and each problem with severity, offset and message",
          "[cli][check]") {
    auto bad = hivectl({"check", hivePath("ez/SAN(OTHER)"), "--json"});
    CHECK(bad.exitCode == 1);
    CHECK(pyJson(bad.out, "d['clean'], d['dirty'], d['keys'], d['values'], d['cells'], d['errors'], d['warnings']") ==
          "False False 68 73 260 1 0\n");
    CHECK(pyJson(bad.out, "d['problems']") ==
          "[{'severity': 'error', 'offset': 508, 'message': 'base block: checksum is 0x4261a0b0, the first 508 bytes "
          "give 0x4262a0b0'}]\n");

    auto good = hivectl({"check", hivePath("regipy/SYSTEM"), "--json"});
    CHECK(good.exitCode == 0);
    CHECK(pyJson(good.out, "d['clean'], d['keys'], d['values'], d['cells'], d['securityCells'], d['problems']") ==
          "True 30756 73456 186308 193 []\n");

    auto dirty = hivectl({"check", hivePath("regipy/SECURITY"), "--json", "--no-logs"});
    CHECK(dirty.exitCode == 0);
    CHECK(pyJson(dirty.out, "d['clean'], d['dirty'], d['errors'], d['warnings'], d['problems'][0]['severity']") ==
          "False True 0 1 warning\n");
}

TEST_CASE("check --json writes null for a diagnostic without an offset", "[cli][check]") {
    auto r = hivectl({"check", hivePath("ez/SAMBadHBinHeader"), "--json"});
    CHECK(r.exitCode == 1);
    CHECK(pyJson(r.out, "[p['message'] for p in d['problems'] if p['offset'] is None]") ==
          "['part of the key tree cannot be reached: sk reference counts are only checked for being too small']\n");
}

TEST_CASE("check reports swapped list entries in a damaged copy and exits 1", "[cli][check]") {
    TempDir dir;
    std::vector<uint8_t> bytes = readFile(hivePath("ez/NTUSER1.DAT"));
    // The lf list of AppEvents\EventLabels is the cell at 0xdaf0; its entries
    // (offset, hint) start 8 bytes in. Entries 3 and 4 change places.
    const size_t entry3 = 0xdaf0 + 8 + 3 * 8, entry4 = entry3 + 8;
    std::swap_ranges(bytes.begin() + entry3, bytes.begin() + entry3 + 8, bytes.begin() + entry4);
    writeFile(dir.file("NTUSER.DAT"), bytes);
    auto r = hivectl({"check", dir.file("NTUSER.DAT")});
    CHECK(r.exitCode == 1);
    CHECK(r.out ==
          "error\t0xdaf0\tlf list at 0xdaf0: entry 4 (\"BlockedPopup\") sorts before entry 3 (\"CCSelect\")\n"
          "check: 595 keys, 878 values, 2568 cells: 1 error, 0 warnings\n");
}

TEST_CASE("check on the damaged hives lists errors with offsets and exits 1", "[cli][check]") {
    for (const char* hive : {"ez/SAMBadHBinHeader", "regipy/corrupted_system_hive"}) {
        INFO(hive);
        auto r = hivectl({"check", hivePath(hive)});
        CHECK(r.exitCode == 1);
        auto out = lines(r.out);
        REQUIRE(out.size() > 1);
        CHECK(out.back().rfind("check: ", 0) == 0);
        for (size_t i = 0; i + 1 < out.size(); ++i) {
            if (out[i].rfind("error\t", 0) != 0) continue;
            INFO(out[i]);
            CHECK(out[i].rfind("error\t0x", 0) == 0);
        }
    }
}

TEST_CASE("check exits 3 when the file cannot be opened or is not a hive", "[cli][check]") {
    auto missing = hivectl({"check", "/nonexistent/hive"});
    CHECK(missing.exitCode == 3);
    CHECK(contains(missing.err, "/nonexistent/hive"));
    CHECK(missing.out.empty());
    auto notHive = hivectl({"check", hivePath("ez/NotAHive")});
    CHECK(notHive.exitCode == 3);
    CHECK(contains(notHive.err, "not a hive"));
}
