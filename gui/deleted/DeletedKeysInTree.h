// DeletedKeysInTree: View > Show Deleted Keys for one tab. When shown, the
// tab's deleted-data scan is merged into its key tree (KeyTreeModel::
// setRecoveredKeys): the Deleted dock's scan of the tab when it has one of
// the image shown, else a scan of its own off the GUI thread. It follows the
// tab: a file read again (reload, reopen, commit) is scanned again; an edit
// session's previews keep the deleted keys (the model places them again).
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include "deleted/DeletedDock.h"

namespace hivekit::gui {

class HiveView;

class DeletedKeysInTree : public QObject {
    Q_OBJECT
public:
    /// Attached to `view` (its child); `dock` (may be null) lends its scan.
    DeletedKeysInTree(HiveView* view, DeletedDock* dock);
    ~DeletedKeysInTree() override;

    /// The one attached to `view`, or null.
    static DeletedKeysInTree* of(const HiveView* view);

    /// Shows the deleted keys in the tree (scanning when needed), or takes
    /// them out: the tree is then exactly as without them.
    void setShown(bool shown);
    bool isShown() const { return shown_; }
    bool isScanning() const { return watcher_->isRunning(); }
    /// Blocks until a running scan is done (tests, shutdown).
    void waitForFinished() { watcher_->waitForFinished(); }

signals:
    /// The deleted keys of a scan are in the tree now.
    void applied();
    /// A scan failed (`message` says why); the tree shows none.
    void failed(const QString& message);

private:
    /// Brings the tree up to date with the file the tab shows.
    void update();
    void onFinished();

    HiveView* view_;
    QPointer<DeletedDock> dock_;
    QFutureWatcher<DeletedScanOutcome>* watcher_;
    bool shown_ = false;
};

}  // namespace hivekit::gui
