#include "browse/SubtreeExpander.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeView>

#include <algorithm>

#include "browse/KeyTreeModel.h"

namespace hivekit::gui {

SubtreeExpander::SubtreeExpander(QTreeView* tree, KeyTreeModel* model, QObject* parent)
    : QObject(parent), tree_(tree), model_(model), strip_(new QWidget), label_(new QLabel),
      cancelButton_(new QPushButton(tr("Cancel"))) {
    auto* layout = new QHBoxLayout(strip_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(cancelButton_);
    cancelButton_->setToolTip(tr("Stop expanding (Esc)"));
    cancelButton_->setFocusPolicy(Qt::NoFocus);
    strip_->hide();
    connect(cancelButton_, &QPushButton::clicked, this, &SubtreeExpander::cancel);
    timer_.setInterval(0);
    connect(&timer_, &QTimer::timeout, this, &SubtreeExpander::step);
    // A new image (a change, a reload) ends the run: its indexes are gone.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (isRunning()) stop(true);
    });
    tree_->installEventFilter(this);
}

// The strip leaves the status bar with its tab (unless the window, and the
// status bar with it, went first).
SubtreeExpander::~SubtreeExpander() { delete strip_.data(); }

bool SubtreeExpander::eventFilter(QObject* watched, QEvent* event) {
    if (watched == tree_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Any '*' (Qt's own would expand everything at once), keypad or not.
        if (key->key() == Qt::Key_Asterisk) {
            start(tree_->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_Escape && isRunning()) {
            cancel();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void SubtreeExpander::start(const QModelIndex& index) {
    if (isRunning()) stop(true);
    if (!index.isValid()) return;
    expanded_ = 0;
    between_.invalidate();
    stack_.push_back({QPersistentModelIndex(index), 0});
    if (strip_) label_->setText(tr("Expanding %1…").arg(index.data().toString()));
    if (strip_) strip_->show();
    timer_.start();
}

void SubtreeExpander::cancel() {
    if (isRunning()) stop(true);
}

void SubtreeExpander::stop(bool cancelled) {
    timer_.stop();
    stack_.clear();
    if (strip_) strip_->hide();
    emit finished(cancelled);
}

void SubtreeExpander::step() {
    // Between two slices the tree lays out every open row again, which
    // grows with what is open: a slice as long as that relayout keeps the
    // work at half the time or more, and each pause as short as it can be.
    const qint64 outside = between_.isValid() ? between_.elapsed() : 0;
    const qint64 slice = std::clamp<qint64>(outside, sliceMs_, 100);
    QElapsedTimer clock;
    clock.start();
    // Depth first; a key's children are fetched a batch at a time, and each
    // child with subkeys is expanded before its next sibling.
    while (!stack_.empty() && clock.elapsed() < slice) {
        Work& work = stack_.back();
        if (!work.index.isValid()) {
            stack_.pop_back();
            continue;
        }
        const QModelIndex index = work.index;
        // Fetched while still closed, then opened once: rows added under
        // an open key make the tree lay out every open row again.
        if (model_->canFetchMore(index)) {
            model_->fetchMore(index);
            continue;
        }
        if (!tree_->isExpanded(index)) {
            tree_->expand(index);
            ++expanded_;
        }
        const int rows = model_->rowCount(index);
        while (work.nextChild < rows && !model_->hasChildren(model_->index(work.nextChild, 0, index)))
            ++work.nextChild;
        if (work.nextChild >= rows) {
            stack_.pop_back();
            continue;
        }
        const QModelIndex child = model_->index(work.nextChild++, 0, index);
        stack_.push_back({QPersistentModelIndex(child), 0});
    }
    if (stack_.empty()) {
        stop(false);
        return;
    }
    if (strip_) label_->setText(tr("Expanding: %Ln key(s) open…", nullptr, static_cast<int>(expanded_)));
    between_.start();
}

}  // namespace hivekit::gui
