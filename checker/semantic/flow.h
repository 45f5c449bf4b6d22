// Control-flow state used while building the semantic index: for every name of the scope being
// indexed, the bindings that may reach the current point, each with the narrowing constraints
// (e.g. `x is not None`) that apply to it since it was bound. Branches copy the state and merge
// it back (union of bindings); `return`, `raise`, `break` and `continue` make it unreachable.
// A name missing from the state is unbound on every path so far.
//
// Cost: the names live in persistent maps (slot_map.h), so copying a state is O(1), an update
// costs O(log n), and merging two states derived from one another costs time proportional to the
// names whose bindings differ between them, not to the number of names in the scope. The places
// of a name (`self.x`, `self.y`) are kept under the name, so rebinding it forgets them in O(1).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "checker/base/id.h"
#include "checker/semantic/slot_map.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
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

// Inside the flow state only: a binding standing for a set of definitions (see
// FlowState::kMaxDefinitions and FlowKeys::ExpandDefinitionSets). Never in the index: the uses
// record the definitions themselves. (Real definition numbers stay far below 2^30.)
inline DefinitionId DefinitionSetBinding(uint32_t set) { return DefinitionId(0x40000000u | set); }
inline bool IsDefinitionSet(DefinitionId def) { return def.valid() && (def.value & 0xC0000000u) == 0x40000000u; }
inline uint32_t DefinitionSetOf(DefinitionId def) { return def.value & 0x3FFFFFFFu; }

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

// What the flow states of one index builder share: a slot number for every name and place key
// they have seen (the keys of their maps), and the constraints (for Simplify).
class FlowKeys {
 public:
  explicit FlowKeys(const std::vector<ConstraintKey>* constraints) : constraints_(constraints) {}
  FlowKeys(const FlowKeys&) = delete;
  FlowKeys& operator=(const FlowKeys&) = delete;

  uint32_t Slot(llvm::StringRef key) {
    auto [it, inserted] = slots_.try_emplace(key, static_cast<uint32_t>(keys_.size()));
    if (inserted) keys_.push_back(it->getKey());
    return it->second;
  }
  // The slot of a key seen before, or kNoSlot.
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  uint32_t Find(llvm::StringRef key) const {
    auto it = slots_.find(key);
    return it == slots_.end() ? kNoSlot : it->second;
  }
  llvm::StringRef Key(uint32_t slot) const { return keys_[slot]; }
  const std::vector<ConstraintKey>* constraints() const { return constraints_; }

  // A new set of definitions: `defs` and those of the sets `subsets`; returns its binding.
  DefinitionId NewDefinitionSet(llvm::SmallVector<DefinitionId, 8> defs, llvm::SmallVector<uint32_t, 2> subsets) {
    sets_.push_back({std::move(defs), std::move(subsets)});
    return DefinitionSetBinding(static_cast<uint32_t>(sets_.size() - 1));
  }
  // Replaces each definition-set binding of `bindings` by one binding per definition of the set,
  // in definition order, with the set binding's constraints (and without duplicates).
  void ExpandDefinitionSets(Bindings& bindings) const;

 private:
  struct DefinitionSet {
    llvm::SmallVector<DefinitionId, 8> defs;
    llvm::SmallVector<uint32_t, 2> subsets;
  };
  llvm::StringMap<uint32_t> slots_;
  std::vector<llvm::StringRef> keys_;  // slot -> key (stored in slots_)
  const std::vector<ConstraintKey>* constraints_;
  std::vector<DefinitionSet> sets_;
};

class FlowState {
 public:
  explicit FlowState(FlowKeys* keys) : keys_(keys) {}

  bool reachable() const { return reachable_; }
  void SetUnreachable() { reachable_ = false; }

