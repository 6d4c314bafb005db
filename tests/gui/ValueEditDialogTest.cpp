// The value editor dialog: each type's editor, refusal of bad input with the
// parser's message, the raw editor, and the %VARS% preview.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include "editing/ValueEditDialog.h"
#include "format/ValueData.h"

using namespace hivekit;
using namespace hivekit::gui;

TEST_CASE("The DWORD editor refuses an out-of-range number with a message and keeps the dialog open") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegDword);
    dialog.lineEdit()->setText(QStringLiteral("99999999999"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText() == QStringLiteral("A DWORD out of range: 99999999999 is larger than 4294967295."));
    dialog.lineEdit()->setText(QStringLiteral("0x10"));
    CHECK(dialog.validate());
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.data() == std::vector<uint8_t>{0x10, 0, 0, 0});
}

TEST_CASE("The binary editor refuses odd hex digits, toggles overwrite with Insert and takes pasted hex") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegBinary);
    dialog.textEdit()->setPlainText(QStringLiteral("de ad b"));
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.errorText() == QStringLiteral("Odd number of hex digits (5): each byte takes two."));
    CHECK_FALSE(dialog.textEdit()->overwriteMode());
    QTest::keyClick(dialog.textEdit(), Qt::Key_Insert);
    CHECK(dialog.textEdit()->overwriteMode());
    dialog.textEdit()->setPlainText(QStringLiteral("00 11"));
    dialog.textEdit()->moveCursor(QTextCursor::Start);
    QTest::keyClicks(dialog.textEdit(), QStringLiteral("ff"));
    CHECK(dialog.textEdit()->toPlainText() == QStringLiteral("ff 11"));
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{0xff, 0x11});
    // Pasted hex arrives as plain text and is inserted where the cursor is.
    QApplication::clipboard()->setText(QStringLiteral(" 22 33"));
    dialog.textEdit()->setOverwriteMode(false);
    dialog.textEdit()->moveCursor(QTextCursor::End);
    dialog.textEdit()->paste();
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{0xff, 0x11, 0x22, 0x33});
}

TEST_CASE("The multi-string editor takes one string a line and refuses an empty one") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegMultiSz);
    dialog.textEdit()->setPlainText(QStringLiteral("a\n\nb"));
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.errorText() == QStringLiteral("Line 2 is empty: a multi-string cannot hold an empty string."));
    dialog.textEdit()->setPlainText(QStringLiteral("a\nb"));
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{'a', 0, 0, 0, 'b', 0, 0, 0, 0, 0});
}

TEST_CASE("The expandable string editor previews its variables left as text") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegExpandSz);
    dialog.lineEdit()->setText(QStringLiteral("%SystemRoot%\\system32"));
    CHECK(dialog.previewLabel()->text().contains(QStringLiteral("variables left as text: %SystemRoot%")));
    CHECK(dialog.validate());
    CHECK(dialog.type() == kRegExpandSz);
}

TEST_CASE("The raw editor takes any type number and bytes and refuses a bad type number") {
    ValueEditDialog dialog(true);
    dialog.setRaw(true);
    dialog.rawTypeEdit()->setText(QStringLiteral("0x1ffffffff"));
    dialog.textEdit()->setPlainText(QStringLiteral("01 02"));
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.errorText().contains(QStringLiteral("out of range")));
    dialog.rawTypeEdit()->setText(QStringLiteral("0x20"));
    CHECK(dialog.validate());
    CHECK(dialog.type() == 0x20);
    CHECK(dialog.data() == std::vector<uint8_t>{1, 2});
}

TEST_CASE("Editing a value opens the editor of its type, or the raw editor for data that type cannot hold") {
    ValueEditDialog dword(false);
    dword.setValue(QStringLiteral("Start"), kRegDword, {4, 0, 0, 0});
    CHECK(dword.lineEdit()->text() == QStringLiteral("4"));
    CHECK(dword.validate());
    CHECK(dword.data() == std::vector<uint8_t>{4, 0, 0, 0});
    ValueEditDialog odd(false);
    odd.setValue(QStringLiteral("Odd"), kRegDword, {4, 0, 0});
    CHECK(odd.typeCombo()->currentIndex() == odd.typeCombo()->count() - 1);
    CHECK(odd.validate());
    CHECK(odd.type() == kRegDword);
    CHECK(odd.data() == std::vector<uint8_t>{4, 0, 0});
}
