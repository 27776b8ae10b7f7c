#include "query_service/query_service_impl.h"

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"

namespace claims::query {
namespace {

// Answers from a StatusOr: the value on success, the mapped status otherwise.
template <typename T>
grpc::Status Reply(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

QueryServiceImpl::QueryServiceImpl(ClaimIndex* index, WatchHub* hub, Options options)
    : index_(index), hub_(hub), options_(options) {
  index_->SetIngestListener([hub](absl::Span<const v1::Claim* const> claims) { hub->Publish(claims); });
}

QueryServiceImpl::~QueryServiceImpl() { index_->SetIngestListener(nullptr); }

grpc::Status QueryServiceImpl::IngestClaims(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::IngestClaimsResponse, v1::IngestClaimsRequest>* stream) {
  ++open_streams_;
  grpc::Status result = grpc::Status::OK;
  // Each batch is applied before it is acknowledged, so an acknowledged batch
  // is visible to queries; a peer that disappears loses only unacknowledged ones.
  // A batch is parsed onto an arena of its own (no allocation per string or
  // message), which the index keeps until it is done with the claims.
  google::protobuf::ArenaOptions arena_options;
  arena_options.start_block_size = 64 << 10;
  arena_options.max_block_size = 1 << 20;
  while (true) {
    auto arena = std::make_unique<google::protobuf::Arena>(arena_options);
    auto* request = google::protobuf::Arena::CreateMessage<v1::IngestClaimsRequest>(arena.get());
    if (!stream->Read(request)) break;
    v1::IngestClaimsResponse ack;
    ack.set_sequence(request->sequence());
    if (request->documents_size() > options_.max_batch_documents) {
      result = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            absl::StrCat("batch ", request->sequence(), " has ", request->documents_size(),
                                         " documents; the limit is ", options_.max_batch_documents));
      break;
    }
    const IngestResult applied = index_->Apply(std::move(arena), request->mutable_documents());
    ack.set_documents_accepted(applied.documents_accepted);
    ack.set_claims_accepted(applied.claims_accepted);
    ack.set_documents_rejected(applied.documents_rejected);
    for (const std::string& e : applied.errors) ack.add_errors(e);
    ++batches_;
    if (!stream->Write(ack)) break;
    if (context->IsCancelled()) break;
  }
  --open_streams_;
  return result;
}

grpc::Status QueryServiceImpl::GetClaim(grpc::ServerContext*, const v1::GetClaimRequest* request,
                                        v1::Claim* response) {
  return Reply(index_->GetClaim(request->claim_id()), response);
}

grpc::Status QueryServiceImpl::BatchGetClaims(grpc::ServerContext*, const v1::BatchGetClaimsRequest* request,
                                              v1::BatchGetClaimsResponse* response) {
  if (request->claim_ids_size() > kMaxBatchGetClaims) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat(request->claim_ids_size(), " claim_ids; the limit is ", kMaxBatchGetClaims));
  }
  for (const std::string& id : request->claim_ids()) {
    if (id.empty()) return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "claim_ids holds an empty id");
  }
  *response = index_->BatchGetClaims(request->claim_ids());
  return grpc::Status::OK;
}

grpc::ServerUnaryReactor* QueryServiceImpl::SearchClaims(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* request_bytes,
                                                         grpc::ByteBuffer* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  v1::SearchClaimsRequest request;
  std::vector<grpc::Slice> slices;
  std::string joined;
  bool parsed = request_bytes->Dump(&slices).ok();
  if (parsed && slices.size() == 1) {
    parsed = request.ParseFromArray(slices[0].begin(), static_cast<int>(slices[0].size()));
  } else if (parsed) {
    for (const grpc::Slice& s : slices) joined.append(reinterpret_cast<const char*>(s.begin()), s.size());
    parsed = request.ParseFromString(joined);
  }
  if (!parsed) {
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 "the request is not a serialized claims.v1.SearchClaimsRequest"));
    return reactor;
  }
  absl::StatusOr<std::string> bytes = index_->SearchSerialized(request);
  if (!bytes.ok()) {
    reactor->Finish(ToGrpcStatus(bytes.status()));
    return reactor;
  }
  // The slice takes the string over rather than copying it.
  auto* owned = new std::string(*std::move(bytes));
  grpc::Slice slice(owned->data(), owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned);
  *response = grpc::ByteBuffer(&slice, 1);
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::Status QueryServiceImpl::ListSpeakers(grpc::ServerContext*, const v1::ListSpeakersRequest* request,
                                            v1::ListSpeakersResponse* response) {
  return Reply(index_->ListSpeakers(*request), response);
}

