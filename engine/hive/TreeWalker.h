// Depth-first walk of the key tree, safe on damaged hives: a key reached
// twice (a cycle, or a key listed by two parents) is visited once, depth is
// bounded, and every problem goes to the diagnostics.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hive/Hive.h"

namespace hivekit {

/// What the visitor sees for each key.
struct WalkedKey {
    uint32_t offset = 0;
    const KeyNode* node = nullptr;
    /// Path from the walk's start, names joined by '\' (UTF-8); empty for the start key.
    const std::string* path = nullptr;
    unsigned depth = 0;
    /// The key's subkeys, in list order, as the walk read them to descend;
    /// null when it does not descend (no subkeys, or too deep). Valid only
    /// during the visit.
    const std::vector<uint32_t>* subkeys = nullptr;
};

/// Walks the tree under `start` (the root by default) in on-disk list
/// order, calling `visit` before descending. Returning false from `visit`
/// skips that key's subtree.
class TreeWalker {
public:
    explicit TreeWalker(const Hive& hive) : hive_(hive) {}

    /// Deeper nesting than Windows allows (512) is reported and cut.
    static constexpr unsigned kMaxDepth = 512;

    /// Paths are built from names passed through `escape` (identity by
    /// default), so a dump can escape each name before it is joined.
    void setNameEscaper(std::function<std::string(const std::string&)> escape) { escape_ = std::move(escape); }
    /// Appends a key's name, as stored (Latin-1 when `compressed`, else
    /// UTF-16LE), to a path as it should read there (UTF-8).
    using NameAppender = void (*)(std::string& path, Bytes stored, bool compressed);
    /// Instead of an escaper: names are appended by `append`, without a
    /// string per name (a dump of the whole hive).
    void setNameAppender(NameAppender append) { append_ = append; }

    void walk(const std::function<bool(const WalkedKey&)>& visit, Diagnostics* sink = nullptr);
    void walkFrom(uint32_t start, const std::string& startPath, const std::function<bool(const WalkedKey&)>& visit,
                  Diagnostics* sink = nullptr);

private:
    const Hive& hive_;
    std::function<std::string(const std::string&)> escape_;
    NameAppender append_ = nullptr;
};

/// The path of the key at `keyOffset` from the root (names joined by '\',
/// UTF-8; empty for the root), by its parent chain. Fails when a key of the
/// chain cannot be read or the chain loops, so it is bounded on any input.
Result<std::string> keyPathOf(const Hive& hive, uint32_t keyOffset);

}  // namespace hivekit
