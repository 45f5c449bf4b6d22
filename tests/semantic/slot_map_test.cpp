// Unit tests for SlotMap, the persistent map under the flow state: it behaves like a plain map
// through copies, updates, walks and diffs (checked against std::map on random operations), copies
// share their nodes, and walks and diffs visit only the slots that differ (and the dirty ones).
#include "checker/semantic/slot_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <vector>

namespace asynctype {
namespace {

struct Value : RefCounted {
  int number = 0;
  bool dirty = false;
};
using ValueRef = Ref<Value>;
struct Traits {
  static bool Empty(const ValueRef& v) { return !v; }
  static uint32_t Dirty(const ValueRef& v) { return v && v->dirty ? 1 : 0; }
};
using Map = SlotMap<ValueRef, Traits>;
using Model = std::map<uint32_t, std::pair<int, bool>>;

ValueRef Make(int number, bool dirty = false) {
  ValueRef v(new Value());
  v->number = number;
  v->dirty = dirty;
  return v;
}

void Put(Map& map, uint32_t slot, int number, bool dirty = false) {
  map.Modify(slot, [&](ValueRef& v) { v = Make(number, dirty); });
}

Model Contents(const Map& map) {
  Model model;
  uint32_t previous = 0;
  bool first = true;
  map.ForEach([&](uint32_t slot, const ValueRef& v) {
    EXPECT_TRUE(first || slot > previous) << "slot order";
    first = false;
    previous = slot;
    model[slot] = {v->number, v->dirty};
  });
  return model;
}

uint32_t DirtyCount(const Model& model) {
  uint32_t n = 0;
  for (const auto& [slot, value] : model) n += value.second;
  return n;
}

TEST(SlotMapTest, FindModifyErase) {
  Map map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.Find(3), nullptr);
  Put(map, 3, 30);
  Put(map, 70000, 7, /*dirty=*/true);  // grows the trie by several levels
  ASSERT_NE(map.Find(3), nullptr);
  EXPECT_EQ((*map.Find(3))->number, 30);
  EXPECT_EQ((*map.Find(70000))->number, 7);
  EXPECT_EQ(map.Find(4), nullptr);
  EXPECT_EQ(map.Find(1u << 30), nullptr);
  EXPECT_EQ(map.dirty(), 1u);
  map.Erase(70000);
  EXPECT_EQ(map.dirty(), 0u);
  map.Erase(12345);  // absent: nothing happens
  map.Erase(3);
  EXPECT_TRUE(map.empty());
}

TEST(SlotMapTest, CopiesAreIndependent) {
  Map a;
  for (uint32_t i = 0; i < 1000; ++i) Put(a, i, static_cast<int>(i));
  Map b = a;
  EXPECT_TRUE(a == b);  // the same version: shared nodes
  Put(b, 500, -1);
  b.Erase(10);
  EXPECT_FALSE(a == b);
  EXPECT_EQ((*a.Find(500))->number, 500);
  EXPECT_EQ((*b.Find(500))->number, -1);
  EXPECT_NE(a.Find(10), nullptr);
  EXPECT_EQ(b.Find(10), nullptr);
  // Changing a value of a copy in place must not show through the other map.
  Map c = a;
  c.Modify(7, [](ValueRef& v) { Own(v).number = 70; });
  EXPECT_EQ((*a.Find(7))->number, 7);
  EXPECT_EQ((*c.Find(7))->number, 70);
}

TEST(SlotMapTest, DiffVisitsOnlyTheChangedSlots) {
  Map a;
  for (uint32_t i = 0; i < 100000; ++i) Put(a, i, static_cast<int>(i));
  Map b = a;
  Put(b, 5, -5);
  b.Erase(99999);
  Put(b, 200000, 2);
  std::vector<uint32_t> seen;
  Map::Diff(a, b, [&](uint32_t slot, const ValueRef* x, const ValueRef* y) {
    seen.push_back(slot);
    if (slot == 5) EXPECT_TRUE(x && y);
    if (slot == 99999) EXPECT_TRUE(x && !y);
    if (slot == 200000) EXPECT_TRUE(!x && y);
  });
  EXPECT_EQ(seen, (std::vector<uint32_t>{5, 99999, 200000}));
}

TEST(SlotMapTest, WalkVisitsDifferencesAndDirtyValues) {
  Map a;
  for (uint32_t i = 0; i < 5000; ++i) Put(a, i, static_cast<int>(i), /*dirty=*/i == 4000);
  Map b = a;
  Put(b, 17, 1700);
  std::set<uint32_t> differing, with_dirty;
  Map::Walk(a, b, /*dirty_too=*/false, [&](uint32_t slot, ValueRef&, const ValueRef&) { differing.insert(slot); });
  Map::Walk(a, b, /*dirty_too=*/true, [&](uint32_t slot, ValueRef& mine, const ValueRef&) {
    with_dirty.insert(slot);
    mine = Make(mine->number);  // cleans it
  });
  EXPECT_EQ(differing, (std::set<uint32_t>{17}));
  EXPECT_EQ(with_dirty, (std::set<uint32_t>{17, 4000}));
  EXPECT_EQ(a.dirty(), 0u);
  EXPECT_EQ(b.dirty(), 1u);  // untouched
  EXPECT_TRUE((*b.Find(4000))->dirty);
}

// Random operations on several versions at once, checked against std::map.
TEST(SlotMapTest, RandomOperationsMatchAPlainMap) {
  std::mt19937 random(12345);
  std::vector<Map> maps(4);
  std::vector<Model> models(4);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(random() % n); };
  for (int step = 0; step < 20000; ++step) {
    size_t i = pick(4);
    Map& map = maps[i];
    Model& model = models[i];
    uint32_t slot = pick(4) == 0 ? pick(100000) : pick(300);
    switch (pick(6)) {
      case 0:
      case 1: {
        int number = static_cast<int>(pick(1000));
        bool dirty = pick(5) == 0;
        Put(map, slot, number, dirty);
        model[slot] = {number, dirty};
        break;
      }
      case 2:
        map.Erase(slot);
        model.erase(slot);
        break;
      case 3: {  // copy another version
        size_t j = pick(4);
        maps[i] = maps[j];
        models[i] = models[j];
        break;
      }
      case 4: {  // change a value in place
        if (!map.Find(slot)) break;
        map.Modify(slot, [](ValueRef& v) { Own(v).number += 1; });
        model[slot].first += 1;
        break;
      }
      case 5: {  // merge another version in: theirs wins where they differ; dirty values are cleaned
        size_t j = pick(4);
        Map::Walk(map, maps[j], /*dirty_too=*/true, [&](uint32_t s, ValueRef& mine, const ValueRef& theirs) {
          if (theirs) {
            mine = Make(theirs->number);
          } else if (mine) {
            mine = Make(mine->number);
          }
        });
        Model merged = model;
        for (auto& [s, value] : merged) value.second = false;
        for (const auto& [s, value] : models[j]) merged[s] = {value.first, false};
        // Equal handles keep their dirty mark unless they are dirty in `map` (then cleaned above).
        model = merged;
        break;
      }
    }
    if (step % 500 == 0 || step == 19999) {
      for (size_t k = 0; k < maps.size(); ++k) {
        ASSERT_EQ(Contents(maps[k]), models[k]) << "map " << k << " at step " << step;
        ASSERT_EQ(maps[k].dirty(), DirtyCount(models[k]));
        std::set<uint32_t> dirty;
        maps[k].ForEachDirty([&](uint32_t s, const ValueRef&) { dirty.insert(s); });
        ASSERT_EQ(dirty.size(), DirtyCount(models[k]));
      }
    }
  }
}

}  // namespace
}  // namespace asynctype
