#include "tools/claim_format.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace claims::tools {
namespace {

std::string KindName(v1::ClaimKind kind) {
  switch (kind) {
    case v1::CLAIM_KIND_DIRECT:
      return "direct";
    case v1::CLAIM_KIND_PARTIAL:
      return "partial";
    case v1::CLAIM_KIND_INDIRECT:
      return "indirect";
    default:
      return "unknown";
  }
}

// Columns of UTF-8 text, counting code points (continuation bytes are not).
int Columns(absl::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Greedy word wrap; words longer than the width get their own line.
std::vector<std::string> Wrap(const std::string& text, int width) {
  std::vector<std::string> lines;
  std::string line;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!line.empty() && Columns(line) + 1 + Columns(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    absl::StrAppend(&line, word);
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string FormatDate(const v1::Date& date) {
  if (date.year() == 0) return "-";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string FormatClaim(const v1::Claim& claim, int width) {
  std::string speaker = claim.speaker().canonical_name().empty() ? "(unattributed)" : claim.speaker().canonical_name();
  if (!claim.speaker().role().empty()) absl::StrAppend(&speaker, " (", claim.speaker().role(), ")");
  std::string out = absl::StrFormat("[%s] %s | %s | %s | %s", KindName(claim.kind()), speaker,
                                    claim.cue().text().empty() ? "-" : claim.cue().text(),
                                    FormatDate(claim.statement_date()),
                                    claim.source().outlet().empty() ? claim.doc_id() : claim.source().outlet());
  const std::vector<std::string> lines = Wrap(absl::StrCat("\u201c", claim.text(), "\u201d"), width - 4);
  for (const std::string& line : lines) absl::StrAppend(&out, "\n    ", line);
  return out;
}

std::string FormatSpeakers(const v1::ListSpeakersResponse& speakers) {
  std::string out;
  for (const v1::SpeakerSummary& s : speakers.speakers()) {
    absl::StrAppendFormat(&out, "%4d  %-28s %-28s %s\n", s.claim_count(), s.canonical_name(), s.speaker_id(),
                          absl::StrJoin(s.roles(), "; "));
  }
  return out;
}

std::string FormatStats(const v1::GetStatsResponse& stats) {
  return absl::StrFormat(
      "documents: %d\nclaims: %d\nspeakers: %d\nterms: %d\nbatches_ingested: %d\nopen_ingest_streams: %d\n"
      "segments: %d\nindex_memory: %.1f MiB (stored claims %.1f, postings %.1f, fields %.1f, clustering %.1f, "
      "live sets %.1f)\nclaims_pending_clustering: %d\n",
      stats.documents(), stats.claims(), stats.speakers(), stats.terms(), stats.batches_ingested(),
      stats.open_ingest_streams(), stats.segments(), stats.index_memory_bytes() / 1048576.0,
      stats.memory().stored_claims_bytes() / 1048576.0, stats.memory().postings_bytes() / 1048576.0,
      stats.memory().fields_bytes() / 1048576.0, stats.memory().clustering_bytes() / 1048576.0,
      stats.memory().live_bytes() / 1048576.0, stats.claims_pending_clustering());
}

std::string FormatClusters(const v1::ListClustersResponse& clusters, int width) {
  std::string out;
  for (const v1::ClusterSummary& c : clusters.clusters()) {
    absl::StrAppendFormat(&out, "%d outlets, %d claims  %s  %s  latest %s\n", c.outlet_count(), c.claim_count(),
                          c.speaker_name().empty() ? "(unattributed)" : c.speaker_name(), c.cluster_id(),
                          FormatDate(c.latest_date()));
    for (const std::string& line : Wrap(absl::StrCat("\u201c", c.earliest().text(), "\u201d"), width - 4)) {
      absl::StrAppend(&out, "    ", line, "\n");
    }
  }
  return out;
}

std::string FormatCorroboration(const v1::Corroboration& c, int width) {
  std::string out = absl::StrFormat("%s: %s, reported by %d outlets (%s); earliest %s on %s\n", c.cluster_id(),
                                    c.speaker_name().empty() ? "(unattributed)" : c.speaker_name(), c.outlet_count(),
                                    absl::StrJoin(c.outlets(), ", "), c.earliest_claim_id(), FormatDate(c.earliest_date()));
  for (const v1::Claim& claim : c.claims()) absl::StrAppend(&out, FormatClaim(claim, width), "\n");
  return out;
}

}  // namespace claims::tools
