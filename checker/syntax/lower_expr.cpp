// Lowering of expressions (and assignment targets, annotations in tree-sitter's `type` wrappers,
// parameters and type parameters).
#include "checker/syntax/lower.h"

namespace asynctype::lowering {
namespace {

bool BinaryOpOf(Sym s, BinaryOp& op) {
  switch (s) {
    case Sym::TPlus: op = BinaryOp::Add; return true;
    case Sym::TMinus: op = BinaryOp::Sub; return true;
    case Sym::TStar: op = BinaryOp::Mult; return true;
    case Sym::TAt: op = BinaryOp::MatMult; return true;
    case Sym::TSlash: op = BinaryOp::Div; return true;
    case Sym::TDoubleSlash: op = BinaryOp::FloorDiv; return true;
    case Sym::TPercent: op = BinaryOp::Mod; return true;
    case Sym::TDoubleStar: op = BinaryOp::Pow; return true;
    case Sym::TLShift: op = BinaryOp::LShift; return true;
    case Sym::TRShift: op = BinaryOp::RShift; return true;
    case Sym::TPipe: op = BinaryOp::BitOr; return true;
    case Sym::TCaret: op = BinaryOp::BitXor; return true;
    case Sym::TAmp: op = BinaryOp::BitAnd; return true;
    default: return false;
  }
}

bool CompareOpOf(Sym s, CompareOp& op) {
  switch (s) {
    case Sym::TLt: op = CompareOp::Lt; return true;
    case Sym::TLtE: op = CompareOp::LtE; return true;
    case Sym::TEq: op = CompareOp::Eq; return true;
    case Sym::TNotEq: op = CompareOp::NotEq; return true;
    case Sym::TLtGt: op = CompareOp::NotEq; return true;
    case Sym::TGtE: op = CompareOp::GtE; return true;
    case Sym::TGt: op = CompareOp::Gt; return true;
    case Sym::TIn: op = CompareOp::In; return true;
    case Sym::TNotIn: op = CompareOp::NotIn; return true;
    case Sym::TIs: op = CompareOp::Is; return true;
    case Sym::TIsNot: op = CompareOp::IsNot; return true;
    default: return false;
  }
}

bool IsSplat(Sym s) {
  return s == Sym::ListSplat || s == Sym::ListSplatPattern || s == Sym::ParenthesizedListSplat;
}

}  // namespace

NodeId Lowerer::Expr(TSNode n) {
  // A leaf adds one level without recursing further: only subtrees with children are cut.
  if (AtDepthLimit() && ts_node_child_count(n) > 0) return TooDeep(n);
  DepthScope depth(*this);
  return ExprInner(n, SymOf(n));
}

NodeId Lowerer::ExprOrError(const Child& c, uint32_t offset) {
  return c.ok() ? Expr(c.node) : ErrorNode(At(offset));
}

NodeId Lowerer::ExprInner(TSNode n, Sym sym) {
  TextRange range = RangeOf(n);
  if (ts_node_is_missing(n)) return ErrorNode(At(range.start));
  switch (sym) {
    case Sym::Identifier: return Name(n);
    case Sym::Integer: return Number(n, /*is_float=*/false);
    case Sym::Float: return Number(n, /*is_float=*/true);
    case Sym::String:
    case Sym::ConcatenatedString: return StringLit(n);
    case Sym::True: return ast_.Add(NodeKind::BoolLiteral, range, {}, 1);
    case Sym::False: return ast_.Add(NodeKind::BoolLiteral, range, {}, 0);
    case Sym::None: return ast_.Add(NodeKind::NoneLiteral, range, {});
    case Sym::Ellipsis: return ast_.Add(NodeKind::EllipsisLiteral, range, {});
    case Sym::Attribute: return Attribute(n);
    case Sym::Subscript: return Subscript(n);
    case Sym::Call: return Call(n);
    case Sym::Await: return AwaitExpr(n);
    case Sym::UnaryOperator:
    case Sym::NotOperator: return Unary(n);
    case Sym::BinaryOperator: return Binary(n);
    case Sym::BooleanOperator: return Boolean(n);
    case Sym::ComparisonOperator: return Comparison(n);
    case Sym::Lambda: return Lambda(n);
    case Sym::ConditionalExpression: return Conditional(n);
    case Sym::NamedExpression: return Named(n);
    case Sym::AsPattern: return AsPatternInExpression(n);
    case Sym::AsPatternTarget:
    case Sym::ParenthesizedExpression:
    case Sym::ParenthesizedListSplat: return Parenthesized(n);
    case Sym::Tuple:
    case Sym::TuplePattern: return Sequence(n, NodeKind::Tuple, kParenthesized);
    case Sym::List:
    case Sym::ListPattern: return Sequence(n, NodeKind::ListExpr, 0);
    case Sym::Set: return Sequence(n, NodeKind::Set, 0);
    case Sym::ExpressionList:
    case Sym::PatternList: return Sequence(n, NodeKind::Tuple, 0);
    case Sym::Dictionary: return Dictionary(n);
    case Sym::ListComprehension: return Comprehension(n, NodeKind::ListComp);
    case Sym::SetComprehension: return Comprehension(n, NodeKind::SetComp);
    case Sym::DictionaryComprehension: return Comprehension(n, NodeKind::DictComp);
    case Sym::GeneratorExpression: return Comprehension(n, NodeKind::GeneratorExp);
    case Sym::Yield: return YieldExpr(n);
    case Sym::ListSplat:
    case Sym::ListSplatPattern: return Starred(n);
    case Sym::Type:
    case Sym::GenericType:
    case Sym::UnionType:
    case Sym::MemberType:
    case Sym::SplatType:
    case Sym::ConstrainedType: return TypeExpr(n, sym);
    case Sym::DottedName: return DottedNameExpr(n);
    case Sym::Error: return ErrorNode(range);  // its comments were collected when enumerated
    case Sym::DictionarySplat:
    case Sym::DictionarySplatPattern:
      Report(range, "`**` unpacking is not allowed here");
      CollectComments(n);
      return ErrorNode(range);
    default:
      CollectComments(n);
      return ErrorNode(range);
  }
}

NodeId Lowerer::Name(TSNode identifier) {
  TextRange range = RangeOf(identifier);
  if (ts_node_is_missing(identifier)) return ErrorNode(At(range.start));
  llvm::StringRef text = TextOf(identifier);
  if (text == "await" || text == "async") {
    Report(range, text == "await" ? "`await` is a keyword and cannot be used as a name"
                                  : "`async` is a keyword and cannot be used as a name");
  }
  return ast_.Add(NodeKind::Name, range, {}, ast_.InternView(text));
}

NodeId Lowerer::Sequence(TSNode n, NodeKind kind, uint8_t flags) {
  Kids kids(*this, n);
  // `(x)` without a comma is a parenthesized expression or target (`for (x) in y`), not a tuple.
  if ((flags & kParenthesized) && kids.NamedCount() == 1 && !kids.Has(Sym::TComma)) {
    return Expr(kids.Named(0).node);
  }
  IdScope elts(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.named && c.sym != Sym::Error) elts.Push(Expr(c.node));
  }
  return ast_.Add(kind, RangeOf(n), elts.ids(), 0, flags);
}

