#include "diff/HiveDiff.h"

#include <algorithm>
#include <unordered_map>

#include "format/Names.h"
#include "format/Offsets.h"

namespace hivekit {

const char* diffKindName(DiffKind kind) {
    switch (kind) {
    case DiffKind::KeyAdded: return "key added";
    case DiffKind::KeyRemoved: return "key removed";
    case DiffKind::KeyChanged: return "key changed";
    case DiffKind::ValueAdded: return "value added";
    case DiffKind::ValueRemoved: return "value removed";
    case DiffKind::ValueChanged: return "value changed";
    }
    return "?";
}

namespace {

/// Keys between two looks at the options' progress and cancel.
constexpr uint64_t kKeysPerPoll = 256;
/// Deeper nesting than Windows allows is cut, as TreeWalker cuts it.
constexpr unsigned kMaxDepth = 512;

/// Unit i of a name as stored (Latin-1 bytes, or UTF-16LE with an odd
/// trailing byte as a unit of its own, as decodeName reads it).
inline char16_t storedUnit(Bytes stored, bool compressed, size_t i) {
    if (compressed) return stored[i];
    const size_t at = 2 * i;
    return at + 1 < stored.size() ? static_cast<char16_t>(stored[at] | (stored[at + 1] << 8)) : stored[at];
}

inline size_t storedUnits(Bytes stored, bool compressed) {
    return compressed ? stored.size() : (stored.size() + 1) / 2;
}

/// compareNames of two stored names, decoding neither: the merge compares
/// every pair of neighbours, so no allocation per comparison.
int compareStored(Bytes a, bool ca, Bytes b, bool cb) {
    const size_t na = storedUnits(a, ca);
    const size_t nb = storedUnits(b, cb);
    const size_t n = std::min(na, nb);
    for (size_t i = 0; i < n; ++i) {
        const char16_t ua = windowsUpcase(storedUnit(a, ca, i));
        const char16_t ub = windowsUpcase(storedUnit(b, cb, i));
        if (ua != ub) return ua < ub ? -1 : 1;
    }
    return na == nb ? 0 : na < nb ? -1 : 1;
}

/// A subkey as read for the merge.
struct Child {
    uint32_t offset = 0;
    KeyNode node;
};

/// A value as read for the merge (its record; the data is read on demand).
struct Entry {
    uint32_t offset = 0;
    ValueRecord record;
};

int compareChildren(const Child& x, const Child& y) {
    return compareStored(x.node.nameBytes, x.node.compressedName(), y.node.nameBytes, y.node.compressedName());
}

int compareEntries(const Entry& x, const Entry& y) {
    return compareStored(x.record.nameBytes, x.record.compressedName(), y.record.nameBytes,
                         y.record.compressedName());
}

/// A bit per possible nk offset (cells are 8-byte aligned): a key reached
/// twice (a cycle, or a key two lists name) is compared once.
class VisitedKeys {
public:
    explicit VisitedKeys(const Hive& hive) : bits_(hive.binsEnd() / 8 + 1, false) {}
    /// True the first time `offset` is marked.
    bool mark(uint32_t offset) {
        const size_t i = offset / 8;
        if (i >= bits_.size() || bits_[i]) return i >= bits_.size();
        bits_[i] = true;
        return true;
    }

private:
    std::vector<bool> bits_;
};

class Comparison {
public:
    Comparison(const Hive& a, const Hive& b, const DiffOptions& options, const DiffSink& sink)
        : a_(a), b_(b), options_(options), sink_(sink), visitedA_(a), visitedB_(b) {}

    Result<DiffSummary> run(uint32_t aKey, uint32_t bKey, const std::string& startPath,
                            const std::vector<std::u16string>& startNames) {
        auto ka = a_.keyNode(aKey);
        if (!ka) return fail(ka.error().code, "A: " + ka.error().message, ka.error().offset);
        auto kb = b_.keyNode(bKey);
        if (!kb) return fail(kb.error().code, "B: " + kb.error().message, kb.error().offset);
        path_ = startPath;
        names_ = startNames;
        visitedA_.mark(aKey);
        visitedB_.mark(bKey);
        comparePair(*ka, *kb, 0);
        if (options_.progress) options_.progress(summary_.keysCompared);
        return std::move(summary_);
    }

private:
    bool ended() const { return summary_.stopped || summary_.cancelled; }

