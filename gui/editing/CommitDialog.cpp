#include "editing/CommitDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "hive/CellScanner.h"

namespace hivekit::gui {

QString CommitDialog::freeSpaceText(const Hive& hive) {
    const CellStatistics s = CellScanner(hive).statistics();
    const auto free = static_cast<size_t>(CellKind::Free);
    const QLocale locale;
    return tr("Free space in the hive now: %1 in %2 free cell(s), the largest %3.")
        .arg(locale.formattedDataSize(static_cast<qint64>(s.bytes[free])))
        .arg(s.count[free])
        .arg(locale.formattedDataSize(static_cast<qint64>(s.largestFree)));
}

CommitDialog::CommitDialog(const Hive& hive, int changes, QWidget* parent)
    : QDialog(parent), inPlace_(new QRadioButton(tr("In place"), this)),
      append_(new QRadioButton(tr("Append"), this)), hybrid_(new QRadioButton(tr("Hybrid (recommended)"), this)),
      backup_(new QCheckBox(tr("Keep a backup copy of the file first (NAME.bak)"), this)),
      freeSpace_(new QLabel(freeSpaceText(hive), this)) {
    setWindowTitle(tr("Commit Changes"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Write %n pending change(s) to the file, in one crash-safe transaction.", nullptr,
                                    changes),
                                 this));
    const auto explain = [this, layout](QRadioButton* button, const QString& text) {
        layout->addWidget(button);
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setContentsMargins(24, 0, 0, 6);
        layout->addWidget(label);
    };
    explain(inPlace_, tr("Rewrites records in their cells when they fit and reuses free space: the file grows least."));
    explain(append_, tr("Writes every new record at the end and frees nothing: old records stay as a forensic trail."));
    explain(hybrid_, tr("In place for keys and small values, large values at the end: the default."));
    layout->addWidget(freeSpace_);
    layout->addWidget(backup_);
    // The GUI commits in the default flush mode (FlushMode::Durable) only.
    auto* flush = new QLabel(tr("Durable commit: the log, the hive's pages and its header are each flushed to the "
                                "disk before the next step, so a commit that succeeds survives a power cut."),
                             this);
    flush->setWordWrap(true);
    flush->setObjectName(QStringLiteral("flushMode"));
    layout->addWidget(flush);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Commit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    hybrid_->setChecked(true);
}

CommitChoice CommitDialog::choice() const {
    CommitChoice c;
    c.strategy = inPlace_->isChecked() ? CommitStrategy::InPlace
                 : append_->isChecked() ? CommitStrategy::Append
                                        : CommitStrategy::Hybrid;
    c.backup = backup_->isChecked();
    return c;
}

void CommitDialog::setChoice(const CommitChoice& choice) {
    (choice.strategy == CommitStrategy::InPlace  ? inPlace_
     : choice.strategy == CommitStrategy::Append ? append_
                                               : hybrid_)
        ->setChecked(true);
    backup_->setChecked(choice.backup);
}

}  // namespace hivekit::gui
