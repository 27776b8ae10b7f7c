// Stable identifiers for documents, claims and speakers.
//
// Identifiers are derived from content with xxHash (XXH3), whose values do not
// depend on the process, the machine or the build, so re-running the
// extractor over the same input yields the same ids.
#ifndef CLAIMS_COMMON_IDS_H_
#define CLAIMS_COMMON_IDS_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace claims {

// StableHash64()
//
// XXH3-64 of `data` with seed 0.
uint64_t StableHash64(absl::string_view data);

// DocumentIdForContent()
//
// "doc-" followed by 16 hex digits of the hash of `content`: the id given to
// a document submitted without one.
std::string DocumentIdForContent(absl::string_view content);

// ClaimId()
//
// "c-" followed by 16 hex digits of a hash over the document id, the claim
// kind and the claim's byte span: stable across re-runs of the same document.
std::string ClaimId(absl::string_view doc_id, int kind, uint32_t start, uint32_t end);

// SpeakerIdForName()
//
// A readable slug of a canonical name: lower-case ASCII letters and digits
// joined by '-', with accents on Latin letters dropped ("José Núñez" ->
// "jose-nunez"). Other non-ASCII letters are kept as they are. Empty for an
// empty name.
std::string SpeakerIdForName(absl::string_view canonical_name);

}  // namespace claims

#endif  // CLAIMS_COMMON_IDS_H_
