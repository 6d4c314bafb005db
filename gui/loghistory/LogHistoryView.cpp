#include "loghistory/LogHistoryView.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

#include "common/Display.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "format/BaseBlock.h"
#include "format/Names.h"
#include "format/ValueData.h"
#include "index/Index.h"

namespace hivekit::gui {

// ---------------------------------------------------------------------------
// LogEntriesModel

void LogEntriesModel::setOutcome(const LogHistoryOutcome& outcome) {
    beginResetModel();
    outcome_ = outcome;
    endResetModel();
}

const HistoryEntry* LogEntriesModel::entryAt(int row) const {
    if (!outcome_.history || row < 0 || row >= static_cast<int>(outcome_.history->entries.size())) return nullptr;
    return &outcome_.history->entries[static_cast<size_t>(row)];
}

const EntryChanges* LogEntriesModel::changesAt(int row) const {
    const HistoryEntry* e = entryAt(row);
    if (!e || !e->step || !outcome_.changes || e->step > outcome_.changes->size()) return nullptr;
    return &(*outcome_.changes)[e->step - 1];
}

int LogEntriesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !outcome_.history ? 0 : static_cast<int>(outcome_.history->entries.size());
}

int LogEntriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LogEntriesModel::data(const QModelIndex& index, int role) const {
    const HistoryEntry* e = entryAt(index.row());
    if (!e) return {};
    const ReplayStep& s = e->entry;
    if (role == Qt::ForegroundRole && !s.applied) return QColor(Qt::darkGray);
    if (role == Qt::ToolTipRole && index.column() == Status && !s.why.empty()) return toQString(s.why);
    if (role == Qt::TextAlignmentRole && (index.column() == Step || index.column() == Sequence || index.column() == Pages))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Step: return e->step ? QVariant(e->step) : QVariant(QStringLiteral("–"));
    case Sequence: return s.hiveBinsDataSize || s.format == LogFormat::Old ? QVariant(s.sequence) : QVariant();
    case Log: return toQString(s.log);
    case Offset: return hexOffsetText(s.entryOffset);
    case Pages: return static_cast<qulonglong>(s.pageOffsets.size());
    case KeysWritten: {
        const EntryChanges* c = changesAt(index.row());
        return c && c->latestKeyWrite ? toQString(formatFiletime(c->latestKeyWrite)) : QString();
    }
    case LogStarted: return e->logWritten ? toQString(formatFiletime(e->logWritten)) : QString();
    case Status:
        if (s.applied) {
            const EntryChanges* c = changesAt(index.row());
            return c ? tr("applied, changes: %1").arg(static_cast<qulonglong>(c->changes.size())) : tr("applied");
        }
        return tr("not applied: %1").arg(toQString(s.why));
    }
    return {};
}

QVariant LogEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Step: return tr("Step");
    case Sequence: return tr("Sequence");
    case Log: return tr("Log");
    case Offset: return tr("Offset");
    case Pages: return tr("Pages");
    case KeysWritten: return tr("Keys written up to");
    case LogStarted: return tr("Log started");
    case Status: return tr("Replay");
    }
    return {};
}

// ---------------------------------------------------------------------------
// EntryChangesModel

void EntryChangesModel::setChanges(const EntryChanges* changes) {
    beginResetModel();
    changes_ = changes;
    endResetModel();
}

const Difference* EntryChangesModel::changeAt(int row) const {
    if (!changes_ || row < 0 || row >= static_cast<int>(changes_->changes.size())) return nullptr;
    return &changes_->changes[static_cast<size_t>(row)];
}

int EntryChangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !changes_ ? 0 : static_cast<int>(changes_->changes.size());
}

int EntryChangesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {

QString kindText(DiffKind kind) {
    switch (kind) {
    case DiffKind::KeyAdded: return EntryChangesModel::tr("key added");
    case DiffKind::KeyRemoved: return EntryChangesModel::tr("key removed");
    case DiffKind::KeyChanged: return EntryChangesModel::tr("key changed");
    case DiffKind::ValueAdded: return EntryChangesModel::tr("value added");
    case DiffKind::ValueRemoved: return EntryChangesModel::tr("value removed");
    case DiffKind::ValueChanged: return EntryChangesModel::tr("value changed");
    }
    return {};
}

QString valueText(const DiffValueSide& v) {
    if (!v.present) return {};
    return toQString(valueTypeName(v.type)) + QStringLiteral(": ") + valueDataLine(decodeValue(v.type, v.data));
}

QString keyText(const Difference& d, const DiffKeySide& k) {
    if (!k.present) return {};
    QStringList parts;
    if (d.kind != DiffKind::KeyChanged || (d.keyChanges & kKeyLastWritten))
        parts << EntryChangesModel::tr("last write %1").arg(toQString(formatFiletime(k.lastWritten)));
    if (d.keyChanges & kKeyClassName)
        parts << (k.hasClassName ? EntryChangesModel::tr("class %1").arg(QString::fromStdU16String(k.className))
                                 : EntryChangesModel::tr("no class name"));
    if (d.keyChanges & kKeySecurity)
        parts << EntryChangesModel::tr("security descriptor of %1 bytes").arg(static_cast<qulonglong>(k.security.size()));
    return parts.join(QStringLiteral("; "));
}

}  // namespace

