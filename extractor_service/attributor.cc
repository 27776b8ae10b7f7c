#include "extractor_service/attributor.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_join.h"
#include "extractor_service/article_structure.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

// Bytes before the opening mark and after the closing mark searched for an
// attribution.
constexpr uint32_t kAttributionWindow = 400;

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

bool IsAuxiliary(absl::string_view w) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "has", "have", "had", "also", "later", "again", "then", "repeatedly", "further",
      "previously", "earlier", "reportedly", "once", "is", "was", "were", "are", "had",
      "would", "will", "has", "recently", "publicly", "separately", "subsequently",
      "firmly", "specifically", "categorically", "flatly", "already", "clearly", "openly",
      "both", "all", "there", "here", "too", "did", "does",  // "Berg and Lima both said", "Ek did say"
      // "has long argued", "has consistently denied", "angrily rejected".
      "long", "consistently", "privately", "frequently", "often", "always", "initially", "originally",
      "personally", "explicitly", "emphatically", "vehemently", "angrily", "strongly", "formally",
      "officially", "quickly", "immediately", "swiftly"};
  return s->contains(w);
}

// Words that may join title words inside a mention ("Secretary of State").
bool IsMentionJoiner(absl::string_view w) {
  return w == "of" || w == "for" || w == "on" || w == "to" || w == "at" || w == "and";
}

bool IsAllCapsAcronym(absl::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  for (char c : w) {
    if (!(absl::ascii_isupper(static_cast<unsigned char>(c)) || c == '.')) return false;
  }
  return true;
}

// "54-year-old": with "the", an epithet for the person just spoken of.
bool IsAgeEpithet(absl::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && absl::ascii_isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  return digits > 0 && digits <= 3 && absl::EqualsIgnoreCase(w.substr(digits), "-year-old");
}

// Initials: "J.M.", "A.B.C." (a word), or "J" of "J. Doe" (the period is a
// token of its own).
bool IsInitials(absl::string_view w) {
  if (w.size() == 1) return absl::ascii_isupper(static_cast<unsigned char>(w[0]));
  if (w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[i])) || w[i + 1] != '.') return false;
  }
  return true;
}

bool OpensSurname(absl::string_view particle);

// A token inside a name that is not a capitalised word: the period after an
// initial ("J. Doe"), lower-case particles between capitalised words
// ("Maria van der Berg", "Paulo de Souza"), or a surname joined to its
// Arabic article ("Majed al-Ansari", "al-Ansari said").
bool IsNameInfixAt(const TokenStream& ts, size_t i) {
  if (ts.IsPunct(i, '.')) return ts.IsNamePeriod(i);  // "J. Doe", "Dr. Doe"
  if (ts[i].is_word() && IsArticledSurname(ts.Text(i))) return true;
  if (ts.IsPunct(i, '&')) {  // "Johnson & Johnson", "Procter & Gamble"
    return i > 0 && i + 1 < ts.size() && ts.IsCapitalized(i - 1) && ts.IsCapitalized(i + 1);
  }
  if (!ts[i].is_word() || !IsNameParticle(ts.Text(i))) return false;
  size_t first = i, last = i;
  while (first > 0 && ts[first - 1].is_word() && IsNameParticle(ts.Text(first - 1))) --first;
  while (last + 1 < ts.size() && ts[last + 1].is_word() && IsNameParticle(ts.Text(last + 1))) ++last;
  if (last - first >= 2 || last + 1 >= ts.size() || !ts.IsCapitalized(last + 1)) return false;
  // Inside a name, or opening a surname used alone ("said de Souza").
  return (first > 0 && ts.IsCapitalized(first - 1)) || OpensSurname(ts.Text(first));
}

// A particle that may open a surname written without the given name ("de
// Souza", "van der Berg"); not "ten", "ter" or "zu", which English uses
// otherwise before capitals ("ten Canadians").
bool OpensSurname(absl::string_view particle) {
  return particle == "de" || particle == "van" || particle == "von" || particle == "da" || particle == "di" ||
         particle == "du" || particle == "del" || particle == "della" || particle == "dos" || particle == "das";
}

// Token k belongs to a person's or place's name: a capitalised word that is
// no title, organisation word, honorific or acronym (initials are names), or
// a name's infix.
bool IsNameWordAt(const TokenStream& ts, size_t k) {
  if (IsNameInfixAt(ts, k)) return true;
  const absl::string_view w = ts.Stem(k);
  if (!ts.IsCapitalized(k) || IsHonorific(w) || IsNonNameCapitalized(w)) return false;
  // A title word as a surname after a given name ("John Major", "Stephen
  // King", "Martin Luther King").
  if (IsTitleWord(w)) {
    auto given = [&ts](size_t i) { return ts[i].is_word() && GivenNameGender(ts.Text(i)) != 0; };
    auto plain = [&ts](size_t i) {
      return ts.IsCapitalized(i) && !IsTitleWord(ts.Stem(i)) && !IsHonorific(ts.Text(i));
    };
    return (k >= 1 && given(k - 1)) || (k >= 2 && given(k - 2) && plain(k - 1));
  }
  return !IsOrganizationWord(w) && (!IsAllCapsAcronym(w) || IsInitials(w)) && !IsPluralTitleWord(w);
}

bool IsVerbAt(const TokenStream& ts, size_t i);
bool ObjectOfPreposition(const TokenStream& ts, long i);

// True when token i may be part of a speaker mention.
bool IsMentionToken(const TokenStream& ts, size_t i) {
  if (IsNameInfixAt(ts, i)) return true;
  if (!ts[i].is_word()) return false;
  const absl::string_view w = ts.Text(i);
  if (ts.IsCapitalized(i)) return true;
  if (IsTitleWord(w) || IsOrganizationWord(w) || IsPluralTitleWord(w) || IsAgeEpithet(w)) return true;
  // "the 55-year-old leftist": a noun after an age.
  return i > 0 && ts[i - 1].is_word() && IsAgeEpithet(ts.Text(i - 1)) && !IsVerbAt(ts, i) && PronounKind(w) == 0 &&
         !IsNonNameCapitalized(w);
}

// A form of "be": before a participle it makes a passive ("were called to
// the site"), which names no speaker.
bool IsBeForm(absl::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being";
}

bool IsVerbAt(const TokenStream& ts, size_t i) {
  if (i >= ts.size() || !ts[i].is_word() || ts.IsCapitalized(i) || ReportingVerbLemma(ts.Text(i)).empty()) {
    return false;
  }
  // ("Rio Grande do Sul state governor", "state media said": a noun before
  // a role or a body.)
  if (ts.Text(i) == "state" && i + 1 < ts.size() && ts[i + 1].is_word() &&
      (IsTitleWord(ts.Stem(i + 1)) || IsOrganizationWord(ts.Stem(i + 1)))) {
    return false;
  }
  if (i == 0 || !ts[i - 1].is_word()) return true;
  const absl::string_view before = ts.Text(i - 1);
  // ("a new report", "the annual report", "its latest reply": a base form
  // after an article and one lower-case modifier is a noun; not after a
  // plural, an adverb or an auxiliary: "the firms report", "the union
  // later reported", "the unions will claim".)
  if (i >= 2 && ts[i - 2].is_word() && IsArticleOrPossessive(ts.Text(i - 2)) && !ts.IsCapitalized(i - 1) &&
      !absl::EndsWith(before, "s") && !absl::EndsWith(before, "ly") && !IsAuxiliary(Lower(before)) &&
      Lower(ts.Text(i)) == ReportingVerbLemma(Lower(ts.Text(i)))) {
    return false;
  }
  // ("close to her said": "her" is an object, not a possessive.)
  if (ObjectOfPreposition(ts, static_cast<long>(i) - 1)) return true;
  // ("is quoted as saying" names its speaker.)
  // (After an article or a possessive, a noun: "a state official", "its
  // report".)
  return !IsArticleOrPossessive(before) &&
         !(IsBeForm(before) && !IsGerundForm(ts.Text(i)) && ReportingVerbLemma(ts.Text(i)) != "quote");
}

// A lower-case word that may modify a role or organisation noun after a
// determiner ("the harbour ministry", "a regional transport official"): not
// a function word, a verb of speech or an adverb.
bool IsHeadModifier(const TokenStream& ts, size_t i) {
  if (!ts[i].is_word() || ts.IsCapitalized(i)) return false;
  const absl::string_view w = ts.Text(i);
  return !IsNonNameCapitalized(w) && !IsVerbAt(ts, i) && !absl::EndsWith(w, "ly") &&
         PronounKind(w) == 0;
}

// A lower-case word that reads as a regular past tense or participle
// ("analysed", "warned"; "red" and "bed" are too short to tell).
bool LooksPastTense(absl::string_view w) { return w.size() > 4 && absl::EndsWith(w, "ed"); }

// The first token of the role an appositive between token `comma` and
// token `end` gives: past an article ("Ek, the mayor,") and past a
// preposition before a name, or before the words describing one ("Ek, of
// the University of Oslo,", "Lee, of aviation consultancy AeroData,").
size_t AppositiveRoleStart(const TokenStream& ts, size_t comma, size_t end) {
  size_t from = comma + 1;
  const absl::string_view prep = ts.Text(from);
  if ((prep == "of" || prep == "at" || prep == "from") && from + 1 < end) {
    const size_t object = IsArticle(ts.Text(from + 1)) && from + 2 < end ? from + 2 : from + 1;
    size_t name = object;
    while (name < end && name - from <= 6 && ts[name].is_word() && !ts.IsCapitalized(name)) ++name;
    if (name < end && ts.IsCapitalized(name)) from = object;
  }
  if (IsArticle(ts.Text(from)) && from + 1 < end) ++from;
  return from;
}

bool IsRoleOrOrganizationHead(absl::string_view w) {
  return IsTitleWord(w) || IsOrganizationWord(w) || IsPluralTitleWord(w);
}

bool IsDeterminer(absl::string_view w) {
  return absl::EqualsIgnoreCase(w, "the") || absl::EqualsIgnoreCase(w, "a") || absl::EqualsIgnoreCase(w, "an") ||
         absl::EqualsIgnoreCase(w, "one") || absl::EqualsIgnoreCase(w, "another");  // "One reviewer said"
}

// A possessive word before a role ("its chairman", "her deputy", "our
// spokesman"), lower-cased.
bool IsPossessorBeforeRole(absl::string_view lower) {
  return lower == "its" || lower == "his" || lower == "her" || lower == "their" || lower == "our";
}

// Token i is a pronoun as the object of "to", "with" or "for" ("a source
// close to her", "familiar with them"): neither a subject nor a possessive.
bool ObjectOfPreposition(const TokenStream& ts, long i) {
  if (i < 1 || !ts[i].is_word() || !ts[i - 1].is_word()) return false;
  const std::string w = Lower(ts.Text(i)), prep = Lower(ts.Text(i - 1));
  return (w == "her" || w == "him" || w == "them" || w == "us" || w == "me") &&
         (prep == "to" || prep == "with" || prep == "for");
}

// "Democrats", "Tories", "Socialists": a party's members, capitalised, in
// the plural of the epithet for one of them.
bool PartyMembers(absl::string_view word) {
  if (word.size() < 4 || word.back() != 's' || !absl::ascii_isupper(static_cast<unsigned char>(word[0]))) {
    return false;
  }
  const absl::string_view one = word.substr(0, word.size() - 1);
  if (absl::EndsWith(word, "ies")) {
    if (IsPersonEpithet(absl::StrCat(word.substr(0, word.size() - 3), "y"))) return true;
  }
  static const auto* kParties = new absl::flat_hash_set<absl::string_view>{
      "Democrat", "Republican", "Conservative", "Socialist", "Liberal", "Green", "Labourite"};
  return kParties->contains(one);
}

// A pronoun for an unnamed part of the people spoken of ("others",
// "some", "many"; "another", "one", "each" for one of them), lower-cased.
bool IsPartPronoun(absl::string_view w) {
  return w == "others" || w == "some" || w == "many" || w == "most" || w == "several" || w == "few" || w == "both" ||
         w == "all" || w == "another" || w == "one" || w == "each";
}

// The mention of such a pronoun at token k, alone or as the head of tokens
// [k, end) ("one of them"): someone (or some) not named ("Another, who gave
// his name only as Ray, said", "One of them said").
SpeakerMention PartMention(const TokenStream& ts, size_t k, size_t end = 0) {
  SpeakerMention m;
  const std::string w = Lower(ts.Text(k));
  end = std::max(end, k + 1);
  m.kind = w == "another" || w == "one" || w == "each" ? MentionKind::kTitle : MentionKind::kOrganization;
  m.indefinite = true;
  for (size_t i = k; i < end; ++i) absl::StrAppend(&m.name, i > k ? " " : "", Lower(ts.Text(i)));
  if (m.kind == MentionKind::kTitle) m.role = m.name;
  m.range = {ts[k].start, ts[end - 1].end};
  return m;
}

