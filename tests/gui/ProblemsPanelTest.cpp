// The Problems panel says what `hivectl check` says: the same structural
// check (engine/hive/Checker), run off the GUI thread with progress and a
// stop, its rows equal to `hivectl check --json`'s problems hive by hive;
// the damage banner; the question asked before editing a damaged hive.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "editing/CommitDialog.h"
#include "document/DamageBanner.h"
#include "problems/DiagnosticsDock.h"
#include "problems/DiagnosticsModel.h"
#include "editing/EditActions.h"
#include "editing/EditSession.h"
#include "GuiTestSupport.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "app/MainWindow.h"
#include "hive/Diagnostics.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;
using namespace testsupport;
using guitest::BusyThreadPool;
using guitest::openAndWait;
using guitest::qpath;
using guitest::waitUntil;

namespace {

/// One problem as a row: severity name as hivectl prints it, file offset
/// (nothing when none applies), message.
struct ProblemRow {
    std::string severity;
    std::optional<uint64_t> offset;
    std::string message;
    bool operator==(const ProblemRow&) const = default;
};

std::ostream& operator<<(std::ostream& out, const ProblemRow& r) {
    out << r.severity << '\t';
    if (r.offset) out << "0x" << std::hex << *r.offset << std::dec;
    else out << '-';
    return out << '\t' << r.message;
}

/// What `hivectl check --json` printed for one file.
struct CliCheck {
    std::vector<ProblemRow> rows;
    uint64_t errors = 0;
    uint64_t warnings = 0;
    uint64_t dropped = 0;
};

CliCheck parseCheckJson(const std::string& json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    INFO(json);
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject top = doc.object();
    CliCheck out;
    out.errors = static_cast<uint64_t>(top.value(QStringLiteral("errors")).toInteger());
    out.warnings = static_cast<uint64_t>(top.value(QStringLiteral("warnings")).toInteger());
    out.dropped = static_cast<uint64_t>(top.value(QStringLiteral("dropped")).toInteger());
    for (const QJsonValue& v : top.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject p = v.toObject();
        ProblemRow row;
        row.severity = p.value(QStringLiteral("severity")).toString().toStdString();
        const QJsonValue offset = p.value(QStringLiteral("offset"));
        if (!offset.isNull()) row.offset = static_cast<uint64_t>(offset.toInteger());
        row.message = p.value(QStringLiteral("message")).toString().toStdString();
        out.rows.push_back(std::move(row));
    }
    return out;
}

/// The rows of the Problems panel as the user sees them (through the
/// dock's own view and its sorting proxy, unsorted).
std::vector<ProblemRow> panelRows(DiagnosticsDock* dock) {
    const QAbstractItemModel* shown = dock->view()->model();
    std::vector<ProblemRow> rows;
    for (int r = 0; r < shown->rowCount(); ++r) {
        const QModelIndex severity = shown->index(r, DiagnosticsModel::SeverityColumn);
        ProblemRow row;
        row.severity = severityName(
            static_cast<Diagnostic::Severity>(severity.data(DiagnosticsModel::SeverityRole).toInt()));
        const QVariant offset = severity.data(DiagnosticsModel::FileOffsetRole);
        if (offset.isValid()) {
            row.offset = offset.toULongLong();
            // The offset column shows the same number.
            CHECK(shown->index(r, DiagnosticsModel::OffsetColumn).data().toString().toULongLong(nullptr, 16) ==
                  *row.offset);
        }
        row.message = shown->index(r, DiagnosticsModel::MessageColumn).data().toString().toStdString();
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A hive written by python3-hivex with names outside ASCII, whose lh
/// hashes hivex computes otherwise than Windows does.
std::string hivexHiveWithNonAsciiNames(const TempDir& dir) {
    if (run({"/usr/bin/python3", "-c", "import hivex"}).exitCode != 0)
        FAIL("python3-hivex is missing: apt-get install python3-hivex");
    const std::string path = copyFile(hivePath("hivex/minimal"), dir.file("nonascii.hive"));
    const char* script = R"PY(
import hivex, sys
h = hivex.Hivex(sys.argv[1], write=True)
root = h.root()
for name in ["Ключ", "日本語", "Größe", "Ωmega", "ascii", "Ünïcödé"]:
    node = h.node_add_child(root, name)
    child = h.node_add_child(node, name + "-κ")
    h.node_set_value(child, {"key": "Wert-ß", "t": 1, "value": "x\0".encode("utf-16-le")})
h.commit(None)
)PY";
    const ProcessResult r = run({"/usr/bin/python3", "-c", script, path});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return path;
}

/// Every file of the corpus, by its full path, sorted.
std::vector<std::string> corpusPaths() {
    std::vector<std::string> files;
    for (const std::string& relative : testsupport::corpusFiles()) files.push_back(hivePath(relative));
    return files;
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

/// A .LOG1 lies beside `file`, whatever the case of its name (as Windows,
/// and the engine, look for it).
bool hasLogBeside(const std::string& file) {
    const std::filesystem::path path(file);
    const std::string wanted = lowered(path.filename().string() + ".log1");
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path()))
        if (lowered(entry.path().filename().string()) == wanted) return true;
    return false;
}

void closeAllTabs(MainWindow& window) {
    while (window.tabs()->count() > 0) emit window.tabs()->tabCloseRequested(0);
}

/// Opens `file` in `window` and compares the Problems panel, once the check
/// has ended, with `hivectl check --json` (CHECKs). Without `useLogs`, the
/// tab shows the primary file without its logs, and hivectl is given
/// --no-logs. Nothing when hivectl says the file is not a hive (the GUI
/// must then fail to open it too).
std::optional<CliCheck> compareWithHivectl(MainWindow& window, const std::string& file, bool useLogs = true) {
    DiagnosticsDock* dock = window.diagnosticsDock();
    const ProcessResult cli =
        useLogs ? hivectl({"check", "--json", file}) : hivectl({"check", "--json", "--no-logs", file});
    HiveView* view = window.openFile(qpath(file));
    REQUIRE(waitUntil([&] { return !view->document()->isLoading(); }));
    if (!useLogs && view->document()->hive()) {
        view->reopen(false);
        REQUIRE(waitUntil([&] { return !view->document()->isLoading(); }));
        REQUIRE_FALSE(view->document()->usesLogs());
    }
    if (cli.exitCode == 3) {
        CHECK(view->document()->hive() == nullptr);
        closeAllTabs(window);
        return std::nullopt;
    }
    REQUIRE((cli.exitCode == 0 || cli.exitCode == 1));
    CliCheck expected = parseCheckJson(cli.out);
    REQUIRE(view->document()->hive() != nullptr);
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }, 600000));
    REQUIRE(dock->document() == view->document());

    const std::vector<ProblemRow> shown = panelRows(dock);
    CHECK(shown.size() == expected.rows.size());
    size_t differing = 0;
    for (size_t i = 0; i < std::min(shown.size(), expected.rows.size()); ++i) {
        if (shown[i] == expected.rows[i]) continue;
        // The first few differences are enough to see what is wrong.
        if (++differing > 5) break;
        INFO("row " << i);
        CHECK(shown[i] == expected.rows[i]);
    }
    CHECK(differing == 0);
    const DiagnosticsModel* model = dock->model();
    CHECK(static_cast<uint64_t>(model->count(Diagnostic::Severity::Error)) == expected.errors);
    CHECK(static_cast<uint64_t>(model->count(Diagnostic::Severity::Warning)) == expected.warnings);
    CHECK(model->dropped() == expected.dropped);
    // The summary says "No problems found." exactly when hivectl says the
    // hive is clean.
    CHECK(dock->summary().startsWith(QStringLiteral("No problems found.")) ==
          (expected.errors == 0 && expected.warnings == 0 && expected.dropped == 0));
    closeAllTabs(window);
    return expected;
}

}  // namespace

