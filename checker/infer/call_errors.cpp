// Call diagnostics: CallError -> Diagnostic with ty's texts, plus the per-call-site guards that
// keep them precise where the inference is known to be approximate (narrowing forms it does not
// apply, destructuring, members that may differ at run time).
#include "checker/infer/call_errors.h"

#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/asyncio_call_hints.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/node_reads.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

// ---------------------------------------------------------------- places
// A place is an expression narrowing can apply to: a name, or an attribute / subscript chain on
// one (`x`, `self.cb`, `args[0]`). Its key is a normalized text of the chain.
std::optional<std::string> PlaceKey(const Ast& ast, NodeId node) {
  switch (ast.kind(node)) {
    case NodeKind::Name: return ast.str(node).str();
    case NodeKind::Attribute: {
      NodeId attr = AttributeView{ast, node}.attr();
      if (!attr.valid()) return std::nullopt;
      std::optional<std::string> base = PlaceKey(ast, AttributeView{ast, node}.value());
      if (!base) return std::nullopt;
      base->push_back('.');
      base->append(ast.str(attr).data(), ast.str(attr).size());
      return base;
    }
    case NodeKind::Subscript: {
      std::optional<std::string> base = PlaceKey(ast, SubscriptView{ast, node}.value());
      if (!base) return std::nullopt;
      NodeId slice = SubscriptView{ast, node}.slice();
      std::string index = "?";
      if (ast.kind(slice) == NodeKind::IntLiteral && !ast.Has(slice, kBig)) {
        index = std::to_string(ast.int_value(slice));
      } else if (ast.kind(slice) == NodeKind::StringLiteral && !ast.Has(slice, kFString)) {
        index.assign(1, '\'');
        index.append(ast.str(slice).data(), ast.str(slice).size());
        index.push_back('\'');
      } else if (std::optional<std::string> key = PlaceKey(ast, slice)) {
        index = *key;
      }
      base->push_back('[');
      base->append(index);
      base->push_back(']');
      return base;
    }
    default: return std::nullopt;
  }
}

// The object a place chain continues from (`x` in `x.a`, `x[0]`).
NodeId PlaceBase(const Ast& ast, NodeId node) {
  return ast.kind(node) == NodeKind::Attribute ? AttributeView{ast, node}.value() : SubscriptView{ast, node}.value();
}

// Every maximal place inside `node` (`isinstance(self.x, int)` -> `isinstance`, `self.x`, `int`),
// plus the places used as subscript indexes.
void CollectPlaces(const Ast& ast, NodeId node, std::vector<std::string>* out) {
  if (!node.valid()) return;
  if (std::optional<std::string> key = PlaceKey(ast, node)) {
    out->push_back(std::move(*key));
    for (NodeId n = node; ast.kind(n) == NodeKind::Attribute || ast.kind(n) == NodeKind::Subscript;
         n = PlaceBase(ast, n)) {
      if (ast.kind(n) == NodeKind::Subscript) CollectPlaces(ast, SubscriptView{ast, n}.slice(), out);
    }
    return;
  }
  if (ast.kind(node) == NodeKind::Identifier) return;
  for (NodeId child : ast.children(node)) CollectPlaces(ast, child, out);
}

// A place the inference narrows on: a name or a one-level attribute (`x`, `self.cb`).
bool NarrowablePlace(const Ast& ast, NodeId node) {
  if (ast.kind(node) == NodeKind::Name) return true;
  if (ast.kind(node) == NodeKind::NamedExpr) return true;
  return ast.kind(node) == NodeKind::Attribute && AttributeView{ast, node}.attr().valid() &&
         ast.kind(AttributeView{ast, node}.value()) == NodeKind::Name;
}

bool IsLiteralNode(const Ast& ast, NodeId node) {
  switch (ast.kind(node)) {
    case NodeKind::NoneLiteral:
    case NodeKind::BoolLiteral:
    case NodeKind::IntLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::EllipsisLiteral:
      return true;
    default:
      return false;
  }
}

