// A hive with a key unlinked from its parent's subkey list but never freed:
// an allocated cell that nothing references, the place the deleted scan
// finds only through the checker's ownership.
#pragma once
#include <cstddef>

#include "format/Layout.h"
#include "support/HiveBuilder.h"

namespace testsupport {

/// Root with subkeys Alpha and Zulu, then Zulu dropped from the root's list
/// (count 1) with its cells left allocated. `gone` is Zulu's builder index.
inline BuiltHive builtWithUnlinkedKey(size_t& gone) {
    HiveBuilder b;
    b.addKey(HiveBuilder::kRoot, u"Alpha");
    gone = b.addKey(HiveBuilder::kRoot, u"Zulu");
    BuiltHive built = b.build();
    const BuiltKey& root = built.key(HiveBuilder::kRoot);
    built.pokeField32(root.nk, hivekit::layout::nk::SubkeyCount, 1);
    built.pokeField16(root.subkeyList, hivekit::layout::list::Count, 1);
    return built;
}

}  // namespace testsupport
