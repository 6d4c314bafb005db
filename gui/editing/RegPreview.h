// RegPreview: the pending changes as a .reg file (what `reg import` would
// do, as far as .reg can say it: renames and class names have no .reg form
// and appear as comments), and a small highlighter for .reg text. KDE's
// SyntaxHighlighting is not on every platform we build for (Debian 12 has
// no KF6), so the highlighter is our own: key lines, value names, strings,
// type prefixes, deletions and comments.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <string>

#include "merge/Plan.h"

namespace hivekit::gui {

/// The plan as .reg text (UTF-8, CRLF line ends) under `rootName`.
std::string planAsRegText(const Plan& plan, const std::string& rootName = "HKEY_LOCAL_MACHINE\\HIVE");

class RegHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit RegHighlighter(QTextDocument* parent);

    /// The format applied at `position` of `line` (for the tests): one of
    /// the kinds below, or -1 for plain text.
    enum Kind { Header, KeyLine, DeletedKey, Name, String, TypePrefix, Deletion, Comment };
    static int kindAt(const QString& line, int position);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat formats_[8];
};

}  // namespace hivekit::gui
