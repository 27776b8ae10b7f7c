// extract: the extractor as a command-line tool.
//
//   extract [--published=YYYY-MM-DD] [--outlet=NAME] FILE... (or - for stdin)
//
// Prints one claim per line as proto3 JSON (the standard JSON mapping), with
// every span in UTF-8 byte offsets of the input file. A file's doc_id is its
// base name without extension. Errors go to stderr; the exit status is 1 when
// any input could not be read or extracted.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "extractor_service/extraction_pipeline.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, published, "", "Publication date (YYYY-MM-DD) for every input; "
          "overrides the date printed in the text.");
ABSL_FLAG(std::string, outlet, "", "Outlet name recorded in every claim's source.");
ABSL_FLAG(bool, response, false, "Print one ExtractResponse per document instead of one claim per line.");

namespace {

bool ReadInput(const std::string& path, std::string* out) {
  if (path == "-") {
    out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string DocIdForPath(const std::string& path) {
  if (path == "-") return "";
  std::string base = path.substr(path.find_last_of('/') + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Extracts claims from article files; prints one JSON claim per line.");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  std::vector<std::string> paths(args.begin() + 1, args.end());
  if (paths.empty()) paths.push_back("-");

  claims::v1::Source metadata;
  metadata.set_outlet(absl::GetFlag(FLAGS_outlet));
  if (const std::string p = absl::GetFlag(FLAGS_published); !p.empty()) {
    std::vector<std::string> parts = absl::StrSplit(p, '-');
    int y, m, d;
    if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &y) || !absl::SimpleAtoi(parts[1], &m) ||
        !absl::SimpleAtoi(parts[2], &d)) {
      std::cerr << "extract: --published must be YYYY-MM-DD, got '" << p << "'\n";
      return 2;
    }
    metadata.mutable_published_date()->set_year(y);
    metadata.mutable_published_date()->set_month(m);
    metadata.mutable_published_date()->set_day(d);
  }

  const claims::extractor::ExtractionPipeline pipeline;
  google::protobuf::util::JsonPrintOptions json;
  json.add_whitespace = false;
  int status = 0;
  for (const std::string& path : paths) {
    claims::v1::Document doc;
    if (!ReadInput(path, doc.mutable_raw())) {
      std::cerr << "extract: cannot read " << path << "\n";
      status = 1;
      continue;
    }
    doc.set_doc_id(DocIdForPath(path));
    *doc.mutable_metadata() = metadata;
    absl::StatusOr<claims::v1::ExtractResponse> response = pipeline.Extract(doc);
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
