// Selecting bytes in the hex view (drag, Shift+click, Shift+keys, Select
// All), the selection painted in the palette's highlight colours, the
// status text, the three copy forms' exact clipboard text and the context
// menu's actions.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>
#include <string>
#include <vector>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "document/HiveView.h"
#include "hexview/ByteText.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "interpreter/InterpreterPanel.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

namespace {

using Sel = std::optional<std::pair<uint64_t, uint64_t>>;

Sel range(uint64_t begin, uint64_t end) { return std::make_pair(begin, end); }

std::shared_ptr<const Hive> systemHive() {
    auto hive = Hive::open(testsupport::hivePath("regipy/SYSTEM"));
    REQUIRE(hive);
    return std::shared_ptr<const Hive>(std::move(*hive));
}

void settle(QWidget& w) {
    w.show();
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

/// A left-button drag on the view's viewport from one byte to another.
void drag(HexView& view, uint64_t from, uint64_t to) {
    QWidget* vp = view.viewport();
    const QPoint a = view.byteRect(from).center();
    const QPoint b = view.byteRect(to).center();
    QTest::mousePress(vp, Qt::LeftButton, {}, a);
    QMouseEvent move(QEvent::MouseMove, QPointF(b), vp->mapToGlobal(QPointF(b)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, b);
}

QStringList actionTexts(QMenu* menu) {
    QStringList out;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) out << a->text();
    return out;
}

}  // namespace

TEST_CASE("Dragging over bytes selects them from either end and a click drops the selection") {
    HexView view;
    view.resize(800, 400);
    view.setHive(systemHive());
    view.setCursorOffset(0x1000);
    settle(view);
    CHECK_FALSE(view.selection());
    QSignalSpy changed(&view, &HexView::selectionChanged);

    drag(view, 0x1022, 0x1035);
    CHECK(view.selection() == range(0x1022, 0x1036));
    CHECK(view.cursorOffset() == 0x1035u);
    CHECK(changed.count() >= 1);
    // Backwards: the pressed byte stays in.
    drag(view, 0x1035, 0x1022);
    CHECK(view.selection() == range(0x1022, 0x1036));
    // The ASCII column selects the same way.
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, view.byteRect(0x1040, true).center());
    const QPoint end = view.byteRect(0x1043, true).center();
    QMouseEvent move(QEvent::MouseMove, QPointF(end), view.viewport()->mapToGlobal(QPointF(end)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, end);
    CHECK(view.selection() == range(0x1040, 0x1044));

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.byteRect(0x1050).center());
    CHECK_FALSE(view.selection());
    CHECK(view.cursorOffset() == 0x1050u);
}

TEST_CASE("Shift+click selects from the cursor to the clicked byte without navigating") {
    HexView view;
    view.resize(800, 400);
    view.setHive(systemHive());
    settle(view);
    view.setCursorOffset(0x1030);
    QSignalSpy clicked(&view, &HexView::offsetClicked);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, view.byteRect(0x1012).center());
    CHECK(view.selection() == range(0x1012, 0x1031));
    CHECK(clicked.count() == 0);
    // A second Shift+click moves the free end; the anchor stays.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, view.byteRect(0x1045).center());
    CHECK(view.selection() == range(0x1030, 0x1046));
    CHECK(view.statusText() == QStringLiteral("Selection 0x1030-0x1045 \u00b7 22 bytes (0x16)"));
}

TEST_CASE("Shift with the arrows and Page keys and Home and End grows the selection and a plain key drops it") {
    HexView view;
    view.resize(800, 400);
    view.setHive(systemHive());
    settle(view);
    view.setCursorOffset(0x1008);
    QWidget* vp = view.viewport();
    QTest::keyClick(vp, Qt::Key_Right, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1008, 0x100a));
    QTest::keyClick(vp, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(vp, Qt::Key_Down, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1008, 0x101b));
    QTest::keyClick(vp, Qt::Key_Up, Qt::ShiftModifier);
    QTest::keyClick(vp, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(vp, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(vp, Qt::Key_Left, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1007, 0x1009));
    QTest::keyClick(vp, Qt::Key_End, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1008, 0x1010));
    QTest::keyClick(vp, Qt::Key_Home, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1000, 0x1009));
    const uint64_t page = HexLayout::fullLines(vp->height(), view.lineHeight()) * 16;
    QTest::keyClick(vp, Qt::Key_PageDown, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1008, 0x1000 + page + 1));
    QTest::keyClick(vp, Qt::Key_PageUp, Qt::ShiftModifier);
    CHECK(view.selection() == range(0x1000, 0x1009));
    QTest::keyClick(vp, Qt::Key_Home, Qt::ShiftModifier | Qt::ControlModifier);
    CHECK(view.selection() == range(0, 0x1009));
    QTest::keyClick(vp, Qt::Key_Escape);
    CHECK_FALSE(view.selection());
    QTest::keyClick(vp, Qt::Key_Right, Qt::ShiftModifier);
    REQUIRE(view.selection());
    QTest::keyClick(vp, Qt::Key_Right);
    CHECK_FALSE(view.selection());
    CHECK(view.statusText() == QStringLiteral("Cursor 0x2"));
}

