// Control-flow state used while building the semantic index: for every name of the scope being
// indexed, the bindings that may reach the current point, each with the narrowing constraints
// (e.g. `x is not None`) that apply to it since it was bound. Branches copy the state and merge
// it back (union of bindings); `return`, `raise`, `break` and `continue` make it unreachable.
// A name missing from the state is unbound on every path so far.
#pragma once

#include <algorithm>
#include <vector>

#include "checker/base/id.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace asynctype {

// A binding that may reach a use: `def` None means "unbound on this path". Places (`self.x`,
// keyed by their dotted text) are tracked only for narrowing: their binding is always
// kPlaceDefault, the attribute's own type, plus the constraints that narrow it.
inline constexpr DefinitionId kPlaceDefault = DefinitionId(0xFFFFFFFEu);

inline bool IsPlaceKey(llvm::StringRef key) { return key.contains('.'); }

// A place assigned by `place = value` (the direct target of an Assign statement): the binding
// carries the target node, and the place has the assigned value's type from there on.
inline DefinitionId PlaceAssignment(NodeId target) { return DefinitionId(0x80000000u | target.value); }
inline bool IsPlaceAssignment(DefinitionId def) {
  return def.valid() && def != kPlaceDefault && (def.value & 0x80000000u) != 0;
}
inline NodeId PlaceAssignmentTarget(DefinitionId def) { return NodeId(def.value & 0x7FFFFFFFu); }

// A pseudo-name whose bindings (all "unbound") are the alternative paths reaching a point, each
// with the reachability constraints it depends on: a point is reached if one of them holds.
inline constexpr const char* kReachKey = "<reach>";

struct Binding {
  DefinitionId def;
  llvm::SmallVector<uint32_t, 1> constraints;  // ids into SemanticIndex constraints, in order
  friend bool operator==(const Binding& a, const Binding& b) {
    return a.def == b.def && a.constraints == b.constraints;
  }
};
using Bindings = llvm::SmallVector<Binding, 2>;

// What Simplify needs to know of a constraint: which test, and which way.
struct ConstraintKey {
  uint32_t predicate;
  bool positive;
};

class FlowState {
 public:
  explicit FlowState(const std::vector<ConstraintKey>* constraints = nullptr) : constraints_(constraints) {
    names_[kReachKey] = Bindings{Binding{}};
  }

  bool reachable() const { return reachable_; }
  void SetUnreachable() { reachable_ = false; }

  // The bindings of `name` here; a name never bound so far is unbound.
  Bindings Lookup(llvm::StringRef name) const {
    auto it = names_.find(name);
    if (it == names_.end()) return Default(name);
    return it->second;
  }
  static Bindings Default(llvm::StringRef name) {
    return Bindings{Binding{IsPlaceKey(name) ? kPlaceDefault : DefinitionId::None(), {}}};
  }
  bool Knows(llvm::StringRef name) const { return names_.count(name) != 0; }

  void Bind(llvm::StringRef name, DefinitionId def) { names_[name] = Bindings{Binding{def, {}}}; }
  void Unbind(llvm::StringRef name) { names_[name] = Bindings{Binding{}}; }
  void Set(llvm::StringRef name, Bindings bindings) { names_[name] = std::move(bindings); }

  // A place was assigned: its narrowing no longer holds.
  void ResetPlace(llvm::StringRef key) { names_.erase(key); }
  // A name was rebound: narrowing of places rooted at it no longer holds.
  void ResetPlacesOf(llvm::StringRef name) {
    llvm::SmallVector<llvm::StringRef, 4> doomed;
    for (const auto& entry : names_) {
      llvm::StringRef key = entry.getKey();
      if (key.size() > name.size() && key.startswith(name) && key[name.size()] == '.') doomed.push_back(key);
    }
    for (llvm::StringRef key : doomed) names_.erase(key);
  }

