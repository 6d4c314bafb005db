#include "browse/DetailsPane.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include "common/Display.h"
#include "format/BaseBlock.h"
#include "format/Offsets.h"
#include "format/Names.h"
#include "format/SecurityDescriptor.h"
#include "format/ValueData.h"

namespace hivekit::gui {

namespace {

QString tr(const char* text) { return DetailsPane::tr(text); }

QString esc(const QString& s) { return s.toHtmlEscaped(); }

/// A file offset as a link the pane turns into offsetActivated().
QString offsetLink(uint64_t fileOffset) {
    return QStringLiteral("<a href=\"offset:%1\">%2</a>").arg(fileOffset).arg(hexOffsetText(fileOffset));
}

/// A relative cell offset as a link to its file offset, or "none".
QString cellLink(uint32_t cellOffset) {
    if (cellOffset == kNoCell) return QStringLiteral("<span class=\"dim\">%1</span>").arg(tr("none"));
    return offsetLink(fileOffsetOf(cellOffset).value);
}

/// A two-column table of labels and values, the pane's one layout.
class HtmlBuilder {
public:
    void title(const QString& text, const QString& subtitle = {}) {
        html_ += QStringLiteral("<h2>") + esc(text) + QStringLiteral("</h2>");
        if (!subtitle.isEmpty()) html_ += QStringLiteral("<p class=\"dim\">") + esc(subtitle) + QStringLiteral("</p>");
    }
    void section(const QString& text) {
        closeTable();
        html_ += QStringLiteral("<h3>") + esc(text) + QStringLiteral("</h3>");
    }
    /// `valueHtml` is already HTML.
    void row(const QString& label, const QString& valueHtml) {
        openTable();
        html_ += QStringLiteral("<tr><td class=\"label\">") + esc(label) + QStringLiteral("</td><td>") + valueHtml +
                 QStringLiteral("</td></tr>");
    }
    void textRow(const QString& label, const QString& text) { row(label, esc(text)); }
    void raw(const QString& html) {
        closeTable();
        html_ += html;
    }
    void pre(const QString& text) { raw(QStringLiteral("<pre>") + esc(text) + QStringLiteral("</pre>")); }
    void problem(const QString& text) {
        raw(QStringLiteral("<p class=\"problem\">") + esc(text) + QStringLiteral("</p>"));
    }
    QString finish() {
        closeTable();
        return QStringLiteral(
                   "<html><head><style>"
                   "body { margin: 4px; }"
                   "h2 { margin: 2px 0 0 0; font-size: large; }"
                   "h3 { margin: 12px 0 4px 0; font-size: medium; }"
                   "td { padding: 1px 12px 1px 0; vertical-align: top; }"
                   "td.label { color: #7a7a7a; white-space: nowrap; }"
                   ".dim { color: gray; }"
                   ".problem { color: #c0392b; }"
                   "pre, .mono { font-family: monospace; }"
                   "a { text-decoration: none; }"
                   "</style></head><body>") +
               html_ + QStringLiteral("</body></html>");
    }

private:
    void openTable() {
        if (!inTable_) html_ += QStringLiteral("<table cellspacing=\"0\">");
        inTable_ = true;
    }
    void closeTable() {
        if (inTable_) html_ += QStringLiteral("</table>");
        inTable_ = false;
    }
    QString html_;
    bool inTable_ = false;
};

/// describe()'s lines are fields separated by two spaces: shown as a table,
/// one row per line, so that principals and rights line up.
QString describedLinesTable(const std::vector<std::string>& lines) {
    QString html = QStringLiteral("<table cellspacing=\"0\">");
    static const QRegularExpression twoSpaces(QStringLiteral("\\s{2,}"));
    for (const std::string& line : lines) {
        const QStringList cells = toQString(line).split(twoSpaces, Qt::SkipEmptyParts);
        const bool ace = !cells.isEmpty() && !line.starts_with("Owner") && !line.starts_with("Group") &&
                         !line.starts_with("Control") && !line.starts_with("DACL") && !line.starts_with("SACL") &&
                         !line.starts_with("Warning");
        html += QStringLiteral("<tr>");
        if (ace) html += QStringLiteral("<td></td>");
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            QString cell = esc(cells[i]);
            if (i == 0) cell = QStringLiteral("<b>") + cell + QStringLiteral("</b>");
            html += last ? QStringLiteral("<td colspan=\"%1\">").arg(5 - i - (ace ? 1 : 0)) : QStringLiteral("<td>");
            html += cell + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString countText(uint64_t n) { return QLocale().toString(qulonglong(n)); }

}  // namespace

DetailsPane::DetailsPane(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("offset")) {
            bool ok = false;
            const quint64 offset = url.path().toULongLong(&ok);
            if (ok) emit offsetActivated(offset);
        }
    });
    showNothing();
}

