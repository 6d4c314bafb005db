#include "document/HiveView.h"

#include <functional>
#include <optional>

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QPersistentModelIndex>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringList>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "editing/ChangeMarks.h"
#include "document/DamageBanner.h"
#include "document/DiskChangeBanner.h"
#include "document/DiskChangeWatcher.h"
#include "browse/DetailsPane.h"
#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "editing/EditSession.h"
#include "document/HiveDocument.h"
#include "search/HiveSearch.h"
#include "browse/KeyTreeModel.h"
#include "browse/SubtreeExpander.h"
#include "document/RecoveryBanner.h"
#include "loghistory/LogHistoryView.h"
#include "browse/ValueTableModel.h"
#include "deleted/DeletedStyle.h"
#include "format/Names.h"
#include "format/Offsets.h"
#include "index/Index.h"

#include "hexview/HexPane.h"
#include "layoutview/LayoutView.h"

namespace hivekit::gui {

namespace {
enum Page { LoadingPage, ErrorPage, ContentPage };
}  // namespace

HiveView::HiveView(const QString& path, QWidget* parent)
    : QWidget(parent),
      document_(new HiveDocument(path, this)),
      keyModel_(new KeyTreeModel(this)),
      valueModel_(new ValueTableModel(this)),
      valueProxy_(new QSortFilterProxyModel(this)),
      stack_(new QStackedWidget),
      loadingLabel_(new QLabel),
      errorLabel_(new QLabel),
      banner_(new RecoveryBanner),
      damageBanner_(new DamageBanner),
      mainSplitter_(new QSplitter(Qt::Horizontal)),
      rightSplitter_(new QSplitter(Qt::Vertical)),
      tree_(new QTreeView),
      table_(new QTableView),
      lowerTabs_(new QTabWidget),
      details_(new DetailsPane),
      watcher_(new DiskChangeWatcher(path, this)),
      diskBanner_(new DiskChangeBanner) {
    initResources();
    commitOverChangePrompt = [this](HiveView*, const QString& change) {
        QMessageBox box(QMessageBox::Warning, tr("Commit over a Changed File"),
                        tr("%1 changed on disk since it was opened.").arg(document_->displayName()),
                        QMessageBox::NoButton, this);
        box.setInformativeText(change + QStringLiteral("\n\n") +
                               tr("The pending changes would be applied to the file as it is now, which this "
                                  "tab does not show. Cancel, then Reload (F5) to see the file with your "
                                  "changes over it."));
        QPushButton* commit = box.addButton(tr("Commit Anyway"), QMessageBox::DestructiveRole);
        // Enter must not write over a file the user has not seen.
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.clickedButton() == commit;
    };
    QWidget* loading = createLoadingPage(path);
    setUpErrorPage();
    setUpKeyTree();
    setUpValueTable();
    createLowerTabs();
    arrangePanes();
    arrangePages(loading);
    connectSignals();
    stack_->setCurrentIndex(LoadingPage);
    document_->open(true);
}

// The loading page: a busy bar under the file name.
QWidget* HiveView::createLoadingPage(const QString& path) {
    auto* loading = new QWidget;
    auto* loadingLayout = new QVBoxLayout(loading);
    loadingLayout->addStretch(1);
    loadingLabel_->setAlignment(Qt::AlignCenter);
    loadingLabel_->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    auto* busy = new QProgressBar;
    busy->setRange(0, 0);
    busy->setMaximumWidth(260);
    busy->setTextVisible(false);
    loadingLayout->addWidget(loadingLabel_);
    loadingLayout->addWidget(busy, 0, Qt::AlignHCenter);
    loadingLayout->addStretch(2);
    return loading;
}

// The error page: the message, selectable.
void HiveView::setUpErrorPage() {
    errorLabel_->setAlignment(Qt::AlignCenter);
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setMargin(24);
}

// The key tree: one column, uniform rows (a long list lays out in
// constant time per row), the hive's own order.
void HiveView::setUpKeyTree() {
    tree_->setModel(keyModel_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree_->setAnimated(false);
    tree_->setContextMenuPolicy(Qt::ActionsContextMenu);
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    // Fitting the column to all rows measures up to 1,000 names each time a
    // batch is added (expanding a 5,000-subkey key stalled the event loop
    // for 70-110 ms, against about 10 ms this way): fit it to the rows on
    // screen, again whenever the view scrolls.
    tree_->header()->setResizeContentsPrecision(0);
    tree_->setObjectName(QStringLiteral("keyTree"));
    // The column is as wide as its longest name (scrolling sideways), but
    // never narrower than the view, so a selected row spans the view.
    tree_->viewport()->installEventFilter(this);
    expander_ = new SubtreeExpander(tree_, keyModel_, this);
}

// The value table, sortable through the proxy; unsorted it keeps the
// value list's order.
void HiveView::setUpValueTable() {
    valueProxy_->setSourceModel(valueModel_);
    valueProxy_->setSortRole(ValueTableModel::SortRole);
    valueProxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    table_->setModel(valueProxy_);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table_->horizontalHeader()->setSortIndicatorClearable(true);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setWordWrap(false);
    table_->setAlternatingRowColors(true);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    table_->setColumnWidth(ValueTableModel::NameColumn, 220);
    table_->setColumnWidth(ValueTableModel::TypeColumn, 150);
    table_->setColumnWidth(ValueTableModel::SizeColumn, 70);
    table_->setObjectName(QStringLiteral("valueTable"));
}

// The lower tabs under the value table: details, hex, layout.
void HiveView::createLowerTabs() {
    lowerTabs_->setDocumentMode(true);
    lowerTabs_->addTab(details_, QIcon(QStringLiteral(":/icons/details.svg")), tr("Details"));
    createHexPage();
    lowerTabs_->addTab(hexPane_, QIcon(QStringLiteral(":/icons/hex.svg")), tr("Hex"));
    createLayoutPage();
    lowerTabs_->addTab(layoutView_, QIcon(QStringLiteral(":/icons/layout.svg")), tr("Layout"));
    connect(lowerTabs_, &QTabWidget::currentChanged, this, &HiveView::onLowerTabChanged);
}

// Tree | (table over the lower tabs), in splitters whose sizes are saved.
void HiveView::arrangePanes() {
    rightSplitter_->addWidget(table_);
    rightSplitter_->addWidget(lowerTabs_);
    rightSplitter_->setStretchFactor(0, 3);
    rightSplitter_->setStretchFactor(1, 2);
    rightSplitter_->setChildrenCollapsible(false);
    // A few lines of the lower tabs are enough when the screen is small
    // (800x500 logical): their pages are squeezed before the window grows
    // past the screen.
    lowerTabs_->setMinimumHeight(lowerTabs_->tabBar()->sizeHint().height() + 3 * fontMetrics().height());
    mainSplitter_->addWidget(tree_);
    mainSplitter_->addWidget(rightSplitter_);
    mainSplitter_->setStretchFactor(0, 1);
    mainSplitter_->setStretchFactor(1, 3);
    mainSplitter_->setChildrenCollapsible(false);
    mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
    rightSplitter_->setObjectName(QStringLiteral("rightSplitter"));
    mainSplitter_->setSizes({320, 900});
    rightSplitter_->setSizes({320, 380});
}

// The loading, error and main pages in a stack, under the banners.
void HiveView::arrangePages(QWidget* loadingPage) {
    stack_->addWidget(loadingPage);
    stack_->addWidget(errorLabel_);
    stack_->addWidget(mainSplitter_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* bannerBox = new QVBoxLayout;
    bannerBox->setContentsMargins(6, 6, 6, 0);
    bannerBox->setSpacing(4);
    bannerBox->addWidget(diskBanner_);
    bannerBox->addWidget(banner_);
    bannerBox->addWidget(damageBanner_);
    // On a small screen (800x500 logical) a banner is squeezed to about two
    // lines before the window grows past the screen; given room, it takes
    // all it needs.
    for (QWidget* banner : std::initializer_list<QWidget*>{diskBanner_, banner_, damageBanner_})
        banner->setMinimumHeight(2 * fontMetrics().lineSpacing() + 12);
    layout->addLayout(bannerBox);
    layout->addWidget(stack_, 1);
    restoreLayout();
}

// What the document, the banners, the views and the splitters report.
void HiveView::connectSignals() {
    connect(mainSplitter_, &QSplitter::splitterMoved, this, &HiveView::saveLayout);
    connect(rightSplitter_, &QSplitter::splitterMoved, this, &HiveView::saveLayout);
    connect(document_, &HiveDocument::opened, this, &HiveView::onOpened);
    connect(document_, &HiveDocument::failed, this, &HiveView::onFailed);
    connect(banner_, &RecoveryBanner::useLogsRequested, this, &HiveView::reopen);
    connect(banner_, &RecoveryBanner::historyRequested, this, [this] { openLogHistory(this); });
    connect(watcher_, &DiskChangeWatcher::changed, this, [this](const QString& change) {
        diskBanner_->showChanged(change);
        emit statusMessage(tr("%1 changed on disk: %2").arg(document_->displayName(), change));
        emit changedOnDisk(change);
    });
    connect(diskBanner_, &DiskChangeBanner::reloadRequested, this, &HiveView::reload);
    connect(damageBanner_, &DamageBanner::showProblemsRequested, this, &HiveView::problemsRequested);
    connect(document_, &HiveDocument::checkStarted, damageBanner_, &DamageBanner::hide);
    connect(document_, &HiveDocument::checkEnded, this, &HiveView::onCheckEnded);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onKeySelected(current); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HiveView::onValueSelected);
    connect(table_->selectionModel(), &QItemSelectionModel::currentChanged, this, &HiveView::onValueSelected);
    connect(details_, &DetailsPane::offsetActivated, this, &HiveView::showOffset);
    // A key with thousands of subkeys is listed a batch per turn of the event
    // loop while it is expanded, so the window keeps answering.
    connect(tree_, &QTreeView::expanded, this, &HiveView::continueFetching);
    connect(tree_->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { tree_->resizeColumnToContents(0); });
    connect(keyModel_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent) { continueFetching(parent); });
}

HiveView::~HiveView() = default;

bool HiveView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == tree_->viewport() && event->type() == QEvent::Resize)
        tree_->header()->setMinimumSectionSize(tree_->viewport()->width());
    return QWidget::eventFilter(watched, event);
}

