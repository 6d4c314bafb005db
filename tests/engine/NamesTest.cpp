// Tests of format/Names: the Windows upcase table, name comparison, the lh
// hash, name decoding and UTF-8 (WTF-8) conversion.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "format/Names.h"

using namespace hivekit;

namespace {

Bytes bytesOf(const std::vector<uint8_t>& v) { return Bytes(v.data(), v.size()); }

std::u16string units(std::initializer_list<char16_t> list) { return std::u16string(list); }

int sign(int v) { return (v > 0) - (v < 0); }

}  // namespace

// ---------------------------------------------------------------------------
// The upcase table

TEST_CASE("ASCII letters upcase to A-Z and no other ASCII unit changes", "[names][upcase]") {
    for (char16_t c = 0; c < 0x80; ++c) {
        const char16_t expected = (c >= u'a' && c <= u'z') ? static_cast<char16_t>(c - 0x20) : c;
        INFO("unit " << int(c));
        CHECK(windowsUpcase(c) == expected);
    }
}

TEST_CASE("Latin-1 letters upcase by the Windows table", "[names][upcase]") {
    CHECK(windowsUpcase(0x00E4) == 0x00C4);  // ä -> Ä
    CHECK(windowsUpcase(0x00E0) == 0x00C0);  // à -> À
    CHECK(windowsUpcase(0x00FE) == 0x00DE);  // þ -> Þ
    CHECK(windowsUpcase(0x00FF) == 0x0178);  // ÿ -> Ÿ, outside Latin-1
    CHECK(windowsUpcase(0x00F7) == 0x00F7);  // ÷ is not a letter
    CHECK(windowsUpcase(0x00DF) == 0x00DF);  // ß has no single-unit upper case
    CHECK(windowsUpcase(0x00C4) == 0x00C4);  // capitals stay
    CHECK(windowsUpcase(0x00AA) == 0x00AA);  // ª
}

TEST_CASE("Greek and Cyrillic lower-case letters upcase to their capitals", "[names][upcase]") {
    CHECK(windowsUpcase(0x03B1) == 0x0391);  // α -> Α
    CHECK(windowsUpcase(0x03C3) == 0x03A3);  // σ -> Σ
    CHECK(windowsUpcase(0x03C9) == 0x03A9);  // ω -> Ω
    CHECK(windowsUpcase(0x03AC) == 0x0386);  // ά -> Ά
    CHECK(windowsUpcase(0x03CC) == 0x038C);  // ό -> Ό
    CHECK(windowsUpcase(0x0430) == 0x0410);  // а -> А
    CHECK(windowsUpcase(0x044F) == 0x042F);  // я -> Я
    CHECK(windowsUpcase(0x0451) == 0x0401);  // ё -> Ё
    CHECK(windowsUpcase(0x045F) == 0x040F);  // џ -> Џ
    CHECK(windowsUpcase(0x0461) == 0x0460);  // ѡ -> Ѡ (alternating pairs)
    CHECK(windowsUpcase(0x0410) == 0x0410);
}

TEST_CASE("Characters that towupper maps keep the Windows mapping, which leaves them alone", "[names][upcase]") {
    // glibc's towupper maps each of these to another unit; Windows does not,
    // because their upper case does not map back to them.
    CHECK(windowsUpcase(0x0131) == 0x0131);  // ı dotless i (towupper: I)
    CHECK(windowsUpcase(0x017F) == 0x017F);  // ſ long s (towupper: S)
    CHECK(windowsUpcase(0x00B5) == 0x00B5);  // µ micro sign (towupper: U+039C)
    CHECK(windowsUpcase(0x03C2) == 0x03C2);  // ς final sigma (towupper: Σ; XP/Vista too)
    CHECK(windowsUpcase(0x01C5) == 0x01C5);  // ǅ title case (towupper: Ǆ)
    CHECK(windowsUpcase(0x0345) == 0x0345);  // combining ypogegrammeni (towupper: Ι)
    CHECK(windowsUpcase(0x0130) == 0x0130);  // İ stays
    CHECK(windowsUpcase(0x10D0) == 0x10D0);  // Georgian mkhedruli (Unicode 11 towupper: U+1C90)
}

