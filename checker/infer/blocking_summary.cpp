#include "checker/infer/blocking_summary.h"

#include <algorithm>
#include <vector>

#include "checker/database/program.h"
#include "checker/infer/file_inference.h"
#include "checker/infer/recursion.h"
#include "checker/infer/semantics.h"
#include "checker/semantic/declaring_bodies.h"

namespace asynctype {
namespace {

int Slot(CallEffect effect) { return effect == CallEffect::Blocks ? 0 : 1; }

// The user function a call's callee is (a plain function or a method bound to an instance or
// class); None for anything else.
FunctionId CalledFunction(Program& program, TypeId callee) {
  TypeStore& store = program.types();
  if (store.kind(callee) == TypeKind::BoundMethod) callee = BoundMethodTypeView{store, callee}.function();
  if (store.kind(callee) != TypeKind::Function) return FunctionId::None();
  return FunctionTypeView{store, callee}.function();
}

// Whether calling `fn` runs its body: a plain `def` (not a generator, not an `async def`) of the
// user's code whose body does more than declare it.
bool IsHelper(Program& program, FunctionId fn) {
  const FunctionInfo& info = program.types().function(fn);
  if (info.is_async || info.is_generator || info.is_overload || !info.file.valid() || !info.node.valid()) {
    return false;
  }
  if (program.source(info.file).is_stub() || IsInstalledSource(program, info.file)) return false;
  const Ast& ast = program.inference(info.file).ast();
  if (ast.kind(info.node) != NodeKind::FunctionDef) return false;
  return !BodyOnlyDeclares(ast, FunctionDefView{ast, info.node}.body(), /*pass_declares=*/true);
}


// The summary of a helper for one effect (memoized in its FunctionInfo).
void Summarize(Program& program, FunctionId fn, CallEffect effect) {
  TypeStore& store = program.types();
  const int slot = Slot(effect);
  if (store.function(fn).blocking_state[slot] != 0) return;
  RecursionGuard guard(program.recursion());
  if (guard.exceeded()) return;  // left "not yet": a shallower request computes it
  store.function(fn).blocking_state[slot] = 1;
  int row = -1, depth = 0;
  bool checks_loop = false;  // asks whether a loop runs (see CallEffect::ChecksLoop)
  FunctionId via;
  NodeId where;
  const FunctionInfo& info = store.function(fn);
  FileInference& inference = program.inference(info.file);
  // Direct calls first, then the helpers (in source order): the shortest chains, and a cycle
  // whose members block directly gives the same answer whichever member is asked first.
  std::vector<std::pair<NodeId, FunctionId>> helpers;
  ForEachOwnCall(inference, info.node, [&](NodeId call) {
    int direct = MatchBlockingCall(inference, call);
    if (direct >= 0 && BlockingCalleeAt(direct).effect == CallEffect::ChecksLoop) checks_loop = true;
    if (row >= 0) return;
    if (direct >= 0 && BlockingCalleeAt(direct).effect == effect && !BlockingCalleeAt(direct).state_dependent &&
        !BlockingCalleeAt(direct).direct_only) {
      row = direct;
      where = call;
      return;
    }
    FunctionId helper = CalledFunction(program, inference.ExprType(CallView{inference.ast(), call}.func()));
    if (helper.valid() && IsHelper(program, helper)) helpers.emplace_back(call, helper);
  });
  if (!(effect == CallEffect::RunsLoop && checks_loop)) {
    for (const auto& [call, helper] : helpers) {
      if (row >= 0) break;
      Summarize(program, helper, effect);
      const FunctionInfo& h = store.function(helper);
      if (h.blocking_state[slot] != 2 || h.blocking_row[slot] < 0 || h.blocking_depth[slot] + 1 >= kMaxChain) continue;
      row = h.blocking_row[slot];
      via = helper;
      where = call;
      depth = h.blocking_depth[slot] + 1;
    }
  }
  if (effect == CallEffect::RunsLoop && checks_loop) row = -1;
  FunctionInfo& done = store.function(fn);
  done.blocking_state[slot] = 2;
  done.blocking_row[slot] = static_cast<int16_t>(row);
  done.blocking_via[slot] = via;
  done.blocking_call[slot] = where;
  done.blocking_depth[slot] = static_cast<uint8_t>(depth);
}

// Whether the receiver of a state-dependent call (`sock.recv(...)`) is a local of the function
// made by a call there (`sock = socket.socket()`, `with socket.create_connection(...) as sock`),
// on every path, so that its state is the one it was created with; for a socket, the function
// must also never change its blocking mode (`setblocking`, `settimeout`).
bool ReceiverMadeHere(FileInference& inference, NodeId function_def, NodeId call, const BlockingCallee& row) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  NodeId func = CallView{ast, call}.func();
  if (ast.kind(func) != NodeKind::Attribute) return false;
  NodeId receiver = AttributeView{ast, func}.value();
  if (!receiver.valid() || ast.kind(receiver) != NodeKind::Name) return false;
  const UseRecord* use = index.UseOf(receiver);
  if (use == nullptr || use->bindings.empty()) return false;
  const ScopeId scope = index.ScopeOf(call);
  uint32_t made_after = 0;
  for (const Binding& b : use->bindings) {
    if (!b.def.valid() || IsPlaceAssignment(b.def)) return false;
    const Definition& def = index.definition(b.def);
    if (def.scope != scope) return false;
    NodeId value;
    switch (def.kind) {
      case DefinitionKind::Assignment: value = AssignView{ast, def.node}.value(); break;
      case DefinitionKind::AnnAssignment: value = AnnAssignView{ast, def.node}.value(); break;
      case DefinitionKind::WithTarget: value = WithItemView{ast, def.node}.context_expr(); break;
      default: return false;
    }
    if (!value.valid() || ast.kind(value) != NodeKind::Call) return false;
    made_after = std::max(made_after, ast.range(value).end);
  }
  // No `await` between the receiver's creation and the call.
  const uint32_t call_start = ast.range(call).start;
  std::vector<NodeId> stack(ast.children(FunctionDefView{ast, function_def}.body()).begin(),
                            ast.children(FunctionDefView{ast, function_def}.body()).end());
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (!n.valid()) continue;
    const TextRange r = ast.range(n);
    if (r.end <= made_after || r.start >= call_start) continue;
    const NodeKind kind = ast.kind(n);
    if (kind == NodeKind::FunctionDef || kind == NodeKind::ClassDef || kind == NodeKind::Lambda) continue;
    if (kind == NodeKind::Await || (kind == NodeKind::With && WithView{ast, n}.is_async()) ||
        (kind == NodeKind::For && ForView{ast, n}.is_async())) {
      if (r.start >= made_after) return false;
    }
    for (NodeId child : ast.children(n)) stack.push_back(child);
  }
  if (llvm::StringRef(row.module).contains("socket")) {
    bool changes_mode = false;
    ForEachOwnCall(inference, function_def, [&](NodeId other) {
      NodeId f = CallView{ast, other}.func();
      if (ast.kind(f) != NodeKind::Attribute) return;
      NodeId attr = AttributeView{ast, f}.attr();
      if (attr.valid() && (ast.str(attr) == "setblocking" || ast.str(attr) == "settimeout")) changes_mode = true;
    });
    if (changes_mode) return false;
  }
  return true;
}

}  // namespace

