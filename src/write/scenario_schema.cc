#include "write/scenario_schema.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "core/limits.h"
#include "core/on_off.h"
#include "core/quantity.h"
#include "load/scenario_keys.h"

namespace plainsight {
namespace {

using json = nlohmann::ordered_json;

// A number as the loader reads one (std::from_chars): no leading '+'.
constexpr const char* kNumber = "-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?";

std::string alternatives(QuantityKind kind) {
  std::string out;
  for (std::string_view u : quantity_units(kind)) {
    if (!out.empty()) out += '|';
    for (char c : u) {
      if (c == '/' || c == '.') out += '\\';
      out += c;
    }
  }
  return "(" + out + ")";
}

// A quantity written as text: a number, then a unit (optional for sizes).
json quantity(QuantityKind kind, const char* description) {
  const std::string sp = "[ \\t]*";
  std::string pattern;
  if (kind == QuantityKind::rate)
    pattern = "^" + sp + kNumber + sp + alternatives(kind) + "?" + sp + "/" + sp + "(" + kNumber +
              ")?" + sp + alternatives(kind) + sp + "$";
  else
    pattern = "^" + sp + kNumber + sp + alternatives(kind) +
              (kind == QuantityKind::size ? "?" : "") + sp + "$";
  json text = {{"type", "string"}, {"pattern", pattern}};
  if (kind != QuantityKind::size)
    return {{"description", description}, {"type", "string"}, {"pattern", pattern}};
  return {{"description", description},
          {"anyOf", {{{"type", "number"}, {"minimum", kMinBytes}, {"maximum", kMaxBytes}}, text}}};
}

json def_ref(const std::string& name) { return {{"$ref", "#/$defs/" + name}}; }

json ids_of_list(const Catalog& c, std::string_view list) {
  std::vector<std::string> ids;
  if (list == "gpus") {  // a place without a GPU says gpu: none
    ids = ids_of(c.gpus);
    ids.insert(ids.begin(), "none");
  }
  if (list == "cpu_tees") ids = ids_of(c.cpu_tees);
  if (list == "key_custodies") ids = ids_of(c.key_custodies);
  if (list == "media") ids = ids_of(c.media);
  if (list == "links") ids = ids_of(c.links);
  if (list == "protections") ids = ids_of(c.protections);
  if (list == "figures") ids = ids_of(c.figures);
  if (list == "sources") ids = ids_of(c.sources);
  if (list == "actors") ids = ids_of(c.actors);
  if (list == "offerings") ids = ids_of(c.offerings);
  if (ids.empty()) throw std::logic_error("no catalog list '" + std::string(list) + "'");
  return ids;
}

// A whole number the loader also reads from text ("1e6").
json whole(const KeySpec& k) {
  return {{"type", {"integer", "string"}},
          {"pattern", "^[0-9]+(\\.0*)?([eE]\\+?[0-9]+)?$"},
          {"minimum", k.min},
          {"maximum", k.max}};
}

json value_schema(const KeySpec& k) {
  const std::string ref_name(k.ref);
  switch (k.kind) {
    case ValueKind::text:
      return {{"type", {"string", "number"}}};
    case ValueKind::name:
      return {{"type", {"string", "number"}}, {"minLength", 1}, {"maxLength", kMaxNameChars}};
    case ValueKind::id:
      return def_ref("id");
    case ValueKind::number:
      return {{"type", {"number", "string"}},
              {"pattern", std::string("^") + kNumber + "$"},
              {"minimum", k.min},
              {"maximum", k.max}};
    case ValueKind::integer:
    case ValueKind::count:
      return whole(k);
    case ValueKind::on_off:
      return def_ref("on_off");
    case ValueKind::size:
      return def_ref("size");
    case ValueKind::duration:
      return def_ref("duration");
    case ValueKind::bandwidth:
      return def_ref("bandwidth");
    case ValueKind::choice: {
      json e = json::array();
      for (std::string_view c : k.choices) e.push_back(c);
      return {{"enum", e}};
    }
    case ValueKind::catalog:
      return def_ref("catalog_" + ref_name);
    case ValueKind::source:  // the scenario's own sources are not known to the schema
      return {{"anyOf", {def_ref("catalog_sources"), def_ref("id")}}};
    case ValueKind::payload:
      return {{"anyOf", {{{"enum", {"weights", "checkpoint"}}}, def_ref("size")}}};
    case ValueKind::lifetime:
      return {{"anyOf", {{{"const", "horizon"}}, def_ref("duration")}}};
    case ValueKind::stage_duration:
      return {{"anyOf",
               {def_ref("duration"),
                {{"enum", {"from_link", "from_bandwidth"}}},
                def_ref("duration_figure")}}};
    case ValueKind::events:
      return {{"anyOf", {whole(k), def_ref("events")}}};
    case ValueKind::protection:
      return {{"anyOf", {{{"const", "derived"}}, def_ref("catalog_protections")}}};
    case ValueKind::mapping:
      return def_ref(ref_name);
    case ValueKind::list:
      return {{"type", "array"}, {"items", def_ref(ref_name)}};
    case ValueKind::text_map:
      return {{"type", "object"}, {"additionalProperties", {{"type", {"string", "number"}}}}};
    case ValueKind::on_off_map:
      return {{"type", "object"},
              {"propertyNames", def_ref("catalog_" + ref_name)},
              {"additionalProperties", def_ref("on_off")}};
    case ValueKind::payload_map:
      return {{"type", "object"},
              {"propertyNames", def_ref("id")},
              {"additionalProperties",
               {{"anyOf", {{{"enum", {"weights", "checkpoint"}}}, def_ref("size")}}}}};
    case ValueKind::actor_map:
      return {{"type", "object"},
              {"propertyNames", def_ref("catalog_actors")},
              {"additionalProperties", def_ref(ref_name)}};
    case ValueKind::finding_map:
      return {{"type", "object"},
              {"propertyNames", {{"type", "string"}, {"pattern", "^[0-9a-f]{16}$"}}},
              {"additionalProperties", def_ref(ref_name)}};
    case ValueKind::figure:
      return {{"anyOf", {def_ref(ref_name), def_ref("figure")}}};
    case ValueKind::conditions:
      return {{"type", "object"},
              {"additionalProperties",
               {{"anyOf",
                 {{{"type", {"string", "number"}}},
                  {{"type", "array"}, {"items", {{"type", {"string", "number"}}}}}}}}}};
  }
  throw std::logic_error("unknown value kind");
}

json mapping_schema(const MappingSpec& m) {
  json properties = json::object(), required = json::array();
  for (const KeySpec& k : m.keys) {
    json p = value_schema(k);
    p["description"] = k.description;
    properties[std::string(k.name)] = std::move(p);
    if (k.required) required.push_back(k.name);
  }
  json out = {{"type", "object"},
              {"description", m.description},
              {"additionalProperties", false},
              {"properties", std::move(properties)}};
  if (!required.empty()) out["required"] = std::move(required);
  // What a key table cannot say: exactly one of two keys.
  if (m.name == "events") out["oneOf"] = {{{"required", {"every"}}}, {{"required", {"count"}}}};
  if (m.name == "citation")
    out["oneOf"] = {{{"required", {"quote"}}}, {{"required", {"paraphrase"}}}};
  return out;
}

}  // namespace

std::string scenario_schema_json(const Catalog& c) {
  json defs = json::object();
  for (const MappingSpec& m : scenario_mappings()) defs[std::string(m.name)] = mapping_schema(m);
  defs["id"] = {{"description", "lower-case letters, digits, '_', '-', '.'"},
                {"type", {"string", "integer"}},
                {"pattern", "^[a-z0-9_.-]+$"},
                {"maxLength", kMaxIdChars}};
  json switch_words = json::array();
  for (std::size_t i = 0; i < kOnWords.size(); ++i)
    for (std::string_view w : {kOnWords[i], kOffWords[i]}) switch_words.push_back(std::string(w));
  defs["on_off"] = {{"description", "on or off"},
                    {"anyOf", {{{"type", "boolean"}}, {{"enum", switch_words}}}}};
  defs["size"] = quantity(QuantityKind::size, "a size: 140GB, 512MiB, or a number of bytes");
  defs["duration"] = quantity(QuantityKind::duration, "a duration: 250ms, 2h, 90d");
  defs["bandwidth"] = quantity(QuantityKind::bandwidth, "a bandwidth: 400Gb/s, 25GB/s");
  defs["rate"] = quantity(QuantityKind::rate, "a rate: 12/y, 0.5/d, 3/2h");
  for (std::string_view list : catalog_lists())
    defs["catalog_" + std::string(list)] = {
        {"description", "an id of the catalog's " + std::string(list) + " (plainsight catalog " +
                            std::string(list) + ")"},
        {"enum", ids_of_list(c, list)}};
  json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://plainsight.invalid/schemas/plainsight-scenario-1.json"},
      {"title", "plainsight scenario"},
      {"description",
       "A plainsight scenario file (docs/scenarios.md). Generated by `plainsight catalog "
       "--schema` from the loader's key tables and the catalog; do not edit. The loader checks "
       "more than a schema can (references between stages, ranges of quantities, platforms the "
       "vendor refuses): run `plainsight validate FILE`."},
      {"$ref", "#/$defs/scenario"},
      {"$defs", std::move(defs)}};
  return schema.dump(2) + "\n";
}

}  // namespace plainsight