QWidget* HiveView::hexPage() const { return hexPane_; }
QWidget* HiveView::layoutPage() const { return layoutView_; }

void HiveView::createHexPage() {
    hexPane_ = new HexPane;
    // A link followed or a cell clicked in the hex view selects that key or
    // value in the tree; show*() calls never signal back, so no loop.
    connect(hexPane_, &HexPane::keyRequested, this, [this](uint32_t nk) { selectKeyAndValue(nk, kNoCell); });
    connect(hexPane_, &HexPane::valueRequested, this, &HiveView::selectValueAnywhere);
}

void HiveView::createLayoutPage() {
    layoutView_ = new LayoutView;
    connect(layoutView_, &LayoutView::cellSelected, this, [this](uint32_t cell, CellKind kind) {
        hexPane_->showCell(cell);
        if (kind == CellKind::KeyNode)
            selectKeyAndValue(cell, kNoCell);
        else if (kind == CellKind::Value)
            selectValueAnywhere(cell);
    });
    connect(layoutView_, &LayoutView::offsetSelected, this, [this](uint64_t fileOffset) {
        hexPane_->goToOffset(fileOffset);
        emit statusMessage(tr("Offset %1").arg(hexOffsetText(fileOffset)));
    });
}

void HiveView::onLowerTabChanged() {
    // Mapping every cell costs a pass over the file: only for who looks.
    if (lowerTabs_->currentWidget() == layoutView_ && !layoutFed_ && hive()) {
        layoutFed_ = true;
        layoutView_->setHive(hive());
        if (currentKeyOffset() != kNoCell) layoutView_->setSelectedCell(currentKeyOffset());
    }
}

