#include "format/BigData.h"

#include "format/Layout.h"

namespace hivekit {

bool looksLikeBigData(Bytes data) {
    return data.size() >= 2 && loadU16(data.data()) == layout::kBigDataSignature;
}

Result<BigData> decodeBigData(Bytes data, uint64_t fileOffset) {
    ByteReader r(data, fileOffset, "big data record");
    uint16_t sig = r.u16(0, "the signature");
    BigData b;
    b.segmentCount = r.u16(layout::db::SegmentCount, "the segment count");
    b.segmentList = r.u32(layout::db::SegmentList, "the segment list offset");
    if (!r.ok()) return std::unexpected(r.error());
    if (sig != layout::kBigDataSignature)
        return fail(ErrorCode::Corrupt, "cell at " + hexOffset(fileOffset - 4) + " is not a big data record (no \"db\" signature)",
                    fileOffset);
    return b;
}

std::vector<uint8_t> encodeBigData(const BigData& b) {
    std::vector<uint8_t> out(kBigDataRecordSize);
    storeU16(out.data(), layout::kBigDataSignature);
    storeU16(out.data() + layout::db::SegmentCount, b.segmentCount);
    storeU32(out.data() + layout::db::SegmentList, b.segmentList);
    return out;
}

}  // namespace hivekit
