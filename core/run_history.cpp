#include "core/run_history.h"

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

std::vector<HistoryRecord> presentRecords(const std::vector<HistoryRecord>& records,
                                          const std::vector<RunSegment>& segments) {
  const long long start = segments.empty() ? 0 : segments.back().end;
  std::vector<HistoryRecord> present;
  for (const HistoryRecord& record : records)
    if (record.state.epoch >= start) present.push_back(record);
  return present;
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
  if (m_records.empty()) m_presentStart = epoch;
  // Into the storage of a record thinned out before, when there is one: same shapes, so
  // copying allocates nothing (allocating every record cost the spiral's runner 1–4 % of its
  // speed; tests/bench/README.md).
  HistoryRecord record;
  if (!m_spare.empty()) {
    record = std::move(m_spare.back());
    m_spare.pop_back();
    m_spareBytes -= record.bytes;
  }
  record.network = trainer.network();
  trainer.copyStateTo(record.state);
  record.pinned = m_records.empty();
  push(std::move(record));
  fit();
  return true;
}

void RunHistory::push(HistoryRecord record) {
  record.bytes = recordBytes(record.network, record.state);
  m_bytes += record.bytes;
  m_records.push_back(std::move(record));
}

// Thins the records until they fit. The stretches go first, oldest first, while they hold too
// much themselves: their pinned records or their data more than half the budget (a rate slider
// dragged while training starts a stretch at every step; thinning the rest to make room for
// them would leave the present stretch a record or two).
void RunHistory::fit() {
  while (!m_segments.empty() && stretchesOutgrowTheirShare()) dropOldestSegment();
  while ((m_bytes > m_budget || m_records.size() > m_maxRecords) && m_records.size() > 2) {
    if (thin()) continue;
    if (m_segments.empty()) return;
    dropOldestSegment();
  }
}

bool RunHistory::stretchesOutgrowTheirShare() const {
  if (m_dataBytes > m_budget / 2) return true;
  if (m_bytes <= m_budget / 2 && m_records.size() <= m_maxRecords / 2) return false;
  std::size_t pinnedBytes = 0, pinned = 0;
  for (const HistoryRecord& record : m_records) {
    if (!record.pinned) continue;
    pinnedBytes += record.bytes;
    ++pinned;
  }
  return pinnedBytes > m_budget / 2 || pinned > m_maxRecords / 2;
}

// The data the closed stretches keep alive, each data set once (stretches in a row share it).
void RunHistory::countDataBytes() {
  m_dataBytes = 0;
  const Dataset* previous = nullptr;
  for (const RunSegment& segment : m_segments) {
    if (segment.data.get() == previous) continue;
    previous = segment.data.get();
    m_dataBytes += sizeof(double) *
                   static_cast<std::size_t>(previous->inputs.size() + previous->targets.size());
  }
}

// Keeps the first record, the pinned ones and those on the doubled stride; the rest go. Returns
// false, changing nothing, when every record but the first is pinned: none can go.
bool RunHistory::thin() {
  if (std::all_of(m_records.begin() + 1, m_records.end(),
                  [](const HistoryRecord& r) { return r.pinned; }))
    return false;
  m_stride *= 2;
  const auto keeps = [this](std::size_t i) {
    return i == 0 || m_records[i].pinned || m_records[i].state.epoch % m_stride == 0;
  };
  m_bytes = 0;
  for (std::size_t i = 0; i < m_records.size(); ++i)
    if (keeps(i)) m_bytes += m_records[i].bytes;
  // In place, so that the vector keeps its capacity; the records that go are kept as spares
  // while the records and the spares together stay within the budget.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m_records.size(); ++i) {
    HistoryRecord& record = m_records[i];
    if (keeps(i)) {
      if (kept != i) m_records[kept] = std::move(record);
      ++kept;
    } else if (m_bytes + m_spareBytes + record.bytes <= m_budget) {
      m_spareBytes += record.bytes;
      m_spare.push_back(std::move(record));
    }
  }
  m_records.erase(m_records.begin() + static_cast<std::ptrdiff_t>(kept), m_records.end());
  return true;
}

void RunHistory::dropOldestSegment() {
  const long long until = m_segments.size() > 1 ? m_segments[1].start : m_presentStart;
  const auto from =
      std::find_if(m_records.begin(), m_records.end(),
                   [until](const HistoryRecord& r) { return r.state.epoch >= until; });
  for (auto it = m_records.begin(); it != from; ++it) m_bytes -= it->bytes;
  m_records.erase(m_records.begin(), from);
  m_segments.erase(m_segments.begin());
  if (!m_records.empty()) m_records.front().pinned = true;
  countDataBytes();
}