// Builds a SpeakerMention from tokens [s, e).
std::optional<SpeakerMention> BuildMention(absl::string_view text, const TokenStream& ts,
                                           size_t s, size_t e) {
  // ("one" and "each" before a noun are its determiner: "one docker said".)
  if (e - s == 1 && ts[s].is_word() && IsPartPronoun(Lower(ts.Text(s))) &&
      ((Lower(ts.Text(s)) != "one" && Lower(ts.Text(s)) != "each") || s + 1 >= ts.size() || !ts[s + 1].is_word() ||
       IsVerbAt(ts, s + 1))) {
    return PartMention(ts, s);
  }
  if (e - s == 1 && PronounKind(ts.Text(s)) != 0) {
    SpeakerMention m;
    m.range = {ts[s].start, ts[s].end};
    m.pronoun = PronounKind(ts.Text(s));
    if (m.pronoun == 'i') return std::nullopt;  // "I said" in narration is the writer
    m.kind = MentionKind::kPronoun;
    m.name = std::string(ts.Text(s));
    return m;
  }
  if ((e - s == 2 && Lower(ts.Text(s)) == "the" &&
       (IsAgeEpithet(ts.Text(s + 1)) || IsPersonEpithet(ts.Text(s + 1)))) ||
      (e - s == 3 && Lower(ts.Text(s)) == "the" && IsAgeEpithet(ts.Text(s + 1)) && ts[s + 2].is_word() &&
       !ts.IsCapitalized(s + 2))) {
    // "the 54-year-old said", "the Brazilian said": the person last spoken
    // of, whatever their gender (a country's government is "Brazil" or "the
    // Brazilian government"); so does "the 55-year-old leftist" (or
    // "minister": an age makes any noun a description of someone named).
    SpeakerMention m;
    m.range = {ts[s].start, ts[e - 1].end};
    m.kind = MentionKind::kPronoun;
    m.pronoun = 'u';
    m.gender = WordGender(ts.Stem(e - 1));
    m.name = std::string(text.substr(m.range.start, m.range.size()));
    return m;
  }
  const bool indefinite = IsDeterminer(ts.Text(s)) && Lower(ts.Text(s)) != "the";
  // Drop leading clause openers ("But", "Also", "Meanwhile") except "the".
  while (s < e && ts[s].is_word() && IsNonNameCapitalized(ts.Text(s)) &&
         Lower(ts.Text(s)) != "the") {
    ++s;
  }
  while (s < e && IsMentionJoiner(Lower(ts.Text(s)))) ++s;
  while (e > s && (IsMentionJoiner(Lower(ts.Text(e - 1))) || Lower(ts.Text(e - 1)) == "the")) --e;
  // "About 200 traders", "More than 300 workers": the count is no part of
  // who speaks.
  if (const size_t q = SkipQuantity(ts, s); q > s && q < e) s = q;
  if (s >= e) return std::nullopt;

  SpeakerMention m;
  m.range = {ts[s].start, ts[e - 1].end};
  m.indefinite = indefinite;
  // "Tobias Grant MP", "Ann Lee KC": post-nominal letters stay in the
  // mention but are no part of the name.
  static const auto* kPostNominals = new absl::flat_hash_set<absl::string_view>{
      "MP", "MSP", "MEP", "MLA", "TD", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE"};
  while (e > s + 2 && ts[e - 1].is_word() && kPostNominals->contains(ts.Text(e - 1)) && ts.IsCapitalized(e - 2)) {
    --e;
  }
  const size_t body = IsDeterminer(ts.Text(s)) ? s + 1 : s;
  if (body >= e) return std::nullopt;
  // "the environmental group Friends of the Fjords", "German carmaker BMW":
  // a description ending in an organisation's kind, then a name that is an
  // organisation's by itself; the description is its role.
  {
    size_t k = body;
    while (k + 1 < e && ts[k].is_word() &&
           (!ts.IsCapitalized(k) || IsPersonEpithet(ts.Text(k)) || absl::EndsWith(ts.Text(k), "-based"))) {
      ++k;
    }
    if (k > body && k < e && ts.IsCapitalized(k) && !ts.IsCapitalized(k - 1) && IsOrganizationWord(ts.Stem(k - 1)) &&
        !IsTitleWord(ts.Stem(k - 1))) {
      if (std::optional<SpeakerMention> named = BuildMention(text, ts, k, e);
          named && named->kind == MentionKind::kOrganization) {
        named->range = m.range;
        named->indefinite = indefinite;
        named->role = std::string(text.substr(ts[body].start, ts[k - 1].end - ts[body].start));
        return named;
      }
    }
  }
  // "Doctors Without Borders", "Surfers Against Sewage": a capitalised
  // preposition inside a run of capitalised words makes it an
  // organisation's name.
  if (e - body >= 3) {
    bool capitalised = true;
    bool preposition = false;
    for (size_t k = body; k < e && capitalised; ++k) {
      capitalised = ts[k].is_word() && ts.IsCapitalized(k);
      const absl::string_view w = ts.Text(k);
      preposition |= k > body && k + 1 < e && (w == "Against" || w == "Without" || w == "Beyond" || w == "Across");
    }
    if (capitalised && preposition) {
      m.kind = MentionKind::kOrganization;
      m.name = std::string(text.substr(ts[body].start, ts[e - 1].end - ts[body].start));
      return m;
    }
  }
  // The gender an honorific or role word gives, the one nearest the end.
  auto gender_before = [&](size_t end) {
    for (size_t k = end; k > body; --k) {
      if (!ts[k - 1].is_word()) continue;
      if (const char g = WordGender(ts.Stem(k - 1)); g != 0) return g;
    }
    return '\0';
  };
  // Where the words before a name at `name` end, past its honorifics
  // ("Dr. ", "Ms"): what stands before them is a role.
  auto before_honorifics = [&](size_t name) {
    while (name > body && (IsHonorific(ts.Text(name - 1)) || ts.IsNamePeriod(name - 1))) --name;
    return name;
  };

  // The name: the trailing run of capitalised words that are not titles,
  // organisation words, honorifics or acronyms.
  size_t name_start = e;
  while (name_start > body && IsNameWordAt(ts, name_start - 1)) --name_start;
  // A name starts with a capitalised word, a particle opening a surname
  // ("de Souza") or an articled surname ("al-Ansari"), not with another
  // infix.
  while (name_start < e && !ts.IsCapitalized(name_start) &&
         !(ts[name_start].is_word() && (OpensSurname(ts.Text(name_start)) || IsArticledSurname(ts.Text(name_start))) &&
           IsNameInfixAt(ts, name_start))) {
    ++name_start;
  }
  auto join = [&](size_t a, size_t b) {
    return std::string(text.substr(ts[a].start, ts[b - 1].end - ts[a].start));
  };
  // "Jan Ek and Anna Berg", "Velmora and Osterby": names coordinated with no
  // title among them speak as one group.
  // So do titled names ("Councillor Amy Park and Councillor Rob Stead"):
  // both sides of "and" hold a name.
  for (size_t k = body + 1; k + 1 < e; ++k) {
    if (Lower(ts.Text(k)) != "and" || !ts.IsCapitalized(k - 1) || !ts.IsCapitalized(k + 1)) continue;
    bool titled = false;
    for (size_t t = body; t < e && !titled; ++t) titled = IsTitleWord(ts.Stem(t)) || IsHonorific(ts.Text(t));
    auto named = [&ts](size_t from, size_t to) {
      for (size_t t = from; t < to; ++t) {
        if (IsNameWordAt(ts, t)) return true;
      }
      return false;
    };
    if (titled && !(named(body, k) && named(k + 1, e))) break;
    m.kind = MentionKind::kOrganization;
    m.name = join(body, e);
    return m;
  }
  // "Librarian Tom Keane", "Pensioner Ada Moss": a word of an occupation's
  // shape (no known given name) before a known given name and a surname
  // is a role the lexicon lacks.
  if (e >= name_start + 3 && ts[name_start].is_word() && GivenNameGender(ts.Text(name_start)) == 0 &&
      GivenNameGender(ts.Text(name_start + 1)) != 0) {
    const std::string w = Lower(ts.Text(name_start));
    bool occupation = false;
    for (absl::string_view suffix : {"ian", "er", "or", "ist", "ant", "ent", "man", "woman"}) {
      occupation |= w.size() > suffix.size() + 3 && absl::EndsWith(w, suffix);
    }
    if (occupation) ++name_start;
  }
  // "Head of Research Anna Berg", "Governor of Texas Greg Abbott": after
  // "of", the name starts at a given name; the words before it end the role.
  if (name_start < e && name_start >= body + 2 && Lower(ts.Text(name_start - 1)) == "of" &&
      GivenNameGender(ts.Text(name_start)) == 0) {
    for (size_t k = name_start + 1; k + 1 < e; ++k) {
      if (GivenNameGender(ts.Text(k)) != 0) {
        name_start = k;
        break;
      }
    }
  }
  // "the Mayor of London", "the Duke of Edinburgh": a title of a place is
  // a role, not the place (or its government); a name after the place
  // ("Head of Research Anna Berg") is a person's.
  bool place_only = name_start < e && name_start >= body + 2 && e - name_start <= 2 &&
                    Lower(ts.Text(name_start - 1)) == "of" && IsTitleWord(ts.Stem(name_start - 2));
  for (size_t k = name_start; place_only && k < e; ++k) place_only = GivenNameGender(ts.Text(k)) == 0;
  if (place_only) {
    m.kind = MentionKind::kTitle;
    m.name = join(body, e);
    m.role = m.name;
    m.gender = gender_before(e);
    return m;
  }
  // "Bank of England": a name run after "of" that follows an organisation
  // word names the organisation, not a person. So does one capitalised
  // word before "of" that is neither a title nor a given name
  // ("Confederation of Employers", "Friends of the Earth").
  const bool named_body = name_start == body + 2 && ts.IsCapitalized(body) && !IsTitleWord(ts.Stem(body)) &&
                          !IsHonorific(ts.Text(body)) && GivenNameGender(ts.Text(body)) == 0 &&
                          !IsNonNameCapitalized(ts.Text(body)) && Lower(ts.Text(body + 1)) == "of";
  if (name_start < e && name_start >= body + 2 && IsMentionJoiner(Lower(ts.Text(name_start - 1))) &&
      (IsOrganizationWord(ts.Stem(name_start - 2)) || named_body)) {
    m.kind = MentionKind::kOrganization;
    m.name = join(body, e);
    return m;
  }
  // "Dale Whitaker of Kansas", "Professor Ana Lima of King's College
  // London": a name of two words or more before the first "of", "from" or
  // "at" is the person's; what follows says where they belong.
  for (size_t k = body + 2; k + 1 < e && name_start < e; ++k) {
    if (!ts[k].is_word()) continue;
    const std::string joiner = Lower(ts.Text(k));
    if (joiner != "of" && joiner != "from" && joiner != "at") continue;
    size_t person = k;
    while (person > body && IsNameWordAt(ts, person - 1)) --person;
    while (person < k && !ts.IsCapitalized(person)) ++person;
    if (person + 2 > k) break;
    m.kind = MentionKind::kName;
    m.name = join(person, k);
    const size_t role_end = before_honorifics(person);
    m.role = role_end > body ? join(body, role_end) : join(k + 1, e);
    m.gender = gender_before(person);
    return m;
  }
  // "Network Rail", "Union Pacific": a capitalised organisation word before
  // a one-word name makes an organisation's name.
  if (name_start + 1 == e && name_start > body && name_start - body <= 2) {
    bool organization = true;
    for (size_t k = body; k < name_start && organization; ++k) {
      organization = ts.IsCapitalized(k) && IsOrganizationWord(ts.Stem(k)) && !IsTitleWord(ts.Stem(k));
    }
    if (organization) {
      m.kind = MentionKind::kOrganization;
      m.name = join(body, e);
      return m;
    }
  }
  if (name_start < e) {
    m.kind = MentionKind::kName;
    m.name = join(name_start, e);
    if (m.name.find(" & ") != std::string::npos) m.kind = MentionKind::kOrganization;  // "Procter & Gamble"
    // "Halvorsen Pharmaceuticals", "Brightwater Holdings Ltd"; "Liberal
    // Democrats", "Tories" (a party's members); "NHS England", "BBC
    // Scotland" (a body's initials, three letters or more: "JK Rowling" is
    // a person).
    const absl::string_view first_word = ts.Text(body);
    const bool initials_first = (name_start == body || name_start == body + 1) && e > body + 1 &&
                                first_word.size() >= 3 && first_word.find('.') == absl::string_view::npos &&
                                IsAllCapsAcronym(first_word);
    if ((e > name_start + 1 && IsCompanyNameEnding(ts.Text(e - 1))) || PartyMembers(ts.Text(e - 1))) {
      m.kind = MentionKind::kOrganization;
    } else if (initials_first && GivenNameGender(ts.Text(body + 1)) == 0) {
      m.kind = MentionKind::kOrganization;
      m.name = join(body, e);
      m.role.clear();
      return m;
    }
    if (absl::EndsWith(m.name, "'s")) m.name.resize(m.name.size() - 2);
    size_t role_end = before_honorifics(name_start);
    while (role_end > body && IsMentionJoiner(Lower(ts.Text(role_end - 1)))) --role_end;  // "spokesman for"
    if (role_end > body) {
      m.role = join(body, role_end);
      // "Bus operator Metroline Express", "chipmaker Veltron": a business
      // described by what it is, not a person.
      const absl::string_view head = ts.Stem(role_end - 1);
      if (role_end == name_start && IsOrganizationWord(head) && !IsTitleWord(head) &&
          GivenNameGender(ts.Text(name_start)) == 0) {
        m.kind = MentionKind::kOrganization;
        // ("Healthcare Safety Investigation Branch": capitalised all along,
        // the "role" is part of the name.)
        // (Two words or more: a single one may be capitalised only as the
        // sentence's first, "Chipmaker Veltron said".)
        bool capitalised = role_end >= body + 2;
        for (size_t k = body; k < role_end && capitalised; ++k) capitalised = ts.IsCapitalized(k);
        if (capitalised) {
          m.name = join(body, e);
          m.role.clear();
        }
      }
    }
    m.gender = gender_before(name_start);
    return m;
  }
  // "Northline Energy", "Bupa Health": names before a portfolio, with no
  // office among them, name a company.
  if (e >= body + 2 && ts.IsCapitalized(e - 1) && IsPortfolioWord(ts.Stem(e - 1))) {
    bool named = true;
    for (size_t k = body; k + 1 < e && named; ++k) named = IsNameWordAt(ts, k);
    if (named) {
      m.kind = MentionKind::kOrganization;
      m.name = join(body, e);
      return m;
    }
  }
  bool has_org = false;
  bool has_title = false;
  for (size_t k = body; k < e; ++k) {
    has_org |= IsOrganizationWord(ts.Stem(k)) || IsAllCapsAcronym(ts.Stem(k));
    has_title |= IsTitleWord(ts.Stem(k));
  }
  m.name = join(body, e);
  // "the Treasury": a portfolio alone, capitalised, is its department; so
  // is "Ministry of Defence", "Department of Health", "Institute for Fiscal
  // Studies" (an organisation's word, then "of" or "for"), and "the Tories"
  // are a party.
  // (The word before "of" may be plural or not first: "British Chambers
  // of Commerce", "Royal College of Nursing".)
  auto body_of = [&] {
    for (size_t k = body; k + 2 < e; ++k) {
      if ((ts.Text(k + 1) != "of" && ts.Text(k + 1) != "for") || !ts[k + 2].is_word()) continue;
      // (In lower case too, when the word after "of" ends the mention:
      // "the chamber of commerce", "the ministry of defence".)
      const bool lower = !ts.IsCapitalized(k) && !ts.IsCapitalized(k + 2) && k + 3 == e;
      if (!lower && (!ts.IsCapitalized(k) || !ts.IsCapitalized(k + 2))) continue;
      const absl::string_view w = ts.Stem(k);
      if (lower && !IsOrganizationWord(w)) continue;
      if (IsTitleWord(w)) return false;  // "Secretary of State": an office
      if (IsOrganizationWord(w) || (IsPluralTitleWord(w) && !IsTitleWord(SingularOfPluralTitle(w)))) return true;
    }
    return false;
  };
  if ((e == body + 1 && ts.IsCapitalized(body) && IsPortfolioWord(ts.Stem(body))) || body_of() ||
      PartyMembers(ts.Text(e - 1))) {
    m.kind = MentionKind::kOrganization;
    return m;
  }
  if (IsPluralTitleWord(ts.Stem(e - 1))) {
    // "Western officials", "residents": a group speaks, as one collective
    // speaker (never resolved to a person holding the role).
    m.kind = MentionKind::kOrganization;
  } else if (has_title && !IsTitleWord(ts.Stem(e - 1)) && has_org) {
    m.kind = MentionKind::kOrganization;
  } else if (has_title) {
    m.kind = MentionKind::kTitle;
    m.role = m.name;
    m.gender = gender_before(e);
  } else {
    m.kind = MentionKind::kOrganization;
  }
  return m;
}

// Prepositions that say where a speaker belongs ("of Reuters", "from the
// ministry", "in Portland", "a spokeswoman for the port").
bool IsBelongingPreposition(absl::string_view w) {
  return w == "of" || w == "from" || w == "at" || w == "in" || w == "with" || w == "for" || w == "near";
}

// Tokens [s, e) are a person's name: two to five name tokens (IsNameWordAt:
// capitalised words that are no titles, organisation words or acronyms,
// particles and initials), the first a known given name.
bool IsPersonNameRun(const TokenStream& ts, size_t s, size_t e) {
  if (e < s + 2 || e > s + 5) return false;
  for (size_t k = s; k < e; ++k) {
    if (!IsNameWordAt(ts, k)) return false;
  }
  return GivenNameGender(ts.Text(s)) != 0;
}

// "Jan Ek of the port authority", "Jan Ek of Reuters", "Officials in
// Portland", "Residents of the island": a person or a group, then a
// prepositional phrase saying where they belong, ending at token `end`.
// `j` is the token before the mention parsed so far (the preposition, or
// the token before a person's name when the phrase was read as one
// mention). The person keeps the phrase as their role; a group is named by
// the whole phrase.
std::optional<SpeakerMention> BelongingPhrase(absl::string_view text, const TokenStream& ts, long j, size_t end) {
  // A person's name: a known given name first, or any name words after a
  // title or honorific ("Professor Trudie Lang of ...").
  auto name_run = [&ts](size_t s, size_t e) {
    if (IsPersonNameRun(ts, s, e)) return true;
    if (s == 0 || e < s + 2 || e > s + 4 || !ts[s - 1].is_word() ||
        !(IsTitleWord(ts.Stem(s - 1)) || IsHonorific(ts.Text(s - 1)))) {
      return false;
    }
    for (size_t k = s; k < e; ++k) {
      if (!IsNameWordAt(ts, k)) return false;
    }
    return true;
  };
  long prep = -1;
  if (j >= 1 && ts[j].is_word() && IsBelongingPreposition(ts.Text(j))) {
    prep = j;
  } else {
    // ("Professor Jan Ek of ...": past a title or honorific.)
    const size_t first = j + 2 < end && ts[j + 1].is_word() &&
                                 (IsHonorific(ts.Text(j + 1)) || IsTitleWord(ts.Stem(j + 1)))
                             ? j + 2
                             : j + 1;
    for (size_t p = first + 2; p + 1 < end; ++p) {
      if (ts[p].is_word() && IsBelongingPreposition(ts.Text(p)) && name_run(first, p)) {
        prep = static_cast<long>(p);
        break;
      }
    }
  }
  if (prep < 1 || end - prep > 6) return std::nullopt;
  auto join = [&](size_t a, size_t b) {
    return std::string(text.substr(ts[a].start, ts[b - 1].end - ts[a].start));
  };
  // "One of the landlords said", "some of the residents said": a part of a
  // group speaks - one member (someone not named, holding the group's
  // role) or several (the group).
  if (Lower(ts.Text(prep)) == "of" && ts[prep - 1].is_word() && end == static_cast<size_t>(prep) + 3 &&
      Lower(ts.Text(prep + 1)) == "the" && IsPluralTitleWord(ts.Text(end - 1))) {
    const std::string part = Lower(ts.Text(prep - 1));
    const bool one = part == "one" || part == "another" || part == "each";
    if (one || IsQuantifier(part) || part == "some" || part == "both" || part == "all") {
      SpeakerMention m;
      m.range = {ts[prep - 1].start, ts[end - 1].end};
      m.indefinite = true;
      if (one) {
        m.kind = MentionKind::kTitle;
        m.name = SingularOfPluralTitle(ts.Text(end - 1));  // "landlords" -> "landlord"
        m.role = m.name;
      } else {
        m.kind = MentionKind::kOrganization;
        m.name = std::string(ts.Text(end - 1));
      }
      return m;
    }
  }
  for (long s = std::max<long>(0, prep - 4); s + 2 <= prep; ++s) {
    if (!name_run(s, prep)) continue;
    std::optional<SpeakerMention> m = BuildMention(text, ts, s, prep);
    if (!m || m->kind != MentionKind::kName) return std::nullopt;
    size_t object = prep + 1;
    if (IsDeterminer(ts.Text(object))) ++object;
    if (object >= end) return std::nullopt;
    m->role = join(object, end);
    m->range = {ts[s].start, ts[end - 1].end};
    if (s > j + 1 && IsTitleWord(ts.Stem(s - 1))) {
      // "Professor Jan Ek of the University of Oslo": the title is the role.
      m->role = std::string(ts.Text(s - 1));
      m->range.start = ts[s - 1].start;
    } else if (s > j + 1 && IsHonorific(ts.Text(s - 1))) {
      m->range.start = ts[s - 1].start;
    }
    return m;
  }
  // ("the environmental group Friends of the Fjords": a body's kind, then
  // its name; no group of friends.)
  if (prep >= 2 && ts.IsCapitalized(prep - 1) && ts[prep - 2].is_word() && !ts.IsCapitalized(prep - 2) &&
      IsOrganizationWord(ts.Stem(prep - 2)) && !IsTitleWord(ts.Stem(prep - 2))) {
    long d = prep - 2;
    while (d > 0 && prep - d < 5 && IsHeadModifier(ts, d - 1) && !IsDeterminer(ts.Text(d - 1))) --d;
    const bool article = d > 0 && ts[d - 1].is_word() && IsArticle(ts.Text(d - 1));
    SpeakerMention m;
    m.kind = MentionKind::kOrganization;
    m.indefinite = article && Lower(ts.Text(d - 1)) != "the";
    m.name = join(prep - 1, end);
    m.role = join(d, prep - 1);
    m.range = {ts[article ? d - 1 : d].start, ts[end - 1].end};
    return m;
  }
  const bool group = IsPluralTitleWord(ts.Text(prep - 1));
  // The head before the preposition with its modifiers.
  long g = prep - 1;
  while (g > 0 && prep - g < 4 && ts[g - 1].is_word() && (ts.IsCapitalized(g - 1) || IsHeadModifier(ts, g - 1)) &&
         !IsNonNameCapitalized(ts.Text(g - 1))) {
    --g;
  }
  // "The Chinese embassy in Rome", "the UN office in Geneva": a body where
  // it sits speaks, not the place.
  const std::string where = Lower(ts.Text(prep));
  if (!group && (where == "in" || where == "at") && !ts.IsCapitalized(prep - 1) &&
      IsOrganizationWord(ts.Stem(prep - 1)) && !IsTitleWord(ts.Stem(prep - 1)) && ts.IsCapitalized(end - 1)) {
    const bool article = g > 0 && ts[g - 1].is_word() && IsArticle(ts.Text(g - 1));
    SpeakerMention m;
    m.kind = MentionKind::kOrganization;
    m.indefinite = article && Lower(ts.Text(g - 1)) != "the";
    m.name = join(g, prep);
    m.role = join(prep, end);
    m.range = {ts[article ? g - 1 : g].start, ts[end - 1].end};
    return m;
  }
  if (!group && !IsTitleWord(ts.Stem(prep - 1))) return std::nullopt;
  std::optional<SpeakerMention> m = BuildMention(text, ts, g, prep);
  if (!m || m->kind != (group ? MentionKind::kOrganization : MentionKind::kTitle)) return std::nullopt;
  // "A senior official of the law ministry": someone not named, however
  // much of a named person's title the rest shares ("Law Minister X").
  m->indefinite |= g > 0 && ts[g - 1].is_word() && IsArticle(ts.Text(g - 1)) && Lower(ts.Text(g - 1)) != "the";
  // "the leader of the opposition": a role whose holder is not named here.
  const size_t named_from = Lower(ts.Text(g)) == "the" ? g + 1 : g;
  m->name = std::string(text.substr(ts[named_from].start, ts[end - 1].end - ts[named_from].start));
  if (!group) m->role = m->name;
  m->range.end = ts[end - 1].end;
  return m;
}

// "A source close to the talks", "people familiar with the matter", "a
// person with direct knowledge of the plan": an unnamed source described by
// what they are close to, with the phrase ending at token `end`; `j` is the
// token before the phrase's object. The source speaks, not what it is close
// to.
std::optional<SpeakerMention> DescribedSource(absl::string_view text, const TokenStream& ts, long j, size_t end) {
  if (j < 2 || !ts[j].is_word() || !ts[j - 1].is_word() || !ts[j - 2].is_word()) return std::nullopt;
  const std::string prep = Lower(ts.Text(j)), before = Lower(ts.Text(j - 1));
  long head = j - 2;
  if (prep == "of" && before == "knowledge") {
    // ("with knowledge of", "with direct knowledge of".)
    long with = j - 2;
    if (with >= 1 && ts[with].is_word() && Lower(ts.Text(with)) != "with" && !ts.IsCapitalized(with)) --with;
    if (with < 1 || !ts[with].is_word() || Lower(ts.Text(with)) != "with" || !ts[with - 1].is_word()) {
      return std::nullopt;
    }
    head = with - 1;
  } else if (!(prep == "to" && before == "close") && !(prep == "with" && before == "familiar")) {
    return std::nullopt;
  }
  const bool group = IsPluralTitleWord(ts.Text(head));
  if (!group && !IsTitleWord(ts.Stem(head))) return std::nullopt;
  long start = head;
  while (start > 0 && head - start < 3 && IsHeadModifier(ts, start - 1)) --start;
  SpeakerMention m;
  m.kind = group ? MentionKind::kOrganization : MentionKind::kTitle;
  const bool determiner = start > 0 && ts[start - 1].is_word() &&
                          (IsDeterminer(ts.Text(start - 1)) || IsQuantifier(ts.Text(start - 1)));
  m.indefinite = determiner && Lower(ts.Text(start - 1)) != "the";
  m.range = {ts[determiner ? start - 1 : start].start, ts[end - 1].end};
  m.name = std::string(text.substr(ts[start].start, ts[end - 1].end - ts[start].start));
  if (!group) m.role = m.name;
  return m;
}

// Parses a mention starting at token i; on success sets *end to the index
// after it.
std::optional<SpeakerMention> ParseForward(absl::string_view text, const TokenStream& ts,
                                           size_t i, size_t* end) {
  if (i >= ts.size() || !ts[i].is_word()) return std::nullopt;
  // ("according to his wife": a role the pronoun possesses.)
  const bool possessed_role = i + 1 < ts.size() && IsPossessorBeforeRole(Lower(ts.Text(i))) &&
                              ts[i + 1].is_word() && !ts.IsCapitalized(i + 1) &&
                              IsRoleOrOrganizationHead(ts.Text(i + 1));
  if (PronounKind(ts.Text(i)) != 0 && !possessed_role) {
    *end = i + 1;
    return BuildMention(text, ts, i, i + 1);
  }
  size_t j = i;
  if (IsDeterminer(ts.Text(j)) || possessed_role) {
    ++j;
  } else {
    j = SkipQuantity(ts, j);  // ("two European diplomats", "more than 300 workers")
  }
  // "the harbour ministry", "retired teacher Jean Doe": lower-case
  // modifiers of a role or organisation noun.
  // (An adverb may modify a modifier: "newly elected President X".)
  auto modifier = [&ts](size_t h) {
    return IsHeadModifier(ts, h) || (ts[h].is_word() && !ts.IsCapitalized(h) && absl::EndsWith(ts.Text(h), "ly") &&
                                     h + 1 < ts.size() && IsHeadModifier(ts, h + 1));
  };
  size_t h = j;
  while (h < ts.size() && h - j < 3 && modifier(h) && !IsRoleOrOrganizationHead(ts.Text(h))) ++h;
  if (h > j && h < ts.size() && ts[h].is_word() && IsRoleOrOrganizationHead(ts.Text(h))) {
    j = h;
  } else if (h > j && j == i && h < ts.size() && ts.IsCapitalized(h) && !IsNonNameCapitalized(ts.Text(h))) {
    // "said retired shopkeeper Jean Doe": a description the lexicon does
    // not know, then a name.
    size_t name_end = h;
    while (name_end < ts.size() && name_end - h < 4 && ts.IsCapitalized(name_end)) ++name_end;
    std::optional<SpeakerMention> m = BuildMention(text, ts, i, name_end);
    if (m && m->kind == MentionKind::kName && !m->name.empty()) {
      *end = name_end;
      return m;
    }
  }
  while (j < ts.size() && j - i < 12) {
    if (IsVerbAt(ts, j)) break;
    if (IsMentionToken(ts, j)) {
      ++j;
    } else if (ts[j].is_word() && IsMentionJoiner(ts.Text(j)) && j + 1 < ts.size() &&
               IsMentionToken(ts, j + 1) && WeekdayIndex(ts.Text(j + 1)) < 0 && MonthIndex(ts.Text(j + 1)) == 0) {
      ++j;  // ("the agency on Monday": a time, not part of the name)
    } else if (ts[j].is_word() && ts.Text(j) == "the" && j + 1 < ts.size() && ts.IsCapitalized(j + 1)) {
      ++j;
    } else if (ts[j].is_word() && IsMentionJoiner(ts.Text(j)) && j + 2 < ts.size() && ts.Text(j + 1) == "the" &&
               ts[j + 2].is_word() && IsOrganizationWord(ts.Stem(j + 2))) {
      j += 2;  // "a spokeswoman for the ministry"
    } else if (j > i && !ts.IsCapitalized(j - 1) && IsRoleOrOrganizationHead(ts.Text(j - 1)) &&
               IsHeadModifier(ts, j)) {
      // "the county fire service", "the city water board": a head noun
      // modifying a later one across lower-case modifiers (not a verb: "The
      // researchers analysed acoustic surveys").
      size_t k = j;
      while (k < ts.size() && k - j < 2 && IsHeadModifier(ts, k) && !IsRoleOrOrganizationHead(ts.Text(k)) &&
             !LooksPastTense(ts.Text(k))) {
        ++k;
      }
      if (k == j || k >= ts.size() || !ts[k].is_word() || ts.IsCapitalized(k) ||
          !IsRoleOrOrganizationHead(ts.Text(k))) {
        break;
      }
      j = k;
    } else {
      break;
    }
  }
  if (j == i) return std::nullopt;
  // "Professor Jan Ek of the University of Oslo": a person, with the
  // phrase as their role.
  if (std::optional<SpeakerMention> person = BelongingPhrase(text, ts, static_cast<long>(i) - 1, j);
      person && person->kind == MentionKind::kName) {
    *end = j;
    return person;
  }
  auto m = BuildMention(text, ts, i, j);
  if (m) *end = j;
  return m;
}

// A name in apposition after the role `role` that ends at token `end` (a
// comma): the name's mention with the role's words as its role; *name_end
// receives the index after the name.
std::optional<SpeakerMention> NameInApposition(absl::string_view text, const TokenStream& ts,
                                               const SpeakerMention& role, size_t end, size_t* name_end) {
  if (end + 1 >= ts.size() || !ts.IsPunct(end, ',')) return std::nullopt;
  std::optional<SpeakerMention> name = ParseForward(text, ts, end + 1, name_end);
  if (!name || name->kind != MentionKind::kName) return std::nullopt;
  name->role = role.name;
  return name;
}

// Words of a time adjunct after its opener: weekdays, months, numbers and
// units ("Tuesday night", "March 2021", "week").
bool IsTimeAdjunctPart(absl::string_view w) {
  static const auto* kUnits = new absl::flat_hash_set<absl::string_view>{
      "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night"};
  return WeekdayIndex(w) >= 0 || MonthIndex(w) > 0 || kUnits->contains(Lower(w)) ||
         (!w.empty() && absl::ascii_isdigit(static_cast<unsigned char>(w[0])));
}

bool IsTimeAdjunctOpener(absl::string_view w) {
  return w == "on" || w == "in" || w == "last" || w == "this" || w == "late" || w == "early";
}

// The first token of a time adjunct that ends at token `j` and stands
// between a subject and its verb ("on Tuesday", "in March 2021", "last
// week", "earlier this month", "yesterday"); -1 when there is none.
long TimeAdjunctStart(const TokenStream& ts, long j) {
  if (j >= 0 && ts[j].is_word()) {
    const std::string w = Lower(ts.Text(j));
    if (w == "yesterday" || w == "today") return j;
  }
  long k = j;
  while (k >= 0 && j - k < 4 && ts[k].is_word() && IsTimeAdjunctPart(ts.Text(k))) --k;
  if (k == j || k < 1 || !ts[k].is_word()) return -1;  // nothing matched, or no subject before it
  if (!IsTimeAdjunctOpener(Lower(ts.Text(k)))) return -1;
  // "earlier this week", "late on Monday".
  if (k >= 2 && ts[k - 1].is_word()) {
    const std::string before = Lower(ts.Text(k - 1));
    if (before == "earlier" || before == "later" || before == "late") return k - 1;
  }
  return k;
}

// A short parenthesis after a name ("Tom Reyes (D-N.M.)", "Ana Lima (pictured)")
// adds nothing to the mention. These return the token index past one that
// ends at token `j` (backward) or starts at token `i` (forward), or the
// index unchanged when there is none.
// A US legislator's party and state between commas ("D-Ore.", "R-Texas",
// "I-Vt."): the text of tokens (comma, j] is one.
bool IsPartyDesignation(absl::string_view text, const TokenStream& ts, long comma, long j) {
  if (comma < 0 || j <= comma || j - comma > 8 || !ts.IsPunct(comma, ',')) return false;
  const absl::string_view s = text.substr(ts[comma + 1].start, ts[j].end - ts[comma + 1].start);
  if (s.size() < 3 || (s[0] != 'D' && s[0] != 'R' && s[0] != 'I') || s[1] != '-' ||
      !absl::ascii_isupper(static_cast<unsigned char>(s[2]))) {
    return false;
  }
  return std::all_of(s.begin() + 2, s.end(), [](char c) {
    return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '.' || c == ' ';
  });
}

long SkipParenthesisBackward(const TokenStream& ts, long j) {
  if (j < 1 || !ts.IsPunct(j, ')')) return j;
  for (long k = j - 1; k >= 0 && j - k <= 8; --k) {
    if (ts.IsPunct(k, '(')) return k - 1;
    if (ts.IsPunct(k, ')') || ts[k].kind == Token::Kind::kQuote) break;
  }
  return j;
}

// The token after an appositive between commas that starts at the comma
// `comma` ("Ana Lima, who leads the inquiry, appealed": the index of
// "appealed"), or `comma` when no closing comma comes within `reach`
// tokens before a quotation mark.
size_t PastAppositive(const TokenStream& ts, size_t comma, size_t reach = 20) {
  if (!ts.IsPunct(comma, ',')) return comma;
  size_t close = comma + 1;
  while (close < ts.size() && close - comma <= reach && !ts.IsPunct(close, ',') &&
         ts[close].kind != Token::Kind::kQuote) {
    ++close;
  }
  return close < ts.size() && ts.IsPunct(close, ',') && close > comma + 1 ? close + 1 : comma;
}

// Prepositions whose object names no speaker before a verb ("in the
// Calder Valley has found", "into the floods found").
bool IsPlacePreposition(absl::string_view lower) {
  return lower == "in" || lower == "into" || lower == "of" || lower == "on" || lower == "at" || lower == "from" ||
         lower == "near" || lower == "over" || lower == "about";
}

// The subject opening the sentence when it is a body or a document
// followed by a prepositional phrase that runs to token `end` (the verb):
// "An independent inquiry into the floods in the Calder Valley (has
// found)", "A review of the floods in Leeds (found)". A determiner, up to
// two modifiers, the head (an organisation or document word, singular),
// then a preposition and only words that are no verb.
std::optional<SpeakerMention> HeadBeforeItsPreposition(absl::string_view text, const TokenStream& ts, size_t end) {
  if (end < 3 || end > 16) return std::nullopt;
  for (size_t k = 0; k < end; ++k) {
    if (!ts[k].is_word()) return std::nullopt;
  }
  size_t head = IsDeterminer(ts.Text(0)) ? 1 : 0;
  size_t prep = head;
  while (prep < end && prep - head < 4 && !IsPlacePreposition(Lower(ts.Text(prep))) &&
         !absl::EqualsIgnoreCase(ts.Text(prep), "by") && !absl::EqualsIgnoreCase(ts.Text(prep), "for")) {
    ++prep;
  }
  if (prep == head || prep + 1 >= end || prep - head > 3) return std::nullopt;
  const std::string noun = Lower(ts.Stem(prep - 1));
  if (!(IsDocumentWord(noun) || IsOrganizationWord(noun)) || IsTitleWord(noun) || IsPluralTitleWord(noun)) {
    return std::nullopt;
  }
  // ("A statement from the Treasury said": a document's author after
  // "from", "by" or "of" speaks for it.)
  // (Not "of" a topic: "A review of the floods found".)
  const std::string preposition = Lower(ts.Text(prep));
  size_t after = prep + 1;
  if (after + 1 < end && absl::EqualsIgnoreCase(ts.Text(after), "the")) ++after;
  const bool author_after = ts.IsCapitalized(after) || IsOrganizationWord(ts.Stem(after));
  if (IsDocumentWord(noun) && (preposition == "from" || preposition == "by" || (preposition == "of" && author_after))) {
    return std::nullopt;
  }
  for (size_t k = prep + 1; k < end; ++k) {
    if (IsVerbAt(ts, k)) return std::nullopt;
  }
  return BuildMention(text, ts, 0, prep);
}

// A word that opens a clause coordinated with the one before ("while
// others said", "but many said", "and some warned"), lower-cased.
bool IsConjunctionOpening(absl::string_view w) {
  return w == "while" || w == "whereas" || w == "and" || w == "but" || w == "though" || w == "although" ||
         w == "yet";
}

// Parses a mention that ends just before token `verb` (skipping
// auxiliaries and a time adjunct: "The ministry on Tuesday said"). Handles
// "Name, appositive, verb".
std::optional<SpeakerMention> ParseBackward(absl::string_view text, const TokenStream& ts,
                                            size_t verb) {
  long j = static_cast<long>(verb) - 1;
  while (j >= 0 && ts[j].is_word() && IsAuxiliary(Lower(ts.Text(j)))) --j;
  j = SkipParenthesisBackward(ts, j);
  if (const long adjunct = TimeAdjunctStart(ts, j); adjunct > 0 && IsMentionToken(ts, adjunct - 1)) {
    j = adjunct - 1;
    while (j >= 0 && ts[j].is_word() && IsAuxiliary(Lower(ts.Text(j)))) --j;
  }
  if (j < 0) return std::nullopt;
  // "A mother of two said", "a father of three told": a relation with the
  // count of its children.
  if (j >= 2 && ts[j].is_word() && Lower(ts.Text(j - 1)) == "of" && ts[j - 2].is_word() &&
      IsTitleWord(ts.Stem(j - 2)) && WordGender(ts.Stem(j - 2)) != 0) {
    const std::string count = Lower(ts.Text(j));
    if (IsQuantifier(count) || std::all_of(count.begin(), count.end(), [](char c) {
          return absl::ascii_isdigit(static_cast<unsigned char>(c));
        })) {
      if (std::optional<SpeakerMention> m = ParseBackward(text, ts, static_cast<size_t>(j - 1))) {
        m->range.end = ts[j].end;
        return m;
      }
    }
  }
  // "Some said ..., while others said ...", "Many said": a pronoun for an
  // unnamed part of the people spoken of, standing alone as the subject,
  // is a group of someone not named.
  if (ts[j].is_word() && (j == 0 || !ts[j - 1].is_word() || IsConjunctionOpening(Lower(ts.Text(j - 1)))) &&
      IsPartPronoun(Lower(ts.Text(j)))) {
    return PartMention(ts, static_cast<size_t>(j));
  }
  // "One of them said", "Some of those present said": likewise, of the
  // people just spoken of.
  if (j >= 2 && ts[j].is_word()) {
    const std::string object = Lower(ts.Text(j));
    long of = -1;
    if (object == "them" || object == "us") of = j - 1;
    if (object == "present" && j >= 3 && Lower(ts.Text(j - 1)) == "those") of = j - 2;
    const long head = of - 1;
    if (head >= 0 && Lower(ts.Text(of)) == "of" && ts[head].is_word() && IsPartPronoun(Lower(ts.Text(head))) &&
        (head == 0 || !ts[head - 1].is_word() || IsConjunctionOpening(Lower(ts.Text(head - 1))))) {
      return PartMention(ts, static_cast<size_t>(head), static_cast<size_t>(j) + 1);
    }
  }
  // "The defence team - led by barrister X - said": an aside between dashes
  // is passed like a parenthesis.
  if (ts.IsPunct(j, '-')) {
    for (long k = j - 1; k >= 1 && j - k <= 16; --k) {
      if (ts.IsPunct(k, '-')) {
        if (k + 1 < j && ts[k - 1].is_word()) j = k - 1;
        break;
      }
      if (!ts[k].is_word() && !ts.IsPunct(k, ',')) break;
    }
  }
  std::string appositive;
  size_t appositive_first = 0, appositive_end = 0;  // its tokens
  bool relative_appositive = false;                  // a relative clause ("who watched ...")
  if (ts.IsPunct(j, ',')) {
    // "Jane Doe, the country's envoy, said": find the comma before the appositive.
    long k = j - 1;
    bool titled = false;
    while (k >= 0 && j - k < 32 && !ts.IsPunct(k, ',')) {
      if (ts[k].kind == Token::Kind::kQuote) {
        // "Doe, whose film “Paper Boats” competed, said": a quoted title
        // inside the appositive is passed whole.
        long open = k - 1;
        while (open >= 0 && j - open < 32 && ts[open].kind != Token::Kind::kQuote && !ts.IsPunct(open, ',')) --open;
        if (open < 0 || ts[open].kind != Token::Kind::kQuote || ts.Text(k) != ts.Text(open)) break;
        k = open - 1;
        continue;
      }
      titled |= IsTitleWord(ts.Stem(k)) || IsOrganizationWord(ts.Stem(k));
      --k;
    }
    if (k < 1 || !ts.IsPunct(k, ',')) return std::nullopt;
    // "Acme Robotics, a maker of warehouse robots, said": a description
    // opened by an article or a possessor describes the speaker too.
    if (k + 2 < j && ts[k + 1].is_word()) {
      const std::string opener = std::string(ts.Text(k + 1));
      titled |= opener == "a" || opener == "an" || opener == "the" || opener == "its" || opener == "his" ||
                opener == "her" || opener == "their" || opener == "himself" || opener == "herself" ||
                opener == "itself" || opener == "themselves";  // ("X's father, himself a climber, said")
    }
    // ("Dr Liu Wei, of the Chengdu Research Base, told": where the speaker
    // belongs, a capitalised name after "of", "from" or "at", maybe after
    // lower-case words that describe it: "Sarah Lee, of aviation
    // consultancy AeroData, said".)
    if (k + 2 < j && ts[k + 1].is_word()) {
      const std::string prep = Lower(ts.Text(k + 1));
      if (prep == "of" || prep == "from" || prep == "at") {
        long object = k + 2 < j && IsArticle(ts.Text(k + 2)) ? k + 3 : k + 2;
        while (object < j && object - k <= 6 && ts[object].is_word() && !ts.IsCapitalized(object)) ++object;
        titled |= object < j && ts[object].is_word() && ts.IsCapitalized(object) &&
                  !IsNonNameCapitalized(ts.Text(object));
      }
    }
    // (Or a party and state: "Tom Wexler, D-Ore., called".)
    const bool age =
        (k + 2 == j && ts[k + 1].is_word() && absl::ascii_isdigit(static_cast<unsigned char>(ts.Text(k + 1)[0]))) ||
        IsPartyDesignation(text, ts, k, j - 1);
    if (age || (ts[k + 1].is_word() && IsParentheticalStart(Lower(ts.Text(k + 1))))) {
      // "The minister, in a statement, said" or "Jane Doe, 54, said": an
      // adjunct or an age, not an appositive; the speaker ends before it
      // (and before an auxiliary: "Ek did, however, say").
      j = k - 1;
      while (j >= 0 && ts[j].is_word() && IsAuxiliary(Lower(ts.Text(j)))) --j;
    } else {
      // "the country's energy minister, Jane Doe, said", "Doe's deputy,
      // Councillor Ann Berg, said": a name between the commas, a role
      // (lower-case head) before them.
      auto named_after_role = [&]() -> std::optional<SpeakerMention> {
        if (!ts[k - 1].is_word() || (ts.IsCapitalized(k - 1) && titled)) return std::nullopt;
        long r = k - 1;
        bool role_titled = false;
        bool organization = true;  // "The company at the centre of the case, Norte Obras, said"
        while (r >= 0 && k - r <= 10 && ts[r].kind == Token::Kind::kWord) {
          // ("One of the landlords, NAME,": a group's noun makes a role of
          // its member.)
          role_titled |= IsTitleWord(ts.Stem(r)) || IsOrganizationWord(ts.Stem(r)) || IsPluralTitleWord(ts.Text(r));
          organization &= !IsTitleWord(ts.Stem(r)) && !IsPluralTitleWord(ts.Text(r));
          --r;
        }
        // "His counterpart, Conservative leader Erik Lund,": a possessor
        // makes a role of any noun.
        for (long t = r + 1; t < k && !role_titled; ++t) {
          const std::string w = Lower(ts.Text(t));
          role_titled = w == "his" || w == "her" || w == "their" || w == "its" || EndsPossessive(ts.Text(t));
        }
        if (!role_titled) return std::nullopt;
        size_t role_start = r + 1;
        while (role_start < static_cast<size_t>(k) && IsNonNameCapitalized(ts.Text(role_start))) ++role_start;
        auto m = BuildMention(text, ts, k + 1, j);
        // ("The study's co-author, Professor Jan Ek of the University of
        // Oslo, said": the name, then where they belong.)
        if (m && m->kind != MentionKind::kName) {
          if (std::optional<SpeakerMention> person = BelongingPhrase(text, ts, k, static_cast<size_t>(j));
              person && person->kind == MentionKind::kName) {
            m = std::move(person);
          }
        }
        // "The pilots' union, VNA, said": an organisation's name after it.
        if (!m || (m->kind != MentionKind::kName && !(organization && m->kind == MentionKind::kOrganization))) {
          return std::nullopt;
        }
        if (organization) m->kind = MentionKind::kOrganization;
        if (role_start < static_cast<size_t>(k)) {
          m->role = std::string(text.substr(ts[role_start].start, ts[k - 1].end - ts[role_start].start));
        }
        return m;
      };
      // "A state official, who was not allowed to speak publicly, said": a
      // relative clause describes the speaker before it.
      const std::string opener = Lower(ts.Text(k + 1));
      // ("retired teacher Brian Nolan" is a role and a name: an -ed word
      // before a role noun that a name follows is an adjective.)
      long name_run = j;
      while (name_run > k + 1 && IsNameWordAt(ts, name_run - 1)) --name_run;
      const bool role_then_name = name_run < j && name_run > k + 2 && IsTitleWord(ts.Stem(name_run - 1));
      // So does a participle phrase ("The researchers, led by Ana Lima,
      // found").
      // And "one of the busiest in Europe" ("The port, one of ..., said").
      const bool one_of = opener == "one" && k + 2 < j && Lower(ts.Text(k + 2)) == "of";
      // (Irregular past participles too: "The report, written by X, said".)
      static const auto* kParticiples = new absl::flat_hash_set<absl::string_view>{
          "led", "known", "born", "chosen", "written", "drawn", "given", "taken", "made", "held", "run",
          "sent", "brought", "built", "shown", "seen", "set", "put"};
      const bool relative = IsRelativePronoun(opener) || opener == "whom" || one_of || kParticiples->contains(opener) ||
                            (LooksPastTense(opener) && ts[k + 1].is_word() &&
                             !ts.IsCapitalized(k + 1) && k + 2 < j && ts[k + 2].is_word() && !role_then_name);
      if (!titled && !relative) {
        bool name_only = k + 1 < j;
        for (long n = k + 1; n < j && name_only; ++n) {
          name_only = IsNameInfixAt(ts, n) ||
                      (ts[n].is_word() && ts.IsCapitalized(n) && !IsNonNameCapitalized(ts.Text(n)));
        }
        if (!name_only) return std::nullopt;
        return named_after_role();
      }
      if (!relative) {
        if (auto m = named_after_role()) return m;
      }
      const size_t a = AppositiveRoleStart(ts, static_cast<size_t>(k), static_cast<size_t>(j));
      appositive = std::string(text.substr(ts[a].start, ts[j - 1].end - ts[a].start));
      appositive_first = a;
      appositive_end = static_cast<size_t>(j);
      relative_appositive = relative;
      j = SkipParenthesisBackward(ts, k - 1);
      // "Ahmed Yusuf, 41, who had planned to fly, said": an age before it
      // (or a party and state: "Joanna Pratt, R-Texas, who voted ...").
      if (j >= 2 && ts[j].is_word() && absl::ascii_isdigit(static_cast<unsigned char>(ts.Text(j)[0])) &&
          ts[j].end - ts[j].start <= 3 && ts.IsPunct(j - 1, ',')) {
        j -= 2;
      }
      for (long c = j - 1; c >= 0 && j - c <= 8; --c) {
        if (!ts.IsPunct(c, ',')) continue;
        if (IsPartyDesignation(text, ts, c, j)) j = c - 1;
        break;
      }
    }
  }
  const long end = j + 1;
  // (An object pronoun is no subject: "a source close to her said"; "One of
  // them said" is one of a group.)
  if (ts[j].is_word() && PronounKind(ts.Text(j)) != 0 && !ObjectOfPreposition(ts, j)) {
    return BuildMention(text, ts, j, end);
  }
  while (j >= 0 && end - j <= 12) {
    if (IsMentionToken(ts, j) && !(ts[j].is_word() && IsVerbAt(ts, j))) {
      if (Lower(ts.Text(j)) == "the") {
        --j;
        break;
      }
      --j;
    } else if (ts[j].is_word() && IsMentionJoiner(ts.Text(j)) && j > 0 && IsMentionToken(ts, j - 1)) {
      --j;
    } else if (ts[j].is_word() && ts.Text(j) == "the") {
      --j;
      break;
    } else {
      break;
    }
  }
  // "the regional transport authority", "Velmora's transport minister Ada
  // Quist": lower-case modifiers between a determiner (or a named
  // possessor) and a role or organisation noun belong to the mention.
  // (Not past the phrase's own determiner: "a decision the mayor called"
  // is a noun and a relative clause without "that".)
  if (j >= 0 && j + 1 < end && !(ts[j + 1].is_word() && IsDeterminer(ts.Text(j + 1))) &&
      (IsRoleOrOrganizationHead(ts.Stem(end - 1)) || IsRoleOrOrganizationHead(ts.Stem(j + 1))) &&
      IsHeadModifier(ts, j)) {
    long d = j;
    while (d >= 0 && j - d < 3 && IsHeadModifier(ts, d)) --d;
    // "the French president's office": a capitalised word (a nationality)
    // may lead the modifiers when a determiner comes before it.
    if (d >= 1 && j - d < 4 && ts.IsCapitalized(d) && !IsNonNameCapitalized(ts.Text(d)) &&
        ts[d - 1].is_word() && IsDeterminer(ts.Text(d - 1))) {
      --d;
    }
    if (d >= 0 && ts[d].is_word() &&
        (IsDeterminer(ts.Text(d)) || IsQuantifier(ts.Text(d)) || IsArticleOrPossessive(ts.Text(d)))) {
      j = d;  // "the harbour officials", "two harbour officials", "his expedition company"
    } else if (d >= 0 && ts.IsCapitalized(d) && ts.Stem(d).size() < ts.Text(d).size()) {
      j = d - 1;  // the possessor ("Velmora's") opens the mention
    } else if (d == 0 && ts.IsCapitalized(0) && !IsNonNameCapitalized(ts.Text(0)) && !IsVerbAt(ts, 0) &&
               ReportingVerbLemma(Lower(ts.Text(0))).empty()) {
      j = -1;  // a modifier opening the sentence ("Local business owner Dev Patel said")
    } else if (d >= 1 && ts.IsPunct(d, ',') && !ts.IsCapitalized(d + 1)) {
      j = d;  // after a comma ("..., regional officials said")
    }
  }
  // The mention keeps its determiner: "a" or "an" marks it indefinite.
  if (j >= 0 && j + 1 < end && ts[j].is_word() && IsDeterminer(ts.Text(j))) --j;
  // ("Residents of the town, who watched the fire, said": a relative clause
  // describes the phrase before it.)
  if (appositive.empty() || relative_appositive) {
    long at = j;
    if (j + 1 == end) {
      // Nothing parsed: the phrase's object may be a plain noun phrase
      // ("Residents of the island said").
      while (at >= 0 && j - at < 3 && IsHeadModifier(ts, at)) --at;
      if (at >= 0 && ts[at].is_word() && IsDeterminer(ts.Text(at))) --at;
      // ("a source close to her said": an object pronoun.)
      if (at == j && ObjectOfPreposition(ts, at)) --at;
    }
    if (std::optional<SpeakerMention> source = DescribedSource(text, ts, at, end)) return source;
    if (std::optional<SpeakerMention> belonging = BelongingPhrase(text, ts, at, end)) return belonging;
  }
  auto m = BuildMention(text, ts, j + 1, end);
  // "An independent inquiry into the floods in the Calder Valley has
  // found": nothing, or only a preposition's object, stands right before
  // the verb; the body or document opening the sentence speaks.
  if (appositive.empty() && (!m || (j >= 0 && ts[j].is_word() && IsPlacePreposition(Lower(ts.Text(j)))))) {
    if (std::optional<SpeakerMention> head = HeadBeforeItsPreposition(text, ts, static_cast<size_t>(end))) {
      return head;
    }
  }
  // "The report, published on Thursday by the Care Inspectorate, said": a
  // document speaks for the author its appositive names.
  if (m && !appositive.empty() && m->kind == MentionKind::kOrganization && IsDocumentWord(Lower(ts.Text(end - 1)))) {
    for (size_t b = appositive_first; b + 1 < appositive_end; ++b) {
      if (ts.Text(b) != "by") continue;
      size_t author_end = 0;
      std::optional<SpeakerMention> author = ParseForward(text, ts, b + 1, &author_end);
      // ("The lawsuit, filed by a coalition of groups in March, alleged":
      // past a time adjunct after the author.)
      // (Or past where the authors come from: "signed by MPs from four
      // parties".)
      auto from_where = [&](size_t k) {
        if (k + 1 >= appositive_end || appositive_end - k > 6 || !ts[k].is_word()) return false;
        const std::string w = Lower(ts.Text(k));
        if (w != "from" && w != "of" && w != "in" && w != "at" && w != "across") return false;
        for (size_t t = k + 1; t < appositive_end; ++t) {
          if (!ts[t].is_word() || IsVerbAt(ts, t)) return false;
        }
        return true;
      };
      if (author && author->kind != MentionKind::kPronoun &&
          (author_end == appositive_end || SkipTimeAdjunct(ts, author_end) == appositive_end ||
           (author->kind != MentionKind::kName && from_where(author_end)))) {
        author->range = m->range;  // the words that speak stay the mention
        author->through = Lower(ts.Text(end - 1));
        return author;
      }
      break;
    }
  }
  // (A relative clause describes, it names no role: "Lind, who leads the
  // council, said".)
  if (m && !appositive.empty() && !relative_appositive && m->role.empty()) m->role = appositive;
  // ("Stagecoach, which operates the route, said": "which" describes a
  // thing, so a name it follows is an organisation's.)
  if (m && relative_appositive && m->kind == MentionKind::kName && absl::StartsWith(appositive, "which ") &&
      m->gender == 0 && GivenNameGender(m->name.substr(0, m->name.find(' '))) == 0) {
    m->kind = MentionKind::kOrganization;
  }
  // "The unions and the council said", "Britain, France(,) and Germany
  // said": coordinated subjects speak as one group, when the first opens
  // the clause (not "Ek thanked Berg and the ministry said").
  const bool joined_list = m && j >= 1 && ts.IsPunct(j, ',') && absl::StrContains(m->name, " and ");
  if (m && appositive.empty() && m->kind != MentionKind::kPronoun && j >= 1 &&
      ((ts[j].is_word() && Lower(ts.Text(j)) == "and") || joined_list)) {
    // The first token of a run of capitalised words (a name in a list)
    // ending at token `e`, or -1.
    auto name_run_start = [&ts](long e) -> long {
      long t = e;
      while (t >= 0 && e - t < 4 && ts[t].is_word() && ts.IsCapitalized(t) && !IsNonNameCapitalized(ts.Text(t)) &&
             !IsVerbAt(ts, t)) {
        --t;
      }
      if (t == e) return -1;
      if (t >= 0 && ts[t].is_word() && Lower(ts.Text(t)) == "the") --t;  // "the US, Britain and France"
      return t + 1;
    };
    long first = -1;  // the group's first token
    if (joined_list) {
      first = j + 1;  // "France and Germany" parsed as one: only earlier names join
    } else if (ts[j - 1].is_word()) {
      std::optional<SpeakerMention> left = ParseBackward(text, ts, j);
      // ("Prices rose after OPEC said it would cut output, and traders
      // said": conjuncts hold no verb of their own, or they are clauses.)
      bool verbless = left && left->kind != MentionKind::kPronoun;
      for (long t = ts.IndexEndingBefore(left ? left->range.end : 0); verbless && t >= 0 &&
                                                                      ts[t].start >= left->range.start;
           --t) {
        verbless = !IsVerbAt(ts, t);
      }
      if (verbless && ts.IndexEndingBefore(left->range.end) == j - 1) {
        first = ts.IndexEndingBefore(left->range.start) + 1;
      }
    } else if (j >= 2 && ts.IsPunct(j - 1, ',')) {
      first = name_run_start(j - 2);  // "France, and Germany"
    }
    auto opens_at = [&](long f) {
      const long before = f - 1;
      // ("A joint statement by the company and the agency said": the
      // document's authors open its subject.)
      const bool authors = before >= 1 && ts[before].is_word() && ts[before - 1].is_word() &&
                           (ts.Text(before) == "by" || ts.Text(before) == "from") &&
                           IsDocumentWord(Lower(ts.Text(before - 1)));
      return before < 0 || !ts[before].is_word() || Lower(ts.Text(before)) == "both" || authors;
    };
    // Earlier names in the list ("Britain, France and ..."), while the list
    // still opens the clause ("In Paris, France and Germany said" keeps two).
    while (first >= 2 && ts.IsPunct(first - 1, ',')) {
      const long earlier = name_run_start(first - 2);
      if (earlier < 0 || !opens_at(earlier)) break;
      first = earlier;
    }
    if (first >= 0 && opens_at(first) && !(joined_list && first == j + 1)) {
      SpeakerMention group = *m;
      group.kind = MentionKind::kOrganization;
      group.range.start = ts[first].start;
      if (IsDeterminer(ts.Text(first))) ++first;
      group.name = std::string(text.substr(ts[first].start, m->range.end - ts[first].start));
      group.role.clear();
      return group;
    }
  }
  return m;
}

// Extends a cue verb at token v with an addressee ("told reporters",
// "told Interfax news agency"). Returns the index after the cue.
size_t ExtendCue(const TokenStream& ts, size_t v) {
  size_t e = v + 1;
  if (ReportingVerbLemma(ts.Text(v)) != "tell") return e;
  static const auto* kAddressees = new absl::flat_hash_set<absl::string_view>{
      "reporters", "journalists", "lawmakers", "legislators", "citizens", "news", "agency",
      "media", "press", "parliament", "the", "a", "an", "state", "television", "radio",
      "broadcaster", "newspaper", "audience", "supporters", "students", "residents",
      "conference", "briefing", "meeting", "hearing", "committee", "rally", "crowd", "interviewer",
      "podcast", "magazine", "channel", "station", "delegates", "investors", "analysts", "senators",
      "programme", "program", "show", "his", "her", "their", "its", "him", "them", "us", "me"};
  // A number inside a name ("BBC Radio 4", "France 24", "Radio 4's Today
  // programme").
  auto numbered = [&ts, v](size_t k) {
    absl::string_view w = ts.Text(k);
    if (!absl::ConsumeSuffix(&w, "'s")) absl::ConsumeSuffix(&w, "\u2019s");
    auto digit = [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); };
    return k > v + 1 && ts.IsCapitalized(k - 1) && !w.empty() && w.size() <= 3 &&
           std::all_of(w.begin(), w.end(), digit);
  };
  // "told the unions": a determiner whose noun was not taken stays out;
  // one after a noun opens the clause ("told reporters the state was").
  static const auto* kDeterminers =
      new absl::flat_hash_set<absl::string_view>{"the", "a", "an", "his", "her", "their", "its"};
  while (e < ts.size() && e - v <= 6 && ts[e].is_word() &&
         (ts.IsCapitalized(e) || kAddressees->contains(ts.Text(e)) || numbered(e))) {
    // (A programme after a station's possessive may be a common word: "Radio
    // 4's Today programme".)
    const bool after_possessive = e > v + 1 && ts[e - 1].is_word() && EndsPossessive(ts.Text(e - 1));
    // ("told The Associated Press", "told The Guardian": a name's article.)
    const bool names_article = e == v + 1 && ts.Text(e) == "The" && e + 1 < ts.size() && ts[e + 1].is_word() &&
                               ts.IsCapitalized(e + 1) && !IsNonNameCapitalized(ts.Text(e + 1));
    if (ts.IsCapitalized(e) && IsNonNameCapitalized(ts.Text(e)) && !after_possessive && !names_article) break;
    if (e > v + 1 && kDeterminers->contains(ts.Text(e)) && !kDeterminers->contains(ts.Text(e - 1))) break;
    ++e;
  }
  // ("told her the victims had ...", "told her he was safe", "told her
  // that ...": "her" before a determiner, a subject pronoun or "that" is
  // the addressee, not a possessive.)
  auto object_her = [&ts](size_t k) {
    if (k + 1 >= ts.size() || ts.Text(k) != "her" || !ts[k + 1].is_word()) return false;
    const std::string next = Lower(ts.Text(k + 1));
    return kDeterminers->contains(next) || next == "he" || next == "she" || next == "they" || next == "we" ||
           next == "i" || next == "it" || next == "that";
  };
  while (e > v + 1 && kDeterminers->contains(ts.Text(e - 1)) && !object_her(e - 1)) --e;
  // "told the court the scheme had run", "told his wife he was safe": a
  // determiner and a noun the list lacks, then a clause's subject.
  if (e == v + 1 && e + 1 < ts.size() && kDeterminers->contains(ts.Text(e))) {
    size_t k = e + 1;
    while (k < ts.size() && k - e <= 2 && IsHeadModifier(ts, k)) ++k;
    if (k > e + 1 && k < ts.size() && ts[k].is_word()) {
      const absl::string_view next = ts.Text(k);
      const bool subject_follows = kDeterminers->contains(Lower(next)) ||
                                   (PronounKind(next) != 0 && Lower(next) != "him" && Lower(next) != "them") ||
                                   (ts.IsCapitalized(k) && !IsNonNameCapitalized(next));
      if (subject_follows) return k;
    }
  }
  // "told a news crew": a noun phrase the list ends inside of is no
  // addressee the cue can take.
  if (e > v + 1 && e < ts.size() && IsHeadModifier(ts, e)) {
    const absl::string_view last = ts.Text(e - 1);
    if (last == "news" || last == "state" || last == "press" || last == "television" || last == "radio") {
      return v + 1;
    }
  }
  return e;
}

