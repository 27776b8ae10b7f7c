#include "query_service/bench/claim_generator.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/ids.h"

namespace claims::bench {
namespace {

// Frequent English words of news copy, most frequent first; the long tail
// of the vocabulary is made of pronounceable synthetic words.
constexpr const char* kCommon[] = {
    "the", "to", "of", "and", "a", "in", "that", "is", "for", "on", "we", "will", "it", "with", "not", "be",
    "are", "have", "this", "by", "our", "at", "as", "said", "was", "from", "has", "would", "they", "an",
    "there", "but", "all", "no", "more", "can", "its", "government", "people", "security", "talks",
    "minister", "country", "president", "war", "water", "deal", "new", "talks", "agreement", "border",
    "troops", "economy", "prices", "vote", "election", "court", "law", "support", "forces", "peace",
    "crisis", "plan", "region", "state", "police", "health", "budget", "energy", "climate", "trade",
    "tax", "workers", "union", "strike", "farmers", "schools", "hospital", "city", "council", "report",
    "week", "year", "month", "day", "time", "future", "policy", "reform", "change", "response", "demands",
    "sanctions", "alliance", "diplomacy", "dialogue", "threat", "attack", "defence", "military", "aid",
    "refugees", "rights", "freedom", "justice", "investigation", "evidence", "market", "bank", "rates",
    "inflation", "jobs", "growth", "debt", "oil", "gas", "power", "grid", "river", "dam", "harbour",
    "port", "ships", "airport", "railway", "roads", "bridge", "housing", "rent", "families", "children",
    "students", "teachers", "doctors", "nurses", "patients", "vaccine", "virus", "storm", "flood",
    "drought", "fire", "emergency", "ceasefire", "negotiations", "proposal", "offer", "concessions",
    "principles", "commitment", "responsibility", "cooperation", "partners", "allies", "neighbours",
    "warned", "warns", "warning", "promised", "promise", "rejected", "reject", "accepted", "accept",
    "deny", "denied", "confirmed", "confirm", "expect", "expected", "hope", "believe", "must", "should",
    "could", "cannot", "never", "always", "again", "now", "today", "soon", "already", "still", "only"};

constexpr const char* kSyllables[] = {"ka", "lo", "ri", "ten", "va", "mor", "sel", "du", "pra", "nik",
                                      "ost", "bel", "tar", "gin", "lu", "fer", "sa", "drom", "ve", "chi"};
constexpr const char* kGiven[] = {"Helena", "Tomasz", "Amara", "Lena", "Sofia", "Karl", "Ada", "Ines",
                                  "Paul", "Omar", "Mei", "Rosa", "Carlos", "Anna", "Sergei", "Marta",
                                  "Daniel", "Priya", "Jonas", "Ilse", "Oleksii", "Fatima", "Hugo", "Yuki"};
constexpr const char* kSurnames[] = {"Varga", "Brandt", "Diallo", "Horvat", "Lindqvist", "Novak", "Quist",
                                     "Duarte", "Weber", "Haddad", "Tan", "Klein", "Mendes", "Kowal", "Orlov",
                                     "Okafor", "Raman", "Eklund", "Moreau", "Sola", "Adeyemi", "Ortiz", "Berg",
                                     "Reyes", "Lopez", "Ivanova", "Sato", "Nkosi", "Rossi", "Dubois"};
constexpr const char* kOrgs[] = {"Interior Ministry", "Central Bank", "Harbour Authority", "City Council",
                                 "Teachers Union", "Defence Ministry", "Health Agency", "Supreme Court"};
constexpr const char* kPlaces[] = {"Oslo", "Geneva", "Kyiv", "Berlin", "Nairobi", "Lima", "Hanoi", "Seoul",
                                   "Cairo", "Quito", "Riga", "Tunis"};
constexpr const char* kVerbs[] = {"said", "told reporters", "warned", "added", "insisted", "stressed"};

std::vector<double> ZipfCdf(size_t n, double s) {
  std::vector<double> cdf(n);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
    cdf[i] = sum;
  }
  for (double& c : cdf) c /= sum;
  return cdf;
}

}  // namespace

ClaimGenerator::ClaimGenerator(uint64_t seed) : rng_(seed) {
  for (const char* w : kCommon) {
    if (std::find(words_.begin(), words_.end(), w) == words_.end()) words_.push_back(w);
  }
  // 30,000 synthetic words of two to four syllables.
  std::mt19937_64 wrng(seed ^ 0x9e3779b97f4a7c15ULL);
  while (words_.size() < 30000) {
    std::string w;
    const int syllables = 2 + static_cast<int>(wrng() % 3);
    for (int i = 0; i < syllables; ++i) w += kSyllables[wrng() % (sizeof(kSyllables) / sizeof(*kSyllables))];
    words_.push_back(std::move(w));
  }
  word_cdf_ = ZipfCdf(words_.size(), 1.0);
  // 5,000 people and the organisations; a few speak very often.
  for (const char* org : kOrgs) speakers_.push_back(org);
  std::mt19937_64 srng(seed + 7);
  while (speakers_.size() < 5000) {
    speakers_.push_back(absl::StrCat(kGiven[srng() % (sizeof(kGiven) / sizeof(*kGiven))], " ",
                                     kSurnames[srng() % (sizeof(kSurnames) / sizeof(*kSurnames))], " ",
                                     speakers_.size()));
  }
  speaker_cdf_ = ZipfCdf(speakers_.size(), 0.9);
  for (int i = 0; i < 60; ++i) outlets_.push_back(absl::StrCat("Outlet ", i, " News"));
}

