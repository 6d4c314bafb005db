// SYSTEM hive artefact decoders.
#include <algorithm>
#include <cstdio>

#include "artefacts/Registry.h"
#include "artefacts/ShimCache.h"
#include "format/ByteReader.h"
#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit::artefacts {

namespace {

/// A FILETIME field: empty when the time was never set.
Field timeField(uint64_t ticks) { return ticks == 0 ? Field{} : Field{FileTime{ticks}}; }
Field timeField(FileTime time) { return timeField(time.ticks); }

Field textField(const std::optional<std::string>& text) { return text ? Field{*text} : Field{}; }

/// A REG_DWORD or REG_QWORD value of `key` as a field (empty when absent or
/// not a number).
Field numberField(const DecodeContext& context, uint32_t key, std::string_view name) {
    auto value = context.value(key, name);
    if (!value) return {};
    auto n = DecodeContext::number(*value);
    return n ? Field{*n} : Field{};
}

/// A string value of `key`, or nothing.
std::optional<std::string> textOf(const DecodeContext& context, uint32_t key, std::string_view name) {
    auto value = context.value(key, name);
    if (!value) return std::nullopt;
    return DecodeContext::text(*value);
}

std::string hex(uint64_t v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*llX", digits, static_cast<unsigned long long>(v));
    return buf;
}

/// A GUID stored as 16 bytes (Data1-3 little-endian), in registry form
/// "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" (lower case).
std::string guidText(Bytes b) {
    ByteReader r(b, 0, "GUID");
    char buf[64];
    std::snprintf(buf, sizeof buf, "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", r.u32(0), r.u16(4), r.u16(6),
                  r.u8(8), r.u8(9), r.u8(10), r.u8(11), r.u8(12), r.u8(13), r.u8(14), r.u8(15));
    return r.ok() ? std::string(buf) : std::string{};
}

// --- Select ------------------------------------------------------------

/// Which control set Windows booted from, and which it keeps as fallbacks.
class SelectDecoder final : public Decoder {
public:
    std::string_view name() const override { return "select"; }
    std::string_view title() const override { return "Active control set"; }
    std::string_view description() const override {
        return "The control sets Select names: the one in use (Current), the default, the last known good one "
               "and the one that failed.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {"Select"}; }
    std::vector<Column> columns() const override {
        return {{"Current", ColumnType::Integer},       {"Default", ColumnType::Integer},
                {"LastKnownGood", ColumnType::Integer}, {"Failed", ColumnType::Integer},
                {"Control set", ColumnType::Text},      {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("Select");
        if (!key) return;
        Row row;
        row.fields = {numberField(context, *key, "Current"), numberField(context, *key, "Default"),
                      numberField(context, *key, "LastKnownGood"), numberField(context, *key, "Failed"),
                      context.currentControlSet(), timeField(context.lastWritten(*key))};
        row.source = context.source(*key);
        if (std::holds_alternative<std::monostate>(row.fields[0]))
            row.note = "Select has no numeric Current value";
        else if (context.currentControlSet().empty())
            row.note = "the control set Current names does not exist";
        rows.push_back(std::move(row));
    }
};

// --- Time zone ---------------------------------------------------------

/// The time zone the machine was set to: what every local time on it means.
class TimeZoneDecoder final : public Decoder {
public:
    std::string_view name() const override { return "timezone"; }
    std::string_view title() const override { return "Time zone"; }
    std::string_view description() const override {
        return "The configured time zone: its name and its offsets from UTC in minutes (UTC = local + bias).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {"{ControlSet}\\Control\\TimeZoneInformation"}; }
    std::vector<Column> columns() const override {
        return {{"Time zone", ColumnType::Text},       {"Standard name", ColumnType::Text},
                {"Daylight name", ColumnType::Text},   {"Bias", ColumnType::Integer},
                {"Active bias", ColumnType::Integer},  {"Standard bias", ColumnType::Integer},
                {"Daylight bias", ColumnType::Integer}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("{ControlSet}\\Control\\TimeZoneInformation");
        if (!key) return;
        // Biases are LONGs stored as REG_DWORD: east of UTC they are negative.
        auto bias = [&](std::string_view name) -> Field {
            Field f = numberField(context, *key, name);
            if (auto* n = std::get_if<int64_t>(&f)) return int64_t{static_cast<int32_t>(static_cast<uint32_t>(*n))};
            return f;
        };
        Row row;
        row.fields = {textField(textOf(context, *key, "TimeZoneKeyName")),
                      textField(textOf(context, *key, "StandardName")),
                      textField(textOf(context, *key, "DaylightName")),
                      bias("Bias"),
                      bias("ActiveTimeBias"),
                      bias("StandardBias"),
                      bias("DaylightBias"),
                      timeField(context.lastWritten(*key))};
        row.source = context.source(*key);
        if (std::holds_alternative<std::monostate>(row.fields[3])) row.note = "the key has no numeric Bias value";
        rows.push_back(std::move(row));
    }
};

// --- Shutdown time -----------------------------------------------------

/// When Windows last shut down cleanly.
class ShutdownDecoder final : public Decoder {
public:
    std::string_view name() const override { return "shutdown"; }
    std::string_view title() const override { return "Shutdown time"; }
    std::string_view description() const override {
        return "When Windows last shut down (Control\\Windows\\ShutdownTime, a FILETIME).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {"{ControlSet}\\Control\\Windows"}; }
    std::vector<Column> columns() const override {
        return {{"Shutdown time", ColumnType::FileTime}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("{ControlSet}\\Control\\Windows");
        if (!key) return;
        auto value = context.value(*key, "ShutdownTime");
        if (!value) return;
        Row row;
        row.fields = {Field{}, timeField(context.lastWritten(*key))};
        row.source = context.source(*key, *value);
        const Bytes data = value->data.bytes();
        if (data.size() == 8)
            row.fields[0] = timeField(loadU64(data.data()));
        else
            row.note = "ShutdownTime is " + std::to_string(data.size()) + " bytes; a FILETIME is 8";
        rows.push_back(std::move(row));
    }
};

// --- Services and drivers ----------------------------------------------

std::string startName(int64_t start, bool delayed) {
    switch (start) {
        case 0: return "Boot";
        case 1: return "System";
        case 2: return delayed ? "Automatic (delayed)" : "Automatic";
        case 3: return "Manual";
        case 4: return "Disabled";
        default: return "0x" + hex(static_cast<uint64_t>(start), 0);
    }
}

std::string serviceTypeName(int64_t type) {
    static constexpr std::pair<uint32_t, const char*> kBits[] = {
        {0x001, "Kernel driver"}, {0x002, "File system driver"}, {0x004, "Adapter"},
        {0x008, "Recognizer driver"}, {0x010, "Own process"}, {0x020, "Share process"},
        {0x040, "User service"}, {0x080, "User service instance"}, {0x100, "Interactive"}};
    std::string out;
    uint64_t rest = static_cast<uint64_t>(type);
    for (const auto& [bit, label] : kBits) {
        if ((rest & bit) == 0) continue;
        out += (out.empty() ? "" : ", ") + std::string(label);
        rest &= ~uint64_t{bit};
    }
    if (rest != 0 || out.empty()) out += (out.empty() ? "0x" : ", 0x") + hex(rest, 0);
    return out;
}

/// Every service and driver: what runs, how it starts, and when its key
/// last changed (an installation, a changed start type).
class ServicesDecoder final : public Decoder {
public:
    std::string_view name() const override { return "services"; }
    std::string_view title() const override { return "Services and drivers"; }
    std::string_view description() const override {
        return "Every service and driver under Services: start type, service type, image path, display name and "
               "the key's last write (new services are a persistence mechanism).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {"{ControlSet}\\Services"}; }
    std::vector<Column> columns() const override {
        return {{"Name", ColumnType::Text},         {"Display name", ColumnType::Text},
                {"Image path", ColumnType::Path},   {"Service type", ColumnType::Text},
                {"Start type", ColumnType::Text},   {"Group", ColumnType::Text},
                {"Service DLL", ColumnType::Path},  {"Account", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto services = context.key("{ControlSet}\\Services");
        if (!services) return;
        for (const auto& [name, key] : context.subkeys(*services)) {
            Row row;
            row.fields.assign(9, Field{});
            row.fields[0] = name;
            row.fields[1] = textField(textOf(context, key, "DisplayName"));
            row.fields[2] = textField(textOf(context, key, "ImagePath"));
            if (auto type = context.value(key, "Type")) {
                if (auto n = DecodeContext::number(*type))
                    row.fields[3] = serviceTypeName(*n);
                else
                    row.note = "Type is not a number (type " + std::to_string(type->type) + ")";
            }
            if (auto start = context.value(key, "Start")) {
                if (auto n = DecodeContext::number(*start)) {
                    const Field delayed = numberField(context, key, "DelayedAutostart");
                    const auto* d = std::get_if<int64_t>(&delayed);
                    row.fields[4] = startName(*n, d && *d != 0);
                } else {
                    row.note += (row.note.empty() ? "" : "; ") + std::string("Start is not a number (type ") +
                                std::to_string(start->type) + ")";
                }
            }
            row.fields[5] = textField(textOf(context, key, "Group"));
            // svchost services name their DLL under Parameters (older ones
            // in the service key itself).
            std::optional<std::string> dll;
            if (auto parameters = context.subkey(key, "Parameters")) dll = textOf(context, *parameters, "ServiceDll");
            if (!dll) dll = textOf(context, key, "ServiceDll");
            row.fields[6] = textField(dll);
            row.fields[7] = textField(textOf(context, key, "ObjectName"));
            row.fields[8] = timeField(context.lastWritten(key));
            row.source = context.source(key);
            rows.push_back(std::move(row));
        }
    }
};

// --- USB devices -------------------------------------------------------

// The device property set {83da6326-97a6-4088-9453-a1923f573b29}
// (DEVPKEY_Device_*): 0x64 first install, 0x65 install, 0x66 last arrival,
// 0x67 last removal. Windows 8 and later keep each as the default value of
// Properties\{set}\00NN; Vista and 7 as the Data value of
// Properties\{set}\000000NN\00000000.
constexpr std::string_view kDevicePropertySet = "{83da6326-97a6-4088-9453-a1923f573b29}";

std::optional<uint64_t> devicePropertyTime(const DecodeContext& context, uint32_t instance, unsigned id) {
    auto properties = context.subkey(instance, "Properties");
    if (!properties) return std::nullopt;
    auto set = context.subkey(*properties, kDevicePropertySet);
    if (!set) return std::nullopt;
    std::optional<ValueView> value;
    if (auto modern = context.subkey(*set, hex(id, 4))) value = context.value(*modern, "");
    if (!value)
        if (auto old = context.subkey(*set, hex(id, 8)))
            if (auto zero = context.subkey(*old, "00000000")) value = context.value(*zero, "Data");
    if (!value || value->data.size() != 8) return std::nullopt;
    return loadU64(value->data.bytes().data());
}

/// Devices under Enum\USBSTOR (storage) or Enum\USB (every USB device):
/// one row per device instance (serial number).
class UsbDecoder final : public Decoder {
public:
    UsbDecoder(std::string_view name, std::string_view title, std::string_view description, std::string_view path)
        : name_(name), title_(title), description_(description), path_(path) {}
    std::string_view name() const override { return name_; }
    std::string_view title() const override { return title_; }
    std::string_view description() const override { return description_; }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {std::string(path_)}; }
    std::vector<Column> columns() const override {
        return {{"Device", ColumnType::Text},           {"Serial number", ColumnType::Text},
                {"Friendly name", ColumnType::Text},    {"Parent id prefix", ColumnType::Text},
                {"First install", ColumnType::FileTime}, {"Install", ColumnType::FileTime},
                {"Last arrival", ColumnType::FileTime}, {"Last removal", ColumnType::FileTime},
                {"Device last write", ColumnType::FileTime}, {"Instance last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto root = context.key(path_);
        if (!root) return;
        for (const auto& [device, deviceKey] : context.subkeys(*root)) {
            for (const auto& [serial, instance] : context.subkeys(deviceKey)) {
                Row row;
                std::optional<std::string> friendly = textOf(context, instance, "FriendlyName");
                if (!friendly) friendly = textOf(context, instance, "DeviceDesc");
                auto propertyTime = [&](unsigned id) {
                    auto t = devicePropertyTime(context, instance, id);
                    return t ? timeField(*t) : Field{};
                };
                row.fields = {device,
                              serial,
                              textField(friendly),
                              textField(textOf(context, instance, "ParentIdPrefix")),
                              propertyTime(0x64),
                              propertyTime(0x65),
                              propertyTime(0x66),
                              propertyTime(0x67),
                              timeField(context.lastWritten(deviceKey)),
                              timeField(context.lastWritten(instance))};
                row.source = context.source(instance);
                rows.push_back(std::move(row));
            }
        }
    }

private:
    std::string_view name_, title_, description_, path_;
};

// --- Mounted devices ---------------------------------------------------

/// Drive letters and volume GUIDs, and the volume each was last bound to.
class MountedDevicesDecoder final : public Decoder {
public:
    std::string_view name() const override { return "mounteddevices"; }
    std::string_view title() const override { return "Mounted devices"; }
    std::string_view description() const override {
        return "Drive letters and volume GUIDs mapped to an MBR disk signature and partition offset, a GPT "
               "partition GUID, or the device path of a removable volume.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override { return {"MountedDevices"}; }
    std::vector<Column> columns() const override {
        return {{"Mount point", ColumnType::Text},      {"Kind", ColumnType::Text},
                {"Disk signature", ColumnType::Text},   {"Partition offset", ColumnType::Integer},
                {"Partition GUID", ColumnType::Text},   {"Device", ColumnType::Path},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("MountedDevices");
        if (!key) return;
        const Field lastWrite = timeField(context.lastWritten(*key));
        for (const ValueView& value : context.values(*key)) {
            Row row;
            row.fields = {value.name, Field{}, Field{}, Field{}, Field{}, Field{}, lastWrite};
            row.source = context.source(*key, value);
            const Bytes data = value.data.bytes();
            static constexpr uint8_t kGptPrefix[] = {'D', 'M', 'I', 'O', ':', 'I', 'D', ':'};
            if (!value.dataError.empty()) {
                row.note = "the data cannot be read: " + value.dataError;
            } else if (data.size() == 12) {
                // MBR: the disk's 32-bit signature, then the partition's byte offset.
                row.fields[1] = std::string("MBR");
                row.fields[2] = hex(loadU32(data.data()), 8);
                row.fields[3] = static_cast<int64_t>(loadU64(data.data() + 4));
            } else if (data.size() == 24 && std::equal(std::begin(kGptPrefix), std::end(kGptPrefix), data.begin())) {
                row.fields[1] = std::string("GPT");
                row.fields[4] = guidText(data.subspan(8, 16));
            } else if (data.size() >= 2 && data.size() % 2 == 0) {
                // Anything else is the UTF-16 device path of the volume
                // ("\??\USBSTOR#Disk&Ven_...", "_??_USBSTOR#...").
                row.fields[1] = std::string("Device path");
                row.fields[5] = utf16leToUtf8(data);
            } else {
                row.note = "data of " + std::to_string(data.size()) +
                           " bytes is neither an MBR signature and offset (12), a GPT GUID (24) nor a UTF-16 path";
            }
            rows.push_back(std::move(row));
        }
    }
};

// --- ShimCache ---------------------------------------------------------

/// Windows' application compatibility cache: files it looked at, most
/// recent first.
class ShimCacheDecoder final : public Decoder {
public:
    std::string_view name() const override { return "shimcache"; }
    std::string_view title() const override { return "ShimCache (AppCompatCache)"; }
    std::string_view description() const override {
        return "Executables the application compatibility layer saw, newest first, with the file's last-modified "
               "time and (Vista to 8.1) whether it was executed.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override {
        return {"{ControlSet}\\Control\\Session Manager\\AppCompatCache",
                "{ControlSet}\\Control\\Session Manager\\AppCompatibility"};
    }
    std::vector<Column> columns() const override {
        return {{"Position", ColumnType::Integer},      {"Path", ColumnType::Path},
                {"Last modified", ColumnType::FileTime}, {"Last update", ColumnType::FileTime},
                {"File size", ColumnType::Integer},     {"Data size", ColumnType::Integer},
                {"Executed", ColumnType::Boolean},      {"Format", ColumnType::Text}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        // Server 2003 and later; XP keeps it under AppCompatibility.
        std::optional<uint32_t> key = context.key("{ControlSet}\\Control\\Session Manager\\AppCompatCache");
        std::optional<ValueView> value;
        if (key) value = context.value(*key, "AppCompatCache");
        if (!value) {
            key = context.key("{ControlSet}\\Control\\Session Manager\\AppCompatibility");
            if (key) value = context.value(*key, "AppCompatCache");
        }
        if (!value) return;
        const RowSource source = context.source(*key, *value);
        if (!value->dataError.empty()) {
            Row row;
            row.fields.assign(8, Field{});
            row.source = source;
            row.note = "the data cannot be read: " + value->dataError;
            rows.push_back(std::move(row));
            return;
        }
        const ShimCache cache = parseShimCache(value->data.bytes());
        std::string format = shimCacheFormatName(cache.format);
        if (cache.format == ShimCacheFormat::Windows2003 || cache.format == ShimCacheFormat::Windows7)
            format += cache.is64Bit ? " (64-bit)" : " (32-bit)";
        for (const ShimCacheEntry& e : cache.entries) {
            Row row;
            row.fields = {int64_t{e.position},
                          e.path,
                          timeField(e.lastModified),
                          timeField(e.lastUpdate),
                          e.fileSize ? Field{static_cast<int64_t>(*e.fileSize)} : Field{},
                          e.dataSize ? Field{static_cast<int64_t>(*e.dataSize)} : Field{},
                          e.executed ? Field{*e.executed} : Field{},
                          format};
            row.source = source;
            row.note = e.note;
            rows.push_back(std::move(row));
        }
        // What stopped the decoding gets a row of its own, so that a cut
        // value still shows the entries before the cut and says why the
        // rest is missing.
        if (!cache.note.empty()) {
            Row row;
            row.fields.assign(8, Field{});
            row.fields[7] = format;
            row.source = source;
            row.note = cache.note;
            rows.push_back(std::move(row));
        }
    }
};

// --- BAM / DAM ---------------------------------------------------------

/// The Background Activity Moderator's (and Desktop Activity Moderator's)
/// per-user record of executables and when each last ran (Windows 10 1709+).
class BamDecoder final : public Decoder {
public:
    std::string_view name() const override { return "bam"; }
    std::string_view title() const override { return "BAM/DAM last execution"; }
    std::string_view description() const override {
        return "Per user SID, the executables the Background (and Desktop) Activity Moderator tracked and when "
               "each last ran (Windows 10 1709 and later).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override {
        return {"{ControlSet}\\Services\\bam\\State\\UserSettings", "{ControlSet}\\Services\\bam\\UserSettings",
                "{ControlSet}\\Services\\dam\\State\\UserSettings", "{ControlSet}\\Services\\dam\\UserSettings"};
    }
    std::vector<Column> columns() const override {
        return {{"Service", ColumnType::Text}, {"SID", ColumnType::Text}, {"Executable", ColumnType::Path},
                {"Last execution", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        // 1709-1803 keep UserSettings directly under the service; 1809 and
        // later under State.
        for (const char* service : {"bam", "dam"}) {
            for (const char* under : {"\\State\\UserSettings", "\\UserSettings"}) {
                auto settings = context.key("{ControlSet}\\Services\\" + std::string(service) + under);
                if (!settings) continue;
                for (const auto& [sid, userKey] : context.subkeys(*settings)) {
                    for (const ValueView& value : context.values(userKey)) {
                        // Version and SequenceNumber are DWORD bookkeeping;
                        // executables are REG_BINARY: a FILETIME, then 16
                        // bytes that are zero in practice.
                        if (value.type != kRegBinary) continue;
                        Row row;
                        row.fields = {std::string(service), sid, value.name, Field{}};
                        row.source = context.source(userKey, value);
                        const Bytes data = value.data.bytes();
                        if (data.size() >= 8)
                            row.fields[3] = timeField(loadU64(data.data()));
                        else
                            row.note = "data is " + std::to_string(data.size()) +
                                       " bytes; the last-execution FILETIME needs 8";
                        rows.push_back(std::move(row));
                    }
                }
            }
        }
    }
};

// --- Network interfaces ------------------------------------------------

/// TCP/IP settings per network interface: addresses, DHCP lease, domain.
class NetworkInterfacesDecoder final : public Decoder {
public:
    std::string_view name() const override { return "nic"; }
    std::string_view title() const override { return "Network interfaces"; }
    std::string_view description() const override {
        return "Per interface GUID: the static or DHCP address, the DHCP server and lease times, the domain and "
               "name servers.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override {
        return {"{ControlSet}\\Services\\Tcpip\\Parameters\\Interfaces"};
    }
    std::vector<Column> columns() const override {
        return {{"Interface", ColumnType::Text},        {"DHCP", ColumnType::Boolean},
                {"IP address", ColumnType::Text},       {"Subnet mask", ColumnType::Text},
                {"Default gateway", ColumnType::Text},  {"DHCP server", ColumnType::Text},
                {"Domain", ColumnType::Text},           {"Name server", ColumnType::Text},
                {"Lease obtained", ColumnType::FileTime}, {"Lease terminates", ColumnType::FileTime},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto interfaces = context.key("{ControlSet}\\Services\\Tcpip\\Parameters\\Interfaces");
        if (!interfaces) return;
        for (const auto& [guid, key] : context.subkeys(*interfaces)) {
            addRow(context, guid, key, rows);
            // Windows 10 keeps a subkey per network the interface joined.
            for (const auto& [sub, subKey] : context.subkeys(key)) addRow(context, guid + "\\" + sub, subKey, rows);
        }
    }

private:
    static void addRow(const DecodeContext& context, const std::string& name, uint32_t key, std::vector<Row>& rows) {
        const Field dhcpField = numberField(context, key, "EnableDHCP");
        const auto* dhcpNumber = std::get_if<int64_t>(&dhcpField);
        const bool dhcp = dhcpNumber && *dhcpNumber != 0;
        // With DHCP on, the address in use is DhcpIPAddress; a static one is IPAddress.
        auto either = [&](const char* dhcpName, const char* staticName) {
            std::optional<std::string> t = dhcp ? textOf(context, key, dhcpName) : textOf(context, key, staticName);
            if (!t || t->empty()) t = dhcp ? textOf(context, key, staticName) : textOf(context, key, dhcpName);
            return textField(t && !t->empty() ? t : std::nullopt);
        };
        // Lease times are seconds since 1970 (REG_DWORD); 0 is "no lease".
        auto unixTime = [&](std::string_view valueName) -> Field {
            const Field f = numberField(context, key, valueName);
            const auto* n = std::get_if<int64_t>(&f);
            return n && *n != 0 ? Field{fileTimeFromUnix(*n)} : Field{};
        };
        Row row;
        row.fields = {name,
                      dhcpNumber ? Field{dhcp} : Field{},
                      either("DhcpIPAddress", "IPAddress"),
                      either("DhcpSubnetMask", "SubnetMask"),
                      either("DhcpDefaultGateway", "DefaultGateway"),
                      textField(textOf(context, key, "DhcpServer")),
                      either("DhcpDomain", "Domain"),
                      either("DhcpNameServer", "NameServer"),
                      unixTime("LeaseObtainedTime"),
                      unixTime("LeaseTerminatesTime"),
                      timeField(context.lastWritten(key))};
        row.source = context.source(key);
        rows.push_back(std::move(row));
    }
};

// --- Computer name -----------------------------------------------------

/// The computer's name and the control set Windows booted from.
class ComputerNameDecoder final : public Decoder {
public:
    std::string_view name() const override { return "computername"; }
    std::string_view title() const override { return "Computer name"; }
    std::string_view description() const override {
        return "The computer's NetBIOS name and the control set in use (Select\\Current).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override {
        return {"Select", "{ControlSet}\\Control\\ComputerName\\ComputerName"};
    }
    std::vector<Column> columns() const override {
        return {{"Computer name", ColumnType::Text}, {"Control set", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("{ControlSet}\\Control\\ComputerName\\ComputerName");
        if (!key) return;
        auto value = context.value(*key, "ComputerName");
        Row row;
        row.fields = {std::monostate{}, context.currentControlSet(), context.lastWritten(*key)};
        if (!value) {
            row.source = context.source(*key);
            row.note = "the key has no ComputerName value";
        } else {
            row.source = context.source(*key, *value);
            if (auto text = DecodeContext::text(*value))
                row.fields[0] = *text;
            else
                row.note = "ComputerName is not a string (type " + std::to_string(value->type) + ")";
        }
        rows.push_back(std::move(row));
    }
};

}  // namespace

void addSystemDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<ComputerNameDecoder>());
    out.push_back(std::make_unique<SelectDecoder>());
    out.push_back(std::make_unique<TimeZoneDecoder>());
    out.push_back(std::make_unique<ShutdownDecoder>());
    out.push_back(std::make_unique<ServicesDecoder>());
    out.push_back(std::make_unique<UsbDecoder>(
        "usbstor", "USB storage devices",
        "USB storage devices (Enum\\USBSTOR) by vendor/product and serial number, with first install, last "
        "arrival and last removal times where the hive holds them (the key last writes otherwise).",
        "{ControlSet}\\Enum\\USBSTOR"));
    out.push_back(std::make_unique<UsbDecoder>(
        "usbdevices", "USB devices",
        "Every USB device (Enum\\USB) by vendor and product id and serial number, with its connection times.",
        "{ControlSet}\\Enum\\USB"));
    out.push_back(std::make_unique<MountedDevicesDecoder>());
    out.push_back(std::make_unique<ShimCacheDecoder>());
    out.push_back(std::make_unique<BamDecoder>());
    out.push_back(std::make_unique<NetworkInterfacesDecoder>());
}

}  // namespace hivekit::artefacts
