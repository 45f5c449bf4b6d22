// Decoding of fuzzer bytes into a package: see package_decoder.h for the format.
#include "fuzz/package_decoder.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "llvm/ADT/StringRef.h"

namespace asynctype::fuzz {
namespace {

struct Module {
  std::string stem;    // path without the suffix: "pkg/sub/__init__"
  std::string dotted;  // "pkg.sub"
  bool is_package;
};

Module SlotModule(size_t slot, bool shadow_asyncio) {
  static constexpr std::array<const char*, kModuleSlotCount> kStems = {
      "pkg/__init__", "pkg/a", "pkg/b", "main", "pkg/c", "pkg/sub/__init__", "pkg/sub/d"};
  std::string stem = kStems[slot];
  if (slot == 3 && shadow_asyncio) stem = "asyncio";
  llvm::StringRef dotted_ref(stem);
  bool is_package = dotted_ref.consume_back("/__init__");
  std::string dotted = dotted_ref.str();
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  return {stem, dotted, is_package};
}

constexpr std::array<const char*, 8> kNames = {"A", "B", "C", "T", "f", "g", "x", "y"};

constexpr const char* kPrelude =
    "import sys\n"
    "import asyncio\n"
    "from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Protocol, TypeVar, overload\n"
    "from typing import ParamSpec, TypeAlias\n"
    "from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Generator\n";

// Reads the input; past its end every byte is 0.
class ByteReader {
 public:
  explicit ByteReader(llvm::ArrayRef<uint8_t> bytes) : bytes_(bytes) {}
  uint8_t Byte() { return pos_ < bytes_.size() ? bytes_[pos_++] : 0; }
  size_t Pick(size_t n) { return Byte() % n; }
  bool Flip() { return Byte() & 1; }
  llvm::ArrayRef<uint8_t> Rest() const { return bytes_.drop_front(std::min(pos_, bytes_.size())); }

 private:
  llvm::ArrayRef<uint8_t> bytes_;
  size_t pos_ = 0;
};

std::string Parent(llvm::StringRef dotted) {
  size_t dot = dotted.rfind('.');
  return dot == llvm::StringRef::npos ? std::string() : dotted.take_front(dot).str();
}

std::string Last(llvm::StringRef dotted) {
  size_t dot = dotted.rfind('.');
  return dot == llvm::StringRef::npos ? dotted.str() : dotted.drop_front(dot + 1).str();
}

// Writes the statements of one file. Nesting (blocks, bodies, expressions) is bounded by depth.
class FileWriter {
 public:
  FileWriter(ByteReader& in, const std::vector<Module>& modules, size_t self)
      : in_(in), modules_(modules), self_(modules[self]) {}

  std::string Statements(size_t count) {
    for (size_t i = 0; i < count; ++i) Statement(Where::Module, 0, 0);
    return std::move(out_);
  }

 private:
  enum class Where { Module, Class, Function, AsyncFunction };
  static constexpr int kMaxDepth = 3;

  void Line(int indent, const std::string& text) {
    out_.append(static_cast<size_t>(indent) * 4, ' ');
    out_ += text;
    out_ += '\n';
  }

  std::string Name() { return kNames[in_.Pick(kNames.size())]; }
  // Concatenates in order: the elements of a braced list are evaluated left to right (the
  // operands of `+` are not), so every compiler reads the bytes in the same order.
  static std::string Cat(std::initializer_list<std::string> parts) {
    std::string text;
    for (const std::string& part : parts) text += part;
    return text;
  }
  std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

  // A module reference: one of the package's modules, a stdlib module or a missing one.
  std::string TargetModule() {
    size_t pick = in_.Pick(modules_.size() + 2);
    if (pick < modules_.size()) return modules_[pick].dotted;
    return pick == modules_.size() ? "asyncio" : "pkg.nothere";
  }

  // `dotted` spelled relative to this module (`.`, `..a`, `.sub.d`); outside the package (or
  // past its top) the spelling is still relative, which is an error the checker must report.
  std::string Relative(const std::string& dotted) {
    std::string base = self_.is_package ? self_.dotted : Parent(self_.dotted);
    std::string dots = ".";
    while (!base.empty()) {
      if (dotted == base) return dots;
      if (llvm::StringRef(dotted).startswith(base + ".")) return dots + dotted.substr(base.size() + 1);
      base = Parent(base);
      dots += '.';
    }
    return dots + dotted;
  }

  std::string ModuleSpelling(const std::string& dotted) {
    return in_.Flip() ? Relative(dotted) : dotted;
  }

