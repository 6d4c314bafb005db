#include "format/ValueData.h"

#include <array>
#include <cstdio>
#include <optional>

#include "format/Names.h"

namespace hivekit {

namespace {

// ---------------------------------------------------------------------------
// Type names

struct TypeName {
    uint32_t type;
    const char* name;
};

constexpr std::array<TypeName, 12> kTypeNames = {{
    {kRegNone, "REG_NONE"},
    {kRegSz, "REG_SZ"},
    {kRegExpandSz, "REG_EXPAND_SZ"},
    {kRegBinary, "REG_BINARY"},
    {kRegDword, "REG_DWORD"},
    {kRegDwordBigEndian, "REG_DWORD_BIG_ENDIAN"},
    {kRegLink, "REG_LINK"},
    {kRegMultiSz, "REG_MULTI_SZ"},
    {kRegResourceList, "REG_RESOURCE_LIST"},
    {kRegFullResourceDescriptor, "REG_FULL_RESOURCE_DESCRIPTOR"},
    {kRegResourceRequirementsList, "REG_RESOURCE_REQUIREMENTS_LIST"},
    {kRegQword, "REG_QWORD"},
}};

char upperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (upperAscii(a[i]) != upperAscii(b[i])) return false;
    return true;
}

/// Decimal or 0x-hex, no sign, no spaces, at most 0xffffffff.
std::optional<uint32_t> parseNumber(std::string_view text) {
    unsigned base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    }
    if (text.empty()) return std::nullopt;
    uint64_t value = 0;
    for (char c : text) {
        unsigned digit;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
        value = value * base + digit;
        if (value > 0xFFFFFFFFu) return std::nullopt;
    }
    return static_cast<uint32_t>(value);
}

// ---------------------------------------------------------------------------
// Small formatting helpers

std::string hexNumber(uint64_t value) { return hexOffset(value); }

std::string hexPadded(uint64_t value, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%0*llx", digits, static_cast<unsigned long long>(value));
    return buf;
}

std::string dec(uint64_t value) { return std::to_string(value); }

/// Hex of at most this many bytes inside notes and descriptor lines.
constexpr size_t kNoteHexBytes = 32;

// ---------------------------------------------------------------------------
// Strings

std::string decodeUnits(Bytes data, size_t firstUnit, size_t endUnit) {
    return utf16leToUtf8(data.subspan(firstUnit * 2, (endUnit - firstUnit) * 2));
}

bool isNulUnit(Bytes data, size_t unit) { return data[unit * 2] == 0 && data[unit * 2 + 1] == 0; }

std::string oddByteNote(Bytes data) {
    return "odd length (" + dec(data.size()) + " bytes): the last byte " + hexPadded(data.back(), 2) +
           " is not part of a UTF-16 unit";
}

void decodeText(DecodedValue& v, Bytes data) {
    v.kind = ValueKind::Text;
    const size_t units = data.size() / 2;
    size_t nul = units;
    for (size_t i = 0; i < units; ++i) {
        if (isNulUnit(data, i)) {
            nul = i;
            break;
        }
    }
    v.text = decodeUnits(data, 0, nul);
    if (nul < units) {
        Bytes rest = data.subspan(nul * 2 + 2);
        v.trailing.assign(rest.begin(), rest.end());
        if (rest.empty()) return;
        bool allZero = true;
        for (uint8_t b : rest) allZero = allZero && b == 0;
        if (allZero)
            v.notes.push_back(dec(rest.size()) + " zero bytes after the terminator");
        else
            v.notes.push_back("trailing data after the terminator (" + dec(rest.size()) +
                              " bytes at " + hexNumber(nul * 2 + 2) + "): " + hexBytes(rest, kNoteHexBytes));
        return;
    }
    if (data.empty()) return;
    v.notes.push_back("no NUL terminator");
    if (data.size() % 2 != 0) {
        v.trailing.push_back(data.back());
        v.notes.push_back(oddByteNote(data));
    }
}

