#include "hive/Checker.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "format/HiveBin.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "format/Offsets.h"
#include "format/SecurityDescriptor.h"
#include "hive/CellScanner.h"
#include "hive/CheckWording.h"
#include "hive/TreeWalker.h"
#include "hive/ZeroedPages.h"

namespace hivekit {
namespace {

using namespace checkwording;

/// What a referenced cell is to its owner. Every cell but an sk has at most
/// one owner; the owner map below is what finds a cell claimed twice.
enum class Role : uint8_t {
    None, RootKey, Key, SubkeyList, Leaf, ValueList, Value, Data, BigData, SegmentList, Segment, Class, Security
};

/// One cell of the hive, as the scan found it, and who claimed it: 8 bytes
/// a cell, since a checker holds one per cell of the hive. The offset is not
/// stored (the cell's bit in the map of starts gives it); the size, a
/// multiple of 8 below 2^31, is kept in eighths beside a 4-bit state that is
/// the role, or kFree (a free cell can never be claimed). A key's parent is
/// not stored either: its owner is the leaf that lists it (see parentKeyOf).
class CellEntry {
public:
    CellEntry() = default;
    CellEntry(uint32_t size, bool allocated)
        : sizeState_((size / layout::kCellAlignment) << 4 | (allocated ? 0u : kFree)) {}

    uint32_t size() const { return (sizeState_ >> 4) * layout::kCellAlignment; }
    bool allocated() const { return (sizeState_ & 0xF) != kFree; }
    Role role() const { return allocated() ? static_cast<Role>(sizeState_ & 0xF) : Role::None; }
    /// REQUIRES: allocated() and role() == Role::None.
    void claim(Role role, uint32_t by) {
        sizeState_ = (sizeState_ & ~0xFu) | static_cast<uint32_t>(role);
        owner = by;
    }

    uint32_t owner = kNone;  ///< relative offset of the record that references the cell

private:
    static constexpr uint32_t kFree = 0xF;
    uint32_t sizeState_ = 0;
};
static_assert(sizeof(CellEntry) == 8, "one entry per cell of the hive: keep it small");
static_assert(static_cast<uint32_t>(Role::Security) < 0xF, "the roles and kFree share 4 bits");

/// An sk cell as the list walk and the keys saw it.
struct SkInfo {
    bool valid = true;           ///< decodes as an sk
    bool inList = false;         ///< reached by the flink walk from the root key's sk
    uint32_t referenceCount = 0; ///< as stored
    uint32_t keys = 0;           ///< keys that point to it
    uint32_t firstKey = kNone;
};

/// A key waiting to be visited: decoded once, when its parent's list was read.
struct Frame {
    KeyNode node;
    unsigned depth = 0;
};

/// State carried along the leaves of one subkey list (one leaf, or every
/// leaf of an ri): the previous entry for the order check, the maxima.
struct ListScan {
    bool havePrevious = false;
    std::u16string previousName;
    size_t previousIndex = 0;
    uint32_t previousLeaf = kNone;
    uint32_t indexRoot = kNone;  ///< the ri, when there is one
    uint64_t entries = 0;
    bool complete = true;        ///< every leaf could be read
    uint32_t maxName = 0, maxNameKey = kNone;
    uint32_t maxClass = 0, maxClassKey = kNone;
};

/// Progress shares, in thousandths: the scan of the hbins reads every cell
/// header once; the walk decodes every reachable record and takes most of
/// the time; the final passes over the cell and sk maps are quick.
constexpr unsigned kScanDone = 150;
constexpr unsigned kWalkDone = 980;
/// How often the stop request is polled: it may cost a lock or an atomic.
constexpr uint64_t kCellsPerPoll = 4096;
constexpr uint64_t kKeysPerPoll = 256;
/// The most threads the scan of the cells uses unless told otherwise.
constexpr unsigned kMaxThreads = 8;

class Checker {
public:
    Checker(const Hive& hive, const CheckControl& control)
        : hive_(hive), all_(hive.bytes()), header_(hive.header()), control_(control) {}

    CheckReport run() {
        checkHeader();
        checkBins();
        scanCells();
        if (!report_.stopped) walk();
        if (report_.stopped) return std::move(report_);
        finishSecurity();
        finishListKinds();
        countUnreferenced();
        advance(1000);
        return std::move(report_);
    }

private:
    // ---- progress and stop (CheckControl) ------------------------------

    /// Polls the stop request; sets report_.stopped when it is granted.
    bool stopNow() {
        if (!report_.stopped && control_.stopRequested && control_.stopRequested()) report_.stopped = true;
        return report_.stopped;
    }

    void advance(unsigned permille) {
        if (static_cast<int>(permille) <= progress_) return;
        progress_ = static_cast<int>(permille);
        if (control_.progress) control_.progress(permille);
    }

    /// The walk's share done, judged by the keys visited against the nk
    /// cells the scan saw (a key may be unreachable, so the count is capped).
    void advanceWalk() {
        const uint64_t expected = std::max<uint64_t>(nkCells_, 1);
        const uint64_t done = std::min(report_.keys, expected);
        advance(kScanDone + static_cast<unsigned>(done * (kWalkDone - kScanDone) / expected));
    }

    // ---- reporting -----------------------------------------------------

    void error(std::string message, uint64_t offset) { report_.diagnostics.error(std::move(message), offset); }
    void warn(std::string message, uint64_t offset) { report_.diagnostics.warn(std::move(message), offset); }
    void info(std::string message, uint64_t offset) { report_.diagnostics.info(std::move(message), offset); }

    // ---- base block and bins (B1-B5, H1) ---------------------------------

