#include "core/export/model_export.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/atomic_file.h"
#include "core/export/c_writer.h"
#include "core/export/numpy_writer.h"
#include "core/export/onnx_reader.h"

namespace nnlab {
namespace {

struct FormatEntry {
  ExportFormat format;
  std::string_view name;
  std::string_view suffix;
};

constexpr std::array kFormats{
    FormatEntry{ExportFormat::Onnx, "onnx", "onnx"},
    FormatEntry{ExportFormat::Numpy, "numpy", "py"},
    FormatEntry{ExportFormat::C, "c", "h"},
};

const FormatEntry& entry(ExportFormat format) {
  return *std::find_if(kFormats.begin(), kFormats.end(),
                       [format](const FormatEntry& e) { return e.format == format; });
}

}  // namespace

std::string_view exportFormatName(ExportFormat format) { return entry(format).name; }

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
  for (const FormatEntry& e : kFormats)
    if (e.name == name) return e.format;
  return std::nullopt;
}

std::string exportFormatNames() {
  std::string names;
  for (const FormatEntry& e : kFormats) names.append(names.empty() ? "" : ", ").append(e.name);
  return names;
}

std::string_view exportSuffix(ExportFormat format) { return entry(format).suffix; }

std::string exportModelText(const ExportModel& model, ExportFormat format,
                            OnnxPrecision precision) {
  switch (format) {
    case ExportFormat::Onnx:
      return modelToOnnx(model, precision);
    case ExportFormat::Numpy:
      return modelToNumpy(model);
    case ExportFormat::C:
      return modelToCHeader(model);
  }
  return {};
}

void writeExportFile(const std::string& path, const ExportModel& model, ExportFormat format,
                     OnnxPrecision precision) {
  writeFileAtomically(path, exportModelText(model, format, precision));
}

bool isOnnxPath(std::string_view path) {
  constexpr std::string_view kSuffix = ".onnx";
  if (path.size() < kSuffix.size()) return false;
  return std::equal(
      kSuffix.begin(), kSuffix.end(), path.end() - kSuffix.size(),
      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

ModelFile readAnyModelFile(const std::string& path) {
  return isOnnxPath(path) ? readOnnxFile(path) : readModelFileWithScaling(path);
}

}  // namespace nnlab
