#include "checker/check/async_checks.h"

#include <string>
#include <vector>

#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/certainty.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/node_reads.h"
#include "checker/infer/semantics.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

// ---------------------------------------------------------------- calling a dunder

// How calling a dunder method on an object went, in the categories ty distinguishes.
enum class DunderState : uint8_t {
  Ok,
  Missing,              // no member of that name on the type
  PossiblyMissing,      // missing on some members of a union
  NotCallable,          // the attribute is not callable
  PossiblyNotCallable,  // callable on some members of a union only
  BadSignature,         // callable, but not with these arguments
  Uncertain,            // the call failed, but the call checker does not trust its own verdict
};

struct DunderCall {
  DunderState state = DunderState::Ok;
  TypeId method;  // the attribute's type (None when missing)
  TypeId result;  // the call's return type (Ok, PossiblyMissing, BadSignature)
  bool single = true;               // the attribute is not a union of callables
  std::vector<TypeId> unbound_on;   // PossiblyMissing: the union members lacking the attribute

  bool failed() const { return state != DunderState::Ok; }
  bool call_error() const {
    return state == DunderState::NotCallable || state == DunderState::PossiblyNotCallable ||
           state == DunderState::BadSignature;
  }
};

DunderCall CallDunder(Program& program, TypeId object, llvm::StringRef name, llvm::ArrayRef<Argument> args) {
  TypeStore& store = program.types();
  DunderCall call;
  Member member = LookupDunder(program, object, name);
  if (!member.type.valid()) {
    call.state = DunderState::Missing;
    return call;
  }
  call.method = member.type;
  if (store.IsDynamic(member.type)) {
    call.result = member.type;
    return call;
  }
  CallOutcome outcome = CheckCall(program, member.type, args);
  call.result = outcome.type;
  call.single = store.kind(member.type) != TypeKind::Union;
  if (member.maybe) {
    call.state = DunderState::PossiblyMissing;
    for (TypeId m : store.UnionMembers(object)) {
      if (!LookupDunder(program, m, name).type.valid()) call.unbound_on.push_back(m);
    }
    return call;
  }
  if (outcome.callable && outcome.matched) return call;
  bool reported_not_callable = false, reported_other = false;
  for (const CallError& e : outcome.errors) {
    if (e.kind == CallError::Kind::NotCallable) {
      reported_not_callable = true;
    } else {
      reported_other = true;
    }
  }
  if (!outcome.callable) {
    if (!reported_not_callable) {
      call.state = DunderState::Uncertain;
    } else if (!call.single) {
      // Some members of the union are callable (otherwise the whole union is reported).
      bool all = false;
      for (const CallError& e : outcome.errors) all |= e.kind == CallError::Kind::NotCallable && e.actual == member.type;
      call.state = all ? DunderState::NotCallable : DunderState::PossiblyNotCallable;
    } else {
      call.state = DunderState::NotCallable;
    }
    return call;
  }
  call.state = reported_other ? DunderState::BadSignature : DunderState::Uncertain;
  return call;
}

Argument Positional(TypeId type) { return Argument{Argument::Kind::Positional, "", type}; }

std::string Code(const std::string& text) { return "`" + text + "`"; }

// The awaited type of an awaitable instance, when fully known; None otherwise (for the "did you
// forget `await`?" hints).
TypeId AwaitedValue(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (store.kind(type) != TypeKind::Instance || !FullyKnown(program, type)) return TypeId::None();
  AwaitResult awaited = TryAwait(program, type);
  if (awaited.error != AwaitError::None || !awaited.type.valid() || !FullyKnown(program, awaited.type)) {
    return TypeId::None();
  }
  return awaited.type;
}

std::string ForgotAwait(FileInference& inference, TypeId awaitable) {
  return Code(inference.Display(awaitable)) + " is awaitable: did you forget `await`?";
}

// ---------------------------------------------------------------- context managers

std::string FormatDunderError(const DunderCall& call, const std::string& name) {
  switch (call.state) {
    case DunderState::Missing: return "it does not implement " + Code(name);
    case DunderState::PossiblyMissing: return "the method " + Code(name) + " may be missing";
    default: return "it does not correctly implement " + Code(name);
  }
}

std::string FormatDunderErrors(const DunderCall& a, const std::string& name_a, const DunderCall& b,
                               const std::string& name_b) {
  if (a.state == DunderState::PossiblyMissing && b.state == DunderState::PossiblyMissing) {
    return "the methods " + Code(name_a) + " and " + Code(name_b) + " are possibly missing";
  }
  if (a.state == DunderState::Missing && b.state == DunderState::Missing) {
    return "it does not implement " + Code(name_a) + " and " + Code(name_b);
  }
  if (a.call_error() && b.call_error()) {
    return "it does not correctly implement " + Code(name_a) + " or " + Code(name_b);
  }
  return FormatDunderError(a, name_a) + ", and " + FormatDunderError(b, name_b);
}