    void checkHeader() {
        namespace B = layout::base;
        const BaseBlock& b = header_;
        if (!b.checksumValid())
            error("base block: checksum is " + hexOffset(b.checksum) + ", the first 508 bytes give " +
                      hexOffset(b.computedChecksum),
                  B::Checksum);
        if (!b.sequencesMatch()) {
            report_.dirty = true;
            warn("base block: dirty hive: primary sequence number " + std::to_string(b.primarySequence) +
                     " differs from secondary " + std::to_string(b.secondarySequence) +
                     " (the primary file may lack changes held in its transaction logs)",
                 B::PrimarySequence);
        }
        if (!b.versionSupported())
            error("base block: format version " + b.versionString() + " is not one Windows writes (1.1 to 1.6)",
                  B::MajorVersion);
        if (b.fileType != 0)
            error("base block: file type is " + b.fileTypeName() + ", not 0 (a primary hive file)", B::FileType);
        if (b.fileFormat != 1)
            error("base block: file format is " + std::to_string(b.fileFormat) + ", not 1 (direct memory load)",
                  B::FileFormat);
        // 0x1: KTM locked the hive; 0x2: defragmented / layered keys. No
        // other bit is defined.
        if (b.flags & ~uint32_t{0x3})
            warn("base block: flags " + hexOffset(b.flags) +
                     " hold bits Windows does not define (0x1 KTM locked, 0x2 defragmented)",
                 B::Flags);
        if (b.clusteringFactor != 1)
            warn("base block: clustering factor is " + std::to_string(b.clusteringFactor) + ", Windows writes 1",
                 B::ClusteringFactor);
        if (hive_.recovery().recovered)
            info("transaction logs were replayed in memory: the recovered image is checked, not the primary file",
                 Error::kNoOffset);
    }

    void checkBins() {
        const uint64_t available = all_.size() - kHiveBinsStart;
        const uint32_t declared = header_.hiveBinsDataSize;
        if (declared == 0 || declared % layout::kHbinAlignment != 0)
            error("base block: hive bins data size " + hexOffset(declared) +
                      " is not a nonzero multiple of 0x1000; the hbins were looked for up to " + at(hive_.binsEnd()),
                  layout::base::HiveBinsDataSize);
        else if (declared > available)
            error("base block: hive bins data size " + hexOffset(declared) + " goes past the end of the file (" +
                      hexOffset(all_.size()) + "): truncated",
                  layout::base::HiveBinsDataSize);
        // Hive's bin map covers [0, binsEnd) contiguously: a stretch whose
        // header does not validate is kept as one invalid bin up to the next
        // valid header. Each such stretch is one error here.
        for (const HiveBinInfo& bin : hive_.bins()) {
            if (bin.valid) continue;
            const uint64_t start = fileOff(bin.offset);
            auto h = decodeHiveBinHeader(all_.subspan(start, layout::kHbinHeaderSize), bin.offset, start,
                                         uint64_t{hive_.binsEnd()} - bin.offset);
            std::string why = h ? "hbin at " + hexOffset(start) + ": damaged" : h.error().message;
            error(why + "; the cells from " + hexOffset(start) + " to " + hexOffset(start + bin.size) +
                      " cannot be checked",
                  start);
        }
        const uint64_t end = fileOff(hive_.binsEnd());
        if (all_.size() >= end + 4 && loadU32(all_.data() + end) == layout::kHbinSignature)
            info("hbins continue after the declared end of the hive bins data at " + hexOffset(end) +
                     " (slack, or data of an unreplayed log)",
                 end);
    }

    // ---- cells (H2) -------------------------------------------------------
    //
    // Two passes over the bins, each split into runs of whole bins that
    // threads take one each (a run's cells fill whole words of starts_, since
    // bins start on 4 KiB boundaries, so the runs never share a word):
    //  1. walk each bin's cell chain and mark where cells start (H2's
    //     problems are collected per run and appended in run order);
    //  2. with the ranks known, fill each cell's entry in place: the entry
    //     vector is allocated once at its exact size, never grown.
    // The result does not depend on the number of runs.

    /// How many runs: CheckControl::threads, or one per core for a hive of a
    /// few MiB or more; never more runs than bins.
    unsigned runCount(size_t binCount) const {
        unsigned n = control_.threads;
        if (n == 0) {
            const uint64_t bigEnough = uint64_t{4} << 20;  // below this a thread costs more than it saves
            n = hive_.binsEnd() < bigEnough ? 1u : std::max(1u, std::thread::hardware_concurrency());
            n = std::min(n, kMaxThreads);
        }
        return static_cast<unsigned>(std::clamp<size_t>(n, 1, std::max<size_t>(binCount, 1)));
    }

    /// Splits the bins into `runs` runs of about equal bytes: run i is the
    /// bins [cuts[i], cuts[i + 1]).
    static std::vector<size_t> splitBins(const std::vector<HiveBinInfo>& bins, unsigned runs) {
        std::vector<size_t> cuts{0};
        const uint64_t total = bins.empty() ? 0 : uint64_t{bins.back().offset} + bins.back().size;
        size_t b = 0;
        for (unsigned r = 1; r < runs; ++r) {
            const uint64_t target = total * r / runs;
            while (b < bins.size() && bins[b].offset < target) ++b;
            // Every run gets at least one bin.
            b = std::clamp(b, cuts.back() + 1, bins.size() - (runs - r));
            cuts.push_back(b);
        }
        cuts.push_back(bins.size());
        return cuts;
    }

    /// Runs `work(run)` for every run, run 0 on this thread (the one that
    /// reports progress and polls the stop request), the others on threads
    /// of their own; returns when all are done.
    template <class Work>
    static void inParallel(unsigned runs, Work&& work) {
        std::vector<std::thread> workers;
        workers.reserve(runs - 1);
        for (unsigned r = 1; r < runs; ++r) workers.emplace_back([&work, r] { work(r); });
        work(0u);
        for (std::thread& t : workers) t.join();
    }

    /// Polled every few thousand cells by every run. Only run 0 asks the
    /// caller (CheckControl's functions belong to the checking thread); the
    /// other runs follow its answer.
    bool halted(unsigned run) {
        if (run != 0) return halt_.load(std::memory_order_relaxed);
        if (stopNow()) halt_.store(true, std::memory_order_relaxed);
        return report_.stopped;
    }

    /// Run 0's share of the scan done, as progress: `pass` 0 or 1, `done`
    /// bytes of `total`.
    void advanceScan(unsigned pass, uint64_t done, uint64_t total) {
        const uint64_t half = kScanDone / 2;
        advance(static_cast<unsigned>(pass * half + done * half / std::max<uint64_t>(total, 1)));
    }

    /// Pass 1 over the bins of one run: marks cell starts in starts_.
    void markStarts(unsigned run, std::span<const HiveBinInfo> bins, Diagnostics& problems) {
        if (bins.empty()) return;
        const uint32_t first = bins.front().offset;
        const uint64_t bytes = uint64_t{bins.back().offset} + bins.back().size - first;
        uint64_t seen = 0;
        CellScanner(hive_).scanBinsEach(
            bins,
            [&](const HiveBinInfo&, const Cell& c) {
                const uint32_t slot = c.offset / layout::kCellAlignment;
                starts_[slot / 64] |= uint64_t{1} << (slot % 64);
                if (++seen % kCellsPerPoll == 0) {
                    if (halted(run)) return false;
                    if (run == 0) advanceScan(0, c.offset - first, bytes);
                }
                return true;
            },
            &problems);
    }

