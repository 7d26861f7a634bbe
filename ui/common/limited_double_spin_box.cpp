#include "ui/common/limited_double_spin_box.h"

#include <QLocale>
#include <cmath>
#include <optional>

#include "ui/common/limited_spin_box.h"

namespace nnlab {

namespace {

/// The number in `text` once the box's prefix and suffix are gone; nullopt when it is none.
std::optional<double> typedNumber(const QDoubleSpinBox& box, QString text) {
  if (!box.prefix().isEmpty() && text.startsWith(box.prefix())) text.remove(0, box.prefix().size());
  if (!box.suffix().isEmpty() && text.endsWith(box.suffix())) text.chop(box.suffix().size());
  text = text.trimmed();
  bool ok = false;
  double value = box.locale().toDouble(text, &ok);
  if (!ok) value = QLocale::c().toDouble(text, &ok);
  if (!ok || std::isnan(value)) return std::nullopt;
  return value;
}

}  // namespace

LimitedDoubleSpinBox::LimitedDoubleSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
  connect(this, &QAbstractSpinBox::editingFinished, this, &LimitedDoubleSpinBox::sendPending);
}

void LimitedDoubleSpinBox::setLimits(double minimum, double maximum, const QString& name,
                                     const QString& reason) {
  setRange(minimum, maximum);
  m_name = name;
  m_reason = reason;
  updateToolTip();
}

void LimitedDoubleSpinBox::setDescription(const QString& description) {
  m_description = description;
  updateToolTip();
}

void LimitedDoubleSpinBox::updateToolTip() {
  setToolTip(LimitedSpinBox::limitedToolTip(m_description, locale().toString(minimum()),
                                            locale().toString(maximum()), m_reason));
}

QValidator::State LimitedDoubleSpinBox::validate(QString& input, int& pos) const {
  // Any number may be typed out in full; fixup() judges it when the edit is finished.
  const std::optional<double> number = typedNumber(*this, input);
  if (number && (*number < minimum() || *number > maximum())) return QValidator::Intermediate;
  return QDoubleSpinBox::validate(input, pos);
}

void LimitedDoubleSpinBox::fixup(QString& input) const {
  const std::optional<double> number = typedNumber(*this, input);
  if (!number) return QDoubleSpinBox::fixup(input);
  const QString typed = input.trimmed();
  const QString name = m_name.isEmpty() ? tr("This value") : m_name;
  if (*number > maximum()) {
    m_pending = LimitedSpinBox::aboveMessage(name, typed, locale().toString(maximum()), m_reason);
    input = textFromValue(maximum());
  } else if (*number < minimum()) {
    m_pending = LimitedSpinBox::belowMessage(name, typed, locale().toString(minimum()),
                                             textFromValue(value()));
    input = textFromValue(value());
  } else {
    return QDoubleSpinBox::fixup(input);
  }
  input = prefix() + input + suffix();
}

void LimitedDoubleSpinBox::sendPending() {
  if (m_pending.isEmpty()) return;
  const QString message = m_pending;
  m_pending.clear();
  emit limitHit(message);
}

}  // namespace nnlab
