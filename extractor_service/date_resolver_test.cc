#include "extractor_service/date_resolver.h"

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

TEST(DateResolverTest, FullDatesInNewsForms) {
  EXPECT_EQ(FindFullDate("Saturday, March 9th, 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("Published 07:54 IST, March 9th 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("on Jan. 4, 2023 in"), absl::CivilDay(2023, 1, 4));
  EXPECT_EQ(FindFullDate("9 March 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("2024-03-09"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("February 30, 2024"), std::nullopt);
  EXPECT_EQ(FindFullDate("no date here"), std::nullopt);
}

TEST(DateResolverTest, RelativeToPublication) {
  const absl::CivilDay published(2024, 3, 9);  // a Saturday
  EXPECT_EQ(ResolveStatementDate("the mayor said on Wednesday", published), absl::CivilDay(2024, 3, 6));
  EXPECT_EQ(ResolveStatementDate("she said Saturday", published), published);
  EXPECT_EQ(ResolveStatementDate("told reporters on March 7", published), absl::CivilDay(2024, 3, 7));
  EXPECT_EQ(ResolveStatementDate("said on Dec. 30", published), absl::CivilDay(2023, 12, 30));
  EXPECT_EQ(ResolveStatementDate("said (7 March)", published), absl::CivilDay(2024, 3, 7));
  EXPECT_EQ(ResolveStatementDate("said yesterday", published), absl::CivilDay(2024, 3, 8));
  EXPECT_EQ(ResolveStatementDate("said Wednesday's vote", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("he said", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("said on Wednesday", std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace claims::extractor
