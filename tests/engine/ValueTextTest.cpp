// The value text codec (format/ValueText): each type's form, each decided
// rule (negative numbers, empty multi-string entries, the hex grammar),
// errors with their positions, and the round trip over every value of the
// corpus.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "format/ValueData.h"
#include "format/ValueText.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "regfile/RegFile.h"
#include "support/TestSupport.h"

using namespace hivekit;

namespace {

using ByteVector = std::vector<uint8_t>;

ByteVector parsed(uint32_t type, std::string_view text) {
    auto r = parseValueText(type, text);
    INFO("text: \"" << std::string(text) << "\": " << (r ? std::string() : r.error().message()));
    REQUIRE(r);
    return *r;
}

ValueTextError refused(uint32_t type, std::string_view text) {
    auto r = parseValueText(type, text);
    INFO("text: \"" << std::string(text) << "\"");
    REQUIRE_FALSE(r);
    return r.error();
}

ByteVector hex(std::string_view text) {
    auto r = parseHexBytes(text);
    INFO("text: \"" << std::string(text) << "\": " << (r ? std::string() : r.error().message()));
    REQUIRE(r);
    return *r;
}

ValueTextError hexRefused(std::string_view text) {
    auto r = parseHexBytes(text);
    INFO("text: \"" << std::string(text) << "\"");
    REQUIRE_FALSE(r);
    return r.error();
}

/// UTF-16LE units, each as two bytes.
ByteVector utf16(std::u16string_view units) {
    ByteVector out;
    for (char16_t u : units) {
        out.push_back(static_cast<uint8_t>(u & 0xFF));
        out.push_back(static_cast<uint8_t>(u >> 8));
    }
    return out;
}

}  // namespace

TEST_CASE("Each type is written in its form and every other type in hex bytes", "[valuetext]") {
    CHECK(valueTextForm(kRegSz) == ValueTextForm::String);
    CHECK(valueTextForm(kRegExpandSz) == ValueTextForm::String);
    CHECK(valueTextForm(kRegMultiSz) == ValueTextForm::MultiString);
    CHECK(valueTextForm(kRegDword) == ValueTextForm::Number);
    CHECK(valueTextForm(kRegDwordBigEndian) == ValueTextForm::Number);
    CHECK(valueTextForm(kRegQword) == ValueTextForm::Number);
    for (uint32_t type : {kRegNone, kRegBinary, kRegLink, kRegResourceList, kRegFullResourceDescriptor,
                          kRegResourceRequirementsList, 12u, 0x12345678u}) {
        INFO("type " << type);
        CHECK(valueTextForm(type) == ValueTextForm::HexBytes);
        CHECK(parsed(type, "c0 ff ee") == ByteVector{0xc0, 0xff, 0xee});
    }
}

TEST_CASE("String text is stored as UTF-16LE with one NUL unit after it", "[valuetext]") {
    CHECK(parsed(kRegSz, "hé") == ByteVector{'h', 0, 0xe9, 0, 0, 0});
    CHECK(parsed(kRegExpandSz, "%X%") == ByteVector{'%', 0, 'X', 0, '%', 0, 0, 0});
    CHECK(parsed(kRegSz, "") == ByteVector{0, 0});
    // A character beyond the BMP is a surrogate pair; line breaks are text.
    CHECK(parsed(kRegSz, "\xF0\x9D\x84\x9E") == ByteVector{0x34, 0xd8, 0x1e, 0xdd, 0, 0});
    CHECK(parsed(kRegSz, "a\nb") == ByteVector{'a', 0, '\n', 0, 'b', 0, 0, 0});
}

TEST_CASE("A NUL character in string text is refused naming its line and character", "[valuetext]") {
    using namespace std::string_view_literals;
    const ValueTextError inString = refused(kRegSz, "ab\0c"sv);
    CHECK(inString.problem == ValueTextProblem::NulInString);
    CHECK(inString.column == 3);
    CHECK(inString.message() == "a NUL character at character 3 would end the string there");
    const ValueTextError inList = refused(kRegMultiSz, "first\nsé\0"sv);
    CHECK(inList.problem == ValueTextProblem::NulInString);
    CHECK(inList.line == 2);
    CHECK(inList.column == 3);  // characters, not bytes: é is two bytes
    CHECK(inList.message() == "a NUL character at line 2, character 3 would end the string there");
}

