// Tests of format/ValueData: value types, strings, numbers, bytes and the
// hardware resource structures.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "format/ValueData.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace std::literals;

namespace {

std::vector<uint8_t> fromHex(std::string_view hex) {
    std::vector<uint8_t> out;
    auto nibble = [](char c) -> uint8_t {
        if (c >= '0' && c <= '9') return static_cast<uint8_t>(c - '0');
        return static_cast<uint8_t>(c - 'a' + 10);
    };
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<uint8_t>((nibble(hex[i]) << 4) | nibble(hex[i + 1])));
    return out;
}

/// UTF-16LE bytes of `units`, exactly (no terminator added).
std::vector<uint8_t> utf16le(std::u16string_view units) {
    std::vector<uint8_t> out;
    for (char16_t u : units) {
        out.push_back(static_cast<uint8_t>(u & 0xFF));
        out.push_back(static_cast<uint8_t>(u >> 8));
    }
    return out;
}

/// Little-endian byte builder for synthetic structures.
struct Builder {
    std::vector<uint8_t> b;
    Builder& u8(uint8_t v) {
        b.push_back(v);
        return *this;
    }
    Builder& u16(uint16_t v) { return u8(uint8_t(v)).u8(uint8_t(v >> 8)); }
    Builder& u32(uint32_t v) { return u16(uint16_t(v)).u16(uint16_t(v >> 16)); }
    Builder& u64(uint64_t v) { return u32(uint32_t(v)).u32(uint32_t(v >> 32)); }
};

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += (s.empty() ? "" : "\n") + l;
    return s;
}

// Real values from the corpus hive regipy/SYSTEM (a 32-bit Windows: the
// partial descriptors are 16 bytes), extracted with hivex.

// ControlSet001\Enum\PCI\VEN_1000&DEV_0054&SUBSYS_197615AD&REV_01 then
// \4&2732702b&0&00A8\LogConf\BootConfig, REG_RESOURCE_LIST, 84 bytes.
const std::vector<uint8_t> kPciBootConfig = fromHex(
    "010000000500000003000000010001000400000001013101004000000000000000010000"
    "030180000040c0d90000000000400000030180000000c1d90000000000000100020300000b"
    "0000000b000000ffffffff");

// ControlSet001\Enum\ACPI\PNP0200\4&25ee97c0&0\LogConf\BootConfig (the DMA
// controller), REG_RESOURCE_LIST, 84 bytes.
const std::vector<uint8_t> kDmaBootConfig = fromHex(
    "010000000f000000000000000100010004000000010111000000000000000000100000000101"
    "110081000000000000000f00000001011100c0000000000000002000000004010100040000000000"
    "000000000000");

// ControlSet001\Control\Arbiters\InaccessibleRange\PhysicalAddress,
// REG_RESOURCE_REQUIREMENTS_LIST, 72 bytes.
const std::vector<uint8_t> kInaccessibleRange = fromHex(
    "4800000000000000000000000000000000000000000000000000000001000000000000000100"
    "0000000300000000000000000000000000000000000020000000ffffffffffffffff");

/// An x64-layout resource list: 20-byte partial descriptors, the interrupt's
/// affinity 8 bytes wide.
std::vector<uint8_t> x64ResourceList() {
    Builder b;
    b.u32(1);                                   // Count
    b.u32(5).u32(0).u16(1).u16(1).u32(2);       // PCIBus, bus 0, 1.1, 2 partials
    b.u8(2).u8(3).u16(0x0001);                  // Interrupt, Shared, LATCHED
    b.u16(5).u16(0).u32(5).u64(0x0000000100000001ULL);
    b.u8(3).u8(1).u16(0x0000);                  // Memory, DeviceExclusive
    b.u64(0xfe000000).u32(0x1000).u32(0);       // start, length, padding
    return b.b;
}

/// A single full descriptor (x86 layout) ending in device-specific data.
std::vector<uint8_t> fullDescriptorWithDeviceData(uint32_t dataSize = 3) {
    Builder b;
    b.u32(15).u32(0).u16(1).u16(1).u32(2);  // PNPBus, bus 0, 1.1, 2 partials
    b.u8(1).u8(1).u16(0x0011).u64(0x60).u32(1);
    b.u8(5).u8(0).u16(0).u32(dataSize).u32(0).u32(0);
    b.u8(0xaa).u8(0xbb).u8(0xcc);
    return b.b;
}

/// Requirements list (one alternative list) with the given descriptors.
std::vector<uint8_t> requirementsList(const std::vector<std::vector<uint8_t>>& descriptors, uint32_t listSize = 0) {
    Builder b;
    const size_t size = 32 + 8 + 32 * descriptors.size();
    b.u32(listSize ? listSize : uint32_t(size)).u32(5).u32(2).u32(7).u32(0).u32(0).u32(0).u32(1);
    b.u16(1).u16(1).u32(uint32_t(descriptors.size()));
    for (const auto& d : descriptors) b.b.insert(b.b.end(), d.begin(), d.end());
    return b.b;
}

