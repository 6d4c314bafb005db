// The translations are complete and current: every tr() string of the GUI's
// sources is in each .ts file (lupdate run now finds nothing new), every
// entry is finished, keeps its placeholders, accelerator and markup, German
// and French plural forms follow each language's rule, the compiled
// translations load for the locale, and the main window shows no English
// string that has a translation.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>

#include <map>
#include <set>

#include "search/HiveSearch.h"
#include "document/HiveView.h"
#include "app/MainWindow.h"
#include "app/Translations.h"
#include "TsFile.h"
#include "support/TestSupport.h"

using hivekit::gui::Translations;
using namespace packagingtests;

namespace {

const QString kTsDir = QStringLiteral(HIVEKIT_SOURCE_DIR "/translations");
const QString kGuiDir = QStringLiteral(HIVEKIT_SOURCE_DIR "/gui");
// The languages translated in full; English (the source language) has a
// file with the plural forms only.
const QStringList kLanguages = {QStringLiteral("de"), QStringLiteral("fr")};
const QStringList kAllFiles = {QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("fr")};

QString tsPath(const QString& language) { return kTsDir + QStringLiteral("/hivekit_") + language + QStringLiteral(".ts"); }

TsFile readTs(const QString& path) {
    TsFile ts = readTsFile(path);
    INFO(ts.error.toStdString());
    REQUIRE(ts.error.isEmpty());
    return ts;
}

std::string show(const TsMessage& m) {
    return (m.context + QStringLiteral(": \"") + m.source + QStringLiteral("\"")).toStdString();
}

/// The GUI's sources, as translations/CMakeLists.txt gives them to lupdate.
QStringList guiSources() {
    QStringList out;
    QDirIterator it(kGuiDir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) out << it.next();
    out.sort();
    return out;
}

/// %1..%99, %n and %Ln, as a sorted list (a placeholder may repeat).
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) out << it.next().captured(0);
    out.sort();
    return out;
}

/// The accelerator marks (& before a character other than & or space),
/// markup entities such as &amp; excepted.
int accelerators(const QString& text) {
    static const QRegularExpression re(QStringLiteral("&(?![&\\s])(?![a-zA-Z]+;|#\\d+;)"));
    int count = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next()) ++count;
    return count;
}

/// The markup tags, in order (only HTML's: "<unreadable key at %1>" is text).
QStringList tags(const QString& text) {
    static const QRegularExpression re(QStringLiteral(
        "</?(?:a|b|i|u|p|br|h[1-6]|small|big|span|div|tt|code|em|strong|ul|ol|li|table|tr|td|th|nobr|qt)\\b"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) out << it.next().captured(0);
    return out;
}

QString leadingSpace(const QString& s) { return s.left(s.size() - QString(s).remove(QRegularExpression(QStringLiteral("^\\s+"))).size()); }
QString trailingSpace(const QString& s) { return s.right(s.size() - QString(s).remove(QRegularExpression(QStringLiteral("\\s+$"))).size()); }

/// Runs events until `done` or the time runs out.
template <typename Done>
bool waitFor(Done done, int ms = 30000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

/// Every user-visible text of a window and its children.
QStringList visibleTexts(QWidget* window) {
    QStringList out;
    auto add = [&](const QString& text) {
        if (!text.trimmed().isEmpty()) out << text;
    };
    for (QAction* action : window->findChildren<QAction*>()) {
        add(action->text());
        add(action->toolTip());
        add(action->statusTip());
    }
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        add(widget->toolTip());
        add(widget->windowTitle());
        if (auto* label = qobject_cast<QLabel*>(widget)) add(label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(widget)) add(button->text());
        if (auto* menu = qobject_cast<QMenu*>(widget)) add(menu->title());
        if (auto* box = qobject_cast<QGroupBox*>(widget)) add(box->title());
        if (auto* edit = qobject_cast<QLineEdit*>(widget)) add(edit->placeholderText());
        if (auto* tabs = qobject_cast<QTabWidget*>(widget))
            for (int i = 0; i < tabs->count(); ++i) add(tabs->tabText(i));
        // The artefact tables show the engine's decoders: column names and
        // fields are data, the same in every language (as hivectl's CSV and
        // JSON keys are), like the hive's own key and value names.
        const auto inArtefactTable = [](const QWidget* w) {
            for (; w; w = w->parentWidget())
                if (w->objectName() == QStringLiteral("artefactTable")) return true;
            return false;
        };
        if (inArtefactTable(widget)) continue;
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model()) {
            QAbstractItemModel* model = view->model();
            for (int c = 0; c < model->columnCount(); ++c) add(model->headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < std::min(model->rowCount(), 50); ++r)
                for (int c = 0; c < model->columnCount(); ++c) {
                    add(model->index(r, c).data(Qt::DisplayRole).toString());
                    add(model->index(r, c).data(Qt::ToolTipRole).toString());
                }
        }
    }
    return out;
}

