#include "support/HiveBuilder.h"

#include <algorithm>
#include <cassert>

#include "format/BaseBlock.h"
#include "format/ByteReader.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "format/SecurityDescriptor.h"
#include "format/SubkeyList.h"
#include "format/ValueData.h"
#include "hive/CellScanner.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"

namespace testsupport {

using namespace hivekit;
namespace L = hivekit::layout;

namespace {

constexpr uint32_t kNone = L::kNoCell;
constexpr uint32_t kBinBase = L::kBaseBlockSize;

uint32_t roundUp(uint64_t n, uint32_t to) { return static_cast<uint32_t>((n + to - 1) / to * to); }
/// A cell holding `dataBytes` bytes after its size field.
uint32_t cellSizeFor(uint64_t dataBytes) { return std::max<uint32_t>(8, roundUp(4 + dataBytes, 8)); }

bool storedCompressed(const std::u16string& name, NameStorage storage) {
    return storage == NameStorage::Auto && fitsLatin1(name);
}

std::vector<uint8_t> storedName(const std::u16string& name, bool compressed) {
    std::vector<uint8_t> out;
    for (char16_t c : name) {
        if (compressed) {
            out.push_back(static_cast<uint8_t>(c));
        } else {
            out.push_back(static_cast<uint8_t>(c));
            out.push_back(static_cast<uint8_t>(c >> 8));
        }
    }
    return out;
}

void appendSid(std::vector<uint8_t>& out, uint8_t authority, std::initializer_list<uint32_t> subs) {
    out.push_back(1);  // revision
    out.push_back(static_cast<uint8_t>(subs.size()));
    for (int i = 0; i < 5; ++i) out.push_back(0);  // 48-bit authority, big-endian
    out.push_back(authority);
    for (uint32_t s : subs)
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(s >> (8 * i)));
}

/// "O:BAG:SYD:(A;CI;KA;;;BA)" as a self-relative security descriptor:
/// header, DACL, owner SID, group SID.
std::vector<uint8_t> securityDescriptor() {
    std::vector<uint8_t> owner, group, ace, dacl;
    appendSid(owner, 5, {32, 544});
    appendSid(group, 5, {18});
    std::vector<uint8_t> aceSid;
    appendSid(aceSid, 5, {32, 544});
    ace = {0x00, 0x02, 0, 0, 0x3F, 0x00, 0x0F, 0x00};  // ACCESS_ALLOWED, CONTAINER_INHERIT, KEY_ALL_ACCESS
    ace.insert(ace.end(), aceSid.begin(), aceSid.end());
    storeU16(ace.data() + 2, static_cast<uint16_t>(ace.size()));
    dacl = {2, 0, 0, 0, 1, 0, 0, 0};  // ACL_REVISION, size, one ACE
    dacl.insert(dacl.end(), ace.begin(), ace.end());
    storeU16(dacl.data() + 2, static_cast<uint16_t>(dacl.size()));
    std::vector<uint8_t> sd(20, 0);
    sd[0] = 1;
    storeU16(sd.data() + 2, 0x8004);  // SE_SELF_RELATIVE | SE_DACL_PRESENT
    const uint32_t daclAt = 20;
    const uint32_t ownerAt = daclAt + static_cast<uint32_t>(dacl.size());
    const uint32_t groupAt = ownerAt + static_cast<uint32_t>(owner.size());
    storeU32(sd.data() + 4, ownerAt);
    storeU32(sd.data() + 8, groupAt);
    storeU32(sd.data() + 16, daclAt);
    sd.insert(sd.end(), dacl.begin(), dacl.end());
    sd.insert(sd.end(), owner.begin(), owner.end());
    sd.insert(sd.end(), group.begin(), group.end());
    return sd;
}

}  // namespace

// Places cells in hbins (phase 1), then writes every record (phase 2). Two
// phases because an nk names cells (lists, children) placed after it.
class HiveImageWriter {
public:
    explicit HiveImageWriter(const HiveBuilder& b) : b_(b) {}

