// plainsight catalog [TOPIC] [--detail]: what the model knows, with its sources and status.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/quantity.h"
#include "load/catalog_loader.h"
#include "load/did_you_mean.h"
#include "report/actor_parameters.h"
#include "report/citation_phrase.h"
#include "report/text_table.h"
#include "write/scenario_schema.h"

namespace plainsight::cli {
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

Topic topic(const Catalog& c, const std::string& name) {
  Topic t;
  TextTable& tb = t.table;
  if (name == "media") {
    tb.header = {"id", "name", "kind", "description"};
    for (const auto& m : c.media) tb.rows.push_back({m.id, m.name, m.kind, m.description});
  } else if (name == "gpus" || name == "cpu_tees" || name == "key_custodies") {
    const auto& list = name == "gpus" ? c.gpus : name == "cpu_tees" ? c.cpu_tees : c.key_custodies;
    tb.header = {"id", "name", name == "key_custodies" ? "key readers / release" : "attributes",
                 "status", "source"};
    for (const auto& o : list) {
      std::string what = name == "key_custodies"
                             ? join(o.key_readers) +
                                   (o.key_release.empty() ? "" : "; released on " + o.key_release)
                             : attrs(o.attributes);
      for (const auto& [k, f] : o.figures)
        what += (what.empty() ? "" : ", ") + k + "=" + format_bytes(f.figure.value);
      add(t, o.id, o, {o.id, o.name, what});
      for (const auto& [k, f] : o.figures) t.facts.push_back({o.id + " " + k, &f});
    }
  } else if (name == "links") {
    tb.header = {"id", "name", "medium", "bandwidth", "status", "source"};
    for (const auto& l : c.links)
      add(t, l.id, l,
          {l.id, l.name, l.medium,
           l.bandwidth_per_TiB_Bps > 0 ? format_bandwidth(l.bandwidth_per_TiB_Bps) + " per TiB"
           : l.bandwidth_Bps > 0       ? format_bandwidth(l.bandwidth_Bps)
                                       : "-"});
  } else if (name == "protections") {
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
        t.more.push_back(
            {p.id + ": " + x.capability + " extracts the " + x.key + " key", &x.source});
    }
  } else if (name == "capabilities") {
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
  } else if (name == "actors") {
    tb.header = {"id", "level", "name", "capabilities", "status", "source"};
    for (const auto& a : c.actors) {
      add(t, a.id, a, {a.id, std::to_string(a.level), a.name, join(a.capabilities)});
      for (const auto& [k, src] : a.parameter_sources) t.more.push_back({a.id + " " + k, &src});
      for (const auto& [k, range] : a.parameter_ranges)
        t.more.push_back({a.id + " " + k + " range", &range.source});
      for (const auto& f : a.place_reach)
        t.more.push_back({fmt::format("{} at {}: time to compromise x{:g}", a.id,
                                      conditions(f.when), f.ttc_factor),
                          &f.source});
    }
  } else if (name == "controls") {
    tb.header = {"id",     "name",  "cost", "places", "sets (first the place allows)",
                 "status", "source"};
    for (const auto& k : c.controls) {
      std::string sets;
      for (const ControlSetting& x : k.sets) {
        std::string values;
        for (const auto& v : x.values) values += (values.empty() ? "" : "|") + v;
        sets += (sets.empty() ? "" : ", ") + x.key + "=" + values;
      }
      add(t, k.id, k,
          {k.id, k.name, fmt::format("{:g}", k.cost),
           k.places.empty() ? "every place" : conditions(k.places), sets});
      t.more.push_back({k.id + " cost", &k.cost_source});
    }
  } else if (name == "offerings") {
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
  } else if (name == "figures") {
    tb.header = {"id", "value", "unit", "description", "status", "source"};
    for (const auto& f : c.figures)
      add(t, f.id, f, {f.id, fmt::format("{:g}", f.value), f.unit, f.description});
  } else if (name == "cc_costs") {
    tb.header = {"id", "medium", "when", "transfers", "figure", "borrowed"};
    for (const auto& k : c.cc_costs) {
      tb.rows.push_back({k.id, k.medium, conditions(k.when),
                         k.transfers.empty() ? "all" : join(k.transfers), k.figure,
                         k.borrowed ? std::string(to_string(k.borrowed_because.status)) : "no"});
      if (k.borrowed) t.more.push_back({k.id + " borrowed", &k.borrowed_because});
    }
    for (const auto& k : c.run_costs)
      tb.rows.push_back({k.id, "(whole run)", conditions(k.when), "run",
                         k.extra_figure.empty() ? join(k.throughput_loss)
                                                : k.extra_figure + " of " + k.run_figure,
                         "no"});
  } else if (name == "platform_rules") {
    tb.header = {"id", "refuses", "why", "status", "source"};
    for (const auto& r : c.refusals) add(t, r.id, r, {r.id, conditions(r.when), r.message});
  } else if (name == "key_steps") {
    tb.header = {"id", "name", "uses", "releases", "ttc", "status", "source"};
    for (const auto& k : c.key_steps) {
      add(t, k.id, k,
          {k.id, k.name, k.uses + " key", "custodies released on " + k.releases, k.ttc.text});
      t.more.push_back({k.id + " ttc", &k.ttc_source});
    }
  } else if (name == "sources") {
    tb.header = {"id", "publisher", "date", "title", "url"};
    for (const auto& s : c.sources) tb.rows.push_back({s.id, s.publisher, s.date, s.title, s.url});
  }
  return t;
}

