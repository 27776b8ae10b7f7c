#include "extractor_service/segmenter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const TextRange& p : SplitParagraphs(text)) {
    for (const TextRange& s : SplitSentences(text, p)) out.push_back(text.substr(s.start, s.size()));
  }
  return out;
}

TEST(SegmenterTest, Paragraphs) {
  const std::string text = "  One.\n\nTwo two.\n \nThree\n";
  std::vector<TextRange> p = SplitParagraphs(text);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(text.substr(p[1].start, p[1].size()), "Two two.");
}

// A line wrapped inside a paragraph (no sentence end, the next line going
// on in lower case) goes on; a headline, a byline or a finished sentence
// does not.
TEST(SegmenterTest, WrappedLines) {
  // (Normalised text: quotation marks are ASCII.)
  const std::string text =
      "Talks collapse\nBy Ann Lee\nThe minister said the talks had\ncollapsed. \"We are ready.\"\n"
      "more text follows.\nThe end:\nnothing more.\n";
  std::vector<TextRange> p = SplitParagraphs(text);
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(text.substr(p[2].start, p[2].size()), "The minister said the talks had\ncollapsed. \"We are ready.\"");
  EXPECT_EQ(text.substr(p[3].start, p[3].size()), "more text follows.");
  EXPECT_EQ(text.substr(p[5].start, p[5].size()), "nothing more.");
}

TEST(SegmenterTest, AbbreviationsInitialsAndNumbers) {
  EXPECT_EQ(Sentences("Gen. Mark Ode met Mr. J. Smith on Jan. 4 in St. Paul. They spoke."),
            (std::vector<std::string>{"Gen. Mark Ode met Mr. J. Smith on Jan. 4 in St. Paul.",
                                      "They spoke."}));
  EXPECT_EQ(Sentences("Prices rose 3.5 percent to 1,00,000 rupees. Sales fell."),
            (std::vector<std::string>{"Prices rose 3.5 percent to 1,00,000 rupees.", "Sales fell."}));
  EXPECT_EQ(Sentences("The U.S. Navy left. It went home."),
            (std::vector<std::string>{"The U.S. Navy left.", "It went home."}));
  EXPECT_EQ(Sentences("He moved to the U.S. The move was quick."),
            (std::vector<std::string>{"He moved to the U.S.", "The move was quick."}));
  // A company's abbreviation before a quotation ends its sentence; a
  // title's before a name does not.
  EXPECT_EQ(Sentences("\"We grew,\" said Ana Lima of Acme Corp. \"We will grow.\""),
            (std::vector<std::string>{"\"We grew,\" said Ana Lima of Acme Corp.", "\"We will grow.\""}));
  EXPECT_EQ(Sentences("Acme Corp. Chairman Ana Lima spoke."),
            (std::vector<std::string>{"Acme Corp. Chairman Ana Lima spoke."}));
}

// A live report's time stamp opening a paragraph is a sentence of its own;
// a number that only looks like one is not.
TEST(SegmenterTest, TimeStampsOfLiveReports) {
  EXPECT_EQ(Sentences("10:42 NorthGrid says power is back. Crews are out."),
            (std::vector<std::string>{"10:42", "NorthGrid says power is back.", "Crews are out."}));
  EXPECT_EQ(Sentences("09.20 BST \u2013 The minister spoke."),
            (std::vector<std::string>{"09.20 BST \u2013", "The minister spoke."}));
  EXPECT_EQ(Sentences("7:15pm: Police say the road is shut."),
            (std::vector<std::string>{"7:15pm:", "Police say the road is shut."}));
  EXPECT_EQ(Sentences("14:05 - \"We are ready,\" she said."),
            (std::vector<std::string>{"14:05 -", "\"We are ready,\" she said."}));
  for (const char* plain : {"10.42 million people voted.", "25:10 Acme was late.", "3.14159 Pi is a number.",
                            "12:30 was the hour the talks began.", "2.5 Percent of voters stayed home."}) {
    EXPECT_EQ(Sentences(plain), (std::vector<std::string>{plain})) << plain;
  }
}

TEST(SegmenterTest, QuotesAndQuestionMarks) {
  EXPECT_EQ(Sentences("\"Is it over?\" she asked. \"No.\" He left."),
            (std::vector<std::string>{"\"Is it over?\" she asked.", "\"No.\"", "He left."}));
}

}  // namespace
}  // namespace claims::extractor
