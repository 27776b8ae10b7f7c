// Compression of stored claims: each claim is one LZ4 block, compressed
// against a dictionary trained on the index's own claims.
//
// A serialized claim is a few hundred bytes, too short for a compressor to
// find repeats inside it; a dictionary holds what claims share (field tags,
// frequent words, names, outlets), so each block stays independently
// readable (one result costs one short decompression) and the stored claims
// shrink about twofold.
//
// The dictionary is trained by zstd's trainer (ZDICT, fastCover), the
// blocks are LZ4's: a page of search results decompresses one claim per
// result, and on generated claims LZ4 read one in about half the time zstd
// took with the same dictionary (no entropy stage to undo), while its
// high-compression parser stored them in about as many bytes
// (query_service/bench/claim_codec_bench: 0.68-0.79 us against 1.24-1.31
// us at zstd's level 3; 117.9 bytes a claim against 116.6).
//
// Two efforts write the same format: kFast (LZ4's greedy parser) on the
// ingest path, about 1.2 us a claim, and kTight (LZ4HC level 4) when the
// index is idle (compactions), which stores claims in 23% fewer bytes for
// five to seven times the time. Any block decompresses the same way,
// whichever effort wrote it.
#ifndef CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_
#define CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

union LZ4_stream_u;
union LZ4_streamHC_u;

namespace claims::query {

class ClaimCodec {
 public:
  // How hard Compress works. Ordered: a claim stored with an effort at
  // least the one asked for need not be compressed again.
  enum class Effort : uint8_t { kFast = 0, kTight = 1 };

  // Dictionary size to train; samples should hold many times as much.
  // (LZ4 reaches back at most 64 KiB, the dictionary included.)
  static constexpr size_t kDictionaryBytes = 64 * 1024;
  // Fewer sample bytes than this make a poor dictionary (Train refuses).
  static constexpr size_t kMinSampleBytes = 1 << 20;

  // Trains a dictionary on records like the ones it will compress.
  static absl::StatusOr<std::shared_ptr<const ClaimCodec>> Train(absl::Span<const std::string> samples);
  // The dictionary Train starts from, in zstd's format (entropy tables, then
  // the content LZ4 matches against): for comparing codecs on the same
  // dictionary (query_service/bench/claim_codec_bench).
  static absl::StatusOr<std::string> TrainZstdDictionary(absl::Span<const std::string> samples);

  ~ClaimCodec();
  ClaimCodec(const ClaimCodec&) = delete;
  ClaimCodec& operator=(const ClaimCodec&) = delete;

  // Appends the compressed block of `record` to `out`.
  void Compress(absl::string_view record, Effort effort, std::string* out) const;
  // Replaces `out` with the record of `block`; false when the block is
  // damaged (its bytes do not decode to the length it declares).
  bool Decompress(absl::string_view block, std::string* out) const;

  // Asks the processor to bring the dictionary into cache. Reading a page
  // of claims decompresses a block per claim, each copying from scattered
  // lines of the 64 KiB dictionary; when it is cold (another workload
  // swept the caches) those are misses one after another, while this
  // streams it in at memory speed.
  void PrefetchDictionary() const;
  // Heap bytes of the dictionary and the compressors' tables prepared
  // from it.
  size_t MemoryBytes() const;

 private:
  ClaimCodec() = default;

  std::string dictionary_;
  // The dictionary loaded into each compressor once; Compress attaches a
  // per-thread working stream to them (read only, so shared by threads).
  LZ4_stream_u* fast_ = nullptr;
  LZ4_streamHC_u* tight_ = nullptr;
};

// Stored bytes under a codec, or as they are when `codec` is null.
void Encode(const ClaimCodec* codec, ClaimCodec::Effort effort, absl::string_view record, std::string* out);
bool Decode(const ClaimCodec* codec, absl::string_view stored, std::string* out);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_
