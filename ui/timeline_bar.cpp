#include "timeline_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "timeline.h"

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
      m_speed(new QComboBox(this)),
      m_live(new QPushButton(this)),
      m_trainFromHere(new QPushButton(this)),
      m_label(new QLabel(this)) {
  setObjectName(QStringLiteral("timeline"));
  m_slider->setObjectName(QStringLiteral("timelineSlider"));
  m_play->setObjectName(QStringLiteral("timelinePlay"));
  m_speed->setObjectName(QStringLiteral("timelineSpeed"));
  m_live->setObjectName(QStringLiteral("timelineLive"));
  m_trainFromHere->setObjectName(QStringLiteral("timelineTrainFromHere"));
  m_slider->setRange(0, 0);
  m_play->setCheckable(true);
  m_speed->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  for (int i = 0; i < static_cast<int>(std::size(kSpeeds)); ++i) m_speed->addItem(QString());
  // Two rows, so that it fits the loss column at 1024×700: the slider with what it shows, then
  // the buttons.
  auto* top = new QHBoxLayout;
  top->addWidget(m_play);
  top->addWidget(m_slider, 1);
  top->addWidget(m_label);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(m_speed);
  bottom->addStretch();
  bottom->addWidget(m_live);
  bottom->addWidget(m_trainFromHere);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(top);
  layout->addLayout(bottom);
  retranslate();

  connect(m_slider, &QSlider::valueChanged, this,
          [this](int position) { m_timeline.showEpoch(epochAt(position)); });
  connect(m_play, &QToolButton::toggled, &m_timeline, &Timeline::setPlaying);
  connect(m_speed, &QComboBox::currentIndexChanged, this,
          [this](int index) { m_timeline.setPlaySpeed(kSpeeds[std::max(index, 0)]); });
  connect(m_live, &QPushButton::clicked, &m_timeline, &Timeline::goLive);
  connect(m_trainFromHere, &QPushButton::clicked, &m_timeline, &Timeline::trainFromHere);
  connect(&m_timeline, &Timeline::changed, this, &TimelineBar::follow);
  follow();
}

void TimelineBar::retranslate() {
  m_play->setToolTip(
      tr("Play: replay the run from the shown epoch (or from the start) at the "
         "chosen speed"));
  m_speed->setToolTip(tr("How fast Play moves through the run: the whole run in %1 seconds, or "
                         "so many epochs per second")
                          .arg(Timeline::kWholeRunSeconds));
  m_speed->setItemText(0, tr("run in %1 s").arg(Timeline::kWholeRunSeconds));
  for (int i = 1; i < static_cast<int>(std::size(kSpeeds)); ++i)
    m_speed->setItemText(i, tr("%1/s").arg(QLocale().toString(kSpeeds[i], 'f', 0)));
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
  m_label->setText(shown ? tr("epoch %1 of %2").arg(*shown).arg(m_present)
                         : tr("live, epoch %1").arg(m_present));
}

}  // namespace nnlab
