// Attribution of quotations: which words name the speaker and which words are
// the cue, found by an ordered sieve of structural rules over tokens.
//
//   1. after the closing mark:   “…,” SPEAKER [also|later] CUE …
//   2. after the closing mark:   “…,” CUE SPEAKER …
//   3. before the opening mark:  SPEAKER CUE [that|,|:] “…”
//   4. inside the sentence:      SPEAKER CUE … “…” … (a partial quote)
// SPEAKER is a pronoun, or a run of capitalised words and title words
// ("NATO Secretary General Jane Doe", "the Interior Ministry", "Doe"),
// optionally followed by an appositive (", the country's envoy to X,").
// CUE is a reporting verb from the lexicon, extended by the addressee of
// "told" ("told reporters") or by "according to".
//
// Thread-compatible: pure functions.
#ifndef CLAIMS_EXTRACTOR_SERVICE_ATTRIBUTOR_H_
#define CLAIMS_EXTRACTOR_SERVICE_ATTRIBUTOR_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "extractor_service/quote_finder.h"
#include "extractor_service/segmenter.h"
#include "extractor_service/tokens.h"

namespace claims::extractor {

// What the speaker mention is.
enum class MentionKind {
  kName,          // contains a name ("Jane Doe", "Doe", "Minister Jane Doe")
  kPronoun,       // he, she, they
  kTitle,         // a role with no name ("the finance minister", "NATO chief")
  kOrganization,  // an organisation ("the Kremlin", "the Interior Ministry")
};

// A speaker mention as written.
struct SpeakerMention {
  // The whole mention, titles included ("NATO Secretary General Jane Doe").
  TextRange range;
  MentionKind kind = MentionKind::kName;
  // The name part ("Jane Doe"); for titles and organisations, the mention
  // without a leading article.
  std::string name;
  // Title or role stated with the mention or in an appositive.
  std::string role;
  // For pronouns: 'm', 'f' or 'p' (see PronounKind()), or 'u' for an
  // epithet of a person of unknown gender ("the 54-year-old").
  char pronoun = 0;
  // For names and titles: 'f' or 'm' when an honorific or role word before
  // the name says so ("Ms Doe", "the spokeswoman"), else 0.
  char gender = 0;
  // Introduced by "a"/"an" ("a harbour official"): someone not named, never
  // an earlier speaker holding the role.
  bool indefinite = false;
  // For titles and organisations after a possessive pronoun ("her office",
  // "his lawyer", "its chairman"): the pronoun's kind ('m', 'f' or 'p'),
  // the possessive being part of the range; 0 otherwise.
  char possessor = 0;
  // The document the speaker is heard through ("The report, published by
  // the Care Inspectorate, said": "report"), lower case; "" otherwise.
  std::string through;
};

// A found attribution.
struct Attribution {
  SpeakerMention speaker;
  // The cue as written ("said", "told reporters", "According to").
  TextRange cue;
  // The cue's lemma ("say", "tell", "according to").
  std::string cue_lemma;
  // Which sieve rule matched (1..4); lower is more reliable.
  int rule = 0;
};

// AttributeQuote()
//
// Finds the attribution of `quote` within `sentence` (the sentence holding
// its opening mark, extended to hold its closing mark) of paragraph `para`.
std::optional<Attribution> AttributeQuote(absl::string_view text, const QuoteSpan& quote,
                                          TextRange sentence, TextRange para);

// HeadlineAttribution()
//
// The speaker of a quotation in the headline `headline`, where words are in
// title case and cues in the present tense: "Moscow Warns of ‘Retaliatory
// Measures’" (a cue, maybe with "of", "on" or "over", right before the
// quotation) or "‘We Will Not Back Down’: Minister Vows to Fight On" (the
// quotation opening the headline, a colon, then the speaker and a cue) or
// "Lanz: ‘We will not be intimidated’" (a name labelling the quotation, the
// colon its cue; a single word the caller checks is a person's surname).
// nullopt otherwise: a headline's other quotations are names or scare
// quotes.
std::optional<Attribution> HeadlineAttribution(absl::string_view text, const QuoteSpan& quote, TextRange headline);

// WordsNamedAfter()
//
// "That was the message from the union's leader, Ana Lima.": a sentence
// opening the paragraph after a quotation that names whose words they
// were. The attribution it gives (its cue from "That" to "from"), if it is
// such a sentence.
std::optional<Attribution> WordsNamedAfter(absl::string_view text, TextRange sentence);

// SkipParenthesisForward()
//
// The token after a short parenthesis (at most 8 tokens, no quotation)
// opening at token `i` ("Acme Corp. (NYSE: ACM) said"); `i` when none opens
// there.
size_t SkipParenthesisForward(const TokenStream& ts, size_t i);

// AppositiveEnd()
//
// Where an appositive starting after the comma at token `comma` ends: the
// first token after at most 12 words (or dashes) with no cue verb among
// them, when it is the end of `ts`, a period or a comma; `comma` when there
// is no such appositive ("said Ana Reyes, a hydrologist at the institute.").
size_t AppositiveEnd(const TokenStream& ts, size_t comma);

// AppositiveRole()
//
// The words of the appositive between the comma at `comma` and token `end`
// (AppositiveEnd()), without a leading article: a speaker's role.
std::string AppositiveRole(absl::string_view text, const TokenStream& ts, size_t comma, size_t end);

// NamedPeople()
//
// People named by a full name in `sentence` (two to five name words, the
// first a known given name), outside quotation marks, in order.
std::vector<SpeakerMention> NamedPeople(absl::string_view text, TextRange sentence);

// ParseMentionBefore()
//
// Parses a speaker mention ending just before token position `end_pos`
// (typically a cue verb), skipping auxiliaries ("has", "also"). Exposed for
// the reported-speech rules.
std::optional<SpeakerMention> ParseMentionBefore(absl::string_view text, TextRange limit,
                                                 uint32_t end_pos);

// NarrativeSubject()
//
// The person a sentence of narration is about, when its subject is a named
// person ("Per Dahl struck a hopeful tone.", "The party's negotiator, Per
// Dahl, struck ...", "On Monday, Dahl visited ..."): registered in document
// order so that a later "he said" can refer to them. nullopt otherwise
// (another kind of subject, a possessive, a quotation).
std::optional<SpeakerMention> NarrativeSubject(absl::string_view text, TextRange sentence);

// Building blocks shared with the reported-speech rules
// (reported_speech.h), over a TokenStream of normalised text.

// True when token i is a lower-case reporting verb of the lexicon.
bool IsCueVerbAt(const TokenStream& ts, size_t i);

// IsDocumentWord()
//
// A document that speaks for its authors ("a statement from the ministry",
// "a study by the university"), lower case; its figures too ("figures from
// the ministry").
bool IsDocumentWord(absl::string_view word);

// IsDataWord()
//
// Figures that speak for whoever compiled them ("figures", "data",
// "statistics"), lower case.
bool IsDataWord(absl::string_view word);

// A mention starting at token i; *end receives the index after it.
std::optional<SpeakerMention> ParseMentionAt(absl::string_view text, const TokenStream& ts, size_t i,
                                             size_t* end);

// A mention ending just before token `verb`, skipping auxiliaries and an
// appositive (", the country's envoy,").
std::optional<SpeakerMention> ParseMentionEndingAt(absl::string_view text, const TokenStream& ts, size_t verb);

// The index after a time adjunct starting at token `i` ("on Monday", "last
// week", "earlier this month", "yesterday"); `i` when there is none.
size_t SkipTimeAdjunct(const TokenStream& ts, size_t i);

// The index after a quantity phrase starting at token `i` that may count a
// group of speakers ("two", "200", "about 200", "more than 1,000", "at
// least 50", "some 40", "dozens of", "tens of thousands of"); `i` when
// there is none.
size_t SkipQuantity(const TokenStream& ts, size_t i);

// The attribution of `mention` with the cue verb at token `verb`, extended by
// the addressee of "told" ("told reporters"). *cue_end (optional) receives
// the index after the cue.
Attribution MakeCueAttribution(const TokenStream& ts, SpeakerMention mention, size_t verb, int rule,
                               size_t* cue_end = nullptr);

// "according to SPEAKER" with "according" at token i.
std::optional<Attribution> ParseAccordingTo(absl::string_view text, const TokenStream& ts, size_t i, int rule,
                                            size_t* mention_end = nullptr);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_ATTRIBUTOR_H_
