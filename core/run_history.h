#pragma once

#include <cstddef>
#include <vector>

#include "network.h"
#include "trainer.h"

namespace nnlab {

/// One recorded moment of a run: the weights, and the rest of what training needs to go on from
/// there exactly as the run went on (the epoch, the optimizer's state, the shuffle's state).
struct HistoryRecord {
  Network network;
  TrainerState state;     ///< state.epoch is the record's epoch
  std::size_t bytes = 0;  ///< what the record holds, roughly: its numbers and containers
};

/// The parameters of a run at chosen epochs, within a memory budget, so that any earlier epoch can
/// be shown again exactly: a recorded one as it is, any other by replaying training from the
/// nearest earlier record (moveTo), which repeats the run's own computations bit for bit.
///
/// Policy: every `stride`-th epoch is recorded, the stride starting at 1. When the records
/// outgrow the budget or their number, every other one goes (the first is kept) and the stride
/// doubles, so the records stay evenly spaced and a replay never runs more than `stride` − 1
/// epochs. At most 4,096 records: each costs a copy of the weights and the optimizer's state, and
/// more of them would slow training (about 1 % with this many; twice as slow with 60,000). For
/// the seed (3-4-1) that is about 2 MB, and over 10⁸ epochs a replay runs at most 32,768 epochs
/// (a few milliseconds); an 8×64 network with Adam (about 800 kB a record) keeps 80.
///
/// The run's data and settings must not change between the records replayed over: whoever
/// changes them (a data edit, a new learning rate) clears the history or starts a new one.
class RunHistory {
 public:
  explicit RunHistory(std::size_t budgetBytes = std::size_t{64} << 20,
                      std::size_t maxRecords = 4096);

  /// Records the trainer's present when its epoch is due (a multiple of the stride, after the
  /// last record); returns whether it did. Call it after each step of training.
  bool record(const Trainer& trainer);
  /// The latest record at or before `epoch`; nullptr when there is none.
  const HistoryRecord* nearest(long long epoch) const;
  /// Puts `trainer` (with the run's data and settings) at `epoch` exactly: the nearest earlier
  /// record's weights and state, then training up to `epoch`. Returns false, leaving the trainer
  /// as it was, when no record is at or before `epoch` or training diverges on the way.
  bool moveTo(Trainer& trainer, long long epoch) const;

  /// Forgets the records after `epoch` (the run went back to it and goes on from there).
  void truncate(long long epoch);
  /// The records, oldest first: what a saved session keeps.
  const std::vector<HistoryRecord>& records() const { return m_records; }
  /// A history holding `records` (oldest first, as records() gave them) recorded with `stride`,
  /// within `budgetBytes` and `maxRecords` like a new one. Throws std::invalid_argument when
  /// they could not have come from one (epochs out of order, a stride that is not a power of 2).
  static RunHistory fromRecords(std::vector<HistoryRecord> records, long long stride,
                                std::size_t budgetBytes = std::size_t{64} << 20,
                                std::size_t maxRecords = 4096);

  std::size_t bytes() const { return m_bytes; }
  std::size_t budget() const { return m_budget; }
  std::size_t size() const { return m_records.size(); }
  long long stride() const { return m_stride; }
  /// The recorded epochs, oldest first.
  std::vector<long long> epochs() const;
  void clear();

 private:
  void thin();

  std::size_t m_budget;
  std::size_t m_maxRecords;
  std::size_t m_bytes = 0;
  long long m_stride = 1;
  std::vector<HistoryRecord> m_records;
};

/// Checks that every record could go on with `trainer`'s data and settings: the network's
/// shape, finite weights, the optimizer state and shuffle order (as Trainer::restoreState
/// checks them), and epochs in order. Throws std::invalid_argument naming the record.
void checkRecordsFit(const std::vector<HistoryRecord>& records, const Trainer& trainer);

/// The bytes a record of `network` with `state` holds (numbers and containers, not allocator
/// slack).
std::size_t recordBytes(const Network& network, const TrainerState& state);

}  // namespace nnlab
