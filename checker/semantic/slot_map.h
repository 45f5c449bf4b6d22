// A persistent map from small integer keys ("slots") to cheap value handles, for the control-flow
// state of the index builder (flow.h), which is copied at every branch and merged back after it.
// Copying a SlotMap is O(1): the maps share a 16-ary trie of reference-counted nodes. An update
// copies the one path it changes (or changes it in place when no other map shares it). Walk
// visits the slots where two maps differ, skipping the subtrees they share, so merging two maps
// derived from one another costs time proportional to their differences, not to their size.
//
// Values are handles (a pointer-like type whose default value means "absent"); `Traits` says
// whether a value is absent (`Empty`) and how many "dirty" marks it carries (`Dirty`, see
// FlowState): every node counts the dirty marks below it, so a Walk can also visit the dirty
// values of the subtrees both maps share.
//
// Not thread-safe (plain reference counts): one index builder owns all the maps it creates.
#pragma once

#include <cstdint>
#include <utility>

namespace asynctype {

// Intrusive, non-atomic reference counting for the nodes and values of SlotMap.
struct RefCounted {
  RefCounted() = default;
  RefCounted(const RefCounted&) {}  // a copy is a new object: it starts unreferenced
  RefCounted& operator=(const RefCounted&) { return *this; }
  mutable uint32_t refs_ = 0;
};

template <class T>
class Ref {
 public:
  Ref() = default;
  explicit Ref(T* p) : p_(p) { Retain(); }
  Ref(const Ref& other) : p_(other.p_) { Retain(); }
  Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  Ref& operator=(Ref other) noexcept {
    std::swap(p_, other.p_);
    return *this;
  }
  ~Ref() {
    if (p_ && --p_->refs_ == 0) delete p_;
  }
  T* get() const { return p_; }
  T& operator*() const { return *p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Whether this is the only reference (so the object may be changed in place).
  bool unique() const { return p_ && p_->refs_ == 1; }
  friend bool operator==(const Ref& a, const Ref& b) { return a.p_ == b.p_; }
  friend bool operator!=(const Ref& a, const Ref& b) { return a.p_ != b.p_; }

 private:
  void Retain() {
    if (p_) ++p_->refs_;
  }
  T* p_ = nullptr;
};

// Makes `ref` the only reference to its object, copying it when shared (or creating it).
template <class T>
T& Own(Ref<T>& ref) {
  if (!ref) {
    ref = Ref<T>(new T());
  } else if (!ref.unique()) {
    ref = Ref<T>(new T(*ref));
  }
  return *ref;
}

template <class V, class Traits>
class SlotMap {
 public:
  bool empty() const { return !root_; }
  // Whether the two maps are the same version (not: whether they hold equal values).
  friend bool operator==(const SlotMap& a, const SlotMap& b) { 
    return a.root_ == b.root_ && (!a.root_ || a.levels_ == b.levels_);
  }
  // The dirty marks of all values.
  uint32_t dirty() const { return root_ ? root_->dirty : 0; }

  const V* Find(uint32_t slot) const {
    if (!root_ || slot >= Capacity(levels_)) return nullptr;
    const Node* node = root_.get();
    for (unsigned level = levels_ - 1; level > 0; --level) {
      node = node->kids[Digit(slot, level)].get();
      if (!node) return nullptr;
    }
    unsigned d = Digit(slot, 0);
    return (node->mask >> d & 1) ? &node->vals[d] : nullptr;
  }

  // Calls `f(V& value)` on the value of `slot` (a default V when absent); afterwards the slot is
  // present unless the value is empty. The nodes on the path are made this map's own first, so
  // `f` may change the value's object in place when the handle is unique.
  template <class F>
  void Modify(uint32_t slot, F&& f) {
    Grow(slot);
    ModifyAt(root_, levels_ - 1, slot, f);
    if (root_->mask == 0) root_ = Ref<Node>();
  }

  void Erase(uint32_t slot) {
    if (Find(slot)) Modify(slot, [](V& v) { v = V(); });
  }

  // Calls `f(uint32_t slot, const V& value)` for every present slot, in slot order.
  template <class F>
  void ForEach(F&& f) const {
    if (root_) ForEachAt(*root_, levels_ - 1, 0, f);
  }

