// The hex pane on deleted records (issue 16): an offset inside a key node
// whose cell a free cell absorbed shows the nk's fields, its bytes
// highlighted over the free cell's, clicks select its fields, and the
// Deleted dock's double-click brings a deleted key's fields on show.
#include <catch2/catch.hpp>

#include <QAction>
#include <QSignalSpy>
#include <QTreeView>

#include <cstring>
#include <memory>

#include "app/MainWindow.h"
#include "deleted/DeletedDock.h"
#include "deleted/DeletedModel.h"
#include "document/HiveView.h"
#include "format/Layout.h"
#include "format/ValueData.h"
#include "GuiTestSupport.h"
#include "hexview/CellColors.h"
#include "hexview/CellFieldModel.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "merge/Plan.h"
#include "merge/Session.h"
#include "support/HiveBuilder.h"
#include "support/TestSupport.h"
#include "support/UnlinkedKey.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::openAndWait;
using guitest::waitUntil;

namespace {

QString meaningOf(const QModelIndex& field) { return field.siblingAtColumn(CellFieldModel::MeaningColumn).data().toString(); }

uint32_t cellBytes(const BuiltHive& built, uint32_t cell) {
    const int32_t raw = built.cellSize(cell);
    return static_cast<uint32_t>(raw < 0 ? -raw : raw);
}

/// A hive whose largest free cell holds, 64 bytes in, the old cell of a
/// key node named "Absorbed" (its header absorbed), and, further on, that
/// of a value named "later".
struct AbsorbedHive {
    std::shared_ptr<const Hive> hive;
    uint64_t freeFile = 0;  // the free cell
    uint32_t freeSize = 0;
    uint64_t nkFile = 0;  // the absorbed nk's old size field
    uint32_t nkSize = 0;
    uint64_t vkFile = 0;
};

AbsorbedHive absorbedHive() {
    HiveBuilder b;
    const size_t k = b.addKey(HiveBuilder::kRoot, u"Absorbed");
    b.addValue(k, u"later", kRegDword, dwordBytes(9));
    BuiltHive built = b.build();
    std::pair<uint32_t, uint32_t> free{0, 0};
    {
        auto opened = built.open();
        REQUIRE(opened);
        CellScanner(**opened).scan([&](const HiveBinInfo&, const Cell& c) {
            if (!c.allocated && c.size > free.second) free = {c.offset, c.size};
            return true;
        });
    }
    const uint32_t nk = built.key(k).nk;
    const uint32_t vk = built.value(k, 0).vk;
    AbsorbedHive out;
    out.nkSize = cellBytes(built, nk);
    const uint32_t nkAt = free.first + 0x40;
    const uint32_t vkAt = nkAt + out.nkSize + 0x40;
    REQUIRE(vkAt + cellBytes(built, vk) + 0x40 <= free.first + free.second);
    std::memcpy(built.bytes.data() + 0x1000 + nkAt, built.bytes.data() + 0x1000 + nk, out.nkSize);
    std::memcpy(built.bytes.data() + 0x1000 + vkAt, built.bytes.data() + 0x1000 + vk, cellBytes(built, vk));
    auto opened = built.open();
    REQUIRE(opened);
    out.hive = std::shared_ptr<const Hive>(std::move(*opened));
    out.freeFile = 0x1000 + uint64_t{free.first};
    out.freeSize = free.second;
    out.nkFile = 0x1000 + uint64_t{nkAt};
    out.vkFile = 0x1000 + uint64_t{vkAt};
    return out;
}

}  // namespace

