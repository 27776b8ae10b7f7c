// Corroboration: grouping the claims of different documents that report the
// same statement, incrementally, as claims stream in.
//
// Each claim is reduced to its statement words (StatementSequence): the
// Snowball stems of its words, contractions expanded so "won't" and "will
// not" agree, function words flagged. Its terms are the distinct content
// words; its shingles, runs of kShingleWords words.
//
// Candidates: a bounded inverted index keyed by (speaker, term). A new claim
// is filed under its kFiledTerms rarest terms (each key keeps only its
// kChainLimit most recent entries, contiguously); it looks up its terms,
// skipping those in more than kCommonTermShare of all claims, and reads
// each key's entries; at most kMaxVerified
// candidates sharing two looked-up terms are verified. The work per claim is
// bounded whatever the index size (the sublinear blocking LSH buckets give,
// with exact term keys), and only claims of the same speaker ever meet, so
// a cluster never mixes speakers.
//
// Verification (LinkScore) weighs shared terms by inverse document
// frequency and accepts a pair when
//   - both are quotes and one's terms are (nearly) contained in the other's
//     (a trimmed or extended quote, a partial quote of a full one), or the
//     weighted Jaccard overlap is high or they share many terms (a reworded
//     translation);
//   - both are reported speech and the overlap is high enough for a
//     paraphrase;
//   - either of those two, when they share three shingles (a run of six or
//     more words in common);
//   - a quote and reported speech are nearly the same words as wholes, or
//     the reported clause lies inside the quote (a quote sitting inside
//     someone else's paraphrase does not link the two);
// and never when both have statement dates more than kMaxDayGap apart.
//
// Assignment: each linked candidate votes for its cluster with its score;
// a claim joins the cluster with the most support (the best single score
// breaks ties), skipping one that already holds a claim of the same
// document (a document reports a statement once); otherwise it starts a
// cluster. Cluster ids never change and are never reused.
#ifndef CLAIMS_QUERY_SERVICE_CORROBORATION_H_
#define CLAIMS_QUERY_SERVICE_CORROBORATION_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "protos/claims/v1/claim.pb.h"
#include "query_service/atomic_table.h"

namespace claims::query {

// StatementSequence()'s values of words as written, so a word seen before
// is neither folded nor stemmed again (news text repeats its words).
// Bounded: starts over past `max_words`. Not thread-safe.
class SequenceCache {
 public:
  static constexpr size_t kMaxWords = 1 << 16;
  explicit SequenceCache(size_t max_words = kMaxWords) : max_words_(max_words) {}
  // Appends the values of one word as written to `out`.
  void Append(absl::string_view written, std::vector<uint32_t>* out);
  size_t MemoryBytes() const;

