#include "ui/output/output_section.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/output/decision_map_panel.h"

namespace nnlab {

namespace {

const QString kGeometryKey = QStringLiteral("window/outputGeometry");

}  // namespace

OutputSection::OutputSection(QWidget* parent)
    : QWidget(parent),
      m_panel(new DecisionMapPanel(this)),
      m_detach(new QToolButton(this)),
      m_placeholder(new QWidget(this)) {
  auto* title = new QLabel(tr("OUTPUT"), this);
  QFont bold = title->font();
  bold.setBold(true);
  title->setFont(bold);
  m_detach->setText(tr("Detach"));
  m_detach->setCheckable(true);
  m_detach->setAutoRaise(true);
  m_detach->setToolTip(
      tr("Open the map in a window of its own, which can be as large as the screen; close that "
         "window to put the map back here."));
  connect(m_detach, &QToolButton::toggled, this, &OutputSection::setDetached);

  auto* note = new QLabel(tr("The map is in its own window."), m_placeholder);
  note->setForegroundRole(QPalette::PlaceholderText);
  auto* back = new QPushButton(tr("Put back"), m_placeholder);
  back->setToolTip(tr("Close the map's window and show the map here again."));
  connect(back, &QPushButton::clicked, this, [this] { setDetached(false); });
  auto* placeholder = new QHBoxLayout(m_placeholder);
  placeholder->setContentsMargins(0, 0, 0, 0);
  placeholder->addWidget(note, 1);
  placeholder->addWidget(back);
  m_placeholder->hide();

  auto* header = new QHBoxLayout;
  header->addWidget(title);
  header->addStretch();
  header->addWidget(m_detach);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(header);
  layout->addWidget(m_panel, 1);
  layout->addWidget(m_placeholder);
}

OutputSection::~OutputSection() {
  // The map's window is a child of the main window, not of this section: take the panel back
  // first, so that it is deleted with the section, once.
  if (m_window) attach();
}

void OutputSection::setDetached(bool detached) {
  if (detached == isDetached()) return;
  if (!detached) {
    attach();
  } else {
    // A window of its own, owned by the main window so that it closes and minimises with it.
    m_window = new QWidget(window(), Qt::Window);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->setWindowTitle(tr("OUTPUT — nnlab"));
    auto* layout = new QVBoxLayout(m_window);
    layout->addWidget(m_panel);
    m_window->installEventFilter(this);
    if (!m_window->restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
      m_window->resize(640, 680);
    m_panel->show();
    m_window->show();
    m_placeholder->show();
  }
  {
    const QSignalBlocker blocker(m_detach);
    m_detach->setChecked(detached);
  }
  emit detachedChanged(detached);
}

void OutputSection::attach() {
  QSettings().setValue(kGeometryKey, m_window->saveGeometry());
  m_window->removeEventFilter(this);
  auto* layout = static_cast<QVBoxLayout*>(this->layout());
  layout->insertWidget(1, m_panel, 1);
  m_panel->show();
  m_placeholder->hide();
  m_window->hide();
  m_window->deleteLater();
  m_window = nullptr;
}

bool OutputSection::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_window && event->type() == QEvent::Close) {
    // Closing the map's window puts the map back; the window itself goes.
    event->ignore();
    QMetaObject::invokeMethod(
        this, [this] { setDetached(false); }, Qt::QueuedConnection);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace nnlab
