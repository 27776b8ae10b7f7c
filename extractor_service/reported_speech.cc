#include "extractor_service/reported_speech.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "extractor_service/article_structure.h"
#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {
namespace {

// Rule numbers continue the attributor's (1-4 are quotation rules).
constexpr int kRuleForward = 5;
constexpr int kRuleTrailing = 6;
constexpr int kRuleParticiple = 7;
constexpr int kRuleAccordingTo = 8;

// Fewest words a reported clause may have.
constexpr int kMinClauseWords = 3;
// A clause more quoted than this is a quotation, not reported speech.
constexpr double kMaxQuotedShare = 0.6;
// How far "that" may follow the cue across adjuncts ("said in a statement on
// Monday that").
constexpr size_t kThatWindow = 15;

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

// A pronoun that opens a clause as its subject ("she was leaving"); "it"
// only when `with_it` (it is as often an object: "revealed it to ...").
bool IsSubjectPronoun(absl::string_view w, bool with_it) {
  return w == "he" || w == "she" || w == "they" || w == "we" || w == "i" || (with_it && w == "it");
}

// Cues whose object is a reported clause ("said (that) ...").
bool TakesClause(absl::string_view lemma) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "say", "tell", "add", "warn", "stress", "note", "announce", "insist", "argue", "explain",
      "declare", "claim", "state", "assert", "acknowledge", "admit", "confirm", "reiterate",
      "inform", "maintain", "clarify", "predict", "caution", "suggest", "concede", "contend",
      "allege", "complain", "emphasise", "underline", "underscore", "reply", "respond", "write",
      "tweet", "promise", "vow", "pledge", "agree", "reveal", "indicate", "conclude", "remark",
      "observe", "recall", "mention", "deny", "threaten", "boast", "counter", "signal", "hint",
      "testify", "disclose", "assure", "affirm", "reaffirm", "lament", "speculate", "joke", "find", "post",
      "opine", "aver", "report", "advise", "rule", "remind", "hold", "estimate", "forecast", "express", "voice"};
  return s->contains(lemma);
}

// Cues that may take the clause without "that" ("said Russia would ...").
bool TakesBareClause(absl::string_view lemma) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "say", "tell", "add", "warn", "insist", "argue", "claim", "note", "admit", "confirm",
      "stress", "state", "predict", "suggest", "concede", "contend", "allege", "assert",
      "acknowledge", "maintain", "reiterate", "explain", "announce", "write", "complain", "indicate",
      "signal", "hint", "estimate", "reckon"};
  return s->contains(lemma);
}

// Cues whose complement, a noun phrase or an infinitive, is itself the claim
// ("urged residents to stay indoors", "denied any wrongdoing").
bool IsDirective(absl::string_view lemma) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "urge", "call", "demand", "ask", "deny", "promise", "vow", "pledge", "threaten"};
  return s->contains(lemma);
}

// Verbs a speaker does things with ("accused ministers of ...", "praised
// the plan", "reminded airlines of ..."): not reports of a clause, but a
// speech act of their own.
bool IsSpeechAct(absl::string_view lemma) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "accuse", "criticise", "condemn", "denounce", "dismiss", "praise", "slam", "blast", "brand",
      "hail", "deride", "decry", "describe", "label", "dub", "term", "remind", "thank", "blame", "apologise",
      "welcome"};
  return s->contains(lemma);
}

// Words that start an adjunct between a cue and its clause, or that cannot
// start a clause: prepositions and time words.
bool IsAdjunctStart(absl::string_view w) {
  static const auto* s = new absl::flat_hash_set<absl::string_view>{
      "on", "in", "at", "during", "after", "before", "late", "earlier", "later", "last",
      "this", "yesterday", "today", "tonight", "from", "via", "through", "to", "with", "by",
      "of", "about", "over", "while", "when", "as", "for", "into", "upon", "under", "outside", "without",
      "inside", "following", "ahead", "shortly", "again", "also", "repeatedly", "publicly",
      "privately", "separately", "recently", "previously", "afterwards", "afterward", "subsequently",
      "initially", "originally", "once", "too", "here", "there",
      "and", "or", "but", "nothing", "so", "it", "goodbye", "hello"};
  return s->contains(w) || WeekdayIndex(w) >= 0;
}

// Nouns with which a writer comments on a statement just reported
// ("..., a claim the council rejects", "..., an assertion critics dispute").
bool IsCommentNoun(absl::string_view w) {
  return w == "claim" || w == "charge" || w == "allegation" || w == "assertion" || w == "accusation" ||
         w == "view" || w == "position" || w == "stance" || w == "suggestion" || w == "argument" || w == "figure" ||
         // (", a move analysts said was meant to reassure markets": the
         // writer's account of what the statement did.)
         w == "move" || w == "step" || w == "decision" || w == "shift" || w == "reversal" || w == "setback" ||
         w == "blow" || w == "u-turn" || w == "concession" || w == "rebuke" || w == "response" || w == "reaction";
}

// A finite form of "be" ("is", "are", "was", "were").
bool IsFiniteBe(absl::string_view w) { return w == "is" || w == "are" || w == "was" || w == "were"; }

bool IsAuxiliaryWord(absl::string_view w) {
  return w == "also" || w == "has" || w == "have" || w == "had" || w == "later" || w == "then" || w == "further";
}


class SentenceRules {
 public:
  SentenceRules(absl::string_view text, TextRange sentence, absl::Span<const TextRange> quoted,
                absl::Span<const uint32_t> quote_cues)
      : text_(text), sentence_(sentence), quoted_(quoted), quote_cues_(quote_cues), ts_(text, sentence) {}

  std::vector<ReportedSpeech> Run() {
    for (size_t k = 0; k < ts_.size(); ++k) {
      if (!ts_[k].is_word() || InQuote(ts_[k].start)) continue;
      if (absl::EqualsIgnoreCase(ts_.Text(k), "according")) {
        AccordingTo(k);
        continue;
      }
      if (PassiveWithAgent(k)) continue;
      if (!IsCueVerbAt(ts_, k) || IsQuoteCue(ts_[k].start)) continue;
      const absl::string_view word = ts_.Text(k);  // lower case: IsCueVerbAt() checked
      const std::string lemma(ReportingVerbLemma(word));
      if (!TakesClause(lemma) && !IsDirective(lemma)) continue;
      // ("Officials are warning parents to ...": a progressive is finite.)
      const bool progressive = k > 0 && ts_[k - 1].is_word() && IsFiniteBe(ts_.Text(k - 1));
      if (IsGerundForm(word) && !progressive) {
        Participle(k, lemma);
      } else {
        Finite(k, lemma);
      }
    }
    EndBeforeCoordinatedReports();
    DropNestedReports();
    return std::move(found_);
  }

  // A report inside another's clause ("Berg said that Hale had told him
  // that ...") is the outer speaker's statement, not a claim of its own.
  // When each holds the other's cue ("A, hours before a rally he had called
  // to protest, his lawyers said": "called" took the rest of the sentence),
  // the report whose clause starts first is the outer one.
  void DropNestedReports() {
    const auto holds = [this](size_t outer, size_t inner) {
      const TextRange o = found_[outer].clause;
      const TextRange cue = found_[inner].attribution.cue;
      return outer != inner && found_[inner].clause.start < o.end && cue.start >= o.start && cue.end <= o.end;
    };
    // "He also urged Washington to stop arming the island, the readout
    // said.": a document's trailing cue whose clause opens with another
    // report's speaker is that report's source; the report is the claim.
    // (A person's is not: "China urged restraint, its spokesman said" is
    // the spokesman's.)
    const auto source_of = [this](size_t outer, size_t inner) {
      return found_[outer].attribution.rule == kRuleTrailing &&
             found_[inner].attribution.speaker.range.start == found_[outer].clause.start &&
             IsDocumentWord(Lower(LastWord(found_[outer].attribution.speaker.name)));
    };
    std::vector<bool> nested(found_.size(), false);
    for (size_t r = 0; r < found_.size(); ++r) {
      for (size_t o = 0; o < found_.size() && !nested[r]; ++o) {
        if (holds(o, r) && source_of(o, r)) continue;
        nested[r] = (holds(o, r) && !(holds(r, o) && found_[r].clause.start < found_[o].clause.start)) ||
                    (holds(r, o) && source_of(r, o));
      }
    }
    size_t kept = 0;
    for (size_t r = 0; r < found_.size(); ++r) {
      if (nested[r]) continue;
      if (kept != r) found_[kept] = std::move(found_[r]);
      ++kept;
    }
    found_.resize(kept);
  }

  // "Berg said the plan was dead, but Hale said it was alive": a clause
  // that runs into another speaker's report joined to it by a conjunction
  // ends before the conjunction. (A report nested in a clause, "Berg said
  // Hale had told him that ...", stays inside it.)
  void EndBeforeCoordinatedReports() {
    static const auto* kJoins =
        new absl::flat_hash_set<absl::string_view>{"and", "but", "while", "whereas", "whilst"};
    for (ReportedSpeech& outer : found_) {
      for (const ReportedSpeech& inner : found_) {
        const uint32_t subject = inner.attribution.speaker.range.start;
        if (&inner == &outer || subject <= outer.clause.start || subject >= outer.clause.end) continue;
        const long before = ts_.IndexEndingBefore(subject);
        if (before < 1 || !ts_[before].is_word() || !kJoins->contains(Lower(ts_.Text(before)))) continue;
        uint32_t end = ts_[before].start;
        while (end > outer.clause.start && (text_[end - 1] == ' ' || text_[end - 1] == ',')) --end;
        if (end > outer.clause.start) outer.clause.end = end;
      }
    }
  }

