#include "tools/scorer/scorer.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "common/document_files.h"
#include "extractor_service/speaker_registry.h"
#include "google/protobuf/util/json_util.h"
#include "query_service/corroboration.h"
#include "query_service/segment.h"
#include "tools/claim_format.h"

namespace claims::eval {
namespace {

double Ratio(int num, int den) { return den == 0 ? 1.0 : static_cast<double>(num) / den; }

bool IsQuoteKind(absl::string_view gold_kind) { return gold_kind == "direct" || gold_kind == "partial"; }

uint64_t Overlap(uint64_t a0, uint64_t a1, uint64_t b0, uint64_t b1) {
  const uint64_t lo = std::max(a0, b0), hi = std::min(a1, b1);
  return hi > lo ? hi - lo : 0;
}

std::string Clip(absl::string_view text, size_t n = 70) {
  if (text.size() <= n) return std::string(text);
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(text.substr(0, cut), "...");
}

// One-to-one matching of gold and predicted claims of one category, largest
// overlaps first. Returns (gold index, predicted index) pairs.
std::vector<std::pair<int, int>> Match(const std::vector<const GoldClaim*>& gold,
                                       const std::vector<const v1::Claim*>& predicted) {
  std::vector<std::tuple<uint64_t, int, int>> candidates;
  for (int g = 0; g < static_cast<int>(gold.size()); ++g) {
    for (int p = 0; p < static_cast<int>(predicted.size()); ++p) {
      const v1::Span& span = predicted[p]->span();
      const uint64_t overlap = Overlap(gold[g]->start(), gold[g]->end(), span.start(), span.end());
      const uint64_t longer = std::max<uint64_t>(gold[g]->end() - gold[g]->start(), span.end() - span.start());
      if (overlap > 0 && 2 * overlap >= longer) candidates.emplace_back(overlap, g, p);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : a < b;
  });
  std::vector<bool> gold_used(gold.size()), predicted_used(predicted.size());
  std::vector<std::pair<int, int>> pairs;
  for (const auto& [overlap, g, p] : candidates) {
    if (gold_used[g] || predicted_used[p]) continue;
    gold_used[g] = predicted_used[p] = true;
    pairs.emplace_back(g, p);
  }
  return pairs;
}

void Add(Detection& into, const Detection& d) {
  into.true_positives += d.true_positives;
  into.false_positives += d.false_positives;
  into.false_negatives += d.false_negatives;
}

void Add(Accuracy& into, const Accuracy& a) {
  into.correct += a.correct;
  into.total += a.total;
}

}  // namespace

double Detection::precision() const { return Ratio(true_positives, true_positives + false_positives); }
double Detection::recall() const { return Ratio(true_positives, true_positives + false_negatives); }
double Detection::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

absl::StatusOr<std::vector<GoldDocument>> ReadGold(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileBytes(path);
  if (!contents.ok()) return contents.status();
  std::vector<GoldDocument> docs;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*contents, '\n')) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == absl::string_view::npos) continue;
    GoldDocument doc;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto parsed = google::protobuf::util::JsonStringToMessage(std::string(line), &doc, options);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_number, ": not a gold document: ", std::string(parsed.message())));
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

bool SameSpeaker(absl::string_view gold, absl::string_view predicted) {
  if (gold.empty() || predicted.empty()) return gold.empty() && predicted.empty();
  return extractor::SpeakerRegistry::NamesMatch(gold, predicted);
}