size_t ClaimGenerator::ZipfRank(size_t n, double) {
  const std::vector<double>& cdf = n == words_.size() ? word_cdf_ : speaker_cdf_;
  const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
  return std::min(n - 1, static_cast<size_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin()));
}

v1::DocumentClaims ClaimGenerator::NextDocument() {
  v1::DocumentClaims doc;
  const uint64_t id = next_doc_++;
  doc.set_doc_id(absl::StrCat("gen-", id));
  v1::Source* source = doc.mutable_source();
  source->set_outlet(outlets_[ZipfRank(speakers_.size(), 0) % outlets_.size()]);
  source->set_url(absl::StrCat("https://news.example/", id));
  source->set_title(absl::StrCat("Report ", id));
  const int day = static_cast<int>(rng_() % (3 * 365));
  const absl::CivilDay published = absl::CivilDay(2023, 1, 1) + day;
  source->mutable_published_date()->set_year(static_cast<int32_t>(published.year()));
  source->mutable_published_date()->set_month(published.month());
  source->mutable_published_date()->set_day(published.day());
  const int claims = 1 + static_cast<int>(rng_() % 15);
  uint32_t offset = 0;
  for (int c = 0; c < claims; ++c) {
    v1::Claim* claim = doc.add_claims();
    std::string text;
    const int words = 8 + static_cast<int>(rng_() % 28);
    for (int w = 0; w < words; ++w) {
      if (!text.empty()) text += ' ';
      text += words_[ZipfRank(words_.size(), 1.0)];
    }
    if (rng_() % 4 == 0) absl::StrAppend(&text, " in ", kPlaces[rng_() % (sizeof(kPlaces) / sizeof(*kPlaces))]);
    if (rng_() % 5 == 0) absl::StrAppend(&text, " with ", 1 + rng_() % 90000, " troops");
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    const uint32_t start = offset;
    offset += static_cast<uint32_t>(text.size()) + 40;
    const uint64_t kind_roll = rng_() % 10;
    const v1::ClaimKind kind =
        kind_roll < 5 ? v1::CLAIM_KIND_DIRECT : (kind_roll < 7 ? v1::CLAIM_KIND_PARTIAL : v1::CLAIM_KIND_INDIRECT);
    claim->set_claim_id(ClaimId(doc.doc_id(), kind, start, start + static_cast<uint32_t>(text.size())));
    claim->set_doc_id(doc.doc_id());
    claim->set_kind(kind);
    claim->mutable_span()->set_start(start);
    claim->mutable_span()->set_end(start + static_cast<uint32_t>(text.size()));
    const std::string& speaker = speakers_[ZipfRank(speakers_.size(), 0.9)];
    v1::Speaker* s = claim->mutable_speaker();
    s->set_canonical_name(speaker);
    s->set_speaker_id(SpeakerIdForName(speaker));
    s->set_mention(speaker.substr(0, speaker.find(' ')));
    s->set_type(std::isdigit(static_cast<unsigned char>(speaker.back())) ? v1::SPEAKER_TYPE_PERSON
                                                                           : v1::SPEAKER_TYPE_ORGANIZATION);
    claim->mutable_cue()->set_text(kVerbs[rng_() % (sizeof(kVerbs) / sizeof(*kVerbs))]);
    if (rng_() % 3 != 0) {
      const absl::CivilDay said = published - static_cast<int>(rng_() % 3);
      claim->mutable_statement_date()->set_year(static_cast<int32_t>(said.year()));
      claim->mutable_statement_date()->set_month(said.month());
      claim->mutable_statement_date()->set_day(said.day());
    }
    const size_t in = text.find(" in ");
    if (in != std::string::npos) {
      v1::Entity* e = claim->add_entities();
      e->set_text(text.substr(in + 4, text.find(' ', in + 4) - (in + 4)));
      e->set_type(v1::ENTITY_TYPE_LOCATION);
      e->set_canonical_name(e->text());
    }
    *claim->mutable_source() = *source;
    claim->set_text(std::move(text));
    claim->set_confidence(0.9f);
    claim->set_extractor_version("claims-extractor/0.1");
  }
  return doc;
}

}  // namespace claims::bench
