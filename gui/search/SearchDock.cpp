#include "search/SearchDock.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

#include "common/Display.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"

namespace hivekit::gui {

struct SearchDock::TabSearch {
    QWidget* key = nullptr;      ///< the tab, as an identity (compared, never used)
    QPointer<QWidget> target;    ///< the tab, while it lives
    SearchResultsModel* results = nullptr;
    SearchJob* job = nullptr;
    std::shared_ptr<const Hive> hive;  ///< kept for searchMore()
    SearchSummary total;               ///< of the searches whose hits are listed
    QString status;
    bool more = false;
    bool running = false;
    int progress = 0;
};

SearchDock::SearchDock(QWidget* parent)
    : QDockWidget(tr("Search"), parent),
      queryEdit_(new QLineEdit),
      modeBox_(new QComboBox),
      caseBox_(new QCheckBox(tr("Match case"))),
      keysBox_(new QCheckBox(tr("Key names"))),
      valueNamesBox_(new QCheckBox(tr("Value names"))),
      valueDataBox_(new QCheckBox(tr("Value data"))),
      findButton_(new QToolButton),
      moreButton_(new QToolButton),
      progress_(new QProgressBar),
      statusLabel_(new QLabel),
      exportButton_(new QToolButton),
      view_(new QTreeView) {
    setObjectName(QStringLiteral("searchDock"));
    initResources();

    queryEdit_->setPlaceholderText(tr("Find in key names, value names and value data"));
    queryEdit_->setClearButtonEnabled(true);
    queryEdit_->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    modeBox_->addItem(tr("Plain text"), static_cast<int>(SearchQuery::Mode::Plain));
    modeBox_->addItem(tr("Whole word"), static_cast<int>(SearchQuery::Mode::WholeWord));
    modeBox_->addItem(tr("Regular expression"), static_cast<int>(SearchQuery::Mode::Regex));
    modeBox_->addItem(tr("Hex bytes (data)"), static_cast<int>(SearchQuery::Mode::HexBytes));
    modeBox_->setToolTip(tr("How the text matches: anywhere, as a whole word, as a regular expression, "
                            "or as hex bytes in the raw value data"));
    keysBox_->setChecked(true);
    valueNamesBox_->setChecked(true);
    valueDataBox_->setChecked(true);
    // Hex bytes match the raw value data only: case and names mean nothing
    // there, so their boxes are off while that mode is chosen.
    connect(modeBox_, &QComboBox::currentIndexChanged, this, [this] {
        const bool hex = static_cast<SearchQuery::Mode>(modeBox_->currentData().toInt()) ==
                         SearchQuery::Mode::HexBytes;
        for (QCheckBox* box : {caseBox_, keysBox_, valueNamesBox_, valueDataBox_}) box->setEnabled(!hex);
        const QString why = hex ? tr("Hex bytes are searched in the value data only") : QString();
        for (QCheckBox* box : {caseBox_, keysBox_, valueNamesBox_}) box->setToolTip(why);
    });
    findButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(6);
    progress_->hide();
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    moreButton_->setText(tr("Show more"));
    moreButton_->setToolTip(tr("The search stopped at its limit of hits: continue it for as many again"));
    moreButton_->hide();
    exportButton_->setText(tr("Export Results…"));
    exportButton_->setToolTip(tr("Save the hits as a CSV file (UTF-8)"));
    exportButton_->setEnabled(false);

    // The search of no tab, shown until a tab is current.
    tabs_.push_back(std::make_unique<TabSearch>());
    current_ = tabs_.front().get();
    wire(*current_);
    view_->setModel(current_->results);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->header()->setStretchLastSection(true);
    view_->header()->resizeSection(SearchResultsModel::KeyColumn, 360);
    view_->header()->resizeSection(SearchResultsModel::WhereColumn, 100);
    view_->header()->resizeSection(SearchResultsModel::ValueColumn, 160);

    auto* top = new QHBoxLayout;
    top->addWidget(queryEdit_, 1);
    top->addWidget(modeBox_);
    top->addWidget(caseBox_);
    top->addWidget(findButton_);
    auto* where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("Look in:")));
    where->addWidget(keysBox_);
    where->addWidget(valueNamesBox_);
    where->addWidget(valueDataBox_);
    where->addStretch(1);
    where->addWidget(statusLabel_);
    where->addWidget(moreButton_);
    where->addWidget(exportButton_);
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(where);
    layout->addWidget(progress_);
    layout->addWidget(view_, 1);
    setWidget(box);

    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, &SearchDock::showContextMenu);
    auto* copy = new QAction(tr("&Copy"), view_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &SearchDock::copySelection);
    view_->addAction(copy);
    connect(exportButton_, &QToolButton::clicked, this, &SearchDock::exportCsvDialog);

    setRunning(*current_, false);
    connect(queryEdit_, &QLineEdit::returnPressed, this, &SearchDock::searchRequested);
    connect(findButton_, &QToolButton::clicked, this, [this] {
        if (current_->job->isRunning())
            cancel();
        else
            emit searchRequested();
    });
    connect(moreButton_, &QToolButton::clicked, this, &SearchDock::searchMore);
    connect(view_, &QTreeView::clicked, this, &SearchDock::onHitClicked);
    connect(view_, &QTreeView::activated, this, &SearchDock::onHitClicked);
}

