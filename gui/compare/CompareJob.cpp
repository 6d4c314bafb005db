#include "compare/CompareJob.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include "common/Display.h"
#include "format/Names.h"

namespace hivekit::gui::compare {

std::u16string DiffIndex::keyOf(const std::vector<std::u16string>& names) {
    std::u16string key;
    for (const std::u16string& name : names) key = childKey(key, name);
    return key;
}

std::u16string DiffIndex::childKey(const std::u16string& parentKey, const std::u16string& name) {
    std::u16string key = parentKey;
    key.reserve(key.size() + name.size() + 1);
    key += static_cast<char16_t>(name.size());
    for (char16_t c : name) key += windowsUpcase(c);
    return key;
}

void DiffIndex::add(const Difference& d) {
    // A key's own difference; added and removed keys need none: their
    // presence in one hive only says it.
    if (d.kind != DiffKind::KeyAdded && d.kind != DiffKind::KeyRemoved) here_.insert(keyOf(d.names));
    // Every key above it has a difference below.
    std::u16string key;
    for (const std::u16string& name : d.names) {
        below_.insert(key);
        key = childKey(key, name);
    }
}

CompareJob::CompareJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<CompareOutcome>();
}

CompareJob::~CompareJob() {
    cancel();
    waitForFinished();
}

CompareOutcome CompareJob::compare(std::shared_ptr<const Hive> a, std::shared_ptr<const Hive> b, bool ignoreTimes,
                                   const std::function<bool()>& stop) {
    QElapsedTimer timer;
    timer.start();
    CompareOutcome outcome;
    outcome.thread = QThread::currentThread();
    outcome.a = a;
    outcome.b = b;
    auto index = std::make_shared<DiffIndex>();
    DiffOptions options;
    options.cancelRequested = stop;
    options.ignoreTimes = ignoreTimes;
    auto summary = diffHives(*a, *b, options, [&](const Difference& d) {
        index->add(d);
        return true;
    });
    if (!summary) {
        outcome.error = toQString(summary.error().message);
    } else {
        outcome.summary = std::move(*summary);
        outcome.cancelled = outcome.summary.cancelled;
    }
    outcome.index = std::move(index);
    outcome.milliseconds = timer.elapsed();
    return outcome;
}

void CompareJob::start(std::shared_ptr<const Hive> a, const QString& aPath, const QString& bPath, bool ignoreTimes,
                       bool useLogs) {
    cancel();
    stop_ = std::make_shared<std::atomic<bool>>(false);
    auto stop = stop_;
    auto* watcher = new QFutureWatcher<CompareOutcome>(this);
    watcher_ = watcher;
    connect(watcher, &QFutureWatcher<CompareOutcome>::finished, this, [this, watcher] {
        const CompareOutcome outcome = watcher->result();
        if (watcher_ == watcher) watcher_ = nullptr;
        watcher->deleteLater();
        if (!outcome.cancelled) emit finished(outcome);
    });
    watcher->setFuture(QtConcurrent::run([a, aPath, bPath, ignoreTimes, useLogs, stop]() -> CompareOutcome {
        OpenOptions open;
        open.useLogs = useLogs;
        std::shared_ptr<const Hive> first = a;
        if (!first) {
            auto opened = Hive::open(aPath.toStdString(), open);
            if (!opened) {
                CompareOutcome failed;
                failed.error = toQString(opened.error().message);
                failed.thread = QThread::currentThread();
                return failed;
            }
            first = std::move(*opened);
        }
        auto second = Hive::open(bPath.toStdString(), open);
        if (!second) {
            CompareOutcome failed;
            failed.error = toQString(second.error().message);
            failed.thread = QThread::currentThread();
            return failed;
        }
        std::shared_ptr<const Hive> b = std::move(*second);
        return compare(first, b, ignoreTimes, [stop] { return stop->load(); });
    }));
}

void CompareJob::cancel() {
    if (stop_) stop_->store(true);
}

void CompareJob::waitForFinished() {
    if (watcher_) watcher_->waitForFinished();
}

}  // namespace hivekit::gui::compare
