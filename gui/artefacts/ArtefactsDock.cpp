#include "artefacts/ArtefactsDock.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <sstream>

#include "artefacts/ArtefactTableModel.h"
#include "artefacts/Decoder.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"
#include "common/Display.h"

namespace hivekit::gui {

namespace {

enum Page { TablePage, EmptyPage };

/// Writes `bytes` to `path` whole or not at all.
bool writeWhole(const QString& path, const std::string& bytes, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

/// The hive kinds some decoder reads, for the empty page ("SYSTEM, SAM").
QString kindsWithDecoders() {
    QStringList kinds;
    for (const artefacts::Decoder* d : artefacts::allDecoders())
        for (artefacts::HiveKind k : d->kinds()) {
            const QString name = QString::fromLatin1(artefacts::hiveKindName(k));
            if (!kinds.contains(name)) kinds << name;
        }
    return kinds.join(QStringLiteral(", "));
}

}  // namespace

ArtefactsDock::ArtefactsDock(QWidget* parent)
    : QDockWidget(tr("Artefacts"), parent),
      tableBox_(new QComboBox),
      filter_(new QLineEdit),
      decodeButton_(new QToolButton),
      copyButton_(new QToolButton),
      exportButton_(new QToolButton),
      statusLabel_(new QLabel),
      descriptionLabel_(new QLabel),
      pages_(new QStackedWidget),
      emptyLabel_(new QLabel),
      view_(new QTableView),
      model_(new ArtefactTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      job_(new ArtefactsJob(this)) {
    setObjectName(QStringLiteral("artefactsDock"));
    initResources();

    tableBox_->setObjectName(QStringLiteral("artefactTableBox"));
    tableBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    tableBox_->setMinimumContentsLength(24);
    tableBox_->setToolTip(tr("The artefacts decoded from this hive, with their row counts"));
    tableBox_->setPlaceholderText(tr("No artefacts"));
    filter_->setPlaceholderText(tr("Filter rows (any column)"));
    filter_->setClearButtonEnabled(true);

    decodeButton_->setText(tr("Decode"));
    decodeButton_->setIcon(QIcon(QStringLiteral(":/icons/search.svg")));
    decodeButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    decodeButton_->setToolTip(tr("Run the artefact decoders on the hive again"));

    copyAction_ = new QAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("&Copy Rows"), this);
    copyAction_->setStatusTip(tr("Copy the selected rows as tab-separated text with a header line"));
    goAction_ = new QAction(QIcon(QStringLiteral(":/icons/goto.svg")), tr("&Go to Key and Value"), this);
    csvAction_ = new QAction(tr("Export Table as C&SV…"), this);
    csvAction_->setStatusTip(tr("Write the shown table as CSV, as hivectl artefacts --csv does"));
    jsonAction_ = new QAction(tr("Export All Tables as &JSON…"), this);
    jsonAction_->setStatusTip(tr("Write every table of this hive as JSON, as hivectl artefacts --json does"));
    copyButton_->setDefaultAction(copyAction_);
    copyButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton_->setText(tr("Export"));
    exportButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    exportButton_->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton_);
    exportMenu->addAction(csvAction_);
    exportMenu->addAction(jsonAction_);
    exportButton_->setMenu(exportMenu);

    descriptionLabel_->setWordWrap(true);
    descriptionLabel_->setForegroundRole(QPalette::PlaceholderText);
    descriptionLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    emptyLabel_->setAlignment(Qt::AlignCenter);
    emptyLabel_->setWordWrap(true);
    emptyLabel_->setObjectName(QStringLiteral("artefactsEmpty"));
    view_->setObjectName(QStringLiteral("artefactTable"));

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ArtefactTableModel::SortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideMiddle);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSortIndicatorClearable(true);
    view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->setSortingEnabled(true);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->installEventFilter(this);

    pages_->addWidget(view_);
    pages_->addWidget(emptyLabel_);

