// The Windows upcase table (RtlUpcaseUnicodeChar), as runs of units that map
// by a constant offset, expanded at compile time into a 64K lookup table.
//
// Which table: the one Windows 7 and later use, identical to the $UpCase
// file NTFS writes since Windows 7 (Windows 8's $UpCase has MD5
// 7ff498a44e45e77374cc7c962b1b92f2; the table expanded from these runs,
// written as 65536 little-endian units, has that MD5). It differs from the
// Windows XP and Vista tables in a few places, the one most likely to matter
// being U+03C2 final sigma: XP and Vista map it to U+03A3, Windows 7 and later
// leave it alone. The modern table is a one-to-one map: no two units upcase
// to the same unit, and upcasing twice equals upcasing once.
//
// Facts, for the reader checking this data:
// - a-z -> A-Z; U+00E0-U+00FE -> -0x20 except U+00F7 (division sign);
//   U+00FF -> U+0178. U+00B5, U+00DF, U+0131, U+017F, U+01C5, U+01C8, U+01CB,
//   U+01F2, U+0345 and U+03C2 map to themselves.
// - Surrogates (U+D800-U+DFFF) and everything outside these runs map to
//   themselves: no supplementary-plane character is upcased.
// - The runs were derived from the published description of the $UpCase
//   tables of Windows XP, Vista and 7 (the changes of each version over the
//   previous one) and checked against the MD5 sums of real $UpCase files of
//   XP, Vista and Windows 8. Every lh hash in the test hives (Windows 10
//   SYSTEM, NTUSER and Amcache hives) agrees with it.
#include "format/Names.h"

#include <cstddef>
#include <cstdint>

