// The lazy key tree model: Qt's model contract, the same tree as the engine's
// walk, and children created only when fetched, a batch at a time.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>

#include <string>
#include <utility>
#include <vector>

#include "GuiTestSupport.h"
#include "browse/KeyTreeModel.h"
#include "format/Layout.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"
#include "support/TestSupport.h"

using hivekit::gui::KeyTreeModel;
using namespace testsupport;

namespace {

QModelIndex childNamed(KeyTreeModel& model, const QModelIndex& parent, const QString& name) {
    model.fetchAll(parent);
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString().compare(name, Qt::CaseInsensitive) == 0) return i;
    }
    return {};
}

}  // namespace

TEST_CASE("The key tree model keeps Qt's model contract while keys are fetched and the hive is replaced", "[gui][tree]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    KeyTreeModel model;
    model.setBatchSize(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHive(hive);

    const QModelIndex root = model.rootIndex();
    REQUIRE(root.isValid());
    model.fetchMore(root);
    const QModelIndex cs = childNamed(model, root, QStringLiteral("ControlSet001"));
    REQUIRE(cs.isValid());
    const QModelIndex control = childNamed(model, cs, QStringLiteral("Control"));
    REQUIRE(control.isValid());
    const QModelIndex cdd = childNamed(model, control, QStringLiteral("CriticalDeviceDatabase"));
    REQUIRE(cdd.isValid());
    model.fetchMore(cdd);  // one batch of 2,548
    model.fetchMore(cdd);
    CHECK(model.rowCount(cdd) == 200);

    model.setHive(guitest::openHive(hivePath("regipy/NTUSER.DAT")));
    CHECK(model.rowCount() == 1);
    model.setHive(nullptr);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("The key tree's first two levels below the root equal the engine's walk of regipy/SYSTEM", "[gui][tree]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));

    // The engine: depth 0 (root), 1 and 2, in walk (list) order.
    std::vector<std::pair<uint32_t, std::string>> expected;
    hivekit::TreeWalker(*hive).walk([&](const hivekit::WalkedKey& k) {
        expected.emplace_back(k.offset, *k.path);
        return k.depth < 2;
    });

    KeyTreeModel model;
    model.setHive(hive);
    std::vector<std::pair<uint32_t, std::string>> shown;
    const QModelIndex root = model.rootIndex();
    shown.emplace_back(model.offsetOf(root), model.pathOf(root).toStdString());
    model.fetchAll(root);
    for (int r = 0; r < model.rowCount(root); ++r) {
        const QModelIndex child = model.index(r, 0, root);
        shown.emplace_back(model.offsetOf(child), model.pathOf(child).toStdString());
        model.fetchAll(child);
        for (int g = 0; g < model.rowCount(child); ++g) {
            const QModelIndex grandchild = model.index(g, 0, child);
            shown.emplace_back(model.offsetOf(grandchild), model.pathOf(grandchild).toStdString());
            CHECK(grandchild.data().toString().toStdString() ==
                  hive->keyNode(model.offsetOf(grandchild))->nameUtf8());
        }
    }
    REQUIRE(expected.size() > 20);
    CHECK(shown == expected);
    CHECK(root.data().toString() == QString::fromStdString(hive->keyNode(hive->rootOffset())->nameUtf8()));
}

TEST_CASE("Opening a hive creates only its root, and a key's children appear on fetchMore one batch at a time", "[gui][tree]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    KeyTreeModel model;
    model.setBatchSize(500);
    model.setHive(hive);
    CHECK(model.createdNodeCount() == 1);
    const QModelIndex root = model.rootIndex();
    CHECK(model.hasChildren(root));
    CHECK(model.rowCount(root) == 0);
    CHECK(model.canFetchMore(root));

    // Reach Control\CriticalDeviceDatabase (2,548 subkeys) without fetching it.
    auto chain = hivekit::Index(*hive).findKeyChain("ControlSet001\\Control\\CriticalDeviceDatabase");
    REQUIRE(chain);
    const QModelIndex cdd = model.indexForChain(*chain);
    REQUIRE(cdd.isValid());
    const qsizetype before = model.createdNodeCount();
    CHECK(model.rowCount(cdd) == 0);
    CHECK(model.hasChildren(cdd));
    CHECK(cdd.data(KeyTreeModel::SubkeyCountRole).toUInt() == 2548);

    std::vector<int> counts;
    while (model.canFetchMore(cdd)) {
        model.fetchMore(cdd);
        counts.push_back(model.rowCount(cdd));
    }
    CHECK(counts == std::vector<int>{500, 1000, 1500, 2000, 2500, 2548});
    CHECK(model.createdNodeCount() - before == 2548);
    // In the hive's order: the list's order, child by child.
    auto key = hive->keyNode((*chain).back());
    const std::vector<uint32_t> offsets = hive->subkeys(*key);
    for (int r = 0; r < model.rowCount(cdd); ++r)
        REQUIRE(model.offsetOf(model.index(r, 0, cdd)) == offsets[static_cast<size_t>(r)]);
}

TEST_CASE("Paths, chains and indexes of the key tree agree with the engine's lookups", "[gui][tree]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    KeyTreeModel model;
    model.setHive(hive);
    const QString path = QStringLiteral("ControlSet001\\services\\Tcpip\\Parameters");
    const hivekit::Index lookup(*hive);
    auto chain = lookup.findKeyChain(path.toStdString());
    REQUIRE(chain);
    CHECK(chain->back() == *lookup.findKey(path.toStdString()));
    const QModelIndex index = model.indexForChain(*chain);
    REQUIRE(index.isValid());
    CHECK(model.pathOf(index) == path);
    CHECK(index.data(KeyTreeModel::PathRole).toString() == path);
    auto ancestry = lookup.ancestryOf(chain->back());
    REQUIRE(ancestry);
    CHECK(*ancestry == *chain);
}

TEST_CASE("A subkey whose key node cannot be read shows as an unreadable key without children", "[gui][tree]") {
    std::vector<uint8_t> bytes = readFile(hivePath("regipy/SYSTEM"));
    auto clean = guitest::openHive(hivePath("regipy/SYSTEM"));
    const uint32_t first = clean->subkeys(*clean->keyNode(clean->rootOffset())).front();
    // Break the first subkey's "nk" signature.
    bytes[hivekit::layout::kBaseBlockSize + first + 4] = 'x';
    auto damaged = hivekit::Hive::fromBytes(std::move(bytes));
    REQUIRE(damaged);
    KeyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHive(std::shared_ptr<const hivekit::Hive>(std::move(*damaged)));
    const QModelIndex root = model.rootIndex();
    model.fetchAll(root);
    REQUIRE(model.rowCount(root) >= 2);
    const QModelIndex broken = model.index(0, 0, root);
    CHECK(broken.data(KeyTreeModel::BrokenRole).toBool());
    CHECK(broken.data().toString().startsWith(QStringLiteral("<unreadable key at 0x")));
    CHECK_FALSE(model.hasChildren(broken));
    CHECK_FALSE(model.canFetchMore(broken));
    CHECK_FALSE(model.index(1, 0, root).data(KeyTreeModel::BrokenRole).toBool());
}
