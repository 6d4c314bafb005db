#include "document/DiskChangeWatcher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QTimer>

namespace hivekit::gui {

FileFingerprint FileFingerprint::of(const QString& path) {
    FileFingerprint f;
    const QFileInfo info(path);
    if (!info.exists()) return f;
    f.exists = true;
    f.size = info.size();
    f.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    // Every writer of a hive rewrites its base block (sequence numbers,
    // timestamp, checksum): a change within the same millisecond and size
    // still shows here.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        f.baseBlockHash = QCryptographicHash::hash(file.read(4096), QCryptographicHash::Sha1);
    return f;
}

DiskChangeWatcher::DiskChangeWatcher(const QString& path, QObject* parent)
    : QObject(parent), path_(path), watcher_(new QFileSystemWatcher(this)), settle_(new QTimer(this)) {
    settle_->setSingleShot(true);
    settle_->setInterval(150);
    connect(settle_, &QTimer::timeout, this, &DiskChangeWatcher::checkNow);
    auto notice = [this] { settle_->start(); };
    connect(watcher_, &QFileSystemWatcher::fileChanged, this, notice);
    // The directory too: a file replaced by rename (how many programs
    // save) drops out of the watcher, and the new one appears there.
    connect(watcher_, &QFileSystemWatcher::directoryChanged, this, notice);
    watchAgain();
    const QString directory = QFileInfo(path_).absolutePath();
    if (!directory.isEmpty()) watcher_->addPath(directory);
    accepted_ = lastReported_ = FileFingerprint::of(path_);
}

void DiskChangeWatcher::watchAgain() {
    if (!watcher_->files().contains(path_) && QFileInfo::exists(path_)) watcher_->addPath(path_);
}

void DiskChangeWatcher::acceptCurrent() {
    watchAgain();
    accepted_ = lastReported_ = FileFingerprint::of(path_);
    changed_ = false;
    description_.clear();
}

void DiskChangeWatcher::resume(bool ourWrite) {
    suspended_ = false;
    if (ourWrite) acceptCurrent();
    else checkNow();
}

void DiskChangeWatcher::checkNow() {
    watchAgain();
    if (suspended_) return;
    const FileFingerprint now = FileFingerprint::of(path_);
    if (now == accepted_ || now == lastReported_) return;
    lastReported_ = now;
    changed_ = true;
    description_ = describe(accepted_, now);
    emit changed(description_);
}

QString DiskChangeWatcher::describe(const FileFingerprint& before, const FileFingerprint& after) {
    if (!after.exists) return tr("The file was removed or renamed.");
    const QLocale locale;
    const QString when =
        locale.toString(QDateTime::fromMSecsSinceEpoch(after.modifiedMs), QLocale::ShortFormat);
    if (!before.exists) return tr("The file appeared again (modified %1).").arg(when);
    if (before.size != after.size)
        return tr("Its size went from %1 to %2 bytes; modified %3.")
            .arg(locale.toString(before.size), locale.toString(after.size), when);
    return tr("Modified %1 (same size, %2 bytes).").arg(when, locale.toString(after.size));
}

}  // namespace hivekit::gui
