#include "query_service/corroboration.h"

#include "gtest/gtest.h"
#include "query_service/segment.h"

namespace claims::query {
namespace {

double Uniform(uint32_t) { return 1.0; }

double Score(const std::string& a, v1::ClaimKind ka, const std::string& b, v1::ClaimKind kb, int32_t day_a = kNoDay,
             int32_t day_b = kNoDay) {
  const std::vector<uint32_t> sa = StatementSequence(a), sb = StatementSequence(b);
  const std::vector<uint32_t> ta = ContentTerms(sa), tb = ContentTerms(sb);
  const std::vector<uint32_t> ha = Shingles(sa), hb = Shingles(sb);
  return LinkScore({ta, ha, ka, day_a}, {tb, hb, kb, day_b}, Uniform);
}

constexpr v1::ClaimKind kDirect = v1::CLAIM_KIND_DIRECT;
constexpr v1::ClaimKind kPartial = v1::CLAIM_KIND_PARTIAL;
constexpr v1::ClaimKind kIndirect = v1::CLAIM_KIND_INDIRECT;

TEST(StatementTermsTest, ACacheOfWordsGivesTheSequenceWorkedOutWordByWord) {
  const std::vector<std::string> texts = {
      "We won't reopen the harbour, the Minister said.", "WE WON'T reopen THE harbours",
      "They can't and didn't wait; the ministers' plans", "Zelenský's aide didn't say it's over",
      "harbour harbour harbour reopened"};
  SequenceCache cache;
  SequenceCache small(/*max_words=*/3);  // starts over within most texts
  for (int round = 0; round < 2; ++round) {  // words worked out, then remembered
    for (const std::string& text : texts) {
      const std::vector<uint32_t> expected = StatementSequence(text);
      EXPECT_FALSE(expected.empty());
      EXPECT_EQ(StatementSequence(text, &cache), expected) << text;
      EXPECT_EQ(StatementSequence(text, &small), expected) << text;
    }
  }
  // A contraction stands for two words, the second a content word ("not").
  EXPECT_EQ(StatementSequence("won't", &cache).size(), 2u);
  EXPECT_EQ(StatementSequence("won't", &cache)[1] & 1u, 1u);
  EXPECT_GT(cache.MemoryBytes(), 0u);
}

TEST(StatementTermsTest, ASegmentBuildGivesEachClaimsSequence) {
  const std::vector<std::string> texts = {
      "We won't reopen the harbour, the Minister said.", "", "WE WON'T reopen THE harbours",
      "They can't and didn't wait; the ministers' plans", "Zelenský's aide told us it's over",
      "harbour harbour harbour reopened", "  -- ... ''  "};
  std::vector<v1::Claim> claims(texts.size());
  std::vector<const v1::Claim*> pointers;
  for (size_t i = 0; i < texts.size(); ++i) {
    claims[i].set_claim_id("c" + std::to_string(i));
    claims[i].set_doc_id("d");
    claims[i].set_text(texts[i]);
    pointers.push_back(&claims[i]);
  }
  Segment::StatementSequences sequences;
  sequences.values = {7, 7};  // replaced, not appended to
  Segment::Build(pointers, {}, nullptr, &sequences);
  ASSERT_EQ(sequences.ends.size(), texts.size() + 1);
  for (size_t i = 0; i < texts.size(); ++i) {
    const absl::Span<const uint32_t> got = sequences.of(i);
    EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()), StatementSequence(texts[i])) << texts[i];
  }
}

TEST(StatementTermsTest, ContractionsAndFunctionWordsDoNotMatter) {
  EXPECT_EQ(StatementTerms("We won't reopen the harbour"), StatementTerms("we will not reopen harbour"));
  EXPECT_EQ(StatementTerms("They cannot wait"), StatementTerms("they can not wait"));
  EXPECT_EQ(StatementTerms("The harbours reopened"), StatementTerms("harbour reopens"));
  EXPECT_NE(StatementTerms("We will reopen"), StatementTerms("We will not reopen"));
  EXPECT_TRUE(StatementTerms("it is what it is").empty());
}

TEST(LinkScoreTest, ExactRepeat) {
  EXPECT_EQ(Score("The ferries will run again on Monday", kDirect, "The ferries will run again on Monday", kDirect), 1.0);
}

TEST(LinkScoreTest, TrimmedAndExtendedQuotes) {
  EXPECT_GT(Score("The ferries will run again on Monday, and the fares will stay as they are", kDirect,
                  "The ferries will run again on Monday", kDirect),
            0);
  // A partial quote of the full statement.
  EXPECT_GT(Score("We ask the council once more to lower the harbour fees before winter", kDirect, "lower the harbour fees",
                  kPartial),
            0);
}

TEST(LinkScoreTest, RewordedTranslation) {
  EXPECT_GT(Score("We will not allow our plans to be buried in endless talks", kDirect,
                  "We won't let our plans be drowned in endless talks", kDirect),
            0);
  EXPECT_GT(Score("the harbour would reopen to ferries and fishing boats next week", kIndirect,
                  "the harbour will reopen next week for the ferries and the fishing fleet", kIndirect),
            0);
}