SearchDock::~SearchDock() {
    // The jobs end (and stop posting) before the models they fill go.
    for (auto& tab : tabs_) delete tab->job;
}

SearchJob* SearchDock::job() const { return current_->job; }
SearchResultsModel* SearchDock::results() const { return current_->results; }
QString SearchDock::statusText() const { return statusLabel_->text(); }

SearchQuery SearchDock::query() const {
    SearchQuery q;
    q.text = queryEdit_->text();
    q.mode = static_cast<SearchQuery::Mode>(modeBox_->currentData().toInt());
    q.caseSensitive = caseBox_->isChecked();
    q.keyNames = keysBox_->isChecked();
    q.valueNames = valueNamesBox_->isChecked();
    q.valueData = valueDataBox_->isChecked();
    q.maxHits = hitLimit_;
    return q;
}

void SearchDock::setQuery(const SearchQuery& q) {
    queryEdit_->setText(q.text);
    modeBox_->setCurrentIndex(modeBox_->findData(static_cast<int>(q.mode)));
    caseBox_->setChecked(q.caseSensitive);
    keysBox_->setChecked(q.keyNames);
    valueNamesBox_->setChecked(q.valueNames);
    valueDataBox_->setChecked(q.valueData);
}

void SearchDock::wire(TabSearch& tab) {
    tab.results = new SearchResultsModel(this);
    tab.job = new SearchJob(this);
    TabSearch* t = &tab;
    connect(tab.job, &SearchJob::hitsFound, tab.results, &SearchResultsModel::append);
    connect(tab.job, &SearchJob::progressChanged, this, [this, t](int permille) {
        t->progress = permille;
        if (t == current_) progress_->setValue(permille);
    });
    connect(tab.job, &SearchJob::finished, this, [this, t](const SearchSummary& last) { onFinished(*t, last); });
    connect(tab.results, &QAbstractItemModel::rowsInserted, this, [this, t] {
        if (t == current_) exportButton_->setEnabled(true);
    });
}

SearchDock::TabSearch& SearchDock::searchOf(QWidget* target) {
    if (!target) return *tabs_.front();
    for (auto& tab : tabs_)
        if (tab->key == target) return *tab;
    tabs_.push_back(std::make_unique<TabSearch>());
    TabSearch& tab = *tabs_.back();
    tab.key = target;
    tab.target = target;
    wire(tab);
    return tab;
}

void SearchDock::search(std::shared_ptr<const Hive> hive, QWidget* target) {
    // A dock used without showTarget() (no window about it): the search on
    // show becomes the target's, so job() and results() name what runs.
    const bool known = std::any_of(tabs_.begin(), tabs_.end(), [target](const auto& t) { return t->key == target; });
    if (target && !known && current_ == tabs_.front().get()) {
        current_->key = target;
        current_->target = target;
        tabs_.insert(tabs_.begin(), std::make_unique<TabSearch>());
        wire(*tabs_.front());
    }
    TabSearch& tab = searchOf(target);
    if (&tab != current_) display(tab);
    tab.results->clear();
    tab.total = SearchSummary{};
    tab.more = false;
    moreButton_->hide();
    exportButton_->setEnabled(false);
    tab.hive = hive;
    QString error;
    if (!hive) {
        setStatus(tab, tr("Open a hive to search it."));
        return;
    }
    if (!tab.job->start(std::move(hive), query(), &error)) {
        setStatus(tab, error);
        return;
    }
    tab.target = target;
    tab.progress = 0;
    progress_->setValue(0);
    setStatus(tab, tr("Searching…"));
    setRunning(tab, true);
}

void SearchDock::showTarget(QWidget* target) {
    TabSearch& tab = searchOf(target);
    if (&tab != current_) display(tab);
}

void SearchDock::display(TabSearch& tab) {
    current_ = &tab;
    // The columns keep the widths the user gave them.
    const QByteArray header = view_->header()->saveState();
    view_->setModel(tab.results);
    view_->header()->restoreState(header);
    progress_->setValue(tab.progress);
    statusLabel_->setText(tab.status);
    moreButton_->setVisible(tab.more);
    exportButton_->setEnabled(tab.results->rowCount() > 0);
    setRunning(tab, tab.running);
}

void SearchDock::cancel() { current_->job->cancel(); }

void SearchDock::searchMore() {
    TabSearch& tab = *current_;
    const SearchSummary& last = tab.job->summary();
    if (tab.job->isRunning() || !last.truncated || !tab.hive || !tab.target) return;
    SearchQuery q = tab.job->query();
    q.resumeAt = last.next;
    tab.more = false;
    moreButton_->hide();
    if (!tab.job->start(tab.hive, q)) return;
    tab.progress = 0;
    progress_->setValue(0);
    setStatus(tab, tr("Searching…"));
    setRunning(tab, true);
}