    auto* top = new QHBoxLayout;
    top->addWidget(tableBox_);
    top->addWidget(filter_, 1);
    top->addWidget(decodeButton_);
    top->addWidget(copyButton_);
    top->addWidget(exportButton_);
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(descriptionLabel_);
    layout->addWidget(pages_, 1);
    layout->addWidget(statusLabel_);
    setWidget(box);

    connect(job_, &ArtefactsJob::finished, this, &ArtefactsDock::onFinished);
    connect(tableBox_, &QComboBox::currentIndexChanged, this, &ArtefactsDock::onTableChosen);
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        updateStatus();
        updateActions();
    });
    connect(decodeButton_, &QToolButton::clicked, this, &ArtefactsDock::decode);
    connect(copyAction_, &QAction::triggered, this, &ArtefactsDock::copyRows);
    connect(goAction_, &QAction::triggered, this, [this] { onActivated(view_->currentIndex()); });
    connect(csvAction_, &QAction::triggered, this, &ArtefactsDock::exportCsvDialog);
    connect(jsonAction_, &QAction::triggered, this, &ArtefactsDock::exportJsonDialog);
    connect(view_, &QTableView::activated, this, &ArtefactsDock::onActivated);
    connect(view_, &QTableView::customContextMenuRequested, this, &ArtefactsDock::showContextMenu);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ArtefactsDock::updateActions);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && stale_) run();
    });

    setSource(nullptr, nullptr);
    emptyLabel_->setText(tr("Open a hive to see its artefacts."));
    pages_->setCurrentIndex(EmptyPage);
    updateStatus();
    updateActions();
}

ArtefactsDock::~ArtefactsDock() {
    job_->disconnect(this);
    job_->cancel();
    job_->waitForFinished();
}

void ArtefactsDock::setSource(std::shared_ptr<const Hive> hive, QWidget* target) {
    if (hive == hive_ && target == target_ && (hive || !target)) return;
    hive_ = std::move(hive);
    target_ = target;
    stale_ = true;
    if (!hive_) {
        job_->cancel();
        stale_ = false;
        onFinished(ArtefactsOutcome{});
        emptyLabel_->setText(tr("Open a hive to see its artefacts."));
        return;
    }
    if (isVisible()) run();
}

void ArtefactsDock::decode() {
    stale_ = true;
    run();
}

void ArtefactsDock::run() {
    stale_ = false;
    if (!hive_) return;
    statusLabel_->setText(tr("Decoding the artefacts…"));
    decodeButton_->setEnabled(false);
    job_->start(hive_);
}

void ArtefactsDock::forget(QWidget* target) {
    if (target_ != target) return;
    setSource(nullptr, nullptr);
}

bool ArtefactsDock::isRunning() const { return job_->isRunning(); }

void ArtefactsDock::waitForFinished() { job_->waitForFinished(); }

