// libFuzzer target: any bytes are opened as a hive and read completely, the
// way hivectl and the GUI read one: every key the TreeWalker reaches, its
// values, their data decoded by type, its class name and security
// descriptor, the Index lookups (path to key, key to path, name to value);
// then every cell of every bin decoded by its signature, the scan for
// deleted keys and values (their data decoded by type too), and the checker.
// Any crash, sanitizer report, leak or hang is a bug in the engine.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "format/BigData.h"
#include "format/SecurityCell.h"
#include "format/KeyNode.h"
#include "format/SecurityDescriptor.h"
#include "format/SubkeyList.h"
#include "format/ValueData.h"
#include "format/ValueRecord.h"
#include "hive/CellScanner.h"
#include "hive/DeletedScanner.h"
#include "hive/Hive.h"
#include "hive/TreeWalker.h"
#include "index/Index.h"

#if __has_include("hive/Checker.h")
#include "hive/Checker.h"
#define HIVEKIT_FUZZ_CHECKER 1
#endif

using namespace hivekit;

namespace {

void readValue(const Hive& hive, const ValueRecord& v) {
    (void)v.nameUtf8();
    auto data = hive.valueData(v);
    if (!data) return;
    const DecodedValue decoded = decodeValue(v.type, data->bytes());
    (void)decoded.toText();
}

void readSecurity(const SecurityCell& sk) {
    auto sd = decodeSecurityDescriptor(sk.descriptor, uint64_t{sk.cellOffset} + 0x1000 + 4 + 0x14);
    if (!sd) return;
    (void)sd->toSddl();
    (void)sd->describe();
}

/// Decodes a cell as what its signature says, whether or not anything
/// points to it (deleted keys and values are found this way).
void readCell(const Hive& hive, const Cell& cell) {
    const uint64_t at = cell.fileOffset() + 4;
    switch (classifyCell(cell)) {
    case CellKind::KeyNode:
        if (auto k = decodeKeyNode(cell.data, cell.offset, at)) {
            (void)k->nameUtf8();
            (void)k->flagNames();
        }
        break;
    case CellKind::Value:
        if (auto v = decodeValueRecord(cell.data, cell.offset, at)) readValue(hive, *v);
        break;
    case CellKind::Security:
        if (auto s = decodeSecurityCell(cell.data, cell.offset, at)) readSecurity(*s);
        break;
    case CellKind::IndexLeaf:
    case CellKind::FastLeaf:
    case CellKind::HashLeaf:
    case CellKind::IndexRoot:
        if (auto l = decodeSubkeyList(cell.data, at)) {
            uint32_t sum = 0;
            for (size_t i = 0; i < l->count; ++i) sum ^= l->offsetAt(i) ^ (l->hasHints() ? l->hintAt(i) : 0);
            (void)sum;
        }
        break;
    case CellKind::BigData:
        (void)decodeBigData(cell.data, at);
        break;
    case CellKind::Free:
        // A deleted key or value keeps its signature in a free cell.
        if (cell.data.size() >= 2 && cell.data[0] == 'n' && cell.data[1] == 'k')
            (void)decodeKeyNode(cell.data, cell.offset, at);
        if (cell.data.size() >= 2 && cell.data[0] == 'v' && cell.data[1] == 'k')
            (void)decodeValueRecord(cell.data, cell.offset, at);
        break;
    case CellKind::Data:
        break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto opened = Hive::fromBytes(std::vector<uint8_t>(data, data + size), "fuzz");
    if (!opened) return 0;
    const Hive& hive = **opened;
    (void)hive.header().fileTypeName();
    (void)formatFiletime(hive.header().lastWritten);

    const Index index(hive);
    Diagnostics sink;
    std::unordered_set<uint32_t> securityDone;
    TreeWalker(hive).walk(
        [&](const WalkedKey& k) {
            for (uint32_t off : hive.values(*k.node, &sink)) {
                auto v = hive.valueRecord(off);
                if (!v) continue;
                readValue(hive, *v);
                (void)index.findValue(*k.node, v->name());
            }
            (void)hive.className(*k.node);
            // sk cells are shared by many keys: decode each one once.
            if (securityDone.insert(k.node->security).second)
                if (auto sk = hive.securityCell(k.node->security)) readSecurity(*sk);
            (void)index.pathOf(k.offset);
            (void)index.findKey(*k.path);
            return true;
        },
        &sink);

    const CellScanner scanner(hive);
    (void)scanner.statistics(&sink);
    scanner.scan(
        [&](const HiveBinInfo&, const Cell& cell) {
            readCell(hive, cell);
            return true;
        },
        &sink);

    if (auto deleted = scanDeleted(hive)) {
        for (const DeletedKey& k : deleted->keys) (void)k.path.size();
        for (const DeletedValue& v : deleted->values) (void)decodeValue(v.record.type, v.data).toText();
    }

#ifdef HIVEKIT_FUZZ_CHECKER
    (void)checkHive(hive);
#endif
    return 0;
}
