#include "hive/ScopedChecker.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "format/BigData.h"
#include "format/HiveBin.h"
#include "format/Layout.h"
#include "format/Names.h"
#include "format/SecurityDescriptor.h"
#include "hive/CheckWording.h"
#include "hive/TreeWalker.h"

namespace hivekit {
namespace {

using namespace checkwording;

/// One cell of a checked bin's chain.
struct ChainCell {
    uint32_t offset = 0;
    uint32_t size = 0;
    bool allocated = false;
};

/// A checked bin: its cells in order, up to a break of the chain.
struct BinChain {
    uint32_t offset = 0;
    uint32_t size = 0;
    bool valid = true;
    uint32_t scannedTo = 0;  ///< the chain is whole up to here (the bin end when whole)
    std::vector<ChainCell> cells;
};

/// A key to check: its cell, the key whose list holds it, its path.
struct KeyVisit {
    uint32_t offset = kNone;
    uint32_t parent = kNone;
    std::u16string path;
    unsigned depth = 0;
};

class ScopeChecker {
public:
    explicit ScopeChecker(const Hive& hive) : hive_(hive), all_(hive.bytes()), header_(hive.header()) {}

    ScopedCheckReport run(const CheckScope& scope) {
        checkHeader();
        rootOffset_ = header_.rootCellOffset;
        for (uint32_t off : scope.binOffsets) (void)chainOf(off);
        if (rootCheckable()) {
            for (const auto& path : scope.paths) walkPath(path, false);
            for (const auto& path : scope.subtrees) walkPath(path, true);
            checkSecurity();
        }
        if (freesUsedSk_) {
            ScopedCheckReport whole;
            whole.report = checkHive(hive_);
            whole.whole = true;
            return whole;
        }
        out_.report.cells = cellsSeen_;
        out_.bins = chains_.size();
        return std::move(out_);
    }

private:
    void error(std::string message, uint64_t offset) { out_.report.diagnostics.error(std::move(message), offset); }

    // ---- base block (B1, B3, B5 without the cover of every hbin) ------------

    void checkHeader() {
        namespace B = layout::base;
        const BaseBlock& b = header_;
        if (!b.checksumValid())
            error("base block: checksum is " + hexOffset(b.checksum) + ", the first 508 bytes give " +
                      hexOffset(b.computedChecksum),
                  B::Checksum);
        if (!b.sequencesMatch()) out_.report.dirty = true;
        if (!b.versionSupported())
            error("base block: format version " + b.versionString() + " is not one Windows writes (1.1 to 1.6)",
                  B::MajorVersion);
        if (b.fileType != 0)
            error("base block: file type is " + b.fileTypeName() + ", not 0 (a primary hive file)", B::FileType);
        if (b.fileFormat != 1)
            error("base block: file format is " + std::to_string(b.fileFormat) + ", not 1 (direct memory load)",
                  B::FileFormat);
        const uint64_t available = all_.size() - kHiveBinsStart;
        const uint32_t declared = b.hiveBinsDataSize;
        if (declared == 0 || declared % layout::kHbinAlignment != 0)
            error("base block: hive bins data size " + hexOffset(declared) +
                      " is not a nonzero multiple of 0x1000; the hbins were looked for up to " + at(hive_.binsEnd()),
                  B::HiveBinsDataSize);
        else if (declared > available)
            error("base block: hive bins data size " + hexOffset(declared) + " goes past the end of the file (" +
                      hexOffset(all_.size()) + "): truncated",
                  B::HiveBinsDataSize);
    }

    // ---- bins and cells (H1, H2, C1) ------------------------------------------

