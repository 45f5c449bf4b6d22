// Lowering of statements: simple statements, compound statements, definitions, imports, match.
#include "checker/syntax/lower.h"

namespace asynctype::lowering {
namespace {

bool AugmentedOp(Sym s, BinaryOp& op) {
  switch (s) {
    case Sym::TPlusEq: op = BinaryOp::Add; return true;
    case Sym::TMinusEq: op = BinaryOp::Sub; return true;
    case Sym::TStarEq: op = BinaryOp::Mult; return true;
    case Sym::TAtEq: op = BinaryOp::MatMult; return true;
    case Sym::TSlashEq: op = BinaryOp::Div; return true;
    case Sym::TDoubleSlashEq: op = BinaryOp::FloorDiv; return true;
    case Sym::TPercentEq: op = BinaryOp::Mod; return true;
    case Sym::TDoubleStarEq: op = BinaryOp::Pow; return true;
    case Sym::TLShiftEq: op = BinaryOp::LShift; return true;
    case Sym::TRShiftEq: op = BinaryOp::RShift; return true;
    case Sym::TPipeEq: op = BinaryOp::BitOr; return true;
    case Sym::TCaretEq: op = BinaryOp::BitXor; return true;
    case Sym::TAmpEq: op = BinaryOp::BitAnd; return true;
    default: return false;
  }
}

bool IsCompoundStatement(Sym s) {
  switch (s) {
    case Sym::IfStatement:
    case Sym::ForStatement:
    case Sym::WhileStatement:
    case Sym::TryStatement:
    case Sym::WithStatement:
    case Sym::FunctionDefinition:
    case Sym::ClassDefinition:
    case Sym::DecoratedDefinition:
    case Sym::MatchStatement:
      return true;
    default:
      return false;
  }
}

}  // namespace

NodeId Lowerer::Stmt(TSNode n) {
  if (AtDepthLimit() && ts_node_child_count(n) > 0) return TooDeep(n);
  DepthScope depth(*this);
  Sym sym = SymOf(n);
  // A simple statement that contains a tree-sitter error already has its diagnostic: the
  // lowering's own checks would only add noise about the recovered shape.
  if (!IsCompoundStatement(sym) && ts_node_has_error(n)) {
    ++suppress_errors_;
    NodeId id = StmtInner(n, sym);
    --suppress_errors_;
    return id;
  }
  return StmtInner(n, sym);
}

NodeId Lowerer::StmtInner(TSNode n, Sym sym) {
  TextRange range = RangeOf(n);
  switch (sym) {
    case Sym::ExpressionStatement: return ExpressionStatement(n);
    case Sym::ReturnStatement: return Return(n);
    case Sym::DeleteStatement: return Delete(n);
    case Sym::RaiseStatement: return Raise(n);
    case Sym::PassStatement: return ast_.Add(NodeKind::Pass, range, {});
    case Sym::BreakStatement: return ast_.Add(NodeKind::Break, range, {});
    case Sym::ContinueStatement: return ast_.Add(NodeKind::Continue, range, {});
    case Sym::GlobalStatement: return NameList(n, NodeKind::Global);
    case Sym::NonlocalStatement: return NameList(n, NodeKind::Nonlocal);
    case Sym::ImportStatement: return Import(n);
    case Sym::ImportFromStatement: return ImportFrom(n, /*future=*/false);
    case Sym::FutureImportStatement: return ImportFrom(n, /*future=*/true);
    case Sym::AssertStatement: return Assert(n);
    case Sym::PrintStatement: return Print(n);
    case Sym::ExecStatement: return Exec(n);
    case Sym::TypeAliasStatement: return TypeAlias(n);
    case Sym::IfStatement: return If(n);
    case Sym::ForStatement: return For(n);
    case Sym::WhileStatement: return While(n);
    case Sym::TryStatement: return Try(n);
    case Sym::WithStatement: return With(n);
    case Sym::FunctionDefinition: return FunctionDef(n, EmptyList(range.start), range.start);
    case Sym::ClassDefinition: return ClassDef(n, EmptyList(range.start), range.start);
    case Sym::DecoratedDefinition: return Decorated(n);
    case Sym::MatchStatement: return Match(n);
    case Sym::Error: return Salvage(n);
    default:
      CollectComments(n);
      return ErrorNode(range);
  }
}

// ---------------------------------------------------------------------------------------------
// Simple statements

NodeId Lowerer::ExpressionStatement(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  uint32_t count = kids.NamedCount();
  if (count == 0) return ErrorNode(range);
  Child first = kids.Named(0);
  if (count == 1 && !kids.Has(Sym::TComma)) {
    if (first.sym == Sym::Assignment) return Assignment(first.node, range);
    if (first.sym == Sym::AugmentedAssignment) return AugmentedAssignment(first.node, range);
    return ast_.Add(NodeKind::ExprStmt, range, {Expr(first.node)});
  }
  // `a, b` / `a,`: an unparenthesized tuple.
  IdScope elts(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.named && c.sym != Sym::Error) elts.Push(Expr(c.node));
  }
  NodeId tuple = ast_.Add(NodeKind::Tuple, range, elts.ids());
  return ast_.Add(NodeKind::ExprStmt, range, {tuple});
}

