// Hive: one regf file opened for reading. Owns the bytes (a read-only
// mapping, or an in-memory image after log replay), the base block, the hbin
// map and cell resolution; decodes records through format/.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/BigData.h"
#include "format/KeyNode.h"
#include "format/Offsets.h"
#include "format/SecurityCell.h"
#include "format/SubkeyList.h"
#include "format/ValueRecord.h"
#include "hive/Diagnostics.h"
#include "hive/FileMapping.h"

namespace hivekit {

/// A resolved cell. `offset` is relative to the first hbin (as stored in
/// records); `data` excludes the 4-byte size field.
struct Cell {
    uint32_t offset = 0;
    uint32_t size = 0;  ///< including the size field
    bool allocated = false;
    Bytes data;
    uint64_t fileOffset() const { return fileOffsetOf(offset).value; }
};

/// One hive bin as found by the scan at open. A damaged stretch (bad header)
/// is kept as a bin with valid == false: its cells are not resolved.
struct HiveBinInfo {
    uint32_t offset = 0;  ///< relative
    uint32_t size = 0;
    bool valid = true;
    uint64_t timestamp = 0;

    /// Size of the header every bin begins with.
    static constexpr uint32_t kHeaderSize = layout::kHbinHeaderSize;
    /// Bins begin (and are sized) in multiples of this.
    static constexpr uint32_t kAlignment = layout::kHbinAlignment;

    /// Where the bin (its header) begins in the file.
    FileOffset fileOffset() const { return fileOffsetOf(offset); }
    /// The file offset just past the bin.
    FileOffset fileEnd() const { return fileOffset() + size; }
    /// The relative offset of the bin's first cell, after its header.
    uint32_t firstCellOffset() const { return offset + kHeaderSize; }
};

/// Value data: a view into the hive when the data is contiguous (no copy),
/// the up to 4 bytes of inline data held in the object itself (no
/// allocation), or an owned buffer assembled from db segments.
class ValueData {
public:
    /// Where the data lives: inline in the vk, a single cell, or db segments.
    enum class Storage { Inline, Cell, BigData };

    ValueData() = default;
    explicit ValueData(Bytes view) : view_(view) {}
    explicit ValueData(std::vector<uint8_t> owned) : owned_(std::move(owned)), view_(owned_) {}
    /// Inline: a copy of the up to 4 bytes, kept in the object (REQUIRES
    /// bytes.size() <= 4). Cell: a view of `bytes`. (BigData is built from
    /// the owned buffer.)
    ValueData(Storage where, Bytes bytes);
    // Moving a vector keeps its heap buffer, so a view into owned_ stays
    // valid; a view into small_ is re-pointed at the new object's copy.
    ValueData(ValueData&& other) noexcept;
    ValueData& operator=(ValueData&& other) noexcept;
    ValueData(const ValueData&) = delete;
    ValueData& operator=(const ValueData&) = delete;

