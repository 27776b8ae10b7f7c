// An immutable slice of the claim index: the claims of some documents, their
// inverted index with positions, and per-claim fields for filters, sorting
// and facets. Segments are built once (from ingested claims, or by merging
// older segments) and never change, so any number of readers can use one
// without locks; deletions live outside, in each snapshot's live bitmap.
#ifndef CLAIMS_QUERY_SERVICE_SEGMENT_H_
#define CLAIMS_QUERY_SERVICE_SEGMENT_H_

#include <roaring/roaring.hh>

#include <algorithm>
#include <array>
#include <climits>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "protos/claims/v1/claim.pb.h"
#include "query_service/claim_codec.h"

namespace claims::query {

// Days since 1970-01-01 for a Date; kNoDay when unset.
inline constexpr int32_t kNoDay = INT32_MIN;
int32_t DayNumber(const v1::Date& date);
// Whether `day` lies in [from, to]; kNoDay bounds are open, and an undated
// claim is outside any range with a bound.
inline bool DayInRange(int32_t day, int32_t from, int32_t to) {
  if (from == kNoDay && to == kNoDay) return true;
  if (day == kNoDay) return false;
  return (from == kNoDay || day >= from) && (to == kNoDay || day <= to);
}
v1::Date DateFromDay(int32_t day);

// Per-claim fields read while matching. Dictionary ids index the segment's
// dictionaries; 0 means "none".
struct ClaimMeta {
  uint32_t speaker = 0;
  uint32_t outlet = 0;
  uint32_t role = 0;
  uint32_t variant = 0;  // the speaker's name as written in this claim
  int32_t statement_day = kNoDay;
  int32_t published_day = kNoDay;
  uint16_t length = 0;           // words in the claim text
  uint8_t kind = 0;              // v1::ClaimKind
  bool doc_part = false;         // the stored claim leaves out its document's shared part
  uint32_t ordinal = 0;          // the claim's index-wide ordinal (keys the index's side tables)
};

// Binary search for where a condition stops holding: the first value in
// (lo, hi] at which holds() is false, for a holds() that is true up to some
// value and false from there on, given holds(lo) (or lo below every value
// asked about) and !holds(hi) (or hi past them).
template <typename T, typename Holds>
T FirstFailing(T lo, T hi, Holds holds) {
  while (hi - lo > 1) {
    const T mid = lo + (hi - lo) / 2;
    if (holds(mid)) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}

// Ascending claim ids (local to a segment) of one posting list: 32-bit ids,
// or, when no block of kBlock ids spans 65,536 or more, 16-bit offsets from
// each block's first id (half the bytes; frequent words' lists qualify).
class DocIds {
 public:
  static constexpr size_t kBlock = 128;

  DocIds() = default;
  explicit DocIds(absl::Span<const uint32_t> wide) : wide_(wide.data()), size_(wide.size()) {}
  DocIds(const uint16_t* narrow, const uint32_t* bases, size_t size) : narrow_(narrow), bases_(bases), size_(size) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // This and the other accessors a search calls for each claim it walks
  // (here and in PostingList) are always inlined: the search function is
  // large enough that GCC's inlining limits otherwise leave them as calls.
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  uint32_t operator[](size_t k) const { return wide_ != nullptr ? wide_[k] : bases_[k / kBlock] + narrow_[k]; }
  // The first index in [from, size()) whose id is >= doc, or size(). Wide
  // ids gallop from `from`; narrow ones find their block by its base, then
  // compare the offsets in it eight at a time (intersections seek a few
  // ids ahead at each step, where a binary search mispredicts its branches).
  size_t LowerBound(uint32_t doc, size_t from = 0) const {
    if (from >= size_ || (*this)[from] >= doc) return from;
    return wide_ != nullptr ? GallopWide(doc, from) : ScanNarrow(doc, from);
  }
  bool Contains(uint32_t doc) const {
    const size_t k = LowerBound(doc);
    return k < size_ && (*this)[k] == doc;
  }
  // Calls visit(id) for every id in order: block by block, with no
  // per-id choice of representation (for loops over whole long lists).
  template <typename Visit>
  void ForEach(Visit visit) const {
    if (wide_ != nullptr) {
      for (size_t k = 0; k < size_; ++k) visit(wide_[k]);
      return;
    }
    for (size_t b = 0; b * kBlock < size_; ++b) {
      const uint32_t base = bases_[b];
      const size_t end = std::min(size_, (b + 1) * kBlock);
      for (size_t k = b * kBlock; k < end; ++k) visit(base + narrow_[k]);
    }
  }
  // Appends to *out the ids of this list that `narrow` (16-bit offsets)
  // also holds, in order: each id of this list seeks the next in the other,
  // which keeps its block and base from one seek to the next. With
  // `indexes`, also appends each id's index in this list and in `narrow`.
  void AppendCommon(const DocIds& narrow, std::vector<uint32_t>* out, std::vector<uint32_t>* indexes = nullptr) const;
  // The same for lists of comparable lengths, as a merge: four ids of each
  // list compared with four of the other's at once (SSE2), the list whose
  // fourth id is lower stepping on, so that no branch depends on whether
  // one id matches. False, doing nothing, where SSE2 is missing.
  bool MergeCommon(const DocIds& other, std::vector<uint32_t>* out, std::vector<uint32_t>* indexes) const;
  bool narrow() const { return wide_ == nullptr; }
  // The first id of block b (of kBlock ids): a narrow list's base, read
  // from the dense array of bases rather than a line of offsets per block.
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  uint32_t BlockFirst(size_t b) const { return wide_ != nullptr ? wide_[b * kBlock] : bases_[b]; }

 private:
  // LowerBound's searches, for an id past the one at `from`.
  size_t GallopWide(uint32_t doc, size_t from) const;
  size_t ScanNarrow(uint32_t doc, size_t from) const;
  // The first index in [k, end) (inside one block) whose offset is >=
  // `offset`, or end.
  size_t ScanBlock(uint16_t offset, size_t k, size_t end) const;
  // The first index in (lo, size) where below(index) is false, or size,
  // given below(lo) and below falling once (true, then false): doubling
  // steps from lo, then a binary search in the last step.
  template <typename Below>
  static size_t Gallop(size_t lo, size_t size, Below below);

  const uint32_t* wide_ = nullptr;
  const uint16_t* narrow_ = nullptr;
  const uint32_t* bases_ = nullptr;
  size_t size_ = 0;
};

template <typename Below>
size_t DocIds::Gallop(size_t lo, size_t size, Below below) {
  size_t step = 1;  // below(lo)
  while (lo + step < size && below(lo + step)) {
    lo += step;
    step *= 2;
  }
  return FirstFailing(lo, std::min(size, lo + step), below);  // !below(lo + step), or it is size
}

inline size_t DocIds::GallopWide(uint32_t doc, size_t from) const {
  return Gallop(from, size_, [&](size_t k) { return wide_[k] < doc; });
}

inline size_t DocIds::ScanNarrow(uint32_t doc, size_t from) const {
  // The last block whose base is <= doc: from's block (its id at `from` is
  // below doc), or one further on, galloped to over the bases.
  const size_t blocks = (size_ + kBlock - 1) / kBlock;
  size_t b = from / kBlock;
  if (b + 1 < blocks && bases_[b + 1] <= doc) {
    b = Gallop(b + 1, blocks, [&](size_t k) { return bases_[k] <= doc; }) - 1;
    from = b * kBlock;
  }
  const size_t end = std::min(size_, (b + 1) * kBlock);
  const uint32_t offset = doc - bases_[b];
  if (offset > UINT16_MAX) return end;  // past every offset in the block; the next block starts after doc
  return ScanBlock(static_cast<uint16_t>(offset), from, end);
}

inline size_t DocIds::ScanBlock(uint16_t offset, size_t k, size_t end) const {
#if defined(__SSE2__)
  // Unsigned 16-bit order as signed, by flipping the top bit; the offsets
  // below `offset` are a prefix of every group of eight.
  const __m128i flip = _mm_set1_epi16(static_cast<int16_t>(0x8000));
  const __m128i key = _mm_xor_si128(_mm_set1_epi16(static_cast<int16_t>(offset)), flip);
  for (; k + 8 <= end; k += 8) {
    const __m128i v = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(narrow_ + k)), flip);
    const auto below = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi16(v, key)));
    if (below != 0xffff) return k + __builtin_ctz(~below) / 2;
  }
