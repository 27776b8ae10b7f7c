// Scores extracted claims against gold annotations, by the rules of
// ../shared/eval/FORMAT.md:
// - detection: a predicted claim matches a gold claim of the same article
//   when their byte ranges overlap by at least half of the longer range;
//   quotes (direct + partial) and indirect claims are matched and counted
//   separately, one-to-one, largest overlaps first;
// - attribution: over matched claims with a gold speaker, the share whose
//   predicted speaker is the same person (case, accents and a missing first
//   name do not matter; a different person does);
// - dates: over matched claims with a gold date, the share predicted exactly.
#ifndef CLAIMS_TOOLS_SCORER_SCORER_H_
#define CLAIMS_TOOLS_SCORER_SCORER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "protos/claims/v1/claim.pb.h"
#include "tools/scorer/gold.pb.h"

namespace claims::eval {

// Precision/recall/F1 counts.
struct Detection {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

// A share of correct answers.
struct Accuracy {
  int correct = 0;
  int total = 0;
  double value() const { return total == 0 ? 1.0 : static_cast<double>(correct) / total; }
};

// One scoring problem, for reading why a figure is what it is.
struct Finding {
  std::string doc_id;
  // "missed", "spurious", "speaker" or "date".
  std::string type;
  // Human-readable detail: the claim text, expected vs predicted.
  std::string detail;
};

struct DocumentScore {
  std::string doc_id;
  Detection quotes;
  Detection indirect;
  Accuracy attribution;
  Accuracy dates;
};

struct ScoreReport {
  Detection quotes;
  Detection indirect;
  Accuracy attribution;
  Accuracy dates;
  std::vector<DocumentScore> documents;
  std::vector<Finding> findings;
};

// Reads a gold JSONL file (one GoldDocument per non-empty line).
// INVALID_ARGUMENT with the line number for a malformed line.
absl::StatusOr<std::vector<GoldDocument>> ReadGold(const std::string& path);

// Whether `predicted` names the same speaker as `gold` (see the header).
bool SameSpeaker(absl::string_view gold, absl::string_view predicted);

// Scores `predicted` (claims by doc_id) against `gold`. Documents absent
// from `predicted` count as having no claims.
ScoreReport Score(const std::vector<GoldDocument>& gold,
                  const std::map<std::string, std::vector<v1::Claim>>& predicted);

// The report as text: overall figures, then one row per document.
std::string FormatReport(const ScoreReport& report);

// Corroboration against the gold `corroboration` groups: pairwise links
// ("these two claims of different documents report one statement") between
// gold claims that the prediction matched (detection's one-to-one
// matching); a predicted link joins two matched claims with the same
// non-empty cluster_id.
struct CorroborationScore {
  int gold_links = 0;
  int predicted_links = 0;
  int correct_links = 0;
  // Clusters (over all predicted claims) whose claims name two speakers.
  int mixed_clusters = 0;
  // Missed and wrong links, readable.
  std::vector<std::string> findings;
  double precision() const;
  double recall() const;
};

// Gold claims the prediction matched (detection's one-to-one matching), by
// "doc_id:start", with the predicted claim each matched; `gold_by_ref`
// (optional) receives the gold claims.
std::map<std::string, const v1::Claim*> MatchGoldRefs(const std::vector<GoldDocument>& gold,
                                                      const std::map<std::string, std::vector<v1::Claim>>& predicted,
                                                      std::map<std::string, const GoldClaim*>* gold_by_ref = nullptr);

CorroborationScore ScoreCorroboration(const std::vector<GoldDocument>& gold,
                                      const std::map<std::string, std::vector<v1::Claim>>& predicted);

// Two matched claims of one predicted speaker in two documents, with what a
// lexical verifier sees of them: how far words alone separate the gold
// links from a speaker's other statements.
struct SpeakerPair {
  bool gold = false;       // a gold corroboration link
  bool clustered = false;  // in one predicted cluster
  // Over the claims' content stems (corroboration's StatementSequence), each
  // weighing 1.
  double jaccard = 0;
  double containment = 0;
  std::string a, b;  // the claims' texts
};
std::vector<SpeakerPair> SameSpeakerPairs(const std::vector<GoldDocument>& gold,
                                          const std::map<std::string, std::vector<v1::Claim>>& predicted);

// The threshold on `feature` whose pairs (feature >= threshold) hold the
// most gold links at precision >= min_precision; nullopt when none does.
struct ThresholdChoice {
  double threshold = 0;
  int correct = 0;   // gold links selected
  int selected = 0;  // pairs selected
};
std::optional<ThresholdChoice> BestThreshold(const std::vector<SpeakerPair>& pairs,
                                             const std::function<double(const SpeakerPair&)>& feature,
                                             double min_precision);

}  // namespace claims::eval

#endif  // CLAIMS_TOOLS_SCORER_SCORER_H_
