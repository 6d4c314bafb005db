#include "hive/DeletedScanner.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "format/BigData.h"
#include "format/Layout.h"
#include "format/Offsets.h"
#include "format/SubkeyList.h"
#include "hive/CellScanner.h"
#include "hive/Checker.h"
#include "hive/TreeWalker.h"

namespace hivekit {

const char* recoveredDataName(RecoveredData state) {
    switch (state) {
    case RecoveredData::Intact: return "intact";
    case RecoveredData::Empty: return "empty";
    case RecoveredData::Overwritten: return "overwritten";
    case RecoveredData::Truncated: return "truncated";
    case RecoveredData::Missing: return "missing";
    }
    return "?";
}

const char* foundInName(FoundIn where) {
    switch (where) {
    case FoundIn::FreeCell: return "free-cell";
    case FoundIn::InsideFreeCell: return "inside-free-cell";
    case FoundIn::UnreferencedCell: return "unreferenced-cell";
    case FoundIn::CellSlack: return "cell-slack";
    case FoundIn::PastLastBin: return "past-last-bin";
    }
    return "?";
}

bool parseFoundIn(const std::string& token, FoundIn& out) {
    for (FoundIn where : {FoundIn::FreeCell, FoundIn::InsideFreeCell, FoundIn::UnreferencedCell, FoundIn::CellSlack,
                          FoundIn::PastLastBin})
        if (token == foundInName(where)) {
            out = where;
            return true;
        }
    return false;
}

const char* foundInDescription(FoundIn where) {
    switch (where) {
    case FoundIn::FreeCell: return "a free cell";
    case FoundIn::InsideFreeCell: return "inside a free cell (its own cell header absorbed)";
    case FoundIn::UnreferencedCell: return "an allocated cell nothing references";
    case FoundIn::CellSlack: return "the slack at the end of an allocated cell";
    case FoundIn::PastLastBin: return "the bytes past the last hbin";
    }
    return "?";
}

bool plausibleRecordName(const std::u16string& name) {
    size_t control = 0;
    for (char16_t c : name)
        if (c < 0x20 || c == 0x7F) ++control;
    return control * 2 < name.size() || name.empty();
}

namespace {

constexpr uint64_t kHeader = kHiveBinsStart;

// FILETIMEs of 1990-01-01 and 2100-01-01 (100 ns since 1601-01-01 UTC).
constexpr uint64_t kFiletime1990 = 122756256000000000ULL;
constexpr uint64_t kFiletime2100 = 157469184000000000ULL;

// nk flags a key on disk may carry: the ten the specification names and
// the user flags that Windows XP kept in bits 12-15. VOLATILE is refused:
// a volatile key lives in memory only and never reaches the file.
constexpr uint16_t kKeyFlagsAllowed = 0xF3FE;
// vk flags: COMP_NAME and the tombstone bit of layered keys.
constexpr uint16_t kValueFlagsAllowed = layout::vk::FlagCompressedName | layout::vk::FlagTombstone;

// The deepest chain of deleted parents followed (Windows' own key depth).
constexpr size_t kMaxDepth = 512;
// How often progress is reported, in bytes of bins.
constexpr uint64_t kProgressStep = 256 * 1024;

/// A stretch of the file scanned for records: a free cell, an unreferenced
/// allocated cell, the slack of a referenced one, or the bytes past the
/// last hbin. Data is recovered from the first two and the last.
struct FreeRange {
    uint32_t offset = 0;  // relative, of the free cell's size field (or the slack's start)
    uint32_t end = 0;     // relative, one past the cell
    FoundIn where = FoundIn::FreeCell;  // FreeCell for free cells (InsideFreeCell is per record)
};

/// What the scan of a run of bins finds, in file order. Runs are scanned
/// on threads of their own and joined in file order, so the result is the
/// one a single scan gives.
struct Found {
    std::vector<FreeRange> free;
    std::vector<DeletedKey> keys;
    std::vector<DeletedValue> values;
    uint64_t freeBytes = 0;
    bool cancelled = false;
};

/// Above this many bytes of bins a second thread pays for itself.
constexpr uint64_t kBytesPerThread = uint64_t{4} << 20;
constexpr unsigned kMaxThreads = 8;

constexpr uint32_t kNoCell = 0xFFFFFFFF;

FoundIn placeOf(uint32_t at, const FreeRange& range) {
    return range.where == FoundIn::FreeCell && at != range.offset ? FoundIn::InsideFreeCell : range.where;
}

class Scanner {
public:
    Scanner(const Hive& hive, const DeletedScanOptions& options) : hive_(hive), options_(options) {}

