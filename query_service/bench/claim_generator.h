// Synthetic but realistic claims for benchmarks (never committed as data):
// news-like sentences over a Zipf-distributed vocabulary, speakers drawn from
// a skewed population of people and organisations, several outlets, dates
// over three years, kinds in news proportions, entities and quantities.
// Deterministic for a seed.
#ifndef CLAIMS_QUERY_SERVICE_BENCH_CLAIM_GENERATOR_H_
#define CLAIMS_QUERY_SERVICE_BENCH_CLAIM_GENERATOR_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "protos/claims/v1/query_service.pb.h"

namespace claims::bench {

class ClaimGenerator {
 public:
  explicit ClaimGenerator(uint64_t seed = 42);

  // The next document: 1-20 claims (about 8 on average) with one source.
  v1::DocumentClaims NextDocument();

  // A word of the vocabulary by frequency rank (0 is the most frequent).
  const std::string& word(size_t rank) const { return words_[rank]; }
  size_t vocabulary_size() const { return words_.size(); }

 private:
  size_t ZipfRank(size_t n, double s);

  std::mt19937_64 rng_;
  std::vector<std::string> words_;
  std::vector<double> word_cdf_;
  std::vector<std::string> speakers_;
  std::vector<double> speaker_cdf_;
  std::vector<std::string> outlets_;
  uint64_t next_doc_ = 0;
};

}  // namespace claims::bench

#endif  // CLAIMS_QUERY_SERVICE_BENCH_CLAIM_GENERATOR_H_
