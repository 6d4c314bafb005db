#include "index/Index.h"

#include <algorithm>
#include <unordered_set>

#include "format/Layout.h"
#include "format/Names.h"
#include "format/Offsets.h"
#include "hive/TreeWalker.h"

namespace hivekit {

namespace {

bool sameAscii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
        if (up(a[i]) != up(b[i])) return false;
    }
    return true;
}

/// `path` without its first component and the backslash after it.
std::string_view afterFirst(std::string_view path) {
    const size_t slash = path.find('\\');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
}

}  // namespace

std::vector<std::string> hiveRelativeReadings(std::string_view path) {
    std::vector<std::string> out;
    auto add = [&](std::string_view p) {
        if (std::find(out.begin(), out.end(), p) == out.end()) out.emplace_back(p);
    };
    std::string_view rest = path;
    while (!rest.empty() && rest.front() == '\\') rest.remove_prefix(1);
    const std::string_view first = rest.substr(0, rest.find('\\'));
    if (sameAscii(first, "Computer")) rest = afterFirst(rest);
    const std::string_view root = rest.substr(0, rest.find('\\'));
    const bool mounted = sameAscii(root, "HKEY_LOCAL_MACHINE") || sameAscii(root, "HKLM") ||
                         sameAscii(root, "HKEY_USERS") || sameAscii(root, "HKU");
    const bool alone = sameAscii(root, "HKEY_CURRENT_USER") || sameAscii(root, "HKCU") ||
                       sameAscii(root, "HKEY_CLASSES_ROOT") || sameAscii(root, "HKCR") ||
                       sameAscii(root, "HKEY_CURRENT_CONFIG") || sameAscii(root, "HKCC");
    if (mounted) {
        const std::string_view belowRoot = afterFirst(rest);
        add(afterFirst(belowRoot));
        add(belowRoot);
    } else if (alone) {
        add(afterFirst(rest));
    }
    if (rest != path) add(rest);
    add(path);
    return out;
}

Result<std::vector<std::u16string>> splitKeyPath(std::string_view path) {
    std::vector<std::u16string> parts;
    if (!path.empty() && path.front() == '\\') path.remove_prefix(1);
    if (path.empty()) return parts;
    size_t start = 0;
    for (;;) {
        size_t end = path.find('\\', start);
        std::string_view part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part.empty())
            return fail(ErrorCode::Invalid, "key path \"" + std::string(path) + "\": empty key name at character " +
                                                std::to_string(start + 1));
        parts.push_back(utf8ToUtf16(part));
        if (end == std::string_view::npos) break;
        start = end + 1;
        if (start == path.size())  // a trailing backslash is tolerated
            break;
    }
    return parts;
}

int Index::compareAt(uint32_t offset, std::u16string_view name, Result<void>& error) const {
    auto k = hive_.keyNode(offset);
    if (!k) {
        error = std::unexpected(k.error());
        return 0;
    }
    return compareStoredName(k->nameBytes, k->compressedName(), name);
}

Result<uint32_t> Index::findSubkey(const KeyNode& parent, std::u16string_view name) const {
    auto notFound = [&]() {
        return fail(ErrorCode::NotFound, "no subkey named \"" + utf16ToUtf8(name) + "\"");
    };
    if (parent.subkeyCount == 0) return notFound();
    auto root = hive_.subkeyList(parent.subkeyList);
    if (!root) return std::unexpected(root.error());
    Result<void> error;
    // Binary search in one sorted leaf.
    auto searchLeaf = [&](const SubkeyList& leaf) -> Result<uint32_t> {
        size_t lo = 0, hi = leaf.count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = compareAt(leaf.offsetAt(mid), name, error);
            if (!error) return std::unexpected(error.error());
            if (c == 0) return leaf.offsetAt(mid);
            if (c < 0) lo = mid + 1;
            else hi = mid;
        }
        return notFound();
    };
    // ri: find the first leaf whose last name is >= the target.
    auto searchIndexRoot = [&]() -> Result<uint32_t> {
        size_t lo = 0, hi = root->count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            auto leaf = hive_.subkeyList(root->offsetAt(mid));
            if (!leaf) return std::unexpected(leaf.error());
            if (!leaf->isLeaf() || leaf->count == 0) {
                return fail(ErrorCode::Corrupt, "ri list entry " + std::to_string(mid) + " is not a non-empty leaf",
                            fileOffsetOf(root->offsetAt(mid)).value);
            }
            int c = compareAt(leaf->offsetAt(leaf->count - 1), name, error);
            if (!error) return std::unexpected(error.error());
            if (c < 0) lo = mid + 1;
            else hi = mid;
        }
        if (lo == root->count) return notFound();
        auto leaf = hive_.subkeyList(root->offsetAt(lo));
        if (!leaf) return std::unexpected(leaf.error());
        return searchLeaf(*leaf);
    };
    auto found = root->isLeaf() ? searchLeaf(*root) : searchIndexRoot();
    if (found || found.error().code == ErrorCode::NotFound) return found;
    // A damaged entry stopped the binary search. Read every entry that can be
    // read instead, so that one broken sibling does not hide the others (each
    // leaf once: an ri that repeats a leaf costs nothing more).
    std::vector<SubkeyList> leaves;
    if (root->isLeaf()) {
        leaves.push_back(*root);
    } else {
        std::unordered_set<uint32_t> seenLeaves;
        for (size_t i = 0; i < root->count; ++i) {
            if (!seenLeaves.insert(root->offsetAt(i)).second) continue;
            auto leaf = hive_.subkeyList(root->offsetAt(i));
            if (leaf && leaf->isLeaf()) leaves.push_back(*leaf);
        }
    }
    for (const SubkeyList& leaf : leaves) {
        for (size_t i = 0; i < leaf.count; ++i) {
            auto k = hive_.keyNode(leaf.offsetAt(i));
            if (k && compareStoredName(k->nameBytes, k->compressedName(), name) == 0) return leaf.offsetAt(i);
        }
    }
    return found;  // not among the readable entries: the damage may hide it
}

