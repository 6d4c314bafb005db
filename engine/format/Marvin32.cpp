#include "format/Marvin32.h"

#include <bit>

namespace hivekit {

namespace {

// One round of Marvin's mixing function on the two 32-bit halves of the state.
void mix(uint32_t& lo, uint32_t& hi, uint32_t word) {
    lo += word;
    hi ^= lo;
    lo = std::rotl(lo, 20);
    lo += hi;
    hi = std::rotl(hi, 9);
    hi ^= lo;
    lo = std::rotl(lo, 27);
    lo += hi;
    hi = std::rotl(hi, 19);
}

}  // namespace

uint64_t marvin32(Bytes data, uint64_t seed) {
    uint32_t lo = static_cast<uint32_t>(seed);
    uint32_t hi = static_cast<uint32_t>(seed >> 32);
    size_t at = 0;
    for (; data.size() - at >= 4; at += 4) mix(lo, hi, loadU32(data.data() + at));
    // The 0-3 trailing bytes are closed by a 0x80 byte, then one all-zero
    // word: the padding that makes every length hash differently.
    uint32_t last = 0x80;
    for (size_t i = data.size(); i > at; --i) last = (last << 8) | data[i - 1];
    mix(lo, hi, last);
    mix(lo, hi, 0);
    return (uint64_t{hi} << 32) | lo;
}

}  // namespace hivekit