TEST_CASE("Surrogate units and supplementary characters are never upcased", "[names][upcase]") {
    for (uint32_t c = 0xD800; c <= 0xDFFF; ++c) {
        INFO("unit " << c);
        CHECK(windowsUpcase(static_cast<char16_t>(c)) == c);
    }
    // 𐐨 (U+10428, Deseret) upcases to U+10400 in Unicode, not in Windows.
    CHECK(lhHash(u"\U00010428") == lhHash(units({0xD801, 0xDC28})));
    CHECK(compareNames(u"\U00010428", u"\U00010400") != 0);
}

TEST_CASE("The upcase table is the Windows 7 and later table", "[names][upcase]") {
    // Pins all 65536 entries: the checksum of the table whose little-endian
    // image has the MD5 of Windows 8's NTFS $UpCase.
    uint32_t checksum = 0;
    size_t changed = 0;
    std::set<char16_t> images;
    bool idempotent = true;
    for (uint32_t c = 0; c <= 0xFFFF; ++c) {
        const char16_t u = windowsUpcase(static_cast<char16_t>(c));
        checksum = checksum * 31 + u;
        if (u != c) {
            ++changed;
            images.insert(u);
        }
        if (windowsUpcase(u) != u) idempotent = false;
    }
    CHECK(checksum == 0xB33FD1D6u);
    CHECK(changed == 973);
    CHECK(images.size() == changed);  // one to one
    CHECK(idempotent);

    // Entries that Windows 7 changed from Vista.
    CHECK(windowsUpcase(0x2C65) == 0x023A);
    CHECK(windowsUpcase(0x023A) == 0x023A);
    CHECK(windowsUpcase(0x1D79) == 0xA77D);
    CHECK(windowsUpcase(0x1FC3) == 0x1FCC);
    CHECK(windowsUpcase(0x1FCC) == 0x1FCC);
    CHECK(windowsUpcase(0xA641) == 0xA640);
    // Ranges from other blocks.
    CHECK(windowsUpcase(0x2170) == 0x2160);  // ⅰ -> Ⅰ
    CHECK(windowsUpcase(0x24D0) == 0x24B6);  // ⓐ -> Ⓐ
    CHECK(windowsUpcase(0xFF41) == 0xFF21);  // ａ -> Ａ
    CHECK(windowsUpcase(0x2D00) == 0x10A0);  // Georgian nuskhuri -> asomtavruli
    CHECK(windowsUpcase(0x0561) == 0x0531);  // Armenian
}

// ---------------------------------------------------------------------------
// Comparison

TEST_CASE("Names that differ only in case compare equal", "[names][compare]") {
    CHECK(compareNames(u"ControlSet001", u"CONTROLSET001") == 0);
    CHECK(namesEqual(u"services", u"Services"));
    CHECK(namesEqual(u"Ärger", u"äRGER"));
    CHECK(namesEqual(u"ÿ", u"\u0178"));
    CHECK(namesEqual(u"σ", u"Σ"));
    CHECK(namesEqual(u"", u""));
}

TEST_CASE("Names that differ other than in case compare unequal", "[names][compare]") {
    CHECK_FALSE(namesEqual(u"ς", u"Σ"));  // final sigma is not upcased
    CHECK_FALSE(namesEqual(u"ı", u"I"));
    CHECK_FALSE(namesEqual(u"ß", u"SS"));
    CHECK_FALSE(namesEqual(u"a", u"b"));
}

TEST_CASE("A proper prefix sorts before the longer name", "[names][compare]") {
    CHECK(compareNames(u"Control", u"ControlSet001") < 0);
    CHECK(compareNames(u"controlset001", u"Control") > 0);
    CHECK(compareNames(u"", u"a") < 0);
    CHECK(compareNames(u"a", std::u16string_view(u"a\0", 2)) < 0);  // an embedded NUL is a unit
}

TEST_CASE("Names sort by upcased units as unsigned 16-bit numbers", "[names][compare]") {
    // '_' (0x5F) sorts after every letter, because letters compare upcased.
    CHECK(compareNames(u"z", u"_") < 0);
    CHECK(compareNames(u"Z", u"_") < 0);
    CHECK(compareNames(u"a", u"B") < 0);
    CHECK(compareNames(u"B", u"a") > 0);
    // ä upcases to Ä (0xC4), after every ASCII unit.
    CHECK(compareNames(u"ä", u"z") > 0);
    // ÿ upcases to Ÿ (0x178), after every other Latin-1 letter.
    CHECK(compareNames(u"ÿ", u"þ") > 0);
    // A surrogate pair (0xD83C ...) sorts before U+E000: unit order, not code point order.
    CHECK(compareNames(u"\U0001F30E", u"\uE000") < 0);
    CHECK(compareNames(u"\uFFFF", units({0xD800})) > 0);
}

