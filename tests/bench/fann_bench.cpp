// The seed's training loop against FANN (Fast Artificial Neural Network Library, Debian's
// libfann-dev 2.2.0, double precision), the classic C library for exactly this kind of small
// network. Both train the article's experiment from the same first weights, alternated in one
// run:
// - nnlab: `Trainer::step` on the 3-4-1 sigmoid network, full-batch gradient descent, sse,
//   learning rate 1 (the article's numpy loop).
// - FANN: a 3-4-1 network of FANN_SIGMOID neurons at steepness 0.5 (1 / (1 + e^−2·0.5·z), the
//   logistic), FANN_TRAIN_BATCH (every row's gradient summed, one update per epoch), the linear
//   error function. FANN's batch step is (learning rate ÷ rows) · Σ (y − ŷ)·σ'·a, the article's
//   is 1 · Σ 2(y − ŷ)·σ'·a: learning rate 8 makes them the same step. FANN always gives the
//   input and hidden layers a bias neuron, which the article's network has not; those weights
//   start at 0. FANN's σ' clips ŷ to [0.01, 0.99].
// `ratio` is nnlab's epochs per second ÷ FANN's.
#include <benchmark/benchmark.h>
#include <doublefann.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "core/presets.h"
#include "core/trainer.h"
#include "tests/bench/bench_clock.h"

namespace nnlab {
namespace {

struct FannDeleter {
  void operator()(fann* ann) const { fann_destroy(ann); }
  void operator()(fann_train_data* data) const { fann_destroy_train(data); }
};
using FannNetwork = std::unique_ptr<fann, FannDeleter>;
using FannData = std::unique_ptr<fann_train_data, FannDeleter>;

// FANN numbers its neurons layer by layer, each layer's bias neuron last: inputs 0–2 (bias 3),
// hidden 4–7 (bias 8), output 9.
FannNetwork fannSeedNetwork(const Network& network) {
  FannNetwork ann(fann_create_standard(3, 3u, 4u, 1u));
  fann_set_activation_function_hidden(ann.get(), FANN_SIGMOID);
  fann_set_activation_function_output(ann.get(), FANN_SIGMOID);
  fann_set_activation_steepness_hidden(ann.get(), 0.5);
  fann_set_activation_steepness_output(ann.get(), 0.5);
  fann_set_training_algorithm(ann.get(), FANN_TRAIN_BATCH);
  fann_set_train_error_function(ann.get(), FANN_ERRORFUNC_LINEAR);
  fann_set_learning_rate(ann.get(), 8.0f);
  std::vector<fann_connection> connections(fann_get_total_connections(ann.get()));
  fann_get_connection_array(ann.get(), connections.data());
  const Matrix& w1 = network.layer(0).weights;  // 3 × 4
  const Matrix& w2 = network.layer(1).weights;  // 4 × 1
  for (fann_connection& c : connections) {
    const unsigned from = c.from_neuron, to = c.to_neuron;
    c.weight = 0.0;
    if (from < 3 && to >= 4 && to < 8) c.weight = w1(from, to - 4);
    if (from >= 4 && from < 8 && to == 9) c.weight = w2(from - 4, 0);
  }
  fann_set_weight_array(ann.get(), connections.data(), static_cast<unsigned>(connections.size()));
  return ann;
}

FannData fannSeedData(const Dataset& dataset) {
  FannData data(fann_create_train(static_cast<unsigned>(dataset.inputs.rows()),
                                  static_cast<unsigned>(dataset.inputs.cols()), 1u));
  for (Eigen::Index r = 0; r < dataset.inputs.rows(); ++r) {
    for (Eigen::Index c = 0; c < dataset.inputs.cols(); ++c)
      data->input[r][c] = dataset.inputs(r, c);
    data->output[r][0] = dataset.targets(r, 0);
  }
  return data;
}

// FANN's answers to the table's rows.
std::vector<double> fannAnswers(fann* ann, const Dataset& dataset) {
  std::vector<double> answers;
  for (Eigen::Index r = 0; r < dataset.inputs.rows(); ++r) {
    fann_type input[3] = {dataset.inputs(r, 0), dataset.inputs(r, 1), dataset.inputs(r, 2)};
    answers.push_back(fann_run(ann, input)[0]);
  }
  return answers;
}

// How far FANN's answers after the article's 1500 epochs are from nnlab's (the article's
// 0.0185, 0.9768, 0.9831, 0.0222): that both ran the same experiment. FANN's extra biases and
// clipped σ' move its answers by a few thousandths.
double differenceAfter1500Epochs(const Preset& seed) {
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  trainer.step(1500);
  const Matrix ours = trainer.network().predict(seed.dataset.inputs);
  FannNetwork ann = fannSeedNetwork(seed.makeNetwork());
  FannData data = fannSeedData(seed.dataset);
  for (int e = 0; e < 1500; ++e) fann_train_epoch(ann.get(), data.get());
  const std::vector<double> theirs = fannAnswers(ann.get(), seed.dataset);
  double largest = 0;
  for (std::size_t r = 0; r < theirs.size(); ++r)
    largest = std::max(largest, std::abs(theirs[r] - ours(static_cast<Eigen::Index>(r), 0)));
  return largest;
}

void BM_SeedTrainerVsFann(benchmark::State& state) {
  const Preset seed = seedPreset();
  Trainer trainer(seed.makeNetwork(), seed.dataset, seed.settings);
  FannNetwork ann = fannSeedNetwork(seed.makeNetwork());
  FannData data = fannSeedData(seed.dataset);
  constexpr long long kEpochs = 100000;
  double trainerSeconds = 0, fannSeconds = 0;
  bench::timeInTurn(
      state, [&] { benchmark::DoNotOptimize(trainer.step(kEpochs)); },
      [&] {
        for (long long e = 0; e < kEpochs; ++e) fann_train_epoch(ann.get(), data.get());
      },
      trainerSeconds, fannSeconds);
  const double difference = differenceAfter1500Epochs(seed);
  if (difference > 0.01) {
    state.SkipWithError(
        "FANN's answers after 1500 epochs are not nnlab's: not the same experiment");
    return;
  }
  const double epochs = static_cast<double>(kEpochs) * state.iterations();
  state.counters["trainer_epochs_per_s"] = epochs / trainerSeconds;
  state.counters["fann_epochs_per_s"] = epochs / fannSeconds;
  state.counters["fann_mse"] = fann_get_MSE(ann.get());
  state.counters["after_1500_max_difference"] = difference;
  state.counters["ratio"] = fannSeconds / trainerSeconds;
}
BENCHMARK(BM_SeedTrainerVsFann)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace
}  // namespace nnlab