    /// Pass 2 over the bins of one run: an entry for each cell pass 1
    /// marked, read from its (already validated) size field. Returns the
    /// allocated nk cells seen.
    uint64_t fillEntries(unsigned run, std::span<const HiveBinInfo> bins) {
        if (bins.empty()) return 0;
        const uint64_t firstWord = bins.front().offset / layout::kCellAlignment / 64;
        const uint64_t endWord = (uint64_t{bins.back().offset} + bins.back().size) / layout::kCellAlignment / 64;
        const uint8_t* base = all_.data() + kHiveBinsStart;
        uint32_t index = rank_[firstWord];
        uint64_t keys = 0;
        for (uint64_t w = firstWord; w < endWord; ++w) {
            if ((w - firstWord) % (kCellsPerPoll / 64) == 0 && w != firstWord) {
                if (halted(run)) return keys;
                if (run == 0) advanceScan(1, w - firstWord, endWord - firstWord);
            }
            for (uint64_t word = starts_[w]; word != 0; word &= word - 1) {
                const uint64_t off = (w * 64 + static_cast<uint64_t>(__builtin_ctzll(word))) * layout::kCellAlignment;
                const auto raw = static_cast<int32_t>(loadU32(base + off));
                const bool allocated = raw < 0;
                const auto size = static_cast<uint32_t>(allocated ? -static_cast<int64_t>(raw) : raw);
                cells_[index++] = CellEntry(size, allocated);
                if (allocated && loadU16(base + off + 4) == layout::kKeyNodeSignature) ++keys;
            }
        }
        return keys;
    }

    /// A table the check needs could not be had: said, and the check ends
    /// there (reported as stopped: what it found so far stands).
    void outOfMemory(const char* what, uint64_t bytes) {
        report_.diagnostics.error("not enough memory for " + std::string(what) + " (" + std::to_string(bytes) +
                                  " bytes): the check stops here");
        report_.stopped = true;
    }

    void scanCells() {
        const std::vector<HiveBinInfo>& bins = hive_.bins();
        advance(0);
        // One bit per 8-byte slot of the bins: 1.6% of the file, and with the
        // rank per 64 slots an O(1) way from a reference to its cell.
        const size_t words = (uint64_t{hive_.binsEnd()} / layout::kCellAlignment + 63) / 64;
        starts_ = PagedArray<uint64_t>(words);
        rank_ = PagedArray<uint32_t>(words);
        if (starts_.size() != words || rank_.size() != words) return outOfMemory("the map of cell starts", words * 12);
        const unsigned runs = runCount(bins.size());
        const std::vector<size_t> cuts = splitBins(bins, runs);
        auto binsOf = [&](unsigned r) {
            return std::span<const HiveBinInfo>(bins).subspan(cuts[r], cuts[r + 1] - cuts[r]);
        };
        std::vector<Diagnostics> problems(runs);
        inParallel(runs, [&](unsigned r) { markStarts(r, binsOf(r), problems[r]); });
        for (const Diagnostics& p : problems) report_.diagnostics.append(p);
        uint32_t before = 0;
        for (size_t w = 0; w < starts_.size(); ++w) {
            rank_[w] = before;
            before += static_cast<uint32_t>(__builtin_popcountll(starts_[w]));
        }
        report_.cells = before;
        if (report_.stopped) return;
        cells_ = PagedArray<CellEntry>(before, CellEntry());
        if (cells_.size() != before) return outOfMemory("the cell table", uint64_t{before} * sizeof(CellEntry));
        std::vector<uint64_t> keys(runs, 0);
        inParallel(runs, [&](unsigned r) { keys[r] = fillEntries(r, binsOf(r)); });
        for (uint64_t k : keys) nkCells_ += k;
    }

    /// The scanned cell starting exactly at `off`, or null: a test of its
    /// bit and a count of the bits before it (no search).
    CellEntry* scannedAt(uint32_t off) {
        if (off % layout::kCellAlignment != 0) return nullptr;
        const uint64_t slot = off / layout::kCellAlignment;
        if (slot / 64 >= starts_.size()) return nullptr;
        const uint64_t word = starts_[slot / 64];
        const uint64_t bit = uint64_t{1} << (slot % 64);
        if (!(word & bit)) return nullptr;
        return &cells_[rank_[slot / 64] + static_cast<uint32_t>(__builtin_popcountll(word & (bit - 1)))];
    }

    /// The start of the last scanned cell at or before `ref` and at or after
    /// `binStart`, or kNone: a walk back over the words of starts_, within
    /// one bin (only references that miss a cell start come here).
    uint32_t lastStartAtOrBefore(uint32_t ref, uint32_t binStart) const {
        const uint64_t low = binStart / layout::kCellAlignment;
        const uint64_t slot = ref / layout::kCellAlignment;
        uint64_t w = slot / 64;
        const unsigned bit = slot % 64;
        uint64_t word = starts_[w] & (bit == 63 ? ~uint64_t{0} : (uint64_t{1} << (bit + 1)) - 1);
        for (;;) {
            if (word != 0) {
                const uint64_t found = w * 64 + 63 - static_cast<uint64_t>(__builtin_clzll(word));
                return found >= low ? static_cast<uint32_t>(found * layout::kCellAlignment) : kNone;
            }
            if (w == 0 || w * 64 <= low) return kNone;
            word = starts_[--w];
        }
    }

    Bytes dataOf(uint32_t off, const CellEntry& e) const { return all_.subspan(fileOff(off) + 4, e.size() - 4); }

    /// The entry of the cell starting exactly at `off`, or null.
    CellEntry* entryAt(uint32_t off) {
        if (CellEntry* e = scannedAt(off)) return e;
        auto x = extra_.find(off);
        return x != extra_.end() ? &x->second : nullptr;
    }

    /// The key whose subkey list holds the key at `off`, or kNone (the root,
    /// or a key no list claimed): the key's owner is a leaf, claimed by that
    /// key directly or through an ri.
    uint32_t parentKeyOf(uint32_t off) {
        CellEntry* e = entryAt(off);
        if (!e || e->role() != Role::Key) return kNone;
        CellEntry* list = entryAt(e->owner);
        if (list && list->role() == Role::Leaf) list = entryAt(list->owner);
        return list && list->role() == Role::SubkeyList ? list->owner : kNone;
    }