TEST_CASE("compareNames agrees with itself reversed and with upcased copies", "[names][compare]") {
    const std::vector<std::u16string> names = {u"",    u"a",      u"A",        u"ab",   u"_x",   u"Ä",   u"ÿ",
                                               u"Ÿ",   u"ς",      u"σ",        u"Σ",    u"ё",    u"Ё",   u"z",
                                               u"\uE000", u"\U0001F30E", u"Select", u"SELECT", u"Selected"};
    for (const auto& a : names) {
        for (const auto& b : names) {
            CHECK(sign(compareNames(a, b)) == -sign(compareNames(b, a)));
            std::u16string upA = a;
            for (auto& u : upA) u = windowsUpcase(u);
            CHECK(sign(compareNames(upA, b)) == sign(compareNames(a, b)));
        }
    }
}

TEST_CASE("A stored name compares like its decoded form", "[names][compare]") {
    const std::vector<uint8_t> latin1 = {'a', 'b', 'c', 'd', '_', 0xE4, 0xF6, 0xFC, 0xDF};
    CHECK(compareStoredName(bytesOf(latin1), true, u"ABCD_ÄÖÜß") == 0);
    CHECK(compareStoredName(bytesOf(latin1), true, u"ABCD_ÄÖÜ") > 0);
    CHECK(compareStoredName(bytesOf(latin1), true, u"ABCD_ÄÖÜßx") < 0);
    CHECK(compareStoredName(bytesOf(latin1), true, u"abce") < 0);

    const std::vector<uint8_t> utf16 = {'w', 0, 'e', 0, 'i', 0, 'r', 0, 'd', 0, 0x22, 0x21};
    CHECK(compareStoredName(bytesOf(utf16), false, u"WEIRD™") == 0);
    CHECK(compareStoredName(bytesOf(utf16), false, u"weird") > 0);

    const std::vector<uint8_t> odd = {'a', 0, 'b'};
    CHECK(compareStoredName(bytesOf(odd), false, u"AB") == 0);
    CHECK(compareStoredName(bytesOf(odd), false, u"A") > 0);
    CHECK(compareStoredName({}, false, u"") == 0);
}

// ---------------------------------------------------------------------------
// The lh hash

TEST_CASE("lh hash multiplies by 37 and adds each upcased unit", "[names][hash]") {
    CHECK(lhHash(u"") == 0);
    CHECK(lhHash(u"A") == 0x41);
    CHECK(lhHash(u"a") == 0x41);
    CHECK(lhHash(u"ab") == 0x41 * 37 + 0x42);
    CHECK(lhHash(u"AB") == 0x9A7);
}

TEST_CASE("lh hash wraps around at 32 bits", "[names][hash]") {
    CHECK(lhHash(u"ThisIsAVeryLongKeyNameThatWrapsAroundTwice") == 0x7FCB60F0u);
}

TEST_CASE("lh hash matches the hashes Windows stored in a real hive", "[names][hash]") {
    // From the lh lists of regipy/SYSTEM (Windows 10, v1.5), names stored compressed.
    CHECK(lhHash(u"ControlSet001") == 0x8F3BA9A2u);
    CHECK(lhHash(u"Select") == 0x5F0024A0u);
    CHECK(lhHash(u"Services") == 0x227AF730u);
    CHECK(lhHash(u"Tcpip") == 0x0997AE98u);
    CHECK(lhHash(u"MountedDevices") == 0xFC7A072Bu);
    CHECK(lhHash(u"Parameters") == 0x6E7FEA98u);
    CHECK(lhHash(u"services") == 0x227AF730u);  // case does not matter
    // regipy/transactions_NTUSER.DAT: a key named with three emoji (UTF-16,
    // surrogate pairs), lh entry at file offset 0x2A120.
    CHECK(lhHash(u"\U0001F30E\U0001F30F\U0001F30D") == 0x55561CD6u);
}

