// Tests of the layout view: the Qt-free cell map (equal to CellScanner's
// counts and figures, on clean and damaged hives), its geometry and
// rasterisation, and the LayoutView widget (background mapping, hit-testing,
// clicks, tooltips).

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

#include <memory>
#include <string>

#include "format/Layout.h"
#include "hive/CellScanner.h"
#include "layoutview/CellMap.h"
#include "layoutview/LayoutCanvas.h"
#include "layoutview/LayoutView.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

namespace {

std::shared_ptr<const Hive> openShared(const std::string& relative) {
    auto hive = Hive::open(testsupport::hivePath(relative));
    REQUIRE(hive);
    return std::shared_ptr<const Hive>(std::move(*hive));
}

CellMap mapOf(const Hive& hive) {
    auto map = buildCellMap(hive);
    REQUIRE(map);
    return std::move(*map);
}

/// The map against the engine's own statistics, kind by kind.
void checkAgainstScanner(const Hive& hive, const CellMap& map) {
    const CellStatistics stats = CellScanner(hive).statistics();
    const Fragmentation f = map.fragmentation();
    for (int k = 0; k < 10; ++k) {
        INFO("kind " << cellKindName(static_cast<CellKind>(k)));
        CHECK(f.count[k] == stats.count[k]);
        CHECK(f.bytes[k] == stats.bytes[k]);
    }
    CHECK(f.freeBytes == stats.bytes[static_cast<int>(CellKind::Free)]);
    CHECK(f.freeCells == stats.count[static_cast<int>(CellKind::Free)]);
    CHECK(f.largestFree == stats.largestFree);
    CHECK(f.allocatedBytes == stats.allocatedBytes());
    CHECK(f.allocatedCells == stats.allocatedCells());
    CHECK(map.cellCount() == stats.allocatedCells() + f.freeCells);
}

/// Every byte of the hive bins is in exactly one entry, in order.
void checkCoversBins(const Hive& hive, const CellMap& map) {
    uint64_t at = 0;
    for (size_t i = 0; i < map.size(); ++i) {
        INFO("entry " << i << " at " << hexOffset(map.fileOffset(i)));
        REQUIRE(map.offset(i) == at);
        at += map.length(i);
    }
    CHECK(at == hive.binsEnd());
}

bool waitFor(const std::function<bool()>& done, int ms = 30000) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

}  // namespace

// ---- the cell map ------------------------------------------------------------

TEST_CASE("The cell map of ez/SAM has CellScanner's counts and figures and covers every byte of the bins") {
    auto hive = openShared("ez/SAM");
    const CellMap map = mapOf(*hive);
    checkAgainstScanner(*hive, map);
    checkCoversBins(*hive, map);
    CHECK(map.fileSize() == hive->bytes().size());
    // One header entry per bin, the rest cells.
    CHECK(map.size() == map.cellCount() + hive->bins().size());
}

TEST_CASE("The cell map of regipy/SYSTEM stays compact: nine bytes an entry") {
    auto hive = openShared("regipy/SYSTEM");
    const CellMap map = mapOf(*hive);
    checkAgainstScanner(*hive, map);
    checkCoversBins(*hive, map);
    CHECK(map.cellCount() == 186191 + 117);
    CHECK(map.fragmentation().freeBytes == 4608);
    CHECK(map.fragmentation().largestFree == 3680);
    CHECK(map.memoryBytes() == 9 * map.size());
}

TEST_CASE("A damaged hbin becomes one unreadable stretch and the counts still equal the scanner's") {
    auto hive = openShared("ez/SAMBadHBinHeader");
    const CellMap map = mapOf(*hive);
    checkAgainstScanner(*hive, map);
    checkCoversBins(*hive, map);
    const auto damaged = map.indexAt(0x2000);  // the bad hbin header at file 0x2000
    REQUIRE(damaged);
    CHECK(map.kind(*damaged) == MapKind::Unreadable);
}

