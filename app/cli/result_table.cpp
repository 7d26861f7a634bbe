#include "app/cli/result_table.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/csv_reader.h"

namespace nnlab::cli {
namespace {

/// One column of the table: its heading and one cell per row.
struct Column {
  std::string heading;
  std::vector<std::string> cells;
};

std::string fixed(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

Column column(std::string heading, const Matrix& values, Eigen::Index c, bool prediction) {
  Column result{std::move(heading), {}};
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    result.cells.push_back(prediction ? fixed(values(r, c)) : formatNumber(values(r, c)));
  }
  return result;
}

std::string name(const std::vector<std::string>& names, int index, const std::string& fallback) {
  return index < static_cast<int>(names.size()) && !names[index].empty() ? names[index] : fallback;
}

// Display width: UTF-8 characters, not bytes.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t target) {
  return std::string(target - std::min(target, width(text)), ' ').append(text);
}

}  // namespace

std::string resultTable(const Dataset& dataset, const Matrix& predictions) {
  std::vector<Column> columns;
  std::vector<std::size_t> groupStarts{0};
  for (int c = 0; c < dataset.inputColumns(); ++c) {
    columns.push_back(
        column(name(dataset.inputNames, c, std::string("X").append(std::to_string(c + 1))),
               dataset.inputs, c, false));
  }
  const bool single = dataset.targetColumns() == 1;
  groupStarts.push_back(columns.size());
  for (int c = 0; c < dataset.targetColumns(); ++c) {
    const std::string target =
        name(dataset.targetNames, c, std::string("y").append(std::to_string(c + 1)));
    columns.push_back(column(single ? "prediction" : target + " pred", predictions, c, true));
  }
  groupStarts.push_back(columns.size());
  for (int c = 0; c < dataset.targetColumns(); ++c) {
    const std::string target =
        name(dataset.targetNames, c, std::string("y").append(std::to_string(c + 1)));
    columns.push_back(column(target + " (actual)", dataset.targets, c, false));
  }
  std::vector<std::size_t> widths;
  for (const Column& col : columns) {
    std::size_t w = width(col.heading);
    for (const auto& cell : col.cells) w = std::max(w, width(cell));
    widths.push_back(w);
  }
  std::string text;
  for (int r = -1; r < dataset.rows(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0)
        text +=
            std::find(groupStarts.begin(), groupStarts.end(), c) != groupStarts.end() ? " | " : " ";
      text += padded(r < 0 ? columns[c].heading : columns[c].cells[r], widths[c]);
    }
    text += '\n';
  }
  return text;
}

}  // namespace nnlab::cli
