#include "common/ids.h"

#include <xxhash.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/utf8.h"

namespace claims {

uint64_t StableHash64(absl::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

std::string DocumentIdForContent(absl::string_view content) {
  return absl::StrFormat("doc-%016x", StableHash64(content));
}

std::string ClaimId(absl::string_view doc_id, int kind, uint32_t start, uint32_t end) {
  // The separator cannot occur in the decimal fields, and doc_id comes last,
  // so distinct inputs give distinct hash inputs.
  const std::string key = absl::StrCat(kind, ":", start, ":", end, ":", doc_id);
  return absl::StrFormat("c-%016x", StableHash64(key));
}

std::string SpeakerIdForName(absl::string_view canonical_name) {
  const std::string folded = FoldForMatching(canonical_name);
  std::string slug;
  bool pending_dash = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (keep) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(static_cast<char>(c));
    } else if (c != '\'') {
      // Apostrophes join ("O'Neil" -> "oneil"); everything else separates.
      pending_dash = true;
    }
  }
  return slug;
}

}  // namespace claims
