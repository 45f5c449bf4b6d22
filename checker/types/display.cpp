// Type display, exactly as ty displays types (see mdtests/ for the expectations): instances by
// unqualified class name with all type arguments, `Literal[...]` groups folded in unions,
// `def f[T](x: T) -> T` for functions, `bound method C.m(...)`, `(int, /) -> str` for callables,
// `T@f` for TypeVars outside their own signature.
#include <string>

#include "checker/types/substitute.h"
#include "checker/types/type_store.h"
#include "llvm/Support/ErrorHandling.h"

namespace asynctype {
namespace {

class Displayer {
 public:
  explicit Displayer(TypeStore& store) : store_(store) {}

  std::string Type(TypeId id) {
    if (!id.valid()) return "Unknown";
    // A type that shares parts (`tuple[A, A]`, with A itself such a tuple, 40 levels deep) is
    // small in memory but exponentially long written out: past a bound, the rest is elided.
    if (++shown_ > kMaxShown) return "...";
    switch (store_.kind(id)) {
      case TypeKind::Unknown: return "Unknown";
      case TypeKind::Any: return "Any";
      case TypeKind::Never: return "Never";
      case TypeKind::NoneType: return "None";
      case TypeKind::Instance: return ClassWithArgs(id);
      case TypeKind::ClassLiteral: return "<class '" + ClassWithArgs(id) + "'>";
      case TypeKind::SubclassOf: return "type[" + Type(SubclassOfTypeView{store_, id}.instance()) + "]";
      case TypeKind::Function: return FunctionDisplay(FunctionTypeView{store_, id}.function(), /*named=*/true);
      case TypeKind::BoundMethod: return BoundMethodDisplay(id);
      case TypeKind::Callable: return SignatureDisplay(CallableTypeView{store_, id}.signature(), "", {});
      case TypeKind::Overloaded: {
        std::string out = "Overload[";
        bool first = true;
        for (TypeId f : OverloadedTypeView{store_, id}.overloads()) {
          if (!first) out += ", ";
          first = false;
          if (store_.kind(f) == TypeKind::Function) {
            out += FunctionDisplay(FunctionTypeView{store_, f}.function(), /*named=*/false);
          } else {
            out += Type(f);
          }
        }
        return out + "]";
      }
      case TypeKind::Module: return "<module '" + ModuleTypeView{store_, id}.name().str() + "'>";
      case TypeKind::Union: return UnionDisplay(id);
      case TypeKind::Tuple: return TupleDisplay(id);
      case TypeKind::IntLiteral:
      case TypeKind::BoolLiteral:
      case TypeKind::StringLiteral:
      case TypeKind::BytesLiteral: return "Literal[" + LiteralValue(id) + "]";
      case TypeKind::TypeVar: return TypeVarDisplay(id);
      case TypeKind::SpecialForm:
        return std::string("<special-form 'typing.") + SpecialFormName(SpecialFormTypeView{store_, id}.form()) + "'>";
      case TypeKind::TypeVarObject: {
        switch (store_.typevar(TypeVarObjectTypeView{store_, id}.typevar()).flavor) {
          case TypeVarFlavor::TypeVar: return "TypeVar";
          case TypeVarFlavor::ParamSpec: return "ParamSpec";
          case TypeVarFlavor::TypeVarTuple: return "TypeVarTuple";
        }
        llvm_unreachable("every TypeVarFlavor is handled");
      }
    }
    llvm_unreachable("every TypeKind is handled");
  }

 private:
  // A member of a union or an argument position: callables get parentheses.
  std::string Nested(TypeId id) {
    TypeKind k = store_.kind(id);
    std::string s = Type(id);
    if (k == TypeKind::Callable) return "(" + s + ")";
    return s;
  }

  std::string ClassWithArgs(TypeId id) {
    const ClassInfo& info = store_.cls(store_.ClassOf(id));
    std::string out = info.name;
    auto args = store_.TypeArgs(id);
    if (!args.empty()) {
      out += "[";
      for (size_t i = 0; i < args.size(); ++i) {
        if (i) out += ", ";
        out += Type(args[i]);
      }
      out += "]";
    }
    return out;
  }

  std::string TupleDisplay(TypeId id) {
    TupleTypeView tuple{store_, id};
    auto elements = tuple.elements();
    if (tuple.homogeneous()) return "tuple[" + Type(elements[0]) + ", ...]";
    if (elements.empty()) return "tuple[()]";
    std::string out = "tuple[";
    for (size_t i = 0; i < elements.size(); ++i) {
      if (i) out += ", ";
      out += Type(elements[i]);
    }
    return out + "]";
  }

