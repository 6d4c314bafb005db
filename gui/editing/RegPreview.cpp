#include "editing/RegPreview.h"

#include <QEvent>
#include <QGuiApplication>
#include <QWidget>
#include <QRegularExpression>

#include <vector>

#include "common/Theme.h"
#include "format/Names.h"
#include "regfile/RegExport.h"

namespace hivekit::gui {

std::string planAsRegText(const Plan& plan, const std::string& rootName) {
    std::string out = "Windows Registry Editor Version 5.00\r\n";
    std::string currentKey;
    bool inKey = false;
    const auto keyLine = [&](const std::string& path, bool deleted) {
        out += "\r\n[";
        if (deleted) out += "-";
        out += rootName;
        if (!path.empty()) out += "\\" + path;
        out += "]\r\n";
        currentKey = path;
        inKey = !deleted;
    };
    for (const Edit& e : plan.edits()) {
        switch (e.kind) {
        case Edit::Kind::CreateKey:
            keyLine(e.path, false);
            break;
        case Edit::Kind::DeleteKey:
            keyLine(e.path, true);
            break;
        case Edit::Kind::SetValue:
        case Edit::Kind::DeleteValue: {
            if (!inKey || currentKey != e.path) keyLine(e.path, false);
            const std::u16string name = utf8ToUtf16(e.name);
            if (e.kind == Edit::Kind::DeleteValue) {
                // The same quoting as a set value's name, then "=-".
                const std::string line = formatRegValue(name, 1, Bytes(), RegVersion::V5);
                const size_t eq = line.find('=');
                out += (e.name.empty() ? std::string("@") : line.substr(0, eq)) + "=-\r\n";
            } else {
                out += formatRegValue(name, e.type, Bytes(e.data.data(), e.data.size()), RegVersion::V5) + "\r\n";
            }
            break;
        }
        case Edit::Kind::RenameKey:
        case Edit::Kind::RenameValue:
        case Edit::Kind::SetClassName:
            // No .reg form: said as a comment so that the preview is complete.
            out += "; " + describeEdit(e) + " (no .reg form)\r\n";
            break;
        }
    }
    return out;
}

RegHighlighter::RegHighlighter(QTextDocument* parent) : QSyntaxHighlighter(parent) {
    setFormats(QGuiApplication::palette());
}

RegHighlighter::RegHighlighter(QTextDocument* parent, QWidget* editor) : QSyntaxHighlighter(parent), editor_(editor) {
    setFormats(editor->palette());
    editor->installEventFilter(this);
}

void RegHighlighter::setPalette(const QPalette& palette) {
    setFormats(palette);
    rehighlight();
}

bool RegHighlighter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == editor_ && event->type() == QEvent::PaletteChange) setPalette(editor_->palette());
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void RegHighlighter::setFormats(const QPalette& palette) {
    using theme::Tone;
    for (QTextCharFormat& f : formats_) f = QTextCharFormat();
    formats_[Header].setFontWeight(QFont::Bold);
    formats_[KeyLine].setForeground(theme::text(Tone::Info, palette));
    formats_[KeyLine].setFontWeight(QFont::Bold);
    formats_[DeletedKey].setForeground(theme::text(Tone::Negative, palette));
    formats_[DeletedKey].setFontWeight(QFont::Bold);
    formats_[Name].setForeground(theme::text(Tone::Accent, palette));
    formats_[String].setForeground(theme::text(Tone::Positive, palette));
    formats_[TypePrefix].setForeground(theme::text(Tone::Warning, palette));
    formats_[Deletion].setForeground(theme::text(Tone::Negative, palette));
    formats_[Comment].setForeground(theme::text(Tone::Muted, palette));
    formats_[Comment].setFontItalic(true);
}

namespace {

struct Span {
    int start;
    int length;
    int kind;
};

/// The spans of one line: key lines whole; for value lines the quoted
/// name (or @), then a quoted string, a type prefix (dword:, hex(7):) or
/// the "-" of a deletion.
std::vector<Span> spansOf(const QString& line) {
    std::vector<Span> out;
    const QString t = line.trimmed();
    if (t.startsWith(QLatin1Char(';'))) {
        out.push_back({0, static_cast<int>(line.size()), RegHighlighter::Comment});
        return out;
    }
    if (t.startsWith(QLatin1String("Windows Registry Editor")) || t == QLatin1String("REGEDIT4")) {
        out.push_back({0, static_cast<int>(line.size()), RegHighlighter::Header});
        return out;
    }
    if (t.startsWith(QLatin1String("[-"))) {
        out.push_back({0, static_cast<int>(line.size()), RegHighlighter::DeletedKey});
        return out;
    }
    if (t.startsWith(QLatin1Char('['))) {
        out.push_back({0, static_cast<int>(line.size()), RegHighlighter::KeyLine});
        return out;
    }
    static const QRegularExpression value(
        QStringLiteral("^(\\s*)(@|\"(?:[^\"\\\\]|\\\\.)*\")=(-|\"(?:[^\"\\\\]|\\\\.)*\"|[a-z]+(?:\\([0-9a-fA-F]+\\))?:)?"));
    const auto m = value.match(line);
    if (!m.hasMatch()) return out;
    out.push_back({static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)), RegHighlighter::Name});
    if (m.capturedLength(3) > 0) {
        const QString data = m.captured(3);
        const int kind = data == QLatin1String("-")        ? RegHighlighter::Deletion
                         : data.startsWith(QLatin1Char('"')) ? RegHighlighter::String
                                                             : RegHighlighter::TypePrefix;
        out.push_back({static_cast<int>(m.capturedStart(3)), static_cast<int>(m.capturedLength(3)), kind});
    }
    return out;
}

}  // namespace

int RegHighlighter::kindAt(const QString& line, int position) {
    for (const Span& s : spansOf(line)) {
        if (position >= s.start && position < s.start + s.length) return s.kind;
    }
    return -1;
}

void RegHighlighter::highlightBlock(const QString& text) {
    for (const Span& s : spansOf(text)) setFormat(s.start, s.length, formats_[s.kind]);
}

}  // namespace hivekit::gui