void ArtefactsDock::onFinished(const ArtefactsOutcome& outcome) {
    decodeButton_->setEnabled(true);
    // The table shown before stays chosen when the new run has it.
    const QString chosen = tableBox_->currentData().toString();
    decoded_ = outcome.hive;
    kind_ = outcome.kind;
    tables_ = outcome.tables;
    milliseconds_ = outcome.milliseconds;

    const QSignalBlocker block(tableBox_);
    tableBox_->clear();
    int chosenIndex = 0;
    for (const auto& t : tables_) {
        const QString name = QString::fromUtf8(t->decoder->name().data(), qsizetype(t->decoder->name().size()));
        const QString title = QString::fromUtf8(t->decoder->title().data(), qsizetype(t->decoder->title().size()));
        QString text = tr("%1 — %Ln row(s)", nullptr, pluralN(t->rows.size())).arg(title);
        if (name == chosen) chosenIndex = tableBox_->count();
        tableBox_->addItem(t->error.empty() ? QIcon() : QIcon(QStringLiteral(":/icons/error.svg")), text, name);
        tableBox_->setItemData(tableBox_->count() - 1,
                               QString::fromUtf8(t->decoder->description().data(),
                                                 qsizetype(t->decoder->description().size())),
                               Qt::ToolTipRole);
    }
    tableBox_->setEnabled(!tables_.empty());
    filter_->setEnabled(!tables_.empty());

    if (tables_.empty()) {
        model_->clear();
        descriptionLabel_->clear();
        descriptionLabel_->hide();
        QString text;
        if (!decoded_)
            text = tr("Open a hive to see its artefacts.");
        else if (kind_ == artefacts::HiveKind::Unknown)
            text = tr("HiveKit cannot tell from its keys which hive this is (SYSTEM, NTUSER.DAT, …), so no artefact "
                      "decoder applies to it.");
        else
            text = tr("HiveKit has no artefact decoders for %1 hives yet.")
                       .arg(QString::fromLatin1(artefacts::hiveKindName(kind_)));
        const QString others = kindsWithDecoders();
        if (decoded_ && !others.isEmpty()) text += QStringLiteral("\n") + tr("Hives with decoders: %1.").arg(others);
        emptyLabel_->setText(text);
        pages_->setCurrentIndex(EmptyPage);
    } else {
        pages_->setCurrentIndex(TablePage);
        tableBox_->setCurrentIndex(chosenIndex);
        onTableChosen(chosenIndex);
    }
    updateStatus();
    updateActions();
}

void ArtefactsDock::onTableChosen(int index) {
    if (index < 0 || static_cast<size_t>(index) >= tables_.size()) return;
    const auto& table = tables_[static_cast<size_t>(index)];
    model_->setTable(table);
    // Columns differ from table to table: start in the decoder's order.
    view_->sortByColumn(-1, Qt::AscendingOrder);
    view_->resizeColumnsToContents();
    // The last column stretches to the view's edge; the others fit their
    // contents within bounds (a long path must not push the rest away).
    for (int c = 0; c + 1 < model_->columnCount(); ++c)
        view_->setColumnWidth(c, std::clamp(view_->columnWidth(c), 60, 380));
    // Sizing by contents sized the last column too: stretch it again.
    view_->horizontalHeader()->setStretchLastSection(false);
    view_->horizontalHeader()->setStretchLastSection(true);

    QStringList keys;
    for (const std::string& k : table->decoder->keyPaths()) keys << toQString(k);
    const auto& d = *table->decoder;
    descriptionLabel_->setText(QString::fromUtf8(d.description().data(), qsizetype(d.description().size())) +
                               QStringLiteral("  ") + tr("Reads: %1").arg(keys.join(QStringLiteral("; "))));
    descriptionLabel_->show();
    updateStatus();
    updateActions();
}

bool ArtefactsDock::showTable(const QString& name) {
    const int index = tableBox_->findData(name);
    if (index < 0) return false;
    tableBox_->setCurrentIndex(index);
    return true;
}

QString ArtefactsDock::statusText() const { return statusLabel_->text(); }

QString ArtefactsDock::emptyText() const { return pages_->currentIndex() == EmptyPage ? emptyLabel_->text() : QString(); }

void ArtefactsDock::updateStatus() {
    if (!decoded_) {
        if (!job_->isRunning()) statusLabel_->clear();
        return;
    }
    const QString kind = kind_ == artefacts::HiveKind::Unknown
                             ? tr("Hive of unknown kind")
                             : tr("%1 hive").arg(QString::fromLatin1(artefacts::hiveKindName(kind_)));
    QString text = kind + QStringLiteral(" · ") +
                   tr("%Ln artefact(s)", nullptr, pluralN(tables_.size())) + QStringLiteral(" · ") +
                   tr("decoded in %1 ms").arg(milliseconds_);
    if (const auto& table = model_->table()) {
        const int all = model_->rowCount();
        const int shown = proxy_->rowCount();
        text += QStringLiteral(" · ") + (shown == all ? tr("%Ln row(s)", nullptr, all)
                                                      : tr("%1 of %Ln row(s) shown", nullptr, all).arg(shown));
        int notes = 0;
        for (const artefacts::Row& r : table->rows) notes += r.note.empty() ? 0 : 1;
        if (notes) text += QStringLiteral(" · ") + tr("%Ln row(s) with a note", nullptr, notes);
        if (!table->error.empty()) text += QStringLiteral(" · ") + tr("Error: %1").arg(toQString(table->error));
    }
    statusLabel_->setText(text);
}

