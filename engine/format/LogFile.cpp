#include "format/LogFile.h"

#include <algorithm>

#include "format/Layout.h"
#include "format/Marvin32.h"

namespace hivekit {

namespace L = layout::log;
namespace E = layout::log::entry;

namespace {

std::string entryAt(uint64_t offset) { return "log entry at " + hexOffset(offset); }

}  // namespace

Result<LogHeader> decodeLogHeader(Bytes log) {
    if (log.size() < L::kBaseBlockSize)
        return fail(ErrorCode::Truncated,
                    "the file is " + std::to_string(log.size()) + " bytes long, shorter than a log's base block (512)",
                    0);
    // Only the first sector is stored; the base block decoder wants all 4096
    // bytes, and the fields it reads past 512 mean nothing in a log.
    std::vector<uint8_t> block(layout::kBaseBlockSize, 0);
    std::copy_n(log.begin(), L::kBaseBlockSize, block.begin());
    auto base = decodeBaseBlock(block);
    if (!base) return std::unexpected(base.error());
    if (!base->checksumValid())
        return fail(ErrorCode::Corrupt,
                    "base block checksum is " + hexOffset(base->checksum) + ", computed " +
                        hexOffset(base->computedChecksum),
                    layout::base::Checksum);
    if (!base->sequencesMatch())
        return fail(ErrorCode::Corrupt,
                    "sequence numbers " + std::to_string(base->primarySequence) + " and " +
                        std::to_string(base->secondarySequence) + " differ: the log's own write was not completed",
                    layout::base::PrimarySequence);
    LogHeader h;
    h.base = *base;
    switch (base->fileType) {
    case L::kFileTypeOld:
    case L::kFileTypeOldAlternate: h.format = LogFormat::Old; break;
    case L::kFileTypeNew: h.format = LogFormat::New; break;
    default:
        return fail(ErrorCode::Corrupt, "file type is " + base->fileTypeName() + ", not a transaction log (1, 2 or 6)",
                    layout::base::FileType);
    }
    return h;
}

bool hasLogEntrySignature(Bytes log, uint64_t offset) {
    return offset <= log.size() && log.size() - offset >= 4 && loadU32(log.data() + offset) == L::kEntrySignature;
}

uint64_t logEntryHash1(Bytes entry) {
    return entry.size() < L::kEntryHeaderSize ? 0 : marvin32(entry.subspan(L::kEntryHeaderSize));
}

uint64_t logEntryHash2(Bytes entry) {
    return entry.size() < L::kHash2Coverage ? 0 : marvin32(entry.first(L::kHash2Coverage));
}

Result<LogEntry> decodeLogEntry(Bytes log, uint64_t offset) {
    const std::string at = entryAt(offset);
    if (offset > log.size() || log.size() - offset < L::kEntryHeaderSize)
        return fail(ErrorCode::Truncated,
                    at + ": truncated: its 40-byte header goes past the end of the log (" + hexOffset(log.size()) +
                        ")",
                    offset);
    const uint8_t* p = log.data() + offset;
    if (loadU32(p + E::Signature) != L::kEntrySignature)
        return fail(ErrorCode::Corrupt, at + ": no \"HvLE\" signature", offset);
    LogEntry e;
    e.fileOffset = offset;
    e.size = loadU32(p + E::Size);
    e.flags = loadU32(p + E::Flags);
    e.sequence = loadU32(p + E::SequenceNumber);
    e.hiveBinsDataSize = loadU32(p + E::HiveBinsDataSize);
    const uint32_t count = loadU32(p + E::DirtyPagesCount);
    e.hash1 = loadU64(p + E::Hash1);
    e.hash2 = loadU64(p + E::Hash2);
    if (e.size < L::kEntryAlignment || e.size % L::kEntryAlignment != 0)
        return fail(ErrorCode::Corrupt, at + ": size " + hexOffset(e.size) + " is not a nonzero multiple of 512",
                    offset + E::Size);
    if (log.size() - offset < e.size)
        return fail(ErrorCode::Truncated,
                    at + ": truncated: its size " + hexOffset(e.size) + " goes past the end of the log (" +
                        hexOffset(log.size()) + ")",
                    offset + E::Size);
    if (e.hiveBinsDataSize == 0 || e.hiveBinsDataSize % layout::kHbinAlignment != 0)
        return fail(ErrorCode::Corrupt,
                    at + ": hive bins data size " + hexOffset(e.hiveBinsDataSize) +
                        " is not a nonzero multiple of 4096",
                    offset + E::HiveBinsDataSize);
    const Bytes whole = log.subspan(offset, e.size);
    // Hash-2 first: it vouches for the header, Hash-1 included.
    if (const uint64_t h2 = logEntryHash2(whole); h2 != e.hash2)
        return fail(ErrorCode::Corrupt, at + ": hash-2 is " + hexOffset(e.hash2) + ", computed " + hexOffset(h2),
                    offset + E::Hash2);
    if (const uint64_t h1 = logEntryHash1(whole); h1 != e.hash1)
        return fail(ErrorCode::Corrupt, at + ": hash-1 is " + hexOffset(e.hash1) + ", computed " + hexOffset(h1),
                    offset + E::Hash1);
    const uint64_t room = e.size - L::kEntryHeaderSize;
    if (uint64_t{count} * L::kPageReferenceSize > room)
        return fail(ErrorCode::Corrupt,
                    at + ": " + std::to_string(count) + " dirty page references do not fit in its " +
                        hexOffset(e.size) + " bytes",
                    offset + E::DirtyPagesCount);
    uint64_t dataAt = L::kEntryHeaderSize + uint64_t{count} * L::kPageReferenceSize;
    e.pages.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        const uint8_t* ref = p + L::kEntryHeaderSize + uint64_t{i} * L::kPageReferenceSize;
        const uint32_t pageOffset = loadU32(ref);
        const uint32_t pageSize = loadU32(ref + 4);
        const uint64_t refAt = offset + L::kEntryHeaderSize + uint64_t{i} * L::kPageReferenceSize;
        if (pageOffset > e.hiveBinsDataSize || pageSize > e.hiveBinsDataSize - pageOffset)
            return fail(ErrorCode::Corrupt,
                        at + ": dirty page " + std::to_string(i) + " (" + hexOffset(pageSize) + " bytes at " +
                            hexOffset(pageOffset) + ") lies outside its hive bins data (" +
                            hexOffset(e.hiveBinsDataSize) + " bytes)",
                        refAt);
        if (pageSize > e.size - dataAt)
            return fail(ErrorCode::Corrupt,
                        at + ": dirty page " + std::to_string(i) + " (" + hexOffset(pageSize) +
                            " bytes) goes past the end of the entry (" + hexOffset(offset + e.size) + ")",
                        refAt);
        e.pages.push_back(DirtyPage{pageOffset, whole.subspan(dataAt, pageSize)});
        dataAt += pageSize;
    }
    return e;
}