// The places of a condition whose narrowing the inference does not apply. It narrows names and
// one-level attributes on truthiness, `is` / `is not` / `==` / `!=` against literals and places,
// `isinstance` / `issubclass`, and `not` / `and` / `or` of those; any other test (`hasattr`,
// `type(x) is C`, `in`, user-defined type guards, subscripts, deeper attributes) may narrow in
// ways it does not see.
void CollectUnhandledPlaces(const Ast& ast, NodeId test, std::vector<std::string>* out) {
  if (!test.valid()) return;
  switch (ast.kind(test)) {
    case NodeKind::BoolOp:
      CollectUnhandledPlaces(ast, BoolOpView{ast, test}.left(), out);
      CollectUnhandledPlaces(ast, BoolOpView{ast, test}.right(), out);
      return;
    case NodeKind::UnaryOp:
      if (static_cast<UnaryOperator>(ast.node(test).data) == UnaryOperator::Not) {
        CollectUnhandledPlaces(ast, UnaryOpView{ast, test}.operand(), out);
        return;
      }
      break;
    case NodeKind::Name:
      return;
    case NodeKind::NamedExpr:
      CollectPlaces(ast, NamedExprView{ast, test}.value(), out);
      return;
    case NodeKind::Attribute:
      if (NarrowablePlace(ast, test)) return;
      break;
    case NodeKind::Compare: {
      auto ops = ast.compare_ops(test);
      if (ops.size() == 1 && (ops[0] == CompareOp::Is || ops[0] == CompareOp::IsNot ||
                              ops[0] == CompareOp::Eq || ops[0] == CompareOp::NotEq)) {
        CompareView compare{ast, test};
        NodeId left = compare.left(), right = NthOrNone(compare.comparators(), 0);
        auto simple = [&](NodeId side) {
          return side.valid() && (NarrowablePlace(ast, side) || IsLiteralNode(ast, side));
        };
        if (simple(left) && simple(right)) return;
      }
      break;
    }
    case NodeKind::Call: {
      NodeId func = CallView{ast, test}.func();
      auto args = CallView{ast, test}.args();
      if (ast.kind(func) == NodeKind::Name &&
          (ast.str(func) == "isinstance" || ast.str(func) == "issubclass") && args.size() == 2 &&
          NarrowablePlace(ast, args[0])) {
        return;
      }
      break;
    }
    default:
      break;
  }
  CollectPlaces(ast, test, out);
}

// The places tested anywhere under `node`: all of them (`all`), and those tested by conditions
// whose narrowing the inference does not apply (`unhandled`): unhandled forms in `if` / `elif` /
// `while` / `assert` / conditional expressions / `and` / `or`, and every condition of
// comprehensions and `match` statements (not narrowed).
struct TestedPlaces {
  llvm::StringSet<> all, unhandled;
};

void CollectTestedPlaces(const Ast& ast, NodeId node, TestedPlaces* out) {
  if (!node.valid()) return;
  std::vector<std::string> unhandled;
  std::vector<NodeId> tests;
  switch (ast.kind(node)) {
    case NodeKind::If:
    case NodeKind::While:
    case NodeKind::Assert: {
      NodeId test = ast.kind(node) == NodeKind::If      ? IfView{ast, node}.test()
                    : ast.kind(node) == NodeKind::While ? WhileView{ast, node}.test()
                                                        : AssertView{ast, node}.test();
      CollectUnhandledPlaces(ast, test, &unhandled);
      tests.push_back(test);
      break;
    }
    case NodeKind::IfExp:
      CollectUnhandledPlaces(ast, IfExpView{ast, node}.test(), &unhandled);
      tests.push_back(IfExpView{ast, node}.test());
      break;
    case NodeKind::BoolOp:
      CollectUnhandledPlaces(ast, BoolOpView{ast, node}.left(), &unhandled);
      CollectUnhandledPlaces(ast, BoolOpView{ast, node}.right(), &unhandled);
      tests.push_back(BoolOpView{ast, node}.left());
      tests.push_back(BoolOpView{ast, node}.right());
      break;
    case NodeKind::Match:
      CollectPlaces(ast, MatchView{ast, node}.subject(), &unhandled);
      break;
    case NodeKind::Comprehension:
      for (NodeId cond : ComprehensionView{ast, node}.ifs()) CollectPlaces(ast, cond, &unhandled);
      break;
    case NodeKind::MatchCase:
      CollectPlaces(ast, MatchCaseView{ast, node}.guard(), &unhandled);
      break;
    default: break;
  }
  std::vector<std::string> all = unhandled;
  for (NodeId test : tests) CollectPlaces(ast, test, &all);
  for (std::string& p : unhandled) out->unhandled.insert(p);
  for (std::string& p : all) out->all.insert(p);
  for (NodeId child : ast.children(node)) CollectTestedPlaces(ast, child, out);
}

