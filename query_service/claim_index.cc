#include "query_service/claim_index.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstring>
#include <optional>
#include <queue>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/ids.h"
#include "common/release_memory.h"
#include "common/utf8.h"
#include "query_service/bitmap_intersection.h"
#include "query_service/proto_wire.h"
#include "query_service/query_parser.h"
#include "query_service/tokenizer.h"

namespace claims::query {
namespace {

constexpr uint32_t kDefaultPageSize = 20;
constexpr uint32_t kMaxPageSize = 1000;
constexpr uint32_t kDefaultSpeakerPage = 50;
constexpr uint32_t kDefaultFacetSize = 10;
// Memory freed by merges goes back to the system once no merge has been
// wanted for this long and the clustering stage is idle: during a burst of
// ingest, the next builds and merges reuse the freed pages instead of
// faulting in new ones, and once ingest goes quiet the process's resident
// size follows the index.
constexpr absl::Duration kQuietBeforeRelease = absl::Milliseconds(100);
// The stored-claim codec is trained once the index holds this many claims,
// on at most kCodecSamples of them spread over the index.
constexpr uint64_t kCodecTrainingClaims = 8192;
constexpr uint64_t kCodecSamples = 16384;
// A page of at least this many claims has the stored-claim codec's dictionary
// prefetched before its claims are decompressed (ClaimCodec::PrefetchDictionary).
constexpr size_t kPrefetchCodecClaims = 8;
// Walks fetch a claim's length (and the fields a filter reads) this many
// claims ahead of their use: at 1M claims each is a cache miss.
constexpr size_t kPrefetchAhead = 16;
// BM25 parameters, and the weight of an exact word form over its stem.
// Matches a relevance search counts before it may skip claims that cannot
// reach the page (SearchClaimsRequest.exact_total).
constexpr uint64_t kExactTotalFloor = 1000;
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kExactWeight = 0.5;

absl::StatusOr<uint32_t> PageSize(uint32_t requested, uint32_t default_size) {
  if (requested == 0) return default_size;
  if (requested > kMaxPageSize) {
    return absl::InvalidArgumentError(absl::StrCat("page_size ", requested, " is over the limit of ", kMaxPageSize));
  }
  return requested;
}

// ---- Cursors --------------------------------------------------------------

// The position after the last result of a page, plus the collection
// statistics the first page scored with: later pages score with the same
// ones, so the order (and the page boundaries) stay consistent while
// ingest and merges change the index underneath.
struct Cursor {
  uint64_t fingerprint = 0;
  double primary = 0;
  double secondary = 0;
  uint64_t claim_hash = 0;
  double n = 0;      // claims counted for idf
  double avgdl = 0;  // mean claim length in words
  std::vector<double> idf;  // per query term
};

std::string EncodeCursor(const Cursor& c) {
  std::string raw = "c3";
  auto put = [&raw](const auto& v) { raw.append(reinterpret_cast<const char*>(&v), 8); };
  put(c.fingerprint);
  put(c.primary);
  put(c.secondary);
  put(c.claim_hash);
  put(c.n);
  put(c.avgdl);
  for (double idf : c.idf) put(idf);
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<Cursor> DecodeCursor(absl::string_view token, uint64_t fingerprint, size_t terms) {
  std::string raw;
  Cursor c;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < 2 + 8 * 6 || raw.compare(0, 2, "c3") != 0) {
    return absl::InvalidArgumentError("page_token is not a token this service issued");
  }
  const char* at = raw.data() + 2;
  auto get = [&at](auto* v) {
    std::memcpy(v, at, 8);
    at += 8;
  };
  get(&c.fingerprint);
  if (c.fingerprint != fingerprint) {
    return absl::InvalidArgumentError("page_token belongs to a different query, filter or sort");
  }
  if (raw.size() != 2 + 8 * (6 + terms)) {
    return absl::InvalidArgumentError("page_token is not a token this service issued");
  }
  get(&c.primary);
  get(&c.secondary);
  get(&c.claim_hash);
  get(&c.n);
  get(&c.avgdl);
  c.idf.resize(terms);
  for (double& idf : c.idf) get(&idf);
  return c;
}

uint64_t Fingerprint(const v1::SearchClaimsRequest& request) {
  v1::SearchClaimsRequest key;
  key.set_query(request.query());
  key.set_speaker(request.speaker());
  *key.mutable_filter() = request.filter();
  key.set_sort(request.sort() == v1::SORT_ORDER_UNSPECIFIED ? v1::SORT_ORDER_RELEVANCE : request.sort());
  return StableHash64(key.SerializeAsString());
}

// ---- Ordering -------------------------------------------------------------

struct Ranked {
  double primary;
  double secondary;
  uint64_t claim_hash;
  uint32_t segment;
  uint32_t doc;
  float score;
};

// True when `a` comes before `b` in the results.
bool Before(double ap, double as, uint64_t aid, double bp, double bs, uint64_t bid) {
  if (ap != bp) return ap > bp;
  if (as != bs) return as > bs;
  return aid < bid;
}

struct WorseFirst {
  bool operator()(const Ranked& a, const Ranked& b) const {
    return Before(a.primary, a.secondary, a.claim_hash, b.primary, b.secondary, b.claim_hash);
  }
};

double DayKey(int32_t day) { return day == kNoDay ? -1e18 : static_cast<double>(day); }

// ---- Filters per segment --------------------------------------------------

// How many of `docs` (ascending) are dead in `ref`: by walking the dead
// claims and searching the list when they are few (the usual case: merges
// drop them), by testing each listed claim otherwise.
// `live` null: all live; `live_count`: the segment's live claims.
uint64_t DeadIn(const Segment& seg, const Roaring* live, uint32_t live_count, const DocIds& docs) {
  if (live == nullptr) return 0;
  const uint64_t dead_claims = seg.size() - live_count;
  uint64_t dead = 0;
  if (dead_claims * 16 < docs.size()) {
    Roaring all;
    all.addRange(0, seg.size());
    for (uint32_t doc : all - *live) dead += docs.Contains(doc);
  } else {
    for (size_t k = 0; k < docs.size(); ++k) dead += !live->contains(docs[k]);
  }
  return dead;
}

struct SegmentFilter {
  bool impossible = false;
  bool by_speaker = false;
  std::vector<uint32_t> speakers;
  bool by_outlet = false;
  std::vector<uint32_t> outlets;
  uint8_t kinds = 0;  // bit per ClaimKind; 0 = any
  int32_t statement_from = kNoDay, statement_to = kNoDay;
  bool by_statement = false;
  int32_t published_from = kNoDay, published_to = kNoDay;
  bool by_published = false;
  bool by_entity = false;
  Roaring entities;
  uint32_t min_outlets = 0;
  const Clusterer* clusters = nullptr;
  const AtomicTable<uint32_t>* cluster_of = nullptr;  // by claim ordinal

  // Whether every claim passes (no field is filtered).
  bool AcceptsAll() const {
    return !by_speaker && !by_outlet && kinds == 0 && !by_statement && !by_published && !by_entity &&
           min_outlets <= 1;
  }
  // The speaker and statement-date tests, on the segment's dense arrays
  // (a few bytes a claim, where ClaimMeta takes a cache line for two):
  // walks run them before reading a claim's fields.
  bool AcceptsSpeakerAndDay(const Segment& seg, uint32_t doc) const {
    if (by_speaker && std::find(speakers.begin(), speakers.end(), seg.speaker(doc)) == speakers.end()) return false;
    return !by_statement || DayInRange(seg.statement_day(doc), statement_from, statement_to);
  }
  // Whether Accept reads a claim's fields for more than its speaker and
  // statement date.
  bool ReadsOtherFields() const { return by_outlet || kinds != 0 || by_published || min_outlets > 1; }
  bool Accept(const ClaimMeta& m, uint32_t doc) const {
    if (by_speaker && std::find(speakers.begin(), speakers.end(), m.speaker) == speakers.end()) return false;
    if (by_outlet && std::find(outlets.begin(), outlets.end(), m.outlet) == outlets.end()) return false;
    if (kinds != 0 && !(kinds & (1u << m.kind))) return false;
    if (by_statement && !DayInRange(m.statement_day, statement_from, statement_to)) return false;
    if (by_published && !DayInRange(m.published_day, published_from, published_to)) return false;
    if (min_outlets > 1 && clusters->outlets(cluster_of->Get(m.ordinal)) < min_outlets) return false;
    if (by_entity && !entities.contains(doc)) return false;
    return true;
  }
};

SegmentFilter PrepareFilter(const Segment& seg, const v1::SearchClaimsRequest& request, const Clusterer* clusters,
                            const AtomicTable<uint32_t>* cluster_of) {
  const v1::ClaimFilter& f = request.filter();
  SegmentFilter out;
  out.clusters = clusters;
  out.cluster_of = cluster_of;
  if (!f.speaker_ids().empty() || !request.speaker().empty()) {
    out.by_speaker = true;
    for (const std::string& id : f.speaker_ids()) {
      if (uint32_t local = seg.speakers().Find(id)) out.speakers.push_back(local);
    }
    if (!request.speaker().empty()) {
      if (uint32_t local = seg.speakers().Find(request.speaker())) {
        out.speakers.push_back(local);
      } else {
        const std::string wanted = FoldForMatching(request.speaker());
        for (uint32_t s = 1; s < seg.speakers().size(); ++s) {
          if (FoldForMatching(seg.speaker_name(s)) == wanted) out.speakers.push_back(s);
        }
      }
    }
    out.impossible |= out.speakers.empty();
  }
  if (!f.outlets().empty()) {
    out.by_outlet = true;
    absl::flat_hash_set<std::string> wanted;
    for (const std::string& o : f.outlets()) wanted.insert(FoldForMatching(o));
    for (uint32_t o = 1; o < seg.outlets().size(); ++o) {
      if (wanted.contains(FoldForMatching(seg.outlets().value(o)))) out.outlets.push_back(o);
    }
    out.impossible |= out.outlets.empty();
  }
  for (int kind : f.kinds()) out.kinds |= static_cast<uint8_t>(1u << kind);
  out.statement_from = DayNumber(f.statement_date().from());
  out.statement_to = DayNumber(f.statement_date().to());
  out.by_statement = out.statement_from != kNoDay || out.statement_to != kNoDay;
  out.published_from = DayNumber(f.published_date().from());
  out.published_to = DayNumber(f.published_date().to());
  out.by_published = out.published_from != kNoDay || out.published_to != kNoDay;
  if (!f.entities().empty()) {
    out.by_entity = true;
    for (const std::string& e : f.entities()) {
      if (const Roaring* docs = seg.EntityDocs(FoldForMatching(e))) out.entities |= *docs;
    }
    out.impossible |= out.entities.isEmpty();
  }
  out.min_outlets = f.min_outlets();
  return out;
}

// Candidate claims of a filter, for walks that start from it: those in
// every one of its sets (speakers, kinds, entities). With a statement-date
// range and `days`, the speakers' set is their claims in the range, read
// from their day columns (Segment::SpeakerDocsInDays, about a nanosecond a
// claim) instead of each claim's day being tested in the walk (a cache miss
// a claim once the index is large).
struct Candidates {
  std::unique_ptr<Roaring> bitmap;  // the sets but by_days' speakers; null when none
  bool by_days = false;
  std::vector<uint32_t> ids;  // by_days: the speakers' claims in the range, ascending

  // Whether the filter names a set (otherwise every claim is a candidate).
  bool any() const { return by_days || bitmap != nullptr; }
  // How many candidates there are at most.
  uint64_t bound() const { return by_days ? ids.size() : bitmap->cardinality(); }
  // Appends, ascending, the candidates that every one of `more` holds.
  void Collect(absl::Span<const Roaring* const> more, std::vector<uint32_t>* out) const {
    absl::InlinedVector<const Roaring*, 4> sets(more.begin(), more.end());
    if (bitmap != nullptr) sets.push_back(bitmap.get());
    if (!by_days) {
      IntersectBitmaps(sets, out);
    } else if (sets.empty()) {
      out->insert(out->end(), ids.begin(), ids.end());
    } else {
      IntersectIdsWithBitmaps(ids, sets, out);
    }
  }
};

Candidates FilterCandidates(const Segment& seg, const SegmentFilter& f, bool days) {
  Candidates out;
  auto narrow = [&out](Roaring r) {
    if (out.bitmap == nullptr) {
      out.bitmap = std::make_unique<Roaring>(std::move(r));
    } else {
      *out.bitmap &= r;
    }
  };
  if (f.by_speaker && f.by_statement && days) {
    out.by_days = true;
    for (uint32_t s : f.speakers) seg.SpeakerDocsInDays(s, f.statement_from, f.statement_to, &out.ids);
    if (f.speakers.size() > 1) {
      std::sort(out.ids.begin(), out.ids.end());
      out.ids.erase(std::unique(out.ids.begin(), out.ids.end()), out.ids.end());
    }
  } else if (f.by_speaker) {
    Roaring r;
    for (uint32_t s : f.speakers) {
      if (const Roaring* docs = seg.SpeakerDocs(s)) r |= *docs;
    }
    narrow(std::move(r));
  }
  if (f.kinds != 0) {
    Roaring r;
    for (int k = 0; k < 4; ++k) {
      if (f.kinds & (1u << k)) r |= *seg.KindDocs(static_cast<v1::ClaimKind>(k));
    }
    narrow(std::move(r));
  }
  if (f.by_entity) narrow(f.entities);
  return out;
}

// Calls visit(doc) for each claim the filter's sets allow (every claim of
// the segment when it names none), ascending.
template <typename Visit>
void ForEachCandidate(const Segment& seg, const SegmentFilter& f, Visit visit) {
  const Candidates candidates = FilterCandidates(seg, f, /*days=*/true);
  if (!candidates.any()) {
    for (uint32_t doc = 0; doc < seg.size(); ++doc) visit(doc);
    return;
  }
  std::vector<uint32_t> docs;
  candidates.Collect({}, &docs);
  for (uint32_t doc : docs) visit(doc);
}

// ---- Matching -------------------------------------------------------------

// A posting list and a cursor into it.
struct ListCursor {
  std::optional<PostingList> list;
  size_t i = 0;