    /// The chain of the bin holding `off`, checked on first use (errors as
    /// checkHive gives them); null past the bins.
    BinChain* chainOf(uint32_t off) {
        const std::optional<HiveBinInfo> info = hive_.binHolding(off);
        if (!info) return nullptr;
        auto [it, added] = chains_.try_emplace(info->offset);
        BinChain& chain = it->second;
        if (!added) return &chain;
        chain.offset = info->offset;
        chain.size = info->size;
        chain.valid = info->valid;
        const uint64_t start = fileOff(info->offset);
        if (!info->valid) {
            auto h = decodeHiveBinHeader(all_.subspan(start, layout::kHbinHeaderSize), info->offset, start,
                                         uint64_t{hive_.binsEnd()} - info->offset);
            std::string why = h ? "hbin at " + hexOffset(start) + ": damaged" : h.error().message;
            error(why + "; the cells from " + hexOffset(start) + " to " + hexOffset(start + info->size) +
                      " cannot be checked",
                  start);
            return &chain;
        }
        const uint32_t end = info->offset + info->size;
        uint32_t cell = info->offset + layout::kHbinHeaderSize;
        while (cell < end) {
            const uint64_t fileOffset = fileOff(cell);
            if (end - cell < 4) break;
            auto h = decodeCellHeader(static_cast<int32_t>(loadU32(all_.data() + fileOffset)), fileOffset, end - cell);
            if (!h) {
                error(h.error().message + "; the rest of the hbin at " + hexOffset(start) + " is not scanned",
                      h.error().offset);
                break;
            }
            chain.cells.push_back(ChainCell{cell, h->size, h->allocated});
            cell += h->size;
        }
        chain.scannedTo = cell;
        cellsSeen_ += chain.cells.size();
        return &chain;
    }

    /// The allocated cell starting at `ref` (its data), or nullopt with
    /// `problem` naming what the offset hits instead, worded as checkHive
    /// words it.
    std::optional<ChainCell> resolve(uint32_t ref, std::string& problem) {
        if (ref == kNone) {
            problem = "nowhere (0xffffffff)";
            return std::nullopt;
        }
        BinChain* bin = chainOf(ref);
        if (!bin) {
            problem = at(ref) + ", outside the hive bins (they end at " + at(hive_.binsEnd()) + ")";
            return std::nullopt;
        }
        if (!bin->valid) {
            problem = at(ref) + ", in the damaged hbin at " + at(bin->offset);
            return std::nullopt;
        }
        if (ref - bin->offset < layout::kHbinHeaderSize) {
            problem = at(ref) + ", inside the header of the hbin at " + at(bin->offset);
            return std::nullopt;
        }
        std::optional<ChainCell> found;
        auto it = std::upper_bound(bin->cells.begin(), bin->cells.end(), ref,
                                   [](uint32_t o, const ChainCell& c) { return o < c.offset; });
        if (it != bin->cells.begin()) {
            const ChainCell& before = *(it - 1);
            if (before.offset == ref) {
                found = before;
            } else if (ref - before.offset < before.size) {
                problem = at(ref) + ", inside the cell at " + at(before.offset) + " (not the start of a cell)";
                return std::nullopt;
            }
        }
        if (!found) {
            // Past a break of the chain (reported with the bin): resolved on
            // its own, tolerantly, as checkHive does.
            auto c = hive_.cell(ref);
            if (!c) {
                problem = at(ref) + ", which cannot be read: " + c.error().message;
                return std::nullopt;
            }
            found = ChainCell{ref, c->size, c->allocated};
        }
        if (!found->allocated) {
            problem = at(ref) + ", a free cell";
            return std::nullopt;
        }
        return found;
    }

    Bytes dataOf(const ChainCell& c) const { return all_.subspan(fileOff(c.offset) + 4, c.size - 4); }

