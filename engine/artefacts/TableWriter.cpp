#include "artefacts/TableWriter.h"

#include "artefacts/Decoder.h"
#include "util/JsonText.h"

namespace hivekit::artefacts {

namespace {

std::string hex(const std::vector<uint8_t>& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

std::string csvQuoted(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string jsonField(const Field& field) {
    if (std::holds_alternative<std::monostate>(field)) return "null";
    if (const auto* i = std::get_if<int64_t>(&field)) return std::to_string(*i);
    if (const auto* b = std::get_if<bool>(&field)) return *b ? "true" : "false";
    return jsonQuoted(fieldText(field));
}

std::string sourceText(const RowSource& s) {
    if (!s.hasValue) return s.keyPath;
    return s.keyPath + " : " + (s.valueName.empty() ? std::string("(Default)") : s.valueName);
}

}  // namespace

std::string fieldText(const Field& field) {
    if (const auto* s = std::get_if<std::string>(&field)) return *s;
    if (const auto* i = std::get_if<int64_t>(&field)) return std::to_string(*i);
    if (const auto* t = std::get_if<FileTime>(&field)) return isoTime(*t);
    if (const auto* b = std::get_if<std::vector<uint8_t>>(&field)) return hex(*b);
    if (const auto* v = std::get_if<bool>(&field)) return *v ? "true" : "false";
    return {};
}

void writeCsv(const ArtefactTable& table, std::ostream& out) {
    for (const Column& c : table.columns) out << csvQuoted(c.name) << ',';
    out << "key,value,note\r\n";
    for (const Row& row : table.rows) {
        for (const Field& f : row.fields) out << csvQuoted(fieldText(f)) << ',';
        out << csvQuoted(row.source.keyPath) << ','
            << (row.source.hasValue ? csvQuoted(row.source.valueName) : std::string()) << ','
            << csvQuoted(row.note) << "\r\n";
    }
}

void writeJson(const std::string& hivePath, HiveKind kind, const std::vector<ArtefactTable>& tables,
               std::ostream& out) {
    out << "{\"hive\": " << jsonQuoted(hivePath) << ", \"kind\": " << jsonQuoted(std::string(hiveKindName(kind)))
        << ", \"artefacts\": [";
    for (size_t t = 0; t < tables.size(); ++t) {
        const ArtefactTable& table = tables[t];
        out << (t ? ",\n" : "\n") << "{\"name\": " << jsonQuoted(std::string(table.decoder->name()))
            << ", \"title\": " << jsonQuoted(std::string(table.decoder->title())) << ", \"columns\": [";
        for (size_t c = 0; c < table.columns.size(); ++c)
            out << (c ? ", " : "") << "{\"name\": " << jsonQuoted(table.columns[c].name)
                << ", \"type\": " << jsonQuoted(std::string(columnTypeName(table.columns[c].type))) << "}";
        out << "], \"rows\": [";
        for (size_t r = 0; r < table.rows.size(); ++r) {
            const Row& row = table.rows[r];
            out << (r ? ",\n " : "\n ") << "{";
            for (size_t c = 0; c < table.columns.size() && c < row.fields.size(); ++c)
                out << jsonQuoted(table.columns[c].name) << ": " << jsonField(row.fields[c]) << ", ";
            out << "\"_key\": " << jsonQuoted(row.source.keyPath) << ", \"_value\": "
                << (row.source.hasValue ? jsonQuoted(row.source.valueName) : std::string("null"))
                << ", \"_note\": " << (row.note.empty() ? std::string("null") : jsonQuoted(row.note)) << "}";
        }
        out << "], \"error\": " << (table.error.empty() ? std::string("null") : jsonQuoted(table.error)) << "}";
    }
    out << "]}\n";
}

void writeText(const std::vector<ArtefactTable>& tables, std::ostream& out) {
    for (const ArtefactTable& table : tables) {
        out << "== " << table.decoder->title() << " (" << table.decoder->name() << "): " << table.rows.size()
            << (table.rows.size() == 1 ? " row" : " rows") << "\n";
        if (!table.error.empty()) out << "error: " << table.error << "\n";
        if (table.rows.empty()) {
            out << "\n";
            continue;
        }
        for (size_t c = 0; c < table.columns.size(); ++c) out << (c ? "\t" : "") << table.columns[c].name;
        out << "\tsource\n";
        for (const Row& row : table.rows) {
            for (size_t c = 0; c < row.fields.size(); ++c) out << (c ? "\t" : "") << fieldText(row.fields[c]);
            out << "\t" << sourceText(row.source);
            if (!row.note.empty()) out << "\t[" << row.note << "]";
            out << "\n";
        }
        out << "\n";
    }
}

}  // namespace hivekit::artefacts