// The place nodes inside `node` (as CollectPlaces, but the nodes).
void CollectPlaceNodes(const Ast& ast, NodeId node, std::vector<NodeId>* out) {
  if (!node.valid()) return;
  if (PlaceKey(ast, node)) {
    out->push_back(node);
    for (NodeId n = node; ast.kind(n) == NodeKind::Attribute || ast.kind(n) == NodeKind::Subscript;
         n = PlaceBase(ast, n)) {
      if (ast.kind(n) == NodeKind::Subscript) CollectPlaceNodes(ast, SubscriptView{ast, n}.slice(), out);
    }
    return;
  }
  if (ast.kind(node) == NodeKind::Identifier) return;
  for (NodeId child : ast.children(node)) CollectPlaceNodes(ast, child, out);
}

// Whether narrowing a tested place `tested` can change the type of place `place`: it is the
// place itself or a prefix of it (`self.x` for `self.x.y`, `x` for `x[0]`).
bool Covers(llvm::StringRef tested, llvm::StringRef place) {
  if (!place.startswith(tested)) return false;
  if (place.size() == tested.size()) return true;
  char next = place[tested.size()];
  return next == '.' || next == '[';
}

// `@overload` definitions followed by at most one implementation: one overloaded function.
// (The index counts the `@overload` definitions by the decorator's name.)
bool IsOverloadSeries(const Ast& ast, const SemanticIndex& index, const Symbol& symbol) {
  return symbol.only_functions && symbol.definitions.size() - symbol.overloads <= 1;
}

class CallSite {
 public:
  CallSite(Program& program, FileInference& inference, NodeId call)
      : program_(program), inference_(inference), ast_(inference.ast()), index_(inference.index()),
        call_(call) {}

  // Whether the type of `expr` is one the checker can vouch for at this call.
  bool Trustworthy(NodeId expr) { return !MayBeNarrowed(expr) && !Uncertain(expr, 0); }

 private:
  // Whether the inferred type of `expr` may be wrong because the inference does not follow
  // something yet: assignments from nested scopes, destructuring, slices, members that
  // subclasses may change or that a module or class binds several times, `super()`, attributes
  // of metaclass instances. A name bound by an assignment is as certain as the assigned value.
  bool Uncertain(NodeId expr, int depth) {
    if (!expr.valid()) return false;
    if (depth > 4) return true;
    switch (ast_.kind(expr)) {
      case NodeKind::Identifier:
      case NodeKind::Lambda:
        return false;
      case NodeKind::Name:
        return UncertainName(expr, depth);
      case NodeKind::Attribute:
        if (UncertainAttribute(expr)) return true;
        break;
      case NodeKind::Subscript:
        // The inference does not pass slices to `__getitem__` yet.
        if (ast_.kind(SubscriptView{ast_, expr}.slice()) == NodeKind::Slice) return true;
        break;
      case NodeKind::Call: {
        // A class whose construction the checker does not model may return anything
        // (`Enum("Color", "RED")`, `NamedTuple("P", [...])` create classes).
        TypeId callee = inference_.ExprType(CallView{ast_, expr}.func());
        if (program_.types().kind(callee) == TypeKind::ClassLiteral && HasUnmodelledPart(program_, callee)) {
          return true;
        }
        break;
      }
      case NodeKind::BinOp: {
        // Operators on classes go to the metaclass (`c_char * 4`), which the inference skips.
        TypeKind left = program_.types().kind(inference_.ExprType(BinOpView{ast_, expr}.left()));
        if (left == TypeKind::ClassLiteral || left == TypeKind::SubclassOf) return true;
        break;
      }
      default:
        break;
    }
    for (NodeId child : ast_.children(expr)) {
      if (Uncertain(child, depth)) return true;
    }
    return false;
  }

