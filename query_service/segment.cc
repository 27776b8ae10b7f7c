#include "query_service/segment.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/ids.h"
#include "common/utf8.h"
#include "query_service/proto_wire.h"
#include "query_service/statement_words.h"
#include "query_service/tokenizer.h"

namespace claims::query {

int32_t DayNumber(const v1::Date& date) {
  if (date.year() == 0) return kNoDay;
  const absl::CivilDay day(date.year(), std::max(1, date.month()), std::max(1, date.day()));
  return static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1));
}

v1::Date DateFromDay(int32_t day) {
  v1::Date date;
  if (day == kNoDay) return date;
  const absl::CivilDay d = absl::CivilDay(1970, 1, 1) + day;
  date.set_year(static_cast<int32_t>(d.year()));
  date.set_month(d.month());
  date.set_day(d.day());
  return date;
}

uint32_t Dictionary::Intern(absl::string_view value) {
  if (value.empty()) return 0;
  if (auto it = ids_.find(value); it != ids_.end()) return *it;
  const auto id = static_cast<uint32_t>(size());
  chars_.append(value.data(), value.size());
  starts_.push_back(static_cast<uint32_t>(chars_.size()));
  ids_.insert(id);
  return id;
}

uint32_t Dictionary::Find(absl::string_view value) const {
  if (value.empty()) return 0;
  auto it = ids_.find(value);
  return it == ids_.end() ? 0 : *it;
}

void Dictionary::Reserve(size_t values, size_t chars) {
  chars_.reserve(chars_.size() + chars);
  starts_.reserve(starts_.size() + values);
  ids_.reserve(ids_.size() + values);
}

const WordCache::Word& WordCache::Analyze(absl::string_view written) {
  const uint32_t known = written_.Find(written);
  if (known != 0) return words_[known];
  const std::string term = FoldForMatching(written);
  const std::string stem = Stem(term);
  Word w;
  w.stem = stems_.Intern(stem);
  if (stem != term) w.exact = exacts_.Intern(term);
  w.function = IsFunctionWord(term);
  w.byte = NeighbourByte(stem);
  w.statement_count = static_cast<uint8_t>(StatementValues(term, stem, w.statement));
  // The empty word (never one ForEachWord gives) has id 0 and is worked
  // out each time.
  const uint32_t id = written_.Intern(written);
  if (id == words_.size()) {
    words_.push_back(w);
  } else {
    words_[id] = w;
  }
  return words_[id];
}

uint32_t WordCache::Pair(const Word& first, const Word& second) {
  const uint64_t key = uint64_t{first.stem} << 32 | second.stem;
  auto [it, added] = pairs_.try_emplace(key, 0);
  if (added) it->second = stems_.Intern(PairTerm(stems_.value(first.stem), stems_.value(second.stem)));
  return it->second;
}

namespace {

// A term's postings while a segment is assembled.
struct ListBuilder {
  std::vector<uint32_t> docs;
  std::vector<uint8_t> tfs;
  std::vector<uint8_t> positions;  // modulo 256 (PostingList::positions)
  std::vector<uint16_t> neighbours;  // one per position, in lists that carry them (PostingList::neighbours)
};

// Appends a document with its positions (stem lists) or only its
// frequency (`tf`, exact-form lists: `positions` empty), and the
// positions' neighbours entries in lists that carry them.
template <typename Position>
void AppendPosting(ListBuilder& list, uint32_t doc, size_t tf, absl::Span<const Position> positions,
                   absl::Span<const uint16_t> neighbours = {}) {
  tf = std::min(tf, PostingList::kMaxOccurrences);
  for (size_t i = 0; i < tf && !positions.empty(); ++i) {
    list.positions.push_back(static_cast<uint8_t>(positions[i] & 0xff));
  }
  for (size_t i = 0; i < tf && !neighbours.empty(); ++i) list.neighbours.push_back(neighbours[i]);
  list.docs.push_back(doc);
  list.tfs.push_back(static_cast<uint8_t>(tf));
}

size_t CeilDiv(size_t a, size_t b) { return (a + b - 1) / b; }

// A string's first eight bytes as a big-endian number (zero past its end):
// strings whose prefixes differ sort as their prefixes do.
uint64_t BytePrefix(absl::string_view s) {
  uint64_t prefix = 0;
  for (size_t i = 0; i < 8; ++i) {
    prefix = prefix << 8 | (i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
  }
  return prefix;
}

// Whether ascending ids fit DocIds' 16-bit offsets from each block's first.
bool Narrow(const std::vector<uint32_t>& docs) {
  for (size_t i = 0; i < docs.size(); i += DocIds::kBlock) {
    if (docs[std::min(docs.size(), i + DocIds::kBlock) - 1] - docs[i] > UINT16_MAX) return false;
  }
  return true;
}

}  // namespace

// Assembles a segment: claims are added in order, postings appended.
class Segment::Builder {
 public:
  Builder(std::shared_ptr<const ClaimCodec> codec, ClaimCodec::Effort effort) : segment_(std::make_shared<Segment>()) {
    segment_->codec_ = std::move(codec);
    effort_ = effort;
    segment_->doc_parts_.emplace_back();  // doc id 0 is unused
    segment_->speaker_names_.emplace_back();
    segment_->speaker_types_.push_back(v1::SPEAKER_TYPE_UNSPECIFIED);
    segment_->speaker_docs_.emplace_back();
    segment_->blob_offsets_.push_back(0);
  }

  // The string fields AddClaim() files, from a claim or from the
  // dictionaries of a segment being merged.
  struct Fields {
    uint64_t claim_hash = 0;
    absl::string_view doc_id, speaker_id, speaker_name, outlet, role, mention;
    v1::SpeakerType speaker_type = v1::SPEAKER_TYPE_UNSPECIFIED;
  };

  static Fields FieldsOf(const v1::Claim& claim) {
    return {StableHash64(claim.claim_id()),    claim.doc_id(),         claim.speaker().speaker_id(),
            claim.speaker().canonical_name(), claim.source().outlet(), claim.speaker().role(),
            claim.speaker().mention(),        claim.speaker().type()};
  }

  // A claim's fields as ids in this segment's dictionaries.
  struct FieldIds {
    uint32_t speaker = 0, outlet = 0, role = 0, variant = 0, doc = 0;
  };

  // Files the claim's fields; returns its local id. The claim is stored
  // next, by StoreClaim() or CopyStored().
  uint32_t AddClaim(const Fields& f, ClaimMeta meta) {
    FieldIds ids;
    ids.speaker = InternSpeaker(f.speaker_id, f.speaker_name, f.speaker_type);
    ids.outlet = InternOutlet(f.outlet);
    ids.role = segment_->roles_.Intern(f.role);
    ids.variant = segment_->variants_.Intern(f.mention);
    ids.doc = segment_->doc_ids_.Intern(f.doc_id);
    return File(f.claim_hash, ids, meta);
  }

  // Ids of another segment's dictionaries mapped to this one's, each looked
  // up at its first claim (a merge files each input's claims through one).
  class IdMap {
   public:
    explicit IdMap(const Segment& in)
        : in_(in),
          speaker_(in.speakers_.size(), kUnmapped),
          outlet_(in.outlets_.size(), kUnmapped),
          role_(in.roles_.size(), kUnmapped),
          variant_(in.variants_.size(), kUnmapped),
          doc_(in.doc_ids_.size(), kUnmapped) {}