    /// Finds the allocated cell a reference points to; on failure returns
    /// null and sets `problem` to what the offset hits instead (C1).
    CellEntry* resolve(uint32_t ref, std::string& problem) {
        if (ref == kNone) {
            problem = "nowhere (0xffffffff)";
            return nullptr;
        }
        // The common case: the start of a scanned cell, which lies in a
        // valid bin past its header.
        if (CellEntry* e = scannedAt(ref)) {
            if (!e->allocated()) {
                problem = at(ref) + ", a free cell";
                return nullptr;
            }
            return e;
        }
        const HiveBinInfo* bin = hive_.binAt(ref);
        if (!bin) {
            problem = at(ref) + ", outside the hive bins (they end at " + at(hive_.binsEnd()) + ")";
            return nullptr;
        }
        if (!bin->valid) {
            problem = at(ref) + ", in the damaged hbin at " + at(bin->offset);
            return nullptr;
        }
        if (ref - bin->offset < layout::kHbinHeaderSize) {
            problem = at(ref) + ", inside the header of the hbin at " + at(bin->offset);
            return nullptr;
        }
        if (const uint32_t before = lastStartAtOrBefore(ref, bin->offset); before != kNone) {
            if (ref - before < scannedAt(before)->size()) {
                problem = at(ref) + ", inside the cell at " + at(before) + " (not the start of a cell)";
                return nullptr;
            }
        }
        CellEntry* e = nullptr;
        if (!e) {
            // Past a broken cell chain: the scan did not reach this part of
            // the bin, so the cell is resolved on its own (tolerantly, as the
            // reader does) rather than reported again for every reference.
            auto x = extra_.find(ref);
            if (x == extra_.end()) {
                auto c = hive_.cell(ref);
                if (!c) {
                    problem = at(ref) + ", which cannot be read: " + c.error().message;
                    return nullptr;
                }
                x = extra_.emplace(ref, CellEntry(c->size, c->allocated)).first;
            }
            e = &x->second;
        }
        if (!e->allocated()) {
            problem = at(ref) + ", a free cell";
            return nullptr;
        }
        return e;
    }

    /// Resolves a reference and claims the cell for `role` on behalf of
    /// `owner` (C1, C2). `who` builds the message prefix naming the field
    /// ("lh list at 0x1020: entry 3") only when something is wrong.
    template <class Who>
    CellEntry* take(uint32_t ref, Role role, uint32_t owner, Who&& who, uint64_t diagOffset) {
        std::string problem;
        CellEntry* e = resolve(ref, problem);
        if (!e) {
            error(who() + " points to " + problem, diagOffset);
            return nullptr;
        }
        if (e->role() == Role::None) {
            e->claim(role, owner);
            return e;
        }
        if (role == Role::Security && e->role() == Role::Security) return e;  // sk cells are shared
        error("cell at " + at(ref) + " is referenced twice: as " + describe(e->role(), e->owner) + " and as " +
                  describe(role, owner),
              fileOff(ref));
        return nullptr;
    }

    // ---- labels (built only for messages) ------------------------------------

    std::string keyPath(uint32_t off) {
        std::vector<std::u16string> names;
        for (unsigned guard = 0; guard <= TreeWalker::kMaxDepth + 1 && off != rootOffset_; ++guard) {
            auto k = hive_.keyNode(off);
            names.push_back(k ? k->name() : u"?");
            off = parentKeyOf(off);
            if (off == kNone) break;
        }
        std::u16string path;
        for (auto it = names.rbegin(); it != names.rend(); ++it) {
            if (!path.empty()) path += u'\\';
            path += *it;
        }
        return utf16ToUtf8(path);
    }

    std::string keyLabel(uint32_t off) {
        if (off == rootOffset_) return "root key at " + at(off);
        return "key at " + at(off) + " (\"" + keyPath(off) + "\")";
    }

    std::string valueLabel(uint32_t vk) {
        std::string name = "?";
        if (auto v = hive_.valueRecord(vk)) name = v->nameLength ? quoted(v->name()) : std::string("the default value");
        uint32_t key = kNone;
        if (CellEntry* e = entryAt(vk); e && e->role() == Role::Value)
            if (CellEntry* list = entryAt(e->owner)) key = list->owner;
        std::string of = key == kNone ? std::string()
                         : key == rootOffset_ ? std::string(" of the root key")
                                              : " of key \"" + keyPath(key) + "\"";
        return "value at " + at(vk) + " (" + name + of + ")";
    }

    std::string listLabel(uint32_t off) {
        Bytes sig = all_.subspan(fileOff(off) + 4, 2);
        switch (loadU16(sig.data())) {
        case layout::kIndexLeafSignature: return "li list at " + at(off);
        case layout::kFastLeafSignature: return "lf list at " + at(off);
        case layout::kHashLeafSignature: return "lh list at " + at(off);
        case layout::kIndexRootSignature: return "ri list at " + at(off);
        default: return "subkey list at " + at(off);
        }
    }

    std::string describe(Role role, uint32_t owner) {
        switch (role) {
        case Role::None: return "nothing";
        case Role::RootKey: return "the root key named by the base block";
        case Role::Key: return "a subkey in the " + listLabel(owner);
        case Role::SubkeyList: return "the subkey list of the " + keyLabel(owner);
        case Role::Leaf: return "a leaf of the ri list at " + at(owner);
        case Role::ValueList: return "the value list of the " + keyLabel(owner);
        case Role::Value: return "a value in the value list at " + at(owner);
        case Role::Data: return "the data of the " + valueLabel(owner);
        case Role::BigData: return "the big data record of the " + valueLabel(owner);
        case Role::SegmentList: return "the segment list of the big data record at " + at(owner);
        case Role::Segment: return "a segment of the big data record at " + at(owner);
        case Role::Class: return "the class name of the " + keyLabel(owner);
        case Role::Security: return "a security cell (sk)";
        }
        return "?";
    }

    // ---- the tree (K1-K7) ------------------------------------------------------