  // An expression naming a module: the alias `import x.y as y` / `from x import y` binds, or
  // the dotted name `import x.y` binds.
  std::string ModuleExpr() {
    std::string dotted = TargetModule();
    return in_.Flip() ? Last(dotted) : dotted;
  }

  std::string QuotedNames() {
    size_t count = in_.Pick(4);
    std::string text;
    for (size_t i = 0; i < count; ++i) {
      if (i) text += ", ";
      std::string name = in_.Pick(8) == 0 ? "nothere" : Name();
      text += Quoted(name);
    }
    return text;
  }

  std::string Expr(int depth) {
    size_t op = in_.Pick(depth >= kMaxDepth ? 6 : 18);
    switch (op) {
      case 0: return std::to_string(in_.Pick(3));
      case 1: return Quoted(Name());
      case 2: {
        static constexpr std::array<const char*, 4> kAtoms = {"None", "True", "...", "b\"x\""};
        return kAtoms[in_.Pick(kAtoms.size())];
      }
      case 3: return Name();
      case 4: return Cat({ModuleExpr(), ".", Name()});
      case 5: return "self." + Name();
      case 6: {
        std::string callee = Expr(depth + 1);
        size_t count = in_.Pick(3);
        std::string args;
        for (size_t i = 0; i < count; ++i) args += (i ? ", " : "") + Expr(depth + 1);
        return callee + "(" + args + ")";
      }
      case 7: return "await " + Expr(depth + 1);
      case 8: return Cat({"(", Expr(depth + 1), ").", Name()});
      case 9: return Cat({Expr(depth + 1), "[", Expr(depth + 1), "]"});
      case 10:
        switch (in_.Pick(3)) {
          case 0: return Cat({"[", Expr(depth + 1), ", ", Expr(depth + 1), "]"});
          case 1: return "(" + Expr(depth + 1) + ",)";
          default: return Cat({"{", Quoted(Name()), ": ", Expr(depth + 1), "}"});
        }
      case 11: return "lambda: " + Expr(depth + 1);
      case 12:
        return Cat({"(", Expr(depth + 1), " if ", Expr(depth + 1), " else ", Expr(depth + 1), ")"});
      case 13:
        switch (in_.Pick(3)) {
          case 0: return Cat({"asyncio.gather(", Expr(depth + 1), ", ", Expr(depth + 1), ")"});
          case 1: return "asyncio.create_task(" + Expr(depth + 1) + ")";
          default: return "asyncio.wait_for(" + Expr(depth + 1) + ", 1)";
        }
      case 14: return ModuleExpr();
      case 15: return Cat({"(", Expr(depth + 1), in_.Flip() ? " | " : " + ", Expr(depth + 1), ")"});
      case 16:
        switch (in_.Pick(3)) {
          case 0: return "[v async for v in " + Expr(depth + 1) + "]";
          case 1: return "[await v for v in " + Expr(depth + 1) + "]";
          default: return "{k: v for k, v in " + Expr(depth + 1) + "}";
        }
      default: return Cat({Name(), "(", Expr(depth + 1), ")"});
    }
  }

  std::string Type(int depth) {
    size_t op = in_.Pick(depth >= kMaxDepth ? 4 : 11);
    switch (op) {
      case 0: return Name();
      case 1: return Cat({ModuleExpr(), ".", Name()});
      case 2: {
        static constexpr std::array<const char*, 6> kBuiltins = {"int", "str", "None", "object",
                                                                  "bytes", "Any"};
        return kBuiltins[in_.Pick(kBuiltins.size())];
      }
      case 3: return Quoted(in_.Flip() ? Name() : Cat({ModuleExpr(), ".", Name()}));
      case 4: {
        static constexpr std::array<const char*, 5> kGenerics = {"list", "type", "tuple",
                                                                 "set", "frozenset"};
        std::string inner = Type(depth + 1);
        return std::string(kGenerics[in_.Pick(kGenerics.size())]) + "[" + inner + "]";
      }
      case 5: return Cat({Type(depth + 1), " | ", Type(depth + 1)});
      case 6:
        switch (in_.Pick(6)) {
          case 0: return "Awaitable[" + Type(depth + 1) + "]";
          case 1: return "Coroutine[Any, Any, " + Type(depth + 1) + "]";
          case 2: return "Generator[Any, None, " + Type(depth + 1) + "]";
          case 3: return "AsyncIterator[" + Type(depth + 1) + "]";
          case 4: return "Callable[..., " + Type(depth + 1) + "]";
          default: return Cat({"Callable[", Name(), ", ", Type(depth + 1), "]"});
        }
      case 7: return Cat({Name(), "[", Type(depth + 1), "]"});
      case 8: return Cat({ModuleExpr(), ".", Name(), "[", Type(depth + 1), "]"});
      case 9: return Cat({in_.Flip() ? "asyncio.Task[" : "asyncio.Future[", Type(depth + 1), "]"});
      default: return "dict[str, " + Type(depth + 1) + "]";
    }
  }

