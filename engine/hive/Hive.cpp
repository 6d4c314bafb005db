#include "hive/Hive.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <limits>
#include <unordered_set>

#include "format/HiveBin.h"
#include "format/Layout.h"
#include "format/LogFile.h"
#include "format/Names.h"
#include "hive/LogRecovery.h"

namespace hivekit {

namespace {
constexpr uint32_t kHeader = layout::kBaseBlockSize;
// Hard limits that keep damaged input from costing unbounded work.
constexpr uint32_t kMaxListEntries = 0x100000;
}  // namespace

ValueData::ValueData(Storage where, Bytes bytes) : storage(where) {
    if (where != Storage::Inline) {
        view_ = bytes;
        return;
    }
    assert(bytes.size() <= sizeof small_);
    std::copy(bytes.begin(), bytes.end(), small_);
    view_ = Bytes(small_, bytes.size());
}

ValueData::ValueData(ValueData&& other) noexcept
    : storage(other.storage), shortened(other.shortened), owned_(std::move(other.owned_)) {
    std::copy(std::begin(other.small_), std::end(other.small_), small_);
    view_ = other.view_.data() == other.small_ ? Bytes(small_, other.view_.size()) : other.view_;
    other.view_ = Bytes{};
}

ValueData& ValueData::operator=(ValueData&& other) noexcept {
    if (this == &other) return *this;
    storage = other.storage;
    shortened = other.shortened;
    owned_ = std::move(other.owned_);
    std::copy(std::begin(other.small_), std::end(other.small_), small_);
    const bool small = other.view_.data() == other.small_;
    view_ = small ? Bytes(small_, other.view_.size()) : other.view_;
    other.view_ = Bytes{};
    return *this;
}

namespace {
/// What kind of transaction log `bytes` is ("new format, file type 6"), or
/// "" when it is not one: a log's file type, and after its 512-byte base
/// block a dirty vector ("DIRT"), an entry ("HvLE") or nothing, where a hive
/// has its first hbin at 0x1000. A file type of 1 or 2 with an hbin there
/// is a hive copy with an odd type (Windows 2000's SYSTEM.ALT), not a log.
std::string logDescription(Bytes bytes) {
    namespace LL = layout::log;
    if (bytes.size() < layout::base::FileType + 4) return {};
    const uint32_t type = loadU32(bytes.data() + layout::base::FileType);
    if (type != LL::kFileTypeOld && type != LL::kFileTypeOldAlternate && type != LL::kFileTypeNew) return {};
    const auto u32At = [&](uint64_t at) { return at + 4 <= bytes.size() ? loadU32(bytes.data() + at) : 0u; };
    const uint32_t second = u32At(LL::kBaseBlockSize);
    const bool logBody = second == LL::kDirtSignature || second == LL::kEntrySignature ||
                         bytes.size() <= LL::kBaseBlockSize;
    if (!logBody && u32At(kHeader) == layout::kHbinSignature) return {};
    const char* format = type == LL::kFileTypeNew ? "new format" : "old format";
    return std::string(format) + ", file type " + std::to_string(type);
}

/// The checks every way of opening shares: the "regf" signature, then room
/// for a base block. `name` starts each message.
Result<void> checkHiveStart(Bytes bytes, const std::string& name) {
    if (bytes.size() < 4 || loadU32(bytes.data()) != layout::kBaseSignature)
        return fail(ErrorCode::NotAHive, name + ": not a hive (no \"regf\" signature at 0x0)", 0);
    if (std::string log = logDescription(bytes); !log.empty())
        return fail(ErrorCode::NotAHive,
                    name + ": not a hive but a transaction log (" + log +
                        "): open the hive file beside it, whose logs are replayed from there",
                    layout::base::FileType);
    if (bytes.size() < kHeader)
        return fail(ErrorCode::Truncated,
                    name + ": truncated: " + std::to_string(bytes.size()) +
                        " bytes, shorter than the 4096-byte base block",
                    bytes.size());
    return {};
}

/// What every way of opening a file does before building the Hive: the
/// start checks, the dirty state, and, when asked and needed, the image
/// recovered from the logs (empty when nothing was applied).
Result<std::vector<uint8_t>> checkAndRecover(Bytes bytes, const std::string& path, const OpenOptions& options,
                                             RecoveryReport& report) {
    if (auto bad = checkHiveStart(bytes, path); !bad) return std::unexpected(bad.error());
    report.logsConsidered = options.useLogs;
    auto header = decodeBaseBlock(bytes);
    if (header) report.wasDirty = header->isDirty();
    if (!options.useLogs || (header && !header->isDirty())) return std::vector<uint8_t>{};
    return recoverFromLogs(path, bytes, report);
}
}  // namespace

Result<std::unique_ptr<Hive>> Hive::open(const std::string& path, const OpenOptions& options) {
    auto mapping = options.readWhole ? FileMapping::load(path) : FileMapping::open(path);
    if (!mapping) return std::unexpected(mapping.error());
    RecoveryReport report;
    auto recovered = checkAndRecover((*mapping)->bytes(), path, options, report);
    if (!recovered) return std::unexpected(recovered.error());
    if (!recovered->empty()) mapping = FileMapping::fromBuffer(std::move(*recovered));
    return create(std::move(*mapping), path, std::move(report), options.binLookup);
}

Result<std::unique_ptr<Hive>> Hive::fromBytes(std::vector<uint8_t> bytes, std::string name, BinLookup binLookup) {
    if (auto bad = checkHiveStart(bytes, name); !bad) return std::unexpected(bad.error());
    return create(FileMapping::fromBuffer(std::move(bytes)), std::move(name), RecoveryReport{}, binLookup);
}

Result<std::unique_ptr<Hive>> Hive::create(std::unique_ptr<FileMapping> mapping, std::string path,
                                           RecoveryReport recovery, BinLookup binLookup) {
    std::unique_ptr<Hive> h(new Hive);
    h->path_ = std::move(path);
    h->mapping_ = std::move(mapping);
    h->recovery_ = std::move(recovery);
    auto header = decodeBaseBlock(h->bytes());
    if (!header) {
        Error e = header.error();
        e.message = h->path_ + ": " + e.message;
        return std::unexpected(e);
    }
    h->header_ = *header;
    const BaseBlock& b = h->header_;
    if (!b.checksumValid())
        h->diagnostics_.warn("base block checksum is " + hexOffset(b.checksum) + ", computed " +
                                 hexOffset(b.computedChecksum) + ": the header is damaged or was not fully written",
                             layout::base::Checksum);
    if (!b.sequencesMatch())
        h->diagnostics_.warn("dirty hive: primary sequence number " + std::to_string(b.primarySequence) +
                                 " differs from secondary " + std::to_string(b.secondarySequence),
                             layout::base::PrimarySequence);
    if (!b.versionSupported())
        h->diagnostics_.warn("unusual format version " + b.versionString() + " (Windows writes 1.1 to 1.6)",
                             layout::base::MajorVersion);
    if (b.fileType != 0)
        h->diagnostics_.warn("file type is " + b.fileTypeName() + ", not a primary hive file",
                             layout::base::FileType);
    h->checkBinsExtent();
    if (binLookup == BinLookup::Chain) h->fillPagesFromChain();
    return h;
}

/// Where the hbins actually present in `all` end: the end of the last bin
/// with a valid header, following the chain and, past damage, the next 4 KiB
/// boundary whose header names its own offset (as scanBins does). 0 when
/// there is none.
static uint64_t presentBinsEnd(Bytes all) {
    const uint64_t available = all.size() - kHeader;
    uint64_t off = 0, end = 0;
    while (off + layout::kHbinHeaderSize <= available && off < 0xFFFFF000u) {
        const uint32_t at = static_cast<uint32_t>(off);
        auto bin = decodeHiveBinHeader(all.subspan(kHeader + off, layout::kHbinHeaderSize), at, kHeader + off,
                                       available - off);
        if (bin) {
            off += bin->size;
            end = off;
        } else {
            off += layout::kHbinAlignment;
        }
    }
    return end;
}

void Hive::checkBinsExtent() {
    Bytes all = bytes();
    const uint64_t available = all.size() - kHeader;
    uint64_t end = header_.hiveBinsDataSize;
    // A base block whose checksum is wrong cannot be trusted for the size
    // either: Windows' self-healing takes it from the hbins in the file.
    if (!header_.checksumValid()) {
        const uint64_t present = presentBinsEnd(all);
        if (present != 0 && present != end) {
            diagnostics_.warn("the base block's checksum is wrong, so its hive bins data size " + hexOffset(end) +
                                  " is not trusted: the hbins present end at " + hexOffset(present) + "; using that",
                              layout::base::HiveBinsDataSize);
            end = present;
        }
    }
    if (end % layout::kHbinAlignment != 0 || end == 0) {
        diagnostics_.warn("hive bins data size " + hexOffset(end) +
                              " is not a nonzero multiple of 0x1000; using the file size",
                          layout::base::HiveBinsDataSize);
        end = available - available % layout::kHbinAlignment;
    }
    if (end > available) {
        diagnostics_.error("truncated: the base block declares " + hexOffset(end) +
                               " bytes of hive bins but the file holds " + hexOffset(available),
                           all.size());
        end = available - available % layout::kHbinAlignment;
    }
    end = std::min<uint64_t>(end, 0xFFFFF000u);
    binsEnd_ = static_cast<uint32_t>(end);
    // Zero-filled: 8 bytes per 4 KiB page, written as cells are resolved.
    pages_ = std::make_unique<std::atomic<uint64_t>[]>(binsEnd_ / layout::kHbinAlignment);
}

const std::vector<HiveBinInfo>& Hive::bins() const {
    std::call_once(binsOnce_, [this] { scanBins(); });
    return bins_;
}

const Diagnostics& Hive::diagnostics() const {
    std::call_once(binsOnce_, [this] { scanBins(); });
    return diagnostics_;
}

void Hive::scanBins() const {
    Bytes all = bytes();
    const uint64_t available = all.size() - kHeader;
    const uint32_t end = binsEnd_;
    // At most a bin per 4 KiB: reserved once, the vector's pages are touched
    // once (not again at each doubling).
    bins_.reserve(end / layout::kHbinAlignment + 1);
    auto headerAt = [&](uint32_t off) {
        return decodeHiveBinHeader(all.subspan(kHeader + off, layout::kHbinHeaderSize), off, kHeader + off, end - off);
    };
    uint32_t off = 0;
    while (off < end) {
        auto h = headerAt(off);
        if (h) {
            bins_.push_back(HiveBinInfo{off, h->size, true, h->timestamp});
            off += h->size;
            continue;
        }
        diagnostics_.error(h.error().message, h.error().offset);
        // Skip the damage: the next bin starts at a 4 KiB boundary whose
        // header names its own offset.
        uint32_t next = off + layout::kHbinAlignment;
        while (next < end && !headerAt(next)) next += layout::kHbinAlignment;
        bins_.push_back(HiveBinInfo{off, next - off, false, 0});
        diagnostics_.warn("cells from " + hexOffset(kHeader + off) + " to " + hexOffset(kHeader + next) +
                              " are unreadable (damaged hbin)",
                          kHeader + off);
        off = next;
    }
    if (available > end && all.size() >= uint64_t{kHeader} + end + 4 &&
        loadU32(all.data() + kHeader + end) == layout::kHbinSignature)
        diagnostics_.info("hive bins continue after the declared end " + hexOffset(uint64_t{kHeader} + end) +
                              " (data of an unreplayed log, or slack)",
                          uint64_t{kHeader} + end);
}

// Before any lookup, so that no entry ever held the lookback's answer: the
// entries of one Hive come from one rule.
void Hive::fillPagesFromChain() const {
    for (const HiveBinInfo& bin : bins()) {
        const uint32_t first = bin.offset / layout::kHbinAlignment;
        const uint32_t end = (bin.offset + bin.size) / layout::kHbinAlignment;
        // The same encoding as pageEntry(): a damaged stretch is one entry
        // naming its first page, as looking back finds it.
        const uint64_t entry = bin.valid ? (uint64_t{end} << 32) | (first + 1) : kDamagedPage | (first + 1);
        for (uint32_t p = first; p < end; ++p) pages_[p].store(entry, std::memory_order_relaxed);
    }
}

const HiveBinInfo* Hive::binAt(uint32_t offset) const {
    const std::vector<HiveBinInfo>& all = bins();
    auto it = std::upper_bound(all.begin(), all.end(), offset,
                               [](uint32_t o, const HiveBinInfo& b) { return o < b.offset; });
    if (it == all.begin()) return nullptr;
    --it;
    if (offset - it->offset >= it->size) return nullptr;
    return &*it;
}

const HiveBinInfo* Hive::binAtFile(FileOffset fileOffset) const {
    const auto cell = CellOffset::fromFile(fileOffset);
    return cell ? binAt(cell->value) : nullptr;
}

bool Hive::validBinHeaderAt(uint32_t offset) const {
    // The signature and self-offset first: most pages fail there, and
    // cheaply (decodeHiveBinHeader builds a message for each failure).
    const uint8_t* p = bytes().data() + kHeader + offset;
    if (loadU32(p) != layout::kHbinSignature || loadU32(p + layout::hbin::Offset) != offset) return false;
    return decodeHiveBinHeader(Bytes(p, layout::kHbinHeaderSize), offset, uint64_t{kHeader} + offset,
                               binsEnd_ - offset)
        .has_value();
}

// The scan of the chain (scanBins) puts each page in the bin that the chain
// reaches, or in a stretch of damage from a bad header to the next 4 KiB
// boundary with a valid one. Looking back from a page gives the same answer
// without the chain: the nearest valid header at or before the page starts
// its bin if the bin reaches the page; if not, the page lies in damage that
// starts where that bin ends (the chain's skip stops at the first valid
// header, so no valid header lies between). Every page looked at on the
// way is remembered, so each page is probed at most once over the life of
// the Hive: a file of pure damage costs one pass, never a hang.
uint64_t Hive::pageEntry(uint32_t page) const {
    uint64_t entry = pages_[page].load(std::memory_order_relaxed);
    if (entry != 0) return entry;
    uint32_t q = page;
    uint64_t found = 0;
    for (;; --q) {
        found = pages_[q].load(std::memory_order_relaxed);
        if (found != 0) break;
        if (validBinHeaderAt(q * layout::kHbinAlignment)) {
            const uint8_t* header = bytes().data() + kHeader + uint64_t{q} * layout::kHbinAlignment;
            const uint64_t end = q + loadU32(header + layout::hbin::Size) / layout::kHbinAlignment;
            found = (end << 32) | (q + 1);
            break;
        }
        if (q == 0) {
            found = kDamagedPage | 1;  // damage from the first page on
            break;
        }
    }
    // `found` describes page q; pages q+1 .. page hold no valid header.
    if (!(found & kDamagedPage)) {
        const uint32_t binEnd = static_cast<uint32_t>(found >> 32);
        const uint64_t past = kDamagedPage | (binEnd + 1);  // damage from where the bin ends
        for (uint32_t p = q; p <= page; ++p) pages_[p].store(p < binEnd ? found : past, std::memory_order_relaxed);
        return page < binEnd ? found : past;
    }
    for (uint32_t p = q; p <= page; ++p) pages_[p].store(found, std::memory_order_relaxed);
    return found;
}

std::optional<HiveBinInfo> Hive::binHolding(uint32_t offset) const {
    if (offset >= binsEnd_) return std::nullopt;
    const uint32_t page = offset / layout::kHbinAlignment;
    const uint64_t entry = pageEntry(page);
    if (entry & kDamagedPage) return HiveBinInfo{page * layout::kHbinAlignment, layout::kHbinAlignment, false, 0};
    const uint32_t first = static_cast<uint32_t>(entry - 1) * layout::kHbinAlignment;
    const uint32_t end = static_cast<uint32_t>(entry >> 32) * layout::kHbinAlignment;
    return HiveBinInfo{first, end - first, true, 0};
}

Result<Cell> Hive::cell(uint32_t offset) const {
    const uint64_t fileOffset = uint64_t{offset} + kHeader;
    if (offset == layout::kNoCell)
        return fail(ErrorCode::OutOfBounds, "cell offset 0xffffffff (none) used as a cell", fileOffset);
    if (offset >= binsEnd_)
        return fail(ErrorCode::OutOfBounds,
                    "cell offset " + hexOffset(offset) + " (file " + hexOffset(fileOffset) +
                        ") lies outside the hive bins (" + hexOffset(binsEnd_) + " bytes)",
                    fileOffset);
    const uint64_t entry = pageEntry(offset / layout::kHbinAlignment);
    const uint32_t binOffset = static_cast<uint32_t>((entry & 0x7FFFFFFF) - 1) * layout::kHbinAlignment;
    if (entry & kDamagedPage)
        return fail(ErrorCode::Corrupt,
                    "cell at " + hexOffset(fileOffset) + " lies in the damaged hbin at " +
                        hexOffset(kHeader + uint64_t{binOffset}),
                    fileOffset);
    const uint8_t* all = bytes().data();
    const uint32_t binSize = static_cast<uint32_t>(entry >> 32) * layout::kHbinAlignment - binOffset;
    if (offset - binOffset < layout::kHbinHeaderSize)
        return fail(ErrorCode::Corrupt, "cell offset " + hexOffset(offset) + " points into an hbin header", fileOffset);
    if (offset % layout::kCellAlignment != 0)
        return fail(ErrorCode::Corrupt, "cell offset " + hexOffset(offset) + " is not 8-byte aligned", fileOffset);
    const uint32_t room = binOffset + binSize - offset;
    const uint8_t* p = all + fileOffset;
    auto header = decodeCellHeader(static_cast<int32_t>(loadU32(p)), fileOffset, room);
    if (!header) return std::unexpected(header.error());
    return Cell{offset, header->size, header->allocated, Bytes(p + 4, header->size - 4)};
}

void Hive::prefetchCells(const std::vector<uint32_t>& offsets) const {
#if defined(__GNUC__)
    // Whoever asks for a list reads its cells next: asking the memory for
    // all of them at once overlaps the cache misses that a walk would
    // otherwise take one after another. A prefetch never faults, so an
    // offset past the bins costs nothing.
    const uint8_t* all = bytes().data() + kHeader;
    for (uint32_t off : offsets)
        if (off < binsEnd_) __builtin_prefetch(all + off);
#else
    (void)offsets;
#endif
}

bool Hive::allocatedCellData(uint32_t offset, Bytes& data) const {
    // cell()'s checks and allocatedCell()'s, in the same order, without
    // building a Result or a message: any failure goes to the slow path,
    // which finds it again and says what it is.
    if (offset >= binsEnd_ || offset % layout::kCellAlignment != 0) return false;
    const uint32_t page = offset / layout::kHbinAlignment;
    uint64_t entry = pages_[page].load(std::memory_order_relaxed);
    if (entry == 0) entry = pageEntry(page);
    if (entry & kDamagedPage) return false;
    const uint32_t binOffset = static_cast<uint32_t>(entry - 1) * layout::kHbinAlignment;
    if (offset - binOffset < layout::kHbinHeaderSize) return false;
    const uint8_t* all = bytes().data() + kHeader;
    const uint32_t room = static_cast<uint32_t>(entry >> 32) * layout::kHbinAlignment - offset;
    const int32_t raw = static_cast<int32_t>(loadU32(all + offset));
    if (raw >= 0 || raw == std::numeric_limits<int32_t>::min()) return false;  // free, or 0, or 0x80000000
    const uint32_t size = static_cast<uint32_t>(-raw);
    if (size < 8 || size % layout::kCellAlignment != 0 || size > room) return false;
    data = Bytes(all + offset + 4, size - 4);
    return true;
}

Result<Cell> Hive::allocatedCell(uint32_t offset, const char* what) const {
    if (Bytes data; allocatedCellData(offset, data))
        return Cell{offset, static_cast<uint32_t>(data.size() + 4), true, data};
    auto c = cell(offset);
    if (!c) {
        Error e = c.error();
        e.message = std::string(what) + ": " + e.message;
        return std::unexpected(e);
    }
    if (!c->allocated)
        return fail(ErrorCode::Corrupt, std::string(what) + " at " + hexOffset(c->fileOffset()) + " is a free cell",
                    c->fileOffset());
    return c;
}

Result<KeyNode> Hive::keyNode(uint32_t offset) const {
    auto c = allocatedCell(offset, "key node");
    if (!c) return std::unexpected(c.error());
    return decodeKeyNode(c->data, offset, c->fileOffset() + 4);
}

Result<ValueRecord> Hive::valueRecord(uint32_t offset) const {
    auto c = allocatedCell(offset, "value record");
    if (!c) return std::unexpected(c.error());
    return decodeValueRecord(c->data, offset, c->fileOffset() + 4);
}

Result<SecurityCell> Hive::securityCell(uint32_t offset) const {
    auto c = allocatedCell(offset, "security cell");
    if (!c) return std::unexpected(c.error());
    return decodeSecurityCell(c->data, offset, c->fileOffset() + 4);
}

Result<SubkeyList> Hive::subkeyList(uint32_t offset) const {
    auto c = allocatedCell(offset, "subkey list");
    if (!c) return std::unexpected(c.error());
    return decodeSubkeyList(c->data, c->fileOffset() + 4);
}

std::vector<uint32_t> Hive::subkeys(const KeyNode& key, Diagnostics* sink) const {
    std::vector<uint32_t> out;
    subkeys(key, out, sink);
    return out;
}

void Hive::subkeys(const KeyNode& key, std::vector<uint32_t>& out, Diagnostics* sink) const {
    out.clear();
    if (key.subkeyCount == 0) return;
    const uint64_t keyAt = uint64_t{key.cellOffset} + kHeader;
    auto report = [&](const Error& e) {
        if (sink) sink->error(e.message, e.offset);
    };
    auto root = subkeyList(key.subkeyList);
    if (!root) {
        report(root.error());
        return;
    }
    out.reserve(std::min<uint32_t>(key.subkeyCount, kMaxListEntries));
    auto addLeaf = [&](const SubkeyList& leaf) {
        for (size_t i = 0; i < leaf.count; ++i) out.push_back(leaf.offsetAt(i));
    };
    if (root->isLeaf()) {
        addLeaf(*root);
    } else {
        // Each leaf once: an ri that names one leaf n times would otherwise
        // yield n times its entries (up to 65535 * 65535 from a small file).
        std::unordered_set<uint32_t> leavesRead;
        size_t repeats = 0, firstRepeat = 0;
        for (size_t i = 0; i < root->count; ++i) {
            if (!leavesRead.insert(root->offsetAt(i)).second) {
                if (repeats++ == 0) firstRepeat = i;
                continue;
            }
            auto leaf = subkeyList(root->offsetAt(i));
            if (!leaf) {
                report(leaf.error());
                continue;
            }
            if (!leaf->isLeaf()) {
                if (sink)
                    sink->error("ri list at " + hexOffset(uint64_t{key.subkeyList} + kHeader) + " entry " +
                                    std::to_string(i) + " points to another ri list (nesting is not allowed)",
                                uint64_t{root->offsetAt(i)} + kHeader);
                continue;
            }
            addLeaf(*leaf);
        }
        if (repeats && sink)
            sink->error("ri list at " + hexOffset(uint64_t{key.subkeyList} + kHeader) + " entry " +
                            std::to_string(firstRepeat) + " names a leaf already read; " + std::to_string(repeats) +
                            " entries repeat a leaf, each leaf is read once",
                        uint64_t{key.subkeyList} + kHeader);
    }
    if (out.size() != key.subkeyCount && sink)
        sink->warn("key at " + hexOffset(keyAt) + " declares " + std::to_string(key.subkeyCount) +
                       " subkeys, its list holds " + std::to_string(out.size()),
                   keyAt + 4 + layout::nk::SubkeyCount);
    prefetchCells(out);
}

std::vector<uint32_t> Hive::values(const KeyNode& key, Diagnostics* sink) const {
    std::vector<uint32_t> out;
    values(key, out, sink);
    return out;
}

void Hive::values(const KeyNode& key, std::vector<uint32_t>& out, Diagnostics* sink) const {
    out.clear();
    if (key.valueCount == 0) return;
    auto list = allocatedCell(key.valueList, "value list");
    if (!list) {
        if (sink) sink->error(list.error());
        return;
    }
    size_t count = key.valueCount;
    const size_t fits = list->data.size() / 4;
    if (count > fits) {
        if (sink)
            sink->error("value list at " + hexOffset(list->fileOffset()) + " holds room for " + std::to_string(fits) +
                            " values, the key declares " + std::to_string(count),
                        list->fileOffset());
        count = fits;
    }
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) out.push_back(loadU32(list->data.data() + 4 * i));
    prefetchCells(out);
}

