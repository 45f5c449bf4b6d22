#include "checker/check/lifecycle_checks.h"

#include <string>
#include <utility>
#include <vector>

#include "checker/check/async_checks.h"
#include "checker/database/program.h"
#include "checker/database/resolver.h"
#include "checker/infer/file_inference.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace asynctype {
namespace {

// What happened to one binding on the paths reaching a point (bits are or-ed at merges).
enum : uint8_t {
  kPending = 1,  // on some path nothing consumed it yet
  kAwaited = 2,  // on some path it was awaited
  kHandled = 4,  // on some path it was passed on (read) without being awaited first
};

struct Entry {
  uint32_t binding;
  uint8_t bits;
};
using Entries = llvm::SmallVector<Entry, 1>;

struct State {
  bool reachable = true;
  std::vector<Entries> vars;  // by tracked-name number
};

// A tracked binding: `c = fetch()`, `coros = [...]`, `coros = []` fed by `coros.append(fetch())`.
struct BindingInfo {
  NodeId statement;
  NodeId value;
  uint32_t var = 0;
  bool collection = false;
  uint8_t initial = kPending;  // 0 for an empty collection (pending once fed)
  bool consumed = false;       // read or awaited somewhere in the body
  bool leaked = false;         // pending at the exit or when rebound
  NodeId rebound_at;           // the statement that rebound the name while pending
  NodeId last_await;           // the latest `await name` of it seen
  std::string note;            // "when `x` is false"
};

enum class Abrupt : uint8_t { Return, Break, Continue };

std::string Code(llvm::StringRef text) { return "`" + text.str() + "`"; }

bool IsCollectionMethod(llvm::StringRef name) {
  return name == "append" || name == "add" || name == "insert" || name == "appendleft";
}

class Lifecycle {
 public:
  explicit Lifecycle(FileInference& inference)
      : inference_(inference), ast_(inference.ast()), text_(inference.program().source(inference.file()).text()) {}

  void Run(NodeId function_def) {
    FunctionDefView fn{ast_, function_def};
    if (!Prescan(fn.body())) return;
    State state;
    state.vars.resize(names_.size());
    exit_ = Unreachable();
    Block(fn.body(), state);
    Merge(exit_, state);
    if (exit_.reachable) {
      for (const Entries& entries : exit_.vars) {
        for (const Entry& e : entries) {
          if (e.bits & kPending) bindings_[e.binding].leaked = true;
        }
      }
    }
    for (const BindingInfo& b : bindings_) {
      if (b.leaked) ReportLeak(b);
    }
  }

 private:
  // ------------------------------------------------------------ finding the tracked bindings

