// Prints the names of the root key's subkeys of the hive given on the
// command line, through the installed engine's headers and library.
#include <cstdio>

#include "hive/Hive.h"
#include "index/Index.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: list-root HIVE PATH\n");
        return 2;
    }
    auto hive = hivekit::Hive::open(argv[1]);
    if (!hive) {
        std::fprintf(stderr, "list-root: %s\n", hive.error().message.c_str());
        return 3;
    }
    hivekit::Index index(**hive);
    auto keyOffset = index.findKey(argv[2]);
    if (!keyOffset) {
        std::fprintf(stderr, "list-root: %s\n", keyOffset.error().message.c_str());
        return 1;
    }
    auto key = (*hive)->keyNode(*keyOffset);
    if (!key) return 1;
    for (uint32_t offset : (*hive)->subkeys(*key)) {
        auto subkey = (*hive)->keyNode(offset);
        if (subkey) std::printf("%s\n", subkey->nameUtf8().c_str());
    }
    return 0;
}
