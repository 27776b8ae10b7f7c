// extract: the extractor as a command-line tool.
//
//   extract [--published=YYYY-MM-DD] [--outlet=NAME] FILE... (or - for stdin)
//
// Prints one claim per line as proto3 JSON (the standard JSON mapping), with
// every span in UTF-8 byte offsets of the input file. A file's doc_id is its
// base name without extension. Errors go to stderr; the exit status is 1 when
// any input could not be read or extracted.
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "common/document_files.h"
#include "extractor_service/extraction_pipeline.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, published, "", "Publication date (YYYY-MM-DD) for every input; "
          "overrides the date printed in the text.");
ABSL_FLAG(std::string, outlet, "", "Outlet name recorded in every claim's source.");
ABSL_FLAG(bool, response, false, "Print one ExtractResponse per document instead of one claim per line.");


int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Extracts claims from article files; prints one JSON claim per line.");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  std::vector<std::string> paths(args.begin() + 1, args.end());
  if (paths.empty()) paths.push_back("-");

  claims::v1::Source metadata;
  metadata.set_outlet(absl::GetFlag(FLAGS_outlet));
  if (const std::string p = absl::GetFlag(FLAGS_published); !p.empty()) {
    absl::StatusOr<claims::v1::Date> date = claims::ParseIsoDate(p);
    if (!date.ok()) {
      std::cerr << "extract: --published: " << date.status().message() << "\n";
      return 2;
    }
    *metadata.mutable_published_date() = *date;
  }

  const claims::extractor::ExtractionPipeline pipeline;
  google::protobuf::util::JsonPrintOptions json;
  json.add_whitespace = false;
  int status = 0;
  for (const std::string& path : paths) {
    absl::StatusOr<claims::v1::Document> doc = claims::LoadDocument(path, metadata);
    if (!doc.ok()) {
      std::cerr << "extract: " << doc.status().message() << "\n";
      status = 1;
      continue;
    }
    absl::StatusOr<claims::v1::ExtractResponse> response = pipeline.Extract(*doc);
    if (!response.ok()) {
      std::cerr << "extract: " << path << ": " << response.status() << "\n";
      status = 1;
      continue;
    }
    if (absl::GetFlag(FLAGS_response)) {
      std::string line;
      (void)google::protobuf::util::MessageToJsonString(*response, &line, json);
      std::cout << line << "\n";
      continue;
    }
    for (const claims::v1::Claim& claim : response->claims()) {
      std::string line;
      (void)google::protobuf::util::MessageToJsonString(claim, &line, json);
      std::cout << line << "\n";
    }
  }
  return status;
}
