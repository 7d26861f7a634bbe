#include "app/cli/explain_text.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string_view>

#include "core/explain_formulas.h"

namespace nnlab::cli {
namespace {

template <typename... Parts>
std::string cat(const Parts&... parts) {
  return joinText(parts...);
}

constexpr Eigen::Index kShownRows = 12;
constexpr Eigen::Index kShownColumns = 8;

std::string number(double value, int digits = 6) { return formatNumber(value, digits); }

std::string term(double value) { return formulaTerm(value); }

std::string shape(const Matrix& m) {
  return std::to_string(m.rows()) + " × " + std::to_string(m.cols());
}

// A labelled matrix, right-aligned; big ones show their first rows and columns (the JSON output
// has every number).
std::string matrixText(const std::string& label, const Matrix& m) {
  std::string out = label + " (" + shape(m) + "):\n";
  const Eigen::Index rows = std::min(m.rows(), kShownRows);
  const Eigen::Index columns = std::min(m.cols(), kShownColumns);
  for (Eigen::Index r = 0; r < rows; ++r) {
    for (Eigen::Index c = 0; c < columns; ++c) {
      char cell[32];
      std::snprintf(cell, sizeof cell, " %12s", number(m(r, c)).c_str());
      out += cell;
    }
    if (columns < m.cols()) out += "  … " + std::to_string(m.cols() - columns) + " more columns";
    out += '\n';
  }
  if (rows < m.rows()) out += "  … " + std::to_string(m.rows() - rows) + " more rows\n";
  return out;
}

std::string activationText(Activation a) { return std::string(activationName(a)); }

std::string rowsText(const std::vector<int>& rows) {
  std::string out;
  for (std::size_t i = 0; i < rows.size() && i < 12; ++i) {
    out += (i ? ", " : "") + std::to_string(rows[i] + 1);
  }
  if (rows.size() > 12) out += ", … (" + std::to_string(rows.size()) + " rows)";
  return out;
}

std::string header(const ExplainedUpdate& e) {
  const UpdateTrace& t = e.trace;
  std::string out = "The update after epoch " + std::to_string(t.epoch) + ": a batch of " +
                    std::to_string(t.rows.size()) + (t.rows.size() == 1 ? " row" : " rows") +
                    " (data rows " + rowsText(t.rows) + "), loss " + std::string(lossName(e.loss)) +
                    ", optimizer " + std::string(optimizerName(t.optimizer.kind)) +
                    ", learning rate " + number(t.optimizer.learningRate) + "\n";
  if (e.l1 != 0 || e.l2 != 0) out += "L1 " + number(e.l1) + ", L2 " + number(e.l2) + "\n";
  return out +
         "Layers count from the input side; weights are fan_in × units, one sample per row.\n";
}

std::string forwardText(const ExplainedUpdate& e) {
  const UpdateTrace& t = e.trace;
  std::string out = "\n== Forward pass: z = a_in·W + b, a = f(z)\n";
  out += matrixText("X, the inputs", t.inputs);
  for (std::size_t l = 0; l < t.layers.size(); ++l) {
    const std::string n = std::to_string(l + 1);
    const std::string in = l == 0 ? "X" : cat("a", std::to_string(l));
    const LayerTrace& layer = t.layers[l];
    out += matrixText("W" + n, layer.weightsBefore);
    if (layer.biasBefore.size()) out += matrixText("b" + n, layer.biasBefore);
    out += matrixText("z" + n + " = " + in + "·W" + n + (layer.biasBefore.size() ? " + b" + n : ""),
                      layer.z);
    out += matrixText("a" + n + " = " + activationText(e.layers[l].activation) + "(z" + n + ")" +
                          (l + 1 == t.layers.size() ? " = ŷ" : ""),
                      layer.a);
  }
  out += matrixText("y, the targets", t.targets);
  out += "\n== Loss: " + lossFormula(e.loss) + " = " + number(e.total) + "\n   per row:";
  for (double v : e.perSampleLoss) out += cat(" ", number(v));
  return out + "\n";
}

std::string backwardText(const ExplainedUpdate& e) {
  const UpdateTrace& t = e.trace;
  std::string out = "\n== Backward pass: δ = ∂L/∂z, from the output back\n";
  for (int l = static_cast<int>(t.layers.size()) - 1; l >= 0; --l) {
    const std::string n = std::to_string(l + 1);
    const LayerTrace& layer = t.layers[l];
    const ExplainedLayer& x = e.layers[l];
    const bool output = l + 1 == static_cast<int>(t.layers.size());
    if (output && t.fused) {
      out += matrixText("δ" + n + " = (ŷ − y)/" + number(t.divisor) + " (" +
                            activationText(x.activation) + " with " +
                            std::string(lossName(e.loss)) + ": the two factors cancel into one)",
                        layer.delta);
    } else {
      const std::string source =
          output ? lossGradientFormula(e.loss)
                 : "δ" + std::to_string(l + 2) + "·W" + std::to_string(l + 2) + "ᵀ";
      out += matrixText("∂L/∂a" + n + " = " + source, layer.lossGradient);
      out += matrixText(
          "δ" + n + " = ∂L/∂a" + n + " ⊙ f'(z" + n + "), f' = " + derivativeFormula(x.activation),
          layer.delta);
    }
    const std::string in = l == 0 ? "X" : cat("a", std::to_string(l));
    out += matrixText("∂L/∂W" + n + " = " + in + "ᵀ·δ" + n, layer.dataGradient);
    if (x.l1Term.size()) out += matrixText("  + L1 term l1·sign(W" + n + ")", x.l1Term);
    if (x.l2Term.size()) out += matrixText("  + L2 term l2·W" + n, x.l2Term);
    if (layer.gradBias.size()) out += matrixText("∂L/∂b" + n + " = Σ_rows δ" + n, layer.gradBias);
  }
  return out;
}

std::string updateRule(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Gd:
    case OptimizerKind::Sgd:
      return "W ← W − lr·∂L/∂W. The article writes W += 2(y − ŷ)·σ'…: the same step, with the "
             "sign of the gradient folded in";
    case OptimizerKind::Momentum:
      return "v ← μ·v − lr·∂L/∂W, then W ← W + v";
    case OptimizerKind::Adam:
      return "m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², W ← W − lr·m̂/(√v̂ + ε)";
    case OptimizerKind::Perceptron:
      return "W ← W + lr·(y − ŷ)·x (Rosenblatt's rule)";
  }
  return "";
}

std::string updateText(const ExplainedUpdate& e) {
  const UpdateTrace& t = e.trace;
  if (t.diverged) return "\n== No update: the loss is not a finite number (training diverged)\n";
  std::string out = "\n== Update: " + updateRule(t.optimizer.kind) + "\n";
  for (std::size_t l = 0; l < t.layers.size(); ++l) {
    const std::string n = std::to_string(l + 1);
    out += matrixText("W" + n + " after", t.layers[l].weightsAfter);
    if (t.layers[l].biasAfter.size()) out += matrixText("b" + n + " after", t.layers[l].biasAfter);
  }
  return out;
}

std::string shareText(const ExplainedUpdate& e, const WeightChoice& c, const WeightRowShare& r) {
  const bool output = c.layer + 1 == static_cast<int>(e.trace.layers.size());
  if (std::isnan(r.lossGradient) || std::isnan(r.derivative)) {
    return cat("  δ = ", number(r.delta),
               output && e.trace.fused ? " (ŷ − y over the divisor)" : "",
               "\n  a_in = ", number(r.input), "\n  ∂L/∂w = δ · a_in = ", term(r.delta), " · ",
               term(r.input), " = ", number(r.share), "\n");
  }
  std::string out = output ? cat("  ∂L/∂a = ", lossGradientFormula(e.loss), " = ",
                                 lossGradientSubstituted(e, c.sample, c.to), "\n")
                           : cat("  ∂L/∂a = Σ_k δ_k·W", std::to_string(c.layer + 2), "[",
                                 std::to_string(c.to + 1), ",k] = ", number(r.lossGradient), "\n");
  const Activation activation = e.layers[c.layer].activation;
  out += cat(
      "  f'(z) = ", derivativeFormula(activation), " = ",
      derivativeSubstituted(activation, e.trace.layers[c.layer].a(c.sample, c.to), r.derivative),
      "\n");
  out += cat("  a_in = ", number(r.input), "\n");
  return out + cat("  ∂L/∂w = ∂L/∂a · f'(z) · a_in = ", term(r.lossGradient), " · ",
                   term(r.derivative), " · ", term(r.input), " = ", number(r.share), "\n");
}

std::string weightText(const ExplainedUpdate& e, const WeightChoice& c) {
  const WeightExplanation w = explainWeight(e, c.layer, c.from, c.to);
  if (c.sample < 0 || c.sample >= static_cast<int>(w.rows.size())) {
    throw std::out_of_range(cat("the batch has rows 1…", std::to_string(w.rows.size())));
  }
  const WeightRowShare& r = w.rows[c.sample];
  std::string out =
      cat("\n== The chain rule for one weight, w = W", std::to_string(c.layer + 1), "[",
          std::to_string(c.from + 1), ",", std::to_string(c.to + 1), "] (input ",
          std::to_string(c.from + 1), " to unit ", std::to_string(c.to + 1), " of layer ",
          std::to_string(c.layer + 1), "), batch row ", std::to_string(c.sample + 1), " (data row ",
          std::to_string(r.row + 1), ")\n");
  out += shareText(e, c, r);
  out += "  each row's share:";
  for (const auto& row : w.rows) out += cat(" ", number(row.share, 4));
  out += cat("\n  over the batch: ∂L/∂w = ", number(w.dataGradient));
  if (w.l1Term != 0 || w.l2Term != 0) {
    out += cat(" + L1 ", number(w.l1Term), " + L2 ", number(w.l2Term), " = ", number(w.gradient));
  }
  if (e.trace.diverged) return out + "\n";
  return out + cat("\n  the update moves w by ", number(-w.step), ": ", number(w.before), " → ",
                   number(w.after), "\n");
}

}  // namespace

std::string explainText(const ExplainedUpdate& update, const WeightChoice& choice) {
  return header(update) + forwardText(update) + backwardText(update) + updateText(update) +
         weightText(update, choice);
}

}  // namespace nnlab::cli
