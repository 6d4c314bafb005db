#include "hive/TreeWalker.h"

#include <unordered_set>
#include <vector>

#include "format/Offsets.h"

namespace hivekit {

void TreeWalker::walk(const std::function<bool(const WalkedKey&)>& visit, Diagnostics* sink) {
    walkFrom(hive_.rootOffset(), std::string(), visit, sink);
}

void TreeWalker::walkFrom(uint32_t start, const std::string& startPath,
                          const std::function<bool(const WalkedKey&)>& visit, Diagnostics* sink) {
    // One bit per 8-byte cell slot: cheap even for a 100 MB hive (1.5 MB).
    std::vector<uint64_t> seen((uint64_t{hive_.binsEnd()} / 8 + 64) / 64, 0);
    auto markSeen = [&](uint32_t off) {
        uint64_t slot = off / 8;
        // Out of range: not a cycle; keyNode() refuses it and says why.
        if (slot / 64 >= seen.size()) return false;
        uint64_t bit = uint64_t{1} << (slot % 64);
        bool was = seen[slot / 64] & bit;
        seen[slot / 64] |= bit;
        return was;
    };
    // The stack holds offsets only; each key is decoded once, when it is
    // visited, and its path is built then in one buffer: `path` holds the
    // path of the key visited last, and pathLength[d] the length of the
    // path of the key visited last at depth d. Depth first, when a key is
    // popped, the key visited last one level up is its parent (the parent's
    // later siblings are still below it on the stack), so the parent's path
    // is path's first pathLength[depth - 1] bytes.
    struct Frame {
        uint32_t offset;
        unsigned depth;
    };
    std::vector<Frame> stack;
    std::vector<size_t> pathLength;
    std::vector<uint32_t> children;
    std::string path;
    stack.push_back(Frame{start, 0});
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const uint64_t fileOffset = fileOffsetOf(f.offset).value;
        if (markSeen(f.offset)) {
            if (sink) sink->error("key at " + hexOffset(fileOffset) + " is reached twice (a cycle or a shared subkey); visited once", fileOffset);
            continue;
        }
        auto key = hive_.keyNode(f.offset);
        if (!key) {
            if (sink) sink->error(key.error());
            continue;
        }
        if (f.depth == 0) {
            path = startPath;
        } else {
            path.resize(pathLength[f.depth - 1]);
            if (!path.empty()) path += '\\';
            path += escape_ ? escape_(key->nameUtf8()) : key->nameUtf8();
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
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(Frame{*it, f.depth + 1});
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