    /// Resolves a reference and claims its cell for `what` (C1, and C2
    /// within the scope). `who` builds the message prefix only on failure.
    template <class Who>
    std::optional<ChainCell> take(uint32_t ref, const std::string& role, bool shared, Who&& who, uint64_t diagOffset) {
        std::string problem;
        std::optional<ChainCell> c = resolve(ref, problem);
        if (!c) {
            error(who() + " points to " + problem, diagOffset);
            return std::nullopt;
        }
        auto [it, added] = claims_.try_emplace(ref, role, shared);
        if (added || (shared && it->second.second)) return c;
        if (it->second.first == role) return c;  // the same reference met twice (two paths through one key)
        error("cell at " + at(ref) + " is referenced twice: as " + it->second.first + " and as " + role,
              fileOff(ref));
        return std::nullopt;
    }

    // ---- keys (K1-K6) ------------------------------------------------------------

    std::string keyLabel(uint32_t off, const std::u16string& path) const {
        if (off == rootOffset_) return "root key at " + at(off);
        return "key at " + at(off) + " (\"" + utf16ToUtf8(path) + "\")";
    }

    bool rootCheckable() {
        auto rootCell = take(
            rootOffset_, "the root key named by the base block", false,
            [] { return std::string("base block: the root cell offset"); }, layout::base::RootCellOffset);
        if (!rootCell) return false;
        auto root = decodeKeyNode(dataOf(*rootCell), rootOffset_, fileOff(rootOffset_) + 4);
        if (!root) {
            error("base block: the root cell: " + root.error().message, layout::base::RootCellOffset);
            return false;
        }
        if (!root->isRoot())
            error(keyLabel(rootOffset_, u"") + ": flags " + hexOffset(root->flags) +
                      " lack KEY_HIVE_ENTRY (0x4), the flag that marks the root of a hive",
                  fileOff(rootOffset_));
        return true;
    }

    /// Checks every key on `path` (and, for a subtree, every key below its
    /// end), each once however many paths pass through it.
    void walkPath(const std::vector<std::u16string>& path, bool subtree) {
        KeyVisit visit{rootOffset_, kNone, u"", 0};
        for (size_t i = 0; i <= path.size(); ++i) {
            const std::u16string* next = i < path.size() ? &path[i] : nullptr;
            KeyVisit child;
            if (!checkKey(visit, next, child)) return;
            if (!next) break;
            if (child.offset == kNone) return;  // created by the commit: its parent was checked
            visit = std::move(child);
        }
        if (!subtree) return;
        // Every key below: each is freed.
        std::vector<KeyVisit> stack{visit};
        std::vector<KeyVisit> children;
        while (!stack.empty()) {
            KeyVisit k = std::move(stack.back());
            stack.pop_back();
            // A key listed twice (damage, reported) is counted once.
            if (!deletedKeys_.insert(k.offset).second) continue;
            children.clear();
            KeyVisit unused;
            if (!checkKey(k, nullptr, unused, &children)) continue;
            for (auto& c : children) stack.push_back(std::move(c));
            if (auto node = hive_.keyNode(k.offset)) ++deletedUses_[node->security];
        }
    }

    /// Checks one key (once), finds the subkey named `next` (`child` is
    /// set to it, its offset kNone when there is none), and lists every
    /// child in `all` when asked. False when the key cannot be read.
    bool checkKey(const KeyVisit& v, const std::u16string* next, KeyVisit& child,
                  std::vector<KeyVisit>* all = nullptr) {
        auto cell = hive_.allocatedCell(v.offset, "key node");
        if (!cell) return false;  // reported by the list that names it
        auto k = decodeKeyNode(cell->data, v.offset, fileOff(v.offset) + 4);
        if (!k) return false;
        const bool first = checkedKeys_.insert(v.offset).second;
        if (first) {
            ++out_.report.keys;
            checkClass(*k, v);
            noteSecurity(*k, v);
            checkValues(*k, v);
        }
        checkSubkeys(*k, v, first, next, child, all);
        return true;
    }

