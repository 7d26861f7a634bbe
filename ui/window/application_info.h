#pragma once

#include <QIcon>
#include <QString>
#include <vector>

#include "core/build_info.h"

namespace nnlab {

// Who nnlab is, for the desktop and for --version and Help ▸ About.

/// The id shared by the desktop entry, the icon and the AppStream metainfo (resources/).
inline constexpr char kDesktopId[] = "io.github.nnlab.nnlab";

/// The window icon, in every size drawn for it.
QIcon applicationIcon();
/// The libraries in the window: the core's and Qt's.
std::vector<Component> guiComponents();
/// What `nnlab --version` prints (see versionReport).
QString versionText();
/// Help ▸ About's text (rich text): what nnlab is, its version, revision and kernels, and the
/// libraries it uses with their licences.
QString aboutText();

}  // namespace nnlab