std::vector<uint8_t> ioDescriptor(uint8_t option, uint8_t type, uint8_t share, uint16_t flags,
                                  std::vector<uint32_t> dwords) {
    Builder b;
    b.u8(option).u8(type).u8(share).u8(0).u16(flags).u16(0);
    dwords.resize(6, 0);
    for (uint32_t d : dwords) b.u32(d);
    return b.b;
}

}  // namespace

// ---------------------------------------------------------------------------
// Type names

TEST_CASE("Every known value type has its Windows name") {
    CHECK(std::string(valueTypeName(kRegNone)) == "REG_NONE");
    CHECK(std::string(valueTypeName(kRegSz)) == "REG_SZ");
    CHECK(std::string(valueTypeName(kRegExpandSz)) == "REG_EXPAND_SZ");
    CHECK(std::string(valueTypeName(kRegBinary)) == "REG_BINARY");
    CHECK(std::string(valueTypeName(kRegDword)) == "REG_DWORD");
    CHECK(std::string(valueTypeName(kRegDwordBigEndian)) == "REG_DWORD_BIG_ENDIAN");
    CHECK(std::string(valueTypeName(kRegLink)) == "REG_LINK");
    CHECK(std::string(valueTypeName(kRegMultiSz)) == "REG_MULTI_SZ");
    CHECK(std::string(valueTypeName(kRegResourceList)) == "REG_RESOURCE_LIST");
    CHECK(std::string(valueTypeName(kRegFullResourceDescriptor)) == "REG_FULL_RESOURCE_DESCRIPTOR");
    CHECK(std::string(valueTypeName(kRegResourceRequirementsList)) == "REG_RESOURCE_REQUIREMENTS_LIST");
    CHECK(std::string(valueTypeName(kRegQword)) == "REG_QWORD");
}

TEST_CASE("An unknown value type has no name and is labelled by its number") {
    CHECK(std::string(valueTypeName(12)) == "");
    CHECK(std::string(valueTypeName(0x12345678)) == "");
    CHECK(valueTypeLabel(0x12345678) == "0x12345678");
    CHECK(valueTypeLabel(12) == "0x0000000c");
    CHECK(valueTypeLabel(kRegQword) == "REG_QWORD");
}

TEST_CASE("Value types parse from names in any case with or without REG_") {
    CHECK(parseValueType("REG_SZ").value() == kRegSz);
    CHECK(parseValueType("reg_expand_sz").value() == kRegExpandSz);
    CHECK(parseValueType("dword").value() == kRegDword);
    CHECK(parseValueType("Multi_Sz").value() == kRegMultiSz);
    CHECK(parseValueType("REG_DWORD_LITTLE_ENDIAN").value() == kRegDword);
    CHECK(parseValueType("qword_little_endian").value() == kRegQword);
    CHECK(parseValueType("REG_RESOURCE_REQUIREMENTS_LIST").value() == kRegResourceRequirementsList);
}

TEST_CASE("Value types parse from decimal and hex numbers") {
    CHECK(parseValueType("4").value() == 4);
    CHECK(parseValueType("0").value() == 0);
    CHECK(parseValueType("0x12345678").value() == 0x12345678u);
    CHECK(parseValueType("0XFFFFFFFF").value() == 0xFFFFFFFFu);
    CHECK(parseValueType("4294967295").value() == 0xFFFFFFFFu);
}

TEST_CASE("Every value type label parses back to its type") {
    for (uint32_t type : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 0x12345678u, 0xFFFFFFFFu}) {
        auto parsed = parseValueType(valueTypeLabel(type));
        REQUIRE(parsed);
        CHECK(*parsed == type);
    }
}

TEST_CASE("A value type that is neither a name nor a 32-bit number is rejected") {
    for (std::string_view bad : {"", "REG_", "REG_FOO", "0x", "0x100000000", "4294967296", "-1", " 4", "sz "}) {
        auto parsed = parseValueType(bad);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == ErrorCode::Invalid);
    }
    CHECK(parseValueType("REG_FOO").error().message ==
          "unknown value type 'REG_FOO': expected a name such as REG_SZ or a number such as 0x4");
}

// ---------------------------------------------------------------------------
// Hex and numbers

TEST_CASE("hexBytes writes lowercase bytes separated by spaces") {
    const std::vector<uint8_t> b{0x01, 0x02, 0xff};
    CHECK(hexBytes(b) == "01 02 ff");
    CHECK(hexBytes(Bytes{}) == "");
    CHECK(hexBytesCompact(b) == "0102ff");
    CHECK(hexBytesCompact(Bytes{}) == "");
}

TEST_CASE("hexBytes shows at most maxBytes bytes and then the full size") {
    const std::vector<uint8_t> b{0x01, 0x02, 0xff};
    CHECK(hexBytes(b, 2) == "01 02 ... (3 bytes)");
    CHECK(hexBytes(b, 3) == "01 02 ff");
    CHECK(hexBytes(b, 0) == "... (3 bytes)");
}

