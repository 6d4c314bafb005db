// Translations: the user interface in the user's language. HiveKit's own
// translations (translations/*.ts, compiled by lrelease) are embedded under
// :/i18n; Qt's translations of its dialogs and buttons come from the
// system's Qt translations folder where they are installed.
#pragma once

#include <QLocale>
#include <QStringList>

namespace hivekit::gui {

class Translations {
public:
    /// Installs HiveKit's and Qt's translations for `locale` into the running
    /// application, replacing those installed by an earlier call. Call it
    /// after creating the application and before building any widget or
    /// parsing the command line, so that every string is translated.
    /// Returns true when HiveKit speaks one of the locale's UI languages
    /// (English, German, French); false otherwise, and the interface is
    /// then English.
    /// REQUIRES: a QCoreApplication exists.
    static bool install(const QLocale& locale = QLocale());

    /// The languages of the embedded translations, as locale names ("de",
    /// "en", "fr"; English holds only the plural forms of the source texts).
    static QStringList languages();
};

}  // namespace hivekit::gui
