// hivectl's command table: dispatch by name, the overview built from the
// table (read commands apart from write commands), usage errors, and the
// version taken from CMake's project version.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;

namespace {

const std::vector<std::string> kReadCommands = {"info",  "ls",    "tree",    "get",     "dump",
                                                "check", "cells", "deleted", "recover", "export"};
/// Read commands whose arguments are not HIVE PATH ...: each with the
/// arguments that name a missing hive, in the overview's order.
const std::vector<std::pair<std::string, size_t>> kOtherReadCommands = {
    {"log-history", 1}, {"artefacts", 1}, {"timeline", 1}, {"diff", 2}};
const std::vector<std::string> kWriteCommands = {"import",       "mkkey",  "delete-key", "set",
                                                 "delete-value", "rename", "set-class",  "new-hive"};

}  // namespace

TEST_CASE("hivectl --version prints the project version that CMake sets", "[cli]") {
    auto r = hivectl({"--version"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "hivectl " HIVEKIT_VERSION "\n");
    CHECK(std::string(HIVEKIT_VERSION).find('.') != std::string::npos);
}

TEST_CASE("The overview lists the read commands under their heading and the write commands under theirs", "[cli]") {
    const std::string overview = hivectl({"--help"}).out;
    const size_t readHeading = overview.find("\nRead commands (never write to HIVE):\n");
    const size_t writeHeading = overview.find("\nWrite commands:\n");
    const size_t options = overview.find("\nOptions:\n");
    REQUIRE(readHeading != std::string::npos);
    REQUIRE(writeHeading != std::string::npos);
    REQUIRE(options != std::string::npos);
    size_t previous = readHeading;
    for (const auto& command : kReadCommands) {
        INFO(command);
        const size_t at = overview.find("\n  " + command + " ");
        CHECK(at > previous);
        CHECK(at < writeHeading);
        previous = at;
    }
    for (const auto& [command, hives] : kOtherReadCommands) {
        INFO(command);
        const size_t at = overview.find("\n  " + command + " ");
        CHECK(at > readHeading);
        CHECK(at < writeHeading);
    }
    previous = writeHeading;
    for (const auto& command : kWriteCommands) {
        INFO(command);
        const size_t at = overview.find("\n  " + command + " ");
        CHECK(at > previous);
        CHECK(at < options);
        previous = at;
    }
}

TEST_CASE("Without a command hivectl prints the overview to stderr and exits 2", "[cli]") {
    auto r = hivectl({});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == hivectl({"--help"}).out);
}

TEST_CASE("An unknown command is a usage error naming it", "[cli]") {
    auto r = hivectl({"frobnicate", "x"});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "hivectl: unknown command \"frobnicate\" (see hivectl --help)\n");
}

TEST_CASE("Every command is dispatched to a runner that opens its HIVE", "[cli]") {
    // A runner opens HIVE (import its .reg file first): a path that does not
    // exist fails with exit 3, where a command missing from the table would
    // be an unknown command (exit 2).
    TempDir dir;
    const std::string missing = dir.file("missing-hive");
    for (const auto& command : kReadCommands) {
        INFO(command);
        auto r = hivectl({command, missing, "Software", "out-file"});
        CHECK(r.exitCode == 3);
        CHECK(r.err == "hivectl: " + missing + ": no such file\n");
    }
    for (const auto& [command, hives] : kOtherReadCommands) {
        INFO(command);
        std::vector<std::string> args = {command};
        args.insert(args.end(), hives, missing);
        auto r = hivectl(args);
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, missing + ": no such file\n"));
        CHECK_FALSE(contains(r.err, "unknown command"));
    }
    for (const auto& command : kWriteCommands) {
        if (command == "new-hive") continue;  // it creates its FILE instead
        INFO(command);
        std::vector<std::string> args = {command, missing, "Software", "Name", "Other"};
        if (command == "set") args.insert(args.end(), {"--type", "REG_SZ", "--data", "x"});
        if (command == "import") args[2] = dir.file("missing.reg");
        auto r = hivectl(args);
        CHECK(r.exitCode == 3);
        CHECK(contains(r.err, "missing"));
        CHECK_FALSE(contains(r.err, "unknown command"));
    }
    auto created = hivectl({"new-hive", missing});
    CHECK(created.exitCode == 0);
    CHECK(fileExists(missing));
}
