// SYSTEM hive artefact decoders.
#include "artefacts/Registry.h"

namespace hivekit::artefacts {

namespace {

/// The computer's name and the control set Windows booted from.
class ComputerNameDecoder final : public Decoder {
public:
    std::string_view name() const override { return "computername"; }
    std::string_view title() const override { return "Computer name"; }
    std::string_view description() const override {
        return "The computer's NetBIOS name and the control set in use (Select\\Current).";
    }
    std::vector<HiveKind> kinds() const override { return {HiveKind::System}; }
    std::vector<std::string> keyPaths() const override {
        return {"Select", "{ControlSet}\\Control\\ComputerName\\ComputerName"};
    }
    std::vector<Column> columns() const override {
        return {{"Computer name", ColumnType::Text}, {"Control set", ColumnType::Text},
                {"Last write", ColumnType::FileTime}};
    }
    void decode(const DecodeContext& context, std::vector<Row>& rows) const override {
        auto key = context.key("{ControlSet}\\Control\\ComputerName\\ComputerName");
        if (!key) return;
        auto value = context.value(*key, "ComputerName");
        Row row;
        row.fields = {std::monostate{}, context.currentControlSet(), context.lastWritten(*key)};
        if (!value) {
            row.source = context.source(*key);
            row.note = "the key has no ComputerName value";
        } else {
            row.source = context.source(*key, *value);
            if (auto text = DecodeContext::text(*value))
                row.fields[0] = *text;
            else
                row.note = "ComputerName is not a string (type " + std::to_string(value->type) + ")";
        }
        rows.push_back(std::move(row));
    }
};

}  // namespace

void addSystemDecoders(std::vector<std::unique_ptr<Decoder>>& out) {
    out.push_back(std::make_unique<ComputerNameDecoder>());
}

}  // namespace hivekit::artefacts
