// Overload sets: the first overload whose arguments bind and are assignable (overloads taking
// `*args` first for an unpacked argument of unknown length), Unknown when a dynamic argument
// leaves the choice open, then ty's argument type expansion (union members, `bool` as its two
// literals); and the `no-matching-overload` error when none applies.
#include <utility>

#include "checker/database/program.h"
#include "checker/infer/call_parts.h"
#include "checker/infer/certainty.h"

namespace asynctype {
namespace {

// The types an argument is tried as when no overload accepts it whole (ty's argument type
// expansion): the members of a union, `Literal[True]` and `Literal[False]` for `bool`.
std::vector<TypeId> ExpandArgument(Program& program, const Argument& arg) {
  TypeStore& store = program.types();
  if (arg.kind != Argument::Kind::Positional && arg.kind != Argument::Kind::Keyword) return {arg.type};
  if (!arg.type.valid()) return {arg.type};
  if (store.kind(arg.type) == TypeKind::Union) {
    auto members = store.UnionMembers(arg.type);
    return std::vector<TypeId>(members.begin(), members.end());
  }
  ClassId bool_cls = GetKnownClass(program, KnownClass::Bool);
  if (store.kind(arg.type) == TypeKind::Instance && bool_cls.valid() && store.ClassOf(arg.type) == bool_cls) {
    return {store.BoolLiteral(true), store.BoolLiteral(false)};
  }
  return {arg.type};
}

// Whether a later overload than `chosen` also accepts arguments with a dynamic part and returns
// something else: which one applies depends on what the dynamic argument really is, so the
// result is Unknown (the typing spec's rule for overloads matched through `Any`).
bool AmbiguousThroughDynamic(Program& program, llvm::ArrayRef<Signature> sigs, const Signature* chosen,
                             llvm::ArrayRef<Argument> args, TypeId result, llvm::ArrayRef<TypeId> extra_typevars) {
  TypeStore& store = program.types();
  bool dynamic = false;
  for (const Argument& arg : args) dynamic |= arg.type.valid() && HasDynamicPart(store, arg.type);
  if (!dynamic) return false;
  for (const Signature* sig = chosen + 1; sig != sigs.end(); ++sig) {
    CallOutcome other = CallSignature(program, *sig, args, /*check_types=*/true, nullptr, {}, nullptr, extra_typevars);
    if (other.matched && other.type != result) return true;
  }
  return false;
}

}  // namespace

CallOutcome CallOverloads(Program& program, llvm::ArrayRef<Signature> sigs, llvm::ArrayRef<Argument> args,
                          Substitution* solved, llvm::ArrayRef<TypeId> extra_typevars, bool* partially,
                          TypeId expected) {
  TypeStore& store = program.types();
  // `*xs` of unknown length fits fixed-arity overloads only by luck: those taking `*args` are
  // tried first (`gather(*coros)` is `list[T]`, not `tuple[T]`).
  bool unknown_length = false;
  for (const Argument& arg : args) unknown_length |= arg.kind == Argument::Kind::Star;
  for (int pass = unknown_length ? 0 : 1; pass < 2; ++pass) {
    for (const Signature& sig : sigs) {
      bool variadic = std::any_of(sig.params.begin(), sig.params.end(),
                                  [](const Param& p) { return p.kind == ParamKind::VarArgs; });
      if (pass == 0 && !variadic) continue;
      Substitution subst;
      CallOutcome r = CallSignature(program, sig, args, /*check_types=*/true, nullptr, {}, &subst, extra_typevars,
                                    expected);
      if (r.matched) {
        if (solved) *solved = std::move(subst);
        if (AmbiguousThroughDynamic(program, sigs, &sig, args, r.type, extra_typevars)) r.type = store.Unknown();
        return r;
      }
    }
  }
  CallOutcome failed;
  failed.type = store.Unknown();
  failed.matched = false;
  constexpr size_t kMaxCombinations = 64;
  std::vector<std::vector<TypeId>> choices;
  size_t combinations = 1;
  for (const Argument& arg : args) {
    choices.push_back(ExpandArgument(program, arg));
    combinations *= choices.back().size();
    if (combinations > kMaxCombinations) {
      if (partially) *partially = true;  // too many to try: not known to fail
      return failed;
    }
  }
  if (combinations <= 1) return failed;
  std::vector<Argument> expanded(args.begin(), args.end());
  std::vector<TypeId> results;
  bool all_fit = true;
  for (size_t n = 0; n < combinations; ++n) {
    size_t rest = n;
    for (size_t i = 0; i < args.size(); ++i) {
      expanded[i].type = choices[i][rest % choices[i].size()];
      rest /= choices[i].size();
    }
    bool fits = false;
    for (const Signature& sig : sigs) {
      CallOutcome r = CallSignature(program, sig, expanded, /*check_types=*/true, nullptr, {}, nullptr, extra_typevars);
      if (r.matched) {
        results.push_back(r.type);
        fits = true;
        break;
      }
    }
    all_fit &= fits;
  }
  if (!all_fit) {
    // Some members of the union arguments fit: narrowing the inference does not see may have
    // excluded the others.
    if (partially && !results.empty()) *partially = true;
    return failed;
  }
  CallOutcome outcome;
  outcome.type = store.Union(results);
  return outcome;
}

void ReportNoMatchingOverload(Program& program, const CallOutcome& r, bool partially, llvm::ArrayRef<Argument> args,
                              TypeId overloads, CallError::Callee kind, llvm::StringRef name,
                              std::vector<CallError>* errs, llvm::ArrayRef<Signature> sigs,
                              llvm::ArrayRef<TypeId> extra_typevars) {
  if (r.matched || !errs || partially) return;
  for (const Argument& arg : args) {
    if (arg.type.valid() && HasUnmodelledPart(program, arg.type)) return;
  }
  CallError e{CallError::Kind::NoMatchingOverload};
  e.callee = kind;
  e.callee_name = name.str();
  auto list = OverloadedTypeView{program.types(), overloads}.overloads();
  e.overloads.assign(list.begin(), list.end());
  // The closest overload: its arguments bind, and the fewest of them mismatch; among equals, one
  // whose first mismatch is not a `None` parameter (the `func: None = None` overloads that mean
  // "argument omitted"), then the first.
  if (sigs.size() == e.overloads.size()) {
    std::pair<size_t, bool> fewest = {SIZE_MAX, true};
    for (size_t i = 0; i < sigs.size(); ++i) {
      std::vector<CallError> found;
      CallSignature(program, sigs[i], args, /*check_types=*/true, &found, Description{kind, name.str()}, nullptr,
                    extra_typevars);
      bool binds = !found.empty() && std::all_of(found.begin(), found.end(), [](const CallError& x) {
        return x.kind == CallError::Kind::InvalidArgumentType && !x.union_partially_fits;
      });
      if (!binds) continue;
      std::pair<size_t, bool> score = {found.size(), found.front().expected == program.types().None()};
      if (score >= fewest) continue;
      fewest = score;
      e.closest = static_cast<int>(i);
      e.closest_argument = found.front().argument;
      e.closest_expected = found.front().expected;
      e.closest_actual = found.front().actual;
    }
  }
  errs->push_back(std::move(e));
}

}  // namespace asynctype
