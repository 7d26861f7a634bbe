#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace nnlab {

class DecisionMapView;
struct TrainingSnapshot;

/// The OUTPUT panel: the decision map with its controls (discretize, the class a click adds)
/// when the network has 2 inputs, otherwise a line saying when the map appears.
class DecisionMapPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DecisionMapPanel(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  DecisionMapView* view() const { return m_view; }
  QCheckBox* discretizeBox() const { return m_discretize; }
  QComboBox* classBox() const { return m_class; }
  /// True while the map (not the hint) is shown.
  bool mapShown() const;

 private:
  void fillClasses();

  QStackedWidget* m_pages;
  DecisionMapView* m_view;
  QCheckBox* m_discretize;
  QComboBox* m_class;
  QLabel* m_hint;
  QWidget* m_controls;  ///< discretize and the class a click adds: for classes only
};

}  // namespace nnlab
