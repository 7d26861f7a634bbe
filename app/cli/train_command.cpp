#include "app/cli/train_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "app/cli/experiment_builder.h"
#include "app/cli/result_table.h"
#include "core/atomic_file.h"
#include "core/csv_reader.h"
#include "core/model_json.h"

namespace nnlab::cli {
namespace {

std::string lossText(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string percentText(double share) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * share);
  return buffer;
}

/// Why training ended before its last epoch, or empty.
struct StopNote {
  long long epoch = 0;
  std::string text;
};

/// Trains epoch by epoch where the loss is wanted (history, progress, stop conditions) and in
/// chunks otherwise.
class TrainingLoop {
 public:
  TrainingLoop(Trainer& trainer, const TrainOptions& options, long long epochs, std::ostream& out)
      : m_trainer(trainer),
        m_epochs(epochs),
        m_out(out),
        m_recordHistory(options.historyPath.has_value()),
        m_printProgress(!options.quiet),
        m_stride(historyStride(epochs)),
        m_interval(progressInterval(epochs)),
        m_width(static_cast<int>(std::to_string(epochs).size())),
        m_patience(options.earlyStop.value_or(0)),
        m_lossGoal(options.lossGoal.value_or(0.0)),
        m_perceptron(trainer.settings().optimizer.kind == OptimizerKind::Perceptron) {
    if (m_recordHistory) m_history = "epoch,loss\n";
    if (m_patience > 0) m_bestTest = trainer.evaluateTest();
    if (m_bestTest) m_best = trainer.network();
  }

  /// Trains every epoch or until a stop condition; false if the loss diverged first.
  bool run() {
    const bool perEpoch = m_patience > 0 || m_lossGoal > 0.0 || m_perceptron;
    while (m_done < m_epochs) {
      long long next = perEpoch ? m_done + 1 : m_epochs;
      if (m_recordHistory) next = std::min(next, (m_done / m_stride + 1) * m_stride);
      if (m_printProgress) next = std::min(next, (m_done / m_interval + 1) * m_interval);
      const StepResult result = m_trainer.step(next - m_done);
      m_done += result.epochs;
      if (result.diverged) {
        m_divergedAt = m_done + 1;
        return false;
      }
      record(m_done, result.loss);
      if (perEpoch && shouldStop(result.loss)) break;
    }
    return true;
  }

  long long divergedAt() const { return m_divergedAt; }
  long long epochsDone() const { return m_done; }
  const std::string& history() const { return m_history; }
  const std::string& stopNote() const { return m_stopNote; }

 private:
  void record(long long epoch, double loss) {
    if (m_recordHistory && (epoch % m_stride == 0 || epoch == m_epochs)) {
      m_history.append(std::to_string(epoch)).append(",").append(formatNumber(loss)).append("\n");
    }
    if (m_printProgress && epoch % m_interval == 0) {
      // The loss of the weights after epoch N's update, as the final line and the window's
      // chart give it (`loss`, measured on the way through epoch N, is that of its start), and
      // the test loss of the same weights.
      const std::string number = std::to_string(epoch);
      const std::string_view label = lossLabel(m_trainer.settings().loss);
      m_out << "epoch " << std::string(m_width + 1 - number.size(), ' ') << number << "  " << label
            << ' ' << lossText(m_trainer.evaluate());
      if (const auto test = m_trainer.evaluateTest()) m_out << "  test " << lossText(*test);
      m_out << '\n';
    }
  }

  bool shouldStop(double loss) {
    if (m_lossGoal > 0.0 && loss <= m_lossGoal) {
      m_stopNote =
          "reached the loss goal " + lossText(m_lossGoal) + " at epoch " + std::to_string(m_done);
      return true;
    }
    if (m_perceptron && classifiesEveryRow(loss)) {
      m_stopNote = "the perceptron converged: after epoch " + std::to_string(m_done) +
                   " it classifies every row right";
      return true;
    }
    return m_patience > 0 && testLossStalled();
  }

  // A step unit's outputs are exactly 0 or 1: right everywhere when the accuracy is 1 (one 0/1
  // target column) or, for other targets, when the epoch started from a loss of exactly 0.
  bool classifiesEveryRow(double loss) {
    const std::optional<double> accuracy = m_trainer.evaluateAll().trainAccuracy;
    return accuracy ? *accuracy == 1.0 : loss == 0.0;
  }