 private:
  bool InQuote(uint32_t pos) const {
    for (const TextRange& q : quoted_) {
      if (q.Contains(pos)) return true;
    }
    return false;
  }

  bool IsQuoteCue(uint32_t pos) const {
    return std::find(quote_cues_.begin(), quote_cues_.end(), pos) != quote_cues_.end();
  }

  bool IsQuoteToken(size_t i) const { return ts_[i].kind == Token::Kind::kQuote; }

  // The first comma at or after token `from`, at most `reach` tokens past
  // it and before `limit`, not across a quotation; `limit` when there is
  // none (the end of an introductory phrase, an appositive, a relative
  // clause).
  size_t NextComma(size_t from, size_t limit, size_t reach) const {
    for (size_t k = from; k < limit && k <= from + reach; ++k) {
      if (ts_.IsPunct(k, ',')) return k;
      if (IsQuoteToken(k)) return limit;
    }
    return limit;
  }

  // A subject opens its clause: it starts the sentence or follows
  // punctuation or a clause-opening word. "Washington's reply" (a
  // possessive) and "former Soviet states" (after an adjective) are noun
  // phrases, not a speaker and a verb.
  // Index of the token before the noun phrase that ends with mention `m`:
  // the mention may be the head of a determiner-led phrase ("the
  // international military alliance", "the harbour master"); -1 at the
  // sentence start.
  long TokenBeforePhrase(const SpeakerMention& m) const {
    long before = ts_.IndexEndingBefore(m.range.start);
    // "two negotiators said", "more than 300 workers said": a quantity right
    // before a group.
    if (before >= 0 && ts_[before].is_word() && IsPluralTitleWord(ts_.Stem(ts_.IndexEndingBefore(m.range.end)))) {
      for (long s = std::max(0L, before - 5); s <= before; ++s) {
        if (SkipQuantity(ts_, static_cast<size_t>(s)) == static_cast<size_t>(before) + 1) return s - 1;
      }
    }
    for (long j = before, steps = 0; j >= 0 && steps < 5 && ts_[j].is_word(); --j, ++steps) {
      const std::string w = Lower(ts_.Text(j));
      // ("The man arrested in Leeds said": a place after a preposition
      // is not the head of the phrase before it.)
      if (j == before && (w == "in" || w == "at" || w == "from" || w == "near")) break;
      if (IsArticleOrPossessive(w)) return j - 1;
      // ("... was dead while Jon Hale said": the phrase starts after a
      // conjunction.)
      if (IsCueVerbAt(ts_, j) || IsClauseOpener(w)) break;
    }
    return before;
  }

  // Whether mention `m` is the noun "whose" introduces, or begins with it
  // ("whose party", "whose chief executive").
  bool PhraseFollowsWhose(const SpeakerMention& m) const {
    const long first = ts_.IndexEndingBefore(m.range.start) + 1;
    for (long j = first; j >= 0 && first - j <= 3 && static_cast<size_t>(j) < ts_.size(); --j) {
      if (!ts_[j].is_word()) return false;
      if (absl::EqualsIgnoreCase(ts_.Text(j), "whose")) return true;
    }
    return false;
  }

  // Words after which a subject may open a clause ("while Hale said",
  // "last week Hale said").
  static bool IsClauseOpener(absl::string_view w) {
    static const auto* openers = new absl::flat_hash_set<absl::string_view>{
        "and", "but", "or", "so", "yet", "that", "while", "as", "when", "after", "before", "because",
        "since", "although", "though", "where", "whereas", "also", "then", "meanwhile", "however",
        "which", "who", "whom", "yesterday", "today", "later", "earlier", "now", "here", "there",
        "once", "until", "instead", "still", "separately", "similarly"};
    return IsTimeUnitWord(w) || openers->contains(w);
  }

  // Whether the subject of a trailing "reported" may be the writer's news
  // source rather than a speaker: ", the paper reported." and ", Reuters
  // reported." cite an outlet; ", the team reported." and ", Dr Osei
  // reported." report a finding. A bare name may be an outlet's; a name
  // with a title or an honorific, a pronoun or a group of people is not.
  bool MayBeNewsSource(const SpeakerMention& m) const {
    if (m.kind == MentionKind::kPronoun) return false;
    if (m.kind == MentionKind::kName) {
      const absl::string_view first = text_.substr(m.range.start, m.range.end - m.range.start);
      return m.role.empty() && m.gender == 0 && !IsHonorific(first.substr(0, first.find_first_of(" .")));
    }
    for (absl::string_view word : absl::StrSplit(m.name, ' ')) {
      if (IsNewsMediaWord(Lower(word))) return true;
    }
    return false;
  }

  bool StandsAsSubject(const SpeakerMention& m) const {
    if (EndsPossessive(text_.substr(m.range.start, m.range.size()))) return false;
    const long before = TokenBeforePhrase(m);
    if (before >= 0 && ts_[before].is_word()) {
      // "If Ek says ...": a condition, not a report; "What Ek said was
      // ...": a cleft whose statement follows.
      const std::string w = Lower(ts_.Text(before));
      if (w == "if" || w == "unless" || w == "whether" || w == "what" || w == "whenever") return false;
      // "When they say the economy is strong, they mean ...": a generic
      // speaker in a clause of time.
      if (w == "when" && m.kind == MentionKind::kPronoun) {
        const std::string who = Lower(m.name);
        if (who == "they" || who == "you" || who == "we") return false;
      }
    }
    if (before < 0 || !ts_[before].is_word() || ts_.IsCapitalized(before)) return true;
    if (IsClauseOpener(Lower(ts_.Text(before)))) return true;
    // "A statement from the Treasury said", "a letter by the unions said":
    // the document speaks for its author.
    if (const std::string w = Lower(ts_.Text(before));
        (w == "from" || w == "by") && before >= 1 && ts_[before - 1].is_word() &&
        IsDocumentWord(Lower(ts_.Text(before - 1)))) {
      return true;
    }
    // "Political scientist Sarah de Lange of ...", "- Dutch far-right leader
    // Geert Wilders": a name after lower-case words of its description.
    if (m.kind != MentionKind::kName) return false;
    long b = before;
    while (b >= 0 && before - b < 3 && ts_[b].is_word() && !ts_.IsCapitalized(b) &&
           (IsTitleWord(ts_.Stem(b)) || absl::StrContains(ts_.Text(b), '-'))) {
      --b;
    }
    return b < before && (b < 0 || !ts_[b].is_word() || ts_.IsCapitalized(b));
  }

  // End of the clause starting at token `first`: the sentence end, or just
  // before ", <participle cue>" that starts a claim of its own.
  uint32_t ClauseEnd(size_t first) const {
    for (size_t j = first + 1; j + 1 < ts_.size(); ++j) {
      if (InQuote(ts_[j].start)) continue;
      if (ts_.IsPunct(j, ';')) return ts_[j].start;
      // "... sent a message to Putin: “We're not backing down.”": the
      // quotation after a colon is a statement of its own.
      if (ts_.IsPunct(j, ':') && IsQuoteToken(j + 1)) return ts_[j].start;
      // "... would act and warned that ...": a coordinated cue starts a
      // claim of its own; so does a speech act ("... was too late and
      // accused ministers of ...", "and called for a vote").
      // ("and further added that", "and also said": an adverb between.)
      const size_t verb =
          j + 2 < ts_.size() && ts_[j + 1].is_word() && IsAuxiliaryWord(Lower(ts_.Text(j + 1))) ? j + 2 : j + 1;
      if (ts_[j].is_word() && (ts_.Text(j) == "and" || ts_.Text(j) == "but") && IsCueVerbAt(ts_, verb) &&
          !IsGerundForm(Lower(ts_.Text(verb)))) {
        const std::string lemma(ReportingVerbLemma(Lower(ts_.Text(verb))));
        if (TakesClause(lemma) || IsDirective(lemma) || IsSpeechAct(lemma)) return ts_[j].start;
      }
      // "... said talks would continue but declined to give a timeline":
      // the speaker's refusal to say more is no part of what was said.
      if (ts_[j].is_word() && (ts_.Text(j) == "and" || ts_.Text(j) == "but") && j + 3 < ts_.size() &&
          ts_[j + 1].is_word() && ts_[j + 3].is_word() && ts_.Text(j + 2) == "to") {
        static const auto* kRefusals = new absl::flat_hash_set<absl::string_view>{"declined", "refused"};
        static const auto* kSaying = new absl::flat_hash_set<absl::string_view>{
            "comment",  "elaborate", "say",     "give",      "provide", "discuss", "name",    "specify",
            "disclose", "identify",  "answer",  "confirm",   "respond", "speculate", "detail", "reveal"};
        if (kRefusals->contains(Lower(ts_.Text(j + 1))) && kSaying->contains(Lower(ts_.Text(j + 3)))) {
          return ts_[j].start;
        }
      }
      if (!ts_.IsPunct(j, ',')) continue;
      const std::string next = Lower(ts_.Text(j + 1));
      // ", but the allies are worried ...": the writer's own contrast;
      // ", according to a letter ...": the writer's source.
      if (next == "but" || next == "while" || next == "whereas" || next == "although" || next == "according") {
        return ts_[j].start;
      }
      // "... that “nobody can afford it”, after talks ended": an adverbial
      // after a closing quotation mark is the writer's.
      if (IsQuoteToken(j - 1) && ts_[j + 1].is_word() &&
          (next == "after" || next == "before" || next == "while" || next == "when" || next == "as" ||
           next == "during" || next == "following" || next == "amid" || next == "despite")) {
        return ts_[j].start;
      }
      // ", a claim the council rejects": the writer's comment on it.
      if ((next == "a" || next == "an") && j + 2 < ts_.size() && IsCommentNoun(Lower(ts_.Text(j + 2)))) {
        return ts_[j].start;
      }
      // (", saying ...", ", calling it reckless": a participle of speaking
      // is a statement of its own.)
      if (ts_[j + 1].is_word() && IsGerundForm(next)) {
        const absl::string_view lemma = ReportingVerbLemma(next);
        if (TakesClause(lemma) || IsDirective(lemma) || IsSpeechAct(lemma)) return ts_[j].start;
      }
      // ", reported The Daily Wire.": the writer's source after the clause.
      if (ts_[j + 1].is_word() && IsCueVerbAt(ts_, j + 1) && !IsGerundForm(next) && j + 2 < ts_.size() &&
          ts_[j + 2].is_word() && (ts_.IsCapitalized(j + 2) || IsArticleOrPossessive(ts_.Text(j + 2)))) {
        return ts_[j].start;  // (not ", rule out membership": a verb of the clause's own)
      }
      // ", SPEAKER CUE that ...": another statement starts here; ", the
      // paper reported.": the writer's source.
      for (size_t k = j + 2; k < ts_.size() && k - j <= 12; ++k) {
        if (!IsCueVerbAt(ts_, k) || IsGerundForm(Lower(ts_.Text(k)))) continue;
        std::optional<SpeakerMention> m = ParseMentionEndingAt(text_, ts_, k);
        const bool that = k + 1 < ts_.size() && ts_[k + 1].is_word() && absl::EqualsIgnoreCase(ts_.Text(k + 1), "that");
        // (The cue ends the sentence, or a short adjunct after it does:
        // "..., Li Wei said at a briefing.")
        size_t stop = 0;
        const bool last = k + 1 >= ts_.size() || ts_.IsPunct(k + 1, '.') ||
                          (OnlyAdjunctFollows(k + 1, &stop) && (stop >= ts_.size() || ts_.IsPunct(stop, '.')));
        if (m && m->range.start == ts_[j + 1].start && (that || last)) return ts_[j].start;
        break;
      }
    }
    return sentence_.end;
  }

