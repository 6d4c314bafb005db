// LayoutView: the picture of a hive file. hbins as bands of rows, cells as
// blocks coloured by kind (nk, vk, sk, lists, db, data) and free cells
// hatched; a legend with counts, the fragmentation figures, zoom buttons.
// The cell map is computed off the GUI thread (QtConcurrent) with a
// progress bar; the window never waits for it.
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

#include "hive/CellScanner.h"
#include "layoutview/CellKindMetaType.h"
#include "layoutview/CellMap.h"

class QLabel;
class QProgressBar;
class QStackedWidget;
class QToolButton;

namespace hivekit::gui {

class LayoutCanvas;

/// The layout view of issue 5 as one widget: zoom buttons, figures and
/// legend above the LayoutCanvas; a busy page with a progress bar while the
/// map is built on a worker thread.
class LayoutView : public QWidget {
    Q_OBJECT
public:
    explicit LayoutView(QWidget* parent = nullptr);
    /// Cancels a map still being built and waits for its thread.
    ~LayoutView() override;

    /// Starts mapping `hive`'s cells in the background (null: show
    /// nothing). A map still being built for an earlier hive is cancelled.
    void setHive(std::shared_ptr<const Hive> hive);
    /// True while the map is being built.
    bool isMapping() const;
    /// The finished map, or null before mapReady().
    const std::shared_ptr<const CellMap>& cellMap() const { return map_; }
    /// The figures of the finished map (zero before mapReady()).
    Fragmentation fragmentation() const;

    LayoutCanvas* canvas() const { return canvas_; }
    /// The text of the figures line and of the legend (for tests and
    /// accessibility).
    QString figuresText() const;
    QString legendText() const;

public slots:
    /// Outlines a cell (relative offset) and scrolls to it, without
    /// emitting cellSelected: for the main window to follow the hex view.
    void setSelectedCell(uint32_t cellOffset);
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    /// The user clicked a cell: the main window selects it in the hex view
    /// and, for an nk or vk, in the tree.
    void cellSelected(uint32_t cellOffset, hivekit::CellKind kind);
    /// The user clicked the base block, an hbin header or an unreadable
    /// stretch: the main window may show that offset in the hex view.
    void offsetSelected(uint64_t fileOffset);
    /// The map is built and drawn.
    void mapReady();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onMapFinished();
    /// The legend's chips in the colours of the current palette.
    void updateLegend();
    void updateZoomLabel();

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const CellMap> map_;
    QFutureWatcher<std::shared_ptr<const CellMap>>* watcher_ = nullptr;
    std::optional<uint32_t> pendingSelection_;

    LayoutCanvas* canvas_ = nullptr;
    QToolButton* zoomInButton_ = nullptr;
    QToolButton* zoomOutButton_ = nullptr;
    QToolButton* fitButton_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QLabel* legend_ = nullptr;
    QLabel* figures_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* busyLabel_ = nullptr;
    QStackedWidget* stack_ = nullptr;  ///< the busy page while mapping, then the canvas
};

}  // namespace hivekit::gui
