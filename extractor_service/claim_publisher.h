// ClaimPublisher: forwards documents' claims to the query service over one
// long-lived IngestClaims stream, in batches, keeping every document queued
// until the query service has acknowledged it (across reconnects, with
// backoff). Thread-safe.
#ifndef CLAIMS_EXTRACTOR_SERVICE_CLAIM_PUBLISHER_H_
#define CLAIMS_EXTRACTOR_SERVICE_CLAIM_PUBLISHER_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "protos/claims/v1/query_service.grpc.pb.h"

namespace claims::extractor {

class ClaimPublisher {
 public:
  struct Options {
    // Most documents per batch. Default 64.
    int max_batch_documents = 64;
    // How long to wait before reconnecting after a failure. Default 500 ms.
    absl::Duration retry_backoff = absl::Milliseconds(500);
  };

  // Starts the sending thread; connects lazily through `channel`.
  ClaimPublisher(std::shared_ptr<grpc::Channel> channel, Options options);
  // Stops the thread; documents still unacknowledged are dropped (logged).
  ~ClaimPublisher();

  // Enqueue()
  //
  // Queues one document's claims; returns a ticket for WaitForAck().
  uint64_t Enqueue(v1::DocumentClaims document);

  // WaitForAck()
  //
  // Blocks until the query service acknowledged every document up to and
  // including `ticket`, or `deadline`. DEADLINE_EXCEEDED (the documents stay
  // queued) when the deadline passes first.
  absl::Status WaitForAck(uint64_t ticket, absl::Time deadline);

  // Documents queued but not yet acknowledged.
  size_t pending() const;

 private:
  void Run();

  const Options options_;
  std::unique_ptr<v1::QueryService::Stub> stub_;
  mutable absl::Mutex mu_;
  std::deque<std::pair<uint64_t, v1::DocumentClaims>> queue_ ABSL_GUARDED_BY(mu_);
  uint64_t next_ticket_ ABSL_GUARDED_BY(mu_) = 1;
  uint64_t acked_through_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  grpc::ClientContext* active_ ABSL_GUARDED_BY(mu_) = nullptr;
  std::thread thread_;
};

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_CLAIM_PUBLISHER_H_