  // Collects the candidate bindings and the names that must not be tracked; false when there is
  // nothing to track.
  bool Prescan(NodeId body) {
    llvm::StringSet<> excluded;
    llvm::StringSet<> fed;  // names `name.append(<coroutine>)` / `name[k] = <coroutine>` feed
    struct Candidate {
      NodeId statement, value;
      llvm::StringRef name;
      bool collection;
      uint8_t initial;
    };
    std::vector<Candidate> candidates;
    bool dynamic = false;
    std::vector<NodeId> stack = {body};
    while (!stack.empty()) {
      NodeId node = stack.back();
      stack.pop_back();
      if (!node.valid()) continue;
      const NodeKind kind = ast_.kind(node);
      // Statically unreachable code is never inferred (nor checked).
      if (IsStatement(kind) && (inference_.index().IsUnreachable(node) || !inference_.StatementReachable(node))) continue;
      if (kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda) {
        CollectNames(node, excluded);  // captured (or shadowed) by a nested scope
        continue;
      }
      if (kind == NodeKind::Global || kind == NodeKind::Nonlocal) {
        for (NodeId name : ast_.children(node)) excluded.insert(ast_.str(name));
        continue;
      }
      if (kind == NodeKind::Name) {
        llvm::StringRef n = ast_.str(node);
        if (n == "locals" || n == "vars" || n == "eval" || n == "exec") dynamic = true;
        continue;
      }
      if (kind == NodeKind::Assign || kind == NodeKind::AnnAssign) {
        NodeId target, value;
        if (kind == NodeKind::Assign) {
          AssignView assign{ast_, node};
          value = assign.value();
          if (assign.targets().size() == 1) target = assign.targets()[0];
        } else {
          AnnAssignView assign{ast_, node};
          value = assign.value();
          target = assign.target();
        }
        if (target.valid() && value.valid() && ast_.kind(target) == NodeKind::Name) {
          bool collection = false;
          uint8_t initial = kPending;
          if (Classify(value, &collection, &initial)) {
            candidates.push_back({node, value, ast_.str(target), collection, initial});
          }
        }
        if (target.valid() && value.valid() && ast_.kind(target) == NodeKind::Subscript) {
          NodeId base = SubscriptView{ast_, target}.value();
          if (ast_.kind(base) == NodeKind::Name && IsCoroutineCall(value)) fed.insert(ast_.str(base));
        }
      }
      if (kind == NodeKind::Call) {
        if (NodeId base = FedCollection(node); base.valid()) fed.insert(ast_.str(base));
      }
      for (NodeId child : ast_.children(node)) stack.push_back(child);
    }
    if (dynamic) return false;
    for (const Candidate& c : candidates) {
      if (excluded.contains(c.name)) continue;
      if (c.collection && c.initial == 0 && !fed.contains(c.name)) continue;
      auto [it, inserted] = var_ids_.try_emplace(c.name, static_cast<uint32_t>(names_.size()));
      if (inserted) names_.push_back(c.name);
      BindingInfo info;
      info.statement = c.statement;
      info.value = c.value;
      info.var = it->second;
      info.collection = c.collection;
      info.initial = c.initial;
      binding_of_[c.statement.index()] = static_cast<uint32_t>(bindings_.size());
      bindings_.push_back(std::move(info));
    }
    // A name bound both as a coroutine and as a collection is not tracked as either.
    collection_.assign(names_.size(), 0);
    for (const BindingInfo& b : bindings_) collection_[b.var] |= b.collection ? 2 : 1;
    for (uint8_t kinds : collection_) {
      if (kinds == 3) return false;
    }
    return !bindings_.empty();
  }

  void CollectNames(NodeId root, llvm::StringSet<>& out) {
    std::vector<NodeId> stack = {root};
    while (!stack.empty()) {
      NodeId node = stack.back();
      stack.pop_back();
      if (!node.valid()) continue;
      if (ast_.kind(node) == NodeKind::Name || ast_.kind(node) == NodeKind::Identifier) out.insert(ast_.str(node));
      for (NodeId child : ast_.children(node)) stack.push_back(child);
    }
  }

  bool IsCoroutineCall(NodeId expr) {
    return expr.valid() && ast_.kind(expr) == NodeKind::Call && IsCertainCoroutine(inference_, expr);
  }

  // Whether a bound value is tracked: a coroutine call, or a display / comprehension of them, or
  // an empty list / dict (tracked once something feeds it coroutines).
  bool Classify(NodeId value, bool* collection, uint8_t* initial) {
    switch (ast_.kind(value)) {
      case NodeKind::Call: return IsCoroutineCall(value);
      case NodeKind::ListExpr:
      case NodeKind::Set: {
        auto elts = ast_.children(value);
        *collection = true;
        if (elts.empty()) {
          *initial = 0;
          return ast_.kind(value) == NodeKind::ListExpr;
        }
        for (NodeId e : elts) {
          if (!IsCoroutineCall(e)) return false;
        }
        return true;
      }
      case NodeKind::Dict: {
        auto items = DictView{ast_, value}.items();
        *collection = true;
        if (items.empty()) {
          *initial = 0;
          return true;
        }
        for (NodeId item : items) {
          DictItemView view{ast_, item};
          if (!view.key().valid() || !IsCoroutineCall(view.value())) return false;
        }
        return true;
      }
      case NodeKind::ListComp:
      case NodeKind::SetComp:
        *collection = true;
        return IsCoroutineCall(ast_.child(value, 0));
      case NodeKind::DictComp:
        *collection = true;
        return IsCoroutineCall(DictCompView{ast_, value}.value());
      default: return false;
    }
  }