  // Moves to the first entry >= doc (galloping); true when it is doc.
  bool SeekTo(uint32_t doc) {
    i = list->docs.LowerBound(doc, i);
    return i < list->docs.size() && list->docs[i] == doc;
  }
};

// A posting list's block that would hold the claims a walk reaches, in
// ascending order: its largest frequency bounds theirs in the list, or 1
// for a claim the list's repeats (PostingList::repeats) do not hold.
struct BlockCursor {
  const PostingList* list;
  // Every claim the walk reaches is in the list (an intersection of it):
  // none falls between blocks, so a block's last id need not be read.
  bool holds_every_claim = false;
  size_t block = 0;
  size_t repeat = 0;      // the first of the list's repeats not before the last claim
  uint32_t tf_bound = 0;  // at the last MoveTo: 0 when the claim lies outside every block
  uint32_t until = 0;     // tf_bound holds for the claims from the last MoveTo's up to this id

  // True when tf_bound changed. Most claims of a walk fall where the bound
  // of the claim before holds, and cost one comparison.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool MoveTo(uint32_t doc) {
    if (doc < until) return false;
    const uint32_t before = tf_bound;
    Find(doc);
    return tf_bound != before;
  }

 private:
  // Sets tf_bound and until for `doc`. Blocks are stepped over by their
  // first ids, dense in one array, so a walk far sparser than the list
  // does not read a line of the list for every block it passes.
  void Find(uint32_t doc) {
    const PostingList& l = *list;
    const size_t count = l.block_max_tf.size();
    while (block + 1 < count && l.BlockFirst(block + 1) <= doc) ++block;
    const uint32_t next = block + 1 < count ? l.BlockFirst(block + 1) : UINT32_MAX;
    tf_bound = 0;
    if (count == 0) {
      until = UINT32_MAX;
    } else if (doc < l.BlockFirst(block)) {  // before the first block
      until = l.BlockFirst(block);
    } else if (holds_every_claim) {
      tf_bound = l.block_max_tf[block];
      until = next;
    } else if (const uint32_t last = l.BlockLast(block); doc > last) {  // between blocks
      until = next;
    } else {
      tf_bound = l.block_max_tf[block];
      until = last + 1;
    }
    if (tf_bound > 1 && l.repeats_kept) {
      repeat = l.repeats.LowerBound(doc, repeat);
      if (repeat < l.repeats.size() && l.repeats[repeat] == doc) {
        until = doc + 1;  // this claim repeats the term
      } else {
        tf_bound = 1;
        if (repeat < l.repeats.size()) until = std::min(until, l.repeats[repeat]);
      }
    }
  }
};

// How often the phrase occurs in the claim the cursors are on, from its
// words' positions: exact for claims shorter than
// PostingList::kExactPositionWords (positions are kept modulo 256), so
// callers count longer ones on the text.
uint32_t PhraseCount(const std::vector<ListCursor>& cursors, const std::vector<size_t>& phrase) {
  absl::InlinedVector<absl::Span<const uint8_t>, 8> at;
  for (size_t word : phrase) at.push_back(cursors[word].list->PositionsAt(cursors[word].i));
  uint32_t count = 0;
  for (const uint32_t p : at[0]) {
    bool all = true;
    for (size_t k = 1; k < at.size() && all; ++k) {
      all = p + k <= UINT8_MAX && std::binary_search(at[k].begin(), at[k].end(), static_cast<uint8_t>(p + k));
    }
    count += all;
  }
  return count;
}

// Facet counts of one search, merged across segments by value.
struct FacetCounts {
  absl::flat_hash_map<std::string, uint64_t> speaker, outlet, kind, month;
};

// Facet counts by dense id (a speaker or outlet number) with a bitmap of
// the ids counted, so that reading them costs the id space over 64 and the
// ids counted, not a pass over every count: a word's claims may name a few
// thousand of a hundred thousand speakers. Counting stays free of branches
// and of dependencies between one count and the next.
class SparseCounts {
 public:
  explicit SparseCounts(size_t ids) : counts_(ids, 0), counted_((ids + 63) / 64, 0) {}
  void Add(uint32_t id, uint64_t by = 1) {
    counts_[id] += by;
    counted_[id / 64] |= uint64_t{1} << (id % 64);
  }
  // f(id, count) for each id counted, in ascending order.
  template <typename F>
  void ForEach(F f) const {
    for (size_t w = 0; w < counted_.size(); ++w) {
      for (uint64_t bits = counted_[w]; bits != 0; bits &= bits - 1) {
        const auto id = static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits)));
        f(id, counts_[id]);
      }
    }
  }

 private:
  std::vector<uint64_t> counts_;
  std::vector<uint64_t> counted_;  // bit id % 64 of word id / 64: id was counted
};

void AddFacet(v1::SearchClaimsResponse* response, v1::FacetField field,
              const absl::flat_hash_map<std::string, uint64_t>& counts, uint32_t size) {
  std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
  if (field == v1::FACET_FIELD_STATEMENT_MONTH) {
    std::sort(sorted.begin(), sorted.end());
  } else {
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (sorted.size() > size) sorted.resize(size);
  }
  v1::FacetResult* facet = response->add_facets();
  facet->set_field(field);
  for (const auto& [value, count] : sorted) {
    v1::FacetCount* c = facet->add_counts();
    c->set_value(value);
    c->set_count(count);
  }
}

std::string KindName(uint8_t kind) {
  return v1::ClaimKind_Name(static_cast<v1::ClaimKind>(kind));
}

// A cluster read whose deadline came before the clustering stage caught up.
absl::Status ClusteringBehind() {
  return absl::DeadlineExceededError(
      "the clustering stage has not caught up with the latest ingest before the deadline");
}

