#include "extractor_service/speaker_registry.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/names.h"
#include "common/utf8.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

std::vector<std::string> FoldedWords(absl::string_view name) {
  std::vector<std::string> words;
  for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (IsHonorific(absl::StripSuffix(w, "."))) continue;
    words.push_back(FoldForMatching(w));
  }
  return words;
}

size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Words of a role that identify its holder's organisation or country ("NATO"
// in "NATO Secretary General").
std::vector<std::string> RoleKeys(absl::string_view role) {
  std::vector<std::string> keys;
  for (absl::string_view w : absl::StrSplit(role, ' ', absl::SkipEmpty())) {
    const absl::string_view stem = absl::StripSuffix(absl::StripSuffix(w, "'s"), "\u2019s");
    // ("the minister's spokeswoman": a title in the possessive is the
    // possessor's, not the holder's.)
    if (stem.size() < w.size() && IsTitleWord(absl::AsciiStrToLower(stem))) continue;
    w = stem;
    if (IsNonNameCapitalized(w)) continue;
    // "ex-governor" is a "former governor".
    if (w.size() > 3 && absl::StartsWithIgnoreCase(w, "ex-")) {
      keys.push_back("former");
      w.remove_prefix(3);
    }
    keys.push_back(FoldForMatching(w));
  }
  // "United Nations envoy" and "UN envoy" are one role: a body's name of
  // two words is its initials.
  static const auto* kInitials = new absl::flat_hash_map<std::string, std::string>{
      {"united nations", "un"}, {"european union", "eu"}, {"united states", "us"}, {"united kingdom", "uk"},
      {"african union", "au"},  {"world bank", "wb"}};
  for (size_t i = 0; i + 1 < keys.size(); ++i) {
    if (auto it = kInitials->find(absl::StrCat(keys[i], " ", keys[i + 1])); it != kInitials->end()) {
      keys[i] = it->second;
      keys.erase(keys.begin() + static_cast<long>(i) + 1);
    }
  }
  return keys;
}

// What a role in the possessive names after its possessor, folded ("Ana
// Soto's lawyer" -> "lawyer", "the unions' leader" -> "leader"); "" when
// the role has no possessive.
std::string PossessedPart(absl::string_view role) {
  // ("the unions' office": a plural's apostrophe alone.)
  size_t after = absl::string_view::npos;
  for (absl::string_view mark : {"'s ", "\u2019s ", "s' ", "s\u2019 "}) {
    if (const size_t at = role.rfind(mark); at != absl::string_view::npos &&
                                            (after == absl::string_view::npos || at + mark.size() > after)) {
      after = at + mark.size();
    }
  }
  return after == absl::string_view::npos ? "" : FoldForMatching(role.substr(after));
}

