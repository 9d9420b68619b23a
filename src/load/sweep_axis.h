// One axis of a sweep: `--vary KEY=VALUES`, where KEY is any --set key and VALUES is a list
// (`h100,b200`) or, for numbers, sizes, durations, bandwidths and rates, a range:
//
//   LO..HI:STEPS        STEPS values from LO to HI, evenly spaced (both ends included)
//   LO..HI:STEPS:log    the same, evenly spaced in log(value): a geometric series
//
// LO and HI are written as the key's values are (`1d..90d:10`, `100GB/s..1TB/s:5:log`,
// `4/y..12/y:3`); the generated values keep LO's unit (`1d`, `10.8889d`, ...). Whole-number
// keys round and drop repeats. docs/research.md has the grammar and examples.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/quantity.h"
#include "load/scenario_keys.h"

namespace plainsight {

struct SweepAxis {
  std::string key;  // as given: "platform.gpu", "actors.oc3.dwell", "stages[ckpt].duration"
  ValueKind kind = ValueKind::text;      // what the key holds (load/scenario_keys.h)
  std::optional<QuantityKind> quantity;  // a size, duration, bandwidth or rate key
  bool log = false;                      // the values came from a log range
  std::vector<std::string> texts;        // each value as --set takes it
  // Each value in the key's base unit (bytes, seconds, bytes per second, events per second, a
  // plain number), where every value is one; empty when the axis is categorical.
  std::vector<double> numbers;
  bool numeric() const { return !numbers.empty(); }
  // An `actors.` key: it changes an actor's parameters, never a window, so points that differ
  // only in such keys share their window analysis.
  bool actor_parameter = false;
};

// Parses one --vary option ("KEY=VALUES"). Throws InputError naming the option when it is
// malformed, a range is given for a key that holds no number, a bound does not parse, a list
// names a value twice (`1d,1d`, or `1d,24h` of a duration), or there are more than
// kMaxSweepValues values.
SweepAxis parse_sweep_axis(const std::string& option);

// What a --set key holds, from the scenario key tables: the kind, and the quantity kind for
// quantities; ValueKind::text for a key the tables do not know (loading then says why).
struct KeyKind {
  ValueKind kind = ValueKind::text;
  std::optional<QuantityKind> quantity;
};
KeyKind set_key_kind(const std::string& key);

}  // namespace plainsight