TEST_CASE("Looking up a file offset in the map finds the entry that contains it") {
    auto hive = openShared("regipy/SYSTEM");
    const CellMap map = mapOf(*hive);
    CHECK_FALSE(map.indexAt(0x10));  // the base block is no entry

    const auto header = map.indexAt(0x1008);
    REQUIRE(header);
    CHECK(map.kind(*header) == MapKind::BinHeader);

    for (uint64_t at : {0x1020ull, 0x1050ull, 0x10a7ull}) {  // the root nk: file 0x1020, 136 bytes
        const auto i = map.indexAt(at);
        REQUIRE(i);
        CHECK(map.offset(*i) == 0x20u);
        CHECK(map.length(*i) == 136u);
        CHECK(map.kind(*i) == mapKind(CellKind::KeyNode));
    }
    CHECK(map.kind(*map.indexAt(0x10a8)) == mapKind(CellKind::Security));
    CHECK(map.indexOfCell(0x20) == map.indexAt(0x1020));
    CHECK_FALSE(map.indexOfCell(0x24));
    CHECK_FALSE(map.indexOfCell(0x0));  // an hbin header, not a cell
    CHECK_FALSE(map.indexAt(hive->bytes().size()));
}

TEST_CASE("Building the map can be cancelled from its progress callback") {
    auto hive = openShared("regipy/SYSTEM");
    int calls = 0;
    uint64_t lastDone = 0;
    auto map = buildCellMap(*hive, [&](uint64_t done, uint64_t total) {
        CHECK(total == hive->binsEnd());
        CHECK(done >= lastDone);
        lastDone = done;
        return ++calls < 3;
    });
    CHECK_FALSE(map);
    CHECK(calls == 3);
}

// ---- geometry and rasterisation ------------------------------------------------

TEST_CASE("The layout geometry maps file offsets to rows and pixels and back") {
    LayoutGeometry g(100ull << 20, 4096, 1024, 12, 2);
    CHECK(g.rowCount() == 25600);
    CHECK(g.rowPitch() == 14);
    CHECK(g.contentHeight() == 25600u * 14);
    CHECK(g.bytesPerPixel() == 4.0);
    CHECK(g.rowOf(0x1020) == 1);
    CHECK(g.xOf(0x1020) == 8);
    CHECK(g.offsetAt(8, 14 + 5) == 0x1022u);  // the middle of pixel 8 (bytes 0x1020..0x1023) of row 1
    CHECK_FALSE(g.offsetAt(8, 14 + 12));      // the gap below row 1
    CHECK_FALSE(g.offsetAt(1024, 20));        // right of the picture
    CHECK_FALSE(g.offsetAt(0, 25600u * 14));  // below the last row

    // Zoomed in past a byte per pixel: each byte spans 4 pixels.
    LayoutGeometry fine(8192, 256, 1024);
    for (int x = 0; x < 4; ++x) CHECK(fine.offsetAt(x, 0) == 0u);
    CHECK(fine.offsetAt(4, 0) == 1u);
    CHECK(fine.xOf(255) == 1020);

    CHECK(g.rowsIn(0, 140) == std::make_pair<uint64_t, uint64_t>(0, 10));
    CHECK(g.rowsIn(14 * 25599, 1000) == std::make_pair<uint64_t, uint64_t>(25599, 25600));

    CHECK(LayoutGeometry::zoomedIn(4096) == 2048);
    CHECK(LayoutGeometry::zoomedIn(LayoutGeometry::kMinBytesPerRow) == LayoutGeometry::kMinBytesPerRow);
    CHECK(LayoutGeometry::zoomedOut(LayoutGeometry::kMaxBytesPerRow) == LayoutGeometry::kMaxBytesPerRow);
    CHECK(LayoutGeometry::fitting(100ull << 20, 100) == 1u << 20);  // 100 rows of 1 MiB
    CHECK(LayoutGeometry::fitting(100ull << 20, 99) == 2u << 20);   // 50 rows of 2 MiB
    CHECK(LayoutGeometry::fitting(4096, 100) == LayoutGeometry::kMinBytesPerRow);
}