   private:
    friend class Builder;
    static constexpr uint32_t kUnmapped = UINT32_MAX;
    const Segment& in_;
    std::vector<uint32_t> speaker_, outlet_, role_, variant_, doc_;
  };

  // Files claim `from_doc` of the map's segment, like AddClaim with its
  // fields. A speaker's name is the one of the last segment filed with it,
  // as when each claim's name replaces the one before.
  uint32_t AddClaimFrom(IdMap& map, uint32_t from_doc) {
    const Segment& in = map.in_;
    Segment& s = *segment_;
    const ClaimMeta& meta = in.meta_[from_doc];
    auto mapped = [](std::vector<uint32_t>& ids, uint32_t id, auto intern) {
      if (ids[id] == IdMap::kUnmapped) ids[id] = intern(id);
      return ids[id];
    };
    FieldIds ids;
    ids.speaker = mapped(map.speaker_, meta.speaker, [&](uint32_t id) {
      return InternSpeaker(in.speakers_.value(id), in.speaker_names_[id], in.speaker_types_[id]);
    });
    ids.outlet = mapped(map.outlet_, meta.outlet, [&](uint32_t id) { return InternOutlet(in.outlets_.value(id)); });
    ids.role = mapped(map.role_, meta.role, [&](uint32_t id) { return s.roles_.Intern(in.roles_.value(id)); });
    ids.variant =
        mapped(map.variant_, meta.variant, [&](uint32_t id) { return s.variants_.Intern(in.variants_.value(id)); });
    ids.doc =
        mapped(map.doc_, in.doc_of_[from_doc], [&](uint32_t id) { return s.doc_ids_.Intern(in.doc_ids_.value(id)); });
    return File(in.claim_hashes_[from_doc], ids, meta);
  }

  // Stores a claim added last: its document's shared part once per
  // document, the rest compressed.
  void StoreClaim(uint32_t doc, const v1::Claim& claim) {
    Segment& s = *segment_;
    part_.Clear();
    if (claim.has_source()) *part_.mutable_source() = claim.source();
    part_.set_extractor_version(claim.extractor_version());
    part_.SerializeToString(&part_bytes_);
    std::string& doc_part = s.doc_parts_[s.doc_of_[doc]];
    if (doc_part.empty()) doc_part = part_bytes_;
    const bool share = !part_bytes_.empty() && doc_part == part_bytes_;
    s.meta_[doc].doc_part = share;
    record_claim_ = claim;
    record_claim_.clear_doc_id();
    if (share) {
      record_claim_.clear_source();
      record_claim_.clear_extractor_version();
    }
    record_claim_.SerializeToString(&record_);
    Encode(s.codec_.get(), effort_, record_, &s.blob_);
    s.blob_offsets_.push_back(s.blob_.size());
    NoteEffort(s.codec_ != nullptr && effort_ == ClaimCodec::Effort::kTight);
  }

  // Stores claim `from_doc` of segment `in` as claim `doc` (added last):
  // the stored bytes are copied when the codecs agree, the claim was
  // compressed with at least the builder's effort and the document's
  // shared part is the same, else the claim is stored anew.
  void CopyStored(uint32_t doc, const Segment& in, uint32_t from_doc) {
    Segment& s = *segment_;
    const bool share = in.meta_[from_doc].doc_part;
    const std::string& in_part = in.doc_parts_[in.doc_of_[from_doc]];
    std::string& doc_part = s.doc_parts_[s.doc_of_[doc]];
    const bool tight = in.tight_[from_doc];
    if (in.codec_ != s.codec_ || (s.codec_ != nullptr && effort_ == ClaimCodec::Effort::kTight && !tight) ||
        (share && !doc_part.empty() && doc_part != in_part)) {
      StoreClaim(doc, in.claim(from_doc));
      return;
    }
    NoteEffort(tight);
    if (share && doc_part.empty()) doc_part = in_part;
    s.meta_[doc].doc_part = share;
    const absl::string_view bytes = in.stored(from_doc);
    s.blob_.append(bytes.data(), bytes.size());
    s.blob_offsets_.push_back(s.blob_.size());
  }

  // Records the effort the claim just stored was compressed with.
  void NoteEffort(bool tight) {
    segment_->tight_.push_back(tight);
    segment_->loose_claims_ += !tight;
  }

  void AddEntities(uint32_t doc, const v1::Claim& claim) {
    Segment& s = *segment_;
    for (const v1::Entity& e : claim.entities()) {
      s.entity_docs_[FoldForMatching(e.canonical_name().empty() ? e.text() : e.canonical_name())].add(doc);
      if (!e.canonical_name().empty() && e.canonical_name() != e.text()) s.entity_docs_[FoldForMatching(e.text())].add(doc);
    }
  }

  // Indexes the words of a new claim's text: appends its hits, in word
  // order, to the segment's (Pack sorts them by term once).
  // `sequences`, when given, gets the claim's StatementValues() appended.
  void IndexText(uint32_t doc, absl::string_view text, ClaimMeta* meta, StatementSequences* sequences) {
    const size_t first = stem_hits_.size();
    codes_.assign(1, 0);  // codes_[i + 1]: word i's NeighbourByte
    WordCache::Word previous;
    uint32_t n = 0;
    ForEachWord(text, [&](absl::string_view written, uint32_t, uint32_t) {
      if (n == UINT16_MAX) return;
      const WordCache::Word word = words_.Analyze(written);
      const uint16_t position = static_cast<uint16_t>(n++);
      // Adjacent function words also post their pair, at the first's position.
      if (word.function && previous.function) {
        stem_hits_.push_back({words_.Pair(previous, word), doc, static_cast<uint16_t>(position - 1), false});
      }
      previous = word;
      if (word.exact != WordCache::kSameAsStem) exact_hits_.push_back({word.exact, doc, position, false});
      codes_.push_back(word.byte);
      stem_hits_.push_back({word.stem, doc, position, NeighbourCodeOfByte(word.byte) == 0});
      if (sequences != nullptr) {
        sequences->values.insert(sequences->values.end(), word.statement, word.statement + word.statement_count);
      }
    });
    if (sequences != nullptr) sequences->ends.push_back(static_cast<uint32_t>(sequences->values.size()));
    meta->length = static_cast<uint16_t>(n);
    codes_.push_back(0);
    for (size_t i = first; i < stem_hits_.size(); ++i) {
      Hit& h = stem_hits_[i];
      if (h.neighbours) h.code = static_cast<uint16_t>(codes_[h.position] | codes_[h.position + 2] << 8);
    }
  }

  Segment& segment() { return *segment_; }

  // The per-claim arrays read by search (and by PackList), from the claims'
  // fields.
  void FillClaimArrays() {
    Segment& s = *segment_;
    s.lengths_.resize(s.meta_.size());
    s.speaker_of_.resize(s.meta_.size());
    s.statement_keys_.resize(s.meta_.size());
    for (size_t i = 0; i < s.meta_.size(); ++i) {
      s.lengths_[i] = s.meta_[i].length;
      s.speaker_of_[i] = s.meta_[i].speaker;
      s.statement_keys_[i] = StatementKey(s.meta_[i].statement_day);
    }
  }

