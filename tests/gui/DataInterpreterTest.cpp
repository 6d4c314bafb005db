// The Data Interpreter: its decoders on known vectors (worked out with
// Python's datetime, struct and uuid modules), short buffers and invalid
// values; the panel's byte order switch and row copying; the dock following
// the hex cursor and the selected value.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <string>
#include <vector>

#include "app/MainWindow.h"
#include "browse/DetailsPane.h"
#include "browse/ValueTableModel.h"
#include "document/HiveView.h"
#include "gui/GuiTestSupport.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "interpreter/DataInterpreter.h"
#include "interpreter/InterpreterPanel.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

namespace {

using B = std::vector<uint8_t>;
constexpr auto LE = ByteOrder::Little;
constexpr auto BE = ByteOrder::Big;

std::string text(const Reading& r) { return r.text.toStdString(); }

}  // namespace

TEST_CASE("Integers read signed and unsigned in both byte orders") {
    const B minusTwo = {0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    CHECK(text(DataInterpreter::signedInt(minusTwo, 1, LE)) == "-2");
    CHECK(text(DataInterpreter::unsignedInt(minusTwo, 1, LE)) == "254 (0xfe)");
    CHECK(text(DataInterpreter::signedInt(minusTwo, 2, LE)) == "-2");
    CHECK(text(DataInterpreter::signedInt(minusTwo, 4, LE)) == "-2");
    CHECK(text(DataInterpreter::unsignedInt(minusTwo, 4, LE)) == "4294967294 (0xfffffffe)");
    CHECK(text(DataInterpreter::signedInt(minusTwo, 8, LE)) == "-2");
    CHECK(text(DataInterpreter::unsignedInt(minusTwo, 8, LE)) == "18446744073709551614 (0xfffffffffffffffe)");
    // Big endian reads the same bytes the other way round.
    CHECK(text(DataInterpreter::signedInt(minusTwo, 2, BE)) == "-257");
    CHECK(text(DataInterpreter::unsignedInt(minusTwo, 8, BE)) == "18374686479671623679 (0xfeffffffffffffff)");
    const B small = {0x00, 0x00, 0x01, 0x00};
    CHECK(text(DataInterpreter::signedInt(small, 4, LE)) == "65536");
    CHECK(text(DataInterpreter::signedInt(small, 4, BE)) == "256");
    CHECK(text(DataInterpreter::unsignedInt(small, 2, BE)) == "0 (0x0000)");
    const B extremes = {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80};
    CHECK(text(DataInterpreter::signedInt(extremes, 8, LE)) == "-9223372036854775808");
    CHECK(text(DataInterpreter::signedInt(B{0x80}, 1, LE)) == "-128");
    CHECK(text(DataInterpreter::signedInt(B{0x7f}, 1, BE)) == "127");
}

TEST_CASE("Rows without enough bytes show a dash and say how many they need") {
    const B three = {1, 2, 3};
    const Reading r = DataInterpreter::signedInt(three, 4, LE);
    CHECK(r.state == Reading::State::TooShort);
    CHECK(r.text == QStringLiteral("\u2014"));
    CHECK(r.why == QStringLiteral("Needs 4 bytes; only 3 left."));
    CHECK(DataInterpreter::signedInt(three, 2, LE).ok());
    CHECK(DataInterpreter::float64(three, LE).state == Reading::State::TooShort);
    CHECK(DataInterpreter::fileTime(three).state == Reading::State::TooShort);
    CHECK(DataInterpreter::systemTime(B(15, 1)).why == QStringLiteral("Needs 16 bytes; only 15 left."));
    CHECK(DataInterpreter::guid(B(15, 1)).state == Reading::State::TooShort);
    CHECK(DataInterpreter::unixTime64(three, LE).state == Reading::State::TooShort);
    CHECK(DataInterpreter::dosDateTime(three).state == Reading::State::TooShort);
    CHECK(DataInterpreter::utf16Text(B{0x41}).state == Reading::State::TooShort);
    CHECK(DataInterpreter::latin1Text(B{}).state == Reading::State::TooShort);
    // A SID's length comes from its count: 4 sub-authorities need 24 bytes.
    const B sidHead = {1, 4, 0, 0, 0, 0, 0, 5, 0x15, 0, 0, 0};
    CHECK(DataInterpreter::sid(sidHead).why == QStringLiteral("Needs 24 bytes; only 12 left."));

    // In the whole table of an empty buffer every row is a dash.
    for (const InterpreterRow& row : DataInterpreter::interpret({}, LE)) {
        INFO(row.name.toStdString());
        CHECK(row.reading.state == Reading::State::TooShort);
    }
}

TEST_CASE("Floats and doubles read their IEEE values and the shortest text that reads back") {
    CHECK(text(DataInterpreter::float32(B{0x00, 0x00, 0x80, 0x3f}, LE)) == "1");
    CHECK(text(DataInterpreter::float32(B{0x00, 0x00, 0xc0, 0xbf}, LE)) == "-1.5");
    CHECK(text(DataInterpreter::float32(B{0x3f, 0x80, 0x00, 0x00}, BE)) == "1");
    CHECK(text(DataInterpreter::float32(B{0xcd, 0xcc, 0xcc, 0x3d}, LE)) == "0.1");
    CHECK(text(DataInterpreter::float64(B{0x18, 0x2d, 0x44, 0x54, 0xfb, 0x21, 0x09, 0x40}, LE)) == "3.141592653589793");
    CHECK(text(DataInterpreter::float32(B{0x00, 0x00, 0xc0, 0x7f}, LE)) == "NaN");
    CHECK(text(DataInterpreter::float32(B{0x00, 0x00, 0x80, 0xff}, LE)) == "-inf");
}

TEST_CASE("FILETIME reads 100 ns ticks since 1601 as UTC ISO with seven fraction digits") {
    // 2019-08-05T12:34:56Z plus 1234567 ticks: 0x01d54b8a30102e87.
    const B ft = {0x87, 0x2e, 0x10, 0x30, 0x8a, 0x4b, 0xd5, 0x01};
    const Reading r = DataInterpreter::fileTime(ft);
    CHECK(r.ok());
    CHECK(text(r) == "2019-08-05T12:34:56.1234567Z");
    // Whole seconds have no fraction.
    const B whole = {0x00, 0x80, 0x3e, 0xd5, 0xde, 0xb1, 0x9d, 0x01};  // 116444736000000000: the Unix epoch
    CHECK(text(DataInterpreter::fileTime(whole)) == "1970-01-01T00:00:00Z");
    CHECK(text(DataInterpreter::fileTime(B(8, 0))) == "not set (0)");
    const Reading top = DataInterpreter::fileTime(B{0, 0, 0, 0, 0, 0, 0, 0x80});
    CHECK(top.state == Reading::State::Invalid);
    CHECK(top.text.startsWith(QStringLiteral("invalid")));
    // 0x7fffffffffffffff is in year 30828: past what ISO's four digits hold.
    CHECK(DataInterpreter::fileTime(B{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}).state ==
          Reading::State::Invalid);
}

TEST_CASE("SYSTEMTIME reads its eight fields and calls month 13 or day 31 of April invalid") {
    const B st = {0xe3, 0x07, 0x08, 0x00, 0x01, 0x00, 0x05, 0x00, 0x0c, 0x00, 0x22, 0x00, 0x38, 0x00, 0x15, 0x03};
    CHECK(text(DataInterpreter::systemTime(st)) == "2019-08-05T12:34:56.789Z");
    B month13 = st;
    month13[2] = 13;
    const Reading bad = DataInterpreter::systemTime(month13);
    CHECK(bad.state == Reading::State::Invalid);
    CHECK(text(bad) == "invalid (month 13)");
    B april31 = st;
    april31[2] = 4;
    april31[6] = 31;
    CHECK(text(DataInterpreter::systemTime(april31)) == "invalid (day 31)");
    B leap = st;
    leap[0] = 0xe4;  // 2020
    leap[2] = 2;
    leap[6] = 29;
    CHECK(text(DataInterpreter::systemTime(leap)) == "2020-02-29T12:34:56.789Z");
    leap[0] = 0xe3;  // 2019: no 29 February
    CHECK(DataInterpreter::systemTime(leap).state == Reading::State::Invalid);
    B hour24 = st;
    hour24[8] = 24;
    CHECK(DataInterpreter::systemTime(hour24).state == Reading::State::Invalid);
    CHECK(text(DataInterpreter::systemTime(B(16, 0))) == "not set (all zero)");
}

TEST_CASE("Unix times read 32-bit unsigned and 64-bit signed seconds in either byte order") {
    CHECK(text(DataInterpreter::unixTime32(B{0x70, 0x22, 0x48, 0x5d}, LE)) == "2019-08-05T12:34:56Z");
    CHECK(text(DataInterpreter::unixTime32(B{0x5d, 0x48, 0x22, 0x70}, BE)) == "2019-08-05T12:34:56Z");
    CHECK(text(DataInterpreter::unixTime32(B{0xff, 0xff, 0xff, 0xff}, LE)) == "2106-02-07T06:28:15Z");
    CHECK(text(DataInterpreter::unixTime64(B(8, 0xff), LE)) == "1969-12-31T23:59:59Z");
    CHECK(text(DataInterpreter::unixTime64(B{0x70, 0x22, 0x48, 0x5d, 0, 0, 0, 0}, LE)) == "2019-08-05T12:34:56Z");
    CHECK(DataInterpreter::unixTime64(B{0, 0, 0, 0, 0, 0, 0, 0x7f}, LE).state == Reading::State::Invalid);
    CHECK(DataInterpreter::isoUtc(-62135596800) == QStringLiteral("0001-01-01T00:00:00Z"));
    CHECK(DataInterpreter::isoUtc(253402300799) == QStringLiteral("9999-12-31T23:59:59Z"));
    CHECK(DataInterpreter::isoUtc(253402300800).isEmpty());
    CHECK(DataInterpreter::isoUtc(-62135596801).isEmpty());
}

TEST_CASE("DOS date and time read a FAT date then time as local time and refuse month 0") {
    CHECK(text(DataInterpreter::dosDateTime(B{0x05, 0x4f, 0x5c, 0x64})) == "2019-08-05T12:34:56 (local time)");
    CHECK(text(DataInterpreter::dosDateTime(B{0, 0, 0, 0})) == "not set (0)");
    const Reading month0 = DataInterpreter::dosDateTime(B{0x05, 0x4e, 0x5c, 0x64});
    CHECK(month0.state == Reading::State::Invalid);
    CHECK(text(month0) == "invalid (month 0)");
    // Seconds 31 (62 s) is no time.
    CHECK(DataInterpreter::dosDateTime(B{0x05, 0x4f, 0x5f, 0x64}).state == Reading::State::Invalid);
}

TEST_CASE("A GUID prints as Windows prints it and a SID as S-1-5-21-...") {
    const B userAssist = {0x4b, 0x7c, 0xe5, 0xf4, 0x36, 0x20, 0xf0, 0x45,
                          0xa9, 0xab, 0x44, 0x3b, 0xcf, 0xe3, 0x3d, 0x9f};
    CHECK(text(DataInterpreter::guid(userAssist)) == "{F4E57C4B-2036-45F0-A9AB-443BCFE33D9F}");
    const B sid = {0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x15, 0x00, 0x00, 0x00, 0xc7, 0xf7,
                   0xfe, 0xd7, 0x7c, 0x77, 0x55, 0xc8, 0x94, 0x5a, 0xce, 0x01, 0xf5, 0x03, 0x00, 0x00};
    CHECK(text(DataInterpreter::sid(sid)) == "S-1-5-21-3623811015-3361044348-30300820-1013");
    const B system = {0x01, 0x01, 0, 0, 0, 0, 0, 0x05, 0x12, 0, 0, 0};
    CHECK(text(DataInterpreter::sid(system)) == "S-1-5-18");
    const B world = {0x01, 0x01, 0, 0, 0, 0, 0, 0x01, 0, 0, 0, 0};
    CHECK(text(DataInterpreter::sid(world)) == "S-1-1-0");
    // An authority of 2^32 or more prints in hex, as ConvertSidToStringSid does.
    const B wide = {0x01, 0x00, 0x01, 0, 0, 0, 0, 0x01};
    CHECK(text(DataInterpreter::sid(wide)) == "S-1-0x010000000001");
    B revision2 = system;
    revision2[0] = 2;
    CHECK(text(DataInterpreter::sid(revision2)) == "invalid (revision 2, not 1)");
    B tooMany = system;
    tooMany[1] = 16;
    CHECK(DataInterpreter::sid(tooMany).state == Reading::State::Invalid);
}

TEST_CASE("Text rows read UTF-16LE and Latin-1 up to the first NUL with dots for control characters and ROT13 them") {
    const B utf16 = {'H', 0, 'R', 0, 'Z', 0, 'R', 0, '_', 0, 0x09, 0, 0xe9, 0, 0x3a, 0x26, 0, 0, 'x', 0};
    CHECK(DataInterpreter::utf16Text(utf16).text == QStringLiteral("HRZR_.\u00e9\u263a"));
    const B latin1 = {'U', 'E', 'M', 'E', 0x0a, 0xe9, 0, 'x'};
    CHECK(DataInterpreter::latin1Text(latin1).text == QStringLiteral("UEME.\u00e9"));
    CHECK(DataInterpreter::utf16Text(B{0, 0, 'A', 0}).text == QStringLiteral("(empty)"));
    // A pair of surrogates is one character; a lone one is a dot.
    CHECK(DataInterpreter::utf16Text(B{0x3d, 0xd8, 0x00, 0xde}).text == QStringLiteral("\U0001F600"));
    CHECK(DataInterpreter::utf16Text(B{0x3d, 0xd8, 'A', 0}).text == QStringLiteral(".A"));
    // Capped, and said so with an ellipsis.
    const B longText(1000, 'a');
    const QString capped = DataInterpreter::latin1Text(longText).text;
    CHECK(capped.size() == DataInterpreter::kTextChars + 1);
    CHECK(capped.endsWith(QStringLiteral("\u2026")));

    CHECK(DataInterpreter::rot13(QStringLiteral("HRZR_EHACNGU:P:\\Jvaqbjf\\abgrcnq.rkr")) ==
          QStringLiteral("UEME_RUNPATH:C:\\Windows\\notepad.exe"));
    CHECK(DataInterpreter::rot13(DataInterpreter::rot13(QStringLiteral("Az09_\u00e9"))) == QStringLiteral("Az09_\u00e9"));
    B name;
    for (const char c : std::string("HRZR_EHACNGU")) name.insert(name.end(), {static_cast<uint8_t>(c), 0});
    name.insert(name.end(), {0, 0});
    const auto rows = DataInterpreter::interpret(name, LE);
    const auto row = std::find_if(rows.begin(), rows.end(),
                                  [](const InterpreterRow& r) { return r.name == QStringLiteral("ROT13 of UTF-16LE text"); });
    REQUIRE(row != rows.end());
    CHECK(row->reading.text == QStringLiteral("UEME_RUNPATH"));
}

TEST_CASE("The interpreter panel switches byte order and copies a value and a row and the selected rows") {
    InterpreterPanel panel;
    panel.resize(500, 600);
    panel.setBytes({0x00, 0x00, 0x01, 0x00}, QStringLiteral("test"));
    CHECK(panel.valueOf(QStringLiteral("int32")) == QStringLiteral("65536"));
    CHECK(panel.valueOf(QStringLiteral("int64")) == QStringLiteral("\u2014"));
    panel.byteOrderBox()->setCurrentIndex(panel.byteOrderBox()->findText(QStringLiteral("Big endian")));
    CHECK(panel.byteOrder() == ByteOrder::Big);
    CHECK(panel.valueOf(QStringLiteral("int32")) == QStringLiteral("256"));
    CHECK(panel.valueOf(QStringLiteral("uint16")) == QStringLiteral("0 (0x0000)"));

    QTreeWidget* table = panel.table();
    const auto item = [&](const QString& name) {
        const auto found = table->findItems(name, Qt::MatchExactly, 0);
        REQUIRE(found.size() == 1);
        return found.front();
    };
    table->setCurrentItem(item(QStringLiteral("int32")));
    panel.copyValue();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("256"));
    panel.copyRows();
    CHECK(QApplication::clipboard()->text() == QStringLiteral("int32\t256"));
    // Ctrl+C on two selected rows: both, in the table's order.
    item(QStringLiteral("uint32"))->setSelected(true);
    item(QStringLiteral("int8"))->setSelected(true);
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    CHECK(QApplication::clipboard()->text() ==
          QStringLiteral("int8\t0\nint32\t256\nuint32\t256 (0x00000100)"));
}

