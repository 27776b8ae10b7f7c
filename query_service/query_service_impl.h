// The gRPC edge of the query service: validates requests, calls ClaimStore,
// maps statuses. Thread-safe.
#ifndef CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include <atomic>
#include <cstdint>

#include "protos/claims/v1/query_service.grpc.pb.h"
#include "query_service/claim_store.h"

namespace claims::query {

class QueryServiceImpl final : public v1::QueryService::Service {
 public:
  struct Options {
    // Most documents accepted in one ingest batch. Default 1000.
    int max_batch_documents = 1000;
  };

  // `store` must outlive the service.
  QueryServiceImpl(ClaimStore* store, Options options) : store_(store), options_(options) {}

  grpc::Status IngestClaims(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::IngestClaimsResponse, v1::IngestClaimsRequest>* stream) override;
  grpc::Status GetClaim(grpc::ServerContext* context, const v1::GetClaimRequest* request,
                        v1::Claim* response) override;
  grpc::Status SearchClaims(grpc::ServerContext* context, const v1::SearchClaimsRequest* request,
                            v1::SearchClaimsResponse* response) override;
  grpc::Status ListSpeakers(grpc::ServerContext* context, const v1::ListSpeakersRequest* request,
                            v1::ListSpeakersResponse* response) override;
  grpc::Status GetStats(grpc::ServerContext* context, const v1::GetStatsRequest* request,
                        v1::GetStatsResponse* response) override;

 private:
  ClaimStore* const store_;
  const Options options_;
  std::atomic<uint64_t> batches_{0};
  std::atomic<uint32_t> open_streams_{0};
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
