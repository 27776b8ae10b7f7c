// ClaimStore: the query service's in-memory index of claims.
//
// Claims arrive grouped by document; a document seen again replaces its
// claims as a whole. Claims get dense internal slots in arrival order, so
// posting lists (term -> slots) stay sorted by construction; replaced claims
// leave tombstones that queries skip.
//
// Thread-safe: ingest takes the writer lock; queries take the reader lock.
#ifndef CLAIMS_QUERY_SERVICE_CLAIM_STORE_H_
#define CLAIMS_QUERY_SERVICE_CLAIM_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "protos/claims/v1/query_service.pb.h"

namespace claims::query {

class ClaimStore {
 public:
  // ApplyDocument()
  //
  // Validates and stores one document's claims, replacing the claims the
  // document had. INVALID_ARGUMENT (nothing changed) when doc_id is empty, a
  // claim has no claim_id, a claim's doc_id differs from the document's, or a
  // claim_id repeats within the document. Returns the number of claims stored.
  absl::StatusOr<uint32_t> ApplyDocument(const v1::DocumentClaims& document);

  // GetClaim()
  //
  // The claim with `claim_id`; NOT_FOUND when there is none.
  absl::StatusOr<v1::Claim> GetClaim(absl::string_view claim_id) const;

  // Search()
  //
  // Claims containing every term of request.query (all claims when it has
  // none), filtered by request.speaker, most matching occurrences first (ties
  // in arrival order). INVALID_ARGUMENT for a bad page_size or page_token.
  absl::StatusOr<v1::SearchClaimsResponse> Search(const v1::SearchClaimsRequest& request) const;

  // ListSpeakers()
  //
  // Speakers by claim count, most first (ties by name).
  absl::StatusOr<v1::ListSpeakersResponse> ListSpeakers(const v1::ListSpeakersRequest& request) const;

  // Stats() (open_ingest_streams is left to the caller).
  v1::GetStatsResponse Stats() const;

 private:
  struct Slot {
    std::shared_ptr<const v1::Claim> claim;  // null once replaced
  };

  mutable absl::Mutex mu_;
  std::vector<Slot> slots_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> by_claim_id_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_doc_ ABSL_GUARDED_BY(mu_);
  // term -> (slot, occurrences) in slot order.
  absl::flat_hash_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> postings_
      ABSL_GUARDED_BY(mu_);
  uint64_t live_claims_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_CLAIM_STORE_H_
