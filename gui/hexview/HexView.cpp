#include "hexview/HexView.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

#include "format/Layout.h"

namespace hivekit::gui {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

QString hexNumber(uint64_t value, int digits) {
    return QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
}

/// Text colour at reduced strength, for zero bytes and dots: the data that
/// matters stands out.
QColor muted(const QPalette& palette, double amount = 0.42) {
    QColor c = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(static_cast<float>(c.redF() * amount + base.redF() * (1 - amount)),
                            static_cast<float>(c.greenF() * amount + base.greenF() * (1 - amount)),
                            static_cast<float>(c.blueF() * amount + base.blueF() * (1 - amount)));
}

}  // namespace

/// The column header above the viewport ("00 01 02 ..."), scrolled
/// horizontally with it.
class HexView::Header : public QWidget {
public:
    explicit Header(HexView* view) : QWidget(view), view_(view) { setAttribute(Qt::WA_OpaquePaintEvent); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        view_->paintHeader(p, width());
    }

private:
    HexView* view_;
};

HexView::HexView(QWidget* parent) : QAbstractScrollArea(parent), header_(new Header(this)) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
}

HexView::~HexView() = default;

void HexView::setHive(std::shared_ptr<const Hive> hive) {
    hive_ = std::move(hive);
    bytes_ = hive_ ? hive_->bytes() : Bytes{};
    layout_.setSize(bytes_.size());
    binStarts_.clear();
    if (hive_)
        for (const HiveBinInfo& bin : hive_->bins()) binStarts_.push_back(bin.offset);
    highlights_.clear();
    mark_.reset();
    cursor_ = 0;
    updateMetrics();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
    header_->update();
}

void HexView::setHighlights(std::vector<HexHighlight> ranges) {
    highlights_ = std::move(ranges);
    viewport()->update();
}

void HexView::setMark(uint64_t begin, uint64_t end) {
    if (begin >= end) mark_.reset();
    else mark_ = std::make_pair(begin, end);
    viewport()->update();
}

void HexView::setCursorOffset(uint64_t offset) {
    if (layout_.size() == 0) return;
    offset = std::min(offset, layout_.size() - 1);
    const bool moved = offset != cursor_;
    cursor_ = offset;
    ensureVisible(offset);
    viewport()->update();
    if (moved) emit cursorMoved(cursor_);
}

uint64_t HexView::topLine() const { return static_cast<uint64_t>(verticalScrollBar()->value()); }

uint64_t HexView::pageLines() const { return HexLayout::fullLines(viewport()->height(), lineHeight_); }

HexLayout::LineRange HexView::visibleLines() const {
    return layout_.visibleLines(topLine(), viewport()->height(), lineHeight_);
}

void HexView::ensureVisible(uint64_t offset) {
    const uint64_t top = layout_.scrollTopFor(offset, topLine(), pageLines());
    verticalScrollBar()->setValue(static_cast<int>(top));
}

void HexView::ensureRangeVisible(uint64_t begin, uint64_t end) {
    if (end <= begin) return ensureVisible(begin);
    const uint64_t first = layout_.lineOf(begin);
    const uint64_t last = layout_.lineOf(end - 1);
    const uint64_t page = pageLines();
    const uint64_t top = topLine();
    if (first >= top && last < top + page) return;
    // Whole range on screen when it fits, with a line of context above.
    if (last - first + 2 <= page) {
        const uint64_t want = first > 0 ? first - 1 : 0;
        verticalScrollBar()->setValue(static_cast<int>(std::min(want, layout_.maxTopLine(page))));
        return;
    }
    ensureVisible(begin);
}

int HexView::xOfColumn(double column) const {
    return kMargin + static_cast<int>(std::lround(column * charWidth_)) - horizontalScrollBar()->value();
}

std::optional<uint64_t> HexView::offsetAt(QPoint pos) const {
    if (pos.y() < 0 || lineHeight_ <= 0) return std::nullopt;
    const uint64_t line = topLine() + static_cast<uint64_t>(pos.y() / lineHeight_);
    const double column =
        static_cast<double>(pos.x() - kMargin + horizontalScrollBar()->value()) / static_cast<double>(charWidth_);
    const HexLayout::Hit hit = layout_.hitTest(column);
    if (hit.area != HexLayout::Area::Hex && hit.area != HexLayout::Area::Ascii) return std::nullopt;
    return layout_.offsetAt(line, hit.byte);
}

QRect HexView::byteRect(uint64_t offset, bool ascii) const {
    const uint64_t line = layout_.lineOf(offset);
    if (!visibleLines().contains(line)) return {};
    const int y = static_cast<int>(line - topLine()) * lineHeight_;
    const int byte = layout_.byteInLine(offset);
    if (ascii) return QRect(xOfColumn(layout_.asciiColumn(byte)), y, charWidth_, lineHeight_);
    return QRect(xOfColumn(layout_.hexColumn(byte)), y, 2 * charWidth_, lineHeight_);
}

