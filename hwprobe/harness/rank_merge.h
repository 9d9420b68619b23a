// Merging the documents of an MPI run into the one file rank 0 writes. A pure function, so
// it is tested without MPI.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

namespace hwprobe {

// docs[r] is rank r's single-rank document. One document comes back unchanged. Several
// give: rank 0's document with "ranks": N, "machines": [identity of each rank],
// "machine": rank 0's identity, and every result, skipped and failed entry of every rank
// in rank order carrying "rank": r. "duration_s" becomes the longest rank's.
// Throws std::invalid_argument on an empty list or a document that is not
// plainsight-probe/1.
nlohmann::json merge_rank_documents(const std::vector<nlohmann::json>& docs);

}  // namespace hwprobe
