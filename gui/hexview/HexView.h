// HexView: the whole hive file as offset, hex and ASCII columns, painted
// line by line from the hive's bytes (no copy: a 100 MB file costs the view
// nothing but the lines on screen), with coloured byte ranges, an outlined
// range and a cursor. Geometry comes from HexLayout; the view only paints
// and turns mouse and keys into offsets.
#pragma once

#include <QAbstractScrollArea>
#include <QColor>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "hexview/HexLayout.h"
#include "hive/Hive.h"

namespace hivekit::gui {

/// A coloured byte range [begin, end) of the file. The first `headerBytes`
/// bytes (a cell's size field) are drawn a shade darker, so where one cell
/// ends and the next begins stays visible.
struct HexHighlight {
    uint64_t begin = 0;
    uint64_t end = 0;
    QColor color;
    uint32_t headerBytes = 0;
};

/// A scrolling hex view over a Hive's bytes (Hive::bytes()). The Hive is
/// shared, so the mapping lives as long as the view shows it.
class HexView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit HexView(QWidget* parent = nullptr);
    ~HexView() override;

    /// Shows `hive`'s bytes from the top; null shows nothing. Clears the
    /// highlights, the mark and the cursor.
    void setHive(std::shared_ptr<const Hive> hive);
    const std::shared_ptr<const Hive>& hive() const { return hive_; }
    const HexLayout& hexLayout() const { return layout_; }

    /// Replaces the coloured ranges (any order; later ones paint over
    /// earlier ones where they overlap).
    void setHighlights(std::vector<HexHighlight> ranges);
    const std::vector<HexHighlight>& highlights() const { return highlights_; }

    /// Outlines [begin, end) (the field selected beside the view); an empty
    /// range removes the outline.
    void setMark(uint64_t begin, uint64_t end);
    std::optional<std::pair<uint64_t, uint64_t>> mark() const { return mark_; }

    /// Moves the cursor (clamped to the file) and scrolls it into view.
    void setCursorOffset(uint64_t offset);
    uint64_t cursorOffset() const { return cursor_; }

    /// Scrolls so that `offset` is visible (a third of the way down when it
    /// was not).
    void ensureVisible(uint64_t offset);
    /// Scrolls so that [begin, end) is visible, its start preferred.
    void ensureRangeVisible(uint64_t begin, uint64_t end);
    uint64_t topLine() const;
    HexLayout::LineRange visibleLines() const;

    /// The byte under a viewport position (hex or ASCII column), if any.
    std::optional<uint64_t> offsetAt(QPoint viewportPos) const;
    /// Where byte `offset` is painted in the hex (or ASCII) column, in
    /// viewport coordinates; empty when its line is not on screen.
    QRect byteRect(uint64_t offset, bool ascii = false) const;

    int lineHeight() const { return lineHeight_; }
    QSize sizeHint() const override;

signals:
    /// The user clicked a byte (or pressed Enter on the cursor).
    void offsetClicked(uint64_t fileOffset);
    /// The cursor moved, by any means.
    void cursorMoved(uint64_t fileOffset);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    class Header;
    friend class Header;
    // One renderer per column (offset, hex, text), Okteta-style.
    struct PaintContext;
    class ColumnRenderer;
    class OffsetColumn;
    class ByteColumn;
    class HexColumn;
    class TextColumn;

    void updateMetrics();
    void updateScrollBars();
    void paintHeader(QPainter& p, int width);
    void moveCursorBy(int64_t delta);
    int xOfColumn(double column) const;
    uint64_t pageLines() const;

    std::shared_ptr<const Hive> hive_;
    Bytes bytes_;
    HexLayout layout_;
    std::vector<HexHighlight> highlights_;
    std::optional<std::pair<uint64_t, uint64_t>> mark_;
    uint64_t cursor_ = 0;
    /// File offsets where hbins start (ascending), for the separators.
    std::vector<uint64_t> binStarts_;

    Header* header_ = nullptr;
    int charWidth_ = 8;
    int lineHeight_ = 16;
    int ascent_ = 12;
    int headerHeight_ = 20;
    static constexpr int kMargin = 8;
};

}  // namespace hivekit::gui
