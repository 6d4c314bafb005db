// The binary value editor's hex grid: typing hex digits (insert and
// overwrite), text in the text column, Backspace and Delete, selection,
// copy and paste of hex; the dialog's result is the bytes typed, and after a
// commit libhivex (hivex-dump) reads those bytes back.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <sstream>
#include <string>
#include <vector>

#include "GuiTestSupport.h"
#include "editing/EditSession.h"
#include "editing/HexGridEditor.h"
#include "editing/ValueEditDialog.h"
#include "format/ValueData.h"
#include "merge/Plan.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

namespace {

using B = std::vector<uint8_t>;

void settle(QWidget& w) {
    w.show();
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

}  // namespace

TEST_CASE("Hex digits typed into the grid insert bytes and the second digit completes each") {
    HexGridEditor grid;
    grid.resize(420, 200);
    settle(grid);
    QTest::keyClicks(grid.viewport(), QStringLiteral("deadBEEF0"));
    CHECK(grid.data() == B{0xde, 0xad, 0xbe, 0xef, 0x00});
    CHECK(grid.cursorPosition() == 4u);
    CHECK(grid.onLowNibble());
    QTest::keyClicks(grid.viewport(), QStringLiteral("1"));
    CHECK(grid.data() == B{0xde, 0xad, 0xbe, 0xef, 0x01});
    CHECK(grid.cursorPosition() == 5u);
    // Not hex: ignored.
    QTest::keyClicks(grid.viewport(), QStringLiteral("xyz g"));
    CHECK(grid.data().size() == 5u);
    // In the middle, insert mode pushes the rest along.
    grid.setCursorPosition(1);
    QTest::keyClicks(grid.viewport(), QStringLiteral("77"));
    CHECK(grid.data() == B{0xde, 0x77, 0xad, 0xbe, 0xef, 0x01});
}

TEST_CASE("Insert toggles overwrite where typing replaces bytes and grows the data only at the end") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegBinary);
    HexGridEditor* grid = dialog.hexGrid();
    settle(dialog);
    REQUIRE(grid->isVisible());
    grid->setData({0x00, 0x11, 0x22});
    CHECK_FALSE(grid->overwriteMode());
    QCheckBox* overwrite = dialog.findChild<QCheckBox*>();
    REQUIRE(overwrite);
    QTest::keyClick(grid->viewport(), Qt::Key_Insert);
    CHECK(grid->overwriteMode());
    CHECK(overwrite->isChecked());
    QTest::keyClicks(grid->viewport(), QStringLiteral("ff"));
    CHECK(grid->data() == B{0xff, 0x11, 0x22});
    QTest::keyClicks(grid->viewport(), QStringLiteral("a"));
    CHECK(grid->data() == B{0xff, 0xa1, 0x22});
    QTest::keyClicks(grid->viewport(), QStringLiteral("b33"));
    CHECK(grid->data() == B{0xff, 0xab, 0x33});
    QTest::keyClicks(grid->viewport(), QStringLiteral("4"));  // past the end: appended
    CHECK(grid->data() == B{0xff, 0xab, 0x33, 0x40});
    overwrite->setChecked(false);
    CHECK_FALSE(grid->overwriteMode());
    REQUIRE(dialog.validate());
    CHECK(dialog.data() == B{0xff, 0xab, 0x33, 0x40});
}