/// The main window in the given language with a hive open at a key with
/// values; returns its visible texts.
QStringList mainWindowTexts(const QLocale& locale) {
    Translations::install(locale);
    hivekit::gui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QStringList texts = visibleTexts(&window);  // the welcome page
    hivekit::gui::HiveView* view = window.openFile(QString::fromStdString(testsupport::hivePath("regipy/SAM")));
    REQUIRE(view);
    REQUIRE(waitFor([&] { return view->isLoaded(); }));
    view->goToPath(QStringLiteral("SAM\\Domains\\Account"));
    waitFor([] { return false; }, 300);
    texts << visibleTexts(&window);
    window.close();
    Translations::install(QLocale(QLocale::English));
    return texts;
}

/// Menus whose accelerators clash: two entries marked with the same letter.
QStringList acceleratorClashes(QWidget* window) {
    QStringList out;
    auto check = [&](const QString& where, const QList<QAction*>& actions) {
        QMap<QChar, QString> seen;
        for (QAction* action : actions) {
            if (action->isSeparator() || !action->isVisible()) continue;
            const QString text = action->text();
            const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&\\s]")));
            if (at < 0) continue;
            const QChar letter = text.at(at + 1).toLower();
            if (seen.contains(letter)) out << where + QStringLiteral(": ") + seen[letter] + QStringLiteral(" / ") + text;
            seen[letter] = text;
        }
    };
    for (QMenuBar* bar : window->findChildren<QMenuBar*>()) check(QStringLiteral("menu bar"), bar->actions());
    for (QMenu* menu : window->findChildren<QMenu*>()) check(menu->title(), menu->actions());
    return out;
}

}  // namespace

TEST_CASE("Each .ts file holds every tr() string of the GUI sources and nothing else", "[translations]") {
    REQUIRE(guiSources().size() > 10);
    for (const QString& language : kAllFiles) {
        INFO("hivekit_" << language.toStdString() << ".ts");
        const TsFile committed = readTs(tsPath(language));

        // lupdate into a copy, with the options of the update_translations target.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("hivekit_") + language + QStringLiteral(".ts"));
        REQUIRE(QFile::copy(tsPath(language), copy));
        QProcess lupdate;
        QStringList args = {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                            QStringLiteral("-I"), kGuiDir, QStringLiteral("-I"), QStringLiteral(HIVEKIT_SOURCE_DIR "/engine")};
        if (language == QStringLiteral("en")) args << QStringLiteral("-pluralonly");
        args << guiSources() << QStringLiteral("-ts") << copy;
        lupdate.start(QStringLiteral(HIVEKIT_LUPDATE), args);
        REQUIRE(lupdate.waitForFinished(120000));
        INFO(lupdate.readAllStandardError().toStdString());
        REQUIRE(lupdate.exitCode() == 0);
        const TsFile current = readTs(copy);

        QSet<QString> committedKeys, currentKeys;
        for (const auto& m : committed.messages) committedKeys.insert(m.key());
        for (const auto& m : current.messages) currentKeys.insert(m.key());
        for (const auto& m : current.messages) {
            INFO("in the sources but not in the .ts file (run: ninja update_translations, then translate): " << show(m));
            CHECK(committedKeys.contains(m.key()));
        }
        for (const auto& m : committed.messages) {
            INFO("in the .ts file but no longer in the sources (run: ninja update_translations): " << show(m));
            CHECK(currentKeys.contains(m.key()));
        }
        CHECK(committed.messages.size() == current.messages.size());
    }
}

