// Tests of the hex view: its Qt-free layout core (offsets to lines and
// columns and back, on a 100 MB size), the HexView widget on real hives and
// on a 100 MB file, and the HexPane's highlights, field list and jumps.

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <string>
#include <vector>

#include "format/Layout.h"
#include "hexview/CellColors.h"
#include "hexview/CellFieldModel.h"
#include "hexview/HexLayout.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

namespace {

std::shared_ptr<const Hive> openShared(const std::string& relative) {
    auto hive = Hive::open(testsupport::hivePath(relative));
    REQUIRE(hive);
    return std::shared_ptr<const Hive>(std::move(*hive));
}

/// A regf base block followed by `size - 4096` zero bytes: a "hive" of any
/// size whose bins are all unreadable (it opens, with diagnostics).
std::shared_ptr<const Hive> bigEmptyHive(uint64_t size) {
    std::vector<uint8_t> bytes(size, 0);
    storeU32(bytes.data() + layout::base::Signature, layout::kBaseSignature);
    storeU32(bytes.data() + layout::base::MajorVersion, 1);
    storeU32(bytes.data() + layout::base::MinorVersion, 5);
    storeU32(bytes.data() + layout::base::HiveBinsDataSize, static_cast<uint32_t>(size - layout::kBaseBlockSize));
    auto hive = Hive::fromBytes(std::move(bytes), "big");
    REQUIRE(hive);
    return std::shared_ptr<const Hive>(std::move(*hive));
}

struct Range {
    uint64_t begin, end;
    QRgb color;
    bool operator==(const Range&) const = default;
};

std::vector<Range> ranges(const HexView& view) {
    std::vector<Range> out;
    for (const HexHighlight& h : view.highlights()) out.push_back({h.begin, h.end, h.color.rgb()});
    return out;
}

QString meaningOf(const QModelIndex& field) {
    return field.siblingAtColumn(CellFieldModel::MeaningColumn).data().toString();
}

void settle(QWidget& w) {
    w.show();
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

/// True when the image holds more than `min` distinct colours (something
/// was painted, not a blank widget).
bool hasContent(const QImage& image, int min = 6) {
    std::vector<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) {
            const QRgb c = image.pixel(x, y);
            if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
            if (static_cast<int>(seen.size()) > min) return true;
        }
    return false;
}

constexpr uint32_t kSystemRoot = 0x20;  // regipy/SYSTEM's root nk, file 0x1020

}  // namespace

// ---- the layout core -------------------------------------------------------

TEST_CASE("The hex layout maps offsets to lines and byte columns and back") {
    const uint64_t size = 100ull << 20;
    HexLayout layout(size);
    CHECK(layout.bytesPerLine() == 16);
    CHECK(layout.lineCount() == size / 16);
    CHECK(HexLayout(17).lineCount() == 2);
    CHECK(HexLayout(0).lineCount() == 0);

    CHECK(layout.lineOf(0x1f5c) == 0x1f5);
    CHECK(layout.byteInLine(0x1f5c) == 0xc);
    CHECK(layout.lineStart(0x1f5) == 0x1f50);
    CHECK(layout.offsetAt(0x1f5, 0xc) == 0x1f5cu);
    CHECK(layout.offsetAt(layout.lineCount() - 1, 15) == size - 1);
    CHECK_FALSE(layout.offsetAt(layout.lineCount(), 0));
    CHECK_FALSE(layout.offsetAt(0, 16));
    CHECK_FALSE(HexLayout(20).offsetAt(1, 4));  // the short last line ends at byte 3
    CHECK(HexLayout(20).bytesOnLine(1) == 4);

    // Offset column of 8 digits, two blanks, "xx " per byte with one more
    // blank in the middle, two blanks, 16 ASCII characters.
    CHECK(layout.offsetDigits() == 8);
    CHECK(HexLayout(0x123456789ull).offsetDigits() == 9);
    CHECK(layout.hexStart() == 10);
    CHECK(layout.hexColumn(0) == 10);
    CHECK(layout.hexColumn(7) == 31);
    CHECK(layout.hexColumn(8) == 35);
    CHECK(layout.hexColumn(15) == 56);
    CHECK(layout.asciiStart() == 60);
    CHECK(layout.asciiColumn(15) == 75);
    CHECK(layout.lineWidth() == 76);
}