TEST_CASE("The hex pane at an offset inside a deleted key node shows the nk's name field row") {
    const AbsorbedHive h = absorbedHive();
    HexPane pane;
    pane.resize(1200, 600);
    pane.setHive(h.hive);
    QSignalSpy keys(&pane, &HexPane::keyRequested);
    QSignalSpy cells(&pane, &HexPane::cellActivated);

    // Typed or clicked: a user's navigation, yet no key of the tree to select.
    emit pane.hexView()->offsetClicked(h.nkFile + 4 + layout::nk::Name + 2);
    const CellGroup& shown = pane.shown();
    REQUIRE(shown.cells.size() == 2);
    REQUIRE(shown.cells[0].deletedIn);
    CHECK(*shown.cells[0].deletedIn == FoundIn::InsideFreeCell);
    CHECK(shown.cells[1].ref.role == CellRole::Free);
    CHECK(keys.count() == 0);
    CHECK(cells.count() == 0);
    CHECK(pane.title().startsWith(QStringLiteral("deleted nk \"Absorbed\"")));
    CHECK(pane.title().contains(QStringLiteral("deleted key node at 0x")));

    CellFieldModel& model = *pane.fieldModel();
    const QModelIndex name = model.findField(QStringLiteral("name"));
    REQUIRE(name.isValid());
    CHECK(meaningOf(name) == QStringLiteral("Absorbed"));
    CHECK(name.siblingAtColumn(CellFieldModel::OffsetColumn).data().toString() ==
          QStringLiteral("0x") + QString::number(h.nkFile + 4 + layout::nk::Name, 16));
    CHECK(model.cellIndex(0).data().toString().contains(QStringLiteral("found inside a free cell")));
    CHECK(meaningOf(model.findField(QStringLiteral("last written"))).startsWith(QStringLiteral("20")));

    // The record's bytes in its colour, painted over the free cell's.
    const std::vector<HexHighlight>& lit = pane.hexView()->highlights();
    REQUIRE(lit.size() == 2);
    CHECK(lit[0].begin == h.freeFile);
    CHECK(lit[1].begin == h.nkFile);
    CHECK(lit[1].end == h.nkFile + h.nkSize);
    CHECK(lit[1].color == roleTint(CellRole::KeyNode, pane.palette()));

    // A click on a byte of the record selects its field, and outlines it.
    emit pane.hexView()->offsetClicked(h.nkFile + 4 + layout::nk::LastWritten + 3);
    REQUIRE(pane.shown().cells.size() == 2);
    CHECK(pane.shown().cells[0].fileOffset == h.nkFile);
    const CellField* selected = model.fieldAt(pane.fieldView()->currentIndex());
    REQUIRE(selected);
    CHECK(selected->name == "last written");
    CHECK(pane.hexView()->mark() ==
          std::make_pair(h.nkFile + 4 + layout::nk::LastWritten, h.nkFile + 4 + layout::nk::LastWritten + 8));

    // A click on plain free bytes of the same free cell stays with it.
    emit pane.hexView()->offsetClicked(h.freeFile + 0x10);
    CHECK(pane.shown().cells[0].fileOffset == h.nkFile);
    const CellField* contents = model.fieldAt(pane.fieldView()->currentIndex());
    REQUIRE(contents);
    CHECK(contents->name == "contents");

    // A click on the other record in the free cell shows that one.
    emit pane.hexView()->offsetClicked(h.vkFile + 4 + layout::vk::Name);
    REQUIRE(pane.shown().cells.size() == 2);
    CHECK(pane.shown().cells[0].title == "deleted vk \"later\" (REG_DWORD)");
    CHECK(meaningOf(model.findField(QStringLiteral("name"))) == QStringLiteral("later"));

    // Back: the key node again.
    pane.back();
    CHECK(pane.shown().cells[0].title == "deleted nk \"Absorbed\"");
}

TEST_CASE("Going to an offset in plain free space shows the free cell alone") {
    const AbsorbedHive h = absorbedHive();
    HexPane pane;
    pane.setHive(h.hive);
    pane.goToOffset(h.freeFile + 0x18);
    REQUIRE(pane.shown().cells.size() == 1);
    CHECK_FALSE(pane.shown().cells[0].deletedIn);
    CHECK(pane.shown().cells[0].ref.role == CellRole::Free);
    CHECK(pane.fieldModel()->findField(QStringLiteral("name")).isValid() == false);
}