  // `name.append(<coroutine call>)` (add / insert / appendleft): the Name, or None.
  NodeId FedCollection(NodeId call) {
    CallView view{ast_, call};
    NodeId func = view.func();
    if (ast_.kind(func) != NodeKind::Attribute) return NodeId::None();
    AttributeView attr{ast_, func};
    if (ast_.kind(attr.value()) != NodeKind::Name || !IsCollectionMethod(ast_.str(attr.attr()))) return NodeId::None();
    if (view.args().empty() || !IsCoroutineCall(view.args().back())) return NodeId::None();
    return attr.value();
  }

  // ------------------------------------------------------------ states

  State Unreachable() const {
    State s;
    s.reachable = false;
    s.vars.resize(names_.size());
    return s;
  }

  static void Merge(State& into, const State& from) {
    if (!from.reachable) return;
    if (!into.reachable) {
      into = from;
      return;
    }
    for (size_t v = 0; v < from.vars.size(); ++v) {
      for (const Entry& e : from.vars[v]) {
        bool found = false;
        for (Entry& mine : into.vars[v]) {
          if (mine.binding == e.binding) {
            mine.bits |= e.bits;
            found = true;
            break;
          }
        }
        if (!found) into.vars[v].push_back(e);
      }
    }
  }

  int VarOf(NodeId name) const {
    if (!name.valid() || (ast_.kind(name) != NodeKind::Name && ast_.kind(name) != NodeKind::Identifier)) return -1;
    auto it = var_ids_.find(ast_.str(name));
    return it == var_ids_.end() ? -1 : static_cast<int>(it->second);
  }

  bool IsCollectionVar(int var) const { return collection_[var] == 2; }

  // Passed on (any read but `await name`).
  void Read(int var, State& s) {
    touched_.push_back(static_cast<uint32_t>(var));
    for (Entry& e : s.vars[var]) {
      bindings_[e.binding].consumed = true;
      if ((e.bits & kAwaited) && !(e.bits & kPending)) continue;
      e.bits = static_cast<uint8_t>((e.bits & ~kPending) | kHandled);
    }
  }

  void Await(int var, NodeId await_node, State& s) {
    if (conditional_ > 0 || IsCollectionVar(var)) {
      Read(var, s);
      return;
    }
    touched_.push_back(static_cast<uint32_t>(var));
    Entries& entries = s.vars[var];
    bool twice = !entries.empty();
    for (const Entry& e : entries) twice &= e.bits == kAwaited;
    if (twice) ReportTwice(bindings_[entries.front().binding], await_node, /*loop=*/false);
    for (Entry& e : entries) {
      BindingInfo& b = bindings_[e.binding];
      b.consumed = true;
      b.last_await = await_node;
      e.bits = static_cast<uint8_t>((e.bits & ~kPending) | kAwaited);
    }
  }

  void Bind(int var, uint32_t binding, NodeId statement, State& s) {
    touched_.push_back(static_cast<uint32_t>(var));
    for (const Entry& e : s.vars[var]) {
      if (!(e.bits & kPending)) continue;
      BindingInfo& old = bindings_[e.binding];
      old.leaked = true;
      if (!old.rebound_at.valid()) old.rebound_at = statement;
    }
    s.vars[var].assign(1, Entry{binding, bindings_[binding].initial});
  }

  // Rebound to something untracked: the old objects are forgotten (precision first).
  void Kill(int var, State& s) {
    touched_.push_back(static_cast<uint32_t>(var));
    s.vars[var].clear();
  }

  void Feed(int var, State& s) {
    touched_.push_back(static_cast<uint32_t>(var));
    for (Entry& e : s.vars[var]) {
      if (!(e.bits & kHandled)) e.bits |= kPending;
    }
  }

  // Every tracked name touched since `mark` counts as handled in `s` (the start of an exception
  // handler: the exception may come from anywhere in the `try` body).
  void HandleTouched(size_t mark, State& s) {
    for (size_t i = mark; i < touched_.size(); ++i) {
      for (Entry& e : s.vars[touched_[i]]) {
        if (e.bits & kPending) e.bits = static_cast<uint8_t>((e.bits & ~kPending) | kHandled);
      }
    }
  }

  void HandleAll(State& s) {
    for (Entries& entries : s.vars) {
      for (Entry& e : entries) {
        if (e.bits & kPending) e.bits = static_cast<uint8_t>((e.bits & ~kPending) | kHandled);
      }
    }
  }

  // ------------------------------------------------------------ statements

