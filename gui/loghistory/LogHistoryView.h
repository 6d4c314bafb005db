// LogHistoryView: what a dirty hive's transaction logs changed, opened from
// the recovery banner's "History…" button. The entries table (as replay
// meets them: step, sequence number, log, pages, times, applied or why not)
// and, for the selected entry, its changes (key or value, old -> new). The
// history and every entry's changes are computed off the GUI thread
// (hive/LogHistory, diff/LogHistoryDiff, as `hivectl log-history` does);
// activating a change selects its key (and value) in the tab when the tab
// holds it.
#pragma once

#include <QAbstractTableModel>
#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

#include "diff/LogHistoryDiff.h"
#include "hive/LogHistory.h"

class QLabel;
class QProgressBar;
class QTableView;

namespace hivekit::gui {

class HiveView;

/// What the worker computed.
struct LogHistoryOutcome {
    QString error;  ///< empty on success
    std::shared_ptr<const LogHistory> history;
    /// Changes of applied entry k at k-1 (fewer when cancelled).
    std::shared_ptr<const std::vector<EntryChanges>> changes;
    bool cancelled = false;
};

/// The entries of a log history, one row each.
class LogEntriesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Step, Sequence, Log, Offset, Pages, KeysWritten, LogStarted, Status, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setOutcome(const LogHistoryOutcome& outcome);
    /// The entry at `row`, or null.
    const HistoryEntry* entryAt(int row) const;
    /// The changes of the entry at `row`, or null (not applied, or not computed).
    const EntryChanges* changesAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    LogHistoryOutcome outcome_;
};

/// One entry's changes, one row each.
class EntryChangesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Change, Key, Value, Old, New, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setChanges(const EntryChanges* changes);
    const Difference* changeAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const EntryChanges* changes_ = nullptr;
};

class LogHistoryView : public QDialog {
    Q_OBJECT
public:
    /// Starts reading `hivePath` and its logs at once (off the GUI thread).
    explicit LogHistoryView(const QString& hivePath, QWidget* parent = nullptr);
    ~LogHistoryView() override;

    LogEntriesModel* entriesModel() const { return entriesModel_; }
    EntryChangesModel* changesModel() const { return changesModel_; }
    QTableView* entriesView() const { return entriesView_; }
    QTableView* changesView() const { return changesView_; }
    QString statusText() const;
    bool isRunning() const;
    /// Blocks until the worker is done and its result shown (tests).
    void waitForFinished();
    /// Tells the user whether the last activated change was found in the tab.
    void setNavigationResult(const QString& text);

    /// The computation as the worker runs it; `stop` ends it early.
    static LogHistoryOutcome compute(const QString& hivePath, const std::function<bool()>& stop,
                                     const std::function<void(int done, int total)>& progress);

signals:
    /// A change was activated: its key's names from the root, and the value
    /// name when it is a value's change.
    void changeActivated(const QStringList& keyNames, const QString& valueName, bool isValue);
    /// The worker's result is shown.
    void finished();

private:
    void onDone();
    void showEntry(int row);

    QString hivePath_;
    LogEntriesModel* entriesModel_;
    EntryChangesModel* changesModel_;
    QTableView* entriesView_;
    QTableView* changesView_;
    QLabel* status_;
    QLabel* navigation_;
    QProgressBar* progress_;
    QFutureWatcher<LogHistoryOutcome>* watcher_;
    std::shared_ptr<std::atomic<bool>> stop_;
};

/// Opens the log history of `view`'s hive beside it (one per tab: a second
/// call raises the first); a change activated there selects its key and
/// value in `view` when the tab holds them.
LogHistoryView* openLogHistory(HiveView* view);

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::LogHistoryOutcome)
