#include "load/scenario_keys.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>
#include <string>

#include "core/limits.h"
#include "core/place.h"
#include "core/provenance.h"
#include "core/risk_tracking.h"
#include "load/platform_keys.h"

namespace plainsight {
namespace {

using K = ValueKind;

constexpr std::string_view kStatuses[] = {"shipping", "announced", "claimed", "research",
                                          "assumed"};

constexpr std::string_view kTargets[] = {"OC1", "OC2", "OC3", "OC4", "OC5"};

constexpr KeySpec kScenario[] = {
    {"name", K::name, "The scenario's title, shown at the top of every report.", true},
    {"description", K::text, "What the pipeline is and does; shown in Markdown and HTML reports."},
    {"source", K::source,
     "The source this scenario reproduces: a catalog source or one of its own `sources:`."},
    {"sources", K::list,
     "Source documents of the scenario's own (its provider's documentation, say) that its "
     "citations may name beside the catalog's (docs/extending.md); ids unlike the catalog's.",
     false, "source"},
    {"horizon", K::duration, "The period totals are computed over (at least 1 s), e.g. 30d.", true},
    {"target",
     K::choice,
     "The operational-capacity level the pipeline must resist (OC1..OC5): the verdict says "
     "pass or fail against it (`analyze --require-ceiling` overrides it).",
     false,
     {},
     0,
     0,
     kTargets},
    {"origin", K::mapping, "Bytes arrive already encrypted (before the first stage).", false,
     "origin"},
    {"asset", K::mapping, "What is protected: parameters and bytes per parameter.", true, "asset"},
    {"platform", K::mapping,
     "What the pipeline runs on, chosen from the catalog: the one place of a scenario without "
     "`places:`, else the base of our places that name no offering. Needed unless there are "
     "places.",
     false, "platform"},
    {"places", K::list,
     "Where stages run, whose machine each is (docs/scenarios.md#places); a flow between "
     "places crosses a trust boundary.",
     false, "place"},
    {"stages", K::list,
     "Places the bytes sit or pass. Needed unless every stage is in a group; top-level stages "
     "are listed first in reports.",
     false, "stage"},
    {"groups", K::list,
     "Templates of stages standing for many identical replicas (a class of nodes with its GPUs, "
     "NVMe, NICs and links), analysed once and counted `count` times.",
     false, "group"},
    {"flows", K::list,
     "Directed edges the bytes take between stages; a flow may encrypt or decrypt. A flow "
     "naming a group's stage applies to each replica.",
     false, "flow"},
    {"workload", K::mapping,
     "What a run does, so that the cost of confidential mode can be put in run time.", false,
     "workload"},
    {"transfer_cost", K::mapping, "The price of the transfers of one stage, from catalog figures.",
     false, "transfer_cost"},
    {"risk_tracking", K::finding_map,
     "What the team decided per finding, keyed by its id (the SARIF fingerprint "
     "plainsightFinding/v1, also in every report): status, justification, owner, ticket, "
     "expires.",
     false, "risk"},
    {"actors", K::actor_map,
     "Actor parameters replacing the catalog's, per catalog actor id: a quantity, or "
     "{value, provenance, source} with its citation.",
     false, "actor"},
};

constexpr KeySpec kOrigin[] = {
    {"encrypted_with", K::catalog, "The key custody the arriving bytes are encrypted under.", true,
     "key_custodies"},
    {"scheme", K::name, "The encryption, in words (default AES-256-GCM)."},
};

constexpr KeySpec kAsset[] = {
    {"name", K::name, "A label (default: weights)."},
    {"parameters", K::number, "Number of parameters, e.g. 70e9.", true, {}, 1, 1e15},
    {"bytes_per_parameter",
     K::number,
     "Bytes per weight (default 2: fp16/bf16).",
     false,
     {},
     0.125,
     64},
    {"optimizer_bytes_per_parameter",
     K::number,
     "Extra bytes per parameter in a checkpoint (default 0; 12 for Adam with fp32 master "
     "weights).",
     false,
     {},
     0,
     256},
};

// From the platform key table (load/platform_keys.h): a place's or a group's platform takes
// every key but the last (nodes: the count says that).
constexpr auto kPlatform = [] {
  std::array<KeySpec, std::size(kPlatformKeys)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const PlatformKey& k = kPlatformKeys[i];
    out[i] = {k.name,
              k.kind,
              k.description,
              false,
              k.ref,
              static_cast<double>(k.min),
              static_cast<double>(k.max),
              k.choices};
  }
  return out;
}();

// Joins key lists: a group is a place with stage templates, and takes a place's keys.
template <std::size_t... N>
constexpr auto joined(const std::array<KeySpec, N>&... parts) {
  std::array<KeySpec, (N + ...)> out{};
  std::size_t i = 0;
  ((std::copy(parts.begin(), parts.end(), out.begin() + i), i += N), ...);
  return out;
}

// What a place (or a group: a class of identical places) says about whose machine it is.
constexpr auto kPlaceOwn = std::to_array<KeySpec>({
    {"kind",
     K::choice,
     "What the place is (default compute_host): compute_host, managed_service (a provider's "
     "service), storage_server, relay, site (a partner's or an endpoint's), client, network.",
     false,
     {},
     0,
     0,
     kPlaceKinds},
    {"operator",
     K::choice,
     "Who runs it: us, provider, partner or public (default: provider for a managed service, "
     "partner for a site, public for a network, else us).",
     false,
     {},
     0,
     0,
     kOperators},
    {"operator_name", K::name, "Who that is, in words (\"Microsoft Azure\", \"Partner A\")."},
    {"hardware",
     K::choice,
     "Who runs the hardware under it, when not the operator: provider for a machine rented from "
     "a cloud (a cloud offering says so itself). Root on that host is then the provider's.",
     false,
     {},
     0,
     0,
     kOperators},
    {"offering", K::catalog,
     "A catalog offering (`plainsight catalog offerings`): what the place can run; its platform "
     "keys are checked against it. Default: custom (anything the platform rules allow).",
     false, "offerings"},
    {"access",
     K::choice,
     "Who may log into its workload: administered (default) or attested (an attested image "
     "nobody logs into).",
     false,
     {},
     0,
     0,
     kWorkloadAccess},
});

constexpr KeySpec kPlacePlatform = {
    "platform", K::mapping,
    "Platform keys of its own, over the offering's defaults (a place of ours without an "
    "offering starts from the scenario's `platform:`); `nodes` when it spans several nodes run as "
    "one admin domain. Keys stated here are pinned: `--set platform.KEY` and controls leave "
    "them.",
    false, "platform"};

constexpr KeySpec kGroupPlatform = {
    "platform", K::mapping,
    "Platform keys of the class's own, over the offering's defaults (else the scenario's "
    "`platform:`); pinned, as a place's.",
    false, "group_platform"};

constexpr auto kPlace =
    joined(std::to_array<KeySpec>({
               {"id", K::id, "Unique among places and groups; stages name it with `place:`.", true},
               {"name", K::name, "A label (default: the id)."},
           }),
           kPlaceOwn,
           std::to_array<KeySpec>({
               {"count",
                K::integer,
                "Identical places it stands for (default 1); one foothold reaches one of them.",
                false,
                {},
                1,
                kMaxCount},
               kPlacePlatform,
           }));

constexpr auto kGroup =
    joined(std::to_array<KeySpec>({
               {"id", K::id,
                "Unique among groups and places; its stages' ids are qualified with it in reports "
                "(node.fabric).",
                true},
               {"name", K::name, "A label for the class (default: the id)."},
               {"count",
                K::integer,
                "How many identical replicas of the group there are (default 1).",
                false,
                {},
                1,
                kMaxCount},
           }),
           kPlaceOwn,
           std::to_array<KeySpec>({
               kGroupPlatform,
               {"stages", K::list, "The stages of one replica.", true, "stage"},
               {"flows", K::list,
                "Flows of one replica; ids name the group's stages first, then top-level or other "
                "groups' stages (group.stage).",
                false, "flow"},
           }));

constexpr KeySpec kStage[] = {
    {"id", K::id, "Unique; lower-case letters, digits, '_', '-', '.'.", true},
    {"name", K::name, "A label for the table (default: the id)."},
    {"location", K::text, "Where the bytes are, in words (\"FSx/Lustre buffers\")."},
    {"place", K::id,
     "The place it runs at (a `places:` id); a group's stages are at the group. Needed when "
     "the scenario lists places."},
    {"medium", K::catalog, "A catalog medium, when there is no link.", false, "media"},
    {"link", K::catalog,
     "A catalog link or storage class; sets the medium, the datasheet bandwidth and attributes.",
     false, "links"},
    {"payload", K::payload, "weights (default), checkpoint, or an explicit size."},
    {"shards",
     K::integer,
     "The bytes are split over this many devices that one foothold reaches together; each holds "
     "payload / shards.",
     false,
     {},
     1,
     10000000},
    {"count",
     K::integer,
     "Identical replicas of this stage, each reached on its own (8 GPUs' HBM); default 1.",
     false,
     {},
     1,
     kMaxCount},
    {"resident", K::lifetime,
     "horizon or a duration: bytes stay this long (per event when events recur)."},
    {"duration", K::stage_duration,
     "Per-event window: a duration, from_link, from_bandwidth (with bandwidth), or "
     "{figure: ID}."},
    {"capacity", K::size,
     "With duration from_link on storage whose throughput scales per TiB (FSx for Lustre)."},
    {"bandwidth", K::bandwidth, "With duration from_bandwidth: the scenario's own bandwidth."},
    {"events",
     K::events,
     "{every: 2h}, {count: 30}, or a number; default 1.",
     false,
     {},
     1,
     kMaxEvents},
    {"decrypts", K::on_off, "An encrypted blob is decrypted here per event."},
    {"attributes", K::text_map,
     "Extra facts protection rules match as stage.<key>: transport: tls; metadata: what leaks."},
    {"protection", K::protection,
     "A catalog protection rule the scenario states instead of the derived one (derived: the "
     "catalog's)."},
    {"protection_source", K::mapping, "Why the scenario states its protection: a citation.", false,
     "citation"},
    {"state_label", K::text, "The source document's own words for the state."},
    {"corrections", K::list,
     "Where the document the scenario reproduces is corrected by another source: its words "
     "kept, the correction beside them.",
     false, "stage_correction"},
};

constexpr KeySpec kStageCorrection[] = {
    {"says", K::mapping, "What the scenario's document says, cited.", true, "citation"},
    {"corrected_by", K::mapping, "The source that corrects it, cited.", true, "citation"},
    {"note", K::text, "What the correction changes, in words."},
};

constexpr KeySpec kDurationFigure[] = {
    {"figure", K::catalog, "A catalog published figure in seconds or bytes per second.", true,
     "figures"},
};

constexpr KeySpec kEvents[] = {
    {"every", K::duration, "Events recur with this period: horizon / period events."},
    {"count", K::count, "This many events over the horizon.", false, {}, 1, kMaxEvents},
};

constexpr KeySpec kFlow[] = {
    {"from", K::id, "The stage the bytes leave.", true},
    {"to", K::id, "The stage the bytes reach.", true},
    {"encrypt", K::mapping, "The bytes are ciphertext under a key custody from here on.", false,
     "flow_encrypt"},
    {"decrypt", K::on_off, "The bytes are plaintext again from here on."},
};

constexpr KeySpec kFlowEncrypt[] = {
    {"custody", K::catalog, "Who holds the key.", true, "key_custodies"},
    {"scheme", K::name, "The encryption, in words (default AES-256-GCM)."},
};

constexpr KeySpec kCitation[] = {
    {"id", K::source, "The source: a catalog source or one of the scenario's own `sources:`.",
     true},
    {"status", K::choice, "How established the fact is.", true, {}, 0, 0, kStatuses},
    {"release", K::text, "The release or product the fact is documented for (shipping facts)."},
    {"where", K::text, "Where in the source.", true},
    {"quote", K::text, "The sentence, verbatim (or give paraphrase)."},
    {"paraphrase", K::text, "The sentence in other words (or give quote)."},
};

// An entry of model/sources.yaml, or of a scenario's own `sources:` (load/source_reader.h).
constexpr KeySpec kSource[] = {
    {"id", K::id, "Unique among the catalog's sources and the scenario's own.", true},
    {"title", K::name, "The document's title, as reports show it.", true},
    {"publisher", K::name, "Who published it.", true},
    {"date", K::name, "As precise as the source gives it: 2026-03-16, 2025-12, 2024 or undated.",
     true},
    {"url", K::text, "Where it is read.", true},
    {"read", K::text,
     "How it was read when not the publisher's live page (an archived copy, a reproduction)."},
};

constexpr KeySpec kWorkload[] = {
    {"run", K::duration, "Wall-clock length of the run with confidential mode off.", true},
    {"step_time", K::duration, "One step with confidential mode off."},
    {"per_step", K::payload_map, "Stage id -> bytes each step moves through it, per shard."},
    {"checkpoints", K::mapping, "Checkpoints of the run.", false, "workload_checkpoints"},
    {"model_loads", K::mapping, "Model loads of the run.", false, "workload_model_loads"},
};

constexpr KeySpec kWorkloadCheckpoints[] = {
    {"every", K::duration, "The checkpoint period.", true},
    {"stage", K::id, "The stage the checkpoint moves through.", true},
    {"payload", K::payload, "A size or checkpoint (default: the checkpoint)."},
};

constexpr KeySpec kWorkloadModelLoads[] = {
    {"count", K::count, "Model loads in the run.", true, {}, 1, 1e6},
    {"stage", K::id, "The stage the weights move through.", true},
    {"payload", K::payload, "A size or weights (default: the weights)."},
};

constexpr KeySpec kTransferCost[] = {
    {"stage", K::id, "The stage whose transfers are priced.", true},
    {"price", K::catalog, "A catalog figure in usd_per_gb or usd.", true, "figures"},
    {"distribution", K::mapping, "Transfers to several endpoints on a period.", false,
     "transfer_distribution"},
    {"published", K::mapping, "Published costs to compare with (catalog figures).", false,
     "transfer_published"},
};

constexpr KeySpec kTransferDistribution[] = {
    {"endpoints", K::integer, "Endpoints each period.", true, {}, 1, 1000000},
    {"every", K::duration, "The period.", true},
};

constexpr KeySpec kTransferPublished[] = {
    {"per_transfer", K::catalog, "A published cost per transfer (usd).", false, "figures"},
    {"per_year", K::catalog, "A published cost per year (usd).", false, "figures"},
    {"transfers", K::catalog, "A published number of transfers (count).", false, "figures"},
};

constexpr KeySpec kRisk[] = {
    {"status",
     K::choice,
     "accepted (SARIF suppresses it until it expires), mitigated, false_positive (suppressed) "
     "or in_progress.",
     true,
     {},
     0,
     0,
     kRiskStatuses},
    {"justification", K::text, "Why: what was decided and on what grounds.", true},
    {"owner", K::name, "Who answers for it."},
    {"ticket", K::name, "The tracker's reference, e.g. SEC-123."},
    {"expires", K::text,
     "The date (YYYY-MM-DD) after which an acceptance no longer holds: the finding is one "
     "again."},
};

constexpr KeySpec kActor[] = {
    {"foothold_rate", K::figure, "How often footholds arrive, e.g. 12/y.", false, "rate"},
    {"dwell", K::figure, "How long a foothold lasts before detection, e.g. 30d.", false,
     "duration"},
    {"read_bandwidth", K::figure, "How fast the actor reads where it is, e.g. 10GB/s.", false,
     "bandwidth"},
    {"egress_bandwidth", K::figure, "How fast the actor gets bytes out, e.g. 1Gb/s.", false,
     "bandwidth"},
    {"place_reach", K::list,
     "Replaces the catalog's: how much longer or shorter the actor takes at matching places "
     "(the first that matches applies).",
     false, "place_reach"},
};

constexpr KeySpec kPlaceReach[] = {
    {"when", K::conditions,
     "Place attributes that must hold: place.kind, place.operator, place.hardware, "
     "place.access, place.offering, offering.ATTRIBUTE; a value or a list.",
     true},
    {"ttc_factor",
     K::number,
     "The capability's time to compromise there is multiplied by it.",
     true,
     {},
     0.001,
     1000},
    {"source", K::mapping, "Why: a citation.", true, "citation"},
};

constexpr KeySpec kFigure[] = {
    {"value", K::text, "The quantity, with its unit.", true},
    {"provenance",
     K::choice,
     "Where the value comes from (default assumed).",
     false,
     {},
     0,
     0,
     kProvenanceNames},
    {"source", K::mapping, "The citation the value rests on.", true, "citation"},
    {"also", K::list, "Further sources that agree.", false, "citation"},
    {"disputed_by", K::list, "Sources that say otherwise.", false, "citation"},
    {"range", K::mapping,
     "The 90% interval the value is uncertain over, the value its median (docs/research.md).",
     false, "figure_range"},
};

constexpr std::string_view kCitedEnds[] = {"both", "low", "high"};

constexpr KeySpec kFigureRange[] = {
    {"low", K::text, "The 5th percentile, with the value's unit.", true},
    {"high", K::text, "The 95th percentile, with the value's unit.", true},
    {"source", K::mapping, "The citation the range rests on.", true, "citation"},
    {"cited",
     K::choice,
     "Which end the source gives (default both); the other is assumed, a factor of the value.",
     false,
     {},
     0,
     0,
     kCitedEnds},
};

constexpr MappingSpec kMappings[] = {
    {"scenario", "A plainsight scenario: one pipeline the weights pass through.", kScenario},
    {"origin", "The form bytes arrive in before the first stage.", kOrigin},
    {"asset", "What is protected; sizes follow from these, never typed twice.", kAsset},
    {"platform", "The hardware and trust configuration, from the catalog.", kPlatform},
    {"place", "Where stages run, and whose machine that is.", kPlace},
    {"group_platform", "A place's or a group's own platform keys (pinned).",
     std::span<const KeySpec>(kPlatform.data(), kPlatform.size() - 1)},
    {"group", "A template of stages standing for `count` identical replicas.", kGroup},
    {"stage", "A place the bytes sit or pass, and how long they stay.", kStage},
    {"stage_correction", "A document's words and the source that corrects them.", kStageCorrection},
    {"duration_figure", "A per-event duration from a catalog published figure.", kDurationFigure},
    {"events", "How often a stage's event recurs: exactly one of every or count.", kEvents},
    {"flow", "A directed edge the bytes take between stages.", kFlow},
    {"flow_encrypt", "A flow that encrypts.", kFlowEncrypt},
    {"citation", "A source and the sentence a fact rests on.", kCitation},
    {"source", "A source document citations name by id.", kSource},
    {"workload", "What a run does (docs/measurements.md#workload-cost).", kWorkload},
    {"workload_checkpoints", "Checkpoints of the run.", kWorkloadCheckpoints},
    {"workload_model_loads", "Model loads of the run.", kWorkloadModelLoads},
    {"transfer_cost", "The price of one stage's transfers.", kTransferCost},
    {"transfer_distribution", "Transfers to several endpoints on a period.", kTransferDistribution},
    {"transfer_published", "Published costs to compare with.", kTransferPublished},
    {"risk", "What the team decided about one finding.", kRisk},
    {"actor", "One actor's parameters, replacing the catalog's.", kActor},
    {"place_reach", "An actor's time to compromise at matching places.", kPlaceReach},
    {"figure", "A quantity with its provenance and citation.", kFigure},
    {"figure_range", "A figure's 90% interval, log-normal on each side of its value.",
     kFigureRange},
};

constexpr std::string_view kCatalogLists[] = {"gpus",   "cpu_tees",    "key_custodies", "media",
                                              "links",  "protections", "figures",       "sources",
                                              "actors", "offerings"};

}  // namespace

const MappingSpec& scenario_mapping(std::string_view name) {
  for (const MappingSpec& m : kMappings)
    if (m.name == name) return m;
  throw std::logic_error("no scenario mapping '" + std::string(name) + "'");
}

std::span<const MappingSpec> scenario_mappings() { return kMappings; }

std::span<const std::string_view> catalog_lists() { return kCatalogLists; }

}  // namespace plainsight
