// hivectl's write commands driven as a process: each command's effect seen
// by hivex-dump, the text forms of `set` for every type, --dry-run,
// --backup, --strategy, --flush, refused plans, a damaged hive refused
// unless --force, that read commands never write, and one writer at a
// time: two processes writing at once, a writer that finds the hive locked
// (by this test process: an OFD lock another process sees).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "engine/EditTestSupport.h"
#include "format/ByteReader.h"
#include "format/Layout.h"
#include "index/Index.h"
#include "support/TestSupport.h"
#include "tx/HiveLock.h"

using namespace testsupport;
using namespace edittest;

namespace {

/// A new hive made by hivectl itself.
std::string newHive(const TempDir& dir, const std::string& name = "w.hiv") {
    const std::string path = dir.file(name);
    auto r = hivectl({"new-hive", path});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "new-hive: wrote an empty hive to " + path + "\n");
    return path;
}

void ok(const std::vector<std::string>& args) {
    auto r = hivectl(args);
    INFO("hivectl " << args.front() << ": " << r.err);
    REQUIRE(r.exitCode == 0);
}

/// The V line hivex-dump prints for one value ("" when absent).
std::string valueLine(const std::string& hive, const std::string& key, const std::string& name) {
    std::istringstream in(hivexDump(hive));
    for (std::string l; std::getline(in, l);) {
        auto f = splitTabs(l);
        if (f[0] == "V" && f[1] == key && f[2] == name) return f[3] + " " + f[4];
    }
    return "";
}

std::vector<std::string> allFilesIn(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("hivectl write commands change the hive as the model predicts", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "Software\\Vendor\\App", "-p"});
    ok({"set", hive, "Software\\Vendor\\App", "Version", "--type", "REG_SZ", "--data", "1.2.3"});
    ok({"set", hive, "Software\\Vendor\\App", "Count", "--type", "dword", "--data", "42"});
    ok({"set", hive, "Software\\Vendor\\App", "", "--type", "REG_SZ", "--data", "default"});
    ok({"mkkey", hive, "Software\\Vendor\\Old"});
    ok({"rename", hive, "Software\\Vendor\\App", "Application"});
    ok({"rename", hive, "Software\\Vendor\\Application", "Count", "Total"});
    ok({"delete-value", hive, "Software\\Vendor\\Application", "Version"});
    ok({"set-class", hive, "Software\\Vendor", "VendorClass"});
    ok({"delete-key", hive, "Software\\Vendor\\Old"});
    ok({"set", hive, "Created\\On\\The\\Way", "x", "--type", "REG_NONE", "--data", "", "-p"});
    const std::string dump = hivexDump(hive);
    DumpKey tree = parseDump(dump);
    // Timestamps come from the real clock: compare the shape and the data.
    std::string shape;
    std::istringstream in(dump);
    for (std::string l; std::getline(in, l);) {
        auto f = splitTabs(l);
        if (f[0] == "K") f[2] = "t";
        for (size_t i = 0; i < f.size(); ++i) shape += (i ? "\t" : "") + f[i];
        shape += "\n";
    }
    CHECK(shape ==
          "K\t\tt\t2\t0\n"
          "K\tCreated\tt\t1\t0\n"
          "K\tCreated\\On\tt\t1\t0\n"
          "K\tCreated\\On\\The\tt\t1\t0\n"
          "K\tCreated\\On\\The\\Way\tt\t0\t1\n"
          "V\tCreated\\On\\The\\Way\tx\t0\t\n"
          "K\tSoftware\tt\t1\t0\n"
          "K\tSoftware\\Vendor\tt\t1\t0\n"
          "K\tSoftware\\Vendor\\Application\tt\t0\t2\n"
          "V\tSoftware\\Vendor\\Application\tTotal\t4\t2a000000\n"
          "V\tSoftware\\Vendor\\Application\t\t1\t640065006600610075006c0074000000\n");
    requireClean(hive);
    requireOtherReadersAccept(hive);
}

