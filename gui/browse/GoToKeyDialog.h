// GoToKeyDialog: Go to Key (Ctrl+L). A path box that completes as the user
// types, as regedit's address bar does: the subkeys of the key typed so far
// (the text up to the last backslash, read as Go to Key reads paths, with
// HKEY_LOCAL_MACHINE\..., HKLM\..., Computer\... prefixes), matched without
// regard to case. Only that one key's subkeys are read, when its path is
// typed, so a hive of 300,000 keys is never walked.
#pragma once

#include <QDialog>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

#include "hive/Hive.h"

class QCompleter;
class QLineEdit;
class QStringListModel;

namespace hivekit::gui {

class GoToKeyDialog : public QDialog {
    Q_OBJECT
public:
    /// Completes paths in `hive`; `roots` are offered as whole prefixes
    /// ("HKEY_LOCAL_MACHINE\SYSTEM") while no backslash is typed.
    GoToKeyDialog(std::shared_ptr<const Hive> hive, const QStringList& roots, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    QLineEdit* lineEdit() const { return edit_; }
    QCompleter* completer() const { return completer_; }

    /// What completes `typed`: its parent's text (up to the last
    /// backslash, kept as typed) joined to each subkey's name, sorted
    /// case-insensitively; the root's subkeys and `roots` when nothing
    /// before a backslash is typed. Empty when the parent is no key.
    static QStringList completionsFor(const Hive& hive, const QString& typed, const QStringList& roots = {});

private:
    void updateCompletions(const QString& text);

    std::shared_ptr<const Hive> hive_;
    QStringList roots_;
    QLineEdit* edit_;
    QCompleter* completer_;
    QStringListModel* model_;
    /// The parent text (upper case) the model was filled for.
    QString filledFor_;
};

}  // namespace hivekit::gui