 private:
  struct Values {
    uint32_t first = 0;
    uint32_t second = 0;
    uint8_t count = 0;  // 1 or 2 (a contraction: its base, then "not")
  };
  size_t max_words_;
  absl::flat_hash_map<std::string, Values> words_;
  size_t long_bytes_ = 0;  // heap bytes of the words too long to be stored inline
};

// The words of a statement in order, as 32-bit hashes of their Snowball
// stems (contractions expanded: "won't" -> "will", "not"); the lowest bit is
// set for content words and clear for function words. `cache`, when given,
// remembers each word's values.
std::vector<uint32_t> StatementSequence(absl::string_view text, SequenceCache* cache = nullptr);
// Sorted, distinct content-word hashes of a sequence.
std::vector<uint32_t> ContentTerms(absl::Span<const uint32_t> sequence);
// Sorted, distinct hashes of the sequence's runs of kShingleWords words
// (function words included): shared runs mean shared verbatim wording.
inline constexpr int kShingleWords = 4;
std::vector<uint32_t> Shingles(absl::Span<const uint32_t> sequence);
// ContentTerms(StatementSequence(text)).
std::vector<uint32_t> StatementTerms(absl::string_view text);

// Statement dates further apart than this never denote one statement.
inline constexpr int32_t kMaxDayGap = 3;

// How strongly two claims report the same statement: 0 when they do not,
// otherwise a score in (0, 1]. `weight` gives a term's informativeness
// (higher for rarer terms). Days are DayNumber()s or kNoDay.
struct StatementView {
  absl::Span<const uint32_t> terms;     // ContentTerms()
  absl::Span<const uint32_t> shingles;  // Shingles()
  v1::ClaimKind kind = v1::CLAIM_KIND_UNSPECIFIED;
  int32_t day = 0;
};
// What LinkScore() decides on.
struct LinkFeatures {
  double jaccard = 0;      // weighted shared terms / weighted union
  double containment = 0;  // weighted shared terms / the lighter side
  size_t shared = 0;       // shared terms
  size_t smaller = 0;      // terms of the side with fewer
  size_t shared_shingles = 0;
  bool same_terms = false;
  bool dates_apart = false;
};
LinkFeatures ComputeLinkFeatures(const StatementView& a, const StatementView& b,
                                 const std::function<double(uint32_t)>& weight);
double LinkScore(const StatementView& a, const StatementView& b, const std::function<double(uint32_t)>& weight);

// "cl-<hex>" for a cluster ordinal, and back.
std::string ClusterId(uint32_t ordinal);
std::optional<uint32_t> ParseClusterId(absl::string_view cluster_id);

class Clusterer {
 public:
  // Most recent entries kept and walked per (speaker, term) key.
  static constexpr int kChainLimit = 32;
  // Candidates verified per claim.
  static constexpr int kMaxVerified = 12;
  // Terms in more than this share of all claims are not looked up.
  static constexpr double kCommonTermShare = 0.01;
  // Terms a claim is filed under (its rarest).
  static constexpr int kFiledTerms = 6;
  // Words of a claim kept (longer claims are cut).
  static constexpr int kMaxWords = 128;

  struct Input {
    uint64_t claim_hash = 0;
    absl::string_view doc_id;
    // Index-wide speaker number; 0 = unknown speaker (never linked).
    uint32_t speaker = 0;
    // The outlet; empty counts the document as an outlet of its own.
    absl::string_view outlet;
    v1::ClaimKind kind = v1::CLAIM_KIND_UNSPECIFIED;
    int32_t statement_day = 0;  // DayNumber() or kNoDay
    absl::string_view text;
    // StatementSequence(text) when worked out already (as a segment's
    // builder does); empty: worked out here from `text`.
    absl::Span<const uint32_t> sequence;

    // A claim's input, with the index-wide number of its speaker; the
    // views point into `claim`.
    static Input Of(const v1::Claim& claim, uint32_t speaker);
  };

  Clusterer();
  ~Clusterer();

  // Files a claim and returns its cluster's ordinal. Each claim is filed
  // once: a document is removed before its claims are filed again
  // (ClaimIndex withdraws replaced documents and rejects a document that
  // repeats a claim id). Writer only (one at a time).
  uint32_t Add(const Input& claim);
  // Withdraws every claim of a document from its cluster. Writer only.
  void RemoveDocument(absl::string_view doc_id);

  // Distinct outlets among the cluster's claims; 0 for an unknown ordinal.
  // Lock-free; safe from any thread.
  uint32_t outlets(uint32_t cluster) const;
  // Hashes of the claims now in the cluster, in the order they joined.
  // Thread-safe.
  std::vector<uint64_t> Members(uint32_t cluster) const;
  // Clusters handed out so far (ordinals are 1..count). Thread-safe.
  uint32_t cluster_count() const { return clusters_.load(std::memory_order_acquire); }
  // Approximate heap bytes held. Thread-safe.
  size_t MemoryBytes() const;

  // Work done so far, for benchmarks: chain links walked and candidate
  // pairs verified. Writer only.
  struct Work {
    uint64_t links_walked = 0;
    uint64_t pairs_verified = 0;
  };
  const Work& work() const { return work_; }

