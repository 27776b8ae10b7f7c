// Runs the in-process extractor over the articles a gold file annotates, so
// the scorer and its acceptance test measure the current pipeline directly.
#ifndef CLAIMS_TOOLS_SCORER_RUN_EXTRACTOR_H_
#define CLAIMS_TOOLS_SCORER_RUN_EXTRACTOR_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "protos/claims/v1/claim.pb.h"
#include "tools/scorer/gold.pb.h"

namespace claims::eval {

// The directory gold "file" paths are relative to: the parent of the gold
// file's directory (FORMAT.md: eval/../seeds/...).
std::string GoldRoot(const std::string& gold_path);

// Claims per doc_id for every gold document, read from `root`/file. No
// metadata is passed: what the article says about itself is what counts.
absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ExtractGoldArticles(
    const std::vector<GoldDocument>& gold, const std::string& root);

// Claims per doc_id from the extract tool's JSON-lines output.
absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ReadPredictions(const std::string& path);

}  // namespace claims::eval

#endif  // CLAIMS_TOOLS_SCORER_RUN_EXTRACTOR_H_