  std::string Params(Where where, int depth) {
    std::vector<std::string> params;
    if (where == Where::Class) params.push_back(in_.Pick(8) == 0 ? "cls" : "self");
    size_t count = in_.Pick(4);
    for (size_t i = 0; i < count; ++i) {
      std::string name = Name();
      switch (in_.Pick(7)) {
        case 0: params.push_back(name); break;
        case 1:
        case 2: params.push_back(name + ": " + Type(depth + 1)); break;
        case 3: params.push_back(Cat({name, ": ", Type(depth + 1), " = ", Expr(depth + 1)})); break;
        case 4: params.push_back("*" + name + ": " + Type(depth + 1)); break;
        case 5: params.push_back("**" + name); break;
        default: params.push_back(in_.Flip() ? "*" : "/"); break;
      }
    }
    std::string text;
    for (size_t i = 0; i < params.size(); ++i) text += (i ? ", " : "") + params[i];
    return text;
  }

  std::string Returns(int depth) { return in_.Pick(4) == 0 ? "" : " -> " + Type(depth + 1); }

  // One to three statements, indented under a block header already written.
  void Body(Where where, int indent, int depth) {
    size_t count = 1 + in_.Pick(3);
    for (size_t i = 0; i < count; ++i) Statement(where, indent, depth);
  }

  void Function(Where where, int indent, int depth, bool is_async, const std::string& name) {
    Line(indent, Cat({is_async ? "async def " : "def ", name, "(", Params(where, depth), ")",
                      Returns(depth), ":"}));
    Body(is_async ? Where::AsyncFunction : Where::Function, indent + 1, depth + 1);
  }

  std::string Bases(int depth) {
    size_t count = in_.Pick(3);
    std::string text;
    for (size_t i = 0; i < count; ++i) {
      if (i) text += ", ";
      switch (in_.Pick(5)) {
        case 0: text += "Generic[" + Name() + "]"; break;
        case 1: text += in_.Flip() ? "Protocol" : "Protocol[" + Name() + "]"; break;
        default: text += Type(depth + 1); break;
      }
    }
    return text.empty() ? text : "(" + text + ")";
  }

  std::string TypeParams(int depth) {
    size_t count = 1 + in_.Pick(2);
    std::string text;
    for (size_t i = 0; i < count; ++i) {
      if (i) text += ", ";
      std::string name = Name();
      switch (in_.Pick(6)) {
        case 0: text += name + ": " + Type(depth + 1); break;
        case 1: text += Cat({name, ": (", Type(depth + 1), ", ", Type(depth + 1), ")"}); break;
        case 2: text += "*" + name; break;
        case 3: text += "**" + name; break;
        case 4: text += name + " = " + Type(depth + 1); break;
        default: text += name; break;
      }
    }
    return text;
  }

