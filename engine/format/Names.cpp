// Name decoding, UTF-8 (WTF-8) conversion and Windows name comparison.
#include "format/Names.h"

#include <algorithm>
#include <cstddef>

namespace hivekit {
namespace {

constexpr char16_t kReplacement = 0xFFFD;

bool isLeadSurrogate(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool isTrailSurrogate(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// The unit at index i of a stored name, as decodeName would produce it.
// REQUIRES: i < storedUnitCount(stored, compressed).
char16_t storedUnit(Bytes stored, bool compressed, size_t i) {
    if (compressed) return stored[i];
    const size_t at = 2 * i;
    if (at + 1 < stored.size()) return static_cast<char16_t>(loadU16(stored.data() + at));
    return stored[at];  // the odd trailing byte, a unit of its own
}

size_t storedUnitCount(Bytes stored, bool compressed) {
    return compressed ? stored.size() : (stored.size() + 1) / 2;
}

}  // namespace

std::u16string decodeName(Bytes stored, bool compressed) {
    if (!compressed) return utf16leUnits(stored);
    std::u16string units(stored.size(), u'\0');
    for (size_t i = 0; i < stored.size(); ++i) units[i] = stored[i];
    return units;
}

std::u16string utf16leUnits(Bytes bytes) {
    std::u16string units((bytes.size() + 1) / 2, u'\0');
    const size_t pairs = bytes.size() / 2;
    for (size_t i = 0; i < pairs; ++i) units[i] = static_cast<char16_t>(loadU16(bytes.data() + 2 * i));
    if (bytes.size() % 2 != 0) units[pairs] = bytes.back();
    return units;
}

namespace {

size_t utf8Length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

char* putUtf8(char* p, uint32_t cp) {
    if (cp < 0x80) {
        *p++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *p++ = static_cast<char>(0xC0 | (cp >> 6));
        *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *p++ = static_cast<char>(0xE0 | (cp >> 12));
        *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *p++ = static_cast<char>(0xF0 | (cp >> 18));
        *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return p;
}

// Visits the code points of `count` UTF-16 units, unit(i) giving each:
// a surrogate pair is one code point, an unpaired surrogate stands for
// itself (WTF-8).
template <class Unit, class Visit>
void forEachCodePoint(size_t count, Unit unit, Visit visit) {
    for (size_t i = 0; i < count; ++i) {
        const uint32_t u = unit(i);
        if (isLeadSurrogate(u) && i + 1 < count) {
            const uint32_t next = unit(i + 1);
            if (isTrailSurrogate(next)) {
                visit(0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00));
                ++i;
                continue;
            }
        }
        visit(u);
    }
}

// Two passes: the exact length first, so that the string is allocated once
// (and short names stay in its inline buffer), then the bytes.
template <class Unit>
std::string unitsToUtf8(size_t count, Unit unit) {
    size_t size = 0;
    forEachCodePoint(count, unit, [&](uint32_t cp) { size += utf8Length(cp); });
    std::string out(size, '\0');
    char* p = out.data();
    forEachCodePoint(count, unit, [&](uint32_t cp) { p = putUtf8(p, cp); });
    return out;
}

}  // namespace

std::string utf16ToUtf8(std::u16string_view units) {
    return unitsToUtf8(units.size(), [units](size_t i) -> uint32_t { return units[i]; });
}

std::string utf16leToUtf8(Bytes bytes) {
    // As utf16ToUtf8(utf16leUnits(bytes)), without the intermediate string.
    const uint8_t* p = bytes.data();
    const size_t pairs = bytes.size() / 2;
    const bool odd = bytes.size() % 2 != 0;
    return unitsToUtf8(pairs + (odd ? 1 : 0), [p, pairs](size_t i) -> uint32_t {
        return i < pairs ? loadU16(p + 2 * i) : p[2 * i];
    });
}

std::string storedNameUtf8(Bytes stored, bool compressed) {
    return compressed ? latin1ToUtf8(stored) : utf16leToUtf8(stored);
}

char* putStoredNameUtf8(char* p, Bytes stored, bool compressed) {
    const uint8_t* p0 = stored.data();
    const size_t n = stored.size();
    if (compressed) {
        for (size_t i = 0; i < n; ++i) {
            const uint8_t b = p0[i];
            if (b < 0x80) {
                *p++ = static_cast<char>(b);
            } else {
                *p++ = static_cast<char>(0xC0 | (b >> 6));
                *p++ = static_cast<char>(0x80 | (b & 0x3F));
            }
        }
        return p;
    }
    const size_t pairs = n / 2;
    const size_t count = pairs + (n % 2 != 0 ? 1 : 0);
    auto unit = [p0, pairs](size_t i) -> uint32_t { return i < pairs ? loadU16(p0 + 2 * i) : p0[2 * i]; };
    forEachCodePoint(count, unit, [&](uint32_t cp) { p = putUtf8(p, cp); });
    return p;
}

void appendStoredNameUtf8(std::string& out, Bytes stored, bool compressed) {
    const size_t at = out.size();
    // Sized for the longest result and cut to the real one: no zero-fill,
    // no pass to count first.
    out.resize_and_overwrite(at + maxStoredNameUtf8Size(stored.size()), [&](char* base, size_t) {
        return static_cast<size_t>(putStoredNameUtf8(base + at, stored, compressed) - base);
    });
}

namespace {
/// UTF-8 to UTF-16 units, each handed to `put`: the one decoder behind
/// utf8ToUtf16 and appendUtf16le, so that both give the same units.
template <class Put>
void decodeUtf8(std::string_view text, Put&& put) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        const uint8_t b0 = p[i];
        if (b0 < 0x80) {
            put(static_cast<char16_t>(b0));
            ++i;
            continue;
        }
        const Utf8Sequence seq = utf8SequenceAt(text, i);
        if (!seq.wellFormed()) {
            // 0x80-0xC1 and 0xF5-0xFF never start a sequence; a broken one
            // yields one U+FFFD for its valid prefix.
            put(kReplacement);
            i += seq.valid ? seq.valid : 1;
            continue;
        }
        const size_t len = seq.length;
        uint32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
        if (cp < 0x10000) {
            put(static_cast<char16_t>(cp));
        } else {
            cp -= 0x10000;
            put(static_cast<char16_t>(0xD800 + (cp >> 10)));
            put(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        }
        i += len;
    }
}
}  // namespace

std::u16string utf8ToUtf16(std::string_view text) {
    std::u16string out;
    out.reserve(text.size());
    decodeUtf8(text, [&](char16_t u) { out.push_back(u); });
    return out;
}

void appendUtf16le(std::string_view text, std::vector<uint8_t>& out) {
    const size_t at = out.size();
    out.resize(at + 2 * text.size());  // at most one unit per byte
    uint8_t* w = out.data() + at;
    decodeUtf8(text, [&](char16_t u) {
        w[0] = static_cast<uint8_t>(u);
        w[1] = static_cast<uint8_t>(u >> 8);
        w += 2;
    });
    out.resize(static_cast<size_t>(w - out.data()));
}

std::string latin1ToUtf8(Bytes bytes) {
    // Sized exactly before it is filled: names are short and mostly ASCII,
    // and an exact size keeps up to 15 bytes in the string itself (no
    // allocation), where reserving twice the length would not.
    const uint8_t* p0 = bytes.data();
    const size_t n = bytes.size();
    // All ASCII (nearly every name): a plain copy. Tested 8 bytes at a time.
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) high |= loadU64(p0 + i);
    for (; i < n; ++i) high |= p0[i];
    if (!(high & 0x8080808080808080u)) return std::string(reinterpret_cast<const char*>(p0), n);
    size_t size = n;
    for (uint8_t b : bytes) size += b >> 7;
    std::string out(size, '\0');
    char* p = out.data();
    for (uint8_t b : bytes) {
        if (b < 0x80) {
            *p++ = static_cast<char>(b);
        } else {
            *p++ = static_cast<char>(0xC0 | (b >> 6));
            *p++ = static_cast<char>(0x80 | (b & 0x3F));
        }
    }
    return out;
}

int compareNames(std::u16string_view a, std::u16string_view b) {
    const auto& table = detail::kWindowsUpcase;
    const size_t common = std::min(a.size(), b.size());
    for (size_t i = 0; i < common; ++i) {
        const int ua = table[a[i]];
        const int ub = table[b[i]];
        if (ua != ub) return ua - ub;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

int compareStoredName(Bytes stored, bool compressed, std::u16string_view name) {
    const auto& table = detail::kWindowsUpcase;
    const size_t count = storedUnitCount(stored, compressed);
    const size_t common = std::min(count, name.size());
    for (size_t i = 0; i < common; ++i) {
        const int ua = table[storedUnit(stored, compressed, i)];
        const int ub = table[name[i]];
        if (ua != ub) return ua - ub;
    }
    if (count == name.size()) return 0;
    return count < name.size() ? -1 : 1;
}

uint32_t lhHash(std::u16string_view name) {
    const auto& table = detail::kWindowsUpcase;
    uint32_t h = 0;
    for (char16_t u : name) h = h * 37 + table[u];
    return h;
}

uint32_t lhHashStored(Bytes stored, bool compressed) {
    const auto& table = detail::kWindowsUpcase;
    uint32_t h = 0;
    const size_t count = storedUnitCount(stored, compressed);
    for (size_t i = 0; i < count; ++i) h = h * 37 + table[storedUnit(stored, compressed, i)];
    return h;
}

bool fitsLatin1(std::u16string_view name) {
    return std::all_of(name.begin(), name.end(), [](char16_t u) { return u <= 0xFF; });
}

std::vector<uint8_t> utf16leBytes(std::u16string_view units) {
    std::vector<uint8_t> out(units.size() * 2);
    for (size_t i = 0; i < units.size(); ++i) storeU16(out.data() + 2 * i, static_cast<uint16_t>(units[i]));
    return out;
}

StoredName encodeStoredName(std::u16string_view name) {
    StoredName s;
    s.compressed = fitsLatin1(name);
    if (s.compressed) {
        s.bytes.reserve(name.size());
        for (char16_t c : name) s.bytes.push_back(static_cast<uint8_t>(c));
    } else {
        s.bytes = utf16leBytes(name);
    }
    return s;
}

}  // namespace hivekit
