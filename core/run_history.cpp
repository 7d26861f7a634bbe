#include "run_history.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>

namespace nnlab {

namespace {

std::size_t gradientBytes(const Gradients& g) {
  std::size_t bytes = sizeof(Gradients);
  for (const Matrix& m : g.weights) bytes += sizeof(Matrix) + sizeof(double) * m.size();
  for (const RowVector& b : g.bias) bytes += sizeof(RowVector) + sizeof(double) * b.size();
  return bytes;
}

}  // namespace

std::size_t recordBytes(const Network& network, const TrainerState& state) {
  std::size_t bytes = sizeof(HistoryRecord);
  for (const DenseLayer& layer : network.layers())
    bytes += sizeof(DenseLayer) + sizeof(double) * (layer.weights.size() + layer.bias.size());
  bytes += gradientBytes(state.optimizer.first) + gradientBytes(state.optimizer.second);
  bytes += sizeof(int) * state.shuffleOrder.size();
  return bytes;
}

void checkRecordsFit(const std::vector<HistoryRecord>& records, const Trainer& trainer) {
  Trainer probe = trainer;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const HistoryRecord& record = records[i];
    const std::string name = "timeline record " + std::to_string(i + 1) + ": ";
    if (!record.network.sameShape(trainer.network()))
      throw std::invalid_argument(name + "its weights do not have the network's shape");
    for (const DenseLayer& layer : record.network.layers())
      if (!layer.weights.allFinite() || !layer.bias.allFinite())
        throw std::invalid_argument(name + "a weight is not a finite number");
    if (record.state.epoch > trainer.epoch())
      throw std::invalid_argument(name + "its epoch is after the run's");
    if (i > 0 && record.state.epoch <= records[i - 1].state.epoch)
      throw std::invalid_argument(name + "its epoch is not after the one before");
    try {
      probe.setNetwork(record.network);
      probe.restoreState(record.state);
    } catch (const std::invalid_argument& problem) {
      throw std::invalid_argument(name + problem.what());
    }
  }
}

RunHistory::RunHistory(std::size_t budgetBytes, std::size_t maxRecords)
    : m_budget(budgetBytes), m_maxRecords(std::max<std::size_t>(maxRecords, 2)) {}

bool RunHistory::record(const Trainer& trainer) {
  const long long epoch = trainer.epoch();
  if (!m_records.empty() && epoch <= m_records.back().state.epoch) return false;
  if (!m_records.empty() && epoch % m_stride != 0) return false;
  HistoryRecord record{trainer.network(), trainer.state(), 0};
  record.bytes = recordBytes(record.network, record.state);
  m_bytes += record.bytes;
  m_records.push_back(std::move(record));
  while ((m_bytes > m_budget || m_records.size() > m_maxRecords) && m_records.size() > 2) thin();
  return true;
}

// Keeps the first record and those on the doubled stride; the rest go.
void RunHistory::thin() {
  m_stride *= 2;
  std::vector<HistoryRecord> kept;
  kept.reserve(m_records.size() / 2 + 2);
  m_bytes = 0;
  for (std::size_t i = 0; i < m_records.size(); ++i) {
    if (i == 0 || m_records[i].state.epoch % m_stride == 0) {
      m_bytes += m_records[i].bytes;
      kept.push_back(std::move(m_records[i]));
    }
  }
  m_records = std::move(kept);
}

const HistoryRecord* RunHistory::nearest(long long epoch) const {
  // The first record after `epoch`, then one back.
  const auto after =
      std::upper_bound(m_records.begin(), m_records.end(), epoch,
                       [](long long e, const HistoryRecord& r) { return e < r.state.epoch; });
  if (after == m_records.begin()) return nullptr;
  return &*std::prev(after);
}

bool RunHistory::moveTo(Trainer& trainer, long long epoch) const {
  const HistoryRecord* from = nearest(epoch);
  if (!from) return false;
  Trainer moved = trainer;
  moved.setNetwork(from->network);
  moved.restoreState(from->state);
  if (epoch > from->state.epoch && moved.step(epoch - from->state.epoch).diverged) return false;
  trainer = std::move(moved);
  return true;
}

void RunHistory::truncate(long long epoch) {
  while (!m_records.empty() && m_records.back().state.epoch > epoch) {
    m_bytes -= m_records.back().bytes;
    m_records.pop_back();
  }
}

RunHistory RunHistory::fromRecords(std::vector<HistoryRecord> records, long long stride,
                                   std::size_t budgetBytes, std::size_t maxRecords) {
  if (stride < 1 || (stride & (stride - 1)) != 0)
    throw std::invalid_argument("the timeline's stride is not a power of 2");
  RunHistory history(budgetBytes, maxRecords);
  history.m_stride = stride;
  for (HistoryRecord& record : records) {
    if (record.state.epoch < 0 ||
        (!history.m_records.empty() && record.state.epoch <= history.m_records.back().state.epoch))
      throw std::invalid_argument("the timeline's epochs are out of order");
    record.bytes = recordBytes(record.network, record.state);
    history.m_bytes += record.bytes;
    history.m_records.push_back(std::move(record));
  }
  while ((history.m_bytes > history.m_budget || history.m_records.size() > history.m_maxRecords) &&
         history.m_records.size() > 2)
    history.thin();
  return history;
}

std::vector<long long> RunHistory::epochs() const {
  std::vector<long long> out;
  out.reserve(m_records.size());
  for (const HistoryRecord& record : m_records) out.push_back(record.state.epoch);
  return out;
}

void RunHistory::clear() {
  m_records.clear();
  m_bytes = 0;
  m_stride = 1;
}

}  // namespace nnlab