  bool UncertainName(NodeId name, int depth) {
    ScopeId scope = index_.ScopeOf(name);
    if (!scope.valid()) return true;
    SemanticIndex::Resolution res = index_.ResolveName(scope, ast_.str(name), ast_.range(name).start,
                                                       index_.InLoop(name), /*public_view=*/false);
    if (res.kind == SemanticIndex::Resolution::Kind::Found && res.scope == index_.module_scope() &&
        HasUnresolvedStarImport()) {
      return true;
    }
    for (DefinitionId d : res.definitions) {
      const Definition& def = index_.definition(d);
      const Symbol& symbol = index_.symbol(def.symbol);
      // Assignments from nested scopes (`global` / `nonlocal`) are not followed by the flow,
      // and the type a name of an enclosing scope has seen from inside a function is not
      // always the union of its bindings yet (`try` / `except` / `else`).
      if (!symbol.nested_definitions.empty()) return true;
      if (res.scope != scope && symbol.definitions.size() > 1 && !IsOverloadSeries(ast_, index_, symbol)) {
        return true;
      }
      switch (def.kind) {
        case DefinitionKind::Assignment: {
          bool simple = false;
          for (NodeId target : AssignView{ast_, def.node}.targets()) simple |= target == def.target;
          if (!simple || Uncertain(AssignView{ast_, def.node}.value(), depth + 1)) return true;
          break;
        }
        case DefinitionKind::NamedExpr:
          if (Uncertain(NamedExprView{ast_, def.node}.value(), depth + 1)) return true;
          break;
        case DefinitionKind::ForTarget:
          if (ForView{ast_, def.node}.target() != def.target) return true;  // destructuring
          break;
        case DefinitionKind::Comprehension:
          if (ComprehensionView{ast_, def.node}.target() != def.target) return true;  // destructuring
          break;
        case DefinitionKind::WithTarget:
          if (WithItemView{ast_, def.node}.optional_vars() != def.target) return true;
          break;
        case DefinitionKind::ImportFrom:
          if (ImportedNameUncertain(def)) return true;
          break;
        default:
          break;
      }
    }
    return false;
  }

  // `from m import x` where `m` binds `x` several times.
  bool ImportedNameUncertain(const Definition& def) {
    NodeId stmt = def.statement;
    if (ast_.kind(stmt) != NodeKind::ImportFrom) return false;
    NodeId module_node = ImportFromView{ast_, stmt}.module();
    std::string module_name = module_node.valid() ? ast_.str(module_node).str() : "";
    unsigned level = ast_.node(stmt).data;
    if (level > 0) module_name = program_.resolver().ResolveRelative(inference_.file(), level, module_name);
    NodeId member = AliasView{ast_, def.node}.name();
    if (!member.valid()) return false;
    ModuleId module = program_.resolver().Resolve(module_name);
    if (!module.valid()) return false;
    return ModuleSymbolUncertain(module, ast_.str(member));
  }

  bool ModuleSymbolUncertain(ModuleId module, llvm::StringRef name) {
    FileId file = program_.modules()[module].file;
    if (!file.valid()) return false;
    FileInference& inference = program_.inference(file);
    const SemanticIndex& index = inference.index();
    SymbolId symbol = index.LookupSymbol(index.module_scope(), name);
    if (!symbol.valid()) return false;
    const Symbol& sym = index.symbol(symbol);
    if (!sym.nested_definitions.empty()) return true;
    return sym.definitions.size() > 1 && !IsOverloadSeries(inference.ast(), index, sym);
  }

