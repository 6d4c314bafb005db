// SearchResultsModel: the hits of a search as a table (key path, where it
// matched, value name, matching text).
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
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

    /// Rows as text to paste: one line per row (in the order given), the
    /// four columns as shown, separated by tabs; tabs and line breaks inside
    /// a field become spaces so that a row stays one line.
    QString rowsAsText(const QList<int>& rows) const;
    /// One column of rows as shown, one line per row.
    QString columnAsText(const QList<int>& rows, Column column) const;
    /// Every hit as RFC 4180 CSV (UTF-8, CRLF line ends): a header row
    /// key_path,found_in,value_name,match,key_cell,value_cell, then one row
    /// per hit with the key path and value name as stored (empty for the
    /// root key and the default value), found_in one of key_name,
    /// value_name, value_data, and the cells as hex offsets (value_cell
    /// empty for key hits). Column names and found_in words are not
    /// translated: the file is for tools.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SearchHit> hits_;
    QIcon keyIcon_;
};

}  // namespace hivekit::gui
