// The value table model: Qt's model contract, the engine's values decoded
// per type, "(Default)", sorting through the proxy, and what copy takes.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "browse/ValueTableModel.h"
#include "index/Index.h"
#include "support/TestSupport.h"

using hivekit::gui::ValueTableModel;
using namespace testsupport;

namespace {

uint32_t keyAt(const hivekit::Hive& hive, const char* path) {
    auto k = hivekit::Index(hive).findKey(path);
    REQUIRE(k);
    return *k;
}

int rowNamed(const QAbstractItemModel& model, const QString& name) {
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, ValueTableModel::NameColumn).data().toString() == name) return r;
    return -1;
}

QString cell(const QAbstractItemModel& model, int row, int column) { return model.index(row, column).data().toString(); }

}  // namespace

TEST_CASE("The value table model keeps Qt's model contract as keys change, sorted or not", "[gui][values]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    ValueTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ValueTableModel::SortRole);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHive(hive);
    model.setKey(keyAt(*hive, "ControlSet001\\services\\Tcpip"));
    proxy.sort(ValueTableModel::SizeColumn);
    model.setKey(keyAt(*hive, "ControlSet001\\Control"));
    proxy.sort(ValueTableModel::NameColumn, Qt::DescendingOrder);
    model.setKey(keyAt(*hive, "ControlSet001"));  // no values
    CHECK(model.rowCount() == 0);
    model.setKey(0xFFFFFFFF);
    model.setHive(nullptr);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("The value table lists a key's values in list order with types, sizes and decoded data", "[gui][values]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    ValueTableModel model;
    model.setHive(hive);
    const uint32_t tcpip = keyAt(*hive, "ControlSet001\\services\\Tcpip");
    model.setKey(tcpip);
    const std::vector<uint32_t> vks = hive->values(*hive->keyNode(tcpip));
    REQUIRE(model.rowCount() == static_cast<int>(vks.size()));
    for (int r = 0; r < model.rowCount(); ++r)
        CHECK(model.index(r, 0).data(ValueTableModel::OffsetRole).toUInt() == vks[static_cast<size_t>(r)]);
    CHECK(cell(model, 0, ValueTableModel::NameColumn) == QStringLiteral("BootFlags"));

    const int image = rowNamed(model, QStringLiteral("ImagePath"));
    REQUIRE(image >= 0);
    CHECK(cell(model, image, ValueTableModel::TypeColumn) == QStringLiteral("REG_EXPAND_SZ"));
    CHECK(cell(model, image, ValueTableModel::SizeColumn) == QStringLiteral("54"));
    CHECK(cell(model, image, ValueTableModel::DataColumn) == QStringLiteral("System32\\drivers\\tcpip.sys"));

    const int minor = rowNamed(model, QStringLiteral("NdisMinorVersion"));
    REQUIRE(minor >= 0);
    CHECK(cell(model, minor, ValueTableModel::TypeColumn) == QStringLiteral("REG_DWORD"));
    CHECK(cell(model, minor, ValueTableModel::DataColumn) == QStringLiteral("0x00000014 (20)"));

    // A multi-string: its strings joined on one line.
    model.setKey(keyAt(*hive, "ControlSet001\\Control"));
    const int order = rowNamed(model, QStringLiteral("PreshutdownOrder"));
    REQUIRE(order >= 0);
    CHECK(cell(model, order, ValueTableModel::TypeColumn) == QStringLiteral("REG_MULTI_SZ"));
    CHECK(cell(model, order, ValueTableModel::DataColumn).contains(QStringLiteral(" | ")));
    CHECK(model.index(order, 0).data(ValueTableModel::CopyRole).toString().contains(QLatin1Char('\n')));
}

TEST_CASE("The unnamed value is shown as (Default)", "[gui][values]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    ValueTableModel model;
    model.setHive(hive);
    model.setKey(keyAt(*hive, "ControlSet001\\Control\\Class\\{25DBCE51-6C8F-4A72-8A6D-B54C2B4FC835}"));
    const int row = rowNamed(model, QStringLiteral("(Default)"));
    REQUIRE(row >= 0);
    CHECK(model.index(row, 0).data(ValueTableModel::ValueNameRole).toString().isEmpty());
    CHECK(cell(model, row, ValueTableModel::DataColumn) == QStringLiteral("Mobile devices"));
}

TEST_CASE("Sorting the value table by name, type or size orders its rows, and unsorted it keeps list order", "[gui][values]") {
    auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    ValueTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ValueTableModel::SortRole);
    model.setHive(hive);
    model.setKey(keyAt(*hive, "ControlSet001\\services\\Tcpip"));

    proxy.sort(ValueTableModel::NameColumn);
    for (int r = 1; r < proxy.rowCount(); ++r)
        CHECK(cell(proxy, r - 1, 0).compare(cell(proxy, r, 0), Qt::CaseInsensitive) <= 0);
    proxy.sort(ValueTableModel::SizeColumn, Qt::DescendingOrder);
    for (int r = 1; r < proxy.rowCount(); ++r)
        CHECK(proxy.index(r - 1, ValueTableModel::SizeColumn).data(ValueTableModel::SortRole).toUInt() >=
              proxy.index(r, ValueTableModel::SizeColumn).data(ValueTableModel::SortRole).toUInt());
    CHECK(cell(proxy, 0, ValueTableModel::SizeColumn).toInt() == 86);
    proxy.sort(ValueTableModel::TypeColumn);
    CHECK(cell(proxy, 0, ValueTableModel::TypeColumn) == QStringLiteral("REG_SZ"));
    proxy.sort(-1);
    CHECK(cell(proxy, 0, 0) == QStringLiteral("BootFlags"));
}
