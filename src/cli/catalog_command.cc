// plainsight catalog [TOPIC]: what the model knows, with sources.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/quantity.h"
#include "load/catalog_loader.h"
#include "load/did_you_mean.h"
#include "report/text_table.h"

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

TextTable topic_table(const Catalog& c, const std::string& topic) {
  TextTable t;
  if (topic == "media") {
    t.header = {"id", "name", "kind", "description"};
    for (const auto& m : c.media) t.rows.push_back({m.id, m.name, m.kind, m.description});
  } else if (topic == "gpus" || topic == "cpu_tees" || topic == "key_custodies") {
    const auto& list = topic == "gpus"       ? c.gpus
                       : topic == "cpu_tees" ? c.cpu_tees
                                             : c.key_custodies;
    t.header = {"id", "name", "status", "attributes / key readers", "source"};
    for (const auto& o : list)
      t.rows.push_back({o.id, o.name, o.status,
                        topic == "key_custodies" ? join(o.key_readers) : attrs(o.attributes),
                        o.source});
  } else if (topic == "links") {
    t.header = {"id", "name", "medium", "bandwidth", "source"};
    for (const auto& l : c.links)
      t.rows.push_back({l.id, l.name, l.medium,
                        l.bandwidth_per_TiB_Bps > 0
                            ? format_bandwidth(l.bandwidth_per_TiB_Bps) + " per TiB"
                        : l.bandwidth_Bps > 0 ? format_bandwidth(l.bandwidth_Bps)
                                              : "-",
                        l.source});
  } else if (topic == "protections") {
    t.header = {"id",     "medium",        "when",        "state",
                "blocks", "patterns only", "key readers", "source"};
    for (const auto& p : c.protections) {
      std::string when;
      for (const auto& [k, v] : p.when) when += (when.empty() ? "" : ", ") + k + "=" + join(v);
      t.rows.push_back({p.id, p.medium, when.empty() ? "(default)" : when,
                        std::string(to_string(p.state)), join(p.blocks), join(p.patterns_only),
                        join(p.key_readers), p.source});
    }
  } else if (topic == "capabilities") {
    t.header = {"id", "name", "reaches", "yields", "source"};
    for (const auto& k : c.capabilities)
      t.rows.push_back({k.id, k.name, join(k.reaches), std::string(to_string(k.yields)), k.source});
  } else if (topic == "actors") {
    t.header = {"id", "level", "name", "capabilities", "source"};
    for (const auto& a : c.actors)
      t.rows.push_back({a.id, std::to_string(a.level), a.name, join(a.capabilities), a.source});
  } else if (topic == "controls") {
    t.header = {"id", "name", "cost", "sets", "source"};
    for (const auto& k : c.controls)
      t.rows.push_back({k.id, k.name, fmt::format("{:g}", k.cost), attrs(k.sets), k.source});
  } else if (topic == "figures") {
    t.header = {"id", "value", "unit", "description", "source"};
    for (const auto& f : c.figures)
      t.rows.push_back({f.id, fmt::format("{:g}", f.value), f.unit, f.description, f.source});
  } else if (topic == "sources") {
    t.header = {"id", "publisher", "year", "title", "url"};
    for (const auto& s : c.sources) t.rows.push_back({s.id, s.publisher, s.year, s.title, s.url});
  }
  return t;
}

const std::vector<std::string> kTopics{"media",    "gpus",        "cpu_tees",     "key_custodies",
                                       "links",    "protections", "capabilities", "actors",
                                       "controls", "figures",     "sources"};

}  // namespace

void add_catalog_command(CLI::App& app, std::shared_ptr<Globals> globals) {
  auto topic = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("catalog", "Show the model catalog (model/*.yaml) with its sources");
  cmd->footer(
      "Topics: media, gpus, cpu_tees, key_custodies, links, protections, capabilities, "
      "actors, controls, figures, sources\nExample:\n  plainsight catalog protections");
  cmd->add_option("topic", *topic, "What to show; without it, a summary of every topic");
  cmd->callback([topic, globals] {
    Catalog c = load_catalog_for(*globals);
    if (topic->empty()) {
      TextTable t;
      t.header = {"topic", "entries"};
      for (const auto& k : kTopics)
        t.rows.push_back({k, std::to_string(topic_table(c, k).rows.size())});
      std::cout << t.plain();
      return;
    }
    if (std::find(kTopics.begin(), kTopics.end(), *topic) == kTopics.end())
      throw CLI::ValidationError("topic",
                                 fmt::format("unknown topic '{}'{}; topics: {}", *topic,
                                             did_you_mean(*topic, kTopics), join(kTopics)));
    std::cout << topic_table(c, *topic).plain();
  });
}

}  // namespace plainsight::cli
