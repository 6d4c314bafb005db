// The .reg exporter. See RegExport.h for the form and its exactness rules.
#include "regfile/RegExport.h"

#include <cstdio>
#include <optional>

#include "format/Layout.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"

namespace hivekit {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
/// regedit ends a hex line once it has reached this many characters (a
/// byte's comma included), so that with the "\" no line exceeds 80.
constexpr size_t kWrapColumn = 77;

bool isSurrogate(char16_t u) { return u >= 0xD800 && u <= 0xDFFF; }
bool isLead(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool isTrail(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

bool hasLineBreak(std::u16string_view s) {
    return s.find(u'\r') != std::u16string_view::npos || s.find(u'\n') != std::u16string_view::npos;
}

/// True when `units` holds a surrogate that is not part of a pair.
bool hasUnpairedSurrogate(std::u16string_view units) {
    for (size_t i = 0; i < units.size(); ++i) {
        if (!isSurrogate(units[i])) continue;
        if (isLead(units[i]) && i + 1 < units.size() && isTrail(units[i + 1])) {
            ++i;
            continue;
        }
        return true;
    }
    return false;
}

/// `text` with \ and " escaped, as regedit writes names and strings.
std::string escapeQuoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    for (char c : text) {
        if (c == '\\' || c == '"') out += '\\';
        out += c;
    }
    return out;
}

/// UTF-16 units of the escaped form: what regedit counts for wrapping.
size_t escapedUnits(std::u16string_view name) {
    size_t n = name.size();
    for (char16_t c : name)
        if (c == u'\\' || c == u'"') ++n;
    return n;
}

/// For messages: a name with line breaks and NULs shown as \r, \n and \0.
std::string printable(std::u16string_view name) {
    std::string out;
    for (char c : utf16ToUtf8(name)) {
        if (c == '\r') out += "\\r";
        else if (c == '\n') out += "\\n";
        else if (c == '\0') out += "\\0";
        else out += c;
    }
    return out;
}

/// The REG_SZ data as text when the string form keeps every byte: even
/// length, one NUL unit at the very end and none before, no line break, no
/// unpaired surrogate.
bool stringForm(Bytes data, std::u16string& text) {
    if (data.size() < 2 || data.size() % 2 != 0) return false;
    text = utf16leUnits(data);
    if (text.back() != u'\0') return false;
    text.pop_back();
    if (text.find(u'\0') != std::u16string::npos) return false;
    return !hasLineBreak(text) && !hasUnpairedSurrogate(text);
}

void appendHex(std::string& out, size_t column, Bytes bytes) {
    for (size_t i = 0; i < bytes.size(); ++i) {
        out += kHexDigits[bytes[i] >> 4];
        out += kHexDigits[bytes[i] & 0xF];
        if (i + 1 == bytes.size()) break;
        out += ',';
        column += 3;
        if (column >= kWrapColumn) {
            out += "\\\r\n  ";
            column = 2;
        }
    }
}

std::string hexTag(uint32_t type) {
    if (type == kRegBinary) return "hex:";
    char buf[16];
    std::snprintf(buf, sizeof buf, "hex(%x):", type);
    return buf;
}

}  // namespace

std::string formatRegValue(std::u16string_view name, uint32_t type, Bytes data, RegVersion version,
                           std::string* note) {
    if (hasLineBreak(name)) {
        if (note) *note = "its name holds a line break, which a .reg file cannot hold";
        return {};
    }
    std::string out = name.empty() ? std::string("@=") : "\"" + escapeQuoted(utf16ToUtf8(name)) + "\"=";
    const size_t column = name.empty() ? 2 : escapedUnits(name) + 3;

    if (type == kRegSz) {
        std::u16string text;
        if (stringForm(data, text)) {
            out += '"';
            out += escapeQuoted(utf16ToUtf8(text));
            out += '"';
            return out;
        }
    }
    if (type == kRegDword && data.size() == 4) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "dword:%08x", loadU32(data.data()));
        out += buf;
        return out;
    }
    const std::string tag = hexTag(type);
    out += tag;
    if (version == RegVersion::V4 && (type == kRegSz || type == kRegExpandSz || type == kRegMultiSz)) {
        // REGEDIT4 holds these as narrow text; the parser widens them back.
        if (data.size() % 2 != 0 && note)
            *note = "its " + std::to_string(data.size()) +
                    " bytes are an odd number, and REGEDIT4 holds REG_SZ, REG_EXPAND_SZ and REG_MULTI_SZ data as "
                    "text: the last byte is left out (export as regedit 5.00 to keep it)";
        const std::string narrow = utf16leToUtf8(data.first(data.size() & ~size_t{1}));
        appendHex(out, column + tag.size(),
                  Bytes(reinterpret_cast<const uint8_t*>(narrow.data()), narrow.size()));
        return out;
    }
    appendHex(out, column + tag.size(), data);
    return out;
}