NodeId Lowerer::Assignment(TSNode n, TextRange range) {
  Child left, type, right;
  {
    Kids kids(*this, n);
    left = kids.Get(Field::Left);
    type = kids.Get(Field::Type);
    right = kids.Get(Field::Right);
  }
  // An assignment nested where only a value may be: lowered inside an Error node.
  auto invalid_nested = [&](const Child& c) {
    Report(RangeOf(c), "Invalid syntax");
    if (AtDepthLimit()) return TooDeep(c.node);
    DepthScope depth(*this);
    NodeId inner = c.sym == Sym::Assignment ? Assignment(c.node, RangeOf(c))
                                            : AugmentedAssignment(c.node, RangeOf(c));
    return ast_.Add(NodeKind::Error, RangeOf(c), {inner});
  };
  auto is_assignment = [](const Child& c) {
    return c.sym == Sym::Assignment || c.sym == Sym::AugmentedAssignment;
  };

  if (type.ok()) {  // x: T [= v]
    NodeId target = ExprOrError(left, range.start);
    if (ast_.kind(target) == NodeKind::Tuple) {
      Report(ast_.range(target), "Only single target (not tuple) can be annotated");
    } else if (ast_.kind(target) == NodeKind::ListExpr) {
      Report(ast_.range(target), "Only single target (not list) can be annotated");
    }
    NodeId annotation = AnnotationExpr(type.node);
    // `X: TypeAlias = "list[Foo]"`: the value is a type expression too.
    bool alias = (ast_.kind(annotation) == NodeKind::Name && ast_.str(annotation) == "TypeAlias") ||
                 (ast_.kind(annotation) == NodeKind::Attribute && AttributeView{ast_, annotation}.attr().valid() &&
                  ast_.str(AttributeView{ast_, annotation}.attr()) == "TypeAlias");
    NodeId value = NodeId::None();
    if (right.ok()) {
      value = is_assignment(right) ? invalid_nested(right) : alias ? AnnotationExpr(right.node) : Expr(right.node);
    }
    return ast_.Add(NodeKind::AnnAssign, range, {target, annotation, value});
  }

  // a = b = v: Assign [v, a, b]. The chain is right-nested in the CST; walk it iteratively.
  IdScope ids(*this);
  ids.Push(NodeId::None());  // the value, set below
  ids.Push(ExprOrError(left, range.start));
  NodeId value = NodeId::None();
  while (right.ok() && right.sym == Sym::Assignment) {
    Child next_left, next_type, next_right;
    {
      Kids kids(*this, right.node);
      next_left = kids.Get(Field::Left);
      next_type = kids.Get(Field::Type);
      next_right = kids.Get(Field::Right);
    }
    if (next_type.ok()) {  // `a = b: int = 1`
      Report(RangeOf(right), "Invalid syntax");
      NodeId target = ExprOrError(next_left, ts_node_start_byte(right.node));
      NodeId annotation = Expr(next_type.node);
      NodeId inner_value = next_right.ok() && !is_assignment(next_right) ? Expr(next_right.node)
                                                                         : NodeId::None();
      NodeId inner = ast_.Add(NodeKind::AnnAssign, RangeOf(right), {target, annotation, inner_value});
      value = ast_.Add(NodeKind::Error, RangeOf(right), {inner});
      if (next_right.ok() && is_assignment(next_right)) CollectComments(next_right.node);
      right = Child();
      break;
    }
    ids.Push(ExprOrError(next_left, ts_node_start_byte(right.node)));
    right = next_right;
  }
  if (!value) {
    if (!right.ok()) {
      value = ErrorNode(At(range.end));
    } else if (right.sym == Sym::AugmentedAssignment) {
      value = invalid_nested(right);
    } else {
      value = Expr(right.node);
    }
  }
  ids.Set(0, value);
  return ast_.Add(NodeKind::Assign, range, ids.ids());
}