  void Statement(Where where, int indent, int depth) {
    auto op = static_cast<Template>(in_.Pick(kTemplateCount));
    bool nested = depth < kMaxDepth;
    switch (op) {
      case Template::ImportModule:
        Line(indent, "import " + TargetModule());
        return;
      case Template::ImportModuleAs: {
        std::string dotted = TargetModule();
        Line(indent, "import " + dotted + " as " + (in_.Flip() ? Name() : Last(dotted)));
        return;
      }
      case Template::FromImportName: {
        std::string text = Cat({"from ", TargetModule(), " import ", Name()});
        if (in_.Flip()) text += " as " + Name();
        Line(indent, text);
        return;
      }
      case Template::FromImportStar:
        Line(indent, "from " + TargetModule() + " import *");
        return;
      case Template::FromImportModule: {
        std::string dotted = TargetModule();
        std::string parent = Parent(dotted);
        if (parent.empty()) {
          Line(indent, in_.Flip() ? "from . import " + dotted : "import " + dotted);
        } else {
          Line(indent, "from " + ModuleSpelling(parent) + " import " + Last(dotted));
        }
        return;
      }
      case Template::RelativeImportName: {
        std::string text = Cat({"from ", Relative(TargetModule()), " import ", Name()});
        if (in_.Flip()) text += ", " + Name();
        Line(indent, text);
        return;
      }
      case Template::RelativeImportStar:
        Line(indent, "from " + Relative(TargetModule()) + " import *");
        return;
      case Template::ImportParenthesized:
        Line(indent, Cat({"from ", ModuleSpelling(TargetModule()), " import (", Name(), ", ", Name(),
                          " as ", Name(), ",)"}));
        return;
      case Template::TypeCheckingBlock: {
        if (!nested) break;
        static constexpr std::array<const char*, 3> kConditions = {
            "if TYPE_CHECKING:", "if not TYPE_CHECKING:", "if typing.TYPE_CHECKING:"};
        size_t condition = in_.Pick(4) % kConditions.size();
        if (condition == 2) Line(indent, "import typing");
        Line(indent, kConditions[condition]);
        Body(where, indent + 1, depth + 1);
        if (in_.Flip()) {
          Line(indent, "else:");
          Body(where, indent + 1, depth + 1);
        }
        return;
      }
      case Template::TryImportBlock:
        if (!nested) break;
        Line(indent, "try:");
        Body(where, indent + 1, depth + 1);
        Line(indent, in_.Flip() ? "except ImportError:" : "except (ImportError, AttributeError):");
        Body(where, indent + 1, depth + 1);
        return;
      case Template::VersionBlock:
        if (!nested) break;
        Line(indent, "if sys.version_info >= (3, " + std::to_string(9 + in_.Pick(6)) + "):");
        Body(where, indent + 1, depth + 1);
        Line(indent, "else:");
        Body(where, indent + 1, depth + 1);
        return;
      case Template::AllAssign:
        Line(indent, in_.Flip() ? "__all__ = [" + QuotedNames() + "]"
                                : "__all__ = (" + QuotedNames() + ",)");
        return;
      case Template::AllAugment:
        Line(indent, "__all__ += [" + QuotedNames() + "]");
        return;
      case Template::AllMethod:
        switch (in_.Pick(4)) {
          case 0: Line(indent, "__all__.extend([" + QuotedNames() + "])"); return;
          case 1: Line(indent, "__all__.append(" + Quoted(Name()) + ")"); return;
          case 2: Line(indent, "__all__.remove(" + Quoted(Name()) + ")"); return;
          default: Line(indent, "__all__ += (" + Quoted(Name()) + ",)"); return;
        }
      case Template::AllFromModule: {
        std::string module = ModuleExpr();
        switch (in_.Pick(5)) {
          case 0: Line(indent, "__all__ += " + module + ".__all__"); return;
          case 1: Line(indent, "__all__.extend(" + module + ".__all__)"); return;
          case 2: Line(indent, "__all__ = " + module + ".__all__ + [" + QuotedNames() + "]"); return;
          case 3: Line(indent, "__all__ = [*" + module + ".__all__, " + QuotedNames() + "]"); return;
          default: Line(indent, "__all__ = list(" + module + ".__all__)"); return;
        }
      }
      case Template::Assign:
        switch (in_.Pick(3)) {
          case 0: Line(indent, Cat({Name(), ", ", Name(), " = ", Expr(depth)})); return;
          case 1: Line(indent, Cat({Name(), " = ", Name(), " = ", Expr(depth)})); return;
          default: Line(indent, Cat({Name(), " = ", Expr(depth)})); return;
        }
      case Template::AnnotatedAssign: {
        std::string target = Name();
        std::string annotation;
        switch (in_.Pick(4)) {
          case 0: annotation = "Final"; break;
          case 1: annotation = "ClassVar[" + Type(depth) + "]"; break;
          default: annotation = Type(depth); break;
        }
        Line(indent, target + ": " + annotation + (in_.Flip() ? " = " + Expr(depth) : ""));
        return;
      }
      case Template::Class:
        if (!nested) break;
        Line(indent, Cat({"class ", Name(), Bases(depth), ":"}));
        Body(Where::Class, indent + 1, depth + 1);
        return;
      case Template::GenericClass: {
        if (!nested) break;
        std::string name = Name();
        Line(indent, Cat({"class ", name, "[", TypeParams(depth), "]", Bases(depth), ":"}));
        Body(Where::Class, indent + 1, depth + 1);
        return;
      }
      case Template::TypeVarDefinition: {
        std::string name = Name();
        switch (in_.Pick(7)) {
          case 0: Line(indent, name + " = TypeVar(" + Quoted(name) + ")"); return;
          case 1: Line(indent, name + " = TypeVar(" + Quoted(name) + ", bound=" + Type(depth) + ")"); return;
          case 2:
            Line(indent, Cat({name, " = TypeVar(", Quoted(name), ", ", Type(depth), ", ", Type(depth), ")"}));
            return;
          case 3: Line(indent, name + " = TypeVar(" + Quoted(name) + ", covariant=True)"); return;
          case 4:
            Line(indent, name + " = TypeVar(" + Quoted(name) + ", bound=" + Quoted(Name()) +
                             ", contravariant=True)");
            return;
          case 5: Line(indent, name + " = ParamSpec(" + Quoted(name) + ")"); return;
          default:
            Line(indent, "from typing import TypeVarTuple");
            Line(indent, name + " = TypeVarTuple(" + Quoted(name) + ")");
            return;
        }
      }
      case Template::TypeStatement: {
        std::string name = Name();
        std::string params = in_.Flip() ? "[" + TypeParams(depth) + "]" : "";
        Line(indent, "type " + name + params + " = " + Type(depth));
        return;
      }
      case Template::TypeAliasAnnotation: {
        std::string name = Name();
        std::string value = Type(depth);
        Line(indent, name + ": TypeAlias = " + (in_.Flip() ? Quoted(value) : value));
        return;
      }
      case Template::ImplicitAlias:
        Line(indent, Cat({Name(), " = ", Type(depth)}));
        return;
      case Template::ProtocolClass: {
        if (!nested) break;
        std::string name = Name();
        Line(indent, "class " + name + (in_.Flip() ? "(Protocol):" : "(Protocol[" + Name() + "]):"));
        bool is_async = in_.Flip();
        Function(Where::Class, indent + 1, depth + 1, is_async, Name());
        if (in_.Flip()) Body(Where::Class, indent + 1, depth + 1);
        return;
      }
      case Template::AsyncFunction:
      case Template::Function: {
        if (!nested) break;
        std::string name = Name();
        Function(where, indent, depth, op == Template::AsyncFunction, name);
        return;
      }
      case Template::ExpressionStatement:
        Line(indent, Expr(depth));
        return;
      case Template::AwaitAssign:
        Line(indent, Cat({Name(), " = await ", Expr(depth)}));
        return;
      case Template::AsyncWithFor: {
        if (!nested) break;
        std::string value = Expr(depth);
        std::string target = Name();
        switch (in_.Pick(4)) {
          case 0: Line(indent, "async with " + value + " as " + target + ":"); break;
          case 1: Line(indent, "async for " + target + " in " + value + ":"); break;
          case 2: Line(indent, "with " + value + " as " + target + ":"); break;
          default: Line(indent, "for " + target + " in " + value + ":"); break;
        }
        Body(where, indent + 1, depth + 1);
        return;
      }
      case Template::Reveal:
        Line(indent, "reveal_type(" + Expr(depth) + ")");
        return;
      case Template::Misc:
        switch (in_.Pick(5)) {
          case 0: Line(indent, "del " + Name()); return;
          case 1: Line(indent, "global " + Name()); return;
          case 2: Line(indent, "nonlocal " + Name()); return;
          case 3: Line(indent, Cat({Name(), " += ", Expr(depth)})); return;
          default: Line(indent, "pass"); return;
        }
      case Template::Decorated: {
        if (!nested) break;
        static constexpr std::array<const char*, 5> kDecorators = {
            "@overload", "@property", "@staticmethod", "@classmethod", "@asyncio.coroutine"};
        size_t pick = in_.Pick(kDecorators.size() + 2);
        if (pick < kDecorators.size()) {
          Line(indent, kDecorators[pick]);
        } else {
          Line(indent, "@" + (pick == kDecorators.size() ? Name() : Cat({ModuleExpr(), ".", Name()})));
        }
        if (in_.Pick(4) == 0) {
          Line(indent, Cat({"class ", Name(), Bases(depth), ":"}));
          Body(Where::Class, indent + 1, depth + 1);
        } else {
          bool is_async = in_.Flip();
          Function(where, indent, depth, is_async, Name());
        }
        return;
      }
      case Template::ReturnYield:
        switch (in_.Pick(5)) {
          case 0: Line(indent, "return " + Expr(depth)); return;
          case 1: Line(indent, "return await " + Expr(depth)); return;
          case 2: Line(indent, "yield " + Expr(depth)); return;
          case 3: Line(indent, "yield from " + Expr(depth)); return;
          default: Line(indent, "return"); return;
        }
      case Template::Narrowing: {
        if (!nested) break;
        std::string subject = Name();
        switch (in_.Pick(4)) {
          case 0: Line(indent, "if isinstance(" + subject + ", " + Type(depth) + "):"); break;
          case 1: Line(indent, "if " + subject + " is None:"); break;
          case 2: Line(indent, "while " + subject + ":"); break;
          default:
            Line(indent, "match " + subject + ":");
            Line(indent + 1, "case " + Name() + "():");
            Body(where, indent + 2, depth + 1);
            return;
        }
        Body(where, indent + 1, depth + 1);
        if (in_.Flip()) {
          Line(indent, "else:");
          Body(where, indent + 1, depth + 1);
        }
        return;
      }
      case Template::AsyncProtocolMember: {
        if (!nested) break;
        std::string type = Type(depth);
        switch (in_.Pick(6)) {
          case 0:
            Line(indent, "def __await__(self) -> Generator[Any, None, " + type + "]:");
            Line(indent + 1, "yield");
            Line(indent + 1, "return " + Expr(depth + 1));
            return;
          case 1: Line(indent, "async def __aenter__(self) -> " + type + ":"); break;
          case 2: Line(indent, "async def __aexit__(self, *args: object) -> " + type + ":"); break;
          case 3: Line(indent, "def __aiter__(self) -> " + type + ":"); break;
          case 4: Line(indent, "async def __anext__(self) -> " + type + ":"); break;
          default: Line(indent, "def __getattr__(self, name: str) -> " + type + ":"); break;
        }
        Body(Where::AsyncFunction, indent + 1, depth + 1);
        return;
      }
      case Template::AttributeAssign:
        switch (in_.Pick(3)) {
          case 0: Line(indent, Cat({"self.", Name(), " = ", Expr(depth)})); return;
          case 1: Line(indent, Cat({"self.", Name(), ": ", Type(depth), " = ", Expr(depth)})); return;
          default: Line(indent, Cat({ModuleExpr(), ".", Name(), " = ", Expr(depth)})); return;
        }
      case Template::kCount:
        break;
    }
    // A block template past the nesting bound.
    Line(indent, "pass");
  }