#endif
  while (k < end && narrow_[k] < offset) ++k;
  return k;
}

// Appends to *out the ids in every one of `lists` (at least one), in
// ascending order, in one tight loop (a search then visits only the claims
// holding every word, instead of seeking the lists claim by claim among its
// other work): two lists of comparable lengths merge (MergeCommon),
// otherwise each id of the shortest list is sought in the others.
// With `indexes`, also appends for each id its index in each list, in the
// order of `lists` (lists.size() values an id), so that a walk over the
// ids reads each list's entry for them without seeking it again.
void IntersectDocIds(absl::Span<const DocIds* const> lists, std::vector<uint32_t>* out,
                     std::vector<uint32_t>* indexes = nullptr);

// Postings of one term: documents ascending, each with its term frequency
// and, in stem lists, its positions (phrases match on stems; exact-form
// lists only add to scores). A view of its segment's posting arrays.
struct PostingList {
  // Documents per block of the block-max bounds (and of DocIds).
  static constexpr size_t kBlock = DocIds::kBlock;
  // Documents per position offset: finding a document's positions adds at
  // most kPositionStride - 1 frequencies.
  static constexpr size_t kPositionStride = 16;
  // Occurrences counted and positions kept per claim: a claim repeating
  // one word more often is scored on its first 255 (only a claim of 256
  // words or more can, and phrases in those are checked on the text).
  static constexpr size_t kMaxOccurrences = 255;
  // Positions are kept modulo 256, one byte each: exact in claims of fewer
  // than kExactPositionWords words, the usual case (PhraseAt in the index
  // checks longer claims' phrases on their text).
  static constexpr size_t kExactPositionWords = 256;
  // Stem lists of at least kBitmapDocs documents also hold them as a
  // bitmap, so conjunctions of long lists intersect bitmap containers
  // instead of seeking document by document.
  static constexpr size_t kBitmapDocs = 4096;