// An attribution whose cue is a mark, not a verb: a colon after a label
// ("Anna Berg, mayor of X: “…”") or a dash before a signature.
Attribution MarkAttribution(SpeakerMention m, const Token& mark, const char* lemma, int rule) {
  Attribution a;
  a.speaker = std::move(m);
  a.cue = {mark.start, mark.end};
  a.cue_lemma = lemma;
  a.rule = rule;
  return a;
}

Attribution MakeAttribution(const TokenStream& ts, SpeakerMention m, size_t verb, int rule,
                            size_t* cue_end_out = nullptr) {
  Attribution a;
  a.speaker = std::move(m);
  const size_t cue_end = ExtendCue(ts, verb);
  if (cue_end_out != nullptr) *cue_end_out = cue_end;
  a.cue = {ts[verb].start, ts[cue_end - 1].end};
  a.cue_lemma = std::string(ReportingVerbLemma(Lower(ts.Text(verb))));
  a.rule = rule;
  return a;
}

// "according to SPEAKER" with "according" at token i.
std::optional<Attribution> AccordingTo(absl::string_view text, const TokenStream& ts, size_t i, int rule,
                                       size_t* mention_end = nullptr) {
  if (Lower(ts.Text(i)) != "according" || i + 2 >= ts.size() || ts.Text(i + 1) != "to") {
    return std::nullopt;
  }
  size_t end;
  size_t from = i + 2;
  // "according to a statement from the ministry": the document's author.
  size_t d = from;
  if (d < ts.size() && IsDeterminer(ts.Text(d))) ++d;
  // ("a quick count by ...", "preliminary official results from ...": past
  // the document's modifiers.)
  for (size_t m = d; m < ts.size() && m < d + 3 && ts[m].is_word() && !ts.IsCapitalized(m); ++m) {
    if (IsDocumentWord(Lower(ts.Text(m)))) {
      d = m;
      break;
    }
  }
  // ("a study of 90,000 adults": "of" names an author only when a name or
  // a body follows.)
  auto author_at = [&ts](size_t a) {
    if (a < ts.size() && ts.Text(a) == "the") ++a;
    return a < ts.size() && ts[a].is_word() && (ts.IsCapitalized(a) || IsOrganizationWord(ts.Text(a)));
  };
  if (d + 2 < ts.size() && IsDocumentWord(Lower(ts.Text(d))) &&
      (ts.Text(d + 1) == "from" || ts.Text(d + 1) == "by" || (ts.Text(d + 1) == "of" && author_at(d + 2)))) {
    from = d + 2;
  } else if (d + 3 < ts.size() && IsDocumentWord(Lower(ts.Text(d))) && ts[d + 1].is_word() &&
             absl::EndsWith(ts.Text(d + 1), "ed")) {
    // "figures published (on Monday) by the agency".
    for (size_t b = d + 2; b + 1 < ts.size() && b - d <= 6 && ts[b].is_word(); ++b) {
      if (ts.Text(b) == "by") {
        from = b + 1;
        break;
      }
    }
  }
  std::optional<SpeakerMention> m = ParseForward(text, ts, from, &end);
  if (!m) return std::nullopt;
  // "according to official figures": the title word was an adjective.
  if (m->kind == MentionKind::kTitle && end < ts.size() && ts[end].is_word() && IsDataWord(Lower(ts.Text(end)))) {
    return std::nullopt;
  }
  // "according to the finance minister, Ana Lima, ...": the name in
  // apposition, with the title as role.
  if (m->kind == MentionKind::kTitle && !m->indefinite) {
    size_t name_end = 0;
    if (std::optional<SpeakerMention> name = NameInApposition(text, ts, *m, end, &name_end);
        name && (name_end >= ts.size() || ts.IsPunct(name_end, ',') || ts.IsPunct(name_end, '.'))) {
      m = std::move(name);
      end = name_end;
    }
  }
  if (mention_end != nullptr) *mention_end = end;
  Attribution a;
  a.speaker = std::move(*m);
  a.cue = {ts[i].start, ts[i + 1].end};
  a.cue_lemma = "according to";
  a.rule = rule;
  return a;
}

}  // namespace

