#include "tools/scorer/cluster_claims.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "query_service/claim_index.h"

namespace claims::eval {

absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ClusterThroughIndex(
    const std::map<std::string, std::vector<v1::Claim>>& claims) {
  query::ClaimIndex index;
  for (const auto& [doc_id, doc_claims] : claims) {
    google::protobuf::RepeatedPtrField<v1::DocumentClaims> batch;
    v1::DocumentClaims* doc = batch.Add();
    doc->set_doc_id(doc_id);
    for (const v1::Claim& c : doc_claims) *doc->add_claims() = c;
    if (!doc_claims.empty()) *doc->mutable_source() = doc_claims[0].source();
    const query::IngestResult result = index.Apply(std::move(batch));
    if (result.documents_rejected > 0) {
      return absl::InvalidArgumentError(absl::StrCat("document ", doc_id, " was rejected: ", result.errors[0]));
    }
  }
  index.WaitForClustering();  // clusters follow publication
  std::map<std::string, std::vector<v1::Claim>> out;
  for (const auto& [doc_id, unused] : claims) {
    absl::StatusOr<v1::DocumentClaims> doc = index.GetDocument(doc_id);
    if (!doc.ok()) return doc.status();
    out[doc_id].assign(doc->claims().begin(), doc->claims().end());
  }
  return out;
}

}  // namespace claims::eval
