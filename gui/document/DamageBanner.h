// DamageBanner: the strip above a damaged hive's tree, beside the recovery
// banner of a dirty one. Shown when the structural check found errors, so
// that damage is seen even with the Problems panel closed: it says how
// many errors and warnings there are and offers to show them.
#pragma once

#include <QFrame>

#include <cstddef>

class QLabel;
class QPushButton;

namespace hivekit::gui {

class DamageBanner : public QFrame {
    Q_OBJECT
public:
    explicit DamageBanner(QWidget* parent = nullptr);

    /// Shows the counts of a finished check; hides itself when there is no
    /// error (warnings alone are deviations Windows tolerates, as for
    /// `hivectl check`). `dropped`: problems counted beyond the list's limit.
    void setCounts(int errors, int warnings, size_t dropped);

    /// The banner's text (tests).
    QString text() const;
    QPushButton* showButton() const { return showButton_; }

signals:
    /// The user asked to see the problems.
    void showProblemsRequested();

private:
    QLabel* icon_;
    QLabel* text_;
    QPushButton* showButton_;
};

}  // namespace hivekit::gui
