#include "ui/landscape/landscape_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>

#include "core/parameter_vector.h"
#include "core/training_runner.h"
#include "ui/common/gui_mailbox.h"
#include "ui/landscape/landscape_command.h"
#include "ui/landscape/landscape_view.h"

namespace nnlab {

namespace {

constexpr int kResolution = 41;   // nodes per side: 1,681 losses
constexpr double kMargin = 0.35;  // of the path's extent, around it

}  // namespace

/// What a computation hands back to the GUI thread.
struct LandscapePanel::Result {
  std::optional<LandscapePlane> plane;
  std::optional<LossGrid> grid;
  std::vector<QPointF> path;
  std::vector<long long> epochs;
  Network shape;
  QString error;  ///< empty unless it failed
};

LandscapePanel::LandscapePanel(TrainingRunner& runner, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent),
      m_runner(runner),
      m_undo(undoStack),
      m_view(new LandscapeView(this)),
      m_compute(new QPushButton(tr("Compute"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_mailbox(new GuiMailbox(this)) {
  m_compute->setToolTip(
      tr("Project the run's recorded weights onto their two principal directions and compute "
         "the loss over that plane."));
  m_cancel->setToolTip(tr("Stop computing the landscape; the one shown stays."));
  m_cancel->setEnabled(false);
  m_progress->setRange(0, kResolution);
  m_progress->setValue(0);
  m_progress->setTextVisible(false);
  m_progress->setMaximumHeight(fontMetrics().height());
  m_status->setWordWrap(true);
  auto* controls = new QHBoxLayout;
  controls->addWidget(m_compute);
  controls->addWidget(m_cancel);
  controls->addWidget(m_progress, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_status);
  connect(m_compute, &QPushButton::clicked, this, &LandscapePanel::compute);
  connect(m_cancel, &QPushButton::clicked, this, &LandscapePanel::cancel);
  connect(m_view, &LandscapeView::pointClicked, this, &LandscapePanel::pick);
  connect(m_view, &LandscapeView::epochPicked, this, &LandscapePanel::epochPicked);
}

LandscapePanel::~LandscapePanel() { stopWorker(); }

void LandscapePanel::stopWorker() {
  if (!m_worker.joinable()) return;
  m_worker.request_stop();
  m_worker.join();
  m_worker = std::jthread();
  m_mailbox->clear();  // its progress and result, if not yet shown, are of no use now
}

void LandscapePanel::showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot) {
  m_shown = snapshot;
  if (m_plane && !snapshot->network.sameShape(m_shape)) {
    // Another architecture: the plane is not of its parameter space any more.
    m_plane.reset();
    m_view->clear();
  }
  if (isVisible()) updateCurrent();
}

void LandscapePanel::updateCurrent() {
  if (!m_shown || !m_plane || !m_shown->network.sameShape(m_shape)) {
    m_view->setCurrent(std::nullopt);
    return;
  }
  const Eigen::Vector2d at = m_plane->project(flattenParameters(m_shown->network));
  m_view->setCurrent(QPointF(at(0), at(1)));
}

void LandscapePanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!m_view->hasLandscape() && !m_busy && m_shown) compute();
  updateCurrent();
}

void LandscapePanel::setCursorEpoch(long long epoch) { m_view->setCursorEpoch(epoch); }

void LandscapePanel::cancel() {
  stopWorker();
  m_busy = false;
  m_cancel->setToolTip(tr("Stop computing the landscape; the one shown stays."));
  m_cancel->setEnabled(false);
  m_progress->setValue(0);
  m_status->setText(tr("Cancelled."));
  emit finished();
}

void LandscapePanel::compute() {
  if (!m_shown || !m_shown->dataset) return;
  stopWorker();
  std::future<std::vector<RecordedWeights>> records;
  try {
    records = m_runner.historyWeights();
  } catch (const std::exception&) {
    return;
  }
  m_busy = true;
  m_cancel->setEnabled(true);
  m_progress->setValue(0);
  m_status->setText(tr("Computing the loss over the plane…"));
  LossGridRequest request{
      m_shown->network, m_shown->scaling.apply(*m_shown->dataset), m_shown->settings, {}};
  request.resolution = kResolution;
  m_worker = std::jthread([this, request = std::move(request),
                           records = std::move(records)](std::stop_token stop) mutable {
    auto result = std::make_shared<Result>();
    try {
      const bool done = run(request, records.get(), *result, [this, &stop](int rows) {
        m_mailbox->post([this, rows] { m_progress->setValue(rows); });
        return !stop.stop_requested();
      });
      if (!done) return;  // cancelled: nothing to show
    } catch (const std::exception& problem) {
      result->error = tr("Cannot compute the landscape: %1.").arg(problem.what());
    }
    if (stop.stop_requested()) return;
    m_mailbox->post([this, result] { deliver(result); });
  });
}

bool LandscapePanel::run(LossGridRequest& request, const std::vector<RecordedWeights>& history,
                         Result& result, const std::function<bool(int)>& progress) {
  std::vector<Eigen::VectorXd> points;
  for (const RecordedWeights& record : history) {
    if (record.parameters.size() != request.shape.parameterCount()) continue;
    points.push_back(record.parameters);
    result.epochs.push_back(record.epoch);
  }
  if (points.empty()) {
    result.error = tr("No recorded weights of this run yet: train a few epochs first.");
    return true;
  }
  request.plane = principalPlane(points);
  double left = 0, right = 0, bottom = 0, top = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Eigen::Vector2d at = request.plane.project(points[i]);
    result.path.emplace_back(at(0), at(1));
    left = i ? std::min(left, at(0)) : at(0), right = i ? std::max(right, at(0)) : at(0);
    bottom = i ? std::min(bottom, at(1)) : at(1), top = i ? std::max(top, at(1)) : at(1);
  }
  // A square around the path, so that distances read the same both ways.
  const double half = std::max({right - left, top - bottom, 0.5}) * (0.5 + kMargin);
  const double x = (left + right) / 2, y = (bottom + top) / 2;
  request.left = x - half, request.right = x + half;
  request.bottom = y - half, request.top = y + half;
  result.grid = computeLossGrid(request, [&progress](int rows, int) { return progress(rows); });
  if (!result.grid) return false;
  result.plane = request.plane;
  result.shape = request.shape;
  return true;
}

void LandscapePanel::deliver(std::shared_ptr<Result> result) {
  m_busy = false;
  m_cancel->setEnabled(false);
  if (!result->error.isEmpty() || !result->grid) {
    m_status->setText(result->error);
    emit finished();
    return;
  }
  m_plane = result->plane;
  m_shape = result->shape;
  m_progress->setValue(kResolution);
  const long long last = result->epochs.back();
  m_view->setLandscape(std::move(*result->grid), std::move(result->path), std::move(result->epochs),
                       m_plane->firstShare, m_plane->secondShare);
  if (m_shown) m_view->setCursorEpoch(m_shown->epoch);
  updateCurrent();
  m_status->setText(tr("The run's path up to epoch %1 over the loss (dark: low, light: high): "
                       "red dot its end, orange ring the epoch chosen, × the weights shown. "
                       "Click the plane to set the weights there.")
                        .arg(last));
  emit finished();
}

void LandscapePanel::pick(QPointF point) {
  if (!m_plane) return;
  Network picked = withParameters(m_shape, m_plane->pointAt(point.x(), point.y()));
  m_undo->push(new LandscapeCommand(m_runner, std::move(picked),
                                    [this](const QString& text) { emit message(text); }));
}

}  // namespace nnlab