TEST_CASE("Hit-testing a character column finds the byte whose digits or character lie there") {
    HexLayout layout(4096);
    for (int b = 0; b < 16; ++b) {
        INFO("byte " << b);
        // Both digits and the blank after them belong to the byte.
        CHECK(layout.hitTest(layout.hexColumn(b)).area == HexLayout::Area::Hex);
        CHECK(layout.hitTest(layout.hexColumn(b)).byte == b);
        CHECK(layout.hitTest(layout.hexColumn(b) + 1.9).byte == b);
        if (b != 15) CHECK(layout.hitTest(layout.hexColumn(b + 1) - 0.1).byte == b);
        CHECK(layout.hitTest(layout.asciiColumn(b) + 0.5).area == HexLayout::Area::Ascii);
        CHECK(layout.hitTest(layout.asciiColumn(b) + 0.5).byte == b);
    }
    CHECK(layout.hitTest(33.5).byte == 7);  // the wide blank in the middle
    CHECK(layout.hitTest(3).area == HexLayout::Area::Offset);
    CHECK(layout.hitTest(58.5).area == HexLayout::Area::Outside);  // between hex and ASCII
    CHECK(layout.hitTest(80).area == HexLayout::Area::Outside);
    CHECK(layout.hitTest(-1).area == HexLayout::Area::Outside);
}

TEST_CASE("The visible line range follows the scroll position and stops at the end of the file") {
    const uint64_t size = 100ull << 20;
    HexLayout layout(size);
    const uint64_t lines = layout.lineCount();

    auto r = layout.visibleLines(1000, 300, 16);  // 18.75 lines: 19 painted
    CHECK(r.first == 1000);
    CHECK(r.last == 1019);
    CHECK(HexLayout::fullLines(300, 16) == 18);

    auto end = layout.visibleLines(lines - 5, 300, 16);
    CHECK(end.first == lines - 5);
    CHECK(end.last == lines);
    CHECK(layout.visibleLines(lines + 10, 300, 16).count() == 0);
    CHECK(layout.maxTopLine(18) == lines - 18);

    // Scrolling to an offset: unchanged when its line is on the page, else a
    // third of the way down, never past the last page.
    CHECK(layout.scrollTopFor(1005 * 16, 1000, 18) == 1000);
    CHECK(layout.scrollTopFor(0x100000, 0, 18) == 0x10000 - 6);
    CHECK(layout.scrollTopFor(size - 1, 0, 18) == lines - 18);
    CHECK(layout.scrollTopFor(3 * 16, 500, 18) == 0);
}

// ---- the widget --------------------------------------------------------------

TEST_CASE("The hex view shows a real hive's bytes and maps points to offsets and back") {
    auto hive = openShared("regipy/SYSTEM");
    HexView view;
    view.resize(800, 400);
    view.setHive(hive);
    settle(view);
    CHECK(view.hexLayout().size() == hive->bytes().size());
    CHECK(view.verticalScrollBar()->maximum() > 700000);  // 11.7 MB / 16 bytes a line

    view.setCursorOffset(0x1f5c);
    QApplication::processEvents();
    CHECK(view.visibleLines().contains(0x1f5));
    const QRect hex = view.byteRect(0x1f5c);
    const QRect ascii = view.byteRect(0x1f5c, true);
    REQUIRE_FALSE(hex.isEmpty());
    CHECK(view.offsetAt(hex.center()) == 0x1f5cu);
    CHECK(view.offsetAt(ascii.center()) == 0x1f5cu);
    CHECK(view.offsetAt(view.byteRect(0x1f5d).center()) == 0x1f5du);

    QSignalSpy clicked(&view, &HexView::offsetClicked);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.byteRect(0x1f63).center());
    REQUIRE(clicked.count() == 1);
    CHECK(clicked.at(0).at(0).toULongLong() == 0x1f63u);
    CHECK(view.cursorOffset() == 0x1f63u);

    QTest::keyClick(view.viewport(), Qt::Key_Down);
    CHECK(view.cursorOffset() == 0x1f73u);
    QTest::keyClick(view.viewport(), Qt::Key_End, Qt::ControlModifier);
    CHECK(view.cursorOffset() == hive->bytes().size() - 1);
    CHECK(view.visibleLines().last == view.hexLayout().lineCount());
    CHECK(hasContent(view.grab().toImage()));
}

