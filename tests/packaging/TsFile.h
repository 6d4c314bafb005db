// Reads Qt Linguist .ts files for the translation tests: every message with
// its context, source, comment, plural flag, translation state and text.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace packagingtests {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;          ///< the translation's type attribute: "", "unfinished", "obsolete", "vanished"
    QString translation;   ///< when not numerus
    QStringList forms;     ///< the numerus forms, when numerus

    /// What identifies a message to lupdate and QTranslator.
    QString key() const;
};

struct TsFile {
    QString language;  ///< the TS element's language attribute, e.g. "de_DE"
    QList<TsMessage> messages;
    QString error;     ///< empty when the file parsed
};

TsFile readTsFile(const QString& path);

}  // namespace packagingtests