void decodeMultiText(DecodedValue& v, Bytes data) {
    v.kind = ValueKind::TextList;
    const size_t units = data.size() / 2;
    size_t start = 0;
    for (size_t i = 0; i < units; ++i) {
        if (!isNulUnit(data, i)) continue;
        v.list.push_back(decodeUnits(data, start, i));
        start = i + 1;
    }
    const bool unterminated = start < units;
    if (unterminated) v.list.push_back(decodeUnits(data, start, units));
    // The terminators of the list (one empty string or several) are dropped.
    while (!v.list.empty() && v.list.back().empty()) v.list.pop_back();
    for (size_t i = 0; i < v.list.size(); ++i)
        if (v.list[i].empty())
            v.notes.push_back("empty string at position " + dec(i) + ": Windows ends the list there");
    if (unterminated) v.notes.push_back("the last string has no NUL terminator");
    if (data.size() % 2 != 0) {
        v.trailing.push_back(data.back());
        v.notes.push_back(oddByteNote(data));
    }
}

// ---------------------------------------------------------------------------
// Resource structures: names of the enumerations and flags

const char* interfaceName(int32_t type) {
    switch (type) {
    case -1: return "Undefined";
    case 0: return "Internal";
    case 1: return "Isa";
    case 2: return "Eisa";
    case 3: return "MicroChannel";
    case 4: return "TurboChannel";
    case 5: return "PCIBus";
    case 6: return "VMEBus";
    case 7: return "NuBus";
    case 8: return "PCMCIABus";
    case 9: return "CBus";
    case 10: return "MPIBus";
    case 11: return "MPSABus";
    case 12: return "ProcessorInternal";
    case 13: return "InternalPowerBus";
    case 14: return "PNPISABus";
    case 15: return "PNPBus";
    case 16: return "Vmcs";
    case 17: return "ACPIBus";
    default: return nullptr;
    }
}

std::string interfaceText(uint32_t raw) {
    const char* name = interfaceName(static_cast<int32_t>(raw));
    return name ? name : hexNumber(raw);
}

std::string shareText(uint8_t share) {
    switch (share) {
    case 0: return "Undetermined";
    case 1: return "DeviceExclusive";
    case 2: return "DriverExclusive";
    case 3: return "Shared";
    default: return hexNumber(share);
    }
}

// CmResourceType* values, shared by CM_ and IO_ descriptors.
constexpr uint8_t kResNull = 0;
constexpr uint8_t kResPort = 1;
constexpr uint8_t kResInterrupt = 2;
constexpr uint8_t kResMemory = 3;
constexpr uint8_t kResDma = 4;
constexpr uint8_t kResDeviceSpecific = 5;
constexpr uint8_t kResBusNumber = 6;
constexpr uint8_t kResMemoryLarge = 7;
constexpr uint8_t kResConfigData = 128;  // also CmResourceTypeNonArbitrated
constexpr uint8_t kResDevicePrivate = 129;
constexpr uint8_t kResPcCardConfig = 130;
constexpr uint8_t kResMfCardConfig = 131;
constexpr uint8_t kResConnection = 132;

constexpr uint16_t kInterruptMessage = 0x0002;  // CM_RESOURCE_INTERRUPT_MESSAGE
constexpr uint16_t kDmaV3 = 0x0080;             // CM_RESOURCE_DMA_V3
constexpr uint16_t kMemoryLarge40 = 0x0200;     // CM_RESOURCE_MEMORY_LARGE_40
constexpr uint16_t kMemoryLarge48 = 0x0400;
constexpr uint16_t kMemoryLarge64 = 0x0800;

std::string typeText(uint8_t type) {
    switch (type) {
    case kResNull: return "Null";
    case kResPort: return "Port";
    case kResInterrupt: return "Interrupt";
    case kResMemory: return "Memory";
    case kResDma: return "Dma";
    case kResDeviceSpecific: return "DeviceSpecific";
    case kResBusNumber: return "BusNumber";
    case kResMemoryLarge: return "MemoryLarge";
    case kResConfigData: return "ConfigData";
    case kResDevicePrivate: return "DevicePrivate";
    case kResPcCardConfig: return "PcCardConfig";
    case kResMfCardConfig: return "MfCardConfig";
    case kResConnection: return "Connection";
    default: return "Type(" + hexNumber(type) + ")";
    }
}

