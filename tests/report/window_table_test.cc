#include "report/window_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/phrases.h"
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

// "Plaintext Windows" (shared/seeds/000): its six rows, in its order, in its words.
TEST(WindowTable, AwsFrontierReproducesTheSeedTable) {
  TextTable t = window_table(analysis_of("aws-frontier"));
  const std::vector<std::vector<std::string>> seed = {
      {"Long-term storage", "S3 (HDDs across many drives, many AZs)", "Encrypted (SSE-KMS)"},
      {"Checkpoint write", "FSx/Lustre buffers, milliseconds to seconds", "Plaintext, briefly"},
      {"Inter-node training", "InfiniBand/EFA between GPUs",
       "Plaintext, continuously, inside the cluster"},
      {"Per-instance staging", "Local NVMe on serving host",
       "Encrypted blob, then decrypted briefly"},
      {"CPU \u2192 GPU transit", "PCIe", "Plaintext (without accelerator TEE)"},
      {"Active inference", "HBM on accelerator", "Plaintext (without accelerator TEE)"}};
  // The document's six rows first, in its order; then the one it leaves out, named so.
  ASSERT_EQ(t.rows.size(), seed.size() + 1);
  EXPECT_EQ(t.rows.back()[0], "Checkpoint files on FSx (not a row of the document)");
  EXPECT_EQ(cell(t, t.rows.back()[0], "Plaintext readers"),
            "Provider insider, Root on a file-system client, Firmware / build-pipeline compromise");
  for (std::size_t i = 0; i < seed.size(); ++i) {
    EXPECT_EQ(t.rows[i][0], seed[i][0]) << "row " << i;
    EXPECT_EQ(cell(t, seed[i][0], "Location"), seed[i][1]);
    EXPECT_EQ(cell(t, seed[i][0], "State"), seed[i][2]);
  }
  // The row the vendor contradicts keeps the document's words and says so.
  EXPECT_EQ(cell(t, "Inter-node training", "Rests on"), "claimed; disputed");
  EXPECT_EQ(cell(t, "Long-term storage", "Rests on"), "shipping");
}

TEST(WindowTable, SortByExposureKeepsTheRowsAndOrdersThem) {
  Analysis a = analysis_of("aws-frontier");
  a.row_order = {2, 5, 4, 3, 1, 0};
  TextTable t = window_table(a);
  EXPECT_EQ(t.rows[0][0], "Inter-node training");
  EXPECT_EQ(t.rows[5][0], "Long-term storage");
}

TEST(WindowTable, TheDocumentsWordsGoWhenTheyNoLongerFit) {
  TextTable t = window_table(analysis_of("aws-frontier", {"stages.fabric.protection=derived"}));
  EXPECT_EQ(cell(t, "Inter-node training", "State"), "Encrypted");
}

TEST(WindowTable, AwsFrontierWindowsAndReaders) {
  TextTable t = window_table(analysis_of("aws-frontier"));
  EXPECT_EQ(cell(t, "Checkpoint write", "Window"), "2.362 s x 360");
  EXPECT_EQ(cell(t, "Checkpoint write", "Bytes"), "5.67 TB");
  EXPECT_EQ(cell(t, "Checkpoint write", "Provenance"), "datasheet");
  EXPECT_EQ(cell(t, "Active inference", "Window"), "resident 30 d");
  EXPECT_EQ(cell(t, "Long-term storage", "Plaintext total"), "0 s");
  EXPECT_EQ(cell(t, "CPU \u2192 GPU transit", "Plaintext readers"),
            "Provider insider, Root in the workload, Bus interposer, Firmware / build-pipeline "
            "compromise");
}

TEST(WindowTable, ConfidentialModeChangesTheRowsACvmAndGpuCcProtect) {
  const std::string one = "tests/data/aws-frontier-one-platform.yaml";
  TextTable off = window_table(analysis_of(one));
  TextTable on =
      window_table(analysis_of(one, {"platform.confidential_mode=on", "platform.cpu_tee=sev_snp",
                                     "platform.multi_gpu_mode=protected_pcie"}));
  ASSERT_EQ(off.rows.size(), on.rows.size());
  for (std::size_t i = 0; i < off.rows.size(); ++i) {
    const std::string& stage = off.rows[i][0];
    const bool changed = stage == "CPU \u2192 GPU transit" || stage == "Active inference" ||
                         stage == "Per-instance staging" || stage == "Checkpoint write";
    EXPECT_EQ(off.rows[i] != on.rows[i], changed) << stage;
  }
  EXPECT_EQ(cell(on, "CPU \u2192 GPU transit", "State"), "Encrypted");
  // The TEE keeps the host out, not our own root inside the VM, nor (after a bug in it) the
  // TEE firmware that keys the bounce buffer.
  EXPECT_EQ(cell(on, "CPU \u2192 GPU transit", "Plaintext readers"),
            "Root in the workload, Firmware / build-pipeline compromise (reduced)");
  EXPECT_EQ(cell(on, "Active inference", "State"), "Plaintext, continuously");
  EXPECT_EQ(cell(on, "Active inference", "Plaintext readers"),
            "Root in the workload, Firmware / build-pipeline compromise (reduced)");
}

TEST(WindowTable, TransfersStates) {
  TextTable relay = window_table(analysis_of("transfer-cloud-relay"));
  EXPECT_EQ(cell(relay, "Relay retention", "State"), "Plaintext, continuously");
  EXPECT_EQ(cell(relay, "Upload to the relay", "State"), "Encrypted");
  TextTable p2p = window_table(analysis_of("transfer-p2p-e2e"));
  for (const auto& row : p2p.rows) EXPECT_THAT(row[2], ::testing::StartsWith("Encrypted"));
}

// Rows are named as the window table names them (with "(x N)" for replicas).
TEST(ExposureMatrixTable, OneColumnPerCapability) {
  Analysis a = analysis_of("silo-hopper");
  TextTable t = exposure_matrix_table(a);
  ASSERT_EQ(t.header.size(), 1 + bundled_catalog().capabilities.size());
  auto at = [&](const std::string& stage, const std::string& capability) {
    for (const Window& w : a.windows)
      if (w.stage == stage) return cell(t, name_phrase(w), capability);
    return "(no stage " + stage + ")";
  };
  EXPECT_EQ(at("nvlink", "bus_interposer"), "plaintext");
  EXPECT_EQ(at("nvlink", "provider_insider"), "ciphertext");
  EXPECT_EQ(at("nvlink", "host_root"), "unreachable");  // the hardware is rented
  EXPECT_EQ(at("cvm_decrypt", "bus_interposer"), "patterns + key");
  EXPECT_EQ(at("hbm", "invasive_chip"), "key");
  EXPECT_EQ(at("hbm", "firmware_compromise"), "plaintext (reduced)");
  EXPECT_EQ(at("object_store", "metadata_observer"), "metadata");
  EXPECT_EQ(at("pcie", "fabric_tap"), "unreachable");
}

}  // namespace
}  // namespace plainsight
