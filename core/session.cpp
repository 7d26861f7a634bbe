// Writing session files; reading them is in session_reader.cpp.
#include "core/session.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "core/atomic_file.h"
#include "core/json_reader.h"
#include "core/model_json.h"

namespace nnlab {
namespace {

using json::Json;

Json numbers(const auto& values) {
  Json array = Json::array();
  for (Eigen::Index j = 0; j < values.size(); ++j) {
    if (!std::isfinite(values(j))) {
      throw SessionError(
          "the session holds a value that is not a finite number; it cannot be "
          "saved");
    }
    array.push_back(values(j));
  }
  return array;
}

Json rowsOf(const Matrix& matrix) {
  Json rows = Json::array();
  for (Eigen::Index i = 0; i < matrix.rows(); ++i) rows.push_back(numbers(matrix.row(i)));
  return rows;
}

Json dataJson(const Dataset& data) {
  Json rows = Json::array();
  for (int i = 0; i < data.rows(); ++i) {
    RowVector row(data.inputColumns() + data.targetColumns());
    row << data.inputs.row(i), data.targets.row(i);
    rows.push_back(numbers(row));
  }
  Json test = Json::array();
  for (int i = 0; i < data.rows(); ++i)
    if (data.isTestRow(i)) test.push_back(i);
  return {{"inputs", data.inputNames},
          {"targets", data.targetNames},
          {"rows", std::move(rows)},
          {"test_rows", std::move(test)}};
}

Json trainingJson(const RunnerState& state) {
  const TrainingSettings& s = state.settings;
  const OptimizerSettings& o = s.optimizer;
  const StopConditions& stop = state.stopConditions;
  if (!std::isfinite(state.speedLimit)) throw SessionError("the speed limit is not finite");
  return {{"init", initName(state.init)},
          {"seed", state.seed},
          {"loss", lossName(s.loss)},
          {"optimizer",
           {{"kind", optimizerName(o.kind)},
            {"learning_rate", o.learningRate},
            {"momentum", o.momentum},
            {"beta1", o.beta1},
            {"beta2", o.beta2},
            {"epsilon", o.epsilon}}},
          {"batch_size", s.batchSize},
          {"l1", s.l1},
          {"l2", s.l2},
          {"shuffle_seed", s.shuffleSeed},
          {"input_scaling", scalingName(state.scaling)},
          {"stop",
           {{"max_epochs", stop.maxEpochs},
            {"loss_goal", stop.lossGoal},
            {"early_stop_patience", stop.earlyStopPatience}}},
          {"speed_limit", state.speedLimit}};
}

// One moment (velocity, Adam's m or v) per layer: {"weights": [[…]], "bias": […]}.
Json momentJson(const Gradients& moment) {
  Json layers = Json::array();
  for (std::size_t l = 0; l < moment.weights.size(); ++l) {
    layers.push_back({{"weights", rowsOf(moment.weights[l])},
                      {"bias", l < moment.bias.size() ? numbers(moment.bias[l]) : Json::array()}});
  }
  return layers;
}

// 64 bits as hex text: a JSON number loses precision past 2^53 in many readers.
std::string hex64(std::uint64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "0x%016" PRIx64, value);
  return text;
}

Json stateJson(const TrainerState& state) {
  return {{"epoch", state.epoch},
          {"optimizer_steps", state.optimizer.steps},
          {"first_moment", momentJson(state.optimizer.first)},
          {"second_moment", momentJson(state.optimizer.second)},
          {"shuffle_random", hex64(state.shuffleRandom)},
          {"shuffle_order", state.shuffleOrder}};
}

Json historyJson(const LossHistory::State& history) {
  Json points = Json::array();
  for (const HistoryPoint& p : history.points) {
    if (!std::isfinite(p.loss) || !std::isfinite(p.min) || !std::isfinite(p.max))
      throw SessionError("the loss history holds a value that is not a finite number");
    points.push_back({p.epoch, p.loss, p.min, p.max});
  }
  return {{"epochs_per_point", history.epochsPerPoint},
          {"epochs_in_last", history.epochsInLast},
          {"points", std::move(points)}};
}

Json testHistoryJson(const TestLossHistory::State& history) {
  Json points = Json::array();
  for (const TestLossPoint& p : history.points) {
    if (!std::isfinite(p.loss))
      throw SessionError("the test-loss history holds a value that is not a finite number");
    points.push_back({p.epoch, p.loss});
  }
  return {{"spacing", history.spacing}, {"points", std::move(points)}};
}

// [epoch, kind, before, after] per event (see RunEvent).
Json eventsJson(const std::vector<RunEvent>& events) {
  Json out = Json::array();
  for (const RunEvent& e : events) {
    if (!std::isfinite(e.before) || !std::isfinite(e.after))
      throw SessionError("an event of the run holds a value that is not a finite number");
    out.push_back({e.epoch, kRunEventKinds.name(e.kind), e.before, e.after});
  }
  return out;
}

Json viewJson(const SessionView& view) {
  Json neuron = view.inspectedNeuron
                    ? Json::array({view.inspectedNeuron->first, view.inspectedNeuron->second})
                    : Json(nullptr);
  return {{"log_scale", view.logScale},       {"log_x", view.logX},
          {"smoothing", view.smoothing},      {"discretize", view.discretize},
          {"selected_row", view.selectedRow}, {"inspected_neuron", std::move(neuron)},
          {"step_count", view.stepCount}};
}

Json generatorJson(Generator generator, const GeneratorSettings& settings) {
  return {{"kind", generatorName(generator)},
          {"samples", settings.samples},
          {"noise", settings.noise},
          {"test_percent", settings.testPercent},
          {"seed", settings.seed}};
}

// The weights "Revert to best" returns to, so that it still works after the session reopens.
// The run's records, so that a reopened run can be looked at again: each record's trainer state
// and weights ({"weights", "bias"} per layer, like a moment). Thinned as the runner thins them
// to at most kSessionTimelineBytes, so that a big network's session stays a sensible size. Only
// the present stretch's: the records before the last change of data or settings would need
// those data and settings too.
Json timelineJson(const RunnerState& state) {
  const RunHistory kept =
      RunHistory::fromRecords(presentRecords(state.timeline, state.timelineSegments),
                              state.timelineStride, kSessionTimelineBytes);
  Json records = Json::array();
  for (const HistoryRecord& record : kept.records()) {
    Gradients weights;
    for (const DenseLayer& layer : record.network.layers()) {
      if (!layer.weights.allFinite() || !layer.bias.allFinite())
        throw SessionError("a timeline record holds a weight that is not a finite number");
      weights.weights.push_back(layer.weights);
      weights.bias.push_back(layer.bias);
    }
    records.push_back({{"state", stateJson(record.state)}, {"weights", momentJson(weights)}});
  }
  return {{"stride", kept.stride()}, {"records", std::move(records)}};
}

Json bestJson(const std::optional<RunnerState::Best>& best) {
  if (!best) return nullptr;
  if (!std::isfinite(best->testLoss)) throw SessionError("the best test loss is not finite");
  try {
    return {{"epoch", best->epoch},
            {"test_loss", best->testLoss},
            {"model", Json::parse(modelToJson(best->network))}};
  } catch (const ModelError& e) {
    throw SessionError(std::string("best: ") + e.what());
  }
}

}  // namespace

