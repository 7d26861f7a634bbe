#include "ui/common/limited_spin_box.h"

#include <QLocale>
#include <QRegularExpression>
#include <limits>
#include <optional>

namespace nnlab {

namespace {

/// The number in `text` once the box's prefix and suffix are gone: ±infinity for a string of
/// digits too long for any integer, nullopt for what is not a whole number at all.
std::optional<double> typedNumber(const QSpinBox& box, QString text) {
  if (!box.prefix().isEmpty() && text.startsWith(box.prefix())) text.remove(0, box.prefix().size());
  if (!box.suffix().isEmpty() && text.endsWith(box.suffix())) text.chop(box.suffix().size());
  text = text.trimmed();
  bool ok = false;
  const qlonglong value = box.locale().toLongLong(text, &ok);
  if (ok) return static_cast<double>(value);
  const qlonglong plain = QLocale::c().toLongLong(text, &ok);
  if (ok) return static_cast<double>(plain);
  static const QRegularExpression digits(QStringLiteral("^[-+]?\\d+$"));
  if (digits.match(text).hasMatch())
    return text.startsWith(QLatin1Char('-')) ? -std::numeric_limits<double>::infinity()
                                             : std::numeric_limits<double>::infinity();
  return std::nullopt;
}

}  // namespace

LimitedSpinBox::LimitedSpinBox(QWidget* parent) : QSpinBox(parent) {
  connect(this, &QAbstractSpinBox::editingFinished, this, &LimitedSpinBox::sendPending);
}

void LimitedSpinBox::setLimits(int minimum, int maximum, const QString& name,
                               const QString& reason) {
  setRange(minimum, maximum);
  m_name = name;
  m_reason = reason;
  updateToolTip();
}

void LimitedSpinBox::setDescription(const QString& description) {
  m_description = description;
  updateToolTip();
}

QString LimitedSpinBox::limitedToolTip(const QString& description, const QString& minimum,
                                       const QString& maximum, const QString& reason) {
  const QString range = reason.isEmpty() ? tr("From %1 to %2.").arg(minimum, maximum)
                                         : tr("From %1 to %2: %3.").arg(minimum, maximum, reason);
  return description.isEmpty() ? range : description + QLatin1Char(' ') + range;
}

QString LimitedSpinBox::aboveMessage(const QString& name, const QString& typed,
                                     const QString& maximum, const QString& reason) {
  return reason.isEmpty()
             ? tr("%1 can be at most %2: %3 became %2.").arg(name, maximum, typed)
             : tr("%1 can be at most %2 (%3): %4 became %2.").arg(name, maximum, reason, typed);
}

QString LimitedSpinBox::belowMessage(const QString& name, const QString& typed,
                                     const QString& minimum, const QString& kept) {
  return tr("%1 must be at least %2: %3 was not taken, it stays %4.")
      .arg(name, minimum, typed, kept);
}

void LimitedSpinBox::updateToolTip() {
  setToolTip(limitedToolTip(m_description, locale().toString(minimum()),
                            locale().toString(maximum()), m_reason));
}

QValidator::State LimitedSpinBox::validate(QString& input, int& pos) const {
  // Any whole number may be typed out in full; fixup() judges it when the edit is finished.
  const std::optional<double> number = typedNumber(*this, input);
  if (number && (*number < minimum() || *number > maximum())) return QValidator::Intermediate;
  return QSpinBox::validate(input, pos);
}

void LimitedSpinBox::fixup(QString& input) const {
  const std::optional<double> number = typedNumber(*this, input);
  if (!number) return QSpinBox::fixup(input);
  QString typed = input.trimmed();
  if (!suffix().isEmpty() && typed.endsWith(suffix().trimmed()))
    typed = typed.chopped(suffix().trimmed().size()).trimmed();
  const QString name = m_name.isEmpty() ? tr("This value") : m_name;
  if (*number > maximum()) {
    m_pending = aboveMessage(name, typed, locale().toString(maximum()), m_reason);
    input = textFromValue(maximum());
  } else if (*number < minimum()) {
    m_pending = belowMessage(name, typed, locale().toString(minimum()), textFromValue(value()));
    input = textFromValue(value());
  } else {
    return QSpinBox::fixup(input);
  }
  input = prefix() + input + suffix();
}

void LimitedSpinBox::sendPending() {
  if (m_pending.isEmpty()) return;
  const QString message = m_pending;
  m_pending.clear();
  emit limitHit(message);
}

}  // namespace nnlab