TEST_CASE("Numbers are formatted the way regedit shows them") {
    CHECK(formatRegNumber(42) == "0x0000002a (42)");
    CHECK(formatRegNumber(0) == "0x00000000 (0)");
    CHECK(formatRegNumber(0xFFFFFFFFu) == "0xffffffff (4294967295)");
    CHECK(formatRegNumber(0x100000000ULL) == "0x100000000 (4294967296)");
}

// ---------------------------------------------------------------------------
// Strings

TEST_CASE("A terminated REG_SZ decodes to its text without notes") {
    const auto data = utf16le(u"Hello\0"sv);
    DecodedValue v = decodeValue(kRegSz, data);
    CHECK(v.kind == ValueKind::Text);
    CHECK(v.type == kRegSz);
    CHECK(v.text == "Hello");
    CHECK(v.trailing.empty());
    CHECK(v.notes.empty());
    CHECK(v.raw == data);
    CHECK(v.toText() == "Hello");
}

TEST_CASE("REG_EXPAND_SZ and REG_LINK decode as text and keep variables unexpanded") {
    DecodedValue e = decodeValue(kRegExpandSz, utf16le(u"%SystemRoot%\\system32\0"sv));
    CHECK(e.kind == ValueKind::Text);
    CHECK(e.toText() == "%SystemRoot%\\system32");
    DecodedValue l = decodeValue(kRegLink, utf16le(u"\\Registry\\Machine\\System\\ControlSet001"sv));
    CHECK(l.kind == ValueKind::Text);
    CHECK(l.text == "\\Registry\\Machine\\System\\ControlSet001");
    CHECK(l.notes == std::vector<std::string>{"no NUL terminator"});
}

TEST_CASE("An empty REG_SZ is empty text without notes") {
    DecodedValue v = decodeValue(kRegSz, Bytes{});
    CHECK(v.kind == ValueKind::Text);
    CHECK(v.text.empty());
    CHECK(v.notes.empty());
    CHECK(v.toText() == "");
    DecodedValue nul = decodeValue(kRegSz, utf16le(u"\0"sv));
    CHECK(nul.text.empty());
    CHECK(nul.notes.empty());
}

TEST_CASE("A REG_SZ without terminator keeps all its text and says so") {
    DecodedValue v = decodeValue(kRegSz, utf16le(u"abc"sv));
    CHECK(v.text == "abc");
    CHECK(v.trailing.empty());
    CHECK(v.toText() == "abc\n[no NUL terminator]");
}

TEST_CASE("A REG_SZ of odd length keeps the last byte as trailing data") {
    auto data = utf16le(u"ab"sv);
    data.push_back(0x63);
    DecodedValue v = decodeValue(kRegSz, data);
    CHECK(v.text == "ab");
    CHECK(v.trailing == std::vector<uint8_t>{0x63});
    CHECK(v.toText() ==
          "ab\n[no NUL terminator]\n[odd length (5 bytes): the last byte 0x63 is not part of a UTF-16 unit]");
}

TEST_CASE("A REG_SZ stops at the first NUL and keeps the rest as trailing data") {
    const auto data = utf16le(u"abc\0def\0"sv);
    DecodedValue v = decodeValue(kRegSz, data);
    CHECK(v.text == "abc");
    CHECK(v.trailing == std::vector<uint8_t>(data.begin() + 8, data.end()));
    CHECK(v.toText() == "abc\n[trailing data after the terminator (8 bytes at 0x8): 64 00 65 00 66 00 00 00]");
}

TEST_CASE("An odd byte after a REG_SZ terminator is part of the trailing data") {
    auto data = utf16le(u"a\0"sv);
    data.push_back(0x41);
    DecodedValue v = decodeValue(kRegSz, data);
    CHECK(v.text == "a");
    CHECK(v.trailing == std::vector<uint8_t>{0x41});
    CHECK(v.notes == std::vector<std::string>{"trailing data after the terminator (1 bytes at 0x4): 41"});
}

TEST_CASE("Zero bytes after a REG_SZ terminator are reported as padding") {
    DecodedValue v = decodeValue(kRegSz, utf16le(u"ab\0\0\0"sv));
    CHECK(v.text == "ab");
    CHECK(v.trailing == std::vector<uint8_t>(4, 0));
    CHECK(v.toText() == "ab\n[4 zero bytes after the terminator]");
}

TEST_CASE("Long trailing data in a note is cut after 32 bytes") {
    std::u16string s = u"x";
    s.push_back(u'\0');
    s.append(40, u'y');
    DecodedValue v = decodeValue(kRegSz, utf16le(s));
    REQUIRE(v.notes.size() == 1);
    CHECK(v.notes[0].ends_with("79 00 ... (80 bytes)"));
    CHECK(v.trailing.size() == 80);
}

