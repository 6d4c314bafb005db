// DiagnosticsModel: the problems found in one hive (at open, and by the
// background walk of its tree and cells) as a table of severity, file
// offset and message.
#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QSet>
#include <QString>

#include <cstdint>
#include <vector>

#include "hive/Diagnostics.h"

namespace hivekit::gui {

/// A list of diagnostics; the same (offset, message) is shown once however
/// many times it is reported.
class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, OffsetColumn, MessageColumn, ColumnCount };
    enum Role {
        FileOffsetRole = Qt::UserRole + 1,  ///< quint64 file offset, or invalid when none
        SortRole,
    };

    explicit DiagnosticsModel(QObject* parent = nullptr);

    void clear();
    /// Appends what is new in `diagnostics` (plus a line for the dropped ones).
    void append(const Diagnostics& diagnostics);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int count(Diagnostic::Severity severity) const;

private:
    struct Row {
        Diagnostic::Severity severity;
        uint64_t offset;
        QString message;
    };
    std::vector<Row> rows_;
    QSet<QString> seen_;
    QIcon errorIcon_;
    QIcon warningIcon_;
    QIcon infoIcon_;
};

}  // namespace hivekit::gui
