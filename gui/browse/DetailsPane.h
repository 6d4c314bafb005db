// DetailsPane: what is known about the selected key or value, as rich text.
// For a key: last-write time, class name, counts, cell offset, flags and the
// security descriptor (SDDL and a readable list). For a value: type, size,
// where the data lives, the data decoded in full, and a hex dump.
#pragma once

#include <QTextBrowser>

#include <cstdint>

#include "hive/Hive.h"

namespace hivekit::gui {

class DetailsPane : public QTextBrowser {
    Q_OBJECT
public:
    explicit DetailsPane(QWidget* parent = nullptr);

    void showKey(const Hive& hive, uint32_t keyOffset, const QString& path);
    void showValue(const Hive& hive, uint32_t valueOffset, const QString& keyPath);
    void showNothing();

    /// The HTML for a key or value (public for the tests).
    static QString keyHtml(const Hive& hive, uint32_t keyOffset, const QString& path);
    static QString valueHtml(const Hive& hive, uint32_t valueOffset, const QString& keyPath);

signals:
    /// A file offset in the text was clicked.
    void offsetActivated(quint64 fileOffset);
};

}  // namespace hivekit::gui
