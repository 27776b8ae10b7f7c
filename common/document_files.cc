#include "common/document_files.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claims {

absl::StatusOr<std::string> ReadFileBytes(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("error reading ", path));
  return contents.str();
}

std::string DocIdForPath(absl::string_view path) {
  if (path == "-") return "";
  const size_t slash = path.find_last_of('/');
  absl::string_view base = slash == absl::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != absl::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

absl::StatusOr<v1::Date> ParseIsoDate(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || parts[0].size() != 4 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day) || month < 1 || month > 12 ||
      day < 1 || day > 31) {
    return absl::InvalidArgumentError(absl::StrCat("expected a date as YYYY-MM-DD, got \"", text, "\""));
  }
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

std::vector<std::string> ListTextFiles(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (absl::EndsWith(name, ".txt")) files.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

absl::StatusOr<v1::Document> LoadDocument(const std::string& path, const v1::Source& metadata) {
  absl::StatusOr<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  v1::Document doc;
  doc.set_doc_id(DocIdForPath(path));
  doc.set_raw(*std::move(bytes));
  *doc.mutable_metadata() = metadata;
  return doc;
}

absl::StatusOr<std::vector<v1::Document>> LoadManifest(const std::string& manifest_path) {
  absl::StatusOr<std::string> manifest = ReadFileBytes(manifest_path);
  if (!manifest.ok()) return manifest.status();
  const size_t slash = manifest_path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : manifest_path.substr(0, slash + 1);
  std::vector<v1::Document> docs;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*manifest, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty() || line.front() == '#') continue;
    std::vector<absl::string_view> columns = absl::StrSplit(line, '\t');
    if (columns.size() > 3 || absl::StripAsciiWhitespace(columns[0]).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(manifest_path, ":", line_number,
                                                     ": expected path<TAB>outlet<TAB>url"));
    }
    v1::Source metadata;
    if (columns.size() > 1) metadata.set_outlet(std::string(absl::StripAsciiWhitespace(columns[1])));
    if (columns.size() > 2) metadata.set_url(std::string(absl::StripAsciiWhitespace(columns[2])));
    absl::string_view file = absl::StripAsciiWhitespace(columns[0]);
    const std::string path = file.front() == '/' ? std::string(file) : absl::StrCat(dir, file);
    absl::StatusOr<v1::Document> doc = LoadDocument(path, metadata);
    if (!doc.ok()) return doc.status();
    docs.push_back(*std::move(doc));
  }
  return docs;
}

}  // namespace claims
