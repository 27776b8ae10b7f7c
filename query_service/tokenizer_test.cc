#include "query_service/tokenizer.h"

#include "gtest/gtest.h"

namespace claims::query {
namespace {

using V = std::vector<std::string>;

TEST(TokenizerTest, FoldsSplitsAndHandlesApostrophes) {
  EXPECT_EQ(Tokenize("The Mayor's plan won't DE-ESCALATE Zürich"),
            (V{"the", "mayor", "plan", "wont", "de", "escalate", "zurich"}));
  EXPECT_EQ(Tokenize("Russia\xE2\x80\x99s 100,000 troops"), (V{"russia", "100", "000", "troops"}));
  EXPECT_TRUE(Tokenize("  -- ,, ").empty());
}

TEST(TokenizerTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "Z\xC3\xBCrich\xE2\x80\x99s mayor \xE2\x80\x9Cwarned\xE2\x80\x9D";
  std::vector<TextToken> tokens = TokenizeWithOffsets(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, "zurich");
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "Z\xC3\xBCrich");
  EXPECT_EQ(tokens[2].term, "warned");
  EXPECT_EQ(text.substr(tokens[2].start, tokens[2].end - tokens[2].start), "warned");
}

TEST(TokenizerTest, StemsEnglishWordsAndKeepsNumbers) {
  EXPECT_EQ(Stem("warned"), "warn");
  EXPECT_EQ(Stem("warns"), "warn");
  EXPECT_EQ(Stem("negotiations"), "negoti");
  EXPECT_EQ(Stem("2022"), "2022");
  EXPECT_EQ(Stem("f16s"), "f16s");
}

}  // namespace
}  // namespace claims::query

namespace claims::query {
namespace {

// Search highlights rule out words whose first byte differs from every
// query stem's without stemming them: Snowball must keep the first byte,
// including in its exception list and for words starting with "y".
TEST(TokenizerTest, StemsKeepTheFirstByte) {
  for (const char* word :
       {"dying", "lying", "tying", "skies", "news", "idly", "gently", "early", "only", "singly", "sky", "yelling",
        "yes", "y", "ies", "ying", "ied", "yearly", "eyes", "agreed", "generously", "ugliest", "oceanic", "ably",
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed", "atlases", "cosmos",
        "bias", "andes", "howe", "uses", "used", "abilities", "ération", "über", "ñandú", "x"}) {
    const std::string stem = Stem(word);
    ASSERT_FALSE(stem.empty()) << word;
    EXPECT_EQ(stem[0], word[0]) << word << " -> " << stem;
  }
}

}  // namespace
}  // namespace claims::query
