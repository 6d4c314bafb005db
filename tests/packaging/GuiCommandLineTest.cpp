// hivekit's command line follows the usual conventions: --help and --version
// print to standard output and exit 0, an unknown option is reported on
// standard error with exit status 1, and the help speaks the user's language.
#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the built hivekit offscreen, in the given locale.
Run hivekit(const QStringList& args, const QString& locale = QStringLiteral("C")) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    // Qt warns on stderr when there is none (root in a container): give it one.
    static QTemporaryDir runtimeDir;
    QFile::setPermissions(runtimeDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HIVEKIT_GUI_PATH), args);
    REQUIRE(process.waitForFinished(60000));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

}  // namespace

TEST_CASE("hivekit --version prints the name and version to stdout and exits 0", "[cmdline]") {
    for (const char* flag : {"--version", "-v"}) {
        const Run run = hivekit({QString::fromLatin1(flag)});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.out == QStringLiteral("HiveKit " HIVEKIT_VERSION "\n"));
        CHECK(run.err.isEmpty());
    }
}

TEST_CASE("hivekit --help prints the usage and options to stdout and exits 0", "[cmdline]") {
    for (const char* flag : {"--help", "-h"}) {
        const Run run = hivekit({QString::fromLatin1(flag)});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.out.startsWith(QStringLiteral("Usage: ")));
        CHECK(run.out.contains(QStringLiteral("--version")));
        CHECK(run.out.contains(QStringLiteral("Hive files to open.")));
        CHECK(run.err.isEmpty());
    }
}

TEST_CASE("hivekit with an unknown option says so on stderr and exits 1", "[cmdline]") {
    const Run run = hivekit({QStringLiteral("--frobnicate")});
    CHECK(run.exitCode == 1);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("frobnicate")));
}

TEST_CASE("hivekit --help speaks German and French in those locales", "[cmdline]") {
    const Run de = hivekit({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
    CHECK(de.exitCode == 0);
    CHECK(de.out.contains(QStringLiteral("Zu öffnende Strukturdateien.")));
    const Run fr = hivekit({QStringLiteral("--help")}, QStringLiteral("fr_FR.UTF-8"));
    CHECK(fr.exitCode == 0);
    CHECK(fr.out.contains(QStringLiteral("Fichiers de ruche à ouvrir.")));
}