// `X` does not implement ... lines for the union members that lack the methods.
void AddUnboundInfos(FileInference& inference, Diagnostic& d, const DunderCall& enter, const std::string& enter_name,
                     const DunderCall& exit, const std::string& exit_name) {
  auto contains = [](const std::vector<TypeId>& v, TypeId t) {
    for (TypeId x : v) {
      if (x == t) return true;
    }
    return false;
  };
  for (TypeId t : enter.unbound_on) {
    if (contains(exit.unbound_on, t)) {
      d.infos.push_back(Code(inference.Display(t)) + " does not implement " + Code(enter_name) + " or " +
                        Code(exit_name));
    } else {
      d.infos.push_back(Code(inference.Display(t)) + " does not implement " + Code(enter_name));
    }
  }
  for (TypeId t : exit.unbound_on) {
    if (!contains(enter.unbound_on, t)) {
      d.infos.push_back(Code(inference.Display(t)) + " does not implement " + Code(exit_name));
    }
  }
}

// The `invalid-context-manager` diagnostic for using `manager` in `with` / `async with`, or None
// when it is a valid context manager (or when the analysis is not certain).
std::optional<Diagnostic> AnalyzeContextManager(FileInference& inference, TypeId manager, TextRange range,
                                                bool is_async) {
  Program& program = inference.program();
  TypeStore& store = program.types();

  const std::string enter_name = is_async ? "__aenter__" : "__enter__";
  const std::string exit_name = is_async ? "__aexit__" : "__exit__";
  const Argument none_args[] = {Positional(store.None()), Positional(store.None()), Positional(store.None())};
  DunderCall enter = CallDunder(program, manager, enter_name, {});
  DunderCall exit = CallDunder(program, manager, exit_name, none_args);
  if (enter.state == DunderState::Uncertain || exit.state == DunderState::Uncertain) return std::nullopt;

  // `async with` awaits what both methods return.
  std::optional<TypeId> enter_not_awaitable, exit_not_awaitable;
  if (is_async) {
    auto not_awaitable = [&](const DunderCall& call) -> std::optional<TypeId> {
      if (call.state != DunderState::Ok && call.state != DunderState::PossiblyMissing) return std::nullopt;
      if (!call.result.valid()) return std::nullopt;
      if (TryAwait(program, call.result).error == AwaitError::None) return std::nullopt;
      return call.result;
    };
    enter_not_awaitable = not_awaitable(enter);
    exit_not_awaitable = not_awaitable(exit);
  }
  const bool not_awaitable = enter_not_awaitable || exit_not_awaitable;
  if (!not_awaitable && !enter.failed() && !exit.failed()) return std::nullopt;

  std::string reason;
  if (not_awaitable) {
    const bool both = enter_not_awaitable && exit_not_awaitable;
    std::string methods = both ? Code(enter_name) + " and " + Code(exit_name)
                               : Code(enter_not_awaitable ? enter_name : exit_name);
    std::string await_error = methods + (both ? " do not return awaitables" : " does not return an awaitable");
    if (enter.state == DunderState::PossiblyMissing && exit.state == DunderState::PossiblyMissing && both) {
      reason = Code(enter_name) + " and " + Code(exit_name) + " may be missing or return non-awaitables";
    } else if (enter.failed() && exit.failed()) {
      reason = FormatDunderErrors(enter, enter_name, exit, exit_name) + ", and " + await_error;
    } else if (enter.failed()) {
      reason = FormatDunderError(enter, enter_name) + ", and " + await_error;
    } else if (exit.failed()) {
      reason = FormatDunderError(exit, exit_name) + ", and " + await_error;
    } else {
      reason = await_error;
    }
  } else if (enter.failed() && exit.failed()) {
    reason = FormatDunderErrors(enter, enter_name, exit, exit_name);
  } else if (enter.failed()) {
    reason = FormatDunderError(enter, enter_name);
  } else {
    reason = FormatDunderError(exit, exit_name);
  }

  const std::string manager_text = inference.Display(manager);
  Diagnostic d = MakeDiagnostic(Rule::InvalidContextManager, inference.file(), range,
                                "Object of type " + Code(manager_text) + " cannot be used with " +
                                    Code(is_async ? "async with" : "with") + " because " + reason);
  AddUnboundInfos(inference, d, enter.failed() ? enter : DunderCall{}, enter_name,
                  exit.failed() ? exit : DunderCall{}, exit_name);
  if (not_awaitable) {
    if (enter_not_awaitable) {
      d.infos.push_back(Code(enter_name) + " returns " + Code(inference.Display(*enter_not_awaitable)) +
                        ", which is not awaitable");
    }
    if (exit_not_awaitable) {
      d.infos.push_back(Code(exit_name) + " returns " + Code(inference.Display(*exit_not_awaitable)) +
                        ", which is not awaitable");
    }
    d.infos.push_back(enter_not_awaitable && exit_not_awaitable ? "Consider declaring the methods with `async def`"
                                                                : "Consider declaring the method with `async def`");
    return d;
  }

  // The other kind of context manager: suggest the other statement.
  const Argument unknown_args[] = {Positional(store.Unknown()), Positional(store.Unknown()),
                                   Positional(store.Unknown())};
  DunderCall alt_enter = CallDunder(program, manager, is_async ? "__enter__" : "__aenter__", {});
  DunderCall alt_exit = CallDunder(program, manager, is_async ? "__exit__" : "__aexit__", unknown_args);
  auto usable = [](const DunderCall& call) {
    return call.state != DunderState::Missing && call.state != DunderState::PossiblyMissing;
  };
  if (usable(alt_enter) && usable(alt_exit)) {
    d.infos.push_back("Objects of type " + Code(manager_text) + " can be used as " +
                      (is_async ? "sync" : "async") + " context managers");
    d.infos.push_back(std::string("Consider using ") + Code(is_async ? "with" : "async with") + " here");
  }
  return d;
}