QSize HexView::sizeHint() const {
    return QSize(2 * kMargin + layout_.lineWidth() * charWidth_ + verticalScrollBar()->sizeHint().width() +
                     2 * frameWidth(),
                 24 * lineHeight_);
}

void HexView::updateMetrics() {
    const QFontMetrics fm(font());
    charWidth_ = std::max(1, fm.horizontalAdvance(QLatin1Char('0')));
    // A little leading: highlights of neighbouring lines touch, text does not.
    lineHeight_ = fm.height() + 3;
    ascent_ = fm.ascent() + 1;
    headerHeight_ = lineHeight_ + 4;
    setViewportMargins(0, headerHeight_, 0, 0);
    updateScrollBars();
    updateGeometry();
}

void HexView::updateScrollBars() {
    const uint64_t page = pageLines();
    const uint64_t maxTop = layout_.maxTopLine(page);
    // Hives are at most 4 GB: 268 million lines fit an int scroll range.
    verticalScrollBar()->setRange(0, static_cast<int>(std::min<uint64_t>(maxTop, INT32_MAX)));
    verticalScrollBar()->setPageStep(static_cast<int>(std::max<uint64_t>(1, page - 1)));
    verticalScrollBar()->setSingleStep(1);
    const int contentWidth = 2 * kMargin + layout_.lineWidth() * charWidth_;
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(charWidth_);
    const QRect vr = viewport()->geometry();
    header_->setGeometry(vr.x(), vr.y() - headerHeight_, vr.width(), headerHeight_);
}

void HexView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

void HexView::scrollContentsBy(int, int) {
    viewport()->update();
    header_->update();
}

void HexView::paintHeader(QPainter& p, int width) {
    const QPalette& pal = palette();
    p.fillRect(0, 0, width, headerHeight_, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, headerHeight_ - 1, width, headerHeight_ - 1);
    p.setFont(font());
    p.setPen(muted(pal, 0.7));
    const int y = (headerHeight_ - lineHeight_) / 2 + ascent_;
    p.drawText(xOfColumn(0), y, tr("Offset"));
    for (int b = 0; b < layout_.bytesPerLine(); ++b) {
        const QString label = QString(QLatin1Char(kHexDigits[(b >> 4) & 0xF])) + QLatin1Char(kHexDigits[b & 0xF]);
        p.drawText(xOfColumn(layout_.hexColumn(b)), y, label);
        p.drawText(xOfColumn(layout_.asciiColumn(b)), y, QString(QLatin1Char(kHexDigits[b & 0xF])));
    }
}

