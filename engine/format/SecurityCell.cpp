#include "format/SecurityCell.h"

#include <algorithm>

#include "format/Layout.h"

namespace hivekit {

Result<SecurityCell> decodeSecurityCell(Bytes data, uint32_t cellOffset, uint64_t fileOffset) {
    ByteReader r(data, fileOffset, "security cell");
    uint16_t sig = r.u16(0, "the signature");
    if (r.ok() && sig != layout::kSecuritySignature)
        return fail(ErrorCode::Corrupt, "cell at " + hexOffset(fileOffset - 4) + " is not a security cell (no \"sk\" signature)",
                    fileOffset);
    SecurityCell s;
    s.cellOffset = cellOffset;
    s.flink = r.u32(layout::sk::Flink, "the next sk offset");
    s.blink = r.u32(layout::sk::Blink, "the previous sk offset");
    s.referenceCount = r.u32(layout::sk::ReferenceCount, "the reference count");
    s.descriptorSize = r.u32(layout::sk::DescriptorSize, "the descriptor size");
    s.descriptor = r.span(layout::sk::Descriptor, s.descriptorSize, "the security descriptor");
    if (!r.ok()) return std::unexpected(r.error());
    return s;
}

void encodeSecurityCell(const SecurityCell& s, std::span<uint8_t> out) {
    uint8_t* p = out.data();
    storeU16(p, layout::kSecuritySignature);
    storeU16(p + 2, 0);
    storeU32(p + layout::sk::Flink, s.flink);
    storeU32(p + layout::sk::Blink, s.blink);
    storeU32(p + layout::sk::ReferenceCount, s.referenceCount);
    storeU32(p + layout::sk::DescriptorSize, static_cast<uint32_t>(s.descriptor.size()));
    std::copy(s.descriptor.begin(), s.descriptor.end(), p + layout::sk::Descriptor);
}

}  // namespace hivekit