bool HiveView::selectKeyAndValue(uint32_t keyOffset, uint32_t valueOffset) {
    const auto h = hive();
    if (!h) return false;
    auto chain = Index(*h).ancestryOf(keyOffset);
    if (!chain || !selectChain(*chain)) {
        emit statusMessage(tr("The key at %1 is not reachable from the root.")
                               .arg(hexOffsetText(fileOffsetOf(keyOffset))));
        return false;
    }
    if (valueOffset != kNoCell) return selectValue(valueOffset);
    return true;
}

void HiveView::selectValueAnywhere(uint32_t valueOffset) {
    if (selectValue(valueOffset)) return;  // a value of the current key
    if (auto key = document_->keyOfValue(valueOffset)) {
        selectKeyAndValue(*key, valueOffset);
        return;
    }
    emit statusMessage(document_->checkFinished()
                           ? tr("No key lists the value at %1.")
                                 .arg(hexOffsetText(fileOffsetOf(valueOffset)))
                           : tr("Still reading the hive: try again in a moment."));
}

std::shared_ptr<const Hive> HiveView::hive() const { return preview_ ? preview_ : document_->hive(); }

bool HiveView::startEditing(QString* why) {
    if (edit_) return true;
    const QString blocker = EditSession::editBlocker(document_->path(), document_->hive().get());
    if (!blocker.isEmpty() || !document_->hive()) {
        if (why) *why = blocker.isEmpty() ? tr("The hive is not open yet.") : blocker;
        return false;
    }
    edit_ = new EditSession(document_->path(), this);
    if (!edit_->lockError().isEmpty()) {  // another writer is editing the hive
        if (why) *why = edit_->lockError();
        delete edit_;
        edit_ = nullptr;
        return false;
    }
    connect(edit_, &EditSession::changed, this, &HiveView::refreshPreview);
    // HiveKit's own commit is no news: the file as committed is taken as read.
    connect(edit_, &EditSession::commitStarted, watcher_, &DiskChangeWatcher::suspend);
    connect(edit_, &EditSession::commitFinished, this, [this](const CommitOutcome& outcome) {
        watcher_->resume(outcome.ok || outcome.partlyWritten);
        // The file changed under the read-only mapping: read it again (a
        // partly written one with its log, as every session reads it).
        if (outcome.ok) reopen(document_->usesLogs());
        else if (outcome.partlyWritten) reopen(true);
    });
    refreshPreview();
    return true;
}

