// SOFTWARE hive artefact decoders: the Windows version, installed programs,
// user profiles, networks, machine autoruns, App Paths, Image File Execution
// Options and Winlogon.
#include <cstdlib>

#include "artefacts/Registry.h"
#include "format/ByteReader.h"

namespace hivekit::artefacts {

namespace {

constexpr std::string_view kCurrentVersion = "Microsoft\\Windows\\CurrentVersion";
constexpr std::string_view kNtCurrentVersion = "Microsoft\\Windows NT\\CurrentVersion";

std::string path(std::string_view a, std::string_view b) { return std::string(a) + "\\" + std::string(b); }

/// A value's text when it is a string; otherwise empty, with a note saying
/// so appended to `note` (a missing value is no problem: empty, no note).
Field textField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    auto value = context.value(key, name);
    if (!value) return std::monostate{};
    if (auto text = DecodeContext::text(*value)) return text->empty() ? Field{} : Field{*text};
    note += (note.empty() ? "" : "; ") + (name.empty() ? std::string("the default value") : std::string(name)) +
            " is not a string (type " + std::to_string(value->type) + ")";
    return std::monostate{};
}

/// A value's number (DWORD, QWORD, 4/8-byte binary), or empty with a note.
std::optional<int64_t> numberOf(const DecodeContext& context, uint32_t key, std::string_view name,
                                std::string& note) {
    auto value = context.value(key, name);
    if (!value) return std::nullopt;
    if (auto n = DecodeContext::number(*value)) return n;
    note += (note.empty() ? "" : "; ") + std::string(name) + " is not a number (type " +
            std::to_string(value->type) + ", " + std::to_string(value->data.bytes().size()) + " bytes)";
    return std::nullopt;
}

/// A FILETIME held as two DWORD values (…High and …Low), as ProfileList
/// keeps its load times; empty when either is missing or both are 0.
Field splitFileTime(const DecodeContext& context, uint32_t key, std::string_view high, std::string_view low,
                    std::string& note) {
    auto hi = numberOf(context, key, high, note);
    auto lo = numberOf(context, key, low, note);
    if (!hi || !lo) return std::monostate{};
    const uint64_t ticks = (static_cast<uint64_t>(*hi & 0xFFFFFFFF) << 32) | static_cast<uint64_t>(*lo & 0xFFFFFFFF);
    return ticks == 0 ? Field{} : Field{FileTime{ticks}};
}

/// The Windows version, build, install time and registered owner.
class WinVerDecoder final : public Decoder {
public:
    std::string_view name() const override { return "winver"; }
    std::string_view title() const override { return "Windows version"; }
    std::string_view description() const override {
        return "The installed Windows: product, release, build, install time and registered owner.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override { return {std::string(kNtCurrentVersion)}; }
    std::vector<Column> columns() const override {
        return {{"Product name", ColumnType::Text},   {"Edition", ColumnType::Text},
                {"Release", ColumnType::Text},        {"Build", ColumnType::Text},
                {"Build lab", ColumnType::Text},      {"Service pack", ColumnType::Text},
                {"Install date", ColumnType::FileTime}, {"Install time", ColumnType::FileTime},
                {"Registered owner", ColumnType::Text}, {"Registered organization", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key(kNtCurrentVersion);
        if (!key) return;
        Row row;
        std::string& note = row.note;
        row.source = context.source(*key);
        // Windows 10 20H2 and later name the release DisplayVersion
        // ("21H2") and keep ReleaseId at 2009; older ones only have ReleaseId.
        Field release = textField(context, *key, "DisplayVersion", note);
        if (std::holds_alternative<std::monostate>(release)) release = textField(context, *key, "ReleaseId", note);
        // CurrentBuild (Vista on) with the update build revision UBR (10 on).
        Field build = textField(context, *key, "CurrentBuild", note);
        if (std::holds_alternative<std::monostate>(build)) build = textField(context, *key, "CurrentBuildNumber", note);
        if (auto* text = std::get_if<std::string>(&build)) {
            if (auto ubr = numberOf(context, *key, "UBR", note)) *text += "." + std::to_string(*ubr);
        }
        Field lab = textField(context, *key, "BuildLabEx", note);
        if (std::holds_alternative<std::monostate>(lab)) lab = textField(context, *key, "BuildLab", note);
        // InstallDate: seconds since 1970 (DWORD); InstallTime (10 on): FILETIME (QWORD).
        Field installDate;
        if (auto seconds = numberOf(context, *key, "InstallDate", note); seconds && *seconds != 0)
            installDate = fileTimeFromUnix(*seconds);
        Field installTime;
        if (auto ticks = numberOf(context, *key, "InstallTime", note); ticks && *ticks != 0)
            installTime = FileTime{static_cast<uint64_t>(*ticks)};
        row.fields = {textField(context, *key, "ProductName", note),
                      textField(context, *key, "EditionID", note),
                      release,
                      build,
                      lab,
                      textField(context, *key, "CSDVersion", note),
                      installDate,
                      installTime,
                      textField(context, *key, "RegisteredOwner", note),
                      textField(context, *key, "RegisteredOrganization", note),
                      context.lastWritten(*key)};
        rows.push_back(std::move(row));
    }
};

/// Where 64-bit Windows keeps a 32-bit program's view of a SOFTWARE key.
std::string wow64(std::string_view path) { return "Wow6432Node\\" + std::string(path); }

/// Installed programs as Programs and Features lists them.
class UninstallDecoder final : public Decoder {
public:
    std::string_view name() const override { return "uninstall"; }
    std::string_view title() const override { return "Installed programs"; }
    std::string_view description() const override {
        return "Programs that registered an uninstaller: name, version, publisher, install date and place.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        const std::string uninstall = path(kCurrentVersion, "Uninstall");
        return {uninstall, wow64(uninstall)};
    }
    std::vector<Column> columns() const override {
        return {{"Key name", ColumnType::Text},         {"Display name", ColumnType::Text},
                {"Version", ColumnType::Text},          {"Publisher", ColumnType::Text},
                {"Install date", ColumnType::Text},     {"Install location", ColumnType::Path},
                {"Uninstall command", ColumnType::Path}, {"32-bit", ColumnType::Boolean},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths = keyPaths();
        for (size_t i = 0; i < paths.size(); ++i) {
            auto key = context.key(paths[i]);
            if (!key) continue;
            for (const auto& [name, program] : context.subkeys(*key)) {
                Row row;
                row.source = context.source(program);
                std::string& note = row.note;
                // InstallDate is text, "YYYYMMDD" as the installer wrote it: kept as is.
                row.fields = {name,
                              textField(context, program, "DisplayName", note),
                              textField(context, program, "DisplayVersion", note),
                              textField(context, program, "Publisher", note),
                              textField(context, program, "InstallDate", note),
                              textField(context, program, "InstallLocation", note),
                              textField(context, program, "UninstallString", note),
                              i == 1,
                              context.lastWritten(program)};
                rows.push_back(std::move(row));
            }
        }
    }
};

/// The user profiles the machine has: SID, profile folder, load times.
class ProfileListDecoder final : public Decoder {
public:
    std::string_view name() const override { return "profilelist"; }
    std::string_view title() const override { return "User profiles"; }
    std::string_view description() const override {
        return "Each account that has a profile on the machine: its SID, profile folder and last load and unload.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override { return {path(kNtCurrentVersion, "ProfileList")}; }
    std::vector<Column> columns() const override {
        return {{"SID", ColumnType::Text},           {"Profile path", ColumnType::Path},
                {"Load time", ColumnType::FileTime}, {"Unload time", ColumnType::FileTime},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key(keyPaths().front());
        if (!key) return;
        for (const auto& [sid, profile] : context.subkeys(*key)) {
            Row row;
            std::string& note = row.note;
            row.source = context.source(profile);
            // Vista/7 keep ProfileLoadTimeHigh/Low; Windows 10 and 11 keep
            // LocalProfileLoadTime… and LocalProfileUnloadTime… instead.
            Field load = splitFileTime(context, profile, "LocalProfileLoadTimeHigh", "LocalProfileLoadTimeLow", note);
            if (std::holds_alternative<std::monostate>(load))
                load = splitFileTime(context, profile, "ProfileLoadTimeHigh", "ProfileLoadTimeLow", note);
            row.fields = {sid, textField(context, profile, "ProfileImagePath", note), load,
                          splitFileTime(context, profile, "LocalProfileUnloadTimeHigh", "LocalProfileUnloadTimeLow",
                                        note),
                          context.lastWritten(profile)};
            rows.push_back(std::move(row));
        }
    }
};

/// "00-11-22-AA-BB-CC" of the first six bytes.
std::string macText(Bytes mac) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (size_t i = 0; i < 6 && i < mac.size(); ++i) {
        if (i != 0) out += '-';
        out += {kDigits[mac[i] >> 4], kDigits[mac[i] & 0xF]};
    }
    return out;
}

/// The networks the machine connected to (NetworkList\Profiles), with the
/// gateway MAC address from their signatures.
class NetworkListDecoder final : public Decoder {
public:
    std::string_view name() const override { return "networklist"; }
    std::string_view title() const override { return "Networks"; }
    std::string_view description() const override {
        return "Networks the machine connected to: name, kind, first and last connection, gateway MAC address.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        return {path(kNtCurrentVersion, "NetworkList\\Profiles"), path(kNtCurrentVersion, "NetworkList\\Signatures\\Managed"),
                path(kNtCurrentVersion, "NetworkList\\Signatures\\Unmanaged")};
    }
    std::vector<Column> columns() const override {
        // DateCreated and DateLastConnected are SYSTEMTIMEs in the
        // machine's local time, not UTC: the column names say so.
        return {{"Profile name", ColumnType::Text},
                {"Description", ColumnType::Text},
                {"Name type", ColumnType::Integer},
                {"Kind", ColumnType::Text},
                {"Managed", ColumnType::Boolean},
                {"Created (local time)", ColumnType::FileTime},
                {"Last connected (local time)", ColumnType::FileTime},
                {"Gateway MAC", ColumnType::Text},
                {"DNS suffix", ColumnType::Text},
                {"Profile GUID", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths = keyPaths();
        auto profiles = context.key(paths[0]);
        if (!profiles) return;
        struct Signature {
            std::string mac, dnsSuffix;
        };
        std::vector<std::pair<std::string, Signature>> signatures;  // by ProfileGuid
        for (size_t i = 1; i < paths.size(); ++i) {
            auto key = context.key(paths[i]);
            if (!key) continue;
            for (const auto& [unused, s] : context.subkeys(*key)) {
                auto guid = context.value(s, "ProfileGuid");
                auto guidText = guid ? DecodeContext::text(*guid) : std::nullopt;
                if (!guidText) continue;
                Signature sig;
                if (auto mac = context.value(s, "DefaultGatewayMac")) sig.mac = macText(mac->data.bytes());
                if (auto dns = context.value(s, "DnsSuffix"))
                    sig.dnsSuffix = DecodeContext::text(*dns).value_or("");
                signatures.emplace_back(*guidText, sig);
            }
        }
        for (const auto& [guid, profile] : context.subkeys(*profiles)) {
            Row row;
            std::string& note = row.note;
            row.source = context.source(profile);
            Field nameType, kind, managed;
            if (auto n = numberOf(context, profile, "NameType", note)) {
                nameType = *n;
                // The NameType values Windows writes (IANA ifType numbers).
                if (*n == 0x06) kind = std::string("wired");
                else if (*n == 0x17) kind = std::string("broadband");
                else if (*n == 0x47) kind = std::string("wireless");
                else if (*n == 0xF3) kind = std::string("mobile broadband");
            }
            if (auto m = numberOf(context, profile, "Managed", note)) managed = *m != 0;
            Field mac, dns;
            for (const auto& [profileGuid, sig] : signatures) {
                if (profileGuid != guid) continue;
                if (!sig.mac.empty()) mac = sig.mac;
                if (!sig.dnsSuffix.empty()) dns = sig.dnsSuffix;
            }
            row.fields = {textField(context, profile, "ProfileName", note),
                          textField(context, profile, "Description", note),
                          nameType,
                          kind,
                          managed,
                          systemTime(context, profile, "DateCreated", note),
                          systemTime(context, profile, "DateLastConnected", note),
                          mac,
                          dns,
                          guid,
                          context.lastWritten(profile)};
            rows.push_back(std::move(row));
        }
    }

private:
    static Field systemTime(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
        auto value = context.value(key, name);
        if (!value) return std::monostate{};
        const Bytes b = value->data.bytes();
        if (b.size() != 16) {
            note += (note.empty() ? "" : "; ") + std::string(name) + " is " + std::to_string(b.size()) +
                    " bytes; a SYSTEMTIME is 16";
            return std::monostate{};
        }
        if (auto t = fileTimeFromSystemTime(b)) return *t;
        note += (note.empty() ? "" : "; ") + std::string(name) + " is not a valid SYSTEMTIME";
        return std::monostate{};
    }
};

/// Programs started for every user at logon or once at the next one.
class MachineRunDecoder final : public Decoder {
public:
    std::string_view name() const override { return "machine-run"; }
    std::string_view title() const override { return "Machine Run and RunOnce"; }
    std::string_view description() const override {
        return "Commands Windows starts at every logon (Run) or at the next one (RunOnce), for all users.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        const std::string run = path(kCurrentVersion, "Run"), once = path(kCurrentVersion, "RunOnce");
        const std::string policy = path(kCurrentVersion, "Policies\\Explorer\\Run");
        return {run, once, wow64(run), wow64(once), policy, wow64(policy)};
    }
    std::vector<Column> columns() const override {
        return {{"Key", ColumnType::Text}, {"Name", ColumnType::Text}, {"Command", ColumnType::Path},
                {"Key last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        for (const std::string& keyPath : keyPaths()) {
            auto key = context.key(keyPath);
            if (!key) continue;
            for (const ValueView& value : context.values(*key)) {
                Row row;
                row.source = context.source(*key, value);
                Field command;
                if (auto text = DecodeContext::text(value))
                    command = *text;
                else
                    row.note = "the value is not a string (type " + std::to_string(value.type) + ")";
                row.fields = {keyPath, value.name, command, context.lastWritten(*key)};
                rows.push_back(std::move(row));
            }
        }
    }
};

/// Executables registered under App Paths (what "Run" finds by name).
class AppPathsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "apppaths"; }
    std::string_view title() const override { return "App Paths"; }
    std::string_view description() const override {
        return "Executables Windows starts by bare name (Win+R, ShellExecute) and where each one is.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        const std::string appPaths = path(kCurrentVersion, "App Paths");
        return {appPaths, wow64(appPaths)};
    }
    std::vector<Column> columns() const override {
        return {{"Executable", ColumnType::Text}, {"Path", ColumnType::Path}, {"Search path", ColumnType::Path},
                {"32-bit", ColumnType::Boolean},  {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths = keyPaths();
        for (size_t i = 0; i < paths.size(); ++i) {
            auto key = context.key(paths[i]);
            if (!key) continue;
            for (const auto& [exe, app] : context.subkeys(*key)) {
                Row row;
                row.source = context.source(app);
                row.fields = {exe, textField(context, app, "", row.note), textField(context, app, "Path", row.note),
                              i == 1, context.lastWritten(app)};
                rows.push_back(std::move(row));
            }
        }
    }
};

/// Image File Execution Options that change how an image starts: a
/// Debugger (which runs instead of it: a known persistence trick) or a
/// GlobalFlag (heap checks, silent process exit monitoring, ...).
class IfeoDecoder final : public Decoder {
public:
    std::string_view name() const override { return "ifeo"; }
    std::string_view title() const override { return "Image File Execution Options"; }
    std::string_view description() const override {
        return "Images with a Debugger (started instead of them) or a GlobalFlag set under Image File Execution "
               "Options.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        const std::string ifeo = path(kNtCurrentVersion, "Image File Execution Options");
        return {ifeo, wow64(ifeo)};
    }
    std::vector<Column> columns() const override {
        return {{"Image", ColumnType::Text},       {"Debugger", ColumnType::Path},
                {"Global flag", ColumnType::Integer}, {"32-bit", ColumnType::Boolean},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths = keyPaths();
        for (size_t i = 0; i < paths.size(); ++i) {
            auto key = context.key(paths[i]);
            if (!key) continue;
            for (const auto& [image, options] : context.subkeys(*key)) {
                auto debugger = context.value(options, "Debugger");
                auto flag = context.value(options, "GlobalFlag");
                if (!debugger && !flag) continue;
                Row row;
                row.source = context.source(options);
                Field flagField;
                if (flag) {
                    // GlobalFlag is a DWORD, or text in hex ("0x00000200") as
                    // gflags.exe and many guides write it.
                    if (auto n = DecodeContext::number(*flag)) {
                        flagField = *n;
                    } else if (auto text = DecodeContext::text(*flag)) {
                        char* end = nullptr;
                        const unsigned long long n = std::strtoull(text->c_str(), &end, 0);
                        if (!text->empty() && end && *end == '\0')
                            flagField = static_cast<int64_t>(n);
                        else
                            row.note = "GlobalFlag \"" + *text + "\" is not a number";
                    } else {
                        row.note = "GlobalFlag is neither a number nor text (type " + std::to_string(flag->type) + ")";
                    }
                }
                row.fields = {image, textField(context, options, "Debugger", row.note), flagField, i == 1,
                              context.lastWritten(options)};
                rows.push_back(std::move(row));
            }
        }
    }
};

/// Winlogon's shell and logon programs, and the automatic logon settings.
class WinlogonDecoder final : public Decoder {
public:
    std::string_view name() const override { return "winlogon"; }
    std::string_view title() const override { return "Winlogon"; }
    std::string_view description() const override {
        return "The shell and programs started at logon (Shell, Userinit: persistence spots) and automatic logon.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Software}; }
    std::vector<std::string> keyPaths() const override {
        const std::string winlogon = path(kNtCurrentVersion, "Winlogon");
        return {winlogon, wow64(winlogon)};
    }
    std::vector<Column> columns() const override {
        return {{"Shell", ColumnType::Path},
                {"Userinit", ColumnType::Path},
                {"Default user name", ColumnType::Text},
                {"Default domain name", ColumnType::Text},
                {"Auto admin logon", ColumnType::Boolean},
                {"Default password", ColumnType::Text},
                {"Last used user name", ColumnType::Text},
                {"32-bit", ColumnType::Boolean},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths = keyPaths();
        for (size_t i = 0; i < paths.size(); ++i) {
            auto key = context.key(paths[i]);
            if (!key) continue;
            Row row;
            row.source = context.source(*key);
            std::string& note = row.note;
            // AutoAdminLogon is the text "1" or "0".
            Field autoLogon;
            Field autoText = textField(context, *key, "AutoAdminLogon", note);
            if (auto* text = std::get_if<std::string>(&autoText)) {
                if (*text == "1" || *text == "0")
                    autoLogon = *text == "1";
                else
                    note += (note.empty() ? "" : "; ") + std::string("AutoAdminLogon is \"") + *text +
                            "\", neither 0 nor 1";
            }
            row.fields = {textField(context, *key, "Shell", note),
                          textField(context, *key, "Userinit", note),
                          textField(context, *key, "DefaultUserName", note),
                          textField(context, *key, "DefaultDomainName", note),
                          autoLogon,
                          textField(context, *key, "DefaultPassword", note),
                          textField(context, *key, "LastUsedUsername", note),
                          i == 1,
                          context.lastWritten(*key)};
            rows.push_back(std::move(row));
        }
    }
};

}  // namespace

void addSoftwareDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<WinVerDecoder>());
    out.push_back(std::make_unique<UninstallDecoder>());
    out.push_back(std::make_unique<ProfileListDecoder>());
    out.push_back(std::make_unique<NetworkListDecoder>());
    out.push_back(std::make_unique<MachineRunDecoder>());
    out.push_back(std::make_unique<AppPathsDecoder>());
    out.push_back(std::make_unique<IfeoDecoder>());
    out.push_back(std::make_unique<WinlogonDecoder>());
}

}  // namespace hivekit::artefacts
