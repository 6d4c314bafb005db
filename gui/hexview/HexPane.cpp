#include "hexview/HexPane.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "common/Theme.h"
#include "format/Offsets.h"
#include "hexview/CellColors.h"
#include "hexview/CellFieldModel.h"
#include "hexview/HexView.h"

namespace hivekit::gui {

namespace {

constexpr size_t kHistoryLimit = 256;
// Expanding every cell of a big group (an ri key with thousands of entries)
// would bury the nk: beyond this many rows only the first cell opens.
constexpr int kExpandAllRows = 400;

QString utf8(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
QString hexText(uint64_t v) { return QStringLiteral("0x") + QString::number(v, 16); }

/// Shows the pointing hand over link cells of the field view.
class LinkCursor : public QObject {
public:
    LinkCursor(QTreeView* view) : QObject(view), view_(view) {
        view->setMouseTracking(true);
        view->viewport()->installEventFilter(this);
    }
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::MouseMove) {
            const QModelIndex index = view_->indexAt(static_cast<QMouseEvent*>(event)->position().toPoint());
            const bool link = index.column() == CellFieldModel::MeaningColumn &&
                              index.data(CellFieldModel::HasTargetRole).toBool();
            if (link) view_->viewport()->setCursor(Qt::PointingHandCursor);
            else view_->viewport()->unsetCursor();
        }
        return false;
    }

private:
    QTreeView* view_;
};

}  // namespace

HexPane::HexPane(QWidget* parent) : QWidget(parent) {
    hex_ = new HexView(this);
    model_ = new CellFieldModel(this);
    fields_ = new QTreeView(this);
    fields_->setModel(model_);
    fields_->setUniformRowHeights(true);
    fields_->setAlternatingRowColors(true);
    fields_->setSelectionBehavior(QAbstractItemView::SelectRows);
    fields_->setAllColumnsShowFocus(true);
    fields_->setTextElideMode(Qt::ElideRight);
    fields_->header()->setStretchLastSection(true);
    fields_->header()->setSectionResizeMode(QHeaderView::Interactive);
    new LinkCursor(fields_);
    {
        const QFontMetrics fm(font());
        const QFontMetrics mono(hex_->font());
        fields_->setColumnWidth(CellFieldModel::NameColumn, fm.horizontalAdvance(QStringLiteral("MMMMMMMMMMMMMMMM")) + 32);
        fields_->setColumnWidth(CellFieldModel::OffsetColumn, fm.horizontalAdvance(QStringLiteral("0x00000000")) + 16);
        fields_->setColumnWidth(CellFieldModel::BytesColumn,
                                mono.horizontalAdvance(QStringLiteral("00 00 00 00 00 00")) + 16);
    }

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(hex_);
    splitter_->addWidget(fields_);
    // The hex columns have a natural width; what is left goes to the fields
    // (or, when too little is left, the fields go beneath: arrangeSplitter).
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);

    auto tool = [this](QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    backButton_ = tool(QStyle::SP_ArrowBack, tr("Back"));
    forwardButton_ = tool(QStyle::SP_ArrowForward, tr("Forward"));
    titleLabel_ = new QLabel(this);
    titleLabel_->setTextFormat(Qt::RichText);
    titleLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    offsetEdit_ = new QLineEdit(this);
    offsetEdit_->setPlaceholderText(tr("Go to offset (hex)"));
    offsetEdit_->setClearButtonEnabled(true);
    offsetEdit_->setToolTip(tr("A file offset in hex, with or without 0x (Ctrl+G)"));
    offsetEdit_->setMaximumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("Go to offset (hex)")) + 48);
    cursorLabel_ = new QLabel(this);
    cursorLabel_->setForegroundRole(QPalette::PlaceholderText);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->setSpacing(4);
    bar->addWidget(backButton_);
    bar->addWidget(forwardButton_);
    bar->addSpacing(4);
    bar->addWidget(titleLabel_, 1);
    bar->addWidget(cursorLabel_);
    bar->addSpacing(8);
    bar->addWidget(offsetEdit_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(splitter_, 1);

    connect(backButton_, &QToolButton::clicked, this, &HexPane::back);
    connect(forwardButton_, &QToolButton::clicked, this, &HexPane::forward);
    connect(offsetEdit_, &QLineEdit::returnPressed, this, &HexPane::goToTypedOffset);
    connect(hex_, &HexView::offsetClicked, this, &HexPane::onHexClicked);
    connect(hex_, &HexView::cursorMoved, this, &HexPane::onCursorMoved);
    connect(hex_, &HexView::cursorMoved, this, &HexPane::cursorMoved);
    connect(hex_, &HexView::selectionChanged, this, [this] { cursorLabel_->setText(hex_->statusText()); });
    connect(hex_, &HexView::copyRefused, cursorLabel_, &QLabel::setText);
    connect(hex_, &HexView::goToOffsetRequested, this, &HexPane::focusGoToOffset);
    connect(fields_, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == CellFieldModel::MeaningColumn && followField(index)) return;
        markRow(index);
    });
    connect(fields_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { markRow(current); });
    connect(fields_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (!followField(index)) markRow(index);
    });
    updateHistoryButtons();
}