  DocIds docs;
  // Term frequencies by block: block_tfs[b] is where block b's frequencies
  // start in tf_data, or kAllOnes when every one is 1 (most blocks: a word
  // rarely repeats in one claim), which stores none.
  static constexpr uint32_t kAllOnes = UINT32_MAX;
  const uint8_t* tf_data = nullptr;
  absl::Span<const uint32_t> block_tfs;
  absl::Span<const uint8_t> positions;  // stem lists: tf(i) positions (mod 256) per document, in order
  // Stem lists of words without a NeighbourCode: with each position, the
  // previous word's NeighbourByte in the low byte and the next word's in
  // the high byte (0: none). Empty for other lists.
  absl::Span<const uint16_t> neighbours;
  absl::Span<const uint32_t> position_offsets;  // stem lists: offset in positions of every kPositionStride-th document
  // Per block of kBlock documents: the largest term frequency, the shortest
  // claim, the shortest claim among those with the term more than once and
  // among those with it three times or more (UINT16_MAX if none). BM25
  // grows with the frequency and falls with the length, so a block's
  // documents score at most the best of (1, shortest), (2, shortest
  // repeating) and (largest frequency, shortest with three): block-max
  // pruning of top-k searches skips blocks whose bound cannot reach the
  // page. (Lucene keeps every such competitive pair; three points are
  // enough to tell a block of long repeating claims from one that can win.)
  absl::Span<const uint8_t> block_max_tf;
  absl::Span<const uint16_t> block_min_length;
  absl::Span<const uint16_t> block_min_repeat_length;
  absl::Span<const uint16_t> block_min_thrice_length;
  // The documents holding the term more than once, ascending, when they
  // are at most one in kRepeatShare of the list (`repeats_kept`; lists of
  // words that repeat often, "the", keep none). A walk scoring claims
  // against block bounds learns from them that a claim holds the term once
  // although its block's largest frequency is higher: in a long list most
  // blocks have a claim repeating the word, which would otherwise double
  // every claim's bound.
  static constexpr size_t kRepeatShare = 8;
  DocIds repeats;
  bool repeats_kept = false;
  const Roaring* bitmap = nullptr;  // stem lists of kBitmapDocs or more