std::string sessionToJson(const Session& session) {
  const RunnerState& state = session.training;
  Json model;
  try {
    // With the input scaling a model file brought, kept as stored; none when it is fitted.
    model = Json::parse(state.fixedScaling ? modelToJson(state.network, *state.fixedScaling)
                                           : modelToJson(state.network));
  } catch (const ModelError& e) {
    throw SessionError(e.what());
  }
  // One line per section, each compact: readable at a glance, and small for big data.
  const std::pair<const char*, Json> sections[] = {
      {"format", kSessionFormat},
      {"version", kSessionVersion},
      {"data", dataJson(state.dataset)},
      {"model", std::move(model)},
      {"training", trainingJson(state)},
      {"state", stateJson(state.trainer)},
      {"history", historyJson(state.history)},
      {"test_history", testHistoryJson(state.testHistory)},
      {"timeline", timelineJson(state)},
      {"events", eventsJson(state.events)},
      {"best", bestJson(state.best)},
      {"generator", session.generator ? generatorJson(*session.generator, session.generatorSettings)
                                      : Json(nullptr)},
      {"view", viewJson(session.view)},
  };
  std::string text = "{\n";
  for (std::size_t i = 0; i < std::size(sections); ++i) {
    text += "  " + Json(sections[i].first).dump() + ": " + sections[i].second.dump();
    text += i + 1 < std::size(sections) ? ",\n" : "\n";
  }
  return text + "}\n";
}

Session readSessionFile(const std::string& path) {
  return sessionFromJson(json::readFile<SessionError>(path), path);
}

void writeSessionFile(const std::string& path, const Session& session) {
  writeFileAtomically(path, sessionToJson(session));
}

}  // namespace nnlab