void HiveView::stopEditing() {
    if (!edit_) return;
    edit_->releaseLock();
    edit_->deleteLater();
    edit_ = nullptr;
    backupAdvised_ = false;
    preview_.reset();
    marks_.reset();
    if (document_->hive()) onOpened();
}

bool HiveView::hasPendingChanges() const { return edit_ != nullptr && edit_->hasPending(); }

QString HiveView::currentValueName() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid()) return {};
    return current.data(ValueTableModel::ValueNameRole).toString();
}

bool HiveView::currentKeyIsRecovered() const {
    return tree_->currentIndex().data(KeyTreeModel::RecoveredRole).toBool();
}

void HiveView::showRecoveredKey(const QModelIndex& current) {
    const DeletedKey* key = keyModel_->recoveredKey(current);
    if (!key) {  // the group of orphaned deleted keys
        valueModel_->setKey(kNoCell);
        details_->setHtml(recoveredDetailsHtml(current.data(Qt::ToolTipRole).toString()));
        return;
    }
    valueModel_->setRecoveredKey(keyModel_->recoveredScan(), keyModel_->recoveredKeyIndex(current));
    details_->setHtml(recoveredDetailsHtml(recoveredKeyToolTip(*key)));
    // Its offsets are the file's: shown unless pending edits changed the image.
    if (keyModel_->recoveredScanHive() == hive()) {
        hexPane_->showCell(key->cellOffset);
        if (layoutFed_) layoutView_->setSelectedCell(key->cellOffset);
    }
}