TEST_CASE("No entry of a .ts file is unfinished, obsolete or empty", "[translations]") {
    for (const QString& language : kAllFiles) {
        INFO("hivekit_" << language.toStdString() << ".ts");
        const TsFile ts = readTs(tsPath(language));
        CHECK(ts.language.startsWith(language));
        REQUIRE(ts.messages.size() >= (language == QStringLiteral("en") ? 10 : 100));
        for (const auto& m : ts.messages) {
            INFO(show(m));
            CHECK(m.type.isEmpty());
            if (m.numerus) {
                // English, German and French have two forms: singular and plural.
                REQUIRE(m.forms.size() == 2);
                for (const QString& form : m.forms) CHECK_FALSE(form.trimmed().isEmpty());
            } else {
                CHECK_FALSE(m.translation.trimmed().isEmpty());
            }
        }
    }
}

TEST_CASE("Translations keep their source's placeholders, accelerator, markup and edge spaces", "[translations]") {
    for (const QString& language : kAllFiles) {
        const TsFile ts = readTs(tsPath(language));
        for (const auto& m : ts.messages) {
            INFO(language.toStdString() << ": " << show(m));
            const QStringList texts = m.numerus ? m.forms : QStringList{m.translation};
            for (const QString& text : texts) {
                INFO("translation: \"" << text.toStdString() << "\"");
                CHECK(placeholders(text) == placeholders(m.source));
                CHECK(accelerators(text) == accelerators(m.source));
                CHECK(tags(text) == tags(m.source));
                CHECK(text.count(QLatin1Char('\n')) == m.source.count(QLatin1Char('\n')));
                CHECK(leadingSpace(text) == leadingSpace(m.source));
                CHECK(trailingSpace(text) == trailingSpace(m.source));
            }
        }
    }
}

TEST_CASE("Counted strings are plural forms (%n) translated by each language's rule", "[translations]") {
    // English and German: singular for 1 only; French: singular for 0 and 1.
    struct Rule {
        const char* locale;
        int (*form)(int n);
    };
    const Rule rules[] = {{"en_US", [](int n) { return n == 1 ? 0 : 1; }},
                          {"de_DE", [](int n) { return n == 1 ? 0 : 1; }},
                          {"fr_FR", [](int n) { return n <= 1 ? 0 : 1; }}};
    int plurals = 0;
    for (const Rule& rule : rules) {
        const QString locale = QString::fromLatin1(rule.locale);
        REQUIRE(Translations::install(QLocale(locale)));
        const TsFile ts = readTs(tsPath(locale.left(2)));
        for (const auto& m : ts.messages) {
            if (!m.numerus) continue;
            ++plurals;
            INFO(rule.locale << ": " << show(m));
            for (int n : {0, 1, 2, 5, 21}) {
                INFO("n = " << n);
                const QString expected = QString(m.forms[rule.form(n)])
                                             .replace(QStringLiteral("%Ln"), QLocale().toString(n))
                                             .replace(QStringLiteral("%n"), QString::number(n));
                CHECK(QCoreApplication::translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                                  m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData(),
                                                  n) == expected);
            }
        }
    }
    Translations::install(QLocale(QLocale::English));
    // The GUI counts keys, bytes, problems and hits: with %n, in each language.
    CHECK(plurals >= 3 * 10);
}

TEST_CASE("The translations load for the locale's language, and English needs none", "[translations]") {
    CHECK(Translations::languages() == kAllFiles);

    REQUIRE(Translations::install(QLocale(QStringLiteral("de_DE"))));
    CHECK(QCoreApplication::translate("hivekit::gui::MainWindow", "&File") == QStringLiteral("&Datei"));
    CHECK(QCoreApplication::translate("main", "Hive files to open.") == QStringLiteral("Zu öffnende Strukturdateien."));

    // Another country of the language falls back to the language.
    REQUIRE(Translations::install(QLocale(QStringLiteral("fr_CA"))));
    CHECK(QCoreApplication::translate("hivekit::gui::MainWindow", "&File") == QStringLiteral("&Fichier"));
    REQUIRE(Translations::install(QLocale(QStringLiteral("de_AT"))));
    CHECK(QCoreApplication::translate("hivekit::gui::MainWindow", "&File") == QStringLiteral("&Datei"));

    // A language without a translation, and English, show the source text
    // with English plurals: nothing of the previous language is left.
    CHECK_FALSE(Translations::install(QLocale(QStringLiteral("ja_JP"))));
    CHECK(QCoreApplication::translate("hivekit::gui::MainWindow", "&File") == QStringLiteral("&File"));
    CHECK(QCoreApplication::translate("hivekit::gui::SearchDock", "%Ln hit(s)", nullptr, 1) == QStringLiteral("1 hit"));
    CHECK(QCoreApplication::translate("hivekit::gui::SearchDock", "%Ln hit(s)", nullptr, 0) == QStringLiteral("0 hits"));
    CHECK(Translations::install(QLocale(QLocale::English)));
    CHECK(QCoreApplication::translate("hivekit::gui::MainWindow", "&File") == QStringLiteral("&File"));
    CHECK(QCoreApplication::translate("hivekit::gui::SearchDock", "%Ln hit(s)", nullptr, 2) == QStringLiteral("2 hits"));
}

