// Tests of the record decoders of engine/format on hand-built bytes: the
// reader, the base block, hbin and cell headers, nk, vk, the subkey lists,
// db and sk. For each record: the good case, then every prefix of it (a
// record cut at every byte must give an error naming the field and its
// offset, or a valid value, and never read past the cut), then each error
// case with its exact message.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/BigData.h"
#include "format/SecurityCell.h"
#include "format/ByteReader.h"
#include "format/HiveBin.h"
#include "format/KeyNode.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "format/SubkeyList.h"
#include "format/ValueRecord.h"

using namespace hivekit;
namespace L = hivekit::layout;

namespace {

/// Little-endian byte builder.
struct Rec {
    std::vector<uint8_t> b;
    Rec& u8(uint8_t v) {
        b.push_back(v);
        return *this;
    }
    Rec& u16(uint16_t v) { return u8(uint8_t(v)).u8(uint8_t(v >> 8)); }
    Rec& u32(uint32_t v) { return u16(uint16_t(v)).u16(uint16_t(v >> 16)); }
    Rec& u64(uint64_t v) { return u32(uint32_t(v)).u32(uint32_t(v >> 32)); }
    Rec& bytes(std::initializer_list<uint8_t> l) {
        b.insert(b.end(), l);
        return *this;
    }
    Rec& text(const std::string& s) {
        // One byte at a time: g++ 12 at -O3 warns falsely (-Wstringop-overflow)
        // about vector::insert of a string's range.
        for (char c : s) b.push_back(static_cast<uint8_t>(c));
        return *this;
    }
    Rec& zeros(size_t n) {
        b.insert(b.end(), n, 0);
        return *this;
    }
    Bytes view() const { return Bytes(b.data(), b.size()); }
    Bytes prefix(size_t n) const { return Bytes(b.data(), n); }
};

/// A field as a decoder reads it, in reading order.
struct Field {
    size_t offset;
    size_t size;
    const char* name;
};

/// ByteReader's message for a field that does not fit.
std::string cutMessage(const std::string& field, const std::string& what, uint64_t base, size_t off, size_t len) {
    return "can't read " + field + " of " + what + " at " + hexOffset(base + off) + ": it goes past the end of the " +
           what + " (" + hexOffset(base + len) + ")";
}

/// The first field (in reading order) that a prefix of `len` bytes cannot
/// hold, or null when all fit.
const Field* firstCut(const std::vector<Field>& fields, size_t len) {
    for (const auto& f : fields)
        if (f.offset + f.size > len) return &f;
    return nullptr;
}

// Where the test records live: a cell at relative 0x20, file offset 0x1020,
// data at 0x1024.
constexpr uint32_t kCell = 0x20;
constexpr uint64_t kData = 0x1024;

}  // namespace

// ---------------------------------------------------------------------------
// ByteReader

TEST_CASE("ByteReader reads little-endian fields inside its data", "[format][reader]") {
    const uint8_t data[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09};
    ByteReader r(Bytes(data, sizeof data), 0x100, "test record");
    CHECK(r.u8(0) == 0x01);
    CHECK(r.u16(1) == 0x0302);
    CHECK(r.u32(1) == 0x05040302u);
    CHECK(r.i32(0) == 0x04030201);
    CHECK(r.u64(1) == 0x0908070605040302ull);
    CHECK(r.span(7, 2).size() == 2);
    CHECK(r.span(9, 0).size() == 0);
    CHECK(r.ok());
}

TEST_CASE("ByteReader bounds checks cannot overflow for offsets and lengths near SIZE_MAX", "[format][reader]") {
    const uint8_t data[16] = {};
    ByteReader r(Bytes(data, sizeof data), 0, "test record");
    constexpr size_t kMax = std::numeric_limits<size_t>::max();
    CHECK(r.has(0, 16));
    CHECK(r.has(16, 0));
    CHECK_FALSE(r.has(17, 0));
    CHECK_FALSE(r.has(kMax, 1));
    CHECK_FALSE(r.has(1, kMax));
    CHECK_FALSE(r.has(kMax, kMax));
    CHECK_FALSE(r.has(8, kMax - 7));  // off + n wraps to 0 when added naively
    CHECK(r.u32(kMax - 1) == 0);
    CHECK_FALSE(r.ok());
    CHECK(r.span(1, kMax).empty());
}

TEST_CASE("ByteReader keeps the first failure and names its field and file offset", "[format][reader]") {
    const uint8_t data[6] = {};
    ByteReader r(Bytes(data, sizeof data), 0x2000, "test record");
    r.u32(4, "the size");
    r.u16(10, "the flags");
    CHECK_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::Truncated);
    CHECK(r.error().offset == 0x2004);
    CHECK(r.error().message == "can't read the size of test record at 0x2004: it goes past the end of the test record (0x2006)");
    ByteReader unnamed(Bytes(data, sizeof data), 0, "x");
    unnamed.u64(0);
    CHECK(unnamed.error().message == "can't read a field of x at 0x0: it goes past the end of the x (0x6)");
}

TEST_CASE("ByteReader::setError keeps an earlier failure", "[format][reader]") {
    const uint8_t data[2] = {};
    ByteReader r(Bytes(data, sizeof data), 0, "x");
    r.setError(ErrorCode::Corrupt, "first", 1);
    r.u32(0);
    r.setError(ErrorCode::Io, "second", 2);
    CHECK(r.error().message == "first");
    CHECK(r.error().code == ErrorCode::Corrupt);
}

// ---------------------------------------------------------------------------
// Base block

