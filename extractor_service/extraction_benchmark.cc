// Extraction throughput: single-thread MB/s of the whole pipeline over a
// generated corpus (the example articles replicated with variations to
// --corpus_mb), and the process's peak resident memory.
//
//   bazel run -c opt //extractor_service:extraction_benchmark -- --corpus_mb=100
//
// Prints one line per figure; nothing here is a pass/fail test.
#include <sys/resource.h>

#include <algorithm>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/document_files.h"
#include "extractor_service/extraction_pipeline.h"

ABSL_FLAG(std::string, manifest, "examples/manifest.tsv", "Articles to replicate (path, outlet, URL per line).");
ABSL_FLAG(std::string, dir, "", "Instead of --manifest: every .txt file of this directory (absolute path).");
ABSL_FLAG(int, corpus_mb, 100, "Size of the generated corpus, in MiB.");
ABSL_FLAG(int, rounds, 1, "Passes over the corpus; the best pass is reported.");

namespace {

// A variant of `text` for copy `n`: body digits shifted and body paragraphs
// rotated, so copies differ in numbers and order (the headline, byline and
// date lines stay as printed).
std::string Variant(const std::string& text, int n) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    paragraphs.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  // Keep the first six lines (headline, byline, date and the blank lines
  // between them) in place.
  const size_t head = std::min<size_t>(6, paragraphs.size() - 1);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const size_t k = i < head ? i : head + (i - head + n) % (paragraphs.size() - head);
    absl::StrAppend(&out, paragraphs[k], "\n");
  }
  size_t body = 0;
  for (size_t i = 0; i < head; ++i) body += paragraphs[i].size() + 1;
  for (size_t i = body; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + n) % 10);
  }
  return out;
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::StatusOr<std::vector<claims::v1::Document>> examples = std::vector<claims::v1::Document>();
  if (const std::string dir = absl::GetFlag(FLAGS_dir); !dir.empty()) {
    for (const std::string& path : claims::ListTextFiles(dir)) {
      absl::StatusOr<claims::v1::Document> doc = claims::LoadDocument(path, claims::v1::Source());
      if (!doc.ok()) {
        examples = doc.status();
        break;
      }
      examples->push_back(*std::move(doc));
    }
  } else {
    examples = claims::LoadManifest(absl::GetFlag(FLAGS_manifest));
  }
  if (!examples.ok() || examples->empty()) {
    std::cerr << "extraction_benchmark: " << examples.status() << "\n";
    return 1;
  }
  const size_t target = static_cast<size_t>(absl::GetFlag(FLAGS_corpus_mb)) << 20;
  std::vector<claims::v1::Document> corpus;
  size_t bytes = 0;
  for (int n = 0; bytes < target; ++n) {
    for (const claims::v1::Document& e : *examples) {
      claims::v1::Document d;
      d.set_doc_id(absl::StrCat(e.doc_id(), "-", n));
      d.set_raw(Variant(e.raw(), n));
      *d.mutable_metadata() = e.metadata();
      bytes += d.raw().size();
      corpus.push_back(std::move(d));
    }
  }
  const long rss_before = PeakRssKiB();
  const claims::extractor::ExtractionPipeline pipeline;
  double best_seconds = 0;
  size_t claims = 0;
  for (int round = 0; round < absl::GetFlag(FLAGS_rounds); ++round) {
    claims = 0;
    const absl::Time t0 = absl::Now();
    for (const claims::v1::Document& d : corpus) {
      absl::StatusOr<claims::v1::ExtractResponse> r = pipeline.Extract(d);
      if (!r.ok()) {
        std::cerr << "extraction_benchmark: " << d.doc_id() << ": " << r.status() << "\n";
        return 1;
      }
      claims += r->claims_size();
    }
    const double seconds = absl::ToDoubleSeconds(absl::Now() - t0);
    if (round == 0 || seconds < best_seconds) best_seconds = seconds;
  }
  const double mib = static_cast<double>(bytes) / (1 << 20);
  std::printf("corpus: %zu documents, %.1f MiB (from %zu articles)\n", corpus.size(), mib, examples->size());
  std::printf("claims extracted per pass: %zu\n", claims);
  std::printf("single-thread throughput: %.1f MiB/s (%.0f documents/s, best of %d pass(es), %.2f s)\n",
              mib / best_seconds, corpus.size() / best_seconds, absl::GetFlag(FLAGS_rounds), best_seconds);
  std::printf("peak RSS: %.1f MiB (%.1f MiB of it the corpus held in memory before extraction)\n",
              PeakRssKiB() / 1024.0, rss_before / 1024.0);
  return 0;
}
