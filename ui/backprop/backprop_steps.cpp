#include "ui/backprop/backprop_steps.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "core/explain_formulas.h"

namespace nnlab {
namespace {

constexpr int kShownUnits = 12;  // units written out per step; the rest are counted
constexpr int kShownMatrix = 8;  // rows and columns of a gradient or weight table
// Below this slope a sigmoid or tanh unit passes almost no gradient back (σ' peaks at 0.25).
constexpr double kSaturated = 0.01;

// The texts' translation context (lupdate reads BackpropText::tr calls).
struct BackpropText {
  Q_DECLARE_TR_FUNCTIONS(BackpropText)
};

QString q(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }
QString num(double value) { return q(formatNumber(value, 6)); }

QString unitName(const ExplainedUpdate& e, int layer, int unit) {
  const bool output = layer + 1 == static_cast<int>(e.trace.layers.size());
  return output ? (e.trace.layers[layer].a.cols() == 1 ? QStringLiteral("ŷ")
                                                       : QStringLiteral("ŷ%1").arg(unit + 1))
                : QStringLiteral("h%1.%2").arg(layer + 1).arg(unit + 1);
}

QString more(int shown, int all) {
  return shown < all ? BackpropText::tr(
                           "<p>… and %n more unit(s) (the JSON of <tt>nnlab-cli explain</tt> has "
                           "every number).</p>",
                           nullptr, all - shown)
                     : QString();
}

QString matrixTable(const Matrix& m, const QString& caption) {
  QString html =
      QStringLiteral("<p><b>%1</b> (%2 × %3)</p><table cellspacing=\"0\" cellpadding=\"2\">")
          .arg(caption)
          .arg(m.rows())
          .arg(m.cols());
  const Eigen::Index rows = std::min<Eigen::Index>(m.rows(), kShownMatrix);
  const Eigen::Index cols = std::min<Eigen::Index>(m.cols(), kShownMatrix);
  for (Eigen::Index r = 0; r < rows; ++r) {
    html += QStringLiteral("<tr>");
    for (Eigen::Index c = 0; c < cols; ++c)
      html += QStringLiteral("<td align=\"right\">%1</td>").arg(num(m(r, c)));
    if (cols < m.cols()) html += QStringLiteral("<td>…</td>");
    html += QStringLiteral("</tr>");
  }
  if (rows < m.rows()) html += QStringLiteral("<tr><td>…</td></tr>");
  return html + QStringLiteral("</table>");
}

// The units a step writes out: the first kShownUnits, and the selected one wherever it is.
std::vector<int> shownUnits(int units, int selected) {
  std::vector<int> shown;
  for (int j = 0; j < std::min(units, kShownUnits); ++j) shown.push_back(j);
  if (selected >= kShownUnits && selected < units) shown.push_back(selected);
  return shown;
}

QString forwardHtml(const ExplainedUpdate& e, int l, int row, int selected) {
  const LayerTrace& t = e.trace.layers[l];
  const Activation f = e.layers[l].activation;
  QString html = BackpropText::tr(
                     "<p>Each unit sums its inputs times their weights%1, then applies %2: "
                     "<b>z = a<sub>in</sub>·W%3</b>, <b>a = %2(z)</b>.</p>")
                     .arg(t.biasBefore.size() ? BackpropText::tr(" plus its bias") : QString())
                     .arg(q(std::string(activationName(f))))
                     .arg(t.biasBefore.size() ? QStringLiteral(" + b") : QString());
  const int units = std::min<int>(static_cast<int>(t.z.cols()), kShownUnits);
  for (int j : shownUnits(static_cast<int>(t.z.cols()), selected)) {
    html += QStringLiteral("<p><tt>z(%1) = %2<br>a(%1) = %3(%4) = %5</tt></p>")
                .arg(unitName(e, l, j), q(weightedSumSubstituted(e, l, row, j)),
                     q(std::string(activationName(f))), num(t.z(row, j)), num(t.a(row, j)));
  }
  return html + more(units, static_cast<int>(t.z.cols()));
}

QString lossHtml(const ExplainedUpdate& e, int row) {
  QString html = BackpropText::tr(
                     "<p>The loss measures how far the outputs ŷ are from the targets y: "
                     "<b>%1</b>.</p>")
                     .arg(q(std::string(lossLabel(e.loss))));
  const Matrix& out = e.trace.layers.back().a;
  const int units = std::min<int>(static_cast<int>(out.cols()), kShownUnits);
  for (int j = 0; j < units; ++j) {
    html += QStringLiteral("<p><tt>%1: %2</tt></p>")
                .arg(unitName(e, static_cast<int>(e.trace.layers.size()) - 1, j),
                     q(lossTermSubstituted(e, row, j)));
  }
  html += more(units, static_cast<int>(out.cols()));
  html += BackpropText::tr(
              "<p>This row's loss: <b>%1</b>. Over the batch of %2 rows: <b>%3 = %4</b>%5.</p>")
              .arg(num(e.perSampleLoss[static_cast<std::size_t>(row)]))
              .arg(e.trace.rows.size())
              .arg(q(std::string(lossLabel(e.loss))), num(e.total))
              .arg(e.trace.divisor == 1.0
                       ? QString()
                       : BackpropText::tr(" (the sum divided by %1)").arg(num(e.trace.divisor)));
  return html;
}

QString deltaHtml(const ExplainedUpdate& e, int l, int row, int j) {
  const LayerTrace& t = e.trace.layers[l];
  const bool output = l + 1 == static_cast<int>(e.trace.layers.size());
  const QString u = unitName(e, l, j);
  if (!e.layers[l].derivative.size() || !t.lossGradient.size()) {
    return QStringLiteral("<p><tt>δ(%1) = %2</tt></p>").arg(u, num(t.delta(row, j)));
  }
  const QString source =
      output
          ? q(lossGradientFormula(e.loss) + " = " + lossGradientSubstituted(e, row, j))
          : QStringLiteral("Σ<sub>k</sub> δ<sub>k</sub>·w = %1").arg(num(t.lossGradient(row, j)));
  const Activation f = e.layers[l].activation;
  const double slope = e.layers[l].derivative(row, j);
  const QString saturated =
      (f == Activation::Sigmoid || f == Activation::Tanh) && slope < kSaturated
          ? BackpropText::tr(
                "<br><font color=\"#c0392b\">%1 is saturated: f'(z) = %2 &lt; %3, so "
                "its weights barely learn.</font>")
                .arg(u, num(slope), num(kSaturated))
          : QString();
  return QStringLiteral(
             "<p><tt>∂L/∂a(%1) = %2<br>f'(z) = %3 = %4<br>δ(%1) = %5 · %6 = %7</tt>%8</p>")
      .arg(u, source, q(derivativeFormula(f)),
           q(derivativeSubstituted(f, t.a(row, j), e.layers[l].derivative(row, j))),
           q(formulaTerm(t.lossGradient(row, j))), q(formulaTerm(e.layers[l].derivative(row, j))),
           num(t.delta(row, j)), saturated);
}

QString backwardHtml(const ExplainedUpdate& e, int l, int row, int selected) {
  const LayerTrace& t = e.trace.layers[l];
  const bool output = l + 1 == static_cast<int>(e.trace.layers.size());
  QString html =
      output
          ? (e.trace.fused ? BackpropText::tr("<p>With this output and loss the chain rule's two "
                                              "factors cancel: <b>δ = (ŷ − y)/%1</b>.</p>")
                                 .arg(num(e.trace.divisor))
                           : BackpropText::tr("<p>The error signal of each output unit: "
                                              "<b>δ = ∂L/∂a · f'(z)</b> (the chain rule).</p>"))
          : BackpropText::tr(
                "<p>Each hidden unit receives the δ of the layer above through the "
                "same weights, backwards: <b>δ = (δ<sub>next</sub>·W<sub>next</sub>"
                "<sup>T</sup>) ⊙ f'(z)</b>.</p>");
  const int units = std::min<int>(static_cast<int>(t.delta.cols()), kShownUnits);
  for (int j : shownUnits(static_cast<int>(t.delta.cols()), selected))
    html += deltaHtml(e, l, row, j);
  html += more(units, static_cast<int>(t.delta.cols()));
  html += BackpropText::tr(
      "<p>Summed over the batch, each weight's gradient is its input times δ: "
      "<b>∂L/∂W = a<sub>in</sub><sup>T</sup>·δ</b>.</p>");
  html += matrixTable(t.gradWeights, BackpropText::tr("∂L/∂W of layer %1").arg(l + 1));
  if (t.gradBias.size())
    html += matrixTable(t.gradBias, BackpropText::tr("∂L/∂b of layer %1").arg(l + 1));
  return html;
}

QString updateHtml(const ExplainedUpdate& e) {
  if (e.trace.diverged)
    return BackpropText::tr("<p>No update: the loss is not a finite number.</p>");
  QString html = BackpropText::tr(
                     "<p>The optimizer (%1, learning rate %2) moves every weight against its "
                     "gradient: <b>w ← w − lr·∂L/∂w</b>%3.</p>")
                     .arg(q(std::string(optimizerName(e.trace.optimizer.kind))),
                          num(e.trace.optimizer.learningRate))
                     .arg(e.trace.optimizer.kind == OptimizerKind::Momentum
                              ? BackpropText::tr(", through a velocity v ← μ·v − lr·g")
                          : e.trace.optimizer.kind == OptimizerKind::Adam
                              ? BackpropText::tr(", scaled by Adam's moments")
                              : QString());
  for (std::size_t l = 0; l < e.trace.layers.size(); ++l) {
    html += matrixTable(e.trace.layers[l].weightsAfter,
                        BackpropText::tr("W of layer %1 after the update").arg(l + 1));
  }
  return html;
}

// A bar of up to kBarCells cells for `value` against `range`: blue for +, orange for −.
QString bar(double value, double range) {
  constexpr int kBarCells = 20;
  const int cells =
      range > 0 ? static_cast<int>(std::lround(std::abs(value) / range * kBarCells)) : 0;
  return QStringLiteral("<font color=\"%1\">%2</font>")
      .arg(value < 0 ? QStringLiteral("#f59322") : QStringLiteral("#0877bd"),
           QString(std::max(cells, value != 0 ? 1 : 0), QChar(0x2588)));
}

}  // namespace

QString weightSharesHtml(const ExplainedUpdate& e, int layer, int from, int to) {
  const WeightExplanation w = explainWeight(e, layer, from, to);
  QString html =
      BackpropText::tr(
          "<p><b>w = W%1[%2,%3]</b>: from %4 to %5. Each row of the "
          "batch adds its share δ·a<sub>in</sub> = ∂L/∂a · f'(z) · "
          "a<sub>in</sub> to ∂L/∂w:</p>")
          .arg(layer + 1)
          .arg(from + 1)
          .arg(to + 1)
          .arg(layer == 0 ? QStringLiteral("X%1").arg(from + 1) : unitName(e, layer - 1, from),
               unitName(e, layer, to));
  double range = 0.0;
  for (const auto& row : w.rows) range = std::max(range, std::abs(row.share));
  html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
  for (const auto& row : w.rows) {
    const QString factors =
        std::isnan(row.lossGradient) || std::isnan(row.derivative)
            ? QStringLiteral("δ %1 · a<sub>in</sub> %2").arg(num(row.delta), num(row.input))
            : QStringLiteral("%1 · %2 · %3")
                  .arg(q(formulaTerm(row.lossGradient)), q(formulaTerm(row.derivative)),
                       q(formulaTerm(row.input)));
    html += QStringLiteral("<tr><td>%1</td><td><tt>%2 = %3</tt></td><td>%4</td></tr>")
                .arg(BackpropText::tr("row %1").arg(row.row + 1), factors, num(row.share),
                     bar(row.share, range));
  }
  html += QStringLiteral("</table>");
  html += BackpropText::tr("<p>Sum over the batch: <b>∂L/∂w = %1</b>").arg(num(w.dataGradient));
  if (w.l1Term != 0 || w.l2Term != 0) {
    html += BackpropText::tr(" + L1 %1 + L2 %2 = %3")
                .arg(num(w.l1Term), num(w.l2Term), num(w.gradient));
  }
  if (!e.trace.diverged) {
    html += BackpropText::tr(". The update changes w by %1: %2 → %3.")
                .arg(num(-w.step), num(w.before), num(w.after));
  }
  return html + QStringLiteral("</p>");
}

std::vector<BackpropStep> backpropSteps(int layers) {
  std::vector<BackpropStep> steps;
  for (int l = 0; l < layers; ++l) steps.push_back({BackpropStep::Kind::Forward, l});
  steps.push_back({BackpropStep::Kind::Loss, layers - 1});
  for (int l = layers - 1; l >= 0; --l) steps.push_back({BackpropStep::Kind::Backward, l});
  steps.push_back({BackpropStep::Kind::Update, 0});
  return steps;
}

int firstBackwardStep(int layers) { return layers + 1; }

QString backpropStepTitle(const BackpropStep& step, int layers) {
  const QString which = step.layer + 1 == layers
                            ? BackpropText::tr("output layer")
                            : BackpropText::tr("layer %1 (hidden)").arg(step.layer + 1);
  switch (step.kind) {
    case BackpropStep::Kind::Forward:
      return BackpropText::tr("Forward: %1").arg(which);
    case BackpropStep::Kind::Loss:
      return BackpropText::tr("Loss");
    case BackpropStep::Kind::Backward:
      return BackpropText::tr("Backward: %1").arg(which);
    case BackpropStep::Kind::Update:
      return BackpropText::tr("Update the weights");
  }
  return {};
}

QString backpropStepHtml(const ExplainedUpdate& update, const BackpropStep& step, int row,
                         int selectedUnit) {
  switch (step.kind) {
    case BackpropStep::Kind::Forward:
      return forwardHtml(update, step.layer, row, selectedUnit);
    case BackpropStep::Kind::Loss:
      return lossHtml(update, row);
    case BackpropStep::Kind::Backward:
      return backwardHtml(update, step.layer, row, selectedUnit);
    case BackpropStep::Kind::Update:
      return updateHtml(update);
  }
  return {};
}

}  // namespace nnlab
