#pragma once

#include <QDoubleSpinBox>
#include <QString>

namespace nnlab {

/// LimitedSpinBox for decimal numbers: the range and its reason in the tooltip; a typed number
/// above the maximum becomes the maximum and one below the minimum is not taken, each with a
/// message, where a plain QDoubleSpinBox drops the keystroke without a word.
class LimitedDoubleSpinBox : public QDoubleSpinBox {
  Q_OBJECT

 public:
  explicit LimitedDoubleSpinBox(QWidget* parent = nullptr);

  /// As LimitedSpinBox::setLimits.
  void setLimits(double minimum, double maximum, const QString& name, const QString& reason);
  /// What the box is for; the tooltip is this, then the range and its reason.
  void setDescription(const QString& description);

 signals:
  /// A typed number was taken as the maximum, or refused; the text says which and why.
  void limitHit(const QString& message);

 protected:
  QValidator::State validate(QString& input, int& pos) const override;
  void fixup(QString& input) const override;

 private:
  void updateToolTip();
  void sendPending();

  QString m_name;
  QString m_reason;
  QString m_description;
  mutable QString m_pending;  ///< set by fixup(), sent once the edit is finished
};

}  // namespace nnlab
