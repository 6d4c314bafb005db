#include "hexview/HexLayout.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hivekit::gui {

HexLayout::HexLayout(uint64_t size, int bytesPerLine) : size_(size), bytesPerLine_(bytesPerLine) {
    assert(bytesPerLine >= 2 && bytesPerLine % 2 == 0);
}

uint64_t HexLayout::lineCount() const {
    const auto n = static_cast<uint64_t>(bytesPerLine_);
    return size_ / n + (size_ % n != 0 ? 1 : 0);
}

int HexLayout::bytesOnLine(uint64_t line) const {
    const uint64_t start = lineStart(line);
    if (start >= size_) return 0;
    return static_cast<int>(std::min<uint64_t>(size_ - start, static_cast<uint64_t>(bytesPerLine_)));
}

std::optional<uint64_t> HexLayout::offsetAt(uint64_t line, int byte) const {
    if (byte < 0 || byte >= bytesPerLine_) return std::nullopt;
    const uint64_t offset = lineStart(line) + static_cast<uint64_t>(byte);
    if (offset >= size_) return std::nullopt;
    return offset;
}

int HexLayout::offsetDigits() const {
    // The largest offset shown is size - 1; 8 digits cover every hive
    // (offsets are 32-bit), more only for whatever else is opened.
    int digits = 8;
    uint64_t last = size_ ? size_ - 1 : 0;
    while (digits < 16 && (last >> (4 * digits)) != 0) ++digits;
    return digits;
}

int HexLayout::hexColumn(int byte) const {
    // "xx " per byte, one more blank between the two halves of the line.
    return hexStart() + 3 * byte + (byte >= bytesPerLine_ / 2 ? 1 : 0);
}

int HexLayout::hexWidth() const {
    // "xx" and a blank per byte, less the last blank, plus the middle blank.
    return 3 * bytesPerLine_;
}

HexLayout::Hit HexLayout::hitTest(double column) const {
    if (column < 0) return {};
    if (column < offsetDigits()) return {Area::Offset, -1};
    const double hexFrom = hexStart();
    const double hexTo = hexStart() + hexWidth();
    if (column >= hexFrom && column < hexTo) {
        // Each byte owns [its first digit, the next byte's first digit);
        // the wider blank in the middle belongs to the byte before it.
        const int half = bytesPerLine_ / 2;
        double rel = column - hexFrom;
        int byte;
        if (rel < 3.0 * half) byte = static_cast<int>(rel / 3.0);
        else if (rel < 3.0 * half + 1.0) byte = half - 1;
        else byte = half + static_cast<int>((rel - 3.0 * half - 1.0) / 3.0);
        return {Area::Hex, std::clamp(byte, 0, bytesPerLine_ - 1)};
    }
    const double asciiFrom = asciiStart();
    if (column >= asciiFrom && column < asciiFrom + bytesPerLine_)
        return {Area::Ascii, static_cast<int>(column - asciiFrom)};
    return {};
}

HexLayout::LineRange HexLayout::visibleLines(uint64_t topLine, int viewportHeight, int lineHeight) const {
    const uint64_t total = lineCount();
    LineRange r;
    r.first = std::min(topLine, total);
    if (viewportHeight <= 0 || lineHeight <= 0) {
        r.last = r.first;
        return r;
    }
    const uint64_t shown = static_cast<uint64_t>((viewportHeight + lineHeight - 1) / lineHeight);
    r.last = std::min(total, r.first + shown);
    return r;
}

uint64_t HexLayout::fullLines(int viewportHeight, int lineHeight) {
    if (lineHeight <= 0 || viewportHeight < lineHeight) return 1;
    return static_cast<uint64_t>(viewportHeight / lineHeight);
}

uint64_t HexLayout::maxTopLine(uint64_t pageLines) const {
    const uint64_t total = lineCount();
    return total > pageLines ? total - pageLines : 0;
}

uint64_t HexLayout::scrollTopFor(uint64_t offset, uint64_t topLine, uint64_t pageLines) const {
    const uint64_t line = lineOf(std::min(offset, size_ ? size_ - 1 : 0));
    if (pageLines == 0) pageLines = 1;
    if (line >= topLine && line < topLine + pageLines) return topLine;
    const uint64_t above = pageLines / 3;
    const uint64_t top = line > above ? line - above : 0;
    return std::min(top, maxTopLine(pageLines));
}

}  // namespace hivekit::gui