TEST_CASE("hivectl set understands a text form for every type", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "T"});
    struct Case {
        std::vector<std::string> args;
        std::string expected;  // type and hex as hivex-dump prints them
    };
    const std::vector<Case> cases = {
        {{"--type", "REG_SZ", "--data", "hé"}, "1 6800e9000000"},
        {{"--type", "expand_sz", "--data", "%X%"}, "2 2500580025000000"},
        {{"--type", "REG_LINK", "--data", "5c 00 52 00"}, "6 5c005200"},
        {{"--type", "REG_MULTI_SZ", "--data", "a\nb", "--data", "c"}, "7 6100000062000000630000000000"},
        {{"--type", "REG_MULTI_SZ"}, "7 0000"},
        {{"--type", "REG_MULTI_SZ", "--data", "a\n\nb"}, "7 610000000000620000000000"},
        {{"--type", "REG_MULTI_SZ", "--data", "a", "--data", "", "--data", ""}, "7 6100000000000000"},
        {{"--type", "REG_DWORD", "--data", "0x12345678"}, "4 78563412"},
        {{"--type", "REG_DWORD", "--data", "-1"}, "4 ffffffff"},
        {{"--type", "REG_DWORD", "--data", "-2147483648"}, "4 00000080"},
        {{"--type", "REG_QWORD", "--data", "-1"}, "11 ffffffffffffffff"},
        {{"--type", "REG_DWORD_BIG_ENDIAN", "--data", "0x12345678"}, "5 12345678"},
        {{"--type", "REG_QWORD", "--data", "18446744073709551615"}, "11 ffffffffffffffff"},
        {{"--type", "REG_BINARY", "--data", "01 02 ff"}, "3 0102ff"},
        {{"--type", "REG_BINARY", "--data", "01,02", "--data", "0a0b"}, "3 01020a0b"},
        {{"--type", "REG_BINARY", "--data", "0xde,0xa 1-2"}, "3 de0a0102"},
        {{"--type", "REG_NONE", "--data", ""}, "0 "},
        {{"--type", "REG_RESOURCE_LIST", "--data", "aa:bb"}, "8 aabb"},
        {{"--type", "REG_FULL_RESOURCE_DESCRIPTOR", "--data", "01"}, "9 01"},
        {{"--type", "REG_RESOURCE_REQUIREMENTS_LIST", "--data", "02"}, "10 02"},
        {{"--type", "0x12345678", "--data", "c0ffee"}, "305419896 c0ffee"},
        {{"--type", "REG_SZ", "--hex", "--data", "41 00"}, "1 4100"},
        {{"--type", "REG_DWORD", "--hex", "--data", "010203"}, "4 010203"},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        std::vector<std::string> args = {"set", hive, "T", "v" + std::to_string(i)};
        args.insert(args.end(), cases[i].args.begin(), cases[i].args.end());
        INFO("case " << i);
        ok(args);
        CHECK(valueLine(hive, "T", "v" + std::to_string(i)) == cases[i].expected);
    }
    requireClean(hive);
}

TEST_CASE("hivectl set refuses data that does not fit its type, with usage exit 2", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    const std::vector<uint8_t> before = readFile(hive);
    auto refused = [&](std::vector<std::string> extra, const std::string& message) {
        std::vector<std::string> args = {"set", hive, "", "v"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = hivectl(args);
        CHECK(r.exitCode == 2);
        CHECK(r.err == "hivectl: " + message + "\n");
    };
    refused({"--type", "REG_DWORD", "--data", "0x100000000"},
            "set: \"0x100000000\" is out of range: -2147483648 to 4294967295, or 0x0 to 0xffffffff");
    refused({"--type", "REG_DWORD", "--data", "-2147483649"},
            "set: \"-2147483649\" is out of range: -2147483648 to 4294967295, or 0x0 to 0xffffffff");
    refused({"--type", "REG_DWORD", "--data", "12a"},
            "set: \"12a\" is not a number (decimal, or hex with 0x): 'a' at character 3 does not belong in one");
    refused({"--type", "REG_QWORD"}, "set: REG_QWORD takes one --data, not 0");
    refused({"--type", "REG_BINARY", "--data", "0g"},
            "set: \"0g\" is not hex bytes: 'g' at character 2 is neither a hex digit nor a separator (space, "
            "comma, colon, dash)");
    refused({"--type", "REG_BINARY", "--data", "abc"},
            "set: \"abc\" is not hex bytes: \"abc\" at character 1 has an odd number of hex digits: a byte is two "
            "(or one alone)");
    refused({"--data", "x"}, "set: --type is required (REG_SZ, REG_DWORD, REG_BINARY, ... or a number)");
    refused({"--type", "REG_SZ", "--data", "x", "--strategy", "sideways"},
            "set: unknown strategy \"sideways\" (expected inplace, append or hybrid)");
    CHECK(readFile(hive) == before);
}

TEST_CASE("a refused plan exits 1, names the edit and writes nothing", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "A\\B", "-p"});
    const std::vector<uint8_t> before = readFile(hive);
    auto r = hivectl({"delete-key", hive, "A"});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + hive +
                       ": edit 1 (delete key \"A\"): key \"A\" has 1 subkey; ask for a recursive delete to remove "
                       "them too; nothing written\n");
    r = hivectl({"mkkey", hive, "X\\Y"});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + hive +
                       ": edit 1 (create key \"X\\Y\"): the parent key \"X\" does not exist (and creating parents "
                       "was not asked); nothing written\n");
    r = hivectl({"delete-value", hive, "A", "nope"});
    CHECK(r.exitCode == 1);
    r = hivectl({"set", hive, "Missing", "v", "--type", "sz", "--data", "x"});
    CHECK(r.exitCode == 1);
    r = hivectl({"mkkey", hive});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: mkkey: missing arguments; usage: hivectl mkkey HIVE PATH [-p]\n");
    CHECK(readFile(hive) == before);
}

