// NTUSER.DAT decoders against RegRipper 3.0 (Debian's regripper), an
// independent decoder: the same hive, the same facts (names, order, counts,
// times to the second, as RegRipper prints them).
//
// Where the corpus holds the artefact (regipy/NTUSER.DAT from Windows 7,
// regipy/NTUSER_with_winscp.DAT from Windows 10) the test runs on it. The
// corpus has no TypedURLsTime, no Terminal Server Client key, no RunOnce or
// policy Run values and no Windows XP UserAssist: for those the test builds
// a hive with HiveBuilder holding value data as Windows writes it (layouts
// as documented in engine/artefacts/UserAssist.h and by Microsoft for the
// others), then runs RegRipper on that file too, which checks the hive we
// wrote and the decoder independently.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "artefacts/UserAssist.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// One decoder's table on a hive file, through the engine API.
ArtefactTable ours(const std::string& path, std::string_view decoder) {
    auto hive = Hive::open(path);
    REQUIRE(hive);
    DecodeContext context(**hive, detectHiveKind(**hive));
    const Decoder* d = findDecoder(decoder);
    REQUIRE(d != nullptr);
    ArtefactTable table = runDecoder(*d, context);
    REQUIRE(table.error.empty());
    return table;
}

std::string text(const Row& row, size_t column) { return fieldText(row.fields.at(column)); }

/// A time field as RegRipper prints it: "2012-04-04 15:52:45" (seconds
/// truncated), or "" when empty.
std::string rrTime(const Row& row, size_t column) {
    std::string iso = text(row, column);
    if (iso.empty()) return iso;
    iso = iso.substr(0, 19);
    iso[10] = ' ';
    return iso;
}

std::string rtrim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

std::vector<std::string> lines(const std::string& report) {
    std::vector<std::string> out;
    std::istringstream in(report);
    for (std::string line; std::getline(in, line);) out.push_back(rtrim(line));
    return out;
}

const std::regex kRrTime("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)Z");

// ---------------------------------------------------------------- facts

/// userassist: "GUID|name|count|time" for entries with a time and
/// "GUID|name" for those without.
struct UserAssistFacts {
    std::multiset<std::string> timed, untimed;
};

UserAssistFacts theirUserAssist(const std::string& hive) {
    // {GUID}                     <- a UserAssist subkey
    // 2012-04-04 15:52:45Z       <- a last-run time, then its entries
    //   NAME (COUNT)
    // Value names with no time stamps:
    //   NAME
    UserAssistFacts f;
    std::string guid, time;
    bool untimed = false;
    std::smatch m;
    const std::regex guidLine("\\{[0-9A-Fa-f-]{36}\\}");
    const std::regex entry("  (.*) \\((\\d+)\\)");
    for (const std::string& line : lines(regripper(hive, "userassist"))) {
        if (std::regex_match(line, guidLine)) {
            guid = line;
            untimed = false;
        } else if (std::regex_match(line, m, kRrTime)) {
            time = m[1];
        } else if (line == "Value names with no time stamps:") {
            untimed = true;
        } else if (line.starts_with("  ") && !guid.empty()) {
            if (untimed)
                f.untimed.insert(guid + "|" + line.substr(2));
            else if (std::regex_match(line, m, entry))
                f.timed.insert(guid + "|" + m[1].str() + "|" + m[2].str() + "|" + time);
        }
    }
    return f;
}

UserAssistFacts ourUserAssist(const std::string& hive) {
    // GUID, Name, Known folder, Run count, Focus count, Focus time, Last run, Version, Control entry
    UserAssistFacts f;
    for (const Row& row : ours(hive, "userassist").rows) {
        if (text(row, 3).empty()) continue;  // no counts (the session entry): RegRipper skips it too
        const std::string name = text(row, 0) + "|" + text(row, 1);
        if (rrTime(row, 6).empty())
            f.untimed.insert(name);
        else
            f.timed.insert(name + "|" + text(row, 3) + "|" + rrTime(row, 6));
    }
    return f;
}

/// recentdocs and wordwheelquery: per list (the extension subkey, "" for
/// the main key), "value=name" in MRU order.
using MruFacts = std::map<std::string, std::vector<std::string>>;

