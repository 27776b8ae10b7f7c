// Human-readable renderings of claims and query answers, for the control
// tool and the demo. Machine consumers should use the JSON/proto forms.
#ifndef CLAIMS_TOOLS_CLAIM_FORMAT_H_
#define CLAIMS_TOOLS_CLAIM_FORMAT_H_

#include <string>

#include "protos/claims/v1/claim.pb.h"
#include "protos/claims/v1/query_service.pb.h"

namespace claims::tools {

// "2025-03-12", or "-" when unset.
std::string FormatDate(const v1::Date& date);

// Two lines: kind, speaker (role), cue, date, outlet; then the claim text in
// quotation marks, wrapped at `width` columns and indented.
std::string FormatClaim(const v1::Claim& claim, int width = 100);

// One line per speaker: claim count, name, id, roles.
std::string FormatSpeakers(const v1::ListSpeakersResponse& speakers);

// Counters, one "name: value" per line.
std::string FormatStats(const v1::GetStatsResponse& stats);

// One line per cluster: outlets, claims, speaker, id, then the earliest
// wording.
std::string FormatClusters(const v1::ListClustersResponse& clusters, int width = 100);

// A statement across outlets: a header, then each member claim.
std::string FormatCorroboration(const v1::Corroboration& corroboration, int width = 100);

}  // namespace claims::tools

#endif  // CLAIMS_TOOLS_CLAIM_FORMAT_H_
