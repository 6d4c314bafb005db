// HexView: the whole hive file as offset, hex and ASCII columns, painted
// line by line from the hive's bytes (no copy: a 100 MB file costs the view
// nothing but the lines on screen), with coloured byte ranges, an outlined
// range, a cursor and a selection (mouse drag, Shift+click, Shift+keys)
// that copies as hex, text or a C array. Geometry comes from HexLayout; the
// view only paints and turns mouse and keys into offsets.
#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "hexview/HexLayout.h"
#include "hive/Hive.h"

class QAction;
class QMenu;

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

    /// Moves the cursor (clamped to the file) and scrolls it into view;
    /// drops the selection.
    void setCursorOffset(uint64_t offset);
    uint64_t cursorOffset() const { return cursor_; }

    /// The selected bytes [begin, end), if any. The selection runs from
    /// where it was started (the anchor) to the cursor, both included.
    std::optional<std::pair<uint64_t, uint64_t>> selection() const;
    /// Selects [begin, end) (clamped to the file), the cursor on its last byte.
    void setSelection(uint64_t begin, uint64_t end);
    void clearSelection();
    /// What Select All selects: the coloured range (cell) under the cursor,
    /// or the whole file when the cursor is in none.
    void selectAll();
    /// The selected bytes, or the byte under the cursor when nothing is
    /// selected; at most kCopyLimit bytes (empty beyond: too big to copy).
    std::vector<uint8_t> selectedBytes() const;
    static constexpr uint64_t kCopyLimit = 16 * 1024 * 1024;
    /// "Selection 0x1020-0x102f · 16 bytes" or "Cursor 0x1020", for a status line.
    QString statusText() const;

    /// The clipboard forms of the selection (see hexview/ByteText.h).
    enum class CopyForm { Hex, Latin1Text, Utf16Text, CArray };
    /// Puts the selection (or the cursor's byte) on the clipboard; false
    /// when the selection is larger than kCopyLimit.
    bool copy(CopyForm form);
    /// The context menu: the copy forms, Select All, Go to Offset and
    /// Interpret Here (the caller owns the menu).
    QMenu* createContextMenu(QWidget* parent);
    QAction* copyHexAction() const { return copyHex_; }

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
    /// The selection changed (set, grown, shrunk or dropped).
    void selectionChanged();
    /// The user chose "Interpret Here" at `fileOffset` (the selection's start or the cursor).
    void interpretRequested(uint64_t fileOffset);
    /// The user chose "Go to Offset..." (the pane owns the box).
    void goToOffsetRequested();
    /// A copy was refused (too large): a line for a status bar.
    void copyRefused(const QString& why);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;
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
    void moveCursorBy(int64_t delta, bool extend = false);
    /// Moves the cursor; `extend` grows the selection from its anchor (set
    /// here when there is none), otherwise the selection is dropped.
    void moveCursorTo(uint64_t offset, bool extend);
    bool isSelected(uint64_t offset) const;
    int xOfColumn(double column) const;
    uint64_t pageLines() const;

    std::shared_ptr<const Hive> hive_;
    Bytes bytes_;
    HexLayout layout_;
    std::vector<HexHighlight> highlights_;
    std::optional<std::pair<uint64_t, uint64_t>> mark_;
    uint64_t cursor_ = 0;
    /// Where the selection started; none: nothing is selected.
    std::optional<uint64_t> anchor_;
    /// The byte a left press landed on, for a drag that follows.
    std::optional<uint64_t> pressOffset_;
    QAction* copyHex_ = nullptr;
    QAction* copyLatin1_ = nullptr;
    QAction* copyUtf16_ = nullptr;
    QAction* copyCArray_ = nullptr;
    QAction* selectAll_ = nullptr;
    QAction* goToOffset_ = nullptr;
    QAction* interpret_ = nullptr;
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