TEST_CASE("Multi-string text is one string a line and keeps empty strings", "[valuetext]") {
    const ByteVector a = utf16(u"a");
    const ByteVector nul = {0, 0};
    auto list = [&](std::vector<std::u16string> strings) {
        ByteVector out;
        for (const auto& s : strings) {
            const ByteVector units = utf16(s);
            out.insert(out.end(), units.begin(), units.end());
            out.insert(out.end(), nul.begin(), nul.end());
        }
        out.insert(out.end(), nul.begin(), nul.end());
        return out;
    };
    CHECK(parsed(kRegMultiSz, "a\nb") == list({u"a", u"b"}));
    CHECK(parsed(kRegMultiSz, "a\n\nb") == list({u"a", u"", u"b"}));
    CHECK(parsed(kRegMultiSz, "a\r\nb\r\n") == list({u"a", u"b"}));
    // One final line break ends the last string; a second one adds an empty string.
    CHECK(parsed(kRegMultiSz, "a\n") == list({u"a"}));
    CHECK(parsed(kRegMultiSz, "a\n\n") == list({u"a", u""}));
    CHECK(parsed(kRegMultiSz, "") == ByteVector{0, 0});
    CHECK(parsed(kRegMultiSz, "\n") == list({u""}));
    CHECK(parsed(kRegMultiSz, "\n\n") == list({u"", u""}));
}

TEST_CASE("Multi-string data formats to the text that parses back to it, empty strings included", "[valuetext]") {
    for (const char* text : {"a\nb", "a\n\nb", "", "\n", "\n\n", "a\n\n", "\nb", "x\n\n\ny"}) {
        INFO("text: \"" << text << "\"");
        const ByteVector data = parsed(kRegMultiSz, text);
        const ValueText back = formatValueText(kRegMultiSz, data);
        CHECK(back.form == ValueTextForm::MultiString);
        CHECK(back.text == text);
    }
}

TEST_CASE("A DWORD is 0 to 4294967295, 0x hex to 0xffffffff, or negative decimal to -2147483648", "[valuetext]") {
    CHECK(parsed(kRegDword, "42") == ByteVector{42, 0, 0, 0});
    CHECK(parsed(kRegDword, "0xdeadBEEF") == ByteVector{0xef, 0xbe, 0xad, 0xde});
    CHECK(parsed(kRegDword, "0X10") == ByteVector{0x10, 0, 0, 0});
    CHECK(parsed(kRegDword, "  7 ") == ByteVector{7, 0, 0, 0});
    CHECK(parsed(kRegDword, "4294967295") == ByteVector{0xff, 0xff, 0xff, 0xff});
    CHECK(parsed(kRegDword, "0xffffffff") == ByteVector{0xff, 0xff, 0xff, 0xff});
    CHECK(parsed(kRegDword, "0x00000000000000ff") == ByteVector{0xff, 0, 0, 0});
    CHECK(parsed(kRegDword, "-1") == ByteVector{0xff, 0xff, 0xff, 0xff});
    CHECK(parsed(kRegDword, "-2147483648") == ByteVector{0, 0, 0, 0x80});
    CHECK(parsed(kRegDword, "-0") == ByteVector{0, 0, 0, 0});
    for (const char* tooBig : {"4294967296", "0x100000000", "-2147483649", "99999999999999999999999"}) {
        INFO(tooBig);
        const ValueTextError e = refused(kRegDword, tooBig);
        CHECK(e.problem == ValueTextProblem::NumberOutOfRange);
        CHECK(e.minimum == -2147483648LL);
        CHECK(e.maximum == 4294967295ULL);
    }
    CHECK(refused(kRegDword, "4294967296").message() ==
          "\"4294967296\" is out of range: -2147483648 to 4294967295, or 0x0 to 0xffffffff");
}

