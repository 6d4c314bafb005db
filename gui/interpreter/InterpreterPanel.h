// InterpreterPanel: the Data Interpreter's table (type, value) over a few
// bytes, with the byte order switch and copying of values and rows; and
// InterpreterDock, the dock that feeds it from the current tab: the hex
// cursor (or the selection's start) or the selected value's data.
#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <vector>

#include "interpreter/DataInterpreter.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QTreeWidget;

namespace hivekit::gui {

class HiveView;

/// The table of DataInterpreter rows for the bytes it was given. Every row
/// can be copied: the context menu's Copy Value and Copy Row, and Ctrl+C on
/// the selected rows ("name<TAB>value" a line).
class InterpreterPanel : public QWidget {
    Q_OBJECT
public:
    explicit InterpreterPanel(QWidget* parent = nullptr);

    /// Shows the readings of `bytes` (the first of them at the position
    /// that `source` names, e.g. "File offset 0x1020").
    void setBytes(std::vector<uint8_t> bytes, const QString& source);
    const std::vector<uint8_t>& bytes() const { return bytes_; }
    QString sourceText() const;

    ByteOrder byteOrder() const;
    void setByteOrder(ByteOrder order);

    /// The value text of the row named `name` ("" when there is none).
    QString valueOf(const QString& name) const;
    /// "name<TAB>value" of the selected rows, one a line.
    QString selectedRowsText() const;
    /// Copies the current row's value, or the selected rows.
    void copyValue();
    void copyRows();

    QTreeWidget* table() const { return table_; }
    QComboBox* byteOrderBox() const { return orderBox_; }
    /// The widgets the dock adds to the top line (after the byte order).
    void addToolWidget(QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void showContextMenu(const QPoint& pos);

    std::vector<uint8_t> bytes_;
    QLabel* sourceLabel_;
    QComboBox* orderBox_;
    QTreeWidget* table_;
    QHBoxLayout* tools_;
};

/// The Data Interpreter dock. It follows one HiveView (the current tab):
/// in Automatic mode the hex cursor while the Hex tab is shown, otherwise
/// the selected value's data from its first byte; or always one of them.
class InterpreterDock : public QDockWidget {
    Q_OBJECT
public:
    enum class Follow { Automatic, HexCursor, SelectedValue };

    explicit InterpreterDock(QWidget* parent = nullptr);

    /// Follows `view` (null: shows nothing).
    void setView(HiveView* view);
    HiveView* view() const { return view_; }

    Follow follow() const;
    void setFollow(Follow follow);
    InterpreterPanel* panel() const { return panel_; }
    QComboBox* followBox() const { return followBox_; }

public slots:
    /// Reads the bytes again from what is followed.
    void refresh();
    /// What "Interpret Here" in the hex view does: follow the hex cursor and show the dock.
    void interpretHexCursor();

private:
    /// True: the hex cursor is the source now.
    bool followsHex() const;

    InterpreterPanel* panel_;
    QComboBox* followBox_;
    QPointer<HiveView> view_;
    std::vector<QMetaObject::Connection> connections_;
};

}  // namespace hivekit::gui