// Whether `words` holds `word`.
bool Holds(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Whether there are role words and `held` holds every one of them.
bool AllHeld(const std::vector<std::string>& words, const std::vector<std::string>& held) {
  return !words.empty() &&
         std::all_of(words.begin(), words.end(), [&held](const std::string& w) { return Holds(held, w); });
}

// NamesMatch() on folded words.
bool FoldedNamesMatch(const std::vector<std::string>& wa, const std::vector<std::string>& wb) {
  if (wa.empty() || wb.empty()) return false;
  if (wa == wb) return true;
  // Family name first ("Mao Ning", "Yoon Suk Yeol", later "Mao", "Yoon"): a
  // lone word that is the first of two or three, when that first word is
  // no known given name.
  for (const auto* pair : {&wa, &wb}) {
    const std::vector<std::string>& lone = pair == &wa ? wb : wa;
    if (lone.size() == 1 && (pair->size() == 2 || pair->size() == 3) && lone[0] == pair->front() &&
        GivenNameGender(lone[0]) == 0) {
      return true;
    }
  }
  // A surname inside a longer name used alone ("Lula" for "Luiz Inácio
  // Lula da Silva", "López" for "Andrés Manuel López Obrador"): a lone
  // word, no known given name, that is a later word of a name of three or
  // more.
  for (const auto* full : {&wa, &wb}) {
    const std::vector<std::string>& lone = full == &wa ? wb : wa;
    if (lone.size() == 1 && full->size() >= 3 && GivenNameGender(lone[0]) == 0 && !IsNameParticle(lone[0]) &&
        std::find(full->begin() + 1, full->end() - 1, lone[0]) != full->end() - 1) {
      return true;
    }
  }
  // Surnames spelled two ways ("Zelenskyy", "Zelensky") are one (their
  // skeletons are built only for words that may meet: lengths within three
  // and the same first letter, or a digraph that spells it another way), so
  // is an articled surname written without its article ("Sisi" for "Abdel
  // Fattah al-Sisi").
  if (wa.back() != wb.back() && SurnameWithoutArticle(wa.back()) != SurnameWithoutArticle(wb.back())) {
    const std::string& a = wa.back();
    const std::string& b = wb.back();
    auto digraph = [](const std::string& w) {
      return w.size() > 1 && w[1] == 'h' && (w[0] == 'p' || w[0] == 'k' || w[0] == 't');
    };
    const bool may_meet = a.size() + 3 >= b.size() && b.size() + 3 >= a.size() && !a.empty() && !b.empty() &&
                          (a[0] == b[0] || digraph(a) || digraph(b));
    if (!may_meet || NameSkeleton(a) != NameSkeleton(b)) return false;
  }
  if (wa.size() == 1 || wb.size() == 1) return true;
  // A surname of several words used alone ("van der Berg" for "Maria van
  // der Berg"): the shorter is the longer's tail, and opens with a particle.
  const std::vector<std::string>& shorter = wa.size() < wb.size() ? wa : wb;
  const std::vector<std::string>& longer = wa.size() < wb.size() ? wb : wa;
  // So is a surname of two words with no given name among them ("López
  // Obrador" for "Andrés Manuel López Obrador").
  if (shorter.size() < longer.size() &&
      (IsNameParticle(shorter.front()) || (shorter.size() >= 2 && GivenNameGender(shorter.front()) == 0)) &&
      std::equal(shorter.begin(), shorter.end(), longer.end() - shorter.size())) {
    return true;
  }
  const std::string& fa = wa.front();
  const std::string& fb = wb.front();
  if (fa == fb) return true;
  return fa[0] == fb[0] && EditDistance(fa, fb) <= 2 && std::min(fa.size(), fb.size()) >= 4;
}

}  // namespace


bool SpeakerRegistry::NamesMatch(absl::string_view a, absl::string_view b) {
  return FoldedNamesMatch(FoldedWords(a), FoldedWords(b));
}

int SpeakerRegistry::Add(Entry entry) {
  entry.variants.push_back(entry.canonical);
  entry.folded = FoldedWords(entry.canonical);
  entries_.push_back(std::move(entry));
  return static_cast<int>(entries_.size()) - 1;
}

namespace {

// A spokesperson with nothing of their own around the title ("a
// spokeswoman", "the spokesman").
bool IsBareSpokesperson(absl::string_view title) {
  bool spokes = false;
  for (absl::string_view w : absl::StrSplit(title, ' ', absl::SkipEmpty())) {
    const std::string lower = absl::AsciiStrToLower(w);
    if (absl::StartsWith(lower, "spokes")) {
      spokes = true;
    } else if (!IsArticle(lower)) {
      return false;
    }
  }
  return spokes;
}

// An entry that may be a business a generic description means: an
// organisation with a name of its own, or a name with no known given name
// and no gender ("Halden Foods").
// A person's entry whose name may be a company's ("Morgan Stanley",
// "Clipwave"): no gender, no sign of a person, no known given name.
bool MayNameABusiness(const SpeakerRegistry::Entry& e) {
  return e.gender == 0 && !e.person && !e.folded.empty() && GivenNameGender(e.folded.front()) == 0;
}

// Whether `acronym` ("CPS", "NHS") is made of the initials of the
// capitalised words of `name` ("Crown Prosecution Service"; common/names):
// two to six capitals, and a name of as many words.
bool AbbreviatesName(absl::string_view acronym, absl::string_view name) {
  if (!WrittenAsInitials(acronym, 2)) return false;
  const std::string initials = OrganisationInitials(name);
  return initials.size() > 1 && initials == acronym;
}

bool IsNamedBusiness(const SpeakerRegistry::Entry& e) {
  if (e.canonical.empty() || !StartsWithUppercase(e.canonical)) return false;
  // ("Lexica's lawyers" speak for a business; they are none. Nor is a
  // group by a lower-case noun: "U.S. authorities", "Western officials";
  // "Skyway Airlines" is a name.)
  const absl::string_view last = LastWord(e.canonical);
  if (HoldsPossessive(e.canonical) || (!StartsWithUppercase(last) && IsPluralTitleWord(last))) return false;
  // Nor a count ("More than 200,000 homes were without power"): a word of
  // digits alone ("3M" and "7-Eleven" are names).
  for (absl::string_view w : absl::StrSplit(e.canonical, ' ', absl::SkipEmpty())) {
    if (std::all_of(w.begin(), w.end(), [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)) ||
                                                             c == ',' || c == '.'; })) {
      return false;
    }
  }
  if (e.type == v1::SPEAKER_TYPE_ORGANIZATION) return true;
  return e.role.empty() && MayNameABusiness(e);
}