TEST_CASE("A big-endian DWORD takes the DWORD rules and stores the most significant byte first", "[valuetext]") {
    CHECK(parsed(kRegDwordBigEndian, "0x12345678") == ByteVector{0x12, 0x34, 0x56, 0x78});
    CHECK(parsed(kRegDwordBigEndian, "-2") == ByteVector{0xff, 0xff, 0xff, 0xfe});
    const ValueText text = formatValueText(kRegDwordBigEndian, ByteVector{0, 0, 1, 0});
    CHECK(text.form == ValueTextForm::Number);
    CHECK(text.text == "256");
}

TEST_CASE("A QWORD takes the same rules with 64 bits", "[valuetext]") {
    CHECK(parsed(kRegQword, "0x1122334455667788") == ByteVector{0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11});
    CHECK(parsed(kRegQword, "18446744073709551615") == ByteVector(8, 0xff));
    CHECK(parsed(kRegQword, "-1") == ByteVector(8, 0xff));
    CHECK(parsed(kRegQword, "-9223372036854775808") == ByteVector{0, 0, 0, 0, 0, 0, 0, 0x80});
    for (const char* tooBig : {"18446744073709551616", "0x10000000000000000", "-9223372036854775809"}) {
        INFO(tooBig);
        CHECK(refused(kRegQword, tooBig).problem == ValueTextProblem::NumberOutOfRange);
    }
    CHECK(refused(kRegQword, "18446744073709551616").message() ==
          "\"18446744073709551616\" is out of range: -9223372036854775808 to 18446744073709551615, or 0x0 to "
          "0xffffffffffffffff");
}

TEST_CASE("A number that is not one is refused naming the character that does not belong", "[valuetext]") {
    const ValueTextError letters = refused(kRegDword, "12z");
    CHECK(letters.problem == ValueTextProblem::NotANumber);
    CHECK(letters.character == "z");
    CHECK(letters.column == 3);
    CHECK(letters.message() == "\"12z\" is not a number (decimal, or hex with 0x): 'z' at character 3 does not "
                               "belong in one");
    // Negative numbers are decimal: the x of "-0x1" is the first that does not fit.
    const ValueTextError negativeHex = refused(kRegDword, "-0x1");
    CHECK(negativeHex.problem == ValueTextProblem::NotANumber);
    CHECK(negativeHex.column == 3);
    CHECK(refused(kRegDword, "0x").problem == ValueTextProblem::NotANumber);
    CHECK(refused(kRegDword, "-").problem == ValueTextProblem::NotANumber);
    CHECK(refused(kRegDword, " 1 2").column == 3);
    const ValueTextError empty = refused(kRegQword, "  ");
    CHECK(empty.problem == ValueTextProblem::NoNumber);
    CHECK(empty.message() == "expected a number (decimal, or hex with 0x), found nothing");
}

TEST_CASE("A number that may not be negative is out of range below zero", "[valuetext]") {
    auto n = parseNumberText("0x20", 32, NegativeNumbers::Refused);
    REQUIRE(n);
    CHECK(*n == 0x20);
    auto negative = parseNumberText("-1", 32, NegativeNumbers::Refused);
    REQUIRE_FALSE(negative);
    CHECK(negative.error().problem == ValueTextProblem::NumberOutOfRange);
    CHECK(negative.error().message() == "\"-1\" is out of range: 0 to 4294967295, or 0x0 to 0xffffffff");
}

