// JSON string literals: every JSON HiveKit writes is UTF-8, whatever a
// hive's names hold.
#include <catch2/catch.hpp>

#include <string>

#include "format/Names.h"
#include "util/JsonText.h"
#include "util/Utf8.h"

using namespace hivekit;

namespace {
bool isUtf8(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const Utf8Sequence seq = utf8SequenceAt(text, i);
        if (!seq.wellFormed()) return false;
        // WTF-8's lone surrogates are not UTF-8.
        if (seq.length == 3 && static_cast<unsigned char>(text[i]) == 0xED &&
            static_cast<unsigned char>(text[i + 1]) >= 0xA0)
            return false;
        i += seq.length;
    }
    return true;
}
}  // namespace

TEST_CASE("JSON quoting escapes quotes, backslashes and control characters", "[json]") {
    CHECK(jsonQuoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(jsonQuoted(std::string("\n\r\t\x01\x1f", 5)) == "\"\\n\\r\\t\\u0001\\u001f\"");
    CHECK(jsonQuoted(std::string("\0", 1)) == "\"\\u0000\"");
}

TEST_CASE("JSON quoting keeps UTF-8 as it is", "[json]") {
    const std::string text = "Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    CHECK(jsonQuoted(text) == "\"" + text + "\"");
}

TEST_CASE("JSON quoting writes a name's lone surrogates as escapes of the same unit", "[json]") {
    // Names are UTF-16 and may hold a lead or trail surrogate alone; the
    // engine carries them as WTF-8, which JSON must not contain.
    for (char16_t unit : {char16_t(0xD800), char16_t(0xDBFF), char16_t(0xDC00), char16_t(0xDFFF)}) {
        const std::u16string name = {u'A', unit, u'B'};
        const std::string quoted = jsonQuoted(utf16ToUtf8(name));
        char expected[32];
        std::snprintf(expected, sizeof expected, "\"A\\u%04xB\"", unsigned(unit));
        CHECK(quoted == expected);
        CHECK(isUtf8(quoted));
    }
    // A proper pair stays one UTF-8 character.
    CHECK(jsonQuoted(utf16ToUtf8(u"\xD83D\xDE00")) == "\"\xF0\x9F\x98\x80\"");
}

TEST_CASE("JSON quoting replaces bytes that are not UTF-8 by U+FFFD", "[json]") {
    CHECK(jsonQuoted("a\xFF" "b") == "\"a\\ufffdb\"");
    CHECK(jsonQuoted("a\xC3") == "\"a\\ufffd\"");                  // cut short at the end
    CHECK(jsonQuoted("\xE2\x82" "x") == "\"\\ufffdx\"");             // one U+FFFD for the subpart
    CHECK(jsonQuoted("\xC0\xAF") == "\"\\ufffd\\ufffd\"");           // overlong: each byte
    CHECK(isUtf8(jsonQuoted("\x80\xBF\xF5\xFE")));
}
