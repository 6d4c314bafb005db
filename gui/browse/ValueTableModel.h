// ValueTableModel: the values of one key as a table (name, type, size,
// data). Rows follow the key's value list; sorting is left to a
// QSortFilterProxyModel over SortRole.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "hive/DeletedScanner.h"
#include "hive/Hive.h"

namespace hivekit::gui {

class ChangeMarks;

/// The values of the key set by setKey(). Each row holds the vk offset and
/// the texts shown; the data is decoded once, when the key is set.
class ValueTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, SizeColumn, DataColumn, ColumnCount };
    enum Role {
        OffsetRole = Qt::UserRole + 1,  ///< quint32: the vk cell offset (relative)
        SortRole,                       ///< what the column sorts by (numbers for type and size)
        CopyRole,                       ///< QString: the whole decoded data, for "copy data"
        ValueNameRole,                  ///< QString: the stored name ("" for the default value)
        ChangeMarkRole,                 ///< int: ChangeMarks::Mark of the value (pending changes)
        PendingDeletionRole,            ///< bool: a pending change deletes the value (read from the
                                        ///< file: OffsetRole is a vk of ChangeMarks::original())
        RecoveredRole,                  ///< bool: a deleted value recovered by a scan, shown for a
                                        ///< recovered key (OffsetRole is its vk cell), read-only
    };

    /// Renames the value `name` to `newName` when the user edits its name
    /// in place; false refuses (the handler says why).
    using RenameHandler = std::function<bool(const QString& name, const QString& newName)>;

    explicit ValueTableModel(QObject* parent = nullptr);

    void setHive(std::shared_ptr<const Hive> hive);
    /// Shows the values of the key whose nk is at `keyOffset`; no key for
    /// 0xffffffff. The values pending changes delete from it follow, struck
    /// out (setChangeMarks() first). `deletedKey`: the key itself is pending
    /// deletion, its nk is in ChangeMarks::original() and every value shown
    /// is struck out.
    void setKey(uint32_t keyOffset, bool deletedKey = false);
    bool isDeletedKey() const { return deletedKey_; }
    /// Shows the values a deleted-data scan recovered for its deleted key
    /// `key` (an index into scan->keys): names, types and data as
    /// recovered, the state of data that is not intact. Read-only.
    void setRecoveredKey(std::shared_ptr<const DeletedScan> scan, size_t key);
    /// The rows are a recovered key's values.
    bool isRecoveredKey() const { return recoveredScan_ != nullptr; }
    /// Makes the names editable in place (not the default value's, nor
    /// those pending deletion); null: read-only.
    void setRenameHandler(RenameHandler handler) { renameHandler_ = std::move(handler); }
    uint32_t keyOffset() const { return keyOffset_; }
    /// Marks the values the pending changes add or change; `keyPath` is the
    /// path of the key shown (null marks: none).
    void setChangeMarks(std::shared_ptr<const ChangeMarks> marks, const QString& keyPath);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// The row of the value whose vk is at `offset`, or -1 (rows pending
    /// deletion excluded: their offsets are in another image).
    int rowOfOffset(uint32_t offset) const;

private:
    struct Row {
        uint32_t offset = 0;
        bool readable = true;
        bool deleted = false;  ///< pending deletion, read from the file
        bool recovered = false;  ///< recovered by a deleted-data scan
        QString toolTip;         ///< of a recovered value: where it was found
        QString name;      ///< as stored; "" for the default value
        uint32_t type = 0;
        uint32_t size = 0; ///< the size the vk declares
        QString typeText;
        QString dataText;  ///< one line
        QString copyText;  ///< every line, for the clipboard
    };
    Row readRow(const Hive& hive, uint32_t offset) const;

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const ChangeMarks> marks_;
    QString markPath_;
    uint32_t keyOffset_ = kNoCell;
    bool deletedKey_ = false;
    RenameHandler renameHandler_;
    std::vector<Row> rows_;
    std::shared_ptr<const DeletedScan> recoveredScan_;
};

}  // namespace hivekit::gui
