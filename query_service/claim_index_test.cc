#include "query_service/claim_index.h"
#include "query_service/query_parser.h"
#include "query_service/tokenizer.h"

#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::Date Day(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

v1::Claim MakeClaim(const std::string& doc, int n, const std::string& text, const std::string& speaker,
                    const std::string& outlet, v1::ClaimKind kind = v1::CLAIM_KIND_DIRECT, v1::Date date = {}) {
  v1::Claim c;
  c.set_claim_id(absl::StrCat("c-", doc, "-", n));
  c.set_doc_id(doc);
  c.set_text(text);
  c.set_kind(kind);
  std::string id = speaker;
  for (char& ch : id) ch = ch == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  c.mutable_speaker()->set_speaker_id(id);
  c.mutable_speaker()->set_canonical_name(speaker);
  c.mutable_speaker()->set_mention(speaker.substr(speaker.find(' ') + 1));
  c.mutable_speaker()->set_type(v1::SPEAKER_TYPE_PERSON);
  c.mutable_source()->set_outlet(outlet);
  *c.mutable_statement_date() = date;
  return c;
}

google::protobuf::RepeatedPtrField<v1::DocumentClaims> Batch(std::vector<std::vector<v1::Claim>> docs) {
  google::protobuf::RepeatedPtrField<v1::DocumentClaims> batch;
  for (auto& claims : docs) {
    v1::DocumentClaims* d = batch.Add();
    d->set_doc_id(claims.front().doc_id());
    for (auto& c : claims) *d->add_claims() = std::move(c);
  }
  return batch;
}

std::vector<std::string> Ids(const v1::SearchClaimsResponse& r) {
  std::vector<std::string> ids;
  for (const v1::Claim& c : r.claims()) ids.push_back(c.claim_id());
  return ids;
}

// The same claims in the same order with the same scores (a fast path's
// page against one that scores every match).
void ExpectSameRanking(const v1::SearchClaimsResponse& a, const v1::SearchClaimsResponse& b) {
  EXPECT_EQ(Ids(a), Ids(b));
  ASSERT_EQ(a.hits_size(), b.hits_size());
  for (int i = 0; i < a.hits_size(); ++i) EXPECT_FLOAT_EQ(a.hits(i).score(), b.hits(i).score());
}

v1::SearchClaimsResponse Search(const ClaimIndex& index, v1::SearchClaimsRequest request) {
  absl::StatusOr<v1::SearchClaimsResponse> r = index.Search(request);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : v1::SearchClaimsResponse();
}

// `request` as it is and with a filter on `speakers` that every claim of
// the index passes: the filter sends the search down the path that scores
// every match, for comparing a fast path's page and total with it.
std::pair<v1::SearchClaimsResponse, v1::SearchClaimsResponse> SearchFastAndExhaustive(
    const ClaimIndex& index, const v1::SearchClaimsRequest& request, std::initializer_list<const char*> speakers) {
  v1::SearchClaimsRequest exhaustive = request;
  for (const char* id : speakers) exhaustive.mutable_filter()->add_speaker_ids(id);
  return {Search(index, request), Search(index, exhaustive)};
}

// The first `pages` pages of `request` and of the same request counting
// every match (exact_total, so nothing is skipped), each pair handed to
// check(fast, exact, page), each search following its own cursor.
void ForEachPageFastAndExact(
    const ClaimIndex& index, v1::SearchClaimsRequest fast, int pages,
    absl::FunctionRef<void(const v1::SearchClaimsResponse&, const v1::SearchClaimsResponse&, int)> check) {
  v1::SearchClaimsRequest exact = fast;
  exact.set_exact_total(true);
  for (int page = 0; page < pages; ++page) {
    SCOPED_TRACE(page);
    const v1::SearchClaimsResponse a = Search(index, fast);
    const v1::SearchClaimsResponse b = Search(index, exact);
    check(a, b, page);
    fast.set_page_token(a.next_page_token());
    exact.set_page_token(b.next_page_token());
  }
}

// The ids of every result, following the cursor page after page.
std::vector<std::string> AllPages(const ClaimIndex& index, v1::SearchClaimsRequest request) {
  std::vector<std::string> ids;
  for (int page = 0; page < 10000; ++page) {
    const v1::SearchClaimsResponse out = Search(index, request);
    for (const v1::Claim& c : out.claims()) ids.push_back(c.claim_id());
    if (out.next_page_token().empty()) break;
    request.set_page_token(out.next_page_token());
  }
  return ids;
}

v1::SearchClaimsRequest Query(const std::string& q) {
  v1::SearchClaimsRequest r;
  r.set_query(q);
  return r;
}

class ClaimIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IngestResult r = index_.Apply(Batch({
        {MakeClaim("a", 1, "We will not sign a deal that leaves farmers without water.", "Helena Varga",
                   "Northern Ledger", v1::CLAIM_KIND_DIRECT, Day(2025, 3, 12)),
         MakeClaim("a", 2, "The reservoir will be filled on schedule.", "Tomasz Brandt", "Northern Ledger",
                   v1::CLAIM_KIND_INDIRECT, Day(2025, 3, 12))},
        {MakeClaim("b", 1, "Nobody in this valley can afford a water war.", "Amara Diallo", "Valley Courier",
                   v1::CLAIM_KIND_DIRECT, Day(2025, 3, 13)),
         MakeClaim("b", 2, "She warned of a water war in the valley.", "Amara Diallo", "Valley Courier",
                   v1::CLAIM_KIND_INDIRECT, Day(2025, 2, 1))},
        {MakeClaim("c", 1, "The water offer is generous, he warns.", "Tomasz Brandt", "Coastline Post",
                   v1::CLAIM_KIND_PARTIAL)},
    }));
    ASSERT_EQ(r.documents_accepted, 3u);
    ASSERT_EQ(r.claims_accepted, 5u);
  }

  ClaimIndex index_;
};

TEST_F(ClaimIndexTest, WordsMatchStemsAndExactFormsRankHigher) {
  v1::SearchClaimsResponse r = Search(index_, Query("warned"));
  EXPECT_EQ(r.total_matches(), 2u);  // "warned" and "warns"
  ASSERT_EQ(r.claims_size(), 2);
  EXPECT_EQ(r.claims(0).claim_id(), "c-b-2");  // the exact form first
  ASSERT_EQ(r.hits_size(), 2);
  EXPECT_GT(r.hits(0).score(), r.hits(1).score());
  ASSERT_EQ(r.hits(0).highlights_size(), 1);
  const v1::Highlight& h = r.hits(0).highlights(0);
  EXPECT_EQ(r.claims(0).text().substr(h.start(), h.end() - h.start()), "warned");
}

// Highlights cover every form of a query word as written: capitals, an
// accented first letter, a possessive (the word without its "'s"), and
// nothing that only shares a first letter.
TEST(ClaimIndexHighlightTest, HighlightsCoverEveryWrittenFormOfTheWords) {
  ClaimIndex index;
  const std::string text = "WARNINGS were given: the \u00c9cole's staff warned wardens of the \u00e9cole.";
  index.Apply(Batch({{MakeClaim("h", 1, text, "Ana Lind", "T")}}));
  const v1::SearchClaimsResponse r = Search(index, Query("warn ecole"));
  ASSERT_EQ(r.hits_size(), 1);
  std::vector<std::string> marked;
  for (const v1::Highlight& h : r.hits(0).highlights()) marked.push_back(text.substr(h.start(), h.end() - h.start()));
  EXPECT_THAT(marked, ElementsAre("WARNINGS", "\u00c9cole", "warned", "\u00e9cole"));
  // Forms whose stem ends in a letter they lack ("dying" -> "die"),
  // beside words that share the stem's first letters but not the stem.
  const std::string more = "Dying trees: a tree died, diets and DYE stay, gravities DIE.";
  index.Apply(Batch({{MakeClaim("i", 1, more, "Ana Lind", "T")}}));
  const v1::SearchClaimsResponse d = Search(index, Query("dies gravity"));
  ASSERT_EQ(d.hits_size(), 1);
  marked.clear();
  for (const v1::Highlight& h : d.hits(0).highlights()) marked.push_back(more.substr(h.start(), h.end() - h.start()));
  EXPECT_THAT(marked, ElementsAre("Dying", "died", "gravities", "DIE"));
}

TEST_F(ClaimIndexTest, AllTermsAndPhrasesMustMatch) {
  EXPECT_EQ(Search(index_, Query("water war")).total_matches(), 2u);
  EXPECT_THAT(Ids(Search(index_, Query("\"afford a water war\""))), ElementsAre("c-b-1"));
  EXPECT_EQ(Search(index_, Query("\"war water\"")).total_matches(), 0u);
  EXPECT_EQ(Search(index_, Query("water nonexistentword")).total_matches(), 0u);
  EXPECT_EQ(Search(index_, Query("")).total_matches(), 5u);
}

TEST_F(ClaimIndexTest, TypedFiltersCombine) {
  v1::SearchClaimsRequest r = Query("water");
  r.mutable_filter()->add_speaker_ids("amara-diallo");
  EXPECT_EQ(Search(index_, r).total_matches(), 2u);
  r.mutable_filter()->add_kinds(v1::CLAIM_KIND_DIRECT);
  EXPECT_THAT(Ids(Search(index_, r)), ElementsAre("c-b-1"));

  v1::SearchClaimsRequest dated;
  *dated.mutable_filter()->mutable_statement_date()->mutable_from() = Day(2025, 3, 1);
  *dated.mutable_filter()->mutable_statement_date()->mutable_to() = Day(2025, 3, 12);
  EXPECT_EQ(Search(index_, dated).total_matches(), 2u);

  v1::SearchClaimsRequest outlet;
  outlet.mutable_filter()->add_outlets("coastline POST");
  EXPECT_THAT(Ids(Search(index_, outlet)), ElementsAre("c-c-1"));

  v1::SearchClaimsRequest legacy = Query("");
  legacy.set_speaker("tomasz brandt");  // a canonical name works too
  EXPECT_EQ(Search(index_, legacy).total_matches(), 2u);
}

TEST_F(ClaimIndexTest, FacetsCountEveryMatch) {
  v1::SearchClaimsRequest r = Query("water");
  r.set_page_size(1);
  r.add_facets(v1::FACET_FIELD_SPEAKER);
  r.add_facets(v1::FACET_FIELD_KIND);
  r.add_facets(v1::FACET_FIELD_STATEMENT_MONTH);
  v1::SearchClaimsResponse out = Search(index_, r);
  EXPECT_EQ(out.total_matches(), 4u);
  ASSERT_EQ(out.facets_size(), 3);
  EXPECT_EQ(out.facets(0).counts(0).value(), "amara-diallo");
  EXPECT_EQ(out.facets(0).counts(0).count(), 2u);
  ASSERT_EQ(out.facets(2).counts_size(), 2);
  EXPECT_EQ(out.facets(2).counts(0).value(), "2025-02");
  EXPECT_EQ(out.facets(2).counts(1).value(), "2025-03");
  EXPECT_EQ(out.facets(2).counts(1).count(), 2u);
  // Deleted claims leave the counts (one word: counted in a pass over its postings).
  ASSERT_TRUE(index_.DeleteDocument("b").ok());
  out = Search(index_, r);
  EXPECT_EQ(out.total_matches(), 2u);
  uint64_t counted = 0;
  for (const auto& c : out.facets(0).counts()) {
    EXPECT_NE(c.value(), "amara-diallo");
    counted += c.count();
  }
  EXPECT_EQ(counted, 2u);
}

