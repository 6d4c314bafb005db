#include "layoutview/LayoutCanvas.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "format/Offsets.h"
#include "common/Theme.h"
#include "hexview/CellColors.h"
#include "hive/CellFields.h"

namespace hivekit::gui {

namespace {

QString hexText(uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }
QString utf8(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QColor colorOf(MapKind kind, const QPalette& palette) {
    switch (kind) {
    case MapKind::BinHeader: return binHeaderColor(palette);
    case MapKind::BaseBlock: return baseBlockColor(palette);
    case MapKind::Unreadable: return unreadableColor(palette);
    case MapKind::None: return palette.color(QPalette::Base);
    default: return kindColor(cellKind(kind), palette);
    }
}

/// "4 KiB", "512 bytes": sizes of the zoom steps and pixels.
QString sizeText(double bytes) {
    return QLocale().formattedDataSize(static_cast<qint64>(std::llround(bytes)), 1, QLocale::DataSizeIecFormat);
}

}  // namespace

LayoutCanvas::LayoutCanvas(QWidget* parent) : QAbstractScrollArea(parent) {
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
}

LayoutCanvas::~LayoutCanvas() = default;

void LayoutCanvas::setMap(std::shared_ptr<const CellMap> map, std::shared_ptr<const Hive> hive) {
    map_ = std::move(map);
    hive_ = std::move(hive);
    selected_.reset();
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

int LayoutCanvas::gutterWidth() const {
    const QFontMetrics fm(font());
    return fm.horizontalAdvance(QStringLiteral("00000000")) + 2 * kMargin + 6;
}

int LayoutCanvas::pictureWidth() const { return std::max(64, viewport()->width() - gutterWidth() - kMargin); }

LayoutGeometry LayoutCanvas::layoutGeometry() const {
    return LayoutGeometry(map_ ? map_->fileSize() : 0, bytesPerRow_, pictureWidth(), kRowHeight, kRowGap);
}

QRect LayoutCanvas::rowRect(uint64_t row) const {
    const LayoutGeometry g = layoutGeometry();
    const int64_t y = static_cast<int64_t>(row) * g.rowPitch() + kMargin - verticalScrollBar()->value();
    return QRect(gutterWidth(), static_cast<int>(y), g.width(), g.rowHeight());
}

void LayoutCanvas::updateScrollBars() {
    const LayoutGeometry g = layoutGeometry();
    const uint64_t height = g.contentHeight() + 2 * kMargin;
    const int page = viewport()->height();
    const uint64_t max = height > static_cast<uint64_t>(page) ? height - static_cast<uint64_t>(page) : 0;
    verticalScrollBar()->setRange(0, static_cast<int>(std::min<uint64_t>(max, INT32_MAX)));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(g.rowPitch() * 3);
}

void LayoutCanvas::setBytesPerRow(uint64_t bytesPerRow, std::optional<int> anchorY) {
    bytesPerRow = std::clamp(bytesPerRow, LayoutGeometry::kMinBytesPerRow, LayoutGeometry::kMaxBytesPerRow);
    if (bytesPerRow == bytesPerRow_) return;
    // Keep the byte at the anchor row where it is on screen.
    const int y = anchorY.value_or(viewport()->height() / 2);
    const LayoutGeometry before = layoutGeometry();
    const uint64_t contentY =
        static_cast<uint64_t>(std::max(0, y + verticalScrollBar()->value() - kMargin));
    const uint64_t oldRow = contentY / static_cast<uint64_t>(before.rowPitch());
    const uint64_t anchor = std::min(before.rowStart(oldRow), map_ ? map_->fileSize() : 0);
    const int64_t rowTop = static_cast<int64_t>(oldRow) * before.rowPitch() + kMargin - verticalScrollBar()->value();
    bytesPerRow_ = bytesPerRow;
    updateScrollBars();
    const LayoutGeometry after = layoutGeometry();
    const int64_t newY = static_cast<int64_t>(after.rowOf(anchor)) * after.rowPitch() + kMargin - rowTop;
    verticalScrollBar()->setValue(static_cast<int>(std::clamp<int64_t>(newY, 0, verticalScrollBar()->maximum())));
    viewport()->update();
    emit zoomChanged(bytesPerRow_);
}

void LayoutCanvas::zoomIn() { setBytesPerRow(LayoutGeometry::zoomedIn(bytesPerRow_)); }
void LayoutCanvas::zoomOut() { setBytesPerRow(LayoutGeometry::zoomedOut(bytesPerRow_)); }

void LayoutCanvas::zoomToFit() {
    if (!map_) return;
    const int pitch = kRowHeight + kRowGap;
    const uint64_t rows = static_cast<uint64_t>(std::max(1, (viewport()->height() - 2 * kMargin) / pitch));
    setBytesPerRow(LayoutGeometry::fitting(map_->fileSize(), rows), 0);
}

void LayoutCanvas::setSelectedCell(std::optional<uint32_t> cellOffset) {
    selected_ = cellOffset;
    viewport()->update();
}

void LayoutCanvas::scrollToOffset(uint64_t fileOffset) {
    const LayoutGeometry g = layoutGeometry();
    const QRect r = rowRect(g.rowOf(fileOffset));
    if (r.top() >= 0 && r.bottom() < viewport()->height()) return;
    const int64_t target = static_cast<int64_t>(g.rowOf(fileOffset)) * g.rowPitch() + kMargin - viewport()->height() / 3;
    verticalScrollBar()->setValue(static_cast<int>(std::clamp<int64_t>(target, 0, verticalScrollBar()->maximum())));
}

std::optional<uint64_t> LayoutCanvas::offsetAt(QPoint pos) const {
    if (!map_) return std::nullopt;
    const int64_t y = int64_t{pos.y()} + verticalScrollBar()->value() - kMargin;
    if (y < 0) return std::nullopt;
    return layoutGeometry().offsetAt(pos.x() - gutterWidth(), static_cast<uint64_t>(y));
}

std::optional<size_t> LayoutCanvas::entryAt(QPoint pos) const {
    const auto offset = offsetAt(pos);
    if (!offset) return std::nullopt;
    return map_->indexAt(*offset);
}

QPoint LayoutCanvas::pointOf(uint64_t fileOffset) const {
    const LayoutGeometry g = layoutGeometry();
    const QRect r = rowRect(g.rowOf(fileOffset));
    return QPoint(r.left() + g.xOf(fileOffset), r.top() + r.height() / 2);
}

QString LayoutCanvas::toolTipAt(QPoint pos) const {
    const auto offset = offsetAt(pos);
    if (!offset || !map_) return {};
    const LayoutGeometry g = layoutGeometry();
    QString text;
    if (FileOffset{*offset}.inBaseBlock()) {
        text = tr("<b>Base block</b> (regf header)<br>%1 \u2013 %2 \u00b7 4096 bytes")
                   .arg(hexText(0), hexText(kHiveBinsStart));
    } else if (const auto i = map_->indexAt(*offset)) {
        const uint64_t at = map_->fileOffset(*i);
        const QString where = tr("at %1 \u00b7 %2 bytes").arg(hexText(at)).arg(map_->length(*i));
        const MapKind kind = map_->kind(*i);
        if (kind == MapKind::BinHeader) {
            const HiveBinInfo* bin = hive_ ? hive_->binAt(map_->offset(*i)) : nullptr;
            text = tr("<b>hbin header</b><br>%1<br>the bin holds %2 bytes")
                       .arg(where)
                       .arg(bin ? bin->size : 0);
        } else if (kind == MapKind::Unreadable) {
            text = tr("<b>Unreadable</b> (damaged hbin or broken cell chain)<br>%1").arg(where);
        } else {
            QString label = kindDisplayName(cellKind(kind));
            if (hive_)
                if (auto cell = hive_->cell(map_->offset(*i))) label = utf8(cellLabel(*hive_, *cell)).toHtmlEscaped();
            const QString state = cellKind(kind) == CellKind::Free ? tr("free") : tr("allocated");
            text = tr("<b>%1</b><br>%2, %3<br>cell %4")
                       .arg(label, kindDisplayName(cellKind(kind)).toHtmlEscaped(), state, where);
        }
    } else {
        return {};
    }
    if (g.bytesPerPixel() > 8)
        text += tr("<br><small>One pixel shows %1: zoom in (Ctrl+wheel) to tell small cells apart.</small>")
                    .arg(sizeText(g.bytesPerPixel()));
    return text;
}

QSize LayoutCanvas::sizeHint() const { return QSize(720, 480); }

void LayoutCanvas::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    // The width changes how many bytes a pixel shows.
    emit zoomChanged(bytesPerRow_);
}

void LayoutCanvas::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    p.fillRect(event->rect(), pal.color(QPalette::Base));
    if (!map_) return;