    BuiltHive build() {
        out_.keys.resize(b_.keys_.size());
        sorted_.resize(b_.keys_.size());
        for (size_t id = 0; id < b_.keys_.size(); ++id) {
            sorted_[id] = b_.keys_[id].children;
            std::stable_sort(sorted_[id].begin(), sorted_[id].end(), [&](size_t x, size_t y) {
                return compareNames(b_.keys_[x].name, b_.keys_[y].name) < 0;
            });
            out_.keys[id].sortedChildren = sorted_[id];
        }
        sd_ = securityDescriptor();

        // Phase 1: placement.
        out_.keys[0].nk = alloc(nkSize(0));
        out_.security = alloc(cellSizeFor(L::sk::Descriptor + sd_.size()));
        placeKeyRest(0);
        for (size_t child : sorted_[0]) placeSubtree(child);
        closeBin();

        // Phase 2: bytes.
        out_.bytes.assign(kBinBase + binsEnd_, 0);
        writeBaseBlock();
        for (auto [off, size] : out_.bins) writeBin(off, size);
        for (auto [off, size] : freeCells_) storeU32(at(off), size);
        writeSecurity();
        for (size_t id = 0; id < b_.keys_.size(); ++id) writeKey(id);
        return std::move(out_);
    }

private:
    // ---- placement -------------------------------------------------------

    uint32_t alloc(uint32_t size) {
        if (!binOpen_ || pos_ + size > binStart_ + binSize_) openBin(size);
        uint32_t off = pos_;
        pos_ += size;
        sizes_.push_back({off, size});
        return off;
    }
    void openBin(uint32_t need) {
        closeBin();
        binStart_ = binsEnd_;
        binSize_ = std::max<uint32_t>(L::kHbinAlignment, roundUp(uint64_t{L::kHbinHeaderSize} + need, L::kHbinAlignment));
        pos_ = binStart_ + L::kHbinHeaderSize;
        binsEnd_ += binSize_;
        binOpen_ = true;
        out_.bins.push_back({binStart_, binSize_});
    }
    void closeBin() {
        if (!binOpen_) return;
        const uint32_t end = binStart_ + binSize_;
        if (pos_ < end) freeCells_.push_back({pos_, end - pos_});
        binOpen_ = false;
    }
    /// Starts a fresh bin for what follows, unless the current one is empty.
    void breakBin() {
        if (binOpen_ && pos_ == binStart_ + L::kHbinHeaderSize) return;
        closeBin();
    }

    bool compressed(size_t id) const { return storedCompressed(b_.keys_[id].name, b_.keys_[id].storage); }
    uint32_t nkSize(size_t id) const {
        return cellSizeFor(L::nk::Name + storedName(b_.keys_[id].name, compressed(id)).size());
    }
    ListKind leafKind(size_t id) const {
        ListKind k = b_.keys_[id].listKind;
        if (k == ListKind::Default) k = b_.minor_ >= 5 ? ListKind::HashLeaf : ListKind::FastLeaf;
        return k;
    }
    uint32_t leafSize(size_t id, size_t entries) const {
        return cellSizeFor(4 + entries * (leafKind(id) == ListKind::IndexLeaf ? 4 : 8));
    }

    void placeSubtree(size_t id) {
        const bool own = b_.keys_[id].ownBins;
        if (own) breakBin();
        out_.keys[id].nk = alloc(nkSize(id));
        placeKeyRest(id);
        for (size_t child : sorted_[id]) placeSubtree(child);
        if (own) breakBin();
    }

    /// Everything of a key but its nk and its children.
    void placeKeyRest(size_t id) {
        const auto& spec = b_.keys_[id];
        BuiltKey& k = out_.keys[id];
        if (spec.hasClass) k.classCell = alloc(cellSizeFor(spec.className.size() * 2));
        if (!spec.values.empty()) k.valueList = alloc(cellSizeFor(spec.values.size() * 4));
        for (const auto& v : spec.values) k.values.push_back(placeValue(v));
        const size_t n = sorted_[id].size();
        if (n == 0) return;
        if (spec.riPerLeaf == 0) {
            k.subkeyList = alloc(leafSize(id, n));
            return;
        }
        const size_t leaves = (n + spec.riPerLeaf - 1) / spec.riPerLeaf;
        k.subkeyList = alloc(cellSizeFor(4 + 4 * leaves));
        for (size_t i = 0; i < leaves; ++i)
            k.leaves.push_back(alloc(leafSize(id, std::min(spec.riPerLeaf, n - i * spec.riPerLeaf))));
    }