  // Packs one term's postings at the end of the segment's posting arrays,
  // back to back with the lists before it, with its block bounds, position
  // offsets and (long stem lists) bitmap. Needs the claims' lengths
  // (FillClaimArrays).
  TermLists PackList(const ListBuilder& b, bool stems) {
    Segment& s = *segment_;
    TermLists t;
    t.count = static_cast<uint32_t>(b.docs.size());
    t.narrow = Narrow(b.docs);
    t.blocks = static_cast<uint32_t>(s.block_max_tf_.size());
    if (t.narrow) {
      t.docs = static_cast<uint32_t>(s.docs16_.size());
      for (size_t i = 0; i < b.docs.size(); ++i) {
        if (i % PostingList::kBlock == 0) s.doc_bases_.push_back(b.docs[i]);
        s.docs16_.push_back(static_cast<uint16_t>(b.docs[i] - s.doc_bases_.back()));
      }
    } else {
      t.docs = static_cast<uint32_t>(s.docs32_.size());
      s.docs32_.insert(s.docs32_.end(), b.docs.begin(), b.docs.end());
      // Bases stay aligned with the blocks (unused for a wide list).
      s.doc_bases_.resize(s.doc_bases_.size() + CeilDiv(b.docs.size(), PostingList::kBlock));
    }
    if (!b.neighbours.empty()) {
      t.neighbours = static_cast<uint32_t>(s.neighbours_.size());
      s.neighbours_.insert(s.neighbours_.end(), b.neighbours.begin(), b.neighbours.end());
    }
    if (!b.positions.empty()) {
      t.positions = static_cast<uint32_t>(s.positions_.size());
      t.position_count = static_cast<uint32_t>(b.positions.size());
      t.offsets = static_cast<uint32_t>(s.position_offsets_.size());
      uint32_t offset = 0;
      for (size_t i = 0; i < b.docs.size(); offset += b.tfs[i], ++i) {
        if (i % PostingList::kPositionStride == 0) s.position_offsets_.push_back(offset);
      }
      s.positions_.insert(s.positions_.end(), b.positions.begin(), b.positions.end());
    }
    for (size_t i = 0; i < b.docs.size(); i += PostingList::kBlock) {
      const size_t end = std::min(b.docs.size(), i + PostingList::kBlock);
      uint8_t max_tf = 0;
      uint16_t min_length = UINT16_MAX, min_repeat_length = UINT16_MAX, min_thrice_length = UINT16_MAX;
      for (size_t k = i; k < end; ++k) {
        const uint16_t length = s.lengths_[b.docs[k]];
        max_tf = std::max(max_tf, b.tfs[k]);
        min_length = std::min(min_length, length);
        if (b.tfs[k] > 1) min_repeat_length = std::min(min_repeat_length, length);
        if (b.tfs[k] > 2) min_thrice_length = std::min(min_thrice_length, length);
      }
      s.block_max_tf_.push_back(max_tf);
      s.block_min_length_.push_back(min_length);
      s.block_min_repeat_length_.push_back(min_repeat_length);
      s.block_min_thrice_length_.push_back(min_thrice_length);
      if (max_tf == 1) {
        s.block_tfs_.push_back(PostingList::kAllOnes);
      } else {
        s.block_tfs_.push_back(static_cast<uint32_t>(s.tfs_.size()));
        s.tfs_.insert(s.tfs_.end(), b.tfs.begin() + i, b.tfs.begin() + end);
      }
    }
    size_t repeats = 0;
    for (const uint8_t tf : b.tfs) repeats += tf > 1;
    if (repeats * PostingList::kRepeatShare <= b.docs.size()) {
      t.repeats = static_cast<uint32_t>(s.repeats_.size());
      t.repeat_count = static_cast<uint32_t>(repeats);
      for (size_t i = 0; i < b.docs.size(); ++i) {
        if (b.tfs[i] > 1) s.repeats_.push_back(b.docs[i]);
      }
    }
    if (stems && b.docs.size() >= PostingList::kBitmapDocs) {
      s.bitmaps_.emplace_back(b.docs.size(), b.docs.data());
      s.bitmaps_.back().runOptimize();
      s.bitmaps_.back().shrinkToFit();
      t.bitmap = static_cast<uint32_t>(s.bitmaps_.size());
    }
    return t;
  }

  // Needs the claim arrays filled (FillClaimArrays), as PackList does.
  std::shared_ptr<const Segment> Finish() {
    Segment& s = *segment_;
    Pack();
    for (Roaring& r : s.speaker_docs_) r.runOptimize();
    // The speakers' columns, by a counting sort of the claims by speaker.
    s.speaker_claim_starts_.assign(s.speaker_docs_.size() + 1, 0);
    for (uint32_t speaker : s.speaker_of_) ++s.speaker_claim_starts_[speaker + 1];
    for (size_t i = 1; i < s.speaker_claim_starts_.size(); ++i) {
      s.speaker_claim_starts_[i] += s.speaker_claim_starts_[i - 1];
    }
    s.speaker_claims_.resize(s.meta_.size());
    s.speaker_claim_keys_.resize(s.meta_.size());
    {
      std::vector<uint32_t> next(s.speaker_claim_starts_.begin(), s.speaker_claim_starts_.end() - 1);
      for (uint32_t doc = 0; doc < s.speaker_of_.size(); ++doc) {
        const uint32_t at = next[s.speaker_of_[doc]]++;
        s.speaker_claims_[at] = doc;
        s.speaker_claim_keys_[at] = s.statement_keys_[doc];
      }
    }
    for (auto& [k, r] : s.outlet_docs_) r.runOptimize();
    for (auto& r : s.kind_docs_) r.runOptimize();
    for (auto& [k, r] : s.entity_docs_) r.runOptimize();
    // Arrays grown claim by claim or list by list keep no spare capacity
    // (a segment never grows again).
    s.blob_.shrink_to_fit();
    s.meta_.shrink_to_fit();
    s.claim_hashes_.shrink_to_fit();
    s.doc_of_.shrink_to_fit();
    for (auto* v : {&s.tfs_, &s.positions_, &s.block_max_tf_}) v->shrink_to_fit();
    s.neighbours_.shrink_to_fit();
    for (auto* v : {&s.docs32_, &s.doc_bases_, &s.block_tfs_, &s.position_offsets_, &s.repeats_}) {
      v->shrink_to_fit();
    }
    for (auto* v : {&s.docs16_, &s.block_min_length_, &s.block_min_repeat_length_, &s.block_min_thrice_length_}) {
      v->shrink_to_fit();
    }
    s.bitmaps_.shrink_to_fit();
    for (TermDictionary* d : {&s.stems_, &s.exact_}) d->lists.shrink_to_fit();
    // Claims by hash, and by document (a counting sort over doc ids).
    s.by_hash_.resize(s.meta_.size());
    for (uint32_t i = 0; i < s.by_hash_.size(); ++i) s.by_hash_[i] = i;
    std::sort(s.by_hash_.begin(), s.by_hash_.end(),
              [&s](uint32_t a, uint32_t b) { return s.claim_hashes_[a] < s.claim_hashes_[b]; });
    s.doc_claim_start_.assign(s.doc_ids_.size() + 1, 0);
    for (uint32_t d : s.doc_of_) ++s.doc_claim_start_[d + 1];
    for (size_t d = 1; d < s.doc_claim_start_.size(); ++d) s.doc_claim_start_[d] += s.doc_claim_start_[d - 1];
    s.doc_claims_.resize(s.meta_.size());
    std::vector<uint32_t> next(s.doc_claim_start_.begin(), s.doc_claim_start_.end() - 1);
    for (uint32_t i = 0; i < s.doc_of_.size(); ++i) s.doc_claims_[next[s.doc_of_[i]]++] = i;
    return segment_;
  }