TEST_CASE("Non-ASCII text and surrogate pairs decode to UTF-8") {
    DecodedValue v = decodeValue(kRegSz, fromHex("e9003dd800de0000"));
    CHECK(v.text == "\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(v.notes.empty());
}

TEST_CASE("Unpaired surrogates in a REG_SZ are kept as WTF-8") {
    // U+D800 alone, then 'a', then U+DC00 alone.
    DecodedValue v = decodeValue(kRegSz, fromHex("00d8610000dc0000"));
    CHECK(v.text == "\xED\xA0\x80" "a" "\xED\xB0\x80");
    CHECK(v.notes.empty());
}

TEST_CASE("A REG_MULTI_SZ splits at NULs and drops the list terminator") {
    DecodedValue v = decodeValue(kRegMultiSz, utf16le(u"one\0two\0\0"sv));
    CHECK(v.kind == ValueKind::TextList);
    CHECK(v.list == std::vector<std::string>{"one", "two"});
    CHECK(v.notes.empty());
    CHECK(v.toText() == "one\ntwo");
}

TEST_CASE("A REG_MULTI_SZ with a single final NUL or extra terminators has the same strings") {
    CHECK(decodeValue(kRegMultiSz, utf16le(u"one\0two\0"sv)).list == std::vector<std::string>{"one", "two"});
    DecodedValue extra = decodeValue(kRegMultiSz, utf16le(u"one\0two\0\0\0\0"sv));
    CHECK(extra.list == std::vector<std::string>{"one", "two"});
    CHECK(extra.notes.empty());
}

TEST_CASE("A REG_MULTI_SZ whose last string has no terminator keeps it and says so") {
    DecodedValue v = decodeValue(kRegMultiSz, utf16le(u"one\0two"sv));
    CHECK(v.list == std::vector<std::string>{"one", "two"});
    CHECK(v.toText() == "one\ntwo\n[the last string has no NUL terminator]");
}

TEST_CASE("An empty string inside a REG_MULTI_SZ is kept and reported") {
    DecodedValue v = decodeValue(kRegMultiSz, utf16le(u"a\0\0b\0\0"sv));
    CHECK(v.list == std::vector<std::string>{"a", "", "b"});
    CHECK(v.notes == std::vector<std::string>{"empty string at position 1: Windows ends the list there"});
}

TEST_CASE("An empty REG_MULTI_SZ has no strings") {
    CHECK(decodeValue(kRegMultiSz, Bytes{}).list.empty());
    CHECK(decodeValue(kRegMultiSz, utf16le(u"\0"sv)).list.empty());
    DecodedValue v = decodeValue(kRegMultiSz, utf16le(u"\0\0"sv));
    CHECK(v.list.empty());
    CHECK(v.notes.empty());
    CHECK(v.toText() == "");
}

TEST_CASE("A REG_MULTI_SZ of odd length keeps the last byte") {
    auto data = utf16le(u"a\0\0"sv);
    data.push_back(0x7f);
    DecodedValue v = decodeValue(kRegMultiSz, data);
    CHECK(v.list == std::vector<std::string>{"a"});
    CHECK(v.trailing == std::vector<uint8_t>{0x7f});
    CHECK(v.notes ==
          std::vector<std::string>{"odd length (7 bytes): the last byte 0x7f is not part of a UTF-16 unit"});
}

// ---------------------------------------------------------------------------
// Numbers

TEST_CASE("A REG_DWORD is four little-endian bytes") {
    DecodedValue v = decodeValue(kRegDword, fromHex("2a000000"));
    CHECK(v.kind == ValueKind::Number);
    CHECK(v.number == 42);
    CHECK(v.toText() == "0x0000002a (42)");
    CHECK(decodeValue(kRegDword, fromHex("ffffffff")).toText() == "0xffffffff (4294967295)");
}

TEST_CASE("A REG_DWORD_BIG_ENDIAN is four big-endian bytes") {
    DecodedValue v = decodeValue(kRegDwordBigEndian, fromHex("0000012c"));
    CHECK(v.kind == ValueKind::Number);
    CHECK(v.number == 300);
    CHECK(v.toText() == "0x0000012c (300)");
}

TEST_CASE("A REG_QWORD is eight little-endian bytes") {
    DecodedValue v = decodeValue(kRegQword, fromHex("0000000001000000"));
    CHECK(v.kind == ValueKind::Number);
    CHECK(v.number == 0x100000000ULL);
    CHECK(v.toText() == "0x100000000 (4294967296)");
    CHECK(decodeValue(kRegQword, fromHex("2a00000000000000")).toText() == "0x0000002a (42)");
    CHECK(decodeValue(kRegQword, fromHex("ffffffffffffffff")).toText() ==
          "0xffffffffffffffff (18446744073709551615)");
}

TEST_CASE("A number of the wrong size is shown as bytes with a note") {
    DecodedValue shortDword = decodeValue(kRegDword, fromHex("2a0000"));
    CHECK(shortDword.kind == ValueKind::Bytes);
    CHECK(shortDword.toText() == "2a 00 00\n[REG_DWORD data is 3 bytes, expected 4: shown as bytes]");
    DecodedValue longDword = decodeValue(kRegDword, fromHex("2a00000000"));
    CHECK(longDword.toText() == "2a 00 00 00 00\n[REG_DWORD data is 5 bytes, expected 4: shown as bytes]");
    DecodedValue emptyBig = decodeValue(kRegDwordBigEndian, Bytes{});
    CHECK(emptyBig.toText() ==
          "(zero-length binary value)\n[REG_DWORD_BIG_ENDIAN data is 0 bytes, expected 4: shown as bytes]");
    DecodedValue shortQword = decodeValue(kRegQword, fromHex("2a000000"));
    CHECK(shortQword.kind == ValueKind::Bytes);
    CHECK(shortQword.toText() == "2a 00 00 00\n[REG_QWORD data is 4 bytes, expected 8: shown as bytes]");
}

// ---------------------------------------------------------------------------
// Bytes

TEST_CASE("REG_BINARY, REG_NONE and unknown types are shown as hex bytes") {
    const auto data = fromHex("0102ff");
    for (uint32_t type : {kRegBinary, kRegNone, 12u, 0x12345678u}) {
        DecodedValue v = decodeValue(type, data);
        CHECK(v.kind == ValueKind::Bytes);
        CHECK(v.type == type);
        CHECK(v.notes.empty());
        CHECK(v.toText() == "01 02 ff");
    }
}

TEST_CASE("An empty binary value is shown as regedit shows it") {
    CHECK(decodeValue(kRegBinary, Bytes{}).toText() == "(zero-length binary value)");
}

TEST_CASE("Every decoded value keeps all the bytes of its data") {
    const auto data = fromHex("610062000000630001");
    for (uint32_t type = 0; type <= 12; ++type) CHECK(decodeValue(type, data).raw == data);
}

// ---------------------------------------------------------------------------
// Resource structures: real data

TEST_CASE("A real PCI boot configuration decodes port, memory and interrupt") {
    DecodedValue v = decodeValue(kRegResourceList, kPciBootConfig);
    REQUIRE(v.kind == ValueKind::Resources);
    CHECK(v.notes.empty());
    CHECK(v.lines == std::vector<std::string>{
                         "CM_RESOURCE_LIST (x86 layout): 1 full descriptor",
                         "Full descriptor 0: interface=PCIBus bus=3 version=1 revision=1 count=4",
                         "  [0] Port start=0x4000 length=0x100 share=DeviceExclusive "
                         "flags=0x0131 (IO|16_BIT_DECODE|POSITIVE_DECODE|BAR)",
                         "  [1] Memory start=0xd9c04000 length=0x4000 share=DeviceExclusive "
                         "flags=0x0080 (READ_WRITE|BAR)",
                         "  [2] Memory start=0xd9c10000 length=0x10000 share=DeviceExclusive "
                         "flags=0x0080 (READ_WRITE|BAR)",
                         "  [3] Interrupt level=11 vector=11 affinity=0xffffffff share=Shared "
                         "flags=0x0000 (LEVEL_SENSITIVE)",
                     });
    CHECK(v.toText() == joined(v.lines));
}

TEST_CASE("A real ISA DMA controller configuration decodes its ports and DMA channel") {
    auto described = describeResourceList(kDmaBootConfig);
    REQUIRE(described);
    CHECK(described->lines.size() == 6);
    CHECK(described->lines[1] == "Full descriptor 0: interface=PNPBus bus=0 version=1 revision=1 count=4");
    CHECK(described->lines[3] ==
          "  [1] Port start=0x81 length=0xf share=DeviceExclusive flags=0x0011 (IO|16_BIT_DECODE)");
    CHECK(described->lines[5] == "  [3] Dma channel=4 port=0 share=DeviceExclusive flags=0x0001 (DMA_16)");
}

TEST_CASE("A real resource requirements list decodes its memory range") {
    DecodedValue v = decodeValue(kRegResourceRequirementsList, kInaccessibleRange);
    REQUIRE(v.kind == ValueKind::Resources);
    CHECK(v.notes.empty());
    CHECK(v.lines == std::vector<std::string>{
                         "IO_RESOURCE_REQUIREMENTS_LIST: interface=Internal bus=0 slot=0 alternatives=1",
                         "Alternative list 0: version=0 revision=0 count=1",
                         "  [0] Memory length=0x0 alignment=0x0 min=0x2000000000 max=0xffffffffffffffff "
                         "share=Undetermined flags=0x0000 (READ_WRITE)",
                     });
}

TEST_CASE("The real resource values in regipy's SYSTEM hive are where the tests say") {
    // The byte arrays above were taken from this file; the check only guards
    // against a mix-up of the shared data (the tests do not need the file).
    const std::string path = testsupport::hivePath("regipy/SYSTEM");
    FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    std::vector<uint8_t> file;
    uint8_t buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) file.insert(file.end(), buf, buf + n);
    std::fclose(f);
    for (const auto* value : {&kPciBootConfig, &kDmaBootConfig, &kInaccessibleRange}) {
        auto it = std::search(file.begin(), file.end(), value->begin(), value->end());
        CHECK(it != file.end());
    }
}

