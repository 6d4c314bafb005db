// UTF-8 sequences, as the engine reads them: WTF-8, where a UTF-16
// surrogate that has no partner is encoded on its own in three bytes (names
// in hives may hold such units, and they must survive a round trip).
#pragma once

#include <cstddef>
#include <string_view>

namespace hivekit {

/// The UTF-8 (WTF-8: surrogates encoded on their own are accepted) sequence
/// that starts at text[i]: the length its first byte announces (0 when that
/// byte cannot start one) and how many of its bytes are well-formed, the
/// first included (== length for a whole sequence; otherwise the maximal
/// ill-formed subpart, which Unicode replaces by one U+FFFD).
struct Utf8Sequence {
    size_t length = 0;
    size_t valid = 0;
    bool wellFormed() const { return length != 0 && valid == length; }
};
/// REQUIRES: i < text.size().
Utf8Sequence utf8SequenceAt(std::string_view text, size_t i);

}  // namespace hivekit
