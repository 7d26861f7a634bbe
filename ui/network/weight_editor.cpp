#include "ui/network/weight_editor.h"

#include <QColor>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QScreen>
#include <QVBoxLayout>
#include <cmath>

namespace nnlab {

WeightEditor::WeightEditor(const QString& title, double value, QWidget* parent)
    : QFrame(parent, Qt::Popup), m_edit(new QLineEdit(this)), m_message(new QLabel(this)) {
  setAttribute(Qt::WA_DeleteOnClose);
  setFrameStyle(QFrame::StyledPanel | QFrame::Raised);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 6, 8, 6);
  layout->addWidget(new QLabel(title, this));
  m_edit->setText(QString::number(value, 'g', 10));
  m_edit->selectAll();
  m_edit->setToolTip(tr("Type the new weight and press Enter; Escape cancels."));
  layout->addWidget(m_edit);
  m_message->setWordWrap(true);
  // A clear error red that reads on the light and on the dark palette alike.
  QPalette errorPalette = m_message->palette();
  const bool dark = errorPalette.color(QPalette::Window).lightness() < 128;
  errorPalette.setColor(QPalette::WindowText, dark ? QColor(255, 130, 120) : QColor(176, 0, 0));
  m_message->setPalette(errorPalette);
  m_message->hide();
  layout->addWidget(m_message);
  connect(m_edit, &QLineEdit::returnPressed, this, &WeightEditor::tryAccept);
}

void WeightEditor::popup(const QPoint& globalPosition) {
  adjustSize();
  QPoint at = globalPosition + QPoint(8, 8);
  if (const QScreen* screen = QWidget::screen()) {
    const QRect area = screen->availableGeometry();
    at.setX(std::min(at.x(), area.right() - width()));
    at.setY(std::min(at.y(), area.bottom() - height()));
  }
  move(at);
  show();
  m_edit->setFocus();
}

void WeightEditor::tryAccept() {
  const QString text = m_edit->text().trimmed();
  bool ok = false;
  double value = QLocale::c().toDouble(text, &ok);
  if (!ok) value = QLocale().toDouble(text, &ok);
  if (!ok || !std::isfinite(value)) {
    m_message->setText(tr("“%1” is not a number. Type a value such as -0.5 or 1.25e-3.").arg(text));
    m_message->show();
    adjustSize();
    return;
  }
  emit accepted(value);
  close();
}

}  // namespace nnlab
