#include "editing/ValueEditDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

#include "editing/HexGridEditor.h"
#include "common/Theme.h"
#include "editing/ValueCodec.h"
#include "format/ValueData.h"

namespace hivekit::gui {

HexTextEdit::HexTextEdit(QWidget* parent) : QPlainTextEdit(parent) {
    setFont(QFont(QStringLiteral("monospace")));
    setTabChangesFocus(true);
}

void HexTextEdit::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Insert && event->modifiers() == Qt::NoModifier) {
        setOverwriteMode(!overwriteMode());
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void HexTextEdit::insertFromMimeData(const QMimeData* source) {
    // Only the text: a paste of rich text or of files would not be hex.
    if (source->hasText()) insertPlainText(source->text());
}

namespace {

/// The types the combo box offers; the last entry is the raw editor.
struct TypeEntry {
    uint32_t type;
    const char* label;
};
constexpr TypeEntry kTypes[] = {
    {kRegSz, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "String (REG_SZ)")},
    {kRegExpandSz, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "Expandable string (REG_EXPAND_SZ)")},
    {kRegMultiSz, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "Multi-string (REG_MULTI_SZ)")},
    {kRegDword, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "DWORD (REG_DWORD)")},
    {kRegQword, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "QWORD (REG_QWORD)")},
    {kRegBinary, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "Binary (REG_BINARY)")},
    {kRegNone, QT_TRANSLATE_NOOP("hivekit::gui::ValueEditDialog", "None (REG_NONE)")},
};
constexpr int kRawIndex = static_cast<int>(std::size(kTypes));

}  // namespace

ValueEditDialog::ValueEditDialog(bool newValue, QWidget* parent)
    : QDialog(parent), newValue_(newValue), nameEdit_(new QLineEdit(this)), typeCombo_(new QComboBox(this)),
      rawTypeLabel_(new QLabel(tr("Type number:"), this)), rawTypeEdit_(new QLineEdit(this)),
      hint_(new QLabel(this)), lineEdit_(new QLineEdit(this)), textEdit_(new HexTextEdit(this)),
      grid_(new HexGridEditor(this)),
      overwrite_(new QCheckBox(tr("Overwrite (Insert)"), this)), preview_(new QLabel(this)),
      error_(new QLabel(this)) {
    setWindowTitle(newValue ? tr("New Value") : tr("Edit Value"));
    for (const auto& t : kTypes) typeCombo_->addItem(tr(t.label), t.type);
    typeCombo_->addItem(tr("Raw (any type number and bytes)"));
    nameEdit_->setReadOnly(!newValue);
    nameEdit_->setPlaceholderText(tr("(Default)"));
    rawTypeEdit_->setPlaceholderText(tr("e.g. 3 or 0x20"));
    preview_->setWordWrap(true);
    error_->setWordWrap(true);
    QPalette errorPalette = error_->palette();
    errorPalette.setColor(QPalette::WindowText, theme::windowText(theme::Tone::Negative, errorPalette));
    error_->setPalette(errorPalette);
    error_->setObjectName(QStringLiteral("valueEditError"));

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), nameEdit_);
    form->addRow(tr("Type:"), typeCombo_);
    form->addRow(rawTypeLabel_, rawTypeEdit_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ValueEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ValueEditDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint_);
    layout->addWidget(lineEdit_);
    layout->addWidget(textEdit_);
    layout->addWidget(grid_);
    layout->addWidget(overwrite_);
    layout->addWidget(preview_);
    layout->addWidget(error_);
    layout->addWidget(buttons);

    connect(typeCombo_, &QComboBox::currentIndexChanged, this, &ValueEditDialog::onTypeChosen);
    connect(overwrite_, &QCheckBox::toggled, grid_, &HexGridEditor::setOverwriteMode);
    connect(grid_, &HexGridEditor::overwriteModeChanged, overwrite_, &QCheckBox::setChecked);
    connect(grid_, &HexGridEditor::pasteRefused, error_, &QLabel::setText);
    connect(grid_, &HexGridEditor::dataChanged, error_, &QLabel::clear);
    connect(lineEdit_, &QLineEdit::textChanged, this, &ValueEditDialog::updatePreview);
    updateEditors();
}

