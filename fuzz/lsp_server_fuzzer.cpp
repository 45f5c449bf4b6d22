// Fuzz target: arbitrary bytes as the language server's stdin — the Content-Length reader and
// the dispatcher (the input is also tried as one JSON body after a valid initialize, so the
// method handlers are reached).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "server/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  {
    std::istringstream in(bytes);
    std::ostringstream out;
    asynctype::lsp::RunLanguageServer(in, out, "fuzz");
  }
  {
    std::ostringstream out;
    asynctype::lsp::LanguageServer server(out, "fuzz");
    server.HandleMessage(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
    server.HandleMessage(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
    server.HandleMessage(bytes);
    server.FlushDiagnostics();
    server.HandleEof();
  }
  return 0;
}
