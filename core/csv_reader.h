#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/types.h"

namespace nnlab {

/// A problem in a CSV file, located as FILE:LINE:COLUMN (1-based; COLUMN counts characters).
/// Line 0 means the problem is with the file as a whole (e.g. it cannot be opened).
class CsvError : public std::runtime_error {
 public:
  CsvError(const std::string& file, int line, int column, const std::string& reason);

  const std::string& file() const { return m_file; }
  int line() const { return m_line; }
  int column() const { return m_column; }
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_file;
  int m_line;
  int m_column;
  std::string m_reason;
};

/// A CSV file's header and numbers, before any column is called an input or a target.
struct CsvTable {
  std::vector<std::string> header;
  Matrix values;  ///< rows × header.size(), every entry finite
};

/// Parses CSV text: a header row of names (optionally "quoted", with "" escapes), then rows of
/// finite numbers. Accepts a UTF-8 BOM, CRLF line ends, spaces around cells and blank lines at
/// the end. Throws CsvError naming `fileName`, the line and the column of the first problem.
CsvTable parseCsvTable(std::string_view text, const std::string& fileName);
/// Reads and parses a CSV file; throws CsvError (also when it cannot be read).
CsvTable readCsvTable(const std::string& path);

/// Splits a table into inputs and its last `targets` columns. Throws CsvError when `targets` is
/// < 1 or leaves no input column.
Dataset datasetFromTable(CsvTable table, const std::string& fileName, int targets);
/// parseCsvTable, then datasetFromTable.
Dataset parseCsv(std::string_view text, const std::string& fileName, int targets = 1);
/// readCsvTable, then datasetFromTable.
Dataset readCsvFile(const std::string& path, int targets = 1);

/// CSV text of `header` and `values` (one row per line, "\n" line ends), numbers in their
/// shortest form that reads back to the same double. Names are quoted when they need it.
std::string writeCsv(const std::vector<std::string>& header, const Matrix& values);
/// The dataset's inputs then targets, under their names (defaults where names are missing).
std::string writeCsv(const Dataset& dataset);
/// The shortest text that std::from_chars reads back to exactly `value`.
std::string formatNumber(double value);

}  // namespace nnlab
