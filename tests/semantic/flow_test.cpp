// Unit tests for the flow state (FlowState) and the union of flow states (FlowUnion): bindings
// and places through copies and merges, rebinding a name forgets its places, and a FlowUnion
// gives exactly what merging each state in turn gives (checked on random sequences of flow
// operations, branches and merges).
#include "checker/semantic/flow.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "checker/semantic/flow_union.h"

namespace asynctype {
namespace {

Bindings Defs(std::initializer_list<uint32_t> defs) {
  Bindings result;
  for (uint32_t d : defs) result.push_back(Binding{DefinitionId(d), {}});
  return result;
}

struct Flow : ::testing::Test {
  // Constraint i tests predicate i / 2, positively when i is even.
  Flow() : keys(&constraints) {
    for (uint32_t i = 0; i < 64; ++i) constraints.push_back({i / 2, i % 2 == 0});
  }
  std::vector<ConstraintKey> constraints;
  FlowKeys keys;
};

TEST_F(Flow, BindLookupAndMerge) {
  FlowState flow(&keys);
  EXPECT_FALSE(flow.Knows("x"));
  EXPECT_EQ(flow.Lookup("x"), (Bindings{Binding{}}));
  EXPECT_EQ(flow.Lookup("self.x"), (Bindings{Binding{kPlaceDefault, {}}}));
  flow.Bind("x", DefinitionId(1));
  flow.Bind("y", DefinitionId(2));
  FlowState branch = flow;
  branch.Bind("x", DefinitionId(3));
  branch.Bind("z", DefinitionId(4));
  EXPECT_EQ(flow.Lookup("x"), Defs({1}));  // the copy is independent
  flow.Merge(branch);
  EXPECT_EQ(flow.Lookup("x"), Defs({1, 3}));
  EXPECT_EQ(flow.Lookup("y"), Defs({2}));
  Bindings z = flow.Lookup("z");  // unbound on one path
  EXPECT_EQ(z, (Bindings{Binding{}, Binding{DefinitionId(4), {}}}));
}

TEST_F(Flow, NarrowingJoinsAgainAfterBothBranches) {
  FlowState flow(&keys);
  flow.Bind("x", DefinitionId(1));
  FlowState when_true = flow, when_false = flow;
  when_true.Narrow("x", 0);   // predicate 0, positive
  when_false.Narrow("x", 1);  // predicate 0, negative
  when_true.Merge(when_false);
  EXPECT_EQ(when_true.Lookup("x"), Defs({1}));
}

TEST_F(Flow, RebindingANameForgetsItsPlaces) {
  FlowState flow(&keys);
  flow.Bind("self", DefinitionId(1));
  flow.Narrow("self.x", 0);
  flow.Narrow("self.y", 2);
  flow.Narrow("selfish.x", 4);
  EXPECT_TRUE(flow.Knows("self.x"));
  EXPECT_EQ(flow.Lookup("self.y"), (Bindings{Binding{kPlaceDefault, {2}}}));
  flow.ResetPlace("self.x");
  EXPECT_FALSE(flow.Knows("self.x"));
  EXPECT_TRUE(flow.Knows("self.y"));
  flow.Bind("self", DefinitionId(2));
  flow.ResetPlacesOf("self");
  EXPECT_FALSE(flow.Knows("self.y"));
  EXPECT_TRUE(flow.Knows("selfish.x"));
  EXPECT_TRUE(flow.Knows("self"));
}

TEST_F(Flow, StripRemovesTheNarrowingOfAnExpression) {
  FlowState flow(&keys);
  flow.Bind("x", DefinitionId(1));
  flow.Narrow("x", 3);
  flow.Narrow("x", 10);
  flow.Narrow("obj.a", 11);
  llvm::StringRef names[] = {"x", "obj.a"};
  flow.StripConstraintsSince(10, names);
  EXPECT_EQ(flow.Lookup("x"), (Bindings{Binding{DefinitionId(1), {3}}}));
  EXPECT_EQ(flow.Lookup("obj.a"), (Bindings{Binding{kPlaceDefault, {}}}));
}

TEST_F(Flow, NarrowingTheOuterBindingOfAName) {
  FlowState flow(&keys);
  flow.Narrow("g", 0);  // a free name: only its outer binding is narrowed, when asked
  EXPECT_FALSE(flow.Knows("g"));
  flow.Narrow("g", 0, /*outer_too=*/true);
  EXPECT_EQ(flow.Lookup("g"), (Bindings{Binding{DefinitionId::None(), {0}}}));
  FlowState other(&keys);
  other.Bind("h", DefinitionId(1));
  other.Narrow("h", 2, /*outer_too=*/true);
  EXPECT_EQ(other.Lookup("h"), (Bindings{Binding{DefinitionId(1), {2}}}));
}

TEST_F(Flow, NestedPlacesAreForgottenWithTheirPrefix) {
  FlowState flow(&keys);
  flow.Bind("self", DefinitionId(1));
  flow.Narrow("self.proc.returncode", 0);
  flow.Narrow("self.procs", 2);
  flow.ResetPlacesOf("self.proc");
  EXPECT_FALSE(flow.Knows("self.proc.returncode"));
  EXPECT_TRUE(flow.Knows("self.procs"));
  flow.Narrow("self.proc.pid", 4);
  flow.AddPlaceDefaultsOf("self.proc");
  EXPECT_EQ(flow.Lookup("self.proc.pid"), (Bindings{Binding{kPlaceDefault, {4}}, Binding{kPlaceDefault, {}}}));
  EXPECT_EQ(flow.Lookup("self.procs"), (Bindings{Binding{kPlaceDefault, {2}}}));
}

TEST_F(Flow, AfterFinallyKeepsTheNormalPathsNarrowing) {
  FlowState start(&keys);
  start.Bind("x", DefinitionId(1));
  start.Bind("y", DefinitionId(2));
  FlowState normal = start;
  normal.Narrow("x", 0);      // the try body: `x` narrowed
  normal.Narrow("obj.a", 2);  // and a place
  FlowState entry = normal;   // the finally block starts from every way out of the body
  entry.Merge(start);
  EXPECT_EQ(entry.Lookup("x"), (Bindings{Binding{DefinitionId(1), {0}}, Binding{DefinitionId(1), {}}}));
  FlowState finished = entry;
  finished.Bind("y", DefinitionId(3));  // the finally block rebinds `y`
  FlowState after = FlowState::AfterFinally(entry, finished, normal);
  EXPECT_EQ(after.Lookup("x"), (Bindings{Binding{DefinitionId(1), {0}}}));
  EXPECT_EQ(after.Lookup("obj.a"), (Bindings{Binding{kPlaceDefault, {2}}}));
  EXPECT_EQ(after.Lookup("y"), Defs({3}));
  finished.SetUnreachable();
  EXPECT_FALSE(FlowState::AfterFinally(entry, finished, normal).reachable());
}

TEST_F(Flow, LaterBindingsOfALoop) {
  FlowState flow(&keys);
  flow.Bind("x", DefinitionId(1));
  FlowState at_break = flow;
  FlowState end = flow;
  end.Bind("x", DefinitionId(5));
  end.Bind("y", DefinitionId(6));
  end.Bind("old", DefinitionId(2));
  at_break.AddLaterBindings(end, /*first_def=*/5);
  EXPECT_EQ(at_break.Lookup("x"), Defs({1, 5}));
  EXPECT_EQ(at_break.Lookup("y"), (Bindings{Binding{}, Binding{DefinitionId(6), {}}}));
  EXPECT_FALSE(at_break.Knows("old"));
}

TEST_F(Flow, WideningKeepsOneBindingPerDefinition) {
  Bindings many;
  for (uint32_t i = 0; i < 40; ++i) many.push_back(Binding{DefinitionId(i % 20), {i / 20}});
  FlowState::Widen(many);
  ASSERT_EQ(many.size(), 20u);
  for (const Binding& b : many) EXPECT_TRUE(b.constraints.empty());
}

TEST_F(Flow, ManyDefinitionsCollapseIntoOneBindingThatExpandsToThemAll) {
  FlowState flow(&keys);
  flow.Bind("x", DefinitionId(1000));
  flow.Narrow("x", 0);
  for (uint32_t d = 1; d <= 100; ++d) {  // `if flag: x = d`, 100 times
    FlowState body = flow;
    body.Bind("x", DefinitionId(d));
    body.Merge(flow);
    flow = body;
  }
  Bindings x = flow.Lookup("x");
  ASSERT_LE(x.size(), FlowState::kMaxDefinitions);
  keys.ExpandDefinitionSets(x);
  ASSERT_EQ(x.size(), 101u);
  std::vector<uint32_t> defs;
  for (const Binding& b : x) {
    defs.push_back(b.def.value);
    EXPECT_TRUE(b.constraints.empty());  // (the narrowing of definition 1000 is gone: wider)
  }
  std::sort(defs.begin(), defs.end());
  for (uint32_t i = 0; i < 100; ++i) EXPECT_EQ(defs[i], i + 1);
  EXPECT_EQ(defs[100], 1000u);

  // The unbound path stays; a place collapses into its default binding.
  FlowState other(&keys);
  for (uint32_t d = 1; d <= 100; ++d) {
    FlowState body = other;
    body.Bind("y", DefinitionId(d));
    body.Bind("o.a", PlaceAssignment(NodeId(d)));
    body.Merge(other);
    other = body;
  }
  Bindings y = other.Lookup("y");
  EXPECT_TRUE(std::any_of(y.begin(), y.end(), [](const Binding& b) { return !b.def.valid(); }));
  keys.ExpandDefinitionSets(y);
  EXPECT_EQ(y.size(), 101u);
  Bindings place = other.Lookup("o.a");
  EXPECT_LE(place.size(), FlowState::kMaxDefinitions);
  EXPECT_NE(std::find(place.begin(), place.end(), Binding{kPlaceDefault, {}}), place.end());
}

// FlowUnion against merging each state in turn, on random programs: a current state changed by
// random operations (including branches merged back and unreachable paths), added to both after
// every step, with bindings also added directly to both unions.
TEST_F(Flow, UnionEqualsMergingEveryState) {
  std::vector<std::string> names, places;
  for (int i = 0; i < 12; ++i) names.push_back("n" + std::to_string(i));
  for (int i = 0; i < 6; ++i) {
    places.push_back("n" + std::to_string(i) + ".a");
    places.push_back("n" + std::to_string(i) + ".b");
  }
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    std::mt19937 random(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
    uint32_t next_def = 1;
    FlowState flow(&keys);
    for (int i = 0; i < 6; ++i) flow.Bind(names[pick(names.size())], DefinitionId(next_def++));
    FlowState merged = flow;
    FlowUnion unioned(flow, flow);
    auto step = [&](FlowState& state) {
      switch (pick(8)) {
        case 0: case 1: state.Bind(names[pick(names.size())], DefinitionId(next_def++)); break;
        case 2: state.Narrow(names[pick(names.size())], static_cast<uint32_t>(pick(constraints.size()))); break;
        case 3: state.Narrow(places[pick(places.size())], static_cast<uint32_t>(pick(constraints.size()))); break;
        case 4: {
          const std::string& name = names[pick(names.size())];
          state.Bind(name, DefinitionId(next_def++));
          state.ResetPlacesOf(name);
          break;
        }
        case 5: state.Bind(places[pick(places.size())], PlaceAssignment(NodeId(static_cast<uint32_t>(pick(1000))))); break;
        case 6: state.Unbind(names[pick(names.size())]); break;
        case 7: state.ResetPlace(places[pick(places.size())]); break;
      }
    };
    for (int i = 0; i < 60; ++i) {
      switch (pick(5)) {
        case 0: {  // a branch: two copies changed apart, merged back
          FlowState other = flow;
          for (size_t k = pick(4); k > 0; --k) step(flow);
          for (size_t k = pick(4); k > 0; --k) step(other);
          if (pick(6) == 0) other.SetUnreachable();
          flow.Merge(other);
          break;
        }
        case 1: {  // bindings added directly to the unions (raise points)
          const std::string& name = names[pick(names.size())];
          Bindings added{Binding{DefinitionId(next_def++), {}}};
          // The opposite of a narrowed binding (a merge joins the two again), or many at once (a
          // merge widens them).
          Bindings present = merged.Lookup(name);
          const Binding& some = present[pick(present.size())];
          if (!some.constraints.empty()) {
            added.push_back(some);
            added.back().constraints.back() ^= 1;
          }
          if (pick(4) == 0) {
            for (int k = 0; k < 20; ++k) added.push_back(Binding{DefinitionId(next_def++), {}});
          }
          for (const Binding& b : added) {
            merged.AddBinding(name, b);
            unioned.state().AddBinding(name, b);
          }
          merged.AddPlaceDefaultsOf(name);
          unioned.state().AddPlaceDefaultsOf(name);
          break;
        }
        default:
          step(flow);
      }
      merged.Merge(flow);
      unioned.Add(flow);
      for (const auto& list : {names, places}) {
        for (const std::string& key : list) {
          ASSERT_EQ(merged.Knows(key), unioned.state().Knows(key)) << key << " seed " << seed << " step " << i;
          // (Both collapse the same definitions, into sets numbered apart.)
          Bindings expected = merged.Lookup(key), actual = unioned.state().Lookup(key);
          keys.ExpandDefinitionSets(expected);
          keys.ExpandDefinitionSets(actual);
          ASSERT_EQ(expected, actual) << key << " seed " << seed << " step " << i;
        }
      }
      ASSERT_EQ(merged.ReachPaths(), unioned.state().ReachPaths());
    }
  }
}

}  // namespace
}  // namespace asynctype