TEST_CASE("A dry run (--dry-run) prints the plan and writes nothing", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    const std::vector<std::string> filesBefore = allFilesIn(dir.path());
    const std::vector<uint8_t> before = readFile(hive);
    auto r = hivectl({"set", hive, "K", "v", "--type", "REG_DWORD", "--data", "7", "-p", "--dry-run"});
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "1. set value \"v\" in \"K\": REG_DWORD, 4 bytes (creating the key)\n"
          "set: dry run (hybrid), nothing written\n");
    r = hivectl({"delete-key", hive, "K", "--dry-run", "--strategy", "append"});
    CHECK(r.exitCode == 1);  // validated against the hive: K does not exist
    r = hivectl({"mkkey", hive, "K", "--dry-run", "--backup"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "1. create key \"K\"\nmkkey: dry run (hybrid), nothing written\n");
    r = hivectl({"new-hive", dir.file("other.hiv"), "--dry-run"});
    CHECK(r.exitCode == 0);
    CHECK(readFile(hive) == before);
    CHECK(allFilesIn(dir.path()) == filesBefore);  // no log, no backup, no new hive
}

TEST_CASE("A backup (--backup) keeps a copy of the original before writing", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "First"});
    const std::vector<uint8_t> original = readFile(hive);
    auto r = hivectl({"mkkey", hive, "Second", "--backup"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("; the original is in " + hive + ".bak\n") != std::string::npos);
    CHECK(readFile(hive + ".bak") == original);
    CHECK(readFile(hive) != original);
    // A second backup does not overwrite the first.
    const std::vector<uint8_t> second = readFile(hive);
    ok({"mkkey", hive, "Third", "--backup"});
    CHECK(readFile(hive + ".bak") == original);
    CHECK(readFile(hive + ".bak.1") == second);
    requireClean(hive + ".bak");
}

TEST_CASE("every strategy can be chosen on the command line", "[cli][write]") {
    for (const char* strategy : {"inplace", "append", "hybrid", "in-place"}) {
        TempDir dir;
        const std::string hive = newHive(dir);
        auto r = hivectl({"set", hive, "", "v", "--type", "REG_BINARY", "--data", "0102", "--strategy", strategy});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const std::string name = std::string(strategy) == "in-place" ? "inplace" : strategy;
        CHECK(r.out.find("(" + name + ")") != std::string::npos);
        requireClean(hive);
    }
}

TEST_CASE("new-hive writes an empty valid hive and never overwrites a file", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    requireClean(hive);
    CHECK(splitTabs(hivexDump(hive)).size() == 5);
    auto r = hivectl({"new-hive", hive});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + hive + ": already exists; a new hive is never written over a file\n");
    r = hivectl({"new-hive", dir.file("named.hiv"), "--root", "MyRoot"});
    CHECK(r.exitCode == 0);
    r = hivectl({"ls", dir.file("named.hiv")});
    CHECK(r.exitCode == 0);
}

