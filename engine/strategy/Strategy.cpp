#include "strategy/Strategy.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hivekit {

namespace {
constexpr uint64_t kHeader = layout::kBaseBlockSize;

constexpr Placement kInPlace{true, Allocator::Source::Reuse, true};
constexpr Placement kAppend{false, Allocator::Source::End, false};
/// Hybrid's placement for large or fast-growing values: new space at the
/// end, the old cell freed (a replaced value is a delete).
constexpr Placement kToEndFreeing{false, Allocator::Source::End, true};
}  // namespace

const char* strategyName(StrategyKind kind) {
    switch (kind) {
    case StrategyKind::InPlace: return "inplace";
    case StrategyKind::Append: return "append";
    case StrategyKind::Hybrid: return "hybrid";
    }
    return "?";
}

Result<StrategyKind> parseStrategy(std::string_view text) {
    std::string t;
    for (char c : text)
        if (c != '-' && c != '_') t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "inplace") return StrategyKind::InPlace;
    if (t == "append") return StrategyKind::Append;
    if (t == "hybrid") return StrategyKind::Hybrid;
    return fail(ErrorCode::Invalid,
                "unknown strategy \"" + std::string(text) + "\" (expected inplace, append or hybrid)");
}

Placement InPlaceStrategy::place(const CellRequest&) const { return kInPlace; }

Placement AppendStrategy::place(const CellRequest&) const { return kAppend; }

Placement HybridStrategy::place(const CellRequest& r) const {
    if (r.role != WriteRole::ValueData && r.role != WriteRole::BigData) return kInPlace;
    if (r.valueSize >= options_.largeValueBytes) return kToEndFreeing;
    if (r.oldCell != layout::kNoCell &&
        uint64_t{r.newSize} * 100 > uint64_t{r.oldCapacity} * (100 + options_.slackPercent))
        return kToEndFreeing;
    return kInPlace;
}

std::unique_ptr<Strategy> makeStrategy(StrategyKind kind, HybridOptions hybrid) {
    switch (kind) {
    case StrategyKind::InPlace: return std::make_unique<InPlaceStrategy>();
    case StrategyKind::Append: return std::make_unique<AppendStrategy>();
    case StrategyKind::Hybrid: return std::make_unique<HybridStrategy>(hybrid);
    }
    return nullptr;
}

void CellStore::write(uint32_t cell, Bytes bytes) {
    std::span<uint8_t> out = tx_.writable(kHeader + cell + 4, bytes.size());
    std::copy(bytes.begin(), bytes.end(), out.begin());
}

Result<uint32_t> CellStore::create(WriteRole role, Bytes bytes, uint64_t valueSize) {
    CellRequest r;
    r.role = role;
    r.newSize = static_cast<uint32_t>(bytes.size());
    r.valueSize = valueSize;
    const Placement p = strategy_.place(r);
    auto cell = allocator_.allocate(r.newSize, p.source);
    if (!cell) return cell;
    write(*cell, bytes);
    ++stats_.created;
    return cell;
}

Result<uint32_t> CellStore::replace(WriteRole role, uint32_t oldCell, Bytes bytes, uint64_t valueSize) {
    CellRequest r;
    r.role = role;
    r.oldCell = oldCell;
    r.oldCapacity = allocator_.capacity(oldCell);
    r.newSize = static_cast<uint32_t>(bytes.size());
    r.valueSize = valueSize;
    const Placement p = strategy_.place(r);
    if (p.inPlace && allocator_.resize(oldCell, r.newSize)) {
        write(oldCell, bytes);
        // Whatever the cell holds past the record is cleared, so that no
        // stale entry of a longer list or name lingers in a live cell.
        const uint32_t capacity = allocator_.capacity(oldCell);
        if (capacity > r.newSize) {
            std::span<uint8_t> rest = tx_.writable(kHeader + oldCell + 4 + r.newSize, capacity - r.newSize);
            std::fill(rest.begin(), rest.end(), uint8_t{0});
        }
        ++stats_.rewrittenInPlace;
        return oldCell;
    }
    auto cell = allocator_.allocate(r.newSize, p.source);
    if (!cell) return cell;
    write(*cell, bytes);
    if (p.freeOld) {
        allocator_.free(oldCell);
        ++stats_.freed;
    } else {
        ++stats_.abandoned;
    }
    ++stats_.moved;
    return cell;
}

void CellStore::release(WriteRole role, uint32_t cell) {
    if (strategy_.freesDeleted(role)) {
        allocator_.free(cell);
        ++stats_.freed;
    } else {
        ++stats_.abandoned;
    }
}

bool CellStore::rewritesInPlace(WriteRole role) const {
    CellRequest r;
    r.role = role;
    return strategy_.place(r).inPlace;
}

std::span<uint8_t> CellStore::field(uint32_t cell, uint32_t offset, size_t n) {
    return tx_.writable(kHeader + cell + 4 + offset, n);
}

}  // namespace hivekit
