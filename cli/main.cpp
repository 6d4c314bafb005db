// hivectl: the engine's operations for scripts and tests.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "Cli.h"
#include "Help.h"

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
    "  deleted HIVE          deleted keys and values still held by free cells, with their\n"
    "                        paths and what remains of their data\n"
    "  recover HIVE OUT      replay the transaction logs of a dirty HIVE and write the\n"
    "                        clean result to the new file OUT (HIVE and its logs are only read)\n"
    "  export HIVE [PATH]    the key at PATH (the root by default) and its subtree as a\n"
    "                        .reg file (regedit 5.00, UTF-16LE) to -o FILE or stdout\n"
    "\n"
    "Write commands:\n"
    "  import HIVE FILE.reg  apply a .reg file (regedit 5.00 or REGEDIT4) in one transaction;\n"
    "                        a file with any malformed line is refused whole\n"
    "  mkkey HIVE PATH [-p]  create a key; an existing one is refused (-p: create missing\n"
    "                        parents, and accept an existing key)\n"
    "  delete-key HIVE PATH [-r]   delete a key (-r: with its subkeys)\n"
    "  set HIVE PATH NAME --type T --data TEXT [--data TEXT...] [--hex] [-p]\n"
    "                        set a value (NAME \"\" is the default value). TEXT by type:\n"
    "                        strings as text; REG_MULTI_SZ one string per line or per\n"
    "                        --data; REG_DWORD/REG_QWORD decimal or 0x-hex; other types\n"
    "                        hex bytes (\"01 02 ff\"); --hex: hex bytes for any type\n"
    "  delete-value HIVE PATH NAME\n"
    "  rename HIVE PATH NEW  rename a key;  rename HIVE PATH VALUE NEW  rename a value\n"
    "  set-class HIVE PATH TEXT    set a key's class name (\"\" removes it)\n"
    "  new-hive FILE [--root NAME] write an empty hive (version 1.5) to the new FILE\n"
    "  Write commands validate every edit first and write nothing when one is refused,\n"
    "  nor when the hive's structure check finds errors (unless --force);\n"
    "  the commit is crash-safe (the hive's .LOG1 first) and, with --flush sync (the\n"
    "  default), on stable storage when the command exits 0. One writer at a time: a\n"
    "  write command locks HIVE (and so its logs) from opening it to its commit.\n"
    "\n"
    "Options:\n"
    "  --json       machine-readable output (info, ls, get, check, deleted)\n"
    "  --raw        get: the data as hex bytes\n"
    "  --no-logs    read the primary file as it is, without replaying its logs\n"
    "  --no-data    dump: leave the data column empty; deleted: omit the data\n"
    "  --strict     check: warnings fail the check too (exit 1)\n"
    "  -o FILE      export: write to FILE instead of stdout\n"
    "  --regedit4   export: REGEDIT4 in UTF-8 instead of regedit 5.00 in UTF-16LE\n"
    "  --root NAME  export: what key lines start with (default HKEY_LOCAL_MACHINE\\HIVE);\n"
    "               import: the key path that stands for the hive's root (default: from\n"
    "               the first key line: HKEY_LOCAL_MACHINE\\X or HKEY_USERS\\X, else its\n"
    "               first name)\n"
    "  --strategy S write commands: inplace, append or hybrid\n"
    "  --dry-run    write commands: print the edits, write nothing\n"
    "  --backup     write commands: copy HIVE to HIVE.bak (or .bak.N) before writing\n"
    "  --flush M    write commands: sync (default: a commit that succeeded survives a\n"
    "               power cut) or fast (only a crash of hivectl; a power cut may lose\n"
    "               or damage the hive)\n"
    "  --wait SECONDS  write commands: how long to wait while another writer holds\n"
    "               HIVE's lock (default 5; 0 fails at once)\n"
    "  --force      write commands: commit even when the hive's structure check finds\n"
    "               errors (refused by default, exit 1)\n"
    "  -h, --help   this text;  --version  the version\n"
    "\n"
    "hivectl help COMMAND or hivectl COMMAND --help: the help of one command.\n"
    "\n"
    "Paths are key names from the root joined by '\\' (case-insensitive).\n"
    "Exit status: 0 success, 1 problems found, no such key/value, or an edit or a\n"
    "damaged hive refused, 2 usage error, 3 the file cannot be opened or is not a\n"
    "hive, 4 a write failed, 5 another writer held HIVE's lock for all of --wait\n"
    "(nothing written).\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace hivectl;
    Args args;
    bool help = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            help = true;  // the overview, or the help of the command named before it
            break;
        }
        if (a == "--version") {
            std::cout << "hivectl 0.1.0\n";
            return kOk;
        }
        if (a == "--json") args.json = true;
        else if (a == "--raw") args.raw = true;
        else if (a == "--no-logs") args.noLogs = true;
        else if (a == "--no-data") args.noData = true;
        else if (a == "--strict") args.strict = true;
        else if (a == "--regedit4") args.regedit4 = true;
        else if (a == "--dry-run") args.dryRun = true;
        else if (a == "--backup") args.backup = true;
        else if (a == "--force") args.force = true;
        else if (a == "-r" || a == "--recursive") args.recursive = true;
        else if (a == "-p" || a == "--parents") args.parents = true;
        else if (a == "--hex") args.hex = true;
        else if (a == "--type" || a == "--data") {
            if (i + 1 == argc) {
                printError("option " + a + " needs a value (see hivectl --help)");
                return kUsage;
            }
            if (a == "--type") args.type = argv[++i];
            else args.data.push_back(argv[++i]);
        }
        else if (a == "--wait") {
            // Seconds, fractions allowed; at most a day.
            const char* text = i + 1 < argc ? argv[i + 1] : "";
            char* end = nullptr;
            const double seconds = std::strtod(text, &end);
            if (*text == '\0' || *end != '\0' || !(seconds >= 0 && seconds <= 86400)) {
                printError("option --wait needs a number of seconds from 0 to 86400, not \"" + std::string(text) +
                           "\" (see hivectl --help)");
                return kUsage;
            }
            args.waitMilliseconds = static_cast<long>(seconds * 1000 + 0.5);
            ++i;
        }
        else if (a == "-o" || a == "--root" || a == "--strategy" || a == "--flush") {
            if (i + 1 == argc) {
                printError("option " + a + " needs a value (see hivectl --help)");
                return kUsage;
            }
            (a == "-o" ? args.output : a == "--root" ? args.root : a == "--strategy" ? args.strategy : args.flush) =
                argv[++i];
        }
        else if (a.size() > 1 && a[0] == '-' && a != "-") {
            printError("unknown option " + a + " (see hivectl --help)");
            return kUsage;
        } else if (args.command.empty()) args.command = a;
        else args.positional.push_back(a);
    }
    if (help || args.command == "help") {
        const std::string topic = help ? args.command : args.positional.empty() ? "" : args.positional[0];
        if (topic.empty() || topic == "help") {
            std::cout << kUsageText;
            return kOk;
        }
        const std::string text = commandHelp(topic);
        if (text.empty()) {
            printError("unknown command \"" + topic + "\" (see hivectl --help)");
            return kUsage;
        }
        std::cout << text;
        return kOk;
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
    if (c == "deleted") return runDeleted(args);
    if (c == "recover") return runRecover(args);
    if (c == "export") return runExport(args);
    if (c == "import") return runImport(args);
    if (c == "mkkey") return runMkkey(args);
    if (c == "delete-key") return runDeleteKey(args);
    if (c == "set") return runSet(args);
    if (c == "delete-value") return runDeleteValue(args);
    if (c == "rename") return runRename(args);
    if (c == "set-class") return runSetClass(args);
    if (c == "new-hive") return runNewHive(args);
    printError("unknown command \"" + c + "\" (see hivectl --help)");
    return kUsage;
}
