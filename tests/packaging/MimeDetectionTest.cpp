// Qt-based file managers and file dialogs recognise a hive by its content
// once HiveKit's MIME package is installed: QMimeDatabase over a data dir
// holding the package compiled by update-mime-database, as on a system with
// HiveKit installed.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QTemporaryDir>

#include "support/TestSupport.h"

TEST_CASE("QMimeDatabase recognises a hive by its regf magic whatever its name", "[mime]") {
    // The database is read on first use: this test is the first (and only)
    // user in its process, as ctest runs each test case by itself.
    QTemporaryDir home;
    REQUIRE(QDir(home.path()).mkpath(QStringLiteral("mime/packages")));
    REQUIRE(QFile::copy(QStringLiteral(HIVEKIT_SOURCE_DIR "/packaging/hivekit-mime.xml"),
                        home.filePath(QStringLiteral("mime/packages/hivekit.xml"))));
    QProcess update;
    update.start(QStringLiteral("update-mime-database"), {home.filePath(QStringLiteral("mime"))});
    REQUIRE(update.waitForFinished(60000));
    REQUIRE(update.exitCode() == 0);
    // In XDG_DATA_DIRS rather than XDG_DATA_HOME: the test main puts
    // QStandardPaths in test mode, which replaces the user's data dir.
    qputenv("XDG_DATA_DIRS", (home.path() + QStringLiteral(":/usr/local/share:/usr/share")).toLocal8Bit());

    QTemporaryDir files;
    const QString plain = files.filePath(QStringLiteral("evidence-0017"));
    const QString misnamed = files.filePath(QStringLiteral("photo.jpg"));
    REQUIRE(QFile::copy(QString::fromStdString(testsupport::hivePath("regipy/SYSTEM")), plain));
    REQUIRE(QFile::copy(QString::fromStdString(testsupport::hivePath("regipy/SAM")), misnamed));

    QMimeDatabase db;
    const QMimeType type = db.mimeTypeForName(QStringLiteral("application/x-windows-registry-hive"));
    REQUIRE(type.isValid());
    CHECK(type.comment() != QString());
    CHECK(db.mimeTypeForFile(plain, QMimeDatabase::MatchContent).name() == type.name());
    CHECK(db.mimeTypeForFile(misnamed, QMimeDatabase::MatchContent).name() == type.name());
    // By name alone nothing says "hive".
    CHECK(db.mimeTypeForFile(plain, QMimeDatabase::MatchExtension).name() != type.name());
}