NodeId Lowerer::Attribute(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId value = ExprOrError(kids.Get(Field::Object), range.start);
  Child attr = kids.Get(Field::Attribute);
  NodeId attr_id =
      attr.ok() ? Ident(attr.node) : ast_.Add(NodeKind::Identifier, At(range.end), {});
  return ast_.Add(NodeKind::Attribute, range, {value, attr_id});
}

NodeId Lowerer::Subscript(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId value = ExprOrError(kids.Get(Field::Value), range.start);
  return ast_.Add(NodeKind::Subscript, range, {value, SubscriptSlice(kids, range)});
}

NodeId Lowerer::SubscriptSlice(const Kids& kids, TextRange range) {
  auto lower_index = [&](const Child& c) {
    return c.sym == Sym::Slice ? Slice(c.node) : Expr(c.node);
  };
  uint32_t count = 0;
  Child first;
  TextRange span;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.field == Field::Subscript && c.named) {
      if (count++ == 0) {
        first = c;
        span = RangeOf(c);
      }
      span.end = RangeOf(c).end;
    } else if (c.sym == Sym::TComma && count > 0) {
      span.end = RangeOf(c).end;
    }
  }
  NodeId slice;
  if (count == 0) {
    slice = ErrorNode(At(range.end));
  } else if (count == 1 && !kids.Has(Sym::TComma)) {
    slice = lower_index(first);
  } else {  // `a[1, 2]`, `a[1,]`: an unparenthesized tuple
    IdScope elts(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.field == Field::Subscript && c.named) elts.Push(lower_index(c));
    }
    slice = ast_.Add(NodeKind::Tuple, span, elts.ids());
  }
  return slice;
}

NodeId Lowerer::Slice(TSNode n) {
  if (AtDepthLimit()) return TooDeep(n);
  DepthScope depth(*this);
  Kids kids(*this, n);
  NodeId parts[3] = {NodeId::None(), NodeId::None(), NodeId::None()};
  uint32_t colons = 0;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym == Sym::TColon) {
      ++colons;
    } else if (c.named && c.sym != Sym::Error && colons < 3) {
      parts[colons] = Expr(c.node);
    }
  }
  return ast_.Add(NodeKind::Slice, RangeOf(n), {parts[0], parts[1], parts[2]});
}

NodeId Lowerer::Call(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  IdScope parts(*this);
  NodeId func = ExprOrError(kids.Get(Field::Function), range.start);
  parts.Push(func);
  Child args = kids.Get(Field::Arguments);
  if (args.sym == Sym::GeneratorExpression) {
    parts.Push(Expr(args.node));  // `f(x for x in y)`
  } else if (args.sym == Sym::ArgumentList) {
    llvm::StringRef callee;
    if (ast_.kind(func) == NodeKind::Name) callee = ast_.str(func);
    if (ast_.kind(func) == NodeKind::Attribute) {
      if (NodeId attr = AttributeView{ast_, func}.attr(); attr.valid()) callee = ast_.str(attr);
    }
    ArgumentsInto(args.node, parts, callee);
  }
  return ast_.Add(NodeKind::Call, range, parts.ids());
}