struct FlagName {
    uint16_t bit;
    const char* name;
};

constexpr FlagName kPortFlags[] = {
    {0x0004, "10_BIT_DECODE"}, {0x0008, "12_BIT_DECODE"},   {0x0010, "16_BIT_DECODE"},
    {0x0020, "POSITIVE_DECODE"}, {0x0040, "PASSIVE_DECODE"}, {0x0080, "WINDOW_DECODE"},
    {0x0100, "BAR"},
};
constexpr FlagName kInterruptFlags[] = {
    {0x0002, "MESSAGE"}, {0x0004, "POLICY_INCLUDED"}, {0x0010, "SECONDARY_INTERRUPT"}, {0x0020, "WAKE_HINT"},
};
constexpr FlagName kMemoryFlags[] = {
    {0x0004, "PREFETCHABLE"},  {0x0008, "COMBINEDWRITE"},  {0x0010, "MEMORY_24"},
    {0x0020, "CACHEABLE"},     {0x0040, "WINDOW_DECODE"},  {0x0080, "BAR"},
    {0x0100, "COMPAT_FOR_INACCESSIBLE_RANGE"},             {0x0200, "LARGE_40"},
    {0x0400, "LARGE_48"},      {0x0800, "LARGE_64"},
};
constexpr FlagName kDmaFlags[] = {
    {0x0004, "DMA_8_AND_16"}, {0x0008, "BUS_MASTER"}, {0x0010, "TYPE_A"},
    {0x0020, "TYPE_B"},   {0x0040, "TYPE_F"},     {0x0080, "V3"},
};

template <size_t N>
void appendFlags(std::string& names, uint16_t& rest, const FlagName (&table)[N]) {
    for (const FlagName& f : table) {
        if (!(rest & f.bit)) continue;
        if (!names.empty()) names += '|';
        names += f.name;
        rest = static_cast<uint16_t>(rest & ~f.bit);
    }
}

/// "flags=0x0131 (IO|16_BIT_DECODE|POSITIVE_DECODE|BAR)"; bits without a
/// name appear as a hex remainder; types without named flags get the number.
std::string flagsText(uint8_t type, uint16_t flags) {
    std::string names;
    uint16_t rest = flags;
    switch (type) {
    case kResPort:
        names = (flags & 0x0001) ? "IO" : "MEMORY";
        rest &= static_cast<uint16_t>(~0x0001);
        appendFlags(names, rest, kPortFlags);
        break;
    case kResInterrupt:
        names = (flags & 0x0001) ? "LATCHED" : "LEVEL_SENSITIVE";
        rest &= static_cast<uint16_t>(~0x0001);
        appendFlags(names, rest, kInterruptFlags);
        break;
    case kResMemory:
    case kResMemoryLarge: {
        static constexpr const char* kAccess[] = {"READ_WRITE", "READ_ONLY", "WRITE_ONLY", "READ_ONLY|WRITE_ONLY"};
        names = kAccess[flags & 0x0003];
        rest &= static_cast<uint16_t>(~0x0003);
        appendFlags(names, rest, kMemoryFlags);
        break;
    }
    case kResDma: {
        static constexpr const char* kWidth[] = {"DMA_8", "DMA_16", "DMA_32", "DMA_WIDTH_3"};
        names = kWidth[flags & 0x0003];
        rest &= static_cast<uint16_t>(~0x0003);
        appendFlags(names, rest, kDmaFlags);
        break;
    }
    default:
        return "flags=" + hexPadded(flags, 4);
    }
    if (rest) names += '|' + hexNumber(rest);
    return "flags=" + hexPadded(flags, 4) + " (" + names + ")";
}

