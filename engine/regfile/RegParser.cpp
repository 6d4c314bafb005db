// The .reg parser: decoding (UTF-16LE or UTF-8), then one pass over the
// lines with a small state (the current key, a value whose hex data goes on
// over several lines). See RegFile.h for the grammar and the root prefix rule.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <optional>
#include <string_view>

#include "format/Names.h"
#include "format/ValueData.h"
#include "format/ValueText.h"
#include "regfile/RegFile.h"

namespace hivekit {
namespace {

constexpr std::string_view kHeaderV5 = "Windows Registry Editor Version 5.00";
constexpr std::string_view kHeaderV4 = "REGEDIT4";

bool isBlank(char c) { return c == ' ' || c == '\t'; }

bool isHexDigit(char c) { return hexDigitValue(c) >= 0; }

/// The number written by 1 to 8 hex digits (checked by the caller).
uint32_t hexNumber(std::string_view digits) {
    uint32_t v = 0;
    for (char c : digits) v = (v << 4) | static_cast<uint32_t>(hexDigitValue(c));
    return v;
}

size_t skipBlanks(std::string_view s, size_t pos) {
    while (pos < s.size() && isBlank(s[pos])) ++pos;
    return pos;
}

std::string_view trimBlanks(std::string_view s) {
    size_t b = skipBlanks(s, 0);
    size_t e = s.size();
    while (e > b && isBlank(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool startsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
    if (s.size() - pos < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char a = s[pos + i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != prefix[i]) return false;
    }
    return true;
}

/// The length of the UTF-8 (WTF-8) sequence at s[i], or 0 when it is not
/// well-formed: surrogates encoded on their own (how format/Names.h writes an
/// unpaired surrogate) are accepted, so that every stored name round-trips.
size_t utf8SequenceLength(std::string_view s, size_t i) {
    const Utf8Sequence seq = utf8SequenceAt(s, i);
    return seq.wellFormed() ? seq.length : 0;
}

/// The index of the first byte of `s` that is not UTF-8 (WTF-8), or npos.
size_t firstInvalidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const size_t len = utf8SequenceLength(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// The 1-based column of byte `pos`: characters (code points) before it, plus one.
unsigned columnOf(std::string_view line, size_t pos) {
    unsigned column = 1;
    for (size_t i = 0; i < pos && i < line.size(); ++i)
        if ((static_cast<uint8_t>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

/// At most `max` characters of `s` for a message, "..." marking a cut.
std::string excerpt(std::string_view s, size_t max = 24) {
    size_t chars = 0, i = 0;
    while (i < s.size() && chars < max) {
        size_t len = utf8SequenceLength(s, i);
        i += len ? len : 1;
        ++chars;
    }
    return i < s.size() ? std::string(s.substr(0, i)) + "..." : std::string(s);
}

/// The one character (UTF-8 sequence) at `pos`, for messages.
std::string charAt(std::string_view s, size_t pos) {
    const size_t len = utf8SequenceLength(s, pos);
    return std::string(s.substr(pos, len ? len : 1));
}

std::vector<uint8_t> toUtf16Le(std::u16string_view units) {
    std::vector<uint8_t> out(units.size() * 2);
    for (size_t i = 0; i < units.size(); ++i) storeU16(out.data() + 2 * i, units[i]);
    return out;
}

/// One key name component with the byte offset where it starts in its line.
struct Component {
    std::string_view name;
    size_t at = 0;
};

std::vector<Component> splitComponents(std::string_view path, size_t base) {
    std::vector<Component> parts;
    size_t start = 0;
    for (;;) {
        const size_t slash = path.find('\\', start);
        if (slash == std::string_view::npos) {
            parts.push_back({path.substr(start), base + start});
            break;
        }
        parts.push_back({path.substr(start, slash - start), base + start});
        start = slash + 1;
    }
    // One trailing backslash names the same key ("[A\B\]" is "[A\B]"; and
    // hivexregedit writes the root as "[\]").
    if (parts.size() > 1 && parts.back().name.empty()) parts.pop_back();
    return parts;
}

/// Registry roots under which a hive is mounted one level down (its mount
/// point is the second component); under any other root the hive is the
/// root itself.
bool isMountingRoot(std::string_view name) {
    const std::u16string u = utf8ToUtf16(name);
    for (std::u16string_view root : {u"HKEY_LOCAL_MACHINE", u"HKLM", u"HKEY_USERS", u"HKU"})
        if (namesEqual(u, root)) return true;
    return false;
}

class Parser {
public:
    explicit Parser(const RegParseOptions& options) : options_(options) {}

    RegParseResult run(Bytes input);

private:
    struct PendingHex {
        RegEdit edit;
        unsigned startLine = 0;
        unsigned backslashLine = 0;
        bool keyless = false;  ///< no key to put it in (already reported)
    };
    enum class KeyState { None, Valid, Deleted, Broken };
    enum class HexEnd { Done, Continues, Failed };

    bool decode(Bytes input);
    void parseLines();
    /// False once the error limit is reached (the first time, says so).
    bool admitError(unsigned line);
    void error(unsigned line, std::string_view text, size_t pos, const std::string& what);
    void errorNoColumn(unsigned line, const std::string& what);

    void parseLine(unsigned line, std::string_view text);
    void parseKeyLine(unsigned line, std::string_view text, size_t pos);
    void parseValueLine(unsigned line, std::string_view text, size_t pos);
    void continueHex(unsigned line, std::string_view text);
    std::optional<std::string> parseQuoted(unsigned line, std::string_view text, size_t pos, const char* what,
                                           size_t& end);
    HexEnd parseHexBytes(unsigned line, std::string_view text, size_t pos, std::vector<uint8_t>& data);
    bool checkRest(unsigned line, std::string_view text, size_t pos, const char* after);
    std::optional<std::string> resolveKeyPath(unsigned line, std::string_view text, size_t at, size_t size);
    void finishValue(RegEdit edit, unsigned startLine, bool keyless);

    const RegParseOptions& options_;
    RegParseResult result_;
    std::string text_;
    bool stopped_ = false;

    KeyState keyState_ = KeyState::None;
    std::string currentKey_;
    std::optional<PendingHex> pending_;

    std::vector<std::u16string> prefix_;
    unsigned prefixLine_ = 0;  ///< 0 when the prefix was given
};

bool Parser::admitError(unsigned line) {
    if (stopped_) return false;
    if (result_.errors.size() < options_.maxErrors) return true;
    result_.errors.push_back({line, 0, "line " + std::to_string(line) + ": too many errors; parsing stopped"});
    stopped_ = true;
    return false;
}

void Parser::error(unsigned line, std::string_view text, size_t pos, const std::string& what) {
    if (!admitError(line)) return;
    const unsigned column = columnOf(text, pos);
    result_.errors.push_back(
        {line, column, "line " + std::to_string(line) + ": " + what + " (column " + std::to_string(column) + ")"});
}

void Parser::errorNoColumn(unsigned line, const std::string& what) {
    if (!admitError(line)) return;
    result_.errors.push_back({line, 0, "line " + std::to_string(line) + ": " + what});
}

bool Parser::decode(Bytes input) {
    RegFile& file = result_.file;
    if (input.size() >= 2 && input[0] == 0xFF && input[1] == 0xFE) {
        file.encoding = RegEncoding::Utf16LeBom;
        const size_t units = (input.size() - 2) / 2;
        std::u16string text(units, u'\0');
        for (size_t i = 0; i < units; ++i) text[i] = static_cast<char16_t>(loadU16(input.data() + 2 + 2 * i));
        text_ = utf16ToUtf8(text);
        if ((input.size() - 2) % 2 != 0) {
            const auto lines = static_cast<unsigned>(std::count(text_.begin(), text_.end(), '\n')) + 1;
            errorNoColumn(lines, "the file ends in the middle of a UTF-16 character (an odd number of bytes)");
        }
        return true;
    }
    if (input.size() >= 2 && input[0] == 0xFE && input[1] == 0xFF) {
        errorNoColumn(1, "UTF-16 big-endian text (byte order mark FE FF) is not supported; save the file as "
                         "UTF-16LE or UTF-8");
        return false;
    }
    size_t start = 0;
    if (input.size() >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF) {
        file.encoding = RegEncoding::Utf8Bom;
        start = 3;
    } else {
        file.encoding = RegEncoding::Utf8;
        if (input.size() >= 2 && input[0] != 0 && input[1] == 0) {
            errorNoColumn(1, "the file looks like UTF-16LE text without its byte order mark (FF FE), which "
                             "regedit always writes");
            return false;
        }
    }
    text_.assign(reinterpret_cast<const char*>(input.data()) + start, input.size() - start);
    return true;
}

RegParseResult Parser::run(Bytes input) {
    if (decode(input)) parseLines();
    if (!result_.errors.empty()) result_.file.edits.clear();
    return std::move(result_);
}

void Parser::parseLines() {
    std::string_view all = text_;
    // Lines end in CRLF, LF or a lone CR (as regedit reads them). A line
    // longer than the limit ends the file there: what follows is not read.
    std::vector<std::string_view> lines;
    size_t start = 0;
    size_t chars = 0;  // of the line being split
    bool tooLong = false;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i] == '\n' || all[i] == '\r') {
            lines.push_back(all.substr(start, i - start));
            if (all[i] == '\r' && i + 1 < all.size() && all[i + 1] == '\n') ++i;
            start = i + 1;
            chars = 0;
        } else if ((static_cast<uint8_t>(all[i]) & 0xC0) != 0x80 && ++chars > options_.maxLineChars) {
            tooLong = true;
            break;
        }
    }
    const auto tooLongLine = static_cast<unsigned>(lines.size() + 1);
    auto reportTooLong = [&] {
        errorNoColumn(tooLongLine, "the line is longer than " + std::to_string(options_.maxLineChars) +
                                       " characters, the most a line of a .reg file may hold; parsing stopped");
    };
    if (tooLong && lines.empty()) return reportTooLong();
    if (!tooLong && start < all.size()) lines.push_back(all.substr(start));

    const std::string_view header = lines.empty() ? std::string_view() : trimBlanks(lines[0]);
    if (header == kHeaderV5) {
        result_.file.version = RegVersion::V5;
    } else if (header == kHeaderV4) {
        result_.file.version = RegVersion::V4;
    } else if (header == "REGEDIT") {
        errorNoColumn(1, "REGEDIT (Windows 3.1) files are not supported; the first line must be \"" +
                             std::string(kHeaderV5) + "\" or \"REGEDIT4\"");
        return;
    } else {
        errorNoColumn(1, "not a .reg file: the first line must be \"" + std::string(kHeaderV5) +
                             "\" or \"REGEDIT4\"");
        return;
    }

    if (!options_.rootPrefix.empty()) {
        for (const Component& c : splitComponents(options_.rootPrefix, 0)) prefix_.push_back(utf8ToUtf16(c.name));
        result_.file.rootPrefix = options_.rootPrefix;
    }

    for (size_t i = 1; i < lines.size() && !stopped_; ++i) {
        const auto line = static_cast<unsigned>(i + 1);
        std::string_view text = lines[i];
        if (result_.file.encoding != RegEncoding::Utf16LeBom) {
            const size_t bad = firstInvalidUtf8(text);
            if (bad != std::string_view::npos) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", static_cast<uint8_t>(text[bad]));
                error(line, text, bad,
                      std::string("byte ") + hex + " is not UTF-8; files without a byte order mark are read as UTF-8");
                pending_.reset();
                continue;
            }
        }
        if (pending_) continueHex(line, text);
        else parseLine(line, text);
    }
    if (tooLong) {
        // Reported after the lines before it, in file order; the data of a
        // value that goes on into the long line is not the file's fault.
        if (!stopped_) reportTooLong();
        return;
    }
    if (pending_ && !stopped_) {
        errorNoColumn(pending_->backslashLine,
                      "the data goes on to the next line (the line ends with '\\') but the file ends");
        pending_.reset();
    }
}

void Parser::parseLine(unsigned line, std::string_view text) {
    const size_t pos = skipBlanks(text, 0);
    if (pos == text.size() || text[pos] == ';') return;
    switch (text[pos]) {
    case '[': parseKeyLine(line, text, pos); return;
    case '"':
    case '@': parseValueLine(line, text, pos); return;
    default:
        error(line, text, pos,
              "expected a [key] line, a \"name\"= or @= value line, or a ; comment, found '" +
                  excerpt(text.substr(pos), 16) + "'");
    }
}

std::optional<std::string> Parser::resolveKeyPath(unsigned line, std::string_view text, size_t at, size_t size) {
    const std::string_view path = text.substr(at, size);
    std::vector<Component> parts = splitComponents(path, at);
    if (prefix_.empty()) {
        // Detect the prefix from the first key line (see RegFile.h).
        size_t count = 1;
        if (isMountingRoot(parts[0].name)) {
            if (parts.size() < 2) {
                error(line, text, at,
                      "'" + std::string(parts[0].name) +
                          "' is a registry root, not a key of a hive; name the hive's mount point below it (such "
                          "as " + std::string(parts[0].name) + "\\SYSTEM)");
                return std::nullopt;
            }
            count = 2;
        }
        for (size_t i = 0; i < count; ++i) prefix_.push_back(utf8ToUtf16(parts[i].name));
        const size_t end = count < parts.size() ? parts[count].at - 1 : at + size;
        result_.file.rootPrefix = std::string(text.substr(at, end - at));
        if (!result_.file.rootPrefix.empty() && result_.file.rootPrefix.back() == '\\' && end == at + size)
            result_.file.rootPrefix.pop_back();
        prefixLine_ = line;
    }
    bool under = parts.size() >= prefix_.size();
    for (size_t i = 0; under && i < prefix_.size(); ++i) under = namesEqual(utf8ToUtf16(parts[i].name), prefix_[i]);
    if (!under) {
        std::string where = prefixLine_ ? " taken from line " + std::to_string(prefixLine_) : std::string(" given");
        error(line, text, at,
              "key '" + excerpt(path, 60) + "' is not below the root prefix '" + result_.file.rootPrefix + "'" +
                  where);
        return std::nullopt;
    }
    std::string relative;
    for (size_t i = prefix_.size(); i < parts.size(); ++i) {
        const Component& c = parts[i];
        if (c.name.empty()) {
            error(line, text, c.at, "empty key name in the path");
            return std::nullopt;
        }
        const size_t units = utf8ToUtf16(c.name).size();
        if (units > limits::kMaxKeyNameUnits) {
            error(line, text, c.at,
                  "key name '" + excerpt(c.name) + "' is " + std::to_string(units) +
                      " characters long; a key name holds at most 255");
            return std::nullopt;
        }
        if (i > prefix_.size()) relative += '\\';
        relative += c.name;
    }
    return relative;
}

void Parser::parseKeyLine(unsigned line, std::string_view text, size_t pos) {
    size_t at = pos + 1;
    const bool remove = at < text.size() && text[at] == '-';
    if (remove) ++at;
    // The last ']' closes the path: a key name may hold ']' itself.
    const size_t close = text.rfind(']');
    keyState_ = KeyState::Broken;
    if (close == std::string_view::npos || close < at) {
        error(line, text, pos, "key line has no closing ']'");
        return;
    }
    if (!checkRest(line, text, close + 1, "the key's ']'")) return;
    if (close == at) {
        error(line, text, at, "empty key path");
        return;
    }
    if (const size_t nul = text.substr(0, close).find('\0', at); nul != std::string_view::npos) {
        error(line, text, nul, "the key path holds a NUL character (U+0000), which no key name in a .reg file may hold");
        return;
    }
    auto path = resolveKeyPath(line, text, at, close - at);
    if (!path) return;
    if (remove) {
        if (path->empty()) {
            error(line, text, pos, "[-" + result_.file.rootPrefix + "] would delete the hive's root key");
            return;
        }
        RegEdit e;
        e.kind = RegEdit::Kind::DeleteKey;
        e.path = std::move(*path);
        e.line = line;
        result_.file.edits.push_back(std::move(e));
        keyState_ = KeyState::Deleted;
        return;
    }
    currentKey_ = *path;
    keyState_ = KeyState::Valid;
    if (path->empty()) return;  // the root always exists
    RegEdit e;
    e.kind = RegEdit::Kind::CreateKey;
    e.path = std::move(*path);
    e.line = line;
    result_.file.edits.push_back(std::move(e));
}

bool Parser::checkRest(unsigned line, std::string_view text, size_t pos, const char* after) {
    pos = skipBlanks(text, pos);
    if (pos == text.size() || text[pos] == ';') return true;
    error(line, text, pos, "unexpected text '" + excerpt(text.substr(pos), 16) + "' after " + after);
    return false;
}

std::optional<std::string> Parser::parseQuoted(unsigned line, std::string_view text, size_t pos, const char* what,
                                               size_t& end) {
    std::string out;
    size_t i = pos + 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            end = i + 1;
            return out;
        }
        if (c == '\\') {
            if (i + 1 == text.size()) break;
            const char d = text[i + 1];
            if (d == '\\' || d == '"') {
                out += d;
                i += 2;
                continue;
            }
            error(line, text, i,
                  "unknown escape '\\" + charAt(text, i + 1) + "' in the " + what +
                      "; only \\\\ and \\\" are escapes");
            return std::nullopt;
        }
        out += c;
        ++i;
    }
    error(line, text, pos, std::string("the ") + what + " has no closing '\"'");
    return std::nullopt;
}

void Parser::parseValueLine(unsigned line, std::string_view text, size_t pos) {
    const size_t start = pos;
    RegEdit e;
    e.line = line;
    size_t i = pos + 1;
    if (text[pos] == '"') {
        auto name = parseQuoted(line, text, pos, "value name", i);
        if (!name) return;
        e.name = std::move(*name);
        const size_t units = utf8ToUtf16(e.name).size();
        if (units > limits::kMaxValueNameUnits) {
            error(line, text, pos + 1,
                  "value name '" + excerpt(e.name) + "' is " + std::to_string(units) +
                      " characters long; a value name holds at most 16383");
            return;
        }
    }
    const bool keyless = keyState_ != KeyState::Valid;
    if (keyState_ == KeyState::None) error(line, text, start, "value line before any [key] line");
    else if (keyState_ == KeyState::Deleted)
        error(line, text, start, "value line after a [-key] line, which leaves no key to put it in");
    e.path = currentKey_;

    i = skipBlanks(text, i);
    if (i == text.size() || text[i] != '=') {
        error(line, text, i,
              i == text.size() ? std::string("expected '=' after the value name, found the end of the line")
                               : "expected '=' after the value name, found '" + charAt(text, i) + "'");
        return;
    }
    i = skipBlanks(text, i + 1);
    if (i == text.size()) {
        error(line, text, i, "no data after '='");
        return;
    }
    if (text[i] == '-') {
        if (!checkRest(line, text, i + 1, "'-'")) return;
        e.kind = RegEdit::Kind::DeleteValue;
        if (!keyless) result_.file.edits.push_back(std::move(e));
        return;
    }
    e.kind = RegEdit::Kind::SetValue;
    if (text[i] == '"') {
        size_t end = i;
        auto s = parseQuoted(line, text, i, "string", end);
        if (!s) return;
        if (!checkRest(line, text, end, "the string")) return;
        std::u16string units = utf8ToUtf16(*s);
        units.push_back(u'\0');
        e.type = kRegSz;
        e.data = toUtf16Le(units);
        if (!keyless) result_.file.edits.push_back(std::move(e));
        return;
    }
    if (startsWithNoCase(text, i, "dword:")) {
        size_t d = skipBlanks(text, i + 6);
        const size_t first = d;
        while (d < text.size() && isHexDigit(text[d])) ++d;
        if (d == first) {
            if (d == text.size() || text[d] == ';') error(line, text, d, "dword: has no digits");
            else error(line, text, d, "dword digit '" + charAt(text, d) + "' is not hexadecimal");
            return;
        }
        if (d < text.size() && !isBlank(text[d]) && text[d] != ';') {
            error(line, text, d, "dword digit '" + charAt(text, d) + "' is not hexadecimal");
            return;
        }
        if (d - first > 8) {
            error(line, text, first,
                  "dword '" + std::string(text.substr(first, d - first)) + "' has more than 8 hex digits");
            return;
        }
        if (!checkRest(line, text, d, "the dword")) return;
        const uint32_t v = hexNumber(text.substr(first, d - first));
        e.type = kRegDword;
        e.data.resize(4);
        storeU32(e.data.data(), v);
        if (!keyless) result_.file.edits.push_back(std::move(e));
        return;
    }
    size_t dataAt = 0;
    if (startsWithNoCase(text, i, "hex:")) {
        e.type = kRegBinary;
        dataAt = i + 4;
    } else if (startsWithNoCase(text, i, "hex(")) {
        const size_t first = i + 4;
        size_t t = first;
        while (t < text.size() && text[t] != ')' && text[t] != ':' && !isBlank(text[t])) ++t;
        const std::string_view digits = text.substr(first, t - first);
        if (digits.empty()) {
            error(line, text, first, "hex( has no type number");
            return;
        }
        for (size_t k = 0; k < digits.size(); ++k) {
            if (!isHexDigit(digits[k])) {
                error(line, text, first, "value type '" + excerpt(digits) + "' in hex(n) is not hexadecimal");
                return;
            }
        }
        if (digits.size() > 8) {
            error(line, text, first, "value type '" + excerpt(digits) + "' in hex(n) has more than 8 hex digits");
            return;
        }
        if (t + 1 >= text.size() || text[t] != ')' || text[t + 1] != ':') {
            error(line, text, t, "expected '):' after the type number of hex(n)");
            return;
        }
        e.type = hexNumber(digits);
        dataAt = t + 2;
    } else {
        error(line, text, i,
              "unknown data '" + excerpt(text.substr(i), 16) + "': expected \"text\", dword:, hex:, hex(n): or -");
        return;
    }
    switch (parseHexBytes(line, text, dataAt, e.data)) {
    case HexEnd::Failed: return;
    case HexEnd::Done: finishValue(std::move(e), line, keyless); return;
    case HexEnd::Continues:
        pending_ = PendingHex{std::move(e), line, line, keyless};
        return;
    }
}

Parser::HexEnd Parser::parseHexBytes(unsigned line, std::string_view text, size_t pos, std::vector<uint8_t>& data) {
    bool expectByte = true;  // at the start, or after a comma
    for (;;) {
        pos = skipBlanks(text, pos);
        if (pos == text.size() || text[pos] == ';') return HexEnd::Done;
        const char c = text[pos];
        if (c == '\\') {
            if (!expectByte) {
                error(line, text, pos, "expected ',' before the '\\' that continues the data");
                return HexEnd::Failed;
            }
            if (!checkRest(line, text, pos + 1, "the '\\' that continues the data")) return HexEnd::Failed;
            return HexEnd::Continues;
        }
        if (c == ',') {
            if (expectByte) {
                error(line, text, pos, "missing hex byte before ','");
                return HexEnd::Failed;
            }
            expectByte = true;
            ++pos;
            continue;
        }
        if (!expectByte) {
            error(line, text, pos, "expected ',' between hex bytes, found '" + charAt(text, pos) + "'");
            return HexEnd::Failed;
        }
        size_t end = pos;
        while (end < text.size() && text[end] != ',' && text[end] != '\\' && text[end] != ';' && !isBlank(text[end]))
            ++end;
        const std::string_view token = text.substr(pos, end - pos);
        if (!std::all_of(token.begin(), token.end(), isHexDigit)) {
            error(line, text, pos, "hex byte '" + excerpt(token, 8) + "' is not hexadecimal");
            return HexEnd::Failed;
        }
        if (token.size() > 2) {
            error(line, text, pos, "hex byte '" + excerpt(token, 8) + "' has more than two digits");
            return HexEnd::Failed;
        }
        // regedit's list syntax is checked above; the byte itself is read
        // as every hex byte is (format/ValueText).
        auto byte = hivekit::parseHexBytes(token);
        if (!byte || byte->size() != 1) {
            error(line, text, pos, "hex byte '" + excerpt(token, 8) + "' is not hexadecimal");
            return HexEnd::Failed;
        }
        data.push_back(byte->front());
        expectByte = false;
        pos = end;
    }
}

void Parser::continueHex(unsigned line, std::string_view text) {
    const size_t pos = skipBlanks(text, 0);
    if (pos == text.size() || text[pos] == ';') return;  // regedit skips these inside continued data
    PendingHex& p = *pending_;
    if (!isHexDigit(text[pos])) {
        error(line, text, pos,
              "expected the hex bytes that continue the value of line " + std::to_string(p.startLine) +
                  ", found '" + excerpt(text.substr(pos), 16) + "'");
        pending_.reset();
        parseLine(line, text);  // report what this line holds too
        return;
    }
    switch (parseHexBytes(line, text, pos, p.edit.data)) {
    case HexEnd::Failed: pending_.reset(); return;
    case HexEnd::Continues: p.backslashLine = line; return;
    case HexEnd::Done: {
        PendingHex done = std::move(p);
        pending_.reset();
        finishValue(std::move(done.edit), done.startLine, done.keyless);
        return;
    }
    }
}

void Parser::finishValue(RegEdit edit, unsigned startLine, bool keyless) {
    if (result_.file.version == RegVersion::V4 &&
        (edit.type == kRegSz || edit.type == kRegExpandSz || edit.type == kRegMultiSz)) {
        // REGEDIT4 holds these as narrow text; regedit widens them.
        const std::string_view narrow(reinterpret_cast<const char*>(edit.data.data()), edit.data.size());
        const size_t bad = firstInvalidUtf8(narrow);
        if (bad != std::string_view::npos) {
            errorNoColumn(startLine, "the hex(" + std::to_string(edit.type) + ") data is not UTF-8 text (byte " +
                                         std::to_string(bad + 1) +
                                         "), which REGEDIT4 hex(1), hex(2) and hex(7) data must be");
            return;
        }
        edit.data = toUtf16Le(utf8ToUtf16(narrow));
    }
    if (!keyless) result_.file.edits.push_back(std::move(edit));
}

}  // namespace

namespace {

const char* fileKind(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a file";
}

std::unexpected<Error> tooLarge(const std::string& path, uint64_t size, uint64_t maxBytes, bool atLeast) {
    return fail(ErrorCode::Invalid, path + ": " + (atLeast ? "more than " : "") + std::to_string(size) +
                                        " bytes; a .reg file may have at most " + std::to_string(maxBytes) + " bytes");
}

}  // namespace

Result<std::vector<uint8_t>> readRegFileBytes(const std::string& path, uint64_t maxBytes) {
    // Non-blocking, so that opening a FIFO cannot hang before fstat says
    // what it is; regular files ignore the flag.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return fail(ErrorCode::Io, "cannot open " + path + ": " + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fail(ErrorCode::Invalid, path + ": not a regular file (" + std::string(fileKind(st.st_mode)) +
                                            "); a .reg file is read only from a regular file");
    if (static_cast<uint64_t>(st.st_size) > maxBytes) return tooLarge(path, static_cast<uint64_t>(st.st_size), maxBytes, false);
    std::vector<uint8_t> out;
    out.reserve(static_cast<size_t>(st.st_size));
    uint8_t chunk[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(errno));
        if (n == 0) break;
        // A file that grows while it is read is held to the same limit.
        if (static_cast<uint64_t>(n) > maxBytes - out.size()) return tooLarge(path, maxBytes, maxBytes, true);
        out.insert(out.end(), chunk, chunk + n);
    }
    return out;
}

