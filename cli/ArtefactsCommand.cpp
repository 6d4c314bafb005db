// artefacts: the engine's artefact decoders (engine/artefacts) run on a hive.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "Cli.h"
#include "Json.h"
#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"

using namespace hivekit;
using namespace hivekit::artefacts;

namespace hivectl {

namespace {

std::string kindsText(const Decoder& d) {
    std::string out;
    for (HiveKind k : d.kinds()) out += (out.empty() ? "" : ",") + std::string(hiveKindName(k));
    return out.empty() ? std::string("any") : out;
}

int listDecoders(const Args& args) {
    if (args.json) {
        Json j;
        j.beginArray();
        for (const Decoder* d : allDecoders()) {
            j.beginObject();
            j.field("name", std::string(d->name())).field("title", std::string(d->title()));
            j.field("description", std::string(d->description()));
            j.key("kinds").beginArray();
            for (HiveKind k : d->kinds()) j.value(std::string(hiveKindName(k)));
            j.endArray();
            j.key("keys").beginArray();
            for (const std::string& p : d->keyPaths()) j.value(p);
            j.endArray();
            j.key("columns").beginArray();
            for (const Column& c : d->columns()) {
                j.beginObject();
                j.field("name", c.name).field("type", std::string(columnTypeName(c.type)));
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
        std::cout << j.str() << "\n";
        return kOk;
    }
    for (const Decoder* d : allDecoders())
        std::cout << d->name() << "\t" << kindsText(*d) << "\t" << d->title() << "\t" << d->description() << "\n";
    return kOk;
}

/// Opens `path` for writing or prints why not.
bool openOutput(std::ofstream& file, const std::string& path) {
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) printError("artefacts: cannot write " + path + ": " + std::strerror(errno));
    return static_cast<bool>(file);
}

}  // namespace

int runArtefacts(const Args& args) {
    if (args.list) return listDecoders(args);
    if (args.json && args.csv) {
        printError("artefacts: --json and --csv exclude each other");
        return kUsage;
    }
    std::vector<const Decoder*> named;
    for (size_t i = 1; i < args.positional.size(); ++i) {
        const Decoder* d = findDecoder(args.positional[i]);
        if (!d) {
            printError("artefacts: no decoder is called \"" + args.positional[i] +
                       "\" (hivectl artefacts --list names them)");
            return kUsage;
        }
        named.push_back(d);
    }
    const bool csvToDirectory = args.csv && !args.output.empty() && std::filesystem::is_directory(args.output);
    if (args.csv && named.size() != 1 && !csvToDirectory) {
        printError("artefacts: --csv writes one table: name one artefact, or give -o DIR for a file per artefact");
        return kUsage;
    }

    auto hive = openHive(args);
    if (!hive) return kCannotOpen;
    const HiveKind kind = detectHiveKind(*hive);
    const DecodeContext context(*hive, kind);

    int status = kOk;
    std::vector<const Decoder*> chosen = named.empty() ? decodersFor(kind) : named;
    for (const Decoder* d : named) {
        if (!d->appliesTo(kind)) {
            printError("artefacts: " + std::string(d->name()) + " reads " + kindsText(*d) + " hives; " +
                       hive->path() + " looks like " + std::string(hiveKindName(kind)) + " (decoded anyway)");
            status = kProblems;
        }
    }
    std::vector<ArtefactTable> tables;
    for (const Decoder* d : chosen) {
        tables.push_back(runDecoder(*d, context));
        if (!tables.back().error.empty()) {
            printError(hive->path() + ": " + tables.back().error);
            status = kProblems;
        }
    }

    if (csvToDirectory) {
        for (const ArtefactTable& t : tables) {
            std::ofstream file;
            const std::string path = (std::filesystem::path(args.output) / (std::string(t.decoder->name()) + ".csv"));
            if (!openOutput(file, path)) return kProblems;
            writeCsv(t, file);
        }
        return status;
    }
    std::ofstream file;
    if (!args.output.empty() && !openOutput(file, args.output)) return kProblems;
    std::ostream& out = args.output.empty() ? std::cout : file;
    if (args.csv)
        writeCsv(tables.front(), out);
    else if (args.json)
        writeJson(hive->path(), kind, tables, out);
    else {
        out << hive->path() << ": " << hiveKindName(kind) << " hive, " << tables.size()
            << (tables.size() == 1 ? " artefact" : " artefacts") << "\n\n";
        writeText(tables, out);
    }
    return status;
}

}  // namespace hivectl
