// Dark themes: every colour the GUI draws besides plain palette roles comes
// from common/Theme and reads in light and dark palettes (WCAG 2: 4.5:1 for
// text, 3:1 for blocks), checked on the colours the code uses and on
// rendered pixels; and a palette change recolours what is on show.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QBrush>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <memory>
#include <string>

#include "GuiTestSupport.h"
#include "ThemeTestSupport.h"
#include "common/Theme.h"
#include "document/DamageBanner.h"
#include "document/RecoveryBanner.h"
#include "editing/ChangeMarks.h"
#include "editing/RegPreview.h"
#include "hexview/CellColors.h"
#include "hexview/HexPane.h"
#include "hexview/HexView.h"
#include "layoutview/LayoutCanvas.h"
#include "layoutview/LayoutView.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using guitest::waitUntil;

namespace {

constexpr CellRole kRoles[] = {CellRole::Auto,        CellRole::KeyNode,  CellRole::Value,     CellRole::Security,
                               CellRole::SubkeyList,  CellRole::ValueList, CellRole::ClassName, CellRole::ValueData,
                               CellRole::BigData,     CellRole::SegmentList, CellRole::Segment, CellRole::Data,
                               CellRole::Free,        CellRole::BinHeader, CellRole::BaseBlock};
constexpr CellKind kKinds[] = {CellKind::KeyNode,  CellKind::Value,     CellKind::Security, CellKind::IndexLeaf,
                               CellKind::FastLeaf, CellKind::HashLeaf,  CellKind::IndexRoot, CellKind::BigData,
                               CellKind::Data};
constexpr RegHighlighter::Kind kColouredKinds[] = {RegHighlighter::KeyLine,    RegHighlighter::DeletedKey,
                                                   RegHighlighter::Name,       RegHighlighter::String,
                                                   RegHighlighter::TypePrefix, RegHighlighter::Deletion,
                                                   RegHighlighter::Comment};

const char* kRegText =
    "Windows Registry Editor Version 5.00\n"
    "\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Demo]\n"
    "\"DisplayName\"=\"Demo service\"\n"
    "\"Start\"=dword:00000004\n"
    "\"Old\"=-\n"
    "[-HKEY_LOCAL_MACHINE\\SYSTEM\\Gone]\n"
    "; renamed value A to B (no .reg form)\n";

/// A plain-text editor whose block geometry the test may ask for.
struct RegEditor : QPlainTextEdit {
    QRect lineRect(int line) const {
        return blockBoundingGeometry(document()->findBlockByNumber(line)).translated(contentOffset()).toRect();
    }
};

std::shared_ptr<const Hive> openShared(const std::string& relative) { return guitest::openHive(testsupport::hivePath(relative)); }

/// The highest contrast between `background` and any pixel of `image` in
/// `rect`: the ink of text drawn there (antialiasing only lowers the edges).
double strongestInk(const QImage& image, const QRect& rect, const QColor& background) {
    double best = 1.0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            best = std::max(best, theme::contrastRatio(QColor(image.pixel(x, y)), background));
    return best;
}

/// The bounding box of the pixels of exactly `rgb` in the rows where they
/// occur, or an empty rect.
QRect boxOf(const QImage& image, QRgb rgb) {
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if ((image.pixel(x, y) & 0xffffff) == (rgb & 0xffffff)) box |= QRect(x, y, 1, 1);
    return box;
}

void saveShot(const QImage& image, const QString& name) {
    const QString file = QDir(QDir::tempPath()).filePath(name);
    REQUIRE(image.save(file));
    const QByteArray dir = qgetenv("HIVEKIT_SCREENSHOT_DIR");
    if (!dir.isEmpty()) REQUIRE(image.save(QDir(QString::fromLocal8Bit(dir)).filePath(name)));
}

}  // namespace