  // Early stopping: keeps the weights with the lowest test loss and returns to them.
  bool testLossStalled() {
    const std::optional<double> test = m_trainer.evaluateTest();
    if (!test) return false;
    if (!m_bestTest || *test < *m_bestTest) {
      m_bestTest = test;
      m_bestEpoch = m_done;
      m_best = m_trainer.network();
      return false;
    }
    if (m_done - m_bestEpoch < m_patience) return false;
    m_trainer.setNetwork(m_best);
    m_trainer.setEpoch(m_bestEpoch);
    m_stopNote = "stopped early at epoch " + std::to_string(m_done) + ": the test loss had not " +
                 "improved for " + std::to_string(m_patience) + " epochs; restored the weights " +
                 "of epoch " + std::to_string(m_bestEpoch) + " (test " + lossText(*m_bestTest) +
                 ")";
    return true;
  }

  Trainer& m_trainer;
  long long m_epochs;
  std::ostream& m_out;
  bool m_recordHistory;
  bool m_printProgress;
  long long m_stride;
  long long m_interval;
  int m_width;
  long long m_patience;
  double m_lossGoal;
  bool m_perceptron;
  std::optional<double> m_bestTest;
  long long m_bestEpoch = 0;
  Network m_best;
  std::string m_history;
  std::string m_stopNote;
  long long m_done = 0;
  long long m_divergedAt = 0;
};

void printAccuracy(Trainer& trainer, std::ostream& out) {
  const Evaluation evaluation = trainer.evaluateAll();
  if (evaluation.testLoss) {
    out << "test " << lossLabel(trainer.settings().loss) << ' ' << lossText(*evaluation.testLoss)
        << " on " << trainer.dataset().testRowCount() << " held-out rows\n";
  }
  if (!evaluation.trainAccuracy) return;
  out << "accuracy: train " << percentText(*evaluation.trainAccuracy);
  if (evaluation.testAccuracy) out << ", test " << percentText(*evaluation.testAccuracy);
  out << '\n';
  const bool perceptron = trainer.settings().optimizer.kind == OptimizerKind::Perceptron;
  if (perceptron && *evaluation.trainAccuracy < 1.0) {
    out << "the perceptron did not converge: some rows are still misclassified after every "
           "epoch (a single step unit separates classes only by a straight line; XOR, for "
           "one, is not linearly separable)\n";
  }
}

void printResults(Trainer& trainer, long long epochs, const Matrix& rawInputs, std::ostream& out) {
  const double loss = trainer.evaluate();
  out << "final " << lossLabel(trainer.settings().loss) << ' ' << lossText(loss) << " after "
      << epochs << (epochs == 1 ? " epoch" : " epochs") << '\n';
  printAccuracy(trainer, out);
  if (trainer.dataset().rows() <= kMaxTableRows) {
    Dataset data = trainer.dataset();
    data.inputs = rawInputs;  // the table shows the data as it was read
    out << '\n' << resultTable(data, trainer.predictAll());
  } else {
    out << "(" << trainer.dataset().rows()
        << " rows; `nnlab-cli predict` lists every prediction)\n";
  }
}

}  // namespace

long long historyStride(long long epochs) {
  return std::max(1LL, (epochs + kMaxHistoryLines - 1) / kMaxHistoryLines);
}

long long progressInterval(long long epochs) {
  constexpr long long kMaxLines = 20;
  // 100, 200, 500, 1000, 2000, …: the first that keeps the progress to about 20 lines.
  constexpr long long kSteps[] = {1, 2, 5};
  for (long long scale = 100;; scale *= 10) {
    for (const long long step : kSteps) {
      if (epochs <= kMaxLines * step * scale) return step * scale;
    }
  }
}

int runTrain(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  Experiment experiment = buildExperiment(options);
  // A run may take hours: find out now, not after it, that an output cannot be written.
  if (options.modelOut) checkWritable(*options.modelOut);
  if (options.historyPath) checkWritable(*options.historyPath);
  Trainer trainer(std::move(experiment.network), std::move(experiment.dataset),
                  experiment.settings);
  TrainingLoop loop(trainer, options, experiment.epochs, out);
  const bool finished = loop.run();
  if (!finished || !trainer.network().allFinite() || !std::isfinite(trainer.evaluate())) {
    err << "training diverged at epoch " << (finished ? experiment.epochs : loop.divergedAt())
        << ": the loss is no longer a finite number (try a smaller --lr); nothing was written\n";
    return 1;
  }
  if (!loop.stopNote().empty()) out << loop.stopNote() << '\n';
  printResults(trainer, trainer.epoch(), experiment.rawInputs, out);
  // Both files or neither: a history that cannot be written must not cost the old model file.
  std::vector<std::pair<std::string, std::string>> files;
  if (options.modelOut)
    files.emplace_back(*options.modelOut, modelToJson(trainer.network(), experiment.scaling));
  if (options.historyPath) files.emplace_back(*options.historyPath, loop.history());
  writeFilesAtomically(files);
  if (options.modelOut) out << "model written to " << *options.modelOut << '\n';
  if (options.historyPath) out << "loss history written to " << *options.historyPath << '\n';
  return 0;
}

}  // namespace nnlab::cli