namespace {

// Arguments of typing's functions that are type expressions (so string forward references in
// them are parsed), by the callee's name: `cast(T, v)`, `TypeVar("T", *constraints, bound=T,
// default=T)`, `TypeAliasType("A", value)`, `NewType("N", T)`, `assert_type(v, T)`.
bool TypeExpressionArgument(llvm::StringRef callee, int positional, llvm::StringRef keyword) {
  if (!keyword.empty()) {
    return (callee == "TypeVar" && (keyword == "bound" || keyword == "default")) ||
           (callee == "TypeAliasType" && keyword == "value");
  }
  if (callee == "cast") return positional == 0;
  if (callee == "TypeVar") return positional >= 1;
  return (callee == "TypeAliasType" || callee == "NewType" || callee == "assert_type") && positional == 1;
}

}  // namespace

void Lowerer::ArgumentsInto(TSNode argument_list, IdScope& out, llvm::StringRef callee) {
  Kids kids(*this, argument_list);
  bool seen_keyword = false, seen_kwargs = false;
  int positional = 0;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (!c.named || c.sym == Sym::Error) continue;
    TextRange range = RangeOf(c);
    NodeId arg;
    if (c.sym == Sym::KeywordArgument) {
      Kids kw(*this, c.node);
      Child name = kw.Get(Field::Name);
      uint32_t name_id = name.ok() && !ts_node_is_missing(name.node)
                             ? ast_.InternView(TextOf(name.node))
                             : 0;
      bool type_expression = !callee.empty() && name_id != 0 && TypeExpressionArgument(callee, -1, TextOf(name.node));
      annotation_depth_ += type_expression;
      NodeId value = ExprOrError(kw.Get(Field::Value), range.end);
      annotation_depth_ -= type_expression;
      arg = ast_.Add(NodeKind::Keyword, range, {value}, name_id);
      seen_keyword = true;
    } else if (c.sym == Sym::DictionarySplat) {
      Kids splat(*this, c.node);
      arg = ast_.Add(NodeKind::Keyword, range, {ExprOrError(splat.Named(0), range.end)}, 0, kStar);
      seen_kwargs = true;
    } else {
      bool starred = IsSplat(c.sym) || (c.sym == Sym::ParenthesizedExpression &&
                                        ts_node_named_child_count(c.node) == 1 &&
                                        IsSplat(SymOf(ts_node_named_child(c.node, 0))));
      if (starred && seen_kwargs) {
        Report(range, "Iterable argument unpacking follows keyword argument unpacking");
      } else if (!starred && seen_kwargs) {
        Report(range, "Positional argument follows keyword argument unpacking");
      } else if (!starred && seen_keyword) {
        Report(range, "Positional argument follows keyword argument");
      }
      bool type_expression = !starred && !callee.empty() && TypeExpressionArgument(callee, positional, {});
      arg = type_expression ? AnnotationExpr(c.node) : Expr(c.node);
      ++positional;
    }
    out.Push(arg);
  }
}

NodeId Lowerer::Unary(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  UnaryOperator op = UnaryOperator::Not;
  if (SymOf(n) != Sym::NotOperator) {
    switch (kids.Get(Field::Operator).sym) {
      case Sym::TMinus: op = UnaryOperator::Minus; break;
      case Sym::TPlus: op = UnaryOperator::Plus; break;
      default: op = UnaryOperator::Invert; break;
    }
  }
  NodeId operand = ExprOrError(kids.Get(Field::Argument), range.end);
  return ast_.Add(NodeKind::UnaryOp, range, {operand}, static_cast<uint32_t>(op));
}

NodeId Lowerer::AwaitExpr(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child operand = kids.Named(0);
  if (operand.sym == Sym::BinaryOperator) {
    Kids power(*this, operand.node);
    if (power.Get(Field::Operator).sym == Sym::TDoubleStar) {
      Child left = power.Get(Field::Left);
      NodeId base = ExprOrError(left, RangeOf(operand).start);
      TextRange await_range{range.start, left.ok() ? RangeOf(left).end : range.end};
      NodeId awaited = ast_.Add(NodeKind::Await, await_range, {base});
      NodeId exponent = ExprOrError(power.Get(Field::Right), range.end);
      return ast_.Add(NodeKind::BinOp, range, {awaited, exponent},
                      static_cast<uint32_t>(BinaryOp::Pow));
    }
    return ast_.Add(NodeKind::Await, range, {Binary(operand.node, power)});
  }
  return ast_.Add(NodeKind::Await, range, {ExprOrError(operand, range.end)});
}