  // `receiver.name` where the member may not be what the inference found.
  bool UncertainAttribute(NodeId attr) {
    NodeId name_node = AttributeView{ast_, attr}.attr();
    if (!name_node.valid()) return true;
    llvm::StringRef name = ast_.str(name_node);
    TypeStore& store = program_.types();
    TypeId receiver = inference_.ExprType(AttributeView{ast_, attr}.value());
    std::vector<TypeId> receivers = {receiver};
    if (store.kind(receiver) == TypeKind::Union) {
      auto members = store.UnionMembers(receiver);
      receivers.assign(members.begin(), members.end());
    }
    for (TypeId r : receivers) {
      TypeKind k = store.kind(r);
      if (k == TypeKind::Module) {
        if (ModuleSymbolUncertain(ModuleTypeView{store, r}.module(), name)) return true;
        continue;
      }
      if (k != TypeKind::Instance && k != TypeKind::ClassLiteral) continue;
      const ClassInfo& info = ResolvedClass(program_, store.ClassOf(r));
      if (k == TypeKind::Instance) {
        if (info.name == "super" && info.module == "builtins") return true;
        // An instance of a metaclass is a class: its attributes are the class's own.
        ClassId type_cls = GetKnownClass(program_, KnownClass::Type);
        for (TypeId entry : info.mro) {
          if (store.ClassOf(entry) == type_cls) return true;
        }
      }
      Member m = LookupMember(program_, r, name);
      if (m.type.valid() && m.owner.valid() && UndeclaredInClass(m.owner, name)) return true;
      if (m.type.valid() && IsDescriptor(m.type)) return true;
    }
    return false;
  }

  // An object whose class defines `__get__`: as a class attribute, reading it calls `__get__`,
  // which the inference does not apply yet.
  bool IsDescriptor(TypeId type) {
    TypeStore& store = program_.types();
    std::vector<TypeId> members = {type};
    if (store.kind(type) == TypeKind::Union) {
      auto m = store.UnionMembers(type);
      members.assign(m.begin(), m.end());
    }
    for (TypeId m : members) {
      if (store.kind(m) == TypeKind::Instance && LookupDunder(program_, m, "__get__").type.valid()) return true;
    }
    return false;
  }

  // The module has a `from m import *` whose module cannot be found: any of its global names
  // may come from there.
  bool HasUnresolvedStarImport() {
    if (unresolved_star_) return *unresolved_star_;
    unresolved_star_ = false;
    SymbolId star = index_.LookupSymbol(index_.module_scope(), "*");
    if (!star.valid()) return false;
    for (DefinitionId d : index_.symbol(star).definitions) {
      NodeId stmt = index_.definition(d).node;
      if (ast_.kind(stmt) != NodeKind::ImportFrom) continue;
      NodeId module_node = ImportFromView{ast_, stmt}.module();
      std::string module_name = module_node.valid() ? ast_.str(module_node).str() : "";
      unsigned level = ast_.node(stmt).data;
      if (level > 0) module_name = program_.resolver().ResolveRelative(inference_.file(), level, module_name);
      if (!program_.resolver().Resolve(module_name).valid()) unresolved_star_ = true;
    }
    return *unresolved_star_;
  }

  // The class body of `owner` binds `name` only by plain assignments (no annotation, def or
  // class statement; ty sees `Unknown | T` there, as subclasses may assign anything), or binds
  // it several times (a property and its setter, definitions on several branches).
  bool UndeclaredInClass(ClassId owner, llvm::StringRef name) {
    const ClassInfo& info = program_.types().cls(owner);
    FileInference& inference = program_.inference(info.file);
    const SemanticIndex& index = inference.index();
    ScopeId scope = index.ScopeOpenedBy(info.node);
    if (!scope.valid()) return false;
    SymbolId symbol = index.LookupSymbol(scope, name);
    if (!symbol.valid()) return false;  // an instance attribute: `Unknown | ...` unless declared
    const Symbol& sym = index.symbol(symbol);
    if (sym.definitions.size() > 1 && !IsOverloadSeries(inference.ast(), index, sym)) return true;
    for (DefinitionId d : sym.definitions) {
      DefinitionKind kind = index.definition(d).kind;
      if (kind == DefinitionKind::AnnAssignment || kind == DefinitionKind::Function ||
          kind == DefinitionKind::Class) {
        return false;
      }
    }
    return true;
  }

