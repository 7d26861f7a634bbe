#include "ui/window/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>

// The .qm files are compiled into this static library (ui/CMakeLists.txt): referenced here so
// that the linker keeps them. (Q_INIT_RESOURCE declares a global function.)
static void initTranslations() { Q_INIT_RESOURCE(translations); }

namespace nnlab {

namespace {

const QString kLanguageKey = QStringLiteral("language");

QString& installed() {
  static QString language = QStringLiteral("en");
  return language;
}

/// The translators in use; replaced, not added to, when the language changes.
std::vector<std::unique_ptr<QTranslator>>& translators() {
  static std::vector<std::unique_ptr<QTranslator>> list;
  return list;
}

}  // namespace

std::vector<Language> languages() {
  return {{QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString savedLanguage() { return QSettings().value(kLanguageKey).toString(); }

void saveLanguage(const QString& code) { QSettings().setValue(kLanguageKey, code); }

QString resolveLanguage(const QString& code) {
  for (const Language& language : languages())
    if (language.code == code) return code;
  if (code.isEmpty()) {
    // Any Chinese locale written in simplified characters reads the zh_CN translation.
    const QLocale system = QLocale::system();
    if (system.language() == QLocale::Chinese &&
        system.script() != QLocale::TraditionalChineseScript)
      return QStringLiteral("zh_CN");
  }
  return QStringLiteral("en");
}

QString installTranslations(const QString& code) {
  const QString language = resolveLanguage(code);
  for (const auto& translator : translators()) QCoreApplication::removeTranslator(translator.get());
  translators().clear();
  initTranslations();
  // nnlab's own strings are compiled into the program (ui/CMakeLists.txt; for English only its
  // plural forms); Qt's come from the system's Qt translations (Debian: qt6-translations-l10n),
  // when installed.
  const QString qtFolder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
  const std::pair<QString, QString> files[] = {
      {QStringLiteral("qtbase_") + language, qtFolder},
      {QStringLiteral("nnlab_") + language, QStringLiteral(":/i18n")}};
  for (const auto& [name, folder] : files) {
    if (language == QStringLiteral("en") && folder == qtFolder) continue;  // Qt's own language
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(name, folder)) continue;
    QCoreApplication::installTranslator(translator.get());
    translators().push_back(std::move(translator));
  }
  installed() = language;
  return language;
}

QString currentLanguage() { return installed(); }

}  // namespace nnlab