  // The first and last document of block b.
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  uint32_t BlockFirst(size_t b) const { return docs.BlockFirst(b); }
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  uint32_t BlockLast(size_t b) const { return docs[std::min(docs.size(), (b + 1) * kBlock) - 1]; }
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  uint32_t tf(size_t i) const {
    const uint32_t at = block_tfs[i / kBlock];
    return at == kAllOnes ? 1 : tf_data[at + i % kBlock];
  }
  // Positions of document i (stem lists).
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  absl::Span<const uint8_t> PositionsAt(size_t i) const {
    const auto [start, count] = OccurrencesAt(i);
    return absl::MakeConstSpan(positions.data() + start, count);
  }
  // The neighbours entries of document i's occurrences, in the order of its
  // positions (lists with neighbours only).
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  absl::Span<const uint16_t> NeighboursAt(size_t i) const {
    const auto [start, count] = OccurrencesAt(i);
    return absl::MakeConstSpan(neighbours.data() + start, count);
  }
  // The NeighbourByte of the word before (`previous`) or after an
  // occurrence, from its entry in neighbours.
  static uint8_t NeighbourOf(uint16_t codes, bool previous) { return previous ? codes & 0xff : codes >> 8; }
  // Which claims of block b may hold a two-word phrase of this word and
  // the word with NeighbourByte `code` (lists with neighbours only): bit j
  // of the result (word j / 64) is set when the block's j-th claim has
  // `code` just before one of its occurrences (`previous`) or just after
  // one, or when it repeats the word kMaxOccurrences times (it may hold
  // more occurrences than codes were kept for). A block of single
  // occurrences keeps its codes back to back, so they are compared 16 at a
  // time; walks over long lists pass over the claims whose bit is clear.
  std::array<uint64_t, 2> NeighbourMask(size_t b, uint8_t code, bool previous) const;
  // Where document i's occurrences start in positions (and neighbours),
  // and how many there are: the offset of its stride plus the frequencies
  // before it in the stride. A stride lies inside one block, so its
  // frequencies are one run of tf_data (or all ones).
  ABSL_ATTRIBUTE_ALWAYS_INLINE
  std::pair<size_t, size_t> OccurrencesAt(size_t i) const {
    static_assert(kBlock % kPositionStride == 0, "a position stride must not cross a block");
    const size_t before = i % kPositionStride;
    size_t start = position_offsets[i / kPositionStride];
    const uint32_t at = block_tfs[i / kBlock];
    if (at == kAllOnes) return {start + before, 1};
    const uint8_t* tfs = tf_data + at + (i - before) % kBlock;
    for (size_t k = 0; k < before; ++k) start += tfs[k];
    return {start, tfs[before]};
  }
};

// The posting term for two adjacent function words (IsFunctionWord), from
// their stems. The separator never occurs in a token.
std::string PairTerm(absl::string_view first_stem, absl::string_view second_stem);

// String values numbered from 1 (0 is the empty value). Each value is kept
// once, in one buffer; the id lookup hashes ids through it (a segment's
// document ids are its largest dictionary).
class Dictionary {
 public:
  Dictionary() : ids_(0, Hash{this}, Eq{this}) {}
  // The lookup's functors point back at this object.
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  uint32_t Intern(absl::string_view value);
  // 0 when absent.
  uint32_t Find(absl::string_view value) const;
  absl::string_view value(uint32_t id) const {
    return absl::string_view(chars_).substr(starts_[id], starts_[id + 1] - starts_[id]);
  }
  size_t size() const { return starts_.size() - 1; }
  // Room for `values` more values of `chars` bytes in all.
  void Reserve(size_t values, size_t chars);
  size_t MemoryBytes() const;

