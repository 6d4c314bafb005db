#include "format/BaseBlock.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "format/Layout.h"

namespace hivekit {

namespace L = layout::base;

uint32_t baseBlockChecksum(Bytes first508) {
    uint32_t sum = 0;
    for (size_t off = 0; off + 4 <= first508.size() && off < 508; off += 4) sum ^= loadU32(first508.data() + off);
    if (sum == 0xFFFFFFFF) return 0xFFFFFFFE;
    if (sum == 0) return 1;
    return sum;
}

bool BaseBlock::hasSignature() const { return signature == layout::kBaseSignature; }

std::string BaseBlock::fileTypeName() const {
    switch (fileType) {
    case 0: return "primary";
    case 1: return "log (old format)";
    case 2: return "log (old format, volatile)";
    case 6: return "log (new format)";
    default: return "unknown (" + std::to_string(fileType) + ")";
    }
}

std::string BaseBlock::versionString() const {
    return std::to_string(majorVersion) + "." + std::to_string(minorVersion);
}

static std::array<uint8_t, 16> guidAt(ByteReader& r, size_t off) {
    std::array<uint8_t, 16> g{};
    Bytes b = r.span(off, 16, "a GUID");
    for (size_t i = 0; i < b.size(); ++i) g[i] = b[i];
    return g;
}

Result<BaseBlock> decodeBaseBlock(Bytes bytes) {
    if (bytes.size() < layout::kBaseBlockSize)
        return fail(ErrorCode::Truncated,
                    "the file is " + std::to_string(bytes.size()) +
                        " bytes long, shorter than a base block (4096 bytes): truncated or not a hive",
                    0);
    ByteReader r(bytes.first(layout::kBaseBlockSize), 0, "base block");
    BaseBlock b;
    b.signature = r.u32(L::Signature);
    if (!b.hasSignature()) return fail(ErrorCode::NotAHive, "not a hive: no \"regf\" signature at 0x0", 0);
    b.primarySequence = r.u32(L::PrimarySequence);
    b.secondarySequence = r.u32(L::SecondarySequence);
    b.lastWritten = r.u64(L::LastWritten);
    b.majorVersion = r.u32(L::MajorVersion);
    b.minorVersion = r.u32(L::MinorVersion);
    b.fileType = r.u32(L::FileType);
    b.fileFormat = r.u32(L::FileFormat);
    b.rootCellOffset = r.u32(L::RootCellOffset);
    b.hiveBinsDataSize = r.u32(L::HiveBinsDataSize);
    b.clusteringFactor = r.u32(L::ClusteringFactor);
    for (uint32_t i = 0; i < L::FileNameSize; i += 2) {
        char16_t c = r.u16(L::FileName + i);
        if (c == 0) break;
        b.fileName.push_back(c);
    }
    b.rmId = guidAt(r, L::RmId);
    b.logId = guidAt(r, L::LogId);
    b.flags = r.u32(L::Flags);
    b.tmId = guidAt(r, L::TmId);
    b.guidSignature = r.u32(L::GuidSignature);
    b.lastReorganized = r.u64(L::LastReorganized);
    b.offlineRegistry = r.u32(L::OfflineSignature) == L::kOfflineSignature;
    if (b.offlineRegistry) b.offlineFlags = r.u32(L::OfflineFlags);
    b.checksum = r.u32(L::Checksum);
    b.computedChecksum = baseBlockChecksum(bytes.first(508));
    b.bootType = r.u32(L::BootType);
    b.bootRecover = r.u32(L::BootRecover);
    if (!r.ok()) return std::unexpected(r.error());
    return b;
}

std::string formatFiletime(uint64_t filetime) {
    // 11644473600 s between 1601-01-01 and 1970-01-01.
    constexpr uint64_t kEpochDelta = 11644473600ULL;
    uint64_t seconds = filetime / 10000000ULL;
    uint32_t fraction = static_cast<uint32_t>(filetime % 10000000ULL);
    if (seconds < kEpochDelta) {
        // Before 1970: days arithmetic by hand is not worth it for display.
        return "FILETIME " + std::to_string(filetime);
    }
    std::time_t t = static_cast<std::time_t>(seconds - kEpochDelta);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return "FILETIME " + std::to_string(filetime);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%07u UTC", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, fraction);
    return buf;
}

std::string formatGuid(const std::array<uint8_t, 16>& g) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", loadU32(g.data()),
                  loadU16(g.data() + 4), loadU16(g.data() + 6), g[8], g[9], g[10], g[11], g[12], g[13], g[14],
                  g[15]);
    return buf;
}

void sealBaseBlock(std::span<uint8_t> out) {
    storeU32(out.data() + L::Checksum, baseBlockChecksum(Bytes(out.data(), 508)));
}

void encodeBaseBlock(const BaseBlock& b, std::span<uint8_t> out) {
    uint8_t* p = out.data();
    storeU32(p + L::Signature, b.signature);
    storeU32(p + L::PrimarySequence, b.primarySequence);
    storeU32(p + L::SecondarySequence, b.secondarySequence);
    storeU64(p + L::LastWritten, b.lastWritten);
    storeU32(p + L::MajorVersion, b.majorVersion);
    storeU32(p + L::MinorVersion, b.minorVersion);
    storeU32(p + L::FileType, b.fileType);
    storeU32(p + L::FileFormat, b.fileFormat);
    storeU32(p + L::RootCellOffset, b.rootCellOffset);
    storeU32(p + L::HiveBinsDataSize, b.hiveBinsDataSize);
    storeU32(p + L::ClusteringFactor, b.clusteringFactor);
    std::fill(p + L::FileName, p + L::FileName + L::FileNameSize, uint8_t{0});
    for (size_t i = 0; i < b.fileName.size() && 2 * i + 2 <= L::FileNameSize; ++i)
        storeU16(p + L::FileName + 2 * i, static_cast<uint16_t>(b.fileName[i]));
    std::copy(b.rmId.begin(), b.rmId.end(), p + L::RmId);
    std::copy(b.logId.begin(), b.logId.end(), p + L::LogId);
    storeU32(p + L::Flags, b.flags);
    std::copy(b.tmId.begin(), b.tmId.end(), p + L::TmId);
    storeU32(p + L::GuidSignature, b.guidSignature);
    storeU64(p + L::LastReorganized, b.lastReorganized);
    storeU32(p + L::BootType, b.bootType);
    storeU32(p + L::BootRecover, b.bootRecover);
    sealBaseBlock(out);
}

}  // namespace hivekit
