// An exposure window: what the analyzer computes for each stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/platform_option.h"
#include "core/protection_rule.h"
#include "core/provenance.h"
#include "core/state.h"

namespace plainsight {

// Why a cell of the exposure matrix reads as it does; report/ writes the words (cell_reason).
enum class CellBasis {
  out_of_reach,       // the capability does not reach the stage's medium
  other_place,        // it reaches the medium, not at this place (whose machine it is)
  metadata,           // an observer: sizes, endpoints, timing and names, whatever the cipher
  key_here,           // a capability that gets keys, never bytes: a key worth having is here
  no_key_here,        // the same, and no key worth having is here
  key_service,        // arrived encrypted; its key custody decrypts for this capability
  arrived_encrypted,  // arrived encrypted and stays so: the capability gets ciphertext
  rule_key_reader,    // the stage's rule: the capability decrypts through the key service
  rule_blocks,        // the stage's rule keeps the capability to ciphertext
  rule_patterns,      // the stage's rule leaves the capability patterns
  rule_plaintext,     // the stage's rule leaves the bytes in plaintext to the capability
};

// One cell of the exposure matrix: what a capability gets at this stage and what decides it.
struct Cell {
  std::string capability;
  Access access = Access::unreachable;
  std::string decided_by;  // protection rule id, key custody id, "metadata" or "reach"
  CellBasis basis = CellBasis::out_of_reach;
  bool decrypted_here = false;  // the bytes arrived encrypted and are decrypted at this stage
  bool side_channel = false;    // a side channel: the plaintext there yields only patterns
  const ProtectionRule* rule = nullptr;     // the stage's rule (catalog), where it is named
  const PlatformOption* custody = nullptr;  // the custody of what arrived encrypted (catalog)
  // Reduced, not closed: the access above comes after this extra step (a catalog rule's).
  const Reduction* reduced = nullptr;
  // A key the capability obtains here besides (or instead of) the bytes.
  const KeyExtraction* extracts = nullptr;
};

// A window's row of the exposure matrix, one cell per catalog capability in catalog order.
// Rows repeat across the stages of a cluster (same medium, rule and arriving content), so
// windows share one immutable row instead of each holding a copy of every cell.
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
  // CC on measured faster than off: the pair gives no CC cost (report/ says why).
  bool refused = false;
  double ratio() const { return off.value > 0 ? on.value / off.value : 0; }
};

struct Window {
  std::string stage;      // stage id
  std::size_t place = 0;  // index into Scenario::places: where the stage runs, whose machine
  // Identical replicas the window stands for (Stage::replicas): every figure below is one
  // replica's; totals over a scenario multiply by it.
  std::int64_t replicas = 1;
  std::string name;
  std::string location;
  std::string medium;
  State state = State::plaintext;
  // What decides the state: the stage's protection rule, or what arrived encrypted (kept,
  // or decrypted here).
  enum class Decided { rule, arrived_encrypted, decrypted_here } decided = Decided::rule;
  const ProtectionRule* rule = nullptr;     // the stage's protection rule (catalog)
  const PlatformOption* custody = nullptr;  // arrived encrypted: its key custody (catalog)
  std::string scheme;                       // arrived encrypted: the flow's scheme
  std::string protection_id;                // rule or key custody id
  // When the scenario states the protection (stage `protection:`) and the catalog derives
  // another for this platform: the derived rule (the sources disagree); null otherwise.
  const ProtectionRule* derived = nullptr;
  // `decrypts` is set but nothing encrypted arrives: the bytes stay as the medium holds them.
  bool decrypts_nothing = false;
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

  // Capabilities that read the bytes in plaintext here.
  std::vector<std::string> plaintext_readers() const {
    std::vector<std::string> out;
    for (const Cell& c : cells)
      if (c.access == Access::plaintext) out.push_back(c.capability);
    return out;
  }
};

}  // namespace plainsight