  // The bindings of `name` here; a name never bound so far is unbound.
  Bindings Lookup(llvm::StringRef name) const {
    const Bindings* found = Find(name);
    return found ? *found : Default(name);
  }
  // The bindings of `name` here, or null when the state does not know it.
  const Bindings* Find(llvm::StringRef name) const {
    const EntryRef* entry = FindEntry(name);
    return entry ? &(*entry)->bindings : nullptr;
  }
  static Bindings Default(llvm::StringRef name) { return DefaultBindings(IsPlaceKey(name)); }
  static Bindings DefaultBindings(bool place) {
    return Bindings{Binding{place ? kPlaceDefault : DefinitionId::None(), {}}};
  }
  bool Knows(llvm::StringRef name) const { return FindEntry(name) != nullptr; }

  void Bind(llvm::StringRef name, DefinitionId def) { Set(name, Bindings{Binding{def, {}}}, /*dirty=*/false); }
  void Unbind(llvm::StringRef name) { Set(name, Bindings{Binding{}}, /*dirty=*/false); }
  void Set(llvm::StringRef name, Bindings bindings) { Set(name, std::move(bindings), /*dirty=*/true); }

  // A place was assigned: its narrowing no longer holds.
  void ResetPlace(llvm::StringRef key) {
    auto [root, slot] = PlaceSlots(key, /*insert=*/false);
    if (slot == FlowKeys::kNoSlot || !places_.Find(root)) return;
    places_.Modify(root, [&](EntryMap& group) { group.Erase(slot); });
  }
  // A name was rebound: narrowing of places rooted at it no longer holds.
  void ResetPlacesOf(llvm::StringRef name) {
    if (!keys_) return;
    if (IsPlaceKey(name)) {  // (not an identifier: only the keys under it)
      ErasePlacesUnder(name);
      return;
    }
    uint32_t root = keys_->Find(name);
    if (root != FlowKeys::kNoSlot) places_.Erase(root);
  }

  // This path continues only if the call / await `constraint` names returns (it may be a
  // `NoReturn` call); recorded on the bindings when paths merge.
  void RequireReturn(uint32_t constraint) { reach_.push_back(constraint); }
  // The paths reaching this point, each with the reachability constraints it depends on: the
  // point is reached if one of them holds; a single unconstrained path when the point is reached
  // unconditionally. (The paths are bindings whose `def` is always None.)
  Bindings ReachPaths() const {
    Bindings paths = reach_paths_;
    for (Binding& b : paths) b.constraints.append(reach_.begin(), reach_.end());
    return paths;
  }
  // Whether every path reaching this point depends on some reachability constraint.
  bool ReachedConditionally() const {
    if (!reachable_) return false;
    if (!reach_.empty()) return true;
    for (const Binding& b : reach_paths_) {
      if (b.constraints.empty()) return false;
    }
    return true;
  }

  // Adds a narrowing constraint to every binding of `name`. With `outer_too`, also to its
  // unbound path, which stands for the outer binding (a name declared `global` / `nonlocal`, or
  // a free name of a function): the use narrows the outer type.
  void Narrow(llvm::StringRef name, uint32_t constraint, bool outer_too = false) {
    auto narrow = [&](EntryRef& entry) {
      for (Binding& b : Own(entry).bindings) {
        if (b.def.valid() || outer_too) b.constraints.push_back(constraint);  // (kPlaceDefault is valid too)
      }
    };
    if (!IsPlaceKey(name)) {
      if (outer_too && keys_) {
        names_.Modify(keys_->Slot(name), [&](EntryRef& entry) {
          if (!entry) entry = NewEntry(DefaultBindings(/*place=*/false), false);
          narrow(entry);
        });
        return;
      }
      uint32_t slot = keys_ ? keys_->Find(name) : FlowKeys::kNoSlot;
      if (slot != FlowKeys::kNoSlot && names_.Find(slot)) names_.Modify(slot, narrow);
      return;
    }
    ModifyPlace(name, [&](EntryRef& entry) {
      if (!entry) entry = NewEntry(DefaultBindings(/*place=*/true), false);
      narrow(entry);
    });
  }

