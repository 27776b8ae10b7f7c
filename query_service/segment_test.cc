#include "query_service/segment.h"
#include "query_service/tokenizer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/ids.h"
#include "common/utf8.h"
#include "gtest/gtest.h"

namespace claims::query {
namespace {

const char* const kWords[] = {"council", "budget", "harbour", "water", "talks", "ferry",  "bridge", "minister",
                              "plan",    "agree",  "reject",  "cost",  "port",  "rivers", "annual", "review"};

// Claim `i` of document `doc`, with the source every claim of a document
// shares unless `own_source` is set.
v1::Claim MakeClaim(const std::string& doc, int i, bool own_source = false) {
  v1::Claim c;
  c.set_doc_id(doc);
  c.set_claim_id(absl::StrCat(doc, "-", i));
  c.set_kind(i % 2 == 0 ? v1::CLAIM_KIND_DIRECT : v1::CLAIM_KIND_INDIRECT);
  std::string text = "The";
  uint32_t x = static_cast<uint32_t>(std::hash<std::string>()(c.claim_id()));
  for (int w = 0; w < 18; ++w) {
    x = x * 1103515245u + 12345u;
    absl::StrAppend(&text, " ", kWords[(x >> 16) % 16]);
  }
  c.set_text(text + ".");
  c.mutable_speaker()->set_speaker_id(absl::StrCat("speaker-", i % 7));
  c.mutable_speaker()->set_canonical_name(absl::StrCat("Speaker ", i % 7));
  c.mutable_source()->set_outlet(own_source ? "Another Outlet" : "Valley Courier");
  c.mutable_source()->set_url(absl::StrCat("https://news.example/", doc));
  c.mutable_source()->mutable_published_date()->set_year(2026);
  c.set_extractor_version("test/1");
  c.set_confidence(0.5f + (i % 5) / 10.0f);
  return c;
}

std::vector<const v1::Claim*> Pointers(const std::vector<v1::Claim>& claims) {
  std::vector<const v1::Claim*> out;
  for (const v1::Claim& c : claims) out.push_back(&c);
  return out;
}

// Every claim of `segment` serializes as `claims` (same order).
void ExpectClaims(const Segment& segment, const std::vector<v1::Claim>& claims) {
  ASSERT_EQ(segment.size(), claims.size());
  for (uint32_t doc = 0; doc < segment.size(); ++doc) {
    EXPECT_EQ(segment.claim(doc).SerializeAsString(), claims[doc].SerializeAsString()) << claims[doc].claim_id();
  }
}

std::vector<v1::Claim> ManyClaims(int documents, const std::string& prefix) {
  std::vector<v1::Claim> out;
  for (int d = 0; d < documents; ++d) {
    for (int i = 0; i < 8; ++i) out.push_back(MakeClaim(absl::StrCat(prefix, d), i));
  }
  return out;
}

std::shared_ptr<const ClaimCodec> TrainOn(const Segment& segment) {
  std::vector<std::string> samples(segment.size());
  for (uint32_t doc = 0; doc < segment.size(); ++doc) EXPECT_TRUE(segment.Record(doc, &samples[doc]));
  absl::StatusOr<std::shared_ptr<const ClaimCodec>> codec = ClaimCodec::Train(samples);
  EXPECT_TRUE(codec.ok()) << codec.status();
  return codec.ok() ? *codec : nullptr;
}

TEST(SegmentStoreTest, ClaimsReadBackWholeWithTheirDocumentsSharedFields) {
  std::vector<v1::Claim> claims = {MakeClaim("a", 0), MakeClaim("a", 1), MakeClaim("a", 2, /*own_source=*/true),
                                   MakeClaim("b", 0)};
  claims[3].clear_source();  // a claim with nothing to share
  claims[3].clear_extractor_version();
  const auto segment = Segment::Build(Pointers(claims));
  ExpectClaims(*segment, claims);
  EXPECT_TRUE(segment->meta(1).doc_part);
  EXPECT_FALSE(segment->meta(2).doc_part);  // keeps its own source
  EXPECT_FALSE(segment->meta(3).doc_part);
  // The shared part is stored once: the record of a sharing claim leaves it out.
  std::string record;
  ASSERT_TRUE(segment->Record(1, &record));
  EXPECT_EQ(record.find("Valley Courier"), std::string::npos);
  ASSERT_TRUE(segment->Record(2, &record));
  EXPECT_NE(record.find("Another Outlet"), std::string::npos);
}

TEST(SegmentStoreTest, ACodecShrinksStoredClaimsAndMergesRecodeOnlyWhatDiffers) {
  const std::vector<v1::Claim> first = ManyClaims(1000, "doc-");
  const auto plain = Segment::Build(Pointers(first));
  ExpectClaims(*plain, first);
  const std::shared_ptr<const ClaimCodec> codec = TrainOn(*plain);
  ASSERT_NE(codec, nullptr);

  const std::vector<v1::Claim> second = ManyClaims(1000, "other-");
  const auto compressed = Segment::Build(Pointers(second), {}, codec);
  EXPECT_EQ(compressed->codec(), codec.get());
  EXPECT_EQ(compressed->loose_claims(), compressed->size());
  ExpectClaims(*compressed, second);
  const size_t plain_bytes = plain->MemoryUsage().stored;
  const size_t fast_bytes = compressed->MemoryUsage().stored;
  EXPECT_LT(fast_bytes * 3, plain_bytes * 2);
  EXPECT_EQ(plain->loose_claims(), plain->size());

  // A plain segment merged under the codec is recoded; the compressed one is
  // copied: together they take about twice the compressed one.
  const auto merged = Segment::Merge({plain, compressed}, {nullptr, nullptr}, codec);
  std::vector<v1::Claim> all = first;
  all.insert(all.end(), second.begin(), second.end());
  ExpectClaims(*merged, all);
  EXPECT_LT(merged->MemoryUsage().stored, fast_bytes * 21 / 10);
  EXPECT_GT(merged->MemoryUsage().stored, fast_bytes * 19 / 10);
}

TEST(SegmentStoreTest, MergesRecodeClaimsStoredWithLessEffortThanAsked) {
  const std::vector<v1::Claim> first = ManyClaims(1000, "doc-");
  const std::shared_ptr<const ClaimCodec> codec = TrainOn(*Segment::Build(Pointers(first)));
  ASSERT_NE(codec, nullptr);
  const std::vector<v1::Claim> second = ManyClaims(1000, "other-");
  const auto fast = Segment::Build(Pointers(second), {}, codec);
  const size_t fast_bytes = fast->MemoryUsage().stored;

  // A compaction's merge (kTight) compresses the fast claims again.
  const auto tight = Segment::Merge({fast}, {nullptr}, codec, nullptr, ClaimCodec::Effort::kTight);
  ExpectClaims(*tight, second);
  EXPECT_EQ(tight->loose_claims(), 0u);
  const size_t tight_bytes = tight->MemoryUsage().stored;
  EXPECT_LT(tight_bytes * 10, fast_bytes * 9);

  // A merge during ingest (kFast) copies every claim as it is, tight or
  // not, and knows which are which.
  const auto mixed = Segment::Merge({tight, fast}, {nullptr, nullptr}, codec, nullptr, ClaimCodec::Effort::kFast);
  std::vector<v1::Claim> twice = second;
  twice.insert(twice.end(), second.begin(), second.end());
  ExpectClaims(*mixed, twice);
  EXPECT_EQ(mixed->loose_claims(), fast->size());
  // (Its offsets take what its inputs' took, its documents' shared parts
  // less: a tight claim recompressed with kFast would not fit.)
  EXPECT_LE(mixed->MemoryUsage().stored, tight_bytes + fast_bytes);

  // Merged with kTight, the fast half is recoded and the tight half copied.
  const auto recoded = Segment::Merge({mixed}, {nullptr}, codec, nullptr, ClaimCodec::Effort::kTight);
  ExpectClaims(*recoded, twice);
  EXPECT_EQ(recoded->loose_claims(), 0u);
  EXPECT_LT(recoded->MemoryUsage().stored * 10, mixed->MemoryUsage().stored * 9);
}

TEST(SegmentStoreTest, ADocumentInTwoMergedSegmentsKeepsEachClaimsOwnFields) {
  // The same doc_id with different shared fields in two segments (a
  // replacement whose old claims are still live while a merge runs).
  std::vector<v1::Claim> old_claims = {MakeClaim("a", 0), MakeClaim("a", 1)};
  std::vector<v1::Claim> new_claims = {MakeClaim("a", 5, /*own_source=*/true), MakeClaim("a", 6, true)};
  for (v1::Claim& c : new_claims) c.set_extractor_version("test/2");
  const auto merged =
      Segment::Merge({Segment::Build(Pointers(old_claims)), Segment::Build(Pointers(new_claims))}, {nullptr, nullptr});
  std::vector<v1::Claim> all = old_claims;
  all.insert(all.end(), new_claims.begin(), new_claims.end());
  ExpectClaims(*merged, all);
}

// A merge files its inputs' fields as a build of the same claims would.
TEST(SegmentStoreTest, MergedFieldsEqualThoseOfOneSegmentBuiltFromTheSameClaims) {
  std::vector<v1::Claim> first = ManyClaims(3, "p"), second = ManyClaims(4, "q");
  for (size_t i = 0; i < second.size(); ++i) {
    v1::Claim& c = second[i];
    if (i % 3 == 0) c.mutable_source()->set_outlet("VALLEY COURIER");  // folds like the first segment's
    if (i % 4 == 0) c.mutable_source()->set_outlet("Harbour Gazette");
    c.mutable_speaker()->set_role(i % 2 ? "mayor" : "");
    c.mutable_speaker()->set_mention(absl::StrCat("S", i % 5));
    if (c.speaker().speaker_id() == "speaker-1") c.mutable_speaker()->set_canonical_name("Speaker One (renamed)");
    if (c.speaker().speaker_id() == "speaker-2") c.mutable_speaker()->set_type(v1::SPEAKER_TYPE_ORGANIZATION);
  }
  second[1].set_doc_id("p-0");  // a document in both inputs
  Roaring live;  // every claim of `second` but the third
  live.addRange(0, second.size());
  live.remove(2);
  std::vector<v1::Claim> all = first;
  for (size_t i = 0; i < second.size(); ++i) {
    if (i != 2) all.push_back(second[i]);
  }
  const auto merged =
      Segment::Merge({Segment::Build(Pointers(first)), Segment::Build(Pointers(second))}, {nullptr, &live});
  const auto built = Segment::Build(Pointers(all));
  ASSERT_EQ(merged->size(), built->size());
  for (uint32_t doc = 0; doc < built->size(); ++doc) {
    const ClaimMeta &m = merged->meta(doc), &b = built->meta(doc);
    EXPECT_EQ(merged->speakers().value(m.speaker), built->speakers().value(b.speaker));
    EXPECT_EQ(merged->speaker_name(m.speaker), built->speaker_name(b.speaker));
    EXPECT_EQ(merged->speaker_type(m.speaker), built->speaker_type(b.speaker));
    EXPECT_EQ(merged->outlets().value(m.outlet), built->outlets().value(b.outlet));
    EXPECT_EQ(merged->roles().value(m.role), built->roles().value(b.role));
    EXPECT_EQ(merged->variants().value(m.variant), built->variants().value(b.variant));
    EXPECT_EQ(merged->doc_id(doc), built->doc_id(doc));
    EXPECT_EQ(merged->FindClaimHash(StableHash64(all[doc].claim_id())), doc);
  }
  EXPECT_EQ(merged->speaker_name(merged->speakers().Find("speaker-1")), "Speaker One (renamed)");
  for (const char* outlet : {"valley courier", "harbour gazette"}) {
    ASSERT_NE(built->OutletDocs(outlet), nullptr);
    ASSERT_NE(merged->OutletDocs(outlet), nullptr) << outlet;
    EXPECT_EQ(*merged->OutletDocs(outlet), *built->OutletDocs(outlet)) << outlet;
  }
  for (uint32_t speaker = 1; speaker < built->speakers().size(); ++speaker) {
    const uint32_t in_merged = merged->speakers().Find(built->speakers().value(speaker));
    ASSERT_NE(in_merged, 0u);
    EXPECT_EQ(*merged->SpeakerDocs(in_merged), *built->SpeakerDocs(speaker));
  }
  EXPECT_EQ(merged->FindDocument("p-0").size(), built->FindDocument("p-0").size());
}

TEST(SegmentLookupTest, ASpeakersClaimsInADateRangeAreThoseWhoseDayIsInIt) {
  // Claims of seven speakers over days from 1850 to 2150 (outside the
  // range of two-byte keys at both ends) and claims with no date.
  std::vector<v1::Claim> claims = ManyClaims(40, "r");
  for (size_t i = 0; i < claims.size(); ++i) {
    if (i % 11 == 3) continue;  // no statement date
    const int year = i % 13 == 0 ? 1850 + static_cast<int>(i % 3) : i % 17 == 0 ? 2150 : 2020 + static_cast<int>(i % 6);
    v1::Date* d = claims[i].mutable_statement_date();
    d->set_year(year);
    d->set_month(1 + static_cast<int>(i * 7 % 12));
    d->set_day(1 + static_cast<int>(i * 5 % 28));
  }
  std::vector<v1::Claim> first(claims.begin(), claims.begin() + 100), second(claims.begin() + 100, claims.end());
  const auto built = Segment::Build(Pointers(claims));
  const auto merged =
      Segment::Merge({Segment::Build(Pointers(first)), Segment::Build(Pointers(second))}, {nullptr, nullptr});
  v1::Date march_2021;
  march_2021.set_year(2021);
  march_2021.set_month(3);
  march_2021.set_day(15);
  const int32_t day_2021 = DayNumber(march_2021);
  std::vector<std::pair<int32_t, int32_t>> ranges = {
      {day_2021, day_2021 + 400},  {kNoDay, day_2021},         {day_2021, kNoDay},
      {-60000, -40000},            {day_2021 + 50000, kNoDay}, {-50000, day_2021 + 50000},
      {day_2021 + 5, day_2021 + 4},  {kNoDay, kNoDay}};
  for (size_t i : {5, 50, 150}) {  // ranges that end on a claim's day, and begin on it
    const int32_t day = DayNumber(claims[i].statement_date());
    ranges.insert(ranges.end(), {{day, day}, {day - 30, day}, {day, day + 30}});
  }
  size_t found_some = 0;
  for (const auto& segment : {built, merged}) {
    ASSERT_EQ(segment->size(), claims.size());
    for (uint32_t speaker = 1; speaker < segment->speakers().size(); ++speaker) {
      for (const auto& [from, to] : ranges) {
        std::vector<uint32_t> expected;
        for (uint32_t doc = 0; doc < segment->size(); ++doc) {
          if (segment->meta(doc).speaker == speaker && DayInRange(segment->meta(doc).statement_day, from, to)) {
            expected.push_back(doc);
          }
        }
        std::vector<uint32_t> got = {7777};  // appended to, not replaced
        segment->SpeakerDocsInDays(speaker, from, to, &got);
        ASSERT_FALSE(got.empty());
        EXPECT_EQ(got[0], 7777u);
        got.erase(got.begin());
        EXPECT_EQ(got, expected) << segment->speakers().value(speaker) << " " << from << ".." << to;
        found_some += !expected.empty();
      }
    }
  }
  EXPECT_GT(found_some, 40u);  // the ranges select claims at each end, not nothing
  std::vector<uint32_t> none;
  built->SpeakerDocsInDays(0, kNoDay, day_2021, &none);
  built->SpeakerDocsInDays(built->speakers().size() + 3, kNoDay, day_2021, &none);
  EXPECT_TRUE(none.empty());
}

TEST(SegmentLookupTest, DocumentsAndClaimHashesFindTheirClaims) {
  std::vector<v1::Claim> claims = {MakeClaim("a", 0), MakeClaim("b", 0), MakeClaim("a", 1), MakeClaim("c", 0),
                                   MakeClaim("b", 1)};
  const auto segment = Segment::Build(Pointers(claims));
  const auto ids = [&](absl::string_view doc) {
    const absl::Span<const uint32_t> found = segment->FindDocument(doc);
    return std::vector<uint32_t>(found.begin(), found.end());
  };
  EXPECT_EQ(ids("a"), (std::vector<uint32_t>{0, 2}));
  EXPECT_EQ(ids("b"), (std::vector<uint32_t>{1, 4}));
  EXPECT_EQ(ids("c"), (std::vector<uint32_t>{3}));
  EXPECT_TRUE(ids("d").empty());
  for (uint32_t doc = 0; doc < claims.size(); ++doc) {
    EXPECT_EQ(segment->FindClaimHash(StableHash64(claims[doc].claim_id())), doc);
  }
  EXPECT_EQ(segment->FindClaimHash(StableHash64("no such claim")), -1);
}

TEST(SegmentStoreTest, MergeDropsDeadClaimsFromTheStore) {
  const std::vector<v1::Claim> claims = ManyClaims(3, "d");
  const auto segment = Segment::Build(Pointers(claims));
  Roaring live;
  for (uint32_t doc = 0; doc < claims.size(); doc += 2) live.add(doc);
  const auto merged = Segment::Merge({segment}, {&live});
  std::vector<v1::Claim> kept;
  for (size_t i = 0; i < claims.size(); i += 2) kept.push_back(claims[i]);
  ExpectClaims(*merged, kept);
}

// `count` claims of their own documents, claim i saying text(i).
std::vector<v1::Claim> ClaimsSaying(int count, const std::function<std::string(int)>& text) {
  std::vector<v1::Claim> out;
  for (int i = 0; i < count; ++i) {
    v1::Claim c = MakeClaim(absl::StrCat("t", i), 0);
    c.set_text(text(i));
    out.push_back(std::move(c));
  }
  return out;
}

// Claim i says "tide" (i % 5) + 1 times, after i % 3 other words.
std::vector<v1::Claim> TideClaims(int count) {
  return ClaimsSaying(count, [](int i) {
    std::string text;
    for (int k = 0; k < i % 3; ++k) absl::StrAppend(&text, "ferry ");
    for (int k = 0; k <= i % 5; ++k) absl::StrAppend(&text, "tides rose ");
    return text;
  });
}

std::vector<uint16_t> ExpectedTidePositions(int i) {
  std::vector<uint16_t> out;
  for (int k = 0; k <= i % 5; ++k) out.push_back(static_cast<uint16_t>(i % 3 + 2 * k));
  return out;
}

TEST(SegmentPostingsTest, PositionsAndFrequenciesAcrossBlocksAndMerges) {
  const std::vector<v1::Claim> claims = TideClaims(700);  // several blocks of PostingList::kBlock and strides
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> stem = segment->StemPostings("tide");
  const std::optional<PostingList> exact = segment->ExactPostings("tides");
  ASSERT_TRUE(stem.has_value());
  ASSERT_TRUE(exact.has_value());
  ASSERT_EQ(stem->docs.size(), claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const auto positions = stem->PositionsAt(i);
    EXPECT_EQ(std::vector<uint16_t>(positions.begin(), positions.end()), ExpectedTidePositions(i)) << i;
    EXPECT_EQ(exact->tf(i), i % 5 + 1);
  }
  EXPECT_TRUE(exact->positions.empty());  // exact forms only score
  // Every third claim dropped: the merged list's blocks start elsewhere.
  Roaring live;
  for (uint32_t doc = 0; doc < claims.size(); ++doc) {
    if (doc % 3 != 1) live.add(doc);
  }
  const auto merged = Segment::Merge({segment, Segment::Build(Pointers(TideClaims(20)))}, {&live, nullptr});
  const std::optional<PostingList> m = merged->StemPostings("tide");
  ASSERT_TRUE(m.has_value());
  size_t k = 0;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (i % 3 == 1) continue;
    const auto positions = m->PositionsAt(k);
    EXPECT_EQ(std::vector<uint16_t>(positions.begin(), positions.end()), ExpectedTidePositions(i)) << i;
    ++k;
  }
  for (size_t i = 0; i < 20; ++i, ++k) {
    const auto positions = m->PositionsAt(k);
    EXPECT_EQ(std::vector<uint16_t>(positions.begin(), positions.end()), ExpectedTidePositions(i));
  }
  EXPECT_EQ(k, m->docs.size());
}

TEST(DocIdsTest, NarrowAndWideIdsSearchAlike) {
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < 1000; ++i) ids.push_back(i * 37 + (i > 500 ? 100000 : 0));  // one block spans the jump
  std::vector<uint16_t> narrow;
  std::vector<uint32_t> bases;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i % DocIds::kBlock == 0) bases.push_back(ids[i]);
    narrow.push_back(static_cast<uint16_t>(ids[i] - bases.back()));
  }
  // Only the blocks that do not straddle the jump fit 16 bits; check the
  // narrow view on a prefix that fits, the wide view on everything.
  const size_t fits = 3 * DocIds::kBlock;
  const DocIds n(narrow.data(), bases.data(), fits);
  const DocIds w(absl::MakeConstSpan(ids));
  for (size_t k = 0; k < fits; ++k) EXPECT_EQ(n[k], ids[k]);
  for (const DocIds* d : {&n, &w}) {
    EXPECT_EQ(d->LowerBound(0), 0u);
    EXPECT_EQ(d->LowerBound(37), 1u);
    EXPECT_EQ(d->LowerBound(38), 2u);
    EXPECT_EQ(d->LowerBound(38, 2), 2u);
    EXPECT_EQ(d->LowerBound(37 * 300, 5), 300u);
    EXPECT_EQ(d->LowerBound(37 * 300 + 1, 299), 301u);
    EXPECT_TRUE(d->Contains(37 * 200));
    EXPECT_FALSE(d->Contains(37 * 200 + 1));
  }
  EXPECT_EQ(n.LowerBound(UINT32_MAX), fits);
  EXPECT_EQ(w.LowerBound(ids[700]), 700u);
  EXPECT_EQ(w.LowerBound(UINT32_MAX, 10), ids.size());
}