namespace {

std::vector<uint8_t> goodBaseBlock() {
    std::vector<uint8_t> b(L::kBaseBlockSize, 0);
    uint8_t* p = b.data();
    namespace B = L::base;
    storeU32(p + B::Signature, L::kBaseSignature);
    storeU32(p + B::PrimarySequence, 7);
    storeU32(p + B::SecondarySequence, 7);
    storeU64(p + B::LastWritten, 0x01D6A1B2C3D4E5F6ull);
    storeU32(p + B::MajorVersion, 1);
    storeU32(p + B::MinorVersion, 5);
    storeU32(p + B::FileType, 0);
    storeU32(p + B::FileFormat, 1);
    storeU32(p + B::RootCellOffset, 0x20);
    storeU32(p + B::HiveBinsDataSize, 0x3000);
    storeU32(p + B::ClusteringFactor, 1);
    const std::u16string name = u"\\SystemRoot\\SAM";
    for (size_t i = 0; i < name.size(); ++i) storeU16(p + B::FileName + 2 * i, name[i]);
    for (uint8_t i = 0; i < 16; ++i) {
        p[B::RmId + i] = i;
        p[B::LogId + i] = uint8_t(0x10 + i);
        p[B::TmId + i] = uint8_t(0x20 + i);
    }
    storeU32(p + B::Flags, 1);
    storeU32(p + B::GuidSignature, 0x6D746D72);  // "rmtm"
    storeU64(p + B::LastReorganized, 0x01D6000000000000ull);
    storeU32(p + B::BootType, 2);
    storeU32(p + B::BootRecover, 3);
    storeU32(p + B::Checksum, baseBlockChecksum(Bytes(p, 508)));
    return b;
}

/// Sets a spare dword inside the checksummed area so that the XOR of the
/// first 127 dwords becomes `target`.
void forceXor(std::vector<uint8_t>& b, uint32_t target) {
    constexpr size_t kSpare = 0x1F8;  // reserved, inside the 508 bytes
    storeU32(b.data() + kSpare, 0);
    uint32_t x = 0;
    for (size_t off = 0; off < 508; off += 4) x ^= loadU32(b.data() + off);
    storeU32(b.data() + kSpare, x ^ target);
}

}  // namespace

TEST_CASE("A base block decodes every field", "[format][baseblock]") {
    const auto bytes = goodBaseBlock();
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK(b->hasSignature());
    CHECK(b->primarySequence == 7);
    CHECK(b->secondarySequence == 7);
    CHECK(b->lastWritten == 0x01D6A1B2C3D4E5F6ull);
    CHECK(b->majorVersion == 1);
    CHECK(b->minorVersion == 5);
    CHECK(b->versionString() == "1.5");
    CHECK(b->fileType == 0);
    CHECK(b->fileTypeName() == "primary");
    CHECK(b->fileFormat == 1);
    CHECK(b->rootCellOffset == 0x20);
    CHECK(b->hiveBinsDataSize == 0x3000);
    CHECK(b->clusteringFactor == 1);
    CHECK(b->fileName == u"\\SystemRoot\\SAM");
    CHECK(b->rmId[15] == 15);
    CHECK(b->logId[0] == 0x10);
    CHECK(b->tmId[3] == 0x23);
    CHECK(formatGuid(b->rmId) == "{03020100-0504-0706-0809-0a0b0c0d0e0f}");
    CHECK(b->flags == 1);
    CHECK(b->guidSignature == 0x6D746D72);
    CHECK(b->lastReorganized == 0x01D6000000000000ull);
    CHECK(b->bootType == 2);
    CHECK(b->bootRecover == 3);
    CHECK(b->checksumValid());
    CHECK(b->sequencesMatch());
    CHECK_FALSE(b->isDirty());
    CHECK(b->versionSupported());
    CHECK(b->allowsBigData());
    CHECK(b->usesHashLeaves());
}

TEST_CASE("A base block file name of 32 units without NUL is read whole and no further", "[format][baseblock]") {
    auto bytes = goodBaseBlock();
    for (uint32_t i = 0; i < 32; ++i) storeU16(bytes.data() + L::base::FileName + 2 * i, u'A');
    storeU16(bytes.data() + L::base::FileName + 64, u'Z');  // the RmId's first bytes
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK(b->fileName == std::u16string(32, u'A'));
}

TEST_CASE("A base block cut at any byte fails as truncated with its length", "[format][baseblock]") {
    const auto bytes = goodBaseBlock();
    for (size_t len = 0; len < bytes.size(); ++len) {
        auto b = decodeBaseBlock(Bytes(bytes.data(), len));
        INFO("length " << len);
        REQUIRE_FALSE(b);
        CHECK(b.error().code == ErrorCode::Truncated);
        CHECK(b.error().offset == 0);
        CHECK(b.error().message == "the file is " + std::to_string(len) +
                                       " bytes long, shorter than a base block (4096 bytes): truncated or not a hive");
    }
    // More than a base block is fine: only the first 4096 bytes are read.
    std::vector<uint8_t> longer = bytes;
    longer.resize(10000, 0xEE);
    CHECK(decodeBaseBlock(Bytes(longer.data(), longer.size())));
}

TEST_CASE("A base block without the regf signature is not a hive", "[format][baseblock]") {
    auto bytes = goodBaseBlock();
    bytes[0] = 'R';
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE_FALSE(b);
    CHECK(b.error().code == ErrorCode::NotAHive);
    CHECK(b.error().message == "not a hive: no \"regf\" signature at 0x0");
    CHECK(b.error().offset == 0);
}

TEST_CASE("The base block checksum is the XOR of the first 127 dwords", "[format][baseblock][checksum]") {
    std::vector<uint8_t> b(512, 0);
    storeU32(b.data(), 0x11111111);
    storeU32(b.data() + 4, 0x22222222);
    storeU32(b.data() + 504, 0x44444444);
    storeU32(b.data() + 508, 0x88888888);  // the checksum field itself is not included
    CHECK(baseBlockChecksum(Bytes(b.data(), 508)) == 0x77777777u);
    CHECK(baseBlockChecksum(Bytes(b.data(), 512)) == 0x77777777u);
}

