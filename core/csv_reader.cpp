#include "core/csv_reader.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace nnlab {
namespace {

/// One cell of a line: its text (unquoted, unescaped, trimmed) and where it starts.
struct Cell {
  std::string text;
  int column = 1;  // 1-based character column of the cell's first non-space character
};

/// Everything a parser needs to name a place in the file.
struct Place {
  const std::string& file;
  int line;
};

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// 1-based character column of byte `offset` in `line` (UTF-8 continuation bytes do not count).
int columnAt(std::string_view line, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if (!isContinuation(static_cast<unsigned char>(line[i]))) ++column;
  }
  return column;
}

[[noreturn]] void fail(const Place& place, int column, const std::string& reason) {
  throw CsvError(place.file, place.line, column, reason);
}

std::string hexByte(unsigned char byte) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x").append(1, digits[byte >> 4]).append(1, digits[byte & 0xF]);
}

// Length of the UTF-8 sequence starting at `offset`, or 0 when it is not valid UTF-8.
std::size_t utf8Length(std::string_view line, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(line[offset]);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (length == 0 || offset + length > line.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if (!isContinuation(static_cast<unsigned char>(line[offset + i]))) return 0;
  }
  return length;
}

// Rejects what cannot be a text CSV: control bytes (NUL, …) and bytes that are not UTF-8.
void checkText(std::string_view line, const Place& place) {
  for (std::size_t i = 0; i < line.size();) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
        fail(place, columnAt(line, i),
             "not a text file: control byte " + hexByte(byte) + " (is this a binary file?)");
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8Length(line, i);
    if (length == 0) {
      fail(place, columnAt(line, i),
           "not a text file: byte " + hexByte(byte) +
               " is not UTF-8 (if the file is text in another encoding, such as Latin-1, save "
               "it as UTF-8)");
    }
    i += length;
  }
}

bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::size_t skipSpaces(std::string_view line, std::size_t i) {
  while (i < line.size() && isSpace(line[i])) ++i;
  return i;
}

// Reads a "quoted" cell starting at the opening quote; returns the offset after the closing one.
std::size_t readQuoted(std::string_view line, std::size_t i, Cell& cell, const Place& place) {
  const std::size_t open = i++;
  for (;;) {
    if (i >= line.size()) fail(place, columnAt(line, open), "quoted cell has no closing quote");
    if (line[i] == '"') {
      if (i + 1 < line.size() && line[i + 1] == '"') {
        cell.text += '"';
        i += 2;
        continue;
      }
      return i + 1;
    }
    cell.text += line[i++];
  }
}

std::vector<Cell> splitCells(std::string_view line, const Place& place) {
  std::vector<Cell> cells;
  std::size_t i = 0;
  for (;;) {
    Cell cell;
    i = skipSpaces(line, i);
    cell.column = columnAt(line, i);
    if (i < line.size() && line[i] == '"') {
      i = skipSpaces(line, readQuoted(line, i, cell, place));
      if (i < line.size() && line[i] != ',') {
        fail(place, columnAt(line, i), "unexpected text after a closing quote");
      }
    } else {
      const std::size_t start = i;
      while (i < line.size() && line[i] != ',') ++i;
      std::size_t end = i;
      while (end > start && isSpace(line[end - 1])) --end;
      cell.text = std::string(line.substr(start, end - start));
    }
    cells.push_back(std::move(cell));
    if (i >= line.size()) return cells;
    ++i;  // the comma
  }
}

std::string shown(const std::string& text) {
  constexpr std::size_t kLimit = 40;
  if (text.size() <= kLimit) return std::string("'").append(text).append("'");
  std::size_t cut = kLimit;
  while (cut > 0 && isContinuation(static_cast<unsigned char>(text[cut]))) --cut;
  return std::string("'").append(text, 0, cut).append("…'");
}