// Narrow lists seek through their block bases and compare offsets eight at
// a time, wide ones gallop: every (doc, from) pair gives std::lower_bound's
// answer, with gaps inside blocks, gaps of more than 16 bits between
// blocks, offsets past 32,767 (signed order would misplace them), and a
// partial last block.
TEST(DocIdsTest, SeeksMatchLowerBoundEverywhere) {
  std::vector<uint32_t> ids;
  uint32_t id = 5;
  for (size_t i = 0; i < 9 * DocIds::kBlock + 77; ++i) {
    ids.push_back(id);
    const bool block_ends = (i + 1) % DocIds::kBlock == 0;
    id += block_ends && i % 3 == 0 ? 200000 : i % 128 == 60 ? 40000 : 1 + (i * 7919) % 13;
  }
  std::vector<uint16_t> narrow;
  std::vector<uint32_t> bases;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i % DocIds::kBlock == 0) bases.push_back(ids[i]);
    ASSERT_LE(ids[i] - bases.back(), UINT16_MAX);
    narrow.push_back(static_cast<uint16_t>(ids[i] - bases.back()));
  }
  const DocIds n(narrow.data(), bases.data(), ids.size());
  const DocIds w(absl::MakeConstSpan(ids));
  for (size_t from = 0; from <= ids.size(); from += 61) {
    for (uint32_t doc = 0; doc <= ids.back() + 2; doc += doc < 1000 || doc % 100000 < 3000 ? 1 : 997) {
      const size_t want = std::max<size_t>(from, std::lower_bound(ids.begin(), ids.end(), doc) - ids.begin());
      ASSERT_EQ(n.LowerBound(doc, from), want) << "narrow, doc " << doc << " from " << from;
      ASSERT_EQ(w.LowerBound(doc, from), want) << "wide, doc " << doc << " from " << from;
    }
    // Every id itself, and the one after it, from every position up to it.
    for (size_t k = from; k < ids.size(); k += 5) {
      ASSERT_EQ(n.LowerBound(ids[k], from), k) << "id " << ids[k] << " from " << from;
      ASSERT_EQ(n.LowerBound(ids[k] + 1, from), k + 1) << "after id " << ids[k] << " from " << from;
    }
  }
}