std::vector<uint8_t> encodeRegText(std::string_view text, RegVersion version) {
    if (version == RegVersion::V4) return std::vector<uint8_t>(text.begin(), text.end());
    std::vector<uint8_t> out{0xFF, 0xFE};
    out.reserve(2 + 2 * text.size());
    appendUtf16le(text, out);
    return out;
}

namespace {

/// Keys between two looks at the control (progress, cancel).
constexpr size_t kKeysPerPoll = 256;

/// The export itself: walks the tree and hands the text to `emit` in UTF-8
/// pieces of about `piece` bytes (whole keys), then returns what it found.
/// `emit` returning an error ends the walk with that error.
template <class Emit>
Result<RegExportSummary> exportPieces(const Hive& hive, std::string_view path, const RegExportOptions& options,
                                      size_t piece, Emit&& emit, const RegExportControl& control) {
    const std::string& root = options.rootName;
    if (root.empty() || root.find_first_of("]\r\n") != std::string::npos || root.front() == '-')
        return fail(ErrorCode::Invalid, "root name \"" + root +
                                            "\" cannot begin key lines: it must not be empty, start with '-' or "
                                            "hold ']' or a line break");
    Index index(hive);
    auto start = index.findKey(path);
    if (!start) return std::unexpected(start.error());
    auto startPath = index.pathOf(*start);
    if (!startPath) return std::unexpected(startPath.error());

    RegExportSummary result;
    std::string out;
    out.reserve(piece + (1 << 16));
    out += options.version == RegVersion::V5 ? "Windows Registry Editor Version 5.00\r\n\r\n" : "REGEDIT4\r\n\r\n";
    Diagnostics& problems = result.problems;
    std::optional<Error> failed;
    std::vector<uint32_t> values;
    std::string line;
    std::string note;
    TreeWalker(hive).walkFrom(
        *start, *startPath,
        [&](const WalkedKey& k) {
            // Returning false skips a subtree, not the walk: once stopped,
            // the keys left on the walker's stack are passed over.
            if (failed || result.cancelled) return false;
            const std::string& keyPath = *k.path;
            const uint64_t keyAt = fileOffsetOf(k.offset).value;
            if (k.offset != hive.rootOffset()) {
                const std::u16string name = k.node->name();
                const bool nul = name.find(u'\0') != std::u16string::npos;  // the parser refuses it
                if (name.empty() || nul || name.find(u'\\') != std::u16string::npos || hasLineBreak(name)) {
                    problems.warn("key \"" + printable(utf8ToUtf16(keyPath)) + "\": " +
                                      (name.empty() ? std::string("its name is empty")
                                       : nul        ? std::string("its name holds a NUL character")
                                                    : std::string("its name holds a backslash or a line break")) +
                                      ", which a .reg key line cannot hold; left out with its subtree",
                                  keyAt);
                    return false;
                }
            }
            out += '[';
            out += root;
            if (!keyPath.empty()) {
                out += '\\';
                out += keyPath;
            }
            out += "]\r\n";
            hive.values(*k.node, values, &problems);
            for (uint32_t at : values) {
                auto value = hive.valueRecord(at);
                if (!value) {
                    problems.error(value.error());
                    continue;
                }
                const std::u16string name = value->name();
                const uint64_t valueAt = fileOffsetOf(at).value;
                // Built only when there is something to say.
                auto label = [&] { return "key \"" + keyPath + "\", value \"" + printable(name) + "\": "; };
                auto data = hive.valueData(*value);
                if (!data) {
                    problems.error(label() + data.error().message + "; left out", data.error().offset);
                    continue;
                }
                if (data->shortened)
                    problems.warn(label() + "its data is shorter than its record declares; exported as read", valueAt);
                note.clear();
                line = formatRegValue(name, value->type, data->bytes(), options.version, &note);
                if (line.empty()) {
                    problems.warn(label() + note + "; left out", valueAt);
                    continue;
                }
                if (!note.empty()) problems.warn(label() + note, valueAt);
                out += line;
                out += "\r\n";
                ++result.values;
            }
            out += "\r\n";
            ++result.keys;
            if (out.size() >= piece) {
                if (auto r = emit(std::string_view(out)); !r) {
                    failed = r.error();
                    return false;
                }
                out.clear();
            }
            if (result.keys % kKeysPerPoll == 0) {
                if (control.cancelRequested && control.cancelRequested()) {
                    result.cancelled = true;
                    return false;
                }
                if (control.progress) control.progress(result.keys, result.bytes);
            }
            return true;
        },
        &problems);
    if (failed) return std::unexpected(*failed);
    if (result.cancelled) return result;
    if (!out.empty())
        if (auto r = emit(std::string_view(out)); !r) return std::unexpected(r.error());
    return result;
}

}  // namespace