  // Some place inside `expr` is tested by a condition of the enclosing function(s) in a way the
  // inference does not narrow on. It narrows only names bound in the scope of the use: a place
  // rooted in a global or a closure variable is not narrowed by any test.
  bool MayBeNarrowed(NodeId expr) {
    std::vector<NodeId> places;
    CollectPlaceNodes(ast_, expr, &places);
    if (places.empty()) return false;
    const TestedPlaces& tested = Tested();
    for (NodeId place : places) {
      std::string key = *PlaceKey(ast_, place);
      NodeId root = place;
      while (ast_.kind(root) == NodeKind::Attribute || ast_.kind(root) == NodeKind::Subscript) {
        root = PlaceBase(ast_, root);
      }
      const llvm::StringSet<>& relevant = IsLocal(root) ? tested.unhandled : tested.all;
      for (const auto& entry : relevant) {
        if (Covers(entry.getKey(), key)) return true;
      }
    }
    return false;
  }

  // A Name use resolved to a binding of its own scope.
  bool IsLocal(NodeId name) {
    ScopeId scope = index_.ScopeOf(name);
    if (!scope.valid()) return false;
    SemanticIndex::Resolution res = index_.ResolveName(scope, ast_.str(name), ast_.range(name).start,
                                                       index_.InLoop(name), /*public_view=*/false);
    return res.kind == SemanticIndex::Resolution::Kind::Found && res.scope == scope;
  }

  // Tested places of the outermost function enclosing the call (it contains the inner ones),
  // or of the class body / module when the call is not in a function.
  const TestedPlaces& Tested() {
    if (tested_) return *tested_;
    tested_.emplace();
    NodeId root;
    for (ScopeId s = index_.ScopeOf(call_); s.valid(); s = index_.scope(s).parent) {
      const Scope& scope = index_.scope(s);
      if (scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Lambda) {
        root = scope.node;
      } else if ((scope.kind == ScopeKind::Class || scope.kind == ScopeKind::Module) && !root.valid()) {
        root = scope.node;
      }
      if (scope.kind == ScopeKind::Class || scope.kind == ScopeKind::Module) {
        if (root.valid()) break;
      }
    }
    if (!root.valid()) root = ast_.root();
    CollectTestedPlaces(ast_, root, &*tested_);
    return *tested_;
  }

  Program& program_;
  FileInference& inference_;
  const Ast& ast_;
  const SemanticIndex& index_;
  NodeId call_;
  std::optional<TestedPlaces> tested_;
  std::optional<bool> unresolved_star_;
};

// ---------------------------------------------------------------- messages
std::string CalleeText(const CallError& e) {
  switch (e.callee) {
    case CallError::Callee::None: return "";
    case CallError::Callee::Function: return "function `" + e.callee_name + "`";
    case CallError::Callee::BoundMethod: return "bound method `" + e.callee_name + "`";
    case CallError::Callee::Class: return "class `" + e.callee_name + "`";
  }
  llvm_unreachable("every CallError::Callee is handled");
}

// The `info:` lines naming the overload that came closest (CallError::closest) and the argument
// it rejects: "Overload 2 of 3 came closest: `(x: int) -> str`" / "Its argument 1 (`coros`)
// expects `T`, found `U`".
void AddClosestOverload(FileInference& inference, llvm::ArrayRef<NodeId> arguments, const CallError& e,
                        Diagnostic& d) {
  if (e.closest < 0 || static_cast<size_t>(e.closest) >= e.overloads.size()) return;
  if (!e.closest_expected.valid() || !e.closest_actual.valid()) return;
  const Ast& ast = inference.ast();
  d.infos.push_back("Overload " + std::to_string(e.closest + 1) + " of " + std::to_string(e.overloads.size()) +
                    " came closest: `" + inference.Display(e.overloads[e.closest]) + "`");
  std::string argument;
  if (e.closest_argument >= 0 && static_cast<size_t>(e.closest_argument) < arguments.size()) {
    NodeId arg = arguments[e.closest_argument];
    argument = "argument " + std::to_string(e.closest_argument + 1);
    if (ast.kind(arg) == NodeKind::Keyword) {
      argument = "argument `" + ast.str(arg).str() + "`";
    } else if (ast.kind(arg) == NodeKind::Name) {
      argument += " (`" + ast.str(arg).str() + "`)";
    }
  } else {
    argument = "an argument";
  }
  d.infos.push_back("It rejects " + argument + ": expected `" + inference.Display(e.closest_expected) + "`, found `" +
                    inference.Display(e.closest_actual) + "`");
}