// IntersectDocIds gives std::set_intersection's ids for lists of very
// different lengths, narrow and wide, in any order, and stops early when
// a list runs out.
TEST(DocIdsTest, IntersectionMatchesSetIntersection) {
  struct Ids {
    std::vector<uint32_t> ids;
    std::vector<uint16_t> narrow;
    std::vector<uint32_t> bases;
    DocIds Narrow() const { return DocIds(narrow.data(), bases.data(), ids.size()); }
  };
  auto of = [](std::vector<uint32_t> ids) {
    Ids l;
    l.ids = std::move(ids);
    for (size_t i = 0; i < l.ids.size(); ++i) {
      if (i % DocIds::kBlock == 0) l.bases.push_back(l.ids[i]);
      l.narrow.push_back(static_cast<uint16_t>(l.ids[i] - l.bases.back()));
    }
    return l;
  };
  auto make = [&of](uint32_t step, uint32_t count, uint32_t shift) {
    std::vector<uint32_t> ids;
    for (uint32_t i = 0; i < count; ++i) ids.push_back(shift + i * step + (i * 7919) % step);
    return of(ids);
  };
  const Ids dense = make(2, 20000, 0), sparse = make(37, 900, 5), sparser = make(301, 90, 1), tail = make(3, 50, 0);
  auto expected = [](std::vector<const std::vector<uint32_t>*> lists) {
    std::vector<uint32_t> got = *lists[0];
    for (size_t l = 1; l < lists.size(); ++l) {
      std::vector<uint32_t> next;
      std::set_intersection(got.begin(), got.end(), lists[l]->begin(), lists[l]->end(), std::back_inserter(next));
      got = next;
    }
    return got;
  };
  // The ids, and with them each id's index in every list.
  auto intersect = [](std::initializer_list<const DocIds*> init, std::vector<uint32_t>* got) {
    const std::vector<const DocIds*> lists(init);
    const size_t first = got->size();
    std::vector<uint32_t> plain = *got;
    IntersectDocIds(lists, &plain);
    std::vector<uint32_t> indexes;
    IntersectDocIds(lists, got, &indexes);
    EXPECT_EQ(*got, plain);
    ASSERT_EQ(indexes.size(), (got->size() - first) * lists.size());
    for (size_t i = first; i < got->size(); ++i) {
      for (size_t l = 0; l < lists.size(); ++l) {
        ASSERT_EQ((*lists[l])[indexes[(i - first) * lists.size() + l]], (*got)[i]) << "list " << l;
      }
    }
  };
  const DocIds d = dense.Narrow(), s = sparse.Narrow(), r = sparser.Narrow(), t = tail.Narrow();
  const DocIds wide(absl::MakeConstSpan(sparse.ids));
  std::vector<uint32_t> got;
  intersect({&d, &s}, &got);
  EXPECT_EQ(got, expected({&dense.ids, &sparse.ids}));
  EXPECT_GT(got.size(), 100u);  // the case is not trivial
  got.clear();
  intersect({&r, &wide, &d}, &got);
  EXPECT_EQ(got, expected({&sparser.ids, &sparse.ids, &dense.ids}));
  got.clear();
  intersect({&s, &t}, &got);  // the tail list ends long before the sparse one
  EXPECT_EQ(got, expected({&sparse.ids, &tail.ids}));
  got.clear();
  intersect({&wide, &d}, &got);  // a wide list's ids sought in a narrow one
  EXPECT_EQ(got, expected({&sparse.ids, &dense.ids}));
  // Blocks far apart: the shorter list's ids fall before the first block,
  // in blocks, past a block's last offset and before the next block's
  // first id, and more than 65,535 past a block's first id.
  std::vector<uint32_t> far_ids, probe_ids = {0, 500};
  for (uint32_t i = 0; i < 10 * DocIds::kBlock; ++i) {
    far_ids.push_back(i / DocIds::kBlock * 200000 + i % DocIds::kBlock * 5 + 1000);
  }
  for (size_t i = 0; i < far_ids.size(); ++i) {
    if (i % 3 == 0) probe_ids.push_back(far_ids[i]);
    if (i % DocIds::kBlock != 127) continue;
    // Odd blocks: 65,536 past the block's last id, which a 16-bit offset
    // from the block's first id would take for the last id itself.
    const bool odd = i / DocIds::kBlock % 2 == 1;
    probe_ids.insert(probe_ids.end(), {far_ids[i] + (odd ? 65536 : 1), far_ids[i] + 70000});
  }
  std::sort(probe_ids.begin(), probe_ids.end());
  const Ids far = of(far_ids);
  const DocIds f = far.Narrow(), p(absl::MakeConstSpan(probe_ids));  // the probe's blocks span too far for offsets
  got.clear();
  intersect({&f, &p}, &got);
  EXPECT_EQ(got, expected({&probe_ids, &far.ids}));
  EXPECT_EQ(got.size(), (far_ids.size() + 2) / 3);
  // Lists of comparable lengths merge four ids against four, with tails
  // of fewer than four; narrow and wide, in either order.
  const Ids thirds = make(3, 5001, 0), fifths = make(5, 3003, 1);
  const DocIds th = thirds.Narrow(), fi = fifths.Narrow(), fi_wide(absl::MakeConstSpan(fifths.ids));
  for (auto lists : {std::pair{&th, &fi}, std::pair{&fi, &th}, std::pair{&th, &fi_wide}, std::pair{&fi_wide, &th}}) {
    got.clear();
    intersect({lists.first, lists.second}, &got);
    EXPECT_EQ(got, expected({&thirds.ids, &fifths.ids}));
    EXPECT_GT(got.size(), 300u);
  }
  got.clear();
  intersect({&th, &th}, &got);  // every id matches, in every lane
  EXPECT_EQ(got, thirds.ids);
  got = {7};
  intersect({&d}, &got);  // one list: all of it, appended
  EXPECT_EQ(got.size(), dense.ids.size() + 1);
  EXPECT_EQ(got[1], dense.ids[0]);
}