HexPane::~HexPane() = default;

void HexPane::setHive(std::shared_ptr<const Hive> hive) {
    // The scan stays: deletedScan() uses it only while its hive is on show
    // again (the pane may show a preview of edits meanwhile), and the dock
    // takes it back when the tab closes or reloads.
    hive_ = std::move(hive);
    hex_->setHive(hive_);
    model_->clear();
    history_.clear();
    historyPos_ = 0;
    title_.clear();
    titleLabel_->clear();
    cursorLabel_->clear();
    if (hive_) navigate(Place{Place::Kind::Offset, {}, 0}, false);
    updateHistoryButtons();
}

const CellGroup& HexPane::shown() const { return model_->group(); }

uint32_t HexPane::currentCell() const {
    const CellGroup& g = model_->group();
    if (g.cells.empty()) return kNoCell;
    const CellRole role = g.cells.front().ref.role;
    if (role == CellRole::BaseBlock || role == CellRole::BinHeader) return kNoCell;
    return g.cells.front().ref.offset;
}

QString HexPane::title() const { return title_; }

void HexPane::setDeletedScan(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan) {
    scannedHive_ = scan ? std::move(hive) : nullptr;
    deletedScan_ = scannedHive_ ? std::move(scan) : nullptr;
}

const DeletedScan* HexPane::deletedScan() const {
    return deletedScan_ && scannedHive_ == hive_ ? deletedScan_.get() : nullptr;
}

void HexPane::showKey(uint32_t nkOffset) { navigate(Place{Place::Kind::Key, CellRef{nkOffset, CellRole::KeyNode}}, false); }

void HexPane::showValue(uint32_t vkOffset) { navigate(Place{Place::Kind::Value, CellRef{vkOffset, CellRole::Value}}, false); }

void HexPane::showCell(uint32_t cellOffset) { navigate(Place{Place::Kind::Cell, CellRef{cellOffset}}, false); }

void HexPane::goToOffset(uint64_t fileOffset) { navigate(Place{Place::Kind::Offset, {}, fileOffset}, false); }

bool HexPane::followField(const QModelIndex& index) {
    const CellField* field = model_->fieldAt(index);
    if (!field || !field->target) return false;
    navigate(Place{Place::Kind::Cell, *field->target}, true);
    return true;
}

void HexPane::markRow(const QModelIndex& index) {
    if (!index.isValid()) return;
    const QModelIndex first = index.siblingAtColumn(0);
    const QVariant offset = first.data(CellFieldModel::FileOffsetRole);
    if (!offset.isValid()) return;
    const uint64_t begin = offset.toULongLong();
    const uint64_t size = first.data(CellFieldModel::ByteCountRole).toULongLong();
    hex_->setMark(begin, begin + size);
    hex_->ensureRangeVisible(begin, begin + std::max<uint64_t>(size, 1));
}

void HexPane::back() {
    if (historyPos_ == 0 || history_.empty()) return;
    --historyPos_;
    navigate(history_[historyPos_], true, false);
}