 private:
  // Hash and equality of ids by their values, and of a value looked up.
  struct Hash {
    using is_transparent = void;
    const Dictionary* dictionary;
    size_t operator()(uint32_t id) const { return (*this)(dictionary->value(id)); }
    size_t operator()(absl::string_view value) const { return absl::Hash<absl::string_view>()(value); }
  };
  struct Eq {
    using is_transparent = void;
    const Dictionary* dictionary;
    absl::string_view View(uint32_t id) const { return dictionary->value(id); }
    absl::string_view View(absl::string_view value) const { return value; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return View(a) == View(b);
    }
  };

  std::string chars_;
  std::vector<uint32_t> starts_ = {0, 0};  // value i is chars_[starts_[i], starts_[i + 1]); id 0 is ""
  absl::flat_hash_set<uint32_t, Hash, Eq> ids_;
};

// What indexing needs of each word as written: the ids of its stem (in
// stems()) and, where it differs, of its folded form (in exacts()); whether
// it is a function word; its stem's NeighbourByte (which gives its
// NeighbourCode); its StatementValues() for corroboration.
// Folding and stemming cost far more than a lookup and news text repeats
// its words, so a segment's builder works each distinct word out once.
// The ids number the builder's posting lists. Not thread-safe.
class WordCache {
 public:
  static constexpr uint32_t kSameAsStem = UINT32_MAX;
  struct Word {
    uint32_t stem = 0;
    uint32_t exact = kSameAsStem;
    bool function = false;
    uint8_t byte = 0;  // NeighbourByte
    uint8_t statement_count = 0;
    uint32_t statement[2] = {0, 0};  // StatementValues()
  };

  // The reference holds until the next call.
  const Word& Analyze(absl::string_view written);
  // The id in stems() of two adjacent function words' PairTerm.
  uint32_t Pair(const Word& first, const Word& second);
  const Dictionary& stems() const { return stems_; }
  const Dictionary& exacts() const { return exacts_; }

 private:
  Dictionary written_;
  std::vector<Word> words_ = std::vector<Word>(1);  // by id in written_
  Dictionary stems_, exacts_;
  absl::flat_hash_map<uint64_t, uint32_t> pairs_;  // stem ids of two function words -> their pair's id
};

class Segment {
 public:
  // Each claim's words as StatementValues(), in order: what corroboration
  // compares (StatementSequence), worked out while the text is indexed.
  struct StatementSequences {
    std::vector<uint32_t> values;
    std::vector<uint32_t> ends = {0};  // claim i: values[ends[i], ends[i + 1])
    absl::Span<const uint32_t> of(size_t claim) const {
      return absl::MakeConstSpan(values).subspan(ends[claim], ends[claim + 1] - ends[claim]);
    }
  };

  // Builds a segment from claims (each with a claim_id and doc_id), with
  // each claim's index-wide ordinal (`ordinals` empty: all 0). Claims are
  // stored compressed by `codec` (null: as they are) with `effort`.
  // `sequences`, when given, receives each claim's StatementSequences.
  static std::shared_ptr<const Segment> Build(absl::Span<const v1::Claim* const> claims,
                                              absl::Span<const uint32_t> ordinals = {},
                                              std::shared_ptr<const ClaimCodec> codec = nullptr,
                                              StatementSequences* sequences = nullptr,
                                              ClaimCodec::Effort effort = ClaimCodec::Effort::kFast);

  // Merges segments, keeping only the claims whose bit is set in `live` (one
  // bitmap per segment), in order. Postings are concatenated, not rebuilt;
  // stored claims are copied as they are unless their segment's codec
  // differs from `codec` or they were compressed with less than `effort`,
  // and are otherwise compressed again with `effort`. Once `cancel` (if
  // given) is set, gives up and returns null.
  static std::shared_ptr<const Segment> Merge(absl::Span<const std::shared_ptr<const Segment>> segments,
                                              absl::Span<const Roaring* const> live,
                                              std::shared_ptr<const ClaimCodec> codec = nullptr,
                                              const std::atomic<bool>* cancel = nullptr,
                                              ClaimCodec::Effort effort = ClaimCodec::Effort::kFast);