    Result<DeletedScan> run();
    /// The records of one stretch only (scanDeletedRecordsIn).
    DeletedScan scanOne(const FreeRange& range, uint32_t stopAfter) const {
        Found found;
        scanFreeCell(range, found, stopAfter);
        DeletedScan out;
        out.keys = std::move(found.keys);
        out.values = std::move(found.values);
        return out;
    }

private:
    bool report(uint64_t done) {
        if (!options_.progress) return true;
        return options_.progress(done, hive_.binsEnd());
    }
    /// Walks every cell in file order and scans the free ones, the bins
    /// split into runs scanned in parallel; false when cancelled.
    bool scanCells();
    /// Scans the free cells of some bins into `found`. Run 0 reports
    /// progress (as its share of its own bins) and is the one that can be
    /// cancelled; the other runs stop when it is.
    void scanRun(unsigned run, std::span<const HiveBinInfo> bins, Found& found);
    /// Scans one stretch at each 8-byte boundary; no position past
    /// `stopAfter` is tried.
    void scanFreeCell(const FreeRange& range, Found& found, uint32_t stopAfter = kNoCell) const;
    /// Runs the checker to learn the unreferenced cells and the slack of
    /// the referenced ones, and scans them; adds the bytes past the last
    /// hbin. Sequential, in file order.
    void scanOtherPlaces();
    /// Bytes of the cell at `cell` (of `size`) that its owner uses past the
    /// size field, or kNoCell when that is not known.
    uint32_t usedBytes(const AllocatedCell& cell) const;
    /// Accepts the nk or vk at `at` inside `range` when it is plausible;
    /// returns the bytes the accepted record covers from `at` (0: none).
    size_t tryKey(uint32_t at, const FreeRange& range, Found& found) const;
    size_t tryValue(uint32_t at, const FreeRange& range, Found& found) const;
    /// The free cell, unreferenced cell or stretch past the last hbin that
    /// holds relative offset `at`, or null: where data may be recovered.
    const FreeRange* freeRangeAt(uint32_t at) const;
    /// freeRangeAt, for the cells a record found in `place` points to. An
    /// unreferenced cell counts for a record found in one only (a key
    /// unlinked but never freed keeps its list and data allocated); to a
    /// freed record, an allocated cell means one allocated again, whose
    /// bytes may be someone else's.
    const FreeRange* recoverableAt(uint32_t at, FoundIn place) const {
        const FreeRange* range = freeRangeAt(at);
        if (range && range->where == FoundIn::UnreferencedCell && place != FoundIn::UnreferencedCell) return nullptr;
        return range;
    }
    /// Magnitude of the (old) cell size field at `at`, 0 when unreadable.
    uint32_t oldCellSize(uint32_t at) const;
    void linkValues();
    void recoverData(DeletedValue& value);
    void recoverBigData(DeletedValue& value, const FreeRange& dbRange);
    void takeData(DeletedValue& value, Bytes bytes, RecoveredData state);
    void buildPaths();
    /// The live path of the key at `offset` ("" for the root), or false
    /// when it is no readable key of the live tree.
    bool livePath(uint32_t offset, std::string& out);