ScoreReport Score(const std::vector<GoldDocument>& gold,
                  const std::map<std::string, std::vector<v1::Claim>>& predicted) {
  ScoreReport report;
  static const std::vector<v1::Claim> kNone;
  for (const GoldDocument& doc : gold) {
    DocumentScore row;
    row.doc_id = doc.doc_id();
    auto it = predicted.find(doc.doc_id());
    const std::vector<v1::Claim>& claims = it == predicted.end() ? kNone : it->second;
    for (bool quotes : {true, false}) {
      std::vector<const GoldClaim*> g;
      std::vector<const v1::Claim*> p;
      for (const GoldClaim& c : doc.claims()) {
        if (IsQuoteKind(c.kind()) == quotes) g.push_back(&c);
      }
      for (const v1::Claim& c : claims) {
        if ((c.kind() != v1::CLAIM_KIND_INDIRECT) == quotes) p.push_back(&c);
      }
      const std::vector<std::pair<int, int>> pairs = Match(g, p);
      Detection& detection = quotes ? row.quotes : row.indirect;
      detection.true_positives = static_cast<int>(pairs.size());
      detection.false_negatives = static_cast<int>(g.size() - pairs.size());
      detection.false_positives = static_cast<int>(p.size() - pairs.size());
      std::vector<bool> gold_matched(g.size()), predicted_matched(p.size());
      for (const auto& [gi, pi] : pairs) {
        gold_matched[gi] = predicted_matched[pi] = true;
        const GoldClaim& gc = *g[gi];
        const v1::Claim& pc = *p[pi];
        if (!gc.speaker().empty()) {
          ++row.attribution.total;
          if (SameSpeaker(gc.speaker(), pc.speaker().canonical_name())) {
            ++row.attribution.correct;
          } else {
            report.findings.push_back({doc.doc_id(), "speaker",
                                       absl::StrCat("\"", Clip(gc.text()), "\": expected ", gc.speaker(), ", got ",
                                                    pc.speaker().canonical_name().empty()
                                                        ? std::string("nobody")
                                                        : pc.speaker().canonical_name())});
          }
        }
        if (!gc.date().empty()) {
          ++row.dates.total;
          const std::string got = tools::FormatDate(pc.statement_date());
          if (got == gc.date()) {
            ++row.dates.correct;
          } else {
            report.findings.push_back({doc.doc_id(), "date",
                                       absl::StrCat("\"", Clip(gc.text()), "\": expected ", gc.date(), ", got ", got)});
          }
        }
      }
      for (size_t i = 0; i < g.size(); ++i) {
        if (!gold_matched[i]) {
          report.findings.push_back({doc.doc_id(), "missed",
                                     absl::StrCat(g[i]->kind(), " @", g[i]->start(), " \"", Clip(g[i]->text()),
                                                  "\" (", g[i]->speaker(), ")")});
        }
      }
      for (size_t i = 0; i < p.size(); ++i) {
        if (!predicted_matched[i]) {
          report.findings.push_back({doc.doc_id(), "spurious",
                                     absl::StrCat(quotes ? "quote" : "indirect", " @", p[i]->span().start(), " \"",
                                                  Clip(p[i]->text()), "\" (", p[i]->speaker().canonical_name(),
                                                  ")")});
        }
      }
    }
    Add(report.quotes, row.quotes);
    Add(report.indirect, row.indirect);
    Add(report.attribution, row.attribution);
    Add(report.dates, row.dates);
    report.documents.push_back(std::move(row));
  }
  return report;
}

std::string FormatReport(const ScoreReport& report) {
  std::string out;
  auto detection = [](const char* name, const Detection& d) {
    return absl::StrFormat("%-12s P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)\n", name, d.precision(), d.recall(),
                           d.f1(), d.true_positives, d.false_positives, d.false_negatives);
  };
  auto accuracy = [](const char* name, const Accuracy& a) {
    return absl::StrFormat("%-12s %.3f (%d of %d)\n", name, a.value(), a.correct, a.total);
  };
  absl::StrAppend(&out, detection("quotes", report.quotes), detection("indirect", report.indirect),
                  accuracy("attribution", report.attribution), accuracy("dates", report.dates));
  absl::StrAppendFormat(&out, "\n%-24s %9s %9s %9s %9s\n", "document", "quotesF1", "indirF1", "attrib", "dates");
  for (const DocumentScore& d : report.documents) {
    absl::StrAppendFormat(&out, "%-24s %9.3f %9.3f %9.3f %9.3f\n", d.doc_id, d.quotes.f1(), d.indirect.f1(),
                          d.attribution.value(), d.dates.value());
  }
  return out;
}

double CorroborationScore::precision() const { return Ratio(correct_links, predicted_links); }
double CorroborationScore::recall() const { return Ratio(correct_links, gold_links); }

