// Reading session files: every value checked, and the parts against each other, so that a
// session that reads can be restored into a runner.
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/json_reader.h"
#include "core/model_json.h"
#include "core/session.h"
#include "core/session_reader_parts.h"

namespace nnlab {
namespace {

using json::brief;
using session_reader::Json;
using session_reader::kMaxCount;
using session_reader::Reader;
using session_reader::readEvents;
using session_reader::readHistory;
using session_reader::readTestHistory;

template <class T>
T named(const Json& value, const Reader& reader, const char* what,
        std::optional<T> (*parse)(std::string_view), const std::string& valid) {
  const auto parsed = value.is_string() ? parse(value.get<std::string>()) : std::nullopt;
  if (!parsed)
    reader.fail("unknown " + std::string(what) + " " + brief(value) + " (valid: " + valid + ")");
  return *parsed;
}

std::uint64_t unsignedValue(const Json& value, const std::string& name, const Reader& reader) {
  if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<long long>() >= 0))
    reader.fail(name + " must be a whole number ≥ 0 (got " + brief(value) + ")");
  return value.get<std::uint64_t>();
}

void checkHeader(const Json& root, const Reader& reader) {
  if (!root.is_object())
    reader.fail(std::string("not an nnlab session: the top level is ") + root.type_name());
  const auto format = root.find("format");
  if (format == root.end() || !format->is_string() ||
      format->get<std::string>() != kSessionFormat) {
    const std::string got = format == root.end() ? "missing" : brief(*format);
    reader.fail("not an nnlab session: \"format\" is " + got + ", expected " +
                json::quoted(kSessionFormat));
  }
  const long long version = reader.integer(reader.member(root, "version"), "\"version\"", 1,
                                           std::numeric_limits<int>::max());
  if (version > kSessionVersion) {
    reader.fail("session format version " + std::to_string(version) +
                " is newer than this program reads (up to " + std::to_string(kSessionVersion) +
                "); update nnlab");
  }
}

std::vector<std::string> names(const Json& value, const std::string& name, const Reader& reader) {
  if (!value.is_array() || value.empty())
    reader.fail(name + " must be an array of at least one column name");
  std::vector<std::string> result;
  for (const Json& item : value) result.push_back(reader.string(item, name + " item"));
  return result;
}

Dataset readData(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("data");
  reader.object(value);
  reader.onlyKeys(value, {"inputs", "targets", "rows", "test_rows"});
  Dataset data;
  data.inputNames = names(reader.member(value, "inputs"), "\"inputs\"", reader);
  data.targetNames = names(reader.member(value, "targets"), "\"targets\"", reader);
  const int inputs = static_cast<int>(data.inputNames.size());
  const int columns = inputs + static_cast<int>(data.targetNames.size());
  const Json& rows = reader.member(value, "rows");
  if (!rows.is_array() || rows.empty())
    reader.fail("\"rows\" must be an array of at least one row");
  data.inputs.resize(static_cast<Eigen::Index>(rows.size()), inputs);
  data.targets.resize(static_cast<Eigen::Index>(rows.size()), columns - inputs);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string name = "row " + std::to_string(i + 1);
    reader.array(rows[i], name, static_cast<std::size_t>(columns), "number",
                 "the data has " + json::counted(static_cast<std::size_t>(columns), "column"));
    for (int j = 0; j < columns; ++j) {
      const double x = reader.number(rows[i][static_cast<std::size_t>(j)], name);
      if (j < inputs)
        data.inputs(static_cast<Eigen::Index>(i), j) = x;
      else
        data.targets(static_cast<Eigen::Index>(i), j - inputs) = x;
    }
  }
  const Json& test = reader.member(value, "test_rows");
  if (!test.is_array()) reader.fail("\"test_rows\" must be an array of row numbers");
  if (!test.empty()) data.testRows.assign(rows.size(), 0);
  for (const Json& row : test) {
    const auto index =
        reader.integer(row, "a test row", 0, static_cast<long long>(rows.size()) - 1);
    data.testRows[static_cast<std::size_t>(index)] = 1;
  }
  return data;
}

ModelFile readModel(const Json& value, const std::string& fileName) {
  try {
    return modelFileFromJson(value.dump(), fileName + ": model");
  } catch (const ModelError& e) {
    throw SessionError(e.what());
  }
}