  // Drops the constraints with ids >= `first` (narrowing that held only inside an expression)
  // from the bindings of `names`: the names (and places) the constraints since `first` narrowed,
  // the only ones whose bindings can hold them.
  void StripConstraintsSince(size_t first, llvm::ArrayRef<llvm::StringRef> names) {
    for (llvm::StringRef name : names) {
      if (!Knows(name)) continue;
      Modify(name, [&](EntryRef& entry) {
        const Bindings& old = entry->bindings;
        bool affected = std::any_of(old.begin(), old.end(), [&](const Binding& b) {
          return std::any_of(b.constraints.begin(), b.constraints.end(), [&](uint32_t c) { return c >= first; });
        });
        if (!affected) return;
        Bindings stripped;
        for (Binding b : old) {
          b.constraints.erase(std::remove_if(b.constraints.begin(), b.constraints.end(),
                                             [&](uint32_t c) { return c >= first; }),
                              b.constraints.end());
          if (std::find(stripped.begin(), stripped.end(), b) == stripped.end()) stripped.push_back(b);
        }
        entry = NewEntry(std::move(stripped), /*dirty=*/true);
      });
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
    FlowState other_copy(keys_);
    if (!other_in.reach_.empty() || !reach_.empty()) {
      // Paths that depend on calls returning keep that condition on the bindings that only
      // they bring (a binding reaching on both paths needs no condition).
      other_copy = other_in;
      FlowState mine = *this;
      bool mine_conditional = !reach_.empty();
      other_copy.SettleReach(mine, mine_conditional);
      SettleReach(other_in, !other_in.reach_.empty());
      other_ptr = &other_copy;
    }
    const FlowState& other = *other_ptr;
    // Names bound alike on both paths (the same, simplified bindings) keep them.
    auto join = [&](bool place) {
      return [this, place](uint32_t, EntryRef& mine, const EntryRef& theirs) {
        Bindings merged = mine ? mine->bindings : DefaultBindings(place);
        AddAll(merged, theirs ? theirs->bindings : DefaultBindings(place));
        Simplify(merged, place);
        Store(mine, theirs ? &theirs : nullptr, std::move(merged));
      };
    };
    EntryMap::Walk(names_, other.names_, /*dirty_too=*/true, join(false));
    PlaceMap::Walk(places_, other.places_, /*dirty_too=*/true,
                   [&](uint32_t, EntryMap& mine, const EntryMap& theirs) {
                     EntryMap::Walk(mine, theirs, /*dirty_too=*/true, join(true));
                   });
    AddAll(reach_paths_, other.reach_paths_);
    Simplify(reach_paths_, /*place=*/false);
  }

  // `b` narrowed by `c` on one path and by `not c` on the other is just `b` again; without this
  // repeated tests of one name would multiply its bindings. Bindings that still pile up (each
  // path carrying its own "this call returns" conditions) are widened past kMaxBindings, and
  // collapsed past kMaxDefinitions. `place`: the bindings of a place.
  void Simplify(Bindings& bindings, bool place) const;

  // Past this many bindings of one name, the bindings of each definition are joined into one
  // that keeps only their common constraints: the type gets wider (never narrower), and the
  // number of bindings stays bounded however many branches follow each other.
  static constexpr size_t kMaxBindings = 16;
  static void Widen(Bindings& bindings);

  // Past this many bindings after widening (as many definitions of one name reaching one point,
  // e.g. after that many `if` statements or loops that each may rebind it), the definitions are
  // collapsed into one binding that stands for all of them, with their common constraints (a
  // place's into its default binding, the attribute's own type): a use sees every one of them,
  // without the narrowing that applied to some; the unbound path is kept. This bounds the cost
  // of a merge, which would otherwise copy every binding of such a name at every branch.
  static constexpr size_t kMaxDefinitions = 64;

  // Adds `binding` to the bindings of `name` (an alternative, as if from another path).
  void AddBinding(llvm::StringRef name, const Binding& binding) {
    Modify(name, [&](EntryRef& entry) {
      if (!entry) entry = NewEntry(Default(name), /*dirty=*/false);
      const Bindings& bindings = entry->bindings;
      if (std::find(bindings.begin(), bindings.end(), binding) != bindings.end()) return;
      FlowEntry& own = Own(entry);
      own.bindings.push_back(binding);
      own.dirty = true;
    });
  }
  // Adds the default binding to every place rooted at `name` (as if from a path where `name`
  // was rebound, which forgets their narrowing); for a place `name`, to the places under it.
  void AddPlaceDefaultsOf(llvm::StringRef name) {
    bool place = IsPlaceKey(name);
    uint32_t root = keys_ ? (place ? PlaceSlots(name, /*insert=*/false).first : keys_->Find(name)) : FlowKeys::kNoSlot;
    if (root == FlowKeys::kNoSlot || !places_.Find(root)) return;
    Binding place_default{kPlaceDefault, {}};
    auto under = [&](uint32_t slot) {
      if (!place) return true;
      llvm::StringRef key = keys_->Key(slot);
      return key.size() > name.size() && key.startswith(name) && key[name.size()] == '.';
    };
    if (place) {
      bool any = false;
      places_.Find(root)->ForEach([&](uint32_t slot, const EntryRef&) { any |= under(slot); });
      if (!any) return;
    }
    places_.Modify(root, [&](EntryMap& group) {
      llvm::SmallVector<uint32_t, 4> slots;
      group.ForEach([&](uint32_t slot, const EntryRef&) {
        if (under(slot)) slots.push_back(slot);
      });
      for (uint32_t slot : slots) {
        group.Modify(slot, [&](EntryRef& entry) {
          const Bindings& bindings = entry->bindings;
          if (std::find(bindings.begin(), bindings.end(), place_default) != bindings.end()) return;
          FlowEntry& own = Own(entry);
          own.bindings.push_back(place_default);
          own.dirty = true;
        });
      }
    });
  }

  // A state captured inside a loop body (at a `break`, or the loop's exit condition) may come
  // from a later iteration: adds the bindings `later` (the state at the end of the body) holds
  // from definitions numbered `first_def` and above (the body's), and its place bindings except
  // those that already reached the loop's `entry` (they do not come from the body).
  void AddLaterBindings(const FlowState& later, size_t first_def, const FlowState* entry = nullptr) {
    const EntryMap* entry_places = nullptr;  // the places of the root being walked, at the entry
    auto add = [first_def, &entry_places](bool place) {
      return [first_def, place, &entry_places](uint32_t slot, EntryRef& mine, const EntryRef& theirs) {
        if (!theirs) return;
        const EntryRef* at_entry = place && entry_places ? entry_places->Find(slot) : nullptr;
        Bindings from_loop;
        for (const Binding& b : theirs->bindings) {
          if (!b.def.valid() || b.def.index() < first_def) continue;
          if (at_entry && *at_entry &&
              std::find((*at_entry)->bindings.begin(), (*at_entry)->bindings.end(), b) != (*at_entry)->bindings.end()) {
            continue;
          }
          from_loop.push_back(b);
        }
        if (from_loop.empty()) return;
        Bindings merged = mine ? mine->bindings : DefaultBindings(place);
        size_t before = merged.size();
        AddAll(merged, from_loop);
        if (mine && merged.size() == before) return;  // nothing new
        mine = NewEntry(std::move(merged), /*dirty=*/true);
      };
    };
    EntryMap::Walk(names_, later.names_, /*dirty_too=*/false, add(false));
    PlaceMap::Walk(places_, later.places_, /*dirty_too=*/false,
                   [&](uint32_t root, EntryMap& mine, const EntryMap& theirs) {
                     entry_places = entry ? entry->places_.Find(root) : nullptr;
                     EntryMap::Walk(mine, theirs, /*dirty_too=*/false, add(true));
                   });
  }

  // The state after a `try` statement with a `finally`, which was visited once from `entry` (the
  // normal completion `normal` joined with every exceptional exit) and ended in `finished`: only
  // the normal path continues past the statement, so the names and places the `finally` body
  // left alone keep their bindings from `normal` (its narrowing survives); those it rebound or
  // narrowed take `finished`'s, as does reachability.
  static FlowState AfterFinally(const FlowState& entry, const FlowState& finished, const FlowState& normal) {
    if (!finished.reachable_ || !normal.reachable_) return finished;
    FlowState result = finished;
    result.names_ = normal.names_;
    result.places_ = normal.places_;
    auto take = [](EntryMap& into) {
      return [&into](uint32_t slot, const EntryRef* before, const EntryRef* after) {
        if (before && after && (*before)->bindings == (*after)->bindings) return;  // a merge's copy
        if (after) {
          into.Modify(slot, [&](EntryRef& entry) { entry = *after; });
        } else {
          into.Erase(slot);
        }
      };
    };
    EntryMap::Diff(entry.names_, finished.names_, take(result.names_));
    PlaceMap::Diff(entry.places_, finished.places_, [&](uint32_t root, const EntryMap* before, const EntryMap* after) {
      if (!after) {
        result.places_.Erase(root);
        return;
      }
      static const EntryMap kNone;
      result.places_.Modify(root, [&](EntryMap& group) { EntryMap::Diff(before ? *before : kNone, *after, take(group)); });
    });
    return result;
  }

  // Appends the bindings of `from` missing from `into`.
  static void AddAll(Bindings& into, const Bindings& from);

 private:
  friend class FlowUnion;

  struct FlowEntry : RefCounted {
    Bindings bindings;
    bool dirty = false;  // may not be simplified: a merge simplifies it even where both paths share it
  };
  using EntryRef = Ref<FlowEntry>;
  struct EntryTraits {
    static bool Empty(const EntryRef& entry) { return !entry; }
    static uint32_t Dirty(const EntryRef& entry) { return entry && entry->dirty ? 1 : 0; }
  };
  using EntryMap = SlotMap<EntryRef, EntryTraits>;
  struct PlaceTraits {
    static bool Empty(const EntryMap& group) { return group.empty(); }
    static uint32_t Dirty(const EntryMap& group) { return group.dirty(); }
  };
  using PlaceMap = SlotMap<EntryMap, PlaceTraits>;

  static EntryRef NewEntry(Bindings bindings, bool dirty) {
    EntryRef entry(new FlowEntry());
    entry->bindings = std::move(bindings);
    entry->dirty = dirty;
    return entry;
  }

  // Stores `merged` (simplified bindings) as `mine`, sharing the entry of `mine` or `theirs` when
  // it holds just these (shared entries let later merges skip the name).
  static void Store(EntryRef& mine, const EntryRef* theirs, Bindings merged) {
    if (mine && mine->bindings == merged) {
      if (mine->dirty) Own(mine).dirty = false;
      return;
    }
    if (theirs && !(*theirs)->dirty && (*theirs)->bindings == merged) {
      mine = *theirs;
      return;
    }
    mine = NewEntry(std::move(merged), /*dirty=*/false);
  }

  // The slots of a place key: its root name's and its own.
  std::pair<uint32_t, uint32_t> PlaceSlots(llvm::StringRef key, bool insert) const {
    llvm::StringRef root = key.substr(0, key.find('.'));
    if (!keys_) return {FlowKeys::kNoSlot, FlowKeys::kNoSlot};
    if (insert) return {keys_->Slot(root), keys_->Slot(key)};
    return {keys_->Find(root), keys_->Find(key)};
  }

  const EntryRef* FindEntry(llvm::StringRef name) const {
    if (!keys_) return nullptr;
    if (!IsPlaceKey(name)) {
      uint32_t slot = keys_->Find(name);
      return slot == FlowKeys::kNoSlot ? nullptr : names_.Find(slot);
    }
    auto [root, slot] = PlaceSlots(name, /*insert=*/false);
    if (slot == FlowKeys::kNoSlot) return nullptr;
    const EntryMap* group = places_.Find(root);
    return group ? group->Find(slot) : nullptr;
  }

  template <class F>
  void ModifyPlace(llvm::StringRef key, F&& f) {
    auto [root, slot] = PlaceSlots(key, /*insert=*/true);
    places_.Modify(root, [&](EntryMap& group) { group.Modify(slot, f); });
  }
  template <class F>
  void Modify(llvm::StringRef name, F&& f) {
    if (IsPlaceKey(name)) {
      ModifyPlace(name, f);
    } else {
      names_.Modify(keys_->Slot(name), f);
    }
  }
  void Set(llvm::StringRef name, Bindings bindings, bool dirty) {
    Modify(name, [&](EntryRef& entry) { entry = NewEntry(std::move(bindings), dirty); });
  }

  // Erases the place keys that start with `prefix` followed by a dot.
  void ErasePlacesUnder(llvm::StringRef prefix) {
    uint32_t root = PlaceSlots(prefix, /*insert=*/false).first;
    const EntryMap* group = root == FlowKeys::kNoSlot ? nullptr : places_.Find(root);
    if (!group) return;
    llvm::SmallVector<uint32_t, 4> doomed;
    group->ForEach([&](uint32_t slot, const EntryRef&) {
      llvm::StringRef key = keys_->Key(slot);
      if (key.size() > prefix.size() && key.startswith(prefix) && key[prefix.size()] == '.') doomed.push_back(slot);
    });
    if (doomed.empty()) return;
    places_.Modify(root, [&](EntryMap& g) {
      for (uint32_t slot : doomed) g.Erase(slot);
    });
  }

  // Moves this path's pending return conditions onto its bindings (including the implicit
  // default bindings of names only the other path knows).
  // A binding the other path brings too needs no condition, unless that path is conditional as
  // well: for the reach paths both alternatives are kept then (reached if either condition holds).
  void SettleReach(const FlowState& other, bool other_conditional) {
    if (reach_.empty()) return;
    auto settle = [this](bool place) {
      return [this, place](uint32_t, EntryRef& mine, const EntryRef& theirs_entry) {
        Bindings bindings = mine ? mine->bindings : DefaultBindings(place);
        Bindings theirs = theirs_entry ? theirs_entry->bindings : DefaultBindings(place);
        for (Binding& b : bindings) {
          if (std::find(theirs.begin(), theirs.end(), b) != theirs.end()) continue;
          b.constraints.append(reach_.begin(), reach_.end());
        }
        mine = NewEntry(std::move(bindings), mine && mine->dirty);
      };
    };
    EntryMap::Walk(names_, other.names_, /*dirty_too=*/false, settle(false));
    PlaceMap::Walk(places_, other.places_, /*dirty_too=*/false,
                   [&](uint32_t, EntryMap& mine, const EntryMap& theirs) {
                     EntryMap::Walk(mine, theirs, /*dirty_too=*/false, settle(true));
                   });
    for (Binding& b : reach_paths_) {
      if (!other_conditional && std::find(other.reach_paths_.begin(), other.reach_paths_.end(), b) !=
                                    other.reach_paths_.end()) {
        continue;
      }
      b.constraints.append(reach_.begin(), reach_.end());
    }
    reach_.clear();
  }

  FlowKeys* keys_;
  EntryMap names_;    // names (not places) -> their bindings
  PlaceMap places_;   // root name -> (place key -> its bindings)
  // The alternative paths reaching this point (see ReachPaths), without the pending reach_.
  Bindings reach_paths_ = Bindings{Binding{}};
  llvm::SmallVector<uint32_t, 1> reach_;  // pending "this call returns" conditions
  bool reachable_ = true;
};

inline void FlowState::AddAll(Bindings& into, const Bindings& from) {
  // Few bindings: compare them all. Many (a name assigned on many paths): find equal ones by hash.
  if (into.size() * from.size() <= 256) {
    for (const Binding& b : from) {
      if (std::find(into.begin(), into.end(), b) == into.end()) into.push_back(b);
    }
    return;
  }
  // (The top bit is cleared: DenseMap reserves the largest keys.)
  auto hash = [](const Binding& b) -> uint64_t {
    size_t h = llvm::hash_combine(b.def.value, llvm::hash_combine_range(b.constraints.begin(), b.constraints.end()));
    return static_cast<uint64_t>(h) & (UINT64_MAX >> 1);
  };
  llvm::DenseMap<uint64_t, llvm::SmallVector<uint32_t, 1>> seen;  // hash -> indices into `into`
  for (size_t i = 0; i < into.size(); ++i) seen[hash(into[i])].push_back(static_cast<uint32_t>(i));
  for (const Binding& b : from) {
    auto& same_hash = seen[hash(b)];
    bool present = std::any_of(same_hash.begin(), same_hash.end(), [&](uint32_t i) { return into[i] == b; });
    if (present) continue;
    same_hash.push_back(static_cast<uint32_t>(into.size()));
    into.push_back(b);
  }
}

namespace flow_detail {

// Whether `a` and `b` are one definition narrowed alike up to a last test, which one holds and
// the other negates (the pair Simplify joins).
inline bool Joinable(const Binding& a, const Binding& b, const std::vector<ConstraintKey>& constraints) {
  if (a.def != b.def || a.constraints.size() != b.constraints.size() || a.constraints.empty()) return false;
  size_t n = a.constraints.size();
  if (!std::equal(a.constraints.begin(), a.constraints.end() - 1, b.constraints.begin())) return false;
  const ConstraintKey& x = constraints[a.constraints[n - 1]];
  const ConstraintKey& y = constraints[b.constraints[n - 1]];
  return x.predicate == y.predicate && x.positive != y.positive;
}

// The first joinable pair (i < j, smallest i, then smallest j), or {0, 0} when there is none.
inline std::pair<size_t, size_t> FirstJoinablePair(const Bindings& bindings,
                                                   const std::vector<ConstraintKey>& constraints) {
  auto naive = [&]() -> std::pair<size_t, size_t> {
    for (size_t i = 0; i < bindings.size(); ++i) {
      for (size_t j = i + 1; j < bindings.size(); ++j) {
        if (Joinable(bindings[i], bindings[j], constraints)) return {i, j};
      }
    }
    return {0, 0};
  };
  if (bindings.size() <= 32) return naive();
  // Many bindings: group them by what must be equal (definition, constraints but the last, the
  // last one's test); a pair joins within a group, between the two ways of the test. The first
  // binding of a group with both ways has its partner in the group's first binding of the other
  // way. (Groups are found by hash; a pair that does not verify means a collision: compare all.)
  struct Group {
    uint32_t first[2] = {UINT32_MAX, UINT32_MAX};  // first binding of each way
  };
  llvm::DenseMap<uint64_t, Group> groups;
  for (size_t i = 0; i < bindings.size(); ++i) {
    const Binding& b = bindings[i];
    if (b.constraints.empty()) continue;
    const ConstraintKey& last = constraints[b.constraints.back()];
    size_t h = llvm::hash_combine(b.def.value, b.constraints.size(), last.predicate,
                                  llvm::hash_combine_range(b.constraints.begin(), b.constraints.end() - 1));
    Group& group = groups[static_cast<uint64_t>(h) & (UINT64_MAX >> 1)];
    uint32_t& first = group.first[last.positive ? 1 : 0];
    if (first == UINT32_MAX) first = static_cast<uint32_t>(i);
  }
  std::pair<size_t, size_t> best{0, 0};
  bool found = false;
  for (const auto& entry : groups) {
    const Group& group = entry.second;
    if (group.first[0] == UINT32_MAX || group.first[1] == UINT32_MAX) continue;
    size_t i = std::min(group.first[0], group.first[1]), j = std::max(group.first[0], group.first[1]);
    if (!found || i < best.first) best = {i, j};
    found = true;
  }
  if (!found) return {0, 0};
  if (!Joinable(bindings[best.first], bindings[best.second], constraints)) return naive();
  return best;
}

}  // namespace flow_detail

inline void FlowState::Simplify(Bindings& bindings, bool place) const {
  if (!keys_ || !keys_->constraints() || bindings.size() < 2) return;
  const std::vector<ConstraintKey>& constraints = *keys_->constraints();
  // Only constrained bindings can be joined (in pairs): most calls have none to look at.
  size_t constrained = std::count_if(bindings.begin(), bindings.end(), [](const Binding& b) { return !b.constraints.empty(); });
  bool changed = constrained >= 2;
  while (changed) {
    changed = false;
    auto [i, j] = flow_detail::FirstJoinablePair(bindings, constraints);
    if (i == j) break;
    Binding& a = bindings[i];
    a.constraints.pop_back();
    bindings.erase(bindings.begin() + j);
    // The shortened binding may now equal another one.
    for (size_t k = 0; k < bindings.size(); ++k) {
      if (k != i && bindings[k] == bindings[i]) {
        bindings.erase(bindings.begin() + i);
        break;
      }
    }
    changed = true;
  }
  if (bindings.size() > kMaxBindings) Widen(bindings);
  if (bindings.size() <= kMaxDefinitions) return;
  // Collapse (see kMaxDefinitions): the constraints all the bound paths share, and one binding in
  // place of theirs, where the first of them was.
  llvm::SmallVector<uint32_t, 1> common;
  bool first = true;
  for (const Binding& b : bindings) {
    if (!b.def.valid()) continue;
    if (first) {
      common = b.constraints;
      first = false;
      continue;
    }
    auto mismatch = std::mismatch(common.begin(), common.end(), b.constraints.begin(), b.constraints.end());
    common.erase(mismatch.first, common.end());
  }
  DefinitionId collapsed = kPlaceDefault;
  if (!place) {
    llvm::SmallVector<DefinitionId, 8> defs;
    llvm::SmallVector<uint32_t, 2> subsets;
    for (const Binding& b : bindings) {
      if (IsDefinitionSet(b.def)) {
        subsets.push_back(DefinitionSetOf(b.def));
      } else if (b.def.valid()) {
        defs.push_back(b.def);
      }
    }
    collapsed = keys_->NewDefinitionSet(std::move(defs), std::move(subsets));
  }
  Bindings result;
  bool placed = false;
  for (Binding& b : bindings) {
    if (!b.def.valid()) {
      result.push_back(std::move(b));
    } else if (!placed) {
      result.push_back(Binding{collapsed, common});
      placed = true;
    }
  }
  bindings = std::move(result);
}

inline void FlowKeys::ExpandDefinitionSets(Bindings& bindings) const {
  if (std::none_of(bindings.begin(), bindings.end(), [](const Binding& b) { return IsDefinitionSet(b.def); })) return;
  Bindings expanded;
  for (const Binding& b : bindings) {
    if (!IsDefinitionSet(b.def)) {
      FlowState::AddAll(expanded, Bindings{b});
      continue;
    }
    std::vector<DefinitionId> defs;
    llvm::DenseSet<uint32_t> seen_sets;
    std::vector<uint32_t> stack{DefinitionSetOf(b.def)};
    seen_sets.insert(stack.back());
    while (!stack.empty()) {
      const DefinitionSet& set = sets_[stack.back()];
      stack.pop_back();
      defs.insert(defs.end(), set.defs.begin(), set.defs.end());
      for (uint32_t subset : set.subsets) {
        if (seen_sets.insert(subset).second) stack.push_back(subset);
      }
    }
    std::sort(defs.begin(), defs.end());
    defs.erase(std::unique(defs.begin(), defs.end()), defs.end());
    Bindings each;
    for (DefinitionId d : defs) each.push_back(Binding{d, b.constraints});
    FlowState::AddAll(expanded, each);
  }
  bindings = std::move(expanded);
}

inline void FlowState::Widen(Bindings& bindings) {
  Bindings widened;
  llvm::DenseMap<uint64_t, uint32_t> index_of;  // definition -> its binding in `widened`
  for (const Binding& b : bindings) {
    auto [it, inserted] = index_of.try_emplace(b.def.value, static_cast<uint32_t>(widened.size()));
    if (inserted) {
      widened.push_back(b);
      continue;
    }
    Binding& same = widened[it->second];
    auto mismatch = std::mismatch(same.constraints.begin(), same.constraints.end(), b.constraints.begin(),
                                  b.constraints.end());
    same.constraints.erase(mismatch.first, same.constraints.end());
  }
  bindings = std::move(widened);
}

}  // namespace asynctype
