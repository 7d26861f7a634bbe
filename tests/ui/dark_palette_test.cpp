#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <memory>

#include "core/training_runner.h"
#include "ui/network/network_view.h"
#include "ui/window/control_bar.h"
#include "ui/window/main_window.h"

namespace nnlab {
namespace {

/// Fusion's usual dark palette, as dark desktop themes give it.
QPalette darkPalette() {
  QPalette p;
  const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Highlight, QColor(42, 130, 218));
  p.setColor(QPalette::HighlightedText, Qt::black);
  p.setColor(QPalette::Light, QColor(80, 80, 84));
  p.setColor(QPalette::Midlight, QColor(65, 65, 68));
  p.setColor(QPalette::Mid, QColor(90, 90, 94));
  p.setColor(QPalette::Dark, QColor(20, 20, 22));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
  return p;
}

double luminance(QRgb c) {
  return (0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c)) / 255.0;
}

class DarkPaletteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_oldPalette = QApplication::palette();
    m_oldStyle = QApplication::style()->name();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
  }
  void TearDown() override {
    QApplication::setPalette(m_oldPalette);
    QApplication::setStyle(QStyleFactory::create(m_oldStyle));
  }

  QPalette m_oldPalette;
  QString m_oldStyle;
};

TEST_F(DarkPaletteTest, TheGraphDrawsOnTheDarkBaseAndItsEdgesStandOut) {
  MainWindow window(seedPreset());
  window.resize(1000, 650);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.controls()->stepCount()->setValue(300);
  window.controls()->stepAction()->trigger();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto shown = window.shownSnapshot();
        return shown && shown->epoch == 300;
      },
      10000));
  QTest::qWait(50);
  const QImage shot = window.grab().toImage();
  // Set NNLAB_TEST_SCREENSHOTS to a folder to look at the result.
  const QString folder = qEnvironmentVariable("NNLAB_TEST_SCREENSHOTS");
  if (!folder.isEmpty()) shot.save(QDir(folder).filePath(QStringLiteral("dark.png")));

  NetworkView* view = window.networkView();
  const QImage graph = view->viewport()->grab().toImage();
  // The background stays dark (no light box in a dark window)…
  EXPECT_LT(luminance(graph.pixel(3, 3)), 0.25);
  // …and the strongest edges (drawn as given) are far from it.
  int bright = 0;
  for (int y = 0; y < graph.height(); y += 2)
    for (int x = 0; x < graph.width(); x += 2)
      if (std::abs(luminance(graph.pixel(x, y)) - luminance(graph.pixel(3, 3))) > 0.3) ++bright;
  EXPECT_GT(bright, 100);
}

}  // namespace
}  // namespace nnlab
