#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/input_scaling.h"
#include "core/network.h"

namespace nnlab {

/// A model file that cannot be read: the message names the file and what is wrong, e.g.
/// "net.json: layer 2: weights has 3 rows but the previous layer has 4 units".
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The model file format's tag and the newest version this code reads and writes.
inline constexpr std::string_view kModelFormat = "nnlab-model";
inline constexpr int kModelVersion = 1;

/// The network as JSON:
///   {"format": "nnlab-model", "version": 1, "inputs": 3,
///    "layers": [{"units": 4, "activation": "sigmoid", "weights": [[…], …], "bias": […]}, …]}
/// weights[i][j] joins unit i of the previous layer (or input i) to unit j; "bias" is present
/// exactly when the layer has biases. Numbers are written in their shortest form that reads
/// back bit-identical. Throws ModelError when a weight or bias is not finite.
std::string modelToJson(const Network& network);
/// Reads JSON written by modelToJson (or by hand). Throws ModelError naming `fileName` and the
/// problem; input nested deeper than kModelMaxDepth is rejected before parsing.
Network modelFromJson(std::string_view text, const std::string& fileName);

/// A model file's contents: the network and the scaling its raw inputs need (identity when the
/// file has none).
struct ModelFile {
  Network network;
  InputScaling scaling;
};

/// modelToJson plus, unless `scaling` is the identity, after "inputs":
///   "input_scaling": {"kind": "zscore", "offset": […], "scale": […]}   (x' = (x − offset)/scale)
std::string modelToJson(const Network& network, const InputScaling& scaling);
/// Reads JSON written by either modelToJson; throws ModelError like modelFromJson (also for an
/// "input_scaling" whose kind is unknown or whose arrays do not have one number per input).
ModelFile modelFileFromJson(std::string_view text, const std::string& fileName);
/// Reads a model file with its input scaling; throws ModelError.
ModelFile readModelFileWithScaling(const std::string& path);
/// Writes a model file with its input scaling atomically; throws like writeModelFile.
void writeModelFile(const std::string& path, const Network& network, const InputScaling& scaling);

/// Reads a model file; throws ModelError (also when it cannot be read). Any input scaling in it
/// is checked but not returned: use readModelFileWithScaling to honour it.
Network readModelFile(const std::string& path);
/// Writes a model file atomically (see writeFileAtomically); throws ModelError or
/// std::runtime_error.
void writeModelFile(const std::string& path, const Network& network);

/// Deepest nesting of arrays and objects accepted (a model needs 4).
inline constexpr int kModelMaxDepth = 64;

}  // namespace nnlab
