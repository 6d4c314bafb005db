#include "interpreter/InterpreterPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "document/HiveView.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "hive/Hive.h"

namespace hivekit::gui {

namespace {

enum Column { NameColumn, ValueColumn };

QString hexOffset(uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }

}  // namespace

InterpreterPanel::InterpreterPanel(QWidget* parent)
    : QWidget(parent), sourceLabel_(new QLabel(this)), orderBox_(new QComboBox(this)), table_(new QTreeWidget(this)),
      tools_(new QHBoxLayout) {
    orderBox_->addItem(tr("Little endian"), static_cast<int>(ByteOrder::Little));
    orderBox_->addItem(tr("Big endian"), static_cast<int>(ByteOrder::Big));
    orderBox_->setToolTip(tr("Byte order of the integers, floats and Unix times; the Windows structures "
                             "(FILETIME, SYSTEMTIME, DOS date, GUID, SID) keep their own"));
    sourceLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sourceLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    table_->setColumnCount(2);
    table_->setHeaderLabels({tr("Type"), tr("Value")});
    table_->setRootIsDecorated(false);
    table_->setUniformRowHeights(true);
    table_->setAlternatingRowColors(true);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAllColumnsShowFocus(true);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->header()->setStretchLastSection(true);
    table_->setColumnWidth(NameColumn, QFontMetrics(font()).horizontalAdvance(QStringLiteral("ROT13 of UTF-16LE text")) + 24);
    table_->installEventFilter(this);
    connect(table_, &QWidget::customContextMenuRequested, this, &InterpreterPanel::showContextMenu);

    tools_->setContentsMargins(0, 0, 0, 0);
    tools_->addWidget(orderBox_);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 2);
    top->addWidget(sourceLabel_, 1);
    top->addLayout(tools_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(table_, 1);

    connect(orderBox_, &QComboBox::currentIndexChanged, this, &InterpreterPanel::refresh);
    refresh();
}

void InterpreterPanel::addToolWidget(QWidget* widget) { tools_->addWidget(widget); }

void InterpreterPanel::setBytes(std::vector<uint8_t> bytes, const QString& source) {
    bytes_ = std::move(bytes);
    sourceLabel_->setText(source);
    sourceLabel_->setToolTip(source);
    refresh();
}

QString InterpreterPanel::sourceText() const { return sourceLabel_->text(); }

ByteOrder InterpreterPanel::byteOrder() const { return static_cast<ByteOrder>(orderBox_->currentData().toInt()); }

void InterpreterPanel::setByteOrder(ByteOrder order) {
    orderBox_->setCurrentIndex(orderBox_->findData(static_cast<int>(order)));
}

void InterpreterPanel::refresh() {
    const std::vector<InterpreterRow> rows = DataInterpreter::interpret(bytes_, byteOrder());
    // Rows are updated in place: the selection and scroll position stay
    // while the cursor moves.
    const bool fresh = table_->topLevelItemCount() != static_cast<int>(rows.size());
    if (fresh) table_->clear();
    const QColor faint = palette().color(QPalette::PlaceholderText);
    for (size_t i = 0; i < rows.size(); ++i) {
        QTreeWidgetItem* item = fresh ? new QTreeWidgetItem(table_) : table_->topLevelItem(static_cast<int>(i));
        const Reading& r = rows[i].reading;
        item->setText(NameColumn, rows[i].name);
        item->setText(ValueColumn, r.text);
        item->setToolTip(NameColumn, r.why);
        item->setToolTip(ValueColumn, r.why.isEmpty() ? r.text : r.why);
        item->setData(ValueColumn, Qt::ForegroundRole,
                      r.state == Reading::State::TooShort ? QVariant(faint) : QVariant());
    }
}

QString InterpreterPanel::valueOf(const QString& name) const {
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        if (table_->topLevelItem(i)->text(NameColumn) == name) return table_->topLevelItem(i)->text(ValueColumn);
    }
    return {};
}

QString InterpreterPanel::selectedRowsText() const {
    QStringList lines;
    // In the table's order, not the order they were clicked.
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = table_->topLevelItem(i);
        if (item->isSelected()) lines << item->text(NameColumn) + QLatin1Char('\t') + item->text(ValueColumn);
    }
    return lines.join(QLatin1Char('\n'));
}

void InterpreterPanel::copyValue() {
    if (const QTreeWidgetItem* item = table_->currentItem()) QApplication::clipboard()->setText(item->text(ValueColumn));
}

void InterpreterPanel::copyRows() {
    QString text = selectedRowsText();
    if (text.isEmpty()) {
        if (const QTreeWidgetItem* item = table_->currentItem())
            text = item->text(NameColumn) + QLatin1Char('\t') + item->text(ValueColumn);
    }
    if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}

