// The words for what probe results gave and why others were not used: a figure's own account
// (core/probe_account.h), each entry of its chain (core/considered.h), a platform mismatch
// (core/facet_mismatch.h), a fit and its answer at a payload (core/sweep_fit.h). Shared by
// every format and by the warnings (warning_phrase.h); docs/measurements.md quotes them.
#pragma once

#include <string>

#include "core/considered.h"
#include "core/facet_mismatch.h"
#include "core/fit_violation.h"
#include "core/machine_identity.h"
#include "core/probe_account.h"
#include "core/sweep_fit.h"
#include "core/window.h"

namespace plainsight {

// "t = 12 us + bytes / 4.40 GB/s (R^2 0.9998, rms error 1.2%)"
std::string fit_phrase(const LinearFit& fit);
// "interpolated between the 64 MiB and 256 MiB medians", "beyond the measured 4 KiB .. 1 GiB,
// 16.3x; t = ..."
std::string estimate_phrase(const SweepEstimate& estimate, const LinearFit& fit);
// "R^2 0.9012 (at least 0.99)"
std::string fit_violation_phrase(const FitViolation& violation);
// "was measured with CC off; the scenario runs CC on"
std::string mismatch_phrase(const FacetMismatch& mismatch);
// "measured with CC off, applied to CC on by --allow-mismatch"
std::string forced_phrase(const FacetMismatch& mismatch);
// "multi-GPU mode not recorded, taken as none"
std::string match_note_phrase(MatchNote note);
// "node17 (AMD EPYC 9R14, 2 cores; NVIDIA H100 80GB HBM3, CC on)"
std::string machine_phrase(const MachineIdentity& machine);
// A probe figure's account: "CC copy host to GPU (cuda.h2d clock=host, 5 sizes) on node17
// (...): beyond the measured ... for 10.94 GB; host result, applies on any platform"
std::string probe_account_phrase(const ProbeAccount& account);
// One chain entry: "cuda.h2d in a.json was measured with CC off; the scenario runs CC on:
// not used (--allow-mismatch uses it)"
std::string considered_phrase(const Considered& entry);
// Why a refused CC pair gives no cost: "CC on (1.2 ms, a.json: cuda.h2d) is faster than CC
// off (...), by 4.0%: confidential mode adds work to the path and cannot save time, ..."
std::string cc_pair_refusal_phrase(const CcPair& pair);

}  // namespace plainsight