Result<uint32_t> Index::findKey(std::string_view path) const {
    auto chain = findKeyChain(path);
    if (!chain) return std::unexpected(chain.error());
    return chain->empty() ? hive_.rootOffset() : chain->back();
}

namespace {

/// "A\B" from the first `count` components.
std::string joinedPath(const std::vector<std::u16string>& parts, size_t count) {
    std::string path;
    for (size_t i = 0; i < count; ++i) {
        if (i > 0) path += '\\';
        path += utf16ToUtf8(parts[i]);
    }
    return path;
}

}  // namespace

Result<std::vector<uint32_t>> Index::findKeyChain(std::string_view path, RootNameInPath rootName) const {
    auto parts = splitKeyPath(path);
    if (!parts) return std::unexpected(parts.error());
    // The chain below the root through parts[from...].
    auto descend = [&](size_t from) -> Result<std::vector<uint32_t>> {
        std::vector<uint32_t> chain;
        uint32_t at = hive_.rootOffset();
        for (size_t i = from; i < parts->size(); ++i) {
            auto k = hive_.keyNode(at);
            if (!k) return std::unexpected(k.error());
            auto next = findSubkey(*k, (*parts)[i]);
            if (!next) {
                if (next.error().code != ErrorCode::NotFound) return std::unexpected(next.error());
                const std::string parent = i == from ? std::string("(root)") : joinedPath(*parts, i);
                return fail(ErrorCode::NotFound, "no such key: \"" + std::string(path) + "\" (\"" + parent +
                                                     "\" has no subkey \"" + utf16ToUtf8((*parts)[i]) + "\")");
            }
            chain.push_back(*next);
            at = *next;
        }
        auto k = hive_.keyNode(at);
        if (!k) return std::unexpected(k.error());
        return chain;
    };
    auto chain = descend(0);
    if (chain || chain.error().code != ErrorCode::NotFound || rootName != RootNameInPath::Allowed || parts->empty())
        return chain;
    auto root = hive_.keyNode(hive_.rootOffset());
    if (!root || compareStoredName(root->nameBytes, root->compressedName(), parts->front()) != 0) return chain;
    auto belowRootName = descend(1);
    // Neither reading finds it: the message of the reading below the root.
    return belowRootName ? belowRootName : chain;
}

Result<std::vector<uint32_t>> Index::climb(uint32_t keyOffset) const {
    std::vector<uint32_t> keys;
    std::unordered_set<uint32_t> seen;
    for (uint32_t at = keyOffset; at != hive_.rootOffset();) {
        if (!seen.insert(at).second)
            return fail(ErrorCode::Corrupt, "the parent chain of the key at " +
                                                hexOffset(uint64_t{keyOffset} + layout::kBaseBlockSize) + " loops",
                        uint64_t{at} + layout::kBaseBlockSize);
        auto k = hive_.keyNode(at);
        if (!k) return std::unexpected(k.error());
        keys.push_back(at);
        if (k->isRoot()) break;
        at = k->parent;
    }
    return keys;
}

Result<std::vector<uint32_t>> Index::ancestryOf(uint32_t keyOffset) const {
    auto keys = climb(keyOffset);
    if (!keys) return keys;
    return std::vector<uint32_t>(keys->rbegin(), keys->rend());
}

Result<uint32_t> Index::findValue(const KeyNode& key, std::u16string_view name) const {
    Diagnostics ignored;
    for (uint32_t off : hive_.values(key, &ignored)) {
        auto v = hive_.valueRecord(off);
        if (!v) continue;
        if (compareStoredName(v->nameBytes, v->compressedName(), name) == 0) return off;
    }
    return fail(ErrorCode::NotFound, "no such value: \"" + utf16ToUtf8(name) + "\"");
}

Result<uint32_t> Index::findValue(uint32_t keyOffset, std::u16string_view name) const {
    auto key = hive_.keyNode(keyOffset);
    if (!key) return std::unexpected(key.error());
    return findValue(*key, name);
}

Result<std::string> Index::pathOf(uint32_t keyOffset) const { return keyPathOf(hive_, keyOffset); }

}  // namespace hivekit
