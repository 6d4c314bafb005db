// hivectl dump against tests/oracle/hivex-dump (libhivex, an independent
// reader): byte for byte on every hive hivex walks; where hivex refuses,
// hivectl must still open the file and report what it found.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "support/TestSupport.h"

using namespace testsupport;

namespace {

struct HiveCase {
    std::string path;    // relative to hives/
    bool hivexWalks;     // what tests/data/README.md says
};

// Every hive of the corpus (tests/data/README.md); the test below checks
// that none is missing.
const std::vector<HiveCase> kHives = {
    {"regipy/SYSTEM", true},
    {"regipy/NTUSER.DAT", true},
    {"regipy/NTUSER_with_winscp.DAT", true},
    {"regipy/UsrClass.dat", true},
    {"regipy/transactions_NTUSER.DAT", true},
    {"regipy/amcache.hve", true},
    {"regipy/SAM", true},
    {"regipy/SECURITY", true},
    {"regipy/BCD", true},
    {"regipy/corrupted_system_hive", false},
    {"ez/SAM", true},
    {"ez/SAMBadHBinHeader", false},
    {"ez/SAN(OTHER)", false},
    {"ez/NotAHive", false},
    {"ez/SECURITYNoRoot", true},
    {"ez/UsrClassDeletedBags.dat", true},
    {"ez/NTUSER1.DAT", true},
    {"dfir/Win10-RathbunVM/Amcache.hve", true},
    {"dfir/Server2022-APTSimulatorVM/Amcache.hve", true},
    {"hivex/minimal", true},
    {"hivex/special", true},
    {"hivex/rlenvalue_test_hive", true},
};

std::string oracle() { return hivexDumpScript(); }

}  // namespace

TEST_CASE("The oracle comparison covers every hive of the corpus", "[oracle]") {
    // Logs are read with their hives; every other corpus file is a case above.
    std::vector<std::string> expected;
    for (const std::string& f : corpusFiles()) {
        std::string lower = f;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (!lower.ends_with(".log1") && !lower.ends_with(".log2")) expected.push_back(f);
    }
    std::vector<std::string> listed;
    for (const auto& h : kHives) listed.push_back(h.path);
    std::sort(listed.begin(), listed.end());
    CHECK(listed == expected);
}

TEST_CASE("hivectl dump is byte-identical to hivex-dump on every hive hivex walks", "[oracle]") {
    int compared = 0;
    for (const auto& h : kHives) {
        if (!h.hivexWalks) continue;
        INFO("hive: " << h.path);
        const std::string path = hivePath(h.path);
        ProcessResult expected = run({"/usr/bin/python3", oracle(), path});
        REQUIRE(expected.exitCode == 0);
        REQUIRE(!expected.out.empty());
        // hivex reads the primary file only: compare with the state before
        // log replay.
        ProcessResult ours = hivectl({"dump", path, "--no-logs"});
        CHECK(ours.exitCode == 0);
        CHECK(ours.err.empty());
        // Compare line counts first for a readable failure, then the bytes.
        CHECK(std::count(ours.out.begin(), ours.out.end(), '\n') ==
              std::count(expected.out.begin(), expected.out.end(), '\n'));
        CHECK(ours.out == expected.out);
        ++compared;
    }
    CHECK(compared == 18);
}

TEST_CASE("hivectl dump --no-data matches hivex-dump --no-data", "[oracle]") {
    const std::string path = hivePath("regipy/NTUSER.DAT");
    ProcessResult expected = run({"/usr/bin/python3", oracle(), path, "--no-data"});
    REQUIRE(expected.exitCode == 0);
    ProcessResult ours = hivectl({"dump", path, "--no-data"});
    CHECK(ours.out == expected.out);
}

TEST_CASE("hives that hivex refuses still open in hivectl with diagnostics", "[oracle]") {
    for (const auto& h : kHives) {
        if (h.hivexWalks || h.path == "ez/NotAHive") continue;
        INFO("hive: " << h.path);
        const std::string path = hivePath(h.path);
        ProcessResult refused = run({"/usr/bin/python3", oracle(), path});
        CHECK(refused.exitCode == 1);
        ProcessResult info = hivectl({"info", path});
        CHECK(info.exitCode == 0);
        CHECK(info.out.find("diagnostics:") != std::string::npos);
        ProcessResult dump = hivectl({"dump", path});
        // Keys are printed and problems reported with offsets.
        CHECK(dump.out.rfind("K\t\t", 0) == 0);
        CHECK(std::count(dump.out.begin(), dump.out.end(), '\n') > 10);
    }
}