TEST_CASE("The hex view handles a 100 MB file, painting only the lines on screen") {
    auto hive = bigEmptyHive(100ull << 20);
    HexView view;
    view.resize(800, 600);
    view.setHive(hive);
    settle(view);
    CHECK(view.hexLayout().lineCount() == (100ull << 20) / 16);
    view.setCursorOffset((100ull << 20) - 1);
    const QImage image = view.grab().toImage();
    // A paint touches the visible lines only, whatever the file's size (the
    // count says so; no time is asserted).
    CHECK(view.visibleLines().count() < 60);
    CHECK(view.offsetAt(view.byteRect((100ull << 20) - 1).center()) == (100ull << 20) - 1);
    CHECK(hasContent(image, 3));
}

// ---- the pane: highlights, fields, jumps ----------------------------------------

TEST_CASE("Showing a key highlights its nk, subkey list and sk in their roles' colours and lists the nk's fields") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.resize(1200, 600);
    pane.setHive(hive);
    settle(pane);
    QAbstractItemModelTester tester(pane.fieldModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy activated(&pane, &HexPane::cellActivated);
    QSignalSpy keys(&pane, &HexPane::keyRequested);
    pane.showKey(kSystemRoot);
    CHECK(ranges(*pane.hexView()) == std::vector<Range>{
                                         {0x1020, 0x10a8, roleTint(CellRole::KeyNode).rgb()},
                                         {0xeb70, 0xebb8, roleTint(CellRole::SubkeyList).rgb()},
                                         {0x10a8, 0x11b0, roleTint(CellRole::Security).rgb()},
                                     });
    CHECK(roleTint(CellRole::KeyNode) != roleTint(CellRole::SubkeyList));
    CHECK(roleTint(CellRole::SubkeyList) != roleTint(CellRole::Security));
    CHECK(pane.hexView()->cursorOffset() == 0x1020u);
    CHECK(pane.hexView()->visibleLines().contains(0x102));
    CHECK(pane.currentCell() == kSystemRoot);
    CHECK(pane.title().startsWith(QStringLiteral("nk \"CMI-CreateHive{F10156BE-0E87-4EFB-969E-5DA29D131144}\"")));
    // Programmatic calls do not echo back as user navigation.
    CHECK(activated.count() == 0);
    CHECK(keys.count() == 0);

    CellFieldModel& model = *pane.fieldModel();
    REQUIRE(model.rowCount() == 3);
    const QModelIndex nk = model.cellIndex(0);
    CHECK(model.rowCount(nk) == 23);
    const QModelIndex count = model.findField(QStringLiteral("subkey count"));
    REQUIRE(count.isValid());
    CHECK(count.siblingAtColumn(CellFieldModel::OffsetColumn).data().toString() == QStringLiteral("0x1038"));
    CHECK(count.siblingAtColumn(CellFieldModel::BytesColumn).data().toString() == QStringLiteral("08 00 00 00"));
    CHECK(meaningOf(count) == QStringLiteral("8"));
    const QModelIndex name = model.findField(QStringLiteral("name"));
    CHECK(meaningOf(name) == QStringLiteral("CMI-CreateHive{F10156BE-0E87-4EFB-969E-5DA29D131144}"));
    const QModelIndex list = model.findField(QStringLiteral("subkey list"));
    CHECK(list.data(CellFieldModel::HasTargetRole).toBool());
    CHECK_FALSE(count.data(CellFieldModel::HasTargetRole).toBool());
    CHECK(pane.fieldView()->isExpanded(nk));

    // Selecting a field outlines its bytes.
    pane.fieldView()->setCurrentIndex(count);
    REQUIRE(pane.hexView()->mark());
    CHECK(*pane.hexView()->mark() == std::make_pair<uint64_t, uint64_t>(0x1038, 0x103c));
    CHECK(hasContent(pane.grab().toImage()));
}

