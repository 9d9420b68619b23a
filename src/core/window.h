// An exposure window: what the analyzer computes for each stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/protection_rule.h"
#include "core/provenance.h"
#include "core/state.h"

namespace plainsight {

// One cell of the exposure matrix: what a capability gets at this stage and what decides it.
struct Cell {
  std::string capability;
  Access access = Access::unreachable;
  std::string decided_by;  // protection rule id, key custody id, or "reach"
  std::string reason;      // human sentence
  // Reduced, not closed: the access above comes after this extra step (a catalog rule's).
  const Reduction* reduced = nullptr;
  // A key the capability obtains here besides (or instead of) the bytes.
  const KeyExtraction* extracts = nullptr;
};

// A window's row of the exposure matrix, one cell per catalog capability in catalog order.
// Rows repeat across the stages of a cluster (same medium, rule and arriving content), so
// windows share one immutable row instead of each holding a copy of every sentence.
class CellRow {
 public:
  CellRow() = default;
  explicit CellRow(std::vector<Cell> cells)
      : cells_(std::make_shared<const std::vector<Cell>>(std::move(cells))) {}
  std::size_t size() const { return cells_ ? cells_->size() : 0; }
  bool empty() const { return size() == 0; }
  const Cell& operator[](std::size_t i) const { return (*cells_)[i]; }
  const Cell* begin() const { return cells_ ? cells_->data() : nullptr; }
  const Cell* end() const { return cells_ ? cells_->data() + cells_->size() : nullptr; }

 private:
  std::shared_ptr<const std::vector<Cell>> cells_;
};

// Confidential mode on and off side by side, where both were measured or published.
struct CcPair {
  Figure off;
  Figure on;
  double ratio() const { return off.value > 0 ? on.value / off.value : 0; }
};

struct Window {
  std::string stage;  // stage id
  // Identical replicas the window stands for (Stage::replicas): every figure below is one
  // replica's; totals over a scenario multiply by it.
  std::int64_t replicas = 1;
  std::string name;
  std::string location;
  std::string medium;
  State state = State::plaintext;
  std::string protection;     // label of the deciding protection
  std::string protection_id;  // rule or key custody id
  // When the scenario states the protection (stage `protection:`) and the catalog derives
  // another for this platform: the derived rule (the sources disagree); null otherwise.
  const ProtectionRule* derived = nullptr;
  std::string qualifier;  // the deciding rule's state qualifier, "" if none
  double bytes = 0;
  bool resident = false;
  double resident_s = 0;       // how long the bytes stay (resident stages), in whatever state
  Figure per_event;            // seconds the bytes are in the stage's state per event
  Figure plaintext_per_event;  // seconds in plaintext per event (0 when never plaintext)
  double events = 1;
  double event_period_s = 0;
  double plaintext_total_s = 0;     // sum over events
  double plaintext_coverage_s = 0;  // wall-clock time within the horizon with plaintext present
  CellRow cells;                    // one per catalog capability, in catalog order
  // Measured runs only; a pointer keeps the window small (a cluster has 100,000 of them,
  // rebuilt once per control variant).
  std::shared_ptr<const CcPair> cc;
  std::vector<std::string> notes;

  // Capabilities that read the bytes in plaintext here.
  std::vector<std::string> plaintext_readers() const {
    std::vector<std::string> out;
    for (const Cell& c : cells)
      if (c.access == Access::plaintext) out.push_back(c.capability);
    return out;
  }
};

}  // namespace plainsight