 private:
  // One occurrence of a term: the term's id (in words_.stems() or
  // words_.exacts()), the claim, the word's position, and whether its list
  // carries neighbour bytes (a stem without a NeighbourCode of its own, not
  // a pair) with its entry of them.
  struct Hit {
    uint32_t term;
    uint32_t doc;
    uint16_t position;
    bool neighbours;
    uint16_t code = 0;  // PostingList::neighbours' entry, when `neighbours`
  };

  // One kind of term's hits grouped by term with a counting sort, which
  // keeps each term's hits in claim and position order; the terms with
  // hits in byte order, and how many claims each is in.
  struct Grouped {
    std::vector<Hit> hits;
    std::vector<uint32_t> start;   // term t's hits are hits[start[t], start[t + 1])
    std::vector<uint32_t> claims;  // by term
    std::vector<std::pair<absl::string_view, uint32_t>> terms;
  };
  static Grouped Group(const std::vector<Hit>& hits, const Dictionary& names) {
    Grouped g;
    g.start.assign(names.size() + 1, 0);
    g.claims.assign(names.size(), 0);
    std::vector<uint32_t> next(names.size(), UINT32_MAX);  // first the last claim counted, then the next slot
    for (const Hit& h : hits) {
      ++g.start[h.term + 1];
      if (next[h.term] != h.doc) ++g.claims[h.term];
      next[h.term] = h.doc;
    }
    for (size_t t = 1; t < g.start.size(); ++t) g.start[t] += g.start[t - 1];
    next.assign(g.start.begin(), g.start.end() - 1);
    g.hits.resize(hits.size());
    for (const Hit& h : hits) g.hits[next[h.term]++] = h;
    // Terms in byte order: sorted on their first eight bytes as one number,
    // the whole terms compared only where those are equal.
    struct Keyed {
      uint64_t prefix;
      absl::string_view term;
      uint32_t id;
    };
    std::vector<Keyed> keyed;
    for (uint32_t t = 0; t < names.size(); ++t) {
      if (g.claims[t] > 0) keyed.push_back({BytePrefix(names.value(t)), names.value(t), t});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
      return a.prefix != b.prefix ? a.prefix < b.prefix : a.term < b.term;
    });
    g.terms.reserve(keyed.size());
    for (const Keyed& k : keyed) g.terms.emplace_back(k.term, k.id);
    return g;
  }

  // Packs the assembled postings (PackList), term by term in byte order,
  // into the segment's term dictionaries.
  void Pack() {
    Segment& s = *segment_;
    const Grouped stems = Group(stem_hits_, words_.stems());
    const Grouped exacts = Group(exact_hits_, words_.exacts());
    // Room for all lists at once. A builder's claims are few enough for
    // narrow lists, and a word seldom repeats past kMaxOccurrences.
    size_t docs = 0, offsets = 0, blocks = 0, bitmaps = 0, neighbours = 0;
    for (const Grouped* g : {&stems, &exacts}) {
      for (const auto& [term, id] : g->terms) {
        docs += g->claims[id];
        blocks += CeilDiv(g->claims[id], PostingList::kBlock);
        if (g != &stems) continue;
        offsets += CeilDiv(g->claims[id], PostingList::kPositionStride);
        bitmaps += g->claims[id] >= PostingList::kBitmapDocs;
      }
    }
    for (const Hit& h : stem_hits_) neighbours += h.neighbours;
    s.docs16_.reserve(s.docs16_.size() + docs);
    s.positions_.reserve(s.positions_.size() + stem_hits_.size());
    s.neighbours_.reserve(s.neighbours_.size() + neighbours);
    s.position_offsets_.reserve(s.position_offsets_.size() + offsets);
    for (auto* v : {&s.block_max_tf_}) v->reserve(v->size() + blocks);
    for (auto* v : {&s.block_min_length_, &s.block_min_repeat_length_, &s.block_min_thrice_length_}) {
      v->reserve(v->size() + blocks);
    }
    for (auto* v : {&s.doc_bases_, &s.block_tfs_}) v->reserve(v->size() + blocks);
    s.bitmaps_.reserve(s.bitmaps_.size() + bitmaps);
    stem_hits_ = {};
    exact_hits_ = {};
    PackGrouped(stems, s.stems_, /*stems=*/true);
    PackGrouped(exacts, s.exact_, /*stems=*/false);
  }

  // Packs each term's list in turn: its hits, a claim at a time, as
  // postings (with positions for stems).
  void PackGrouped(const Grouped& g, TermDictionary& out, bool stems) {
    size_t chars = 0;
    for (const auto& [term, id] : g.terms) chars += term.size();
    out.terms.Reserve(g.terms.size(), chars);
    out.lists.reserve(out.lists.size() + g.terms.size() + 1);
    ListBuilder list;
    for (const auto& [term, id] : g.terms) {
      list.docs.clear();
      list.tfs.clear();
      list.positions.clear();
      list.neighbours.clear();
      for (uint32_t i = g.start[id]; i < g.start[id + 1];) {
        positions_scratch_.clear();
        neighbours_scratch_.clear();
        uint32_t j = i;
        for (; j < g.start[id + 1] && g.hits[j].doc == g.hits[i].doc; ++j) {
          positions_scratch_.push_back(g.hits[j].position);
          if (g.hits[j].neighbours) neighbours_scratch_.push_back(g.hits[j].code);
        }
        AppendPosting(list, g.hits[i].doc, j - i,
                      stems ? absl::MakeConstSpan(positions_scratch_) : absl::Span<const uint16_t>(),
                      neighbours_scratch_);
        i = j;
      }
      out.Append(term, PackList(list, stems));
    }
  }

  // The speaker's id, its name (the latest given wins) and type filed.
  uint32_t InternSpeaker(absl::string_view id, absl::string_view name, v1::SpeakerType type) {
    Segment& s = *segment_;
    const uint32_t speaker = s.speakers_.Intern(id);
    if (speaker >= s.speaker_names_.size()) {
      s.speaker_names_.emplace_back(name);
      s.speaker_types_.push_back(type);
      s.speaker_docs_.emplace_back();
    } else if (speaker != 0 && s.speaker_names_[speaker] != name) {
      s.speaker_names_[speaker] = std::string(name);
    }
    return speaker;
  }

  // The outlet's id; its folded form is worked out once, for its bitmap.
  uint32_t InternOutlet(absl::string_view outlet) {
    const uint32_t id = segment_->outlets_.Intern(outlet);
    if (id >= outlet_keys_.size()) outlet_keys_.resize(id + 1);
    if (id != 0 && outlet_keys_[id].empty()) outlet_keys_[id] = FoldForMatching(outlet);
    return id;
  }

