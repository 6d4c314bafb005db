// ArtefactTableModel: one artefact decoder's table (engine/artefacts) as a
// Qt table. The decoder's typed columns come first, then the key and value
// each row was read from. Fields are shown by type (times in UTC, numbers
// right-aligned) and sort by type through SortRole (a time as a time, an
// integer as a number), so a QSortFilterProxyModel over it sorts right.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <memory>

#include "artefacts/Artefact.h"

namespace hivekit::gui {

class ArtefactTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        /// A value that orders rows as the column's type does: qulonglong
        /// ticks for times, qlonglong for integers, QString for text; an
        /// empty field orders before every other.
        SortRole = Qt::UserRole + 1,
        /// The row's note ("" when it decoded fully).
        NoteRole,
        /// The row's key and value cells (quint32, kNoCell when none).
        KeyOffsetRole,
        ValueOffsetRole,
    };

    explicit ArtefactTableModel(QObject* parent = nullptr);

    /// Shows `table` (null: nothing).
    void setTable(std::shared_ptr<const artefacts::ArtefactTable> table);
    void clear() { setTable(nullptr); }
    const std::shared_ptr<const artefacts::ArtefactTable>& table() const { return table_; }

    /// The decoder's column count; the key and value columns follow it.
    int fieldColumns() const;
    int keyColumn() const { return fieldColumns(); }
    int valueColumn() const { return fieldColumns() + 1; }

    /// The engine's row behind `row` of this model.
    const artefacts::Row& rowAt(int row) const;
    /// The rows as text for the clipboard: a header line (the column names,
    /// then Key, Value and Note) and one line per row, fields separated by
    /// tabs, in the engine's export form (times ISO 8601, bytes hex).
    QString rowsText(const QList<int>& rows) const;

    /// A field as the table shows it: times "yyyy-MM-dd HH:mm:ss" (UTC),
    /// bytes as spaced hex, booleans as yes/no, empty as "".
    static QString displayText(const artefacts::Field& field);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant sortKey(const artefacts::Field& field, artefacts::ColumnType type) const;
    QString valueNameText(const artefacts::RowSource& source) const;

    std::shared_ptr<const artefacts::ArtefactTable> table_;
};

}  // namespace hivekit::gui
