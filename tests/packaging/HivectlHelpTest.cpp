// hivectl's help follows the usual conventions: --help and --version print to
// standard output and exit 0; every command has its own help, reached as
// `hivectl help COMMAND` and `hivectl COMMAND --help`; asking about a command
// that does not exist is a usage error on standard error (exit 2).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/TestSupport.h"

using namespace testsupport;

namespace {

// Every hivectl command, written out here rather than taken from hivectl so
// that a command losing its help is noticed.
const std::vector<std::string> kCommands = {
    "info",   "ls",    "tree",       "get",  "dump",         "check",  "cells",     "deleted", "recover", "export",
    "import", "mkkey", "delete-key", "set",  "delete-value", "rename", "set-class", "new-hive"};

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("hivectl --help prints the overview of every command to stdout and exits 0", "[help]") {
    for (const char* flag : {"--help", "-h"}) {
        auto help = hivectl({flag});
        CHECK(help.exitCode == 0);
        CHECK(help.err.empty());
        CHECK(startsWith(help.out, "Usage: hivectl COMMAND"));
        for (const auto& command : kCommands) {
            INFO(command);
            CHECK(contains(help.out, "\n  " + command + " "));
        }
        CHECK(contains(help.out, "hivectl help COMMAND"));
    }
}

TEST_CASE("hivectl help without a command prints the overview", "[help]") {
    auto help = hivectl({"help"});
    CHECK(help.exitCode == 0);
    CHECK(help.out == hivectl({"--help"}).out);
}

TEST_CASE("Every command has its own help, the same through help COMMAND and COMMAND --help", "[help]") {
    for (const auto& command : kCommands) {
        INFO(command);
        auto viaHelp = hivectl({"help", command});
        CHECK(viaHelp.exitCode == 0);
        CHECK(viaHelp.err.empty());
        CHECK(startsWith(viaHelp.out, "Usage: hivectl " + command + " "));
        CHECK(contains(viaHelp.out, "Exit status: 0 "));
        CHECK(viaHelp.out != hivectl({"--help"}).out);

        auto viaFlag = hivectl({command, "--help"});
        CHECK(viaFlag.exitCode == 0);
        CHECK(viaFlag.err.empty());
        CHECK(viaFlag.out == viaHelp.out);
        // Arguments before the flag do not matter: help is printed, nothing is run.
        CHECK(hivectl({command, "/nonexistent/HIVE", "-h"}).out == viaHelp.out);
    }
}

TEST_CASE("A command's help names the options the command takes", "[help]") {
    CHECK(contains(hivectl({"help", "info"}).out, "--json"));
    CHECK(contains(hivectl({"help", "get"}).out, "--raw"));
    CHECK(contains(hivectl({"help", "check"}).out, "--strict"));
    CHECK(contains(hivectl({"help", "dump"}).out, "--no-data"));
    CHECK(contains(hivectl({"help", "export"}).out, "--regedit4"));
    CHECK(contains(hivectl({"help", "delete-key"}).out, "--recursive"));
    for (const char* write : {"mkkey", "delete-key", "set", "delete-value", "rename", "set-class"}) {
        INFO(write);
        const std::string text = hivectl({"help", write}).out;
        CHECK(contains(text, "--strategy"));
        CHECK(contains(text, "--dry-run"));
        CHECK(contains(text, "--backup"));
    }
    // Read commands do not offer write options.
    CHECK_FALSE(contains(hivectl({"help", "info"}).out, "--strategy"));
}

TEST_CASE("Help for a command that does not exist is a usage error on stderr", "[help]") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"help", "frobnicate"}, std::vector<std::string>{"frobnicate", "--help"}}) {
        auto help = hivectl(args);
        CHECK(help.exitCode == 2);
        CHECK(help.out.empty());
        CHECK(help.err == "hivectl: unknown command \"frobnicate\" (see hivectl --help)\n");
    }
}

TEST_CASE("hivectl --version prints the version to stdout and exits 0", "[help]") {
    auto version = hivectl({"--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.err.empty());
    CHECK(version.out == "hivectl " HIVEKIT_VERSION "\n");
}

TEST_CASE("hivectl without arguments prints the usage to stderr and exits 2", "[help]") {
    auto bare = hivectl({});
    CHECK(bare.exitCode == 2);
    CHECK(bare.out.empty());
    CHECK(startsWith(bare.err, "Usage: hivectl COMMAND"));
}

TEST_CASE("An unknown option is a usage error naming the option on stderr", "[help]") {
    auto bad = hivectl({"info", "--frobnicate"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err == "hivectl: unknown option --frobnicate (see hivectl --help)\n");
}
