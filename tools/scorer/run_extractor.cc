#include "tools/scorer/run_extractor.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/document_files.h"
#include "extractor_service/extraction_pipeline.h"
#include "google/protobuf/util/json_util.h"

namespace claims::eval {

std::string GoldRoot(const std::string& gold_path) {
  std::string dir = gold_path.substr(0, gold_path.find_last_of('/') == std::string::npos ? 0 : gold_path.find_last_of('/'));
  if (dir.empty()) return "..";
  const size_t slash = dir.find_last_of('/');
  return slash == std::string::npos ? "." : dir.substr(0, slash);
}

absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ExtractGoldArticles(
    const std::vector<GoldDocument>& gold, const std::string& root) {
  const extractor::ExtractionPipeline pipeline;
  std::map<std::string, std::vector<v1::Claim>> out;
  for (const GoldDocument& g : gold) {
    absl::StatusOr<v1::Document> doc = LoadDocument(absl::StrCat(root, "/", g.file()), v1::Source());
    if (!doc.ok()) return doc.status();
    doc->set_doc_id(g.doc_id());
    absl::StatusOr<v1::ExtractResponse> response = pipeline.Extract(*doc);
    if (!response.ok()) return response.status();
    out[g.doc_id()].assign(response->claims().begin(), response->claims().end());
  }
  return out;
}

absl::StatusOr<std::map<std::string, std::vector<v1::Claim>>> ReadPredictions(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileBytes(path);
  if (!contents.ok()) return contents.status();
  std::map<std::string, std::vector<v1::Claim>> out;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*contents, '\n')) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == absl::string_view::npos) continue;
    v1::Claim claim;
    const auto parsed = google::protobuf::util::JsonStringToMessage(std::string(line), &claim);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_number, ": not a claim: ", std::string(parsed.message())));
    }
    out[claim.doc_id()].push_back(std::move(claim));
  }
  return out;
}

}  // namespace claims::eval
