// libFuzzer target: the ONNX reader answers any bytes with a model or a ModelError; a model it
// returns exports to ONNX and reads back to the same model.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/export/model_export.h"
#include "core/export/onnx_reader.h"
#include "core/export/onnx_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  nnlab::ModelFile model;
  try {
    model = nnlab::modelFromOnnx(bytes, "fuzz.onnx");
  } catch (const nnlab::ModelError&) {
    return 0;
  }
  const std::string json = nnlab::modelToJson(model.network, model.scaling);
  const std::string written =
      nnlab::modelToOnnx(nnlab::ExportModel::fromModelFile(std::move(model), "fuzz"));
  const nnlab::ModelFile again = nnlab::modelFromOnnx(written, "again.onnx");
  if (nnlab::modelToJson(again.network, again.scaling) != json) std::abort();
  return 0;
}
