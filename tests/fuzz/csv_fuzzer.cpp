// libFuzzer target: the CSV reader must answer any bytes with a table or a CsvError, never a
// crash, a hang or another exception; a table it returns must make a dataset or say why.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nnlab::CsvTable table;
  try {
    table = nnlab::parseCsvTable(text, "fuzz.csv");
  } catch (const nnlab::CsvError&) {
    return 0;
  }
  for (int targets : {1, 2}) {
    try {
      nnlab::datasetFromTable(table, "fuzz.csv", targets);
    } catch (const nnlab::CsvError&) {
    }
  }
  return 0;
}
