#include "editing/HexGridEditor.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

#include "editing/ValueCodec.h"
#include "hexview/ByteText.h"

namespace hivekit::gui {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

int hexDigit(const QString& text) {
    if (text.size() != 1) return -1;
    const char16_t c = text.front().unicode();
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'f') return c - u'a' + 10;
    if (c >= u'A' && c <= u'F') return c - u'A' + 10;
    return -1;
}

bool printable(uint8_t b) { return b >= 0x20 && b < 0x7F; }

}  // namespace

HexGridEditor::HexGridEditor(QWidget* parent) : QAbstractScrollArea(parent) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setCursor(Qt::IBeamCursor);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    updateMetrics();
}

void HexGridEditor::setData(std::vector<uint8_t> data) {
    data_ = std::move(data);
    pos_ = 0;
    lowNibble_ = false;
    anchor_.reset();
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    emit dataChanged();
}

void HexGridEditor::setCursorPosition(size_t pos, bool extend) {
    pos = std::min(pos, data_.size());
    if (extend) {
        if (!anchor_) anchor_ = pos_;
    } else {
        anchor_.reset();
    }
    pos_ = pos;
    lowNibble_ = false;
    ensureCursorVisible();
    viewport()->update();
}

std::optional<std::pair<size_t, size_t>> HexGridEditor::selection() const {
    if (!anchor_ || *anchor_ == pos_) return std::nullopt;
    return std::make_pair(std::min(*anchor_, pos_), std::max(*anchor_, pos_));
}

void HexGridEditor::selectAll() {
    anchor_ = 0;
    pos_ = data_.size();
    lowNibble_ = false;
    viewport()->update();
}

void HexGridEditor::setOverwriteMode(bool overwrite) {
    if (overwrite == overwrite_) return;
    overwrite_ = overwrite;
    viewport()->update();
    emit overwriteModeChanged(overwrite);
}

void HexGridEditor::setTextColumnActive(bool active) {
    textActive_ = active;
    lowNibble_ = false;
    viewport()->update();
}

void HexGridEditor::copy() const {
    const auto sel = selection();
    if (!sel) return;
    QApplication::clipboard()->setText(
        bytetext::hex(std::span<const uint8_t>(data_).subspan(sel->first, sel->second - sel->first)));
}

void HexGridEditor::cut() {
    copy();
    if (removeSelection()) changed();
}

bool HexGridEditor::paste() {
    const ParsedData parsed = ValueCodec::parseHex(QApplication::clipboard()->text());
    if (!parsed.ok()) {
        emit pasteRefused(tr("Not pasted: %1").arg(parsed.error));
        return false;
    }
    insertBytes(parsed.bytes);
    return true;
}

void HexGridEditor::insertBytes(const std::vector<uint8_t>& bytes) {
    removeSelection();
    lowNibble_ = false;
    const auto at = data_.begin() + static_cast<std::ptrdiff_t>(pos_);
    if (overwrite_) {
        // Over what is there, growing the data past its end.
        const size_t over = std::min(bytes.size(), data_.size() - pos_);
        std::copy_n(bytes.begin(), over, at);
        data_.insert(data_.end(), bytes.begin() + static_cast<std::ptrdiff_t>(over), bytes.end());
    } else {
        data_.insert(at, bytes.begin(), bytes.end());
    }
    pos_ += bytes.size();
    changed();
}

bool HexGridEditor::removeSelection() {
    const auto sel = selection();
    anchor_.reset();
    if (!sel) return false;
    erase(sel->first, sel->second);
    return true;
}

void HexGridEditor::erase(size_t begin, size_t end) {
    data_.erase(data_.begin() + static_cast<std::ptrdiff_t>(begin), data_.begin() + static_cast<std::ptrdiff_t>(end));
    pos_ = begin;
    lowNibble_ = false;
}

void HexGridEditor::changed() {
    updateScrollBars();
    ensureCursorVisible();
    viewport()->update();
    emit dataChanged();
}

void HexGridEditor::typeNibble(int digit) {
    const bool replaced = removeSelection();
    if (lowNibble_) {
        // The second digit completes the byte the first one started.
        data_[pos_] = static_cast<uint8_t>((data_[pos_] & 0xF0) | digit);
        ++pos_;
        lowNibble_ = false;
    } else if (overwrite_ && !replaced && pos_ < data_.size()) {
        data_[pos_] = static_cast<uint8_t>((digit << 4) | (data_[pos_] & 0x0F));
        lowNibble_ = true;
    } else {
        data_.insert(data_.begin() + static_cast<std::ptrdiff_t>(pos_), static_cast<uint8_t>(digit << 4));
        lowNibble_ = true;
    }
    changed();
}

