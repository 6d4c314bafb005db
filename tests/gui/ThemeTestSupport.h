// Palettes for the theme tests: Qt's Fusion light palette and three dark
// ones shaped like Fusion-with-a-dark-palette, KDE Breeze Dark and GNOME
// Adwaita-dark (their window, base, text and highlight colours).
#pragma once

#include <QColor>
#include <QImage>
#include <QPalette>
#include <QString>
#include <QStyle>
#include <QStyleFactory>

#include <memory>
#include <utility>
#include <vector>

namespace guitest {

inline QPalette lightPalette() {
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

/// A dark palette from its window, base, text and highlight colours.
inline QPalette darkPalette(QColor window, QColor base, QColor text, QColor highlight) {
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

inline QPalette fusionDarkPalette() {
    return darkPalette(QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a), Qt::white, QColor(0x2a, 0x82, 0xda));
}
inline QPalette breezeDarkPalette() {
    return darkPalette(QColor(0x31, 0x36, 0x3b), QColor(0x23, 0x26, 0x29), QColor(0xef, 0xf0, 0xf1),
                       QColor(0x3d, 0xae, 0xe9));
}
inline QPalette adwaitaDarkPalette() {
    return darkPalette(QColor(0x35, 0x35, 0x35), QColor(0x2d, 0x2d, 0x2d), QColor(0xee, 0xee, 0xec),
                       QColor(0x15, 0x53, 0x9e));
}

/// The four palettes with their names, for loops over themes.
inline std::vector<std::pair<QString, QPalette>> allPalettes() {
    return {{QStringLiteral("Fusion light"), lightPalette()},
            {QStringLiteral("Fusion dark"), fusionDarkPalette()},
            {QStringLiteral("Breeze Dark"), breezeDarkPalette()},
            {QStringLiteral("Adwaita-dark"), adwaitaDarkPalette()}};
}

/// The pixels of `image` inside `rect` whose colour is exactly `rgb`.
inline int countColour(const QImage& image, QRgb rgb, const QRect& rect) {
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if ((image.pixel(x, y) & 0xffffff) == (rgb & 0xffffff)) ++n;
    return n;
}

}  // namespace guitest