std::string Of(const CallError& e) {
  std::string callee = CalleeText(e);
  return callee.empty() ? "" : " of " + callee;
}

std::string To(const CallError& e) {
  std::string callee = CalleeText(e);
  return callee.empty() ? "" : " to " + callee;
}

std::string Quoted(llvm::ArrayRef<std::string> names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += "`" + name + "`";
  }
  return out;
}

// `call-non-callable` is left to cases the inference gets right: not a module reached as an
// attribute or without a file (a name missing from a module resolves to an untyped submodule), not a union with
// callable members (`a and f or g` and narrowing make impossible members), not an unannotated
// first parameter (assumed to be `self`), not one of typing's special forms.
bool NotCallableCertain(Program& program, FileInference& inference, NodeId call, const CallError& e) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  TypeStore& store = program.types();
  NodeId func = CallView{ast, call}.func();
  if (store.kind(e.actual) == TypeKind::Module) {
    if (ast.kind(func) != NodeKind::Name) return false;
    if (!program.modules()[ModuleTypeView{store, e.actual}.module()].file.valid()) return false;  // untyped
  }
  TypeId callee = inference.ExprType(func);
  if (store.kind(callee) == TypeKind::Union && callee != e.actual) return false;
  auto typing_module = [](llvm::StringRef name) { return name == "typing" || name == "typing_extensions"; };
  if (ast.kind(func) == NodeKind::Attribute) {
    TypeId receiver = inference.ExprType(AttributeView{ast, func}.value());
    if (store.kind(receiver) == TypeKind::Module &&
        typing_module(program.modules()[ModuleTypeView{store, receiver}.module()].name)) {
      return false;
    }
  }
  if (ast.kind(func) == NodeKind::Name) {
    ScopeId scope = index.ScopeOf(func);
    if (!scope.valid()) return false;
    SemanticIndex::Resolution res = index.ResolveName(scope, ast.str(func), ast.range(func).start,
                                                      index.InLoop(func), /*public_view=*/false);
    for (DefinitionId d : res.definitions) {
      const Definition& def = index.definition(d);
      if (def.kind == DefinitionKind::Parameter && !ParameterView{ast, def.node}.annotation().valid()) return false;
      // typing's special forms (`TypedDict("T", {...})`) are declared as plain objects.
      if (def.kind == DefinitionKind::ImportFrom && ast.kind(def.statement) == NodeKind::ImportFrom) {
        NodeId module = ImportFromView{ast, def.statement}.module();
        if (module.valid() && typing_module(ast.str(module))) return false;
      }
    }
  }
  return true;
}

}  // namespace