// "US and NATO" -> "United States and NATO": every conjunct that names a
// government takes its one name. Empty when no conjunct does.
std::string GovernmentNames(absl::string_view name) {
  std::vector<std::string> parts;
  bool changed = false;
  for (absl::string_view part : absl::StrSplit(name, absl::ByAnyChar(",&"), absl::SkipWhitespace())) {
    for (absl::string_view sub : absl::StrSplit(part, " and ", absl::SkipWhitespace())) {
      sub = absl::StripAsciiWhitespace(sub);
      absl::ConsumePrefix(&sub, "and ");
      const absl::string_view gov = GovernmentName(sub);
      changed |= !gov.empty();
      parts.emplace_back(gov.empty() ? sub : gov);
    }
  }
  if (!changed) return "";
  if (parts.size() == 1) return parts[0];
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string SpokespersonOrganization(absl::string_view title) {
  std::vector<absl::string_view> words = absl::StrSplit(title, ' ', absl::SkipEmpty());
  size_t s = 0;
  while (s < words.size() && !absl::StartsWith(absl::AsciiStrToLower(words[s]), "spokes")) ++s;
  if (s == words.size()) return "";
  std::vector<absl::string_view> org;
  if (s + 2 < words.size() && (words[s + 1] == "for" || words[s + 1] == "of" || words[s + 1] == "at")) {
    org.assign(words.begin() + s + 2, words.end());
  } else if (s + 1 == words.size()) {
    org.assign(words.begin(), words.begin() + s);
  }
  while (!org.empty() && IsArticle(org.front())) org.erase(org.begin());
  if (org.empty()) return "";
  org.back() = absl::StripSuffix(absl::StripSuffix(org.back(), "'s"), "'");
  bool named = false;
  for (absl::string_view w : org) {
    named |= StartsWithUppercase(w) || IsOrganizationWord(w);
  }
  return named ? absl::StrJoin(org, " ") : "";
}

// "the company", "the Oslo-based firm", "the carrier": a business named
// by what it is, with no name of its own (a hyphenated word such as
// "Oslo-based" may be capitalised).
bool IsGenericBusiness(const SpeakerMention& m) {
  static const auto* kHeads = new absl::flat_hash_set<absl::string_view>{
      "company", "firm", "group", "carrier", "airline", "retailer", "manufacturer", "insurer", "lender",
      "operator", "developer", "producer", "supplier", "broadcaster", "publisher", "utility", "chain",
      "startup", "start-up", "business", "conglomerate", "bank", "maker", "automaker", "carmaker",
      "chipmaker", "miner", "brewer", "distributor", "club"};
  if (m.kind != MentionKind::kOrganization || m.indefinite) return false;
  const std::vector<absl::string_view> words = absl::StrSplit(m.name, ' ', absl::SkipEmpty());
  if (words.empty() || words.size() > 4 || !kHeads->contains(absl::AsciiStrToLower(words.back()))) return false;
  for (absl::string_view w : words) {
    if (StartsWithUppercase(w) && !absl::StrContains(w, '-') && !absl::EqualsIgnoreCase(w, "the")) return false;
  }
  // "the group" is a business; "the advisory group", "the campaign group"
  // are bodies of their own.
  const size_t modifiers = words.size() - 1 - (absl::EqualsIgnoreCase(words.front(), "the") ? 1 : 0);
  if (absl::EqualsIgnoreCase(words.back(), "group") && modifiers > 0) return false;
  return true;
}

bool NamesBareSpokesperson(const SpeakerMention& m) {
  return (m.kind == MentionKind::kTitle || m.kind == MentionKind::kOrganization) && IsBareSpokesperson(m.name);
}

bool NamesOrganisationByKind(const SpeakerMention& m) {
  if (m.kind != MentionKind::kOrganization || m.indefinite) return false;
  const std::vector<absl::string_view> words = absl::StrSplit(m.name, ' ', absl::SkipEmpty());
  if (words.empty() || words.size() > 3 || !IsOrganizationWord(absl::AsciiStrToLower(words.back()))) return false;
  // ("the air force", "the defence ministry"; not "the Foreign Ministry",
  // a name.)
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (StartsWithUppercase(words[i])) return false;
  }
  return true;
}

