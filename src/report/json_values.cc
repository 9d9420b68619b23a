#include "report/json_values.h"

#include "report/figure_phrase.h"
#include "report/measurement_phrase.h"

namespace plainsight {

nlohmann::ordered_json figure_json(const Catalog& c, const Figure& f) {
  nlohmann::ordered_json out = {{"value", f.value},
                                {"provenance", to_string(f.provenance)},
                                {"source", f.source},
                                {"detail", figure_how(c, f)}};
  // What else was weighed for the value (docs/measurements.md): only where there was a choice.
  if (!f.considered.empty()) {
    std::vector<std::string> lines;
    for (const Considered& k : f.considered) lines.push_back(considered_phrase(k));
    out["considered"] = lines;
  }
  return out;
}

nlohmann::ordered_json citation_json(const Catalog& c, const Citation& k) {
  const Source* s = c.source(k.id);
  return {{"source", k.id},
          {"title", s ? s->title : ""},
          {"status", to_string(k.status)},
          {"release", k.release},
          {"where", k.where},
          {k.verbatim ? "quote" : "paraphrase", k.says}};
}

}  // namespace plainsight