    BuiltValue placeValue(const HiveBuilder::ValueSpec& v) {
        BuiltValue out;
        out.vk = alloc(cellSizeFor(L::vk::Name + storedName(v.name, storedCompressed(v.name, v.storage)).size()));
        const size_t size = v.data.size();
        if (size <= 4) {
            out.inlineData = true;
            return out;
        }
        if (size <= L::kBigDataSegmentSize || b_.minor_ < 4) {
            out.data = alloc(cellSizeFor(size));
            return out;
        }
        out.bigData = true;
        const size_t segments = (size + L::kBigDataSegmentSize - 1) / L::kBigDataSegmentSize;
        out.data = alloc(cellSizeFor(8));
        out.segmentList = alloc(cellSizeFor(4 * segments));
        for (size_t i = 0; i < segments; ++i) {
            const size_t chunk = std::min<size_t>(L::kBigDataSegmentSize, size - i * L::kBigDataSegmentSize);
            // Windows leaves 4 bytes after each segment's data (a full
            // segment is a 16352-byte cell); readers rely on it.
            out.segments.push_back(alloc(cellSizeFor(chunk + 4)));
        }
        return out;
    }

    // ---- writing ---------------------------------------------------------

    uint8_t* at(uint32_t rel) { return out_.bytes.data() + kBinBase + rel; }
    /// The data of an allocated cell: writes its (negative) size field.
    uint8_t* cellData(uint32_t rel) {
        auto it = std::lower_bound(sizes_.begin(), sizes_.end(), std::pair<uint32_t, uint32_t>{rel, 0});
        assert(it != sizes_.end() && it->first == rel);
        storeU32(at(rel), static_cast<uint32_t>(-static_cast<int32_t>(it->second)));
        return at(rel) + 4;
    }

    void writeBaseBlock() {
        uint8_t* p = out_.bytes.data();
        namespace B = L::base;
        storeU32(p + B::Signature, L::kBaseSignature);
        storeU32(p + B::PrimarySequence, 1);
        storeU32(p + B::SecondarySequence, 1);
        storeU64(p + B::LastWritten, b_.timestamp_);
        storeU32(p + B::MajorVersion, 1);
        storeU32(p + B::MinorVersion, b_.minor_);
        storeU32(p + B::FileType, 0);
        storeU32(p + B::FileFormat, 1);
        storeU32(p + B::RootCellOffset, out_.keys[0].nk);
        storeU32(p + B::HiveBinsDataSize, binsEnd_);
        storeU32(p + B::ClusteringFactor, 1);
        const std::u16string fileName = u"HiveBuilder";
        for (size_t i = 0; i < fileName.size(); ++i) storeU16(p + B::FileName + 2 * i, fileName[i]);
        out_.fixChecksum();
    }

    void writeBin(uint32_t off, uint32_t size) {
        uint8_t* p = at(off);
        storeU32(p + L::hbin::Signature, L::kHbinSignature);
        storeU32(p + L::hbin::Offset, off);
        storeU32(p + L::hbin::Size, size);
        if (off == 0) storeU64(p + L::hbin::Timestamp, b_.timestamp_);
    }

    void writeSecurity() {
        uint8_t* p = cellData(out_.security);
        storeU16(p, L::kSecuritySignature);
        storeU32(p + L::sk::Flink, out_.security);
        storeU32(p + L::sk::Blink, out_.security);
        storeU32(p + L::sk::ReferenceCount, static_cast<uint32_t>(b_.keys_.size()));
        storeU32(p + L::sk::DescriptorSize, static_cast<uint32_t>(sd_.size()));
        std::copy(sd_.begin(), sd_.end(), p + L::sk::Descriptor);
    }

