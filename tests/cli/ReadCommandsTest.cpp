// hivectl's read commands driven as a process: output, JSON, exit codes and
// error messages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "CliTestSupport.h"
#include "format/BaseBlock.h"
#include "format/ByteReader.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;
using clitest::pyJson;

namespace {

/// True when python's json module accepts the text.
bool isValidJson(const std::string& text) {
    TempDir dir;
    writeFile(dir.file("x.json"), std::vector<uint8_t>(text.begin(), text.end()));
    auto r = run({"/usr/bin/python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", dir.file("x.json")});
    return r.exitCode == 0;
}

const std::string kSystemHive = "regipy/SYSTEM";

}  // namespace

TEST_CASE("info prints the header fields of a clean v1.5 hive", "[cli]") {
    auto r = hivectl({"info", hivePath(kSystemHive)});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "format version:     1.5"));
    CHECK(contains(r.out, "sequence numbers:   13983 / 13983"));
    CHECK(contains(r.out, "root cell:          0x20 (file 0x1020)"));
    CHECK(contains(r.out, "checksum:           0x380a5a8f (valid)"));
    CHECK(contains(r.out, "dirty:              no"));
    CHECK(contains(r.out, "hbins:              2736"));
    // The cell census agrees with hivex's count of keys and values.
    CHECK(contains(r.out, "nk: 30756 cells"));
    CHECK(contains(r.out, "vk: 73456 cells"));
}

TEST_CASE("info --json is valid JSON with the header fields", "[cli]") {
    auto r = hivectl({"info", hivePath(kSystemHive), "--json"});
    REQUIRE(r.exitCode == 0);
    REQUIRE(isValidJson(r.out));
    CHECK(pyJson(r.out, "d['version'], d['primarySequence'], d['checksumValid'], d['cells']['nk']['count']") ==
          "1.5 13983 True 30756\n");
}

TEST_CASE("info reports a dirty hive and a wrong checksum", "[cli]") {
    auto dirty = hivectl({"info", hivePath("regipy/NTUSER_with_winscp.DAT"), "--no-logs"});
    CHECK(dirty.exitCode == 0);
    CHECK(contains(dirty.out, "dirty:              yes (sequence numbers differ)"));
    auto badsum = hivectl({"info", hivePath("ez/SAN(OTHER)")});
    CHECK(badsum.exitCode == 0);
    CHECK(contains(badsum.out, "(WRONG: computed 0x4262a0b0)"));
    CHECK(contains(badsum.out, "warning at 0x1fc: base block checksum is 0x4261a0b0, computed 0x4262a0b0"));
}

TEST_CASE("ls lists subkeys with a trailing backslash, then values", "[cli]") {
    auto r = hivectl({"ls", hivePath(kSystemHive)});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("ControlSet001\\\nControlSet002\\\n", 0) == 0);
    auto v = hivectl({"ls", hivePath(kSystemHive), "select"});
    CHECK(v.exitCode == 0);
    CHECK(v.out == "Current\tREG_DWORD\t4\nDefault\tREG_DWORD\t4\nFailed\tREG_DWORD\t4\nLastKnownGood\tREG_DWORD\t4\n");
}

TEST_CASE("ls --json describes subkeys and values", "[cli]") {
    auto r = hivectl({"ls", hivePath(kSystemHive), "Select", "--json"});
    REQUIRE(r.exitCode == 0);
    REQUIRE(isValidJson(r.out));
    CHECK(pyJson(r.out, "len(d['subkeys']), [v['name'] for v in d['values']][0], d['values'][0]['typeName']") ==
          "0 Current REG_DWORD\n");
}

