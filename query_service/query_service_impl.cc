#include "query_service/query_service_impl.h"

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"

namespace claims::query {

grpc::Status QueryServiceImpl::IngestClaims(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::IngestClaimsResponse, v1::IngestClaimsRequest>* stream) {
  ++open_streams_;
  v1::IngestClaimsRequest request;
  grpc::Status result = grpc::Status::OK;
  // Each batch is applied before it is acknowledged, so an acknowledged batch
  // is visible to queries; a peer that disappears loses only unacknowledged ones.
  while (stream->Read(&request)) {
    v1::IngestClaimsResponse ack;
    ack.set_sequence(request.sequence());
    if (request.documents_size() > options_.max_batch_documents) {
      result = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            absl::StrCat("batch ", request.sequence(), " has ", request.documents_size(),
                                         " documents; the limit is ", options_.max_batch_documents));
      break;
    }
    for (const v1::DocumentClaims& doc : request.documents()) {
      absl::StatusOr<uint32_t> stored = store_->ApplyDocument(doc);
      if (stored.ok()) {
        ack.set_documents_accepted(ack.documents_accepted() + 1);
        ack.set_claims_accepted(ack.claims_accepted() + *stored);
      } else {
        ack.set_documents_rejected(ack.documents_rejected() + 1);
        ack.add_errors(std::string(stored.status().message()));
      }
    }
    ++batches_;
    if (!stream->Write(ack)) break;
    if (context->IsCancelled()) break;
  }
  --open_streams_;
  return result;
}

grpc::Status QueryServiceImpl::GetClaim(grpc::ServerContext*, const v1::GetClaimRequest* request,
                                        v1::Claim* response) {
  absl::StatusOr<v1::Claim> claim = store_->GetClaim(request->claim_id());
  if (!claim.ok()) return ToGrpcStatus(claim.status());
  *response = std::move(*claim);
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::SearchClaims(grpc::ServerContext*, const v1::SearchClaimsRequest* request,
                                            v1::SearchClaimsResponse* response) {
  absl::StatusOr<v1::SearchClaimsResponse> r = store_->Search(*request);
  if (!r.ok()) return ToGrpcStatus(r.status());
  *response = std::move(*r);
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::ListSpeakers(grpc::ServerContext*, const v1::ListSpeakersRequest* request,
                                            v1::ListSpeakersResponse* response) {
  absl::StatusOr<v1::ListSpeakersResponse> r = store_->ListSpeakers(*request);
  if (!r.ok()) return ToGrpcStatus(r.status());
  *response = std::move(*r);
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::GetStats(grpc::ServerContext*, const v1::GetStatsRequest*,
                                        v1::GetStatsResponse* response) {
  *response = store_->Stats();
  response->set_batches_ingested(batches_.load());
  response->set_open_ingest_streams(open_streams_.load());
  return grpc::Status::OK;
}

}  // namespace claims::query