TEST_CASE("A checksum that XORs to 0 is stored as 1", "[format][baseblock][checksum]") {
    auto bytes = goodBaseBlock();
    forceXor(bytes, 0);
    CHECK(baseBlockChecksum(Bytes(bytes.data(), 508)) == 1u);
    storeU32(bytes.data() + L::base::Checksum, 1);
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK(b->computedChecksum == 1u);
    CHECK(b->checksumValid());
    // The raw XOR, 0, is not what Windows stores.
    storeU32(bytes.data() + L::base::Checksum, 0);
    CHECK_FALSE(decodeBaseBlock(Bytes(bytes.data(), bytes.size()))->checksumValid());
}

TEST_CASE("A checksum that XORs to 0xFFFFFFFF is stored as 0xFFFFFFFE", "[format][baseblock][checksum]") {
    auto bytes = goodBaseBlock();
    forceXor(bytes, 0xFFFFFFFF);
    CHECK(baseBlockChecksum(Bytes(bytes.data(), 508)) == 0xFFFFFFFEu);
    storeU32(bytes.data() + L::base::Checksum, 0xFFFFFFFE);
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK(b->checksumValid());
    storeU32(bytes.data() + L::base::Checksum, 0xFFFFFFFF);
    CHECK_FALSE(decodeBaseBlock(Bytes(bytes.data(), bytes.size()))->checksumValid());
}

TEST_CASE("A wrong checksum or differing sequence numbers make the base block dirty", "[format][baseblock]") {
    auto bytes = goodBaseBlock();
    storeU32(bytes.data() + L::base::Checksum, 0x12345678);
    auto b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK_FALSE(b->checksumValid());
    CHECK(b->isDirty());

    bytes = goodBaseBlock();
    storeU32(bytes.data() + L::base::SecondarySequence, 6);
    storeU32(bytes.data() + L::base::Checksum, baseBlockChecksum(Bytes(bytes.data(), 508)));
    b = decodeBaseBlock(Bytes(bytes.data(), bytes.size()));
    REQUIRE(b);
    CHECK(b->checksumValid());
    CHECK_FALSE(b->sequencesMatch());
    CHECK(b->isDirty());
}

TEST_CASE("Versions 1.1 to 1.6 are supported, big data from 1.4, lh lists from 1.5", "[format][baseblock]") {
    BaseBlock b;
    b.majorVersion = 1;
    for (uint32_t minor = 0; minor <= 7; ++minor) {
        b.minorVersion = minor;
        INFO("1." << minor);
        CHECK(b.versionSupported() == (minor >= 1 && minor <= 6));
        CHECK(b.allowsBigData() == (minor >= 4));
        CHECK(b.usesHashLeaves() == (minor >= 5));
    }
    b.majorVersion = 2;
    b.minorVersion = 5;
    CHECK_FALSE(b.versionSupported());
    CHECK_FALSE(b.allowsBigData());
}

TEST_CASE("File types are named", "[format][baseblock]") {
    BaseBlock b;
    b.fileType = 0;
    CHECK(b.fileTypeName() == "primary");
    b.fileType = 1;
    CHECK(b.fileTypeName() == "log (old format)");
    b.fileType = 2;
    CHECK(b.fileTypeName() == "log (old format, volatile)");
    b.fileType = 6;
    CHECK(b.fileTypeName() == "log (new format)");
    b.fileType = 9;
    CHECK(b.fileTypeName() == "unknown (9)");
}

TEST_CASE("FILETIMEs format as UTC with 100 ns digits", "[format][baseblock]") {
    CHECK(formatFiletime(116444736000000000ull) == "1970-01-01 00:00:00.0000000 UTC");
    CHECK(formatFiletime(132223104001234567ull) == "2020-01-01 00:00:00.1234567 UTC");
    CHECK(formatFiletime(0) == "FILETIME 0");
}

// ---------------------------------------------------------------------------
// Hive bin header

namespace {

Rec goodHbin(uint32_t offset, uint32_t size) {
    Rec r;
    r.text("hbin").u32(offset).u32(size).u32(0).u32(0).u64(0x01D6A1B2C3D4E5F6ull).u32(0);
    return r;
}

const std::vector<Field> kHbinFields = {
    {0x00, 4, "the signature"}, {0x04, 4, "the offset"},         {0x08, 4, "the size"},
    {0x14, 8, "the timestamp"}, {0x1C, 4, "the spare field"},
};

}  // namespace

TEST_CASE("An hbin header decodes signature, offset, size and timestamp", "[format][hbin]") {
    const Rec r = goodHbin(0x2000, 0x2000);
    REQUIRE(r.b.size() == 32);
    auto h = decodeHiveBinHeader(r.view(), 0x2000, 0x3000, 0x4000);
    REQUIRE(h);
    CHECK(h->signature == L::kHbinSignature);
    CHECK(h->offset == 0x2000);
    CHECK(h->size == 0x2000);
    CHECK(h->timestamp == 0x01D6A1B2C3D4E5F6ull);
    CHECK(h->spare == 0);
    // A bin that exactly fills what is left is fine.
    CHECK(decodeHiveBinHeader(r.view(), 0x2000, 0x3000, 0x2000));
}

TEST_CASE("An hbin header cut at any byte names the field that does not fit", "[format][hbin]") {
    const Rec r = goodHbin(0, 0x1000);
    for (size_t len = 0; len < r.b.size(); ++len) {
        INFO("length " << len);
        auto h = decodeHiveBinHeader(r.prefix(len), 0, 0x1000, 0x1000);
        REQUIRE_FALSE(h);
        const Field* f = firstCut(kHbinFields, len);
        REQUIRE(f);
        CHECK(h.error().code == ErrorCode::Truncated);
        CHECK(h.error().offset == 0x1000 + f->offset);
        CHECK(h.error().message == cutMessage(f->name, "hbin header", 0x1000, f->offset, len));
    }
    auto h = decodeHiveBinHeader(r.prefix(13), 0, 0x1000, 0x1000);
    CHECK(h.error().message ==
          "can't read the timestamp of hbin header at 0x1014: it goes past the end of the hbin header (0x100d)");
}

