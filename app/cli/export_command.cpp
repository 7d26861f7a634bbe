#include "app/cli/export_command.h"

#include <filesystem>
#include <ostream>

#include "core/atomic_file.h"
#include "core/export/model_export.h"

namespace nnlab::cli {

int runExport(const ExportOptions& options, std::ostream& out) {
  if (options.float32 && options.format != ExportFormat::Onnx)
    throw UsageError("--float32 applies to --format onnx only");
  checkWritable(options.outPath);
  ModelFile model = readAnyModelFile(options.modelPath);
  const std::string name = std::filesystem::path(options.modelPath).stem().string();
  const ExportModel exported = ExportModel::fromModelFile(std::move(model), name);
  writeExportFile(options.outPath, exported, options.format,
                  options.float32 ? OnnxPrecision::Float32 : OnnxPrecision::Float64);
  out << "exported " << exported.shapeText() << " model to " << options.outPath << " ("
      << exportFormatName(options.format) << (options.float32 ? ", float32" : "") << ")\n";
  return 0;
}

}  // namespace nnlab::cli
