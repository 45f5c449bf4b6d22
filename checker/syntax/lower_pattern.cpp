// Lowering of `match` patterns. tree-sitter-python wraps most patterns in `case_pattern` nodes
// and inlines a leading `-` of numbers as a sibling token, so several functions here work on a
// range of enumerated children rather than on one node.
#include "checker/syntax/lower.h"

namespace asynctype::lowering {

NodeId Lowerer::Pattern(TSNode n) {
  if (AtDepthLimit() && ts_node_child_count(n) > 0) return TooDeep(n);
  DepthScope depth(*this);
  Sym sym = SymOf(n);
  if (sym != Sym::CasePattern) return PatternFromKid(Child{n, sym}, false, RangeOf(n));
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  if (kids.size() == 0) return ErrorNode(range);
  Child first = kids[0];
  if (first.sym == Sym::AsPattern) {  // `p as name`
    Kids as(*this, first.node);
    Child inner = as.Find(Sym::CasePattern);
    Child name = as.Find(Sym::Identifier);
    NodeId pattern = inner.ok() ? Pattern(inner.node) : ErrorNode(At(range.start));
    NodeId name_id = name.ok() ? Ident(name.node) : NodeId::None();
    return ast_.Add(NodeKind::MatchAs, range, {pattern, name_id});
  }
  if (first.sym == Sym::KeywordPattern) {
    Report(range, "Keyword patterns are only allowed in class patterns");
    CollectComments(first.node);
    return ErrorNode(range);
  }
  return SimplePattern(kids, 0, kids.size());
}

NodeId Lowerer::SimplePattern(const Kids& kids, uint32_t from, uint32_t to) {
  bool negative = false;
  uint32_t start = from < to ? RangeOf(kids[from]).start : 0;
  for (uint32_t i = from; i < to; ++i) {
    Child c = kids[i];
    if (c.sym == Sym::Error) continue;
    if (c.sym == Sym::TMinus) {
      negative = true;
      continue;
    }
    return PatternFromKid(c, negative, {negative ? start : RangeOf(c).start, RangeOf(c).end});
  }
  return ErrorNode(At(start));
}

NodeId Lowerer::PatternFromKid(const Child& c, bool negative, TextRange range) {
  if (AtDepthLimit() && ts_node_child_count(c.node) > 0) return TooDeep(c.node);
  DepthScope depth(*this);
  switch (c.sym) {
    case Sym::TUnderscore:
      return ast_.Add(NodeKind::MatchAs, range, {NodeId::None(), NodeId::None()});
    case Sym::Integer:
    case Sym::Float:
    case Sym::ComplexPattern:
    case Sym::String:
    case Sym::ConcatenatedString:
    case Sym::DottedName: {
      if (c.sym == Sym::DottedName && ts_node_named_child_count(c.node) == 1) {
        // A bare name is a capture pattern.
        TSNode id = ts_node_named_child(c.node, 0);
        return ast_.Add(NodeKind::MatchAs, range, {NodeId::None(), Ident(id)});
      }
      NodeId value = PatternValueExpr(c, negative, range);
      return ast_.Add(NodeKind::MatchValue, range, {value});
    }
    case Sym::True:
    case Sym::False:
    case Sym::None:
      return ast_.Add(NodeKind::MatchSingleton, range, {Expr(c.node)});
    case Sym::ClassPattern: return MatchClass(c.node);
    case Sym::UnionPattern: return MatchOr(c.node);
    case Sym::ListPattern:
    case Sym::TuplePattern: return MatchSequence(c.node);
    case Sym::DictPattern: return MatchMapping(c.node);
    case Sym::CasePattern: return Pattern(c.node);
    case Sym::SplatPattern: {  // `*name`, `*_`
      Kids kids(*this, c.node);
      if (kids.Has(Sym::TDoubleStar)) {
        Report(range, "`**` patterns are only allowed in mapping patterns");
      }
      Child id = kids.Find(Sym::Identifier);
      return ast_.Add(NodeKind::MatchStar, range, {id.ok() ? Ident(id.node) : NodeId::None()});
    }
    default:
      if (c.ok()) CollectComments(c.node);
      return ErrorNode(range);
  }
}

// A value in a pattern (MatchValue or a mapping key) as an expression.
NodeId Lowerer::PatternValueExpr(const Child& c, bool negative, TextRange range) {
  switch (c.sym) {
    case Sym::Integer:
    case Sym::Float: {
      NodeId number = Number(c.node, c.sym == Sym::Float);
      if (!negative) return number;
      return ast_.Add(NodeKind::UnaryOp, range, {number},
                      static_cast<uint32_t>(UnaryOperator::Minus));
    }
    case Sym::ComplexPattern: return ComplexValue(c.node, range);
    case Sym::String:
    case Sym::ConcatenatedString: {
      NodeId s = StringLit(c.node);
      if (StringLiteralView{ast_, s}.is_fstring()) Report(range, "Patterns may not match formatted string literals");
      return s;
    }
    case Sym::True:
    case Sym::False:
    case Sym::None: return Expr(c.node);
    case Sym::DottedName: return DottedNameExpr(c.node);
    default:
      Report(range, "Invalid mapping pattern key");
      if (c.ok()) CollectComments(c.node);
      return ErrorNode(range);
  }
}

// `1 + 2j`, `-1 - 2j`
NodeId Lowerer::ComplexValue(TSNode n, TextRange range) {
  Kids kids(*this, n);
  NodeId left = NodeId::None(), right = NodeId::None();
  BinaryOp op = BinaryOp::Add;
  bool negative = false;
  uint32_t start = range.start;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym == Sym::Integer || c.sym == Sym::Float) {
      NodeId number = Number(c.node, c.sym == Sym::Float);
      if (!left) {
        left = negative ? ast_.Add(NodeKind::UnaryOp, {start, RangeOf(c).end}, {number},
                                   static_cast<uint32_t>(UnaryOperator::Minus))
                        : number;
      } else {
        right = number;
      }
    } else if (c.sym == Sym::TMinus || c.sym == Sym::TPlus) {
      if (!left) {
        negative = c.sym == Sym::TMinus;
        start = RangeOf(c).start;
      } else {
        op = c.sym == Sym::TMinus ? BinaryOp::Sub : BinaryOp::Add;
      }
    }
  }
  if (!left) left = ErrorNode(At(range.start));
  if (!right) right = ErrorNode(At(range.end));
  return ast_.Add(NodeKind::BinOp, range, {left, right}, static_cast<uint32_t>(op));
}