  // Adds the claim for [start, end) when it reads as a reported clause.
  void Emit(uint32_t start, uint32_t end, Attribution attribution) {
    while (end > start && absl::string_view(" \n.!?;:,-").find(text_[end - 1]) != absl::string_view::npos) --end;
    while (start < end && (text_[start] == ' ' || text_[start] == ',')) ++start;
    if (start == sentence_.start) start = AfterDateline(text_, start, end);
    if (end <= start) return;
    int words = 0;
    bool in_word = false;
    uint32_t quoted = 0;
    for (uint32_t p = start; p < end; ++p) {
      const bool w = text_[p] != ' ' && text_[p] != '\n';
      words += w && !in_word;
      in_word = w;
      quoted += InQuote(p);
    }
    if (words < kMinClauseWords) return;
    for (const ReportedSpeech& r : found_) {
      if (r.clause.start == start) return;
    }
    found_.push_back({{start, end}, std::move(attribution), quoted > kMaxQuotedShare * (end - start)});
  }

  // "said reaching a final had been his dream": a gerund opening a clause
  // as its subject, its finite verb a few words on with no comma between
  // (not a participle of speaking: "said adding ...").
  bool GerundSubject(size_t i) const {
    if (IsParticipleCue(i)) return false;
    for (size_t j = i + 1; j < ts_.size() && j - i <= 6; ++j) {
      if (!ts_[j].is_word()) return false;
      const std::string w = Lower(ts_.Text(j));
      if (IsFiniteAuxiliary(w)) return true;  // ("said staffing was unsafe")
      // ("said waiting lists grew", "said rising prices hurt families": a
      // gerund before its noun, then a past form.)
      if (j > i + 1 && IsCommonVerbForm(w)) return true;
    }
    return false;
  }