void CheckContextManager(FileInference& inference, NodeId context_expr, bool is_async) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId manager = inference.ExprType(context_expr);
  if (!Reportable(inference, context_expr, manager)) return;
  if (store.kind(manager) == TypeKind::Union) {
    std::vector<TypeId> failing;
    for (TypeId m : store.UnionMembers(manager)) {
      if (AnalyzeContextManager(inference, m, {}, is_async)) failing.push_back(m);
    }
    if (failing.empty() || !OnlyNoneFailsOrAll(store, manager, failing)) return;
  }
  if (auto d = AnalyzeContextManager(inference, manager, inference.ast().range(context_expr), is_async)) {
    // `async with connect():` where `connect()` must be awaited first: the awaited value works.
    if (TypeId awaited = AwaitedValue(program, manager);
        awaited.valid() && !AnalyzeContextManager(inference, awaited, {}, is_async)) {
      d->infos.push_back(ForgotAwait(inference, manager));
    }
    inference.Report(std::move(*d));
  }
}

// ---------------------------------------------------------------- iteration

// Why an iterable fails, as ty reports it: certain ("is not") or hedged ("may not be"), the
// reason, and further `info:` lines.
struct IterationFailure {
  bool certain = true;
  std::string reason;
  std::vector<std::string> infos;
};

const char* kGetitemPermissive =
    "`__getitem__` must be at least as permissive as `def __getitem__(self, key: int): ...` to satisfy the "
    "old-style iteration protocol";

// `__iter__` / `__aiter__` returned `iterator`; checks its `__next__` / `__anext__`. None when fine
// (or not certain enough to report).
std::optional<IterationFailure> CheckIterator(FileInference& inference, TypeId iterator, bool is_async,
                                              bool* uncertain) {
  Program& program = inference.program();
  if (!FullyKnown(program, iterator)) {
    *uncertain = true;
    return std::nullopt;
  }
  const std::string iter_name = is_async ? "__aiter__" : "__iter__";
  const std::string next_name = is_async ? "__anext__" : "__next__";
  DunderCall next = CallDunder(program, iterator, next_name, {});
  const std::string prefix = "Its " + Code(iter_name) + " method returns an object of type " +
                             Code(inference.Display(iterator)) + ", which ";
  IterationFailure f;
  switch (next.state) {
    case DunderState::Ok: {
      if (!is_async) return std::nullopt;
      AwaitResult awaited = TryAwait(program, next.result);
      if (awaited.error == AwaitError::None) return std::nullopt;
      // `__anext__` is there and callable, but what it returns cannot be awaited.
      f.certain = awaited.error != AwaitError::PossiblyMissing;
      f.reason = prefix + (f.certain ? "has an invalid `__anext__` method" : "may have an invalid `__anext__` method");
      f.infos.push_back("`__anext__` returns " + Code(inference.Display(next.result)) +
                        (f.certain ? ", which is not awaitable" : ", which may not be awaitable"));
      return f;
    }
    case DunderState::Uncertain: *uncertain = true; return std::nullopt;
    case DunderState::Missing: f.reason = prefix + "has no " + Code(next_name) + " method"; return f;
    case DunderState::PossiblyMissing:
      f.certain = false;
      f.reason = prefix + "may not have a " + Code(next_name) + " method";
      return f;
    case DunderState::NotCallable:
      f.reason = prefix + "has a " + Code(next_name) + " attribute that is not callable";
      return f;
    case DunderState::PossiblyNotCallable:
      f.certain = false;
      f.reason = prefix + "has a " + Code(next_name) + " attribute that may not be callable";
      return f;
    case DunderState::BadSignature:
      f.certain = next.single;
      f.reason = prefix + (next.single ? "has an invalid " : "may have an invalid ") + Code(next_name) + " method";
      f.infos.push_back("Expected signature for " + Code(next_name) + " is `def " + next_name + "(self): ...`");
      return f;
  }
  llvm_unreachable("every DunderState is handled");
}