  uint32_t size() const { return static_cast<uint32_t>(meta_.size()); }
  const ClaimMeta& meta(uint32_t doc) const { return meta_[doc]; }
  // meta(doc).length from a dense array: scoring a run of matches reads
  // consecutive cache lines instead of one ClaimMeta each.
  uint16_t length(uint32_t doc) const { return lengths_[doc]; }
  // Asks the processor to fetch length(doc) ahead of its use (a walk over
  // many matches reads lengths far apart).
  void PrefetchLength(uint32_t doc) const { __builtin_prefetch(lengths_.data() + doc); }
  // Likewise for meta(doc), read by filters.
  void PrefetchMeta(uint32_t doc) const { __builtin_prefetch(meta_.data() + doc); }
  // meta(doc).speaker, likewise dense (speaker facets read it per match).
  uint32_t speaker(uint32_t doc) const { return speaker_of_[doc]; }
  void PrefetchSpeaker(uint32_t doc) const { __builtin_prefetch(speaker_of_.data() + doc); }
  // meta(doc).statement_day from two bytes a claim (date filters test it
  // on every claim a filtered walk reaches): days from 1900 to 2079 are
  // kept there, others are read from meta(doc).
  int32_t statement_day(uint32_t doc) const {
    const uint16_t key = statement_keys_[doc];
    if (key == kNoDayKey) return kNoDay;
    return key == kFarDayKey ? meta_[doc].statement_day : key + kFirstKeyDay - 1;
  }
  void PrefetchStatementDay(uint32_t doc) const { __builtin_prefetch(statement_keys_.data() + doc); }
  // The claim, decompressed and parsed from its stored bytes, with its
  // document's shared part.
  v1::Claim claim(uint32_t doc) const;
  // Appends the claim in protobuf's wire format, as claim(doc) parses it:
  // its stored record decompressed, its document's shared part and its
  // doc_id (see proto_wire.h). False if the stored record is damaged (the
  // rest is appended all the same).
  bool AppendClaimBytes(uint32_t doc, std::string* out) const;
  // Reading a page of claims: each claim(doc) looks up arrays by doc, then
  // what they point to (stored bytes, the document's part and id), one miss
  // after another. PrefetchClaim(doc, 0) for every claim of the page, then
  // PrefetchClaim(doc, 1) for each, overlaps those misses across the page.
  void PrefetchClaim(uint32_t doc, int wave) const;
  // The claim's stored record, decompressed: what the codec compresses
  // (samples for training a codec). False if the stored bytes are damaged.
  bool Record(uint32_t doc, std::string* out) const;
  const ClaimCodec* codec() const { return codec_.get(); }
  // Stored claims compressed with less than ClaimCodec::Effort::kTight (all
  // of them without a codec), dead ones included.
  uint32_t loose_claims() const { return loose_claims_; }
  // 64-bit hash of the claim id (StableHash64): the tie-breaker of result
  // orders and the key of FindClaimHash().
  uint64_t claim_hash(uint32_t doc) const { return claim_hashes_[doc]; }
  void PrefetchClaimHash(uint32_t doc) const { __builtin_prefetch(claim_hashes_.data() + doc); }
  absl::string_view doc_id(uint32_t doc) const { return doc_ids_.value(doc_of_[doc]); }

  // Local id of the claim whose id hashes to `claim_hash` (StableHash64 of
  // the claim id), or -1; callers compare the parsed claim's id to rule out
  // a hash collision.
  int64_t FindClaimHash(uint64_t claim_hash) const;
  // Local ids of a document's claims, ascending (empty when absent).
  absl::Span<const uint32_t> FindDocument(absl::string_view doc_id) const;

  // Postings of a stem ("warn") and of an exact form that differs from its
  // stem ("warned"); empty when absent.
  std::optional<PostingList> StemPostings(absl::string_view stem) const;
  std::optional<PostingList> ExactPostings(absl::string_view term) const;
  size_t term_count() const { return stems_.size() + exact_.size(); }
  uint64_t total_length() const { return total_length_; }