v1::Claim Saying(const std::string& id, const std::string& text) {
  v1::Claim c;
  c.set_doc_id(id);
  c.set_claim_id(id);
  c.set_text(text);
  return c;
}

// Each occurrence of a word without a NeighbourCode keeps its neighbours'
// bytes (NeighbourByte: the code of a coded word, a hashed byte of any
// other), in the order of its positions; the coded words' lists and pair
// lists keep none; a merge keeps them with their claims, dropping the
// dead.
TEST(SegmentPostingsTest, WordsKeepTheirNeighboursBytesThroughMerges) {
  const uint8_t the = NeighbourCode("the"), of = NeighbourCode("of");
  ASSERT_NE(the, 0);
  ASSERT_NE(of, 0);
  ASSERT_NE(the, of);
  EXPECT_EQ(NeighbourCode("minist"), 0);
  const uint8_t said_byte = NeighbourByte(Stem("said")), harbour = NeighbourByte(Stem("harbour"));
  const uint8_t minister_byte = NeighbourByte(Stem("minister"));
  EXPECT_EQ(NeighbourByte("the"), the);
  for (const uint8_t hashed : {said_byte, harbour, minister_byte}) EXPECT_GE(hashed, 16);
  auto entry = [](uint8_t before, uint8_t after) { return static_cast<uint16_t>(before | after << 8); };
  const std::vector<v1::Claim> first = {Saying("a", "The minister said the minister of the port was away."),
                                        Saying("b", "Minister!")};
  const std::vector<v1::Claim> second = {Saying("c", "Harbour minister the")};
  const std::vector<uint16_t> in_a = {entry(the, said_byte), entry(the, of)}, in_b = {0},
                              in_c = {entry(harbour, the)};
  // `minister` holds, by document, the bytes expected of each occurrence.
  const auto check = [&](const Segment& seg, const std::vector<std::vector<uint16_t>>& minister) {
    const std::optional<PostingList> list = seg.StemPostings(Stem("minister"));
    ASSERT_TRUE(list.has_value());
    ASSERT_EQ(list->docs.size(), minister.size());
    for (size_t k = 0; k < minister.size(); ++k) {
      const absl::Span<const uint16_t> codes = list->NeighboursAt(k);
      EXPECT_EQ(std::vector<uint16_t>(codes.begin(), codes.end()), minister[k]) << k;
    }
    const std::optional<PostingList> said = seg.StemPostings(Stem("said"));
    ASSERT_TRUE(said.has_value());
    EXPECT_EQ(said->NeighboursAt(0)[0], entry(minister_byte, the));
    EXPECT_TRUE(seg.StemPostings("the")->neighbours.empty());
    EXPECT_TRUE(seg.StemPostings(PairTerm("of", "the"))->neighbours.empty());
  };
  check(*Segment::Build(Pointers(first)), {in_a, in_b});
  Roaring live_first;
  live_first.add(0);  // "b" died
  const auto merged = Segment::Merge({Segment::Build(Pointers(first)), Segment::Build(Pointers(second))},
                                     {&live_first, nullptr});
  check(*merged, {in_a, in_c});
}

