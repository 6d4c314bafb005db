// hivectl deleted driven as a process: plain and --json output on a hive
// Windows left deleted keys in and on one where hivectl itself deleted a
// key, --no-data, and the errors every read command gives.
#include <catch2/catch.hpp>

#include <string>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;
using clitest::pyJson;

namespace {

const std::string kBag = "Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU";

}  // namespace

TEST_CASE("hivectl deleted lists the deleted BagMRU keys with their values, then the values without a key", "[cli][deleted]") {
    auto r = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.empty());
    // The key line: file offset as `cells` prints it, where it was found,
    // the time as `info` prints times, the path it had, its value count;
    // its values indented.
    CHECK(contains(r.out, "key\t0x6f28\tfree-cell\t2015-02-01 19:15:41.7283632 UTC\t" + kBag + "\\1\t2 values\n"
                          "\tvalue\t0x6328\tfree-cell\t0\tREG_BINARY\tintact\t0c 00 01 00 84 21 de 39 05 00 00 00 00 00\n"
                          "\tvalue\t0x63b8\tinside-free-cell\tMRUListEx\tREG_BINARY\tintact\t00 00 00 00 ff ff ff ff\n"));
    CHECK(contains(r.out, "key\t0x5020\tfree-cell\t2015-02-01 19:15:41.7283632 UTC\t" + kBag + "\\1\\0\\0\t3 values\n"
                          "\tvalue\t0x50a0\tinside-free-cell\tNodeSlot\tREG_DWORD\tintact\t0x00000002 (2)\n"));
    // A value no deleted key names: not indented, the data as `get` shows
    // a string (notes on lines of their own, indented).
    CHECK(contains(r.out, "\nvalue\t0x4c88\tinside-free-cell\t@comres.dll,-2798\tREG_SZ\tintact\tCoordinates transactions that span"));
    CHECK(contains(r.out, "\nvalue\t0x4b08\tinside-free-cell\t@%SystemRoot%\\system32\\FirewallAPI.dll,-23091\tREG_SZ\tintact\t"
                          "Windows Firewall helps protect your computer by preventing unauthorized users from "
                          "gaining access to your computer through the Internet or a network.\n"
                          "\t\t\t[2 zero bytes after the terminator]\n"));
    // Keys first, in file order, then the values without a key.
    CHECK(r.out.rfind("key\t", 0) == 0);
    CHECK(r.out.find("\nkey\t", r.out.find("\nvalue\t")) == std::string::npos);

    auto bare = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat"), "--no-data"});
    REQUIRE(bare.exitCode == 0);
    CHECK(contains(bare.out, "\tvalue\t0x50a0\tinside-free-cell\tNodeSlot\tREG_DWORD\tintact\n"));
    CHECK_FALSE(contains(bare.out, "0x00000002 (2)"));
}

TEST_CASE("hivectl deleted --json gives the same records as objects", "[cli][deleted]") {
    auto r = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat"), "--json"});
    REQUIRE(r.exitCode == 0);
    CHECK(pyJson(r.out, "(len(d['keys']), len(d['values']))") == "(4, 104)\n");  // one value in cell slack
    CHECK(pyJson(r.out, "[k['path'] for k in d['keys'] if k['fileOffset'] == 0x6f28]") ==
          "['Local Settings\\\\Software\\\\Microsoft\\\\Windows\\\\Shell\\\\BagMRU\\\\1']\n");
    CHECK(pyJson(r.out, "[(k['offset'], k['parentLive'], k['lastWritten'], k['lastWrittenText'], k['valueCount']) "
                        "for k in d['keys'] if k['fileOffset'] == 0x6f28]") ==
          "[(24360, True, 130672917417283632, '2015-02-01 19:15:41.7283632 UTC', 2)]\n");
    // Values as `get --json` gives them, plus where they were and their state.
    CHECK(pyJson(r.out, "[v for k in d['keys'] for v in k['values'] if v['name'] == 'NodeSlot'][0]") ==
          "{'offset': 16544, 'fileOffset': 20640, 'foundIn': 'inside-free-cell', 'name': 'NodeSlot', 'type': 4, 'typeName': 'REG_DWORD', "
          "'size': 4, 'state': 'intact', 'data': '02000000', 'text': '0x00000002 (2)', 'number': 2}\n");
    auto bare = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat"), "--json", "--no-data"});
    REQUIRE(bare.exitCode == 0);
    CHECK(pyJson(bare.out, "sorted(d['values'][0].keys())") ==
          "['fileOffset', 'foundIn', 'name', 'offset', 'size', 'state', 'type', 'typeName']\n");
}

