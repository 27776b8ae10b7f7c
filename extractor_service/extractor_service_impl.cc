#include "extractor_service/extractor_service_impl.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"

namespace claims::extractor {

grpc::Status ExtractorServiceImpl::Extract(grpc::ServerContext*, const v1::ExtractRequest* request,
                                           v1::ExtractResponse* response) {
  absl::StatusOr<v1::ExtractResponse> r = pipeline_->Extract(request->document());
  if (!r.ok()) return ToGrpcStatus(r.status());
  *response = std::move(*r);
  return grpc::Status::OK;
}

grpc::Status ExtractorServiceImpl::ExtractStream(
    grpc::ServerContext* context, grpc::ServerReaderWriter<v1::ExtractResponse, v1::ExtractRequest>* stream) {
  v1::ExtractRequest request;
  while (stream->Read(&request)) {
    absl::StatusOr<v1::ExtractResponse> r = pipeline_->Extract(request.document());
    v1::ExtractResponse out;
    if (r.ok()) {
      out = std::move(*r);
    } else {
      out.set_doc_id(request.document().doc_id());
      out.set_error(std::string(r.status().message()));
    }
    if (!stream->Write(out) || context->IsCancelled()) break;
  }
  return grpc::Status::OK;
}

grpc::Status ExtractorServiceImpl::SubmitDocuments(grpc::ServerContext* context,
                                                   const v1::SubmitDocumentsRequest* request,
                                                   v1::SubmitDocumentsResponse* response) {
  if (publisher_ == nullptr) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "this extractor was started without --query_address");
  }
  if (request->documents_size() == 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "documents is empty");
  }
  if (request->documents_size() > max_batch_documents_) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat(request->documents_size(), " documents; the limit is ", max_batch_documents_));
  }
  // Extract everything first: one bad document rejects the call before any is queued.
  std::vector<v1::ExtractResponse> extracted;
  for (int i = 0; i < request->documents_size(); ++i) {
    absl::StatusOr<v1::ExtractResponse> r = pipeline_->Extract(request->documents(i));
    if (!r.ok()) {
      return ToGrpcStatus(absl::Status(r.status().code(), absl::StrCat("documents[", i, "]: ", r.status().message())));
    }
    extracted.push_back(std::move(*r));
  }
  uint64_t last_ticket = 0;
  for (v1::ExtractResponse& r : extracted) {
    v1::SubmittedDocument* out = response->add_documents();
    out->set_doc_id(r.doc_id());
    out->set_claims(r.claims_size());
    v1::DocumentClaims doc;
    doc.set_doc_id(r.doc_id());
    *doc.mutable_source() = r.source();
    *doc.mutable_claims() = std::move(*r.mutable_claims());
    last_ticket = publisher_->Enqueue(std::move(doc));
  }
  if (request->wait_for_index()) {
    absl::Status s = publisher_->WaitForAck(last_ticket, CallDeadline(*context, absl::Now() + absl::Seconds(30)));
    if (!s.ok()) return ToGrpcStatus(s);
    for (auto& d : *response->mutable_documents()) d.set_indexed(true);
  }
  return grpc::Status::OK;
}

}  // namespace claims::extractor