  // Calls `f(uint32_t slot, const V& value)` for every value with dirty marks.
  template <class F>
  void ForEachDirty(F&& f) const {
    if (root_ && root_->dirty) ForEachDirtyAt(*root_, levels_ - 1, 0, f);
  }

  // Calls `f(uint32_t slot, const V* in_a, const V* in_b)` (null: absent) for every slot whose
  // values in `a` and `b` are different handles, skipping the subtrees they share.
  template <class F>
  static void Diff(const SlotMap& a_in, const SlotMap& b_in, F&& f) {
    SlotMap a = a_in, b = b_in;  // (share their nodes)
    unsigned levels = a.levels_ > b.levels_ ? a.levels_ : b.levels_;
    if (levels == 0) return;
    a.GrowTo(levels);
    b.GrowTo(levels);
    DiffAt(a.root_.get(), b.root_.get(), levels - 1, 0, f);
  }

  // Calls `f(uint32_t slot, V& mine, const V& theirs)` for every slot whose values in `mine` and
  // `theirs` are different handles (absent ones are default V's), and, with `dirty_too`, for the
  // dirty values of `mine` too. `f` may change `mine`'s value; nodes shared with other maps are
  // copied only where a value changes.
  template <class F>
  static void Walk(SlotMap& mine, const SlotMap& theirs_in, bool dirty_too, F&& f) {
    SlotMap theirs = theirs_in;  // (shares its nodes)
    unsigned levels = mine.levels_ > theirs.levels_ ? mine.levels_ : theirs.levels_;
    if (levels == 0) return;
    mine.GrowTo(levels);
    theirs.GrowTo(levels);
    mine.root_ = WalkAt(mine.root_, theirs.root_.get(), levels - 1, 0, /*unique=*/true, dirty_too, f);
    if (mine.root_ && mine.root_->mask == 0) mine.root_ = Ref<Node>();
  }

 private:
  static constexpr unsigned kBits = 4;
  static constexpr unsigned kFanout = 1u << kBits;

  struct Node : RefCounted {
    uint32_t dirty = 0;  // dirty marks of the values below
    uint16_t mask = 0;   // which of kids (interior nodes) or vals (leaves) are present
    Ref<Node> kids[kFanout];
    V vals[kFanout];
  };

  static unsigned Digit(uint32_t slot, unsigned level) { return (slot >> (kBits * level)) & (kFanout - 1); }
  static uint64_t Capacity(unsigned levels) { return uint64_t(1) << (kBits * levels); }

  // Adds levels on top until `slot` fits.
  void Grow(uint32_t slot) {
    unsigned levels = levels_ ? levels_ : 1;
    while (slot >= Capacity(levels)) ++levels;
    GrowTo(levels);
  }
  void GrowTo(unsigned levels) {
    if (!root_) {
      if (levels_ < levels) levels_ = static_cast<uint8_t>(levels);
      return;
    }
    while (levels_ < levels) {
      Ref<Node> top(new Node());
      top->dirty = root_->dirty;
      top->mask = 1;
      top->kids[0] = std::move(root_);
      root_ = std::move(top);
      ++levels_;
    }
  }

  static uint32_t DirtyOf(const Node& node, unsigned level) {
    uint32_t dirty = 0;
    for (unsigned d = 0; d < kFanout; ++d) {
      if (!(node.mask >> d & 1)) continue;
      dirty += level == 0 ? Traits::Dirty(node.vals[d]) : node.kids[d]->dirty;
    }
    return dirty;
  }

  template <class F>
  static void ModifyAt(Ref<Node>& ref, unsigned level, uint32_t slot, F& f) {
    Node& node = Own(ref);
    unsigned d = Digit(slot, level);
    if (level == 0) {
      V& v = node.vals[d];
      f(v);
      if (Traits::Empty(v)) {
        v = V();
        node.mask &= ~(1u << d);
      } else {
        node.mask |= 1u << d;
      }
    } else {
      ModifyAt(node.kids[d], level - 1, slot, f);
      if (node.kids[d]->mask == 0) {
        node.kids[d] = Ref<Node>();
        node.mask &= ~(1u << d);
      } else {
        node.mask |= 1u << d;
      }
    }
    node.dirty = DirtyOf(node, level);
  }

  template <class F>
  static void ForEachAt(const Node& node, unsigned level, uint32_t prefix, F& f) {
    for (unsigned d = 0; d < kFanout; ++d) {
      if (!(node.mask >> d & 1)) continue;
      uint32_t slot = prefix | (d << (kBits * level));
      if (level == 0) {
        f(slot, node.vals[d]);
      } else {
        ForEachAt(*node.kids[d], level - 1, slot, f);
      }
    }
  }

