#include "train_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <stdexcept>

#include "atomic_file.h"
#include "csv_reader.h"
#include "experiment_builder.h"
#include "model_json.h"
#include "result_table.h"

namespace nnlab::cli {
namespace {

std::string lossText(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

/// Trains epoch by epoch where the loss is wanted (history, progress) and in chunks otherwise.
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
        m_width(static_cast<int>(std::to_string(epochs).size())) {
    if (m_recordHistory) m_history = "epoch,loss\n";
  }

  /// Trains every epoch; false if the loss diverged first.
  bool run() {
    long long done = 0;
    while (done < m_epochs) {
      long long next = m_epochs;
      if (m_recordHistory) next = std::min(next, (done / m_stride + 1) * m_stride);
      if (m_printProgress) next = std::min(next, (done / m_interval + 1) * m_interval);
      const StepResult result = m_trainer.step(next - done);
      done += result.epochs;
      if (result.diverged) {
        m_divergedAt = done + 1;
        return false;
      }
      record(done, result.loss);
    }
    return true;
  }

  long long divergedAt() const { return m_divergedAt; }
  const std::string& history() const { return m_history; }

 private:
  void record(long long epoch, double loss) {
    if (m_recordHistory && (epoch % m_stride == 0 || epoch == m_epochs)) {
      m_history.append(std::to_string(epoch)).append(",").append(formatNumber(loss)).append("\n");
    }
    if (m_printProgress && epoch % m_interval == 0) {
      const std::string number = std::to_string(epoch);
      m_out << "epoch " << std::string(m_width + 1 - number.size(), ' ') << number << "  "
            << lossLabel(m_trainer.settings().loss) << ' ' << lossText(loss) << '\n';
    }
  }

  Trainer& m_trainer;
  long long m_epochs;
  std::ostream& m_out;
  bool m_recordHistory;
  bool m_printProgress;
  long long m_stride;
  long long m_interval;
  int m_width;
  std::string m_history;
  long long m_divergedAt = 0;
};

void printResults(Trainer& trainer, long long epochs, std::ostream& out) {
  const double loss = trainer.evaluate();
  out << "final " << lossLabel(trainer.settings().loss) << ' ' << lossText(loss) << " after "
      << epochs << (epochs == 1 ? " epoch" : " epochs") << '\n';
  const Dataset& data = trainer.dataset();
  if (data.rows() <= kMaxTableRows) {
    out << '\n' << resultTable(data, trainer.predictAll());
  } else {
    out << "(" << data.rows() << " rows; `nnlab-cli predict` lists every prediction)\n";
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
  Trainer trainer(std::move(experiment.network), std::move(experiment.dataset),
                  experiment.settings);
  TrainingLoop loop(trainer, options, experiment.epochs, out);
  const bool finished = loop.run();
  if (!finished || !trainer.network().allFinite() || !std::isfinite(trainer.evaluate())) {
    err << "training diverged at epoch " << (finished ? experiment.epochs : loop.divergedAt())
        << ": the loss is no longer a finite number (try a smaller --lr); nothing was written\n";
    return 1;
  }
  printResults(trainer, experiment.epochs, out);
  if (options.modelOut) {
    writeModelFile(*options.modelOut, trainer.network());
    out << "model written to " << *options.modelOut << '\n';
  }
  if (options.historyPath) {
    writeFileAtomically(*options.historyPath, loop.history());
    out << "loss history written to " << *options.historyPath << '\n';
  }
  return 0;
}

}  // namespace nnlab::cli