void RunHistory::closeSegment(const Trainer& trainer, std::shared_ptr<const Dataset> data,
                              InputScaling scaling) {
  const long long epoch = trainer.epoch();
  if (m_records.empty() || epoch <= m_presentStart) return;  // nothing trained with them
  m_segments.push_back(
      {m_presentStart, epoch, trainer.settings(), std::move(data), std::move(scaling)});
  m_presentStart = epoch;
  countDataBytes();
}

void RunHistory::restartAt(const Trainer& trainer) {
  const long long epoch = trainer.epoch();
  truncate(epoch);
  if (!m_records.empty() && m_records.back().state.epoch == epoch) {
    m_bytes -= m_records.back().bytes;
    m_records.pop_back();
  }
  // Went back into a closed stretch: it ends here, and the present starts here.
  while (!m_segments.empty() && m_segments.back().start >= epoch) m_segments.pop_back();
  if (!m_segments.empty() && m_segments.back().end > epoch) m_segments.back().end = epoch;
  countDataBytes();
  if (m_records.empty() || epoch < m_presentStart) m_presentStart = epoch;
  push({trainer.network(), trainer.state(), 0, true});
  fit();
}

std::vector<HistoryRecord> RunHistory::presentRecords(std::size_t budgetBytes,
                                                      long long& stride) const {
  stride = m_stride;
  const auto first =
      std::find_if(m_records.begin(), m_records.end(),
                   [this](const HistoryRecord& r) { return r.state.epoch >= m_presentStart; });
  if (first == m_records.end()) return {};
  // Doubles the stride until the records on it (and the first) fit, as thinning would.
  const auto kept = [first](const HistoryRecord& r, long long s) {
    return &r == &*first || r.state.epoch % s == 0;
  };
  for (;;) {
    std::size_t bytes = 0, count = 0;
    for (auto it = first; it != m_records.end(); ++it) {
      if (!kept(*it, stride)) continue;
      bytes += it->bytes;
      ++count;
    }
    if ((bytes <= budgetBytes && count <= m_maxRecords) || count <= 2) break;
    stride *= 2;
  }
  std::vector<HistoryRecord> copies;
  for (auto it = first; it != m_records.end(); ++it)
    if (kept(*it, stride)) copies.push_back(*it);
  return copies;
}

const RunSegment* RunHistory::segmentOf(long long epoch) const {
  const HistoryRecord* from = nearest(epoch);
  if (!from || from->state.epoch >= m_presentStart) return nullptr;
  const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), from->state.epoch,
                                      [](long long e, const RunSegment& s) { return e < s.start; });
  if (after == m_segments.begin()) return nullptr;
  return &*std::prev(after);
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
  if (const RunSegment* segment = segmentOf(epoch)) {
    // Trained with other data or settings: the stretch's own, as it was then.
    try {
      moved.setSettings(segment->settings);
      moved.setDataset(segment->scaling.apply(*segment->data));
    } catch (const std::invalid_argument&) {
      return false;
    }
  }
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
  while (!m_segments.empty() && m_segments.back().start > epoch) m_segments.pop_back();
  countDataBytes();
}

RunHistory RunHistory::fromRecords(std::vector<HistoryRecord> records, long long stride,
                                   std::size_t budgetBytes, std::size_t maxRecords,
                                   std::vector<RunSegment> segments) {
  if (stride < 1 || (stride & (stride - 1)) != 0)
    throw std::invalid_argument("the timeline's stride is not a power of 2");
  RunHistory history(budgetBytes, maxRecords);
  history.m_stride = stride;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const RunSegment& segment = segments[i];
    if (!segment.data || segment.end <= segment.start ||
        (i > 0 && segment.start != segments[i - 1].end))
      throw std::invalid_argument("the timeline's stretches do not follow each other");
  }
  history.m_presentStart =
      segments.empty() ? (records.empty() ? 0 : records.front().state.epoch) : segments.back().end;
  for (HistoryRecord& record : records) {
    if (record.state.epoch < 0 ||
        (!history.m_records.empty() && record.state.epoch <= history.m_records.back().state.epoch))
      throw std::invalid_argument("the timeline's epochs are out of order");
    const long long epoch = record.state.epoch;
    record.pinned = history.m_records.empty() || epoch == history.m_presentStart ||
                    std::any_of(segments.begin(), segments.end(),
                                [epoch](const RunSegment& s) { return s.start == epoch; });
    history.push(std::move(record));
  }
  history.m_segments = std::move(segments);
  history.countDataBytes();
  history.fit();
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
  m_spare.clear();  // perhaps of another network's shape
  m_spareBytes = 0;
  m_segments.clear();
  m_bytes = 0;
  m_dataBytes = 0;
  m_stride = 1;
  m_presentStart = 0;
}

}  // namespace nnlab
