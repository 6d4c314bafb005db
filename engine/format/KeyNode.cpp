#include "format/KeyNode.h"

#include <algorithm>

#include "format/Layout.h"
#include "format/Names.h"

namespace hivekit {

namespace L = layout::nk;

bool KeyNode::compressedName() const { return flags & L::FlagCompressedName; }
bool KeyNode::isRoot() const { return flags & L::FlagHiveEntry; }
std::u16string KeyNode::name() const { return decodeName(nameBytes, compressedName()); }
std::string KeyNode::nameUtf8() const {
    return storedNameUtf8(nameBytes, compressedName());
}

std::string KeyNode::flagNames() const {
    static constexpr struct { uint16_t bit; const char* name; } kNames[] = {
        {L::FlagVolatile, "VOLATILE"},         {L::FlagHiveExit, "HIVE_EXIT"},
        {L::FlagHiveEntry, "HIVE_ENTRY"},      {L::FlagNoDelete, "NO_DELETE"},
        {L::FlagSymLink, "SYM_LINK"},          {L::FlagCompressedName, "COMP_NAME"},
        {L::FlagPredefinedHandle, "PREDEF_HANDLE"}, {L::FlagVirtualSource, "VIRTUAL_SOURCE"},
        {L::FlagVirtualTarget, "VIRTUAL_TARGET"},   {L::FlagVirtualStore, "VIRTUAL_STORE"},
    };
    std::string out;
    uint16_t rest = flags;
    for (const auto& n : kNames) {
        if (!(flags & n.bit)) continue;
        if (!out.empty()) out += '|';
        out += n.name;
        rest &= static_cast<uint16_t>(~n.bit);
    }
    if (rest) {
        if (!out.empty()) out += '|';
        out += hexOffset(rest);
    }
    return out;
}

Result<KeyNode> decodeKeyNode(Bytes data, uint32_t cellOffset, uint64_t fileOffset) {
    ByteReader r(data, fileOffset, "key node");
    // Decoded in place and every path returns `out`, so that the compiler
    // elides the copy (a copy of the record just written field by field
    // costs more than the decode: the wide loads wait for the narrow stores).
    Result<KeyNode> out{std::in_place};
    KeyNode& k = *out;
    k.cellOffset = cellOffset;
    uint16_t sig = r.u16(0, "the signature");
    if (r.ok() && sig != layout::kKeyNodeSignature) {
        out = fail(ErrorCode::Corrupt, "cell at " + hexOffset(fileOffset - 4) + " is not a key node (no \"nk\" signature)",
                   fileOffset);
        return out;
    }
    k.flags = r.u16(L::Flags, "the flags");
    k.lastWritten = r.u64(L::LastWritten, "the last-write time");
    k.accessBits = r.u32(L::AccessBits, "the access bits");
    k.parent = r.u32(L::Parent, "the parent offset");
    k.subkeyCount = r.u32(L::SubkeyCount, "the subkey count");
    k.volatileSubkeyCount = r.u32(L::VolatileSubkeyCount, "the volatile subkey count");
    k.subkeyList = r.u32(L::SubkeyList, "the subkey list offset");
    k.volatileSubkeyList = r.u32(L::VolatileSubkeyList, "the volatile subkey list offset");
    k.valueCount = r.u32(L::ValueCount, "the value count");
    k.valueList = r.u32(L::ValueList, "the value list offset");
    k.security = r.u32(L::Security, "the security offset");
    k.classOffset = r.u32(L::Class, "the class offset");
    k.maxSubkeyNameField = r.u32(L::MaxSubkeyName, "the largest subkey name length");
    k.maxClassLength = r.u32(L::MaxClass, "the largest class length");
    k.maxValueNameLength = r.u32(L::MaxValueName, "the largest value name length");
    k.maxValueDataLength = r.u32(L::MaxValueData, "the largest value data size");
    k.workVar = r.u32(L::WorkVar, "the work variable");
    k.nameLength = r.u16(L::NameLength, "the name length");
    k.classLength = r.u16(L::ClassLength, "the class length");
    k.nameBytes = r.span(L::Name, k.nameLength, "the name");
    if (!r.ok()) out = std::unexpected(r.error());
    return out;
}

void encodeKeyNode(const KeyNode& k, std::span<uint8_t> out) {
    uint8_t* p = out.data();
    storeU16(p, layout::kKeyNodeSignature);
    storeU16(p + L::Flags, k.flags);
    storeU64(p + L::LastWritten, k.lastWritten);
    storeU32(p + L::AccessBits, k.accessBits);
    storeU32(p + L::Parent, k.parent);
    storeU32(p + L::SubkeyCount, k.subkeyCount);
    storeU32(p + L::VolatileSubkeyCount, k.volatileSubkeyCount);
    storeU32(p + L::SubkeyList, k.subkeyList);
    storeU32(p + L::VolatileSubkeyList, k.volatileSubkeyList);
    storeU32(p + L::ValueCount, k.valueCount);
    storeU32(p + L::ValueList, k.valueList);
    storeU32(p + L::Security, k.security);
    storeU32(p + L::Class, k.classOffset);
    storeU32(p + L::MaxSubkeyName, k.maxSubkeyNameField);
    storeU32(p + L::MaxClass, k.maxClassLength);
    storeU32(p + L::MaxValueName, k.maxValueNameLength);
    storeU32(p + L::MaxValueData, k.maxValueDataLength);
    storeU32(p + L::WorkVar, k.workVar);
    storeU16(p + L::NameLength, k.nameLength);
    storeU16(p + L::ClassLength, k.classLength);
    std::copy(k.nameBytes.begin(), k.nameBytes.end(), p + L::Name);
}

}  // namespace hivekit
