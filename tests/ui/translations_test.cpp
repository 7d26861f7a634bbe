// Every string the window shows is translated: lupdate, run over the sources into a copy of
// each .ts file, finds nothing new and nothing unfinished.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace nnlab {
namespace {

/// "context: source" of each message of a .ts file that has no finished translation.
QStringList unfinishedMessages(const QString& tsFile) {
  QFile file(tsFile);
  if (!file.open(QIODevice::ReadOnly)) return {QStringLiteral("cannot read ") + tsFile};
  QStringList unfinished;
  QXmlStreamReader xml(&file);
  QString context;
  QString source;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (xml.name() == QLatin1String("source")) {
      source = xml.readElementText();
    } else if (xml.name() == QLatin1String("translation")) {
      const bool open =
          xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
      // Plural forms are <numerusform>s inside; the text of a singular translation.
      const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      if (open || text.trimmed().isEmpty()) unfinished << context + QStringLiteral(": ") + source;
    }
  }
  if (xml.hasError()) unfinished << tsFile + QStringLiteral(": ") + xml.errorString();
  return unfinished;
}

TEST(Translations, EverySourceStringIsTranslated) {
  const QDir source(QStringLiteral(NNLAB_SOURCE_DIR));
  const QDir translations(source.filePath(QStringLiteral("resources/translations")));
  const QStringList tsFiles = translations.entryList({QStringLiteral("*.ts")}, QDir::Files);
  ASSERT_FALSE(tsFiles.isEmpty());
  QTemporaryDir copies;
  for (const QString& ts : tsFiles) {
    SCOPED_TRACE(ts.toStdString());
    const QString copy = copies.filePath(ts);
    ASSERT_TRUE(QFile::copy(translations.filePath(ts), copy));
    QProcess lupdate;
    // The same options as the update_translations target (ui/CMakeLists.txt). Includes are
    // written from the root (-I): lupdate reads the headers to know each class's namespace, the
    // context of its strings.
    QStringList arguments = {source.filePath(QStringLiteral("ui")),
                             source.filePath(QStringLiteral("app")),
                             QStringLiteral("-I"),
                             source.absolutePath(),
                             QStringLiteral("-ts"),
                             copy,
                             QStringLiteral("-locations"),
                             QStringLiteral("none"),
                             QStringLiteral("-no-obsolete")};
    // English is the source language: its file holds only the plural forms.
    if (ts.endsWith(QStringLiteral("_en.ts"))) arguments << QStringLiteral("-pluralonly");
    lupdate.start(QStringLiteral(NNLAB_LUPDATE), arguments);
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    const QStringList missing = unfinishedMessages(copy);
    EXPECT_TRUE(missing.isEmpty())
        << missing.size() << " string(s) new or unfinished; run lupdate (docs/translating.md) "
        << "and translate:\n"
        << missing.join(QLatin1Char('\n')).toStdString();
  }
}

TEST(Translations, AnUntranslatedStringIsFound) {
  QTemporaryDir folder;
  const QString ts = folder.filePath(QStringLiteral("t.ts"));
  QFile file(ts);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\">"
      "<context><name>A</name>"
      "<message><source>done</source><translation>好</translation></message>"
      "<message><source>open</source><translation type=\"unfinished\"></translation></message>"
      "<message><source>empty</source><translation></translation></message>"
      "</context></TS>");
  file.close();
  EXPECT_EQ(unfinishedMessages(ts),
            (QStringList{QStringLiteral("A: open"), QStringLiteral("A: empty")}));
}

}  // namespace
}  // namespace nnlab
