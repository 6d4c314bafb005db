// Session: a hive opened for editing. Plans are validated whole against the
// hive as it is (pending changes included), then applied inside the open
// transaction through the chosen Strategy; commit() makes them durable with
// TxManager's crash-safe protocol, rollback() discards them. Nothing is
// written to the file before commit().
//
//   auto s = Session::open(path, {.strategy = StrategyKind::Hybrid});
//   Plan plan;
//   plan.setValue("ControlSet001\\Services\\Foo", "Start", kRegDword, {4, 0, 0, 0});
//   if (auto r = (*s)->apply(plan); !r) ...   // nothing changed on error
//   auto report = (*s)->commit();
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "alloc/Allocator.h"
#include "merge/Plan.h"
#include "strategy/Strategy.h"
#include "tx/TxManager.h"

namespace hivekit {

/// How a Session edits.
struct SessionOptions {
    StrategyKind strategy = StrategyKind::Hybrid;
    HybridOptions hybrid;
    TxOptions tx;
};

/// What applying one plan did.
struct ApplyReport {
    size_t edits = 0;    ///< edits in the plan
    size_t changed = 0;  ///< edits that changed something (the rest found nothing to do)
};

/// One hive being edited. Not thread-safe.
class Session {
public:
    static Result<std::unique_ptr<Session>> open(const std::string& path, SessionOptions options = {});
    ~Session();

    /// The hive with pending changes. Do not keep the reference across
    /// apply(), commit() or rollback(): the object may be replaced.
    const Hive& hive() const { return tx_->hive(); }
    const std::string& path() const { return tx_->path(); }
    const Strategy& strategy() const { return *strategy_; }

    /// Checks a plan against the hive without changing anything: the
    /// plan's own shape (Plan::validateShape), then, edit by edit over a
    /// model of the tree as the earlier edits leave it, keys and values
    /// that must exist, parents without "create parents", deleting a key
    /// with subkeys without "recursive", a NO_DELETE key, renames onto an
    /// existing name. The error names the edit (editLabel).
    [[nodiscard]] Result<void> validate(const Plan& plan) const;
    /// Validates, then applies every edit inside the transaction (begun if
    /// needed). On a validation error nothing changes. An error while
    /// applying (damage in the hive) rolls the whole transaction back.
    [[nodiscard]] Result<ApplyReport> apply(const Plan& plan);
    /// True while changes are pending.
    bool pending() const { return tx_->active(); }
    /// TxManager::sequence(): what a failed commit's log would recover to.
    uint32_t sequence() const { return tx_->sequence(); }
    [[nodiscard]] Result<CommitReport> commit();
    [[nodiscard]] Result<void> rollback();

    const CellStoreStats& storeStats() const { return store_->stats(); }
    const AllocatorStats& allocatorStats() const { return allocator_->stats(); }
    TxManager& tx() { return *tx_; }
    const TxManager& tx() const { return *tx_; }
    const Allocator& allocator() const { return *allocator_; }

private:
    Session() = default;

    std::unique_ptr<TxManager> tx_;
    std::unique_ptr<Strategy> strategy_;
    std::unique_ptr<Allocator> allocator_;
    std::unique_ptr<CellStore> store_;
};

}  // namespace hivekit