    const Hive& hive_;
    const DeletedScanOptions& options_;
    DeletedScan scan_;
    std::vector<FreeRange> free_;
    std::vector<FreeRange> others_;  // unreferenced cells and the bytes past the last hbin, sorted
    std::unordered_map<uint32_t, size_t> keyAt_;    // cellOffset -> index in keys
    std::unordered_map<uint32_t, size_t> valueAt_;  // cellOffset -> index in values
    std::unordered_map<uint32_t, std::string> livePaths_;
    std::unordered_set<uint32_t> notLive_;
    std::atomic<bool> halt_{false};  // run 0 was cancelled: the other runs stop
    // Budgets that keep hostile input linear in the free bytes: value list
    // entries examined, and data bytes copied. A real hive needs each free
    // byte once (a free cell held one list or one value's data); several
    // records that name the same cells share the budget, and once it is
    // spent, lists are no longer linked and data is given Truncated to what
    // the budget still allowed.
    uint64_t listBudget_ = 0;
    uint64_t dataBudget_ = 0;
};

bool Scanner::scanCells() {
    const std::vector<HiveBinInfo>& bins = hive_.bins();
    unsigned runs = options_.threads;
    if (runs == 0)
        runs = hive_.binsEnd() < kBytesPerThread
                   ? 1u
                   : std::min(kMaxThreads, std::max(1u, std::thread::hardware_concurrency()));
    runs = static_cast<unsigned>(std::clamp<size_t>(runs, 1, std::max<size_t>(bins.size(), 1)));
    // Runs of whole bins of about equal bytes; each run has at least one.
    std::vector<size_t> cuts{0};
    const uint64_t total = bins.empty() ? 0 : uint64_t{bins.back().offset} + bins.back().size;
    for (unsigned r = 1, b = 0; r < runs; ++r) {
        while (b < bins.size() && bins[b].offset < total * r / runs) ++b;
        b = static_cast<unsigned>(std::clamp<size_t>(b, cuts.back() + 1, bins.size() - (runs - r)));
        cuts.push_back(b);
    }
    cuts.push_back(bins.size());
    std::vector<Found> found(runs);
    auto scanOne = [&](unsigned r) {
        scanRun(r, std::span<const HiveBinInfo>(bins).subspan(cuts[r], cuts[r + 1] - cuts[r]), found[r]);
    };
    std::vector<std::thread> workers;
    for (unsigned r = 1; r < runs; ++r) workers.emplace_back(scanOne, r);
    scanOne(0);
    for (std::thread& t : workers) t.join();
    if (found[0].cancelled) return false;
    for (Found& f : found) {
        free_.insert(free_.end(), f.free.begin(), f.free.end());
        scan_.freeBytesScanned += f.freeBytes;
        for (DeletedKey& k : f.keys) {
            keyAt_.emplace(k.cellOffset, scan_.keys.size());
            scan_.keys.push_back(std::move(k));
        }
        for (DeletedValue& v : f.values) {
            valueAt_.emplace(v.cellOffset, scan_.values.size());
            scan_.values.push_back(std::move(v));
        }
    }
    return true;
}

void Scanner::scanRun(unsigned run, std::span<const HiveBinInfo> bins, Found& found) {
    if (bins.empty()) return;
    const uint32_t first = bins.front().offset;
    const uint64_t bytes = uint64_t{bins.back().offset} + bins.back().size - first;
    const uint64_t total = hive_.binsEnd();
    uint64_t nextReport = first + kProgressStep;
    CellScanner(hive_).scanBinsEach(bins, [&](const HiveBinInfo&, const Cell& c) {
        const uint64_t done = uint64_t{c.offset} + c.size;
        if (done >= nextReport) {
            nextReport = done + kProgressStep;
            if (run != 0) {
                if (halt_.load(std::memory_order_relaxed)) return false;
            } else if (!report((done - first) * total / std::max<uint64_t>(bytes, 1))) {
                found.cancelled = true;
                halt_.store(true, std::memory_order_relaxed);
                return false;
            }
        }
        if (!c.allocated) {
            found.free.push_back({c.offset, c.offset + c.size});
            scanFreeCell(found.free.back(), found);
        }
        return true;
    });
}

const FreeRange* Scanner::freeRangeAt(uint32_t at) const {
    for (const std::vector<FreeRange>* ranges : {&free_, &others_}) {
        auto it = std::upper_bound(ranges->begin(), ranges->end(), at,
                                   [](uint32_t x, const FreeRange& r) { return x < r.offset; });
        if (it == ranges->begin()) continue;
        --it;
        if (at < it->end) return &*it;
    }
    return nullptr;
}

uint32_t Scanner::oldCellSize(uint32_t at) const {
    Bytes all = hive_.bytes();
    ByteReader r(all, 0, "cell size");
    const int32_t raw = r.i32(kHeader + at, "the cell size");
    if (!r.ok() || raw == std::numeric_limits<int32_t>::min()) return 0;
    return static_cast<uint32_t>(raw < 0 ? -raw : raw);
}

// A record inside a free cell starts with its old cell's size field. At the
// free cell's start that field is the free cell's own (positive) size. At a
// boundary inside, it is whatever the old cell last had there:
//  - positive when that cell was freed on its own before a neighbour freed
//    later absorbed it (Windows' HvFreeCell makes the size positive, then
//    merges with free neighbours and rewrites only the merged cell's first
//    size field);
//  - negative when the cell was absorbed while still marked allocated: a
//    free that merges forwards over a cell never freed (the regf
//    specification allows it: slack after a record is not cleared), and
//    HiveKit's own Allocator, which merges a freed cell into the free cell
//    before it without touching the freed cell's own size field.
// So both signs are accepted; what counts is that the old cell was large
// enough for its record (a real cell always is) and a multiple of 8.
size_t Scanner::tryKey(uint32_t at, const FreeRange& range, Found& found) const {
    const uint32_t oldSize = oldCellSize(at);
    if (oldSize < 8 || oldSize % layout::kCellAlignment != 0) return 0;
    const uint64_t fileOffset = kHeader + at + 4;
    Bytes rest = hive_.bytes().subspan(fileOffset, range.end - at - 4);
    auto node = decodeKeyNode(rest, at, fileOffset);  // fails when the name does not fit the free cell
    if (!node) return 0;
    const size_t recordSize = keyNodeSize(node->nameLength);
    if (node->nameLength == 0 || oldSize < recordSize + 4) return 0;
    if (!plausibleRecordName(node->name())) return 0;
    if (node->flags & ~kKeyFlagsAllowed) return 0;
    if (node->lastWritten < kFiletime1990 || node->lastWritten >= kFiletime2100) return 0;
    DeletedKey key;
    key.cellOffset = at;
    key.foundIn = placeOf(at, range);
    key.name = node->nameUtf8();
    key.node = *node;
    found.keys.push_back(std::move(key));
    return recordSize + 4;
}

size_t Scanner::tryValue(uint32_t at, const FreeRange& range, Found& found) const {
    const uint32_t oldSize = oldCellSize(at);
    if (oldSize < 8 || oldSize % layout::kCellAlignment != 0) return 0;
    const uint64_t fileOffset = kHeader + at + 4;
    Bytes rest = hive_.bytes().subspan(fileOffset, range.end - at - 4);
    auto record = decodeValueRecord(rest, at, fileOffset);
    if (!record) return 0;
    const size_t recordSize = valueRecordSize(record->nameLength);
    if (oldSize < recordSize + 4) return 0;
    if (record->flags & ~kValueFlagsAllowed) return 0;
    if (!plausibleRecordName(record->name())) return 0;
    // Inline data holds at most the 4 bytes of the offset field; other data
    // cannot be larger than the bins that would hold it.
    if (record->dataInline() ? record->dataSize() > 4 : record->dataSize() > hive_.binsEnd()) return 0;
    DeletedValue value;
    value.cellOffset = at;
    value.foundIn = placeOf(at, range);
    value.name = record->nameUtf8();
    value.record = *record;
    found.values.push_back(std::move(value));
    return recordSize + 4;
}

void Scanner::scanFreeCell(const FreeRange& range, Found& found, uint32_t stopAfter) const {
    if (range.where == FoundIn::FreeCell) found.freeBytes += range.end - range.offset;
    const uint8_t* all = hive_.bytes().data() + kHeader;
    // Every 8-byte boundary of the free cell: an old cell begins at one, and
    // its signature follows its 4-byte size field. Positions inside a record
    // just accepted are skipped: a name may spell "nk" or "vk".
    uint32_t at = range.offset;
    while (range.end - at >= 4 + 2 && at <= stopAfter) {
        const uint16_t sig = loadU16(all + at + 4);  // in bounds: at + 6 <= range.end <= binsEnd
        size_t taken = 0;
        if (sig == layout::kKeyNodeSignature) taken = tryKey(at, range, found);
        else if (sig == layout::kValueSignature) taken = tryValue(at, range, found);
        const size_t step = std::max<size_t>(layout::kCellAlignment,
                                             (taken + layout::kCellAlignment - 1) / layout::kCellAlignment *
                                                 layout::kCellAlignment);
        if (step >= range.end - at) break;
        at += static_cast<uint32_t>(step);
    }
}

void Scanner::linkValues() {
    for (size_t k = 0; k < scan_.keys.size(); ++k) {
        DeletedKey& key = scan_.keys[k];
        const uint32_t count = key.node.valueCount;
        const uint32_t list = key.node.valueList;
        if (count == 0 || list == layout::kNoCell || list % layout::kCellAlignment != 0) continue;
        // The list must still be free (allocated again: its entries are
        // someone else's now), its old cell large enough for the count, and
        // the entries inside the free cell.
        const FreeRange* range = recoverableAt(list, key.foundIn);
        if (!range) continue;
        const uint64_t need = 4 + uint64_t{count} * 4;
        if (oldCellSize(list) < need || range->end - list < need) continue;
        if (listBudget_ < count) break;
        listBudget_ -= count;
        const uint8_t* entries = hive_.bytes().data() + kHeader + list + 4;
        for (uint32_t i = 0; i < count; ++i) {
            auto found = valueAt_.find(loadU32(entries + 4 * size_t{i}));
            if (found == valueAt_.end()) continue;
            if (std::find(key.values.begin(), key.values.end(), found->second) != key.values.end()) continue;
            key.values.push_back(found->second);
            // The first key (in file order) that names a record owns it.
            DeletedValue& value = scan_.values[found->second];
            if (value.ownerKey == DeletedValue::kNoOwner) value.ownerKey = k;
        }
    }
}

void Scanner::takeData(DeletedValue& value, Bytes bytes, RecoveredData state) {
    if (bytes.size() > dataBudget_) {
        bytes = bytes.first(static_cast<size_t>(dataBudget_));
        state = RecoveredData::Truncated;
    }
    dataBudget_ -= bytes.size();
    value.data.assign(bytes.begin(), bytes.end());
    value.dataState = state;
}

void Scanner::recoverData(DeletedValue& value) {
    const ValueRecord& v = value.record;
    const uint32_t size = v.dataSize();
    if (v.dataInline()) {
        if (size == 0) value.dataState = RecoveredData::Empty;
        else takeData(value, Bytes(v.inlineBytes, size), RecoveredData::Intact);
        return;
    }
    if (size == 0) {
        value.dataState = RecoveredData::Empty;
        return;
    }
    const uint32_t at = v.dataOffset;
    // Outside the bins, in an hbin header or a damaged bin, or not on a cell
    // boundary: no cell was ever there.
    const HiveBinInfo* bin = at < hive_.binsEnd() ? hive_.binAt(at) : nullptr;
    const FreeRange* range = recoverableAt(at, value.foundIn);
    const bool pastBins = range && range->where == FoundIn::PastLastBin;
    if (!pastBins &&
        (!bin || !bin->valid || at % layout::kCellAlignment != 0 || at - bin->offset < layout::kHbinHeaderSize)) {
        value.dataState = RecoveredData::Missing;
        return;
    }
    if (!range) {
        value.dataState = RecoveredData::Overwritten;  // part of an allocated cell now
        return;
    }
    const uint32_t oldSize = oldCellSize(at);
    if (oldSize < 8 || oldSize % layout::kCellAlignment != 0) {
        value.dataState = RecoveredData::Missing;  // no cell header where the data cell began
        return;
    }
    // What is still free of the old cell: up to its own end and to the end
    // of the free cell that holds it (beyond that, later allocations).
    const size_t room = std::min<size_t>(oldSize, range->end - at) - 4;
    Bytes cellData = hive_.bytes().subspan(kHeader + at + 4, room);
    if (size > room && size > layout::kBigDataSegmentSize && hive_.header().allowsBigData() &&
        looksLikeBigData(cellData)) {
        recoverBigData(value, *range);
        return;
    }
    if (size <= room) takeData(value, cellData.first(size), RecoveredData::Intact);
    else takeData(value, cellData, RecoveredData::Truncated);
}

// Big data is assembled only when the db record, its segment list and every
// segment are still free: one of them allocated again means the pieces may
// belong to someone else, and a value made of mixed pieces would be wrong
// bytes presented as evidence. Segments are taken as Windows writes them,
// kBigDataSegmentSize bytes each (the last one shorter), so a segment whose
// free cell was merged with its neighbours still yields its own bytes only.
void Scanner::recoverBigData(DeletedValue& value, const FreeRange& dbRange) {
    const uint32_t size = value.record.dataSize();
    const uint32_t at = value.record.dataOffset;
    const uint64_t fileOffset = kHeader + at + 4;
    auto db = decodeBigData(hive_.bytes().subspan(fileOffset, dbRange.end - at - 4), fileOffset);
    if (!db || db->segmentCount == 0) {
        value.dataState = RecoveredData::Missing;
        return;
    }
    const uint32_t list = db->segmentList;
    const FreeRange* listRange =
        list % layout::kCellAlignment == 0 ? recoverableAt(list, value.foundIn) : nullptr;
    const uint64_t listNeed = 4 + uint64_t{db->segmentCount} * 4;
    if (!listRange || oldCellSize(list) < listNeed || listRange->end - list < listNeed) {
        value.dataState = RecoveredData::Overwritten;
        return;
    }
    const uint8_t* entries = hive_.bytes().data() + kHeader + list + 4;
    std::vector<uint8_t> out;
    out.reserve(std::min<uint64_t>({size, uint64_t{db->segmentCount} * layout::kBigDataSegmentSize, dataBudget_}));
    bool shortSegment = false;
    for (size_t i = 0; i < db->segmentCount && out.size() < size; ++i) {
        const uint32_t seg = loadU32(entries + 4 * i);
        const FreeRange* segRange = seg % layout::kCellAlignment == 0 ? recoverableAt(seg, value.foundIn) : nullptr;
        if (!segRange) {
            value.dataState = RecoveredData::Overwritten;
            return;
        }
        const uint32_t segSize = oldCellSize(seg);
        const size_t want = std::min<size_t>(layout::kBigDataSegmentSize, size - out.size());
        const size_t room = segSize < 8 ? 0 : std::min<size_t>(segSize, segRange->end - seg) - 4;
        const size_t take = std::min({want, room, static_cast<size_t>(dataBudget_ - out.size())});
        Bytes bytes = hive_.bytes().subspan(kHeader + seg + 4, take);
        out.insert(out.end(), bytes.begin(), bytes.end());
        if (take < want) {
            shortSegment = true;  // what follows would no longer line up
            break;
        }
    }
    const bool complete = !shortSegment && out.size() == size;
    dataBudget_ -= out.size();
    value.data = std::move(out);
    value.dataState = complete ? RecoveredData::Intact : RecoveredData::Truncated;
}

uint32_t Scanner::usedBytes(const AllocatedCell& cell) const {
    Bytes all = hive_.bytes();
    const uint64_t fileOffset = kHeader + cell.offset + 4;
    Bytes data = all.subspan(fileOffset, cell.size - 4);
    switch (cell.use) {
    case CellUse::Key: {
        auto k = decodeKeyNode(data, cell.offset, fileOffset);
        return k ? static_cast<uint32_t>(keyNodeSize(k->nameLength)) : kNoCell;
    }
    case CellUse::Value: {
        auto v = decodeValueRecord(data, cell.offset, fileOffset);
        return v ? static_cast<uint32_t>(valueRecordSize(v->nameLength)) : kNoCell;
    }
    case CellUse::SubkeyList: {
        auto l = decodeSubkeyList(data, fileOffset);
        return l ? static_cast<uint32_t>(4 + l->count * l->entrySize()) : kNoCell;
    }
    case CellUse::BigData: return static_cast<uint32_t>(kBigDataRecordSize);
    case CellUse::ValueList: {
        auto k = hive_.keyNode(cell.owner);
        return k && k->valueCount <= cell.size / 4 ? k->valueCount * 4 : kNoCell;
    }
    case CellUse::ClassName: {
        auto k = hive_.keyNode(cell.owner);
        return k ? k->classLength : kNoCell;
    }
    case CellUse::Data: {
        auto v = hive_.valueRecord(cell.owner);
        return v && !v->dataInline() ? v->dataSize() : kNoCell;
    }
    case CellUse::SegmentList: {
        // The owner is the db record; its segment count is what the list holds.
        const uint64_t dbAt = kHeader + uint64_t{cell.owner} + 4;
        if (dbAt + kBigDataRecordSize > all.size()) return kNoCell;
        auto db = decodeBigData(all.subspan(dbAt, kBigDataRecordSize), dbAt);
        return db && db->segmentCount <= cell.size / 4 ? uint32_t{db->segmentCount} * 4 : kNoCell;
    }
    // Segments and security cells are written to size: no slack worth a
    // second look, and nothing left to judge it by.
    case CellUse::Segment:
    case CellUse::Security:
    case CellUse::Unreferenced: return kNoCell;
    }
    return kNoCell;
}

void Scanner::scanOtherPlaces() {
    std::vector<FreeRange> slack;
    if (options_.allocatedCells) {
        CheckControl control;
        control.threads = options_.threads;
        control.allocatedCell = [&](const AllocatedCell& cell) {
            if (cell.size < 8 || uint64_t{cell.offset} + cell.size > hive_.binsEnd()) return;
            if (cell.use == CellUse::Unreferenced) {
                others_.push_back({cell.offset, cell.offset + cell.size, FoundIn::UnreferencedCell});
                return;
            }
            const uint32_t used = usedBytes(cell);
            if (used == kNoCell || uint64_t{used} + 4 >= cell.size) return;
            const uint32_t start = cell.offset + (used + 4 + layout::kCellAlignment - 1) / layout::kCellAlignment *
                                                     layout::kCellAlignment;
            if (cell.offset + cell.size - start >= layout::kCellAlignment)
                slack.push_back({start, cell.offset + cell.size, FoundIn::CellSlack});
        };
        (void)checkHive(hive_, control);
    }
    // Cells resolved past a broken chain come last and may even overlap
    // (hostile references into the middle of a cell): sort and clip, so
    // that no byte is scanned twice.
    auto tidy = [](std::vector<FreeRange>& ranges) {
        std::sort(ranges.begin(), ranges.end(), [](const FreeRange& a, const FreeRange& b) { return a.offset < b.offset; });
        std::vector<FreeRange> out;
        for (FreeRange r : ranges) {
            if (!out.empty() && r.offset < out.back().end) r.offset = out.back().end;
            if (r.end > r.offset) out.push_back(r);
        }
        ranges = std::move(out);
    };
    tidy(others_);
    tidy(slack);
    // The bytes past the last hbin, on the same 8-byte grid as the bins.
    const uint64_t fileEnd = std::min<uint64_t>(hive_.bytes().size(), kHeader + uint64_t{0xFFFFFFF0u});
    if (fileEnd > kHeader + hive_.binsEnd())
        others_.push_back({hive_.binsEnd(), static_cast<uint32_t>(fileEnd - kHeader), FoundIn::PastLastBin});
    Found found;
    for (const std::vector<FreeRange>* ranges : {&others_, &slack})
        for (const FreeRange& r : *ranges) {
            const uint64_t bytes = r.end - r.offset;
            if (r.where == FoundIn::UnreferencedCell) scan_.unreferencedBytesScanned += bytes;
            else if (r.where == FoundIn::CellSlack) scan_.slackBytesScanned += bytes;
            else scan_.pastBinsBytesScanned += bytes;
            scanFreeCell(r, found);
        }
    // Merge with the free cells' findings, keeping file order.
    auto byOffset = [](const auto& a, const auto& b) { return a.cellOffset < b.cellOffset; };
    std::sort(found.keys.begin(), found.keys.end(), byOffset);
    std::sort(found.values.begin(), found.values.end(), byOffset);
    std::vector<DeletedKey> keys;
    std::merge(std::make_move_iterator(scan_.keys.begin()), std::make_move_iterator(scan_.keys.end()),
               std::make_move_iterator(found.keys.begin()), std::make_move_iterator(found.keys.end()),
               std::back_inserter(keys), byOffset);
    std::vector<DeletedValue> values;
    std::merge(std::make_move_iterator(scan_.values.begin()), std::make_move_iterator(scan_.values.end()),
               std::make_move_iterator(found.values.begin()), std::make_move_iterator(found.values.end()),
               std::back_inserter(values), byOffset);
    scan_.keys = std::move(keys);
    scan_.values = std::move(values);
    keyAt_.clear();
    valueAt_.clear();
    for (size_t i = 0; i < scan_.keys.size(); ++i) keyAt_.emplace(scan_.keys[i].cellOffset, i);
    for (size_t i = 0; i < scan_.values.size(); ++i) valueAt_.emplace(scan_.values[i].cellOffset, i);
}

bool Scanner::livePath(uint32_t offset, std::string& out) {
    if (auto it = livePaths_.find(offset); it != livePaths_.end()) {
        out = it->second;
        return true;
    }
    if (notLive_.count(offset)) return false;
    // A cell inside a free cell may still carry a negative size field (see
    // tryKey), so allocatedCell() alone would take it for live.
    bool live = !freeRangeAt(offset) && hive_.keyNode(offset).has_value();
    std::string path;
    if (live) {
        auto p = keyPathOf(hive_, offset);
        live = p.has_value();
        if (live) path = std::move(*p);
    }
    if (!live) {
        notLive_.insert(offset);
        return false;
    }
    out = livePaths_.emplace(offset, std::move(path)).first->second;
    return true;
}

// Paths are resolved with memoization, so each key is visited a bounded
// number of times. Two bounds keep hostile chains cheap: a key more than
// kMaxDepth deleted levels below anything known starts over at "?\", and
// once the paths' total size passes a budget proportional to the free bytes
// (a real hive stays far below it), further paths are "?\" and the name.
void Scanner::buildPaths() {
    std::vector<size_t> chain;
    std::vector<uint32_t> depth(scan_.keys.size(), 0);  // 0: not resolved yet, else levels + 1
    uint64_t budget = (scan_.freeBytesScanned + scan_.unreferencedBytesScanned + scan_.slackBytesScanned +
                       scan_.pastBinsBytesScanned) * 16 + (1u << 20);
    auto join = [&](const std::string& base, const std::string& name) {
        const uint64_t size = base.size() + 1 + name.size();
        if (size > budget) return "?\\" + name;
        budget -= size;
        return base.empty() ? name : base + "\\" + name;
    };
    for (size_t start = 0; start < scan_.keys.size(); ++start) {
        if (depth[start]) continue;
        // Follow the parents through deleted keys until a live key, a key
        // whose path is known, an unknown cell, a cycle or the depth limit.
        chain.assign(1, start);
        std::string base = "?";
        uint32_t baseDepth = 1;
        for (;;) {
            DeletedKey& top = scan_.keys[chain.back()];
            const uint32_t parent = top.node.parent;
            auto deleted = keyAt_.find(parent);
            if (deleted != keyAt_.end()) {
                const size_t j = deleted->second;
                if (depth[j]) {
                    if (depth[j] + chain.size() <= kMaxDepth) {
                        base = scan_.keys[j].path;
                        baseDepth = depth[j] + 1;
                    }
                    break;
                }
                // A cycle ends the chain where it closes: its first key
                // gets "?\" as though its parent were unknown.
                if (std::find(chain.begin(), chain.end(), j) != chain.end() || chain.size() >= kMaxDepth) break;
                chain.push_back(j);
                continue;
            }
            std::string live;
            if (livePath(parent, live)) {
                top.parentLive = true;
                base = live;
            }
            break;
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            DeletedKey& key = scan_.keys[*it];
            key.path = join(base, key.name);
            depth[*it] = baseDepth++;
            base = key.path;
        }
    }
}

Result<DeletedScan> Scanner::run() {
    auto cancelled = [] { return fail(ErrorCode::Invalid, "the scan for deleted keys and values was cancelled"); };
    if (!report(0) || !scanCells()) return cancelled();
    scanOtherPlaces();
    const uint64_t scanned = scan_.freeBytesScanned + scan_.unreferencedBytesScanned + scan_.slackBytesScanned +
                             scan_.pastBinsBytesScanned;
    listBudget_ = scanned / 4 * 2 + 4096;
    dataBudget_ = scanned * 2 + (1u << 20);
    linkValues();
    for (DeletedValue& value : scan_.values) recoverData(value);
    buildPaths();
    if (!report(hive_.binsEnd())) return cancelled();
    return std::move(scan_);
}

}  // namespace

Result<DeletedScan> scanDeleted(const Hive& hive, const DeletedScanOptions& options) {
    return Scanner(hive, options).run();
}

DeletedScan scanDeletedRecordsIn(const Hive& hive, uint32_t offset, uint32_t end, FoundIn where, uint32_t stopAfter) {
    // Never past the file, nor past what a relative offset can name.
    const uint64_t fileEnd = std::min<uint64_t>(hive.bytes().size(), kHeader + uint64_t{0xFFFFFFF0u});
    if (fileEnd <= kHeader) return {};
    end = static_cast<uint32_t>(std::min<uint64_t>(end, fileEnd - kHeader));
    if (offset >= end) return {};
    const DeletedScanOptions options;
    const FoundIn place = where == FoundIn::InsideFreeCell ? FoundIn::FreeCell : where;
    return Scanner(hive, options).scanOne(FreeRange{offset, end, place}, stopAfter);
}

}  // namespace hivekit