TEST_CASE("A rasterised row gives each pixel the kind covering most of it, cells below a pixel aggregated") {
    CellMap map;
    map.setFileSize(0x2000);
    map.append(0x0, 32, MapKind::BinHeader);
    map.append(0x20, 96, mapKind(CellKind::KeyNode));
    for (uint32_t at = 0x80; at < 0x400; at += 8) map.append(at, 8, mapKind(CellKind::Value));  // 112 tiny cells
    map.append(0x400, 0xc00, mapKind(CellKind::Free));

    // Row 1 = the bin (file 0x1000..0x2000), 4096 bytes on 128 pixels: 32 bytes a pixel.
    LayoutGeometry g(0x2000, 4096, 128);
    RowPixels px;
    rasterRow(map, g, 1, px);
    REQUIRE(px.kinds.size() == 128);
    CHECK(px.kinds[0] == MapKind::BinHeader);
    CHECK(px.kinds[1] == mapKind(CellKind::KeyNode));
    CHECK(px.kinds[3] == mapKind(CellKind::KeyNode));
    for (int x = 4; x < 32; ++x) CHECK(px.kinds[x] == mapKind(CellKind::Value));  // 4 vk a pixel
    CHECK(px.kinds[32] == mapKind(CellKind::Free));
    CHECK(px.kinds[127] == mapKind(CellKind::Free));
    // Separators only where a stretch is wide enough to see.
    CHECK(px.edges[32] == 1);
    CHECK(px.edges[5] == 0);

    // Row 0 is the base block.
    rasterRow(map, g, 0, px);
    CHECK(px.kinds[0] == MapKind::BaseBlock);
    CHECK(px.kinds[127] == MapKind::BaseBlock);

    // A pixel shared by an 8-byte nk tail and a 24-byte free head goes to free.
    CellMap mixed;
    mixed.setFileSize(0x2000);
    mixed.append(0x0, 0x28, mapKind(CellKind::KeyNode));
    mixed.append(0x28, 0xfd8, mapKind(CellKind::Free));
    rasterRow(mixed, g, 1, px);
    CHECK(px.kinds[0] == mapKind(CellKind::KeyNode));
    CHECK(px.kinds[1] == mapKind(CellKind::Free));
}

// ---- the widget -------------------------------------------------------------

TEST_CASE("The layout view maps cells in the background, then shows the engine's fragmentation figures") {
    auto hive = openShared("regipy/SYSTEM");
    LayoutView view;
    view.resize(1000, 600);
    view.show();
    QSignalSpy ready(&view, &LayoutView::mapReady);
    view.setHive(hive);
    // setHive returns before the map of 190,000 cells is built: on a worker.
    CHECK(view.isMapping());
    CHECK(view.cellMap() == nullptr);
    REQUIRE(waitFor([&] { return ready.count() == 1; }));
    CHECK_FALSE(view.isMapping());
    REQUIRE(view.cellMap());

    const CellStatistics stats = CellScanner(*hive).statistics();
    const Fragmentation f = view.fragmentation();
    CHECK(f.freeBytes == stats.bytes[static_cast<int>(CellKind::Free)]);
    CHECK(f.freeCells == stats.count[static_cast<int>(CellKind::Free)]);
    CHECK(f.largestFree == stats.largestFree);
    CHECK(view.figuresText().contains(QStringLiteral("4,608")));
    CHECK(view.figuresText().contains(QStringLiteral("3,680")));
    CHECK(view.legendText().contains(QStringLiteral("30,756")));  // nk cells
}

TEST_CASE("A new hive supersedes a map still being built") {
    auto big = openShared("regipy/SYSTEM");
    auto small = openShared("ez/SAM");
    LayoutView view;
    QSignalSpy ready(&view, &LayoutView::mapReady);
    view.setHive(big);
    view.setHive(small);
    REQUIRE(waitFor([&] { return ready.count() >= 1 && !view.isMapping(); }));
    QTest::qWait(50);
    CHECK(ready.count() == 1);
    CHECK(view.cellMap()->fileSize() == small->bytes().size());
}

