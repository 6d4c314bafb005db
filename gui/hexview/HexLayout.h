// The hex view's geometry, free of Qt (Okteta's split): which byte of the
// file sits on which line and in which character column of the offset, hex
// and ASCII columns, and back; which lines a viewport shows. The widget only
// multiplies these character positions by its font's metrics.
#pragma once

#include <cstdint>
#include <optional>

namespace hivekit::gui {

/// Lines of `bytesPerLine()` bytes over a file of `size()` bytes, laid out in
/// character cells as
///
///     00001020  78 ff ff ff 6e 6b 2c 00  b6 d4 0a a9 58 12 cd 01  x...nk,.....X...
///     ^offset   ^hex (a space between bytes, two between the halves)   ^ASCII
///
/// All offsets are absolute file offsets. Pure arithmetic: no painting, no
/// allocation, usable on a file of any size (a 4 GB hive has 268 million
/// lines).
class HexLayout {
public:
    static constexpr int kDefaultBytesPerLine = 16;
    /// Blank characters between the offset, hex and ASCII columns.
    static constexpr int kColumnGap = 2;

    /// REQUIRES: bytesPerLine >= 1, even (the hex column splits in halves).
    explicit HexLayout(uint64_t size = 0, int bytesPerLine = kDefaultBytesPerLine);

    void setSize(uint64_t size) { size_ = size; }
    uint64_t size() const { return size_; }
    int bytesPerLine() const { return bytesPerLine_; }

    /// Lines needed to show every byte (0 for an empty file).
    uint64_t lineCount() const;
    uint64_t lineOf(uint64_t offset) const { return offset / static_cast<uint64_t>(bytesPerLine_); }
    int byteInLine(uint64_t offset) const { return static_cast<int>(offset % static_cast<uint64_t>(bytesPerLine_)); }
    uint64_t lineStart(uint64_t line) const { return line * static_cast<uint64_t>(bytesPerLine_); }
    /// Bytes on `line` that exist in the file (the last line may be short).
    int bytesOnLine(uint64_t line) const;
    /// The offset of `byte` on `line`, or nothing past the end of the file.
    std::optional<uint64_t> offsetAt(uint64_t line, int byte) const;

    /// Hex digits in the offset column: 8, more for files past 4 GB.
    int offsetDigits() const;
    int hexStart() const { return offsetDigits() + kColumnGap; }
    /// Column of the first hex digit of byte `byte` (0-based in the line).
    int hexColumn(int byte) const;
    /// Characters from the first to the last hex digit of a full line.
    int hexWidth() const;
    int asciiStart() const { return hexStart() + hexWidth() + kColumnGap; }
    int asciiColumn(int byte) const { return asciiStart() + byte; }
    /// Characters of a whole line.
    int lineWidth() const { return asciiStart() + bytesPerLine_; }

    enum class Area { Offset, Hex, Ascii, Outside };
    struct Hit {
        Area area = Area::Outside;
        int byte = -1;  ///< the byte in the line, for Hex and Ascii
    };
    /// What lies at character column `column` (fractional: a pixel divided
    /// by the character width). In the hex column each byte owns its two
    /// digits and the space after them, so no click falls between bytes.
    Hit hitTest(double column) const;

    /// Lines [first, last) that a viewport of `viewportHeight` pixels shows
    /// when line `topLine` is at the top, with lines `lineHeight` pixels
    /// high (a partly visible last line counts), clipped to the file.
    struct LineRange {
        uint64_t first = 0;
        uint64_t last = 0;
        uint64_t count() const { return last - first; }
        bool contains(uint64_t line) const { return line >= first && line < last; }
    };
    LineRange visibleLines(uint64_t topLine, int viewportHeight, int lineHeight) const;
    /// Lines fully visible in a viewport (at least 1).
    static uint64_t fullLines(int viewportHeight, int lineHeight);

    /// The top line that brings `offset` into view: unchanged when its line
    /// is already among the `pageLines` fully visible lines from `topLine`,
    /// else the line placed a third of the way down the page (context
    /// above it), clipped so the view does not scroll past the end.
    uint64_t scrollTopFor(uint64_t offset, uint64_t topLine, uint64_t pageLines) const;
    /// The largest useful top line for a page of `pageLines` lines.
    uint64_t maxTopLine(uint64_t pageLines) const;

private:
    uint64_t size_;
    int bytesPerLine_;
};

}  // namespace hivekit::gui