void HexPane::forward() {
    if (historyPos_ + 1 >= history_.size()) return;
    ++historyPos_;
    navigate(history_[historyPos_], true, false);
}

void HexPane::focusGoToOffset() {
    offsetEdit_->setFocus(Qt::ShortcutFocusReason);
    offsetEdit_->selectAll();
}

void HexPane::navigate(const Place& place, bool byUser, bool record) {
    if (!hive_) return;
    if (record) {
        if (!history_.empty()) history_.resize(historyPos_ + 1);
        history_.push_back(place);
        if (history_.size() > kHistoryLimit) history_.erase(history_.begin());
        historyPos_ = history_.size() - 1;
    }
    display(place);
    updateHistoryButtons();
    if (!byUser) return;
    const uint32_t cell = currentCell();
    // A deleted record is no key or value of the tree to select.
    if (cell == kNoCell || model_->group().cells.front().deletedIn) return;
    emit cellActivated(cell);
    const CellRole role = model_->group().cells.front().ref.role;
    if (role == CellRole::KeyNode) emit keyRequested(cell);
    else if (role == CellRole::Value) emit valueRequested(cell);
}

void HexPane::display(const Place& place) {
    const Hive& hive = *hive_;
    Result<CellGroup> group = fail(ErrorCode::NotFound, "nothing to show");
    // An nk or vk reached any way shows the whole key or value.
    auto expand = [&](Result<CellDescription> d) -> Result<CellGroup> {
        if (!d) return std::unexpected(d.error());
        if (d->ref.role == CellRole::KeyNode && d->allocated) return describeKeyCells(hive, d->ref.offset);
        if (d->ref.role == CellRole::Value && d->allocated) return describeValueCells(hive, d->ref.offset);
        CellGroup g;
        g.cells.push_back(std::move(*d));
        return g;
    };
    switch (place.kind) {
    case Place::Kind::Key: group = describeKeyCells(hive, place.ref.offset); break;
    case Place::Kind::Value: group = describeValueCells(hive, place.ref.offset); break;
    case Place::Kind::Cell: {
        Result<CellDescription> cell = describeCell(hive, place.ref);
        // A link into free space (a deleted key's parent, its value list's
        // entries) reaches a deleted record when one starts right there.
        if (cell && !cell->allocated && place.ref.offset != kNoCell) {
            auto deleted = describeGroupAt(hive, fileOffsetOf(place.ref.offset).value, deletedScan());
            if (deleted && deleted->cells.front().deletedIn && deleted->cells.front().ref.offset == place.ref.offset) {
                group = std::move(deleted);
                break;
            }
        }
        group = expand(std::move(cell));
        break;
    }
    case Place::Kind::Offset:
        if (place.fileOffset >= hive.bytes().size())
            group = fail(ErrorCode::OutOfBounds,
                         "file offset " + hexOffset(place.fileOffset) + " lies past the end of the file (" +
                             hexOffset(hive.bytes().size()) + " bytes)",
                         place.fileOffset);
        else
            group = describeGroupAt(hive, place.fileOffset, deletedScan());
        break;
    }

    hex_->setMark(0, 0);
    if (!group) {
        model_->clear();
        hex_->setHighlights({});
        title_ = utf8(group.error().message);
        titleIsError_ = true;
        highlightRoles_.clear();
        updateTitle();
        if (place.kind == Place::Kind::Offset && place.fileOffset < hive.bytes().size())
            hex_->setCursorOffset(place.fileOffset);
        else if (place.kind != Place::Kind::Offset && place.ref.offset != kNoCell)
            hex_->setCursorOffset(fileOffsetOf(place.ref.offset).value);
        return;
    }

    std::vector<HexHighlight> ranges;
    ranges.reserve(group->cells.size());
    highlightRoles_.clear();
    // Later highlights paint over earlier ones: a deleted record lies inside
    // the cell it was found in, so that cell is painted first.
    std::vector<const CellDescription*> order;
    for (const CellDescription& d : group->cells) order.push_back(&d);
    if (group->cells.front().deletedIn) std::rotate(order.begin(), order.begin() + 1, order.end());
    for (const CellDescription* d : order) {
        const bool isCell = d->ref.role != CellRole::BaseBlock && d->ref.role != CellRole::BinHeader;
        ranges.push_back(
            HexHighlight{d->fileOffset, d->fileOffset + d->size, roleTint(d->ref.role, palette()), isCell ? 4u : 0u});
        highlightRoles_.push_back(d->ref.role);
    }
    hex_->setHighlights(std::move(ranges));

    const CellDescription& primary = group->cells.front();
    const bool header = primary.ref.role == CellRole::BaseBlock || primary.ref.role == CellRole::BinHeader;
    const QString where = header             ? tr("at %1").arg(hexText(primary.fileOffset))
                          : primary.deletedIn ? tr("deleted %1 at %2").arg(roleDisplayName(primary.ref.role),
                                                                            hexText(primary.fileOffset))
                                              : tr("%1 at %2").arg(roleDisplayName(primary.ref.role), hexText(primary.fileOffset));
    title_ = utf8(primary.title) + QStringLiteral(" \u00b7 ") + where;
    titleIsError_ = false;
    titleRole_ = primary.ref.role;
    titleMain_ = utf8(primary.title);
    titleWhere_ = where;
    updateTitle();
    titleLabel_->setToolTip(primary.note.empty() ? title_ : title_ + QLatin1Char('\n') + utf8(primary.note));

    size_t rows = 0;
    for (const CellDescription& d : group->cells) rows += d.fields.size() + 1;
    model_->setGroup(hive_, std::move(*group));
    for (size_t i = 0; i < model_->group().cells.size(); ++i)
        fields_->setFirstColumnSpanned(static_cast<int>(i), QModelIndex(), true);
    if (static_cast<int>(rows) <= kExpandAllRows) fields_->expandAll();
    else fields_->expand(model_->cellIndex(0));
    fields_->scrollToTop();

    const uint64_t at = place.kind == Place::Kind::Offset ? place.fileOffset : primary.fileOffset;
    hex_->setCursorOffset(at);
    hex_->ensureRangeVisible(primary.fileOffset, primary.fileOffset + primary.size);
    hex_->ensureVisible(at);
}

