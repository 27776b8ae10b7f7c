// The hard cases of claim extraction, each on sentences written for this
// test, through the whole pipeline.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "extractor_service/extraction_pipeline.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

using ::testing::IsEmpty;

std::vector<v1::Claim> Claims(const std::string& text, const std::string& published = "") {
  v1::Document doc;
  doc.set_doc_id("hard");
  doc.set_text(text);
  if (!published.empty()) {
    doc.mutable_metadata()->mutable_published_date()->set_year(std::stoi(published.substr(0, 4)));
    doc.mutable_metadata()->mutable_published_date()->set_month(std::stoi(published.substr(5, 2)));
    doc.mutable_metadata()->mutable_published_date()->set_day(std::stoi(published.substr(8, 2)));
  }
  absl::StatusOr<v1::ExtractResponse> r = ExtractionPipeline().Extract(doc);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? std::vector<v1::Claim>(r->claims().begin(), r->claims().end()) : std::vector<v1::Claim>{};
}

// The claim whose text is `text`, or an empty claim.
v1::Claim Find(const std::vector<v1::Claim>& claims, const std::string& text) {
  for (const v1::Claim& c : claims) {
    if (c.text() == text) return c;
  }
  ADD_FAILURE() << "no claim \"" << text << "\" among " << claims.size();
  return v1::Claim();
}

std::string Date(const v1::Claim& c) {
  if (c.statement_date().year() == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", c.statement_date().year(), c.statement_date().month(),
                c.statement_date().day());
  return buf;
}

// A whole article of the shapes news attributions take: a possessor before
// a role, an epithet, a coordinated verb past an appositive, a group with
// the place it belongs to, a bare clause after a time adjunct.
TEST(HardCasesTest, AnArticleOfCommonAttributionShapes) {
  const auto claims = Claims(
      "Harbour fees to rise as islands protest\n\n"
      "OSTERBY, Velmora (Tidewater Gazette) - Velmora's transport minister Ada Quist said on Tuesday that "
      "crossing fees would rise by 12 percent in January.\n\n"
      "\"We have no choice,\" the 54-year-old told reporters in Osterby.\n\n"
      "Bo Lind, who leads the council on Skarpo, called the rise \"a tax on living on an island\" and said "
      "his council would ask for an exemption.\n\n"
      "The ministry said on Wednesday it had no plans to sell the ferry line. Officials in Osterby insist "
      "the timetable will not change.\n",
      "2026-03-05");
  const v1::Claim rise = Find(claims, "crossing fees would rise by 12 percent in January");
  EXPECT_EQ(rise.speaker().canonical_name(), "Ada Quist");
  EXPECT_EQ(Date(rise), "2026-03-03");
  EXPECT_EQ(Find(claims, "We have no choice").speaker().canonical_name(), "Ada Quist");
  EXPECT_EQ(Find(claims, "his council would ask for an exemption").speaker().canonical_name(), "Bo Lind");
  EXPECT_EQ(Find(claims, "it had no plans to sell the ferry line").speaker().canonical_name(), "ministry");
  EXPECT_EQ(Find(claims, "the timetable will not change").speaker().canonical_name(), "Officials in Osterby");
}