    void emit(Difference& d) {
        if (ended()) return;
        switch (d.kind) {
        case DiffKind::KeyAdded: ++summary_.keysAdded; break;
        case DiffKind::KeyRemoved: ++summary_.keysRemoved; break;
        case DiffKind::KeyChanged: ++summary_.keysChanged; break;
        case DiffKind::ValueAdded: ++summary_.valuesAdded; break;
        case DiffKind::ValueRemoved: ++summary_.valuesRemoved; break;
        case DiffKind::ValueChanged: ++summary_.valuesChanged; break;
        }
        d.path = path_;
        d.names = names_;
        if (!sink_(d)) summary_.stopped = true;
    }

    void problem(char side, const Error& e) { summary_.problems.error(std::string(1, side) + ": " + e.message, e.offset); }
    void problem(char side, const Diagnostics& found) {
        for (const Diagnostic& d : found.items())
            summary_.problems.add(d.severity, std::string(1, side) + ": " + d.message, d.offset);
    }

    /// Descends into `name` for the duration of `body`.
    template <class Body>
    void within(const KeyNode& key, Body&& body) {
        const size_t pathSize = path_.size();
        std::string name = key.nameUtf8();
        if (!path_.empty() || !names_.empty()) path_ += '\\';
        path_ += options_.escapeName ? options_.escapeName(name) : name;
        names_.push_back(key.name());
        body();
        names_.pop_back();
        path_.resize(pathSize);
    }

    static DiffKeySide keySide(const Hive& hive, uint32_t offset, const KeyNode& key) {
        DiffKeySide side;
        side.present = true;
        side.offset = offset;
        side.lastWritten = key.lastWritten;
        side.subkeyCount = key.subkeyCount;
        side.valueCount = key.valueCount;
        if (key.classLength != 0 && key.classOffset != kNoCell) {
            auto name = hive.className(key);
            if (name) {
                side.hasClassName = true;
                side.className = std::move(*name);
            }
        }
        return side;
    }

    /// The subkeys of `key` in name order; unreadable ones reported.
    void children(const Hive& hive, char side, const KeyNode& key, std::vector<Child>& out) {
        out.clear();
        if (key.subkeyCount == 0 && key.subkeyList == kNoCell) return;
        Diagnostics found;
        hive.subkeys(key, offsets_, &found);
        problem(side, found);
        out.reserve(offsets_.size());
        for (uint32_t at : offsets_) {
            auto node = hive.keyNode(at);
            if (!node) {
                problem(side, node.error());
                continue;
            }
            out.push_back(Child{at, std::move(*node)});
        }
        // Sorted on disk; a damaged list is sorted here so the merge still pairs.
        auto less = [](const Child& x, const Child& y) { return compareChildren(x, y) < 0; };
        if (!std::is_sorted(out.begin(), out.end(), less)) std::stable_sort(out.begin(), out.end(), less);
    }

    /// The values of `key` sorted by name; unreadable ones reported.
    void entries(const Hive& hive, char side, const KeyNode& key, std::vector<Entry>& out) {
        out.clear();
        if (key.valueCount == 0) return;
        Diagnostics found;
        hive.values(key, offsets_, &found);
        problem(side, found);
        out.reserve(offsets_.size());
        for (uint32_t at : offsets_) {
            auto record = hive.valueRecord(at);
            if (!record) {
                problem(side, record.error());
                continue;
            }
            out.push_back(Entry{at, std::move(*record)});
        }
        auto less = [](const Entry& x, const Entry& y) { return compareEntries(x, y) < 0; };
        if (!std::is_sorted(out.begin(), out.end(), less)) std::stable_sort(out.begin(), out.end(), less);
    }

    bool readData(const Hive& hive, char side, const Entry& e, DiffValueSide& out) {
        out.present = true;
        out.offset = e.offset;
        out.type = e.record.type;
        auto data = hive.valueData(e.record);
        if (!data) {
            problem(side, data.error());
            return false;
        }
        out.data.assign(data->bytes().begin(), data->bytes().end());
        return true;
    }