void HexView::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    const QRect clip = event->rect();
    p.fillRect(clip, pal.color(QPalette::Base));
    p.setFont(font());

    // The offset column's band.
    const int offsetRight = xOfColumn(layout_.offsetDigits() + HexLayout::kColumnGap / 2.0);
    p.fillRect(QRect(0, clip.top(), std::max(0, offsetRight), clip.height()), pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::Midlight));
    p.drawLine(offsetRight, clip.top(), offsetRight, clip.bottom());

    const HexLayout::LineRange lines = visibleLines();
    const int digits = layout_.offsetDigits();
    const QColor text = pal.color(QPalette::Text);
    const QColor faint = muted(pal);
    const QColor offsetText = muted(pal, 0.6);
    const QColor separator = pal.color(QPalette::Mid);
    const QColor markPen = pal.color(QPalette::Highlight);
    const int half = charWidth_ / 2;

    // Background runs of a highlight on one line, in hex and ASCII.
    auto fillRun = [&](int y, int from, int to, const QColor& color) {
        const int hx0 = xOfColumn(layout_.hexColumn(from)) - half;
        const int hx1 = xOfColumn(layout_.hexColumn(to - 1) + 2) + half;
        p.fillRect(QRect(hx0, y, hx1 - hx0, lineHeight_), color);
        const int ax0 = xOfColumn(layout_.asciiColumn(from));
        const int ax1 = xOfColumn(layout_.asciiColumn(to));
        p.fillRect(QRect(ax0, y, ax1 - ax0, lineHeight_), color);
    };

    for (uint64_t line = lines.first; line < lines.last; ++line) {
        const int y = static_cast<int>(line - lines.first) * lineHeight_;
        const uint64_t start = layout_.lineStart(line);
        const uint64_t end = start + static_cast<uint64_t>(layout_.bytesOnLine(line));

        for (const HexHighlight& h : highlights_) {
            if (h.end <= start || h.begin >= end) continue;
            const int from = static_cast<int>(std::max(h.begin, start) - start);
            const int to = static_cast<int>(std::min(h.end, end) - start);
            fillRun(y, from, to, h.color);
            if (h.headerBytes) {
                const uint64_t hb = h.begin + h.headerBytes;
                if (hb > start && h.begin < end) {
                    const int hto = static_cast<int>(std::min(hb, end) - start);
                    fillRun(y, from, std::max(from + 1, hto), h.color.darker(118));
                }
            }
        }

        // hbins begin on a line of their own (they are 4 KiB aligned).
        if (start >= layout::kBaseBlockSize) {
            const uint64_t rel = start - layout::kBaseBlockSize;
            if (rel <= UINT32_MAX &&
                std::binary_search(binStarts_.begin(), binStarts_.end(), static_cast<uint32_t>(rel))) {
                p.setPen(QPen(separator, 1, Qt::DashLine));
                p.drawLine(0, y, viewport()->width(), y);
            }
        }

        const bool cursorLine = layout_.lineOf(cursor_) == line && layout_.size() > 0;
        p.setPen(cursorLine ? text : offsetText);
        p.drawText(xOfColumn(0), y + ascent_, hexNumber(start, digits));

        const uint8_t* data = bytes_.data() + start;
        const int count = static_cast<int>(end - start);
        for (int b = 0; b < count; ++b) {
            const uint8_t v = data[b];
            const bool isCursor = cursorLine && layout_.byteInLine(cursor_) == b;
            const int hx = xOfColumn(layout_.hexColumn(b));
            const int ax = xOfColumn(layout_.asciiColumn(b));
            if (isCursor) {
                p.fillRect(QRect(hx - 1, y, 2 * charWidth_ + 2, lineHeight_), pal.color(QPalette::Highlight));
                p.fillRect(QRect(ax, y, charWidth_, lineHeight_), pal.color(QPalette::Highlight));
            }
            const QColor ink = isCursor ? pal.color(QPalette::HighlightedText) : (v == 0 ? faint : text);
            p.setPen(ink);
            const QChar digitsText[2] = {QLatin1Char(kHexDigits[v >> 4]), QLatin1Char(kHexDigits[v & 0xF])};
            p.drawText(hx, y + ascent_, QString(digitsText, 2));
            const bool printable = v >= 0x20 && v < 0x7F;
            p.setPen(isCursor ? ink : (printable ? text : faint));
            p.drawText(ax, y + ascent_, QString(printable ? QLatin1Char(static_cast<char>(v)) : QLatin1Char('.')));
        }

        // The outline of the marked field, one box per line it covers.
        if (mark_ && mark_->second > start && mark_->first < end) {
            const int from = static_cast<int>(std::max(mark_->first, start) - start);
            const int to = static_cast<int>(std::min(mark_->second, end) - start);
            p.setPen(QPen(markPen, 2));
            p.setBrush(Qt::NoBrush);
            const int hx0 = xOfColumn(layout_.hexColumn(from)) - half;
            const int hx1 = xOfColumn(layout_.hexColumn(to - 1) + 2) + half;
            p.drawRect(QRect(hx0, y + 1, hx1 - hx0, lineHeight_ - 2));
            const int ax0 = xOfColumn(layout_.asciiColumn(from));
            const int ax1 = xOfColumn(layout_.asciiColumn(to));
            p.drawRect(QRect(ax0, y + 1, ax1 - ax0, lineHeight_ - 2));
        }
    }
}

void HexView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    const auto offset = offsetAt(event->position().toPoint());
    if (!offset) return;
    setCursorOffset(*offset);
    emit offsetClicked(*offset);
}

void HexView::mouseReleaseEvent(QMouseEvent* event) {
    // The press did the work; the release is ours too (not the parent's).
    event->accept();
}

void HexView::moveCursorBy(int64_t delta) {
    if (layout_.size() == 0) return;
    const int64_t last = static_cast<int64_t>(layout_.size() - 1);
    const int64_t target = std::clamp(static_cast<int64_t>(cursor_) + delta, int64_t{0}, last);
    setCursorOffset(static_cast<uint64_t>(target));
}

void HexView::keyPressEvent(QKeyEvent* event) {
    const int64_t bpl = layout_.bytesPerLine();
    const int64_t page = static_cast<int64_t>(pageLines()) * bpl;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left: moveCursorBy(-1); break;
    case Qt::Key_Right: moveCursorBy(1); break;
    case Qt::Key_Up: moveCursorBy(-bpl); break;
    case Qt::Key_Down: moveCursorBy(bpl); break;
    case Qt::Key_PageUp: moveCursorBy(-page); break;
    case Qt::Key_PageDown: moveCursorBy(page); break;
    case Qt::Key_Home:
        if (ctrl) setCursorOffset(0);
        else moveCursorBy(-layout_.byteInLine(cursor_));
        break;
    case Qt::Key_End:
        if (ctrl) setCursorOffset(layout_.size() ? layout_.size() - 1 : 0);
        else moveCursorBy(bpl - 1 - layout_.byteInLine(cursor_));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (layout_.size()) emit offsetClicked(cursor_);
        break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

}  // namespace hivekit::gui
