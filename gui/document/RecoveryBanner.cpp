#include "document/RecoveryBanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QToolButton>
#include <QVBoxLayout>

#include "common/Display.h"
#include "common/Theme.h"

namespace hivekit::gui {

RecoveryBanner::RecoveryBanner(QWidget* parent)
    : QFrame(parent),
      icon_(new QLabel),
      text_(new QLabel),
      detailsButton_(new QToolButton),
      details_(new QLabel),
      switchButton_(new QPushButton),
      historyButton_(new QPushButton) {
    initResources();
    setObjectName(QStringLiteral("recoveryBanner"));
    // A warm, quiet strip: noticeable without shouting.
    theme::applyBannerStyle(this, theme::Tone::Warning);
    icon_->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(20, 20));
    icon_->setAlignment(Qt::AlignTop);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setVisible(false);
    detailsButton_->setText(tr("Details"));
    detailsButton_->setCheckable(true);
    detailsButton_->setAutoRaise(true);
    connect(detailsButton_, &QToolButton::toggled, details_, &QLabel::setVisible);
    connect(switchButton_, &QPushButton::clicked, this, [this] { emit useLogsRequested(!logsUsed_); });
    historyButton_->setText(tr("History…"));
    historyButton_->setToolTip(tr("The entries of the transaction logs and what each one changed"));
    connect(historyButton_, &QPushButton::clicked, this, &RecoveryBanner::historyRequested);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(text_);
    texts->addWidget(details_);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(icon_);
    row->addLayout(texts, 1);
    row->addWidget(detailsButton_, 0, Qt::AlignTop);
    row->addWidget(historyButton_, 0, Qt::AlignTop);
    row->addWidget(switchButton_, 0, Qt::AlignTop);
    hide();
}

void RecoveryBanner::setReport(const RecoveryReport& report, bool primaryIsDirty) {
    logsUsed_ = report.logsConsidered;
    const bool dirty = report.wasDirty || primaryIsDirty;
    if (!dirty) {
        hide();
        return;
    }
    QString text;
    if (!report.logsConsidered)
        text = tr("<b>This hive is dirty</b> (its last writes did not all reach the file). Showing the primary file "
                  "as it is, <b>without</b> its transaction logs.");
    else if (report.recovered)
        text = tr("<b>This hive was dirty.</b> Its transaction logs were replayed in memory: you see the hive's "
                  "true state. The file itself is untouched.");
    else
        text = tr("<b>This hive is dirty</b>, but no usable transaction logs were found beside it: you see the "
                  "primary file as it is, which may lack its last changes.");
    text_->setText(text);
    QStringList lines;
    for (const auto& l : report.lines) lines << toQString(l).toHtmlEscaped();
    details_->setText(lines.isEmpty() ? tr("No log files were looked at.") : lines.join(QStringLiteral("<br>")));
    detailsButton_->setChecked(true);
    switchButton_->setText(report.logsConsidered ? tr("Show primary file without logs")
                                                 : tr("Replay logs"));
    switchButton_->setToolTip(report.logsConsidered
                                  ? tr("Reopen the file as it is on disk, without replaying its logs")
                                  : tr("Reopen the file with its transaction logs replayed in memory"));
    show();
}

QString RecoveryBanner::text() const { return text_->text() + QLatin1Char('\n') + details_->text(); }

}  // namespace hivekit::gui
