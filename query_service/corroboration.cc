#include "query_service/corroboration.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/ids.h"
#include "query_service/segment.h"
#include "query_service/statement_words.h"
#include "query_service/tokenizer.h"

namespace claims::query {

void SequenceCache::Append(absl::string_view written, std::vector<uint32_t>* out) {
  auto it = words_.find(written);
  if (it == words_.end()) {
    if (words_.size() >= max_words_) {
      words_ = {};
      long_bytes_ = 0;
    }
    Values v;
    uint32_t values[2];
    v.count = static_cast<uint8_t>(WrittenStatementValues(written, values));
    v.first = values[0];
    v.second = values[1];
    if (written.size() > 15) long_bytes_ += written.size() + 1;
    it = words_.emplace(written, v).first;
  }
  out->push_back(it->second.first);
  if (it->second.count == 2) out->push_back(it->second.second);
}

size_t SequenceCache::MemoryBytes() const {
  return words_.capacity() * (sizeof(std::string) + sizeof(Values) + 1) + long_bytes_;
}

std::vector<uint32_t> StatementSequence(absl::string_view text, SequenceCache* cache) {
  std::vector<uint32_t> out;
  ForEachWord(text, [&](absl::string_view written, uint32_t, uint32_t) {
    if (cache != nullptr) {
      cache->Append(written, &out);
    } else {
      uint32_t values[2];
      out.insert(out.end(), values, values + WrittenStatementValues(written, values));
    }
  });
  return out;
}

std::vector<uint32_t> ContentTerms(absl::Span<const uint32_t> sequence) {
  std::vector<uint32_t> out;
  for (uint32_t h : sequence) {
    if (h & 1u) out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint32_t> Shingles(absl::Span<const uint32_t> sequence) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i + kShingleWords <= sequence.size(); ++i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int k = 0; k < kShingleWords; ++k) h = (h ^ sequence[i + k]) * 0x100000001b3ULL;
    out.push_back(static_cast<uint32_t>(h ^ (h >> 32)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint32_t> StatementTerms(absl::string_view text) { return ContentTerms(StatementSequence(text)); }

LinkFeatures ComputeLinkFeatures(const StatementView& a, const StatementView& b,
                                 const std::function<double(uint32_t)>& weight) {
  LinkFeatures f;
  f.dates_apart = a.day != kNoDay && b.day != kNoDay && std::abs(a.day - b.day) > kMaxDayGap;
  double wa = 0, wb = 0, inter = 0;
  for (size_t i = 0, j = 0; i < a.terms.size() || j < b.terms.size();) {
    if (j == b.terms.size() || (i < a.terms.size() && a.terms[i] < b.terms[j])) {
      wa += weight(a.terms[i++]);
    } else if (i == a.terms.size() || b.terms[j] < a.terms[i]) {
      wb += weight(b.terms[j++]);
    } else {
      const double w = weight(a.terms[i]);
      wa += w;
      wb += w;
      inter += w;
      ++f.shared;
      ++i;
      ++j;
    }
  }
  for (size_t i = 0, j = 0; i < a.shingles.size() && j < b.shingles.size();) {
    if (a.shingles[i] < b.shingles[j]) {
      ++i;
    } else if (b.shingles[j] < a.shingles[i]) {
      ++j;
    } else {
      ++f.shared_shingles;
      ++i;
      ++j;
    }
  }
  f.smaller = std::min(a.terms.size(), b.terms.size());
  f.same_terms = !a.terms.empty() && f.shared == a.terms.size() && f.shared == b.terms.size();
  if (inter > 0) {
    f.jaccard = inter / (wa + wb - inter);
    f.containment = inter / std::min(wa, wb);
  }
  return f;
}

double LinkScore(const StatementView& a, const StatementView& b, const std::function<double(uint32_t)>& weight) {
  if (a.terms.empty() || b.terms.empty()) return 0;
  const LinkFeatures f = ComputeLinkFeatures(a, b, weight);
  if (f.dates_apart) return 0;
  if (f.same_terms) return 1.0;
  if (f.shared == 0) return 0;
  const bool quote_a = a.kind != v1::CLAIM_KIND_INDIRECT;
  const bool quote_b = b.kind != v1::CLAIM_KIND_INDIRECT;
  if (quote_a == quote_b && f.shared_shingles >= 3) {
    // A run of six or more words in common, in the same kind of rendering.
    return std::max(f.jaccard, 0.6);
  }
  if (quote_a && quote_b) {
    // Trimmed, extended and partial quotes: the shorter inside the longer.
    if (f.smaller >= 2 && f.shared >= 2 && f.containment >= 0.75) return std::max(f.jaccard, 0.9 * f.containment);
    if (f.jaccard >= 0.45) return f.jaccard;
    // Translations of one long quote share much of their vocabulary.
    if (f.shared >= 5 && f.containment >= 0.5) return 0.8 * f.containment;
  } else if (!quote_a && !quote_b) {
    if (f.jaccard >= 0.35) return f.jaccard;
    if (f.shared >= 3 && f.containment >= 0.7) return 0.8 * f.containment;
    // Paraphrases of one statement keep many of its content words.
    if (f.shared >= 6 && f.containment >= 0.45) return 0.8 * f.containment;
  } else {
    // A quote and reported speech: nearly the same words as wholes, or the
    // reported clause inside the quote. A quoted fragment inside reported
    // speech is the paraphrase's own quote, not the paraphrase.
    if (f.jaccard >= 0.6) return f.jaccard;
    const size_t indirect_terms = quote_a ? b.terms.size() : a.terms.size();
    if (indirect_terms == f.smaller && f.shared >= 3 && f.containment >= 0.75) return 0.8 * f.containment;
  }
  return 0;
}

std::string ClusterId(uint32_t ordinal) { return absl::StrCat("cl-", absl::Hex(ordinal)); }

std::optional<uint32_t> ParseClusterId(absl::string_view cluster_id) {
  if (cluster_id.size() < 4 || cluster_id.substr(0, 3) != "cl-") return std::nullopt;
  uint32_t ordinal = 0;
  if (!absl::SimpleHexAtoi(cluster_id.substr(3), &ordinal) || ordinal == 0) return std::nullopt;
  return ordinal;
}

Clusterer::Clusterer() {
  absl::MutexLock lock(&mu_);
  clusters_data_.emplace_back();  // ordinal 0 is "none"
}

Clusterer::~Clusterer() = default;

Clusterer::Input Clusterer::Input::Of(const v1::Claim& claim, uint32_t speaker) {
  Input in;
  in.claim_hash = StableHash64(claim.claim_id());
  in.doc_id = claim.doc_id();
  in.speaker = speaker;
  in.outlet = claim.source().outlet();
  in.kind = claim.kind();
  in.statement_day = DayNumber(claim.statement_date());
  in.text = claim.text();
  return in;
}

uint32_t Clusterer::WordId(uint32_t word) {
  auto [it, inserted] = word_ids_.try_emplace(word, static_cast<uint32_t>(word_of_id_.size()));
  if (inserted) {
    word_of_id_.push_back(word);
    df_.push_back(0);
  }
  return it->second;
}

std::vector<uint32_t> Clusterer::Words(const Entry& e) const {
  std::vector<uint32_t> out;
  const uint8_t* p = words_.data() + e.words_begin;
  const uint8_t* end = p + e.words_bytes;
  while (p < end) {
    uint32_t id = 0;
    for (int shift = 0;; shift += 7) {
      const uint8_t byte = *p++;
      id |= static_cast<uint32_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    out.push_back(word_of_id_[id]);
  }
  return out;
}

double Clusterer::Weight(uint32_t term) const {
  auto it = word_ids_.find(term);
  const double df = it == word_ids_.end() ? 1.0 : std::max<double>(1.0, df_[it->second]);
  return std::log(1.0 + static_cast<double>(std::max<uint64_t>(live_entries_, 1)) / df);
}

uint32_t Clusterer::Key(uint32_t speaker, uint32_t term) {
  uint64_t x = (static_cast<uint64_t>(speaker) << 32) | term;
  // A 64-bit mix (the finaliser of MurmurHash3), folded to 32 bits.
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return static_cast<uint32_t>(x);
}

uint32_t Clusterer::AllocateRing(int log2_capacity) {
  std::vector<uint32_t>& free = free_rings_[log2_capacity];
  if (!free.empty()) {
    const uint32_t offset = free.back();
    free.pop_back();
    return offset;
  }
  const uint32_t offset = static_cast<uint32_t>(ring_pool_.size());
  ring_pool_.resize(ring_pool_.size() + 1 + (size_t{1} << log2_capacity));
  return offset;
}

void Clusterer::Push(uint32_t key, uint32_t entry) {
  auto [it, inserted] = rings_.try_emplace(key, kDirect | entry);
  if (inserted) return;
  uint32_t& slot = it->second;
  if (slot & kDirect) {
    // A second entry: the key moves to a ring of two, oldest first.
    const uint32_t offset = AllocateRing(1);
    ring_pool_[offset] = RingHeader{2, 1, 0}.Encode();
    ring_pool_[offset + 1] = slot & ~kDirect;
    ring_pool_[offset + 2] = entry;
    slot = offset;
    return;
  }
  RingHeader r = RingHeader::Decode(ring_pool_[slot]);
  if (r.size == (1u << r.log2_capacity) && r.size < static_cast<uint32_t>(kChainLimit)) {
    // Full and below the limit: move to a ring twice the size, oldest first.
    const uint32_t capacity = 1u << r.log2_capacity;
    const uint32_t grown = AllocateRing(static_cast<int>(r.log2_capacity) + 1);
    for (uint32_t i = 0; i < r.size; ++i) {
      ring_pool_[grown + 1 + i] = ring_pool_[slot + 1 + ((r.next + i) & (capacity - 1))];
    }
    free_rings_[r.log2_capacity].push_back(slot);
    slot = grown;
    r.next = r.size;
    ++r.log2_capacity;
  }
  const uint32_t mask = (1u << r.log2_capacity) - 1;
  ring_pool_[slot + 1 + r.next] = entry;
  r.next = (r.next + 1) & mask;
  if (r.size <= mask) ++r.size;
  ring_pool_[slot] = r.Encode();
}

template <typename Visit>
void Clusterer::ForEachFiled(uint32_t key, Visit visit) const {
  const auto it = rings_.find(key);
  if (it == rings_.end()) return;
  const uint32_t slot = it->second;
  if (slot & kDirect) {
    visit(slot & ~kDirect);
    return;
  }
  const RingHeader r = RingHeader::Decode(ring_pool_[slot]);
  const uint32_t mask = (1u << r.log2_capacity) - 1;
  for (uint32_t back = 1; back <= r.size; ++back) visit(ring_pool_[slot + 1 + ((r.next - back) & mask)]);
}

void Clusterer::File(uint32_t entry, absl::Span<const uint32_t> terms, absl::Span<const uint32_t> dfs) {
  const Entry& e = entries_[entry];
  std::vector<std::pair<uint32_t, uint32_t>> by_rarity;  // (df, term)
  for (size_t i = 0; i < terms.size(); ++i) by_rarity.emplace_back(dfs[i], terms[i]);
  const size_t n = std::min<size_t>(by_rarity.size(), kFiledTerms);
  std::partial_sort(by_rarity.begin(), by_rarity.begin() + n, by_rarity.end());
  for (size_t i = 0; i < n; ++i) Push(Key(e.speaker, by_rarity[i].second), entry);
}

uint32_t Clusterer::NewCluster() {
  const uint32_t ordinal = clusters_.load(std::memory_order_relaxed) + 1;
  outlet_counts_.Set(ordinal, 0);
  {
    absl::MutexLock lock(&mu_);
    clusters_data_.emplace_back();
  }
  clusters_.store(ordinal, std::memory_order_release);
  return ordinal;
}

void Clusterer::SetOutlets(uint32_t cluster, uint32_t value) {
  outlet_counts_.Set(cluster, static_cast<uint16_t>(std::min<uint32_t>(value, UINT16_MAX)));
}

uint32_t Clusterer::outlets(uint32_t cluster) const {
  if (cluster == 0 || cluster > clusters_.load(std::memory_order_acquire)) return 0;
  return outlet_counts_.Get(cluster);
}

uint32_t Clusterer::CountOutlets(uint32_t cluster) const {
  std::vector<uint32_t> seen;
  for (uint32_t m = clusters_data_[cluster].head; m != kNone; m = entries_[m].next_member) {
    if (std::find(seen.begin(), seen.end(), entries_[m].outlet) == seen.end()) seen.push_back(entries_[m].outlet);
  }
  return static_cast<uint32_t>(seen.size());
}

void Clusterer::Join(uint32_t cluster, uint32_t entry) {
  uint32_t distinct;
  {
    absl::MutexLock lock(&mu_);
    Entry& e = entries_[entry];
    e.cluster = cluster;
    e.next_member = kNone;
    Cluster& c = clusters_data_[cluster];
    if (c.tail == kNone) {
      c.head = entry;
    } else {
      entries_[c.tail].next_member = entry;
    }
    c.tail = entry;
    distinct = CountOutlets(cluster);
  }
  SetOutlets(cluster, distinct);
}

uint32_t Clusterer::Add(const Input& claim) {
  const uint32_t index = static_cast<uint32_t>(entries_.size());
  Entry e{};
  e.claim_hash = claim.claim_hash;
  e.speaker = claim.speaker;
  e.kind = static_cast<uint8_t>(claim.kind);
  e.day = claim.statement_day;
  e.live = true;
  auto [doc_it, new_doc] =
      doc_numbers_.try_emplace(StableHash64(claim.doc_id), static_cast<uint32_t>(doc_entries_.size()));
  if (new_doc) doc_entries_.emplace_back();
  e.doc = doc_it->second;
  const std::string outlet_key = claim.outlet.empty() ? absl::StrCat("\x01", claim.doc_id) : std::string(claim.outlet);
  e.outlet = outlet_numbers_.try_emplace(outlet_key, static_cast<uint32_t>(outlet_numbers_.size())).first->second;
  std::vector<uint32_t> worked_out;
  if (claim.sequence.empty()) worked_out = StatementSequence(claim.text, &sequences_);
  const absl::Span<const uint32_t> sequence =
      (claim.sequence.empty() ? absl::MakeConstSpan(worked_out) : claim.sequence).subspan(0, kMaxWords);
  const std::vector<uint32_t> terms = ContentTerms(sequence);
  const std::vector<uint32_t> shingles = Shingles(sequence);
  e.words_begin = static_cast<uint32_t>(words_.size());
  for (uint32_t word : sequence) {
    for (uint32_t id = WordId(word);; id >>= 7) {
      words_.push_back(static_cast<uint8_t>((id & 0x7f) | (id >= 0x80 ? 0x80 : 0)));
      if (id < 0x80) break;
    }
  }
  e.words_bytes = static_cast<uint16_t>(words_.size() - e.words_begin);
  e.next_member = kNone;
  {
    absl::MutexLock lock(&mu_);
    entries_.push_back(e);
  }
  doc_entries_[e.doc].push_back(index);
  ++live_entries_;
  // Each term's claim count, this claim included (one probe per term).
  std::vector<uint32_t> dfs(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) dfs[i] = ++df_[word_ids_.find(terms[i])->second];

  uint32_t best_cluster = 0;
  if (claim.speaker != 0 && !terms.empty()) {
    // Candidates: entries of the same speaker sharing a term, most recent first.
    absl::flat_hash_map<uint32_t, uint32_t> shared;
    // Terms in more than kCommonTermShare of all claims (once there are
    // enough claims to tell) say little about which statement this is and
    // have the longest chains: they are not looked up.
    const uint64_t common_df = std::max<uint64_t>(64, static_cast<uint64_t>(kCommonTermShare * live_entries_));
    uint32_t looked_up = 0;
    for (size_t i = 0; i < terms.size(); ++i) {
      if (dfs[i] > common_df) continue;
      ++looked_up;
      if (dfs[i] <= 1) continue;  // no other claim has the word: its key holds nothing to find
      // Only the ring is read here; entries (a cache miss each) are read
      // for the few candidates that rank.
      ForEachFiled(Key(claim.speaker, terms[i]), [&](uint32_t entry) {
        ++work_.links_walked;
        ++shared[entry];
      });
    }
    // Verified: the candidates sharing the most looked-up terms (at least
    // two, unless the claim has fewer), most recent first among equals;
    // withdrawn claims, this document's and other speakers' (a key hash
    // collision) left out.
    const uint32_t min_shared = std::min<uint32_t>(2, std::max<uint32_t>(looked_up, 1));
    std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (entry, shared)
    for (const auto& [entry, count] : shared) {
      if (count >= min_shared) ranked.emplace_back(entry, count);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first > y.first;
    });
    size_t kept = 0;
    for (size_t i = 0; i < ranked.size() && kept < static_cast<size_t>(kMaxVerified); ++i) {
      const Entry& other = entries_[ranked[i].first];
      if (other.live && other.doc != e.doc && other.speaker == e.speaker) ranked[kept++] = ranked[i];
    }
    ranked.resize(kept);
    const auto weight = [this](uint32_t t) { return Weight(t); };
    const StatementView mine{terms, shingles, claim.kind, claim.statement_day};
    // Each linked candidate votes for its cluster with its score; the claim
    // joins the cluster with the most support (the best single score breaks
    // ties). A cluster holding several reports of a statement outvotes one
    // short fragment that happens to lie inside this claim.
    struct Support {
      uint32_t cluster;
      double total;
      double best;
    };
    std::vector<Support> support;
    absl::MutexLock lock(&mu_);
    for (const auto& [other_index, unused] : ranked) {
      const Entry& other = entries_[other_index];
      const std::vector<uint32_t> other_words = Words(other);
      const std::vector<uint32_t> other_terms = ContentTerms(other_words);
      const std::vector<uint32_t> other_shingles = Shingles(other_words);
      const StatementView theirs{other_terms, other_shingles, static_cast<v1::ClaimKind>(other.kind), other.day};
      ++work_.pairs_verified;
      const double score = LinkScore(mine, theirs, weight);
      if (score <= 0) continue;
      auto it = std::find_if(support.begin(), support.end(),
                             [&](const Support& s) { return s.cluster == other.cluster; });
      if (it == support.end()) {
        support.push_back({other.cluster, score, score});
      } else {
        it->total += score;
        it->best = std::max(it->best, score);
      }
    }
    std::sort(support.begin(), support.end(), [](const Support& x, const Support& y) {
      return x.total != y.total ? x.total > y.total : x.best > y.best;
    });
    for (const Support& candidate : support) {
      bool same_document = false;
      for (uint32_t m = clusters_data_[candidate.cluster].head; m != kNone && !same_document;
           m = entries_[m].next_member) {
        same_document = entries_[m].doc == e.doc;
      }
      if (same_document) continue;
      best_cluster = candidate.cluster;
      break;
    }
  }
  if (best_cluster == 0) best_cluster = NewCluster();
  Join(best_cluster, index);
  if (claim.speaker != 0) File(index, terms, dfs);
  UpdateMemory();
  return best_cluster;
}

void Clusterer::RemoveDocument(absl::string_view doc_id) {
  auto doc_it = doc_numbers_.find(StableHash64(doc_id));
  if (doc_it == doc_numbers_.end()) return;
  std::vector<uint32_t> removed = std::move(doc_entries_[doc_it->second]);
  doc_entries_[doc_it->second].clear();
  for (uint32_t index : removed) {
    if (!entries_[index].live) continue;
    const uint32_t cluster = entries_[index].cluster;
    uint32_t distinct;
    {
      absl::MutexLock lock(&mu_);
      Entry& e = entries_[index];
      e.live = false;
      // Unlink from the cluster's list.
      Cluster& c = clusters_data_[cluster];
      uint32_t previous = kNone;
      for (uint32_t m = c.head; m != kNone; previous = m, m = entries_[m].next_member) {
        if (m != index) continue;
        if (previous == kNone) {
          c.head = e.next_member;
        } else {
          entries_[previous].next_member = e.next_member;
        }
        if (c.tail == index) c.tail = previous;
        break;
      }
      e.next_member = kNone;
      distinct = CountOutlets(cluster);
    }
    const Entry& e = entries_[index];
    --live_entries_;
    for (uint32_t term : ContentTerms(Words(e))) --df_[word_ids_.find(term)->second];
    SetOutlets(cluster, distinct);
  }
  UpdateMemory();
}

std::vector<uint64_t> Clusterer::Members(uint32_t cluster) const {
  std::vector<uint64_t> out;
  absl::MutexLock lock(&mu_);
  if (cluster == 0 || cluster >= clusters_data_.size()) return out;
  for (uint32_t m = clusters_data_[cluster].head; m != kNone; m = entries_[m].next_member) {
    out.push_back(entries_[m].claim_hash);
  }
  return out;
}

void Clusterer::UpdateMemory() {
  const size_t bytes = entries_.capacity() * sizeof(Entry) + words_.capacity() +
                       word_ids_.capacity() * (2 * sizeof(uint32_t) + 1) +
                       (word_of_id_.capacity() + df_.capacity()) * sizeof(uint32_t) +
                       rings_.capacity() * (2 * sizeof(uint32_t) + 1) +
                       ring_pool_.capacity() * sizeof(uint32_t) +
                       doc_numbers_.capacity() * (sizeof(uint64_t) + sizeof(uint32_t) + 1) +
                       doc_entries_.capacity() * sizeof(std::vector<uint32_t>) + live_entries_ * sizeof(uint32_t) +
                       sequences_.MemoryBytes();
  writer_bytes_.store(bytes, std::memory_order_relaxed);
}

size_t Clusterer::MemoryBytes() const {
  const size_t clusters = clusters_.load(std::memory_order_acquire);
  return writer_bytes_.load(std::memory_order_relaxed) + clusters * sizeof(Cluster) + outlet_counts_.MemoryBytes();
}

}  // namespace claims::query