// Of many speakers tied at the last facet place, those first by id fill
// it, whatever order they were ingested in.
TEST(ClaimIndexFacetTest, TiesAtTheCutKeepTheFirstSpeakerIds) {
  ClaimIndex index;
  const std::vector<std::string> surnames = {
      "Abbott",  "Bryce", "Castell", "Dunmore",  "Ekberg",   "Faraday", "Gislason", "Hallett", "Ivers",
      "Jorgen",  "Kettle", "Lindqvist", "Nakamura", "Okafor", "Pemberton", "Quarles", "Rasku", "Sallow",
      "Tennant", "Underhill", "Vasquez", "Whitlock", "Yamada"};
  std::vector<std::vector<v1::Claim>> docs;
  for (auto it = surnames.rbegin(); it != surnames.rend(); ++it) {
    docs.push_back({MakeClaim("d-" + *it, 1, "The lantern stayed lit", "Noor " + *it, "T")});
  }
  for (int n = 1; n <= 3; ++n) docs.push_back({MakeClaim(absl::StrCat("z", n), 1, "A lantern", "Noor Zeller", "T")});
  for (int n = 1; n <= 2; ++n) docs.push_back({MakeClaim(absl::StrCat("m", n), 1, "A lantern", "Noor Moreau", "T")});
  index.Apply(Batch(docs));
  v1::SearchClaimsRequest r = Query("lantern");
  r.add_facets(v1::FACET_FIELD_SPEAKER);
  r.set_facet_size(4);
  const v1::SearchClaimsResponse out = Search(index, r);
  ASSERT_EQ(out.facets_size(), 1);
  std::vector<std::string> got;
  for (const auto& c : out.facets(0).counts()) got.push_back(absl::StrCat(c.value(), ":", c.count()));
  EXPECT_THAT(got, ElementsAre("noor-zeller:3", "noor-moreau:2", "noor-abbott:1", "noor-bryce:1"));
  r.set_facet_size(30);  // room for every speaker
  EXPECT_EQ(Search(index, r).facets(0).counts_size(), static_cast<int>(surnames.size()) + 2);
}

TEST_F(ClaimIndexTest, SortByDateAndCursorPagesWithoutGapsOrRepeats) {
  v1::SearchClaimsRequest r = Query("");
  r.set_sort(v1::SORT_ORDER_STATEMENT_DATE);
  r.set_page_size(2);
  EXPECT_THAT(AllPages(index_, r), ElementsAre("c-b-1", "c-a-1", "c-a-2", "c-b-2", "c-c-1"));  // undated last
}

TEST_F(ClaimIndexTest, BadRequestsAreInvalidArguments) {
  v1::SearchClaimsRequest r = Query("water");
  r.set_page_token("garbage");
  EXPECT_EQ(index_.Search(r).status().code(), absl::StatusCode::kInvalidArgument);
  // A token from another query does not apply.
  v1::SearchClaimsRequest first = Query("");
  first.set_page_size(1);
  const std::string token = Search(index_, first).next_page_token();
  ASSERT_FALSE(token.empty());
  r.set_page_token(token);
  absl::Status other = index_.Search(r).status();
  EXPECT_EQ(other.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(other.message()), HasSubstr("different query"));
  EXPECT_EQ(index_.Search(Query("\"unclosed")).status().code(), absl::StatusCode::kInvalidArgument);
  v1::SearchClaimsRequest big = Query("");
  big.set_page_size(5000);
  EXPECT_EQ(index_.Search(big).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ClaimIndexTest, ReplaceAndDeleteDocuments) {
  index_.Apply(Batch({{MakeClaim("b", 9, "A new and different statement about roads.", "Amara Diallo",
                                 "Valley Courier")}}));
  EXPECT_EQ(Search(index_, Query("valley")).total_matches(), 0u);
  EXPECT_EQ(Search(index_, Query("roads")).total_matches(), 1u);
  EXPECT_EQ(index_.GetClaim("c-b-1").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(index_.GetClaim("c-b-9").ok());
  v1::GetStatsResponse stats = index_.Stats();
  EXPECT_EQ(stats.documents(), 3u);
  EXPECT_EQ(stats.claims(), 4u);

  absl::StatusOr<uint32_t> removed = index_.DeleteDocument("a");
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 2u);
  EXPECT_EQ(index_.DeleteDocument("a").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(index_.GetDocument("a").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Search(index_, Query("")).total_matches(), 2u);
  EXPECT_EQ(index_.Stats().documents(), 2u);
}

TEST_F(ClaimIndexTest, StatsBreakMemoryDownByPart) {
  const v1::GetStatsResponse before = index_.Stats();
  const v1::IndexMemory& m = before.memory();
  EXPECT_GT(m.stored_claims_bytes(), 0u);
  EXPECT_GT(m.postings_bytes(), 0u);
  EXPECT_GT(m.fields_bytes(), 0u);
  EXPECT_GT(m.clustering_bytes(), 0u);
  EXPECT_EQ(before.index_memory_bytes(), m.stored_claims_bytes() + m.postings_bytes() + m.fields_bytes() +
                                             m.clustering_bytes() + m.live_bytes());
  std::string long_text = "A long statement";
  for (int i = 0; i < 200; ++i) absl::StrAppend(&long_text, " about word", i);
  index_.Apply(Batch({{MakeClaim("long", 1, long_text + ".", "Amara Diallo", "Valley Courier")}}));
  const v1::GetStatsResponse stats = index_.Stats();
  const v1::IndexMemory& after = stats.memory();
  EXPECT_GE(after.stored_claims_bytes(), m.stored_claims_bytes() + long_text.size());
  EXPECT_GT(after.postings_bytes(), m.postings_bytes());
}

TEST_F(ClaimIndexTest, InvalidDocumentsAreRejectedOneByOne) {
  google::protobuf::RepeatedPtrField<v1::DocumentClaims> batch;
  batch.Add()->set_doc_id("");  // no id
  v1::DocumentClaims* wrong = batch.Add();
  wrong->set_doc_id("x");
  *wrong->add_claims() = MakeClaim("y", 1, "text", "A B", "O");
  v1::DocumentClaims* good = batch.Add();
  good->set_doc_id("z");
  *good->add_claims() = MakeClaim("z", 1, "Fine words here.", "A B", "O");
  IngestResult r = index_.Apply(batch);
  EXPECT_EQ(r.documents_accepted, 1u);
  EXPECT_EQ(r.documents_rejected, 2u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_THAT(r.errors[1], HasSubstr("doc_id y inside document x"));
}

TEST_F(ClaimIndexTest, GetBatchGetDocumentAndSpeakers) {
  google::protobuf::RepeatedPtrField<std::string> ids;
  *ids.Add() = "c-a-2";
  *ids.Add() = "nope";
  v1::BatchGetClaimsResponse batch = index_.BatchGetClaims(ids);
  ASSERT_EQ(batch.claims_size(), 1);
  EXPECT_EQ(batch.claims(0).text(), "The reservoir will be filled on schedule.");
  EXPECT_THAT(batch.missing_ids(), ElementsAre("nope"));

  absl::StatusOr<v1::DocumentClaims> doc = index_.GetDocument("b");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->claims_size(), 2);
  EXPECT_EQ(doc->source().outlet(), "Valley Courier");

  v1::ListSpeakersRequest list;
  absl::StatusOr<v1::ListSpeakersResponse> speakers = index_.ListSpeakers(list);
  ASSERT_TRUE(speakers.ok());
  ASSERT_EQ(speakers->speakers_size(), 3);
  list.set_name_prefix("BRA");  // a word of the name, any case
  speakers = index_.ListSpeakers(list);
  ASSERT_EQ(speakers->speakers_size(), 1);
  EXPECT_EQ(speakers->speakers(0).canonical_name(), "Tomasz Brandt");
  EXPECT_EQ(speakers->speakers(0).claim_count(), 2u);

  absl::StatusOr<v1::SpeakerProfile> profile = index_.GetSpeaker("tomasz-brandt");
  ASSERT_TRUE(profile.ok());
  EXPECT_EQ(profile->claim_count(), 2u);
  EXPECT_EQ(profile->outlets_size(), 2);
  EXPECT_THAT(profile->name_variants(), ElementsAre("Brandt"));
  EXPECT_EQ(profile->first_statement().day(), 12);
  EXPECT_EQ(index_.GetSpeaker("nobody").status().code(), absl::StatusCode::kNotFound);
}

TEST(ClaimIndexMergeTest, ManySmallBatchesMergeAndStayCorrect) {
  ClaimIndex index;
  for (int batch = 0; batch < 40; ++batch) {
    std::vector<std::vector<v1::Claim>> docs;
    for (int d = 0; d < 3; ++d) {
      const std::string doc = absl::StrCat("doc", batch, "-", d);
      docs.push_back({MakeClaim(doc, 1, absl::StrCat("Harbour report number ", batch, " says tide ", d), "Ana Lind",
                                "Harbour Times")});
    }
    index.Apply(Batch(docs));
  }
  index.WaitForBackgroundWork();
  // Replace one document from an early (now merged) segment.
  index.Apply(Batch({{MakeClaim("doc0-0", 5, "Replaced text about ferries.", "Ana Lind", "Harbour Times")}}));
  index.WaitForBackgroundWork();
  const v1::GetStatsResponse stats = index.Stats();
  EXPECT_EQ(stats.claims(), 120u);
  EXPECT_EQ(stats.documents(), 120u);
  EXPECT_LT(stats.segments(), 10u);  // 41 batches merged down
  EXPECT_EQ(Search(index, Query("harbour report")).total_matches(), 119u);
  EXPECT_EQ(Search(index, Query("ferries")).total_matches(), 1u);
  // Paging over everything returns each claim exactly once.
  v1::SearchClaimsRequest r = Query("tide");
  r.set_page_size(7);
  const std::vector<std::string> ids = AllPages(index, r);
  EXPECT_EQ(ids.size(), 119u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 119u);
}

TEST(ClaimIndexMergeTest, StoredClaimsAreCompressedOnceTheIndexHasEnoughToTrainOn) {
  ClaimIndex index;
  const char* const words[] = {"ferry", "harbour", "tide", "budget", "council", "bridge", "levy", "pier",
                               "dredging", "cargo", "quay", "fares", "storm", "repairs", "annual", "vote"};
  uint32_t x = 7;
  uint64_t raw = 0;
  absl::flat_hash_map<std::string, v1::Claim> originals;
  for (int batch = 0; batch < 60; ++batch) {
    std::vector<std::vector<v1::Claim>> docs;
    for (int d = 0; d < 50; ++d) {
      const std::string doc = absl::StrCat("doc", batch, "-", d);
      std::vector<v1::Claim> claims;
      for (int n = 0; n < 4; ++n) {
        std::string text = "The";
        for (int w = 0; w < 24; ++w) {
          x = x * 1103515245u + 12345u;
          absl::StrAppend(&text, " ", words[(x >> 16) % 16]);
        }
        claims.push_back(MakeClaim(doc, n, text, n % 2 ? "Ana Lind" : "Port Authority", "Harbour Times"));
        claims.back().mutable_source()->set_url(absl::StrCat("https://news.example/", doc));
        claims.back().set_extractor_version("test-1");
        raw += claims.back().ByteSizeLong();
        if (d == 7) originals[claims.back().claim_id()] = claims.back();
      }
      docs.push_back(std::move(claims));
    }
    index.Apply(Batch(docs));
  }
  index.WaitForBackgroundWork();
  const v1::GetStatsResponse stats = index.Stats();
  EXPECT_EQ(stats.claims(), 12000u);
  EXPECT_LT(stats.memory().stored_claims_bytes() * 3, raw * 2) << "raw bytes " << raw;
  // Ingest compressed them quickly; the compaction once ingest went quiet
  // compressed them all again, tighter.
  EXPECT_EQ(stats.claims_awaiting_compaction(), 0u);
  for (const std::string doc : {"doc0-0", "doc31-7", "doc59-49"}) {
    absl::StatusOr<v1::DocumentClaims> d = index.GetDocument(doc);
    ASSERT_TRUE(d.ok()) << doc;
    ASSERT_EQ(d->claims_size(), 4);
    for (const v1::Claim& c : d->claims()) {
      EXPECT_EQ(c.doc_id(), doc);
      EXPECT_EQ(c.source().outlet(), "Harbour Times");
      EXPECT_EQ(c.source().url(), "https://news.example/" + doc);
      EXPECT_EQ(c.text().substr(0, 4), "The ");
      EXPECT_EQ(Search(index, Query("\"" + c.text() + "\"")).claims(0).claim_id(), c.claim_id());
    }
  }
  // Search pages splice each claim's stored bytes (record, the document's
  // shared part, its doc_id and cluster) into the response: what parses
  // is the claim as ingested, with the index's cluster fields.
  ASSERT_EQ(originals.size(), 240u);
  for (const auto& [id, original] : originals) {
    const v1::SearchClaimsResponse r = Search(index, Query("\"" + original.text() + "\""));
    ASSERT_GE(r.claims_size(), 1);
    ASSERT_EQ(r.hits_size(), r.claims_size());
    v1::Claim found = r.claims(0);
    EXPECT_EQ(r.hits(0).claim_id(), id);
    EXPECT_FALSE(found.cluster_id().empty()) << id;
    EXPECT_GE(found.outlet_count(), 1u) << id;
    found.clear_cluster_id();
    found.clear_outlet_count();
    EXPECT_EQ(found.SerializeAsString(), original.SerializeAsString()) << found.DebugString();
  }
}

// Documents replaced and deleted while the merge thread works end up with
// exactly their latest claims, whichever merge they raced with.
TEST(ClaimIndexMergeTest, ReplacementsAndDeletionsDuringMergesAreKept) {
  ClaimIndex index;
  for (int batch = 0; batch < 120; ++batch) {
    std::vector<std::vector<v1::Claim>> docs;
    for (int d = 0; d < 4; ++d) {
      const std::string doc = absl::StrCat("m", batch, "-", d);
      docs.push_back({MakeClaim(doc, 1, absl::StrCat("Canal survey ", batch, " lock ", d), "Ana Lind", "T")});
    }
    // Every batch also rewrites a document of an earlier batch, and every
    // third one deletes another, so kills keep landing while merges run.
    if (batch >= 2) {
      docs.push_back({MakeClaim(absl::StrCat("m", batch - 2, "-0"), 2, "Rewritten canal survey", "Ana Lind", "T")});
    }
    index.Apply(Batch(docs));
    if (batch >= 3 && batch % 3 == 0) ASSERT_TRUE(index.DeleteDocument(absl::StrCat("m", batch - 3, "-1")).ok());
  }
  index.WaitForBackgroundWork();
  // 480 documents, 39 of them deleted; 118 rewritten (one claim each).
  const v1::GetStatsResponse stats = index.Stats();
  EXPECT_EQ(stats.documents(), 441u);
  EXPECT_EQ(stats.claims(), 441u);
  EXPECT_EQ(Search(index, Query("rewritten")).total_matches(), 118u);
  EXPECT_EQ(Search(index, Query("canal")).total_matches(), 441u);
  EXPECT_LT(stats.segments(), 12u);
  for (int batch = 0; batch < 118; ++batch) {
    absl::StatusOr<v1::DocumentClaims> doc = index.GetDocument(absl::StrCat("m", batch, "-0"));
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->claims_size(), 1);
    EXPECT_EQ(doc->claims(0).text(), "Rewritten canal survey");
  }
}

// Deletions and rewrites that land while a compaction runs are replayed on
// its result, and ingest that cancels one loses nothing: whatever the
// interleaving, every count comes out exact.
TEST(ClaimIndexMergeTest, DeletionsAndIngestAroundCompactionsAreKept) {
  ClaimIndex index;
  int deleted = 0, rewritten = 0, documents = 0;
  for (int round = 0; round < 4; ++round) {
    for (int b = 0; b < 6; ++b) {
      std::vector<std::vector<v1::Claim>> docs;
      for (int d = 0; d < 150; ++d, ++documents) {
        const std::string doc = absl::StrCat("c", round, "-", b, "-", d);
        docs.push_back({MakeClaim(doc, 1, absl::StrCat("Harbour dredging ", round, " berth ", d), "Ana Lind", "T")});
      }
      index.Apply(Batch(docs));
    }
    // Quiet long enough for a compaction to start, then deletions and a
    // rewrite (which cancels a compaction still running).
    absl::SleepFor(absl::Milliseconds(105));
    for (int d = 0; d < 10; ++d, ++deleted) {
      ASSERT_TRUE(index.DeleteDocument(absl::StrCat("c", round, "-0-", d)).ok());
    }
    std::vector<std::vector<v1::Claim>> rewrite;
    for (int d = 0; d < 10; ++d, ++rewritten) {
      rewrite.push_back({MakeClaim(absl::StrCat("c", round, "-1-", d), 2, "Rewritten dredging notice", "Ana Lind", "T")});
    }
    index.Apply(Batch(rewrite));
  }
  index.WaitForBackgroundWork();
  const v1::GetStatsResponse stats = index.Stats();
  EXPECT_EQ(stats.documents(), static_cast<uint64_t>(documents - deleted));
  EXPECT_EQ(stats.claims(), static_cast<uint64_t>(documents - deleted));
  EXPECT_EQ(Search(index, Query("rewritten")).total_matches(), static_cast<uint64_t>(rewritten));
  v1::SearchClaimsRequest all = Query("dredging");
  all.set_exact_total(true);
  EXPECT_EQ(Search(index, all).total_matches(), static_cast<uint64_t>(documents - deleted));
  EXPECT_FALSE(index.GetDocument("c0-0-0").ok());
  absl::StatusOr<v1::DocumentClaims> doc = index.GetDocument("c3-1-0");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->claims_size(), 1);
  EXPECT_EQ(doc->claims(0).text(), "Rewritten dredging notice");
}