void HexPane::updateTitle() {
    if (titleIsError_) {
        titleLabel_->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                                 .arg(theme::windowText(theme::Tone::Negative, palette()).name(), title_.toHtmlEscaped()));
        return;
    }
    titleLabel_->setText(QStringLiteral("<span style='color:%1'>\u25a0</span>&nbsp;<b>%2</b> "
                                        "<span style='color:%3'>\u00b7 %4</span>")
                             .arg(roleColor(titleRole_, palette()).name(), titleMain_.toHtmlEscaped(),
                                  palette().color(QPalette::PlaceholderText).name(), titleWhere_.toHtmlEscaped()));
}

int HexPane::fieldsWidthWanted() const {
    // Name, offset and bytes as they are, and room for a typical meaning
    // ("0x1a8: key node (nk) \u00b7 ControlSet001", a timestamp) after them.
    const QHeaderView* header = fields_->header();
    const int meaning = fields_->fontMetrics().horizontalAdvance(QString(40, QLatin1Char('x')));
    return header->sectionSize(CellFieldModel::NameColumn) + header->sectionSize(CellFieldModel::OffsetColumn) +
           header->sectionSize(CellFieldModel::BytesColumn) + meaning + fields_->verticalScrollBar()->sizeHint().width();
}

void HexPane::arrangeSplitter() {
    const bool sideBySide = width() >= hex_->sizeHint().width() + splitter_->handleWidth() + fieldsWidthWanted();
    const Qt::Orientation wanted = sideBySide ? Qt::Horizontal : Qt::Vertical;
    if (splitter_->orientation() == wanted) return;
    splitter_->setOrientation(wanted);
    // Beneath, the two share the height; beside, the hex keeps its width.
    splitter_->setStretchFactor(0, sideBySide ? 0 : 1);
    const int room = sideBySide ? splitter_->width() : splitter_->height();
    if (sideBySide)
        splitter_->setSizes({hex_->sizeHint().width(), std::max(1, room - hex_->sizeHint().width())});
    else
        splitter_->setSizes({room / 2, room - room / 2});
}

