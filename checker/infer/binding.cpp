#include "checker/infer/binding.h"

namespace asynctype {

BindResult BindArguments(const Signature& sig, llvm::ArrayRef<Argument> args) {
  BindResult out;
  if (sig.gradual) return out;
  std::vector<bool> filled(sig.params.size(), false);
  size_t next_positional = 0;
  bool unknown_positional = false, unknown_keywords = false, silent_failure = false;
  bool unpacking = false;
  for (const Argument& arg : args) {
    unpacking |= arg.kind == Argument::Kind::Star || arg.kind == Argument::Kind::DoubleStar;
  }
  int positional_params = 0;
  for (const Param& p : sig.params) positional_params += IsPositionalParam(p.kind);
  int provided_positional = 0, first_excess = -1;
  auto positional_slot = [&]() -> int {
    if (next_positional < sig.params.size() && IsPositionalParam(sig.params[next_positional].kind)) {
      return static_cast<int>(next_positional++);
    }
    return -1;
  };
  auto find_kind = [&](ParamKind kind) -> int {
    for (size_t i = 0; i < sig.params.size(); ++i) {
      if (sig.params[i].kind == kind) return static_cast<int>(i);
    }
    return -1;
  };
  for (size_t index = 0; index < args.size(); ++index) {
    const Argument& arg = args[index];
    const int i = static_cast<int>(index);
    switch (arg.kind) {
      case Argument::Kind::Positional: {
        if (unknown_positional) break;  // where it lands depends on the unpacked length
        ++provided_positional;
        int slot = positional_slot();
        if (slot >= 0) {
          filled[slot] = true;
          out.pairs.push_back({sig.params[slot].type, arg.type, i});
        } else if (int var = find_kind(ParamKind::VarArgs); var >= 0) {
          out.pairs.push_back({sig.params[var].type, arg.type, i});
        } else {
          out.ok = false;  // too many positional arguments
          if (first_excess < 0) first_excess = i;
        }
        break;
      }
      case Argument::Kind::Star: {
        // Its elements fill `*args` once no positional parameter is left to take them first.
        bool slots_left = false;
        for (size_t p = next_positional; p < sig.params.size(); ++p) slots_left |= IsPositionalParam(sig.params[p].kind);
        int var = find_kind(ParamKind::VarArgs);
        if (!unknown_positional && !slots_left && var >= 0 && arg.element.valid()) {
          out.pairs.push_back({sig.params[var].type, arg.element, i});
        }
        unknown_positional = true;
        break;
      }
      case Argument::Kind::DoubleStar:
        unknown_keywords = true;
        break;
      case Argument::Kind::Keyword: {
        int slot = -1;
        bool positional_only_name = false;
        for (size_t p = 0; p < sig.params.size(); ++p) {
          const Param& param = sig.params[p];
          if (param.name != arg.name) continue;
          if (param.kind == ParamKind::PositionalOrKeyword || param.kind == ParamKind::KeywordOnly) {
            slot = static_cast<int>(p);
            break;
          }
          if (param.kind == ParamKind::PositionalOnly) positional_only_name = true;
        }
        if (slot >= 0) {
          if (filled[slot]) {
            out.ok = false;  // given twice
            CallError e{CallError::Kind::ParameterAlreadyAssigned};
            e.parameters.push_back(sig.params[slot].name);
            e.argument = i;
            out.errors.push_back(std::move(e));
          } else {
            filled[slot] = true;
            out.pairs.push_back({sig.params[slot].type, arg.type, i});
          }
        } else if (int kw = find_kind(ParamKind::KwArgs); kw >= 0) {
          out.pairs.push_back({sig.params[kw].type, arg.type, i});
        } else {
          out.ok = false;
          if (positional_only_name) {
            // ty reports this as `positional-only-parameter-as-kwarg`, a rule we do not have.
            silent_failure = true;
          } else {
            CallError e{CallError::Kind::UnknownArgument};
            e.parameters.push_back(arg.name.str());
            e.argument = i;
            out.errors.push_back(std::move(e));
          }
        }
        break;
      }
    }
  }
  if (first_excess >= 0 && !unpacking) {
    CallError e{CallError::Kind::TooManyPositional};
    e.argument = first_excess;
    e.expected_count = positional_params;
    e.provided_count = provided_positional;
    out.errors.push_back(std::move(e));
  }
  std::vector<std::string> missing;
  bool unnamed_missing = false;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const Param& p = sig.params[i];
    if (filled[i] || p.has_default) continue;
    if (p.kind == ParamKind::VarArgs || p.kind == ParamKind::KwArgs) continue;
    bool positional = IsPositionalParam(p.kind);
    bool keyword = p.kind == ParamKind::PositionalOrKeyword || p.kind == ParamKind::KeywordOnly;
    if ((positional && unknown_positional) || (keyword && unknown_keywords)) continue;
    out.ok = false;  // missing argument
    missing.push_back(p.name);
    unnamed_missing |= p.name.empty();
  }
  if (!missing.empty() && !unpacking && !silent_failure && !unnamed_missing) {
    CallError e{CallError::Kind::MissingArguments};
    e.parameters = std::move(missing);
    out.errors.push_back(std::move(e));
  }
  return out;
}

}  // namespace asynctype
