#pragma once

#include <string>

#include "core/export/export_model.h"

namespace nnlab {

/// The model as one C header with no dependencies beyond the C library's <math.h> (link with
/// -lm): the weights as constant arrays and
///   static inline void predict(const double* in, double* out);
/// which reads the raw inputs in[0…inputs−1] (the input scaling is applied inside) and writes
/// out[0…outputs−1]. Valid C99 and C++; every name but `predict` starts with `nnlab_` or
/// `NNLAB_`. Throws ModelError when a weight is not finite.
std::string modelToCHeader(const ExportModel& model);

}  // namespace nnlab
