#pragma once

#include <QFrame>

class QLineEdit;
class QLabel;

namespace nnlab {

/// A small popup to type a new weight in place. Text that is not a finite number is refused
/// with a message and the popup stays open; Enter applies, Escape cancels.
class WeightEditor : public QFrame {
  Q_OBJECT

 public:
  WeightEditor(const QString& title, double value, QWidget* parent = nullptr);

  /// Shows the popup with its top-left near `globalPosition`, kept on screen.
  void popup(const QPoint& globalPosition);
  QLineEdit* lineEdit() const { return m_edit; }

 signals:
  void accepted(double value);

 private:
  void tryAccept();

  QLineEdit* m_edit;
  QLabel* m_message;
};

}  // namespace nnlab
