#include "layoutview/LayoutView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QFileInfo>
#include <QProgressBar>
#include <QStackedWidget>
#include <QPromise>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "format/Offsets.h"
#include "hexview/CellColors.h"
#include "layoutview/LayoutCanvas.h"

namespace hivekit::gui {

namespace {

constexpr int kProgressSteps = 1000;

QString number(uint64_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }

QString chip(const QColor& muted, const QColor& color, const QString& name, const QString& count) {
    // A square glyph in the kind's colour, outlined so that the pale free
    // colour still shows on a light window.
    QString swatch = QStringLiteral("<span style='color:%1; font-size:large'>\u25a0</span>").arg(color.name());
    QString text = QStringLiteral("%1&nbsp;%2").arg(swatch, name.toHtmlEscaped());
    if (!count.isEmpty()) text += QStringLiteral("&nbsp;<span style='color:%1'>%2</span>").arg(muted.name(), count);
    return text;
}

}  // namespace

LayoutView::LayoutView(QWidget* parent) : QWidget(parent) {
    qRegisterMetaType<hivekit::CellKind>("hivekit::CellKind");
    canvas_ = new LayoutCanvas(this);
    watcher_ = new QFutureWatcher<std::shared_ptr<const CellMap>>(this);

    auto tool = [this](const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    zoomOutButton_ = tool(QStringLiteral("\u2212"), tr("Zoom out: more bytes per row (Ctrl+wheel down)"));
    zoomInButton_ = tool(QStringLiteral("+"), tr("Zoom in: fewer bytes per row (Ctrl+wheel up)"));
    fitButton_ = tool(tr("Fit"), tr("Zoom so that the whole file fits the view"));
    zoomLabel_ = new QLabel(this);
    zoomLabel_->setForegroundRole(QPalette::PlaceholderText);
    // While the map is built, a busy page stands where the picture will be.
    auto* busy = new QWidget(this);
    busyLabel_ = new QLabel(busy);
    busyLabel_->setAlignment(Qt::AlignCenter);
    progress_ = new QProgressBar(busy);
    progress_->setRange(0, kProgressSteps);
    progress_->setFixedWidth(360);
    auto* busyLayout = new QVBoxLayout(busy);
    busyLayout->addStretch(1);
    busyLayout->addWidget(busyLabel_, 0, Qt::AlignHCenter);
    busyLayout->addWidget(progress_, 0, Qt::AlignHCenter);
    busyLayout->addStretch(2);
    stack_ = new QStackedWidget(this);
    stack_->addWidget(canvas_);
    stack_->addWidget(busy);

    legend_ = new QLabel(this);
    legend_->setTextFormat(Qt::RichText);
    legend_->setWordWrap(true);
    figures_ = new QLabel(this);
    figures_->setTextFormat(Qt::RichText);
    figures_->setWordWrap(true);
    figures_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->setSpacing(2);
    bar->addWidget(zoomOutButton_);
    bar->addWidget(zoomInButton_);
    bar->addWidget(fitButton_);
    bar->addSpacing(8);
    bar->addWidget(zoomLabel_);
    bar->addStretch(1);

    auto* info = new QVBoxLayout;
    info->setContentsMargins(8, 2, 8, 4);
    info->setSpacing(2);
    info->addWidget(figures_);
    info->addWidget(legend_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addLayout(info);
    layout->addWidget(stack_, 1);

    connect(zoomInButton_, &QToolButton::clicked, this, &LayoutView::zoomIn);
    connect(zoomOutButton_, &QToolButton::clicked, this, &LayoutView::zoomOut);
    connect(fitButton_, &QToolButton::clicked, this, &LayoutView::zoomToFit);
    connect(canvas_, &LayoutCanvas::zoomChanged, this, &LayoutView::updateZoomLabel);
    connect(canvas_, &LayoutCanvas::cellClicked, this, &LayoutView::cellSelected);
    connect(canvas_, &LayoutCanvas::offsetClicked, this, &LayoutView::offsetSelected);
    connect(watcher_, &QFutureWatcher<std::shared_ptr<const CellMap>>::progressValueChanged, progress_,
            &QProgressBar::setValue);
    connect(watcher_, &QFutureWatcher<std::shared_ptr<const CellMap>>::finished, this, &LayoutView::onMapFinished);
    updateZoomLabel();
}

LayoutView::~LayoutView() {
    watcher_->disconnect(this);
    watcher_->cancel();
    watcher_->waitForFinished();
}

void LayoutView::setHive(std::shared_ptr<const Hive> hive) {
    if (watcher_->isRunning()) watcher_->cancel();
    hive_ = std::move(hive);
    map_.reset();
    pendingSelection_.reset();
    canvas_->setMap(nullptr, nullptr);
    figures_->clear();
    legend_->clear();
    if (!hive_) {
        stack_->setCurrentWidget(canvas_);
        return;
    }
    progress_->setValue(0);
    busyLabel_->setText(tr("Mapping the cells of %1\u2026").arg(QFileInfo(QString::fromStdString(hive_->path())).fileName()));
    stack_->setCurrentIndex(1);
    std::shared_ptr<const Hive> hive_copy = hive_;
    // The worker holds its own reference: closing the hive while it runs
    // is safe, the last owner frees it.
    auto future = QtConcurrent::run([hive_copy](QPromise<std::shared_ptr<const CellMap>>& promise) {
        promise.setProgressRange(0, kProgressSteps);
        auto map = buildCellMap(*hive_copy, [&promise](uint64_t done, uint64_t total) {
            if (promise.isCanceled()) return false;
            promise.setProgressValue(total ? static_cast<int>(done * kProgressSteps / total) : kProgressSteps);
            return true;
        });
        if (map) promise.addResult(std::make_shared<const CellMap>(std::move(*map)));
    });
    watcher_->setFuture(future);
}

bool LayoutView::isMapping() const { return watcher_->isRunning(); }

Fragmentation LayoutView::fragmentation() const { return map_ ? map_->fragmentation() : Fragmentation{}; }

QString LayoutView::figuresText() const { return figures_->text(); }
QString LayoutView::legendText() const { return legend_->text(); }

void LayoutView::onMapFinished() {
    auto future = watcher_->future();
    // A superseded or cancelled build leaves no result; the newer one reports.
    if (future.isCanceled() || future.resultCount() == 0) return;
    map_ = future.result();
    stack_->setCurrentWidget(canvas_);
    canvas_->setMap(map_, hive_);

    const Fragmentation f = map_->fragmentation();
    figures_->setText(
        tr("<b>Free space:</b> %1 bytes in %2 cells (%3 % of the cell space) \u00b7 <b>largest free cell:</b> %4 bytes "
           "\u00b7 %5 cells in %6 hbins")
            .arg(number(f.freeBytes), number(f.freeCells), QLocale().toString(f.freePercent(), 'f', 2),
                 number(f.largestFree), number(f.freeCells + f.allocatedCells),
                 number(hive_ ? hive_->bins().size() : 0)));

    updateLegend();

    if (pendingSelection_) setSelectedCell(*pendingSelection_);
    pendingSelection_.reset();
    emit mapReady();
}

void LayoutView::updateLegend() {
    if (!map_) return;
    const Fragmentation f = map_->fragmentation();
    const auto count = [&](CellKind k) { return f.count[static_cast<size_t>(k)]; };
    // Our palette, not the canvas's: on a change ours is updated first.
    const QPalette pal = palette();
    const QColor muted = palette().color(QPalette::PlaceholderText);
    QStringList chips;
    chips << chip(muted, kindColor(CellKind::KeyNode, pal), tr("nk"), number(count(CellKind::KeyNode)));
    chips << chip(muted, kindColor(CellKind::Value, pal), tr("vk"), number(count(CellKind::Value)));
    chips << chip(muted, kindColor(CellKind::Security, pal), tr("sk"), number(count(CellKind::Security)));
    chips << chip(muted, kindColor(CellKind::HashLeaf, pal), tr("li/lf/lh"),
                  number(count(CellKind::IndexLeaf) + count(CellKind::FastLeaf) + count(CellKind::HashLeaf)));
    chips << chip(muted, kindColor(CellKind::IndexRoot, pal), tr("ri"), number(count(CellKind::IndexRoot)));
    chips << chip(muted, kindColor(CellKind::BigData, pal), tr("db"), number(count(CellKind::BigData)));
    chips << chip(muted, kindColor(CellKind::Data, pal), tr("data"), number(count(CellKind::Data)));
    chips << chip(muted, freeHatchColor(pal), tr("free"), number(count(CellKind::Free)));
    chips << chip(muted, binHeaderColor(pal), tr("hbin header"), QString());
    chips << chip(muted, baseBlockColor(pal), tr("base block"), QString());
    bool unreadable = false;
    for (size_t i = 0; i < map_->size() && !unreadable; ++i) unreadable = map_->kind(i) == MapKind::Unreadable;
    if (unreadable) chips << chip(muted, unreadableColor(pal), tr("unreadable"), QString());
    legend_->setText(chips.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
}

void LayoutView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The legend's swatches are HTML with the colours of the old palette.
    if (event->type() == QEvent::PaletteChange) updateLegend();
}

void LayoutView::setSelectedCell(uint32_t cellOffset) {
    if (!map_) {
        pendingSelection_ = cellOffset;
        return;
    }
    canvas_->setSelectedCell(cellOffset);
    canvas_->scrollToOffset(fileOffsetOf(cellOffset).value);
}

void LayoutView::zoomIn() { canvas_->zoomIn(); }
void LayoutView::zoomOut() { canvas_->zoomOut(); }
void LayoutView::zoomToFit() { canvas_->zoomToFit(); }

void LayoutView::updateZoomLabel() {
    const LayoutGeometry g = canvas_->layoutGeometry();
    const QLocale locale;
    zoomLabel_->setText(tr("%1 per row \u00b7 one pixel \u2248 %2")
                            .arg(locale.formattedDataSize(static_cast<qint64>(g.bytesPerRow()), 0,
                                                          QLocale::DataSizeIecFormat),
                                 locale.formattedDataSize(static_cast<qint64>(std::max(1.0, g.bytesPerPixel())), 1,
                                                          QLocale::DataSizeIecFormat)));
    zoomInButton_->setEnabled(g.bytesPerRow() > LayoutGeometry::kMinBytesPerRow);
    zoomOutButton_->setEnabled(g.bytesPerRow() < LayoutGeometry::kMaxBytesPerRow);
}

}  // namespace hivekit::gui