bool NamesBusinessGenerically(const SpeakerMention& m) {
  if (IsGenericBusiness(m)) return true;
  if (m.kind != MentionKind::kTitle) return false;
  SpeakerMention org;
  org.kind = MentionKind::kOrganization;
  org.name = SpokespersonOrganization(m.name);
  return !org.name.empty() && IsGenericBusiness(org);
}


int SpeakerRegistry::FindPerson(absl::string_view name) const {
  const std::vector<std::string> words = FoldedWords(name);
  for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i) {
    if (entries_[i].type == v1::SPEAKER_TYPE_PERSON && FoldedNamesMatch(entries_[i].folded, words)) return i;
  }
  return -1;
}

void SpeakerRegistry::SetCanonical(Entry& entry, std::string name) {
  entry.folded = FoldedWords(name);
  entry.canonical = std::move(name);
}

void SpeakerRegistry::Touch(int person) {
  recent_people_.erase(std::remove(recent_people_.begin(), recent_people_.end(), person), recent_people_.end());
  recent_people_.push_back(person);
}

int SpeakerRegistry::ResolvePronoun(char pronoun) {
  if (pronoun == 'p') {
    // "they", "it": the last organisation or group spoken of, never one
    // known person; a name with no known given name and no gender may be a
    // company's ("Morgan Stanley said ... It added").
    if (last_any_ < 0) return -1;
    const Entry& e = entries_[last_any_];
    if (e.type != v1::SPEAKER_TYPE_PERSON || last_through_document_) return last_any_;
    return MayNameABusiness(e) ? last_any_ : -1;
  }
  // An epithet ("the 54-year-old"): the person last spoken of.
  if (pronoun == 'u' && !recent_people_.empty()) {
    entries_[recent_people_.back()].person = true;
    return recent_people_.back();
  }
  // The given name of the person named in passing, if any.
  const char given = [this] {
    if (!passing_) return '\0';
    const std::vector<absl::string_view> words = absl::StrSplit(passing_->name, ' ', absl::SkipEmpty());
    return words.empty() ? '\0' : GivenNameGender(words.front());
  }();
  for (auto it = recent_people_.rbegin(); pronoun != 'u' && it != recent_people_.rend(); ++it) {
    Entry& e = entries_[*it];
    if (e.gender == pronoun) return *it;
    if (e.gender == 0) {
      // ("Some, like Rhea Suri, think ... “…,” she told me": a name in
      // passing whose given name says "she" beats someone spoken of whose
      // gender is unknown.)
      if (given == pronoun) break;
      e.gender = pronoun;
      return *it;
    }
  }
  // No one spoken of fits: the person named in passing, if they may.
  if (!passing_) return -1;
  if (pronoun != 'u' && given != 0 && given != pronoun) return -1;
  const SpeakerMention named = *std::move(passing_);
  passing_.reset();
  const int person = Resolve(named);
  if (person >= 0 && pronoun != 'u') entries_[person].gender = pronoun;
  return person;
}

int SpeakerRegistry::UnnamedHolder(absl::string_view role, char gender) const {
  const std::vector<std::string> keys = RoleKeys(role);
  if (keys.empty()) return -1;
  for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i) {
    const Entry& e = entries_[i];
    if (!e.unnamed || (e.gender != 0 && gender != 0 && e.gender != gender)) continue;
    // ("its chief executive said ... chief executive Ada Lind": a role in
    // the possessive is named by what it names after its possessor.)
    const std::string possessed = PossessedPart(e.role);
    if (AllHeld(RoleKeys(possessed.empty() ? e.role : possessed), keys)) return i;
    // ("A federal judge ... U.S. District Judge Maria Chen": the lede's
    // title by its head word.)
    if (const std::vector<std::string> held = RoleKeys(e.role);
        e.introduced && !held.empty() && Holds(keys, held.back())) {
      return i;
    }
  }
  return -1;
}

bool SpeakerRegistry::KnowsBusiness() const {
  return last_business_ >= 0 && IsNamedBusiness(entries_[last_business_]);
}