bool Lowerer::IsBitChainOp(TSNode n) {
  if (SymOf(n) != Sym::BinaryOperator || operator_field_ == 0) return false;
  TSNode op = ts_node_child_by_field_id(n, operator_field_);
  if (ts_node_is_null(op)) return false;
  Sym s = SymOf(op);
  return s == Sym::TAmp || s == Sym::TCaret;
}

void Lowerer::FlattenBitChain(const Kids& kids) {
  auto operand = [&](const Child& c) {
    if (c.ok() && !AtDepthLimit() && IsBitChainOp(c.node)) {
      DepthScope depth(*this);
      Kids inner(*this, c.node);
      FlattenBitChain(inner);
    } else {
      chain_operands_.push_back(c.node);  // a null node stands for a missing operand
    }
  };
  operand(kids.Get(Field::Left));
  chain_ops_.push_back(kids.Get(Field::Operator).sym);
  operand(kids.Get(Field::Right));
}

NodeId Lowerer::BitChain(TSNode root, const Kids& root_kids) {
  size_t operand_base = chain_operands_.size(), op_base = chain_ops_.size();
  FlattenBitChain(root_kids);
  size_t op_count = chain_ops_.size() - op_base;
  NodeId result;
  if (depth_ + op_count >= kMaxNestingDepth) {
    result = TooDeep(root);
  } else {
    IdScope operands(*this);
    std::vector<TextRange>& ranges = chain_ranges_;
    size_t range_base = ranges.size();
    for (size_t i = 0; i <= op_count; ++i) {
      TSNode operand = chain_operands_[operand_base + i];
      bool missing = ts_node_is_null(operand);
      TextRange r = missing ? At(RangeOf(root).end) : RangeOf(operand);
      ranges.push_back(r);
      operands.Push(missing ? ErrorNode(r) : Expr(operand));
    }
    // `&` binds tighter than `^`; both associate to the left.
    auto combine = [&](NodeId left, TextRange& left_range, BinaryOp op, NodeId right,
                       TextRange right_range) {
      left_range.end = right_range.end;
      return ast_.Add(NodeKind::BinOp, left_range, {left, right}, static_cast<uint32_t>(op));
    };
    NodeId xor_acc = NodeId::None(), and_acc = operands[0];
    TextRange xor_range, and_range = ranges[range_base];
    for (size_t i = 0; i < op_count; ++i) {
      NodeId next = operands[i + 1];
      TextRange next_range = ranges[range_base + i + 1];
      if (chain_ops_[op_base + i] == Sym::TAmp) {
        and_acc = combine(and_acc, and_range, BinaryOp::BitAnd, next, next_range);
      } else {
        if (xor_acc) {
          xor_acc = combine(xor_acc, xor_range, BinaryOp::BitXor, and_acc, and_range);
        } else {
          xor_acc = and_acc;
          xor_range = and_range;
        }
        and_acc = next;
        and_range = next_range;
      }
    }
    result = xor_acc ? combine(xor_acc, xor_range, BinaryOp::BitXor, and_acc, and_range) : and_acc;
    ranges.resize(range_base);
  }
  chain_operands_.resize(operand_base);
  chain_ops_.resize(op_base);
  return result;
}

NodeId Lowerer::Binary(TSNode n) {
  Kids kids(*this, n);
  return Binary(n, kids);
}

NodeId Lowerer::Binary(TSNode n, const Kids& kids) {
  TextRange range = RangeOf(n);
  Sym op_sym = kids.Get(Field::Operator).sym;
  if (op_sym == Sym::TAmp || op_sym == Sym::TCaret) return BitChain(n, kids);
  BinaryOp op = BinaryOp::Add;
  BinaryOpOf(op_sym, op);
  NodeId left = ExprOrError(kids.Get(Field::Left), range.start);
  NodeId right = ExprOrError(kids.Get(Field::Right), range.end);
  return ast_.Add(NodeKind::BinOp, range, {left, right}, static_cast<uint32_t>(op));
}

NodeId Lowerer::Boolean(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  BoolOperator op =
      kids.Get(Field::Operator).sym == Sym::TOr ? BoolOperator::Or : BoolOperator::And;
  NodeId left = ExprOrError(kids.Get(Field::Left), range.start);
  NodeId right = ExprOrError(kids.Get(Field::Right), range.end);
  return ast_.Add(NodeKind::BoolOp, range, {left, right}, static_cast<uint32_t>(op));
}

NodeId Lowerer::Comparison(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  IdScope operands(*this);
  size_t ops_base = compare_scratch_.size();
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    CompareOp op;
    if (c.field == Field::Operators && CompareOpOf(c.sym, op)) {
      if (c.sym == Sym::TLtGt) {
        Report(RangeOf(c), "The `<>` operator is Python 2 syntax; use `!=`");
      }
      compare_scratch_.push_back(op);
    } else if (c.named && c.sym != Sym::Error) {
      operands.Push(Expr(c.node));
    }
  }
  // Keep `operands == ops + 1` even after syntax errors.
  size_t ops = compare_scratch_.size() - ops_base;
  while (operands.size() < ops + 1) operands.Push(ErrorNode(At(range.end)));
  while (operands.size() > ops + 1) {
    compare_scratch_.push_back(CompareOp::Eq);
    ++ops;
  }
  uint32_t data =
      ast_.AddCompareOps(llvm::ArrayRef<CompareOp>(compare_scratch_).drop_front(ops_base));
  compare_scratch_.resize(ops_base);
  return ast_.Add(NodeKind::Compare, range, operands.ids(), data);
}

