// Shellbags and ComDlg32 MRUs against RegRipper 3.0 (Debian's regripper), an
// independent decoder of shell items: the same hive, the same facts (which
// entries, in what MRU order, names, times, MFT references). RegRipper and
// HiveKit name some items differently (RegRipper's "CLSID_Desktop" is
// HiveKit's "Desktop", its "Explorer" is the removable drive "D:\" that the
// item holds), and RegRipper reads names as Latin-1 where HiveKit reads the
// UTF-16 long name: the tests compare what both state the same way.
//
// Built without libfwsi (HIVEKIT_WITH_LIBFWSI=OFF), HiveKit still walks the
// same keys and gives the same rows, each with the "need libfwsi" note and
// no decoded names: the tests check that instead of the names.
#include <catch2/catch.hpp>

#include <ctime>
#include <map>
#include <regex>
#include <sstream>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/ShellItems.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// One decoder's table on a hive as it is on disk (RegRipper does not
/// replay transaction logs, so neither do we here).
ArtefactTable tableOf(const std::string& path, std::string_view decoder) {
    OpenOptions options;
    options.useLogs = false;
    auto hive = Hive::open(path, options);
    REQUIRE(hive);
    DecodeContext context(**hive, detectHiveKind(**hive));
    const Decoder* d = findDecoder(decoder);
    REQUIRE(d);
    ArtefactTable table = runDecoder(*d, context);
    REQUIRE(table.error.empty());
    return table;
}

size_t column(const ArtefactTable& table, std::string_view name) {
    for (size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].name == name) return i;
    FAIL("no column " << name);
    return 0;
}

std::string text(const Field& f) { return std::holds_alternative<std::string>(f) ? std::get<std::string>(f) : ""; }
int64_t integer(const Field& f) { return std::holds_alternative<int64_t>(f) ? std::get<int64_t>(f) : -1; }

/// A time as RegRipper's shellbags and getDateFromEpoch write it:
/// "2018-03-27 09:22:46" (UTC), or "".
std::string rrTime(const Field& f) {
    if (!std::holds_alternative<FileTime>(f)) return "";
    std::string iso = isoTime(std::get<FileTime>(f)).substr(0, 19);
    iso[10] = ' ';
    return iso;
}