// ---------------------------------------------------------------------------
// Resource structures: layouts and shapes

TEST_CASE("A resource list written by x64 Windows is read with 20-byte descriptors") {
    auto described = describeResourceList(x64ResourceList());
    REQUIRE(described);
    CHECK(described->notes.empty());
    CHECK(described->lines == std::vector<std::string>{
                                  "CM_RESOURCE_LIST (x64 layout): 1 full descriptor",
                                  "Full descriptor 0: interface=PCIBus bus=0 version=1 revision=1 count=2",
                                  "  [0] Interrupt level=5 vector=5 affinity=0x100000001 share=Shared "
                                  "flags=0x0001 (LATCHED)",
                                  "  [1] Memory start=0xfe000000 length=0x1000 share=DeviceExclusive "
                                  "flags=0x0000 (READ_WRITE)",
                              });
}

TEST_CASE("A forced layout that leaves bytes over reports them") {
    auto described = describeResourceList(x64ResourceList(), ResourceLayout::X86);
    REQUIRE(described);
    CHECK(described->lines[0] == "CM_RESOURCE_LIST (x86 layout): 1 full descriptor");
    CHECK(described->notes ==
          std::vector<std::string>{"8 bytes after the end of the CM_RESOURCE_LIST at 0x34: 00 10 00 00 00 00 00 00"});
    auto x64Only = describeResourceList(kPciBootConfig, ResourceLayout::X64);
    REQUIRE_FALSE(x64Only);
    CHECK(x64Only.error().message ==
          "can't read partial descriptor 3 of full descriptor 0 of CM_RESOURCE_LIST at 0x50: it goes past the "
          "end of the CM_RESOURCE_LIST (0x54), reading the x64 layout");
}