Qt::Orientation HexPane::fieldsPlacement() const { return splitter_->orientation(); }

void HexPane::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangeSplitter();
}

void HexPane::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange) return;
    // Highlights and the title carry colours of the old palette: recolour
    // them in place (the cursor and the scroll position stay).
    if (!highlightRoles_.empty() && highlightRoles_.size() == hex_->highlights().size()) {
        std::vector<HexHighlight> ranges = hex_->highlights();
        for (size_t i = 0; i < ranges.size(); ++i) ranges[i].color = roleTint(highlightRoles_[i], palette());
        hex_->setHighlights(std::move(ranges));
    }
    if (!title_.isEmpty()) updateTitle();
}

void HexPane::updateHistoryButtons() {
    backButton_->setEnabled(historyPos_ > 0 && !history_.empty());
    forwardButton_->setEnabled(historyPos_ + 1 < history_.size());
}

void HexPane::goToTypedOffset() {
    QString text = offsetEdit_->text().trimmed();
    if (text.startsWith(QStringLiteral("0x"), Qt::CaseInsensitive)) text = text.mid(2);
    bool ok = false;
    const qulonglong offset = text.toULongLong(&ok, 16);
    if (!ok || !hive_) {
        QPalette bad = offsetEdit_->palette();
        bad.setColor(QPalette::Text, theme::text(theme::Tone::Negative, bad));
        offsetEdit_->setPalette(bad);
        offsetIsBad_ = true;
        return;
    }
    if (offsetIsBad_) offsetEdit_->setPalette(QPalette());
    offsetIsBad_ = false;
    navigate(Place{Place::Kind::Offset, {}, offset}, true);
    hex_->setFocus();
}

void HexPane::onHexClicked(uint64_t fileOffset) {
    // A byte of what is already on show selects its field; elsewhere it
    // shows what lies there. Free space, slack and unreferenced cells may
    // hold a deleted record other than the one on show: there, what lies at
    // the byte decides.
    const CellGroup& group = model_->group();
    std::optional<std::pair<uint64_t, bool>> there;  // (first byte, deleted) of what describeAt finds
    auto lookedUp = [&]() -> const std::optional<std::pair<uint64_t, bool>>& {
        if (!there && hive_)
            if (auto d = describeAt(*hive_, fileOffset, deletedScan()))
                there = std::make_pair(d->fileOffset, d->deletedIn.has_value());
        return there;
    };
    for (size_t c = 0; c < group.cells.size(); ++c) {
        const CellDescription& d = group.cells[c];
        if (fileOffset < d.fileOffset || fileOffset - d.fileOffset >= d.size) continue;
        const bool header = d.ref.role == CellRole::BaseBlock || d.ref.role == CellRole::BinHeader;
        const bool mayHoldRecord =
            d.deletedIn || d.ref.role == CellRole::Free || d.field("slack") || (deletedScan() && !header);
        if (mayHoldRecord && lookedUp() && *lookedUp() != std::make_pair(d.fileOffset, d.deletedIn.has_value())) break;
        for (size_t f = 0; f < d.fields.size(); ++f) {
            const CellField& field = d.fields[f];
            if (fileOffset >= field.fileOffset && fileOffset - field.fileOffset < std::max<uint32_t>(field.size, 1)) {
                const QModelIndex index = model_->fieldIndex(c, f);
                fields_->setCurrentIndex(index);
                fields_->scrollTo(index);
                hex_->setMark(field.fileOffset, field.fileOffset + field.size);
                return;
            }
        }
        const QModelIndex index = model_->cellIndex(c);
        fields_->setCurrentIndex(index);
        fields_->scrollTo(index);
        return;
    }
    navigate(Place{Place::Kind::Offset, {}, fileOffset}, true);
}

void HexPane::onCursorMoved(uint64_t) {
    // "Cursor 0x..." or the selection's start and length.
    cursorLabel_->setText(hex_->statusText());
}

}  // namespace hivekit::gui