TEST_CASE("The WCAG contrast ratio is 21 for black on white, 1 for a colour on itself, and symmetric", "[gui][theme]") {
    CHECK(theme::contrastRatio(Qt::black, Qt::white) == Approx(21.0));
    CHECK(theme::contrastRatio(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99)) == Approx(1.0));
    CHECK(theme::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) ==
          Approx(theme::contrastRatio(Qt::white, QColor(0x77, 0x77, 0x77))));
    // #767676 is the lightest grey with 4.5:1 on white.
    CHECK(theme::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    CHECK(theme::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
}

TEST_CASE("readableOn lightens a dark purple on dark grey and darkens a pale green on white until text reads", "[gui][theme]") {
    const QColor purple(0x6a, 0x1b, 0x9a);
    const QColor darkGrey(0x2a, 0x2a, 0x2a);
    REQUIRE(theme::contrastRatio(purple, darkGrey) < 4.5);
    const QColor onDark = theme::readableOn(purple, darkGrey);
    CHECK(theme::contrastRatio(onDark, darkGrey) >= 4.5);
    CHECK(onDark.lightnessF() > purple.lightnessF());
    CHECK(onDark.hslHue() == Approx(purple.hslHue()).margin(6));

    const QColor paleGreen(0xa8, 0xd8, 0xa0);
    const QColor onWhite = theme::readableOn(paleGreen, Qt::white);
    CHECK(theme::contrastRatio(onWhite, Qt::white) >= 4.5);
    CHECK(onWhite.lightnessF() < paleGreen.lightnessF());
    // A colour that already reads is left as it is.
    CHECK(theme::readableOn(Qt::black, Qt::white) == QColor(Qt::black));
}

TEST_CASE("isDark tells the dark palettes from the light one", "[gui][theme]") {
    CHECK_FALSE(theme::isDark(guitest::lightPalette()));
    CHECK(theme::isDark(guitest::fusionDarkPalette()));
    CHECK(theme::isDark(guitest::breezeDarkPalette()));
    CHECK(theme::isDark(guitest::adwaitaDarkPalette()));
}

TEST_CASE("In light and dark palettes the hex highlights keep the text readable at 4.5 to 1", "[gui][theme]") {
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        const QColor ink = palette.color(QPalette::Text);
        for (CellRole role : kRoles) {
            INFO("role " << static_cast<int>(role));
            const QColor tint = roleTint(role, palette);
            CHECK(theme::contrastRatio(ink, tint) >= theme::kTextContrast);
            // The size field is drawn a shade darker (HexView).
            CHECK(theme::contrastRatio(ink, tint.darker(118)) >= theme::kTextContrast);
            // Still a tint: not the plain base.
            CHECK(tint != palette.color(QPalette::Base));
        }
        // Neighbouring cells stay apart.
        CHECK(roleTint(CellRole::KeyNode, palette) != roleTint(CellRole::SubkeyList, palette));
        CHECK(roleTint(CellRole::SubkeyList, palette) != roleTint(CellRole::Security, palette));
    }
}

TEST_CASE("In light and dark palettes the .reg preview's colours read on the editor's base at 4.5 to 1", "[gui][theme]") {
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        QPlainTextEdit editor;
        editor.setPalette(palette);
        RegHighlighter highlighter(editor.document(), &editor);
        for (RegHighlighter::Kind kind : kColouredKinds) {
            INFO("kind " << static_cast<int>(kind));
            const QColor fg = highlighter.format(kind).foreground().color();
            CHECK(theme::contrastRatio(fg, palette.color(QPalette::Base)) >= theme::kTextContrast);
        }
    }
}

TEST_CASE("The pending-change marks, the field panel's problems and the banners read in light and dark palettes", "[gui][theme]") {
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        for (theme::Tone tone : {theme::Tone::Positive, theme::Tone::Info, theme::Tone::Negative, theme::Tone::Warning,
                                 theme::Tone::Accent, theme::Tone::Muted}) {
            INFO("tone " << static_cast<int>(tone));
            CHECK(theme::contrastRatio(theme::text(tone, palette), palette.color(QPalette::Base)) >= theme::kTextContrast);
            CHECK(theme::contrastRatio(theme::windowText(tone, palette), palette.color(QPalette::Window)) >=
                  theme::kTextContrast);
            const theme::BannerColors banner = theme::banner(tone, palette);
            CHECK(theme::contrastRatio(banner.text, banner.background) >= theme::kTextContrast);
            // A dark theme gets a dark banner, not a pale strip.
            CHECK(theme::isDark(palette) == (banner.background.lightnessF() < 0.5));
        }
    }
}