/// A time as Perl's gmtime writes it: "Mon Mar  7 15:25:52 2022".
std::string perlTime(const Field& f) {
    if (!std::holds_alternative<FileTime>(f)) return "";
    const std::time_t t = static_cast<std::time_t>(std::get<FileTime>(f).ticks / 10'000'000 - 11'644'473'600LL);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
    return buf;
}

std::string lastComponent(const std::string& path) {
    std::string p = path;
    if (p.size() > 1 && p.back() == '\\') p.pop_back();
    const size_t slash = p.rfind('\\');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

/// A name RegRipper gives a known folder ("CLSID_Desktop", a bare GUID)
/// where HiveKit gives the folder's name ("Desktop").
bool knownFolderName(const std::string& s) { return s.starts_with("CLSID_") || s.starts_with("{"); }

bool ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

/// CSV text (no quoted fields) with column `index` of every row but the
/// header replaced by "T" when it holds a time, "?" when it does not.
std::string blankColumn(const std::string& csv, size_t index) {
    std::string out;
    size_t start = 0;
    for (bool header = true; start < csv.size(); header = false) {
        size_t end = csv.find("\r\n", start);
        if (end == std::string::npos) end = csv.size();
        std::vector<std::string> fields;
        std::stringstream line(csv.substr(start, end - start));
        for (std::string f; std::getline(line, f, ',');) fields.push_back(f);
        if (csv.compare(end - 1, 1, ",") == 0) fields.push_back("");  // an empty last field
        if (!header && index < fields.size())
            fields[index] = std::regex_match(fields[index], std::regex("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z")) ? "T" : "?";
        for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
        out += "\r\n";
        start = end + 2;
    }
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

/// One line of RegRipper's shellbags report.
struct RrBag {
    std::string mruTime, modified, accessed, created, mft, resource;
};

/// RegRipper's shellbags rows by BagMRU position ("4\3\0" for the value 0
/// of BagMRU\4\3).
std::map<std::string, RrBag> regripperBags(const std::string& hive) {
    // "MRU Time |Modified | Accessed | Created | Zip_Subfolder | MFT File Ref |Resource [Desktop\4\3\0\]"
    const std::regex row(
        R"(^(.{20}) \|(.{20}) \| (.{20}) \| (.{20}) \| .{20} \| (.{12}) \|(.*) \[Desktop\\(.*)\\\]$)");
    auto trim = [](std::string s) {
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    };
    std::map<std::string, RrBag> out;
    for (const std::string& line : lines(regripper(hive, "shellbags"))) {
        std::smatch m;
        if (!std::regex_match(line, m, row)) continue;
        out[m[7].str()] = {trim(m[1]), trim(m[2]), trim(m[3]), trim(m[4]), trim(m[5]), m[6].str()};
    }
    return out;
}

/// Our row's BagMRU position: the key path below BagMRU, then the value name.
std::string positionOf(const Row& row) {
    const std::string marker = "BagMRU";
    const size_t at = row.source.keyPath.find(marker);
    std::string below = row.source.keyPath.substr(at + marker.size());
    if (!below.empty() && below[0] == '\\') below.erase(0, 1);
    return below.empty() ? row.source.valueName : below + "\\" + row.source.valueName;
}

void compareShellbags(const std::string& hive) {
    const std::map<std::string, RrBag> theirs = regripperBags(hive);
    REQUIRE(!theirs.empty());
    const ArtefactTable ours = tableOf(hive, "shellbags");
    const size_t path = column(ours, "Path"), type = column(ours, "Item type"), mru = column(ours, "MRU position"),
                 written = column(ours, "Last write"), modified = column(ours, "Modified"),
                 accessed = column(ours, "Accessed"), created = column(ours, "Created"),
                 entry = column(ours, "MFT entry"), sequence = column(ours, "MFT sequence");
    std::map<std::string, const Row*> byPosition;
    for (const Row& row : ours.rows) byPosition[positionOf(row)] = &row;
    // The same entries: every BagMRU value RegRipper reports, and no other.
    std::vector<std::string> theirPositions, ourPositions;
    for (const auto& [position, bag] : theirs) theirPositions.push_back(position);
    for (const auto& [position, row] : byPosition) ourPositions.push_back(position);
    CHECK(ourPositions == theirPositions);

    for (const auto& [position, bag] : theirs) {
        auto found = byPosition.find(position);
        if (found == byPosition.end()) continue;
        const Row& row = *found->second;
        INFO("BagMRU position " << position << ": RegRipper says " << bag.resource);
        // RegRipper gives the key's time to the entry first in MRUListEx.
        CHECK((integer(row.fields[mru]) == 0) == !bag.mruTime.empty());
        if (!bag.mruTime.empty()) CHECK(rrTime(row.fields[written]) == bag.mruTime);
        if (!shellItemsAvailable()) {
            CHECK(row.note == kNeedLibfwsi);
            CHECK(std::holds_alternative<std::monostate>(row.fields[path]));
            continue;
        }
        CHECK(row.note.empty());
        // The times and MFT references RegRipper reads are ours too (we
        // also read them from delegate items, where RegRipper does not).
        if (!bag.modified.empty()) CHECK(rrTime(row.fields[modified]) == bag.modified);
        if (!bag.accessed.empty()) CHECK(rrTime(row.fields[accessed]) == bag.accessed);
        if (!bag.created.empty()) CHECK(rrTime(row.fields[created]) == bag.created);
        if (!bag.mft.empty())
            CHECK(std::to_string(integer(row.fields[entry])) + "/" + std::to_string(integer(row.fields[sequence])) ==
                  bag.mft);
        // File entries and drives are named alike.
        const std::string itemType = text(row.fields[type]);
        if (itemType.find("file entry") != std::string::npos || itemType == "volume")
            CHECK(lastComponent(text(row.fields[path])) == lastComponent(bag.resource));
    }
}

}  // namespace

TEST_CASE("Shellbag entries MRU times item times and MFT references agree with RegRipper's shellbags",
          "[artefacts]") {
    // Windows 10: root folders, drives, directories, delegate items, a
    // removable drive and control panel items (29 entries).
    compareShellbags(hivePath("regipy/UsrClass.dat"));
}

TEST_CASE("Shellbags of a hive with deleted bags agree with RegRipper's shellbags", "[artefacts]") {
    // Windows 7 (extension version 8). BagMRU\0\0 names a subkey "1" that
    // was deleted: RegRipper stops there with an error after 4 rows, we
    // give the entry's row and go on (the deleted key's bags are not live data).
    const std::string hive = hivePath("ez/UsrClassDeletedBags.dat");
    compareShellbags(hive);
    const ArtefactTable ours = tableOf(hive, "shellbags");
    CHECK(ours.rows.size() == 4);
}

TEST_CASE("LastVisitedPidlMRU programs and folders agree with RegRipper's comdlg32", "[artefacts]") {
    const std::string hive = hivePath("regipy/NTUSER_with_winscp.DAT");
    const std::string theirs = regripper(hive, "comdlg32");
    const ArtefactTable ours = tableOf(hive, "comdlg32");
    const size_t list = column(ours, "List"), program = column(ours, "Program"), path = column(ours, "Path"),
                 mru = column(ours, "MRU position"), written = column(ours, "Last write");

    // RegRipper prints LastVisitedPidlMRU, then LastVisitedPidlMRULegacy
    // under the same heading, each as "  program - path" in MRUListEx order.
    std::vector<std::pair<std::string, std::string>> theirEntries;
    std::vector<std::string> theirTimes;
    bool inList = false;
    size_t inThisList = 0;
    for (const std::string& line : lines(theirs)) {
        std::smatch m;
        if (line == "LastVisitedPidlMRU") {
            inList = true;
            inThisList = 0;
        } else if (inList && std::regex_match(line, m, std::regex("LastWrite time: (.*)Z"))) {
            theirTimes.push_back(m[1]);
        } else if (inList && std::regex_match(line, m, std::regex("  (\\S+) - (.*)"))) {
            theirEntries.emplace_back(m[1], m[2]);
            ++inThisList;
        } else if (line.empty() && inThisList > 0) {
            inList = false;
        }
    }
    std::vector<const Row*> ourEntries;
    for (const char* name : {"LastVisitedPidlMRU", "LastVisitedPidlMRULegacy"})
        for (const Row& row : ours.rows)
            if (text(row.fields[list]) == name) ourEntries.push_back(&row);
    REQUIRE(theirEntries.size() == 13);  // 12 in LastVisitedPidlMRU, 1 in the Legacy key
    REQUIRE(ourEntries.size() == theirEntries.size());
    REQUIRE(theirTimes.size() == 2);
    CHECK(rrTime(ourEntries.front()->fields[written]) == theirTimes[0]);
    CHECK(rrTime(ourEntries.back()->fields[written]) == theirTimes[1]);
    for (size_t i = 0; i < theirEntries.size(); ++i) {
        const Row& row = *ourEntries[i];
        INFO("entry " << i << ": RegRipper says " << theirEntries[i].first << " - " << theirEntries[i].second);
        CHECK(text(row.fields[program]) == theirEntries[i].first);
        CHECK(integer(row.fields[mru]) == static_cast<int64_t>(i < 12 ? i : i - 12));
        if (!shellItemsAvailable()) {
            CHECK(row.note == kNeedLibfwsi);
            continue;
        }
        CHECK(row.note.empty());
        const std::string theirLast = lastComponent(theirEntries[i].second);
        if (ascii(theirLast) && !knownFolderName(theirLast))
            CHECK(lastComponent(text(row.fields[path])) == theirLast);
    }
}

TEST_CASE("OpenSavePidlMRU files per extension agree with RegRipper's comdlg32", "[artefacts]") {
    const std::string hive = hivePath("regipy/NTUSER_with_winscp.DAT");
    const std::string theirs = regripper(hive, "comdlg32");
    const ArtefactTable ours = tableOf(hive, "comdlg32");
    const size_t list = column(ours, "List"), extension = column(ours, "Extension"), path = column(ours, "Path"),
                 mru = column(ours, "MRU position"), written = column(ours, "Last write");

    // "OpenSavePidlMRU\png", "LastWrite Time: Mon May 23 09:54:54 2022",
    // then "  path" per entry in MRUListEx order.
    struct Extension {
        std::string time;
        std::vector<std::string> paths;
    };
    std::map<std::string, Extension> theirExtensions;
    std::string current;
    for (const std::string& line : lines(theirs)) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("OpenSavePidlMRU\\\\(.+)")))
            current = m[1];
        else if (!current.empty() && std::regex_match(line, m, std::regex("LastWrite Time: (.*)")))
            theirExtensions[current].time = m[1];
        else if (!current.empty() && std::regex_match(line, m, std::regex("  (.+)")))
            theirExtensions[current].paths.push_back(m[1]);
        else if (line.empty() && !current.empty() && !theirExtensions[current].paths.empty())
            current.clear();
    }
    REQUIRE(theirExtensions.size() == 14);

    std::map<std::string, std::vector<const Row*>> ourExtensions;
    for (const Row& row : ours.rows)
        if (text(row.fields[list]) == "OpenSavePidlMRU") ourExtensions[text(row.fields[extension])].push_back(&row);
    REQUIRE(ourExtensions.size() == theirExtensions.size());
    size_t compared = 0;
    for (const auto& [name, theirsFor] : theirExtensions) {
        INFO("OpenSavePidlMRU\\" << name);
        const auto& oursFor = ourExtensions[name];
        REQUIRE(oursFor.size() == theirsFor.paths.size());
        CHECK(perlTime(oursFor.front()->fields[written]) == theirsFor.time);
        for (size_t i = 0; i < oursFor.size(); ++i) {
            CHECK(integer(oursFor[i]->fields[mru]) == static_cast<int64_t>(i));
            if (!shellItemsAvailable()) {
                CHECK(oursFor[i]->note == kNeedLibfwsi);
                continue;
            }
            const std::string theirLast = lastComponent(theirsFor.paths[i]);
            // RegRipper cannot read some items ("Unknown Type (0x36)", a
            // Unicode file name) and reads Unicode names as Latin-1.
            if (!ascii(theirLast) || theirLast.starts_with("Unknown Type")) continue;
            CHECK(lastComponent(text(oursFor[i]->fields[path])) == theirLast);
            ++compared;
        }
    }
    if (shellItemsAvailable()) CHECK(compared == 54);  // 56 entries, 2 that RegRipper cannot read
}