std::vector<uint8_t> encodeLogEntry(uint32_t sequence, uint32_t flags, uint32_t hiveBinsDataSize,
                                    const std::vector<DirtyPage>& pages) {
    uint64_t size = L::kEntryHeaderSize + uint64_t{pages.size()} * L::kPageReferenceSize;
    for (const auto& page : pages) size += page.data.size();
    size = (size + L::kEntryAlignment - 1) / L::kEntryAlignment * L::kEntryAlignment;
    std::vector<uint8_t> e(size, 0);
    uint8_t* p = e.data();
    storeU32(p + E::Signature, L::kEntrySignature);
    storeU32(p + E::Size, static_cast<uint32_t>(size));
    storeU32(p + E::Flags, flags);
    storeU32(p + E::SequenceNumber, sequence);
    storeU32(p + E::HiveBinsDataSize, hiveBinsDataSize);
    storeU32(p + E::DirtyPagesCount, static_cast<uint32_t>(pages.size()));
    uint8_t* ref = p + L::kEntryHeaderSize;
    uint8_t* data = ref + pages.size() * L::kPageReferenceSize;
    for (const auto& page : pages) {
        storeU32(ref, page.offset);
        storeU32(ref + 4, static_cast<uint32_t>(page.data.size()));
        ref += L::kPageReferenceSize;
        data = std::copy(page.data.begin(), page.data.end(), data);
    }
    sealLogEntry(e);
    return e;
}

void sealLogEntry(std::span<uint8_t> entry) {
    // Hash-1 first: Hash-2 covers it.
    storeU64(entry.data() + E::Hash1, logEntryHash1(entry));
    storeU64(entry.data() + E::Hash2, logEntryHash2(entry));
}

uint64_t oldLogPagesOffset(uint32_t hiveBinsDataSize) {
    const uint64_t vectorEnd = L::kDirtyVectorOffset + 4 + uint64_t{hiveBinsDataSize} / L::kOldPageSize / 8;
    return (vectorEnd + L::kOldPageSize - 1) / L::kOldPageSize * L::kOldPageSize;
}

Result<std::vector<DirtyPage>> decodeDirtyPages(Bytes log, uint32_t hiveBinsDataSize) {
    ByteReader r(log, 0, "log");
    const uint32_t signature = r.u32(L::kDirtyVectorOffset, "the dirty vector signature");
    if (!r.ok()) return std::unexpected(r.error());
    if (signature != L::kDirtSignature)
        return fail(ErrorCode::Corrupt, "no \"DIRT\" signature at " + hexOffset(L::kDirtyVectorOffset),
                    L::kDirtyVectorOffset);
    if (hiveBinsDataSize % layout::kHbinAlignment != 0)
        return fail(ErrorCode::Corrupt,
                    "the log's hive bins data size " + hexOffset(hiveBinsDataSize) +
                        " is not a multiple of 4096, so its dirty vector has no definite length",
                    layout::base::HiveBinsDataSize);
    const uint32_t bits = hiveBinsDataSize / L::kOldPageSize;
    const Bytes bitmap = r.span(L::kDirtyVectorOffset + 4, bits / 8, "the dirty vector bitmap");
    if (!r.ok()) return std::unexpected(r.error());
    std::vector<DirtyPage> pages;
    uint64_t at = oldLogPagesOffset(hiveBinsDataSize);
    for (uint32_t bit = 0; bit < bits; ++bit) {
        if (!(bitmap[bit / 8] & (1u << (bit % 8)))) continue;
        const Bytes data = r.span(at, L::kOldPageSize, "a dirty page");
        if (!r.ok()) {
            Error e = r.error();
            e.message += " (page " + std::to_string(pages.size()) + ", for hive bins offset " +
                         hexOffset(uint64_t{bit} * L::kOldPageSize) + ")";
            return std::unexpected(e);
        }
        pages.push_back(DirtyPage{bit * L::kOldPageSize, data});
        at += L::kOldPageSize;
    }
    return pages;
}

}  // namespace hivekit