TEST_CASE("Hex bytes are pairs or lone digits with any separators and optional 0x", "[valuetext]") {
    CHECK(hex("de ad,be:ef\n01-02") == ByteVector{0xde, 0xad, 0xbe, 0xef, 1, 2});
    CHECK(hex("0102ff") == ByteVector{1, 2, 0xff});
    CHECK(hex("DE ad Be") == ByteVector{0xde, 0xad, 0xbe});
    CHECK(hex("0xde,0xa") == ByteVector{0xde, 0x0a});
    CHECK(hex("0X0102") == ByteVector{1, 2});
    CHECK(hex("1 2 f") == ByteVector{1, 2, 0xf});
    CHECK(hex(" ,\t01,\r\n 02 ,") == ByteVector{1, 2});
    CHECK(hex("").empty());
    CHECK(hex(" , ").empty());
}

TEST_CASE("Hex bytes that do not fit the grammar are refused naming line and character", "[valuetext]") {
    const ValueTextError notHex = hexRefused("00 0g");
    CHECK(notHex.problem == ValueTextProblem::NotHexDigit);
    CHECK(notHex.character == "g");
    CHECK(notHex.column == 5);
    CHECK(notHex.message() == "'g' at character 5 is neither a hex digit nor a separator (space, comma, colon, dash)");

    const ValueTextError odd = hexRefused("01 abc");
    CHECK(odd.problem == ValueTextProblem::OddHexDigits);
    CHECK(odd.token == "abc");
    CHECK(odd.column == 4);
    CHECK(odd.message() == "\"abc\" at character 4 has an odd number of hex digits: a byte is two (or one alone)");
    CHECK(hexRefused("0x123").token == "0x123");

    const ValueTextError prefixOnly = hexRefused("01 0x");
    CHECK(prefixOnly.problem == ValueTextProblem::NoHexDigits);
    CHECK(prefixOnly.column == 4);

    // Lines count from 1, characters are code points, control characters are named.
    const ValueTextError secondLine = hexRefused("01 02\né 03");
    CHECK(secondLine.line == 2);
    CHECK(secondLine.column == 1);
    CHECK(secondLine.character == "é");
    CHECK(secondLine.message() ==
          "'é' at line 2, character 1 is neither a hex digit nor a separator (space, comma, colon, dash)");
    const ValueTextError afterAccent = hexRefused("é");
    CHECK(afterAccent.column == 1);
    CHECK(hexRefused("01\x01").message() ==
          "U+0001 at character 3 is neither a hex digit nor a separator (space, comma, colon, dash)");
    CHECK(hexRefused("ab;cd").column == 3);
}

TEST_CASE("Hex bytes format as lowercase pairs, 16 a line, and parse back", "[valuetext]") {
    ByteVector data;
    for (int i = 0; i < 20; ++i) data.push_back(static_cast<uint8_t>(i * 13));
    const std::string text = formatHexBytes(data);
    CHECK(text.substr(0, 12) == "00 0d 1a 27 ");
    CHECK(text.find('\n') == 16 * 3 - 1);
    CHECK(formatHexBytes(data, 0).find('\n') == std::string::npos);
    CHECK(hex(text) == data);
    CHECK(formatHexBytes(ByteVector{}).empty());
}

TEST_CASE("Data its type's form cannot hold exactly is formatted as hex bytes", "[valuetext]") {
    struct Case {
        uint32_t type;
        ByteVector data;
    };
    const std::vector<Case> cases = {
        {kRegDword, {1, 2, 3}},                        // three bytes
        {kRegQword, {1, 2, 3, 4}},                     // four bytes
        {kRegSz, {'a', 0}},                            // no terminator
        {kRegSz, {}},                                  // empty: the form adds a terminator
        {kRegSz, {'a', 0, 0, 0, 'b', 0}},              // bytes after the terminator
        {kRegSz, {'a', 0, 0}},                         // odd length
        {kRegMultiSz, {'a', 0, 0, 0}},                 // no list terminator
        {kRegMultiSz, {'a', 0, '\n', 0, 0, 0, 0, 0}},  // a line break inside a string
        {kRegMultiSz, {'a', 0, '\r', 0, 0, 0, 0, 0}},  // a CR that would end the line
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i);
        const ValueText text = formatValueText(cases[i].type, cases[i].data);
        CHECK(text.form == ValueTextForm::HexBytes);
        CHECK(text.text == formatHexBytes(cases[i].data));
        // Read in the type's own form, the text would not give the data back.
        auto typed = parseValueText(cases[i].type, text.text);
        CHECK((!typed || *typed != cases[i].data));
        auto back = parseValueText(cases[i].type, text.text, text.form);
        REQUIRE(back);
        CHECK(*back == cases[i].data);
    }
    // An unpaired surrogate survives (WTF-8), so the string form holds it.
    const ByteVector lone = {0x00, 0xd8, 'x', 0, 0, 0};
    const ValueText loneText = formatValueText(kRegSz, lone);
    CHECK(loneText.form == ValueTextForm::String);
    CHECK(parsed(kRegSz, loneText.text) == lone);
}