void readTraining(const Json& value, const Reader& outer, RunnerState& state) {
  const Reader reader = outer.inside("training");
  reader.object(value);
  reader.onlyKeys(value, {"init", "seed", "loss", "optimizer", "batch_size", "l1", "l2",
                          "shuffle_seed", "input_scaling", "stop", "speed_limit"});
  state.init = named<Init>(reader.member(value, "init"), reader, "init", parseInit, initNames());
  state.seed = unsignedValue(reader.member(value, "seed"), "\"seed\"", reader);
  TrainingSettings& s = state.settings;
  s.loss = named<Loss>(reader.member(value, "loss"), reader, "loss", parseLoss, lossNames());
  const Json& o = reader.member(value, "optimizer");
  const Reader optimizer = reader.inside("optimizer");
  optimizer.object(o);
  optimizer.onlyKeys(o, {"kind", "learning_rate", "momentum", "beta1", "beta2", "epsilon"});
  s.optimizer.kind = named<OptimizerKind>(optimizer.member(o, "kind"), optimizer, "optimizer",
                                          parseOptimizer, optimizerNames());
  s.optimizer.learningRate =
      optimizer.number(optimizer.member(o, "learning_rate"), "learning_rate");
  s.optimizer.momentum = optimizer.number(optimizer.member(o, "momentum"), "momentum");
  s.optimizer.beta1 = optimizer.number(optimizer.member(o, "beta1"), "beta1");
  s.optimizer.beta2 = optimizer.number(optimizer.member(o, "beta2"), "beta2");
  s.optimizer.epsilon = optimizer.number(optimizer.member(o, "epsilon"), "epsilon");
  s.batchSize = static_cast<int>(
      reader.integer(reader.member(value, "batch_size"), "\"batch_size\"", 0, 1 << 30));
  s.l1 = reader.number(reader.member(value, "l1"), "\"l1\"");
  s.l2 = reader.number(reader.member(value, "l2"), "\"l2\"");
  s.shuffleSeed = unsignedValue(reader.member(value, "shuffle_seed"), "\"shuffle_seed\"", reader);
  state.scaling = named<ScalingKind>(reader.member(value, "input_scaling"), reader, "input scaling",
                                     parseScaling, scalingNames());
  const Json& stop = reader.member(value, "stop");
  const Reader stops = reader.inside("stop");
  stops.object(stop);
  stops.onlyKeys(stop, {"max_epochs", "loss_goal", "early_stop_patience"});
  state.stopConditions.maxEpochs =
      stops.integer(stops.member(stop, "max_epochs"), "max_epochs", 0, kMaxCount);
  state.stopConditions.lossGoal = stops.number(stops.member(stop, "loss_goal"), "loss_goal");
  state.stopConditions.earlyStopPatience =
      stops.integer(stops.member(stop, "early_stop_patience"), "early_stop_patience", 0, kMaxCount);
  state.speedLimit = reader.number(reader.member(value, "speed_limit"), "\"speed_limit\"");
  if (state.speedLimit < 0) reader.fail("\"speed_limit\" must be ≥ 0 (0: unlimited)");
  if (state.stopConditions.lossGoal < 0) stops.fail("loss_goal must be ≥ 0");
}

Matrix readRows(const Json& value, const std::string& name, const Reader& reader) {
  if (!value.is_array()) reader.fail(name + " must be an array of rows");
  const std::size_t columns = value.empty() || !value[0].is_array() ? 0 : value[0].size();
  Matrix matrix(static_cast<Eigen::Index>(value.size()), static_cast<Eigen::Index>(columns));
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string row = name + "[" + std::to_string(i) + "]";
    reader.array(value[i], row, columns, "number", "the first row has " + std::to_string(columns));
    for (std::size_t j = 0; j < columns; ++j)
      matrix(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
          reader.number(value[i][j], row);
  }
  return matrix;
}

Gradients readMoment(const Json& value, const std::string& name, const Reader& reader) {
  if (!value.is_array()) reader.fail(name + " must be an array of layers");
  Gradients moment;
  for (std::size_t l = 0; l < value.size(); ++l) {
    const Reader layer = reader.inside(name + " layer " + std::to_string(l + 1));
    layer.object(value[l]);
    layer.onlyKeys(value[l], {"weights", "bias"});
    moment.weights.push_back(readRows(layer.member(value[l], "weights"), "weights", layer));
    const Json& bias = layer.member(value[l], "bias");
    if (!bias.is_array()) layer.fail("bias must be an array");
    RowVector row(static_cast<Eigen::Index>(bias.size()));
    for (std::size_t j = 0; j < bias.size(); ++j)
      row(static_cast<Eigen::Index>(j)) = layer.number(bias[j], "bias");
    moment.bias.push_back(std::move(row));
  }
  return moment;
}