absl::Status ValidateDocument(const v1::DocumentClaims& doc) {
  if (doc.doc_id().empty()) return absl::InvalidArgumentError("a document has no doc_id");
  absl::flat_hash_set<absl::string_view> ids;
  for (const v1::Claim& c : doc.claims()) {
    if (c.claim_id().empty()) {
      return absl::InvalidArgumentError(absl::StrCat("document ", doc.doc_id(), " has a claim without claim_id"));
    }
    if (!c.doc_id().empty() && c.doc_id() != doc.doc_id()) {
      return absl::InvalidArgumentError(
          absl::StrCat("claim ", c.claim_id(), " has doc_id ", c.doc_id(), " inside document ", doc.doc_id()));
    }
    if (!ids.insert(c.claim_id()).second) {
      return absl::InvalidArgumentError(absl::StrCat("document ", doc.doc_id(), " repeats claim ", c.claim_id()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

ClaimIndex::ClaimIndex() : ClaimIndex([] { ReleaseFreeMemory(); }) {}

ClaimIndex::ClaimIndex(std::function<void()> release_memory)
    : release_memory_(std::move(release_memory)), snapshot_(std::make_shared<Snapshot>()) {
  cluster_thread_ = std::thread([this] { ClusterLoop(); });
  merge_thread_ = std::thread([this] { MergeLoop(); });
}

ClaimIndex::~ClaimIndex() {
  {
    absl::MutexLock lock(&stage_mu_);
    stopping_ = true;
    cancel_compaction_.store(true);
  }
  cluster_thread_.join();
  merge_thread_.join();
}

uint32_t ClaimIndex::Names::Intern(absl::string_view value) {
  absl::MutexLock lock(&mu_);
  return names_.Intern(value);
}

std::string ClaimIndex::Names::value(uint32_t id) const {
  absl::MutexLock lock(&mu_);
  return id < names_.size() ? std::string(names_.value(id)) : std::string();
}

void ClaimIndex::Names::KeepFirstByValue(std::vector<uint32_t>* ids, size_t n) const {
  if (ids->size() <= n) return;
  absl::MutexLock lock(&mu_);
  std::nth_element(ids->begin(), ids->begin() + n, ids->end(),
                   [this](uint32_t a, uint32_t b) ABSL_NO_THREAD_SAFETY_ANALYSIS {
                     return names_.value(a) < names_.value(b);
                   });
  ids->resize(n);
}

size_t ClaimIndex::Names::size() const {
  absl::MutexLock lock(&mu_);
  return names_.size();
}

ClaimIndex::SegmentRef ClaimIndex::MakeRef(std::shared_ptr<const Segment> segment, int level) {
  SegmentRef ref;
  auto speakers = std::make_shared<std::vector<uint32_t>>(segment->speakers().size(), 0);
  for (uint32_t s = 1; s < segment->speakers().size(); ++s) {
    (*speakers)[s] = speaker_names_.Intern(segment->speakers().value(s));
  }
  auto outlets = std::make_shared<std::vector<uint32_t>>(segment->outlets().size(), 0);
  for (uint32_t o = 1; o < segment->outlets().size(); ++o) {
    (*outlets)[o] = outlet_names_.Intern(segment->outlets().value(o));
  }
  ref.speaker_global = std::move(speakers);
  ref.outlet_global = std::move(outlets);
  ref.live_count = segment->size();
  ref.segment = std::move(segment);
  ref.level = level;
  return ref;
}

std::shared_ptr<const ClaimIndex::Snapshot> ClaimIndex::snapshot() const {
  absl::MutexLock lock(&snapshot_mu_);
  return snapshot_;
}

void ClaimIndex::Publish(std::shared_ptr<const Snapshot> next) {
  absl::MutexLock lock(&snapshot_mu_);
  snapshot_ = std::move(next);
}

void ClaimIndex::SetIngestListener(IngestListener listener) {
  absl::MutexLock lock(&listener_mu_);
  listener_ = std::move(listener);
}

uint32_t ClaimIndex::KillIn(SegmentRef& ref, absl::string_view doc_id) {
  const absl::Span<const uint32_t> docs = ref.segment->FindDocument(doc_id);
  if (docs.empty()) return 0;
  uint32_t killed = 0;
  std::shared_ptr<Roaring> live;
  for (uint32_t doc : docs) {
    if (!IsLive(ref, doc)) continue;
    if (live == nullptr) {
      if (ref.live != nullptr) {
        live = std::make_shared<Roaring>(*ref.live);
      } else {
        live = std::make_shared<Roaring>();
        live->addRange(0, ref.segment->size());
      }
    }
    live->remove(doc);
    ++killed;
    --ref.live_count;
  }
  if (live != nullptr) {
    live->runOptimize();
    ref.live = std::move(live);
  }
  return killed;
}

uint32_t ClaimIndex::Kill(Snapshot& snapshot, absl::string_view doc_id) {
  uint32_t killed = 0;
  for (SegmentRef& ref : snapshot.segments) killed += KillIn(ref, doc_id);
  snapshot.segments.erase(std::remove_if(snapshot.segments.begin(), snapshot.segments.end(),
                                         [](const SegmentRef& r) { return r.live_count == 0; }),
                          snapshot.segments.end());
  snapshot.claims -= killed;
  return killed;
}

uint32_t ClaimIndex::Withdraw(Snapshot& snapshot, absl::string_view doc_id, ClusterJob& job) {
  if (merge_running_) killed_during_merge_.emplace_back(doc_id);
  job.removed_docs.emplace_back(doc_id);
  return Kill(snapshot, doc_id);
}

// ---- Merge thread ------------------------------------------------------------

void ClaimIndex::MergeLoop() {
  while (true) {
    bool quiet = false, compact = false, release = false;
    {
      absl::MutexLock lock(&stage_mu_);
      const absl::Condition wanted(
          +[](ClaimIndex* self) ABSL_NO_THREAD_SAFETY_ANALYSIS { return self->merge_wanted_ || self->stopping_; },
          this);
      stage_mu_.Await(absl::Condition(
          +[](ClaimIndex* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
            return self->merge_wanted_ || self->stopping_ || self->release_due_ || self->compaction_due_;
          },
          this));
      if (!merge_wanted_ && !stopping_) {
        // Only a release or a compaction is due: it waits for quiet.
        quiet = !stage_mu_.AwaitWithTimeout(wanted, kQuietBeforeRelease);
        // The clustering stage frees each batch's claims once it is done
        // with them: while it still has work, wait another period.
        if (quiet && !ClusteringIdle()) continue;
      }
      if (stopping_) return;
      if (quiet) {
        compact = compaction_due_;
        compaction_due_ = false;
        cancel_compaction_.store(false);
        release = release_due_;
      } else {
        merge_wanted_ = false;
      }
      merging_ = true;
    }
    if (quiet) {
      // Until nothing is left to merge or recode, or ingest cancels. Each
      // round merges segments or recodes one, so a round per segment for
      // each is enough.
      const size_t rounds = compact ? 2 * snapshot()->segments.size() : 0;
      for (size_t round = 0; round < rounds && MergeOnce(/*compact=*/true) >= 0; ++round) release = true;
      // The merged-away segments are freed by now (unless a reader still
      // holds an old snapshot): hand their pages back so the process's
      // resident size follows the index.
      if (release) release_memory_();
      absl::MutexLock lock(&stage_mu_);
      release_due_ = false;
      merging_ = false;
      continue;
    }
    MaybeTrainCodec();
    int top_level = -1;
    for (int level; (level = MergeOnce(/*compact=*/false)) >= 0;) top_level = std::max(top_level, level);
    absl::MutexLock lock(&stage_mu_);
    if (top_level >= 0) release_due_ = true;
    merging_ = false;
  }
}

void ClaimIndex::MaybeTrainCodec() {
  std::shared_ptr<const Snapshot> snap;
  {
    absl::MutexLock lock(&writer_mu_);
    if (codec_ != nullptr) return;
    snap = snapshot();
  }
  uint64_t stored = 0;
  for (const SegmentRef& ref : snap->segments) stored += ref.segment->size();
  // After a failed attempt (records too short to train on), wait until the
  // index has doubled.
  if (stored < kCodecTrainingClaims || stored < 2 * codec_attempt_claims_) return;
  const uint64_t step = std::max<uint64_t>(1, stored / kCodecSamples);
  std::vector<std::string> samples;
  samples.reserve(std::min(stored, kCodecSamples));
  uint64_t k = 0;
  for (const SegmentRef& ref : snap->segments) {
    for (uint32_t doc = 0; doc < ref.segment->size(); ++doc, ++k) {
      if (k % step != 0) continue;
      samples.emplace_back();
      if (!ref.segment->Record(doc, &samples.back())) samples.pop_back();
    }
  }
  absl::StatusOr<std::shared_ptr<const ClaimCodec>> codec = ClaimCodec::Train(samples);
  if (!codec.ok()) {
    codec_attempt_claims_ = stored;
    return;
  }
  codec_bytes_ = (*codec)->MemoryBytes();
  absl::MutexLock lock(&writer_mu_);
  codec_ = *std::move(codec);
}

std::vector<bool> ClaimIndex::CompactionInputs(absl::Span<const SegmentRef> segments) {
  // Smallest first; a segment joins the merge when the smaller ones hold at
  // least half as many live claims, so the result is at least 1.5 times as
  // large as any input and a claim is copied at most log1.5(claims) times
  // by compactions, however ingest arrives.
  std::vector<size_t> order(segments.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return segments[a].live_count < segments[b].live_count; });
  uint64_t sum = 0;
  size_t take = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t size = segments[order[k]].live_count;
    if (k > 0 && size <= 2 * sum) take = k + 1;
    sum += size;
  }
  std::vector<bool> chosen(segments.size(), false);
  for (size_t k = 0; k < take; ++k) chosen[order[k]] = true;
  return chosen;
}

int ClaimIndex::MergeOnce(bool compact) {
  // Compacting: the segments CompactionInputs chooses. Otherwise the oldest
  // kMergeFactor segments of the lowest level that has as many. Failing
  // that, one segment whose claims need compressing again, recoded.
  std::vector<SegmentRef> inputs;
  std::shared_ptr<const ClaimCodec> codec;
  int level = INT_MAX;
  {
    absl::MutexLock lock(&writer_mu_);
    const auto snap = snapshot();
    if (compact) {
      const std::vector<bool> chosen = CompactionInputs(snap->segments);
      level = 0;
      for (size_t i = 0; i < chosen.size(); ++i) {
        if (!chosen[i]) continue;
        inputs.push_back(snap->segments[i]);
        level = std::max(level, snap->segments[i].level + 1);
      }
      if (inputs.size() < 2) inputs.clear();
    } else {
      absl::flat_hash_map<int, int> per_level;
      for (const SegmentRef& ref : snap->segments) {
        if (++per_level[ref.level] >= kMergeFactor) level = std::min(level, ref.level);
      }
      if (level != INT_MAX) {
        for (const SegmentRef& ref : snap->segments) {
          if (ref.level == level && inputs.size() < static_cast<size_t>(kMergeFactor)) inputs.push_back(ref);
        }
        ++level;
      }
    }
    if (inputs.empty()) {
      // Claims stored before the codec was trained are recoded; so, when
      // compacting, are those ingest and its merges compressed with
      // kFast.
      for (const SegmentRef& ref : snap->segments) {
        if (ref.segment->codec() != codec_.get() ||
            (compact && ref.segment->codec() != nullptr && ref.segment->loose_claims() > 0)) {
          inputs.push_back(ref);
          level = ref.level;
          break;
        }
      }
      if (inputs.empty()) return -1;
    }
    merge_running_ = true;
    killed_during_merge_.clear();
    codec = codec_;
  }
  std::vector<std::shared_ptr<const Segment>> segments;
  std::vector<const Roaring*> live;
  for (const SegmentRef& ref : inputs) {
    segments.push_back(ref.segment);
    live.push_back(ref.live.get());
  }
  // Merges during ingest compress what they must (claims stored before the
  // codec) with kFast; a compaction, run once ingest is quiet, with kTight.
  std::shared_ptr<const Segment> result =
      Segment::Merge(segments, live, std::move(codec), compact ? &cancel_compaction_ : nullptr,
                     compact ? ClaimCodec::Effort::kTight : ClaimCodec::Effort::kFast);
  std::optional<SegmentRef> made;
  if (result != nullptr) made = MakeRef(std::move(result), level);
  absl::MutexLock lock(&writer_mu_);
  merge_running_ = false;
  if (!made.has_value()) {  // a compaction that ingest cancelled
    killed_during_merge_.clear();
    return -1;
  }
  SegmentRef& merged = *made;
  // Documents killed since the inputs were taken are killed in the result
  // too (their replacements, if any, live in newer segments).
  for (const std::string& doc_id : killed_during_merge_) KillIn(merged, doc_id);
  killed_during_merge_.clear();
  auto next = std::make_shared<Snapshot>(*snapshot());
  auto& refs = next->segments;
  auto is_input = [&](const SegmentRef& r) {
    for (const SegmentRef& in : inputs) {
      if (in.segment == r.segment) return true;
    }
    return false;
  };
  const auto at = std::find_if(refs.begin(), refs.end(), is_input);
  const size_t position = at - refs.begin();
  refs.erase(std::remove_if(refs.begin(), refs.end(), is_input), refs.end());
  const int merged_level = merged.level;
  if (merged.live_count > 0) refs.insert(refs.begin() + std::min(position, refs.size()), std::move(merged));
  Publish(std::move(next));
  return merged_level;
}

// ---- Clustering stage ----------------------------------------------------------

void ClaimIndex::Enqueue(ClusterJob job) {
  absl::MutexLock lock(&stage_mu_);
  // Every change to the index makes a compaction due once ingest goes
  // quiet; a new segment also cancels one in progress, so ingest never
  // waits behind it.
  compaction_due_ = true;
  if (!job.claims.empty()) cancel_compaction_.store(true);
  queued_claims_ += job.claims.size();
  cluster_jobs_.push_back(std::move(job));
  ++jobs_enqueued_;
}

void ClaimIndex::ClusterLoop() {
  while (true) {
    ClusterJob job;
    {
      absl::MutexLock lock(&stage_mu_);
      stage_mu_.Await(absl::Condition(
          +[](ClaimIndex* self)
               ABSL_NO_THREAD_SAFETY_ANALYSIS { return !self->cluster_jobs_.empty() || self->stopping_; },
          this));
      if (stopping_) return;
      job = std::move(cluster_jobs_.front());
      cluster_jobs_.pop_front();
    }
    for (const std::string& doc_id : job.removed_docs) clusterer_.RemoveDocument(doc_id);
    std::vector<uint32_t> clusters(job.claims.size());
    for (size_t i = 0; i < job.claims.size(); ++i) {
      v1::Claim& claim = *job.claims[i];
      const uint32_t speaker =
          claim.speaker().speaker_id().empty() ? 0 : speaker_names_.Intern(claim.speaker().speaker_id());
      Clusterer::Input input = Clusterer::Input::Of(claim, speaker);
      input.sequence = job.sequences.of(i);
      clusters[i] = clusterer_.Add(input);
      cluster_of_.Set(job.ordinals[i], clusters[i]);
      claim.set_cluster_id(ClusterId(clusters[i]));
    }
    if (!job.claims.empty()) {
      absl::MutexLock lock(&listener_mu_);
      if (listener_) {
        // Counts as of the whole batch, so its claims agree with each other.
        for (size_t i = 0; i < job.claims.size(); ++i) job.claims[i]->set_outlet_count(clusterer_.outlets(clusters[i]));
        listener_(job.claims);
      }
    }
    absl::MutexLock lock(&stage_mu_);
    queued_claims_ -= job.claims.size();
    ++jobs_done_;
  }
}

bool ClaimIndex::WaitForClustering(absl::Time deadline) const {
  absl::MutexLock lock(&stage_mu_);
  const uint64_t target = jobs_enqueued_;
  struct Args {
    const ClaimIndex* self;
    uint64_t target;
  } args{this, target};
  return stage_mu_.AwaitWithDeadline(
      absl::Condition(
          +[](Args* a) ABSL_NO_THREAD_SAFETY_ANALYSIS {
            return a->self->jobs_done_ >= a->target || a->self->stopping_;
          },
          &args),
      deadline);
}

void ClaimIndex::WaitForBackgroundWork() const {
  absl::MutexLock lock(&stage_mu_);
  stage_mu_.Await(absl::Condition(
      +[](const ClaimIndex* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
        return self->stopping_ ||
               (self->ClusteringIdle() && !self->merge_wanted_ && !self->merging_ && !self->release_due_ &&
                !self->compaction_due_);
      },
      this));
}

IngestResult ClaimIndex::Apply(const google::protobuf::RepeatedPtrField<v1::DocumentClaims>& documents) {
  google::protobuf::RepeatedPtrField<v1::DocumentClaims> copy = documents;
  return Apply(std::move(copy));
}

IngestResult ClaimIndex::Apply(google::protobuf::RepeatedPtrField<v1::DocumentClaims>&& documents) {
  auto owned = std::make_shared<google::protobuf::RepeatedPtrField<v1::DocumentClaims>>(std::move(documents));
  google::protobuf::RepeatedPtrField<v1::DocumentClaims>& at = *owned;
  return ApplyOwned(std::move(owned), at);
}

IngestResult ClaimIndex::Apply(std::unique_ptr<google::protobuf::Arena> arena,
                               google::protobuf::RepeatedPtrField<v1::DocumentClaims>* documents) {
  return ApplyOwned(std::shared_ptr<google::protobuf::Arena>(std::move(arena)), *documents);
}

IngestResult ClaimIndex::ApplyOwned(std::shared_ptr<void> owner,
                                    google::protobuf::RepeatedPtrField<v1::DocumentClaims>& documents) {
  IngestResult result;
  // One batch at a time; the writer lock is taken only to publish, so the
  // merge thread and deletions are not held up while the segment is built.
  absl::MutexLock ingest(&ingest_mu_);
  {
    // Back-pressure: the clustering stage and the merge thread keep up.
    absl::MutexLock stage(&stage_mu_);
    stage_mu_.Await(absl::Condition(
        +[](ClaimIndex* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
          return self->queued_claims_ < kMaxQueuedClusterClaims || self->stopping_;
        },
        this));
  }
  while (snapshot()->segments.size() >= kMaxSegments) {
    absl::MutexLock stage(&stage_mu_);
    merge_wanted_ = true;
    cancel_compaction_.store(true);
    stage_mu_.Await(absl::Condition(
        +[](ClaimIndex* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
          return (!self->merge_wanted_ && !self->merging_) || self->stopping_;
        },
        this));
    if (stopping_) break;
  }
  // The last occurrence of a doc_id in the batch wins.
  absl::flat_hash_map<absl::string_view, size_t> last;
  for (size_t i = 0; i < documents.size(); ++i) last[documents[i].doc_id()] = i;
  ClusterJob job;
  job.owner = std::move(owner);
  std::vector<v1::Claim*>& added = job.claims;
  std::vector<std::pair<size_t, uint32_t>> accepted;  // (document, claims) of the batch's winners
  for (size_t i = 0; i < documents.size(); ++i) {
    v1::DocumentClaims& doc = documents[i];
    if (absl::Status s = ValidateDocument(doc); !s.ok()) {
      ++result.documents_rejected;
      result.errors.emplace_back(s.message());
      continue;
    }
    ++result.documents_accepted;
    if (last[doc.doc_id()] != i) continue;  // replaced later in this batch
    accepted.emplace_back(i, doc.claims_size());
    for (v1::Claim& claim : *doc.mutable_claims()) {
      added.push_back(&claim);
      claim.set_doc_id(doc.doc_id());
      if (claim.source().ByteSizeLong() == 0) *claim.mutable_source() = doc.source();
      claim.clear_cluster_id();  // the index assigns clusters
      claim.clear_outlet_count();
      directory_.Resolve(claim.mutable_speaker());
      job.ordinals.push_back(next_ordinal_++);
    }
    result.claims_accepted += doc.claims_size();
  }
  std::optional<SegmentRef> built;
  if (!added.empty()) {
    std::shared_ptr<const ClaimCodec> codec;
    {
      absl::MutexLock lock(&writer_mu_);
      codec = codec_;
    }
    built = MakeRef(Segment::Build(added, job.ordinals, std::move(codec), &job.sequences, ClaimCodec::Effort::kFast), 0);
  }
  // Publication: replaced documents die and the new segment appears in one
  // snapshot.
  absl::MutexLock lock(&writer_mu_);
  auto next = std::make_shared<Snapshot>(*snapshot());
  for (const auto& [i, claims] : accepted) {
    const std::string& doc_id = documents[i].doc_id();
    if (documents_.contains(doc_id)) Withdraw(*next, doc_id, job);
    documents_[doc_id] = claims;
  }
  if (built.has_value()) {
    next->segments.push_back(*std::move(built));
    next->claims += added.size();
  }
  next->documents = documents_.size();
  const bool merge = next->segments.size() >= static_cast<size_t>(kMergeFactor);
  Publish(std::move(next));
  if (!added.empty() || !job.removed_docs.empty()) Enqueue(std::move(job));
  if (merge) {
    absl::MutexLock stage(&stage_mu_);
    merge_wanted_ = true;
  }
  return result;
}

absl::StatusOr<uint32_t> ClaimIndex::DeleteDocument(absl::string_view doc_id) {
  if (doc_id.empty()) return absl::InvalidArgumentError("doc_id is required");
  absl::MutexLock lock(&writer_mu_);
  auto it = documents_.find(doc_id);
  if (it == documents_.end()) return absl::NotFoundError(absl::StrCat("no document with doc_id '", doc_id, "'"));
  auto next = std::make_shared<Snapshot>(*snapshot());
  ClusterJob job;
  const uint32_t killed = Withdraw(*next, doc_id, job);
  Enqueue(std::move(job));
  documents_.erase(it);
  next->documents = documents_.size();
  Publish(std::move(next));
  return killed;
}

absl::StatusOr<v1::Claim> ClaimIndex::GetClaim(absl::string_view claim_id) const {
  if (claim_id.empty()) return absl::InvalidArgumentError("claim_id is required");
  if (std::optional<v1::Claim> claim = FindLiveClaim(*snapshot(), StableHash64(claim_id), claim_id)) {
    return *std::move(claim);
  }
  return absl::NotFoundError(absl::StrCat("no claim with claim_id '", claim_id, "'"));
}

v1::BatchGetClaimsResponse ClaimIndex::BatchGetClaims(const google::protobuf::RepeatedPtrField<std::string>& claim_ids) const {
  v1::BatchGetClaimsResponse response;
  for (int i = 0; i < claim_ids.size() && i < kMaxBatchGetClaims; ++i) {
    const std::string& id = claim_ids[i];
    absl::StatusOr<v1::Claim> claim = GetClaim(id);
    if (claim.ok()) {
      *response.add_claims() = *std::move(claim);
    } else {
      response.add_missing_ids(id);
    }
  }
  return response;
}

absl::StatusOr<v1::DocumentClaims> ClaimIndex::GetDocument(absl::string_view doc_id) const {
  if (doc_id.empty()) return absl::InvalidArgumentError("doc_id is required");
  const auto snap = snapshot();
  v1::DocumentClaims out;
  bool found = false;
  for (const SegmentRef& ref : snap->segments) {
    for (uint32_t doc : ref.segment->FindDocument(doc_id)) {
      if (!IsLive(ref, doc)) continue;
      found = true;
      *out.add_claims() = ReadClaim(*ref.segment, doc);
    }
  }
  if (!found) {
    // A document ingested with no claims is known to the writer only.
    absl::MutexLock lock(&writer_mu_);
    if (!documents_.contains(doc_id)) {
      return absl::NotFoundError(absl::StrCat("no document with doc_id '", doc_id, "'"));
    }
  }
  out.set_doc_id(std::string(doc_id));
  if (out.claims_size() > 0) *out.mutable_source() = out.claims(0).source();
  return out;
}

v1::SearchClaimsRequest ClaimIndex::ResolveSpeakers(const v1::SearchClaimsRequest& request) const {
  v1::SearchClaimsRequest out = request;
  for (std::string& id : *out.mutable_filter()->mutable_speaker_ids()) id = directory_.Canonical(id);
  if (!out.speaker().empty()) out.set_speaker(directory_.Canonical(out.speaker()));
  return out;
}

void ClaimIndex::AppendClaim(const Segment& segment, uint32_t doc, std::string* out) const {
  segment.AppendClaimBytes(doc, out);
  if (const uint32_t cluster = ClusterOf(segment.meta(doc)); cluster != 0) {
    wire::AppendBytesField(v1::Claim::kClusterIdFieldNumber, ClusterId(cluster), out);
    wire::AppendVarintField(v1::Claim::kOutletCountFieldNumber, clusterer_.outlets(cluster), out);
  }
}

v1::Claim ClaimIndex::ReadClaim(const Segment& segment, uint32_t doc) const {
  thread_local std::string bytes;
  bytes.clear();
  AppendClaim(segment, doc, &bytes);
  v1::Claim claim;
  claim.ParseFromString(bytes);
  return claim;
}

std::optional<v1::Claim> ClaimIndex::FindLiveClaim(const Snapshot& snapshot, uint64_t claim_hash,
                                                   absl::string_view claim_id) const {
  for (auto it = snapshot.segments.rbegin(); it != snapshot.segments.rend(); ++it) {
    const int64_t doc = it->segment->FindClaimHash(claim_hash);
    if (doc < 0 || !IsLive(*it, static_cast<uint32_t>(doc))) continue;
    v1::Claim claim = ReadClaim(*it->segment, static_cast<uint32_t>(doc));
    if (claim_id.empty() || claim.claim_id() == claim_id) return claim;  // else a hash collision
  }
  return std::nullopt;
}

absl::StatusOr<v1::SearchClaimsResponse> ClaimIndex::Search(const v1::SearchClaimsRequest& request) const {
  absl::StatusOr<std::string> bytes = SearchSerialized(request);
  if (!bytes.ok()) return bytes.status();
  v1::SearchClaimsResponse response;
  if (!response.ParseFromString(*bytes)) return absl::InternalError("the search response does not parse");
  return response;
}

absl::StatusOr<std::string> ClaimIndex::SearchSerialized(const v1::SearchClaimsRequest& original) const {
  // Speaker ids are mapped to index-wide ids; most searches name none and
  // need no copy of the request.
  const bool names_speakers = !original.speaker().empty() || !original.filter().speaker_ids().empty();
  v1::SearchClaimsRequest resolved;
  if (names_speakers) resolved = ResolveSpeakers(original);
  const v1::SearchClaimsRequest& request = names_speakers ? resolved : original;
  absl::StatusOr<uint32_t> page_size = PageSize(request.page_size(), kDefaultPageSize);
  if (!page_size.ok()) return page_size.status();
  if (request.facet_size() > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("facet_size ", request.facet_size(), " is over the limit of ", kMaxPageSize));
  }
  if (!v1::SortOrder_IsValid(request.sort())) {
    return absl::InvalidArgumentError(absl::StrCat("sort has an unknown value ", request.sort()));
  }
  for (int f : request.facets()) {
    if (!v1::FacetField_IsValid(f) || f == v1::FACET_FIELD_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat("facets has an unknown field ", f));
    }
  }
  if (absl::Status s = ValidateFilter(request.filter()); !s.ok()) return s;
  absl::StatusOr<ParsedQuery> query = ParseQuery(request.query());
  if (!query.ok()) return query.status();
  const uint64_t fingerprint = Fingerprint(original);
  std::optional<Cursor> cursor;
  if (!request.page_token().empty()) {
    absl::StatusOr<Cursor> c = DecodeCursor(request.page_token(), fingerprint, query->terms.size());
    if (!c.ok()) return c.status();
    cursor = *std::move(c);
  }
  const v1::SortOrder sort = request.sort() == v1::SORT_ORDER_UNSPECIFIED ? v1::SORT_ORDER_RELEVANCE : request.sort();
  const auto snap = snapshot();

  // Collection-wide statistics for BM25 (a cursor carries its first page's).
  double n = 0, avgdl = 0;
  std::vector<double> idf(query->terms.size(), 0);
  // Each word's stem list in each segment, looked up once (by the idf pass
  // when it runs, else when first used).
  std::vector<std::optional<std::optional<PostingList>>> stem_lists(snap->segments.size() * query->terms.size());
  auto stem_list = [&](uint32_t segment, size_t t) -> const std::optional<PostingList>& {
    std::optional<std::optional<PostingList>>& slot = stem_lists[segment * query->terms.size() + t];
    if (!slot.has_value()) slot = snap->segments[segment].segment->StemPostings(query->terms[t].stem);
    return *slot;
  };
  if (cursor) {
    n = cursor->n;
    avgdl = cursor->avgdl;
    idf = cursor->idf;
  } else {
    uint64_t total_length = 0;
    uint64_t all_docs = 0;
    for (const SegmentRef& ref : snap->segments) {
      total_length += ref.segment->total_length();
      all_docs += ref.segment->size();
    }
    // N counts dead claims too, like the document frequencies, so that df <= N
    // and every idf is positive (block-max pruning relies on it).
    n = std::max<double>(1, static_cast<double>(all_docs));
    avgdl = all_docs == 0 ? 1 : static_cast<double>(total_length) / all_docs;
    for (size_t t = 0; t < query->terms.size(); ++t) {
      uint64_t df = 0;
      for (uint32_t si = 0; si < snap->segments.size(); ++si) {
        if (const std::optional<PostingList>& l = stem_list(si, t)) df += l->docs.size();
      }
      idf[t] = std::log(1 + (n - df + 0.5) / (df + 0.5));
    }
  }

  bool want_speaker = false, want_outlet = false, want_kind = false, want_month = false;
  for (int f : request.facets()) {
    want_speaker |= f == v1::FACET_FIELD_SPEAKER;
    want_outlet |= f == v1::FACET_FIELD_OUTLET;
    want_kind |= f == v1::FACET_FIELD_KIND;
    want_month |= f == v1::FACET_FIELD_STATEMENT_MONTH;
  }
  // Scoring units: a word outside the query's phrases scores by its own
  // frequency in the claim (BM25, plus a share for its exact form); a phrase
  // scores as one term whose frequency is how often it occurs and whose idf
  // is the sum of its words' (the model of Lucene's phrase queries), so its
  // words do not score again. (Flags as bools, not std::vector<bool>,
  // whose element access the walk below would call for every claim.)
  absl::InlinedVector<bool, 8> loose(query->terms.size(), true);
  std::vector<double> phrase_idf(query->phrases.size(), 0);
  for (size_t p = 0; p < query->phrases.size(); ++p) {
    for (size_t t : query->phrases[p]) {
      loose[t] = false;
      phrase_idf[p] += idf[t];
    }
  }
  // Adjacent function words in phrases, as pair terms (PairTerm): their
  // lists (much shorter than either word's) join the intersection, and a
  // phrase of just two such words is its pair's list, frequencies included,
  // with no positions to compare.
  std::vector<std::string> pair_terms;
  std::vector<int> whole_pair(query->phrases.size(), -1);  // phrase -> index in pair_terms
  for (size_t p = 0; p < query->phrases.size(); ++p) {
    const std::vector<size_t>& phrase = query->phrases[p];
    for (size_t k = 0; k + 1 < phrase.size(); ++k) {
      const QueryTerm& a = query->terms[phrase[k]];
      const QueryTerm& b = query->terms[phrase[k + 1]];
      if (!IsFunctionWord(a.exact) || !IsFunctionWord(b.exact)) continue;
      if (phrase.size() == 2) whole_pair[p] = static_cast<int>(pair_terms.size());
      pair_terms.push_back(PairTerm(a.stem, b.stem));
    }
  }
  // Two-word phrases matched on one word's list by the NeighbourBytes
  // kept with its occurrences. A word with a NeighbourCode ("the") and one
  // without ("minister"): the second's list, and the code is exact, so the
  // first's (very long) list is not read. Two words without codes: the
  // list of the rarer (higher idf), whose bytes rule out most claims before
  // positions are compared (`hashed`: another word may share the byte).
  struct NeighbourPhrase {
    int word = -1;        // the word whose list is read; -1: not such a phrase
    uint8_t code = 0;     // the other word's NeighbourByte
    bool after = false;   // the other word comes first ("the minister")
    bool hashed = false;  // a byte match may be another word: positions decide
    uint32_t Count(absl::Span<const uint16_t> neighbours) const {
      uint32_t n = 0;
      for (const uint16_t c : neighbours) n += PostingList::NeighbourOf(c, after) == code;
      return n;
    }
  };
  std::vector<NeighbourPhrase> by_neighbour(query->phrases.size());
  for (size_t p = 0; p < query->phrases.size(); ++p) {
    const std::vector<size_t>& phrase = query->phrases[p];
    if (whole_pair[p] >= 0 || phrase.size() != 2) continue;
    const absl::string_view first = query->terms[phrase[0]].stem, second = query->terms[phrase[1]].stem;
    const bool coded_first = NeighbourCode(first) != 0, coded_second = NeighbourCode(second) != 0;
    if (coded_first && coded_second) continue;
    const bool read_second = coded_first || (!coded_second && idf[phrase[1]] > idf[phrase[0]]);
    by_neighbour[p] = read_second ? NeighbourPhrase{static_cast<int>(phrase[1]), NeighbourByte(first), true}
                                  : NeighbourPhrase{static_cast<int>(phrase[0]), NeighbourByte(second), false};
    by_neighbour[p].hashed = !coded_first && !coded_second;
  }
  // Words whose own lists are read: those scored alone and those of phrases
  // matched on positions or neighbour bytes (both words of a hashed one).
  absl::InlinedVector<bool, 8> word_list(query->terms.size(), false);
  for (size_t t = 0; t < query->terms.size(); ++t) word_list[t] = loose[t];
  for (size_t p = 0; p < query->phrases.size(); ++p) {
    if (by_neighbour[p].word >= 0 && !by_neighbour[p].hashed) {
      word_list[by_neighbour[p].word] = true;
    } else if (whole_pair[p] < 0) {
      for (size_t t : query->phrases[p]) word_list[t] = true;
    }
  }
  const v1::ClaimFilter& f = request.filter();
  // One word, or one phrase that is one pair, in relevance order with no
  // filter: ranked from one list with block-max pruning.
  const bool unfiltered_relevance = sort == v1::SORT_ORDER_RELEVANCE && request.speaker().empty() &&
                                    f.speaker_ids().empty() && f.outlets().empty() && f.kinds().empty() &&
                                    f.entities().empty() && f.min_outlets() <= 1 && !f.has_statement_date() &&
                                    !f.has_published_date();
  const bool single_list =
      unfiltered_relevance &&
      ((query->terms.size() == 1 && query->phrases.empty()) ||
       (query->phrases.size() == 1 && whole_pair[0] >= 0 &&
        std::none_of(loose.begin(), loose.end(), [](bool b) { return b; })));
  const double single_idf = !single_list ? 0 : query->phrases.empty() ? idf[0] : phrase_idf[0];
  // BM25's share of one term in a claim, before idf.
  auto impact = [&](double tf, double length) {
    return tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / avgdl));
  };
  // The most any claim of block b of `l` gains from it, before idf: once in
  // the shortest claim, twice in the shortest repeating, or the most often
  // in the shortest with it three times or more.
  auto block_bound = [&](const PostingList& l, size_t b) {
    double best = impact(1, l.block_min_length[b]);
    if (l.block_max_tf[b] > 1) best = std::max(best, impact(2, l.block_min_repeat_length[b]));
    if (l.block_max_tf[b] > 2) best = std::max(best, impact(l.block_max_tf[b], l.block_min_thrice_length[b]));
    return best;
  };
  // The most any claim with ids in [first, last] gains from `l`: the best
  // bound among the blocks overlapping the range. `from` is where the scan
  // starts and is left at the first overlapping block, so a caller moving
  // forward through the ids reads each block about once.
  auto range_bound = [&](const PostingList& l, size_t& from, uint32_t first, uint32_t last) {
    const size_t blocks = l.block_max_tf.size();
    while (from + 1 < blocks && l.BlockFirst(from + 1) <= first) ++from;  // see BlockCursor::MoveTo
    if (from < blocks && l.BlockLast(from) < first) ++from;
    double best = 0;
    for (size_t b = from; b < blocks && l.BlockFirst(b) <= last; ++b) {
      best = std::max(best, block_bound(l, b));
    }
    return best;
  };
  // Past kExactTotalFloor matches, a relevance search without facets may
  // skip claims that cannot reach the page; the total is then a lower bound.
  const bool may_skip = sort == v1::SORT_ORDER_RELEVANCE && request.facets().empty() && !request.exact_total();
  bool total_is_lower_bound = false;
  FacetCounts facets;
  SparseCounts speaker_totals(want_speaker ? speaker_names_.size() : 0);
  SparseCounts outlet_totals(want_outlet ? outlet_names_.size() : 0);
  uint64_t total = 0;
  const size_t keep = *page_size + 1;
  std::priority_queue<Ranked, std::vector<Ranked>, WorseFirst> heap;

  for (uint32_t si = 0; si < snap->segments.size(); ++si) {
    const SegmentRef& ref = snap->segments[si];
    const Segment& seg = *ref.segment;
    const SegmentFilter filter = PrepareFilter(seg, request, &clusterer_, &cluster_of_);
    if (filter.impossible) continue;
    SparseCounts speaker_counts(want_speaker ? seg.speakers().size() : 0);
    SparseCounts outlet_counts(want_outlet ? seg.outlets().size() : 0);
    uint64_t kind_counts[4] = {0, 0, 0, 0};
    absl::flat_hash_map<int32_t, uint64_t> month_counts;  // first day of month -> count

    // Puts a match into the bounded heap when it belongs on the page.
    auto offer = [&](uint32_t doc, float score, const ClaimMeta& m) {
      Ranked r;
      r.segment = si;
      r.doc = doc;
      r.score = score;
      r.claim_hash = 0;
      switch (sort) {
        case v1::SORT_ORDER_STATEMENT_DATE:
          r.primary = DayKey(m.statement_day);
          r.secondary = score;
          break;
        case v1::SORT_ORDER_PUBLISHED_DATE:
          r.primary = DayKey(m.published_day);
          r.secondary = score;
          break;
        case v1::SORT_ORDER_CORROBORATION:
          r.primary = clusterer_.outlets(ClusterOf(m));
          r.secondary = score;
          break;
        default:
          // A score below the page's worst needs no more (and reads no
          // more of the claim's metadata).
          if (heap.size() >= keep && score < heap.top().primary) return;
          r.primary = score;
          r.secondary = DayKey(m.statement_day);
      }
      // Cheap rejection first: the hash (a tie-breaker, another memory
      // access) is read only when the sort keys tie or win.
      const bool full = heap.size() >= keep;
      if (full && (r.primary < heap.top().primary ||
                   (r.primary == heap.top().primary && r.secondary < heap.top().secondary))) {
        return;
      }
      r.claim_hash = seg.claim_hash(doc);
      if (cursor &&
          !Before(cursor->primary, cursor->secondary, cursor->claim_hash, r.primary, r.secondary, r.claim_hash)) {
        return;  // at or before the cursor: on an earlier page
      }
      if (!full) {
        heap.push(r);
      } else if (Before(r.primary, r.secondary, r.claim_hash, heap.top().primary, heap.top().secondary,
                        heap.top().claim_hash)) {
        heap.pop();
        heap.push(r);
      }
    };

    // Counts a match in the requested facets.
    auto count_facets = [&](uint32_t doc, const ClaimMeta& m) {
      if (want_speaker) speaker_counts.Add(seg.speaker(doc));
      if (want_outlet) outlet_counts.Add(m.outlet);
      if (want_kind && m.kind < 4) ++kind_counts[m.kind];
      if (want_month && m.statement_day != kNoDay) {
        const v1::Date d = DateFromDay(m.statement_day);
        ++month_counts[d.year() * 100 + d.month()];
      }
    };
    // Adds this segment's facet counts to the index-wide ones.
    auto add_segment_facets = [&] {
      speaker_counts.ForEach([&](uint32_t s, uint64_t count) {
        if (s != 0) speaker_totals.Add((*ref.speaker_global)[s], count);
      });
      outlet_counts.ForEach([&](uint32_t o, uint64_t count) {
        if (o != 0) outlet_totals.Add((*ref.outlet_global)[o], count);
      });
      for (int k = 0; k < 4; ++k) {
        if (kind_counts[k] > 0) facets.kind[KindName(static_cast<uint8_t>(k))] += kind_counts[k];
      }
      for (const auto& [month, count] : month_counts) {
        facets.month[absl::StrFormat("%04d-%02d", month / 100, month % 100)] += count;
      }
    };
    auto consider = [&](uint32_t doc, float score) {
      const ClaimMeta& m = seg.meta(doc);
      ++total;
      count_facets(doc, m);
      offer(doc, score, m);
    };

    if (query->empty()) {
      ForEachCandidate(seg, filter, [&](uint32_t doc) {
        if (IsLive(ref, doc) && filter.Accept(seg.meta(doc), doc)) consider(doc, 0);
      });
    } else {
      if (single_list) {
        // The total is the list's length less dead claims, facets are
        // counted in one pass over the postings, and blocks whose best
        // possible score cannot reach the page are not scored.
        const std::optional<PostingList> found =
            query->phrases.empty() ? stem_list(si, 0) : seg.StemPostings(pair_terms[0]);
        if (!found.has_value()) continue;
        const PostingList& list = *found;
        ListCursor exact;
        if (query->phrases.empty() && query->terms[0].exact != query->terms[0].stem) {
          exact.list = seg.ExactPostings(query->terms[0].exact);
        }
        total += list.docs.size() - DeadIn(seg, ref.live.get(), ref.live_count, list.docs);
        if (!request.facets().empty()) {
          if (want_speaker && !want_outlet && !want_kind && !want_month && ref.live == nullptr) {
            // The common case, speakers alone with every claim live: one
            // count per posting.
            list.docs.ForEach([&](uint32_t doc) { speaker_counts.Add(seg.speaker(doc)); });
          } else {
            list.docs.ForEach([&](uint32_t doc) {
              if (IsLive(ref, doc)) count_facets(doc, seg.meta(doc));
            });
          }
        }
        // The first block of the exact form's list that may hold claims of
        // the current stem block (its claims are a subset of the stem's).
        size_t exact_block = 0;
        for (size_t b = 0; b < list.block_max_tf.size(); ++b) {
          const size_t end = std::min(list.docs.size(), (b + 1) * PostingList::kBlock);
          if (heap.size() >= keep) {
            double bound = block_bound(list, b);
            if (exact.list.has_value()) {
              // The exact form adds at most its best block among those
              // overlapping this block's claims.
              bound += kExactWeight *
                       range_bound(*exact.list, exact_block, list.docs[b * PostingList::kBlock], list.docs[end - 1]);
            }
            if (single_idf * bound * (1 + 1e-6) < heap.top().primary) continue;
          }
          const size_t first = b * PostingList::kBlock;
          for (size_t k = first; k < std::min(end, first + kPrefetchAhead); ++k) seg.PrefetchLength(list.docs[k]);
          for (size_t k = first; k < end; ++k) {
            const uint32_t doc = list.docs[k];
            if (k + kPrefetchAhead < end) seg.PrefetchLength(list.docs[k + kPrefetchAhead]);
            if (!IsLive(ref, doc)) continue;
            const ClaimMeta& m = seg.meta(doc);
            const uint16_t length = seg.length(doc);
            double score = single_idf * impact(list.tf(k), length);
            if (exact.list.has_value()) {
              // The exact form occurs at most as often as the stem: a claim
              // that cannot reach the page even so is not sought in its list.
              if (heap.size() >= keep && score * (1 + kExactWeight) * (1 + 1e-6) < heap.top().primary) continue;
              if (exact.SeekTo(doc)) score += kExactWeight * single_idf * impact(exact.list->tf(exact.i), length);
            }
            offer(doc, static_cast<float>(score), m);
          }
        }
        add_segment_facets();
        continue;
      }
      // Cursors: the words' lists (where read), then the pairs'.
      const size_t words = query->terms.size();
      std::vector<ListCursor> cursors(words + pair_terms.size());
      std::vector<ListCursor> exact(words);
      std::vector<size_t> active;  // cursors intersected
      bool missing = false;
      for (size_t c = 0; c < cursors.size() && !missing; ++c) {
        if (c < words && !word_list[c]) continue;
        cursors[c].list = c < words ? stem_list(si, c) : seg.StemPostings(pair_terms[c - words]);
        missing = !cursors[c].list.has_value();
        active.push_back(c);
        if (c < words && loose[c] && query->terms[c].exact != query->terms[c].stem) {
          exact[c].list = seg.ExactPostings(query->terms[c].exact);
        }
      }
      if (missing) continue;
      size_t lead = active[0];
      for (size_t c : active) {
        if (cursors[c].list->docs.size() < cursors[lead].list->docs.size()) lead = c;
      }
      // The claims walked: those of the bitmaps' intersection
      // (IntersectBitmaps), or those in every list (IntersectDocIds), or,
      // for a scan, the lead list itself. A listed walk seeks every list at
      // each claim.
      std::vector<uint32_t> lead_docs;
      bool by_bitmaps = false;          // lead_docs hold a bitmap intersection
      bool walk_in_every_list = false;  // every claim walked is in every active list
      // A selective filter (a speaker, an entity) can lead instead: walk its
      // bitmap and seek every term's postings. When the words' lists carry
      // bitmaps, the filter's is intersected with them first, so only
      // claims passing both are visited.
      // Speakers with a date range (the filter's claims then known to pass
      // both) are read from their day columns when the lists have bitmaps,
      // or when scanning the speakers' claims costs less than testing the
      // shortest list's claims in the walk (a nanosecond a claim against
      // tens).
      bool speaker_and_day_known = false;
      if (filter.by_speaker || filter.by_entity) {
        const size_t lead_size = cursors[lead].list->docs.size();
        absl::InlinedVector<const Roaring*, 4> lists;
        for (size_t c : active) {
          if (cursors[c].list->bitmap != nullptr) lists.push_back(cursors[c].list->bitmap);
        }
        uint64_t speaker_claims = 0;
        for (uint32_t s : filter.speakers) speaker_claims += seg.SpeakerClaimCount(s);
        const bool days = !lists.empty() || speaker_claims < 16 * uint64_t{lead_size};
        const Candidates candidates = FilterCandidates(seg, filter, days);
        // Without a list's bitmap to narrow it, the filter leads only if
        // selective enough to beat the shortest list.
        if (candidates.any() && (!lists.empty() || candidates.bound() * 4 < lead_size)) {
          candidates.Collect(lists, &lead_docs);
          by_bitmaps = true;
          speaker_and_day_known = candidates.by_days;
        }
      }
      // A walk of the list of a phrase matched on neighbour bytes looks at
      // the claims whose bytes hold the phrase, found a block at a time
      // (PostingList::NeighbourMask); the others would be ruled out below.
      const NeighbourPhrase* scan = nullptr;
      if (!by_bitmaps) {
        for (size_t p = 0; p < query->phrases.size() && scan == nullptr; ++p) {
          if (by_neighbour[p].word == static_cast<int>(lead)) scan = &by_neighbour[p];
        }
      }
      // Several lists whose longer ones are long (and no scan): intersect
      // their bitmaps (IntersectBitmaps) and visit only the claims in all
      // of them, instead of seeking every claim of the shortest list.
      // A shortest list without a bitmap whose others all have one: its
      // ids meet their containers (IntersectIdsWithBitmaps), which costs
      // less than merging or seeking the long lists (intersect_bench).
      if (!by_bitmaps && scan == nullptr && active.size() > 1) {
        absl::InlinedVector<const Roaring*, 4> sets;
        for (size_t c : active) {
          if (c != lead && cursors[c].list->bitmap != nullptr) sets.push_back(cursors[c].list->bitmap);
        }
        if (sets.size() + 1 == active.size()) {
          if (const Roaring* own = cursors[lead].list->bitmap; own != nullptr) {
            sets.push_back(own);
            IntersectBitmaps(sets, &lead_docs);
          } else {
            std::vector<uint32_t> ids;
            ids.reserve(cursors[lead].list->docs.size());
            cursors[lead].list->docs.ForEach([&ids](uint32_t doc) { ids.push_back(doc); });
            IntersectIdsWithBitmaps(ids, sets, &lead_docs);
          }
          by_bitmaps = true;
          walk_in_every_list = true;
        }
      }
      // With IntersectDocIds: each walked claim's index in each active
      // list, active.size() a claim (no list is sought in the walk).
      std::vector<uint32_t> lead_indexes;
      const bool listed = by_bitmaps || (active.size() > 1 && scan == nullptr);
      if (listed && !by_bitmaps) {
        absl::InlinedVector<const DocIds*, 4> lists;
        for (size_t c : active) lists.push_back(&cursors[c].list->docs);
        IntersectDocIds(lists, &lead_docs, &lead_indexes);
        walk_in_every_list = true;
      }
      const DocIds walk = listed ? DocIds(lead_docs) : cursors[lead].list->docs;
      // Words alone, intersected with no filter: every claim walked
      // matches, so the live ones are counted here and scoring may skip
      // any claim that cannot reach the page.
      const bool counted = listed && query->phrases.empty() && filter.AcceptsAll() &&
                           sort == v1::SORT_ORDER_RELEVANCE && request.facets().empty();
      if (counted) total += walk.size() - DeadIn(seg, ref.live.get(), ref.live_count, walk);
      // The most a claim can score from its length and, for each scoring
      // unit, the largest frequency in the block of the unit's list that
      // would hold the claim (0 when no block would: an exact form the
      // claim lacks). Checked before any list is sought, so a long claim
      // among many matches costs its length and a few block boundaries.
      struct Unit {
        double weight;                          // idf, times kExactWeight for an exact form
        absl::InlinedVector<size_t, 4> lists;  // the unit occurs at most as often as in any of them
      };
      std::vector<Unit> units;
      std::vector<BlockCursor> blocks;
      // The lists whose repeats (PostingList::repeats) tell which claims
      // may have a unit more than once: each word's stem list (an exact
      // form's repeats are among its stem's) and one list of each phrase
      // (a phrase occurs no more often than its pair or any of its words).
      // `repeats_known` is false when a unit has none that keeps them.
      std::vector<const PostingList*> repeat_lists;
      bool repeats_known = true;
      auto note_repeats = [&](const PostingList& l) {
        repeats_known &= l.repeats_kept;
        repeat_lists.push_back(&l);
      };
      if (sort == v1::SORT_ORDER_RELEVANCE && request.facets().empty()) {
        auto add = [&](const PostingList& l) {
          blocks.push_back(BlockCursor{&l});
          return blocks.size() - 1;
        };
        std::vector<size_t> word_block(words, SIZE_MAX);
        for (size_t t = 0; t < words; ++t) {
          if (!word_list[t]) continue;
          word_block[t] = add(*cursors[t].list);
          blocks[word_block[t]].holds_every_claim = walk_in_every_list;  // a word's list is active
        }
        for (size_t t = 0; t < words; ++t) {
          if (!loose[t]) continue;
          units.push_back(Unit{idf[t], {word_block[t]}});
          note_repeats(*cursors[t].list);
          if (exact[t].list.has_value()) units.push_back(Unit{kExactWeight * idf[t], {add(*exact[t].list)}});
        }
        for (size_t p = 0; p < query->phrases.size(); ++p) {
          Unit u{phrase_idf[p], {}};
          if (whole_pair[p] >= 0) {
            u.lists.push_back(add(*cursors[words + whole_pair[p]].list));
          } else if (by_neighbour[p].word >= 0) {
            u.lists.push_back(word_block[by_neighbour[p].word]);
          } else {
            for (size_t t : query->phrases[p]) u.lists.push_back(word_block[t]);
          }
          auto kept = std::find_if(u.lists.begin(), u.lists.end(),
                                   [&](size_t l) { return blocks[l].list->repeats_kept; });
          note_repeats(*blocks[kept == u.lists.end() ? u.lists[0] : *kept].list);
          units.push_back(std::move(u));
        }
      }
      // The longest claim that may still reach a page whose worst score is
      // `worst` when each unit occurs at most most(unit) times in it (-1:
      // none; lengths run from 0 to UINT16_MAX): the bound falls as the
      // length grows.
      auto longest_reaching = [&](double worst, auto most) {
        auto reaches = [&](int32_t length) {
          double bound = 0;
          for (const Unit& u : units) bound += u.weight * impact(most(u), length);
          return bound * (1 + 1e-6) >= worst;
        };
        return FirstFailing<int32_t>(-1, UINT16_MAX + 1, reaches) - 1;
      };
      // A unit's bound in the blocks the walk is in: the lowest of its lists'.
      auto block_most = [&](const Unit& u) {
        uint32_t tf = UINT32_MAX;
        for (size_t l : u.lists) tf = std::min(tf, blocks[l].tf_bound);
        return tf;
      };
      // The bound comes down to the longest claim that may still reach the
      // page (-1: none), found again
      // only when a block bound or the page's worst score changes: most
      // claims cost one comparison of their length. Block bounds flip back
      // and forth along a walk (a list's blocks alternate between largest
      // frequencies 1 and 2; a short list's gaps between blocks bound 0),
      // so each combination met is remembered until the worst score
      // changes (a frequency bound fits a byte: kMaxOccurrences).
      int32_t longest = -1;
      double longest_for = -1;  // the worst score on the page it was found for
      bool stale = true;
      absl::flat_hash_map<uint64_t, int32_t> longest_by_bounds;
      const bool keyed = blocks.size() <= 8;
      static_assert(PostingList::kMaxOccurrences <= UINT8_MAX, "a frequency bound must fit a byte of the key");
      auto cannot_reach = [&](uint32_t doc) {
        for (BlockCursor& b : blocks) stale |= b.MoveTo(doc);
        const double worst = heap.top().primary;
        if (worst != longest_for) {
          longest_by_bounds.clear();
          longest_for = worst;
          stale = true;
        }
        if (stale) {
          uint64_t key = 0;
          for (const BlockCursor& b : blocks) key = key << 8 | b.tf_bound;
          auto found = keyed ? longest_by_bounds.find(key) : longest_by_bounds.end();
          if (found != longest_by_bounds.end()) {
            longest = found->second;
          } else {
            longest = longest_reaching(worst, block_most);
            if (keyed) longest_by_bounds.emplace(key, longest);
          }
          stale = false;
        }
        return static_cast<int32_t>(seg.length(doc)) > longest;
      };
      // When every unit's repeats are known (repeat_lists), a walked claim
      // in none of them has each unit at most once, so it scores at most
      // what every unit gives at frequency 1, which falls with the length:
      // one comparison of its length settles most claims, and the few with
      // a unit repeated (`repeated`) are bounded block by block
      // (cannot_reach; scoring them instead took more instructions in
      // callgrind).
      std::vector<uint32_t> repeated;
      const bool by_repeats = repeats_known && !units.empty();
      if (by_repeats) {
        size_t lists = 0;
        for (const PostingList* l : repeat_lists) {
          if (l->repeats.empty()) continue;
          if (!listed && l == &*cursors[lead].list) {  // the walk is this list: every repeat is walked
            for (size_t i = 0; i < l->repeats.size(); ++i) repeated.push_back(l->repeats[i]);
          } else {
            const DocIds* pair[] = {&walk, &l->repeats};
            IntersectDocIds(pair, &repeated);
          }
          ++lists;
        }
        if (lists > 1) {
          std::sort(repeated.begin(), repeated.end());
          repeated.erase(std::unique(repeated.begin(), repeated.end()), repeated.end());
        }
      }
      size_t next_repeated = 0;
      int32_t longest_once = -1;       // the longest claim with each unit once that may reach the page
      double longest_once_for = -1;    // the worst score on the page it was found for
      auto find_longest_once = [&] {
        longest_once_for = heap.top().primary;
        longest_once = longest_reaching(longest_once_for, [](const Unit&) { return uint32_t{1}; });
      };
      // True when a claim with each unit at most once cannot reach the page.
      auto once_cannot_reach = [&](uint32_t doc) ABSL_ATTRIBUTE_ALWAYS_INLINE {
        if (heap.top().primary != longest_once_for) find_longest_once();
        return static_cast<int32_t>(seg.length(doc)) > longest_once;
      };
      std::vector<uint32_t> phrase_tf(query->phrases.size());
      // Speakers and statement dates are tested first on the segment's
      // dense arrays, so only claims passing them have their fields read;
      // those are fetched ahead when the rest of the filter reads them for
      // every claim (an outlet, a kind, ...).
      const bool prefetch_meta = filter.ReadsOtherFields();
      const bool prefetch_speaker = filter.by_speaker && !speaker_and_day_known;
      const bool prefetch_day = filter.by_statement && !speaker_and_day_known;
      // A claim's length and the fields the filter reads first (inlined:
      // this function is past GCC's inlining limits, and a call per walked
      // claim would cost more than the prefetches).
      auto prefetch_fields = [&](uint32_t doc) ABSL_ATTRIBUTE_ALWAYS_INLINE {
        if (!units.empty()) seg.PrefetchLength(doc);
        if (prefetch_meta) seg.PrefetchMeta(doc);
        if (prefetch_day) seg.PrefetchStatementDay(doc);
        if (prefetch_speaker) seg.PrefetchSpeaker(doc);
      };
      // A scan reads each block's mask a block ahead and fetches the claims
      // it marks, so their misses overlap the block in between; fetching by
      // position in the walk, as below, would mostly fetch claims the masks
      // pass over.
      size_t scan_block = SIZE_MAX;
      std::array<uint64_t, 2> scan_mask = {0, 0}, next_mask = {0, 0};
      auto scan_mask_of = [&](size_t b) {
        const std::array<uint64_t, 2> mask = cursors[lead].list->NeighbourMask(b, scan->code, scan->after);
        for (size_t w = 0; w < mask.size(); ++w) {
          for (uint64_t bits = mask[w]; bits != 0; bits &= bits - 1) {
            prefetch_fields(walk[b * PostingList::kBlock + w * 64 + __builtin_ctzll(bits)]);
          }
        }
        return mask;
      };
      for (size_t k = 0; k < walk.size(); ++k) {
        if (scan != nullptr) {
          if (k / PostingList::kBlock != scan_block) {
            const size_t b = k / PostingList::kBlock;
            scan_mask = scan_block != SIZE_MAX && b == scan_block + 1 ? next_mask : scan_mask_of(b);
            scan_block = b;
            if ((b + 1) * PostingList::kBlock < walk.size()) next_mask = scan_mask_of(b + 1);
          }
          const uint64_t ahead = scan_mask[k % PostingList::kBlock / 64] >> (k % 64);
          if (ahead == 0) {
            k |= 63;  // on to the next 64 claims
            continue;
          }
          k += __builtin_ctzll(ahead);
        }
        const uint32_t doc = walk[k];
        if (scan == nullptr && k + kPrefetchAhead < walk.size()) prefetch_fields(walk[k + kPrefetchAhead]);
        // A listed walk's claims hold every word, so one that may reach the
        // page is offered to it: its metadata (a sort key) and id hash (the
        // tie-break) are read, each a miss at 1M claims. They are fetched
        // half as far ahead, once its length (fetched above) shows it may
        // reach the page under the last length bound found.
        if (listed && k + kPrefetchAhead / 2 < walk.size()) {
          const uint32_t next = walk[k + kPrefetchAhead / 2];
          if (heap.size() < keep || units.empty() ||
              static_cast<int32_t>(seg.length(next)) <= (by_repeats ? longest_once : longest)) {
            if (!prefetch_meta) seg.PrefetchMeta(next);
            seg.PrefetchClaimHash(next);
          }
        }
        // Before the lists are sought: when the claim is counted already,
        // or when its phrases would have to be checked to count it and the
        // exact count is past.
        const bool bound_first =
            !units.empty() && heap.size() >= keep &&
            (counted || (!query->phrases.empty() && may_skip && total >= kExactTotalFloor));
        while (next_repeated < repeated.size() && repeated[next_repeated] < doc) ++next_repeated;
        const bool repeats_unit = next_repeated < repeated.size() && repeated[next_repeated] == doc;
        if (bound_first && by_repeats && !repeats_unit) {
          if (once_cannot_reach(doc)) {
            total_is_lower_bound |= !counted;
            continue;
          }
        } else if (bound_first && cannot_reach(doc)) {
          total_is_lower_bound |= !counted;
          continue;
        }
        if (!speaker_and_day_known && !filter.AcceptsSpeakerAndDay(seg, doc)) continue;
        bool all = true;
        if (!lead_indexes.empty()) {
          for (size_t a = 0; a < active.size(); ++a) cursors[active[a]].i = lead_indexes[k * active.size() + a];
        } else if (listed) {
          for (size_t a = 0; a < active.size() && all; ++a) all = cursors[active[a]].SeekTo(doc);
        } else {
          cursors[lead].i = k;
          for (size_t a = 0; a < active.size() && all; ++a) {
            if (active[a] != lead) all = cursors[active[a]].SeekTo(doc);
          }
        }
        if (!all || !IsLive(ref, doc)) continue;
        const ClaimMeta& m = seg.meta(doc);
        if (!filter.Accept(m, doc)) continue;
        // A phrase matched on neighbour bytes rules most claims out with one
        // read of its word's bytes, before anything is scored (a word
        // occurring kMaxOccurrences times may hold more than its bytes show).
        // The counts are kept for scoring.
        bool absent = false;
        for (size_t p = 0; p < query->phrases.size() && !absent; ++p) {
          if (by_neighbour[p].word < 0) continue;
          const ListCursor& word = cursors[by_neighbour[p].word];
          phrase_tf[p] = by_neighbour[p].Count(word.list->NeighboursAt(word.i));
          absent = word.list->tf(word.i) < PostingList::kMaxOccurrences && phrase_tf[p] == 0;
        }
        if (absent) continue;
        // A match of words alone is counted; its score is needed only if
        // it may reach the page.
        if (!bound_first && !counted && query->phrases.empty() && !units.empty() && heap.size() >= keep &&
            cannot_reach(doc)) {
          ++total;
          continue;
        }
        const uint16_t length = seg.length(doc);
        const double norm = kK1 * (1 - kB + kB * length / avgdl);
        // The stems' part of the score, and the most the exact forms can
        // add: a form occurs at most as often as its stem. A claim that
        // cannot reach the page even so is not sought in the exact forms'
        // lists (nor its metadata read).
        double score = 0;
        double exact_most = 0;
        for (size_t t = 0; t < words; ++t) {
          if (!loose[t]) continue;
          const double tf = cursors[t].list->tf(cursors[t].i);
          const double impact_tf = tf * (kK1 + 1) / (tf + norm);
          score += idf[t] * impact_tf;
          if (exact[t].list.has_value()) exact_most += kExactWeight * idf[t] * impact_tf;
        }
        if (query->phrases.empty() && !units.empty() && heap.size() >= keep &&
            (score + exact_most) * (1 + 1e-6) < heap.top().primary) {
          if (!counted) ++total;
          continue;
        }
        for (size_t t = 0; t < words; ++t) {
          if (loose[t] && exact[t].list.has_value() && exact[t].SeekTo(doc)) {
            const double etf = exact[t].list->tf(exact[t].i);
            score += kExactWeight * idf[t] * etf * (kK1 + 1) / (etf + norm);
          }
        }
        // Past the exact count, a claim its phrases cannot lift onto the page
        // is not checked on positions (the costly part): a phrase occurs no
        // more often than its rarest word in the claim.
        if (!query->phrases.empty() && may_skip && total >= kExactTotalFloor && heap.size() >= keep) {
          double bound = score;
          for (size_t p = 0; p < query->phrases.size(); ++p) {
            uint32_t most = UINT32_MAX;
            if (whole_pair[p] >= 0) {
              const ListCursor& pair = cursors[words + whole_pair[p]];
              most = pair.list->tf(pair.i);
            } else if (by_neighbour[p].word >= 0) {
              const ListCursor& word = cursors[by_neighbour[p].word];
              most = word.list->tf(word.i);
            } else {
              for (size_t t : query->phrases[p]) most = std::min(most, cursors[t].list->tf(cursors[t].i));
            }
            bound += phrase_idf[p] * most * (kK1 + 1) / (most + norm);
          }
          if (bound * (1 + 1e-6) < heap.top().primary) {
            total_is_lower_bound = true;
            continue;
          }
        }
        // Each phrase's frequency: its pair's, its neighbour bytes' (counted
        // above), or counted on positions (on the text in a claim too long
        // for exact positions); a hashed byte's count only ruled claims out.
        const bool long_claim = length >= PostingList::kExactPositionWords;
        std::vector<std::string> stems;
        if (long_claim && !query->phrases.empty()) stems = TextStems(seg.claim(doc).text());
        bool phrases = true;
        for (size_t p = 0; p < query->phrases.size() && phrases; ++p) {
          if (whole_pair[p] >= 0) {
            const ListCursor& pair = cursors[words + whole_pair[p]];
            phrase_tf[p] = pair.list->tf(pair.i);
          } else if (long_claim) {
            phrase_tf[p] = static_cast<uint32_t>(PhraseFrequency(*query, p, stems));
          } else if (by_neighbour[p].word < 0 || by_neighbour[p].hashed) {
            phrase_tf[p] = PhraseCount(cursors, query->phrases[p]);
          }
          phrases = phrase_tf[p] > 0;
        }
        if (!phrases) continue;
        for (size_t p = 0; p < query->phrases.size(); ++p) {
          score += phrase_idf[p] * phrase_tf[p] * (kK1 + 1) / (phrase_tf[p] + norm);
        }
        if (counted) {
          offer(doc, static_cast<float>(score), m);
        } else {
          consider(doc, static_cast<float>(score));
        }
      }
    }
    add_segment_facets();
  }

  std::vector<Ranked> ranked;
  ranked.reserve(heap.size());
  while (!heap.empty()) {
    ranked.push_back(heap.top());
    heap.pop();
  }
  std::reverse(ranked.begin(), ranked.end());  // best first
  v1::SearchClaimsResponse response;
  response.set_total_matches(total);
  response.set_total_is_lower_bound(total_is_lower_bound);
  const bool more = ranked.size() > *page_size;
  if (more) ranked.resize(*page_size);
  for (const int wave : {0, 1}) {
    for (const Ranked& r : ranked) snap->segments[r.segment].segment->PrefetchClaim(r.doc, wave);
  }
  if (ranked.size() >= kPrefetchCodecClaims) {
    const ClaimCodec* codec = snap->segments[ranked[0].segment].segment->codec();
    if (codec != nullptr) codec->PrefetchDictionary();
  }
  // The page's claims and hits go into the response as bytes: each claim
  // as stored (see AppendClaim), its hit written beside it. Parsing the
  // claims only for gRPC to serialize them again took about as long as
  // decompressing them.
  std::string serialized;
  serialized.reserve(ranked.size() * 1024);  // a claim and its hit take a few hundred bytes
  std::string claim, hit, highlight;
  const Highlighter highlights(*query);
  for (const Ranked& r : ranked) {
    claim.clear();
    AppendClaim(*snap->segments[r.segment].segment, r.doc, &claim);
    static constexpr uint32_t kFields[] = {v1::Claim::kClaimIdFieldNumber, v1::Claim::kTextFieldNumber};
    absl::string_view id_and_text[2];
    wire::ReadBytesFields(claim, kFields, absl::MakeSpan(id_and_text));
    hit.clear();
    if (!id_and_text[0].empty()) wire::AppendBytesField(v1::SearchHit::kClaimIdFieldNumber, id_and_text[0], &hit);
    if (r.score != 0) wire::AppendFloatField(v1::SearchHit::kScoreFieldNumber, r.score, &hit);
    highlights.ForEachMatch(id_and_text[1], [&](uint32_t start, uint32_t end) {
      highlight.clear();
      if (start != 0) wire::AppendVarintField(v1::Highlight::kStartFieldNumber, start, &highlight);
      wire::AppendVarintField(v1::Highlight::kEndFieldNumber, end, &highlight);
      wire::AppendBytesField(v1::SearchHit::kHighlightsFieldNumber, highlight, &hit);
    });
    wire::AppendBytesField(v1::SearchClaimsResponse::kClaimsFieldNumber, claim, &serialized);
    wire::AppendBytesField(v1::SearchClaimsResponse::kHitsFieldNumber, hit, &serialized);
  }
  if (more && !ranked.empty()) {
    Cursor next;
    next.fingerprint = fingerprint;
    next.primary = ranked.back().primary;
    next.secondary = ranked.back().secondary;
    next.claim_hash = ranked.back().claim_hash;
    next.n = n;
    next.avgdl = avgdl;
    next.idf = idf;
    response.set_next_page_token(EncodeCursor(next));
  }
  const uint32_t facet_size = request.facet_size() == 0 ? kDefaultFacetSize : request.facet_size();
  // Only the most frequent values need names.
  auto top_names = [facet_size](const SparseCounts& totals, const Names& names,
                                absl::flat_hash_map<std::string, uint64_t>* out) {
    std::vector<std::pair<uint64_t, uint32_t>> nonzero;
    totals.ForEach([&nonzero](uint32_t id, uint64_t count) { nonzero.emplace_back(count, id); });
    const size_t keep = std::min<size_t>(nonzero.size(), facet_size);
    if (keep == 0) return;
    // The keep-th largest count, found without sorting every value. Values
    // above it make the page; of those at it, ties broken by name (as
    // AddFacet orders them), only the first few can, so only they are
    // looked up (a word spread thinly over many speakers may tie many).
    auto larger = [](const auto& a, const auto& b) { return a.first > b.first; };
    std::nth_element(nonzero.begin(), nonzero.begin() + (keep - 1), nonzero.end(), larger);
    const uint64_t cut = nonzero[keep - 1].first;
    std::vector<uint32_t> tied;
    size_t above = 0;
    for (const auto& [count, id] : nonzero) {
      if (count > cut) {
        (*out)[names.value(id)] = count;
        ++above;
      } else if (count == cut) {
        tied.push_back(id);
      }
    }
    names.KeepFirstByValue(&tied, keep - above);
    for (uint32_t id : tied) (*out)[names.value(id)] = cut;
  };
  if (want_speaker) top_names(speaker_totals, speaker_names_, &facets.speaker);
  if (want_outlet) top_names(outlet_totals, outlet_names_, &facets.outlet);
  for (int f : request.facets()) {
    const auto field = static_cast<v1::FacetField>(f);
    switch (field) {
      case v1::FACET_FIELD_SPEAKER:
        AddFacet(&response, field, facets.speaker, facet_size);
        break;
      case v1::FACET_FIELD_OUTLET:
        AddFacet(&response, field, facets.outlet, facet_size);
        break;
      case v1::FACET_FIELD_KIND:
        AddFacet(&response, field, facets.kind, facet_size);
        break;
      default:
        AddFacet(&response, field, facets.month, facet_size);
    }
  }
  response.AppendToString(&serialized);  // after the page: fields may come in any order
  return serialized;
}