/// Whether a number from_chars found out of range is tiny rather than huge: a negative
/// exponent, or no exponent and no digit but zeros before the point.
bool isTiny(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  if (e != std::string_view::npos) return e + 1 < text.size() && text[e + 1] == '-';
  const std::size_t digit = text.find_first_not_of("+-0");
  return digit != std::string_view::npos && text[digit] == '.';
}

double parseNumber(const Cell& cell, const Place& place) {
  if (cell.text.empty()) fail(place, cell.column, "empty cell (expected a number)");
  const char* first = cell.text.data();
  const char* last = first + cell.text.size();
  if (*first == '+' && last - first > 1 && first[1] != '-') ++first;
  double value = 0.0;
  const auto [end, error] = std::from_chars(first, last, value);
  if (end != last) fail(place, cell.column, "not a number: " + shown(cell.text));
  if (error == std::errc::result_out_of_range) {
    // Too small for a double (1e-400) reads as 0, as in a spreadsheet or a JSON reader; too
    // large has no stand-in.
    if (!isTiny(cell.text)) {
      fail(place, cell.column, "number out of the range of a double: " + shown(cell.text));
    }
    return cell.text.front() == '-' ? -0.0 : 0.0;
  }
  if (error != std::errc()) {
    fail(place, cell.column, "not a number: " + shown(cell.text));
  }
  if (!std::isfinite(value)) {
    fail(place, cell.column, "not a finite number: " + shown(cell.text));
  }
  return value;
}

bool isBlank(std::string_view line) { return skipSpaces(line, 0) == line.size(); }

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  // Line feeds end lines (a carriage return before one is dropped); a file without any, but
  // with carriage returns, comes from a classic Mac OS program, whose lines those end.
  const char newline =
      text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos ? '\r'
                                                                                             : '\n';
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(newline, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && isBlank(lines.back())) lines.pop_back();
  return lines;
}

std::vector<std::string> readHeader(std::string_view line, const Place& place) {
  std::vector<std::string> names;
  for (const Cell& cell : splitCells(line, place)) {
    if (cell.text.empty()) {
      fail(place, cell.column,
           std::string("column ").append(std::to_string(names.size() + 1)).append(" has no name"));
    }
    names.push_back(cell.text);
  }
  return names;
}

void readRow(std::string_view line, const Place& place, std::size_t columns,
             std::vector<double>& values) {
  if (isBlank(line)) fail(place, 1, "blank line inside the data (allowed only at the end)");
  const std::vector<Cell> cells = splitCells(line, place);
  if (cells.size() != columns) {
    const int column = cells.size() > columns ? cells[columns].column : columnAt(line, line.size());
    fail(place, column,
         std::string("row has ")
             .append(std::to_string(cells.size()))
             .append(cells.size() == 1 ? " cell" : " cells")
             .append(" but the header has ")
             .append(std::to_string(columns))
             .append(" columns"));
  }
  for (const Cell& cell : cells) values.push_back(parseNumber(cell, place));
}

std::string columnText(const std::string& name) {
  const bool plain = !name.empty() && name.find_first_of(",\"\r\n") == std::string::npos &&
                     !isSpace(name.front()) && !isSpace(name.back());
  if (plain) return name;
  std::string quoted = "\"";
  for (char c : name) quoted.append(c == '"' ? 2 : 1, c);
  return quoted + "\"";
}

}  // namespace

CsvError::CsvError(const std::string& file, int line, int column, const std::string& reason)
    : std::runtime_error(line > 0 ? file + ":" + std::to_string(line) + ":" +
                                        std::to_string(column) + ": " + reason
                                  : file + ": " + reason),
      m_file(file),
      m_line(line),
      m_column(column),
      m_reason(reason) {}