    void writeKey(size_t id) {
        const auto& spec = b_.keys_[id];
        const BuiltKey& k = out_.keys[id];
        namespace N = L::nk;
        const bool comp = compressed(id);
        const std::vector<uint8_t> name = storedName(spec.name, comp);

        uint32_t maxSubkeyName = 0, maxClass = 0, maxValueName = 0, maxValueData = 0;
        for (size_t c : spec.children) {
            // Lengths in bytes, counted as if the name were stored UTF-16LE.
            maxSubkeyName = std::max<uint32_t>(maxSubkeyName, static_cast<uint32_t>(b_.keys_[c].name.size() * 2));
            maxClass = std::max<uint32_t>(maxClass, static_cast<uint32_t>(b_.keys_[c].className.size() * 2));
        }
        for (const auto& v : spec.values) {
            maxValueName = std::max<uint32_t>(maxValueName, static_cast<uint32_t>(v.name.size() * 2));
            maxValueData = std::max<uint32_t>(maxValueData, static_cast<uint32_t>(v.data.size()));
        }

        uint8_t* p = cellData(k.nk);
        uint16_t flags = comp ? N::FlagCompressedName : 0;
        if (id == 0) flags |= N::FlagHiveEntry | N::FlagNoDelete;
        storeU16(p, L::kKeyNodeSignature);
        storeU16(p + N::Flags, flags);
        storeU64(p + N::LastWritten, b_.timestamp_);
        storeU32(p + N::Parent, id == 0 ? 0 : out_.keys[spec.parent].nk);
        storeU32(p + N::SubkeyCount, static_cast<uint32_t>(spec.children.size()));
        storeU32(p + N::SubkeyList, k.subkeyList);
        storeU32(p + N::VolatileSubkeyList, kNone);
        storeU32(p + N::ValueCount, static_cast<uint32_t>(spec.values.size()));
        storeU32(p + N::ValueList, k.valueList);
        storeU32(p + N::Security, out_.security);
        storeU32(p + N::Class, k.classCell);
        storeU32(p + N::MaxSubkeyName, maxSubkeyName);
        storeU32(p + N::MaxClass, maxClass);
        storeU32(p + N::MaxValueName, maxValueName);
        storeU32(p + N::MaxValueData, maxValueData);
        storeU16(p + N::NameLength, static_cast<uint16_t>(name.size()));
        storeU16(p + N::ClassLength, static_cast<uint16_t>(spec.className.size() * 2));
        std::copy(name.begin(), name.end(), p + N::Name);

        if (spec.hasClass) {
            uint8_t* c = cellData(k.classCell);
            for (size_t i = 0; i < spec.className.size(); ++i) storeU16(c + 2 * i, spec.className[i]);
        }
        if (!spec.values.empty()) {
            uint8_t* list = cellData(k.valueList);
            for (size_t i = 0; i < k.values.size(); ++i) storeU32(list + 4 * i, k.values[i].vk);
        }
        for (size_t i = 0; i < spec.values.size(); ++i) writeValue(spec.values[i], k.values[i]);
        if (!sorted_[id].empty()) writeLists(id);
    }

    void writeLeaf(size_t id, uint32_t cell, const size_t* first, size_t count) {
        uint8_t* p = cellData(cell);
        const ListKind kind = leafKind(id);
        storeU16(p, kind == ListKind::IndexLeaf  ? L::kIndexLeafSignature
                    : kind == ListKind::FastLeaf ? L::kFastLeafSignature
                                                 : L::kHashLeafSignature);
        storeU16(p + L::list::Count, static_cast<uint16_t>(count));
        const size_t entry = kind == ListKind::IndexLeaf ? 4 : 8;
        for (size_t i = 0; i < count; ++i) {
            const size_t child = first[i];
            uint8_t* e = p + L::list::Entries + i * entry;
            storeU32(e, out_.keys[child].nk);
            const std::u16string& name = b_.keys_[child].name;
            if (kind == ListKind::FastLeaf) storeU32(e + 4, fastLeafHint(name));
            if (kind == ListKind::HashLeaf) storeU32(e + 4, lhHash(name));
        }
    }

    void writeLists(size_t id) {
        const BuiltKey& k = out_.keys[id];
        const std::vector<size_t>& children = sorted_[id];
        if (k.leaves.empty()) {
            writeLeaf(id, k.subkeyList, children.data(), children.size());
            return;
        }
        const size_t per = b_.keys_[id].riPerLeaf;
        uint8_t* ri = cellData(k.subkeyList);
        storeU16(ri, L::kIndexRootSignature);
        storeU16(ri + L::list::Count, static_cast<uint16_t>(k.leaves.size()));
        for (size_t i = 0; i < k.leaves.size(); ++i) {
            storeU32(ri + L::list::Entries + 4 * i, k.leaves[i]);
            writeLeaf(id, k.leaves[i], children.data() + i * per, std::min(per, children.size() - i * per));
        }
    }

