// Seed inputs for check_package_fuzzer: see package_seeds.h; the byte format is in
// package_decoder.h.
#include "fuzz/package_seeds.h"

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "fuzz/package_decoder.h"
#include "fuzz/star_imports.h"

namespace asynctype::fuzz {
namespace {

// A package of .py files without generated statements; `chunks` are (file index, text) pairs
// appended as raw text (the file index follows the module order of package_decoder.h).
std::string RawPackage(size_t modules, std::initializer_list<std::pair<uint8_t, const char*>> chunks,
                       uint8_t first_module_kind = 0) {
  std::string bytes = {static_cast<char>(modules - 1), 0, 0, 0};
  for (size_t i = 0; i < modules; ++i) {
    bytes += static_cast<char>(i == 0 ? first_module_kind : 0);  // no statements
    if (i == 0 && first_module_kind == 3) bytes += '\0';         // nor for the stub
  }
  for (const auto& [file, text] : chunks) {
    bytes += static_cast<char>(file);
    bytes += text;
    bytes += '\0';
  }
  return bytes;
}

}  // namespace

std::vector<std::string> PackageSeeds() {
  std::vector<std::string> seeds;
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return static_cast<char>(state >> 16);
  };
  for (uint8_t t = 0; t < kTemplateCount; ++t) {
    // 4 to 7 modules, Python 3.12, the prelude; module 0: .py with 8 statements, the first `t`.
    // Fills with star-import cycles (known crashes) are drawn again.
    std::string bytes;
    do {
      bytes = {static_cast<char>(3 + t % 4), 0, 0, static_cast<char>(t), static_cast<char>(8 * 4),
               static_cast<char>(t)};
      for (int i = 0; i < 200; ++i) bytes += next();
    } while (HasRunawayStarImports(
        DecodePackage({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()})));
    seeds.push_back(std::move(bytes));
  }

  // Modules: 0 pkg/__init__, 1 pkg/a, 2 pkg/b, 3 main (files in the same order: all .py).
  seeds.push_back(RawPackage(4, {
      {0, "from .a import *\nfrom .b import B\nfrom . import a\n__all__ = [\"B\"]\n__all__ += a.__all__\n"},
      {1, "__all__ = [\"A\"]\n__all__.extend([\"helper\"])\nclass A:\n    value: int = 0\n"
          "async def helper() -> A:\n    return A()\n"},
      {2, "from .a import A, helper\nclass B(A):\n    async def run(self) -> int:\n"
          "        a = await helper()\n        return a.value\n"},
      {3, "import pkg\nimport pkg.a as a\nasync def main() -> None:\n    x = await pkg.B().run()\n"
          "    reveal_type(x)\n    reveal_type(await a.helper())\n    reveal_type(pkg.A)\n"},
  }));
  seeds.push_back(RawPackage(4, {
      {1, "T = TypeVar(\"T\", bound=\"Base\")\nclass Base:\n    pass\nclass Box(Generic[T]):\n"
          "    async def get(self) -> T: ...\n"},
      {2, "from pkg.a import Box, Base\nclass Sub(Base):\n    pass\nBoxOfSub = Box[Sub]\n"
          "type Alias[U: Base] = Box[U]\nX: TypeAlias = Box[Sub]\n"
          "class Pair[K, V: Base](Box[V]):\n    key: K\n"},
      {3, "from pkg.b import BoxOfSub, Alias, X, Pair, Sub\nasync def use(b: BoxOfSub, c: Alias[Sub], "
          "x: X, p: Pair[int, Sub]) -> None:\n    reveal_type(await b.get())\n    reveal_type(await c.get())\n"
          "    reveal_type(await x.get())\n    reveal_type(p.key)\n"},
  }));
  seeds.push_back(RawPackage(3, {
      {1, "if TYPE_CHECKING:\n    from pkg.b import B\nclass A:\n    def b(self) -> \"B\": ...\n"
          "    async def other(self) -> \"list[B]\": ...\n"},
      {2, "from pkg.a import A\nimport pkg.a\nclass B(A):\n    pass\nreveal_type(A().b())\n"
          "reveal_type(pkg.a.A)\n"},
  }));
  seeds.push_back(RawPackage(4, {
      {1, "class SupportsClose(Protocol):\n    async def aclose(self) -> None: ...\n"
          "class Waiter:\n    def __await__(self) -> Generator[Any, None, int]:\n        yield\n"
          "        return 1\n"},
      {2, "from .a import SupportsClose, Waiter\nasync def close(x: SupportsClose) -> int:\n"
          "    await x.aclose()\n    return await Waiter()\n"},
      {3, "from pkg.b import close\nimport asyncio\nasync def main() -> None:\n"
          "    t = asyncio.create_task(close(None))\n    reveal_type(await t)\n"},
  }));
  // pkg/__init__ as both source and stub (files: 0 __init__.py, 1 __init__.pyi, 2 pkg/a.py ...).
  seeds.push_back(RawPackage(4, {
      {0, "from .a import *\ndef f(): return 1\n"},
      {1, "from .a import *\ndef f() -> int: ...\nx: str\n"},
      {2, "__all__ = [\"g\"]\nasync def g() -> bytes: ...\n"},
      {4, "from pkg import f, g, x\nimport pkg\nreveal_type(f())\nreveal_type(pkg.g)\nreveal_type(x)\n"},
  }, 3));
  // Subpackages and relative imports (7 modules: ... 4 pkg/c, 5 pkg/sub/__init__, 6 pkg/sub/d).
  seeds.push_back(RawPackage(7, {
      {5, "from .d import *\nfrom ..c import C\n__all__ = [\"D\", \"C\"]\n"},
      {6, "from .. import c\nfrom ..a import *\nclass D(c.C):\n    async def __aenter__(self) -> \"D\": ...\n"
          "    async def __aexit__(self, *args: object) -> None: ...\n"},
      {4, "class C:\n    x: int\n"},
      {3, "from pkg.sub import D, C\nimport pkg.sub.d as d\nasync def main():\n"
          "    async with D() as v:\n        reveal_type(v)\n    reveal_type(d.c.C().x)\n"},
  }));
  return seeds;
}

}  // namespace asynctype::fuzz