TEST_CASE("An hbin header with a bad signature is refused", "[format][hbin]") {
    Rec r = goodHbin(0, 0x1000);
    r.b[0] = 'H';
    auto h = decodeHiveBinHeader(r.view(), 0, 0x1000, 0x1000);
    REQUIRE_FALSE(h);
    CHECK(h.error().code == ErrorCode::Corrupt);
    CHECK(h.error().message == "hbin at 0x1000: bad signature (expected \"hbin\")");
    CHECK(h.error().offset == 0x1000);
}

TEST_CASE("An hbin header whose offset field disagrees with its place is refused", "[format][hbin]") {
    const Rec r = goodHbin(0x1000, 0x1000);
    auto h = decodeHiveBinHeader(r.view(), 0x2000, 0x3000, 0x1000);
    REQUIRE_FALSE(h);
    CHECK(h.error().message == "hbin at 0x3000: its offset field says 0x1000, expected 0x2000");
    CHECK(h.error().offset == 0x3004);
}

TEST_CASE("An hbin size of 0 or not a multiple of 4096 is refused", "[format][hbin]") {
    for (uint32_t size : {0u, 0x800u, 0x1800u, 0xFFFFFFFFu}) {
        INFO("size " << size);
        const Rec r = goodHbin(0, size);
        auto h = decodeHiveBinHeader(r.view(), 0, 0x1000, 0x100000);
        REQUIRE_FALSE(h);
        CHECK(h.error().message == "hbin at 0x1000: size " + hexOffset(size) + " is not a nonzero multiple of 0x1000");
        CHECK(h.error().offset == 0x1008);
    }
}

TEST_CASE("An hbin larger than the rest of the hive bins data is refused", "[format][hbin]") {
    const Rec r = goodHbin(0x1000, 0xFFFFF000);
    auto h = decodeHiveBinHeader(r.view(), 0x1000, 0x2000, 0x3000);
    REQUIRE_FALSE(h);
    CHECK(h.error().message == "hbin at 0x2000: size 0xfffff000 goes past the end of the hive bins data (0x5000)");
    CHECK(h.error().offset == 0x2008);
}

// ---------------------------------------------------------------------------
// Cell headers

TEST_CASE("A negative cell size is an allocated cell, a positive one a free cell", "[format][cell]") {
    auto a = decodeCellHeader(-16, 0x1020, 0x100);
    REQUIRE(a);
    CHECK(a->allocated);
    CHECK(a->size == 16);
    auto f = decodeCellHeader(0x100, 0x1020, 0x100);
    REQUIRE(f);
    CHECK_FALSE(f->allocated);
    CHECK(f->size == 0x100);
    auto smallest = decodeCellHeader(-8, 0x1020, 8);
    REQUIRE(smallest);
    CHECK(smallest->size == 8);
}

TEST_CASE("A cell size of 0 is refused", "[format][cell]") {
    auto c = decodeCellHeader(0, 0x1020, 0x100);
    REQUIRE_FALSE(c);
    CHECK(c.error().code == ErrorCode::Corrupt);
    CHECK(c.error().message == "cell at 0x1020: size is 0");
    CHECK(c.error().offset == 0x1020);
}

TEST_CASE("A cell size of 0x80000000 is refused", "[format][cell]") {
    auto c = decodeCellHeader(std::numeric_limits<int32_t>::min(), 0x1020, 0xFFFFFFFF);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at 0x1020: size is 0x80000000");
}

TEST_CASE("A cell size below 8 is refused, allocated or free", "[format][cell]") {
    for (int32_t raw : {4, -4, 1, -1, 7}) {
        INFO("raw " << raw);
        auto c = decodeCellHeader(raw, 0x1020, 0x100);
        REQUIRE_FALSE(c);
        CHECK(c.error().message ==
              "cell at 0x1020: size " + hexOffset(uint32_t(raw < 0 ? -raw : raw)) + " is not a multiple of 8 of at least 8");
    }
}

TEST_CASE("A cell size that is not a multiple of 8 is refused", "[format][cell]") {
    auto c = decodeCellHeader(-12, 0x1020, 0x100);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at 0x1020: size 0xc is not a multiple of 8 of at least 8");
    c = decodeCellHeader(0x7FFFFFFF, 0x1020, 0xFFFFFFFF);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at 0x1020: size 0x7fffffff is not a multiple of 8 of at least 8");
}

TEST_CASE("A cell that goes past the end of its bin is refused", "[format][cell]") {
    auto c = decodeCellHeader(-0x108, 0x1020, 0x100);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at 0x1020: size 0x108 goes past the end of its hbin (0x1120)");
    CHECK(c.error().offset == 0x1020);
    // The most negative size that is still a multiple of 8.
    c = decodeCellHeader(-0x7FFFFFF8, 0x1020, 0xFE0);
    REQUIRE_FALSE(c);
    CHECK(c.error().message == "cell at 0x1020: size 0x7ffffff8 goes past the end of its hbin (0x2000)");
}

// ---------------------------------------------------------------------------
// Key node