    void writeValue(const HiveBuilder::ValueSpec& spec, const BuiltValue& v) {
        namespace V = L::vk;
        const bool comp = storedCompressed(spec.name, spec.storage);
        const std::vector<uint8_t> name = storedName(spec.name, comp);
        const uint32_t size = static_cast<uint32_t>(spec.data.size());
        uint8_t* p = cellData(v.vk);
        storeU16(p, L::kValueSignature);
        storeU16(p + V::NameLength, static_cast<uint16_t>(name.size()));
        storeU32(p + V::DataSize, v.inlineData ? (size | V::DataInlineBit) : size);
        if (v.inlineData) {
            std::copy(spec.data.begin(), spec.data.end(), p + V::DataOffset);
        } else {
            storeU32(p + V::DataOffset, v.data);
        }
        storeU32(p + V::Type, spec.type);
        storeU16(p + V::Flags, comp ? V::FlagCompressedName : 0);
        std::copy(name.begin(), name.end(), p + V::Name);
        if (v.inlineData) return;
        if (!v.bigData) {
            std::copy(spec.data.begin(), spec.data.end(), cellData(v.data));
            return;
        }
        uint8_t* db = cellData(v.data);
        storeU16(db, L::kBigDataSignature);
        storeU16(db + L::db::SegmentCount, static_cast<uint16_t>(v.segments.size()));
        storeU32(db + L::db::SegmentList, v.segmentList);
        uint8_t* list = cellData(v.segmentList);
        for (size_t i = 0; i < v.segments.size(); ++i) {
            storeU32(list + 4 * i, v.segments[i]);
            const size_t from = i * L::kBigDataSegmentSize;
            const size_t chunk = std::min<size_t>(L::kBigDataSegmentSize, spec.data.size() - from);
            std::copy(spec.data.begin() + static_cast<ptrdiff_t>(from),
                      spec.data.begin() + static_cast<ptrdiff_t>(from + chunk), cellData(v.segments[i]));
        }
    }

    const HiveBuilder& b_;
    BuiltHive out_;
    std::vector<std::vector<size_t>> sorted_;
    std::vector<uint8_t> sd_;
    std::vector<std::pair<uint32_t, uint32_t>> sizes_;  ///< allocated cells, in offset order
    std::vector<std::pair<uint32_t, uint32_t>> freeCells_;
    bool binOpen_ = false;
    uint32_t binStart_ = 0, binSize_ = 0, pos_ = 0, binsEnd_ = 0;
};

// ---- HiveBuilder ----------------------------------------------------------

HiveBuilder::HiveBuilder(uint32_t minorVersion) : minor_(minorVersion) {
    KeySpec root;
    root.name = u"ROOT";
    keys_.push_back(root);
}

void HiveBuilder::setRootName(const std::u16string& name, NameStorage storage) {
    keys_[0].name = name;
    keys_[0].storage = storage;
}

size_t HiveBuilder::addKey(size_t parent, const std::u16string& name, NameStorage storage) {
    KeySpec k;
    k.name = name;
    k.storage = storage;
    k.parent = parent;
    keys_.push_back(std::move(k));
    const size_t id = keys_.size() - 1;
    keys_.at(parent).children.push_back(id);
    return id;
}

void HiveBuilder::setClassName(size_t key, const std::u16string& className) {
    keys_.at(key).className = className;
    keys_.at(key).hasClass = true;
}

void HiveBuilder::addValue(size_t key, const std::u16string& name, uint32_t type, std::vector<uint8_t> data,
                           NameStorage storage) {
    keys_.at(key).values.push_back(ValueSpec{name, storage, type, std::move(data)});
}

void HiveBuilder::setListKind(size_t key, ListKind kind) { keys_.at(key).listKind = kind; }

void HiveBuilder::splitWithIndexRoot(size_t key, size_t perLeaf) { keys_.at(key).riPerLeaf = std::max<size_t>(1, perLeaf); }

void HiveBuilder::placeInOwnBins(size_t key) { keys_.at(key).ownBins = true; }

BuiltHive HiveBuilder::build() const { return HiveImageWriter(*this).build(); }

// ---- BuiltHive ------------------------------------------------------------

void BuiltHive::poke16(uint64_t fileOffset, uint16_t value) {
    (void)bytes.at(fileOffset + 1);  // bounds check: a test that pokes outside is a broken test
    storeU16(&bytes[fileOffset], value);
}
void BuiltHive::poke32(uint64_t fileOffset, uint32_t value) {
    (void)bytes.at(fileOffset + 3);
    storeU32(&bytes[fileOffset], value);
}
uint32_t BuiltHive::peek32(uint64_t fileOffset) const {
    (void)bytes.at(fileOffset + 3);
    return loadU32(&bytes[fileOffset]);
}
void BuiltHive::pokeField16(uint32_t cell, uint32_t field, uint16_t value) { poke16(dataFileOffsetOf(cell) + field, value); }
void BuiltHive::pokeField32(uint32_t cell, uint32_t field, uint32_t value) { poke32(dataFileOffsetOf(cell) + field, value); }
void BuiltHive::setCellSize(uint32_t cell, int32_t rawSize) { poke32(fileOffsetOf(cell), static_cast<uint32_t>(rawSize)); }
int32_t BuiltHive::cellSize(uint32_t cell) const { return static_cast<int32_t>(peek32(fileOffsetOf(cell))); }

