#include "query_service/claim_codec.h"

// For ZDICT_trainFromBuffer_fastCover: training with fixed parameters.
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
// For LZ4_attach_dictionary and LZ4_attach_HC_dictionary: a working stream
// refers to a dictionary loaded once instead of loading it per claim.
#define LZ4_STATIC_LINKING_ONLY
#define LZ4_HC_STATIC_LINKING_ONLY
#include <lz4.h>
#include <lz4hc.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "query_service/proto_wire.h"

namespace claims::query {
namespace {

// Dictionary training (zstd's fastCover) with fixed parameters: segments of
// 512 bytes, d = 8, acceleration 4, every sample trained on.
// ZDICT_trainFromBuffer instead tries four segment sizes, each trained on
// three quarters of the samples and judged by compressing the rest: on
// generated claims it took about eight times as long on the merge thread
// (0.38-0.41 s against 0.05 s for 8,387 samples) and stored them in 116.9
// bytes a claim against 116.1 (`ingest_stages --stages=train`, with zstd
// blocks).
constexpr unsigned kSegmentBytes = 512;
constexpr unsigned kDmerBytes = 8;
constexpr unsigned kFrequencyLog = 20;
constexpr unsigned kAcceleration = 4;
// The zstd level the trainer tunes its (unused) entropy tables for.
constexpr int kTrainerLevel = 3;

// LZ4's greedy parser at its default acceleration, and LZ4HC level 4: on
// generated claims levels 1-3 took nearly as long (4.7-6.3 us a claim) for
// 4-9% more bytes, level 5 half as long again for 2% fewer, level 9 over
// twice as long for 4% fewer (a throwaway benchmark in session 26; see
// docs/performance-log.md).
constexpr int kFastAcceleration = 1;
constexpr int kTightLevel = 4;

// LZ4's limit on a block's input (about 2 GiB). A record comes from one
// gRPC message, which the service caps far lower (--max_message_mb).
constexpr uint64_t kMaxRecordBytes = LZ4_MAX_INPUT_SIZE;

// Working streams, one of each per thread: a stream holds the history of
// one compression, so it is not shared, and making one per call costs more
// than the call. An LZ4HC stream (256 KiB) is made on a thread's first
// kTight compression: ingest threads never make one.
struct ThreadStreams {
  LZ4_stream_t* fast = LZ4_createStream();
  LZ4_streamHC_t* tight = nullptr;
  ~ThreadStreams() {
    LZ4_freeStream(fast);
    LZ4_freeStreamHC(tight);
  }
};

ThreadStreams& Streams() {
  thread_local ThreadStreams streams;
  return streams;
}

}  // namespace

absl::StatusOr<std::string> ClaimCodec::TrainZstdDictionary(absl::Span<const std::string> samples) {
  std::string joined;
  std::vector<size_t> sizes;
  sizes.reserve(samples.size());
  for (const std::string& s : samples) {
    joined += s;
    sizes.push_back(s.size());
  }
  if (joined.size() < kMinSampleBytes) {
    return absl::FailedPreconditionError(
        absl::StrCat("dictionary training needs ", kMinSampleBytes, " sample bytes, got ", joined.size()));
  }
  std::string trained(kDictionaryBytes, '\0');
  ZDICT_fastCover_params_t params{};
  params.k = kSegmentBytes;
  params.d = kDmerBytes;
  params.f = kFrequencyLog;
  params.accel = kAcceleration;
  params.splitPoint = 1.0;
  params.zParams.compressionLevel = kTrainerLevel;
  const size_t size = ZDICT_trainFromBuffer_fastCover(trained.data(), trained.size(), joined.data(), sizes.data(),
                                                      static_cast<unsigned>(sizes.size()), params);
  if (ZDICT_isError(size)) {
    return absl::InternalError(absl::StrCat("dictionary training failed: ", ZDICT_getErrorName(size)));
  }
  trained.resize(size);
  return trained;
}

absl::StatusOr<std::shared_ptr<const ClaimCodec>> ClaimCodec::Train(absl::Span<const std::string> samples) {
  absl::StatusOr<std::string> trained = TrainZstdDictionary(samples);
  if (!trained.ok()) return trained.status();
  // A zstd dictionary is a header (its entropy tables) and then the
  // content, the bytes records are matched against: LZ4 needs the content.
  const size_t header = ZDICT_getDictHeaderSize(trained->data(), trained->size());
  if (ZDICT_isError(header) || header >= trained->size()) {
    return absl::InternalError("trained dictionary has no content");
  }
  std::shared_ptr<ClaimCodec> codec(new ClaimCodec());
  codec->dictionary_.assign(trained->data() + header, trained->size() - header);
  codec->fast_ = LZ4_createStream();
  codec->tight_ = LZ4_createStreamHC();
  if (codec->fast_ == nullptr || codec->tight_ == nullptr) return absl::InternalError("lz4 stream allocation failed");
  const int dict_size = static_cast<int>(codec->dictionary_.size());
  LZ4_loadDict(codec->fast_, codec->dictionary_.data(), dict_size);
  LZ4_resetStreamHC_fast(codec->tight_, kTightLevel);
  LZ4_loadDictHC(codec->tight_, codec->dictionary_.data(), dict_size);
  return std::shared_ptr<const ClaimCodec>(std::move(codec));
}

ClaimCodec::~ClaimCodec() {
  LZ4_freeStream(fast_);
  LZ4_freeStreamHC(tight_);
}

void ClaimCodec::Compress(absl::string_view record, Effort effort, std::string* out) const {
  // The block: the record's length as a varint (LZ4 blocks do not hold
  // it), then the LZ4 block.
  wire::AppendVarint(record.size(), out);
  const size_t start = out->size();
  const int bound = LZ4_compressBound(static_cast<int>(record.size()));
  out->resize(start + bound);
  ThreadStreams& streams = Streams();
  int n;
  if (effort == Effort::kTight) {
    if (streams.tight == nullptr) streams.tight = LZ4_createStreamHC();
    LZ4_resetStreamHC_fast(streams.tight, kTightLevel);
    LZ4_attach_HC_dictionary(streams.tight, tight_);
    n = LZ4_compress_HC_continue(streams.tight, record.data(), out->data() + start, static_cast<int>(record.size()),
                                 bound);
  } else {
    LZ4_resetStream_fast(streams.fast);
    LZ4_attach_dictionary(streams.fast, fast_);
    n = LZ4_compress_fast_continue(streams.fast, record.data(), out->data() + start, static_cast<int>(record.size()),
                                   bound, kFastAcceleration);
  }
  // Only a too-small destination fails, and LZ4_compressBound rules it out.
  out->resize(start + (n > 0 ? static_cast<size_t>(n) : 0));
}

bool ClaimCodec::Decompress(absl::string_view block, std::string* out) const {
  const char* at = block.data();
  const char* const end = block.data() + block.size();
  uint64_t size = 0;
  if (!wire::ReadVarint(&at, end, &size) || size > kMaxRecordBytes) return false;
  out->resize(size);
  const int n = LZ4_decompress_safe_usingDict(at, out->data(), static_cast<int>(end - at), static_cast<int>(size),
                                              dictionary_.data(), static_cast<int>(dictionary_.size()));
  return n >= 0 && static_cast<uint64_t>(n) == size;
}

void ClaimCodec::PrefetchDictionary() const {
  constexpr size_t kLine = 64;
  for (size_t at = 0; at < dictionary_.size(); at += kLine) __builtin_prefetch(dictionary_.data() + at);
}

size_t ClaimCodec::MemoryBytes() const {
  return dictionary_.capacity() + sizeof(LZ4_stream_t) + sizeof(LZ4_streamHC_t);
}

void Encode(const ClaimCodec* codec, ClaimCodec::Effort effort, absl::string_view record, std::string* out) {
  if (codec == nullptr) {
    out->append(record.data(), record.size());
  } else {
    codec->Compress(record, effort, out);
  }
}

bool Decode(const ClaimCodec* codec, absl::string_view stored, std::string* out) {
  if (codec == nullptr) {
    out->assign(stored.data(), stored.size());
    return true;
  }
  return codec->Decompress(stored, out);
}

}  // namespace claims::query