std::optional<IterationFailure> CheckAsyncIterable(FileInference& inference, TypeId iterable, bool* uncertain) {
  Program& program = inference.program();
  DunderCall aiter = CallDunder(program, iterable, "__aiter__", {});
  IterationFailure f;
  switch (aiter.state) {
    case DunderState::Ok:
      if (!aiter.result.valid() || program.types().IsDynamic(aiter.result)) return std::nullopt;
      return CheckIterator(inference, aiter.result, true, uncertain);
    case DunderState::Uncertain: *uncertain = true; return std::nullopt;
    case DunderState::Missing: f.reason = "It has no `__aiter__` method"; return f;
    case DunderState::PossiblyMissing: {
      if (auto bad = CheckIterator(inference, aiter.result, true, uncertain)) return bad;
      if (*uncertain) return std::nullopt;
      f.certain = false;
      f.reason = "Its `__aiter__` attribute (with type " + Code(inference.Display(aiter.method)) +
                 ") may not be callable";
      return f;
    }
    case DunderState::NotCallable:
      f.reason = "Its `__aiter__` attribute has type " + Code(inference.Display(aiter.method)) + ", which is not callable";
      return f;
    case DunderState::PossiblyNotCallable:
      f.certain = false;
      f.reason = "Its `__aiter__` attribute (with type " + Code(inference.Display(aiter.method)) +
                 ") may not be callable";
      return f;
    case DunderState::BadSignature:
      if (aiter.single) {
        f.reason = "Its `__aiter__` method has an invalid signature";
        f.infos.push_back("Expected signature `def __aiter__(self): ...`");
      } else {
        f.certain = false;
        f.reason = "Its `__aiter__` method may have an invalid signature";
        f.infos.push_back("Type of `__aiter__` is " + Code(inference.Display(aiter.method)));
        f.infos.push_back("Expected signature for `__aiter__` is `def __aiter__(self): ...`");
      }
      return f;
  }
  llvm_unreachable("every DunderState is handled");
}