std::map<std::string, const v1::Claim*> MatchGoldRefs(const std::vector<GoldDocument>& gold,
                                                      const std::map<std::string, std::vector<v1::Claim>>& predicted,
                                                      std::map<std::string, const GoldClaim*>* gold_by_ref) {
  std::map<std::string, const v1::Claim*> matched;
  for (const GoldDocument& doc : gold) {
    auto it = predicted.find(doc.doc_id());
    if (it == predicted.end()) continue;
    for (bool quotes : {true, false}) {
      std::vector<const GoldClaim*> g;
      std::vector<const v1::Claim*> p;
      for (const GoldClaim& c : doc.claims()) {
        if (IsQuoteKind(c.kind()) == quotes) g.push_back(&c);
      }
      for (const v1::Claim& c : it->second) {
        if ((c.kind() != v1::CLAIM_KIND_INDIRECT) == quotes) p.push_back(&c);
      }
      for (const auto& [gi, pi] : Match(g, p)) {
        const std::string ref = absl::StrCat(doc.doc_id(), ":", g[gi]->start());
        matched[ref] = p[pi];
        if (gold_by_ref != nullptr) (*gold_by_ref)[ref] = g[gi];
      }
    }
  }
  return matched;
}

namespace {

std::string DocOf(const std::string& ref) { return ref.substr(0, ref.rfind(':')); }

// Gold links between matched claims of different documents, as sorted
// pairs of "doc_id:start".
std::set<std::pair<std::string, std::string>> GoldLinks(const std::vector<GoldDocument>& gold,
                                                        const std::map<std::string, const v1::Claim*>& matched) {
  std::set<std::pair<std::string, std::string>> gold_links;
  for (const GoldDocument& doc : gold) {
    for (const google::protobuf::ListValue& group : doc.corroboration()) {
      std::vector<std::string> refs;
      for (const google::protobuf::Value& v : group.values()) {
        if (matched.count(v.string_value())) refs.push_back(v.string_value());
      }
      std::sort(refs.begin(), refs.end());
      for (size_t a = 0; a < refs.size(); ++a) {
        for (size_t b = a + 1; b < refs.size(); ++b) {
          if (DocOf(refs[a]) != DocOf(refs[b])) gold_links.emplace(refs[a], refs[b]);
        }
      }
    }
  }
  return gold_links;
}

}  // namespace

CorroborationScore ScoreCorroboration(const std::vector<GoldDocument>& gold,
                                      const std::map<std::string, std::vector<v1::Claim>>& predicted) {
  CorroborationScore score;
  std::map<std::string, const GoldClaim*> gold_by_ref;
  std::map<std::string, const v1::Claim*> matched = MatchGoldRefs(gold, predicted, &gold_by_ref);
  const std::set<std::pair<std::string, std::string>> gold_links = GoldLinks(gold, matched);
  // Predicted links: matched claims of different documents in one cluster.
  std::vector<std::string> refs;
  for (const auto& [ref, claim] : matched) refs.push_back(ref);
  for (size_t a = 0; a < refs.size(); ++a) {
    for (size_t b = a + 1; b < refs.size(); ++b) {
      const v1::Claim& ca = *matched[refs[a]];
      const v1::Claim& cb = *matched[refs[b]];
      if (DocOf(refs[a]) == DocOf(refs[b]) || ca.cluster_id().empty() || ca.cluster_id() != cb.cluster_id()) continue;
      ++score.predicted_links;
      if (gold_links.count({refs[a], refs[b]})) {
        ++score.correct_links;
      } else {
        score.findings.push_back(absl::StrCat("wrong link: \"", Clip(ca.text(), 60), "\" ~ \"", Clip(cb.text(), 60), "\""));
      }
    }
  }
  score.gold_links = static_cast<int>(gold_links.size());
  for (const auto& [a, b] : gold_links) {
    if (matched[a]->cluster_id().empty() || matched[a]->cluster_id() != matched[b]->cluster_id()) {
      // Why: a cluster never mixes speakers, so a link across two predicted
      // speakers is out of the clusterer's reach; one within a speaker is a
      // verification (or candidate) miss.
      const v1::Claim& ca = *matched[a];
      const v1::Claim& cb = *matched[b];
      const std::string why =
          ca.speaker().speaker_id() == cb.speaker().speaker_id()
              ? absl::StrCat("same speaker ", ca.speaker().canonical_name())
              : absl::StrCat("speakers ", ca.speaker().canonical_name(), " | ", cb.speaker().canonical_name());
      score.findings.push_back(absl::StrCat("missed link: \"", Clip(gold_by_ref[a]->text(), 60), "\" ~ \"",
                                            Clip(gold_by_ref[b]->text(), 60), "\" (", why, ")"));
    }
  }
  // Speakers per cluster over every predicted claim.
  std::map<std::string, std::set<std::string>> speakers;
  for (const auto& [doc, claims] : predicted) {
    for (const v1::Claim& c : claims) {
      if (!c.cluster_id().empty()) speakers[c.cluster_id()].insert(c.speaker().speaker_id());
    }
  }
  for (const auto& [cluster, ids] : speakers) score.mixed_clusters += ids.size() > 1;
  return score;
}

}  // namespace claims::eval