Result<RegExport> exportRegText(const Hive& hive, std::string_view path, const RegExportOptions& options) {
    RegExport result;
    auto done = exportPieces(
        hive, path, options, size_t{1} << 16,
        [&](std::string_view text) -> Result<void> {
            result.text.append(text);
            return {};
        },
        RegExportControl{});
    if (!done) return std::unexpected(done.error());
    result.problems = std::move(done->problems);
    result.keys = done->keys;
    result.values = done->values;
    return result;
}

Result<RegExportSummary> exportReg(const Hive& hive, std::string_view path, const RegExportOptions& options,
                                   const RegExportWriter& writer, const RegExportControl& control) {
    std::vector<uint8_t> bytes;
    bytes.reserve((size_t{1} << 19) + (1 << 17));
    if (options.version == RegVersion::V5) bytes = {0xFF, 0xFE};
    uint64_t written = 0;
    RegExportControl counted = control;
    if (control.progress)
        counted.progress = [&](uint64_t keys, uint64_t) { control.progress(keys, written); };
    auto done = exportPieces(
        hive, path, options, size_t{1} << 18,
        [&](std::string_view text) -> Result<void> {
            if (options.version == RegVersion::V5) appendUtf16le(text, bytes);
            else bytes.insert(bytes.end(), text.begin(), text.end());
            if (auto r = writer(Bytes(bytes.data(), bytes.size())); !r) return r;
            written += bytes.size();
            bytes.clear();
            return {};
        },
        counted);
    if (!done) return done;
    done->bytes = written;
    if (!done->cancelled && control.progress) control.progress(done->keys, written);
    return done;
}

Result<RegExportSummary> exportRegFile(const Hive& hive, std::string_view path, const RegExportOptions& options,
                                       const std::string& file, FileIO& io, const RegExportControl& control) {
    const std::string partial = file + ".partial";
    auto id = io.open(partial, true);
    if (!id) return std::unexpected(id.error());
    auto abandon = [&](std::optional<Error> why) -> Result<RegExportSummary> {
        (void)io.close(*id);
        (void)io.remove(partial);
        if (why) return std::unexpected(*why);
        return RegExportSummary{};
    };
    if (auto r = io.truncate(*id, 0); !r) return abandon(r.error());
    uint64_t at = 0;
    auto done = exportReg(
        hive, path, options,
        [&](Bytes piece) -> Result<void> {
            if (auto r = io.write(*id, at, piece); !r) return r;
            at += piece.size();
            return {};
        },
        control);
    if (!done) return abandon(done.error());
    if (done->cancelled) {
        RegExportSummary cancelled = std::move(*done);
        (void)abandon(std::nullopt);
        return cancelled;
    }
    if (auto r = io.sync(*id, SyncKind::Data); !r) return abandon(r.error());
    if (auto r = io.close(*id); !r) {
        (void)io.remove(partial);
        return std::unexpected(r.error());
    }
    if (auto r = io.rename(partial, file); !r) {
        (void)io.remove(partial);
        return std::unexpected(r.error());
    }
    return done;
}

}  // namespace hivekit
