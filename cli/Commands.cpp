#include "Commands.h"

#include <algorithm>

namespace hivectl {

namespace {

// How hard a commit flushes (tx/TxManager.h, FlushMode).
#define HIVECTL_FLUSH_OPTION                                                                   \
    "  --flush M     sync (the default): every step of the commit is flushed to stable\n"      \
    "                storage (fdatasync, and the directory of a new log), so a commit\n"       \
    "                that exited 0 survives a power cut; fast: the steps are only\n"           \
    "                ordered (sync_file_range), which survives a crash of hivectl but\n"       \
    "                not a power cut: the change may be lost or the hive left damaged\n"
// One writer at a time (tx/HiveLock.h): what every write command says.
#define HIVECTL_WAIT_OPTION                                                                    \
    "  --wait SECONDS  how long to wait while another writer holds HIVE's lock\n"              \
    "                (default 5, fractions allowed; 0: fail at once)\n"
#define HIVECTL_LOCK_TEXT                                                                      \
    "One writer at a time: the command locks HIVE (and so its logs) from opening it\n"         \
    "to its commit; while another writer (hivectl, or HiveKit's editor) holds the\n"          \
    "lock it waits up to --wait, then fails naming the process that holds it.\n"              \
    "Readers take no lock.\n"

// A damaged hive refused (WriteCommands.cpp, structureAllowsCommit).
#define HIVECTL_FORCE_OPTION                                                                   \
    "  --force       commit even when the structure check finds errors in HIVE\n"

#define HIVECTL_REFUSED_TEXT                                                                   \
    "Every edit is validated first; when one is refused nothing is written. Nor is\n"          \
    "anything written when the structure check of what the edits touch (the keys\n"           \
    "on their paths with their lists and values, the hbins written; hivectl check\n"          \
    "checks the whole hive) finds errors in HIVE, unless --force (the message\n"              \
    "gives their number, the first and its offset).\n"

// What every write command accepts; appended to their texts below.
#define HIVECTL_WRITE_OPTIONS                                                                  \
    "  --strategy S  inplace, append or hybrid (how new cells are placed; default hybrid)\n"   \
    "  --dry-run     print the edits, write nothing\n"                                         \
    "  --backup      copy HIVE to HIVE.bak (or .bak.N), flushed to the disk, before\n"         \
    "                writing\n"                                                                \
    "  --no-logs     do not replay HIVE's transaction logs before editing\n"                   \
    HIVECTL_FLUSH_OPTION                                                                       \
    HIVECTL_WAIT_OPTION                                                                        \
    HIVECTL_FORCE_OPTION                                                                       \
    "\n"                                                                                       \
    HIVECTL_REFUSED_TEXT                                                                       \
    "The commit is crash-safe: the hive's .LOG1 is written and flushed first.\n"               \
    HIVECTL_LOCK_TEXT                                                                          \
    "Exit status: 0 written, 1 refused (no such key, already exists, errors in HIVE's\n"       \
    "structure without --force, ...), 2 usage error, 3 HIVE cannot be opened or is\n"          \
    "not a hive, 4 the write failed, 5 HIVE is locked by another writer (nothing\n"            \
    "written).\n"

// What every read command says about its exit status.
#define HIVECTL_READ_EXIT                                                                      \
    "Exit status: 0 success, 1 no such key or value, 2 usage error, 3 HIVE cannot\n"          \
    "be opened or is not a hive.\n"

const Command kCommands[] = {
    {"info", runInfo, Access::Reads,
     "  info HIVE             header fields, dirty state, logs, hbin and cell statistics\n",
     "info HIVE [--json] [--no-logs]\n"
     "\n"
     "Prints the base block's fields (signature, sequence numbers, timestamp, version,\n"
     "root cell, checksum), whether the hive is dirty and which transaction logs were\n"
     "replayed, and hbin and cell statistics. Never writes to HIVE.\n"
     "\n"
     "  --json      machine-readable output\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"ls", runLs, Access::Reads,
     "  ls HIVE [PATH]        subkeys and values of a key (the root by default)\n",
     "ls HIVE [PATH] [--json] [--no-logs]\n"
     "\n"
     "Lists the subkeys and values of the key at PATH (the root by default).\n"
     "\n"
     "  --json      machine-readable output\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"tree", runTree, Access::Reads,
     "  tree HIVE [PATH]      the key tree under PATH\n",
     "tree HIVE [PATH] [--no-logs]\n"
     "\n"
     "Prints the key tree under PATH (the root by default), one key per line,\n"
     "indented by depth.\n"
     "\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"get", runGet, Access::Reads,
     "  get HIVE PATH [NAME]  a value decoded (without NAME: the default value, or all\n"
     "                        the key's values when it has no default value)\n",
     "get HIVE PATH [NAME] [--json] [--raw] [--no-logs]\n"
     "\n"
     "Prints the value NAME of the key at PATH, decoded by its type. Without NAME:\n"
     "the key's default value, or all its values when it has no default value.\n"
     "\n"
     "  --json      machine-readable output\n"
     "  --raw       the data as hex bytes\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"dump", runDump, Access::Reads,
     "  dump HIVE             every key and value, in hivex-dump's canonical format\n",
     "dump HIVE [--no-data] [--no-logs]\n"
     "\n"
     "Prints every key and value in hivex-dump's canonical format (for comparisons\n"
     "with other tools). Text is UTF-8, except a UTF-16 surrogate without its\n"
     "partner, written in its 3-byte generalized form (WTF-8: ED A0 80 to ED BF BF).\n"
     "\n"
     "  --no-data   leave the data column empty\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"check", runCheck, Access::Reads,
     "  check HIVE            every structural invariant; exit 1 when anything is wrong\n",
     "check HIVE [--json] [--strict] [--no-logs]\n"
     "\n"
     "Checks every structural invariant: base block, hbins and cell chains, every\n"
     "reachable key, subkey list order and hashes, counts, security cells and their\n"
     "reference counts. Each problem is reported with its offset.\n"
     "\n"
     "  --json      machine-readable output\n"
     "  --strict    warnings fail the check too\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n"
     "Exit status: 0 the hive is sound, 1 problems were found, 2 usage error, 3 HIVE\n"
     "cannot be opened or is not a hive.\n"},
    {"cells", runCells, Access::Reads,
     "  cells HIVE            every hbin and cell: offset, size, type, allocated or free\n",
     "cells HIVE [--no-logs]\n"
     "\n"
     "Lists every hbin and cell: offset, size, type, allocated or free.\n"
     "\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n" HIVECTL_READ_EXIT},
    {"deleted", runDeleted, Access::Reads,
     "  deleted HIVE          deleted keys and values still held by free cells, unreferenced\n"
     "                        cells, cell slack and bytes past the last hbin (or as a .reg)\n",
     "deleted HIVE [--json | --reg [-o FILE] [--root NAME] [--regedit4]] [--found-in PLACES]\n"
     "             [--no-data] [--no-logs]\n"
     "\n"
     "Lists the key nodes and value records that the hive still holds outside its\n"
     "live tree: what was deleted and not yet overwritten. One line per deleted key\n"
     "(file offset, where it was found, last write time, the path it had, its value\n"
     "count), its recovered values indented below it, then the values no listed key\n"
     "names. A value line gives its file offset, where it was found, name, type,\n"
     "what became of its data (intact, empty, overwritten, truncated, missing) and\n"
     "the data decoded as get shows it. A path that starts with \"?\\\" lost its\n"
     "upper part. Never writes to HIVE.\n"
     "\n"
     "Where a record is found (the second column, JSON \"foundIn\"):\n"
     "  free-cell          at the start of a free cell\n"
     "  inside-free-cell   inside a free cell: its own cell was absorbed by a free\n"
     "                     neighbour before it\n"
     "  unreferenced-cell  in an allocated cell nothing reachable references (a key\n"
     "                     or value unlinked but not freed, a healed hive's orphans)\n"
     "  cell-slack         past what its owner uses of an allocated cell\n"
     "  past-last-bin      in the bytes after the hive bins the base block declares\n"
     "A record counts when its old cell size, flags, sizes and time are sane and its\n"
     "name is not mostly NUL and control characters; any value type is accepted.\n"
     "\n"
     "  --json             machine-readable output\n"
     "  --reg              write the deleted keys and values as a .reg file (to -o\n"
     "                     FILE, else standard output), each key under the path it\n"
     "                     had below --root NAME (default HKEY_LOCAL_MACHINE\\HIVE);\n"
     "                     keys whose parent is unknown (\"?\\\" paths) go under\n"
     "                     DELETED-UNKNOWN-PARENT, values no deleted key names under\n"
     "                     DELETED-VALUES-WITHOUT-KEY\\OFFSET; values whose data is not\n"
     "                     intact are comments. `hivectl import` reads it back.\n"
     "  --found-in PLACES  only records found in these places (comma-separated)\n"
     "  --no-data          omit the data\n"
     "  --no-logs          read the primary file as it is, without replaying its logs\n"
     "\n"
     "Exit status: 0 success, 1 the .reg file cannot be written, 2 usage error, 3\n"
     "HIVE cannot be opened or is not a hive.\n"},
    {"recover", runRecover, Access::Reads,
     "  recover HIVE OUT      replay the transaction logs of a dirty HIVE and write the\n"
     "                        clean result to the new file OUT (HIVE and its logs are only read)\n",
     "recover HIVE OUT\n"
     "\n"
     "Replays the transaction logs of a dirty HIVE (HIVE.LOG, .LOG1, .LOG2) and\n"
     "writes the clean result to the new file OUT. HIVE and its logs are only read.\n"
     "\n"
     "Exit status: 0 written, 1 the hive is dirty and no log could be applied, 2 usage\n"
     "error (OUT missing or one of the input files), 3 HIVE cannot be opened or is not\n"
     "a hive, or OUT cannot be written.\n"},
    {"log-history", runLogHistory, Access::Reads,
     "  log-history HIVE      the entries of a dirty HIVE's transaction logs, in replay order,\n"
     "                        and the keys and values each entry changed\n",
     "log-history HIVE [--json] [--entry N]\n"
     "\n"
     "Lists the transaction logs beside HIVE (HIVE.LOG, .LOG1, .LOG2) and every log\n"
     "entry replay meets, in the order it meets them: the log, the entry's offset in\n"
     "it, its sequence number, the hive bins size it sets, its dirty pages, whether\n"
     "both hashes matched, and whether replay applies it or why not (an entry that\n"
     "ends its log, the entries of a log that is not replayed). Applied entries are\n"
     "numbered 1, 2, ... in replay order; each is followed by what it changed: the\n"
     "difference between the hive before and after that entry (keys added, removed\n"
     "or changed, values added, removed or changed, old -> new). An old-format log\n"
     "is one entry. Log entries carry no time of their own: each log's header time\n"
     "(when the log was started) is shown, and \"keys written up to\" gives the\n"
     "latest last-write time among the keys an entry added or changed. Never writes\n"
     "to HIVE or its logs.\n"
     "\n"
     "  --json      machine-readable output\n"
     "  --entry N   only applied entry N: its dirty pages, and its changes with the\n"
     "              whole data\n"
     "\n"
     "Exit status: 0 success, 1 no applied entry N, 2 usage error, 3 HIVE cannot be\n"
     "opened or is not a hive.\n"},
    {"artefacts", runArtefacts, Access::Reads,
     "  artefacts HIVE [NAME...]\n"
     "                        decoded artefacts (UserAssist, ShimCache, the SAM's users,\n"
     "                        ...): every decoder that applies to HIVE, or those NAMEd\n",
     "artefacts HIVE [NAME...] [--json | --csv] [-o FILE] [--no-logs]\n"
     "       hivectl artefacts --list [--json]\n"
     "\n"
     "Runs the artefact decoders that apply to HIVE (its kind is detected: SYSTEM,\n"
     "SOFTWARE, SAM, SECURITY, NTUSER.DAT, UsrClass.dat, Amcache.hve, BCD), or the\n"
     "ones NAMEd, and prints their tables. Every row names the key and value it was\n"
     "decoded from; a row whose data cannot be decoded says why in its note. Times\n"
     "are UTC, ISO 8601. The logs of a dirty hive are replayed first (in memory).\n"
     "\n"
     "  --list      the decoders: name, hive kinds, title and what each tells\n"
     "  --json      one JSON document: the hive, its kind, and per artefact its\n"
     "              columns and rows (an object per row, keyed by column name)\n"
     "  --csv       CSV (RFC 4180) of one artefact: name exactly one NAME, or give\n"
     "              -o DIR to write DIR/NAME.csv for each\n"
     "  -o PATH     write to PATH instead of standard output (a directory with --csv)\n"
     "  --no-logs   read the primary file as it is, without replaying its logs\n"
     "\n"
     "Exit status: 0 success, 1 a NAMEd decoder does not apply to HIVE or failed,\n"
     "2 usage error (an unknown NAME), 3 HIVE cannot be opened or is not a hive.\n"},
    {"timeline", runTimeline, Access::Reads,
     "  timeline HIVE...      every time the hives record (key last writes, artefact times,\n"
     "                        deleted keys) as a body file, CSV or JSON Lines\n",
     "timeline HIVE... [--from T] [--to T] [--format bodyfile|csv|jsonl] [-o PATH]\n"
     "       [--no-logs]\n"
     "\n"
     "Lists every time the hives record, one event per line: each key's last-write\n"
     "time, each time an artefact decoder finds (UserAssist last run, a service's\n"
     "last write, ...; described as \"UserAssist last run\"), and each deleted key\n"
     "free cells still hold (marked deleted). A HIVE that is a directory is a triage\n"
     "folder: every file under it that starts with \"regf\" is read, except\n"
     "transaction logs (.LOG, .LOG1, .LOG2) and backups (.bak). Hives are read in\n"
     "parallel (HIVECTL_THREADS threads, default one per core); each hive's events\n"
     "are sorted by time and written as one block, in the order of the hives (file\n"
     "arguments as given, a folder's hives by path). A dirty hive's logs are\n"
     "replayed first (in memory). Progress goes to stderr when it is a terminal.\n"
     "\n"
     "  --from T    leave out events before T; --to T: after T (both inclusive).\n"
     "              T is ISO 8601 UTC: 2020-01-02, 2020-01-02T03:04:05Z, with an\n"
     "              optional fraction of a second; a date alone as --to means the\n"
     "              end of that day\n"
     "  --format F  csv (the default) or jsonl: Timesketch's message, datetime and\n"
     "              timestamp_desc, then hive, path, value, source (\"key\",\n"
     "              \"deleted key\" or the decoder's name), deleted and offset (the\n"
     "              cell's file offset); bodyfile: the Sleuth Kit body file for\n"
     "              mactime, the time as mtime, the name HIVE:\\PATH[\\VALUE]\n"
     "  -o PATH     write to PATH instead of standard output\n"
     "  --no-logs   read the primary files as they are, without replaying logs\n"
     "\n"
     "Exit status: 0 success, 2 usage error (a bad T or format), 3 a HIVE cannot be\n"
     "opened or is not a hive, or a folder holds none (the other hives are still\n"
     "written).\n"},
    {"export", runExport, Access::Reads,
     "  export HIVE [PATH]    the key at PATH (the root by default) and its subtree as a\n"
     "                        .reg file (regedit 5.00, UTF-16LE) to -o FILE or stdout\n",
     "export HIVE [PATH] [-o FILE] [--regedit4] [--root NAME] [--no-logs]\n"
     "\n"
     "Writes the key at PATH (the root by default) and its subtree as a .reg file.\n"
     "\n"
     "  -o FILE      write to FILE instead of standard output\n"
     "  --regedit4   REGEDIT4 in UTF-8 instead of regedit 5.00 in UTF-16LE\n"
     "  --root NAME  what key lines start with (default HKEY_LOCAL_MACHINE\\HIVE)\n"
     "  --no-logs    read the primary file as it is, without replaying its logs\n"
     "\n"
     "Exit status: 0 success, 1 no such key, FILE could not be written, or data that\n"
     "a .reg file cannot hold (each reported on standard error), 2 usage error, 3 HIVE\n"
     "cannot be opened or is not a hive.\n"},
    {"diff", runDiff, Access::Reads,
     "  diff A B              the keys and values added, removed and changed from hive A to\n"
     "                        hive B (--json, or --reg: the .reg file that turns A into B)\n",
     "diff A B [--json | --reg] [--ignore-times] [-r] [-o FILE] [--root NAME] [--regedit4]\n"
     "       [--no-logs]\n"
     "\n"
     "Compares hive A (the old) with hive B (the new), walking both trees in step.\n"
     "Keys are matched by name and values by name, both without regard to letter\n"
     "case (Windows' rules); the two root keys are matched whatever their names. One\n"
     "line per difference, fields separated by tabs:\n"
     "\n"
     "  + key    PATH                      the key is in B only (with its subtree)\n"
     "  - key    PATH                      the key is in A only (with its subtree)\n"
     "  ~ key    PATH  WHAT                last write time, class name or security\n"
     "                                    descriptor differ (old -> new)\n"
     "  + value  PATH  NAME  (TYPE) DATA   the value is in B only\n"
     "  - value  PATH  NAME  (TYPE) DATA   the value is in A only\n"
     "  ~ value  PATH  NAME  (TYPE) OLD -> (TYPE) NEW\n"
     "\n"
     "PATH is written as dump writes it (\"(root)\" for the root key), NAME as get\n"
     "names it (\"(Default)\" for the default value), DATA as get decodes it, with\n"
     "line breaks as \\n. An added or removed key is reported once, at the top of its\n"
     "subtree (-r: every key and value below it too). The logs of a dirty hive are\n"
     "replayed first (in memory), unless --no-logs. Neither hive is written.\n"
     "\n"
     "  --json          one JSON object per difference and line: change, path, name,\n"
     "                  and old and new (type, data as hex and decoded; last write,\n"
     "                  class name, security descriptor as hex)\n"
     "  --reg           the .reg file that turns A into B, as export writes it: removed\n"
     "                  keys as [-KEY], removed values as \"NAME\"=-, added keys with\n"
     "                  their whole subtree, added and changed values in full. Last write\n"
     "                  times, class names and security descriptors cannot be written\n"
     "                  in a .reg file; a key or value it cannot name is left out with a\n"
     "                  warning on standard error\n"
     "  --ignore-times  do not compare last write times\n"
     "  -r, --recursive list every key and value below an added or removed key\n"
     "  -o FILE         write to FILE instead of standard output\n"
     "  --root NAME     --reg: what key lines start with (default HKEY_LOCAL_MACHINE\\HIVE)\n"
     "  --regedit4      --reg: REGEDIT4 in UTF-8 instead of regedit 5.00 in UTF-16LE\n"
     "  --no-logs       read the primary files as they are, without replaying their logs\n"
     "\n"
     "A key or value that cannot be read is reported on standard error and left out;\n"
     "nothing is claimed added or removed from a list that could not be read whole.\n"
     "\n"
     "Exit status, as diff(1)'s: 0 the hives are the same, 1 they differ, 2 usage\n"
     "error, 3 A or B cannot be opened or is not a hive, or a part of either could not\n"
     "be read (the differences found in the rest are printed).\n"},
    {"import", runImport, Access::Writes,
     "  import HIVE FILE.reg  apply a .reg file (regedit 5.00 or REGEDIT4) in one transaction;\n"
     "                        a file with any malformed line is refused whole\n",
     "import HIVE FILE.reg [--root NAME] [--strategy S] [--dry-run] [--no-logs] [--flush M]\n"
     "       [--wait SECONDS] [--force]\n"
     "\n"
     "Applies a .reg file (regedit 5.00 or REGEDIT4) to HIVE in one transaction. A\n"
     "file with any malformed line is refused whole; errors name the line.\n"
     "FILE.reg must be a regular file (not a device or FIFO) of at most 1 GiB, with\n"
     "lines of at most 4194304 characters; a key path holding a NUL character is\n"
     "refused (a value name may hold one).\n"
     "\n"
     "  --root NAME   the key path that stands for the hive's root (default: from the\n"
     "                first key line: HKEY_LOCAL_MACHINE\\X or HKEY_USERS\\X, else its\n"
     "                first name)\n"
     "  --strategy S  inplace, append or hybrid (how new cells are placed; default hybrid)\n"
     "  --dry-run     print the edits, write nothing\n"
     "  --no-logs     do not replay HIVE's transaction logs before editing\n"
     HIVECTL_FLUSH_OPTION
     HIVECTL_WAIT_OPTION
     HIVECTL_FORCE_OPTION
     "\n"
     HIVECTL_REFUSED_TEXT
     HIVECTL_LOCK_TEXT
     "\n"
     "Exit status: 0 imported, 1 the file is malformed or an edit is refused, HIVE's\n"
     "structure has errors (without --force) or the commit failed (HIVE keeps its\n"
     "previous state), 2 usage error, 3 HIVE or FILE.reg cannot be opened (or\n"
     "FILE.reg is not a regular file, or is too large), 5 HIVE is locked by another\n"
     "writer (nothing written).\n"},
    {"mkkey", runMkkey, Access::Writes,
     "  mkkey HIVE PATH [-p]  create a key; an existing one is refused (-p: create missing\n"
     "                        parents, and accept an existing key)\n",
     "mkkey HIVE PATH [-p] [WRITE OPTIONS]\n"
     "\n"
     "Creates the key at PATH. A key that exists already (in any letter case) is\n"
     "refused (exit 1), unless -p is given.\n"
     "\n"
     "  -p, --parents create the missing keys above it too, and accept an existing key\n"
     "                (then nothing is written: \"nothing to change\")\n" HIVECTL_WRITE_OPTIONS},
    {"delete-key", runDeleteKey, Access::Writes,
     "  delete-key HIVE PATH [-r]   delete a key (-r: with its subkeys)\n",
     "delete-key HIVE PATH [-r] [WRITE OPTIONS]\n"
     "\n"
     "Deletes the key at PATH with its values.\n"
     "\n"
     "  -r, --recursive  delete its subkeys too (without it a key with subkeys is\n"
     "                   refused)\n" HIVECTL_WRITE_OPTIONS},
    {"set", runSet, Access::Writes,
     "  set HIVE PATH NAME --type T --data TEXT [--data TEXT...] [--hex] [-p]\n"
     "                        set a value (NAME \"\" is the default value). TEXT by type:\n"
     "                        strings as text; REG_MULTI_SZ one string per line or per\n"
     "                        --data; REG_DWORD/REG_QWORD decimal or 0x-hex; other types\n"
     "                        hex bytes (\"01 02 ff\"); --hex: hex bytes for any type\n",
     "set HIVE PATH NAME --type T --data TEXT [--data TEXT...] [--hex] [-p] [WRITE OPTIONS]\n"
     "\n"
     "Sets the value NAME of the key at PATH (NAME \"\" is the default value).\n"
     "\n"
     "  --type T      REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, REG_DWORD, REG_QWORD,\n"
     "                REG_BINARY, REG_NONE, ... or a number\n"
     "  --data TEXT   the data, by type: REG_SZ and REG_EXPAND_SZ as text;\n"
     "                REG_MULTI_SZ one string per line or per --data (empty ones\n"
     "                kept); REG_DWORD, REG_DWORD_BIG_ENDIAN and REG_QWORD decimal\n"
     "                (negative too: -1 is 0xffffffff) or 0x-hex; other types hex\n"
     "                bytes (\"01 02 ff\", \"0102ff\", \"0x01,0x02\")\n"
     "  --hex         TEXT is hex bytes whatever the type\n"
     "  -p, --parents create the key and its missing parents\n" HIVECTL_WRITE_OPTIONS},
    {"delete-value", runDeleteValue, Access::Writes,
     "  delete-value HIVE PATH NAME\n",
     "delete-value HIVE PATH NAME [WRITE OPTIONS]\n"
     "\n"
     "Deletes the value NAME of the key at PATH (NAME \"\" is the default value).\n"
     "\n" HIVECTL_WRITE_OPTIONS},
    {"rename", runRename, Access::Writes,
     "  rename HIVE PATH NEW  rename a key;  rename HIVE PATH VALUE NEW  rename a value\n",
     "rename HIVE PATH NEW [WRITE OPTIONS]\n"
     "   or: hivectl rename HIVE PATH VALUE NEW [WRITE OPTIONS]\n"
     "\n"
     "Renames the key at PATH to NEW, or its value VALUE to NEW.\n"
     "\n" HIVECTL_WRITE_OPTIONS},
    {"set-class", runSetClass, Access::Writes,
     "  set-class HIVE PATH TEXT    set a key's class name (\"\" removes it)\n",
     "set-class HIVE PATH TEXT [WRITE OPTIONS]\n"
     "\n"
     "Sets the class name of the key at PATH (TEXT \"\" removes it).\n"
     "\n" HIVECTL_WRITE_OPTIONS},
    {"new-hive", runNewHive, Access::Writes,
     "  new-hive FILE [--root NAME] write an empty hive (version 1.5) to the new FILE\n",
     "new-hive FILE [--root NAME] [--dry-run]\n"
     "\n"
     "Writes an empty hive (version 1.5) to the new file FILE.\n"
     "\n"
     "  --root NAME   the root key's name\n"
     "  --dry-run     say what would be written, write nothing\n"
     "\n"
     "Exit status: 0 written, 1 FILE exists (a hive is never written over a file),\n"
     "2 usage error, 4 the write failed.\n"},
};

#undef HIVECTL_WRITE_OPTIONS
#undef HIVECTL_WAIT_OPTION
#undef HIVECTL_LOCK_TEXT
#undef HIVECTL_REFUSED_TEXT
#undef HIVECTL_FORCE_OPTION
#undef HIVECTL_READ_EXIT

// The overview (hivectl --help) around the commands' own lines.
const char* kOverviewHead =
    "Usage: hivectl COMMAND HIVE [ARGUMENTS] [OPTIONS]\n"
    "\n"
    "Read commands (never write to HIVE):\n";
const char* kWriteCommandsHead =
    "\n"
    "Write commands:\n";
const char* kOverviewTail =
    "  Write commands validate every edit first and write nothing when one is refused,\n"
    "  nor when the hive's structure check finds errors (unless --force);\n"
    "  the commit is crash-safe (the hive's .LOG1 first) and, with --flush sync (the\n"
    "  default), on stable storage when the command exits 0. One writer at a time: a\n"
    "  write command locks HIVE (and so its logs) from opening it to its commit.\n"
    "\n"
    "Options:\n"
    "  --json       machine-readable output (info, ls, get, check, deleted, artefacts,\n"
    "               diff, log-history)\n"
    "  --entry N    log-history: only applied entry N, with its whole data\n"
    "  --csv        artefacts: CSV of one artefact table\n"
    "  --list       artefacts: the decoders HiveKit has\n"
    "  --from T, --to T  timeline: leave out events before, after T (ISO 8601 UTC)\n"
    "  --format F   timeline: bodyfile, csv (default) or jsonl\n"
    "  --raw        get: the data as hex bytes\n"
    "  --no-logs    read the primary file as it is, without replaying its logs\n"
    "  --no-data    dump: leave the data column empty; deleted: omit the data\n"
    "  --strict     check: warnings fail the check too (exit 1)\n"
    "  --reg        diff: the .reg file that turns A into B; deleted: the deleted keys\n"
    "               and values as a .reg file\n"
    "  --ignore-times  diff: do not compare last write times\n"
    "  -o FILE      export: write to FILE instead of stdout\n"
    "  --regedit4   export: REGEDIT4 in UTF-8 instead of regedit 5.00 in UTF-16LE\n"
    "  --found-in P deleted: only records found in the places P (see help deleted)\n"
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

std::span<const Command> commands() { return kCommands; }

const Command* findCommand(std::string_view name) {
    auto found = std::find_if(std::begin(kCommands), std::end(kCommands),
                              [&](const Command& c) { return name == c.name; });
    return found == std::end(kCommands) ? nullptr : &*found;
}

std::string overviewText() {
    std::string text = kOverviewHead;
    for (const Command& c : kCommands)
        if (c.access == Access::Reads) text += c.overview;
    text += kWriteCommandsHead;
    for (const Command& c : kCommands)
        if (c.access == Access::Writes) text += c.overview;
    return text + kOverviewTail;
}

std::string commandHelp(const std::string& command) {
    const Command* found = findCommand(command);
    if (!found) return {};
    return std::string("Usage: hivectl ") + found->help;
}

}  // namespace hivectl