    void checkClass(const KeyNode& k, const KeyVisit& v) {
        if (k.classLength == 0) return;
        auto c = take(
            k.classOffset, "the class name of the " + keyLabel(v.offset, v.path), false,
            [&] { return keyLabel(v.offset, v.path) + ": its class name"; }, fileOff(v.offset));
        if (c && k.classLength > c->size - 4)
            error(keyLabel(v.offset, v.path) + ": class name length is " + std::to_string(k.classLength) +
                      " bytes, its cell at " + at(c->offset) + " holds " + std::to_string(c->size - 4),
                  fileOff(v.offset));
    }

    void checkSubkeys(const KeyNode& k, const KeyVisit& v, bool first, const std::u16string* next, KeyVisit& child,
                      std::vector<KeyVisit>* all) {
        child.offset = kNone;
        const uint32_t off = k.cellOffset;
        if (k.subkeyCount == 0) return;
        const std::string label = keyLabel(off, v.path);
        if (v.depth >= TreeWalker::kMaxDepth) {
            if (first)
                error(label + " is nested deeper than " + std::to_string(TreeWalker::kMaxDepth) +
                          " levels; its subkeys are not checked",
                      fileOff(off));
            return;
        }
        auto listCell = take(
            k.subkeyList, "the subkey list of the " + label, false, [&] { return label + ": its subkey list"; },
            fileOff(off));
        if (!listCell) return;
        const uint32_t listOff = listCell->offset;
        auto list = decodeSubkeyList(dataOf(*listCell), fileOff(listOff) + 4);
        if (!list) {
            if (first) error(label + ": its subkey list: " + list.error().message, fileOff(listOff));
            return;
        }
        std::vector<std::pair<uint32_t, SubkeyList>> leaves;
        bool complete = true;
        if (list->isLeaf()) {
            leaves.emplace_back(listOff, *list);
        } else {
            for (size_t i = 0; i < list->count; ++i) {
                const uint32_t leafOff = list->offsetAt(i);
                const std::string who = "ri list at " + at(listOff) + ": entry " + std::to_string(i);
                auto leafCell = take(
                    leafOff, "a leaf of the ri list at " + at(listOff), false, [&] { return who; }, fileOff(listOff));
                if (!leafCell) {
                    complete = false;
                    continue;
                }
                auto leaf = decodeSubkeyList(dataOf(*leafCell), fileOff(leafOff) + 4);
                if (!leaf || !leaf->isLeaf()) {
                    if (first)
                        error(who + (leaf ? " points to another ri list at " + at(leafOff) +
                                                " (an ri may hold only leaves)"
                                          : ": " + leaf.error().message),
                              fileOff(listOff));
                    complete = false;
                    continue;
                }
                leaves.emplace_back(leafOff, *leaf);
            }
        }
        uint64_t entries = 0;
        bool havePrevious = false;
        std::u16string previousName;
        size_t previousIndex = 0;
        uint32_t previousLeaf = kNone;
        uint32_t maxName = 0, maxNameKey = kNone, maxClass = 0, maxClassKey = kNone;
        for (const auto& [leafOff, leaf] : leaves) {
            entries += leaf.count;
            const std::string leafLabel = std::string(leaf.signatureName()) + " list at " + at(leafOff);
            for (size_t i = 0; i < leaf.count; ++i) {
                const uint32_t childOff = leaf.offsetAt(i);
                const std::string who = leafLabel + ": entry " + std::to_string(i);
                auto c = take(childOff, "a subkey in the " + leafLabel, false, [&] { return who; }, fileOff(leafOff));
                if (!c) continue;
                auto node = decodeKeyNode(dataOf(*c), childOff, fileOff(childOff) + 4);
                if (!node) {
                    if (first) error(who + ": " + node.error().message, fileOff(leafOff));
                    continue;
                }
                std::u16string name = node->name();
                const std::u16string childPath = v.path.empty() ? name : v.path + u'\\' + name;
                if (next && child.offset == kNone && namesEqual(name, *next))
                    child = KeyVisit{childOff, off, childPath, v.depth + 1};
                if (all) all->push_back(KeyVisit{childOff, off, childPath, v.depth + 1});
                if (!first) continue;
                checkHint(leaf, leafOff, leafLabel, i, name);
                if (havePrevious) {
                    const int order = compareNames(previousName, name);
                    if (order >= 0) {
                        std::string previous = std::to_string(previousIndex) + " (" + quoted(previousName) + ")";
                        if (previousLeaf != leafOff)
                            previous += " of the previous leaf, " + leafLabelAt(previousLeaf) +
                                        " (both in the ri list at " + at(listOff) + ")";
                        error(who + " (" + quoted(name) + ")" +
                                  (order == 0 ? " has the same name as entry " : " sorts before entry ") + previous,
                              fileOff(leafOff));
                    }
                }
                if (node->isRoot())
                    error(keyLabel(childOff, childPath) +
                              ": has the KEY_HIVE_ENTRY flag (0x4) of a hive's root, but the key is listed by the " +
                              label,
                          fileOff(childOff));
                if (node->parent != off)
                    error(keyLabel(childOff, childPath) + ": parent field points to " + target(node->parent) +
                              ", but the key is listed by the " + label,
                          fileOff(childOff));
                const uint32_t nameBytes = utf16Bytes(node->nameLength, node->compressedName());
                if (nameBytes > maxName) {
                    maxName = nameBytes;
                    maxNameKey = childOff;
                }
                if (node->classLength > maxClass) {
                    maxClass = node->classLength;
                    maxClassKey = childOff;
                }
                previousName = std::move(name);
                previousIndex = i;
                previousLeaf = leafOff;
                havePrevious = true;
            }
        }
        if (!first) return;
        if (complete && entries != k.subkeyCount)
            error(label + ": subkey count is " + std::to_string(k.subkeyCount) + ", its subkey list" +
                      (list->isLeaf() ? " holds " : "s hold ") + std::to_string(entries) +
                      (entries == 1 ? " entry" : " entries"),
                  fileOff(off));
        if (maxName > k.maxSubkeyNameLength())
            error(label + ": largest subkey name length field is " + std::to_string(k.maxSubkeyNameLength()) +
                      ", but the subkey at " + at(maxNameKey) + " has a name of " + std::to_string(maxName) +
                      " bytes (as UTF-16)",
                  fileOff(off));
        if (maxClass > k.maxClassLength)
            error(label + ": largest subkey class length field is " + std::to_string(k.maxClassLength) +
                      ", but the subkey at " + at(maxClassKey) + " has a class name of " + std::to_string(maxClass) +
                      " bytes",
                  fileOff(off));
    }

