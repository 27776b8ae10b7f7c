// Reading article files into claims.v1.Document messages: one place for the
// rules the command-line extractor, the control tool and the tests share.
//
// A manifest is a UTF-8 text file with one document per line and
// tab-separated columns: path (relative to the manifest's directory), outlet,
// URL. Empty lines and lines starting with '#' are skipped; trailing columns
// may be omitted.
#ifndef CLAIMS_COMMON_DOCUMENT_FILES_H_
#define CLAIMS_COMMON_DOCUMENT_FILES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "protos/claims/v1/claim.pb.h"

namespace claims {

// The whole file as bytes; "-" reads standard input. NOT_FOUND when the file
// cannot be opened.
absl::StatusOr<std::string> ReadFileBytes(const std::string& path);

// A file's document id: its base name without the last extension
// ("dir/a.b.txt" -> "a.b"). Empty for "-" (the id is then derived from the
// content).
std::string DocIdForPath(absl::string_view path);

// Parses "YYYY-MM-DD" into a Date; INVALID_ARGUMENT naming the value
// otherwise.
absl::StatusOr<v1::Date> ParseIsoDate(absl::string_view text);

// Paths of the ".txt" files directly in `dir`, sorted; empty when `dir`
// cannot be read.
std::vector<std::string> ListTextFiles(const std::string& dir);

// A Document for one file: raw bytes, id from DocIdForPath, and `metadata`.
absl::StatusOr<v1::Document> LoadDocument(const std::string& path, const v1::Source& metadata);

// Every document a manifest lists, in order, with outlet and URL as metadata.
// INVALID_ARGUMENT (with the line number) for a malformed line, NOT_FOUND
// for a listed file that cannot be read.
absl::StatusOr<std::vector<v1::Document>> LoadManifest(const std::string& manifest_path);

}  // namespace claims

#endif  // CLAIMS_COMMON_DOCUMENT_FILES_H_
