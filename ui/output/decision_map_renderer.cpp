#include "ui/output/decision_map_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/kernels/forward_kernel.h"
#include "ui/output/colour_scale.h"

namespace nnlab {

namespace {

constexpr int kShades = 256;

/// The diverging scale sampled at kShades points from −1 to +1, as ready pixels.
const std::array<QRgb, kShades>& divergingShades() {
  static const std::array<QRgb, kShades> shades = [] {
    std::array<QRgb, kShades> table{};
    for (int i = 0; i < kShades; ++i)
      table[i] = divergingColour(-1.0 + 2.0 * i / (kShades - 1), 1.0).rgb();
    return table;
  }();
  return shades;
}

QRgb shadeOf(double value) {
  if (!std::isfinite(value)) return zeroColour().rgb();
  const double t = (std::clamp(value, -1.0, 1.0) + 1.0) * 0.5;
  return divergingShades()[static_cast<int>(std::lround(t * (kShades - 1)))];
}

/// `colour` faded towards the scale's grey: strength 0 is grey, 1 the colour itself.
QRgb fade(const QColor& colour, double strength) {
  const QColor grey = zeroColour();
  const double s = std::clamp(strength, 0.0, 1.0);
  const auto channel = [s](int from, int to) {
    return static_cast<int>(std::lround(from + (to - from) * s));
  };
  return qRgb(channel(grey.red(), colour.red()), channel(grey.green(), colour.green()),
              channel(grey.blue(), colour.blue()));
}

}  // namespace

double DecisionMapRenderer::signedValue(Activation output, double y) {
  const bool unitInterval =
      output == Activation::Sigmoid || output == Activation::Step || output == Activation::Softmax;
  return unitInterval ? (y - 0.5) * 2.0 : y;
}

QRectF DecisionMapRenderer::domainFor(const Dataset* dataset) {
  constexpr double kMargin = 0.1;  // of the data's extent, on each side
  double left = -1.0, right = 1.0, low = -1.0, high = 1.0;
  if (dataset && dataset->rows() > 0 && dataset->inputColumns() == 2) {
    left = dataset->inputs.col(0).minCoeff();
    right = dataset->inputs.col(0).maxCoeff();
    low = dataset->inputs.col(1).minCoeff();
    high = dataset->inputs.col(1).maxCoeff();
  }
  if (!std::isfinite(left + right + low + high)) left = low = -1.0, right = high = 1.0;
  const double span = std::max({right - left, high - low, 1e-3}) * (1.0 + 2.0 * kMargin);
  const QPointF centre((left + right) / 2.0, (low + high) / 2.0);
  return {centre.x() - span / 2.0, centre.y() - span / 2.0, span, span};
}

QImage DecisionMapRenderer::neuronImage(const Matrix& values, int unit, Activation activation,
                                        int resolution) {
  QImage image(resolution, resolution, QImage::Format_RGB32);
  // Unbounded activations (relu, linear) are shown relative to their largest value here.
  const bool bounded = activation != Activation::Relu && activation != Activation::Linear;
  const double top = bounded ? 1.0 : std::max(values.col(unit).cwiseAbs().maxCoeff(), 1e-12);
  for (int row = 0; row < resolution; ++row) {
    auto* pixels = reinterpret_cast<QRgb*>(image.scanLine(row));
    for (int column = 0; column < resolution; ++column) {
      const Eigen::Index cell = static_cast<Eigen::Index>(row) * resolution + column;
      pixels[column] = shadeOf(signedValue(activation, values(cell, unit)) / top);
    }
  }
  return image;
}

QImage DecisionMapRenderer::renderNeuron(const Network& network, const InputScaling& scaling,
                                         const QRectF& domain, int resolution, int layer,
                                         int unit) {
  if (network.inputs() != 2 || layer < 0 || layer >= network.layerCount() || unit < 0 ||
      unit >= network.layer(layer).units() || resolution < 1) {
    QImage blank(std::max(resolution, 1), std::max(resolution, 1), QImage::Format_RGB32);
    blank.fill(zeroColour());
    return blank;
  }
  fillGrid(domain, resolution);
  forward(network, scaling);
  return neuronImage(m_activations[static_cast<std::size_t>(layer)], unit,
                     network.layer(layer).activation, resolution);
}

std::vector<std::vector<QImage>> DecisionMapRenderer::renderNeurons(const Network& network,
                                                                    const InputScaling& scaling,
                                                                    const QRectF& domain,
                                                                    int resolution) {
  std::vector<std::vector<QImage>> images;
  if (network.inputs() != 2 || resolution < 1) return images;
  fillGrid(domain, resolution);
  forward(network, scaling);
  for (int l = 0; l < network.layerCount(); ++l) {
    images.emplace_back();
    const Matrix& values = m_activations[static_cast<std::size_t>(l)];
    for (int u = 0; u < network.layer(l).units(); ++u)
      images.back().push_back(neuronImage(values, u, network.layer(l).activation, resolution));
  }
  return images;
}

QColor DecisionMapRenderer::classColour(int index) {
  static const std::array<QColor, 6> colours{negativeColour(),         positiveColour(),
                                             QColor(0x2c, 0xa2, 0x5f), QColor(0x9e, 0x3f, 0xb0),
                                             QColor(0xd6, 0x27, 0x28), QColor(0x8c, 0x6d, 0x31)};
  return colours[static_cast<std::size_t>(std::max(index, 0)) % colours.size()];
}

void DecisionMapRenderer::fillGrid(const QRectF& domain, int resolution) {
  if (m_grid.rows() == static_cast<Eigen::Index>(resolution) * resolution && m_gridDomain == domain)
    return;
  m_grid.resize(static_cast<Eigen::Index>(resolution) * resolution, 2);
  // Each pixel shows the output at its centre.
  const double dx = domain.width() / resolution;
  const double dy = domain.height() / resolution;
  for (int row = 0; row < resolution; ++row) {
    const double x2 = domain.bottom() - (row + 0.5) * dy;  // QRectF's bottom is the largest y
    for (int column = 0; column < resolution; ++column) {
      const Eigen::Index cell = static_cast<Eigen::Index>(row) * resolution + column;
      m_grid(cell, 0) = domain.left() + (column + 0.5) * dx;
      m_grid(cell, 1) = x2;
    }
  }
  m_gridDomain = domain;
}

const Matrix& DecisionMapRenderer::forward(const Network& network, const InputScaling& scaling) {
  // a_{l} = f(a_{l−1}·W_l + b_l), batch of cells × units, by the core's forward pass into
  // kept buffers.
  const Matrix* input = &m_grid;
  if (!scaling.isIdentity() && scaling.offset().size() == m_grid.cols()) {
    m_scaledGrid = scaling.apply(m_grid);
    input = &m_scaledGrid;
  }
  return forwardPass(network, *input, m_activations);
}

QImage DecisionMapRenderer::render(const Network& network, const InputScaling& scaling,
                                   const QRectF& domain, int resolution, bool discretize) {
  QImage image(resolution, resolution, QImage::Format_RGB32);
  if (network.inputs() != 2 || network.layerCount() == 0 || resolution < 1) {
    image.fill(zeroColour());
    return image;
  }
  fillGrid(domain, resolution);
  const Matrix& out = forward(network, scaling);
  const Activation activation = network.layers().back().activation;
  const int classes = static_cast<int>(out.cols());
  for (int row = 0; row < resolution; ++row) {
    auto* pixels = reinterpret_cast<QRgb*>(image.scanLine(row));
    for (int column = 0; column < resolution; ++column) {
      const Eigen::Index cell = static_cast<Eigen::Index>(row) * resolution + column;
      if (classes == 1) {
        const double value = signedValue(activation, out(cell, 0));
        pixels[column] = shadeOf(discretize ? (value > 0 ? 1.0 : -1.0) : value);
        continue;
      }
      Eigen::Index best = 0;
      const double p = out.row(cell).maxCoeff(&best);
      // Probability 1/classes is a toss-up (grey); 1 is certain (the class's own colour).
      const double chance = 1.0 / classes;
      const double strength = discretize ? 1.0 : (p - chance) / (1.0 - chance);
      pixels[column] = fade(classColour(static_cast<int>(best)), strength);
    }
  }
  return image;
}

}  // namespace nnlab