bool HiveView::currentKeyIsPendingDeletion() const { return keyModel_->isPendingDeletion(tree_->currentIndex()); }

bool HiveView::currentValueIsPendingDeletion() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    return current.isValid() && current.data(ValueTableModel::PendingDeletionRole).toBool();
}

bool HiveView::selectValueByName(const QString& name) {
    const auto h = hive();
    const uint32_t key = currentKeyOffset();
    if (!h || key == kNoCell) return false;
    auto value = Index(*h).findValue(key, name.toStdU16String());
    return value && selectValue(*value);
}

void HiveView::refreshPreview() {
    if (!edit_ || !document_->hive()) return;
    const QString keyPath = currentKeyPath();
    const QString valueName = currentValueName();
    // The keys open in the tree, by path (the model is rebuilt over the new
    // image, so indexes do not survive; paths do, unless renamed).
    const QStringList expanded = expandedPaths();
    std::shared_ptr<const Hive> shown;
    if (edit_->hasPending()) {
        auto p = edit_->preview();
        if (!p) {
            emit statusMessage(tr("Cannot show the pending changes: %1").arg(toQString(p.error().message)));
            return;
        }
        shown = *p;
    }
    preview_ = shown;
    const auto original = document_->hive();
    auto existed = [original](const std::string& path, const std::string& name) {
        const Index index(*original);
        auto key = index.findKey(path);
        return key && index.findValue(*key, utf8ToUtf16(name)).has_value();
    };
    const Plan plan = edit_->plan();
    auto marks = std::make_shared<ChangeMarks>(ChangeMarks::fromEdits(plan.edits(), existed));
    // What the changes delete stays on show, struck out, until the commit.
    marks->resolveDeletions(plan.edits(), original);
    marks_ = std::move(marks);
    const auto h = hive();
    keyModel_->setChangeMarks(marks_);
    keyModel_->setHive(h);
    valueModel_->setHive(h);
    hexPane_->setHive(h);
    layoutFed_ = false;
    onLowerTabChanged();
    expandPaths(expanded);
    // The key shown before, or the nearest ancestor left (after a delete).
    selectPathOrAncestor(keyPath);
    if (!valueName.isNull()) selectValueByName(valueName);
}

QStringList HiveView::expandedPaths() const {
    QStringList expanded;
    std::function<void(const QModelIndex&)> collect = [&](const QModelIndex& parent) {
        for (int row = 0; row < keyModel_->rowCount(parent); ++row) {
            const QModelIndex child = keyModel_->index(row, 0, parent);
            if (!tree_->isExpanded(child)) continue;
            expanded << keyModel_->pathOf(child);
            collect(child);
        }
    };
    collect(QModelIndex());
    return expanded;
}

void HiveView::expandPaths(const QStringList& paths) {
    const auto h = hive();
    if (!h) return;
    tree_->expand(keyModel_->rootIndex());
    const Index index(*h);
    for (const QString& open : paths) {
        if (auto chain = index.findKeyChain(open.toStdString())) {
            const QModelIndex found = keyModel_->indexForChain(*chain);
            if (found.isValid()) tree_->expand(found);
        }
    }
}

void HiveView::selectPathOrAncestor(const QString& keyPath) {
    QString path = keyPath;
    while (!goToPath(path)) {
        if (path.isEmpty()) {
            tree_->setCurrentIndex(keyModel_->rootIndex());
            break;
        }
        const qsizetype slash = path.lastIndexOf(QLatin1Char('\\'));
        path = slash < 0 ? QString() : path.left(slash);
    }
}

