#include "core/csv_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>

#include "core/random.h"

namespace nnlab {
namespace {

std::string errorOf(std::string_view text, int targets = 1) {
  try {
    parseCsv(text, "f.csv", targets);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CsvReader, ReadsHeaderInputsAndTargets) {
  const Dataset data = parseCsv("a,b,c\n1,2,3\n4,5,6\n", "f.csv", 1);
  ASSERT_EQ(data.rows(), 2);
  EXPECT_EQ(data.inputNames, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(data.targetNames, (std::vector<std::string>{"c"}));
  EXPECT_EQ(data.inputs(1, 0), 4.0);
  EXPECT_EQ(data.inputs(1, 1), 5.0);
  EXPECT_EQ(data.targets(0, 0), 3.0);
}

TEST(CsvReader, AcceptsBomCrlfQuotedHeadersSpacesAndTrailingBlankLines) {
  const std::string text =
      "\xEF\xBB\xBF\"x, one\" , \"say \"\"hi\"\"\",y\r\n 1.5 , -2e-3 ,+1\r\n0,-0,7\r\n\r\n  \n\n";
  const Dataset data = parseCsv(text, "f.csv", 1);
  ASSERT_EQ(data.rows(), 2);
  EXPECT_EQ(data.inputNames, (std::vector<std::string>{"x, one", "say \"hi\""}));
  EXPECT_EQ(data.targetNames, (std::vector<std::string>{"y"}));
  EXPECT_EQ(data.inputs(0, 0), 1.5);
  EXPECT_EQ(data.inputs(0, 1), -2e-3);
  EXPECT_EQ(data.targets(0, 0), 1.0);
  EXPECT_TRUE(std::signbit(data.inputs(1, 1)));
}

TEST(CsvReader, ReadsClassicMacLineEndsAndTinyNumbersAsZero) {
  const Dataset data = parseCsv("a,y\r1e-400,1\r-1e-999,0\r0.5,1\r", "f.csv", 1);
  ASSERT_EQ(data.rows(), 3);
  EXPECT_EQ(data.inputs(0, 0), 0.0);
  EXPECT_EQ(data.inputs(1, 0), 0.0);
  EXPECT_TRUE(std::signbit(data.inputs(1, 0)));
  EXPECT_EQ(data.inputs(2, 0), 0.5);
  EXPECT_EQ(parseCsv("a,y\n4.9e-324,1\n", "f.csv", 1).inputs(0, 0), 4.9e-324);  // subnormal
}

TEST(CsvReader, SplitsSeveralTargetColumns) {
  const Dataset data = parseCsv("a,b,c\n1,2,3\n", "f.csv", 2);
  EXPECT_EQ(data.inputColumns(), 1);
  EXPECT_EQ(data.targetColumns(), 2);
  EXPECT_EQ(data.targetNames, (std::vector<std::string>{"b", "c"}));
}

struct CsvCase {
  const char* text;
  int targets;
  const char* message;
};

TEST(CsvReaderErrors, GiveFileLineColumnAndReason) {
  const CsvCase cases[] = {
      {"a,b\n1,x\n", 1, "f.csv:2:3: not a number: 'x'"},
      {"a,b\n1,2\n3, 4x\n", 1, "f.csv:3:4: not a number: '4x'"},
      {"a,b\n1,nan\n", 1, "f.csv:2:3: not a finite number: 'nan'"},
      {"a,b\n-inf,1\n", 1, "f.csv:2:1: not a finite number: '-inf'"},
      {"a,b\n1e999,1\n", 1, "f.csv:2:1: number out of the range of a double: '1e999'"},
      {"a,b\n1e-400abc,1\n", 1, "f.csv:2:1: not a number: '1e-400abc'"},  // tiny, then junk
      {"a,b\n1,1e999x\n", 1, "f.csv:2:3: not a number: '1e999x'"},
      {"a,b,c\n1,2\n", 1, "f.csv:2:4: row has 2 cells but the header has 3 columns"},
      {"a,b\n1,2,3\n", 1, "f.csv:2:5: row has 3 cells but the header has 2 columns"},
      {"a,b\n1, \n", 1, "f.csv:2:4: empty cell (expected a number)"},
      {"a,b\n\"1\",é\n", 1, "f.csv:2:5: not a number: 'é'"},
      {"a,b\n", 1, "f.csv:2:1: no data rows after the header"},
      {"", 1, "f.csv:1:1: the file is empty (expected a header row of column names)"},
      {"\r\n \n\n", 1, "f.csv:1:1: the file is empty"},
      {"a,b\n1,2\n\n3,4\n", 1, "f.csv:3:1: blank line inside the data (allowed only at the end)"},
      {"a,,b\n1,2,3\n", 1, "f.csv:1:3: column 2 has no name"},
      {"\"a,b\n1,2\n", 1, "f.csv:1:1: quoted cell has no closing quote"},
      {"\"a\"x,b\n1,2\n", 1, "f.csv:1:4: unexpected text after a closing quote"},
      {"a,b\n1,2\n", 2,
       "f.csv:1:1: the header has 2 columns, so 2 target column(s) would leave no input column"},
      {"a,b\n1,2\n", 0, "f.csv:1:1: the number of target columns must be at least 1 (got 0)"},
  };
  for (const CsvCase& c : cases) {
    EXPECT_EQ(errorOf(c.text, c.targets).substr(0, std::strlen(c.message)), c.message)
        << "for " << c.text;
  }
}

TEST(CsvReaderErrors, RejectBinaryData) {
  using namespace std::string_literals;
  EXPECT_EQ(errorOf("a,b\n1,\x00\x01\x02"s).substr(0, 43),
            "f.csv:2:3: not a text file: control byte 0x");
  EXPECT_EQ(errorOf("\x89PNG\r\n\x1A\n\0\0\0"s).substr(0, 50),
            "f.csv:1:1: not a text file: byte 0x89 is not UTF-8");
  std::string garbage;
  Random random(7);
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(random.below(256));
  EXPECT_NE(errorOf(garbage).find("not a text file"), std::string::npos);
}

TEST(CsvReaderErrors, OtherEncodingsAreNamed) {
  using namespace std::string_literals;
  // "a,y\n1,0\n" as UTF-16 LE and BE, each with its byte order mark.
  EXPECT_EQ(errorOf("\xFF\xFE"
                    "a\0,\0y\0\n\0"
                    "1\0,\0"
                    "0\0\n\0"s),
            "f.csv:1:1: the file is UTF-16 text; save it as UTF-8 (or plain ASCII) CSV");
  EXPECT_EQ(errorOf("\xFE\xFF\0a\0,\0y"s).substr(0, 34), "f.csv:1:1: the file is UTF-16 text");
  // Latin-1 "é" in a column name: a text file, but not UTF-8.
  const std::string latin1 = errorOf("caf\xE9,y\n1,0\n");
  EXPECT_EQ(latin1.substr(0, 50), "f.csv:1:4: not a text file: byte 0xE9 is not UTF-8");
  EXPECT_NE(latin1.find("Latin-1"), std::string::npos);
}

// A million rows read, in full and in order.
TEST(CsvReader, AMillionRowsRead) {
  std::string text = "x,y\n";
  text.reserve(16'000'000);
  for (int i = 0; i < 1'000'000; ++i) text += std::to_string(i % 1000) + ",1\n";
  const Dataset data = parseCsv(text, "big.csv", 1);
  ASSERT_EQ(data.rows(), 1'000'000);
  EXPECT_EQ(data.inputs(999'999, 0), 999.0);
  EXPECT_EQ(data.targets(500'000, 0), 1.0);
}

TEST(CsvReaderErrors, ErrorCarriesItsPlace) {
  try {
    parseCsv("a,b\n1,2\n3,?\n", "data.csv", 1);
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.file(), "data.csv");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 3);
    EXPECT_EQ(e.reason(), "not a number: '?'");
  }
}

TEST(CsvReaderErrors, MissingFileNamesThePath) {
  try {
    readCsvFile("/nonexistent-dir/data.csv", 1);
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent-dir/data.csv: cannot open: No such file or directory");
  }
}

TEST(CsvReader, WriteCsvReadsBackBitIdentical) {
  Random random(42);
  Matrix inputs(5, 2);
  Matrix targets(5, 1);
  for (int r = 0; r < 5; ++r) {
    inputs(r, 0) = (random.uniform01() - 0.5) * 1e6;
    inputs(r, 1) = random.uniform01() * 1e-300;
    targets(r, 0) = random.uniform01();
  }
  inputs(0, 0) = 0.1;
  inputs(1, 0) = -0.0;
  inputs(2, 0) = std::numeric_limits<double>::max();
  inputs(3, 0) = std::numeric_limits<double>::denorm_min();
  Dataset data = Dataset::fromMatrices(inputs, targets);
  data.inputNames = {"plain", "with, \"quotes\""};
  const Dataset back = parseCsv(writeCsv(data), "f.csv", 1);
  EXPECT_EQ(back.inputNames, data.inputNames);
  EXPECT_EQ(back.targetNames, data.targetNames);
  ASSERT_EQ(back.rows(), 5);
  EXPECT_EQ(std::memcmp(back.inputs.data(), inputs.data(), sizeof(double) * inputs.size()), 0);
  EXPECT_EQ(std::memcmp(back.targets.data(), targets.data(), sizeof(double) * targets.size()), 0);
}

TEST(CsvReader, FormatNumberIsShortest) {
  EXPECT_EQ(formatNumber(0.1), "0.1");
  EXPECT_EQ(formatNumber(1.0), "1");
  EXPECT_EQ(formatNumber(-0.0), "-0");
  EXPECT_EQ(formatNumber(1e-300), "1e-300");
}

}  // namespace
}  // namespace nnlab