  std::string LiteralValue(TypeId id) {
    switch (store_.kind(id)) {
      case TypeKind::IntLiteral: return std::to_string(store_.IntLiteralValue(id));
      case TypeKind::BoolLiteral: return BoolLiteralTypeView{store_, id}.value() ? "True" : "False";
      case TypeKind::StringLiteral: return Quote(StringLiteralTypeView{store_, id}.value(), "");
      case TypeKind::BytesLiteral: return Quote(BytesLiteralTypeView{store_, id}.value(), "b");
      default: llvm_unreachable("LiteralValue is called on literal types only");
    }
  }

  // A literal's text as Python would write it, control characters escaped (C1 ones too, which
  // are two bytes in UTF-8) so that no message carries raw terminal controls; past
  // kMaxLiteralChars characters it is cut with `...` (as pyright does), so a 256-character
  // decoding table does not fill the message.
  static constexpr size_t kMaxLiteralChars = 50;
  static std::string Quote(llvm::StringRef text, const char* prefix) {
    std::string out = prefix;
    out += '"';
    bool bytes = prefix[0] == 'b';  // any byte past ASCII is escaped; a str is UTF-8
    size_t chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      bool continuation = !bytes && (c & 0xC0) == 0x80;
      if (!continuation && chars++ == kMaxLiteralChars) {
        out += "...";
        break;
      }
      auto hex = [&](unsigned value) {
        static const char kDigits[] = "0123456789abcdef";
        out += "\\x";
        out += kDigits[value >> 4];
        out += kDigits[value & 15];
      };
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            hex(c);
          } else if (!bytes && c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                     static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            hex(static_cast<unsigned char>(text[++i]));  // U+0080..U+009F
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    out += '"';
    return out;
  }

  std::string UnionDisplay(TypeId id) {
    auto members = store_.UnionMembers(id);
    std::vector<std::string> parts;
    int literal_slot = -1;
    std::string literals;
    for (TypeId m : members) {
      TypeKind k = store_.kind(m);
      bool is_literal = k == TypeKind::IntLiteral || k == TypeKind::BoolLiteral ||
                        k == TypeKind::StringLiteral || k == TypeKind::BytesLiteral;
      if (is_literal) {
        if (literal_slot < 0) {
          literal_slot = static_cast<int>(parts.size());
          parts.emplace_back();
        } else {
          literals += ", ";
        }
        literals += LiteralValue(m);
        continue;
      }
      parts.push_back(Nested(m));
    }
    if (literal_slot >= 0) parts[literal_slot] = "Literal[" + literals + "]";
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) out += " | ";
      out += parts[i];
    }
    return out;
  }

  std::string TypeVarDisplay(TypeId id) {
    TypeVarTypeView view{store_, id};
    const TypeVarInfo& tv = store_.typevar(view.typevar());
    std::string name = tv.is_self ? "Self" : tv.name;
    uint32_t binding = view.binding();
    if (binder_code_ == binding) return name;  // inside its own signature
    switch (BindingContext::KindOf(binding)) {
      case BindingContext::Kind::Function:
        return name + "@" + store_.function(FunctionId(BindingContext::IdOf(binding))).name;
      case BindingContext::Kind::Class:
        return name + "@" + store_.cls(ClassId(BindingContext::IdOf(binding))).name;
      case BindingContext::Kind::None: return name;
    }
    llvm_unreachable("BindingContext::Encode writes one of the three kinds");
  }

  std::string FunctionDisplay(FunctionId fn, bool named) {
    const FunctionInfo& info = store_.function(fn);
    uint32_t saved = binder_code_;
    binder_code_ = BindingContext::Encode(BindingContext::Kind::Function, fn.value);
    std::string out = SignatureDisplay(info.signature, named ? "def " + info.name : "", {});
    binder_code_ = saved;
    return out;
  }

