// hivectl diff: the text, JSON and .reg forms of a comparison, its exit
// status, and the proof that the .reg it writes turns A into B (applied with
// hivectl import to a copy of A, the dump equals B's, timestamps and the
// order of values in a key aside, and
// a second diff finds nothing). The value differences are cross-checked with
// libhivex (python3-hivex), which shares no code with HiveKit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "CliTestSupport.h"
#include "support/TestSupport.h"

using namespace testsupport;
using clitest::contains;

namespace {

ProcessResult ok(const std::vector<std::string>& args) {
    ProcessResult r = hivectl(args);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return r;
}

/// A copy of NTUSER1.DAT edited by set, delete-value, delete-key, mkkey and
/// import (a .reg with a binary value, a REG_MULTI_SZ, a REG_QWORD and names
/// holding quotes and backslashes).
std::string editedCopy(const TempDir& dir, const std::string& name) {
    const std::string edited = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file(name));
    ok({"set", edited, "Control Panel\\Desktop", "WallpaperStyle", "--type", "REG_SZ", "--data", "2"});
    ok({"set", edited, "Control Panel\\Desktop", "DragHeight", "--type", "REG_DWORD", "--data", "4"});
    ok({"delete-value", edited, "Control Panel\\Desktop", "ScreenSaveActive"});
    ok({"delete-key", edited, "Printers", "-r"});
    ok({"mkkey", edited, "Software\\Empty"});
    const std::string reg = dir.file(name + ".reg");
    const std::string text =
        "Windows Registry Editor Version 5.00\r\n\r\n"
        "[HKEY_LOCAL_MACHINE\\HIVE\\Software\\HiveKit Diff]\r\n"
        "@=\"default \\\"quoted\\\"\"\r\n"
        "\"bin\"=hex:00,01,02,ff\r\n"
        "\"multi\"=hex(7):61,00,00,00,62,00,00,00,00,00\r\n"
        "\"q\"=hex(b):01,02,03,04,05,06,07,08\r\n"
        "\"back\\\\slash\"=dword:00000010\r\n"
        "\r\n"
        "[HKEY_LOCAL_MACHINE\\HIVE\\Software\\HiveKit Diff\\Child\\Grandchild]\r\n"
        "\"x\"=\"y\"\r\n";
    writeFile(reg, std::vector<uint8_t>(text.begin(), text.end()));
    ok({"import", edited, reg});
    return edited;
}

/// The dump with key times blanked and each key's value lines sorted: what
/// an import cannot carry over. (A .reg file cannot place a value in a
/// key's value list: import appends a new value at its end, where the other
/// hive may hold it earlier; Windows gives the order no meaning.)
std::string canonicalDump(const std::vector<std::string>& args) {
    const std::string dump = blankKeyTimes(ok(args).out);
    std::string out;
    std::vector<std::string> values;
    auto flushValues = [&] {
        std::sort(values.begin(), values.end());
        for (const std::string& v : values) out += v + "\n";
        values.clear();
    };
    size_t start = 0;
    while (start < dump.size()) {
        size_t end = dump.find('\n', start);
        if (end == std::string::npos) end = dump.size();
        std::string line = dump.substr(start, end - start);
        if (line.starts_with("V\t")) {
            values.push_back(std::move(line));
        } else {
            flushValues();
            out += line + "\n";
        }
        start = end + 1;
    }
    flushValues();
    return out;
}

