#include "format/SubkeyList.h"

#include <algorithm>
#include <string_view>

#include "format/Layout.h"

namespace hivekit {

const char* SubkeyList::signatureName() const {
    switch (kind) {
    case Kind::IndexLeaf: return "li";
    case Kind::FastLeaf: return "lf";
    case Kind::HashLeaf: return "lh";
    case Kind::IndexRoot: return "ri";
    }
    return "?";
}

Result<SubkeyList> decodeSubkeyList(Bytes data, uint64_t fileOffset) {
    ByteReader r(data, fileOffset, "subkey list");
    uint16_t sig = r.u16(0, "the signature");
    uint16_t count = r.u16(layout::list::Count, "the count");
    if (!r.ok()) return std::unexpected(r.error());
    SubkeyList l;
    switch (sig) {
    case layout::kIndexLeafSignature: l.kind = SubkeyList::Kind::IndexLeaf; break;
    case layout::kFastLeafSignature: l.kind = SubkeyList::Kind::FastLeaf; break;
    case layout::kHashLeafSignature: l.kind = SubkeyList::Kind::HashLeaf; break;
    case layout::kIndexRootSignature: l.kind = SubkeyList::Kind::IndexRoot; break;
    default:
        return fail(ErrorCode::Corrupt,
                    "cell at " + hexOffset(fileOffset - 4) + " is not a subkey list (no li, lf, lh or ri signature)",
                    fileOffset);
    }
    l.count = count;
    size_t need = size_t{count} * l.entrySize();
    if (!r.has(layout::list::Entries, need))
        return fail(ErrorCode::Corrupt,
                    std::string(l.signatureName()) + " list at " + hexOffset(fileOffset - 4) + ": " +
                        std::to_string(count) + " entries do not fit its cell (" + std::to_string(data.size()) +
                        " bytes)",
                    fileOffset + layout::list::Count);
    l.entries = data.subspan(layout::list::Entries, need);
    return l;
}

uint32_t fastLeafHint(std::u16string_view name) {
    uint32_t hint = 0;
    for (size_t i = 0; i < 4 && i < name.size(); ++i) hint |= static_cast<uint32_t>(name[i] & 0xFF) << (8 * i);
    return hint;
}

size_t subkeyListSize(SubkeyList::Kind kind, size_t count) {
    const bool hints = kind == SubkeyList::Kind::FastLeaf || kind == SubkeyList::Kind::HashLeaf;
    return layout::list::Entries + count * (hints ? 8 : 4);
}

std::vector<uint8_t> encodeSubkeyList(SubkeyList::Kind kind, std::span<const SubkeyListEntry> entries) {
    static constexpr uint16_t kSignatures[] = {layout::kIndexLeafSignature, layout::kFastLeafSignature,
                                               layout::kHashLeafSignature, layout::kIndexRootSignature};
    const bool hints = kind == SubkeyList::Kind::FastLeaf || kind == SubkeyList::Kind::HashLeaf;
    std::vector<uint8_t> out(subkeyListSize(kind, entries.size()));
    storeU16(out.data(), kSignatures[static_cast<size_t>(kind)]);
    storeU16(out.data() + layout::list::Count, static_cast<uint16_t>(entries.size()));
    uint8_t* p = out.data() + layout::list::Entries;
    for (const auto& e : entries) {
        storeU32(p, e.offset);
        p += 4;
        if (hints) {
            storeU32(p, e.hint);
            p += 4;
        }
    }
    return out;
}

}  // namespace hivekit
