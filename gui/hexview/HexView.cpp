#include "hexview/HexView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include "hexview/ByteText.h"

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
    // The shortcuts are shown in the menu; the keys themselves are handled
    // in keyPressEvent, so that the window's own Ctrl+C (copy key path)
    // does not clash with them.
    auto action = [this](const QString& text, auto slot) {
        auto* a = new QAction(text, this);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    copyHex_ = action(tr("Copy as &Hex"), [this] { copy(CopyForm::Hex); });
    copyHex_->setShortcut(QKeySequence::Copy);
    copyHex_->setToolTip(tr("Copy the selected bytes as hex pairs (\"4E 4B 00\")"));
    copyLatin1_ = action(tr("Copy as &Text (Latin-1)"), [this] { copy(CopyForm::Latin1Text); });
    copyLatin1_->setToolTip(tr("One character per byte; control characters as dots"));
    copyUtf16_ = action(tr("Copy as Text (&UTF-16LE)"), [this] { copy(CopyForm::Utf16Text); });
    copyUtf16_->setToolTip(tr("One character per two bytes; control characters as dots"));
    copyCArray_ = action(tr("Copy as &C Array"), [this] { copy(CopyForm::CArray); });
    selectAll_ = action(tr("Select &All (Cell)"), [this] { selectAll(); });
    selectAll_->setShortcut(QKeySequence::SelectAll);
    selectAll_->setToolTip(tr("Select the cell under the cursor (the whole file outside cells)"));
    goToOffset_ = action(tr("&Go to Offset..."), [this] { emit goToOffsetRequested(); });
    goToOffset_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    interpret_ = action(tr("&Interpret Here"), [this] {
        const auto sel = selection();
        emit interpretRequested(sel ? sel->first : cursor_);
    });
    for (QAction* a : {copyHex_, selectAll_, goToOffset_}) a->setShortcutVisibleInContextMenu(true);
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
    anchor_.reset();
    pressOffset_.reset();
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

void HexView::setCursorOffset(uint64_t offset) { moveCursorTo(offset, false); }

void HexView::moveCursorTo(uint64_t offset, bool extend) {
    if (layout_.size() == 0) return;
    offset = std::min(offset, layout_.size() - 1);
    const bool moved = offset != cursor_;
    const bool hadSelection = anchor_.has_value();
    if (extend) {
        if (!anchor_) anchor_ = cursor_;
    } else {
        anchor_.reset();
    }
    cursor_ = offset;
    ensureVisible(offset);
    viewport()->update();
    if (moved) emit cursorMoved(cursor_);
    if ((extend && moved) || (extend && !hadSelection) || (!extend && hadSelection)) emit selectionChanged();
}

std::optional<std::pair<uint64_t, uint64_t>> HexView::selection() const {
    if (!anchor_ || layout_.size() == 0) return std::nullopt;
    return std::make_pair(std::min(*anchor_, cursor_), std::max(*anchor_, cursor_) + 1);
}

bool HexView::isSelected(uint64_t offset) const {
    const auto sel = selection();
    return sel && offset >= sel->first && offset < sel->second;
}

void HexView::setSelection(uint64_t begin, uint64_t end) {
    end = std::min(end, layout_.size());
    if (begin >= end) return clearSelection();
    const bool moved = cursor_ != end - 1;
    anchor_ = begin;
    cursor_ = end - 1;
    ensureRangeVisible(begin, end);
    viewport()->update();
    if (moved) emit cursorMoved(cursor_);
    emit selectionChanged();
}

void HexView::clearSelection() {
    if (!anchor_) return;
    anchor_.reset();
    viewport()->update();
    emit selectionChanged();
}

void HexView::selectAll() {
    if (layout_.size() == 0) return;
    // Later highlights paint over earlier ones: the last one is what shows.
    for (auto h = highlights_.rbegin(); h != highlights_.rend(); ++h) {
        if (cursor_ >= h->begin && cursor_ < h->end) return setSelection(h->begin, h->end);
    }
    setSelection(0, layout_.size());
}

std::vector<uint8_t> HexView::selectedBytes() const {
    if (layout_.size() == 0) return {};
    const auto sel = selection().value_or(std::make_pair(cursor_, cursor_ + 1));
    if (sel.second - sel.first > kCopyLimit) return {};
    const Bytes part = bytes_.subspan(sel.first, sel.second - sel.first);
    return {part.begin(), part.end()};
}

QString HexView::statusText() const {
    if (layout_.size() == 0) return {};
    const auto sel = selection();
    if (!sel) return tr("Cursor %1").arg(QStringLiteral("0x") + QString::number(cursor_, 16));
    const uint64_t length = sel->second - sel->first;
    // "bytes" even for one: a selection of one byte is rare, and the
    // translations' plural forms are the lead's to add.
    return tr("Selection 0x%1-0x%2 \u00b7 %3 bytes (0x%4)")
        .arg(QString::number(sel->first, 16), QString::number(sel->second - 1, 16), QString::number(length),
             QString::number(length, 16));
}

bool HexView::copy(CopyForm form) {
    if (layout_.size() == 0) return false;
    const std::vector<uint8_t> bytes = selectedBytes();
    if (bytes.empty()) {
        emit copyRefused(tr("The selection is too large to copy (more than %1 MiB).").arg(kCopyLimit >> 20));
        return false;
    }
    QString text;
    switch (form) {
    case CopyForm::Hex: text = bytetext::hex(bytes); break;
    case CopyForm::Latin1Text: text = bytetext::latin1(bytes); break;
    case CopyForm::Utf16Text: text = bytetext::utf16(bytes); break;
    case CopyForm::CArray: text = bytetext::cArray(bytes); break;
    }
    QApplication::clipboard()->setText(text);
    return true;
}

QMenu* HexView::createContextMenu(QWidget* parent) {
    auto* menu = new QMenu(parent);
    const bool any = layout_.size() > 0;
    for (QAction* a : {copyHex_, copyLatin1_, copyUtf16_, copyCArray_, selectAll_, goToOffset_, interpret_})
        a->setEnabled(any);
    menu->addAction(copyHex_);
    menu->addAction(copyLatin1_);
    menu->addAction(copyUtf16_);
    menu->addAction(copyCArray_);
    menu->addSeparator();
    menu->addAction(selectAll_);
    menu->addAction(goToOffset_);
    menu->addSeparator();
    menu->addAction(interpret_);
    return menu;
}

void HexView::contextMenuEvent(QContextMenuEvent* event) {
    // A right click outside the selection moves the cursor there first, as
    // in text editors; inside, it keeps the selection for the copy.
    const QPoint pos = viewport()->mapFrom(this, event->pos());
    if (const auto offset = offsetAt(pos); offset && !isSelected(*offset)) setCursorOffset(*offset);
    QMenu* menu = createContextMenu(this);
    menu->exec(event->globalPos());
    delete menu;
}

bool HexView::event(QEvent* event) {
    // Ours before any window-wide shortcut on the same keys.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
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
    uint64_t selBegin = 0;   ///< the selection [selBegin, selEnd), empty when none
    uint64_t selEnd = 0;
    bool selected(uint64_t offset) const { return offset >= selBegin && offset < selEnd; }
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
        if (c.selEnd > c.start && c.selBegin < c.end) {
            const int from = static_cast<int>(std::max(c.selBegin, c.start) - c.start);
            const int to = static_cast<int>(std::min(c.selEnd, c.end) - c.start);
            fillRun(c, from, to, c.cursorFill);
        }
    }

    void paintContent(PaintContext& c) const override {
        const uint8_t* data = view_.bytes_.data() + c.start;
        const int count = static_cast<int>(c.end - c.start);
        const int cursorByte = c.cursorLine ? view_.layout_.byteInLine(view_.cursor_) : -1;
        for (int b = 0; b < count; ++b) {
            const bool isCursor = b == cursorByte;
            const bool selected = c.selected(c.start + static_cast<uint64_t>(b));
            if (isCursor && selected) {
                // The cursor inside the selection: an outline, on the
                // selection's own colour.
                c.painter.setPen(QPen(c.cursorText, 1));
                c.painter.setBrush(Qt::NoBrush);
                c.painter.drawRect(cursorRect(b, c.y).adjusted(0, 0, -1, -1));
            } else if (isCursor) {
                c.painter.fillRect(cursorRect(b, c.y), c.cursorFill);
            }
            drawByte(c, b, data[b], isCursor || selected);
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
    if (const auto sel = selection()) {
        c.selBegin = sel->first;
        c.selEnd = sel->second;
    }
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
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+click extends the selection; it does not navigate.
        moveCursorTo(*offset, true);
        pressOffset_ = anchor_;
        return;
    }
    setCursorOffset(*offset);
    pressOffset_ = *offset;
    emit offsetClicked(*offset);
}

void HexView::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) || !pressOffset_) return QAbstractScrollArea::mouseMoveEvent(event);
    QPoint pos = event->position().toPoint();
    // Dragged past the top or bottom: scroll a line and select to the edge.
    if (pos.y() < 0) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
        pos.setY(0);
    } else if (pos.y() >= viewport()->height()) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
        pos.setY(viewport()->height() - 1);
    }
    const auto offset = offsetAt(pos);
    if (!offset) return;
    if (!anchor_) {
        if (*offset == *pressOffset_) return;
        anchor_ = *pressOffset_;
    }
    moveCursorTo(*offset, true);
}