std::optional<IterationFailure> CheckSyncIterable(FileInference& inference, TypeId iterable, bool* uncertain) {
  Program& program = inference.program();
  TypeStore& store = program.types();
  // Tuples iterate over their elements.
  if (store.kind(iterable) == TypeKind::Tuple) return std::nullopt;

  const Argument int_arg[] = {Positional(KnownInstance(program, KnownClass::Int))};
  auto getitem_call = [&]() { return CallDunder(program, iterable, "__getitem__", int_arg); };
  DunderCall iter = CallDunder(program, iterable, "__iter__", {});
  IterationFailure f;
  switch (iter.state) {
    case DunderState::Ok:
      if (!iter.result.valid() || store.IsDynamic(iter.result)) return std::nullopt;
      return CheckIterator(inference, iter.result, false, uncertain);
    case DunderState::Uncertain: *uncertain = true; return std::nullopt;
    case DunderState::Missing: {
      DunderCall getitem = getitem_call();
      switch (getitem.state) {
        case DunderState::Ok: return std::nullopt;
        case DunderState::Uncertain: *uncertain = true; return std::nullopt;
        case DunderState::Missing:
          f.reason = "It doesn't have an `__iter__` method or a `__getitem__` method";
          return f;
        case DunderState::PossiblyMissing:
          f.reason = "It has no `__iter__` method and it may not have a `__getitem__` method";
          return f;
        case DunderState::NotCallable:
          f.reason = "It has no `__iter__` method and its `__getitem__` attribute has type " +
                     Code(inference.Display(getitem.method)) + ", which is not callable";
          return f;
        case DunderState::PossiblyNotCallable:
          f.certain = false;
          f.reason = "It has no `__iter__` method and its `__getitem__` attribute is invalid";
          f.infos.push_back("`__getitem__` has type " + Code(inference.Display(getitem.method)) +
                            ", which is not callable");
          return f;
        case DunderState::BadSignature:
          if (getitem.single) {
            f.reason =
                "It has no `__iter__` method and its `__getitem__` method has an incorrect signature for the "
                "old-style iteration protocol";
          } else {
            f.certain = false;
            f.reason = "It has no `__iter__` method and its `__getitem__` method (with type " +
                       Code(inference.Display(getitem.method)) +
                       ") may have an incorrect signature for the old-style iteration protocol";
          }
          f.infos.push_back(kGetitemPermissive);
          return f;
      }
      llvm_unreachable("every DunderState is handled");
    }
    case DunderState::PossiblyMissing: {
      if (auto bad = CheckIterator(inference, iter.result, false, uncertain)) return bad;
      if (*uncertain) return std::nullopt;
      DunderCall getitem = getitem_call();
      f.certain = false;
      switch (getitem.state) {
        case DunderState::Ok: return std::nullopt;
        case DunderState::Uncertain: *uncertain = true; return std::nullopt;
        case DunderState::Missing:
          f.reason = "It may not have an `__iter__` method and it doesn't have a `__getitem__` method";
          break;
        case DunderState::PossiblyMissing:
          f.reason = "It may not have an `__iter__` method or a `__getitem__` method";
          break;
        case DunderState::NotCallable:
          f.reason = "It may not have an `__iter__` method and its `__getitem__` attribute has type " +
                     Code(inference.Display(getitem.method)) + ", which is not callable";
          break;
        case DunderState::PossiblyNotCallable:
          f.reason = "It may not have an `__iter__` method and its `__getitem__` attribute (with type " +
                     Code(inference.Display(getitem.method)) + ") may not be callable";
          break;
        case DunderState::BadSignature:
          if (getitem.single) {
            f.reason =
                "It may not have an `__iter__` method and its `__getitem__` method has an incorrect signature "
                "for the old-style iteration protocol";
          } else {
            f.reason = "It may not have an `__iter__` method and its `__getitem__` method (with type " +
                       Code(inference.Display(getitem.method)) +
                       ") may have an incorrect signature for the old-style iteration protocol";
          }
          f.infos.push_back(kGetitemPermissive);
          break;
      }
      for (TypeId t : iter.unbound_on) {
        f.infos.push_back(Code(inference.Display(t)) + " does not implement `__iter__`");
      }
      return f;
    }
    case DunderState::NotCallable:
      f.reason = "Its `__iter__` attribute has type " + Code(inference.Display(iter.method)) + ", which is not callable";
      return f;
    case DunderState::PossiblyNotCallable:
      f.certain = false;
      f.reason = "Its `__iter__` attribute (with type " + Code(inference.Display(iter.method)) + ") may not be callable";
      return f;
    case DunderState::BadSignature:
      if (iter.single) {
        f.reason = "Its `__iter__` method has an invalid signature";
        f.infos.push_back("Expected signature `def __iter__(self): ...`");
      } else {
        f.certain = false;
        f.reason = "Its `__iter__` method may have an invalid signature";
        f.infos.push_back("Type of `__iter__` is " + Code(inference.Display(iter.method)));
        f.infos.push_back("Expected signature for `__iter__` is `def __iter__(self): ...`");
      }
      return f;
  }
  llvm_unreachable("every DunderState is handled");
}