TEST_CASE("get decodes a value, and --raw prints its bytes in hex", "[cli]") {
    const std::string key = "ControlSet001\\Control\\ComputerName\\ComputerName";
    auto r = hivectl({"get", hivePath(kSystemHive), key, "ComputerName"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "WKS-WIN732BITA\n");
    auto raw = hivectl({"get", hivePath(kSystemHive), "Select", "current", "--raw"});
    CHECK(raw.exitCode == 0);
    CHECK(raw.out == "01000000\n");
    auto json = hivectl({"get", hivePath(kSystemHive), "Select", "Current", "--json"});
    REQUIRE(isValidJson(json.out));
    CHECK(pyJson(json.out, "d[0]['number'], d[0]['data'], d[0]['type']") == "1 01000000 4\n");
}

TEST_CASE("path lookups are case-insensitive", "[cli]") {
    auto a = hivectl({"ls", hivePath(kSystemHive), "CONTROLSET001\\services\\TCPIP"});
    auto b = hivectl({"ls", hivePath(kSystemHive), "ControlSet001\\Services\\Tcpip"});
    CHECK(a.exitCode == 0);
    CHECK(!a.out.empty());
    CHECK(a.out == b.out);
}

TEST_CASE("tree indents subkeys under the given path", "[cli]") {
    auto r = hivectl({"tree", hivePath(kSystemHive), "ControlSet001\\Control\\Class\\{4d36e967-e325-11ce-bfc1-08002be10318}"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "{4D36E967-E325-11CE-BFC1-08002BE10318}\n  0000\n  0001\n  0002\n  Properties\n");
}

TEST_CASE("cells lists every hbin and cell", "[cli]") {
    auto r = hivectl({"cells", hivePath("ez/SAM")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("hbin\t0x1000\t4096\tvalid\ncell\t0x1020\t", 0) == 0);
    CHECK(contains(r.out, "\tnk\tallocated\n"));
    CHECK(contains(r.out, "\tfree\n"));
}

TEST_CASE("errors name the problem and exit nonzero", "[cli]") {
    SECTION("no such file") {
        auto r = hivectl({"info", "/nonexistent/hive"});
        CHECK(r.exitCode == 3);
        CHECK(r.err == "hivectl: /nonexistent/hive: no such file\n");
    }
    SECTION("not a hive") {
        auto r = hivectl({"info", hivePath("ez/NotAHive")});
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, "ez/NotAHive: not a hive (no \"regf\" signature at 0x0)"));
    }
    SECTION("truncated") {
        TempDir dir;
        auto bytes = readFile(hivePath("ez/SAM"));
        bytes.resize(1000);
        writeFile(dir.file("short"), bytes);
        auto r = hivectl({"info", dir.file("short")});
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, "short: truncated: 1000 bytes, shorter than the 4096-byte base block"));
    }
    SECTION("no such key") {
        auto r = hivectl({"ls", hivePath(kSystemHive), "ControlSet001\\NoSuchKey"});
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "no such key: \"ControlSet001\\NoSuchKey\" (\"ControlSet001\" has no subkey \"NoSuchKey\")"));
    }
    SECTION("no such value") {
        auto r = hivectl({"get", hivePath(kSystemHive), "Select", "Nope"});
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "no such value: \"Nope\" in key \"Select\""));
    }
    SECTION("an empty key name in a path") {
        auto r = hivectl({"ls", hivePath(kSystemHive), "Select\\\\x"});
        CHECK(r.exitCode == 1);
        CHECK(contains(r.err, "empty key name at character 8"));
    }
    SECTION("usage") {
        CHECK(hivectl({}).exitCode == 2);
        CHECK(hivectl({"frobnicate", "x"}).exitCode == 2);
        CHECK(hivectl({"info"}).exitCode == 2);
        CHECK(hivectl({"info", "x", "--bogus"}).exitCode == 2);
        auto help = hivectl({"--help"});
        CHECK(help.exitCode == 0);
        CHECK(contains(help.out, "Usage: hivectl COMMAND HIVE"));
    }
}