namespace {

Rec goodKeyNode(const std::string& name = "Software", uint16_t flags = L::nk::FlagCompressedName) {
    Rec r;
    r.text("nk").u16(flags).u64(0x01D6A1B2C3D4E5F6ull).u32(0x11)  // access bits
        .u32(0x1000)                                                  // parent
        .u32(3).u32(0)                                                // subkeys, volatile
        .u32(0x2000).u32(0xFFFFFFFF)                                  // lists
        .u32(2).u32(0x3000)                                           // values
        .u32(0x4000).u32(0x5000)                                      // sk, class
        .u32(0x00A50010)                                              // max subkey name | flags
        .u32(0x20).u32(0x30).u32(0x40)                                // max class, value name, data
        .u32(0x77)                                                    // work var
        .u16(static_cast<uint16_t>(name.size())).u16(10)             // name length, class length
        .text(name);
    return r;
}

std::vector<Field> keyNodeFields(size_t nameLength) {
    return {{0x00, 2, "the signature"},
            {0x02, 2, "the flags"},
            {0x04, 8, "the last-write time"},
            {0x0C, 4, "the access bits"},
            {0x10, 4, "the parent offset"},
            {0x14, 4, "the subkey count"},
            {0x18, 4, "the volatile subkey count"},
            {0x1C, 4, "the subkey list offset"},
            {0x20, 4, "the volatile subkey list offset"},
            {0x24, 4, "the value count"},
            {0x28, 4, "the value list offset"},
            {0x2C, 4, "the security offset"},
            {0x30, 4, "the class offset"},
            {0x34, 4, "the largest subkey name length"},
            {0x38, 4, "the largest class length"},
            {0x3C, 4, "the largest value name length"},
            {0x40, 4, "the largest value data size"},
            {0x44, 4, "the work variable"},
            {0x48, 2, "the name length"},
            {0x4A, 2, "the class length"},
            {0x4C, nameLength, "the name"}};
}

}  // namespace

TEST_CASE("A key node decodes every field", "[format][nk]") {
    const Rec r = goodKeyNode();
    REQUIRE(r.b.size() == 0x4C + 8);
    auto k = decodeKeyNode(r.view(), kCell, kData);
    REQUIRE(k);
    CHECK(k->cellOffset == kCell);
    CHECK(k->flags == L::nk::FlagCompressedName);
    CHECK(k->compressedName());
    CHECK_FALSE(k->isRoot());
    CHECK(k->lastWritten == 0x01D6A1B2C3D4E5F6ull);
    CHECK(k->accessBits == 0x11);
    CHECK(k->parent == 0x1000);
    CHECK(k->subkeyCount == 3);
    CHECK(k->volatileSubkeyCount == 0);
    CHECK(k->subkeyList == 0x2000);
    CHECK(k->volatileSubkeyList == 0xFFFFFFFF);
    CHECK(k->valueCount == 2);
    CHECK(k->valueList == 0x3000);
    CHECK(k->security == 0x4000);
    CHECK(k->classOffset == 0x5000);
    CHECK(k->maxSubkeyNameLength() == 0x10);
    CHECK(k->virtualizationFlags() == 0x5);
    CHECK(k->userFlags() == 0xA);
    CHECK(k->debugFlags() == 0);
    CHECK(k->maxClassLength == 0x20);
    CHECK(k->maxValueNameLength == 0x30);
    CHECK(k->maxValueDataLength == 0x40);
    CHECK(k->workVar == 0x77);
    CHECK(k->nameLength == 8);
    CHECK(k->classLength == 10);
    CHECK(k->name() == u"Software");
    CHECK(k->nameUtf8() == "Software");
    CHECK(k->nameBytes.data() == r.b.data() + 0x4C);  // a view into the cell, no copy
    CHECK(k->flagNames() == "COMP_NAME");
}

TEST_CASE("A key node with a UTF-16 name decodes it, odd bytes and surrogates included", "[format][nk]") {
    // "Ä€" then a lone high surrogate, UTF-16LE.
    const std::string utf16("\xC4\x00\xAC\x20\x00\xD8", 6);
    const Rec r = goodKeyNode(utf16, L::nk::FlagHiveEntry | L::nk::FlagNoDelete);
    auto k = decodeKeyNode(r.view(), kCell, kData);
    REQUIRE(k);
    CHECK_FALSE(k->compressedName());
    CHECK(k->isRoot());
    CHECK(k->name() == std::u16string{0xC4, 0x20AC, 0xD800});
    CHECK(k->nameUtf8() == "\xC3\x84\xE2\x82\xAC\xED\xA0\x80");
    CHECK(k->flagNames() == "HIVE_ENTRY|NO_DELETE");
}

TEST_CASE("Key node flags unknown to the format are shown in hex", "[format][nk]") {
    KeyNode k;
    k.flags = L::nk::FlagCompressedName | L::nk::FlagSymLink | 0x8000;
    CHECK(k.flagNames() == "SYM_LINK|COMP_NAME|0x8000");
    k.flags = 0;
    CHECK(k.flagNames() == "");
}

TEST_CASE("A key node cut at any byte names the field that does not fit and its offset", "[format][nk]") {
    const Rec r = goodKeyNode();
    const auto fields = keyNodeFields(8);
    for (size_t len = 0; len < r.b.size(); ++len) {
        INFO("length " << len);
        auto k = decodeKeyNode(r.prefix(len), kCell, kData);
        REQUIRE_FALSE(k);
        const Field* f = firstCut(fields, len);
        REQUIRE(f);
        CHECK(k.error().code == ErrorCode::Truncated);
        CHECK(k.error().offset == kData + f->offset);
        CHECK(k.error().message == cutMessage(f->name, "key node", kData, f->offset, len));
    }
    CHECK(decodeKeyNode(r.prefix(0), kCell, kData).error().message ==
          "can't read the signature of key node at 0x1024: it goes past the end of the key node (0x1024)");
    CHECK(decodeKeyNode(r.prefix(0x4A), kCell, kData).error().message ==
          "can't read the class length of key node at 0x106e: it goes past the end of the key node (0x106e)");
    CHECK(decodeKeyNode(r.prefix(0x4D), kCell, kData).error().message ==
          "can't read the name of key node at 0x1070: it goes past the end of the key node (0x1071)");
}

TEST_CASE("A key node without the nk signature is refused", "[format][nk]") {
    Rec r = goodKeyNode();
    r.b[0] = 'v';
    auto k = decodeKeyNode(r.view(), kCell, kData);
    REQUIRE_FALSE(k);
    CHECK(k.error().code == ErrorCode::Corrupt);
    CHECK(k.error().message == "cell at 0x1020 is not a key node (no \"nk\" signature)");
    CHECK(k.error().offset == kData);
    // Even when the record is also too short, the signature is what is wrong.
    CHECK(decodeKeyNode(r.prefix(2), kCell, kData).error().message ==
          "cell at 0x1020 is not a key node (no \"nk\" signature)");
}

