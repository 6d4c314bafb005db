#include "hexview/HexView.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>
#include <utility>

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
        for (const HiveBinInfo& bin : hive_->bins()) binStarts_.push_back(bin.fileOffset().value);
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

/// What every column renderer paints with: the painter, the colours, and
/// the line being painted.
struct HexView::PaintContext {
    QPainter& painter;
    QColor text;        ///< bytes and the cursor line's offset
    QColor faint;       ///< zero bytes and the dots of unprintable ones
    QColor offsetText;  ///< other lines' offsets
    QColor cursorFill;
    QColor cursorText;
    QColor markPen;
    int y = 0;               ///< the line's top in the viewport
    uint64_t start = 0;      ///< file offset of the line's first byte
    uint64_t end = 0;        ///< past its last byte
    bool cursorLine = false; ///< the cursor is on this line
};

/// Paints one column of each line, in three passes that the view runs over
/// every column in turn: backgrounds, contents, then the mark's outline.
/// Columns do not overlap, so the passes keep what was painted over what
/// as it was when one function painted the whole line.
class HexView::ColumnRenderer {
public:
    explicit ColumnRenderer(const HexView& view) : view_(view) {}
    virtual ~ColumnRenderer() = default;
    virtual void paintBackground(PaintContext&) const {}
    virtual void paintContent(PaintContext& c) const = 0;
    virtual void paintMark(PaintContext&) const {}

protected:
    const HexView& view_;
};

/// The offset column: a band the height of the view and each line's offset.
class HexView::OffsetColumn final : public ColumnRenderer {
public:
    using ColumnRenderer::ColumnRenderer;

    /// The band and its right edge, under every line.
    void paintBand(QPainter& p, const QRect& clip, const QPalette& pal) const {
        const int right = view_.xOfColumn(view_.layout_.offsetDigits() + HexLayout::kColumnGap / 2.0);
        p.fillRect(QRect(0, clip.top(), std::max(0, right), clip.height()), pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(right, clip.top(), right, clip.bottom());
    }

    void paintContent(PaintContext& c) const override {
        c.painter.setPen(c.cursorLine ? c.text : c.offsetText);
        c.painter.drawText(view_.xOfColumn(0), c.y + view_.ascent_, hexNumber(c.start, view_.layout_.offsetDigits()));
    }
};

/// A column with one cell per byte (the hex digits, or the text): the
/// highlights behind the bytes, the cursor, the mark's outline. Subclasses
/// place the cells and draw a byte.
class HexView::ByteColumn : public ColumnRenderer {
public:
    using ColumnRenderer::ColumnRenderer;

    void paintBackground(PaintContext& c) const override {
        for (const HexHighlight& h : view_.highlights_) {
            if (h.end <= c.start || h.begin >= c.end) continue;
            const int from = static_cast<int>(std::max(h.begin, c.start) - c.start);
            const int to = static_cast<int>(std::min(h.end, c.end) - c.start);
            fillRun(c, from, to, h.color);
            if (h.headerBytes) {
                const uint64_t hb = h.begin + h.headerBytes;
                if (hb > c.start && h.begin < c.end) {
                    const int hto = static_cast<int>(std::min(hb, c.end) - c.start);
                    fillRun(c, from, std::max(from + 1, hto), h.color.darker(118));
                }
            }
        }
    }

    void paintContent(PaintContext& c) const override {
        const uint8_t* data = view_.bytes_.data() + c.start;
        const int count = static_cast<int>(c.end - c.start);
        const int cursorByte = c.cursorLine ? view_.layout_.byteInLine(view_.cursor_) : -1;
        for (int b = 0; b < count; ++b) {
            const bool isCursor = b == cursorByte;
            if (isCursor) c.painter.fillRect(cursorRect(b, c.y), c.cursorFill);
            drawByte(c, b, data[b], isCursor);
        }
    }