  void Block(NodeId list, State& s) {
    if (!list.valid()) return;
    if (ast_.kind(list) != NodeKind::List) {
      Statement(list, s);
      return;
    }
    for (NodeId stmt : ast_.children(list)) Statement(stmt, s);
  }

  void Jump(Abrupt kind, State& s) {
    size_t target = kind == Abrupt::Return ? 0 : (loops_.empty() ? 0 : loops_.back().finally_depth);
    if (kind != Abrupt::Return && loops_.empty()) {
      s.reachable = false;
      return;
    }
    if (finallies_.size() > target) {
      Merge(finallies_.back().pending[static_cast<int>(kind)], s);
    } else if (kind == Abrupt::Return) {
      Merge(exit_, s);
    } else {
      Merge(kind == Abrupt::Break ? loops_.back().breaks : loops_.back().continues, s);
    }
    s.reachable = false;
  }

  void Statement(NodeId stmt, State& s) {
    if (!stmt.valid() || !s.reachable) return;
    if (!IsStatement(ast_.kind(stmt))) {
      Expr(stmt, s);
      return;
    }
    if (inference_.index().IsUnreachable(stmt) || !inference_.StatementReachable(stmt)) {
      s.reachable = false;
      return;
    }
    switch (ast_.kind(stmt)) {
      case NodeKind::FunctionDef: {
        FunctionDefView fn{ast_, stmt};
        Exprs(fn.decorators(), s);
        if (int var = VarOf(fn.name()); var >= 0) Kill(var, s);
        return;
      }
      case NodeKind::ClassDef: {
        ClassDefView cls{ast_, stmt};
        Exprs(cls.decorators(), s);
        if (cls.arguments().valid()) Exprs(cls.arguments(), s);
        if (int var = VarOf(cls.name()); var >= 0) Kill(var, s);
        return;
      }
      case NodeKind::Assign: {
        AssignView assign{ast_, stmt};
        Expr(assign.value(), s);
        for (NodeId target : assign.targets()) Target(target, stmt, assign.value(), s);
        return;
      }
      case NodeKind::AnnAssign: {
        AnnAssignView assign{ast_, stmt};
        if (!assign.value().valid()) return;
        Expr(assign.value(), s);
        Target(assign.target(), stmt, assign.value(), s);
        return;
      }
      case NodeKind::AugAssign: {
        AugAssignView assign{ast_, stmt};
        Expr(assign.value(), s);
        if (int var = VarOf(assign.target()); var >= 0) {
          Read(var, s);
          Kill(var, s);
        } else {
          Expr(assign.target(), s);
        }
        return;
      }
      case NodeKind::ExprStmt: {
        NodeId value = ExprStmtView{ast_, stmt}.value();
        Expr(value, s);
        // A call that never returns (`sys.exit()`) ends the path.
        if (value.valid() && ast_.kind(value) == NodeKind::Call) {
          TypeStore& store = inference_.program().types();
          if (store.kind(inference_.ExprType(value)) == TypeKind::Never) s.reachable = false;
        }
        return;
      }
      case NodeKind::Return:
        Expr(ReturnView{ast_, stmt}.value(), s);
        Jump(Abrupt::Return, s);
        return;
      case NodeKind::Raise:
        for (NodeId child : ast_.children(stmt)) Expr(child, s);
        s.reachable = false;  // an exception path needs no `await`
        return;
      case NodeKind::Break: Jump(Abrupt::Break, s); return;
      case NodeKind::Continue: Jump(Abrupt::Continue, s); return;
      case NodeKind::Delete:
        for (NodeId target : DeleteView{ast_, stmt}.targets()) Expr(target, s);
        return;
      case NodeKind::If: If(stmt, s); return;
      case NodeKind::While: {
        WhileView loop{ast_, stmt};
        Expr(loop.test(), s);
        NodeId test = loop.test();
        bool infinite = (ast_.kind(test) == NodeKind::BoolLiteral && ast_.node(test).data != 0) ||
                        (ast_.kind(test) == NodeKind::IntLiteral && !IntLiteralView{ast_, test}.is_big() && ast_.int_value(test) != 0);
        Loop(NodeId::None(), loop.body(), loop.orelse(), infinite, s);
        return;
      }
      case NodeKind::For: {
        ForView loop{ast_, stmt};
        Expr(loop.iter(), s);
        Loop(loop.target(), loop.body(), loop.orelse(), /*infinite=*/false, s);
        return;
      }
      case NodeKind::With: {
        WithView with{ast_, stmt};
        for (NodeId item : ast_.children(with.items())) {
          if (ast_.kind(item) != NodeKind::WithItem) {
            Expr(item, s);
            continue;
          }
          WithItemView view{ast_, item};
          Expr(view.context_expr(), s);
          if (view.optional_vars().valid()) Target(view.optional_vars(), NodeId::None(), NodeId::None(), s);
        }
        const size_t mark = touched_.size();
        State entry = s;
        Block(with.body(), s);
        if (inference_.WithSuppresses(stmt)) {
          HandleTouched(mark, entry);
          Merge(s, entry);
        }
        return;
      }
      case NodeKind::Try: Try(stmt, s); return;
      case NodeKind::Match: Match(stmt, s); return;
      case NodeKind::Assert: {
        AssertView view{ast_, stmt};
        Expr(view.test(), s);
        ++conditional_;
        Expr(view.msg(), s);
        --conditional_;
        return;
      }
      case NodeKind::Import:
      case NodeKind::ImportFrom:
        for (NodeId alias : ast_.children(stmt)) {
          if (!alias.valid() || ast_.kind(alias) != NodeKind::Alias) continue;
          AliasView view{ast_, alias};
          NodeId bound = view.asname().valid() ? view.asname() : view.name();
          if (!bound.valid()) continue;
          llvm::StringRef name = ast_.str(bound).split('.').first;
          if (auto it = var_ids_.find(name); it != var_ids_.end()) Kill(static_cast<int>(it->second), s);
        }
        return;
      case NodeKind::Global:
      case NodeKind::Nonlocal:
      case NodeKind::Pass:
      case NodeKind::TypeAlias:
        return;
      default:
        for (NodeId child : ast_.children(stmt)) Any(child, s);
    }
  }