TEST_CASE("The interpreter dock follows the hex cursor and the selection's start and a selected value's data") {
    MainWindow window;
    window.resize(1280, 820);
    window.show();
    HiveView* view = guitest::openAndWait(window, testsupport::hivePath("regipy/SYSTEM"));
    InterpreterDock* dock = window.interpreterDock();
    REQUIRE(dock->view() == view);
    CHECK(dock->follow() == InterpreterDock::Follow::Automatic);
    const auto hive = view->hive();

    // The Hex tab shown: the hex cursor.
    view->lowerTabs()->setCurrentWidget(view->hexPage());
    HexView* hex = view->hexPane()->hexView();
    hex->setCursorOffset(0x1000);
    CHECK(dock->panel()->sourceText() == QStringLiteral("File offset 0x1000"));
    CHECK(dock->panel()->bytes().size() == DataInterpreter::kWindowBytes);
    CHECK(dock->panel()->bytes()[0] == 'h');  // "hbin"
    CHECK(dock->panel()->valueOf(QStringLiteral("Latin-1 text")).startsWith(QStringLiteral("hbin")));
    QTest::keyClick(hex->viewport(), Qt::Key_Right);
    CHECK(dock->panel()->sourceText() == QStringLiteral("File offset 0x1001"));
    // A selection made backwards reads from its start.
    QTest::keyClick(hex->viewport(), Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(hex->viewport(), Qt::Key_Left, Qt::ShiftModifier);
    CHECK(hex->selection() == std::make_pair(uint64_t{0xfff}, uint64_t{0x1002}));
    CHECK(dock->panel()->sourceText() == QStringLiteral("Selection start 0xfff"));
    CHECK(dock->panel()->bytes()[1] == 'h');
    // The last bytes of the file: what is left, and dashes beyond.
    hex->setCursorOffset(hive->bytes().size() - 2);
    CHECK(dock->panel()->bytes().size() == 2u);
    CHECK(dock->panel()->valueOf(QStringLiteral("int32")) == QStringLiteral("\u2014"));

    // A value selected while the Details tab is shown: its data from byte 0.
    REQUIRE(view->goToPath(QStringLiteral("Select")));
    view->lowerTabs()->setCurrentWidget(view->details());
    QTableView* table = view->valueTable();
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data().toString() == QStringLiteral("Current")) row = r;
    }
    REQUIRE(row >= 0);
    table->selectionModel()->setCurrentIndex(table->model()->index(row, 0),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    CHECK(dock->panel()->sourceText().startsWith(QStringLiteral("Data of value \u201cCurrent\u201d (4 bytes)")));
    CHECK(dock->panel()->bytes() == std::vector<uint8_t>{1, 0, 0, 0});
    CHECK(dock->panel()->valueOf(QStringLiteral("uint32")) == QStringLiteral("1 (0x00000001)"));

    // "Follow: hex cursor" pins the hex cursor whatever tab is shown, and
    // Interpret Here on the hex view switches away from the value.
    dock->setFollow(InterpreterDock::Follow::HexCursor);
    CHECK(dock->panel()->sourceText().startsWith(QStringLiteral("File offset")));
    dock->setFollow(InterpreterDock::Follow::SelectedValue);
    CHECK(dock->panel()->sourceText().startsWith(QStringLiteral("Data of value")));
    view->lowerTabs()->setCurrentWidget(view->hexPage());
    hex->setCursorOffset(0x20);
    CHECK(dock->panel()->sourceText().startsWith(QStringLiteral("Data of value")));
    emit hex->interpretRequested(0x20);
    CHECK(dock->follow() == InterpreterDock::Follow::HexCursor);
    CHECK(dock->isVisible());
    CHECK(dock->panel()->sourceText().startsWith(QStringLiteral("File offset")));
}