// British house style: honorifics with surnames, present-tense "says", a
// plural possessive inside an appositive, a description the lexicon does not
// know before a name, a role before a titled name, and a quotation run over
// two paragraphs with its cue after the second.
TEST(HardCasesTest, BritishHouseStyle) {
  const auto claims = Claims(
      "Ferry timetable cut\n\n"
      "The harbour board's chair, Mr Colm Arden, said: \"We should have warned people sooner.\"\n\n"
      "Ms Voss, who runs the islanders' association, says the cuts will hurt the elderly most. "
      "\"Some of them cannot drive,\" she says.\n\n"
      "\"The crossing is our only road. Without it we are cut off.\n\n"
      "\"Nobody asked us,\" she added.\n\n"
      "A spokeswoman for the operator said the winter timetable would be reviewed.\n\n"
      "\"We lost two bookings in a week,\" said guesthouse keeper Ilse Brandt.\n\n"
      "Arden's deputy, Councillor Noor Haddad, said the board would meet again in May.\n",
      "2026-02-10");
  EXPECT_EQ(Find(claims, "We should have warned people sooner").speaker().canonical_name(), "Colm Arden");
  const v1::Claim cuts = Find(claims, "the cuts will hurt the elderly most");
  EXPECT_EQ(cuts.speaker().mention(), "Ms Voss");
  // "she" is not the man named before her.
  EXPECT_EQ(Find(claims, "Some of them cannot drive").speaker().canonical_name(), "Voss");
  // One claim a paragraph, both with the cue after the second.
  const v1::Claim road = Find(claims, "The crossing is our only road. Without it we are cut off");
  const v1::Claim asked = Find(claims, "Nobody asked us");
  EXPECT_EQ(road.speaker().canonical_name(), "Voss");
  EXPECT_EQ(road.cue().text(), "added");
  EXPECT_EQ(asked.cue().text(), "added");
  // An unnamed spokeswoman speaks for her organisation.
  const v1::Claim reviewed = Find(claims, "the winter timetable would be reviewed");
  EXPECT_EQ(reviewed.speaker().canonical_name(), "operator");
  EXPECT_EQ(reviewed.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(reviewed.speaker().mention(), "spokeswoman for the operator");
  const v1::Claim bookings = Find(claims, "We lost two bookings in a week");
  EXPECT_EQ(bookings.speaker().canonical_name(), "Ilse Brandt");
  EXPECT_EQ(bookings.speaker().role(), "guesthouse keeper");
  const v1::Claim meet = Find(claims, "the board would meet again in May");
  EXPECT_EQ(meet.speaker().canonical_name(), "Noor Haddad");
  EXPECT_EQ(meet.speaker().role(), "Arden's deputy");
}

// Wire style: an unnamed source described by a long relative clause, a noun
// that is also a verb of speech ("a state official"), and a quotation split
// by its cue, whose second half continues the direct quotation and whose
// words ("today") date nothing.
TEST(HardCasesTest, WireStyle) {
  const auto claims = Claims(
      "Dam inspection delayed\n\n"
      "A state water official, who spoke on condition of anonymity because he was not allowed to discuss "
      "the inspection, said the report would be late.\n\n"
      "\"We are not ready,\" Mira Salo said on Monday, \"and we will not be ready today.\"\n",
      "2026-02-11");  // a Wednesday
  const v1::Claim late = Find(claims, "the report would be late");
  EXPECT_EQ(late.speaker().canonical_name(), "state water official");
  const v1::Claim first = Find(claims, "We are not ready");
  const v1::Claim second = Find(claims, "and we will not be ready today");
  EXPECT_EQ(second.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(second.speaker().canonical_name(), "Mira Salo");
  EXPECT_EQ(Date(first), "2026-02-09");
  EXPECT_EQ(Date(second), "2026-02-09");
}

// Economics desk: a cue verb past the common ones ("signalled"), an
// addressee of several words before "that", and a capitalised word opening
// a sentence that is not a person ("Higher ..., he said, ...": "he" is the
// minister narrated before, not "Higher").
TEST(HardCasesTest, EconomicsDesk) {
  const auto claims = Claims(
      "Rates on hold\n\n"
      "The bank kept its rate at 2%, but its governor signalled that cuts could come in spring.\n\n"
      "Governor Pia Lund told a news conference that prices were still rising too fast.\n\n"
      "Trade Minister Jonas Eck welcomed the decision. Higher prices, he said, would not last.\n");
  // ("its governor" is the governor the next paragraph names.)
  EXPECT_EQ(Find(claims, "cuts could come in spring").speaker().canonical_name(), "Pia Lund");
  const v1::Claim prices = Find(claims, "prices were still rising too fast");
  EXPECT_EQ(prices.speaker().canonical_name(), "Pia Lund");
  EXPECT_EQ(Find(claims, "Higher prices, he said, would not last").speaker().canonical_name(), "Jonas Eck");
}

// Court report: names with particles and initials, an honorific's period
// inside a reported clause, an organisation in apposition to a description
// and then "It said", and a relative introduced by a relation.
TEST(HardCasesTest, CourtReport) {
  const auto claims = Claims(
      "Harbour chief jailed\n\n"
      "Judge Greta ter Horst said Dr. Ivo Bakker had abused his office.\n\n"
      "Prosecutor K.L. Mendes said the sentence was fair. \"Nobody is above the law,\" said Gen. Arno Pike.\n\n"
      "The firm at the heart of the case, Delta Kade, said it had cooperated. It said it had replaced its board.\n\n"
      "Bakker's sister, Lotte van Dijk, said the family would appeal.\n");
  const v1::Claim abused = Find(claims, "Dr. Ivo Bakker had abused his office");
  EXPECT_EQ(abused.speaker().canonical_name(), "Greta ter Horst");
  EXPECT_EQ(Find(claims, "the sentence was fair").speaker().canonical_name(), "K.L. Mendes");
  EXPECT_EQ(Find(claims, "Nobody is above the law").speaker().canonical_name(), "Arno Pike");
  const v1::Claim board = Find(claims, "it had replaced its board");
  EXPECT_EQ(board.speaker().canonical_name(), "Delta Kade");
  EXPECT_EQ(board.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim appeal = Find(claims, "the family would appeal");
  EXPECT_EQ(appeal.speaker().canonical_name(), "Lotte van Dijk");
  EXPECT_EQ(appeal.speaker().role(), "Bakker's sister");
}

// Arts page: a quoted title inside an appositive, an adverb between a cue
// and its colon, and an unnamed source the title lexicon knows by trade.
TEST(HardCasesTest, ArtsPage) {
  const auto claims = Claims(
      "Jury surprises\n\n"
      "Director Ana Kovac, whose film \"Salt Roads\" also competed, called the choice \"bold and fair\".\n\n"
      "Asked about next year, the festival's director, Leon Marr, said only: \"We shall see.\"\n\n"
      "A reviewer said the winner was \"three hours of rain\".\n");
  EXPECT_EQ(Find(claims, "bold and fair").speaker().canonical_name(), "Ana Kovac");
  const v1::Claim see = Find(claims, "We shall see");
  EXPECT_EQ(see.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(see.speaker().canonical_name(), "Leon Marr");
  for (const v1::Claim& c : claims) EXPECT_FALSE(absl::StartsWith(c.text(), "only")) << c.text();
  EXPECT_EQ(Find(claims, "three hours of rain").speaker().canonical_name(), "reviewer");
}

// Congressional style: a party and state in parentheses after the name,
// before the verb, before an appositive's comma, or after an inverted cue's
// speaker.
TEST(HardCasesTest, PartyAffiliationsInParentheses) {
  const auto claims = Claims(
      "Stopgap bill passes\n\n"
      "\"Common sense won tonight,\" Senate Majority Leader Rita Vance (D-N.M.) said after the vote.\n\n"
      "Sen. Joel Marsh (R-Utah), who voted against it, said the bill \"solves nothing\". He said he would "
      "push for a full budget.\n\n"
      "House Speaker Lena Fisk (R-Ohio) said in a statement that the House had done its job.\n");
  EXPECT_EQ(Find(claims, "Common sense won tonight").speaker().canonical_name(), "Rita Vance");
  EXPECT_EQ(Find(claims, "solves nothing").speaker().canonical_name(), "Joel Marsh");
  EXPECT_EQ(Find(claims, "he would push for a full budget").speaker().canonical_name(), "Joel Marsh");
  EXPECT_EQ(Find(claims, "the House had done its job").speaker().canonical_name(), "Lena Fisk");
}

// Police copy: a narrated person with an appositive after the name is who
// "she" is, and a passive ("were called to the scene") is no cue.
TEST(HardCasesTest, NarratedPersonWithAnAppositiveAndPassives) {
  const auto claims = Claims(
      "Warehouse fire\n\n"
      "Detective Inspector Nadia Ruiz, who leads the inquiry, appealed for witnesses. "
      "\"Somebody saw something,\" she said.\n\n"
      "Officers were called to the site shortly after 11pm.\n");
  EXPECT_EQ(Find(claims, "Somebody saw something").speaker().canonical_name(), "Nadia Ruiz");
  for (const v1::Claim& c : claims) EXPECT_NE(c.speaker().canonical_name(), "Officers") << c.text();
}

// Science desk: documents speak for their authors ("the study found"), a
// trailing "according to" source may carry a participle phrase, and a
// participle phrase between commas describes the subject before it; the
// writer's source after a reported statement is no second speaker.
TEST(HardCasesTest, ScienceDesk) {
  const auto claims = Claims(
      "Ice report\n\n"
      "Glaciers lost more ice in 2024 than in any year on record, according to a study published on Monday "
      "in the journal Polar Letters.\n\n"
      "The researchers, led by Ines Moll of the Lund Institute, found that the losses had doubled.\n\n"
      "The team, based in Oslo, said the results were robust, according to a letter seen by the Courier.\n");
  EXPECT_EQ(Find(claims, "Glaciers lost more ice in 2024 than in any year on record").speaker().canonical_name(),
            "study");
  EXPECT_EQ(Find(claims, "the losses had doubled").speaker().canonical_name(), "researchers");
  EXPECT_EQ(Find(claims, "the results were robust").speaker().canonical_name(), "team");
  EXPECT_EQ(claims.size(), 3u);
}

// Names of works and campaigns in quotation marks are nobody's words; a
// name a speaker invokes inside a reported clause still is.
TEST(HardCasesTest, TitlesOfWorksAreNotQuotations) {
  const auto claims = Claims(
      "Town keeps its name\n\n"
      "The town featured in the 1994 film \"Marsh Lights\", which its director described as "
      "\"a love letter to small places\".\n\n"
      "The mayor said the council would uphold its \"Open Streets Pledge\".\n");
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "Marsh Lights");
  EXPECT_EQ(Find(claims, "a love letter to small places").speaker().canonical_name(), "director");
  EXPECT_EQ(Find(claims, "Open Streets Pledge").kind(), v1::CLAIM_KIND_PARTIAL);
}

// Idioms that introduce a quotation: "As X put it," and "In the words of X,".
TEST(HardCasesTest, IdiomsThatIntroduceAQuotation) {
  const auto claims = Claims(
      "Rent rise\n\n"
      "As Lena Marsh put it, \"Nobody voted for this.\"\n\n"
      "In the words of Oskar Lind, \"Pay or leave.\"\n");
  const v1::Claim voted = Find(claims, "Nobody voted for this");
  EXPECT_EQ(voted.speaker().canonical_name(), "Lena Marsh");
  EXPECT_EQ(voted.cue().text(), "put it");
  EXPECT_EQ(Find(claims, "Pay or leave").speaker().canonical_name(), "Oskar Lind");
}

// Readers' replies: pull quotes signed with a dash, and a colon after a
// subject with an appositive.
TEST(HardCasesTest, SignedPullQuotesAndColons) {
  const auto claims = Claims(
      "Readers reply\n\n"
      "\"Fridays are wasted anyway.\" \u2014 Nadia, 34, software tester, Leeds\n\n"
      "Gemma Wilde, who runs a bakery in Hull, was more cautious: \"Somebody has to bake the bread.\"\n");
  const v1::Claim fridays = Find(claims, "Fridays are wasted anyway");
  EXPECT_EQ(fridays.speaker().canonical_name(), "Nadia");
  EXPECT_EQ(fridays.cue().text(), "\u2014");
  EXPECT_EQ(Find(claims, "Somebody has to bake the bread").speaker().canonical_name(), "Gemma Wilde");
}

// Strike report: an organisation named in apposition to its description, a
// coordinated cue after a role with the name in apposition, and an age
// before a relative clause.
TEST(HardCasesTest, StrikeReport) {
  const auto claims = Claims(
      "Pilots strike\n\n"
      "The pilots' union, SPF, said its members had no choice.\n\n"
      "The airline's chief operating officer, Mona Strand, called the strike \"reckless\" and said the offer "
      "stood.\n\n"
      "Passenger Omar Haddad, 41, who had planned to fly to Nice, said he learned of it by text.\n");
  const v1::Claim choice = Find(claims, "its members had no choice");
  EXPECT_EQ(choice.speaker().canonical_name(), "SPF");
  EXPECT_EQ(choice.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "the offer stood").speaker().canonical_name(), "Mona Strand");
  EXPECT_EQ(Find(claims, "he learned of it by text").speaker().canonical_name(), "Omar Haddad");
}

// A cue ending its paragraph with a colon introduces the quotation that
// opens the next one; it is no trailing cue of a clause before it.
TEST(HardCasesTest, ColonCueBeforeAQuotedParagraph) {
  const auto claims = Claims(
      "Plan withdrawn\n\n"
      "In a statement, the mayor, Ines Brook, said:\n\n"
      "\"We have listened to residents. The plan is withdrawn.\"\n\n"
      "Her deputy added:\n\n"
      "\"Nobody should celebrate yet.\"\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "We have listened to residents. The plan is withdrawn").speaker().canonical_name(),
            "Ines Brook");
  const v1::Claim celebrate = Find(claims, "Nobody should celebrate yet");
  EXPECT_EQ(celebrate.cue().text(), "added");
  // (The possessive is part of the mention and says whose deputy.)
  EXPECT_EQ(celebrate.speaker().mention(), "Her deputy");
  EXPECT_EQ(celebrate.speaker().canonical_name(), "Ines Brook's deputy");
}

// "Neither" opening a sentence is no given name, and "both"/"all" may
// stand between a subject and its cue.
TEST(HardCasesTest, QuantifiersAroundSubjects) {
  const auto claims = Claims(
      "Plan\n\n"
      "Moll said the plan was dead, while Ek said it could be saved.\n\n"
      "Neither Moll nor Ek would say more.\n\n"
      "Moll and Ek both said the vote would go ahead.\n");
  EXPECT_EQ(Find(claims, "the plan was dead").speaker().canonical_name(), "Moll");
  EXPECT_EQ(Find(claims, "the vote would go ahead").speaker().canonical_name(), "Moll and Ek");
}

// "One"/"another" open an unnamed source like "a"; an adverb of place may
// follow the subject.
TEST(HardCasesTest, UnnamedSourcesWithOneAndThere) {
  const auto claims = Claims(
      "Water\n\n"
      "One reviewer called the film \"two hours of fog\".\n\n"
      "Residents there said they had waited three days.\n");
  EXPECT_EQ(Find(claims, "two hours of fog").speaker().canonical_name(), "reviewer");
  EXPECT_EQ(Find(claims, "they had waited three days").speaker().canonical_name(), "Residents");
}

// A modifier opening the sentence belongs to the description before a name.
TEST(HardCasesTest, SentenceOpeningModifierOfADescription) {
  const auto claims = Claims("Lanes\n\nLocal shop owner Anil Rao, 52, said his takings had fallen by a third.\n");
  const v1::Claim takings = Find(claims, "his takings had fallen by a third");
  EXPECT_EQ(takings.speaker().canonical_name(), "Anil Rao");
  EXPECT_EQ(takings.speaker().role(), "Local shop owner");
}

// A pronoun after a sentence of narration about a named person means them,
// though they have not spoken before.
TEST(HardCasesTest, PronounsAfterNarration) {
  const auto claims = Claims(
      "Talks stall\n\n"
      "Anna Holm said the parties were far apart.\n\n"
      "The Greens' lead negotiator, Per Dahl, struck a more hopeful tone. The talks would resume on Friday, "
      "he told reporters.\n");
  EXPECT_EQ(Find(claims, "The talks would resume on Friday").speaker().canonical_name(), "Per Dahl");
}

// A quotation with no cue right after a sentence of narration about a named
// person is theirs, not the previous quotation's speaker's; a quotation
// opening its sentence makes no reported-speech claim of its own.
TEST(HardCasesTest, QuotationsAfterNarration) {
  const auto claims = Claims(
      "Harbour row\n\n"
      "\"The pier will be built,\" its chairman, Nils Ek, said. \"Nobody has broken any promise.\"\n\n"
      "Karin Lund was not convinced. \"We have heard that before.\"\n");
  EXPECT_EQ(Find(claims, "The pier will be built").speaker().canonical_name(), "Nils Ek");
  const v1::Claim heard = Find(claims, "We have heard that before");
  EXPECT_EQ(heard.speaker().canonical_name(), "Karin Lund");
  EXPECT_FALSE(heard.has_cue());
  EXPECT_EQ(claims.size(), 3u);
}

TEST(HardCasesTest, CueVerbsBeyondSaid) {
  const auto claims = Claims(
      "\xE2\x80\x9CThe dam is safe,\xE2\x80\x9D engineer Rosa Klein insisted.\n"
      "\xE2\x80\x9CWe will rebuild the school,\xE2\x80\x9D Governor Paul Adeyemi is quoted as saying.\n"
      "\xE2\x80\x9C" "Flooding is now a yearly event,\xE2\x80\x9D the hydrologist Mei Tan emphasised.\n");
  EXPECT_EQ(Find(claims, "The dam is safe").speaker().canonical_name(), "Rosa Klein");
  EXPECT_EQ(Find(claims, "We will rebuild the school").speaker().canonical_name(), "Paul Adeyemi");
  EXPECT_EQ(Find(claims, "Flooding is now a yearly event").speaker().canonical_name(), "Mei Tan");
  EXPECT_EQ(Find(claims, "Flooding is now a yearly event").cue().lemma(), "emphasise");
}

TEST(HardCasesTest, AddresseesAppositivesAndTitles) {
  const auto claims = Claims(
      "Harbour Minister Lena Ortiz told the Tidewater Gazette: \xE2\x80\x9CThe ferry will run again in May.\xE2\x80\x9D\n"
      "\xE2\x80\x9CPrices must come down,\xE2\x80\x9D said Omar Haddad, the head of the fishermen's union.\n");
  const v1::Claim ferry = Find(claims, "The ferry will run again in May");
  EXPECT_EQ(ferry.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(ferry.speaker().canonical_name(), "Lena Ortiz");
  EXPECT_EQ(ferry.speaker().role(), "Harbour Minister");
  EXPECT_EQ(ferry.cue().text(), "told the Tidewater Gazette");
  EXPECT_EQ(Find(claims, "Prices must come down").speaker().canonical_name(), "Omar Haddad");
}

TEST(HardCasesTest, PronounsFollowTheSpeakerNotANameInsideTheQuote) {
  const auto claims = Claims(
      "Mayor Ingrid Sola spoke after the vote.\n"
      "\xE2\x80\x9CI phoned Peter Varn this morning and we agreed,\xE2\x80\x9D Sola said. \xE2\x80\x9CIt was a long "
      "night,\xE2\x80\x9D she added.\n");
  EXPECT_EQ(Find(claims, "It was a long night").speaker().canonical_name(), "Ingrid Sola");
}

TEST(HardCasesTest, PronounsSkipPeopleOfTheOtherGender) {
  const auto claims = Claims(
      "Finance Minister Carlos Mendes said the budget was balanced. His deputy, Anna Kowal, said the figures were "
      "wrong. \xE2\x80\x9CThe numbers add up,\xE2\x80\x9D he said.\n");
  EXPECT_EQ(Find(claims, "The numbers add up").speaker().canonical_name(), "Carlos Mendes");
}

TEST(HardCasesTest, ContinuationQuotesKeepTheSpeaker) {
  const auto claims = Claims(
      "\xE2\x80\x9CWe stand with the farmers,\xE2\x80\x9D union leader Marta Quist said.\n"
      "\xE2\x80\x9CThey cannot carry this alone. The state must help.\xE2\x80\x9D\n");
  EXPECT_EQ(Find(claims, "They cannot carry this alone. The state must help").speaker().canonical_name(),
            "Marta Quist");
}

TEST(HardCasesTest, OrganisationAndTitleOnlySpeakers) {
  const auto claims = Claims(
      "The Defence Ministry said the drill was routine.\n"
      "Deputy Prime Minister Elsa Brun visited the port. \xE2\x80\x9CWe are ready,\xE2\x80\x9D the deputy prime "
      "minister said.\n");
  const v1::Claim drill = Find(claims, "the drill was routine");
  EXPECT_EQ(drill.speaker().canonical_name(), "Defence Ministry");
  EXPECT_EQ(drill.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

TEST(HardCasesTest, SpellingVariantsAreOnePerson) {
  const auto claims = Claims(
      "\xE2\x80\x9CTalks are over,\xE2\x80\x9D Foreign Minister Sergei Orlov said.\n"
      "\xE2\x80\x9CWe will wait,\xE2\x80\x9D Sergey Orlov added later.\n");
  EXPECT_EQ(Find(claims, "Talks are over").speaker().speaker_id(), Find(claims, "We will wait").speaker().speaker_id());
}

TEST(HardCasesTest, PartialQuotesAndScareQuotes) {
  const auto claims = Claims(
      "The minister called the plan \xE2\x80\x9Creckless and rushed\xE2\x80\x9D, officials said.\n"
      "The ferry \xE2\x80\x9C" "Aurora\xE2\x80\x9D left the harbour at dawn.\n");
  EXPECT_EQ(Find(claims, "reckless and rushed").kind(), v1::CLAIM_KIND_PARTIAL);
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "Aurora");
}

TEST(HardCasesTest, ApostrophesAreNotQuotes) {
  const auto claims = Claims(
      "The region\xE2\x80\x99s farmers won\xE2\x80\x99t plant in the \xE2\x80\x99" "90s style again, the co-operative "
      "said.\n");
  for (const v1::Claim& c : claims) EXPECT_EQ(c.kind(), v1::CLAIM_KIND_INDIRECT) << c.text();
}

TEST(HardCasesTest, StatementDates) {
  const auto claims = Claims(
      "The port reopened on Monday, the harbour master said on Tuesday.\n"
      "On March 3, the mayor said the budget was final.\n"
      "Last week the union said talks had failed.\n",
      "2026-03-06");  // a Friday
  EXPECT_EQ(Date(Find(claims, "The port reopened on Monday")), "2026-03-03");
  EXPECT_EQ(Date(Find(claims, "the budget was final")), "2026-03-03");
  EXPECT_EQ(Date(Find(claims, "talks had failed")), "");
}

// A dateline's date is the article's: "on Monday" after it dates the
// statement.
TEST(HardCasesTest, DatelineDatesNoStatement) {
  const auto claims = Claims(
      "Clinic opens\n\n"
      "MERIDA, Nov. 4 (Coast Wire) - The health board on Monday said a new clinic would open in May.\n",
      "2026-11-04");  // a Wednesday
  const v1::Claim clinic = Find(claims, "a new clinic would open in May");
  EXPECT_EQ(Date(clinic), "2026-11-02");
}

// A partial quotation inside a reported clause shares the clause's date: a
// weekday inside the clause ("would resume on Monday") dates neither.
TEST(HardCasesTest, PartialQuotationInAClauseKeepsItsDate) {
  const auto claims = Claims(
      "Talks\n\n"
      "Ola Brandt said talks would resume on Monday and that he was \"quietly hopeful\".\n",
      "2026-02-05");  // a Thursday
  EXPECT_EQ(Date(Find(claims, "quietly hopeful")), "");
  EXPECT_EQ(Date(Find(claims, "talks would resume on Monday and that he was \"quietly hopeful\"")), "");
}

// "His counterpart, Conservative leader Ivo Stam, accused ...": a role made
// by a possessor, then a titled name between the commas.
TEST(HardCasesTest, PossessedRoleBeforeATitledName) {
  const auto claims = Claims(
      "Talks\n\n"
      "His counterpart, Liberal leader Ivo Stam, accused the minister of \"hiding the bill\".\n");
  EXPECT_EQ(Find(claims, "hiding the bill").speaker().canonical_name(), "Ivo Stam");
}

// "warned X and Y that “...”, after ...": the quotation is the statement,
// the adverbial after it the writer's; no reported clause holds both.
TEST(HardCasesTest, QuotedStatementAfterAnAddressee) {
  const auto claims = Claims(
      "Talks end\n\n"
      "The envoy Rosa Lind has warned Osterby and Lund that \"nobody can afford a ferry war\", after talks "
      "ended on Wednesday.\n",
      "2026-03-13");  // a Friday
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "nobody can afford a ferry war");
  EXPECT_EQ(Date(claims[0]), "2026-03-11");
}

// "said of X:" introduces a direct quotation; a relative clause after the
// cue tells of something else and dates nothing.
TEST(HardCasesTest, SaidOfAndRelativeClausesAfterTheCue) {
  const auto claims = Claims(
      "Talks\n\n"
      "\"It is finished,\" Ina Moll said of the talks, which collapsed on Monday.\n\n"
      "Moll said of the budget: \"Nobody will defend it.\"\n",
      "2026-05-14");  // a Thursday
  EXPECT_EQ(Date(Find(claims, "It is finished")), "");
  const v1::Claim defend = Find(claims, "Nobody will defend it");
  EXPECT_EQ(defend.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(defend.speaker().canonical_name(), "Ina Moll");
}

// Any participle phrase between commas describes the subject before it.
TEST(HardCasesTest, ParticiplePhraseAppositive) {
  const auto claims = Claims(
      "Plant\n\nThe company's statement, issued late on Wednesday, said the plant would close.\n",
      "2026-05-14");  // a Thursday
  const v1::Claim close = Find(claims, "the plant would close");
  EXPECT_EQ(close.speaker().canonical_name(), "company's statement");
  EXPECT_EQ(Date(close), "2026-05-13");
}

// Names whose first letter is past ASCII are names.
TEST(HardCasesTest, NamesBeyondAscii) {
  const auto claims = Claims(
      "Talks\n\n"
      "\xC5\x81ucja Nowak said the plan was dead.\n\n"  // Łucja
      "\"We will act,\" said \xC3\x89lodie Marchand.\n\n"  // Élodie
      "\xC3\x81ngel Ruiz, the mayor, said the vote would go ahead.\n");  // Ángel
  EXPECT_EQ(Find(claims, "the plan was dead").speaker().canonical_name(), "\xC5\x81ucja Nowak");
  EXPECT_EQ(Find(claims, "We will act").speaker().canonical_name(), "\xC3\x89lodie Marchand");
  EXPECT_EQ(Find(claims, "the vote would go ahead").speaker().canonical_name(), "\xC3\x81ngel Ruiz");
}

// Surnames with particles used alone ("de Souza", "van der Berg") are the
// person named in full before; lower-case "who" is no organisation.
TEST(HardCasesTest, ParticleSurnamesAlone) {
  const auto claims = Claims(
      "Court\n\n"
      "Judge Marta van der Linden said the law was clear. \"It can be settled,\" said van der Linden.\n\n"
      "Rui da Costa said the plan was dead. Later, da Costa said it could be saved.\n\n"
      "The report quoted farmers who said the river was dry.\n");
  EXPECT_EQ(Find(claims, "It can be settled").speaker().canonical_name(), "Marta van der Linden");
  EXPECT_EQ(Find(claims, "it could be saved").speaker().canonical_name(), "Rui da Costa");
  for (const v1::Claim& c : claims) EXPECT_EQ(c.speaker().canonical_name().find("who"), std::string::npos);
}

// Features attribute quotations with verbs of manner ("she laughs"); such a
// verb attributes only the quotation next to it.
TEST(HardCasesTest, MannerOfSpeakingCues) {
  const auto claims = Claims(
      "Farm\n\n"
      "The farmer Ines Holt has worked the land for 40 years.\n\n"
      "\"I never wanted anything else,\" she laughs.\n\n"
      "\"We managed,\" Holt shrugs.\n\n"
      "She smiled at the visitors and handed them a sign reading \"Welcome\".\n");
  const v1::Claim wanted = Find(claims, "I never wanted anything else");
  EXPECT_EQ(wanted.speaker().canonical_name(), "Ines Holt");
  EXPECT_EQ(wanted.cue().lemma(), "laugh");
  EXPECT_EQ(Find(claims, "We managed").speaker().canonical_name(), "Ines Holt");
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "Welcome");
}

// Company names: "&" joins one, and "It" after a name that could be a
// company's (no known given name, no gender) refers to it; after a person
// it does not.
TEST(HardCasesTest, CompanyNames) {
  const auto claims = Claims(
      "Markets\n\n"
      "Brandt & Vogel said it would appeal. It added that the ruling was wrong.\n\n"
      "Anna Berg said the plan was dead. It added that nothing could save it.\n");
  const v1::Claim appeal = Find(claims, "it would appeal");
  EXPECT_EQ(appeal.speaker().canonical_name(), "Brandt & Vogel");
  EXPECT_EQ(appeal.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "the ruling was wrong").speaker().canonical_name(), "Brandt & Vogel");
  EXPECT_NE(Find(claims, "nothing could save it").speaker().canonical_name(), "Anna Berg");
}

// "The Swede", "the Frenchman": a nationality noun after "the" is an
// epithet for the person last spoken of, not the country's government
// ("the Swedish government", "Sweden").
TEST(HardCasesTest, NationalityEpithets) {
  const auto claims = Claims(
      "Cup Report\n\n"
      "Mira's coach, Anders Holm, said his team had been unlucky. The Swede said the referee had missed "
      "a foul.\n\n"
      "The Swedish government said it would fund the league.\n");
  const v1::Claim foul = Find(claims, "the referee had missed a foul");
  EXPECT_EQ(foul.speaker().canonical_name(), "Anders Holm");
  EXPECT_EQ(foul.speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(Find(claims, "it would fund the league").speaker().canonical_name(), "Sweden");
}

// A headline's capitalised words are no given names: a surname written
// alone in the body is not completed from one ("Late Goal Sends Rovers
// Into Final" gives no "Sends Rovers").
TEST(HardCasesTest, HeadlineWordsAreNoGivenNames) {
  const auto claims = Claims(
      "Late Goal Sends Rovers Into Final\n\n"
      "Rovers beat City on Saturday. \"We never stopped believing,\" he said.\n\n"
      "Rovers said the final would be played in May.\n");
  for (const v1::Claim& c : claims) EXPECT_NE(c.speaker().canonical_name(), "Sends Rovers") << c.text();
  EXPECT_EQ(Find(claims, "the final would be played in May").speaker().canonical_name(), "Rovers");
}

// Speakers described without a title word: an appositive opened by an
// article ("a maker of ferries"), a group placed by "near", a player by
// position, and a statement posted online.
TEST(HardCasesTest, DescribedSpeakersAndPosts) {
  const auto claims = Claims(
      "Shipyard News\n\n"
      "Osterby Marine, a maker of small ferries, said it had won a contract.\n\n"
      "Residents near the yard said they feared the noise.\n\n"
      "Asked about the match, the veteran defender said: \"We fear nobody.\"\n\n"
      "The mayor, Ada Quist, posted on Facebook that the yard would stay open.\n");
  const v1::Claim contract = Find(claims, "it had won a contract");
  EXPECT_EQ(contract.speaker().canonical_name(), "Osterby Marine");
  EXPECT_EQ(contract.speaker().role(), "maker of small ferries");
  EXPECT_EQ(Find(claims, "they feared the noise").speaker().mention(), "Residents near the yard");
  EXPECT_EQ(Find(claims, "We fear nobody").speaker().mention(), "the veteran defender");
  const v1::Claim open = Find(claims, "the yard would stay open");
  EXPECT_EQ(open.speaker().canonical_name(), "Ada Quist");
  EXPECT_EQ(open.cue().text(), "posted");
}

// A person the narration names other than as its subject is who a
// pronoun or epithet means when no one spoken of fits it.
TEST(HardCasesTest, PeopleNamedInPassing) {
  const auto claims = Claims(
      "Match Report\n\n"
      "Rovers won on Saturday after Mateus Oliveira scored twice. \"I dreamed about this,\" he said.\n\n"
      "Anna Berg, the coach, praised him. City lost after Lewis Hart was sent off. \"It was deserved,\" she "
      "said.\n");
  EXPECT_EQ(Find(claims, "I dreamed about this").speaker().canonical_name(), "Mateus Oliveira");
  EXPECT_EQ(Find(claims, "It was deserved").speaker().canonical_name(), "Anna Berg");
  const auto other = Claims(
      "Match Report\n\n"
      "Rovers won on Saturday after Mateus Oliveira scored twice. \"It was deserved,\" she said.\n");
  EXPECT_EQ(Find(other, "It was deserved").speaker().canonical_name(), "");
}

// "Senator Dale Whitaker of Kansas": the person is the name before "of"
// (whatever their given name), the place where they belong; "the
// Republican" is then an epithet for them.
TEST(HardCasesTest, NamesWithThePlaceTheyBelongTo) {
  const auto claims = Claims(
      "Senate Report\n\n"
      "Republican Senator Dale Whitaker of Kansas blamed the White House. \"They want a blank cheque,\" the "
      "Republican said.\n\n"
      "Tarin Ebbe of Osterby said the talks would resume.\n");
  const v1::Claim cheque = Find(claims, "They want a blank cheque");
  EXPECT_EQ(cheque.speaker().canonical_name(), "Dale Whitaker");
  EXPECT_EQ(cheque.speaker().role(), "Republican Senator");
  const v1::Claim talks = Find(claims, "the talks would resume");
  EXPECT_EQ(talks.speaker().canonical_name(), "Tarin Ebbe");
  EXPECT_EQ(talks.speaker().role(), "Osterby");
}

// Names of the shapes organisations and broadcasters take: a role then the
// name after an inverted cue, an academic's institution after "of", an
// organisation word leading a name, a numbered station, a number's digit
// groups inside a description.
TEST(HardCasesTest, InstitutionsStationsAndNumbers) {
  const auto claims = Claims(
      "Health Report\n\n"
      "\"Walking helps,\" said the study's lead author, Dr. Ana Lima.\n\n"
      "Professor Jon Hale of King's College London said the study could not prove cause and effect.\n\n"
      "Network Rail said all services had been suspended.\n\n"
      "The minister told BBC Radio 4 that people should stay at home.\n\n"
      "Walkers live longer, according to a study of 90,000 adults.\n");
  const v1::Claim helps = Find(claims, "Walking helps");
  EXPECT_EQ(helps.speaker().canonical_name(), "Ana Lima");
  EXPECT_EQ(helps.speaker().role(), "study's lead author");
  EXPECT_EQ(Find(claims, "the study could not prove cause and effect").speaker().canonical_name(), "Jon Hale");
  const v1::Claim rail = Find(claims, "all services had been suspended");
  EXPECT_EQ(rail.speaker().canonical_name(), "Network Rail");
  EXPECT_EQ(rail.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "people should stay at home").cue().text(), "told BBC Radio 4");
  EXPECT_EQ(Find(claims, "Walkers live longer").speaker().role(), "");
}

// Tabloid and report shapes: a label quoted after a verb of judging, a
// clause opening with "at least", a pronoun subject with its finite verb
// ("said it accepted"), trusts and bosses.
TEST(HardCasesTest, LabelsQuantitiesAndPronounClauses) {
  const auto claims = Claims(
      "Match Report\n\n"
      "United boss Steve Barrow slammed the referee as \"a disgrace\" after the match.\n\n"
      "Rival boss Pete Garvey insisted his side deserved the win.\n\n"
      "The report said at least 12 patients might have survived.\n\n"
      "The hospital trust said it accepted the findings. Berg said it twice.\n");
  const v1::Claim disgrace = Find(claims, "a disgrace");
  EXPECT_EQ(disgrace.kind(), v1::CLAIM_KIND_PARTIAL);
  EXPECT_EQ(disgrace.speaker().canonical_name(), "Steve Barrow");
  EXPECT_EQ(disgrace.cue().text(), "slammed");
  EXPECT_EQ(Find(claims, "his side deserved the win").speaker().canonical_name(), "Pete Garvey");
  EXPECT_EQ(Find(claims, "at least 12 patients might have survived").speaker().canonical_name(), "report");
  EXPECT_EQ(Find(claims, "it accepted the findings").speaker().mention(), "The hospital trust");
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "twice");
  // "termed X a “…”" labels as "branded" does.
  const v1::Claim gimmick =
      Find(Claims("Courts\n\nOpposition leaders termed the announcement a \"poll gimmick\".\n"), "poll gimmick");
  EXPECT_EQ(gimmick.kind(), v1::CLAIM_KIND_PARTIAL);
  EXPECT_EQ(gimmick.cue().text(), "termed");
  EXPECT_EQ(gimmick.speaker().mention(), "Opposition leaders");
}

// Two titled people coordinated speak as one group; neither takes the
// other's name as a role. A person with two titles stays one person.
TEST(HardCasesTest, CoordinatedTitledPeople) {
  const auto claims = Claims(
      "Council Report\n\n"
      "Councillor Ada Quist and Councillor Jan Ek both said the closures would hurt older residents.\n\n"
      "Ek said a mobile library could serve the villages.\n\n"
      "Secretary of State and Defence Minister Ana Lima said the talks had failed.\n");
  const v1::Claim both = Find(claims, "the closures would hurt older residents");
  EXPECT_EQ(both.speaker().canonical_name(), "Councillor Ada Quist and Councillor Jan Ek");
  EXPECT_EQ(both.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim mobile = Find(claims, "a mobile library could serve the villages");
  EXPECT_EQ(mobile.speaker().canonical_name(), "Jan Ek");
  EXPECT_EQ(mobile.speaker().role(), "");
  EXPECT_EQ(Find(claims, "the talks had failed").speaker().canonical_name(), "Ana Lima");
}

// Mentions built with "of": an organisation named by one word and its
// object, a title of a place (a person, not the place's government), and
// a department between a title and a name.
TEST(HardCasesTest, MentionsWithOf) {
  const auto claims = Claims(
      "Business Report\n\n"
      "The Confederation of Employers warned that costs could rise.\n\n"
      "The Mayor of London said fares would be frozen.\n\n"
      "Head of Research Anna Berg said demand had fallen.\n");
  const v1::Claim costs = Find(claims, "costs could rise");
  EXPECT_EQ(costs.speaker().canonical_name(), "Confederation of Employers");
  EXPECT_EQ(costs.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim fares = Find(claims, "fares would be frozen");
  EXPECT_EQ(fares.speaker().canonical_name(), "Mayor of London");
  EXPECT_EQ(fares.speaker().type(), v1::SPEAKER_TYPE_PERSON);
  const v1::Claim demand = Find(claims, "demand had fallen");
  EXPECT_EQ(demand.speaker().canonical_name(), "Anna Berg");
  EXPECT_EQ(demand.speaker().role(), "Head of Research");
}

// Wire shapes of sources: one quoted by an agency ("KCNA quoted leader Kim
// Jong Un as saying": the leader speaks; "Un" is no UN), unnamed sources
// close to or familiar with something (they speak, not what they are close
// to).
TEST(HardCasesTest, QuotedAndUnnamedSources) {
  const auto claims = Claims(
      "Wire Report\n\n"
      "The state news agency KCNA quoted leader Kim Jong Un as saying the test showed great progress.\n\n"
      "A source close to the presidential office said a meeting would be held on Wednesday.\n\n"
      "People familiar with the matter said the two sides were discussing joint drills.\n");
  const v1::Claim test = Find(claims, "the test showed great progress");
  EXPECT_EQ(test.speaker().canonical_name(), "Kim Jong Un");
  EXPECT_EQ(test.speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(Find(claims, "a meeting would be held on Wednesday").speaker().mention(),
            "A source close to the presidential office");
  EXPECT_EQ(Find(claims, "the two sides were discussing joint drills").speaker().mention(),
            "People familiar with the matter");
}

// Names that end with a suffix or a surname that is also a title word,
// and an unnamed spokeswoman for an organisation written in lower case.
TEST(HardCasesTest, SuffixesTitleSurnamesAndSpokespeople) {
  const auto claims = Claims(
      "Report\n\n"
      "Martin Luther King Jr. said the march would go on.\n\n"
      "Former prime minister John Major said the deal was dead.\n\n"
      "\"We have no choice,\" said a spokeswoman for the ministry.\n");
  EXPECT_EQ(Find(claims, "the march would go on").speaker().canonical_name(), "Martin Luther King Jr.");
  const v1::Claim deal = Find(claims, "the deal was dead");
  EXPECT_EQ(deal.speaker().canonical_name(), "John Major");
  EXPECT_EQ(deal.speaker().role(), "Former prime minister");
  const v1::Claim choice = Find(claims, "We have no choice");
  EXPECT_EQ(choice.speaker().mention(), "spokeswoman for the ministry");
  EXPECT_EQ(choice.speaker().canonical_name(), "ministry");
}

// A lede's title names the person the story names later with that title
// ("its chairman said ... chairman Ana Lima told"); an indefinite one ("a
// spokesman") does not.
TEST(HardCasesTest, TitleNamedLater) {
  const auto claims = Claims(
      "Shipyard Report\n\n"
      "Orders will keep rising next year, its chairman said on Thursday.\n\n"
      "\"We are adding capacity,\" chairman Ana Lima told investors.\n\n"
      "The yard will hire 200 welders, a spokesman said. Spokesman Jon Hale said the hiring would start soon.\n");
  EXPECT_EQ(Find(claims, "Orders will keep rising next year").speaker().canonical_name(), "Ana Lima");
  EXPECT_NE(Find(claims, "The yard will hire 200 welders").speaker().canonical_name(), "Jon Hale");
}

// A report nested in a reported clause is the outer speaker's claim only;
// reports joined by a conjunction are one claim each.
TEST(HardCasesTest, NestedAndCoordinatedReports) {
  const auto claims = Claims(
      "Council Report\n\n"
      "Ada Quist said that Jon Hale had told her that the plan was dead.\n\n"
      "Ada Quist said the bridge was safe while Jon Hale said it was not.\n");
  EXPECT_EQ(claims.size(), 3u);
  Find(claims, "Jon Hale had told her that the plan was dead");
  Find(claims, "the bridge was safe");
  EXPECT_EQ(Find(claims, "it was not").speaker().canonical_name(), "Jon Hale");
}

// A document's coordinated authors speak together ("A joint statement by
// the company and the agency said").
TEST(HardCasesTest, DocumentWithTwoAuthors) {
  const auto claims = Claims(
      "Plant Report\n\n"
      "A joint statement by the company and the agency said construction would begin in May.\n");
  const v1::Claim may = Find(claims, "construction would begin in May");
  EXPECT_EQ(may.speaker().canonical_name(), "company and the agency");
  EXPECT_EQ(may.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// A company named by a portfolio word ("Northline Energy") in apposition
// to a description speaks as an organisation; "Energy Minister X" is still
// a minister.
TEST(HardCasesTest, CompaniesNamedByAPortfolio) {
  const auto claims = Claims(
      "Pipeline Report\n\n"
      "The company building the pipeline, Northline Energy, said it would appeal.\n\n"
      "Energy Minister Ana Lima said the permit would be reviewed.\n");
  const v1::Claim appeal = Find(claims, "it would appeal");
  EXPECT_EQ(appeal.speaker().canonical_name(), "Northline Energy");
  EXPECT_EQ(appeal.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "the permit would be reviewed").speaker().canonical_name(), "Ana Lima");
}

TEST(HardCasesTest, EntitiesAndQuantitiesOfAClaim) {
  const auto claims = Claims("The ministry said 8,500 troops and 1,00,000 litres of fuel had reached Kyiv.\n");
  const v1::Claim c = Find(claims, "8,500 troops and 1,00,000 litres of fuel had reached Kyiv");
  ASSERT_EQ(c.quantities_size(), 2);
  EXPECT_EQ(c.quantities(0).value(), 8500);
  EXPECT_EQ(c.quantities(0).unit(), "troops");
  EXPECT_EQ(c.quantities(1).value(), 100000);
  ASSERT_EQ(c.entities_size(), 1);
  EXPECT_EQ(c.entities(0).text(), "Kyiv");
  EXPECT_EQ(c.entities(0).type(), v1::ENTITY_TYPE_LOCATION);
}

TEST(HardCasesTest, NoClaimsInBoilerplate) {
  const auto claims = Claims(
      "Bridge Closed for Repairs\nBy Tom Reyes\nMonday, June 1, 2026\n"
      "The bridge will close for a month, the council said.\n"
      "Share this article\nLeave a comment\n"
      "Photo credit: \xE2\x80\x9CRiver at night\xE2\x80\x9D by T. Reyes\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "The bridge will close for a month");
  EXPECT_EQ(Date(claims[0]), "");
}

// A participle's speaker is the subject after a wire dateline; a head noun
// may modify a later one across lower-case words ("the county fire
// service").
TEST(HardCasesTest, ParticipleAfterADatelineAndCompoundBodies) {
  const auto claims = Claims(
      "Warehouse fire\n\n"
      "TALBRIDGE, March 3 (Nordic Wire) - Police appealed on Tuesday for witnesses to a warehouse fire, "
      "saying they were treating the blaze as suspicious.\n\n"
      "Crews spent five hours fighting the flames, according to the county fire service.\n",
      "2026-03-04");
  const v1::Claim appeal = Find(claims, "they were treating the blaze as suspicious");
  EXPECT_EQ(appeal.speaker().canonical_name(), "Police");
  EXPECT_EQ(Date(appeal), "2026-03-03");
  EXPECT_EQ(Find(claims, "Crews spent five hours fighting the flames").speaker().canonical_name(),
            "county fire service");
}

// "told the court the scheme had run": an addressee the lexicon lacks,
// then a bare clause; verbs of judging before a quoted label
// ("dismissed the pledge as ...", "denounced", "praised").
TEST(HardCasesTest, AddresseeBeforeABareClauseAndLabelsOfJudging) {
  const auto claims = Claims(
      "Sentencing\n\n"
      "Prosecutor Nadia Orme told the court the scheme had run for four years.\n\n"
      "Governor Mark Delane dismissed the pledge as \"fantasy economics\". The mayor praised the "
      "ruling as \"a victory for common sense\".\n");
  EXPECT_EQ(Find(claims, "the scheme had run for four years").speaker().canonical_name(), "Nadia Orme");
  EXPECT_EQ(Find(claims, "fantasy economics").speaker().canonical_name(), "Mark Delane");
  EXPECT_EQ(Find(claims, "a victory for common sense").kind(), v1::CLAIM_KIND_PARTIAL);
}

// Lower-case modifiers after a comma open a trailing speaker (", regional
// officials said"); a coordinated speech act ends the clause ("and accused
// ..."); "reported that" reports, but ", reported The Daily Wire." names
// the writer's source, whose clause stays the speaker's own.
TEST(HardCasesTest, ModifiedTrailingSpeakersSpeechActsAndReports) {
  const auto claims = Claims(
      "Depot fire\n\n"
      "Drones set a fuel depot ablaze overnight, regional officials said on Thursday, in the latest attack.\n\n"
      "Dev Amin said the plan was too costly and accused ministers of ignoring the shortages.\n\n"
      "State media reported that firefighters had contained the blaze by morning.\n\n"
      "Ana Lima told lawmakers on Wednesday that the depot would reopen in June, reported The Daily Wire.\n",
      "2026-05-09");
  const v1::Claim depot = Find(claims, "Drones set a fuel depot ablaze overnight");
  EXPECT_EQ(depot.speaker().canonical_name(), "regional officials");
  EXPECT_EQ(Date(depot), "2026-05-07");
  EXPECT_EQ(Find(claims, "the plan was too costly").speaker().canonical_name(), "Dev Amin");
  EXPECT_EQ(Find(claims, "firefighters had contained the blaze by morning").speaker().canonical_name(),
            "State media");
  EXPECT_EQ(Find(claims, "the depot would reopen in June").speaker().canonical_name(), "Ana Lima");
  for (const v1::Claim& c : claims) EXPECT_NE(c.speaker().canonical_name(), "The Daily Wire") << c.text();
}

// "the company", "the Oslo-based firm", "a spokesman for the firm": the
// business last spoken of, even when only the narration (past a dateline)
// names it; a ministry is no business.
TEST(HardCasesTest, GenericBusinessesMeanTheNamedOne) {
  const auto claims = Claims(
      "Profit warning\n\n"
      "OSLO, Oct 22 (Nordic Wire) - Halden Foods lowered its profit forecast on Wednesday, blaming costs.\n\n"
      "The Oslo-based company said in a filing that it expected a profit of 1.1 billion crowns.\n\n"
      "The trade ministry said the costs would ease next year.\n\n"
      "Larchwood Homes said the plans included a school. A spokesman for the firm said the school would "
      "open in 2028.\n");
  EXPECT_EQ(Find(claims, "it expected a profit of 1.1 billion crowns").speaker().canonical_name(), "Halden Foods");
  EXPECT_EQ(Find(claims, "the costs would ease next year").speaker().canonical_name(), "trade ministry");
  EXPECT_EQ(Find(claims, "the school would open in 2028").speaker().canonical_name(), "Larchwood Homes");
}

// "told reporters the state was ready": a determiner after the addressee
// opens the clause ("state" is also an addressee's modifier, as in "told
// state television"); "Cllr" is an honorific.
TEST(HardCasesTest, ClauseAfterAnAddresseeAndCouncillors) {
  const auto claims = Claims(
      "Storm\n\n"
      "Gov. Tim Walsh told reporters the state was ready for the storm.\n\n"
      "Council leader Cllr Simon Hart said the roads would be gritted overnight.\n");
  EXPECT_EQ(Find(claims, "the state was ready for the storm").speaker().canonical_name(), "Tim Walsh");
  EXPECT_EQ(Find(claims, "the roads would be gritted overnight").speaker().canonical_name(), "Simon Hart");
}

// A question or exclamation mark closing a quotation ends the sentence
// before a capitalised speaker; the speaker after it is still the
// quotation's (it was the previous speaker's).
TEST(HardCasesTest, QuestionsAndExclamationsBeforeANamedSpeaker) {
  const auto claims = Claims(
      "Fares\n\n"
      "Erik Falk said talks would resume.\n\n"
      "\"Why should we pay?\" Mary Gold asked.\n\n"
      "\xE2\x80\x98Stop it now!\xE2\x80\x99 shouted Tom Reed.\n");
  EXPECT_EQ(Find(claims, "Why should we pay?").speaker().canonical_name(), "Mary Gold");
  EXPECT_EQ(Find(claims, "Stop it now!").speaker().canonical_name(), "Tom Reed");
}

// "told supporters in Malmby: “…”": an addressee and an adjunct between
// the cue and its colon keep the quotation direct; "according to official
// figures" names no speaker, "figures from the commission" do.
TEST(HardCasesTest, AdjunctBeforeAColonAndFiguresAsSources) {
  const auto claims = Claims(
      "Election\n\n"
      "Mikael Strand later told supporters in Malmby: \"This is our moment.\"\n\n"
      "Turnout fell to 61 percent, according to official figures.\n\n"
      "Turnout rose to 70 percent in Osterby, according to figures from the election commission.\n");
  const v1::Claim moment = Find(claims, "This is our moment");
  EXPECT_EQ(moment.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(moment.speaker().canonical_name(), "Mikael Strand");
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "Turnout fell to 61 percent");
  EXPECT_EQ(Find(claims, "Turnout rose to 70 percent in Osterby").speaker().canonical_name(),
            "election commission");
}

// "the trust", "the foreign ministry", "the council": a definite mention by
// the organisation's kind means the latest name before it that ends or
// opens with the kind's word and holds the mention's words.
TEST(HardCasesTest, OrganisationsNamedByTheirKind) {
  const auto claims = Claims(
      "Inquiry\n\n"
      "Inspectors visited Westmoor Hospitals NHS Trust in May. The trust said it accepted every finding.\n\n"
      "The Ministry of Defence confirmed the flights. The ministry said the jets had returned safely.\n\n"
      "Russia's Foreign Ministry summoned the envoy. The foreign ministry said the move was hostile.\n\n"
      "The Environment Agency issued 14 warnings. A spokesperson for the agency said rivers were rising.\n");
  EXPECT_EQ(Find(claims, "it accepted every finding").speaker().canonical_name(), "Westmoor Hospitals NHS Trust");
  EXPECT_EQ(Find(claims, "the jets had returned safely").speaker().canonical_name(), "Ministry of Defence");
  EXPECT_EQ(Find(claims, "the move was hostile").speaker().canonical_name(), "Foreign Ministry");
  EXPECT_EQ(Find(claims, "rivers were rising").speaker().canonical_name(), "Environment Agency");
}

// "The report, published by the Care Inspectorate, said": a document speaks
// for the author its appositive names, and "the report" later is heard
// through the same author.
TEST(HardCasesTest, DocumentsSpeakForTheAuthorTheirAppositiveNames) {
  const auto claims = Claims(
      "Maternity care\n\n"
      "The report, published on Thursday by the Care Inspectorate, said midwives were left to cover two "
      "wards at once.\n\n"
      "\"Families were let down again and again,\" the report said.\n",
      "2026-06-12");
  const v1::Claim wards = Find(claims, "midwives were left to cover two wards at once");
  EXPECT_EQ(wards.speaker().canonical_name(), "Care Inspectorate");
  EXPECT_EQ(wards.speaker().mention(), "The report");
  EXPECT_EQ(Find(claims, "Families were let down again and again").speaker().canonical_name(), "Care Inspectorate");
}

// Narration about people a pronoun may mean: a name after a possessor's
// role ("Her rival, Karl Dahl, disagreed") and a definite title ("The
// minister thanked ...").
TEST(HardCasesTest, NarratedRivalsAndTitles) {
  const auto claims = Claims(
      "Budget\n\n"
      "Tom Baker said the budget was late. Anna Berg said it was fair. Her rival, Karl Dahl, disagreed. He "
      "said it would hurt families.\n\n"
      "Anna Berg later met Jon Hale, the mayor of Osterby. The treasurer of Skarpo thanked Ana Lima for her "
      "work. \"She has been tireless,\" he said.\n");
  EXPECT_EQ(Find(claims, "it would hurt families").speaker().canonical_name(), "Karl Dahl");
  EXPECT_EQ(Find(claims, "She has been tireless").speaker().canonical_name(), "treasurer of Skarpo");
}

// An organisation the narration names is what "the carrier" means; a
// coordinated speech act ends a clause ("and reminded airlines of ...");
// a quotation after a sentence reporting someone is theirs, not the
// sentence subject's.
TEST(HardCasesTest, NarratedOrganisationsAndQuotationsAfterReports) {
  const auto claims = Claims(
      "Flights cancelled\n\n"
      "Skyway Airlines cancelled 400 flights on Friday after a computer failure.\n\n"
      "The carrier said the fault had been caused by a software update. The European Commission said it was "
      "monitoring the situation and reminded airlines of their duty to passengers.\n\n"
      "The airport has not reopened, transport minister Ana Lima has said. \"We are working with the operator "
      "to restore services.\"\n");
  EXPECT_EQ(Find(claims, "the fault had been caused by a software update").speaker().canonical_name(),
            "Skyway Airlines");
  EXPECT_EQ(Find(claims, "it was monitoring the situation").speaker().canonical_name(), "European Commission");
  EXPECT_EQ(Find(claims, "We are working with the operator to restore services").speaker().canonical_name(),
            "Ana Lima");
}

// A US legislator's party and state between commas ("D-Ore.", "R-Texas")
// is passed like an age, also before a relative clause.
TEST(HardCasesTest, PartyAndStateAfterALegislator) {
  const auto claims = Claims(
      "Border bill\n\n"
      "Senate Majority Leader Tom Wexler, D-Ore., called the vote \"a turning point\" on Thursday.\n\n"
      "Sen. Joanna Pratt, R-Texas, who voted against it, said the bill was weak.\n");
  EXPECT_EQ(Find(claims, "a turning point").speaker().canonical_name(), "Tom Wexler");
  EXPECT_EQ(Find(claims, "the bill was weak").speaker().canonical_name(), "Joanna Pratt");
}

// A colon right before a quotation introduces a whole one: "..., adding:
// “…”" is direct.
TEST(HardCasesTest, QuotationAfterAddingAndAColon) {
  const auto claims = Claims(
      "Talks\n\n"
      "\"We will keep going,\" Ana Lima said, adding later: \"There is no other way for us.\"\n");
  const v1::Claim way = Find(claims, "There is no other way for us");
  EXPECT_EQ(way.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(way.speaker().canonical_name(), "Ana Lima");
}

// An interview set out as questions and answers: each answer, and a
// paragraph going on with it, is the interviewee's (named after "spoke
// to"); questions are not; without a question, "A:" is no label.
TEST(HardCasesTest, QuestionAndAnswerInterviews) {
  const auto claims = Claims(
      "An interview with the minister\n\n"
      "Finance Minister Ingrid Solheim spoke to the Herald on Thursday. Her deputy, Jon Hale, sat in.\n\n"
      "Q: Will you meet the teachers again?\n\n"
      "A: Yes. My door is open to them.\n\n"
      "We will find a solution the country can afford.\n\n"
      "Q: Do you want to lead the party?\n\n"
      "A: That is not a question for today.\n");
  const v1::Claim door = Find(claims, "Yes. My door is open to them");
  EXPECT_EQ(door.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(door.speaker().canonical_name(), "Ingrid Solheim");
  EXPECT_EQ(door.cue().text(), "A:");
  EXPECT_EQ(Find(claims, "We will find a solution the country can afford").speaker().canonical_name(),
            "Ingrid Solheim");
  EXPECT_EQ(Find(claims, "That is not a question for today").speaker().canonical_name(), "Ingrid Solheim");
  for (const v1::Claim& c : claims) EXPECT_FALSE(absl::StrContains(c.text(), "Will you meet")) << c.text();
  EXPECT_THAT(Claims("Notes\n\nAna Lima chairs the board.\n\nA: the first item on the list of plans.\n"), IsEmpty());
}

// Without "spoke to" or "an interview with", the interviewee is the person
// the introduction names most, not the last one it names in full (a critic
// quoted before the questions).
TEST(HardCasesTest, AnInterviewIsWithThePersonItsIntroductionNamesMost) {
  const auto claims = Claims(
      "Interview: the mayor on the tram line\n\n"
      "Mayor Tomas Varga has promised the tram line will open next spring. Varga took office in 2021.\n\n"
      "Critics are not convinced. Councillor Ruth Ebner said the budget had doubled since Varga's first plan.\n\n"
      "Q: Will the line really open next spring?\n\n"
      "A: It will. The rails are laid and the depot is finished.\n\n"
      "Q: And the budget?\n\n"
      "A: Every extra euro went on safety, and I make no apology for that.\n");
  const v1::Claim rails = Find(claims, "It will. The rails are laid and the depot is finished");
  EXPECT_EQ(rails.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(rails.speaker().canonical_name(), "Tomas Varga");
  EXPECT_EQ(Find(claims, "Every extra euro went on safety, and I make no apology for that").speaker().canonical_name(),
            "Tomas Varga");
  EXPECT_EQ(Find(claims, "the budget had doubled since Varga's first plan").speaker().canonical_name(), "Ruth Ebner");
}

// "A senior official of the law ministry" is someone not named, not the
// "Law Minister" named before (the role shares "law" with his title).
TEST(HardCasesTest, AnIndefiniteRoleOfABodyIsNoNamedTitleHolder) {
  const auto claims = Claims(
      "Courts\n\n"
      "Law Minister Arjun Meghwal said the courts would open soon.\n\n"
      "A senior official of the law ministry told reporters that funds had been earmarked.\n");
  const v1::Claim funds = Find(claims, "funds had been earmarked");
  EXPECT_NE(funds.speaker().canonical_name(), "Arjun Meghwal");
  EXPECT_EQ(funds.speaker().canonical_name(), "senior official of the law ministry");
  EXPECT_EQ(Find(claims, "the courts would open soon").speaker().canonical_name(), "Arjun Meghwal");
}

// After a quotation, a speaker and a verb of manner ("chanted", "pleaded")
// or a past verb the lexicon lacks closing the sentence ("growled") are the
// quotation's: it is not the previous speaker's.
TEST(HardCasesTest, MannerVerbsAfterAQuotation) {
  const auto claims = Claims(
      "Protest\n\n"
      "Ana Lima said the vote was close.\n\n"
      "\"We are not afraid,\" the protesters chanted.\n\n"
      "\"Not now, not ever,\" Jon Hale growled.\n");
  EXPECT_EQ(Find(claims, "We are not afraid").speaker().canonical_name(), "protesters");
  // A gathering speaks too ("the crowd chanted").
  const auto rally =
      Claims("Rally\n\nAna Lima said the vote was close.\n\n\"We will never give up,\" the crowd chanted.\n");
  EXPECT_EQ(Find(rally, "We will never give up").speaker().canonical_name(), "crowd");
  const v1::Claim never = Find(claims, "Not now, not ever");
  EXPECT_EQ(never.speaker().canonical_name(), "Jon Hale");
  EXPECT_EQ(never.cue().text(), "growled");
}

// A reported clause that is mostly a quotation is no claim, but the
// quotation inside it is the reporter's ("telling MPs the government
// would “keep its promises to working people”" had no speaker).
TEST(HardCasesTest, QuotationInsideAMostlyQuotedClause) {
  const auto claims = Claims(
      "Budget\n\n"
      "The Chancellor, Rachel Hume, has ruled out raising income tax, telling MPs the government would "
      "\"keep its promises to working people\".\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "keep its promises to working people");
  EXPECT_EQ(claims[0].kind(), v1::CLAIM_KIND_PARTIAL);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Rachel Hume");
}

// A warning's object and infinitive, in the progressive too ("are warning
// parents to check ..."); figures "published by" an agency speak for it,
// a time after the name is no part of it, and "the agency" later is that
// agency.
TEST(HardCasesTest, WarningsAndAgenciesNamedByTheirKind) {
  const auto claims = Claims(
      "Measles\n\n"
      "Health officials are warning parents to check their children's vaccination records.\n\n"
      "There have been 214 cases since January, according to figures published by the regional health agency "
      "on Monday.\n\n"
      "Vaccination rates have fallen below 80 percent, the agency said.\n",
      "2026-03-04");
  EXPECT_EQ(Find(claims, "parents to check their children's vaccination records").speaker().canonical_name(),
            "Health officials");
  const v1::Claim cases = Find(claims, "There have been 214 cases since January");
  EXPECT_EQ(cases.speaker().canonical_name(), "regional health agency");
  EXPECT_EQ(Find(claims, "Vaccination rates have fallen below 80 percent").speaker().canonical_name(),
            "regional health agency");
}

// Families and relatives speak ("The family said in a statement"), and a
// relative clause after "X of Y" leaves the phrase the speaker.
TEST(HardCasesTest, FamiliesRelativesAndPeopleOfAPlace) {
  const auto claims = Claims(
      "Dam collapse\n\n"
      "The family said in a statement that they were devastated.\n\n"
      "Relatives of the victims, who watched the hearing from the gallery, said they wanted a trial.\n");
  EXPECT_EQ(Find(claims, "they were devastated").speaker().canonical_name(), "family");
  EXPECT_EQ(Find(claims, "they wanted a trial").speaker().canonical_name(), "Relatives of the victims");
}

// "the judge ruled that ..." is a ruling's report ("ruled out a rise" and a
// clause's own ", rule out ..." are not); a possessive group ("Lexica's
// lawyers") is no business "the company" may mean.
TEST(HardCasesTest, RulingsAndPossessiveGroups) {
  const auto claims = Claims(
      "Lawsuit\n\n"
      "The judge ruled that the law was void. The Chancellor ruled out a rise in income tax.\n\n"
      "Moscow wants guarantees that NATO will halt its expansion, rule out membership for Ukraine and pull back "
      "its forces, the ministry said.\n\n"
      "Lexica's lawyers have argued that training is fair use. A spokesperson for the company said it would "
      "appeal the ruling.\n");
  EXPECT_EQ(Find(claims, "the law was void").speaker().canonical_name(), "judge");
  EXPECT_EQ(Find(claims, "it would appeal the ruling").speaker().canonical_name(), "company");
  for (const v1::Claim& c : claims) EXPECT_FALSE(absl::StartsWith(c.text(), "a rise in")) << c.text();
}

// Wire copy: a double-hyphen dateline, a trailing cue with an adjunct after
// a clause holding a cue of its own ("China urged ..., X said at a
// briefing"), and "reported, citing a source ..., that".
TEST(HardCasesTest, WireCopyCuesAndSources) {
  const auto claims = Claims(
      "Restraint\n\n"
      "BEIJING, Feb. 14 (Xinhua) -- China urged all parties to exercise restraint, Foreign Ministry "
      "spokesperson Li Wei said at a regular press briefing.\n\n"
      "The news agency TASS reported, citing a source in the ministry, that troops had been moved.\n");
  const v1::Claim restraint = Find(claims, "China urged all parties to exercise restraint");
  EXPECT_EQ(restraint.speaker().canonical_name(), "Li Wei");
  // (The agency's kind is its role: "Tesco" for "British retailer Tesco".)
  const v1::Claim moved = Find(claims, "troops had been moved");
  EXPECT_EQ(moved.speaker().canonical_name(), "TASS");
  EXPECT_EQ(moved.speaker().role(), "news agency");
}

// A quoted nickname inside a name is no quotation, and the name around it
// is the speaker's full name.
TEST(HardCasesTest, NicknamesInsideNames) {
  const auto claims = Claims(
      "Farewell\n\n"
      "Mohammed \xE2\x80\x9CMo\xE2\x80\x9D Farah said he would retire after the Games.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "he would retire after the Games");
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Mohammed Farah");
}

// A surname alone takes the full name the narration gives, a given name
// before a middle name or first surname included ("Lucas Moura Santos").
TEST(HardCasesTest, FullNamesOfThreeWords) {
  const auto claims = Claims(
      "Transfer\n\n"
      "United have signed Brazilian winger Lucas Moura Santos from Porto.\n\n"
      "\"It is a dream come true,\" Santos told the club's website.\n");
  EXPECT_EQ(Find(claims, "It is a dream come true").speaker().canonical_name(), "Lucas Moura Santos");
}

// "told BBC Radio 4's Today programme that ...": the addressee runs to the
// programme (the clause had opened at "4's"), and "Today" there is a name,
// not a date.
TEST(HardCasesTest, ProgrammesAsAddressees) {
  const auto claims = Claims(
      "Plan\n\n"
      "The minister told BBC Radio 4's Today programme that the plan would work.\n",
      "2026-03-04");
  const v1::Claim plan = Find(claims, "the plan would work");
  EXPECT_EQ(plan.cue().text(), "told BBC Radio 4's Today programme");
  EXPECT_EQ(Date(plan), "");
}

// A possessive opens a modified speaker ("..., his expedition company
// said", was "company"); "himself a mountaineer" describes the speaker
// before it.
TEST(HardCasesTest, PossessiveModifiersAndReflexiveAppositives) {
  const auto claims = Claims(
      "K2\n\n"
      "A 17-year-old climber has reached the summit of K2, his expedition company said on Saturday.\n\n"
      "The teenager's father, himself a mountaineer, said his son had dreamed of the climb since he was 10.\n");
  EXPECT_EQ(Find(claims, "A 17-year-old climber has reached the summit of K2").speaker().canonical_name(),
            "expedition company");
  EXPECT_EQ(Find(claims, "his son had dreamed of the climb since he was 10").speaker().canonical_name(),
            "teenager's father");
}

// The name a mention by an organisation's kind means is looked for only in
// the text shortly before it (8 KB), which keeps many such mentions in a
// huge document linear. (Here the name is no sentence's subject, which
// narration would remember however far back.)
TEST(HardCasesTest, OrganisationNamesAreLookedForNearby) {
  std::string text = "Council\n\nThe mayor thanked Ashcombe District Council on Monday.\n\n";
  const std::string filler = "The weather was mild and the streets were quiet all week long.\n\n";
  std::string near = text + "The council said the plan was dead.\n";
  while (text.size() < 10000) text += filler;
  text += "The council said the plan was dead.\n";
  EXPECT_EQ(Find(Claims(near), "the plan was dead").speaker().canonical_name(), "Ashcombe District Council");
  EXPECT_EQ(Find(Claims(text), "the plan was dead").speaker().canonical_name(), "council");
}

// "A police statement said": the document speaks for the body naming it;
// "the opposition" is a speaking body.
TEST(HardCasesTest, StatementsNamedByTheirBodyAndTheOpposition) {
  const auto claims = Claims(
      "Protest\n\n"
      "A police statement said 23 officers had been injured.\n\n"
      "The opposition called for the minister's resignation.\n");
  EXPECT_EQ(Find(claims, "23 officers had been injured").speaker().canonical_name(), "police");
  EXPECT_EQ(Find(claims, "the minister's resignation").speaker().canonical_name(), "opposition");
}

// A trailing "reported" reports a finding when a person or a team says
// it (", the team reported.", ", Dr Osei reported."); a newspaper's or a
// bare name's may be the writer's news source, as before.
TEST(HardCasesTest, TrailingReportedByPeopleButNotByTheNews) {
  const auto claims = Claims(
      "Study\n\n"
      "Night workers had a 24% higher risk, the team reported in the journal Diabetes Care.\n\n"
      "Meal times made no difference, Dr Hannah Osei reported.\n\n"
      "The ward had closed twice, the paper reported.\n\n"
      "The ward had reopened in May, Reuters reported.\n");
  EXPECT_EQ(Find(claims, "Night workers had a 24% higher risk").speaker().canonical_name(), "team");
  EXPECT_EQ(Find(claims, "Meal times made no difference").speaker().canonical_name(), "Hannah Osei");
  for (const v1::Claim& c : claims) {
    EXPECT_FALSE(absl::StrContains(c.text(), "The ward had")) << c.text() << " by " << c.speaker().canonical_name();
  }
}

// "said reaching a final had been his dream": a gerund may open the clause
// as its subject; a relative clause beside the speaker names no role.
TEST(HardCasesTest, GerundSubjectsAndRelativeClausesBesideTheSpeaker) {
  const auto claims = Claims(
      "Final\n\n"
      "Mikey Shaw, who has now scored in four straight games, said reaching a final had been his dream.\n\n"
      "Ana Berg said using the reserve would be a mistake.\n");
  const v1::Claim shaw = Find(claims, "reaching a final had been his dream");
  EXPECT_EQ(shaw.speaker().canonical_name(), "Mikey Shaw");
  EXPECT_EQ(shaw.speaker().role(), "");
  EXPECT_EQ(Find(claims, "using the reserve would be a mistake").speaker().canonical_name(), "Ana Berg");
}

// "the so-called “peace dividend”": the writer's distance from a phrase;
// nobody is quoted as saying it. A quoted phrase elsewhere still is.
TEST(HardCasesTest, SoCalledPhrasesAreNoQuotations) {
  const auto claims = Claims(
      "Budget\n\n"
      "Critics dismissed the so-called \u201cpeace dividend\u201d as a fantasy.\n\n"
      "Ana Berg called the plan a \u201cpeace dividend\u201d for the region.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Ana Berg");
}

// "Ellis's comments came as talks broke down. He said": narration about a
// person's words makes them the one a pronoun means next.
TEST(HardCasesTest, NarrationAboutSomeonesWords) {
  const auto claims = Claims(
      "Strike\n\n"
      "Mark Ellis said the offer was final.\n\n"
      "Union leader Mick Lynn said the minister was living in a fantasy world.\n\n"
      "Ellis's comments came as talks broke down. He said he was disappointed by the union.\n");
  EXPECT_EQ(Find(claims, "he was disappointed by the union").speaker().canonical_name(), "Mark Ellis");
}

// A part of a group speaks ("One of the survivors said": someone holding
// the group's role; "Some of the residents said": the group), and "retired
// teacher Brian Nolan" beside a speaker is a role and a name, not a
// participle phrase.
TEST(HardCasesTest, PartsOfGroupsAndAdjectivesBeforeARole) {
  const auto claims = Claims(
      "Ferry\n\n"
      "One of the survivors said the boat capsized.\n\n"
      "Some of the residents said the water smelled.\n\n"
      "A landlord, retired teacher Brian Nolan, said he felt vindicated.\n");
  EXPECT_EQ(Find(claims, "the boat capsized").speaker().canonical_name(), "survivor");
  EXPECT_EQ(Find(claims, "the water smelled").speaker().canonical_name(), "residents");
  EXPECT_EQ(Find(claims, "he felt vindicated").speaker().canonical_name(), "Brian Nolan");
}

// A claim with a time of its own that fixes no day does not continue the
// date of the same speaker's claim before it.
TEST(HardCasesTest, APeriodBreaksTheSpeakersDateRun) {
  const auto claims = Claims(
      "Plan\n\n"
      "Berg said in an interview published on Sunday that the plan was dead.\n\n"
      "Berg said earlier this month that the talks had failed.\n\n"
      "Berg said the unions were to blame.\n",
      "2026-11-20");
  EXPECT_EQ(Date(Find(claims, "the plan was dead")), "2026-11-15");
  EXPECT_EQ(Date(Find(claims, "the talks had failed")), "");
}

// "One of the landlords, retired teacher Brian O'Neill, said": a group's
// noun before the appositive makes a role of its member, who is named.
TEST(HardCasesTest, AMemberOfAGroupNamedInApposition) {
  const auto claims = Claims(
      "Lets\n\n"
      "One of the landlords, retired teacher Brian O'Neill, said he felt vindicated.\n\n"
      "The oldest of the unions, Mara Quill, said the ruling was fair.\n");
  EXPECT_EQ(Find(claims, "he felt vindicated").speaker().canonical_name(), "Brian O'Neill");
  EXPECT_EQ(Find(claims, "the ruling was fair").speaker().canonical_name(), "Mara Quill");
}

// "German carmaker Brenner Motors cut ...": a business described by what it
// makes is the narration's subject, which "it" then means.
TEST(HardCasesTest, BusinessesDescribedByWhatTheyMake) {
  const auto claims = Claims(
      "Forecast\n\n"
      "German carmaker Brenner Motors cut its profit forecast on Tuesday.\n\n"
      "The company now expects a margin of 5%, it said in a statement.\n");
  EXPECT_EQ(Find(claims, "The company now expects a margin of 5%").speaker().canonical_name(), "Brenner Motors");
}

// A paragraph that is one quotation, then "That was the blunt message from
// the union leader, Karl Dahl.": the next paragraph names whose words they
// were.
TEST(HardCasesTest, WordsNamedInTheParagraphAfter) {
  const auto claims = Claims(
      "Strike\n\n"
      "Ana Berg spoke first.\n\n"
      "\u201cWe will not give in to threats. We never have.\u201d\n\n"
      "That was the blunt message from the union leader, Karl Dahl, on Monday.\n");
  const v1::Claim c = Find(claims, "We will not give in to threats. We never have");
  EXPECT_EQ(c.speaker().canonical_name(), "Karl Dahl");
  EXPECT_EQ(c.kind(), v1::CLAIM_KIND_DIRECT);
}

// "The company, one of the largest employers in the region, said": a
// description opened by "one of" describes the speaker before it.
TEST(HardCasesTest, OneOfDescriptionsBesideTheSpeaker) {
  const auto claims = Claims(
      "Plant\n\n"
      "The company, one of the largest employers in the region, said it would appeal.\n");
  EXPECT_EQ(Find(claims, "it would appeal").speaker().canonical_name(), "company");
}

// Vox pops: people introduced by sex ("A woman in Leeds said", "One woman,
// who gave her name only as Maria, said", "Women at the market said").
TEST(HardCasesTest, PeopleIntroducedBySex) {
  const auto claims = Claims(
      "Buses\n\n"
      "A woman in Leeds said the bus never came.\n\n"
      "One woman, who gave her name only as Maria, said she was afraid.\n\n"
      "Women at the market said prices had doubled.\n");
  EXPECT_EQ(Find(claims, "the bus never came").speaker().canonical_name(), "woman in Leeds");
  EXPECT_EQ(Find(claims, "she was afraid").speaker().canonical_name(), "woman");
  EXPECT_EQ(Find(claims, "prices had doubled").speaker().canonical_name(), "Women at the market");
}


// Academics as news introduces them: a hyphenated role ("The co-author,
// NAME,"), a title and the institution after the name ("Professor NAME of
// the University of X"), the institution in apposition ("NAME, of the
// University of X,"); a group that did something before it found ("The
// researchers analysed ... and found") is the group, not its object.
TEST(HardCasesTest, AcademicsWithTheirInstitutions) {
  const auto claims = Claims(
      "Glaciers\n\n"
      "The researchers analysed satellite surveys from 30 glaciers and found that the ice had thinned.\n\n"
      "The study's co-author, Professor Tobias Wendt of the University of Kiel, cautioned that the record was "
      "short. \"We need ten more years of data,\" he said.\n\n"
      "The co-author, Hanna Lusk, said the trend was clear.\n\n"
      "Paul Osei, of the University of Accra, said the method was sound.\n");
  EXPECT_EQ(Find(claims, "the ice had thinned").speaker().canonical_name(), "researchers");
  const v1::Claim short_record = Find(claims, "the record was short");
  EXPECT_EQ(short_record.speaker().canonical_name(), "Tobias Wendt");
  EXPECT_EQ(short_record.speaker().role(), "study's co-author");
  EXPECT_EQ(Find(claims, "We need ten more years of data").speaker().canonical_name(), "Tobias Wendt");
  const v1::Claim trend = Find(claims, "the trend was clear");
  EXPECT_EQ(trend.speaker().canonical_name(), "Hanna Lusk");
  EXPECT_EQ(trend.speaker().role(), "co-author");
  const v1::Claim method = Find(claims, "the method was sound");
  EXPECT_EQ(method.speaker().canonical_name(), "Paul Osei");
  EXPECT_EQ(method.speaker().role(), "University of Accra");
}

// A relative clause without commas between a group and its cue
// ("Residents who lost homes in the flood said"); a compound role in
// "holder"; a definite role ("the judge") meaning the person narration
// named with that title, who had not spoken yet.
TEST(HardCasesTest, RelativeClausesHoldersAndNarratedJudges) {
  const auto claims = Claims(
      "Flood fund\n\n"
      "Residents who lost homes in the spring flood said they felt cheated.\n\n"
      "Officials who spoke on condition of anonymity said the audit was late.\n\n"
      "One season-ticket holder, who asked not to be named, said the club was adrift.\n\n"
      "Judge Irene Vasquez set a trial date for May. In a written order, the judge noted that the records "
      "were incomplete.\n");
  EXPECT_EQ(Find(claims, "they felt cheated").speaker().canonical_name(), "Residents");
  EXPECT_EQ(Find(claims, "the audit was late").speaker().canonical_name(), "Officials");
  EXPECT_EQ(Find(claims, "the club was adrift").speaker().canonical_name(), "season-ticket holder");
  EXPECT_EQ(Find(claims, "the records were incomplete").speaker().canonical_name(), "Irene Vasquez");
}

// A business with a one-word name ("Streamly") is what "the company" and
// "a company spokesperson" mean later; "said it strongly disagreed", with
// an adverb or a quotation mark before the pronoun's verb, is a clause.
TEST(HardCasesTest, OneWordBusinessesAndAdverbsAfterIt) {
  const auto claims = Claims(
      "Fine\n\n"
      "Regulators fined the video service Streamly on Monday.\n\n"
      "Streamly said it \"strongly disagreed\" with the decision and would appeal.\n\n"
      "The company said it still expected to win.\n\n"
      "\"We take privacy seriously,\" a company spokesperson said.\n");
  const v1::Claim appeal = Find(claims, "it \"strongly disagreed\" with the decision and would appeal");
  EXPECT_EQ(appeal.speaker().canonical_name(), "Streamly");
  EXPECT_EQ(Find(claims, "it still expected to win").speaker().canonical_name(), "Streamly");
  EXPECT_EQ(Find(claims, "We take privacy seriously").speaker().canonical_name(), "Streamly");
}

// "The Center for Open Data, a think tank, argued": a centre is an
// organisation, named whole (it was a person "Open Data" with the role
// "Center").
TEST(HardCasesTest, CentresAreOrganisations) {
  const auto claims = Claims(
      "Rules\n\n"
      "The Center for Open Data, a think tank, argued in a report that the rules were too vague.\n");
  const v1::Claim vague = Find(claims, "the rules were too vague");
  EXPECT_EQ(vague.speaker().canonical_name(), "Center for Open Data");
  EXPECT_EQ(vague.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// An analyst's estimate is a claim ("She estimated that ..."); a business
// introduced by what it is ("Bus operator Cityline Express said") is an
// organisation, and "the company" later is that business.
TEST(HardCasesTest, EstimatesAndBusinessesIntroducedByWhatTheyAre) {
  const auto claims = Claims(
      "Buses\n\n"
      "\"Demand is falling,\" said Rosa Lind, an analyst at Nordbank. She estimated that fares would rise by 5%.\n\n"
      "Bus operator Cityline Express said journeys had become slower. The company added that it would push for "
      "bus lanes.\n");
  EXPECT_EQ(Find(claims, "fares would rise by 5%").speaker().canonical_name(), "Rosa Lind");
  const v1::Claim slower = Find(claims, "journeys had become slower");
  EXPECT_EQ(slower.speaker().canonical_name(), "Cityline Express");
  EXPECT_EQ(slower.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "it would push for bus lanes").speaker().canonical_name(), "Cityline Express");
}

// "said staffing was unsafe": a noun in -ing right before its verb opens
// the clause; "It added" after a document that spoke for a person is the
// document, so the person; "A diplomat briefed on the talks said": a
// participle phrase between the speaker and the cue.
TEST(HardCasesTest, GerundNounsDocumentsAsItAndBriefedSources) {
  const auto claims = Claims(
      "Care homes\n\n"
      "The review, published by Dr Ana Lima, said staffing was unsafe. It added that three homes should close.\n\n"
      "A diplomat briefed on the talks said the gap was narrowing.\n");
  EXPECT_EQ(Find(claims, "staffing was unsafe").speaker().canonical_name(), "Ana Lima");
  EXPECT_EQ(Find(claims, "three homes should close").speaker().canonical_name(), "Ana Lima");
  EXPECT_EQ(Find(claims, "the gap was narrowing").speaker().canonical_name(), "diplomat");
}

// A live blog: each entry opens with a time stamp, and narration after it
// names the person a pronoun then means.
TEST(HardCasesTest, LiveBlogEntries) {
  const auto claims = Claims(
      "Election live\n\n"
      "22:12 \u2014 Campaign chief Lars Berglund tells supporters the party is confident.\n\n"
      "22:30 \u2014 Opposition leader Hedda Moerk has conceded nothing. Speaking to NRT, she said: \"Exit "
      "polls have been wrong before.\"\n");
  EXPECT_EQ(Find(claims, "Exit polls have been wrong before").speaker().canonical_name(), "Hedda Moerk");
}

// "…,” said its head of travel, Nadia Rahman.": a possessor and a role
// that runs on past its head ("of travel"), then the name in apposition.
TEST(HardCasesTest, PossessedRolesBeforeANameAfterTheCue) {
  const auto claims = Claims(
      "Flights\n\n"
      "Consumer group Fairfly said airlines used faults as an excuse. \"The law is clear,\" said its head of "
      "travel, Nadia Rahman.\n\n"
      "\"Refunds are late,\" said the group's head of policy, Omar Reyes.\n");
  const v1::Claim clear = Find(claims, "The law is clear");
  EXPECT_EQ(clear.speaker().canonical_name(), "Nadia Rahman");
  EXPECT_EQ(clear.speaker().role(), "head of travel");
  const v1::Claim late = Find(claims, "Refunds are late");
  EXPECT_EQ(late.speaker().canonical_name(), "Omar Reyes");
  EXPECT_EQ(late.speaker().role(), "group's head of policy");
}

// "Ostrava's defence ministry rejected the accusation. ... the ministry
// said": a body narration names by its country's possessive is what "the
// ministry" then means (it went to another country's ministry that had
// spoken before).
TEST(HardCasesTest, MinistriesNarrationNames) {
  const auto claims = Claims(
      "Talks\n\n"
      "Belmark's foreign ministry said the talks had failed.\n\n"
      "Ostrava's defence ministry rejected the accusation. In a statement, the ministry said its forces had not "
      "fired.\n");
  EXPECT_EQ(Find(claims, "the talks had failed").speaker().canonical_name(), "Belmark's foreign ministry");
  EXPECT_EQ(Find(claims, "its forces had not fired").speaker().canonical_name(), "Ostrava's defence ministry");
}

// Names with post-nominal letters ("Tobias Grant MP") and organisations
// named with a capitalised preposition ("Doctors Without Borders").
TEST(HardCasesTest, PostNominalsAndOrganisationsWithPrepositions) {
  const auto claims = Claims(
      "Spills\n\n"
      "\"We have heard this before,\" said Tobias Grant MP.\n\n"
      "Surfers Against Spills, which has counted 400 spills, wrote in a letter that fines should be larger.\n\n"
      "Medics Without Borders said the clinic was shelled.\n");
  const v1::Claim before = Find(claims, "We have heard this before");
  EXPECT_EQ(before.speaker().canonical_name(), "Tobias Grant");
  EXPECT_EQ(before.speaker().mention(), "Tobias Grant MP");
  EXPECT_EQ(Find(claims, "fines should be larger").speaker().canonical_name(), "Surfers Against Spills");
  const v1::Claim shelled = Find(claims, "the clinic was shelled");
  EXPECT_EQ(shelled.speaker().canonical_name(), "Medics Without Borders");
  EXPECT_EQ(shelled.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// "Costa's spokesman said" speaks for the person the text names in full,
// as "a spokesman for Costa" does.
TEST(HardCasesTest, APersonsSpokesman) {
  const auto claims = Claims(
      "Budget\n\n"
      "Prime Minister Ana Costa flew to Brussels on Monday.\n\n"
      "Costa's spokesman said the budget was final.\n");
  EXPECT_EQ(Find(claims, "the budget was final").speaker().canonical_name(), "Ana Costa");
}

// A short quotation right after an attributed one in its paragraph is the
// same speaker's ("“We will not back down,” Lind said. “Not now.”"); a
// quotation with its own cue and "according to witnesses" after it is no
// second, indirect claim of the witnesses.
TEST(HardCasesTest, ShortContinuationsAndWitnessedQuotations) {
  const auto claims = Claims(
      "Probe\n\n"
      "\"We will not back down,\" Lind told reporters. \"Not now.\"\n\n"
      "\"Let's go,\" he shouted, according to witnesses.\n");
  EXPECT_EQ(Find(claims, "Not now").speaker().canonical_name(), "Lind");
  for (const v1::Claim& c : claims) EXPECT_NE(c.kind(), v1::CLAIM_KIND_INDIRECT) << c.text();
  EXPECT_EQ(Find(claims, "Let's go").cue().text(), "shouted");
}

// "The couple, who have lived in the village for 40 years, said": a couple
// speaks together, as a family does.
TEST(HardCasesTest, CouplesSpeakTogether) {
  const auto claims = Claims(
      "Village\n\n"
      "The couple, who have lived in the village for 40 years, said they would not leave.\n");
  EXPECT_EQ(Find(claims, "they would not leave").speaker().canonical_name(), "couple");
}

// "Veltra's shares fell 8% after it warned that ...": the business whose
// shares or results open the sentence is what "it" means.
TEST(HardCasesTest, BusinessesWhoseSharesNarrationGives) {
  const auto claims = Claims(
      "Markets\n\n"
      "Veltra's shares fell 8% after it warned that sales had slowed.\n\n"
      "Brenner Motors' shares fell after it said demand was weak.\n");
  EXPECT_EQ(Find(claims, "sales had slowed").speaker().canonical_name(), "Veltra");
  EXPECT_EQ(Find(claims, "demand was weak").speaker().canonical_name(), "Brenner Motors");
}

// "The doctors' union, the Medical Staff Association, confirmed the
// decision. ..., the union said.": an organisation introduced by its kind
// keeps it as its role, so "the union" means it; and a cue with an object
// ("confirmed the decision") makes no trailing claim of the words before
// its subject.
TEST(HardCasesTest, OrganisationsIntroducedByTheirKind) {
  const auto claims = Claims(
      "Strike\n\n"
      "The doctors' union, the Medical Staff Association, confirmed the decision on Saturday. A ballot will "
      "close on December 14, the union said.\n");
  ASSERT_EQ(claims.size(), 1u);
  const v1::Claim ballot = Find(claims, "A ballot will close on December 14");
  EXPECT_EQ(ballot.speaker().canonical_name(), "Medical Staff Association");
  EXPECT_EQ(ballot.speaker().role(), "doctors' union");
}

// After the last answer of a question-and-answer interview, a paragraph of
// narration about the interviewee (her surname, a report of what she says)
// is no answer going on.
TEST(HardCasesTest, NarrationAfterAnInterviewsLastAnswer) {
  const auto claims = Claims(
      "Interview: the architect of the harbour\n\n"
      "Lena Okafor, 52, has spent a decade on the harbour. We spoke to her about it.\n\n"
      "Q: Why did you take the job?\n\n"
      "A: Because nobody else wanted it.\n\n"
      "The harbour was dying, and I grew up there.\n\n"
      "Okafor's firm employs 40 people. She says the next phase will begin in spring.\n");
  EXPECT_EQ(Find(claims, "The harbour was dying, and I grew up there").kind(), v1::CLAIM_KIND_DIRECT);
  const v1::Claim spring = Find(claims, "the next phase will begin in spring");
  EXPECT_EQ(spring.kind(), v1::CLAIM_KIND_INDIRECT);
  for (const v1::Claim& c : claims) EXPECT_FALSE(absl::StrContains(c.text(), "employs 40 people")) << c.text();
}

// Armed services speak as organisations ("the air force said"), and "the
// air force" later means the one a possessive named ("Velmora's air
// force"): a kind of several lower-case words matches the end of a name.
TEST(HardCasesTest, ArmedServicesAndKindsOfSeveralWords) {
  const auto claims = Claims(
      "Drones downed\n\n"
      "Velmora's air force said on Wednesday it had shot down 30 drones overnight.\n"
      "The drones targeted power stations in the east, the air force said.\n"
      "The coast guard said two boats had been stopped.\n");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(Find(claims, "it had shot down 30 drones overnight").speaker().canonical_name(), "Velmora's air force");
  const v1::Claim targets = Find(claims, "The drones targeted power stations in the east");
  EXPECT_EQ(targets.speaker().canonical_name(), "Velmora's air force");
  EXPECT_EQ(targets.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "two boats had been stopped").speaker().canonical_name(), "coast guard");
}

// An adverb of time between the cue and "that" is no part of the clause
// ("said afterwards that", "said subsequently that").
TEST(HardCasesTest, AdverbOfTimeBeforeThat) {
  const auto claims = Claims(
      "Summit\n\n"
      "The prime minister said afterwards that the two countries faced a severe threat.\n"
      "Her deputy said subsequently that talks would resume.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].text(), "the two countries faced a severe threat");
  EXPECT_EQ(claims[1].text(), "talks would resume");
}

// Surnames joined to an Arabic article in lower case ("Majed al-Ansari",
// later "al-Ansari said") are names, and the lone surname is the person.
TEST(HardCasesTest, ArticledSurnames) {
  const auto claims = Claims(
      "Talks\n\n"
      "The ministry's spokesman, Karim al-Mansour, told reporters that the talks were at a difficult stage.\n"
      "\u201cWe are not close to a deal,\u201d al-Mansour said.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "the talks were at a difficult stage").speaker().canonical_name(), "Karim al-Mansour");
  const v1::Claim quote = Find(claims, "We are not close to a deal");
  EXPECT_EQ(quote.speaker().canonical_name(), "Karim al-Mansour");
  EXPECT_EQ(quote.speaker().mention(), "al-Mansour");
}

// "X told Y that “…”, according to a readout": the readout is the writer's
// source, the quotation is X's; "He also urged ..., the readout said": the
// document's trailing cue is the source of the report it holds, which is
// the claim; "saying only that": the adverb is no part of the clause.
TEST(HardCasesTest, DocumentsAsSourcesOfReportedWords) {
  const auto claims = Claims(
      "Leaders meet\n\n"
      "President Ana Lima and Premier Wu Tao met on Wednesday.\n"
      "Wu told Lima that \u201cthe world is big enough for both countries,\u201d according to a readout issued by "
      "state media. He also urged Lima to stop arming the island, the readout said.\n"
      "A spokesman, Tom Hale, declined to comment, saying only that the premier would decide soon.\n");
  const v1::Claim quote = Find(claims, "the world is big enough for both countries");
  EXPECT_EQ(quote.speaker().mention(), "Wu");
  const v1::Claim urged = Find(claims, "Lima to stop arming the island");
  EXPECT_EQ(urged.speaker().mention(), "He");
  EXPECT_EQ(urged.speaker().canonical_name(), quote.speaker().canonical_name());
  EXPECT_EQ(Find(claims, "the premier would decide soon").speaker().canonical_name(), "Tom Hale");
  for (const v1::Claim& c : claims) {
    EXPECT_FALSE(absl::StrContains(c.text(), "readout said")) << c.text();
    EXPECT_FALSE(absl::StartsWith(c.text(), "only")) << c.text();
  }
}

// A relative clause between the speaker and the cue tells of something
// else: its time does not date the statement.
TEST(HardCasesTest, RelativeClauseBeforeTheCueDatesNothing) {
  const auto claims = Claims(
      "Row\n\n"
      "The minister, who resigned on Monday, told reporters on Thursday that the plan was fair.\n\n"
      "Her deputy, whom the premier fired on Tuesday, said in an interview that talks had failed.\n",
      "2026-11-20");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Date(Find(claims, "the plan was fair")), "2026-11-19");
  EXPECT_EQ(Date(Find(claims, "talks had failed")), "");
}

// "“…,” said X, leader of the party, calling for protests on Saturday.":
// the participle's speaker is the one after the inverted cue, "calling
// for" takes what is called for, and the participle's time is no date of
// the quotation.
TEST(HardCasesTest, ParticipleAfterAnInvertedCue) {
  const auto claims = Claims(
      "Deadlock\n\n"
      "\u201cThe vote has been stolen from the people,\u201d said Jean Roux, leader of the Green Left party, calling "
      "for protests on Saturday.\n",
      "2026-11-20");
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim quote = Find(claims, "The vote has been stolen from the people");
  EXPECT_EQ(quote.speaker().canonical_name(), "Jean Roux");
  EXPECT_EQ(Date(quote), "");
  const v1::Claim call = Find(claims, "protests on Saturday");
  EXPECT_EQ(call.kind(), v1::CLAIM_KIND_INDIRECT);
  EXPECT_EQ(call.speaker().canonical_name(), "Jean Roux");
  EXPECT_EQ(call.cue().text(), "calling for");
}

// A surname alone, or a two-word surname, finds the full name narration
// gave: past a title ("President Anura Kumara Tennakoon") or a known given
// name ("Andres Manuel Lopez Obrador"); and "the 55-year-old leftist" is an
// epithet for the person last spoken of, as "the 55-year-old" is.
TEST(HardCasesTest, FullNamesAndEpithetsWithNouns) {
  const auto claims = Claims(
      "Sworn in\n\n"
      "Velmora's newly elected President Anura Kumara Tennakoon was sworn in on Monday.\n"
      "\u201cI am not a magician,\u201d Tennakoon said.\n"
      "The 55-year-old leftist said he would dissolve parliament.\n"
      "Outgoing President Andres Manuel Lopez Obrador defended the overhaul.\n"
      "\u201cThe markets will adjust,\u201d Lopez Obrador said.\n");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(Find(claims, "I am not a magician").speaker().canonical_name(), "Anura Kumara Tennakoon");
  const v1::Claim dissolve = Find(claims, "he would dissolve parliament");
  EXPECT_EQ(dissolve.speaker().mention(), "The 55-year-old leftist");
  EXPECT_EQ(dissolve.speaker().canonical_name(), "Anura Kumara Tennakoon");
  EXPECT_EQ(Find(claims, "The markets will adjust").speaker().canonical_name(), "Andres Manuel Lopez Obrador");
}

// Shapes from court and summit reports: a court's side as a source ("the
// prosecution"), a participle opening the sentence before a coordinated
// cue, an adverb between commas before "that", a role in apposition before
// a trailing speaker's name, a movement's name, a body and the city it sits
// in, and a colon before a quotation ending a reported clause.
TEST(HardCasesTest, CourtAndSummitShapes) {
  const auto claims = Claims(
      "Verdict\n\n"
      "According to the prosecution, the couple kept gifts worth millions.\n"
      "Speaking alongside the premier, President Ana Lima thanked the leaders and said the money would buy "
      "generators.\n"
      "The minister declined to comment. He insisted, however, that the vote would be held on time.\n"
      "The court fined each of them a million rupees, his lawyer, Omar Farid, told reporters.\n"
      "The party, the Velmoran Justice Movement, said it would appeal.\n"
      "The Chinese embassy in Rome said the group was using the war as a pretext.\n"
      "Lima said the deal sent a message to the Kremlin: \u201cWe are not backing down.\u201d\n");
  EXPECT_EQ(Find(claims, "the couple kept gifts worth millions").speaker().canonical_name(), "prosecution");
  EXPECT_EQ(Find(claims, "the money would buy generators").speaker().canonical_name(), "Ana Lima");
  EXPECT_EQ(Find(claims, "the vote would be held on time").text(), "the vote would be held on time");
  const v1::Claim fined = Find(claims, "The court fined each of them a million rupees");
  EXPECT_EQ(fined.text(), "The court fined each of them a million rupees");
  EXPECT_EQ(fined.speaker().canonical_name(), "Omar Farid");
  EXPECT_EQ(Find(claims, "it would appeal").speaker().canonical_name(), "Velmoran Justice Movement");
  EXPECT_EQ(Find(claims, "the group was using the war as a pretext").speaker().canonical_name(), "Chinese embassy");
  EXPECT_EQ(Find(claims, "the deal sent a message to the Kremlin").text(), "the deal sent a message to the Kremlin");
}

// Headlines: a quotation right after a present-tense cue ("Moscow Warns of
// ‘…’") is a partial quotation of the cue's subject; one opening the
// headline before a colon and a speaker with a cue ("‘…’: Defence Minister
// Warns") is a whole one, whose speaker the body names; scare quotes
// without a cue are nobody's.
TEST(HardCasesTest, QuotationsInHeadlines) {
  auto claims = Claims(
      "Ostrava Warns of \u2018Painful Measures\u2019 After Talks Fail\n\n"
      "The talks failed on Monday. Officials said a new round was unlikely.\n");
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim measures = Find(claims, "Painful Measures");
  EXPECT_EQ(measures.kind(), v1::CLAIM_KIND_PARTIAL);
  EXPECT_EQ(measures.speaker().mention(), "Ostrava");
  EXPECT_EQ(measures.cue().text(), "Warns of");

  claims = Claims(
      "\u2018We will not back down\u2019: Defence Minister warns after drone attack\n\n"
      "Defence Minister Arvind Rao said on Sunday that the forces were ready.\n");
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim vow = Find(claims, "We will not back down");
  EXPECT_EQ(vow.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(vow.speaker().canonical_name(), "Arvind Rao");

  claims = Claims(
      "Premier's \u2018dictator\u2019 remark angers rivals\n\n"
      "The premier spoke on Monday. Officials said a new round was unlikely.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "a new round was unlikely");
}

// Abbreviated ranks before a name are honorifics: the name is the
// person's ("Det Ch Insp Laura Hill", "Lt Col Ian Roe").
TEST(HardCasesTest, AbbreviatedRanks) {
  const auto claims = Claims(
      "Appeal\n\n"
      "Det Ch Insp Laura Hill said: \u201cWe urge anyone with information to come forward.\u201d\n"
      "Lt Col Ian Roe said the base would stay closed.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Laura Hill");
  EXPECT_EQ(claims[1].speaker().canonical_name(), "Ian Roe");
}

// "Professor Trudie Lang of the University of Oxford": after a title, name
// words need no known given name for the phrase to be a person's with the
// place they belong to.
TEST(HardCasesTest, TitledNameOfAnInstitution) {
  const auto claims = Claims(
      "Health\n\n"
      "The virus is rarely fatal, said Professor Trudie Vantongeren of the University of Lisbon.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Trudie Vantongeren");
  EXPECT_EQ(claims[0].speaker().type(), v1::SPEAKER_TYPE_PERSON);
}

// An adverb of frequency or manner between the auxiliary and the cue
// ("has long argued", "has consistently denied", "angrily rejected").
TEST(HardCasesTest, AdverbsBeforeTheCue) {
  const auto claims = Claims(
      "Probe\n\n"
      "Tom Reed has long argued that taxes are too high.\n"
      "Ana Lima has consistently said that the plan would fail.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "taxes are too high").speaker().canonical_name(), "Tom Reed");
  EXPECT_EQ(Find(claims, "the plan would fail").speaker().canonical_name(), "Ana Lima");
}

// An interview set out as questions and answers without "Q:"/"A:" labels:
// questions are paragraphs of their own, and the introduction says it is
// an interview; each answer is the interviewee's. Without that, questions
// in a feature are the writer's.
TEST(HardCasesTest, UnlabelledQuestionsAndAnswers) {
  auto claims = Claims(
      "Q&A: the economist who saw it coming\n\n"
      "Nouriel Vantor, a professor at Lakeside University, warned of the crash. We asked him about the risks now.\n\n"
      "What worries you most?\n\n"
      "Debt. Global debt is at a record high.\n\n"
      "Are we heading for a recession?\n\n"
      "A mild one is likely next year, but not a crash.\n\n"
      "Vantor's new book is published next month.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].text(), "Debt. Global debt is at a record high");
  EXPECT_EQ(claims[1].text(), "A mild one is likely next year, but not a crash");
  for (const v1::Claim& c : claims) {
    EXPECT_EQ(c.kind(), v1::CLAIM_KIND_DIRECT);
    EXPECT_EQ(c.speaker().canonical_name(), "Nouriel Vantor");
  }
  claims = Claims(
      "Why the harbour died\n\n"
      "The harbour closed in 1990.\n\n"
      "What went wrong?\n\n"
      "The fish left first, then the boats.\n\n"
      "Could it have been saved?\n\n"
      "Probably not, historians think.\n");
  EXPECT_TRUE(claims.empty());
}

// Relations in office introduce people as family relations do ("Her rival,
// Tom Hart, said", "his Swedish counterpart said").
TEST(HardCasesTest, RelationsInOffice) {
  const auto claims = Claims(
      "Summit\n\n"
      "Her rival, Tom Hart, said the plan was bad.\n"
      "His Swedish counterpart said the quotas were unfair.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Tom Hart");
  EXPECT_EQ(claims[0].speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(claims[1].speaker().mention(), "His Swedish counterpart");
  EXPECT_EQ(claims[1].speaker().type(), v1::SPEAKER_TYPE_PERSON);
}

// "announced a decree that repeals ...": "that" after the cue's object
// opens a relative clause about the object; nobody is reported.
TEST(HardCasesTest, ThatAfterTheCuesObject) {
  const auto claims = Claims(
      "Decree\n\n"
      "The president on Wednesday announced a decree that repeals more than 300 regulations.\n"
      "The president said on Wednesday that the rules had held back growth.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "the rules had held back growth");
}

// Portuguese and Spanish particles inside names ("Rio Grande do Sul"), the
// noun "state" before a role ("state governor"), and a surname that goes
// on after its particle ("Luiz Inacio Lula da Silva").
TEST(HardCasesTest, ParticlesAndStateRoles) {
  const auto claims = Claims(
      "Floods\n\n"
      "President Luiz Inacio Lula da Silva visited the region on Monday.\n"
      "Rio Grande do Sul state governor Eduardo Leite said the state would need a new plan to rebuild.\n"
      "Lula promised that the government would not let money hinder the rescue.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "the state would need a new plan to rebuild").speaker().canonical_name(), "Eduardo Leite");
  EXPECT_EQ(Find(claims, "the government would not let money hinder the rescue").speaker().canonical_name(),
            "Luiz Inacio Lula da Silva");
}

// "X went further, calling the pact “a disgrace”": a quoted label after a
// participle of speaking that follows a comma is the sentence subject's.
TEST(HardCasesTest, QuotedLabelAfterAParticiple) {
  const auto claims = Claims(
      "Pact\n\n"
      "Prime Minister Karl Vadas went further, describing the pact as \u201clegal robbery\u201d of his country.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "legal robbery");
  EXPECT_EQ(claims[0].kind(), v1::CLAIM_KIND_PARTIAL);
  EXPECT_EQ(claims[0].speaker().canonical_name(), "Karl Vadas");
  EXPECT_EQ(claims[0].cue().text(), "describing");
}

// An organisation the narration names by one word written only at a
// sentence's start ("Greenpeace staged a protest. It said ...", "Shell
// rejected the criticism. The company said ..."), and a group by its kind
// ("The unions walked out. They said ..."), are what "it", "the company" and
// "they" mean.
TEST(HardCasesTest, NarratedBodiesForItTheyAndTheCompany) {
  const auto claims = Claims(
      "Protest\n\n"
      "Seawatch staged a protest outside the ministry on Monday. It said the new licences would wreck the targets.\n"
      "The unions walked out of the talks. They said the offer was an insult.\n"
      "Pellworth rejected the criticism. The company said it was investing in renewables.\n");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(Find(claims, "the new licences would wreck the targets").speaker().canonical_name(), "Seawatch");
  EXPECT_EQ(Find(claims, "the offer was an insult").speaker().canonical_name(), "unions");
  EXPECT_EQ(Find(claims, "it was investing in renewables").speaker().canonical_name(), "Pellworth");
}

// "“…” - that was the message from the coach": the words named after a
// dash in the quotation's own sentence.
TEST(HardCasesTest, WordsNamedAfterADash) {
  const auto claims = Claims(
      "Defeat\n\n"
      "Chief executive Ann Cole wrote to staff: \u201cWe must cut costs.\u201d\n\n"
      "\u201cI am not going anywhere\u201d - that was the message from the coach after the defeat.\n");
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim coach = Find(claims, "I am not going anywhere");
  EXPECT_EQ(coach.speaker().mention(), "the coach");
}

// A trailing "she said" is not the person its own clause is about ("The
// president had urged Congress to act, she said" is the press secretary's),
// while "Lima smiled as she said" is Lima's.
TEST(HardCasesTest, TrailingPronounAndItsOwnClause) {
  const auto claims = Claims(
      "Bill\n\n"
      "Press secretary Karine Jean-Pierre said the bill would be signed tonight. The president had urged Congress to "
      "act quickly, she said.\n"
      "Tom Reed spoke next. Ana Lima smiled as she said the vote had been won.\n");
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(Find(claims, "The president had urged Congress to act quickly").speaker().canonical_name(),
            "Karine Jean-Pierre");
  EXPECT_EQ(Find(claims, "the vote had been won").speaker().canonical_name(), "Ana Lima");
}

// "The minister's spokeswoman, Anne Roy," is not the minister: a title in
// the possessive is the possessor's, so "the minister" before her stays the
// minister, not a title she is later named by.
TEST(HardCasesTest, TitleInThePossessiveIsThePossessors) {
  const auto claims = Claims(
      "Deal\n\n"
      "The minister said the deal was close.\n"
      "The minister's spokeswoman, Anne Roy, said a vote could come next week.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "the deal was close").speaker().canonical_name(), "minister");
  EXPECT_EQ(Find(claims, "a vote could come next week").speaker().canonical_name(), "Anne Roy");
}

// Headlines in sentence case: the cue may stand a few words before the
// quotation ("Tech founder says AI rules will “crush” startups": not
// "rules", a noun before a verb; not "Demands" after a possessive), and a
// title by initials ("UN envoy") finds the holder the body names in full
// ("The United Nations envoy Amara Diallo").
TEST(HardCasesTest, SentenceCaseHeadlines) {
  auto claims = Claims(
      "Tech founder says AI rules will \u201ccrush\u201d small startups\n\n"
      "The rules were published on Monday. Officials said a review was planned.\n");
  const v1::Claim crush = Find(claims, "crush");
  EXPECT_EQ(crush.speaker().mention(), "Tech founder");
  EXPECT_EQ(crush.cue().text(), "says");

  claims = Claims(
      "UN envoy warns of \u201cwater war\u201d as river talks end\n\n"
      "The United Nations envoy Amara Diallo said on Wednesday that nobody could afford a conflict.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "water war").speaker().canonical_name(), "Amara Diallo");
}

// A name used by its first word finds the full name narration gives after
// a title ("Chinese leader Xi Jinping ... Xi said", "Prime Minister Srettha
// Thavisin ... Srettha said"); "ruled 5-4 that" reports the ruling.
TEST(HardCasesTest, NamesUsedByTheirFirstWordAndVoteCounts) {
  const auto claims = Claims(
      "Verdict\n\n"
      "The court removed Prime Minister Srettha Thavisin from office on Wednesday.\n"
      "The court ruled 5-4 that Srettha had breached ethical standards.\n"
      "Srettha told reporters he respected the verdict.\n");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(Find(claims, "Srettha had breached ethical standards").speaker().canonical_name(), "court");
  EXPECT_EQ(Find(claims, "he respected the verdict").speaker().canonical_name(), "Srettha Thavisin");
}

// "The Chief Minister, while addressing a rally in Lucknow, said ...": a
// clause of time between commas is no appositive of the speaker.
TEST(HardCasesTest, ClauseOfTimeBetweenSpeakerAndCue) {
  const auto claims = Claims(
      "Rally\n\n"
      "The Chief Minister, while addressing a rally in Lucknow, said the state had seen record investment.\n");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].speaker().mention(), "The Chief Minister");
  EXPECT_EQ(claims[0].text(), "the state had seen record investment");
}

// "Lund, whose party had insisted on cuts, said ...": the noun "whose"
// introduces speaks for nobody the text names, and its relative clause is
// no trailing cue; "a decision the mayor called ..." is a noun and a
// relative clause without "that", so the mention is "the mayor", who is
// the titled person the narration named before another speaker.
TEST(HardCasesTest, RelativeClausesAndATitleNamedBeforeAnotherSpeaker) {
  const auto claims = Claims(
      "Budget\n\n"
      "Mayor Tove Lindgren opened the session.\n\n"
      "Erik Lund, whose party had insisted on spending cuts, said the agreement was fair to taxpayers.\n\n"
      "The council approved it by 9 votes to 4, a result the mayor called \"a victory for common sense\".\n");
  ASSERT_EQ(claims.size(), 2u);
  const v1::Claim fair = Find(claims, "the agreement was fair to taxpayers");
  EXPECT_EQ(fair.speaker().canonical_name(), "Erik Lund");
  EXPECT_EQ(fair.cue().text(), "said");
  const v1::Claim victory = Find(claims, "a victory for common sense");
  EXPECT_EQ(victory.speaker().mention(), "the mayor");
  EXPECT_EQ(victory.speaker().canonical_name(), "Tove Lindgren");
}

// A capitalised name ending in a company's legal form or plural line of
// trade is an organisation's ("Halvorsen Pharmaceuticals", "Brightwater
// Holdings Ltd"), and "the company" then means it; a person's surname is
// no such ending.
TEST(HardCasesTest, CompanyNamesByTheirEnding) {
  const auto claims = Claims(
      "Markets\n\n"
      "Halvorsen Pharmaceuticals said it would move its headquarters to Dublin.\n\n"
      "The company said the move would create 300 jobs.\n\n"
      "Brightwater Holdings Ltd said profits fell 12%.\n\n"
      "Nora Vance said the deal was a mistake.\n");
  const v1::Claim move = Find(claims, "it would move its headquarters to Dublin");
  EXPECT_EQ(move.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "the move would create 300 jobs").speaker().canonical_name(), "Halvorsen Pharmaceuticals");
  EXPECT_EQ(Find(claims, "profits fell 12%").speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "the deal was a mistake").speaker().type(), v1::SPEAKER_TYPE_PERSON);
}

// "the teenager", "the striker" (a stage of life, a sport's position) mean
// the role's holder if someone has it, else the person last spoken of -
// unless the narration since the last speaker brought in someone new by
// the noun ("A teenager was arrested ... the teenager told officers").
TEST(HardCasesTest, EpithetNounsForThePersonSpokenOf) {
  const auto claims = Claims(
      "Derby\n\n"
      "Striker Kenny Doyle scored twice, and 17-year-old Liam Foley made his debut.\n\n"
      "Manager Pat Ryan said the win was deserved.\n\n"
      "\"I was lucky with the second one,\" the striker said.\n\n"
      "Foley was substituted at half-time. \"I was nervous,\" the teenager said.\n\n"
      "A teenager was arrested outside the ground. \"I did nothing wrong,\" the teenager told officers.\n");
  EXPECT_EQ(Find(claims, "I was lucky with the second one").speaker().canonical_name(), "Kenny Doyle");
  EXPECT_EQ(Find(claims, "I was nervous").speaker().canonical_name(), "Liam Foley");
  const v1::Claim arrested = Find(claims, "I did nothing wrong");
  EXPECT_NE(arrested.speaker().canonical_name(), "Liam Foley");
  EXPECT_NE(arrested.speaker().canonical_name(), "Kenny Doyle");
}

// A quotation opening its paragraph, with no cue, after a paragraph of
// narration that quotes and reports no one and ends about a named person,
// is that person's - across paragraphs of one quotation too. Not after a
// paragraph that reports someone else.
TEST(HardCasesTest, QuotationParagraphsAfterAParagraphOfNarration) {
  const auto claims = Claims(
      "Strike\n\n"
      "Siobhan Kelly, who chairs the dockers' branch, addressed a rally outside the gates.\n\n"
      "\"We did not choose this fight. Our wages have fallen behind for eleven years.\n\n"
      "\"We are asking for what is fair, and we will stay out as long as it takes.\"\n\n"
      "The owner, Karim Masri, said the demands would ruin the port. Masri left early.\n\n"
      "\"Nobody here trusts the owner any more,\" one docker said.\n");
  EXPECT_EQ(Find(claims, "We did not choose this fight. Our wages have fallen behind for eleven years")
                .speaker()
                .canonical_name(),
            "Siobhan Kelly");
  EXPECT_EQ(Find(claims, "We are asking for what is fair, and we will stay out as long as it takes")
                .speaker()
                .canonical_name(),
            "Siobhan Kelly");
  EXPECT_NE(Find(claims, "Nobody here trusts the owner any more").speaker().canonical_name(), "Karim Masri");
}

// "one docker", "a welder": someone introduced indefinitely by a noun the
// lexicon lacks, beside a quotation's cue, is its speaker (not the speaker
// of the quotation before).
TEST(HardCasesTest, SomeoneIndefiniteBesideAQuotation) {
  const auto claims = Claims(
      "Strike\n\n"
      "The owner, Karim Masri, said the demands would ruin the port.\n\n"
      "\"Nobody here trusts the owner any more,\" one docker said.\n\n"
      "\"He has never once come down to the quay,\" said a welder.\n");
  const v1::Claim trusts = Find(claims, "Nobody here trusts the owner any more");
  EXPECT_EQ(trusts.speaker().mention(), "one docker");
  EXPECT_EQ(trusts.cue().text(), "said");
  const v1::Claim quay = Find(claims, "He has never once come down to the quay");
  EXPECT_EQ(quay.speaker().mention(), "a welder");
  EXPECT_NE(quay.speaker().canonical_name(), "Karim Masri");
}

// A business named by its line of trade ("the bank") is the one so named
// ("Northgate Bank"), also when narration only names it as an object, and
// a group ("U.S. authorities") is no business; a single word opening the
// name ("Northgate said") is it too. A document "from" or "by" a body
// speaks for it, and "the Treasury" is a department.
TEST(HardCasesTest, BusinessesByTheirTradeOrFirstWordAndDocumentsFromABody) {
  const auto claims = Claims(
      "Fine\n\n"
      "The watchdog fined Northgate Bank 42 million pounds on Friday.\n\n"
      "Northgate said it had already overhauled its systems.\n\n"
      "U.S. authorities are conducting a separate investigation, the bank said in its annual report.\n\n"
      "A statement from the Treasury said ministers welcomed the fine.\n");
  const v1::Claim overhauled = Find(claims, "it had already overhauled its systems");
  EXPECT_EQ(overhauled.speaker().canonical_name(), "Northgate Bank");
  EXPECT_EQ(overhauled.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "U.S. authorities are conducting a separate investigation").speaker().canonical_name(),
            "Northgate Bank");
  const v1::Claim welcomed = Find(claims, "ministers welcomed the fine");
  EXPECT_EQ(welcomed.speaker().canonical_name(), "Treasury");
  EXPECT_EQ(welcomed.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);

  // "The bank" after another business spoke; "the company" after a group.
  const auto more = Claims(
      "Fine\n\n"
      "Halden Foods said its profits had halved.\n\n"
      "The watchdog fined Northgate Bank on Friday.\n\n"
      "Its systems were overhauled last year, the bank said.\n\n"
      "U.S. authorities are investigating the sale, the company said.\n");
  EXPECT_EQ(Find(more, "Its systems were overhauled last year").speaker().canonical_name(), "Northgate Bank");
  EXPECT_NE(Find(more, "U.S. authorities are investigating the sale").speaker().canonical_name(), "U.S. authorities");

  // "The group" after a business is the business; "the advisory group" is
  // a body of its own.
  const auto groups = Claims(
      "Schools\n\n"
      "Halden Foods cut its forecast on Monday. The group said demand had weakened in Europe.\n\n"
      "A member of the advisory group, who asked not to be named, said reopening was a serious gamble.\n");
  EXPECT_EQ(Find(groups, "demand had weakened in Europe").speaker().canonical_name(), "Halden Foods");
  EXPECT_NE(Find(groups, "reopening was a serious gamble").speaker().canonical_name(), "Halden Foods");
  // ... and "a member of" it is a person of that body.
  EXPECT_EQ(Find(groups, "reopening was a serious gamble").speaker().canonical_name(), "member of the advisory group");
  EXPECT_EQ(Find(groups, "reopening was a serious gamble").speaker().type(), v1::SPEAKER_TYPE_PERSON);

  // Nor is a count the business "the company" means.
  const auto count = Claims(
      "Storm\n\n"
      "More than 200,000 homes were without power on Sunday, the utility company said.\n");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0].speaker().canonical_name(), "utility company");
}

// A day relative to the last one mentioned counts from the sentence before
// the claim's when that one fixes a day, not only from the last claim's.
TEST(HardCasesTest, DaysRelativeToTheSentenceBefore) {
  const auto claims = Claims(
      "Talks\n\n"
      "Anna Berg said on Tuesday that the plan was dead.\n\n"
      "Ole Nyberg met the minister on Monday. Afterwards, Nyberg said the meeting had been useful.\n\n"
      "The unions walked out on Wednesday. The next day, Jon Hale said a deal was close.\n",
      "2023-11-16");
  EXPECT_EQ(Date(Find(claims, "the plan was dead")), "2023-11-14");
  EXPECT_EQ(Date(Find(claims, "the meeting had been useful")), "2023-11-13");
  EXPECT_EQ(Date(Find(claims, "a deal was close")), "2023-11-16");
}

// Bodies the mention's shape names: "Department of Health" (an
// organisation's word, then "of"), "the Liberal Democrats", "the Tories" (a
// party's members), "NHS England" (a body's initials, then a name; not
// "JK Rowling", nor a titled person after initials), "the think tank"; and
// a gerund before its noun opens a reported clause ("said waiting lists
// grew").
TEST(HardCasesTest, BodiesByTheShapeOfTheirNames) {
  const auto claims = Claims(
      "Waiting lists\n\n"
      "The Department of Health said two million more appointments were held.\n\n"
      "The Liberal Democrats said the figures were a scandal. The Tories said they were not.\n\n"
      "NHS England said waiting lists grew in March.\n\n"
      "JK Rowling said the book was finished. NATO chief Mark Rutte said talks would go on.\n\n"
      "The think tank said the plan was flawed.\n\n"
      "The Healthcare Safety Investigation Branch said midwives were stretched too thin.\n\n"
      "The British Chambers of Commerce said the plans were overdue. The Secretary of State said they were "
      "costed.\n");
  for (const char* words : {"two million more appointments were held", "the figures were a scandal",
                            "they were not", "waiting lists grew in March", "the plan was flawed",
                            "the plans were overdue"}) {
    EXPECT_EQ(Find(claims, words).speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION) << words;
  }
  EXPECT_EQ(Find(claims, "waiting lists grew in March").speaker().canonical_name(), "NHS England");
  // (A body's name with an organisation word inside it is whole.)
  EXPECT_EQ(Find(claims, "midwives were stretched too thin").speaker().canonical_name(),
            "Healthcare Safety Investigation Branch");
  EXPECT_EQ(Find(claims, "the book was finished").speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(Find(claims, "they were costed").speaker().type(), v1::SPEAKER_TYPE_PERSON);  // an office
  const v1::Claim talks = Find(claims, "talks would go on");
  EXPECT_EQ(talks.speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(talks.speaker().canonical_name(), "Mark Rutte");
}

// Company names with an abbreviated form ("Veltrix Semiconductor Inc.",
// "Axion Corp."), a ticker in brackets after the subject of a coordinated
// cue, and a business named after its figures ("Shares of Acme Holdings
// fell. The firm said ...").
TEST(HardCasesTest, AbbreviatedCompanyFormsTickersAndFigures) {
  const auto claims = Claims(
      "Chips\n\n"
      "Veltrix Semiconductor Inc. (NASDAQ: VLTX) reported record revenue and said it expected sales to keep "
      "growing.\n\n"
      "Rival Axion Corp. said it would cut prices on its older chips.\n\n"
      "Shares of Brenner Holdings fell 4%. The firm said it would cut 300 jobs.\n");
  const v1::Claim growing = Find(claims, "it expected sales to keep growing");
  EXPECT_EQ(growing.speaker().canonical_name(), "Veltrix Semiconductor Inc.");
  EXPECT_EQ(growing.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim prices = Find(claims, "it would cut prices on its older chips");
  EXPECT_EQ(prices.speaker().canonical_name(), "Axion Corp.");
  EXPECT_EQ(Find(claims, "it would cut 300 jobs").speaker().canonical_name(), "Brenner Holdings");
}

// A short title-case quotation after an outlet's possessive following
// "on", "told" or "to" names its programme ("on CNN's “State of the
// Union”"), not a continuation of the speaker's quotation; lower-case words
// after a possessive, and a policy after any other possessive, stay partial
// quotations.
TEST(HardCasesTest, ProgrammesAfterAnOutletsPossessive) {
  const auto claims = Claims(
      "Shutdown\n\n"
      "\"We're going to keep working,\" Kevin Marsh said on the network's \"Sunday Review\" programme and on "
      "KBC's \"Face the Week\" on Sunday.\n\n"
      "Marsh said the bill was Congress's \"last chance to act\" before the recess.\n\n"
      "Marsh said he would uphold the Union's \"Fair Fares Charter\" in full.\n");
  for (const v1::Claim& c : claims) {
    EXPECT_NE(c.text(), "Face the Week");
  }
  EXPECT_EQ(Find(claims, "We're going to keep working").speaker().canonical_name(), "Kevin Marsh");
  EXPECT_EQ(Find(claims, "last chance to act").kind(), v1::CLAIM_KIND_PARTIAL);
  // A policy in title case after any other possessive is the speaker's.
  EXPECT_EQ(Find(claims, "Fair Fares Charter").kind(), v1::CLAIM_KIND_PARTIAL);
}

// A body or document opening the sentence with a prepositional phrase
// before the verb speaks ("An independent inquiry into the floods in the
// Calder Valley has found ..."), not the place in the phrase; a report
// "written by" someone (an irregular participle) speaks for its author, and
// "the Care Inspectorate" is a body.
TEST(HardCasesTest, InquiriesWithTheirSubjectAndReportsWrittenByAnAuthor) {
  const auto claims = Claims(
      "Floods\n\n"
      "An independent inquiry into last winter's floods in the Ryland Valley has found that the defences "
      "\"failed at every level\".\n\n"
      "A review of the floods in Leeds found that the warnings had come far too late.\n\n"
      "The report, written by retired judge Sir Malcolm Reeve, said the agency had known for years.\n\n"
      "A report, published by the Care Inspectorate, said two homes had been evacuated too late.\n\n"
      "The lawsuit, filed by Anna Berg last week, alleged that the law was designed to suppress turnout.\n");
  const v1::Claim failed = Find(claims, "failed at every level");
  EXPECT_EQ(failed.speaker().canonical_name(), "independent inquiry");
  EXPECT_EQ(Find(claims, "the defences \"failed at every level\"").speaker().canonical_name(), "independent inquiry");
  EXPECT_EQ(Find(claims, "the warnings had come far too late").speaker().canonical_name(), "review");
  const v1::Claim known = Find(claims, "the agency had known for years");
  EXPECT_EQ(known.speaker().canonical_name(), "Malcolm Reeve");
  EXPECT_EQ(known.speaker().type(), v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(Find(claims, "two homes had been evacuated too late").speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  // (Past a time adjunct after the author.)
  EXPECT_EQ(Find(claims, "the law was designed to suppress turnout").speaker().canonical_name(), "Anna Berg");
}

// A base form of a reporting verb after an article and a modifier is a
// noun ("A new report, published by X, said", "The annual report said");
// after a plural it is still a verb ("The firms report that ...").
TEST(HardCasesTest, ReportsWithAModifier) {
  const auto claims = Claims(
      "Care\n\n"
      "A new report, published by the Care Inspectorate, said two homes had been evacuated too late.\n\n"
      "The annual report said staffing had fallen for a third year.\n\n"
      "The firms report that profits rose sharply this year.\n");
  EXPECT_EQ(Find(claims, "two homes had been evacuated too late").speaker().canonical_name(), "Care Inspectorate");
  EXPECT_EQ(Find(claims, "staffing had fallen for a third year").speaker().mention(), "The annual report");
  EXPECT_EQ(Find(claims, "profits rose sharply this year").cue().text(), "report");
}

// A passive cue of telling with its agent after "by" and the clause after
// "that": the agent speaks ("Reporters were told by officials that ...").
TEST(HardCasesTest, PassiveTellingWithItsAgent) {
  const auto claims = Claims(
      "Summit\n\n"
      "Reporters were told by officials that the summit would be postponed.\n\n"
      "Residents were warned by police that the bridge would close at noon.\n\n"
      "Reporters were told that the summit would be postponed again.\n");
  EXPECT_EQ(Find(claims, "the summit would be postponed").speaker().canonical_name(), "officials");
  const v1::Claim bridge = Find(claims, "the bridge would close at noon");
  EXPECT_EQ(bridge.speaker().canonical_name(), "police");
  EXPECT_EQ(bridge.cue().text(), "warned");
  for (const v1::Claim& c : claims) EXPECT_NE(c.text(), "the summit would be postponed again");  // no agent
}

// "The force", "a force spokesperson": the police force the text named
// last ("Greater Manchester Police", "Avon and Somerset Constabulary").
TEST(HardCasesTest, APoliceForceByItsKind) {
  const auto claims = Claims(
      "Burglary\n\n"
      "Greater Manchester Police said a man had been arrested on suspicion of burglary.\n\n"
      "A force spokesperson said the man had been released on bail.\n\n"
      "In Bristol, Avon and Somerset Constabulary said two men had been charged.\n\n"
      "The force said both would appear in court on Monday.\n");
  EXPECT_EQ(Find(claims, "the man had been released on bail").speaker().canonical_name(), "Greater Manchester Police");
  // (The name is read back to its "and": "Somerset Constabulary".)
  EXPECT_THAT(Find(claims, "both would appear in court on Monday").speaker().canonical_name(),
              ::testing::EndsWith("Somerset Constabulary"));
}

// Reactions set out as labels: a speaker (a bullet before it, a
// description after a comma) and a colon before the quotation, the colon
// being the cue; a bulleted quotation is no page furniture; a one-word
// label is none. An aside between dashes is passed like a parenthesis.
TEST(HardCasesTest, SpeakerLabelsBulletsAndAsidesBetweenDashes) {
  const auto claims = Claims(
      "Reactions\n\n"
      "What they said about the verdict on Tuesday:\n\n"
      "Anna Berg, mayor of Eastholme: \"Today justice was done. We can begin to heal.\"\n\n"
      "- Council leader Mia Dahl: \"We accept the ruling and will act on it.\"\n\n"
      "Update: \"Further reactions will follow here.\"\n\n"
      "The defence team - led by barrister Ruth Okafor - said it would study the ruling before deciding.\n");
  const v1::Claim healed = Find(claims, "Today justice was done. We can begin to heal");
  EXPECT_EQ(healed.speaker().canonical_name(), "Anna Berg");
  EXPECT_EQ(healed.cue().text(), ":");
  EXPECT_EQ(healed.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(Find(claims, "We accept the ruling and will act on it").speaker().canonical_name(), "Mia Dahl");
  for (const v1::Claim& c : claims) {
    if (c.text() == "Further reactions will follow here") {
      EXPECT_FALSE(c.has_speaker() && !c.speaker().canonical_name().empty());
    }
  }
  EXPECT_EQ(Find(claims, "it would study the ruling before deciding").speaker().mention(), "The defence team");
}

// "told her the victims had ...": "her" before a determiner, a subject
// pronoun or "that" is the addressee, and a bare clause follows; a body's
// word before "of" in lower case is a body ("the chamber of commerce").
TEST(HardCasesTest, AnObjectHerAndLowerCaseBodiesOfSomething) {
  const auto claims = Claims(
      "Sentencing\n\n"
      "Judge Martin Hale jailed the nurse for four years. He told her the victims had been left frightened.\n\n"
      "The local chamber of commerce said the town centre had lost trade.\n");
  const v1::Claim told = Find(claims, "the victims had been left frightened");
  EXPECT_EQ(told.speaker().canonical_name(), "Martin Hale");
  EXPECT_EQ(told.cue().text(), "told her");
  const v1::Claim trade = Find(claims, "the town centre had lost trade");
  EXPECT_EQ(trade.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// A title or body after a possessive pronoun is the possessor's: "Her
// office" is the office of the woman spoken of, not another office the text
// named; "its chairman" the chairman of the body spoken of. Two roles of one
// possessor are two people ("X's lawyer" is not "X's mother"), and a role in
// the possessive is named later by its title alone. A possessor named by
// surname is named in full.
TEST(HardCasesTest, RolesAndBodiesOfAPossessivePronoun) {
  const auto claims = Claims(
      "Border\n\n"
      "Velmora's presidential office said the call had gone well.\n\n"
      "Premier Ana Soto was silent on Friday. Her office said she was ill.\n\n"
      "Ana Soto's mother said she was resting. Ana Soto's lawyer said she would sue.\n\n"
      "The Harbour Board met on Monday. Its chairman said fees would rise.\n\n"
      "Brennick Ports said it would build a quay, its chief executive announced. "
      "\"We have to keep up,\" chief executive Sofia Lind said.\n\n"
      "President Teodor Lanz stayed home. Lanz's office said the troops would stay.\n\n"
      "Junior doctors in Scotland walked out. Their union said the pay offer had been rejected.\n");
  const v1::Claim ill = Find(claims, "she was ill");
  EXPECT_EQ(ill.speaker().canonical_name(), "Ana Soto's office");
  EXPECT_EQ(ill.speaker().mention(), "Her office");
  EXPECT_EQ(ill.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(Find(claims, "she was resting").speaker().canonical_name(), "Ana Soto's mother");
  EXPECT_EQ(Find(claims, "she would sue").speaker().canonical_name(), "Ana Soto's lawyer");
  EXPECT_EQ(Find(claims, "fees would rise").speaker().canonical_name(), "Harbour Board's chairman");
  EXPECT_EQ(Find(claims, "Brennick Ports said it would build a quay").speaker().canonical_name(), "Sofia Lind");
  // (A possessive by surname is by full name.)
  EXPECT_EQ(Find(claims, "the troops would stay").speaker().canonical_name(), "Teodor Lanz's office");
  // (A group's plural takes the apostrophe alone.)
  EXPECT_EQ(Find(claims, "the pay offer had been rejected").speaker().canonical_name(), "Junior doctors' union");
  // A partial quotation inside the claim has the same speaker (its
  // possessor is not the possessed body the second time).
  const auto bloc = Claims(
      "Talks\n\n"
      "The Island Alliance met on Friday. Its negotiating bloc said the deal failed \"the most vulnerable\".\n");
  EXPECT_EQ(Find(bloc, "the deal failed \"the most vulnerable\"").speaker().canonical_name(),
            "Island Alliance's negotiating bloc");
  EXPECT_EQ(Find(bloc, "the most vulnerable").speaker().canonical_name(), "Island Alliance's negotiating bloc");
}

// A second cue of the same subject after "and" starts a statement of its
// own, whose time is not the first one's ("described X as “…” and said the
// building would fall silent on Tuesday"); a name that "which" describes is
// an organisation's.
TEST(HardCasesTest, ASecondCuesTimeAndANameThatWhichDescribes) {
  const auto claims = Claims(
      "Tributes\n\n"
      "Monday 6 May 2024\n\n"
      "The station's director, Alan Crisp, described him as \"the voice of a generation\" and said the building "
      "would fall silent at noon on Tuesday.\n\n"
      "Stagecoach, which operates the route, said it was helping police.\n");
  const v1::Claim voice = Find(claims, "the voice of a generation");
  EXPECT_EQ(voice.speaker().canonical_name(), "Alan Crisp");
  EXPECT_FALSE(voice.has_statement_date()) << Date(voice);
  EXPECT_FALSE(Find(claims, "the building would fall silent at noon on Tuesday").has_statement_date());
  EXPECT_EQ(Find(claims, "it was helping police").speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// A party to talks is a side ("the Russian side said", "the two sides
// said"); "the other side" is not the one spoken of before.
TEST(HardCasesTest, SidesToTalks) {
  const auto claims = Claims(
      "Talks\n\n"
      "The Russian side said the talks were useful.\n\n"
      "The other side said nothing had changed.\n\n"
      "The two sides said they would meet again.\n");
  EXPECT_EQ(Find(claims, "the talks were useful").speaker().canonical_name(), "Russian side");
  const v1::Claim changed = Find(claims, "nothing had changed");
  EXPECT_EQ(changed.speaker().mention(), "The other side");
  EXPECT_NE(changed.speaker().canonical_name(), "Russian side");
  EXPECT_EQ(Find(claims, "they would meet again").speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
}

// A description ending in a body's kind, then a name that is a body's by
// itself: the name is the canonical one, the description its role ("German
// carmaker BMW", "the environmental group Friends of the Fjords"). "“…,”
// she went on." is a cue.
TEST(HardCasesTest, DescribedBodiesAndGoingOn) {
  const auto claims = Claims(
      "Energy\n\n"
      "German carmaker BMW said sales were flat.\n\n"
      "The environmental group Friends of the Fjords said the money would be better spent.\n\n"
      "Karin Holm defended the plan. \"People ask me about the cost,\" she went on.\n");
  const v1::Claim flat = Find(claims, "sales were flat");
  EXPECT_EQ(flat.speaker().canonical_name(), "BMW");
  EXPECT_EQ(flat.speaker().role(), "German carmaker");
  EXPECT_EQ(Find(claims, "the money would be better spent").speaker().canonical_name(), "Friends of the Fjords");
  const v1::Claim cost = Find(claims, "People ask me about the cost");
  EXPECT_EQ(cost.cue().text(), "went on");
  EXPECT_EQ(cost.speaker().canonical_name(), "Karin Holm");
}

// "according to Interfax": a single word the text gives no person's full
// name for is a source's name; "according to Peskov" after "Dmitry Peskov"
// is his.
TEST(HardCasesTest, AccordingToASourceByOneWord) {
  const auto claims = Claims(
      "Power\n\n"
      "Repair crews had restored power to half of the homes, according to Interfax.\n\n"
      "Kremlin spokesman Dmitry Peskov spoke to reporters. The deal was dead, according to Peskov.\n");
  EXPECT_EQ(Find(claims, "Repair crews had restored power to half of the homes").speaker().type(),
            v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim dead = Find(claims, "The deal was dead");
  EXPECT_EQ(dead.speaker().canonical_name(), "Dmitry Peskov");
  EXPECT_EQ(dead.speaker().type(), v1::SPEAKER_TYPE_PERSON);
}

// Narration about a person's belongings is about the person ("Mahon's last
// show went out in March. ... he wrote"); a single word that the text never
// writes as a name elsewhere is no person ("Velmora's troops massed").
TEST(HardCasesTest, NarrationAboutAPersonsBelongings) {
  const auto claims = Claims(
      "Tributes\n\n"
      "Broadcaster Derek Mahon has died. \"Is there anyone who didn't love him?\" asked the comedian Ray Holt.\n\n"
      "Mahon's last show went out in March. In a letter, he wrote that he had loved every minute.\n\n"
      "General Piotr Nowak said the border was calm.\n\n"
      "Velmora's troops massed on the border on Friday. \"We are watching,\" he said.\n");
  EXPECT_EQ(Find(claims, "he had loved every minute").speaker().canonical_name(), "Derek Mahon");
  EXPECT_EQ(Find(claims, "We are watching").speaker().canonical_name(), "Piotr Nowak");
}

// A letter signed by its authors speaks for them, past where they come
// from; "MPs" are a group; a role with its name in apposition before a
// colon ("Its chief executive, David Lyle, had this to say: “…”").
TEST(HardCasesTest, SignedLettersGroupsByInitialsAndColonsAfterANamedRole) {
  const auto claims = Claims(
      "Bonuses\n\n"
      "Forty MPs have written to the minister.\n\n"
      "The letter, signed by MPs from four parties, said the payments were an insult to bill payers.\n\n"
      "Water UK said companies were investing record sums. Its chief executive, David Lyle, had this to say: "
      "\"Nobody is pretending the industry is perfect.\"\n");
  const v1::Claim insult = Find(claims, "the payments were an insult to bill payers");
  EXPECT_EQ(insult.speaker().canonical_name(), "MPs");
  EXPECT_EQ(insult.speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim perfect = Find(claims, "Nobody is pretending the industry is perfect");
  EXPECT_EQ(perfect.speaker().canonical_name(), "David Lyle");
  EXPECT_EQ(perfect.cue().text(), ":");
}

// US offices before a name ("Republican Assemblyman Jim Patterson"), and
// an addressee with its article ("told The Associated Press").
TEST(HardCasesTest, StateOfficesAndAddresseesWithTheirArticle) {
  const auto claims = Claims(
      "Gun law\n\n"
      "Republican Assemblyman Jim Patterson said the law would do nothing to stop criminals.\n\n"
      "Chuck Michel told The Associated Press that the group would file suit within days.\n");
  const v1::Claim criminals = Find(claims, "the law would do nothing to stop criminals");
  EXPECT_EQ(criminals.speaker().canonical_name(), "Jim Patterson");
  EXPECT_EQ(Find(claims, "the group would file suit within days").cue().text(), "told The Associated Press");
}

// A lede's indefinite title is the person a later paragraph names with a
// title of the same head ("A federal judge ... U.S. District Judge Maria
// Chen"); outside the lede, "a spokesman" stays someone unnamed.
TEST(HardCasesTest, ALedesIndefiniteTitleNamedLater) {
  const auto claims = Claims(
      "App ban\n\n"
      "June 21, 2024\n\n"
      "A federal judge on Thursday blocked a state law, ruling that it likely violated the First Amendment.\n\n"
      "U.S. District Judge Maria Chen wrote that the state had failed to show the ban was needed.\n\n"
      "The state will appeal, a spokesman said. Spokesman Jon Hale said the appeal would be filed soon.\n");
  EXPECT_EQ(Find(claims, "it likely violated the First Amendment").speaker().canonical_name(), "Maria Chen");
  EXPECT_NE(Find(claims, "The state will appeal").speaker().canonical_name(), "Jon Hale");
}

// A headline's label: "Lanz: ‘…’" is a direct quotation of the person the
// body names in full; "Update: ‘…’" is no one's.
TEST(HardCasesTest, HeadlineLabels) {
  const auto lanz = Claims(
      "Lanz: 'We will not be intimidated'\n\n"
      "Tuesday 5 March 2024\n\n"
      "President Teodor Lanz spoke to parliament on Monday.\n");
  const v1::Claim defiant = Find(lanz, "We will not be intimidated");
  EXPECT_EQ(defiant.speaker().canonical_name(), "Teodor Lanz");
  EXPECT_EQ(defiant.kind(), v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(defiant.cue().text(), ":");
  const auto update = Claims(
      "Update: 'Polls have closed'\n\n"
      "Tuesday 5 March 2024\n\n"
      "President Teodor Lanz spoke to parliament on Monday.\n");
  EXPECT_TRUE(update.empty());
}

// A news outlet by its name speaks as an organisation ("Al-Qahera News
// reported").
TEST(HardCasesTest, NewsOutletsByName) {
  const auto claims = Claims(
      "Talks\n\n"
      "Egypt's state-run Al-Qahera News reported that the sides had agreed on a prisoner exchange.\n");
  EXPECT_EQ(Find(claims, "the sides had agreed on a prisoner exchange").speaker().type(),
            v1::SPEAKER_TYPE_ORGANIZATION);
}

// A word of an occupation's shape before a known given name and a surname
// is a role ("Librarian Tom Keane"); a first name the lexicon lacks before a
// middle name stays in the name ("Jair Messias Bolsonaro").
TEST(HardCasesTest, OccupationsTheLexiconLacks) {
  const auto claims = Claims(
      "Libraries\n\n"
      "Librarian Tom Keane said staff had learned of the plan from the local paper.\n\n"
      "Jair Messias Bolsonaro said the vote had been fair.\n");
  const v1::Claim paper = Find(claims, "staff had learned of the plan from the local paper");
  EXPECT_EQ(paper.speaker().canonical_name(), "Tom Keane");
  EXPECT_EQ(paper.speaker().role(), "Librarian");
  EXPECT_EQ(Find(claims, "the vote had been fair").speaker().canonical_name(), "Jair Messias Bolsonaro");
}

// "The company" with no business spoken of yet is the one the lede opens
// with; a lede opening with a person or a country gives none.
TEST(HardCasesTest, TheCompanyTheLedeOpensWith) {
  const auto jobs = Claims(
      "Jobs\n\n"
      "Streamflix will cut 1,200 jobs, chief executive Anna Whitfield wrote in a memo.\n\n"
      "\"I take full responsibility,\" Whitfield wrote.\n\n"
      "The company said the cuts would mostly affect its games division.\n");
  EXPECT_EQ(Find(jobs, "the cuts would mostly affect its games division").speaker().canonical_name(), "Streamflix");
  const auto person = Claims(
      "Jobs\n\n"
      "Anna Whitfield will step down next year, she wrote in a memo.\n\n"
      "The company said the search for a successor had begun.\n");
  EXPECT_NE(Find(person, "the search for a successor had begun").speaker().canonical_name(), "Anna Whitfield");
}

// A partial quotation inside a reported clause whose nearest verb follows a
// modal ("Moscow would respond “in the coming days”") is the reporter's
// speaker's wording, not the act's subject's.
TEST(HardCasesTest, APartialQuotationAfterAModalVerb) {
  const auto claims = Claims(
      "Talks\n\n"
      "Foreign Minister Sergei Lavrov was quoted by the RIA news agency as saying Moscow would respond "
      "\"in the coming days\".\n");
  EXPECT_EQ(Find(claims, "in the coming days").speaker().canonical_name(), "Sergei Lavrov");
}

// A body by its kind in the lede ("police said") is the one the next
// paragraph names ("West Yorkshire Police"); later paragraphs look back
// only.
TEST(HardCasesTest, ALedesBodyNamedInTheNextParagraph) {
  const auto claims = Claims(
      "Stabbing\n\n"
      "A 34-year-old man has been charged with attempted murder after a stabbing in Leeds, police said.\n\n"
      "West Yorkshire Police said the victim remained in a stable condition.\n\n"
      "The union said members were shocked. The Nurses Union later confirmed the strike.\n");
  EXPECT_EQ(Find(claims, "A 34-year-old man has been charged with attempted murder after a stabbing in Leeds")
                .speaker()
                .canonical_name(),
            "West Yorkshire Police");
  EXPECT_NE(Find(claims, "members were shocked").speaker().canonical_name(), "Nurses Union");
}

// "The Department for Education", "The Institute for Fiscal Studies" are
// bodies (an organisation's word, then "for"); "A mother of two said" is a
// person not named (a relation with the count of its children).
TEST(HardCasesTest, BodiesForSomethingAndParentsOfSeveral) {
  const auto claims = Claims(
      "Pay\n\n"
      "The Department for Education said the offer was fair and affordable.\n\n"
      "A mother of two said she could not afford more days off work.\n");
  EXPECT_EQ(Find(claims, "the offer was fair and affordable").speaker().type(), v1::SPEAKER_TYPE_ORGANIZATION);
  const v1::Claim work = Find(claims, "she could not afford more days off work");
  EXPECT_EQ(work.speaker().canonical_name(), "mother");
  EXPECT_EQ(work.speaker().type(), v1::SPEAKER_TYPE_PERSON);
}

// A bare "a spokesperson said" after narration about an organisation (which
// itself said nothing) speaks for it.
TEST(HardCasesTest, ABareSpokespersonOfANarratedBody) {
  const auto claims = Claims(
      "Heat\n\n"
      "Network Rail told passengers to travel only if necessary. \"The rails can reach 60C in this heat,\" a "
      "spokesperson said.\n");
  EXPECT_EQ(Find(claims, "The rails can reach 60C in this heat").speaker().canonical_name(), "Network Rail");
}

// Where a speaker belongs, between commas ("Dr Liu Wei, of the Chengdu
// Research Base, told"), and occupations as titles ("said head keeper Fiona
// Ross", "keepers announced").
TEST(HardCasesTest, WhereASpeakerBelongsAndOccupations) {
  const auto claims = Claims(
      "Pandas\n\n"
      "Friday 23 August 2024\n\n"
      "Two giant panda cubs have been born at Edinburgh Zoo, keepers announced on Friday.\n\n"
      "\"Mum and cubs are doing brilliantly,\" said head keeper Fiona Ross.\n\n"
      "Dr Liu Wei, of the Chengdu Research Base, told the BBC that twin births were common.\n\n"
      "Visitor numbers are expected to double, according to the zoo.\n");
  EXPECT_EQ(Find(claims, "Two giant panda cubs have been born at Edinburgh Zoo").speaker().canonical_name(),
            "keepers");
  // (A zoo, a library, a theatre are bodies.)
  EXPECT_EQ(Find(claims, "Visitor numbers are expected to double").speaker().canonical_name(), "Edinburgh Zoo");
  EXPECT_EQ(Find(claims, "Mum and cubs are doing brilliantly").speaker().canonical_name(), "Fiona Ross");
  EXPECT_EQ(Find(claims, "twin births were common").speaker().canonical_name(), "Liu Wei");
  // The body described before its name ("of aviation consultancy
  // AeroData"), its description the speaker's role.
  const auto fares = Claims(
      "Fares\n\n"
      "Sarah Lee, of aviation consultancy AeroData, said most carriers were raising fares.\n\n"
      "Tom Hale, of the consultancy Flightwise, said prices would rise.\n");
  const v1::Claim lee = Find(fares, "most carriers were raising fares");
  EXPECT_EQ(lee.speaker().canonical_name(), "Sarah Lee");
  EXPECT_EQ(lee.speaker().role(), "aviation consultancy AeroData");
  EXPECT_EQ(Find(fares, "prices would rise").speaker().role(), "consultancy Flightwise");
}

// A partial quotation inside a reported clause has the clause's date: the
// clause's words after it are not its narration ("told CNN that her group
// had been “flooded with calls” since Monday morning" fixes no day).
TEST(HardCasesTest, APartialQuotationHasItsClausesDate) {
  const auto claims = Claims(
      "Recall\n\n"
      "Wednesday 11 August 2021\n\n"
      "Janet Cho told CNN that her group had been \"flooded with calls\" since Monday morning.\n");
  const v1::Claim calls = Find(claims, "flooded with calls");
  EXPECT_FALSE(calls.has_statement_date()) << Date(calls);
  EXPECT_EQ(calls.speaker().canonical_name(), "Janet Cho");
}
}  // namespace
}  // namespace claims::extractor
