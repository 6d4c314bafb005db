// hivectl's shared pieces: parsed arguments, opening a hive, output helpers.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "format/ValueData.h"
#include "hive/Checker.h"
#include "hive/Hive.h"
#include "tx/TxManager.h"

namespace hivectl {

class Json;

/// The command line after the command name: positional arguments and flags.
struct Args {
    std::string command;
    std::vector<std::string> positional;  ///< HIVE first
    bool json = false;
    bool raw = false;
    bool noLogs = false;
    bool noData = false;
    bool strict = false;  ///< --strict (check): warnings fail the check too
    bool csv = false;     ///< --csv (artefacts)
    bool list = false;    ///< --list (artefacts): the decoders, no HIVE needed
    bool reg = false;          ///< --reg (diff: the .reg that turns A into B; deleted: a .reg, not a listing)
    bool ignoreTimes = false;  ///< --ignore-times (diff): last-write times not compared
    std::string output;     ///< -o FILE (export)
    std::string from;       ///< --from T (timeline): ISO 8601, the range's first time
    std::string to;         ///< --to T (timeline): ISO 8601, the range's last time
    std::string format;     ///< --format bodyfile|csv|jsonl (timeline)
    std::string root;       ///< --root NAME (export, import: the .reg root prefix)
    bool regedit4 = false;  ///< --regedit4 (export)
    std::string strategy;   ///< --strategy inplace|append|hybrid (write commands)
    bool dryRun = false;    ///< --dry-run (write commands)
    std::string flush;      ///< --flush sync|fast (write commands, import)
    bool backup = false;     ///< --backup (write commands): copy HIVE to HIVE.bak first
    bool force = false;      ///< --force (write commands): commit despite structure errors
    bool recursive = false;  ///< -r, --recursive (delete-key)
    bool parents = false;    ///< -p, --parents (mkkey, set): create missing keys
    bool hex = false;        ///< --hex (set): --data is hex bytes whatever the type
    std::string type;        ///< --type T (set)
    std::string foundIn;     ///< --found-in PLACES (deleted): comma-separated FoundIn names
    std::vector<std::string> data;  ///< --data TEXT (set; repeatable)
    std::optional<std::string> entry;  ///< --entry N (log-history): one entry's changes
    /// --wait SECONDS (write commands): how long to wait for another
    /// writer's lock on HIVE before giving up with kLocked.
    long waitMilliseconds = kDefaultWaitMilliseconds;
    static constexpr long kDefaultWaitMilliseconds = 5000;

    const std::string& hivePath() const { return positional.at(0); }
    /// Positional argument i (after HIVE), or `fallback`.
    std::string arg(size_t i, const std::string& fallback = "") const {
        return positional.size() > i + 1 ? positional[i + 1] : fallback;
    }
};

/// Exit codes: 0 success, 1 the hive has problems (check) or the item is
/// missing (or a plan is refused), 2 usage errors, 3 the file cannot be
/// opened or is not a hive, 4 a write failed (the hive file is unchanged,
/// or recovers from its log, as the message says), 5 another writer held
/// the hive's lock for all of --wait (nothing written).
enum Exit { kOk = 0, kProblems = 1, kUsage = 2, kCannotOpen = 3, kWriteFailed = 4, kLocked = 5 };

/// The exit code of a failed Session::open: kLocked for a lock another
/// writer holds, kCannotOpen for everything else.
int openFailureExit(const hivekit::Error& error);

/// How much of a hive a command is about to read.
enum class Reading {
    Lookups,    ///< some keys: the file is mapped, its pages read as touched
    WholeFile,  ///< every key or cell: bins from the hbin chain, the file read whole at open
};

/// Opens the hive the arguments name (logs replayed unless --no-logs);
/// prints the error ("hivectl: PATH: not a hive ...") to stderr and returns
/// null when it cannot. For WholeFile, HIVECTL_READ=map maps the file and
/// populates the mapping instead of reading it, and HIVECTL_READ=fault
/// leaves its pages to fault in (to measure both ways; tests/bench).
std::unique_ptr<hivekit::Hive> openHive(const Args& args, Reading reading = Reading::Lookups);

/// The commit's flush mode as --flush names it: "sync" (the default,
/// FlushMode::Durable: a commit that succeeded survives a power cut) or
/// "fast" (FlushMode::ProcessCrashOnly). Prints the error ("COMMAND:
/// unknown flush mode ...") and returns nothing for any other word.
std::optional<hivekit::FlushMode> flushModeOf(const Args& args);

/// Write commands, before anything is written: the structure check
/// (hive/Checker, as `check` runs it) of the hive about to be edited. When
/// it finds errors, prints "HIVE: the structure check finds N errors, the
/// first at OFFSET: MESSAGE" and either "; nothing written (...)" and
/// returns false, or with --force "; committing anyway (--force)" and
/// returns true: a commit marks the hive clean, so a damaged one is
/// refused by default.
bool structureAllowsCommit(const Args& args, const hivekit::CheckReport& report);

/// Prints "hivectl: message" to stderr.
void printError(const std::string& message);

/// Writes bytes to stdout exactly (names may hold NULs).
void writeOut(const std::string& text);

/// Escapes a name the way hivex-dump does: \ t and newline.
std::string dumpEscape(const std::string& s);

/// The threads whole-hive scans (check, deleted) may use: HIVECTL_THREADS
/// when set to a number (1: one thread, for comparison), else 0 (one per
/// core). The output is the same either way.
unsigned threadsFromEnvironment();

/// How get and deleted name a value: its name, "(Default)" for "".
std::string valueDisplayName(const hivekit::ValueRecord& v);

/// get's JSON fields of a value's data: "data" (hex), and with `decoded`
/// "text", "number" (numbers) and "strings" (REG_MULTI_SZ).
void jsonValueData(Json& j, hivekit::Bytes data, const hivekit::DecodedValue* decoded);

int runInfo(const Args& args);
int runLs(const Args& args);
int runTree(const Args& args);
int runGet(const Args& args);
int runDump(const Args& args);
int runCheck(const Args& args);
int runCells(const Args& args);
int runDeleted(const Args& args);
int runRecover(const Args& args);
int runLogHistory(const Args& args);
int runExport(const Args& args);
int runArtefacts(const Args& args);
int runDiff(const Args& args);
int runTimeline(const Args& args);
// Write commands (WriteCommands.cpp).
int runMkkey(const Args& args);
int runDeleteKey(const Args& args);
int runSet(const Args& args);
int runDeleteValue(const Args& args);
int runRename(const Args& args);
int runSetClass(const Args& args);
int runNewHive(const Args& args);
int runImport(const Args& args);

}  // namespace hivectl
