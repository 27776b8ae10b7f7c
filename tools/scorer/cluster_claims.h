// Runs extracted claims through the query service's index, as the service
// would receive them, so corroboration can be scored.
#ifndef CLAIMS_TOOLS_SCORER_CLUSTER_CLAIMS_H_
#define CLAIMS_TOOLS_SCORER_CLUSTER_CLAIMS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "protos/claims/v1/claim.pb.h"

namespace claims::eval {

// Ingests each document's claims (in doc_id order, one batch per document)
// into a fresh in-memory ClaimIndex and returns the claims as the index
// serves them: index-wide speaker ids, cluster ids and outlet counts.
absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ClusterThroughIndex(
    const std::map<std::string, std::vector<v1::Claim>>& claims);

}  // namespace claims::eval

#endif  // CLAIMS_TOOLS_SCORER_CLUSTER_CLAIMS_H_