TEST_CASE("Showing a value highlights the vk and its data cell") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.setHive(hive);
    pane.showValue(0xf78);  // ServiceControlManagerExtension: 64 bytes in the cell at 0xea70
    CHECK(ranges(*pane.hexView()) == std::vector<Range>{
                                         {0x1f78, 0x1fb0, roleTint(CellRole::Value).rgb()},
                                         {0xfa70, 0xfab8, roleTint(CellRole::ValueData).rgb()},
                                     });
    const QModelIndex data = pane.fieldModel()->findField(QStringLiteral("data"));
    CHECK(meaningOf(data) == QStringLiteral("%systemroot%\\system32\\scext.dll"));
    // The first cell's size field is drawn darker: where cells begin shows.
    CHECK(pane.hexView()->highlights()[0].headerBytes == 4);

    pane.showValue(0xf50);  // inline data: the vk alone
    CHECK(pane.hexView()->highlights().size() == 1);
    CHECK(meaningOf(pane.fieldModel()->findField(QStringLiteral("data (inline)"))) ==
          QStringLiteral("0x00000000 (0)"));
}

TEST_CASE("Following an offset field jumps to that cell, highlights it and shows its fields, back returns") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.resize(1200, 600);
    pane.setHive(hive);
    settle(pane);
    pane.showKey(kSystemRoot);
    QSignalSpy activated(&pane, &HexPane::cellActivated);
    QSignalSpy keys(&pane, &HexPane::keyRequested);

    CellFieldModel& model = *pane.fieldModel();
    REQUIRE(pane.followField(model.findField(QStringLiteral("subkey list"))));
    CHECK(pane.currentCell() == 0xdb70u);
    CHECK(model.group().cells.size() == 1);
    CHECK(model.group().cells[0].ref.role == CellRole::SubkeyList);
    CHECK(ranges(*pane.hexView()) ==
          std::vector<Range>{{0xeb70, 0xebb8, roleTint(CellRole::SubkeyList).rgb()}});
    CHECK(pane.hexView()->cursorOffset() == 0xeb70u);
    CHECK(pane.hexView()->visibleLines().contains(0xeb7));
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).toUInt() == 0xdb70u);
    CHECK(keys.count() == 0);  // a list is no key
    CHECK(meaningOf(model.findField(QStringLiteral("entry 0"))) ==
          QStringLiteral("nk \"ControlSet001\", at file 0xebb8  \u2192"));

    // A field without a link does nothing.
    CHECK_FALSE(pane.followField(model.findField(QStringLiteral("count"))));
    CHECK(pane.currentCell() == 0xdb70u);

    // An entry leads to a key: its whole group shows, the tree may follow.
    REQUIRE(pane.followField(model.findField(QStringLiteral("entry 0"))));
    CHECK(pane.currentCell() == 0xdbb8u);
    CHECK(model.group().cells[0].title == "nk \"ControlSet001\"");
    CHECK(model.group().cells.size() > 1);
    REQUIRE(keys.count() == 1);
    CHECK(keys.at(0).at(0).toUInt() == 0xdbb8u);

    pane.back();
    CHECK(pane.currentCell() == 0xdb70u);
    pane.back();
    CHECK(pane.currentCell() == kSystemRoot);
    pane.forward();
    CHECK(pane.currentCell() == 0xdb70u);
}

