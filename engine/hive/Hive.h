// Hive: one regf file opened for reading. Owns the bytes (a read-only
// mapping, or an in-memory image after log replay), the base block, the hbin
// map and cell resolution; decodes records through format/.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "format/BaseBlock.h"
#include "format/BigData.h"
#include "format/KeyNode.h"
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
    uint64_t fileOffset() const { return uint64_t{offset} + 0x1000; }
};

/// One hive bin as found by the scan at open. A damaged stretch (bad header)
/// is kept as a bin with valid == false: its cells are not resolved.
struct HiveBinInfo {
    uint32_t offset = 0;  ///< relative
    uint32_t size = 0;
    bool valid = true;
    uint64_t timestamp = 0;
};

/// Value data: a view into the hive when the data is contiguous (no copy),
/// or an owned buffer assembled from db segments.
class ValueData {
public:
    ValueData() = default;
    explicit ValueData(Bytes view) : view_(view) {}
    explicit ValueData(std::vector<uint8_t> owned) : owned_(std::move(owned)), view_(owned_) {}
    // Moving a vector keeps its heap buffer, so view_ stays valid.
    ValueData(ValueData&&) noexcept = default;
    ValueData& operator=(ValueData&&) noexcept = default;
    ValueData(const ValueData&) = delete;
    ValueData& operator=(const ValueData&) = delete;

    Bytes bytes() const { return view_; }
    size_t size() const { return view_.size(); }
    /// Where the data lives: inline in the vk, a single cell, or db segments.
    enum class Storage { Inline, Cell, BigData };
    Storage storage = Storage::Cell;
    /// Set when fewer bytes were found than the vk declares.
    bool shortened = false;

private:
    std::vector<uint8_t> owned_;
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

/// How to open a hive.
struct OpenOptions {
    /// Replay transaction logs found beside a dirty hive (in memory only).
    bool useLogs = true;
};

/// One hive opened read-only. Thread-safe for concurrent readers: nothing
/// mutable is shared after open.
class Hive {
public:
    /// Opens and validates a hive file. Fails only when the file cannot be
    /// read or is not a hive at all; damage is reported by diagnostics().
    static Result<std::unique_ptr<Hive>> open(const std::string& path, const OpenOptions& options = {});
    /// The same over bytes in memory (tests, fuzzing, recovered images).
    static Result<std::unique_ptr<Hive>> fromBytes(std::vector<uint8_t> bytes, std::string name = "(memory)");

    const std::string& path() const { return path_; }
    const BaseBlock& header() const { return header_; }
    /// The whole image (base block included).
    Bytes bytes() const { return mapping_->bytes(); }
    bool isMapped() const { return mapping_->isMapped(); }
    const std::vector<HiveBinInfo>& bins() const { return bins_; }
    /// Problems found at open: header, bins.
    const Diagnostics& diagnostics() const { return diagnostics_; }
    const RecoveryReport& recovery() const { return recovery_; }
    /// End of the hive bins data, relative (what the bins cover).
    uint32_t binsEnd() const { return binsEnd_; }
    uint32_t rootOffset() const { return header_.rootCellOffset; }

    /// The bin that contains relative offset `offset`, or null.
    const HiveBinInfo* binAt(uint32_t offset) const;
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
    /// The values' vk offsets in list order, with the same tolerance.
    std::vector<uint32_t> values(const KeyNode& key, Diagnostics* sink = nullptr) const;
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
    /// Drops every change to the image: the file's current bytes again.
    /// REQUIRES: isEditable(); reread() afterwards.
    [[nodiscard]] Result<void> discardImageChanges() { return mapping_->discardChanges(); }
    /// A Hive over the same image with the base block and hbin map read
    /// again, after the image's header or bins changed. Consumes `hive`.
    static Result<std::unique_ptr<Hive>> reread(std::unique_ptr<Hive> hive);

private:
    Hive() = default;
    static Result<std::unique_ptr<Hive>> create(std::unique_ptr<FileMapping> mapping, std::string path,
                                                RecoveryReport recovery);
    void scanBins();

    std::string path_;
    std::unique_ptr<FileMapping> mapping_;
    BaseBlock header_;
    std::vector<HiveBinInfo> bins_;
    uint32_t binsEnd_ = 0;
    Diagnostics diagnostics_;
    RecoveryReport recovery_;
};

}  // namespace hivekit
