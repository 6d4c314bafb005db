#include "util/JsonText.h"

#include <cstdint>
#include <cstdio>

#include "util/Utf8.h"

namespace hivekit {

namespace {
void appendEscape(std::string& out, unsigned unit) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", unit);
    out += buf;
}
}  // namespace

std::string jsonQuoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20)
                    appendEscape(out, c);
                else
                    out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const Utf8Sequence seq = utf8SequenceAt(text, i);
        if (!seq.wellFormed()) {
            // JSON is UTF-8: what is not becomes U+FFFD, one per maximal
            // ill-formed subpart, as the UTF-16 conversion does.
            appendEscape(out, 0xFFFD);
            i += seq.valid ? seq.valid : 1;
            continue;
        }
        if (seq.length == 3 && c == 0xED && static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
            // A lone surrogate (WTF-8): UTF-8 cannot carry it, a JSON
            // escape can, and a reader gets the name's unit back.
            const unsigned unit = (0xDu << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                  (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            appendEscape(out, unit);
        } else {
            out.append(text.substr(i, seq.length));
        }
        i += seq.length;
    }
    out += '"';
    return out;
}

}  // namespace hivekit
