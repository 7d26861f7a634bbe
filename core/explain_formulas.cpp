#include "core/explain_formulas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace nnlab {
namespace {

template <typename... Parts>
std::string cat(const Parts&... parts) {
  return joinText(parts...);
}

}  // namespace

std::string formatNumber(double value, int digits) {
  if (value == 0.0) value = 0.0;  // no "-0"
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string formulaTerm(double value) {
  const std::string text = formatNumber(value, 4);
  return value < 0 ? cat("(", text, ")") : text;
}

std::string lossFormula(Loss loss) {
  switch (loss) {
    case Loss::Sse:
      return "SSE = Σ (y − ŷ)²";
    case Loss::Mse:
      return "MSE = Σ (y − ŷ)² / (N·K)";
    case Loss::Bce:
      return "BCE = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)] / (N·K)";
    case Loss::Ce:
      return "CE = −Σ y ln ŷ / N";
  }
  return "";
}

std::string lossGradientFormula(Loss loss) {
  switch (loss) {
    case Loss::Sse:
      return "2(ŷ − y)";
    case Loss::Mse:
      return "2(ŷ − y)/(N·K)";
    case Loss::Bce:
      return "(ŷ − y)/(ŷ(1 − ŷ))/(N·K)";
    case Loss::Ce:
      return "−y/ŷ/N";
  }
  return "";
}

std::string derivativeFormula(Activation activation) {
  switch (activation) {
    case Activation::Sigmoid:
      return "a(1 − a)";
    case Activation::Tanh:
      return "1 − a²";
    case Activation::Relu:
      return "[a > 0]";
    case Activation::Linear:
      return "1";
    case Activation::Step:
      return "0";
    case Activation::Softmax:
      return "∂softmax/∂z";
  }
  return "";
}

std::string weightedSumSubstituted(const ExplainedUpdate& e, int layer, int row, int unit,
                                   int maxTerms) {
  const LayerTrace& t = e.trace.layers[layer];
  const Matrix& in = layer == 0 ? e.trace.inputs : e.trace.layers[layer - 1].a;
  std::string out;
  const int fanIn = static_cast<int>(t.weightsBefore.rows());
  for (int i = 0; i < std::min(fanIn, maxTerms); ++i) {
    out += cat(i ? " + " : "", formulaTerm(in(row, i)), "·", formulaTerm(t.weightsBefore(i, unit)));
  }
  if (fanIn > maxTerms) out += cat(" + … (", std::to_string(fanIn - maxTerms), " more)");
  if (t.biasBefore.size()) out += cat(" + ", formulaTerm(t.biasBefore(unit)));
  return cat(out, " = ", formatNumber(t.z(row, unit), 6));
}

std::string lossGradientSubstituted(const ExplainedUpdate& e, int row, int unit) {
  const LayerTrace& output = e.trace.layers.back();
  const double yHat = output.a(row, unit);
  const double y = e.trace.targets(row, unit);
  const std::string difference = cat("(", formulaTerm(yHat), " − ", formulaTerm(y), ")");
  const std::string divisor =
      e.trace.divisor == 1.0 ? "" : cat("/", formatNumber(e.trace.divisor, 6));
  std::string numbers;
  switch (e.loss) {
    case Loss::Sse:
    case Loss::Mse:
      numbers = cat("2·", difference, divisor);
      break;
    case Loss::Bce:
      numbers =
          cat(difference, "/(", formulaTerm(yHat), "·(1 − ", formulaTerm(yHat), "))", divisor);
      break;
    case Loss::Ce:
      numbers = cat("−", formulaTerm(y), "/", formulaTerm(yHat), divisor);
      break;
  }
  const double value = output.lossGradient.size() ? output.lossGradient(row, unit) : NAN;
  return cat(numbers, " = ", formatNumber(value, 6));
}

std::string derivativeSubstituted(Activation activation, double a, double value) {
  std::string numbers;
  switch (activation) {
    case Activation::Sigmoid:
      numbers = cat(formulaTerm(a), "·(1 − ", formulaTerm(a), ")");
      break;
    case Activation::Tanh:
      numbers = cat("1 − ", formulaTerm(a), "²");
      break;
    default:
      numbers = cat("f'(", formulaTerm(a), ")");
      break;
  }
  return cat(numbers, " = ", formatNumber(value, 6));
}

std::string lossTermSubstituted(const ExplainedUpdate& e, int row, int unit) {
  const double yHat = e.trace.layers.back().a(row, unit);
  const double y = e.trace.targets(row, unit);
  switch (e.loss) {
    case Loss::Sse:
    case Loss::Mse:
      return cat("(", formulaTerm(y), " − ", formulaTerm(yHat),
                 ")² = ", formatNumber((y - yHat) * (y - yHat), 6));
    case Loss::Bce:
      return cat("−[", formulaTerm(y), "·ln ", formulaTerm(yHat), " + (1 − ", formulaTerm(y),
                 ")·ln(1 − ", formulaTerm(yHat), ")]");
    case Loss::Ce:
      return cat("−", formulaTerm(y), "·ln ", formulaTerm(yHat));
  }
  return "";
}

}  // namespace nnlab
