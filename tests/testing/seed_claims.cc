#include "tests/testing/seed_claims.h"

#include "tools/scorer/run_extractor.h"
#include "tools/scorer/scorer.h"

namespace claims::testing {

absl::StatusOr<SeedClaims> ExtractSeedClaims(const std::string& shared_dir) {
  const std::string gold_path = shared_dir + "/eval/seeds_gold.jsonl";
  SeedClaims out;
  absl::StatusOr<std::vector<eval::GoldDocument>> gold = eval::ReadGold(gold_path);
  if (!gold.ok()) return gold.status();
  out.gold = *std::move(gold);
  auto predicted = eval::ExtractGoldArticles(out.gold, eval::GoldRoot(gold_path));
  if (!predicted.ok()) return predicted.status();
  out.predicted = *std::move(predicted);
  return out;
}

}  // namespace claims::testing