TEST_CASE("Windows XP OpenSaveMRU and LastVisitedMRU strings agree with RegRipper's comdlg32", "[artefacts]") {
    // No hive of the corpus is from Windows XP: this one is built here with
    // hivectl, with values as XP writes them (OpenSaveMRU: REG_SZ paths named
    // a, b, ... and an MRUList string, most recent first; LastVisitedMRU:
    // REG_BINARY, the program's UTF-16LE name and NUL, then the folder's
    // UTF-16LE path and NUL). RegRipper reads the same hive.
    TempDir dir;
    const std::string hive = dir.file("NTUSER.DAT");
    auto ok = [](const ProcessResult& r) {
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
    };
    const std::string root = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\ComDlg32";
    ok(hivectl({"new-hive", hive}));
    ok(hivectl({"mkkey", hive, "Control Panel"}));
    ok(hivectl({"set", hive, root + "\\OpenSaveMRU\\txt", "a", "--type", "REG_SZ", "--data",
                "C:\\Documents and Settings\\alice\\My Documents\\notes.txt", "-p"}));
    ok(hivectl({"set", hive, root + "\\OpenSaveMRU\\txt", "b", "--type", "REG_SZ", "--data",
                "C:\\Documents and Settings\\alice\\Desktop\\todo.txt"}));
    ok(hivectl({"set", hive, root + "\\OpenSaveMRU\\txt", "MRUList", "--type", "REG_SZ", "--data", "ba"}));
    std::vector<uint8_t> lastVisited;
    auto utf16 = [&](const std::string& s) {
        for (char c : s) lastVisited.insert(lastVisited.end(), {static_cast<uint8_t>(c), 0});
        lastVisited.insert(lastVisited.end(), {0, 0});
    };
    utf16("notepad.exe");
    utf16("C:\\Documents and Settings\\alice\\Desktop");
    std::string hex;
    for (uint8_t b : lastVisited) {
        char two[4];
        std::snprintf(two, sizeof two, "%02x ", b);
        hex += two;
    }
    ok(hivectl({"set", hive, root + "\\LastVisitedMRU", "a", "--type", "REG_BINARY", "--data", hex, "-p"}));
    ok(hivectl({"set", hive, root + "\\LastVisitedMRU", "MRUList", "--type", "REG_SZ", "--data", "a"}));

    const std::string theirs = regripper(hive, "comdlg32");
    INFO(theirs);
    // "  b -> C:\...\todo.txt", "  a -> EXE: notepad.exe", "    -> Last Dir: C:\...".
    CHECK(theirs.find("  MRUList = ba") != std::string::npos);
    CHECK(theirs.find("  b -> C:\\Documents and Settings\\alice\\Desktop\\todo.txt") != std::string::npos);
    CHECK(theirs.find("  a -> C:\\Documents and Settings\\alice\\My Documents\\notes.txt") != std::string::npos);
    CHECK(theirs.find("  a -> EXE: notepad.exe") != std::string::npos);
    CHECK(theirs.find("    -> Last Dir: C:\\Documents and Settings\\alice\\Desktop") != std::string::npos);

    ProcessResult ours = hivectl({"artefacts", hive, "comdlg32", "--csv"});
    REQUIRE(ours.exitCode == 0);
    // Plain strings need no shell items: the same with and without libfwsi.
    const std::regex time("\\d{4}-\\d\\d-\\d\\dT[^,]*Z");
    CHECK(std::regex_replace(ours.out, time, "T") ==
          "List,Extension,Program,Path,MRU position,Last write,key,value,note\r\n"
          "OpenSaveMRU,txt,,C:\\Documents and Settings\\alice\\Desktop\\todo.txt,0,T," + root +
              "\\OpenSaveMRU\\txt,b,\r\n"
              "OpenSaveMRU,txt,,C:\\Documents and Settings\\alice\\My Documents\\notes.txt,1,T," + root +
              "\\OpenSaveMRU\\txt,a,\r\n"
              "LastVisitedMRU,,notepad.exe,C:\\Documents and Settings\\alice\\Desktop,0,T," + root +
              "\\LastVisitedMRU,a,\r\n");
}