TEST_CASE("read commands never modify the hive file", "[cli]") {
    TempDir dir;
    const std::string copy = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER1.DAT"));
    const auto before = readFile(copy);
    for (auto cmd : {"info", "ls", "tree", "dump", "check", "cells"}) hivectl({cmd, copy});
    hivectl({"get", copy, "", "x"});
    CHECK(readFile(copy) == before);
}

// ---------------------------------------------------------------------------
// Fidelity on hives not seen before (issue 16)

TEST_CASE("get without NAME prints the key's default value alone when it has one", "[cli][get]") {
    // ComputerName\ComputerName has a default value ("mnmsrvc") and a
    // ComputerName value: the help promises the default value.
    const std::string key = "ControlSet001\\Control\\ComputerName\\ComputerName";
    auto r = hivectl({"get", hivePath(kSystemHive), key});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "mnmsrvc\n");
    auto json = hivectl({"get", hivePath(kSystemHive), key, "--json"});
    REQUIRE(isValidJson(json.out));
    CHECK(pyJson(json.out, "len(d), repr(d[0]['name']), d[0]['text']") == "1 '' mnmsrvc\n");
    // Without a default value: every value, each named.
    auto all = hivectl({"get", hivePath(kSystemHive), "Select"});
    CHECK(all.exitCode == 0);
    CHECK(all.out == "Current (REG_DWORD): 0x00000001 (1)\nDefault (REG_DWORD): 0x00000001 (1)\n"
                     "Failed (REG_DWORD): 0x00000000 (0)\nLastKnownGood (REG_DWORD): 0x00000002 (2)\n");
}

TEST_CASE("A transaction log given where a hive is expected is refused as not a hive, named a log", "[cli]") {
    for (const char* command : {"info", "ls", "dump", "check"}) {
        INFO(command);
        auto r = hivectl({command, hivePath("regipy/UsrClass.dat.LOG1")});
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, "UsrClass.dat.LOG1: not a hive but a transaction log (new format, file type 6): open "
                              "the hive file beside it, whose logs are replayed from there"));
    }
    // An old-format log (file type 1, "DIRT" after its base block).
    TempDir dir;
    std::vector<uint8_t> old = readFile(hivePath("regipy/SYSTEM"));
    old.resize(0x1000);
    old[0x1c] = 1;
    std::copy_n("DIRT", 4, old.begin() + 0x200);
    writeFile(dir.file("SYSTEM.LOG"), old);
    auto r = hivectl({"info", dir.file("SYSTEM.LOG")});
    CHECK(r.exitCode == 3);
    CHECK(contains(r.err, "SYSTEM.LOG: not a hive but a transaction log (old format, file type 1)"));
}

TEST_CASE("info reports offreg's OfRg signature as what it is, not as a time", "[cli][info]") {
    TempDir dir;
    std::vector<uint8_t> bytes = readFile(hivePath("regipy/SYSTEM"));
    std::copy_n("OfRg", 4, bytes.begin() + 0xA8);
    hivekit::storeU32(bytes.data() + 0xAC, 1);
    hivekit::storeU32(bytes.data() + 0x1FC, hivekit::baseBlockChecksum(hivekit::Bytes(bytes.data(), 508)));
    writeFile(dir.file("offreg.hive"), bytes);
    auto r = hivectl({"info", dir.file("offreg.hive")});
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "offline registry:   OfRg at 0xa8 (written by offreg.dll), flags 0x1\n"));
    CHECK_FALSE(contains(r.out, "last reorganized"));
    CHECK(contains(r.out, "(valid)"));
    auto json = hivectl({"info", dir.file("offreg.hive"), "--json"});
    REQUIRE(isValidJson(json.out));
    CHECK(pyJson(json.out, "d['offlineRegistry']['signature'], d['offlineRegistry']['flags'], 'lastReorganized' in d") ==
          "OfRg 1 False\n");
}