void ReportCallErrors(Program& program, FileInference& inference, NodeId call,
                      llvm::ArrayRef<CallError> errors) {
  if (errors.empty()) return;
  const Ast& ast = inference.ast();
  auto arguments = CallView{ast, call}.args();
  CallSite site(program, inference, call);
  // The expression an argument node passes (`x` of `k=x`, `*x`).
  auto value_of = [&](NodeId arg) {
    if (ast.kind(arg) == NodeKind::Keyword) return KeywordView{ast, arg}.value();
    return ast.kind(arg) == NodeKind::Starred ? StarredView{ast, arg}.value() : arg;
  };
  // Every error depends on what the callee is.
  if (!site.Trustworthy(CallView{ast, call}.func())) return;
  for (const CallError& e : errors) {
    TextRange range = ast.range(call);
    if (e.argument >= 0) {
      if (static_cast<size_t>(e.argument) >= arguments.size()) continue;
      range = ast.range(arguments[e.argument]);
    }
    switch (e.kind) {
      case CallError::Kind::NotCallable:
        if (!NotCallableCertain(program, inference, call, e)) break;
        inference.Report(MakeDiagnostic(Rule::CallNonCallable, inference.file(), range,
                                        "Object of type `" + inference.Display(e.actual) + "` is not callable"));
        break;
      case CallError::Kind::MissingArguments: {
        std::string message = e.parameters.size() == 1
                                  ? "No argument provided for required parameter " + Quoted(e.parameters)
                                  : "No arguments provided for required parameters " + Quoted(e.parameters);
        inference.Report(MakeDiagnostic(Rule::MissingArgument, inference.file(), range, message + Of(e)));
        break;
      }
      case CallError::Kind::TooManyPositional:
        inference.Report(MakeDiagnostic(Rule::TooManyPositionalArguments, inference.file(), range,
                                        "Too many positional arguments" + To(e) + ": expected " +
                                            std::to_string(e.expected_count) + ", got " +
                                            std::to_string(e.provided_count)));
        break;
      case CallError::Kind::UnknownArgument:
        inference.Report(MakeDiagnostic(Rule::UnknownArgument, inference.file(), range,
                                        "Argument " + Quoted(e.parameters) +
                                            " does not match any known parameter" + Of(e)));
        break;
      case CallError::Kind::ParameterAlreadyAssigned:
        inference.Report(MakeDiagnostic(Rule::ParameterAlreadyAssigned, inference.file(), range,
                                        "Multiple values provided for parameter " + Quoted(e.parameters) +
                                            Of(e)));
        break;
      case CallError::Kind::InvalidArgumentType: {
        if (!e.expected.valid() || !e.actual.valid()) break;
        // A union of which some member fits: narrowing (not modelled yet) usually removes the
        // others before such a call.
        if (e.union_partially_fits) break;
        if (!site.Trustworthy(value_of(arguments[e.argument]))) break;
        Diagnostic d = MakeDiagnostic(Rule::InvalidArgumentType, inference.file(), range,
                                      "Argument" + To(e) + " is incorrect");
        d.primary_message = "Expected `" + inference.Display(e.expected) + "`, found `" +
                            inference.Display(e.actual) + "`";
        if (auto hint = DidYouMeanToCall(inference, e.actual, e.expected)) d.infos.push_back(std::move(*hint));
        if (auto hint = DidYouForgetAwait(inference, e.actual, e.expected)) d.infos.push_back(std::move(*hint));
        inference.Report(std::move(d));
        break;
      }
      case CallError::Kind::NoMatchingOverload: {
        bool trusted = true;
        for (NodeId arg : arguments) trusted = trusted && site.Trustworthy(value_of(arg));
        if (!trusted) break;
        Diagnostic d = MakeDiagnostic(Rule::NoMatchingOverload, inference.file(), range,
                                      "No overload" + Of(e) + " matches arguments");
        AddClosestOverload(inference, arguments, e, d);
        for (std::string& hint : AsyncioCallHints(inference, call)) d.infos.push_back(std::move(hint));
        inference.Report(std::move(d));
        break;
      }
    }
  }
}

std::optional<std::string> DidYouMeanToCall(FileInference& inference, TypeId actual, TypeId expected) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  if (!actual.valid() || !expected.valid()) return std::nullopt;
  TypeId fn = actual;
  if (store.kind(fn) == TypeKind::BoundMethod) fn = BoundMethodTypeView{store, fn}.function();
  if (store.kind(fn) != TypeKind::Function) return std::nullopt;
  if (HasDynamicPart(store, expected)) return std::nullopt;
  CallOutcome call = CallTypeChecked(program, actual, {});
  if (!call.callable || !call.matched || !call.type.valid() || HasUnknownMember(store, call.type)) return std::nullopt;
  if (!IsAssignable(program, call.type, expected)) return std::nullopt;
  const std::string& name = store.function(FunctionTypeView{store, fn}.function()).name;
  return "Did you mean to call it? `" + name + "()` returns `" + inference.Display(call.type) + "`";
}

std::optional<std::string> DidYouForgetAwait(FileInference& inference, TypeId actual, TypeId expected) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  if (!actual.valid() || !expected.valid() || store.kind(actual) != TypeKind::Instance) return std::nullopt;
  if (HasDynamicPart(store, expected) || HasUnknownMember(store, actual)) return std::nullopt;
  AwaitResult awaited = TryAwait(program, actual);
  if (awaited.error != AwaitError::None || !awaited.type.valid() || HasUnknownMember(store, awaited.type) ||
      store.IsDynamic(awaited.type)) {
    return std::nullopt;
  }
  if (!IsAssignable(program, awaited.type, expected)) return std::nullopt;
  return "`" + inference.Display(actual) + "` is awaitable: did you forget `await`?";
}

}  // namespace asynctype
