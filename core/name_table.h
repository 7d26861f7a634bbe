#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nnlab {

/// One enum value with the name files and the command line use ("sigmoid") and, where it
/// differs, the label people read ("SSE"; empty: the name).
template <typename E>
struct NameEntry {
  E value;
  std::string_view name;
  std::string_view label = {};
};

/// The names of an enum's values, written once per enum as a constexpr table; every conversion
/// between values and names goes through it, so they cannot drift apart:
///   constexpr NameTable<Loss, 4> kLosses{{{{Loss::Sse, "sse", "SSE"}, …}}};
template <typename E, std::size_t N>
struct NameTable {
  std::array<NameEntry<E>, N> entries;

  /// The value's name, or "?" for a value the table does not hold.
  constexpr std::string_view name(E value) const {
    for (const auto& entry : entries) {
      if (entry.value == value) return entry.name;
    }
    return "?";
  }
  /// The value's label (its name when the table gives none), or "?".
  constexpr std::string_view label(E value) const {
    for (const auto& entry : entries) {
      if (entry.value == value) return entry.label.empty() ? entry.name : entry.label;
    }
    return "?";
  }
  /// The value named `name` (exactly, case included); nullopt for any other text.
  constexpr std::optional<E> parse(std::string_view name) const {
    for (const auto& entry : entries) {
      if (entry.name == name) return entry.value;
    }
    return std::nullopt;
  }
  /// Every name, comma-separated, for error messages and help texts.
  std::string names() const {
    std::string text;
    for (const auto& entry : entries) {
      if (!text.empty()) text += ", ";
      text += entry.name;
    }
    return text;
  }
};

}  // namespace nnlab