QVariant EntryChangesModel::data(const QModelIndex& index, int role) const {
    const Difference* d = changeAt(index.row());
    if (!d) return {};
    if (role == Qt::ForegroundRole && d->descendant) return QColor(Qt::darkGray);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case Change: return kindText(d->kind);
    case Key: return d->path.empty() ? tr("(root)") : toQString(d->path);
    case Value:
        if (d->isKey()) return QString();
        return d->valueName.empty() ? tr("(Default)") : QString::fromStdU16String(d->valueName);
    case Old: return d->isKey() ? keyText(*d, d->oldKey) : valueText(d->oldValue);
    case New: return d->isKey() ? keyText(*d, d->newKey) : valueText(d->newValue);
    }
    return {};
}

QVariant EntryChangesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Change: return tr("Change");
    case Key: return tr("Key");
    case Value: return tr("Value");
    case Old: return tr("Before the entry");
    case New: return tr("After the entry");
    }
    return {};
}

// ---------------------------------------------------------------------------
// LogHistoryView

namespace {

/// Columns as wide as their contents, but none wider than a quarter of the
/// table, so that a long key path does not push "before" and "after" out of
/// sight.
void fitColumns(QTableView* table) {
    table->resizeColumnsToContents();
    const int widest = std::max(120, table->viewport()->width() / 4);
    for (int column = 0; column < table->model()->columnCount(); ++column)
        if (table->columnWidth(column) > widest) table->setColumnWidth(column, widest);
}

}  // namespace

LogHistoryOutcome LogHistoryView::compute(const QString& hivePath, const std::function<bool()>& stop,
                                          const std::function<void(int, int)>& progress) {
    LogHistoryOutcome out;
    auto dirty = DirtyHive::open(hivePath.toStdString());
    if (!dirty) {
        out.error = toQString(dirty.error().message);
        return out;
    }
    auto history = dirty->history();
    if (!history) {
        out.error = toQString(history.error().message);
        return out;
    }
    const uint32_t applied = history->applied;
    out.history = std::make_shared<const LogHistory>(std::move(*history));
    auto changes = allEntryChanges(*dirty, applied, stop, [&](uint32_t done, uint32_t total) {
        if (progress) progress(static_cast<int>(done), static_cast<int>(total));
    });
    if (!changes) {
        out.error = toQString(changes.error().message);
        return out;
    }
    out.cancelled = changes->size() < applied;
    out.changes = std::make_shared<const std::vector<EntryChanges>>(std::move(*changes));
    return out;
}

LogHistoryView::LogHistoryView(const QString& hivePath, QWidget* parent)
    : QDialog(parent),
      hivePath_(hivePath),
      entriesModel_(new LogEntriesModel(this)),
      changesModel_(new EntryChangesModel(this)),
      entriesView_(new QTableView),
      changesView_(new QTableView),
      status_(new QLabel),
      navigation_(new QLabel),
      progress_(new QProgressBar),
      watcher_(new QFutureWatcher<LogHistoryOutcome>(this)),
      stop_(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<LogHistoryOutcome>();
    setObjectName(QStringLiteral("logHistoryView"));
    setWindowTitle(tr("Log history — %1").arg(QFileInfo(hivePath).fileName()));
    resize(980, 640);

    for (QTableView* table : {entriesView_, changesView_}) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->setAlternatingRowColors(true);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setWordWrap(false);
        table->setTextElideMode(Qt::ElideMiddle);  // long key paths keep both ends
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    }
    entriesView_->setObjectName(QStringLiteral("logEntries"));
    changesView_->setObjectName(QStringLiteral("entryChanges"));
    entriesView_->setModel(entriesModel_);
    changesView_->setModel(changesModel_);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    navigation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_->setRange(0, 0);

    auto* splitter = new QSplitter(Qt::Vertical);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("Log entries, in the order replay meets them:")));
    topLayout->addWidget(entriesView_);
    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("What the selected entry changed (double-click to show the key in the tab):")));
    bottomLayout->addWidget(changesView_);
    bottomLayout->addWidget(navigation_);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(progress_);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(entriesView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showEntry(current.row()); });
    connect(changesView_, &QTableView::activated, this, [this](const QModelIndex& index) {
        const Difference* d = changesModel_->changeAt(index.row());
        if (!d) return;
        QStringList names;
        for (const auto& n : d->names) names << QString::fromStdU16String(n);
        emit changeActivated(names, QString::fromStdU16String(d->valueName), !d->isKey());
    });
    connect(watcher_, &QFutureWatcher<LogHistoryOutcome>::progressValueChanged, this, [this](int done) {
        progress_->setRange(0, watcher_->progressMaximum());
        progress_->setValue(done);
        status_->setText(tr("Comparing the hive before and after each entry: %1 of %2…")
                             .arg(done)
                             .arg(watcher_->progressMaximum()));
    });
    connect(watcher_, &QFutureWatcher<LogHistoryOutcome>::finished, this, &LogHistoryView::onDone);

    status_->setText(tr("Reading the transaction logs of %1…").arg(hivePath));
    watcher_->setFuture(QtConcurrent::run(
        [](QPromise<LogHistoryOutcome>& promise, QString path, std::shared_ptr<std::atomic<bool>> stop) {
            promise.addResult(compute(
                path, [&] { return stop->load() || promise.isCanceled(); },
                [&](int done, int total) {
                    promise.setProgressRange(0, total);
                    promise.setProgressValue(done);
                }));
        },
        hivePath_, stop_));
}