void ValueEditDialog::setValue(const QString& name, uint32_t type, const std::vector<uint8_t>& data) {
    nameEdit_->setText(name);
    setType(type);
    // Data the type's own editor cannot show faithfully (a DWORD of 3
    // bytes, a string without terminator) opens in the raw editor.
    if (!raw_ && !ValueCodec::isExact(type, data)) setRaw(true);
    const QString text = ValueCodec::format(type, data);
    if (raw_ || ValueCodec::editorKind(type) == ValueCodec::Kind::Binary) {
        grid_->setData(data);
    } else if (ValueCodec::editorKind(type) == ValueCodec::Kind::MultiString) {
        textEdit_->setPlainText(text);
    } else {
        lineEdit_->setText(text);
    }
}

void ValueEditDialog::setType(uint32_t type) {
    type_ = type;
    int index = kRawIndex;
    for (int i = 0; i < kRawIndex; ++i) {
        if (kTypes[i].type == type) index = i;
    }
    raw_ = index == kRawIndex;
    rawTypeEdit_->setText(QString::number(type));
    const QSignalBlocker block(typeCombo_);
    typeCombo_->setCurrentIndex(index);
    updateEditors();
}

void ValueEditDialog::setRaw(bool raw) {
    raw_ = raw;
    rawTypeEdit_->setText(QString::number(type_));
    const QSignalBlocker block(typeCombo_);
    if (raw) typeCombo_->setCurrentIndex(kRawIndex);
    updateEditors();
}

void ValueEditDialog::onTypeChosen() {
    const int index = typeCombo_->currentIndex();
    raw_ = index == kRawIndex;
    if (!raw_) type_ = kTypes[index].type;
    updateEditors();
}

void ValueEditDialog::updateEditors() {
    rawTypeLabel_->setVisible(raw_);
    rawTypeEdit_->setVisible(raw_);
    const auto kind = raw_ ? ValueCodec::Kind::Binary : ValueCodec::editorKind(type_);
    const bool line = kind == ValueCodec::Kind::String || kind == ValueCodec::Kind::Dword ||
                      kind == ValueCodec::Kind::Qword;
    lineEdit_->setVisible(line);
    textEdit_->setVisible(kind == ValueCodec::Kind::MultiString);
    grid_->setVisible(kind == ValueCodec::Kind::Binary);
    overwrite_->setVisible(kind == ValueCodec::Kind::Binary);
    switch (kind) {
    case ValueCodec::Kind::String: hint_->setText(tr("Text:")); break;
    case ValueCodec::Kind::MultiString: hint_->setText(tr("One string a line:")); break;
    case ValueCodec::Kind::Dword:
    case ValueCodec::Kind::Qword: hint_->setText(tr("Number (decimal, or hex with 0x):")); break;
    case ValueCodec::Kind::Binary:
        hint_->setText(tr("Bytes: type hex digits (or text in the right column); paste hex with Ctrl+V:"));
        break;
    }
    updatePreview();
}

void ValueEditDialog::updatePreview() {
    preview_->setText(!raw_ && type_ == kRegExpandSz ? ValueCodec::expansionPreview(lineEdit_->text()) : QString());
    preview_->setVisible(!preview_->text().isEmpty());
}

QString ValueEditDialog::name() const { return nameEdit_->text(); }

QString ValueEditDialog::errorText() const { return error_->text(); }

bool ValueEditDialog::validate() {
    error_->clear();
    uint32_t type = type_;
    if (raw_) {
        QString problem;
        if (!ValueCodec::parseTypeNumber(rawTypeEdit_->text(), &type, &problem)) {
            error_->setText(problem);
            return false;
        }
    }
    const auto kind = raw_ ? ValueCodec::Kind::Binary : ValueCodec::editorKind(type);
    const bool line = kind == ValueCodec::Kind::String || kind == ValueCodec::Kind::Dword ||
                      kind == ValueCodec::Kind::Qword;
    if (kind == ValueCodec::Kind::Binary) {
        // The grid holds bytes: nothing to parse, nothing to refuse.
        type_ = type;
        data_ = grid_->data();
        return true;
    }
    const QString text = line ? lineEdit_->text() : textEdit_->toPlainText();
    ParsedData parsed = ValueCodec::parse(type, text);
    if (!parsed.ok()) {
        error_->setText(parsed.error);
        return false;
    }
    type_ = type;
    data_ = std::move(parsed.bytes);
    return true;
}

void ValueEditDialog::accept() {
    if (validate()) QDialog::accept();
}

}  // namespace hivekit::gui