    Bytes bytes() const { return view_; }
    size_t size() const { return view_.size(); }
    Storage storage = Storage::Cell;
    /// Set when fewer bytes were found than the vk declares.
    bool shortened = false;

private:
    std::vector<uint8_t> owned_;
    uint8_t small_[4] = {};
    Bytes view_;
};

/// What log replay did at open (filled by the recovery code; empty for a
/// clean hive or when logs were not used).
struct RecoveryReport {
    bool wasDirty = false;       ///< the primary file's header said dirty
    bool recovered = false;      ///< logs were applied
    bool logsConsidered = false; ///< the caller allowed logs
    std::vector<std::string> lines;  ///< which logs were found, which entries applied, why others not
};

/// How cell() finds the hbin that holds a cell.
enum class BinLookup : uint8_t {
    /// Look back from the cell's 4 KiB page to the nearest valid hbin
    /// header, on demand: opening reads nothing of the bins, and a lookup
    /// reads only the pages it needs and those before them in their bin.
    /// For work that reads a few keys.
    Lazy,
    /// Follow the hbin chain at open, as Windows loads a hive, and bound
    /// every cell by the chain's bins: one read of each bin's header, and
    /// the pages inside a bin of several pages are never probed. For work
    /// that reads the whole hive (a dump, a check, an export).
    Chain,
};

/// How to open a hive.
struct OpenOptions {
    /// Replay transaction logs found beside a dirty hive (in memory only).
    bool useLogs = true;
    BinLookup binLookup = BinLookup::Lazy;
    /// A walk of the whole file follows: read it into memory at open
    /// (FileMapping::load) instead of mapping pages in as they are touched.
    bool readWhole = false;
};

/// One hive opened read-only. Thread-safe for concurrent readers: what is
/// computed after open (the hbin map, the page cache of cell resolution) is
/// built under std::call_once or in atomics.
///
/// Opening costs the same whatever the file's size: it reads the base block
/// only. The hbins are found on demand, so that opening a large hive neither
/// reads nor maps in all of it: cell() finds the bin holding a cell by
/// looking back from the cell's 4 KiB page to the nearest valid hbin header
/// and remembers the answer per page; bins(), binAt() and diagnostics()
/// run the full scan of the hbin chain the first time they are called.
/// Both agree on every file but one forged to hold a valid hbin header, with
/// its own offset, at a 4 KiB boundary inside another bin's data (cell()
/// then bounds cells by the inner header, never by anything past the bins).
/// Opened with BinLookup::Chain, cell() takes its bins from the chain at
/// open and agrees with bins() on every file. Either way, a Hive's answers
/// do not depend on the order of the lookups or on the threads asking.
class Hive {
public:
    /// Opens and validates a hive file. Fails only when the file cannot be
    /// read or is not a hive at all; damage is reported by diagnostics().
    static Result<std::unique_ptr<Hive>> open(const std::string& path, const OpenOptions& options = {});
    /// The same over bytes in memory (tests, fuzzing, recovered images).
    static Result<std::unique_ptr<Hive>> fromBytes(std::vector<uint8_t> bytes, std::string name = "(memory)",
                                                   BinLookup binLookup = BinLookup::Lazy);

    const std::string& path() const { return path_; }
    const BaseBlock& header() const { return header_; }
    /// The whole image (base block included).
    Bytes bytes() const { return mapping_->bytes(); }
    bool isMapped() const { return mapping_->isMapped(); }
    /// Whether the file was read whole into huge pages (OpenOptions::readWhole).
    bool isLoaded() const { return mapping_->isLoaded(); }
    /// Maps in the whole file now (FileMapping::populate): call it before
    /// a walk that reads all of the hive (dump, check, export).
    void populate() const { mapping_->populate(); }
    /// Every hbin in file order (scans the hbin chain on first use).
    const std::vector<HiveBinInfo>& bins() const;
    /// Problems found in the header at open and in the hbin chain (scanned
    /// on first use).
    const Diagnostics& diagnostics() const;
    const RecoveryReport& recovery() const { return recovery_; }
    /// End of the hive bins data, relative (what the bins cover).
    uint32_t binsEnd() const { return binsEnd_; }
    uint32_t rootOffset() const { return header_.rootCellOffset; }

    /// The bin that contains relative offset `offset`, or null (scans the
    /// hbin chain on first use).
    const HiveBinInfo* binAt(uint32_t offset) const;
    /// The bin holding relative offset `offset`, found through the page
    /// cache like cell() (the chain is not scanned): a whole bin, or one
    /// 4 KiB page of a damaged stretch (valid false). Empty past the bins.
    /// The timestamp is not read (0).
    std::optional<HiveBinInfo> binHolding(uint32_t offset) const;
    /// The bin that contains the file's byte `fileOffset`, or null (in the
    /// base block, past the bins, or in no bin).
    const HiveBinInfo* binAtFile(FileOffset fileOffset) const;
    /// Resolves the cell at a relative offset, allocated or free.
    Result<Cell> cell(uint32_t offset) const;
    /// Resolves an allocated cell; `what` names the expected record in errors.
    Result<Cell> allocatedCell(uint32_t offset, const char* what) const;

    Result<KeyNode> keyNode(uint32_t offset) const;
    Result<ValueRecord> valueRecord(uint32_t offset) const;
    Result<SecurityCell> securityCell(uint32_t offset) const;
    Result<SubkeyList> subkeyList(uint32_t offset) const;

