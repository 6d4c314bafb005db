// Theme: every colour the GUI draws that is not a plain palette role comes
// from here, derived from the widget's palette so that it reads in light and
// dark themes (Fusion with a dark palette, Breeze Dark, Adwaita-dark) and
// follows a palette change. Views that paint call these in paintEvent (or
// recompute on QEvent::PaletteChange) with their own palette().
//
// The contrast figures are WCAG 2's: 4.5:1 for text, 3:1 for shapes that must
// stand apart from their background.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace hivekit::gui::theme {

/// WCAG 2 text contrast (normal size) and non-text contrast.
inline constexpr double kTextContrast = 4.5;
inline constexpr double kShapeContrast = 3.0;

/// True when the palette's window is dark (its lightness below one half):
/// the pairs below pick their dark variant.
bool isDark(const QPalette& palette);

/// WCAG 2 relative luminance of `color` (0 black .. 1 white), alpha ignored.
double relativeLuminance(const QColor& color);
/// WCAG 2 contrast ratio of two colours (1 .. 21), order does not matter.
double contrastRatio(const QColor& a, const QColor& b);

/// `a` blended towards `b`: 0 gives a, 1 gives b (opaque result).
QColor mix(const QColor& a, const QColor& b, double amountOfB);

/// `preferred` with its lightness moved away from `background` (hue and
/// saturation kept) until the contrast reaches `minimum`; unchanged when it
/// already does. Reaches black or white at worst.
QColor readableOn(const QColor& preferred, const QColor& background, double minimum = kTextContrast);

/// The meaning a coloured text or mark carries; each has a light and a dark
/// variant, made readable on the palette's Base.
enum class Tone {
    Positive,  ///< added, good (green)
    Info,      ///< changed, key lines (blue)
    Negative,  ///< errors, deletions (red)
    Warning,   ///< type prefixes, cautions (orange)
    Accent,    ///< names (purple)
    Muted,     ///< comments, secondary text (grey)
};

/// Text of `tone` on the palette's Base (contrast >= 4.5).
QColor text(Tone tone, const QPalette& palette);
/// Text of `tone` on the palette's Window (labels outside views).
QColor windowText(Tone tone, const QPalette& palette);

/// A banner's colours: a soft background of the tone, its border, and a
/// text colour readable on that background (contrast >= 4.5).
struct BannerColors {
    QColor background;
    QColor border;
    QColor text;
};
BannerColors banner(Tone tone, const QPalette& palette);
/// The banner as a style sheet for the widget named `objectName` and its labels.
QString bannerStyleSheet(const QString& objectName, Tone tone, const QPalette& palette);

/// Styles `banner` (its object name set) as a banner of `tone` in the palette
/// it sits in (its parent's: a style sheet changes the banner's own), and
/// restyles it whenever that palette changes or the banner moves to another
/// parent. It only sets the sheet when the colours differ, so it cannot loop.
void applyBannerStyle(QWidget* banner, Tone tone);

/// A tint of `strong` to paint behind the palette's Text (hex highlights):
/// as much of the hue as keeps Text readable on the tint and on the tint
/// darkened by `darkerFactor` (QColor::darker, for emphasised sub-ranges).
QColor tintBehindText(const QColor& strong, const QPalette& palette, int darkerFactor = 118);

/// `strong` (a block's fill) made to stand apart from the palette's Base by
/// the shape contrast; hue kept.
QColor shapeOn(const QColor& strong, const QPalette& palette, double minimum = kShapeContrast);

}  // namespace hivekit::gui::theme
