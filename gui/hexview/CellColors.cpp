#include "hexview/CellColors.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include "common/Theme.h"

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

// The structural blocks: dark slate on a light Base, light slate on a dark
// one (the dark ones vanish on Breeze Dark's or Adwaita-dark's base).
constexpr QRgb kHeaderOnDark = 0x8d99a3;
constexpr QRgb kBaseOnDark = 0xc6d0d8;
// Behind the bytes of headers: a neutral steel blue, tinted like the cells.
constexpr QRgb kHeaderTint = 0x7f93a8;

QRgb strongOf(CellKind kind) {
    switch (kind) {
    case CellKind::KeyNode: return kKeyNode;
    case CellKind::Value: return kValue;
    case CellKind::Security: return kSecurity;
    case CellKind::IndexLeaf:
    case CellKind::FastLeaf:
    case CellKind::HashLeaf: return kList;
    case CellKind::IndexRoot: return kIndexRoot;
    case CellKind::BigData: return kBigData;
    case CellKind::Data: return kData;
    case CellKind::Free: return kFree;
    }
    return kData;
}

QRgb strongOf(CellRole role) {
    switch (role) {
    case CellRole::KeyNode: return kKeyNode;
    case CellRole::Value: return kValue;
    case CellRole::Security: return kSecurity;
    case CellRole::SubkeyList: return kList;
    case CellRole::ValueList: return kValueList;
    case CellRole::ClassName: return kClassName;
    case CellRole::ValueData:
    case CellRole::Segment:
    case CellRole::Data:
    case CellRole::Auto: return kData;
    case CellRole::BigData: return kBigData;
    case CellRole::SegmentList: return kSegmentList;
    case CellRole::Free: return 0xbdbdbd;
    case CellRole::BinHeader: return kHeader;
    case CellRole::BaseBlock: return kBase;
    }
    return kData;
}

QPalette appPalette() { return QGuiApplication::palette(); }

}  // namespace

QColor kindColor(CellKind kind, const QPalette& palette) {
    if (kind == CellKind::Free) return freeColor(palette);
    return theme::shapeOn(QColor(strongOf(kind)), palette);
}

QColor roleColor(CellRole role, const QPalette& palette) {
    if (role == CellRole::BinHeader) return binHeaderColor(palette);
    if (role == CellRole::BaseBlock) return baseBlockColor(palette);
    return theme::shapeOn(QColor(strongOf(role)), palette);
}

QColor roleTint(CellRole role, const QPalette& palette) {
    // Headers are dark slate: a steel-blue tint reads better behind text.
    if (role == CellRole::BinHeader || role == CellRole::BaseBlock)
        return theme::tintBehindText(QColor(kHeaderTint), palette);
    return theme::tintBehindText(QColor(strongOf(role)), palette);
}

QColor binHeaderColor(const QPalette& palette) {
    return theme::shapeOn(QColor(theme::isDark(palette) ? kHeaderOnDark : kHeader), palette);
}

QColor baseBlockColor(const QPalette& palette) {
    return theme::shapeOn(QColor(theme::isDark(palette) ? kBaseOnDark : kBase), palette);
}

QColor unreadableColor(const QPalette& palette) { return theme::shapeOn(QColor(kUnreadable), palette); }

QColor freeColor(const QPalette& palette) {
    return theme::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), theme::isDark(palette) ? 0.12 : 0.05);
}

QColor freeHatchColor(const QPalette& palette) {
    return theme::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), theme::isDark(palette) ? 0.35 : 0.24);
}

QColor kindColor(CellKind kind) { return kindColor(kind, appPalette()); }
QColor roleColor(CellRole role) { return roleColor(role, appPalette()); }
QColor roleTint(CellRole role) { return roleTint(role, appPalette()); }

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
