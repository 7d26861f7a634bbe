// The GUI tests need one QApplication for the whole run; settings go to a test location.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "core/blas_setup.h"
#include "ui/window/language.h"

int main(int argc, char** argv) {
  nnlab::prepareBlas();  // as nnlab does at start-up
  // Also during gtest_discover_tests, which runs the binary without the test environment.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("nnlab-tests"));
  QApplication::setApplicationName(QStringLiteral("nnlab-tests"));
  nnlab::installTranslations(QStringLiteral("en"));  // the English plural forms, as nnlab runs
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