CsvTable parseCsvTable(std::string_view text, const std::string& fileName) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Spreadsheets on Windows save "Unicode text" as UTF-16: say so, rather than "control byte".
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    throw CsvError(fileName, 1, 1,
                   "the file is UTF-16 text; save it as UTF-8 (or plain ASCII) CSV");
  }
  const std::vector<std::string_view> lines = splitLines(text);
  if (lines.empty()) {
    throw CsvError(fileName, 1, 1, "the file is empty (expected a header row of column names)");
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    checkText(lines[i], Place{fileName, static_cast<int>(i + 1)});
  }
  CsvTable table;
  table.header = readHeader(lines[0], Place{fileName, 1});
  if (lines.size() < 2) throw CsvError(fileName, 2, 1, "no data rows after the header");
  std::vector<double> values;  // row-major
  values.reserve((lines.size() - 1) * table.header.size());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    readRow(lines[i], Place{fileName, static_cast<int>(i + 1)}, table.header.size(), values);
  }
  const auto rows = static_cast<Eigen::Index>(lines.size() - 1);
  const auto columns = static_cast<Eigen::Index>(table.header.size());
  table.values =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
          values.data(), rows, columns);
  return table;
}

CsvTable readCsvTable(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw CsvError(path, 0, 0, "cannot read: it is a directory");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw CsvError(path, 0, 0,
                   std::string("cannot open: ")
                       .append(std::error_code(errno, std::generic_category()).message()));
  }
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) throw CsvError(path, 0, 0, "cannot read the file");
  return parseCsvTable(content.str(), path);
}

Dataset datasetFromTable(CsvTable table, const std::string& fileName, int targets) {
  const auto columns = static_cast<int>(table.header.size());
  if (targets < 1) {
    throw CsvError(fileName, 1, 1,
                   std::string("the number of target columns must be at least 1 (got ")
                       .append(std::to_string(targets))
                       .append(")"));
  }
  if (targets >= columns) {
    throw CsvError(fileName, 1, 1,
                   std::string("the header has ")
                       .append(std::to_string(columns))
                       .append(columns == 1 ? " column" : " columns")
                       .append(", so ")
                       .append(std::to_string(targets))
                       .append(" target column(s) would leave no input column"));
  }
  const int inputs = columns - targets;
  Dataset dataset;
  dataset.inputs = table.values.leftCols(inputs);
  dataset.targets = table.values.rightCols(targets);
  dataset.inputNames.assign(table.header.begin(), table.header.begin() + inputs);
  dataset.targetNames.assign(table.header.begin() + inputs, table.header.end());
  return dataset;
}

Dataset parseCsv(std::string_view text, const std::string& fileName, int targets) {
  return datasetFromTable(parseCsvTable(text, fileName), fileName, targets);
}

Dataset readCsvFile(const std::string& path, int targets) {
  return datasetFromTable(readCsvTable(path), path, targets);
}

std::string formatNumber(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string writeCsv(const std::vector<std::string>& header, const Matrix& values) {
  std::string text;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (c > 0) text += ',';
    text += columnText(header[c]);
  }
  text += '\n';
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
      if (c > 0) text += ',';
      text += formatNumber(values(r, c));
    }
    text += '\n';
  }
  return text;
}

std::string writeCsv(const Dataset& dataset) {
  const Dataset names =
      Dataset::fromMatrices(Matrix(0, dataset.inputColumns()), Matrix(0, dataset.targetColumns()));
  std::vector<std::string> header;
  for (int c = 0; c < dataset.inputColumns(); ++c) {
    const bool named = c < static_cast<int>(dataset.inputNames.size());
    header.push_back(named ? dataset.inputNames[c] : names.inputNames[c]);
  }
  for (int c = 0; c < dataset.targetColumns(); ++c) {
    const bool named = c < static_cast<int>(dataset.targetNames.size());
    header.push_back(named ? dataset.targetNames[c] : names.targetNames[c]);
  }
  Matrix values(dataset.rows(), dataset.inputColumns() + dataset.targetColumns());
  values.leftCols(dataset.inputColumns()) = dataset.inputs;
  values.rightCols(dataset.targetColumns()) = dataset.targets;
  return writeCsv(header, values);
}

}  // namespace nnlab
