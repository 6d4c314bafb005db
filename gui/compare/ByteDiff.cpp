#include "compare/ByteDiff.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>

#include "compare/CompareColors.h"

namespace hivekit::gui::compare {

namespace {
constexpr size_t kBytesPerLine = 16;
/// A dump longer than this is cut (a value's data can be megabytes).
constexpr size_t kMaxShownBytes = 64 * 1024;
}  // namespace

std::vector<ByteDiffLine> byteDiffLines(Bytes mine, Bytes other) {
    std::vector<ByteDiffLine> lines;
    lines.reserve((mine.size() + kBytesPerLine - 1) / kBytesPerLine);
    for (size_t at = 0; at < mine.size(); at += kBytesPerLine) {
        ByteDiffLine line;
        line.offset = at;
        const size_t n = std::min(kBytesPerLine, mine.size() - at);
        line.bytes.assign(mine.begin() + static_cast<std::ptrdiff_t>(at),
                          mine.begin() + static_cast<std::ptrdiff_t>(at + n));
        for (size_t i = 0; i < n; ++i)
            if (at + i >= other.size() || other[at + i] != mine[at + i]) line.differs |= uint16_t(1u << i);
        lines.push_back(std::move(line));
    }
    return lines;
}

ByteDiffView::ByteDiffView(QWidget* parent) : QWidget(parent), old_(new QTextEdit(this)), new_(new QTextEdit(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QTextEdit* pane : {old_, new_}) {
        pane->setReadOnly(true);
        pane->setLineWrapMode(QTextEdit::NoWrap);
        pane->setFont(fixed);
        layout->addWidget(pane);
    }
    old_->setObjectName(QStringLiteral("oldBytes"));
    new_->setObjectName(QStringLiteral("newBytes"));
    old_->setPlaceholderText(tr("Old data (A)"));
    new_->setPlaceholderText(tr("New data (B)"));
}

void ByteDiffView::clear() {
    old_->clear();
    new_->clear();
    markedOld_ = markedNew_ = 0;
}

void ByteDiffView::setData(const std::vector<uint8_t>& oldData, bool hasOld, const std::vector<uint8_t>& newData,
                           bool hasNew) {
    markedOld_ = fill(old_, oldData, hasNew ? Bytes(newData) : Bytes(), hasOld);
    markedNew_ = fill(new_, newData, hasOld ? Bytes(oldData) : Bytes(), hasNew);
}

int ByteDiffView::fill(QTextEdit* pane, Bytes mine, Bytes other, bool present) {
    pane->clear();
    if (!present) {
        pane->setPlainText(tr("(no such value on this side)"));
        return 0;
    }
    if (mine.empty()) {
        pane->setPlainText(tr("(no data)"));
        return 0;
    }
    const size_t total = mine.size();
    const bool cut = total > kMaxShownBytes;
    if (cut) mine = mine.first(kMaxShownBytes);
    QTextCharFormat plain;
    QTextCharFormat marked;
    marked.setBackground(CompareColors::forPalette(pane->palette()).byteMark);
    marked.setForeground(pane->palette().color(QPalette::Text));
    QTextCursor cursor(pane->document());
    int count = 0;
    for (const ByteDiffLine& line : byteDiffLines(mine, other)) {
        cursor.insertText(QStringLiteral("%1  ").arg(line.offset, 8, 16, QLatin1Char('0')), plain);
        for (size_t i = 0; i < kBytesPerLine; ++i) {
            if (i < line.bytes.size()) {
                const bool differs = line.differs & (1u << i);
                count += differs ? 1 : 0;
                cursor.insertText(QStringLiteral("%1").arg(line.bytes[i], 2, 16, QLatin1Char('0')), differs ? marked : plain);
            } else {
                cursor.insertText(QStringLiteral("  "), plain);
            }
            cursor.insertText(QStringLiteral(" "), plain);
        }
        QString ascii;
        for (uint8_t b : line.bytes) ascii += b >= 0x20 && b < 0x7f ? QLatin1Char(static_cast<char>(b)) : QLatin1Char('.');
        cursor.insertText(QStringLiteral(" |") + ascii + QStringLiteral("|\n"), plain);
    }
    if (cut) cursor.insertText(tr("… the first %1 bytes of %2").arg(kMaxShownBytes).arg(total), plain);
    pane->moveCursor(QTextCursor::Start);
    return count;
}

}  // namespace hivekit::gui::compare
