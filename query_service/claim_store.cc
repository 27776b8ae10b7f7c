#include "query_service/claim_store.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "common/utf8.h"
#include "query_service/tokenizer.h"

namespace claims::query {
namespace {

constexpr uint32_t kDefaultSearchPage = 20;
constexpr uint32_t kDefaultSpeakerPage = 50;
constexpr uint32_t kMaxPage = 1000;

absl::StatusOr<uint32_t> PageSize(uint32_t requested, uint32_t default_size) {
  if (requested == 0) return default_size;
  if (requested > kMaxPage) {
    return absl::InvalidArgumentError(absl::StrCat("page_size ", requested, " is above the maximum of ", kMaxPage));
  }
  return requested;
}

// Page tokens are "p" followed by the offset of the next result.
absl::StatusOr<uint64_t> DecodePageToken(absl::string_view token) {
  if (token.empty()) return 0;
  uint64_t offset;
  if (!absl::ConsumePrefix(&token, "p") || !absl::SimpleAtoi(token, &offset)) {
    return absl::InvalidArgumentError("page_token is not a token returned by this service");
  }
  return offset;
}

std::string EncodePageToken(uint64_t offset) { return absl::StrCat("p", offset); }

}  // namespace

absl::StatusOr<uint32_t> ClaimStore::ApplyDocument(const v1::DocumentClaims& document) {
  if (document.doc_id().empty()) return absl::InvalidArgumentError("document has an empty doc_id");
  absl::flat_hash_set<std::string> ids;
  for (const v1::Claim& c : document.claims()) {
    if (c.claim_id().empty()) {
      return absl::InvalidArgumentError(absl::StrCat("document ", document.doc_id(), ": a claim has no claim_id"));
    }
    if (c.doc_id() != document.doc_id()) {
      return absl::InvalidArgumentError(absl::StrCat("claim ", c.claim_id(), " has doc_id '", c.doc_id(),
                                                     "' inside document '", document.doc_id(), "'"));
    }
    if (!ids.insert(c.claim_id()).second) {
      return absl::InvalidArgumentError(absl::StrCat("claim_id ", c.claim_id(), " repeats in document ",
                                                     document.doc_id()));
    }
  }
  // Tokenise outside the lock.
  struct Prepared {
    std::shared_ptr<const v1::Claim> claim;
    absl::flat_hash_map<std::string, uint32_t> terms;
  };
  std::vector<Prepared> prepared;
  prepared.reserve(document.claims_size());
  for (const v1::Claim& c : document.claims()) {
    Prepared p;
    p.claim = std::make_shared<const v1::Claim>(c);
    for (std::string& t : Tokenize(c.text())) ++p.terms[t];
    prepared.push_back(std::move(p));
  }

  absl::MutexLock lock(&mu_);
  auto& doc_slots = by_doc_[document.doc_id()];
  for (uint32_t slot : doc_slots) {
    if (slots_[slot].claim) {
      by_claim_id_.erase(slots_[slot].claim->claim_id());
      slots_[slot].claim.reset();
      --live_claims_;
    }
  }
  doc_slots.clear();
  for (Prepared& p : prepared) {
    const uint32_t slot = static_cast<uint32_t>(slots_.size());
    // A claim id stored under another document moves here.
    if (auto it = by_claim_id_.find(p.claim->claim_id()); it != by_claim_id_.end()) {
      slots_[it->second].claim.reset();
      --live_claims_;
    }
    by_claim_id_[p.claim->claim_id()] = slot;
    for (const auto& [term, count] : p.terms) postings_[term].emplace_back(slot, count);
    slots_.push_back({std::move(p.claim)});
    doc_slots.push_back(slot);
    ++live_claims_;
  }
  return static_cast<uint32_t>(prepared.size());
}

absl::StatusOr<v1::Claim> ClaimStore::GetClaim(absl::string_view claim_id) const {
  if (claim_id.empty()) return absl::InvalidArgumentError("claim_id is required");
  absl::ReaderMutexLock lock(&mu_);
  auto it = by_claim_id_.find(claim_id);
  if (it == by_claim_id_.end() || !slots_[it->second].claim) {
    return absl::NotFoundError(absl::StrCat("no claim with claim_id '", claim_id, "'"));
  }
  return *slots_[it->second].claim;
}

absl::StatusOr<v1::SearchClaimsResponse> ClaimStore::Search(const v1::SearchClaimsRequest& request) const {
  absl::StatusOr<uint32_t> page_size = PageSize(request.page_size(), kDefaultSearchPage);
  if (!page_size.ok()) return page_size.status();
  absl::StatusOr<uint64_t> offset = DecodePageToken(request.page_token());
  if (!offset.ok()) return offset.status();
  std::vector<std::string> terms = Tokenize(request.query());
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  const std::string speaker = FoldForMatching(request.speaker());

  absl::ReaderMutexLock lock(&mu_);
  // (score, slot) of every live match.
  std::vector<std::pair<uint32_t, uint32_t>> matches;
  auto speaker_ok = [&](const v1::Claim& c) {
    return speaker.empty() || c.speaker().speaker_id() == request.speaker() ||
           FoldForMatching(c.speaker().canonical_name()) == speaker;
  };
  if (terms.empty()) {
    for (uint32_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].claim && speaker_ok(*slots_[s].claim)) matches.emplace_back(0, s);
    }
  } else {
    std::vector<const std::vector<std::pair<uint32_t, uint32_t>>*> lists;
    for (const std::string& t : terms) {
      auto it = postings_.find(t);
      if (it == postings_.end()) {
        lists.clear();
        break;
      }
      lists.push_back(&it->second);
    }
    if (!lists.empty()) {
      std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
      // Intersect by galloping through the longer lists.
      std::vector<size_t> pos(lists.size(), 0);
      for (const auto& [slot, count] : *lists[0]) {
        uint32_t score = count;
        bool all = true;
        for (size_t l = 1; l < lists.size() && all; ++l) {
          const auto& list = *lists[l];
          auto it = std::lower_bound(list.begin() + pos[l], list.end(), slot,
                                     [](const auto& e, uint32_t s) { return e.first < s; });
          pos[l] = it - list.begin();
          if (it == list.end() || it->first != slot) {
            all = false;
          } else {
            score += it->second;
          }
        }
        if (all && slots_[slot].claim && speaker_ok(*slots_[slot].claim)) matches.emplace_back(score, slot);
      }
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  v1::SearchClaimsResponse response;
  response.set_total_matches(matches.size());
  const uint64_t end = std::min<uint64_t>(matches.size(), *offset + *page_size);
  for (uint64_t i = *offset; i < end; ++i) *response.add_claims() = *slots_[matches[i].second].claim;
  if (end < matches.size()) response.set_next_page_token(EncodePageToken(end));
  return response;
}

absl::StatusOr<v1::ListSpeakersResponse> ClaimStore::ListSpeakers(const v1::ListSpeakersRequest& request) const {
  absl::StatusOr<uint32_t> page_size = PageSize(request.page_size(), kDefaultSpeakerPage);
  if (!page_size.ok()) return page_size.status();
  absl::StatusOr<uint64_t> offset = DecodePageToken(request.page_token());
  if (!offset.ok()) return offset.status();
  struct Agg {
    v1::SpeakerSummary summary;
    absl::flat_hash_map<std::string, int> roles;
  };
  absl::flat_hash_map<std::string, Agg> by_id;
  {
    absl::ReaderMutexLock lock(&mu_);
    for (const Slot& s : slots_) {
      if (!s.claim || s.claim->speaker().speaker_id().empty()) continue;
      const v1::Speaker& sp = s.claim->speaker();
      Agg& a = by_id[sp.speaker_id()];
      if (a.summary.speaker_id().empty()) {
        a.summary.set_speaker_id(sp.speaker_id());
        a.summary.set_canonical_name(sp.canonical_name());
        a.summary.set_type(sp.type());
      }
      a.summary.set_claim_count(a.summary.claim_count() + 1);
      if (!sp.role().empty()) ++a.roles[sp.role()];
    }
  }
  std::vector<Agg*> all;
  for (auto& [id, a] : by_id) all.push_back(&a);
  std::sort(all.begin(), all.end(), [](const Agg* a, const Agg* b) {
    if (a->summary.claim_count() != b->summary.claim_count()) return a->summary.claim_count() > b->summary.claim_count();
    return a->summary.canonical_name() < b->summary.canonical_name();
  });
  v1::ListSpeakersResponse response;
  const uint64_t end = std::min<uint64_t>(all.size(), *offset + *page_size);
  for (uint64_t i = *offset; i < end; ++i) {
    v1::SpeakerSummary* s = response.add_speakers();
    *s = all[i]->summary;
    std::vector<std::pair<std::string, int>> roles(all[i]->roles.begin(), all[i]->roles.end());
    std::sort(roles.begin(), roles.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (auto& r : roles) s->add_roles(r.first);
  }
  if (end < all.size()) response.set_next_page_token(EncodePageToken(end));
  return response;
}

v1::GetStatsResponse ClaimStore::Stats() const {
  v1::GetStatsResponse stats;
  absl::ReaderMutexLock lock(&mu_);
  uint64_t docs = 0;
  absl::flat_hash_set<absl::string_view> speakers;
  for (const auto& [id, slots] : by_doc_) docs += !slots.empty() ? 1 : 0;
  for (const Slot& s : slots_) {
    if (s.claim && !s.claim->speaker().speaker_id().empty()) speakers.insert(s.claim->speaker().speaker_id());
  }
  stats.set_documents(docs);
  stats.set_claims(live_claims_);
  stats.set_speakers(speakers.size());
  stats.set_terms(postings_.size());
  return stats;
}

}  // namespace claims::query
