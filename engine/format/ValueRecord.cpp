#include "format/ValueRecord.h"

#include <algorithm>

#include "format/Layout.h"
#include "format/Names.h"

namespace hivekit {

namespace L = layout::vk;

bool ValueRecord::compressedName() const { return flags & L::FlagCompressedName; }
bool ValueRecord::dataInline() const { return dataSizeField & L::DataInlineBit; }
std::u16string ValueRecord::name() const { return decodeName(nameBytes, compressedName()); }
std::string ValueRecord::nameUtf8() const {
    return storedNameUtf8(nameBytes, compressedName());
}

Result<ValueRecord> decodeValueRecord(Bytes data, uint32_t cellOffset, uint64_t fileOffset) {
    ByteReader r(data, fileOffset, "value record");
    // Decoded in place and every path returns `out`, so that the compiler
    // elides the copy (a copy of the record just written field by field
    // costs more than the decode: the wide loads wait for the narrow stores).
    Result<ValueRecord> out{std::in_place};
    ValueRecord& v = *out;
    v.cellOffset = cellOffset;
    uint16_t sig = r.u16(0, "the signature");
    if (r.ok() && sig != layout::kValueSignature) {
        out = fail(ErrorCode::Corrupt,
                   "cell at " + hexOffset(fileOffset - 4) + " is not a value record (no \"vk\" signature)", fileOffset);
        return out;
    }
    v.nameLength = r.u16(L::NameLength, "the name length");
    v.dataSizeField = r.u32(L::DataSize, "the data size");
    v.dataOffset = r.u32(L::DataOffset, "the data offset");
    Bytes inl = r.span(L::DataOffset, 4, "the data offset");
    for (size_t i = 0; i < inl.size(); ++i) v.inlineBytes[i] = inl[i];
    v.type = r.u32(L::Type, "the type");
    v.flags = r.u16(L::Flags, "the flags");
    v.spare = r.u16(L::Spare, "the spare field");
    v.nameBytes = r.span(L::Name, v.nameLength, "the name");
    if (!r.ok()) out = std::unexpected(r.error());
    return out;
}

void encodeValueRecord(const ValueRecord& v, std::span<uint8_t> out) {
    uint8_t* p = out.data();
    storeU16(p, layout::kValueSignature);
    storeU16(p + L::NameLength, v.nameLength);
    storeU32(p + L::DataSize, v.dataSizeField);
    if (v.dataInline()) std::copy(v.inlineBytes, v.inlineBytes + 4, p + L::DataOffset);
    else storeU32(p + L::DataOffset, v.dataOffset);
    storeU32(p + L::Type, v.type);
    storeU16(p + L::Flags, v.flags);
    storeU16(p + L::Spare, v.spare);
    std::copy(v.nameBytes.begin(), v.nameBytes.end(), p + L::Name);
}

}  // namespace hivekit