absl::StatusOr<v1::ListSpeakersResponse> ClaimIndex::ListSpeakers(const v1::ListSpeakersRequest& request) const {
  absl::StatusOr<uint32_t> page_size = PageSize(request.page_size(), kDefaultSpeakerPage);
  if (!page_size.ok()) return page_size.status();
  uint64_t offset = 0;
  if (!request.page_token().empty()) {
    std::string raw;
    if (!absl::WebSafeBase64Unescape(request.page_token(), &raw) || raw.size() < 2 || raw[0] != 's' ||
        !absl::SimpleAtoi(absl::string_view(raw).substr(1), &offset)) {
      return absl::InvalidArgumentError("page_token is not a token this service issued");
    }
  }
  const std::string prefix = FoldForMatching(request.name_prefix());
  const auto snap = snapshot();
  struct Summary {
    std::string name;
    v1::SpeakerType type = v1::SPEAKER_TYPE_UNSPECIFIED;
    uint64_t count = 0;
  };
  absl::flat_hash_map<std::string, Summary> speakers;
  for (const SegmentRef& ref : snap->segments) {
    const Segment& seg = *ref.segment;
    for (uint32_t s = 1; s < seg.speakers().size(); ++s) {
      const Roaring* docs = seg.SpeakerDocs(s);
      const uint64_t count = ref.live == nullptr ? docs->cardinality() : docs->and_cardinality(*ref.live);
      if (count == 0) continue;
      Summary& summary = speakers[seg.speakers().value(s)];
      summary.name = seg.speaker_name(s);
      summary.type = seg.speaker_type(s);
      summary.count += count;
    }
  }
  std::vector<std::pair<const std::string*, const Summary*>> listed;
  for (const auto& [id, summary] : speakers) {
    if (!prefix.empty()) {
      const std::string name = FoldForMatching(summary.name);
      bool match = absl::StartsWith(name, prefix);
      for (size_t p = name.find(' '); !match && p != std::string::npos; p = name.find(' ', p + 1)) {
        match = absl::StartsWith(absl::string_view(name).substr(p + 1), prefix);
      }
      if (!match) continue;
    }
    listed.emplace_back(&id, &summary);
  }
  std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
    if (a.second->count != b.second->count) return a.second->count > b.second->count;
    if (a.second->name != b.second->name) return a.second->name < b.second->name;
    return *a.first < *b.first;
  });
  v1::ListSpeakersResponse response;
  for (uint64_t i = offset; i < listed.size() && i < offset + *page_size; ++i) {
    v1::SpeakerSummary* out = response.add_speakers();
    out->set_speaker_id(*listed[i].first);
    out->set_canonical_name(listed[i].second->name);
    out->set_type(listed[i].second->type);
    out->set_claim_count(listed[i].second->count);
    absl::StatusOr<v1::SpeakerProfile> profile = GetSpeaker(*listed[i].first);
    if (profile.ok()) *out->mutable_roles() = profile->roles();
  }
  if (offset + *page_size < listed.size()) {
    response.set_next_page_token(absl::WebSafeBase64Escape(absl::StrCat("s", offset + *page_size)));
  }
  return response;
}