std::string optionText(uint8_t option) {
    std::string names;
    uint8_t rest = option;
    static constexpr struct {
        uint8_t bit;
        const char* name;
    } kOptions[] = {{0x01, "PREFERRED"}, {0x02, "DEFAULT"}, {0x08, "ALTERNATIVE"}};
    for (const auto& o : kOptions) {
        if (!(rest & o.bit)) continue;
        if (!names.empty()) names += '|';
        names += o.name;
        rest = static_cast<uint8_t>(rest & ~o.bit);
    }
    if (rest) {
        if (!names.empty()) names += '|';
        names += hexNumber(rest);
    }
    return "option=" + names;
}

/// The size multiplier of a MemoryLarge descriptor's 32-bit length field.
unsigned memoryLargeShift(uint16_t flags) {
    if (flags & kMemoryLarge64) return 32;
    if (flags & kMemoryLarge48) return 16;
    if (flags & kMemoryLarge40) return 8;
    return 0;
}

std::string dwordsText(ByteReader& r, size_t off, size_t count) {
    std::string s = "data=";
    for (size_t i = 0; i < count; ++i) {
        if (i) s += ',';
        s += hexNumber(r.u32(off + 4 * i));
    }
    return s;
}

std::string where(const std::string& field, const std::string& of) { return field + " of " + of; }

// ---------------------------------------------------------------------------
// CM_RESOURCE_LIST and CM_FULL_RESOURCE_DESCRIPTOR
//
// CM_RESOURCE_LIST:             Count u32, then Count full descriptors
// CM_FULL_RESOURCE_DESCRIPTOR:  InterfaceType i32, BusNumber u32, then a
//                               CM_PARTIAL_RESOURCE_LIST
// CM_PARTIAL_RESOURCE_LIST:     Version u16, Revision u16, Count u32, then
//                               Count partial descriptors
// CM_PARTIAL_RESOURCE_DESCRIPTOR: Type u8, ShareDisposition u8, Flags u16,
//                               then a union of 12 bytes (x86) or 16 (x64:
//                               the interrupt's KAFFINITY is 8 bytes, packed
//                               at offset 12). DeviceSpecific descriptors
//                               are followed by DataSize bytes of data.

constexpr size_t kFullHeaderSize = 16;
constexpr size_t kPartialUnion = 4;  // offset of the union in a descriptor

struct CmParse {
    ResourceDescription out;
    size_t end = 0;  // bytes consumed
    bool ok = false;
    Error error;
};

size_t partialSize(bool x64) { return x64 ? 20 : 16; }

/// Reads one partial descriptor at `off`; advances `off` past it (and past
/// its device-specific data). False when it does not fit.
bool parsePartial(ByteReader& r, size_t& off, bool x64, const std::string& name, ResourceDescription& out) {
    const size_t size = partialSize(x64);
    r.span(off, size, name.c_str());
    if (!r.ok()) return false;
    const uint8_t type = r.u8(off);
    const uint8_t share = r.u8(off + 1);
    const uint16_t flags = r.u16(off + 2);
    const size_t u = off + kPartialUnion;
    std::string line = typeText(type);
    switch (type) {
    case kResNull:
        break;
    case kResPort:
    case kResMemory:
        line += " start=" + hexNumber(r.u64(u)) + " length=" + hexNumber(r.u32(u + 8));
        break;
    case kResMemoryLarge:
        line += " start=" + hexNumber(r.u64(u)) +
                " length=" + hexNumber(static_cast<uint64_t>(r.u32(u + 8)) << memoryLargeShift(flags));
        break;
    case kResInterrupt: {
        const uint64_t affinity = x64 ? r.u64(u + 8) : r.u32(u + 8);
        if (flags & kInterruptMessage) {
            line += " messages=" + dec(r.u16(u + 2));
        } else {
            line += " level=" + dec(r.u16(u));
            if (const uint16_t group = r.u16(u + 2)) line += " group=" + dec(group);
        }
        line += " vector=" + dec(r.u32(u + 4)) + " affinity=" + hexNumber(affinity);
        break;
    }
    case kResDma:
        if (flags & kDmaV3)
            line += " channel=" + dec(r.u32(u)) + " requestLine=" + dec(r.u32(u + 4)) +
                    " transferWidth=" + dec(r.u8(u + 8));
        else
            line += " channel=" + dec(r.u32(u)) + " port=" + dec(r.u32(u + 4));
        break;
    case kResBusNumber:
        line += " start=" + dec(r.u32(u)) + " length=" + hexNumber(r.u32(u + 4));
        break;
    case kResConnection:
        line += " class=" + dec(r.u8(u)) + " type=" + dec(r.u8(u + 1)) +
                " id=" + hexNumber((static_cast<uint64_t>(r.u32(u + 8)) << 32) | r.u32(u + 4));
        break;
    case kResDeviceSpecific: {
        const uint32_t dataSize = r.u32(u);
        const std::string dataName = "device-specific data (" + dec(dataSize) + " bytes) of " + name;
        Bytes data = r.span(off + size, dataSize, dataName.c_str());
        if (!r.ok()) return false;
        line += " size=" + dec(dataSize);
        if (dataSize) line += " data=" + hexBytes(data, kNoteHexBytes);
        off += dataSize;
        break;
    }
    default:
        line += " " + dwordsText(r, u, 3);
        break;
    }
    line += " share=" + shareText(share) + " " + flagsText(type, flags);
    out.lines.push_back(std::move(line));
    off += size;
    return r.ok();
}

