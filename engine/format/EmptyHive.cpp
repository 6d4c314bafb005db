#include "format/EmptyHive.h"

#include <algorithm>
#include <initializer_list>
#include <span>

#include "format/BaseBlock.h"
#include "format/BigData.h"
#include "format/SecurityCell.h"
#include "format/ByteReader.h"
#include "format/HiveBin.h"
#include "format/KeyNode.h"
#include "format/Layout.h"
#include "format/Names.h"

namespace hivekit {

namespace {

constexpr uint32_t kNone = layout::kNoCell;

/// A cell's size for `dataSize` bytes of data: header included, 8-byte
/// aligned.
uint32_t cellSizeFor(uint32_t dataSize) {
    return (dataSize + layout::kCellHeaderSize + layout::kCellAlignment - 1) / layout::kCellAlignment *
           layout::kCellAlignment;
}

std::vector<uint8_t> sid(uint8_t authority, std::initializer_list<uint32_t> subAuthorities) {
    std::vector<uint8_t> s(8 + 4 * subAuthorities.size(), 0);
    s[0] = 1;
    s[1] = static_cast<uint8_t>(subAuthorities.size());
    s[7] = authority;
    size_t at = 8;
    for (uint32_t sub : subAuthorities) {
        storeU32(s.data() + at, sub);
        at += 4;
    }
    return s;
}

/// A self-relative security descriptor: owner Administrators, group SYSTEM,
/// a DACL granting KEY_ALL_ACCESS to Administrators and SYSTEM and KEY_READ
/// to Everyone, each ACE inherited by subkeys (CONTAINER_INHERIT_ACE).
std::vector<uint8_t> defaultSecurityDescriptor() {
    const std::vector<uint8_t> admins = sid(5, {32, 544}), system = sid(5, {18}), everyone = sid(1, {0});
    struct Ace {
        uint32_t mask;
        const std::vector<uint8_t>* who;
    };
    const Ace aces[] = {{0x000F003F, &admins}, {0x000F003F, &system}, {0x00020019, &everyone}};
    std::vector<uint8_t> acl(8, 0);
    for (const Ace& a : aces) {
        std::vector<uint8_t> ace(8, 0);
        ace[0] = 0;     // ACCESS_ALLOWED_ACE_TYPE
        ace[1] = 0x02;  // CONTAINER_INHERIT_ACE
        storeU16(ace.data() + 2, static_cast<uint16_t>(8 + a.who->size()));
        storeU32(ace.data() + 4, a.mask);
        ace.insert(ace.end(), a.who->begin(), a.who->end());
        acl.insert(acl.end(), ace.begin(), ace.end());
    }
    acl[0] = 2;  // ACL_REVISION
    storeU16(acl.data() + 2, static_cast<uint16_t>(acl.size()));
    storeU16(acl.data() + 4, 3);
    std::vector<uint8_t> sd(20, 0);
    sd[0] = 1;                       // revision
    storeU16(sd.data() + 2, 0x8004); // SE_SELF_RELATIVE | SE_DACL_PRESENT
    storeU32(sd.data() + 16, 20);    // DACL
    sd.insert(sd.end(), acl.begin(), acl.end());
    storeU32(sd.data() + 4, static_cast<uint32_t>(sd.size()));  // owner
    sd.insert(sd.end(), admins.begin(), admins.end());
    storeU32(sd.data() + 8, static_cast<uint32_t>(sd.size()));  // group
    sd.insert(sd.end(), system.begin(), system.end());
    return sd;
}

}  // namespace

std::vector<uint8_t> emptyHiveImage(const NewHiveOptions& options, const std::string& fileName) {
    const uint64_t now = options.timestamp;
    constexpr uint32_t kBin = layout::kHbinAlignment;
    std::vector<uint8_t> image(layout::kBaseBlockSize + kBin, 0);
    uint8_t* bins = image.data() + layout::kBaseBlockSize;

    HiveBinHeader hbin;
    hbin.signature = layout::kHbinSignature;
    hbin.offset = 0;
    hbin.size = kBin;
    hbin.timestamp = now;
    encodeHiveBinHeader(hbin, std::span(bins, kBin));

    const StoredName name = encodeStoredName(utf8ToUtf16(options.rootName));
    const uint32_t rootOff = layout::kHbinHeaderSize;
    const uint32_t rootCell = cellSizeFor(static_cast<uint32_t>(keyNodeSize(name.bytes.size())));
    const uint32_t skOff = rootOff + rootCell;
    const std::vector<uint8_t> sd = defaultSecurityDescriptor();
    const uint32_t skCell = cellSizeFor(static_cast<uint32_t>(securityCellSize(sd.size())));
    const uint32_t freeOff = skOff + skCell;

    KeyNode root;
    root.flags = layout::nk::FlagHiveEntry | layout::nk::FlagNoDelete |
                 (name.compressed ? layout::nk::FlagCompressedName : 0);
    root.lastWritten = now;
    root.parent = kNone;
    root.subkeyList = kNone;
    root.volatileSubkeyList = kNone;
    root.valueList = kNone;
    root.security = skOff;
    root.classOffset = kNone;
    root.nameLength = static_cast<uint16_t>(name.bytes.size());
    root.nameBytes = name.bytes;
    storeU32(bins + rootOff, static_cast<uint32_t>(-static_cast<int32_t>(rootCell)));
    encodeKeyNode(root, std::span(bins + rootOff + 4, rootCell - 4));

    SecurityCell sk;
    sk.flink = skOff;
    sk.blink = skOff;
    sk.referenceCount = 1;
    sk.descriptor = sd;
    storeU32(bins + skOff, static_cast<uint32_t>(-static_cast<int32_t>(skCell)));
    encodeSecurityCell(sk, std::span(bins + skOff + 4, skCell - 4));

    storeU32(bins + freeOff, kBin - freeOff);

    BaseBlock b;
    b.signature = layout::kBaseSignature;
    b.primarySequence = 1;
    b.secondarySequence = 1;
    b.lastWritten = now;
    b.majorVersion = 1;
    b.minorVersion = options.minorVersion;
    b.fileType = 0;
    b.fileFormat = 1;
    b.rootCellOffset = rootOff;
    b.hiveBinsDataSize = kBin;
    b.clusteringFactor = 1;
    std::u16string file = utf8ToUtf16(fileName);
    if (file.size() > 31) file = file.substr(file.size() - 31);
    b.fileName = file;
    encodeBaseBlock(b, image);
    return image;
}

}  // namespace hivekit
