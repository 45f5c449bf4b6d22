#include "checker/diagnostics/rules.h"

namespace asynctype {
namespace {

constexpr RuleInfo kRules[] = {
    {Rule::InvalidSyntax, "invalid-syntax", Severity::Error, false,
     "Python syntax the parser rejects, and syntax that is valid only in other contexts "
     "(e.g. `await` outside an async function)"},
    {Rule::RevealedType, "revealed-type", Severity::Info, false,
     "The type of the argument of `reveal_type(...)`"},
    {Rule::UndefinedReveal, "undefined-reveal", Severity::Warning, true,
     "`reveal_type` used without importing it (fails at run time)"},
    {Rule::UnresolvedReference, "unresolved-reference", Severity::Error, true,
     "A name is used that is not defined in any enclosing scope or the builtins"},
    {Rule::PossiblyUnresolvedReference, "possibly-unresolved-reference", Severity::Warning, true,
     "A name is used that may not be defined on every path to the use", /*enabled_by_default=*/false},
    {Rule::UnresolvedImport, "unresolved-import", Severity::Error, true,
     "An imported module, or a name imported from a module, cannot be found"},
    {Rule::InvalidAwait, "invalid-await", Severity::Error, true,
     "`await` on an object that is not awaitable (no valid `__await__` returning an iterator)"},
    {Rule::CallNonCallable, "call-non-callable", Severity::Error, true,
     "A call of an object that is not callable (no `__call__`)"},
    {Rule::MissingArgument, "missing-argument", Severity::Error, true,
     "A call that provides no argument for a required parameter"},
    {Rule::TooManyPositionalArguments, "too-many-positional-arguments", Severity::Error, true,
     "A call with more positional arguments than the callee has positional parameters"},
    {Rule::UnknownArgument, "unknown-argument", Severity::Error, true,
     "A keyword argument that matches no parameter of the callee"},
    {Rule::ParameterAlreadyAssigned, "parameter-already-assigned", Severity::Error, true,
     "A call that provides more than one value for the same parameter"},
    {Rule::InvalidArgumentType, "invalid-argument-type", Severity::Error, true,
     "An argument whose type is not assignable to the type of its parameter"},
    {Rule::NoMatchingOverload, "no-matching-overload", Severity::Error, true,
     "A call of an overloaded function that no overload accepts"},
    {Rule::InvalidReturnType, "invalid-return-type", Severity::Error, true,
     "A returned value (or the implicit `None`) does not match the declared return type; "
     "`async def` bodies are checked against the coroutine's result type"},
    {Rule::InvalidAssignment, "invalid-assignment", Severity::Error, true,
     "A value assigned to a declared name does not match its declared type"},
    {Rule::UnresolvedAttribute, "unresolved-attribute", Severity::Error, true,
     "An attribute that the object's class (or module) does not define"},
    {Rule::InvalidContextManager, "invalid-context-manager", Severity::Error, true,
     "An object used in `with` / `async with` that lacks the context-manager methods, or whose "
     "`__aenter__` / `__aexit__` do not return awaitables"},
    {Rule::NotIterable, "not-iterable", Severity::Error, true,
     "An object iterated by `for` / `async for`, a comprehension or `yield from` that does not "
     "implement the (async) iteration protocol"},
    {Rule::UnusedAwaitable, "unused-awaitable", Severity::Warning, true,
     "An expression statement that drops a coroutine or other awaitable without awaiting it"},
    {Rule::InvalidYield, "invalid-yield", Severity::Error, true,
     "A yielded value (or the elements and send type of `yield from`) that does not match the "
     "generator's annotation"},
    {Rule::InvalidTypeForm, "invalid-type-form", Severity::Error, true,
     "An expression that is not valid in a type annotation (e.g. `await` or `yield`)"},
    {Rule::InvalidSyntaxInForwardAnnotation, "invalid-syntax-in-forward-annotation", Severity::Error, true,
     "A string annotation whose contents are not one valid expression"},
    {Rule::InvalidAsyncProtocolMethod, "invalid-async-protocol-method", Severity::Error, true,
     "A hand-written `__await__`, `__aiter__`, `__anext__`, `__aenter__` or `__aexit__` whose "
     "declared return type breaks its protocol"},
    {Rule::UnusedIgnoreComment, "unused-ignore-comment", Severity::Warning, true,
     "A suppression comment that suppresses nothing"},
    {Rule::UnknownRule, "unknown-rule", Severity::Warning, true,
     "A suppression comment or configuration naming a rule that does not exist"},
    {Rule::Io, "io", Severity::Error, false,
     "A file could not be read, is not valid UTF-8, or is binary"},
};

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

llvm::ArrayRef<RuleInfo> AllRules() { return kRules; }

const RuleInfo& GetRuleInfo(Rule rule) {
  for (const RuleInfo& info : kRules) {
    if (info.rule == rule) return info;
  }
  return kRules[0];
}

std::optional<Rule> FindRule(std::string_view name) {
  for (const RuleInfo& info : kRules) {
    if (info.name == name) return info.rule;
  }
  return std::nullopt;
}

}  // namespace asynctype