/// THE proof: diff --reg A B applied to a copy of A gives B.
/// `recreatedSecurity`: the path of the keys B has and A lacks, when their
/// security descriptors are not those import gives a new key.
void checkRegTurnsAIntoB(const TempDir& dir, const std::string& a, const std::string& b,
                         const std::vector<std::string>& aOptions, const char* recreatedSecurity = nullptr) {
    const std::string reg = dir.file("a-to-b.reg");
    std::vector<std::string> diff = {"diff", a, b, "--reg", "-o", reg};
    diff.insert(diff.end(), aOptions.begin(), aOptions.end());
    const ProcessResult made = hivectl(diff);
    INFO(made.err);
    REQUIRE(made.exitCode == 1);  // they differ
    CHECK(made.err.empty());      // nothing left out
    const std::string copy = copyFile(a, dir.file("a-copy"));
    std::vector<std::string> import = {"import", copy, reg};
    import.insert(import.end(), aOptions.begin(), aOptions.end());
    ok(import);
    CHECK(canonicalDump({"dump", copy}) == canonicalDump({"dump", b}));
    const ProcessResult again = hivectl({"diff", copy, b, "--ignore-times"});
    INFO(again.err);
    if (!recreatedSecurity) {
        CHECK(again.exitCode == 0);
        CHECK(again.out.empty());
        return;
    }
    // Keys the .reg created get the security a new key gets; a .reg file
    // cannot carry B's descriptor. That, on those keys, is all that is left.
    CHECK(again.exitCode == 1);
    size_t start = 0;
    while (start < again.out.size()) {
        const size_t end = again.out.find('\n', start);
        const std::string line = again.out.substr(start, end - start);
        INFO(line);
        CHECK(line.starts_with("~ key\t" + std::string(recreatedSecurity)));
        CHECK(contains(line, "\tsecurity descriptor changed ("));
        start = end + 1;
    }
}

/// The hive recovered from a dirty corpus hive's logs, written by recover.
std::string recovered(const TempDir& dir, const std::string& corpusName) {
    const std::string out = dir.file("recovered");
    ok({"recover", hivePath(corpusName), out});
    return out;
}

}  // namespace

TEST_CASE("diff of a hive with itself prints nothing and exits 0", "[cli][diff]") {
    const std::string hive = hivePath("ez/NTUSER1.DAT");
    const ProcessResult r = hivectl({"diff", hive, hive});
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("diff prints one line per difference with its marker and old and new data and exits 1", "[cli][diff]") {
    TempDir dir;
    const std::string a = hivePath("ez/NTUSER1.DAT");
    const std::string b = editedCopy(dir, "b.DAT");
    const ProcessResult r = hivectl({"diff", a, b, "--ignore-times"});
    INFO(r.err);
    CHECK(r.exitCode == 1);
    CHECK(r.out ==
          "~ value\tControl Panel\\Desktop\tDragHeight\t(REG_SZ) 4 -> (REG_DWORD) 0x00000004 (4)\n"
          "- value\tControl Panel\\Desktop\tScreenSaveActive\t(REG_SZ) 1\n"
          "~ value\tControl Panel\\Desktop\tWallpaperStyle\t(REG_SZ) 10 -> (REG_SZ) 2\n"
          "- key\tPrinters\n"
          "+ key\tSoftware\\Empty\n"
          "+ key\tSoftware\\HiveKit Diff\n");
    SECTION("with -r every key and value below an added or removed key") {
        const ProcessResult all = hivectl({"diff", a, b, "--ignore-times", "-r"});
        CHECK(all.exitCode == 1);
        CHECK(contains(all.out, "+ value\tSoftware\\HiveKit Diff\tback\\\\slash\t(REG_DWORD) 0x00000010 (16)\n"));
        CHECK(contains(all.out, "+ value\tSoftware\\HiveKit Diff\t(Default)\t(REG_SZ) default \"quoted\"\n"));
        CHECK(contains(all.out, "+ value\tSoftware\\HiveKit Diff\tmulti\t(REG_MULTI_SZ) a\\nb\n"));
        CHECK(contains(all.out, "+ key\tSoftware\\HiveKit Diff\\Child\\Grandchild\n"));
        CHECK(contains(all.out, "- key\tPrinters\\"));
    }
    SECTION("and without --ignore-times the last-write times of the keys the edits wrote") {
        const ProcessResult timed = hivectl({"diff", a, b});
        CHECK(timed.exitCode == 1);
        CHECK(contains(timed.out, "~ key\tControl Panel\\Desktop\tlast write 2013-08-22 14:45:16.5434104 UTC -> "));
        CHECK(contains(timed.out, "~ key\t(root)\tlast write "));
    }
}

TEST_CASE("diff --json writes one object per difference with old and new type and data", "[cli][diff]") {
    TempDir dir;
    const std::string a = hivePath("ez/NTUSER1.DAT");
    const std::string b = editedCopy(dir, "b.DAT");
    const ProcessResult r = hivectl({"diff", a, b, "--ignore-times", "--json"});
    CHECK(r.exitCode == 1);
    writeFile(dir.file("out.jsonl"), std::vector<uint8_t>(r.out.begin(), r.out.end()));
    // python's json module reads each line on its own.
    const ProcessResult parsed = run(
        {"/usr/bin/python3", "-c",
         "import json,sys\n"
         "rows=[json.loads(l) for l in open(sys.argv[1])]\n"
         "print(len(rows))\n"
         "c=[r for r in rows if r.get('name')=='DragHeight'][0]\n"
         "print(c['change'], c['path'], c['old']['typeName'], c['old']['text'], c['new']['typeName'], c['new']['number'])\n"
         "k=[r for r in rows if r['change']=='key removed'][0]\n"
         "print(k['path'], 'new' in k, k['old']['className'])\n",
         dir.file("out.jsonl")});
    INFO(parsed.err);
    CHECK(parsed.out == "6\nvalue changed Control Panel\\Desktop REG_SZ 4 REG_DWORD 4\nPrinters False None\n");
}

TEST_CASE("diff --reg applied with import turns a hivectl-edited copy's original into the copy", "[cli][diff]") {
    TempDir dir;
    const std::string a = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("a.DAT"));
    const std::string b = editedCopy(dir, "b.DAT");
    checkRegTurnsAIntoB(dir, a, b, {});
    SECTION("and the other way round, B back into A") {
        checkRegTurnsAIntoB(dir, b, a, {}, "Printers");
    }
}

