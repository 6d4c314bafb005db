// RegPreview: the pending changes as a .reg file (what `reg import` would
// do, as far as .reg can say it: renames and class names have no .reg form
// and appear as comments), and a small highlighter for .reg text. KDE's
// SyntaxHighlighting is not on every platform we build for (Debian 12 has
// no KF6), so the highlighter is our own: key lines, value names, strings,
// type prefixes, deletions and comments.
#pragma once

#include <QSyntaxHighlighter>
#include <QPalette>
#include <QTextCharFormat>

#include <string>

#include "merge/Plan.h"

class QWidget;

namespace hivekit::gui {

/// The plan as .reg text (UTF-8, CRLF line ends) under `rootName`.
std::string planAsRegText(const Plan& plan, const std::string& rootName = "HKEY_LOCAL_MACHINE\\HIVE");

/// Colours come from the palette (common/Theme, readable on its Base): the
/// editor's when one is given, followed live on its palette changes.
class RegHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit RegHighlighter(QTextDocument* parent);
    /// Highlights `parent` as shown in `editor`, in the editor's palette.
    RegHighlighter(QTextDocument* parent, QWidget* editor);

    /// Recolours for `palette` and highlights the document again.
    void setPalette(const QPalette& palette);

    /// The format applied at `position` of `line` (for the tests): one of
    /// the kinds below, or -1 for plain text.
    enum Kind { Header, KeyLine, DeletedKey, Name, String, TypePrefix, Deletion, Comment };
    static int kindAt(const QString& line, int position);

    /// The format of a kind (for the tests' contrast checks).
    QTextCharFormat format(Kind kind) const { return formats_[kind]; }

protected:
    void highlightBlock(const QString& text) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setFormats(const QPalette& palette);

    QWidget* editor_ = nullptr;
    QTextCharFormat formats_[8];
};

}  // namespace hivekit::gui
