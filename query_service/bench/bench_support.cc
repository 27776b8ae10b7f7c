#include "query_service/bench/bench_support.h"

#include <algorithm>
#include <chrono>

namespace claims::bench {

double Fastest(int rounds, absl::FunctionRef<void()> run) {
  using Clock = std::chrono::steady_clock;
  double best = 1e300;
  for (int r = 0; r < std::max(1, rounds); ++r) {
    const Clock::time_point start = Clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

std::vector<v1::Claim> ClaimsAsIngested(const v1::DocumentClaims& doc) {
  std::vector<v1::Claim> out(doc.claims().begin(), doc.claims().end());
  for (v1::Claim& claim : out) {
    claim.set_doc_id(doc.doc_id());
    if (claim.source().ByteSizeLong() == 0) *claim.mutable_source() = doc.source();
  }
  return out;
}

}  // namespace claims::bench
