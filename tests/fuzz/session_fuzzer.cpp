// libFuzzer target: the session reader answers any bytes with a session or a SessionError; a
// session it returns writes out and reads back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nnlab::Session session;
  try {
    session = nnlab::sessionFromJson(text, "fuzz.nnlab");
  } catch (const nnlab::SessionError&) {
    return 0;
  }
  const std::string written = nnlab::sessionToJson(session);
  if (nnlab::sessionToJson(nnlab::sessionFromJson(written, "again.nnlab")) != written) std::abort();
  return 0;
}
