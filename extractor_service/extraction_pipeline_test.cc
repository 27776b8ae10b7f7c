#include "extractor_service/extraction_pipeline.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

using ::testing::SizeIs;

v1::ExtractResponse ExtractOk(const std::string& text) {
  v1::Document doc;
  doc.set_doc_id("t");
  doc.set_text(text);
  absl::StatusOr<v1::ExtractResponse> r = ExtractionPipeline().Extract(doc);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : v1::ExtractResponse();
}

std::string SpanText(const std::string& text, const v1::Span& span) {
  return text.substr(span.start(), span.end() - span.start());
}

const char kArticle[] =
    "Harbour Town Approves New Sea Wall\n"
    "By Priya Raman\n"
    "Tuesday, March 5, 2024\n"
    "The council of Harbour Town voted on Monday to build a new sea wall.\n"
    "\xE2\x80\x9CWe cannot wait for the next storm,\xE2\x80\x9D Mayor Elena Vasquez said on Monday.\n"
    "Vasquez said the wall would cost 12 million euros. \xE2\x80\x9CThe money is there,\xE2\x80\x9D she added.\n"
    "Opposition leader Tomas Berg told reporters: \xE2\x80\x9CThis plan is rushed.\xE2\x80\x9D\n"
    "\xE2\x80\x9CNobody asked the fishermen,\xE2\x80\x9D said Berg.\n";

TEST(ExtractionPipelineTest, FindsAndAttributesDirectQuotes) {
  const std::string text = kArticle;
  v1::ExtractResponse r = ExtractOk(text);
  ASSERT_THAT(r.claims(), SizeIs(5));
  const v1::Claim& first = r.claims(0);
  EXPECT_EQ(first.text(), "We cannot wait for the next storm");
  EXPECT_EQ(SpanText(text, first.span()), first.text());
  EXPECT_EQ(first.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(first.speaker().canonical_name(), "Elena Vasquez");
  EXPECT_EQ(first.speaker().role(), "Mayor");
  EXPECT_EQ(SpanText(text, first.speaker().mention_span()), "Mayor Elena Vasquez");
  EXPECT_EQ(first.cue().lemma(), "say");
  EXPECT_EQ(SpanText(text, first.cue().span()), "said");
  EXPECT_EQ(first.statement_date().year(), 2024);
  EXPECT_EQ(first.statement_date().month(), 3);
  EXPECT_EQ(first.statement_date().day(), 4);

  // Reported speech between the quotations, with the date of its sentence unset.
  const v1::Claim& reported = r.claims(1);
  EXPECT_EQ(reported.kind(), v1::CLAIM_KIND_INDIRECT);
  EXPECT_EQ(reported.text(), "the wall would cost 12 million euros");
  EXPECT_EQ(SpanText(text, reported.span()), reported.text());
  EXPECT_EQ(reported.speaker().canonical_name(), "Elena Vasquez");
  EXPECT_EQ(reported.speaker().mention(), "Vasquez");
  ASSERT_EQ(reported.quantities_size(), 1);
  EXPECT_EQ(reported.quantities(0).text(), "12 million euros");
  EXPECT_EQ(reported.quantities(0).value(), 12e6);
  EXPECT_EQ(reported.quantities(0).unit(), "euros");
  EXPECT_EQ(SpanText(text, reported.quantities(0).span()), "12 million euros");

  const v1::Claim& second = r.claims(2);
  EXPECT_EQ(second.text(), "The money is there");
  EXPECT_EQ(second.speaker().canonical_name(), "Elena Vasquez");
  EXPECT_EQ(second.speaker().mention(), "she");

  EXPECT_EQ(r.claims(3).text(), "This plan is rushed");
  EXPECT_EQ(r.claims(3).speaker().canonical_name(), "Tomas Berg");
  EXPECT_EQ(r.claims(3).cue().text(), "told reporters");
  EXPECT_EQ(r.claims(4).speaker().canonical_name(), "Tomas Berg");
  EXPECT_EQ(r.claims(4).speaker().mention(), "Berg");

  EXPECT_EQ(r.source().title(), "Harbour Town Approves New Sea Wall");
  EXPECT_EQ(r.source().byline(), "Priya Raman");
  EXPECT_EQ(r.source().published_date().day(), 5);
}

TEST(ExtractionPipelineTest, ClaimIdsAreStable) {
  v1::ExtractResponse a = ExtractOk(kArticle);
  v1::ExtractResponse b = ExtractOk(kArticle);
  ASSERT_EQ(a.claims_size(), b.claims_size());
  for (int i = 0; i < a.claims_size(); ++i) EXPECT_EQ(a.claims(i).claim_id(), b.claims(i).claim_id());
}

TEST(ExtractionPipelineTest, RejectsEmptyAndOversizedDocuments) {
  v1::Document doc;
  EXPECT_EQ(ExtractionPipeline().Extract(doc).status().code(), absl::StatusCode::kInvalidArgument);
  doc.set_text("");
  EXPECT_EQ(ExtractionPipeline().Extract(doc).status().code(), absl::StatusCode::kInvalidArgument);
  ExtractionPipeline::Options small;
  small.max_document_bytes = 10;
  doc.set_text("This text is longer than ten bytes.");
  absl::Status s = ExtractionPipeline(small).Extract(doc).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("limit"));
}

