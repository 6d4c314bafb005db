// The checker's scan of the cells and the deleted-data scan split the bins
// into runs, each scanned on a thread of its own. What they report must not
// depend on the number of runs: every corpus hive, and damaged copies of a
// real hive, give the same report with one thread as with several.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "hive/Checker.h"
#include "hive/DeletedScanner.h"
#include "hive/Hive.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

/// Everything a check report says, as text: two reports are the same when
/// their texts are.
std::string reportText(const CheckReport& r) {
    std::string out = "keys " + std::to_string(r.keys) + " values " + std::to_string(r.values) + " cells " +
                      std::to_string(r.cells) + " sk " + std::to_string(r.securityCells) + " unreferenced " +
                      std::to_string(r.unreferencedCells) + " dirty " + std::to_string(r.dirty) + " stopped " +
                      std::to_string(r.stopped) + " dropped " + std::to_string(r.diagnostics.dropped()) + "\n";
    for (const Diagnostic& d : r.diagnostics.items())
        out += std::string(severityName(d.severity)) + " " + std::to_string(d.offset) + " " + d.message + "\n";
    return out;
}

/// Everything a deleted scan found, as text.
std::string scanText(const DeletedScan& s) {
    std::string out = "free bytes " + std::to_string(s.freeBytesScanned) + " unreferenced " +
                      std::to_string(s.unreferencedBytesScanned) + " slack " + std::to_string(s.slackBytesScanned) +
                      " past bins " + std::to_string(s.pastBinsBytesScanned) + "\n";
    for (const DeletedKey& k : s.keys) {
        out += "key " + std::to_string(k.cellOffset) + " " + foundInName(k.foundIn) + " " + k.path + " live parent " + std::to_string(k.parentLive) +
               " values";
        for (size_t v : k.values) out += " " + std::to_string(v);
        out += "\n";
    }
    for (const DeletedValue& v : s.values) {
        uint64_t sum = 0;
        for (uint8_t b : v.data) sum = sum * 131 + b;
        out += "value " + std::to_string(v.cellOffset) + " " + foundInName(v.foundIn) + " " + v.name + " " + recoveredDataName(v.dataState) + " " +
               std::to_string(v.data.size()) + " " + std::to_string(sum) + " owner " + std::to_string(v.ownerKey) +
               "\n";
    }
    return out;
}

CheckReport checkWith(const Hive& hive, unsigned threads) {
    CheckControl control;
    control.threads = threads;
    return checkHive(hive, control);
}

std::string deletedWith(const Hive& hive, unsigned threads) {
    DeletedScanOptions options;
    options.threads = threads;
    auto scan = scanDeleted(hive, options);
    REQUIRE(scan);
    return scanText(*scan);
}

/// Every file of the corpus that opens as a hive (logs replayed), with its
/// name.
std::vector<std::pair<std::string, std::unique_ptr<Hive>>> corpusHives() {
    std::vector<std::pair<std::string, std::unique_ptr<Hive>>> hives;
    for (const std::string& file : corpusFiles()) {
        auto hive = Hive::open(hivePath(file));
        if (hive) hives.emplace_back(file, std::move(*hive));
    }
    return hives;
}

/// Damages the bytes at random places of the bins: cell size fields, hbin
/// headers and record fields alike.
void damage(std::vector<uint8_t>& bytes, uint64_t& state, int writes) {
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const uint64_t bins = bytes.size() - layout::kBaseBlockSize;
    for (int w = 0; w < writes; ++w) {
        uint64_t off = layout::kBaseBlockSize + next() % bins;
        if (next() % 4 == 0) off -= off % layout::kHbinAlignment;  // an hbin header
        else if (next() % 2 == 0) off -= off % layout::kCellAlignment;  // maybe a cell size field
        bytes[off] = static_cast<uint8_t>(next());
    }
}

}  // namespace

TEST_CASE("The checker reports the same with 1 2 3 and 8 threads on every corpus hive", "[checker][threads]") {
    auto hives = corpusHives();
    REQUIRE(hives.size() >= 15);
    size_t split = 0;
    for (const auto& [name, hive] : hives) {
        INFO(name);
        const std::string one = reportText(checkWith(*hive, 1));
        if (hive->bins().size() >= 3) ++split;
        for (unsigned threads : {2u, 3u, 8u}) {
            INFO(threads << " threads");
            CHECK(reportText(checkWith(*hive, threads)) == one);
        }
    }
    CHECK(split >= 10);  // most hives have enough bins for the runs to be real
}

TEST_CASE("The deleted scan finds the same with 1 2 3 and 8 threads on every corpus hive", "[deleted][threads]") {
    auto hives = corpusHives();
    REQUIRE(hives.size() >= 15);
    size_t found = 0, otherPlaces = 0;
    for (const auto& [name, hive] : hives) {
        INFO(name);
        const std::string one = deletedWith(*hive, 1);
        if (one.find("\nkey ") != std::string::npos) ++found;
        for (const char* place : {" inside-free-cell ", " unreferenced-cell ", " cell-slack ", " past-last-bin "})
            if (one.find(place) != std::string::npos) ++otherPlaces;
        for (unsigned threads : {2u, 3u, 8u}) {
            INFO(threads << " threads");
            CHECK(deletedWith(*hive, threads) == one);
        }
    }
    CHECK(found >= 3);  // the comparison covers hives with deleted keys
    CHECK(otherPlaces >= 3);  // and records found beyond free cells
}

TEST_CASE("Threaded checks and deleted scans of randomly damaged hives match the single-threaded ones",
          "[checker][deleted][threads][robust]") {
    const std::vector<uint8_t> original = readFile(hivePath("ez/NTUSER1.DAT"));
    {
        auto hive = Hive::fromBytes(original, "original");
        REQUIRE(hive);
        REQUIRE((*hive)->bins().size() >= 8);
    }
    uint64_t state = 0x2545F4914F6CDD1DULL;
    for (int round = 0; round < 60; ++round) {
        INFO("round " << round);
        std::vector<uint8_t> bytes = original;
        damage(bytes, state, 1 + round % 8);
        auto hive = Hive::fromBytes(bytes, "damaged");
        REQUIRE(hive);
        const std::string one = reportText(checkWith(**hive, 1));
        CHECK(reportText(checkWith(**hive, 2)) == one);
        CHECK(reportText(checkWith(**hive, 5)) == one);
        const std::string found = deletedWith(**hive, 1);
        CHECK(deletedWith(**hive, 3) == found);
    }
}

TEST_CASE("A threaded check stopped at its first poll is partial and says so", "[checker][threads]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    CheckControl control;
    control.threads = 2;
    control.stopRequested = [] { return true; };
    CheckReport r = checkHive(**hive, control);
    CHECK(r.stopped);
    CHECK(r.keys == 0);
    CHECK(r.cells < 186308);  // the whole hive has 186308 cells
}