void HexView::mouseReleaseEvent(QMouseEvent* event) {
    // The press did the work; the release is ours too (not the parent's).
    pressOffset_.reset();
    event->accept();
}

void HexView::moveCursorBy(int64_t delta, bool extend) {
    if (layout_.size() == 0) return;
    const int64_t last = static_cast<int64_t>(layout_.size() - 1);
    const int64_t target = std::clamp(static_cast<int64_t>(cursor_) + delta, int64_t{0}, last);
    moveCursorTo(static_cast<uint64_t>(target), extend);
}

void HexView::keyPressEvent(QKeyEvent* event) {
    const int64_t bpl = layout_.bytesPerLine();
    const int64_t page = static_cast<int64_t>(pageLines()) * bpl;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->matches(QKeySequence::Copy)) {
        copy(CopyForm::Hex);
        return event->accept();
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return event->accept();
    }
    switch (event->key()) {
    case Qt::Key_Left: moveCursorBy(-1, shift); break;
    case Qt::Key_Right: moveCursorBy(1, shift); break;
    case Qt::Key_Up: moveCursorBy(-bpl, shift); break;
    case Qt::Key_Down: moveCursorBy(bpl, shift); break;
    case Qt::Key_PageUp: moveCursorBy(-page, shift); break;
    case Qt::Key_PageDown: moveCursorBy(page, shift); break;
    case Qt::Key_Home:
        if (ctrl) moveCursorTo(0, shift);
        else moveCursorBy(-layout_.byteInLine(cursor_), shift);
        break;
    case Qt::Key_End:
        if (ctrl) moveCursorTo(layout_.size() ? layout_.size() - 1 : 0, shift);
        else moveCursorBy(bpl - 1 - layout_.byteInLine(cursor_), shift);
        break;
    case Qt::Key_Escape:
        if (!anchor_) return QAbstractScrollArea::keyPressEvent(event);
        clearSelection();
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
