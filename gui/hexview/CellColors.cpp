#include "hexview/CellColors.h"

#include <QCoreApplication>

namespace hivekit::gui {

namespace {

// Hues chosen to stay apart from each other for the common forms of colour
// blindness where it matters most (nk, vk, lists, free), after Tableau 10.
constexpr QRgb kKeyNode = 0x4e79a7;
constexpr QRgb kValue = 0x59a14f;
constexpr QRgb kSecurity = 0xb07aa1;
constexpr QRgb kList = 0xf28e2b;
constexpr QRgb kIndexRoot = 0xc15f0e;
constexpr QRgb kBigData = 0xe15759;
constexpr QRgb kData = 0xd9b86c;
constexpr QRgb kFree = 0xf4f4f4;
constexpr QRgb kValueList = 0xedc948;
constexpr QRgb kClassName = 0xff9da7;
constexpr QRgb kSegmentList = 0xe8a0a0;
constexpr QRgb kHeader = 0x5b6770;
constexpr QRgb kBase = 0x2f3a44;
constexpr QRgb kUnreadable = 0x9c2a2a;

QColor blend(QColor strong, double amount) {
    const auto mix = [amount](int c) { return static_cast<int>(255 - (255 - c) * amount); };
    return QColor(mix(strong.red()), mix(strong.green()), mix(strong.blue()));
}

}  // namespace

QColor kindColor(CellKind kind) {
    switch (kind) {
    case CellKind::KeyNode: return QColor(kKeyNode);
    case CellKind::Value: return QColor(kValue);
    case CellKind::Security: return QColor(kSecurity);
    case CellKind::IndexLeaf:
    case CellKind::FastLeaf:
    case CellKind::HashLeaf: return QColor(kList);
    case CellKind::IndexRoot: return QColor(kIndexRoot);
    case CellKind::BigData: return QColor(kBigData);
    case CellKind::Data: return QColor(kData);
    case CellKind::Free: return QColor(kFree);
    }
    return QColor(kData);
}

QColor roleColor(CellRole role) {
    switch (role) {
    case CellRole::KeyNode: return QColor(kKeyNode);
    case CellRole::Value: return QColor(kValue);
    case CellRole::Security: return QColor(kSecurity);
    case CellRole::SubkeyList: return QColor(kList);
    case CellRole::ValueList: return QColor(kValueList);
    case CellRole::ClassName: return QColor(kClassName);
    case CellRole::ValueData:
    case CellRole::Segment:
    case CellRole::Data:
    case CellRole::Auto: return QColor(kData);
    case CellRole::BigData: return QColor(kBigData);
    case CellRole::SegmentList: return QColor(kSegmentList);
    case CellRole::Free: return QColor(0xbdbdbd);
    case CellRole::BinHeader: return QColor(kHeader);
    case CellRole::BaseBlock: return QColor(kBase);
    }
    return QColor(kData);
}

QColor roleTint(CellRole role) {
    // Headers are dark: a light grey-blue tint reads better behind text.
    if (role == CellRole::BinHeader || role == CellRole::BaseBlock) return QColor(0xdde3ea);
    return blend(roleColor(role), 0.38);
}

QColor binHeaderColor() { return QColor(kHeader); }
QColor baseBlockColor() { return QColor(kBase); }
QColor unreadableColor() { return QColor(kUnreadable); }

QString kindDisplayName(CellKind kind) {
    switch (kind) {
    case CellKind::KeyNode: return QCoreApplication::translate("CellColors", "key node (nk)");
    case CellKind::Value: return QCoreApplication::translate("CellColors", "value (vk)");
    case CellKind::Security: return QCoreApplication::translate("CellColors", "security (sk)");
    case CellKind::IndexLeaf: return QCoreApplication::translate("CellColors", "index leaf (li)");
    case CellKind::FastLeaf: return QCoreApplication::translate("CellColors", "fast leaf (lf)");
    case CellKind::HashLeaf: return QCoreApplication::translate("CellColors", "hash leaf (lh)");
    case CellKind::IndexRoot: return QCoreApplication::translate("CellColors", "index root (ri)");
    case CellKind::BigData: return QCoreApplication::translate("CellColors", "big data (db)");
    case CellKind::Data: return QCoreApplication::translate("CellColors", "data");
    case CellKind::Free: return QCoreApplication::translate("CellColors", "free");
    }
    return QCoreApplication::translate("CellColors", "cell");
}

QString roleDisplayName(CellRole role) {
    switch (role) {
    case CellRole::Auto: return QCoreApplication::translate("CellColors", "cell");
    case CellRole::KeyNode: return QCoreApplication::translate("CellColors", "key node");
    case CellRole::Value: return QCoreApplication::translate("CellColors", "value");
    case CellRole::Security: return QCoreApplication::translate("CellColors", "security");
    case CellRole::SubkeyList: return QCoreApplication::translate("CellColors", "subkey list");
    case CellRole::ValueList: return QCoreApplication::translate("CellColors", "value list");
    case CellRole::ClassName: return QCoreApplication::translate("CellColors", "class name");
    case CellRole::ValueData: return QCoreApplication::translate("CellColors", "value data");
    case CellRole::BigData: return QCoreApplication::translate("CellColors", "big data");
    case CellRole::SegmentList: return QCoreApplication::translate("CellColors", "segment list");
    case CellRole::Segment: return QCoreApplication::translate("CellColors", "data segment");
    case CellRole::Data: return QCoreApplication::translate("CellColors", "data");
    case CellRole::Free: return QCoreApplication::translate("CellColors", "free");
    case CellRole::BinHeader: return QCoreApplication::translate("CellColors", "hbin header");
    case CellRole::BaseBlock: return QCoreApplication::translate("CellColors", "base block");
    }
    return QCoreApplication::translate("CellColors", "cell");
}

}  // namespace hivekit::gui