void SearchDock::forget(QWidget* target) {
    if (!target) return;
    const auto it = std::find_if(tabs_.begin(), tabs_.end(), [target](const auto& t) { return t->key == target; });
    if (it == tabs_.end()) return;
    if (it->get() == current_) display(*tabs_.front());
    TabSearch* tab = it->get();
    tab->job->cancel();
    delete tab->job;  // waits for its worker, which posts to it
    delete tab->results;
    tabs_.erase(it);
}

void SearchDock::focusQuery() {
    show();
    raise();
    queryEdit_->setFocus();
    queryEdit_->selectAll();
}

void SearchDock::onFinished(TabSearch& tab, const SearchSummary& last) {
    setRunning(tab, false);
    // A search continued by "Show more" adds to what is listed.
    tab.total.keysVisited += last.keysVisited;
    tab.total.valuesVisited += last.valuesVisited;
    tab.total.hits = static_cast<uint64_t>(tab.results->rowCount());
    tab.total.milliseconds += last.milliseconds;
    const SearchSummary& s = tab.total;
    QString text = tr("%Ln hit(s)", nullptr, pluralN(s.hits)) + QStringLiteral(" · ") +
                   tr("%Ln key(s)", nullptr, pluralN(s.keysVisited)) + QStringLiteral(", ") +
                   tr("%Ln value(s)", nullptr, pluralN(s.valuesVisited)) + QLatin1Char(' ') +
                   tr("in %1 ms").arg(s.milliseconds);
    if (last.cancelled) text = tr("Stopped: ") + text;
    if (last.truncated) text += tr(" (stopped at the limit of hits)");
    tab.more = last.truncated && !last.cancelled;
    if (&tab == current_) {
        moreButton_->setVisible(tab.more);
        exportButton_->setEnabled(tab.results->rowCount() > 0);
    }
    setStatus(tab, text);
}

void SearchDock::setStatus(TabSearch& tab, const QString& text) {
    tab.status = text;
    if (&tab == current_) statusLabel_->setText(text);
}

void SearchDock::setRunning(TabSearch& tab, bool running) {
    tab.running = running;
    if (&tab != current_) return;
    progress_->setVisible(running);
    findButton_->setText(running ? tr("Stop") : tr("Find"));
    findButton_->setIcon(QIcon(running ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/search.svg")));
    findButton_->setToolTip(running ? tr("Stop the search") : tr("Search the hive (Enter)"));
}

bool SearchDock::showNeighbourHit(int step) {
    SearchResultsModel* results = current_->results;
    const int rows = results->rowCount();
    if (rows == 0 || !current_->target) {
        focusQuery();
        return false;
    }
    const QModelIndex current = view_->currentIndex();
    const int row = current.isValid() ? current.row() + step : (step > 0 ? 0 : rows - 1);
    if (row < 0 || row >= rows) {
        statusLabel_->setText(step > 0 ? tr("No hit after this one.") : tr("No hit before this one."));
        return false;
    }
    const QModelIndex next = results->index(row, 0);
    view_->setCurrentIndex(next);
    view_->scrollTo(next);
    onHitClicked(next);
    return true;
}

void SearchDock::onHitClicked(const QModelIndex& index) {
    if (!index.isValid() || !current_->target) return;
    emit hitActivated(current_->target, current_->results->hit(index.row()));
}

QList<int> SearchDock::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && view_->currentIndex().isValid()) rows << view_->currentIndex().row();
    return rows;
}

void SearchDock::copySelection() {
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty()) QGuiApplication::clipboard()->setText(current_->results->rowsAsText(rows));
}

void SearchDock::copySelectedColumn(int column) {
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty())
        QGuiApplication::clipboard()->setText(
            current_->results->columnAsText(rows, static_cast<SearchResultsModel::Column>(column)));
}

void SearchDock::showContextMenu(const QPoint& pos) {
    const bool any = !selectedRows().isEmpty();
    QMenu menu(this);
    QAction* rows = menu.addAction(tr("&Copy"), this, &SearchDock::copySelection);
    rows->setShortcut(QKeySequence::Copy);
    menu.addAction(tr("Copy Key &Path"), this, [this] { copySelectedColumn(SearchResultsModel::KeyColumn); });
    menu.addAction(tr("Copy &Value Name"), this, [this] { copySelectedColumn(SearchResultsModel::ValueColumn); });
    menu.addAction(tr("Copy &Match"), this, [this] { copySelectedColumn(SearchResultsModel::ContextColumn); });
    for (QAction* a : menu.actions()) a->setEnabled(any);
    menu.addSeparator();
    menu.addAction(tr("&Export Results…"), this, &SearchDock::exportCsvDialog)
        ->setEnabled(current_->results->rowCount() > 0);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

bool SearchDock::exportCsv(const QString& fileName, QString* error) {
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(current_->results->toCsv()) < 0 || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
        return false;
    }
    return true;
}

void SearchDock::exportCsvDialog() {
    if (current_->results->rowCount() == 0) return;
    const QString name = QFileDialog::getSaveFileName(this, tr("Export Search Results"), tr("search-results.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (name.isEmpty()) return;
    QString error;
    if (!exportCsv(name, &error)) QMessageBox::warning(this, tr("Export Search Results"), error);
}

}  // namespace hivekit::gui