/// Reads one full descriptor at `off` (index < 0: the value is a single full
/// descriptor, not part of a list). Names in messages are relative to the
/// structure the reader names ("partial descriptor 3 of full descriptor 0").
bool parseFull(ByteReader& r, size_t& off, bool x64, long index, ResourceDescription& out) {
    const std::string name = index < 0 ? std::string() : "full descriptor " + dec(uint64_t(index));
    auto within = [&](const std::string& field) { return name.empty() ? field : where(field, name); };
    r.span(off, kFullHeaderSize, within("the header").c_str());
    if (!r.ok()) return false;
    const uint32_t interface = r.u32(off);
    const uint32_t bus = r.u32(off + 4);
    const uint16_t version = r.u16(off + 8);
    const uint16_t revision = r.u16(off + 10);
    const uint32_t count = r.u32(off + 12);
    std::string line = index < 0 ? std::string("Full descriptor:") : "Full descriptor " + dec(uint64_t(index)) + ":";
    line += " interface=" + interfaceText(interface) + " bus=" + dec(bus) + " version=" + dec(version) +
            " revision=" + dec(revision) + " count=" + dec(count);
    out.lines.push_back(std::move(line));
    off += kFullHeaderSize;
    // Each descriptor consumes at least 16 bytes, so a lying count ends at
    // the end of the data.
    for (uint32_t i = 0; i < count; ++i) {
        const size_t before = out.lines.size();
        if (!parsePartial(r, off, x64, within("partial descriptor " + dec(i)), out)) return false;
        out.lines[before] = "  [" + dec(i) + "] " + out.lines[before];
    }
    return true;
}

CmParse parseCm(Bytes data, bool x64, bool list) {
    CmParse p;
    const std::string what = list ? "CM_RESOURCE_LIST" : "CM_FULL_RESOURCE_DESCRIPTOR";
    ByteReader r(data, 0, what.c_str());
    const char* layoutName = x64 ? "x64 layout" : "x86 layout";
    size_t off = 0;
    if (list) {
        const uint32_t count = r.u32(0, "the Count");
        if (!r.ok()) {
            p.error = r.error();
            p.error.message += std::string(", reading the ") + layoutName;
            return p;
        }
        p.out.lines.push_back(what + " (" + layoutName + "): " + dec(count) +
                              (count == 1 ? " full descriptor" : " full descriptors"));
        off = 4;
        for (uint32_t i = 0; i < count; ++i) {
            if (!parseFull(r, off, x64, static_cast<long>(i), p.out)) break;
        }
    } else {
        p.out.lines.push_back(what + " (" + layoutName + ")");
        parseFull(r, off, x64, -1, p.out);
    }
    if (!r.ok()) {
        p.error = r.error();
        p.error.message += std::string(", reading the ") + layoutName;
        return p;
    }
    p.ok = true;
    p.end = off;
    return p;
}

