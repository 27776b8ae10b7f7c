#include "tools/scorer/scorer.h"

#include <cstdlib>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::eval {
namespace {

GoldClaim Gold(const std::string& kind, uint64_t start, uint64_t end, const std::string& speaker,
               const std::string& date = "") {
  GoldClaim c;
  c.set_kind(kind);
  c.set_start(start);
  c.set_end(end);
  c.set_text("gold text");
  c.set_speaker(speaker);
  c.set_date(date);
  return c;
}

v1::Claim Predicted(v1::ClaimKind kind, uint64_t start, uint64_t end, const std::string& speaker,
                    int year = 0, int month = 0, int day = 0) {
  v1::Claim c;
  c.set_kind(kind);
  c.mutable_span()->set_start(start);
  c.mutable_span()->set_end(end);
  c.set_text("predicted text");
  c.mutable_speaker()->set_canonical_name(speaker);
  if (year != 0) {
    c.mutable_statement_date()->set_year(year);
    c.mutable_statement_date()->set_month(month);
    c.mutable_statement_date()->set_day(day);
  }
  return c;
}

TEST(SameSpeakerTest, FollowsTheFormatRules) {
  EXPECT_TRUE(SameSpeaker("Ana Lind", "ana lind"));
  EXPECT_TRUE(SameSpeaker("Ana Lind", "Lind"));           // missing first name
  EXPECT_TRUE(SameSpeaker("José Ortega", "Jose Ortega"));  // accents
  EXPECT_TRUE(SameSpeaker("Sergei Vol", "Sergey Vol"));    // spelling variant
  EXPECT_FALSE(SameSpeaker("Karl Brandt", "Tomasz Brandt"));
  EXPECT_FALSE(SameSpeaker("Ana Lind", "Ana Berg"));
  EXPECT_FALSE(SameSpeaker("Ana Lind", ""));
}

TEST(ScoreTest, MatchesByHalfOverlapOneToOnePerCategory) {
  GoldDocument doc;
  doc.set_doc_id("d");
  *doc.add_claims() = Gold("direct", 100, 200, "Ana Lind", "2024-05-01");
  *doc.add_claims() = Gold("partial", 300, 320, "Ana Lind");
  *doc.add_claims() = Gold("indirect", 400, 500, "Bo Berg", "2024-05-02");
  *doc.add_claims() = Gold("direct", 600, 700, "");  // unattributed in gold

  std::map<std::string, std::vector<v1::Claim>> predicted;
  auto& p = predicted["d"];
  p.push_back(Predicted(v1::CLAIM_KIND_DIRECT, 110, 200, "Lind", 2024, 5, 1));  // 90 of 100: match
  p.push_back(Predicted(v1::CLAIM_KIND_DIRECT, 150, 200, "Lind"));              // duplicate: spurious
  p.push_back(Predicted(v1::CLAIM_KIND_PARTIAL, 300, 360, "Ana Lind"));         // 20 of 60: no match
  p.push_back(Predicted(v1::CLAIM_KIND_INDIRECT, 420, 500, "Cy Berg", 2024, 5, 3));  // wrong person, date
  p.push_back(Predicted(v1::CLAIM_KIND_DIRECT, 400, 500, "Bo Berg"));  // a quote cannot match an indirect
  p.push_back(Predicted(v1::CLAIM_KIND_DIRECT, 600, 700, "Someone"));

  const ScoreReport report = Score({doc}, predicted);
  EXPECT_EQ(report.quotes.true_positives, 2);
  EXPECT_EQ(report.quotes.false_positives, 3);
  EXPECT_EQ(report.quotes.false_negatives, 1);
  EXPECT_EQ(report.indirect.true_positives, 1);
  EXPECT_EQ(report.indirect.false_positives, 0);
  EXPECT_EQ(report.indirect.false_negatives, 0);
  // Attribution over matched claims with a gold speaker: Lind right, Berg wrong.
  EXPECT_EQ(report.attribution.total, 2);
  EXPECT_EQ(report.attribution.correct, 1);
  EXPECT_EQ(report.dates.total, 2);
  EXPECT_EQ(report.dates.correct, 1);
  EXPECT_NEAR(report.quotes.precision(), 0.4, 1e-9);
  EXPECT_NEAR(report.quotes.recall(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(report.quotes.f1(), 0.5, 1e-9);
  ASSERT_EQ(report.documents.size(), 1u);
  EXPECT_THAT(FormatReport(report), ::testing::HasSubstr("quotes       P=0.400 R=0.667 F1=0.500"));
  int speaker_findings = 0;
  for (const Finding& f : report.findings) speaker_findings += f.type == "speaker";
  EXPECT_EQ(speaker_findings, 1);
}

TEST(ScoreTest, MissingDocumentsCountAsEmpty) {
  GoldDocument doc;
  doc.set_doc_id("absent");
  *doc.add_claims() = Gold("direct", 0, 10, "X");
  const ScoreReport report = Score({doc}, {});
  EXPECT_EQ(report.quotes.false_negatives, 1);
  EXPECT_EQ(report.quotes.recall(), 0.0);
  EXPECT_EQ(report.quotes.f1(), 0.0);
}

TEST(ReadGoldTest, ReadsJsonLinesWithNullsAndGroups) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/gold.jsonl";
  std::ofstream(path) << R"({"doc_id": "a", "file": "seeds/a.txt", "meta": {"title": "T", "byline": null, )"
                         R"("published": "2024-01-02", "outlet": null}, "claims": [{"kind": "direct", "start": 5, )"
                         R"("end": 9, "text": "abcd", "speaker": null, "speaker_mention": null, "cue": "said", )"
                         R"("date": null}], "corroboration": [["a:5", "b:7"]]})"
                      << "\n\n";
  absl::StatusOr<std::vector<GoldDocument>> gold = ReadGold(path);
  ASSERT_TRUE(gold.ok()) << gold.status();
  ASSERT_EQ(gold->size(), 1u);
  EXPECT_EQ((*gold)[0].claims(0).end(), 9u);
  EXPECT_EQ((*gold)[0].claims(0).speaker(), "");
  EXPECT_EQ((*gold)[0].corroboration(0).values(1).string_value(), "b:7");

  std::ofstream(path) << "{\"doc_id\": 5, \"nonsense\": true}\n";
  EXPECT_EQ(ReadGold(path).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(SeparabilityTest, BestThresholdKeepsPrecision) {
  std::vector<SpeakerPair> pairs;
  auto add = [&pairs](bool gold, double jaccard) {
    SpeakerPair p;
    p.gold = gold;
    p.jaccard = jaccard;
    pairs.push_back(p);
  };
  add(true, 0.9);
  add(true, 0.8);
  add(false, 0.7);
  add(true, 0.6);
  add(true, 0.6);
  add(false, 0.5);
  add(true, 0.2);
  const auto jaccard = [](const SpeakerPair& p) { return p.jaccard; };
  // At 0.6: 4 of 5 (0.8) - below 0.9; at 0.8: 2 of 2.
  auto best = BestThreshold(pairs, jaccard, 0.9);
  ASSERT_TRUE(best.has_value());
  EXPECT_DOUBLE_EQ(best->threshold, 0.8);
  EXPECT_EQ(best->correct, 2);
  EXPECT_EQ(best->selected, 2);
  // Ties go together, and a lower bar takes the larger prefix.
  best = BestThreshold(pairs, jaccard, 0.75);
  ASSERT_TRUE(best.has_value());
  EXPECT_DOUBLE_EQ(best->threshold, 0.6);
  EXPECT_EQ(best->correct, 4);
  EXPECT_FALSE(BestThreshold({pairs[2]}, jaccard, 0.9).has_value());
}

}  // namespace
}  // namespace claims::eval
