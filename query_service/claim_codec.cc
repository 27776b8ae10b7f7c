#include "query_service/claim_codec.h"

// For ZDICT_trainFromBuffer_fastCover: training with fixed parameters.
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
// For ZSTD_createDDict_byReference: the prepared tables then read this
// class's dictionary_ in place, so PrefetchTables() knows where the
// dictionary content is (and it is not held twice).
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <vector>

#include "absl/strings/str_cat.h"

namespace claims::query {
namespace {

// Level 3 (zstd's default): on claims, levels above it gain a few percent
// for several times the compression time on the ingest path.
constexpr int kLevel = 3;

// Dictionary training (zstd's fastCover) with fixed parameters: segments of
// 512 bytes, d = 8, acceleration 4, every sample trained on.
// ZDICT_trainFromBuffer instead tries four segment sizes, each trained on
// three quarters of the samples and judged by compressing the rest: on
// generated claims it took about eight times as long on the merge thread
// (0.38-0.41 s against 0.05 s for 8,387 samples) and stored them in 116.9
// bytes a claim against 116.1 (`ingest_stages --stages=train`).
constexpr unsigned kSegmentBytes = 512;
constexpr unsigned kDmerBytes = 8;
constexpr unsigned kFrequencyLog = 20;
constexpr unsigned kAcceleration = 4;

// One compression and one decompression context per thread: contexts are
// not thread-safe, and making one per call costs more than the call.
struct Contexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  Contexts() {
    // Frames need not name their dictionary: a segment knows its codec.
    ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
  }
  ~Contexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};

Contexts& ThreadContexts() {
  thread_local Contexts contexts;
  return contexts;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const ClaimCodec>> ClaimCodec::Train(absl::Span<const std::string> samples) {
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
  std::shared_ptr<ClaimCodec> codec(new ClaimCodec());
  codec->dictionary_.resize(kDictionaryBytes);
  ZDICT_fastCover_params_t params{};
  params.k = kSegmentBytes;
  params.d = kDmerBytes;
  params.f = kFrequencyLog;
  params.accel = kAcceleration;
  params.splitPoint = 1.0;
  params.zParams.compressionLevel = kLevel;
  const size_t size = ZDICT_trainFromBuffer_fastCover(codec->dictionary_.data(), codec->dictionary_.size(),
                                                      joined.data(), sizes.data(),
                                                      static_cast<unsigned>(sizes.size()), params);
  if (ZDICT_isError(size)) {
    return absl::InternalError(absl::StrCat("dictionary training failed: ", ZDICT_getErrorName(size)));
  }
  codec->dictionary_.resize(size);
  codec->dictionary_.shrink_to_fit();
  codec->cdict_ = ZSTD_createCDict(codec->dictionary_.data(), codec->dictionary_.size(), kLevel);
  codec->ddict_ = ZSTD_createDDict_byReference(codec->dictionary_.data(), codec->dictionary_.size());
  if (codec->cdict_ == nullptr || codec->ddict_ == nullptr) return absl::InternalError("zstd dictionary setup failed");
  return std::shared_ptr<const ClaimCodec>(std::move(codec));
}

ClaimCodec::~ClaimCodec() {
  ZSTD_freeCDict(cdict_);
  ZSTD_freeDDict(ddict_);
}

void ClaimCodec::Compress(absl::string_view record, std::string* out) const {
  Contexts& ctx = ThreadContexts();
  const size_t start = out->size();
  out->resize(start + ZSTD_compressBound(record.size()));
  ZSTD_CCtx_refCDict(ctx.c, cdict_);
  const size_t n = ZSTD_compress2(ctx.c, out->data() + start, out->size() - start, record.data(), record.size());
  // Only a too-small destination fails, and ZSTD_compressBound rules it out.
  out->resize(ZSTD_isError(n) ? start : start + n);
}

bool ClaimCodec::Decompress(absl::string_view frame, std::string* out) const {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) return false;
  out->resize(size);
  const size_t n =
      ZSTD_decompress_usingDDict(ThreadContexts().d, out->data(), out->size(), frame.data(), frame.size(), ddict_);
  return !ZSTD_isError(n) && n == size;
}

void ClaimCodec::PrefetchTables() const {
  constexpr size_t kLine = 64;
  for (size_t at = 0; at < dictionary_.size(); at += kLine) __builtin_prefetch(dictionary_.data() + at);
  // A dictionary referenced, not copied: the DDict's size is its own
  // struct, which holds the decoding tables.
  const char* tables = reinterpret_cast<const char*>(ddict_);
  const size_t size = ZSTD_sizeof_DDict(ddict_);
  for (size_t at = 0; at < size; at += kLine) __builtin_prefetch(tables + at);
}

size_t ClaimCodec::MemoryBytes() const {
  return dictionary_.capacity() + ZSTD_sizeof_CDict(cdict_) + ZSTD_sizeof_DDict(ddict_);
}

void Encode(const ClaimCodec* codec, absl::string_view record, std::string* out) {
  if (codec == nullptr) {
    out->append(record.data(), record.size());
  } else {
    codec->Compress(record, out);
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
