// Marvin32: the keyed 64-bit hash that guards the entries of new-format
// ("HvLE") transaction logs.
#pragma once

#include <cstdint>

#include "format/ByteReader.h"

namespace hivekit {

/// The seed Windows uses for both hashes of a log entry. The specification
/// lists it as the bytes 82 EF 4D 88 7A 4E 55 C5, most significant first;
/// the hashes stored in real logs confirm this reading.
inline constexpr uint64_t kLogEntryMarvinSeed = 0x82EF4D887A4E55C5ULL;

/// Marvin32 of `data` with `seed`, as (high state << 32) | low state, the
/// form .NET's Marvin.ComputeHash and the log entries store. The low 32 bits
/// of the seed start the low state, the high 32 bits the high state.
uint64_t marvin32(Bytes data, uint64_t seed = kLogEntryMarvinSeed);

}  // namespace hivekit