RegParseResult parseRegFileReportingAll(Bytes input, const RegParseOptions& options) {
    return Parser(options).run(input);
}

Result<RegFile> parseRegFile(Bytes input, const RegParseOptions& options) {
    RegParseResult r = parseRegFileReportingAll(input, options);
    if (r.ok()) return std::move(r.file);
    std::string message;
    for (const RegParseError& e : r.errors) {
        if (!message.empty()) message += '\n';
        message += e.message;
    }
    return fail(ErrorCode::Invalid, std::move(message));
}

Plan toPlan(const RegFile& file, std::vector<unsigned>* lines) {
    RegFile copy = file;
    return toPlan(std::move(copy), lines);
}

Plan toPlan(RegFile&& file, std::vector<unsigned>* lines) {
    Plan plan;
    plan.reserve(file.edits.size());
    if (lines) {
        lines->clear();
        lines->reserve(file.edits.size());
    }
    for (RegEdit& e : file.edits) {
        switch (e.kind) {
        case RegEdit::Kind::CreateKey: plan.createKey(std::move(e.path), true); break;
        case RegEdit::Kind::DeleteKey: plan.deleteKey(std::move(e.path), true, true); break;
        case RegEdit::Kind::SetValue:
            plan.setValue(std::move(e.path), std::move(e.name), e.type, std::move(e.data), false);
            break;
        case RegEdit::Kind::DeleteValue: plan.deleteValue(std::move(e.path), std::move(e.name), true); break;
        }
        if (lines) lines->push_back(e.line);
    }
    return plan;
}

}  // namespace hivekit