    /// "lh list at 0x...", as checkHive names a leaf in messages.
    std::string leafLabelAt(uint32_t off) const {
        switch (loadU16(all_.data() + fileOff(off) + 4)) {
        case layout::kIndexLeafSignature: return "li list at " + at(off);
        case layout::kFastLeafSignature: return "lf list at " + at(off);
        case layout::kHashLeafSignature: return "lh list at " + at(off);
        case layout::kIndexRootSignature: return "ri list at " + at(off);
        default: return "subkey list at " + at(off);
        }
    }

    void checkHint(const SubkeyList& leaf, uint32_t leafOff, const std::string& leafLabel, size_t i,
                   const std::u16string& name) {
        if (leaf.kind == SubkeyList::Kind::HashLeaf) {
            const uint32_t want = lhHash(name);
            if (leaf.hintAt(i) != want)
                error(leafLabel + ": entry " + std::to_string(i) + " (" + quoted(name) + ") has hash " +
                          hexOffset(leaf.hintAt(i)) + ", the name hashes to " + hexOffset(want),
                      fileOff(leafOff));
        } else if (leaf.kind == SubkeyList::Kind::FastLeaf) {
            const uint32_t want = fastLeafHint(name);
            const uint32_t hint = leaf.hintAt(i);
            const bool unconvertible =
                std::any_of(name.begin(), name.begin() + static_cast<ptrdiff_t>(std::min<size_t>(4, name.size())),
                            [](char16_t u) { return u > 0xFF; });
            if (hint != want && !(unconvertible && (hint & 0xFF) == 0))
                error(leafLabel + ": entry " + std::to_string(i) + " (" + quoted(name) + ") has hint " +
                          hexOffset(hint) + ", expected " + hexOffset(want) + " (the first 4 characters of the name)",
                      fileOff(leafOff));
        }
    }