  // This path continues only if the call / await `constraint` names returns (it may be a
  // `NoReturn` call); recorded on the bindings when paths merge.
  void RequireReturn(uint32_t constraint) { reach_.push_back(constraint); }
  // The paths reaching this point, each with the reachability constraints it depends on
  // (see kReachKey); a single unconstrained path when the point is reached unconditionally.
  Bindings ReachPaths() const {
    Bindings paths = Lookup(kReachKey);
    for (Binding& b : paths) b.constraints.append(reach_.begin(), reach_.end());
    return paths;
  }
  // Whether every path reaching this point depends on some reachability constraint.
  bool ReachedConditionally() const {
    if (!reachable_) return false;
    if (!reach_.empty()) return true;
    for (const Binding& b : Lookup(kReachKey)) {
      if (b.constraints.empty()) return false;
    }
    return true;
  }

  // Adds a narrowing constraint to every binding of `name`.
  void Narrow(llvm::StringRef name, uint32_t constraint) {
    auto it = names_.find(name);
    if (it == names_.end()) {
      if (!IsPlaceKey(name)) return;
      it = names_.insert({name, Default(name)}).first;
    }
    for (Binding& b : it->second) {
      if (b.def.valid()) b.constraints.push_back(constraint);  // (kPlaceDefault is valid too)
    }
  }

  // Drops the constraints with ids >= `first` (narrowing that held only inside an expression).
  void StripConstraintsSince(size_t first) {
    for (auto& entry : names_) {
      Bindings stripped;
      for (Binding b : entry.second) {
        b.constraints.erase(std::remove_if(b.constraints.begin(), b.constraints.end(),
                                           [&](uint32_t c) { return c >= first; }),
                            b.constraints.end());
        if (std::find(stripped.begin(), stripped.end(), b) == stripped.end()) stripped.push_back(b);
      }
      entry.second = std::move(stripped);
    }
  }

  // Joins another path into this one. Unreachable paths contribute nothing.
  void Merge(const FlowState& other_in) {
    if (!other_in.reachable_) return;
    if (!reachable_) {
      *this = other_in;
      return;
    }
    const FlowState* other_ptr = &other_in;
    FlowState other_copy;
    if (!other_in.reach_.empty() || !reach_.empty()) {
      // Paths that depend on calls returning keep that condition on the bindings that only
      // they bring (a binding reaching on both paths needs no condition).
      other_copy = other_in;
      llvm::StringMap<Bindings> mine = names_;
      bool mine_conditional = !reach_.empty();
      other_copy.SettleReach(mine, mine_conditional);
      SettleReach(other_in.names_, !other_in.reach_.empty());
      other_ptr = &other_copy;
    }
    const FlowState& other = *other_ptr;
    for (auto& entry : names_) {
      auto it = other.names_.find(entry.getKey());
      AddAll(entry.second, it == other.names_.end() ? Default(entry.getKey()) : it->second);
    }
    for (const auto& entry : other.names_) {
      if (names_.count(entry.getKey())) continue;
      Bindings merged = Default(entry.getKey());
      AddAll(merged, entry.second);
      names_[entry.getKey()] = std::move(merged);
    }
    for (auto& entry : names_) Simplify(entry.second);
  }

  // `b` narrowed by `c` on one path and by `not c` on the other is just `b` again; without this
  // repeated tests of one name would multiply its bindings. Bindings that still pile up (each
  // path carrying its own "this call returns" conditions) are widened past kMaxBindings.
  void Simplify(Bindings& bindings) const;

  // Past this many bindings of one name, the bindings of each definition are joined into one
  // that keeps only their common constraints: the type gets wider (never narrower), and the
  // number of bindings stays bounded however many branches follow each other.
  static constexpr size_t kMaxBindings = 16;
  static void Widen(Bindings& bindings);