NodeId Lowerer::AugmentedAssignment(TSNode n, TextRange range) {
  Kids kids(*this, n);
  Child left = kids.Get(Field::Left);
  Child op_token = kids.Get(Field::Operator);
  Child right = kids.Get(Field::Right);
  BinaryOp op = BinaryOp::Add;
  AugmentedOp(op_token.sym, op);
  NodeId target = ExprOrError(left, range.start);
  switch (ast_.kind(target)) {
    case NodeKind::Tuple:
    case NodeKind::ListExpr:
    case NodeKind::Starred:
      Report(ast_.range(target), "Invalid augmented assignment target");
      break;
    default:
      break;
  }
  NodeId value;
  if (right.ok() && (right.sym == Sym::Assignment || right.sym == Sym::AugmentedAssignment)) {
    Report(RangeOf(right), "Invalid syntax");
    CollectComments(right.node);
    value = ErrorNode(RangeOf(right));
  } else {
    value = ExprOrError(right, range.end);
  }
  return ast_.Add(NodeKind::AugAssign, range, {target, value}, static_cast<uint32_t>(op));
}

NodeId Lowerer::Return(TSNode n) {
  Kids kids(*this, n);
  Child value = kids.Named(0);
  return ast_.Add(NodeKind::Return, RangeOf(n),
                  {value.ok() ? Expr(value.node) : NodeId::None()});
}

NodeId Lowerer::Delete(TSNode n) {
  Kids kids(*this, n);
  IdScope targets(*this);
  Child target = kids.Named(0);
  if (target.sym == Sym::ExpressionList) {
    Kids elts(*this, target.node);
    for (uint32_t i = 0; i < elts.size(); ++i) {
      Child c = elts[i];
      if (c.named && c.sym != Sym::Error) targets.Push(Expr(c.node));
    }
  } else if (target.ok()) {
    targets.Push(Expr(target.node));
  }
  return ast_.Add(NodeKind::Delete, RangeOf(n), targets.ids());
}

NodeId Lowerer::Raise(TSNode n) {
  Kids kids(*this, n);
  NodeId exc = NodeId::None(), cause = NodeId::None();
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (!c.named || c.sym == Sym::Error) continue;
    if (c.field == Field::Cause) {
      cause = Expr(c.node);
    } else if (!exc) {
      if (c.sym == Sym::ExpressionList) {
        Report(RangeOf(c), "`raise E, V` is Python 2 syntax; use `raise E(V)`");
      }
      exc = Expr(c.node);
    }
  }
  return ast_.Add(NodeKind::Raise, RangeOf(n), {exc, cause});
}

NodeId Lowerer::NameList(TSNode n, NodeKind kind) {
  Kids kids(*this, n);
  IdScope names(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.sym == Sym::Identifier) names.Push(Ident(c.node));
  }
  return ast_.Add(kind, RangeOf(n), names.ids());
}

NodeId Lowerer::Import(TSNode n) {
  Kids kids(*this, n);
  IdScope aliases(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.field == Field::Name) aliases.Push(ImportAlias(c));
  }
  return ast_.Add(NodeKind::Import, RangeOf(n), aliases.ids());
}