TEST(LinkScoreTest, SameSpeakerDifferentStatementsStayApart) {
  EXPECT_EQ(Score("The harbour will reopen next week", kDirect, "The harbour fees will rise next year", kDirect), 0);
  EXPECT_EQ(Score("the council would review the harbour budget in spring", kIndirect,
                  "the harbour workers would strike unless the council met them", kIndirect),
            0);
}

TEST(LinkScoreTest, OneWordQuotesLinkOnlyToTheSameWord) {
  EXPECT_EQ(Score("review", kPartial, "review", kPartial), 1.0);
  EXPECT_EQ(Score("review", kPartial, "We will read it. Review it. They took six weeks over ours.", kDirect), 0);
}

TEST(LinkScoreTest, QuoteInsideParaphraseIsNotTheParaphrase) {
  // "fair deal" quoted inside someone's paraphrase is its own statement.
  EXPECT_EQ(Score("fair deal for farmers", kPartial, "the plan offered growers a fair deal for farmers at last", kIndirect), 0);
}

TEST(LinkScoreTest, DistantDatesNeverLink) {
  EXPECT_EQ(Score("The ferries will run again", kDirect, "The ferries will run again", kDirect, 100, 100 + kMaxDayGap + 1),
            0);
  EXPECT_GT(Score("The ferries will run again", kDirect, "The ferries will run again", kDirect, 100, 101), 0);
}

TEST(ClusterIdTest, RoundTrips) {
  EXPECT_EQ(ParseClusterId(ClusterId(0x1234)).value(), 0x1234u);
  EXPECT_FALSE(ParseClusterId("cl-").has_value());
  EXPECT_FALSE(ParseClusterId("cl-0").has_value());
  EXPECT_FALSE(ParseClusterId("xx-12").has_value());
}

Clusterer::Input Claim(uint64_t hash, const char* doc, uint32_t speaker, const char* outlet, v1::ClaimKind kind,
                       const char* text) {
  Clusterer::Input in;
  in.claim_hash = hash;
  in.doc_id = doc;
  in.speaker = speaker;
  in.outlet = outlet;
  in.kind = kind;
  in.statement_day = kNoDay;
  in.text = text;
  return in;
}