  void Any(NodeId node, State& s) {
    if (!node.valid()) return;
    if (ast_.kind(node) == NodeKind::List) {
      Block(node, s);
    } else if (IsStatement(ast_.kind(node))) {
      Statement(node, s);
    } else {
      Expr(node, s);
    }
  }

  // A binding target; `statement` is the binding statement when it binds `value` directly.
  void Target(NodeId target, NodeId statement, NodeId value, State& s) {
    if (!target.valid()) return;
    switch (ast_.kind(target)) {
      case NodeKind::Name: {
        int var = VarOf(target);
        if (var < 0) return;
        auto it = statement.valid() ? binding_of_.find(statement.index()) : binding_of_.end();
        if (it != binding_of_.end() && bindings_[it->second].var == static_cast<uint32_t>(var)) {
          Bind(var, it->second, statement, s);
        } else {
          Kill(var, s);
        }
        return;
      }
      case NodeKind::Subscript: {
        SubscriptView sub{ast_, target};
        int var = VarOf(sub.value());
        if (var >= 0 && IsCollectionVar(var)) {
          if (IsCoroutineCall(value)) Feed(var, s);
        } else {
          Expr(sub.value(), s);
        }
        Expr(sub.slice(), s);
        return;
      }
      case NodeKind::Attribute: Expr(AttributeView{ast_, target}.value(), s); return;
      case NodeKind::Tuple:
      case NodeKind::ListExpr:
      case NodeKind::Starred:
      case NodeKind::List:
        for (NodeId child : ast_.children(target)) Target(child, NodeId::None(), NodeId::None(), s);
        return;
      default: Expr(target, s); return;
    }
  }

  std::string TestText(NodeId test) const {
    TextRange r = ast_.range(test);
    llvm::StringRef text = llvm::StringRef(text_).slice(r.start, r.end);
    if (text.size() > 40 || text.contains('\n')) return "";
    return text.str();
  }

