#pragma once

#include <QSpinBox>
#include <QString>

namespace nnlab {

/// A whole-number box that states its limits and why (at the end of its tooltip), and speaks up
/// when a typed number is outside them: one above the maximum becomes the maximum, one below the
/// minimum is not taken (the old value stays), each with a message for the status bar. A plain
/// QSpinBox drops, without a word, the keystroke that goes past the maximum: "5000" typed into
/// a box of 1 to 64 reads "50". Here the whole number is typed, then judged.
class LimitedSpinBox : public QSpinBox {
  Q_OBJECT

 public:
  explicit LimitedSpinBox(QWidget* parent = nullptr);

  /// The range; `name` is what messages call the value ("Units in h1"), `reason` why the limits
  /// are what they are (shown in the tooltip and in messages).
  void setLimits(int minimum, int maximum, const QString& name, const QString& reason);
  /// What the box is for; the tooltip is this, then the range and its reason.
  void setDescription(const QString& description);

  /// "description (From min to max: reason.)", as every limited box's tooltip reads.
  static QString limitedToolTip(const QString& description, const QString& minimum,
                                const QString& maximum, const QString& reason);
  /// The message for a number above the maximum, taken as the maximum.
  static QString aboveMessage(const QString& name, const QString& typed, const QString& maximum,
                              const QString& reason);
  /// The message for a number below the minimum, not taken.
  static QString belowMessage(const QString& name, const QString& typed, const QString& minimum,
                              const QString& kept);

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
