// plainsight catalog [TOPIC] [--detail] as text: what the model knows, one table per topic,
// each fact with its status and source, and with --detail the citations it rests on.
#include "report/catalog_report.h"

#include <map>

#include <fmt/format.h>

#include "core/quantity.h"
#include "report/actor_parameters.h"
#include "report/citation_phrase.h"
#include "report/deployment_phrase.h"
#include "report/text_table.h"

namespace plainsight {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string attrs(const std::map<std::string, std::string>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k + "=" + v;
  return out;
}

std::string conditions(const Conditions& when) {
  std::string out;
  for (const auto& [k, v] : when) out += (out.empty() ? "" : ", ") + k + "=" + join(v);
  return out.empty() ? "(default)" : out;
}

// "shipping", "claimed; disputed" : the status column.
std::string status_of(const Cited& x) {
  std::string s(to_string(x.source.status));
  if (!x.disputed_by.empty()) s += "; disputed";
  return s;
}

// One topic: its table, and for --detail every fact's citations.
struct Topic {
  TextTable table;
  std::vector<std::pair<std::string, const Cited*>> facts;    // id -> what it rests on
  std::vector<std::pair<std::string, const Citation*>> more;  // further citations by label
};

void add(Topic& t, const std::string& id, const Cited& x, std::vector<std::string> row) {
  row.push_back(status_of(x));
  row.push_back(x.source.id);
  t.table.rows.push_back(std::move(row));
  t.facts.push_back({id, &x});
}

void media_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", "kind", "description"};
  for (const auto& m : c.media) tb.rows.push_back({m.id, m.name, m.kind, m.description});
}

// GPUs, CPU TEEs and key custodies: platform options with attributes and figures.
void options_topic(const std::vector<PlatformOption>& list, const std::string& name, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", name == "key_custodies" ? "key readers / release" : "attributes",
               "status", "source"};
  for (const auto& o : list) {
    std::string what =
        name == "key_custodies"
            ? join(o.key_readers) + (o.key_release.empty() ? "" : "; released on " + o.key_release)
            : attrs(o.attributes);
    for (const auto& [k, f] : o.figures)
      what += (what.empty() ? "" : ", ") + k + "=" + format_bytes(f.figure.value);
    add(t, o.id, o, {o.id, o.name, what});
    for (const auto& [k, f] : o.figures) t.facts.push_back({o.id + " " + k, &f});
  }
}

void links_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", "medium", "bandwidth", "status", "source"};
  for (const auto& l : c.links)
    add(t, l.id, l,
        {l.id, l.name, l.medium,
         l.bandwidth_per_TiB_Bps > 0 ? format_bandwidth(l.bandwidth_per_TiB_Bps) + " per TiB"
         : l.bandwidth_Bps > 0       ? format_bandwidth(l.bandwidth_Bps)
                                     : "-"});
}

void protections_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id",          "medium",  "when",     "state",  "blocks", "patterns only",
               "key readers", "reduced", "extracts", "status", "source"};
  for (const auto& p : c.protections) {
    std::vector<std::string> reduced, extracts;
    for (const auto& x : p.reduced) reduced.push_back(x.capability);
    for (const auto& x : p.extracts) extracts.push_back(x.capability + ": " + x.key + " key");
    add(t, p.id, p,
        {p.id, p.medium, conditions(p.when), std::string(to_string(p.state)), join(p.blocks),
         join(p.patterns_only), join(p.key_readers), join(reduced), join(extracts)});
    for (const auto& x : p.reduced)
      t.more.push_back({p.id + " reduces " + x.capability + " (" + x.step + ")", &x.source});
    for (const auto& x : p.extracts)
      t.more.push_back({p.id + ": " + x.capability + " extracts the " + x.key + " key", &x.source});
  }
}

