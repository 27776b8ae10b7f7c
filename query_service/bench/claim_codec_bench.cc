// claim_codec_bench: the stored-claim codec against zstd on the same
// generated claims and the same trained dictionary: bytes a claim, and the
// time to compress and to decompress one.
//
//   bazel run -c opt //query_service/bench:claim_codec_bench -- --claims=100000
//
// Records are what a segment stores (Segment::Record: a serialized claim
// without its document's shared part). The dictionary is trained as the
// index trains it, on every fourth record of the first 65,536. Decompression
// reads the records in a shuffled order, as a page of search results does,
// so each block is a cache miss; the dictionary stays warm. Each figure is
// the fastest of --rounds runs. Rows:
//   lz4 fast     ClaimCodec, kFast (the ingest path)
//   lz4 tight    ClaimCodec, kTight (compactions)
//   zstd N       zstd at level N with the whole zstd dictionary (its
//                entropy tables and content), frames without the
//                dictionary's id, read with ZSTD_decompress_usingDDict (the
//                codec until session 26 used level 3)
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "query_service/bench/bench_support.h"
#include "query_service/bench/claim_generator.h"
#include "query_service/claim_codec.h"
#include "query_service/segment.h"

ABSL_FLAG(int, claims, 100000, "Claims to generate (about).");
ABSL_FLAG(int, rounds, 3, "Timed rounds of each measurement; the fastest is printed.");

namespace {

using claims::bench::Fastest;

// Compresses every record with `compress`, times it and reading them back
// with `decompress` (checked against the records), and prints a row.
template <typename Compress, typename Decompress>
bool Row(const char* name, const std::vector<std::string>& records, const std::vector<size_t>& order, int rounds,
         Compress compress, Decompress decompress) {
  std::vector<std::string> blocks(records.size());
  const double compress_s = Fastest(rounds, [&] {
    for (size_t i = 0; i < records.size(); ++i) {
      blocks[i].clear();
      compress(records[i], &blocks[i]);
    }
  });
  size_t stored = 0;
  for (const std::string& b : blocks) stored += b.size();
  bool ok = true;
  std::string out;
  const double decompress_s = Fastest(rounds, [&] {
    for (size_t i : order) {
      if (!decompress(blocks[i], &out) || out.size() != records[i].size()) ok = false;
    }
  });
  for (size_t i = 0; i < records.size() && ok; ++i) ok = decompress(blocks[i], &out) && out == records[i];
  const double n = static_cast<double>(records.size());
  std::printf("%-10s %8.1f bytes a claim  compress %6.2f us  decompress %6.3f us%s\n", name, stored / n,
              1e6 * compress_s / n, 1e6 * decompress_s / n, ok ? "" : "  (ROUND TRIP FAILED)");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const size_t want = static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_claims)));
  const int rounds = std::max(1, absl::GetFlag(FLAGS_rounds));

  // Records as segments store them: built in batches of 64 documents.
  claims::bench::ClaimGenerator generator(7);
  std::vector<std::string> records;
  uint32_t ordinal = 0;
  while (records.size() < want) {
    std::vector<claims::v1::Claim> batch;
    for (int d = 0; d < 64; ++d) {
      for (claims::v1::Claim& claim : claims::bench::ClaimsAsIngested(generator.NextDocument())) {
        batch.push_back(std::move(claim));
      }
    }
    std::vector<const claims::v1::Claim*> pointers;
    std::vector<uint32_t> ordinals;
    for (const claims::v1::Claim& c : batch) {
      pointers.push_back(&c);
      ordinals.push_back(++ordinal);
    }
    const auto segment = claims::query::Segment::Build(pointers, ordinals);
    for (uint32_t doc = 0; doc < segment->size(); ++doc) {
      records.emplace_back();
      segment->Record(doc, &records.back());
    }
  }
  size_t raw = 0;
  for (const std::string& r : records) raw += r.size();
  std::vector<std::string> samples;
  for (size_t i = 0; i < records.size() && samples.size() < 16384; i += 4) samples.push_back(records[i]);
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937_64(1));
  std::printf("%zu records, %.1f bytes a claim raw; dictionary trained on %zu of them\n", records.size(),
              static_cast<double>(raw) / records.size(), samples.size());

  auto codec = claims::query::ClaimCodec::Train(samples);
  auto zstd_dictionary = claims::query::ClaimCodec::TrainZstdDictionary(samples);
  if (!codec.ok() || !zstd_dictionary.ok()) {
    std::fprintf(stderr, "claim_codec_bench: training failed: %s\n",
                 (codec.ok() ? zstd_dictionary.status() : codec.status()).ToString().c_str());
    return 1;
  }
  bool ok = true;
  using Effort = claims::query::ClaimCodec::Effort;
  for (const Effort effort : {Effort::kFast, Effort::kTight}) {
    ok &= Row(
        effort == Effort::kFast ? "lz4 fast" : "lz4 tight", records, order, rounds,
        [&](const std::string& r, std::string* out) { (*codec)->Compress(r, effort, out); },
        [&](const std::string& b, std::string* out) { return (*codec)->Decompress(b, out); });
  }
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_dictIDFlag, 0);
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  ZSTD_DDict* ddict = ZSTD_createDDict(zstd_dictionary->data(), zstd_dictionary->size());
  for (const int level : {1, 3}) {
    ZSTD_CDict* cdict = ZSTD_createCDict(zstd_dictionary->data(), zstd_dictionary->size(), level);
    const std::string name = "zstd " + std::to_string(level);
    ok &= Row(
        name.c_str(), records, order, rounds,
        [&](const std::string& r, std::string* out) {
          out->resize(ZSTD_compressBound(r.size()));
          ZSTD_CCtx_refCDict(cctx, cdict);
          const size_t n = ZSTD_compress2(cctx, out->data(), out->size(), r.data(), r.size());
          out->resize(ZSTD_isError(n) ? 0 : n);
        },
        [&](const std::string& b, std::string* out) {
          const unsigned long long size = ZSTD_getFrameContentSize(b.data(), b.size());
          if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) return false;
          out->resize(size);
          const size_t n = ZSTD_decompress_usingDDict(dctx, out->data(), out->size(), b.data(), b.size(), ddict);
          return !ZSTD_isError(n) && n == size;
        });
    ZSTD_freeCDict(cdict);
  }
  ZSTD_freeDDict(ddict);
  ZSTD_freeDCtx(dctx);
  ZSTD_freeCCtx(cctx);
  return ok ? 0 : 1;
}