void HiveView::reload() {
    if (document_->isLoading() || (edit_ && edit_->isCommitting())) return;
    ViewState state;
    state.keyPath = currentKeyPath();
    state.valueName = currentValueName();
    state.expanded = expandedPaths();
    state.treeScroll = tree_->verticalScrollBar()->value();
    state.tableScroll = table_->verticalScrollBar()->value();
    reloading_ = state;
    diskBanner_->hide();
    reopen(document_->usesLogs());
    // The offsets of the keys shown mean nothing in a file another program
    // rewrote: the key is found again by its path.
    pendingChain_.clear();
}

void HiveView::restoreAfterReload(const ViewState& state) {
    QStringList dropped;
    if (edit_ && edit_->hasPending()) dropped = edit_->dropInapplicable();
    if (edit_) refreshPreview();
    expandPaths(state.expanded);
    selectPathOrAncestor(state.keyPath);
    if (!state.valueName.isNull()) selectValueByName(state.valueName);
    // The tree lays its rows out lazily: scroll once it has.
    auto scroll = [this, state] {
        tree_->verticalScrollBar()->setValue(state.treeScroll);
        table_->verticalScrollBar()->setValue(state.tableScroll);
    };
    scroll();
    QTimer::singleShot(0, this, scroll);
    diskBanner_->showDropped(dropped);
    emit statusMessage(dropped.isEmpty()
                           ? tr("Reloaded %1.").arg(document_->displayName())
                           : tr("Reloaded %1; %n pending change(s) no longer apply and were dropped.", nullptr,
                                static_cast<int>(dropped.size()))
                                 .arg(document_->displayName()));
    emit reloaded(dropped);
}

bool HiveView::confirmCommitOverChange() {
    watcher_->checkNow();
    if (!watcher_->changedOnDisk()) return true;
    return commitOverChangePrompt(this, watcher_->changeDescription());
}

bool HiveView::isLoaded() const { return !document_->isLoading() && document_->hive() != nullptr; }

void HiveView::reopen(bool useLogs) {
    const QString path = currentKeyPath();
    pendingChain_.clear();
    if (auto h = hive()) {
        if (auto chain = Index(*h).findKeyChain(path.toStdString())) pendingChain_ = *chain;
    }
    loadingLabel_->setText(useLogs ? tr("Replaying the transaction logs…") : tr("Reading the primary file…"));
    stack_->setCurrentIndex(LoadingPage);
    watcher_->acceptCurrent();
    document_->open(useLogs);
}

void HiveView::onOpened() {
    preview_.reset();
    marks_.reset();
    keyModel_->setChangeMarks(nullptr);
    valueModel_->setChangeMarks(nullptr, QString());
    const auto h = document_->hive();
    keyModel_->setHive(h);
    valueModel_->setHive(h);
    hexPane_->setHive(h);
    layoutFed_ = false;
    onLowerTabChanged();
    banner_->setReport(h->recovery(), h->recovery().wasDirty);
    stack_->setCurrentIndex(ContentPage);
    const QModelIndex root = keyModel_->rootIndex();
    tree_->expand(root);
    if (pendingChain_.empty() || !selectChain(pendingChain_)) tree_->setCurrentIndex(root);
    pendingChain_.clear();
    // Reopened under pending changes (after an interrupted commit): show
    // them again over the new content.
    if (reloading_) {
        const ViewState state = *reloading_;
        reloading_.reset();
        restoreAfterReload(state);
    } else if (edit_ && edit_->hasPending()) {
        refreshPreview();
    }
    const QLocale locale;
    emit statusMessage(tr("Opened %1: %2, format %3, in %4 ms")
                           .arg(document_->displayName(), locale.formattedDataSize(qint64(h->bytes().size())),
                                toQString(h->header().versionString()))
                           .arg(document_->openMilliseconds()));
    emit loaded();
}

void HiveView::onCheckEnded(bool completed) {
    if (!completed) return;
    const DiagnosticsModel* problems = document_->diagnostics();
    damageBanner_->setCounts(problems->count(Diagnostic::Severity::Error),
                             problems->count(Diagnostic::Severity::Warning), problems->dropped());
}