    // ---- values (K2, K5, K6, V1) ---------------------------------------------------

    std::string valueLabel(const ValueRecord& v, const KeyVisit& key) const {
        const std::string name = v.nameLength ? quoted(v.name()) : std::string("the default value");
        const std::string of =
            key.offset == rootOffset_ ? std::string(" of the root key") : " of key \"" + utf16ToUtf8(key.path) + "\"";
        return "value at " + at(v.cellOffset) + " (" + name + of + ")";
    }

    void checkValues(const KeyNode& k, const KeyVisit& key) {
        const uint32_t off = k.cellOffset;
        if (k.valueCount == 0) return;
        const std::string label = keyLabel(off, key.path);
        auto listCell = take(
            k.valueList, "the value list of the " + label, false, [&] { return label + ": its value list"; },
            fileOff(off));
        if (!listCell) return;
        const uint32_t listOff = listCell->offset;
        const Bytes list = dataOf(*listCell);
        size_t count = k.valueCount;
        const size_t room = list.size() / 4;
        if (count > room) {
            error(label + ": value count is " + std::to_string(k.valueCount) + ", its value list at " + at(listOff) +
                      " has room for " + std::to_string(room),
                  fileOff(off));
            count = room;
        }
        uint32_t maxName = 0, maxData = 0;
        std::optional<ValueRecord> maxNameAt, maxDataAt;
        std::vector<std::pair<std::u16string, uint32_t>> names;
        for (size_t i = 0; i < count; ++i) {
            const uint32_t vkOff = loadU32(list.data() + 4 * i);
            const std::string who = "value list at " + at(listOff) + ": entry " + std::to_string(i);
            auto c = take(vkOff, "a value in the value list at " + at(listOff), false, [&] { return who; },
                          fileOff(listOff));
            if (!c) continue;
            auto v = decodeValueRecord(dataOf(*c), vkOff, fileOff(vkOff) + 4);
            if (!v) {
                error(who + ": " + v.error().message, fileOff(listOff));
                continue;
            }
            ++out_.report.values;
            const uint32_t nameBytes = utf16Bytes(v->nameLength, v->compressedName());
            if (nameBytes > maxName || !maxNameAt) {
                maxName = nameBytes;
                maxNameAt = *v;
            }
            if (v->dataSize() > maxData || !maxDataAt) {
                maxData = v->dataSize();
                maxDataAt = *v;
            }
            checkValueData(*v, key);
            if (count > 1) names.emplace_back(v->name(), vkOff);
        }
        if (maxNameAt && maxName > k.maxValueNameLength)
            error(label + ": largest value name length field is " + std::to_string(k.maxValueNameLength) +
                      ", but the " + valueLabel(*maxNameAt, key) + " has a name of " + std::to_string(maxName) +
                      " bytes (as UTF-16)",
                  fileOff(off));
        if (maxDataAt && maxData > k.maxValueDataLength)
            error(label + ": largest value data size field is " + std::to_string(k.maxValueDataLength) +
                      ", but the " + valueLabel(*maxDataAt, key) + " holds " + std::to_string(maxData) + " bytes",
                  fileOff(off));
        if (names.size() > 1) {
            std::stable_sort(names.begin(), names.end(),
                             [](const auto& a, const auto& b) { return compareNames(a.first, b.first) < 0; });
            for (size_t i = 1; i < names.size(); ++i)
                if (compareNames(names[i - 1].first, names[i].first) == 0)
                    error(label + ": the values at " + at(names[i - 1].second) + " and " + at(names[i].second) +
                              " have the same name (" + quoted(names[i].first) + ")",
                          fileOff(off));
        }
    }