  // A clause has a verb: within its first words, an auxiliary, a modal, a
  // past form, a word in -s or a common verb of a plural subject ("the
  // route would close", "prices rose", "the fees need review"). "announced a new timetable", "told a story"
  // name a thing, not a statement.
  // `plural_guess`: a word in -s counts ("prices rise"); cues whose object
  // is mostly a noun phrase do without it ("announced record profits").
  bool HasVerbAhead(size_t i, bool plural_guess = true) const {
    for (size_t j = i; j < ts_.size() && j - i < 10; ++j) {
      if (!ts_[j].is_word()) {
        if ((ts_.IsPunct(j, '.') && !ts_.IsNamePeriod(j)) || ts_.IsPunct(j, ';')) break;
        continue;
      }
      const std::string w = Lower(ts_.Text(j));
      // A word after an article or a possessive is a noun ("announced the
      // plan", "the costs rose").
      if (j > i && ts_[j - 1].is_word() && IsArticleOrPossessive(ts_.Text(j - 1))) continue;
      if (IsFiniteAuxiliary(w) || IsCommonVerbForm(w) || w == "not") return true;
      if (w.size() > 3 &&
          (absl::EndsWith(w, "ed") || (plural_guess && absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss")))) {
        return true;
      }
    }
    return false;
  }

  // Cues whose object is more often a thing than a clause ("announced a
  // plan", "confirmed the deal").
  static bool TakesNounPhraseMostly(absl::string_view lemma) {
    return lemma == "announce" || lemma == "confirm" || lemma == "reveal" || lemma == "acknowledge" ||
           lemma == "admit" || lemma == "note" || lemma == "state";
  }

  // Irregular past forms and common verbs of a plural subject.
  static bool IsCommonVerbForm(absl::string_view w) {
    static const auto* forms = new absl::flat_hash_set<absl::string_view>{
        "rose", "fell", "grew", "went", "came", "became", "made", "took", "gave", "got", "kept", "left", "lost",
        "met", "paid", "ran", "saw", "sent", "set", "sold", "spent", "stood", "won", "broke", "began", "brought",
        "built", "bought", "chose", "cut", "drew", "drove", "felt", "found", "held", "hit", "knew", "led", "let",
        "meant", "put", "shut", "sought", "spoke", "struck", "taught", "thought", "threw", "understood", "fled",
        "fought", "flew", "hid", "quit", "rang", "sank", "shrank", "stole", "swore", "wore", "withdrew", "need",
        "want", "plan", "remain", "intend", "expect", "hope", "believe", "know", "think"};
    return forms->contains(w);
  }

  // The word at `i` can open a clause with no "that" before it: it does not
  // start an adjunct, or it is an expletive or pronoun subject with its
  // verb ("it has", "there are", "this is").
  bool OpensBareClause(size_t i) const {
    const std::string w = Lower(ts_.Text(i));
    // "said at least 12 people had died": a quantity, not a place.
    if (w == "at" && i + 1 < ts_.size() && ts_[i + 1].is_word()) {
      const std::string next = Lower(ts_.Text(i + 1));
      if (next == "least" || next == "most") return true;
    }
    // "said about 45,000 homes were without power", "said over two
    // thousand people had signed": an approximate number opens the subject
    // (not "said about the plan", "said over the phone").
    if ((w == "about" || w == "over") && i + 1 < ts_.size() && ts_[i + 1].is_word()) {
      const absl::string_view next = ts_.Text(i + 1);
      if (absl::ascii_isdigit(static_cast<unsigned char>(next[0])) || IsQuantifier(next)) return true;
    }
    // (A capitalised word in -ing is a name: "said Beijing opposed ...".)
    if (!IsAdjunctStart(w)) return !IsGerundForm(w) || ts_.IsCapitalized(i) || GerundSubject(i);
    // ("said it “strongly disagreed”": the verb may open a quotation.)
    const size_t n = w == "it" && i + 2 < ts_.size() && IsQuoteToken(i + 1) ? i + 2 : i + 1;
    if (n >= ts_.size() || !ts_[n].is_word()) return false;
    const std::string next = Lower(ts_.Text(n));
    // "said nothing had been won": an indefinite pronoun with its verb (not
    // "said nothing about the deal").
    if (w == "nothing" || w == "everything" || w == "nobody" || w == "everyone" || w == "none") {
      return IsFiniteAuxiliary(next);
    }
    if (w != "it" && w != "there" && w != "this") return false;
    if (IsFiniteAuxiliary(next)) return true;
    // "said it accepted the findings", "says it plans to": a finite verb
    // of the pronoun (not "said it twice", "said it again"), after an
    // adverb too ("said it strongly disagreed", "said it still expected").
    std::string verb = next;
    static const auto* kAdverbs = new absl::flat_hash_set<absl::string_view>{
        "also", "still", "never", "already", "now", "only", "just", "even", "always", "often", "later"};
    if (w == "it" && (kAdverbs->contains(next) || (next.size() > 4 && absl::EndsWith(next, "ly"))) &&
        n + 1 < ts_.size() && ts_[n + 1].is_word() && !ts_.IsCapitalized(n + 1)) {
      verb = Lower(ts_.Text(n + 1));
      if (IsFiniteAuxiliary(verb)) return true;
    }
    const bool past = (verb.size() > 4 && absl::EndsWith(verb, "ed")) || IsCommonVerbForm(verb);
    const bool present = verb.size() > 4 && absl::EndsWith(verb, "s") && !absl::EndsWith(verb, "ss") &&
                         !IsAdjunctStart(verb) && !absl::EndsWith(verb, "ly");
    return w == "it" && (past || present);
  }

  // A preposition or time word that opens an introductory phrase ("In
  // separate letters to the unions, ...", "After the vote, ...").
  static bool OpensIntroductoryPhrase(absl::string_view w) {
    static const auto* not_phrases = new absl::flat_hash_set<absl::string_view>{
        "it", "and", "or", "but", "so", "nothing", "goodbye", "hello", "there", "here", "too", "also", "to", "of"};
    return IsAdjunctStart(w) && !not_phrases->contains(w);
  }

  // The sentence's subject, when it opens the sentence and a lower-case word
  // (its verb) follows it before token `limit`; not a possessive or part of
  // a longer noun phrase ("Berg's office ...", "The US official's remarks").
  std::optional<SpeakerMention> SentenceSubject(size_t limit) const {
    size_t end = 0;
    // "OSLO, March 3 (Wire) - Police appealed ...": past a dateline.
    size_t first = 0;
    const uint32_t body = AfterDateline(text_, sentence_.start, sentence_.end);
    while (first < limit && ts_[first].start < body) ++first;
    // ("About 200 traders marched ...": a count, not a phrase.)
    // "Meanwhile, the minister ...": past a sentence adverb.
    if (first + 2 < limit && ts_[first].is_word() && ts_.IsPunct(first + 1, ',') &&
        (IsNonNameCapitalized(ts_.Text(first)) || IsMannerAdverb(Lower(ts_.Text(first))))) {
      first += 2;
    }
    // (Or a participle: "Speaking alongside Biden, Zelenskiy thanked ...".)
    if (first < limit && ts_[first].is_word() &&
        ((OpensIntroductoryPhrase(Lower(ts_.Text(first))) && SkipQuantity(ts_, first) == first) ||
         IsSpeakerParticiple(Lower(ts_.Text(first))))) {
      // "In separate letters to the unions, the board ...": past an
      // introductory phrase.
      first = NextComma(first, limit, 16);
      if (first >= limit) return std::nullopt;
      ++first;
    }
    // "It is to mention that farmers protested ..., arguing": past an
    // extraposed "It is ... that" ("It should be noted that").
    if (first + 2 < limit && ts_[first].is_word() && absl::EqualsIgnoreCase(ts_.Text(first), "it") &&
        ts_[first + 1].is_word() && IsFiniteAuxiliary(Lower(ts_.Text(first + 1)))) {
      for (size_t j = first + 2; j < limit && j <= first + 7 && ts_[j].is_word(); ++j) {
        if (Lower(ts_.Text(j)) == "that") {
          first = j + 1;
          break;
        }
      }
    }
    // "The firm's chief operating officer, Kristin Dahl, called ...": a role
    // up to a comma, then the name in apposition.
    size_t comma = first;
    bool titled = false;
    while (comma < limit && comma - first < 10 && ts_[comma].is_word()) {
      titled |= IsTitleWord(ts_.Stem(comma));
      ++comma;
    }
    if (titled && comma + 1 < limit && ts_.IsPunct(comma, ',')) {
      size_t name_end = 0;
      std::optional<SpeakerMention> name = ParseMentionAt(text_, ts_, comma + 1, &name_end);
      if (name && name->kind == MentionKind::kName && name_end + 1 < limit && ts_.IsPunct(name_end, ',') &&
          ts_[name_end + 1].is_word() && !ts_.IsCapitalized(name_end + 1)) {
        size_t role_start = first;
        if (absl::EqualsIgnoreCase(ts_.Text(role_start), "the")) ++role_start;
        name->role = std::string(text_.substr(ts_[role_start].start, ts_[comma - 1].end - ts_[role_start].start));
        return name;
      }
    }
    std::optional<SpeakerMention> subject = ParseMentionAt(text_, ts_, first, &end);
    // ("Veltrix Inc. (NASDAQ: VLTX) reported ...": past a parenthesis.)
    if (subject && end < limit) end = std::min(SkipParenthesisForward(ts_, end), limit);
    if (subject && end < limit && ts_.IsPunct(end, ',')) {
      // "Lind, who leads the council, called ...": past an appositive.
      if (const size_t close = NextComma(end + 1, limit, 12); close < limit) end = close + 1;
    }
    if (!subject || end >= limit || !ts_[end].is_word() || ts_.IsCapitalized(end)) return std::nullopt;
    if (EndsPossessive(text_.substr(subject->range.start, subject->range.size())) || EndsPossessive(ts_.Text(end))) {
      return std::nullopt;
    }
    return subject;
  }

  // The sentence's subject when a participle phrase with no verb or
  // punctuation of its own follows it up to token `verb` ("Families living
  // on a clifftop in Eastholme say", "Voters polled by the paper said"), or
  // a relative clause with no commas and no verb of speech ("Residents who
  // lost their homes said", "Officials who spoke on condition of anonymity
  // said"). A past participle is told from a past tense only for a few
  // that news puts after a group ("the ambassador delivered ..." is a
  // verb).
  std::optional<SpeakerMention> SubjectBeforeParticiplePhrase(size_t verb) const {
    static const auto* kPostModifiers = new absl::flat_hash_set<absl::string_view>{
        "based", "affected", "displaced", "employed", "polled", "surveyed", "interviewed", "questioned",
        "arrested", "detained", "injured", "trapped", "rescued", "evacuated", "involved", "briefed",
        "quoted", "cited", "contacted", "consulted", "reached"};
    std::optional<SpeakerMention> subject = SentenceSubject(verb);
    if (!subject) return std::nullopt;
    size_t j = ts_.IndexEndingBefore(subject->range.end) + 1;
    if (j >= verb || !ts_[j].is_word()) return std::nullopt;
    const std::string participle = Lower(ts_.Text(j));
    if (participle == "who") {
      if (j + 1 >= verb || verb - j > 14) return std::nullopt;
      for (size_t t = j + 1; t < verb; ++t) {
        if (!ts_[t].is_word() || IsCueVerbAt(ts_, t)) return std::nullopt;
      }
      return subject;
    }
    if (!IsGerundForm(participle) && !kPostModifiers->contains(participle)) return std::nullopt;
    if (IsCueVerbAt(ts_, j)) return std::nullopt;
    for (size_t t = j + 1; t < verb; ++t) {
      if (!ts_[t].is_word() || IsFiniteAuxiliary(Lower(ts_.Text(t))) || IsCueVerbAt(ts_, t)) return std::nullopt;
    }
    return subject;
  }

  // Rule 1 complement of the finite cue at token `verb`, ending at `cue_end`: the index
  // where the clause starts, or ts_.size() when there is none.
  // "adding to evidence that ...", "added to fears that ...": "add" at
  // token k adds to a mood or a case, not a statement (unlike "added to
  // reporters that").
  bool AddsToAFeeling(size_t k, absl::string_view lemma) const {
    static const auto* kMoods = new absl::flat_hash_set<absl::string_view>{
        "concerns", "concern", "fears", "evidence", "pressure", "worries", "doubts", "speculation", "hopes",
        "signs", "momentum", "uncertainty", "tension", "tensions", "anger", "confusion", "criticism", "calls",
        "suspicions", "expectations"};
    return lemma == "add" && k + 2 < ts_.size() && ts_[k + 1].is_word() && Lower(ts_.Text(k + 1)) == "to" &&
           ts_[k + 2].is_word() && kMoods->contains(Lower(ts_.Text(k + 2)));
  }

  // "said simply that ...", "saying only that ...": an adverb, then "that"
  // and a word, at token i.
  bool AdverbThenThat(size_t i) const {
    return i + 2 < ts_.size() && ts_[i].is_word() && IsMannerAdverb(Lower(ts_.Text(i))) && ts_[i + 1].is_word() &&
           Lower(ts_.Text(i + 1)) == "that" && ts_[i + 2].is_word();
  }

  size_t Complement(size_t verb, size_t cue_end, absl::string_view lemma, Attribution& a) const {
    size_t i = cue_end;
    // "insisted, however, that ...": past an adverb between commas.
    if (i + 3 < ts_.size() && ts_.IsPunct(i, ',') && ts_[i + 1].is_word() && ts_.IsPunct(i + 2, ',')) {
      const std::string adverb = Lower(ts_.Text(i + 1));
      if ((IsParentheticalStart(adverb) || IsMannerAdverb(adverb)) && ts_[i + 3].is_word() &&
          Lower(ts_.Text(i + 3)) == "that") {
        i += 3;
      }
    }
    // "reported, citing a source in the ministry, that ...": a participle
    // of sourcing between commas, then the clause.
    if (i + 2 < ts_.size() && ts_.IsPunct(i, ',') && ts_[i + 1].is_word() &&
        (Lower(ts_.Text(i + 1)) == "citing" || Lower(ts_.Text(i + 1)) == "quoting")) {
      for (size_t j = i + 2; j + 2 < ts_.size() && j - i <= kThatWindow; ++j) {
        if (IsQuoteToken(j) || ts_.IsPunct(j, ';')) break;
        if (ts_.IsPunct(j, ',') && ts_[j + 1].is_word() && Lower(ts_.Text(j + 1)) == "that") return j + 2;
      }
      return ts_.size();
    }
    if (i >= ts_.size() || !ts_[i].is_word()) return ts_.size();
    const std::string w = Lower(ts_.Text(i));
    if (lemma == "call") {
      // "called on X to ...", "called for ...", "called to ..."; a bare
      // "called X Y" names something.
      if (w != "on" && w != "for" && w != "upon" && w != "to") return ts_.size();
      a.cue.end = ts_[i].end;
      return i + 1;
    }
    // "the court held that the ban was ...": only a clause with its verb
    // ("held that day" is a time).
    if (lemma == "hold") {
      return w == "that" && i + 1 < ts_.size() && ts_[i + 1].is_word() && OpensBareClause(i + 1) && HasVerbAhead(i + 1)
                 ? i + 1
                 : ts_.size();
    }
    // "denied that, saying ...": a demonstrative, not a clause.
    if (w == "that") return i + 1 < ts_.size() && ts_[i + 1].is_word() ? i + 1 : ts_.size();
    if (AdverbThenThat(i)) return i + 2;
    // A time adjunct after the cue ("on Friday", "two weeks ago"), and
    // whether "that" follows it.
    const size_t after_time = SkipTimeAdjunct(ts_, i);
    const bool that_after_time = after_time + 1 < ts_.size() && ts_[after_time].is_word() &&
                                 absl::EqualsIgnoreCase(ts_.Text(after_time), "that");
    // "State media reported (on Friday) that ...", "the judge ruled that
    // ...": only with "that" ("reported a loss that ..." names a figure,
    // "ruled out a rise" is no ruling).
    // ("ruled 5-4 that ...": a vote's count before "that".)
    if (lemma == "rule" && i + 1 < ts_.size() && absl::ascii_isdigit(static_cast<unsigned char>(ts_.Text(i)[0])) &&
        ts_[i + 1].is_word() && absl::EqualsIgnoreCase(ts_.Text(i + 1), "that")) {
      return i + 2 < ts_.size() ? i + 2 : ts_.size();
    }
    if (lemma == "report" || lemma == "rule") return that_after_time ? after_time + 1 : ts_.size();
    // "expressed hope that ...", "voiced his concern that ...": a feeling,
    // then the clause it is about; nothing else ("expressed support for").
    if (lemma == "express" || lemma == "voice") {
      size_t k = i;
      if (k < ts_.size() && ts_[k].is_word() && IsArticleOrPossessive(ts_.Text(k)) && !IsArticle(ts_.Text(k))) ++k;
      static const auto* kFeelings = new absl::flat_hash_set<absl::string_view>{
          "hope", "hopes", "concern", "concerns", "confidence", "optimism", "fear", "fears", "doubt", "doubts",
          "belief", "regret", "frustration", "disappointment", "surprise", "satisfaction", "dismay", "alarm",
          "worry", "worries", "conviction", "certainty", "skepticism", "scepticism"};
      if (k + 2 < ts_.size() && ts_[k].is_word() && kFeelings->contains(Lower(ts_.Text(k))) &&
          ts_[k + 1].is_word() && Lower(ts_.Text(k + 1)) == "that" && ts_[k + 2].is_word()) {
        return k + 2;
      }
      return ts_.size();
    }
    // "told the Wire the councils had warned ... that ...": the cue took
    // its addressee, so a clause opening right after it is the statement
    // (its own "that" belongs to it).
    const bool addressee_in_cue = cue_end > verb + 1;
    if ((lemma == "tell" || lemma == "inform") && addressee_in_cue && OpensBareClause(i)) {
      return i;
    }
    // "told the unions on Tuesday that ...": the addressee comes first, so a
    // "that" close ahead starts the clause.
    if (lemma == "tell" || lemma == "inform") {
      if (const size_t after = AfterThatAhead(i); after < ts_.size()) return after;
      // "told reporters in Brisbane the Coalition was ready": past a place.
      if (addressee_in_cue && (w == "in" || w == "at") && i + 1 < ts_.size() && ts_.IsCapitalized(i + 1)) {
        size_t j = i + 1;
        while (j < ts_.size() && j - i <= 4 && ts_.IsCapitalized(j)) ++j;
        if (j < ts_.size() && ts_[j].is_word() && OpensBareClause(j) && HasVerbAhead(j)) return j;
      }
      // "told colleagues she was leaving": an addressee the cue does not
      // know, then a subject pronoun and its verb.
      for (size_t j = i + 1; j + 1 < ts_.size() && j - i <= 3 && ts_[j].is_word(); ++j) {
        if (!IsSubjectPronoun(Lower(ts_.Text(j)), /*with_it=*/true)) continue;
        if (ts_[j + 1].is_word() && (IsFiniteAuxiliary(Lower(ts_.Text(j + 1))) || HasVerbAhead(j + 1))) return j;
        break;
      }
    }
    // "warned Ostravia and Kelvania that ...", "assured them that ...": other
    // cues that may name their addressee, when one (a name or an object
    // pronoun) follows.
    const bool addresses =
        lemma == "warn" || lemma == "assure" || lemma == "remind" || lemma == "promise" || lemma == "caution";
    if (addresses && ts_[i].is_word() && (ts_.IsCapitalized(i) || w == "him" || w == "her" || w == "them" || w == "us")) {
      if (const size_t after = AfterThatAhead(i); after < ts_.size()) return after;
    }
    // "warned residents that ...", "reminded his players that ...": a
    // short noun phrase (no verb in it), then "that".
    if (addresses) {
      for (size_t j = i + 1; j < ts_.size() && j - i <= 5 && ts_[j].is_word(); ++j) {
        const std::string word = Lower(ts_.Text(j));
        if (IsFiniteAuxiliary(word) || IsCueVerbAt(ts_, j)) break;
        if (word == "that") return j + 1 < ts_.size() && ts_[j + 1].is_word() ? j + 1 : ts_.size();
      }
    }
    // "warned Ostravia of grave consequences", "warned them against ...": a
    // warning about something, with no clause.
    if (addresses && ts_[i].is_word() &&
        (ts_.IsCapitalized(i) || w == "him" || w == "her" || w == "them" || w == "us")) {
      size_t k = i + 1;
      while (k < ts_.size() && k - i < 4 && ts_[k].is_word() && ts_.IsCapitalized(k)) ++k;
      if (k < ts_.size() && ts_[k].is_word()) {
        const std::string next = Lower(ts_.Text(k));
        if (next == "of" || next == "about" || next == "against") return ts_.size();
      }
    }
    // "warned parents to check ...", "advised residents to stay indoors":
    // a warning's object and infinitive are its content.
    if (lemma == "warn" || lemma == "caution" || lemma == "advise") {
      for (size_t j = i + 1; j < ts_.size() && j - i <= 4 && ts_[j].is_word(); ++j) {
        if (ts_.Text(j) == "to" && j + 1 < ts_.size() && ts_[j + 1].is_word()) return i;
        if (ts_.Text(j) == "that") break;
      }
    }
    // "promised to meet again", "vowed to fight on": a commitment's
    // infinitive is its content.
    if ((lemma == "promise" || lemma == "vow" || lemma == "pledge" || lemma == "threaten") && w == "to") return i;
    // "denied any wrongdoing", "denies it is planning a rise".
    if (IsDirective(lemma) && !TakesBareClause(lemma) && (!IsAdjunctStart(w) || OpensBareClause(i))) return i;
    // "said two weeks ago that ...": a time adjunct, then "that".
    if (after_time > i && that_after_time) return after_time + 1;
    // A bare clause: never straight after "told" (its addressee comes
    // first), and with a verb of its own.
    const bool bare_allowed = TakesBareClause(lemma) && !((lemma == "tell" || lemma == "inform") && !addressee_in_cue);
    if (bare_allowed && OpensBareClause(i) && HasVerbAhead(i, !TakesNounPhraseMostly(lemma))) return i;
    // "has revealed she once considered quitting": any clause-taking cue
    // takes a bare clause opened by a subject pronoun and its verb ("it"
    // may be an object: "revealed it to reporters").
    if (TakesClause(lemma) && lemma != "tell" && lemma != "inform" && IsSubjectPronoun(w, /*with_it=*/false) &&
        i + 1 < ts_.size() && ts_[i + 1].is_word() && HasVerbAhead(i + 1)) {
      return i;
    }
    // "said on Monday the route was safe": a bare clause after a time adjunct
    // ("says this year could be his last": the time is the clause's subject
    // when a finite verb follows it).
    if (bare_allowed && after_time > i && after_time < ts_.size() && ts_[after_time].is_word() &&
        OpensBareClause(after_time) && !absl::EqualsIgnoreCase(ts_.Text(after_time), "that") &&
        HasVerbAhead(after_time)) {
      const bool time_is_subject = w == "this" || w == "last" || w == "next" || WeekdayIndex(w) >= 0;
      return time_is_subject && IsFiniteAuxiliary(Lower(ts_.Text(after_time))) ? i : after_time;
    }
    // "said in a statement it had accepted", "said at a briefing on
    // Tuesday they would appeal": a bare clause opened by a subject pronoun
    // after the cue's prepositional adjuncts (words only, no verb among
    // them).
    if (bare_allowed && (w == "in" || w == "at" || w == "on" || w == "during" || w == "after")) {
      for (size_t j = i + 1; j + 1 < ts_.size() && j - i <= 8 && ts_[j].is_word(); ++j) {
        const std::string word = Lower(ts_.Text(j));
        if (word == "that" || IsCueVerbAt(ts_, j) || IsFiniteAuxiliary(word)) break;
        if (IsSubjectPronoun(word, /*with_it=*/true) && ts_[j + 1].is_word() &&
            (IsFiniteAuxiliary(Lower(ts_.Text(j + 1))) || HasVerbAhead(j + 1))) {
          return j;
        }
      }
    }
    // "announced a decree that repeals ...": "that" after the cue's object
    // opens a relative clause about it, not the statement.
    if (IsArticle(ts_.Text(i)) && lemma != "tell" && lemma != "inform" && !addresses) return ts_.size();
    // Across adjuncts to "that": "told reporters at the White House on Wednesday that".
    return AfterThatAhead(i);
  }

  // The token after a "that" within kThatWindow tokens from `i`, before any
  // quotation or semicolon; ts_.size() when there is none.
  size_t AfterThatAhead(size_t i) const {
    for (size_t j = i; j < ts_.size() && j - i < kThatWindow; ++j) {
      if (IsQuoteToken(j) || ts_.IsPunct(j, ';')) break;
      // (", adding that ...": the participle's own "that".)
      if (ts_.IsPunct(j, ',') && j + 1 < ts_.size() && ts_[j + 1].is_word() && IsParticipleCue(j + 1)) break;
      // (", a response that appeared to ...": a relative clause about an
      // appositive.)
      if (ts_.IsPunct(j, ',') && j + 3 < ts_.size() && ts_[j + 1].is_word() && IsArticle(ts_.Text(j + 1)) &&
          ts_[j + 3].is_word() && absl::EqualsIgnoreCase(ts_.Text(j + 3), "that")) {
        break;
      }
      if (ts_[j].is_word() && absl::EqualsIgnoreCase(ts_.Text(j), "that")) return j + 1;
    }
    return ts_.size();
  }

  // Tokens from `from` to the sentence end are only a short adjunct ("on
  // Monday", "in a statement"), with no clause of their own.
  bool OnlyAdjunctFollows(size_t from, size_t* stop) const {
    // Up to six tokens of anything but "that", or up to fourteen of
    // prepositional phrases with no verb of their own ("wrote in a memo to
    // staff seen by the Nordic Herald").
    static const auto* kPrepositions = new absl::flat_hash_set<absl::string_view>{
        "on", "in", "at", "during", "after", "before", "from", "via", "through", "to", "with", "by", "for", "into",
        "upon", "under", "outside", "inside", "following"};
    const bool phrases = from < ts_.size() && ts_[from].is_word() && kPrepositions->contains(Lower(ts_.Text(from)));
    size_t j = from;
    while (j < ts_.size() && !ts_.IsPunct(j, ',') && !ts_.IsPunct(j, '.') && j - from <= (phrases ? 14 : 6)) {
      if (ts_[j].is_word() && absl::EqualsIgnoreCase(ts_.Text(j), "that")) return false;
      // ("said:" introduces a quotation, here or in the next paragraph.)
      if (IsQuoteToken(j) || ts_.IsPunct(j, ':')) return false;
      if (j - from > 6 && ts_[j].is_word() && (IsFiniteAuxiliary(Lower(ts_.Text(j))) || IsCueVerbAt(ts_, j))) {
        return false;
      }
      ++j;
    }
    *stop = j;
    return j >= ts_.size() || ts_.IsPunct(j, ',') || ts_.IsPunct(j, '.');
  }

  void Finite(size_t k, absl::string_view lemma) {
    if (AddsToAFeeling(k, lemma)) return;
    // "... to join the alliance and urged ...": a coordinated verb's subject
    // is further back than the words before "and".
    long before_cue = static_cast<long>(k) - 1;
    while (before_cue >= 0 && ts_[before_cue].is_word() && IsAuxiliaryWord(Lower(ts_.Text(before_cue)))) {
      --before_cue;
    }
    bool coordinated = false;
    bool relative = false;
    bool which = false;
    // The verb the subject stands before: the cue, or "went" of "went on to
    // say".
    size_t subject_verb = k;
    if (before_cue >= 0 && ts_[before_cue].is_word()) {
      const std::string w = Lower(ts_.Text(before_cue));
      coordinated = w == "and" || w == "but";
      // "Berg, who said ...", "the union, which said ..." (statements only:
      // "who asked not to be named" reports nothing).
      which = w == "which";
      relative = (w == "who" || which) && before_cue >= 2 && ts_.IsPunct(before_cue - 1, ',') && TakesClause(lemma);
      if (w == "to" && before_cue >= 3 && Lower(ts_.Text(before_cue - 1)) == "on") {
        const std::string go = Lower(ts_.Text(before_cue - 2));
        if (go == "went" || go == "goes" || go == "go" || go == "going") subject_verb = before_cue - 2;
      }
      // "Berg is reported to have said that ...", "was said to have told":
      // the subject of the passive says.
      if (w == "to" && before_cue >= 3 && ts_[before_cue - 1].is_word() && ts_[before_cue - 2].is_word()) {
        const std::string passive = Lower(ts_.Text(before_cue - 1)), be = Lower(ts_.Text(before_cue - 2));
        if ((passive == "reported" || passive == "said" || passive == "understood" || passive == "believed") &&
            IsFiniteBe(be)) {
          subject_verb = before_cue - 2;
        }
      }
      // "would ask", "to say", "did not say": intentions, infinitives and
      // denials of speech are not reports of a statement ("did say" is).
      static const auto* non_reports = new absl::flat_hash_set<absl::string_view>{
          "would", "will", "could", "can", "may", "might", "should", "must", "shall", "to",
          "not", "never", "n't", "wants", "want", "wanted", "refused"};
      if (non_reports->contains(w) && subject_verb == k) return;
    }
    std::optional<SpeakerMention> mention;
    if (coordinated) {
      // "The ministry raised the fees but denies it is ...": a coordinated
      // verb's subject is the sentence's, further back than the words
      // before "and" - or that of the clause a conjunction after a comma
      // opens ("..., sources said, but Tehran played down the attack and
      // indicated ...").
      for (long j = before_cue - 1; j >= 2 && !mention; --j) {
        if (!ts_.IsPunct(j - 1, ',') || !ts_[j].is_word()) continue;
        const std::string conjunction = Lower(ts_.Text(j));
        if (conjunction != "but" && conjunction != "while" && conjunction != "whereas" && conjunction != "and") continue;
        size_t end = 0;
        std::optional<SpeakerMention> subject = ParseMentionAt(text_, ts_, static_cast<size_t>(j) + 1, &end);
        if (subject && static_cast<long>(end) < before_cue && ts_[end].is_word() && !ts_.IsCapitalized(end)) {
          mention = std::move(subject);
        }
        break;
      }
      if (!mention) mention = SentenceSubject(static_cast<size_t>(before_cue));
      if (!mention) return;
    } else if (relative) {
      // "The minister, who said last year that fares would fall, has
      // resigned": the speaker is the noun the relative clause hangs on.
      // (The noun may be an object: "..., according to Ana Lima, who said
      // ...", "The council thanked Ana Lima, who said ...".)
      mention = ParseMentionEndingAt(text_, ts_, static_cast<size_t>(before_cue) - 1);
      if (!mention || InQuote(mention->range.start) ||
          EndsPossessive(text_.substr(mention->range.start, mention->range.size()))) {
        return;
      }
      if (which && mention->kind == MentionKind::kName) return;  // "which" is an organisation's
    } else {
      mention = ParseMentionEndingAt(text_, ts_, subject_verb);
      // ("Residents who lost homes in the flood said": no mention ends at
      // the cue.)
      if (!mention) mention = SubjectBeforeParticiplePhrase(subject_verb);
      if (!mention) {
        // (", reported The Associated Press." is the writer's source.)
        if (subject_verb == k && lemma != "report") Inverted(k);
        return;
      }
      // "Neumann, whose party had insisted on cuts, said ...": the subject
      // of a relative clause about someone else's noun names nobody the
      // index can resolve, and its comma is no trailing cue's.
      if (PhraseFollowsWhose(*mention)) return;
      if (InQuote(mention->range.start)) return;
      // ("..., a move analysts said was meant to reassure markets": a
      // relative clause about the writer's comment, with no subject.)
      if (const size_t first = static_cast<size_t>(TokenBeforePhrase(*mention) + 1);
          first + 1 < ts_.size() && IsArticle(ts_.Text(first)) && IsCommentNoun(Lower(ts_.Text(first + 1)))) {
        return;
      }
      if (!StandsAsSubject(*mention)) {
        // "Families living on a clifftop in Eastholme say ...": the
        // sentence's subject, past a participle phrase describing it (not
        // after a possessive: "Washington's reply" is a noun).
        if (EndsPossessive(text_.substr(mention->range.start, mention->range.size()))) return;
        mention = SubjectBeforeParticiplePhrase(subject_verb);
        if (!mention) return;
      }
    }
    size_t cue_end = k + 1;
    Attribution a = MakeCueAttribution(ts_, *mention, k, kRuleForward, &cue_end);
    if (AsSpeakerSaid(k, a)) return;
    const size_t start = Complement(k, cue_end, lemma, a);
    if (start < ts_.size()) {
      uint32_t end = ClauseEnd(start);
      // "When the minister said the plan was dead, the crowd cheered": a
      // clause of time opening the sentence ends at its comma.
      const long opener = TokenBeforePhrase(*mention);
      static const auto* kSubordinators = new absl::flat_hash_set<absl::string_view>{
          "when", "after", "before", "because", "since", "while", "once", "until", "although", "though"};
      const bool subordinate = opener == 0 && ts_[0].is_word() && kSubordinators->contains(Lower(ts_.Text(0)));
      if (relative || subordinate) {
        // The relative or subordinate clause ends at its closing comma.
        for (size_t j = start; j < ts_.size() && ts_[j].start < end; ++j) {
          if (ts_.IsPunct(j, ',') && !InQuote(ts_[j].start)) {
            end = ts_[j].start;
            break;
          }
        }
      }
      Emit(ts_[start].start, end, a);
      return;
    }
    if (relative) return;
    // Rule 3: the mention follows a comma and the cue ends its clause. Only
    // a verb that reports a statement can ("..., Ek said."); a directive's
    // object is not the sentence before it ("Speaking after the vote, Ek
    // called the result a disaster").
    if (!TakesClause(lemma) || (lemma == "report" && MayBeNewsSource(*mention))) return;
    long before = TokenBeforePhrase(*mention);
    if (before < 1 || !ts_.IsPunct(before, ',')) return;
    // "..., his lawyer, Ana Lima, told reporters.": a role in apposition
    // before the name belongs to the speaker, not the statement.
    if (mention->kind == MentionKind::kName) {
      long c = before - 1;
      bool titled = false;
      while (c > 0 && before - c <= 6 && ts_[c].is_word()) titled |= IsTitleWord(ts_.Stem(c--));
      if (titled && c > 0 && c < before - 1 && ts_.IsPunct(c, ',') &&
          (IsArticleOrPossessive(ts_.Text(c + 1)) || IsTitleWord(ts_.Stem(c + 1)))) {
        const size_t role_start = IsArticle(ts_.Text(c + 1)) ? c + 2 : c + 1;
        if (a.speaker.role.empty()) {
          a.speaker.role = std::string(text_.substr(ts_[role_start].start, ts_[before - 1].end - ts_[role_start].start));
        }
        before = c;
      }
    }
    size_t stop = cue_end;
    if (!OnlyAdjunctFollows(cue_end, &stop)) return;
    // "The doctors' union, the Medical Staff Association, confirmed the
    // decision": a cue with an object is no trailing cue (an addressee is:
    // ", Ek told the BBC."; so is a time: ", she added the next day").
    if (cue_end + 1 < stop && ts_[cue_end].is_word() && IsArticleOrPossessive(ts_.Text(cue_end)) &&
        lemma != "tell" && lemma != "inform" && lemma != "assure" && lemma != "remind" && lemma != "warn" &&
        lemma != "advise") {
      bool time = false;
      for (size_t j = cue_end + 1; j < stop && !time; ++j) time = IsTimeUnitWord(Lower(ts_.Text(j)));
      if (!time) return;
    }
    a.rule = kRuleTrailing;
    // "..., the mayor said on Monday, after the vote." - an adverbial, not
    // the rest of the statement ("The plan, Novak said, was never costed").
    const bool adverbial_follows = stop + 1 < ts_.size() && ts_[stop + 1].is_word() &&
                                   IsAdjunctStart(Lower(ts_.Text(stop + 1)));
    // "..., its chief executive announced, the largest investment since
    // 1998.": a noun phrase after the cue describes the statement; "The
    // plan, Novak said, was never costed" goes on with a verb.
    const bool description_follows =
        stop + 1 < ts_.size() && ts_.IsPunct(stop, ',') && ts_[stop + 1].is_word() && IsArticle(ts_.Text(stop + 1));
    const bool ends_sentence = stop >= ts_.size() || ts_.IsPunct(stop, '.') || adverbial_follows || description_follows;
    // (", the agency said, issuing its highest alert": any participle
    // phrase is about the speaker.)
    const bool participle_follows =
        stop + 1 < ts_.size() && ts_[stop + 1].is_word() &&
        (IsParticipleCue(stop + 1) ||
         (ts_.IsPunct(stop, ',') && !ts_.IsCapitalized(stop + 1) && IsGerundForm(Lower(ts_.Text(stop + 1)))));
    // A sentence opening with a quotation is the quotation's: its speaker
    // is the quote rules' to find.
    if (ts_.size() > 0 && IsQuoteToken(0)) return;
    // "Asked about the final, Petrovic said ...": a participial phrase
    // about the speaker, not a statement.
    if (ts_.size() > 0 && ts_[0].is_word() && IsSpeakerParticiple(Lower(ts_.Text(0)))) return;
    if (ends_sentence || participle_follows) {
      Emit(sentence_.start, ts_[before].start, std::move(a));  // "CLAUSE, she said."
    } else {
      Emit(sentence_.start, ClauseEnd(stop), std::move(a));  // "A, she said, B."
    }
  }

  // "Reporters were told by officials that ...", "Residents were warned by
  // police that ...": a passive cue of telling with its agent after "by"
  // and the clause after "that"; the agent speaks. True when it made a
  // claim.
  bool PassiveWithAgent(size_t k) {
    static const auto* kTelling = new absl::flat_hash_set<absl::string_view>{
        "told", "warned", "informed", "assured", "reminded", "advised"};
    // (Cheapest test first: this runs at every word.)
    if (k == 0 || k + 3 >= ts_.size() || ts_.Text(k + 1) != "by" || !ts_[k - 1].is_word() ||
        !kTelling->contains(ts_.Text(k)) ||
        !(IsFiniteBe(Lower(ts_.Text(k - 1))) || absl::EqualsIgnoreCase(ts_.Text(k - 1), "been"))) {
      return false;
    }
    size_t end = 0;
    std::optional<SpeakerMention> agent = ParseMentionAt(text_, ts_, k + 2, &end);
    if (!agent || agent->kind == MentionKind::kPronoun || end + 1 >= ts_.size() || !ts_[end].is_word() ||
        ts_.Text(end) != "that" || InQuote(agent->range.start)) {
      return false;
    }
    Attribution a = MakeCueAttribution(ts_, *agent, k, kRuleForward);
    const size_t before = found_.size();
    Emit(ts_[end + 1].start, ClauseEnd(end + 1), std::move(a));
    return found_.size() > before;
  }

  // A participle of a clause-taking cue ("adding", "saying") at token i.
  bool IsParticipleCue(size_t i) const {
    const std::string w = Lower(ts_.Text(i));
    return IsGerundForm(w) && TakesClause(ReportingVerbLemma(w));
  }

  // "CLAUSE, said SPEAKER."
  void Inverted(size_t k) {
    if (k < 2 || !ts_.IsPunct(k - 1, ',')) return;
    size_t end = 0;
    std::optional<SpeakerMention> mention = ParseMentionAt(text_, ts_, k + 1, &end);
    if (!mention || mention->kind == MentionKind::kPronoun) return;
    Attribution a = MakeCueAttribution(ts_, *mention, k, kRuleTrailing);
    if (end >= ts_.size() || ts_.IsPunct(end, '.')) {
      Emit(sentence_.start, ts_[k - 1].start, std::move(a));  // "CLAUSE, said Berg."
      return;
    }
    if (!ts_.IsPunct(end, ',') || end + 1 >= ts_.size() || !ts_[end + 1].is_word()) return;
    const std::string next = Lower(ts_.Text(end + 1));
    // "CLAUSE, said Ana Reyes, an analyst at Fenwick." (or ", ..., adding
    // that ..."): an appositive, not the rest of the statement.
    if (IsArticle(next) || IsTitleWord(next) || EndsPossessive(ts_.Text(end + 1))) {
      const size_t close = AppositiveEnd(ts_, end);
      const bool ends = close > end && (close >= ts_.size() || ts_.IsPunct(close, '.'));
      if (ends || (close > end && close + 1 < ts_.size() && ts_[close + 1].is_word() &&
                   (IsAdjunctStart(Lower(ts_.Text(close + 1))) || IsParticipleCue(close + 1)))) {
        if (a.speaker.role.empty()) a.speaker.role = AppositiveRole(text_, ts_, end, close);
        Emit(sentence_.start, ts_[k - 1].start, std::move(a));
        return;
      }
    }
    if (IsParticipleCue(end + 1) || IsAdjunctStart(next) || IsRelativePronoun(next)) {
      // "CLAUSE, said Berg, adding that ...", "..., said Berg, on Tuesday."
      Emit(sentence_.start, ts_[k - 1].start, std::move(a));
    } else if (!IsCueVerbAt(ts_, end + 1)) {
      Emit(sentence_.start, ClauseEnd(end + 1), std::move(a));  // "A, says Berg, B."
    }
  }

  // "..., saying (that) CLAUSE": the speaker is the subject of the nearest
  // finite cue before it in the sentence.
  void Participle(size_t k, absl::string_view lemma) {
    if (k == 0) return;
    // After a comma, a cue, or a quotation closed on its comma ('... fall,"
    // adding that').
    const bool after_quote = k >= 2 && IsQuoteToken(k - 1) && ts_.IsPunct(k - 2, ',');
    // ", rejecting the request and saying that": a second participle of the
    // same subject.
    bool after_participle = false;
    if (ts_[k - 1].is_word() && Lower(ts_.Text(k - 1)) == "and") {
      for (size_t j = k - 1; j >= 2 && k - j <= 16 && !after_participle; --j) {
        after_participle = ts_.IsPunct(j - 1, ',') && ts_[j].is_word() && IsGerundForm(Lower(ts_.Text(j)));
      }
    }
    // "was quoted as saying that ...", "was quoted by Interfax as saying".
    bool quoted_as = false;
    size_t quote_verb = 0;
    if (k >= 2 && ts_[k - 1].is_word() && Lower(ts_.Text(k - 1)) == "as") {
      for (size_t j = k - 2; !quoted_as && ts_[j].is_word() && k - j <= 8; --j) {
        quoted_as = ReportingVerbLemma(Lower(ts_.Text(j))) == "quote";
        quote_verb = j;
        if (j == 0) break;
      }
    }
    if (!ts_.IsPunct(k - 1, ',') && !IsCueVerbAt(ts_, k - 1) && !after_quote && !after_participle && !quoted_as) {
      return;
    }
    std::optional<Attribution> main;
    // "KCNA quoted leader Kim Jong Un as saying": the one quoted speaks (not
    // "was quoted by Interfax as saying", whose subject does).
    if (quoted_as && quote_verb + 2 < k && Lower(ts_.Text(quote_verb + 1)) != "by") {
      size_t end = 0;
      std::optional<SpeakerMention> quoted = ParseMentionAt(text_, ts_, quote_verb + 1, &end);
      if (quoted && end == k - 1) main = MakeCueAttribution(ts_, *quoted, k, kRuleParticiple);
    }
    for (long j = static_cast<long>(k) - 1; j >= 0 && !main; --j) {
      if (!ts_[j].is_word() || InQuote(ts_[j].start) || !IsCueVerbAt(ts_, j)) continue;
      if (IsGerundForm(Lower(ts_.Text(j)))) continue;
      if (std::optional<SpeakerMention> m = ParseMentionEndingAt(text_, ts_, j)) {
        main = MakeCueAttribution(ts_, *m, j, kRuleParticiple);
      } else if (j > 0 && (IsQuoteToken(j - 1) || ts_.IsPunct(j - 1, ','))) {
        // "“…,” said Jean Roux, leader of the party, calling for ...": the
        // speaker after an inverted cue.
        size_t end = 0;
        if (std::optional<SpeakerMention> after = ParseMentionAt(text_, ts_, j + 1, &end);
            after && after->kind != MentionKind::kPronoun) {
          main = MakeCueAttribution(ts_, *after, j, kRuleParticiple);
        }
      }
    }
    if (!main) {
      for (const ReportedSpeech& r : found_) main = r.attribution;
    }
    if (!main) {
      // "Berg rejected the offer, saying ...".
      if (std::optional<SpeakerMention> subject = SentenceSubject(k)) {
        main = MakeCueAttribution(ts_, *subject, k, kRuleParticiple);
      }
    }
    if (!main) return;
    if (AddsToAFeeling(k, lemma)) return;
    Attribution a = *main;
    // "telling ABC radio on Tuesday that ...": the addressee joins the cue.
    size_t cue_end = k + 1;
    const Attribution extended = MakeCueAttribution(ts_, a.speaker, k, kRuleParticiple, &cue_end);
    a.rule = kRuleParticiple;
    a.cue = extended.cue;
    a.cue_lemma = std::string(lemma);
    size_t start = ts_.size();
    const size_t i = cue_end;
    const bool tells = lemma == "tell" || lemma == "inform";
    const bool addressed = tells && cue_end > k + 1;
    // (With no addressee the cue took, "telling angry shop owners that ...":
    // what stands before "that" is still the addressee.)
    const size_t after_that = tells ? AfterThatAhead(i) : ts_.size();
    if (addressed) {
      start = after_that;
      if (start >= ts_.size() && i < ts_.size() && ts_[i].is_word() && OpensBareClause(i) && HasVerbAhead(i)) start = i;
    } else if (after_that < ts_.size()) {
      start = after_that;
    } else if (i < ts_.size() && ts_[i].is_word()) {
      const std::string w = Lower(ts_.Text(i));
      if (w == "that") {
        start = i + 1;
      } else if (AdverbThenThat(i)) {
        start = i + 2;
      } else if (lemma == "call" && (w == "for" || w == "on" || w == "upon") && i + 1 < ts_.size()) {
        // ", calling for protests", ", calling on X to ...".
        a.cue.end = ts_[i].end;
        start = i + 1;
      } else if ((lemma == "promise" || lemma == "vow" || lemma == "pledge" || lemma == "threaten") && w == "to") {
        // ", vowing to continue until ...": a commitment's infinitive, as
        // after "vowed to".
        start = i;
      } else if (lemma != "call" && IsDirective(lemma) && !TakesBareClause(lemma) && !IsAdjunctStart(w)) {
        // ", urging protesters to return home": a directive's object and
        // infinitive.
        start = i;
      } else if (TakesBareClause(lemma) && OpensBareClause(i)) {
        start = i;
      } else {
        for (size_t j = i; j < ts_.size() && j - i < 6; ++j) {
          if (IsQuoteToken(j) || ts_.IsPunct(j, ',')) break;
          if (ts_[j].is_word() && absl::EqualsIgnoreCase(ts_.Text(j), "that")) {
            start = j + 1;
            break;
          }
        }
      }
    }
    if (start < ts_.size()) Emit(ts_[start].start, ClauseEnd(start), std::move(a));
  }

  // "According to SPEAKER, CLAUSE." / "CLAUSE, according to SPEAKER."
  void AccordingTo(size_t k) {
    size_t mention_end = 0;
    std::optional<Attribution> a = ParseAccordingTo(text_, ts_, k, kRuleAccordingTo, &mention_end);
    if (!a || InQuote(a->speaker.range.start)) return;
    // A short description after the source ("people familiar with the
    // matter", "officials close to the talks") belongs to it.
    for (size_t j = mention_end; j < ts_.size() && j - mention_end <= 12 && ts_[j].is_word(); ++j) {
      if (j + 1 >= ts_.size() || ts_.IsPunct(j + 1, ',') || ts_.IsPunct(j + 1, '.')) {
        mention_end = j + 1;
        break;
      }
    }
    // "According to Ek, who chairs the board, ...": past a relative clause;
    // ("..., according to a neighbour, who asked not to be named.") one that
    // ends the sentence describes the source.
    if (mention_end + 1 < ts_.size() && ts_.IsPunct(mention_end, ',') && ts_[mention_end + 1].is_word() &&
        (Lower(ts_.Text(mention_end + 1)) == "who" || Lower(ts_.Text(mention_end + 1)) == "which")) {
      if (const size_t close = NextComma(mention_end + 2, ts_.size(), 13); close < ts_.size()) {
        mention_end = close;
      } else if (k > 0 && ts_.IsPunct(k - 1, ',')) {
        mention_end = ts_.IsPunct(ts_.size() - 1, '.') ? ts_.size() - 1 : ts_.size();
      }
    }
    // (At the sentence's start, or after a semicolon: "According to Berg,
    // the deal is dead; according to Lima, it is alive.")
    const bool opens = k == 0 || ts_.IsPunct(k - 1, ';');
    if (opens && mention_end < ts_.size() && ts_.IsPunct(mention_end, ',')) {
      if (mention_end + 1 < ts_.size()) Emit(ts_[mention_end + 1].start, ClauseEnd(mention_end + 1), *a);
      return;
    }
    // "..., according to Ana Reyes, a hydrologist.": an appositive may end
    // the sentence after the source.
    size_t end = mention_end;
    // (Not a verb going on with the statement: "The plan, according to the
    // minister, is dead.")
    const bool verb_follows = end + 1 < ts_.size() && ts_[end + 1].is_word() &&
                              IsFiniteAuxiliary(Lower(ts_.Text(end + 1)));
    if (const size_t j = AppositiveEnd(ts_, end);
        !verb_follows && j > end && (j >= ts_.size() || ts_.IsPunct(j, '.'))) {
      if (a->speaker.role.empty()) a->speaker.role = AppositiveRole(text_, ts_, end, j);
      end = j;
    }
    // After a statement already reported in the sentence ("The board has
    // said ..., according to a letter seen by the Gazette"), the source is
    // the writer's, not a second speaker.
    if (k > 0 && ts_.IsPunct(k - 1, ',') && (end >= ts_.size() || ts_.IsPunct(end, '.')) && found_.empty()) {
      // (Nor after a quotation with its own cue: "“Let's go,” he shouted,
      // according to witnesses.")
      const uint32_t before = ts_[k - 1].start;
      if (std::any_of(quote_cues_.begin(), quote_cues_.end(), [before](uint32_t cue) { return cue < before; })) {
        return;
      }
      Emit(sentence_.start, before, *a);
      return;
    }
    // "The plan, according to the minister, is dead.": the statement runs
    // around the source, as in "A, says X, B".
    if (k > 1 && ts_.IsPunct(k - 1, ',') && mention_end + 1 < ts_.size() && ts_.IsPunct(mention_end, ',') &&
        ts_[mention_end + 1].is_word() && !ts_.IsCapitalized(mention_end + 1) && found_.empty()) {
      Emit(sentence_.start, ClauseEnd(mention_end + 1), *a);
    }
  }

  // "As the minister said on Monday, the plan is dead.": the clause after
  // the comma closing "As SPEAKER CUE [adjunct]" is the statement.
  bool AsSpeakerSaid(size_t k, const Attribution& a) {
    if (k < 2 || !ts_[0].is_word() || Lower(ts_.Text(0)) != "as") return false;
    if (a.speaker.range.start != ts_[1].start) return false;
    size_t stop = 0;
    if (!OnlyAdjunctFollows(k + 1, &stop) || stop + 1 >= ts_.size() || !ts_.IsPunct(stop, ',')) return false;
    Emit(ts_[stop + 1].start, ClauseEnd(stop + 1), a);
    return true;
  }

  absl::string_view text_;
  TextRange sentence_;
  absl::Span<const TextRange> quoted_;
  absl::Span<const uint32_t> quote_cues_;
  TokenStream ts_;
  std::vector<ReportedSpeech> found_;
};

}  // namespace

std::vector<ReportedSpeech> FindReportedSpeech(absl::string_view text, TextRange sentence,
                                               absl::Span<const TextRange> quoted,
                                               absl::Span<const uint32_t> quote_cues) {
  return SentenceRules(text, sentence, quoted, quote_cues).Run();
}

}  // namespace claims::extractor