void HiveView::onFailed(const QString& message) {
    reloading_.reset();
    damageBanner_->hide();
    errorLabel_->setText(QStringLiteral("<h3>") + tr("This file cannot be opened").toHtmlEscaped() +
                         QStringLiteral("</h3><p>") + message.toHtmlEscaped() + QStringLiteral("</p>"));
    stack_->setCurrentIndex(ErrorPage);
    emit loadFailed(message);
}

void HiveView::continueFetching(const QModelIndex& parent) {
    // rowsInserted arrives while the model is still inserting (it answers
    // canFetchMore with false then), so the check waits for the next turn.
    if (!parent.isValid() || !tree_->isExpanded(parent)) return;
    QTimer::singleShot(0, this, [this, p = QPersistentModelIndex(parent)] {
        if (p.isValid() && tree_->isExpanded(p) && keyModel_->canFetchMore(p)) keyModel_->fetchMore(p);
    });
}

void HiveView::onKeySelected(const QModelIndex& current) {
    const auto h = hive();
    if (!h || !current.isValid()) {
        valueModel_->setKey(kNoCell);
        details_->showNothing();
        return;
    }
    const uint32_t offset = keyModel_->offsetOf(current);
    const QString path = keyModel_->pathOf(current);
    if (current.data(KeyTreeModel::RecoveredRole).toBool()) {
        showRecoveredKey(current);
        emit selectionChanged(path);
        return;
    }
    if (current.data(KeyTreeModel::BrokenRole).toBool()) {
        valueModel_->setKey(kNoCell);
        details_->setHtml(QStringLiteral("<p style=\"color:#c0392b\">") +
                          current.data(Qt::ToolTipRole).toString().toHtmlEscaped() + QStringLiteral("</p>"));
    } else if (keyModel_->isPendingDeletion(current) && marks_ && marks_->original()) {
        // Deleted by a pending change: shown as the file has it.
        valueModel_->setChangeMarks(marks_, path);
        valueModel_->setKey(offset, true);
        details_->showKey(*marks_->original(), offset, path);
    } else {
        valueModel_->setChangeMarks(marks_, path);
        valueModel_->setKey(offset);
        details_->showKey(*h, offset, path);
        hexPane_->showKey(offset);
        if (layoutFed_) layoutView_->setSelectedCell(offset);
    }
    emit selectionChanged(path);
}

void HiveView::onValueSelected() {
    const auto h = hive();
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!h) return;
    if (!current.isValid() || !table_->selectionModel()->isRowSelected(current.row(), {})) {
        const uint32_t key = valueModel_->keyOffset();
        if (key != kNoCell) {
            details_->showKey(*h, key, currentKeyPath());
            hexPane_->showKey(key);
        }
        return;
    }
    const uint32_t vk = current.data(ValueTableModel::OffsetRole).toUInt();
    if (current.data(ValueTableModel::RecoveredRole).toBool()) {
        details_->setHtml(recoveredDetailsHtml(current.siblingAtColumn(ValueTableModel::NameColumn)
                                                   .data(Qt::ToolTipRole)
                                                   .toString()));
        if (keyModel_->recoveredScanHive() == h) hexPane_->showCell(vk);
        return;
    }
    if (current.data(ValueTableModel::PendingDeletionRole).toBool()) {
        if (marks_ && marks_->original()) details_->showValue(*marks_->original(), vk, currentKeyPath());
        return;
    }
    details_->showValue(*h, vk, currentKeyPath());
    hexPane_->showValue(vk);
    if (layoutFed_) layoutView_->setSelectedCell(vk);
}

QString HiveView::currentKeyPath() const {
    const QModelIndex current = tree_->currentIndex();
    if (!current.isValid()) return {};
    return keyModel_->pathOf(current);
}

uint32_t HiveView::currentKeyOffset() const { return keyModel_->offsetOf(tree_->currentIndex()); }