TEST_CASE("The Problems panel lists what hivectl check --json lists, hive by hive, over the whole corpus and a "
          "hivex-written hive with non-ASCII names",
          "[gui][problems]") {
    TempDir dir;
    std::vector<std::string> files = corpusPaths();
    const std::string hivexHive = hivexHiveWithNonAsciiNames(dir);
    files.push_back(hivexHive);

    MainWindow window;
    int compared = 0, notHives = 0;
    bool sawLhHash = false, sawNoHiveEntry = false, sawChecksumError = false;
    for (const std::string& file : files) {
        INFO(file);
        const std::optional<CliCheck> expected = compareWithHivectl(window, file);
        if (!expected) {
            ++notHives;
            continue;
        }
        for (const ProblemRow& r : expected->rows) {
            sawLhHash |= file == hivexHive && r.severity == "error" && r.message.find(") has hash ") != std::string::npos;
            sawNoHiveEntry |= r.severity == "error" && r.message.find("lack KEY_HIVE_ENTRY") != std::string::npos;
            sawChecksumError |= r.severity == "error" && r.message.find("base block: checksum is") != std::string::npos;
        }
        ++compared;
    }
    // The loop met the cases the panel once got wrong. ez/NotAHive and the
    // transaction logs are not hives (a log is refused as one, named a log).
    const auto isLog = [](const std::string& f) {
        std::string lower = f;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lower.ends_with(".log") || lower.ends_with(".log1") || lower.ends_with(".log2");
    };
    const auto logs = std::count_if(files.begin(), files.end(), isLog);
    CHECK(logs >= 6);
    CHECK(notHives == 1 + logs);
    CHECK(compared == static_cast<int>(files.size()) - notHives);
    CHECK(compared >= 22);
    CHECK(sawLhHash);
    CHECK(sawNoHiveEntry);
    CHECK(sawChecksumError);
}

