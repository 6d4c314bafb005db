#include "document/DamageBanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>

#include "common/Display.h"
#include "common/Theme.h"

namespace hivekit::gui {

DamageBanner::DamageBanner(QWidget* parent)
    : QFrame(parent), icon_(new QLabel), text_(new QLabel), showButton_(new QPushButton) {
    initResources();
    setObjectName(QStringLiteral("damageBanner"));
    // Redder than the recovery banner's amber: damage, not a recoverable state.
    theme::applyBannerStyle(this, theme::Tone::Negative);
    icon_->setPixmap(QIcon(QStringLiteral(":/icons/error.svg")).pixmap(20, 20));
    icon_->setAlignment(Qt::AlignTop);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showButton_->setText(tr("Show Problems"));
    showButton_->setToolTip(tr("Open the Problems panel with every finding of the structural check"));
    connect(showButton_, &QPushButton::clicked, this, &DamageBanner::showProblemsRequested);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(icon_);
    row->addWidget(text_, 1);
    row->addWidget(showButton_, 0, Qt::AlignTop);
    hide();
}

void DamageBanner::setCounts(int errors, int warnings, size_t dropped) {
    if (errors == 0) {
        hide();
        return;
    }
    QString found = tr("%Ln error(s)", nullptr, errors) + QStringLiteral(", ") + tr("%Ln warning(s)", nullptr, warnings);
    if (dropped > 0) found += QLatin1Char(' ') + tr("(%Ln more not listed)", nullptr, pluralN(dropped));
    text_->setText(tr("<b>This hive is damaged.</b> The structural check found %1. Editing it may make it worse.")
                       .arg(found.toHtmlEscaped()));
    show();
}

QString DamageBanner::text() const { return text_->text(); }

}  // namespace hivekit::gui