// A block's neighbour mask (PostingList::NeighbourMask) sets a claim's bit
// when any of its occurrences has the byte asked for on the side asked for:
// runs of 1 to 90 occurrences, crossing the 64-bit words of occurrence
// bits, against each claim's bytes read one by one.
TEST(SegmentPostingsTest, NeighbourMasksMatchEachClaimsBytes) {
  const std::vector<v1::Claim> claims = ClaimsSaying(300, [](int i) {
    std::string text;
    const int tf = 1 + (i * 37) % 90;
    for (int o = 0; o < tf; ++o) {
      absl::StrAppend(&text, (i * 3 + o * 7) % 11 == 0 && i % 4 != 0 ? "the " : "port ", "minister ");
    }
    return text;
  });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> list = segment->StemPostings(Stem("minister"));
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->docs.size(), claims.size());
  const uint8_t the = NeighbourCode("the");
  int hits = 0;
  for (size_t b = 0; b * PostingList::kBlock < list->docs.size(); ++b) {
    const std::array<uint64_t, 2> mask = list->NeighbourMask(b, the, /*previous=*/true);
    for (size_t j = 0; j < PostingList::kBlock && b * PostingList::kBlock + j < list->docs.size(); ++j) {
      const size_t k = b * PostingList::kBlock + j;
      bool want = list->tf(k) >= PostingList::kMaxOccurrences;
      for (const uint16_t codes : list->NeighboursAt(k)) want |= PostingList::NeighbourOf(codes, true) == the;
      EXPECT_EQ((mask[j / 64] >> (j % 64)) & 1, want ? 1u : 0u) << "claim " << k << ", " << list->tf(k) << " times";
      hits += want;
    }
  }
  EXPECT_GT(hits, 50);
  EXPECT_LT(hits, 250);
}

TEST(SegmentPostingsTest, ListsWhoseBlocksSpanFarAreKeptWide) {
  // "beacon" in the first and the last of 70,000 claims: one block spanning
  // more than 16 bits; "tide" in every claim: narrow.
  const std::vector<v1::Claim> claims =
      ClaimsSaying(70000, [](int i) { return i == 0 || i == 69999 ? "tide and beacon" : "tide"; });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> beacon = segment->StemPostings("beacon");
  const std::optional<PostingList> tide = segment->StemPostings("tide");
  ASSERT_TRUE(beacon.has_value());
  ASSERT_TRUE(tide.has_value());
  ASSERT_EQ(beacon->docs.size(), 2u);
  EXPECT_EQ(beacon->docs[0], 0u);
  EXPECT_EQ(beacon->docs[1], 69999u);
  ASSERT_EQ(tide->docs.size(), 70000u);
  for (uint32_t k = 0; k < 70000; k += 997) EXPECT_EQ(tide->docs[k], k);
  EXPECT_EQ(tide->docs.LowerBound(69999), 69999u);
  // Per claim of the long list: a 2-byte id (4 if wide), a 1-byte
  // position and its neighbours' 2 bytes; its frequencies, all 1, take no
  // bytes.
  EXPECT_LT(segment->MemoryUsage().postings, 70000u * 6);
}

