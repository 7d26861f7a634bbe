#pragma once

// Reading JSON files with messages that name the file, the place and what is wrong: shared by
// the model file and the session file. Internal to the core library (it exposes nlohmann).
// Each reader names its own exception type E, constructible from the message.

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nnlab::json {

using Json = nlohmann::json;

/// "\"text\"".
std::string quoted(std::string_view text);
/// A value as shown in a message: short scalars verbatim, anything else by its type.
std::string brief(const Json& value);
/// "1 unit", "3 units".
std::string counted(std::size_t count, std::string_view noun);

/// Why `text` cannot be parsed safely or at all ("FILE:LINE:COLUMN: invalid JSON: …", or
/// nesting deeper than `maxDepth`, which nlohmann's recursive parser could not survive), or
/// empty, with the parsed value in `out`.
std::string parseOrExplain(std::string_view text, const std::string& file, int maxDepth, Json& out);
/// The whole file, or why it cannot be read ("FILE: cannot open: …"), with `ok` false.
std::string readWholeFile(const std::string& path, bool& ok);

template <class E>
Json parse(std::string_view text, const std::string& file, int maxDepth) {
  Json value;
  const std::string problem = parseOrExplain(text, file, maxDepth, value);
  if (!problem.empty()) throw E(problem);
  return value;
}

template <class E>
std::string readFile(const std::string& path) {
  bool ok = false;
  std::string content = readWholeFile(path, ok);
  if (!ok) throw E(content);
  return content;
}

/// Reads the members of one JSON value, naming the file and the value (`where`) in every error.
template <class E>
class Reader {
 public:
  Reader(std::string file, std::string where)
      : m_file(std::move(file)), m_where(std::move(where)) {}

  /// The same file, one level down: "layer 2", "data".
  Reader inside(const std::string& where) const {
    return Reader(m_file, m_where.empty() ? where : m_where + ": " + where);
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw E(m_file + ": " + (m_where.empty() ? reason : m_where + ": " + reason));
  }

  void object(const Json& value) const {
    if (!value.is_object()) fail(std::string("must be an object (got ") + value.type_name() + ")");
  }

  /// A misspelt key ("bais") must not load as a silently missing one.
  void onlyKeys(const Json& object, std::initializer_list<std::string_view> known) const {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
      std::string list;
      for (std::string_view key : known) list.append(list.empty() ? "" : ", ").append(key);
      fail("unknown key " + json::quoted(it.key()) + " (known: " + list + ")");
    }
  }

  const Json& member(const Json& object, const char* key) const {
    const auto found = object.find(key);
    if (found == object.end()) fail("missing " + quoted(key));
    return *found;
  }

  /// A whole number in [minimum, maximum].
  long long integer(const Json& value, const std::string& name, long long minimum,
                    long long maximum) const {
    if (!value.is_number_integer())
      fail(name + " must be a whole number (got " + brief(value) + ")");
    if (value.is_number_unsigned() &&
        value.get<unsigned long long>() > 9'000'000'000'000'000'000ULL)
      fail(name + " is too large (got " + brief(value) + ")");
    const auto number = value.get<long long>();
    if (number < minimum || number > maximum) {
      fail(name + " must be between " + std::to_string(minimum) + " and " +
           std::to_string(maximum) + " (got " + std::to_string(number) + ")");
    }
    return number;
  }

  /// Member `key` as a count in [minimum, 2^24].
  int count(const Json& object, const char* key, int minimum) const {
    return static_cast<int>(integer(member(object, key), quoted(key), minimum, 1 << 24));
  }

  /// `value` as an array of `size` elements; else fails with "NAME has 3 NOUNs but WHY".
  const Json& array(const Json& value, const std::string& name, std::size_t size,
                    std::string_view noun, const std::string& why) const {
    if (!value.is_array()) fail(name + " must be an array (got " + value.type_name() + ")");
    if (value.size() != size) fail(name + " has " + counted(value.size(), noun) + " but " + why);
    return value;
  }

  double number(const Json& value, const std::string& name) const {
    if (!value.is_number()) fail(name + " is not a number (got " + brief(value) + ")");
    const auto result = value.get<double>();
    if (!std::isfinite(result)) fail(name + " is not a finite number");
    return result;
  }

  bool boolean(const Json& value, const std::string& name) const {
    if (!value.is_boolean()) fail(name + " must be true or false (got " + brief(value) + ")");
    return value.get<bool>();
  }

  std::string string(const Json& value, const std::string& name) const {
    if (!value.is_string()) fail(name + " must be a string (got " + brief(value) + ")");
    return value.get<std::string>();
  }

 private:
  std::string m_file;
  std::string m_where;
};

}  // namespace nnlab::json
