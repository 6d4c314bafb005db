// SOFTWARE and Amcache artefact decoders against RegRipper 3.0 (Debian's
// regripper), an independent decoder: the same hive, the same facts.
//
// The corpus has no SOFTWARE hive, so these tests build one with HiveBuilder
// (tests/support/SoftwareHive: Windows 10 21H2's keys and value names with
// typical data) and run RegRipper on that file: RegRipper reading what we
// wrote checks the hive, and its answers check the decoders. The Amcache
// tests use the corpus's hives. The BCD decoder has no RegRipper plugin: it
// is checked by hand from the store's bytes in tests/engine/ArtefactSoftwareTest.cpp.
#include <catch2/catch.hpp>

#include <cctype>
#include <ctime>
#include <regex>
#include <set>
#include <sstream>

#include "support/SoftwareHive.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace testsupport;

namespace {

/// A hive opened as the decoders read it (with its logs when dirty).
std::unique_ptr<Hive> openHive(const std::string& path) {
    auto hive = Hive::open(path);
    REQUIRE(hive);
    return std::move(*hive);
}

/// Our ISO 8601 time in RegRipper's format: "2021-10-04 11:44:03"
/// (RegRipper drops the fraction of a second).
std::string ripperTime(const std::string& iso) {
    if (iso.size() < 19) return iso;
    std::string out = iso.substr(0, 19);
    out[10] = ' ';
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

std::string trimRight(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

/// The SOFTWARE hive written to a temporary directory.
struct BuiltSoftware {
    TempDir dir;
    std::string path = writeSoftwareHive(dir.file("SOFTWARE"));
};

}  // namespace

TEST_CASE("winver agrees with RegRipper's winver on the built SOFTWARE hive", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper: "ProductName               Windows 10 Pro", one name and
    // value per line; the dates as "2021-10-04 11:44:03Z".
    std::map<std::string, std::string> theirs;
    for (const std::string& line : lines(regripper(built.path, "winver"))) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("(\\w+)\\s+(.*)"))) theirs[m[1]] = trimRight(m[2]);
    }
    auto ours = artefactRows(*openHive(built.path), "winver");
    REQUIRE(ours.size() == 1);
    CHECK(theirs["ProductName"] == ours[0]["Product name"]);
    CHECK(theirs["BuildLabEx"] == ours[0]["Build lab"]);
    CHECK(theirs["RegisteredOwner"] == ours[0]["Registered owner"]);
    CHECK(theirs["InstallDate"] == ripperTime(ours[0]["Install date"]) + "Z");
    CHECK(theirs["InstallTime"] == ripperTime(ours[0]["Install time"]) + "Z");
    CHECK(theirs["InstallDate"] == "2021-10-04 11:44:03Z");
}

TEST_CASE("uninstall agrees with RegRipper's uninstall on names versions and key times", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper groups the programs by key last write:
    //   2021-10-04 14:06:40Z
    //     7-Zip 21.07 (x64) v.21.07
    // (the key name when there is no DisplayName; " v." and DisplayVersion
    // when there is one).
    std::multiset<std::string> theirs;
    std::string time;
    for (const std::string& line : lines(regripper(built.path, "uninstall"))) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)Z")))
            time = m[1];
        else if (!time.empty() && line.starts_with("  "))
            theirs.insert(time + " " + line.substr(2));
    }
    std::multiset<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "uninstall")) {
        std::string item = row.at("Display name").empty() ? row.at("Key name") : row.at("Display name");
        if (!row.at("Version").empty()) item += " v." + row.at("Version");
        ours.insert(ripperTime(row.at("Last write")) + " " + item);
    }
    CHECK(ours.size() == 4);
    CHECK(theirs == ours);
}

TEST_CASE("profilelist agrees with RegRipper's profilelist on SIDs paths and key times", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper: "Path      : C:\Users\user", "SID       : S-1-5-...",
    // "LastWrite : 2022-01-20 03:37:36Z", per profile.
    std::set<std::string> theirs;
    std::string path, sid;
    for (const std::string& line : lines(regripper(built.path, "profilelist"))) {
        if (line.starts_with("Path      : ")) path = line.substr(12);
        if (line.starts_with("SID       : ")) sid = line.substr(12);
        if (line.starts_with("LastWrite : ")) theirs.insert(sid + "|" + path + "|" + line.substr(12));
    }
    std::set<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "profilelist"))
        ours.insert(row.at("SID") + "|" + row.at("Profile path") + "|" + ripperTime(row.at("Last write")) + "Z");
    CHECK(ours.size() == 4);
    CHECK(theirs == ours);
}

