// The window fits a small screen: QT_SCALE_FACTOR=2 on a 1600x1000 screen
// leaves 800x500 logical pixels. Every dock and pane has a minimum size that
// lets the whole window fit there, and the window is fitted to its screen
// when it opens, when a tab opens, and when the screen changes. The real
// check runs this binary again as a child process at scale 2 on an
// offscreen screen of 1600x1000, and takes a screenshot there.
#include <catch2/catch.hpp>

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QWindow>

#include <sstream>

#include "GuiTestSupport.h"
#include "app/MainWindow.h"
#include "app/ScreenFit.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "document/RecoveryBanner.h"
#include "support/TestSupport.h"

using namespace hivekit::gui;
using guitest::waitUntil;
using testsupport::hivePath;
using testsupport::TempDir;

namespace {

/// The logical size of the screen the window must fit.
const QSize kSmallScreen(800, 500);

/// Which shown widgets ask for more than `limit` pixels of height, with
/// their minimum size, indented by depth: says which one to blame.
void describeTall(const QWidget* widget, int limit, int depth, std::ostringstream& out) {
    if (!widget->isVisible()) return;
    const QSize minimum = widget->minimumSizeHint().expandedTo(widget->minimumSize());
    if (minimum.height() > limit)
        out << std::string(static_cast<size_t>(depth) * 2, ' ') << widget->metaObject()->className() << " "
            << widget->objectName().toStdString() << " " << minimum.width() << "x" << minimum.height() << "\n";
    for (const QObject* child : widget->children())
        if (const auto* w = qobject_cast<const QWidget*>(child); w && !w->isWindow()) describeTall(w, limit, depth + 1, out);
}

/// The window's smallest frame: its minimum size and the frame around it.
QSize smallestFrame(const MainWindow& window) {
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    return minimum + (window.frameGeometry().size() - window.geometry().size());
}

/// Opens the corpus hives whose panes ask for the most room: a dirty hive
/// (its recovery banner) and regipy/SYSTEM, then shows every dock.
HiveView* openTallestTabs(MainWindow& window, const TempDir& dir) {
    for (const char* f : {"UsrClass.dat", "UsrClass.dat.LOG1", "UsrClass.dat.LOG2"})
        testsupport::copyFile(hivePath(std::string("regipy/") + f), dir.file(f));
    HiveView* dirty = guitest::openAndWait(window, dir.file("UsrClass.dat"));
    REQUIRE(dirty->banner()->isVisibleTo(dirty));
    HiveView* view = guitest::openAndWait(window, hivePath("regipy/SYSTEM"));
    REQUIRE(waitUntil([&] { return view->document()->checkFinished(); }, 60000));
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) dock->show();
    QCoreApplication::processEvents();
    return view;
}

void checkFits(MainWindow& window, const QSize& screen) {
    std::ostringstream tall;
    describeTall(&window, screen.height() / 4, 0, tall);
    const QSize smallest = smallestFrame(window);
    INFO("the window's smallest frame " << smallest.width() << "x" << smallest.height() << "; widgets over "
                                        << screen.height() / 4 << " px high:\n"
                                        << tall.str());
    CHECK(smallest.width() <= screen.width());
    CHECK(smallest.height() <= screen.height());
}

/// The offscreen platform's configuration for one screen of `size` pixels.
QString writeScreenConfig(const QTemporaryDir& dir, const QSize& size) {
    const QJsonObject screen{{QStringLiteral("name"), QStringLiteral("small")},
                             {QStringLiteral("x"), 0},
                             {QStringLiteral("y"), 0},
                             {QStringLiteral("width"), size.width()},
                             {QStringLiteral("height"), size.height()},
                             {QStringLiteral("logicalDpi"), 96},
                             {QStringLiteral("logicalBaseDpi"), 96},
                             {QStringLiteral("dpr"), 1.0}};
    const QJsonObject config{{QStringLiteral("screens"), QJsonArray{screen}}};
    const QString path = dir.filePath(QStringLiteral("screen.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    return path;
}

const char* const kChildTest = "At scale 2 on a 1600x1000 screen the window with its tabs and docks stays inside it";

}  // namespace

TEST_CASE("fittedFrame shrinks a frame to the available area and moves it on by as little as needed", "[gui][hidpi]") {
    const QRect available(0, 0, 800, 500);
    CHECK(fittedFrame(QRect(10, 20, 300, 200), available) == QRect(10, 20, 300, 200));
    CHECK(fittedFrame(QRect(100, 100, 1280, 820), available) == available);
    // Sticking out at the bottom right: moved up and left, not to the corner.
    CHECK(fittedFrame(QRect(600, 400, 300, 200), available) == QRect(500, 300, 300, 200));
    // On a screen that is gone (left of this one).
    CHECK(fittedFrame(QRect(-2000, 50, 300, 200), QRect(1920, 0, 1600, 1000)) == QRect(1920, 50, 300, 200));
}

TEST_CASE("With a tab open and every dock shown the window's minimum size fits 800x500 logical pixels", "[gui][hidpi]") {
    TempDir dir;
    MainWindow window;
    window.show();
    openTallestTabs(window, dir);
    checkFits(window, kSmallScreen);
    // Every dock may be made low; its content scrolls.
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        INFO(dock->objectName().toStdString() << " minimum height " << dock->minimumSizeHint().height());
        CHECK(dock->minimumSizeHint().height() <= kSmallScreen.height() / 5);
    }
}