int SpeakerRegistry::Introduce(const SpeakerMention& m) {
  if (m.kind != MentionKind::kTitle) return Resolve(m);
  const int found = Resolve(m);
  if (found >= 0 && entries_[found].canonical == m.name && !entries_[found].unnamed) {
    entries_[found].unnamed = true;
    entries_[found].introduced = true;
  }
  return found;
}

int SpeakerRegistry::Resolve(const SpeakerMention& m) {
  int found = -1;
  // (A pronoun keeps what the mention before it was heard through.)
  if (m.kind != MentionKind::kPronoun) last_through_document_ = false;
  // "The report, published by the Care Inspectorate, said ... “…,” the
  // report said": the author heard through that document.
  if (m.kind == MentionKind::kOrganization && !m.indefinite && IsDocumentWord(absl::AsciiStrToLower(m.name))) {
    if (auto it = document_authors_.find(absl::AsciiStrToLower(m.name)); it != document_authors_.end()) {
      last_any_ = it->second;
      last_through_document_ = true;
      return it->second;
    }
  }
  // "Halden Foods cut its forecast ... the company said": the business
  // last spoken of.
  // (Checked again: a name may have since shown to be a person's.)
  if (IsGenericBusiness(m) && KnowsBusiness()) {
    found = last_business_;
    Entry& e = entries_[found];
    // (A name that might have been a person's is a business's once the
    // text calls it "the company".)
    if (e.type == v1::SPEAKER_TYPE_PERSON && !e.person) e.type = v1::SPEAKER_TYPE_ORGANIZATION;
    if (std::find(e.variants.begin(), e.variants.end(), m.name) == e.variants.end()) e.variants.push_back(m.name);
    last_any_ = found;
    return found;
  }
  if (m.kind == MentionKind::kTitle || m.kind == MentionKind::kOrganization) {
    // An unnamed spokesperson speaks for the organisation ("a spokeswoman
    // for the Interior Ministry", "a Velotek spokesman"); a pronoun after
    // it still means them, so the entry joins the people pronouns look at.
    // A bare "a spokeswoman said" right after an organisation spoke is its
    // spokeswoman ("The union said ... "...," a spokeswoman said").
    if (IsBareSpokesperson(m.name) && last_any_ >= 0 &&
        entries_[last_any_].type == v1::SPEAKER_TYPE_ORGANIZATION) {
      found = last_any_;
      if (entries_[found].gender == 0) entries_[found].gender = m.gender;
      Touch(found);
      return found;
    }
    if (const std::string org = SpokespersonOrganization(m.name); !org.empty()) {
      // ("Costa's spokesman said" where the text names Ana Costa: a
      // person's spokesman speaks for that person.)
      if (org.find(' ') == std::string::npos && !IsOrganizationWord(org) &&
          (FindPerson(org) >= 0 || (full_name_lookup_ && !full_name_lookup_(org).empty()))) {
        SpeakerMention as_person = m;
        as_person.kind = MentionKind::kName;
        as_person.name = org;
        as_person.role.clear();
        as_person.indefinite = false;
        return Resolve(as_person);
      }
      SpeakerMention as_org = m;
      as_org.kind = MentionKind::kOrganization;
      as_org.name = org;
      as_org.role.clear();
      // "a company spokesperson" speaks for the company of the story; "a
      // spokesman for a local firm" for some firm.
      const std::string lower = absl::AsciiStrToLower(m.name);
      as_org.indefinite = absl::StrContains(lower, " a ") || absl::StrContains(lower, " an ");
      found = Resolve(as_org);
      if (found >= 0) {
        if (entries_[found].gender == 0) entries_[found].gender = m.gender;
        Touch(found);
      }
      return found;
    }
  }
  if (m.kind == MentionKind::kName || m.kind == MentionKind::kOrganization) {
    const std::string government = GovernmentNames(m.name);
    if (!government.empty()) {
      for (int i = 0; i < static_cast<int>(entries_.size()) && found < 0; ++i) {
        if (entries_[i].canonical == government) found = i;
      }
      if (found < 0) found = Add({government, {}, "", v1::SPEAKER_TYPE_ORGANIZATION});
      if (std::find(entries_[found].variants.begin(), entries_[found].variants.end(), m.name) ==
          entries_[found].variants.end()) {
        entries_[found].variants.push_back(m.name);
      }
      last_any_ = found;
      return found;
    }
  }
  switch (m.kind) {
    case MentionKind::kPronoun: {
      const int person = ResolvePronoun(m.pronoun);
      if (person >= 0 && m.pronoun != 'p') Touch(person);
      return person;
    }
    case MentionKind::kName: {
      const std::vector<std::string> folded = FoldedWords(m.name);
      for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i) {
        if (entries_[i].type != v1::SPEAKER_TYPE_PERSON) continue;
        if (FoldedNamesMatch(entries_[i].folded, folded)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        std::string canonical = m.name;
        const std::vector<absl::string_view> named = absl::StrSplit(m.name, ' ', absl::SkipEmpty());
        const bool surname = folded.size() == 1 || (named.size() == 2 && GivenNameGender(named[0]) == 0 &&
                                                     !IsNameParticle(named[0]));
        if (surname && full_name_lookup_) {
          // A surname alone ("Dissanayake", "Lopez Obrador"): the full name
          // the narration gave, if any.
          if (std::string full = full_name_lookup_(m.name); !full.empty()) canonical = std::move(full);
        }
        const std::vector<absl::string_view> words = absl::StrSplit(canonical, ' ', absl::SkipEmpty());
        const char given = words.size() > 1 ? GivenNameGender(words.front()) : '\0';
        const char gender = given != 0 ? given : m.gender;
        found = UnnamedHolder(m.role, gender);
        if (found >= 0) {
          // "its chairman said ... chairman C.C. Lin told": the title named.
          Entry& e = entries_[found];
          SetCanonical(e, canonical);
          e.variants.push_back(canonical);
          e.role = m.role;
          e.unnamed = false;
          if (e.gender == 0) e.gender = gender;
        } else {
          found = Add({canonical, {}, m.role, v1::SPEAKER_TYPE_PERSON, gender});
        }
        if (canonical != m.name) {
          entries_[found].variants.push_back(m.name);
          entries_[found].person = true;  // a surname alone
        }
      } else {
        Entry& e = entries_[found];
        // ("Shaw" after "Mikey Shaw": a surname alone names a person.)
        if (folded.size() == 1 && e.folded.size() > 1 && e.folded.back() == folded.front()) e.person = true;
        if (folded.size() > e.folded.size()) {
          SetCanonical(e, m.name);
          const std::vector<absl::string_view> words = absl::StrSplit(m.name, ' ', absl::SkipEmpty());
          if (e.gender == 0 && words.size() > 1) e.gender = GivenNameGender(words.front());
        }
        if (std::find(e.variants.begin(), e.variants.end(), m.name) == e.variants.end()) {
          e.variants.push_back(m.name);
        }
        if (e.role.empty()) e.role = m.role;
        if (e.gender == 0) e.gender = m.gender;
      }
      Touch(found);
      break;
    }
    case MentionKind::kTitle: {
      // A title alone ("the NATO chief") refers to a person seen with a role
      // that shares its identifying words.
      const std::vector<std::string> keys = RoleKeys(m.role);
      const std::string possessed = PossessedPart(m.role);
      for (int i = static_cast<int>(entries_.size()) - 1; i >= 0 && found < 0 && !m.indefinite; --i) {
        if (entries_[i].type != v1::SPEAKER_TYPE_PERSON || entries_[i].role.empty()) continue;
        // ("Ana Soto's lawyer" is not "Ana Soto's mother": what two people
        // are of the same possessor must agree.)
        if (const std::string other = PossessedPart(entries_[i].role);
            !possessed.empty() && !other.empty() && possessed != other) {
          continue;
        }
        const std::vector<std::string> held = RoleKeys(entries_[i].role);
        // Either every word of the title is in the role ("foreign minister" /
        // "Foreign Minister Jane Doe"), or they share an identifying word
        // that is not a title word ("NATO chief" / "NATO Secretary General").
        bool shares_identifier = false;
        // (Qualifiers of a tenure identify nobody: "former", "acting".)
        static const auto* kTenure = new absl::flat_hash_set<absl::string_view>{
            "former", "acting", "interim", "outgoing", "incoming", "new", "late"};
        for (const std::string& k : keys) {
          shares_identifier |= Holds(held, k) && !IsTitleWord(k) && !kTenure->contains(k);
        }
        if (AllHeld(keys, held) || shares_identifier) found = i;
      }
      // "the teenager", "the striker" that no one holds as a role: the
      // person last spoken of, if their gender fits.
      if (found < 0 && !m.indefinite && keys.size() == 1 && IsEpithetNoun(keys[0]) && !recent_people_.empty()) {
        const Entry& last = entries_[recent_people_.back()];
        if (m.gender == 0 || last.gender == 0 || last.gender == m.gender) found = recent_people_.back();
      }
      if (found < 0) {
        found = Add({m.name, {}, m.role, v1::SPEAKER_TYPE_PERSON, m.gender});
        entries_[found].unnamed = !m.indefinite;
      }
      if (entries_[found].gender == 0) entries_[found].gender = m.gender;
      Touch(found);
      break;
    }
    case MentionKind::kOrganization: {
      // "a police statement", "a Kremlin readout": the document speaks for
      // the body that names it.
      if (const size_t space = m.name.rfind(' ');
          space != std::string::npos && IsDocumentWord(absl::AsciiStrToLower(m.name.substr(space + 1)))) {
        const std::string author = m.name.substr(0, space);
        if (author.find(' ') == std::string::npos && (IsOrganizationWord(author) || StartsWithUppercase(author))) {
          SpeakerMention body = m;
          body.name = author;
          return Resolve(body);
        }
      }
      const std::string folded = FoldForMatching(m.name);
      for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
        if (FoldForMatching(entries_[i].canonical) == folded) found = i;
      }
      // "NorthGrid said ..." and later "Energy company NorthGrid said ...",
      // "Nordic Silicon reported ..." and later "The company said": a name
      // first taken for a person's, with no given name the lexicon knows,
      // is the body the text describes it as.
      if (found >= 0 && entries_[found].type == v1::SPEAKER_TYPE_PERSON &&
          GivenNameGender(entries_[found].canonical.substr(0, entries_[found].canonical.find(' '))) == 0) {
        entries_[found].type = v1::SPEAKER_TYPE_ORGANIZATION;
      }
      // "the CPS" after "the Crown Prosecution Service", or the other way
      // round: a body's initials are the body.
      for (int i = 0; i < static_cast<int>(entries_.size()) && found < 0; ++i) {
        const Entry& e = entries_[i];
        if (e.type == v1::SPEAKER_TYPE_ORGANIZATION && (AbbreviatesName(m.name, e.canonical) ||
                                                        AbbreviatesName(e.canonical, m.name))) {
          found = i;
          if (m.name.size() > e.canonical.size()) {
            // The full name is the canonical one; the initials a variant.
            entries_[i].variants.push_back(e.canonical);
            SetCanonical(entries_[i], m.name);
          } else if (std::find(e.variants.begin(), e.variants.end(), m.name) == e.variants.end()) {
            entries_[i].variants.push_back(m.name);
          }
        }
      }
      // "the agency" after "the regional health agency": the latest
      // organisation whose name ends in the kind's word, or whose role does
      // ("the union" after "The doctors' union, the Medical Staff
      // Association, ...").
      if (found < 0 && NamesOrganisationByKind(m)) {
        const std::vector<std::string> kind = FoldedWords(m.name);
        const auto ends_with_kind = [&kind](const std::vector<std::string>& words) {
          return words.size() > kind.size() && std::equal(kind.rbegin(), kind.rend(), words.rbegin());
        };
        for (int i = static_cast<int>(entries_.size()) - 1; i >= 0 && found < 0; --i) {
          const Entry& e = entries_[i];
          if (e.type != v1::SPEAKER_TYPE_ORGANIZATION) continue;
          if (ends_with_kind(e.folded) || (!e.role.empty() && ends_with_kind(FoldedWords(e.role)))) found = i;
        }
      }
      if (found < 0) found = Add({m.name, {}, "", v1::SPEAKER_TYPE_ORGANIZATION});
      // (An organisation keeps the kind it was introduced by: "The doctors'
      // union, the Medical Staff Association".)
      if (entries_[found].role.empty() && !m.role.empty()) entries_[found].role = m.role;
      break;
    }
  }
  last_any_ = found;
  if (found >= 0 && IsNamedBusiness(entries_[found]) && !IsGenericBusiness(m)) last_business_ = found;
  if (found >= 0 && !m.through.empty()) document_authors_[m.through] = found;
  if (m.kind != MentionKind::kPronoun) last_through_document_ = found >= 0 && !m.through.empty();
  return found;
}

}  // namespace claims::extractor
