#include "hive/TreeWalker.h"

#include <vector>

#include "format/Layout.h"

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
    struct Frame {
        uint32_t offset;
        std::string path;
        unsigned depth;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame{start, startPath, 0});
    while (!stack.empty()) {
        Frame f = std::move(stack.back());
        stack.pop_back();
        const uint64_t fileOffset = uint64_t{f.offset} + layout::kBaseBlockSize;
        if (markSeen(f.offset)) {
            if (sink) sink->error("key at " + hexOffset(fileOffset) + " is reached twice (a cycle or a shared subkey); visited once", fileOffset);
            continue;
        }
        auto key = hive_.keyNode(f.offset);
        if (!key) {
            if (sink) sink->error(key.error());
            continue;
        }
        WalkedKey w{f.offset, &*key, &f.path, f.depth};
        if (!visit(w)) continue;
        if (key->subkeyCount == 0) continue;
        if (f.depth + 1 > kMaxDepth) {
            if (sink) sink->error("key at " + hexOffset(fileOffset) + " is nested deeper than 512 levels; its subkeys are not read", fileOffset);
            continue;
        }
        std::vector<uint32_t> children = hive_.subkeys(*key, sink);
        for (auto it = children.rbegin(); it != children.rend(); ++it) {
            auto child = hive_.keyNode(*it);
            std::string name = child ? child->nameUtf8() : std::string("?");
            if (escape_) name = escape_(name);
            stack.push_back(Frame{*it, f.path.empty() ? name : f.path + "\\" + name, f.depth + 1});
        }
    }
}

}  // namespace hivekit