MruFacts theirRecentDocs(const std::string& hive) {
    // Software\...\RecentDocs          <- the main list
    //   9 = name                      <- in MRUListEx order
    // Software\...\RecentDocs\.JPG     <- a per-extension list
    const std::string prefix = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs\\";
    MruFacts f;
    std::string list;
    std::smatch m;
    const std::regex entry("  (\\d+) = (.*)");
    for (const std::string& line : lines(regripper(hive, "recentdocs"))) {
        if (line.starts_with(prefix))
            list = line.substr(prefix.size());
        else if (std::regex_match(line, m, entry))
            f[list].push_back(m[1].str() + "=" + m[2].str());
    }
    return f;
}

MruFacts ourRecentDocs(const std::string& hive) {
    // Extension, Position, Value, File name, Last write
    MruFacts f;
    for (const Row& row : ours(hive, "recentdocs").rows)
        if (!text(row, 1).empty()) f[text(row, 0)].push_back(text(row, 2) + "=" + rtrim(text(row, 3)));
    return f;
}

}  // namespace

TEST_CASE("UserAssist names run counts and last-run times agree with RegRipper's userassist", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        UserAssistFacts theirs = theirUserAssist(hive);
        UserAssistFacts mine = ourUserAssist(hive);
        CHECK(theirs.timed.size() > 10);
        CHECK(mine.timed == theirs.timed);
        CHECK(mine.untimed == theirs.untimed);
    }
    // One fact written out: the Windows 7 hive's cmd.exe entry.
    CHECK(ourUserAssist(hivePath("regipy/NTUSER.DAT"))
              .timed.count("{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}|{D65231B0-B2F1-4857-A4CE-A8E7C6EA7D27}\\cmd.exe|2|"
                           "2012-04-04 15:52:45") == 1);
}

TEST_CASE("RecentDocs lists in MRUListEx order agree with RegRipper's recentdocs", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        MruFacts theirs = theirRecentDocs(hive);
        CHECK(theirs.size() > 3);
        CHECK(ourRecentDocs(hive) == theirs);
    }
    const std::vector<std::string> jpg = {"2=hq-1.JPG", "1=clp-2 - Fuel Hookup.JPG", "0=clp-1.JPG"};
    CHECK(ourRecentDocs(hivePath("regipy/NTUSER.DAT"))[".JPG"] == jpg);
    // Position 0 carries the key's last write, the others none.
    ArtefactTable t = ours(hivePath("regipy/NTUSER.DAT"), "recentdocs");
    REQUIRE(t.rows.size() > 2);
    CHECK(rrTime(t.rows[0], 4) == "2012-04-04 15:43:17");
    CHECK(rrTime(t.rows[1], 4).empty());
}

TEST_CASE("RunMRU order and commands agree with RegRipper's runmru", "[artefacts]") {
    const std::string hive = hivePath("regipy/NTUSER_with_winscp.DAT");
    // MRUList = ladhc...      then per value:  a   control\1
    std::string theirOrder;
    std::map<std::string, std::string> theirCommands;
    std::smatch m;
    for (const std::string& line : lines(regripper(hive, "runmru"))) {
        if (std::regex_match(line, m, std::regex("MRUList = (\\w+)")))
            theirOrder = m[1];
        else if (std::regex_match(line, m, std::regex("([a-z])   (.*)\\\\1")))
            theirCommands[m[1]] = m[2];
    }
    REQUIRE(theirOrder.size() == 18);
    std::string ourOrder;
    std::map<std::string, std::string> ourCommands;
    // Position, Value, Command, Last write
    for (const Row& row : ours(hive, "runmru").rows) {
        if (!text(row, 0).empty()) ourOrder += text(row, 1);
        ourCommands[text(row, 1)] = text(row, 2);
    }
    CHECK(ourOrder == theirOrder);
    CHECK(ourCommands == theirCommands);
    CHECK(ourCommands["e"] == "cmd");
}

TEST_CASE("TypedPaths agree with RegRipper's typedpaths", "[artefacts]") {
    const std::string hive = hivePath("regipy/NTUSER_with_winscp.DAT");
    // url1     C:\path          (padded to 30 characters, hence the trim)
    std::vector<std::string> theirs, mine;
    std::smatch m;
    for (const std::string& line : lines(regripper(hive, "typedpaths")))
        if (std::regex_match(line, m, std::regex("(url\\d+) +(.*)"))) theirs.push_back(m[1].str() + "=" + m[2].str());
    // Value, Path, Last write
    ArtefactTable t = ours(hive, "typedpaths");
    for (const Row& row : t.rows) mine.push_back(text(row, 0) + "=" + rtrim(text(row, 1)));
    CHECK(theirs.size() == 7);
    CHECK(mine == theirs);
    CHECK(rrTime(t.rows.at(0), 2) == "2022-04-28 16:15:49");
}