  template <class F>
  static void ForEachDirtyAt(const Node& node, unsigned level, uint32_t prefix, F& f) {
    for (unsigned d = 0; d < kFanout; ++d) {
      if (!(node.mask >> d & 1)) continue;
      uint32_t slot = prefix | (d << (kBits * level));
      if (level == 0) {
        if (Traits::Dirty(node.vals[d])) f(slot, node.vals[d]);
      } else if (node.kids[d]->dirty) {
        ForEachDirtyAt(*node.kids[d], level - 1, slot, f);
      }
    }
  }

  template <class F>
  static void DiffAt(const Node* a, const Node* b, unsigned level, uint32_t prefix, F& f) {
    if (a == b) return;
    static const Node kEmpty{};
    const Node& x = a ? *a : kEmpty;
    const Node& y = b ? *b : kEmpty;
    for (unsigned d = 0; d < kFanout; ++d) {
      bool in_x = x.mask >> d & 1, in_y = y.mask >> d & 1;
      if (!in_x && !in_y) continue;
      uint32_t slot = prefix | (d << (kBits * level));
      if (level == 0) {
        if (in_x && in_y && x.vals[d] == y.vals[d]) continue;
        f(slot, in_x ? &x.vals[d] : nullptr, in_y ? &y.vals[d] : nullptr);
      } else {
        DiffAt(x.kids[d].get(), y.kids[d].get(), level - 1, slot, f);
      }
    }
  }

  // Returns the node replacing `ref` (the same one when nothing changed, or when it was changed
  // in place: `unique` says that this map alone reaches it).
  template <class F>
  static Ref<Node> WalkAt(const Ref<Node>& ref, const Node* theirs, unsigned level, uint32_t prefix, bool unique,
                          bool dirty_too, F& f) {
    if (ref.get() == theirs && (!dirty_too || !theirs || theirs->dirty == 0)) return ref;
    unique = unique && ref.unique();
    Ref<Node> result = ref;  // (no longer unique: changes below copy unless `unique`)
    Node* own = unique ? ref.get() : nullptr;
    static const Node kEmpty{};
    const Node& mine = ref ? *ref : kEmpty;
    const Node& other = theirs ? *theirs : kEmpty;
    bool changed = false;
    auto own_node = [&]() -> Node& {
      if (!own) {
        result = Ref<Node>(ref ? new Node(*ref) : new Node());
        own = result.get();
      }
      return *own;
    };
    for (unsigned d = 0; d < kFanout; ++d) {
      bool in_mine = mine.mask >> d & 1, in_theirs = other.mask >> d & 1;
      if (!in_mine && !in_theirs) continue;
      uint32_t slot = prefix | (d << (kBits * level));
      if (level == 0) {
        const V& a = mine.vals[d];
        const V& b = other.vals[d];
        if (a == b && (!dirty_too || Traits::Dirty(a) == 0)) continue;
        if (own) {
          f(slot, own->vals[d], b);
          changed = true;
        } else {
          V v = a;
          f(slot, v, b);
          if (v == a) continue;
          own_node().vals[d] = std::move(v);
          changed = true;
        }
        V& v = own->vals[d];
        if (Traits::Empty(v)) {
          v = V();
          own->mask &= ~(1u << d);
        } else {
          own->mask |= 1u << d;
        }
      } else {
        const Ref<Node>& kid = mine.kids[d];
        const Node* their_kid = other.kids[d].get();
        if (kid.get() == their_kid && (!dirty_too || !kid || kid->dirty == 0)) continue;
        Ref<Node> next = WalkAt(kid, their_kid, level - 1, slot, unique, dirty_too, f);
        if (next == kid && !own) continue;
        Node& node = own_node();
        if (next && next->mask == 0) next = Ref<Node>();
        node.kids[d] = std::move(next);
        if (node.kids[d]) {
          node.mask |= 1u << d;
        } else {
          node.mask &= ~(1u << d);
        }
        changed = true;
      }
    }
    if (changed) own->dirty = DirtyOf(*own, level);
    return result;
  }

  Ref<Node> root_;
  uint8_t levels_ = 0;
};

}  // namespace asynctype
