// CellFieldModel: the field panel's model. Top-level rows are the cells on
// show (a key's nk, lists, sk, class; a value's vk and data cells; or one
// cell), their children the decoded fields of hive/CellFields, then any
// problems. The model formats what the engine decoded; it reads no bytes.
#pragma once

#include <QAbstractItemModel>

#include <memory>

#include "hive/CellFields.h"

namespace hivekit::gui {

/// Two-level tree of CellGroup: cells, then their fields and problems.
class CellFieldModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, OffsetColumn, BytesColumn, MeaningColumn, ColumnCount };
    enum Role {
        /// bool: the row is a field that links to another cell.
        HasTargetRole = Qt::UserRole + 1,
        /// qulonglong: the file offset of the row's field or cell.
        FileOffsetRole,
        /// qulonglong: bytes of the row's field or cell.
        ByteCountRole,
    };

    explicit CellFieldModel(QObject* parent = nullptr);

    /// Shows `group`. The hive is kept alive because the fields' raw bytes
    /// are views into it.
    void setGroup(std::shared_ptr<const Hive> hive, CellGroup group);
    void clear();
    const CellGroup& group() const { return group_; }

    /// The cell a row belongs to (its own row or one of its fields).
    const CellDescription* cellAt(const QModelIndex& index) const;
    /// The field of a field row; null for cell rows and problem rows.
    const CellField* fieldAt(const QModelIndex& index) const;
    /// The row of cell `i` (column 0).
    QModelIndex cellIndex(size_t i) const;
    /// The row of a field by cell and field index (column 0).
    QModelIndex fieldIndex(size_t cell, size_t field) const;
    /// The first field row whose field is named `name`, in any cell.
    QModelIndex findField(const QString& name) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Hive> hive_;
    CellGroup group_;
};

}  // namespace hivekit::gui