void capabilities_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id",     "name", "reaches", "at places", "foothold",
               "yields", "ttc",  "status",  "source"};
  for (const auto& k : c.capabilities) {
    std::string places;
    for (const PlaceScope& x : k.places)
      places += (places.empty() ? "" : "; ") + conditions(x.when) +
                (x.reduced ? " (after: " + x.reduced->step + ")" : "");
    add(t, k.id, k,
        {k.id, k.name, join(k.reaches), places.empty() ? "every place" : places,
         k.foothold == Foothold::place ? "the place" : "one device",
         std::string(to_string(k.yields)), k.ttc.text});
    for (std::size_t i = 0; i < k.reaches.size(); ++i)
      t.more.push_back({k.id + " reaches " + k.reaches[i], &k.reach_sources[i]});
    for (const PlaceScope& x : k.places)
      t.more.push_back({k.id + " at " + conditions(x.when), &x.source});
    t.more.push_back({k.id + " ttc", &k.ttc_source});
  }
}

void actors_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "level", "name", "capabilities", "status", "source"};
  for (const auto& a : c.actors) {
    add(t, a.id, a, {a.id, std::to_string(a.level), a.name, join(a.capabilities)});
    for (const auto& [k, src] : a.parameter_sources) t.more.push_back({a.id + " " + k, &src});
    for (const auto& [k, range] : a.parameter_ranges)
      t.more.push_back({a.id + " " + k + " range" +
                            (range.cited == FigureRange::Cited::low    ? ", low end"
                             : range.cited == FigureRange::Cited::high ? ", high end"
                                                                       : ""),
                        &range.source});
    for (const auto& f : a.place_reach)
      t.more.push_back({fmt::format("{} at {}: time to compromise x{:g}", a.id, conditions(f.when),
                                    f.ttc_factor),
                        &f.source});
  }
}

void controls_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", "cost", "places", "sets (first the place allows)", "status", "source"};
  for (const auto& k : c.controls) {
    add(t, k.id, k,
        {k.id, k.name, fmt::format("{:g}", k.cost),
         k.places.empty() ? "every place" : conditions(k.places), settings_phrase(k)});
    t.more.push_back({k.id + " cost", &k.cost_source});
  }
}

void offerings_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", "provider", "kinds", "allows", "status", "source"};
  for (const auto& o : c.offerings) {
    std::string allows;
    for (const auto& [key, a] : o.allows)
      allows += (allows.empty() ? "" : "; ") + key + "=" + join(a.values);
    add(t, o.id, o,
        {o.id, o.name + (o.status_note.empty() ? "" : " (" + o.status_note + ")"),
         o.provider.empty() ? "on-prem" : o.provider_name, join(o.kinds), allows});
    for (const auto& [key, a] : o.allows) t.facts.push_back({o.id + " allows " + key, &a});
    for (const auto& [key, src] : o.attribute_sources)
      t.more.push_back({o.id + " " + key + " = " + o.attributes.at(key), &src});
  }
}

void figures_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "value", "unit", "description", "status", "source"};
  for (const auto& f : c.figures)
    add(t, f.id, f, {f.id, fmt::format("{:g}", f.value), f.unit, f.description});
}

void cc_costs_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "medium", "when", "transfers", "figure", "borrowed"};
  for (const auto& k : c.cc_costs) {
    tb.rows.push_back({k.id, k.medium, conditions(k.when),
                       k.transfers.empty() ? "all" : join(k.transfers), k.figure,
                       k.borrowed ? std::string(to_string(k.borrowed_because.status)) : "no"});
    if (k.borrowed) t.more.push_back({k.id + " borrowed", &k.borrowed_because});
  }
  for (const auto& k : c.run_costs)
    tb.rows.push_back({k.id, k.of.empty() ? "(whole run)" : "(" + k.of + ")", conditions(k.when),
                       "run",
                       !k.slowdown_figure.empty() ? k.slowdown_figure
                       : k.extra_figure.empty()   ? join(k.throughput_loss)
                                                  : k.extra_figure + " of " + k.run_figure,
                       "no"});
}

