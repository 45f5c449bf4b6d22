// The async protocols, built on ordinary member lookup and calls (no special case for
// coroutines): `await x` calls `type(x).__await__()` and takes the return type `R` of the
// Generator it returns; `yield from` reads `R` the same way; iteration calls `__iter__` then
// `__next__` (async: `__aiter__`, then the awaited `__anext__`).
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/semantics.h"

namespace asynctype {
namespace {

// Calls a dunder with no arguments; None when missing or not callable without arguments.
std::optional<TypeId> CallDunder(Program& program, TypeId object, llvm::StringRef name) {
  Member m = LookupDunder(program, object, name);
  if (!m.type.valid() || m.maybe) return std::nullopt;
  CallOutcome r = CallType(program, m.type, {});
  if (!r.callable || !r.matched) return std::nullopt;
  return r.type;
}

}  // namespace

TypeId GeneratorReturnType(Program& program, TypeId iterator) {
  TypeStore& store = program.types();
  if (store.IsDynamic(iterator)) return iterator;
  if (store.kind(iterator) == TypeKind::Never) return iterator;
  if (store.kind(iterator) == TypeKind::Union) {
    std::vector<TypeId> results;
    for (TypeId m : store.UnionMembers(iterator)) {
      TypeId r = GeneratorReturnType(program, m);
      if (!r.valid()) return TypeId::None();
      results.push_back(r);
    }
    return store.Union(results);
  }
  if (store.kind(iterator) == TypeKind::Instance) {
    ClassId generator = GetKnownClass(program, KnownClass::Generator);
    ResolvedClass(program, store.ClassOf(iterator));
    if (generator.valid()) {
      if (TypeId up = Upcast(store, iterator, generator); up.valid()) {
        auto args = store.TypeArgs(up);
        return args.size() == 3 ? args[2] : store.Unknown();
      }
    }
  }
  // Any other iterator: `yield from` returns whatever StopIteration carries, unknown here.
  if (LookupDunder(program, iterator, "__next__").type.valid()) return store.Unknown();
  return TypeId::None();
}

AwaitResult TryAwait(Program& program, TypeId awaitable) {
  TypeStore& store = program.types();
  AwaitResult result;
  result.type = store.Unknown();
  const TypeKind kind = store.kind(awaitable);
  if (kind == TypeKind::Any || kind == TypeKind::Unknown || kind == TypeKind::Never) {
    result.type = awaitable;
    return result;
  }
  if (kind == TypeKind::TypeVar) {
    const TypeVarInfo& tv = store.typevar(TypeVarTypeView{store, awaitable}.typevar());
    if (!tv.bound.valid()) return result;  // not modelled yet: stay silent
    return TryAwait(program, tv.bound);
  }
  if (kind == TypeKind::Union) {
    std::vector<TypeId> results;
    for (TypeId member : store.UnionMembers(awaitable)) {
      AwaitResult r = TryAwait(program, member);
      if (r.error != AwaitError::None) {
        result.failing_members.push_back(member);
        continue;
      }
      results.push_back(r.type);
    }
    // A union with an Unknown member (e.g. an undeclared attribute before narrowing exists) is
    // not understood well enough to call some members an error.
    bool has_unknown = false;
    for (TypeId member : store.UnionMembers(awaitable)) has_unknown |= store.kind(member) == TypeKind::Unknown;
    if (!result.failing_members.empty() && !has_unknown) {
      result.error = results.empty() ? AwaitError::Missing : AwaitError::PossiblyMissing;
      return result;
    }
    result.failing_members.clear();
    result.type = store.Union(results);
    return result;
  }
  Member method = LookupDunder(program, awaitable, "__await__");
  if (!method.type.valid()) {
    result.error = AwaitError::Missing;
    if (kind == TypeKind::Instance) result.owner = store.ClassOf(awaitable);
    return result;
  }
  if (store.IsDynamic(method.type)) return result;
  result.owner = method.owner;
  result.method = method.type;
  CallOutcome call = CallType(program, method.type, {});
  if (!call.callable) {
    result.error = AwaitError::NotCallable;
    if (store.kind(method.type) == TypeKind::Union) {
      for (TypeId m : store.UnionMembers(method.type)) result.possibly |= CallType(program, m, {}).callable;
    }
    return result;
  }
  if (!call.matched) {
    result.error = AwaitError::NeedsArguments;
    return result;
  }
  TypeId r = GeneratorReturnType(program, call.type);
  if (!r.valid()) {
    result.error = AwaitError::NotIterator;
    result.await_return = call.type;
    return result;
  }
  result.type = r;
  return result;
}

std::optional<GeneratorTypes> GetGeneratorTypes(Program& program, TypeId annotation) {
  TypeStore& store = program.types();
  if (store.IsDynamic(annotation)) return GeneratorTypes{annotation, annotation, annotation};
  if (store.kind(annotation) == TypeKind::Union) {
    std::vector<TypeId> y, s, r;
    for (TypeId m : store.UnionMembers(annotation)) {
      auto g = GetGeneratorTypes(program, m);
      if (!g) continue;
      y.push_back(g->yield_type);
      s.push_back(g->send_type);
      r.push_back(g->return_type);
    }
    if (y.empty()) return std::nullopt;
    return GeneratorTypes{store.Union(y), store.Union(s), store.Union(r)};
  }
  if (store.kind(annotation) != TypeKind::Instance) return std::nullopt;
  // Only the protocols a generator object implements (and the `types` classes themselves) describe
  // one: `str` is iterable, but a generator function annotated `-> str` is an error, not an
  // `Iterable[str]` generator.
  switch (ResolvedClass(program, store.ClassOf(annotation)).known) {
    case KnownClass::Generator: case KnownClass::AsyncGenerator: case KnownClass::Iterator:
    case KnownClass::Iterable: case KnownClass::AsyncIterator: case KnownClass::AsyncIterable:
    case KnownClass::GeneratorType: case KnownClass::AsyncGeneratorType:
      break;
    default:
      return std::nullopt;
  }
  struct Shape {
    KnownClass cls;
    int yield, send, ret;  // argument indices, -1: None
  };
  const Shape shapes[] = {
      {KnownClass::Generator, 0, 1, 2},      {KnownClass::AsyncGenerator, 0, 1, -1},
      {KnownClass::Iterator, 0, -1, -1},     {KnownClass::Iterable, 0, -1, -1},
      {KnownClass::AsyncIterator, 0, -1, -1}, {KnownClass::AsyncIterable, 0, -1, -1},
  };
  for (const Shape& shape : shapes) {
    ClassId cls = GetKnownClass(program, shape.cls);
    if (!cls.valid()) continue;
    TypeId up = Upcast(store, annotation, cls);
    if (!up.valid()) continue;
    auto args = store.TypeArgs(up);
    auto at = [&](int i) { return i >= 0 && i < static_cast<int>(args.size()) ? args[i] : store.None(); };
    return GeneratorTypes{at(shape.yield), at(shape.send), at(shape.ret)};
  }
  return std::nullopt;
}

namespace {

// One iterator `iter(e)` gave: its Generator send and return types, or None / Unknown.
bool AddDelegate(Program& program, TypeId iterator, DelegationTypes& out, std::vector<TypeId>& results) {
  TypeStore& store = program.types();
  if (store.IsDynamic(iterator)) {
    results.push_back(iterator);
    return true;
  }
  if (store.kind(iterator) == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(iterator)) {
      if (!AddDelegate(program, m, out, results)) return false;
    }
    return true;
  }
  if (store.kind(iterator) == TypeKind::Instance) {
    ResolvedClass(program, store.ClassOf(iterator));
    ClassId generator = GetKnownClass(program, KnownClass::Generator);
    if (generator.valid()) {
      if (TypeId up = Upcast(store, iterator, generator); up.valid()) {
        auto args = store.TypeArgs(up);
        if (args.size() != 3) return false;
        results.push_back(args[2]);
        if (!store.IsDynamic(args[1])) out.send_types.push_back(args[1]);
        return true;
      }
    }
  }
  if (!LookupDunder(program, iterator, "__next__").type.valid()) return false;
  results.push_back(store.Unknown());
  out.send_types.push_back(store.None());
  return true;
}

}  // namespace