void noteTrailing(ResourceDescription& out, Bytes data, size_t end, const std::string& what) {
    if (end >= data.size()) return;
    Bytes rest = data.subspan(end);
    out.notes.push_back(dec(rest.size()) + " bytes after the end of the " + what + " at " + hexNumber(end) +
                        ": " + hexBytes(rest, kNoteHexBytes));
}

Result<ResourceDescription> describeCm(Bytes data, ResourceLayout layout, bool list) {
    const std::string what = list ? "CM_RESOURCE_LIST" : "CM_FULL_RESOURCE_DESCRIPTOR";
    std::vector<CmParse> tries;
    if (layout != ResourceLayout::X86) tries.push_back(parseCm(data, true, list));
    if (layout != ResourceLayout::X64) tries.push_back(parseCm(data, false, list));
    const CmParse* chosen = nullptr;
    for (const CmParse& t : tries)
        if (!chosen && t.ok && t.end == data.size()) chosen = &t;
    for (const CmParse& t : tries)
        if (!chosen && t.ok) chosen = &t;
    if (!chosen) {
        // Report the attempt that got furthest into the data (x64 on a tie).
        const CmParse* best = &tries.front();
        for (const CmParse& t : tries)
            if (t.error.offset != Error::kNoOffset && t.error.offset > best->error.offset) best = &t;
        return std::unexpected(best->error);
    }
    ResourceDescription out = chosen->out;
    noteTrailing(out, data, chosen->end, what);
    return out;
}

// ---------------------------------------------------------------------------
// IO_RESOURCE_REQUIREMENTS_LIST
//
// Header (32 bytes): ListSize u32, InterfaceType i32, BusNumber u32,
//   SlotNumber u32, Reserved u32[3], AlternativeLists u32; then
//   AlternativeLists IO_RESOURCE_LISTs.
// IO_RESOURCE_LIST: Version u16, Revision u16, Count u32, then Count
//   IO_RESOURCE_DESCRIPTORs.
// IO_RESOURCE_DESCRIPTOR (32 bytes): Option u8, Type u8, ShareDisposition
//   u8, Spare1 u8, Flags u16, Spare2 u16, then a union of 24 bytes.

constexpr size_t kIoHeaderSize = 32;
constexpr size_t kIoListHeaderSize = 8;
constexpr size_t kIoDescriptorSize = 32;
constexpr size_t kIoUnion = 8;