size_t SkipParenthesisForward(const TokenStream& ts, size_t i) {
  if (!ts.IsPunct(i, '(')) return i;
  for (size_t k = i + 1; k < ts.size() && k - i <= 8; ++k) {
    if (ts.IsPunct(k, ')')) return k + 1;
    if (ts.IsPunct(k, '(') || ts[k].kind == Token::Kind::kQuote) break;
  }
  return i;
}

// Figures that speak for whoever compiled them ("figures from the
// ministry"); with no compiler named ("official figures") they are the
// writer's source, not a speaker.
bool IsDataWord(absl::string_view w) {
  return w == "figures" || w == "data" || w == "statistics" || w == "estimates" || w == "records" ||
         w == "numbers" || w == "calculations" || w == "projections" || w == "results" || w == "count" ||
         w == "tally";
}

// Documents that speak for their authors ("a statement from the ministry").
bool IsDocumentWord(absl::string_view w) {
  static const auto* kDocuments = new absl::flat_hash_set<absl::string_view>{
      "statement", "report", "readout", "release", "transcript", "letter", "post", "document",
      "filing", "announcement", "memo", "communique", "communiqué", "notice", "study", "survey", "poll",
      "audit", "analysis", "assessment", "ruling", "indictment", "lawsuit", "review", "investigation"};
  return kDocuments->contains(w) || IsDataWord(w);
}

