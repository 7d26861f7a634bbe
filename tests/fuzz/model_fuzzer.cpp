// libFuzzer target: the model reader answers any bytes with a model or a ModelError; a model it
// returns writes out and reads back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/model_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nnlab::ModelFile model;
  try {
    model = nnlab::modelFileFromJson(text, "fuzz.json");
  } catch (const nnlab::ModelError&) {
    return 0;
  }
  const std::string written = nnlab::modelToJson(model.network, model.scaling);
  const nnlab::ModelFile again = nnlab::modelFileFromJson(written, "again.json");
  if (nnlab::modelToJson(again.network, again.scaling) != written) std::abort();
  return 0;
}
