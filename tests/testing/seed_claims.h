// The seed articles' gold annotation and the extractor's claims for them,
// for the tests that score against ../shared/eval.
#ifndef CLAIMS_TESTS_TESTING_SEED_CLAIMS_H_
#define CLAIMS_TESTS_TESTING_SEED_CLAIMS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "protos/claims/v1/claim.pb.h"
#include "tools/scorer/gold.pb.h"

namespace claims::testing {

struct SeedClaims {
  std::vector<eval::GoldDocument> gold;
  // The extractor's claims by doc_id.
  std::map<std::string, std::vector<v1::Claim>> predicted;
};

// Reads <shared>/eval/seeds_gold.jsonl and extracts the articles it names.
absl::StatusOr<SeedClaims> ExtractSeedClaims(const std::string& shared_dir);

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_TESTING_SEED_CLAIMS_H_
