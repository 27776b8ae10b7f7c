// Calendar dates in news text: publication dates in the forms news sites
// print, and statement dates relative to the publication date.
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_
#define CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_

#include <functional>
#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claims::extractor {

// FindFullDate()
//
// The first complete date (with a year) in `text`: "January 29th, 2022",
// "Friday, January 28, 2022", "Jan. 24, 2022", "27 January 2022",
// "2022-01-27", or failing those an all-numeric one: "21/11/2017",
// "21.11.2017", "2017/11/21" (day and month told apart by a value above
// 12, else the day first). nullopt when there is none or it is not a real
// day.
std::optional<absl::CivilDay> FindFullDate(absl::string_view text);

// LatestFullDate()
//
// The latest complete date anywhere in `text`; nullopt when there is none.
std::optional<absl::CivilDay> LatestFullDate(absl::string_view text);

// What relative time expressions resolve against.
struct DateContext {
  // The article's publication date.
  std::optional<absl::CivilDay> published;
  // Used only without `published`: the latest full date the article
  // mentions. A weekday then resolves to the first such day on or after it
  // (news reports events of the days after the last date they print), and a
  // date without a year takes its year.
  std::optional<absl::CivilDay> anchor;
  // The day the narration fixed most recently before this clause, for "the
  // previous day" / "the next day".
  std::optional<absl::CivilDay> last_mentioned;
  // Without `last_mentioned`: asked for it, at most once a clause and only
  // when the clause holds such a relative expression (the caller may then
  // read the sentence before).
  std::function<std::optional<absl::CivilDay>()> last_mentioned_lookup;
};

// ResolveStatementDate()
//
// The day a statement was made, from time expressions in `clause` (the
// attribution's words, not the quotation): "on Wednesday" and "said
// Wednesday" (the latest such weekday on or before the publication date),
// "on January 27" / "on Jan. 24" / "(26 January)" (in the publication year,
// or the year before when that would be after publication), a full date,
// "yesterday", "today", "the previous day" / "the day before" and "the next
// day" (against `last_mentioned`). nullopt when the clause fixes no day or a
// relative expression has nothing to resolve against.
std::optional<absl::CivilDay> ResolveStatementDate(absl::string_view clause, const DateContext& context);

// NamesAPeriod()
//
// Whether `clause` places the statement in a period longer than a day
// ("last week", "earlier this month", "in March", "in recent days",
// "recently"): it then has a time of its own, though no day.
bool NamesAPeriod(absl::string_view clause);

// The same with only a publication date.
std::optional<absl::CivilDay> ResolveStatementDate(absl::string_view clause,
                                                   std::optional<absl::CivilDay> published);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_DATE_RESOLVER_H_
