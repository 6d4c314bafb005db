// BCD (Boot Configuration Data) artefact decoder: the boot entries and the
// boot manager's default.
//
// A BCD store is a hive: Objects\{GUID}\Description holds the object's Type
// (a DWORD) and Objects\{GUID}\Elements\{element type, 8 hex digits} one
// value "Element" each. An element type's bits 28-31 are its class (1
// library, 2 application, 3 device), bits 24-27 its format (1 device, 2
// string, 3 object GUID, 4 GUID list, 5 integer, 6 boolean, 7 integer list);
// so 12000004 is the library string "description", 11000001 the library
// device "device", 12000002 the string "path", 21000001 the Windows loader's
// "osdevice", 22000002 its "systemroot", 23000003 the boot manager's object
// "default" (Microsoft's BcdLibraryElementTypes / BcdOSLoaderElementTypes /
// BcdBootMgrElementTypes).
#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>

#include "artefacts/Registry.h"
#include "format/BaseBlock.h"
#include "format/ByteReader.h"

namespace hivekit::artefacts {

namespace {

constexpr std::string_view kBootManager = "{9dea862c-5cdd-4e70-acc1-f32b344d4795}";
constexpr uint32_t kWindowsBootLoader = 0x10200003;

/// bcdedit's names for the well-known identifiers (Microsoft, "Boot
/// Options Identifiers").
std::string_view wellKnownName(std::string_view guid) {
    struct Known {
        std::string_view guid, name;
    };
    static constexpr Known kKnown[] = {
        {"{9dea862c-5cdd-4e70-acc1-f32b344d4795}", "{bootmgr}"},
        {"{a5a30fa2-3d06-4e9f-b5f4-a01df9d1fcba}", "{fwbootmgr}"},
        {"{b2721d73-1db4-4c62-bf78-c548a880142d}", "{memdiag}"},
        {"{466f5a88-0af2-4f76-9038-095b170dc21c}", "{ntldr}"},
        {"{7ea2e1ac-2e61-4728-aaa3-896d9d0a9f0e}", "{globalsettings}"},
        {"{6efb52bf-1766-41db-a6b3-0ee5eff72bd7}", "{bootloadersettings}"},
        {"{1afa9c49-16ab-4a5c-901b-212802da9460}", "{resumeloadersettings}"},
        {"{7ff607e0-4395-11db-b0de-0800200c9a66}", "{hypervisorsettings}"},
        {"{4636856e-540f-4170-a130-a84776f4c654}", "{dbgsettings}"},
        {"{0ce4991b-e6b3-4b16-b23c-5e0d9250e5d9}", "{emssettings}"},
        {"{5189b25c-5558-4bf2-bca4-289b11bd29e2}", "{badmemory}"},
        {"{ae5534e0-a924-466c-b836-758539a3ee3a}", "{ramdiskoptions}"},
    };
    for (const Known& k : kKnown) {
        if (k.guid.size() != guid.size()) continue;
        bool same = true;
        for (size_t i = 0; i < guid.size() && same; ++i)
            same = (guid[i] >= 'A' && guid[i] <= 'F' ? guid[i] - 'A' + 'a' : guid[i]) == k.guid[i];
        if (same) return k.name;
    }
    return {};
}

/// What an object's Type says it is. Bits 28-31: 1 application, 2
/// inheritable settings, 3 device options. For an application, bits 20-23
/// are its image type (1 firmware, 2 Windows boot application, 3 legacy
/// loader, 4 real mode) and bits 0-19 the application; for settings, bits
/// 20-23 say whom they apply to (1 any object, 2 one application type, 3
/// devices).
std::string objectKind(uint32_t type) {
    static constexpr std::string_view kApplications[] = {
        "",  // 0: none
        "firmware boot manager", "Windows boot manager", "Windows boot loader", "Windows resume application",
        "Windows memory tester", "legacy loader (ntldr)", "setup loader", "boot sector", "startup module",
        "boot application"};
    const uint32_t object = type >> 28, image = (type >> 20) & 0xF, application = type & 0xFFFFF;
    if (object == 1) {
        if (application == 0xFFFFF && image == 1) return "firmware application";
        if (application >= 1 && application < std::size(kApplications)) return std::string(kApplications[application]);
        return "application";
    }
    if (object == 2) {
        if (image == 1) return "settings (any object)";
        if (image == 2 && application >= 1 && application < std::size(kApplications))
            return "settings (" + std::string(kApplications[application]) + ")";
        if (image == 3) return "settings (devices)";
        return "settings";
    }
    if (object == 3) return "device options";
    return {};
}

/// A device element's data in words: the partition a GPT or MBR disk entry
/// names. The layout (Microsoft does not document it; read from stores
/// bcdedit wrote): 0x00 GUID of an options object (zero: none), 0x10
/// device type (DWORD; 6 a partition), 0x18 size of the device record from
/// 0x10 (DWORD), and for a partition: 0x20 the partition (GPT: its GUID;
/// MBR: its byte offset, a QWORD), 0x34 the partition style (DWORD: 0 GPT,
/// 1 MBR), 0x38 the disk (GPT: its GUID; MBR: its signature, a DWORD).
/// Other device types (ramdisk, file, boot device) are left to the raw
/// bytes: "".
std::string deviceText(Bytes data, std::string& note) {
    ByteReader r(data, 0, "device element");
    const uint32_t type = r.u32(0x10);
    if (!r.ok()) {
        note += (note.empty() ? "" : "; ") + std::string("the device element is ") + std::to_string(data.size()) +
                " bytes; its type is at 0x10";
        return {};
    }
    if (type != 6) return {};
    const Bytes partition = r.span(0x20, 16);
    const uint32_t style = r.u32(0x34);
    const Bytes disk = r.span(0x38, 16);
    if (!r.ok()) {
        note += (note.empty() ? "" : "; ") + std::string("the partition device element is ") +
                std::to_string(data.size()) + " bytes; a partition entry needs 72";
        return {};
    }
    auto guid = [](Bytes b) {
        std::array<uint8_t, 16> g{};
        std::copy(b.begin(), b.end(), g.begin());
        return formatGuid(g);
    };
    if (style == 0) return "GPT partition " + guid(partition) + " on disk " + guid(disk);
    if (style == 1) {
        char text[96];
        std::snprintf(text, sizeof text, "MBR partition at offset %llu on disk 0x%08x",
                      static_cast<unsigned long long>(loadU64(partition.data())), loadU32(disk.data()));
        return text;
    }
    note += (note.empty() ? "" : "; ") + std::string("unknown partition style ") + std::to_string(style);
    return {};
}

/// Every object of a BCD store: the boot entries (description, device,
/// path) and settings objects, and which entry the boot manager starts by
/// default.
class BcdDecoder final : public Decoder {
public:
    std::string_view name() const override { return "bcd"; }
    std::string_view title() const override { return "Boot configuration"; }
    std::string_view description() const override {
        return "The BCD store's boot entries: what each starts, from which partition, and the boot manager's "
               "default.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Bcd}; }
    std::vector<std::string> keyPaths() const override { return {"Objects"}; }
    std::vector<Column> columns() const override {
        return {{"Identifier", ColumnType::Text},  {"Well-known name", ColumnType::Text},
                {"Type", ColumnType::Text},     {"Kind", ColumnType::Text},
                {"Description", ColumnType::Text}, {"Device", ColumnType::Text},
                {"Device data", ColumnType::Bytes}, {"Path", ColumnType::Path},
                {"System root", ColumnType::Path}, {"Default", ColumnType::Boolean},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto objects = context.key("Objects");
        if (!objects) return;
        std::string defaultEntry;
        if (auto bootManager = context.subkey(*objects, kBootManager)) {
            std::string ignored;
            const Field entry = elementText(context, *bootManager, "23000003", ignored);
            if (auto* text = std::get_if<std::string>(&entry)) defaultEntry = lower(*text);
        }
        for (const auto& [guid, object] : context.subkeys(*objects)) {
            Row row;
            std::string& note = row.note;
            row.source = context.source(object);
            Field type, kind;
            uint32_t objectType = 0;
            if (auto description = context.subkey(object, "Description")) {
                if (auto value = context.value(*description, "Type")) {
                    if (auto n = DecodeContext::number(*value); n && value->data.bytes().size() == 4) {
                        objectType = static_cast<uint32_t>(*n);
                        char hex[16];
                        std::snprintf(hex, sizeof hex, "0x%08x", objectType);  // as bcdedit /v shows it
                        type = std::string(hex);
                        if (std::string k = objectKind(objectType); !k.empty()) kind = k;
                    } else {
                        note = "Description\\Type is not a DWORD (type " + std::to_string(value->type) + ", " +
                               std::to_string(value->data.bytes().size()) + " bytes)";
                    }
                }
            }
            Field device, deviceData;
            if (auto element = elementValue(context, object, "11000001")) {
                const Bytes data = element->data.bytes();
                deviceData = std::vector<uint8_t>(data.begin(), data.end());
                if (std::string text = deviceText(data, note); !text.empty()) device = text;
            }
            const std::string_view known = wellKnownName(guid);
            row.fields = {guid,
                          known.empty() ? Field{} : Field{std::string(known)},
                          type,
                          kind,
                          elementText(context, object, "12000004", note),
                          device,
                          deviceData,
                          elementText(context, object, "12000002", note),
                          // 22000002 is "systemroot" for a Windows boot loader
                          // only (for a resume application it is the
                          // hibernation file).
                          objectType == kWindowsBootLoader ? elementText(context, object, "22000002", note)
                                                           : Field{},
                          !defaultEntry.empty() && lower(guid) == defaultEntry,
                          context.lastWritten(object)};
            rows.push_back(std::move(row));
        }
    }

private:
    static std::string lower(std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    }
    static std::optional<ValueView> elementValue(const DecodeContext& context, uint32_t object,
                                                 std::string_view element) {
        auto elements = context.subkey(object, "Elements");
        if (!elements) return std::nullopt;
        auto key = context.subkey(*elements, element);
        if (!key) return std::nullopt;
        return context.value(*key, "Element");
    }
    /// A string element (REG_SZ), or empty with a note when it is not one.
    static Field elementText(const DecodeContext& context, uint32_t object, std::string_view element,
                             std::string& note) {
        auto value = elementValue(context, object, element);
        if (!value) return std::monostate{};
        if (auto text = DecodeContext::text(*value)) return text->empty() ? Field{} : Field{*text};
        note += (note.empty() ? "" : "; ") + std::string("element ") + std::string(element) +
                " is not a string (type " + std::to_string(value->type) + ")";
        return std::monostate{};
    }
};

}  // namespace

void addBcdDecoders(std::vector<std::unique_ptr<Decoder>>& out) { out.push_back(std::make_unique<BcdDecoder>()); }

}  // namespace hivekit::artefacts