void platform_rules_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "refuses", "why", "status", "source"};
  for (const auto& r : c.refusals) add(t, r.id, r, {r.id, conditions(r.when), r.message});
}

void key_steps_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "name", "uses", "releases", "ttc", "status", "source"};
  for (const auto& k : c.key_steps) {
    add(t, k.id, k,
        {k.id, k.name, k.uses + " key", "custodies released on " + k.releases, k.ttc.text});
    t.more.push_back({k.id + " ttc", &k.ttc_source});
  }
}

void sources_topic(const Catalog& c, Topic& t) {
  TextTable& tb = t.table;
  tb.header = {"id", "publisher", "date", "title", "url"};
  for (const auto& s : c.sources) tb.rows.push_back({s.id, s.publisher, s.date, s.title, s.url});
}

struct TopicSpec {
  const char* name;
  void (*fill)(const Catalog& c, Topic& t);
};

// Every topic, in the order `catalog` lists them.
constexpr TopicSpec kTopicSpecs[] = {
    {"media", media_topic},
    {"gpus", [](const Catalog& c, Topic& t) { options_topic(c.gpus, "gpus", t); }},
    {"cpu_tees", [](const Catalog& c, Topic& t) { options_topic(c.cpu_tees, "cpu_tees", t); }},
    {"key_custodies",
     [](const Catalog& c, Topic& t) { options_topic(c.key_custodies, "key_custodies", t); }},
    {"links", links_topic},
    {"protections", protections_topic},
    {"capabilities", capabilities_topic},
    {"actors", actors_topic},
    {"controls", controls_topic},
    {"offerings", offerings_topic},
    {"figures", figures_topic},
    {"cc_costs", cc_costs_topic},
    {"platform_rules", platform_rules_topic},
    {"key_steps", key_steps_topic},
    {"sources", sources_topic},
};

Topic topic(const Catalog& c, const std::string& name) {
  Topic t;
  for (const TopicSpec& s : kTopicSpecs)
    if (name == s.name) s.fill(c, t);
  return t;
}

void write_detail(std::ostream& out, const Catalog& c, const Topic& t, const std::string& name) {
  if (name == "sources") {
    for (const auto& s : c.sources)
      if (!s.read.empty()) out << fmt::format("\n{}: read as {}", s.id, s.read);
    out << '\n';
    return;
  }
  for (const auto& [id, x] : t.facts) {
    out << fmt::format("\n{}\n  rests on: {}\n", id, cited_line(c, x->source));
    for (const Citation& k : x->also) out << fmt::format("  also: {}\n", cited_line(c, k));
    for (const Citation& k : x->disputed_by)
      out << fmt::format("  disputed by: {}\n", cited_line(c, k));
  }
  if (name == "actors")
    out << "\nParameters (the value is the point analyze uses; the 90% range is what "
           "simulate --draw-parameters draws from and sensitivity varies over):\n"
        << actor_parameter_table(c).plain();
  if (!t.more.empty()) out << '\n';
  for (const auto& [label, k] : t.more) out << fmt::format("{}: {}\n", label, cited_line(c, *k));
}

}  // namespace

std::vector<std::string> catalog_topics() {
  std::vector<std::string> out;
  for (const TopicSpec& s : kTopicSpecs) out.push_back(s.name);
  return out;
}

void render_catalog_summary(std::ostream& out, const Catalog& c) {
  TextTable t;
  t.header = {"topic", "entries"};
  for (const TopicSpec& s : kTopicSpecs)
    t.rows.push_back({s.name, std::to_string(topic(c, s.name).table.rows.size())});
  out << t.plain();
}

void render_catalog_topic(std::ostream& out, const Catalog& c, const std::string& name,
                          bool detail) {
  const Topic t = topic(c, name);
  out << t.table.plain();
  if (detail) write_detail(out, c, t, name);
}

}  // namespace plainsight
