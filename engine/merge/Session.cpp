#include "merge/Session.h"

#include "format/BaseBlock.h"
#include "merge/PlanModel.h"
#include "merge/TreeEditor.h"

namespace hivekit {

Result<std::unique_ptr<Session>> Session::open(const std::string& path, SessionOptions options) {
    std::unique_ptr<Session> s(new Session);
    auto tx = TxManager::open(path, options.tx);
    if (!tx) return std::unexpected(tx.error());
    s->tx_ = std::move(*tx);
    s->strategy_ = makeStrategy(options.strategy, options.hybrid);
    s->allocator_ = std::make_unique<Allocator>(*s->tx_);
    s->allocator_->rebuild();
    s->store_ = std::make_unique<CellStore>(*s->tx_, *s->allocator_, *s->strategy_);
    return s;
}

Session::~Session() = default;

Result<void> Session::validate(const Plan& plan) const {
    if (auto r = plan.validateShape(); !r) return r;
    const BaseBlock& header = hive().header();
    PlanModel model(hive());
    for (size_t i = 0; i < plan.size(); ++i) {
        const Edit& e = plan.edits()[i];
        auto r = model.check(e);
        if (!r) {
            Error err = r.error();
            err.message = editLabel(i, e) + ": " + err.message;
            return std::unexpected(err);
        }
        if (e.kind == Edit::Kind::SetValue && !header.allowsBigData() && e.data.size() > 0x7FFFFF00u - 8)
            return fail(ErrorCode::Invalid, editLabel(i, e) + ": the data does not fit one cell of a version " +
                                                header.versionString() + " hive");
    }
    return {};
}

Result<ApplyReport> Session::apply(const Plan& plan) {
    if (auto r = validate(plan); !r) return std::unexpected(r.error());
    if (auto r = tx_->begin(); !r) return std::unexpected(r.error());
    ApplyReport report;
    report.edits = plan.size();
    TreeEditor editor(*tx_, *store_);
    for (size_t i = 0; i < plan.size(); ++i) {
        auto changed = editor.apply(plan.edits()[i]);
        if (!changed) {
            Error e = changed.error();
            e.message = editLabel(i, plan.edits()[i]) + ": " + e.message + "; the transaction was rolled back";
            (void)rollback();
            return std::unexpected(e);
        }
        if (*changed) ++report.changed;
    }
    return report;
}

Result<CommitReport> Session::commit() {
    auto r = tx_->commit();
    // A commit that wrote nothing may have reloaded the image.
    if (r && !r->wrote) allocator_->rebuild();
    return r;
}

Result<void> Session::rollback() {
    auto r = tx_->rollback();
    allocator_->rebuild();
    return r;
}

}  // namespace hivekit