    void checkValueData(const ValueRecord& v, const KeyVisit& key) {
        const uint32_t vk = v.cellOffset;
        const uint32_t size = v.dataSize();
        const std::string label = valueLabel(v, key);
        if (v.dataInline()) {
            if (size > 4)
                error(label + ": inline data declares " + std::to_string(size) +
                          " bytes (at most 4 fit in the data offset field)",
                      fileOff(vk));
            return;
        }
        if (size == 0) return;
        if (header_.allowsBigData() && size > kSegment) {
            checkBigData(v, label);
            return;
        }
        auto d = take(
            v.dataOffset, "the data of the " + label, false, [&] { return label + ": its data"; }, fileOff(vk));
        if (d && size > d->size - 4)
            error(label + ": data size is " + std::to_string(size) + " bytes, its cell at " + at(d->offset) +
                      " holds " + std::to_string(d->size - 4),
                  fileOff(vk));
    }

    void checkBigData(const ValueRecord& v, const std::string& label) {
        const uint32_t vk = v.cellOffset;
        const uint32_t size = v.dataSize();
        auto dbCell = take(
            v.dataOffset, "the big data record of the " + label, false,
            [&] { return label + ": its big data record"; }, fileOff(vk));
        if (!dbCell) return;
        const uint32_t dbOff = dbCell->offset;
        auto db = decodeBigData(dataOf(*dbCell), fileOff(dbOff) + 4);
        if (!db) {
            error(label + ": data of " + std::to_string(size) + " bytes in a version " + header_.versionString() +
                      " hive must be a big data record: " + db.error().message,
                  fileOff(vk));
            return;
        }
        const std::string dbLabel = "big data record at " + at(dbOff);
        const uint32_t need = (size + kSegment - 1) / kSegment;
        if (db->segmentCount != need)
            error(dbLabel + ": " + std::to_string(db->segmentCount) + " segments, but the " + std::to_string(size) +
                      " bytes of the " + label + " need " + std::to_string(need),
                  fileOff(dbOff));
        auto listCell = take(
            db->segmentList, "the segment list of the " + dbLabel, false, [&] { return dbLabel + ": its segment list"; },
            fileOff(dbOff));
        if (!listCell) return;
        const Bytes list = dataOf(*listCell);
        size_t count = db->segmentCount;
        if (count > list.size() / 4) {
            error(dbLabel + ": " + std::to_string(count) + " segments do not fit its segment list at " +
                      at(listCell->offset) + " (room for " + std::to_string(list.size() / 4) + ")",
                  fileOff(dbOff));
            count = list.size() / 4;
        }
        uint64_t remaining = size;
        for (size_t i = 0; i < count; ++i) {
            const uint32_t want = static_cast<uint32_t>(std::min<uint64_t>(remaining, kSegment));
            remaining -= want;
            const uint32_t segOff = loadU32(list.data() + 4 * i);
            auto seg = take(
                segOff, "a segment of the " + dbLabel, false,
                [&] { return dbLabel + ": segment " + std::to_string(i); }, fileOff(dbOff));
            if (seg && seg->size - 4 < want)
                error(dbLabel + ": segment " + std::to_string(i) + " at " + at(segOff) + " holds " +
                          std::to_string(seg->size - 4) + " bytes, expected at least " + std::to_string(want),
                      fileOff(dbOff));
        }
    }

    // ---- security (S1, S2 as far as the scope shows them) -------------------------------

