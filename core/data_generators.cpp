#include "core/data_generators.h"

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "core/name_table.h"
#include "core/random.h"

namespace nnlab {
namespace {

constexpr double kPi = std::numbers::pi;

constexpr NameTable<Generator, 8> kGenerators{{{
    {Generator::Circle, "circle"},
    {Generator::Xor2d, "xor2d"},
    {Generator::Gauss, "gauss"},
    {Generator::Spiral, "spiral"},
    {Generator::Moons, "moons"},
    {Generator::Sine, "sine"},
    {Generator::Plane, "plane"},
    {Generator::Blobs3, "blobs3"},
}}};

/// Draws what the generators need from one Random.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : m_random(seed) {}
  double uniform(double low, double high) { return low + (high - low) * m_random.uniform01(); }
  /// Standard normal by Box–Muller (1 − u keeps the logarithm's argument in (0, 1]).
  double normal() {
    const double u = 1.0 - m_random.uniform01();
    const double v = m_random.uniform01();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * kPi * v);
  }

 private:
  Random m_random;
};

// One labelled 2-D point of a classification set, before noise.
struct Point {
  double x1;
  double x2;
  int label;
};

Point circlePoint(Draw& draw, int i) {
  const bool inside = i % 2 == 0;
  const double r = inside ? draw.uniform(0.0, 0.5) : draw.uniform(0.7, 1.0);
  const double angle = draw.uniform(0.0, 2.0 * kPi);
  return {r * std::cos(angle), r * std::sin(angle), inside ? 1 : 0};
}

Point xorPoint(Draw& draw, int) {
  // Kept 0.1 away from the axes so that the classes do not touch before noise.
  auto coordinate = [&draw] {
    const double magnitude = draw.uniform(0.1, 1.0);
    return draw.uniform(0.0, 1.0) < 0.5 ? -magnitude : magnitude;
  };
  const double x1 = coordinate();
  const double x2 = coordinate();
  return {x1, x2, (x1 > 0) != (x2 > 0) ? 1 : 0};
}

Point gaussPoint(Draw& draw, int i) {
  const int label = i % 2;
  const double centre = label == 1 ? 0.5 : -0.5;
  return {centre + 0.2 * draw.normal(), centre + 0.2 * draw.normal(), label};
}

Point spiralPoint(Draw&, int i, int samples) {
  const int label = i % 2;
  const double t = static_cast<double>(i / 2) / std::max(1, samples / 2);  // 0 … 1 along the arm
  const double angle = 1.75 * 2.0 * kPi * t + (label == 1 ? kPi : 0.0);
  return {t * std::sin(angle), t * std::cos(angle), label};
}

Point moonPoint(Draw& draw, int i) {
  const int label = i % 2;
  const double angle = draw.uniform(0.0, kPi);
  // make_moons: the upper moon (cos θ, sin θ), the lower (1 − cos θ, 0.5 − sin θ); centred and
  // scaled into about [−1, 1]².
  const double x1 = label == 0 ? std::cos(angle) : 1.0 - std::cos(angle);
  const double x2 = label == 0 ? std::sin(angle) : 0.5 - std::sin(angle);
  return {(x1 - 0.5) / 1.5, (x2 - 0.25) / 1.5, label};
}

Point blobPoint(Draw& draw, int i) {
  const int label = i % 3;
  const double angle = kPi / 2.0 + label * 2.0 * kPi / 3.0;
  return {0.6 * std::cos(angle) + 0.15 * draw.normal(),
          0.6 * std::sin(angle) + 0.15 * draw.normal(), label};
}

Dataset classification(Generator generator, const GeneratorSettings& s, Draw& draw) {
  const int classes = generator == Generator::Blobs3 ? 3 : 2;
  Matrix inputs(s.samples, 2);
  Matrix targets = Matrix::Zero(s.samples, classes == 3 ? 3 : 1);
  for (int i = 0; i < s.samples; ++i) {
    Point p{};
    switch (generator) {
      case Generator::Circle:
        p = circlePoint(draw, i);
        break;
      case Generator::Xor2d:
        p = xorPoint(draw, i);
        break;
      case Generator::Gauss:
        p = gaussPoint(draw, i);
        break;
      case Generator::Spiral:
        p = spiralPoint(draw, i, s.samples);
        break;
      case Generator::Moons:
        p = moonPoint(draw, i);
        break;
      case Generator::Blobs3:
        p = blobPoint(draw, i);
        break;
      case Generator::Sine:
      case Generator::Plane:
        break;
    }
    inputs(i, 0) = p.x1 + s.noise * draw.normal();
    inputs(i, 1) = p.x2 + s.noise * draw.normal();
    if (classes == 3) {
      targets(i, p.label) = 1.0;
    } else {
      targets(i, 0) = p.label;
    }
  }
  return Dataset::fromMatrices(std::move(inputs), std::move(targets));
}

Dataset regression(Generator generator, const GeneratorSettings& s, Draw& draw) {
  const int columns = generator == Generator::Sine ? 1 : 2;
  Matrix inputs(s.samples, columns);
  Matrix targets(s.samples, 1);
  for (int i = 0; i < s.samples; ++i) {
    for (int c = 0; c < columns; ++c) inputs(i, c) = draw.uniform(-1.0, 1.0);
    const double clean = generator == Generator::Sine
                             ? std::sin(kPi * inputs(i, 0))
                             : 0.5 * inputs(i, 0) - 0.3 * inputs(i, 1) + 0.2;
    targets(i, 0) = clean + s.noise * draw.normal();
  }
  return Dataset::fromMatrices(std::move(inputs), std::move(targets));
}

}  // namespace

std::string_view generatorName(Generator generator) { return kGenerators.name(generator); }

std::optional<Generator> parseGenerator(std::string_view name) { return kGenerators.parse(name); }

std::vector<Generator> allGenerators() {
  std::vector<Generator> result;
  for (const auto& entry : kGenerators.entries) result.push_back(entry.value);
  return result;
}

Dataset generateData(Generator generator, const GeneratorSettings& settings) {
  if (settings.samples < 4) throw std::invalid_argument("generated data needs at least 4 samples");
  if (!(settings.noise >= 0.0) || !std::isfinite(settings.noise)) {
    throw std::invalid_argument("the noise must be a finite number ≥ 0");
  }
  if (!(settings.testPercent >= 0.0 && settings.testPercent < 100.0)) {
    throw std::invalid_argument("the test share must be in [0, 100) percent");
  }
  Draw draw(settings.seed);
  const bool regressionSet = generator == Generator::Sine || generator == Generator::Plane;
  Dataset data = regressionSet ? regression(generator, settings, draw)
                               : classification(generator, settings, draw);
  // A seed of its own for the split, so that changing the test share does not move the points.
  splitTestRows(data, settings.testPercent, settings.seed ^ 0x5EED5EED5EEDULL);
  return data;
}

}  // namespace nnlab