NodeId Lowerer::ImportFrom(TSNode n, bool future) {
  Kids kids(*this, n);
  IdScope parts(*this);
  uint32_t level = 0;
  NodeId module = NodeId::None();
  if (future) {
    Child token = kids.Find(Sym::TFuture);
    if (token.ok()) {
      module = ast_.Add(NodeKind::Identifier, RangeOf(token), {},
                        ast_.InternView(TextOf(token.node)));
    }
  } else {
    Child name = kids.Get(Field::ModuleName);
    if (name.sym == Sym::DottedName) {
      module = DottedIdentifier(name.node);
    } else if (name.sym == Sym::RelativeImport) {
      Kids rel(*this, name.node);
      for (uint32_t i = 0; i < rel.size(); ++i) {
        Child c = rel[i];
        if (c.sym == Sym::ImportPrefix) {
          for (char ch : TextOf(c.node)) level += ch == '.';
        } else if (c.sym == Sym::DottedName) {
          module = DottedIdentifier(c.node);
        }
      }
    }
  }
  parts.Push(module);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.field == Field::Name) parts.Push(ImportAlias(c));
  }
  uint8_t flags = kids.Has(Sym::WildcardImport) ? kStar : 0;
  return ast_.Add(NodeKind::ImportFrom, RangeOf(n), parts.ids(), level, flags);
}

NodeId Lowerer::DottedIdentifier(TSNode dotted_name) {
  TextRange range = RangeOf(dotted_name);
  Kids kids(*this, dotted_name);
  // Fast path: `a.b.c` written without spaces is its own source text.
  uint32_t length = 0, count = 0;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    if (kids[i].sym == Sym::Identifier) {
      length += TextOf(kids[i].node).size();
      ++count;
    }
  }
  if (count == 0) return ast_.Add(NodeKind::Identifier, range, {}, 0);
  if (length + count - 1 == range.length()) {
    return ast_.Add(NodeKind::Identifier, range, {}, ast_.InternView(TextOf(range)));
  }
  size_t base = text_buf_.size();
  for (uint32_t i = 0; i < kids.size(); ++i) {
    if (kids[i].sym != Sym::Identifier) continue;
    if (text_buf_.size() > base) text_buf_ += '.';
    llvm::StringRef part = TextOf(kids[i].node);
    text_buf_.append(part.data(), part.size());
  }
  uint32_t name = ast_.InternCopy(llvm::StringRef(text_buf_).drop_front(base));
  text_buf_.resize(base);
  return ast_.Add(NodeKind::Identifier, range, {}, name);
}

NodeId Lowerer::ImportAlias(const Child& c) {
  if (c.sym == Sym::AliasedImport) {
    Kids kids(*this, c.node);
    Child name = kids.Get(Field::Name);
    Child alias = kids.Get(Field::Alias);
    NodeId name_id = name.ok() ? DottedIdentifier(name.node)
                               : ast_.Add(NodeKind::Identifier, At(RangeOf(c).start), {});
    NodeId alias_id = alias.ok() ? Ident(alias.node) : NodeId::None();
    return ast_.Add(NodeKind::Alias, RangeOf(c), {name_id, alias_id});
  }
  NodeId name_id = c.sym == Sym::DottedName
                       ? DottedIdentifier(c.node)
                       : ast_.Add(NodeKind::Identifier, RangeOf(c), {}, 0);
  return ast_.Add(NodeKind::Alias, RangeOf(c), {name_id, NodeId::None()});
}

NodeId Lowerer::Assert(TSNode n) {
  Kids kids(*this, n);
  Child test = kids.Named(0);
  Child msg = kids.Named(1);
  NodeId test_id = ExprOrError(test, RangeOf(n).end);
  NodeId msg_id = msg.ok() ? Expr(msg.node) : NodeId::None();
  return ast_.Add(NodeKind::Assert, RangeOf(n), {test_id, msg_id});
}

