// ExportDialog: where Export Key / Export Hive writes, and the root written
// in the .reg file's key lines (regedit writes the key's full registry
// path; a hive file does not know it, so the user chooses, defaulted from
// the hive's kind: editing/RegistryRoots.h).
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hivekit::gui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `file`: the proposed file; `roots`: the roots offered, the default
    /// first; `keyPath`: the exported key ("" for the whole hive), for the
    /// example line.
    ExportDialog(const QString& title, const QString& file, const QStringList& roots, const QString& keyPath,
                 QWidget* parent = nullptr);

    /// The file chosen, ".reg" added when it has no suffix.
    QString file() const;
    void setFile(const QString& file);
    /// The root chosen or typed, without a trailing backslash.
    QString root() const;
    void setRoot(const QString& root);
    QComboBox* rootBox() const { return rootBox_; }
    /// Why the choice cannot be used ("" when it can): no file, or a root
    /// that a key line cannot hold (empty, ']' or a line break).
    QString problem() const;

private:
    void browse();
    void update();

    QString keyPath_;
    QLineEdit* fileEdit_;
    QComboBox* rootBox_;
    QLabel* example_;
    QLabel* problemLabel_;
    QPushButton* ok_;
};

}  // namespace hivekit::gui
