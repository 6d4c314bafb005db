#include "document/DiskChangeBanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/Display.h"

namespace hivekit::gui {

DiskChangeBanner::DiskChangeBanner(QWidget* parent)
    : QFrame(parent),
      icon_(new QLabel),
      text_(new QLabel),
      details_(new QLabel),
      reloadButton_(new QPushButton),
      dismissButton_(new QPushButton) {
    initResources();
    setObjectName(QStringLiteral("diskChangeBanner"));
    // Blue: news about the file, not damage (red) nor recovery (amber).
    setStyleSheet(QStringLiteral("#diskChangeBanner { background: #dcebfb; border: 1px solid #8db4e2; "
                                 "border-radius: 4px; }"
                                 "#diskChangeBanner QLabel { color: #12325a; }"));
    icon_->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(20, 20));
    icon_->setAlignment(Qt::AlignTop);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reloadButton_->setText(tr("Reload"));
    reloadButton_->setToolTip(tr("Read the file again (F5); pending changes stay pending"));
    dismissButton_->setText(tr("Dismiss"));
    dismissButton_->setToolTip(tr("Hide this note and keep showing the file as it was read"));
    connect(reloadButton_, &QPushButton::clicked, this, &DiskChangeBanner::reloadRequested);
    connect(dismissButton_, &QPushButton::clicked, this, &QWidget::hide);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(text_);
    texts->addWidget(details_);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(icon_);
    row->addLayout(texts, 1);
    row->addWidget(reloadButton_, 0, Qt::AlignTop);
    row->addWidget(dismissButton_, 0, Qt::AlignTop);
    hide();
}

void DiskChangeBanner::showChanged(const QString& change) {
    text_->setText(QStringLiteral("<b>") + tr("The file changed on disk since it was opened.").toHtmlEscaped() +
                   QStringLiteral("</b> ") +
                   tr("Another program wrote it; what you see is the file as it was read. Reload to see it as "
                      "it is now.")
                       .toHtmlEscaped());
    details_->setText(change.toHtmlEscaped());
    details_->setVisible(!change.isEmpty());
    reloadButton_->show();
    show();
}

void DiskChangeBanner::showDropped(const QStringList& dropped) {
    if (dropped.isEmpty()) {
        hide();
        return;
    }
    text_->setText(QStringLiteral("<b>") +
                   tr("Reloaded. %n pending change(s) no longer apply to the file as it is now and were dropped; "
                      "the others are still pending.",
                      nullptr, static_cast<int>(dropped.size()))
                       .toHtmlEscaped() +
                   QStringLiteral("</b>"));
    QStringList lines;
    for (const QString& line : dropped) lines << line.toHtmlEscaped();
    details_->setText(lines.join(QStringLiteral("<br>")));
    details_->show();
    reloadButton_->hide();
    show();
}

QString DiskChangeBanner::text() const { return text_->text() + QLatin1Char('\n') + details_->text(); }

}  // namespace hivekit::gui
