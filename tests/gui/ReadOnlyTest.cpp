// HiveKit never writes to a file it inspects: after a session of browsing,
// searching and switching logs, every file's bytes and modification time
// are as they were.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>

#include <filesystem>

#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "browse/KeyTreeModel.h"
#include "app/MainWindow.h"
#include "search/SearchDock.h"
#include "search/SearchJob.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using namespace testsupport;
using guitest::qpath;
using guitest::waitUntil;

namespace {

struct FileState {
    std::vector<uint8_t> bytes;
    std::filesystem::file_time_type mtime;
    bool operator==(const FileState&) const = default;
};

FileState stateOf(const std::string& path) { return {readFile(path), std::filesystem::last_write_time(path)}; }

/// Expands the first `n` keys under `parent`, selecting each and its values.
void browse(HiveView* view, const QModelIndex& parent, int n) {
    KeyTreeModel* model = view->keyModel();
    for (int r = 0; r < std::min(n, model->rowCount(parent)); ++r) {
        const QModelIndex key = model->index(r, 0, parent);
        view->keyTree()->expand(key);
        view->keyTree()->setCurrentIndex(key);
        QAbstractItemModel* values = view->valueTable()->model();
        for (int v = 0; v < values->rowCount(); ++v) view->valueTable()->selectRow(v);
        QCoreApplication::processEvents();
    }
}

}  // namespace

TEST_CASE("Browsing, searching and switching logs leave the hive files' bytes and times unchanged", "[gui][readonly]") {
    TempDir dir;
    const std::string system = copyFile(hivePath("regipy/SYSTEM"), dir.file("SYSTEM"));
    const std::string dirty = copyFile(hivePath("regipy/UsrClass.dat"), dir.file("UsrClass.dat"));
    const std::string log1 = copyFile(hivePath("regipy/UsrClass.dat.LOG1"), dir.file("UsrClass.dat.LOG1"));
    const std::string log2 = copyFile(hivePath("regipy/UsrClass.dat.LOG2"), dir.file("UsrClass.dat.LOG2"));
    // Times in the past, so that any write would move them.
    const auto past = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 400);
    for (const auto& f : {system, dirty, log1, log2}) std::filesystem::last_write_time(f, past);
    const FileState before[] = {stateOf(system), stateOf(dirty), stateOf(log1), stateOf(log2)};

    {
        MainWindow window;
        window.show();
        HiveView* view = window.openFile(qpath(system));
        REQUIRE(waitUntil([&] { return view->isLoaded(); }));
        const QModelIndex root = view->keyModel()->rootIndex();
        browse(view, root, 8);
        REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\services\\Tcpip\\Parameters")));
        browse(view, view->keyTree()->currentIndex(), 5);
        REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Control\\CriticalDeviceDatabase")));
        view->keyTree()->expand(view->keyTree()->currentIndex());
        REQUIRE(waitUntil([&] { return !view->keyModel()->canFetchMore(view->keyTree()->currentIndex()); }));

        SearchQuery q;
        q.text = QStringLiteral("tcpip");
        window.searchDock()->setQuery(q);
        QSignalSpy finished(window.searchDock()->job(), &SearchJob::finished);
        window.startSearch();
        REQUIRE(waitUntil([&] { return finished.count() == 1; }, 60000));

        HiveView* dirtyView = window.openFile(qpath(dirty));
        REQUIRE(waitUntil([&] { return dirtyView->isLoaded(); }));
        browse(dirtyView, dirtyView->keyModel()->rootIndex(), 5);
        dirtyView->reopen(false);
        REQUIRE(waitUntil([&] { return dirtyView->isLoaded(); }));
        browse(dirtyView, dirtyView->keyModel()->rootIndex(), 5);
        REQUIRE(waitUntil([&] { return view->document()->checkFinished() && dirtyView->document()->checkFinished(); }));
        window.close();
    }

    CHECK(stateOf(system) == before[0]);
    CHECK(stateOf(dirty) == before[1]);
    CHECK(stateOf(log1) == before[2]);
    CHECK(stateOf(log2) == before[3]);
}
