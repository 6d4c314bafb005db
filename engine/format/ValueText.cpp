#include "format/ValueText.h"

#include <algorithm>
#include <tuple>

#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit {

namespace {

/// Where the byte at `index` of `text` is: line and character, from 1.
std::pair<size_t, size_t> positionOf(std::string_view text, size_t index) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < index && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
            ++column;
        }
    }
    return {line, column};
}

/// An error about the text at byte `index` of `text`; `length` bytes of it
/// are the character to blame (0: none, the token is).
ValueTextError errorAt(ValueTextProblem problem, std::string_view text, size_t index, std::string token,
                       size_t characterLength = 0) {
    ValueTextError e;
    e.problem = problem;
    e.token = std::move(token);
    if (characterLength > 0) e.character = std::string(text.substr(index, characterLength));
    std::tie(e.line, e.column) = positionOf(text, index);
    e.multiLine = text.find('\n') != std::string_view::npos;
    return e;
}

/// The length of the UTF-8 character at text[i] (1 for a byte that starts none).
size_t characterLengthAt(std::string_view text, size_t i) {
    const Utf8Sequence s = utf8SequenceAt(text, i);
    return s.valid > 0 ? s.valid : 1;
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

bool isHexSeparator(char c) { return isBlank(c) || c == ',' || c == ':' || c == '-'; }

void appendUtf16le(std::vector<uint8_t>& out, std::u16string_view units) {
    for (char16_t u : units) {
        out.push_back(static_cast<uint8_t>(u & 0xFF));
        out.push_back(static_cast<uint8_t>(u >> 8));
    }
    out.push_back(0);
    out.push_back(0);
}

/// A character for a message: 'g', or U+000A for what does not print.
std::string quotedCharacter(std::string_view c) {
    if (c.size() == 1 && (static_cast<unsigned char>(c[0]) < 0x20 || c[0] == 0x7F)) {
        static constexpr char kDigits[] = "0123456789ABCDEF";
        const auto v = static_cast<unsigned char>(c[0]);
        return std::string("U+00") + kDigits[v >> 4] + kDigits[v & 0xF];
    }
    return "'" + std::string(c) + "'";
}

std::string hexNumber(uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    do {
        s.insert(s.begin(), kDigits[v & 0xF]);
        v >>= 4;
    } while (v != 0);
    return "0x" + s;
}

std::string signedDecimal(int64_t v) {
    if (v >= 0) return std::to_string(v);
    // -v overflows for the smallest int64_t: negate as unsigned.
    return "-" + std::to_string(uint64_t{0} - static_cast<uint64_t>(v));
}

/// Parses `text` (String form) and appends it with its NUL unit.
TextResult<void> appendString(std::vector<uint8_t>& out, std::string_view whole, size_t begin, size_t end) {
    const std::string_view text = whole.substr(begin, end - begin);
    if (const size_t nul = text.find('\0'); nul != std::string_view::npos)
        return std::unexpected(errorAt(ValueTextProblem::NulInString, whole, begin + nul, std::string(text), 1));
    appendUtf16le(out, utf8ToUtf16(text));
    return {};
}

TextResult<std::vector<uint8_t>> parseMultiString(std::string_view text) {
    std::vector<uint8_t> out;
    if (!text.empty()) {
        // One final line break ends the last string rather than starting one.
        size_t end = text.size();
        if (text.ends_with("\r\n")) end -= 2;
        else if (text.ends_with('\n')) end -= 1;
        size_t start = 0;
        for (;;) {
            const size_t nl = text.substr(0, end).find('\n', start);
            const size_t lineEnd = nl == std::string_view::npos ? end : nl;
            const size_t stringEnd = lineEnd > start && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (auto appended = appendString(out, text, start, stringEnd); !appended)
                return std::unexpected(appended.error());
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
    }
    out.push_back(0);
    out.push_back(0);
    return out;
}

unsigned numberBits(uint32_t type) { return type == kRegQword ? 64 : 32; }

/// The candidate text of `data` in `form`, before the round trip decides.
std::string candidateText(uint32_t type, Bytes data, ValueTextForm form) {
    switch (form) {
    case ValueTextForm::String: {
        const std::u16string units = utf16leUnits(data);
        return utf16ToUtf8(std::u16string_view(units).substr(0, units.find(u'\0')));
    }
    case ValueTextForm::MultiString: {
        const std::u16string units = utf16leUnits(data);
        std::vector<std::u16string_view> strings;
        size_t start = 0;
        for (size_t i = 0; i < units.size(); ++i) {
            if (units[i] != u'\0') continue;
            strings.push_back(std::u16string_view(units).substr(start, i - start));
            start = i + 1;
        }
        // The last NUL ended the list, not a string (unterminated units
        // after it cannot be written; the round trip refuses them).
        if (!strings.empty() && start == units.size() && strings.back().empty()) strings.pop_back();
        std::string text;
        for (size_t i = 0; i < strings.size(); ++i) {
            if (i > 0) text += '\n';
            text += utf16ToUtf8(strings[i]);
        }
        if (!strings.empty() && strings.back().empty()) text += '\n';
        return text;
    }
    case ValueTextForm::Number: {
        const size_t width = numberBits(type) / 8;
        if (data.size() != width) return {};
        uint64_t n = 0;
        for (size_t i = 0; i < width; ++i) {
            const size_t at = type == kRegDwordBigEndian ? i : width - 1 - i;
            n = n << 8 | data[at];
        }
        return std::to_string(n);
    }
    case ValueTextForm::HexBytes: break;
    }
    return formatHexBytes(data);
}

}  // namespace

ValueTextForm valueTextForm(uint32_t type) {
    switch (type) {
    case kRegSz:
    case kRegExpandSz: return ValueTextForm::String;
    case kRegMultiSz: return ValueTextForm::MultiString;
    case kRegDword:
    case kRegDwordBigEndian:
    case kRegQword: return ValueTextForm::Number;
    default: return ValueTextForm::HexBytes;
    }
}

std::string ValueTextError::message() const {
    std::string where = "character " + std::to_string(column);
    if (multiLine) where = "line " + std::to_string(line) + ", " + where;
    switch (problem) {
    case ValueTextProblem::NoNumber: return "expected a number (decimal, or hex with 0x), found nothing";
    case ValueTextProblem::NotANumber: {
        std::string s = "\"" + token + "\" is not a number (decimal, or hex with 0x)";
        if (!character.empty()) s += ": " + quotedCharacter(character) + " at " + where + " does not belong in one";
        return s;
    }
    case ValueTextProblem::NumberOutOfRange:
        return "\"" + token + "\" is out of range: " + signedDecimal(minimum) + " to " + std::to_string(maximum) +
               ", or 0x0 to " + hexNumber(maximum);
    case ValueTextProblem::NulInString:
        return "a NUL character at " + where + " would end the string there";
    case ValueTextProblem::NotHexDigit:
        return quotedCharacter(character) + " at " + where +
               " is neither a hex digit nor a separator (space, comma, colon, dash)";
    case ValueTextProblem::OddHexDigits:
        return "\"" + token + "\" at " + where + " has an odd number of hex digits: a byte is two (or one alone)";
    case ValueTextProblem::NoHexDigits: return "\"" + token + "\" at " + where + " has no hex digits after it";
    }
    return "invalid text at " + where;
}

int hexDigitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

TextResult<uint64_t> parseNumberText(std::string_view text, unsigned bits, NegativeNumbers negativeNumbers) {
    size_t begin = 0, end = text.size();
    while (begin < end && isBlank(text[begin])) ++begin;
    while (end > begin && isBlank(text[end - 1])) --end;
    const std::string token(text.substr(begin, end - begin));
    if (begin == end) return std::unexpected(errorAt(ValueTextProblem::NoNumber, text, begin, token));

    const uint64_t max = bits >= 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
    const uint64_t negativeLimit = uint64_t{1} << (bits - 1);  // the magnitude of the smallest number
    size_t i = begin;
    const bool negative = text[i] == '-';
    if (negative) ++i;
    unsigned base = 10;
    // Negative numbers are decimal: "-0x1" fails at its 'x'.
    if (!negative && end - i >= 2 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        base = 16;
        i += 2;
    }
    if (i == end) return std::unexpected(errorAt(ValueTextProblem::NotANumber, text, begin, token));
    uint64_t value = 0;
    bool overflow = false;
    for (; i < end; ++i) {
        const int d = hexDigitValue(text[i]);
        if (d < 0 || static_cast<unsigned>(d) >= base)
            return std::unexpected(
                errorAt(ValueTextProblem::NotANumber, text, i, token, characterLengthAt(text, i)));
        if (value > (UINT64_MAX - static_cast<unsigned>(d)) / base) overflow = true;
        else value = value * base + static_cast<unsigned>(d);
    }
    const bool allowed = negativeNumbers == NegativeNumbers::Allowed;
    if (overflow || (negative ? !allowed || value > negativeLimit : value > max)) {
        ValueTextError e = errorAt(ValueTextProblem::NumberOutOfRange, text, begin, token);
        e.minimum = allowed ? -static_cast<int64_t>(negativeLimit - 1) - 1 : 0;
        e.maximum = max;
        return std::unexpected(e);
    }
    return negative ? (~value + 1) & max : value;
}

TextResult<std::vector<uint8_t>> parseHexBytes(std::string_view text) {
    std::vector<uint8_t> out;
    out.reserve(text.size() / 2);
    size_t i = 0;
    while (i < text.size()) {
        if (isHexSeparator(text[i])) {
            ++i;
            continue;
        }
        const size_t runStart = i;
        if (text[i] == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) i += 2;
        const size_t digitsStart = i;
        while (i < text.size() && hexDigitValue(text[i]) >= 0) ++i;
        if (i < text.size() && !isHexSeparator(text[i]))
            return std::unexpected(errorAt(ValueTextProblem::NotHexDigit, text, i, std::string(),
                                           characterLengthAt(text, i)));
        const std::string_view digits = text.substr(digitsStart, i - digitsStart);
        const std::string run(text.substr(runStart, i - runStart));
        if (digits.empty()) return std::unexpected(errorAt(ValueTextProblem::NoHexDigits, text, runStart, run));
        if (digits.size() == 1) {
            out.push_back(static_cast<uint8_t>(hexDigitValue(digits[0])));
            continue;
        }
        if (digits.size() % 2 != 0)
            return std::unexpected(errorAt(ValueTextProblem::OddHexDigits, text, runStart, run));
        for (size_t d = 0; d < digits.size(); d += 2)
            out.push_back(static_cast<uint8_t>(hexDigitValue(digits[d]) << 4 | hexDigitValue(digits[d + 1])));
    }
    return out;
}

std::string formatHexBytes(Bytes data, size_t bytesPerLine) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    s.reserve(data.size() * 3);
    for (size_t i = 0; i < data.size(); ++i) {
        if (i > 0) s += bytesPerLine != 0 && i % bytesPerLine == 0 ? '\n' : ' ';
        s += kDigits[data[i] >> 4];
        s += kDigits[data[i] & 0xF];
    }
    return s;
}