  void If(NodeId stmt, State& s) {
    IfView view{ast_, stmt};
    const bool is_elif = in_elif_;
    in_elif_ = false;
    Expr(view.test(), s);
    State other = s;
    Block(view.body(), s);
    NodeId orelse = view.orelse();
    auto else_items = orelse.valid() && ast_.kind(orelse) == NodeKind::List ? ast_.children(orelse) : llvm::ArrayRef<NodeId>();
    const bool has_elif = else_items.size() == 1 && ast_.kind(else_items[0]) == NodeKind::If;
    in_elif_ = has_elif;
    Block(orelse, other);
    in_elif_ = false;
    if (!is_elif && !has_elif && s.reachable && other.reachable) {
      std::string test = TestText(view.test());
      if (!test.empty()) NoteBranches(s, other, test);
    }
    Merge(s, other);
  }

  // A binding consumed in one branch of an `if` and left pending in the other.
  void NoteBranches(const State& then_state, const State& else_state, const std::string& test) {
    auto pending_only = [](uint8_t bits) { return bits == kPending; };
    for (size_t v = 0; v < then_state.vars.size(); ++v) {
      for (const Entry& t : then_state.vars[v]) {
        for (const Entry& e : else_state.vars[v]) {
          if (t.binding != e.binding) continue;
          BindingInfo& b = bindings_[t.binding];
          if (!b.note.empty()) continue;
          if (pending_only(t.bits) && !(e.bits & kPending)) b.note = "when `" + test + "` is true";
          if (pending_only(e.bits) && !(t.bits & kPending)) b.note = "when `" + test + "` is false";
        }
      }
    }
  }

  void Loop(NodeId target, NodeId body, NodeId orelse, bool infinite, State& s) {
    loops_.push_back(LoopFrame{Unreachable(), Unreachable(), finallies_.size()});
    State entry = s;
    State iteration = s;
    Target(target, NodeId::None(), NodeId::None(), iteration);
    Block(body, iteration);
    LoopFrame frame = std::move(loops_.back());
    loops_.pop_back();
    State back = iteration;
    Merge(back, frame.continues);
    // Bound before the loop and awaited on every way around it: the next iteration awaits it again.
    if (back.reachable && entry.reachable) {
      for (size_t v = 0; v < entry.vars.size(); ++v) {
        for (const Entry& e : entry.vars[v]) {
          if (!(e.bits & kPending)) continue;
          for (const Entry& b : back.vars[v]) {
            if (b.binding == e.binding && b.bits == kAwaited && bindings_[b.binding].last_await.valid()) {
              ReportTwice(bindings_[b.binding], bindings_[b.binding].last_await, /*loop=*/true);
            }
          }
        }
      }
    }
    State out = infinite ? Unreachable() : entry;
    Merge(out, back);
    if (out.reachable) Block(orelse, out);
    Merge(out, frame.breaks);
    s = std::move(out);
  }

  void Try(NodeId stmt, State& s) {
    TryView view{ast_, stmt};
    const bool has_finally = view.finalbody().valid() && !ast_.children(view.finalbody()).empty();
    if (has_finally) finallies_.push_back(FinallyFrame{{Unreachable(), Unreachable(), Unreachable()}});
    State entry = s;
    Block(view.body(), s);
    Block(view.orelse(), s);
    auto handlers = ast_.children(view.handlers());
    if (!handlers.empty() && entry.reachable) {
      // A handler runs on an exception path: like a `raise`, it needs no `await` of the
      // coroutines made before (whether the `try` body touched them or not).
      State handler_entry = entry;
      HandleAll(handler_entry);
      for (NodeId handler : handlers) {
        if (ast_.kind(handler) != NodeKind::ExceptHandler) continue;
        ExceptHandlerView h{ast_, handler};
        State hs = handler_entry;
        Expr(h.type(), hs);
        if (int var = VarOf(h.name()); var >= 0) Kill(var, hs);
        Block(h.body(), hs);
        Merge(s, hs);
      }
    }
    if (!has_finally) return;
    FinallyFrame frame = std::move(finallies_.back());
    finallies_.pop_back();
    Block(view.finalbody(), s);
    for (int kind = 0; kind < 3; ++kind) {
      State& pending = frame.pending[kind];
      if (!pending.reachable) continue;
      Block(view.finalbody(), pending);
      if (pending.reachable) Jump(static_cast<Abrupt>(kind), pending);
    }
  }

