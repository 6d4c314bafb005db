// Key and value names: Latin-1 "compressed" and UTF-16LE storage, their
// conversion to UTF-8, and comparison under the Windows upcase rules.
//
// Windows compares key names unit by unit after mapping each UTF-16 unit
// through its upcase table (RtlUpcaseUnicodeChar; the same table NTFS writes
// as $UpCase on Windows 7 and later). That table is not towupper and not full
// Unicode case mapping: it maps one unit to one unit (one to one: no two
// units share an upcase), never touches surrogate units, and leaves alone
// characters that towupper would change, such as U+00B5 micro sign, U+0131
// dotless i, U+017F long s, U+03C2 final sigma and title-case digraphs like
// U+01C5. See UpcaseTable.cpp.
//
// Name storage choices made here:
// - UTF-16LE names of odd byte length: the last byte becomes a unit of its
//   own, 0x00XX (as if padded with a zero high byte), so that nothing stored
//   is lost and the name still hashes and sorts deterministically.
// - Embedded NULs are ordinary units: kept in every conversion.
// - Unpaired surrogates survive UTF-16 -> UTF-8 -> UTF-16 unchanged (WTF-8).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/ByteReader.h"
#include "util/Utf8.h"

namespace hivekit {

/// Decodes a stored name to UTF-16 code units: Latin-1 bytes widen one to
/// one; UTF-16LE is taken unit by unit (an odd trailing byte is kept as a
/// unit of its own so that nothing is lost).
std::u16string decodeName(Bytes stored, bool compressed);

/// UTF-16 to UTF-8. Unpaired surrogates are kept as their 3-byte generalized
/// UTF-8 form (WTF-8), so the conversion is lossless and reversible.
std::string utf16ToUtf8(std::u16string_view units);
/// UTF-8 (or WTF-8) to UTF-16; invalid bytes become U+FFFD (one U+FFFD per
/// maximal ill-formed subpart, as Unicode recommends). A surrogate encoded
/// on its own in 3 bytes is accepted and yields that unit.
std::u16string utf8ToUtf16(std::string_view text);
/// utf8ToUtf16(text) appended to `out` as UTF-16LE bytes, without the
/// u16string in between (a streaming .reg export).
void appendUtf16le(std::string_view text, std::vector<uint8_t>& out);

// utf8SequenceAt (util/Utf8.h) tells where each UTF-8 sequence ends.

/// Latin-1 bytes to UTF-8.
std::string latin1ToUtf8(Bytes bytes);

/// UTF-16LE bytes to UTF-16 units (an odd trailing byte becomes a unit).
std::u16string utf16leUnits(Bytes bytes);
/// utf16ToUtf8(utf16leUnits(bytes)) in one pass, allocated once.
std::string utf16leToUtf8(Bytes bytes);
/// A stored name (Latin-1 when compressed, else UTF-16LE) as UTF-8:
/// utf16ToUtf8(decodeName(stored, compressed)) without the detour.
std::string storedNameUtf8(Bytes stored, bool compressed);
/// storedNameUtf8(stored, compressed) appended to `out`: a walk that joins
/// names into paths and lines needs no string per name.
void appendStoredNameUtf8(std::string& out, Bytes stored, bool compressed);
/// The most bytes storedNameUtf8 can give for a stored name of `storedSize`
/// bytes (Latin-1 doubles at most, UTF-16 grows by half at most).
constexpr size_t maxStoredNameUtf8Size(size_t storedSize) { return 2 * storedSize + 2; }
/// storedNameUtf8(stored, compressed) written at `p`, which has room for
/// maxStoredNameUtf8Size(stored.size()) bytes; returns the end of what was
/// written. For a line built in place, field by field.
char* putStoredNameUtf8(char* p, Bytes stored, bool compressed);

namespace detail {
/// The Windows upcase table: entry c is the upcase of unit c. Built at
/// compile time (UpcaseTable.cpp), so it is usable during static init.
extern const std::array<char16_t, 0x10000> kWindowsUpcase;
}  // namespace detail

/// The Windows upcase of one UTF-16 unit (RtlUpcaseUnicodeChar's table).
/// Inline: it is on the hot path of every path lookup.
inline char16_t windowsUpcase(char16_t c) { return detail::kWindowsUpcase[c]; }

/// Compares two names the way Windows orders subkey lists: unit by unit
/// after upcasing, as unsigned 16-bit numbers; a proper prefix sorts first.
/// Negative, zero or positive. Never allocates.
int compareNames(std::u16string_view a, std::u16string_view b);

/// True when both names are equal under the Windows upcase rules.
inline bool namesEqual(std::u16string_view a, std::u16string_view b) { return compareNames(a, b) == 0; }

/// compareNames(decodeName(stored, compressed), name) without decoding or
/// allocating: for comparing a name as stored in an nk cell to a wanted one.
int compareStoredName(Bytes stored, bool compressed, std::u16string_view name);

/// The hash stored in lh lists: h = h * 37 + upcase(unit), over UTF-16 units
/// (uint32 wrap-around).
uint32_t lhHash(std::u16string_view name);

/// lhHash(decodeName(stored, compressed)) without allocating.
uint32_t lhHashStored(Bytes stored, bool compressed);

/// True when every unit fits Latin-1, so the name may be stored compressed.
bool fitsLatin1(std::u16string_view name);

/// UTF-16 units as UTF-16LE bytes (no terminator).
std::vector<uint8_t> utf16leBytes(std::u16string_view units);

/// A name as stored in an nk or vk: its bytes and whether they are Latin-1.
struct StoredName {
    std::vector<uint8_t> bytes;
    bool compressed = false;
};

/// The stored form of a name, the inverse of decodeName: Latin-1 when every
/// unit fits (compressed), else UTF-16LE.
StoredName encodeStoredName(std::u16string_view name);

}  // namespace hivekit
