// The one way HiveKit gets address space at a 2 MiB boundary (ZeroedPages'
// memory, FileMapping::load's mapping): only a range aligned at both ends
// can be held by huge pages or PMD entries throughout.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hivekit {

/// `length` bytes (a multiple of 2 MiB) of private anonymous memory with
/// protection `prot` (and mmap flags `extraFlags`, e.g. MAP_NORESERVE),
/// starting at a 2 MiB boundary; null when the system refuses. Release
/// with munmap(p, length).
uint8_t* mapAtHugePageBoundary(size_t length, int prot, int extraFlags = 0);

}  // namespace hivekit
