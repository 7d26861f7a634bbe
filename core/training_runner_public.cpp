// The runner's public side: each command is posted to the training thread (see
// TrainingRunner::Impl::post), and snapshots are read under their lock.
#include <exception>
#include <future>
#include <memory>
#include <stdexcept>
#include <utility>

#include "core/parameter_vector.h"
#include "core/training_runner.h"
#include "core/training_runner_impl.h"

namespace nnlab {

TrainingRunner::TrainingRunner(Network network, Init init, std::uint64_t seed, Dataset dataset,
                               TrainingSettings settings, RunnerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(network), init, seed, std::move(dataset), settings,
                                    options)) {}

// The jthread member requests stop (which wakes the condition variable) and joins; the thread
// checks the stop token between chunks of about a millisecond.
TrainingRunner::~TrainingRunner() = default;

void TrainingRunner::run() {
  m_impl->post([impl = m_impl.get()] { impl->startRunning(0); }, Impl::CommandKind::Other, true);
}

void TrainingRunner::pause() {
  m_impl->post(
      [impl = m_impl.get()] {
        if (impl->state == RunState::Running) impl->pauseWith(PauseReason::User);
      },
      Impl::CommandKind::Other, true);
}

void TrainingRunner::step(long long n) {
  if (n <= 0) return;
  m_impl->post(
      [impl = m_impl.get(), n] {
        // A second Step while the first still runs adds its epochs: two clicks, 2n epochs.
        if (impl->state == RunState::Running && impl->stepsLeft > 0) {
          impl->stepsLeft += n;
          return;
        }
        impl->startRunning(n);
      },
      Impl::CommandKind::Other, true);
}

void TrainingRunner::reset(std::uint64_t seed) {
  m_impl->post([impl = m_impl.get(), seed] { impl->doReset(seed); });
}

void TrainingRunner::stop() {
  m_impl->post([impl = m_impl.get()] {
    impl->state = RunState::Stopped;
    impl->reason = PauseReason::Stopped;
  });
  m_impl->queue.close();
}

void TrainingRunner::setLearningRate(double learningRate) {
  m_impl->post(
      [impl = m_impl.get(), learningRate] {
        TrainingSettings settings = impl->trainer.settings();
        settings.optimizer.learningRate = learningRate;
        impl->doSetSettings(settings);
      },
      Impl::CommandKind::LearningRate, true);
}

void TrainingRunner::setSettings(const TrainingSettings& settings) {
  m_impl->post([impl = m_impl.get(), settings] { impl->doSetSettings(settings); },
               Impl::CommandKind::Settings, true);
}

void TrainingRunner::setSpeedLimit(double epochsPerSecond) {
  m_impl->post([impl = m_impl.get(), epochsPerSecond] { impl->doSetSpeedLimit(epochsPerSecond); },
               Impl::CommandKind::SpeedLimit, true);
}

void TrainingRunner::setStopConditions(const StopConditions& conditions) {
  m_impl->post([impl = m_impl.get(), conditions] { impl->stopRules.setConditions(conditions); },
               Impl::CommandKind::StopConditions, true);
}

void TrainingRunner::setMaxEpochs(long long epochs) {
  m_impl->post([impl = m_impl.get(), epochs] { impl->stopRules.setMaxEpochs(epochs); },
               Impl::CommandKind::StopConditions, true);
}

void TrainingRunner::setDataset(Dataset dataset) {
  auto shared = std::make_shared<const Dataset>(std::move(dataset));
  m_impl->post([impl = m_impl.get(), shared] { impl->doSetDataset(shared); },
               Impl::CommandKind::Dataset, true);
}

void TrainingRunner::setNetwork(const NetworkSpec& spec, Init init, std::uint64_t seed) {
  m_impl->post([impl = m_impl.get(), spec, init, seed] { impl->doSetNetwork(spec, init, seed); });
}