TEST_CASE("A key node whose name is longer than its cell is refused", "[format][nk]") {
    Rec r = goodKeyNode();
    storeU16(r.b.data() + L::nk::NameLength, 0xFFFF);
    auto k = decodeKeyNode(r.view(), kCell, kData);
    REQUIRE_FALSE(k);
    CHECK(k.error().code == ErrorCode::Truncated);
    CHECK(k.error().message == "can't read the name of key node at 0x1070: it goes past the end of the key node (0x1078)");
    CHECK(k.error().offset == 0x1070);
}

TEST_CASE("A key node with an empty name decodes", "[format][nk]") {
    const Rec r = goodKeyNode("");
    auto k = decodeKeyNode(r.view(), kCell, kData);
    REQUIRE(k);
    CHECK(k->name().empty());
}

// ---------------------------------------------------------------------------
// Value record

namespace {

Rec goodValue(const std::string& name, uint32_t sizeField, std::initializer_list<uint8_t> offsetField,
              uint32_t type = 4, uint16_t flags = L::vk::FlagCompressedName) {
    Rec r;
    r.text("vk").u16(static_cast<uint16_t>(name.size())).u32(sizeField).bytes(offsetField).u32(type).u16(flags).u16(0)
        .text(name);
    return r;
}

std::vector<Field> valueFields(size_t nameLength) {
    return {{0x00, 2, "the signature"}, {0x02, 2, "the name length"}, {0x04, 4, "the data size"},
            {0x08, 4, "the data offset"}, {0x0C, 4, "the type"},       {0x10, 2, "the flags"},
            {0x12, 2, "the spare field"}, {0x14, nameLength, "the name"}};
}

}  // namespace

TEST_CASE("A value record decodes every field", "[format][vk]") {
    const Rec r = goodValue("Start", 0x10, {0x20, 0x30, 0, 0}, 3);
    auto v = decodeValueRecord(r.view(), kCell, kData);
    REQUIRE(v);
    CHECK(v->cellOffset == kCell);
    CHECK(v->nameLength == 5);
    CHECK(v->dataSizeField == 0x10);
    CHECK(v->dataSize() == 0x10);
    CHECK_FALSE(v->dataInline());
    CHECK(v->dataOffset == 0x3020);
    CHECK(v->type == 3);
    CHECK(v->flags == L::vk::FlagCompressedName);
    CHECK(v->compressedName());
    CHECK(v->spare == 0);
    CHECK(v->name() == u"Start");
    CHECK(v->nameUtf8() == "Start");
    CHECK(v->nameBytes.data() == r.b.data() + 0x14);
}

TEST_CASE("A value record with inline data keeps the offset field's bytes", "[format][vk]") {
    const Rec r = goodValue("", 0x80000004, {0x2A, 0x00, 0x01, 0xFF});
    auto v = decodeValueRecord(r.view(), kCell, kData);
    REQUIRE(v);
    CHECK(v->dataInline());
    CHECK(v->dataSize() == 4);
    CHECK(v->inlineBytes[0] == 0x2A);
    CHECK(v->inlineBytes[3] == 0xFF);
    CHECK(v->name().empty());  // the default value
}

TEST_CASE("A value record with a UTF-16 name decodes it", "[format][vk]") {
    const Rec r = goodValue(std::string("\xE4\x00x\x00", 4), 4, {0, 0, 0, 0}, 1, 0);
    auto v = decodeValueRecord(r.view(), kCell, kData);
    REQUIRE(v);
    CHECK_FALSE(v->compressedName());
    CHECK(v->name() == u"\u00E4x");
    CHECK(v->nameUtf8() == "\xC3\xA4x");
}

TEST_CASE("A value record cut at any byte names the field that does not fit and its offset", "[format][vk]") {
    const Rec r = goodValue("Start", 0x10, {0x20, 0x30, 0, 0});
    const auto fields = valueFields(5);
    for (size_t len = 0; len < r.b.size(); ++len) {
        INFO("length " << len);
        auto v = decodeValueRecord(r.prefix(len), kCell, kData);
        REQUIRE_FALSE(v);
        const Field* f = firstCut(fields, len);
        REQUIRE(f);
        CHECK(v.error().code == ErrorCode::Truncated);
        CHECK(v.error().offset == kData + f->offset);
        CHECK(v.error().message == cutMessage(f->name, "value record", kData, f->offset, len));
    }
    CHECK(decodeValueRecord(r.prefix(10), kCell, kData).error().message ==
          "can't read the data offset of value record at 0x102c: it goes past the end of the value record (0x102e)");
    CHECK(decodeValueRecord(r.prefix(0x16), kCell, kData).error().message ==
          "can't read the name of value record at 0x1038: it goes past the end of the value record (0x103a)");
}

TEST_CASE("A value record without the vk signature is refused", "[format][vk]") {
    Rec r = goodValue("Start", 0x10, {0, 0, 0, 0});
    r.b[1] = 'n';
    auto v = decodeValueRecord(r.view(), kCell, kData);
    REQUIRE_FALSE(v);
    CHECK(v.error().code == ErrorCode::Corrupt);
    CHECK(v.error().message == "cell at 0x1020 is not a value record (no \"vk\" signature)");
    CHECK(v.error().offset == kData);
}

TEST_CASE("A value record whose name is longer than its cell is refused", "[format][vk]") {
    Rec r = goodValue("Start", 0x10, {0, 0, 0, 0});
    storeU16(r.b.data() + L::vk::NameLength, 6);
    auto v = decodeValueRecord(r.view(), kCell, kData);
    REQUIRE_FALSE(v);
    CHECK(v.error().message ==
          "can't read the name of value record at 0x1038: it goes past the end of the value record (0x103d)");
}

// ---------------------------------------------------------------------------
// Subkey lists