TEST_CASE("Every value of the corpus formats to text that parses back to the same bytes", "[valuetext][corpus]") {
    std::map<ValueTextForm, size_t> byForm;
    size_t values = 0, typedForm = 0, dwords = 0, dwordsAsNumbers = 0;
    for (const std::string& relative : testsupport::corpusFiles()) {
        const std::string lower = [&] {
            std::string s = relative;
            for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        }();
        if (lower.ends_with(".log1") || lower.ends_with(".log2")) continue;
        auto hive = Hive::open(testsupport::hivePath(relative));
        if (!hive) continue;  // NotAHive and the like: no values to read
        Diagnostics ignored;
        TreeWalker(**hive).walk(
            [&](const WalkedKey& k) {
                for (uint32_t vk : (*hive)->values(*k.node, &ignored)) {
                    auto record = (*hive)->valueRecord(vk);
                    if (!record) continue;
                    auto data = (*hive)->valueData(*record);
                    if (!data) continue;
                    const Bytes bytes = data->bytes();
                    const ValueText text = formatValueText(record->type, bytes);
                    auto back = parseValueText(record->type, text.text, text.form);
                    INFO(relative << ": " << *k.path << " value type " << record->type << " text \"" << text.text
                                  << "\"");
                    REQUIRE(back);
                    REQUIRE(ByteVector(bytes.begin(), bytes.end()) == *back);
                    ++values;
                    ++byForm[text.form];
                    if (text.form == valueTextForm(record->type)) ++typedForm;
                    if (record->type == kRegDword && bytes.size() == 4) {
                        ++dwords;
                        if (text.form == ValueTextForm::Number) ++dwordsAsNumbers;
                    }
                }
                return true;
            },
            &ignored);
    }
    INFO("values " << values << ", in their type's form " << typedForm);
    // The corpus holds 157,150 values, of every form.
    CHECK(values > 100000);
    CHECK(byForm[ValueTextForm::String] > 1000);
    CHECK(byForm[ValueTextForm::MultiString] > 100);
    CHECK(byForm[ValueTextForm::Number] > 1000);
    CHECK(dwordsAsNumbers == dwords);
    // Nearly every value fits its type's form (99.4% when this was written):
    // hex is the exception, not the rule.
    CHECK(typedForm * 50 > values * 49);
}

TEST_CASE("A .reg hex list gives the bytes the hex grammar reads from the same text", "[valuetext][regfile]") {
    const std::string list = "41,00,62,00,00,00,\\\n  00,00,f,1";
    const std::string reg = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\K]\r\n"
                            "\"M\"=hex(7):" + list + "\r\n";
    auto file = parseRegFile(Bytes(reinterpret_cast<const uint8_t*>(reg.data()), reg.size()));
    REQUIRE(file);
    REQUIRE(file->edits.size() == 2);
    const RegEdit& value = file->edits.back();
    CHECK(value.type == kRegMultiSz);
    std::string joined = list;
    joined.erase(joined.find('\\'), 1);  // the continuation is the .reg syntax's, not the list's
    CHECK(value.data == hex(joined));
    CHECK(value.data == ByteVector{0x41, 0, 0x62, 0, 0, 0, 0, 0, 0x0f, 0x01});
}