 private:
  struct Entry {
    uint64_t claim_hash;
    uint32_t cluster;
    uint32_t speaker;
    uint32_t doc;
    uint32_t outlet;
    uint32_t words_begin;  // StatementSequence() in words_, as varint word ids
    uint16_t words_bytes;
    uint8_t kind;
    bool live;
    int32_t day;
    uint32_t next_member;  // next claim of the cluster, in joining order
  };
  // The kChainLimit most recent entries filed under one key. A key with one
  // entry (most keys: rare words) holds it in its map slot (kDirect | entry);
  // a longer one, the offset of its slice of ring_pool_: a header word
  // (RingHeader) and a ring whose capacity doubles from 2 up to kChainLimit
  // (then the oldest is overwritten): walking a key reads one or two cache
  // lines.
  static constexpr uint32_t kDirect = 1u << 31;
  struct RingHeader {
    uint32_t size = 0;
    uint32_t log2_capacity = 0;
    uint32_t next = 0;  // the slot the next filing goes to
    static RingHeader Decode(uint32_t word) { return {word & 0xff, (word >> 8) & 0xff, word >> 16}; }
    uint32_t Encode() const { return size | log2_capacity << 8 | next << 16; }
  };
  static_assert((kChainLimit & (kChainLimit - 1)) == 0, "kChainLimit must be a power of two");
  static constexpr int kRingClasses = 6;  // free slices by log2 capacity (1..5 used)
  // Live claims of a cluster, as a list threaded through the entries.
  struct Cluster {
    uint32_t head = UINT32_MAX;
    uint32_t tail = UINT32_MAX;
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  double Weight(uint32_t term) const;
  static uint32_t Key(uint32_t speaker, uint32_t term);
  // Calls visit(entry) for the entries filed under `key`, newest first.
  template <typename Visit>
  void ForEachFiled(uint32_t key, Visit visit) const;
  // Files an entry under its rarest terms; `dfs` are the terms' claim counts.
  void File(uint32_t entry, absl::Span<const uint32_t> terms, absl::Span<const uint32_t> dfs);
  // The entry's StatementSequence(), decoded.
  std::vector<uint32_t> Words(const Entry& e) const;
  // The dense id of a word (StatementSequence() value), numbered on first sight.
  uint32_t WordId(uint32_t word);
  // Files `entry` under `key`, dropping the oldest beyond kChainLimit.
  void Push(uint32_t key, uint32_t entry);
  uint32_t AllocateRing(int log2_capacity);
  uint32_t NewCluster();
  void SetOutlets(uint32_t cluster, uint32_t value);
  void Join(uint32_t cluster, uint32_t entry);
  // Distinct outlets among a cluster's claims.
  uint32_t CountOutlets(uint32_t cluster) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void UpdateMemory();

  // Writer state. entries_ is also read by Members(): the writer changes it
  // only under mu_.
  std::vector<Entry> entries_;
  // Word sequences as varint-coded dense word ids: words seen early (the
  // frequent ones) take one byte instead of a four-byte hash.
  std::vector<uint8_t> words_;
  absl::flat_hash_map<uint32_t, uint32_t> word_ids_;  // word -> dense id
  std::vector<uint32_t> word_of_id_;
  std::vector<uint32_t> df_;  // by word id: live claims with the word as a content term
  absl::flat_hash_map<uint64_t, uint32_t> doc_numbers_;  // by StableHash64(doc_id)
  std::vector<std::vector<uint32_t>> doc_entries_;
  absl::flat_hash_map<std::string, uint32_t> outlet_numbers_;
  uint64_t live_entries_ = 0;
  Work work_;
  absl::flat_hash_map<uint32_t, uint32_t> rings_;
  std::vector<uint32_t> ring_pool_;
  SequenceCache sequences_;
  std::vector<uint32_t> free_rings_[kRingClasses];  // offsets, by log2 capacity

  // Shared with readers.
  mutable absl::Mutex mu_;
  std::vector<Cluster> clusters_data_ ABSL_GUARDED_BY(mu_);  // by ordinal; [0] unused
  std::atomic<uint32_t> clusters_{0};
  std::atomic<size_t> writer_bytes_{0};
  // Outlet counts by cluster ordinal, read without locks.
  AtomicTable<uint16_t> outlet_counts_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_CORROBORATION_H_