    void walk() {
        rootOffset_ = header_.rootCellOffset;
        CellEntry* rootCell = take(
            rootOffset_, Role::RootKey, kNone, [] { return std::string("base block: the root cell offset"); },
            layout::base::RootCellOffset);
        treeComplete_ = false;  // until the root is read
        if (!rootCell) return;
        auto root = decodeKeyNode(dataOf(rootOffset_, *rootCell), rootOffset_, fileOff(rootOffset_) + 4);
        if (!root) {
            error("base block: the root cell: " + root.error().message, layout::base::RootCellOffset);
            return;
        }
        if (!root->isRoot())
            error(keyLabel(rootOffset_) + ": flags " + hexOffset(root->flags) +
                      " lack KEY_HIVE_ENTRY (0x4), the flag that marks the root of a hive",
                  fileOff(rootOffset_));
        treeComplete_ = true;
        walkSecurityList(*root);
        std::vector<Frame> stack;
        std::vector<Frame> children;
        stack.push_back(Frame{*root, 0});
        while (!stack.empty()) {
            if (report_.keys % kKeysPerPoll == 0) {
                if (stopNow()) return;
                advanceWalk();
            }
            Frame f = std::move(stack.back());
            stack.pop_back();
            children.clear();
            visitKey(f.node, f.depth, children);
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(std::move(*it));
        }
    }

    void visitKey(const KeyNode& k, unsigned depth, std::vector<Frame>& children) {
        ++report_.keys;
        const uint32_t off = k.cellOffset;
        if (k.classLength > 0) {
            CellEntry* c = take(
                k.classOffset, Role::Class, off, [&] { return keyLabel(off) + ": its class name"; }, fileOff(off));
            if (c && k.classLength > c->size() - 4)
                error(keyLabel(off) + ": class name length is " + std::to_string(k.classLength) +
                          " bytes, its cell at " + at(k.classOffset) + " holds " + std::to_string(c->size() - 4),
                      fileOff(off));
        }
        noteSecurity(k);
        checkValues(k);
        checkSubkeys(k, depth, children);
    }

    void checkSubkeys(const KeyNode& k, unsigned depth, std::vector<Frame>& children) {
        const uint32_t off = k.cellOffset;
        if (k.subkeyCount == 0) return;
        if (depth >= TreeWalker::kMaxDepth) {
            treeComplete_ = false;
            error(keyLabel(off) + " is nested deeper than " + std::to_string(TreeWalker::kMaxDepth) +
                      " levels; its subkeys are not checked",
                  fileOff(off));
            return;
        }
        CellEntry* listCell = take(
            k.subkeyList, Role::SubkeyList, off, [&] { return keyLabel(off) + ": its subkey list"; },
            fileOff(off));
        if (!listCell) {
            treeComplete_ = false;
            return;
        }
        const uint32_t listOff = k.subkeyList;
        auto list = decodeSubkeyList(dataOf(listOff, *listCell), fileOff(listOff) + 4);
        if (!list) {
            treeComplete_ = false;
            error(keyLabel(off) + ": its subkey list: " + list.error().message, fileOff(listOff));
            return;
        }
        ListScan scan;
        if (list->isLeaf()) {
            checkLeaf(*list, listOff, k, depth, scan, children);
        } else {
            scan.indexRoot = listOff;
            for (size_t i = 0; i < list->count; ++i) {
                const uint32_t leafOff = list->offsetAt(i);
                CellEntry* leafCell = take(
                    leafOff, Role::Leaf, listOff,
                    [&] { return "ri list at " + at(listOff) + ": entry " + std::to_string(i); }, fileOff(listOff));
                if (!leafCell) {
                    scan.complete = false;
                    continue;
                }
                auto leaf = decodeSubkeyList(dataOf(leafOff, *leafCell), fileOff(leafOff) + 4);
                if (!leaf) {
                    error("ri list at " + at(listOff) + ": entry " + std::to_string(i) + ": " + leaf.error().message,
                          fileOff(listOff));
                    scan.complete = false;
                    continue;
                }
                if (!leaf->isLeaf()) {
                    error("ri list at " + at(listOff) + ": entry " + std::to_string(i) + " points to another ri list at " +
                              at(leafOff) + " (an ri may hold only leaves)",
                          fileOff(listOff));
                    scan.complete = false;
                    continue;
                }
                checkLeaf(*leaf, leafOff, k, depth, scan, children);
            }
        }
        if (!scan.complete) treeComplete_ = false;
        if (scan.complete && scan.entries != k.subkeyCount)
            error(keyLabel(off) + ": subkey count is " + std::to_string(k.subkeyCount) + ", its subkey list" +
                      (list->isLeaf() ? " holds " : "s hold ") + std::to_string(scan.entries) +
                      (scan.entries == 1 ? " entry" : " entries"),
                  fileOff(off));
        if (scan.maxName > k.maxSubkeyNameLength())
            error(keyLabel(off) + ": largest subkey name length field is " + std::to_string(k.maxSubkeyNameLength()) +
                      ", but the subkey at " + at(scan.maxNameKey) + " has a name of " + std::to_string(scan.maxName) +
                      " bytes (as UTF-16)",
                  fileOff(off));
        if (scan.maxClass > k.maxClassLength)
            error(keyLabel(off) + ": largest subkey class length field is " + std::to_string(k.maxClassLength) +
                      ", but the subkey at " + at(scan.maxClassKey) + " has a class name of " +
                      std::to_string(scan.maxClass) + " bytes",
                  fileOff(off));
    }

    void checkLeaf(const SubkeyList& leaf, uint32_t leafOff, const KeyNode& parent, unsigned depth, ListScan& s,
                   std::vector<Frame>& children) {
        const uint32_t parentOff = parent.cellOffset;
        s.entries += leaf.count;
        noteListKind(leaf, leafOff);
        for (size_t i = 0; i < leaf.count; ++i) {
            const uint32_t childOff = leaf.offsetAt(i);
            auto entryLabel = [&] { return listLabel(leafOff) + ": entry " + std::to_string(i); };
            CellEntry* c = take(childOff, Role::Key, leafOff, entryLabel, fileOff(leafOff));
            if (!c) {
                treeComplete_ = false;
                continue;
            }
            auto child = decodeKeyNode(dataOf(childOff, *c), childOff, fileOff(childOff) + 4);
            if (!child) {
                treeComplete_ = false;
                error(entryLabel() + ": " + child.error().message, fileOff(leafOff));
                continue;
            }
            std::u16string name = child->name();
            checkHint(leaf, leafOff, i, name);
            if (s.havePrevious) {
                const int order = compareNames(s.previousName, name);
                if (order >= 0) {
                    std::string what = order == 0 ? " has the same name as entry " : " sorts before entry ";
                    std::string previous = std::to_string(s.previousIndex) + " (" + quoted(s.previousName) + ")";
                    if (s.previousLeaf != leafOff)
                        previous += " of the previous leaf, " + listLabel(s.previousLeaf) + " (both in the ri list at " +
                                    at(s.indexRoot) + ")";
                    error(entryLabel() + " (" + quoted(name) + ")" + what + previous, fileOff(leafOff));
                }
            }
            if (child->isRoot())
                error(keyLabel(childOff) + ": has the KEY_HIVE_ENTRY flag (0x4) of a hive's root, but the key is listed by the " +
                          keyLabel(parentOff),
                      fileOff(childOff));
            if (child->parent != parentOff)
                error(keyLabel(childOff) + ": parent field points to " + target(child->parent) +
                          ", but the key is listed by the " + keyLabel(parentOff),
                      fileOff(childOff));
            const uint32_t nameBytes = utf16Bytes(child->nameLength, child->compressedName());
            if (nameBytes > s.maxName) {
                s.maxName = nameBytes;
                s.maxNameKey = childOff;
            }
            if (child->classLength > s.maxClass) {
                s.maxClass = child->classLength;
                s.maxClassKey = childOff;
            }
            s.previousName = std::move(name);
            s.previousIndex = i;
            s.previousLeaf = leafOff;
            s.havePrevious = true;
            children.push_back(Frame{*child, depth + 1});
        }
    }

