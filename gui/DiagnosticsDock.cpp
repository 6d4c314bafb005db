#include "DiagnosticsDock.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "DiagnosticsModel.h"
#include "Display.h"

namespace hivekit::gui {

DiagnosticsDock::DiagnosticsDock(QWidget* parent)
    : QDockWidget(tr("Problems"), parent),
      proxy_(new QSortFilterProxyModel(this)),
      view_(new QTreeView),
      summary_(new QLabel) {
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

    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);
    setWidget(box);
    connect(view_, &QTreeView::clicked, this, &DiagnosticsDock::onClicked);
    connect(view_, &QTreeView::activated, this, &DiagnosticsDock::onClicked);
    updateSummary();
}

void DiagnosticsDock::setModel(DiagnosticsModel* model) {
    if (model_) model_->disconnect(this);
    model_ = model;
    proxy_->setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &DiagnosticsDock::updateSummary);
        connect(model, &QAbstractItemModel::modelReset, this, &DiagnosticsDock::updateSummary);
    }
    updateSummary();
}

void DiagnosticsDock::updateSummary() {
    if (!model_) {
        summary_->setText(tr("No hive open."));
        setWindowTitle(tr("Problems"));
        return;
    }
    const int errors = model_->count(Diagnostic::Severity::Error);
    const int warnings = model_->count(Diagnostic::Severity::Warning);
    const int notes = model_->count(Diagnostic::Severity::Info);
    if (model_->rowCount() == 0)
        summary_->setText(tr("No problems found."));
    else
        summary_->setText(tr("%Ln error(s)", nullptr, errors) + QStringLiteral(", ") +
                          tr("%Ln warning(s)", nullptr, warnings) + QStringLiteral(", ") +
                          tr("%Ln note(s)", nullptr, notes) + QStringLiteral(". ") +
                          tr("Click one to go to its offset."));
    setWindowTitle(model_->rowCount() ? tr("Problems (%1)").arg(model_->rowCount()) : tr("Problems"));
}

void DiagnosticsDock::onClicked(const QModelIndex& index) {
    const QVariant offset = index.data(DiagnosticsModel::FileOffsetRole);
    if (offset.isValid()) emit offsetActivated(offset.toULongLong());
}

}  // namespace hivekit::gui
