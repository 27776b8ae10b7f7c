#include "tools/claim_format.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::tools {
namespace {

using ::testing::HasSubstr;

TEST(FormatDateTest, PadsAndMarksUnset) {
  v1::Date date;
  EXPECT_EQ(FormatDate(date), "-");
  date.set_year(2025);
  date.set_month(3);
  date.set_day(2);
  EXPECT_EQ(FormatDate(date), "2025-03-02");
}

TEST(FormatClaimTest, ShowsKindSpeakerRoleCueDateOutletAndWrappedText) {
  v1::Claim claim;
  claim.set_kind(v1::CLAIM_KIND_DIRECT);
  claim.set_text("one two three four five six seven eight nine ten");
  claim.mutable_speaker()->set_canonical_name("Ana Lind");
  claim.mutable_speaker()->set_role("harbour master");
  claim.mutable_cue()->set_text("said");
  claim.mutable_statement_date()->set_year(2024);
  claim.mutable_statement_date()->set_month(11);
  claim.mutable_statement_date()->set_day(30);
  claim.mutable_source()->set_outlet("The Example Times");
  const std::string text = FormatClaim(claim, 24);
  EXPECT_THAT(text, HasSubstr("[direct] Ana Lind (harbour master) | said | 2024-11-30 | The Example Times"));
  // Wrapped at 20 columns of text, each line indented by four spaces.
  EXPECT_THAT(text, HasSubstr("\n    \u201cone two three four\n    five six seven eight\n"));
}

TEST(FormatClaimTest, MarksUnattributedClaimsAndFallsBackToDocId) {
  v1::Claim claim;
  claim.set_kind(v1::CLAIM_KIND_INDIRECT);
  claim.set_doc_id("doc-1");
  claim.set_text("x");
  EXPECT_THAT(FormatClaim(claim), HasSubstr("[indirect] (unattributed) | - | - | doc-1"));
}

TEST(FormatSpeakersTest, OneLinePerSpeaker) {
  v1::ListSpeakersResponse speakers;
  auto* s = speakers.add_speakers();
  s->set_canonical_name("Ana Lind");
  s->set_speaker_id("ana-lind");
  s->set_claim_count(3);
  s->add_roles("harbour master");
  s->add_roles("spokeswoman");
  speakers.add_speakers()->set_canonical_name("B");
  const std::string text = FormatSpeakers(speakers);
  EXPECT_THAT(text, HasSubstr("   3  Ana Lind"));
  EXPECT_THAT(text, HasSubstr("harbour master; spokeswoman\n"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

TEST(FormatCorroborationTest, HeaderThenMembers) {
  v1::Corroboration c;
  c.set_cluster_id("cl-7");
  c.set_speaker_name("Ana Lind");
  c.set_outlet_count(2);
  c.add_outlets("Gazette");
  c.add_outlets("Courier");
  c.set_earliest_claim_id("c-1");
  c.mutable_earliest_date()->set_year(2025);
  c.mutable_earliest_date()->set_month(3);
  c.mutable_earliest_date()->set_day(4);
  c.add_claims()->set_text("The pier stays open");
  c.add_claims()->set_text("the pier stays open");
  const std::string text = FormatCorroboration(c);
  EXPECT_THAT(text, HasSubstr("cl-7: Ana Lind, reported by 2 outlets (Gazette, Courier); earliest c-1 on 2025-03-04"));
  EXPECT_THAT(text, HasSubstr("The pier stays open"));
  EXPECT_THAT(text, HasSubstr("the pier stays open"));
}

TEST(FormatClustersTest, OneEntryPerCluster) {
  v1::ListClustersResponse r;
  auto* c = r.add_clusters();
  c->set_cluster_id("cl-2");
  c->set_outlet_count(3);
  c->set_claim_count(4);
  c->set_speaker_name("Ana Lind");
  c->mutable_earliest()->set_text("The pier stays open");
  r.add_clusters()->set_cluster_id("cl-3");
  const std::string text = FormatClusters(r);
  EXPECT_THAT(text, HasSubstr("3 outlets, 4 claims  Ana Lind  cl-2"));
  EXPECT_THAT(text, HasSubstr("(unattributed)  cl-3"));
}

TEST(FormatStatsTest, ShowsSegmentsMemoryAndTheClusteringBacklog) {
  v1::GetStatsResponse stats;
  stats.set_documents(3);
  stats.set_claims(12);
  stats.set_segments(2);
  stats.set_index_memory_bytes(3 * 1048576 + 524288);
  stats.mutable_memory()->set_stored_claims_bytes(1048576);
  stats.mutable_memory()->set_postings_bytes(2 * 1048576);
  stats.mutable_memory()->set_clustering_bytes(524288);
  stats.set_claims_pending_clustering(7);
  const std::string text = FormatStats(stats);
  EXPECT_THAT(text, HasSubstr("documents: 3\nclaims: 12\n"));
  EXPECT_THAT(text, HasSubstr("segments: 2\n"));
  EXPECT_THAT(text, HasSubstr("index_memory: 3.5 MiB (stored claims 1.0, postings 2.0, fields 0.0, clustering 0.5, "
                              "live sets 0.0)\n"));
  EXPECT_THAT(text, HasSubstr("claims_pending_clustering: 7\n"));
}

}  // namespace
}  // namespace claims::tools