TEST_CASE("read commands never write to the hive or beside it", "[cli][write]") {
    TempDir dir;
    // A dirty hive with logs: reading replays them in memory only.
    const std::string hive = copyFile(hivePath("regipy/UsrClass.dat"), dir.file("UsrClass.dat"));
    copyFile(hivePath("regipy/UsrClass.dat.LOG1"), dir.file("UsrClass.dat.LOG1"));
    copyFile(hivePath("regipy/UsrClass.dat.LOG2"), dir.file("UsrClass.dat.LOG2"));
    std::map<std::string, std::vector<uint8_t>> before;
    for (const auto& name : allFilesIn(dir.path())) before[name] = readFile(dir.file(name));
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"info", hive}, {"ls", hive}, {"tree", hive}, {"get", hive, ""},
                                               {"dump", hive}, {"check", hive}, {"cells", hive},
                                               {"export", hive}}) {
        INFO("hivectl " << args.front());
        (void)hivectl(args);
    }
    std::map<std::string, std::vector<uint8_t>> after;
    for (const auto& name : allFilesIn(dir.path())) after[name] = readFile(dir.file(name));
    CHECK(after == before);
}

TEST_CASE("hivectl write commands take --flush sync or fast and refuse any other mode with usage exit 2", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    // sync, the default, says nothing more; fast says what it risks.
    auto r = hivectl({"mkkey", hive, "Synced", "--flush", "sync"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("stable storage") == std::string::npos);
    r = hivectl({"mkkey", hive, "Default"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("stable storage") == std::string::npos);
    r = hivectl({"mkkey", hive, "Fast", "--flush", "fast"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("; not flushed to stable storage (--flush fast): a power cut may still lose it\n") !=
          std::string::npos);
    requireClean(hive);
    std::istringstream keys(hivexDump(hive));
    int found = 0;
    for (std::string l; std::getline(keys, l);) {
        const auto f = splitTabs(l);
        found += f[0] == "K" && (f[1] == "Synced" || f[1] == "Default" || f[1] == "Fast");
    }
    CHECK(found == 3);

    const std::vector<uint8_t> before = readFile(hive);
    r = hivectl({"mkkey", hive, "Never", "--flush", "eventually"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: mkkey: unknown flush mode \"eventually\" (sync or fast)\n");
    const std::string reg = dir.file("one.reg");
    {
        std::ofstream out(reg);
        out << "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\W\\Imported]\n";
    }
    r = hivectl({"import", hive, reg, "--flush", "eventually"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: import: unknown flush mode \"eventually\" (sync or fast)\n");
    CHECK(readFile(hive) == before);
    r = hivectl({"mkkey", hive, "Never", "--flush"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "hivectl: option --flush needs a value (see hivectl --help)\n");
}

TEST_CASE("hivectl help documents --flush for the write commands and import", "[cli][write]") {
    auto overview = hivectl({"help"});
    REQUIRE(overview.exitCode == 0);
    CHECK(overview.out.find("  --flush M    write commands: sync (default: a commit that succeeded survives a\n") !=
          std::string::npos);
    for (const char* command : {"mkkey", "delete-key", "set", "delete-value", "rename", "set-class", "import"}) {
        INFO(command);
        auto r = hivectl({"help", command});
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find("  --flush M     sync (the default): every step of the commit is flushed to stable\n") !=
              std::string::npos);
        CHECK(r.out.find("not a power cut") != std::string::npos);
    }
}

// ---------------------------------------------------------------------------
// One writer at a time (tx/HiveLock.h), and mkkey on an existing key

namespace {

/// How the lock error names this test process: "process PID (NAME)".
std::string thisProcess() {
    std::ifstream comm("/proc/self/comm");
    std::string name;
    std::getline(comm, name);
    return "process " + std::to_string(::getpid()) + " (" + name + ")";
}

/// The names of the values of `key` in hivex-dump's output.
std::set<std::string> valueNames(const std::string& hive, const std::string& key) {
    std::set<std::string> names;
    std::istringstream in(hivexDump(hive));
    for (std::string l; std::getline(in, l);) {
        auto f = splitTabs(l);
        if (f[0] == "V" && f[1] == key) names.insert(f[2]);
    }
    return names;
}

}  // namespace

namespace {

/// The root key's largest-subkey-name field set to 0 while it has a
/// subkey: one structure error (Checker K5) that no edit below repairs.
void damageRootMaxNameField(const std::string& hive) {
    std::vector<uint8_t> bytes = readFile(hive);
    const uint32_t root = hivekit::loadU32(bytes.data() + hivekit::layout::base::RootCellOffset);
    const size_t field = hivekit::layout::kBaseBlockSize + root + 4 + hivekit::layout::nk::MaxSubkeyName;
    bytes[field] = 0;
    bytes[field + 1] = 0;
    writeFile(hive, bytes);
}

/// "the structure check finds N error(s), the first at OFFSET: MESSAGE", as
/// the engine's checker sees the hive.
std::string structureErrors(const std::string& hive) {
    auto opened = hivekit::Hive::open(hive);
    REQUIRE(opened);
    const hivekit::CheckReport report = hivekit::checkHive(**opened);
    REQUIRE(report.errors() > 0);
    for (const auto& d : report.diagnostics.items())
        if (d.severity == hivekit::Diagnostic::Severity::Error)
            return "the structure check finds " + std::to_string(report.errors()) +
                   (report.errors() == 1 ? " error" : " errors") + ", the first at " + hivekit::hexOffset(d.offset) +
                   ": " + d.message;
    return "";
}

}  // namespace

TEST_CASE("Two concurrent loops of 50 hivectl set on one hive lose no value and leave it clean for check", "[cli][write][lock]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "K"});
    // Two shell loops run at once, each a process per command; a command
    // that fails prints its name and exit status.
    const std::string script =
        "loop() { i=1; while [ $i -le 50 ]; do "
        "\"$0\" set \"$1\" K \"$2$i\" --type REG_DWORD --data $i --wait 60 >/dev/null || echo \"$2$i exit $?\"; "
        "i=$((i+1)); done; }\n"
        "loop \"$1\" a & loop \"$1\" b & wait\n";
    auto r = run({"/bin/sh", "-c", script, hivectlPath(), hive});
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    std::set<std::string> expected;
    for (int i = 1; i <= 50; ++i) {
        expected.insert("a" + std::to_string(i));
        expected.insert("b" + std::to_string(i));
    }
    CHECK(valueNames(hive, "K") == expected);
    CHECK(hivectl({"get", hive, "K", "b37"}).out == "0x00000025 (37)\n");
    auto check = hivectl({"check", hive});
    INFO(check.out << check.err);
    CHECK(check.exitCode == 0);
    requireClean(hive);
}

TEST_CASE("A writer that finds the hive locked fails with exit 5, naming the file and its holder, and writes nothing", "[cli][write][lock]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "K"});
    const std::vector<std::string> filesBefore = allFilesIn(dir.path());
    const std::vector<uint8_t> before = readFile(hive);
    auto lock = hivekit::HiveLock::acquire(hive, hivekit::LockKind::Exclusive);
    REQUIRE(lock);

    auto r = hivectl({"set", hive, "K", "v", "--type", "REG_DWORD", "--data", "1", "--wait", "0"});
    CHECK(r.exitCode == 5);
    CHECK(r.out.empty());
    CHECK(r.err == "hivectl: " + hive + " is locked by another writer, " + thisProcess() + "\n");

    // --wait: it tries for that long, then says so.
    const auto started = std::chrono::steady_clock::now();
    r = hivectl({"mkkey", hive, "New", "--wait", "0.3"});
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(300));
    CHECK(r.exitCode == 5);
    CHECK(r.err == "hivectl: " + hive + " is locked by another writer, " + thisProcess() +
                       "; still locked after waiting 0.3 s\n");

    // Every write command, import and --dry-run included, takes the lock.
    writeFile(dir.file("in.reg"), std::vector<uint8_t>{'R', 'E', 'G', 'E', 'D', 'I', 'T', '4', '\n'});
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"delete-key", hive, "K"},
             {"delete-value", hive, "K", "v"},
             {"rename", hive, "K", "L"},
             {"set-class", hive, "K", "c"},
             {"mkkey", hive, "New", "--dry-run"},
             {"import", hive, dir.file("in.reg")}}) {
        std::vector<std::string> withWait = args;
        withWait.insert(withWait.end(), {"--wait", "0"});
        r = hivectl(withWait);
        INFO("hivectl " << args.front());
        CHECK(r.exitCode == 5);
        CHECK(r.err == "hivectl: " + hive + " is locked by another writer, " + thisProcess() + "\n");
    }
    // Readers take no lock.
    CHECK(hivectl({"ls", hive, "K"}).exitCode == 0);
    CHECK(hivectl({"check", hive}).exitCode == 0);
    CHECK(readFile(hive) == before);
    std::filesystem::remove(dir.file("in.reg"));
    CHECK(allFilesIn(dir.path()) == filesBefore);  // no log written either
}

TEST_CASE("A writer waits (--wait) while the lock is held and writes as soon as it is released", "[cli][write][lock]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    auto lock = hivekit::HiveLock::acquire(hive, hivekit::LockKind::Exclusive);
    REQUIRE(lock);
    const auto started = std::chrono::steady_clock::now();
    ProcessResult waited;
    std::thread writer([&] { waited = hivectl({"set", hive, "", "v", "--type", "REG_SZ", "--data", "after"}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    lock->reset();
    writer.join();
    const auto took = std::chrono::steady_clock::now() - started;
    INFO(waited.err);
    CHECK(waited.exitCode == 0);  // the default wait (5 s) was enough
    CHECK(took >= std::chrono::milliseconds(600));
    CHECK(hivectl({"get", hive, "", "v"}).out == "after\n");
    requireClean(hive);
}

TEST_CASE("hivectl --wait takes seconds from 0 to 86400, and help documents it with exit status 5", "[cli][write][lock]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    for (const char* bad : {"soon", "-1", "86401", "1s", ""}) {
        auto r = hivectl({"mkkey", hive, "K", "--wait", bad});
        CHECK(r.exitCode == 2);
        CHECK(r.err == "hivectl: option --wait needs a number of seconds from 0 to 86400, not \"" + std::string(bad) +
                           "\" (see hivectl --help)\n");
    }
    auto missing = hivectl({"mkkey", hive, "K", "--wait"});
    CHECK(missing.exitCode == 2);
    // Help text is wrapped: compare with its lines joined.
    auto joined = [](std::string text) {
        std::replace(text.begin(), text.end(), '\n', ' ');
        return text;
    };
    for (const char* command : {"set", "mkkey", "delete-key", "import"}) {
        const std::string help = joined(hivectl({"help", command}).out);
        INFO(command);
        CHECK(help.find("--wait SECONDS") != std::string::npos);
        CHECK(help.find("5 HIVE is locked by another writer") != std::string::npos);
    }
    CHECK(joined(hivectl({"--help"}).out).find("5 another writer held HIVE's lock for all of --wait") != std::string::npos);
}

TEST_CASE("mkkey on an existing key, in any letter case, exits 1 and writes nothing, and -p accepts it", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "Software\\Vendor", "-p"});
    const std::vector<std::string> filesBefore = allFilesIn(dir.path());
    const std::vector<uint8_t> before = readFile(hive);
    auto r = hivectl({"mkkey", hive, "software\\VENDOR"});
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "hivectl: " + hive +
                       ": the key \"software\\VENDOR\" already exists (as \"Software\\Vendor\"); mkkey -p accepts an "
                       "existing key; nothing written\n");
    r = hivectl({"mkkey", hive, "Software\\Vendor", "--dry-run"});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + hive +
                       ": the key \"Software\\Vendor\" already exists; mkkey -p accepts an existing key; nothing "
                       "written\n");
    r = hivectl({"mkkey", hive, "SOFTWARE\\vendor", "-p"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "mkkey: nothing to change\n");
    CHECK(readFile(hive) == before);
    CHECK(allFilesIn(dir.path()) == filesBefore);
    CHECK(hivectl({"help", "mkkey"}).out.find("A key that exists already (in any letter case) is\nrefused (exit 1), "
                                              "unless -p is given.") != std::string::npos);
}