TEST_CASE("Showing a dirty hive's primary file without its logs, the Problems panel lists what hivectl check "
          "--no-logs lists",
          "[gui][problems]") {
    MainWindow window;
    int compared = 0;
    for (const std::string& file : corpusPaths()) {
        if (!hasLogBeside(file)) continue;
        INFO(file);
        const std::optional<CliCheck> expected = compareWithHivectl(window, file, false);
        REQUIRE(expected);
        // The primary files of the corpus's dirty hives say so.
        CHECK(expected->warnings >= 1);
        ++compared;
    }
    CHECK(compared >= 4);
}

TEST_CASE("On a large hive (HIVEKIT_LARGE_HIVE, tests/bench/make-large-hive.py) the Problems panel lists what "
          "hivectl check --json lists",
          "[.bench][problemsbench]") {
    const QString path = qEnvironmentVariable("HIVEKIT_LARGE_HIVE");
    if (path.isEmpty()) FAIL("set HIVEKIT_LARGE_HIVE to a large hive");
    MainWindow window;
    QElapsedTimer clock;
    clock.start();
    const std::optional<CliCheck> expected = compareWithHivectl(window, path.toStdString());
    REQUIRE(expected);
    WARN(expected->errors << " errors, " << expected->warnings << " warnings, " << expected->dropped
                          << " dropped; hivectl and the GUI's check together took " << clock.elapsed() << " ms");
}

TEST_CASE("A damaged hive gets a banner with its error and warning counts, which opens the closed Problems panel",
          "[gui][problems]") {
    MainWindow window;
    window.show();
    DiagnosticsDock* dock = window.diagnosticsDock();
    dock->close();
    REQUIRE_FALSE(dock->isVisible());

    HiveView* damaged = openAndWait(window, hivePath("regipy/corrupted_system_hive"));
    REQUIRE(waitUntil([&] { return damaged->document()->checkFinished(); }));
    QCoreApplication::processEvents();
    DamageBanner* banner = damaged->damageBanner();
    CHECK(banner->isVisible());
    INFO(banner->text().toStdString());
    // (The tests run without a translator: English plurals show as "(s)".)
    CHECK(banner->text().contains(QStringLiteral("218 error")));
    CHECK(banner->text().contains(QStringLiteral("1 warning")));
    CHECK(banner->text().contains(QStringLiteral("damaged")));
    CHECK_FALSE(dock->isVisible());
    banner->showButton()->click();
    CHECK(dock->isVisible());
    CHECK(dock->model() == damaged->document()->diagnostics());
    CHECK(dock->model()->count(Diagnostic::Severity::Error) == 218);

    // Warnings alone (a dirty hive without its logs) and a clean hive: no banner.
    HiveView* warnings = openAndWait(window, hivePath("regipy/amcache.hve"));
    REQUIRE(waitUntil([&] { return warnings->document()->checkFinished(); }));
    CHECK(warnings->document()->diagnostics()->count(Diagnostic::Severity::Warning) == 1);
    CHECK_FALSE(warnings->damageBanner()->isVisible());
    HiveView* clean = openAndWait(window, hivePath("ez/NTUSER1.DAT"));
    REQUIRE(waitUntil([&] { return clean->document()->checkFinished(); }));
    CHECK_FALSE(clean->damageBanner()->isVisible());
    CHECK(dock->summary().toStdString() == "No problems found.");
}

