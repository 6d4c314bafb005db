#include "artefacts/ShimCache.h"

#include "format/Names.h"

namespace hivekit::artefacts {

namespace {

// First dwords.
constexpr uint32_t kXpSignature = 0xDEADBEEF;
constexpr uint32_t k2003Signature = 0xBADC0FFE;
constexpr uint32_t k7Signature = 0xBADC0FEE;
constexpr uint32_t k8HeaderSize = 0x80;
constexpr uint32_t k10HeaderSize = 0x30;
constexpr uint32_t k10CreatorsHeaderSize = 0x34;  // 1703 and later

// Entry tags of 8 and later, read as little-endian dwords.
constexpr uint32_t kTag80 = 0x73743030;  // "00ts"
constexpr uint32_t kTag81 = 0x73743031;  // "10ts"

// XP: 400-byte header (signature, count, LRU list), then 552-byte entries:
// 0 path (UTF-16, NUL-terminated, MAX_PATH + 4 units), 528 last modified,
// 536 file size (u64), 544 last update.
constexpr size_t kXpHeader = 400;
constexpr size_t kXpEntry = 552;
constexpr size_t kXpPathBytes = 528;

// 2003/Vista: 8-byte header (signature, count). 7: 128-byte header. Each
// entry starts with a UNICODE_STRING (length, maximum length, buffer
// offset from the start of the value), then the last-modified FILETIME.
constexpr size_t k2003Header = 8;
constexpr size_t k7Header = 128;

// The insert flag that marks an executed file (Vista, 7, 8).
constexpr uint32_t kExecutedFlag = 0x2;

// Reading more entries than this means the count is garbage; the value is
// at most a few hundred KiB on any Windows.
constexpr uint32_t kMaxEntries = 100'000;

std::string hex32(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

/// UTF-16LE up to the first NUL unit.
std::string pathUpToNul(Bytes bytes) {
    size_t units = 0;
    while (units * 2 + 1 < bytes.size() && (bytes[units * 2] != 0 || bytes[units * 2 + 1] != 0)) ++units;
    return utf16leToUtf8(bytes.subspan(0, units * 2));
}

/// Reads a path a UNICODE_STRING points at; notes where it cannot.
std::string pathAt(ByteReader& whole, uint64_t offset, uint16_t length, ShimCacheEntry& entry) {
    if (!whole.has(offset, length)) {
        entry.note = "the path (" + std::to_string(length) + " bytes at " + hex32(uint32_t(offset)) +
                     ") lies outside the value (" + std::to_string(whole.size()) + " bytes)";
        return {};
    }
    return utf16leToUtf8(whole.bytes().subspan(offset, length));
}

void parseXp(ByteReader& r, ShimCache& out) {
    out.declaredEntries = r.u32(4);
    const size_t fit = r.size() < kXpHeader ? 0 : (r.size() - kXpHeader) / kXpEntry;
    const uint32_t count = out.declaredEntries;
    for (uint32_t i = 0; i < count && i < kMaxEntries; ++i) {
        const size_t at = kXpHeader + size_t{i} * kXpEntry;
        if (i >= fit) {
            out.note = "the header counts " + std::to_string(count) + " entries; the value (" +
                       std::to_string(r.size()) + " bytes) holds " + std::to_string(fit) + " of 552 bytes";
            return;
        }
        ShimCacheEntry e;
        e.position = i;
        e.path = pathUpToNul(r.span(at, kXpPathBytes));
        e.lastModified = r.u64(at + 528);
        e.fileSize = r.u64(at + 536);
        e.lastUpdate = r.u64(at + 544);
        out.entries.push_back(std::move(e));
    }
}

// Both the 2003/Vista and the 7 layouts: a count, then fixed-size entries
// whose size depends on the word size. A 32-bit entry holds the path's
// buffer offset right after the two lengths; a 64-bit one has 4 bytes of
// padding (zero) there first. That is how the two are told apart.
void parseFixedEntries(ByteReader& r, ShimCache& out, size_t header) {
    const bool seven = out.format == ShimCacheFormat::Windows7;
    out.declaredEntries = r.u32(4);
    if (out.declaredEntries == 0) return;
    const uint32_t afterLengths = r.u32(header + 4);
    if (!r.ok()) {
        out.note = "the value is " + std::to_string(r.size()) + " bytes: too short for its first entry at " +
                   hex32(uint32_t(header));
        return;
    }
    out.is64Bit = afterLengths == 0;
    const size_t entrySize = seven ? (out.is64Bit ? 48 : 32) : (out.is64Bit ? 32 : 24);
    for (uint32_t i = 0; i < out.declaredEntries && i < kMaxEntries; ++i) {
        const size_t at = header + size_t{i} * entrySize;
        if (!r.has(at, entrySize)) {
            out.note = "the header counts " + std::to_string(out.declaredEntries) + " entries; entry " +
                       std::to_string(i) + " at " + hex32(uint32_t(at)) + " needs " + std::to_string(entrySize) +
                       " bytes and the value ends at " + hex32(uint32_t(r.size()));
            return;
        }
        ShimCacheEntry e;
        e.position = i;
        const uint16_t length = r.u16(at);
        const uint64_t pathOffset = out.is64Bit ? r.u64(at + 8) : r.u32(at + 4);
        const size_t rest = at + (out.is64Bit ? 16 : 8);  // after the UNICODE_STRING
        e.path = pathAt(r, pathOffset, length, e);
        e.lastModified = r.u64(rest);
        if (seven) {
            // insert flags, shim flags, then the shim data's size and offset
            // (u32 each on 32-bit, u64 each on 64-bit).
            e.executed = (r.u32(rest + 8) & kExecutedFlag) != 0;
            e.dataSize = out.is64Bit ? r.u64(rest + 16) : r.u32(rest + 16);
        } else {
            // Server 2003 stores the file size here; Vista two flag dwords
            // (insert flags, shim flags). Flags are small numbers and no file
            // of interest is under 4 bytes, so a value below 4 is flags.
            const uint64_t sizeOrFlags = r.u64(rest + 8);
            if (sizeOrFlags < 4)
                e.executed = (sizeOrFlags & kExecutedFlag) != 0;
            else if ((sizeOrFlags >> 32) == 0)
                e.fileSize = sizeOrFlags;
            else
                e.executed = (uint32_t(sizeOrFlags) & kExecutedFlag) != 0;
        }
        out.entries.push_back(std::move(e));
    }
}

// 8, 8.1 and 10: tagged, variable-size entries after the header. Each is a
// tag, a dword (a hash of the entry), the size of what follows, then the
// path length and path. 8.x continues with the package name (length and
// UTF-16), insert flags, shim flags, last modified, data size and data; 10
// has no package or flags: last modified, data size, data.
void parseTagged(ByteReader& r, ShimCache& out, size_t header) {
    if (r.size() < header) {
        out.note = "the value is " + std::to_string(r.size()) + " bytes: shorter than its " +
                   std::to_string(header) + "-byte header";
        return;
    }
    size_t at = header;
    for (uint32_t i = 0; at < r.size() && i < kMaxEntries; ++i) {
        if (!r.has(at, 12)) {
            out.note = "the value ends " + std::to_string(r.size() - at) + " bytes into entry " +
                       std::to_string(i) + "'s 12-byte head at " + hex32(uint32_t(at));
            return;
        }
        const uint32_t tag = r.u32(at);
        const uint32_t bodySize = r.u32(at + 8);
        if (tag != kTag80 && tag != kTag81) {
            out.note = "entry " + std::to_string(i) + " at " + hex32(uint32_t(at)) + " has tag " + hex32(tag) +
                       ", not \"00ts\" or \"10ts\"";
            return;
        }
        if (out.format == ShimCacheFormat::Windows8 && tag == kTag81) out.format = ShimCacheFormat::Windows81;
        const size_t body = at + 12;
        ShimCacheEntry e;
        e.position = i;
        if (!r.has(body, bodySize)) {
            e.note = "entry " + std::to_string(i) + " at " + hex32(uint32_t(at)) + " declares " +
                     std::to_string(bodySize) + " bytes; the value has " + std::to_string(r.size() - body) +
                     " left";
        }
        // Read the body through its own reader so that nothing past its
        // declared size is taken for a field.
        ByteReader b(r.has(body, bodySize) ? r.span(body, bodySize) : r.bytes().subspan(body), body, "entry");
        const uint16_t pathLength = b.u16(0);
        if (b.has(2, pathLength)) e.path = utf16leToUtf8(b.span(2, pathLength));
        size_t p = 2 + size_t{pathLength};
        if (out.format != ShimCacheFormat::Windows10) {
            const uint16_t packageLength = b.has(p, 2) ? b.u16(p) : 0;
            p += 2 + size_t{packageLength};
            if (b.has(p, 4)) e.executed = (b.u32(p) & kExecutedFlag) != 0;
            p += 8;  // insert flags, shim flags
        }
        if (b.has(p, 8)) e.lastModified = b.u64(p);
        if (b.has(p + 8, 4)) e.dataSize = b.u32(p + 8);
        if (!b.has(p, 12) && e.note.empty())
            e.note = "entry " + std::to_string(i) + " at " + hex32(uint32_t(at)) + " is " +
                     std::to_string(b.size()) + " bytes; its fields need " + std::to_string(p + 12);
        out.entries.push_back(std::move(e));
        if (!r.has(body, bodySize)) return;
        at = body + bodySize;
    }
}

}  // namespace

std::string shimCacheFormatName(ShimCacheFormat format) {
    switch (format) {
        case ShimCacheFormat::WindowsXp: return "Windows XP";
        case ShimCacheFormat::Windows2003: return "Windows Server 2003/Vista";
        case ShimCacheFormat::Windows7: return "Windows 7/Server 2008 R2";
        case ShimCacheFormat::Windows8: return "Windows 8";
        case ShimCacheFormat::Windows81: return "Windows 8.1";
        case ShimCacheFormat::Windows10: return "Windows 10/11";
        case ShimCacheFormat::Unknown: break;
    }
    return "unknown";
}

ShimCache parseShimCache(Bytes data) {
    ShimCache out;
    ByteReader r(data, 0, "AppCompatCache value");
    const uint32_t signature = r.u32(0);
    if (!r.ok()) {
        out.note = "the value is " + std::to_string(data.size()) + " bytes: too short for a signature";
        return out;
    }
    switch (signature) {
        case kXpSignature: out.format = ShimCacheFormat::WindowsXp; parseXp(r, out); break;
        case k2003Signature: out.format = ShimCacheFormat::Windows2003; parseFixedEntries(r, out, k2003Header); break;
        case k7Signature: out.format = ShimCacheFormat::Windows7; parseFixedEntries(r, out, k7Header); break;
        case k8HeaderSize: out.format = ShimCacheFormat::Windows8; parseTagged(r, out, k8HeaderSize); break;
        case k10HeaderSize:
        case k10CreatorsHeaderSize: out.format = ShimCacheFormat::Windows10; parseTagged(r, out, signature); break;
        default: out.note = "unknown signature " + hex32(signature); break;
    }
    if (out.note.empty() && !r.ok()) out.note = r.error().message;
    return out;
}

}  // namespace hivekit::artefacts
