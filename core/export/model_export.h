#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/export/export_model.h"
#include "core/export/onnx_writer.h"

namespace nnlab {

/// The formats a model can be exported to besides nnlab's own JSON.
enum class ExportFormat {
  Onnx,   ///< an ONNX graph (.onnx)
  Numpy,  ///< a standalone Python script with numpy (.py)
  C,      ///< a C header with a predict() function (.h)
};

/// "onnx", "numpy", "c": the names on the command line.
std::string_view exportFormatName(ExportFormat format);
std::optional<ExportFormat> parseExportFormat(std::string_view name);
/// All names, comma-separated, for messages.
std::string exportFormatNames();
/// The file name suffix, without the dot: "onnx", "py", "h".
std::string_view exportSuffix(ExportFormat format);

/// The export's contents (bytes, for ONNX). `precision` matters for ONNX only. Throws
/// ModelError when the model cannot be written in that format (weights that are not finite).
std::string exportModelText(const ExportModel& model, ExportFormat format,
                            OnnxPrecision precision = OnnxPrecision::Float64);
/// exportModelText, written atomically to `path` (see writeFileAtomically): a failure leaves
/// what was there untouched. Throws ModelError or std::runtime_error.
void writeExportFile(const std::string& path, const ExportModel& model, ExportFormat format,
                     OnnxPrecision precision = OnnxPrecision::Float64);

/// True for a path that names an ONNX file (".onnx", any case).
bool isOnnxPath(std::string_view path);
/// Reads a model file of either kind: ONNX for an .onnx path, nnlab JSON otherwise. Throws
/// ModelError naming the file.
ModelFile readAnyModelFile(const std::string& path);

}  // namespace nnlab