std::optional<DelegationTypes> GetDelegationTypes(Program& program, TypeId operand) {
  TypeStore& store = program.types();
  DelegationTypes out;
  if (store.IsDynamic(operand) || store.kind(operand) == TypeKind::Never) {
    out.result = operand;
    return out;
  }
  std::vector<TypeId> members;
  if (store.kind(operand) == TypeKind::Union) {
    members.assign(store.UnionMembers(operand).begin(), store.UnionMembers(operand).end());
  } else {
    members.push_back(operand);
  }
  std::vector<TypeId> results;
  for (TypeId m : members) {
    if (store.IsDynamic(m)) {
      results.push_back(m);
      continue;
    }
    if (store.kind(m) == TypeKind::Tuple) {  // a tuple iterator
      results.push_back(store.Unknown());
      out.send_types.push_back(store.None());
      continue;
    }
    std::optional<TypeId> iterator = CallDunder(program, m, "__iter__");
    if (iterator) {
      if (!AddDelegate(program, *iterator, out, results)) return std::nullopt;
      continue;
    }
    // The old sequence protocol: `__getitem__` with int indexes, through a plain iterator.
    if (!LookupDunder(program, m, "__getitem__").type.valid()) return std::nullopt;
    results.push_back(store.Unknown());
    out.send_types.push_back(store.None());
  }
  out.result = store.Union(results);
  return out;
}