TEST_CASE("TypedURLs agree with RegRipper's typedurls", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        //   url1 -> http://...     (sorted by number)
        std::vector<std::string> theirs, mine;
        std::smatch m;
        for (const std::string& line : lines(regripper(hive, "typedurls")))
            if (std::regex_match(line, m, std::regex("  (url\\d+) -> (.*)")))
                theirs.push_back(m[1].str() + "=" + m[2].str());
        for (const Row& row : ours(hive, "typedurls").rows) mine.push_back(text(row, 0) + "=" + text(row, 1));
        CHECK_FALSE(theirs.empty());
        CHECK(mine == theirs);
    }
}

TEST_CASE("WordWheelQuery search terms in MRUListEx order agree with RegRipper's wordwheelquery", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        // After "Searches listed in MRUListEx order":  N    term (padded)
        std::vector<std::string> theirs, mine;
        bool listing = false;
        std::smatch m;
        for (const std::string& line : lines(regripper(hive, "wordwheelquery"))) {
            if (line == "Searches listed in MRUListEx order") listing = true;
            else if (listing && std::regex_match(line, m, std::regex("(\\d+) +(.*)")))
                theirs.push_back(m[1].str() + "=" + m[2].str());
        }
        // Position, Value, Search term, Last write
        for (const Row& row : ours(hive, "wordwheelquery").rows)
            if (!text(row, 0).empty()) mine.push_back(text(row, 1) + "=" + rtrim(text(row, 2)));
        CHECK(theirs.size() >= 6);
        CHECK(mine == theirs);
    }
}

namespace {

/// run: "KEY|name|command" for the user's Run, RunOnce and policy Run keys.
std::set<std::string> theirRun(const std::string& hive) {
    // Software\Microsoft\Windows\CurrentVersion\Run     <- a key heading
    // LastWrite Time ...
    //   Name - Command
    const std::string prefix = "Software\\Microsoft\\Windows\\CurrentVersion\\";
    const std::set<std::string> wanted = {"Run", "RunOnce", "Policies\\Explorer\\Run"};
    std::set<std::string> out;
    std::string key;
    std::smatch m;
    for (const std::string& line : lines(regripper(hive, "run"))) {
        if (line.starts_with("Software\\")) {
            key = line.starts_with(prefix) && wanted.count(line.substr(prefix.size())) ? line.substr(prefix.size()) : "";
        } else if (!key.empty() && std::regex_match(line, m, std::regex("  (.*?) - (.*)"))) {
            out.insert(key + "|" + m[1].str() + "|" + m[2].str());
        }
    }
    return out;
}

std::set<std::string> ourRun(const std::string& hive) {
    std::set<std::string> out;
    // Key, Name, Command, Last write
    for (const Row& row : ours(hive, "user-run").rows) out.insert(text(row, 0) + "|" + text(row, 1) + "|" + text(row, 2));
    return out;
}

}  // namespace

TEST_CASE("User Run entries agree with RegRipper's run", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        std::set<std::string> theirs = theirRun(hive);
        CHECK_FALSE(theirs.empty());
        CHECK(ourRun(hive) == theirs);
    }
    CHECK(ourRun(hivePath("regipy/NTUSER.DAT")) ==
          std::set<std::string>{"Run|Sidebar|%ProgramFiles%\\Windows Sidebar\\Sidebar.exe /autoRun"});
}