// Reports `not-iterable` on `iterable_expr` when its type cannot be iterated (asynchronously
// for `async for`).
void CheckIterable(FileInference& inference, NodeId iterable_expr, bool is_async) {
  if (!iterable_expr.valid()) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId iterable = inference.ExprType(iterable_expr);
  if (!Reportable(inference, iterable_expr, iterable)) return;
  if (store.kind(iterable) == TypeKind::Union) {
    std::vector<TypeId> failing;
    for (TypeId m : store.UnionMembers(iterable)) {
      bool uncertain = false;
      auto failure = is_async ? CheckAsyncIterable(inference, m, &uncertain)
                              : CheckSyncIterable(inference, m, &uncertain);
      if (uncertain) return;
      if (failure) failing.push_back(m);
    }
    if (failing.empty() || !OnlyNoneFailsOrAll(store, iterable, failing)) return;
  }
  bool uncertain = false;
  std::optional<IterationFailure> failure =
      is_async ? CheckAsyncIterable(inference, iterable, &uncertain) : CheckSyncIterable(inference, iterable, &uncertain);
  if (uncertain || !failure) return;
  std::string headline = "Object of type " + Code(inference.Display(iterable)) +
                         (failure->certain ? " is not " : " may not be ") + (is_async ? "async-iterable" : "iterable");
  Diagnostic d = MakeDiagnostic(Rule::NotIterable, inference.file(), inference.ast().range(iterable_expr), headline);
  d.infos.push_back(failure->reason);
  for (std::string& info : failure->infos) d.infos.push_back(std::move(info));
  // `for row in fetch_rows():` where the coroutine's result is what can be iterated.
  if (TypeId awaited = AwaitedValue(program, iterable); awaited.valid()) {
    bool awaited_uncertain = false;
    auto awaited_failure = is_async ? CheckAsyncIterable(inference, awaited, &awaited_uncertain)
                                    : CheckSyncIterable(inference, awaited, &awaited_uncertain);
    if (!awaited_uncertain && !awaited_failure) d.infos.push_back(ForgotAwait(inference, iterable));
  }
  inference.Report(std::move(d));
}

// ---------------------------------------------------------------- unused awaitables

bool HasKnownClassInMro(Program& program, TypeId instance, KnownClass known) {
  TypeStore& store = program.types();
  ClassId target = GetKnownClass(program, known);
  if (!target.valid() || store.kind(instance) != TypeKind::Instance) return false;
  return Upcast(store, instance, target).valid();
}

// Whether `cls` is the class `asyncio` exports as `name`, wherever the stubs define it (the
// subset in `asyncio.futures`, typeshed in `_asyncio`). Only a class of that name is looked up,
// so a program that never meets one never loads asyncio's stubs.
bool IsAsyncioClass(Program& program, ClassId cls, llvm::StringRef name) {
  if (program.types().cls(cls).name != name) return false;
  ModuleId asyncio = program.resolver().Resolve("asyncio");
  if (!asyncio.valid() || !program.modules()[asyncio].file.valid()) return false;
  std::optional<TypeId> exported = program.inference(program.modules()[asyncio].file).ModuleSymbolType(name);
  return exported && program.types().kind(*exported) == TypeKind::ClassLiteral &&
         program.types().ClassOf(*exported) == cls;
}

// An `asyncio.Future` (a `Task` included): work that is already scheduled.
bool IsFuture(Program& program, TypeId instance) {
  TypeStore& store = program.types();
  if (store.kind(instance) != TypeKind::Instance) return false;
  const ClassInfo& info = ResolvedClass(program, store.ClassOf(instance));
  for (TypeId base : info.mro) {
    if (store.kind(base) != TypeKind::Instance) continue;
    if (IsAsyncioClass(program, store.ClassOf(base), "Future")) return true;
  }
  return false;
}

// Whether a value of this instance type does something only once awaited.
bool IsAwaitableInstance(Program& program, TypeId type) {
  TypeStore& store = program.types();
  if (store.kind(type) != TypeKind::Instance || !FullyKnown(program, type)) return false;
  if (HasKnownClassInMro(program, type, KnownClass::Awaitable)) return true;
  Member await = LookupDunder(program, type, "__await__");
  if (!await.type.valid() || store.IsDynamic(await.type)) return false;
  return TryAwait(program, type).error == AwaitError::None;
}

// A call of a method of `asyncio.TaskGroup` (`tg.create_task(...)`).
bool IsTaskGroupCall(FileInference& inference, NodeId expr) {
  const Ast& ast = inference.ast();
  if (ast.kind(expr) != NodeKind::Call) return false;
  TypeStore& store = inference.program().types();
  TypeId callee = inference.ExprType(CallView{ast, expr}.func());
  if (store.kind(callee) != TypeKind::BoundMethod) return false;
  TypeId fn = BoundMethodTypeView{store, callee}.function();
  if (store.kind(fn) != TypeKind::Function) return false;
  ClassId owner = store.function(FunctionTypeView{store, fn}.function()).owner;
  if (!owner.valid()) return false;
  return IsAsyncioClass(inference.program(), owner, "TaskGroup");
}

