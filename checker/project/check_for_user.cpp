#include "checker/project/check_for_user.h"

#include "checker/check/check_file.h"
#include "checker/check/suppressions.h"

namespace asynctype {

UserFileCheck CheckFileForUser(Program& program, const std::string& path, const RuleLevels& levels,
                               UserCheckOptions options) {
  UserFileCheck result;
  std::string error;
  result.file = program.LoadFile(path, &error);
  if (!result.file.valid()) {
    result.diagnostics.push_back(
        MakeDiagnostic(Rule::Io, FileId::None(), {}, "Failed to read `" + path + "`: " + error));
    return result;
  }
  result.diagnostics = CheckLoadedFileForUser(program, result.file, levels, options);
  return result;
}

std::vector<Diagnostic> CheckLoadedFileForUser(Program& program, FileId file, const RuleLevels& levels,
                                               UserCheckOptions options) {
  std::vector<Diagnostic> diagnostics =
      options.parse_only ? program.parsed(file).syntax_errors : CheckFile(program, file);
  levels.Apply(&diagnostics, options.disabled_as_info);
  if (!options.parse_only) ApplySuppressions(program.parsed(file).ast, program.source(file), levels, &diagnostics);
  return diagnostics;
}

}  // namespace asynctype
