#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <system_error>

#ifdef _WIN32
#include <fstream>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace nnlab {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw std::runtime_error("cannot write " + path + ": " + what + ": " +
                           std::error_code(error, std::generic_category()).message());
}

std::string parentDirectory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

#ifndef _WIN32

/// Owns the temporary file until it has been renamed into place.
class TempFile {
 public:
  explicit TempFile(const std::string& path) : m_target(path) {
    const std::string name = std::filesystem::path(path).filename().string();
    m_path = parentDirectory(path) + "/." + name + ".tmp-XXXXXX";
    m_fd = mkstemp(m_path.data());
    if (m_fd < 0) fail(path, "cannot create a temporary file next to it", errno);
  }
  ~TempFile() {
    if (m_fd >= 0) close(m_fd);
    if (!m_renamed) unlink(m_path.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(std::string_view content) {
    while (!content.empty()) {
      const ssize_t written = ::write(m_fd, content.data(), content.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) fail(m_target, "writing failed", errno);
      content.remove_prefix(static_cast<std::size_t>(written));
    }
  }

  void setMode(mode_t mode) {
    if (fchmod(m_fd, mode) != 0) fail(m_target, "cannot set permissions", errno);
  }

  /// Flushes to disk and closes.
  void flush() {
    if (fsync(m_fd) != 0) fail(m_target, "flushing to disk failed", errno);
    const int fd = m_fd;
    m_fd = -1;
    if (close(fd) != 0) fail(m_target, "closing failed", errno);
  }

  /// Renames over the target (after flush()).
  void commit() {
    if (std::rename(m_path.c_str(), m_target.c_str()) != 0) {
      fail(m_target, "cannot replace it", errno);
    }
    m_renamed = true;
  }

 private:
  std::string m_target;
  std::string m_path;
  int m_fd = -1;
  bool m_renamed = false;
};

// The mode a plain open(O_CREAT, 0666) would give: 0666 minus the umask. Linux reports the umask
// in /proc; elsewhere assume the common 022 (umask() itself cannot be read without setting it).
mode_t newFileMode() {
  mode_t mask = 022;
  if (FILE* status = std::fopen("/proc/self/status", "r")) {
    char line[256];
    unsigned value = 0;
    while (std::fgets(line, sizeof line, status)) {
      if (std::sscanf(line, "Umask: %o", &value) == 1) mask = static_cast<mode_t>(value);
    }
    std::fclose(status);
  }
  return 0666 & ~mask;
}

void syncDirectory(const std::string& directory) {
  // Makes the rename itself durable; best effort, as some file systems refuse it.
  const int fd = open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

#endif

}  // namespace

#ifndef _WIN32
namespace {

void refuseDirectory(const std::string& path) {
  if (path.empty()) throw std::runtime_error("cannot write a file with an empty name");
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode))
    throw std::runtime_error("cannot write " + path + ": it is a directory");
}

/// The mode the replacement of `path` gets: an existing file's own, else a new file's.
mode_t modeFor(const std::string& path) {
  struct stat existing {};
  const bool exists = lstat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
  return exists ? existing.st_mode & 07777 : newFileMode();
}

}  // namespace
#endif

void writeFileAtomically(const std::string& path, std::string_view content) {
  writeFilesAtomically({{path, std::string(content)}});
}

void writeFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files) {
#ifdef _WIN32
  for (const auto& [path, content] : files) {
    if (path.empty()) throw std::runtime_error("cannot write a file with an empty name");
    std::error_code error;
    const std::string temp = path + ".tmp";
    {
      std::ofstream file(temp, std::ios::binary | std::ios::trunc);
      file.write(content.data(), static_cast<std::streamsize>(content.size()));
      file.close();
      if (!file) {
        std::filesystem::remove(temp, error);
        fail(path, "writing the temporary file failed", EIO);
      }
    }
    std::filesystem::rename(temp, path, error);
    if (error) {
      std::filesystem::remove(temp, error);
      fail(path, "cannot replace it", EIO);
    }
  }
#else
  for (const auto& file : files) refuseDirectory(file.first);
  std::vector<std::unique_ptr<TempFile>> temps;
  for (const auto& [path, content] : files) {
    temps.push_back(std::make_unique<TempFile>(path));
    temps.back()->write(content);
    temps.back()->setMode(modeFor(path));
    temps.back()->flush();
  }
  // Every content is on disk: only renames, which do not run out of space, are left.
  for (auto& temp : temps) temp->commit();
  for (const auto& file : files) syncDirectory(parentDirectory(file.first));
#endif
}

void checkWritable(const std::string& path) {
#ifdef _WIN32
  if (path.empty()) throw std::runtime_error("cannot write a file with an empty name");
#else
  refuseDirectory(path);
  TempFile probe(path);  // removed again when it goes out of scope
#endif
}

}  // namespace nnlab