  // Appends a claim with its fields' ids; returns its local id.
  uint32_t File(uint64_t claim_hash, const FieldIds& ids, ClaimMeta meta) {
    Segment& s = *segment_;
    const uint32_t doc = static_cast<uint32_t>(s.meta_.size());
    meta.speaker = ids.speaker;
    meta.outlet = ids.outlet;
    meta.role = ids.role;
    meta.variant = ids.variant;
    s.meta_.push_back(meta);
    s.claim_hashes_.push_back(claim_hash);
    s.doc_of_.push_back(ids.doc);
    if (s.doc_parts_.size() < s.doc_ids_.size()) s.doc_parts_.resize(s.doc_ids_.size());
    s.total_length_ += meta.length;
    if (meta.speaker != 0) s.speaker_docs_[meta.speaker].add(doc);
    if (meta.outlet != 0) s.outlet_docs_[outlet_keys_[meta.outlet]].add(doc);
    if (meta.kind < 4) s.kind_docs_[meta.kind].add(doc);
    return doc;
  }

  std::shared_ptr<Segment> segment_;
  std::vector<std::string> outlet_keys_;  // FoldForMatching of each outlet, by id
  WordCache words_;
  v1::Claim part_, record_claim_;
  std::string part_bytes_, record_;
  // The effort claims stored anew are compressed with.
  ClaimCodec::Effort effort_;
  std::vector<Hit> stem_hits_, exact_hits_;  // of every claim built, in claim order
  std::vector<uint16_t> positions_scratch_;
  std::vector<uint16_t> neighbours_scratch_;
  std::vector<uint8_t> codes_;
};

std::shared_ptr<const Segment> Segment::Build(absl::Span<const v1::Claim* const> claims,
                                              absl::Span<const uint32_t> ordinals,
                                              std::shared_ptr<const ClaimCodec> codec,
                                              StatementSequences* sequences, ClaimCodec::Effort effort) {
  Builder builder(std::move(codec), effort);
  if (sequences != nullptr) *sequences = StatementSequences();
  for (size_t i = 0; i < claims.size(); ++i) {
    const v1::Claim* claim = claims[i];
    ClaimMeta meta;
    if (i < ordinals.size()) meta.ordinal = ordinals[i];
    meta.kind = static_cast<uint8_t>(claim->kind());
    meta.statement_day = DayNumber(claim->statement_date());
    meta.published_day = DayNumber(claim->source().published_date());
    const uint32_t doc = builder.AddClaim(Builder::FieldsOf(*claim), meta);
    builder.StoreClaim(doc, *claim);
    builder.AddEntities(doc, *claim);
    ClaimMeta& stored = builder.segment().meta_[doc];
    builder.IndexText(doc, claim->text(), &stored, sequences);
    builder.segment().total_length_ += stored.length;
  }
  builder.FillClaimArrays();
  return builder.Finish();
}

std::shared_ptr<const Segment> Segment::Merge(absl::Span<const std::shared_ptr<const Segment>> segments,
                                              absl::Span<const Roaring* const> live,
                                              std::shared_ptr<const ClaimCodec> codec,
                                              const std::atomic<bool>* cancel, ClaimCodec::Effort effort) {
  // Checked every kCancelCheck claims and terms: a few milliseconds apart.
  constexpr uint32_t kCancelCheck = 4096;
  auto cancelled = [cancel](uint32_t step) {
    return cancel != nullptr && step % kCancelCheck == 0 && cancel->load(std::memory_order_relaxed);
  };
  Builder builder(std::move(codec), effort);
  Segment& out = builder.segment();
  // Reserve once instead of growing vectors claim by claim.
  size_t claims = 0, blob = 0;
  for (const auto& in : segments) {
    claims += in->size();
    blob += in->blob_.size();
  }
  out.blob_.reserve(blob);
  out.blob_offsets_.reserve(claims + 1);
  out.meta_.reserve(claims);
  out.claim_hashes_.reserve(claims);
  out.doc_of_.reserve(claims);
  // New local id of every live claim, segment by segment (-1: dropped).
  std::vector<std::vector<int64_t>> remap(segments.size());
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& in = *segments[i];
    remap[i].assign(in.size(), -1);
    Builder::IdMap ids(in);
    for (uint32_t doc = 0; doc < in.size(); ++doc) {
      if (cancelled(doc)) return nullptr;
      if (live[i] != nullptr && !live[i]->contains(doc)) continue;
      const uint32_t added = builder.AddClaimFrom(ids, doc);
      builder.CopyStored(added, in, doc);
      remap[i][doc] = added;
    }
    for (const auto& [entity, docs] : in.entity_docs_) {
      Roaring* target = nullptr;
      for (uint32_t doc : docs) {
        if (remap[i][doc] < 0) continue;
        if (target == nullptr) target = &out.entity_docs_[entity];
        target->add(static_cast<uint32_t>(remap[i][doc]));
      }
    }
  }
  // Postings: the inputs' term dictionaries walked side by side in term
  // order; a term's lists are concatenated in segment order (which keeps
  // claims ascending) and packed at once.
  builder.FillClaimArrays();
  size_t positions = 0, neighbours = 0, docs = 0;
  for (const auto& in : segments) {
    positions += in->positions_.size();
    neighbours += in->neighbours_.size();
    docs += in->docs16_.size() + in->docs32_.size();
  }
  out.positions_.reserve(positions);
  out.neighbours_.reserve(neighbours);
  out.docs16_.reserve(docs);
  ListBuilder list;  // one term's postings, reused
  auto merge_terms = [&](auto member, bool stems) {
    std::vector<uint32_t> at(segments.size(), 0);  // each input's next term id
    TermDictionary& terms = out.*member;
    for (uint32_t step = 1;; ++step) {
      if (cancelled(step)) return false;
      // The smallest term not yet merged, and the inputs that hold it.
      absl::string_view term;
      bool any = false;
      for (size_t i = 0; i < segments.size(); ++i) {
        const TermDictionary& d = (*segments[i]).*member;
        if (at[i] == 0 && d.lists[0].count == 0) at[i] = 1;  // no empty term
        if (at[i] >= d.lists.size()) continue;
        const absl::string_view candidate = d.terms.value(at[i]);
        if (!any || candidate < term) term = candidate;
        any = true;
      }
      if (!any) break;
      list.docs.clear();
      list.tfs.clear();
      list.positions.clear();
      list.neighbours.clear();
      for (size_t i = 0; i < segments.size(); ++i) {
        const Segment& in = *segments[i];
        const TermDictionary& d = in.*member;
        if (at[i] >= d.lists.size() || d.terms.value(at[i]) != term) continue;
        const PostingList from = in.View(d.lists[at[i]++]);
        size_t offset = 0;  // of document k's positions
        for (size_t k = 0; k < from.docs.size(); ++k) {
          const size_t tf = from.tf(k);
          const int64_t doc = remap[i][from.docs[k]];
          // Document k's positions and codes (none in lists without them).
          auto at_k = [offset, tf](auto all) {
            return all.empty() ? all : absl::MakeConstSpan(all.data() + offset, tf);
          };
          if (doc >= 0) {
            AppendPosting(list, static_cast<uint32_t>(doc), tf, at_k(from.positions), at_k(from.neighbours));
          }
          offset += tf;
        }
      }
      // A term whose claims all died is dropped.
      if (!list.docs.empty()) terms.Append(term, builder.PackList(list, stems));
    }
    return true;
  };
  if (!merge_terms(&Segment::stems_, /*stems=*/true) || !merge_terms(&Segment::exact_, /*stems=*/false)) {
    return nullptr;
  }
  return builder.Finish();
}