void InterpreterPanel::showContextMenu(const QPoint& pos) {
    if (QTreeWidgetItem* item = table_->itemAt(pos)) {
        if (!item->isSelected()) table_->setCurrentItem(item);
        else table_->setCurrentItem(item, ValueColumn, QItemSelectionModel::NoUpdate);
    }
    QMenu menu(this);
    menu.addAction(tr("Copy &Value"), this, &InterpreterPanel::copyValue);
    QAction* rows = menu.addAction(tr("Copy &Row"), this, &InterpreterPanel::copyRows);
    rows->setShortcut(QKeySequence::Copy);
    rows->setShortcutVisibleInContextMenu(true);
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

bool InterpreterPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) copyRows();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---- InterpreterDock ----

InterpreterDock::InterpreterDock(QWidget* parent)
    : QDockWidget(tr("Data Interpreter"), parent), panel_(new InterpreterPanel(this)), followBox_(new QComboBox(this)) {
    setObjectName(QStringLiteral("interpreterDock"));
    followBox_->addItem(tr("Follow: automatic"), static_cast<int>(Follow::Automatic));
    followBox_->addItem(tr("Follow: hex cursor"), static_cast<int>(Follow::HexCursor));
    followBox_->addItem(tr("Follow: selected value"), static_cast<int>(Follow::SelectedValue));
    followBox_->setToolTip(tr("Automatic: the hex cursor (or the selection's start) while the Hex tab is shown, "
                              "otherwise the selected value's data from its first byte"));
    panel_->addToolWidget(followBox_);
    setWidget(panel_);
    connect(followBox_, &QComboBox::currentIndexChanged, this, &InterpreterDock::refresh);
    refresh();
}

InterpreterDock::Follow InterpreterDock::follow() const { return static_cast<Follow>(followBox_->currentData().toInt()); }

void InterpreterDock::setFollow(Follow follow) { followBox_->setCurrentIndex(followBox_->findData(static_cast<int>(follow))); }

void InterpreterDock::setView(HiveView* view) {
    for (const auto& c : connections_) disconnect(c);
    connections_.clear();
    view_ = view;
    if (view) {
        HexView* hex = view->hexPane()->hexView();
        connections_.push_back(connect(hex, &HexView::cursorMoved, this, &InterpreterDock::refresh));
        connections_.push_back(connect(hex, &HexView::selectionChanged, this, &InterpreterDock::refresh));
        connections_.push_back(connect(hex, &HexView::interpretRequested, this, &InterpreterDock::interpretHexCursor));
        QItemSelectionModel* values = view->valueTable()->selectionModel();
        connections_.push_back(connect(values, &QItemSelectionModel::currentChanged, this, &InterpreterDock::refresh));
        connections_.push_back(connect(values, &QItemSelectionModel::selectionChanged, this, &InterpreterDock::refresh));
        connections_.push_back(connect(view->lowerTabs(), &QTabWidget::currentChanged, this, &InterpreterDock::refresh));
        connections_.push_back(connect(view, &HiveView::loaded, this, &InterpreterDock::refresh));
    }
    refresh();
}

bool InterpreterDock::followsHex() const {
    switch (follow()) {
    case Follow::HexCursor: return true;
    case Follow::SelectedValue: return false;
    case Follow::Automatic: break;
    }
    return view_ && view_->lowerTabs()->currentWidget() == view_->hexPage();
}

void InterpreterDock::interpretHexCursor() {
    if (follow() == Follow::SelectedValue) setFollow(Follow::HexCursor);
    show();
    raise();
    refresh();
}

void InterpreterDock::refresh() {
    if (!view_ || !view_->isLoaded()) return panel_->setBytes({}, tr("No hive"));
    if (followsHex()) {
        const HexView* hex = view_->hexPane()->hexView();
        const auto& hive = hex->hive();
        if (!hive || hive->bytes().empty()) return panel_->setBytes({}, tr("No bytes"));
        const auto selection = hex->selection();
        const uint64_t at = selection ? selection->first : hex->cursorOffset();
        const Bytes all = hive->bytes();
        const size_t length = static_cast<size_t>(std::min<uint64_t>(DataInterpreter::kWindowBytes, all.size() - at));
        const Bytes window = all.subspan(static_cast<size_t>(at), length);
        panel_->setBytes({window.begin(), window.end()},
                         selection ? tr("Selection start %1").arg(hexOffset(at)) : tr("File offset %1").arg(hexOffset(at)));
        return;
    }
    const uint32_t vk = view_->currentValueOffset();
    const auto hive = view_->hive();
    if (vk == kNoCell || !hive) return panel_->setBytes({}, tr("No value selected"));
    const auto record = hive->valueRecord(vk);
    if (!record) return panel_->setBytes({}, tr("The value record cannot be read"));
    const auto data = hive->valueData(*record);
    if (!data) return panel_->setBytes({}, tr("The value's data cannot be read"));
    const std::string stored = record->nameUtf8();
    const QString name = record->nameLength == 0
                             ? tr("(Default)")
                             : QString::fromUtf8(stored.data(), static_cast<qsizetype>(stored.size()));
    const Bytes bytes = data->bytes();
    const size_t length = std::min(bytes.size(), DataInterpreter::kWindowBytes);
    panel_->setBytes({bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length)},
                     tr("Data of value \u201c%1\u201d (%2 bytes), from byte 0").arg(name, QString::number(bytes.size())));
}

}  // namespace hivekit::gui
