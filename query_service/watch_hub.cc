#include "query_service/watch_hub.h"

#include <algorithm>

namespace claims::query {

std::vector<v1::Claim> WatchHub::Watch::Next(absl::Duration timeout, absl::Status* ended) {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return done_ || !pending_.empty(); };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  std::vector<v1::Claim> out(std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.end()));
  pending_.clear();
  if (done_ && ended != nullptr) *ended = ended_;
  return out;
}

std::shared_ptr<WatchHub::Watch> WatchHub::Subscribe(ParsedQuery query, v1::ClaimFilter filter) {
  auto watch = std::make_shared<Watch>(std::move(query), std::move(filter));
  absl::MutexLock lock(&mu_);
  if (closed_) {
    absl::MutexLock wl(&watch->mu_);
    watch->done_ = true;
    watch->ended_ = absl::UnavailableError("the query service is shutting down");
  } else {
    watches_.push_back(watch);
  }
  return watch;
}

void WatchHub::Unsubscribe(const std::shared_ptr<Watch>& watch) {
  absl::MutexLock lock(&mu_);
  watches_.erase(std::remove(watches_.begin(), watches_.end(), watch), watches_.end());
}

void WatchHub::Publish(absl::Span<const v1::Claim* const> claims) {
  absl::MutexLock lock(&mu_);
  for (const std::shared_ptr<Watch>& w : watches_) {
    std::vector<const v1::Claim*> matched;
    for (const v1::Claim* c : claims) {
      if (MatchesClaim(w->query_, w->filter_, *c)) matched.push_back(c);
    }
    if (matched.empty()) continue;
    absl::MutexLock wl(&w->mu_);
    if (w->done_) continue;
    if (w->pending_.size() + matched.size() > kMaxPending) {
      w->done_ = true;
      w->ended_ = absl::ResourceExhaustedError(
          "the watcher fell more than 10000 claims behind; reconnect and catch up with SearchClaims");
      w->pending_.clear();
      continue;
    }
    for (const v1::Claim* c : matched) w->pending_.push_back(*c);
  }
}

void WatchHub::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
  for (const std::shared_ptr<Watch>& w : watches_) {
    absl::MutexLock wl(&w->mu_);
    w->done_ = true;
    w->ended_ = absl::UnavailableError("the query service is shutting down");
  }
}

bool WatchHub::closed() const {
  absl::MutexLock lock(&mu_);
  return closed_;
}

size_t WatchHub::watches() const {
  absl::MutexLock lock(&mu_);
  return watches_.size();
}

}  // namespace claims::query