bool IsCueVerbAt(const TokenStream& ts, size_t i) { return IsVerbAt(ts, i); }

size_t SkipQuantity(const TokenStream& ts, size_t i) {
  auto word = [&ts](size_t k) { return k < ts.size() && ts[k].is_word() ? Lower(ts.Text(k)) : std::string(); };
  static const auto* approximate = new absl::flat_hash_set<absl::string_view>{
      "about", "around", "nearly", "almost", "some", "over", "roughly", "approximately", "only", "just"};
  static const auto* multitudes = new absl::flat_hash_set<absl::string_view>{
      "dozens", "hundreds", "thousands", "scores", "millions", "tens"};
  size_t j = i;
  const std::string first = word(j), second = word(j + 1);
  if (((first == "more" || first == "fewer" || first == "less") && second == "than") ||
      (first == "at" && (second == "least" || second == "most")) || (first == "up" && second == "to") ||
      (first == "an" && second == "estimated")) {
    j += 2;
  } else if (approximate->contains(first)) {
    ++j;
  }
  const std::string n = word(j);
  if (n.empty()) return i;
  // (A number alone: "38-year-old" and "1990s" describe.)
  const bool number = absl::ascii_isdigit(static_cast<unsigned char>(n[0])) &&
                      n.find_first_not_of("0123456789,.") == std::string::npos;
  if (number || IsQuantifier(n)) return j + 1;
  // "dozens of", "tens of thousands of".
  size_t k = j;
  while (multitudes->contains(word(k)) && word(k + 1) == "of") k += 2;
  return k > j ? k : i;
}

