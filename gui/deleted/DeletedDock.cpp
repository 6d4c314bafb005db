#include "deleted/DeletedDock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPromise>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "deleted/DeletedModel.h"
#include "common/Display.h"
#include "hexview/HexPane.h"
#include "regfile/DeletedRegExport.h"
#include "regfile/RegExport.h"

namespace hivekit::gui {

DeletedDock::DeletedDock(QWidget* parent)
    : QDockWidget(tr("Deleted"), parent),
      scanButton_(new QToolButton),
      exportButton_(new QToolButton),
      progress_(new QProgressBar),
      statusLabel_(new QLabel),
      view_(new QTreeView),
      model_(new DeletedModel(this)),
      watcher_(new QFutureWatcher<DeletedScanOutcome>(this)) {
    setObjectName(QStringLiteral("deletedDock"));
    initResources();
    qRegisterMetaType<DeletedScanOutcome>();

    scanButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton_->setText(tr("Export to .reg…"));
    exportButton_->setToolTip(tr("Write the deleted keys and values found as a .reg file (as hivectl deleted --reg)"));
    exportButton_->setEnabled(false);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(6);
    progress_->hide();
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLabel_->setText(tr("Scan the free cells of the hive for deleted keys and values."));

    view_->setModel(model_);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->header()->setStretchLastSection(false);
    // Paths are long; their end (the key's own name) matters most.
    view_->setTextElideMode(Qt::ElideMiddle);
    view_->header()->resizeSection(DeletedModel::NameColumn, 380);
    view_->header()->resizeSection(DeletedModel::TypeColumn, 110);
    view_->header()->resizeSection(DeletedModel::DataColumn, 300);
    view_->header()->resizeSection(DeletedModel::WrittenColumn, 170);

    auto* top = new QHBoxLayout;
    top->addWidget(scanButton_);
    top->addWidget(statusLabel_, 1);
    top->addWidget(exportButton_);
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(progress_);
    layout->addWidget(view_, 1);
    setWidget(box);

    setRunning(false);
    connect(scanButton_, &QToolButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            emit scanRequested();
    });
    connect(watcher_, &QFutureWatcher<DeletedScanOutcome>::progressValueChanged, progress_, &QProgressBar::setValue);
    connect(watcher_, &QFutureWatcher<DeletedScanOutcome>::finished, this, &DeletedDock::onFinished);
    connect(exportButton_, &QToolButton::clicked, this, &DeletedDock::exportRegInteractively);
    connect(view_, &QTreeView::clicked, this, &DeletedDock::onClicked);
    connect(view_, &QTreeView::activated, this, &DeletedDock::onClicked);
}

DeletedDock::~DeletedDock() {
    // The worker holds its own share of the hive; it only needs to stop.
    watcher_->disconnect(this);
    watcher_->cancel();
    watcher_->waitForFinished();
}

void DeletedDock::scan(std::shared_ptr<const Hive> hive, QWidget* target) {
    cancel();
    waitForFinished();
    model_->clear();
    exportButton_->setEnabled(false);
    if (!hive) {
        statusLabel_->setText(tr("Open a hive to scan it."));
        return;
    }
    target_ = target;
    progress_->setValue(0);
    statusLabel_->setText(tr("Scanning the free cells…"));
    setRunning(true);
    watcher_->setFuture(startDeletedScan(std::move(hive)));
}

QFuture<DeletedScanOutcome> startDeletedScan(std::shared_ptr<const Hive> hive) {
    return QtConcurrent::run(
        [](QPromise<DeletedScanOutcome>& promise, std::shared_ptr<const Hive> hive) {
            promise.setProgressRange(0, 1000);
            QElapsedTimer timer;
            timer.start();
            DeletedScanOptions options;
            options.progress = [&promise](uint64_t done, uint64_t total) {
                if (total > 0) promise.setProgressValue(static_cast<int>(done * 1000 / total));
                return !promise.isCanceled();
            };
            DeletedScanOutcome out;
            out.hive = hive;
            auto result = scanDeleted(*hive, options);
            out.milliseconds = timer.elapsed();
            if (promise.isCanceled()) {
                out.cancelled = true;
            } else if (!result) {
                out.error = toQString(result.error().message);
            } else {
                out.scan = std::make_shared<const DeletedScan>(std::move(*result));
            }
            promise.addResult(std::move(out));
        },
        std::move(hive));
}

