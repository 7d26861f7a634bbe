#pragma once

#include <QWidget>

#include "core/data_generators.h"

class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace nnlab {

/// Draws a synthetic data set (circle, spiral, … sine) into the data table: kind, number of
/// samples, noise, the share of test rows and the seed, then Generate. "Split" marks that share
/// of the current rows, whatever their origin, as test rows. Folds away under its title.
class GeneratePanel : public QWidget {
  Q_OBJECT

 public:
  explicit GeneratePanel(QWidget* parent = nullptr);

  /// Shows the settings a generated preset was drawn with, and unfolds.
  void showGenerator(Generator generator, const GeneratorSettings& settings);
  /// Folds the form away (or out).
  void setExpanded(bool expanded);
  bool isExpanded() const;

  Generator generator() const;
  GeneratorSettings settings() const;

  QComboBox* kindBox() const { return m_kind; }
  QSpinBox* samplesBox() const { return m_samples; }
  QDoubleSpinBox* noiseBox() const { return m_noise; }
  QSpinBox* testBox() const { return m_test; }
  QSpinBox* seedBox() const { return m_seed; }
  QPushButton* generateButton() const { return m_generate; }
  QPushButton* splitButton() const { return m_split; }

 signals:
  void generateRequested(nnlab::Generator generator, const nnlab::GeneratorSettings& settings);
  /// Mark `percent` of the rows, drawn from `seed`, as test rows (0: none).
  void splitRequested(double percent, quint64 seed);
  /// A typed number beyond a box's limits, for the status bar.
  void statusMessage(const QString& message);

 private:
  /// Ranges, reasons, tooltips and first values of rows, noise, test share and seed.
  void setUpNumberBoxes();

  QToolButton* m_title;
  QWidget* m_form;
  QComboBox* m_kind;
  QSpinBox* m_samples;
  QDoubleSpinBox* m_noise;
  QSpinBox* m_test;
  QSpinBox* m_seed;
  QPushButton* m_generate;
  QPushButton* m_split;
};

}  // namespace nnlab