namespace hivekit {
namespace {

/// Units first, first + step, ..., up to last (inclusive) upcase to unit + delta.
struct UpcaseRun {
    char16_t first;
    char16_t last;
    uint8_t step;   ///< 1: every unit; 2: every other unit (lower/upper pairs)
    int32_t delta;  ///< added to the unit; the result always lies in 0..0xFFFF
};

// Sorted by first; runs do not overlap.
constexpr UpcaseRun kRuns[] = {
    // Basic Latin
    {0x0061, 0x007A, 1, -32},
    // Latin-1 Supplement
    {0x00E0, 0x00F6, 1, -32},
    {0x00F8, 0x00FE, 1, -32},
    {0x00FF, 0x00FF, 1, 121},
    // Latin Extended-A and -B
    {0x0101, 0x012F, 2, -1},
    {0x0133, 0x0137, 2, -1},
    {0x013A, 0x0148, 2, -1},
    {0x014B, 0x0177, 2, -1},
    {0x017A, 0x017E, 2, -1},
    {0x0180, 0x0180, 1, 195},
    {0x0183, 0x0185, 2, -1},
    {0x0188, 0x0188, 1, -1},
    {0x018C, 0x018C, 1, -1},
    {0x0192, 0x0192, 1, -1},
    {0x0195, 0x0195, 1, 97},
    {0x0199, 0x0199, 1, -1},
    {0x019A, 0x019A, 1, 163},
    {0x019E, 0x019E, 1, 130},
    {0x01A1, 0x01A5, 2, -1},
    {0x01A8, 0x01A8, 1, -1},
    {0x01AD, 0x01AD, 1, -1},
    {0x01B0, 0x01B0, 1, -1},
    {0x01B4, 0x01B6, 2, -1},
    {0x01B9, 0x01B9, 1, -1},
    {0x01BD, 0x01BD, 1, -1},
    {0x01BF, 0x01BF, 1, 56},
    {0x01C6, 0x01C6, 1, -2},
    {0x01C9, 0x01C9, 1, -2},
    {0x01CC, 0x01CC, 1, -2},
    {0x01CE, 0x01DC, 2, -1},
    {0x01DD, 0x01DD, 1, -79},
    {0x01DF, 0x01EF, 2, -1},
    {0x01F3, 0x01F3, 1, -2},
    {0x01F5, 0x01F5, 1, -1},
    {0x01F9, 0x021F, 2, -1},
    {0x0223, 0x0233, 2, -1},
    {0x023C, 0x023C, 1, -1},
    {0x0242, 0x0242, 1, -1},
    {0x0247, 0x024F, 2, -1},
    // IPA Extensions
    {0x0250, 0x0250, 1, 10783},
    {0x0251, 0x0251, 1, 10780},
    {0x0253, 0x0253, 1, -210},
    {0x0254, 0x0254, 1, -206},
    {0x0256, 0x0257, 1, -205},
    {0x0259, 0x0259, 1, -202},
    {0x025B, 0x025B, 1, -203},
    {0x0260, 0x0260, 1, -205},
    {0x0263, 0x0263, 1, -207},
    {0x0268, 0x0268, 1, -209},
    {0x0269, 0x0269, 1, -211},
    {0x026B, 0x026B, 1, 10743},
    {0x026F, 0x026F, 1, -211},
    {0x0271, 0x0271, 1, 10749},
    {0x0272, 0x0272, 1, -213},
    {0x0275, 0x0275, 1, -214},
    {0x027D, 0x027D, 1, 10727},
    {0x0280, 0x0280, 1, -218},
    {0x0283, 0x0283, 1, -218},
    {0x0288, 0x0288, 1, -218},
    {0x0289, 0x0289, 1, -69},
    {0x028A, 0x028B, 1, -217},
    {0x028C, 0x028C, 1, -71},
    {0x0292, 0x0292, 1, -219},
    // Greek and Coptic
    {0x0371, 0x0373, 2, -1},
    {0x0377, 0x0377, 1, -1},
    {0x037B, 0x037D, 1, 130},
    {0x03AC, 0x03AC, 1, -38},
    {0x03AD, 0x03AF, 1, -37},
    {0x03B1, 0x03C1, 1, -32},
    {0x03C3, 0x03CB, 1, -32},
    {0x03CC, 0x03CC, 1, -64},
    {0x03CD, 0x03CE, 1, -63},
    {0x03D7, 0x03D7, 1, -8},
    {0x03D9, 0x03EF, 2, -1},
    {0x03F2, 0x03F2, 1, 7},
    {0x03F8, 0x03F8, 1, -1},
    {0x03FB, 0x03FB, 1, -1},
    // Cyrillic and Cyrillic Supplement
    {0x0430, 0x044F, 1, -32},
    {0x0450, 0x045F, 1, -80},
    {0x0461, 0x0481, 2, -1},
    {0x048B, 0x04BF, 2, -1},
    {0x04C2, 0x04CE, 2, -1},
    {0x04CF, 0x04CF, 1, -15},
    {0x04D1, 0x0523, 2, -1},
    // Armenian
    {0x0561, 0x0586, 1, -48},
    // Phonetic Extensions
    {0x1D79, 0x1D79, 1, 35332},
    {0x1D7D, 0x1D7D, 1, 3814},
    // Latin Extended Additional
    {0x1E01, 0x1E95, 2, -1},
    {0x1EA1, 0x1EFF, 2, -1},
    // Greek Extended
    {0x1F00, 0x1F07, 1, 8},
    {0x1F10, 0x1F15, 1, 8},
    {0x1F20, 0x1F27, 1, 8},
    {0x1F30, 0x1F37, 1, 8},
    {0x1F40, 0x1F45, 1, 8},
    {0x1F51, 0x1F57, 2, 8},
    {0x1F60, 0x1F67, 1, 8},
    {0x1F70, 0x1F71, 1, 74},
    {0x1F72, 0x1F75, 1, 86},
    {0x1F76, 0x1F77, 1, 100},
    {0x1F78, 0x1F79, 1, 128},
    {0x1F7A, 0x1F7B, 1, 112},
    {0x1F7C, 0x1F7D, 1, 126},
    {0x1F80, 0x1F87, 1, 8},
    {0x1F90, 0x1F97, 1, 8},
    {0x1FA0, 0x1FA7, 1, 8},
    {0x1FB0, 0x1FB1, 1, 8},
    {0x1FB3, 0x1FB3, 1, 9},
    {0x1FC3, 0x1FC3, 1, 9},
    {0x1FD0, 0x1FD1, 1, 8},
    {0x1FE0, 0x1FE1, 1, 8},
    {0x1FE5, 0x1FE5, 1, 7},
    {0x1FF3, 0x1FF3, 1, 9},
    // Letterlike Symbols and Number Forms
    {0x214E, 0x214E, 1, -28},
    {0x2170, 0x217F, 1, -16},
    {0x2184, 0x2184, 1, -1},
    // Enclosed Alphanumerics
    {0x24D0, 0x24E9, 1, -26},
    // Glagolitic
    {0x2C30, 0x2C5E, 1, -48},
    // Latin Extended-C
    {0x2C61, 0x2C61, 1, -1},
    {0x2C65, 0x2C65, 1, -10795},
    {0x2C66, 0x2C66, 1, -10792},
    {0x2C68, 0x2C6C, 2, -1},
    {0x2C73, 0x2C73, 1, -1},
    {0x2C76, 0x2C76, 1, -1},
    // Coptic
    {0x2C81, 0x2CE3, 2, -1},
    // Georgian Supplement
    {0x2D00, 0x2D25, 1, -7264},
    // Cyrillic Extended-B
    {0xA641, 0xA65F, 2, -1},
    {0xA663, 0xA66D, 2, -1},
    {0xA681, 0xA697, 2, -1},
    // Latin Extended-D
    {0xA723, 0xA72F, 2, -1},
    {0xA733, 0xA76F, 2, -1},
    {0xA77A, 0xA77C, 2, -1},
    {0xA77F, 0xA787, 2, -1},
    {0xA78C, 0xA78C, 1, -1},
    // Halfwidth and Fullwidth Forms
    {0xFF41, 0xFF5A, 1, -32},
};

constexpr std::array<char16_t, 0x10000> buildTable() {
    std::array<char16_t, 0x10000> table{};
    for (size_t c = 0; c < table.size(); ++c) table[c] = static_cast<char16_t>(c);
    for (const UpcaseRun& run : kRuns) {
        for (uint32_t c = run.first; c <= run.last; c += run.step)
            table[c] = static_cast<char16_t>(static_cast<int32_t>(c) + run.delta);
    }
    return table;
}

constexpr bool runsAreWellFormed() {
    uint32_t previousLast = 0;
    bool first = true;
    for (const UpcaseRun& run : kRuns) {
        if (run.first > run.last || (run.step != 1 && run.step != 2)) return false;
        if ((run.last - run.first) % run.step != 0) return false;
        if (!first && run.first <= previousLast) return false;
        const int32_t lo = static_cast<int32_t>(run.first) + run.delta;
        const int32_t hi = static_cast<int32_t>(run.last) + run.delta;
        if (lo < 0 || hi > 0xFFFF) return false;
        previousLast = run.last;
        first = false;
    }
    return true;
}
static_assert(runsAreWellFormed(), "upcase runs must be sorted, disjoint and map inside 0..0xFFFF");

}  // namespace

namespace detail {
constinit const std::array<char16_t, 0x10000> kWindowsUpcase = buildTable();
}  // namespace detail

}  // namespace hivekit