TEST_CASE("Backspace and Delete remove bytes or a half-typed byte or the selection") {
    HexGridEditor grid;
    grid.resize(420, 200);
    settle(grid);
    grid.setData({0xde, 0xad, 0xbe, 0xef, 0x01});
    grid.setCursorPosition(5);
    QTest::keyClick(grid.viewport(), Qt::Key_Backspace);
    CHECK(grid.data() == B{0xde, 0xad, 0xbe, 0xef});
    QTest::keyClicks(grid.viewport(), QStringLiteral("c"));
    CHECK(grid.data() == B{0xde, 0xad, 0xbe, 0xef, 0xc0});
    QTest::keyClick(grid.viewport(), Qt::Key_Backspace);
    CHECK(grid.data() == B{0xde, 0xad, 0xbe, 0xef});
    grid.setCursorPosition(0);
    QTest::keyClick(grid.viewport(), Qt::Key_Delete);
    CHECK(grid.data() == B{0xad, 0xbe, 0xef});
    QTest::keyClick(grid.viewport(), Qt::Key_Backspace);  // nothing before the start
    CHECK(grid.data() == B{0xad, 0xbe, 0xef});
    QTest::keyClick(grid.viewport(), Qt::Key_Right);
    QTest::keyClick(grid.viewport(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(grid.viewport(), Qt::Key_Right, Qt::ShiftModifier);
    CHECK(grid.selection() == std::make_pair(size_t{1}, size_t{3}));
    QTest::keyClick(grid.viewport(), Qt::Key_Delete);
    CHECK(grid.data() == B{0xad});
    // Typing over a selection replaces it.
    grid.selectAll();
    QTest::keyClicks(grid.viewport(), QStringLiteral("42"));
    CHECK(grid.data() == B{0x42});
}

TEST_CASE("Pasted hex is inserted at the cursor and text that is not hex is refused with the reason") {
    HexGridEditor grid;
    grid.resize(420, 200);
    settle(grid);
    grid.setData({0xaa, 0xbb});
    grid.setCursorPosition(1);
    QApplication::clipboard()->setText(QStringLiteral("0x01, 0x02 0304"));
    QTest::keyClick(grid.viewport(), Qt::Key_V, Qt::ControlModifier);
    CHECK(grid.data() == B{0xaa, 0x01, 0x02, 0x03, 0x04, 0xbb});
    CHECK(grid.cursorPosition() == 5u);
    QSignalSpy refused(&grid, &HexGridEditor::pasteRefused);
    QApplication::clipboard()->setText(QStringLiteral("hello"));
    CHECK_FALSE(grid.paste());
    REQUIRE(refused.count() == 1);
    CHECK(refused.at(0).at(0).toString().startsWith(QStringLiteral("Not pasted: ")));
    CHECK(grid.data() == B{0xaa, 0x01, 0x02, 0x03, 0x04, 0xbb});
    // Copy gives the selection as hex pairs; cut removes it.
    grid.setCursorPosition(1);
    grid.setCursorPosition(3, true);
    QTest::keyClick(grid.viewport(), Qt::Key_C, Qt::ControlModifier);
    CHECK(QApplication::clipboard()->text() == QStringLiteral("01 02"));
    QTest::keyClick(grid.viewport(), Qt::Key_X, Qt::ControlModifier);
    CHECK(grid.data() == B{0xaa, 0x03, 0x04, 0xbb});
}

TEST_CASE("Clicks and drags in the grid place the cursor and select and the text column types characters") {
    HexGridEditor grid;
    grid.resize(420, 200);
    settle(grid);
    grid.setData({0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19});
    QTest::mouseClick(grid.viewport(), Qt::LeftButton, {}, grid.hexRect(9).center());
    CHECK(grid.cursorPosition() == 9u);
    CHECK_FALSE(grid.textColumnActive());
    QWidget* vp = grid.viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, grid.hexRect(2).center());
    const QPoint to = grid.hexRect(4).center();
    QMouseEvent move(QEvent::MouseMove, QPointF(to), vp->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
    CHECK(grid.selection() == std::make_pair(size_t{2}, size_t{5}));

    QTest::mouseClick(vp, Qt::LeftButton, {}, grid.textRect(1).center());
    CHECK(grid.textColumnActive());
    CHECK(grid.cursorPosition() == 1u);
    QTest::keyClicks(vp, QStringLiteral("AB"));
    CHECK(grid.data() == B{0x10, 'A', 'B', 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19});
}

TEST_CASE("Binary data typed into the value editor's grid is committed and read back by libhivex") {
    testsupport::TempDir dir;
    const std::string hive = dir.file("grid.hiv");
    REQUIRE(testsupport::hivectl({"new-hive", hive}).exitCode == 0);

    // Editing an existing binary value opens the grid with its bytes.
    ValueEditDialog dialog(false);
    dialog.setValue(QStringLiteral("Grid"), kRegBinary, {0x01, 0x02});
    HexGridEditor* grid = dialog.hexGrid();
    settle(dialog);
    CHECK(grid->data() == B{0x01, 0x02});
    grid->setCursorPosition(2);
    QTest::keyClicks(grid->viewport(), QStringLiteral("deadbeef"));
    QTest::keyClick(grid->viewport(), Qt::Key_Home);
    QTest::keyClick(grid->viewport(), Qt::Key_Delete);
    REQUIRE(dialog.validate());
    CHECK(dialog.type() == kRegBinary);
    REQUIRE(dialog.data() == B{0x02, 0xde, 0xad, 0xbe, 0xef});

    EditSession session(guitest::qpath(hive));
    PendingChange change;
    change.edit = Plan().setValue("", "Grid", dialog.type(), dialog.data()).edits().front();
    change.operation = QStringLiteral("New value");
    change.path = QStringLiteral("Grid");
    QString error;
    REQUIRE(session.push(change, &error));
    QSignalSpy finished(&session, &EditSession::commitFinished);
    session.commit({});
    REQUIRE(guitest::waitUntil([&] { return finished.count() == 1; }));
    REQUIRE(finished.at(0).at(0).value<CommitOutcome>().ok);

    const auto dump = testsupport::run({testsupport::hivexDumpScript(), hive});
    INFO(dump.err);
    REQUIRE(dump.exitCode == 0);
    CHECK(dump.out.find("V\t\tGrid\t3\t02deadbeef\n") != std::string::npos);
}