TEST_CASE("In light and dark palettes the layout's cell kinds stand apart from the background", "[gui][theme]") {
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        const QColor base = palette.color(QPalette::Base);
        for (CellKind kind : kKinds) {
            INFO("kind " << static_cast<int>(kind));
            CHECK(theme::contrastRatio(kindColor(kind, palette), base) >= theme::kShapeContrast);
        }
        CHECK(theme::contrastRatio(binHeaderColor(palette), base) >= theme::kShapeContrast);
        CHECK(theme::contrastRatio(baseBlockColor(palette), base) >= theme::kShapeContrast);
        CHECK(theme::contrastRatio(unreadableColor(palette), base) >= theme::kShapeContrast);
        // The base block and the hbin headers are told apart from each other too.
        CHECK(theme::contrastRatio(binHeaderColor(palette), baseBlockColor(palette)) >= 1.5);
        // Free space is a shade off the background with a visible hatch.
        CHECK(freeColor(palette) != base);
        CHECK(theme::contrastRatio(freeHatchColor(palette), base) >= 1.5);
    }
}

TEST_CASE("A dark hex view renders its highlighted bytes as light text on a dark tint", "[gui][theme][screenshot]") {
    auto hive = openShared("regipy/SYSTEM");
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        HexPane pane;
        pane.setPalette(palette);
        pane.resize(1100, 500);
        pane.setHive(hive);
        pane.show();
        pane.showKey(hive->rootOffset());
        QCoreApplication::processEvents();
        const QImage shot = pane.hexView()->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QColor tint = roleTint(CellRole::KeyNode, palette);
        const QRect box = boxOf(shot, tint.rgb());
        REQUIRE(box.isValid());
        // The bytes drawn on the tint: their ink against the tint.
        CHECK(strongestInk(shot, box, tint) >= theme::kTextContrast);
        if (theme::isDark(palette)) {
            CHECK(tint.lightnessF() < 0.5);
            saveShot(shot, QStringLiteral("hivekit-hex-%1.png").arg(name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'))));
        }
    }
}

TEST_CASE("A dark .reg preview renders every coloured span readable on its base", "[gui][theme][screenshot]") {
    for (const auto& [name, palette] : guitest::allPalettes()) {
        INFO(name.toStdString());
        RegEditor editor;
        editor.setPalette(palette);
        editor.setFont(QFont(QStringLiteral("monospace")));
        editor.resize(760, 260);
        RegHighlighter highlighter(editor.document(), &editor);
        editor.setPlainText(QString::fromLatin1(kRegText));
        editor.show();
        QCoreApplication::processEvents();
        const QImage shot = editor.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QColor base = palette.color(QPalette::Base);
        // Each line's rendered ink against the base: every line has text
        // of one format at least, so each must reach the text contrast.
        const QTextDocument* doc = editor.document();
        for (int line = 2; line < doc->blockCount() - 1; ++line) {
            if (doc->findBlockByNumber(line).text().isEmpty()) continue;
            INFO("line " << line);
            const QRect r = editor.lineRect(line);
            CHECK(strongestInk(shot, r, base) >= theme::kTextContrast);
        }
        // The value name's own colour appears as drawn (the purple that was
        // dark on dark grey).
        const QColor nameColour = highlighter.format(RegHighlighter::Name).foreground().color();
        const QRect nameLine = editor.lineRect(3);
        double nearest = 1e9;
        for (int y = nameLine.top(); y <= nameLine.bottom() && y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x) {
                const QColor c(shot.pixel(x, y));
                nearest = std::min(nearest, std::abs(c.red() - nameColour.red()) + std::abs(c.green() - nameColour.green()) +
                                                std::abs(c.blue() - nameColour.blue()) + 0.0);
            }
        CHECK(nearest <= 24);
        if (name == QStringLiteral("Fusion dark")) saveShot(shot, QStringLiteral("hivekit-reg-preview-dark.png"));
    }
}

TEST_CASE("A dark layout view draws the base block and the cells apart from the background", "[gui][theme][screenshot]") {
    auto hive = openShared("regipy/SYSTEM");
    const QPalette palette = guitest::fusionDarkPalette();
    LayoutView view;
    view.setPalette(palette);
    view.resize(900, 500);
    view.show();
    view.setHive(hive);
    REQUIRE(waitUntil([&] { return !view.isMapping() && view.fragmentation().allocatedCells > 0; }, 60000));
    QCoreApplication::processEvents();
    const QImage shot = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
    saveShot(shot, QStringLiteral("hivekit-layout-dark.png"));
    CHECK(guitest::countColour(shot, baseBlockColor(palette).rgb(), shot.rect()) > 50);
    CHECK(guitest::countColour(shot, kindColor(CellKind::KeyNode, palette).rgb(), shot.rect()) > 10);
    CHECK(guitest::countColour(shot, kindColor(CellKind::Value, palette).rgb(), shot.rect()) > 10);
    // The legend's swatches are in the dark palette's colours too.
    CHECK(view.legendText().contains(baseBlockColor(palette).name()));
}

TEST_CASE("A palette change recolours the hex highlights, the .reg preview, the legend and the banners", "[gui][theme]") {
    auto hive = openShared("regipy/SYSTEM");
    const QPalette light = guitest::lightPalette();
    const QPalette dark = guitest::breezeDarkPalette();

    QWidget window;
    window.setPalette(light);
    HexPane pane(&window);
    pane.resize(1000, 400);
    pane.setHive(hive);
    pane.showKey(hive->rootOffset());
    QPlainTextEdit editor(&window);
    RegHighlighter highlighter(editor.document(), &editor);
    editor.setPlainText(QString::fromLatin1(kRegText));
    RecoveryBanner recovery(&window);
    DamageBanner damage(&window);
    LayoutView layout(&window);
    layout.setHive(hive);
    REQUIRE(waitUntil([&] { return !layout.isMapping() && layout.fragmentation().allocatedCells > 0; }, 60000));
    QCoreApplication::processEvents();

    REQUIRE_FALSE(pane.hexView()->highlights().empty());
    CHECK(pane.hexView()->highlights().front().color == roleTint(CellRole::KeyNode, light));
    CHECK(highlighter.format(RegHighlighter::Name).foreground().color() == theme::text(theme::Tone::Accent, light));
    const QString lightRecovery = recovery.styleSheet();
    const QString lightDamage = damage.styleSheet();
    CHECK(lightRecovery.contains(theme::banner(theme::Tone::Warning, light).background.name()));
    CHECK(layout.legendText().contains(baseBlockColor(light).name()));

    window.setPalette(dark);
    QCoreApplication::processEvents();

    CHECK(pane.hexView()->highlights().front().color == roleTint(CellRole::KeyNode, dark));
    CHECK(highlighter.format(RegHighlighter::Name).foreground().color() == theme::text(theme::Tone::Accent, dark));
    // Rehighlighted: the document's blocks carry the new colour.
    const QTextBlock nameBlock = editor.document()->findBlockByNumber(3);
    REQUIRE_FALSE(nameBlock.layout()->formats().isEmpty());
    CHECK(nameBlock.layout()->formats().front().format.foreground().color() == theme::text(theme::Tone::Accent, dark));
    CHECK(recovery.styleSheet() != lightRecovery);
    CHECK(recovery.styleSheet().contains(theme::banner(theme::Tone::Warning, dark).background.name()));
    CHECK(damage.styleSheet() != lightDamage);
    CHECK(damage.styleSheet().contains(theme::banner(theme::Tone::Negative, dark).background.name()));
    CHECK(layout.legendText().contains(baseBlockColor(dark).name()));
}

TEST_CASE("An application palette change recolours the models' marks and problems", "[gui][theme]") {
    const QPalette before = QGuiApplication::palette();
    QApplication::setPalette(guitest::adwaitaDarkPalette());
    const QColor added = ChangeMarks::decoration(ChangeMarks::Mark::Added, Qt::ForegroundRole).value<QBrush>().color();
    CHECK(added == theme::text(theme::Tone::Positive, guitest::adwaitaDarkPalette()));
    CHECK(theme::contrastRatio(added, guitest::adwaitaDarkPalette().color(QPalette::Base)) >= theme::kTextContrast);
    QApplication::setPalette(guitest::lightPalette());
    const QColor addedLight = ChangeMarks::decoration(ChangeMarks::Mark::Added, Qt::ForegroundRole).value<QBrush>().color();
    CHECK(addedLight == theme::text(theme::Tone::Positive, guitest::lightPalette()));
    CHECK(addedLight != added);
    QApplication::setPalette(before);
}