std::string ioDescriptorLine(ByteReader& r, size_t off) {
    const uint8_t option = r.u8(off);
    const uint8_t type = r.u8(off + 1);
    const uint8_t share = r.u8(off + 2);
    const uint16_t flags = r.u16(off + 4);
    const size_t u = off + kIoUnion;
    std::string line = typeText(type);
    if (option) line += " " + optionText(option);
    switch (type) {
    case kResNull:
        break;
    case kResPort:
    case kResMemory:
        line += " length=" + hexNumber(r.u32(u)) + " alignment=" + hexNumber(r.u32(u + 4)) +
                " min=" + hexNumber(r.u64(u + 8)) + " max=" + hexNumber(r.u64(u + 16));
        break;
    case kResMemoryLarge: {
        const unsigned shift = memoryLargeShift(flags);
        line += " length=" + hexNumber(static_cast<uint64_t>(r.u32(u)) << shift) +
                " alignment=" + hexNumber(static_cast<uint64_t>(r.u32(u + 4)) << shift) +
                " min=" + hexNumber(r.u64(u + 8)) + " max=" + hexNumber(r.u64(u + 16));
        break;
    }
    case kResInterrupt: {
        line += " min=" + dec(r.u32(u)) + " max=" + dec(r.u32(u + 4));
        // Newer Windows adds the policy fields; on x86 the last four bytes
        // are padding, normally zero.
        if (const uint16_t policy = r.u16(u + 8)) line += " affinityPolicy=" + dec(policy);
        if (const uint16_t group = r.u16(u + 10)) line += " group=" + dec(group);
        if (const uint32_t priority = r.u32(u + 12)) line += " priorityPolicy=" + dec(priority);
        if (const uint64_t targeted = r.u64(u + 16)) line += " targeted=" + hexNumber(targeted);
        break;
    }
    case kResDma:
        if (flags & kDmaV3)
            line += " requestLine=" + dec(r.u32(u)) + " channel=" + dec(r.u32(u + 8)) +
                    " transferWidth=" + dec(r.u32(u + 12));
        else
            line += " min=" + dec(r.u32(u)) + " max=" + dec(r.u32(u + 4));
        break;
    case kResBusNumber:
        line += " length=" + hexNumber(r.u32(u)) + " min=" + dec(r.u32(u + 4)) + " max=" + dec(r.u32(u + 8));
        break;
    case kResConfigData:
        line += " priority=" + dec(r.u32(u));
        break;
    default:
        line += " " + dwordsText(r, u, 3);
        break;
    }
    line += " share=" + shareText(share) + " " + flagsText(type, flags);
    return line;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API

const char* valueTypeName(uint32_t type) {
    for (const TypeName& t : kTypeNames)
        if (t.type == type) return t.name;
    return "";
}

std::string valueTypeLabel(uint32_t type) {
    const char* name = valueTypeName(type);
    return *name ? std::string(name) : hexPadded(type, 8);
}

Result<uint32_t> parseValueType(std::string_view text) {
    if (auto number = parseNumber(text)) return *number;
    std::string_view bare = text;
    if (bare.size() > 4 && equalsIgnoreCase(bare.substr(0, 4), "REG_")) bare.remove_prefix(4);
    for (const TypeName& t : kTypeNames)
        if (equalsIgnoreCase(bare, std::string_view(t.name).substr(4))) return t.type;
    if (equalsIgnoreCase(bare, "DWORD_LITTLE_ENDIAN")) return kRegDword;
    if (equalsIgnoreCase(bare, "QWORD_LITTLE_ENDIAN")) return kRegQword;
    return fail(ErrorCode::Invalid, "unknown value type '" + std::string(text) +
                                        "': expected a name such as REG_SZ or a number such as 0x4");
}

std::string hexBytes(Bytes bytes, size_t maxBytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const size_t shown = bytes.size() < maxBytes ? bytes.size() : maxBytes;
    std::string s;
    s.reserve(shown * 3 + 24);
    for (size_t i = 0; i < shown; ++i) {
        if (i) s += ' ';
        s += kDigits[bytes[i] >> 4];
        s += kDigits[bytes[i] & 0xF];
    }
    if (shown < bytes.size()) {
        if (shown) s += ' ';
        s += "... (" + dec(bytes.size()) + " bytes)";
    }
    return s;
}

std::string hexBytesCompact(Bytes bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    s.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        s += kDigits[b >> 4];
        s += kDigits[b & 0xF];
    }
    return s;
}

std::string formatRegNumber(uint64_t value) { return hexPadded(value, 8) + " (" + dec(value) + ")"; }

std::string DecodedValue::toText() const {
    std::string s;
    switch (kind) {
    case ValueKind::Text:
        s = text;
        break;
    case ValueKind::TextList:
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) s += '\n';
            s += list[i];
        }
        break;
    case ValueKind::Number:
        s = formatRegNumber(number);
        break;
    case ValueKind::Bytes:
        s = raw.empty() ? "(zero-length binary value)" : hexBytes(raw);
        break;
    case ValueKind::Resources:
        for (size_t i = 0; i < lines.size(); ++i) {
            if (i) s += '\n';
            s += lines[i];
        }
        break;
    }
    for (const std::string& note : notes) {
        if (!s.empty()) s += '\n';
        s += "[" + note + "]";
    }
    return s;
}

Result<ResourceDescription> describeResourceList(Bytes data, ResourceLayout layout) {
    return describeCm(data, layout, true);
}

Result<ResourceDescription> describeFullResourceDescriptor(Bytes data, ResourceLayout layout) {
    return describeCm(data, layout, false);
}

