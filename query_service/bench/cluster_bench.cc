// cluster_bench: the per-claim cost of corroboration clustering as the
// index grows.
//
//   bazel run -c opt //query_service/bench:cluster_bench -- --claims=1000000
//
// Claims come from the benchmark generator; a share of them (--repeat) are
// re-reports: an earlier claim of the same speaker, from another document,
// trimmed, extended or with words swapped, as other outlets carry it. Every
// claim goes through Clusterer::Add (speaker-scoped candidates, verification,
// assignment). Prints the mean microseconds per claim over the window of
// claims ending at each checkpoint (10k, 100k, 1M...), the clusters formed,
// the share of re-reports that joined their original's cluster, and the
// clusterer's memory.
#include <chrono>
#include <cstdio>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/ids.h"
#include "query_service/bench/claim_generator.h"
#include "query_service/corroboration.h"
#include "query_service/segment.h"

ABSL_FLAG(uint64_t, claims, 1000000, "Claims to cluster.");
ABSL_FLAG(double, repeat, 0.2, "Share of claims that re-report an earlier statement.");
ABSL_FLAG(uint64_t, window, 10000, "Claims per timing window (ending at each checkpoint).");

namespace {

struct Recent {
  std::string text;
  std::string speaker;
  uint32_t cluster;
};

// Another outlet's rendering: trimmed at either end, one word in six swapped
// for another word of the vocabulary.
std::string Rewrite(const std::string& text, std::mt19937_64& rng, const claims::bench::ClaimGenerator& gen) {
  std::vector<std::string> words = absl::StrSplit(text, ' ', absl::SkipEmpty());
  if (words.size() > 8 && rng() % 2 == 0) words.erase(words.begin(), words.begin() + 1 + rng() % 2);
  if (words.size() > 8 && rng() % 2 == 0) words.resize(words.size() - 1 - rng() % 2);
  for (std::string& w : words) {
    if (rng() % 6 == 0) w = gen.word(rng() % gen.vocabulary_size());
  }
  return absl::StrJoin(words, " ");
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const uint64_t total = absl::GetFlag(FLAGS_claims);
  const uint64_t window = absl::GetFlag(FLAGS_window);
  const double repeat = absl::GetFlag(FLAGS_repeat);
  std::vector<uint64_t> checkpoints;
  for (uint64_t c = 10000; c <= total; c *= 10) checkpoints.push_back(c);
  if (checkpoints.empty() || checkpoints.back() != total) checkpoints.push_back(total);

  claims::bench::ClaimGenerator gen(7);
  std::mt19937_64 rng(11);
  claims::query::Clusterer clusterer;
  absl::flat_hash_map<std::string, uint32_t> speakers;
  std::deque<Recent> recent;  // the last statements, re-reported from here
  uint64_t done = 0, repeats = 0, joined = 0;
  double window_seconds = 0;
  uint64_t window_claims = 0;
  size_t next_checkpoint = 0;
  std::printf("%10s %10s %14s %14s %10s %18s %11s\n", "claims", "us/claim", "links/claim", "verified/claim",
              "clusters", "re-reports joined", "memory MiB");
  claims::query::Clusterer::Work window_start;
  while (done < total) {
    claims::v1::DocumentClaims doc = gen.NextDocument();
    for (claims::v1::Claim& claim : *doc.mutable_claims()) {
      if (done >= total) break;
      const Recent* original = nullptr;
      if (!recent.empty() && std::uniform_real_distribution<double>(0, 1)(rng) < repeat) {
        original = &recent[rng() % recent.size()];
        claim.set_text(Rewrite(original->text, rng, gen));
        claim.mutable_speaker()->set_speaker_id(original->speaker);
        claim.clear_statement_date();
      }
      claims::query::Clusterer::Input in;
      const std::string claim_id = claims::ClaimId(doc.doc_id(), claim.kind(), claim.span().start(), static_cast<uint32_t>(done));
      in.claim_hash = claims::StableHash64(claim_id);
      in.doc_id = doc.doc_id();
      in.speaker = speakers.try_emplace(claim.speaker().speaker_id(), static_cast<uint32_t>(speakers.size() + 1)).first->second;
      in.outlet = doc.source().outlet();
      in.kind = claim.kind();
      in.statement_day = claims::query::DayNumber(claim.statement_date());
      in.text = claim.text();
      const auto start = std::chrono::steady_clock::now();
      const uint32_t cluster = clusterer.Add(in);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (original != nullptr) {
        ++repeats;
        joined += cluster == original->cluster;
      } else {
        recent.push_back({claim.text(), claim.speaker().speaker_id(), cluster});
        if (recent.size() > 5000) recent.pop_front();
      }
      ++done;
      if (done + window == checkpoints[next_checkpoint]) window_start = clusterer.work();
      if (done + window > checkpoints[next_checkpoint]) {
        window_seconds += seconds;
        ++window_claims;
      }
      if (done == checkpoints[next_checkpoint]) {
        const claims::query::Clusterer::Work& work = clusterer.work();
        std::printf("%10llu %10.2f %14.1f %14.2f %10u %17.1f%% %11.1f\n", static_cast<unsigned long long>(done),
                    1e6 * window_seconds / window_claims,
                    static_cast<double>(work.links_walked - window_start.links_walked) / window_claims,
                    static_cast<double>(work.pairs_verified - window_start.pairs_verified) / window_claims,
                    clusterer.cluster_count(),
                    repeats == 0 ? 0.0 : 100.0 * joined / repeats, clusterer.MemoryBytes() / 1048576.0);
        std::fflush(stdout);
        window_seconds = 0;
        window_claims = 0;
        ++next_checkpoint;
      }
    }
  }
  return 0;
}