TEST_CASE("A full resource descriptor value with device-specific data decodes") {
    DecodedValue v = decodeValue(kRegFullResourceDescriptor, fullDescriptorWithDeviceData());
    REQUIRE(v.kind == ValueKind::Resources);
    CHECK(v.notes.empty());
    CHECK(v.lines == std::vector<std::string>{
                         "CM_FULL_RESOURCE_DESCRIPTOR (x86 layout)",
                         "Full descriptor: interface=PNPBus bus=0 version=1 revision=1 count=2",
                         "  [0] Port start=0x60 length=0x1 share=DeviceExclusive flags=0x0011 (IO|16_BIT_DECODE)",
                         "  [1] DeviceSpecific size=3 data=aa bb cc share=Undetermined flags=0x0000",
                     });
}

TEST_CASE("Device-specific data larger than the value falls back to bytes with the offset") {
    const auto data = fullDescriptorWithDeviceData(0xFFFFFFFF);
    DecodedValue v = decodeValue(kRegFullResourceDescriptor, data);
    CHECK(v.kind == ValueKind::Bytes);
    CHECK(v.raw == data);
    CHECK(v.notes == std::vector<std::string>{
                         "malformed REG_FULL_RESOURCE_DESCRIPTOR: can't read device-specific data (4294967295 "
                         "bytes) of partial descriptor 1 of CM_FULL_RESOURCE_DESCRIPTOR at 0x30: it goes past the "
                         "end of the CM_FULL_RESOURCE_DESCRIPTOR (0x33), reading the x86 layout; shown as bytes"});
    CHECK(v.toText().starts_with("0f 00 00 00 00 00 00 00 01 00 01 00"));
}

TEST_CASE("Partial descriptors of every type are described") {
    Builder b;
    b.u32(1).u32(0xFFFFFFFF).u32(2).u16(1).u16(1).u32(9);  // Count 1; Undefined bus 2; 9 partials
    b.u8(0).u8(0).u16(0).u32(0).u32(0).u32(0);                                // Null
    b.u8(6).u8(3).u16(0).u32(0).u32(0x100).u32(0);                            // BusNumber
    b.u8(7).u8(1).u16(0x0200).u64(0x100000000ULL).u32(0x10);                  // MemoryLarge 40
    b.u8(2).u8(1).u16(0x0003).u16(0).u16(4).u32(0xfffffffe).u32(1);           // message interrupt
    b.u8(2).u8(1).u16(0).u16(9).u16(1).u32(0x29).u32(0xf);                    // interrupt, group 1
    b.u8(4).u8(1).u16(0x0082).u32(3).u32(7).u8(2).u8(0).u8(0).u8(0);          // DMA V3
    b.u8(129).u8(0).u16(0).u32(1).u32(2).u32(3);                              // DevicePrivate
    b.u8(132).u8(1).u16(0).u8(1).u8(2).u16(0).u32(0x10).u32(0x1);             // Connection
    b.u8(0x42).u8(9).u16(0x8000).u32(0xa).u32(0xb).u32(0xc);                  // unknown type
    auto described = describeResourceList(b.b, ResourceLayout::X86);
    REQUIRE(described);
    CHECK(described->notes.empty());
    CHECK(described->lines == std::vector<std::string>{
                                  "CM_RESOURCE_LIST (x86 layout): 1 full descriptor",
                                  "Full descriptor 0: interface=Undefined bus=2 version=1 revision=1 count=9",
                                  "  [0] Null share=Undetermined flags=0x0000",
                                  "  [1] BusNumber start=0 length=0x100 share=Shared flags=0x0000",
                                  "  [2] MemoryLarge start=0x100000000 length=0x1000 share=DeviceExclusive "
                                  "flags=0x0200 (READ_WRITE|LARGE_40)",
                                  "  [3] Interrupt messages=4 vector=4294967294 affinity=0x1 "
                                  "share=DeviceExclusive flags=0x0003 (LATCHED|MESSAGE)",
                                  "  [4] Interrupt level=9 group=1 vector=41 affinity=0xf share=DeviceExclusive "
                                  "flags=0x0000 (LEVEL_SENSITIVE)",
                                  "  [5] Dma channel=3 requestLine=7 transferWidth=2 share=DeviceExclusive "
                                  "flags=0x0082 (DMA_32|V3)",
                                  "  [6] DevicePrivate data=0x1,0x2,0x3 share=Undetermined flags=0x0000",
                                  "  [7] Connection class=1 type=2 id=0x100000010 share=DeviceExclusive "
                                  "flags=0x0000",
                                  "  [8] Type(0x42) data=0xa,0xb,0xc share=0x9 flags=0x8000",
                              });
}

