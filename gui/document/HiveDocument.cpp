#include "document/HiveDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent>

#include <algorithm>

#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"

namespace hivekit::gui {

namespace {
/// Windows nests keys at most 512 deep; a parent chain longer than that is a cycle.
constexpr int kMaxParentChain = 512;
}  // namespace

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

std::optional<std::vector<uint32_t>> HiveDocument::resolvePath(const Hive& hive, const QString& path,
                                                                QString* error) {
    auto parts = splitKeyPath(path.trimmed().toStdString());
    if (!parts) {
        if (error) *error = toQString(parts.error().message);
        return std::nullopt;
    }
    auto descend = [&](size_t from, QString* why) -> std::optional<std::vector<uint32_t>> {
        std::vector<uint32_t> chain;
        Index index(hive);
        uint32_t at = hive.rootOffset();
        for (size_t i = from; i < parts->size(); ++i) {
            auto key = hive.keyNode(at);
            if (!key) {
                if (why) *why = toQString(key.error().message);
                return std::nullopt;
            }
            auto child = index.findSubkey(*key, (*parts)[i]);
            if (!child) {
                if (why)
                    *why = QCoreApplication::translate("HiveDocument", "No key \"%1\" under \"%2\".")
                               .arg(QString::fromStdU16String((*parts)[i]),
                                    i == 0 ? QCoreApplication::translate("HiveDocument", "the root key")
                                           : QString::fromStdU16String((*parts)[i - 1]));
                return std::nullopt;
            }
            chain.push_back(*child);
            at = *child;
        }
        return chain;
    };
    QString why;
    auto chain = descend(0, &why);
    if (chain) return chain;
    // Paths copied from elsewhere often start with the root key's own name.
    auto root = hive.keyNode(hive.rootOffset());
    if (root && !parts->empty() &&
        QString::fromStdU16String(parts->front()).compare(toQString(root->nameUtf8()), Qt::CaseInsensitive) == 0) {
        if (auto again = descend(1, nullptr)) return again;
    }
    if (error) *error = why;
    return std::nullopt;
}

std::optional<std::vector<uint32_t>> HiveDocument::chainOf(const Hive& hive, uint32_t keyOffset) {
    std::vector<uint32_t> chain;
    uint32_t at = keyOffset;
    for (int steps = 0; steps < kMaxParentChain; ++steps) {
        if (at == hive.rootOffset()) {
            std::reverse(chain.begin(), chain.end());
            return chain;
        }
        auto key = hive.keyNode(at);
        if (!key) return std::nullopt;
        chain.push_back(at);
        at = key->parent;
    }
    return std::nullopt;
}

}  // namespace hivekit::gui