  std::string BoundMethodDisplay(TypeId id) {
    BoundMethodTypeView method{store_, id};
    TypeId function = method.function();
    TypeId self = method.self();
    if (store_.kind(function) != TypeKind::Function) return Type(function);
    FunctionId fn = FunctionTypeView{store_, function}.function();
    const FunctionInfo& info = store_.function(fn);
    Signature sig = info.signature;
    // Specialize the owner class's type parameters from the receiver, and bind Self.
    if (info.owner.valid()) {
      TypeId receiver = self;
      if (store_.kind(receiver) == TypeKind::ClassLiteral) {
        receiver = store_.Instance(store_.ClassOf(receiver), store_.TypeArgs(receiver));
      }
      TypeId upcast = Upcast(store_, receiver, info.owner);
      Substitution subst;
      if (upcast.valid()) subst = ClassSubstitution(store_, upcast);
      const ClassInfo& owner = store_.cls(info.owner);
      if (owner.self_typevar.valid()) subst.Add(owner.self_typevar, receiver);
      sig = SubstituteSignature(store_, sig, subst);
    }
    if (!sig.params.empty() && sig.params[0].kind != ParamKind::VarArgs &&
        sig.params[0].kind != ParamKind::KwArgs && !info.is_staticmethod) {
      sig.params.erase(sig.params.begin());
    }
    std::string receiver = Type(self);
    TypeKind rk = store_.kind(self);
    if (rk == TypeKind::Union || rk == TypeKind::Callable) receiver = "(" + receiver + ")";
    uint32_t saved = binder_code_;
    binder_code_ = BindingContext::Encode(BindingContext::Kind::Function, fn.value);
    std::string out = SignatureDisplay(sig, "bound method " + receiver + "." + info.name, {});
    binder_code_ = saved;
    return out;
  }

  std::string SignatureDisplay(const Signature& sig, const std::string& prefix,
                               llvm::ArrayRef<TypeId>) {
    std::string out = prefix;
    if (!sig.type_params.empty()) {
      out += "[";
      for (size_t i = 0; i < sig.type_params.size(); ++i) {
        if (i) out += ", ";
        const TypeVarInfo& tv = store_.typevar(TypeVarTypeView{store_, sig.type_params[i]}.typevar());
        std::string name = tv.is_self ? "Self" : tv.name;
        if (tv.flavor == TypeVarFlavor::ParamSpec) name = "**" + name;
        if (tv.flavor == TypeVarFlavor::TypeVarTuple) name = "*" + name;
        out += name;
      }
      out += "]";
    }
    out += "(";
    if (sig.param_spec.valid()) {
      out += "**" + TypeVarDisplay(sig.param_spec);
    } else if (sig.gradual) {
      out += "...";
    } else {
      bool first = true;
      auto sep = [&] {
        if (!first) out += ", ";
        first = false;
      };
      bool saw_star = false;
      for (size_t i = 0; i < sig.params.size(); ++i) {
        const Param& p = sig.params[i];
        if (p.kind == ParamKind::KeywordOnly && !saw_star) {
          sep();
          out += "*";
          saw_star = true;
        }
        sep();
        if (p.kind == ParamKind::VarArgs) {
          saw_star = true;
          out += "*";
        }
        if (p.kind == ParamKind::KwArgs) out += "**";
        if (p.name.empty()) {
          out += p.type.valid() ? Type(p.type) : "Unknown";
        } else {
          out += p.name;
          // `*args: *Ts`: the TypeVarTuple unpacked.
          bool unpacked = p.kind == ParamKind::VarArgs && p.type.valid() && store_.kind(p.type) == TypeKind::TypeVar &&
                          store_.typevar(TypeVarTypeView{store_, p.type}.typevar()).flavor == TypeVarFlavor::TypeVarTuple;
          if (p.type.valid()) out += ": " + std::string(unpacked ? "*" : "") + Type(p.type);
          if (p.has_default) out += p.type.valid() ? " = " + p.default_text : "=" + p.default_text;
        }
        bool last_positional_only =
            p.kind == ParamKind::PositionalOnly &&
            (i + 1 == sig.params.size() || sig.params[i + 1].kind != ParamKind::PositionalOnly);
        if (last_positional_only) {
          out += ", /";
        }
      }
    }
    out += ") -> ";
    TypeId ret = sig.return_type;
    std::string r = ret.valid() ? Type(ret) : "Unknown";
    if (sig.guard.valid()) r = std::string(sig.guard_is_typeis ? "TypeIs[" : "TypeGuard[") + Type(sig.guard) + "]";
    if (ret.valid() && store_.kind(ret) == TypeKind::Callable) r = "(" + r + ")";
    return out + r;
  }

  static constexpr size_t kMaxShown = 10000;

  TypeStore& store_;
  uint32_t binder_code_ = ~0u;
  size_t shown_ = 0;  // types written so far
};

}  // namespace

std::string TypeStore::Display(TypeId id) { return Displayer(*this).Type(id); }

}  // namespace asynctype
