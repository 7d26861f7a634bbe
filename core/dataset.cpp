#include "dataset.h"

namespace nnlab {

Dataset Dataset::fromMatrices(Matrix inputs, Matrix targets) {
  Dataset dataset;
  dataset.inputs = std::move(inputs);
  dataset.targets = std::move(targets);
  for (int i = 0; i < dataset.inputColumns(); ++i) {
    dataset.inputNames.push_back(std::string("X").append(std::to_string(i + 1)));
  }
  for (int i = 0; i < dataset.targetColumns(); ++i) {
    const bool single = dataset.targetColumns() == 1;
    dataset.targetNames.push_back(single ? "y" : std::string("y").append(std::to_string(i + 1)));
  }
  return dataset;
}

}  // namespace nnlab
