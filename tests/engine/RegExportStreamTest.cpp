// The streaming .reg export (exportReg, exportRegFile): the same bytes as
// the whole-text export encoded at once, in pieces, with progress, cancel,
// and no partial file left behind.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "format/Names.h"
#include "regfile/RegExport.h"
#include "support/TestSupport.h"
#include "tx/FileIO.h"

using namespace hivekit;
using namespace testsupport;

namespace {

/// The corpus hives whose trees can be exported (the damaged and
/// non-hive files of the corpus are left to the tests about them).
const char* const kHives[] = {"regipy/SYSTEM",      "regipy/SAM",          "regipy/SECURITY", "regipy/NTUSER.DAT",
                              "regipy/amcache.hve", "regipy/BCD",          "regipy/UsrClass.dat",
                              "ez/NTUSER1.DAT",     "hivex/special",       "hivex/rlenvalue_test_hive",
                              "hivex/minimal"};

std::vector<uint8_t> streamed(const Hive& hive, const RegExportOptions& options, size_t* pieces = nullptr) {
    std::vector<uint8_t> out;
    size_t count = 0;
    auto done = exportReg(hive, "", options, [&](Bytes piece) -> Result<void> {
        out.insert(out.end(), piece.begin(), piece.end());
        ++count;
        return {};
    });
    REQUIRE(done);
    CHECK_FALSE(done->cancelled);
    CHECK(done->bytes == out.size());
    if (pieces) *pieces = count;
    return out;
}

}  // namespace

TEST_CASE("A streamed export gives the bytes of the whole-text export on every corpus hive", "[regfile][export][hives]") {
    for (const char* name : kHives) {
        INFO(name);
        auto hive = Hive::open(hivePath(name));
        REQUIRE(hive);
        for (RegVersion version : {RegVersion::V5, RegVersion::V4}) {
            RegExportOptions options;
            options.version = version;
            auto whole = exportRegText(**hive, "", options);
            REQUIRE(whole);
            CHECK(streamed(**hive, options) == encodeRegText(whole->text, version));
        }
    }
}

TEST_CASE("A streamed export of a large hive arrives in several pieces, the first with the byte order mark", "[regfile][export][hives]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    size_t pieces = 0;
    const std::vector<uint8_t> bytes = streamed(**hive, RegExportOptions{}, &pieces);
    CHECK(pieces > 4);
    REQUIRE(bytes.size() > 2);
    CHECK(bytes[0] == 0xFF);
    CHECK(bytes[1] == 0xFE);
}

TEST_CASE("appendUtf16le gives the units utf8ToUtf16 gives, broken sequences included", "[regfile][export]") {
    const std::string samples[] = {"plain", "Grüße 日本語 \xF0\x9F\x98\x80", "\xED\xA0\x80 lone surrogate",
                                   "bad \xC0\xAF and \xE2\x82 cut", "\xFF\xFE", ""};
    for (const std::string& text : samples) {
        std::vector<uint8_t> bytes{1, 2};
        appendUtf16le(text, bytes);
        const std::u16string units = utf8ToUtf16(text);
        REQUIRE(bytes.size() == 2 + 2 * units.size());
        for (size_t i = 0; i < units.size(); ++i) CHECK(loadU16(bytes.data() + 2 + 2 * i) == units[i]);
    }
}

TEST_CASE("An export to a file reports progress and writes the file whole", "[regfile][export][hives]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    TempDir dir;
    const std::string file = dir.file("system.reg");
    uint64_t lastKeys = 0, calls = 0;
    RegExportControl control;
    control.progress = [&](uint64_t keys, uint64_t) {
        CHECK(keys >= lastKeys);
        lastKeys = keys;
        ++calls;
    };
    auto done = exportRegFile(**hive, "", RegExportOptions{}, file, realFileIO(), control);
    REQUIRE(done);
    CHECK(calls > 1);
    CHECK(lastKeys == done->keys);
    auto whole = exportRegText(**hive, "", RegExportOptions{});
    REQUIRE(whole);
    CHECK(readFile(file) == encodeRegText(whole->text, RegVersion::V5));
    CHECK_FALSE(realFileIO().exists(file + ".partial").value());
}

TEST_CASE("A cancelled export to a file leaves no file and an existing one as it was", "[regfile][export][hives]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    TempDir dir;
    const std::string fresh = dir.file("fresh.reg");
    const std::string existing = dir.file("existing.reg");
    writeFile(existing, std::vector<uint8_t>{'o', 'l', 'd'});
    for (const std::string& file : {fresh, existing}) {
        INFO(file);
        RegExportControl control;
        int polls = 0;
        control.cancelRequested = [&] { return ++polls == 3; };
        auto done = exportRegFile(**hive, "", RegExportOptions{}, file, realFileIO(), control);
        REQUIRE(done);
        CHECK(done->cancelled);
        CHECK(polls == 3);
        CHECK_FALSE(realFileIO().exists(file + ".partial").value());
    }
    CHECK_FALSE(realFileIO().exists(fresh).value());
    CHECK(readFile(existing) == std::vector<uint8_t>{'o', 'l', 'd'});
}

TEST_CASE("A writer's failure ends a streamed export with its error", "[regfile][export][hives]") {
    auto hive = Hive::open(hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    size_t calls = 0;
    auto done = exportReg(**hive, "", RegExportOptions{}, [&](Bytes) -> Result<void> {
        if (++calls == 2) return fail(ErrorCode::Io, "disk full");
        return {};
    });
    REQUIRE_FALSE(done);
    CHECK(done.error().message == "disk full");
    CHECK(calls == 2);
}
