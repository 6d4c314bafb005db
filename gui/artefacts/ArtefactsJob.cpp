#include "artefacts/ArtefactsJob.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>

#include <exception>

#include "artefacts/Decoder.h"
#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"

namespace hivekit::gui {

ArtefactsJob::ArtefactsJob(QObject* parent)
    : QObject(parent), generation_(std::make_shared<std::atomic<quint64>>(0)) {
    qRegisterMetaType<ArtefactsOutcome>();
}

ArtefactsJob::~ArtefactsJob() {
    // The workers hold their own share of the hive; they only need to stop.
    cancel();
    waitForFinished();
}

ArtefactsOutcome ArtefactsJob::decode(const std::shared_ptr<const Hive>& hive, const std::function<bool()>& stop) {
    QElapsedTimer timer;
    timer.start();
    ArtefactsOutcome out;
    out.hive = hive;
    out.thread = QThread::currentThread();
    if (!hive) return out;
    out.kind = artefacts::detectHiveKind(*hive);
    const artefacts::DecodeContext context(*hive, out.kind);
    for (const artefacts::Decoder* decoder : artefacts::decodersFor(out.kind)) {
        if (stop && stop()) {
            out.cancelled = true;
            break;
        }
        // Decoders promise not to throw; one that does (a bug) becomes its
        // table's error here, not an exception rethrown on the GUI thread.
        auto table = std::make_shared<artefacts::ArtefactTable>();
        try {
            *table = artefacts::runDecoder(*decoder, context);
        } catch (const std::exception& e) {
            table->decoder = decoder;
            table->columns = decoder->columns();
            table->rows.clear();
            table->error = std::string(decoder->name()) + ": " + e.what();
        }
        out.tables.push_back(std::move(table));
    }
    out.milliseconds = timer.elapsed();
    return out;
}

void ArtefactsJob::start(std::shared_ptr<const Hive> hive) {
    const quint64 mine = ++*generation_;
    auto* watcher = new QFutureWatcher<ArtefactsOutcome>(this);
    running_.append(watcher);
    connect(watcher, &QFutureWatcher<ArtefactsOutcome>::finished, this, [this, watcher] { onWorkerDone(watcher); });
    watcher->setFuture(QtConcurrent::run(
        [mine](std::shared_ptr<std::atomic<quint64>> generation, std::shared_ptr<const Hive> hive) {
            ArtefactsOutcome out = decode(hive, [&] { return generation->load() != mine; });
            out.generation = mine;
            return out;
        },
        generation_, std::move(hive)));
}

void ArtefactsJob::cancel() { ++*generation_; }

bool ArtefactsJob::isRunning() const {
    for (const auto* w : running_)
        if (w->isRunning()) return true;
    return false;
}

void ArtefactsJob::waitForFinished() {
    for (auto* w : running_) w->waitForFinished();
}

void ArtefactsJob::onWorkerDone(QFutureWatcher<ArtefactsOutcome>* watcher) {
    running_.removeOne(watcher);
    watcher->deleteLater();
    if (watcher->future().resultCount() == 0) return;
    const ArtefactsOutcome out = watcher->result();
    // A superseded run's tables describe a hive no longer asked for.
    if (out.cancelled || out.generation != generation_->load()) return;
    emit finished(out);
}

}  // namespace hivekit::gui