TEST_CASE("MountPoints2 volumes shares and drives with their key times agree with RegRipper's mp2", "[artefacts]") {
    for (const char* file : {"regipy/NTUSER.DAT", "regipy/NTUSER_with_winscp.DAT"}) {
        INFO(file);
        const std::string hive = hivePath(file);
        // "Remote Drives:" / "Volumes:", then a time line and "  NAME" lines;
        // "Drives:", then "TIME - NAME,NAME"; "Unique MAC..." ends the lists.
        std::set<std::string> theirs, mine;
        std::string section, time;
        std::smatch m;
        for (const std::string& line : lines(regripper(hive, "mp2"))) {
            if (line == "Remote Drives:") section = "network share";
            else if (line == "Volumes:") section = "volume";
            else if (line == "Drives:") section = "drive";
            else if (line.starts_with("Unique MAC")) section.clear();
            else if (section.empty()) continue;
            else if (section == "drive" && std::regex_match(line, m, std::regex("(.{19})Z - (.*)"))) {
                std::istringstream names(m[2].str());
                for (std::string name; std::getline(names, name, ',');)
                    theirs.insert("drive|" + name + "|" + m[1].str());
            } else if (std::regex_match(line, m, kRrTime)) {
                time = m[1];
            } else if (line.starts_with("  ")) {
                theirs.insert(section + "|" + line.substr(2) + "|" + time);
            }
        }
        // Kind, Name, Share, Label, Last write (RegRipper shows a volume's
        // label after its name).
        for (const Row& row : ours(hive, "mountpoints2").rows) {
            std::string name = text(row, 1);
            if (text(row, 0) == "volume" && !text(row, 3).empty()) name += " (" + text(row, 3) + ")";
            mine.insert(text(row, 0) + "|" + name + "|" + rrTime(row, 4));
        }
        CHECK(theirs.size() >= 3);
        CHECK(mine == theirs);
    }
    ArtefactTable t = ours(hivePath("regipy/NTUSER.DAT"), "mountpoints2");
    REQUIRE_FALSE(t.rows.empty());
    CHECK(text(t.rows[0], 1) == "##controller#public");
    CHECK(text(t.rows[0], 2) == "\\\\controller\\public");
}

namespace {

/// Builds, key by key, a hive file for RegRipper and HiveKit to read.
class BuiltNtUser {
public:
    size_t key(const std::u16string& path) {
        size_t parent = HiveBuilder::kRoot;
        std::u16string sofar;
        for (size_t start = 0; start <= path.size();) {
            size_t end = path.find(u'\\', start);
            if (end == std::u16string::npos) end = path.size();
            const std::u16string part = path.substr(start, end - start);
            sofar += (sofar.empty() ? u"" : u"\\") + part;
            auto it = ids_.find(sofar);
            if (it == ids_.end()) it = ids_.emplace(sofar, builder_.addKey(parent, part)).first;
            parent = it->second;
            start = end + 1;
        }
        return parent;
    }
    void value(const std::u16string& path, const std::u16string& name, uint32_t type, std::vector<uint8_t> data) {
        builder_.addValue(key(path), name, type, std::move(data));
    }
    std::string write(const TempDir& dir) {
        // RegRipper's run plugin reads a hive as NTUSER.DAT only when it has
        // both of these keys, as every real one does.
        key(u"Software\\Microsoft\\Windows\\CurrentVersion");
        key(u"Software\\Microsoft\\Windows NT\\CurrentVersion");
        builder_.setRootName(u"CMI-CreateHive{6A1C4018-979D-4291-A7DC-7AED1C75B67C}");
        BuiltHive built = builder_.build();
        // RegRipper also guesses the kind from the base block's file name
        // (offset 0x30, UTF-16LE, the last 31 characters of the path Windows
        // loaded the hive from); without one its guess is left to chance.
        const std::u16string loadedFrom = u"\\??\\C:\\Users\\alice\\ntuser.dat";
        for (size_t i = 0; i < loadedFrom.size(); ++i) built.poke16(0x30 + 2 * i, loadedFrom[i]);
        built.fixChecksum();
        const std::string path = dir.file("NTUSER.DAT");
        writeFile(path, built.bytes);
        return path;
    }

private:
    HiveBuilder builder_;
    std::map<std::u16string, size_t> ids_;
};

// 2012-04-04 15:52:45 UTC as a FILETIME: (1333554765 + 11644473600) * 10^7.
constexpr uint64_t kApril4 = (1333554765ULL + 11644473600ULL) * 10000000ULL;
// RegRipper converts a FILETIME through floating point, which can put a
// time on a whole second one second early: times half a second past a
// second compare the same.
constexpr uint64_t kHalfSecond = 5000000;

/// A Windows XP UserAssist entry (16 bytes): 0x00 session id, 0x04 run
/// count plus 5, 0x08 last run FILETIME.
std::vector<uint8_t> xpEntry(uint32_t session, uint32_t storedCount, uint64_t lastRun) {
    std::vector<uint8_t> b = dwordBytes(session);
    for (uint8_t x : dwordBytes(storedCount)) b.push_back(x);
    for (uint8_t x : qwordBytes(lastRun)) b.push_back(x);
    return b;
}

}  // namespace

