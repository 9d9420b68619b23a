// Every key a scenario file may hold, mapping by mapping, with its kind of value and what it
// means. The loader allows exactly these keys (MapReader::allow), and `plainsight catalog
// --schema` writes the JSON Schema editors check scenarios with (docs/scenario.schema.json)
// from the same tables, so the two cannot drift apart.
#pragma once

#include <span>
#include <string_view>

namespace plainsight {

enum class ValueKind {
  text,            // text; line breaks allowed
  name,            // one line of visible text
  id,              // [a-z0-9_.-]+
  number,          // a plain number ("70e9"), within [min, max]
  integer,         // a whole number, within [min, max]
  count,           // a whole number of events, within [min, max]
  on_off,          // on/off, true/false, yes/no (core/on_off.h)
  size,            // "140GB", "512MiB", a bare number of bytes
  duration,        // "250ms", "2h", "90d"
  bandwidth,       // "400Gb/s", "25GB/s"
  choice,          // one of `choices`
  catalog,         // the id of an entry of the catalog list `ref` (catalog_lists())
  source,          // the id of a catalog source or of one of the scenario's own `sources:`
  payload,         // weights | checkpoint | a size
  lifetime,        // horizon | a duration
  stage_duration,  // a duration | from_link | from_bandwidth | {figure: ID}
  events,          // a count | {every: DURATION} | {count: N}
  protection,      // derived | a catalog protection id
  mapping,         // the mapping named `ref`
  list,            // a list of the mapping named `ref`
  text_map,        // a mapping of words to text
  on_off_map,      // a mapping of ids of the catalog list `ref` to on/off
  payload_map,     // a mapping of stage ids to payloads
  actor_map,       // a mapping of catalog actor ids to the mapping named `ref`
  finding_map,     // a mapping of finding ids (16 hex digits) to the mapping named `ref`
  figure,          // a quantity of kind `ref` (rate, duration, bandwidth), bare or cited
  conditions,      // a mapping of attributes to a value or a list of values
};

struct KeySpec {
  std::string_view name;
  ValueKind kind;
  std::string_view description;
  bool required = false;
  std::string_view ref = {};  // catalog list, mapping or quantity kind (see ValueKind)
  double min = 0, max = 0;    // number, integer, count
  std::span<const std::string_view> choices = {};
};

struct MappingSpec {
  std::string_view name;  // "stage", "platform", ...
  std::string_view description;
  std::span<const KeySpec> keys;
};

// The mapping named `name` ("scenario" is the file's top level); throws std::logic_error
// when there is none (a bug, not an input error).
const MappingSpec& scenario_mapping(std::string_view name);
// Every mapping, the top level first.
std::span<const MappingSpec> scenario_mappings();

// The catalog lists a `catalog` key may name: gpus, cpu_tees, key_custodies, media, links,
// protections, figures, sources, actors, offerings.
std::span<const std::string_view> catalog_lists();

}  // namespace plainsight