TEST_CASE("Qt's own buttons and dialogs speak German and French with the application", "[translations]") {
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    INFO(qtbase.toStdString() << " is missing: apt-get install qt6-translations-l10n");
    REQUIRE(QFileInfo::exists(qtbase));
    REQUIRE(Translations::install(QLocale(QStringLiteral("de_DE"))));
    {
        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"),
                        QMessageBox::Cancel | QMessageBox::Discard);
        CHECK(box.button(QMessageBox::Cancel)->text() == QStringLiteral("Abbrechen"));
        CHECK(box.button(QMessageBox::Discard)->text() == QStringLiteral("Verwerfen"));
    }
    REQUIRE(Translations::install(QLocale(QStringLiteral("fr_FR"))));
    {
        QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"), QMessageBox::Cancel);
        CHECK(box.button(QMessageBox::Cancel)->text() == QStringLiteral("Annuler"));
    }
    Translations::install(QLocale(QLocale::English));
    QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("t"), QMessageBox::Cancel);
    CHECK(box.button(QMessageBox::Cancel)->text() == QStringLiteral("Cancel"));
}

TEST_CASE("The main window in German and French shows no English string that has a translation", "[translations]") {
    // Every source text whose translation differs from it, per language.
    for (const QString& language : kLanguages) {
        INFO("language: " << language.toStdString());
        const TsFile ts = readTs(tsPath(language));
        QSet<QString> english, translated;
        for (const auto& m : ts.messages) {
            if (m.numerus) continue;
            translated.insert(m.translation);
            if (m.translation != m.source) english.insert(m.source);
        }
        const QStringList texts = mainWindowTexts(QLocale(language));
        REQUIRE(texts.size() > 50);
        for (const QString& text : texts) {
            INFO("shown: \"" << text.toStdString() << "\"");
            CHECK_FALSE((english.contains(text) && !translated.contains(text)));
        }
    }
}

TEST_CASE("Translated menus mark no more entries with the same accelerator than the English ones", "[translations]") {
    auto clashesIn = [](const QLocale& locale) {
        Translations::install(locale);
        hivekit::gui::MainWindow window;
        const QStringList clashes = acceleratorClashes(&window);
        window.close();
        return clashes;
    };
    // English clashes are the sources' to fix; a translation must not add any.
    const QStringList english = clashesIn(QLocale(QLocale::English));
    for (const QString& language : kLanguages) {
        INFO("language: " << language.toStdString());
        const QStringList clashes = clashesIn(QLocale(language));
        INFO("translated: " << clashes.join(QStringLiteral("\n")).toStdString());
        INFO("English: " << english.join(QStringLiteral("\n")).toStdString());
        CHECK(clashes.size() <= english.size());
    }
    Translations::install(QLocale(QLocale::English));
}

TEST_CASE("Strings translated through a helper outside a class are found under lupdate's context", "[translations]") {
    // HiveSearch translates with a free tr() of its own; lupdate files its
    // strings under the class, and the helper must ask for that context.
    REQUIRE(Translations::install(QLocale(QStringLiteral("de_DE"))));
    CHECK(hivekit::gui::HiveSearch(hivekit::gui::SearchQuery{}).error() ==
          QStringLiteral("Geben Sie etwas ein, wonach gesucht werden soll."));
    REQUIRE(Translations::install(QLocale(QStringLiteral("fr_FR"))));
    CHECK(hivekit::gui::HiveSearch(hivekit::gui::SearchQuery{}).error() == QStringLiteral("Saisissez le texte à rechercher."));
    Translations::install(QLocale(QLocale::English));
}