    void paintMark(PaintContext& c) const override {
        const auto& mark = view_.mark_;
        if (!mark || mark->second <= c.start || mark->first >= c.end) return;
        const int from = static_cast<int>(std::max(mark->first, c.start) - c.start);
        const int to = static_cast<int>(std::min(mark->second, c.end) - c.start);
        c.painter.setPen(QPen(c.markPen, 2));
        c.painter.setBrush(Qt::NoBrush);
        const auto [x0, x1] = span(from, to);
        c.painter.drawRect(QRect(x0, c.y + 1, x1 - x0, view_.lineHeight_ - 2));
    }

protected:
    /// The left and right edges of bytes [from, to) of a line.
    virtual std::pair<int, int> span(int from, int to) const = 0;
    virtual QRect cursorRect(int byte, int y) const = 0;
    virtual void drawByte(PaintContext& c, int byte, uint8_t value, bool isCursor) const = 0;

private:
    void fillRun(PaintContext& c, int from, int to, const QColor& color) const {
        const auto [x0, x1] = span(from, to);
        c.painter.fillRect(QRect(x0, c.y, x1 - x0, view_.lineHeight_), color);
    }
};

/// Two hex digits per byte.
class HexView::HexColumn final : public ByteColumn {
public:
    using ByteColumn::ByteColumn;

protected:
    std::pair<int, int> span(int from, int to) const override {
        const int half = view_.charWidth_ / 2;
        return {view_.xOfColumn(view_.layout_.hexColumn(from)) - half,
                view_.xOfColumn(view_.layout_.hexColumn(to - 1) + 2) + half};
    }
    QRect cursorRect(int byte, int y) const override {
        return QRect(view_.xOfColumn(view_.layout_.hexColumn(byte)) - 1, y, 2 * view_.charWidth_ + 2,
                     view_.lineHeight_);
    }
    void drawByte(PaintContext& c, int byte, uint8_t value, bool isCursor) const override {
        c.painter.setPen(isCursor ? c.cursorText : (value == 0 ? c.faint : c.text));
        const QChar digits[2] = {QLatin1Char(kHexDigits[value >> 4]), QLatin1Char(kHexDigits[value & 0xF])};
        c.painter.drawText(view_.xOfColumn(view_.layout_.hexColumn(byte)), c.y + view_.ascent_, QString(digits, 2));
    }
};

/// One character per byte: printable ASCII as itself, anything else a dot.
class HexView::TextColumn final : public ByteColumn {
public:
    using ByteColumn::ByteColumn;

protected:
    std::pair<int, int> span(int from, int to) const override {
        return {view_.xOfColumn(view_.layout_.asciiColumn(from)), view_.xOfColumn(view_.layout_.asciiColumn(to))};
    }
    QRect cursorRect(int byte, int y) const override {
        return QRect(view_.xOfColumn(view_.layout_.asciiColumn(byte)), y, view_.charWidth_, view_.lineHeight_);
    }
    void drawByte(PaintContext& c, int byte, uint8_t value, bool isCursor) const override {
        const bool printable = value >= 0x20 && value < 0x7F;
        c.painter.setPen(isCursor ? c.cursorText : (printable ? c.text : c.faint));
        c.painter.drawText(view_.xOfColumn(view_.layout_.asciiColumn(byte)), c.y + view_.ascent_,
                           QString(printable ? QLatin1Char(static_cast<char>(value)) : QLatin1Char('.')));
    }
};

void HexView::paintEvent(QPaintEvent* event) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    const QRect clip = event->rect();
    p.fillRect(clip, pal.color(QPalette::Base));
    p.setFont(font());

    const OffsetColumn offsetColumn(*this);
    const HexColumn hexColumn(*this);
    const TextColumn textColumn(*this);
    const ColumnRenderer* const columns[] = {&offsetColumn, &hexColumn, &textColumn};
    offsetColumn.paintBand(p, clip, pal);

    PaintContext c{p,
                   pal.color(QPalette::Text),
                   muted(pal),
                   muted(pal, 0.6),
                   pal.color(QPalette::Highlight),
                   pal.color(QPalette::HighlightedText),
                   pal.color(QPalette::Highlight),
                   0,
                   0,
                   0,
                   false};
    const QColor separator = pal.color(QPalette::Mid);
    const HexLayout::LineRange lines = visibleLines();
    for (uint64_t line = lines.first; line < lines.last; ++line) {
        c.y = static_cast<int>(line - lines.first) * lineHeight_;
        c.start = layout_.lineStart(line);
        c.end = c.start + static_cast<uint64_t>(layout_.bytesOnLine(line));
        c.cursorLine = layout_.lineOf(cursor_) == line && layout_.size() > 0;

        for (const ColumnRenderer* column : columns) column->paintBackground(c);
        // hbins begin on a line of their own (they are 4 KiB aligned).
        if (std::binary_search(binStarts_.begin(), binStarts_.end(), c.start)) {
            p.setPen(QPen(separator, 1, Qt::DashLine));
            p.drawLine(0, c.y, viewport()->width(), c.y);
        }
        for (const ColumnRenderer* column : columns) column->paintContent(c);
        for (const ColumnRenderer* column : columns) column->paintMark(c);
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