void HexGridEditor::typeByte(uint8_t byte) {
    const bool replaced = removeSelection();
    if (overwrite_ && !replaced && pos_ < data_.size()) data_[pos_] = byte;
    else data_.insert(data_.begin() + static_cast<std::ptrdiff_t>(pos_), byte);
    ++pos_;
    lowNibble_ = false;
    changed();
}

bool HexGridEditor::event(QEvent* event) {
    // Keys of ours before the dialog's shortcuts and default button.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Paste) ||
            key->matches(QKeySequence::Cut) || key->matches(QKeySequence::SelectAll)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void HexGridEditor::keyPressEvent(QKeyEvent* event) {
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::Copy)) return copy();
    if (event->matches(QKeySequence::Cut)) return cut();
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) return selectAll();
    const size_t line = pos_ / kBytesPerLine * kBytesPerLine;
    switch (event->key()) {
    case Qt::Key_Left:
        if (lowNibble_ && !shift) {
            // Back to the first digit of the byte being typed.
            lowNibble_ = false;
            viewport()->update();
            return;
        }
        return setCursorPosition(pos_ > 0 ? pos_ - 1 : 0, shift);
    case Qt::Key_Right: return setCursorPosition(pos_ + 1, shift);
    case Qt::Key_Up: return setCursorPosition(pos_ >= kBytesPerLine ? pos_ - kBytesPerLine : 0, shift);
    case Qt::Key_Down: return setCursorPosition(pos_ + kBytesPerLine, shift);
    case Qt::Key_Home: return setCursorPosition(ctrl ? 0 : line, shift);
    case Qt::Key_End: return setCursorPosition(ctrl ? data_.size() : line + kBytesPerLine - 1, shift);
    case Qt::Key_Insert:
        if (event->modifiers() == Qt::NoModifier) return setOverwriteMode(!overwrite_);
        break;
    case Qt::Key_Backspace:
        if (removeSelection()) return changed();
        if (lowNibble_) erase(pos_, pos_ + 1);  // the byte being typed
        else if (pos_ > 0) erase(pos_ - 1, pos_);
        return changed();
    case Qt::Key_Delete:
        if (removeSelection()) return changed();
        if (pos_ < data_.size()) erase(pos_, pos_ + 1);
        return changed();
    case Qt::Key_Tab:
    case Qt::Key_Backtab: break;  // focus moves on, as everywhere in the dialog
    default: {
        const QString text = event->text();
        if (ctrl || text.isEmpty()) break;
        if (!textActive_) {
            const int digit = hexDigit(text);
            if (digit >= 0) return typeNibble(digit);
        } else if (text.size() == 1 && text.front().unicode() < 0x100 && text.front().unicode() >= 0x20) {
            return typeByte(static_cast<uint8_t>(text.front().unicode()));
        }
        break;
    }
    }
    QAbstractScrollArea::keyPressEvent(event);
}

std::pair<size_t, bool> HexGridEditor::positionAt(QPoint p) const {
    const int line = verticalScrollBar()->value() + std::max(0, p.y()) / lineHeight_;
    const bool inText = p.x() >= textX() - charWidth_;
    int byte = inText ? (p.x() - textX()) / charWidth_ : (p.x() - hexX() + charWidth_ / 2) / (3 * charWidth_);
    byte = std::clamp(byte, 0, kBytesPerLine - 1);
    const size_t pos = static_cast<size_t>(line) * kBytesPerLine + static_cast<size_t>(byte);
    return {std::min(pos, data_.size()), inText};
}

void HexGridEditor::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    const auto [pos, inText] = positionAt(event->position().toPoint());
    textActive_ = inText;
    setCursorPosition(pos, event->modifiers() & Qt::ShiftModifier);
    pressPos_ = pos;
}

void HexGridEditor::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    const auto [pos, inText] = positionAt(event->position().toPoint());
    // A drag selects from the pressed byte to the one under the mouse, both
    // included, in either direction.
    const size_t end = std::min(data_.size(), pressPos_ + 1);
    if (pos >= pressPos_) {
        anchor_ = pressPos_;
        setCursorPosition(pos + 1, true);
    } else {
        anchor_ = end;
        setCursorPosition(pos, true);
    }
}

void HexGridEditor::mouseReleaseEvent(QMouseEvent* event) {
    // The press and moves did the work; the release is ours, not the dialog's.
    event->accept();
}

int HexGridEditor::lineCount() const { return static_cast<int>(data_.size() / kBytesPerLine) + 1; }

int HexGridEditor::hexX() const { return kMargin + 6 * charWidth_; }

