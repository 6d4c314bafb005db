#include "TsFile.h"

#include <QFile>
#include <QXmlStreamReader>

namespace packagingtests {

QString TsMessage::key() const {
    return context + QChar(0x1f) + source + QChar(0x1f) + comment + (numerus ? QStringLiteral("#n") : QString());
}

TsFile readTsFile(const QString& path) {
    TsFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = path + QStringLiteral(": cannot be read");
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QStringLiteral("TS")) {
                out.language = xml.attributes().value(QStringLiteral("language")).toString();
            } else if (name == QStringLiteral("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QStringLiteral("message")) {
                inMessage = true;
                message = TsMessage{};
                message.context = context;
                message.numerus = xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
            } else if (inMessage && name == QStringLiteral("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QStringLiteral("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QStringLiteral("translation")) {
                message.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (!message.numerus) message.translation = xml.readElementText();
            } else if (inMessage && name == QStringLiteral("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
            out.messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        out.error = path + QStringLiteral(": line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

}  // namespace packagingtests
