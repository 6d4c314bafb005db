#include "support/SoftwareHive.h"

#include <map>
#include <stdexcept>
#include <vector>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "format/ValueData.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"

namespace testsupport {

namespace {

/// Builds keys by path, creating the missing parents.
class Tree {
public:
    explicit Tree(HiveBuilder& builder) : builder_(builder) {}

    size_t key(const std::u16string& path) {
        auto found = ids_.find(path);
        if (found != ids_.end()) return found->second;
        const size_t slash = path.rfind(u'\\');
        const size_t parent = slash == std::u16string::npos ? HiveBuilder::kRoot : key(path.substr(0, slash));
        const size_t id =
            builder_.addKey(parent, slash == std::u16string::npos ? path : path.substr(slash + 1));
        ids_[path] = id;
        return id;
    }
    void sz(const std::u16string& path, const std::u16string& name, const std::u16string& text) {
        builder_.addValue(key(path), name, hivekit::kRegSz, regSzBytes(text));
    }
    void expandSz(const std::u16string& path, const std::u16string& name, const std::u16string& text) {
        builder_.addValue(key(path), name, hivekit::kRegExpandSz, regSzBytes(text));
    }
    void dword(const std::u16string& path, const std::u16string& name, uint32_t n) {
        builder_.addValue(key(path), name, hivekit::kRegDword, dwordBytes(n));
    }
    void qword(const std::u16string& path, const std::u16string& name, uint64_t n) {
        builder_.addValue(key(path), name, hivekit::kRegQword, qwordBytes(n));
    }
    void binary(const std::u16string& path, const std::u16string& name, std::vector<uint8_t> bytes) {
        builder_.addValue(key(path), name, hivekit::kRegBinary, std::move(bytes));
    }

private:
    HiveBuilder& builder_;
    std::map<std::u16string, size_t> ids_;
};

/// A SYSTEMTIME's 16 bytes (Microsoft: wYear, wMonth, wDayOfWeek, wDay,
/// wHour, wMinute, wSecond, wMilliseconds, each a little-endian WORD).
std::vector<uint8_t> systemTime(uint16_t year, uint16_t month, uint16_t dayOfWeek, uint16_t day, uint16_t hour,
                                uint16_t minute, uint16_t second) {
    std::vector<uint8_t> out;
    for (uint16_t w : {year, month, dayOfWeek, day, hour, minute, second, uint16_t{0}}) {
        out.push_back(static_cast<uint8_t>(w & 0xFF));
        out.push_back(static_cast<uint8_t>(w >> 8));
    }
    return out;
}

const std::u16string kCv = u"Microsoft\\Windows\\CurrentVersion";
const std::u16string kNt = u"Microsoft\\Windows NT\\CurrentVersion";
const std::u16string kUserSid = u"S-1-5-21-3623811015-3361044348-30300820-1001";
const std::u16string kWiredProfile = u"{5A1A5C9B-9F24-4F0E-9B1C-0D3E2C1B7A61}";
const std::u16string kWirelessProfile = u"{C1E2B3A4-7D6F-4A8B-9C0D-1E2F3A4B5C6D}";

}  // namespace

std::string writeSoftwareHive(const std::string& path) {
    HiveBuilder builder;
    // The root key name Windows 10 gives its SOFTWARE hive.
    builder.setRootName(u"CMI-CreateHive{199DAFC2-6F16-4946-BF90-5A3FC3A60902}");
    Tree t(builder);
    // The top-level keys every SOFTWARE hive has (hive kind detection and
    // RegRipper's guess look at these).
    for (const char16_t* top : {u"Classes", u"Clients", u"Policies", u"RegisteredApplications", u"Wow6432Node"})
        t.key(top);

    // Windows NT\CurrentVersion of Windows 10 21H2, build 19044.1288.
    t.sz(kNt, u"CurrentVersion", u"6.3");
    t.sz(kNt, u"CurrentBuild", u"19044");
    t.sz(kNt, u"CurrentBuildNumber", u"19044");
    t.dword(kNt, u"UBR", 1288);
    t.sz(kNt, u"ReleaseId", u"2009");
    t.sz(kNt, u"DisplayVersion", u"21H2");
    t.sz(kNt, u"BuildLab", u"19041.vb_release.191206-1406");
    t.sz(kNt, u"BuildLabEx", u"19041.1.amd64fre.vb_release.191206-1406");
    t.sz(kNt, u"ProductName", u"Windows 10 Pro");
    t.sz(kNt, u"EditionID", u"Professional");
    t.sz(kNt, u"CompositionEditionID", u"Enterprise");
    t.sz(kNt, u"InstallationType", u"Client");
    t.sz(kNt, u"RegisteredOwner", u"user");
    t.sz(kNt, u"RegisteredOrganization", u"");
    t.dword(kNt, u"InstallDate", 1633347843);               // 2021-10-04T11:44:03Z, seconds since 1970
    t.qword(kNt, u"InstallTime", 132778214431234567ULL);     // the same instant as a FILETIME (+0.1234567 s)
    t.sz(kNt, u"SystemRoot", u"C:\\Windows");

    // Uninstall: two 64-bit programs, a key with no values (Windows' own
    // AddressBook), and a 32-bit program under Wow6432Node.
    const std::u16string un = kCv + u"\\Uninstall";
    t.sz(un + u"\\7-Zip", u"DisplayName", u"7-Zip 21.07 (x64)");
    t.sz(un + u"\\7-Zip", u"DisplayVersion", u"21.07");
    t.sz(un + u"\\7-Zip", u"Publisher", u"Igor Pavlov");
    t.sz(un + u"\\7-Zip", u"InstallLocation", u"C:\\Program Files\\7-Zip\\");
    t.sz(un + u"\\7-Zip", u"UninstallString", u"\"C:\\Program Files\\7-Zip\\Uninstall.exe\"");
    const std::u16string firefox = un + u"\\Mozilla Firefox 96.0 (x64 en-US)";
    t.sz(firefox, u"DisplayName", u"Mozilla Firefox (x64 en-US)");
    t.sz(firefox, u"DisplayVersion", u"96.0");
    t.sz(firefox, u"Publisher", u"Mozilla");
    t.sz(firefox, u"InstallLocation", u"C:\\Program Files\\Mozilla Firefox");
    t.sz(firefox, u"UninstallString", u"\"C:\\Program Files\\Mozilla Firefox\\uninstall\\helper.exe\"");
    t.key(un + u"\\AddressBook");
    const std::u16string npp = u"Wow6432Node\\" + un + u"\\Notepad++";
    t.sz(npp, u"DisplayName", u"Notepad++ (32-bit x86)");
    t.sz(npp, u"DisplayVersion", u"8.1.9.3");
    t.sz(npp, u"Publisher", u"Notepad++ Team");
    t.sz(npp, u"InstallDate", u"20220115");
    t.expandSz(npp, u"UninstallString", u"C:\\Program Files (x86)\\Notepad++\\uninstall.exe");

    // ProfileList: the three service accounts and one user, whose load and
    // unload times Windows 10 keeps as High/Low DWORD pairs.
    const std::u16string pl = kNt + u"\\ProfileList";
    t.expandSz(pl + u"\\S-1-5-18", u"ProfileImagePath", u"%systemroot%\\system32\\config\\systemprofile");
    t.dword(pl + u"\\S-1-5-18", u"Flags", 12);
    t.expandSz(pl + u"\\S-1-5-19", u"ProfileImagePath", u"%systemroot%\\ServiceProfiles\\LocalService");
    t.expandSz(pl + u"\\S-1-5-20", u"ProfileImagePath", u"%systemroot%\\ServiceProfiles\\NetworkService");
    const std::u16string user = pl + u"\\" + kUserSid;
    t.expandSz(user, u"ProfileImagePath", u"C:\\Users\\user");
    t.dword(user, u"Flags", 0);
    t.dword(user, u"State", 0);
    // Loaded 2022-01-20T03:37:36Z (FILETIME 0x01D80DAF_10D10000), unloaded
    // 2022-01-19T20:41:10Z (0x01D80D74_E3FFF700).
    t.dword(user, u"LocalProfileLoadTimeHigh", 0x01D80DAF);
    t.dword(user, u"LocalProfileLoadTimeLow", 0x10D10000);
    t.dword(user, u"LocalProfileUnloadTimeHigh", 0x01D80D74);
    t.dword(user, u"LocalProfileUnloadTimeLow", 0xE3FFF700);

    // NetworkList: a wired and a wireless network (NameType 6 and 0x47),
    // their SYSTEMTIME dates, and their unmanaged signatures' gateway MACs.
    const std::u16string nl = kNt + u"\\NetworkList";
    const std::u16string wired = nl + u"\\Profiles\\" + kWiredProfile;
    t.sz(wired, u"ProfileName", u"Network");
    t.sz(wired, u"Description", u"Network");
    t.dword(wired, u"Managed", 0);
    t.dword(wired, u"Category", 0);
    t.binary(wired, u"DateCreated", systemTime(2021, 10, 1, 4, 13, 50, 21));        // Monday
    t.dword(wired, u"NameType", 0x06);
    t.binary(wired, u"DateLastConnected", systemTime(2022, 1, 4, 20, 9, 15, 2));    // Thursday
    const std::u16string wireless = nl + u"\\Profiles\\" + kWirelessProfile;
    t.sz(wireless, u"ProfileName", u"HomeWiFi");
    t.sz(wireless, u"Description", u"HomeWiFi");
    t.dword(wireless, u"Managed", 0);
    t.dword(wireless, u"Category", 1);
    t.binary(wireless, u"DateCreated", systemTime(2021, 11, 5, 12, 18, 3, 44));     // Friday
    t.dword(wireless, u"NameType", 0x47);
    t.binary(wireless, u"DateLastConnected", systemTime(2022, 1, 3, 19, 20, 41, 10));  // Wednesday
    const std::u16string sigWired =
        nl + u"\\Signatures\\Unmanaged\\010103000F0000F0080000000F0000F0E3E2A8F6A1B2C3D4E5F60718293A4B5C";
    t.sz(sigWired, u"ProfileGuid", kWiredProfile);
    t.sz(sigWired, u"Description", u"Network");
    t.dword(sigWired, u"Source", 8);
    t.sz(sigWired, u"DnsSuffix", u"localdomain");
    t.sz(sigWired, u"FirstNetwork", u"Network");
    t.binary(sigWired, u"DefaultGatewayMac", {0x00, 0x50, 0x56, 0xF4, 0x3A, 0x1B});
    const std::u16string sigWireless =
        nl + u"\\Signatures\\Unmanaged\\010103000F0000F0A00000000F0000F0C4D5E6F708192A3B4C5D6E7F8091A2B3";
    t.sz(sigWireless, u"ProfileGuid", kWirelessProfile);
    t.sz(sigWireless, u"Description", u"HomeWiFi");
    t.dword(sigWireless, u"Source", 8);
    t.sz(sigWireless, u"DnsSuffix", u"<none>");
    t.sz(sigWireless, u"FirstNetwork", u"HomeWiFi");
    t.binary(sigWireless, u"DefaultGatewayMac", {0xA0, 0x63, 0x91, 0x12, 0x34, 0x56});

    // Run keys: Windows Security's tray icon, VMware Tools, and a 32-bit
    // Java updater; RunOnce is there and empty, as Windows leaves it.
    t.expandSz(kCv + u"\\Run", u"SecurityHealth", u"%windir%\\system32\\SecurityHealthSystray.exe");
    t.sz(kCv + u"\\Run", u"VMware User Process",
         u"\"C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe\" -n vmusr");
    t.key(kCv + u"\\RunOnce");
    t.sz(u"Wow6432Node\\" + kCv + u"\\Run", u"SunJavaUpdateSched",
         u"\"C:\\Program Files (x86)\\Common Files\\Java\\Java Update\\jusched.exe\"");

    // App Paths.
    t.sz(kCv + u"\\App Paths\\firefox.exe", u"", u"C:\\Program Files\\Mozilla Firefox\\firefox.exe");
    t.sz(kCv + u"\\App Paths\\firefox.exe", u"Path", u"C:\\Program Files\\Mozilla Firefox");
    t.sz(kCv + u"\\App Paths\\7zFM.exe", u"", u"C:\\Program Files\\7-Zip\\7zFM.exe");
    t.sz(kCv + u"\\App Paths\\7zFM.exe", u"Path", u"C:\\Program Files\\7-Zip");

    // Image File Execution Options: the sticky keys backdoor (a Debugger on
    // sethc.exe), silent process exit monitoring on notepad.exe (GlobalFlag
    // 0x200, FLG_MONITOR_SILENT_PROCESS_EXIT), and two keys that neither
    // decoder reports: Windows' placeholder and a mitigation setting.
    const std::u16string ifeo = kNt + u"\\Image File Execution Options";
    t.sz(ifeo + u"\\sethc.exe", u"Debugger", u"C:\\Windows\\System32\\cmd.exe");
    t.dword(ifeo + u"\\notepad.exe", u"GlobalFlag", 0x200);
    t.key(ifeo + u"\\Your Image File Name Here without a path");
    t.binary(ifeo + u"\\chrome.exe", u"MitigationOptions", {0, 0, 0, 0, 0, 0, 0, 0x10});

    // Winlogon as Windows 10 ships it, for a machine whose user is "user".
    const std::u16string wl = kNt + u"\\Winlogon";
    t.sz(wl, u"Shell", u"explorer.exe");
    t.sz(wl, u"Userinit", u"C:\\Windows\\system32\\userinit.exe,");
    t.sz(wl, u"AutoAdminLogon", u"0");
    t.sz(wl, u"DefaultUserName", u"user");
    t.sz(wl, u"DefaultDomainName", u"DESKTOP-8K2J4QF");
    t.sz(wl, u"LastUsedUsername", u"user");

    const size_t firefoxKey = t.key(firefox), sevenZipKey = t.key(un + u"\\7-Zip"), userKey = t.key(user);
    BuiltHive built = builder.build();
    // Distinct last-write times for a few keys (nk offset 0x04, a FILETIME).
    auto setTime = [&built](size_t id, uint64_t time) {
        built.pokeField32(built.key(id).nk, 0x04, static_cast<uint32_t>(time));
        built.pokeField32(built.key(id).nk, 0x08, static_cast<uint32_t>(time >> 32));
    };
    setTime(firefoxKey, SoftwareHiveTimes::kFirefox);
    setTime(sevenZipKey, SoftwareHiveTimes::kSevenZip);
    setTime(userKey, SoftwareHiveTimes::kUserProfile);
    // The base block's file name as Windows records it, the last 31
    // characters of the path (RegRipper guesses the hive's kind from it,
    // too): UTF-16LE at 0x30, 64 bytes.
    const std::u16string fileName = u"emRoot\\System32\\Config\\SOFTWARE";
    for (size_t i = 0; i < 32; ++i) built.poke16(0x30 + 2 * i, i < fileName.size() ? fileName[i] : 0);
    built.fixChecksum();
    writeFile(path, built.bytes);
    return path;
}

std::string fieldText(const hivekit::artefacts::Field& field) {
    using hivekit::artefacts::FileTime;
    if (auto* s = std::get_if<std::string>(&field)) return *s;
    if (auto* n = std::get_if<int64_t>(&field)) return std::to_string(*n);
    if (auto* t = std::get_if<FileTime>(&field)) return hivekit::artefacts::isoTime(*t);
    if (auto* b = std::get_if<bool>(&field)) return *b ? "true" : "false";
    if (auto* bytes = std::get_if<std::vector<uint8_t>>(&field)) {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string hex;
        for (uint8_t byte : *bytes) hex += {kDigits[byte >> 4], kDigits[byte & 0xF]};
        return hex;
    }
    return {};
}

std::vector<ArtefactRow> artefactRows(const hivekit::Hive& hive, std::string_view decoderName) {
    using namespace hivekit::artefacts;
    const Decoder* decoder = findDecoder(decoderName);
    if (!decoder) throw std::runtime_error("no decoder is called " + std::string(decoderName));
    const DecodeContext context(hive, detectHiveKind(hive));
    const ArtefactTable table = runDecoder(*decoder, context);
    if (!table.error.empty()) throw std::runtime_error(table.error);
    std::vector<ArtefactRow> rows;
    for (const Row& row : table.rows) {
        ArtefactRow r;
        for (size_t i = 0; i < table.columns.size(); ++i) r[table.columns[i].name] = fieldText(row.fields[i]);
        r["note"] = row.note;
        r["key"] = row.source.keyPath;
        rows.push_back(std::move(r));
    }
    return rows;
}

const ArtefactRow& rowWhere(const std::vector<ArtefactRow>& rows, const std::string& column,
                            const std::string& value) {
    for (const ArtefactRow& r : rows) {
        auto it = r.find(column);
        if (it != r.end() && it->second == value) return r;
    }
    throw std::runtime_error("no row has " + column + " = " + value);
}

}  // namespace testsupport