TEST_CASE("networklist agrees with RegRipper's networklist on dates gateway MACs and kinds", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper, per profile:
    //   HomeWiFi
    //     Key LastWrite    : 2020-10-13 22:47:01Z
    //     DateLastConnected: 2022-01-19 20:41:10
    //     DateCreated      : 2021-11-12 18:03:44
    //     DefaultGatewayMac: A0-63-91-12-34-56
    //     Type             : wireless
    const std::string theirs = regripper(built.path, "networklist");
    const std::regex block(
        "\\n(\\S[^\\n]*)\\n  Key LastWrite    : ([^\\n]*)Z\\n  DateLastConnected: ([^\\n]*)\\n"
        "  DateCreated      : ([^\\n]*)\\n  DefaultGatewayMac: ([^\\n]*)\\n  Type             : ([^\\n]*)\\n");
    std::set<std::string> theirFacts;
    for (auto it = std::sregex_iterator(theirs.begin(), theirs.end(), block); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        theirFacts.insert(m[1].str() + "|" + m[2].str() + "|" + m[3].str() + "|" + m[4].str() + "|" + m[5].str() +
                          "|" + m[6].str());
    }
    std::set<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "networklist"))
        ours.insert(row.at("Profile name") + "|" + ripperTime(row.at("Last write")) + "|" +
                    ripperTime(row.at("Last connected (local time)")) + "|" +
                    ripperTime(row.at("Created (local time)")) + "|" + row.at("Gateway MAC") + "|" + row.at("Kind"));
    CHECK(ours.size() == 2);
    CHECK(theirFacts == ours);
}

TEST_CASE("machine-run agrees with RegRipper's run on each key's values", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper: the key path on a line of its own, then "  NAME - DATA".
    std::set<std::string> theirs;
    std::string key;
    for (const std::string& line : lines(regripper(built.path, "run"))) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("((?:Wow6432Node\\\\)?Microsoft\\\\[^ ].*[^.])")) &&
            line.find(" not found") == std::string::npos && line.find(" has no ") == std::string::npos)
            key = m[1];
        else if (std::regex_match(line, m, std::regex("  (.+?) - (.*)")))
            theirs.insert(key + "|" + m[1].str() + "|" + m[2].str());
    }
    std::set<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "machine-run"))
        ours.insert(row.at("Key") + "|" + row.at("Name") + "|" + row.at("Command"));
    CHECK(ours.size() == 3);
    CHECK(theirs == ours);
}

TEST_CASE("apppaths agrees with RegRipper's apppaths on executables paths and key times", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper: a time line "2020-10-13 22:47:01Z", then "  NAME - PATH".
    std::set<std::string> theirs;
    std::string time;
    for (const std::string& line : lines(regripper(built.path, "apppaths"))) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)Z")))
            time = m[1];
        else if (std::regex_match(line, m, std::regex("  (.+?) - (.*)")))
            theirs.insert(time + "|" + m[1].str() + "|" + m[2].str());
    }
    std::set<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "apppaths"))
        ours.insert(ripperTime(row.at("Last write")) + "|" + row.at("Executable") + "|" + row.at("Path"));
    CHECK(ours.size() == 2);
    CHECK(theirs == ours);
}

TEST_CASE("ifeo agrees with RegRipper's imagefile on the images given a Debugger", "[artefacts]") {
    BuiltSoftware built;
    // RegRipper: "sethc.exe  LastWrite: 2020-10-13 22:47:01Z" then
    // "  Debugger             : C:\Windows\System32\cmd.exe". It reports
    // Debugger values only; our GlobalFlag rows have no Debugger.
    std::set<std::string> theirs;
    std::string image;
    for (const std::string& line : lines(regripper(built.path, "imagefile"))) {
        std::smatch m;
        if (std::regex_match(line, m, std::regex("(\\S+)  LastWrite: (.*)Z")))
            image = m[1].str() + "|" + m[2].str();
        else if (std::regex_match(line, m, std::regex("  Debugger\\s+: (.*)")))
            theirs.insert(image + "|" + m[1].str());
    }
    std::set<std::string> ours;
    for (const ArtefactRow& row : artefactRows(*openHive(built.path), "ifeo"))
        if (!row.at("Debugger").empty())
            ours.insert(row.at("Image") + "|" + ripperTime(row.at("Last write")) + "|" + row.at("Debugger"));
    CHECK(ours == std::set<std::string>{"sethc.exe|2020-10-13 22:47:01|C:\\Windows\\System32\\cmd.exe"});
    CHECK(theirs == ours);
}

