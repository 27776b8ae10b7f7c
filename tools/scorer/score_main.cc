// score: measures the extractor against gold annotations
// (../shared/eval/FORMAT.md).
//
//   score --gold=../shared/eval/seeds_gold.jsonl [--predictions=claims.jsonl] [--corroboration] [--findings]
//
// Without --predictions it runs the extractor in-process on the annotated
// articles; with it, it scores the extract tool's JSON-lines output. Prints
// precision/recall/F1 for quotes and indirect claims, attribution and date
// accuracy, and one row per document; --corroboration adds pairwise link
// precision/recall of the query index's clusters; --findings adds every miss.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "tools/scorer/cluster_claims.h"
#include "tools/scorer/run_extractor.h"
#include "tools/scorer/scorer.h"

ABSL_FLAG(std::string, gold, "", "Gold JSONL file (required).");
ABSL_FLAG(std::string, predictions, "", "Claims as JSON lines (the extract tool's output); default: run the extractor.");
ABSL_FLAG(bool, separability, false,
          "With --corroboration: how far words alone separate gold links from a speaker's other statements "
          "(pairs of matched claims of one predicted speaker in two documents; the best one-threshold recall at "
          "precision 0.90 on their Jaccard and containment).");
ABSL_FLAG(std::string, pairs_tsv, "",
          "With --corroboration: write those pairs here (gold, clustered, jaccard, containment, text, text) for "
          "analysis elsewhere.");
ABSL_FLAG(bool, corroboration, false,
          "Also run the claims through the query index and score its clusters against the gold corroboration "
          "groups.");
ABSL_FLAG(bool, findings, false, "Also list every missed, spurious, misattributed or misdated claim.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("score --gold=FILE [--predictions=FILE] [--findings]");
  absl::ParseCommandLine(argc, argv);
  const std::string gold_path = absl::GetFlag(FLAGS_gold);
  if (gold_path.empty()) {
    std::cerr << "score: --gold is required\n";
    return 2;
  }
  absl::StatusOr<std::vector<claims::eval::GoldDocument>> gold = claims::eval::ReadGold(gold_path);
  if (!gold.ok()) {
    std::cerr << "score: " << gold.status() << "\n";
    return 1;
  }
  const std::string predictions_path = absl::GetFlag(FLAGS_predictions);
  absl::StatusOr<std::map<std::string, std::vector<claims::v1::Claim>>> predicted =
      predictions_path.empty() ? claims::eval::ExtractGoldArticles(*gold, claims::eval::GoldRoot(gold_path))
                               : claims::eval::ReadPredictions(predictions_path);
  if (!predicted.ok()) {
    std::cerr << "score: " << predicted.status() << "\n";
    return 1;
  }
  const claims::eval::ScoreReport report = claims::eval::Score(*gold, *predicted);
  std::cout << claims::eval::FormatReport(report);
  if (absl::GetFlag(FLAGS_findings)) {
    std::cout << "\n";
    for (const auto& f : report.findings) std::cout << f.doc_id << "  " << f.type << "  " << f.detail << "\n";
  }
  if (absl::GetFlag(FLAGS_corroboration)) {
    auto clustered = claims::eval::ClusterThroughIndex(*predicted);
    if (!clustered.ok()) {
      std::cerr << "score: " << clustered.status() << "\n";
      return 1;
    }
    const claims::eval::CorroborationScore c = claims::eval::ScoreCorroboration(*gold, *clustered);
    std::printf("\ncorroboration links: P %.3f (%d/%d)  R %.3f (%d/%d)  mixed-speaker clusters %d\n", c.precision(),
                c.correct_links, c.predicted_links, c.recall(), c.correct_links, c.gold_links, c.mixed_clusters);
    if (absl::GetFlag(FLAGS_findings)) {
      for (const std::string& f : c.findings) std::cout << f << "\n";
    }
    if (absl::GetFlag(FLAGS_separability) || !absl::GetFlag(FLAGS_pairs_tsv).empty()) {
      const std::vector<claims::eval::SpeakerPair> pairs = claims::eval::SameSpeakerPairs(*gold, *clustered);
      int gold_pairs = 0, clustered_gold = 0, clustered_pairs = 0;
      for (const auto& p : pairs) {
        gold_pairs += p.gold;
        clustered_pairs += p.clustered;
        clustered_gold += p.gold && p.clustered;
      }
      std::printf("\nsame-speaker pairs across documents: %zu, %d of them gold links (of %d); clusters join %d, %d "
                  "gold\n",
                  pairs.size(), gold_pairs, c.gold_links, clustered_pairs, clustered_gold);
      const std::pair<const char*, std::function<double(const claims::eval::SpeakerPair&)>> features[] = {
          {"jaccard", [](const claims::eval::SpeakerPair& p) { return p.jaccard; }},
          {"containment", [](const claims::eval::SpeakerPair& p) { return p.containment; }}};
      for (const auto& [name, feature] : features) {
        const auto best = claims::eval::BestThreshold(pairs, feature, 0.90);
        if (best) {
          std::printf("%s >= %.3f: %d of %d pairs are gold links (recall %.3f of %d)\n", name, best->threshold,
                      best->correct, best->selected, static_cast<double>(best->correct) / c.gold_links, c.gold_links);
        } else {
          std::printf("%s: no threshold reaches precision 0.90\n", name);
        }
      }
      if (const std::string path = absl::GetFlag(FLAGS_pairs_tsv); !path.empty()) {
        std::ofstream out(path);
        for (const auto& p : pairs) {
          out << p.gold << "\t" << p.clustered << "\t" << p.jaccard << "\t" << p.containment << "\t" << p.a << "\t"
              << p.b << "\n";
        }
      }
    }
  }
  return 0;
}
