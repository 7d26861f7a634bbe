#pragma once

#include <QWidget>

namespace nnlab {

/// The colour key of the graph: a bar from −range (orange) through 0 (grey) to +range (blue),
/// with the numbers written under it. The range follows the largest |w| of the shown network.
class WeightLegend : public QWidget {
  Q_OBJECT

 public:
  explicit WeightLegend(QWidget* parent = nullptr);

  void setRange(double range);
  /// The quantity the colours stand for ("weight" unless set).
  void setTitle(const QString& title);
  QString title() const { return m_title; }
  double range() const { return m_range; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  double m_range = 1.0;
  QString m_title;
};

}  // namespace nnlab