grpc::Status QueryServiceImpl::GetSpeaker(grpc::ServerContext*, const v1::GetSpeakerRequest* request,
                                          v1::SpeakerProfile* response) {
  return Reply(index_->GetSpeaker(request->speaker_id()), response);
}

grpc::Status QueryServiceImpl::GetDocument(grpc::ServerContext*, const v1::GetDocumentRequest* request,
                                           v1::DocumentClaims* response) {
  return Reply(index_->GetDocument(request->doc_id()), response);
}

grpc::Status QueryServiceImpl::DeleteDocument(grpc::ServerContext*, const v1::DeleteDocumentRequest* request,
                                              v1::DeleteDocumentResponse* response) {
  absl::StatusOr<uint32_t> removed = index_->DeleteDocument(request->doc_id());
  if (!removed.ok()) return ToGrpcStatus(removed.status());
  response->set_claims_removed(*removed);
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::WatchClaims(grpc::ServerContext* context, const v1::WatchClaimsRequest* request,
                                           grpc::ServerWriter<v1::Claim>* writer) {
  absl::StatusOr<ParsedQuery> query = ParseQuery(request->query());
  if (!query.ok()) return ToGrpcStatus(query.status());
  if (absl::Status s = ValidateFilter(request->filter()); !s.ok()) return ToGrpcStatus(s);
  // Claims carry index-wide speaker ids; a watch may name any alias.
  v1::ClaimFilter filter = request->filter();
  for (std::string& id : *filter.mutable_speaker_ids()) id = index_->CanonicalSpeakerId(id);
  std::shared_ptr<WatchHub::Watch> watch = hub_->Subscribe(*std::move(query), filter);
  // Headers go out at once, so the client knows the watch is registered.
  writer->SendInitialMetadata();
  grpc::Status result = grpc::Status::OK;
  while (!context->IsCancelled()) {
    absl::Status ended;
    for (const v1::Claim& claim : watch->Next(absl::Milliseconds(200), &ended)) {
      if (!writer->Write(claim)) {
        ended = absl::CancelledError("the watcher went away");
        break;
      }
    }
    if (!ended.ok()) {
      result = ToGrpcStatus(ended);
      break;
    }
  }
  hub_->Unsubscribe(watch);
  return result;
}

grpc::Status QueryServiceImpl::GetStats(grpc::ServerContext*, const v1::GetStatsRequest*,
                                        v1::GetStatsResponse* response) {
  *response = index_->Stats();
  response->set_batches_ingested(batches_.load());
  response->set_open_ingest_streams(open_streams_.load());
  return grpc::Status::OK;
}

grpc::Status QueryServiceImpl::GetCorroboration(grpc::ServerContext* context, const v1::GetCorroborationRequest* request,
                                                v1::Corroboration* response) {
  return Reply(index_->GetCorroboration(*request, CallDeadline(*context, absl::InfiniteFuture())), response);
}

grpc::Status QueryServiceImpl::ListClusters(grpc::ServerContext* context, const v1::ListClustersRequest* request,
                                            v1::ListClustersResponse* response) {
  return Reply(index_->ListClusters(*request, CallDeadline(*context, absl::InfiniteFuture())), response);
}

}  // namespace claims::query
