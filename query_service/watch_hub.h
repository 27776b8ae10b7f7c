// Live subscriptions for WatchClaims: each watch holds a compiled query and
// filter; the index's writer hands every newly visible claim to Publish(),
// which queues it on the watches it matches. Bounded queues: a watcher that
// falls kMaxPending claims behind is ended rather than slowing ingest.
#ifndef CLAIMS_QUERY_SERVICE_WATCH_HUB_H_
#define CLAIMS_QUERY_SERVICE_WATCH_HUB_H_

#include <deque>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "protos/claims/v1/query_service.pb.h"
#include "query_service/query_parser.h"

namespace claims::query {

class WatchHub {
 public:
  static constexpr size_t kMaxPending = 10000;

  class Watch {
   public:
    Watch(ParsedQuery query, v1::ClaimFilter filter) : query_(std::move(query)), filter_(std::move(filter)) {}
    // Waits up to `timeout` for claims; returns those queued (possibly
    // none). Once the watch has ended, returns its final status in *ended.
    std::vector<v1::Claim> Next(absl::Duration timeout, absl::Status* ended);

   private:
    friend class WatchHub;
    const ParsedQuery query_;
    const v1::ClaimFilter filter_;
    absl::Mutex mu_;
    std::deque<v1::Claim> pending_ ABSL_GUARDED_BY(mu_);
    absl::Status ended_ ABSL_GUARDED_BY(mu_);
    bool done_ ABSL_GUARDED_BY(mu_) = false;
  };

  // Registers a watch; Unsubscribe() it when the stream ends.
  std::shared_ptr<Watch> Subscribe(ParsedQuery query, v1::ClaimFilter filter);
  void Unsubscribe(const std::shared_ptr<Watch>& watch);

  // Queues each claim on the watches it matches.
  void Publish(absl::Span<const v1::Claim* const> claims);

  // Ends every watch with UNAVAILABLE (server shutting down) and refuses new ones.
  void Close();
  bool closed() const;

  size_t watches() const;

 private:
  mutable absl::Mutex mu_;
  std::vector<std::shared_ptr<Watch>> watches_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_WATCH_HUB_H_