TEST_CASE("diff --reg turns a dirty corpus hive's primary file into its state with the logs replayed", "[cli][diff]") {
    // regipy/UsrClass.dat: its logs add keys and values and change data.
    TempDir dir;
    const std::string primary = copyFile(hivePath("regipy/UsrClass.dat"), dir.file("UsrClass.dat"));
    const std::string clean = recovered(dir, "regipy/UsrClass.dat");
    const ProcessResult summary = hivectl({"diff", "--no-logs", primary, clean, "--ignore-times"});
    CHECK(summary.exitCode == 1);
    CHECK(contains(summary.out, "+ key\t"));
    CHECK(contains(summary.out, "+ value\t"));
    CHECK(contains(summary.out, "~ value\t"));
    checkRegTurnsAIntoB(dir, primary, clean, {"--no-logs"});
}

TEST_CASE("The values diff finds changed between a dirty hive and its recovered state are those libhivex finds",
          "[cli][diff][oracle]") {
    TempDir dir;
    const std::string primary = hivePath("regipy/UsrClass.dat");
    const std::string clean = recovered(dir, "regipy/UsrClass.dat");
    const ProcessResult ours = hivectl({"diff", "--no-logs", primary, clean, "--json", "-r", "--ignore-times"});
    REQUIRE(ours.exitCode == 1);
    writeFile(dir.file("ours.jsonl"), std::vector<uint8_t>(ours.out.begin(), ours.out.end()));
    // libhivex reads the primary file as it is (it replays no log) and the
    // recovered one; each value is keyed by its key's path and its name,
    // upper-cased, and compared by type and data.
    const ProcessResult compared = run(
        {"/usr/bin/python3", "-c",
         "import hivex,json,sys\n"
         "def values(path):\n"
         "    h=hivex.Hivex(path); out={}; stack=[(h.root(),'')]\n"
         "    while stack:\n"
         "        k,p=stack.pop()\n"
         "        for v in h.node_values(k):\n"
         "            out[(p.upper(),h.value_key(v).upper())]=h.value_value(v)\n"
         "        for c in h.node_children(k):\n"
         "            n=h.node_name(c); stack.append((c, n if p=='' else p+'\\\\'+n))\n"
         "    return out\n"
         "a=values(sys.argv[1]); b=values(sys.argv[2])\n"
         "theirs={k for k in a.keys()|b.keys() if a.get(k)!=b.get(k)}\n"
         "ours={(r['path'].upper(),r['name'].upper()) for r in map(json.loads,open(sys.argv[3])) if 'name' in r}\n"
         "print(len(theirs), theirs==ours, sorted(theirs^ours)[:5])\n",
         primary, clean, dir.file("ours.jsonl")});
    INFO(compared.err);
    REQUIRE(compared.exitCode == 0);
    CHECK(contains(compared.out, " True []\n"));
    CHECK_FALSE(compared.out.starts_with("0 "));
}

