#include "common/Theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace hivekit::gui::theme {

namespace {

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

/// The light and the dark variant of each tone: hues that read on white and
/// on a near-black base respectively (readableOn adjusts for other bases).
QColor toneColor(Tone tone, bool dark) {
    switch (tone) {
    case Tone::Positive: return dark ? QColor(0x6f, 0xcf, 0x8f) : QColor(0x1e, 0x84, 0x49);
    case Tone::Info: return dark ? QColor(0x7f, 0xb2, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Tone::Negative: return dark ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x00, 0x20);
    case Tone::Warning: return dark ? QColor(0xf0, 0xa8, 0x50) : QColor(0xa0, 0x52, 0x00);
    case Tone::Accent: return dark ? QColor(0xd4, 0xa8, 0xff) : QColor(0x6a, 0x1b, 0x9a);
    case Tone::Muted: return dark ? QColor(0xa8, 0xa8, 0xa8) : QColor(0x6b, 0x6b, 0x6b);
    }
    return {};
}

/// The saturated hue behind a banner of `tone`.
QColor bannerHue(Tone tone) {
    switch (tone) {
    case Tone::Positive: return QColor(0x3c, 0xb0, 0x60);
    case Tone::Info: return QColor(0x4e, 0x79, 0xd7);
    case Tone::Negative: return QColor(0xd8, 0x50, 0x40);
    case Tone::Warning: return QColor(0xe8, 0xb0, 0x20);
    case Tone::Accent: return QColor(0x9a, 0x5a, 0xd0);
    case Tone::Muted: return QColor(0x90, 0x90, 0x90);
    }
    return {};
}

}  // namespace

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

double relativeLuminance(const QColor& color) {
    const QColor c = color.toRgb();
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor& a, const QColor& b, double amountOfB) {
    const double t = std::clamp(amountOfB, 0.0, 1.0);
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto channel = [t](float p, float q) { return static_cast<float>(p * (1 - t) + q * t); };
    return QColor::fromRgbF(channel(x.redF(), y.redF()), channel(x.greenF(), y.greenF()),
                            channel(x.blueF(), y.blueF()));
}

QColor readableOn(const QColor& preferred, const QColor& background, double minimum) {
    QColor c = preferred.toRgb();
    c.setAlpha(255);
    if (contrastRatio(c, background) >= minimum) return c;
    // Move towards whichever end (black or white) can give more contrast.
    const bool lighten = contrastRatio(Qt::white, background) > contrastRatio(Qt::black, background);
    const QColor hsl = c.toHsl();
    const float hue = hsl.hslHueF();
    const float saturation = hsl.hslSaturationF();
    float lightness = hsl.lightnessF();
    for (int step = 0; step < 100; ++step) {
        lightness = std::clamp(lightness + (lighten ? 0.01f : -0.01f), 0.0f, 1.0f);
        const QColor candidate = QColor::fromHslF(hue < 0 ? 0 : hue, saturation, lightness).toRgb();
        if (contrastRatio(candidate, background) >= minimum) return candidate;
        if (lightness <= 0.0f || lightness >= 1.0f) break;
    }
    return lighten ? QColor(Qt::white) : QColor(Qt::black);
}

QColor text(Tone tone, const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    return readableOn(toneColor(tone, base.lightnessF() < 0.5), base);
}

QColor windowText(Tone tone, const QPalette& palette) {
    const QColor window = palette.color(QPalette::Window);
    return readableOn(toneColor(tone, window.lightnessF() < 0.5), window);
}

BannerColors banner(Tone tone, const QPalette& palette) {
    const QColor window = palette.color(QPalette::Window);
    const QColor hue = bannerHue(tone);
    const bool dark = isDark(palette);
    BannerColors out;
    if (!dark && tone == Tone::Warning) {
        // The light banners as they were designed: warm amber, soft red.
        out = {QColor(0xff, 0xf4, 0xd6), QColor(0xe8, 0xc6, 0x6a), QColor(0x4a, 0x3b, 0x10)};
    } else if (!dark && tone == Tone::Negative) {
        out = {QColor(0xfd, 0xe4, 0xe1), QColor(0xe2, 0x9a, 0x90), QColor(0x5c, 0x1a, 0x12)};
    } else {
        out.background = mix(dark ? window : QColor(Qt::white), hue, dark ? 0.22 : 0.16);
        out.border = mix(window, hue, dark ? 0.55 : 0.6);
        out.text = mix(palette.color(QPalette::WindowText), hue, dark ? 0.15 : 0.35);
    }
    out.text = readableOn(out.text, out.background);
    return out;
}

QString bannerStyleSheet(const QString& objectName, Tone tone, const QPalette& palette) {
    const BannerColors c = banner(tone, palette);
    return QStringLiteral("#%1 { background: %2; border: 1px solid %3; border-radius: 4px; }"
                          "#%1 QLabel { color: %4; }")
        .arg(objectName, c.background.name(), c.border.name(), c.text.name());
}

namespace {

/// Restyles a banner when the palette it sits in changes. A style sheet
/// sets the banner's own palette, which stops the parent's changes from
/// reaching it: so this watches the parent (and the application).
class BannerFollower : public QObject {
public:
    BannerFollower(QWidget* banner, Tone tone) : QObject(banner), banner_(banner), tone_(tone) {
        setObjectName(QStringLiteral("themeBannerFollower"));
        banner->installEventFilter(this);
        watchParent();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == banner_ && event->type() == QEvent::ParentChange) {
            watchParent();
            applyBannerStyle(banner_, tone_);
        } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
            applyBannerStyle(banner_, tone_);
        }
        return false;
    }

private:
    void watchParent() {
        if (parent_ && parent_ != banner_->parentWidget()) parent_->removeEventFilter(this);
        parent_ = banner_->parentWidget();
        if (parent_) parent_->installEventFilter(this);
    }

    QWidget* banner_;
    Tone tone_;
    QPointer<QWidget> parent_;
};

}  // namespace

void applyBannerStyle(QWidget* banner, Tone tone) {
    if (!banner->findChild<BannerFollower*>(QStringLiteral("themeBannerFollower"), Qt::FindDirectChildrenOnly))
        new BannerFollower(banner, tone);
    const QPalette palette = banner->parentWidget() ? banner->parentWidget()->palette() : QGuiApplication::palette();
    const QString sheet = bannerStyleSheet(banner->objectName(), tone, palette);
    if (banner->styleSheet() != sheet) banner->setStyleSheet(sheet);
}

QColor tintBehindText(const QColor& strong, const QPalette& palette, int darkerFactor) {
    const QColor base = palette.color(QPalette::Base);
    const QColor ink = palette.color(QPalette::Text);
    const auto readable = [&](const QColor& tint) {
        return contrastRatio(ink, tint) >= kTextContrast && contrastRatio(ink, tint.darker(darkerFactor)) >= kTextContrast;
    };
    // As much hue as the text allows: a light theme's tint was 38 % of the
    // hue over white; a dark one needs a little more to show on near-black.
    for (double amount = isDark(palette) ? 0.45 : 0.38; amount > 0.02; amount -= 0.02) {
        const QColor tint = mix(base, strong, amount);
        if (readable(tint)) return tint;
    }
    return base;
}

QColor shapeOn(const QColor& strong, const QPalette& palette, double minimum) {
    return readableOn(strong, palette.color(QPalette::Base), minimum);
}

}  // namespace hivekit::gui::theme
