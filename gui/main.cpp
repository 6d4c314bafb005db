// hivekit: the desktop application. Opens the hives named on the command line.
#include <QApplication>
#include <QCommandLineParser>

#include "app/MainWindow.h"
#include "app/Translations.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HiveKit"));
    QApplication::setApplicationName(QStringLiteral("HiveKit"));
    QApplication::setApplicationDisplayName(QStringLiteral("HiveKit"));
    QApplication::setApplicationVersion(QStringLiteral(HIVEKIT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("hivekit"));
    // Before anything shows text, the command line help included.
    hivekit::gui::Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Inspect offline Windows registry hives (read-only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("hive"), QApplication::translate("main", "Hive files to open."),
                                 QStringLiteral("[hive...]"));
    parser.process(app);

    hivekit::gui::MainWindow window;
    window.show();
    for (const QString& path : parser.positionalArguments()) window.openFile(path);
    return app.exec();
}