void DeletedDock::cancel() {
    if (watcher_->isRunning()) watcher_->cancel();
}

bool DeletedDock::isRunning() const { return watcher_->isRunning(); }

void DeletedDock::waitForFinished() { watcher_->waitForFinished(); }

void DeletedDock::forget(QWidget* target) {
    if (target_ != target) return;
    cancel();
    waitForFinished();
    handScanToHexPane(nullptr, nullptr);
    model_->clear();
    target_ = nullptr;
    statusLabel_->setText(tr("Scan the free cells of the hive for deleted keys and values."));
}

std::shared_ptr<const DeletedScan> DeletedDock::scanOf(QWidget* target, const Hive* hive) const {
    if (!target || target_ != target || isRunning() || !model_->scan() || model_->hive().get() != hive) return nullptr;
    return model_->sharedScan();
}

QString DeletedDock::statusText() const { return statusLabel_->text(); }

void DeletedDock::onFinished() {
    setRunning(false);
    // A cancelled future may hold no result at all.
    const bool has = watcher_->future().resultCount() > 0;
    DeletedScanOutcome out;
    if (has)
        out = watcher_->result();
    else
        out.cancelled = true;
    if (out.cancelled) {
        statusLabel_->setText(tr("Stopped: the scan was cancelled."));
        return;
    }
    if (!out.scan) {
        statusLabel_->setText(tr("The scan failed: %1").arg(out.error));
        return;
    }
    model_->setScan(out.hive, out.scan);
    handScanToHexPane(out.hive, out.scan);
    exportButton_->setEnabled(true);
    const QLocale locale;
    statusLabel_->setText(tr("%Ln deleted key(s)", nullptr, pluralN(out.scan->keys.size())) + QStringLiteral(" · ") +
                          tr("%Ln deleted value(s)", nullptr, pluralN(out.scan->values.size())) +
                          QStringLiteral(" · ") +
                          tr("%1 scanned in %2 ms")
                              .arg(locale.formattedDataSize(
                                  qint64(out.scan->freeBytesScanned + out.scan->unreferencedBytesScanned +
                                         out.scan->slackBytesScanned + out.scan->pastBinsBytesScanned)))
                              .arg(out.milliseconds));
    for (int row = 0; row < model_->rowCount(); ++row) {
        if (model_->rowCount(model_->index(row, 0)) <= 8) view_->expand(model_->index(row, 0));
    }
}

bool DeletedDock::exportReg(const QString& file, QString* error) {
    const DeletedScan* scan = model_->scan();
    if (!scan) {
        if (error) *error = tr("There is no scan to export.");
        return false;
    }
    const DeletedRegText reg = deletedRegText(*scan);
    const std::vector<uint8_t> bytes = encodeRegText(reg.text, RegVersion::V5);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size()) ||
        !out.flush()) {
        if (error) *error = tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

void DeletedDock::exportRegInteractively() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export deleted keys and values"),
                                                      QStringLiteral("deleted.reg"), tr("Registry files (*.reg)"));
    if (file.isEmpty()) return;
    QString error;
    if (!exportReg(file, &error)) QMessageBox::warning(this, tr("Export to .reg"), error);
}

void DeletedDock::setRunning(bool running) {
    if (running) exportButton_->setEnabled(false);
    progress_->setVisible(running);
    scanButton_->setText(running ? tr("Stop") : tr("Scan"));
    scanButton_->setIcon(QIcon(running ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/search.svg")));
    scanButton_->setToolTip(running ? tr("Stop the scan")
                                    : tr("Scan the free cells of the current hive for deleted keys and values"));
}

void DeletedDock::handScanToHexPane(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan) {
    // The hex view of the tab scanned shows the records of unreferenced
    // cells and data slack as deleted only when it knows the scan.
    if (!target_) return;
    if (auto* pane = target_->findChild<HexPane*>()) pane->setDeletedScan(std::move(hive), std::move(scan));
}

void DeletedDock::onClicked(const QModelIndex& index) {
    if (!index.isValid() || !target_) return;
    const QVariant offset = index.sibling(index.row(), 0).data(DeletedModel::FileOffsetRole);
    if (offset.isValid()) emit offsetActivated(target_, offset.toULongLong());
}

}  // namespace hivekit::gui