namespace {

Rec leaf(const char* sig, std::initializer_list<uint32_t> offsets, bool hints) {
    Rec r;
    r.text(sig).u16(static_cast<uint16_t>(offsets.size()));
    uint32_t n = 0;
    for (uint32_t off : offsets) {
        r.u32(off);
        if (hints) r.u32(0xABCD0000 + n++);
    }
    return r;
}

const std::vector<Field> kListFields = {{0x00, 2, "the signature"}, {0x02, 2, "the count"}};

}  // namespace

TEST_CASE("An li list decodes its offsets", "[format][list]") {
    const Rec r = leaf("li", {0x100, 0x200, 0x300}, false);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE(l);
    CHECK(l->kind == SubkeyList::Kind::IndexLeaf);
    CHECK(std::string(l->signatureName()) == "li");
    CHECK(l->isLeaf());
    CHECK_FALSE(l->hasHints());
    CHECK(l->entrySize() == 4);
    CHECK(l->count == 3);
    CHECK(l->entries.size() == 12);
    CHECK(l->offsetAt(0) == 0x100);
    CHECK(l->offsetAt(2) == 0x300);
}

TEST_CASE("An lf list decodes its offsets and name hints", "[format][list]") {
    const Rec r = leaf("lf", {0x100, 0x200}, true);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE(l);
    CHECK(l->kind == SubkeyList::Kind::FastLeaf);
    CHECK(std::string(l->signatureName()) == "lf");
    CHECK(l->hasHints());
    CHECK(l->entrySize() == 8);
    CHECK(l->offsetAt(1) == 0x200);
    CHECK(l->hintAt(0) == 0xABCD0000u);
    CHECK(l->hintAt(1) == 0xABCD0001u);
}

TEST_CASE("An lh list decodes its offsets and hashes", "[format][list]") {
    const Rec r = leaf("lh", {0x100}, true);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE(l);
    CHECK(l->kind == SubkeyList::Kind::HashLeaf);
    CHECK(std::string(l->signatureName()) == "lh");
    CHECK(l->isLeaf());
    CHECK(l->offsetAt(0) == 0x100);
    CHECK(l->hintAt(0) == 0xABCD0000u);
}

TEST_CASE("An ri list decodes the offsets of its leaves", "[format][list]") {
    const Rec r = leaf("ri", {0x400, 0x500}, false);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE(l);
    CHECK(l->kind == SubkeyList::Kind::IndexRoot);
    CHECK(std::string(l->signatureName()) == "ri");
    CHECK_FALSE(l->isLeaf());
    CHECK_FALSE(l->hasHints());
    CHECK(l->offsetAt(1) == 0x500);
}

TEST_CASE("A list with no entries and a cell with room to spare decode", "[format][list]") {
    auto empty = decodeSubkeyList(leaf("lh", {}, true).view(), kData);
    REQUIRE(empty);
    CHECK(empty->count == 0);
    CHECK(empty->entries.empty());
    Rec padded = leaf("li", {0x100}, false);
    padded.zeros(8);
    auto l = decodeSubkeyList(padded.view(), kData);
    REQUIRE(l);
    CHECK(l->entries.size() == 4);
}

TEST_CASE("A subkey list cut at any byte names the field or the entries that do not fit", "[format][list]") {
    for (const char* sig : {"li", "lf", "lh", "ri"}) {
        const bool hints = sig[1] == 'f' || sig[1] == 'h';
        const Rec r = leaf(sig, {0x100, 0x200}, hints);
        for (size_t len = 0; len < r.b.size(); ++len) {
            INFO(sig << " length " << len);
            auto l = decodeSubkeyList(r.prefix(len), kData);
            REQUIRE_FALSE(l);
            if (const Field* f = firstCut(kListFields, len)) {
                CHECK(l.error().code == ErrorCode::Truncated);
                CHECK(l.error().offset == kData + f->offset);
                CHECK(l.error().message == cutMessage(f->name, "subkey list", kData, f->offset, len));
            } else {
                CHECK(l.error().code == ErrorCode::Corrupt);
                CHECK(l.error().offset == kData + 2);
                CHECK(l.error().message == std::string(sig) + " list at 0x1020: 2 entries do not fit its cell (" +
                                               std::to_string(len) + " bytes)");
            }
        }
    }
    CHECK(decodeSubkeyList(leaf("lf", {1, 2}, true).prefix(3), kData).error().message ==
          "can't read the count of subkey list at 0x1026: it goes past the end of the subkey list (0x1027)");
    CHECK(decodeSubkeyList(leaf("lf", {1, 2}, true).prefix(19), kData).error().message ==
          "lf list at 0x1020: 2 entries do not fit its cell (19 bytes)");
}

TEST_CASE("A subkey list with an unknown signature is refused", "[format][list]") {
    const Rec r = leaf("lx", {0x100}, false);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE_FALSE(l);
    CHECK(l.error().code == ErrorCode::Corrupt);
    CHECK(l.error().message == "cell at 0x1020 is not a subkey list (no li, lf, lh or ri signature)");
    CHECK(l.error().offset == kData);
    // An nk is not a list either.
    CHECK_FALSE(decodeSubkeyList(goodKeyNode().view(), kData));
}

TEST_CASE("A subkey list whose count does not fit its cell is refused", "[format][list]") {
    Rec r = leaf("lh", {0x100}, true);
    storeU16(r.b.data() + 2, 0xFFFF);
    auto l = decodeSubkeyList(r.view(), kData);
    REQUIRE_FALSE(l);
    CHECK(l.error().message == "lh list at 0x1020: 65535 entries do not fit its cell (12 bytes)");
    CHECK(l.error().offset == kData + 2);
}

TEST_CASE("The lf hint is the name's first four units, low bytes, zero-padded", "[format][list]") {
    CHECK(fastLeafHint(u"Software") == 0x74666F53u);  // "Soft"
    CHECK(fastLeafHint(u"ab") == 0x00006261u);
    CHECK(fastLeafHint(u"") == 0u);
    CHECK(fastLeafHint(u"\u0141xyz") == 0x7A797841u);
}