    /// The subkeys' nk offsets in list order. What cannot be read is
    /// skipped and reported to `sink` (a broken list loses its own entries,
    /// nothing else). Nested ri lists are refused.
    std::vector<uint32_t> subkeys(const KeyNode& key, Diagnostics* sink = nullptr) const;
    /// The same into `out` (cleared first): a walk reuses one buffer
    /// instead of allocating one per key.
    void subkeys(const KeyNode& key, std::vector<uint32_t>& out, Diagnostics* sink = nullptr) const;
    /// The values' vk offsets in list order, with the same tolerance.
    std::vector<uint32_t> values(const KeyNode& key, Diagnostics* sink = nullptr) const;
    /// The same into `out` (cleared first).
    void values(const KeyNode& key, std::vector<uint32_t>& out, Diagnostics* sink = nullptr) const;
    /// Value data, read as hivex reads it (inline, one cell, or db segments).
    Result<ValueData> valueData(const ValueRecord& value) const;
    /// The class name (UTF-16 units), empty when there is none.
    Result<std::u16string> className(const KeyNode& key) const;

    // ---- Editing (used by merge/Session; a Hive from open() never changes) ----

    /// Opens `path` for editing: the image is a private copy-on-write
    /// mapping of the file (FileMapping::openCopyOnWrite), so changes made
    /// through mutableBytes() never reach the file; tx/TxManager writes them
    /// at commit. A dirty hive's logs are replayed into the image (when
    /// options.useLogs), so that the first commit makes the recovered state
    /// the file's own.
    static Result<std::unique_ptr<Hive>> openEditable(const std::string& path, const OpenOptions& options = {});
    bool isEditable() const { return mapping_->isCopyOnWrite(); }
    /// The image for writing. REQUIRES: isEditable(). A reader that cached
    /// something derived from the bytes (the header, the hbin map) sees the
    /// change only after reread().
    std::span<uint8_t> mutableBytes() { return {mapping_->mutableData(), mapping_->bytes().size()}; }
    /// Grows the image to `size` bytes (zeros). REQUIRES: isEditable().
    [[nodiscard]] Result<void> growImage(size_t size) { return mapping_->grow(size); }
    /// A Hive over the same image with the base block and hbin map read
    /// again, after the image's header or bins changed. Consumes `hive`.
    static Result<std::unique_ptr<Hive>> reread(std::unique_ptr<Hive> hive);

private:
    Hive() = default;
    static Result<std::unique_ptr<Hive>> create(std::unique_ptr<FileMapping> mapping, std::string path,
                                                RecoveryReport recovery, BinLookup binLookup = BinLookup::Lazy);
    /// BinLookup::Chain: every page's entry from the chain's bins.
    void fillPagesFromChain() const;
    void checkBinsExtent();
    void scanBins() const;
    bool validBinHeaderAt(uint32_t offset) const;
    /// allocatedCell()'s fast path: true, with the cell's data, when every
    /// check passes; false on any problem (allocatedCell() then says which).
    bool allocatedCellData(uint32_t offset, Bytes& data) const;
    /// Hints to the processor that the cells at `offsets` are read next.
    void prefetchCells(const std::vector<uint32_t>& offsets) const;
    uint64_t pageEntry(uint32_t page) const;

    std::string path_;
    std::unique_ptr<FileMapping> mapping_;
    BaseBlock header_;
    uint32_t binsEnd_ = 0;
    RecoveryReport recovery_;
    // Filled by scanBins() (bins_, and the bin problems in diagnostics_)
    // under binsOnce_; diagnostics_ holds the header's problems from open.
    mutable std::once_flag binsOnce_;
    mutable std::vector<HiveBinInfo> bins_;
    mutable Diagnostics diagnostics_;
    // Cell resolution's page cache: one entry per 4 KiB page of the bins,
    // 0 while unknown. A page in a bin: the bin's first page plus one (low
    // 32 bits) and the page where the bin ends (high 32 bits), so that
    // resolving a cell reads neither the chain nor the hbin header. A page
    // in a stretch of damage: kDamagedPage | (the stretch's first page plus
    // one). See pageEntry(). 8 bytes per 4 KiB: 0.2% of the file.
    static constexpr uint64_t kDamagedPage = 0x80000000u;
    std::unique_ptr<std::atomic<uint64_t>[]> pages_;
};

}  // namespace hivekit
