#pragma once

#include <QString>
#include <vector>

namespace nnlab {

/// A language the window speaks: its code ("en", "zh_CN") and its name in itself.
struct Language {
  QString code;
  QString ownName;
};

/// English (the source language) and Simplified Chinese.
std::vector<Language> languages();
/// The language chosen in View ▸ Language (QSettings "language"); empty: the system's.
QString savedLanguage();
void saveLanguage(const QString& code);
/// `code` if nnlab speaks it; for an empty code the system's language when nnlab speaks it;
/// otherwise "en".
QString resolveLanguage(const QString& code);
/// Installs nnlab's translation and Qt's own (its dialogs and buttons) for `code` (resolved as
/// above) into the application; returns the language now spoken.
QString installTranslations(const QString& code);
/// The language installTranslations() last installed ("en" before).
QString currentLanguage();

}  // namespace nnlab
