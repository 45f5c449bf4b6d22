#include "checker/semantic/static_conditions.h"

#include <vector>

namespace asynctype {

namespace {
// The platform the checker assumes: what `sys.platform` and `os.name` are.
constexpr const char* kPlatform = "linux";
constexpr const char* kOsName = "posix";
}  // namespace

bool StaticConditions::IsModuleAttribute(NodeId expr, llvm::StringRef module, llvm::StringRef attr) const {
  if (!expr.valid() || ast_.kind(expr) != NodeKind::Attribute) return false;
  AttributeView attribute{ast_, expr};
  NodeId value = attribute.value();
  NodeId name = attribute.attr();
  return value.valid() && name.valid() && ast_.kind(value) == NodeKind::Name &&
         ast_.str(value) == module && ast_.str(name) == attr;
}

bool StaticConditions::IsSysAttribute(NodeId expr, llvm::StringRef attr) const {
  return IsModuleAttribute(expr, "sys", attr);
}

// `sys.version_info[0]` / `[1]` / `.major` / `.minor`: the configured version's field.
std::optional<int64_t> StaticConditions::VersionField(NodeId expr) const {
  if (!expr.valid()) return std::nullopt;
  int64_t index = -1;
  if (ast_.kind(expr) == NodeKind::Subscript && IsSysAttribute(SubscriptView{ast_, expr}.value(), "version_info")) {
    NodeId slice = SubscriptView{ast_, expr}.slice();
    if (!slice.valid() || ast_.kind(slice) != NodeKind::IntLiteral || IntLiteralView{ast_, slice}.is_big()) {
      return std::nullopt;
    }
    index = ast_.int_value(slice);
  } else if (ast_.kind(expr) == NodeKind::Attribute &&
             IsSysAttribute(AttributeView{ast_, expr}.value(), "version_info") &&
             AttributeView{ast_, expr}.attr().valid()) {
    llvm::StringRef field = ast_.str(AttributeView{ast_, expr}.attr());
    if (field == "major") index = 0;
    if (field == "minor") index = 1;
  }
  if (index == 0) return version_.major;
  if (index == 1) return version_.minor;
  return std::nullopt;
}

// `sys.version_info[:2]` / `sys.version_info[0:2]`.
bool StaticConditions::IsVersionPrefix(NodeId expr) const {
  if (!expr.valid() || ast_.kind(expr) != NodeKind::Subscript) return false;
  SubscriptView subscript{ast_, expr};
  if (!IsSysAttribute(subscript.value(), "version_info")) return false;
  NodeId slice = subscript.slice();
  if (!slice.valid() || ast_.kind(slice) != NodeKind::Slice) return false;
  SliceView parts{ast_, slice};
  NodeId lower = parts.lower();
  NodeId upper = parts.upper();
  NodeId step = parts.step();
  if (step.valid() || !upper.valid() || ast_.kind(upper) != NodeKind::IntLiteral || ast_.int_value(upper) != 2) {
    return false;
  }
  return !lower.valid() || (ast_.kind(lower) == NodeKind::IntLiteral && ast_.int_value(lower) == 0);
}

void StaticConditions::RecordName(llvm::StringRef name, bool value, bool bound_before) {
  auto [it, inserted] = names_.try_emplace(name, value);
  if (!inserted || bound_before) it->second = std::nullopt;  // bound twice: no longer static
}

void StaticConditions::NoteOtherBinding(llvm::StringRef name) {
  auto it = names_.find(name);
  if (it != names_.end()) it->second = std::nullopt;
}

std::optional<bool> StaticConditions::Truth(NodeId test) const {
  if (!test.valid()) return std::nullopt;
  switch (ast_.kind(test)) {
    case NodeKind::Name: {
      if (ast_.str(test) == "TYPE_CHECKING") return true;
      auto it = names_.find(ast_.str(test));
      if (it != names_.end() && it->second) return *it->second;
      return std::nullopt;
    }
    case NodeKind::Attribute: {
      NodeId attr = AttributeView{ast_, test}.attr();
      if (attr.valid() && ast_.str(attr) == "TYPE_CHECKING") return true;
      return std::nullopt;
    }
    case NodeKind::UnaryOp: {
      if (static_cast<UnaryOperator>(ast_.node(test).data) != UnaryOperator::Not) return std::nullopt;
      auto inner = Truth(UnaryOpView{ast_, test}.operand());
      if (inner) return !*inner;
      return std::nullopt;
    }
    case NodeKind::BoolOp: {
      BoolOpView op{ast_, test};
      auto left = Truth(op.left());
      auto right = Truth(op.right());
      bool is_and = static_cast<BoolOperator>(ast_.node(test).data) == BoolOperator::And;
      if (is_and) {
        if (left == false || right == false) return false;
        if (left == true && right == true) return true;
      } else {
        if (left == true || right == true) return true;
        if (left == false && right == false) return false;
      }
      return std::nullopt;
    }
    case NodeKind::Compare: return Compare(test);
    case NodeKind::Call: {
      // `sys.platform.startswith("win")`: the platform's prefix.
      NodeId func = CallView{ast_, test}.func();
      auto args = CallView{ast_, test}.args();
      if (!func.valid() || ast_.kind(func) != NodeKind::Attribute || args.size() != 1) return std::nullopt;
      NodeId method = AttributeView{ast_, func}.attr();
      NodeId prefix = args[0];
      if (!method.valid() || ast_.str(method) != "startswith" || !IsSysAttribute(AttributeView{ast_, func}.value(), "platform") ||
          !prefix.valid() || ast_.kind(prefix) != NodeKind::StringLiteral || ast_.Has(prefix, kFString) ||
          ast_.Has(prefix, kBytes)) {
        return std::nullopt;
      }
      return llvm::StringRef(kPlatform).startswith(ast_.str(prefix));
    }
    default: return std::nullopt;
  }
}

std::optional<bool> StaticConditions::Compare(NodeId test) const {
  auto ops = ast_.compare_ops(test);
  if (ops.size() != 1) return std::nullopt;
  CompareView compare{ast_, test};
  NodeId left = compare.left();
  NodeId right = compare.comparators().empty() ? NodeId::None() : compare.comparators()[0];
  CompareOp op = ops[0];
  // `sys.version_info[0] == 3`, `sys.version_info.major >= 3`: one field against an int.
  if (std::optional<int64_t> field = VersionField(left);
      field && right.valid() && ast_.kind(right) == NodeKind::IntLiteral && !IntLiteralView{ast_, right}.is_big()) {
    int64_t want = ast_.int_value(right);
    switch (op) {
      case CompareOp::Eq: return *field == want;
      case CompareOp::NotEq: return *field != want;
      case CompareOp::GtE: return *field >= want;
      case CompareOp::Gt: return *field > want;
      case CompareOp::LtE: return *field <= want;
      case CompareOp::Lt: return *field < want;
      default: return std::nullopt;
    }
  }
  // `sys.version_info[:2] >= (3, 4)`: the (major, minor) prefix against a tuple.
  if (IsVersionPrefix(left) && right.valid() && ast_.kind(right) == NodeKind::Tuple) {
    std::vector<int64_t> wanted;
    for (NodeId e : TupleView{ast_, right}.elts()) {
      if (!e.valid() || ast_.kind(e) != NodeKind::IntLiteral || IntLiteralView{ast_, e}.is_big()) return std::nullopt;
      wanted.push_back(ast_.int_value(e));
    }
    std::vector<int64_t> have = {version_.major, version_.minor};
    switch (op) {
      case CompareOp::Eq: return have == wanted;
      case CompareOp::NotEq: return have != wanted;
      case CompareOp::GtE: return have >= wanted;
      case CompareOp::Gt: return have > wanted;
      case CompareOp::LtE: return have <= wanted;
      case CompareOp::Lt: return have < wanted;
      default: return std::nullopt;
    }
  }
  if (IsSysAttribute(left, "version_info") && right.valid() && ast_.kind(right) == NodeKind::Tuple) {
    std::vector<int64_t> wanted;
    for (NodeId e : TupleView{ast_, right}.elts()) {
      if (!e.valid() || ast_.kind(e) != NodeKind::IntLiteral || IntLiteralView{ast_, e}.is_big()) return std::nullopt;
      wanted.push_back(ast_.int_value(e));
    }
    std::vector<int64_t> have = {version_.major, version_.minor};
    // Compare lexicographically over the given length (sys.version_info has more fields, so
    // a longer current version compares greater when the prefixes are equal).
    int cmp = 0;
    for (size_t i = 0; i < wanted.size() && cmp == 0; ++i) {
      int64_t h = i < have.size() ? have[i] : 0;
      cmp = h < wanted[i] ? -1 : (h > wanted[i] ? 1 : 0);
    }
    bool longer = wanted.size() < 5;  // version_info has 5 fields
    switch (op) {
      case CompareOp::GtE: return cmp >= 0;
      case CompareOp::Lt: return cmp < 0;
      case CompareOp::Gt: return cmp > 0 || (cmp == 0 && longer);
      case CompareOp::LtE: return cmp < 0 || (cmp == 0 && !longer);
      default: return std::nullopt;
    }
  }
  if (IsSysAttribute(left, "platform") && right.valid() && ast_.kind(right) == NodeKind::StringLiteral) {
    bool equal = ast_.str(right) == kPlatform;
    if (op == CompareOp::Eq) return equal;
    if (op == CompareOp::NotEq) return !equal;
  }
  // `os.name == "nt"`: "posix" on Linux.
  if (IsModuleAttribute(left, "os", "name") && right.valid() && ast_.kind(right) == NodeKind::StringLiteral &&
      !ast_.Has(right, kFString) && !ast_.Has(right, kBytes)) {
    bool equal = ast_.str(right) == kOsName;
    if (op == CompareOp::Eq) return equal;
    if (op == CompareOp::NotEq) return !equal;
  }
  return std::nullopt;
}

}  // namespace asynctype