TEST(SegmentPostingsTest, BlocksOfSingleOccurrencesStoreNoFrequencies) {
  // "ferry" once per claim in the first two blocks, twice in claim 300
  // (third block) and once elsewhere; "quay" always once.
  const std::vector<v1::Claim> claims =
      ClaimsSaying(400, [](int i) { return i == 300 ? "ferry quay ferry" : "ferry quay"; });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> ferry = segment->StemPostings("ferri");
  const std::optional<PostingList> quay = segment->StemPostings("quay");
  ASSERT_TRUE(ferry.has_value());
  ASSERT_TRUE(quay.has_value());
  for (size_t k = 0; k < claims.size(); ++k) {
    EXPECT_EQ(ferry->tf(k), k == 300 ? 2u : 1u) << k;
    EXPECT_EQ(quay->tf(k), 1u);
    const auto positions = ferry->PositionsAt(k);
    EXPECT_EQ(std::vector<uint8_t>(positions.begin(), positions.end()),
              k == 300 ? (std::vector<uint8_t>{0, 2}) : (std::vector<uint8_t>{0}));
  }
  EXPECT_EQ(ferry->block_tfs[0], PostingList::kAllOnes);
  EXPECT_NE(ferry->block_tfs[2], PostingList::kAllOnes);
  for (uint32_t at : quay->block_tfs) EXPECT_EQ(at, PostingList::kAllOnes);
}

// A block's bounds keep its shortest claim and, apart, its shortest claim
// repeating the word, so a long claim repeating it does not make the whole
// block look like a short claim repeating it.
// Values keep their ids through growth (the id set rehashes through the
// values buffer); the empty value is id 0 and is never stored.
TEST(DictionaryTest, InternsEachValueOnceAndFindsItById) {
  Dictionary d;
  EXPECT_EQ(d.Intern(""), 0u);
  EXPECT_EQ(d.size(), 1u);
  std::vector<uint32_t> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(d.Intern(absl::StrCat("doc-", i, "-of-a-long-enough-id")));
  for (int i = 0; i < 5000; ++i) {
    const std::string value = absl::StrCat("doc-", i, "-of-a-long-enough-id");
    EXPECT_EQ(ids[i], static_cast<uint32_t>(i + 1));
    EXPECT_EQ(d.Intern(value), ids[i]);
    EXPECT_EQ(d.Find(value), ids[i]);
    EXPECT_EQ(d.value(ids[i]), value);
  }
  EXPECT_EQ(d.size(), 5001u);
  EXPECT_EQ(d.Find("doc-5000-of-a-long-enough-id"), 0u);
  EXPECT_EQ(d.Find(""), 0u);
  EXPECT_EQ(d.value(0), "");
  EXPECT_EQ(d.Intern("a"), 5001u);  // short values too
  EXPECT_EQ(d.value(5001), "a");
}

TEST(SegmentPostingsTest, BlocksBoundFrequencyAndLengthTogether) {
  const std::vector<v1::Claim> claims = ClaimsSaying(300, [](int i) {
    if (i == 5) return "ferry";                                               // block 0: the shortest
    if (i == 7) return "ferry ferry ferry and a long tail of words after it";  // block 0: thrice, 11 words
    if (i == 9) return "ferry ferry again now";                              // block 0: twice, 4 words
    if (i == 140) return "ferry ferry";                                       // block 1: short and repeating
    return "ferry crews at the quay";
  });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> ferry = segment->StemPostings("ferri");
  ASSERT_TRUE(ferry.has_value());
  ASSERT_EQ(ferry->block_max_tf.size(), 3u);
  EXPECT_EQ(ferry->block_max_tf[0], 3);
  EXPECT_EQ(ferry->block_min_length[0], 1);
  EXPECT_EQ(ferry->block_min_repeat_length[0], 4);
  EXPECT_EQ(ferry->block_min_thrice_length[0], 11);
  EXPECT_EQ(ferry->block_max_tf[1], 2);
  EXPECT_EQ(ferry->block_min_repeat_length[1], 2);
  EXPECT_EQ(ferry->block_min_thrice_length[1], UINT16_MAX);
  EXPECT_EQ(ferry->block_max_tf[2], 1);
  EXPECT_EQ(ferry->block_min_length[2], 5);
  EXPECT_EQ(ferry->block_min_repeat_length[2], UINT16_MAX);
  // Merging rebuilds the same bounds.
  const auto merged = Segment::Merge({segment}, {nullptr});
  const std::optional<PostingList> again = merged->StemPostings("ferri");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(std::vector<uint16_t>(again->block_min_repeat_length.begin(), again->block_min_repeat_length.end()),
            std::vector<uint16_t>(ferry->block_min_repeat_length.begin(), ferry->block_min_repeat_length.end()));
  EXPECT_EQ(std::vector<uint16_t>(again->block_min_thrice_length.begin(), again->block_min_thrice_length.end()),
            std::vector<uint16_t>(ferry->block_min_thrice_length.begin(), ferry->block_min_thrice_length.end()));
}

TEST(SegmentPostingsTest, AWordRepeatedBeyondTheCapKeepsItsFirstOccurrences) {
  v1::Claim c = MakeClaim("long", 0);
  std::string text;
  for (int k = 0; k < 300; ++k) absl::StrAppend(&text, "echo ");
  c.set_text(text + "done");
  const auto segment = Segment::Build({&c});
  const std::optional<PostingList> list = segment->StemPostings("echo");
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->tf(0), PostingList::kMaxOccurrences);
  const auto positions = list->PositionsAt(0);
  ASSERT_EQ(positions.size(), PostingList::kMaxOccurrences);
  EXPECT_EQ(positions.front(), 0);
  EXPECT_EQ(positions.back(), PostingList::kMaxOccurrences - 1);
  ASSERT_TRUE(segment->StemPostings("done").has_value());
  EXPECT_EQ(segment->StemPostings("done")->PositionsAt(0)[0], 300 % 256);  // positions are kept modulo 256
}