    /// The descriptor bytes of the sk cell at `offset` (empty when none or unreadable).
    std::vector<uint8_t> descriptor(const Hive& hive, char side, uint32_t offset) {
        if (offset == kNoCell) return {};
        auto sk = hive.securityCell(offset);
        if (!sk) {
            problem(side, sk.error());
            return {};
        }
        return std::vector<uint8_t>(sk->descriptor.begin(), sk->descriptor.end());
    }

    /// Whether the two keys' descriptors differ: sk cells are shared by
    /// many keys, so each pair of cells is compared once.
    bool securityDiffers(const KeyNode& ka, const KeyNode& kb) {
        const uint64_t pair = (uint64_t{ka.security} << 32) | kb.security;
        auto known = securityPairs_.find(pair);
        if (known != securityPairs_.end()) return known->second;
        const bool differs = descriptor(a_, 'A', ka.security) != descriptor(b_, 'B', kb.security);
        securityPairs_.emplace(pair, differs);
        return differs;
    }

    bool poll() {
        ++summary_.keysCompared;
        if (summary_.keysCompared % kKeysPerPoll != 0) return true;
        if (options_.cancelRequested && options_.cancelRequested()) {
            summary_.cancelled = true;
            return false;
        }
        if (options_.progress) options_.progress(summary_.keysCompared);
        return true;
    }

    /// Two matched keys (the path already names them).
    void comparePair(const KeyNode& ka, const KeyNode& kb, unsigned depth) {
        if (!poll()) return;
        uint32_t changes = 0;
        if (!options_.ignoreTimes && ka.lastWritten != kb.lastWritten) changes |= kKeyLastWritten;
        DiffKeySide oldKey = keySide(a_, ka.cellOffset, ka);
        DiffKeySide newKey = keySide(b_, kb.cellOffset, kb);
        if (oldKey.hasClassName != newKey.hasClassName || oldKey.className != newKey.className)
            changes |= kKeyClassName;
        if (securityDiffers(ka, kb)) {
            changes |= kKeySecurity;
            oldKey.security = descriptor(a_, 'A', ka.security);
            newKey.security = descriptor(b_, 'B', kb.security);
        }
        if (changes) {
            Difference d;
            d.kind = DiffKind::KeyChanged;
            d.keyChanges = changes;
            d.oldKey = std::move(oldKey);
            d.newKey = std::move(newKey);
            emit(d);
        }
        compareValues(ka, kb);
        if (ended()) return;
        if (depth + 1 >= kMaxDepth) {
            summary_.problems.error("keys nested deeper than " + std::to_string(kMaxDepth) + " at \"" + path_ +
                                        "\": not compared below",
                                    fileOffsetOf(kb.cellOffset).value);
            return;
        }
        std::vector<Child> ca;
        std::vector<Child> cb;
        children(a_, 'A', ka, ca);
        children(b_, 'B', kb, cb);
        size_t i = 0;
        size_t j = 0;
        while ((i < ca.size() || j < cb.size()) && !ended()) {
            const int order = i == ca.size() ? 1 : j == cb.size() ? -1 : compareChildren(ca[i], cb[j]);
            if (order < 0) {
                const Child& c = ca[i++];
                if (visitedA_.mark(c.offset))
                    within(c.node, [&] { reportSubtree(a_, 'A', c.offset, c.node, DiffKind::KeyRemoved, false, depth + 1); });
            } else if (order > 0) {
                const Child& c = cb[j++];
                if (visitedB_.mark(c.offset))
                    within(c.node, [&] { reportSubtree(b_, 'B', c.offset, c.node, DiffKind::KeyAdded, false, depth + 1); });
            } else {
                const Child& x = ca[i++];
                const Child& y = cb[j++];
                const bool firstA = visitedA_.mark(x.offset);
                const bool firstB = visitedB_.mark(y.offset);
                if (firstA && firstB) within(y.node, [&] { comparePair(x.node, y.node, depth + 1); });
            }
        }
    }