  void Match(NodeId stmt, State& s) {
    MatchView view{ast_, stmt};
    Expr(view.subject(), s);
    State entry = s;
    State out = Unreachable();
    bool irrefutable = false;
    for (NodeId c : view.cases()) {
      if (ast_.kind(c) != NodeKind::MatchCase) continue;
      MatchCaseView mc{ast_, c};
      State cs = entry;
      Pattern(mc.pattern(), cs);
      ++conditional_;
      Expr(mc.guard(), cs);
      --conditional_;
      Block(mc.body(), cs);
      Merge(out, cs);
      if (!mc.guard().valid() && ast_.kind(mc.pattern()) == NodeKind::MatchAs &&
          !MatchAsView{ast_, mc.pattern()}.pattern().valid()) {
        irrefutable = true;
      }
    }
    if (!irrefutable) Merge(out, entry);
    s = std::move(out);
  }

  void Pattern(NodeId node, State& s) {
    if (!node.valid()) return;
    const NodeKind kind = ast_.kind(node);
    if (kind == NodeKind::Identifier) {
      if (int var = VarOf(node); var >= 0) Kill(var, s);
      return;
    }
    if (IsPattern(kind) || kind == NodeKind::List) {
      for (NodeId child : ast_.children(node)) Pattern(child, s);
      return;
    }
    Expr(node, s);
  }

  // ------------------------------------------------------------ expressions

  void Exprs(NodeId list, State& s) {
    if (!list.valid()) return;
    for (NodeId e : ast_.children(list)) Expr(e, s);
  }

  bool IsBuiltinLen(NodeId func) {
    Program& program = inference_.program();
    TypeStore& store = program.types();
    TypeId callee = inference_.ExprType(func);
    if (store.kind(callee) != TypeKind::Function) return false;
    const FunctionInfo& fn = store.function(FunctionTypeView{store, callee}.function());
    if (fn.name != "len" || fn.owner.valid()) return false;
    ModuleId builtins = program.resolver().Resolve("builtins");
    return builtins.valid() && program.modules()[builtins].file == fn.file;
  }

  void Expr(NodeId expr, State& s) {
    if (!expr.valid() || !s.reachable) return;
    switch (ast_.kind(expr)) {
      case NodeKind::Identifier: return;
      case NodeKind::Name:
        if (int var = VarOf(expr); var >= 0) Read(var, s);
        return;
      case NodeKind::Lambda: return;  // names it captures are not tracked
      case NodeKind::Await: {
        NodeId value = AwaitView{ast_, expr}.value();
        if (int var = ast_.kind(value) == NodeKind::Name ? VarOf(value) : -1; var >= 0) {
          Await(var, expr, s);
        } else {
          Expr(value, s);
        }
        return;
      }
      case NodeKind::Call: {
        CallView call{ast_, expr};
        NodeId func = call.func();
        if (ast_.kind(func) == NodeKind::Attribute) {
          AttributeView attr{ast_, func};
          int var = ast_.kind(attr.value()) == NodeKind::Name ? VarOf(attr.value()) : -1;
          if (var >= 0 && IsCollectionVar(var) && IsCollectionMethod(ast_.str(attr.attr()))) {
            for (NodeId arg : call.args()) Expr(arg, s);
            if (!call.args().empty() && IsCoroutineCall(call.args().back())) Feed(var, s);
            return;
          }
        }
        // `len(coros)` only counts the collection: it does not pass the coroutines on.
        if (call.args().size() == 1 && ast_.kind(call.args().front()) == NodeKind::Name) {
          int var = VarOf(call.args().front());
          if (var >= 0 && IsCollectionVar(var) && IsBuiltinLen(func)) return;
        }
        Expr(func, s);
        for (NodeId arg : call.args()) Expr(arg, s);
        return;
      }
      case NodeKind::BoolOp: {
        BoolOpView op{ast_, expr};
        Expr(op.left(), s);
        ++conditional_;
        Expr(op.right(), s);
        --conditional_;
        return;
      }
      case NodeKind::IfExp: {
        IfExpView op{ast_, expr};
        Expr(op.test(), s);
        ++conditional_;
        Expr(op.body(), s);
        Expr(op.orelse(), s);
        --conditional_;
        return;
      }
      case NodeKind::ListComp:
      case NodeKind::SetComp:
      case NodeKind::DictComp:
      case NodeKind::GeneratorExp:
        ++conditional_;
        for (NodeId child : ast_.children(expr)) Expr(child, s);
        --conditional_;
        return;
      case NodeKind::NamedExpr: {
        NamedExprView named{ast_, expr};
        Expr(named.value(), s);
        if (int var = VarOf(named.target()); var >= 0) Kill(var, s);
        return;
      }
      default:
        for (NodeId child : ast_.children(expr)) Expr(child, s);
    }
  }

