// The words for typed measurement results: each kind of chain entry, platform mismatch, fit
// and account, as reports and warnings print them (docs/measurements.md quotes them). The
// analysis tests (tests/measure/measured_durations_test.cc) check the values behind them.
#include "report/measurement_phrase.h"

#include <memory>

#include <gtest/gtest.h>

#include "report/figure_phrase.h"

namespace plainsight {
namespace {

using CK = Considered::Kind;
constexpr double kMiB = 1 << 20;

FacetMismatch mismatch(PlatformFacet facet, const std::string& measured,
                       const std::string& wanted) {
  FacetMismatch x;
  x.facet = facet;
  x.measured = measured;
  x.wanted = wanted;
  return x;
}

Considered entry(CK kind, const std::string& probe = "cuda.h2d",
                 const std::string& file = "a.json") {
  Considered c;
  c.kind = kind;
  c.probe = probe;
  c.file = file;
  return c;
}

TEST(MismatchPhrase, EachFacetSaysBothSides) {
  FacetMismatch gpu = mismatch(PlatformFacet::gpu, "NVIDIA H100 80GB HBM3", "b200");
  gpu.measured_class = "h100";
  gpu.measured_generation = "hopper";
  gpu.wanted_generation = "blackwell";
  EXPECT_EQ(mismatch_phrase(gpu),
            "was measured on NVIDIA H100 80GB HBM3 (h100, hopper); the scenario runs b200 "
            "(blackwell)");
  EXPECT_EQ(forced_phrase(gpu),
            "measured on NVIDIA H100 80GB HBM3 (h100, hopper), applied to b200 by "
            "--allow-mismatch");
  gpu.measured_class.clear();
  EXPECT_EQ(mismatch_phrase(gpu),
            "was measured on 'NVIDIA H100 80GB HBM3', a GPU the probe map does not know; the "
            "scenario runs b200 (blackwell)");

  const FacetMismatch cc = mismatch(PlatformFacet::cc, "off", "on");
  EXPECT_EQ(mismatch_phrase(cc), "was measured with CC off; the scenario runs CC on");
  EXPECT_EQ(forced_phrase(cc), "measured with CC off, applied to CC on by --allow-mismatch");

  const FacetMismatch mode = mismatch(PlatformFacet::multi_gpu_mode, "none", "protected_pcie");
  EXPECT_EQ(mismatch_phrase(mode),
            "was measured in multi-GPU mode none; the scenario runs protected_pcie");
  EXPECT_EQ(forced_phrase(mode),
            "measured in multi-GPU mode none, applied to protected_pcie by --allow-mismatch");
  const FacetMismatch unrecorded = mismatch(PlatformFacet::multi_gpu_mode, "", "protected_pcie");
  EXPECT_EQ(mismatch_phrase(unrecorded),
            "does not record its multi-GPU mode; the scenario runs protected_pcie");
  EXPECT_EQ(forced_phrase(unrecorded),
            "multi-GPU mode not recorded, applied to protected_pcie by --allow-mismatch");

  FacetMismatch fabric = mismatch(PlatformFacet::fabric, "efa", "infiniband");
  fabric.wanted_name = "InfiniBand (RDMA)";
  EXPECT_EQ(mismatch_phrase(fabric),
            "crossed efa; the stage runs on InfiniBand (RDMA) (infiniband)");
  EXPECT_EQ(forced_phrase(fabric), "measured on efa, applied to infiniband by --allow-mismatch");
  FacetMismatch one_node = fabric;
  one_node.measured = "intra_node";
  one_node.same_node = true;
  EXPECT_EQ(mismatch_phrase(one_node),
            "crossed intra_node (its ranks shared one node: no fabric at all); the stage runs on "
            "InfiniBand (RDMA) (infiniband)");
  fabric.measured.clear();
  EXPECT_EQ(mismatch_phrase(fabric),
            "does not say which fabric it crossed; the stage runs on InfiniBand (RDMA)");
  EXPECT_EQ(forced_phrase(fabric),
            "measured on an unnamed fabric, applied to infiniband by --allow-mismatch");

  FacetMismatch storage = mismatch(PlatformFacet::storage, "ext4", "lustre");
  storage.measured_class = "a local file system on the machine's own disks";
  storage.wanted_name = "a Lustre parallel file system";
  storage.link = "fsx_lustre_p2_1000";
  EXPECT_EQ(mismatch_phrase(storage),
            "was written to ext4 (a local file system on the machine's own disks); the stage's "
            "fsx_lustre_p2_1000 is a Lustre parallel file system");
  EXPECT_EQ(forced_phrase(storage), "written to ext4, applied to lustre by --allow-mismatch");
  storage.measured_class.clear();
  EXPECT_EQ(mismatch_phrase(storage),
            "was written to ext4, in no storage class of the probe map; the stage's "
            "fsx_lustre_p2_1000 is a Lustre parallel file system");
  storage.measured.clear();
  EXPECT_EQ(mismatch_phrase(storage),
            "was written to an unnamed file system; the stage's fsx_lustre_p2_1000 is a Lustre "
            "parallel file system");
  EXPECT_EQ(forced_phrase(storage), "written to ?, applied to lustre by --allow-mismatch");

  FacetMismatch no_class = mismatch(PlatformFacet::fabric, "efa", "");
  no_class.link_unclassified = true;
  EXPECT_EQ(mismatch_phrase(no_class), "the stage names no link, so its fabric is unknown");
  no_class.link = "pcie_gen5_x16";
  EXPECT_EQ(mismatch_phrase(no_class),
            "the stage's link 'pcie_gen5_x16' is in no fabric class of the probe map");
  EXPECT_EQ(forced_phrase(no_class), "applied to a stage of unknown fabric by --allow-mismatch");
}

TEST(ConsideredPhrase, RefusalsSayWhy) {
  Considered m = entry(CK::mismatch);
  m.mismatch = mismatch(PlatformFacet::cc, "off", "on");
  m.allowable = true;
  EXPECT_EQ(considered_phrase(m),
            "cuda.h2d in a.json was measured with CC off; the scenario runs CC on: not used "
            "(--allow-mismatch uses it)");
  m.allowable = false;  // a CC pair never forces one state for the other
  EXPECT_EQ(considered_phrase(m),
            "cuda.h2d in a.json was measured with CC off; the scenario runs CC on: not used");

  Considered unknown = entry(CK::unknown_cc_state);
  unknown.value = "devtools";
  EXPECT_EQ(considered_phrase(unknown),
            "cuda.h2d in a.json has confidential-computing state 'devtools', neither on nor off: "
            "not used");

  EXPECT_EQ(considered_phrase(entry(CK::emulation_cc_off, "host.bounce_buffer", "h.json")),
            "host.bounce_buffer in h.json is an emulation of the CC copy path on the host CPU: "
            "never used on a CC-off platform");
  EXPECT_EQ(considered_phrase(entry(CK::emulation_not_needed, "host.bounce_buffer", "h.json")),
            "host.bounce_buffer in h.json: an emulation, not needed: a device measurement applies");
  EXPECT_EQ(considered_phrase(entry(CK::emulation_not_allowed, "host.bounce_buffer", "h.json")),
            "host.bounce_buffer in h.json is an emulation on the host CPU, ranked below the "
            "datasheet: not used (--allow-emulation uses it where no device measurement "
            "applies)");

  Considered fit = entry(CK::out_of_bounds, "host.envelope", "poor-fit.json");
  fit.sizes = 4;
  fit.min_bytes = kMiB;
  fit.max_bytes = 4096 * kMiB;
  fit.bytes = 140e9;
  fit.fitted = true;
  fit.violations = {{FitViolation::Bound::sizes, 2, 3},
                    {FitViolation::Bound::r2, 0.5, 0.99},
                    {FitViolation::Bound::rms_error, 0.2, 0.15},
                    {FitViolation::Bound::extrapolation, 1.34e5, 100}};
  EXPECT_EQ(considered_phrase(fit),
            "host.envelope in poor-fit.json (4 sizes, 1.049 MB .. 4.295 GB) cannot stand for "
            "140 GB: its fit is out of bounds: 2 measured sizes (a fit needs at least 3), R^2 "
            "0.5000 (at least 0.99), rms error 20.0% (at most 15%), 1.34e+05x outside the "
            "measured sizes (at most 100x)");
}

// Issue 21, class 4's refusals, in the words main's tests asserted before they were typed.
TEST(ConsideredPhrase, FarApartSizesAndASweepFasterThanItsLink) {
  Considered far = entry(CK::out_of_bounds, "cuda.h2d", "h2d-far-apart.json");
  far.sizes = 2;
  far.min_bytes = 1024;
  far.max_bytes = 1e15;
  far.bytes = 50.62e9;
  far.violations = {{FitViolation::Bound::size_gap, 9.77e11, 1024, 1024, 1e15, false}};
  EXPECT_EQ(considered_phrase(far),
            "cuda.h2d in h2d-far-apart.json (2 sizes, 1.024 kB .. 1 PB) cannot stand for "
            "50.62 GB: its medians are out of bounds: interpolated between the measured "
            "1.024 kB and 1 PB, 9.77e+11x apart (at most 1024x)");
  EXPECT_EQ(fit_violation_phrase({FitViolation::Bound::size_gap, 5e5, 1024, 2e3, 1e9, true}),
            "a fit over a step between the measured 2 kB and 1 GB, 5e+05x apart (at most "
            "1024x)");

  Considered link = entry(CK::beyond_bound, "cuda.h2d", "h2d-beyond-link.json");
  link.fastest_Bps = 6.992e12;
  link.fastest_at_bytes = 50.62e9;
  link.bound_kind = ProbeBound::Kind::link_transfer;
  link.bound_id = "pcie_gen5_x16";
  link.bound_source = "pcie5-spec";
  link.bound_Bps = 63e9;
  link.bound_factor = 1.1;
  EXPECT_EQ(considered_phrase(link),
            "cuda.h2d in h2d-beyond-link.json runs at 6.992 TB/s at 50.62 GB (bytes / median), "
            "111x the datasheet bandwidth of link 'pcie_gen5_x16' (63 GB/s [pcie5-spec]): more "
            "than the link can carry (at most 1.1x, model/probe_map.yaml bound_factor): not used");
  // Issue 21, class 4: every kind of bound names itself, its figure and its source.
  Considered node = entry(CK::beyond_bound, "nccl.all_reduce", "a.json");
  node.fastest_Bps = 5e15;
  node.fastest_at_bytes = 810e9;
  node.bound_kind = ProbeBound::Kind::link_node;
  node.bound_id = "efa_p5";
  node.bound_source = "aws-ec2-instance-types";
  node.bound_Bps = 400e9;
  node.bound_factor = 1.1;
  EXPECT_EQ(considered_phrase(node),
            "nccl.all_reduce in a.json runs at 5000 TB/s at 810 GB (bytes / median), 1.25e+04x "
            "the bandwidth one node has over link 'efa_p5', all its ports (400 GB/s "
            "[aws-ec2-instance-types]): more than the node can send over its fabric (at most "
            "1.1x, model/probe_map.yaml bound_factor): not used");
  Considered memory = node;
  memory.probe = "host.memcpy";
  memory.bound_kind = ProbeBound::Kind::figure;
  memory.bound_id = "host_memory_bandwidth_node_max";
  memory.bound_source = "nvidia-vera-cpu-page";
  memory.bound_Bps = 2.4e12;
  EXPECT_EQ(considered_phrase(memory),
            "host.memcpy in a.json runs at 5000 TB/s at 810 GB (bytes / median), 2.08e+03x "
            "figure 'host_memory_bandwidth_node_max' (2.4 TB/s [nvidia-vera-cpu-page]): faster "
            "than that bound allows (at most 1.1x, model/probe_map.yaml bound_factor): not used");
  Considered fallback = link;
  fallback.bound_id = "nvlink6";
  fallback.bound_medium = "nvlink";
  fallback.bound_source = "nvidia-rubin-blog";
  fallback.bound_Bps = 1.8e12;
  EXPECT_NE(considered_phrase(fallback).find(
                "(1.8 TB/s [nvidia-rubin-blog], the fastest catalog link of medium 'nvlink': the "
                "stage names none with one)"),
            std::string::npos)
      << considered_phrase(fallback);
  Considered none = entry(CK::no_bound, "fabric.tcp", "t.json");
  none.bound_kind = ProbeBound::Kind::link_transfer;
  none.bound_medium = "wan";
  EXPECT_EQ(considered_phrase(none),
            "fabric.tcp in t.json is bounded by the datasheet bandwidth of the stage's link, and "
            "no catalog link of medium 'wan' gives one: nothing can check it: not used");
}

TEST(CcPairRefusalPhrase, SaysBothFiguresAndByHowMuch) {
  CcPair pair;
  pair.off = Figure{35.0, Provenance::fitted, "off.json: cuda.h2d", {}};
  pair.on = Figure{4.375, Provenance::fitted, "on.json: cuda.h2d", {}};
  pair.refused = true;
  EXPECT_EQ(cc_pair_refusal_phrase(pair),
            "CC on (4.375 s, on.json: cuda.h2d) is faster than CC off (35 s, off.json: "
            "cuda.h2d), by 87.5%: confidential mode adds work to the path and cannot save "
            "time, so the pair gives no CC cost");
}

TEST(ConsideredPhrase, AnOutrankedSweepSaysByHowMuchAndWhy) {
  using R = Considered::Rank;
  Considered c = entry(CK::outranked, "cuda.h2d", "h2d-slow.json");
  c.series = {{"device", "0"}};
  c.sizes = 3;
  c.seconds = 2.025;
  c.chosen_seconds = 1.0125;
  c.chosen_file = "h2d-fast.json";
  c.outranked_by = R::larger_sweep;
  c.chosen_sizes = 5;
  EXPECT_EQ(considered_phrase(c),
            "cuda.h2d in h2d-slow.json device=0 (3 sizes) gives 2.025 s, +100.0% against "
            "h2d-fast.json: not used, the larger sweep was used (5 sizes against 3)");
  const std::string tail = "against h2d-fast.json: not used, ";
  auto why = [&](R rank) {
    c.outranked_by = rank;
    const std::string s = considered_phrase(c);
    return s.substr(s.find(tail) + tail.size());
  };
  EXPECT_EQ(why(R::device_before_emulation), "an emulation ranks below a device measurement");
  EXPECT_EQ(why(R::closer_platform_match), "a closer platform match was used");
  EXPECT_EQ(why(R::probe_map_order), "lower in the probe map's order");
  EXPECT_EQ(why(R::file_order), "the file given first was used");
  c.chosen_started_at = "2026-02-01T00:00:00Z";
  EXPECT_EQ(why(R::later_run),
            "the later run was used (2026-02-01T00:00:00Z against an unknown time)");
  c.chosen_started_at.clear();
  c.started_at = "2026-01-01T00:00:00Z";
  EXPECT_EQ(why(R::later_run), "the later run was used (? against 2026-01-01T00:00:00Z)");
}

TEST(ConsideredPhrase, TheReplacedCatalogFigureByItsNumbers) {
  auto datasheet = std::make_shared<Figure>();
  datasheet->value = 2;
  datasheet->provenance = Provenance::datasheet;
  datasheet->source = "pcie5-spec";
  datasheet->how.kind = Derivation::Kind::link;
  datasheet->how.bytes = 128e9;
  datasheet->how.bandwidth_Bps = 64e9;
  Considered c;
  c.kind = CK::catalog_replaced;
  c.catalog = datasheet;
  EXPECT_EQ(considered_phrase(c),
            "datasheet figure 2 s (128 GB / 64 GB/s) [pcie5-spec]: replaced by a probe result "
            "for this stage and platform");
  c.by_emulation = true;
  EXPECT_EQ(considered_phrase(c),
            "datasheet figure 2 s (128 GB / 64 GB/s) [pcie5-spec]: ranks above an emulation; "
            "replaced because --allow-emulation asks");
}

TEST(FitPhrase, LineFlatAndClamped) {
  LinearFit f;
  f.latency_s = 12e-6;
  f.bandwidth_Bps = 4.4e9;
  f.r2 = 0.99981;
  f.rms_relative = 0.012;
  EXPECT_EQ(fit_phrase(f), "t = 12 us + bytes / 4.4 GB/s (R^2 0.9998, rms error 1.2%)");
  f.latency_clamped = true;
  EXPECT_EQ(fit_phrase(f),
            "t = 12 us + bytes / 4.4 GB/s (R^2 0.9998, rms error 1.2%, latency clamped to 0)");
  f.bandwidth_Bps = 0;
  EXPECT_EQ(fit_phrase(f), "t = 12 us flat over the sweep (no size dependence to fit)");
}

TEST(EstimatePhrase, MedianInterpolatedAndExtrapolated) {
  LinearFit f;
  f.latency_s = 10e-6;
  f.bandwidth_Bps = 16e9;
  f.r2 = 1;
  SweepEstimate e;
  e.bytes = e.lower_bytes = e.upper_bytes = 64 * kMiB;
  EXPECT_EQ(estimate_phrase(e, f), "the median at 67.11 MB");
  e.basis = SweepEstimate::Basis::interpolated;
  e.bytes = 100e6;
  e.upper_bytes = 256 * kMiB;
  EXPECT_EQ(estimate_phrase(e, f), "interpolated between the 67.11 MB and 268.4 MB medians");
  e.basis = SweepEstimate::Basis::extrapolated;
  e.provenance = Provenance::fitted;
  e.bytes = 1e12;
  e.extrapolation = 1e12 / e.upper_bytes;
  e.tail_bandwidth_Bps = 4e9;
  EXPECT_EQ(estimate_phrase(e, f),
            "beyond the measured 67.11 MB .. 268.4 MB, 3.73e+03x; t = 10 us + bytes / 16 GB/s "
            "(R^2 1.0000, rms error 0.0%); caution: the two largest sizes run at 4 GB/s, not 16 "
            "GB/s");
  e.bytes = 1e6;
  e.tail_bandwidth_Bps = 0;
  e.extrapolation = e.lower_bytes / 1e6;
  EXPECT_EQ(estimate_phrase(e, f),
            "below the measured 67.11 MB .. 268.4 MB, 67.1x; t = 10 us + bytes / 16 GB/s (R^2 "
            "1.0000, rms error 0.0%)");
}

TEST(MachinePhrase, HostCpuAndGpus) {
  MachineIdentity m;
  EXPECT_EQ(machine_phrase(m), "unnamed host");
  m.hostname = "node17";
  m.cpu_model = "AMD EPYC 9R14";
  m.logical_cores = 2;
  EXPECT_EQ(machine_phrase(m), "node17 (AMD EPYC 9R14, 2 cores)");
  m.gpus = {"NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"};
  m.cc = "on";
  EXPECT_EQ(machine_phrase(m), "node17 (AMD EPYC 9R14, 2 cores; 2x NVIDIA H100 80GB HBM3, CC on)");
}

TEST(ProbeAccountPhrase, SaysWhatWhereHowAndWhatWasForced) {
  ProbeAccount a;
  a.file = "h.json";
  a.probe = "cuda.h2d";
  a.label = "host to GPU copy";
  a.params = {{"clock", "host"}};
  a.series = {{"device", "0"}};
  a.points = 5;
  a.machine.hostname = "node17";
  a.fit.latency_s = 10e-6;
  a.fit.bandwidth_Bps = 16e9;
  a.fit.r2 = 1;
  a.estimate.bytes = a.estimate.lower_bytes = a.estimate.upper_bytes = 64 * kMiB;
  EXPECT_EQ(probe_account_phrase(a),
            "host to GPU copy (cuda.h2d clock=host device=0, 5 sizes) on node17: the median at "
            "67.11 MB for 67.11 MB; fit t = 10 us + bytes / 16 GB/s (R^2 1.0000, rms error 0.0%)");
  a.estimate.provenance = Provenance::fitted;  // a fitted estimate says its fit in its basis
  a.host_result = true;
  a.emulation = true;
  a.notes = {MatchNote::multi_gpu_mode_taken_as_none, MatchNote::protected_pcie_recorded_as_cc_off};
  a.forced = {mismatch(PlatformFacet::cc, "off", "on")};
  EXPECT_EQ(probe_account_phrase(a),
            "host to GPU copy (cuda.h2d clock=host device=0, 5 sizes) on node17: the median at "
            "67.11 MB for 67.11 MB; host result, applies on any platform; emulation on the host, "
            "not the device path (used by --allow-emulation); multi-GPU mode not recorded, "
            "taken as none; recorded as CC off in multi-GPU mode protected PCIe: a "
            "protected-PCIe node; measured with CC off, applied to CC on by --allow-mismatch");
  // A figure with an account says it as its derivation.
  Figure f{1, Provenance::fitted, "h.json: cuda.h2d", std::make_shared<ProbeAccount>(a)};
  EXPECT_EQ(figure_how(Catalog{}, f), probe_account_phrase(a));
}

}  // namespace
}  // namespace plainsight