std::optional<TypeId> IterationType(Program& program, TypeId iterable, bool is_async) {
  TypeStore& store = program.types();
  if (store.IsDynamic(iterable) || store.kind(iterable) == TypeKind::Never) return iterable;
  if (store.kind(iterable) == TypeKind::Union) {
    std::vector<TypeId> results;
    for (TypeId m : store.UnionMembers(iterable)) {
      auto r = IterationType(program, m, is_async);
      if (!r) return std::nullopt;
      results.push_back(*r);
    }
    return store.Union(results);
  }
  if (!is_async && store.kind(iterable) == TypeKind::Tuple) {
    auto elements = TupleTypeView{store, iterable}.elements();
    return elements.empty() ? store.Never() : store.Union(elements);
  }
  std::optional<TypeId> iterator = CallDunder(program, iterable, is_async ? "__aiter__" : "__iter__");
  if (!iterator) {
    if (is_async) return std::nullopt;
    // The old sequence protocol: `__getitem__` with int indexes.
    Member getitem = LookupDunder(program, iterable, "__getitem__");
    if (!getitem.type.valid()) return std::nullopt;
    CallOutcome r = CallType(program, getitem.type, {Argument{Argument::Kind::Positional, "",
                                                               KnownInstance(program, KnownClass::Int)}});
    return r.type;
  }
  std::optional<TypeId> next = CallDunder(program, *iterator, is_async ? "__anext__" : "__next__");
  if (!next) return std::nullopt;
  if (!is_async) return *next;
  AwaitResult awaited = TryAwait(program, *next);
  if (awaited.error != AwaitError::None) return std::nullopt;
  return awaited.type;
}

NodeId FileInference::EnclosingFunction(NodeId node) {
  ScopeId scope = index_.ScopeOf(node);
  while (scope.valid() && index_.scope(scope).kind == ScopeKind::Comprehension) {
    scope = index_.scope(scope).parent;
  }
  if (!scope.valid() || index_.scope(scope).kind != ScopeKind::Function) return NodeId::None();
  NodeId fn = index_.scope(scope).node;
  return fn.valid() && ast_.kind(fn) == NodeKind::FunctionDef ? fn : NodeId::None();
}

bool FileInference::IsIterableCoroutine(NodeId function_def) {
  FunctionDefView view{ast_, function_def};
  if (view.is_async() || !view.decorators().valid()) return false;
  if (!store_.function(FunctionFor(function_def)).is_generator) return false;
  for (NodeId dec : ast_.children(view.decorators())) {
    TypeId type = ExprType(dec);
    const TypeKind kind = store_.kind(type);
    FunctionId fn;
    if (kind == TypeKind::Function) fn = FunctionTypeView{store_, type}.function();
    if (kind == TypeKind::Overloaded) {
      auto items = OverloadedTypeView{store_, type}.overloads();
      if (!items.empty() && store_.kind(items[0]) == TypeKind::Function) fn = FunctionTypeView{store_, items[0]}.function();
    }
    if (!fn.valid()) continue;
    const FunctionInfo& info = store_.function(fn);
    if (info.name == "coroutine" && program_.resolver().ModuleNameOf(info.file) == "types") return true;
  }
  return false;
}

bool FileInference::DelegatesToCoroutine(NodeId yield_from) {
  NodeId fn = EnclosingFunction(yield_from);
  if (!fn.valid() || !IsIterableCoroutine(fn)) return false;
  TypeId operand = ExprType(YieldFromView{ast_, yield_from}.value());
  ClassId coroutine = GetKnownClass(program_, KnownClass::Coroutine);
  if (!coroutine.valid() || store_.IsDynamic(operand)) return false;
  std::vector<TypeId> members;
  if (store_.kind(operand) == TypeKind::Union) {
    members.assign(store_.UnionMembers(operand).begin(), store_.UnionMembers(operand).end());
  } else {
    members.push_back(operand);
  }
  for (TypeId m : members) {
    if (store_.kind(m) != TypeKind::Instance) return false;
    ResolvedClass(program_, store_.ClassOf(m));
    if (!Upcast(store_, m, coroutine).valid()) return false;
  }
  return true;
}

}  // namespace asynctype
