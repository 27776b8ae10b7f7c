// General English lexicons for attribution: reporting verbs, titles and
// roles, organisation words, pronouns and words that never start a name.
// Nothing here names a particular person, outlet or event.
#ifndef CLAIMS_EXTRACTOR_SERVICE_LEXICON_H_
#define CLAIMS_EXTRACTOR_SERVICE_LEXICON_H_

#include <string>

#include "absl/strings/string_view.h"

namespace claims::extractor {

// ReportingVerbLemma()
//
// The base form of a reporting verb ("said" -> "say", "told" -> "tell",
// "emphasised" -> "emphasise"), or "" when `word` (lower case) is not one.
absl::string_view ReportingVerbLemma(absl::string_view word);

// IsTitleWord()
//
// True for words that make up titles and roles ("minister", "secretary",
// "general", "chief", "spokeswoman", "deputy", "foreign"), case-insensitive.
bool IsTitleWord(absl::string_view word);

// IsRelativePronoun()
//
// "who", "which" or "whose" (lower case): an appositive or a relative
// clause about the noun before it starts here ("Ana Lima, who leads ...").
bool IsRelativePronoun(absl::string_view word);

// IsPortfolioWord()
//
// A title word naming a government portfolio ("energy", "health",
// "transport"): the head of a company's name when no office follows
// ("Northline Energy"). Case-insensitive.
bool IsPortfolioWord(absl::string_view word);

// IsPluralTitleWord()
//
// The plural of a title or role word ("officials", "witnesses", "deputies",
// "residents") or of an organisation word ("unions", "ministries"), and
// "people": a group speaks, never one person. Case-insensitive.
bool IsPluralTitleWord(absl::string_view word);

// The singular of a plural IsPluralTitleWord() knows, lower case
// ("landlords" -> "landlord", "deputies" -> "deputy", "people" ->
// "person"); "" for other words.
std::string SingularOfPluralTitle(absl::string_view word);

// IsArticle()
//
// "the", "a" or "an", case-insensitive.
bool IsArticle(absl::string_view word);

// IsArticleOrPossessive()
//
// An article or a possessive determiner ("the", "a", "an", "its", "her",
// ...), case-insensitive: the word after it opens a noun phrase, not a verb.
bool IsArticleOrPossessive(absl::string_view word);

// IsQuantifier()
//
// Numbers and quantifiers that open a group's noun phrase like a
// determiner ("two officials", "several residents"), case-insensitive.
bool IsQuantifier(absl::string_view word);

// IsHonorific()
//
// "Mr", "Mrs", "Ms", "Dr", "Sir", ... (without a period), case-sensitive.
bool IsHonorific(absl::string_view word);

// Whether a lower-case word names what a person said ("message",
// "verdict", "comments"): "Ek's message was simple: “…”", "That was the
// warning from Ek."
bool IsWordsNoun(absl::string_view word);

// Whether a lower-case word names news media ("paper", "broadcaster",
// "news"): their "reported" cites a source rather than reports a finding.
bool IsNewsMediaWord(absl::string_view word);

// IsOrganizationWord()
//
// True for words that make a mention an organisation ("ministry",
// "government", "office", "council", "presidency", "agency"), and for the
// conventional names of seats of power used for their governments
// ("Kremlin", "Pentagon"), case-insensitive.
bool IsOrganizationWord(absl::string_view word);

// IsCompanyNameEnding()
//
// True for a word that, ending a capitalised name, makes it a company's: a
// legal form ("Ltd", "Inc", "plc", "GmbH"; the two- and three-letter forms
// that are also name parts, "AG", "SA", "AB", only in capitals) or a
// business's plural line of trade ("Holdings", "Pharmaceuticals",
// "Airlines").
bool IsCompanyNameEnding(absl::string_view word);

// PronounKind()
//
// 'm' for he/him/his, 'f' for she/her, 'p' for they/them/it, 'i' for I/we;
// 0 otherwise. Case-insensitive.
char PronounKind(absl::string_view word);

// IsNonNameCapitalized()
//
// Capitalised words that do not begin a name even at the start of a clause:
// determiners, conjunctions, weekday and month names ("The", "But",
// "Wednesday", "January").
bool IsNonNameCapitalized(absl::string_view word);

// WeekdayIndex()
//
// 0 for Monday .. 6 for Sunday; -1 when `word` is not a weekday name.
int WeekdayIndex(absl::string_view word);

// MonthIndex()
//
// 1..12 for a month name or its abbreviation ("Jan", "Sept"); 0 otherwise.
int MonthIndex(absl::string_view word);

// IsGerundForm()
//
// A lower-case "-ing" form of more than four letters ("saying", "adding"):
// a participle continues its sentence's subject, it is not the inverted
// "said X".
bool IsGerundForm(absl::string_view word);

// IsParentheticalStart()
//
// Whether a lower-case word opens a comma-delimited adjunct that may stand
// between a speaker and the reporting verb ("The minister, in a statement,
// said"; "Doe, speaking on Monday, said"): prepositions, time words and
// participles of speaking. Weekdays count too.
bool IsParentheticalStart(absl::string_view word);

// IsSpeakerParticiple()
//
// Whether a lower-case word opens a participial phrase about the speaker
// that may open a sentence ("Asked about the final, Petrovic said ...",
// "Speaking to reporters, ..."): such a phrase is never the statement.
bool IsSpeakerParticiple(absl::string_view word);

// IsCognitionLemma()
//
// Lemmas of the lexicon that report a belief or expectation rather than an
// utterance ("believe", "hope", "expect", "estimate"): weaker cues.
bool IsCognitionLemma(absl::string_view lemma);

// GovernmentName()
//
// For a country, its capital, its seat of government or "<demonym>
// government" used as a speaker ("Moscow", "Russia", "the Kremlin",
// "Washington", "U.S."), the one name used for that government: the
// conventional metonym where one dominates English news ("Kremlin"),
// otherwise the country's short English name ("United States"). Empty when
// `name` is none of these. Case-sensitive on the first letter; a leading
// "the" is ignored.
absl::string_view GovernmentName(absl::string_view name);

// IsPersonEpithet()
//
// A capitalised noun naming one person by nationality or party, as the
// head of "the Brazilian", "the Swede", "the Frenchman", "the Democrat"
// (not "British" or "Chinese", which name a people). Case-sensitive.
bool IsPersonEpithet(absl::string_view word);

// IsEpithetNoun()
//
// A noun by which a writer names someone already spoken of when nobody
// holds it as a role: a stage of life, a sport's position, a performer's
// trade ("the teenager said", "the striker added", "the singer told the
// crowd"). Case-insensitive.
bool IsEpithetNoun(absl::string_view word);

// GivenNameGender()
//
// 'f' or 'm' for given names that are overwhelmingly used for one gender
// across English-language news ("Helena", "Tomasz"); 0 for unknown or
// ambiguous names. Case-insensitive.
char GivenNameGender(absl::string_view given_name);

// IsMannerOfSpeakingLemma()
//
// Cues that describe how words were said ("laugh", "sigh", "shrug"): they
// attribute a quotation next to them, never one further away in the
// sentence and never a reported clause.
bool IsMannerOfSpeakingLemma(absl::string_view lemma);

// IsNameParticle()
//
// Lower-case words that stand inside surnames ("van", "der", "de", "bin"),
// case-sensitive: "De Souza" opening a sentence is a capitalised word.
bool IsNameParticle(absl::string_view word);

// IsFiniteAuxiliary()
//
// Finite auxiliaries, modals and copulas, lower-cased: after "it", "there"
// or "this" they make the pronoun a clause's subject ("said it had no
// plans", "says there is no risk") rather than an object or the start of
// an adjunct ("said it twice", "said this week").
bool IsFiniteAuxiliary(absl::string_view word);

// LastWord()
//
// The last space-separated word of a name ("ministry" of "the foreign
// ministry"); the whole name when it is one word.
absl::string_view LastWord(absl::string_view name);

// IsMannerAdverb()
//
// An adverb that may follow a cue ("said only:", "added quickly", "saying
// only that"), lower-cased.
bool IsMannerAdverb(absl::string_view word);

// IsArticledSurname()
//
// A surname joined to its Arabic article, written in lower case ("al-Ansari",
// "el-Sisi", "ash-Shara"): a name word though it is not capitalised.
bool IsArticledSurname(absl::string_view word);

// SurnameWithoutArticle()
//
// A surname past its Arabic article, in any case ("al-Sisi", "Al-Sisi",
// "al-sisi" -> "Sisi", "Sisi", "sisi"); `word` itself when it has none.
absl::string_view SurnameWithoutArticle(absl::string_view word);

// IsTimeUnitWord()
//
// A unit or part of time that ends a time phrase ("last week", "the next
// day", "on Tuesday night"), lower-cased.
bool IsTimeUnitWord(absl::string_view word);

// WordGender()
//
// 'f' or 'm' for an honorific ("Ms", "Sir", case-sensitive) or a role or
// kinship noun that names one gender ("spokeswoman", "queen", "father";
// case-insensitive); 0 otherwise. Words used for either ("chairman",
// "Dr") are 0.
char WordGender(absl::string_view word);

}  // namespace claims::extractor

#endif  // CLAIMS_EXTRACTOR_SERVICE_LEXICON_H_
