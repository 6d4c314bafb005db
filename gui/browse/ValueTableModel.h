// ValueTableModel: the values of one key as a table (name, type, size,
// data). Rows follow the key's value list; sorting is left to a
// QSortFilterProxyModel over SortRole.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

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
    };

    explicit ValueTableModel(QObject* parent = nullptr);

    void setHive(std::shared_ptr<const Hive> hive);
    /// Shows the values of the key whose nk is at `keyOffset`; no key for
    /// 0xffffffff.
    void setKey(uint32_t keyOffset);
    uint32_t keyOffset() const { return keyOffset_; }
    /// Marks the values the pending changes add or change; `keyPath` is the
    /// path of the key shown (null marks: none).
    void setChangeMarks(std::shared_ptr<const ChangeMarks> marks, const QString& keyPath);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of the value whose vk is at `offset`, or -1.
    int rowOfOffset(uint32_t offset) const;

private:
    struct Row {
        uint32_t offset = 0;
        bool readable = true;
        QString name;      ///< as stored; "" for the default value
        uint32_t type = 0;
        uint32_t size = 0; ///< the size the vk declares
        QString typeText;
        QString dataText;  ///< one line
        QString copyText;  ///< every line, for the clipboard
    };
    Row readRow(uint32_t offset) const;

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const ChangeMarks> marks_;
    QString markPath_;
    uint32_t keyOffset_ = kNoCell;
    std::vector<Row> rows_;
};

}  // namespace hivekit::gui
