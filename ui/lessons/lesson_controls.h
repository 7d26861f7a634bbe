#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace nnlab {

class MainWindow;

/// Gives the window's controls the object names lessons use (trainButton, learningRate,
/// networkView, …; docs/lesson-format.md lists them) and finds them by name.
class LessonControls {
 public:
  /// Names the controls of `window` (once; harmless to repeat).
  static void nameControls(MainWindow& window);
  /// Every name nameControls() gives, in the order docs/lesson-format.md lists them.
  static QStringList names();
  /// The widget called `name` in `window`; nullptr when there is none.
  static QWidget* find(MainWindow& window, const QString& name);
  /// Enables or disables a control, with the action it triggers (Train's Space too).
  static void setLocked(QWidget* control, bool locked);
};

/// A coloured frame drawn over a control the lesson points at; it follows the control's size
/// and lets every click through.
class LessonHighlight : public QWidget {
  Q_OBJECT

 public:
  explicit LessonHighlight(QWidget* target);
  QWidget* target() const { return m_target; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QPointer<QWidget> m_target;
};

}  // namespace nnlab