TEST_CASE("a write command refuses a hive whose structure check finds errors, with exit 1 and nothing written", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "Software"});
    damageRootMaxNameField(hive);
    const std::string found = structureErrors(hive);
    CHECK(found.rfind("the structure check finds 1 error, the first at 0x", 0) == 0);
    CHECK(found.find(": largest subkey name length field is 0, but the subkey at ") != std::string::npos);
    const std::string reg = dir.file("one.reg");
    {
        std::ofstream out(reg);
        out << "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\W\\Imported]\n";
    }
    const std::vector<uint8_t> before = readFile(hive);
    const std::vector<uint8_t> logBefore = readFile(hive + ".LOG1");
    const std::vector<std::string> filesBefore = allFilesIn(dir.path());
    const std::string refusal = "hivectl: " + hive + ": " + found +
                                "; nothing written (hivectl check lists every error; --force commits anyway)\n";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"set", hive, "Software", "v", "--type", "REG_DWORD", "--data", "1"},
             {"mkkey", hive, "Other"},
             {"delete-key", hive, "Software"},
             {"rename", hive, "Software", "Renamed"},
             {"set-class", hive, "Software", "c"},
             {"mkkey", hive, "Other", "--dry-run"}}) {
        INFO("hivectl " << args.front() << (args.back() == "--dry-run" ? " --dry-run" : ""));
        auto r = hivectl(args);
        CHECK(r.exitCode == 1);
        CHECK(r.out.empty());
        CHECK(r.err == refusal);
    }
    auto r = hivectl({"import", hive, reg});
    CHECK(r.exitCode == 1);
    CHECK(r.err == refusal);
    // A plan refused for itself is still refused for itself first.
    r = hivectl({"delete-value", hive, "Software", "missing"});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("has no value") != std::string::npos);
    CHECK(readFile(hive) == before);
    CHECK(readFile(hive + ".LOG1") == logBefore);
    CHECK(allFilesIn(dir.path()) == filesBefore);
}