NodeId Lowerer::Lambda(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child keyword = kids.Find(Sym::TLambda);
  uint32_t offset = keyword.ok() ? RangeOf(keyword).end : range.start;
  NodeId params = Parameters(kids.Get(Field::Parameters), offset);
  NodeId body = ExprOrError(kids.Get(Field::Body), range.end);
  return ast_.Add(NodeKind::Lambda, range, {params, body});
}

NodeId Lowerer::Conditional(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId body = ExprOrError(kids.Named(0), range.start);
  NodeId test = ExprOrError(kids.Named(1), range.end);
  NodeId orelse = ExprOrError(kids.Named(2), range.end);
  return ast_.Add(NodeKind::IfExp, range, {body, test, orelse});
}

NodeId Lowerer::Named(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child name = kids.Get(Field::Name);
  NodeId target = name.ok() ? Name(name.node) : ErrorNode(At(range.start));
  NodeId value = ExprOrError(kids.Get(Field::Value), range.end);
  return ast_.Add(NodeKind::NamedExpr, range, {target, value});
}

NodeId Lowerer::AsPatternInExpression(TSNode n) {
  TextRange range = RangeOf(n);
  Report(range, "`as` is not allowed here");
  Kids kids(*this, n);
  Child alias = kids.Get(Field::Alias);
  if (alias.ok()) CollectComments(alias.node);
  return ExprOrError(kids.Named(0), range.start);
}

NodeId Lowerer::Parenthesized(TSNode n) {
  Kids kids(*this, n);
  Child inner = kids.Named(0);
  return inner.ok() ? Expr(inner.node) : ErrorNode(RangeOf(n));
}

NodeId Lowerer::Dictionary(TSNode n) {
  Kids kids(*this, n);
  IdScope items(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    TextRange range = RangeOf(c);
    if (c.sym == Sym::Pair) {
      Kids pair(*this, c.node);
      NodeId key = ExprOrError(pair.Get(Field::Key), range.start);
      NodeId value = ExprOrError(pair.Get(Field::Value), range.end);
      items.Push(ast_.Add(NodeKind::DictItem, range, {key, value}));
    } else if (c.sym == Sym::DictionarySplat) {
      Kids splat(*this, c.node);
      NodeId value = ExprOrError(splat.Named(0), range.end);
      items.Push(ast_.Add(NodeKind::DictItem, range, {NodeId::None(), value}));
    }
  }
  return ast_.Add(NodeKind::Dict, RangeOf(n), items.ids());
}

NodeId Lowerer::Comprehension(TSNode n, NodeKind kind) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  IdScope parts(*this);
  Child body = kids.Get(Field::Body);
  if (kind == NodeKind::DictComp) {
    if (body.sym == Sym::Pair) {
      Kids pair(*this, body.node);
      NodeId key = ExprOrError(pair.Get(Field::Key), RangeOf(body).start);
      NodeId value = ExprOrError(pair.Get(Field::Value), RangeOf(body).end);
      parts.Push(key);
      parts.Push(value);
    } else {
      parts.Push(ErrorNode(At(range.start)));
      parts.Push(ErrorNode(At(range.start)));
    }
  } else {
    parts.Push(ExprOrError(body, range.start));
  }
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym != Sym::ForInClause) continue;
    // The if-clauses up to the next for-clause belong to this one.
    uint32_t end = i + 1;
    while (end < kids.size() && (kids[end].sym == Sym::IfClause || kids[end].sym == Sym::Error)) {
      ++end;
    }
    parts.Push(ComprehensionClause(c, kids, i + 1, end));
    i = end - 1;
  }
  return ast_.Add(kind, range, parts.ids());
}

NodeId Lowerer::ComprehensionClause(const Child& for_clause, const Kids& kids, uint32_t first_if,
                                    uint32_t end) {
  // (Indices rather than Child copies keep this recursive frame small.)
  IdScope parts(*this);
  uint8_t flags = 0;
  {
    Kids clause(*this, for_clause.node);
    flags = clause.Has(Sym::TAsync) ? kAsync : 0;
    parts.Push(ExprOrError(clause.Get(Field::Left), ts_node_start_byte(for_clause.node)));
    uint32_t iters = 0, first_iter = 0;
    for (uint32_t j = 0; j < clause.size(); ++j) {
      if (clause[j].field == Field::Right && clause[j].named && iters++ == 0) first_iter = j;
    }
    if (iters == 1 && !clause.Has(Sym::TComma)) {
      parts.Push(Expr(clause[first_iter].node));
    } else if (iters == 0) {
      parts.Push(ErrorNode(At(ts_node_end_byte(for_clause.node))));
    } else {
      parts.Push(UnparenthesizedIterable(clause));
    }
  }
  TextRange range = RangeOf(for_clause);
  for (uint32_t j = first_if; j < end; ++j) {
    if (kids[j].sym != Sym::IfClause) continue;
    TSNode if_clause = kids[j].node;
    Kids if_kids(*this, if_clause);
    parts.Push(ExprOrError(if_kids.Named(0), ts_node_end_byte(if_clause)));
    range.end = ts_node_end_byte(if_clause);
  }
  return ast_.Add(NodeKind::Comprehension, range, parts.ids(), 0, flags);
}

