// The gRPC edge of the query service: validates requests, calls the
// ClaimIndex, maps statuses, runs WatchClaims streams. Thread-safe.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include <atomic>

#include "grpcpp/grpcpp.h"
#include "protos/claims/v1/query_service.grpc.pb.h"
#include "query_service/claim_index.h"
#include "query_service/watch_hub.h"

namespace claims::query {

// SearchClaims answers with bytes (ClaimIndex::SearchSerialized splices
// stored claims into the response), so it is the one method on gRPC's
// callback API with raw buffers; clients see the same typed method.
class QueryServiceImpl final : public v1::QueryService::WithRawCallbackMethod_SearchClaims<v1::QueryService::Service> {
 public:
  struct Options {
    // Most documents accepted in one ingest batch. Default 1000.
    int max_batch_documents = 1000;
  };

  // `index` and `hub` must outlive the service; the service registers the
  // hub as the index's ingest listener.
  QueryServiceImpl(ClaimIndex* index, WatchHub* hub, Options options);
  // Detaches from the index's ingest listener.
  ~QueryServiceImpl() override;

  grpc::Status IngestClaims(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::IngestClaimsResponse, v1::IngestClaimsRequest>* stream) override;
  grpc::Status GetClaim(grpc::ServerContext* context, const v1::GetClaimRequest* request,
                        v1::Claim* response) override;
  grpc::Status BatchGetClaims(grpc::ServerContext* context, const v1::BatchGetClaimsRequest* request,
                              v1::BatchGetClaimsResponse* response) override;
  grpc::ServerUnaryReactor* SearchClaims(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::Status ListSpeakers(grpc::ServerContext* context, const v1::ListSpeakersRequest* request,
                            v1::ListSpeakersResponse* response) override;
  grpc::Status GetSpeaker(grpc::ServerContext* context, const v1::GetSpeakerRequest* request,
                          v1::SpeakerProfile* response) override;
  grpc::Status GetDocument(grpc::ServerContext* context, const v1::GetDocumentRequest* request,
                           v1::DocumentClaims* response) override;
  grpc::Status DeleteDocument(grpc::ServerContext* context, const v1::DeleteDocumentRequest* request,
                              v1::DeleteDocumentResponse* response) override;
  grpc::Status WatchClaims(grpc::ServerContext* context, const v1::WatchClaimsRequest* request,
                           grpc::ServerWriter<v1::Claim>* writer) override;
  grpc::Status GetStats(grpc::ServerContext* context, const v1::GetStatsRequest* request,
                        v1::GetStatsResponse* response) override;
  grpc::Status GetCorroboration(grpc::ServerContext* context, const v1::GetCorroborationRequest* request,
                                v1::Corroboration* response) override;
  grpc::Status ListClusters(grpc::ServerContext* context, const v1::ListClustersRequest* request,
                            v1::ListClustersResponse* response) override;

 private:
  ClaimIndex* const index_;
  WatchHub* const hub_;
  const Options options_;
  std::atomic<uint64_t> batches_{0};
  std::atomic<uint32_t> open_streams_{0};
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