// A block's neighbour mask marks exactly the claims with the byte beside
// an occurrence, worked out here from the words each claim was written
// with (coded function words and hashed others): in blocks of single
// occurrences (compared 16 entries at a time, with a shorter tail) and in
// blocks with repeats, where a claim repeating the word beyond the cap is
// always marked.
TEST(SegmentPostingsTest, NeighbourMasksMarkTheClaimsWithTheCodeBesideTheWord) {
  const char* const kBefore[] = {"the", "a", "of", "new", "in", "old"};
  const char* const kAfter[] = {"of", "to", "is", "ferry", "at", "as"};
  std::vector<std::vector<std::pair<std::string, std::string>>> around;  // claim -> (before, after) per occurrence
  uint32_t x = 11;
  const auto claims = ClaimsSaying(1000, [&](int i) {
    // Blocks 0-2 (claims 0-383) and the last hold single occurrences; block
    // 3 repeats the word in every 9th claim, and claim 700 300 times.
    const int times = i == 700 ? 300 : (i >= 384 && i < 512 && i % 9 == 0) ? 2 : 1;
    std::vector<std::pair<std::string, std::string>> occurrences;
    std::string text = "report";
    for (int t = 0; t < times; ++t) {
      x = x * 1103515245u + 12345u;
      const std::string before = kBefore[(x >> 16) % 6], after = kAfter[(x >> 20) % 6];
      occurrences.emplace_back(before, after);
      absl::StrAppend(&text, " ", before, " harbour ", after, " ", t % 2 == 0 ? "dawn" : "dusk");
    }
    around.push_back(occurrences);
    return text;
  });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> list = segment->StemPostings("harbour");
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->docs.size(), claims.size());
  ASSERT_EQ(list->block_tfs[0], PostingList::kAllOnes);
  ASSERT_NE(list->block_tfs[3], PostingList::kAllOnes);
  int marked = 0;
  for (size_t b = 0; b * PostingList::kBlock < claims.size(); ++b) {
    std::vector<uint8_t> bytes = {NeighbourByte("new"), NeighbourByte("old"), NeighbourByte(Stem("ferry")), 0};
    for (uint8_t code = 1; code <= 15; ++code) bytes.push_back(code);
    for (const uint8_t code : bytes) {
      for (const bool previous : {true, false}) {
        const std::array<uint64_t, 2> mask = list->NeighbourMask(b, code, previous);
        for (size_t j = 0; j < PostingList::kBlock; ++j) {
          const size_t i = b * PostingList::kBlock + j;
          bool want = i == 700;
          for (size_t o = 0; i < claims.size() && o < around[i].size(); ++o) {
            want |= NeighbourByte(Stem(previous ? around[i][o].first : around[i][o].second)) == code;
          }
          const bool got = (mask[j / 64] >> (j % 64)) & 1;
          EXPECT_EQ(got, want) << "claim " << i << " code " << int{code} << (previous ? " before" : " after");
          marked += got;
        }
      }
    }
  }
  EXPECT_GT(marked, 1000);
}

TEST(SegmentPostingsTest, TermsWhoseClaimsAllDiedLeaveNoListAfterAMerge) {
  std::vector<v1::Claim> claims = {MakeClaim("a", 0), MakeClaim("b", 0)};
  claims[0].set_text("Only this claim mentions lighthouses.");
  claims[1].set_text("The other one is about tides.");
  Roaring live;
  live.add(1);
  const auto segment = Segment::Build(Pointers(claims));
  ASSERT_TRUE(segment->StemPostings("lighthous").has_value());
  const auto merged = Segment::Merge({segment}, {&live});
  EXPECT_FALSE(merged->StemPostings("lighthous").has_value());
  EXPECT_TRUE(merged->StemPostings("tide").has_value());
}

// Every term's list, as (doc, tf, positions, neighbour codes) per posting,
// or empty when the term has no list.
std::vector<std::string> Postings(const std::optional<PostingList>& list) {
  std::vector<std::string> out;
  if (!list.has_value()) return out;
  for (size_t i = 0; i < list->docs.size(); ++i) {
    std::string p = absl::StrCat(list->docs[i], ":", list->tf(i), ":");
    if (!list->positions.empty()) {
      for (uint8_t pos : list->PositionsAt(i)) absl::StrAppend(&p, pos, ",");
    }
    if (!list->neighbours.empty()) {
      for (uint16_t code : list->NeighboursAt(i)) absl::StrAppend(&p, "n", code, ",");
    }
    out.push_back(p);
  }
  if (list->repeats_kept) {
    std::string r = "repeats:";
    for (size_t i = 0; i < list->repeats.size(); ++i) absl::StrAppend(&r, list->repeats[i], ",");
    out.push_back(r);
  }
  return out;
}

// A list's repeats are the claims whose frequency is over 1, kept when
// they are at most one in PostingList::kRepeatShare of the list.
void ExpectRepeatsMatchFrequencies(const PostingList& list) {
  std::vector<uint32_t> want;
  for (size_t i = 0; i < list.docs.size(); ++i) {
    if (list.tf(i) > 1) want.push_back(list.docs[i]);
  }
  EXPECT_EQ(list.repeats_kept, want.size() * PostingList::kRepeatShare <= list.docs.size());
  if (!list.repeats_kept) return;
  std::vector<uint32_t> got;
  for (size_t i = 0; i < list.repeats.size(); ++i) got.push_back(list.repeats[i]);
  EXPECT_EQ(got, want);
}

// Expects `a` and `b` to hold the same lists for every term that the words
// of `vocabulary` can produce (folded forms, stems, function-word pairs),
// and as many terms.
void ExpectSamePostings(const Segment& a, const Segment& b, const std::vector<std::string>& vocabulary) {
  std::vector<std::string> stems, exact;
  for (const std::string& word : vocabulary) {
    const std::string term = FoldForMatching(word);
    stems.push_back(Stem(term));
    exact.push_back(term);
  }
  for (const std::string& first : vocabulary) {
    for (const std::string& second : vocabulary) {
      if (IsFunctionWord(FoldForMatching(first)) && IsFunctionWord(FoldForMatching(second))) {
        stems.push_back(PairTerm(Stem(FoldForMatching(first)), Stem(FoldForMatching(second))));
      }
    }
  }
  size_t lists = 0;
  for (const std::string& stem : stems) {
    EXPECT_EQ(Postings(a.StemPostings(stem)), Postings(b.StemPostings(stem))) << "stem " << stem;
    lists += a.StemPostings(stem).has_value();
    if (a.StemPostings(stem).has_value()) ExpectRepeatsMatchFrequencies(*a.StemPostings(stem));
  }
  for (const std::string& term : exact) {
    EXPECT_EQ(Postings(a.ExactPostings(term)), Postings(b.ExactPostings(term))) << "exact " << term;
    if (a.ExactPostings(term).has_value()) ExpectRepeatsMatchFrequencies(*a.ExactPostings(term));
  }
  EXPECT_GT(lists, 0u);
  EXPECT_EQ(a.term_count(), b.term_count());
}

// Claims over a slice of `vocabulary` (words from `first`, `count` of
// them), so that batches share some terms and not others.
std::vector<v1::Claim> VocabularyClaims(const std::string& prefix, int claims,
                                        const std::vector<std::string>& vocabulary, size_t first, size_t count) {
  std::vector<v1::Claim> out;
  uint32_t x = static_cast<uint32_t>(first * 7919 + count);
  for (int i = 0; i < claims; ++i) {
    v1::Claim c = MakeClaim(absl::StrCat(prefix, i / 4), i % 4);
    std::string text;
    for (int w = 0; w < 12; ++w) {
      x = x * 1103515245u + 12345u;
      absl::StrAppend(&text, w == 0 ? "" : " ", vocabulary[(first + (x >> 16) % count) % vocabulary.size()]);
    }
    c.set_text(text);
    out.push_back(std::move(c));
  }
  return out;
}

const std::vector<std::string>& MixedVocabulary() {
  // Plain words, words whose exact form differs from the stem, capitals and
  // accents, function words that pair up, and a word of a combining mark
  // alone (its folded term is empty).
  static const auto* words = new std::vector<std::string>{
      "harbour", "Harbours", "ferries", "ferry",  "of",     "the",   "The",    "in",     "to",       "and",
      "rivers",  "café",     "Cafes",   "zinc",   "Álamo",  "warned", "warns", "budget", "\xcc\x81", "at",
      "aardvark", "quay",    "quays",   "minister", "ministers", "was", "it",    "bridge", "tolls",    "tolled"};
  return *words;
}

