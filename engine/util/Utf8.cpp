#include "util/Utf8.h"

#include <cstdint>

namespace hivekit {

namespace {
bool isContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }
}  // namespace

Utf8Sequence utf8SequenceAt(std::string_view text, size_t i) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    const uint8_t b0 = p[i];
    if (b0 < 0x80) return {1, 1};
    // Length and the allowed range of the second byte (Unicode Table 3-7,
    // widened for ED so that 3-byte surrogates decode: WTF-8).
    Utf8Sequence seq;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        seq.length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        seq.length = 3;
        if (b0 == 0xE0) lo = 0xA0;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        seq.length = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return seq;
    }
    seq.valid = 1;
    while (seq.valid < seq.length && i + seq.valid < n) {
        const uint8_t b = p[i + seq.valid];
        const bool fits = seq.valid == 1 ? (b >= lo && b <= hi) : isContinuation(b);
        if (!fits) break;
        ++seq.valid;
    }
    return seq;
}

}  // namespace hivekit
