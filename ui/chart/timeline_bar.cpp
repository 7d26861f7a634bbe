#include "ui/chart/timeline_bar.h"

#include <QActionGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <algorithm>
#include <cmath>

#include "ui/chart/timeline.h"

namespace nnlab {

namespace {

constexpr int kSliderSteps = 10000;  // positions along the slider, whatever the run's length
constexpr double kSpeeds[] = {0.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0};

}  // namespace

TimelineBar::TimelineBar(Timeline& timeline, QWidget* parent)
    : QWidget(parent),
      m_timeline(timeline),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_play(new QToolButton(this)),
      m_speedMenu(new QMenu(this)),
      m_speeds(new QActionGroup(this)),
      m_live(new QPushButton(this)),
      m_trainFromHere(new QPushButton(this)),
      m_label(new QLabel(this)) {
  setObjectName(QStringLiteral("timeline"));
  m_slider->setObjectName(QStringLiteral("timelineSlider"));
  m_play->setObjectName(QStringLiteral("timelinePlay"));
  m_live->setObjectName(QStringLiteral("timelineLive"));
  m_trainFromHere->setObjectName(QStringLiteral("timelineTrainFromHere"));
  m_slider->setRange(0, 0);
  m_play->setCheckable(true);
  // The speeds in the menu of Play's arrow: one row, so that the bar fits the loss column at
  // 1024×700 without taking the map's room.
  m_play->setPopupMode(QToolButton::MenuButtonPopup);
  m_play->setMenu(m_speedMenu);
  for (int i = 0; i < static_cast<int>(std::size(kSpeeds)); ++i) {
    QAction* speed = m_speedMenu->addAction(QString());
    speed->setCheckable(true);
    speed->setChecked(i == 0);
    speed->setData(kSpeeds[i]);
    m_speeds->addAction(speed);
  }
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(m_play);
  layout->addWidget(m_slider, 1);
  layout->addWidget(m_label);
  layout->addWidget(m_live);
  layout->addWidget(m_trainFromHere);
  retranslate();

  connect(m_slider, &QSlider::valueChanged, this,
          [this](int position) { m_timeline.showEpoch(epochAt(position)); });
  connect(m_play, &QToolButton::toggled, &m_timeline, &Timeline::setPlaying);
  connect(m_speeds, &QActionGroup::triggered, this,
          [this](QAction* speed) { m_timeline.setPlaySpeed(speed->data().toDouble()); });
  connect(m_live, &QPushButton::clicked, &m_timeline, &Timeline::goLive);
  connect(m_trainFromHere, &QPushButton::clicked, &m_timeline, &Timeline::trainFromHere);
  connect(&m_timeline, &Timeline::changed, this, &TimelineBar::follow);
  follow();
}

void TimelineBar::retranslate() {
  m_play->setToolTip(
      tr("Play: replay the run from the shown epoch (or from the start) at the "
         "chosen speed; the arrow chooses it"));
  const QList<QAction*> speeds = m_speeds->actions();
  speeds[0]->setText(tr("The whole run in %1 s").arg(Timeline::kWholeRunSeconds));
  for (int i = 1; i < speeds.size(); ++i)
    speeds[i]->setText(tr("%1 epochs/s").arg(QLocale().toString(kSpeeds[i], 'f', 0)));
  m_slider->setToolTip(
      tr("The run's epochs: drag to look at the network as it was then "
         "(training pauses)"));
  m_live->setText(tr("Live"));
  m_live->setToolTip(tr("Show the present again, as training goes"));
  m_trainFromHere->setText(tr("Train from here"));
  m_trainFromHere->setToolTip(
      tr("Go on training from the shown epoch; Undo (Ctrl+Z) brings back the later run"));
  follow();
}

void TimelineBar::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::LanguageChange) retranslate();
}

long long TimelineBar::epochAt(int position) const {
  const long long span = m_present - m_start;
  if (span <= kSliderSteps) return m_start + position;
  return m_start +
         static_cast<long long>(std::llround(static_cast<double>(span) * position / kSliderSteps));
}

int TimelineBar::positionOf(long long epoch) const {
  const long long span = m_present - m_start;
  const long long offset = std::clamp(epoch - m_start, 0LL, std::max(span, 0LL));
  if (span <= kSliderSteps) return static_cast<int>(offset);
  return static_cast<int>(
      std::llround(static_cast<double>(offset) * kSliderSteps / static_cast<double>(span)));
}

void TimelineBar::setRange(std::optional<long long> start, long long present) {
  const bool has = start.has_value() && *start < present;
  if (has == m_hasRange && (!has || (*start == m_start && present == m_present))) return;
  m_hasRange = has;
  m_start = has ? *start : present;
  m_present = present;
  follow();
}

void TimelineBar::follow() {
  const QSignalBlocker block(m_slider);
  const long long span = m_present - m_start;
  m_slider->setRange(0, static_cast<int>(std::min<long long>(span, kSliderSteps)));
  const std::optional<long long> shown = m_timeline.epoch();
  m_slider->setValue(positionOf(shown.value_or(m_present)));
  m_slider->setEnabled(m_hasRange);
  {
    const QSignalBlocker blockPlay(m_play);
    m_play->setChecked(m_timeline.isPlaying());
  }
  m_play->setIcon(
      style()->standardIcon(m_timeline.isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  m_play->setEnabled(m_hasRange);
  m_live->setEnabled(!m_timeline.isLive());
  m_trainFromHere->setEnabled(!m_timeline.isLive());
  // Short, so that it fits the loss column at 1024×700 in every language: the tooltip and the
  // status line say the rest.
  m_label->setText(shown ? QString::number(*shown) : tr("live"));
  m_label->setToolTip(shown ? tr("Showing epoch %1 of the run's %2").arg(*shown).arg(m_present)
                            : tr("Showing the present, epoch %1, as training goes").arg(m_present));
}

}  // namespace nnlab