size_t SkipTimeAdjunct(const TokenStream& ts, size_t i) {
  size_t k = i;
  if (k < ts.size() && ts[k].is_word()) {
    const std::string w = Lower(ts.Text(k));
    if (w == "yesterday" || w == "today") return k + 1;
    if (w == "earlier" || w == "later") ++k;  // "earlier this week", "later on Monday"
    // "said Tuesday (night)": a weekday without "on", as US copy writes it.
    if (WeekdayIndex(ts.Text(k)) >= 0) {
      ++k;
      if (k < ts.size() && ts[k].is_word() && IsTimeAdjunctPart(ts.Text(k)) && WeekdayIndex(ts.Text(k)) < 0) ++k;
      return k;
    }
    // "two weeks ago", "a month ago".
    const std::string amount = Lower(ts.Text(k));
    if (k + 2 < ts.size() && ts[k + 1].is_word() && ts[k + 2].is_word() && Lower(ts.Text(k + 2)) == "ago" &&
        (amount == "a" || IsQuantifier(amount) || absl::ascii_isdigit(static_cast<unsigned char>(amount[0])))) {
      return k + 3;
    }
  }
  if (k >= ts.size() || !ts[k].is_word() || !IsTimeAdjunctOpener(Lower(ts.Text(k)))) return i;
  size_t e = k + 1;
  while (e < ts.size() && e - k <= 3 && ts[e].is_word() && IsTimeAdjunctPart(ts.Text(e))) ++e;
  return e == k + 1 ? i : e;
}

std::optional<SpeakerMention> ParseMentionAt(absl::string_view text, const TokenStream& ts, size_t i,
                                             size_t* end) {
  return ParseForward(text, ts, i, end);
}

std::optional<SpeakerMention> ParseMentionEndingAt(absl::string_view text, const TokenStream& ts, size_t verb) {
  return ParseBackward(text, ts, verb);
}

Attribution MakeCueAttribution(const TokenStream& ts, SpeakerMention mention, size_t verb, int rule,
                               size_t* cue_end) {
  return MakeAttribution(ts, std::move(mention), verb, rule, cue_end);
}

std::optional<Attribution> ParseAccordingTo(absl::string_view text, const TokenStream& ts, size_t i, int rule,
                                            size_t* mention_end) {
  return AccordingTo(text, ts, i, rule, mention_end);
}

namespace {

// The possessive ending `word` ends in ("'s", "’s", or an apostrophe
// alone after a plural), "" when none.
absl::string_view PossessiveEnding(absl::string_view word) {
  for (absl::string_view ending : {"'s", "\u2019s", "'", "\u2019"}) {
    if (absl::EndsWith(word, ending)) return ending;
  }
  return "";
}

// A name in the possessive ending at token `end` - 1, before a noun for
// what a person said ("Ek's message", "Ellis's comments"): true, and `m`
// loses its possessive ending.
bool PossessorOfWords(const TokenStream& ts, size_t end, SpeakerMention* m) {
  if (m->kind != MentionKind::kName || end == 0 || end >= ts.size() || !ts[end].is_word() ||
      !EndsPossessive(ts.Text(end - 1)) || !IsWordsNoun(Lower(ts.Text(end)))) {
    return false;
  }
  m->range.end = ts[end - 1].end;
  m->name.resize(m->name.size() - PossessiveEnding(m->name).size());
  return true;
}

// Nouns for a business's figures ("shares", "profits", "sales").
bool IsFiguresNoun(absl::string_view lower) {
  static const auto* kFigures = new absl::flat_hash_set<absl::string_view>{
      "shares", "share", "stock", "profit", "profits", "revenue", "revenues", "sales", "results", "earnings",
      "losses", "debt", "bonds", "valuation", "customers", "shareholders"};
  return kFigures->contains(lower);
}

// A person's name in the possessive ending at token `end` - 1, before a
// thing of theirs in lower case ("Mahon's last show", "Lund's campaign"),
// not a role, a body, a group or a business's figures (someone or
// something else): true, and `m` loses its possessive ending. The name is
// of two words or more opening with a given name, or a single word.
bool PossessorOfAThing(const TokenStream& ts, size_t end, SpeakerMention* m) {
  if (m->kind != MentionKind::kName || end == 0 || !EndsPossessive(ts.Text(end - 1))) return false;
  const size_t space = m->name.find(' ');
  if (space != std::string::npos && GivenNameGender(absl::string_view(m->name).substr(0, space)) == 0) return false;
  size_t k = end;
  while (k < ts.size() && k - end < 3 && ts[k].is_word() && !ts.IsCapitalized(k) && !IsVerbAt(ts, k)) {
    const absl::string_view w = ts.Stem(k);
    if (IsTitleWord(w) || IsOrganizationWord(w) || IsPluralTitleWord(w) || IsFiguresNoun(Lower(ts.Text(k)))) {
      return false;
    }
    ++k;
  }
  if (k == end) return false;
  // (The range is the name's alone, which NarratedPerson() checks.)
  if (const absl::string_view ending = PossessiveEnding(ts.Text(end - 1)); !ending.empty()) {
    m->range.end = ts[end - 1].end - static_cast<uint32_t>(ending.size());
    if (absl::EndsWith(m->name, ending)) m->name.resize(m->name.size() - ending.size());
  }
  return true;
}

// "Shares of Acme Holdings fell", "Profits at Veltra halved": the figures
// opening the sentence, then the business after "of", "in" or "at".
std::optional<SpeakerMention> BusinessAfterItsFigures(absl::string_view text, const TokenStream& ts, size_t first) {
  if (first + 2 >= ts.size() || !ts[first].is_word() || !IsFiguresNoun(Lower(ts.Text(first))) ||
      !ts[first + 1].is_word() ||
      !(ts.Text(first + 1) == "of" || ts.Text(first + 1) == "in" || ts.Text(first + 1) == "at")) {
    return std::nullopt;
  }
  size_t e = first + 2;
  while (e < ts.size() && e - first - 2 < 4 && ts[e].is_word() && ts.IsCapitalized(e) &&
         !IsNonNameCapitalized(ts.Text(e))) {
    ++e;
  }
  if (e == first + 2 || e >= ts.size() || !ts[e].is_word() || ts.IsCapitalized(e) ||
      GivenNameGender(ts.Text(first + 2)) != 0) {
    return std::nullopt;
  }
  SpeakerMention m;
  m.kind = MentionKind::kOrganization;
  m.name = std::string(text.substr(ts[first + 2].start, ts[e - 1].end - ts[first + 2].start));
  m.range = {ts[first + 2].start, ts[e - 1].end};
  return m;
}

// "Veltra's shares fell 8% after it said ...", "The company's profits
// halved": the business whose shares or results open the sentence, which
// "it" may then mean (a possessive subject parses as no mention).
std::optional<SpeakerMention> BusinessWhoseFiguresNarrationGives(absl::string_view text, const TokenStream& ts,
                                                                size_t first) {
  size_t p = first < ts.size() && ts[first].is_word() && IsArticle(ts.Text(first)) ? first + 1 : first;
  const size_t name_start = p;
  while (p < ts.size() && p - name_start < 3 && ts[p].is_word() && !EndsPossessive(ts.Text(p)) &&
         ts.IsCapitalized(p)) {
    ++p;
  }
  if (p + 1 >= ts.size() || !ts[p].is_word() || !EndsPossessive(ts.Text(p)) || !ts[p + 1].is_word() ||
      !IsFiguresNoun(Lower(ts.Text(p + 1)))) {
    return std::nullopt;
  }
  const absl::string_view last = ts.Stem(p);
  // A business by name ("Veltra's", "Brenner Motors'") or by kind ("The
  // company's").
  const bool named = ts.IsCapitalized(name_start) && !IsNonNameCapitalized(ts.Text(name_start)) &&
                     GivenNameGender(ts.Text(name_start)) == 0;
  if (!named && !(name_start == p && IsOrganizationWord(last))) return std::nullopt;
  SpeakerMention m;
  m.kind = MentionKind::kOrganization;
  m.name = std::string(text.substr(ts[name_start].start, ts[p].start + last.size() - ts[name_start].start));
  m.range = {ts[first].start, ts[p].end};
  return m;
}

}  // namespace

