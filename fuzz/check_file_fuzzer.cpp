// Fuzz target: arbitrary bytes as a Python file (and as a stub next to it) through parse, index,
// inference and checks, with the type of every expression node pulled.
#include <cstddef>
#include <cstdint>
#include <string>

#include "checker/check/check_file.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/infer/file_inference.h"
#include "checker/syntax/parse.h"

namespace {
// Every expression, and the expression parts that the inference types too (not Comprehension).
bool IsTypedNode(asynctype::NodeKind k) {
  return IsExpression(k) || (asynctype::Category(k) == asynctype::NodeCategory::ExpressionPart && k != asynctype::NodeKind::Comprehension);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  asynctype::MemoryFileSystem fs;
  fs.Write("/project/main.py", text);
  fs.Write("/project/helper.pyi", text);
  asynctype::ProgramOptions options;
  options.roots = {"/project"};
  asynctype::Program program(options, fs);
  std::string error;
  asynctype::FileId file = program.LoadFile("/project/main.py", &error);
  if (!file.valid()) return 0;  // not UTF-8, binary: an io diagnostic in the CLI
  CheckFile(program, file);
  const asynctype::Ast& ast = program.parsed(file).ast;
  asynctype::FileInference& inference = program.inference(file);
  for (size_t i = 0; i < ast.size(); ++i) {
    asynctype::NodeId id(static_cast<uint32_t>(i));
    if (IsTypedNode(ast.kind(id))) inference.ExprType(id);
  }
  return 0;
}