TEST_CASE("lh hash of a Latin-1 name uses the Windows upcase table", "[names][hash]") {
    CHECK(lhHash(u"ÿ") == 0x178);  // not 0xFF, not 0x9F (Windows-1252 Ÿ)
    CHECK(lhHash(u"ä") == 0xC4);
    // hivex/special, a compressed name with umlauts and ß, and a UTF-16 name.
    const std::vector<uint8_t> latin1 = {'a', 'b', 'c', 'd', '_', 0xE4, 0xF6, 0xFC, 0xDF};
    CHECK(lhHashStored(bytesOf(latin1), true) == 0xCD87D55Eu);
    CHECK(lhHash(u"abcd_äöüß") == 0xCD87D55Eu);
    const std::vector<uint8_t> utf16 = {'w', 0, 'e', 0, 'i', 0, 'r', 0, 'd', 0, 0x22, 0x21};
    CHECK(lhHashStored(bytesOf(utf16), false) == 0x6F86A4D5u);
}

TEST_CASE("lh hash of final sigma keeps the unit", "[names][hash]") {
    CHECK(lhHash(u"ς") == 0x3C2);
    CHECK(lhHash(u"σ") == 0x3A3);
}

TEST_CASE("lh hash of a stored odd-length UTF-16LE name hashes the trailing byte as a unit", "[names][hash]") {
    const std::vector<uint8_t> odd = {'a', 0, 'b'};
    CHECK(lhHashStored(bytesOf(odd), false) == lhHash(u"AB"));
}

// ---------------------------------------------------------------------------
// Decoding stored names

TEST_CASE("A compressed name widens each Latin-1 byte to one unit", "[names][decode]") {
    const std::vector<uint8_t> stored = {'K', 0xE4, 0x00, 0xFF, 0x80};
    CHECK(decodeName(bytesOf(stored), true) == units({u'K', 0xE4, 0x00, 0xFF, 0x80}));
    CHECK(decodeName({}, true).empty());
}

TEST_CASE("A UTF-16LE name decodes unit by unit, keeping NULs and lone surrogates", "[names][decode]") {
    const std::vector<uint8_t> stored = {'a', 0, 0, 0, 0x00, 0xD8, 0xAC, 0x20};
    CHECK(decodeName(bytesOf(stored), false) == units({u'a', 0x0000, 0xD800, 0x20AC}));
    CHECK(utf16leUnits(bytesOf(stored)) == units({u'a', 0x0000, 0xD800, 0x20AC}));
    CHECK(utf16leUnits({}).empty());
}

TEST_CASE("An odd-length UTF-16LE name keeps its last byte as a unit of its own", "[names][decode]") {
    const std::vector<uint8_t> one = {0x41};
    CHECK(utf16leUnits(bytesOf(one)) == units({0x0041}));
    const std::vector<uint8_t> three = {0x41, 0x00, 0xE4};
    CHECK(utf16leUnits(bytesOf(three)) == units({0x0041, 0x00E4}));
    CHECK(decodeName(bytesOf(three), false) == units({0x0041, 0x00E4}));
}

TEST_CASE("A stored name is written in place as storedNameUtf8 gives it, within maxStoredNameUtf8Size",
          "[names][utf8]") {
    std::vector<std::pair<std::vector<uint8_t>, bool>> names = {
        {std::vector<uint8_t>(255, 0xFF), true},                 // Latin-1 at its widest: 2 bytes each
        {{}, true},
        {{}, false},
        {{0xFF, 0xFF, 0xFF, 0xFF}, false},                       // U+FFFF: 3 bytes per 2
        {{0x00, 0xD8, 0x00, 0xD8, 0x00, 0xD8}, false},           // lone lead surrogates, WTF-8
        {{0x3D, 0xD8, 0x00, 0xDE}, false},                       // one pair: 4 bytes per 4
        {{0xFF}, false},                                         // an odd byte as a unit: 2 bytes per 1
        {{0xAC, 0x20, 0xE4}, false},
    };
    uint32_t seed = 12345;
    for (int i = 0; i < 2000; ++i) {  // and random names of either kind
        std::vector<uint8_t> bytes(seed % 40);
        for (auto& b : bytes) b = static_cast<uint8_t>((seed = seed * 1103515245 + 12345) >> 16);
        names.emplace_back(bytes, (seed >> 3) % 2 == 0);
        seed = seed * 1103515245 + 12345;
    }
    for (const auto& [bytes, compressed] : names) {
        const std::string expected = storedNameUtf8(bytesOf(bytes), compressed);
        const size_t room = maxStoredNameUtf8Size(bytes.size());
        REQUIRE(expected.size() <= room);
        std::string buffer(room + 16, '#');
        char* end = putStoredNameUtf8(buffer.data(), bytesOf(bytes), compressed);
        CHECK(std::string(buffer.data(), end) == expected);
        CHECK(buffer.substr(room) == std::string(16, '#'));  // nothing past the room
        std::string appended = "path\\";
        appendStoredNameUtf8(appended, bytesOf(bytes), compressed);
        CHECK(appended == "path\\" + expected);
    }
    // The widest cases reach the bound's order: Latin-1 doubles exactly.
    CHECK(storedNameUtf8(bytesOf(names[0].first), true).size() == 2 * 255);
}

