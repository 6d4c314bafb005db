// CompareValueModel: the values of one merged key, A's and B's side by side
// (diff/HiveDiff's mergeValues): name, status, old type and data, new type
// and data, coloured by status; with "only differences" the same values are
// left out.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "diff/HiveDiff.h"
#include "hive/Hive.h"

namespace hivekit::gui::compare {

enum class RowStatus;

class CompareValueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, OldTypeColumn, OldDataColumn, NewTypeColumn, NewDataColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1 };

    explicit CompareValueModel(QObject* parent = nullptr);

    void setHives(std::shared_ptr<const Hive> a, std::shared_ptr<const Hive> b);
    /// Shows the values of the key at `aKey` in A and `bKey` in B
    /// (0xffffffff where the key is absent).
    void setKey(uint32_t aKey, uint32_t bKey);
    void setOnlyDifferences(bool only);
    void clear();

    const MergedValue& valueAt(int row) const { return rows_.at(static_cast<size_t>(row)); }
    RowStatus status(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::shared_ptr<const Hive> a_;
    std::shared_ptr<const Hive> b_;
    uint32_t aKey_ = 0xFFFFFFFF;
    uint32_t bKey_ = 0xFFFFFFFF;
    bool onlyDifferences_ = false;
    std::vector<MergedValue> rows_;
};

}  // namespace hivekit::gui::compare
