#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace nnlab {

class CurveView;
class DecisionMapView;
struct TrainingSnapshot;

/// The OUTPUT panel: the decision map with its controls (discretize, the class a click adds)
/// when the network has 2 inputs, the curve view when it has 1 input and 1 output, otherwise a
/// line saying when the map appears.
class DecisionMapPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DecisionMapPanel(QWidget* parent = nullptr);

  void showSnapshot(const TrainingSnapshot& snapshot);
  DecisionMapView* view() const { return m_view; }
  QCheckBox* discretizeBox() const { return m_discretize; }
  QComboBox* classBox() const { return m_class; }
  /// True while the map (not the curve or the hint) is shown.
  bool mapShown() const;
  CurveView* curveView() const { return m_curve; }
  QToolButton* contributionsBox() const { return m_contributions; }
  /// True while the 1-input curve view is shown.
  bool curveShown() const;

 private:
  void fillClasses();
  QWidget* createCurvePage();

  QStackedWidget* m_pages;
  DecisionMapView* m_view;
  QCheckBox* m_discretize;
  QComboBox* m_class;
  QLabel* m_hint;
  CurveView* m_curve;
  QToolButton* m_contributions;  ///< the curve view's small curves: a·w instead of a
  QWidget* m_curvePage;
  QWidget* m_controls;  ///< discretize and the class a click adds: for classes only
};

}  // namespace nnlab
