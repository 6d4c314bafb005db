// DeletedModel: what a scan of the free cells found (hive/DeletedScanner.h)
// as a tree: each deleted key with its values under it, then one group of
// the values whose key is not known. Read-only; rows never change after
// setScan().
#pragma once

#include <QAbstractItemModel>
#include <QIcon>

#include <memory>

#include "hive/DeletedScanner.h"

namespace hivekit::gui {

class DeletedModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, DataColumn, WrittenColumn, FoundInColumn, OffsetColumn, ColumnCount };
    enum Role {
        /// The file offset of the record's cell (the hex view's offset).
        FileOffsetRole = Qt::UserRole + 1,
        /// "key", "value" or "group".
        KindRole,
    };

    explicit DeletedModel(QObject* parent = nullptr);

    /// Shows `scan` of `hive` (kept alive: the records view its mapping).
    void setScan(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan);
    void clear();
    const DeletedScan* scan() const { return scan_.get(); }
    const std::shared_ptr<const DeletedScan>& sharedScan() const { return scan_; }
    const std::shared_ptr<const Hive>& hive() const { return hive_; }
    /// The values without a known key (the last top-level row's children).
    int orphanCount() const { return static_cast<int>(orphans_.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Internal ids: 0 for a top-level row, 1 + top-level row for a value
    // under that row.
    bool isGroupRow(int row) const;
    const DeletedValue* valueAt(const QModelIndex& index) const;
    QVariant keyData(const DeletedKey& key, int column, int role) const;
    QVariant valueData(const DeletedValue& value, int column, int role) const;

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const DeletedScan> scan_;
    std::vector<size_t> orphans_;  ///< indexes into scan_->values
    QIcon keyIcon_;
};

/// Where a record was found (the Found in column), in words.
QString foundInText(FoundIn where);

/// What a place of the Found in column means, in a sentence (its tooltip).
QString foundInToolTip(FoundIn where);

/// What the Data column says of a recovered value's data state, in words.
QString recoveredDataText(RecoveredData state);

/// The Data column's line for a recovered value: its data decoded, after
/// "[truncated] " when only part of it was recovered; "[overwritten]",
/// "[missing]" or "[empty]" when there is none.
QString recoveredDataLine(const DeletedValue& value);

}  // namespace hivekit::gui
