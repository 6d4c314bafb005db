#include "editing/ExportJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QtConcurrent>

#include "common/Display.h"
#include "regfile/RegExport.h"
#include "tx/FileIO.h"

namespace hivekit::gui {

ExportJob::ExportJob(QObject* parent) : QObject(parent) { qRegisterMetaType<ExportOutcome>(); }

ExportJob::~ExportJob() {
    // The worker posts to this object: it ends first (it polls the flag
    // every few hundred keys).
    if (run_) run_->cancel = true;
    future_.waitForFinished();
}

bool ExportJob::start(std::shared_ptr<const Hive> hive, const QString& keyPath, const QString& file,
                      const QString& rootName) {
    if (running_ || !hive) return false;
    auto run = std::make_shared<Run>();
    run_ = run;
    running_ = true;
    RegExportOptions options;
    if (!rootName.isEmpty()) options.rootName = rootName.toStdString();
    future_ = QtConcurrent::run([this, run, hive = std::move(hive), path = keyPath.toStdString(),
                                 target = file.toStdString(), options, file] {
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        RegExportControl control;
        control.cancelRequested = [&run] { return run->cancel.load(std::memory_order_relaxed); };
        control.progress = [&](uint64_t keys, uint64_t bytes) {
            if (sinceProgress.elapsed() < 100) return;
            sinceProgress.restart();
            QMetaObject::invokeMethod(
                this, [this, keys, bytes] { deliverProgress(keys, bytes); }, Qt::QueuedConnection);
        };
        auto done = exportRegFile(*hive, path, options, target, realFileIO(), control);
        ExportOutcome out;
        if (!done) {
            out.message = tr("Cannot export to %1: %2").arg(file, toQString(done.error().message));
        } else if (done->cancelled) {
            out.cancelled = true;
            out.message = tr("Export cancelled; %1 was not written.").arg(file);
        } else {
            out.ok = true;
            out.keys = done->keys;
            out.bytes = done->bytes;
            out.message = tr("Exported %Ln key(s) to %1", nullptr, pluralN(done->keys)).arg(file);
            if (!done->problems.empty())
                out.message += QLatin1Char(' ') + tr("(%Ln problem(s): see hivectl export for the list)", nullptr,
                                                     pluralN(done->problems.items().size()));
        }
        QMetaObject::invokeMethod(this, [this, out] { deliverEnd(out); }, Qt::QueuedConnection);
    });
    return true;
}

void ExportJob::cancel() {
    if (run_) run_->cancel = true;
}

void ExportJob::waitForFinished() {
    future_.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
}

void ExportJob::deliverProgress(quint64 keys, quint64 bytes) {
    if (running_) emit progressed(keys, bytes);
}

void ExportJob::deliverEnd(const ExportOutcome& outcome) {
    running_ = false;
    emit finished(outcome);
}

}  // namespace hivekit::gui
