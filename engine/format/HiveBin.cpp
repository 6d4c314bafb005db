#include "format/HiveBin.h"

#include "format/Layout.h"

namespace hivekit {

namespace L = layout::hbin;

Result<HiveBinHeader> decodeHiveBinHeader(Bytes bytes, uint32_t expected, uint64_t fileOffset, uint64_t available) {
    ByteReader r(bytes, fileOffset, "hbin header");
    HiveBinHeader h;
    h.signature = r.u32(L::Signature, "the signature");
    h.offset = r.u32(L::Offset, "the offset");
    h.size = r.u32(L::Size, "the size");
    h.timestamp = r.u64(L::Timestamp, "the timestamp");
    h.spare = r.u32(L::Spare, "the spare field");
    if (!r.ok()) return std::unexpected(r.error());
    // Built only on failure: this runs for every bin of every hive.
    auto where = [&] { return "hbin at " + hexOffset(fileOffset); };
    if (h.signature != layout::kHbinSignature)
        return fail(ErrorCode::Corrupt, where() + ": bad signature (expected \"hbin\")", fileOffset);
    if (h.offset != expected)
        return fail(ErrorCode::Corrupt,
                    where() + ": its offset field says " + hexOffset(h.offset) + ", expected " + hexOffset(expected),
                    fileOffset + L::Offset);
    if (h.size < layout::kHbinAlignment || h.size % layout::kHbinAlignment != 0)
        return fail(ErrorCode::Corrupt, where() + ": size " + hexOffset(h.size) + " is not a nonzero multiple of 0x1000",
                    fileOffset + L::Size);
    if (h.size > available)
        return fail(ErrorCode::Corrupt,
                    where() + ": size " + hexOffset(h.size) + " goes past the end of the hive bins data (" +
                        hexOffset(fileOffset + available) + ")",
                    fileOffset + L::Size);
    return h;
}

Result<CellHeader> decodeCellHeader(int32_t rawSize, uint64_t fileOffset, uint64_t room) {
    // Built only on failure: this runs for every cell resolved.
    auto where = [&] { return "cell at " + hexOffset(fileOffset); };
    if (rawSize == 0) return fail(ErrorCode::Corrupt, where() + ": size is 0", fileOffset);
    if (static_cast<uint32_t>(rawSize) == 0x80000000u)
        return fail(ErrorCode::Corrupt, where() + ": size is 0x80000000", fileOffset);
    CellHeader c;
    c.allocated = rawSize < 0;
    c.size = c.allocated ? static_cast<uint32_t>(-static_cast<int64_t>(rawSize)) : static_cast<uint32_t>(rawSize);
    if (c.size < 8 || c.size % layout::kCellAlignment != 0)
        return fail(ErrorCode::Corrupt, where() + ": size " + hexOffset(c.size) + " is not a multiple of 8 of at least 8",
                    fileOffset);
    if (c.size > room)
        return fail(ErrorCode::Corrupt,
                    where() + ": size " + hexOffset(c.size) + " goes past the end of its hbin (" +
                        hexOffset(fileOffset + room) + ")",
                    fileOffset);
    return c;
}

}  // namespace hivekit
