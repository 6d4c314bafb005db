#include "compare/CompareWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "common/Display.h"
#include "compare/ByteDiff.h"
#include "compare/CompareModel.h"
#include "compare/CompareValueModel.h"

namespace hivekit::gui::compare {

CompareWindow::CompareWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      job_(new CompareJob(this)),
      model_(new CompareModel(this)),
      values_(new CompareValueModel(this)),
      title_(new QLabel(this)),
      summary_(new QLabel(this)),
      onlyDifferences_(new QCheckBox(tr("Only &differences"), this)),
      ignoreTimes_(new QCheckBox(tr("Ignore last-write &times"), this)),
      tree_(new QTreeView(this)),
      valueView_(new QTableView(this)),
      bytes_(new ByteDiffView(this)) {
    setWindowTitle(tr("Compare Hives"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title_->setWordWrap(true);
    tree_->setModel(model_);
    tree_->setUniformRowHeights(true);
    tree_->header()->setSectionResizeMode(CompareModel::NameColumn, QHeaderView::Stretch);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(CompareModel::StatusColumn, QHeaderView::ResizeToContents);
    valueView_->setModel(values_);
    valueView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    valueView_->setSelectionMode(QAbstractItemView::SingleSelection);
    valueView_->verticalHeader()->hide();
    valueView_->horizontalHeader()->setStretchLastSection(true);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(valueView_);
    right->addWidget(bytes_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(tree_);
    split->addWidget(right);
    split->setStretchFactor(1, 2);

    auto* bar = new QHBoxLayout;
    bar->addWidget(summary_, 1);
    bar->addWidget(ignoreTimes_);
    bar->addWidget(onlyDifferences_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    resize(1100, 700);

    connect(job_, &CompareJob::finished, this, &CompareWindow::onFinished);
    connect(ignoreTimes_, &QCheckBox::toggled, this, &CompareWindow::run);
    connect(onlyDifferences_, &QCheckBox::toggled, this, [this](bool only) {
        model_->setOnlyDifferences(only);
        values_->setOnlyDifferences(only);
        tree_->expandToDepth(0);
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, &CompareWindow::onKeySelected);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { values_->clear(); bytes_->clear(); });
    connect(valueView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareWindow::onValueSelected);
    connect(values_, &QAbstractItemModel::modelReset, bytes_, &ByteDiffView::clear);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::start(std::shared_ptr<const Hive> a, const QString& aPath, const QString& bPath) {
    title_->setText(tr("A (old): %1\nB (new): %2").arg(QDir::toNativeSeparators(aPath), QDir::toNativeSeparators(bPath)));
    a_ = std::move(a);
    aPath_ = aPath;
    bPath_ = bPath;
    run();
}

void CompareWindow::run() {
    if (bPath_.isEmpty()) return;
    summary_->setText(tr("Comparing…"));
    job_->start(a_, aPath_, bPath_, ignoreTimes_->isChecked());
}

void CompareWindow::onFinished(const CompareOutcome& outcome) {
    if (!outcome.error.isEmpty()) {
        summary_->setText(tr("The hives cannot be compared: %1").arg(outcome.error));
        return;
    }
    const DiffSummary& s = outcome.summary;
    QString text = tr("%Ln difference(s)", nullptr, pluralN(s.differences())) + QStringLiteral(": ") +
                   tr("%Ln key(s) added", nullptr, pluralN(s.keysAdded)) + QStringLiteral(", ") +
                   tr("%Ln removed", nullptr, pluralN(s.keysRemoved)) + QStringLiteral(", ") +
                   tr("%Ln changed", nullptr, pluralN(s.keysChanged)) + QStringLiteral("; ") +
                   tr("%Ln value(s) added", nullptr, pluralN(s.valuesAdded)) + QStringLiteral(", ") +
                   tr("%Ln removed", nullptr, pluralN(s.valuesRemoved)) + QStringLiteral(", ") +
                   tr("%Ln changed", nullptr, pluralN(s.valuesChanged));
    if (!s.problems.empty())
        text += QStringLiteral(" ") + tr("(%Ln part(s) could not be read)", nullptr, pluralN(s.problems.items().size()));
    summary_->setText(text);
    if (!a_) a_ = outcome.a;  // opened by the job: kept for a run without times
    values_->setHives(outcome.a, outcome.b);
    model_->setOutcome(outcome);
    tree_->expandToDepth(0);
    tree_->setCurrentIndex(model_->index(0, 0));
}

void CompareWindow::onKeySelected() {
    const QModelIndex current = tree_->currentIndex();
    if (!current.isValid()) {
        values_->clear();
        return;
    }
    values_->setKey(model_->aKey(current), model_->bKey(current));
}

void CompareWindow::onValueSelected() {
    const QModelIndex current = valueView_->currentIndex();
    if (!current.isValid()) {
        bytes_->clear();
        return;
    }
    const MergedValue& v = values_->valueAt(current.row());
    bytes_->setData(v.oldValue.data, v.oldValue.present, v.newValue.data, v.newValue.present);
}

QAction* compareWithAction(QWidget* window,
                           std::function<std::pair<std::shared_ptr<const Hive>, QString>()> currentHive) {
    auto* action = new QAction(CompareWindow::tr("Co&mpare With…"), window);
    action->setStatusTip(CompareWindow::tr("Compare the current hive with another hive file"));
    QObject::connect(action, &QAction::triggered, window, [window, currentHive] {
        auto [a, aPath] = currentHive();
        if (!a) {
            aPath = QFileDialog::getOpenFileName(window, CompareWindow::tr("Compare: Choose Hive A (Old)"));
            if (aPath.isEmpty()) return;
        }
        const QString start = QFileInfo(aPath).absolutePath();
        const QString bPath =
            QFileDialog::getOpenFileName(window, CompareWindow::tr("Compare %1 With Hive B (New)").arg(QFileInfo(aPath).fileName()), start);
        if (bPath.isEmpty()) return;
        auto* compare = new CompareWindow(window);
        compare->setAttribute(Qt::WA_DeleteOnClose);
        compare->start(a, aPath, bPath);
        compare->show();
    });
    return action;
}

}  // namespace hivekit::gui::compare