  // ------------------------------------------------------------ reports

  std::string ValueText(const BindingInfo& b) const {
    TextRange r = ast_.range(b.value);
    std::string text;
    bool space = false;
    for (char ch : llvm::StringRef(text_).slice(r.start, r.end)) {
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
        space = !text.empty();
        continue;
      }
      if (space && text.back() != '(' && ch != ')') text += ' ';
      space = false;
      text += ch;
    }
    if (text.size() > 50) text = text.substr(0, 47) + "...";
    return text;
  }

  void ReportLeak(const BindingInfo& b) {
    const std::string name = Code(names_[b.var]);
    std::string how = !b.consumed ? "never awaited" : !b.note.empty() ? "not awaited " + b.note : "not awaited on some paths";
    std::string message = b.collection ? "Coroutines collected in " + name + " are " + how
                                       : "Coroutine " + Code(ValueText(b)) + " bound to " + name + " is " + how;
    if (b.rebound_at.valid() && !b.consumed) message += " before " + name + " is rebound";
    Diagnostic d = MakeDiagnostic(Rule::UnawaitedCoroutine, inference_.file(), ast_.range(b.value), std::move(message));
    if (b.rebound_at.valid()) {
      d.secondary.push_back(Annotation{inference_.file(), ast_.range(b.rebound_at),
                                       name + " is rebound here while its coroutine is not awaited"});
    }
    d.infos.push_back(b.collection
                          ? "A coroutine runs only when awaited: pass them to `asyncio.gather(*" + names_[b.var].str() +
                                ")`, or await each one"
                          : "A coroutine runs only when awaited (or scheduled with `asyncio.create_task`); did you "
                            "forget `await`?");
    inference_.Report(std::move(d));
  }

  void ReportTwice(const BindingInfo& b, NodeId await_node, bool loop) {
    if (!reported_twice_.insert(await_node.index()).second) return;
    const std::string name = Code(names_[b.var]);
    std::string message = "Coroutine " + Code(ValueText(b)) + " bound to " + name +
                          (loop ? " is awaited again by the next iteration of the loop" : " is awaited twice");
    Diagnostic d = MakeDiagnostic(Rule::CoroutineAwaitedTwice, inference_.file(), ast_.range(await_node), std::move(message));
    if (!loop && b.last_await.valid()) {
      d.secondary.push_back(Annotation{inference_.file(), ast_.range(b.last_await), "first awaited here"});
    }
    d.infos.push_back("Awaiting a coroutine object that already finished raises `RuntimeError: cannot reuse already "
                      "awaited coroutine`; call the function again for a new coroutine" +
                      std::string(loop ? " inside the loop" : ""));
    inference_.Report(std::move(d));
  }

  struct LoopFrame {
    State breaks, continues;
    size_t finally_depth;
  };
  struct FinallyFrame {
    State pending[3];  // by Abrupt
  };

  FileInference& inference_;
  const Ast& ast_;
  const std::string& text_;
  llvm::StringMap<uint32_t> var_ids_;
  std::vector<llvm::StringRef> names_;
  std::vector<BindingInfo> bindings_;
  std::vector<uint8_t> collection_;  // by name: 1 coroutine bindings, 2 collections
  llvm::DenseMap<uint32_t, uint32_t> binding_of_;  // statement index -> binding
  std::vector<uint32_t> touched_;                  // tracked names, in the order of their events
  std::vector<LoopFrame> loops_;
  std::vector<FinallyFrame> finallies_;
  State exit_;
  int conditional_ = 0;  // inside `and` / `or` right operands, conditional expressions, comprehensions
  bool in_elif_ = false;
  llvm::DenseSet<uint32_t> reported_twice_;
};

}  // namespace

void CheckCoroutineLifecycle(FileInference& inference, NodeId function_def) {
  Lifecycle(inference).Run(function_def);
}

}  // namespace asynctype