namespace claims::eval {

std::vector<SpeakerPair> SameSpeakerPairs(const std::vector<GoldDocument>& gold,
                                          const std::map<std::string, std::vector<v1::Claim>>& predicted) {
  const std::map<std::string, const v1::Claim*> matched = MatchGoldRefs(gold, predicted);
  const std::set<std::pair<std::string, std::string>> gold_links = GoldLinks(gold, matched);
  const auto uniform = [](uint32_t) { return 1.0; };
  std::vector<SpeakerPair> out;
  for (auto a = matched.begin(); a != matched.end(); ++a) {
    for (auto b = std::next(a); b != matched.end(); ++b) {
      const v1::Claim& ca = *a->second;
      const v1::Claim& cb = *b->second;
      if (DocOf(a->first) == DocOf(b->first) || ca.speaker().speaker_id().empty() ||
          ca.speaker().speaker_id() != cb.speaker().speaker_id()) {
        continue;
      }
      const std::vector<uint32_t> sa = query::StatementSequence(ca.text()), sb = query::StatementSequence(cb.text());
      const std::vector<uint32_t> ta = query::ContentTerms(sa), tb = query::ContentTerms(sb);
      const std::vector<uint32_t> ha = query::Shingles(sa), hb = query::Shingles(sb);
      const query::LinkFeatures f =
          query::ComputeLinkFeatures({ta, ha, ca.kind(), query::kNoDay}, {tb, hb, cb.kind(), query::kNoDay}, uniform);
      SpeakerPair p;
      p.gold = gold_links.count({a->first, b->first}) > 0;
      p.clustered = !ca.cluster_id().empty() && ca.cluster_id() == cb.cluster_id();
      p.jaccard = f.jaccard;
      p.containment = f.containment;
      p.a = ca.text();
      p.b = cb.text();
      out.push_back(std::move(p));
    }
  }
  return out;
}

std::optional<ThresholdChoice> BestThreshold(const std::vector<SpeakerPair>& pairs,
                                             const std::function<double(const SpeakerPair&)>& feature,
                                             double min_precision) {
  // Pairs by the feature, highest first: each prefix is what one threshold
  // selects (ties go together).
  std::vector<const SpeakerPair*> order;
  for (const SpeakerPair& p : pairs) order.push_back(&p);
  std::sort(order.begin(), order.end(),
            [&](const SpeakerPair* x, const SpeakerPair* y) { return feature(*x) > feature(*y); });
  std::optional<ThresholdChoice> best;
  int correct = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    correct += order[i]->gold;
    if (i + 1 < order.size() && feature(*order[i + 1]) == feature(*order[i])) continue;
    const int selected = static_cast<int>(i + 1);
    if (correct >= min_precision * selected && (!best || correct > best->correct)) {
      best = ThresholdChoice{feature(*order[i]), correct, selected};
    }
  }
  return best;
}

}  // namespace claims::eval