TEST_CASE("The copy forms put exact hex and text and C array text on the clipboard and Ctrl+C copies hex") {
    HexView view;
    view.resize(800, 400);
    view.setHive(systemHive());
    settle(view);
    QClipboard* clipboard = QApplication::clipboard();

    // The hbin header, 32 bytes: a line break after 16.
    view.setSelection(0x1000, 0x1020);
    clipboard->clear();
    QTest::keyClick(view.viewport(), Qt::Key_C, Qt::ControlModifier);
    CHECK(clipboard->text() == QStringLiteral("68 62 69 6E 00 00 00 00 00 10 00 00 00 00 00 00\n"
                                              "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));

    // The first 16 bytes of the root key's cell.
    view.setSelection(0x1020, 0x1030);
    REQUIRE(view.copy(HexView::CopyForm::Hex));
    CHECK(clipboard->text() == QStringLiteral("78 FF FF FF 6E 6B 2C 00 B6 D4 0A A9 58 12 CD 01"));
    REQUIRE(view.copy(HexView::CopyForm::Latin1Text));
    CHECK(clipboard->text() == QStringLiteral("x\u00ff\u00ff\u00ffnk,.\u00b6\u00d4.\u00a9X.\u00cd."));
    REQUIRE(view.copy(HexView::CopyForm::Utf16Text));
    CHECK(clipboard->text() == QStringLiteral("\uff78.\u6b6e,\ud4b6\ua90a\u1258\u01cd"));
    REQUIRE(view.copy(HexView::CopyForm::CArray));
    CHECK(clipboard->text() == QStringLiteral("const unsigned char data[16] = {\n"
                                              "    0x78, 0xff, 0xff, 0xff, 0x6e, 0x6b, 0x2c, 0x00, 0xb6, 0xd4, 0x0a, 0xa9,\n"
                                              "    0x58, 0x12, 0xcd, 0x01\n"
                                              "};"));
    // Nothing selected: the byte under the cursor.
    view.setCursorOffset(0x1024);
    REQUIRE(view.copy(HexView::CopyForm::Hex));
    CHECK(clipboard->text() == QStringLiteral("6E"));

    CHECK(bytetext::cArray({}) == QStringLiteral("const unsigned char data[0] = {};"));
    const std::vector<uint8_t> twelve(13, 0xab);
    CHECK(bytetext::cArray(twelve).count(QLatin1Char('\n')) == 3);
}

TEST_CASE("The context menu offers the copy forms and Select All and Go to Offset and Interpret Here") {
    HexPane pane;
    pane.resize(1000, 500);
    pane.setHive(systemHive());
    settle(pane);
    HexView* view = pane.hexView();
    std::unique_ptr<QMenu> menu(view->createContextMenu(view));
    CHECK(actionTexts(menu.get()) == QStringList{QStringLiteral("Copy as &Hex"), QStringLiteral("Copy as &Text (Latin-1)"),
                                                 QStringLiteral("Copy as Text (&UTF-16LE)"),
                                                 QStringLiteral("Copy as &C Array"), QStringLiteral("Select &All (Cell)"),
                                                 QStringLiteral("&Go to Offset..."), QStringLiteral("&Interpret Here")});
    const auto action = [&](const QString& text) {
        for (QAction* a : menu->actions())
            if (a->text() == text) return a;
        FAIL("no action " << text.toStdString());
        return static_cast<QAction*>(nullptr);
    };
    CHECK(action(QStringLiteral("Copy as &Hex"))->shortcut() == QKeySequence(QKeySequence::Copy));

    // Interpret Here names the selection's start.
    view->setSelection(0x1024, 0x1030);
    QSignalSpy interpret(view, &HexView::interpretRequested);
    action(QStringLiteral("&Interpret Here"))->trigger();
    REQUIRE(interpret.count() == 1);
    CHECK(interpret.at(0).at(0).toULongLong() == 0x1024u);
    // Copy as C Array from the menu.
    action(QStringLiteral("Copy as &C Array"))->trigger();
    CHECK(QApplication::clipboard()->text().startsWith(QStringLiteral("const unsigned char data[12] = {")));
    // Go to Offset focuses the pane's offset box.
    QSignalSpy goTo(view, &HexView::goToOffsetRequested);
    action(QStringLiteral("&Go to Offset..."))->trigger();
    CHECK(goTo.count() == 1);

    // Select All: the cell under the cursor (the key's nk on show), its
    // status in the pane's status line.
    pane.showKey(0x20);
    view->setCursorOffset(0x1030);
    action(QStringLiteral("Select &All (Cell)"))->trigger();
    const auto nk = view->highlights().front();
    CHECK(view->selection() == range(nk.begin, nk.end));
    CHECK(nk.begin == 0x1020u);
    CHECK(pane.statusLabel()->text() == view->statusText());
    CHECK(pane.statusLabel()->text().startsWith(QStringLiteral("Selection 0x1020-")));
    // Ctrl+A does the same; outside every coloured range, the whole file.
    view->setCursorOffset(0x10);
    QTest::keyClick(view->viewport(), Qt::Key_A, Qt::ControlModifier);
    CHECK(view->selection() == range(0, view->hive()->bytes().size()));
}

TEST_CASE("The selection is painted in the palette's Highlight colour over the cell colours") {
    HexView view;
    QPalette pal = view.palette();
    pal.setColor(QPalette::Highlight, QColor(0xff, 0x00, 0xff));
    pal.setColor(QPalette::HighlightedText, QColor(0x00, 0xff, 0x00));
    view.setPalette(pal);
    view.resize(800, 400);
    view.setHive(systemHive());
    view.setHighlights({HexHighlight{0x1020, 0x10a0, QColor(0xc0, 0xe0, 0xc0), 4}});
    settle(view);
    view.setSelection(0x1022, 0x1026);
    view.setCursorOffset(0x1050);  // the cursor elsewhere: drops the selection
    CHECK_FALSE(view.selection());
    view.setSelection(0x1022, 0x1026);
    QApplication::processEvents();
    const QImage image = view.viewport()->grab().toImage();
    const auto colourAt = [&](uint64_t offset, bool ascii) {
        const QRect r = view.byteRect(offset, ascii);
        return QColor(image.pixel(r.left() + 1, r.top() + 1)).rgb();
    };
    CHECK(colourAt(0x1023, false) == QColor(0xff, 0x00, 0xff).rgb());
    CHECK(colourAt(0x1023, true) == QColor(0xff, 0x00, 0xff).rgb());
    CHECK(colourAt(0x1030, false) == QColor(0xc0, 0xe0, 0xc0).rgb());
    // Text of selected bytes in HighlightedText.
    const QRect digits = view.byteRect(0x1024);
    bool green = false;
    for (int y = digits.top(); y <= digits.bottom(); ++y)
        for (int x = digits.left(); x <= digits.right(); ++x)
            if (QColor(image.pixel(x, y)).green() > 200 && QColor(image.pixel(x, y)).red() < 60) green = true;
    CHECK(green);
}

TEST_CASE("A screenshot of the hex view with a selection and the Data Interpreter shows both", "[gui][screenshot]") {
    MainWindow window;
    window.resize(1280, 820);
    window.show();
    HiveView* view = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Control\\Windows")));
    view->lowerTabs()->setCurrentWidget(view->hexPage());
    InterpreterDock* dock = window.interpreterDock();
    dock->show();
    dock->raise();
    HexView* hex = view->hexPane()->hexView();
    // The nk's last-write FILETIME, 8 bytes at +8 of the cell's data.
    const uint64_t nk = hex->highlights().front().begin;
    hex->setSelection(nk + 8, nk + 16);
    guitest::waitUntil([&] { return false; }, 300);
    const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    REQUIRE(shot.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-hex-selection.png"))));
    CHECK(dock->isVisible());
    CHECK(dock->panel()->sourceText() == QStringLiteral("Selection start 0x") + QString::number(nk + 8, 16));
    CHECK(dock->panel()->valueOf(QStringLiteral("FILETIME")).startsWith(QStringLiteral("20")));
    CHECK(view->hexPane()->statusLabel()->text().contains(QStringLiteral("8 bytes")));
}
