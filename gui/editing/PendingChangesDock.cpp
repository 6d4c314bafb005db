#include "editing/PendingChangesDock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoView>
#include <QVBoxLayout>

#include "editing/EditSession.h"

namespace hivekit::gui {

PendingChangesDock::PendingChangesDock(QWidget* parent)
    : QDockWidget(tr("Pending changes"), parent), summary_(new QLabel), tabs_(new QTabWidget),
      table_(new QTableWidget(0, 4)), undoView_(new QUndoView), undoButton_(new QPushButton(tr("Undo"))),
      redoButton_(new QPushButton(tr("Redo"))), discardButton_(new QPushButton(tr("Discard All"))),
      previewButton_(new QPushButton(tr("Preview as .reg…"))), commitButton_(new QPushButton(tr("Commit…"))) {
    setObjectName(QStringLiteral("pendingChangesDock"));
    table_->setHorizontalHeaderLabels({tr("#"), tr("Operation"), tr("Path"), tr("Old → new")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    // The number and the operation are short; the path and the old → new
    // text share the rest, so that a path reads without scrolling sideways
    // (a path too long for its half is elided in the middle, where the
    // key's own name at the end stays visible).
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table_->setTextElideMode(Qt::ElideMiddle);
    undoView_->setEmptyLabel(tr("<opened for editing>"));
    tabs_->addTab(table_, tr("Changes"));
    tabs_->addTab(undoView_, tr("History"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {undoButton_, redoButton_, discardButton_, previewButton_}) buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(commitButton_);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    // The bottom docks share one tabbed area that starts low; a scrolled
    // list may be short (DefaultLayoutTest).
    table_->setMinimumHeight(36);
    undoView_->setMinimumHeight(36);
    layout->addWidget(tabs_);
    layout->addLayout(buttons);
    setWidget(body);

    connect(undoButton_, &QPushButton::clicked, this, [this] {
        if (session_) session_->undoStack()->undo();
    });
    connect(redoButton_, &QPushButton::clicked, this, [this] {
        if (session_) session_->undoStack()->redo();
    });
    connect(discardButton_, &QPushButton::clicked, this, &PendingChangesDock::discardRequested);
    connect(previewButton_, &QPushButton::clicked, this, &PendingChangesDock::regPreviewRequested);
    connect(commitButton_, &QPushButton::clicked, this, &PendingChangesDock::commitRequested);
    refresh();
}

void PendingChangesDock::showHistory() {
    show();
    raise();
    tabs_->setCurrentWidget(undoView_);
}

bool PendingChangesDock::historyShown() const { return tabs_->currentWidget() == undoView_; }

void PendingChangesDock::setSession(EditSession* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    undoView_->setStack(session ? session->undoStack() : nullptr);
    if (session) connect(session, &EditSession::changed, this, &PendingChangesDock::refresh);
    refresh();
}

void PendingChangesDock::refresh() {
    table_->setRowCount(0);
    const bool editing = session_ != nullptr;
    const auto changes = editing ? session_->changes() : std::vector<PendingChange>{};
    table_->setRowCount(static_cast<int>(changes.size()));
    for (size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        const int row = static_cast<int>(i);
        QString fromTo;
        if (!c.oldText.isEmpty() || !c.newText.isEmpty()) {
            fromTo = (c.oldText.isEmpty() ? tr("(none)") : c.oldText) + QStringLiteral(" → ") +
                     (c.newText.isEmpty() ? tr("(none)") : c.newText);
        }
        table_->setItem(row, 0, new QTableWidgetItem(QString::number(i + 1)));
        table_->setItem(row, 1, new QTableWidgetItem(c.operation));
        table_->setItem(row, 2, new QTableWidgetItem(c.path));
        table_->setItem(row, 3, new QTableWidgetItem(fromTo));
    }
    if (!editing) {
        summary_->setText(tr("The current hive is not open for editing."));
    } else if (changes.empty()) {
        summary_->setText(tr("No pending changes."));
    } else {
        summary_->setText(tr("%n pending change(s), applied in this order at commit.", nullptr,
                             static_cast<int>(changes.size())));
    }
    const bool pending = editing && !changes.empty();
    undoButton_->setEnabled(editing && session_->undoStack()->canUndo());
    redoButton_->setEnabled(editing && session_->undoStack()->canRedo());
    discardButton_->setEnabled(editing && session_->undoStack()->count() > 0);
    previewButton_->setEnabled(pending);
    commitButton_->setEnabled(pending && !session_->isCommitting());
}

}  // namespace hivekit::gui