TEST_CASE("The check runs beside the GUI with progress up to its end, and a stopped check shows nothing until it is "
          "run again",
          "[gui][problems]") {
    MainWindow window;
    DiagnosticsDock* dock = window.diagnosticsDock();
    HiveView* view = window.openFile(qpath(hivePath("regipy/SYSTEM")));
    HiveDocument* document = view->document();
    QSignalSpy progress(document, &HiveDocument::checkProgressed);
    QSignalSpy ended(document, &HiveDocument::checkEnded);
    // What the window shows as the check starts (the dock updates first).
    bool loadedAtStart = false, progressShown = false;
    QString buttonText, summary;
    QObject::connect(document, &HiveDocument::checkStarted, &window, [&] {
        loadedAtStart = view->isLoaded();
        progressShown = dock->progressBar()->isVisibleTo(dock);
        buttonText = dock->checkButton()->text();
        summary = dock->summary();
    }, Qt::SingleShotConnection);
    REQUIRE(waitUntil([&] { return ended.count() == 1; }, 60000));
    // The tree was there while the check went on.
    CHECK(loadedAtStart);
    CHECK(progressShown);
    CHECK(buttonText.toStdString() == "Stop");
    CHECK(summary.toStdString() == "Checking the structure of the whole hive…");
    CHECK(ended.at(0).at(0).toBool());
    REQUIRE(progress.count() >= 1);
    int last = -1;
    for (const auto& args : progress) {
        CHECK(args.at(0).toInt() >= last);
        last = args.at(0).toInt();
    }
    CHECK(last == 1000);
    CHECK(document->keyCount() == 30756);
    CHECK(document->valueCount() == 73456);
    CHECK_FALSE(dock->progressBar()->isVisibleTo(dock));
    CHECK_FALSE(dock->checkButton()->isVisibleTo(dock));

    // Every worker thread busy: the next check is queued, and stopped
    // before it can start.
    BusyThreadPool pool;
    document->startCheck();
    CHECK(document->isChecking());
    CHECK_FALSE(document->checkFinished());
    CHECK(dock->model()->rowCount() == 0);
    dock->checkButton()->click();  // Stop
    pool.release();
    REQUIRE(waitUntil([&] { return ended.count() == 2; }, 60000));
    CHECK_FALSE(ended.at(1).at(0).toBool());
    CHECK_FALSE(document->checkFinished());
    CHECK(dock->model()->rowCount() == 0);
    INFO(dock->summary().toStdString());
    CHECK(dock->summary().contains(QStringLiteral("stopped")));
    REQUIRE(dock->checkButton()->isVisibleTo(dock));
    CHECK(dock->checkButton()->text().toStdString() == "Check Again");

    dock->checkButton()->click();
    REQUIRE(waitUntil([&] { return ended.count() == 3; }, 60000));
    CHECK(ended.at(2).at(0).toBool());
    CHECK(document->checkFinished());
    CHECK(dock->summary().toStdString() == "No problems found.");
}

TEST_CASE("The engine's check reports its progress and stops when asked, saying so", "[gui][problems]") {
    const auto hive = guitest::openHive(hivePath("regipy/SYSTEM"));
    std::vector<unsigned> shares;
    const std::atomic<bool> keepGoing{false};
    const CheckOutcome full = HiveDocument::check(*hive, keepGoing, [&](unsigned p) { shares.push_back(p); });
    CHECK_FALSE(full.report.stopped);
    REQUIRE(shares.size() > 10);
    CHECK(shares.front() == 0);
    CHECK(shares.back() == 1000);
    CHECK(std::is_sorted(shares.begin(), shares.end()));
    CHECK(std::adjacent_find(shares.begin(), shares.end()) == shares.end());  // each one larger
    CHECK_FALSE(full.valueOwners.empty());

    const std::atomic<bool> stopAtOnce{true};
    const CheckOutcome stopped = HiveDocument::check(*hive, stopAtOnce);
    CHECK(stopped.report.stopped);
    CHECK(stopped.report.keys == 0);
    CHECK(stopped.valueOwners.empty());
}