void ArtefactsDock::updateActions() {
    const bool hasTable = model_->table() != nullptr;
    const bool selected = view_->selectionModel() && view_->selectionModel()->hasSelection();
    copyAction_->setEnabled(selected);
    goAction_->setEnabled(selected && target_);
    csvAction_->setEnabled(hasTable);
    jsonAction_->setEnabled(decoded_ != nullptr);
    exportButton_->setEnabled(decoded_ != nullptr);
}

QString ArtefactsDock::selectedRowsText() const {
    QModelIndexList selected = view_->selectionModel()->selectedRows();
    if (selected.isEmpty()) return {};
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<int> rows;
    for (const QModelIndex& i : selected) rows << proxy_->mapToSource(i).row();
    return model_->rowsText(rows);
}

void ArtefactsDock::copyRows() {
    const QString text = selectedRowsText();
    if (!text.isNull()) QGuiApplication::clipboard()->setText(text);
}

bool ArtefactsDock::exportCsv(const QString& path, QString* error) const {
    if (!model_->table()) {
        if (error) *error = tr("No table is shown.");
        return false;
    }
    std::ostringstream out;
    artefacts::writeCsv(*model_->table(), out);
    return writeWhole(path, out.str(), error);
}

bool ArtefactsDock::exportJson(const QString& path, QString* error) const {
    if (!decoded_) {
        if (error) *error = tr("No hive was decoded.");
        return false;
    }
    std::vector<artefacts::ArtefactTable> tables;
    for (const auto& t : tables_) tables.push_back(*t);
    std::ostringstream out;
    artefacts::writeJson(decoded_->path(), kind_, tables, out);
    return writeWhole(path, out.str(), error);
}

void ArtefactsDock::exportCsvDialog() {
    if (!model_->table()) return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("artefacts/exportDirectory")).toString();
    const QString name = QString::fromUtf8(model_->table()->decoder->name().data(),
                                           qsizetype(model_->table()->decoder->name().size()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Artefact Table"),
                                                      dir.isEmpty() ? name + QStringLiteral(".csv")
                                                                    : dir + QLatin1Char('/') + name +
                                                                          QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("artefacts/exportDirectory"), QFileInfo(path).absolutePath());
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Artefact Table"), tr("Cannot write %1: %2").arg(path, error));
}

void ArtefactsDock::exportJsonDialog() {
    if (!decoded_) return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("artefacts/exportDirectory")).toString();
    const QString file = QStringLiteral("artefacts.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Artefacts"),
                                                      dir.isEmpty() ? file : dir + QLatin1Char('/') + file,
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    settings.setValue(QStringLiteral("artefacts/exportDirectory"), QFileInfo(path).absolutePath());
    QString error;
    if (!exportJson(path, &error))
        QMessageBox::warning(this, tr("Export Artefacts"), tr("Cannot write %1: %2").arg(path, error));
}

void ArtefactsDock::onActivated(const QModelIndex& index) {
    if (!index.isValid() || !target_ || !model_->table()) return;
    const int row = proxy_->mapToSource(index).row();
    if (row < 0 || row >= model_->rowCount()) return;
    emit rowActivated(target_, model_->rowAt(row).source);
}

void ArtefactsDock::showContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(copyAction_);
    menu.addAction(goAction_);
    menu.addSeparator();
    menu.addAction(csvAction_);
    menu.addAction(jsonAction_);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

bool ArtefactsDock::eventFilter(QObject* watched, QEvent* event) {
    // Ctrl+C in the table copies its rows: taken before the main window's
    // Copy Value shortcut sees it.
    if (watched == view_ && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) copyRows();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

}  // namespace hivekit::gui