TEST_CASE("A double-click on a deleted key in the Deleted dock shows its nk fields in the hex view") {
    TempDir dir;
    const std::string path = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    {
        SessionOptions options;
        options.strategy = StrategyKind::InPlace;
        options.tx.flush = FlushMode::None;
        auto commit = [&](const Plan& plan) {
            auto session = Session::open(path, options);
            REQUIRE(session);
            REQUIRE((*session)->apply(plan));
            REQUIRE((*session)->commit());
        };
        Plan create;
        create.createKey("HiveKitDeletedKey").setValue("HiveKitDeletedKey", "Count", kRegDword, {42, 0, 0, 0});
        commit(create);
        Plan remove;
        remove.deleteKey("HiveKitDeletedKey", true);
        commit(remove);
    }
    MainWindow window;
    HiveView* view = openAndWait(window, path);
    DeletedDock* dock = window.deletedDock();
    window.findDeletedAction()->trigger();
    REQUIRE(waitUntil([&] { return !dock->isRunning() && dock->model()->scan(); }));
    CHECK(view->hexPane()->deletedScan() == dock->model()->scan());

    const DeletedModel& model = *dock->model();
    QModelIndex key;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, DeletedModel::NameColumn);
        if (index.data().toString() == QStringLiteral("HiveKitDeletedKey")) key = index;
    }
    REQUIRE(key.isValid());
    emit dock->view()->activated(key);  // what a double-click (or Enter) emits

    const CellGroup& shown = view->hexPane()->shown();
    REQUIRE_FALSE(shown.cells.empty());
    REQUIRE(shown.cells[0].deletedIn);
    CHECK(shown.cells[0].title == "deleted nk \"HiveKitDeletedKey\"");
    CHECK(shown.cells[0].fileOffset == key.data(DeletedModel::FileOffsetRole).toULongLong());
    const QModelIndex name = view->hexPane()->fieldModel()->findField(QStringLiteral("name"));
    REQUIRE(name.isValid());
    CHECK(meaningOf(name) == QStringLiteral("HiveKitDeletedKey"));
    CHECK(meaningOf(view->hexPane()->fieldModel()->findField(QStringLiteral("value count"))) == QStringLiteral("1"));

    // Its links lead on through free space: the value list, then the
    // deleted value it names, shown as deleted too.
    HexPane& pane = *view->hexPane();
    REQUIRE(pane.followField(pane.fieldModel()->findField(QStringLiteral("value list"))));
    CHECK(pane.shown().cells.front().ref.role == CellRole::ValueList);
    REQUIRE(pane.followField(pane.fieldModel()->findField(QStringLiteral("entry 0"))));
    REQUIRE(pane.shown().cells.front().deletedIn);
    CHECK(pane.shown().cells.front().title == "deleted vk \"Count\" (REG_DWORD)");
    CHECK(meaningOf(pane.fieldModel()->findField(QStringLiteral("name"))) == QStringLiteral("Count"));
}

TEST_CASE("With a deleted-data scan the hex pane shows an unreferenced key node as deleted") {
    size_t gone = 0;
    BuiltHive built = builtWithUnlinkedKey(gone);
    auto opened = built.open();
    REQUIRE(opened);
    auto hive = std::shared_ptr<const Hive>(std::move(*opened));
    const uint64_t nkFile = 0x1000 + uint64_t{built.key(gone).nk};
    HexPane pane;
    pane.setHive(hive);

    pane.goToOffset(nkFile + 8);
    REQUIRE_FALSE(pane.shown().cells.empty());
    CHECK_FALSE(pane.shown().cells[0].deletedIn);
    CHECK(pane.shown().cells[0].title == "nk \"Zulu\"");

    auto scan = scanDeleted(*hive);
    REQUIRE(scan);
    pane.setDeletedScan(hive, std::make_shared<const DeletedScan>(std::move(*scan)));
    REQUIRE(pane.deletedScan());
    pane.goToOffset(nkFile + 8);
    REQUIRE(pane.shown().cells.size() == 2);
    REQUIRE(pane.shown().cells[0].deletedIn);
    CHECK(*pane.shown().cells[0].deletedIn == FoundIn::UnreferencedCell);
    CHECK(meaningOf(pane.fieldModel()->findField(QStringLiteral("name"))) == QStringLiteral("Zulu"));

    // A scan of another hive is not used.
    auto other = built.open();
    REQUIRE(other);
    pane.setHive(std::shared_ptr<const Hive>(std::move(*other)));
    CHECK(pane.deletedScan() == nullptr);
}
