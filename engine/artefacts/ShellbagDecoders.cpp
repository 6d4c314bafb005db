// Shellbag artefact decoders: the folders Explorer has shown (BagMRU) and
// the files and folders the common Open/Save dialogs have used (ComDlg32).
// Both name places by shell item lists, decoded by artefacts/ShellItems.
#include <algorithm>

#include "artefacts/Registry.h"
#include "artefacts/ShellItems.h"
#include "format/ByteReader.h"
#include "format/Names.h"

namespace hivekit::artefacts {

namespace {

/// Deeper BagMRU trees than this are not followed (Explorer's own limit
/// is far lower); a damaged hive cannot make the walk run away.
constexpr int kMaxBagDepth = 64;

/// The value names of an MRUListEx (32-bit indexes, most recent first,
/// ended by 0xffffffff), as decimal strings.
std::vector<std::string> mruListEx(const ValueView& value) {
    std::vector<std::string> order;
    const Bytes b = value.data.bytes();
    ByteReader r(b, 0, "MRUListEx");
    for (size_t at = 0; r.has(at, 4); at += 4) {
        const uint32_t index = r.u32(at);
        if (index == 0xffffffff) break;
        order.push_back(std::to_string(index));
    }
    return order;
}

/// The value names of an MRUList (XP: one letter per value, most recent first).
std::vector<std::string> mruList(const ValueView& value) {
    std::vector<std::string> order;
    if (auto text = DecodeContext::text(value))
        for (char c : *text) order.emplace_back(1, c);
    return order;
}

/// The position of `name` in an MRU order, or empty.
Field positionOf(const std::vector<std::string>& order, const std::string& name) {
    auto it = std::find(order.begin(), order.end(), name);
    if (it == order.end()) return std::monostate{};
    return static_cast<int64_t>(it - order.begin());
}

Field timeField(FileTime t) { return t.ticks == 0 ? Field{} : Field{t}; }

/// The entries of an MRU key: its values named in `order` first, in that
/// order, then any other value whose name is a number (an entry dropped
/// from the list is still evidence).
std::vector<const ValueView*> mruEntries(const std::vector<ValueView>& values,
                                        const std::vector<std::string>& order, bool numericNames) {
    std::vector<const ValueView*> out;
    for (const std::string& name : order)
        for (const ValueView& v : values)
            if (v.name == name) out.push_back(&v);
    for (const ValueView& v : values) {
        if (std::find(order.begin(), order.end(), v.name) != order.end()) continue;
        const bool numeric = !v.name.empty() && std::all_of(v.name.begin(), v.name.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        const bool letter = v.name.size() == 1 && v.name[0] >= 'a' && v.name[0] <= 'z';
        if (numericNames ? numeric : letter) out.push_back(&v);
    }
    return out;
}

/// Explorer's per-folder view settings: every folder it has shown, as a
/// tree of BagMRU keys whose values are shell items. One row per value:
/// "Last write" is the key holding it, written when the entry at MRU
/// position 0 was last used; the item times are the folder's file system
/// times (FAT resolution, 2 s) as they were when Explorer wrote the item.
class ShellbagsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "shellbags"; }
    std::string_view title() const override { return "Shellbags"; }
    std::string_view description() const override {
        return "Folders the user opened in Explorer (BagMRU), with the times and MFT references their shell items "
               "carry, including folders on removable and network drives that are gone.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::UsrClass, HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override {
        return {"Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU",
                "Software\\Microsoft\\Windows\\Shell\\BagMRU", "Software\\Microsoft\\Windows\\ShellNoRoam\\BagMRU"};
    }
    std::vector<Column> columns() const override {
        return {{"Path", ColumnType::Path},         {"Item type", ColumnType::Text},
                {"MRU position", ColumnType::Integer}, {"Node slot", ColumnType::Integer},
                {"Last write", ColumnType::FileTime}, {"Modified", ColumnType::FileTime},
                {"Accessed", ColumnType::FileTime},   {"Created", ColumnType::FileTime},
                {"MFT entry", ColumnType::Integer},   {"MFT sequence", ColumnType::Integer}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        const std::vector<std::string> paths =
            context.kind() == HiveKind::UsrClass
                ? std::vector<std::string>{"Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU"}
                : std::vector<std::string>{"Software\\Microsoft\\Windows\\Shell\\BagMRU",
                                           "Software\\Microsoft\\Windows\\ShellNoRoam\\BagMRU"};
        for (const std::string& path : paths)
            if (auto key = context.key(path)) walk(context, *key, "", 0, rows);
    }

private:
    void walk(const DecodeContext& context, uint32_t key, const std::string& parentPath, int depth,
              std::vector<Row>& rows) const {
        const std::vector<ValueView> values = context.values(key);
        std::vector<std::string> order;
        for (const ValueView& v : values)
            if (v.name == "MRUListEx") order = mruListEx(v);
        const FileTime written = context.lastWritten(key);
        for (const ValueView* entry : mruEntries(values, order, true)) {
            const ValueView& value = *entry;
            Row row;
            row.source = context.source(key, value);
            ShellItemList list;
            if (!value.dataError.empty())
                list.note = "the data cannot be read: " + value.dataError;
            else
                list = decodeShellItemList(value.data.bytes());
            const ShellItem* item = list.items.empty() ? nullptr : &list.items.back();
            const std::string path = joinShellPath(parentPath, joinShellPath(list.items));
            const auto child = context.subkey(key, value.name);
            Field nodeSlot;
            if (child)
                if (auto slot = context.value(*child, "NodeSlot"))
                    if (auto n = DecodeContext::number(*slot)) nodeSlot = *n;
            row.fields = {path.empty() ? Field{} : Field{path},
                          item ? Field{item->type} : Field{},
                          positionOf(order, value.name),
                          nodeSlot,
                          timeField(written),
                          item ? timeField(item->modified) : Field{},
                          item ? timeField(item->accessed) : Field{},
                          item ? timeField(item->created) : Field{},
                          item && item->mftEntry ? Field{static_cast<int64_t>(*item->mftEntry)} : Field{},
                          item && item->mftSequence ? Field{static_cast<int64_t>(*item->mftSequence)} : Field{}};
            row.note = list.note;
            rows.push_back(std::move(row));
            if (!child) continue;  // a leaf, or its key was deleted: not followed
            if (depth + 1 >= kMaxBagDepth) {
                rows.back().note += (rows.back().note.empty() ? "" : "; ") +
                                    std::string("BagMRU is nested deeper than ") + std::to_string(kMaxBagDepth) +
                                    " keys here; its subkeys are not read";
                continue;
            }
            walk(context, *child, path, depth + 1, rows);
        }
    }
};

/// The common Open/Save dialogs' MRU lists.
class ComDlg32Decoder final : public Decoder {
public:
    std::string_view name() const override { return "comdlg32"; }
    std::string_view title() const override { return "Open/Save dialog MRUs (ComDlg32)"; }
    std::string_view description() const override {
        return "Files opened or saved through the common dialogs, by extension (OpenSavePidlMRU, OpenSaveMRU), and "
               "the folder each program last used (LastVisitedPidlMRU, LastVisitedMRU).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override {
        return {std::string(kRoot) + "\\OpenSavePidlMRU", std::string(kRoot) + "\\LastVisitedPidlMRU",
                std::string(kRoot) + "\\LastVisitedPidlMRULegacy", std::string(kRoot) + "\\OpenSaveMRU",
                std::string(kRoot) + "\\LastVisitedMRU"};
    }
    std::vector<Column> columns() const override {
        return {{"List", ColumnType::Text},       {"Extension", ColumnType::Text},
                {"Program", ColumnType::Text},    {"Path", ColumnType::Path},
                {"MRU position", ColumnType::Integer}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto root = context.key(kRoot);
        if (!root) return;
        // Windows Vista and later: PIDLs.
        if (auto key = context.subkey(*root, "OpenSavePidlMRU"))
            for (const auto& [extension, sub] : context.subkeys(*key))
                readList(context, sub, "OpenSavePidlMRU", extension, Layout::Pidl, rows);
        for (const char* name : {"LastVisitedPidlMRU", "LastVisitedPidlMRULegacy"})
            if (auto key = context.subkey(*root, name))
                readList(context, *key, name, "", Layout::ProgramThenPidl, rows);
        // Windows XP: strings.
        if (auto key = context.subkey(*root, "OpenSaveMRU")) {
            readList(context, *key, "OpenSaveMRU", "", Layout::Text, rows);
            for (const auto& [extension, sub] : context.subkeys(*key))
                readList(context, sub, "OpenSaveMRU", extension, Layout::Text, rows);
        }
        if (auto key = context.subkey(*root, "LastVisitedMRU"))
            readList(context, *key, "LastVisitedMRU", "", Layout::ProgramThenText, rows);
    }

private:
    static constexpr std::string_view kRoot = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\ComDlg32";

    enum class Layout { Pidl, ProgramThenPidl, Text, ProgramThenText };

    void readList(const DecodeContext& context, uint32_t key, std::string_view list, const std::string& extension,
                  Layout layout, std::vector<Row>& rows) const {
        const bool pidl = layout == Layout::Pidl || layout == Layout::ProgramThenPidl;
        const std::vector<ValueView> values = context.values(key);
        std::vector<std::string> order;
        for (const ValueView& v : values)
            if (v.name == (pidl ? "MRUListEx" : "MRUList")) order = pidl ? mruListEx(v) : mruList(v);
        const FileTime written = context.lastWritten(key);
        for (const ValueView* entry : mruEntries(values, order, pidl)) {
            const ValueView& value = *entry;
            Row row;
            row.source = context.source(key, value);
            Field program, path;
            if (!value.dataError.empty()) {
                row.note = "the data cannot be read: " + value.dataError;
            } else if (layout == Layout::Text) {
                if (auto text = DecodeContext::text(value))
                    path = *text;
                else
                    row.note = "the value is not a string (type " + std::to_string(value.type) + ")";
            } else {
                Bytes data = value.data.bytes();
                if (layout != Layout::Pidl) {
                    // A UTF-16 program name ended by a 16-bit NUL, then the rest.
                    ByteReader r(data, 0, "MRU entry");
                    size_t end = 0;
                    while (r.has(end, 2) && r.u16(end) != 0) end += 2;
                    if (!r.has(end, 2)) {
                        row.note = "the program name is not ended by a NUL within the " +
                                   std::to_string(data.size()) + " bytes of data";
                        data = {};
                    } else {
                        program = utf16leToUtf8(data.first(end));
                        data = data.subspan(end + 2);
                    }
                }
                if (!row.note.empty()) {
                    // nothing more to read
                } else if (layout == Layout::ProgramThenText) {
                    ByteReader r(data, 0, "MRU entry");
                    size_t end = 0;
                    while (r.has(end, 2) && r.u16(end) != 0) end += 2;
                    path = utf16leToUtf8(data.first(end));
                } else {
                    ShellItemList items = decodeShellItemList(data);
                    const std::string joined = joinShellPath(items.items);
                    if (!joined.empty()) path = joined;
                    row.note = items.note;
                }
            }
            row.fields = {std::string(list), extension.empty() ? Field{} : Field{extension}, program, path,
                          positionOf(order, value.name), timeField(written)};
            rows.push_back(std::move(row));
        }
    }
};

}  // namespace

void addShellbagDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<ShellbagsDecoder>());
    out.push_back(std::make_unique<ComDlg32Decoder>());
}

}  // namespace hivekit::artefacts