TEST_CASE("Latin-1 bytes convert to UTF-8", "[names][decode]") {
    const std::vector<uint8_t> bytes = {'a', 0xE4, 0x00, 0xFF, 0x80};
    CHECK(latin1ToUtf8(bytesOf(bytes)) == std::string("a\xC3\xA4\0\xC3\xBF\xC2\x80", 8));
    CHECK(latin1ToUtf8({}).empty());
}

// ---------------------------------------------------------------------------
// UTF-8 and WTF-8

TEST_CASE("UTF-16 converts to UTF-8 of 1 to 4 bytes per character", "[names][utf8]") {
    CHECK(utf16ToUtf8(u"Abc") == "Abc");
    CHECK(utf16ToUtf8(u"ä") == "\xC3\xA4");
    CHECK(utf16ToUtf8(u"€") == "\xE2\x82\xAC");
    CHECK(utf16ToUtf8(u"\U0001F30E") == "\xF0\x9F\x8C\x8E");
    CHECK(utf16ToUtf8(u"\uFFFF") == "\xEF\xBF\xBF");
    CHECK(utf16ToUtf8(std::u16string_view(u"a\0b", 3)) == std::string("a\0b", 3));
    CHECK(utf16ToUtf8(u"").empty());
}

TEST_CASE("UTF-16LE bytes convert to UTF-8 in one pass exactly as unit by unit", "[names][utf8]") {
    // Every length from 0 to 9 bytes over units chosen to cover 1-, 2-, 3-
    // and 4-byte UTF-8, lead and trail surrogates in every arrangement, NUL
    // and an odd trailing byte: the one-pass form equals the two-step one.
    const std::vector<uint16_t> pool = {0x0041, 0x0000, 0x00E4, 0x07FF, 0x0800, 0x20AC, 0xD83C,
                                        0xDF0E, 0xDBFF, 0xDC00, 0xFFFF};
    size_t checked = 0;
    for (size_t length = 0; length <= 9; ++length) {
        for (size_t seed = 0; seed < 400; ++seed) {
            std::vector<uint8_t> bytes;
            size_t x = seed * 2654435761u + length;
            for (size_t i = 0; i < length; ++i) {
                const uint16_t u = pool[(x >> (3 * (i / 2))) % pool.size()];
                bytes.push_back(static_cast<uint8_t>(i % 2 == 0 ? u : u >> 8));
                x = x * 6364136223846793005ull + 1442695040888963407ull;
            }
            const Bytes b = bytesOf(bytes);
            REQUIRE(utf16leToUtf8(b) == utf16ToUtf8(utf16leUnits(b)));
            REQUIRE(storedNameUtf8(b, false) == utf16ToUtf8(decodeName(b, false)));
            REQUIRE(storedNameUtf8(b, true) == utf16ToUtf8(decodeName(b, true)));
            ++checked;
        }
    }
    CHECK(checked == 4000);
    const std::vector<uint8_t> pair = {0x3C, 0xD8, 0x0E, 0xDF, 0x41};  // U+1F30E, then an odd byte
    CHECK(utf16leToUtf8(bytesOf(pair)) == "\xF0\x9F\x8C\x8E" "A");
    const std::vector<uint8_t> lone = {0x00, 0xD8};
    CHECK(utf16leToUtf8(bytesOf(lone)) == "\xED\xA0\x80");
    CHECK(utf16leToUtf8({}).empty());
}

TEST_CASE("Unpaired surrogates become their 3-byte WTF-8 form", "[names][utf8]") {
    CHECK(utf16ToUtf8(units({0xD800})) == "\xED\xA0\x80");
    CHECK(utf16ToUtf8(units({0xDFFF})) == "\xED\xBF\xBF");
    CHECK(utf16ToUtf8(units({0xDC00, 0xD800})) == "\xED\xB0\x80\xED\xA0\x80");  // reversed pair
    CHECK(utf16ToUtf8(units({u'x', 0xD83C})) == "x\xED\xA0\xBC");                 // lead at the end
}

