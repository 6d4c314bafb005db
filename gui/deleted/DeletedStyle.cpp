#include "deleted/DeletedStyle.h"

#include <QPainter>
#include <QPixmap>
#include <QStringList>

#include "common/Display.h"
#include "common/Theme.h"
#include "deleted/DeletedModel.h"
#include "format/BaseBlock.h"

namespace hivekit::gui {

QColor recoveredKeyColor(const QPalette& palette) { return theme::text(theme::Tone::Negative, palette); }

QFont recoveredFont() {
    QFont font;
    font.setItalic(true);
    return font;
}

QIcon recoveredKeyIcon() {
    initResources();
    const QIcon key(QStringLiteral(":/icons/key.svg"));
    QIcon out;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setOpacity(0.55);
        key.paint(&painter, pixmap.rect());
        painter.setOpacity(1.0);
        // The badge: a red disc with a white bar, bottom right; fixed colours
        // (it sits on the icon, not on the palette's base).
        const qreal badge = size * 0.5;
        const QRectF disc(size - badge, size - badge, badge, badge);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(disc);
        painter.setBrush(Qt::white);
        painter.drawRect(
            QRectF(disc.left() + badge * 0.22, disc.center().y() - badge * 0.1, badge * 0.56, badge * 0.2));
        painter.end();
        out.addPixmap(pixmap);
    }
    return out;
}

QString recoveredKeyToolTip(const DeletedKey& key) {
    return DeletedModel::tr("Deleted key, recovered (read-only)") + QLatin1Char('\n') + toQString(key.path) +
           QLatin1Char('\n') + DeletedModel::tr("Found in: %1").arg(foundInToolTip(key.foundIn)) + QLatin1Char('\n') +
           DeletedModel::tr("Key node at %1").arg(hexOffsetText(key.fileOffset())) + QLatin1Char('\n') +
           DeletedModel::tr("Last written: %1").arg(toQString(formatFiletime(key.node.lastWritten)));
}

QString recoveredValueToolTip(const DeletedValue& value) {
    return DeletedModel::tr("Deleted value, recovered (read-only)") + QLatin1Char('\n') +
           DeletedModel::tr("Found in: %1").arg(foundInToolTip(value.foundIn)) + QLatin1Char('\n') +
           DeletedModel::tr("Value record at %1").arg(hexOffsetText(value.fileOffset())) + QLatin1Char('\n') +
           DeletedModel::tr("Data: %1").arg(recoveredDataText(value.dataState));
}

QString recoveredDetailsHtml(const QString& toolTip) {
    const QStringList lines = toolTip.split(QLatin1Char('\n'));
    QString html;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString text = lines[i].toHtmlEscaped();
        html += i == 0 ? QStringLiteral("<h3>") + text + QStringLiteral("</h3>")
                       : QStringLiteral("<p>") + text + QStringLiteral("</p>");
    }
    return html;
}

}  // namespace hivekit::gui