void BuiltHive::fixChecksum() {
    storeU32(bytes.data() + L::base::Checksum, baseBlockChecksum(Bytes(bytes.data(), 508)));
}

Result<std::unique_ptr<Hive>> BuiltHive::open() const { return Hive::fromBytes(bytes, "(built)"); }

// ---- walkEverything ---------------------------------------------------------

bool WalkReport::walked(const std::string& path) const {
    return std::find(paths.begin(), paths.end(), path) != paths.end();
}

bool WalkReport::hasDiagnostic(const std::string& text, uint64_t offset) const {
    for (const auto& d : diagnostics.items())
        if (d.message.find(text) != std::string::npos && (offset == Error::kNoOffset || d.offset == offset)) return true;
    return false;
}

std::string WalkReport::diagnosticsText() const {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += std::string(severityName(d.severity)) + " " + (d.offset == Error::kNoOffset ? "-" : hexOffset(d.offset)) +
               ": " + d.message + "\n";
    return out;
}

WalkReport walkEverything(const Hive& hive) {
    WalkReport r;
    Index index(hive);
    TreeWalker walker(hive);
    walker.walk(
        [&](const WalkedKey& k) {
            const std::string& path = *k.path;
            r.paths.push_back(path);
            r.keyOffsets.push_back(k.offset);
            for (uint32_t off : hive.values(*k.node, &r.diagnostics)) {
                auto v = hive.valueRecord(off);
                if (!v) {
                    r.diagnostics.error(v.error());
                    continue;
                }
                ++r.values;
                auto found = index.findValue(*k.node, v->name());
                if (found) ++r.findValueOk;
                auto data = hive.valueData(*v);
                if (!data) {
                    r.diagnostics.error(data.error());
                    continue;
                }
                ++r.dataRead;
                r.dataBytes += data->size();
                (void)decodeValue(v->type, data->bytes()).toText();
                r.valueLines.push_back(path + "|" + v->nameUtf8() + "|" + std::to_string(v->type) + "|" +
                                       std::to_string(data->size()));
            }
            auto cls = hive.className(*k.node);
            if (!cls) r.diagnostics.error(cls.error());
            else if (!cls->empty()) ++r.classNames;
            auto sk = hive.securityCell(k.node->security);
            if (!sk) {
                r.diagnostics.error(sk.error());
            } else {
                ++r.securityCells;
                auto sd = decodeSecurityDescriptor(sk->descriptor, BuiltHive::dataFileOffsetOf(sk->cellOffset) + 0x14);
                if (sd) (void)sd->toSddl();
            }
            auto p = index.pathOf(k.offset);
            if (p && *p == path) ++r.pathOfOk;
            auto f = index.findKey(path);
            if (f && *f == k.offset) ++r.findKeyOk;
            return true;
        },
        &r.diagnostics);
    CellScanner(hive).scan(
        [&](const HiveBinInfo&, const Cell&) {
            ++r.cells;
            return true;
        },
        &r.diagnostics);
    return r;
}

// ---- data helpers -----------------------------------------------------------

std::vector<uint8_t> dwordBytes(uint32_t v) {
    std::vector<uint8_t> out(4);
    storeU32(out.data(), v);
    return out;
}

std::vector<uint8_t> qwordBytes(uint64_t v) {
    std::vector<uint8_t> out(8);
    storeU64(out.data(), v);
    return out;
}

std::vector<uint8_t> regSzBytes(const std::u16string& text) {
    std::vector<uint8_t> out;
    for (char16_t c : text) {
        out.push_back(static_cast<uint8_t>(c));
        out.push_back(static_cast<uint8_t>(c >> 8));
    }
    out.push_back(0);
    out.push_back(0);
    return out;
}

std::vector<uint8_t> patternBytes(size_t size, uint8_t seed) {
    std::vector<uint8_t> out(size);
    for (size_t i = 0; i < size; ++i) out[i] = static_cast<uint8_t>(i * 7 + seed);
    return out;
}

std::pair<uint32_t, uint32_t> largestFreeCell(const BuiltHive& built) {
    auto hive = built.open();
    if (!hive) return {0, 0};
    std::pair<uint32_t, uint32_t> best{0, 0};
    CellScanner(**hive).scan([&](const HiveBinInfo&, const Cell& c) {
        if (!c.allocated && c.size > best.second) best = {c.offset, c.size};
        return true;
    });
    return best;
}

}  // namespace testsupport
