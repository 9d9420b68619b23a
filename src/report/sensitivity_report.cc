#include "report/sensitivity_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/escaping.h"
#include "report/plot_axis.h"
#include "report/range_phrase.h"
#include "report/sweep_report.h"
#include "report/text_table.h"
#include "report/threat_phrases.h"

namespace plainsight {
namespace {

std::string kind_name(Assumption::Kind k) {
  switch (k) {
    case Assumption::Kind::actor_parameter:
      return "actor_parameter";
    case Assumption::Kind::capability_ttc:
      return "capability_ttc";
    case Assumption::Kind::key_step_ttc:
      return "key_step_ttc";
    case Assumption::Kind::reduction_ttc:
      return "reduction_ttc";
    case Assumption::Kind::stage_duration:
      return "stage_duration";
    case Assumption::Kind::stage_bandwidth:
      return "stage_bandwidth";
  }
  return "";
}

std::string p_text(const SensitivityOutcome& o) {
  return fmt::format("{:.4f} ({:.4f}..{:.4f})", o.probability, o.ci_low, o.ci_high);
}

std::string verdict_word(const SensitivityResult& r, double p) {
  return p >= r.threshold ? fmt::format("P >= {:g}", r.threshold)
                          : fmt::format("P < {:g}", r.threshold);
}

// The assumption's own range, as the catalog or scenario stated it.
FigureRange own_range(const Assumption& a) {
  FigureRange r;
  r.low = a.low;
  r.high = a.high;
  r.source = a.range_source;
  r.cited = a.range_cited;
  return r;
}

std::string cited_name(FigureRange::Cited c) {
  return c == FigureRange::Cited::low ? "low" : c == FigureRange::Cited::high ? "high" : "both";
}

std::string spaced(const std::string& id) {
  std::string out = id;
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

}  // namespace

std::string assumption_label(const Assumption& a) {
  switch (a.kind) {
    case Assumption::Kind::actor_parameter:
      return actor_tag(a.subject) + " " + spaced(a.parameter);
    case Assumption::Kind::capability_ttc:
      return a.subject + ": time to compromise";
    case Assumption::Kind::key_step_ttc:
      return "key step " + a.subject + ": time";
    case Assumption::Kind::reduction_ttc:
      return a.parameter + " through " + a.subject + ": extra step";
    case Assumption::Kind::stage_duration:
      return "stage " + a.subject + ": " +
             (a.parameter == "lifetime" ? "lifetime" : "duration per event");
    case Assumption::Kind::stage_bandwidth:
      return "stage " + a.subject + ": bandwidth";
  }
  return a.subject;
}

std::string assumption_value(const Assumption& a, double v) { return format_quantity(a.unit, v); }

std::string assumption_range(const Assumption& a, double factor) {
  const std::string ends =
      fmt::format("{} .. {}", assumption_value(a, a.low), assumption_value(a, a.high));
  if (a.own_range && a.range_cited != FigureRange::Cited::both)
    return fmt::format("{} ({})", ends, range_origin(own_range(a), a.point));
  if (a.own_range)
    return fmt::format("{} (its 90% range: {})", ends, range_origin(own_range(a), a.point));
  return fmt::format("{} (x1/{:g} .. x{:g}{})", ends, factor, factor,
                     a.cut_at_horizon ? ", cut at the horizon or period" : "");
}

std::string flip_phrase(const SensitivityResult& r, const AssumptionEffect& e,
                        const VerdictFlip& f) {
  const std::string at = assumption_value(e.assumption, f.value);
  if (f.verdict == VerdictFlip::Verdict::ceiling)
    return fmt::format("ceiling {} -> {} at {}", ceiling_label(r.baseline.ceiling),
                       ceiling_label(f.at.ceiling), at);
  return fmt::format("{} -> {} at {}", verdict_word(r, r.baseline.probability),
                     verdict_word(r, f.at.probability), at);
}

std::string decisive_sentence(const SensitivityResult& r) {
  if (r.effects.empty())
    return "nothing the result rests on can be varied: no route reads the weights";
  if (!r.decisive) {
    const AssumptionEffect& e = r.effects.front();
    // Ranked by swing: a first of none is nothing moving at all (the ceiling moving would flip).
    if (e.swing == 0)
      return fmt::format(
          "no assumption changes {}'s P or the ceiling within its range (ceiling {}, P = {:.4f}, "
          "{})",
          actor_tag(r.actor), ceiling_label(r.baseline.ceiling), r.baseline.probability,
          verdict_word(r, r.baseline.probability));
    return fmt::format(
        "no assumption flips the verdict (ceiling {}, {}) within its range; the largest effect is "
        "{}: P {:.4f} at {} .. {:.4f} at {}",
        ceiling_label(r.baseline.ceiling), verdict_word(r, r.baseline.probability),
        assumption_label(e.assumption), e.at_low.probability,
        assumption_value(e.assumption, e.assumption.low), e.at_high.probability,
        assumption_value(e.assumption, e.assumption.high));
  }
  const AssumptionEffect& e = r.effects[*r.decisive];
  std::string flips;
  for (const VerdictFlip& f : e.flips) flips += (flips.empty() ? "" : "; ") + flip_phrase(r, e, f);
  return fmt::format("{} decides the answer (point {}): {}", assumption_label(e.assumption),
                     assumption_value(e.assumption, e.assumption.point), flips);
}

void sensitivity_table(std::ostream& out, const SensitivityResult& r) {
  out << shown(r.scenario) << "\n";
  for (const std::string& set : r.sets) out << "override: " << shown(set) << "\n";
  out << fmt::format("actor: {}; baseline: ceiling {}, P(full copy within {}) = {}\n",
                     actor_tag(r.actor), ceiling_label(r.baseline.ceiling),
                     format_duration(r.horizon_s), p_text(r.baseline));
  out << fmt::format(
      "{} assumptions, each over its range with the others at their points; {} "
      "trials per simulation, seed {}; verdicts: the ceiling, and P against {:g}\n",
      r.effects.size(), format_count(static_cast<double>(r.trials)), r.seed, r.threshold);
  out << "decides: " << shown(decisive_sentence(r)) << "\n\n";
  TextTable t;
  t.header = {"#",        "assumption", "point", "range",   "status",
              "P at low", "P at high",  "swing", "ceiling", "flips"};
  for (std::size_t i = 0; i < r.effects.size(); ++i) {
    const AssumptionEffect& e = r.effects[i];
    const Assumption& a = e.assumption;
    std::string flips;
    for (const VerdictFlip& f : e.flips)
      flips += (flips.empty() ? "" : "; ") + flip_phrase(r, e, f);
    t.rows.push_back(
        {std::to_string(i + 1), shown(assumption_label(a)), assumption_value(a, a.point),
         assumption_range(a, r.factor), std::string(to_string(a.status)),
         e.simulated ? fmt::format("{:.4f}", e.at_low.probability) : "(same)",
         e.simulated ? fmt::format("{:.4f}", e.at_high.probability) : "(same)",
         fmt::format("{:.4f}", e.swing),
         fmt::format("{} .. {}", ceiling_label(e.at_low.ceiling), ceiling_label(e.at_high.ceiling)),
         flips.empty() ? "-" : flips});
  }
  t.write_plain(out);
  out << "\n(same): the assumption cannot move the chosen actor's routes; it may still move the "
         "ceiling through another actor.\n";
}

void sensitivity_csv(std::ostream& out, const SensitivityResult& r) {
  const std::vector<std::string> header{"rank",          "kind",
                                        "subject",       "parameter",
                                        "unit",          "point",
                                        "low",           "high",
                                        "own_range",     "range_status",
                                        "range_cited",   "status",
                                        "p_low",         "p_low_ci_low",
                                        "p_low_ci_high", "p_high",
                                        "p_high_ci_low", "p_high_ci_high",
                                        "swing",         "ceiling_low",
                                        "ceiling_high",  "ceiling_flip_at",
                                        "p_flip_at"};
  for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << header[i];
  out << "\r\n";
  for (std::size_t i = 0; i < r.effects.size(); ++i) {
    const AssumptionEffect& e = r.effects[i];
    const Assumption& a = e.assumption;
    std::string ceiling_flip, p_flip;
    for (const VerdictFlip& f : e.flips)
      (f.verdict == VerdictFlip::Verdict::ceiling ? ceiling_flip : p_flip) = csv_number(f.value);
    const std::vector<std::string> row{
        std::to_string(i + 1),
        kind_name(a.kind),
        csv_field(a.subject),
        csv_field(a.parameter),
        base_unit_name(a.unit),
        csv_number(a.point),
        csv_number(a.low),
        csv_number(a.high),
        a.own_range ? "yes" : "no",
        a.own_range ? std::string(to_string(a.range_source.status)) : "",
        a.own_range ? cited_name(a.range_cited) : "",
        std::string(to_string(a.status)),
        csv_number(e.at_low.probability),
        csv_number(e.at_low.ci_low),
        csv_number(e.at_low.ci_high),
        csv_number(e.at_high.probability),
        csv_number(e.at_high.ci_low),
        csv_number(e.at_high.ci_high),
        csv_number(e.swing),
        ceiling_label(e.at_low.ceiling),
        ceiling_label(e.at_high.ceiling),
        ceiling_flip,
        p_flip};
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << row[c];
    out << "\r\n";
  }
}

void sensitivity_json(std::ostream& out, const SensitivityResult& r) {
  using json = nlohmann::ordered_json;
  auto outcome = [](const SensitivityOutcome& o) {
    return json{{"ceiling", o.ceiling},         {"ceiling_label", ceiling_label(o.ceiling)},
                {"probability", o.probability}, {"ci_low", o.ci_low},
                {"ci_high", o.ci_high},         {"successes", o.successes}};
  };
  json j;
  j["scenario"] = shown(r.scenario);
  j["horizon_s"] = r.horizon_s;
  j["actor"] = r.actor;
  j["level"] = r.level;
  j["trials"] = r.trials;
  j["seed"] = r.seed;
  j["factor"] = r.factor;
  j["threshold"] = r.threshold;
  j["overrides"] = json::array();
  for (const std::string& s : r.sets) j["overrides"].push_back(shown(s));
  j["baseline"] = outcome(r.baseline);
  j["decisive"] = r.decisive ? json(*r.decisive + 1) : json(nullptr);
  j["decides"] = shown(decisive_sentence(r));
  j["assumptions"] = json::array();
  for (std::size_t i = 0; i < r.effects.size(); ++i) {
    const AssumptionEffect& e = r.effects[i];
    const Assumption& a = e.assumption;
    json x{{"rank", i + 1},
           {"kind", kind_name(a.kind)},
           {"subject", shown(a.subject)},
           {"parameter", shown(a.parameter)},
           {"label", shown(assumption_label(a))},
           {"unit", base_unit_name(a.unit)},
           {"point", a.point},
           {"low", a.low},
           {"high", a.high},
           {"status", to_string(a.status)},
           {"own_range", a.own_range},
           {"cut", a.cut_at_horizon}};
    if (a.own_range)
      x["range_source"] = {
          {"id", a.range_source.id},
          {"status", to_string(a.range_source.status)},
          {"cited", cited_name(a.range_cited)},
          {"where", shown(a.range_source.where)},
          {a.range_source.verbatim ? "quote" : "paraphrase", shown(a.range_source.says)}};
    x["simulated"] = e.simulated;
    x["at_low"] = outcome(e.at_low);
    x["at_high"] = outcome(e.at_high);
    x["swing"] = e.swing;
    x["ceiling_swing"] = e.ceiling_swing;
    x["flips"] = json::array();
    for (const VerdictFlip& f : e.flips)
      x["flips"].push_back(
          {{"verdict", f.verdict == VerdictFlip::Verdict::ceiling ? "ceiling" : "probability"},
           {"side", f.high_side ? "high" : "low"},
           {"value", f.value},
           {"text", shown(flip_phrase(r, e, f))},
           {"at", outcome(f.at)}});
    j["assumptions"].push_back(std::move(x));
  }
  j["evaluations"] = r.evaluations;
  j["simulations"] = r.simulations;
  out << j.dump(2) << "\n";
}

}  // namespace plainsight
