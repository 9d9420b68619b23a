// Stage id -> position in a scenario's stage list, for the loader's duplicate check and its
// flows (a generated cluster has 100,000 stages and as many flows naming them).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/stage.h"

namespace plainsight {

// Stage id -> position in the stage list: open addressing over hashes, the ids themselves
// staying in the list (reserved up front, so they never move). With std::unordered_map the
// nodes' cache misses cost 90 ms of loading a 100,000-stage scenario.
class StageIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  explicit StageIndex(const std::vector<Stage>& stages) : stages_(stages) { slots_.resize(16); }

  std::uint32_t find(std::string_view id) const {
    const std::size_t h = std::hash<std::string_view>{}(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.pos == kNone) return kNone;
      if (s.tag == tag_of(h) && stages_[s.pos].id == id) return s.pos;
    }
  }
  // Adds the stage at `pos`; returns the position of an earlier stage with its id, or kNone.
  std::uint32_t insert(std::uint32_t pos) {
    const std::string& id = stages_[pos].id;
    if (const std::uint32_t old = find(id); old != kNone) return old;
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(std::hash<std::string_view>{}(id), pos);
    ++count_;
    return kNone;
  }
  void reserve(std::size_t n) {
    while (slots_.size() < 2 * n) grow();
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t pos = kNone;
  };
  static std::uint32_t tag_of(std::size_t h) {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32);
  }
  void place(std::size_t h, std::uint32_t pos) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].pos != kNone) i = (i + 1) & mask;
    slots_[i] = {tag_of(h), pos};
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.pos != kNone) place(std::hash<std::string_view>{}(stages_[s.pos].id), s.pos);
  }
  const std::vector<Stage>& stages_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace plainsight
