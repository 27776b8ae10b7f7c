#include "query_service/claim_store.h"

#include <set>

#include "gtest/gtest.h"

namespace claims::query {
namespace {

v1::DocumentClaims Doc(const std::string& doc_id, std::vector<std::pair<std::string, std::string>> claims,
                       const std::string& speaker = "Ana Silva") {
  v1::DocumentClaims d;
  d.set_doc_id(doc_id);
  int i = 0;
  for (auto& [id, text] : claims) {
    v1::Claim* c = d.add_claims();
    c->set_claim_id(id.empty() ? doc_id + "-" + std::to_string(i) : id);
    c->set_doc_id(doc_id);
    c->set_text(text);
    c->mutable_speaker()->set_canonical_name(speaker);
    c->mutable_speaker()->set_speaker_id(speaker == "Ana Silva" ? "ana-silva" : "bo-chen");
    ++i;
  }
  return d;
}

std::vector<std::string> Ids(const v1::SearchClaimsResponse& r) {
  std::vector<std::string> ids;
  for (const auto& c : r.claims()) ids.push_back(c.claim_id());
  return ids;
}

TEST(ClaimStoreTest, SearchAndsTermsAndFiltersSpeaker) {
  ClaimStore store;
  ASSERT_TRUE(store.ApplyDocument(Doc("a", {{"a1", "The bridge is safe"}, {"a2", "The bridge will open in May"}})).ok());
  ASSERT_TRUE(store.ApplyDocument(Doc("b", {{"b1", "Bridge tolls are too high"}}, "Bo Chen")).ok());
  v1::SearchClaimsRequest q;
  q.set_query("bridge");
  EXPECT_EQ(store.Search(q)->total_matches(), 3u);
  q.set_query("BRIDGE open");
  EXPECT_EQ(Ids(*store.Search(q)), (std::vector<std::string>{"a2"}));
  q.set_query("bridge");
  q.set_speaker("bo-chen");
  EXPECT_EQ(Ids(*store.Search(q)), (std::vector<std::string>{"b1"}));
  q.set_speaker("ANA SILVA");
  EXPECT_EQ(store.Search(q)->total_matches(), 2u);
  q.set_query("nothing-matches-this");
  EXPECT_EQ(store.Search(q)->total_matches(), 0u);
}

TEST(ClaimStoreTest, PagingCoversAllResultsOnce) {
  ClaimStore store;
  std::vector<std::pair<std::string, std::string>> claims;
  for (int i = 0; i < 25; ++i) claims.push_back({"", "port strike day " + std::to_string(i)});
  ASSERT_TRUE(store.ApplyDocument(Doc("p", claims)).ok());
  v1::SearchClaimsRequest q;
  q.set_query("strike");
  q.set_page_size(10);
  std::set<std::string> seen;
  int pages = 0;
  do {
    auto r = store.Search(q);
    ASSERT_TRUE(r.ok());
    for (const auto& c : r->claims()) EXPECT_TRUE(seen.insert(c.claim_id()).second);
    q.set_page_token(r->next_page_token());
    ++pages;
  } while (!q.page_token().empty());
  EXPECT_EQ(seen.size(), 25u);
  EXPECT_EQ(pages, 3);
  q.set_page_token("garbage");
  EXPECT_EQ(store.Search(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.set_page_token("");
  q.set_page_size(5000);
  EXPECT_EQ(store.Search(q).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ClaimStoreTest, ReingestReplacesAndValidationRejects) {
  ClaimStore store;
  ASSERT_TRUE(store.ApplyDocument(Doc("a", {{"a1", "old words"}, {"a2", "more old words"}})).ok());
  ASSERT_TRUE(store.ApplyDocument(Doc("a", {{"a3", "new words"}})).ok());
  EXPECT_EQ(store.GetClaim("a1").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store.GetClaim("a3")->text(), "new words");
  v1::SearchClaimsRequest q;
  q.set_query("old");
  EXPECT_EQ(store.Search(q)->total_matches(), 0u);
  EXPECT_EQ(store.Stats().claims(), 1u);
  EXPECT_EQ(store.Stats().documents(), 1u);

  v1::DocumentClaims bad = Doc("c", {{"c1", "x"}});
  bad.mutable_claims(0)->set_doc_id("other");
  EXPECT_EQ(store.ApplyDocument(bad).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.ApplyDocument(Doc("", {})).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.ApplyDocument(Doc("d", {{"d1", "x"}, {"d1", "y"}})).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.Stats().claims(), 1u);  // nothing of a rejected document is stored
}

TEST(ClaimStoreTest, ListSpeakersCountsClaims) {
  ClaimStore store;
  ASSERT_TRUE(store.ApplyDocument(Doc("a", {{"a1", "one"}, {"a2", "two"}})).ok());
  ASSERT_TRUE(store.ApplyDocument(Doc("b", {{"b1", "three"}}, "Bo Chen")).ok());
  auto r = store.ListSpeakers({});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->speakers_size(), 2);
  EXPECT_EQ(r->speakers(0).canonical_name(), "Ana Silva");
  EXPECT_EQ(r->speakers(0).claim_count(), 2u);
}

}  // namespace
}  // namespace claims::query
