#include "core/name_table.h"

#include <gtest/gtest.h>

namespace nnlab {
namespace {

enum class Colour { Red, Green, Blue };

constexpr NameTable<Colour, 2> kColours{{{
    {Colour::Red, "red", "Red (R)"},
    {Colour::Green, "green"},
}}};

TEST(NameTableTest, ConvertsBothWays) {
  static_assert(kColours.name(Colour::Green) == "green");
  EXPECT_EQ(kColours.name(Colour::Red), "red");
  EXPECT_EQ(kColours.parse("green"), Colour::Green);
  EXPECT_EQ(kColours.parse("Green"), std::nullopt);
  EXPECT_EQ(kColours.parse(""), std::nullopt);
}

TEST(NameTableTest, LabelsFallBackToTheName) {
  EXPECT_EQ(kColours.label(Colour::Red), "Red (R)");
  EXPECT_EQ(kColours.label(Colour::Green), "green");
}

TEST(NameTableTest, UnknownValuesAreAQuestionMark) {
  EXPECT_EQ(kColours.name(Colour::Blue), "?");
  EXPECT_EQ(kColours.label(Colour::Blue), "?");
}

TEST(NameTableTest, NamesAreListedInOrder) { EXPECT_EQ(kColours.names(), "red, green"); }

}  // namespace
}  // namespace nnlab
