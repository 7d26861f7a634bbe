#include "ui/window/preset_text.h"

#include <QCoreApplication>
#include <map>

namespace nnlab {

namespace {

QString text(const char* source) { return QCoreApplication::translate("Presets", source); }

}  // namespace

QString presetDescription(const Preset& preset) {
  // QT_TRANSLATE_NOOP lets lupdate find the texts; text() translates them when asked.
  static const std::map<std::string, const char*> descriptions = {
      {"seed", QT_TRANSLATE_NOOP("Presets",
                                 "The article's experiment: 3 inputs, 4 sigmoid hidden neurons, "
                                 "1 output, no bias, SSE, learning rate 1. Train and watch the "
                                 "loss fall over 1500 iterations; try learning rate 10 or 0.1.")},
      {"circle", QT_TRANSLATE_NOOP("Presets",
                                   "A disc inside a ring (2-8-1). Watch the output map curve "
                                   "round the disc; try 2 hidden units, or the step activation.")},
      {"xor2d", QT_TRANSLATE_NOOP("Presets",
                                  "The four quadrants of XOR (2-8-1). No straight line splits "
                                  "them; remove the hidden layer and see it fail.")},
      {"gauss", QT_TRANSLATE_NOOP("Presets",
                                  "Two Gaussian clouds (2-4-1): almost a straight line suffices. "
                                  "Raise the noise until they overlap and watch the accuracy.")},
      {"spiral", QT_TRANSLATE_NOOP("Presets",
                                   "Two interleaved spirals (2-16-16-1), the hardest: it needs "
                                   "two hidden layers and 2000 iterations. Try one layer.")},
      {"moons", QT_TRANSLATE_NOOP("Presets",
                                  "Two interleaving half moons (2-8-1). Split 30 % off as test "
                                  "rows and watch the test loss for overfitting.")},
      {"sine", QT_TRANSLATE_NOOP("Presets",
                                 "Regression of sin(πx) (1-16-1, linear output, MSE). Compare "
                                 "prediction and actual in the table; try 3 hidden units.")},
      {"plane", QT_TRANSLATE_NOOP("Presets",
                                  "Regression of a plane with one linear neuron (2-1): its "
                                  "weights become the plane's slopes, its bias its height.")},
      {"blobs3", QT_TRANSLATE_NOOP("Presets",
                                   "Three clouds, three classes (2-8-3, softmax, CE). Each "
                                   "output neuron learns one class; click the map to add points.")},
      {"mp-and", QT_TRANSLATE_NOOP("Presets",
                                   "AND with one M-P neuron (a step unit, its bias the threshold) "
                                   "taught by the perceptron rule. Step and watch the line move.")},
      {"mp-or", QT_TRANSLATE_NOOP("Presets",
                                  "OR with one M-P neuron and the perceptron rule: it converges "
                                  "in a few iterations. Compare its weights with AND's.")},
      {"mp-nand", QT_TRANSLATE_NOOP("Presets",
                                    "NAND with one M-P neuron and the perceptron rule: the "
                                    "weights turn negative, the threshold below zero.")},
      {"mp-xor", QT_TRANSLATE_NOOP("Presets",
                                   "XOR with one M-P neuron: it never converges, since no "
                                   "straight line separates XOR. Then try xor-2-2-1.")},
      {"xor-2-2-1", QT_TRANSLATE_NOOP("Presets",
                                      "XOR with the smallest network that learns it (2-2-1 with "
                                      "biases). Try other seeds: some stall at 50 % or 75 %.")},
  };
  const auto found = descriptions.find(preset.name);
  if (found == descriptions.end()) return QString::fromStdString(preset.description);
  return text(found->second);
}

}  // namespace nnlab