TEST_CASE("diff -o writes the differences to a file and nothing to standard output", "[cli][diff]") {
    TempDir dir;
    const std::string a = hivePath("ez/NTUSER1.DAT");
    const std::string b = editedCopy(dir, "b.DAT");
    const ProcessResult r = hivectl({"diff", a, b, "--ignore-times", "-o", dir.file("out.txt")});
    CHECK(r.exitCode == 1);
    CHECK(r.out.empty());
    CHECK(readText(dir.file("out.txt")) == hivectl({"diff", a, b, "--ignore-times"}).out);
}

TEST_CASE("diff refuses a missing hive, a second format and a bad root name with their exit statuses",
          "[cli][diff]") {
    TempDir dir;
    const std::string hive = hivePath("ez/NTUSER1.DAT");
    const ProcessResult oneHive = hivectl({"diff", hive});
    CHECK(oneHive.exitCode == 2);
    CHECK(oneHive.err == "hivectl: diff: missing B (usage: hivectl diff A B; see hivectl help diff)\n");
    const ProcessResult both = hivectl({"diff", hive, hive, "--json", "--reg"});
    CHECK(both.exitCode == 2);
    CHECK(both.err == "hivectl: diff: --json and --reg cannot be combined\n");
    const ProcessResult badRoot = hivectl({"diff", hive, hive, "--reg", "--root", "a]b"});
    CHECK(badRoot.exitCode == 2);
    CHECK(contains(badRoot.err, "root name \"a]b\" cannot begin key lines"));
    const ProcessResult missing = hivectl({"diff", hive, dir.file("missing")});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err == "hivectl: " + dir.file("missing") + ": no such file\n");
    const ProcessResult notAHive = hivectl({"diff", hivePath("ez/NotAHive"), hive});
    CHECK(notAHive.exitCode == 3);
}

TEST_CASE("diff of a damaged hive reports what it cannot read, claims nothing missing from it and exits 3",
          "[cli][diff]") {
    // ez/SAMBadHBinHeader: ez/SAM with the hbin at 0x2000 damaged.
    const std::string sound = hivePath("ez/SAM");
    const std::string damaged = hivePath("ez/SAMBadHBinHeader");
    const ProcessResult r = hivectl({"diff", sound, damaged, "--ignore-times"});
    CHECK(r.exitCode == 3);
    CHECK(contains(r.err, "hivectl: error [0x2918]: B: value list: cell at 0x2918 lies in the damaged hbin at 0x2000\n"));
    // The key SAM's value list lies in the damaged bin: its values are not
    // claimed removed.
    CHECK_FALSE(contains(r.out, "- value\tSAM\t"));
}

TEST_CASE("diff is listed among the read commands and its help gives its exit status", "[cli][diff]") {
    const std::string overview = hivectl({"--help"}).out;
    CHECK(overview.find("\n  diff A B ") < overview.find("\nWrite commands:\n"));
    const ProcessResult help = hivectl({"help", "diff"});
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "Usage: hivectl diff A B"));
    CHECK(contains(help.out, "Exit status, as diff(1)'s: 0 the hives are the same, 1 they differ"));
    for (const char* option : {"--json", "--reg", "--ignore-times", "-o FILE", "--root NAME", "--no-logs"}) {
        INFO(option);
        CHECK(contains(help.out, option));
    }
}