// A coroutine object: an instance of `types.CoroutineType` (what calling an `async def` gives) or
// of `typing.Coroutine` itself (a declared `-> Coroutine[...]`). Subclasses are other awaitables
// (objects that may do their work without being awaited), as pyright's reportUnusedCoroutine.
bool IsCoroutineObject(Program& program, TypeId instance) {
  TypeStore& store = program.types();
  if (store.kind(instance) != TypeKind::Instance) return false;
  ClassId cls = store.ClassOf(instance);
  return cls == GetKnownClass(program, KnownClass::CoroutineType) || cls == GetKnownClass(program, KnownClass::Coroutine);
}

// The function a callee type calls: a function, a bound method's function, or an overloaded
// function's first overload (they share the name and owner). None for other callees.
const FunctionInfo* CalleeFunction(TypeStore& store, TypeId callee) {
  if (store.kind(callee) == TypeKind::BoundMethod) callee = BoundMethodTypeView{store, callee}.function();
  if (store.kind(callee) == TypeKind::Overloaded) {
    auto overloads = OverloadedTypeView{store, callee}.overloads();
    if (overloads.empty()) return nullptr;
    callee = overloads.front();
  }
  if (store.kind(callee) != TypeKind::Function) return nullptr;
  return &store.function(FunctionTypeView{store, callee}.function());
}

// A call of `asyncio.create_task`, `asyncio.ensure_future` or an event loop's `create_task`, under
// any name (`from asyncio import create_task as spawn`), or of a wrapper that returns one:
// identified by the function the callee's type is, not by the name written at the call.
bool IsTaskCreatingCall(FileInference& inference, NodeId expr, int depth = 0);

// A plain function of the checked code whose every `return` returns a task-creating call (and
// whose body ends with one): `def spawn(coro): return asyncio.create_task(coro)`. Wrappers of
// wrappers count, three levels deep.
bool IsTaskCreatingWrapper(Program& program, const FunctionInfo& fn, int depth) {
  if (depth >= 3 || fn.is_async || fn.is_generator || !fn.node.valid() || !fn.file.valid()) return false;
  if (program.source(fn.file).path().ends_with(".pyi")) return false;
  FileInference& defining = program.inference(fn.file);
  const Ast& ast = defining.ast();
  if (ast.kind(fn.node) != NodeKind::FunctionDef) return false;
  auto body = ast.children(FunctionDefView{ast, fn.node}.body());
  if (body.empty() || ast.kind(body.back()) != NodeKind::Return) return false;
  std::vector<NodeId> stack(body.begin(), body.end());
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    NodeKind kind = ast.kind(n);
    if (kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda) continue;
    if (kind == NodeKind::Return) {
      NodeId value = ReturnView{ast, n}.value();
      if (!value.valid() || !IsTaskCreatingCall(defining, value, depth + 1)) return false;
      continue;
    }
    for (NodeId c : ast.children(n)) stack.push_back(c);
  }
  return true;
}

bool IsTaskCreatingCall(FileInference& inference, NodeId expr, int depth) {
  const Ast& ast = inference.ast();
  if (ast.kind(expr) != NodeKind::Call) return false;
  Program& program = inference.program();
  TypeStore& store = program.types();
  const FunctionInfo* fn = CalleeFunction(store, inference.ExprType(CallView{ast, expr}.func()));
  if (fn == nullptr) return false;
  if (IsTaskCreatingWrapper(program, *fn, depth)) return true;
  if (fn->owner.valid()) {
    // `loop.create_task(...)`: a method of `asyncio.AbstractEventLoop` (or a class deriving from it).
    if (fn->name != "create_task") return false;
    for (TypeId base : ResolvedClass(program, fn->owner).mro) {
      if (store.kind(base) == TypeKind::Instance && IsAsyncioClass(program, store.ClassOf(base), "AbstractEventLoop")) {
        return true;
      }
    }
    return false;
  }
  if (fn->name != "create_task" && fn->name != "ensure_future") return false;
  ModuleId asyncio = program.resolver().Resolve("asyncio");
  if (!asyncio.valid() || !program.modules()[asyncio].file.valid()) return false;
  std::optional<TypeId> exported = program.inference(program.modules()[asyncio].file).ModuleSymbolType(fn->name);
  if (!exported) return false;
  const FunctionInfo* asyncio_fn = CalleeFunction(store, *exported);
  return asyncio_fn != nullptr && asyncio_fn->file == fn->file && asyncio_fn->node == fn->node;
}

// `reveal_type(...)` and `assert_type(...)` return their argument: using them as statements is
// the point.
bool IsTypeDebuggingCall(FileInference& inference, NodeId expr) {
  const Ast& ast = inference.ast();
  if (ast.kind(expr) != NodeKind::Call) return false;
  TypeId callee = inference.ExprType(CallView{ast, expr}.func());
  TypeStore& store = inference.program().types();
  if (store.kind(callee) != TypeKind::Function) return false;
  const FunctionInfo& fn = store.function(FunctionTypeView{store, callee}.function());
  return fn.name == "reveal_type" || fn.name == "assert_type";
}

}  // namespace

