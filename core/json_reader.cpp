#include "core/json_reader.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace nnlab::json {
namespace {

// "FILE:LINE:COLUMN" of byte `offset` (1-based; columns count UTF-8 characters).
std::string placeOf(std::string_view text, std::size_t offset, const std::string& file) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// nlohmann's parser recurses once per level, so absurd nesting could overflow the stack:
// anything past `maxDepth` is refused before parsing.
std::string depthProblem(std::string_view text, const std::string& file, int maxDepth) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) {
        return placeOf(text, i, file) + ": arrays and objects nested deeper than " +
               std::to_string(maxDepth) + " levels";
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return {};
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at …: " prefix.
std::string plainMessage(const std::string& what) {
  std::string message = what;
  if (message.starts_with("[json.exception.")) message.erase(0, message.find("] ") + 2);
  const std::size_t column = message.find(", column ");
  if (message.starts_with("parse error at line") && column != std::string::npos) {
    message.erase(0, message.find(": ", column) + 2);
  }
  return message;
}

}  // namespace

std::string quoted(std::string_view text) { return std::string("\"").append(text).append("\""); }

std::string brief(const Json& value) {
  if (value.is_structured()) return std::string("an ").append(value.type_name());
  std::string text = value.dump();
  constexpr std::size_t kLimit = 40;
  if (text.size() > kLimit) text = text.substr(0, kLimit).append("…");
  return text;
}

std::string counted(std::size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string parseOrExplain(std::string_view text, const std::string& file, int maxDepth,
                           Json& out) {
  if (std::string problem = depthProblem(text, file, maxDepth); !problem.empty()) return problem;
  try {
    out = Json::parse(text.begin(), text.end());
    return {};
  } catch (const Json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return placeOf(text, offset, file) + ": invalid JSON: " + plainMessage(e.what());
  } catch (const Json::exception& e) {
    return file + ": invalid JSON: " + plainMessage(e.what());
  }
}

std::string readWholeFile(const std::string& path, bool& ok) {
  ok = false;
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return path + ": cannot read: it is a directory";
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return path + ": cannot open: " + std::error_code(errno, std::generic_category()).message();
  }
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) return path + ": cannot read the file";
  ok = true;
  return content.str();
}

}  // namespace nnlab::json
