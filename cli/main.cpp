// hivectl: the engine's operations for scripts and tests.
#include <cstring>
#include <iostream>
#include <string>

#include "Cli.h"

namespace {

const char* kUsageText =
    "Usage: hivectl COMMAND HIVE [ARGUMENTS] [OPTIONS]\n"
    "\n"
    "Read commands (never write to HIVE):\n"
    "  info HIVE             header fields, dirty state, logs, hbin and cell statistics\n"
    "  ls HIVE [PATH]        subkeys and values of a key (the root by default)\n"
    "  tree HIVE [PATH]      the key tree under PATH\n"
    "  get HIVE PATH [NAME]  a value decoded (the default value when NAME is omitted;\n"
    "                        without NAME and with a key PATH: all its values)\n"
    "  dump HIVE             every key and value, in hivex-dump's canonical format\n"
    "  check HIVE            every structural invariant; exit 1 when anything is wrong\n"
    "  cells HIVE            every hbin and cell: offset, size, type, allocated or free\n"
    "\n"
    "Options:\n"
    "  --json       machine-readable output (info, ls, get, check)\n"
    "  --raw        get: the data as hex bytes\n"
    "  --no-logs    read the primary file as it is, without replaying its logs\n"
    "  --no-data    dump: leave the data column empty\n"
    "  -h, --help   this text;  --version  the version\n"
    "\n"
    "Paths are key names from the root joined by '\\' (case-insensitive).\n"
    "Exit status: 0 success, 1 problems found or no such key/value, 2 usage error,\n"
    "3 the file cannot be opened or is not a hive.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace hivectl;
    Args args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::cout << kUsageText;
            return kOk;
        }
        if (a == "--version") {
            std::cout << "hivectl 0.1.0\n";
            return kOk;
        }
        if (a == "--json") args.json = true;
        else if (a == "--raw") args.raw = true;
        else if (a == "--no-logs") args.noLogs = true;
        else if (a == "--no-data") args.noData = true;
        else if (a.size() > 1 && a[0] == '-' && a != "-") {
            printError("unknown option " + a + " (see hivectl --help)");
            return kUsage;
        } else if (args.command.empty()) args.command = a;
        else args.positional.push_back(a);
    }
    if (args.command.empty()) {
        std::cerr << kUsageText;
        return kUsage;
    }
    if (args.positional.empty()) {
        printError(args.command + ": missing HIVE argument (see hivectl --help)");
        return kUsage;
    }
    const std::string& c = args.command;
    if (c == "info") return runInfo(args);
    if (c == "ls") return runLs(args);
    if (c == "tree") return runTree(args);
    if (c == "get") return runGet(args);
    if (c == "dump") return runDump(args);
    if (c == "check") return runCheck(args);
    if (c == "cells") return runCells(args);
    printError("unknown command \"" + c + "\" (see hivectl --help)");
    return kUsage;
}