TEST_CASE("hivectl --force commits to a hive whose structure check finds errors and says so", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "Software"});
    damageRootMaxNameField(hive);
    const std::string found = structureErrors(hive);
    auto r = hivectl({"set", hive, "Software", "v", "--type", "REG_DWORD", "--data", "7", "--force"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err == "hivectl: " + hive + ": " + found + "; committing anyway (--force)\n");
    CHECK(r.out.find("set: 1 edit committed (hybrid): ") == 0);
    CHECK(valueLine(hive, "Software", "v") == "4 07000000");
    const std::string reg = dir.file("one.reg");
    {
        std::ofstream out(reg);
        out << "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\W\\Imported]\n";
    }
    r = hivectl({"import", hive, reg, "--force"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    // A sound hive says nothing of the check, with or without --force.
    const std::string sound = newHive(dir, "sound.hiv");
    r = hivectl({"mkkey", sound, "K", "--force"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
}

TEST_CASE("a write command commits beside damage in a key it does not touch, which check still reports", "[cli][write]") {
    TempDir dir;
    const std::string hive = newHive(dir);
    ok({"mkkey", hive, "Near"});
    ok({"set", hive, "Far", "v", "--type", "REG_BINARY", "--data", "01 02 03 04 05 06", "-p"});
    {
        // Far's largest-value-data field set to 0: one error (Checker K5)
        // in a key that an edit of Near neither reads nor writes.
        auto opened = hivekit::Hive::open(hive);
        REQUIRE(opened);
        auto far = hivekit::Index(**opened).findKey("Far");
        REQUIRE(far);
        std::vector<uint8_t> bytes = readFile(hive);
        const size_t field = hivekit::layout::kBaseBlockSize + *far + 4 + hivekit::layout::nk::MaxValueData;
        std::fill(bytes.begin() + static_cast<ptrdiff_t>(field), bytes.begin() + static_cast<ptrdiff_t>(field + 4), 0);
        opened->reset();
        writeFile(hive, bytes);
    }
    const std::string found = structureErrors(hive);
    CHECK(found.rfind("the structure check finds 1 error, the first at 0x", 0) == 0);
    auto r = hivectl({"set", hive, "Near", "w", "--type", "REG_DWORD", "--data", "5"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(valueLine(hive, "Near", "w") == "4 05000000");
    // Touching Far is refused as before, with the same message.
    r = hivectl({"set", hive, "Far", "w", "--type", "REG_DWORD", "--data", "5"});
    CHECK(r.exitCode == 1);
    CHECK(r.err == "hivectl: " + hive + ": " + found +
                       "; nothing written (hivectl check lists every error; --force commits anyway)\n");
    CHECK(structureErrors(hive) == found);
}

TEST_CASE("hivectl help documents --force and the refusal of a damaged hive for every write command", "[cli][write]") {
    auto overview = hivectl({"help"});
    REQUIRE(overview.exitCode == 0);
    CHECK(overview.out.find("  --force      write commands: commit even when the hive's structure check finds\n") !=
          std::string::npos);
    for (const char* command : {"mkkey", "delete-key", "set", "delete-value", "rename", "set-class", "import"}) {
        INFO(command);
        auto r = hivectl({"help", command});
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find("  --force       commit even when the structure check finds errors in HIVE\n") !=
              std::string::npos);
        CHECK(r.out.find("anything written when the structure check of what the edits touch (the keys\n"
                         "on their paths with their lists and values, the hbins written; hivectl check\n"
                         "checks the whole hive) finds errors in HIVE, unless --force") != std::string::npos);
    }
}
