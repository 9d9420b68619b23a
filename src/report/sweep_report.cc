#include "report/sweep_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/quantity.h"
#include "report/escaping.h"
#include "report/plot_axis.h"
#include "report/text_table.h"
#include "report/threat_phrases.h"

namespace plainsight {
namespace {

std::string probability_text(const SweepActorResult& a) {
  return fmt::format("{:.4f} ({:.4f}..{:.4f})", a.probability, a.ci_low, a.ci_high);
}

}  // namespace

std::string actor_tag(const std::string& id) {
  std::string out;
  for (char c : id) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string cc_extra_run_time(const GridPoint& p) {
  if (!p.run_off_s || !p.run_on_s) return "";
  return fmt::format("{} ({:.1f}%)", format_duration(*p.run_on_s - *p.run_off_s),
                     100 * (*p.run_on_s - *p.run_off_s) / *p.run_off_s);
}

std::string base_unit(const SweepAxis& axis) {
  return axis.quantity ? base_unit_name(*axis.quantity) : "";
}

std::string axis_kind(const SweepAxis& axis) {
  if (axis.quantity) {
    switch (*axis.quantity) {
      case QuantityKind::duration:
        return "duration";
      case QuantityKind::size:
        return "size";
      case QuantityKind::bandwidth:
        return "bandwidth";
      case QuantityKind::rate:
        return "rate";
    }
  }
  return axis.numeric() ? "number" : "choice";
}

void sweep_csv(std::ostream& out, const SweepResult& s) {
  std::vector<std::string> header{"point"};
  for (const SweepAxis& a : s.axes) {
    header.push_back(a.key);
    if (a.numeric())
      header.push_back(base_unit(a).empty() ? a.key + " (number)"
                                            : fmt::format("{} ({})", a.key, base_unit(a)));
  }
  for (const char* h : {"status", "ceiling", "breached_by", "horizon_s", "plaintext_total_s",
                        "cc_run_off_s", "cc_run_on_s", "cc_overhead"})
    header.push_back(h);
  for (const std::string& id : s.actors)
    for (const char* suffix : {"p", "ci_low", "ci_high", "successes"})
      header.push_back(fmt::format("{}_{}", id, suffix));
  header.push_back("refusal");
  for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << csv_field(header[i]);
  out << "\r\n";
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const GridPoint& p = s.points[i];
    std::vector<std::string> row{std::to_string(i + 1)};
    for (std::size_t k = 0; k < s.axes.size(); ++k) {
      row.push_back(csv_field(s.axes[k].texts[p.values[k]]));
      if (s.axes[k].numeric()) row.push_back(csv_number(s.axes[k].numbers[p.values[k]]));
    }
    row.push_back(p.refused ? "refused" : "ok");
    if (p.refused) {
      row.insert(row.end(), 7, "");
      for (std::size_t a = 0; a < s.actors.size(); ++a) row.insert(row.end(), 4, "");
      row.push_back(csv_field(p.refusal));
    } else {
      row.push_back(csv_field(ceiling_label(p.ceiling)));
      row.push_back(csv_field(p.breached_by));
      row.push_back(csv_number(p.horizon_s));
      row.push_back(csv_number(p.plaintext_total_s));
      row.push_back(p.run_off_s ? csv_number(*p.run_off_s) : "");
      row.push_back(p.run_on_s ? csv_number(*p.run_on_s) : "");
      row.push_back(p.run_off_s && *p.run_off_s > 0
                        ? csv_number((*p.run_on_s - *p.run_off_s) / *p.run_off_s)
                        : "");
      for (const SweepActorResult& a : p.actors) {
        row.push_back(csv_number(a.probability));
        row.push_back(csv_number(a.ci_low));
        row.push_back(csv_number(a.ci_high));
        row.push_back(std::to_string(a.successes));
      }
      row.push_back("");
    }
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << row[c];
    out << "\r\n";
  }
}

void sweep_json(std::ostream& out, const SweepResult& s) {
  using json = nlohmann::ordered_json;
  json j;
  j["scenario"] = shown(s.scenario);
  j["horizon_s"] = s.horizon_s > 0 ? json(s.horizon_s) : json(nullptr);
  j["trials"] = s.trials;
  j["seed"] = s.seed;
  j["draw_parameters"] = s.draw_parameters;
  j["overrides"] = json::array();
  for (const std::string& set : s.sets) j["overrides"].push_back(shown(set));
  j["axes"] = json::array();
  for (const SweepAxis& a : s.axes) {
    json x;
    x["key"] = shown(a.key);
    x["kind"] = axis_kind(a);
    x["unit"] = base_unit(a);
    x["scale"] = !a.numeric() ? "categorical" : a.log ? "log" : "linear";
    x["values"] = json::array();
    for (const std::string& t : a.texts) x["values"].push_back(shown(t));
    x["numbers"] = a.numbers;
    x["actor_parameter"] = a.actor_parameter;
    j["axes"].push_back(std::move(x));
  }
  j["actors"] = s.actors;
  j["window_analyses"] = s.analyses;
  j["points"] = json::array();
  for (const GridPoint& p : s.points) {
    json x;
    x["values"] = json::object();
    for (std::size_t k = 0; k < s.axes.size(); ++k)
      x["values"][shown(s.axes[k].key)] = shown(s.axes[k].texts[p.values[k]]);
    x["refused"] = p.refused;
    if (p.refused) {
      x["refusal"] = shown(p.refusal);
      j["points"].push_back(std::move(x));
      continue;
    }
    x["ceiling"] = p.ceiling;
    x["ceiling_label"] = ceiling_label(p.ceiling);
    x["breached_by"] = p.breached_by.empty() ? json(nullptr) : json(p.breached_by);
    x["horizon_s"] = p.horizon_s;
    x["plaintext_total_s"] = p.plaintext_total_s;
    if (p.run_off_s) {
      x["cc"] = {{"run_off_s", *p.run_off_s},
                 {"run_on_s", *p.run_on_s},
                 {"extra_s", *p.run_on_s - *p.run_off_s},
                 {"overhead", *p.run_off_s > 0 ? (*p.run_on_s - *p.run_off_s) / *p.run_off_s : 0}};
    } else {
      x["cc"] = nullptr;
    }
    x["shared_analysis"] = p.shared_analysis;
    x["actors"] = json::array();
    for (const SweepActorResult& a : p.actors)
      x["actors"].push_back({{"actor", a.actor},
                             {"level", a.level},
                             {"probability", a.probability},
                             {"ci_low", a.ci_low},
                             {"ci_high", a.ci_high},
                             {"successes", a.successes}});
    j["points"].push_back(std::move(x));
  }
  out << j.dump(2) << "\n";
}

void sweep_table(std::ostream& out, const SweepResult& s) {
  out << shown(s.scenario) << "\n";
  for (const std::string& set : s.sets) out << "override: " << shown(set) << "\n";
  out << fmt::format(
      "sweep: {} point{}, {} window analys{}; {} trials per actor and point, seed "
      "{}{}\n\n",
      s.points.size(), s.points.size() == 1 ? "" : "s", s.analyses, s.analyses == 1 ? "is" : "es",
      format_count(static_cast<double>(s.trials)), s.seed,
      s.draw_parameters ? "; actor parameters drawn from their ranges" : "");
  TextTable t;
  for (const SweepAxis& a : s.axes) t.header.push_back(a.key);
  t.header.push_back("ceiling");
  t.header.push_back("plaintext total");
  bool cc = false;
  for (const GridPoint& p : s.points) cc |= p.run_off_s.has_value();
  if (cc) t.header.push_back("CC extra run time");
  for (const std::string& id : s.actors) t.header.push_back("P " + actor_tag(id) + " (95%)");
  bool refusals = false;
  for (const GridPoint& p : s.points) refusals |= p.refused;
  if (refusals) t.header.push_back("refused because");
  for (const GridPoint& p : s.points) {
    std::vector<std::string> row;
    for (std::size_t k = 0; k < s.axes.size(); ++k)
      row.push_back(shown(s.axes[k].texts[p.values[k]]));
    if (p.refused) {
      // The rule and its reason; the source's words are in the CSV and JSON.
      row.push_back("refused");
      while (row.size() < t.header.size() - 1) row.push_back("-");
      row.push_back(shown(p.refusal.substr(0, p.refusal.find("; "))));
      t.rows.push_back(std::move(row));
      continue;
    }
    row.push_back(ceiling_label(p.ceiling));
    row.push_back(format_duration(p.plaintext_total_s));
    if (cc) row.push_back(cc_extra_run_time(p));
    for (const SweepActorResult& a : p.actors) row.push_back(probability_text(a));
    if (refusals) row.push_back("");
    t.rows.push_back(std::move(row));
  }
  t.write_plain(out);
}

}  // namespace plainsight