    void compareValues(const KeyNode& ka, const KeyNode& kb) {
        std::vector<Entry> va;
        std::vector<Entry> vb;
        entries(a_, 'A', ka, va);
        entries(b_, 'B', kb, vb);
        size_t i = 0;
        size_t j = 0;
        while ((i < va.size() || j < vb.size()) && !ended()) {
            const int order = i == va.size() ? 1 : j == vb.size() ? -1 : compareEntries(va[i], vb[j]);
            Difference d;
            if (order < 0) {
                const Entry& e = va[i++];
                d.kind = DiffKind::ValueRemoved;
                d.valueName = e.record.name();
                readData(a_, 'A', e, d.oldValue);
                emit(d);
            } else if (order > 0) {
                const Entry& e = vb[j++];
                d.kind = DiffKind::ValueAdded;
                d.valueName = e.record.name();
                readData(b_, 'B', e, d.newValue);
                emit(d);
            } else {
                const Entry& x = va[i++];
                const Entry& y = vb[j++];
                // Compared in place; copied only when they differ.
                auto dataA = a_.valueData(x.record);
                auto dataB = b_.valueData(y.record);
                if (!dataA) problem('A', dataA.error());
                if (!dataB) problem('B', dataB.error());
                if (!dataA || !dataB) continue;  // reported as a problem; no claim either way
                const Bytes bytesA = dataA->bytes();
                const Bytes bytesB = dataB->bytes();
                if (x.record.type == y.record.type && std::ranges::equal(bytesA, bytesB)) continue;
                d.oldValue = DiffValueSide{true, x.offset, x.record.type, {bytesA.begin(), bytesA.end()}};
                d.newValue = DiffValueSide{true, y.offset, y.record.type, {bytesB.begin(), bytesB.end()}};
                d.kind = DiffKind::ValueChanged;
                d.valueName = y.record.name();
                emit(d);
            }
        }
    }

    /// A key in one hive only: reported at its top, and with
    /// listDescendants every key and value below it.
    void reportSubtree(const Hive& hive, char side, uint32_t offset, const KeyNode& key, DiffKind kind, bool descendant,
                       unsigned depth) {
        const bool added = kind == DiffKind::KeyAdded;
        {
            Difference d;
            d.kind = kind;
            d.descendant = descendant;
            (added ? d.newKey : d.oldKey) = keySide(hive, offset, key);
            emit(d);
        }
        if (!options_.listDescendants || ended()) return;
        std::vector<Entry> values;
        entries(hive, side, key, values);
        for (const Entry& e : values) {
            if (ended()) return;
            Difference d;
            d.kind = added ? DiffKind::ValueAdded : DiffKind::ValueRemoved;
            d.descendant = true;
            d.valueName = e.record.name();
            readData(hive, side, e, added ? d.newValue : d.oldValue);
            emit(d);
        }
        if (depth + 1 >= kMaxDepth) {
            summary_.problems.error(std::string(1, side) + ": keys nested deeper than " + std::to_string(kMaxDepth) +
                                        " at \"" + path_ + "\": not listed below",
                                    fileOffsetOf(offset).value);
            return;
        }
        std::vector<Child> subkeys;
        children(hive, side, key, subkeys);
        VisitedKeys& visited = added ? visitedB_ : visitedA_;
        for (const Child& c : subkeys) {
            if (ended()) return;
            if (!visited.mark(c.offset)) continue;
            within(c.node, [&] { reportSubtree(hive, side, c.offset, c.node, kind, true, depth + 1); });
        }
    }

    const Hive& a_;
    const Hive& b_;
    const DiffOptions& options_;
    const DiffSink& sink_;
    DiffSummary summary_;
    VisitedKeys visitedA_;
    VisitedKeys visitedB_;
    std::unordered_map<uint64_t, bool> securityPairs_;
    std::string path_;
    std::vector<std::u16string> names_;
    std::vector<uint32_t> offsets_;  ///< reused for every list read
};

}  // namespace

Result<DiffSummary> diffKeys(const Hive& a, uint32_t aKey, const Hive& b, uint32_t bKey, const std::string& startPath,
                             const std::vector<std::u16string>& startNames, const DiffOptions& options,
                             const DiffSink& sink) {
    Comparison comparison(a, b, options, sink);
    return comparison.run(aKey, bKey, startPath, startNames);
}

Result<DiffSummary> diffHives(const Hive& a, const Hive& b, const DiffOptions& options, const DiffSink& sink) {
    return diffKeys(a, a.rootOffset(), b, b.rootOffset(), std::string(), {}, options, sink);
}

}  // namespace hivekit
