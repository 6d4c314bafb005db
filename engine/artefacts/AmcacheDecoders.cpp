// Amcache.hve artefact decoders: the executables Windows inventoried and the
// programs they belong to. Two layouts exist and a hive may hold both:
//  - Windows 10 1607 and later: Root\InventoryApplicationFile\{id} and
//    Root\InventoryApplication\{id}, with named values (LowerCaseLongPath,
//    FileId, Name, ...);
//  - Windows 8 and early Windows 10: Root\File\{volume GUID}\{file reference}
//    and Root\Programs\{id}, with values named by hex numbers ("15" path,
//    "101" SHA-1, "11" last modified, ...).
#include <cstdio>
#include <cstdlib>

#include "artefacts/Registry.h"

namespace hivekit::artefacts {

namespace {

void addNote(std::string& note, const std::string& text) { note += (note.empty() ? "" : "; ") + text; }

/// A string value, or empty (with a note when the value is not a string).
Field textField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    auto value = context.value(key, name);
    if (!value) return std::monostate{};
    if (auto text = DecodeContext::text(*value)) return text->empty() ? Field{} : Field{*text};
    addNote(note, std::string(name) + " is not a string (type " + std::to_string(value->type) + ")");
    return std::monostate{};
}

/// A number held as a DWORD/QWORD or, as Amcache sometimes writes sizes, as
/// text ("0x7fac0"); empty with a note when it is neither.
Field numberField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    auto value = context.value(key, name);
    if (!value) return std::monostate{};
    if (auto n = DecodeContext::number(*value)) return *n;
    if (auto text = DecodeContext::text(*value)) {
        char* end = nullptr;
        const unsigned long long n = std::strtoull(text->c_str(), &end, 0);
        if (!text->empty() && end && *end == '\0') return static_cast<int64_t>(n);
        addNote(note, std::string(name) + " \"" + *text + "\" is not a number");
        return std::monostate{};
    }
    addNote(note, std::string(name) + " is not a number (type " + std::to_string(value->type) + ")");
    return std::monostate{};
}

/// A FILETIME held as an 8-byte value (REG_QWORD or REG_BINARY).
Field fileTimeField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    auto value = context.value(key, name);
    if (!value) return std::monostate{};
    auto n = DecodeContext::number(*value);
    if (!n || value->data.bytes().size() != 8) {
        addNote(note, std::string(name) + " is " + std::to_string(value->data.bytes().size()) +
                          " bytes; a FILETIME is 8");
        return std::monostate{};
    }
    return *n == 0 ? Field{} : Field{FileTime{static_cast<uint64_t>(*n)}};
}

/// Seconds since 1970 held as a DWORD or QWORD.
Field unixTimeField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    Field n = numberField(context, key, name, note);
    if (auto* seconds = std::get_if<int64_t>(&n)) return *seconds == 0 ? Field{} : Field{fileTimeFromUnix(*seconds)};
    return std::monostate{};
}

/// The text "MM/DD/YYYY HH:MM:SS" (UTC) that Windows 10's inventory writes
/// for LinkDate and InstallDate; empty with a note when it is not that.
Field dateTextField(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    Field text = textField(context, key, name, note);
    auto* s = std::get_if<std::string>(&text);
    if (!s) return std::monostate{};
    unsigned month = 0, day = 0, year = 0, hour = 0, minute = 0, second = 0;
    char tail = 0;
    if (std::sscanf(s->c_str(), "%2u/%2u/%4u %2u:%2u:%2u%c", &month, &day, &year, &hour, &minute, &second, &tail) ==
        6) {
        // Through fileTimeFromSystemTime, which checks the date is real.
        uint8_t st[16] = {};
        const unsigned fields[8] = {year, month, 0, day, hour, minute, second, 0};
        for (size_t i = 0; i < 8; ++i) {
            st[i * 2] = static_cast<uint8_t>(fields[i] & 0xFF);
            st[i * 2 + 1] = static_cast<uint8_t>(fields[i] >> 8);
        }
        if (auto t = fileTimeFromSystemTime(st)) return *t;
    }
    addNote(note, std::string(name) + " \"" + *s + "\" is not a date (MM/DD/YYYY HH:MM:SS)");
    return std::monostate{};
}

/// Amcache's file ids are "0000" followed by the file's SHA-1 (of its first
/// 31 MiB): the SHA-1 without the padding, as the hash tools print it.
Field sha1Field(const DecodeContext& context, uint32_t key, std::string_view name, std::string& note) {
    Field id = textField(context, key, name, note);
    auto* s = std::get_if<std::string>(&id);
    if (!s) return std::monostate{};
    if (s->size() == 44 && s->starts_with("0000")) return s->substr(4);
    if (s->size() == 40) return *s;
    addNote(note, std::string(name) + " \"" + *s + "\" is not \"0000\" and a SHA-1");
    return *s;
}

