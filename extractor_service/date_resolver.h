// Calendar dates in news text: publication dates in the forms news sites
// print, and statement dates relative to the publication date.
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_
#define CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claims::extractor {

// FindFullDate()
//
// The first complete date (with a year) in `text`: "January 29th, 2022",
// "Friday, January 28, 2022", "Jan. 24, 2022", "27 January 2022",
// "2022-01-27". nullopt when there is none or it is not a real day.
std::optional<absl::CivilDay> FindFullDate(absl::string_view text);

// ResolveStatementDate()
//
// The day a statement was made, from time expressions in `clause` (the
// attribution's words, not the quotation): "on Wednesday" and "said
// Wednesday" (the latest such weekday on or before `published`),
// "on January 27" / "on Jan. 24" / "(26 January)" (in the publication year,
// or the year before when that would be after `published`), a full date,
// "yesterday" and "today". nullopt when the clause fixes no day or a relative
// expression has no publication date to resolve against.
std::optional<absl::CivilDay> ResolveStatementDate(absl::string_view clause,
                                                   std::optional<absl::CivilDay> published);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_