Result<ValueData> Hive::valueData(const ValueRecord& v) const {
    const uint32_t size = v.dataSize();
    const uint64_t vkAt = uint64_t{v.cellOffset} + kHeader;
    if (v.dataInline()) {
        if (size > 4)
            return fail(ErrorCode::Corrupt,
                        "value at " + hexOffset(vkAt) + ": inline data declares " + std::to_string(size) +
                            " bytes (at most 4 fit)",
                        vkAt + 4 + layout::vk::DataSize);
        // Built in place, here and below: the common cases return no copy.
        return Result<ValueData>(std::in_place, ValueData::Storage::Inline, Bytes(v.inlineBytes, size));
    }
    if (size == 0) return ValueData(Bytes{});
    auto c = allocatedCell(v.dataOffset, "value data");
    if (!c) return std::unexpected(c.error());
    if (size <= c->data.size())
        return Result<ValueData>(std::in_place, ValueData::Storage::Cell, c->data.first(size));
    if (!looksLikeBigData(c->data))
        return fail(ErrorCode::Corrupt,
                    "value at " + hexOffset(vkAt) + ": declares " + std::to_string(size) +
                        " bytes of data but its data cell at " + hexOffset(c->fileOffset()) + " holds " +
                        std::to_string(c->data.size()) + " and is not a big data record",
                    c->fileOffset());
    auto db = decodeBigData(c->data, c->fileOffset() + 4);
    if (!db) return std::unexpected(db.error());
    auto list = allocatedCell(db->segmentList, "big data segment list");
    if (!list) return std::unexpected(list.error());
    if (size_t{db->segmentCount} * 4 > list->data.size())
        return fail(ErrorCode::Corrupt,
                    "big data at " + hexOffset(c->fileOffset()) + ": " + std::to_string(db->segmentCount) +
                        " segments do not fit its segment list at " + hexOffset(list->fileOffset()),
                    list->fileOffset());
    std::vector<uint8_t> out;
    // The segments bound what can be read: a lying size must not reserve
    // up to 2 GiB.
    out.reserve(std::min<size_t>(size, size_t{db->segmentCount} * layout::kBigDataSegmentSize));
    for (size_t i = 0; i < db->segmentCount && out.size() < size; ++i) {
        auto seg = allocatedCell(loadU32(list->data.data() + 4 * i), "big data segment");
        if (!seg) return std::unexpected(seg.error());
        // A segment's last 4 bytes are padding in what Windows writes.
        size_t take = seg->data.size() >= 4 ? seg->data.size() - 4 : 0;
        take = std::min<size_t>(take, size - out.size());
        out.insert(out.end(), seg->data.begin(), seg->data.begin() + static_cast<ptrdiff_t>(take));
    }
    const bool shortened = out.size() < size;
    ValueData d(std::move(out));
    d.storage = ValueData::Storage::BigData;
    d.shortened = shortened;
    return d;
}

