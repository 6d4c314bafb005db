// SearchResultsModel: the hits of a search as a table (key path, where it
// matched, value name, matching text).
#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <vector>

#include "search/HiveSearch.h"

namespace hivekit::gui {

/// Hits in the order the search found them (the hive's order).
class SearchResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, WhereColumn, ValueColumn, ContextColumn, ColumnCount };

    explicit SearchResultsModel(QObject* parent = nullptr);

    void clear();
    void append(const QList<SearchHit>& hits);
    const SearchHit& hit(int row) const { return hits_[static_cast<size_t>(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SearchHit> hits_;
    QIcon keyIcon_;
};

}  // namespace hivekit::gui