TEST_CASE("An empty resource list is one header line") {
    auto described = describeResourceList(fromHex("00000000"));
    REQUIRE(described);
    CHECK(described->lines == std::vector<std::string>{"CM_RESOURCE_LIST (x64 layout): 0 full descriptors"});
}

TEST_CASE("Resource requirement descriptors of every type are described") {
    const auto data = requirementsList({
        ioDescriptor(0x01, 1, 1, 0x0005, {0x8, 0x8, 0x3f8, 0, 0x3ff, 0}),
        ioDescriptor(0x02, 2, 3, 0x0001, {3, 4, 1, 2, 0xff, 0}),
        ioDescriptor(0x08, 4, 0, 0x0000, {0, 7}),
        ioDescriptor(0x00, 4, 0, 0x0080, {5, 0, 2, 1}),
        ioDescriptor(0x00, 6, 3, 0x0000, {0x10, 0, 0xff}),
        ioDescriptor(0x00, 128, 0, 0x0000, {0x2000}),
        ioDescriptor(0x00, 7, 0, 0x0400, {0x10, 0x1, 0, 0x1, 0xffffffff, 0xff}),
        ioDescriptor(0x10, 0, 0, 0x0000, {}),
        ioDescriptor(0x00, 129, 0, 0x0000, {1, 2, 3}),
    });
    auto described = describeResourceRequirementsList(data);
    REQUIRE(described);
    CHECK(described->notes.empty());
    CHECK(described->lines == std::vector<std::string>{
                                  "IO_RESOURCE_REQUIREMENTS_LIST: interface=PCIBus bus=2 slot=7 alternatives=1",
                                  "Alternative list 0: version=1 revision=1 count=9",
                                  "  [0] Port option=PREFERRED length=0x8 alignment=0x8 min=0x3f8 max=0x3ff "
                                  "share=DeviceExclusive flags=0x0005 (IO|10_BIT_DECODE)",
                                  "  [1] Interrupt option=DEFAULT min=3 max=4 affinityPolicy=1 "
                                  "priorityPolicy=2 targeted=0xff share=Shared flags=0x0001 (LATCHED)",
                                  "  [2] Dma option=ALTERNATIVE min=0 max=7 share=Undetermined flags=0x0000 (DMA_8)",
                                  "  [3] Dma requestLine=5 channel=2 transferWidth=1 share=Undetermined "
                                  "flags=0x0080 (DMA_8|V3)",
                                  "  [4] BusNumber length=0x10 min=0 max=255 share=Shared flags=0x0000",
                                  "  [5] ConfigData priority=8192 share=Undetermined flags=0x0000",
                                  "  [6] MemoryLarge length=0x100000 alignment=0x10000 min=0x100000000 "
                                  "max=0xffffffffff share=Undetermined flags=0x0400 (READ_WRITE|LARGE_48)",
                                  "  [7] Null option=0x10 share=Undetermined flags=0x0000",
                                  "  [8] DevicePrivate data=0x1,0x2,0x3 share=Undetermined flags=0x0000",
                              });
}

TEST_CASE("A requirements list whose ListSize disagrees with the data is decoded with a note") {
    const auto data = requirementsList({ioDescriptor(0, 1, 1, 1, {1, 1, 0x60, 0, 0x60, 0})}, 100);
    auto described = describeResourceRequirementsList(data);
    REQUIRE(described);
    CHECK(described->notes == std::vector<std::string>{"ListSize says 100 bytes but the value has 72"});
}

TEST_CASE("Bytes after a resource list are reported, not lost") {
    auto data = kPciBootConfig;
    data.push_back(0xee);
    data.push_back(0xff);
    DecodedValue v = decodeValue(kRegResourceList, data);
    REQUIRE(v.kind == ValueKind::Resources);
    CHECK(v.raw == data);
    // 86 bytes: neither layout fits exactly; x64 fails, x86 parses.
    CHECK(v.lines[0] == "CM_RESOURCE_LIST (x86 layout): 1 full descriptor");
    CHECK(v.notes == std::vector<std::string>{"2 bytes after the end of the CM_RESOURCE_LIST at 0x54: ee ff"});
    CHECK(v.toText().ends_with("\n[2 bytes after the end of the CM_RESOURCE_LIST at 0x54: ee ff]"));
}

