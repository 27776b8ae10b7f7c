// ingest_stages: where the CPU of ingest goes, stage by stage, on one core
// and without gRPC, so each stage's cost per claim can be compared before
// and after a change (query_load measures the whole path over loopback).
//
//   bazel run -c opt //query_service/bench:ingest_stages -- --claims=200000
//
// Stages, each timed alone over the same generated claims:
//   build    Segment::Build of one ingest batch (--batch_documents documents)
//            with a trained codec, as the ingest thread does per batch;
//   compress ClaimCodec::Compress of every claim's stored record with
//            kFast, the part of build that compresses (and "compress+",
//            with kTight, as a compaction recodes them);
//   train    ClaimCodec::Train on the samples the index would take, as the
//            merge thread does once, and the stored bytes a claim the
//            trained codec gives with each effort;
//   merge L  Segment::Merge of ClaimIndex::kMergeFactor level-L segments
//            into one of level L+1, as the merge thread does (every claim
//            is merged once per level);
//   resolve  SpeakerDirectory::Resolve of every claim's speaker, as Apply
//            does before building (a fresh directory each round);
//   cluster  Clusterer::Add of every claim with the statement sequence its
//            build worked out, as the clustering stage does;
//   apply    ClaimIndex::Apply of every batch, then waiting for merges and
//            clustering: the whole in-process write path, on all cores.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_split.h"
#include "common/ids.h"
#include "query_service/bench/bench_support.h"
#include "query_service/bench/claim_generator.h"
#include "query_service/claim_codec.h"
#include "query_service/claim_index.h"
#include "query_service/corroboration.h"
#include "query_service/segment.h"
#include "query_service/speaker_directory.h"

ABSL_FLAG(int, claims, 200000, "Claims to generate (about).");
ABSL_FLAG(int, batch_documents, 64,
          "Documents per ingest batch (one level-0 segment each).");
ABSL_FLAG(int, rounds, 3,
          "Timed rounds of each stage; the fastest is printed.");
ABSL_FLAG(std::string, stages,
          "build,compress,train,merge,resolve,cluster,apply",
          "Stages to run (merge needs build).");

namespace {

using Clock = std::chrono::steady_clock;
using claims::query::Segment;
using SegmentPtr = std::shared_ptr<const Segment>;

using claims::bench::Fastest;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Report(const char *stage, double seconds, size_t claims) {
  std::printf("%-10s %8zu claims  %8.3f s  %7.2f us/claim  %9.0f claims/s\n",
              stage, claims, seconds, 1e6 * seconds / claims, claims / seconds);
}

} // namespace

