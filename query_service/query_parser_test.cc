#include "query_service/query_parser.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::query {
namespace {

TEST(QueryParserTest, WordsAndPhrases) {
  absl::StatusOr<ParsedQuery> q = ParseQuery("water \"will not sign\" Warned");
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->terms.size(), 5u);
  EXPECT_EQ(q->terms[0].exact, "water");
  EXPECT_EQ(q->terms[4].exact, "warned");
  EXPECT_EQ(q->terms[4].stem, "warn");
  ASSERT_EQ(q->phrases.size(), 1u);
  EXPECT_EQ(q->phrases[0], (std::vector<size_t>{1, 2, 3}));
  EXPECT_TRUE(ParseQuery("")->empty());
}

TEST(QueryParserTest, RejectsMalformedQueries) {
  EXPECT_EQ(ParseQuery("\"open phrase").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseQuery(std::string(5000, 'a')).status().code(), absl::StatusCode::kInvalidArgument);
  std::string many;
  for (int i = 0; i < 70; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(ParseQuery(many).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(QueryParserTest, ValidatesFilters) {
  v1::ClaimFilter f;
  EXPECT_TRUE(ValidateFilter(f).ok());
  f.mutable_statement_date()->mutable_from()->set_year(2026);
  f.mutable_statement_date()->mutable_from()->set_month(2);
  f.mutable_statement_date()->mutable_from()->set_day(30);
  EXPECT_EQ(ValidateFilter(f).code(), absl::StatusCode::kInvalidArgument);
  f.mutable_statement_date()->mutable_from()->set_day(20);
  f.mutable_statement_date()->mutable_to()->set_year(2026);
  f.mutable_statement_date()->mutable_to()->set_month(1);
  f.mutable_statement_date()->mutable_to()->set_day(1);
  absl::Status after = ValidateFilter(f);
  EXPECT_EQ(after.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(after.message()), ::testing::HasSubstr("after"));
  v1::ClaimFilter kinds;
  kinds.add_kinds(static_cast<v1::ClaimKind>(42));
  EXPECT_EQ(ValidateFilter(kinds).code(), absl::StatusCode::kInvalidArgument);
}

TEST(QueryParserTest, MatchesClaimsDirectly) {
  v1::Claim claim;
  claim.set_text("The minister warned that the river will not be shared.");
  claim.mutable_speaker()->set_speaker_id("ana-lind");
  claim.mutable_source()->set_outlet("The Example Times");
  const v1::ClaimFilter none;
  EXPECT_TRUE(MatchesClaim(*ParseQuery("warns river"), none, claim));
  EXPECT_TRUE(MatchesClaim(*ParseQuery("\"will not be shared\""), none, claim));
  EXPECT_FALSE(MatchesClaim(*ParseQuery("\"not will\""), none, claim));
  v1::ClaimFilter outlet;
  outlet.add_outlets("the example TIMES");
  EXPECT_TRUE(MatchesClaim(*ParseQuery(""), outlet, claim));
  v1::ClaimFilter speaker;
  speaker.add_speaker_ids("someone-else");
  EXPECT_FALSE(MatchesClaim(*ParseQuery(""), speaker, claim));
}

}  // namespace
}  // namespace claims::query