TEST(ExtractionPipelineTest, InvalidUtf8IsReplacedAndCountedWithRawSpans) {
  std::string raw = "Headline\n\xFF\xFE junk. \xE2\x80\x9CThe bridge is safe,\xE2\x80\x9D engineer Ana Silva said.\n";
  v1::Document doc;
  doc.set_raw(raw);
  absl::StatusOr<v1::ExtractResponse> r = ExtractionPipeline().Extract(doc);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats().invalid_utf8_sequences(), 2u);
  ASSERT_THAT(r->claims(), SizeIs(1));
  EXPECT_EQ(SpanText(raw, r->claims(0).span()), "The bridge is safe");
  EXPECT_EQ(r->claims(0).speaker().canonical_name(), "Ana Silva");
  EXPECT_FALSE(r->doc_id().empty());
}

TEST(ExtractionPipelineTest, UnbalancedMarksDoNotSwallowTheArticle) {
  std::string text = "Headline here\n";
  for (int i = 0; i < 200; ++i) text += "\xE2\x80\x9C stray \" marks ' everywhere \xE2\x80\x9D\xE2\x80\x9C\n";
  text += "\xE2\x80\x9CThe last line is fine,\xE2\x80\x9D Jo Park said.\n";
  v1::ExtractResponse r = ExtractOk(text);
  bool found = false;
  for (const v1::Claim& c : r.claims()) {
    EXPECT_LT(c.span().end() - c.span().start(), 200u);
    found |= c.text() == "The last line is fine";
  }
  EXPECT_TRUE(found);
}

// Hostile input: every case must finish with a status or a result whose
// spans are inside the document, never crash or hang.
void ExpectSaneResult(const std::string& text) {
  v1::Document doc;
  doc.set_raw(text);
  absl::StatusOr<v1::ExtractResponse> r = ExtractionPipeline().Extract(doc);
  ASSERT_TRUE(r.ok()) << r.status();
  for (const v1::Claim& c : r->claims()) {
    EXPECT_LE(c.span().start(), c.span().end());
    EXPECT_LE(c.span().end(), text.size());
    EXPECT_LE(c.speaker().mention_span().end(), text.size());
    EXPECT_LE(c.cue().span().end(), text.size());
  }
}

TEST(ExtractionPipelineTest, BinaryJunkIsReplacedNotFatal) {
  std::string junk;
  uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245u + 12345u;
    junk.push_back(static_cast<char>(state >> 24));
  }
  ExpectSaneResult(junk);
  v1::Document doc;
  doc.set_raw(junk);
  EXPECT_GT(ExtractionPipeline().Extract(doc)->stats().invalid_utf8_sequences(), 0u);
}

TEST(ExtractionPipelineTest, UnmatchedMarksEverywhere) {
  ExpectSaneResult(std::string(100000, '"'));
  std::string curly;
  for (int i = 0; i < 30000; ++i) curly += (i % 3 == 0) ? "\xE2\x80\x9C" "a " : "\xE2\x80\x98" "b ";
  ExpectSaneResult(curly);
  std::string mixed;
  for (int i = 0; i < 20000; ++i) mixed += "He said \"yes, she said 'no. \xE2\x80\x9D\n";
  ExpectSaneResult(mixed);
}

TEST(ExtractionPipelineTest, MultiMegabyteDocumentsAndOneEndlessSentence) {
  std::string article;
  while (article.size() < (5u << 20)) article += kArticle;
  ExpectSaneResult(article);
  // One 2 MB "sentence" full of cues and commas, without a full stop.
  std::string run_on;
  while (run_on.size() < (2u << 20)) run_on += "the mayor said that the port, the union said, would close, ";
  ExpectSaneResult(run_on);
}

TEST(ExtractionPipelineTest, ManyDistinctNarratedWords) {
  // Each sentence opens with a new capitalised word before a pronoun's
  // cue; each word is looked up in the whole text at most once, and only
  // so many words are (a lookup per word would take quadratic time here).
  std::string article;
  for (int i = 0; article.size() < (2u << 20); ++i) {
    std::string word = "Q";
    for (int n = i; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
    article += word + " waited outside. He said the rain would stop soon.\n";
  }
  ExpectSaneResult(article);
}

TEST(ExtractionPipelineTest, ManyQuotationsAfterReports) {
  // A quotation opening a paragraph after a report looks only at the
  // claims of the sentence before it (not at every claim of the document).
  std::string article = "Talks\n\n";
  while (article.size() < (2u << 20)) article += "Berg said the plan was dead. \"We will win the war now.\"\n";
  ExpectSaneResult(article);
}

TEST(ExtractionPipelineTest, OneParagraphOfManyQuestions) {
  // Each quotation finds its sentence by binary search, and a question's
  // trailing speaker by the sentence after it (a scan of the paragraph's
  // sentences per quotation took quadratic time).
  std::string article = "Questions\n\n";
  while (article.size() < (1u << 20)) article += "\"Why should we pay?\" Mary Gold asked. ";
  ExpectSaneResult(article);
}

TEST(ExtractionPipelineTest, ManyMentionsByAnOrganisationsKind) {
  // Each "the council" looks for the council's name only in the text just
  // before it (reading the whole text before each took quadratic time).
  std::string article = "Council\n\n";
  while (article.size() < (2u << 20)) {
    article += "The council said the plan was dead. A spokesman for the agency said the firm would appeal.\n";
  }
  ExpectSaneResult(article);
}

TEST(ExtractionPipelineTest, OneSingleQuotedParagraphOfPluralPossessives) {
  // Each "unions' demands" inside a single-quoted statement asks whether a
  // mark later in the paragraph ends sentences: answered from one pass over
  // the paragraph (asking each mark for the marks after it was quadratic:
  // 13.6 s for this shape at 1.8 MB).
  std::string article = "Strike\n\n\u2018The start ";
  while (article.size() < (1u << 20)) article += "unions\u2019 demands are high and ";
  article += "done.\u2019\n";
  ExpectSaneResult(article);
}

}  // namespace
}  // namespace claims::extractor
