#include "artefacts/Registry.h"

#include <algorithm>

namespace hivekit::artefacts {

namespace {

struct DecoderList {
    std::vector<std::unique_ptr<Decoder>> owned;
    std::vector<const Decoder*> view;

    DecoderList() {
        addSystemDecoders(owned);
        addSoftwareDecoders(owned);
        addSamDecoders(owned);
        addNtUserDecoders(owned);
        addShellbagDecoders(owned);
        addAmcacheDecoders(owned);
        addBcdDecoders(owned);
        for (const auto& d : owned) view.push_back(d.get());
    }
};

const DecoderList& decoderList() {
    static const DecoderList list;
    return list;
}

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

}  // namespace

std::span<const Decoder* const> allDecoders() { return decoderList().view; }

const Decoder* findDecoder(std::string_view name) {
    for (const Decoder* d : allDecoders())
        if (sameName(d->name(), name)) return d;
    return nullptr;
}

std::vector<const Decoder*> decodersFor(HiveKind kind) {
    std::vector<const Decoder*> out;
    for (const Decoder* d : allDecoders())
        if (d->appliesTo(kind)) out.push_back(d);
    return out;
}

ArtefactTable runDecoder(const Decoder& decoder, const DecodeContext& context) {
    ArtefactTable table;
    table.decoder = &decoder;
    table.columns = decoder.columns();
    decoder.decode(context, table.rows);
    for (size_t i = 0; i < table.rows.size(); ++i) {
        if (table.rows[i].fields.size() != table.columns.size()) {
            table.error = std::string(decoder.name()) + ": row " + std::to_string(i) + " has " +
                          std::to_string(table.rows[i].fields.size()) + " fields for " +
                          std::to_string(table.columns.size()) + " columns";
            table.rows[i].fields.resize(table.columns.size());
        }
    }
    return table;
}

}  // namespace hivekit::artefacts
