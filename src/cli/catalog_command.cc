// plainsight catalog [TOPIC] [--detail]: what the model knows, with its sources and status.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.h"
#include "load/catalog_loader.h"
#include "load/did_you_mean.h"
#include "report/catalog_report.h"
#include "write/scenario_schema.h"

namespace plainsight::cli {

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
      fmt::join(catalog_topics(), ", ")));
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
      render_catalog_summary(std::cout, c);
      return;
    }
    const std::vector<std::string> topics = catalog_topics();
    if (std::find(topics.begin(), topics.end(), *name) == topics.end())
      throw CLI::ValidationError("topic",
                                 fmt::format("unknown topic '{}'{}; topics: {}", *name,
                                             did_you_mean(*name, topics), fmt::join(topics, ", ")));
    render_catalog_topic(std::cout, c, *name, *detail);
  });
}

}  // namespace plainsight::cli