TEST_CASE("winlogon shows the Shell and Userinit that RegRipper's winlogon_tln alerts on", "[artefacts]") {
    // RegRipper has no winlogon report plugin in this version, only
    // winlogon_tln, whose alerts quote the Shell and Userinit data when they
    // are not Windows' own. Give the built hive the two persistence tricks
    // (a second Userinit program, a Shell that is not explorer.exe) with
    // hivectl, then compare what each decoder read.
    BuiltSoftware built;
    const std::string key = "Microsoft\\Windows NT\\CurrentVersion\\Winlogon";
    CHECK(regripper(built.path, "winlogon_tln").find("ALERT") == std::string::npos);  // stock values
    const std::string userinit = "C:\\Windows\\system32\\userinit.exe,C:\\Users\\Public\\update.exe";
    const std::string shell = "explorer.exe C:\\Users\\Public\\shell.exe";
    REQUIRE(hivectl({"set", built.path, key, "Userinit", "--type", "REG_SZ", "--data", userinit}).exitCode == 0);
    REQUIRE(hivectl({"set", built.path, key, "Shell", "--type", "REG_SZ", "--data", shell}).exitCode == 0);
    // "TIME|ALERT|||KEY Userinit value has multiple entries: DATA".
    const std::string theirs = regripper(built.path, "winlogon_tln");
    std::smatch m;
    REQUIRE(std::regex_search(theirs, m, std::regex("(\\d+)\\|ALERT\\|\\|\\|[^\\n]* Userinit value has multiple "
                                                    "entries: ([^\\n]*)")));
    const std::string alertTime = m[1], theirUserinit = m[2];
    REQUIRE(std::regex_search(theirs, m, std::regex("Shell value not explorer\\.exe: ([^\\n]*)")));
    const std::string theirShell = m[1];

    auto ours = artefactRows(*openHive(built.path), "winlogon");
    REQUIRE(ours.size() == 1);
    CHECK(ours[0]["Userinit"] == theirUserinit);
    CHECK(ours[0]["Shell"] == theirShell);
    CHECK(theirUserinit == userinit);
    // The alert's time is the key's last write in seconds since 1970.
    const std::string lastWrite = ours[0]["Last write"];
    std::tm tm{};
    REQUIRE(strptime(lastWrite.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm));
    CHECK(std::to_string(timegm(&tm)) == alertTime);
}

namespace {

/// RegRipper's amcache report of InventoryApplicationFile: a "PATH
/// LastWrite: TIME" line then "Hash: SHA-1", as "path|time|sha1".
std::set<std::string> ripperInventoryFiles(const std::string& report) {
    std::set<std::string> out;
    const std::regex entry("\\n([^\\n]*)  LastWrite: ([^\\n]*)Z\\nHash: ([^\\n]*)\\n");
    for (auto it = std::sregex_iterator(report.begin(), report.end(), entry); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str() + "|" + (*it)[2].str() + "|" + (*it)[3].str());
    return out;
}

std::set<std::string> ourInventoryFiles(const std::vector<ArtefactRow>& rows) {
    std::set<std::string> out;
    for (const ArtefactRow& row : rows)
        if (row.at("key").starts_with("Root\\InventoryApplicationFile\\"))
            out.insert(row.at("Path") + "|" + ripperTime(row.at("Last write")) + "|" + row.at("SHA-1"));
    return out;
}

}  // namespace

