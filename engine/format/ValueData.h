// Registry value data decoded for display and scripts: value types and their
// names, strings (UTF-16LE), multi-strings, numbers, bytes, and the hardware
// resource structures (CM_RESOURCE_LIST, CM_FULL_RESOURCE_DESCRIPTOR,
// IO_RESOURCE_REQUIREMENTS_LIST).
//
// Decoding never fails and never loses a byte: whatever does not fit the
// type's shape is kept (DecodedValue::raw, ::trailing) and reported in
// DecodedValue::notes; a malformed structure falls back to hex bytes with a
// note saying what went wrong and at which byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/ByteReader.h"
#include "util/Error.h"

namespace hivekit {

// Value types (winnt.h's REG_* constants; named kReg* so that they never
// collide with the Windows headers' macros).
inline constexpr uint32_t kRegNone = 0;
inline constexpr uint32_t kRegSz = 1;
inline constexpr uint32_t kRegExpandSz = 2;
inline constexpr uint32_t kRegBinary = 3;
inline constexpr uint32_t kRegDword = 4;
inline constexpr uint32_t kRegDwordBigEndian = 5;
inline constexpr uint32_t kRegLink = 6;
inline constexpr uint32_t kRegMultiSz = 7;
inline constexpr uint32_t kRegResourceList = 8;
inline constexpr uint32_t kRegFullResourceDescriptor = 9;
inline constexpr uint32_t kRegResourceRequirementsList = 10;
inline constexpr uint32_t kRegQword = 11;

/// "REG_SZ" for the twelve known types; the empty string for any other.
const char* valueTypeName(uint32_t type);

/// A printable label for any type: the name when there is one, otherwise the
/// number as "0x%08x" ("0x12345678"). parseValueType reads it back.
std::string valueTypeLabel(uint32_t type);

/// The reverse of valueTypeLabel, for `set --type`: a name, case-insensitive,
/// with or without "REG_" ("REG_SZ", "sz", "dword"; also the aliases
/// REG_DWORD_LITTLE_ENDIAN and REG_QWORD_LITTLE_ENDIAN), or a number,
/// decimal or 0x-hex, up to 0xffffffff. Fails with ErrorCode::Invalid.
[[nodiscard]] Result<uint32_t> parseValueType(std::string_view text);

/// "01 02 ff": lowercase hex, one space between bytes. When there are more
/// than maxBytes bytes, the first maxBytes are shown followed by
/// " ... (N bytes)" with N the full size.
std::string hexBytes(Bytes bytes, size_t maxBytes = SIZE_MAX);

/// "0102ff": lowercase hex without separators, every byte.
std::string hexBytesCompact(Bytes bytes);

/// "0x0000002a (42)": a number the way regedit shows DWORDs and QWORDs (at
/// least eight hex digits).
std::string formatRegNumber(uint64_t value);

/// What a DecodedValue holds.
enum class ValueKind {
    Text,       ///< REG_SZ, REG_EXPAND_SZ, REG_LINK: `text`
    TextList,   ///< REG_MULTI_SZ: `list`
    Number,     ///< REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_QWORD of the right size: `number`
    Bytes,      ///< REG_BINARY, REG_NONE, unknown types, and every fallback: `raw`
    Resources,  ///< the three resource types, decoded: `lines`
};

/// One value's data, decoded according to its type.
struct DecodedValue {
    uint32_t type = kRegNone;
    ValueKind kind = ValueKind::Bytes;
    /// Every byte of the data, whatever the kind.
    std::vector<uint8_t> raw;
    /// Text: the string up to its first NUL (or to the end), UTF-8; unpaired
    /// surrogates kept as WTF-8.
    std::string text;
    /// TextList: the strings, the final empty terminator(s) dropped.
    std::vector<std::string> list;
    /// Text: the bytes after the first NUL unit (an odd final byte
    /// included), or, without a NUL, an odd final byte. TextList: an odd
    /// final byte, which is not part of any UTF-16 unit.
    std::vector<uint8_t> trailing;
    /// Number: the value (a DWORD widened).
    uint64_t number = 0;
    /// Resources: one readable line per structure and descriptor.
    std::vector<std::string> lines;
    /// What did not fit the type's shape (no terminator, odd length, data
    /// after the terminator, a DWORD of the wrong size, a malformed
    /// structure), one sentence each.
    std::vector<std::string> notes;

    /// The display form: text; the list one string per line; a number as
    /// "0x0000002a (42)"; bytes as "01 02 ff" ("(zero-length binary value)"
    /// when empty); resource lines one per line. Each note follows on its own
    /// line as "[note]".
    std::string toText() const;
};

/// Decodes `data` as a value of `type`. Never fails; see DecodedValue.
DecodedValue decodeValue(uint32_t type, Bytes data);

/// The size of CM_PARTIAL_RESOURCE_DESCRIPTOR differs between the Windows
/// that wrote the data: 16 bytes on x86 (4-byte KAFFINITY), 20 on x64
/// (8-byte KAFFINITY, 4-byte packing). Auto tries both and takes the first
/// that accounts for the data exactly (x64, then x86), else the first that
/// parses with bytes left over.
enum class ResourceLayout { Auto, X86, X64 };

/// A resource structure in readable lines: a header line naming the
/// structure (and the layout), then one line per full descriptor or
/// alternative list, then one indented line per descriptor ("  [0] Port
/// start=0x4000 length=0x100 share=DeviceExclusive flags=0x0131 (IO|...)").
/// Notes report what does not fit (bytes after the structure, a ListSize
/// that disagrees with the data).
struct ResourceDescription {
    std::vector<std::string> lines;
    std::vector<std::string> notes;
};

/// Describes a CM_RESOURCE_LIST (REG_RESOURCE_LIST). Fails with
/// ErrorCode::Truncated, naming the field, its byte offset in the data and
/// the layout tried ("can't read partial descriptor 2 of full descriptor 0
/// of CM_RESOURCE_LIST at 0x3c: it goes past the end of the CM_RESOURCE_LIST
/// (0x3c), reading the x64 layout"; with Auto, the layout that got furthest),
/// when the structure does not fit the data (counts lying, data cut short).
/// Never reads outside `data`.
[[nodiscard]] Result<ResourceDescription> describeResourceList(
    Bytes data, ResourceLayout layout = ResourceLayout::Auto);

/// The same for a single CM_FULL_RESOURCE_DESCRIPTOR
/// (REG_FULL_RESOURCE_DESCRIPTOR).
[[nodiscard]] Result<ResourceDescription> describeFullResourceDescriptor(
    Bytes data, ResourceLayout layout = ResourceLayout::Auto);

/// The same for an IO_RESOURCE_REQUIREMENTS_LIST
/// (REG_RESOURCE_REQUIREMENTS_LIST). IO_RESOURCE_DESCRIPTOR is 32 bytes on
/// both x86 and x64, so there is no layout to choose.
[[nodiscard]] Result<ResourceDescription> describeResourceRequirementsList(Bytes data);

}  // namespace hivekit
