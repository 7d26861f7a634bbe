#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnlab {

struct TrainingSnapshot;

/// A name a check may read, and how many indices it takes (output[row] or output[row][k]).
struct QuantityName {
  std::string_view name;
  int minIndices = 0;
  int maxIndices = 0;
  std::string_view meaning;  ///< for the lesson format's documentation and error messages
};

/// Every name a check expression may use, in the order docs/lesson-format.md lists them.
const std::vector<QuantityName>& quantityNames();
/// The entry for `name`; nullptr when there is none.
const QuantityName* findQuantity(std::string_view name);

/// The values a check reads. Indices count from 1, as the window numbers rows, layers and units.
class Quantities {
 public:
  virtual ~Quantities() = default;
  /// The value of `name` at `indices`; nullopt with `error` set when it has none (an index out
  /// of range, no test rows for test_loss, …).
  virtual std::optional<double> value(std::string_view name, const std::vector<int>& indices,
                                      std::string* error) const = 0;
};

/// What the window shows besides the snapshot, which some checks read.
struct ViewState {
  int selectedRow = 1;        ///< the data row the graph shows, from 1
  bool backpropOpen = false;  ///< the Backprop view is shown
  int backpropStep = 0;       ///< its step, from 1; 0 while it is closed
};

/// The quantities of one training snapshot (and the view around it).
class SnapshotQuantities : public Quantities {
 public:
  SnapshotQuantities(const TrainingSnapshot& snapshot, ViewState view = {})
      : m_snapshot(snapshot), m_view(view) {}
  std::optional<double> value(std::string_view name, const std::vector<int>& indices,
                              std::string* error) const override;

 private:
  std::optional<double> rowValue(std::string_view name, const std::vector<int>& indices,
                                 std::string* error) const;
  std::optional<double> parameterValue(std::string_view name, const std::vector<int>& indices,
                                       std::string* error) const;

  const TrainingSnapshot& m_snapshot;
  ViewState m_view;
};

}  // namespace nnlab
