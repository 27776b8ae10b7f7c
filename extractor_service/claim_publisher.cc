#include "extractor_service/claim_publisher.h"

#include <iostream>
#include <vector>

namespace claims::extractor {

ClaimPublisher::ClaimPublisher(std::shared_ptr<grpc::Channel> channel, Options options)
    : options_(options), stub_(v1::QueryService::NewStub(channel)) {
  thread_ = std::thread([this] { Run(); });
}

ClaimPublisher::~ClaimPublisher() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    if (active_ != nullptr) active_->TryCancel();
  }
  thread_.join();
  absl::MutexLock lock(&mu_);
  if (!queue_.empty()) {
    std::cerr << "claim_publisher: stopping with " << queue_.size() << " unacknowledged documents\n";
  }
}

uint64_t ClaimPublisher::Enqueue(v1::DocumentClaims document) {
  absl::MutexLock lock(&mu_);
  const uint64_t ticket = next_ticket_++;
  queue_.emplace_back(ticket, std::move(document));
  return ticket;
}

absl::Status ClaimPublisher::WaitForAck(uint64_t ticket, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  auto done = [this, ticket]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return acked_through_ >= ticket; };
  if (!mu_.AwaitWithDeadline(absl::Condition(&done), deadline)) {
    return absl::DeadlineExceededError(
        "the query service has not acknowledged the documents yet; they stay queued");
  }
  return absl::OkStatus();
}

size_t ClaimPublisher::pending() const {
  absl::MutexLock lock(&mu_);
  return queue_.size();
}

void ClaimPublisher::Run() {
  uint64_t sequence = 0;
  while (true) {
    // Wait for work.
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || !queue_.empty(); };
      mu_.Await(absl::Condition(&ready));
      if (stopping_) return;
    }
    grpc::ClientContext context;
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
      active_ = &context;
    }
    auto stream = stub_->IngestClaims(&context);
    bool healthy = true;
    while (healthy) {
      // Send the head of the queue as one batch, then wait for its ack. The
      // batch leaves the queue only once acknowledged.
      v1::IngestClaimsRequest batch;
      uint64_t last_ticket = 0;
      {
        absl::MutexLock lock(&mu_);
        auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_ || !queue_.empty(); };
        mu_.AwaitWithTimeout(absl::Condition(&ready), absl::Seconds(30));
        if (stopping_) break;
        if (queue_.empty()) continue;
        for (size_t i = 0; i < queue_.size() && batch.documents_size() < options_.max_batch_documents; ++i) {
          *batch.add_documents() = queue_[i].second;
          last_ticket = queue_[i].first;
        }
      }
      batch.set_sequence(++sequence);
      v1::IngestClaimsResponse ack;
      if (!stream->Write(batch) || !stream->Read(&ack) || ack.sequence() != batch.sequence()) {
        healthy = false;
        break;
      }
      for (const std::string& e : ack.errors()) std::cerr << "claim_publisher: rejected: " << e << "\n";
      absl::MutexLock lock(&mu_);
      while (!queue_.empty() && queue_.front().first <= last_ticket) queue_.pop_front();
      acked_through_ = last_ticket;
    }
    stream->WritesDone();
    grpc::Status status = stream->Finish();
    {
      absl::MutexLock lock(&mu_);
      active_ = nullptr;
      if (stopping_) return;
    }
    if (!healthy) {
      std::cerr << "claim_publisher: ingest stream failed (" << status.error_message()
                << "); retrying in " << options_.retry_backoff << "\n";
      absl::SleepFor(options_.retry_backoff);
    }
  }
}

}  // namespace claims::extractor