// `for x in a, b` inside a comprehension: invalid, lowered as a Tuple.
NodeId Lowerer::UnparenthesizedIterable(const Kids& clause) {
  IdScope elts(*this);
  TextRange span;
  for (uint32_t j = 0; j < clause.size(); ++j) {
    Child it = clause[j];
    if (it.field != Field::Right || !it.named) continue;
    if (elts.size() == 0) span.start = RangeOf(it).start;
    span.end = RangeOf(it).end;
    elts.Push(Expr(it.node));
  }
  Report(span, "Unparenthesized tuple in a comprehension's iterable");
  return ast_.Add(NodeKind::Tuple, span, elts.ids());
}

NodeId Lowerer::YieldExpr(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child value = kids.Named(0);
  if (kids.Has(Sym::TFrom)) {
    return ast_.Add(NodeKind::YieldFrom, range, {ExprOrError(value, range.end)});
  }
  return ast_.Add(NodeKind::Yield, range, {value.ok() ? Expr(value.node) : NodeId::None()});
}

NodeId Lowerer::Starred(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  return ast_.Add(NodeKind::Starred, range, {ExprOrError(kids.Named(0), range.end)});
}

NodeId Lowerer::DottedNameExpr(TSNode dotted_name) {
  TextRange range = RangeOf(dotted_name);
  Kids kids(*this, dotted_name);
  NodeId current = NodeId::None();
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym != Sym::Identifier) continue;
    if (!current) {
      current = Name(c.node);
    } else {
      current = ast_.Add(NodeKind::Attribute, {range.start, RangeOf(c).end},
                         {current, Ident(c.node)});
    }
  }
  return current ? current : ErrorNode(range);
}