uint32_t HiveView::currentValueOffset() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid()) return kNoCell;
    return current.data(ValueTableModel::OffsetRole).toUInt();
}

bool HiveView::selectChain(const std::vector<uint32_t>& chain) {
    const QModelIndex index = keyModel_->indexForChain(chain);
    if (!index.isValid()) return false;
    tree_->scrollTo(index, QAbstractItemView::PositionAtCenter);  // expands the ancestors
    tree_->setCurrentIndex(index);
    return true;
}

bool HiveView::goToPath(const QString& path, QString* error) {
    const auto h = hive();
    if (!h) {
        if (error) *error = tr("The hive is not open yet.");
        return false;
    }
    // Typed or pasted paths may start with regedit's "Computer\HKEY_...",
    // a root key's short name, the name the hive is loaded under, or the
    // root key's own name: the first reading that finds a key wins, and a
    // miss reports the most specific reading's error.
    const Index index(*h);
    std::optional<Result<std::vector<uint32_t>>> found;
    for (const std::string& reading : hiveRelativeReadings(path.trimmed().toStdString())) {
        auto chain = index.findKeyChain(reading, RootNameInPath::Allowed);
        if (!found || chain) found = std::move(chain);
        if (*found) break;
    }
    const auto& chain = *found;
    if (!chain) {
        if (error) *error = toQString(chain.error().message);
        return false;
    }
    if (!selectChain(*chain)) {
        if (error) *error = tr("The key was found but cannot be shown in the tree.");
        return false;
    }
    return true;
}

bool HiveView::showHit(const SearchHit& hit) {
    if (!selectChain(hit.chain)) return false;
    if (hit.valueOffset != kNoCell) return selectValue(hit.valueOffset);
    table_->clearSelection();
    return true;
}

bool HiveView::selectValue(uint32_t valueOffset) {
    const int row = valueModel_->rowOfOffset(valueOffset);
    if (row < 0) return false;
    const QModelIndex index = valueProxy_->mapFromSource(valueModel_->index(row, 0));
    table_->setCurrentIndex(index);
    table_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
    return true;
}

void HiveView::showOffset(quint64 fileOffset) {
    hexPane_->goToOffset(fileOffset);
    lowerTabs_->setCurrentWidget(hexPane_);
    emit statusMessage(tr("Offset %1").arg(hexOffsetText(fileOffset)));
}

QString HiveView::keyPathForCopy() const {
    if (!tree_->currentIndex().isValid()) return {};
    return currentKeyPath();
}

namespace {
/// The selected rows of `view`, in the order shown.
QModelIndexList selectedRows(const QTableView* view) {
    QModelIndexList rows = view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    return rows;
}
}  // namespace

QString HiveView::valueForCopy() const {
    QStringList lines;
    for (const QModelIndex& row : selectedRows(table_)) {
        const QModelIndex type = row.siblingAtColumn(ValueTableModel::TypeColumn);
        lines << row.data().toString() + QLatin1Char('\t') + type.data().toString() + QLatin1Char('\t') +
                     row.data(ValueTableModel::CopyRole).toString();
    }
    return lines.join(QLatin1Char('\n'));
}

QString HiveView::dataForCopy() const {
    QStringList lines;
    for (const QModelIndex& row : selectedRows(table_)) lines << row.data(ValueTableModel::CopyRole).toString();
    return lines.join(QLatin1Char('\n'));
}

void HiveView::saveLayout() const {
    QSettings settings;
    settings.setValue(QStringLiteral("layout/mainSplitter"), mainSplitter_->saveState());
    settings.setValue(QStringLiteral("layout/rightSplitter"), rightSplitter_->saveState());
}

void HiveView::restoreLayout() {
    QSettings settings;
    mainSplitter_->restoreState(settings.value(QStringLiteral("layout/mainSplitter")).toByteArray());
    rightSplitter_->restoreState(settings.value(QStringLiteral("layout/rightSplitter")).toByteArray());
}

}  // namespace hivekit::gui