NodeId Lowerer::Print(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child chevron = kids.Find(Sym::Chevron);
  if (chevron.ok()) {
    // `print >> f, x` is valid Python 3: an expression (a tuple when commas follow).
    Child print = kids.Find(Sym::TPrint);
    TextRange print_range = print.ok() ? RangeOf(print) : At(range.start);
    NodeId name = ast_.Add(NodeKind::Name, print_range, {}, ast_.InternView("print"));
    NodeId target;
    {
      Kids inner(*this, chevron.node);
      target = ExprOrError(inner.Named(0), RangeOf(chevron).end);
    }
    NodeId shift = ast_.Add(NodeKind::BinOp, Span(print_range, RangeOf(chevron)), {name, target},
                            static_cast<uint32_t>(BinaryOp::RShift));
    if (!kids.Has(Sym::TComma)) return ast_.Add(NodeKind::ExprStmt, range, {shift});
    IdScope elts(*this);
    elts.Push(shift);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.field == Field::Argument) elts.Push(Expr(c.node));
    }
    NodeId tuple = ast_.Add(NodeKind::Tuple, range, elts.ids());
    return ast_.Add(NodeKind::ExprStmt, range, {tuple});
  }
  Report(range, "Missing parentheses in call to `print`");
  IdScope args(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.field == Field::Argument) args.Push(Expr(c.node));
  }
  return ast_.Add(NodeKind::Error, range, args.ids());
}

NodeId Lowerer::Exec(TSNode n) {
  TextRange range = RangeOf(n);
  Report(range, "Missing parentheses in call to `exec`");
  Kids kids(*this, n);
  IdScope args(*this);
  for (uint32_t i = 0; i < kids.size(); ++i) {
    Child c = kids[i];
    if (c.named && c.sym != Sym::Error) args.Push(Expr(c.node));
  }
  return ast_.Add(NodeKind::Error, range, args.ids());
}

NodeId Lowerer::TypeAlias(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child left = kids.Get(Field::Left);
  Child right = kids.Get(Field::Right);
  NodeId name = NodeId::None(), type_params = NodeId::None();
  if (left.ok()) {
    Kids wrapper(*this, left.node);  // the `type` node
    Child inner = wrapper.Named(0);
    if (inner.sym == Sym::Identifier) {
      name = Name(inner.node);
    } else if (inner.sym == Sym::GenericType) {
      Kids generic(*this, inner.node);
      Child id = generic.Find(Sym::Identifier);
      name = id.ok() ? Name(id.node) : ErrorNode(At(RangeOf(inner).start));
      Child params = generic.Find(Sym::TypeParameter);
      if (params.ok()) type_params = TypeParams(params);
    } else if (inner.ok()) {
      // tree-sitter parses `type(x).attr = v` (and `type(x)[k] = v`) as a type alias whose
      // name is `(x).attr`: it is an assignment to an attribute of the call `type(x)`.
      Child keyword = kids[0];
      NodeId target = TypeCallTarget(inner.node, keyword.node);
      if (ast_.kind(target) == NodeKind::Call) {
        Report(ast_.range(target), "Cannot assign to a function call");
      }
      NodeId value = ExprOrError(right, range.end);
      return ast_.Add(NodeKind::Assign, range, {value, target});
    }
  }
  if (!name) name = ErrorNode(At(range.start));
  NodeId value = right.ok() ? AnnotationExpr(right.node) : ExprOrError(right, range.end);
  return ast_.Add(NodeKind::TypeAlias, range, {name, type_params, value});
}

// ---------------------------------------------------------------------------------------------
// Compound statements

