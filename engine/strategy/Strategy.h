// Strategies: how an edit's records reach the image. A Strategy decides,
// record by record, whether a rewritten record stays in its cell, where a
// new cell comes from, and whether cells that lose their record are freed;
// a CellStore carries the decision out through the Allocator.
//
//   InPlace  rewrite a record in its cell when the new bytes fit (or the
//            cell can grow into a free neighbour); otherwise the smallest
//            free cell that fits (best fit, reusing freed space); free the
//            cells of replaced and deleted records.
//   Append   every record written goes to a new cell at the end of the
//            hive; nothing is freed: replaced and deleted records stay in
//            their cells, unreferenced (a forensic trail, and the least
//            rewriting of existing pages).
//   Hybrid   (the default) InPlace for keys, lists, class names, value
//            records, deletes and small values; a value's data goes to the
//            end (Append's placement) when the value is large (>= 1 KiB by
//            default) or outgrows its cell by more than the slack (12% by
//            default); its old cell is freed like any delete.
//
// Whatever the strategy, field updates of a key node that stays where it
// is (counts, list offsets, maxima, last-write time) and of a security
// cell (reference count, links) are written in place: moving a key for a
// counter would move every ancestor's list and every child's parent field.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "alloc/Allocator.h"
#include "format/Layout.h"
#include "tx/TxManager.h"

namespace hivekit {

enum class StrategyKind { InPlace, Append, Hybrid };

/// "inplace", "append", "hybrid".
const char* strategyName(StrategyKind kind);
/// The reverse of strategyName (case-insensitive; "in-place" too).
[[nodiscard]] Result<StrategyKind> parseStrategy(std::string_view text);

/// What a cell holds, as far as placement cares.
enum class WriteRole {
    Key,         ///< nk
    SubkeyList,  ///< lf, lh, li, ri
    ValueList,   ///< the array of vk offsets
    Value,       ///< vk
    ValueData,   ///< a value's data in one cell
    BigData,     ///< db record, its segment list and segments
    ClassName,
    Security,    ///< sk
};

/// A record about to be written.
struct CellRequest {
    WriteRole role = WriteRole::Key;
    uint32_t oldCell = layout::kNoCell;  ///< the cell of the record it replaces; kNoCell: a new record
    uint32_t oldCapacity = 0;            ///< data bytes of oldCell
    uint32_t newSize = 0;                ///< data bytes the record needs
    uint64_t valueSize = 0;              ///< value data roles: the value's whole data size
};

/// The decision for one record.
struct Placement {
    /// Rewrite the record in oldCell when it fits (growing the cell into a
    /// free neighbour when it can).
    bool inPlace = false;
    /// Where a new cell comes from.
    Allocator::Source source = Allocator::Source::Reuse;
    /// Free oldCell when the record leaves it.
    bool freeOld = false;
    bool operator==(const Placement&) const = default;
};

/// Hybrid's thresholds.
struct HybridOptions {
    /// Values with at least this many bytes of data go to the end.
    uint32_t largeValueBytes = 1024;
    /// A value whose data outgrows its cell by more than this percentage of
    /// the cell goes to the end.
    uint32_t slackPercent = 12;
};

/// Decides placements. Stateless: the same request, the same answer.
class Strategy {
public:
    virtual ~Strategy() = default;
    virtual StrategyKind kind() const = 0;
    const char* name() const { return strategyName(kind()); }
    virtual Placement place(const CellRequest& request) const = 0;
    /// Whether the cell of a record that is deleted is freed.
    virtual bool freesDeleted(WriteRole role) const = 0;
};

class InPlaceStrategy final : public Strategy {
public:
    StrategyKind kind() const override { return StrategyKind::InPlace; }
    Placement place(const CellRequest& request) const override;
    bool freesDeleted(WriteRole) const override { return true; }
};

class AppendStrategy final : public Strategy {
public:
    StrategyKind kind() const override { return StrategyKind::Append; }
    Placement place(const CellRequest& request) const override;
    bool freesDeleted(WriteRole) const override { return false; }
};

class HybridStrategy final : public Strategy {
public:
    explicit HybridStrategy(HybridOptions options = {}) : options_(options) {}
    StrategyKind kind() const override { return StrategyKind::Hybrid; }
    Placement place(const CellRequest& request) const override;
    bool freesDeleted(WriteRole) const override { return true; }
    const HybridOptions& options() const { return options_; }

private:
    HybridOptions options_;
};

std::unique_ptr<Strategy> makeStrategy(StrategyKind kind, HybridOptions hybrid = {});

/// What a CellStore did (for tests and reports).
struct CellStoreStats {
    uint64_t created = 0;          ///< records written to new cells (new records)
    uint64_t rewrittenInPlace = 0; ///< records rewritten in their own cell
    uint64_t moved = 0;            ///< records rewritten to a new cell
    uint64_t freed = 0;            ///< cells freed (released or left by a move)
    uint64_t abandoned = 0;        ///< cells left allocated and unreferenced
};

/// Writes records into the image as a Strategy decides, through an
/// Allocator. Every write goes through TxManager::writable().
class CellStore {
public:
    CellStore(TxManager& tx, Allocator& allocator, const Strategy& strategy)
        : tx_(tx), allocator_(allocator), strategy_(strategy) {}

    /// A new record: a new cell holding `bytes`.
    [[nodiscard]] Result<uint32_t> create(WriteRole role, Bytes bytes, uint64_t valueSize = 0);
    /// The record in `oldCell` becomes `bytes`: in place or in a new cell,
    /// as the strategy decides. Returns where the record now is. `bytes`
    /// must not point into the image.
    [[nodiscard]] Result<uint32_t> replace(WriteRole role, uint32_t oldCell, Bytes bytes, uint64_t valueSize = 0);
    /// The record in `cell` is deleted: freed or left, as the strategy says.
    void release(WriteRole role, uint32_t cell);
    /// Whether the strategy rewrites a record of `role` in its own cell
    /// when it fits (so spare room in a list's cell is worth keeping).
    bool rewritesInPlace(WriteRole role) const;
    /// The data bytes an allocated cell holds.
    uint32_t capacity(uint32_t cell) const { return allocator_.capacity(cell); }
    /// Bytes [offset, offset + n) of an allocated cell's data, for a field
    /// update in place (marks them dirty).
    std::span<uint8_t> field(uint32_t cell, uint32_t offset, size_t n);

    const Strategy& strategy() const { return strategy_; }
    const CellStoreStats& stats() const { return stats_; }

private:
    void write(uint32_t cell, Bytes bytes);

    TxManager& tx_;
    Allocator& allocator_;
    const Strategy& strategy_;
    CellStoreStats stats_;
};

}  // namespace hivekit