  const Dictionary& speakers() const { return speakers_; }
  const Dictionary& outlets() const { return outlets_; }
  const Dictionary& roles() const { return roles_; }
  const Dictionary& variants() const { return variants_; }
  // Canonical name and type of each speaker id.
  const std::string& speaker_name(uint32_t speaker) const { return speaker_names_[speaker]; }
  v1::SpeakerType speaker_type(uint32_t speaker) const { return speaker_types_[speaker]; }

  // Claims by speaker / outlet (folded) / kind / entity (folded canonical
  // name or text); null when none.
  const Roaring* SpeakerDocs(uint32_t speaker) const;
  // Appends to *out, ascending, the claims of `speaker` whose statement day
  // is in [from, to] (as DayInRange: kNoDay leaves a side open, both every
  // claim). Each speaker's claims are kept as a column with their two-byte
  // statement days, so they are tested in one pass instead of a scattered
  // read of each claim's day (a speaker with a date range is a filter
  // backends ask for, and a frequent speaker's claims are many).
  void SpeakerDocsInDays(uint32_t speaker, int32_t from, int32_t to, std::vector<uint32_t>* out) const;
  // How many claims `speaker` has (0 for an unknown speaker).
  uint32_t SpeakerClaimCount(uint32_t speaker) const {
    if (speaker + 1 >= speaker_claim_starts_.size()) return 0;
    return speaker_claim_starts_[speaker + 1] - speaker_claim_starts_[speaker];
  }
  const Roaring* OutletDocs(absl::string_view folded_outlet) const;
  const Roaring* KindDocs(v1::ClaimKind kind) const;
  const Roaring* EntityDocs(absl::string_view folded_entity) const;

  // Approximate heap bytes held, by part.
  struct Memory {
    size_t stored = 0;    // the claims' serialized bytes and their offsets
    size_t postings = 0;  // term dictionaries, posting lists with positions, their bitmaps
    size_t fields = 0;    // per-claim fields, id and document maps, filter bitmaps
    size_t total() const { return stored + postings + fields; }
  };
  Memory MemoryUsage() const;
  size_t MemoryBytes() const { return MemoryUsage().total(); }

 private:
  class Builder;

  absl::string_view stored(uint32_t doc) const;

