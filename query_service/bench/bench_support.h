// Pieces the query service's benchmarks share.
#ifndef CLAIMS_QUERY_SERVICE_BENCH_BENCH_SUPPORT_H_
#define CLAIMS_QUERY_SERVICE_BENCH_BENCH_SUPPORT_H_

#include <vector>

#include "absl/functional/function_ref.h"
#include "protos/claims/v1/query_service.pb.h"

namespace claims::bench {

// The fastest of `rounds` runs of `run`, in seconds (at least one run).
double Fastest(int rounds, absl::FunctionRef<void()> run);

// The claims of `doc` as ClaimIndex::Apply hands them to Segment::Build:
// each with the document's id, and the document's source where it has
// none of its own.
std::vector<v1::Claim> ClaimsAsIngested(const v1::DocumentClaims& doc);

}  // namespace claims::bench

#endif  // CLAIMS_QUERY_SERVICE_BENCH_BENCH_SUPPORT_H_
