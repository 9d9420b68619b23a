// A place the bytes sit or pass, and how long they stay.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/citation.h"
#include "core/input_error.h"

namespace plainsight {

// Which of the asset's byte counts a stage holds.
enum class Payload { weights, checkpoint, explicit_bytes };

// How a per-event duration is obtained; the analyzer turns it into a Figure.
struct DurationSpec {
  enum class Kind { stated, link_transfer, stated_bandwidth, figure } kind = Kind::stated;
  double seconds = 0;         // stated
  double bandwidth_Bps = 0;   // stated_bandwidth: the scenario's own bandwidth
  std::string link;           // link_transfer: catalog link or storage id
  double capacity_bytes = 0;  // link_transfer on capacity-scaled storage
  std::string figure;         // figure: catalog published figure (seconds or bytes/s)
  SourceLocation where;
};

struct Stage {
  std::string id;
  std::string name;
  std::string location;
  std::string medium;  // catalog medium id (from `medium`, or from `link`)
  std::string link;    // catalog link/storage id, "" if none
  Payload payload = Payload::weights;
  double explicit_bytes = 0;
  int shards = 1;  // bytes = payload / shards
  // Identical replicas (docs/scenarios.md#groups): the stage's own `count` (8 GPUs of a node),
  // and that times its group's count (the same GPU stage in 125,000 nodes). The analysis
  // runs once per stage; replicas scale what is counted, never what is computed.
  std::int64_t count = 1;
  std::int64_t replicas = 1;
  int group = -1;  // index into Scenario::groups; -1 for a top-level stage
  int place = 0;   // index into Scenario::places: where the stage runs, whose machine
  bool resident = false;
  double lifetime_s = 0;  // resident: how long the bytes stay (per event when events recur)
  std::optional<DurationSpec> duration;           // per event: how long one event exposes the bytes
  double events = 1;                              // events over the horizon
  double event_period_s = 0;                      // when events recur periodically; 0 when counted
  bool decrypts = false;                          // an encrypted blob is decrypted here, per event
  std::map<std::string, std::string> attributes;  // "transport" -> "tls"; rule conditions
  // A protection rule the scenario states instead of the one the catalog derives for the
  // platform (a source document's view, a claim to analyse); "" derives it.
  std::string stated_protection;
  std::optional<Citation> protection_source;  // why the scenario states it, when it says
  // The source document's own words for the state ("Plaintext, continuously, inside the
  // cluster"), shown instead of the generated phrase while they still fit the state.
  std::string state_label;
  // Where another source corrects the document the scenario reproduces: the document's words
  // are kept (a seed stays reproducible) and the correction is shown beside them.
  struct Correction {
    Citation says;
    Citation corrected_by;
    std::string note;
  };
  std::vector<Correction> corrections;
  SourceLocation where;
};

}  // namespace plainsight