int HexGridEditor::textX() const { return hexX() + (3 * kBytesPerLine + 1) * charWidth_; }

QRect HexGridEditor::hexRect(size_t index) const {
    const int line = static_cast<int>(index / kBytesPerLine) - verticalScrollBar()->value();
    const int byte = static_cast<int>(index % kBytesPerLine);
    return QRect(hexX() + 3 * byte * charWidth_, line * lineHeight_, 2 * charWidth_, lineHeight_);
}

QRect HexGridEditor::textRect(size_t index) const {
    const int line = static_cast<int>(index / kBytesPerLine) - verticalScrollBar()->value();
    const int byte = static_cast<int>(index % kBytesPerLine);
    return QRect(textX() + byte * charWidth_, line * lineHeight_, charWidth_, lineHeight_);
}

QSize HexGridEditor::sizeHint() const {
    return QSize(textX() + kBytesPerLine * charWidth_ + kMargin + verticalScrollBar()->sizeHint().width() +
                     2 * frameWidth(),
                 10 * lineHeight_ + 2 * frameWidth());
}

void HexGridEditor::updateMetrics() {
    const QFontMetrics fm(font());
    charWidth_ = std::max(1, fm.horizontalAdvance(QLatin1Char('0')));
    lineHeight_ = fm.height() + 2;
    ascent_ = fm.ascent() + 1;
    updateScrollBars();
    updateGeometry();
}

void HexGridEditor::updateScrollBars() {
    const int page = std::max(1, viewport()->height() / lineHeight_);
    verticalScrollBar()->setRange(0, std::max(0, lineCount() - page));
    verticalScrollBar()->setPageStep(page);
}

void HexGridEditor::ensureCursorVisible() {
    const int line = static_cast<int>(pos_ / kBytesPerLine);
    const int page = std::max(1, viewport()->height() / lineHeight_);
    const int top = verticalScrollBar()->value();
    if (line < top) verticalScrollBar()->setValue(line);
    else if (line >= top + page) verticalScrollBar()->setValue(line - page + 1);
}

void HexGridEditor::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexGridEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

void HexGridEditor::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    p.setFont(font());
    p.fillRect(QRect(0, 0, hexX() - 2 * charWidth_ / 2, viewport()->height()), pal.color(QPalette::AlternateBase));
    const auto sel = selection().value_or(std::make_pair(size_t{0}, size_t{0}));
    const int top = verticalScrollBar()->value();
    const int lines = viewport()->height() / lineHeight_ + 1;
    for (int l = top; l < std::min(lineCount(), top + lines); ++l) {
        const int y = (l - top) * lineHeight_;
        const size_t start = static_cast<size_t>(l) * kBytesPerLine;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(kMargin, y + ascent_, QStringLiteral("%1").arg(start, 4, 16, QLatin1Char('0')));
        for (size_t i = start; i < std::min(start + kBytesPerLine, data_.size()); ++i) {
            const uint8_t b = data_[i];
            const bool selected = i >= sel.first && i < sel.second;
            const QRect hex = hexRect(i);
            const QRect text = textRect(i);
            if (selected) {
                p.fillRect(hex.adjusted(-charWidth_ / 2, 0, charWidth_ / 2 + 1, 0), pal.color(QPalette::Highlight));
                p.fillRect(text, pal.color(QPalette::Highlight));
            }
            p.setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
            const QChar digits[2] = {QLatin1Char(kDigits[b >> 4]), QLatin1Char(kDigits[b & 0xF])};
            p.drawText(hex.x(), y + ascent_, QString(digits, 2));
            p.drawText(text.x(), y + ascent_, QString(printable(b) ? QLatin1Char(static_cast<char>(b)) : QLatin1Char('.')));
        }
    }
    // The cursor: a bar before the digit (insert) or a box over it
    // (overwrite) in the column typed into, an outline in the other.
    const QRect hex = hexRect(pos_).translated(lowNibble_ ? charWidth_ : 0, 0);
    const QRect text = textRect(pos_);
    const QRect active = textActive_ ? text : hex;
    const QRect passive = textActive_ ? hex.adjusted(0, 0, lowNibble_ ? 0 : -charWidth_, 0) : text;
    const QColor ink = pal.color(QPalette::Text);
    if (overwrite_) p.fillRect(QRect(active.x(), active.y(), charWidth_, active.height()), QColor(ink.red(), ink.green(), ink.blue(), 90));
    else p.fillRect(QRect(active.x() - 1, active.y(), 2, active.height()), ink);
    p.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(passive.adjusted(0, 0, -1, -1));
}

}  // namespace hivekit::gui