  ByteReader& in_;
  const std::vector<Module>& modules_;
  const Module& self_;
  std::string out_;
};

}  // namespace

GeneratedPackage DecodePackage(llvm::ArrayRef<uint8_t> bytes) {
  ByteReader in(bytes);
  GeneratedPackage package;
  size_t module_count = 1 + in.Pick(kModuleSlotCount);
  static constexpr std::array<uint8_t, 6> kMinors = {12, 13, 14, 9, 10, 11};
  package.python_version.minor = kMinors[in.Pick(kMinors.size())];
  uint8_t flags = in.Byte();
  bool prelude = !(flags & 1);
  bool shadow_asyncio = flags & 2;
  size_t first_checked = in.Byte();

  std::vector<Module> modules;
  for (size_t slot = 0; slot < module_count; ++slot) modules.push_back(SlotModule(slot, shadow_asyncio));
  for (size_t i = 0; i < modules.size(); ++i) {
    uint8_t header = in.Byte();
    size_t kind = header % 4;  // 0, 1: .py; 2: .pyi; 3: both
    std::string text = prelude ? kPrelude : "";
    text += FileWriter(in, modules, i).Statements(header / 4 % 9);
    package.files.push_back({modules[i].stem + (kind == 2 ? ".pyi" : ".py"), std::move(text)});
    if (kind == 3) {
      std::string stub = prelude ? kPrelude : "";
      stub += FileWriter(in, modules, i).Statements(in.Byte() % 9);
      package.files.push_back({modules[i].stem + ".pyi", std::move(stub)});
    }
  }
  package.first_checked = first_checked % package.files.size();

  // Raw chunks: a file selector byte, then text up to a 0 byte.
  llvm::ArrayRef<uint8_t> rest = in.Rest();
  while (!rest.empty()) {
    size_t file = rest.front() % package.files.size();
    rest = rest.drop_front();
    size_t end = std::find(rest.begin(), rest.end(), 0) - rest.begin();
    package.files[file].text += std::string(rest.begin(), rest.begin() + end);
    package.files[file].text += '\n';
    rest = rest.drop_front(std::min(end + 1, rest.size()));
  }

  package.top_level_names.push_back("pkg");
  if (module_count > 3) package.top_level_names.push_back(modules[3].dotted);
  return package;
}

}  // namespace asynctype::fuzz