void TrainingRunner::setModel(Network network) {
  auto shared = std::make_shared<Network>(std::move(network));  // std::function needs a copy
  m_impl->post([impl = m_impl.get(), shared] { impl->doSetModel(std::move(*shared)); });
}

void TrainingRunner::setModel(Network network, InputScaling scaling) {
  auto shared =
      std::make_shared<std::pair<Network, InputScaling>>(std::move(network), std::move(scaling));
  m_impl->post([impl = m_impl.get(), shared] {
    impl->doSetModelWithScaling(std::move(shared->first), std::move(shared->second));
  });
}

void TrainingRunner::setWeight(int layer, int from, int to, double value) {
  m_impl->post(
      [impl = m_impl.get(), layer, from, to, value] { impl->doSetWeight(layer, from, to, value); });
}

void TrainingRunner::setInputScaling(ScalingKind kind) {
  m_impl->post([impl = m_impl.get(), kind] { impl->doSetInputScaling(kind); },
               Impl::CommandKind::Other, true);
}

std::future<RunnerState> TrainingRunner::captureState(std::size_t timelineBytes) {
  auto promise = std::make_shared<std::promise<RunnerState>>();
  std::future<RunnerState> future = promise->get_future();
  if (m_impl->queue.closed()) {
    promise->set_exception(std::make_exception_ptr(std::runtime_error("the runner has stopped")));
    return future;
  }
  m_impl->post([impl = m_impl.get(), promise,
                timelineBytes] { promise->set_value(impl->captured(timelineBytes)); },
               Impl::CommandKind::Other, true);
  return future;
}

std::future<std::shared_ptr<const TrainingSnapshot>> TrainingRunner::snapshotAt(long long epoch) {
  auto promise = std::make_shared<std::promise<std::shared_ptr<const TrainingSnapshot>>>();
  auto future = promise->get_future();
  if (m_impl->queue.closed()) {
    promise->set_exception(std::make_exception_ptr(std::runtime_error("the runner has stopped")));
    return future;
  }
  m_impl->post(
      [impl = m_impl.get(), promise, epoch] { promise->set_value(impl->snapshotAt(epoch)); },
      Impl::CommandKind::Other, true);
  return future;
}

std::future<std::vector<RecordedWeights>> TrainingRunner::historyWeights() {
  auto promise = std::make_shared<std::promise<std::vector<RecordedWeights>>>();
  auto future = promise->get_future();
  if (m_impl->queue.closed()) {
    promise->set_exception(std::make_exception_ptr(std::runtime_error("the runner has stopped")));
    return future;
  }
  m_impl->post(
      [impl = m_impl.get(), promise] {
        std::vector<RecordedWeights> records;
        for (const long long epoch : impl->runHistory.epochs())
          records.push_back({epoch, flattenParameters(impl->runHistory.nearest(epoch)->network)});
        promise->set_value(std::move(records));
      },
      Impl::CommandKind::Other, true);
  return future;
}

void TrainingRunner::restore(RunnerState state) {
  auto shared = std::make_shared<RunnerState>(std::move(state));  // std::function needs a copy
  // It brings its own timeline (or none), so the present one is not cleared after it.
  m_impl->post([impl = m_impl.get(), shared] { impl->doRestore(std::move(*shared)); },
               Impl::CommandKind::Other, true);
}

void TrainingRunner::goBackTo(long long epoch) {
  m_impl->post([impl = m_impl.get(), epoch] { impl->doGoBackTo(epoch); }, Impl::CommandKind::Other,
               true);
}

void TrainingRunner::revertToBest() {
  m_impl->post([impl = m_impl.get()] { impl->doRevertToBest(); }, Impl::CommandKind::Other, true);
}

std::uint64_t TrainingRunner::postedCommands() const { return m_impl->queue.posted(); }

std::shared_ptr<const TrainingSnapshot> TrainingRunner::latestSnapshot() const {
  return m_impl->latest();
}

}  // namespace nnlab