v1::Claim Segment::claim(uint32_t doc) const {
  thread_local std::string bytes;
  bytes.clear();
  AppendClaimBytes(doc, &bytes);
  v1::Claim claim;
  claim.ParseFromString(bytes);
  return claim;
}

bool Segment::AppendClaimBytes(uint32_t doc, std::string* out) const {
  thread_local std::string record;
  const bool intact = Record(doc, &record);
  if (intact) out->append(record);
  if (meta_[doc].doc_part) out->append(doc_parts_[doc_of_[doc]]);
  const absl::string_view id = doc_id(doc);
  if (!id.empty()) wire::AppendBytesField(v1::Claim::kDocIdFieldNumber, id, out);
  return intact;
}

void Segment::PrefetchClaim(uint32_t doc, int wave) const {
  if (wave == 0) {
    __builtin_prefetch(blob_offsets_.data() + doc);
    __builtin_prefetch(meta_.data() + doc);
    __builtin_prefetch(doc_of_.data() + doc);
    return;
  }
  const absl::string_view bytes = stored(doc);
  for (size_t at = 0; at < bytes.size(); at += 64) __builtin_prefetch(bytes.data() + at);
  if (!bytes.empty()) __builtin_prefetch(bytes.data() + bytes.size() - 1);  // a line the steps skipped
  const uint32_t document = doc_of_[doc];
  if (meta_[doc].doc_part) __builtin_prefetch(doc_parts_[document].data());
  __builtin_prefetch(doc_ids_.value(document).data());
}

bool Segment::Record(uint32_t doc, std::string* out) const { return Decode(codec_.get(), stored(doc), out); }

absl::string_view Segment::stored(uint32_t doc) const {
  return absl::string_view(blob_).substr(blob_offsets_[doc], blob_offsets_[doc + 1] - blob_offsets_[doc]);
}

int64_t Segment::FindClaimHash(uint64_t claim_hash) const {
  auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), claim_hash,
                             [this](uint32_t doc, uint64_t hash) { return claim_hashes_[doc] < hash; });
  return it == by_hash_.end() || claim_hashes_[*it] != claim_hash ? int64_t{-1} : static_cast<int64_t>(*it);
}

absl::Span<const uint32_t> Segment::FindDocument(absl::string_view doc_id) const {
  const uint32_t id = doc_ids_.Find(doc_id);
  if (id == 0) return {};
  const uint32_t begin = doc_claim_start_[id];
  return absl::MakeConstSpan(doc_claims_.data() + begin, doc_claim_start_[id + 1] - begin);
}

PostingList Segment::View(const TermLists& t) const {
  PostingList l;
  l.docs = t.narrow ? DocIds(docs16_.data() + t.docs, doc_bases_.data() + t.blocks, t.count)
                   : DocIds(absl::MakeConstSpan(docs32_.data() + t.docs, t.count));
  l.tf_data = tfs_.data();
  if (t.neighbours != kNoNeighbours) {
    l.neighbours = absl::MakeConstSpan(neighbours_.data() + t.neighbours, t.position_count);
  }
  if (t.position_count > 0) {
    l.positions = absl::MakeConstSpan(positions_.data() + t.positions, t.position_count);
    l.position_offsets =
        absl::MakeConstSpan(position_offsets_.data() + t.offsets, CeilDiv(t.count, PostingList::kPositionStride));
  }
  const size_t blocks = CeilDiv(t.count, PostingList::kBlock);
  l.block_max_tf = absl::MakeConstSpan(block_max_tf_.data() + t.blocks, blocks);
  l.block_tfs = absl::MakeConstSpan(block_tfs_.data() + t.blocks, blocks);
  l.block_min_length = absl::MakeConstSpan(block_min_length_.data() + t.blocks, blocks);
  l.block_min_repeat_length = absl::MakeConstSpan(block_min_repeat_length_.data() + t.blocks, blocks);
  l.block_min_thrice_length = absl::MakeConstSpan(block_min_thrice_length_.data() + t.blocks, blocks);
  if (t.repeats != kRepeatsNotKept) {
    l.repeats = DocIds(absl::MakeConstSpan(repeats_.data() + t.repeats, t.repeat_count));
    l.repeats_kept = true;
  }
  l.bitmap = t.bitmap == 0 ? nullptr : &bitmaps_[t.bitmap - 1];
  return l;
}

void Segment::TermDictionary::Append(absl::string_view term, const TermLists& t) {
  if (term.empty()) {
    lists[0] = t;
    return;
  }
  const uint32_t id = terms.Intern(term);
  if (id >= lists.size()) lists.resize(id + 1);
  lists[id] = t;
}

const Segment::TermLists* Segment::TermDictionary::Find(absl::string_view term) const {
  if (term.empty()) return lists[0].count > 0 ? &lists[0] : nullptr;
  const uint32_t id = terms.Find(term);
  return id == 0 ? nullptr : &lists[id];
}

std::optional<PostingList> Segment::View(const TermDictionary& terms, absl::string_view term) const {
  const TermLists* t = terms.Find(term);
  if (t == nullptr) return std::nullopt;
  return View(*t);
}

std::optional<PostingList> Segment::StemPostings(absl::string_view stem) const { return View(stems_, stem); }

std::optional<PostingList> Segment::ExactPostings(absl::string_view term) const { return View(exact_, term); }

const Roaring* Segment::SpeakerDocs(uint32_t speaker) const {
  return speaker == 0 || speaker >= speaker_docs_.size() ? nullptr : &speaker_docs_[speaker];
}

void Segment::SpeakerDocsInDays(uint32_t speaker, int32_t from, int32_t to, std::vector<uint32_t>* out) const {
  if (speaker == 0 || SpeakerClaimCount(speaker) == 0) return;
  const uint32_t begin = speaker_claim_starts_[speaker], end = speaker_claim_starts_[speaker + 1];
  if (from == kNoDay && to == kNoDay) {  // no range: every claim, dated or not
    out->insert(out->end(), speaker_claims_.begin() + begin, speaker_claims_.begin() + end);
    return;
  }
  // The range in key space, [lo, hi], clamped to the keys of days
  // (kNoDayKey, no date, is in no range); far keys (days outside
  // 1900-2079) are tested on the claim's own day.
  auto key_of = [](int32_t day) {
    return std::clamp<int64_t>(int64_t{day} - kFirstKeyDay + 1, kNoDayKey, kFarDayKey);
  };
  const int64_t lo = from == kNoDay ? kNoDayKey + 1 : std::max<int64_t>(key_of(from), kNoDayKey + 1);
  const int64_t hi = to == kNoDay ? kFarDayKey - 1 : std::min<int64_t>(key_of(to), kFarDayKey - 1);
  const size_t base = out->size();
  bool far = false;
  if (lo <= hi) {
    // Unsigned distance from lo: one comparison a claim, and each claim is
    // written and kept or overwritten without a branch.
    const uint32_t first = static_cast<uint32_t>(lo), width = static_cast<uint32_t>(hi - lo);
    out->resize(base + (end - begin));
    uint32_t* at = out->data() + base;
    for (uint32_t i = begin; i < end; ++i) {
      const uint32_t key = speaker_claim_keys_[i];
      *at = speaker_claims_[i];
      at += key - first <= width;
      far |= key == kFarDayKey;
    }
    out->resize(at - out->data());
  } else {
    for (uint32_t i = begin; i < end; ++i) far |= speaker_claim_keys_[i] == kFarDayKey;
  }
  if (!far) return;
  // Days outside the keys' span are rare: read them from the claims and
  // merge them in.
  std::vector<uint32_t> outside;
  for (uint32_t i = begin; i < end; ++i) {
    const uint32_t doc = speaker_claims_[i];
    if (speaker_claim_keys_[i] == kFarDayKey && DayInRange(meta_[doc].statement_day, from, to)) outside.push_back(doc);
  }
  const size_t middle = out->size();
  out->insert(out->end(), outside.begin(), outside.end());
  std::inplace_merge(out->begin() + base, out->begin() + middle, out->end());
}