// The target of a misparsed `type(x).attr = v` (see TypeAlias): `n` is the CST of `(x).attr`,
// whose leftmost parenthesized expression or tuple holds the arguments of the call `type(...)`.
NodeId Lowerer::TypeCallTarget(TSNode n, TSNode type_keyword) {
  if (AtDepthLimit()) return TooDeep(n);
  DepthScope depth(*this);
  TextRange range{ts_node_start_byte(type_keyword), ts_node_end_byte(n)};
  Sym sym = SymOf(n);
  switch (sym) {
    case Sym::Attribute: {
      Kids kids(*this, n);
      Child object = kids.Get(Field::Object);
      NodeId value = object.ok() ? TypeCallTarget(object.node, type_keyword)
                                 : ErrorNode(At(range.start));
      Child attr = kids.Get(Field::Attribute);
      NodeId attr_id =
          attr.ok() ? Ident(attr.node) : ast_.Add(NodeKind::Identifier, At(range.end), {});
      return ast_.Add(NodeKind::Attribute, range, {value, attr_id});
    }
    case Sym::Subscript: {
      Kids kids(*this, n);
      Child object = kids.Get(Field::Value);
      NodeId value = object.ok() ? TypeCallTarget(object.node, type_keyword)
                                 : ErrorNode(At(range.start));
      return ast_.Add(NodeKind::Subscript, range, {value, SubscriptSlice(kids, RangeOf(n))});
    }
    case Sym::Call: {
      Kids kids(*this, n);
      Child function = kids.Get(Field::Function);
      IdScope parts(*this);
      parts.Push(function.ok() ? TypeCallTarget(function.node, type_keyword)
                               : ErrorNode(At(range.start)));
      Child args = kids.Get(Field::Arguments);
      if (args.sym == Sym::GeneratorExpression) {
        parts.Push(Expr(args.node));
      } else if (args.sym == Sym::ArgumentList) {
        ArgumentsInto(args.node, parts);
      }
      return ast_.Add(NodeKind::Call, range, parts.ids());
    }
    case Sym::ParenthesizedExpression:
    case Sym::Tuple:
    case Sym::GeneratorExpression: {  // the call's arguments
      IdScope parts(*this);
      parts.Push(ast_.Add(NodeKind::Name, RangeOf(type_keyword), {}, ast_.InternView("type")));
      if (sym == Sym::GeneratorExpression) {
        parts.Push(Expr(n));
      } else {
        Kids kids(*this, n);
        for (uint32_t i = 0; i < kids.size(); ++i) {
          Child c = kids[i];
          if (c.named && c.sym != Sym::Error) parts.Push(Expr(c.node));
        }
      }
      return ast_.Add(NodeKind::Call, range, parts.ids());
    }
    default:
      Report(RangeOf(n), "Invalid type alias name");
      return Expr(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Annotations: tree-sitter's `type` wrapper and the node kinds that only occur inside it

NodeId Lowerer::TypeExpr(TSNode n, Sym sym) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  switch (sym) {
    case Sym::Type:
      return ExprOrError(kids.Named(0), range.start);
    case Sym::GenericType: {  // `list[int]` -> Subscript
      NodeId value = ExprOrError(kids.Named(0), range.start);
      Child params = kids.Find(Sym::TypeParameter);
      NodeId slice;
      if (!params.ok()) {
        slice = ErrorNode(At(range.end));
      } else {
        Kids types(*this, params.node);
        uint32_t count = types.NamedCount();
        if (count == 1 && !types.Has(Sym::TComma)) {
          slice = Expr(types.Named(0).node);
        } else {
          IdScope elts(*this);
          TextRange span = At(RangeOf(params).start + 1);
          for (uint32_t i = 0; i < types.size(); ++i) {
            Child c = types[i];
            if (!c.named || c.sym == Sym::Error) continue;
            if (elts.size() == 0) span.start = RangeOf(c).start;
            span.end = RangeOf(c).end;
            elts.Push(Expr(c.node));
          }
          slice = ast_.Add(NodeKind::Tuple, span, elts.ids());
        }
      }
      return ast_.Add(NodeKind::Subscript, range, {value, slice});
    }
    case Sym::UnionType: {  // `A | B` -> BinOp BitOr
      NodeId left = ExprOrError(kids.Named(0), range.start);
      NodeId right = ExprOrError(kids.Named(1), range.end);
      return ast_.Add(NodeKind::BinOp, range, {left, right},
                      static_cast<uint32_t>(BinaryOp::BitOr));
    }
    case Sym::MemberType: {  // `a.B` -> Attribute
      NodeId value = ExprOrError(kids.Named(0), range.start);
      Child attr = kids.Named(1);
      NodeId attr_id =
          attr.ok() ? Ident(attr.node) : ast_.Add(NodeKind::Identifier, At(range.end), {});
      return ast_.Add(NodeKind::Attribute, range, {value, attr_id});
    }
    case Sym::SplatType: {  // `*Ts` -> Starred
      if (kids.Has(Sym::TDoubleStar)) Report(range, "`**` is only allowed in type parameter lists");
      Child name = kids.Named(0);
      NodeId value = name.ok() ? Name(name.node) : ErrorNode(At(range.end));
      return ast_.Add(NodeKind::Starred, range, {value});
    }
    case Sym::ConstrainedType: {  // `T: int` outside a type parameter list
      Report(range, "Invalid syntax");
      Child bound = kids.Named(1);
      if (bound.ok()) CollectComments(bound.node);
      return ExprOrError(kids.Named(0), range.start);
    }
    default:
      return ErrorNode(range);
  }
}

NodeId Lowerer::TypeParams(const Child& type_parameter) {
  Kids kids(*this, type_parameter.node);
  IdScope items(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.named && c.sym != Sym::Error) items.Push(TypeParam(c.node));
  }
  return ast_.Add(NodeKind::List, RangeOf(type_parameter), items.ids());
}

NodeId Lowerer::TypeParam(TSNode type) {
  TextRange range = RangeOf(type);
  Kids kids(*this, type);
  Child inner = SymOf(type) == Sym::Type ? kids.Named(0) : Child{type, SymOf(type)};
  auto name_of = [&](TSNode identifier) {
    return ts_node_is_missing(identifier) ? 0u : ast_.InternView(TextOf(identifier));
  };
  switch (inner.sym) {
    case Sym::Identifier:
      return ast_.Add(NodeKind::TypeParam, range, {NodeId::None(), NodeId::None()},
                      name_of(inner.node), static_cast<uint8_t>(TypeParamKind::TypeVar));
    case Sym::ConstrainedType: {  // `T: bound` or `T: (A, B)`
      Kids parts(*this, inner.node);
      Child name_type = parts.Named(0);
      Child bound = parts.Named(1);
      uint32_t name = 0;
      if (name_type.ok()) {
        Kids name_kids(*this, name_type.node);
        Child id = name_kids.Named(0);
        if (id.sym == Sym::Identifier) {
          name = name_of(id.node);
        } else {
          Report(RangeOf(name_type), "Expected an identifier");
          if (id.ok()) CollectComments(id.node);
        }
      }
      NodeId bound_id = bound.ok() ? Expr(bound.node) : ErrorNode(At(range.end));
      return ast_.Add(NodeKind::TypeParam, range, {bound_id, NodeId::None()}, name,
                      static_cast<uint8_t>(TypeParamKind::TypeVar));
    }
    case Sym::SplatType: {  // `*Ts`, `**P`
      Kids parts(*this, inner.node);
      TypeParamKind kind =
          parts.Has(Sym::TDoubleStar) ? TypeParamKind::ParamSpec : TypeParamKind::TypeVarTuple;
      Child id = parts.Named(0);
      uint32_t name = id.sym == Sym::Identifier ? name_of(id.node) : 0;
      return ast_.Add(NodeKind::TypeParam, range, {NodeId::None(), NodeId::None()}, name,
                      static_cast<uint8_t>(kind));
    }
    default:
      Report(range, "Invalid type parameter");
      if (inner.ok()) CollectComments(inner.node);
      return ErrorNode(range);
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters

NodeId Lowerer::Parameters(const Child& params, uint32_t empty_offset) {
  if (!params.ok()) return ast_.Add(NodeKind::Parameters, At(empty_offset), {});
  Kids kids(*this, params.node);
  bool has_slash = false;
  for (uint32_t i = 0; i < kids.size(); ++i) has_slash |= kids[i].sym == Sym::PositionalSeparator;

  IdScope out(*this);
  ParameterKind positional =
      has_slash ? ParameterKind::PositionalOnly : ParameterKind::PositionalOrKeyword;
  bool keyword_only = false, seen_default = false;
  TextRange bare_star{0, 0};
  bool bare_star_pending = false;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (!c.named || c.sym == Sym::Error) continue;
    TextRange range = RangeOf(c);
    if (c.sym == Sym::PositionalSeparator) {
      if (keyword_only) Report(range, "`/` must come before `*`");
      positional = ParameterKind::PositionalOrKeyword;
      continue;
    }
    if (c.sym == Sym::KeywordSeparator) {
      if (keyword_only) Report(range, "`*` may appear only once");
      keyword_only = true;
      bare_star_pending = true;
      bare_star = range;
      continue;
    }
    ParameterKind kind = keyword_only ? ParameterKind::KeywordOnly : positional;
    TSNode name_node{};
    NodeId annotation = NodeId::None(), default_value = NodeId::None();
    // The name and kind of a parameter node (identifier, `*args`, `**kwargs`).
    auto take_name = [&](const Child& part) {
      if (part.sym == Sym::Identifier) {
        name_node = part.node;
      } else if (part.sym == Sym::ListSplatPattern || part.sym == Sym::DictionarySplatPattern) {
        Kids splat(*this, part.node);
        Child id = splat.Named(0);
        if (id.sym == Sym::Identifier) {
          name_node = id.node;
        } else {
          Report(RangeOf(part), "Expected an identifier");
          if (id.ok()) CollectComments(id.node);
        }
        kind = part.sym == Sym::ListSplatPattern ? ParameterKind::VarArgs : ParameterKind::KwArgs;
      } else if (part.sym == Sym::TuplePattern) {
        Report(RangeOf(part), "Tuple parameter unpacking is not supported in Python 3");
        CollectComments(part.node);
      }
    };
    switch (c.sym) {
      case Sym::Identifier:
      case Sym::ListSplatPattern:
      case Sym::DictionarySplatPattern:
      case Sym::TuplePattern:
        take_name(c);
        break;
      case Sym::DefaultParameter:
      case Sym::TypedParameter:
      case Sym::TypedDefaultParameter: {
        Kids parts(*this, c.node);
        Child name = parts.Get(Field::Name);
        if (!name.ok()) {
          for (uint32_t j = 0; j < parts.size(); ++j) {
            Child p = parts[j];
            if (p.named && p.field == Field::None && p.sym != Sym::Error) {
              name = p;
              break;
            }
          }
        }
        if (name.ok()) take_name(name);
        Child type = parts.Get(Field::Type);
        Child value = parts.Get(Field::Value);
        if (type.ok()) annotation = AnnotationExpr(type.node);
        if (value.ok()) default_value = Expr(value.node);
        break;
      }
      default:
        CollectComments(c.node);
        continue;
    }
    if (name_node.id == nullptr && c.sym == Sym::TuplePattern) continue;
    if (c.sym == Sym::DefaultParameter && name_node.id == nullptr) continue;  // `(a, b)=...`
    if (kind == ParameterKind::VarArgs) keyword_only = true;
    if (kind == ParameterKind::KeywordOnly) bare_star_pending = false;
    if (kind == ParameterKind::PositionalOnly || kind == ParameterKind::PositionalOrKeyword) {
      if (default_value) {
        seen_default = true;
      } else if (seen_default) {
        Report(range, "Parameter without a default follows parameter with a default");
      }
    }
    uint32_t name = name_node.id != nullptr && !ts_node_is_missing(name_node)
                        ? ast_.InternView(TextOf(name_node))
                        : 0;
    out.Push(ast_.Add(NodeKind::Parameter, range, {annotation, default_value}, name,
                      static_cast<uint8_t>(kind)));
  }
  if (bare_star_pending) Report(bare_star, "Named parameters must follow a bare `*`");
  return ast_.Add(NodeKind::Parameters, RangeOf(params), out.ids());
}

}  // namespace asynctype::lowering
