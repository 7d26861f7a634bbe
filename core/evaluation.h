#pragma once

#include <limits>
#include <optional>

#include "core/dataset.h"
#include "core/loss.h"
#include "core/types.h"

namespace nnlab {

/// How well a network does on a dataset's training rows and, when it has them, its test rows.
struct Evaluation {
  /// On the training rows (every row when there is no test set), without regularisation.
  double trainLoss = std::numeric_limits<double>::quiet_NaN();
  std::optional<double> testLoss;  ///< when the dataset has test rows
  /// Share of training rows classified right, in [0, 1]; nullopt unless the targets are classes.
  std::optional<double> trainAccuracy;
  std::optional<double> testAccuracy;  ///< likewise for the test rows
};

/// Share of rows whose class is predicted right, or nullopt when `targets` are not classes.
/// One column of 0/1 targets: the prediction counts as class 1 from 0.5 on (a sigmoid's or a
/// step's threshold). Several columns that are one-hot per row: the largest output is the class
/// (ties go to the first). Anything else is regression: nullopt. Empty input: nullopt.
std::optional<double> classificationAccuracy(const Matrix& predictions, const Matrix& targets);

/// Losses and accuracies of `predictions`, one row per row of `dataset` (training and test),
/// split by the dataset's test flags.
Evaluation evaluatePredictions(Loss loss, const Matrix& predictions, const Dataset& dataset);

}  // namespace nnlab
