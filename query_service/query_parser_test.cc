#include "query_service/query_parser.h"

#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query_service/tokenizer.h"

namespace claims::query {
namespace {

TEST(QueryParserTest, WordsAndPhrases) {
  absl::StatusOr<ParsedQuery> q = ParseQuery("water \"will not sign\" Warned");
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->terms.size(), 5u);
  EXPECT_EQ(q->terms[0].exact, "water");
  EXPECT_EQ(q->terms[4].exact, "warned");
  EXPECT_EQ(q->terms[4].stem, "warn");
  ASSERT_EQ(q->phrases.size(), 1u);
  EXPECT_EQ(q->phrases[0], (std::vector<size_t>{1, 2, 3}));
  EXPECT_TRUE(ParseQuery("")->empty());
}

TEST(QueryParserTest, RejectsMalformedQueries) {
  EXPECT_EQ(ParseQuery("\"open phrase").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseQuery(std::string(5000, 'a')).status().code(), absl::StatusCode::kInvalidArgument);
  std::string many;
  for (int i = 0; i < 70; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(ParseQuery(many).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(QueryParserTest, ValidatesFilters) {
  v1::ClaimFilter f;
  EXPECT_TRUE(ValidateFilter(f).ok());
  f.mutable_statement_date()->mutable_from()->set_year(2026);
  f.mutable_statement_date()->mutable_from()->set_month(2);
  f.mutable_statement_date()->mutable_from()->set_day(30);
  EXPECT_EQ(ValidateFilter(f).code(), absl::StatusCode::kInvalidArgument);
  f.mutable_statement_date()->mutable_from()->set_day(20);
  f.mutable_statement_date()->mutable_to()->set_year(2026);
  f.mutable_statement_date()->mutable_to()->set_month(1);
  f.mutable_statement_date()->mutable_to()->set_day(1);
  absl::Status after = ValidateFilter(f);
  EXPECT_EQ(after.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(after.message()), ::testing::HasSubstr("after"));
  v1::ClaimFilter kinds;
  kinds.add_kinds(static_cast<v1::ClaimKind>(42));
  EXPECT_EQ(ValidateFilter(kinds).code(), absl::StatusCode::kInvalidArgument);
}

TEST(QueryParserTest, MatchesClaimsDirectly) {
  v1::Claim claim;
  claim.set_text("The minister warned that the river will not be shared.");
  claim.mutable_speaker()->set_speaker_id("ana-lind");
  claim.mutable_source()->set_outlet("The Example Times");
  const v1::ClaimFilter none;
  EXPECT_TRUE(MatchesClaim(*ParseQuery("warns river"), none, claim));
  EXPECT_TRUE(MatchesClaim(*ParseQuery("\"will not be shared\""), none, claim));
  EXPECT_FALSE(MatchesClaim(*ParseQuery("\"not will\""), none, claim));
  v1::ClaimFilter outlet;
  outlet.add_outlets("the example TIMES");
  EXPECT_TRUE(MatchesClaim(*ParseQuery(""), outlet, claim));
  v1::ClaimFilter speaker;
  speaker.add_speaker_ids("someone-else");
  EXPECT_FALSE(MatchesClaim(*ParseQuery(""), speaker, claim));
}

// Every word ForEachWord finds whose folded form stems to a query stem:
// the definition the highlighter's shortcuts must keep to.
std::vector<std::pair<uint32_t, uint32_t>> ReferenceHighlights(const ParsedQuery& query, absl::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  ForEachWord(text, [&](absl::string_view word, uint32_t start, uint32_t end) {
    const std::string stem = Stem(claims::FoldForMatching(word));
    for (const QueryTerm& q : query.terms) {
      if (q.stem == stem) {
        out.emplace_back(start, end);
        return;
      }
    }
  });
  return out;
}

TEST(HighlighterTest, MatchesEveryWrittenFormAndSkipsTheRest) {
  absl::StatusOr<ParsedQuery> query = ParseQuery("minister warned");
  ASSERT_TRUE(query.ok());
  const Highlighter highlighter(*query);
  const std::string text = "The Minister\u2019s aides (ministers) warn; WARNING: administer, Ministers\twarned.";
  std::vector<std::pair<uint32_t, uint32_t>> got;
  highlighter.ForEachMatch(text, [&](uint32_t start, uint32_t end) { got.emplace_back(start, end); });
  std::vector<std::string> words;
  for (const auto& [start, end] : got) words.push_back(text.substr(start, end - start));
  EXPECT_THAT(words, ::testing::ElementsAre("Minister", "ministers", "warn", "WARNING", "Ministers", "warned"));
}

TEST(HighlighterTest, AgreesWithTokenizingTheWholeText) {
  const std::vector<std::string> words = {"minister",
                                          "Minister's",
                                          "ministers\u2019",
                                          "MINISTRY",
                                          "administer",
                                          "won't",
                                          "wont",
                                          "o'clock",
                                          "anti-war",
                                          "war",
                                          "Wars",
                                          "police-led",
                                          "(police)",
                                          "\u2014policing",
                                          "\"Police",
                                          "polic'e",
                                          "po'lice",
                                          "min'isters",
                                          "wa'r",
                                          "\u00c9lys\u00e9e",
                                          "elysee",
                                          "2024",
                                          "2024's",
                                          "\u041f\u043e\u043b\u0438\u0446\u0438\u044f",
                                          "\u043f\u043e\u043b\u0438\u0446\u0438\u0438",
                                          "caf\u00e9s",
                                          "Cafe",
                                          "dying",
                                          "die",
                                          "lied",
                                          "lying",
                                          "it's",
                                          "'s",
                                          "'",
                                          "s",
                                          "\u00ff",
                                          "\xc3",
                                          "said",
                                          "says",
                                          "saying",
                                          "\u201cSaid"};
  const std::vector<std::string> queries = {"minister police",
                                            "war",
                                            "\u00e9lys\u00e9e",
                                            "2024",
                                            "won't",
                                            "\u043f\u043e\u043b\u0438\u0446\u0438\u044f",
                                            "cafe dying",
                                            "lie",
                                            "say",
                                            "s",
                                            "it"};
  const char* const gaps[] = {" ", "  ", "\n", "\t", ", ", "-", "'", "\u2019", "/", ". ", ""};
  uint32_t x = 12345;
  auto next = [&x](size_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  for (const std::string& q : queries) {
    absl::StatusOr<ParsedQuery> query = ParseQuery(q);
    ASSERT_TRUE(query.ok()) << q;
    const Highlighter highlighter(*query);
    for (int round = 0; round < 300; ++round) {
      std::string text;
      for (size_t w = 0, n = 1 + next(20); w < n; ++w) {
        text += words[next(words.size())];
        text += gaps[next(sizeof(gaps) / sizeof(gaps[0]))];
      }
      std::vector<std::pair<uint32_t, uint32_t>> got;
      highlighter.ForEachMatch(text, [&](uint32_t start, uint32_t end) { got.emplace_back(start, end); });
      EXPECT_EQ(got, ReferenceHighlights(*query, text)) << "query " << q << " text: " << text;
    }
  }
}

}  // namespace
}  // namespace claims::query