TEST_CASE("Clicking a link in the field list jumps to its cell") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.resize(1400, 700);
    pane.setHive(hive);
    settle(pane);
    pane.showKey(kSystemRoot);
    settle(pane);
    const QModelIndex link =
        pane.fieldModel()->findField(QStringLiteral("security")).siblingAtColumn(CellFieldModel::MeaningColumn);
    QTreeView* tree = pane.fieldView();
    tree->scrollTo(link);
    const QRect rect = tree->visualRect(link);
    REQUIRE_FALSE(rect.isEmpty());
    QSignalSpy activated(&pane, &HexPane::cellActivated);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE(activated.count() == 1);
    CHECK(activated.at(0).at(0).toUInt() == 0xa8u);
    CHECK(pane.fieldModel()->group().cells[0].title == "sk, 7 references");
}

TEST_CASE("Clicking a byte of the cell on show selects its field, elsewhere it shows what lies there") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.resize(1200, 600);
    pane.setHive(hive);
    settle(pane);
    pane.showValue(0xf50);  // BootDriverFlags at file 0x1f50; its inline data at 0x1f5c
    settle(pane);
    HexView& hex = *pane.hexView();
    QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.byteRect(0x1f5e).center());
    const CellField* field = pane.fieldModel()->fieldAt(pane.fieldView()->currentIndex());
    REQUIRE(field);
    CHECK(field->name == "data (inline)");
    CHECK(*hex.mark() == std::make_pair<uint64_t, uint64_t>(0x1f5c, 0x1f60));
    CHECK(pane.currentCell() == 0xf50u);

    // The vk before it (0xf38 is a data cell of 24 bytes, file 0x1f38).
    QSignalSpy activated(&pane, &HexPane::cellActivated);
    QTest::mouseClick(hex.viewport(), Qt::LeftButton, {}, hex.byteRect(0x1f40).center());
    CHECK(pane.currentCell() == 0xf38u);
    CHECK(activated.count() == 1);
    CHECK(hex.cursorOffset() == 0x1f40u);
}

TEST_CASE("Going to an offset shows the base block, an hbin header or the cell there, and says why when nothing is") {
    auto hive = openShared("regipy/SYSTEM");
    HexPane pane;
    pane.setHive(hive);
    CHECK(pane.fieldModel()->group().cells.at(0).ref.role == CellRole::BaseBlock);

    pane.goToOffset(0x1f5c);
    CHECK(pane.currentCell() == 0xf50u);
    CHECK(pane.hexView()->cursorOffset() == 0x1f5cu);

    pane.goToOffset(0x2004);
    CHECK(pane.fieldModel()->group().cells.at(0).ref.role == CellRole::BinHeader);
    CHECK(pane.hexView()->highlights().at(0).begin == 0x2000u);

    pane.goToOffset(0x10000000);
    CHECK(pane.fieldModel()->rowCount() == 0);
    CHECK(pane.title() == QStringLiteral("file offset 0x10000000 lies past the end of the file (0xb3a000 bytes)"));
    CHECK(pane.hexView()->highlights().empty());

    // Typed into the box (hex, 0x optional), as the user does with Ctrl+G.
    QSignalSpy activated(&pane, &HexPane::cellActivated);
    auto* edit = pane.findChild<QLineEdit*>();
    REQUIRE(edit);
    edit->setText(QStringLiteral("1f38"));
    QTest::keyClick(edit, Qt::Key_Return);
    CHECK(pane.currentCell() == 0xf38u);
    CHECK(activated.count() == 1);
}

TEST_CASE("A damaged hive's unreadable offsets show their error instead of fields") {
    auto hive = openShared("ez/SAMBadHBinHeader");
    HexPane pane;
    pane.setHive(hive);
    pane.goToOffset(0x2100);  // inside the damaged hbin at file 0x2000
    CHECK(pane.fieldModel()->rowCount() == 0);
    CHECK(pane.title().contains(QStringLiteral("damaged hbin")));
    CHECK(pane.hexView()->cursorOffset() == 0x2100u);
}