void CheckWithStatement(FileInference& inference, NodeId with_statement) {
  const Ast& ast = inference.ast();
  WithView with{ast, with_statement};
  bool is_async = with.is_async();
  NodeId items = with.items();
  if (!items.valid()) return;
  for (NodeId item : ast.children(items)) {
    if (ast.kind(item) != NodeKind::WithItem) continue;
    NodeId context_expr = WithItemView{ast, item}.context_expr();
    if (!context_expr.valid() || ast.kind(context_expr) == NodeKind::Error) continue;
    CheckContextManager(inference, context_expr, is_async);
  }
}

void CheckForStatement(FileInference& inference, NodeId for_statement) {
  const Ast& ast = inference.ast();
  ForView loop{ast, for_statement};
  CheckIterable(inference, loop.iter(), loop.is_async());
}

void CheckComprehensionClause(FileInference& inference, NodeId comprehension) {
  const Ast& ast = inference.ast();
  ComprehensionView clause{ast, comprehension};
  CheckIterable(inference, clause.iter(), clause.is_async());
}

void CheckYieldFrom(FileInference& inference, NodeId yield_from) {
  CheckIterable(inference, YieldFromView{inference.ast(), yield_from}.value(), false);
}

void CheckUnusedAwaitable(FileInference& inference, NodeId expr_statement) {
  const Ast& ast = inference.ast();
  NodeId value = ExprStmtView{ast, expr_statement}.value();
  if (!value.valid()) return;
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId type = inference.ExprType(value);
  std::vector<TypeId> members;
  if (store.kind(type) == TypeKind::Union) {
    members.assign(store.UnionMembers(type).begin(), store.UnionMembers(type).end());
  } else {
    members.push_back(type);
  }
  bool any_future = false, all_coroutines = true;
  for (TypeId m : members) {
    if (!IsAwaitableInstance(program, m)) return;
    any_future |= IsFuture(program, m);
    all_coroutines &= IsCoroutineObject(program, m);
  }
  if (IsTypeDebuggingCall(inference, value)) return;
  const std::string message = "Object of type " + Code(inference.Display(type)) + " is not awaited";
  if (all_coroutines) {
    Diagnostic d = MakeDiagnostic(Rule::UnusedCoroutine, inference.file(), ast.range(value), message);
    d.infos.push_back("A coroutine runs only when awaited (or scheduled as a task); did you forget `await`?");
    inference.Report(std::move(d));
    return;
  }
  if (any_future && IsTaskCreatingCall(inference, value)) {
    // `create_task(worker)` (a function, not a coroutine) makes no task: the argument's error
    // says so.
    NodeId first = NthOrNone(CallView{ast, value}.args(), 0);
    if (first.valid()) {
      const TypeKind k = store.kind(inference.ExprType(first));
      if (k == TypeKind::Function || k == TypeKind::BoundMethod || k == TypeKind::Overloaded) return;
    }
    // The event loop keeps only weak references to tasks: a dropped one may be collected
    // before it finishes, and its exception is never seen.
    Diagnostic d = MakeDiagnostic(Rule::UnusedTask, inference.file(), ast.range(value), message);
    d.infos.push_back(
        "The event loop keeps only a weak reference to a task; keep a reference, await it, or use a `TaskGroup`");
    inference.Report(std::move(d));
    return;
  }
  // `TaskGroup.create_task(...)`: the group keeps the task and awaits it on exit, so dropping the
  // handle is the intended use, even for the broad rule.
  if (any_future && IsTaskGroupCall(inference, value)) return;
  inference.Report(MakeDiagnostic(Rule::UnusedAwaitable, inference.file(), ast.range(value), message));
}

bool IsCertainCoroutine(FileInference& inference, NodeId expr) {
  if (!expr.valid()) return false;
  Program& program = inference.program();
  TypeStore& store = program.types();
  TypeId type = inference.ExprType(expr);
  if (store.kind(type) == TypeKind::Union) {
    for (TypeId m : store.UnionMembers(type)) {
      if (!IsAwaitableInstance(program, m) || !IsCoroutineObject(program, m)) return false;
    }
  } else if (!IsAwaitableInstance(program, type) || !IsCoroutineObject(program, type)) {
    return false;
  }
  return !IsTypeDebuggingCall(inference, expr);
}

}  // namespace asynctype