/// The executables Windows inventoried: path, SHA-1, version information.
class AmcacheFilesDecoder final : public Decoder {
public:
    std::string_view name() const override { return "amcache"; }
    std::string_view title() const override { return "Amcache files"; }
    std::string_view description() const override {
        return "Executables Windows inventoried (present or run): path, SHA-1, publisher, version, link and file "
               "times.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Amcache}; }
    std::vector<std::string> keyPaths() const override {
        return {"Root\\InventoryApplicationFile", "Root\\File"};
    }
    std::vector<Column> columns() const override {
        return {{"Path", ColumnType::Path},           {"SHA-1", ColumnType::Text},
                {"Name", ColumnType::Text},           {"Publisher", ColumnType::Text},
                {"Version", ColumnType::Text},        {"Product", ColumnType::Text},
                {"Size", ColumnType::Integer},        {"Link date", ColumnType::FileTime},
                {"Modified", ColumnType::FileTime},   {"Created", ColumnType::FileTime},
                {"Modified 2", ColumnType::FileTime}, {"Program ID", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        if (auto inventory = context.key("Root\\InventoryApplicationFile")) {
            for (const auto& [unused, file] : context.subkeys(*inventory)) {
                Row row;
                std::string& note = row.note;
                row.source = context.source(file);
                // Windows 10 keeps no file system times here.
                row.fields = {textField(context, file, "LowerCaseLongPath", note),
                              sha1Field(context, file, "FileId", note),
                              textField(context, file, "Name", note),
                              textField(context, file, "Publisher", note),
                              textField(context, file, "Version", note),
                              textField(context, file, "ProductName", note),
                              numberField(context, file, "Size", note),
                              dateTextField(context, file, "LinkDate", note),
                              std::monostate{},
                              std::monostate{},
                              std::monostate{},
                              textField(context, file, "ProgramId", note),
                              context.lastWritten(file)};
                rows.push_back(std::move(row));
            }
        }
        auto files = context.key("Root\\File");
        if (!files) return;
        for (const auto& [volume, volumeKey] : context.subkeys(*files)) {
            for (const auto& [reference, file] : context.subkeys(volumeKey)) {
                Row row;
                std::string& note = row.note;
                row.source = context.source(file);
                // 15 path, 101 "0000"+SHA-1, 0 product, 1 company, 5 file
                // version, 6 size, f PE link time (seconds since 1970), 11
                // last modified, 12 created, 17 last modified again (its
                // meaning is not documented), 100 program id. No file name
                // value: Name stays empty.
                row.fields = {textField(context, file, "15", note),
                              sha1Field(context, file, "101", note),
                              std::monostate{},
                              textField(context, file, "1", note),
                              textField(context, file, "5", note),
                              textField(context, file, "0", note),
                              numberField(context, file, "6", note),
                              unixTimeField(context, file, "f", note),
                              fileTimeField(context, file, "11", note),
                              fileTimeField(context, file, "12", note),
                              fileTimeField(context, file, "17", note),
                              textField(context, file, "100", note),
                              context.lastWritten(file)};
                rows.push_back(std::move(row));
            }
        }
    }
};

/// The programs (installers, Store apps) Windows inventoried.
class AmcacheProgramsDecoder final : public Decoder {
public:
    std::string_view name() const override { return "amcache-programs"; }
    std::string_view title() const override { return "Amcache programs"; }
    std::string_view description() const override {
        return "Programs Windows inventoried: name, version, publisher, install date, where and how installed.";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::Amcache}; }
    std::vector<std::string> keyPaths() const override { return {"Root\\InventoryApplication", "Root\\Programs"}; }
    std::vector<Column> columns() const override {
        return {{"Name", ColumnType::Text},          {"Version", ColumnType::Text},
                {"Publisher", ColumnType::Text},     {"Install date", ColumnType::FileTime},
                {"Source", ColumnType::Text},        {"Location", ColumnType::Path},
                {"Uninstall key", ColumnType::Text}, {"Program ID", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        if (auto inventory = context.key("Root\\InventoryApplication")) {
            for (const auto& [id, program] : context.subkeys(*inventory)) {
                Row row;
                std::string& note = row.note;
                row.source = context.source(program);
                row.fields = {textField(context, program, "Name", note),
                              textField(context, program, "Version", note),
                              textField(context, program, "Publisher", note),
                              dateTextField(context, program, "InstallDate", note),
                              textField(context, program, "Source", note),
                              textField(context, program, "RootDirPath", note),
                              textField(context, program, "RegistryKeyPath", note),
                              id,
                              context.lastWritten(program)};
                rows.push_back(std::move(row));
            }
        }
        auto programs = context.key("Root\\Programs");
        if (!programs) return;
        for (const auto& [id, program] : context.subkeys(*programs)) {
            Row row;
            std::string& note = row.note;
            row.source = context.source(program);
            // 0 name, 1 version, 2 publisher, a install time (seconds since
            // 1970), 6 entry type ("AddRemoveProgram", ...), d folders
            // (REG_MULTI_SZ), 7 uninstall keys (REG_MULTI_SZ).
            row.fields = {textField(context, program, "0", note),
                          textField(context, program, "1", note),
                          textField(context, program, "2", note),
                          unixTimeField(context, program, "a", note),
                          textField(context, program, "6", note),
                          textField(context, program, "d", note),
                          textField(context, program, "7", note),
                          id,
                          context.lastWritten(program)};
            rows.push_back(std::move(row));
        }
    }
};

}  // namespace

void addAmcacheDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<AmcacheFilesDecoder>());
    out.push_back(std::make_unique<AmcacheProgramsDecoder>());
}

}  // namespace hivekit::artefacts