    const LayoutGeometry g = layoutGeometry();
    const int scroll = verticalScrollBar()->value();
    const uint64_t top = static_cast<uint64_t>(std::max(0, scroll - kMargin));
    const auto [first, last] = g.rowsIn(top, viewport()->height() + kMargin);

    // Offsets in the gutter, spaced so that labels do not collide.
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.85));
    p.setFont(small);
    const QFontMetrics fm(small);
    uint64_t labelEvery = 1;
    while (labelEvery * static_cast<uint64_t>(g.rowPitch()) < static_cast<uint64_t>(fm.height() + 6)) labelEvery *= 2;

    const QColor freeHatch = freeHatchColor(pal);
    // Hairlines between cells: the base colour at low alpha darkens a light
    // block and a dark one alike.
    QColor separator = theme::isDark(pal) ? QColor(0, 0, 0) : pal.color(QPalette::Text);
    separator.setAlpha(theme::isDark(pal) ? 110 : 60);
    const QColor gutterText = pal.color(QPalette::PlaceholderText);
    const std::vector<HiveBinInfo>* bins = hive_ ? &hive_->bins() : nullptr;
    RowPixels pixels;

    for (uint64_t row = first; row < last; ++row) {
        const QRect r = rowRect(row);
        rasterRow(*map_, g, row, pixels);

        // Runs of one kind become one rectangle.
        int x = 0;
        while (x < g.width()) {
            const MapKind kind = pixels.kinds[static_cast<size_t>(x)];
            int end = x + 1;
            while (end < g.width() && pixels.kinds[static_cast<size_t>(end)] == kind) ++end;
            if (kind != MapKind::None) {
                const QRect run(r.left() + x, r.top(), end - x, r.height());
                p.fillRect(run, colorOf(kind, pal));
                if (kind == mapKind(CellKind::Free)) p.fillRect(run, QBrush(freeHatch, Qt::BDiagPattern));
                if (kind == MapKind::Unreadable) p.fillRect(run, QBrush(QColor(255, 255, 255, 110), Qt::DiagCrossPattern));
            }
            x = end;
        }
        // Cell starts wide enough to see get a hairline.
        p.setPen(separator);
        for (int e = 1; e < g.width(); ++e)
            if (pixels.edges[static_cast<size_t>(e)]) p.drawLine(r.left() + e, r.top(), r.left() + e, r.bottom());

        // hbin starts inside wide rows: a tick where each bin begins (rows
        // of 4 KiB or less start with their bin's header anyway).
        if (bins && g.bytesPerRow() > HiveBinInfo::kAlignment) {
            const uint64_t rowStart = g.rowStart(row);
            const uint64_t rowEnd = rowStart + g.bytesPerRow();
            auto it = std::lower_bound(bins->begin(), bins->end(), rowStart, [](const HiveBinInfo& b, uint64_t v) {
                return b.fileOffset().value < v;
            });
            // Only where bins are far enough apart to tell: otherwise the
            // ticks would hide the cells.
            int lastTick = -100;
            QColor tick = binHeaderColor(pal);
            tick.setAlpha(170);
            p.setPen(QPen(tick, 1));
            for (; it != bins->end() && it->fileOffset().value < rowEnd; ++it) {
                const int tx = g.xOf(it->fileOffset().value);
                if (tx - lastTick < 24) continue;
                p.drawLine(r.left() + tx, r.top() - 1, r.left() + tx, r.bottom() + 1);
                lastTick = tx;
            }
        }

        // hbins as bands: rows of one bin share a strip in the gutter, in
        // alternating shades, unbroken between its rows.
        if (bins && !bins->empty() && g.bytesPerRow() <= HiveBinInfo::kAlignment) {
            if (const HiveBinInfo* bin = hive_->binAtFile(FileOffset{g.rowStart(row)})) {
                const bool odd = (bin - bins->data()) % 2;
                const bool startsBin = bin->fileOffset().value == g.rowStart(row);
                const QRect strip(gutterWidth() - 7, r.top() - (startsBin ? 0 : g.rowGap()), 4,
                                  r.height() + (startsBin ? 0 : g.rowGap()));
                const QColor header = binHeaderColor(pal);
                p.fillRect(strip, odd ? theme::mix(header, pal.color(QPalette::Base), 0.45) : header);
            }
        }

        if (row % labelEvery == 0) {
            p.setPen(gutterText);
            const QRect label(kMargin, r.top() - 2, gutterWidth() - 2 * kMargin - 6, fm.height());
            p.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                       QStringLiteral("%1").arg(g.rowStart(row), 8, 16, QLatin1Char('0')));
        }
    }

    // The selected cell: an outline on every row it covers.
    if (selected_) {
        if (const auto i = map_->indexOfCell(*selected_)) {
            const uint64_t begin = map_->fileOffset(*i);
            const uint64_t end = begin + map_->length(*i);
            const uint64_t firstRow = g.rowOf(begin);
            const uint64_t lastRow = g.rowOf(end - 1);
            p.setBrush(Qt::NoBrush);
            for (uint64_t row = std::max(firstRow, first); row <= lastRow && row < last; ++row) {
                const QRect r = rowRect(row);
                int x0 = row == firstRow ? g.xOf(begin) : 0;
                int x1 = row == lastRow ? g.xOf(end - 1) + 1 : g.width();
                if (x1 - x0 < 3) x0 = std::max(0, x0 - 1), x1 = x0 + 3;
                const QRect box(r.left() + x0, r.top(), x1 - x0, r.height());
                p.setPen(QPen(pal.color(QPalette::Base), 3));
                p.drawRect(box.adjusted(-1, -1, 0, 0));
                p.setPen(QPen(theme::shapeOn(pal.color(QPalette::Highlight), pal), 1.5));
                p.drawRect(box.adjusted(-1, -1, 0, 0));
            }
        }
    }
}

void LayoutCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !map_) return QAbstractScrollArea::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const auto offset = offsetAt(pos);
    if (!offset) return;
    const auto i = map_->indexAt(*offset);
    if (i && isCellKind(map_->kind(*i))) {
        selected_ = map_->offset(*i);
        viewport()->update();
        emit cellClicked(map_->offset(*i), cellKind(map_->kind(*i)));
        return;
    }
    emit offsetClicked(*offset);
}

void LayoutCanvas::wheelEvent(QWheelEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) return QAbstractScrollArea::wheelEvent(event);
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) return;
    uint64_t bpr = bytesPerRow_;
    for (int i = 0; i < std::abs(steps); ++i) bpr = steps > 0 ? LayoutGeometry::zoomedIn(bpr) : LayoutGeometry::zoomedOut(bpr);
    setBytesPerRow(bpr, static_cast<int>(event->position().y()));
    event->accept();
}

bool LayoutCanvas::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

}  // namespace hivekit::gui