TEST_CASE("A Windows XP ShellNoRoam BagMRU in NTUSER.DAT is walked into paths", "[artefacts]") {
    // RegRipper 3.0's shellbags reads only UsrClass.dat's BagMRU and has no
    // XP plugin: this hive is built here and checked against the items'
    // documented fields instead. The values are real shell items (the same
    // bytes as in tests/engine/ShellItemsTest.cpp, from the corpus): My
    // Computer (class 0x1f, CLSID 20d04fe0-...), the volume "C:\" (class
    // 0x2f), and the directory "Users" (class 0x31, extension version 8:
    // modified and accessed 2011-09-19 16:30:50, created 2009-07-14
    // 03:20:10, MFT entry 437 sequence 1). Each BagMRU value holds one item
    // and the 16-bit terminator; MRUListEx is 32-bit indexes ended by
    // 0xffffffff.
    TempDir dir;
    const std::string hive = dir.file("NTUSER.DAT");
    auto ok = [](const ProcessResult& r) {
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
    };
    const std::string bags = "Software\\Microsoft\\Windows\\ShellNoRoam\\BagMRU";
    auto setBinary = [&](const std::string& key, const std::string& name, const std::string& hex) {
        ok(hivectl({"set", hive, key, name, "--type", "REG_BINARY", "--data", hex, "-p"}));
    };
    ok(hivectl({"new-hive", hive}));
    ok(hivectl({"mkkey", hive, "Control Panel"}));
    setBinary(bags, "0", "14 00 1f 50 e0 4f d0 20 ea 3a 69 10 a2 d8 08 00 2b 30 30 9d 00 00");
    setBinary(bags, "MRUListEx", "00 00 00 00 ff ff ff ff");
    setBinary(bags + "\\0", "0", "19 00 2f 43 3a 5c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    setBinary(bags + "\\0", "MRUListEx", "00 00 00 00 ff ff ff ff");
    setBinary(bags + "\\0\\0", "0",
              "74 00 31 00 00 00 00 00 33 3f d9 83 11 00 55 73 65 72 73 00 60 00 08 00 04 00 ef be ee 3a 85 1a "
              "33 3f d9 83 2a 00 00 00 b5 01 00 00 00 00 01 00 00 00 00 00 00 00 00 00 36 00 00 00 00 00 55 00 "
              "73 00 65 00 72 00 73 00 00 00 40 00 73 00 68 00 65 00 6c 00 6c 00 33 00 32 00 2e 00 64 00 6c 00 "
              "6c 00 2c 00 2d 00 32 00 31 00 38 00 31 00 33 00 00 00 14 00 00 00");
    setBinary(bags + "\\0\\0", "MRUListEx", "00 00 00 00 ff ff ff ff");
    ok(hivectl({"set", hive, bags + "\\0\\0\\0", "NodeSlot", "--type", "REG_DWORD", "--data", "7", "-p"}));

    ProcessResult ours = hivectl({"artefacts", hive, "shellbags", "--csv"});
    REQUIRE(ours.exitCode == 0);
    const std::string header =
        "Path,Item type,MRU position,Node slot,Last write,Modified,Accessed,Created,MFT entry,MFT sequence,key,value,"
        "note\r\n";
    // The keys' last write is the time the test ran: "T" instead.
    const std::string out = blankColumn(ours.out, 4);
    if (!shellItemsAvailable()) {
        CHECK(out == header + ",,0,,T,,,,,," + bags + ",0," + std::string(kNeedLibfwsi) + "\r\n" + ",,0,,T,,,,,," +
                         bags + "\\0,0," + std::string(kNeedLibfwsi) + "\r\n" + ",,0,7,T,,,,,," + bags + "\\0\\0,0," +
                         std::string(kNeedLibfwsi) + "\r\n");
        return;
    }
    CHECK(out == header + "My Computer,root folder,0,,T,,,,,," + bags + ",0,\r\n" +
                     "My Computer\\C:\\,volume,0,,T,,,,,," + bags + "\\0,0,\r\n" +
                     "My Computer\\C:\\Users,file entry,0,7,T,2011-09-19T16:30:50Z,2011-09-19T16:30:50Z,"
                     "2009-07-14T03:20:10Z,437,1," +
                     bags + "\\0\\0,0,\r\n");
}

TEST_CASE("A truncated BagMRU value gives a row with a note and the walk goes on", "[artefacts]") {
    // A copy of ez/UsrClassDeletedBags.dat whose BagMRU\0\0 : 0 ("Users",
    // 116 bytes) is cut to its first 40 bytes: the item claims 116.
    TempDir dir;
    const std::string hive = copyFile(hivePath("ez/UsrClassDeletedBags.dat"), dir.file("UsrClass.dat"));
    const std::string key = "Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU\\0\\0";
    ProcessResult set = hivectl({"set", hive, key, "0", "--type", "REG_BINARY", "--data",
                                 "74 00 31 00 00 00 00 00 33 3f d9 83 11 00 55 73 65 72 73 00 60 00 08 00 04 00 ef be "
                                 "ee 3a 85 1a 33 3f d9 83 2a 00 00 00"});
    INFO(set.out << set.err);
    REQUIRE(set.exitCode == 0);
    const ArtefactTable ours = tableOf(hive, "shellbags");
    REQUIRE(ours.rows.size() == 4);
    const size_t path = column(ours, "Path");
    const Row* cut = nullptr;
    for (const Row& row : ours.rows)
        if (positionOf(row) == "0\\0\\0") cut = &row;
    REQUIRE(cut);
    if (!shellItemsAvailable()) {
        CHECK(cut->note == kNeedLibfwsi);
        return;
    }
    CHECK(cut->note == "the shell item at offset 0 claims 116 bytes; only 40 remain");
    // The row keeps what the parents give: the path up to the drive.
    CHECK(text(cut->fields[path]) == "My Computer\\C:\\");
    // The other rows are whole.
    for (const Row& row : ours.rows)
        if (&row != cut) CHECK(row.note.empty());
}