const Roaring* Segment::OutletDocs(absl::string_view folded_outlet) const {
  auto it = outlet_docs_.find(folded_outlet);
  return it == outlet_docs_.end() ? nullptr : &it->second;
}

const Roaring* Segment::KindDocs(v1::ClaimKind kind) const {
  const int k = static_cast<int>(kind);
  return k < 0 || k >= 4 ? nullptr : &kind_docs_[k];
}

const Roaring* Segment::EntityDocs(absl::string_view folded_entity) const {
  auto it = entity_docs_.find(folded_entity);
  return it == entity_docs_.end() ? nullptr : &it->second;
}

namespace {

// The sum of bytes p[0, n), sixteen at a time (SSE2's sum of absolute
// differences from zero).
size_t SumBytes(const uint8_t* p, size_t n) {
  size_t sum = 0, i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  __m128i acc = zero;
  for (; i + 16 <= n; i += 16) {
    acc = _mm_add_epi64(acc, _mm_sad_epu8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), zero));
  }
  sum = static_cast<size_t>(_mm_cvtsi128_si64(acc) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc)));
#endif
  for (; i < n; ++i) sum += p[i];
  return sum;
}

// Sets bit k of bits (word k / 64) when entry k of codes[0, n) has `code`
// on the wanted side, writing each word that covers an entry (and no
// other): 64 entries a word, compared sixteen at a time as 16-bit lanes
// packed to one byte each.
void MatchNeighbourBytes(const uint16_t* codes, size_t n, uint8_t code, bool previous, uint64_t* bits) {
  size_t k = 0;
#if defined(__SSE2__)
  const __m128i want = _mm_set1_epi16(code);
  const __m128i low = _mm_set1_epi16(0xff);
  auto side = [&](const uint16_t* at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    return _mm_cmpeq_epi16(previous ? _mm_and_si128(v, low) : _mm_srli_epi16(v, 8), want);
  };
  auto sixteen = [&](const uint16_t* at) {
    return uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(_mm_packs_epi16(side(at), side(at + 8))))};
  };
  for (; k + 64 <= n; k += 64) {
    const uint16_t* at = codes + k;
    bits[k / 64] = sixteen(at) | sixteen(at + 16) << 16 | sixteen(at + 32) << 32 | sixteen(at + 48) << 48;
  }
#endif
  if (k == n) return;
  uint64_t word = 0;
  for (; k < n; ++k) word |= uint64_t{PostingList::NeighbourOf(codes[k], previous) == code} << (k % 64);
  bits[(n - 1) / 64] = word;
}

}  // namespace

std::array<uint64_t, 2> PostingList::NeighbourMask(size_t b, uint8_t code, bool previous) const {
  static_assert(kBlock == 128, "a block's mask is two 64-bit words");
  std::array<uint64_t, 2> mask = {0, 0};
  const size_t first = b * kBlock;
  const size_t count = std::min(kBlock, docs.size() - first);
  // The block's occurrences lie back to back from its first claim's, as
  // its claims do.
  const uint16_t* codes = neighbours.data() + position_offsets[first / kPositionStride];
  if (block_tfs[b] == kAllOnes) {  // one occurrence a claim: its bit is the claim's
    MatchNeighbourBytes(codes, count, code, previous, mask.data());
    return mask;
  }
  // Bits by occurrence, then the claim of each bit set: most blocks have
  // none, and the others few, so claims are not visited one by one.
  const uint8_t* tfs = tf_data + block_tfs[b];
  const size_t occurrences = SumBytes(tfs, count);
  std::array<uint64_t, (kBlock * kMaxOccurrences + 63) / 64> bits;
  MatchNeighbourBytes(codes, occurrences, code, previous, bits.data());
  // A claim repeating the word kMaxOccurrences times may hold occurrences
  // past those whose codes were kept: it may hold the phrase.
  const uint8_t* const tfs_end = tfs + count;
  for (const uint8_t* at = tfs;; ++at) {
    at = static_cast<const uint8_t*>(std::memchr(at, kMaxOccurrences, tfs_end - at));
    if (at == nullptr) break;
    const size_t j = at - tfs;
    mask[j / 64] |= uint64_t{1} << (j % 64);
  }
  size_t j = 0, end = tfs[0];  // end: the occurrences of claims 0 to j
  for (size_t w = 0; w < (occurrences + 63) / 64; ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      const size_t o = w * 64 + __builtin_ctzll(word);
      while (end <= o) end += tfs[++j];
      mask[j / 64] |= uint64_t{1} << (j % 64);
    }
  }
  return mask;
}

void DocIds::AppendCommon(const DocIds& narrow, std::vector<uint32_t>* out, std::vector<uint32_t>* indexes) const {
  if (narrow.empty()) return;
  const size_t blocks = (narrow.size_ + kBlock - 1) / kBlock;
  // The other list's block, its first id and its end; k: the first index
  // in it not below the ids sought so far.
  size_t b = 0, k = 0, end = std::min(narrow.size_, kBlock);
  uint32_t base = narrow.bases_[0];
  uint32_t at = 0;  // the index in this list of the id visited
  ForEach([&](uint32_t doc) {
    const uint32_t here = at++;
    if (b + 1 < blocks && narrow.bases_[b + 1] <= doc) {
      b = Gallop(b + 1, blocks, [&](size_t x) { return narrow.bases_[x] <= doc; }) - 1;
      k = b * kBlock;
      end = std::min(narrow.size_, k + kBlock);
      base = narrow.bases_[b];
    }
    if (doc < base) return;  // before the block, and after the one before it
    const uint32_t offset = doc - base;
    if (offset > UINT16_MAX) {  // past the block, before the next
      k = end;
      return;
    }
    k = narrow.ScanBlock(static_cast<uint16_t>(offset), k, end);
    if (k < end && narrow.narrow_[k] == offset) {
      out->push_back(doc);
      if (indexes != nullptr) indexes->insert(indexes->end(), {here, static_cast<uint32_t>(k)});
    }
  });
}

// Two lists intersect by merging (DocIds::MergeCommon) unless the longer
// holds more than this many times the shorter's ids. A merge reads every id
// of both lists and a seek skips the longer's blocks: intersect_bench's
// medians (1,000 and 4,000 ids) have the merge faster at twice the length,
// slower from four times.
constexpr size_t kMergeRatio = 3;
// The same when the longer list is wide, whose ids a seek gallops over
// (no blocks to skip): intersect_bench's 100-id lists merge in 408 / 723 ns
// against 1,221 / 1,333 ns sought at four / eight times the length, and
// lose at sixteen (1,832 against 1,407 ns).
constexpr size_t kWideMergeRatio = 8;

