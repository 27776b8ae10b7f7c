// Compression of stored claims: each claim is one zstd frame, compressed
// against a dictionary trained on the index's own claims.
//
// A serialized claim is a few hundred bytes, too short for a compressor to
// find repeats inside it; a dictionary holds what claims share (field tags,
// frequent words, names, outlets), so each frame stays independently
// readable (one result costs one short decompression) and the stored claims
// shrink about twofold (see query_service/bench/index_vs_fts5).
#ifndef CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_
#define CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace claims::query {

class ClaimCodec {
 public:
  // Dictionary size to train; samples should hold many times as much.
  static constexpr size_t kDictionaryBytes = 64 * 1024;
  // Fewer sample bytes than this make a poor dictionary (Train refuses).
  static constexpr size_t kMinSampleBytes = 1 << 20;

  // Trains a dictionary on records like the ones it will compress.
  static absl::StatusOr<std::shared_ptr<const ClaimCodec>> Train(absl::Span<const std::string> samples);

  ~ClaimCodec();
  ClaimCodec(const ClaimCodec&) = delete;
  ClaimCodec& operator=(const ClaimCodec&) = delete;

  // Appends the compressed frame of `record` to `out`.
  void Compress(absl::string_view record, std::string* out) const;
  // Replaces `out` with the record of `frame`; false when the frame is not
  // one of this codec's.
  bool Decompress(absl::string_view frame, std::string* out) const;

  // Asks the processor to bring the dictionary and the tables prepared
  // from it into cache. Reading a page of claims decompresses a frame per
  // claim, each touching scattered lines of the 64 KB dictionary; when
  // the dictionary is cold (another workload swept the caches) those are
  // misses one after another, while this streams it in at memory speed.
  void PrefetchTables() const;
  // Heap bytes of the dictionary and its prepared tables.
  size_t MemoryBytes() const;

 private:
  ClaimCodec() = default;

  std::string dictionary_;
  ZSTD_CDict_s* cdict_ = nullptr;
  ZSTD_DDict_s* ddict_ = nullptr;
};

// Stored bytes under a codec, or as they are when `codec` is null.
void Encode(const ClaimCodec* codec, absl::string_view record, std::string* out);
bool Decode(const ClaimCodec* codec, absl::string_view stored, std::string* out);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_CLAIM_CODEC_H_
