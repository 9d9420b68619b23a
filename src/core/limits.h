// What plainsight accepts as input, in one place. Past these limits an input is refused with
// exit code 2 and its file:line:col (JSON: file and location), never a crash, a hang or a
// report of nonsense. docs/limits.md lists them per input kind; keep the two in step.
#pragma once

#include <cstddef>

namespace plainsight {

// ---- Text files -------------------------------------------------------------------------
// A scenario or catalog file (YAML): text a person writes.
inline constexpr std::size_t kMaxYamlBytes = 64u << 20;
inline constexpr int kMaxYamlDepth = 64;  // nested mappings and lists
// libyaml refuses a plain (simple) key longer than this many characters.
inline constexpr std::size_t kMaxYamlKeyChars = 1024;
// A probe result file (JSON): every sample of every sweep point. The host suite writes
// about 600 bytes a result (75 KB for a full run), so 64 MiB holds a merged file of several
// hundred ranks; the reader holds the parsed file, about 8 bytes a byte of JSON, so 64 MiB
// reads in about 3 s and 550 MB (tools/measure-scale --inputs probe:300000). 256 MiB took
// minutes and gigabytes.
inline constexpr std::size_t kMaxMeasurementBytes = 64u << 20;
inline constexpr int kMaxJsonDepth = 64;  // nested objects and arrays
// A Slurm node inventory (`scontrol show node -o`): a line of about a kilobyte per node.
inline constexpr std::size_t kMaxInventoryBytes = 1024u << 20;
inline constexpr std::size_t kMaxInventoryLineBytes = 64u << 10;

// ---- Names --------------------------------------------------------------------------------
inline constexpr std::size_t kMaxIdChars = 128;    // [a-z0-9_.-]+
inline constexpr std::size_t kMaxNameChars = 256;  // names, locations, schemes: one line of text
// --set KEY=VALUE: a key is a path through the scenario, no deeper than the file may nest.
inline constexpr std::size_t kMaxSetKeyBytes = 1024;
inline constexpr int kMaxSetKeySegments = kMaxYamlDepth;

// ---- Quantities (inside: bytes, seconds, bytes per second) ---------------------------------
// Below the minimum a value is a typo or a unit slip (1e-30B, 1e-300s); above the maximum it
// is beyond anything a weight pipeline holds or takes.
inline constexpr double kMinBytes = 1;                         // a size is at least one byte
inline constexpr double kMaxBytes = 1e18;                      // 1 EB
inline constexpr double kMinSeconds = 1e-9;                    // 1 ns
inline constexpr double kMaxSeconds = 100.0 * 365.25 * 86400;  // a century
inline constexpr double kMinHorizonSeconds = 1;                // a horizon of at least a second
inline constexpr double kMinBandwidth = 1;                     // 1 B/s
inline constexpr double kMaxBandwidth = 1e16;                  // 10 PB/s
inline constexpr double kMinRate = 1e-12;                      // per second: once in 30,000 years
inline constexpr double kMaxRate = 1e6;                        // per second
inline constexpr double kMaxEvents = 1e9;  // events of one stage over the horizon

// ---- Counts of identical replicas (docs/scenarios.md#groups) ----------------------------
// A group's or a stage's `count`: ten million nodes, more than any cluster built. A stage's
// replicas (its count x its group's) are then at most 1e14, exact in a double and in JSON.
inline constexpr int kMaxCount = 10000000;
// All stages of a scenario with their replicas: a thousand times a million-GPU cluster's
// stages, and far from overflowing the 64-bit totals.
inline constexpr double kMaxTotalReplicas = 1e15;

// ---- Command-line counts ------------------------------------------------------------------
inline constexpr unsigned long long kMaxTrials = 1000000000ull;
inline constexpr unsigned kMaxThreads = 1024;

// ---- Research commands (sweep, sensitivity) ---------------------------------------------
// The values of one --vary (a list or a range's steps), and the points of a whole grid:
// each point is a scenario analysed and simulated, so a grid is kept to what a person reads.
inline constexpr unsigned kMaxSweepValues = 1000;
inline constexpr unsigned long long kMaxSweepPoints = 10000;

// ---- Messages ---------------------------------------------------------------------------
// A value echoed in a message is cut after this many characters; a list of known ids after
// this many entries; a whole message after this many characters.
inline constexpr std::size_t kMaxEchoChars = 80;
inline constexpr std::size_t kMaxEchoSetChars = 200;  // a --set KEY=VALUE named in a message
inline constexpr std::size_t kMaxListed = 20;
inline constexpr std::size_t kMaxMessageChars = 2000;

}  // namespace plainsight
