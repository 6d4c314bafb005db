// The value editor dialog: each type's editor, refusal of bad input with the
// parser's message, the raw editor, and the %VARS% preview.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <string>
#include <vector>

#include "editing/HexGridEditor.h"
#include "editing/ValueEditDialog.h"
#include "format/ValueData.h"
#include "hive/Hive.h"
#include "index/Index.h"
#include "support/TestSupport.h"

using namespace hivekit;
using namespace hivekit::gui;

TEST_CASE("The DWORD editor refuses an out-of-range number with a message and keeps the dialog open") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegDword);
    dialog.lineEdit()->setText(QStringLiteral("99999999999"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText() ==
          QStringLiteral("A DWORD out of range: 99999999999 is not between -2147483648 and 4294967295."));
    dialog.lineEdit()->setText(QStringLiteral("0x10"));
    CHECK(dialog.validate());
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.data() == std::vector<uint8_t>{0x10, 0, 0, 0});
}

TEST_CASE("The binary editor refuses a paste of odd hex digits with the parser's message and takes pasted hex") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegBinary);
    QApplication::clipboard()->setText(QStringLiteral("de ad bee"));
    CHECK_FALSE(dialog.hexGrid()->paste());
    CHECK(dialog.errorText() == QStringLiteral("Not pasted: Odd number of hex digits in \"bee\" at position 7: "
                                               "each byte takes two (or one alone)."));
    CHECK(dialog.hexGrid()->data().empty());
    QApplication::clipboard()->setText(QStringLiteral("ff 11 22 33"));
    CHECK(dialog.hexGrid()->paste());
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{0xff, 0x11, 0x22, 0x33});
}

TEST_CASE("The multi-string editor takes one string a line and keeps an empty one") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegMultiSz);
    dialog.textEdit()->setPlainText(QStringLiteral("a\n\nb"));
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{'a', 0, 0, 0, 0, 0, 'b', 0, 0, 0, 0, 0});
    dialog.textEdit()->setPlainText(QStringLiteral("a\nb"));
    CHECK(dialog.validate());
    CHECK(dialog.data() == std::vector<uint8_t>{'a', 0, 0, 0, 'b', 0, 0, 0, 0, 0});
}

TEST_CASE("The expandable string editor previews its variables left as text") {
    ValueEditDialog dialog(true);
    dialog.setType(kRegExpandSz);
    dialog.lineEdit()->setText(QStringLiteral("%SystemRoot%\\system32"));
    CHECK(dialog.previewLabel()->text().contains(QStringLiteral("variables left as text: %SystemRoot%")));
    CHECK(dialog.validate());
    CHECK(dialog.type() == kRegExpandSz);
}

TEST_CASE("The raw editor takes any type number and bytes and refuses a bad type number") {
    ValueEditDialog dialog(true);
    dialog.setRaw(true);
    dialog.rawTypeEdit()->setText(QStringLiteral("0x1ffffffff"));
    dialog.hexGrid()->setData({1, 2});
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.errorText().contains(QStringLiteral("out of range")));
    dialog.rawTypeEdit()->setText(QStringLiteral("0x20"));
    CHECK(dialog.validate());
    CHECK(dialog.type() == 0x20);
    CHECK(dialog.data() == std::vector<uint8_t>{1, 2});
}

TEST_CASE("Editing a value opens the editor of its type, or the raw editor for data that type cannot hold") {
    ValueEditDialog dword(false);
    dword.setValue(QStringLiteral("Start"), kRegDword, {4, 0, 0, 0});
    CHECK(dword.lineEdit()->text() == QStringLiteral("4"));
    CHECK(dword.validate());
    CHECK(dword.data() == std::vector<uint8_t>{4, 0, 0, 0});
    ValueEditDialog odd(false);
    odd.setValue(QStringLiteral("Odd"), kRegDword, {4, 0, 0});
    CHECK(odd.typeCombo()->currentIndex() == odd.typeCombo()->count() - 1);
    CHECK(odd.validate());
    CHECK(odd.type() == kRegDword);
    CHECK(odd.data() == std::vector<uint8_t>{4, 0, 0});
}

namespace {

/// The bytes of the value `name` of the key `key`, as hivectl wrote them.
std::vector<uint8_t> storedData(const std::string& hivePath, const std::string& key, const std::u16string& name) {
    auto hive = Hive::open(hivePath);
    REQUIRE(hive);
    const Index index(**hive);
    auto keyOffset = index.findKey(key);
    REQUIRE(keyOffset);
    auto vk = index.findValue(*keyOffset, name);
    REQUIRE(vk);
    auto record = (*hive)->valueRecord(*vk);
    REQUIRE(record);
    auto data = (*hive)->valueData(*record);
    REQUIRE(data);
    const Bytes bytes = data->bytes();
    return {bytes.begin(), bytes.end()};
}

}  // namespace

TEST_CASE("The value editor and hivectl set give the same bytes for a negative DWORD and an empty string entry") {
    testsupport::TempDir dir;
    const std::string hive = dir.file("agree.hiv");
    REQUIRE(testsupport::hivectl({"new-hive", hive}).exitCode == 0);
    const auto set = [&](const std::string& name, const std::string& type, const std::string& data) {
        auto r = testsupport::hivectl({"set", hive, "", name, "--type", type, "--data", data});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    };
    set("Dword", "dword", "-1");
    set("Qword", "qword", "-2");
    set("BigEndian", "REG_DWORD_BIG_ENDIAN", "-2");
    set("Multi", "multi_sz", "a\n\nb\n\n");
    set("Bytes", "binary", "0xde,0xa 0102");

    ValueEditDialog dword(true);
    dword.setType(kRegDword);
    dword.lineEdit()->setText(QStringLiteral("-1"));
    REQUIRE(dword.validate());
    CHECK(dword.data() == storedData(hive, "", u"Dword"));
    CHECK(dword.data() == std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff});

    ValueEditDialog qword(true);
    qword.setType(kRegQword);
    qword.lineEdit()->setText(QStringLiteral("-2"));
    REQUIRE(qword.validate());
    CHECK(qword.data() == storedData(hive, "", u"Qword"));

    // The combo box has no big-endian DWORD: the editor opens it raw, and
    // shows the bytes hivectl wrote.
    ValueEditDialog bigEndian(false);
    bigEndian.setValue(QStringLiteral("BigEndian"), kRegDwordBigEndian, storedData(hive, "", u"BigEndian"));
    CHECK(bigEndian.hexGrid()->data() == std::vector<uint8_t>{0xff, 0xff, 0xff, 0xfe});

    ValueEditDialog multi(true);
    multi.setType(kRegMultiSz);
    multi.textEdit()->setPlainText(QStringLiteral("a\n\nb\n\n"));
    REQUIRE(multi.validate());
    CHECK(multi.data() == storedData(hive, "", u"Multi"));
    // Edited again, the value shows the text it was written from.
    ValueEditDialog again(false);
    again.setValue(QStringLiteral("Multi"), kRegMultiSz, storedData(hive, "", u"Multi"));
    CHECK(again.textEdit()->toPlainText() == QStringLiteral("a\n\nb\n\n"));
    REQUIRE(again.validate());
    CHECK(again.data() == storedData(hive, "", u"Multi"));

    ValueEditDialog bytes(true);
    bytes.setType(kRegBinary);
    QApplication::clipboard()->setText(QStringLiteral("0xde,0xa 0102"));
    REQUIRE(bytes.hexGrid()->paste());
    REQUIRE(bytes.validate());
    CHECK(bytes.data() == storedData(hive, "", u"Bytes"));
}