TEST_CASE("Windows XP UserAssist counts less 5 agree with RegRipper's userassist on a built hive", "[artefacts]") {
    // No XP hive in the corpus: a version 3 key as Windows XP writes it,
    // names ROT13 ("HRZR_EHACNGU" is "UEME_RUNPATH").
    BuiltNtUser b;
    const std::u16string ua =
        u"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{75048700-EF1F-11D0-9888-006097DEACF9}";
    b.value(ua, u"Version", kRegDword, dwordBytes(3));
    b.value(ua + u"\\Count", u"HRZR_PGYFRFFVBA", kRegBinary, {1, 0, 0, 0, 0x2a, 0, 0, 0});  // 8 bytes: session
    b.value(ua + u"\\Count", u"HRZR_EHACNGU:P:\\JVAQBJF\\flfgrz32\\abgrcnq.rkr", kRegBinary,
            xpEntry(1, 12, kApril4 + kHalfSecond));
    b.value(ua + u"\\Count", u"HRZR_EHACNGU:P:\\Cebtenz Svyrf\\Zbmvyyn Sversbk\\sversbk.rkr", kRegBinary,
            xpEntry(1, 6, kApril4 + 3600ULL * 10000000ULL + kHalfSecond));
    b.value(ua + u"\\Count", u"HRZR_EHAPCY:qrfx.pcy", kRegBinary, xpEntry(1, 9, 0));
    TempDir dir;
    const std::string hive = b.write(dir);
    UserAssistFacts theirs = theirUserAssist(hive);
    UserAssistFacts mine = ourUserAssist(hive);
    CHECK(theirs.timed ==
          std::multiset<std::string>{
              "{75048700-EF1F-11D0-9888-006097DEACF9}|UEME_RUNPATH:C:\\WINDOWS\\system32\\notepad.exe|7|"
              "2012-04-04 15:52:45",
              "{75048700-EF1F-11D0-9888-006097DEACF9}|UEME_RUNPATH:C:\\Program Files\\Mozilla Firefox\\firefox.exe|1|"
              "2012-04-04 16:52:45"});
    CHECK(mine.timed == theirs.timed);
    // RegRipper decodes an XP name only when the entry has a time: the
    // untimed ones it prints as stored.
    std::multiset<std::string> theirUntimed;
    for (const std::string& name : theirs.untimed) {
        const size_t bar = name.find('|');
        theirUntimed.insert(name.substr(0, bar + 1) + rot13(name.substr(bar + 1)));
    }
    CHECK(mine.untimed == theirUntimed);
    CHECK(mine.untimed.count("{75048700-EF1F-11D0-9888-006097DEACF9}|UEME_RUNCPL:desk.cpl") == 1);
}

