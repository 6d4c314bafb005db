#include "editing/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "editing/EditActions.h"

namespace hivekit::gui {

ExportDialog::ExportDialog(const QString& title, const QString& file, const QStringList& roots,
                           const QString& keyPath, QWidget* parent)
    : QDialog(parent), keyPath_(keyPath), fileEdit_(new QLineEdit(file, this)), rootBox_(new QComboBox(this)),
      example_(new QLabel(this)), problemLabel_(new QLabel(this)) {
    setWindowTitle(title);
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(fileEdit_, 1);
    fileRow->addWidget(browse);
    rootBox_->setEditable(true);
    rootBox_->addItems(roots);
    rootBox_->setInsertPolicy(QComboBox::NoInsert);
    rootBox_->setToolTip(tr("What stands for the hive's root key in the file's key lines: where Windows loads "
                            "this hive. The first choice is the one its kind suggests."));
    example_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problemLabel_->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("&Root written:"), rootBox_);
    form->addRow(tr("First key line:"), example_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problemLabel_);
    layout->addWidget(buttons);
    connect(fileEdit_, &QLineEdit::textChanged, this, &ExportDialog::update);
    connect(rootBox_, &QComboBox::currentTextChanged, this, &ExportDialog::update);
    resize(620, sizeHint().height());
    update();
}

QString ExportDialog::file() const { return EditActions::withRegSuffix(fileEdit_->text().trimmed()); }

void ExportDialog::setFile(const QString& file) { fileEdit_->setText(file); }

QString ExportDialog::root() const {
    QString root = rootBox_->currentText().trimmed();
    while (root.endsWith(QLatin1Char('\\'))) root.chop(1);
    return root;
}

void ExportDialog::setRoot(const QString& root) { rootBox_->setCurrentText(root); }

QString ExportDialog::problem() const {
    if (fileEdit_->text().trimmed().isEmpty()) return tr("Choose the file to write.");
    const QString r = root();
    if (r.isEmpty()) return tr("The root cannot be empty: key lines need a name for the hive's root key.");
    if (r.contains(QLatin1Char(']')) || r.contains(QLatin1Char('\n')) || r.contains(QLatin1Char('\r')))
        return tr("The root cannot hold ']' or a line break: a key line could not be read back.");
    if (r.contains(QStringLiteral("\\\\"))) return tr("The root cannot hold an empty name (two backslashes).");
    return QString();
}

void ExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(this, windowTitle(), fileEdit_->text(),
                                                        tr("Registration files (*.reg)"));
    if (!chosen.isEmpty()) fileEdit_->setText(EditActions::withRegSuffix(chosen));
}

void ExportDialog::update() {
    const QString why = problem();
    problemLabel_->setText(why);
    problemLabel_->setVisible(!why.isEmpty());
    ok_->setEnabled(why.isEmpty());
    example_->setText(QLatin1Char('[') + root() + (keyPath_.isEmpty() ? QString() : QLatin1Char('\\') + keyPath_) +
                      QLatin1Char(']'));
}

}  // namespace hivekit::gui
