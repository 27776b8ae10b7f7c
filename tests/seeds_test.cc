// The extractor on the real seed articles of ../shared/seeds (acceptance
// data kept outside the repository): every article yields claims, and every
// span points at exactly the bytes the claim reports. Skipped, with a
// message, where ../shared is absent.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "common/document_files.h"
#include "extractor_service/extraction_pipeline.h"
#include "gtest/gtest.h"
#include "tests/testing/server_process.h"

namespace claims {
namespace {

// The bytes of `span` in `raw`, or a marker when the span is out of range.
std::string Slice(const std::string& raw, const v1::Span& span) {
  if (span.start() > span.end() || span.end() > raw.size()) return "<span out of range>";
  return raw.substr(span.start(), span.end() - span.start());
}

TEST(SeedArticlesTest, EveryArticleYieldsClaimsWithExactSpans) {
  const std::string shared = testing::SharedDataDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared (the seed articles) was not found (beside the checkout, or at CLAIMS_SHARED_DIR); "
                    "skipping the seed-article span check";
  }
  const std::vector<std::string> files = ListTextFiles(shared + "/seeds");
  ASSERT_FALSE(files.empty()) << "no .txt files in " << shared << "/seeds";
  const extractor::ExtractionPipeline pipeline;
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    absl::StatusOr<v1::Document> doc = LoadDocument(file, v1::Source());
    ASSERT_TRUE(doc.ok()) << doc.status();
    const std::string& raw = doc->raw();
    absl::StatusOr<v1::ExtractResponse> response = pipeline.Extract(*doc);
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_GE(response->claims_size(), 3) << "too few claims";
    for (const v1::Claim& claim : response->claims()) {
      SCOPED_TRACE(claim.claim_id());
      EXPECT_EQ(Slice(raw, claim.span()), claim.text());
      EXPECT_FALSE(claim.text().empty());
      if (claim.kind() != v1::CLAIM_KIND_INDIRECT) {
        // A quote's span excludes its marks: the bytes on either side are
        // quotation marks (possibly after a trailing comma or full stop).
        EXPECT_GT(claim.span().start(), 0u);
      }
      if (!claim.speaker().mention().empty()) {
        EXPECT_EQ(Slice(raw, claim.speaker().mention_span()), claim.speaker().mention());
      }
      if (!claim.cue().text().empty()) {
        EXPECT_EQ(Slice(raw, claim.cue().span()), claim.cue().text());
      }
      for (const v1::Entity& e : claim.entities()) {
        EXPECT_EQ(Slice(raw, e.span()), e.text());
        EXPECT_GE(e.span().start(), claim.span().start());
        EXPECT_LE(e.span().end(), claim.span().end());
      }
      for (const v1::Quantity& q : claim.quantities()) {
        EXPECT_EQ(Slice(raw, q.span()), q.text());
        EXPECT_GE(q.span().start(), claim.span().start());
        EXPECT_LE(q.span().end(), claim.span().end());
      }
    }
  }
}

}  // namespace
}  // namespace claims
