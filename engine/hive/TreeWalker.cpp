#include "hive/TreeWalker.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "format/Layout.h"
#include "format/Names.h"
#include "format/Offsets.h"
#include "hive/ZeroedPages.h"

namespace hivekit {

void TreeWalker::walk(const std::function<bool(const WalkedKey&)>& visit, Diagnostics* sink) {
    walkFrom(hive_.rootOffset(), std::string(), visit, sink);
}

void TreeWalker::walkFrom(uint32_t start, const std::string& startPath,
                          const std::function<bool(const WalkedKey&)>& visit, Diagnostics* sink) {
    // One bit per 8-byte cell slot: 1.5 MB for a 100 MB hive, in huge pages
    // (ZeroedPages) because a walk touches all of it.
    const uint64_t seenBytes = (uint64_t{hive_.binsEnd()} / 8 + 8) / 8;
    ZeroedPages seenBits(seenBytes);
    uint8_t* seen = seenBits.data();
    if (!seen) {
        if (sink) sink->error("no memory for the walk's record of visited keys (" + std::to_string(seenBytes) + " bytes)");
        return;
    }
    const uint64_t seenSlots = seenBytes * 8;
    auto wasSeen = [&](uint32_t off) {
        const uint64_t slot = off / 8;
        // Out of range: not a cycle; keyNode() refuses it and says why.
        return slot < seenSlots && (seen[slot / 8] & (1u << (slot % 8))) != 0;
    };
    auto markSeen = [&](uint32_t off) {
        const uint64_t slot = off / 8;
        if (slot < seenSlots) seen[slot / 8] |= static_cast<uint8_t>(1u << (slot % 8));
    };
    struct Frame {
        uint32_t offset;
        unsigned depth;
        uint32_t lister;  ///< the key whose subkey list named it
    };
    // A key that two subkey lists name belongs under the parent its own
    // Parent field names, when that key lists it too: shown there, whatever
    // the order of the walk, and the other listing reported.
    // The last parent asked about keeps its list, sorted by offset: a list
    // shared whole by two keys costs one read of it, not one per entry.
    uint32_t listedParent = layout::kNoCell;
    std::vector<uint32_t> parentsList;
    auto listedByOwnParent = [&](const KeyNode& key, uint32_t offset) {
        if (key.parent != listedParent) {
            listedParent = key.parent;
            parentsList.clear();
            auto parent = hive_.keyNode(key.parent);
            if (parent && parent->subkeyCount != 0) hive_.subkeys(*parent, parentsList, nullptr);
            std::sort(parentsList.begin(), parentsList.end());
        }
        return std::binary_search(parentsList.begin(), parentsList.end(), offset);
    };
    auto reportSecondListing = [&](const Frame& f, const KeyNode& key) {
        if (!sink) return;
        const uint64_t at = fileOffsetOf(f.offset).value;
        sink->error("key at " + hexOffset(at) + " (\"" + key.nameUtf8() + "\") is listed by the key at " +
                        hexOffset(fileOffsetOf(f.lister).value) + " and by its parent at " +
                        hexOffset(fileOffsetOf(key.parent).value) +
                        ", which its Parent field names: it is shown under its parent only",
                    at);
    };
    // The stack holds offsets only; each key is decoded once, when it is
    // visited, and its path is built then in one buffer: `path` holds the
    // path of the key visited last, and pathLength[d] the length of the
    // path of the key visited last at depth d. Depth first, when a key is
    // popped, the key visited last one level up is its parent (the parent's
    // later siblings are still below it on the stack), so the parent's path
    // is path's first pathLength[depth - 1] bytes.
    std::vector<Frame> stack;
    std::vector<size_t> pathLength;
    std::vector<uint32_t> children;
    std::string path;
    stack.push_back(Frame{start, 0, layout::kNoCell});
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const uint64_t fileOffset = fileOffsetOf(f.offset).value;
        if (wasSeen(f.offset)) {
            if (!sink) continue;
            if (f.depth > 0) {
                auto again = hive_.keyNode(f.offset);
                if (again && again->parent != f.lister && listedByOwnParent(*again, f.offset)) {
                    reportSecondListing(f, *again);
                    continue;
                }
            }
            sink->error("key at " + hexOffset(fileOffset) + " is reached twice (a cycle or a shared subkey); visited once", fileOffset);
            continue;
        }
        auto key = hive_.keyNode(f.offset);
        if (!key) {
            markSeen(f.offset);
            if (sink) sink->error(key.error());
            continue;
        }
        if (f.depth > 0 && key->parent != f.lister && listedByOwnParent(*key, f.offset)) {
            reportSecondListing(f, *key);
            continue;
        }
        markSeen(f.offset);
        if (f.depth == 0) {
            path = startPath;
        } else {
            path.resize(pathLength[f.depth - 1]);
            if (!path.empty()) path += '\\';
            if (append_) {
                append_(path, key->nameBytes, key->compressedName());
            } else if (escape_) {
                path += escape_(key->nameUtf8());
            } else {
                appendStoredNameUtf8(path, key->nameBytes, key->compressedName());
            }
        }
        pathLength.resize(f.depth + 1);
        pathLength[f.depth] = path.size();
        // The subkey list is read before the visit, so that the visitor can
        // use it (WalkedKey::subkeys) instead of reading it again; what is
        // wrong with it is reported after the visit, as if it were read
        // then, and not at all when the visitor skips the subtree.
        const bool descend = key->subkeyCount != 0 && f.depth + 1 <= kMaxDepth;
        Diagnostics listProblems;
        if (descend) hive_.subkeys(*key, children, sink ? &listProblems : nullptr);
        WalkedKey w{f.offset, &*key, &path, f.depth, descend ? &children : nullptr};
        if (!visit(w)) continue;
        if (key->subkeyCount == 0) continue;
        if (!descend) {
            if (sink) sink->error("key at " + hexOffset(fileOffset) + " is nested deeper than 512 levels; its subkeys are not read", fileOffset);
            continue;
        }
        if (sink) sink->append(listProblems);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(Frame{*it, f.depth + 1, f.offset});
    }
}

Result<std::string> keyPathOf(const Hive& hive, uint32_t keyOffset) {
    std::vector<std::string> names;
    std::unordered_set<uint32_t> seen;
    uint32_t at = keyOffset;
    while (at != hive.rootOffset()) {
        if (!seen.insert(at).second)
            return fail(ErrorCode::Corrupt, "the parent chain of the key at " +
                                                hexOffset(fileOffsetOf(keyOffset)) + " loops",
                        fileOffsetOf(at).value);
        auto k = hive.keyNode(at);
        if (!k) return std::unexpected(k.error());
        names.push_back(k->nameUtf8());
        if (k->isRoot()) break;
        at = k->parent;
    }
    std::string path;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (!path.empty()) path += '\\';
        path += *it;
    }
    return path;
}

}  // namespace hivekit