  // Moves this path's pending return conditions onto its bindings (including the implicit
  // default bindings of names only the other path knows).
  // A binding the other path brings too needs no condition, unless that path is conditional as
  // well: for kReachKey both alternatives are kept then (reached if either condition holds).
  void SettleReach(const llvm::StringMap<Bindings>& other_names, bool other_conditional = false) {
    if (reach_.empty()) return;
    for (const auto& entry : other_names) {
      if (!names_.count(entry.getKey())) names_[entry.getKey()] = Default(entry.getKey());
    }
    for (auto& entry : names_) {
      auto it = other_names.find(entry.getKey());
      Bindings theirs = it == other_names.end() ? Default(entry.getKey()) : it->second;
      bool keep_both = other_conditional && entry.getKey() == kReachKey;
      for (Binding& b : entry.second) {
        if (!keep_both && std::find(theirs.begin(), theirs.end(), b) != theirs.end()) continue;
        b.constraints.append(reach_.begin(), reach_.end());
      }
    }
    reach_.clear();
  }

  // Adds `binding` to the bindings of `name` (an alternative, as if from another path).
  void AddBinding(llvm::StringRef name, const Binding& binding) {
    auto it = names_.find(name);
    if (it == names_.end()) it = names_.insert({name, Default(name)}).first;
    if (std::find(it->second.begin(), it->second.end(), binding) == it->second.end()) {
      it->second.push_back(binding);
    }
  }

  // Every binding of every name (for loop back edges).
  const llvm::StringMap<Bindings>& names() const { return names_; }

  static void AddAll(Bindings& into, const Bindings& from) {
    for (const Binding& b : from) {
      if (std::find(into.begin(), into.end(), b) == into.end()) into.push_back(b);
    }
  }

 private:
  llvm::StringMap<Bindings> names_;
  llvm::SmallVector<uint32_t, 1> reach_;  // pending "this call returns" conditions
  const std::vector<ConstraintKey>* constraints_;
  bool reachable_ = true;
};

inline void FlowState::Simplify(Bindings& bindings) const {
  if (!constraints_ || bindings.size() < 2) return;
  // Only constrained bindings can be joined (in pairs): most calls have none to look at.
  size_t constrained = std::count_if(bindings.begin(), bindings.end(), [](const Binding& b) { return !b.constraints.empty(); });
  bool changed = constrained >= 2;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < bindings.size() && !changed; ++i) {
      for (size_t j = i + 1; j < bindings.size() && !changed; ++j) {
        Binding& a = bindings[i];
        const Binding& b = bindings[j];
        if (a.def != b.def || a.constraints.size() != b.constraints.size() || a.constraints.empty()) continue;
        size_t n = a.constraints.size();
        if (!std::equal(a.constraints.begin(), a.constraints.end() - 1, b.constraints.begin())) continue;
        const ConstraintKey& x = (*constraints_)[a.constraints[n - 1]];
        const ConstraintKey& y = (*constraints_)[b.constraints[n - 1]];
        if (x.predicate != y.predicate || x.positive == y.positive) continue;
        a.constraints.pop_back();
        bindings.erase(bindings.begin() + j);
        // The shortened binding may now equal another one.
        for (size_t k = 0; k < bindings.size(); ++k) {
          if (k != i && bindings[k] == a) {
            bindings.erase(bindings.begin() + i);
            break;
          }
        }
        changed = true;
      }
    }
  }
  if (bindings.size() > kMaxBindings) Widen(bindings);
}

inline void FlowState::Widen(Bindings& bindings) {
  Bindings widened;
  for (const Binding& b : bindings) {
    auto same = std::find_if(widened.begin(), widened.end(), [&](const Binding& w) { return w.def == b.def; });
    if (same == widened.end()) {
      widened.push_back(b);
      continue;
    }
    auto mismatch = std::mismatch(same->constraints.begin(), same->constraints.end(), b.constraints.begin(),
                                  b.constraints.end());
    same->constraints.erase(mismatch.first, same->constraints.end());
  }
  bindings = std::move(widened);
}

}  // namespace asynctype