bool DocIds::MergeCommon(const DocIds& other, std::vector<uint32_t>* out, std::vector<uint32_t>* indexes) const {
#if defined(__SSE2__)
  // Four ids from index k (a multiple of four, so inside one block).
  auto four = [](const DocIds& l, size_t k) {
    if (l.wide_ != nullptr) return _mm_loadu_si128(reinterpret_cast<const __m128i*>(l.wide_ + k));
    const __m128i offsets = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(l.narrow_ + k));
    return _mm_add_epi32(_mm_unpacklo_epi16(offsets, _mm_setzero_si128()),
                         _mm_set1_epi32(static_cast<int32_t>(l.bases_[k / kBlock])));
  };
  size_t i = 0, j = 0;
  const size_t i_end = size_ & ~size_t{3}, j_end = other.size_ & ~size_t{3};
  while (i < i_end && j < j_end) {
    const __m128i a = four(*this, i);
    const __m128i b = four(other, j);
    // Lane l of rotation r compares a[l] with b[(l + r) % 4].
    int hit[4];
    hit[0] = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, b)));
    hit[1] = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(0, 3, 2, 1)))));
    hit[2] = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(1, 0, 3, 2)))));
    hit[3] = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(2, 1, 0, 3)))));
    for (int any = hit[0] | hit[1] | hit[2] | hit[3]; any != 0; any &= any - 1) {
      const int lane = __builtin_ctz(any);
      out->push_back((*this)[i + lane]);
      if (indexes == nullptr) continue;
      int r = 0;
      while ((hit[r] >> lane & 1) == 0) ++r;
      indexes->insert(indexes->end(), {static_cast<uint32_t>(i + lane), static_cast<uint32_t>(j + (lane + r) % 4)});
    }
    const uint32_t a_last = (*this)[i + 3], b_last = other[j + 3];
    i += a_last <= b_last ? 4 : 0;
    j += b_last <= a_last ? 4 : 0;
  }
  // The tails (fewer than four ids left in a list), one id at a time.
  while (i < size_ && j < other.size_) {
    const uint32_t a = (*this)[i], b = other[j];
    if (a == b) {
      out->push_back(a);
      if (indexes != nullptr) indexes->insert(indexes->end(), {static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
    }
    i += a <= b;
    j += b <= a;
  }
  return true;
#else
  (void)other, (void)out, (void)indexes;
  return false;
#endif
}

void IntersectDocIds(absl::Span<const DocIds* const> lists, std::vector<uint32_t>* out,
                     std::vector<uint32_t>* indexes) {
  // The lists' positions in `lists`, shortest first.
  absl::InlinedVector<size_t, 4> order(lists.size());
  for (size_t l = 0; l < order.size(); ++l) order[l] = l;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lists[a]->size() < lists[b]->size(); });
  if (order.size() == 2) {  // the usual case, without the general loop's bookkeeping
    const size_t first = indexes == nullptr ? 0 : indexes->size();
    // Lists of comparable lengths merge; a much shorter one seeks its ids
    // in a narrow other, skipping its blocks, or gallops in a wide one
    // (the general loop below).
    const DocIds& shorter = *lists[order[0]];
    const DocIds& longer = *lists[order[1]];
    const size_t ratio = longer.narrow() ? kMergeRatio : kWideMergeRatio;
    const bool merged = longer.size() <= ratio * shorter.size() && shorter.MergeCommon(longer, out, indexes);
    if (merged || longer.narrow()) {
      if (!merged) shorter.AppendCommon(longer, out, indexes);
      if (indexes != nullptr && order[0] != 0) {  // pairs come shortest list first
        for (size_t i = first; i < indexes->size(); i += 2) std::swap((*indexes)[i], (*indexes)[i + 1]);
      }
      return;
    }
  }
  const DocIds& lead = *lists[order[0]];
  absl::InlinedVector<size_t, 4> at(order.size(), 0);
  for (size_t i = 0; i < lead.size(); ++i) {
    const uint32_t doc = lead[i];
    at[0] = i;
    bool all = true;
    for (size_t l = 1; l < order.size() && all; ++l) {
      const DocIds& list = *lists[order[l]];
      at[l] = list.LowerBound(doc, at[l]);
      if (at[l] == list.size()) return;  // no later id of the lead is in this list
      all = list[at[l]] == doc;
    }
    if (!all) continue;
    out->push_back(doc);
    if (indexes == nullptr) continue;
    const size_t row = indexes->size();
    indexes->resize(row + order.size());
    for (size_t l = 0; l < order.size(); ++l) (*indexes)[row + order[l]] = static_cast<uint32_t>(at[l]);
  }
}

std::string PairTerm(absl::string_view first_stem, absl::string_view second_stem) {
  return absl::StrCat(first_stem, "\x1f", second_stem);
}

size_t Dictionary::MemoryBytes() const {
  return chars_.capacity() + starts_.capacity() * sizeof(uint32_t) + ids_.capacity() * (sizeof(uint32_t) + 1);
}

Segment::Memory Segment::MemoryUsage() const {
  Memory m;
  m.stored = blob_.capacity() + blob_offsets_.capacity() * 8 + tight_.capacity() / 8 +
             doc_parts_.capacity() * sizeof(std::string);
  for (const std::string& part : doc_parts_) m.stored += part.size() > 15 ? part.capacity() : 0;
  m.fields = meta_.capacity() * sizeof(ClaimMeta) + (lengths_.capacity() + statement_keys_.capacity()) * 2 +
             speaker_of_.capacity() * sizeof(uint32_t) + doc_of_.capacity() * 4 + claim_hashes_.capacity() * 8 +
             by_hash_.capacity() * 4 + doc_claim_start_.capacity() * 4 + doc_claims_.capacity() * 4;
  for (const TermDictionary* d : {&stems_, &exact_}) {
    m.postings += d->terms.MemoryBytes() + d->lists.capacity() * sizeof(TermLists);
  }
  m.postings += docs16_.capacity() * 2 + docs32_.capacity() * 4 + doc_bases_.capacity() * 4 + tfs_.capacity() +
                block_tfs_.capacity() * 4 + positions_.capacity() + neighbours_.capacity() * 2 +
                position_offsets_.capacity() * 4 + block_max_tf_.capacity() + block_min_length_.capacity() * 2 + block_min_repeat_length_.capacity() * 2 +
                block_min_thrice_length_.capacity() * 2 + repeats_.capacity() * 4 +
                bitmaps_.capacity() * sizeof(Roaring);
  for (const Roaring& r : bitmaps_) m.postings += r.getSizeInBytes();
  for (const Roaring& r : speaker_docs_) m.fields += r.getSizeInBytes();
  m.fields +=
      speaker_claims_.capacity() * 4 + speaker_claim_keys_.capacity() * 2 + speaker_claim_starts_.capacity() * 4;
  for (const auto& [k, r] : entity_docs_) m.fields += k.capacity() + r.getSizeInBytes();
  for (const auto& [k, r] : outlet_docs_) m.fields += k.capacity() + r.getSizeInBytes();
  for (const Roaring& r : kind_docs_) m.fields += r.getSizeInBytes();
  for (const Dictionary* d : {&doc_ids_, &speakers_, &outlets_, &roles_, &variants_}) m.fields += d->MemoryBytes();
  return m;
}

}  // namespace claims::query
