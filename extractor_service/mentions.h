// Entities and quantities mentioned inside a claim's words.
//
// Quantities: numbers with digit groupings ("100,000", Indian "1,00,000"),
// decimals, currency signs, scale words ("2.5 million", "40bn"), number
// words ("two million"), percentages, and the unit or counted noun that
// follows ("troops", "cubic metres"). Years, days of a date and times are
// not quantities.
// Entities: runs of capitalised words, typed as a person (a speaker known to
// the document's registry, or a run starting with a known given name or an
// honorific), a place or a government (lexicon GovernmentName()), an
// organisation (organisation words, acronyms), or other.
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_MENTIONS_H_
#define CLAIMS_EXTRACTOR_SERVICE_MENTIONS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extractor_service/segmenter.h"
#include "extractor_service/speaker_registry.h"
#include "protos/claims/v1/claim.pb.h"

namespace claims::extractor {

struct FoundQuantity {
  TextRange range;  // normalised offsets, number through unit
  double value = 0;
  std::string unit;
};

struct FoundEntity {
  TextRange range;  // normalised offsets
  v1::EntityType type = v1::ENTITY_TYPE_OTHER;
  // The fullest form known for it (a person's full name from the registry,
  // a government's one name); the text as written otherwise.
  std::string canonical_name;
};

// Quantities inside `range` of `text`.
std::vector<FoundQuantity> FindQuantities(absl::string_view text, TextRange range);

// Entities inside `range` of `text`; `registry` (may be null) supplies the
// people the document has named.
std::vector<FoundEntity> FindEntities(absl::string_view text, TextRange range, const SpeakerRegistry* registry);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_MENTIONS_H_
