#include "document/HiveDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent>

#include <algorithm>

#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "hive/TreeWalker.h"

namespace hivekit::gui {

HiveDocument::HiveDocument(const QString& path, QObject* parent)
    : QObject(parent),
      path_(path),
      diagnostics_(new DiagnosticsModel(this)),
      openWatcher_(new QFutureWatcher<OpenOutcome>(this)),
      checkWatcher_(new QFutureWatcher<CheckOutcome>(this)) {
    connect(openWatcher_, &QFutureWatcher<OpenOutcome>::finished, this, &HiveDocument::onOpenFinished);
    connect(checkWatcher_, &QFutureWatcher<CheckOutcome>::finished, this, &HiveDocument::onCheckFinished);
    connect(checkWatcher_, &QFutureWatcher<CheckOutcome>::progressValueChanged, this, [this](int permille) {
        if (!checking_) return;
        checkProgress_ = permille;
        emit checkProgressed(permille);
    });
}

HiveDocument::~HiveDocument() { stopCheck(); }

QString HiveDocument::displayName() const { return QFileInfo(path_).fileName(); }

void HiveDocument::open(bool useLogs) {
    // The check of what was shown is abandoned: its end is not reported.
    stopCheck();
    checking_ = false;
    checkDone_ = false;
    checkStopped_ = false;
    diagnostics_->clear();
    useLogs_ = useLogs;
    loading_ = true;
    // Hive::open maps the file read-only (PROT_READ, O_RDONLY) and replays
    // logs into memory only: nothing here can write to the file.
    const std::string nativePath = QFile::encodeName(path_).toStdString();
    openWatcher_->setFuture(QtConcurrent::run([nativePath, useLogs]() {
        QElapsedTimer timer;
        timer.start();
        OpenOutcome outcome;
        OpenOptions options;
        options.useLogs = useLogs;
        auto hive = Hive::open(nativePath, options);
        if (hive) {
            // The hbin chain is scanned on first use: do it here, not on
            // the GUI thread.
            (void)(*hive)->bins();
            outcome.hive = std::shared_ptr<const Hive>(std::move(*hive));
        } else
            outcome.error = toQString(hive.error().message);
        outcome.milliseconds = timer.elapsed();
        return outcome;
    }));
}

void HiveDocument::onOpenFinished() {
    loading_ = false;
    OpenOutcome outcome = openWatcher_->result();
    openMs_ = outcome.milliseconds;
    if (!outcome.hive) {
        emit failed(outcome.error);
        return;
    }
    hive_ = std::move(outcome.hive);
    keys_ = values_ = 0;
    valueOwners_.clear();
    emit opened();
    startCheck();
}

void HiveDocument::startCheck() {
    if (!hive_) return;
    stopCheck();
    diagnostics_->clear();
    checkDone_ = false;
    checkStopped_ = false;
    checking_ = true;
    checkProgress_ = 0;
    // The check reads every key, value and cell: seconds on a large hive,
    // so it runs beside the GUI and its findings arrive when it ends.
    checkStop_ = std::make_shared<std::atomic<bool>>(false);
    checkWatcher_->setFuture(
        QtConcurrent::run([hive = hive_, stop = checkStop_](QPromise<CheckOutcome>& promise) {
            promise.setProgressRange(0, 1000);
            promise.addResult(check(*hive, *stop, [&promise](unsigned permille) {
                promise.setProgressValue(static_cast<int>(permille));
            }));
        }));
    emit checkStarted();
}

void HiveDocument::stopCheck() {
    if (checkStop_) checkStop_->store(true);
}

void HiveDocument::onCheckFinished() {
    // A check superseded by another never ends here (setFuture drops it);
    // one abandoned by open() is ignored.
    if (!checking_) return;
    CheckOutcome outcome = checkWatcher_->future().takeResult();
    checking_ = false;
    checkMs_ = outcome.milliseconds;
    if (outcome.report.stopped) {
        checkStopped_ = true;
        emit checkEnded(false);
        return;
    }
    diagnostics_->setRows(std::move(outcome.rows));
    keys_ = outcome.report.keys;
    values_ = outcome.report.values;
    valueOwners_ = std::move(outcome.valueOwners);
    checkDone_ = true;
    emit checkEnded(true);
}

std::optional<uint32_t> HiveDocument::keyOfValue(uint32_t valueOffset) const {
    auto it = std::lower_bound(valueOwners_.begin(), valueOwners_.end(), std::make_pair(valueOffset, uint32_t{0}));
    if (it == valueOwners_.end() || it->first != valueOffset) return std::nullopt;
    return it->second;
}

CheckOutcome HiveDocument::check(const Hive& hive, const std::atomic<bool>& stop,
                                 const std::function<void(unsigned permille)>& progress) {
    QElapsedTimer timer;
    timer.start();
    CheckOutcome out;
    CheckControl control;
    control.progress = progress;
    control.stopRequested = [&stop] { return stop.load(std::memory_order_relaxed); };
    out.report = checkHive(hive, control);
    if (out.report.stopped) return out;
    out.rows = DiagnosticsModel::rowsOf(out.report.diagnostics);
    // Which key holds each value: the hex and layout views select a value
    // they are shown, and a vk does not name its key. Its problems are the
    // checker's already: this walk's are not kept.
    Diagnostics ignored;
    TreeWalker(hive).walk(
        [&](const WalkedKey& k) {
            if (stop.load(std::memory_order_relaxed)) {
                out.report.stopped = true;
                return false;
            }
            for (uint32_t vkOffset : hive.values(*k.node, &ignored)) out.valueOwners.emplace_back(vkOffset, k.offset);
            return true;
        },
        &ignored);
    std::sort(out.valueOwners.begin(), out.valueOwners.end());
    out.milliseconds = timer.elapsed();
    return out;
}

}  // namespace hivekit::gui
