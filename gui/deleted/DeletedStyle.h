// DeletedStyle: how deleted keys and values recovered by a scan look where
// they are merged into the live views (the key tree and the value table):
// italic, in a colour of their own taken from the palette, with an icon of
// their own, so that evidence is never mistaken for a live key.
#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>
#include <QString>

#include "hive/DeletedScanner.h"

namespace hivekit::gui {

/// The text colour of recovered keys and values on `palette`'s Base: a red
/// of the theme's, darker on a light base and lighter on a dark one
/// (contrast >= 4.5, see common/Theme).
QColor recoveredKeyColor(const QPalette& palette);
/// Italic (live keys are upright; keys a pending change adds are italic
/// too, but coloured otherwise and never in the same place).
QFont recoveredFont();
/// The key icon, faded, with a small red minus badge.
QIcon recoveredKeyIcon();
/// "Deleted key, recovered", its path, where it was found, the file offset
/// of its cell and its last-write time, one per line.
QString recoveredKeyToolTip(const DeletedKey& key);
/// The same for a recovered value, with the state of its data.
QString recoveredValueToolTip(const DeletedValue& value);
/// One of those tooltips as the details pane's HTML: its first line as the
/// heading, the others as paragraphs.
QString recoveredDetailsHtml(const QString& toolTip);

}  // namespace hivekit::gui
