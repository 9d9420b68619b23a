#include "report/window_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_support.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

// Column `name` of the row whose first cell is `stage`.
std::string cell(const TextTable& t, const std::string& stage, const std::string& name) {
  auto col = std::find(t.header.begin(), t.header.end(), name) - t.header.begin();
  for (const auto& row : t.rows)
    if (row[0] == stage) return row.at(col);
  return "(no row " + stage + ")";
}

// The seed table of the source material, state column, computed.
TEST(WindowTable, AwsFrontierReproducesTheSeedTable) {
  TextTable t = window_table(analysis_of("aws-frontier"));
  EXPECT_EQ(cell(t, "Long-term storage", "State"), "Encrypted (SSE-KMS)");
  EXPECT_EQ(cell(t, "Checkpoint write", "State"), "Plaintext, briefly");
  EXPECT_EQ(cell(t, "Inter-node training", "State"), "Plaintext, continuously");
  EXPECT_EQ(cell(t, "Per-instance staging", "State"), "Encrypted blob, then decrypted briefly");
  EXPECT_EQ(cell(t, "CPU -> GPU transit", "State"), "Plaintext (no accelerator TEE)");
  EXPECT_EQ(cell(t, "Active inference", "State"), "Plaintext (no accelerator TEE)");
  EXPECT_EQ(cell(t, "Long-term storage", "Location"), "S3 (HDDs across many drives, many AZs)");
  EXPECT_EQ(cell(t, "Checkpoint write", "Location"), "FSx/Lustre buffers, milliseconds to seconds");
  EXPECT_EQ(cell(t, "Inter-node training", "Location"), "InfiniBand/EFA between GPUs");
  EXPECT_EQ(cell(t, "Per-instance staging", "Location"), "Local NVMe on serving host");
  EXPECT_EQ(cell(t, "CPU -> GPU transit", "Location"), "PCIe");
  EXPECT_EQ(cell(t, "Active inference", "Location"), "HBM on accelerator");
}

TEST(WindowTable, AwsFrontierWindowsAndReaders) {
  TextTable t = window_table(analysis_of("aws-frontier"));
  EXPECT_EQ(cell(t, "Checkpoint write", "Window"), "2.362 s x 360");
  EXPECT_EQ(cell(t, "Checkpoint write", "Bytes"), "5.67 TB");
  EXPECT_EQ(cell(t, "Checkpoint write", "Provenance"), "datasheet");
  EXPECT_EQ(cell(t, "Active inference", "Window"), "resident 30 d");
  EXPECT_EQ(cell(t, "Long-term storage", "Plaintext total"), "0 s");
  EXPECT_EQ(cell(t, "CPU -> GPU transit", "Plaintext readers"),
            "Root on the host, Bus interposer, Firmware / build-pipeline compromise");
}

TEST(WindowTable, ConfidentialModeChangesOnlyThePcieAndHbmRows) {
  TextTable off = window_table(analysis_of("aws-frontier"));
  TextTable on = window_table(analysis_of("aws-frontier", {"platform.confidential_mode=on"}));
  ASSERT_EQ(off.rows.size(), on.rows.size());
  for (std::size_t i = 0; i < off.rows.size(); ++i) {
    const std::string& stage = off.rows[i][0];
    const bool changed = stage == "CPU -> GPU transit" || stage == "Active inference";
    EXPECT_EQ(off.rows[i] != on.rows[i], changed) << stage;
  }
  EXPECT_EQ(cell(on, "CPU -> GPU transit", "State"), "Encrypted");
  EXPECT_EQ(cell(on, "CPU -> GPU transit", "Plaintext readers"), "none");
  EXPECT_EQ(cell(on, "Active inference", "State"), "Plaintext, continuously");
  EXPECT_EQ(cell(on, "Active inference", "Plaintext readers"), "Invasive chip attack");
}

TEST(WindowTable, TransfersStates) {
  TextTable relay = window_table(analysis_of("transfer-cloud-relay"));
  EXPECT_EQ(cell(relay, "Relay retention", "State"), "Plaintext, continuously");
  EXPECT_EQ(cell(relay, "Upload to the relay", "State"), "Encrypted");
  TextTable p2p = window_table(analysis_of("transfer-p2p-e2e"));
  for (const auto& row : p2p.rows) EXPECT_THAT(row[2], ::testing::StartsWith("Encrypted"));
}

TEST(ExposureMatrixTable, OneColumnPerCapability) {
  Analysis a = analysis_of("silo-hopper");
  TextTable t = exposure_matrix_table(a);
  ASSERT_EQ(t.header.size(), 1 + bundled_catalog().capabilities.size());
  EXPECT_EQ(cell(t, "nvlink", "bus_interposer"), "plaintext");
  EXPECT_EQ(cell(t, "nvlink", "host_root"), "ciphertext");
  EXPECT_EQ(cell(t, "cvm_decrypt", "bus_interposer"), "patterns");
  EXPECT_EQ(cell(t, "object_store", "metadata_observer"), "metadata");
  EXPECT_EQ(cell(t, "pcie", "fabric_tap"), "unreachable");
}

}  // namespace
}  // namespace plainsight
