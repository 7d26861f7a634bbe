#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace nnlab {

class DecisionMapPanel;

/// The OUTPUT section of the window: its title, with a Detach button, over the decision map.
/// Detached, the map moves into a window of its own, as large as one likes (its size is
/// remembered); closing that window, or "Put back", brings the map back into the section.
class OutputSection : public QWidget {
  Q_OBJECT

 public:
  explicit OutputSection(QWidget* parent = nullptr);
  ~OutputSection() override;

  DecisionMapPanel* panel() const { return m_panel; }
  QToolButton* detachButton() const { return m_detach; }
  /// The map's own window while detached, else null.
  QWidget* detachedWindow() const { return m_window; }
  bool isDetached() const { return m_window != nullptr; }

 public slots:
  void setDetached(bool detached);

 signals:
  void detachedChanged(bool detached);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void attach();

  DecisionMapPanel* m_panel;
  QToolButton* m_detach;
  QWidget* m_placeholder;  ///< "in its own window", with Put back, while detached
  QWidget* m_window = nullptr;
};

}  // namespace nnlab
