// LayoutCanvas: the picture of a hive file drawn from a CellMap, row by row
// (each row a fixed number of bytes), only the rows on screen, cells smaller
// than a pixel aggregated by rasterRow. Hover names the cell, a click
// selects it, Ctrl+wheel zooms about the mouse.
#pragma once

#include <QAbstractScrollArea>

#include <cstdint>
#include <memory>
#include <optional>

#include "layoutview/CellKindMetaType.h"
#include "layoutview/CellMap.h"

namespace hivekit::gui {

/// The scrolling picture itself: a gutter of offsets and hbin bands, then
/// one row of pixels per `bytesPerRow()` bytes of the file. Holds the map
/// and the hive by shared pointer; paints only the rows on screen.
class LayoutCanvas : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit LayoutCanvas(QWidget* parent = nullptr);
    ~LayoutCanvas() override;

    /// Shows `map` (null: nothing). The hive names cells in tooltips.
    void setMap(std::shared_ptr<const CellMap> map, std::shared_ptr<const Hive> hive);
    const std::shared_ptr<const CellMap>& map() const { return map_; }

    uint64_t bytesPerRow() const { return bytesPerRow_; }
    /// Sets the zoom (clamped to LayoutGeometry's steps), keeping the byte
    /// at viewport row `anchorY` (default: the middle) in place.
    void setBytesPerRow(uint64_t bytesPerRow, std::optional<int> anchorY = std::nullopt);
    void zoomIn();
    void zoomOut();
    /// The zoom at which the whole file fits the viewport's height.
    void zoomToFit();

    /// Outlines a cell (by relative offset) or nothing.
    void setSelectedCell(std::optional<uint32_t> cellOffset);
    std::optional<uint32_t> selectedCell() const { return selected_; }
    /// Scrolls so that the row of `fileOffset` is visible.
    void scrollToOffset(uint64_t fileOffset);

    /// The geometry of the picture at the current size and zoom.
    LayoutGeometry layoutGeometry() const;
    /// The file offset under a viewport point.
    std::optional<uint64_t> offsetAt(QPoint viewportPos) const;
    /// The map entry under a viewport point.
    std::optional<size_t> entryAt(QPoint viewportPos) const;
    /// A viewport point inside the pixel that shows `fileOffset` (its row
    /// scrolled into view first if needed by the caller).
    QPoint pointOf(uint64_t fileOffset) const;
    /// What the tooltip says at a viewport point (rich text), or empty.
    QString toolTipAt(QPoint viewportPos) const;

    QSize sizeHint() const override;

signals:
    /// The user clicked a cell.
    void cellClicked(uint32_t cellOffset, hivekit::CellKind kind);
    /// The user clicked something that is no cell (base block, hbin header,
    /// unreadable stretch), at this file offset.
    void offsetClicked(uint64_t fileOffset);
    void zoomChanged(uint64_t bytesPerRow);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void updateScrollBars();
    int gutterWidth() const;
    int pictureWidth() const;
    QRect rowRect(uint64_t row) const;

    std::shared_ptr<const CellMap> map_;
    std::shared_ptr<const Hive> hive_;
    uint64_t bytesPerRow_ = 4096;
    std::optional<uint32_t> selected_;
    static constexpr int kRowHeight = 12;
    static constexpr int kRowGap = 2;
    static constexpr int kMargin = 8;
};

}  // namespace hivekit::gui