TEST_CASE("Names with unpaired surrogates survive the WTF-8 round trip unchanged", "[names][utf8]") {
    const std::vector<std::u16string> samples = {
        units({0xD800}),
        units({0xDC00}),
        units({u'a', 0xDC00, u'b'}),
        units({0xDC00, 0xD800}),
        units({0xD83C, 0xDF0E, 0xD83C}),
        units({0xD83C, 0x0000, 0xDF0E}),
        units({0xDBFF, 0xDBFF, 0xDFFF}),
        std::u16string(u"plain ASCII"),
        std::u16string(u"Ärger ÿ ς € \U0001F30E"),
        std::u16string(u"nul\0inside", 10),
    };
    for (const auto& s : samples) {
        CHECK(utf8ToUtf16(utf16ToUtf8(s)) == s);
    }
    // Every single unit, paired or not, round trips.
    for (uint32_t c = 0; c <= 0xFFFF; ++c) {
        const std::u16string s(1, static_cast<char16_t>(c));
        if (utf8ToUtf16(utf16ToUtf8(s)) != s) FAIL("unit " << c << " did not round trip");
    }
}

TEST_CASE("UTF-8 converts to UTF-16 with surrogate pairs above U+FFFF", "[names][utf8]") {
    CHECK(utf8ToUtf16("Abc") == u"Abc");
    CHECK(utf8ToUtf16("\xC3\xA4") == u"ä");
    CHECK(utf8ToUtf16("\xF0\x9F\x8C\x8E") == units({0xD83C, 0xDF0E}));
    CHECK(utf8ToUtf16("\xF4\x8F\xBF\xBF") == units({0xDBFF, 0xDFFF}));  // U+10FFFF
    CHECK(utf8ToUtf16(std::string_view("a\0b", 3)) == std::u16string(u"a\0b", 3));
    CHECK(utf8ToUtf16("").empty());
}

TEST_CASE("Invalid UTF-8 bytes become U+FFFD, one per maximal ill-formed subpart", "[names][utf8]") {
    CHECK(utf8ToUtf16("\x80") == units({0xFFFD}));                                      // stray continuation
    CHECK(utf8ToUtf16("\xC0\xAF") == units({0xFFFD, 0xFFFD}));                          // overlong lead
    CHECK(utf8ToUtf16("\xE0\x80\x80") == units({0xFFFD, 0xFFFD, 0xFFFD}));              // overlong 3-byte
    CHECK(utf8ToUtf16("\xE2\x82") == units({0xFFFD}));                                  // truncated at the end
    CHECK(utf8ToUtf16("a\xE2\x82" "b") == units({u'a', 0xFFFD, u'b'}));                 // truncated inside
    CHECK(utf8ToUtf16("\xF4\x90\x80\x80") == units({0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}));  // above U+10FFFF
    CHECK(utf8ToUtf16("\xF0\x9F\x8C") == units({0xFFFD}));                              // truncated 4-byte
    CHECK(utf8ToUtf16("\xFF\xFE") == units({0xFFFD, 0xFFFD}));
    CHECK(utf8ToUtf16("\xC3\xA4\xC3") == units({0xE4, 0xFFFD}));
}

TEST_CASE("Surrogates encoded in 3 bytes each decode to their units", "[names][utf8]") {
    // Lenient: a pair written as two 3-byte forms (CESU-8) yields the same units.
    CHECK(utf8ToUtf16("\xED\xA0\xBC\xED\xBC\x8E") == units({0xD83C, 0xDF0E}));
    CHECK(utf8ToUtf16("\xED\x9F\xBF") == units({0xD7FF}));
}

// ---------------------------------------------------------------------------
// fitsLatin1

TEST_CASE("A name fits Latin-1 when every unit is at most 0xFF", "[names][latin1]") {
    CHECK(fitsLatin1(u""));
    CHECK(fitsLatin1(u"ControlSet001"));
    CHECK(fitsLatin1(u"Ärger ÿ"));
    CHECK(fitsLatin1(std::u16string_view(u"a\0b", 3)));
    CHECK(fitsLatin1(units({0x00FF})));
    CHECK_FALSE(fitsLatin1(units({0x0100})));
    CHECK_FALSE(fitsLatin1(u"weird™"));
    CHECK_FALSE(fitsLatin1(u"€"));        // Windows-1252 has it, Latin-1 does not
    CHECK_FALSE(fitsLatin1(u"Ÿ"));        // the upcase of ÿ does not fit
    CHECK_FALSE(fitsLatin1(units({0xD800})));
}