int main(int argc, char **argv) {
  absl::ParseCommandLine(argc, argv);
  const int rounds = std::max(1, absl::GetFlag(FLAGS_rounds));
  const size_t batch_documents =
      std::max(1, absl::GetFlag(FLAGS_batch_documents));

  // Batches of documents, and their claims with doc_id set, as Apply would
  // hand them to Segment::Build.
  claims::bench::ClaimGenerator generator(7);
  std::vector<google::protobuf::RepeatedPtrField<claims::v1::DocumentClaims>>
      batches;
  std::vector<std::vector<claims::v1::Claim>> batch_claims;
  size_t total = 0;
  while (total < static_cast<size_t>(absl::GetFlag(FLAGS_claims))) {
    batches.emplace_back();
    batch_claims.emplace_back();
    for (size_t d = 0; d < batch_documents; ++d) {
      claims::v1::DocumentClaims *doc = batches.back().Add();
      *doc = generator.NextDocument();
      for (claims::v1::Claim &claim : claims::bench::ClaimsAsIngested(*doc))
        batch_claims.back().push_back(std::move(claim));
      total += doc->claims_size();
    }
  }
  std::printf("%zu claims in %zu batches of %zu documents\n", total,
              batches.size(), batch_documents);

  // Each batch's claims' statement sequences, as a build hands them to the
  // clustering stage.
  std::vector<Segment::StatementSequences> sequences(batch_claims.size());
  auto build_all = [&](std::shared_ptr<const claims::query::ClaimCodec> codec) {
    std::vector<SegmentPtr> out;
    uint32_t ordinal = 1;
    for (const auto &claims : batch_claims) {
      std::vector<const claims::v1::Claim *> pointers;
      std::vector<uint32_t> ordinals;
      for (const claims::v1::Claim &c : claims) {
        pointers.push_back(&c);
        ordinals.push_back(ordinal++);
      }
      out.push_back(Segment::Build(pointers, ordinals, codec,
                                   &sequences[out.size()]));
    }
    return out;
  };

  // Every claim's stored record, and the codec the index would have
  // trained by then (on records spread over the first claims).
  std::vector<SegmentPtr> level = build_all(nullptr);
  std::vector<std::string> records, samples;
  for (const SegmentPtr &s : level) {
    for (uint32_t doc = 0; doc < s->size(); ++doc) {
      records.emplace_back();
      s->Record(doc, &records.back());
      if (doc % 4 == 0 && samples.size() < 16384)
        samples.push_back(records.back());
    }
  }
  auto codec = claims::query::ClaimCodec::Train(samples);
  if (!codec.ok()) {
    std::fprintf(stderr, "ingest_stages: codec: %s\n",
                 codec.status().ToString().c_str());
    return 1;
  }

  const std::vector<std::string> stages =
      absl::StrSplit(absl::GetFlag(FLAGS_stages), ',');
  auto wanted = [&stages](absl::string_view stage) {
    return std::find(stages.begin(), stages.end(), stage) != stages.end();
  };
  if (wanted("build"))
    Report("build", Fastest(rounds, [&] { level = build_all(*codec); }), total);

  if (wanted("compress")) {
    using Effort = claims::query::ClaimCodec::Effort;
    for (const Effort effort : {Effort::kFast, Effort::kTight}) {
      std::string out;
      Report(effort == Effort::kFast ? "compress" : "compress+",
             Fastest(rounds, [&] {
               for (const std::string &record : records) {
                 out.clear();
                 (*codec)->Compress(record, effort, &out);
               }
             }),
             records.size());
    }
  }

  if (wanted("train")) {
    std::shared_ptr<const claims::query::ClaimCodec> trained;
    const double seconds = Fastest(rounds, [&] {
      auto made = claims::query::ClaimCodec::Train(samples);
      if (made.ok())
        trained = *std::move(made);
    });
    size_t raw = 0;
    std::string fast, tight;
    for (const std::string &record : records) {
      raw += record.size();
      if (trained != nullptr) {
        trained->Compress(record, claims::query::ClaimCodec::Effort::kFast,
                          &fast);
        trained->Compress(record, claims::query::ClaimCodec::Effort::kTight,
                          &tight);
      }
    }
    std::printf("train        %zu samples %10.3f s; %zu records stored in "
                "%.1f bytes a claim (kFast), %.1f (kTight), %.1f raw\n",
                samples.size(), seconds, records.size(),
                static_cast<double>(fast.size()) / records.size(),
                static_cast<double>(tight.size()) / records.size(),
                static_cast<double>(raw) / records.size());
  }

  constexpr size_t kFactor = claims::query::ClaimIndex::kMergeFactor;
  const std::vector<const Roaring *> no_deaths(kFactor, nullptr);
  for (int l = 0;
       wanted("merge") && wanted("build") && level.size() >= kFactor; ++l) {
    std::vector<SegmentPtr> next;
    size_t merged = 0;
    const double seconds = Fastest(rounds, [&] {
      next.clear();
      merged = 0;
      for (size_t i = 0; i + kFactor <= level.size(); i += kFactor) {
        next.push_back(Segment::Merge(
            absl::MakeConstSpan(level.data() + i, kFactor), no_deaths, *codec));
        merged += next.back()->size();
      }
    });
    const std::string name = "merge " + std::to_string(l);
    Report(name.c_str(), seconds, merged);
    level = std::move(next);
  }

  if (wanted("resolve")) {
    std::vector<claims::v1::Speaker> speakers;
    for (const auto &claims : batch_claims)
      for (const claims::v1::Claim &c : claims)
        speakers.push_back(c.speaker());
    Report("resolve", Fastest(rounds, [&] {
             claims::query::SpeakerDirectory directory;
             for (const claims::v1::Speaker &given : speakers) {
               claims::v1::Speaker speaker = given;
               directory.Resolve(&speaker);
             }
           }),
           total);
  }

  if (wanted("cluster")) {
    const double cluster_seconds = Fastest(rounds, [&] {
      claims::query::Clusterer clusterer;
      for (size_t b = 0; b < batch_claims.size(); ++b) {
        for (size_t i = 0; i < batch_claims[b].size(); ++i) {
          const claims::v1::Claim &c = batch_claims[b][i];
          const auto speaker = static_cast<uint32_t>(
              claims::StableHash64(c.speaker().speaker_id()) % 100000 + 1);
          auto input = claims::query::Clusterer::Input::Of(c, speaker);
          input.sequence = sequences[b].of(i);
          clusterer.Add(input);
        }
      }
    });
    Report("cluster", cluster_seconds, total);
  }

  // Apply takes its batches by move, as the service hands them over.
  if (!wanted("apply"))
    return 0;
  double apply_seconds = 1e300;
  for (int r = 0; r < rounds; ++r) {
    auto copies = batches;
    claims::query::ClaimIndex index;
    const Clock::time_point start = Clock::now();
    for (auto &batch : copies)
      index.Apply(std::move(batch));
    index.WaitForBackgroundWork();
    apply_seconds = std::min(apply_seconds, Seconds(start));
  }
  Report("apply", apply_seconds, total);
  return 0;
}