    void noteSecurity(const KeyNode& k, const KeyVisit& key) {
        const std::string label = keyLabel(k.cellOffset, key.path);
        auto e = take(
            k.security, "a security cell (sk)", true, [&] { return label + ": its security cell"; },
            fileOff(k.cellOffset));
        if (!e) return;
        auto [it, added] = sk_.try_emplace(k.security, SkUse{});
        ++it->second.keys;
        if (!added) return;
        auto sk = decodeSecurityCell(dataOf(*e), k.security, fileOff(k.security) + 4);
        if (!sk) {
            error(label + ": its security cell: " + sk.error().message, fileOff(k.cellOffset));
            it->second.valid = false;
            return;
        }
        it->second.referenceCount = sk->referenceCount;
        it->second.flink = sk->flink;
        it->second.blink = sk->blink;
        auto d = decodeSecurityDescriptor(sk->descriptor, sk->descriptorFileOffset().value);
        if (!d) {
            error("sk at " + at(k.security) + ": " + d.error().message, fileOff(k.security));
        } else {
            for (const Error& w : d->warnings) error("sk at " + at(k.security) + ": " + w.message, fileOff(k.security));
        }
    }

    /// The sk at `ref` decoded, or nullopt.
    std::optional<SecurityCell> securityAt(uint32_t ref) {
        std::string problem;
        auto c = resolve(ref, problem);
        if (!c) return std::nullopt;
        auto sk = decodeSecurityCell(dataOf(*c), ref, fileOff(ref) + 4);
        if (!sk) return std::nullopt;
        return *sk;
    }

    void checkSecurity() {
        for (const auto& [off, use] : sk_) {
            if (!use.valid) continue;
            if (use.referenceCount < use.keys)
                error("sk at " + at(off) + ": reference count is " + std::to_string(use.referenceCount) + ", but " +
                          std::to_string(use.keys) + (use.keys == 1 ? " key points" : " keys point") + " to it",
                      fileOff(off));
            // A release relinks the neighbours: each must be an sk that
            // links back.
            auto forward = securityAt(use.flink);
            if (!forward)
                error("sk at " + at(off) + ": flink points to " + target(use.flink) + ", not to an sk", fileOff(off));
            else if (forward->blink != off)
                error("sk at " + at(use.flink) + ": blink points to " + target(forward->blink) +
                          ", but the sk before it in the list is at " + at(off),
                      fileOff(use.flink));
            auto backward = securityAt(use.blink);
            if (!backward)
                error("sk at " + at(off) + ": blink points to " + target(use.blink) + ", not to an sk", fileOff(off));
            else if (backward->flink != off)
                error("sk at " + at(use.blink) + ": flink points to " + target(backward->flink) +
                          ", but the sk after it in the list is at " + at(off),
                      fileOff(use.blink));
            // A delete that takes the count to zero frees the sk: only the
            // whole tree shows whether another key still uses it.
            auto deleted = deletedUses_.find(off);
            if (deleted != deletedUses_.end() && use.referenceCount <= deleted->second) freesUsedSk_ = true;
        }
    }

    struct SkUse {
        bool valid = true;
        uint32_t keys = 0;  ///< keys of the scope that point to it
        uint32_t referenceCount = 0;
        uint32_t flink = kNone, blink = kNone;
    };

    const Hive& hive_;
    Bytes all_;
    const BaseBlock& header_;
    ScopedCheckReport out_;
    uint32_t rootOffset_ = kNone;
    uint64_t cellsSeen_ = 0;
    std::map<uint32_t, BinChain> chains_;  ///< checked bins by offset
    std::unordered_map<uint32_t, std::pair<std::string, bool>> claims_;  ///< cell -> (what claimed it, shared)
    std::unordered_set<uint32_t> checkedKeys_;
    std::map<uint32_t, SkUse> sk_;  ///< ordered: reports in file order
    std::unordered_map<uint32_t, uint32_t> deletedUses_;  ///< sk -> keys of deleted subtrees that use it
    std::unordered_set<uint32_t> deletedKeys_;
    bool freesUsedSk_ = false;
};

}  // namespace

ScopedCheckReport checkScope(const Hive& hive, const CheckScope& scope) { return ScopeChecker(hive).run(scope); }

}  // namespace hivekit
