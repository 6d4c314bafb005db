#include "deleted/DeletedKeysInTree.h"

#include "browse/KeyTreeModel.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"

namespace hivekit::gui {

DeletedKeysInTree::DeletedKeysInTree(HiveView* view, DeletedDock* dock)
    : QObject(view), view_(view), dock_(dock), watcher_(new QFutureWatcher<DeletedScanOutcome>(this)) {
    setObjectName(QStringLiteral("deletedKeysInTree"));
    connect(watcher_, &QFutureWatcher<DeletedScanOutcome>::finished, this, &DeletedKeysInTree::onFinished);
    // Emitted at the end of every (re)open, after the tree was rebuilt.
    connect(view_, &HiveView::loaded, this, &DeletedKeysInTree::update);
}

DeletedKeysInTree::~DeletedKeysInTree() {
    // The worker holds its own share of the hive; it only needs to stop.
    watcher_->disconnect(this);
    watcher_->cancel();
    watcher_->waitForFinished();
}

DeletedKeysInTree* DeletedKeysInTree::of(const HiveView* view) {
    return view ? view->findChild<DeletedKeysInTree*>(QStringLiteral("deletedKeysInTree"), Qt::FindDirectChildrenOnly)
                : nullptr;
}

void DeletedKeysInTree::setShown(bool shown) {
    if (shown == shown_) return;
    shown_ = shown;
    if (!shown_) {
        watcher_->cancel();
        view_->keyModel()->setRecoveredKeys(nullptr, nullptr);
        return;
    }
    update();
}

void DeletedKeysInTree::update() {
    KeyTreeModel* model = view_->keyModel();
    const std::shared_ptr<const Hive> file = view_->document()->hive();
    if (!shown_ || !file) return;
    // Deleted data is read from the file, never from the preview of edits.
    if (model->recoveredScanHive() == file) return;
    // A scan of an older image of the file means nothing for this one.
    model->setRecoveredKeys(nullptr, nullptr);
    if (dock_) {
        if (auto scan = dock_->scanOf(view_, file.get())) {
            model->setRecoveredKeys(file, std::move(scan));
            emit applied();
            return;
        }
    }
    if (watcher_->isRunning()) {
        watcher_->cancel();
        watcher_->waitForFinished();
    }
    watcher_->setFuture(startDeletedScan(file));
}

void DeletedKeysInTree::onFinished() {
    if (watcher_->future().resultCount() == 0) return;  // cancelled before it ran
    const DeletedScanOutcome out = watcher_->result();
    if (!shown_ || out.cancelled) return;
    if (!out.scan) {
        emit failed(out.error);
        return;
    }
    // The file may have been read again meanwhile: that image is scanned next.
    if (out.hive != view_->document()->hive()) {
        update();
        return;
    }
    view_->keyModel()->setRecoveredKeys(out.hive, out.scan);
    emit applied();
}

}  // namespace hivekit::gui