NodeId Lowerer::If(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId test = ExprOrError(kids.Get(Field::Condition), range.end);
  NodeId body = Block(kids.Get(Field::Consequence), range.end, n);

  // elif chains nest in the AST: elif number j (from 1) sits 2j levels below this If. Keep that
  // within the depth limit too, since later phases recurse over the AST.
  uint32_t elif_count = 0;
  Child else_clause;
  for (uint32_t i = 0; i < kids.size(); ++i) {
    if (kids[i].sym == Sym::ElifClause) ++elif_count;
    if (kids[i].sym == Sym::ElseClause) else_clause = kids[i];
  }
  uint32_t room = depth_ < kMaxNestingDepth ? (kMaxNestingDepth - depth_ - 1) / 2 : 0;
  uint32_t kept = std::min(elif_count, room);

  NodeId orelse;
  if (kept < elif_count) {
    // Too many elifs: the rest of the chain (and the else) becomes one Error node.
    uint32_t seen = 0, cut_start = range.end;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym == Sym::ElifClause && seen++ == kept) cut_start = RangeOf(c).start;
      if ((c.sym == Sym::ElifClause && seen > kept) || c.sym == Sym::ElseClause) {
        CollectComments(c.node);
      }
    }
    TextRange cut{cut_start, range.end};
    ReportTooDeep(cut);
    NodeId error = ErrorNode(cut);
    orelse = ast_.Add(NodeKind::List, cut, {error});
  } else {
    DepthScope depth(*this, 2 * kept);
    orelse = ElseBody(else_clause, range.end, n);
  }
  // Build the chain from its end.
  uint32_t j = elif_count;
  for (uint32_t i = kids.size(); i-- > 0;) {
    Child c = kids[i];
    if (c.sym != Sym::ElifClause) continue;
    if (j-- > kept) continue;
    DepthScope depth(*this, 2 * (j + 1));
    Kids elif(*this, c.node);
    NodeId elif_test = ExprOrError(elif.Get(Field::Condition), RangeOf(c).end);
    NodeId elif_body = Block(elif.Get(Field::Consequence), RangeOf(c).end, c.node);
    NodeId nested = ast_.Add(NodeKind::If, {RangeOf(c).start, range.end},
                             {elif_test, elif_body, orelse});
    orelse = ast_.Add(NodeKind::List, ast_.range(nested), {nested});
  }
  return ast_.Add(NodeKind::If, range, {test, body, orelse});
}

NodeId Lowerer::For(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  uint8_t flags = kids.Has(Sym::TAsync) ? kAsync : 0;
  NodeId target = ExprOrError(kids.Get(Field::Left), range.end);
  NodeId iter = ExprOrError(kids.Get(Field::Right), range.end);
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  NodeId orelse = ElseBody(kids.Get(Field::Alternative), range.end, n);
  return ast_.Add(NodeKind::For, range, {target, iter, body, orelse}, 0, flags);
}

NodeId Lowerer::While(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId test = ExprOrError(kids.Get(Field::Condition), range.end);
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  NodeId orelse = ElseBody(kids.Get(Field::Alternative), range.end, n);
  return ast_.Add(NodeKind::While, range, {test, body, orelse});
}

NodeId Lowerer::Try(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  uint8_t flags = 0;
  Child else_clause, finally_clause;
  NodeId handlers;
  {
    IdScope items(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym == Sym::ExceptClause) {
        items.Push(ExceptHandler(c.node, /*group=*/false));
      } else if (c.sym == Sym::ExceptGroupClause) {
        flags |= kStar;
        items.Push(ExceptHandler(c.node, /*group=*/true));
      } else if (c.sym == Sym::ElseClause) {
        else_clause = c;
      } else if (c.sym == Sym::FinallyClause) {
        finally_clause = c;
      }
    }
    handlers = ListOf(items, ast_.range(body).end);
  }
  NodeId orelse = ElseBody(else_clause, range.end, n);
  NodeId finalbody;
  if (finally_clause.ok()) {
    Kids fin(*this, finally_clause.node);
    finalbody = Block(fin.Find(Sym::Block), RangeOf(finally_clause).end, n);
  } else {
    finalbody = EmptyList(range.end);
  }
  return ast_.Add(NodeKind::Try, range, {body, handlers, orelse, finalbody}, 0, flags);
}