  // Stored claims: one record per claim, compressed by codec_, without the
  // doc_id and, where ClaimMeta::doc_part, without the fields in its
  // document's shared part (a serialized Claim with the source and
  // extractor_version all of the document's claims share).
  std::shared_ptr<const ClaimCodec> codec_;
  std::vector<bool> tight_;  // by claim: compressed with kTight
  uint32_t loose_claims_ = 0;
  std::string blob_;
  std::vector<uint64_t> blob_offsets_;  // size() + 1
  std::vector<std::string> doc_parts_;  // by doc_ids_ id
  std::vector<ClaimMeta> meta_;
  std::vector<uint16_t> lengths_;     // meta_[i].length
  std::vector<uint32_t> speaker_of_;  // meta_[i].speaker
  // meta_[i].statement_day as kNoDayKey, kFarDayKey, or 1 + its days after
  // kFirstKeyDay (1900-01-01).
  static constexpr uint16_t kNoDayKey = 0;
  static constexpr uint16_t kFarDayKey = UINT16_MAX;
  static constexpr int32_t kFirstKeyDay = -25567;
  static uint16_t StatementKey(int32_t day) {
    if (day == kNoDay) return kNoDayKey;
    return day >= kFirstKeyDay && day - kFirstKeyDay + 1 < kFarDayKey ? static_cast<uint16_t>(day - kFirstKeyDay + 1)
                                                                       : kFarDayKey;
  }
  std::vector<uint16_t> statement_keys_;
  std::vector<uint64_t> claim_hashes_;
  std::vector<uint32_t> doc_of_;
  Dictionary doc_ids_;
  // Local ids ordered by claim hash (FindClaimHash searches it).
  std::vector<uint32_t> by_hash_;
  // Local ids grouped by document: those of doc_ids_ id d are
  // doc_claims_[doc_claim_start_[d] .. doc_claim_start_[d + 1]).
  std::vector<uint32_t> doc_claim_start_;
  std::vector<uint32_t> doc_claims_;
  // Where a term's postings lie in the posting arrays below, which hold
  // every list of the segment back to back (no allocation per term: most
  // terms have a handful of postings).
  static constexpr uint32_t kNoNeighbours = UINT32_MAX;
  static constexpr uint32_t kRepeatsNotKept = UINT32_MAX;
  struct TermLists {
    uint32_t docs = 0;  // first index in docs16_ (narrow) or docs32_
    uint32_t count = 0;
    uint32_t positions = 0;  // first index in positions_ (stem lists)
    uint32_t position_count = 0;
    uint32_t offsets = 0;  // first index in position_offsets_ (stem lists)
    uint32_t neighbours = kNoNeighbours;  // first index in neighbours_ (position_count of them)
    uint32_t blocks = 0;   // first index in block_max_tf_ and the other block arrays
    uint32_t bitmap = 0;   // 1 + index in bitmaps_, or 0
    uint32_t repeats = kRepeatsNotKept;  // first index in repeats_ (PostingList::repeats)
    uint32_t repeat_count = 0;
    bool narrow = false;   // ids as 16-bit offsets from doc_bases_ (DocIds)
  };
  // One kind of term (stems, or exact forms) with where each term's
  // postings lie. Terms are interned in ascending byte order, so ids follow
  // that order and a merge walks its inputs' terms side by side instead of
  // looking each one up; lookups go through the dictionary's hash index.
  struct TermDictionary {
    Dictionary terms;  // id 0 is the empty term
    std::vector<TermLists> lists = std::vector<TermLists>(1);  // by id; lists[0].count == 0: no empty term
    // Adds `term`, which must sort after every term added before it.
    void Append(absl::string_view term, const TermLists& t);
    const TermLists* Find(absl::string_view term) const;
    // Terms with postings.
    size_t size() const { return lists.size() - 1 + (lists[0].count > 0); }
  };
  std::optional<PostingList> View(const TermDictionary& terms, absl::string_view term) const;
  PostingList View(const TermLists& t) const;

  TermDictionary stems_;
  TermDictionary exact_;
  std::vector<uint16_t> docs16_;
  std::vector<uint32_t> docs32_;
  std::vector<uint32_t> doc_bases_;  // by block (as block_max_tf_), for narrow lists
  std::vector<uint8_t> tfs_;         // frequencies of the blocks that are not all ones
  std::vector<uint32_t> block_tfs_;  // by block (as block_max_tf_): PostingList::block_tfs
  std::vector<uint8_t> positions_;
  std::vector<uint16_t> neighbours_;
  std::vector<uint32_t> position_offsets_;
  std::vector<uint8_t> block_max_tf_;
  std::vector<uint16_t> block_min_length_;
  std::vector<uint16_t> block_min_repeat_length_;
  std::vector<uint16_t> block_min_thrice_length_;
  std::vector<uint32_t> repeats_;
  std::vector<Roaring> bitmaps_;
  uint64_t total_length_ = 0;
  Dictionary speakers_;
  Dictionary outlets_;
  Dictionary roles_;
  Dictionary variants_;
  std::vector<std::string> speaker_names_;
  std::vector<v1::SpeakerType> speaker_types_;
  std::vector<Roaring> speaker_docs_;
  // Each speaker's claims, ascending, and their statement_keys_, from
  // speaker_claim_starts_[s] (a column a date range on a speaker scans).
  std::vector<uint32_t> speaker_claims_;
  std::vector<uint16_t> speaker_claim_keys_;
  std::vector<uint32_t> speaker_claim_starts_;
  absl::flat_hash_map<std::string, Roaring> outlet_docs_;
  Roaring kind_docs_[4];
  absl::flat_hash_map<std::string, Roaring> entity_docs_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_SEGMENT_H_