TrainerState readState(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("state");
  reader.object(value);
  reader.onlyKeys(value, {"epoch", "optimizer_steps", "first_moment", "second_moment",
                          "shuffle_random", "shuffle_order"});
  TrainerState state;
  state.epoch = reader.integer(reader.member(value, "epoch"), "\"epoch\"", 0, kMaxCount);
  state.optimizer.steps =
      reader.integer(reader.member(value, "optimizer_steps"), "\"optimizer_steps\"", 0, kMaxCount);
  state.optimizer.first = readMoment(reader.member(value, "first_moment"), "first_moment", reader);
  state.optimizer.second =
      readMoment(reader.member(value, "second_moment"), "second_moment", reader);
  const std::string random =
      reader.string(reader.member(value, "shuffle_random"), "shuffle_random");
  char* end = nullptr;
  state.shuffleRandom = std::strtoull(random.c_str(), &end, 16);
  if (random.size() < 3 || random.rfind("0x", 0) != 0 || *end != '\0')
    reader.fail("shuffle_random must be a hexadecimal number such as \"0x1f\" (got " +
                json::quoted(random) + ")");
  const Json& order = reader.member(value, "shuffle_order");
  if (!order.is_array()) reader.fail("shuffle_order must be an array of row numbers");
  for (const Json& row : order)
    state.shuffleOrder.push_back(
        static_cast<int>(reader.integer(row, "a shuffle_order entry", 0, 1 << 30)));
  return state;
}

// Records whose weights take the model's shape; checkTogether checks the rest.
void readTimeline(const Json& value, const Reader& outer, RunnerState& state) {
  const Reader reader = outer.inside("timeline");
  reader.object(value);
  reader.onlyKeys(value, {"stride", "records"});
  state.timelineStride = reader.integer(reader.member(value, "stride"), "stride", 1, kMaxCount);
  const Json& records = reader.member(value, "records");
  if (!records.is_array()) reader.fail("records must be an array");
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Reader record = reader.inside("record " + std::to_string(i + 1));
    record.object(records[i]);
    record.onlyKeys(records[i], {"state", "weights"});
    HistoryRecord read{state.network, readState(record.member(records[i], "state"), record), 0};
    const Gradients weights = readMoment(record.member(records[i], "weights"), "weights", record);
    if (weights.weights.size() != static_cast<std::size_t>(read.network.layerCount()))
      record.fail("the weights do not have the model's layers");
    for (int l = 0; l < read.network.layerCount(); ++l) {
      DenseLayer& layer = read.network.layer(l);
      if (weights.weights[l].rows() != layer.weights.rows() ||
          weights.weights[l].cols() != layer.weights.cols() ||
          weights.bias[l].size() != layer.bias.size())
        record.fail("the weights of layer " + std::to_string(l + 1) +
                    " do not have the model's shape");
      layer.weights = weights.weights[l];
      layer.bias = weights.bias[l];
    }
    state.timeline.push_back(std::move(read));
  }
}

void readGenerator(const Json& value, const Reader& outer, Session& session) {
  if (value.is_null()) return;
  const Reader reader = outer.inside("generator");
  reader.object(value);
  reader.onlyKeys(value, {"kind", "samples", "noise", "test_percent", "seed"});
  session.generator =
      named<Generator>(reader.member(value, "kind"), reader, "generator", parseGenerator,
                       "circle, xor2d, gauss, spiral, moons, sine, "
                       "plane, blobs3");
  GeneratorSettings& g = session.generatorSettings;
  g.samples =
      static_cast<int>(reader.integer(reader.member(value, "samples"), "samples", 4, 1 << 24));
  g.noise = reader.number(reader.member(value, "noise"), "noise");
  g.testPercent = reader.number(reader.member(value, "test_percent"), "test_percent");
  g.seed = unsignedValue(reader.member(value, "seed"), "seed", reader);
  if (g.noise < 0 || g.testPercent < 0 || g.testPercent >= 100)
    reader.fail("noise must be ≥ 0 and test_percent in [0, 100)");
}

SessionView readView(const Json& value, const Reader& outer) {
  const Reader reader = outer.inside("view");
  reader.object(value);
  reader.onlyKeys(value, {"log_scale", "log_x", "smoothing", "discretize", "selected_row",
                          "inspected_neuron", "step_count"});
  SessionView view;
  view.logScale = reader.boolean(reader.member(value, "log_scale"), "log_scale");
  if (value.contains("log_x")) view.logX = reader.boolean(value["log_x"], "log_x");  // since v3
  if (value.contains("smoothing")) {
    view.smoothing = reader.number(value["smoothing"], "smoothing");
    if (!(view.smoothing >= 0.0 && view.smoothing < 1.0))
      reader.fail("smoothing must be in [0, 1)");
  }
  view.discretize = reader.boolean(reader.member(value, "discretize"), "discretize");
  view.selectedRow = static_cast<int>(reader.integer(
      reader.member(value, "selected_row"), "selected_row", -1, std::numeric_limits<int>::max()));
  const Json& neuron = reader.member(value, "inspected_neuron");
  if (!neuron.is_null()) {
    reader.array(neuron, "inspected_neuron", 2, "number", "it is [column, unit]");
    view.inspectedNeuron =
        std::make_pair(static_cast<int>(reader.integer(neuron[0], "inspected_neuron", 0, 1 << 20)),
                       static_cast<int>(reader.integer(neuron[1], "inspected_neuron", 0, 1 << 20)));
  }
  view.stepCount = static_cast<int>(
      reader.integer(reader.member(value, "step_count"), "step_count", 1, 1'000'000));
  return view;
}

