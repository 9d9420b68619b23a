#include "load/catalog_loader.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "build_info.h"
#include "core/ids.h"
#include "core/quantity.h"
#include "load/citation_reader.h"
#include "load/conditions_reader.h"
#include "load/control_reader.h"
#include "load/did_you_mean.h"
#include "load/figure_reader.h"
#include "load/map_reader.h"
#include "load/offering_reader.h"
#include "load/probe_map_loader.h"
#include "load/source_reader.h"

namespace plainsight {
namespace {

// Reads `key: [ {...}, ... ]` from a catalog file, one MapReader per item (`what` names
// an item in messages).
template <class F>
void read_list(const YamlFile& file, const std::string& key, const std::string& what, F item) {
  MapReader top(file, file.root(), file.name());
  top.allow({key});
  for (const YamlNode& n : sequence_of(file, top.node(key), key)) {
    MapReader r(file, n, what);
    item(r);
  }
}

void check(const std::string& id, const std::vector<std::string>& known, const std::string& what,
           const SourceLocation& where) {
  if (std::find(known.begin(), known.end(), id) == known.end())
    throw InputError(where, fmt::format("unknown {} '{}'{}", what, id, did_you_mean(id, known)));
}

template <class T>
void check_unique(const std::vector<T>& list, const std::string& what) {
  std::set<std::string> seen;
  for (const T& x : list)
    if (!seen.insert(x.id).second)
      throw InputError(x.where, fmt::format("duplicate {} id '{}'", what, x.id));
}

std::vector<Source> read_sources(const YamlFile& f) {
  std::vector<Source> out;
  read_list(f, "sources", "source", [&](MapReader& r) { out.push_back(read_source(r)); });
  check_unique(out, "source");
  return out;
}

std::vector<Medium> read_media(const YamlFile& f) {
  std::vector<Medium> out;
  read_list(f, "media", "medium", [&](MapReader& r) {
    r.allow({"id", "name", "kind", "description"});
    Medium m{r.id("id"), r.str("name"), r.str("kind"), r.str_or("description", ""), r.at()};
    if (m.kind != "storage" && m.kind != "cache" && m.kind != "memory" && m.kind != "link")
      throw InputError(r.at_value("kind"), "medium kind must be storage, cache, memory or link");
    out.push_back(m);
  });
  check_unique(out, "medium");
  return out;
}

PlatformOption read_option(MapReader& r, const std::string& what, const Catalog& c) {
  r.allow({"id", "name", "source", "also", "disputed_by", "attributes", "figures", "key_readers",
           "key_release"});
  PlatformOption o;
  o.id = r.id("id");
  o.where = r.at();
  const std::string name = what + " '" + o.id + "'";
  o.name = r.str("name");
  static_cast<Cited&>(o) = read_cited(r, name, c.sources);
  o.attributes = r.str_map("attributes");
  if (YamlNode figs = r.optional_node("figures")) {
    MapReader fr(r.file(), figs, name + " figures");
    for (const std::string& k : fr.keys())
      o.figures[k] = read_figure(r.file(), fr.node(k), k, name, {&c.sources, false});
  }
  o.key_readers = r.str_list("key_readers");
  for (const auto& k : o.key_readers) check(k, ids_of(c.capabilities), "capability", o.where);
  o.key_release = r.str_or("key_release", "");
  if (!o.key_release.empty() && o.key_release != "attestation")
    throw InputError(r.at_value("key_release"),
                     fmt::format("{}: key_release must be attestation", name));
  return o;
}

void read_platforms(const YamlFile& f, Catalog& c) {
  MapReader top(f, f.root(), f.name());
  top.allow({"gpus", "cpu_tees", "key_custodies"});
  const std::pair<const char*, std::vector<PlatformOption>*> lists[] = {
      {"gpus", &c.gpus}, {"cpu_tees", &c.cpu_tees}, {"key_custodies", &c.key_custodies}};
  for (const auto& [key, into] : lists) {
    const std::string what = std::string(key) == "gpus"       ? "gpu"
                             : std::string(key) == "cpu_tees" ? "cpu_tee"
                                                              : "key custody";
    for (const YamlNode& n : sequence_of(f, top.node(key), key)) {
      MapReader r(f, n, what);
      into->push_back(read_option(r, what, c));
    }
    check_unique(*into, what);
  }
}

std::vector<Link> read_links(const YamlFile& f, const Catalog& c) {
  std::vector<Link> out;
  read_list(f, "links", "link", [&](MapReader& r) {
    r.allow({"id", "name", "medium", "bandwidth", "bandwidth_per_tib", "node_bandwidth", "source",
             "also", "disputed_by", "note", "attributes"});
    Link l;
    l.id = r.id("id");
    l.where = r.at();
    l.name = r.str("name");
    l.medium = r.id("medium");
    check(l.medium, ids_of(c.media), "medium", r.at_value("medium"));
    if (r.has("bandwidth")) l.bandwidth_Bps = r.bandwidth("bandwidth");
    if (r.has("bandwidth_per_tib")) l.bandwidth_per_TiB_Bps = r.bandwidth("bandwidth_per_tib");
    static_cast<Cited&>(l) = read_cited(r, "link '" + l.id + "'", c.sources);
    if (YamlNode n = r.optional_node("node_bandwidth")) {
      MapReader nr(r.file(), n, "link '" + l.id + "' node_bandwidth");
      nr.allow({"value", "source"});
      l.node_bandwidth_Bps = nr.bandwidth("value");
      l.node_source = read_citation(r.file(), nr.node("source"),
                                    "link '" + l.id + "' node_bandwidth source", c.sources);
    }
    l.note = r.str_or("note", "");
    l.attributes = r.str_map("attributes");
    out.push_back(std::move(l));
  });
  check_unique(out, "link");
  return out;
}

// Every capability a rule lists exists; a capability appears under one heading at most.
void check_rule_capabilities(const ProtectionRule& p, const Catalog& c) {
  std::set<std::string> seen;
  auto take = [&](const std::string& id) {
    check(id, ids_of(c.capabilities), "capability", p.where);
    if (!seen.insert(id).second)
      throw InputError(p.where, fmt::format("protection '{}' lists capability '{}' twice (blocks, "
                                            "patterns_only, key_readers and reduced exclude each "
                                            "other)",
                                            p.id, id));
  };
  for (const auto* list : {&p.blocks, &p.patterns_only, &p.key_readers})
    for (const auto& id : *list) take(id);
  for (const Reduction& x : p.reduced) take(x.capability);
  for (const KeyExtraction& x : p.extracts)
    check(x.capability, ids_of(c.capabilities), "capability", x.source.at);
}

ProtectionRule read_protection(MapReader& r, const Catalog& c) {
  r.allow({"id", "medium", "label", "when", "state", "blocks", "patterns_only", "key_readers",
           "reduced", "extracts", "note", "qualifier", "source", "also", "disputed_by"});
  ProtectionRule p;
  p.id = r.id("id");
  p.where = r.at();
  const std::string what = "protection '" + p.id + "'";
  p.medium = r.id("medium");
  check(p.medium, ids_of(c.media), "medium", r.at_value("medium"));
  p.label = r.str("label");
  p.when = read_conditions(r, what);
  const std::string st = r.str("state");
  if (!parse_state(st, &p.state))
    throw InputError(r.at_value("state"),
                     fmt::format("unknown state '{}': expected plaintext, ciphertext or "
                                 "deterministic_ciphertext",
                                 st));
  p.blocks = r.str_list("blocks");
  p.patterns_only = r.str_list("patterns_only");
  p.key_readers = r.str_list("key_readers");
  if (YamlNode list = r.optional_node("reduced"))
    for (const YamlNode& n : sequence_of(r.file(), list, what + " reduced")) {
      MapReader rr(r.file(), n, what + " reduced");
      rr.allow({"capability", "ttc", "step", "source"});
      Reduction x;
      x.capability = rr.id("capability");
      std::string error;
      if (!parse_ttc(rr.str("ttc"), &x.ttc, &error))
        throw InputError(rr.at_value("ttc"), what + " reduced ttc: " + error);
      x.step = rr.str("step");
      x.source = read_citation(r.file(), rr.node("source"), what + " reduced source", c.sources);
      p.reduced.push_back(std::move(x));
    }
  if (YamlNode list = r.optional_node("extracts"))
    for (const YamlNode& n : sequence_of(r.file(), list, what + " extracts")) {
      MapReader er(r.file(), n, what + " extracts");
      er.allow({"capability", "key", "source"});
      KeyExtraction x;
      x.capability = er.id("capability");
      x.key = er.id("key");
      x.source = read_citation(r.file(), er.node("source"), what + " extracts source", c.sources);
      p.extracts.push_back(std::move(x));
    }
  p.note = r.str_or("note", "");
  p.qualifier = r.str_or("qualifier", "");
  static_cast<Cited&>(p) = read_cited(r, what, c.sources);
  check_rule_capabilities(p, c);
  return p;
}

Capability read_capability(MapReader& r, const Catalog& c) {
  r.allow({"id", "name", "description", "class", "reaches", "yields", "foothold", "places",
           "acts_as", "ttc", "ttc_source", "source", "also", "disputed_by"});
  Capability k;
  k.id = r.id("id");
  k.where = r.at();
  const std::string what = "capability '" + k.id + "'";
  k.name = r.str("name");
  k.description = r.str_or("description", "");
  k.capability_class = r.str_or("class", "software");
  if (std::find(std::begin(kCapabilityClasses), std::end(kCapabilityClasses), k.capability_class) ==
      std::end(kCapabilityClasses))
    throw InputError(r.at_value("class"),
                     fmt::format("{}: class '{}': expected software, physical or remote", what,
                                 k.capability_class));
  for (const YamlNode& n : sequence_of(r.file(), r.node("reaches"), what + " reaches")) {
    MapReader rr(r.file(), n, what + " reaches");
    rr.allow({"media", "source"});
    const Citation why = read_citation(r.file(), rr.node("source"), what + " reach", c.sources);
    for (const std::string& m : rr.str_list("media")) {
      check(m, ids_of(c.media), "medium", rr.at_value("media"));
      if (std::find(k.reaches.begin(), k.reaches.end(), m) != k.reaches.end())
        throw InputError(rr.at_value("media"), fmt::format("{} reaches '{}' twice", what, m));
      k.reaches.push_back(m);
      k.reach_sources.push_back(why);
    }
  }
  const std::string y = r.str_or("yields", "plaintext");
  const std::pair<const char*, Access> yields[] = {{"plaintext", Access::plaintext},
                                                   {"patterns", Access::patterns},
                                                   {"metadata", Access::metadata},
                                                   {"keys", Access::keys}};
  bool known = false;
  for (const auto& [name, access] : yields)
    if (y == name) k.yields = access, known = true;
  if (!known)
    throw InputError(r.at_value("yields"), "yields must be plaintext, patterns, metadata or keys");
  const std::string foothold = r.str_or("foothold", "device");
  if (foothold != "device" && foothold != "place")
    throw InputError(r.at_value("foothold"), what + ": foothold must be device or place");
  k.foothold = foothold == "place" ? Foothold::place : Foothold::device;
  if (YamlNode places = r.optional_node("places"))
    for (const YamlNode& n : sequence_of(r.file(), places, what + " places")) {
      MapReader pr(r.file(), n, what + " places");
      pr.allow({"when", "reduced", "source"});
      PlaceScope scope;
      scope.when = read_conditions(pr, what + " places");
      check_place_conditions(scope.when, pr.at(), what + " places");
      scope.source = read_citation(r.file(), pr.node("source"), what + " places", c.sources);
      if (YamlNode red = pr.optional_node("reduced")) {
        MapReader rr(r.file(), red, what + " places reduced");
        rr.allow({"ttc", "step", "source"});
        Reduction x;
        x.capability = k.id;
        std::string error;
        if (!parse_ttc(rr.str("ttc"), &x.ttc, &error))
          throw InputError(rr.at_value("ttc"), what + " places reduced ttc: " + error);
        x.step = rr.str("step");
        x.source = read_citation(r.file(), rr.node("source"), what + " places reduced", c.sources);
        scope.reduced = std::move(x);
      }
      k.places.push_back(std::move(scope));
    }
  k.acts_as = r.has("acts_as") ? r.id("acts_as") : "";
  std::string error;
  if (!parse_ttc(r.str("ttc"), &k.ttc, &error))
    throw InputError(r.at_value("ttc"), what + " ttc: " + error);
  k.ttc_source = read_citation(r.file(), r.node("ttc_source"), what + " ttc_source", c.sources);
  static_cast<Cited&>(k) = read_cited(r, what, c.sources);
  return k;
}

Actor read_actor(MapReader& r, const Catalog& c) {
  r.allow({"id", "level", "name", "description", "capabilities", "source", "also", "disputed_by",
           "parameters", "place_reach"});
  Actor a;
  a.id = r.id("id");
  a.where = r.at();
  const std::string what = "actor '" + a.id + "'";
  a.level = r.integer("level", 1, 5);
  a.name = r.str("name");
  a.description = r.str_or("description", "");
  a.capabilities = r.str_list("capabilities");
  for (const auto& k : a.capabilities)
    check(k, ids_of(c.capabilities), "capability", r.at_value("capabilities"));
  static_cast<Cited&>(a) = read_cited(r, what, c.sources);
  MapReader pr(r.file(), r.node("parameters"), what + " parameters");
  pr.allow({"foothold_rate", "dwell", "read_bandwidth", "egress_bandwidth"});
  for (const std::string& k : pr.keys()) {
    FigureRange range;
    CitedFigure f = read_figure(r.file(), pr.node(k), k, what, {&c.sources, false}, &range);
    a.parameters[k] = f.figure;
    a.parameter_sources[k] = f.source;
    if (range.present()) a.parameter_ranges[k] = range;
  }
  if (YamlNode reach = r.optional_node("place_reach"))
    a.place_reach = read_place_factors(r.file(), reach, what + " place_reach", c.sources);
  return a;
}

PublishedFigure read_published_figure(MapReader& r, const Catalog& c) {
  r.allow({"id", "description", "unit", "value", "note", "source", "also", "disputed_by"});
  PublishedFigure f;
  f.id = r.id("id");
  f.where = r.at();
  f.description = r.str("description");
  f.unit = r.str("unit");
  static const char* const kUnits[] = {"seconds", "bytes_per_second", "ratio", "bytes", "count",
                                       "usd",     "usd_per_gb"};
  if (std::find(std::begin(kUnits), std::end(kUnits), f.unit) == std::end(kUnits))
    throw InputError(r.at_value("unit"),
                     "unit must be seconds, bytes_per_second, ratio, bytes, "
                     "count, usd or usd_per_gb");
  f.value = r.number("value", 0, 1e18);
  f.note = r.str_or("note", "");
  static_cast<Cited&>(f) = read_cited(r, "figure '" + f.id + "'", c.sources);
  return f;
}

const PublishedFigure& figure_of(MapReader& r, std::string_view key, const Catalog& c,
                                 const std::string& unit) {
  const std::string id = r.id(key);
  check(id, ids_of(c.figures), "figure", r.at_value(key));
  const PublishedFigure& f = *c.figure(id);
  if (f.unit != unit)
    throw InputError(r.at_value(key),
                     fmt::format("figure '{}' is in {}; {} needs {}", id, f.unit, key, unit));
  if (unit == "ratio" && !(f.value > 0))
    throw InputError(
        r.at_value(key),
        fmt::format("figure '{}' is {:g}; a CC cost ratio must be positive", id, f.value));
  return f;
}

void read_cc_costs(const YamlFile& f, Catalog& c) {
  MapReader top(f, f.root(), f.name());
  top.allow({"transfer_costs", "run_costs"});
  for (const YamlNode& n : sequence_of(f, top.node("transfer_costs"), "transfer_costs")) {
    MapReader r(f, n, "transfer_cost");
    r.allow({"id", "medium", "when", "transfers", "figure", "borrowed", "why"});
    CcCost k;
    k.id = r.id("id");
    k.where = r.at();
    k.medium = r.id("medium");
    check(k.medium, ids_of(c.media), "medium", r.at_value("medium"));
    k.when = read_conditions(r, "transfer_cost '" + k.id + "'");
    k.transfers = r.str_list("transfers");
    for (const auto& t : k.transfers)
      check(t, {"per_step", "checkpoint", "model_load"}, "workload transfer",
            r.at_value("transfers"));
    k.figure = figure_of(r, "figure", c, "ratio").id;
    if (YamlNode b = r.optional_node("borrowed")) {
      k.borrowed = true;
      k.borrowed_because = read_citation(f, b, "transfer_cost '" + k.id + "' borrowed", c.sources);
    }
    k.why = r.str("why");
    c.cc_costs.push_back(std::move(k));
  }
  check_unique(c.cc_costs, "transfer_cost");
  if (YamlNode runs = top.optional_node("run_costs"))
    for (const YamlNode& n : sequence_of(f, runs, "run_costs")) {
      MapReader r(f, n, "run_cost");
      r.allow({"id", "name", "when", "extra", "run", "throughput_loss", "slowdown", "of"});
      RunCost k;
      k.id = r.id("id");
      k.where = r.at();
      k.name = r.str("name");
      k.when = read_conditions(r, "run_cost '" + k.id + "'");
      if (r.has("throughput_loss") + r.has("extra") + r.has("slowdown") != 1)
        throw InputError(k.where, fmt::format("run_cost '{}': give one of extra (with run), "
                                              "throughput_loss or slowdown (with of)",
                                              k.id));
      if (r.has("slowdown")) {
        k.slowdown_figure = figure_of(r, "slowdown", c, "ratio").id;
        k.of = r.str("of");
      } else if (r.has("extra")) {
        k.extra_figure = figure_of(r, "extra", c, "seconds").id;
        k.run_figure = figure_of(r, "run", c, "seconds").id;
        // The overhead is extra / run: a run of no time has none to give.
        if (!(c.figure(k.run_figure)->value > 0))
          throw InputError(r.at_value("run"),
                           fmt::format("run_cost '{}': figure '{}' is a run of 0 s; a run takes "
                                       "time",
                                       k.id, k.run_figure));
      } else {
        for (const std::string& id : r.str_list("throughput_loss")) {
          check(id, ids_of(c.figures), "figure", r.at_value("throughput_loss"));
          const PublishedFigure& fig = *c.figure(id);
          if (fig.unit != "ratio" || !(fig.value > 0 && fig.value < 1))
            throw InputError(r.at_value("throughput_loss"),
                             fmt::format("figure '{}': a throughput loss is a ratio between 0 "
                                         "and 1",
                                         id));
          k.throughput_loss.push_back(id);
        }
        if (k.throughput_loss.empty() || k.throughput_loss.size() > 2)
          throw InputError(r.at_value("throughput_loss"),
                           "throughput_loss is [low, high] or [value]");
      }
      c.run_costs.push_back(std::move(k));
    }
  check_unique(c.run_costs, "run_cost");
}

void read_platform_rules(const YamlFile& f, Catalog& c) {
  read_list(f, "refusals", "refusal", [&](MapReader& r) {
    r.allow({"id", "when", "message", "source", "also", "disputed_by"});
    PlatformRefusal k;
    k.id = r.id("id");
    k.where = r.at();
    k.when = read_conditions(r, "refusal '" + k.id + "'");
    if (k.when.empty())
      throw InputError(k.where, fmt::format("refusal '{}' needs conditions ('when')", k.id));
    k.message = r.str("message");
    static_cast<Cited&>(k) = read_cited(r, "refusal '" + k.id + "'", c.sources);
    c.refusals.push_back(std::move(k));
  });
  check_unique(c.refusals, "refusal");
}

void read_attack_steps(const YamlFile& f, Catalog& c) {
  read_list(f, "key_steps", "key step", [&](MapReader& r) {
    r.allow(
        {"id", "name", "uses", "releases", "ttc", "ttc_source", "source", "also", "disputed_by"});
    KeyStep k;
    k.id = r.id("id");
    k.where = r.at();
    const std::string what = "key step '" + k.id + "'";
    k.name = r.str("name");
    k.uses = r.id("uses");
    k.releases = r.id("releases");
    std::string error;
    if (!parse_ttc(r.str("ttc"), &k.ttc, &error))
      throw InputError(r.at_value("ttc"), what + " ttc: " + error);
    k.ttc_source = read_citation(f, r.node("ttc_source"), what + " ttc_source", c.sources);
    static_cast<Cited&>(k) = read_cited(r, what, c.sources);
    c.key_steps.push_back(std::move(k));
  });
  check_unique(c.key_steps, "key step");
}

// Checks across files: what a reference names exists, each medium has a default rule, one
// actor per level.
void check_catalog(const Catalog& c) {
  for (const Medium& m : c.media) {
    bool has_default = false;
    for (const auto& p : c.protections) has_default |= p.medium == m.id && p.when.empty();
    if (!has_default)
      throw InputError(m.where, fmt::format("medium '{}' has no protection rule without conditions "
                                            "(the default)",
                                            m.id));
  }
  for (std::size_t i = 1; i < c.actors.size(); ++i)
    if (c.actors[i].level == c.actors[i - 1].level)
      throw InputError(c.actors[i].where,
                       fmt::format("actors '{}' and '{}' are both at level {}: one actor per level",
                                   c.actors[i - 1].id, c.actors[i].id, c.actors[i].level));
  for (const Capability& k : c.capabilities)
    if (!k.acts_as.empty())
      check(k.acts_as, ids_of(c.capabilities), "capability (acts_as)", k.where);
  for (const KeyStep& k : c.key_steps) {
    bool extracted = false, released = false;
    for (const auto& p : c.protections)
      for (const auto& x : p.extracts) extracted |= x.key == k.uses;
    for (const auto& o : c.key_custodies) released |= o.key_release == k.releases;
    if (!extracted || !released)
      throw InputError(k.where, fmt::format("key step '{}': no protection rule extracts a '{}' key "
                                            "or no key custody has key_release '{}'",
                                            k.id, k.uses, k.releases));
  }
}

}  // namespace

std::filesystem::path default_model_dir() {
  if (const char* env = std::getenv("PLAINSIGHT_MODEL"); env && *env) return env;
  return std::filesystem::path(PLAINSIGHT_SOURCE_DIR) / "model";
}

Catalog load_catalog(const std::filesystem::path& dir) {
  Catalog c;
  auto file = [&](const char* name) { return YamlFile::load(dir / name); };
  // In dependency order: each file may name what the files before it define.
  c.sources = read_sources(file("sources.yaml"));
  c.media = read_media(file("media.yaml"));
  {
    // Key custodies name capabilities as key readers: capabilities come first.
    YamlFile caps = file("capabilities.yaml");
    read_list(caps, "capabilities", "capability",
              [&](MapReader& r) { c.capabilities.push_back(read_capability(r, c)); });
    check_unique(c.capabilities, "capability");
  }
  read_platforms(file("platforms.yaml"), c);
  c.links = read_links(file("links.yaml"), c);
  c.offerings = read_offerings(file("offerings.yaml"), c);
  {
    YamlFile f = file("protections.yaml");
    read_list(f, "protections", "protection",
              [&](MapReader& r) { c.protections.push_back(read_protection(r, c)); });
    check_unique(c.protections, "protection");
  }
  {
    YamlFile f = file("actors.yaml");
    read_list(f, "actors", "actor", [&](MapReader& r) { c.actors.push_back(read_actor(r, c)); });
    check_unique(c.actors, "actor");
    std::stable_sort(c.actors.begin(), c.actors.end(),
                     [](const Actor& x, const Actor& y) { return x.level < y.level; });
  }
  {
    YamlFile f = file("controls.yaml");
    read_list(f, "controls", "control",
              [&](MapReader& r) { c.controls.push_back(read_control(r, c)); });
    check_unique(c.controls, "control");
  }
  {
    YamlFile f = file("figures.yaml");
    read_list(f, "figures", "figure",
              [&](MapReader& r) { c.figures.push_back(read_published_figure(r, c)); });
    check_unique(c.figures, "figure");
  }
  read_cc_costs(file("cc_costs.yaml"), c);
  read_platform_rules(file("platform_rules.yaml"), c);
  read_attack_steps(file("attack_steps.yaml"), c);
  check_catalog(c);
  // Optional: a catalog without it simply has no measured durations.
  if (std::filesystem::exists(dir / "probe_map.yaml"))
    c.probe_map = load_probe_map(dir / "probe_map.yaml", c);
  return c;
}

}  // namespace plainsight