// ---------------------------------------------------------------------------
// Resource structures: malformed data

TEST_CASE("A resource list cut at any byte falls back to bytes without reading past the end") {
    for (size_t n = 0; n < kPciBootConfig.size(); ++n) {
        Bytes cut(kPciBootConfig.data(), n);
        DecodedValue v = decodeValue(kRegResourceList, cut);
        INFO("cut at " << n);
        CHECK(v.kind == ValueKind::Bytes);
        CHECK(v.raw.size() == n);
        REQUIRE(v.notes.size() == 1);
        CHECK(v.notes[0].starts_with("malformed REG_RESOURCE_LIST: can't read "));
        CHECK(v.notes[0].ends_with("; shown as bytes"));
    }
}

TEST_CASE("A full resource descriptor cut at any byte falls back to bytes") {
    const auto data = fullDescriptorWithDeviceData();
    for (size_t n = 0; n < data.size(); ++n) {
        DecodedValue v = decodeValue(kRegFullResourceDescriptor, Bytes(data.data(), n));
        INFO("cut at " << n);
        CHECK(v.kind == ValueKind::Bytes);
        CHECK(v.raw.size() == n);
    }
}

TEST_CASE("A requirements list cut at any byte falls back to bytes") {
    for (size_t n = 0; n < kInaccessibleRange.size(); ++n) {
        DecodedValue v = decodeValue(kRegResourceRequirementsList, Bytes(kInaccessibleRange.data(), n));
        INFO("cut at " << n);
        CHECK(v.kind == ValueKind::Bytes);
        CHECK(v.raw.size() == n);
        REQUIRE(v.notes.size() == 1);
        CHECK(v.notes[0].starts_with("malformed REG_RESOURCE_REQUIREMENTS_LIST: can't read "));
    }
}

TEST_CASE("A cut resource list names the descriptor and byte where the data ends") {
    auto r = describeResourceList(Bytes(kPciBootConfig.data(), 60));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::Truncated);
    CHECK(r.error().offset == 0x3c);
    CHECK(r.error().message ==
          "can't read partial descriptor 2 of full descriptor 0 of CM_RESOURCE_LIST at 0x3c: it goes past the "
          "end of the CM_RESOURCE_LIST (0x3c), reading the x64 layout");
    auto empty = describeResourceList(Bytes{});
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message ==
          "can't read the Count of CM_RESOURCE_LIST at 0x0: it goes past the end of the CM_RESOURCE_LIST (0x0), "
          "reading the x64 layout");
    auto io = describeResourceRequirementsList(Bytes(kInaccessibleRange.data(), 50));
    REQUIRE_FALSE(io);
    CHECK(io.error().message ==
          "can't read descriptor 0 of alternative list 0 of IO_RESOURCE_REQUIREMENTS_LIST at 0x28: it goes past "
          "the end of the IO_RESOURCE_REQUIREMENTS_LIST (0x32)");
}

TEST_CASE("Lying counts in resource structures end at the end of the data") {
    Builder lyingLists;
    lyingLists.u32(0xFFFFFFFF).u32(1).u32(0).u16(1).u16(1).u32(0);
    auto a = describeResourceList(lyingLists.b);
    REQUIRE_FALSE(a);
    CHECK(a.error().offset == 0x14);

    Builder lyingPartials;
    lyingPartials.u32(1).u32(1).u32(0).u16(1).u16(1).u32(0xFFFFFFFF).u8(1).u8(1).u16(1).u64(0x60).u32(1);
    auto b = describeResourceList(lyingPartials.b);
    REQUIRE_FALSE(b);
    CHECK(b.error().offset == 0x24);

    Builder lyingAlternatives;
    lyingAlternatives.u32(40).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0xFFFFFFFF).u16(1).u16(1).u32(0);
    auto c = describeResourceRequirementsList(lyingAlternatives.b);
    REQUIRE_FALSE(c);
    CHECK(c.error().message ==
          "can't read the header of alternative list 1 of IO_RESOURCE_REQUIREMENTS_LIST at 0x28: it goes past "
          "the end of the IO_RESOURCE_REQUIREMENTS_LIST (0x28)");
}

TEST_CASE("Random bytes as resource structures never crash and keep every byte") {
    uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return static_cast<uint8_t>(seed >> 16);
    };
    for (size_t len = 0; len < 200; ++len) {
        for (int round = 0; round < 8; ++round) {
            std::vector<uint8_t> data(len);
            for (auto& byte : data) byte = next();
            // Small counts make the structures plausible more often.
            if (len >= 4 && round % 2) {
                data[0] &= 3;
                data[1] = data[2] = data[3] = 0;
            }
            for (uint32_t type : {kRegResourceList, kRegFullResourceDescriptor, kRegResourceRequirementsList}) {
                DecodedValue v = decodeValue(type, data);
                CHECK(v.raw == data);
                if (!data.empty()) CHECK_FALSE(v.toText().empty());
            }
        }
    }
}