TextResult<std::vector<uint8_t>> parseValueText(uint32_t type, std::string_view text, ValueTextForm form) {
    switch (form) {
    case ValueTextForm::String: {
        std::vector<uint8_t> out;
        if (auto appended = appendString(out, text, 0, text.size()); !appended)
            return std::unexpected(appended.error());
        return out;
    }
    case ValueTextForm::MultiString: return parseMultiString(text);
    case ValueTextForm::Number: {
        const unsigned bits = numberBits(type);
        auto n = parseNumberText(text, bits);
        if (!n) return std::unexpected(n.error());
        std::vector<uint8_t> out(bits / 8);
        for (size_t i = 0; i < out.size(); ++i) {
            const size_t at = type == kRegDwordBigEndian ? out.size() - 1 - i : i;
            out[at] = static_cast<uint8_t>(*n >> (8 * i));
        }
        return out;
    }
    case ValueTextForm::HexBytes: break;
    }
    return parseHexBytes(text);
}

TextResult<std::vector<uint8_t>> parseValueText(uint32_t type, std::string_view text) {
    return parseValueText(type, text, valueTextForm(type));
}

ValueText formatValueText(uint32_t type, Bytes data) {
    const ValueTextForm form = valueTextForm(type);
    if (form != ValueTextForm::HexBytes) {
        std::string text = candidateText(type, data, form);
        // The type's form only when it gives every byte back.
        auto back = parseValueText(type, text, form);
        if (back && back->size() == data.size() && std::equal(back->begin(), back->end(), data.begin()))
            return {form, std::move(text)};
    }
    return {ValueTextForm::HexBytes, formatHexBytes(data)};
}

}  // namespace hivekit
