// What other modules can observe of a module, read from its syntax alone, for the CLI's warm
// cache (checker/project/result_cache.h): an interface fingerprint and the module references the
// module makes (its imports, and attribute chains on imported modules, which may name
// submodules).
//
// The fingerprint hashes the module's text with the bodies of some functions left out: only an
// annotated `async def` or an annotated generator `def` (both never run as plain helpers, so
// the blocking-call summaries and the task-creating-wrapper check, which read plain `def` bodies
// across modules, do not look inside), whose body binds no attribute of its first parameter
// (`self.x = ...` declares a member) and declares nothing `global` / `nonlocal`. What stays in
// the hash for a left-out body: whether it yields and whether it only declares (`...`). Such
// functions are found outside function bodies only (module level, class bodies, compound
// statements). Everything else, comments included, is hashed: when in doubt, include.
#pragma once

#include <string>
#include <vector>

#include "checker/syntax/ast.h"

namespace asynctype {

// One module reference, resolved at run time by the cache (relative to `level` leading dots).
struct ModuleReference {
  enum class Kind : uint8_t {
    Import,     // `import a.b.c`: a, a.b, a.b.c
    From,       // `from m import name`: m, and m.name (a submodule, when it is one)
    Star,       // `from m import *`: m
    Attribute,  // `n.x.y` where `n` is bound by an import to `module`: module.x, module.x.y
  };
  Kind kind;
  unsigned level = 0;
  std::string module;  // dotted, as written (may be empty for `from . import x`)
  std::string name;    // From: the imported name; Attribute: the chain after the module (`x.y`)

  bool operator==(const ModuleReference&) const = default;
};

struct ModuleInterface {
  std::string fingerprint;  // 32 hex digits
  // 32 hex digits: where the left-out bodies end (their line counts and last line's length), so
  // that with the same fingerprint and layout all the rest stands at the same lines and columns.
  std::string layout;
  std::vector<ModuleReference> references;  // in source order, each once
};

ModuleInterface ComputeModuleInterface(const Ast& ast, std::string_view text);

}  // namespace asynctype