// ---------------------------------------------------------------------------
// Big data

namespace {
const std::vector<Field> kBigDataFields = {
    {0x00, 2, "the signature"}, {0x02, 2, "the segment count"}, {0x04, 4, "the segment list offset"}};
}

TEST_CASE("A big data record decodes its segment count and list", "[format][db]") {
    Rec r;
    r.text("db").u16(3).u32(0x4560).u32(0);  // the padding Windows leaves
    auto b = decodeBigData(r.view(), kData);
    REQUIRE(b);
    CHECK(b->segmentCount == 3);
    CHECK(b->segmentList == 0x4560);
    CHECK(looksLikeBigData(r.view()));
}

TEST_CASE("looksLikeBigData needs the db signature in two bytes or more", "[format][db]") {
    const uint8_t db[] = {'d', 'b'};
    const uint8_t d[] = {'d'};
    const uint8_t nk[] = {'n', 'k', 0, 0};
    CHECK(looksLikeBigData(Bytes(db, 2)));
    CHECK_FALSE(looksLikeBigData(Bytes(d, 1)));
    CHECK_FALSE(looksLikeBigData(Bytes()));
    CHECK_FALSE(looksLikeBigData(Bytes(nk, 4)));
}

TEST_CASE("A big data record cut at any byte names the field that does not fit", "[format][db]") {
    Rec r;
    r.text("db").u16(2).u32(0x4560);
    for (size_t len = 0; len < r.b.size(); ++len) {
        INFO("length " << len);
        auto b = decodeBigData(r.prefix(len), kData);
        REQUIRE_FALSE(b);
        const Field* f = firstCut(kBigDataFields, len);
        REQUIRE(f);
        CHECK(b.error().code == ErrorCode::Truncated);
        CHECK(b.error().offset == kData + f->offset);
        CHECK(b.error().message == cutMessage(f->name, "big data record", kData, f->offset, len));
    }
    CHECK(decodeBigData(r.prefix(5), kData).error().message ==
          "can't read the segment list offset of big data record at 0x1028: it goes past the end of the big data "
          "record (0x1029)");
}

TEST_CASE("A big data record without the db signature is refused", "[format][db]") {
    Rec r;
    r.text("dc").u16(2).u32(0x4560);
    auto b = decodeBigData(r.view(), kData);
    REQUIRE_FALSE(b);
    CHECK(b.error().code == ErrorCode::Corrupt);
    CHECK(b.error().message == "cell at 0x1020 is not a big data record (no \"db\" signature)");
    CHECK(b.error().offset == kData);
}

// ---------------------------------------------------------------------------
// Security cell

namespace {

Rec goodSecurity(uint32_t descriptorSize, size_t descriptorBytes) {
    Rec r;
    r.text("sk").u16(0).u32(0x1000).u32(0x2000).u32(5).u32(descriptorSize);
    for (size_t i = 0; i < descriptorBytes; ++i) r.u8(static_cast<uint8_t>(i + 1));
    return r;
}

std::vector<Field> securityFields(size_t descriptorSize) {
    return {{0x00, 2, "the signature"},      {0x04, 4, "the next sk offset"},
            {0x08, 4, "the previous sk offset"}, {0x0C, 4, "the reference count"},
            {0x10, 4, "the descriptor size"}, {0x14, descriptorSize, "the security descriptor"}};
}

}  // namespace

TEST_CASE("A security cell decodes its links, reference count and descriptor", "[format][sk]") {
    const Rec r = goodSecurity(6, 6);
    auto s = decodeSecurityCell(r.view(), kCell, kData);
    REQUIRE(s);
    CHECK(s->cellOffset == kCell);
    CHECK(s->flink == 0x1000);
    CHECK(s->blink == 0x2000);
    CHECK(s->referenceCount == 5);
    CHECK(s->descriptorSize == 6);
    REQUIRE(s->descriptor.size() == 6);
    CHECK(s->descriptor[0] == 1);
    CHECK(s->descriptor.data() == r.b.data() + 0x14);
}

TEST_CASE("A security cell cut at any byte names the field that does not fit", "[format][sk]") {
    const Rec r = goodSecurity(6, 6);
    const auto fields = securityFields(6);
    for (size_t len = 0; len < r.b.size(); ++len) {
        INFO("length " << len);
        auto s = decodeSecurityCell(r.prefix(len), kCell, kData);
        REQUIRE_FALSE(s);
        const Field* f = firstCut(fields, len);
        REQUIRE(f);
        CHECK(s.error().code == ErrorCode::Truncated);
        CHECK(s.error().offset == kData + f->offset);
        CHECK(s.error().message == cutMessage(f->name, "security cell", kData, f->offset, len));
    }
    CHECK(decodeSecurityCell(r.prefix(3), kCell, kData).error().message ==
          "can't read the next sk offset of security cell at 0x1028: it goes past the end of the security cell (0x1027)");
}

TEST_CASE("A security cell without the sk signature is refused", "[format][sk]") {
    Rec r = goodSecurity(6, 6);
    r.b[0] = 'n';
    auto s = decodeSecurityCell(r.view(), kCell, kData);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == ErrorCode::Corrupt);
    CHECK(s.error().message == "cell at 0x1020 is not a security cell (no \"sk\" signature)");
    CHECK(s.error().offset == kData);
}

TEST_CASE("A security descriptor larger than its cell is refused, even at 0xFFFFFFFF", "[format][sk]") {
    auto s = decodeSecurityCell(goodSecurity(7, 6).view(), kCell, kData);
    REQUIRE_FALSE(s);
    CHECK(s.error().message ==
          "can't read the security descriptor of security cell at 0x1038: it goes past the end of the security cell "
          "(0x103e)");
    s = decodeSecurityCell(goodSecurity(0xFFFFFFFF, 6).view(), kCell, kData);
    REQUIRE_FALSE(s);
    CHECK(s.error().offset == 0x1038);
}