NodeId Lowerer::ExceptHandler(TSNode n, bool group) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child type, name;
  if (!group) {
    type = kids.Get(Field::Value);
    name = kids.Get(Field::Alias);
  } else {
    uint32_t found = 0;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (!c.named || c.sym == Sym::Error || c.sym == Sym::Block) continue;
      if (found++ == 0) {
        type = c;
      } else if (!name.ok()) {
        name = c;
      }
    }
  }
  NodeId type_id = NodeId::None(), name_id = NodeId::None();
  if (type.sym == Sym::AsPattern) {  // `except E as e` parses as an as_pattern
    Kids as(*this, type.node);
    Child target = as.Get(Field::Alias);
    type_id = ExprOrError(as.Named(0), RangeOf(type).end);
    if (target.ok()) {
      Kids inner(*this, target.node);
      name = inner.Named(0);
    }
  } else if (type.ok()) {
    if (name.ok() && !group && kids.Has(Sym::TComma)) {
      // `except A, B:` (Python 2 `except E, e`, or an unparenthesized tuple, valid only in 3.14).
      Report(Span(RangeOf(type), RangeOf(name)), "Multiple exception types must be parenthesized");
      IdScope elts(*this);
      elts.Push(Expr(type.node));
      elts.Push(Expr(name.node));
      type_id = ast_.Add(NodeKind::Tuple, Span(RangeOf(type), RangeOf(name)), elts.ids());
      name = Child();
    } else {
      type_id = Expr(type.node);
    }
  }
  if (name.ok()) {
    if (name.sym == Sym::Identifier) {
      name_id = Ident(name.node);
    } else {
      Report(RangeOf(name), "Expected an identifier");
      CollectComments(name.node);
    }
  }
  NodeId body = Block(kids.Find(Sym::Block), range.end, n);
  return ast_.Add(NodeKind::ExceptHandler, range, {type_id, name_id, body});
}

NodeId Lowerer::With(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  uint8_t flags = kids.Has(Sym::TAsync) ? kAsync : 0;
  Child clause = kids.Find(Sym::WithClause);
  NodeId items_list;
  {
    IdScope items(*this);
    if (clause.ok()) {
      Kids clause_kids(*this, clause.node);
      for (uint32_t i = 0; i < clause_kids.size(); ++i) {
        Child c = clause_kids[i];
        if (c.sym == Sym::WithItem) items.Push(WithItem(c.node));
      }
    }
    items_list = ListOf(items, clause.ok() ? RangeOf(clause).start : range.end);
  }
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  return ast_.Add(NodeKind::With, range, {items_list, body}, 0, flags);
}

NodeId Lowerer::WithItem(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child value = kids.Get(Field::Value);
  if (value.sym == Sym::ParenthesizedExpression) {
    // `with (open(p) as f):` -- a parenthesized as-pattern is still one item.
    TSNode inner = ts_node_named_child(value.node, 0);
    if (!ts_node_is_null(inner) && SymOf(inner) == Sym::AsPattern) {
      Kids parens(*this, value.node);
      value = parens.Named(0);
    }
  }
  if (value.sym == Sym::AsPattern) {
    Kids as(*this, value.node);
    Child target = as.Get(Field::Alias);
    NodeId context = ExprOrError(as.Named(0), range.end);
    NodeId vars = target.ok() ? Expr(target.node) : NodeId::None();
    return ast_.Add(NodeKind::WithItem, range, {context, vars});
  }
  return ast_.Add(NodeKind::WithItem, range, {ExprOrError(value, range.end), NodeId::None()});
}

NodeId Lowerer::Decorated(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  Child definition = kids.Get(Field::Definition);
  NodeId decorators;
  {
    IdScope items(*this);
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym != Sym::Decorator) continue;
      Kids decorator(*this, c.node);
      items.Push(ExprOrError(decorator.Named(0), RangeOf(c).end));
    }
    decorators = ListOf(items, range.start);
  }
  if (definition.sym == Sym::FunctionDefinition) {
    return FunctionDef(definition.node, decorators, range.start);
  }
  if (definition.sym == Sym::ClassDefinition) {
    return ClassDef(definition.node, decorators, range.start);
  }
  if (definition.ok()) CollectComments(definition.node);
  return ast_.Add(NodeKind::Error, range, {});
}