// Lists keep the claims repeating their word when few do ("ferry": 3 of
// 300 claims, over three blocks), not when many do ("quay": every other
// claim), and a merge keeps the same ones, renumbered.
TEST(SegmentPostingsTest, ListsKeepTheClaimsRepeatingTheirWordWhenFewDo) {
  const std::vector<v1::Claim> claims = ClaimsSaying(300, [](int i) {
    std::string text = i % 2 == 0 ? "ferry crews at the quay and the quay" : "ferry crews at the quay";
    if (i == 7 || i == 140 || i == 299) text += " ferry";
    return text;
  });
  const auto segment = Segment::Build(Pointers(claims));
  const std::optional<PostingList> ferry = segment->StemPostings("ferri");
  const std::optional<PostingList> quay = segment->StemPostings("quay");
  ASSERT_TRUE(ferry.has_value() && quay.has_value());
  ASSERT_TRUE(ferry->repeats_kept);
  ASSERT_EQ(ferry->repeats.size(), 3u);
  EXPECT_EQ(ferry->repeats[0], 7u);
  EXPECT_EQ(ferry->repeats[1], 140u);
  EXPECT_EQ(ferry->repeats[2], 299u);
  ExpectRepeatsMatchFrequencies(*ferry);
  EXPECT_FALSE(quay->repeats_kept);
  ExpectRepeatsMatchFrequencies(*quay);
  // Behind 300 other claims in a merge.
  std::vector<v1::Claim> others = ClaimsSaying(300, [](int) { return std::string("gulls over the ferry"); });
  for (v1::Claim& c : others) {
    c.set_doc_id("o" + c.doc_id());
    c.set_claim_id("o" + c.claim_id());
  }
  const auto merged = Segment::Merge({Segment::Build(Pointers(others)), segment}, {nullptr, nullptr});
  const std::optional<PostingList> again = merged->StemPostings("ferri");
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(again->repeats_kept);
  ASSERT_EQ(again->repeats.size(), 3u);
  EXPECT_EQ(again->repeats[0], 307u);
  EXPECT_EQ(again->repeats[2], 599u);
  ExpectRepeatsMatchFrequencies(*again);
}

TEST(SegmentPostingsTest, MergedListsEqualThoseOfOneSegmentBuiltFromTheSameClaims) {
  const std::vector<std::string>& vocabulary = MixedVocabulary();
  // Three batches with overlapping slices of the vocabulary; the second
  // loses some claims, among them every claim of some of its terms.
  const std::vector<v1::Claim> a = VocabularyClaims("a", 150, vocabulary, 0, 12);
  const std::vector<v1::Claim> b = VocabularyClaims("b", 40, vocabulary, 8, 6);
  const std::vector<v1::Claim> c = VocabularyClaims("c", 300, vocabulary, 10, 20);
  Roaring b_live;
  for (uint32_t doc = 0; doc < b.size(); ++doc) {
    if (doc % 3 == 0) b_live.add(doc);
  }
  const auto merged = Segment::Merge(
      {Segment::Build(Pointers(a)), Segment::Build(Pointers(b)), Segment::Build(Pointers(c))},
      {nullptr, &b_live, nullptr});
  std::vector<v1::Claim> live = a;
  for (uint32_t doc = 0; doc < b.size(); ++doc) {
    if (b_live.contains(doc)) live.push_back(b[doc]);
  }
  live.insert(live.end(), c.begin(), c.end());
  const auto built = Segment::Build(Pointers(live));
  ExpectSamePostings(*merged, *built, vocabulary);
  // And once more, merged again with a segment of its own.
  const std::vector<v1::Claim> d = VocabularyClaims("d", 30, vocabulary, 25, 5);
  live.insert(live.end(), d.begin(), d.end());
  ExpectSamePostings(*Segment::Merge({merged, Segment::Build(Pointers(d))}, {nullptr, nullptr}),
                     *Segment::Build(Pointers(live)), vocabulary);
}

// A merge gives up once its cancel flag is set (the index's compaction,
// when ingest resumes), and merges in full while it is not.
TEST(SegmentPostingsTest, AMergeGivesUpOnceCancelled) {
  const std::vector<v1::Claim> a = TideClaims(300);
  const std::vector<v1::Claim> b = TideClaims(20);
  const auto first = Segment::Build(Pointers(a));
  const auto second = Segment::Build(Pointers(b));
  std::atomic<bool> cancel{true};
  EXPECT_EQ(Segment::Merge({first, second}, {nullptr, nullptr}, nullptr, &cancel), nullptr);
  cancel = false;
  const auto merged = Segment::Merge({first, second}, {nullptr, nullptr}, nullptr, &cancel);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->size(), a.size() + b.size());
}

// Terms are kept in byte order whatever their script: a merge walks its
// inputs' terms side by side, and a term out of order in one input would be
// filed twice, its postings in the other input lost.
TEST(SegmentPostingsTest, TermsOfEveryScriptMergeInByteOrder) {
  const std::vector<std::string> vocabulary = {"мир", "zebra", "ωμέγα", "quay", "Zürich", "中文", "zulu", "éclair"};
  const std::vector<v1::Claim> a = VocabularyClaims("a", 30, vocabulary, 0, vocabulary.size());
  std::vector<v1::Claim> b = VocabularyClaims("b", 20, vocabulary, 1, 3);
  b.push_back(MakeClaim("b-last", 0));
  b.back().set_text("zebra zulu quay");
  const auto merged = Segment::Merge({Segment::Build(Pointers(a)), Segment::Build(Pointers(b))}, {nullptr, nullptr});
  std::vector<v1::Claim> all = a;
  all.insert(all.end(), b.begin(), b.end());
  ExpectSamePostings(*merged, *Segment::Build(Pointers(all)), vocabulary);
  ASSERT_TRUE(merged->StemPostings("zebra").has_value());
  EXPECT_GT(merged->StemPostings("zebra")->docs.size(), 0u);
}

TEST(WordCacheTest, AWordAsWrittenIsAnalysedAsItsFoldedForm) {
  WordCache cache;
  for (int round = 0; round < 2; ++round) {  // worked out, then remembered
    for (const std::string& word : MixedVocabulary()) {
      const WordCache::Word& w = cache.Analyze(word);
      const std::string term = FoldForMatching(word);
      EXPECT_EQ(cache.stems().value(w.stem), Stem(term)) << word;
      EXPECT_EQ(w.exact == WordCache::kSameAsStem ? Stem(term) : std::string(cache.exacts().value(w.exact)), term);
      EXPECT_EQ(w.function, IsFunctionWord(term)) << word;
      EXPECT_EQ(NeighbourCodeOfByte(w.byte), NeighbourCode(Stem(term))) << word;
      EXPECT_EQ(w.byte, NeighbourByte(Stem(term))) << word;
    }
  }
  // A pair's term is interned among the stems once, apart from both words.
  const WordCache::Word of = cache.Analyze("Of"), the = cache.Analyze("the");
  const uint32_t pair = cache.Pair(of, the);
  EXPECT_EQ(cache.stems().value(pair), PairTerm("of", "the"));
  EXPECT_NE(pair, of.stem);
  EXPECT_NE(pair, the.stem);
  // (Analyze's reference holds until the next call: each word is copied.)
  const WordCache::Word upper_of = cache.Analyze("OF");
  const WordCache::Word upper_the = cache.Analyze("The");
  EXPECT_EQ(cache.Pair(upper_of, upper_the), pair);
  EXPECT_NE(cache.Pair(the, of), pair);
}

}  // namespace
}  // namespace claims::query
