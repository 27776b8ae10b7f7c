// The extraction pipeline: one document in, its claims out.
//
//   raw bytes -> Normalize (offset map) -> paragraphs -> article structure
//   -> quotations -> attribution sieve -> speaker identity -> dates -> claims
//
// Spans in the output are byte offsets into the document's content exactly as
// submitted. Pure: no I/O, no clock.
// Thread-safe: a const ExtractionPipeline may be shared between threads.
#ifndef CLAIMS_EXTRACTOR_SERVICE_EXTRACTION_PIPELINE_H_
#define CLAIMS_EXTRACTOR_SERVICE_EXTRACTION_PIPELINE_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "protos/claims/v1/claim.pb.h"
#include "protos/claims/v1/extractor_service.pb.h"

namespace claims::extractor {

// Version string stamped on every claim.
inline constexpr char kExtractorVersion[] = "claims-extractor/0.1";

class ExtractionPipeline {
 public:
  struct Options {
    // Largest accepted document, in bytes. Larger documents are rejected with
    // INVALID_ARGUMENT. Default 8 MiB.
    size_t max_document_bytes = 8u << 20;
  };

  ExtractionPipeline() : ExtractionPipeline(Options()) {}
  explicit ExtractionPipeline(Options options) : options_(options) {}

  // Extract()
  //
  // Extracts the claims of `document`. INVALID_ARGUMENT when it has no
  // content, is larger than max_document_bytes, or has an unusable doc_id.
  // A document in which nothing is found yields an empty claim list.
  absl::StatusOr<v1::ExtractResponse> Extract(const v1::Document& document) const;

  const Options& options() const { return options_; }

 private:
  Options options_;
};

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_EXTRACTION_PIPELINE_H_