LogHistoryView::~LogHistoryView() {
    stop_->store(true);
    watcher_->waitForFinished();
}

QString LogHistoryView::statusText() const { return status_->text(); }

bool LogHistoryView::isRunning() const { return watcher_->isRunning(); }

void LogHistoryView::waitForFinished() {
    watcher_->waitForFinished();
    QCoreApplication::sendPostedEvents(watcher_);
    QCoreApplication::processEvents();
}

void LogHistoryView::setNavigationResult(const QString& text) { navigation_->setText(text); }

void LogHistoryView::onDone() {
    progress_->hide();
    if (watcher_->future().resultCount() == 0) return;
    const LogHistoryOutcome outcome = watcher_->result();
    if (!outcome.error.isEmpty()) {
        status_->setText(tr("The log history could not be read: %1").arg(outcome.error));
        emit finished();
        return;
    }
    entriesModel_->setOutcome(outcome);
    fitColumns(entriesView_);
    const LogHistory& h = *outcome.history;
    QString text;
    if (h.logs.empty())
        text = tr("No transaction logs were found beside the hive.");
    else
        text = tr("Log entries applied by replay: %1 of the %2 listed.")
                   .arg(h.applied)
                   .arg(static_cast<qulonglong>(h.entries.size())) +
               QLatin1Char(' ') +
               tr("Log entries carry no time of their own: \"Keys written up to\" is the latest last-write time of "
                  "the keys an entry wrote, \"Log started\" the time in its log's header.");
    if (outcome.cancelled) text += QLatin1Char(' ') + tr("Stopped before every entry was compared.");
    status_->setText(text);
    if (entriesModel_->rowCount() > 0) entriesView_->selectRow(0);
    emit finished();
}

void LogHistoryView::showEntry(int row) {
    changesModel_->setChanges(entriesModel_->changesAt(row));
    fitColumns(changesView_);
    navigation_->clear();
}

// ---------------------------------------------------------------------------

LogHistoryView* openLogHistory(HiveView* view) {
    if (auto* open = view->findChild<LogHistoryView*>()) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new LogHistoryView(view->document()->path(), view);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<HiveView> target(view);
    QObject::connect(dialog, &LogHistoryView::changeActivated, dialog,
                     [dialog, target](const QStringList& names, const QString& valueName, bool isValue) {
                         if (!target) return;
                         const auto hive = target->hive();
                         if (!hive) return;
                         // Name by name: a key name may hold a '\', which a path could not tell apart.
                         const Index index(*hive);
                         std::vector<uint32_t> chain;
                         uint32_t at = hive->rootOffset();
                         for (const QString& name : names) {
                             auto node = hive->keyNode(at);
                             auto child = node ? index.findSubkey(*node, name.toStdU16String())
                                               : Result<uint32_t>(std::unexpected(node.error()));
                             if (!child) {
                                 dialog->setNavigationResult(
                                     LogHistoryView::tr("The tab does not hold this key (%1).")
                                         .arg(names.join(QLatin1Char('\\'))));
                                 return;
                             }
                             at = *child;
                             chain.push_back(at);
                         }
                         if (!target->selectChain(chain)) {
                             dialog->setNavigationResult(LogHistoryView::tr("The key could not be shown."));
                             return;
                         }
                         if (isValue) {
                             auto value = index.findValue(at, valueName.toStdU16String());
                             if (!value || !target->selectValue(*value)) {
                                 dialog->setNavigationResult(
                                     LogHistoryView::tr("Key shown; the tab does not hold this value."));
                                 return;
                             }
                         }
                         dialog->setNavigationResult(LogHistoryView::tr("Shown in the tab."));
                     });
    dialog->show();
    return dialog;
}

}  // namespace hivekit::gui