NodeId Lowerer::FunctionDef(TSNode n, NodeId decorators, uint32_t start) {
  TextRange range{start, ts_node_end_byte(n)};
  Kids kids(*this, n);
  uint8_t flags = kids.Has(Sym::TAsync) ? kAsync : 0;
  Child name = kids.Get(Field::Name);
  Child type_params = kids.Get(Field::TypeParameters);
  Child params = kids.Get(Field::Parameters);
  Child returns = kids.Get(Field::ReturnType);
  NodeId name_id = name.ok() ? Ident(name.node)
                             : ast_.Add(NodeKind::Identifier, At(ts_node_start_byte(n)), {});
  NodeId type_params_id = type_params.ok() ? TypeParams(type_params) : NodeId::None();
  NodeId params_id = Parameters(params, ast_.range(name_id).end);
  NodeId returns_id = returns.ok() ? AnnotationExpr(returns.node) : NodeId::None();
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  return ast_.Add(NodeKind::FunctionDef, range,
                  {decorators, name_id, type_params_id, params_id, returns_id, body}, 0, flags);
}

NodeId Lowerer::ClassDef(TSNode n, NodeId decorators, uint32_t start) {
  TextRange range{start, ts_node_end_byte(n)};
  Kids kids(*this, n);
  Child name = kids.Get(Field::Name);
  Child type_params = kids.Get(Field::TypeParameters);
  Child superclasses = kids.Get(Field::Superclasses);
  NodeId name_id = name.ok() ? Ident(name.node)
                             : ast_.Add(NodeKind::Identifier, At(ts_node_start_byte(n)), {});
  NodeId type_params_id = type_params.ok() ? TypeParams(type_params) : NodeId::None();
  NodeId arguments = NodeId::None();
  if (superclasses.ok()) {
    IdScope args(*this);
    ArgumentsInto(superclasses.node, args);
    arguments = ast_.Add(NodeKind::Arguments, RangeOf(superclasses), args.ids());
  }
  NodeId body = Block(kids.Get(Field::Body), range.end, n);
  return ast_.Add(NodeKind::ClassDef, range,
                  {decorators, name_id, type_params_id, arguments, body});
}

NodeId Lowerer::Match(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId subject;
  {
    IdScope subjects(*this);
    TextRange span;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.field != Field::Subject || !c.named) continue;
      if (subjects.size() == 0) span = RangeOf(c);
      span.end = RangeOf(c).end;
      subjects.Push(Expr(c.node));
    }
    if (subjects.size() == 0) {
      subject = ErrorNode(At(range.start));
    } else if (subjects.size() == 1 && !kids.Has(Sym::TComma)) {
      subject = subjects[0];
    } else {  // `match a, b:`
      subject = ast_.Add(NodeKind::Tuple, span, subjects.ids());
    }
  }
  IdScope parts(*this);
  parts.Push(subject);
  Child body = kids.Get(Field::Body);
  if (body.ok()) {
    Kids cases(*this, body.node);
    bool has_error = false;
    for (uint32_t i = 0; i < cases.size(); ++i) {
      Child c = cases[i];
      if (c.sym == Sym::CaseClause) parts.Push(MatchCase(c.node));
      has_error |= c.sym == Sym::Error;
    }
    if (parts.size() == 1 && !has_error && !ts_node_has_error(n)) {
      Report(At(RangeOf(body).start), "Expected an indented block");
    }
  }
  return ast_.Add(NodeKind::Match, range, parts.ids());
}

NodeId Lowerer::MatchCase(TSNode n) {
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId pattern;
  {
    IdScope patterns(*this);
    TextRange span;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym != Sym::CasePattern) continue;
      if (patterns.size() == 0) span = RangeOf(c);
      span.end = RangeOf(c).end;
      patterns.Push(Pattern(c.node));
    }
    if (patterns.size() == 0) {
      pattern = ErrorNode(At(range.start));
    } else if (patterns.size() == 1 && !kids.Has(Sym::TComma)) {
      pattern = patterns[0];
    } else {  // `case a, b:`
      pattern = ast_.Add(NodeKind::MatchSequence, span, patterns.ids());
    }
  }
  NodeId guard = NodeId::None();
  Child guard_clause = kids.Get(Field::Guard);
  if (guard_clause.ok()) {
    Kids clause(*this, guard_clause.node);
    guard = ExprOrError(clause.Named(0), RangeOf(guard_clause).end);
  }
  NodeId body = Block(kids.Get(Field::Consequence), range.end, n);
  return ast_.Add(NodeKind::MatchCase, range, {pattern, guard, body});
}

}  // namespace asynctype::lowering