std::optional<SpeakerMention> NarrativeSubject(absl::string_view text, TextRange sentence) {
  // The subject sits in the sentence's first words: tokenise only those.
  uint32_t head_end = std::min(sentence.end, sentence.start + 160);
  while (head_end < sentence.end && text[head_end] != ' ') ++head_end;
  TokenStream ts(text, {sentence.start, head_end});
  // "OSLO, Oct 22 (Wire) - Halden Foods cut ...": past a dateline.
  size_t first = 0;
  const uint32_t body = AfterDateline(text, sentence.start, head_end);
  while (first < ts.size() && ts[first].start < body) ++first;
  if (ts.size() < first + 3 || !ts[first].is_word()) return std::nullopt;  // a quotation or punctuation first
  if (IsParentheticalStart(Lower(ts.Text(first)))) {
    // "On Monday, Dahl visited ...": past an introductory phrase.
    while (first < ts.size() && first < 12 && !ts.IsPunct(first, ',')) ++first;
    if (first >= ts.size() || !ts.IsPunct(first, ',')) return std::nullopt;
    ++first;
  } else if (!ts.IsCapitalized(first + 1) && ts[first + 1].is_word() && !IsVerbAt(ts, first + 1) &&
             PronounKind(ts.Text(first)) == 0 && !IsDeterminer(ts.Text(first)) &&
             !IsPossessorBeforeRole(Lower(ts.Text(first))) && !EndsPossessive(ts.Text(first))) {
    // "Every spring for forty years, Ivo Brdar has driven ...": a phrase
    // of lower-case words up to a comma, then a person's name.
    // (Not a clause: "Streamflix will cut 1,200 jobs, its chief executive
    // wrote" opens with its subject and a verb.)
    size_t comma = first + 1;
    while (comma < ts.size() && comma - first < 10 && ts[comma].is_word() && !ts.IsCapitalized(comma) &&
           !IsVerbAt(ts, comma) && !IsAuxiliary(Lower(ts.Text(comma)))) {
      ++comma;
    }
    size_t name_end = 0;
    if (comma + 1 < ts.size() && ts.IsPunct(comma, ',')) {
      if (std::optional<SpeakerMention> named = ParseForward(text, ts, comma + 1, &name_end);
          named && named->kind == MentionKind::kName && name_end < ts.size() && ts[name_end].is_word() &&
          !ts.IsCapitalized(name_end)) {
        first = comma + 1;
      }
    }
  }
  // "The party's lead negotiator, Per Dahl, struck ...": a role, then the
  // name in apposition.
  size_t comma = first;
  bool role = false;
  while (comma < ts.size() && comma - first < 10 && ts[comma].is_word()) {
    role |= IsTitleWord(ts.Stem(comma)) || IsPluralTitleWord(ts.Stem(comma));
    ++comma;
  }
  // ("Her rival, Karl Dahl, disagreed": a possessor makes a role of any
  // noun.)
  if (comma > first + 1 && ts[first].is_word()) {
    const std::string opener = Lower(ts.Text(first));
    role |= opener == "his" || opener == "her" || opener == "their" || opener == "its" ||
            EndsPossessive(ts.Text(first));
  }
  size_t end = 0;
  std::optional<SpeakerMention> m;
  if (role && comma < ts.size() && ts.IsPunct(comma, ',')) {
    m = ParseForward(text, ts, comma + 1, &end);
    if (m && m->kind == MentionKind::kName && end < ts.size() && ts.IsPunct(end, ',')) {
      ++end;
    } else {
      m.reset();  // "Inspector Ana Lima, who leads the inquiry, ...": the name came first
    }
  }
  // "The doctors' union, the Medical Staff Association, confirmed ...": an
  // organisation's kind, then its name in apposition; the kind is its role,
  // so "the union" later can mean it.
  if (!m && comma > first + 1 && comma + 2 < ts.size() && ts.IsPunct(comma, ',') && IsArticle(ts.Text(first)) &&
      IsOrganizationWord(ts.Stem(comma - 1)) && !IsTitleWord(ts.Stem(comma - 1))) {
    std::optional<SpeakerMention> named = ParseForward(text, ts, comma + 1, &end);
    if (named && named->kind == MentionKind::kOrganization && end < ts.size() && ts.IsPunct(end, ',')) {
      const size_t name_start = IsArticle(ts.Text(comma + 1)) ? comma + 2 : comma + 1;
      if (name_start < end && ts.IsCapitalized(name_start)) {
        named->role = std::string(text.substr(ts[first + 1].start, ts[comma - 1].end - ts[first + 1].start));
        m = std::move(named);
        ++end;
      }
    }
  }
  if (!m) {
    if (std::optional<SpeakerMention> business = BusinessAfterItsFigures(text, ts, first)) return business;
    m = ParseForward(text, ts, first, &end);
    if (!m) return BusinessWhoseFiguresNarrationGives(text, ts, first);
    if (end >= ts.size()) return std::nullopt;
    // ("Ellis's comments came as talks broke down. He said": the one whose
    // words narration speaks of.)
    if (PossessorOfWords(ts, end, &*m)) {
      ++end;
    } else if (EndsPossessive(ts.Text(end - 1))) {
      // "Sri Lanka's newly elected President Anura Dissanayake was sworn
      // in": the person the possessor's role belongs to.
      size_t person_end = 0;
      if (std::optional<SpeakerMention> person = ParseForward(text, ts, end, &person_end);
          person && person->kind == MentionKind::kName && !person->role.empty() && person_end < ts.size()) {
        m = std::move(person);
        end = person_end;
      } else if (std::optional<SpeakerMention> business = BusinessWhoseFiguresNarrationGives(text, ts, first)) {
        return business;
      } else if (PossessorOfAThing(ts, end, &*m)) {
        // "Mahon's last show went out in March. ... he wrote": a person
        // whose belongings the narration speaks of.
      } else {
        return std::nullopt;
      }
    }
    // "Inspector Ana Lima, who leads the inquiry, appealed ...": past an
    // appositive between commas.
    if (m->kind == MentionKind::kName) end = PastAppositive(ts, end);
  }
  // ("The minister thanked Ana Lima. “…,” he said": a definite title is
  // someone narration is about too.)
  // So is an organisation with a name of its own ("Skyway Airlines
  // cancelled ... The carrier said").
  // (And a state body a country's possessive names: "Ostrava's defence
  // ministry rejected the accusation ... the ministry said"; not "Dahl's
  // office".)
  auto possessed_body = [&m] {
    static const auto* kStateBodies = new absl::flat_hash_set<absl::string_view>{
        "ministry", "government", "army", "military", "navy", "force", "police", "embassy", "parliament",
        "cabinet", "presidency"};
    return m->name.find(' ') != std::string::npos && kStateBodies->contains(absl::AsciiStrToLower(LastWord(m->name)));
  };
  // (And a group by its kind: "The unions walked out ... They said".)
  auto group = [&m] { return !m->indefinite && !HoldsPossessive(m->name) && IsPluralTitleWord(LastWord(m->name)); };
  const bool person = m->kind == MentionKind::kName || (m->kind == MentionKind::kTitle && !m->indefinite) ||
                      (m->kind == MentionKind::kOrganization && !m->name.empty() &&
                       ((absl::ascii_isupper(static_cast<unsigned char>(m->name[0])) &&
                         (!HoldsPossessive(m->name) || possessed_body())) ||
                        group()));
  if (!person || end >= ts.size() || !ts[end].is_word() || ts.IsCapitalized(end) || EndsPossessive(ts.Text(end))) {
    return std::nullopt;
  }
  return m;
}

std::optional<Attribution> WordsNamedAfter(absl::string_view text, TextRange sentence) {
  TokenStream ts(text, {sentence.start, std::min(sentence.end, sentence.start + 200)});
  size_t k = 0;
  auto word = [&ts](size_t i) { return i < ts.size() && ts[i].is_word() ? Lower(ts.Text(i)) : std::string(); };
  const std::string demonstrative = word(k++);
  if (demonstrative != "that" && demonstrative != "this" && demonstrative != "such") return std::nullopt;
  const std::string be = word(k++);
  if (be != "was" || word(k++) != "the") return std::nullopt;
  // "That was the blunt message from ...": up to three modifiers.
  while (k < ts.size() && k < 6 && !IsWordsNoun(word(k)) && ts[k].is_word() && !ts.IsCapitalized(k)) ++k;
  if (!IsWordsNoun(word(k))) return std::nullopt;
  const std::string prep = word(k + 1);
  if (prep != "of" && prep != "from") return std::nullopt;
  size_t end = 0;
  std::optional<SpeakerMention> m = ParseMentionAt(text, ts, k + 2, &end);
  if (!m || m->kind == MentionKind::kPronoun) return std::nullopt;
  // ("the union leader, Karl Dahl": the name in apposition.)
  size_t name_end = 0;
  if (m->kind == MentionKind::kTitle) {
    if (std::optional<SpeakerMention> named = NameInApposition(text, ts, *m, end, &name_end)) m = std::move(named);
  }
  Attribution a;
  a.speaker = *std::move(m);
  a.cue = {ts[0].start, ts[k + 1].end};
  a.cue_lemma = "say";
  a.rule = 4;
  return a;
}

size_t AppositiveEnd(const TokenStream& ts, size_t comma) {
  if (comma + 1 >= ts.size() || !ts.IsPunct(comma, ',')) return comma;
  size_t j = comma + 1;
  while (j < ts.size() && j - comma <= 12 && (ts[j].is_word() || ts.IsPunct(j, '-')) && !IsVerbAt(ts, j)) ++j;
  if (j == comma + 1) return comma;
  return j >= ts.size() || ts.IsPunct(j, '.') || ts.IsPunct(j, ',') ? j : comma;
}

std::string AppositiveRole(absl::string_view text, const TokenStream& ts, size_t comma, size_t end) {
  const size_t from = AppositiveRoleStart(ts, comma, end);
  return std::string(text.substr(ts[from].start, ts[end - 1].end - ts[from].start));
}

std::vector<SpeakerMention> NamedPeople(absl::string_view text, TextRange sentence) {
  std::vector<SpeakerMention> out;
  TokenStream ts(text, sentence);
  bool quoted = false;
  for (size_t k = 0; k < ts.size(); ++k) {
    if (ts[k].kind == Token::Kind::kQuote) quoted = !quoted;
    if (quoted || !IsNameWordAt(ts, k) || GivenNameGender(ts.Text(k)) == 0) continue;
    size_t e = k + 1;
    while (e < ts.size() && e - k < 5 && IsNameWordAt(ts, e)) ++e;
    if (!IsPersonNameRun(ts, k, e)) continue;
    if (std::optional<SpeakerMention> m = BuildMention(text, ts, k, e); m && m->kind == MentionKind::kName) {
      out.push_back(*std::move(m));
    }
    k = e - 1;
  }
  return out;
}

std::optional<SpeakerMention> ParseMentionBefore(absl::string_view text, TextRange limit,
                                                 uint32_t end_pos) {
  TokenStream ts(text, {limit.start, end_pos});
  if (ts.size() == 0) return std::nullopt;
  // ParseBackward takes the index of the cue verb: here, one past the range.
  return ParseBackward(text, ts, ts.size());
}

namespace {

// "…,” said its head of travel, Nadia Rahman." or "said the group's head
// of travel, Nadia Rahman": after a possessor, a role (which may run on in
// lower-case words past what ParseForward reads), then the name in
// apposition closing the sentence or a clause. The name, with the role.
std::optional<SpeakerMention> RoleThenNameAfterCue(absl::string_view text, const TokenStream& ts, size_t i) {
  if (i >= ts.size() || !ts[i].is_word()) return std::nullopt;
  const bool possessor = IsPossessorBeforeRole(Lower(ts.Text(i)));
  const size_t from = possessor ? i + 1 : i;
  size_t end = 0;
  std::optional<SpeakerMention> role = ParseForward(text, ts, from, &end);
  if (!role || role->kind != MentionKind::kTitle) return std::nullopt;
  // ("said the minister, Ek," is read as before.)
  if (!possessor && !HoldsPossessive(role->name)) return std::nullopt;
  size_t comma = end;
  while (comma < ts.size() && comma - end < 5 && ts[comma].is_word() && !ts.IsCapitalized(comma)) ++comma;
  size_t name_end = 0;
  std::optional<SpeakerMention> name = NameInApposition(text, ts, *role, comma, &name_end);
  if (!name || (name_end < ts.size() && !ts.IsPunct(name_end, '.') && !ts.IsPunct(name_end, ','))) {
    return std::nullopt;
  }
  const size_t role_start = IsArticle(ts.Text(from)) && from + 1 < comma ? from + 1 : from;
  name->role = std::string(text.substr(ts[role_start].start, ts[comma - 1].end - ts[role_start].start));
  return name;
}

// "Anna Berg, mayor of Eastholme: “…”", "- Council leader Mia Dahl: “…”":
// a reaction set out as a label (a speaker, perhaps a bullet before it and
// a description after a comma) and a colon, then the quotation. The colon
// is the cue. A single capitalised word is no label ("Update: “…”").
std::optional<Attribution> SpeakerLabel(absl::string_view text, const TokenStream& before) {
  const size_t n = before.size();
  if (n < 3 || !before.IsPunct(n - 1, ':')) return std::nullopt;
  size_t s = 0;
  while (s < n && !before[s].is_word() && before[s].kind != Token::Kind::kQuote && !before.IsPunct(s, ':')) ++s;
  if (s > 2) return std::nullopt;  // a bullet is a mark or two
  size_t end = 0;
  std::optional<SpeakerMention> m = ParseForward(text, before, s, &end);
  if (!m || m->kind == MentionKind::kPronoun || end >= n) return std::nullopt;
  if (m->kind == MentionKind::kName && m->name.find(' ') == std::string::npos && m->role.empty()) return std::nullopt;
  if (end != n - 1) {
    // A description after a comma: words only, no verb.
    if (!before.IsPunct(end, ',') || n - 1 - end > 12) return std::nullopt;
    for (size_t k = end + 1; k + 1 < n; ++k) {
      if (!before[k].is_word() || IsVerbAt(before, k)) return std::nullopt;
    }
    if (m->role.empty()) m->role = AppositiveRole(text, before, end, n - 1);
  }
  return MarkAttribution(*std::move(m), before[n - 1], ":", 3);
}

// Rule 3: "SPEAKER CUE [that] [:,]" just before the opening mark; `before`
// holds the sentence's tokens up to it.
std::optional<Attribution> CueBeforeQuote(absl::string_view text, const TokenStream& before) {
  if (before.size() == 0) return std::nullopt;
  long k = static_cast<long>(before.size()) - 1;
  while (k >= 0 && (before.IsPunct(k, ':') || before.IsPunct(k, ','))) --k;
  if (k >= 0 && before.Text(k) == "that") --k;
  // "said only:", "said simply:": an adverb between the cue and its colon.
  if (k >= 1 && before[k].is_word() && IsVerbAt(before, k - 1) && IsMannerAdverb(Lower(before.Text(k)))) --k;
  while (k >= 0 && before[k].is_word() && IsAuxiliary(before.Text(k))) --k;
  if (k >= 0 && IsVerbAt(before, k)) {
    if (auto m = ParseBackward(text, before, k)) return MakeAttribution(before, *m, k, 3);
  }
  // "As Lima put it, “…”": the idiom is the cue.
  if (k >= 2 && before[k].is_word() && Lower(before.Text(k)) == "it" &&
      (Lower(before.Text(k - 1)) == "put" || Lower(before.Text(k - 1)) == "puts")) {
    if (auto m = ParseBackward(text, before, k - 1)) {
      Attribution a = MakeAttribution(before, *m, k - 1, 3);
      a.cue = {before[k - 1].start, before[k].end};
      a.cue_lemma = "put";
      return a;
    }
  }
  // "In the words of one trader, “…”": the source follows the phrase.
  for (long w = 0; w + 3 < static_cast<long>(before.size()) && w <= 3; ++w) {
    if (Lower(before.Text(w)) != "words" || Lower(before.Text(w + 1)) != "of") continue;
    size_t end;
    if (auto m = ParseForward(text, before, w + 2, &end); m && end < before.size() && before.IsPunct(end, ',')) {
      Attribution a;
      a.speaker = std::move(*m);
      a.cue = {before[0].start, before[w + 1].end};
      a.cue_lemma = "in the words of";
      a.rule = 3;
      return a;
    }
  }
  // "told the Tidewater Gazette: “…”": the addressee stands between;
  // "said in a statement: “…”", "said on Monday: “…”": an adjunct does.
  for (long v = k - 1; v >= 0 && k - v <= 6; --v) {
    if (!IsVerbAt(before, v)) continue;
    // ("told supporters in Malmby: “…”": the addressee, then an adjunct.)
    const size_t cue_end = ExtendCue(before, v);
    const bool addressee = cue_end == static_cast<size_t>(k) + 1 ||
                           (cue_end > static_cast<size_t>(v) + 1 && cue_end <= static_cast<size_t>(k) &&
                            before[cue_end].is_word() && IsParentheticalStart(Lower(before.Text(cue_end))));
    // ("said of the talks: “…”": what the words are about.)
    const absl::string_view lemma = ReportingVerbLemma(Lower(before.Text(v)));
    const bool adjunct =
        before[v + 1].is_word() && (IsParentheticalStart(Lower(before.Text(v + 1))) ||
                                    (Lower(before.Text(v + 1)) == "of" && (lemma == "say" || lemma == "write")));
    if (addressee || adjunct) {
      if (auto m = ParseBackward(text, before, v)) return MakeAttribution(before, *m, v, 3);
    }
    break;
  }
  return SpeakerLabel(text, before);
}

}  // namespace