TEST_CASE("Opening a hive with structural errors for editing asks first, and a backup is then preselected in the "
          "commit dialog",
          "[gui][problems][edit]") {
    TempDir dir;
    const std::string damaged = copyFile(hivePath("ez/SECURITYNoRoot"), dir.file("SECURITY"));
    const std::string clean = copyFile(hivePath("ez/NTUSER1.DAT"), dir.file("NTUSER.DAT"));
    MainWindow window;
    window.show();
    EditActions* edit = window.editActions();
    int asked = 0;
    int errorsSaid = -1;
    EditActions::DamagedEditChoice answer = EditActions::DamagedEditChoice::Cancel;
    edit->damagedEditPrompt = [&](HiveView*, int errors) {
        ++asked;
        errorsSaid = errors;
        return answer;
    };

    // Asked at once if the check has ended, after it otherwise.
    HiveView* view = openAndWait(window, damaged);
    edit->editModeAction()->trigger();
    REQUIRE(waitUntil([&] { return asked == 1; }));
    CHECK(errorsSaid == 1);
    CHECK_FALSE(view->isEditing());
    CHECK_FALSE(edit->editModeAction()->isChecked());

    answer = EditActions::DamagedEditChoice::EditWithoutBackup;
    edit->editModeAction()->trigger();
    CHECK(asked == 2);
    REQUIRE(view->isEditing());
    CHECK_FALSE(view->backupAdvised());
    edit->editModeAction()->trigger();  // leave (nothing pending)
    REQUIRE_FALSE(view->isEditing());

    answer = EditActions::DamagedEditChoice::EditWithBackup;
    edit->editModeAction()->trigger();
    CHECK(asked == 3);
    REQUIRE(view->isEditing());
    CHECK(view->backupAdvised());
    QString error;
    REQUIRE(view->editSession()->newKey(QString(), QStringLiteral("Added"), &error));
    // The real commit dialog, as the Commit action shows it: backup ticked.
    std::optional<bool> backupTicked;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<CommitDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        backupTicked = dialog->choice().backup;
        dialog->reject();
    });
    CHECK_FALSE(edit->commitPrompt(view).has_value());
    REQUIRE(backupTicked.has_value());
    CHECK(*backupTicked);

    // A hive without errors is not asked about.
    HiveView* cleanView = openAndWait(window, clean);
    edit->editModeAction()->trigger();
    REQUIRE(waitUntil([&] { return cleanView->isEditing(); }));
    CHECK(asked == 3);
    CHECK_FALSE(cleanView->backupAdvised());
}

TEST_CASE("The question before editing a damaged hive counts its errors and proposes a backup", "[gui][problems][edit]") {
    TempDir dir;
    const std::string damaged = copyFile(hivePath("ez/SECURITYNoRoot"), dir.file("SECURITY"));
    MainWindow window;
    window.show();
    HiveView* view = openAndWait(window, damaged);
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }));
    QString text;
    QStringList buttons;
    QTimer::singleShot(0, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        text = box->text();
        for (QAbstractButton* b : box->buttons()) buttons << b->text();
        CHECK(box->defaultButton()->text().toStdString() == "Edit with a Backup");
        box->button(QMessageBox::Cancel)->click();
    });
    CHECK(window.editActions()->damagedEditPrompt(view, 1) == EditActions::DamagedEditChoice::Cancel);
    // (The tests run without a translator: English plurals show as "(s)".)
    CHECK(text.startsWith(QStringLiteral("SECURITY has 1 structural error")));
    CHECK(text.endsWith(QStringLiteral("; editing may make it worse.")));
    CHECK(buttons.contains(QStringLiteral("Edit with a Backup")));
    CHECK(buttons.contains(QStringLiteral("Edit without Backup")));
}
