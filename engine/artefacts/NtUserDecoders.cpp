// NTUSER.DAT artefact decoders: what the user ran, opened, typed and
// searched for, what starts at their logon, the volumes and shares they
// mounted and the remote desktops they connected to. Shell items (shellbags,
// ComDlg32) are in ShellbagDecoders.cpp.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>

#include "artefacts/Registry.h"
#include "artefacts/UserAssist.h"
#include "format/ByteReader.h"
#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit::artefacts {

namespace {

constexpr std::string_view kExplorer = "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer";
constexpr uint32_t kMruListExEnd = 0xFFFFFFFF;

std::string explorerKey(std::string_view sub) { return std::string(kExplorer) + "\\" + std::string(sub); }

std::string typeNote(const ValueView& value, std::string_view expected) {
    return value.name + " is not " + std::string(expected) + " (type " + std::to_string(value.type) + ")";
}

/// The order of an MRU key's entries, as value names, most recent first.
struct MruOrder {
    bool present = false;  ///< the key has the list value
    std::vector<std::string> names;
    std::string note;      ///< what was wrong with the list
};

/// MRUListEx: REG_BINARY, u32 value-name numbers, most recent first, ended
/// by 0xFFFFFFFF.
MruOrder mruListEx(const DecodeContext& context, uint32_t key) {
    MruOrder order;
    auto list = context.value(key, "MRUListEx");
    if (!list) return order;
    order.present = true;
    if (!list->dataError.empty()) {
        order.note = "MRUListEx cannot be read: " + list->dataError;
        return order;
    }
    const Bytes bytes = list->data.bytes();
    ByteReader reader(bytes, 0, "MRUListEx");
    bool ended = false;
    for (size_t at = 0; reader.has(at, 4); at += 4) {
        const uint32_t n = reader.u32(at);
        if (n == kMruListExEnd) {
            ended = true;
            break;
        }
        order.names.push_back(std::to_string(n));
    }
    if (bytes.size() % 4 != 0)
        order.note = "MRUListEx is " + std::to_string(bytes.size()) + " bytes, not a multiple of 4";
    else if (!ended)
        order.note = "MRUListEx has no 0xFFFFFFFF end marker";
    return order;
}

/// MRUList: REG_SZ, one letter per entry (the value's name), most recent
/// first.
MruOrder mruList(const DecodeContext& context, uint32_t key) {
    MruOrder order;
    auto list = context.value(key, "MRUList");
    if (!list) return order;
    order.present = true;
    auto text = DecodeContext::text(*list);
    if (!text) {
        order.note = typeNote(*list, "a string");
        return order;
    }
    for (char c : *text) order.names.emplace_back(1, c);
    return order;
}

/// The UTF-16LE string at the start of `bytes`, up to its NUL; `terminated`
/// says whether a NUL was found.
std::string leadingUtf16(Bytes bytes, bool& terminated) {
    ByteReader reader(bytes, 0, "string");
    size_t at = 0;
    terminated = false;
    for (; reader.has(at, 2); at += 2) {
        if (reader.u16(at) == 0) {
            terminated = true;
            break;
        }
    }
    return utf16leToUtf8(reader.span(0, at));
}

bool isMruListName(std::string_view name) { return name == "MRUList" || name == "MRUListEx"; }

/// The values of an MRU key in list order (position 0 first), then those
/// the list does not name (position empty). Calls `row(value, position,
/// note)` for each.
template <class RowFn>
void forEachInMruOrder(const DecodeContext& context, uint32_t key, const MruOrder& order, RowFn row) {
    std::vector<ValueView> values = context.values(key);
    std::set<std::string> listed;
    int64_t position = 0;
    for (const std::string& name : order.names) {
        auto it = std::find_if(values.begin(), values.end(), [&](const ValueView& v) { return v.name == name; });
        if (it == values.end()) continue;  // a list entry without its value: nothing to show
        listed.insert(name);
        row(*it, std::optional<int64_t>(position++), std::string{});
    }
    for (const ValueView& v : values) {
        if (isMruListName(v.name) || listed.count(v.name)) continue;
        row(v, std::optional<int64_t>{},
            order.present ? std::string("not in the MRU list") : std::string("the key has no MRU list"));
    }
}

Field optionalInt(std::optional<int64_t> n) { return n ? Field(*n) : Field(std::monostate{}); }
Field timeOrEmpty(FileTime t) { return t.ticks ? Field(t) : Field(std::monostate{}); }

/// Joins notes with "; ".
void addNote(std::string& note, const std::string& more) {
    if (more.empty()) return;
    note += (note.empty() ? "" : "; ") + more;
}

// ---------------------------------------------------------------- UserAssist

class UserAssistDecoder final : public Decoder {
public:
    std::string_view name() const override { return "userassist"; }
    std::string_view title() const override { return "UserAssist"; }
    std::string_view description() const override {
        return "Programs and shortcuts the user started from Explorer: run count, focus count and time, last run.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {explorerKey("UserAssist\\{GUID}\\Count")}; }
    std::vector<Column> columns() const override {
        return {{"GUID", ColumnType::Text},          {"Name", ColumnType::Path},
                {"Known folder", ColumnType::Text},  {"Run count", ColumnType::Integer},
                {"Focus count", ColumnType::Integer}, {"Focus time (ms)", ColumnType::Integer},
                {"Last run", ColumnType::FileTime},  {"Version", ColumnType::Integer},
                {"Control entry", ColumnType::Boolean}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto root = context.key(explorerKey("UserAssist"));
        if (!root) return;
        for (const auto& [guid, guidKey] : context.subkeys(*root)) {
            auto count = context.subkey(guidKey, "Count");
            if (!count) continue;  // e.g. Settings: no entries
            std::optional<int64_t> version;
            if (auto v = context.value(guidKey, "Version")) version = DecodeContext::number(*v);
            const uint32_t layout = version ? static_cast<uint32_t>(*version) : 0;
            for (const ValueView& value : context.values(*count)) {
                const std::string name = userAssistName(value.name);
                const bool control = isUserAssistControlEntry(name);
                Row row;
                row.source = context.source(*count, value);
                row.fields = {guid,           name,           std::string(knownFolderOfName(name)),
                              std::monostate{}, std::monostate{}, std::monostate{},
                              std::monostate{}, optionalInt(version), control};
                const Bytes data = value.data.bytes();
                if (!value.dataError.empty()) {
                    row.note = "the data cannot be read: " + value.dataError;
                } else if (control && data.size() != kUserAssistXpSize && data.size() != kUserAssistWin7Size) {
                    // UEME_CTLSESSION: a session record, not counts.
                } else {
                    UserAssistEntry entry = decodeUserAssistEntry(data, layout);
                    row.fields[3] = optionalInt(entry.runCount);
                    row.fields[4] = optionalInt(entry.focusCount);
                    row.fields[5] = optionalInt(entry.focusMilliseconds);
                    if (entry.lastRun) row.fields[6] = *entry.lastRun;
                    row.note = entry.note;
                }
                rows.push_back(std::move(row));
            }
        }
    }
};

// ---------------------------------------------------------------- RecentDocs

class RecentDocsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "recentdocs"; }
    std::string_view title() const override { return "RecentDocs"; }
    std::string_view description() const override {
        return "Files and folders the user opened recently, most recent first, overall and per extension.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override {
        return {explorerKey("RecentDocs"), explorerKey("RecentDocs\\.EXT")};
    }
    std::vector<Column> columns() const override {
        return {{"Extension", ColumnType::Text}, {"Position", ColumnType::Integer}, {"Value", ColumnType::Text},
                {"File name", ColumnType::Path}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto root = context.key(explorerKey("RecentDocs"));
        if (!root) return;
        decodeList(context, *root, "", rows);
        for (const auto& [extension, key] : context.subkeys(*root)) decodeList(context, key, extension, rows);
    }

private:
    static void decodeList(const DecodeContext& context, uint32_t key, const std::string& extension,
                           std::vector<Row>& rows) {
        MruOrder order = mruListEx(context, key);
        if (!order.note.empty()) {
            Row row;
            row.fields = {extension, std::monostate{}, std::string("MRUListEx"), std::monostate{},
                          context.lastWritten(key)};
            row.source = context.source(key);
            row.note = order.note;
            rows.push_back(std::move(row));
        }
        forEachInMruOrder(context, key, order, [&](const ValueView& value, std::optional<int64_t> position,
                                                   std::string note) {
            Row row;
            row.source = context.source(key, value);
            // The key is written when its list changes, so its last write
            // is when the most recent entry was opened.
            Field written = position == 0 ? timeOrEmpty(context.lastWritten(key)) : Field(std::monostate{});
            row.fields = {extension, optionalInt(position), value.name, std::monostate{}, written};
            if (!value.dataError.empty()) {
                addNote(note, "the data cannot be read: " + value.dataError);
            } else if (value.type != kRegBinary) {
                addNote(note, typeNote(value, "REG_BINARY"));
            } else {
                bool terminated = false;
                std::string file = leadingUtf16(value.data.bytes(), terminated);
                if (!terminated)
                    addNote(note, "the file name has no terminating NUL within the " +
                                      std::to_string(value.data.size()) + " bytes");
                row.fields[3] = std::move(file);
            }
            row.note = std::move(note);
            rows.push_back(std::move(row));
        });
    }
};

// ---------------------------------------------------------------- RunMRU

class RunMruDecoder final : public Decoder {
public:
    std::string_view name() const override { return "runmru"; }
    std::string_view title() const override { return "RunMRU"; }
    std::string_view description() const override {
        return "Commands the user typed in the Run dialog (Win+R), most recent first.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {explorerKey("RunMRU")}; }
    std::vector<Column> columns() const override {
        return {{"Position", ColumnType::Integer}, {"Value", ColumnType::Text}, {"Command", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key(explorerKey("RunMRU"));
        if (!key) return;
        MruOrder order = mruList(context, *key);
        if (!order.note.empty()) {
            Row row;
            row.fields = {std::monostate{}, std::string("MRUList"), std::monostate{}, context.lastWritten(*key)};
            row.source = context.source(*key);
            row.note = order.note;
            rows.push_back(std::move(row));
        }
        forEachInMruOrder(context, *key, order, [&](const ValueView& value, std::optional<int64_t> position,
                                                    std::string note) {
            Row row;
            row.source = context.source(*key, value);
            Field written = position == 0 ? timeOrEmpty(context.lastWritten(*key)) : Field(std::monostate{});
            row.fields = {optionalInt(position), value.name, std::monostate{}, written};
            if (auto text = DecodeContext::text(value)) {
                // Explorer ends every command with "\1" (the 1 is not part
                // of what was typed).
                std::string command = *text;
                if (command.ends_with("\\1")) command.resize(command.size() - 2);
                row.fields[2] = std::move(command);
            } else {
                addNote(note, typeNote(value, "a string"));
            }
            row.note = std::move(note);
            rows.push_back(std::move(row));
        });
    }
};

// ---------------------------------------------------------------- url1..urlN lists

/// The number in "url12", or nothing for other names.
std::optional<int64_t> urlNumber(std::string_view name) {
    if (name.size() < 4 || !(name.substr(0, 3) == "url" || name.substr(0, 3) == "URL")) return std::nullopt;
    int64_t n = 0;
    const char* first = name.data() + 3;
    const char* last = name.data() + name.size();
    auto [end, ec] = std::from_chars(first, last, n);
    if (ec != std::errc{} || end != last) return std::nullopt;
    return n;
}

/// The urlN values of a key ordered by N (url1 is the most recent).
std::vector<std::pair<int64_t, ValueView>> urlValues(const DecodeContext& context, uint32_t key) {
    std::vector<std::pair<int64_t, ValueView>> out;
    for (ValueView& v : context.values(key))
        if (auto n = urlNumber(v.name)) out.emplace_back(*n, std::move(v));
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

class TypedPathsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "typedpaths"; }
    std::string_view title() const override { return "TypedPaths"; }
    std::string_view description() const override {
        return "Paths the user typed in Explorer's address bar, most recent (url1) first.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {explorerKey("TypedPaths")}; }
    std::vector<Column> columns() const override {
        return {{"Value", ColumnType::Text}, {"Path", ColumnType::Path}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key(explorerKey("TypedPaths"));
        if (!key) return;
        for (const auto& [n, value] : urlValues(context, *key)) {
            Row row;
            row.source = context.source(*key, value);
            Field written = n == 1 ? timeOrEmpty(context.lastWritten(*key)) : Field(std::monostate{});
            row.fields = {value.name, std::monostate{}, written};
            if (auto text = DecodeContext::text(value))
                row.fields[1] = *text;
            else
                row.note = typeNote(value, "a string");
            rows.push_back(std::move(row));
        }
    }
};

constexpr std::string_view kTypedUrls = "Software\\Microsoft\\Internet Explorer\\TypedURLs";
constexpr std::string_view kTypedUrlsTime = "Software\\Microsoft\\Internet Explorer\\TypedURLsTime";

class TypedUrlsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "typedurls"; }
    std::string_view title() const override { return "TypedURLs"; }
    std::string_view description() const override {
        return "URLs the user typed in Internet Explorer's (or Explorer's) address bar, with when each was typed "
               "(TypedURLsTime, Windows 8 and later).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override {
        return {std::string(kTypedUrls), std::string(kTypedUrlsTime)};
    }
    std::vector<Column> columns() const override {
        return {{"Value", ColumnType::Text}, {"URL", ColumnType::Text}, {"Typed", ColumnType::FileTime},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto urls = context.key(kTypedUrls);
        auto times = context.key(kTypedUrlsTime);
        // urlN in TypedURLsTime is the FILETIME urlN of TypedURLs was typed.
        std::map<std::string, ValueView> timeByName;
        if (times)
            for (ValueView& v : context.values(*times)) timeByName.emplace(v.name, std::move(v));
        if (urls) {
            for (const auto& [n, value] : urlValues(context, *urls)) {
                Row row;
                row.source = context.source(*urls, value);
                Field written = n == 1 ? timeOrEmpty(context.lastWritten(*urls)) : Field(std::monostate{});
                row.fields = {value.name, std::monostate{}, std::monostate{}, written};
                if (auto text = DecodeContext::text(value))
                    row.fields[1] = *text;
                else
                    row.note = typeNote(value, "a string");
                if (auto t = timeByName.find(value.name); t != timeByName.end()) {
                    addTime(t->second, row);
                    timeByName.erase(t);
                }
                rows.push_back(std::move(row));
            }
        }
        // Times without a URL: the URL was deleted, the time is still news.
        if (!times) return;
        for (auto& [name, value] : timeByName) {
            if (!urlNumber(name)) continue;
            Row row;
            row.source = context.source(*times, value);
            row.fields = {name, std::monostate{}, std::monostate{}, std::monostate{}};
            addTime(value, row);
            addNote(row.note, "TypedURLs has no " + name);
            rows.push_back(std::move(row));
        }
    }

private:
    static void addTime(const ValueView& value, Row& row) {
        const Bytes b = value.data.bytes();
        if (!value.dataError.empty()) {
            addNote(row.note, "TypedURLsTime\\" + value.name + " cannot be read: " + value.dataError);
        } else if (b.size() != 8) {
            addNote(row.note, "TypedURLsTime\\" + value.name + " is " + std::to_string(b.size()) +
                                  " bytes; a FILETIME needs 8");
        } else {
            ByteReader reader(b, 0, "TypedURLsTime");
            row.fields[2] = timeOrEmpty(FileTime{reader.u64(0)});
        }
    }
};

// ---------------------------------------------------------------- WordWheelQuery

class WordWheelQueryDecoder final : public Decoder {
public:
    std::string_view name() const override { return "wordwheelquery"; }
    std::string_view title() const override { return "WordWheelQuery"; }
    std::string_view description() const override {
        return "Terms the user searched for in Explorer's search box (Windows 7 and later), most recent first.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {explorerKey("WordWheelQuery")}; }
    std::vector<Column> columns() const override {
        return {{"Position", ColumnType::Integer}, {"Value", ColumnType::Text}, {"Search term", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key(explorerKey("WordWheelQuery"));
        if (!key) return;
        MruOrder order = mruListEx(context, *key);
        if (!order.note.empty()) {
            Row row;
            row.fields = {std::monostate{}, std::string("MRUListEx"), std::monostate{}, context.lastWritten(*key)};
            row.source = context.source(*key);
            row.note = order.note;
            rows.push_back(std::move(row));
        }
        forEachInMruOrder(context, *key, order, [&](const ValueView& value, std::optional<int64_t> position,
                                                    std::string note) {
            Row row;
            row.source = context.source(*key, value);
            Field written = position == 0 ? timeOrEmpty(context.lastWritten(*key)) : Field(std::monostate{});
            row.fields = {optionalInt(position), value.name, std::monostate{}, written};
            if (!value.dataError.empty()) {
                addNote(note, "the data cannot be read: " + value.dataError);
            } else {
                // REG_BINARY holding UTF-16LE text, normally NUL-terminated.
                bool terminated = false;
                row.fields[2] = leadingUtf16(value.data.bytes(), terminated);
                if (!terminated) addNote(note, "the search term has no terminating NUL");
            }
            row.note = std::move(note);
            rows.push_back(std::move(row));
        });
    }
};

// ---------------------------------------------------------------- Run keys

class UserRunDecoder final : public Decoder {
public:
    std::string_view name() const override { return "user-run"; }
    std::string_view title() const override { return "User Run keys"; }
    std::string_view description() const override {
        return "Programs started at the user's logon: the user's Run, RunOnce and policy Run keys.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {kRun.begin(), kRun.end()}; }
    std::vector<Column> columns() const override {
        return {{"Key", ColumnType::Text}, {"Name", ColumnType::Text}, {"Command", ColumnType::Path},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        for (const char* path : kRun) {
            auto key = context.key(path);
            if (!key) continue;
            const std::string shortName = std::string(path).substr(kCurrentVersion.size() + 1);
            for (const ValueView& value : context.values(*key)) {
                // An empty default value starts nothing (regedit shows one
                // in every key).
                if (value.name.empty() && value.data.size() <= 2) continue;
                Row row;
                row.source = context.source(*key, value);
                row.fields = {shortName, value.name, std::monostate{}, context.lastWritten(*key)};
                if (auto text = DecodeContext::text(value))
                    row.fields[2] = *text;
                else
                    row.note = typeNote(value, "a string");
                rows.push_back(std::move(row));
            }
        }
    }

private:
    static constexpr std::string_view kCurrentVersion = "Software\\Microsoft\\Windows\\CurrentVersion";
    static constexpr std::array<const char*, 3> kRun = {
        "Software\\Microsoft\\Windows\\CurrentVersion\\Run",
        "Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
        "Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run",
    };
};

// ---------------------------------------------------------------- MountPoints2

class MountPoints2Decoder final : public Decoder {
public:
    std::string_view name() const override { return "mountpoints2"; }
    std::string_view title() const override { return "MountPoints2"; }
    std::string_view description() const override {
        return "Volumes, drives and network shares the user's Explorer saw mounted, with when each key was last "
               "written.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override { return {explorerKey("MountPoints2\\{NAME}")}; }
    std::vector<Column> columns() const override {
        return {{"Kind", ColumnType::Text},  {"Name", ColumnType::Text},     {"Share", ColumnType::Path},
                {"Label", ColumnType::Text}, {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto root = context.key(explorerKey("MountPoints2"));
        if (!root) return;
        for (const auto& [name, key] : context.subkeys(*root)) {
            Row row;
            row.source = context.source(key);
            row.fields = {std::string(kindOf(name)), name, std::monostate{}, std::monostate{},
                          context.lastWritten(key)};
            if (name.starts_with("##")) {
                // "##server#share" stands for "\\server\share".
                std::string share = name;
                std::replace(share.begin(), share.end(), '#', '\\');
                row.fields[2] = share;
            }
            if (auto label = context.value(key, "_LabelFromReg")) {
                if (auto text = DecodeContext::text(*label)) row.fields[3] = *text;
            }
            rows.push_back(std::move(row));
        }
    }

private:
    static std::string_view kindOf(const std::string& name) {
        if (name.starts_with("{")) return "volume";
        if (name.starts_with("##")) return "network share";
        if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') return "drive";
        return "other";
    }
};

// ---------------------------------------------------------------- Terminal Server Client

constexpr std::string_view kTsClient = "Software\\Microsoft\\Terminal Server Client";

class TsClientDecoder final : public Decoder {
public:
    std::string_view name() const override { return "tsclient"; }
    std::string_view title() const override { return "Remote Desktop connections"; }
    std::string_view description() const override {
        return "Computers the user connected to with Remote Desktop (mstsc): the MRU list and each server with the "
               "user name last used.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::NtUser}; }
    std::vector<std::string> keyPaths() const override {
        return {std::string(kTsClient) + "\\Default", std::string(kTsClient) + "\\Servers\\{HOST}"};
    }
    std::vector<Column> columns() const override {
        return {{"Source", ColumnType::Text},        {"Value", ColumnType::Text},
                {"Server", ColumnType::Text},        {"Username hint", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        if (auto key = context.key(std::string(kTsClient) + "\\Default")) {
            // MRU0 is the most recent; sort by number, not by hive order.
            std::vector<std::pair<int64_t, ValueView>> mru;
            for (ValueView& v : context.values(*key)) {
                if (!v.name.starts_with("MRU")) continue;
                int64_t n = 0;
                auto [end, ec] = std::from_chars(v.name.data() + 3, v.name.data() + v.name.size(), n);
                if (ec != std::errc{} || end != v.name.data() + v.name.size()) continue;
                mru.emplace_back(n, std::move(v));
            }
            std::stable_sort(mru.begin(), mru.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [n, value] : mru) {
                Row row;
                row.source = context.source(*key, value);
                Field written = n == 0 ? timeOrEmpty(context.lastWritten(*key)) : Field(std::monostate{});
                row.fields = {std::string("Default"), value.name, std::monostate{}, std::monostate{}, written};
                if (auto text = DecodeContext::text(value))
                    row.fields[2] = *text;
                else
                    row.note = typeNote(value, "a string");
                rows.push_back(std::move(row));
            }
        }
        if (auto servers = context.key(std::string(kTsClient) + "\\Servers")) {
            for (const auto& [host, key] : context.subkeys(*servers)) {
                Row row;
                row.source = context.source(key);
                row.fields = {std::string("Servers"), std::monostate{}, host, std::monostate{},
                              context.lastWritten(key)};
                if (auto hint = context.value(key, "UsernameHint")) {
                    row.source = context.source(key, *hint);
                    if (auto text = DecodeContext::text(*hint))
                        row.fields[3] = *text;
                    else
                        row.note = typeNote(*hint, "a string");
                }
                rows.push_back(std::move(row));
            }
        }
    }
};

}  // namespace

void addNtUserDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<UserAssistDecoder>());
    out.push_back(std::make_unique<RecentDocsDecoder>());
    out.push_back(std::make_unique<RunMruDecoder>());
    out.push_back(std::make_unique<TypedPathsDecoder>());
    out.push_back(std::make_unique<TypedUrlsDecoder>());
    out.push_back(std::make_unique<WordWheelQueryDecoder>());
    out.push_back(std::make_unique<UserRunDecoder>());
    out.push_back(std::make_unique<MountPoints2Decoder>());
    out.push_back(std::make_unique<TsClientDecoder>());
}

}  // namespace hivekit::artefacts