std::optional<RunnerState::Best> readBest(const Json& value, const Reader& outer,
                                          const std::string& fileName) {
  if (value.is_null()) return std::nullopt;
  const Reader reader = outer.inside("best");
  reader.object(value);
  reader.onlyKeys(value, {"epoch", "test_loss", "model"});
  RunnerState::Best best;
  best.epoch = reader.integer(reader.member(value, "epoch"), "epoch", 0, kMaxCount);
  best.testLoss = reader.number(reader.member(value, "test_loss"), "test_loss");
  if (!std::isfinite(best.testLoss) || best.testLoss < 0)
    reader.fail("test_loss must be a finite number ≥ 0");
  best.network = readModel(reader.member(value, "model"), fileName + ": best").network;
  return best;
}

// The parts must fit each other as the runner needs them; checked here so that a session that
// reads is one that restores.
void checkTogether(const RunnerState& state, const Reader& reader) {
  if (auto problem = Trainer::incompatibility(state.network, state.dataset, state.settings))
    reader.fail(*problem);
  try {
    Trainer trainer(state.network,
                    InputScaling::fit(state.scaling, state.dataset).apply(state.dataset),
                    state.settings);
    trainer.restoreState(state.trainer);
    LossHistory::fromState(RunnerOptions{}.historyBudget, state.history);
    TestLossHistory::fromState(TestLossHistory().budget(), state.testHistory);
    checkRecordsFit(state.timeline, trainer);
    RunHistory::fromRecords(state.timeline, state.timelineStride);
    if (state.fixedScaling && state.fixedScaling->kind() != state.scaling)
      reader.fail("model: its input_scaling is " +
                  std::string(scalingName(state.fixedScaling->kind())) +
                  " but training's input_scaling is " + std::string(scalingName(state.scaling)));
    if (state.best && !state.best->network.sameShape(state.network))
      reader.fail("best: the best weights do not have the model's shape");
    if (state.best && state.best->epoch > state.trainer.epoch)
      reader.fail("best: epoch " + std::to_string(state.best->epoch) + " is after the session's");
  } catch (const std::invalid_argument& e) {
    reader.fail(e.what());
  }
}

}  // namespace

Session sessionFromJson(std::string_view text, const std::string& fileName) {
  const Json root = json::parse<SessionError>(text, fileName, kSessionMaxDepth);
  const Reader reader(fileName, "");
  checkHeader(root, reader);
  reader.onlyKeys(root, {"format", "version", "data", "model", "training", "state", "history",
                         "test_history", "timeline", "events", "best", "generator", "view"});
  Session session;
  RunnerState& state = session.training;
  state.dataset = readData(reader.member(root, "data"), reader);
  ModelFile model = readModel(reader.member(root, "model"), fileName);
  state.network = std::move(model.network);
  if (!model.scaling.isIdentity()) state.fixedScaling = std::move(model.scaling);
  readTraining(reader.member(root, "training"), reader, state);
  state.trainer = readState(reader.member(root, "state"), reader);
  state.history = readHistory(reader.member(root, "history"), reader);
  if (const auto test = root.find("test_history"); test != root.end())  // since version 3
    state.testHistory = readTestHistory(*test, reader);
  if (const auto timeline = root.find("timeline"); timeline != root.end())  // since version 3
    readTimeline(*timeline, reader, state);
  if (const auto events = root.find("events"); events != root.end()) {  // since version 3
    state.events = readEvents(*events, reader);
    if (!state.events.empty() && state.events.back().epoch > state.trainer.epoch)
      reader.inside("events").fail("an event is after the run's epoch");
  }
  if (const auto best = root.find("best"); best != root.end())  // version 1 has none
    state.best = readBest(*best, reader, fileName);
  if (const auto generator = root.find("generator"); generator != root.end())
    readGenerator(*generator, reader, session);
  session.view = readView(reader.member(root, "view"), reader);
  checkTogether(state, reader);
  return session;
}

}  // namespace nnlab