TEST(ClustererTest, SameStatementAcrossOutletsJoinsOneCluster) {
  Clusterer c;
  // Background claims so that rare words weigh more than common ones.
  c.Add(Claim(1, "d0", 1, "Gazette", kDirect, "The harbour budget is balanced this year"));
  c.Add(Claim(2, "d0", 1, "Gazette", kDirect, "The harbour staff deserve a pay rise"));
  const uint32_t a = c.Add(Claim(10, "d1", 1, "Gazette", kDirect, "We will not let the harbour close while ferries still sail"));
  const uint32_t b = c.Add(Claim(11, "d2", 1, "Courier", kDirect, "We won't let the harbour close while the ferries still sail"));
  const uint32_t p = c.Add(Claim(12, "d3", 1, "Herald", kPartial, "let the harbour close"));
  const uint32_t other = c.Add(Claim(13, "d3", 1, "Herald", kDirect, "The harbour fees will rise next spring"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, p);
  EXPECT_NE(a, other);
  EXPECT_EQ(c.outlets(a), 3u);
  EXPECT_EQ(c.outlets(other), 1u);
  EXPECT_EQ(c.Members(a), (std::vector<uint64_t>{10, 11, 12}));
}

TEST(ClustererTest, ASequenceGivenWithTheClaimIsWhatItIsComparedOn) {
  Clusterer c;
  c.Add(Claim(1, "d0", 1, "Gazette", kDirect, "The harbour budget is balanced this year"));
  const char* said = "We will not let the harbour close while ferries still sail";
  const uint32_t a = c.Add(Claim(10, "d1", 1, "Gazette", kDirect, said));
  // Words that share nothing with it, but the sequence of the same statement.
  const std::vector<uint32_t> sequence = StatementSequence(said);
  Clusterer::Input given = Claim(11, "d2", 1, "Courier", kDirect, "Orchards bloom early in warm springs");
  given.sequence = sequence;
  EXPECT_EQ(c.Add(given), a);
  EXPECT_NE(c.Add(Claim(12, "d3", 1, "Herald", kDirect, "Orchards bloom early in warm springs")), a);
}

TEST(ClustererTest, TheClusterWithMostSupportWinsOverOneContainedFragment) {
  Clusterer c;
  // A two-word fragment of the speaker's first sentence, quoted alone.
  const uint32_t fragment = c.Add(Claim(1, "d1", 1, "Herald", kPartial, "public service"));
  // Two outlets report the second statement.
  const uint32_t statement =
      c.Add(Claim(2, "d2", 1, "Gazette", kDirect,
                  "We will not cut the night ferries while the islands depend on them for school and work"));
  ASSERT_EQ(c.Add(Claim(3, "d3", 1, "Courier", kDirect,
                        "We will not cut the night ferries while islands depend on them for school and for work")),
            statement);
  ASSERT_NE(fragment, statement);
  // A third quotes both sentences at once. The fragment lies wholly inside
  // it, so that one pair scores highest; but the statement's two reports
  // agree, and they carry the claim.
  EXPECT_EQ(c.Add(Claim(4, "d4", 1, "Tribune", kDirect,
                        "The ferry line is a public service. And we will not cut night ferries as long as islands "
                        "depend on them")),
            statement);
  EXPECT_EQ(c.outlets(statement), 3u);
  EXPECT_EQ(c.outlets(fragment), 1u);
}

TEST(ClustererTest, SameWordsDifferentSpeakersStayApart) {
  Clusterer c;
  const uint32_t a = c.Add(Claim(1, "d1", 1, "Gazette", kDirect, "The harbour will reopen on Monday"));
  const uint32_t b = c.Add(Claim(2, "d2", 2, "Courier", kDirect, "The harbour will reopen on Monday"));
  const uint32_t unknown1 = c.Add(Claim(3, "d3", 0, "Herald", kDirect, "The harbour will reopen on Monday"));
  EXPECT_NE(a, b);
  EXPECT_NE(unknown1, a);
  EXPECT_NE(unknown1, b);
}

TEST(ClustererTest, OneDocumentReportsAStatementOnce) {
  Clusterer c;
  const uint32_t a = c.Add(Claim(1, "d1", 1, "Gazette", kDirect, "The harbour will reopen on Monday"));
  const uint32_t b = c.Add(Claim(2, "d1", 1, "Gazette", kDirect, "The harbour will reopen on Monday"));
  EXPECT_NE(a, b);
}

TEST(ClustererTest, RemovingADocumentUpdatesOutletCounts) {
  Clusterer c;
  const uint32_t a = c.Add(Claim(1, "d1", 1, "Gazette", kDirect, "The harbour will reopen on Monday"));
  c.Add(Claim(2, "d2", 1, "Courier", kDirect, "The harbour will reopen on Monday"));
  c.Add(Claim(3, "d3", 1, "", kDirect, "The harbour will reopen on Monday"));  // unknown outlet counts alone
  EXPECT_EQ(c.outlets(a), 3u);
  c.RemoveDocument("d2");
  EXPECT_EQ(c.outlets(a), 2u);
  EXPECT_EQ(c.Members(a), (std::vector<uint64_t>{1, 3}));
  // Re-ingested, it joins again.
  EXPECT_EQ(c.Add(Claim(2, "d2", 1, "Courier", kDirect, "The harbour will reopen on Monday")), a);
  EXPECT_EQ(c.outlets(a), 3u);
  EXPECT_EQ(c.outlets(0), 0u);
  EXPECT_EQ(c.outlets(999), 0u);
}

TEST(ClustererTest, ARareWordSharedByManyClaimsStillFindsTheRecentOnes) {
  // One speaker files many claims under the same rare word: its ring grows
  // from one entry held in place up to kChainLimit, then drops the oldest.
  Clusterer c;
  for (int i = 0; i < 3 * Clusterer::kChainLimit; ++i) {
    const std::string text = "the lighthouse keeper statement " + std::to_string(i * 1000003) + " item " +
                             std::to_string(i * 7919) + " code " + std::to_string(i * 104729);
    c.Add(Claim(100 + i, ("doc" + std::to_string(i)).c_str(), 1, "Gazette", kDirect, text.c_str()));
  }
  const int last = 3 * Clusterer::kChainLimit - 1;
  const std::string repeat = "the lighthouse keeper statement " + std::to_string(last * 1000003) + " item " +
                             std::to_string(last * 7919) + " code " + std::to_string(last * 104729);
  const uint32_t recent = c.Add(Claim(1, "other", 1, "Courier", kDirect, repeat.c_str()));
  EXPECT_EQ(c.Members(recent), (std::vector<uint64_t>{static_cast<uint64_t>(100 + last), 1}));
  EXPECT_EQ(c.outlets(recent), 2u);
}

TEST(ClustererTest, ManyClustersKeepTheirCounts) {
  Clusterer c;
  uint32_t last = 0;
  for (uint64_t i = 0; i < 70000; ++i) {  // crosses a chunk of the outlet table
    const std::string text = "statement number " + std::to_string(i) + " about item " + std::to_string(i * 7);
    last = c.Add(Claim(i + 1, "d", static_cast<uint32_t>(1 + i % 50), "Gazette", kDirect, text.c_str()));
  }
  EXPECT_GE(c.cluster_count(), 65536u);
  EXPECT_EQ(c.outlets(last), 1u);
  EXPECT_GT(c.MemoryBytes(), 0u);
}

}  // namespace
}  // namespace claims::query