std::optional<Attribution> HeadlineAttribution(absl::string_view text, const QuoteSpan& quote, TextRange headline) {
  if (quote.open_mark < headline.start || quote.close_end > headline.end) return std::nullopt;
  // A headline's cue: a reporting verb in the present tense, in any case
  // ("Warns", "says").
  auto cue_at = [](const TokenStream& ts, size_t k, std::string* lemma) {
    if (k >= ts.size() || !ts[k].is_word()) return false;
    const std::string w = Lower(ts.Text(k));
    if (w.size() < 4 || w.back() != 's') return false;
    *lemma = std::string(ReportingVerbLemma(w));
    return !lemma->empty();
  };
  auto attribution = [&text](const TokenStream& ts, size_t from, size_t verb, size_t cue_end, std::string lemma,
                             int rule) -> std::optional<Attribution> {
    if (from >= verb) return std::nullopt;
    std::optional<SpeakerMention> m = BuildMention(text, ts, from, verb);
    if (!m || m->kind == MentionKind::kPronoun) return std::nullopt;
    Attribution a;
    a.speaker = std::move(*m);
    a.cue = {ts[verb].start, ts[cue_end - 1].end};
    a.cue_lemma = std::move(lemma);
    a.rule = rule;
    return a;
  };
  std::string lemma;
  // "‘We Will Not Back Down’: Minister Vows to Fight On".
  TokenStream after(text, {quote.close_end, headline.end});
  if (text.substr(headline.start, quote.open_mark - headline.start).find_first_not_of(' ') == absl::string_view::npos &&
      after.size() > 2 && after.IsPunct(0, ':')) {
    for (size_t k = 2; k < after.size() && k <= 6 && after[k].is_word(); ++k) {
      if (cue_at(after, k, &lemma)) return attribution(after, 1, k, k + 1, lemma, 1);
    }
    return std::nullopt;
  }
  // "Moscow Warns of ‘Retaliatory Measures’".
  TokenStream before(text, {headline.start, quote.open_mark});
  // "Lanz: ‘We will not be intimidated’", "Anna Berg: ‘…’": a name as the
  // quotation's label (a single word is checked against the body by the
  // caller).
  if (before.size() >= 2 && before.size() <= 4 && before.IsPunct(before.size() - 1, ':')) {
    const size_t end = before.size() - 1;
    bool names = true;
    for (size_t t = 0; t < end && names; ++t) names = IsNameWordAt(before, t) && !IsNonNameCapitalized(before.Text(t));
    if (names && (end == 1 || IsPersonNameRun(before, 0, end))) {
      std::optional<SpeakerMention> m = BuildMention(text, before, 0, end);
      if (m && m->kind == MentionKind::kName) return MarkAttribution(*std::move(m), before[end], ":", 1);
    }
  }
  long k = static_cast<long>(before.size()) - 1;
  while (k >= 0 && (before.IsPunct(k, ':') || before.IsPunct(k, ','))) --k;
  long cue_end = k + 1;
  if (k >= 1 && before[k].is_word()) {
    const std::string w = Lower(before.Text(k));
    if (w == "of" || w == "on" || w == "over" || w == "about" || w == "that") --k;
  }
  // ("Zelensky Says Kursk Operation ‘Going to Plan’": the cue may stand a
  // few words before, its clause holding the quotation.)
  // (Not a noun in the same form: after a possessive, "Russia's Demands",
  // or before a verb, "AI Rules Will ‘Crush’ Startups".)
  for (long v = k; v >= 1 && k - v <= 5 && before[v].is_word(); --v) {
    if (!cue_at(before, v, &lemma)) continue;
    const std::string next = v + 1 < static_cast<long>(before.size()) && before[v + 1].is_word()
                                 ? Lower(before.Text(v + 1))
                                 : std::string();
    if (EndsPossessive(before.Text(v - 1)) || IsFiniteAuxiliary(next)) continue;
    if (v < k) cue_end = v + 1;
    k = v;
    break;
  }
  if (k < 1 || !cue_at(before, k, &lemma)) return std::nullopt;
  // The speaker: the words before the cue, back to a word that opens a
  // clause ("After Moscow Warns of"); in a headline in sentence case they
  // may be lower case ("Tech founder says").
  long s = k;
  while (s > 0 && k - s < 4 && before[s - 1].is_word() && !IsNonNameCapitalized(before.Text(s - 1)) &&
         !IsVerbAt(before, s - 1)) {
    --s;
  }
  return attribution(before, s, k, cue_end, lemma, 3);
}

// "one docker", "a retired welder", "another regular": someone the
// lexicon has no noun for, introduced indefinitely, as the speaker right
// beside a quotation's cue ("…,” one docker said", "…,” said a welder").
// The determiner at token i, then one or two lower-case words that are no
// verb; on success `*end` is the index after them.
std::optional<SpeakerMention> IndefiniteSomeone(absl::string_view text, const TokenStream& ts, size_t i,
                                                size_t* end) {
  if (i + 1 >= ts.size() || !ts[i].is_word()) return std::nullopt;
  const std::string det = Lower(ts.Text(i));
  if (det != "a" && det != "an" && det != "one" && det != "another") return std::nullopt;
  size_t j = i + 1;
  while (j < ts.size() && j - i <= 2 && ts[j].is_word() && !ts.IsCapitalized(j) && !IsVerbAt(ts, j) &&
         !IsAuxiliary(Lower(ts.Text(j))) && PronounKind(ts.Text(j)) == 0 && !IsNonNameCapitalized(ts.Text(j))) {
    ++j;
  }
  if (j == i + 1) return std::nullopt;
  SpeakerMention m;
  m.kind = MentionKind::kTitle;
  m.indefinite = true;
  m.range = {ts[i].start, ts[j - 1].end};
  m.name = std::string(text.substr(ts[i + 1].start, ts[j - 1].end - ts[i + 1].start));
  m.role = m.name;
  m.gender = WordGender(ts.Stem(j - 1));
  *end = j;
  return m;
}

std::optional<Attribution> AttributeQuote(absl::string_view text, const QuoteSpan& quote,
                                          TextRange sentence, TextRange para) {
  // Attributions sit near their quotation. Bounding the window keeps the
  // work per quotation constant even in a run-on "sentence" of megabytes.
  if (quote.open_mark > sentence.start + kAttributionWindow) {
    uint32_t start = quote.open_mark - kAttributionWindow;
    while (start < quote.open_mark && text[start] != ' ') ++start;
    sentence.start = start;
  }
  uint32_t sentence_end = std::max(sentence.end, quote.close_end);
  if (sentence_end > quote.close_end + kAttributionWindow) {
    uint32_t end = quote.close_end + kAttributionWindow;
    while (end > quote.close_end && text[end] != ' ') --end;
    sentence_end = end;
  }
  TokenStream before(text, {sentence.start, quote.open_mark});
  // Rules 1 and 2: after the closing mark.
  if (quote.close_end <= para.end) {
    TokenStream after(text, {quote.close_end, std::max(sentence_end, quote.close_end)});
    size_t i = 0;
    long dash = -1;
    while (i < after.size() && (after.IsPunct(i, ',') || after.IsPunct(i, '-'))) {
      if (after.IsPunct(i, '-')) dash = static_cast<long>(i);
      ++i;
    }
    // "“…” - that was the message from the coach": the words named after a
    // dash.
    if (dash >= 0 && i < after.size() && after[i].is_word()) {
      if (std::optional<Attribution> named = WordsNamedAfter(text, {after[i].start, after[after.size() - 1].end})) {
        return named;
      }
    }
    // A pull quote signed with a dash: "“…” — Priya, 34, nurse, Leeds" (a
    // name, then only its description to the end of the paragraph).
    if (dash >= 0 && i < after.size() && quote.open_mark == para.start) {
      size_t end;
      std::optional<SpeakerMention> m = ParseForward(text, after, i, &end);
      bool signature = m && m->kind == MentionKind::kName;
      for (size_t k = end; signature && k < after.size(); ++k) signature = !IsVerbAt(after, k);
      if (signature && after[after.size() - 1].end <= para.end) {
        return MarkAttribution(*std::move(m), after[dash], "-", 2);
      }
    }
    if (i < after.size() && after[i].is_word()) {
      // Rule 2 is the inversion "…,” said Doe": a finite verb. "…”, saying
      // that …" continues the sentence's own subject instead.
      const bool gerund = IsGerundForm(after.Text(i));
      if (IsVerbAt(after, i) && gerund) {
        // Leave it to rule 4.
      } else if (IsVerbAt(after, i)) {
        if (std::optional<SpeakerMention> named = RoleThenNameAfterCue(text, after, i + 1)) {
          return MakeAttribution(after, *named, i, 2);
        }
        size_t end;
        if (auto m = ParseForward(text, after, i + 1, &end)) {
          // "…,” said the study's lead author, Dr. Ana Lima.": a role, then
          // the name in apposition, closing the sentence or a clause.
          size_t name_end;
          if (std::optional<SpeakerMention> name = NameInApposition(text, after, *m, end, &name_end);
              m->kind == MentionKind::kTitle && name &&
              (name_end >= after.size() || after.IsPunct(name_end, '.') || after.IsPunct(name_end, ','))) {
            return MakeAttribution(after, *name, i, 2);
          }
          // "…,” said Jane Doe, a vice president at Acme.": the appositive
          // closing the sentence is her role.
          // (Or before a relative clause: "..., a lawyer with Earthjustice,
          // which brought the case.")
          auto relative_at = [&after](size_t k) {
            return k < after.size() && after[k].is_word() && IsRelativePronoun(Lower(after.Text(k)));
          };
          if (const size_t last = AppositiveEnd(after, end);
              m->kind == MentionKind::kName && m->role.empty() && last > end &&
              (last >= after.size() || after.IsPunct(last, '.') || relative_at(last + 1))) {
            // (Not a relative clause, nor an age: "Irene Walsh, 72.")
            if (!relative_at(end + 1) && !absl::ascii_isdigit(static_cast<unsigned char>(after.Text(end + 1)[0]))) {
              m->role = AppositiveRole(text, after, end, last);
            }
          }
          return MakeAttribution(after, *m, i, 2);
        }
        if (auto m = IndefiniteSomeone(text, after, i + 1, &end);
            m && (end >= after.size() || after.IsPunct(end, '.') || after.IsPunct(end, ','))) {
          return MakeAttribution(after, *m, i, 2);
        }
      } else if (auto a = AccordingTo(text, after, i, 2)) {
        // ("X told Y that “…”, according to a readout": the source is the
        // writer's; the speaker is the cue's before the quotation.)
        if (auto cued = CueBeforeQuote(text, before)) return cued;
        return a;
      } else {
        // "its chairman, Nils Ek, said": a possessive role, then the name
        // in apposition.
        const size_t from = IsPossessorBeforeRole(Lower(after.Text(i))) ? i + 1 : i;
        size_t end;
        if (auto m = ParseForward(text, after, from, &end)) {
          end = SkipParenthesisForward(after, end);
          while (end < after.size() && after[end].is_word() && IsAuxiliary(after.Text(end))) ++end;
          if (IsVerbAt(after, end)) return MakeAttribution(after, *m, end, 1);
          // "…,” the crowd roared.": a speaker and a past verb the lexicon
          // lacks, closing the sentence, are the quotation's too.
          if (end < after.size() && after[end].is_word() && !after.IsCapitalized(end) &&
              LooksPastTense(after.Text(end)) &&
              (end + 1 >= after.size() || after.IsPunct(end + 1, '.')) && m->kind != MentionKind::kOrganization) {
            Attribution a = MakeAttribution(after, *m, end, 1);
            a.cue_lemma = std::string(after.Text(end));
            return a;
          }
          // "…,” she went on.": going on speaking.
          if (end + 1 < after.size() && after[end].is_word() &&
              (after.Text(end) == "went" || after.Text(end) == "goes") && after.Text(end + 1) == "on" &&
              (end + 2 >= after.size() || after.IsPunct(end + 2, '.') || after.IsPunct(end + 2, ','))) {
            Attribution a = MakeAttribution(after, *m, end, 1);
            a.cue = {after[end].start, after[end + 1].end};
            a.cue_lemma = "go on";
            return a;
          }
          size_t name_end;
          if (std::optional<SpeakerMention> name = NameInApposition(text, after, *m, end, &name_end);
              m->kind != MentionKind::kName && name && name_end + 1 < after.size() && after.IsPunct(name_end, ',') &&
              IsVerbAt(after, name_end + 1)) {
            return MakeAttribution(after, *name, name_end + 1, 1);
          }
        } else if (auto someone = IndefiniteSomeone(text, after, i, &end); someone && IsVerbAt(after, end)) {
          return MakeAttribution(after, *someone, end, 1);
        }
      }
    }
  }
  // Rule 3.
  if (auto a = CueBeforeQuote(text, before)) return a;
  // Rule 4: a cue elsewhere in the sentence, nearest to the quotation first:
  // before it ("Doe said the plan was “unworkable”"), then after it.
  auto distant_cue = [](const TokenStream& ts, size_t k) {
    return IsVerbAt(ts, k) && !IsMannerOfSpeakingLemma(ReportingVerbLemma(Lower(ts.Text(k))));
  };
  for (long k = static_cast<long>(before.size()) - 1; k >= 0; --k) {
    if (before[k].kind == Token::Kind::kQuote) continue;
    if (distant_cue(before, k)) {
      if (auto m = ParseBackward(text, before, k)) return MakeAttribution(before, *m, k, 4);
      // "X went further, calling the pact “a disgrace”": a participle after
      // a comma is the sentence subject's.
      if (k >= 2 && before.IsPunct(k - 1, ',') && IsGerundForm(Lower(before.Text(k)))) {
        size_t first = 0;
        const uint32_t body = AfterDateline(text, before[0].start, before[before.size() - 1].end);
        while (first < static_cast<size_t>(k) && before[first].start < body) ++first;
        size_t end = 0;
        if (std::optional<SpeakerMention> subject = ParseForward(text, before, first, &end);
            subject && subject->kind != MentionKind::kPronoun && end < static_cast<size_t>(k) &&
            before[end].is_word() && !before.IsCapitalized(end) && !EndsPossessive(before.Text(end - 1))) {
          return MakeAttribution(before, *subject, k, 4);
        }
      }
    }
    if (auto a = AccordingTo(text, before, k, 4)) return a;
  }
  if (quote.close_end < sentence_end) {
    TokenStream after(text, {quote.close_end, sentence_end});
    for (size_t k = 0; k < after.size(); ++k) {
      if (after[k].kind == Token::Kind::kQuote) break;  // another quotation
      if (distant_cue(after, k)) {
        if (auto m = ParseBackward(text, after, k)) return MakeAttribution(after, *m, k, 4);
      }
    }
  }
  // Rule 4 also covers a colon with no verb of speech: "Berg was blunt:
  // “…”", "Her answer was short: “…”" - the subject opening the clause
  // before the colon, when a lower-case word (its verb) follows it. The
  // colon is the cue.
  if (before.size() >= 2 && before.IsPunct(before.size() - 1, ':')) {
    size_t end = 0;
    std::optional<SpeakerMention> m = ParseForward(text, before, 0, &end);
    // "Gemma Wilde, who runs a bakery, was more cautious: “…”": past an
    // appositive after the name.
    if (m && m->kind == MentionKind::kName) end = PastAppositive(before, end);
    // "Its chief executive, David Henderson, had this to say: “…”": a role,
    // then the name in apposition.
    if (m && m->kind == MentionKind::kTitle) {
      size_t name_end = 0;
      if (std::optional<SpeakerMention> named = NameInApposition(text, before, *m, end, &name_end);
          named && name_end + 1 < before.size() && before.IsPunct(name_end, ',')) {
        m = std::move(named);
        end = name_end + 1;
      }
    }
    // "Ek: “…”" (an interview's speaker label) or "Ek was blunt: “…”".
    const bool label =
        m && m->kind == MentionKind::kName && end + 1 == before.size() && IsPersonNameRun(before, 0, end);
    const bool clause = m && end + 1 < before.size() && before[end].is_word() && !before.IsCapitalized(end) &&
                        !EndsPossessive(before.Text(end - 1)) && !EndsPossessive(before.Text(end));
    // "Ek's message to the unions was simple: “…”": what a person's
    // words were called.
    const bool possessor = m && PossessorOfWords(before, end, &*m);
    if (label || clause || possessor) return MarkAttribution(*std::move(m), before[before.size() - 1], ":", 4);
  }
  return std::nullopt;
}

}  // namespace claims::extractor
