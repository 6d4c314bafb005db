#include "alloc/Allocator.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <optional>

#include "format/BaseBlock.h"
#include "format/HiveBin.h"
#include "format/Layout.h"

namespace hivekit {

namespace {
constexpr uint64_t kHeader = layout::kBaseBlockSize;
constexpr uint32_t kBinHeader = layout::kHbinHeaderSize;
constexpr uint32_t kMinCell = 8;
// Relative offsets are 32-bit and 0xFFFFFFFF means "no cell": the bins end
// at most here (Hive clamps the same way).
constexpr uint64_t kMaxBinsEnd = 0xFFFFF000u;
/// Chunks of bins (1 MiB each) one Reuse allocation may learn before it
/// grows the hive instead.
constexpr unsigned kLearnPerAllocation = 4;
}  // namespace

uint32_t Allocator::cellSizeFor(uint32_t dataSize) {
    const uint64_t n = (uint64_t{dataSize} + layout::kCellHeaderSize + layout::kCellAlignment - 1) /
                       layout::kCellAlignment * layout::kCellAlignment;
    return static_cast<uint32_t>(std::max<uint64_t>(n, kMinCell));
}

void Allocator::rebuild() {
    bins_.clear();
    byOffset_.clear();
    bySize_.clear();
    freeBytes_ = 0;
    learnedUpTo_ = 0;
    binsEnd_ = tx_.hive().binsEnd();
}

const Allocator::Bin* Allocator::learnBinAt(uint32_t offset) const {
    const Hive& hive = tx_.hive();
    const std::optional<HiveBinInfo> info = hive.binHolding(offset);
    if (!info) return nullptr;
    Bin bin{info->offset, info->size, info->valid};
    if (bin.usable) {
        // Walk the chain; a break anywhere makes the whole bin unusable, so
        // its free cells are recorded only once the chain proved whole.
        const uint8_t* all = hive.bytes().data() + kHeader;
        const uint32_t end = info->offset + info->size;
        uint32_t off = info->offset + kBinHeader;
        while (off < end) {
            const int32_t raw = static_cast<int32_t>(loadU32(all + off));
            if (raw == INT32_MIN) break;
            const uint32_t size = static_cast<uint32_t>(raw < 0 ? -raw : raw);
            if (size < kMinCell || size % layout::kCellAlignment != 0 || size > end - off) break;
            off += size;
        }
        if (off != end) {
            bin.usable = false;
        } else {
            for (off = info->offset + kBinHeader; off < end;) {
                const int32_t raw = static_cast<int32_t>(loadU32(all + off));
                const uint32_t size = static_cast<uint32_t>(raw < 0 ? -raw : raw);
                if (raw > 0) addFree(off, size);
                off += size;
            }
        }
    }
    return &bins_.emplace(bin.offset, bin).first->second;
}

const Allocator::Bin* Allocator::binOf(uint32_t offset) const {
    if (offset >= binsEnd_) return nullptr;
    auto it = bins_.upper_bound(offset);
    if (it != bins_.begin()) {
        const Bin& b = std::prev(it)->second;
        if (offset - b.offset < b.size) return &b;
    }
    return learnBinAt(offset);
}

bool Allocator::learnMore() const {
    constexpr uint32_t kChunk = 1u << 20;
    if (learnedUpTo_ >= binsEnd_) return false;
    const uint32_t stop = learnedUpTo_ + std::min(kChunk, binsEnd_ - learnedUpTo_);
    while (learnedUpTo_ < stop) {
        const Bin* bin = binOf(learnedUpTo_);
        if (!bin || bin->offset + bin->size <= learnedUpTo_) {
            learnedUpTo_ = binsEnd_;  // cannot happen inside the bins; never loop
            break;
        }
        learnedUpTo_ = bin->offset + bin->size;
    }
    return true;
}

uint64_t Allocator::freeBytes() const {
    while (learnMore()) {
    }
    return freeBytes_;
}

size_t Allocator::freeCells() const {
    while (learnMore()) {
    }
    return byOffset_.size();
}

void Allocator::addFree(uint32_t offset, uint32_t size) const {
    byOffset_[offset] = size;
    bySize_.emplace(size, offset);
    freeBytes_ += size;
}

void Allocator::removeFree(uint32_t offset) {
    auto it = byOffset_.find(offset);
    assert(it != byOffset_.end());
    bySize_.erase({it->second, offset});
    freeBytes_ -= it->second;
    byOffset_.erase(it);
}

void Allocator::writeSize(uint32_t cell, int32_t rawSize) {
    storeU32(tx_.writable(kHeader + cell, 4).data(), static_cast<uint32_t>(rawSize));
}

uint32_t Allocator::carve(uint32_t offset, uint32_t need) {
    const uint32_t size = byOffset_.at(offset);
    removeFree(offset);
    uint32_t take = size;
    if (size - need >= kMinCell) {
        take = need;
        addFree(offset + need, size - need);
        writeSize(offset + need, static_cast<int32_t>(size - need));
    }
    writeSize(offset, -static_cast<int32_t>(take));
    return offset;
}

Result<uint32_t> Allocator::grow(uint32_t need) {
    const uint64_t binSize = std::max<uint64_t>(
        layout::kHbinAlignment,
        (uint64_t{need} + kBinHeader + layout::kHbinAlignment - 1) / layout::kHbinAlignment * layout::kHbinAlignment);
    const uint64_t newEnd = uint64_t{binsEnd_} + binSize;
    if (newEnd > kMaxBinsEnd)
        return fail(ErrorCode::Unsupported, "the hive cannot grow by " + std::to_string(binSize) +
                                                " bytes: its bins would pass 4 GiB, the format's limit");
    if (kHeader + newEnd > tx_.hive().bytes().size())
        if (auto r = tx_.growImage(kHeader + newEnd); !r) return std::unexpected(r.error());
    const uint32_t at = binsEnd_;
    std::span<uint8_t> bin = tx_.writable(kHeader + at, static_cast<size_t>(binSize));
    std::fill(bin.begin(), bin.end(), uint8_t{0});
    HiveBinHeader h;
    h.signature = layout::kHbinSignature;
    h.offset = at;
    h.size = static_cast<uint32_t>(binSize);
    encodeHiveBinHeader(h, bin);
    const uint32_t cellSize = static_cast<uint32_t>(binSize) - kBinHeader;
    storeU32(bin.data() + kBinHeader, cellSize);
    storeU32(tx_.writable(layout::base::HiveBinsDataSize, 4).data(), static_cast<uint32_t>(newEnd));
    bins_.emplace(at, Bin{at, static_cast<uint32_t>(binSize), true});
    addFree(at + kBinHeader, cellSize);
    binsEnd_ = static_cast<uint32_t>(newEnd);
    ++stats_.binsAdded;
    stats_.bytesAdded += binSize;
    if (auto r = tx_.reread(); !r) return std::unexpected(r.error());
    return at + kBinHeader;
}

Result<uint32_t> Allocator::allocate(uint32_t dataSize, Source source) {
    if (dataSize > 0x7FFFFF00u)
        return fail(ErrorCode::Unsupported, "a cell of " + std::to_string(dataSize) + " bytes is larger than the format allows");
    const uint32_t need = cellSizeFor(dataSize);
    uint32_t from = layout::kNoCell;
    if (source == Source::Reuse) {
        // At most kLearnPerAllocation more chunks for one cell: a cell larger
        // than any free one (a grown list) would otherwise learn the whole
        // hive before it gets a new bin.
        unsigned chunks = 0;
        do {
            auto it = bySize_.lower_bound({need, 0});
            if (it != bySize_.end()) {
                from = it->second;
                break;
            }
        } while (chunks++ < kLearnPerAllocation && learnMore());
    } else {
        if (binsEnd_ > 0) (void)binOf(binsEnd_ - 1);  // the last bin, whose free tail End takes
        if (!byOffset_.empty()) {
            const auto& [off, size] = *byOffset_.rbegin();
            if (uint64_t{off} + size == binsEnd_ && size >= need) from = off;
        }
    }
    if (from != layout::kNoCell) {
        ++stats_.reusedCells;
    } else {
        auto grown = grow(need);
        if (!grown) return std::unexpected(grown.error());
        from = *grown;
    }
    const uint32_t cell = carve(from, need);
    const uint32_t size = capacity(cell);
    std::span<uint8_t> data = tx_.writable(kHeader + cell + 4, size);
    std::fill(data.begin(), data.end(), uint8_t{0});
    ++stats_.allocations;
    return cell;
}

void Allocator::free(uint32_t cell) {
    const int32_t raw = static_cast<int32_t>(loadU32(tx_.hive().bytes().data() + kHeader + cell));
    assert(raw < 0);
    uint32_t start = cell;
    uint32_t total = static_cast<uint32_t>(-raw);
    ++stats_.frees;
    const Bin* bin = binOf(cell);
    if (!bin || !bin->usable) {
        writeSize(cell, static_cast<int32_t>(total));
        return;
    }
    if (auto next = byOffset_.find(cell + total); next != byOffset_.end()) {
        total += next->second;
        removeFree(next->first);
        ++stats_.coalesced;
    }
    if (auto it = byOffset_.lower_bound(cell); it != byOffset_.begin()) {
        --it;
        if (it->first + it->second == cell) {
            start = it->first;
            total += it->second;
            removeFree(it->first);
            ++stats_.coalesced;
        }
    }
    addFree(start, total);
    writeSize(start, static_cast<int32_t>(total));
}

bool Allocator::resize(uint32_t cell, uint32_t dataSize) {
    const int32_t raw = static_cast<int32_t>(loadU32(tx_.hive().bytes().data() + kHeader + cell));
    assert(raw < 0);
    const uint32_t current = static_cast<uint32_t>(-raw);
    const uint32_t need = cellSizeFor(dataSize);
    if (need <= current) {
        if (current - need < kMinCell) return true;
        const Bin* bin = binOf(cell);
        if (!bin || !bin->usable) return true;
        writeSize(cell, -static_cast<int32_t>(need));
        writeSize(cell + need, -static_cast<int32_t>(current - need));
        free(cell + need);
        --stats_.frees;
        ++stats_.resizedInPlace;
        return true;
    }
    if (!binOf(cell)) return false;  // learns the bin: its free cells are known
    auto next = byOffset_.find(cell + current);
    if (next == byOffset_.end() || uint64_t{current} + next->second < need) return false;
    const uint32_t total = current + next->second;
    removeFree(next->first);
    uint32_t take = total;
    if (total - need >= kMinCell) {
        take = need;
        addFree(cell + need, total - need);
        writeSize(cell + need, static_cast<int32_t>(total - need));
    }
    writeSize(cell, -static_cast<int32_t>(take));
    std::span<uint8_t> added = tx_.writable(kHeader + cell + current, take - current);
    std::fill(added.begin(), added.end(), uint8_t{0});
    ++stats_.resizedInPlace;
    return true;
}

std::vector<uint32_t> Allocator::learnedBins() const {
    std::vector<uint32_t> out;
    out.reserve(bins_.size());
    for (const auto& [offset, bin] : bins_)
        if (bin.usable) out.push_back(offset);
    return out;
}

uint32_t Allocator::capacity(uint32_t cell) const {
    const int32_t raw = static_cast<int32_t>(loadU32(tx_.hive().bytes().data() + kHeader + cell));
    return static_cast<uint32_t>(raw < 0 ? -raw : raw) - layout::kCellHeaderSize;
}

}  // namespace hivekit