// A cursor keeps the scores of its first page, so paging through results
// while other claims stream in (changing the collection statistics, and
// merges rewriting segments) returns every match exactly once.
TEST(ClaimIndexMergeTest, PagingStaysConsistentWhileIngestAndMergesRun) {
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < 150; ++d) {
    std::string text = "Lighthouse keepers";
    for (int r = 0; r < d % 7; ++r) absl::StrAppend(&text, " lighthouse");
    absl::StrAppend(&text, " log ", d);
    docs.push_back({MakeClaim(absl::StrCat("l", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int batch = 0; batch < 150 && !done; ++batch) {
      std::vector<std::vector<v1::Claim>> more;
      for (int d = 0; d < 5; ++d) {
        more.push_back({MakeClaim(absl::StrCat("x", batch, "-", d), 1, "Unrelated river news and weather", "Bo", "T")});
      }
      index.Apply(Batch(more));
    }
  });
  v1::SearchClaimsRequest r = Query("lighthouse");
  r.set_page_size(4);
  const std::vector<std::string> ids = AllPages(index, r);
  done = true;
  writer.join();
  EXPECT_EQ(ids.size(), 150u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 150u);
}

// A one-word query's total subtracts dead claims whether they are few (found
// by searching the postings) or many (each posting tested).
TEST(ClaimIndexPruningTest, OneWordTotalsLeaveOutDeadClaims) {
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < 400; ++d) {
    const std::string text = d % 2 == 0 ? "Quarry blasting resumes" : "Quarry closed for winter";
    docs.push_back({MakeClaim(absl::StrCat("q", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  ASSERT_TRUE(index.DeleteDocument("q0").ok());
  ASSERT_TRUE(index.DeleteDocument("q1").ok());
  EXPECT_EQ(Search(index, Query("quarry")).total_matches(), 398u);
  EXPECT_EQ(Search(index, Query("blasting")).total_matches(), 199u);
  for (int d = 2; d < 300; ++d) ASSERT_TRUE(index.DeleteDocument(absl::StrCat("q", d)).ok());
  EXPECT_EQ(Search(index, Query("quarry")).total_matches(), 100u);
  EXPECT_EQ(Search(index, Query("winter")).total_matches(), 50u);
}

// Words whose lists are long enough to carry bitmaps (PostingList::
// kBitmapDocs) are intersected through them; the matches, phrases and
// filters come out as they do claim by claim.
TEST(ClaimIndexPruningTest, LongListsIntersectThroughBitmaps) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  uint64_t both = 0, phrase = 0, both_by_ana = 0, storm = 0, storm_flood = 0;
  for (int d = 0; d < kClaims; ++d) {
    // "river" in every claim; "flood" in two of three; "flood river" as a
    // phrase in one of five of those; "storm", too rare for a bitmap, in
    // one of seven.
    std::string text = "river report";
    const bool flood = d % 3 != 0;
    const bool adjacent = flood && d % 5 == 0;
    if (flood) text = adjacent ? "flood river warning" : "flood warning for the river";
    if (d % 7 == 0) absl::StrAppend(&text, " after the storm");
    const bool ana = d % 2 == 0;
    both += flood;
    phrase += adjacent;
    both_by_ana += flood && ana;
    storm += d % 7 == 0;
    storm_flood += d % 7 == 0 && flood;
    docs.push_back({MakeClaim(absl::StrCat("r", d), 1, text, ana ? "Ana Lind" : "Bo Sten", "T")});
  }
  index.Apply(Batch(docs));  // one segment
  ASSERT_GT(both, PostingList::kBitmapDocs);
  EXPECT_EQ(Search(index, Query("flood river")).total_matches(), both);
  v1::SearchClaimsRequest phrase_query = Query("\"flood river\"");
  phrase_query.set_exact_total(true);  // claims of different lengths: past 1,000 the total may be a floor
  EXPECT_EQ(Search(index, phrase_query).total_matches(), phrase);
  v1::SearchClaimsRequest by_ana = Query("river flood");
  by_ana.mutable_filter()->add_speaker_ids("ana-lind");
  EXPECT_EQ(Search(index, by_ana).total_matches(), both_by_ana);
  // A list without a bitmap meets the others' bitmaps: every match counted
  // (exactly), every claim on the page holds each word.
  ASSERT_LT(storm, PostingList::kBitmapDocs);
  v1::SearchClaimsRequest rare = Query("storm river flood");
  rare.set_exact_total(true);
  rare.set_page_size(50);
  const v1::SearchClaimsResponse rare_results = Search(index, rare);
  EXPECT_EQ(rare_results.total_matches(), storm_flood);
  ASSERT_EQ(rare_results.claims_size(), 50);
  for (const v1::Claim& c : rare_results.claims()) {
    EXPECT_TRUE(absl::StrContains(c.text(), "storm") && absl::StrContains(c.text(), "flood")) << c.text();
  }
  EXPECT_EQ(Search(index, Query("river storm")).total_matches(), storm);
  // Deleted claims drop out of the intersection too.
  ASSERT_TRUE(index.DeleteDocument("r1").ok());
  EXPECT_EQ(Search(index, Query("flood river")).total_matches(), both - 1);
  ASSERT_TRUE(index.DeleteDocument("r7").ok());  // a storm claim ("flood": 7 % 3 != 0)
  EXPECT_EQ(Search(index, rare).total_matches(), storm_flood - 1);
}

// Date ranges on long lists: totals match counting claim by claim, with
// words whose lists carry bitmaps, with a speaker, and with no words at all.
TEST(ClaimIndexPruningTest, DateRangesOnLongListsKeepEveryMatch) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  const absl::CivilDay start(2024, 11, 20);
  auto day_of = [&](int d) { return start + (d * 7) % 400; };
  uint64_t in_range = 0, in_range_ana = 0, in_range_flood = 0, in_range_ana_indirect = 0, in_range_ana_levee = 0,
           in_range_weir = 0;
  const absl::CivilDay from(2025, 1, 3), to(2025, 3, 29);
  for (int d = 0; d < kClaims; ++d) {
    const bool dated = d % 10 != 0;
    const absl::CivilDay day = day_of(d);
    const bool ana = d % 3 == 0;
    const bool flood = d % 2 == 0;
    const bool levee = d % 40 == 3;  // a word whose list is short
    const bool indirect = d % 4 == 1;
    const bool inside = dated && day >= from && day <= to;
    in_range += inside;
    in_range_ana += inside && ana;
    in_range_flood += inside && flood;
    in_range_ana_indirect += inside && ana && indirect;
    in_range_ana_levee += inside && ana && levee;
    const bool weir = d % 7 == 0;  // an entity the claim mentions
    in_range_weir += inside && weir;
    v1::Date date;
    if (dated) date = Day(static_cast<int>(day.year()), day.month(), day.day());
    docs.push_back({MakeClaim(absl::StrCat("w", d), 1,
                              absl::StrCat(flood ? "river flood warning" : "river report", levee ? " levee" : ""),
                              ana ? "Ana Lind" : "Bo Sten", "T",
                              indirect ? v1::CLAIM_KIND_INDIRECT : v1::CLAIM_KIND_DIRECT, date)});
    if (weir) docs.back()[0].add_entities()->set_text("Old Mill Weir");
  }
  index.Apply(Batch(docs));
  auto ranged = [&](const std::string& q) {
    v1::SearchClaimsRequest r = Query(q);
    *r.mutable_filter()->mutable_statement_date()->mutable_from() = Day(2025, 1, 3);
    *r.mutable_filter()->mutable_statement_date()->mutable_to() = Day(2025, 3, 29);
    return r;
  };
  ASSERT_GT(in_range_flood, 0u);
  EXPECT_EQ(Search(index, ranged("")).total_matches(), in_range);
  EXPECT_EQ(Search(index, ranged("river")).total_matches(), in_range);
  EXPECT_EQ(Search(index, ranged("river flood")).total_matches(), in_range_flood);
  v1::SearchClaimsRequest by_ana = ranged("river");
  by_ana.mutable_filter()->add_speaker_ids("ana-lind");
  const v1::SearchClaimsResponse ana_results = Search(index, by_ana);
  EXPECT_EQ(ana_results.total_matches(), in_range_ana);
  for (const v1::Claim& c : ana_results.claims()) {
    const absl::CivilDay day(c.statement_date().year(), c.statement_date().month(), c.statement_date().day());
    EXPECT_TRUE(day >= from && day <= to) << c.claim_id();
  }
  // A speaker and a range with no words, with a kind too, and with a word
  // whose list is far shorter than the speaker's claims.
  ASSERT_GT(in_range_ana_levee, 0u);
  v1::SearchClaimsRequest ana_only = ranged("");
  ana_only.mutable_filter()->add_speaker_ids("ana-lind");
  EXPECT_EQ(Search(index, ana_only).total_matches(), in_range_ana);
  ana_only.mutable_filter()->add_kinds(v1::CLAIM_KIND_INDIRECT);
  EXPECT_EQ(Search(index, ana_only).total_matches(), in_range_ana_indirect);
  by_ana.mutable_filter()->add_kinds(v1::CLAIM_KIND_INDIRECT);
  EXPECT_EQ(Search(index, by_ana).total_matches(), in_range_ana_indirect);
  v1::SearchClaimsRequest levee = ranged("levee");
  levee.mutable_filter()->add_speaker_ids("ana-lind");
  EXPECT_EQ(Search(index, levee).total_matches(), in_range_ana_levee);
  levee.mutable_filter()->add_speaker_ids("bo-sten");  // two speakers: every claim of the word in the range
  uint64_t in_range_levee = 0;
  for (int d = 3; d < kClaims; d += 40) in_range_levee += d % 10 != 0 && day_of(d) >= from && day_of(d) <= to;
  EXPECT_EQ(Search(index, levee).total_matches(), in_range_levee);
  // An entity leads the walk by its bitmap; the days are still tested.
  ASSERT_GT(in_range_weir, 0u);
  v1::SearchClaimsRequest weir = ranged("river");
  weir.mutable_filter()->add_entities("old mill weir");
  EXPECT_EQ(Search(index, weir).total_matches(), in_range_weir);
}

// Searches with a date range test the claims' compact statement days
// (1900-01-01 to 2079-06-04 kept in two bytes): days on both sides of
// either edge, far outside it and undated claims filter as their dates say.
TEST(ClaimIndexPruningTest, DateFiltersHoldForDaysOutsideTheCompactRange) {
  const std::vector<v1::Date> dates = {Day(1850, 6, 1), Day(1899, 12, 31), Day(1900, 1, 1),  Day(2026, 1, 1),
                                       Day(2079, 6, 4), Day(2079, 6, 5),   Day(2150, 1, 1), v1::Date()};
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (size_t i = 0; i < dates.size(); ++i) {
    docs.push_back({MakeClaim(absl::StrCat("d", i), 1, "river report", "Ana Lind", "T", v1::CLAIM_KIND_DIRECT,
                              dates[i])});
  }
  index.Apply(Batch(docs));
  auto found = [&](const v1::Date& from, const v1::Date& to) {
    v1::SearchClaimsRequest r = Query("river");
    if (from.year() != 0) *r.mutable_filter()->mutable_statement_date()->mutable_from() = from;
    if (to.year() != 0) *r.mutable_filter()->mutable_statement_date()->mutable_to() = to;
    std::vector<std::string> ids = Ids(Search(index, r));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_THAT(found(Day(1800, 1, 1), Day(1900, 1, 1)), ElementsAre("c-d0-1", "c-d1-1", "c-d2-1"));
  EXPECT_THAT(found(v1::Date(), Day(1899, 12, 31)), ElementsAre("c-d0-1", "c-d1-1"));
  EXPECT_THAT(found(Day(2079, 6, 4), Day(2200, 1, 1)), ElementsAre("c-d4-1", "c-d5-1", "c-d6-1"));
  EXPECT_THAT(found(Day(2079, 6, 5), v1::Date()), ElementsAre("c-d5-1", "c-d6-1"));
  EXPECT_THAT(found(Day(1900, 1, 2), Day(2079, 6, 4)), ElementsAre("c-d3-1", "c-d4-1"));
}

// Phrases of adjacent function words go through pair postings: only
// claims with the words side by side, in order, match.
TEST(ClaimIndexPruningTest, FunctionWordPhrasesMatchAdjacentPairsOnly) {
  ClaimIndex index;
  index.Apply(Batch({{MakeClaim("p1", 1, "Most of the ferries run out of the harbour.", "Ana Lind", "T")},
                     {MakeClaim("p2", 1, "The captain spoke of a storm.", "Ana Lind", "T")},
                     {MakeClaim("p3", 1, "It is the end of it.", "Ana Lind", "T")}}));
  // Another segment, where one pair never occurs.
  index.Apply(Batch({{MakeClaim("p4", 1, "Out of the fog came an off-record remark.", "Ana Lind", "T")},
                     {MakeClaim("p5", 1, "Nothing here at all.", "Ana Lind", "T")}}));
  auto ids = [&](const std::string& q) {
    std::vector<std::string> out = AllPages(index, Query(q));
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_THAT(ids("\"of the\""), ElementsAre("c-p1-1", "c-p4-1"));
  EXPECT_THAT(ids("\"out of the\""), ElementsAre("c-p1-1", "c-p4-1"));
  EXPECT_THAT(ids("\"the end of it\""), ElementsAre("c-p3-1"));
  EXPECT_THAT(ids("\"it is the\""), ElementsAre("c-p3-1"));
  EXPECT_THAT(ids("\"the of\""), ElementsAre());  // in that order nowhere
  EXPECT_THAT(ids("\"of a\" storm"), ElementsAre("c-p2-1"));
  EXPECT_THAT(ids("\"of the harbour\""), ElementsAre("c-p1-1"));
  EXPECT_THAT(ids("\"here at all\""), ElementsAre("c-p5-1"));
  // Pair terms are not words: a word query never meets them.
  EXPECT_EQ(Search(index, Query("of")).total_matches(), 4u);
}

TEST(ClaimIndexPruningTest, PhrasesInClaimsOfOver256WordsAreMatchedExactly) {
  // Positions are kept modulo 256: in a long claim, "harbour" at 10 and
  // "closed" at 267 look adjacent to the postings; the text says otherwise.
  std::string far = "harbour";
  for (int i = 1; i < 257; ++i) absl::StrAppend(&far, " word", i);
  absl::StrAppend(&far, " closed");
  std::string late;
  for (int i = 0; i < 300; ++i) absl::StrAppend(&late, "filler", i, " ");
  absl::StrAppend(&late, "the harbour closed at noon");
  ClaimIndex index;
  index.Apply(Batch({{MakeClaim("far", 1, far, "Ana Lind", "Harbour Times")},
                     {MakeClaim("late", 1, late, "Ana Lind", "Harbour Times")},
                     {MakeClaim("short", 1, "The harbour closed early.", "Ana Lind", "Harbour Times")}}));
  EXPECT_THAT(Ids(Search(index, Query("\"harbour closed\""))),
              ::testing::UnorderedElementsAre("c-late-1", "c-short-1"));
  EXPECT_EQ(Search(index, Query("harbour closed")).total_matches(), 3u);
}

// Block-max pruning, for one word (its stem's list, with its exact form's
// where that differs) and for one phrase of two function words (its pair's
// list), gives the results and scores of visiting every match.
TEST(ClaimIndexPruningTest, SkippingBlocksGivesTheSameTopResults) {
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < 900; ++d) {
    const std::string doc = absl::StrCat("p", d);
    // Frequencies and lengths vary, so scores differ across blocks; the
    // longest claims repeat the words most, so a block's highest frequency
    // and its shortest claim belong to different claims.
    std::string text = "tide";
    for (int k = 0; k < d % 7; ++k) text += " tide";
    for (int k = 0; k < d % 3; ++k) text += " tides";  // the exact form, where asked for, adds to the stem
    for (int k = 0; k < d % 5; ++k) text += " out of the";
    for (int k = 0; k < d % 13 + (d % 7) * 3; ++k) text += " filler";
    docs.push_back({MakeClaim(doc, 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  ASSERT_TRUE(index.DeleteDocument("p6").ok());  // one of the best matches is gone
  for (const char* q : {"tide", "tides", "\"of the\""}) {
    SCOPED_TRACE(q);
    v1::SearchClaimsRequest fast = Query(q);
    fast.set_page_size(15);
    // Every claim is Ana Lind's.
    const auto [a, b] = SearchFastAndExhaustive(index, fast, {"ana-lind"});
    EXPECT_EQ(a.total_matches(), b.total_matches());
    ASSERT_NO_FATAL_FAILURE(ExpectSameRanking(a, b));
    for (const v1::Claim& c : a.claims()) EXPECT_NE(c.doc_id(), "p6");
  }
  EXPECT_EQ(Search(index, Query("tide")).total_matches(), 899u);
  EXPECT_EQ(Search(index, Query("\"of the\"")).total_matches(), 900u - 900u / 5 - 1);  // d % 5 != 0, less p6
}

// Two words whose lists carry bitmaps, intersected through them: totals,
// facets, results and scores are those of the filter path, which visits
// the claims of a (here all-accepting) speaker filter.
TEST(ClaimIndexPruningTest, BitmapIntersectionsGiveTheFilterPathsResults) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text = "gale";
    for (int k = 0; k < d % 5; ++k) text += " gale";
    if (d % 3 != 0) text += " pier";
    for (int k = 0; k < (d % 3 == 1 ? d % 4 : 0); ++k) text += " pier";
    for (int k = 0; k < d % 11; ++k) text += " filler";
    docs.push_back({MakeClaim(absl::StrCat("g", d), 1, text, d % 2 == 0 ? "Ana Lind" : "Bo Sten", "T")});
  }
  index.Apply(Batch(docs));  // one segment
  ASSERT_TRUE(index.DeleteDocument("g4").ok());
  v1::SearchClaimsRequest fast = Query("gale pier");
  fast.set_page_size(25);
  fast.add_facets(v1::FACET_FIELD_SPEAKER);
  // Both speakers: every claim passes the filter.
  const auto [a, b] = SearchFastAndExhaustive(index, fast, {"ana-lind", "bo-sten"});
  EXPECT_EQ(a.total_matches(), static_cast<uint64_t>(kClaims - kClaims / 3 - 1));
  EXPECT_EQ(a.total_matches(), b.total_matches());
  ASSERT_EQ(a.hits_size(), 25);
  ASSERT_NO_FATAL_FAILURE(ExpectSameRanking(a, b));  // b has 25 too
  ASSERT_EQ(a.facets_size(), 1);
  EXPECT_EQ(a.facets(0).DebugString(), b.facets(0).DebugString());
}

// Past kExactTotalFloor matches, claims whose phrases cannot lift them onto
// the page are not checked: the pages are those of a search counting every
// match, and the total is flagged as a lower bound. Strong claims sit at the
// start and, a few, near the end, so a bound that underestimates a word, an
// exact form or a phrase loses one of the late ones.
TEST(ClaimIndexPruningTest, SkippingPastTheExactCountKeepsThePages) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);  // lists long enough for bitmaps
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text;
    if (d < 40 || d % 1000 == 937) {
      text = (d + d / 1000) % 2 == 0 ? "gale pier of the gales pier" : "gale pier gale pier of the";
    } else {
      text = d % 4 == 1 ? "gales" : "gale";
      if (d % 3 != 0) text += " pier";
      if (d % 5 == 2) text += " of the";
      for (int k = 0; k < d % 11 + 6; ++k) text += " filler";
    }
    docs.push_back({MakeClaim(absl::StrCat("s", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  ASSERT_TRUE(index.DeleteDocument("s2").ok());
  bool skipped = false;
  for (const char* q : {"gale pier", "gales pier", "\"gale pier\"", "\"of the\" pier", "\"gale pier\" of"}) {
    SCOPED_TRACE(q);
    v1::SearchClaimsRequest fast = Query(q);
    fast.set_page_size(12);
    ForEachPageFastAndExact(index, fast, 3, [&](const auto& a, const auto& b, int) {
      EXPECT_FALSE(b.total_is_lower_bound());
      EXPECT_LE(a.total_matches(), b.total_matches());
      if (a.total_is_lower_bound()) {
        EXPECT_GE(a.total_matches(), 1000u);
        skipped = true;
      } else {
        EXPECT_EQ(a.total_matches(), b.total_matches());
      }
      ExpectSameRanking(a, b);
      for (const v1::Claim& c : a.claims()) EXPECT_NE(c.doc_id(), "s2");
    });
  }
  EXPECT_TRUE(skipped);
  // Facets count every match.
  v1::SearchClaimsRequest faceted = Query("gale pier");
  faceted.add_facets(v1::FACET_FIELD_KIND);
  const v1::SearchClaimsResponse f = Search(index, faceted);
  EXPECT_FALSE(f.total_is_lower_bound());
  v1::SearchClaimsRequest counted = Query("gale pier");
  counted.set_exact_total(true);
  EXPECT_EQ(f.total_matches(), Search(index, counted).total_matches());
}

// Past the exact count, a phrase walk on neighbour bytes judges most claims
// by their length alone; a claim that repeats the phrase may outscore
// shorter ones and is bounded on its frequencies. The pages are those of a
// search counting every match. Claims are long but for a few short ones at
// the start and one late, and one long claim, among long ones, repeats the
// phrase enough to reach the page.
TEST(ClaimIndexPruningTest, PhraseWalksPastTheExactCountKeepLateShortAndRepeatingClaims) {
  constexpr int kClaims = 3000;
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text;
    if (d < 6) {
      text = "tugs in harbour today";
    } else if (d == 2950) {
      text = "tugs in harbour";
    } else if (d == 2000) {
      text = "in harbour";
      for (int k = 0; k < 5; ++k) text += " and in harbour";
      for (int k = 0; k < 4; ++k) text += " filler";
    } else {
      text = "tugs wait in harbour";
      for (int k = 0; k < d % 7 + 16; ++k) text += " filler";
    }
    docs.push_back({MakeClaim(absl::StrCat("p", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  v1::SearchClaimsRequest fast = Query("\"in harbour\"");
  fast.set_page_size(5);
  ForEachPageFastAndExact(index, fast, 2, [&](const auto& a, const auto& b, int page) {
    EXPECT_TRUE(a.total_is_lower_bound());
    EXPECT_EQ(b.total_matches(), static_cast<uint64_t>(kClaims));
    ExpectSameRanking(a, b);
    if (page == 0) {
      // The repeating claim and the late short one lead the page.
      ASSERT_EQ(a.claims_size(), 5);
      EXPECT_EQ(a.claims(0).doc_id(), "p2000");
      EXPECT_EQ(a.claims(1).doc_id(), "p2950");
    }
  });
}

// Several words: a claim whose length and its lists' block frequencies
// show it cannot reach the page is not scored: with bitmap-intersected
// words (counted from the intersection), a short list leading (counted,
// then skipped), exact forms, and phrases (not checked past
// kExactTotalFloor, so the total is a lower bound). The
// pages, scores and totals are those of a faceted search, which scores
// every match. Strong claims (short, repeating the words) sit at the start
// and, a few, late, so a bound below any unit's best loses a late one.
TEST(ClaimIndexPruningTest, ClaimBoundsSkipOnlyClaimsThatCannotReachThePage) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text;
    if (d < 30 || d % 1000 == 937) {
      text = d % 2 == 0 ? "gales pier dune gale the pier" : "dune gale pier dune the pier gales";
    } else {
      text = d % 4 == 1 ? "gales" : "gale";
      if (d % 3 != 0) text += d % 2 == 0 ? " the pier" : " pier";
      if (d % 5 == 0) text += " dune";  // a list too short for a bitmap
      for (int k = 0; k < d % 13 + 2; ++k) text += " filler";
      if (d % 7 == 3) text += " pier";
    }
    docs.push_back({MakeClaim(absl::StrCat("b", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  ASSERT_TRUE(index.DeleteDocument("b10").ok());
  int flagged = 0;
  for (const char* q : {"gale pier", "gales pier", "pier gale gales", "dune pier", "dune gales", "\"gale pier\"",
                        "\"pier dune\" gale", "\"the pier\""}) {
    SCOPED_TRACE(q);
    v1::SearchClaimsRequest fast = Query(q);
    fast.set_page_size(10);
    v1::SearchClaimsRequest every = fast;
    every.add_facets(v1::FACET_FIELD_KIND);
    for (int page = 0; page < 3; ++page) {
      SCOPED_TRACE(page);
      const v1::SearchClaimsResponse a = Search(index, fast);
      const v1::SearchClaimsResponse b = Search(index, every);
      EXPECT_FALSE(b.total_is_lower_bound());
      if (a.total_is_lower_bound()) {
        ++flagged;
        EXPECT_GE(a.total_matches(), 1000u);
        EXPECT_LE(a.total_matches(), b.total_matches());
      } else {
        EXPECT_EQ(a.total_matches(), b.total_matches());
      }
      ASSERT_NO_FATAL_FAILURE(ExpectSameRanking(a, b));
      fast.set_page_token(a.next_page_token());
      every.set_page_token(b.next_page_token());
    }
  }
  EXPECT_GT(flagged, 0);
}

// Words whose lists keep their repeats (PostingList::repeats) are judged
// by length alone in claims holding each once; the claims repeating a
// word, as a stem ("gale ... gales") or an exact form ("gales gales"),
// long enough that they win only by repeating it, are scored in full.
// Pages and totals match those of the path that scores every match.
TEST(ClaimIndexPruningTest, ClaimsRepeatingAWordWinOverShorterOnesHoldingItOnce) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);  // bitmaps: the counted path
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text = d % 3 == 0 ? "gales" : "gale";
    text += d % 4 == 0 ? " the pier" : " pier";
    if (d % 401 == 17) text += " gales gales";      // the exact form three times
    if (d % 503 == 29) text += " gale gale gale";  // the stem four times, the exact form once or not
    if (d % 601 == 41) text += " pier pier";        // the other word three times
    for (int k = 0; k < d % 11 + (d % 97 == 5 ? 0 : 3); ++k) text += " filler";
    docs.push_back({MakeClaim(absl::StrCat("r", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));
  for (const char* q : {"gales pier", "gale pier", "pier gales", "gale gales pier"}) {
    SCOPED_TRACE(q);
    v1::SearchClaimsRequest fast = Query(q);
    fast.set_page_size(25);
    v1::SearchClaimsRequest every = fast;
    every.add_facets(v1::FACET_FIELD_KIND);  // facets: every match is scored
    int repeating = 0;
    for (int page = 0; page < 4; ++page) {
      SCOPED_TRACE(page);
      const v1::SearchClaimsResponse a = Search(index, fast);
      const v1::SearchClaimsResponse b = Search(index, every);
      EXPECT_EQ(a.total_matches(), b.total_matches());
      ASSERT_NO_FATAL_FAILURE(ExpectSameRanking(a, b));
      for (const v1::Claim& c : a.claims()) {
        repeating += absl::StrContains(c.text(), "gales gales") || absl::StrContains(c.text(), "gale gale") ||
                     absl::StrContains(c.text(), "pier pier");
      }
      fast.set_page_token(a.next_page_token());
      every.set_page_token(b.next_page_token());
    }
    EXPECT_GT(repeating, 0);  // the case holds: repeating claims make the pages
  }
}

// A phrase of two words without NeighbourCodes is found on the rarer
// word's list by the other's NeighbourByte, then checked on positions: a
// word sharing that byte beside it, the words the other way round or apart
// do not match, and both reading directions (the rarer word first or
// second) find every claim holding the phrase, with the scores of the
// path that checks every claim on positions (a speaker filter leads).
TEST(ClaimIndexPruningTest, PhrasesOfUncodedWordsMatchOnlyAdjacentWords) {
  // "gale" and a made-up word sharing its byte.
  const uint8_t gale = NeighbourByte(Stem("gale"));
  std::string twin;
  for (int i = 0; twin.empty(); ++i) {
    std::string w = "qz";
    for (int k = i; k > 0; k /= 10) w += static_cast<char>('b' + k % 10);
    if (Stem(w) != "gale" && NeighbourByte(Stem(w)) == gale) twin = w;
  }
  ASSERT_EQ(NeighbourCode(Stem(twin)), 0);
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  std::set<std::string> pier_gale, gale_pier;  // claim ids expected to match each phrase
  for (int d = 0; d < 3000; ++d) {
    std::string text;
    switch (d % 8) {
      case 0: text = "pier gale filler"; break;                   // both phrases' words; "pier gale" only
      case 1: text = absl::StrCat("pier ", twin, " gale"); break;  // the twin's byte beside "pier"
      case 2: text = "gale filler pier"; break;                   // apart
      case 3: text = "gale pier and pier gale pier"; break;       // both, "gale pier" twice
      case 4: text = "filler gale"; break;                        // "gale" alone (it is the commoner)
      case 5: text = "pier"; break;
      default: text = "gale gale filler";
    }
    const v1::Claim c = MakeClaim(absl::StrCat("u", d), 1, text, "Ana Lind", "T");
    if (d % 8 == 0 || d % 8 == 3) pier_gale.insert(c.claim_id());
    if (d % 8 == 3) gale_pier.insert(c.claim_id());
    docs.push_back({c});
  }
  index.Apply(Batch(docs));
  for (const auto& [q, want] : {std::pair{"\"pier gale\"", pier_gale}, std::pair{"\"gale pier\"", gale_pier}}) {
    SCOPED_TRACE(q);
    v1::SearchClaimsRequest request = Query(q);
    request.set_exact_total(true);
    const std::vector<std::string> got = AllPages(index, request);
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), want);
    EXPECT_EQ(got.size(), want.size());
    request.set_page_size(20);
    const auto [a, b] = SearchFastAndExhaustive(index, request, {"ana-lind"});
    EXPECT_EQ(a.total_matches(), want.size());
    ASSERT_NO_FATAL_FAILURE(ExpectSameRanking(a, b));
  }
}

// The longest claim that may reach the page is remembered per combination
// of the lists' block bounds: a block where only the second word repeats
// gets its own bound. The page fills early with short claims of both words
// once each; late claims repeating "pier" five times beat them, in blocks
// whose "gale" bound is the same as the early blocks'.
TEST(ClaimIndexPruningTest, EachCombinationOfBlockBoundsHasItsOwnLongestClaim) {
  constexpr int kClaims = 3 * static_cast<int>(PostingList::kBitmapDocs);  // bitmaps: the counted path
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  for (int d = 0; d < kClaims; ++d) {
    std::string text = "gale pier";
    if (d < 40) {
      text += " filler filler";
    } else if (d % 1000 == 937) {
      text += " pier pier pier pier";
    } else {
      for (int k = 0; k < 12; ++k) text += " filler";
    }
    docs.push_back({MakeClaim(absl::StrCat("b", d), 1, text, "Ana Lind", "T")});
  }
  index.Apply(Batch(docs));  // one segment
  v1::SearchClaimsRequest fast = Query("gale pier");
  fast.set_page_size(12);
  v1::SearchClaimsRequest exhaustive = fast;  // facets: every match is scored
  exhaustive.add_facets(v1::FACET_FIELD_KIND);
  const v1::SearchClaimsResponse a = Search(index, fast);
  const v1::SearchClaimsResponse b = Search(index, exhaustive);
  EXPECT_EQ(Ids(a), Ids(b));
  int late = 0;
  for (const v1::Claim& c : b.claims()) late += c.text().find("pier pier") != std::string::npos;
  EXPECT_EQ(late, 12);  // the case holds: every late claim makes the page
}

// Phrases of a coded function word and another word ("the minister",
// "minister of") are matched on the other word's neighbour codes: over
// several segments, with a deleted document and claims of over 256 words,
// every query finds exactly the claims MatchesClaim accepts (the text-based
// definition), and ranks phrases said twice above those said once, as the
// position-based path does.
TEST(ClaimIndexPruningTest, NeighbourCodePhrasesMatchWhatTheTextSays) {
  const char* const kWords[] = {"the", "minister", "of", "port", "its", "budget", "it", "to",
                                "he", "said", "in", "a", "talks", "who", "the", "minister"};
  ClaimIndex index;
  std::vector<v1::Claim> all;
  uint32_t x = 7;
  for (int batch = 0; batch < 4; ++batch) {
    std::vector<std::vector<v1::Claim>> docs;
    for (int d = 0; d < 150; ++d) {
      std::vector<v1::Claim> claims;
      for (int i = 0; i < 4; ++i) {
        x = x * 1103515245u + 12345u;
        const int words = (x >> 8) % 97 == 0 ? 300 : 2 + (x >> 8) % 12;
        std::string text;
        for (int w = 0; w < words; ++w) {
          x = x * 1103515245u + 12345u;
          absl::StrAppend(&text, w == 0 ? "" : " ", kWords[(x >> 16) % 16]);
        }
        claims.push_back(MakeClaim(absl::StrCat("n", batch, "-", d), i + 1, text, "Ana Lind", "T"));
      }
      docs.push_back(claims);
    }
    for (const auto& d : docs) all.insert(all.end(), d.begin(), d.end());
    index.Apply(Batch(docs));
  }
  ASSERT_TRUE(index.DeleteDocument("n1-3").ok());
  for (const char* q : {"\"the minister\"", "\"minister of\"", "\"its budget\"", "\"budget it\"",
                        "\"the minister\" port", "\"minister the\" \"of the\"", "\"he said\"",
                        "\"to the\" \"in port\""}) {
    SCOPED_TRACE(q);
    const ParsedQuery parsed = *ParseQuery(q);
    std::set<std::string> want;
    for (const v1::Claim& c : all) {
      if (c.doc_id() != "n1-3" && MatchesClaim(parsed, v1::ClaimFilter(), c)) want.insert(c.claim_id());
    }
    ASSERT_GT(want.size(), 0u);
    v1::SearchClaimsRequest request = Query(q);
    request.set_page_size(100);
    request.set_exact_total(true);
    const std::vector<std::string> pages = AllPages(index, request);
    EXPECT_EQ(std::set<std::string>(pages.begin(), pages.end()), want);
    EXPECT_EQ(pages.size(), want.size());
  }
  // Said twice ranks above said once, in claims of one length.
  ClaimIndex two;
  two.Apply(Batch({{MakeClaim("t", 1, "the minister port the minister port", "Ana Lind", "T"),
                    MakeClaim("t", 2, "the minister port minister the port", "Ana Lind", "T")}}));
  EXPECT_THAT(Ids(Search(two, Query("\"the minister\""))), ElementsAre("c-t-1", "c-t-2"));
}

// One word's speaker facets, counted straight off its postings, match the
// filter path's, before and after a deletion (which takes the general
// loop over live claims).
TEST(ClaimIndexPruningTest, OneWordSpeakerFacetsMatchTheFilterPath) {
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> docs;
  const char* speakers[] = {"Ana Lind", "Bo Sten", "Cy Dahl"};
  for (int d = 0; d < 700; ++d) {
    std::string text = d % 4 == 0 ? "tide filler" : "tide tide filler words";
    docs.push_back({MakeClaim(absl::StrCat("f", d), 1, text, speakers[(d * d) % 3], "T")});
  }
  index.Apply(Batch(docs));
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round);
    v1::SearchClaimsRequest fast = Query("tide");
    fast.add_facets(v1::FACET_FIELD_SPEAKER);
    v1::SearchClaimsRequest exhaustive = fast;
    for (const char* id : {"ana-lind", "bo-sten", "cy-dahl"}) exhaustive.mutable_filter()->add_speaker_ids(id);
    const v1::SearchClaimsResponse a = Search(index, fast);
    const v1::SearchClaimsResponse b = Search(index, exhaustive);
    ASSERT_EQ(a.facets_size(), 1);
    EXPECT_EQ(a.facets(0).DebugString(), b.facets(0).DebugString());
    uint64_t counted = 0;
    for (const v1::FacetCount& c : a.facets(0).counts()) counted += c.count();
    EXPECT_EQ(counted, 700u - round);
    if (round == 0) ASSERT_TRUE(index.DeleteDocument("f5").ok());
  }
}

// A phrase scores by how often it occurs, not by how often its words do: of
// two claims of one length, the one saying the phrase twice ranks first,
// though the other repeats each word more, whether the phrase is matched on
// word positions or is a pair of function words.
TEST(ClaimIndexScoringTest, PhrasesScoreByHowOftenTheyOccur) {
  ClaimIndex index;
  index.Apply(Batch({{MakeClaim("once", 1, "ferry ferry ferry strike strike strike of of the the quay", "Ana", "T")},
                     {MakeClaim("twice", 1, "ferry strike ferry strike of the of the crews rest quay", "Ana", "T")},
                     {MakeClaim("apart", 1, "strike on the ferry ends with crews of a port quay", "Ana", "T")}}));
  EXPECT_THAT(Ids(Search(index, Query("\"ferry strike\""))), ElementsAre("c-twice-1", "c-once-1"));
  EXPECT_THAT(Ids(Search(index, Query("quay \"ferry strike\""))), ElementsAre("c-twice-1", "c-once-1"));
  EXPECT_THAT(Ids(Search(index, Query("\"of the\""))), ElementsAre("c-twice-1", "c-once-1"));
  EXPECT_THAT(Ids(Search(index, Query("\"of the\" quay"))), ElementsAre("c-twice-1", "c-once-1"));
  // Words alone still score by their own frequency.
  EXPECT_THAT(Ids(Search(index, Query("ferry strike"))), ElementsAre("c-once-1", "c-twice-1", "c-apart-1"));
}

// Memory freed by merges goes back to the system once merging has gone
// quiet, before WaitForBackgroundWork returns; without a merge, nothing is
// released.
TEST(ClaimIndexMemoryTest, MergesHandFreedMemoryBack) {
  std::atomic<int> releases{0};
  ClaimIndex index([&releases] { ++releases; });
  int next = 0;
  auto ingest = [&](int batches) {
    for (int b = 0; b < batches; ++b, ++next) {
      const std::string doc = absl::StrCat("m", next);
      index.Apply(Batch({{MakeClaim(doc, 1, "Quiet harbour words", "Ana Lind", "T")}}));
    }
    index.WaitForBackgroundWork();
  };
  ingest(1);  // one segment: nothing to merge
  EXPECT_EQ(releases, 0);
  EXPECT_EQ(index.Stats().segments(), 1u);
  ingest(2);  // three segments of one claim, compacted into one
  EXPECT_EQ(releases, 1);
  EXPECT_EQ(index.Stats().segments(), 1u);
  ingest(4);  // four more segments (fewer than a level merge takes), compacted with the first
  EXPECT_EQ(releases, 2);
  EXPECT_EQ(index.Stats().segments(), 1u);
  EXPECT_EQ(Search(index, Query("harbour")).total_matches(), 7u);
}

// Once ingest goes quiet, the smaller segments are merged together, and a
// segment joins them only when they hold at least half as many claims: a
// trickle of small batches after a large one is merged among itself until
// it has grown to half the large segment, which is not rewritten before.
TEST(ClaimIndexMemoryTest, QuietIngestCompactsSegmentsWithoutRewritingALargeOneForEachBatch) {
  ClaimIndex index;
  std::vector<std::vector<v1::Claim>> large;
  for (int d = 0; d < 40; ++d) {
    large.push_back({MakeClaim(absl::StrCat("large", d), 1, "Ferry timetable words", "Ana Lind", "T")});
  }
  index.Apply(Batch(large));
  index.WaitForBackgroundWork();
  EXPECT_EQ(index.Stats().segments(), 1u);
  for (int d = 0; d < 20; ++d) {
    index.Apply(Batch({{MakeClaim(absl::StrCat("small", d), 1, "Ferry delay words", "Ana Lind", "T")}}));
    index.WaitForBackgroundWork();
    // The small claims sit in a few segments beside the large one until
    // there are 20 of them (half of 40); then all are one segment.
    const uint32_t segments = index.Stats().segments();
    if (d + 1 < 20) {
      EXPECT_GE(segments, 2u) << "after " << d + 1 << " small batches";
      EXPECT_LE(segments, 4u) << "after " << d + 1 << " small batches";
    } else {
      EXPECT_EQ(segments, 1u);
    }
    EXPECT_EQ(Search(index, Query("ferry")).total_matches(), 41u + d);
  }
}

TEST(ClaimIndexConcurrencyTest, ReadersSeeWholeBatchesWhileIngestRuns) {
  ClaimIndex index;
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int batch = 0; batch < 200; ++batch) {
      std::vector<std::vector<v1::Claim>> docs;
      for (int d = 0; d < 5; ++d) {
        const std::string doc = absl::StrCat("w", batch, "-", d);
        docs.push_back({MakeClaim(doc, 1, "Steady words for the reader", "Ana Lind", "T"),
                        MakeClaim(doc, 2, "More steady words", "Ana Lind", "T")});
      }
      index.Apply(Batch(docs));
    }
    done = true;
  });
  uint64_t last = 0;
  while (!done) {
    const uint64_t n = Search(index, Query("steady")).total_matches();
    EXPECT_EQ(n % 10, 0u);  // batches of ten claims appear whole
    EXPECT_GE(n, last);
    last = n;
  }
  writer.join();
  EXPECT_EQ(Search(index, Query("steady")).total_matches(), 2000u);
}

// Batches are built outside the writer lock, so deletions land while a
// batch that replaces the same documents is being built. Whatever the
// interleaving, each document ends up whole in one version or deleted, and
// the counts agree with what reads find. Only even-numbered documents are
// deleted, so the odd ones are there at the end however the threads ran.
TEST(ClaimIndexConcurrencyTest, DeletionsDuringIngestLeaveEachDocumentWholeOrGone) {
  ClaimIndex index;
  constexpr int kDocuments = 40;
  std::thread writer([&] {
    for (int round = 0; round < 80; ++round) {
      std::vector<std::vector<v1::Claim>> docs;
      for (int k = 0; k < 6; ++k) {
        const std::string doc = absl::StrCat("d", (round * 3 + k) % kDocuments);
        const std::string text = absl::StrCat("harbour version v", round);
        docs.push_back({MakeClaim(doc, 1, text, "Ana Lind", "T"), MakeClaim(doc, 2, text + " again", "Ana Lind", "T")});
      }
      index.Apply(Batch(docs));
    }
  });
  std::thread deleter([&] {
    for (int i = 0; i < 400; ++i) {
      const absl::StatusOr<uint32_t> deleted = index.DeleteDocument(absl::StrCat("d", (i * 14) % kDocuments));
      if (!deleted.ok()) EXPECT_TRUE(absl::IsNotFound(deleted.status())) << deleted.status();
    }
  });
  writer.join();
  deleter.join();
  index.WaitForBackgroundWork();
  uint64_t documents = 0, claims = 0;
  for (int k = 0; k < kDocuments; ++k) {
    const absl::StatusOr<v1::DocumentClaims> doc = index.GetDocument(absl::StrCat("d", k));
    if (!doc.ok()) {
      EXPECT_TRUE(absl::IsNotFound(doc.status())) << doc.status();
      continue;
    }
    ++documents;
    claims += doc->claims_size();
    ASSERT_EQ(doc->claims_size(), 2) << doc->doc_id();
    EXPECT_EQ(doc->claims(1).text(), doc->claims(0).text() + " again") << doc->doc_id();
  }
  EXPECT_GE(documents, kDocuments / 2u);
  const v1::GetStatsResponse stats = index.Stats();
  EXPECT_EQ(stats.documents(), documents);
  EXPECT_EQ(stats.claims(), claims);
  EXPECT_EQ(Search(index, Query("harbour")).total_matches(), claims);
}

// Three outlets report one statement of one speaker; one of them also
// carries another statement, and another speaker says the same words.
class CorroborationIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::Claim gazette = MakeClaim("g", 1, "The ferries will run again before the first snow, whatever the cost.",
                                  "Ines Harrow", "Gazette", v1::CLAIM_KIND_DIRECT, Day(2025, 11, 3));
    gazette.mutable_source()->mutable_published_date()->CopyFrom(Day(2025, 11, 3));
    v1::Claim other = MakeClaim("g", 2, "Harbour fees will rise in the spring.", "Ines Harrow", "Gazette",
                                v1::CLAIM_KIND_DIRECT, Day(2025, 11, 3));
    v1::Claim courier = MakeClaim("c", 1, "The ferries will run again before the first snow", "Inés Harrow", "Courier",
                                  v1::CLAIM_KIND_DIRECT, Day(2025, 11, 3));
    courier.mutable_speaker()->set_speaker_id("ines-harrow-courier");  // another extractor id for her
    courier.mutable_source()->mutable_published_date()->CopyFrom(Day(2025, 11, 4));
    v1::Claim herald = MakeClaim("h", 1, "run again before the first snow", "Harrow", "Herald", v1::CLAIM_KIND_PARTIAL);
    herald.mutable_speaker()->set_speaker_id("harrow");
    herald.mutable_source()->mutable_published_date()->CopyFrom(Day(2025, 11, 5));
    v1::Claim echo = MakeClaim("e", 1, "The ferries will run again before the first snow, whatever the cost.",
                               "Paul Grey", "Echo", v1::CLAIM_KIND_DIRECT, Day(2025, 11, 3));
    ASSERT_EQ(index_.Apply(Batch({{gazette, other}})).claims_accepted, 2u);
    ASSERT_EQ(index_.Apply(Batch({{courier}, {herald}, {echo}})).claims_accepted, 3u);
    // Clusters follow publication from the clustering stage.
    ASSERT_TRUE(index_.WaitForClustering());
  }

  v1::Claim Get(const std::string& id) {
    absl::StatusOr<v1::Claim> c = index_.GetClaim(id);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *c : v1::Claim();
  }

  ClaimIndex index_;
};

TEST_F(CorroborationIndexTest, SameStatementSharesAClusterAcrossOutlets) {
  const v1::Claim g = Get("c-g-1");
  EXPECT_FALSE(g.cluster_id().empty());
  EXPECT_EQ(Get("c-c-1").cluster_id(), g.cluster_id());
  EXPECT_EQ(Get("c-h-1").cluster_id(), g.cluster_id());
  EXPECT_NE(Get("c-g-2").cluster_id(), g.cluster_id());  // another statement
  EXPECT_NE(Get("c-e-1").cluster_id(), g.cluster_id());  // another speaker
  EXPECT_EQ(g.outlet_count(), 3u);                       // counted live: later reports raised it
  EXPECT_EQ(Get("c-g-2").outlet_count(), 1u);
  // The variants and the surname are one speaker.
  EXPECT_EQ(Get("c-c-1").speaker().speaker_id(), "ines-harrow");
  EXPECT_EQ(Get("c-h-1").speaker().speaker_id(), "ines-harrow");
}

TEST_F(CorroborationIndexTest, GetCorroborationListsMembersEarliestFirst) {
  v1::GetCorroborationRequest request;
  request.set_claim_id("c-h-1");
  absl::StatusOr<v1::Corroboration> c = index_.GetCorroboration(request);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->outlet_count(), 3u);
  EXPECT_THAT(c->outlets(), ElementsAre("Gazette", "Courier", "Herald"));
  ASSERT_EQ(c->claims_size(), 3);
  EXPECT_EQ(c->earliest_claim_id(), "c-g-1");
  EXPECT_EQ(c->earliest_date().day(), 3);
  EXPECT_EQ(c->speaker_id(), "ines-harrow");
  // By cluster id too.
  v1::GetCorroborationRequest by_cluster;
  by_cluster.set_cluster_id(c->cluster_id());
  EXPECT_EQ(index_.GetCorroboration(by_cluster)->claims_size(), 3);
}

TEST_F(CorroborationIndexTest, GetCorroborationValidates) {
  v1::GetCorroborationRequest none;
  EXPECT_EQ(index_.GetCorroboration(none).status().code(), absl::StatusCode::kInvalidArgument);
  v1::GetCorroborationRequest both;
  both.set_claim_id("c-g-1");
  both.set_cluster_id("cl-1");
  EXPECT_EQ(index_.GetCorroboration(both).status().code(), absl::StatusCode::kInvalidArgument);
  v1::GetCorroborationRequest bad;
  bad.set_cluster_id("nonsense");
  EXPECT_EQ(index_.GetCorroboration(bad).status().code(), absl::StatusCode::kInvalidArgument);
  v1::GetCorroborationRequest unknown;
  unknown.set_cluster_id("cl-ffff");
  EXPECT_EQ(index_.GetCorroboration(unknown).status().code(), absl::StatusCode::kNotFound);
  v1::GetCorroborationRequest missing_claim;
  missing_claim.set_claim_id("c-nope");
  EXPECT_EQ(index_.GetCorroboration(missing_claim).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(CorroborationIndexTest, SearchFiltersAndSortsByOutlets) {
  v1::SearchClaimsRequest corroborated;
  corroborated.mutable_filter()->set_min_outlets(2);
  EXPECT_THAT(Ids(Search(index_, corroborated)), ::testing::UnorderedElementsAre("c-g-1", "c-c-1", "c-h-1"));
  v1::SearchClaimsRequest sorted = Query("snow");
  sorted.set_sort(v1::SORT_ORDER_CORROBORATION);
  const std::vector<std::string> ids = Ids(Search(index_, sorted));
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids.back(), "c-e-1");  // one outlet: last
  // An alias the extractor gave still filters.
  v1::SearchClaimsRequest alias;
  alias.mutable_filter()->add_speaker_ids("ines-harrow-courier");
  EXPECT_EQ(Search(index_, alias).total_matches(), 4u);
  EXPECT_EQ(index_.GetSpeaker("harrow")->speaker_id(), "ines-harrow");
}

TEST_F(CorroborationIndexTest, ListClustersFiltersAndSorts) {
  v1::ListClustersRequest all;
  absl::StatusOr<v1::ListClustersResponse> r = index_.ListClusters(all);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->total_clusters(), 3u);
  ASSERT_EQ(r->clusters_size(), 3);
  EXPECT_EQ(r->clusters(0).outlet_count(), 3u);
  EXPECT_EQ(r->clusters(0).claim_count(), 3u);
  EXPECT_EQ(r->clusters(0).earliest().claim_id(), "c-g-1");
  EXPECT_EQ(r->clusters(0).latest_date().day(), 5);

  v1::ListClustersRequest corroborated;
  corroborated.mutable_filter()->set_min_outlets(2);
  EXPECT_EQ(index_.ListClusters(corroborated)->total_clusters(), 1u);
  v1::ListClustersRequest by_speaker;
  by_speaker.mutable_filter()->add_speaker_ids("paul-grey");
  r = index_.ListClusters(by_speaker);
  ASSERT_EQ(r->clusters_size(), 1);
  EXPECT_EQ(r->clusters(0).speaker_id(), "paul-grey");

  v1::ListClustersRequest paged;
  paged.set_page_size(2);
  r = index_.ListClusters(paged);
  ASSERT_FALSE(r->next_page_token().empty());
  paged.set_page_token(r->next_page_token());
  EXPECT_EQ(index_.ListClusters(paged)->clusters_size(), 1);
  paged.set_sort(v1::CLUSTER_SORT_RECENCY);  // the token belongs to another order
  EXPECT_EQ(index_.ListClusters(paged).status().code(), absl::StatusCode::kInvalidArgument);
  v1::ListClustersRequest bad_sort;
  bad_sort.set_sort(static_cast<v1::ClusterSort>(42));
  EXPECT_EQ(index_.ListClusters(bad_sort).status().code(), absl::StatusCode::kInvalidArgument);
}

// Documents parsed onto an arena (as the ingest stream does) are indexed
// like any others, and the index keeps the arena for the clustering stage:
// the listener reads the claims after Apply has returned.
TEST(ClusteringStageTest, ABatchOnAnArenaIsKeptUntilItsClaimsAreClustered) {
  ClaimIndex index;
  std::vector<std::string> heard;
  absl::Mutex heard_mu;
  index.SetIngestListener([&](absl::Span<const v1::Claim* const> claims) {
    absl::MutexLock lock(&heard_mu);
    for (const v1::Claim* c : claims) heard.push_back(c->claim_id() + " " + c->doc_id() + " " + c->text());
  });
  auto arena = std::make_unique<google::protobuf::Arena>();
  auto* request = google::protobuf::Arena::CreateMessage<v1::IngestClaimsRequest>(arena.get());
  *request->mutable_documents() =
      Batch({{MakeClaim("a", 1, "The ferry timetable changes in May.", "Ines Harrow", "Gazette"),
              MakeClaim("a", 2, "Fares stay the same this year.", "Ines Harrow", "Gazette")},
             {MakeClaim("b", 1, "The ferry timetable changes in May.", "Ines Harrow", "Courier")}});
  const IngestResult r = index.Apply(std::move(arena), request->mutable_documents());
  EXPECT_EQ(r.documents_accepted, 2u);
  EXPECT_EQ(r.claims_accepted, 3u);
  ASSERT_TRUE(index.WaitForClustering());
  {
    absl::MutexLock lock(&heard_mu);
    EXPECT_EQ(heard, (std::vector<std::string>{"c-a-1 a The ferry timetable changes in May.",
                                               "c-a-2 a Fares stay the same this year.",
                                               "c-b-1 b The ferry timetable changes in May."}));
  }
  EXPECT_EQ(Search(index, Query("ferry")).total_matches(), 2u);
  absl::StatusOr<v1::Claim> b = index.GetClaim("c-b-1");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->outlet_count(), 2u);
  EXPECT_EQ(b->source().outlet(), "Courier");
}

// The clustering stage runs behind publication: while it is held up (here by
// a listener that blocks), new claims are searchable without a cluster, the
// backlog shows in the stats, and the cluster reads give up at their
// deadline; once it resumes, clusters and listeners catch up in order.
TEST(ClusteringStageTest, ClaimsAreSearchableBeforeTheyAreClustered) {
  ClaimIndex index;
  absl::Notification entered, release;
  std::vector<std::string> heard;
  absl::Mutex heard_mu;
  index.SetIngestListener([&](absl::Span<const v1::Claim* const> claims) {
    if (!entered.HasBeenNotified()) entered.Notify();
    release.WaitForNotification();
    absl::MutexLock lock(&heard_mu);
    for (const v1::Claim* c : claims) heard.push_back(c->claim_id() + "@" + c->cluster_id());
  });
  const v1::Claim first = MakeClaim("a", 1, "The bridge reopens on Monday after repairs.", "Ines Harrow", "Gazette");
  const v1::Claim second = MakeClaim("b", 1, "The bridge reopens on Monday after repairs.", "Ines Harrow", "Courier");
  ASSERT_EQ(index.Apply(Batch({{first}})).claims_accepted, 1u);
  entered.WaitForNotification();  // the stage is now stuck in the listener
  ASSERT_EQ(index.Apply(Batch({{second}})).claims_accepted, 1u);

  const v1::SearchClaimsResponse found = Search(index, Query("bridge"));
  ASSERT_EQ(found.total_matches(), 2u);
  absl::StatusOr<v1::Claim> pending = index.GetClaim("c-b-1");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->cluster_id(), "");
  EXPECT_EQ(index.Stats().claims_pending_clustering(), 2u);  // the batch in the listener counts until done
  v1::GetCorroborationRequest request;
  request.set_claim_id("c-b-1");
  EXPECT_EQ(index.GetCorroboration(request, absl::Now() + absl::Milliseconds(50)).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(index.ListClusters(v1::ListClustersRequest(), absl::Now() + absl::Milliseconds(50)).status().code(),
            absl::StatusCode::kDeadlineExceeded);

  release.Notify();
  ASSERT_TRUE(index.WaitForClustering(absl::Now() + absl::Seconds(30)));
  EXPECT_EQ(index.Stats().claims_pending_clustering(), 0u);
  absl::StatusOr<v1::Corroboration> cluster = index.GetCorroboration(request);
  ASSERT_TRUE(cluster.ok()) << cluster.status();
  EXPECT_EQ(cluster->outlet_count(), 2u);
  EXPECT_EQ(index.GetClaim("c-a-1")->cluster_id(), cluster->cluster_id());
  index.SetIngestListener(nullptr);
  absl::MutexLock lock(&heard_mu);
  EXPECT_THAT(heard, ::testing::ElementsAre("c-a-1@" + cluster->cluster_id(), "c-b-1@" + cluster->cluster_id()));
}

// Readers of every kind run while one thread ingests, replaces and deletes
// documents (so the merge thread and the clustering stage are busy too):
// no read fails, and afterwards every statement's cluster holds exactly the
// outlets that still carry it.
TEST(ClusteringStageTest, ReadersRunBesideIngestMergesAndClustering) {
  ClaimIndex index;
  constexpr int kBatches = 60;
  constexpr int kOutlets = 4;
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int b = 0; b < kBatches; ++b) {
      // Statement b is reported by every outlet, each in its own document.
      std::vector<std::vector<v1::Claim>> docs;
      for (int o = 0; o < kOutlets; ++o) {
        // Words of their own per statement (letters only, so they are not
        // mistaken for one statement with different figures).
        auto word = [b](char k) {
          return absl::StrCat(std::string(1, 'a' + b % 26), std::string(1, 'a' + b / 26), "vorn", std::string(1, k));
        };
        docs.push_back({MakeClaim(absl::StrCat("s", b, "-o", o), 1,
                                  absl::StrCat("The harbour ", word('a'), " ", word('b'), " and ", word('c'), " ",
                                               word('d')),
                                  "Ines Harrow", absl::StrCat("Outlet ", o))});
      }
      index.Apply(Batch(docs));
      if (b % 5 == 4) ASSERT_TRUE(index.DeleteDocument(absl::StrCat("s", b - 2, "-o0")).ok());
    }
    done = true;
  });
  uint64_t reads = 0;
  while (!done) {
    v1::SearchClaimsRequest sorted = Query("harbour");
    sorted.set_sort(v1::SORT_ORDER_CORROBORATION);
    sorted.mutable_filter()->set_min_outlets(2);
    ASSERT_TRUE(index.Search(sorted).ok());
    absl::StatusOr<v1::ListClustersResponse> clusters = index.ListClusters(v1::ListClustersRequest());
    ASSERT_TRUE(clusters.ok()) << clusters.status();
    if (clusters->clusters_size() > 0) {
      v1::GetCorroborationRequest request;
      request.set_cluster_id(clusters->clusters(0).cluster_id());
      absl::StatusOr<v1::Corroboration> c = index.GetCorroboration(request);
      // A cluster listed a moment ago may have lost its last claim since.
      ASSERT_TRUE(c.ok() || c.status().code() == absl::StatusCode::kNotFound) << c.status();
    }
    ++reads;
  }
  writer.join();
  ASSERT_TRUE(index.WaitForClustering());
  EXPECT_GT(reads, 0u);
  for (int b = 0; b < kBatches; ++b) {
    v1::GetCorroborationRequest request;
    request.set_claim_id(absl::StrCat("c-s", b, "-o1-1"));
    absl::StatusOr<v1::Corroboration> c = index.GetCorroboration(request);
    ASSERT_TRUE(c.ok()) << b << ": " << c.status();
    const bool deleted = b % 5 == 2 && b + 2 < kBatches;
    EXPECT_EQ(c->outlet_count(), deleted ? kOutlets - 1u : static_cast<uint32_t>(kOutlets)) << b;
    EXPECT_EQ(c->claims_size(), deleted ? kOutlets - 1 : kOutlets) << b;
  }
}

TEST_F(CorroborationIndexTest, DeletingADocumentLowersTheCount) {
  ASSERT_TRUE(index_.DeleteDocument("c").ok());
  ASSERT_TRUE(index_.WaitForClustering());
  EXPECT_EQ(Get("c-g-1").outlet_count(), 2u);
  v1::GetCorroborationRequest request;
  request.set_claim_id("c-g-1");
  EXPECT_EQ(index_.GetCorroboration(request)->claims_size(), 2);
  // Re-ingesting the Herald's document keeps the statement's cluster.
  const std::string cluster = Get("c-g-1").cluster_id();
  v1::Claim herald = Get("c-h-1");
  herald.clear_cluster_id();
  ASSERT_EQ(index_.Apply(Batch({{herald}})).claims_accepted, 1u);
  ASSERT_TRUE(index_.WaitForClustering());
  EXPECT_EQ(Get("c-h-1").cluster_id(), cluster);
}

}  // namespace
}  // namespace claims::query
