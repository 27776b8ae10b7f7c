#include "extractor_service/attributor.h"

#include <string>

#include "gtest/gtest.h"
#include "extractor_service/text_normalizer.h"

namespace claims::extractor {
namespace {

struct Result {
  std::string mention, name, role, cue, lemma;
  MentionKind kind = MentionKind::kName;
  int rule = 0;
};

// Attributes the first quotation of a one-paragraph text.
std::optional<Result> Attribute(const std::string& raw) {
  NormalizedText n = Normalize(raw);
  const std::string& t = n.text();
  std::vector<TextRange> paragraphs = SplitParagraphs(t);
  std::vector<QuoteSpan> quotes = FindQuotes(t, n.marks(), paragraphs);
  if (quotes.empty()) return std::nullopt;
  TextRange para = paragraphs[0];
  std::optional<Attribution> a = AttributeQuote(t, quotes[0], para, para);
  if (!a) return std::nullopt;
  Result r;
  r.mention = t.substr(a->speaker.range.start, a->speaker.range.size());
  r.name = a->speaker.name;
  r.role = a->speaker.role;
  r.cue = t.substr(a->cue.start, a->cue.size());
  r.lemma = a->cue_lemma;
  r.kind = a->speaker.kind;
  r.rule = a->rule;
  return r;
}

TEST(AttributorTest, NameAndTitleAfterQuote) {
  auto r = Attribute("\"Rates will fall,\" Central Bank Governor Ruth Akinyi said on Tuesday.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->mention, "Central Bank Governor Ruth Akinyi");
  EXPECT_EQ(r->name, "Ruth Akinyi");
  EXPECT_EQ(r->role, "Central Bank Governor");
  EXPECT_EQ(r->cue, "said");
  EXPECT_EQ(r->rule, 1);
}

// An adjunct between the cue and the colon ("said in a statement:") keeps
// the quotation the cue's own (rule 3), so it counts as direct.
TEST(AttributorTest, AdjunctBetweenCueAndColon) {
  auto r = Attribute("The port board said in a statement: \"The sale will be delayed.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "port board");
  EXPECT_EQ(r->cue, "said");
  EXPECT_EQ(r->rule, 3);
}

std::string NarratedName(const std::string& sentence) {
  std::optional<SpeakerMention> m = NarrativeSubject(sentence, {0, static_cast<uint32_t>(sentence.size())});
  return m ? m->name : "";
}

// The named person narration is about, so that a later "he said" can mean
// them; not a possessive, a non-person or a quotation.
TEST(AttributorTest, NarrativeSubjects) {
  EXPECT_EQ(NarratedName("Per Dahl struck a more hopeful tone."), "Per Dahl");
  EXPECT_EQ(NarratedName("The Greens' lead negotiator, Per Dahl, struck a more hopeful tone."), "Per Dahl");
  EXPECT_EQ(NarratedName("On Monday, Per Dahl visited the island."), "Per Dahl");
  EXPECT_EQ(NarratedName("Dahl's office declined to comment."), "");
  EXPECT_EQ(NarratedName("The talks stalled on Monday."), "");
  EXPECT_EQ(NarratedName("\"We will win,\" Dahl said."), "");
  // An organisation with a name of its own ("Skyway Airlines cancelled ...
  // The carrier said").
  EXPECT_EQ(NarratedName("Skyway Airlines cancelled 400 flights on Friday."), "Skyway Airlines");
  // A country's role past its possessive, with an adverb modifying the
  // role's modifier.
  EXPECT_EQ(NarratedName("Velmora's newly elected President Anura Kumara Tennakoon was sworn in."),
            "Anura Kumara Tennakoon");
  // Past a phrase of lower-case words before a comma.
  EXPECT_EQ(NarratedName("Every spring for forty years, Ivo Brdar has driven his sheep up the valley."), "Ivo Brdar");
  EXPECT_EQ(NarratedName("Every spring for forty years, the sheep have gone up the valley."), "");
  // A group by its kind, for a later "they said".
  EXPECT_EQ(NarratedName("The unions walked out of the talks."), "unions");
}

// A colon with no verb of speech: the subject of the clause before it.
TEST(AttributorTest, ColonAfterTheSpeakersClause) {
  auto r = Attribute("Omar Haddad was blunt: \"The offer is an insult.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Omar Haddad");
  EXPECT_EQ(r->cue, ":");
  EXPECT_EQ(r->lemma, ":");
  // An interview's speaker label: a person's full name and a colon.
  r = Attribute("Ada Quist: \"The offer is an insult.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Ada Quist");
  EXPECT_FALSE(Attribute("Notice: \"Closed until Monday.\""));
  // What a person's words were called: "Quist's answer was short: “…”".
  r = Attribute("Ada Quist's answer to the unions was short: \"Come back to the table.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Ada Quist");
  // The subject of a possessive ("Haddad's") or a list is not a speaker.
  EXPECT_FALSE(Attribute("The notice on the door: \"Closed until Monday.\""));
  EXPECT_FALSE(Attribute("Omar Haddad's sign read: \"Closed until Monday.\""));
}

// "the 54-year-old": an epithet for the person last spoken of.
TEST(AttributorTest, AgeEpithetAfterQuote) {
  auto r = Attribute("\"We have no choice,\" the 54-year-old told reporters.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->mention, "the 54-year-old");
  EXPECT_EQ(r->kind, MentionKind::kPronoun);
  EXPECT_EQ(r->cue, "told reporters");
}

TEST(AttributorTest, PossessiveRoleThenNameAfterQuote) {
  auto r = Attribute("\"The pier will be built,\" its chairman, Nils Ek, said.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Nils Ek");
  EXPECT_EQ(r->role, "chairman");
  EXPECT_EQ(r->cue, "said");
  EXPECT_EQ(r->rule, 1);
}

TEST(AttributorTest, VerbBeforeSpeakerWithAppositive) {
  auto r = Attribute("\"We did not discuss it,\" said Omar Haddad, the union's chief negotiator.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Omar Haddad");
  EXPECT_EQ(r->lemma, "say");
  EXPECT_EQ(r->rule, 2);
}

TEST(AttributorTest, PronounsAndAddressees) {
  auto r = Attribute("\"The door stays open,\" she told reporters.");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, MentionKind::kPronoun);
  EXPECT_EQ(r->cue, "told reporters");
  EXPECT_EQ(r->lemma, "tell");
}

TEST(AttributorTest, CueBeforeQuote) {
  auto r = Attribute("Health Minister Lena Fischer warned: \"Winter will be hard.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Lena Fischer");
  EXPECT_EQ(r->lemma, "warn");
  EXPECT_EQ(r->rule, 3);
}

TEST(AttributorTest, AdjunctBetweenSpeakerAndCueBeforeQuote) {
  auto r = Attribute("The minister, in a statement, said: \"Ports must stay open to every ship.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->mention, "The minister");
  EXPECT_EQ(r->cue, "said");
  EXPECT_EQ(r->rule, 3);
  r = Attribute("Ruth Akinyi, on Tuesday, warned that \"Rates cannot fall this year.\"");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Ruth Akinyi");
  EXPECT_EQ(r->lemma, "warn");
}

TEST(AttributorTest, AppositiveBeforeVerb) {
  auto r = Attribute("Marta Ruiz, the country's energy minister, told the broadcaster that prices were \"out of control\".");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "Marta Ruiz");
  EXPECT_EQ(r->role, "country's energy minister");
}

TEST(AttributorTest, OrganisationsAndTitles) {
  auto r = Attribute("The Interior Ministry said the roads were \"fully passable\".");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, MentionKind::kOrganization);
  EXPECT_EQ(r->name, "Interior Ministry");
  auto t = Attribute("\"Talks continue,\" the chief negotiator said.");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->kind, MentionKind::kTitle);
}

TEST(AttributorTest, NoCueNoAttribution) {
  EXPECT_FALSE(Attribute("The ship \"Northern Star\" left port."));
}


TEST(AttributorTest, RoleBeforeTheNameInAnAppositive) {
  const std::string text =
      "The harbour's chief engineer, Ines Duarte, said: \"The wall will hold.\" Later the town's mayor, "
      "Paul Weber, told reporters: \"We will see.\"";
  std::vector<TextRange> paragraphs = SplitParagraphs(text);
  std::vector<QuoteSpan> quotes = FindQuotes(text, Normalize(text).marks(), paragraphs);
  ASSERT_EQ(quotes.size(), 2u);
  const TextRange sentence{0, static_cast<uint32_t>(text.size())};
  auto first = AttributeQuote(text, quotes[0], sentence, paragraphs[0]);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->speaker.name, "Ines Duarte");
  EXPECT_EQ(first->speaker.role, "harbour's chief engineer");
  auto second = AttributeQuote(text, quotes[1], sentence, paragraphs[0]);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->speaker.name, "Paul Weber");
  EXPECT_EQ(text.substr(second->cue.start, second->cue.size()), "told reporters");
}

// An appositive closing the sentence after "said NAME" is the speaker's
// role; an age or a relative clause is not.
TEST(AttributorTest, AppositiveAfterAnInvertedCue) {
  auto r = Attribute("\"The lake is rising,\" said Ana Lima, a hydrologist at the institute.");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->name, "Ana Lima");
  EXPECT_EQ(r->role, "hydrologist at the institute");
  r = Attribute("\"The lake is rising,\" said Ana Lima, 72.");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->role, "");
  r = Attribute("\"The lake is rising,\" says Ana Lima, who has lived there since 1962.");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->role, "");
  r = Attribute("\"The lake is rising,\" said Ana Lima, a lawyer with Lakewatch, which brought the case.");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->role, "lawyer with Lakewatch");
}

}  // namespace
}  // namespace claims::extractor