TEST_CASE("dump escapes backslash, tab and newline in key and value names of any length and kind", "[cli][dump]") {
    HiveBuilder b;
    const size_t tab = b.addKey(HiveBuilder::kRoot, u"Tab\there");
    // Windows refuses a backslash in a key name; a damaged or forged hive has one.
    const size_t slash = b.addKey(tab, u"Back\\slash");
    b.addValue(slash, u"a\\b\tc\nd", hivekit::kRegDword, dwordBytes(7));
    b.addValue(slash, u"Gr\u00FC\u00DFe", hivekit::kRegDword, dwordBytes(1));  // stored Latin-1
    b.addValue(slash, u"\u65E5\u672C", hivekit::kRegDword, dwordBytes(2));     // stored UTF-16
    b.addValue(slash, std::u16string(16383, u'\\'), hivekit::kRegDword, dwordBytes(3));  // the longest name
    b.addValue(slash, std::u16string(200, u'\u4E2D'), hivekit::kRegDword, dwordBytes(4));
    TempDir dir;
    writeFile(dir.file("hive"), b.build().bytes);
    auto dump = hivectl({"dump", dir.file("hive"), "--no-data"});
    REQUIRE(dump.exitCode == 0);
    const std::string path = "Tab\\there\\Back\\\\slash";
    std::string wide;
    for (int i = 0; i < 200; ++i) wide += "\xE4\xB8\xAD";
    const std::vector<std::string> valueLines = {
        "V\t" + path + "\ta\\\\b\\tc\\nd\t4\t\n",
        "V\t" + path + "\tGr\xC3\xBC\xC3\x9F" "e\t4\t\n",
        "V\t" + path + "\t\xE6\x97\xA5\xE6\x9C\xAC\t4\t\n",
        "V\t" + path + "\t" + std::string(2 * 16383, '\\') + "\t4\t\n",
        "V\t" + path + "\t" + wide + "\t4\t\n",
    };
    std::string expectedValues;
    for (const auto& line : valueLines) expectedValues += line;
    CHECK(contains(dump.out, expectedValues));
    // Key lines: path, last write, subkey and value counts.
    CHECK(contains(dump.out, "K\tTab\\there\t"));
    CHECK(contains(dump.out, "\t1\t0\nK\t" + path + "\t"));
    CHECK(contains(dump.out, "\t0\t5\nV\t"));
    // With the data: each line ends in the data's bytes in hex.
    auto withData = hivectl({"dump", dir.file("hive")});
    REQUIRE(withData.exitCode == 0);
    CHECK(contains(withData.out, "V\t" + path + "\ta\\\\b\\tc\\nd\t4\t07000000\n"));
    CHECK(contains(withData.out, "V\t" + path + "\t" + wide + "\t4\t04000000\n"));
}

TEST_CASE("JSON output is UTF-8 with a name's lone surrogate escaped and dump writes it in WTF-8", "[cli][json]") {
    HiveBuilder b;
    const size_t lone = b.addKey(HiveBuilder::kRoot, std::u16string(u"Lone") + char16_t(0xD800));
    b.addValue(lone, std::u16string(u"V") + char16_t(0xDC01), hivekit::kRegDword, dwordBytes(1));
    TempDir dir;
    writeFile(dir.file("hive"), b.build().bytes);
    auto ls = hivectl({"ls", dir.file("hive"), "--json"});
    REQUIRE(ls.exitCode == 0);
    CHECK(contains(ls.out, "\"Lone\\ud800\""));
    REQUIRE(isValidJson(ls.out));
    auto values = hivectl({"ls", dir.file("hive"), std::string("Lone\xED\xA0\x80"), "--json"});
    REQUIRE(values.exitCode == 0);
    CHECK(contains(values.out, "\"V\\udc01\""));
    auto dump = hivectl({"dump", dir.file("hive")});
    REQUIRE(dump.exitCode == 0);
    CHECK(contains(dump.out, "Lone\xED\xA0\x80"));
    CHECK(contains(dump.out, "V\xED\xB0\x81"));
}