TEST_CASE("hivectl deleted finds a key hivectl delete-key removed, with its path and data", "[cli][deleted]") {
    TempDir dir;
    const std::string hive = dir.file("h.hiv");
    REQUIRE(hivectl({"new-hive", hive}).exitCode == 0);
    REQUIRE(hivectl({"set", hive, "Software\\Gone", "note", "--type", "REG_SZ", "--data", "left behind", "-p"}).exitCode == 0);
    REQUIRE(hivectl({"set", hive, "Software\\Gone", "count", "--type", "REG_DWORD", "--data", "42"}).exitCode == 0);
    {
        auto none = hivectl({"deleted", hive});
        REQUIRE(none.exitCode == 0);
        CHECK_FALSE(contains(none.out, "Gone"));
    }
    REQUIRE(hivectl({"delete-key", hive, "Software\\Gone", "--strategy", "inplace"}).exitCode == 0);
    auto r = hivectl({"deleted", hive});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "\tSoftware\\Gone\t2 values\n"));
    CHECK(contains(r.out, "\tvalue\t") );
    CHECK(contains(r.out, "\tnote\tREG_SZ\tintact\tleft behind\n"));
    CHECK(contains(r.out, "\tcount\tREG_DWORD\tintact\t0x0000002a (42)\n"));
    auto j = hivectl({"deleted", hive, "--json"});
    REQUIRE(j.exitCode == 0);
    CHECK(pyJson(j.out, "[(k['path'], k['parentLive'], sorted(v['name'] for v in k['values'])) for k in d['keys']]") ==
          "[('Software\\\\Gone', True, ['count', 'note'])]\n");
}

TEST_CASE("hivectl deleted reports a missing file and a file that is no hive as the other read commands do", "[cli][deleted]") {
    SECTION("no such file") {
        auto r = hivectl({"deleted", "/nonexistent/hive"});
        CHECK(r.exitCode == 3);
        CHECK(r.err == "hivectl: /nonexistent/hive: no such file\n");
        CHECK(r.err == hivectl({"cells", "/nonexistent/hive"}).err);
    }
    SECTION("not a hive") {
        auto r = hivectl({"deleted", hivePath("ez/NotAHive")});
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, "ez/NotAHive: not a hive (no \"regf\" signature at 0x0)"));
        CHECK(r.err == hivectl({"info", hivePath("ez/NotAHive")}).err);
    }
    SECTION("no HIVE") {
        auto r = hivectl({"deleted"});
        CHECK(r.exitCode == 2);
        CHECK(r.err == "hivectl: deleted: missing HIVE argument (see hivectl --help)\n");
    }
    SECTION("its help") {
        auto r = hivectl({"deleted", "--help"});
        CHECK(r.exitCode == 0);
        CHECK(r.out.rfind("Usage: hivectl deleted HIVE [--json | --reg [-o FILE] [--root NAME] [--regedit4]] "
                          "[--found-in PLACES]\n", 0) == 0);
        CHECK(contains(r.out, "  unreferenced-cell  in an allocated cell nothing reachable references"));
    }
}

TEST_CASE("hivectl deleted names where each record was found and --found-in keeps those places", "[cli][deleted]") {
    const std::string bags = hivePath("ez/UsrClassDeletedBags.dat");
    auto all = hivectl({"deleted", bags, "--no-data"});
    REQUIRE(all.exitCode == 0);
    CHECK(contains(all.out, "key\t0x6f28\tfree-cell\t"));
    auto j = hivectl({"deleted", bags, "--json", "--no-data"});
    REQUIRE(j.exitCode == 0);
    CHECK(pyJson(j.out, "sorted(set(k['foundIn'] for k in d['keys']))") == "['free-cell', 'inside-free-cell']\n");
    CHECK(pyJson(j.out, "[(v['fileOffset'], v['foundIn']) for v in d['values'] if v['foundIn'] == 'cell-slack']") ==
          "[(119744, 'cell-slack')]\n");
    // A value in the slack of an allocated cell, which reglookup-recover
    // does not look at.
    auto slack = hivectl({"deleted", bags, "--found-in", "cell-slack"});
    REQUIRE(slack.exitCode == 0);
    CHECK(slack.out.rfind("value\t0x1d3c0\tcell-slack\t@%SystemRoot%\\system32\\wpcsvc.dll,-101\tREG_SZ\tintact\tThis service", 0) == 0);
    CHECK(pyJson(j.out, "[k['foundIn'] for k in d['keys'] if k['fileOffset'] == 0x6f28]") == "['free-cell']\n");
    auto inside = hivectl({"deleted", bags, "--no-data", "--found-in", "inside-free-cell"});
    REQUIRE(inside.exitCode == 0);
    CHECK_FALSE(contains(inside.out, "\tfree-cell\t"));
    CHECK(contains(inside.out, "\tinside-free-cell\t"));
    auto none = hivectl({"deleted", bags, "--found-in", "past-last-bin"});
    REQUIRE(none.exitCode == 0);
    CHECK(none.out.empty());
    auto bad = hivectl({"deleted", bags, "--found-in", "free"});
    CHECK(bad.exitCode == 2);
    CHECK(contains(bad.err, "--found-in takes free-cell, inside-free-cell, unreferenced-cell, cell-slack or "
                            "past-last-bin (comma-separated), not \"free\""));
}

