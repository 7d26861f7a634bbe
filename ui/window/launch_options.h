#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/presets.h"

namespace nnlab {

/// What `nnlab [--preset NAME | FILE] [--layers I,H,…,O] [--activation A] [--stop-at N|never]
/// [--train-for S]
/// [--screenshot F] [--report F] [--save F.nnlab] [--quit]` asks for.
struct LaunchOptions {
  QString preset;  ///< empty: the seed experiment (or the CSV file)
  /// A file to open: a session, a model or CSV data (see kindOf); empty for none.
  QString filePath;
  /// Inputs, hidden units…, outputs (as nnlab-cli's --layers); empty: the preset's shape.
  std::vector<int> layers;
  QString activation;  ///< hidden layers' activation; empty: the preset's
  double trainForSeconds = 0.0;
  /// --stop-at N|never: the epoch the window stops training at (0: never); nullopt: the
  /// preset's (the seed's 1500) or, for a session, the session's own.
  std::optional<long long> stopAt;
  /// --at-epoch K: show epoch K of the run (after --train-for, or of an opened session) in the
  /// screenshot, and write it as "shown" in the report.
  std::optional<long long> atEpoch;
  QString screenshotPath;
  QString savePath;  ///< --save: a session file written after --train-for
  QSize windowSize;  ///< --size WxH: the window's size (invalid: as last time)
  /// --autosave-seconds: how often a modified session is autosaved (tests shorten it).
  double autosaveSeconds = 30.0;
  QString reportPath;
  bool explain = false;  ///< --explain: open the Backprop view on the next update
  int explainStep = -1;  ///< --explain-step N (from 1); −1: the first backward step
  bool quit = false;
  /// --lesson N|FILE: a shipped lesson (from 1, in the Lessons panel's order) or a lesson file.
  QString lesson;
  bool lessonShowMe = false;  ///< --show-me: play the lesson's Show me
  QString
      language;  ///< --lang en|zh_CN: the window's language; empty: as chosen in View ▸ Language
  /// --resume FILE (hidden; View ▸ Language's restart): a session to bring back and delete, as
  /// the file --resume-as (empty: untitled), modified with --resume-modified.
  QString resumePath;
  QString resumeAs;
  bool resumeModified = false;
  bool help = false;     ///< --help / -h: print `usage` and exit
  bool version = false;  ///< --version: print `usage` (see versionText()) and exit
  QString usage;         ///< what --help or --version prints
  QString error;         ///< non-empty when the command line is unusable

  enum class FileKind { Session, Model, Csv };
  /// By the file's suffix: .nnlab a session, .json or .onnx a model, anything else CSV data.
  static FileKind kindOf(const QString& path);
  /// The seed's network fitted to a CSV file's columns with settings that learn on arbitrary
  /// data; nullopt with `error` set when the file cannot be read.
  static std::optional<Preset> csvExperiment(const QString& path, QString* error);
  /// The presets' names, "seed, xor, …", for help and error texts.
  static QString knownPresets();

  /// Parses QApplication::arguments() (program name first). Never exits: --help and --version
  /// set `help`/`version` and `usage`, and the caller prints it.
  static LaunchOptions parse(const QStringList& arguments);
  /// True when the run is driven by the command line (train, screenshot, report or quit).
  bool scripted() const;
  /// The experiment to open: the preset, or the seed's network fitted to the CSV file's
  /// columns, reshaped by --layers and --activation (a session or model file is opened by the
  /// window afterwards, over the seed). nullopt with `error` set when the preset
  /// is unknown, the file unusable or the layers do not fit the data.
  std::optional<Preset> experiment(QString* error) const;
};

}  // namespace nnlab