void DetailsPane::showNothing() {
    setHtml(QStringLiteral("<p style=\"color: gray\">") + esc(tr("Select a key or a value to see its details.")) +
            QStringLiteral("</p>"));
}

void DetailsPane::showKey(const Hive& hive, uint32_t keyOffset, const QString& path) {
    setHtml(keyHtml(hive, keyOffset, path));
}

void DetailsPane::showValue(const Hive& hive, uint32_t valueOffset, const QString& keyPath) {
    setHtml(valueHtml(hive, valueOffset, keyPath));
}

QString DetailsPane::keyHtml(const Hive& hive, uint32_t keyOffset, const QString& path) {
    HtmlBuilder b;
    auto key = hive.keyNode(keyOffset);
    if (!key) {
        b.title(tr("Unreadable key"));
        b.problem(toQString(key.error().message));
        b.row(tr("Key node"), cellLink(keyOffset));
        return b.finish();
    }
    b.title(toQString(key->nameUtf8()), path.isEmpty() ? tr("root key") : path);
    b.textRow(tr("Last written"), toQString(formatFiletime(key->lastWritten)));
    auto className = hive.className(*key);
    if (!className)
        b.row(tr("Class name"), QStringLiteral("<span class=\"problem\">") + esc(toQString(className.error().message)) +
                                    QStringLiteral("</span>"));
    else if (className->empty())
        b.row(tr("Class name"), QStringLiteral("<span class=\"dim\">") + esc(tr("none")) + QStringLiteral("</span>"));
    else
        b.textRow(tr("Class name"), QString::fromStdU16String(*className));
    b.textRow(tr("Subkeys"), countText(key->subkeyCount));
    b.textRow(tr("Values"), countText(key->valueCount));
    b.row(tr("Key node"), cellLink(keyOffset) + QStringLiteral(" <span class=\"dim\">") +
                              esc(tr("(cell %1)").arg(hexOffsetText(keyOffset))) + QStringLiteral("</span>"));
    b.textRow(tr("Flags"), QStringLiteral("0x%1 %2")
                               .arg(key->flags, 4, 16, QLatin1Char('0'))
                               .arg(key->flagNames().empty() ? QString()
                                                             : QStringLiteral("(") + toQString(key->flagNames()) +
                                                                   QStringLiteral(")")));

    b.section(tr("Cells"));
    b.row(tr("Parent"), cellLink(key->parent));
    b.row(tr("Subkey list"), key->subkeyCount ? cellLink(key->subkeyList) : cellLink(kNoCell));
    b.row(tr("Value list"), key->valueCount ? cellLink(key->valueList) : cellLink(kNoCell));
    b.row(tr("Security"), cellLink(key->security));
    b.row(tr("Class name cell"), key->classLength ? cellLink(key->classOffset) : cellLink(kNoCell));
    b.textRow(tr("Largest names"),
              tr("subkey %1, class %2, value %3 bytes; largest data %4 bytes")
                  .arg(key->maxSubkeyNameLength())
                  .arg(key->maxClassLength)
                  .arg(key->maxValueNameLength)
                  .arg(key->maxValueDataLength));

    b.section(tr("Security descriptor"));
    auto sk = hive.securityCell(key->security);
    if (!sk) {
        b.problem(toQString(sk.error().message));
        return b.finish();
    }
        b.textRow(tr("Used by"), tr("%Ln key(s)", nullptr, pluralN(sk->referenceCount)));
    auto sd = decodeSecurityDescriptor(sk->descriptor, sk->descriptorFileOffset().value);
    if (!sd) {
        b.problem(toQString(sd.error().message));
        return b.finish();
    }
    b.row(tr("SDDL"), QStringLiteral("<span class=\"mono\">") + esc(toQString(sd->toSddl())) +
                          QStringLiteral("</span>"));
    b.raw(describedLinesTable(sd->describe()));
    return b.finish();
}