TEST_CASE("hivectl deleted --reg exports the deleted keys and values and hivectl import puts them into a new hive",
          "[cli][deleted]") {
    TempDir dir;
    const std::string hive = dir.file("h.hiv");
    REQUIRE(hivectl({"new-hive", hive}).exitCode == 0);
    REQUIRE(hivectl({"set", hive, "Software\\Gone", "note", "--type", "REG_SZ", "--data", "left behind", "-p"}).exitCode == 0);
    REQUIRE(hivectl({"set", hive, "Software\\Gone", "odd", "--type", "0x20004", "--hex", "--data", "01 02 03 04"}).exitCode == 0);
    REQUIRE(hivectl({"set", hive, "Software\\Gone\\Child", "count", "--type", "REG_DWORD", "--data", "42", "-p"}).exitCode == 0);
    REQUIRE(hivectl({"delete-key", hive, "Software\\Gone", "-r", "--strategy", "inplace"}).exitCode == 0);
    const std::string reg = dir.file("deleted.reg");
    auto r = hivectl({"deleted", hive, "--reg", "-o", reg});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.err, "written to " + reg));
    // The same text on standard output (V5: UTF-16LE with its BOM).
    auto out = hivectl({"deleted", hive, "--reg"});
    REQUIRE(out.exitCode == 0);
    CHECK(out.out == readText(reg));
    auto text = hivectl({"deleted", hive, "--reg", "--regedit4"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.rfind("REGEDIT4\r\n", 0) == 0);
    CHECK(contains(text.out, "[HKEY_LOCAL_MACHINE\\HIVE\\Software\\Gone]\r\n"));
    CHECK(contains(text.out, "; key found in a free cell at "));

    const std::string fresh = dir.file("fresh.hiv");
    REQUIRE(hivectl({"new-hive", fresh}).exitCode == 0);
    auto imported = hivectl({"import", fresh, reg});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK(contains(hivectl({"get", fresh, "Software\\Gone", "note"}).out, "left behind"));
    CHECK(contains(hivectl({"get", fresh, "Software\\Gone\\Child", "count"}).out, "42"));
    auto odd = hivectl({"get", fresh, "Software\\Gone", "odd", "--json"});
    REQUIRE(odd.exitCode == 0);
    CHECK(pyJson(odd.out, "(d[0]['type'], d[0]['data'])") == "(131076, '01020304')\n");
}

TEST_CASE("hivectl deleted --reg puts values without a key under their offsets and imports back", "[cli][deleted]") {
    TempDir dir;
    const std::string reg = dir.file("bags.reg");
    auto r = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat"), "--reg", "-o", reg, "--root", "HKEY_USERS\\X"});
    REQUIRE(r.exitCode == 0);
    auto text = hivectl({"deleted", hivePath("ez/UsrClassDeletedBags.dat"), "--reg", "--regedit4"});
    CHECK(contains(text.out, "[HKEY_LOCAL_MACHINE\\HIVE\\DELETED-VALUES-WITHOUT-KEY\\0x4c88]\r\n"
                             "\"@comres.dll,-2798\"=\"Coordinates transactions"));
    const std::string fresh = dir.file("fresh.hiv");
    REQUIRE(hivectl({"new-hive", fresh}).exitCode == 0);
    auto imported = hivectl({"import", fresh, reg});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    auto mru = hivectl({"get", fresh, kBag + "\\1", "MRUListEx", "--raw"});
    REQUIRE(mru.exitCode == 0);
    CHECK(mru.out == "00000000ffffffff\n");
    auto orphans = hivectl({"ls", fresh, "DELETED-VALUES-WITHOUT-KEY"});
    REQUIRE(orphans.exitCode == 0);
    CHECK(contains(orphans.out, "0x4c88"));
}