Result<std::u16string> Hive::className(const KeyNode& key) const {
    if (key.classLength == 0 || key.classOffset == layout::kNoCell) return std::u16string{};
    auto c = allocatedCell(key.classOffset, "class name");
    if (!c) return std::unexpected(c.error());
    if (key.classLength > c->data.size())
        return fail(ErrorCode::Corrupt,
                    "class name at " + hexOffset(c->fileOffset()) + ": length " + std::to_string(key.classLength) +
                        " is larger than its cell (" + std::to_string(c->data.size()) + ")",
                    c->fileOffset());
    return utf16leUnits(c->data.first(key.classLength));
}

Result<std::unique_ptr<Hive>> Hive::openEditable(const std::string& path, const OpenOptions& options) {
    auto mapping = FileMapping::openCopyOnWrite(path);
    if (!mapping) return std::unexpected(mapping.error());
    RecoveryReport report;
    auto recovered = checkAndRecover((*mapping)->bytes(), path, options, report);
    if (!recovered) return std::unexpected(recovered.error());
    if (!recovered->empty()) {
        if (auto grown = (*mapping)->grow(recovered->size()); !grown) return std::unexpected(grown.error());
        // Only the pages that differ are written, so the others stay
        // shared with the file (and are not part of the first commit).
        uint8_t* image = (*mapping)->mutableData();
        for (size_t at = 0; at < recovered->size(); at += layout::kHbinAlignment) {
            const size_t n = std::min<size_t>(layout::kHbinAlignment, recovered->size() - at);
            if (!std::equal(recovered->begin() + at, recovered->begin() + at + n, image + at))
                std::copy_n(recovered->begin() + at, n, image + at);
        }
    }
    return create(std::move(*mapping), path, std::move(report));
}

Result<std::unique_ptr<Hive>> Hive::reread(std::unique_ptr<Hive> hive) {
    return create(std::move(hive->mapping_), std::move(hive->path_), std::move(hive->recovery_));
}


}  // namespace hivekit