absl::StatusOr<v1::SpeakerProfile> ClaimIndex::GetSpeaker(absl::string_view requested_id) const {
  if (requested_id.empty()) return absl::InvalidArgumentError("speaker_id is required");
  const std::string speaker_id = directory_.Canonical(requested_id);
  const auto snap = snapshot();
  v1::SpeakerProfile profile;
  absl::flat_hash_map<std::string, uint64_t> roles, outlets;
  std::vector<std::string> variants;
  int32_t first = kNoDay, last = kNoDay;
  uint64_t count = 0;
  for (const SegmentRef& ref : snap->segments) {
    const Segment& seg = *ref.segment;
    const uint32_t local = seg.speakers().Find(speaker_id);
    if (local == 0) continue;
    for (uint32_t doc : *seg.SpeakerDocs(local)) {
      if (!IsLive(ref, doc)) continue;
      const ClaimMeta& m = seg.meta(doc);
      ++count;
      if (m.role != 0) ++roles[seg.roles().value(m.role)];
      if (m.outlet != 0) ++outlets[seg.outlets().value(m.outlet)];
      if (m.variant != 0) {
        const std::string v(seg.variants().value(m.variant));
        if (std::find(variants.begin(), variants.end(), v) == variants.end()) variants.push_back(v);
      }
      if (m.statement_day != kNoDay) {
        if (first == kNoDay || m.statement_day < first) first = m.statement_day;
        if (last == kNoDay || m.statement_day > last) last = m.statement_day;
      }
    }
    profile.set_canonical_name(seg.speaker_name(local));
    profile.set_type(seg.speaker_type(local));
  }
  if (count == 0) return absl::NotFoundError(absl::StrCat("no speaker with speaker_id '", requested_id, "'"));
  profile.set_speaker_id(speaker_id);
  profile.set_claim_count(count);
  auto by_count = [](const absl::flat_hash_map<std::string, uint64_t>& m) {
    std::vector<std::pair<std::string, uint64_t>> v(m.begin(), m.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return v;
  };
  for (const auto& [role, n] : by_count(roles)) profile.add_roles(role);
  for (const auto& [outlet, n] : by_count(outlets)) {
    v1::FacetCount* c = profile.add_outlets();
    c->set_value(outlet);
    c->set_count(n);
  }
  std::sort(variants.begin(), variants.end());
  for (const std::string& v : variants) profile.add_name_variants(v);
  if (first != kNoDay) *profile.mutable_first_statement() = DateFromDay(first);
  if (last != kNoDay) *profile.mutable_last_statement() = DateFromDay(last);
  return profile;
}

namespace {

// The day a claim was reported: its publication date, else its statement
// date; kNoDay when neither is known.
int32_t ReportDay(int32_t published_day, int32_t statement_day) {
  return published_day != kNoDay ? published_day : statement_day;
}

int32_t ReportDay(const v1::Claim& claim) {
  return ReportDay(DayNumber(claim.source().published_date()), DayNumber(claim.statement_date()));
}

// Earliest report first; undated reports last; then by id for a stable order.
void SortEarliestFirst(std::vector<v1::Claim>* claims) {
  std::sort(claims->begin(), claims->end(), [](const v1::Claim& a, const v1::Claim& b) {
    const int32_t da = ReportDay(a), db = ReportDay(b);
    if (da != db) return db == kNoDay || (da != kNoDay && da < db);
    const int32_t sa = DayNumber(a.statement_date()), sb = DayNumber(b.statement_date());
    if (sa != sb) return sb == kNoDay || (sa != kNoDay && sa < sb);
    return a.claim_id() < b.claim_id();
  });
}

}  // namespace

std::vector<v1::Claim> ClaimIndex::ClusterClaims(const Snapshot& snapshot, uint32_t cluster) const {
  std::vector<v1::Claim> claims;
  for (uint64_t hash : clusterer_.Members(cluster)) {
    // A member the snapshot does not hold yet (ingest in flight) is left out.
    if (std::optional<v1::Claim> claim = FindLiveClaim(snapshot, hash)) claims.push_back(*std::move(claim));
  }
  SortEarliestFirst(&claims);
  return claims;
}

absl::StatusOr<v1::Corroboration> ClaimIndex::GetCorroboration(const v1::GetCorroborationRequest& request,
                                                               absl::Time deadline) const {
  if (request.claim_id().empty() == request.cluster_id().empty()) {
    return absl::InvalidArgumentError("exactly one of claim_id and cluster_id is required");
  }
  if (!WaitForClustering(deadline)) {
    return ClusteringBehind();
  }
  const auto snap = snapshot();
  uint32_t cluster = 0;
  if (!request.claim_id().empty()) {
    // Looked up in the same snapshot as the members.
    std::optional<v1::Claim> claim = FindLiveClaim(*snap, StableHash64(request.claim_id()), request.claim_id());
    if (!claim) return absl::NotFoundError(absl::StrCat("no claim with claim_id '", request.claim_id(), "'"));
    std::optional<uint32_t> parsed = ParseClusterId(claim->cluster_id());
    if (!parsed) {
      // Ingested after the wait began.
      return absl::UnavailableError(
          absl::StrCat("claim '", request.claim_id(), "' is still being clustered; retry shortly"));
    }
    cluster = *parsed;
  } else {
    std::optional<uint32_t> parsed = ParseClusterId(request.cluster_id());
    if (!parsed) {
      return absl::InvalidArgumentError(
          absl::StrCat("cluster_id '", request.cluster_id(), "' is not an id this service issued (cl-<hex>)"));
    }
    cluster = *parsed;
  }
  std::vector<v1::Claim> claims = ClusterClaims(*snap, cluster);
  if (claims.empty()) {
    return absl::NotFoundError(absl::StrCat("no claims in cluster '", ClusterId(cluster),
                                            "' (unknown, or its documents were deleted)"));
  }
  v1::Corroboration out;
  out.set_cluster_id(ClusterId(cluster));
  out.set_speaker_id(claims[0].speaker().speaker_id());
  out.set_speaker_name(claims[0].speaker().canonical_name());
  std::vector<std::string> outlets;
  for (const v1::Claim& c : claims) {
    const std::string outlet = c.source().outlet().empty() ? absl::StrCat("(document ", c.doc_id(), ")") : c.source().outlet();
    if (std::find(outlets.begin(), outlets.end(), outlet) == outlets.end()) outlets.push_back(outlet);
  }
  out.set_outlet_count(static_cast<uint32_t>(outlets.size()));
  for (std::string& o : outlets) out.add_outlets(std::move(o));
  out.set_earliest_claim_id(claims[0].claim_id());
  if (const int32_t day = ReportDay(claims[0]); day != kNoDay) *out.mutable_earliest_date() = DateFromDay(day);
  for (v1::Claim& c : claims) *out.add_claims() = std::move(c);
  return out;
}

absl::StatusOr<v1::ListClustersResponse> ClaimIndex::ListClusters(const v1::ListClustersRequest& request,
                                                                  absl::Time deadline) const {
  absl::StatusOr<uint32_t> page_size = PageSize(request.page_size(), kDefaultPageSize);
  if (!page_size.ok()) return page_size.status();
  if (!v1::ClusterSort_IsValid(request.sort())) {
    return absl::InvalidArgumentError(absl::StrCat("sort has an unknown value ", request.sort()));
  }
  if (absl::Status s = ValidateFilter(request.filter()); !s.ok()) return s;
  v1::ListClustersRequest key = request;
  key.clear_page_token();
  key.clear_page_size();
  const uint64_t fingerprint = StableHash64(key.SerializeAsString());
  uint64_t offset = 0;
  if (!request.page_token().empty()) {
    std::string raw;
    uint64_t token_fingerprint = 0;
    if (!absl::WebSafeBase64Unescape(request.page_token(), &raw) || raw.size() < 18 || raw[0] != 'k' ||
        !absl::SimpleHexAtoi(absl::string_view(raw).substr(1, 16), &token_fingerprint) ||
        !absl::SimpleAtoi(absl::string_view(raw).substr(17), &offset)) {
      return absl::InvalidArgumentError("page_token is not a token this service issued");
    }
    if (token_fingerprint != fingerprint) {
      return absl::InvalidArgumentError("page_token belongs to a different filter or sort");
    }
  }
  if (!WaitForClustering(deadline)) {
    return ClusteringBehind();
  }
  v1::SearchClaimsRequest as_search;
  *as_search.mutable_filter() = request.filter();
  as_search = ResolveSpeakers(as_search);
  const auto snap = snapshot();
  // Clusters with a claim passing the filter, and their latest report.
  absl::flat_hash_map<uint32_t, int32_t> latest;
  for (const SegmentRef& ref : snap->segments) {
    const Segment& seg = *ref.segment;
    const SegmentFilter filter = PrepareFilter(seg, as_search, &clusterer_, &cluster_of_);
    if (filter.impossible) continue;
    auto visit = [&](uint32_t doc) {
      if (!IsLive(ref, doc)) return;
      const ClaimMeta& m = seg.meta(doc);
      const uint32_t cluster = ClusterOf(m);
      if (cluster == 0 || !filter.Accept(m, doc)) return;
      const int32_t day = ReportDay(m.published_day, m.statement_day);
      auto [it, inserted] = latest.try_emplace(cluster, day);
      if (!inserted && day != kNoDay && (it->second == kNoDay || day > it->second)) it->second = day;
    };
    ForEachCandidate(seg, filter, visit);
  }
  struct Listed {
    uint32_t cluster;
    uint32_t outlets;
    int32_t latest;
  };
  std::vector<Listed> listed;
  listed.reserve(latest.size());
  for (const auto& [cluster, day] : latest) listed.push_back({cluster, clusterer_.outlets(cluster), day});
  const bool by_recency = request.sort() == v1::CLUSTER_SORT_RECENCY;
  std::sort(listed.begin(), listed.end(), [by_recency](const Listed& a, const Listed& b) {
    const double da = DayKey(a.latest), db = DayKey(b.latest);
    if (by_recency && da != db) return da > db;
    if (a.outlets != b.outlets) return a.outlets > b.outlets;
    if (da != db) return da > db;
    return a.cluster > b.cluster;  // newer clusters first
  });
  v1::ListClustersResponse response;
  response.set_total_clusters(listed.size());
  for (uint64_t i = offset; i < listed.size() && i < offset + *page_size; ++i) {
    std::vector<v1::Claim> claims = ClusterClaims(*snap, listed[i].cluster);
    if (claims.empty()) continue;
    v1::ClusterSummary* out = response.add_clusters();
    out->set_cluster_id(ClusterId(listed[i].cluster));
    out->set_speaker_id(claims[0].speaker().speaker_id());
    out->set_speaker_name(claims[0].speaker().canonical_name());
    out->set_outlet_count(listed[i].outlets);
    out->set_claim_count(static_cast<uint32_t>(claims.size()));
    int32_t last = kNoDay;
    for (const v1::Claim& c : claims) {
      const int32_t day = ReportDay(c);
      if (day != kNoDay && (last == kNoDay || day > last)) last = day;
    }
    if (last != kNoDay) *out->mutable_latest_date() = DateFromDay(last);
    *out->mutable_earliest() = std::move(claims[0]);
  }
  if (offset + *page_size < listed.size()) {
    response.set_next_page_token(
        absl::WebSafeBase64Escape(absl::StrFormat("k%016x%d", fingerprint, offset + *page_size)));
  }
  return response;
}

v1::GetStatsResponse ClaimIndex::Stats() const {
  const auto snap = snapshot();
  v1::GetStatsResponse stats;
  stats.set_documents(snap->documents);
  stats.set_claims(snap->claims);
  absl::flat_hash_set<std::string> speakers;
  uint64_t terms = 0;
  v1::IndexMemory& memory = *stats.mutable_memory();
  const bool trained = codec_bytes_.load() > 0;
  for (const SegmentRef& ref : snap->segments) {
    const Segment& seg = *ref.segment;
    if (trained) stats.set_claims_awaiting_compaction(stats.claims_awaiting_compaction() + seg.loose_claims());
    for (uint32_t s = 1; s < seg.speakers().size(); ++s) {
      const Roaring* docs = seg.SpeakerDocs(s);
      if (ref.live == nullptr ? !docs->isEmpty() : docs->and_cardinality(*ref.live) > 0) {
        speakers.emplace(seg.speakers().value(s));
      }
    }
    terms += seg.term_count();
    const Segment::Memory m = seg.MemoryUsage();
    memory.set_stored_claims_bytes(memory.stored_claims_bytes() + m.stored);
    memory.set_postings_bytes(memory.postings_bytes() + m.postings);
    memory.set_fields_bytes(memory.fields_bytes() + m.fields);
    if (ref.live != nullptr) memory.set_live_bytes(memory.live_bytes() + ref.live->getSizeInBytes());
  }
  memory.set_stored_claims_bytes(memory.stored_claims_bytes() + codec_bytes_.load());
  memory.set_clustering_bytes(clusterer_.MemoryBytes() + cluster_of_.MemoryBytes());
  stats.set_speakers(speakers.size());
  stats.set_terms(terms);
  stats.set_index_memory_bytes(memory.stored_claims_bytes() + memory.postings_bytes() + memory.fields_bytes() +
                               memory.clustering_bytes() + memory.live_bytes());
  absl::MutexLock lock(&stage_mu_);
  stats.set_claims_pending_clustering(queued_claims_);
  stats.set_segments(static_cast<uint32_t>(snap->segments.size()));
  return stats;
}

}  // namespace claims::query
