// ValueEditDialog: new value and edit value. One editor per kind of data,
// all parsed by ValueCodec: a line for strings (with the %VARS% preview of
// expandable strings) and for DWORD/QWORD numbers, one line per string for
// multi-strings, a hex grid for binary data (HexGridEditor: insert or
// overwrite, pasted hex accepted), and a raw editor (any type number + the
// same grid).
// OK is refused, with the parser's message shown, until the text is valid.
#pragma once

#include <QDialog>
#include <QPlainTextEdit>

#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace hivekit::gui {
class HexGridEditor;
}

namespace hivekit::gui {

/// The multi-string editor (one string a line). Insert toggles overwrite,
/// as in every editor; pasted text arrives as plain text.
class HexTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit HexTextEdit(QWidget* parent = nullptr);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
};

class ValueEditDialog : public QDialog {
    Q_OBJECT
public:
    /// A dialog for a new value (the name and type can be chosen) or for
    /// editing an existing one (`newValue` false: name and type are fixed,
    /// unless the raw editor is chosen).
    explicit ValueEditDialog(bool newValue, QWidget* parent = nullptr);

    /// Fills the editor with a value's name, type and data.
    void setValue(const QString& name, uint32_t type, const std::vector<uint8_t>& data);
    /// Picks the editor of `type` (any number: the raw editor for types
    /// without their own).
    void setType(uint32_t type);
    /// Switches to the raw editor (type number + bytes).
    void setRaw(bool raw);

    QString name() const;
    uint32_t type() const { return type_; }
    const std::vector<uint8_t>& data() const { return data_; }

    /// Parses the editor's text; false (and errorText() says why) when it
    /// is not valid. accept() calls it.
    bool validate();
    QString errorText() const;

    QLineEdit* nameEdit() const { return nameEdit_; }
    QComboBox* typeCombo() const { return typeCombo_; }
    QLineEdit* lineEdit() const { return lineEdit_; }
    HexTextEdit* textEdit() const { return textEdit_; }
    /// The binary and raw editors' hex grid.
    HexGridEditor* hexGrid() const { return grid_; }
    QLineEdit* rawTypeEdit() const { return rawTypeEdit_; }
    QLabel* previewLabel() const { return preview_; }

    void accept() override;

private:
    void onTypeChosen();
    void updateEditors();
    void updatePreview();

    bool newValue_;
    bool raw_ = false;
    uint32_t type_ = 1;
    std::vector<uint8_t> data_;
    QLineEdit* nameEdit_;
    QComboBox* typeCombo_;
    QLabel* rawTypeLabel_;
    QLineEdit* rawTypeEdit_;
    QLabel* hint_;
    QLineEdit* lineEdit_;
    HexTextEdit* textEdit_;
    HexGridEditor* grid_;
    QCheckBox* overwrite_;
    QLabel* preview_;
    QLabel* error_;
};

}  // namespace hivekit::gui
