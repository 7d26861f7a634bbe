#pragma once

#include <string>
#include <string_view>

namespace nnlab {

/// Replaces the file at `path` with `content` so that readers see either the old file or the
/// whole new one, never a mix or a truncated file: the content goes to a temporary file in the
/// same directory, is flushed to disk, and is then renamed over `path`. On any failure the
/// temporary file is removed, `path` is left as it was, and std::runtime_error is thrown with a
/// message naming the path and the reason. A new file gets mode 0666 minus the umask; a
/// replaced file keeps its mode. A symbolic link at `path` is replaced, not followed.
void writeFileAtomically(const std::string& path, std::string_view content);

}  // namespace nnlab
