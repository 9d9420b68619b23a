#include "report/measurement_phrase.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/quantity.h"
#include "report/figure_phrase.h"

namespace plainsight {
namespace {

// " k=v" for each param.
std::string params_text(const ParamList& params) {
  std::string out;
  for (const auto& [k, v] : params) out += fmt::format(" {}={}", k, v);
  return out;
}

std::string who(const Considered& e) { return e.probe + " in " + e.file; }

// Where the GPU facet of a result stands: "on NVIDIA H100 (h100, hopper)".
std::string gpu_measured(const FacetMismatch& x) {
  return x.measured_class.empty()
             ? fmt::format("on '{}', a GPU the probe map does not know", x.measured)
             : fmt::format("on {} ({}, {})", x.measured, x.measured_class, x.measured_generation);
}

// The catalog figure a probe result replaced, by its numbers: "datasheet figure 2.188 s
// (140 GB / 64 GB/s) [pcie5-spec]".
std::string catalog_text(const Figure& f) {
  std::string out = fmt::format("{} figure {}", to_string(f.provenance), format_duration(f.value));
  if (const std::string written = written_phrase(f); !written.empty())
    out += " (" + written + ")";
  else if (f.how.bandwidth_Bps > 0)
    out +=
        fmt::format(" ({} / {})", format_bytes(f.how.bytes), format_bandwidth(f.how.bandwidth_Bps));
  if (!f.source.empty()) out += " [" + f.source + "]";
  return out;
}

// The words of each kind of bound: what it is (for a stage that has none), what names one
// ({} is the link or figure id), and what a result beyond it does.
struct BoundWords {
  const char* kind;
  const char* named;
  const char* beyond;
};

BoundWords bound_words(ProbeBound::Kind k) {
  using BK = ProbeBound::Kind;
  switch (k) {
    case BK::link_transfer:
      return {"the datasheet bandwidth of the stage's link", "the datasheet bandwidth of link '{}'",
              "more than the link can carry"};
    case BK::link_node:
      return {"the bandwidth one node has over the stage's fabric (links.yaml node_bandwidth)",
              "the bandwidth one node has over link '{}', all its ports",
              "more than the node can send over its fabric"};
    case BK::figure:
      return {"a catalog figure", "figure '{}'", "faster than that bound allows"};
    case BK::none:
      break;
  }
  return {"no bound", "{}", ""};
}

// The bound a result went beyond, with its figure and source: "the datasheet bandwidth of
// link 'pcie_gen5_x16' (63 GB/s [pcie5-spec])".
std::string bound_text(const Considered& e) {
  std::string out = fmt::format(fmt::runtime(bound_words(e.bound_kind).named), e.bound_id);
  out += fmt::format(" ({} [{}]", format_bandwidth(e.bound_Bps), e.bound_source);
  if (!e.bound_medium.empty())
    out += fmt::format(", the fastest catalog link of medium '{}': the stage names none with one",
                       e.bound_medium);
  return out + ")";
}

std::string why_outranked(const Considered& e) {
  using R = Considered::Rank;
  switch (e.outranked_by) {
    case R::device_before_emulation:
      return "an emulation ranks below a device measurement";
    case R::closer_platform_match:
      return "a closer platform match was used";
    case R::probe_map_order:
      return "lower in the probe map's order";
    case R::larger_sweep:
      return fmt::format("the larger sweep was used ({} sizes against {})", e.chosen_sizes,
                         e.sizes);
    case R::later_run:
      return fmt::format("the later run was used ({} against {})",
                         e.chosen_started_at.empty() ? "?" : e.chosen_started_at,
                         e.started_at.empty() ? "an unknown time" : e.started_at);
    case R::file_order:
      return "the file given first was used";
  }
  return "";
}

}  // namespace

std::string fit_phrase(const LinearFit& f) {
  if (f.bandwidth_Bps <= 0)
    return fmt::format("t = {} flat over the sweep (no size dependence to fit)",
                       format_duration(f.latency_s));
  return fmt::format("t = {} + bytes / {} (R^2 {:.4f}, rms error {:.1f}%{})",
                     format_duration(f.latency_s), format_bandwidth(f.bandwidth_Bps), f.r2,
                     100 * f.rms_relative, f.latency_clamped ? ", latency clamped to 0" : "");
}

std::string estimate_phrase(const SweepEstimate& e, const LinearFit& fit) {
  using B = SweepEstimate::Basis;
  switch (e.basis) {
    case B::median:
      return fmt::format("the median at {}", format_bytes(e.bytes));
    case B::interpolated:
      return fmt::format("interpolated between the {} and {} medians", format_bytes(e.lower_bytes),
                         format_bytes(e.upper_bytes));
    case B::extrapolated:
      break;
  }
  std::string out = fmt::format(
      "{} the measured {} .. {}, {:.3g}x; {}", e.bytes > e.upper_bytes ? "beyond" : "below",
      format_bytes(e.lower_bytes), format_bytes(e.upper_bytes), e.extrapolation, fit_phrase(fit));
  if (e.tail_bandwidth_Bps > 0)
    out += fmt::format("; caution: the two largest sizes run at {}, not {}",
                       format_bandwidth(e.tail_bandwidth_Bps), format_bandwidth(fit.bandwidth_Bps));
  return out;
}

std::string fit_violation_phrase(const FitViolation& v) {
  using B = FitViolation::Bound;
  switch (v.bound) {
    case B::size_gap:
      return fmt::format("{} between the measured {} and {}, {:.3g}x apart (at most {:g}x)",
                         v.fitted ? "a fit over a step" : "interpolated",
                         format_bytes(v.from_bytes), format_bytes(v.to_bytes), v.value, v.limit);
    case B::sizes:
      return fmt::format("{} measured sizes (a fit needs at least {:g})",
                         static_cast<std::size_t>(v.value), v.limit);
    case B::r2:
      return fmt::format("R^2 {:.4f} (at least {:g})", v.value, v.limit);
    case B::rms_error:
      return fmt::format("rms error {:.1f}% (at most {:g}%)", 100 * v.value, 100 * v.limit);
    case B::extrapolation:
      return fmt::format("{:.3g}x outside the measured sizes (at most {:g}x)", v.value, v.limit);
  }
  return "";
}

std::string mismatch_phrase(const FacetMismatch& x) {
  const std::string facet = to_string(x.facet);
  if (x.link_unclassified)
    return x.link.empty() ? fmt::format("the stage names no link, so its {} is unknown", facet)
                          : fmt::format("the stage's link '{}' is in no {} class of the probe map",
                                        x.link, facet);
  switch (x.facet) {
    case PlatformFacet::gpu:
      return fmt::format("was measured {}; the scenario runs {} ({})", gpu_measured(x), x.wanted,
                         x.wanted_generation);
    case PlatformFacet::cc:
      return fmt::format("was measured with CC {}; the scenario runs CC {}", x.measured, x.wanted);
    case PlatformFacet::multi_gpu_mode:
      if (x.measured.empty())
        return fmt::format("does not record its multi-GPU mode; the scenario runs {}", x.wanted);
      return fmt::format("was measured in multi-GPU mode {}; the scenario runs {}", x.measured,
                         x.wanted);
    case PlatformFacet::fabric:
      if (x.measured.empty())
        return fmt::format("does not say which fabric it crossed; the stage runs on {}",
                           x.wanted_name);
      return fmt::format("crossed {}{}; the stage runs on {} ({})", x.measured,
                         x.same_node ? " (its ranks shared one node: no fabric at all)" : "",
                         x.wanted_name, x.wanted);
    case PlatformFacet::storage: {
      const std::string what =
          x.measured.empty() ? std::string("an unnamed file system")
          : !x.measured_class.empty()
              ? fmt::format("{} ({})", x.measured, x.measured_class)
              : fmt::format("{}, in no storage class of the probe map", x.measured);
      return fmt::format("was written to {}; the stage's {} is {}", what, x.link, x.wanted_name);
    }
  }
  return "";
}

std::string forced_phrase(const FacetMismatch& x) {
  if (x.link_unclassified)
    return fmt::format("applied to a stage of unknown {} by --allow-mismatch", to_string(x.facet));
  switch (x.facet) {
    case PlatformFacet::gpu:
      return fmt::format("measured {}, applied to {} by --allow-mismatch", gpu_measured(x),
                         x.wanted);
    case PlatformFacet::cc:
      return fmt::format("measured with CC {}, applied to CC {} by --allow-mismatch", x.measured,
                         x.wanted);
    case PlatformFacet::multi_gpu_mode:
      if (x.measured.empty())
        return fmt::format("multi-GPU mode not recorded, applied to {} by --allow-mismatch",
                           x.wanted);
      return fmt::format("measured in multi-GPU mode {}, applied to {} by --allow-mismatch",
                         x.measured, x.wanted);
    case PlatformFacet::fabric:
      return fmt::format("measured on {}, applied to {} by --allow-mismatch",
                         x.measured.empty() ? "an unnamed fabric" : x.measured, x.wanted);
    case PlatformFacet::storage:
      return fmt::format("written to {}, applied to {} by --allow-mismatch",
                         x.measured.empty() ? "?" : x.measured, x.wanted);
  }
  return "";
}

std::string match_note_phrase(MatchNote note) {
  switch (note) {
    case MatchNote::protected_pcie_recorded_as_cc_off:
      return "recorded as CC off in multi-GPU mode protected PCIe: a protected-PCIe node";
    case MatchNote::multi_gpu_mode_taken_as_none:
      return "multi-GPU mode not recorded, taken as none";
  }
  return "";
}

std::string machine_phrase(const MachineIdentity& m) {
  std::string out = m.hostname.empty() ? "unnamed host" : m.hostname;
  std::vector<std::string> parts;
  if (!m.cpu_model.empty())
    parts.push_back(m.logical_cores > 0 ? fmt::format("{}, {} cores", m.cpu_model, m.logical_cores)
                                        : m.cpu_model);
  if (!m.gpus.empty()) {
    std::string g = m.gpus.front();
    if (m.gpus.size() > 1) g = fmt::format("{}x {}", m.gpus.size(), g);
    parts.push_back(g + (m.cc.empty() ? "" : ", CC " + m.cc));
  }
  if (!parts.empty()) out += " (" + fmt::format("{}", fmt::join(parts, "; ")) + ")";
  return out;
}

std::string probe_account_phrase(const ProbeAccount& a) {
  const SweepEstimate& e = a.estimate;
  std::string out =
      fmt::format("{} ({}{}{}, {} sizes) on {}: {} for {}", a.label, a.probe, params_text(a.params),
                  params_text(a.series), a.points, machine_phrase(a.machine),
                  estimate_phrase(e, a.fit), format_bytes(e.bytes));
  if (e.provenance == Provenance::measured) out += "; fit " + fit_phrase(a.fit);
  if (a.host_result) out += "; host result, applies on any platform";
  if (a.emulation)
    out += "; emulation on the host, not the device path (used by --allow-emulation)";
  for (MatchNote n : a.notes) out += "; " + match_note_phrase(n);
  for (const FacetMismatch& x : a.forced) out += "; " + forced_phrase(x);
  return out;
}

std::string considered_phrase(const Considered& e) {
  using K = Considered::Kind;
  switch (e.kind) {
    case K::unknown_cc_state:
      return fmt::format("{} has confidential-computing state '{}', neither on nor off: not used",
                         who(e), e.value);
    case K::mismatch:
      return fmt::format("{} {}: not used{}", who(e), mismatch_phrase(e.mismatch),
                         e.allowable ? " (--allow-mismatch uses it)" : "");
    case K::emulation_cc_off:
      return who(e) +
             " is an emulation of the CC copy path on the host CPU: never used on a CC-off "
             "platform";
    case K::emulation_not_needed:
      return who(e) + ": an emulation, not needed: a device measurement applies";
    case K::emulation_not_allowed:
      return who(e) +
             " is an emulation on the host CPU, ranked below the datasheet: not used "
             "(--allow-emulation uses it where no device measurement applies)";
    case K::out_of_bounds: {
      std::vector<std::string> broken;
      for (const FitViolation& v : e.violations) broken.push_back(fit_violation_phrase(v));
      return fmt::format("{} ({} sizes, {} .. {}) cannot stand for {}: its {} out of bounds: {}",
                         who(e), e.sizes, format_bytes(e.min_bytes), format_bytes(e.max_bytes),
                         format_bytes(e.bytes), e.fitted ? "fit is" : "medians are",
                         fmt::join(broken, ", "));
    }
    case K::beyond_bound:
      return fmt::format(
          "{} runs at {} at {} (bytes / median), {:.3g}x {}: {} (at most {:g}x, "
          "model/probe_map.yaml bound_factor): not used",
          who(e), format_bandwidth(e.fastest_Bps), format_bytes(e.fastest_at_bytes),
          e.fastest_Bps / e.bound_Bps, bound_text(e), bound_words(e.bound_kind).beyond,
          e.bound_factor);
    case K::no_bound:
      return fmt::format(
          "{} is bounded by {}, and no catalog link of medium '{}' gives one: nothing can check "
          "it: not used",
          who(e), bound_words(e.bound_kind).kind, e.bound_medium);
    case K::outranked:
      return fmt::format("{} in {}{} ({} sizes) gives {}, {:+.1f}% against {}: not used, {}",
                         e.probe, e.file, params_text(e.series), e.sizes,
                         format_duration(e.seconds), 100 * (e.seconds / e.chosen_seconds - 1),
                         e.chosen_file, why_outranked(e));
    case K::catalog_replaced:
      if (!e.catalog) return "";
      return catalog_text(*e.catalog) +
             (e.by_emulation ? ": ranks above an emulation; replaced because --allow-emulation asks"
                             : ": replaced by a probe result for this stage and platform");
  }
  return "";
}

std::string cc_pair_refusal_phrase(const CcPair& pair) {
  return fmt::format(
      "CC on ({}, {}) is faster than CC off ({}, {}), by {:.1f}%: confidential mode adds work "
      "to the path and cannot save time, so the pair gives no CC cost",
      format_duration(pair.on.value), pair.on.source, format_duration(pair.off.value),
      pair.off.source, 100 * (1 - pair.on.value / pair.off.value));
}

}  // namespace plainsight
