#include "search/SearchDock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "common/Display.h"
#include "search/SearchJob.h"
#include "search/SearchResultsModel.h"

namespace hivekit::gui {

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
      view_(new QTreeView),
      results_(new SearchResultsModel(this)),
      job_(new SearchJob(this)) {
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

    view_->setModel(results_);
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
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(where);
    layout->addWidget(progress_);
    layout->addWidget(view_, 1);
    setWidget(box);

    setRunning(false);
    connect(queryEdit_, &QLineEdit::returnPressed, this, &SearchDock::searchRequested);
    connect(findButton_, &QToolButton::clicked, this, [this] {
        if (job_->isRunning())
            cancel();
        else
            emit searchRequested();
    });
    connect(moreButton_, &QToolButton::clicked, this, &SearchDock::searchMore);
    connect(job_, &SearchJob::hitsFound, results_, &SearchResultsModel::append);
    connect(job_, &SearchJob::progressChanged, progress_, &QProgressBar::setValue);
    connect(job_, &SearchJob::finished, this, &SearchDock::onFinished);
    connect(view_, &QTreeView::clicked, this, &SearchDock::onHitClicked);
    connect(view_, &QTreeView::activated, this, &SearchDock::onHitClicked);
}

SearchDock::~SearchDock() = default;

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

void SearchDock::search(std::shared_ptr<const Hive> hive, QWidget* target) {
    results_->clear();
    total_ = SearchSummary{};
    moreButton_->hide();
    hive_ = hive;
    QString error;
    if (!hive) {
        statusLabel_->setText(tr("Open a hive to search it."));
        return;
    }
    if (!job_->start(std::move(hive), query(), &error)) {
        statusLabel_->setText(error);
        return;
    }
    target_ = target;
    progress_->setValue(0);
    statusLabel_->setText(tr("Searching…"));
    setRunning(true);
}

void SearchDock::cancel() { job_->cancel(); }

void SearchDock::searchMore() {
    const SearchSummary& last = job_->summary();
    if (job_->isRunning() || !last.truncated || !hive_ || !target_) return;
    SearchQuery q = job_->query();
    q.resumeAt = last.next;
    moreButton_->hide();
    if (!job_->start(hive_, q)) return;
    progress_->setValue(0);
    statusLabel_->setText(tr("Searching…"));
    setRunning(true);
}

void SearchDock::forget(QWidget* target) {
    if (target_ != target) return;
    job_->cancel();
    results_->clear();
    moreButton_->hide();
    target_ = nullptr;
    hive_.reset();
}

void SearchDock::focusQuery() {
    show();
    raise();
    queryEdit_->setFocus();
    queryEdit_->selectAll();
}

void SearchDock::onFinished(const SearchSummary& last) {
    setRunning(false);
    // A search continued by "Show more" adds to what is listed.
    total_.keysVisited += last.keysVisited;
    total_.valuesVisited += last.valuesVisited;
    total_.hits = static_cast<uint64_t>(results_->rowCount());
    total_.milliseconds += last.milliseconds;
    const SearchSummary& s = total_;
    QString text = tr("%Ln hit(s)", nullptr, pluralN(s.hits)) + QStringLiteral(" · ") +
                   tr("%Ln key(s)", nullptr, pluralN(s.keysVisited)) + QStringLiteral(", ") +
                   tr("%Ln value(s)", nullptr, pluralN(s.valuesVisited)) + QLatin1Char(' ') +
                   tr("in %1 ms").arg(s.milliseconds);
    if (last.cancelled) text = tr("Stopped: ") + text;
    if (last.truncated) text += tr(" (stopped at the limit of hits)");
    moreButton_->setVisible(last.truncated && !last.cancelled);
    statusLabel_->setText(text);
}

void SearchDock::setRunning(bool running) {
    progress_->setVisible(running);
    findButton_->setText(running ? tr("Stop") : tr("Find"));
    findButton_->setIcon(QIcon(running ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/search.svg")));
    findButton_->setToolTip(running ? tr("Stop the search") : tr("Search the hive (Enter)"));
}

bool SearchDock::showNeighbourHit(int step) {
    const int rows = results_->rowCount();
    if (rows == 0 || !target_) {
        focusQuery();
        return false;
    }
    const QModelIndex current = view_->currentIndex();
    const int row = current.isValid() ? current.row() + step : (step > 0 ? 0 : rows - 1);
    if (row < 0 || row >= rows) {
        statusLabel_->setText(step > 0 ? tr("No hit after this one.") : tr("No hit before this one."));
        return false;
    }
    const QModelIndex next = results_->index(row, 0);
    view_->setCurrentIndex(next);
    view_->scrollTo(next);
    onHitClicked(next);
    return true;
}

void SearchDock::onHitClicked(const QModelIndex& index) {
    if (!index.isValid() || !target_) return;
    emit hitActivated(target_, results_->hit(index.row()));
}

}  // namespace hivekit::gui
