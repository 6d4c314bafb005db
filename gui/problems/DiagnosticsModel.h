// DiagnosticsModel: the findings of the structural check of one hive
// (engine/hive/Checker, the check `hivectl check` runs) as a table of
// severity, file offset and message, row for row what `hivectl check`
// prints.
#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hive/Diagnostics.h"

namespace hivekit::gui {

/// The diagnostics of one check, in the checker's order; nothing is merged
/// or dropped beyond what the checker itself drops (Diagnostics::kLimit).
class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, OffsetColumn, MessageColumn, ColumnCount };
    enum Role {
        FileOffsetRole = Qt::UserRole + 1,  ///< quint64 file offset, or invalid when none
        SortRole,
        SeverityRole,  ///< the row's Diagnostic::Severity, as an int
    };

    /// One diagnostic as shown.
    struct Row {
        Diagnostic::Severity severity;
        uint64_t offset;
        QString message;
    };
    /// Everything the model shows of one check.
    struct Rows {
        std::vector<Row> rows;
        size_t dropped = 0;
        int counts[3] = {};  ///< rows by severity (Info, Warning, Error)
    };
    /// The rows of `diagnostics`: built where the check ran, since turning
    /// 100,000 messages into QStrings would hold up the GUI thread.
    static Rows rowsOf(const Diagnostics& diagnostics);

    explicit DiagnosticsModel(QObject* parent = nullptr);

    void clear();
    /// Shows `rows` in place of what was shown.
    void setRows(Rows rows);
    void setDiagnostics(const Diagnostics& diagnostics) { setRows(rowsOf(diagnostics)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int count(Diagnostic::Severity severity) const;
    /// Diagnostics the checker counted beyond its limit without keeping them.
    size_t dropped() const { return shown_.dropped; }

private:
    Rows shown_;
    QIcon errorIcon_;
    QIcon warningIcon_;
    QIcon infoIcon_;
};

}  // namespace hivekit::gui
