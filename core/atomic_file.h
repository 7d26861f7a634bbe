#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnlab {

/// Replaces the file at `path` with `content` so that readers see either the old file or the
/// whole new one, never a mix or a truncated file: the content goes to a temporary file in the
/// same directory, is flushed to disk, and is then renamed over `path`. On any failure the
/// temporary file is removed, `path` is left as it was, and std::runtime_error is thrown with a
/// message naming the path and the reason. A new file gets mode 0666 minus the umask; a
/// replaced file keeps its mode. A symbolic link at `path` is replaced, not followed.
void writeFileAtomically(const std::string& path, std::string_view content);

/// Several files: every content is written and flushed to its temporary file first, and only
/// then are they renamed into place, so that a failure to write any of them (a full disk, a
/// missing directory) leaves every one of the old files as it was. Each rename is atomic, the
/// set is not: should a rename fail after another succeeded (rare: the temporary files sit in
/// the targets' folders), the files renamed stay new. Throws like writeFileAtomically.
void writeFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files);

/// Fails early, before long work whose result would go to `path`, when writeFileAtomically
/// could not write it: its directory is missing or not writable, or `path` is a directory.
/// Leaves nothing behind; throws std::runtime_error like writeFileAtomically.
void checkWritable(const std::string& path);

}  // namespace nnlab