void ForEachOwnCall(FileInference& inference, NodeId function_def, llvm::function_ref<void(NodeId call)> visit) {
  const Ast& ast = inference.ast();
  const SemanticIndex& index = inference.index();
  NodeId body = FunctionDefView{ast, function_def}.body();
  if (!body.valid()) return;
  // Source order: children are pushed in reverse. A call's callee and arguments are visited
  // before the call itself (they run first).
  struct Item {
    NodeId node;
    bool exit;
  };
  std::vector<Item> stack;
  auto push_children = [&](NodeId n) {
    auto children = ast.children(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
  };
  push_children(body);
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    if (!item.node.valid()) continue;
    if (item.exit) {
      visit(item.node);
      continue;
    }
    NodeKind kind = ast.kind(item.node);
    if (kind == NodeKind::FunctionDef) {
      // Its decorators and default values run here; its body does not.
      FunctionDefView def{ast, item.node};
      if (NodeId params = def.parameters(); params.valid()) {
        for (auto it = ast.children(params).rbegin(); it != ast.children(params).rend(); ++it) {
          stack.push_back({ParameterView{ast, *it}.default_value(), false});
        }
      }
      stack.push_back({def.decorators(), false});
      continue;
    }
    if (kind == NodeKind::ClassDef || kind == NodeKind::Lambda) continue;
    if (IsStatement(kind) && (index.IsUnreachable(item.node) || !inference.StatementReachable(item.node))) continue;
    if (kind == NodeKind::Call) stack.push_back({item.node, true});
    push_children(item.node);
  }
}

CallEffectFinding FindCallEffect(FileInference& inference, NodeId function_def, NodeId call, CallEffect effect) {
  CallEffectFinding finding;
  int direct = MatchBlockingCall(inference, call);
  if (direct >= 0) {
    const BlockingCallee& row = BlockingCalleeAt(direct);
    if (row.effect == effect && (!row.state_dependent || ReceiverMadeHere(inference, function_def, call, row))) {
      finding.row = direct;
      finding.chain.push_back(BlockingCalleeAt(direct).shown);
    }
    return finding;
  }
  if (effect == CallEffect::GetEventLoop) return finding;
  Program& program = inference.program();
  TypeStore& store = program.types();
  FunctionId helper = CalledFunction(program, inference.ExprType(CallView{inference.ast(), call}.func()));
  if (!helper.valid() || !IsHelper(program, helper)) return finding;
  Summarize(program, helper, effect);
  const int slot = Slot(effect);
  if (store.function(helper).blocking_state[slot] != 2 || store.function(helper).blocking_row[slot] < 0) {
    return finding;
  }
  finding.row = store.function(helper).blocking_row[slot];
  finding.helper = helper;
  for (FunctionId f = helper; f.valid(); f = store.function(f).blocking_via[slot]) {
    const FunctionInfo& info = store.function(f);
    finding.chain.push_back(info.name + "()");
    if (!info.blocking_via[slot].valid() && info.blocking_call[slot].valid()) {
      finding.site_file = info.file;
      finding.site = program.inference(info.file).ast().range(info.blocking_call[slot]);
    }
    if (finding.chain.size() > static_cast<size_t>(kMaxChain)) break;
  }
  finding.chain.push_back(std::string(BlockingCalleeAt(finding.row).shown) + "()");
  return finding;
}

}  // namespace asynctype