    void checkHint(const SubkeyList& leaf, uint32_t leafOff, size_t i, const std::u16string& name) {
        if (leaf.kind == SubkeyList::Kind::HashLeaf) {
            const uint32_t want = lhHash(name);
            if (leaf.hintAt(i) != want)
                error(listLabel(leafOff) + ": entry " + std::to_string(i) + " (" + quoted(name) + ") has hash " +
                          hexOffset(leaf.hintAt(i)) + ", the name hashes to " + hexOffset(want),
                      fileOff(leafOff));
        } else if (leaf.kind == SubkeyList::Kind::FastLeaf) {
            const uint32_t want = fastLeafHint(name);
            const uint32_t hint = leaf.hintAt(i);
            // A name whose first four characters do not all fit Latin-1 has
            // no ASCII hint: Windows then stores a hint whose first byte is 0.
            const bool unconvertible =
                std::any_of(name.begin(), name.begin() + static_cast<ptrdiff_t>(std::min<size_t>(4, name.size())),
                            [](char16_t u) { return u > 0xFF; });
            if (hint != want && !(unconvertible && (hint & 0xFF) == 0))
                error(listLabel(leafOff) + ": entry " + std::to_string(i) + " (" + quoted(name) + ") has hint " +
                          hexOffset(hint) + ", expected " + hexOffset(want) +
                          " (the first 4 characters of the name)",
                      fileOff(leafOff));
        }
    }

    /// K4: counts leaves of the kind the version does not call for.
    void noteListKind(const SubkeyList& leaf, uint32_t leafOff) {
        const bool hashVersion = header_.usesHashLeaves();
        if (leaf.kind == SubkeyList::Kind::FastLeaf && hashVersion) {
            if (lfInHashVersion_++ == 0) firstLfInHashVersion_ = leafOff;
        } else if (leaf.kind == SubkeyList::Kind::HashLeaf && !hashVersion) {
            if (lhBeforeHashVersion_++ == 0) firstLhBeforeHashVersion_ = leafOff;
        }
    }

    void finishListKinds() {
        const std::string version = header_.versionString();
        if (lfInHashVersion_)
            warn(std::to_string(lfInHashVersion_) + " lf list" + (lfInHashVersion_ == 1 ? "" : "s") +
                     " in a version " + version + " hive, the first at " + at(firstLfInHashVersion_) +
                     ": Windows writes lh lists from version 1.5 (it reads both)",
                 fileOff(firstLfInHashVersion_));
        if (lhBeforeHashVersion_)
            warn(std::to_string(lhBeforeHashVersion_) + " lh list" + (lhBeforeHashVersion_ == 1 ? "" : "s") +
                     " in a version " + version + " hive, the first at " + at(firstLhBeforeHashVersion_) +
                     ": Windows writes lf lists below version 1.5 (it reads both)",
                 fileOff(firstLhBeforeHashVersion_));
    }

    // ---- values (K2, K5, K6, V1) ------------------------------------------------

    void checkValues(const KeyNode& k) {
        const uint32_t off = k.cellOffset;
        if (k.valueCount == 0) return;
        CellEntry* listCell = take(
            k.valueList, Role::ValueList, off, [&] { return keyLabel(off) + ": its value list"; }, fileOff(off));
        if (!listCell) return;
        const uint32_t listOff = k.valueList;
        const Bytes list = dataOf(listOff, *listCell);
        size_t count = k.valueCount;
        const size_t room = list.size() / 4;
        if (count > room) {
            error(keyLabel(off) + ": value count is " + std::to_string(k.valueCount) + ", its value list at " +
                      at(listOff) + " has room for " + std::to_string(room),
                  fileOff(off));
            count = room;
        }
        uint32_t maxName = 0, maxNameAt = kNone, maxData = 0, maxDataAt = kNone;
        names_.clear();
        for (size_t i = 0; i < count; ++i) {
            const uint32_t vkOff = loadU32(list.data() + 4 * i);
            auto entryLabel = [&] { return "value list at " + at(listOff) + ": entry " + std::to_string(i); };
            CellEntry* c = take(vkOff, Role::Value, listOff, entryLabel, fileOff(listOff));
            if (!c) continue;
            auto v = decodeValueRecord(dataOf(vkOff, *c), vkOff, fileOff(vkOff) + 4);
            if (!v) {
                error(entryLabel() + ": " + v.error().message, fileOff(listOff));
                continue;
            }
            ++report_.values;
            const uint32_t nameBytes = utf16Bytes(v->nameLength, v->compressedName());
            if (nameBytes > maxName || maxNameAt == kNone) {
                maxName = nameBytes;
                maxNameAt = vkOff;
            }
            if (v->dataSize() > maxData || maxDataAt == kNone) {
                maxData = v->dataSize();
                maxDataAt = vkOff;
            }
            checkValueData(*v);
            if (count > 1) names_.emplace_back(v->name(), vkOff);
        }
        if (maxName > k.maxValueNameLength)
            error(keyLabel(off) + ": largest value name length field is " + std::to_string(k.maxValueNameLength) +
                      ", but the " + valueLabel(maxNameAt) + " has a name of " + std::to_string(maxName) +
                      " bytes (as UTF-16)",
                  fileOff(off));
        if (maxData > k.maxValueDataLength)
            error(keyLabel(off) + ": largest value data size field is " + std::to_string(k.maxValueDataLength) +
                      ", but the " + valueLabel(maxDataAt) + " holds " + std::to_string(maxData) + " bytes",
                  fileOff(off));
        if (names_.size() > 1) {
            std::stable_sort(names_.begin(), names_.end(),
                             [](const auto& a, const auto& b) { return compareNames(a.first, b.first) < 0; });
            for (size_t i = 1; i < names_.size(); ++i)
                if (compareNames(names_[i - 1].first, names_[i].first) == 0)
                    error(keyLabel(off) + ": the values at " + at(names_[i - 1].second) + " and " +
                              at(names_[i].second) + " have the same name (" + quoted(names_[i].first) + ")",
                          fileOff(off));
        }
    }

