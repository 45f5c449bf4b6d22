// The union of the flow states at a series of points of one scope: every point an exception may
// leave a `try` body from, every statement of a `with` block whose manager may swallow an
// exception. Add(state) at each point gives exactly what FlowState::Merge(state) would, but looks
// only at the names that changed since the previous point (and at the few whose bindings the last
// merge did not simply absorb), so a body of n statements in a scope of m names costs time
// proportional to its changes rather than n * m.
#pragma once

#include <utility>

#include "checker/semantic/flow.h"
#include "llvm/ADT/DenseSet.h"

namespace asynctype {

class FlowUnion {
 public:
  // Starts from `state`, the union so far, which holds every binding of `reference` (a state
  // already merged into it, usually the state it was copied from).
  FlowUnion(FlowState state, const FlowState& reference) : state_(std::move(state)), last_(reference) {
    Resync();
  }

  // The union so far (bindings may be added to it directly; see FlowState::AddBinding).
  FlowState& state() { return state_; }

  // Merges `next` (the state at the next point) into the union.
  void Add(const FlowState& next) {
    if (!next.reachable_) return;  // (Merge would do nothing)
    if (!state_.reachable_ || !last_.reachable_ || !state_.reach_.empty() || !next.reach_.empty()) {
      // Rare (a state that waits for a call to return): the whole merge.
      state_.Merge(next);
      last_ = next;
      Resync();
      return;
    }
    // The names to look at: those whose bindings changed since the last point, those whose last
    // merge did not absorb the bindings merged, and those with bindings added since (dirty).
    llvm::DenseSet<uint32_t> names;
    llvm::DenseSet<uint64_t> places;
    FlowState::EntryMap::Diff(last_.names_, next.names_,
                              [&](uint32_t slot, const auto*, const auto*) { names.insert(slot); });
    FlowState::PlaceMap::Diff(last_.places_, next.places_, [&](uint32_t root, const auto* mine, const auto* theirs) {
      static const FlowState::EntryMap kNone;
      FlowState::EntryMap::Diff(mine ? *mine : kNone, theirs ? *theirs : kNone,
                                [&](uint32_t slot, const auto*, const auto*) { places.insert(PlaceId(root, slot)); });
    });
    state_.names_.ForEachDirty([&](uint32_t slot, const auto&) { names.insert(slot); });
    state_.places_.ForEachDirty([&](uint32_t root, const FlowState::EntryMap& group) {
      group.ForEachDirty([&](uint32_t slot, const auto&) { places.insert(PlaceId(root, slot)); });
    });
    for (uint32_t slot : pending_names_) names.insert(slot);
    for (uint64_t place : pending_places_) places.insert(place);
    pending_names_.clear();
    pending_places_.clear();
    for (uint32_t slot : names) {
      const FlowState::EntryRef* theirs = next.names_.Find(slot);
      state_.names_.Modify(slot, [&](FlowState::EntryRef& mine) {
        if (Join(mine, theirs, /*place=*/false)) pending_names_.insert(slot);
      });
    }
    for (uint64_t place : places) {
      uint32_t root = static_cast<uint32_t>(place >> 32), slot = static_cast<uint32_t>(place);
      const FlowState::EntryMap* their_group = next.places_.Find(root);
      const FlowState::EntryRef* theirs = their_group ? their_group->Find(slot) : nullptr;
      state_.places_.Modify(root, [&](FlowState::EntryMap& group) {
        group.Modify(slot, [&](FlowState::EntryRef& mine) {
          if (Join(mine, theirs, /*place=*/true)) pending_places_.insert(place);
        });
      });
    }
    FlowState::AddAll(state_.reach_paths_, next.reach_paths_);
    state_.Simplify(state_.reach_paths_, /*place=*/false);
    last_ = next;
  }

 private:
  static uint64_t PlaceId(uint32_t root, uint32_t slot) { return (uint64_t(root) << 32) | slot; }

  // FlowState::Merge for one name; returns whether the result lacks some of `theirs` bindings
  // (so that merging the same bindings again may change it).
  bool Join(FlowState::EntryRef& mine, const FlowState::EntryRef* theirs_entry, bool place) {
    const Bindings& theirs = theirs_entry ? (*theirs_entry)->bindings : FlowState::DefaultBindings(place);
    Bindings merged = mine ? mine->bindings : FlowState::DefaultBindings(place);
    FlowState::AddAll(merged, theirs);
    state_.Simplify(merged, place);
    bool absorbed = Contains(merged, theirs);
    state_.Store(mine, theirs_entry, std::move(merged));
    return !absorbed;
  }

  static bool Contains(const Bindings& all, const Bindings& some) {
    Bindings joined = all;
    FlowState::AddAll(joined, some);
    return joined.size() == all.size();
  }

  // Finds the names where state_ may not hold every binding of last_ (or is dirty): after a
  // whole merge, or at the start.
  void Resync() {
    pending_names_.clear();
    pending_places_.clear();
    auto absorbs = [](const FlowState::EntryRef* mine, const FlowState::EntryRef* theirs, bool place) {
      if (mine && (*mine)->dirty) return false;
      const Bindings& all = mine ? (*mine)->bindings : FlowState::DefaultBindings(place);
      return Contains(all, theirs ? (*theirs)->bindings : FlowState::DefaultBindings(place));
    };
    FlowState::EntryMap::Diff(state_.names_, last_.names_, [&](uint32_t slot, const auto* mine, const auto* theirs) {
      if (!absorbs(mine, theirs, false)) pending_names_.insert(slot);
    });
    FlowState::PlaceMap::Diff(state_.places_, last_.places_, [&](uint32_t root, const auto* mine, const auto* theirs) {
      static const FlowState::EntryMap kNone;
      const FlowState::EntryMap& my_group = mine ? *mine : kNone;
      const FlowState::EntryMap& their_group = theirs ? *theirs : kNone;
      FlowState::EntryMap::Diff(my_group, their_group, [&](uint32_t slot, const auto* mine_entry, const auto* their_entry) {
        if (!absorbs(mine_entry, their_entry, true)) pending_places_.insert(PlaceId(root, slot));
      });
    });
    // (Dirty entries shared with last_ are found by Add itself.)
  }

  FlowState state_;
  FlowState last_;  // the state added last
  llvm::DenseSet<uint32_t> pending_names_;   // slots where state_ may not absorb last_'s bindings
  llvm::DenseSet<uint64_t> pending_places_;  // (root slot << 32 | place slot)
};

}  // namespace asynctype
