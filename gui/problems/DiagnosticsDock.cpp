#include "problems/DiagnosticsDock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "document/HiveDocument.h"

namespace hivekit::gui {

DiagnosticsDock::DiagnosticsDock(QWidget* parent)
    : QDockWidget(tr("Problems"), parent),
      proxy_(new QSortFilterProxyModel(this)),
      view_(new QTreeView),
      summary_(new QLabel),
      progress_(new QProgressBar),
      checkButton_(new QPushButton) {
    setObjectName(QStringLiteral("diagnosticsDock"));
    proxy_->setSortRole(DiagnosticsModel::SortRole);
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSortingEnabled(true);
    view_->header()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->header()->setStretchLastSection(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setColumnWidth(DiagnosticsModel::SeverityColumn, 100);
    view_->setColumnWidth(DiagnosticsModel::OffsetColumn, 100);
    summary_->setContentsMargins(4, 0, 4, 0);
    summary_->setWordWrap(true);
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(200);
    progress_->setFormat(QStringLiteral("%p%"));

    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    auto* status = new QHBoxLayout;
    status->setSpacing(6);
    status->addWidget(summary_, 1);
    status->addWidget(progress_);
    status->addWidget(checkButton_);
    layout->addLayout(status);
    layout->addWidget(view_, 1);
    setWidget(box);
    connect(view_, &QTreeView::clicked, this, &DiagnosticsDock::onClicked);
    connect(view_, &QTreeView::activated, this, &DiagnosticsDock::onClicked);
    connect(checkButton_, &QPushButton::clicked, this, [this] {
        if (!document_) return;
        if (document_->isChecking())
            document_->stopCheck();
        else
            document_->startCheck();
    });
    updateState();
}

DiagnosticsModel* DiagnosticsDock::model() const { return document_ ? document_->diagnostics() : nullptr; }

void DiagnosticsDock::setDocument(HiveDocument* document) {
    if (document == document_) {
        updateState();
        return;
    }
    if (document_) {
        document_->disconnect(this);
        document_->diagnostics()->disconnect(this);
    }
    document_ = document;
    proxy_->setSourceModel(document ? document->diagnostics() : nullptr);
    if (document) {
        connect(document, &HiveDocument::checkStarted, this, &DiagnosticsDock::updateState);
        connect(document, &HiveDocument::checkProgressed, this, &DiagnosticsDock::updateState);
        connect(document, &HiveDocument::checkEnded, this, &DiagnosticsDock::updateState);
        connect(document, &HiveDocument::failed, this, &DiagnosticsDock::updateState);
        // Cleared when the file is opened again.
        connect(document->diagnostics(), &QAbstractItemModel::modelReset, this, &DiagnosticsDock::updateState);
        connect(document, &QObject::destroyed, this, [this] { setDocument(nullptr); });
    }
    updateState();
}

QString DiagnosticsDock::summary() const { return summary_->text(); }

void DiagnosticsDock::updateState() {
    const DiagnosticsModel* model = this->model();
    const bool checking = document_ && document_->isChecking();
    const bool stopped = document_ && document_->hive() && !checking && document_->checkStopped();
    progress_->setVisible(checking);
    progress_->setValue(checking ? document_->checkProgress() : 0);
    checkButton_->setVisible(checking || stopped);
    checkButton_->setText(checking ? tr("Stop") : tr("Check Again"));
    checkButton_->setToolTip(checking ? tr("Stop the structural check of this hive")
                                      : tr("Run the structural check of this hive again"));
    setWindowTitle(tr("Problems"));
    if (!document_ || (!document_->hive() && !document_->isLoading())) {
        summary_->setText(tr("No hive open."));
        return;
    }
    if (document_->isLoading() || !document_->hive()) {
        summary_->setText(tr("Opening the hive…"));
        return;
    }
    if (checking || (!document_->checkFinished() && !stopped)) {
        summary_->setText(tr("Checking the structure of the whole hive…"));
        return;
    }
    if (stopped) {
        summary_->setText(tr("The check was stopped before its end: what it found so far is not shown."));
        return;
    }
    const int errors = model->count(Diagnostic::Severity::Error);
    const int warnings = model->count(Diagnostic::Severity::Warning);
    const int notes = model->count(Diagnostic::Severity::Info);
    if (errors == 0 && warnings == 0 && model->dropped() == 0) {
        // Notes are facts (leaked cells, logs replayed), not problems.
        summary_->setText(notes == 0 ? tr("No problems found.")
                                     : tr("No problems found.") + QLatin1Char(' ') + tr("%Ln note(s)", nullptr, notes) +
                                           QLatin1Char('.'));
    } else {
        QString text = tr("%Ln error(s)", nullptr, errors) + QStringLiteral(", ") +
                       tr("%Ln warning(s)", nullptr, warnings) + QStringLiteral(", ") +
                       tr("%Ln note(s)", nullptr, notes);
        if (model->dropped() > 0)
            text += QLatin1Char(' ') + tr("(%Ln more not listed)", nullptr, pluralN(model->dropped()));
        summary_->setText(text + QStringLiteral(". ") + tr("Click one to go to its offset."));
    }
    if (model->rowCount() > 0) setWindowTitle(tr("Problems (%1)").arg(model->rowCount()));
}

void DiagnosticsDock::onClicked(const QModelIndex& index) {
    const QVariant offset = index.data(DiagnosticsModel::FileOffsetRole);
    if (offset.isValid()) emit offsetActivated(offset.toULongLong());
}

}  // namespace hivekit::gui