TEST_CASE("Opening a tab fits a window that sticks out of its screen back into it", "[gui][hidpi]") {
    MainWindow window;
    window.resize(600, 400);
    window.show();
    QCoreApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    window.move(available.right() - 300, available.bottom() - 200);
    QCoreApplication::processEvents();
    REQUIRE_FALSE(available.contains(window.frameGeometry()));
    guitest::openAndWait(window, hivePath("regipy/SYSTEM"));
    CHECK(waitUntil([&] { return available.contains(window.frameGeometry()); }, 5000));
}

TEST_CASE("A change of the screen's available geometry or of the window's screen fits the window again", "[gui][hidpi]") {
    MainWindow window;
    window.resize(600, 400);
    window.show();
    QCoreApplication::processEvents();
    QScreen* screen = window.screen();
    const QRect available = screen->availableGeometry();
    window.move(available.right() - 100, available.top() + 10);
    QCoreApplication::processEvents();
    REQUIRE_FALSE(available.contains(window.frameGeometry()));
    // What a panel appearing or a resolution change announces.
    emit screen->availableGeometryChanged(available);
    CHECK(waitUntil([&] { return available.contains(window.frameGeometry()); }, 5000));

    window.move(available.left() - 500, available.bottom() - 100);
    QCoreApplication::processEvents();
    REQUIRE_FALSE(available.contains(window.frameGeometry()));
    // What moving the window to another screen announces.
    emit window.windowHandle()->screenChanged(screen);
    CHECK(waitUntil([&] { return available.contains(window.frameGeometry()); }, 5000));
}

TEST_CASE("A window that grows to a larger minimum size past the screen's edge is moved back inside", "[gui][hidpi]") {
    MainWindow window;
    window.resize(600, 400);
    window.show();
    QCoreApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    window.move(available.left() + 10, available.bottom() - 450);
    QCoreApplication::processEvents();
    REQUIRE(available.contains(window.frameGeometry()));
    // What a banner appearing once a hive has loaded does, larger.
    window.centralWidget()->setMinimumHeight(600);
    REQUIRE(waitUntil([&] { return window.height() >= 600; }, 5000));
    CHECK(waitUntil([&] { return available.contains(window.frameGeometry()); }, 5000));
}

TEST_CASE("A window geometry saved on a bigger screen opens inside this one", "[gui][hidpi]") {
    {
        QWidget big;
        big.setGeometry(1500, 900, 2400, 1500);
        QSettings().setValue(QStringLiteral("window/geometry"), big.saveGeometry());
    }
    {
        MainWindow window;
        window.show();
        QCoreApplication::processEvents();
        const QRect available = window.screen()->availableGeometry();
        INFO("window frame " << window.frameGeometry().x() << "," << window.frameGeometry().y() << " "
                             << window.frameGeometry().width() << "x" << window.frameGeometry().height());
        CHECK(waitUntil([&] { return available.contains(window.frameGeometry()); }, 5000));
    }
    QSettings().remove(QStringLiteral("window/geometry"));
}

TEST_CASE("At QT_SCALE_FACTOR=2 on a 1600x1000 screen the window fits the screen", "[gui][hidpi]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString config = writeScreenConfig(dir, QSize(1600, 1000));
    const QString shot = QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-hidpi-800x500.png"));
    QFile::remove(shot);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen:configfile=") + config);
    env.remove(QStringLiteral("QT_SCREEN_SCALE_FACTORS"));
    env.remove(QStringLiteral("QT_AUTO_SCREEN_SCALE_FACTOR"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kChildTest)});
    REQUIRE(child.waitForStarted());
    REQUIRE(child.waitForFinished(600000));
    const QString output = QString::fromLocal8Bit(child.readAll());
    INFO(output.toStdString());
    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    // It ran the check (a filter matching nothing would also pass).
    CHECK(output.contains(QStringLiteral("in 1 test case")));
    // The child's screenshot is in device pixels: wider than the logical screen.
    const QImage image(shot);
    CHECK(image.width() > kSmallScreen.width());
}

// Run by the test above in a child process (hidden: it needs the
// environment that test sets).
TEST_CASE(kChildTest, "[.hidpi-child]") {
    QScreen* screen = QGuiApplication::primaryScreen();
    REQUIRE(screen->devicePixelRatio() == 2.0);
    REQUIRE(screen->availableGeometry().size() == kSmallScreen);

    TempDir dir;
    MainWindow window;
    window.show();
    HiveView* view = openTallestTabs(window, dir);
    REQUIRE(view->goToPath(QStringLiteral("ControlSet001\\Services\\Tcpip\\Parameters")));
    view->valueTable()->selectRow(2);
    QCoreApplication::processEvents();
    checkFits(window, kSmallScreen);
    const QRect frame = window.frameGeometry();
    INFO("window frame " << frame.x() << "," << frame.y() << " " << frame.width() << "x" << frame.height());
    CHECK(waitUntil([&] { return screen->availableGeometry().contains(window.frameGeometry()); }, 5000));

    // The screenshot, in device pixels: twice the logical size.
    const QImage image = window.grab().toImage();
    CHECK(image.size() == window.size() * 2);
    REQUIRE(image.save(QDir(QDir::tempPath()).filePath(QStringLiteral("hivekit-hidpi-800x500.png")), "PNG"));
    const QByteArray published = qgetenv("HIVEKIT_SCREENSHOT_DIR");
    if (!published.isEmpty())
        REQUIRE(image.save(QDir(QString::fromLocal8Bit(published)).filePath(QStringLiteral("hidpi-800x500.png")), "PNG", 0));
}
