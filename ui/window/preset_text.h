#pragma once

#include <QString>

#include "core/presets.h"

namespace nnlab {

/// What a preset shows and what to try with it, in the window's language (the Presets menu's
/// tooltips and the status bar when it loads). Data that is not a preset (a CSV file) keeps the
/// description core gave it.
QString presetDescription(const Preset& preset);

}  // namespace nnlab
