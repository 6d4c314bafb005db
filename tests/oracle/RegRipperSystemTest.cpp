// SYSTEM artefact decoders against RegRipper 3.0 (Debian's regripper), an
// independent decoder: the same hive, the same answers. The corpus SYSTEM
// hive is Windows 7 32-bit; artefacts it lacks (BAM, ShimCache of other
// Windows versions, the Windows 8+ USB property keys) are written into
// hives built here from their documented layouts, and RegRipper is run on
// those too, which checks both the hive we wrote and our decoder.
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "format/ValueData.h"
#include "support/ArtefactTables.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::artefacts;
using namespace testsupport;

namespace {

/// "2012-04-04T01:58:40.1234567Z" as RegRipper's getDateFromEpoch prints
/// it: "2012-04-04 01:58:40" (whole seconds).
std::string rrTime(const std::string& iso) {
    if (iso.size() < 19) return iso;
    std::string out = iso.substr(0, 19);
    out[10] = ' ';
    return out;
}

/// The same time as Perl's scalar gmtime: "Sat Apr  7 09:48:31 2012".
std::string perlGmtime(const std::string& iso) {
    std::tm tm{};
    if (!strptime(iso.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return "?";
    const std::time_t t = timegm(&tm);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &utc);
    return buf;
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
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

/// Writes a built hive to `path` for RegRipper.
std::string saveHive(const BuiltHive& built, const std::string& path) {
    writeFile(path, built.bytes);
    return path;
}

}  // namespace

TEST_CASE("The computer name decoder agrees with RegRipper's compname", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    // RegRipper: "ComputerName    = WKS-WIN732BITA".
    const std::string theirs = regripper(hive, "compname");
    std::smatch m;
    REQUIRE(std::regex_search(theirs, m, std::regex("ComputerName\\s+=\\s+(\\S+)")));
    ProcessResult ours = hivectl({"artefacts", hive, "computername", "--csv"});
    REQUIRE(ours.exitCode == 0);
    CHECK(ours.out == "Computer name,Control set,Last write,key,value,note\r\n" + m[1].str() +
                          ",ControlSet001,2010-11-10T17:18:08.7187500Z,"
                          "ControlSet001\\Control\\ComputerName\\ComputerName,ComputerName,\r\n");
}

TEST_CASE("The time zone decoder agrees with RegRipper's timezone", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const std::string theirs = regripper(hive, "timezone");
    std::smatch m;
    const ArtefactTable t = decodeHiveFile(hive, "timezone");
    REQUIRE(t.rows.size() == 1);
    const Row& row = t.rows[0];
    REQUIRE(std::regex_search(theirs, m, std::regex("LastWrite Time (\\S+ \\S+)Z")));
    CHECK(rrTime(columnText(t, row, "Last write")) == m[1].str());
    REQUIRE(std::regex_search(theirs, m, std::regex("DaylightName\\s+-> (.*)")));
    CHECK(columnText(t, row, "Daylight name") == trimRight(m[1].str()));
    REQUIRE(std::regex_search(theirs, m, std::regex("StandardName\\s+-> (.*)")));
    CHECK(columnText(t, row, "Standard name") == trimRight(m[1].str()));
    REQUIRE(std::regex_search(theirs, m, std::regex("\\n\\s+Bias\\s+-> (-?\\d+)")));
    CHECK(columnText(t, row, "Bias") == m[1].str());
    REQUIRE(std::regex_search(theirs, m, std::regex("ActiveTimeBias\\s+-> (-?\\d+)")));
    CHECK(columnText(t, row, "Active bias") == m[1].str());
    // RegRipper prints the value's bytes past its terminator as well; the
    // name is what comes before them.
    REQUIRE(std::regex_search(theirs, m, std::regex("TimeZoneKeyName-> ([A-Za-z ]+[a-z])")));
    CHECK(columnText(t, row, "Time zone") == m[1].str());
    CHECK(columnText(t, row, "Time zone") == "Eastern Standard Time");
}

TEST_CASE("The shutdown decoder agrees with RegRipper's shutdown", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const std::string theirs = regripper(hive, "shutdown");
    std::smatch m;
    REQUIRE(std::regex_search(theirs, m, std::regex("ShutdownTime\\s+: (\\S+ \\S+)Z")));
    const ArtefactTable t = decodeHiveFile(hive, "shutdown");
    REQUIRE(t.rows.size() == 1);
    CHECK(rrTime(columnText(t, t.rows[0], "Shutdown time")) == m[1].str());
    CHECK(m[1].str() == "2012-04-04 01:58:40");
}

TEST_CASE("Every service of RegRipper's services agrees with the services decoder", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    struct Service {
        std::string time, display, image, type, start, group;
    };
    std::map<std::string, Service> theirs;
    std::string time, name;
    const std::regex timeLine("^(\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}) Z$");
    const std::regex field("^  (\\w+)\\s*= ?(.*)$");
    for (const std::string& line : lines(regripper(hive, "services"))) {
        std::smatch m;
        if (std::regex_match(line, m, timeLine)) {
            time = m[1];
        } else if (std::regex_match(line, m, field)) {
            const std::string key = m[1], value = m[2];
            if (key == "Name") {
                name = value;
                theirs[name].time = time;
            } else if (key == "Display") theirs[name].display = value;
            else if (key == "ImagePath") theirs[name].image = value;
            else if (key == "Type") theirs[name].type = value;
            else if (key == "Start") theirs[name].start = value;
            else if (key == "Group") theirs[name].group = value;
        }
    }
    REQUIRE(theirs.size() > 400);

    // RegRipper's names for what we name after the SERVICE_* constants.
    const std::map<std::string, std::string> types = {{"Kernel driver", "Kernel driver"},
                                                      {"File system driver", "File system driver"},
                                                      {"Own_Process", "Own process"},
                                                      {"Share_Process", "Share process"},
                                                      {"Interactive", "Interactive"}};
    const std::map<std::string, std::string> starts = {{"Boot Start", "Boot"}, {"System Start", "System"},
                                                       {"Auto Start", "Automatic"}, {"Manual", "Manual"},
                                                       {"Disabled", "Disabled"}};
    const ArtefactTable t = decodeHiveFile(hive, "services");
    CHECK(t.rows.size() == theirs.size());
    size_t compared = 0, typed = 0;
    for (const Row& row : t.rows) {
        const std::string n = columnText(t, row, "Name");
        INFO(n);
        auto it = theirs.find(n);
        REQUIRE(it != theirs.end());
        const Service& s = it->second;
        CHECK(perlGmtime(columnText(t, row, "Last write")) == s.time);
        CHECK(columnText(t, row, "Display name") == s.display);
        CHECK(columnText(t, row, "Image path") == s.image);
        CHECK(columnText(t, row, "Group") == s.group);
        if (auto st = starts.find(s.start); st != starts.end()) {
            // Ours says "(delayed)" after Automatic where DelayedAutostart is set.
            CHECK(columnText(t, row, "Start type").starts_with(st->second));
        } else {
            CHECK(columnText(t, row, "Start type") == "");
        }
        if (auto ty = types.find(s.type); ty != types.end()) {
            CHECK(columnText(t, row, "Service type") == ty->second);
            ++typed;
        }
        ++compared;
    }
    CHECK(compared == theirs.size());
    CHECK(typed > 300);
}

TEST_CASE("USB storage devices and their times agree with RegRipper's usbstor", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const std::string theirs = regripper(hive, "usbstor");
    // "Disk&Ven_HP&Prod_v100w&Rev_1024 [2012-04-07 10:31:37]"
    // "  S/N: AA951D0000007252&0 [2012-04-07 10:31:37Z]"
    // "    FriendlyName          : HP v100w USB Device"
    std::smatch m;
    REQUIRE(std::regex_search(theirs, m, std::regex("\\n(Disk&\\S+) \\[(\\S+ \\S+)\\]\\n  S/N: (\\S+) \\[(\\S+ \\S+)Z\\]")));
    const ArtefactTable t = decodeHiveFile(hive, "usbstor");
    REQUIRE(t.rows.size() == 1);
    const Row& row = t.rows[0];
    CHECK(columnText(t, row, "Device") == m[1].str());
    CHECK(rrTime(columnText(t, row, "Device last write")) == m[2].str());
    CHECK(columnText(t, row, "Serial number") == m[3].str());
    CHECK(rrTime(columnText(t, row, "Instance last write")) == m[4].str());
    REQUIRE(std::regex_search(theirs, m, std::regex("FriendlyName\\s+: (.*)")));
    CHECK(columnText(t, row, "Friendly name") == trimRight(m[1].str()));
    // Windows 7 keeps the first install time as the Data value of
    // Properties\{83da6326-...}\00000064\00000000, a layout RegRipper does
    // not read. Decoded by hand: the 8 bytes e0 1b 2d a0 28 f0 cb 01 are the
    // FILETIME 0x01CBF028A02D1BE0.
    CHECK(columnText(t, row, "First install") == isoTime(FileTime{0x01CBF028A02D1BE0ULL}));
    CHECK(columnText(t, row, "First install").starts_with("2011-04-01T04:52:38"));
}

TEST_CASE("USB devices agree with RegRipper's usbdevices", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    // "VID_03F0&PID_3207\nLastWrite: ...Z\n  SN       : AA951D0000007252\n  LastWrite: ...Z"
    const std::string theirs = regripper(hive, "usbdevices");
    const std::regex device("\\n(VID_\\S+)\\nLastWrite: (\\S+ \\S+)Z\\n  SN\\s+: (\\S+)\\n  LastWrite: (\\S+ \\S+)Z");
    const ArtefactTable t = decodeHiveFile(hive, "usbdevices");
    size_t found = 0;
    for (auto it = std::sregex_iterator(theirs.begin(), theirs.end(), device); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        INFO(m[1].str() << " " << m[3].str());
        auto row = std::find_if(t.rows.begin(), t.rows.end(), [&](const Row& r) {
            return columnText(t, r, "Device") == m[1].str() && columnText(t, r, "Serial number") == m[3].str();
        });
        REQUIRE(row != t.rows.end());
        CHECK(rrTime(columnText(t, *row, "Device last write")) == m[2].str());
        CHECK(rrTime(columnText(t, *row, "Instance last write")) == m[4].str());
        ++found;
    }
    CHECK(found == 1);
    // Enum\USB holds the hubs too, which RegRipper leaves out.
    CHECK(t.rows.size() > found);
}

TEST_CASE("USB connection times of the Windows 8 property layout agree with RegRipper's usbstor", "[artefacts]") {
    // Windows 8 and later keep DEVPKEY_Device_FirstInstallDate (0x64),
    // InstallDate (0x65), LastArrivalDate (0x66) and LastRemovalDate (0x67)
    // as the default value (type 0xFFFF0010, DEVPROP_TYPE_FILETIME, 8
    // bytes) of Properties\{83da6326-97a6-4088-9453-a1923f573b29}\00NN.
    HiveBuilder b;
    const size_t select = b.addKey(HiveBuilder::kRoot, u"Select");
    b.addValue(select, u"Current", kRegDword, dwordBytes(1));
    const size_t cs = b.addKey(HiveBuilder::kRoot, u"ControlSet001");
    const size_t usbstor = b.addKey(b.addKey(cs, u"Enum"), u"USBSTOR");
    const size_t device = b.addKey(usbstor, u"Disk&Ven_Kingston&Prod_DataTraveler&Rev_PMAP");
    const size_t instance = b.addKey(device, u"0019E06B9C85F9A0F7550C20&0");
    b.addValue(instance, u"FriendlyName", kRegSz, regSzBytes(u"Kingston DataTraveler USB Device"));
    const size_t set = b.addKey(b.addKey(instance, u"Properties"), u"{83da6326-97a6-4088-9453-a1923f573b29}");
    const uint64_t first = 0x01D3F1A2B3C4D5E0ULL, arrival = 0x01D4123456789ABCULL, removal = 0x01D4123500000000ULL;
    b.addValue(b.addKey(set, u"0064"), u"", 0xFFFF0010, qwordBytes(first));
    b.addValue(b.addKey(set, u"0066"), u"", 0xFFFF0010, qwordBytes(arrival));
    b.addValue(b.addKey(set, u"0067"), u"", 0xFFFF0010, qwordBytes(removal));
    TempDir dir;
    const std::string hive = saveHive(b.build(), dir.file("SYSTEM"));

    const std::string theirs = regripper(hive, "usbstor");
    std::smatch m;
    const ArtefactTable t = decodeHiveFile(hive, "usbstor");
    REQUIRE(t.rows.size() == 1);
    const Row& row = t.rows[0];
    CHECK(columnText(t, row, "Friendly name") == "Kingston DataTraveler USB Device");
    REQUIRE(std::regex_search(theirs, m, std::regex("First InstallDate\\s+: (\\S+ \\S+)Z")));
    CHECK(rrTime(columnText(t, row, "First install")) == m[1].str());
    REQUIRE(std::regex_search(theirs, m, std::regex("Last Arrival\\s+: (\\S+ \\S+)Z")));
    CHECK(rrTime(columnText(t, row, "Last arrival")) == m[1].str());
    REQUIRE(std::regex_search(theirs, m, std::regex("Last Removal\\s+: (\\S+ \\S+)Z")));
    CHECK(rrTime(columnText(t, row, "Last removal")) == m[1].str());
    CHECK(columnText(t, row, "Install") == "");  // 0x65 not written
    CHECK(columnText(t, row, "First install") == isoTime(FileTime{first}));
}

TEST_CASE("Mounted devices agree with RegRipper's mountdev", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const std::string theirs = regripper(hive, "mountdev");
    const ArtefactTable t = decodeHiveFile(hive, "mounteddevices");
    auto rowOf = [&](const std::string& mountPoint) {
        auto it = std::find_if(t.rows.begin(), t.rows.end(),
                               [&](const Row& r) { return columnText(t, r, "Mount point") == mountPoint; });
        REQUIRE(it != t.rows.end());
        return *it;
    };
    // "\DosDevices\C:\n  Drive Signature =  5c be a0 3e": the signature
    // dword's bytes, most significant first (stored: 3e a0 be 5c).
    const std::regex signature("\\n(\\S+)\\n  Drive Signature =  (\\w\\w) (\\w\\w) (\\w\\w) (\\w\\w)");
    size_t signatures = 0;
    for (auto it = std::sregex_iterator(theirs.begin(), theirs.end(), signature); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        INFO(m[1].str());
        const Row row = rowOf(m[1].str());
        CHECK(columnText(t, row, "Kind") == "MBR");
        std::string dword = m[2].str() + m[3].str() + m[4].str() + m[5].str();
        std::transform(dword.begin(), dword.end(), dword.begin(), ::toupper);
        CHECK(columnText(t, row, "Disk signature") == dword);
        ++signatures;
    }
    CHECK(signatures == 2);
    // "Device: <path>" then the mount points bound to it, indented.
    std::string devicePath;
    size_t mountPoints = 0;
    for (const std::string& line : lines(theirs)) {
        if (line.starts_with("Device: ")) {
            devicePath = line.substr(8);
        } else if (!devicePath.empty() && line.starts_with("  ")) {
            INFO(line);
            const Row row = rowOf(line.substr(2));
            CHECK(columnText(t, row, "Kind") == "Device path");
            CHECK(columnText(t, row, "Device") == devicePath);
            ++mountPoints;
        } else {
            devicePath.clear();
        }
    }
    CHECK(mountPoints > 8);
    CHECK(t.rows.size() == signatures + mountPoints);
}

namespace {

/// One ShimCache entry as RegRipper's appcompatcache prints it:
/// "path  2012-04-04 01:58:40[  Executed]".
struct ShimLine {
    std::string path;
    int64_t seconds = 0;  ///< since 1970
    bool executed = false;
    bool wholeSecond = false;  ///< ours only: the FILETIME has no fraction
};

int64_t unixSeconds(const std::string& text) {
    std::tm tm{};
    if (!strptime(text.substr(0, 19).c_str(), "%Y-%m-%d%n%H:%M:%S", &tm)) return -1;
    return timegm(&tm);
}

std::vector<ShimLine> theirShimLines(const std::string& report) {
    std::vector<ShimLine> out;
    const std::regex entry("^(.+)  (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)(  Executed)?$");
    for (const std::string& line : lines(report)) {
        std::smatch m;
        if (std::regex_match(line, m, entry)) out.push_back({m[1], unixSeconds(m[2]), m[3].matched, false});
    }
    return out;
}

/// Ours in the same form; RegRipper drops the "\??\" prefix of a path.
std::vector<ShimLine> ourShimLines(const ArtefactTable& t) {
    std::vector<ShimLine> out;
    for (const Row& row : t.rows) {
        std::string path = columnText(t, row, "Path");
        if (path.starts_with("\\??\\")) path = path.substr(4);
        const std::string modified = columnText(t, row, "Last modified");
        out.push_back({path, unixSeconds(modified.substr(0, 10) + " " + modified.substr(11)),
                       columnText(t, row, "Executed") == "true", modified.size() == 20});
    }
    return out;
}

/// Pairs every line of theirs with one of ours (same path, executed flag
/// when `withExecuted`, same second) and returns what stayed unpaired.
/// RegRipper turns a FILETIME into seconds in floating point
/// (int(hi * 429.4967296 + lo / 1e7)), which lands one second early on
/// some times that are whole seconds; that is the one difference allowed.
std::vector<std::string> unpairedShimLines(std::vector<ShimLine> ours, const std::vector<ShimLine>& theirs,
                                           bool withExecuted) {
    std::vector<std::string> unpaired;
    for (const ShimLine& line : theirs) {
        auto it = std::find_if(ours.begin(), ours.end(), [&](const ShimLine& o) {
            return o.path == line.path && (!withExecuted || o.executed == line.executed) &&
                   (o.seconds == line.seconds || (o.wholeSecond && o.seconds - 1 == line.seconds));
        });
        if (it == ours.end())
            unpaired.push_back("theirs: " + line.path + " " + std::to_string(line.seconds));
        else
            ours.erase(it);
    }
    for (const ShimLine& o : ours) unpaired.push_back("ours: " + o.path + " " + std::to_string(o.seconds));
    return unpaired;
}

}  // namespace

TEST_CASE("Every ShimCache entry agrees with RegRipper's appcompatcache on the Windows 7 hive", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const ArtefactTable t = decodeHiveFile(hive, "shimcache");
    // shimcache prints the header's count: "Num_entries: 330".
    std::smatch m;
    const std::string header = regripper(hive, "shimcache");
    REQUIRE(std::regex_search(header, m, std::regex("Num_entries: (\\d+)")));
    CHECK(t.rows.size() == std::stoul(m[1].str()));
    for (const Row& row : t.rows) {
        CHECK(row.note.empty());
        CHECK(columnText(t, row, "Format") == "Windows 7/Server 2008 R2 (32-bit)");
    }
    CHECK(columnText(t, t.rows[0], "Position") == "0");
    CHECK(columnText(t, t.rows.back(), "Position") == std::to_string(t.rows.size() - 1));
    const std::vector<ShimLine> theirs = theirShimLines(regripper(hive, "appcompatcache"));
    CHECK(theirs.size() == t.rows.size());
    CHECK(unpairedShimLines(ourShimLines(t), theirs, true) == std::vector<std::string>{});
}

namespace {

/// A SYSTEM hive holding one AppCompatCache value.
std::string shimCacheHive(const TempDir& dir, const std::vector<uint8_t>& value) {
    HiveBuilder b;
    const size_t select = b.addKey(HiveBuilder::kRoot, u"Select");
    b.addValue(select, u"Current", kRegDword, dwordBytes(1));
    const size_t cs = b.addKey(HiveBuilder::kRoot, u"ControlSet001");
    const size_t key = b.addKey(b.addKey(b.addKey(cs, u"Control"), u"Session Manager"), u"AppCompatCache");
    b.addValue(key, u"AppCompatCache", kRegBinary, value);
    return saveHive(b.build(), dir.file("SYSTEM"));
}

void put16(std::vector<uint8_t>& v, uint16_t x) { v.push_back(uint8_t(x)); v.push_back(uint8_t(x >> 8)); }
void put32(std::vector<uint8_t>& v, uint32_t x) { put16(v, uint16_t(x)); put16(v, uint16_t(x >> 16)); }
void put64(std::vector<uint8_t>& v, uint64_t x) { put32(v, uint32_t(x)); put32(v, uint32_t(x >> 32)); }
void putUtf16(std::vector<uint8_t>& v, std::string_view s) { for (char c : s) put16(v, uint8_t(c)); }

}  // namespace

TEST_CASE("Windows 10 ShimCache entries in a built hive agree with RegRipper's appcompatcache", "[artefacts]") {
    // Windows 10 (1703+): a 0x34-byte header whose first dword is its size,
    // then entries: "10ts", a dword, the size of the rest, path length,
    // path (UTF-16), last modified FILETIME, data size, data.
    const std::vector<std::pair<std::string, uint64_t>> files = {
        {"C:\\Windows\\System32\\calc.exe", 0x01D2B6A1C0FFEE00ULL},
        {"C:\\Users\\analyst\\Downloads\\tool.exe", 0x01D5A0B0C0D0E0F0ULL},
        {"C:\\Program Files\\App\\app.exe", 0x01CA04F07B5A5E00ULL}};
    std::vector<uint8_t> v;
    put32(v, 0x34);
    v.resize(0x34, 0);
    for (const auto& [path, time] : files) {
        const uint32_t dataSize = 8;
        put32(v, 0x73743031);  // "10ts"
        put32(v, 0xCAFEF00D);
        put32(v, uint32_t(2 + path.size() * 2 + 8 + 4 + dataSize));
        put16(v, uint16_t(path.size() * 2));
        putUtf16(v, path);
        put64(v, time);
        put32(v, dataSize);
        v.insert(v.end(), dataSize, 0xAA);
    }
    TempDir dir;
    const std::string hive = shimCacheHive(dir, v);
    const ArtefactTable t = decodeHiveFile(hive, "shimcache");
    REQUIRE(t.rows.size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        CHECK(columnText(t, t.rows[i], "Path") == files[i].first);
        CHECK(columnText(t, t.rows[i], "Data size") == "8");
        CHECK(columnText(t, t.rows[i], "Format") == "Windows 10/11");
    }
    const std::vector<ShimLine> theirs = theirShimLines(regripper(hive, "appcompatcache"));
    CHECK(theirs.size() == files.size());
    CHECK(unpairedShimLines(ourShimLines(t), theirs, false) == std::vector<std::string>{});
}

TEST_CASE("Windows 7 64-bit ShimCache entries in a built hive agree with RegRipper's appcompatcache", "[artefacts]") {
    // 0xBADC0FEE, count at 4, a 128-byte header, then 48-byte entries:
    // length, maximum length, 4 bytes of padding, path offset (u64), last
    // modified, insert flags (0x2: executed), shim flags, data size (u64),
    // data offset (u64); the paths follow the entries.
    const std::vector<std::tuple<std::string, uint64_t, uint32_t>> files = {
        {"\\??\\C:\\Windows\\system32\\svchost.exe", 0x01CA04F07B5A5E00ULL, 0x2},
        {"\\??\\C:\\Windows\\System32\\shell32.dll", 0x01CBC9D2E3F40000ULL, 0x0},
        {"\\??\\C:\\Temp\\p.exe", 0x01CD127AF9CEC480ULL, 0x2}};
    std::vector<uint8_t> v;
    put32(v, 0xBADC0FEE);
    put32(v, uint32_t(files.size()));
    v.resize(128, 0);
    uint64_t pathOffset = 128 + 48 * files.size();
    for (const auto& [path, time, flags] : files) {
        put16(v, uint16_t(path.size() * 2));
        put16(v, uint16_t(path.size() * 2 + 2));
        put32(v, 0);
        put64(v, pathOffset);
        put64(v, time);
        put32(v, flags);
        put32(v, 0);
        put64(v, 0);
        put64(v, 0);
        pathOffset += path.size() * 2;
    }
    for (const auto& file : files) putUtf16(v, std::get<0>(file));
    TempDir dir;
    const std::string hive = shimCacheHive(dir, v);
    const ArtefactTable t = decodeHiveFile(hive, "shimcache");
    REQUIRE(t.rows.size() == files.size());
    CHECK(columnText(t, t.rows[0], "Format") == "Windows 7/Server 2008 R2 (64-bit)");
    CHECK(columnText(t, t.rows[0], "Executed") == "true");
    CHECK(columnText(t, t.rows[1], "Executed") == "false");
    const std::string report = regripper(hive, "appcompatcache");
    CHECK(report.find("Win2K8R2/Win7, 64-bit") != std::string::npos);
    const std::vector<ShimLine> theirs = theirShimLines(report);
    CHECK(theirs.size() == files.size());
    CHECK(unpairedShimLines(ourShimLines(t), theirs, true) == std::vector<std::string>{});
}

TEST_CASE("BAM entries in a built hive agree with RegRipper's bam", "[artefacts]") {
    // Windows 10 1809+: Services\bam\State\UserSettings\<SID>, one
    // REG_BINARY value per executable (named by its device path): a
    // FILETIME of the last execution, then 16 bytes (zero in practice);
    // Version and SequenceNumber are DWORDs.
    HiveBuilder b;
    const size_t select = b.addKey(HiveBuilder::kRoot, u"Select");
    b.addValue(select, u"Current", kRegDword, dwordBytes(1));
    const size_t cs = b.addKey(HiveBuilder::kRoot, u"ControlSet001");
    const size_t settings =
        b.addKey(b.addKey(b.addKey(b.addKey(cs, u"Services"), u"bam"), u"State"), u"UserSettings");
    const size_t user = b.addKey(settings, u"S-1-5-21-3623811015-3361044348-30300820-1013");
    auto bamData = [](uint64_t filetime) {
        std::vector<uint8_t> d = qwordBytes(filetime);
        d.resize(24, 0);
        return d;
    };
    b.addValue(user, u"Version", kRegDword, dwordBytes(1));
    b.addValue(user, u"SequenceNumber", kRegDword, dwordBytes(7));
    b.addValue(user, u"\\Device\\HarddiskVolume3\\Windows\\System32\\cmd.exe", kRegBinary,
               bamData(0x01D7E5A1B2C3D4E0ULL));
    b.addValue(user, u"\\Device\\HarddiskVolume3\\Users\\x\\mimikatz.exe", kRegBinary, bamData(0x01D7E5B000000000ULL));
    b.addValue(user, u"Microsoft.Windows.Explorer", kRegBinary, bamData(0x01D7E5A000000000ULL));
    TempDir dir;
    const std::string hive = saveHive(b.build(), dir.file("SYSTEM"));

    // "S-1-5-...\n  2021-12-01 10:11:12Z - \Device\..."
    const std::string theirs = regripper(hive, "bam");
    std::set<std::string> theirLines, ourLines;
    const std::regex entry("^  (\\S+ \\S+)Z - (.+)$");
    for (const std::string& line : lines(theirs)) {
        std::smatch m;
        if (std::regex_match(line, m, entry)) theirLines.insert(m[1].str() + " " + m[2].str());
    }
    CHECK(theirs.find("S-1-5-21-3623811015-3361044348-30300820-1013") != std::string::npos);
    const ArtefactTable t = decodeHiveFile(hive, "bam");
    REQUIRE(t.rows.size() == 3);
    for (const Row& row : t.rows) {
        CHECK(columnText(t, row, "SID") == "S-1-5-21-3623811015-3361044348-30300820-1013");
        CHECK(columnText(t, row, "Service") == "bam");
        ourLines.insert(rrTime(columnText(t, row, "Last execution")) + " " + columnText(t, row, "Executable"));
    }
    CHECK(theirLines.size() == 3);
    CHECK(ourLines == theirLines);
}

TEST_CASE("Network interfaces agree with RegRipper's nic2", "[artefacts]") {
    const std::string hive = hivePath("regipy/SYSTEM");
    const ArtefactTable t = decodeHiveFile(hive, "nic");
    // "Adapter: {GUID}\nLastWrite Time: ...Z" then "  Name   value" lines.
    std::string adapter;
    std::map<std::string, std::map<std::string, std::string>> theirs;
    const std::regex adapterLine("^Adapter: (\\S+)$"), lastWrite("^LastWrite Time: (\\S+ \\S+)Z$"),
        valueLine("^  (\\w+)\\s+(.*)$");
    for (const std::string& line : lines(regripper(hive, "nic2"))) {
        std::smatch m;
        if (std::regex_match(line, m, adapterLine)) adapter = m[1];
        else if (!adapter.empty() && std::regex_match(line, m, lastWrite)) theirs[adapter]["LastWrite"] = m[1];
        else if (!adapter.empty() && std::regex_match(line, m, valueLine)) theirs[adapter][m[1]] = trimRight(m[2]);
    }
    REQUIRE(theirs.size() == 3);
    size_t withAddress = 0;
    for (const auto& [guid, values] : theirs) {
        INFO(guid);
        auto row = std::find_if(t.rows.begin(), t.rows.end(),
                                [&](const Row& r) { return columnText(t, r, "Interface") == guid; });
        REQUIRE(row != t.rows.end());
        CHECK(rrTime(columnText(t, *row, "Last write")) == values.at("LastWrite"));
        auto value = [&](const char* name) { return values.count(name) ? values.at(name) : std::string{}; };
        if (value("EnableDHCP") == "0") {
            CHECK(columnText(t, *row, "IP address") == value("IPAddress"));
            CHECK(columnText(t, *row, "Subnet mask") == value("SubnetMask"));
            CHECK(columnText(t, *row, "Default gateway") == value("DefaultGateway"));
            CHECK(columnText(t, *row, "Name server") == value("NameServer"));
            CHECK(columnText(t, *row, "DHCP") == "false");
            ++withAddress;
        }
        CHECK(columnText(t, *row, "DHCP server") == value("DhcpServer"));
        CHECK(columnText(t, *row, "Domain") == value("Domain"));
        // RegRipper prints a lease time of 0 as 1970-01-01; ours is empty.
        for (const auto& [theirName, ourName] : {std::pair{"LeaseObtainedTime", "Lease obtained"},
                                                 std::pair{"LeaseTerminatesTime", "Lease terminates"}}) {
            std::string expected = value(theirName);
            if (expected == "1970-01-01 00:00:00Z") expected.clear();
            if (!expected.empty()) expected.pop_back();  // the Z
            CHECK(rrTime(columnText(t, *row, ourName)) == expected);
        }
    }
    CHECK(withAddress == 2);
}

TEST_CASE("The active control sets agree with libhivex's reading of Select", "[artefacts]") {
    // RegRipper has no plugin for Select; hivex-dump (libhivex) is the
    // independent reader here. "V <tab> Select <tab> Current <tab> 4 <tab> 01000000".
    const std::string hive = hivePath("regipy/SYSTEM");
    ProcessResult dump = run({hivexDumpScript(), hive});
    REQUIRE(dump.exitCode == 0);
    const ArtefactTable t = decodeHiveFile(hive, "select");
    REQUIRE(t.rows.size() == 1);
    size_t compared = 0;
    for (const char* name : {"Current", "Default", "LastKnownGood", "Failed"}) {
        INFO(name);
        std::smatch m;
        REQUIRE(std::regex_search(dump.out, m, std::regex(std::string("\\nV\\tSelect\\t") + name + "\\t4\\t([0-9a-f]{8})\\n")));
        const uint32_t n = uint32_t(std::stoul(m[1].str().substr(0, 2), nullptr, 16)) |
                           uint32_t(std::stoul(m[1].str().substr(2, 2), nullptr, 16)) << 8 |
                           uint32_t(std::stoul(m[1].str().substr(4, 2), nullptr, 16)) << 16 |
                           uint32_t(std::stoul(m[1].str().substr(6, 2), nullptr, 16)) << 24;
        CHECK(columnText(t, t.rows[0], name) == std::to_string(n));
        ++compared;
    }
    CHECK(compared == 4);
    CHECK(columnText(t, t.rows[0], "Control set") == "ControlSet001");
}
