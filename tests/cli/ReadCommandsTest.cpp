// hivectl's read commands driven as a process: output, JSON, exit codes and
// error messages.
#include <catch2/catch.hpp>

#include <string>

#include "CliTestSupport.h"
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