TEST_CASE("TypedURLsTime times and Terminal Server Client entries agree with RegRipper on a built hive",
          "[artefacts]") {
    // The corpus has neither key. TypedURLsTime\urlN is an 8-byte FILETIME
    // (Windows 8 and later); Default\MRUn a host name; Servers\HOST holds
    // UsernameHint.
    BuiltNtUser b;
    const std::u16string ie = u"Software\\Microsoft\\Internet Explorer";
    b.value(ie + u"\\TypedURLs", u"url1", kRegSz, regSzBytes(u"http://intranet.corp.example/"));
    b.value(ie + u"\\TypedURLs", u"url2", kRegSz, regSzBytes(u"https://www.example.com/"));
    b.value(ie + u"\\TypedURLsTime", u"url1", kRegBinary, qwordBytes(kApril4));
    b.value(ie + u"\\TypedURLsTime", u"url2", kRegBinary, qwordBytes(kApril4 - 86400ULL * 10000000ULL));
    const std::u16string ts = u"Software\\Microsoft\\Terminal Server Client";
    b.value(ts + u"\\Default", u"MRU0", kRegSz, regSzBytes(u"jump01.corp.example"));
    b.value(ts + u"\\Default", u"MRU1", kRegSz, regSzBytes(u"10.20.30.40"));
    b.value(ts + u"\\Servers\\jump01.corp.example", u"UsernameHint", kRegSz, regSzBytes(u"CORP\\alice"));
    b.value(ts + u"\\Servers\\10.20.30.40", u"UsernameHint", kRegSz, regSzBytes(u"administrator"));
    const std::u16string cv = u"Software\\Microsoft\\Windows\\CurrentVersion";
    b.value(cv + u"\\RunOnce", u"Setup", kRegSz, regSzBytes(u"C:\\Users\\alice\\AppData\\Local\\Temp\\setup.exe /s"));
    b.value(cv + u"\\Policies\\Explorer\\Run", u"1", kRegSz, regSzBytes(u"C:\\ProgramData\\agent.exe"));
    TempDir dir;
    const std::string hive = b.write(dir);

    //   url1 -> 2012-04-04 15:52:45Z (http://...)
    std::vector<std::string> theirTimes, ourTimes;
    std::smatch m;
    for (const std::string& line : lines(regripper(hive, "typedurlstime")))
        if (std::regex_match(line, m, std::regex("  (url\\d+) -> (.{19})Z \\((.*)\\)")))
            theirTimes.push_back(m[1].str() + "|" + m[2].str() + "|" + m[3].str());
    // Value, URL, Typed, Last write
    for (const Row& row : ours(hive, "typedurls").rows)
        ourTimes.push_back(text(row, 0) + "|" + rrTime(row, 2) + "|" + text(row, 1));
    CHECK(theirTimes == std::vector<std::string>{"url1|2012-04-04 15:52:45|http://intranet.corp.example/",
                                                 "url2|2012-04-03 15:52:45|https://www.example.com/"});
    CHECK(ourTimes == theirTimes);

    //   MRU0 -> host      and      HOST  LastWrite time: TIMEZ / UsernameHint: USER
    std::vector<std::string> theirTs, ourTs;
    std::string host;
    for (const std::string& line : lines(regripper(hive, "tsclient"))) {
        if (std::regex_match(line, m, std::regex("  (MRU\\d+) -> (.*)"))) {
            theirTs.push_back(m[1].str() + "|" + m[2].str());
        } else if (std::regex_match(line, m, std::regex("(\\S+)  LastWrite time: (.{19})Z"))) {
            host = m[1].str() + "|" + m[2].str();
        } else if (std::regex_match(line, m, std::regex("  UsernameHint: (.*)"))) {
            theirTs.push_back(host + "|" + m[1].str());
        }
    }
    // Source, Value, Server, Username hint, Last write
    for (const Row& row : ours(hive, "tsclient").rows) {
        if (text(row, 0) == "Default")
            ourTs.push_back(text(row, 1) + "|" + text(row, 2));
        else
            ourTs.push_back(text(row, 2) + "|" + rrTime(row, 4) + "|" + text(row, 3));
    }
    CHECK(theirTs.size() == 4);
    CHECK(ourTs == theirTs);

    std::set<std::string> theirs = theirRun(hive);
    CHECK(theirs == std::set<std::string>{"RunOnce|Setup|C:\\Users\\alice\\AppData\\Local\\Temp\\setup.exe /s",
                                          "Policies\\Explorer\\Run|1|C:\\ProgramData\\agent.exe"});
    CHECK(ourRun(hive) == theirs);
}

TEST_CASE("A truncated UserAssist entry in a copy of a real hive gives a row with a note where RegRipper drops it",
          "[artefacts]") {
    TempDir dir;
    const std::string hive = copyFile(hivePath("regipy/NTUSER.DAT"), dir.file("NTUSER.DAT"));
    const std::string count =
        "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count";
    // cmd.exe's entry cut to its first 12 bytes: session 0, 2 runs, 2 focus.
    ProcessResult set = hivectl({"set", hive, count, "{Q65231O0-O2S1-4857-N4PR-N8R7P6RN7Q27}\\pzq.rkr", "--type",
                                 "REG_BINARY", "--data", "00 00 00 00 02 00 00 00 02 00 00 00"});
    REQUIRE(set.exitCode == 0);
    ProcessResult csv = hivectl({"artefacts", hive, "userassist", "--csv"});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.find("{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA},{D65231B0-B2F1-4857-A4CE-A8E7C6EA7D27}\\cmd.exe,"
                       "SystemX86,2,2,,,5,false," + count +
                       ",{Q65231O0-O2S1-4857-N4PR-N8R7P6RN7Q27}\\pzq.rkr,"
                       "data is 12 bytes; a Windows 7 (version 5) entry needs 72\r\n") != std::string::npos);
    // RegRipper reads only 16 and 72-byte entries: cmd.exe is gone from its
    // report, the other entries are unchanged.
    UserAssistFacts theirs = theirUserAssist(hive);
    CHECK(theirs.timed.size() == theirUserAssist(hivePath("regipy/NTUSER.DAT")).timed.size() - 1);
    for (const std::string& entry : theirs.timed) CHECK(entry.find("cmd.exe") == std::string::npos);
}
