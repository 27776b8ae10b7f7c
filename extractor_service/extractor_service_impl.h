// The gRPC edge of the extractor: validates, runs the pipeline, and hands
// submitted documents to the ClaimPublisher. Thread-safe.
#ifndef CLAIMS_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_
#define CLAIMS_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_

#include "extractor_service/claim_publisher.h"
#include "extractor_service/extraction_pipeline.h"
#include "protos/claims/v1/extractor_service.grpc.pb.h"

namespace claims::extractor {

class ExtractorServiceImpl final : public v1::ExtractorService::Service {
 public:
  // `pipeline` must outlive the service; `publisher` may be null (then
  // SubmitDocuments fails with FAILED_PRECONDITION).
  ExtractorServiceImpl(const ExtractionPipeline* pipeline, ClaimPublisher* publisher, int max_batch_documents)
      : pipeline_(pipeline), publisher_(publisher), max_batch_documents_(max_batch_documents) {}

  grpc::Status Extract(grpc::ServerContext* context, const v1::ExtractRequest* request,
                       v1::ExtractResponse* response) override;
  grpc::Status ExtractStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ExtractResponse, v1::ExtractRequest>* stream) override;
  grpc::Status SubmitDocuments(grpc::ServerContext* context, const v1::SubmitDocumentsRequest* request,
                               v1::SubmitDocumentsResponse* response) override;

 private:
  const ExtractionPipeline* const pipeline_;
  ClaimPublisher* const publisher_;
  const int max_batch_documents_;
};

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_EXTRACTOR_SERVICE_IMPL_H_