    void checkValueData(const ValueRecord& v) {
        const uint32_t vk = v.cellOffset;
        const uint32_t size = v.dataSize();
        if (v.dataInline()) {
            if (size > 4)
                error(valueLabel(vk) + ": inline data declares " + std::to_string(size) +
                          " bytes (at most 4 fit in the data offset field)",
                      fileOff(vk));
            return;
        }
        if (size == 0) return;  // no data: the offset field is not a reference
        if (header_.allowsBigData() && size > kSegment) {
            checkBigData(v);
            return;
        }
        CellEntry* d = take(
            v.dataOffset, Role::Data, vk, [&] { return valueLabel(vk) + ": its data"; }, fileOff(vk));
        if (d && size > d->size() - 4)
            error(valueLabel(vk) + ": data size is " + std::to_string(size) + " bytes, its cell at " +
                      at(v.dataOffset) + " holds " + std::to_string(d->size() - 4),
                  fileOff(vk));
    }

    /// Data over 16344 bytes from version 1.4: Windows reads a db record
    /// whose segments hold 16344 bytes each, the last one the rest.
    void checkBigData(const ValueRecord& v) {
        const uint32_t vk = v.cellOffset;
        const uint32_t size = v.dataSize();
        CellEntry* dbCell = take(
            v.dataOffset, Role::BigData, vk, [&] { return valueLabel(vk) + ": its big data record"; },
            fileOff(vk));
        if (!dbCell) return;
        const uint32_t dbOff = v.dataOffset;
        auto db = decodeBigData(dataOf(dbOff, *dbCell), fileOff(dbOff) + 4);
        if (!db) {
            error(valueLabel(vk) + ": data of " + std::to_string(size) + " bytes in a version " +
                      header_.versionString() + " hive must be a big data record: " + db.error().message,
                  fileOff(vk));
            return;
        }
        const std::string dbLabel = "big data record at " + at(dbOff);
        const uint32_t need = (size + kSegment - 1) / kSegment;
        if (db->segmentCount != need)
            error(dbLabel + ": " + std::to_string(db->segmentCount) + " segments, but the " + std::to_string(size) +
                      " bytes of the " + valueLabel(vk) + " need " + std::to_string(need),
                  fileOff(dbOff));
        CellEntry* listCell = take(
            db->segmentList, Role::SegmentList, dbOff, [&] { return dbLabel + ": its segment list"; },
            fileOff(dbOff));
        if (!listCell) return;
        const uint32_t listOff = db->segmentList;
        const Bytes list = dataOf(listOff, *listCell);
        size_t count = db->segmentCount;
        if (count > list.size() / 4) {
            error(dbLabel + ": " + std::to_string(count) + " segments do not fit its segment list at " +
                      at(listOff) + " (room for " + std::to_string(list.size() / 4) + ")",
                  fileOff(dbOff));
            count = list.size() / 4;
        }
        uint64_t remaining = size;
        for (size_t i = 0; i < count; ++i) {
            const uint32_t want = static_cast<uint32_t>(std::min<uint64_t>(remaining, kSegment));
            remaining -= want;
            const uint32_t segOff = loadU32(list.data() + 4 * i);
            CellEntry* seg = take(
                segOff, Role::Segment, dbOff, [&] { return dbLabel + ": segment " + std::to_string(i); },
                fileOff(dbOff));
            if (seg && seg->size() - 4 < want)
                error(dbLabel + ": segment " + std::to_string(i) + " at " + at(segOff) + " holds " +
                          std::to_string(seg->size() - 4) + " bytes, expected at least " + std::to_string(want),
                      fileOff(dbOff));
        }
    }

    // ---- security (S1, S2) -------------------------------------------------------

    /// Follows flink from the root key's sk until it comes back, checking
    /// each blink on the way.
    void walkSecurityList(const KeyNode& root) {
        const uint32_t head = root.security;
        uint32_t previous = kNone;
        uint32_t current = head;
        uint32_t headBlink = kNone;
        const size_t bound = cells_.size() + 1;
        for (size_t steps = 0; steps < bound; ++steps) {
            CellEntry* e = take(
                current, Role::Security, previous == kNone ? rootOffset_ : previous,
                [&] {
                    return previous == kNone ? keyLabel(rootOffset_) + ": its security cell"
                                             : "sk at " + at(previous) + ": flink";
                },
                fileOff(previous == kNone ? rootOffset_ : previous));
            if (!e) return;
            auto sk = decodeSecurityCell(dataOf(current, *e), current, fileOff(current) + 4);
            if (!sk) {
                error((previous == kNone ? keyLabel(rootOffset_) + ": its security cell: "
                                         : "sk at " + at(previous) + ": flink: ") +
                          sk.error().message,
                      fileOff(previous == kNone ? rootOffset_ : previous));
                return;
            }
            SkInfo& info = sk_[current];
            if (info.inList) {
                error("sk at " + at(previous) + ": flink points to " + at(current) +
                          ", an sk already in the list, not back to its start at " + at(head) +
                          " (the sk list is not circular)",
                      fileOff(previous));
                return;
            }
            info.inList = true;
            info.referenceCount = sk->referenceCount;
            ++report_.securityCells;
            checkDescriptor(*sk);
            if (previous == kNone) headBlink = sk->blink;
            else if (sk->blink != previous)
                error("sk at " + at(current) + ": blink points to " + target(sk->blink) +
                          ", but the sk before it in the list is at " + at(previous),
                      fileOff(current));
            previous = current;
            if (sk->flink == head) {
                if (headBlink != current)
                    error("sk at " + at(head) + ": blink points to " + target(headBlink) +
                              ", but the last sk of the list is at " + at(current),
                          fileOff(head));
                skListComplete_ = true;
                return;
            }
            current = sk->flink;
        }
        error("sk list starting at " + at(head) + " does not come back to its start within " +
                  std::to_string(bound) + " cells",
              fileOff(head));
    }