TEST_CASE("amcache agrees with RegRipper's amcache on both layouts of regipy's hive", "[artefacts]") {
    const std::string path = hivePath("regipy/amcache.hve");
    const std::string theirs = regripper(path, "amcache");
    auto files = artefactRows(*openHive(path), "amcache");

    // Windows 10 InventoryApplicationFile: path, key time, SHA-1.
    const std::set<std::string> ourInventory = ourInventoryFiles(files);
    CHECK(ourInventory.size() == 247);
    CHECK(ripperInventoryFiles(theirs) == ourInventory);

    // Windows 8 File\{volume}\{reference}: RegRipper prints a block per
    // file ("File Reference: 100001605a", "LastWrite     : ...Z", "Path
    // : ...", "SHA-1         : 0000...", "Last Mod Time : ...Z" for 11,
    // "Last Mod Time2: ...Z" for 17, "Create Time   : ...Z" for 12,
    // "Compile Time  : ...Z" for f, ...). Compare those facts per file.
    const size_t filesAt = theirs.find("***Files***");
    const size_t programsAt = theirs.find("***Programs***");
    REQUIRE(filesAt != std::string::npos);
    REQUIRE(programsAt != std::string::npos);
    std::set<std::string> theirFiles;
    std::map<std::string, std::string> block;
    auto flush = [&] {
        if (block.empty()) return;
        std::string sha1 = block["SHA-1"];
        if (sha1.starts_with("0000")) sha1 = sha1.substr(4);
        theirFiles.insert(block["File Reference"] + "|" + block["LastWrite"] + "|" + block["Path"] + "|" + sha1 +
                          "|" + block["Company Name"] + "|" + block["Product Name"] + "|" + block["Last Mod Time"] +
                          "|" + block["Last Mod Time2"] + "|" + block["Create Time"] + "|" + block["Compile Time"]);
        block.clear();
    };
    for (const std::string& line : lines(theirs.substr(filesAt, programsAt - filesAt))) {
        std::smatch m;
        if (!std::regex_match(line, m, std::regex("([A-Za-z0-9 -]+?)\\s*: (.*)"))) continue;
        if (m[1] == "File Reference") flush();
        std::string value = m[2];
        // Times: "2017-03-17 14:35:16Z"; a time of 0 comes out as 1970,
        // which the decoder leaves empty.
        if (value.size() == 20 && value.back() == 'Z' && std::isdigit(static_cast<unsigned char>(value[0])))
            value.pop_back();
        if (value == "1970-01-01 00:00:00") value.clear();
        block[m[1]] = value;
    }
    flush();
    std::set<std::string> ourFiles;
    for (const ArtefactRow& row : files) {
        if (!row.at("key").starts_with("Root\\File\\")) continue;
        const std::string reference = row.at("key").substr(row.at("key").rfind('\\') + 1);
        ourFiles.insert(reference + "|" + ripperTime(row.at("Last write")) + "|" + row.at("Path") + "|" +
                        row.at("SHA-1") + "|" + row.at("Publisher") + "|" + row.at("Product") + "|" +
                        ripperTime(row.at("Modified")) + "|" + ripperTime(row.at("Modified 2")) + "|" +
                        ripperTime(row.at("Created")) + "|" + ripperTime(row.at("Link date")));
    }
    CHECK(ourFiles.size() == 1120);
    CHECK(theirFiles == ourFiles);

    // Programs: RegRipper's "Name       : NAME v.VERSION", with " v." alone
    // when the version value is there but empty (the decoder leaves an
    // empty version empty).
    std::multiset<std::string> theirPrograms, ourPrograms;
    for (const std::string& line : lines(theirs.substr(programsAt))) {
        if (!line.starts_with("Name       : ")) continue;
        std::string program = line.substr(13);
        if (program.ends_with(" v.")) program.resize(program.size() - 3);
        theirPrograms.insert(program);
    }
    for (const ArtefactRow& row : artefactRows(*openHive(path), "amcache-programs")) {
        if (!row.at("key").starts_with("Root\\Programs\\")) continue;
        ourPrograms.insert(row.at("Name") + (row.at("Version").empty() ? "" : " v." + row.at("Version")));
    }
    CHECK(ourPrograms.size() == 26);
    CHECK(theirPrograms == ourPrograms);
}

TEST_CASE("amcache on a dirty hive with its logs agrees with RegRipper on the recovered hive", "[artefacts]") {
    // RegRipper reads the primary file only; hivectl recover writes the
    // replayed hive, which RegRipper then reads. The decoder reads the dirty
    // hive opened with its logs: both must see the same files.
    for (const char* relative : {"dfir/Win10-RathbunVM/Amcache.hve", "dfir/Server2022-APTSimulatorVM/Amcache.hve"}) {
        INFO(relative);
        TempDir dir;
        const std::string recovered = dir.file("Amcache.hve");
        REQUIRE(hivectl({"recover", hivePath(relative), recovered}).exitCode == 0);
        const std::set<std::string> ours = ourInventoryFiles(artefactRows(*openHive(hivePath(relative)), "amcache"));
        CHECK(ours.size() > 40);
        CHECK(ripperInventoryFiles(regripper(recovered, "amcache")) == ours);
    }
}
