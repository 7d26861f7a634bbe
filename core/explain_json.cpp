#include "core/explain_json.h"

#include <nlohmann/json.hpp>

#include "core/optimizer.h"

namespace nnlab {
namespace {

using Json = nlohmann::ordered_json;

Json matrixJson(const Matrix& m) {
  Json rows = Json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    Json row = Json::array();
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(m(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

// A row vector, or null where the layer has none (no bias, no such term).
Json vectorOrNull(const RowVector& v, bool present) {
  if (!present) return nullptr;
  Json out = Json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v(i));
  return out;
}

Json matrixOrNull(const Matrix& m) { return m.size() ? matrixJson(m) : Json(nullptr); }

Json optimizerJson(const ExplainedUpdate& e, int l, bool bias) {
  const OptimizerSettings& s = e.trace.optimizer;
  const OptimizerLayerStep& u = e.layers[l].update;
  Json out{{"kind", optimizerName(s.kind)}, {"learning_rate", s.learningRate}};
  if (s.kind == OptimizerKind::Momentum) {
    out["momentum"] = s.momentum;
    out["velocity_before"] = matrixJson(u.firstBefore);
    out["velocity_after"] = matrixJson(u.firstAfter);
    out["bias_velocity_before"] = vectorOrNull(u.biasFirstBefore, bias);
    out["bias_velocity_after"] = vectorOrNull(u.biasFirstAfter, bias);
  } else if (s.kind == OptimizerKind::Adam) {
    out["beta1"] = s.beta1;
    out["beta2"] = s.beta2;
    out["epsilon"] = s.epsilon;
    out["t"] = e.adamStep;
    out["correction1"] = e.correction1;
    out["correction2"] = e.correction2;
    out["m_before"] = matrixJson(u.firstBefore);
    out["m_after"] = matrixJson(u.firstAfter);
    out["v_before"] = matrixJson(u.secondBefore);
    out["v_after"] = matrixJson(u.secondAfter);
    out["bias_m_before"] = vectorOrNull(u.biasFirstBefore, bias);
    out["bias_m_after"] = vectorOrNull(u.biasFirstAfter, bias);
    out["bias_v_before"] = vectorOrNull(u.biasSecondBefore, bias);
    out["bias_v_after"] = vectorOrNull(u.biasSecondAfter, bias);
  }
  out["step_weights"] = matrixOrNull(u.step);
  out["step_bias"] = vectorOrNull(u.biasStep, bias && u.biasStep.size() > 0);
  return out;
}

Json layerJson(const ExplainedUpdate& e, int l) {
  const LayerTrace& t = e.trace.layers[l];
  const ExplainedLayer& x = e.layers[l];
  const bool bias = t.biasBefore.size() > 0;
  return Json{
      {"activation", activationName(x.activation)},
      {"weights_before", matrixJson(t.weightsBefore)},
      {"bias_before", vectorOrNull(t.biasBefore, bias)},
      {"z", matrixJson(t.z)},
      {"a", matrixJson(t.a)},
      {"loss_gradient", matrixOrNull(t.lossGradient)},
      {"derivative", matrixOrNull(x.derivative)},
      {"delta", matrixJson(t.delta)},
      {"grad_data", matrixJson(t.dataGradient)},
      {"grad_l1", matrixOrNull(x.l1Term)},
      {"grad_l2", matrixOrNull(x.l2Term)},
      {"grad_weights", matrixJson(t.gradWeights)},
      {"grad_bias", vectorOrNull(t.gradBias, bias)},
      {"weights_after", matrixJson(t.weightsAfter)},
      {"bias_after", vectorOrNull(t.biasAfter, bias)},
      {"optimizer", optimizerJson(e, l, bias)},
  };
}

}  // namespace

std::string explainedUpdateToJson(const ExplainedUpdate& e) {
  const UpdateTrace& t = e.trace;
  Json layers = Json::array();
  for (int l = 0; l < static_cast<int>(t.layers.size()); ++l) layers.push_back(layerJson(e, l));
  Json json{
      {"format", "nnlab-explain"},
      {"version", 1},
      {"epoch", t.epoch},
      {"rows", t.rows},
      {"diverged", t.diverged},
      {"loss",
       {{"name", lossName(e.loss)},
        {"per_sample", e.perSampleLoss},
        {"total", e.total},
        {"sum", t.lossSum},
        {"divisor", t.divisor},
        {"fused_output_delta", t.fused}}},
      {"l1", e.l1},
      {"l2", e.l2},
      {"inputs", matrixJson(t.inputs)},
      {"targets", matrixJson(t.targets)},
      {"layers", std::move(layers)},
  };
  return json.dump() + "\n";
}

}  // namespace nnlab
