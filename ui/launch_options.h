#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "presets.h"

namespace nnlab {

/// What `nnlab [--preset NAME | FILE.csv] [--train-for S] [--screenshot F] [--report F] [--quit]`
/// asks for.
struct LaunchOptions {
  QString preset;   ///< empty: the seed experiment (or the CSV file)
  QString csvPath;  ///< data to open instead of a preset's
  double trainForSeconds = 0.0;
  QString screenshotPath;
  QString reportPath;
  bool quit = false;
  QString error;  ///< non-empty when the command line is unusable

  /// Parses QApplication::arguments() (program name first).
  static LaunchOptions parse(const QStringList& arguments);
  /// True when the run is driven by the command line (train, screenshot, report or quit).
  bool scripted() const;
  /// The experiment to open: the preset, or the seed's network fitted to the CSV file's
  /// columns. nullopt with `error` set when the preset is unknown or the file unusable.
  std::optional<Preset> experiment(QString* error) const;
};

}  // namespace nnlab