NodeId Lowerer::MatchOr(TSNode n) {
  Kids kids(*this, n);
  IdScope alternatives(*this);
  uint32_t group_start = 0;
  for (uint32_t i = 0; i <= kids.size(); ++i) {
    if (i < kids.size() && kids[i].sym != Sym::TPipe) continue;
    if (i > group_start) alternatives.Push(SimplePattern(kids, group_start, i));
    group_start = i + 1;
  }
  return ast_.Add(NodeKind::MatchOr, RangeOf(n), alternatives.ids());
}

NodeId Lowerer::MatchSequence(TSNode n) {
  Kids kids(*this, n);
  uint32_t count = 0;
  Child only;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    if (kids[i].sym == Sym::CasePattern) {
      if (count++ == 0) only = kids[i];
    }
  }
  // `(p)` is a group, not a sequence.
  if (SymOf(n) == Sym::TuplePattern && count == 1 && !kids.Has(Sym::TComma)) {
    return Pattern(only.node);
  }
  IdScope items(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym == Sym::CasePattern) items.Push(Pattern(c.node));
  }
  return ast_.Add(NodeKind::MatchSequence, RangeOf(n), items.ids());
}

NodeId Lowerer::MatchMapping(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  // Keys and values alternate in the CST; each List is built in its own pass.
  NodeId keys;
  {
    IdScope items(*this);
    bool negative = false;
    uint32_t minus_start = 0;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.field != Field::Key) continue;
      if (c.sym == Sym::TMinus) {
        negative = true;
        minus_start = RangeOf(c).start;
        continue;
      }
      TextRange key_range{negative ? minus_start : RangeOf(c).start, RangeOf(c).end};
      items.Push(PatternValueExpr(c, negative, key_range));
      negative = false;
    }
    keys = ListOf(items, range.start + 1);
  }
  NodeId values;
  {
    IdScope items(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.field == Field::Value) items.Push(Pattern(c.node));
    }
    values = ListOf(items, range.start + 1);
  }
  NodeId rest = NodeId::None();
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym != Sym::SplatPattern) continue;
    Kids splat(*this, c.node);
    if (splat.Has(Sym::TStar)) Report(RangeOf(c), "`*` patterns are not allowed in mapping patterns");
    Child id = splat.Find(Sym::Identifier);
    if (id.ok()) rest = Ident(id.node);
  }
  return ast_.Add(NodeKind::MatchMapping, range, {keys, values, rest});
}

NodeId Lowerer::MatchClass(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child cls = kids.Find(Sym::DottedName);
  NodeId cls_id = cls.ok() ? DottedNameExpr(cls.node) : ErrorNode(At(range.start));
  uint32_t args_offset = cls.ok() ? RangeOf(cls).end + 1 : range.start;
  // The keyword_pattern inside a case_pattern argument, or a null node.
  auto keyword_of = [&](const Child& c) {
    TSNode inner = ts_node_named_child(c.node, 0);
    return !ts_node_is_null(inner) && SymOf(inner) == Sym::KeywordPattern ? inner : TSNode{};
  };
  NodeId patterns;
  {
    IdScope items(*this);
    bool seen_keyword = false;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym != Sym::CasePattern) continue;
      if (!ts_node_is_null(keyword_of(c))) {
        seen_keyword = true;
        continue;
      }
      if (seen_keyword) Report(RangeOf(c), "Positional patterns must come before keyword patterns");
      items.Push(Pattern(c.node));
    }
    patterns = ListOf(items, args_offset);
  }
  NodeId names;
  {
    IdScope items(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym != Sym::CasePattern) continue;
      TSNode keyword = keyword_of(c);
      if (ts_node_is_null(keyword)) continue;
      TSNode id = ts_node_named_child(keyword, 0);
      items.Push(!ts_node_is_null(id) && SymOf(id) == Sym::Identifier
                     ? Ident(id)
                     : ast_.Add(NodeKind::Identifier, At(RangeOf(c).start), {}));
    }
    names = ListOf(items, args_offset);
  }
  NodeId keyword_patterns;
  {
    IdScope items(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym != Sym::CasePattern) continue;
      TSNode keyword = keyword_of(c);
      if (ts_node_is_null(keyword)) continue;
      Kids parts(*this, keyword);
      uint32_t value_start = 0;
      for (uint32_t j = 0; j < parts.size(); ++j) {
        if (parts[j].sym == Sym::TAssign) value_start = j + 1;
      }
      items.Push(value_start > 0 ? SimplePattern(parts, value_start, parts.size())
                                 : ErrorNode(RangeOf(c)));
    }
    keyword_patterns = ListOf(items, args_offset);
  }
  return ast_.Add(NodeKind::MatchClass, range, {cls_id, patterns, names, keyword_patterns});
}

}  // namespace asynctype::lowering
