// DiskChangeBanner: the strip above a tab whose file another program
// changed on disk since the tab read it ("The file changed on disk since it
// was opened."), with Reload and Dismiss; after a reload that had to drop
// pending changes, it says which.
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace hivekit::gui {

class DiskChangeBanner : public QFrame {
    Q_OBJECT
public:
    explicit DiskChangeBanner(QWidget* parent = nullptr);

    /// Shows that the file changed; `change` says how (DiskChangeWatcher).
    void showChanged(const QString& change);
    /// Shows, after a reload, the pending changes that no longer apply and
    /// were dropped (hides itself when `dropped` is empty).
    void showDropped(const QStringList& dropped);

    /// The banner's text (tests).
    QString text() const;
    QPushButton* reloadButton() const { return reloadButton_; }
    QPushButton* dismissButton() const { return dismissButton_; }

signals:
    void reloadRequested();

private:
    QLabel* icon_;
    QLabel* text_;
    QLabel* details_;
    QPushButton* reloadButton_;
    QPushButton* dismissButton_;
};

}  // namespace hivekit::gui
