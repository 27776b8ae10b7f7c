#include "query_service/tokenizer.h"

#include "common/utf8.h"
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
  struct Token {
    std::string term;
    uint32_t start, end;
  };
  std::vector<Token> tokens;
  ForEachWord(text, [&tokens](absl::string_view word, uint32_t start, uint32_t end) {
    tokens.push_back({FoldForMatching(word), start, end});
  });
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

// Search highlights rule out words that do not start with a query stem's
// first StemSharedPrefix() bytes (its first byte, and all but its last
// two), without stemming them: Snowball must keep them, in its exception list, for words starting
// with "y", and under the suffix rules (each base word with each suffix).
TEST(TokenizerTest, StemsKeepTheFirstByteAndAllButTheirLastTwo) {
  std::vector<std::string> words = {
      "dying", "lying", "tying",  "skies", "news",    "idly",   "gently",    "early",   "only",     "singly",
      "sky",   "yelling", "yes",  "y",     "ies",     "ying",   "ied",       "yearly",  "eyes",     "agreed",
      "generously", "ugliest", "oceanic", "ably", "inning", "outing", "canning", "herring", "earring", "proceed",
      "exceed", "succeed", "atlases", "cosmos", "bias", "andes", "howe", "uses", "used", "abilities",
      "ération", "über", "ñandú", "x"};
  for (const char* base : {"feasible", "relate", "nation", "organ", "hope", "hop", "trouble", "agree", "happy",
                           "valence", "civil", "vary", "critic", "sense", "tie", "be", "a", "ox"}) {
    for (const char* suffix : {"", "s", "es", "ed", "ing", "ly", "ness", "ity", "ities", "ation", "ational",
                               "ization", "izer", "ously", "fully", "lessly", "ibility", "ability", "ically",
                               "icity", "iveness", "alism", "ence", "ency", "ies", "ied", "y", "bly", "bli",
                               "eed", "eedly", "edly", "ingly", "able", "ible", "ative", "alize", "ogi"}) {
      words.push_back(std::string(base) + suffix);
    }
  }
  int two_apart = 0;
  for (const std::string& word : words) {
    const std::string stem = Stem(word);
    ASSERT_FALSE(stem.empty()) << word;
    EXPECT_EQ(stem[0], word[0]) << word << " -> " << stem;
    const size_t keep = StemSharedPrefix(stem);
    EXPECT_EQ(word.compare(0, keep, stem, 0, keep), 0) << word << " -> " << stem;
    two_apart += word.compare(0, stem.size() - 1, stem, 0, stem.size() - 1) != 0;
  }
  // The bound is tight: "dying" -> "die" keeps one byte of three.
  EXPECT_EQ(Stem("dying"), "die");
  EXPECT_EQ(StemSharedPrefix("die"), 1u);
  EXPECT_GT(two_apart, 0);
  // Short stems keep their first byte.
  EXPECT_EQ(StemSharedPrefix(""), 0u);
  EXPECT_EQ(StemSharedPrefix("a"), 1u);
  EXPECT_EQ(StemSharedPrefix("ox"), 1u);
  EXPECT_EQ(StemSharedPrefix("graviti"), 5u);
}

}  // namespace
}  // namespace claims::query

namespace claims::query {
namespace {

// Each word as ForEachWord hands it over: "bytes@start-end".
std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> out;
  ForEachWord(text, [&out](absl::string_view word, uint32_t start, uint32_t end) {
    out.push_back(std::string(word) + "@" + std::to_string(start) + "-" + std::to_string(end));
  });
  return out;
}

TEST(TokenizerTest, WordsAreHandedOverAsWrittenWithJoiningApostrophesRemoved) {
  // Plain ASCII: the words are slices of the text.
  EXPECT_EQ(Words("Talks end."), (V{"Talks@0-5", "end@6-9"}));
  // A joining apostrophe is removed (the range still covers it); a
  // possessive ends the word; one before a non-letter separates.
  EXPECT_EQ(Words("won't o'clock"), (V{"wont@0-5", "oclock@6-13"}));
  EXPECT_EQ(Words("rock'n'roll"), (V{"rocknroll@0-11"}));
  EXPECT_EQ(Words("the mayor's, the states' plan"), (V{"the@0-3", "mayor@4-9", "the@13-16", "states@17-23",
                                                         "plan@25-29"}));
  EXPECT_EQ(Words("it's"), (V{"it@0-2"}));
  EXPECT_EQ(Words("'tis isn't"), (V{"tis@1-4", "isnt@5-10"}));
  EXPECT_EQ(Words("end'"), (V{"end@0-3"}));
  EXPECT_EQ(Words("a'sb"), (V{"asb@0-4"}));
  // Typographic apostrophes, letters of two and three bytes, a combining
  // mark inside a word, digits.
  EXPECT_EQ(Words("Zelensk\xC3\xBD\xE2\x80\x99s aide didn\xE2\x80\x99t"),
            (V{"Zelensk\xC3\xBD@0-9", "aide@14-18", "didnt@19-27"}));
  EXPECT_EQ(Words("cafe\xCC\x81 \xE5\x8C\x97\xE4\xBA\xAC 2,500"),
            (V{"cafe\xCC\x81@0-6", "\xE5\x8C\x97\xE4\xBA\xAC@7-13", "2@14-15", "500@16-19"}));
  // Invalid bytes separate words.
  EXPECT_EQ(Words("ab\xFF" "cd \xC3"), (V{"ab@0-2", "cd@3-5"}));
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words(" .,; ").empty());
}

TEST(NeighbourTest, AByteGivesBackItsStemsCode) {
  int coded = 0;
  for (const char* word : {"the", "of", "to", "and", "in", "a", "minister", "harbour", "warned", "vote", "it",
                           "is", "was", "for", "on", "that", "with", "2026", "zürich"}) {
    const std::string stem = Stem(FoldForMatching(word));
    EXPECT_EQ(NeighbourCodeOfByte(NeighbourByte(stem)), NeighbourCode(stem)) << word;
    EXPECT_NE(NeighbourByte(stem), 0) << word;  // 0 is "no word"
    coded += NeighbourCode(stem) != 0;
  }
  EXPECT_GE(coded, 5);
}

}  // namespace
}  // namespace claims::query