void print_detail(const Catalog& c, const Topic& t, const std::string& name) {
  if (name == "sources") {
    for (const auto& s : c.sources)
      if (!s.read.empty()) std::cout << fmt::format("\n{}: read as {}", s.id, s.read);
    std::cout << '\n';
    return;
  }
  for (const auto& [id, x] : t.facts) {
    std::cout << fmt::format("\n{}\n  rests on: {}\n", id, cited_line(c, x->source));
    for (const Citation& k : x->also) std::cout << fmt::format("  also: {}\n", cited_line(c, k));
    for (const Citation& k : x->disputed_by)
      std::cout << fmt::format("  disputed by: {}\n", cited_line(c, k));
  }
  if (name == "actors")
    std::cout << "\nParameters (the value is the point analyze uses; the 90% range is what "
                 "simulate --draw-parameters draws from and sensitivity varies over):\n"
              << actor_parameter_table(c).plain();
  if (!t.more.empty()) std::cout << '\n';
  for (const auto& [label, k] : t.more)
    std::cout << fmt::format("{}: {}\n", label, cited_line(c, *k));
}

const std::vector<std::string> kTopics{
    "media",       "gpus",         "cpu_tees",       "key_custodies", "links",
    "protections", "capabilities", "actors",         "controls",      "offerings",
    "figures",     "cc_costs",     "platform_rules", "key_steps",     "sources"};

}  // namespace

void add_catalog_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  auto name = std::make_shared<std::string>();
  auto detail = std::make_shared<bool>(false);
  auto schema = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "catalog", "Show the model catalog (model/*.yaml) with each fact's source and status");
  cmd->footer(fmt::format(
      "Topics: {}\nStatus: shipping (a released product or driver), announced (a vendor "
      "roadmap), claimed (a third party's statement), research (shown in a paper), assumed "
      "(plainsight's own); 'disputed' when a source says otherwise.\nExamples:\n"
      "  plainsight catalog protections\n  plainsight catalog protections --detail\n"
      "  plainsight catalog offerings --detail\n  plainsight catalog sources\n"
      "  plainsight catalog --schema > docs/scenario.schema.json",
      join(kTopics)));
  cmd->add_option("topic", *name, "What to show; without it, a summary of every topic");
  cmd->add_flag("--detail", *detail,
                "Under the table, each fact's source: the sentence it rests on, supporting and "
                "disagreeing sources");
  cmd->add_flag("--schema", *schema,
                "Print the JSON Schema of scenario files (draft 2020-12, for editors), made from "
                "the loader's keys and this catalog's ids")
      ->excludes("--detail");
  cmd->callback([name, detail, schema, globals] {
    Catalog c = load_catalog_for(*globals);
    if (*schema) {
      if (!name->empty())
        throw CLI::ValidationError("--schema", "takes no topic: the schema covers every key");
      std::cout << scenario_schema_json(c);
      return;
    }
    if (name->empty()) {
      TextTable t;
      t.header = {"topic", "entries"};
      for (const auto& k : kTopics)
        t.rows.push_back({k, std::to_string(topic(c, k).table.rows.size())});
      std::cout << t.plain();
      return;
    }
    if (std::find(kTopics.begin(), kTopics.end(), *name) == kTopics.end())
      throw CLI::ValidationError("topic", fmt::format("unknown topic '{}'{}; topics: {}", *name,
                                                      did_you_mean(*name, kTopics), join(kTopics)));
    const Topic t = topic(c, *name);
    std::cout << t.table.plain();
    if (*detail) print_detail(c, t, *name);
  });
}

}  // namespace plainsight::cli
