// Checking a generated package: see check_package.h.
#include "fuzz/check_package.h"

#include <string>

#include "checker/check/check_file.h"
#include "checker/database/program.h"
#include "checker/fs/filesystem.h"
#include "checker/infer/file_inference.h"
#include "checker/syntax/parse.h"

namespace asynctype::fuzz {
namespace {

constexpr const char* kRoot = "/project";

// Every expression, and the expression parts that the inference types too (not Comprehension).
bool IsTypedNode(NodeKind k) {
  return IsExpression(k) || (Category(k) == NodeCategory::ExpressionPart && k != NodeKind::Comprehension);
}

}  // namespace

void CheckPackage(const GeneratedPackage& package) {
  MemoryFileSystem fs;
  for (const GeneratedFile& file : package.files) fs.Write(JoinPath(kRoot, file.path), file.text);
  ProgramOptions options;
  options.python_version = package.python_version;
  options.roots = {kRoot};
  options.checked_packages = package.top_level_names;
  Program program(options, fs);
  size_t count = package.files.size();
  for (size_t i = 0; i < count; ++i) {
    const GeneratedFile& generated = package.files[(package.first_checked + i) % count];
    std::string error;
    FileId file = program.LoadFile(JoinPath(kRoot, generated.path), &error);
    if (!file.valid()) continue;  // not UTF-8, binary: an io diagnostic in the CLI
    CheckFile(program, file);
    const Ast& ast = program.parsed(file).ast;
    FileInference& inference = program.inference(file);
    for (size_t node = 0; node < ast.size(); ++node) {
      NodeId id(static_cast<uint32_t>(node));
      if (IsTypedNode(ast.kind(id))) inference.ExprType(id);
    }
  }
}

}  // namespace asynctype::fuzz