Result<ResourceDescription> describeResourceRequirementsList(Bytes data) {
    const char* what = "IO_RESOURCE_REQUIREMENTS_LIST";
    ByteReader r(data, 0, what);
    r.span(0, kIoHeaderSize, "the header");
    if (!r.ok()) return std::unexpected(r.error());
    const uint32_t listSize = r.u32(0);
    const uint32_t interface = r.u32(4);
    const uint32_t bus = r.u32(8);
    const uint32_t slot = r.u32(12);
    const uint32_t alternatives = r.u32(28);
    ResourceDescription out;
    out.lines.push_back(std::string(what) + ": interface=" + interfaceText(interface) + " bus=" + dec(bus) +
                        " slot=" + dec(slot) + " alternatives=" + dec(alternatives));
    size_t off = kIoHeaderSize;
    // Each list consumes at least 8 bytes: a lying count ends at the end.
    for (uint32_t a = 0; a < alternatives; ++a) {
        const std::string listName = "alternative list " + dec(a);
        r.span(off, kIoListHeaderSize, where("the header", listName).c_str());
        if (!r.ok()) return std::unexpected(r.error());
        const uint16_t version = r.u16(off);
        const uint16_t revision = r.u16(off + 2);
        const uint32_t count = r.u32(off + 4);
        out.lines.push_back("Alternative list " + dec(a) + ": version=" + dec(version) +
                            " revision=" + dec(revision) + " count=" + dec(count));
        off += kIoListHeaderSize;
        for (uint32_t i = 0; i < count; ++i) {
            r.span(off, kIoDescriptorSize, where("descriptor " + dec(i), listName).c_str());
            if (!r.ok()) return std::unexpected(r.error());
            out.lines.push_back("  [" + dec(i) + "] " + ioDescriptorLine(r, off));
            off += kIoDescriptorSize;
        }
    }
    if (listSize != data.size())
        out.notes.push_back("ListSize says " + dec(listSize) + " bytes but the value has " + dec(data.size()));
    noteTrailing(out, data, off, what);
    return out;
}

DecodedValue decodeValue(uint32_t type, Bytes data) {
    DecodedValue v;
    v.type = type;
    v.raw.assign(data.begin(), data.end());
    v.kind = ValueKind::Bytes;
    auto number = [&](size_t expected, uint64_t value) {
        if (data.size() == expected) {
            v.kind = ValueKind::Number;
            v.number = value;
            return;
        }
        v.notes.push_back(std::string(valueTypeName(type)) + " data is " + dec(data.size()) +
                          " bytes, expected " + dec(expected) + ": shown as bytes");
    };
    auto resources = [&](Result<ResourceDescription> described) {
        if (described) {
            v.kind = ValueKind::Resources;
            v.lines = std::move(described->lines);
            v.notes = std::move(described->notes);
            return;
        }
        v.notes.push_back("malformed " + std::string(valueTypeName(type)) + ": " + described.error().message +
                          "; shown as bytes");
    };
    switch (type) {
    case kRegSz:
    case kRegExpandSz:
    case kRegLink:
        decodeText(v, data);
        break;
    case kRegMultiSz:
        decodeMultiText(v, data);
        break;
    case kRegDword:
        number(4, data.size() == 4 ? loadU32(data.data()) : 0);
        break;
    case kRegDwordBigEndian:
        number(4, data.size() == 4 ? (uint32_t{data[0]} << 24) | (uint32_t{data[1]} << 16) |
                                         (uint32_t{data[2]} << 8) | uint32_t{data[3]}
                                   : 0);
        break;
    case kRegQword:
        number(8, data.size() == 8 ? loadU64(data.data()) : 0);
        break;
    case kRegResourceList:
        resources(describeResourceList(data));
        break;
    case kRegFullResourceDescriptor:
        resources(describeFullResourceDescriptor(data));
        break;
    case kRegResourceRequirementsList:
        resources(describeResourceRequirementsList(data));
        break;
    default:
        break;  // REG_NONE, REG_BINARY, unknown types: bytes
    }
    return v;
}

}  // namespace hivekit
