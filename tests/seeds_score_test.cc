// Extraction quality on the seed articles against the gold annotation of
// ../shared/eval (skipped with a message where ../shared is absent). The
// figures are printed to the test log. The floors are issue 3's acceptance
// targets.
#include <iostream>

#include "gtest/gtest.h"
#include "tests/testing/seed_claims.h"
#include "tests/testing/server_process.h"
#include "tools/scorer/scorer.h"

namespace claims {
namespace {

constexpr double kQuotesF1Floor = 0.95;
constexpr double kIndirectF1Floor = 0.80;
constexpr double kAttributionFloor = 0.95;
constexpr double kDatesFloor = 0.90;

TEST(SeedScoreTest, ExtractionMeetsTheQualityFloors) {
  const std::string shared = testing::SharedDataDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared (seed articles and gold) was not found (beside the checkout, or at "
                    "CLAIMS_SHARED_DIR); skipping the quality measurement";
  }
  absl::StatusOr<testing::SeedClaims> seeds = testing::ExtractSeedClaims(shared);
  ASSERT_TRUE(seeds.ok()) << seeds.status();
  const std::vector<eval::GoldDocument>& gold = seeds->gold;
  const std::map<std::string, std::vector<v1::Claim>>& predicted = seeds->predicted;
  const eval::ScoreReport report = eval::Score(gold, predicted);
  std::cout << eval::FormatReport(report) << "\n";
  for (const eval::Finding& f : report.findings) std::cout << f.doc_id << "  " << f.type << "  " << f.detail << "\n";

  EXPECT_GE(report.quotes.f1(), kQuotesF1Floor);
  EXPECT_GE(report.indirect.f1(), kIndirectF1Floor);
  EXPECT_GE(report.attribution.value(), kAttributionFloor);
  EXPECT_GE(report.dates.value(), kDatesFloor);
}

}  // namespace
}  // namespace claims