TEST_CASE("Hit-testing the picture finds the cell under the mouse, a click selects it") {
    auto hive = openShared("regipy/SYSTEM");
    LayoutView view;
    view.resize(900, 600);
    view.show();
    QSignalSpy ready(&view, &LayoutView::mapReady);
    view.setHive(hive);
    REQUIRE(waitFor([&] { return ready.count() == 1; }));
    LayoutCanvas& canvas = *view.canvas();
    canvas.setBytesPerRow(512);
    QApplication::processEvents();

    // The nk "Select" at cell 0xe808 (file 0xf808, 88 bytes).
    view.setSelectedCell(0xe808);
    CHECK(canvas.selectedCell() == 0xe808u);
    const QPoint point = canvas.pointOf(0xf808 + 44);
    const auto entry = canvas.entryAt(point);
    REQUIRE(entry);
    CHECK(view.cellMap()->offset(*entry) == 0xe808u);
    CHECK(view.cellMap()->kind(*entry) == mapKind(CellKind::KeyNode));
    QTextDocument rich;
    rich.setHtml(canvas.toolTipAt(point));
    const QString tip = rich.toPlainText();
    CHECK(tip.contains(QStringLiteral("nk \"Select\"")));
    CHECK(tip.contains(QStringLiteral("allocated")));
    CHECK(tip.contains(QStringLiteral("0xf808")));
    CHECK(tip.contains(QStringLiteral("88 bytes")));

    QSignalSpy selected(&view, &LayoutView::cellSelected);
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, point);
    REQUIRE(selected.count() == 1);
    CHECK(selected.at(0).at(0).toUInt() == 0xe808u);
    CHECK(selected.at(0).at(1).value<CellKind>() == CellKind::KeyNode);

    // A free cell says so (the largest one, 3680 bytes).
    const CellMap& map = *view.cellMap();
    size_t largest = 0;
    for (size_t i = 0; i < map.size(); ++i)
        if (map.kind(i) == mapKind(CellKind::Free) && map.length(i) == 3680) largest = i;
    REQUIRE(largest != 0);
    canvas.scrollToOffset(map.fileOffset(largest));
    const QPoint freePoint = canvas.pointOf(map.fileOffset(largest) + 1000);
    CHECK(canvas.entryAt(freePoint) == largest);
    CHECK(canvas.toolTipAt(freePoint).contains(QStringLiteral("free")));

    // An hbin header is no cell: it reports an offset instead.
    QSignalSpy offsets(&view, &LayoutView::offsetSelected);
    canvas.scrollToOffset(0x2000);
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, canvas.pointOf(0x2004));
    REQUIRE(offsets.count() == 1);
    CHECK(offsets.at(0).at(0).toULongLong() / 16 == 0x2000u / 16);
    CHECK(selected.count() == 1);
}

TEST_CASE("Zooming changes the bytes per row and keeps the anchored row in place") {
    auto hive = openShared("ez/SAM");
    LayoutView view;
    view.resize(900, 500);
    view.show();
    QSignalSpy ready(&view, &LayoutView::mapReady);
    view.setHive(hive);
    REQUIRE(waitFor([&] { return ready.count() == 1; }));
    LayoutCanvas& canvas = *view.canvas();
    CHECK(canvas.bytesPerRow() == 4096);
    view.zoomIn();
    CHECK(canvas.bytesPerRow() == 2048);
    view.zoomOut();
    view.zoomOut();
    CHECK(canvas.bytesPerRow() == 8192);
    view.zoomToFit();
    // 256 KB of file in the rows that fit 500 pixels.
    const LayoutGeometry g = canvas.layoutGeometry();
    CHECK(g.contentHeight() <= static_cast<uint64_t>(canvas.viewport()->height()));
    CHECK(canvas.verticalScrollBar()->maximum() == 0);

    // Ctrl+wheel zooms in about the mouse.
    canvas.setBytesPerRow(4096);
    QWheelEvent wheel(QPointF(100, 100), canvas.viewport()->mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas.viewport(), &wheel);
    CHECK(canvas.bytesPerRow() == 2048);
}
