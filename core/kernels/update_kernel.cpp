#include "core/kernels/update_kernel.h"

#include <cmath>

namespace nnlab {

AdamCorrections adamCorrections(const OptimizerSettings& s, long long steps) {
  const double t = static_cast<double>(steps);
  return {1.0 - std::pow(s.beta1, t), 1.0 - std::pow(s.beta2, t)};
}

}  // namespace nnlab
