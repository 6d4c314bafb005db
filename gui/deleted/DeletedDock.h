// DeletedDock: deleted keys and values, apart from the live tree. A scan of
// the hive's free cells (hive/DeletedScanner.h) runs on a worker thread
// with progress and a stop button; the results list each deleted key with
// the path it had and its values, then the values whose key is unknown. A
// click shows the record's cell in the hex view of the tab that was scanned.
// Export to .reg writes what was found as `hivectl deleted --reg` does.
#pragma once

#include <QDockWidget>
#include <QFutureWatcher>
#include <QPointer>

#include <memory>

#include "hive/DeletedScanner.h"

class QLabel;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace hivekit::gui {

class DeletedModel;

/// The outcome of one scan, carried from the worker to the GUI thread.
struct DeletedScanOutcome {
    std::shared_ptr<const Hive> hive;         ///< the hive scanned (the records view its mapping)
    std::shared_ptr<const DeletedScan> scan;  ///< null when it failed or was stopped
    QString error;
    bool cancelled = false;
    qint64 milliseconds = 0;
};

/// Scans `hive` for deleted keys and values on Qt's thread pool, with
/// progress (0..1000) and cancellation through the future (the scan the
/// dock runs, and the one View > Show Deleted Keys runs when the dock has
/// none for the tab).
QFuture<DeletedScanOutcome> startDeletedScan(std::shared_ptr<const Hive> hive);

class DeletedDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DeletedDock(QWidget* parent = nullptr);
    ~DeletedDock() override;

    /// Scans `hive` (the hive `target` shows); a running scan stops first.
    void scan(std::shared_ptr<const Hive> hive, QWidget* target);
    void cancel();
    bool isRunning() const;
    /// Blocks until the worker is done (tests, shutdown).
    void waitForFinished();
    /// Forgets the results of `target` (its tab is closing or reloading).
    void forget(QWidget* target);

    DeletedModel* model() const { return model_; }
    /// The finished scan of `hive` shown for `target`, or null (another
    /// tab's, a scan still running, or an older image of the file).
    std::shared_ptr<const DeletedScan> scanOf(QWidget* target, const Hive* hive) const;
    QTreeView* view() const { return view_; }
    QString statusText() const;
    /// Writes the scan on show as a .reg file (regedit 5.00, the text of
    /// hive/DeletedRegExport, the bytes `hivectl deleted --reg` writes);
    /// false with `error` set when there is no scan or the file cannot be
    /// written.
    bool exportReg(const QString& file, QString* error = nullptr);
    /// Asks for a file and exports to it (the Export button).
    void exportRegInteractively();

signals:
    /// The user asked for a scan (the Scan button).
    void scanRequested();
    /// A record was clicked: show `fileOffset` in `target`'s hex view.
    void offsetActivated(QWidget* target, quint64 fileOffset);

private:
    void onFinished();
    void setRunning(bool running);
    void onClicked(const QModelIndex& index);
    /// Gives the scan (null: none) to the hex pane of the tab scanned.
    void handScanToHexPane(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan);

    QToolButton* scanButton_;
    QToolButton* exportButton_;
    QProgressBar* progress_;
    QLabel* statusLabel_;
    QTreeView* view_;
    DeletedModel* model_;
    QFutureWatcher<DeletedScanOutcome>* watcher_;
    QPointer<QWidget> target_;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::DeletedScanOutcome)
