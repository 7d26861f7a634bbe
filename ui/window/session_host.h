#pragma once

#include <QString>

namespace nnlab {

struct Preset;
struct Session;

/// The side of the window a session file is taken from and given back to. SessionController
/// (open, save, autosave, recovery) and the language menu's restart know the window only
/// through it and a plain QMainWindow (for dialogs, the title and the status bar); MainWindow is
/// the one implementation, and a test can write another.
class SessionHost {
 public:
  /// What a session file keeps. Throws std::future_error when the runner has stopped, and
  /// TrainingRefused (or another std::exception) when the data cannot be trained on.
  virtual Session captureSession() const = 0;
  /// Shows `session` as it was saved, paused.
  virtual void applySession(const Session& session) = 0;
  /// Puts a model file's weights on the current data; false with `error` when the file cannot
  /// be read or its shape does not fit the data. Nothing changes then.
  virtual bool loadModelFile(const QString& path, QString* error) = 0;
  /// Replaces the experiment (data, architecture, settings) with `preset`.
  virtual void loadPreset(const Preset& preset) = 0;

 protected:
  ~SessionHost() = default;
};

}  // namespace nnlab
