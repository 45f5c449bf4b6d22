// The byte format of the multi-file fuzz target (check_package_fuzzer.cpp): decodes arbitrary
// bytes into a small Python package, so that libFuzzer's mutations turn into changes of package
// structure (imports of every form, `__all__`, cross-module classes, generics, aliases,
// protocols, async functions and their uses) rather than into syntax errors.
//
// Format (a missing byte reads as 0, so every input decodes):
//   byte 0   module count: 1 + b % 7, taken in order from pkg/__init__, pkg/a, pkg/b, main,
//            pkg/c, pkg/sub/__init__, pkg/sub/d
//   byte 1   Python version: 3.12, 3.13, 3.14, 3.9, 3.10, 3.11 (b % 6)
//   byte 2   flags: bit 0 set = no prelude (the typing / asyncio imports every module starts
//            with); bit 1 set = the top-level module `main` is named `asyncio` (shadowing the stub)
//   byte 3   which file is checked first (the rest follow in order, wrapping around)
//   per module: one byte: file kind (b % 4: 0, 1 = .py, 2 = .pyi, 3 = both) and statement
//            count (b / 4 % 9); then the statements: a template byte (Template below) and the
//            bytes the template reads (names from a pool of 8, module references, nested
//            statements, expressions, type expressions); a module with both files reads a
//            second count and statement list for its stub.
//   the rest: raw text, in chunks ended by a 0 byte; a chunk's first byte picks the file
//            (b % file count), the other bytes are appended to it as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "checker/base/python_version.h"
#include "llvm/ADT/ArrayRef.h"

namespace asynctype::fuzz {

// The statement templates a template byte picks (b % kTemplateCount).
enum class Template : uint8_t {
  ImportModule,          // import pkg.a
  ImportModuleAs,        // import pkg.a as a
  FromImportName,        // from pkg.a import x [as y]
  FromImportStar,        // from pkg.a import *
  FromImportModule,      // from . import a / from pkg import a
  RelativeImportName,    // from .a import x, y
  RelativeImportStar,    // from .a import *
  ImportParenthesized,   // from pkg.a import (x, y as z,)
  TypeCheckingBlock,     // if TYPE_CHECKING: ... [else: ...]
  TryImportBlock,        // try: ... except ImportError: ...
  VersionBlock,          // if sys.version_info >= (3, N): ... else: ...
  AllAssign,             // __all__ = ["x", ...] / (...)
  AllAugment,            // __all__ += ["x"]
  AllMethod,             // __all__.extend([...]) / .append / .remove
  AllFromModule,         // __all__ += a.__all__ / __all__ = [*a.__all__, "x"] ...
  Assign,                // x = expr / x, y = expr / x = y = expr
  AnnotatedAssign,       // x: type [= expr]
  Class,                 // class A(bases): body
  GenericClass,          // class A[T: bound, *Ts, **P](bases): body
  TypeVarDefinition,     // T = TypeVar("T", bound=...) / ParamSpec / TypeVarTuple
  TypeStatement,         // type A[T] = type
  TypeAliasAnnotation,   // A: TypeAlias = type
  ImplicitAlias,         // A = a.B / A = list[a.B]
  ProtocolClass,         // class P(Protocol[T]): body
  AsyncFunction,         // async def f(params) -> type: body
  Function,              // def f(params) -> type: body
  ExpressionStatement,   // expr
  AwaitAssign,           // x = await expr
  AsyncWithFor,          // async with / async for / with / for
  Reveal,                // reveal_type(expr)
  Misc,                  // del x / global x / x += expr / pass
  Decorated,             // @overload / @property / @a.f ... def or class
  ReturnYield,           // return [await] expr / yield [from] expr
  Narrowing,             // if isinstance(x, T) / x is None / while x / match
  AsyncProtocolMember,   // __await__ / __aenter__ / __aexit__ / __aiter__ / __anext__ ...
  AttributeAssign,       // self.x = expr / a.x = expr
  kCount,
};
inline constexpr uint8_t kTemplateCount = static_cast<uint8_t>(Template::kCount);

// The module slots, in the order the module count takes them.
inline constexpr size_t kModuleSlotCount = 7;

struct GeneratedFile {
  std::string path;  // relative to the import root, e.g. "pkg/sub/__init__.pyi"
  std::string text;
};

struct GeneratedPackage {
  PythonVersion python_version;
  std::vector<GeneratedFile> files;
  // The top-level packages / modules being checked (ProgramOptions::checked_packages).
  std::vector<std::string> top_level_names;
  // Files are checked from this index on, wrapping around.
  size_t first_checked = 0;
};

GeneratedPackage DecodePackage(llvm::ArrayRef<uint8_t> bytes);

}  // namespace asynctype::fuzz
