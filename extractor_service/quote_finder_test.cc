#include "extractor_service/quote_finder.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

std::vector<std::string> Quotes(const std::string& raw, bool include_nested = true) {
  NormalizedText n = Normalize(raw);
  std::vector<TextRange> paragraphs = SplitParagraphs(n.text());
  std::vector<std::string> out;
  for (const QuoteSpan& q : FindQuotes(n.text(), n.marks(), paragraphs)) {
    if (q.nested && !include_nested) continue;
    out.push_back(n.text().substr(q.content.start, q.content.size()));
  }
  return out;
}

TEST(QuoteFinderTest, CurlyAndStraightDoubleQuotes) {
  EXPECT_EQ(Quotes("\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D she said. He said \"no.\""),
            (std::vector<std::string>{"We will rebuild", "no"}));
  // Mixed styles: a straight opening mark closed by a curly one.
  EXPECT_EQ(Quotes("\"Ports stay open,\xE2\x80\x9D the minister said."),
            (std::vector<std::string>{"Ports stay open"}));
}

TEST(QuoteFinderTest, SingleQuotesVersusApostrophes) {
  EXPECT_EQ(Quotes("The union\xE2\x80\x99s chief warned of a \xE2\x80\x98long winter\xE2\x80\x99 "
                   "that won\xE2\x80\x99t end soon, as in the \xE2\x80\x99" "90s."),
            (std::vector<std::string>{"long winter"}));
  EXPECT_EQ(Quotes("The drivers' union called it 'a betrayal' on Monday."),
            (std::vector<std::string>{"a betrayal"}));
}

// In a single-quoted statement, "unions' demands" is a plural possessive
// when a later mark ends the sentences; a phrase quoted mid-sentence
// ("expects 'large results' if") closes at the s.
TEST(QuoteFinderTest, PluralPossessivesInSingleQuotedStatements) {
  EXPECT_EQ(Quotes("'We will not back down,' Ellis said. 'The unions' demands are unaffordable.'"),
            (std::vector<std::string>{"We will not back down", "The unions' demands are unaffordable"}));
  EXPECT_EQ(Quotes("Moscow expects 'large results' if it chooses the 'path of war'."),
            (std::vector<std::string>{"large results", "path of war"}));
}

TEST(QuoteFinderTest, NestedQuotes) {
  EXPECT_EQ(Quotes("\xE2\x80\x9C" "They called it \xE2\x80\x98" "a plan" "\xE2\x80\x99 but it was not,\xE2\x80\x9D he said."),
            (std::vector<std::string>{"They called it 'a plan' but it was not", "a plan"}));
  EXPECT_EQ(Quotes("\xE2\x80\x9C" "They called it \xE2\x80\x98" "a plan" "\xE2\x80\x99 today,\xE2\x80\x9D he said.", false),
            (std::vector<std::string>{"They called it 'a plan' today"}));
}

// Single marks outside, double inside (British copy): the double
// quotation is nested in the single one. A single mark that never closes
// was an apostrophe, and a double quotation after it is top-level.
TEST(QuoteFinderTest, DoubleQuotesNestedInSingleOnes) {
  EXPECT_EQ(Quotes("'Tom says the offer is \"fair\". It is a pay cut,' she said.", /*include_nested=*/false),
            (std::vector<std::string>{"Tom says the offer is \"fair\". It is a pay cut"}));
  EXPECT_EQ(Quotes("'Tom says the offer is \"fair\",' she said."),
            (std::vector<std::string>{"Tom says the offer is \"fair\"", "fair"}));
  EXPECT_EQ(Quotes("She said 'em all were \"too greedy by half\" and left.", /*include_nested=*/false),
            (std::vector<std::string>{"too greedy by half"}));
}

TEST(QuoteFinderTest, MultiParagraphQuoteIsOneSpan) {
  const std::string raw =
      "\xE2\x80\x9CThe first part runs to the end of this paragraph.\n"
      "\xE2\x80\x9C" "And the second part closes it,\xE2\x80\x9D the judge said.\n";
  std::vector<std::string> q = Quotes(raw);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], "The first part runs to the end of this paragraph.\n\"And the second part closes it");
}

// Pieces of each quotation, paragraph by paragraph.
std::vector<std::vector<std::string>> Pieces(const std::string& raw) {
  NormalizedText n = Normalize(raw);
  std::vector<TextRange> paragraphs = SplitParagraphs(n.text());
  std::vector<std::vector<std::string>> out;
  for (const QuoteSpan& q : FindQuotes(n.text(), n.marks(), paragraphs)) {
    out.emplace_back();
    for (const TextRange& r : ParagraphPieces(n.text(), q, paragraphs)) {
      out.back().push_back(n.text().substr(r.start, r.size()));
    }
  }
  return out;
}

TEST(QuoteFinderTest, MultiParagraphQuoteComesInParagraphPieces) {
  EXPECT_EQ(Pieces("\"The first part ends here.\n\n\"The middle runs on.\n\n"
                   "\"And the last one closes,\" she said.\n"),
            (std::vector<std::vector<std::string>>{
                {"The first part ends here", "The middle runs on", "And the last one closes"}}));
  // Within one paragraph: the content as it is.
  EXPECT_EQ(Pieces("\"One paragraph only,\" he said. \"Two.\"\n"),
            (std::vector<std::vector<std::string>>{{"One paragraph only"}, {"Two"}}));
}

TEST(QuoteFinderTest, StrayOpeningMarkClosesThePreviousQuote) {
  EXPECT_EQ(Quotes("\xE2\x80\x9CWe are ready. \xE2\x80\x9CThey must choose,\xE2\x80\x9D she said."),
            (std::vector<std::string>{"We are ready", "They must choose"}));
}

TEST(QuoteFinderTest, UnclosedQuoteStopsAtParagraphEnd) {
  EXPECT_EQ(Quotes("\xE2\x80\x9CThis never closes\nNext paragraph is narration.\n"),
            (std::vector<std::string>{"This never closes"}));
  EXPECT_TRUE(Quotes("A lone closing mark\xE2\x80\x9D here.").empty());
}

TEST(QuoteFinderTest, AStraightMarkAfterAWordWithNothingOpenIsAStrayClose) {
  // The opening mark of "a fair deal" is missing: the straight mark after
  // "deal" closes nothing and must not swallow the next paragraph's quote.
  const std::string raw =
      "The mayor said the offer was a fair deal\" for the port.\n"
      "\"We will sign it next week,\xE2\x80\x9D the harbour master said.\n";
  EXPECT_EQ(Quotes(raw), (std::vector<std::string>{"We will sign it next week"}));
  // A straight mark opening a quotation after a colon or a space still opens.
  EXPECT_EQ(Quotes("She said: \"Ports stay open.\" He agreed."), (std::vector<std::string>{"Ports stay open"}));
  EXPECT_EQ(Quotes("She said:\"Ports stay open.\""), (std::vector<std::string>{"Ports stay open"}));
}

}  // namespace
}  // namespace claims::extractor
