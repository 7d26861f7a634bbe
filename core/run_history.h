#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/dataset.h"
#include "core/input_scaling.h"
#include "core/network.h"
#include "core/trainer.h"

namespace nnlab {

/// One recorded moment of a run: the weights, and the rest of what training needs to go on from
/// there exactly as the run went on (the epoch, the optimizer's state, the shuffle's state).
struct HistoryRecord {
  Network network;
  TrainerState state;     ///< state.epoch is the record's epoch
  std::size_t bytes = 0;  ///< what the record holds, roughly: its numbers and containers
  /// Where a stretch of the run starts (after a change of data or settings, a restore of
  /// weights): thinning keeps it, as no replay may run across that change.
  bool pinned = false;
};

/// A closed stretch of a run, [start, end): the epochs trained with these settings on these data
/// (the data as given, and the input scaling that turned them into what the network read).
struct RunSegment {
  long long start = 0;
  long long end = 0;
  TrainingSettings settings;
  std::shared_ptr<const Dataset> data;
  InputScaling scaling;
};

/// A run history's default memory budget and most records (see RunHistory).
inline constexpr std::size_t kRunHistoryBytes = std::size_t{64} << 20;
inline constexpr std::size_t kRunHistoryRecords = 4096;

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
/// (a few milliseconds); an 8×64 network with Adam (about 800 kB a record) keeps 80. Records
/// thinned out are kept for their storage, as far as the budget holds them beside the records,
/// so that recording a thinned history allocates nothing (mostly, when the budget is tight).
///
/// The run's data and settings may change on the way (a data edit, a new learning rate): the
/// changer closes the stretch so far with the data and settings it was trained with
/// (closeSegment), and the new stretch starts with a pinned record (restartAt). A replay starts
/// from the nearest earlier record, which is never before the stretch the epoch belongs to, and
/// uses that stretch's data and settings: an epoch on either side of a change is shown as it was.
/// Pinned records survive thinning. When they, or the data the closed stretches keep, take more
/// than half the budget, the oldest stretches go first.
class RunHistory {
 public:
  explicit RunHistory(std::size_t budgetBytes = kRunHistoryBytes,
                      std::size_t maxRecords = kRunHistoryRecords);

  /// Records the trainer's present when its epoch is due (a multiple of the stride, after the
  /// last record); returns whether it did. Call it after each step of training.
  bool record(const Trainer& trainer);
  /// The latest record at or before `epoch`; nullptr when there is none.
  const HistoryRecord* nearest(long long epoch) const;
  /// Puts `trainer` (with the run's data and settings) at `epoch` exactly: the nearest earlier
  /// record's weights and state, then training up to `epoch`. Returns false, leaving the trainer
  /// as it was, when no record is at or before `epoch` or training diverges on the way.
  bool moveTo(Trainer& trainer, long long epoch) const;

  /// The run's data or settings are about to change at `trainer`'s epoch: the stretch so far was
  /// trained with `trainer`'s settings on `scaling.apply(*data)`. Call restartAt once changed.
  void closeSegment(const Trainer& trainer, std::shared_ptr<const Dataset> data,
                    InputScaling scaling);
  /// The run goes on from `trainer`'s present (after a change, or weights put back at an earlier
  /// epoch): the records after it are forgotten and a pinned one replaces any at its epoch.
  /// `trainer` must hold the present data and settings.
  void restartAt(const Trainer& trainer);
  /// The stretch `epoch` was trained in, when its data or settings are not the present ones;
  /// nullptr for the present stretch (or an epoch before the first record).
  const RunSegment* segmentOf(long long epoch) const;

  /// The records, oldest first: what a saved session keeps.
  const std::vector<HistoryRecord>& records() const { return m_records; }
  /// The present stretch's records as fromRecords() would keep them within `budgetBytes`, and
  /// their stride: copies of those alone, not of every record (what a saved session keeps).
  std::vector<HistoryRecord> presentRecords(std::size_t budgetBytes, long long& stride) const;
  /// The closed stretches, oldest first; the records from presentStart() on are the present's.
  const std::vector<RunSegment>& segments() const { return m_segments; }
  long long presentStart() const { return m_presentStart; }
  /// A history holding `records` (oldest first, as records() gave them) recorded with `stride`,
  /// within `budgetBytes` and `maxRecords` like a new one, with the closed stretches `segments`
  /// before the present. Throws std::invalid_argument when they could not have come from one
  /// (epochs out of order, a stride that is not a power of 2, stretches that do not fit).
  static RunHistory fromRecords(std::vector<HistoryRecord> records, long long stride,
                                std::size_t budgetBytes = kRunHistoryBytes,
                                std::size_t maxRecords = kRunHistoryRecords,
                                std::vector<RunSegment> segments = {});

  std::size_t bytes() const { return m_bytes; }
  std::size_t budget() const { return m_budget; }
  std::size_t size() const { return m_records.size(); }
  long long stride() const { return m_stride; }
  /// Epochs from `epoch` to the next one record() would keep (at least 1).
  long long epochsToNextRecord(long long epoch) const {
    return m_records.empty() ? 1 : m_stride - epoch % m_stride;
  }
  /// The recorded epochs, oldest first.
  std::vector<long long> epochs() const;
  void clear();

 private:
  /// Forgets the records and stretches after `epoch`.
  void truncate(long long epoch);
  void push(HistoryRecord record);
  void fit();
  bool thin();
  void dropOldestSegment();
  bool stretchesOutgrowTheirShare() const;
  void countDataBytes();

  std::size_t m_budget;
  std::size_t m_maxRecords;
  std::size_t m_bytes = 0;
  std::size_t m_dataBytes = 0;  ///< of the data the closed stretches keep (see countDataBytes)
  long long m_stride = 1;
  long long m_presentStart = 0;  ///< the epoch of the present stretch's first record
  std::vector<HistoryRecord> m_records;
  std::vector<RunSegment> m_segments;
  // Records thinned out, kept (while they and the records fit in the budget together) for
  // record() to copy the next ones into without allocating.
  std::vector<HistoryRecord> m_spare;
  std::size_t m_spareBytes = 0;
};

/// Checks that every record could go on with `trainer`'s data and settings: the network's
/// shape, finite weights, the optimizer state and shuffle order (as Trainer::restoreState
/// checks them), and epochs in order. Throws std::invalid_argument naming the record.
void checkRecordsFit(const std::vector<HistoryRecord>& records, const Trainer& trainer);

/// The records of the stretch after the last of `segments` (all of them without any): those
/// trained with the present data and settings, what a saved session keeps.
std::vector<HistoryRecord> presentRecords(const std::vector<HistoryRecord>& records,
                                          const std::vector<RunSegment>& segments);

/// The bytes a record of `network` with `state` holds (numbers and containers, not allocator
/// slack).
std::size_t recordBytes(const Network& network, const TrainerState& state);

}  // namespace nnlab