    void checkDescriptor(const SecurityCell& sk) {
        auto d = decodeSecurityDescriptor(sk.descriptor, sk.descriptorFileOffset().value);
        if (!d) {
            error("sk at " + at(sk.cellOffset) + ": " + d.error().message, fileOff(sk.cellOffset));
            return;
        }
        for (const Error& w : d->warnings)
            error("sk at " + at(sk.cellOffset) + ": " + w.message, fileOff(sk.cellOffset));
    }

    void noteSecurity(const KeyNode& k) {
        const uint32_t off = k.cellOffset;
        CellEntry* e = take(
            k.security, Role::Security, off, [&] { return keyLabel(off) + ": its security cell"; },
            fileOff(off));
        if (!e) return;
        auto [it, inserted] = sk_.try_emplace(k.security);
        SkInfo& info = it->second;
        if (inserted) {
            // Not met by the list walk: learn whether it is an sk at all.
            auto sk = decodeSecurityCell(dataOf(k.security, *e), k.security, fileOff(k.security) + 4);
            if (!sk) {
                error(keyLabel(off) + ": its security cell: " + sk.error().message, fileOff(off));
                info.valid = false;
                return;
            }
            info.referenceCount = sk->referenceCount;
        }
        if (!info.valid) return;
        if (info.keys++ == 0) info.firstKey = off;
    }

    /// S1, S2. Membership is judged only when the list walk came back to its
    /// start. With part of the tree unreachable, keys that point to an sk may
    /// be missing from the tally: only a count that is too small is certain.
    void finishSecurity() {
        if (!treeComplete_ && report_.keys > 0)
            info("part of the key tree cannot be reached: sk reference counts are only checked for being too small",
                 Error::kNoOffset);
        for (const auto& [off, info] : sk_) {
            if (!info.valid) continue;
            if (!info.inList && skListComplete_)
                error("sk at " + at(off) + " is used by " + std::to_string(info.keys) + " key" +
                          (info.keys == 1 ? "" : "s") + " (the first: the " + keyLabel(info.firstKey) +
                          ") but is not in the sk list",
                      fileOff(off));
            if (treeComplete_ ? info.referenceCount != info.keys : info.referenceCount < info.keys)
                error("sk at " + at(off) + ": reference count is " + std::to_string(info.referenceCount) + ", but " +
                          std::to_string(info.keys) + (info.keys == 1 ? " key points" : " keys point") + " to it",
                      fileOff(off));
        }
    }

    // ---- leaked cells (C3) ---------------------------------------------------------

    static CellUse cellUse(Role role) {
        switch (role) {
        case Role::None: return CellUse::Unreferenced;
        case Role::RootKey:
        case Role::Key: return CellUse::Key;
        case Role::SubkeyList:
        case Role::Leaf: return CellUse::SubkeyList;
        case Role::ValueList: return CellUse::ValueList;
        case Role::Value: return CellUse::Value;
        case Role::Data: return CellUse::Data;
        case Role::BigData: return CellUse::BigData;
        case Role::SegmentList: return CellUse::SegmentList;
        case Role::Segment: return CellUse::Segment;
        case Role::Class: return CellUse::ClassName;
        case Role::Security: return CellUse::Security;
        }
        return CellUse::Unreferenced;
    }

    void countUnreferenced() {
        uint64_t bytes = 0;
        uint32_t first = kNone;
        auto note = [&](uint32_t off, const CellEntry& e) {
            if (control_.allocatedCell && e.allocated()) control_.allocatedCell({off, e.size(), cellUse(e.role()), e.owner});
            if (!e.allocated() || e.role() != Role::None) return;
            if (report_.unreferencedCells++ == 0 || off < first) first = off;
            bytes += e.size();
        };
        // The scanned cells in file order: the i-th set bit of starts_ is
        // the i-th entry.
        size_t index = 0;
        for (size_t w = 0; w < starts_.size(); ++w)
            for (uint64_t word = starts_[w]; word != 0; word &= word - 1)
                note(static_cast<uint32_t>((w * 64 + static_cast<size_t>(__builtin_ctzll(word))) *
                                           layout::kCellAlignment),
                     cells_[index++]);
        for (const auto& [off, e] : extra_) note(off, e);
        if (report_.unreferencedCells)
            info(std::to_string(report_.unreferencedCells) + " allocated cell" +
                     (report_.unreferencedCells == 1 ? "" : "s") + " (" + std::to_string(bytes) +
                     " bytes) referenced by nothing reachable from the root, the first at " + at(first) +
                     " (leaked space)",
                 fileOff(first));
    }

    const Hive& hive_;
    Bytes all_;
    const BaseBlock& header_;
    const CheckControl& control_;
    int progress_ = -1;  ///< the last share reported, in thousandths
    uint64_t nkCells_ = 0;  ///< allocated nk cells the scan saw: what the walk's progress is judged by
    CheckReport report_;
    uint32_t rootOffset_ = kNone;
    bool treeComplete_ = true;     ///< every subkey list and key of the tree could be read
    bool skListComplete_ = false;  ///< the flink walk came back to its start
    PagedArray<CellEntry> cells_;           ///< every scanned cell, in file order
    std::atomic<bool> halt_{false};         ///< run 0 was told to stop: the other runs stop too
    PagedArray<uint64_t> starts_;           ///< a bit per 8-byte slot of the bins: a scanned cell starts there
    PagedArray<uint32_t> rank_;             ///< per word of starts_: the cells starting before it
    std::map<uint32_t, CellEntry> extra_;   ///< cells past a broken chain, resolved on demand
    std::map<uint32_t, SkInfo> sk_;         ///< by offset: ordered, so reports come in file order
    std::vector<std::pair<std::u16string, uint32_t>> names_;  ///< one key's value names (reused)
    uint64_t lfInHashVersion_ = 0, lhBeforeHashVersion_ = 0;
    uint32_t firstLfInHashVersion_ = kNone, firstLhBeforeHashVersion_ = kNone;
};

}  // namespace

CheckReport checkHive(const Hive& hive) { return checkHive(hive, CheckControl{}); }

CheckReport checkHive(const Hive& hive, const CheckControl& control) { return Checker(hive, control).run(); }

}  // namespace hivekit