QString DetailsPane::valueHtml(const Hive& hive, uint32_t valueOffset, const QString& keyPath) {
    HtmlBuilder b;
    auto vk = hive.valueRecord(valueOffset);
    if (!vk) {
        b.title(tr("Unreadable value"));
        b.problem(toQString(vk.error().message));
        b.row(tr("Value record"), cellLink(valueOffset));
        return b.finish();
    }
    const QString name = vk->nameLength == 0 ? tr("(Default)") : toQString(vk->nameUtf8());
    b.title(name, keyPath.isEmpty() ? tr("value of the root key") : tr("value of %1").arg(keyPath));
    b.textRow(tr("Type"), vk->type <= kRegQword ? toQString(valueTypeLabel(vk->type)) + QStringLiteral(" (%1)").arg(vk->type)
                                               : toQString(valueTypeLabel(vk->type)));
    b.textRow(tr("Size"), tr("%Ln byte(s)", nullptr, pluralN(vk->dataSize())));
    b.row(tr("Value record"), cellLink(valueOffset));
    auto data = hive.valueData(*vk);
    if (!data) {
        b.row(tr("Data"), cellLink(vk->dataOffset));
        b.problem(toQString(data.error().message));
        return b.finish();
    }
    switch (data->storage) {
    case ValueData::Storage::Inline:
        b.textRow(tr("Data"), tr("inline, in the value record's data offset field"));
        break;
    case ValueData::Storage::Cell:
        b.row(tr("Data"), tr("cell at %1").toHtmlEscaped().arg(cellLink(vk->dataOffset)));
        break;
    case ValueData::Storage::BigData:
        b.row(tr("Data"), tr("big data record (db) at %1").toHtmlEscaped().arg(cellLink(vk->dataOffset)));
        break;
    }
    if (data->shortened)
        b.problem(tr("Only %Ln byte(s) of the declared data could be read.", nullptr, pluralN(data->size())));

    const DecodedValue decoded = decodeValue(vk->type, data->bytes());
    b.section(tr("Decoded"));
    constexpr qsizetype kMaxShown = 256 * 1024;
    QString text;
    switch (decoded.kind) {
    case ValueKind::TextList: {
        QStringList lines;
        int i = 0;
        for (const auto& s : decoded.list) lines << QStringLiteral("[%1] ").arg(i++) + toQString(s);
        text = lines.isEmpty() ? tr("(no strings)") : lines.join(QLatin1Char('\n'));
        break;
    }
    case ValueKind::Bytes:
        text = decoded.raw.empty() ? tr("(zero-length binary value)") : tr("binary data, see the bytes below");
        break;
    default: {
        DecodedValue withoutNotes = decoded;
        withoutNotes.notes.clear();
        text = toQString(withoutNotes.toText());
        break;
    }
    }
    if (text.size() > kMaxShown) text = text.left(kMaxShown) + QChar(0x2026);
    b.pre(text);
    for (const auto& note : decoded.notes) b.problem(toQString(note));
    if (!data->bytes().empty()) {
        b.section(tr("Bytes"));
        b.pre(hexDump(data->bytes()));
    }
    return b.finish();
}

}  // namespace hivekit::gui
