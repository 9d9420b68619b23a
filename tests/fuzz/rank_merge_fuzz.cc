// Fuzzes the merge of per-rank probe documents (hwprobe/harness/rank_merge) and the
// document check that runs on the merged result. Ranks send their documents over MPI, and
// tools feed saved documents back, so their shape is not guaranteed. The input is one JSON
// value: an array is the list of rank documents, anything else a single document.
// merge_rank_documents may reject with std::invalid_argument; check_document never throws.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "hwprobe/harness/rank_merge.h"
#include "hwprobe/harness/result_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Not what is fuzzed here: nlohmann's parser, so invalid JSON is simply skipped.
  const nlohmann::json input = nlohmann::json::parse(data, data + size, nullptr, false);
  if (input.is_discarded()) return 0;
  (void)hwprobe::check_document(input);
  std::vector<nlohmann::json> docs;
  if (input.is_array())
    docs.assign(input.begin(), input.end());
  else
    docs.push_back(input);
  nlohmann::json merged;
  try {
    merged = hwprobe::merge_rank_documents(docs);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  (void)hwprobe::check_document(merged);
  (void)merged.dump();
  return 0;
}
