// hivectl artefacts: what it refuses and how it says so, --list, and the
// files -o writes. What the decoders decode is checked against RegRipper in
// tests/oracle/RegRipper*Test.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;

TEST_CASE("hivectl artefacts refuses an unknown decoder name, naming it and --list") {
    auto r = hivectl({"artefacts", hivePath("regipy/SYSTEM"), "nosuchthing"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "no decoder is called \"nosuchthing\" (hivectl artefacts --list names them)"));
    CHECK(r.out.empty());
}

TEST_CASE("hivectl artefacts --csv needs exactly one table or a directory, and excludes --json") {
    auto several = hivectl({"artefacts", hivePath("regipy/SYSTEM"), "--csv"});
    CHECK(several.exitCode == 2);
    CHECK(contains(several.err, "--csv writes one table"));
    auto both = hivectl({"artefacts", hivePath("regipy/SYSTEM"), "computername", "--csv", "--json"});
    CHECK(both.exitCode == 2);
    CHECK(contains(both.err, "--json and --csv exclude each other"));
}

TEST_CASE("hivectl artefacts needs a hive unless --list, and says when the file is not a hive") {
    auto none = hivectl({"artefacts"});
    CHECK(none.exitCode == 2);
    CHECK(contains(none.err, "artefacts: missing HIVE argument"));
    auto notHive = hivectl({"artefacts", hivePath("ez/NotAHive")});
    CHECK(notHive.exitCode == 3);
    CHECK(contains(notHive.err, "not a hive"));
}

TEST_CASE("hivectl artefacts --list names every decoder with its hive kinds") {
    auto r = hivectl({"artefacts", "--list"});
    REQUIRE(r.exitCode == 0);
    CHECK(contains(r.out, "computername\tSYSTEM\tComputer name\t"));
    CHECK(contains(r.out, "shellbags\tUsrClass.dat,NTUSER.DAT\t"));
    CHECK(contains(r.out, "samusers\tSAM\t"));
    auto json = hivectl({"artefacts", "--list", "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(contains(json.out, "\"name\":\"bcd\""));
}

TEST_CASE("A named decoder that does not apply to the hive runs anyway and exits 1 saying why") {
    auto r = hivectl({"artefacts", hivePath("regipy/NTUSER.DAT"), "computername"});
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "computername reads SYSTEM hives;"));
    CHECK(contains(r.err, "looks like NTUSER.DAT (decoded anyway)"));
    CHECK(contains(r.out, "== Computer name (computername): 0 rows"));
}

TEST_CASE("hivectl artefacts --csv -o DIR writes one CSV file per artefact that applies") {
    TempDir dir;
    auto r = hivectl({"artefacts", hivePath("regipy/SAM"), "--csv", "-o", dir.path()});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.empty());
    for (const char* name : {"samusers", "samgroups"}) {
        INFO(name);
        const std::string file = dir.file(std::string(name) + ".csv");
        REQUIRE(fileExists(file));
        const std::string text = readText(file);
        CHECK(contains(text.substr(0, text.find("\r\n")), ",key,value,note"));
    }
    auto unwritable = hivectl({"artefacts", hivePath("regipy/SYSTEM"), "-o", dir.file("no/such/dir/out.txt")});
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.err, "cannot write " + dir.file("no/such/dir/out.txt")));
}
