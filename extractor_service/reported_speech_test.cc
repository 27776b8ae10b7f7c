#include "extractor_service/reported_speech.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

struct Found {
  std::string clause;
  std::string speaker;
  std::string cue;
};

std::vector<Found> Reported(const std::string& text, std::vector<TextRange> quoted = {},
                       std::vector<uint32_t> quote_cues = {}) {
  std::vector<Found> out;
  const TextRange sentence{0, static_cast<uint32_t>(text.size())};
  for (const ReportedSpeech& r : FindReportedSpeech(text, sentence, quoted, quote_cues)) {
    if (r.mostly_quoted) continue;  // no claim of its own
    const Attribution& a = r.attribution;
    out.push_back({text.substr(r.clause.start, r.clause.size()), a.speaker.name,
                   text.substr(a.cue.start, a.cue.size())});
  }
  return out;
}

MATCHER_P3(IsClaim, clause, speaker, cue, "") {
  return arg.clause == clause && arg.speaker == speaker && arg.cue == cue;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ReportedSpeechTest, SaidWithAndWithoutThat) {
  EXPECT_THAT(Reported("Mayor Ada Quist said the bridge would reopen in May."),
              ElementsAre(IsClaim("the bridge would reopen in May", "Ada Quist", "said")));
  EXPECT_THAT(Reported("The ministry has said that no decision had been taken."),
              ElementsAre(IsClaim("no decision had been taken", "ministry", "said")));
}

// "it", "there" and "this" followed by their verb open a clause with no
// "that"; as objects or in an adjunct ("said it twice", "said this week")
// they do not.
TEST(ReportedSpeechTest, PronounSubjectsOpenBareClauses) {
  EXPECT_THAT(Reported("Osterby says it has no plans to sell the ferry line."),
              ElementsAre(IsClaim("it has no plans to sell the ferry line", "Osterby", "says")));
  EXPECT_THAT(Reported("The ministry said there was no risk to the harbour wall."),
              ElementsAre(IsClaim("there was no risk to the harbour wall", "ministry", "said")));
  EXPECT_THAT(Reported("Ada Quist insists this is the last winter timetable."),
              ElementsAre(IsClaim("this is the last winter timetable", "Ada Quist", "insists")));
  EXPECT_THAT(Reported("The ministry denies it is planning another rise."),
              ElementsAre(IsClaim("it is planning another rise", "ministry", "denies")));
  EXPECT_THAT(Reported("Ada Quist said it twice at the harbour meeting."), IsEmpty());
  // A directive's object is not the sentence before its subject.
  EXPECT_THAT(Reported("Speaking after the vote, Ada Quist called the result a disaster."), IsEmpty());
  // After a time adjunct, a bare clause still opens.
  EXPECT_THAT(Reported("Ada Quist said this week the fares would rise."),
              ElementsAre(IsClaim("the fares would rise", "Ada Quist", "said")));
  EXPECT_THAT(Reported("Osterby said on Monday night it had no plans to sell the line."),
              ElementsAre(IsClaim("it had no plans to sell the line", "Osterby", "said")));
}

// Plural roles speak as a group: "Western officials", "residents"; a
// leading number is not part of the name.
TEST(ReportedSpeechTest, GroupsOfPeopleSpeak) {
  EXPECT_THAT(Reported("Harbour officials said the night crossing would be cut."),
              ElementsAre(IsClaim("the night crossing would be cut", "Harbour officials", "said")));
  EXPECT_THAT(Reported("Two witnesses said the ferry had left early."),
              ElementsAre(IsClaim("the ferry had left early", "witnesses", "said")));
  EXPECT_THAT(Reported("The crossing was cancelled on Wednesday, two harbour officials said."),
              ElementsAre(IsClaim("The crossing was cancelled on Wednesday", "harbour officials", "said")));
  EXPECT_THAT(Reported("According to Ada Quist, who chairs the board, the plan will fail."),
              ElementsAre(IsClaim("the plan will fail", "Ada Quist", "According to")));
  EXPECT_THAT(Reported("The operator says the new vessel will arrive in May."),
              ElementsAre(IsClaim("the new vessel will arrive in May", "operator", "says")));
  EXPECT_THAT(Reported("Local residents complain the timetable is never kept."),
              ElementsAre(IsClaim("the timetable is never kept", "Local residents", "complain")));
}

// A time adjunct between the subject and its verb is not part of the
// speaker ("The ministry on Tuesday said", "Osterby in March demanded").
TEST(ReportedSpeechTest, TimeAdjunctsBetweenSpeakerAndCue) {
  EXPECT_THAT(Reported("The ministry on Tuesday said the crossing fees would rise."),
              ElementsAre(IsClaim("the crossing fees would rise", "ministry", "said")));
  EXPECT_THAT(Reported("Osterby in March 2023 demanded that the council drop the levy."),
              ElementsAre(IsClaim("the council drop the levy", "Osterby", "demanded")));
  EXPECT_THAT(Reported("Ada Quist earlier this week warned that the pier was unsafe."),
              ElementsAre(IsClaim("the pier was unsafe", "Ada Quist", "warned")));
}

// A verb coordinated with an earlier one ("... but denies ...") has the
// sentence's subject; a coordinated cue ends the first verb's clause; a
// subject that is part of a longer noun phrase is not taken.
TEST(ReportedSpeechTest, CoordinatedVerbsShareTheSubject) {
  EXPECT_THAT(Reported("The port board raised the fees last year but denies it is planning another rise."),
              ElementsAre(IsClaim("it is planning another rise", "port board", "denies")));
  EXPECT_THAT(Reported("Ada Quist praised the crews and said the route would reopen on Friday."),
              ElementsAre(IsClaim("the route would reopen on Friday", "Ada Quist", "said")));
  EXPECT_THAT(Reported("Ada Quist said the board would act and warned that the pier was unsafe."),
              ElementsAre(IsClaim("the board would act", "Ada Quist", "said"),
                          IsClaim("the pier was unsafe", "Ada Quist", "warned")));
  EXPECT_THAT(Reported("The mayor's remarks drew protests and urged the board to resign."), IsEmpty());
  EXPECT_THAT(Reported("Bo Lind, who leads the island council, rejected the plan and said it was unfair."),
              ElementsAre(IsClaim("it was unfair", "Bo Lind", "said")));
}

// Lower-case modifiers between a determiner and a role or organisation noun
// belong to the speaker: "the regional transport authority".
TEST(ReportedSpeechTest, ModifiersOfRoleAndOrganisationNouns) {
  EXPECT_THAT(Reported("The regional transport authority said the route was safe."),
              ElementsAre(IsClaim("the route was safe", "regional transport authority", "said")));
  EXPECT_THAT(Reported("Velmora's transport minister Ada Quist said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "Ada Quist", "said")));
  EXPECT_THAT(Reported("A harbour official said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "harbour official", "said")));
  const std::string indefinite = "A harbour official said the night ferry would be cancelled.";
  EXPECT_TRUE(FindReportedSpeech(indefinite, {0, static_cast<uint32_t>(indefinite.size())}, {}, {})
                  .at(0)
                  .attribution.speaker.indefinite);
  EXPECT_THAT(Reported("The Velmoran president's office said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "Velmoran president's office", "said")));
  EXPECT_THAT(Reported("The ministry also said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "ministry", "said")));
}

// A person or a group, then where they belong: the person keeps the phrase
// as a role, a group or an unnamed role holder is named by all of it; an
// organisation "of" a place stays one organisation.
TEST(ReportedSpeechTest, SpeakersWithAPlaceTheyBelongTo) {
  EXPECT_THAT(Reported("Ada Quist of the port board said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "Ada Quist", "said")));
  EXPECT_THAT(Reported("Ada Quist of the Tidewater Gazette said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "Ada Quist", "said")));
  EXPECT_THAT(Reported("Residents of the island said the night ferry was always late."),
              ElementsAre(IsClaim("the night ferry was always late", "Residents of the island", "said")));
  EXPECT_THAT(Reported("Officials in Osterby insist the pier is safe."),
              ElementsAre(IsClaim("the pier is safe", "Officials in Osterby", "insist")));
  EXPECT_THAT(Reported("The leader of the opposition said the fees were too high."),
              ElementsAre(IsClaim("the fees were too high", "leader of the opposition", "said")));
  EXPECT_THAT(Reported("The Bank of Velmora said interest rates would rise."),
              ElementsAre(IsClaim("interest rates would rise", "Bank of Velmora", "said")));
  // Not a speaker and a place: "Prices in Osterby" is the statement's subject.
  EXPECT_THAT(Reported("Prices in Osterby rose, the ministry said."),
              ElementsAre(IsClaim("Prices in Osterby rose", "ministry", "said")));
}

// An age between commas is not an appositive; "according to a statement
// from X" quotes X.
TEST(ReportedSpeechTest, AgesAndDocumentsOfASpeaker) {
  EXPECT_THAT(Reported("Ada Quist, 54, said the night ferry would be cancelled."),
              ElementsAre(IsClaim("the night ferry would be cancelled", "Ada Quist", "said")));
  EXPECT_THAT(Reported("Another traveller, Olle Bergman, said he would miss a hospital appointment."),
              ElementsAre(IsClaim("he would miss a hospital appointment", "Olle Bergman", "said")));
  // "that" before a comma is a demonstrative: no clause follows it.
  EXPECT_THAT(Reported("The board denied that, saying the pier had been inspected twice a year."),
              ElementsAre(IsClaim("the pier had been inspected twice a year", "board", "saying")));
  EXPECT_THAT(Reported("The pier is safe, according to a statement from the port board."),
              ElementsAre(IsClaim("The pier is safe", "port board", "according to")));
  // A description after the source belongs to it; the writer's source after
  // a reported clause is not part of the clause.
  EXPECT_THAT(Reported("Ada Quist resigned on Friday, according to people familiar with the matter."),
              ElementsAre(IsClaim("Ada Quist resigned on Friday", "people", "according to")));
  EXPECT_THAT(Reported("The board has said it is open to the idea, according to a letter seen by the Gazette."),
              ElementsAre(IsClaim("it is open to the idea", "board", "said")));
}

// A commitment's infinitive is its content; a second participle after
// "and" has the subject of the first, found past an introductory phrase.
TEST(ReportedSpeechTest, CommitmentsAndSecondParticiples) {
  EXPECT_THAT(Reported("Ada Quist promised to meet the island councils again in May."),
              ElementsAre(IsClaim("to meet the island councils again in May", "Ada Quist", "promised")));
  EXPECT_THAT(Reported("In separate letters to the unions, the port board kept the levy, rejecting a request to "
                       "cut it and saying that the timetable can be negotiated."),
              ElementsAre(IsClaim("the timetable can be negotiated", "port board", "saying")));
  // "and" after something other than a participle phrase is not one.
  EXPECT_THAT(Reported("The board kept the levy and saying so was easy."), IsEmpty());
}

// Coordinated subjects speak as one group; a dateline opening the first
// sentence is not part of a clause that starts there.
TEST(ReportedSpeechTest, CoordinatedSubjectsAndDatelines) {
  EXPECT_THAT(Reported("The unions and the port board said there would be no strike."),
              ElementsAre(IsClaim("there would be no strike", "unions and the port board", "said")));
  EXPECT_THAT(Reported("Ada Quist and Bo Lind said the route was safe."),
              ElementsAre(IsClaim("the route was safe", "Ada Quist and Bo Lind", "said")));
  // The first name is an object here, not a speaker.
  EXPECT_THAT(Reported("Quist thanked Lind and the board said the route was safe."),
              ElementsAre(IsClaim("the route was safe", "board", "said")));
  EXPECT_THAT(Reported("OSTERBY, Velmora (Tidewater Wire) - The route is safe, the ministry said."),
              ElementsAre(IsClaim("The route is safe", "ministry", "said")));
  EXPECT_THAT(Reported("NATO will not move, the ministry said."),
              ElementsAre(IsClaim("NATO will not move", "ministry", "said")));
}

TEST(ReportedSpeechTest, AddresseesAndAdjunctsBeforeThat) {
  EXPECT_THAT(Reported("Lind told reporters at the harbour on Tuesday that the port would stay shut."),
              ElementsAre(IsClaim("the port would stay shut", "Lind", "told reporters")));
  EXPECT_THAT(Reported("The envoy said in a statement that both sides had agreed to a pause."),
              ElementsAre(IsClaim("both sides had agreed to a pause", "envoy", "said")));
  // An addressee that is not a known one ("the unions") is not part of the
  // cue, and the clause starts after "that", not after the cue.
  EXPECT_THAT(Reported("The council told the unions on Tuesday that there would be no new levy."),
              ElementsAre(IsClaim("there would be no new levy", "council", "told")));
  // An addressee the cue took ("told the Gazette") is followed by the
  // statement itself, whose own "that" stays inside it.
  EXPECT_THAT(Reported("Lind told the Gazette the unions had warned for months that the levy was unfair."),
              ElementsAre(IsClaim("the unions had warned for months that the levy was unfair", "Lind",
                                  "told the Gazette")));
  EXPECT_THAT(Reported("The agency informed shipping firms that the canal would close."),
              ElementsAre(IsClaim("the canal would close", "agency", "informed")));
}

// A comma-delimited adjunct between the speaker and the cue ("in a
// statement", "speaking on Monday") is skipped, not taken for an
// appositive.
TEST(ReportedSpeechTest, AdjunctsBetweenSpeakerAndCue) {
  EXPECT_THAT(Reported("The envoy, in a statement, said both sides had agreed to a pause."),
              ElementsAre(IsClaim("both sides had agreed to a pause", "envoy", "said")));
  EXPECT_THAT(Reported("Mayor Ada Quist, speaking on Monday, said the bridge would reopen in May."),
              ElementsAre(IsClaim("the bridge would reopen in May", "Ada Quist", "said")));
}

TEST(ReportedSpeechTest, DirectiveCuesTakeTheirComplement) {
  EXPECT_THAT(Reported("She called on the council to publish the report."),
              ElementsAre(IsClaim("the council to publish the report", "She", "called on")));
  EXPECT_THAT(Reported("The company has repeatedly denied any wrongdoing in the deal."),
              ElementsAre(IsClaim("any wrongdoing in the deal", "company", "denied")));
  EXPECT_THAT(Reported("Residents urged the mayor to reopen the clinic."),
              ElementsAre(IsClaim("the mayor to reopen the clinic", "Residents", "urged")));
}

TEST(ReportedSpeechTest, TrailingAndParentheticalCues) {
  EXPECT_THAT(Reported("The talks will resume next week, the union said."),
              ElementsAre(IsClaim("The talks will resume next week", "union", "said")));
  EXPECT_THAT(Reported("The plan, Novak said, was never costed."),
              ElementsAre(IsClaim("The plan, Novak said, was never costed", "Novak", "said")));
  EXPECT_THAT(Reported("The port will close, the mayor said on Monday, after a night of storms."),
              ElementsAre(IsClaim("The port will close", "mayor", "said")));
  EXPECT_THAT(Reported("Prices will rise again in spring, said Ada Quist."),
              ElementsAre(IsClaim("Prices will rise again in spring", "Ada Quist", "said")));
}

TEST(ReportedSpeechTest, ParticiplesContinueTheSentenceSpeaker) {
  EXPECT_THAT(Reported("Berg rejected the offer, saying the terms were unfair to tenants."),
              ElementsAre(IsClaim("the terms were unfair to tenants", "Berg", "saying")));
  EXPECT_THAT(Reported("The deal is off, he said, adding that talks could resume in June."),
              ElementsAre(IsClaim("The deal is off", "he", "said"),
                          IsClaim("talks could resume in June", "he", "adding")));
}

// ", adding that ..." after a quotation closed on its comma continues the
// speaker of the cue before the quotation.
TEST(ReportedSpeechTest, ParticiplesAfterAQuotation) {
  const std::string text = "Lind said \"the port stays shut,\" adding that ferries would use the north quay.";
  const uint32_t open = static_cast<uint32_t>(text.find('"')) + 1;
  const uint32_t close = static_cast<uint32_t>(text.find('"', open));
  EXPECT_THAT(Reported(text, {{open, close}}, {static_cast<uint32_t>(text.find("said"))}),
              ElementsAre(IsClaim("ferries would use the north quay", "Lind", "adding")));
}

TEST(ReportedSpeechTest, TheWritersOwnContrastEndsTheClause) {
  EXPECT_THAT(Reported("The company has denied any plans to close the plant, but unions remain worried."),
              ElementsAre(IsClaim("any plans to close the plant", "company", "denied")));
  EXPECT_THAT(Reported("Lind said the port would reopen; the ferries stayed in dock."),
              ElementsAre(IsClaim("the port would reopen", "Lind", "said")));
}

TEST(ReportedSpeechTest, AccordingTo) {
  EXPECT_THAT(Reported("According to the ministry, the dam holds two billion cubic metres."),
              ElementsAre(IsClaim("the dam holds two billion cubic metres", "ministry", "According to")));
  EXPECT_THAT(Reported("The dam holds two billion cubic metres, according to the ministry."),
              ElementsAre(IsClaim("The dam holds two billion cubic metres", "ministry", "according to")));
}

TEST(ReportedSpeechTest, NotReportedSpeech) {
  EXPECT_THAT(Reported("The minister said on Monday."), IsEmpty());
  EXPECT_THAT(Reported("He said nothing."), IsEmpty());
  EXPECT_THAT(Reported("The so-called plan was said to be dead."), IsEmpty());
  EXPECT_THAT(Reported("They called it a victory for the city."), IsEmpty());
  // A noun phrase after the cue names a thing, not a statement; "told" takes
  // its addressee first; no one, and a condition, report nothing.
  EXPECT_THAT(Reported("The ministry announced a new winter timetable."), IsEmpty());
  EXPECT_THAT(Reported("He told a long story about the storm."), IsEmpty());
  EXPECT_THAT(Reported("Nobody said the route was unsafe."), IsEmpty());
  EXPECT_THAT(Reported("If Lind says the route is safe, the board will reopen it."), IsEmpty());
  EXPECT_THAT(Reported("What Lind said was that the route was safe."), IsEmpty());
  // A relative clause reports what its noun said, up to its closing comma.
  EXPECT_THAT(Reported("The minister, who said last year that fares would fall, has resigned."),
              ElementsAre(IsClaim("fares would fall", "minister", "said")));
  EXPECT_THAT(Reported("An official, who asked not to be named because the talks are secret, left early."),
              IsEmpty());
  EXPECT_THAT(Reported("The ministry announced the night route would close."),
              ElementsAre(IsClaim("the night route would close", "ministry", "announced")));
  EXPECT_THAT(Reported("Lind said the town would ask the court to rule on the sale."),
              ElementsAre(IsClaim("the town would ask the court to rule on the sale", "Lind", "said")));
  EXPECT_THAT(Reported("The mayor did not say whether the bridge would reopen."), IsEmpty());
  EXPECT_THAT(Reported("The river rose by a metre after the storm."), IsEmpty());
  // Nouns that look like cue verbs, inside noun phrases.
  EXPECT_THAT(Reported("The council read Oslo's reply that the fleet would leave at dawn."), IsEmpty());
  EXPECT_THAT(Reported("Several former Baltic states that joined later were silent."), IsEmpty());
}

TEST(ReportedSpeechTest, QuotationsAreNotReportedSpeech) {
  // "Lind said that “...”": the clause is all quotation.
  const std::string quoted = "Lind said that \"the port will stay shut all winter\".";
  EXPECT_THAT(Reported(quoted, {{15, 49}}), IsEmpty());
  // A clause mostly quoted is no claim, but still says whose the quotation
  // is.
  const std::string mostly = "Lind said it would \"stay shut all winter and all spring\".";
  const uint32_t open = static_cast<uint32_t>(mostly.find('"'));
  const TextRange content{open + 1, static_cast<uint32_t>(mostly.rfind('"'))};
  EXPECT_THAT(Reported(mostly, {content}), IsEmpty());
  const std::vector<ReportedSpeech> found =
      FindReportedSpeech(mostly, {0, static_cast<uint32_t>(mostly.size())}, {content}, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].mostly_quoted);
  EXPECT_EQ(found[0].attribution.speaker.name, "Lind");
  // A cue already attributed to the quotation next to it is not reused.
  const std::string adjacent = "\"We are ready,\" Lind said, and the crowd cheered loudly.";
  EXPECT_THAT(Reported(adjacent, {{1, 13}}, {21}), IsEmpty());
  // A partial quotation inside a reported clause keeps the clause.
  const std::string partial = "Lind said the plan offered a \"real path forward\" for the port.";
  EXPECT_THAT(Reported(partial, {{30, 47}}),
              ElementsAre(IsClaim("the plan offered a \"real path forward\" for the port", "Lind", "said")));
}

TEST(ReportedSpeechTest, AccordingToWithAnAppositiveEndingTheSentence) {
  EXPECT_THAT(Reported("The dam is safe, according to Ana Reyes, a hydrologist."),
              ElementsAre(IsClaim("The dam is safe", "Ana Reyes", "according to")));
}

TEST(ReportedSpeechTest, TheWritersCommentIsNotTheClause) {
  EXPECT_THAT(Reported("Kent says the plan was never costed, a claim the council rejects."),
              ElementsAre(IsClaim("the plan was never costed", "Kent", "says")));
  // An appositive inside the clause stays.
  EXPECT_THAT(Reported("Kent said the plan, a scheme first floated in 2019, would cost a fortune."),
              ElementsAre(IsClaim("the plan, a scheme first floated in 2019, would cost a fortune", "Kent", "said")));
}

TEST(ReportedSpeechTest, BodiesAndPronounAddressees) {
  EXPECT_THAT(Reported("The storm caused heavy damage, the industry's trade body said on Friday."),
              ElementsAre(IsClaim("The storm caused heavy damage", "industry's trade body", "said")));
  EXPECT_THAT(Reported("Residents told him they had waited three days for help."),
              ElementsAre(IsClaim("they had waited three days for help", "Residents", "told him")));
}

TEST(ReportedSpeechTest, AddresseeOfWarnBeforeThat) {
  EXPECT_THAT(Reported("The envoy warned Osterby and Lund that the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "envoy", "warned")));
  EXPECT_THAT(Reported("The envoy warned Lund would lose."),
              ElementsAre(IsClaim("Lund would lose", "envoy", "warned")));
}

TEST(ReportedSpeechTest, QuotedAsSaying) {
  EXPECT_THAT(Reported("Berg was quoted as saying that the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "Berg", "saying")));
  EXPECT_THAT(Reported("The minister was quoted by Interfax as saying the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "minister", "saying")));
}

TEST(ReportedSpeechTest, InvertedCuesBeforeMoreOfTheSentence) {
  EXPECT_THAT(Reported("The plan is dead, said Berg, adding that nobody would miss it."),
              ElementsAre(IsClaim("The plan is dead", "Berg", "said"),
                          IsClaim("nobody would miss it", "Berg", "adding")));
  EXPECT_THAT(Reported("The plan, says Berg, is dead."),
              ElementsAre(IsClaim("The plan, says Berg, is dead", "Berg", "says")));
  EXPECT_THAT(Reported("The plan is dead, said Berg, who chairs the board."),
              ElementsAre(IsClaim("The plan is dead", "Berg", "said")));
}

// An appositive after an inverted cue's speaker is theirs, not the rest of
// the statement; the speaker's role comes from it.
TEST(ReportedSpeechTest, InvertedCueWithAnAppositive) {
  const std::string text = "Freight rates will fall, said Ada Quist, an analyst at Osterby Bank.";
  const TextRange sentence{0, static_cast<uint32_t>(text.size())};
  const std::vector<ReportedSpeech> found = FindReportedSpeech(text, sentence, {}, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].clause.start, found[0].clause.size()), "Freight rates will fall");
  EXPECT_EQ(found[0].attribution.speaker.role, "analyst at Osterby Bank");
  EXPECT_THAT(Reported("Freight rates will fall, said Ada Quist, chief economist at Osterby Bank, adding that "
                       "fuel would not."),
              ElementsAre(IsClaim("Freight rates will fall", "Ada Quist", "said"),
                          IsClaim("fuel would not", "Ada Quist", "adding")));
  // Followed by more of the statement, the sentence is one claim, as
  // without an appositive.
  EXPECT_THAT(Reported("Freight rates, says Ada Quist, the bank's economist, will fall."),
              ElementsAre(IsClaim("Freight rates, says Ada Quist, the bank's economist, will fall", "Ada Quist",
                                  "says")));
}

// "went on to say": the subject of "went" says; "the union, which said":
// an organisation's relative clause reports like "who" does a person's.
TEST(ReportedSpeechTest, WentOnToSayAndWhichSaid) {
  EXPECT_THAT(Reported("Ada Quist went on to say that the plan had never been costed."),
              ElementsAre(IsClaim("the plan had never been costed", "Ada Quist", "say")));
  EXPECT_THAT(Reported("The plan was welcomed by the union, which said it would end months of doubt."),
              ElementsAre(IsClaim("it would end months of doubt", "union", "said")));
  EXPECT_THAT(Reported("Ada Quist wanted to say that the plan was dead."), IsEmpty());
  EXPECT_THAT(Reported("Ada Quist opined that the plan was dead."),
              ElementsAre(IsClaim("the plan was dead", "Ada Quist", "opined")));
  EXPECT_THAT(Reported("Ada Quist is reported to have said that the gulf could freeze again."),
              ElementsAre(IsClaim("the gulf could freeze again", "Ada Quist", "said")));
  EXPECT_THAT(Reported("The plan is expected to say that fares will rise."), IsEmpty());
}

// Two speakers' reports joined by a conjunction are two claims; a report
// nested in a reported clause stays inside it.
TEST(ReportedSpeechTest, CoordinatedAndNestedReports) {
  for (const char* join : {", and", " while", " but"}) {
    EXPECT_THAT(Reported(absl::StrCat("Ada Quist said the plan was dead", join, " Jon Hale said it was alive.")),
                ElementsAre(IsClaim("the plan was dead", "Ada Quist", "said"),
                            IsClaim("it was alive", "Jon Hale", "said")))
        << join;
  }
  EXPECT_THAT(Reported("Ada Quist said that Hale had told her that the plan was dead."),
              ElementsAre(IsClaim("Hale had told her that the plan was dead", "Ada Quist", "said")));
}

// A noun phrase after a trailing cue describes the statement (the writer's
// words); a verb after it goes on with the statement.
TEST(ReportedSpeechTest, DescriptionAfterATrailingCue) {
  EXPECT_THAT(Reported("The port will spend 250 million euros, its chief executive announced on Monday, the "
                       "largest investment since 1998."),
              ElementsAre(IsClaim("The port will spend 250 million euros", "chief executive", "announced")));
  EXPECT_THAT(Reported("The plan, Ada Quist said, was never costed."),
              ElementsAre(IsClaim("The plan, Ada Quist said, was never costed", "Ada Quist", "said")));
}

// "told"/"telling" with an addressee: the clause after the addressee, past
// a time or a place ("telling ABC radio on Tuesday that ...", "told
// reporters in Brisbane the plan was ready").
TEST(ReportedSpeechTest, TellingAnAddressee) {
  EXPECT_THAT(Reported("Ada Quist ruled out an election, telling ABC radio on Tuesday that the plan was ready."),
              ElementsAre(IsClaim("the plan was ready", "Ada Quist", "telling ABC radio")));
  EXPECT_THAT(Reported("Ada Quist told reporters in Brisbane the plan was ready."),
              ElementsAre(IsClaim("the plan was ready", "Ada Quist", "told reporters")));
}

// A cue's object that is a noun phrase reports nothing: a word after an
// article is a noun, not the clause's verb ("announced the plan"), while
// "the costs rose" has its verb after the noun.
TEST(ReportedSpeechTest, NounAfterAnArticleIsNoVerb) {
  EXPECT_THAT(Reported("Lars Henning announced the plan in a post on LinkedIn."), IsEmpty());
  // After a cue whose object is mostly a thing, a word in -s is no verb.
  EXPECT_THAT(Reported("The company announced record profits on Tuesday."), IsEmpty());
  EXPECT_THAT(Reported("The company confirmed sales rose in May."),
              ElementsAre(IsClaim("sales rose in May", "company", "confirmed")));
  EXPECT_THAT(Reported("Lars Henning announced the costs rose in May."),
              ElementsAre(IsClaim("the costs rose in May", "Lars Henning", "announced")));
}

// "says this year could be his last": a time phrase before a finite verb is
// the clause's subject, not an adjunct of the cue ("said last week the
// port would close").
TEST(ReportedSpeechTest, TimePhraseAsTheClauseSubject) {
  EXPECT_THAT(Reported("Rowe says this year could be his last."),
              ElementsAre(IsClaim("this year could be his last", "Rowe", "says")));
  EXPECT_THAT(Reported("Rowe said last week the port would close."),
              ElementsAre(IsClaim("the port would close", "Rowe", "said")));
}

// A subject after ", and" opens a clause of its own, even when a dateline's
// comma lies further back: the conjuncts of a group hold no verb; a list
// of names is one group while it opens the clause.
TEST(ReportedSpeechTest, CoordinatedClausesAfterADateline) {
  EXPECT_THAT(Reported("LONDON, June 3 - Prices rose after OPEC said it would cut output, and traders said "
                       "supply would stay tight."),
              ElementsAre(IsClaim("it would cut output", "OPEC", "said"),
                          IsClaim("supply would stay tight", "traders", "said")));
  // Lists of three or more, with or without the serial comma.
  EXPECT_THAT(Reported("Britain, France, and Germany said the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "Britain, France, and Germany", "said")));
  EXPECT_THAT(Reported("The US, Britain and France said the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "US, Britain and France", "said")));
  EXPECT_THAT(Reported("In Paris, France and Germany said the talks had failed."),
              ElementsAre(IsClaim("the talks had failed", "France and Germany", "said")));
}

// Discourse adverbs between commas and an emphatic "did" leave the
// subject the speaker; "did not say" still reports nothing.
TEST(ReportedSpeechTest, HoweverAndEmphaticDid) {
  EXPECT_THAT(Reported("Erik Falk, however, said the plan was dead."),
              ElementsAre(IsClaim("the plan was dead", "Erik Falk", "said")));
  EXPECT_THAT(Reported("Dina Ek did, however, say that the vote would go ahead."),
              ElementsAre(IsClaim("the vote would go ahead", "Dina Ek", "say")));
  EXPECT_THAT(Reported("Dina Ek did not say when the vote would be held."), IsEmpty());
}

// Time adjuncts US copy and features write: a weekday without "on" ("said
// Tuesday the plan was dead", was no claim) and "two weeks ago that".
TEST(ReportedSpeechTest, BareWeekdaysAndAgo) {
  EXPECT_THAT(Reported("Ivan Juhl said Tuesday the plan was dead."),
              ElementsAre(IsClaim("the plan was dead", "Ivan Juhl", "said")));
  EXPECT_THAT(Reported("Ivan Juhl said Monday was the worst day."),
              ElementsAre(IsClaim("Monday was the worst day", "Ivan Juhl", "said")));
  EXPECT_THAT(Reported("Fay Gold said two weeks ago that the plan was dead."),
              ElementsAre(IsClaim("the plan was dead", "Fay Gold", "said")));
}

// "a person familiar with the matter", as "people familiar with".
TEST(ReportedSpeechTest, APersonFamiliarWithTheMatter) {
  EXPECT_THAT(Reported("The plant will close, according to a person familiar with the matter."),
              ElementsAre(IsClaim("The plant will close", "person", "according to")));
  // "with (direct) knowledge of" describes a source as "familiar with" does.
  EXPECT_THAT(Reported("A person with knowledge of the plan said that as many as 12,000 jobs could be cut."),
              ElementsAre(IsClaim("as many as 12,000 jobs could be cut", "person with knowledge of the plan", "said")));
  EXPECT_THAT(Reported("People with direct knowledge of the talks said a deal was close."),
              ElementsAre(IsClaim("a deal was close", "People with direct knowledge of the talks", "said")));
}

// "..., Lagarde said, without naming them.": an adjunct after a trailing
// cue, not the rest of the statement.
TEST(ReportedSpeechTest, WithoutAfterATrailingCue) {
  EXPECT_THAT(Reported("Some members had argued for a cut, Lagarde said, without naming them."),
              ElementsAre(IsClaim("Some members had argued for a cut", "Lagarde", "said")));
}

// "As the minister said on Monday, CLAUSE." and "A, according to X, B."
TEST(ReportedSpeechTest, AsSpeakerSaidAndAccordingToInside) {
  EXPECT_THAT(Reported("As the minister said on Monday, the plan is dead."),
              ElementsAre(IsClaim("the plan is dead", "minister", "said")));
  EXPECT_THAT(Reported("The plan, according to the minister, is dead."),
              ElementsAre(IsClaim("The plan, according to the minister, is dead", "minister", "according to")));
}

// "according to two European diplomats": a number opens the source.
TEST(ReportedSpeechTest, AccordingToANumberOfSources) {
  EXPECT_THAT(Reported("NATO allies were not consulted, according to two European diplomats."),
              ElementsAre(IsClaim("NATO allies were not consulted", "European diplomats", "according to")));
}

// "According to X, A; according to Y, B.": a semicolon opens the second.
TEST(ReportedSpeechTest, AccordingToAfterASemicolon) {
  EXPECT_THAT(Reported("According to Berg, the deal is dead; according to Lima, it is alive."),
              ElementsAre(IsClaim("the deal is dead", "Berg", "According to"),
                          IsClaim("it is alive", "Lima", "according to")));
}

// "telling X that ...": an addressee the cue does not know ("angry shop
// owners") is not part of the statement.
TEST(ReportedSpeechTest, TellingAnAddresseeThat) {
  EXPECT_THAT(Reported("The mayor defended the lanes, telling angry shop owners that the scheme would work."),
              ElementsAre(IsClaim("the scheme would work", "mayor", "telling")));
}

// "said nothing had been won": an indefinite pronoun opens a clause when
// its verb follows ("said nothing about the deal" reports none); a
// participial phrase about the speaker is never the statement.
TEST(ReportedSpeechTest, IndefinitePronounClausesAndParticipialOpeners) {
  EXPECT_THAT(Reported("Asked about the final, Petrovic insisted nothing had been won yet."),
              ElementsAre(IsClaim("nothing had been won yet", "Petrovic", "insisted")));
  EXPECT_THAT(Reported("Berg said nothing about the deal."), IsEmpty());
  EXPECT_THAT(Reported("Asked about the final, Petrovic said."), IsEmpty());
}

// A count before a group ("200", "about 200", "more than 300", "at least
// 50", "dozens of") belongs to the subject, and is no part of its name.
TEST(ReportedSpeechTest, CountedGroupsSpeak) {
  EXPECT_THAT(Reported("200 traders said footfall had fallen."),
              ElementsAre(IsClaim("footfall had fallen", "traders", "said")));
  EXPECT_THAT(Reported("At least 50 doctors said the rules were unsafe."),
              ElementsAre(IsClaim("the rules were unsafe", "doctors", "said")));
  EXPECT_THAT(Reported("Dozens of residents said the water smelled of chlorine."),
              ElementsAre(IsClaim("the water smelled of chlorine", "residents", "said")));
  EXPECT_THAT(Reported("More than 300 workers said pay had not kept pace."),
              ElementsAre(IsClaim("pay had not kept pace", "workers", "said")));
  EXPECT_THAT(Reported("About 200 traders marched on the town hall, saying that footfall had fallen."),
              ElementsAre(IsClaim("footfall had fallen", "traders", "saying")));
}

// "warned residents that ...", "reminded his players that ...": the
// addressee of a warning or a reminder is not part of the statement.
TEST(ReportedSpeechTest, WarningsAndRemindersToAnAddressee) {
  EXPECT_THAT(Reported("Governor Teresa Vance warned residents that more flooding was likely."),
              ElementsAre(IsClaim("more flooding was likely", "Teresa Vance", "warned")));
  EXPECT_THAT(Reported("The coach reminded his players that nothing had been won."),
              ElementsAre(IsClaim("nothing had been won", "coach", "reminded")));
  EXPECT_THAT(Reported("The rules are clear, the judge reminded the jury."),
              ElementsAre(IsClaim("The rules are clear", "judge", "reminded")));
}

// "told colleagues she was leaving": an addressee the cue does not know,
// then a subject pronoun with its verb; ", calling it ..." after a clause
// is a statement of its own, not part of the clause.
TEST(ReportedSpeechTest, UnknownAddresseesAndParticiplesOfSpeechActs) {
  EXPECT_THAT(Reported("Lind told colleagues she was leaving."),
              ElementsAre(IsClaim("she was leaving", "Lind", "told")));
  EXPECT_THAT(Reported("Berg said the deal was dead, calling it a betrayal."),
              ElementsAre(IsClaim("the deal was dead", "Berg", "said")));
}

// "The court held that ...": a court's finding, only with a clause ("held
// talks", "held that day a vote" report none).
TEST(ReportedSpeechTest, ACourtHoldsThat) {
  EXPECT_THAT(Reported("The court held that the ban was disproportionate."),
              ElementsAre(IsClaim("the ban was disproportionate", "court", "held")));
  EXPECT_THAT(Reported("The minister held talks with the unions on Monday."), IsEmpty());
  EXPECT_THAT(Reported("The union held that day a vote on the offer."), IsEmpty());
}

// "revealed she once considered quitting": a clause-taking cue takes a
// bare clause opened by a subject pronoun and its verb; "pop star X" is a
// role and a name.
TEST(ReportedSpeechTest, BareClausesOpenedByASubjectPronoun) {
  EXPECT_THAT(Reported("Pop star Jade Rivers has revealed she once considered quitting music."),
              ElementsAre(IsClaim("she once considered quitting music", "Jade Rivers", "revealed")));
  EXPECT_THAT(Reported("The minister revealed it to reporters on Monday."), IsEmpty());
}

// "Families living on a clifftop in Eastholme say ...": the subject past a
// participle phrase describing it; a past tense is no such phrase ("The
// ambassador delivered Washington's reply ..." reports nothing).
TEST(ReportedSpeechTest, SubjectsDescribedByAParticiplePhrase) {
  EXPECT_THAT(Reported("Families living on a clifftop in Eastholme say they have been abandoned."),
              ElementsAre(IsClaim("they have been abandoned", "Families", "say")));
  EXPECT_THAT(Reported("Voters polled by the paper said the plan was good."),
              ElementsAre(IsClaim("the plan was good", "Voters", "said")));
  EXPECT_THAT(Reported("The ambassador delivered Washington's reply that talks would go on."), IsEmpty());
}

// A place after a preposition is not the head of the phrase before it:
// "Leeds" does not say anything here.
TEST(ReportedSpeechTest, APlaceAfterAPrepositionIsNoSubject) {
  for (const Found& f : Reported("The man arrested in Leeds said he was innocent.")) {
    EXPECT_NE(f.speaker, "Leeds") << f.clause;
  }
}

// A capitalised word in -ing after the cue is a name, not a participle
// ("said Beijing opposed ...").
TEST(ReportedSpeechTest, NamesInIngOpenClauses) {
  EXPECT_THAT(Reported("Foreign Minister Wang Yi said Beijing opposed the sanctions."),
              ElementsAre(IsClaim("Beijing opposed the sanctions", "Wang Yi", "said")));
}


// "A, hours before a rally he had called to protest, his lawyers said": the
// inner cue's clause runs to the sentence's end and so holds the trailing
// cue, as the trailing clause holds it; the clause that starts first is
// the statement.
TEST(ReportedSpeechTest, TwoReportsHoldingEachOthersCue) {
  EXPECT_THAT(Reported("Police held the leader on Friday, hours before a rally he had called to protest against the "
                       "vote, his lawyers said."),
              ElementsAre(IsClaim("Police held the leader on Friday, hours before a rally he had called to protest "
                                  "against the vote",
                                  "lawyers", "said")));
}

// "It is to mention that farmers protested, arguing that ...": the
// participle's subject is the clause's after an extraposed "It is ...
// that", not "It".
TEST(ReportedSpeechTest, ParticipleSubjectPastExtraposedIt) {
  EXPECT_THAT(Reported("It is to mention that dairy farmers protested outside, arguing that prices would fall."),
              ElementsAre(IsClaim("prices would fall", "dairy farmers", "arguing")));
}

// The source after "according to": a role a pronoun possesses ("his
// wife"), a name in apposition to a title ("the finance minister, Ana
// Lima"), and a relative clause ending the sentence, which describes the
// source and may report a statement of its own ("who said ...").
TEST(ReportedSpeechTest, SourcesAfterAccordingTo) {
  EXPECT_THAT(Reported("Officers came before dawn, according to his wife."),
              ElementsAre(IsClaim("Officers came before dawn", "wife", "according to")));
  EXPECT_THAT(Reported("According to the finance minister, Ana Lima, the plan is dead."),
              ElementsAre(IsClaim("the plan is dead", "Ana Lima", "According to")));
  EXPECT_THAT(Reported("Officers came before dawn, according to a neighbour, who asked not to be named."),
              ElementsAre(IsClaim("Officers came before dawn", "neighbour", "according to")));
  EXPECT_THAT(Reported("Officers came before dawn, according to his wife, Grace, who said they had no warrant."),
              ElementsAre(IsClaim("Officers came before dawn", "Grace", "according to"),
                          IsClaim("they had no warrant", "Grace", "said")));
}

// ", a move analysts said was meant to ...": the writer's account of what
// the statement did ends the clause, and its relative clause has no
// subject to make a claim of.
TEST(ReportedSpeechTest, WritersAccountOfAMove) {
  EXPECT_THAT(Reported("She said Ana Lima would stay in her post, a move analysts said was meant to calm markets."),
              ElementsAre(IsClaim("Ana Lima would stay in her post", "She", "said")));
}

// "A, the agency said, issuing its highest alert.": a participle phrase
// after a trailing cue is about the speaker, not the statement going on.
TEST(ReportedSpeechTest, ParticiplePhraseAfterTrailingCue) {
  EXPECT_THAT(Reported("The storm will reach the coast on Thursday, the weather agency said, issuing its highest alert."),
              ElementsAre(IsClaim("The storm will reach the coast on Thursday", "weather agency", "said")));
}

// "A, Reed said Monday, adding that B.": the cue's search for "that" stops
// at the participle, whose "that" it is; A is the trailing cue's claim.
TEST(ReportedSpeechTest, TrailingCueWithTimeThenParticiple) {
  EXPECT_THAT(Reported("The plan had failed, Reed said Monday, adding that he would try again."),
              ElementsAre(IsClaim("The plan had failed", "Reed", "said"),
                          IsClaim("he would try again", "Reed", "adding")));
}

// "a source close to her said": an object pronoun after a preposition is
// neither the speaker nor a possessive before a noun; and ", urging X to
// ..." is a directive's object and infinitive.
TEST(ReportedSpeechTest, SourceCloseToHerAndUrgingParticiple) {
  EXPECT_THAT(Reported("The minister left by helicopter, a source close to her said."),
              ElementsAre(IsClaim("The minister left by helicopter", "source close to her", "said")));
  EXPECT_THAT(Reported("The general spoke on television, urging protesters to return home."),
              ElementsAre(IsClaim("protesters to return home", "general", "urging")));
}

// "Meanwhile, X stated that A and further added that B": the coordinated
// cue, after an adverb, ends the first clause and takes the sentence's
// subject past the sentence adverb.
TEST(ReportedSpeechTest, CoordinatedCueAfterAnAdverb) {
  EXPECT_THAT(Reported("Meanwhile, Foreign Minister Qin Gang stated that China opposed sanctions and further added "
                       "that Beijing stood for dialogue."),
              ElementsAre(IsClaim("China opposed sanctions", "Qin Gang", "stated"),
                          IsClaim("Beijing stood for dialogue", "Qin Gang", "added")));
}

// A generic speaker in a clause of time or condition reports nothing:
// "When they say ..., they mean ...", "Whenever we say ...".
TEST(ReportedSpeechTest, GenericSpeakersInClausesOfTime) {
  EXPECT_THAT(Reported("When they say the economy is strong, they mean the stock market."), IsEmpty());
  EXPECT_THAT(Reported("Whenever the minister says the plan works, the unions laugh."), IsEmpty());
  EXPECT_THAT(Reported("When the minister said the plan was dead, the crowd cheered."),
              ElementsAre(IsClaim("the plan was dead", "minister", "said")));
}

// A name after lower-case words of its description stands as the subject
// ("Political scientist Sarah de Lange of ...", "- Dutch far-right leader
// Geert Wilders said" after a dateline).
TEST(ReportedSpeechTest, NameAfterItsLowerCaseDescription) {
  EXPECT_THAT(Reported("Political scientist Sarah de Lange of the University of Amsterdam said a cabinet of experts "
                       "was likely."),
              ElementsAre(IsClaim("a cabinet of experts was likely", "Sarah de Lange", "said")));
  EXPECT_THAT(Reported("THE HAGUE, March 13 (Wire) - Dutch far-right leader Geert Wilders said on Wednesday he had "
                       "given up his bid."),
              ElementsAre(IsClaim("he had given up his bid", "Geert Wilders", "said")));
}

// "A, sources said, but Tehran played down the attack and indicated it had
// no plans, a response that appeared to ...": the coordinated cue's subject
// is the clause's after ", but", "indicated" takes a bare clause, and the
// writer's appositive with its relative clause is no part of it.
TEST(ReportedSpeechTest, CoordinatedCueInASecondClause) {
  EXPECT_THAT(Reported("Israel struck Iran on Friday, sources said, but Tehran played down the attack and indicated it "
                       "had no plans for retaliation, a response that appeared to reduce the risk of war."),
              ElementsAre(IsClaim("Israel struck Iran on Friday", "sources", "said"),
                          IsClaim("it had no plans for retaliation", "Tehran", "indicated")));
}

// "according to a quick count by the electoral authority": past the
// document's modifiers to its author; "official results" name nobody.
TEST(ReportedSpeechTest, AccordingToACountByItsAuthor) {
  EXPECT_THAT(Reported("Ana Lima won the election, according to a quick count by the electoral authority."),
              ElementsAre(IsClaim("Ana Lima won the election", "electoral authority", "according to")));
  EXPECT_THAT(Reported("Ana Lima won the election, according to official results."), IsEmpty());
}

// "added to concerns that ...", ", adding to evidence that ...": adding to a
// mood or a case reports nothing; "added to reporters that" does.
TEST(ReportedSpeechTest, AddingToAFeeling) {
  EXPECT_THAT(Reported("The report added to concerns that the economy was slowing."), IsEmpty());
  EXPECT_THAT(Reported("Scientists said the oceans were warmer, adding to evidence that warming is speeding up."),
              ElementsAre(IsClaim("the oceans were warmer", "Scientists", "said")));
  EXPECT_THAT(Reported("The minister added to reporters that the economy was slowing."),
              ElementsAre(IsClaim("the economy was slowing", "minister", "added")));
}

// "warned Ostravia of grave consequences if ...": a warning to someone of
// something reports no clause; "warned Ostravia that ..." does.
TEST(ReportedSpeechTest, WarningSomeoneOfSomething) {
  EXPECT_THAT(Reported("Kelvania warned Ostravia of grave consequences if it sent more troops to the border."),
              IsEmpty());
  EXPECT_THAT(Reported("The mayor warned them against swimming while the flag was red."), IsEmpty());
  EXPECT_THAT(Reported("Kelvania warned Ostravia that it would respond if troops crossed the border."),
              ElementsAre(IsClaim("it would respond if troops crossed the border", "Kelvania", "warned")));
}

// A bare clause opened by a subject pronoun after the cue's prepositional
// adjuncts ("said in a statement it had ..."); an adjunct holding a verb
// ends the search.
TEST(ReportedSpeechTest, BareClauseAfterPrepositionalAdjuncts) {
  EXPECT_THAT(Reported("Hamas said in a statement it had accepted the proposal."),
              ElementsAre(IsClaim("it had accepted the proposal", "Hamas", "said")));
  EXPECT_THAT(Reported("The mayor said at a briefing on Tuesday they would appeal the ruling."),
              ElementsAre(IsClaim("they would appeal the ruling", "mayor", "said")));
  EXPECT_THAT(Reported("The mayor spoke in the hall where she said it was cold."),
              ElementsAre(IsClaim("it was cold", "she", "said")));
}

// A feeling stated about a clause ("expressed hope that ...", "voiced his
// concern that ...") reports it; a feeling about a thing does not.
TEST(ReportedSpeechTest, FeelingsExpressedAboutAClause) {
  EXPECT_THAT(Reported("The minister expressed hope that the talks would resume next week."),
              ElementsAre(IsClaim("the talks would resume next week", "minister", "expressed")));
  EXPECT_THAT(Reported("The envoy voiced his concern that the ceasefire was fragile."),
              ElementsAre(IsClaim("the ceasefire was fragile", "envoy", "voiced")));
  EXPECT_THAT(Reported("The EU expressed support for the plan to rebuild the port."), IsEmpty());
}

// A trailing cue may be followed by a long run of prepositional phrases
// ("wrote in a memo to staff seen by the Nordic Herald"), but not by words
// that hold a verb of their own.
TEST(ReportedSpeechTest, TrailingCueBeforeLongAdjuncts) {
  EXPECT_THAT(Reported("Streamflix will cut 1,200 jobs, chief executive Dana Whitfield wrote in a memo to staff seen "
                       "by the Nordic Herald."),
              ElementsAre(IsClaim("Streamflix will cut 1,200 jobs", "Dana Whitfield", "wrote")));
  EXPECT_THAT(Reported("Fares will rise, the mayor said and the crowd in the square booed loudly at the news."),
              IsEmpty());
}

// "Some said ..., while others said ...": a pronoun for part of the people
// spoken of, alone before the cue, is a group's ("another" someone's);
// "some officials" is the officials'.
TEST(ReportedSpeechTest, SomeAndOthersAsSpeakers) {
  EXPECT_THAT(Reported("Some economists said the targets were achievable, while others said the policy would hit "
                       "growth."),
              ElementsAre(IsClaim("the targets were achievable", "economists", "said"),
                          IsClaim("the policy would hit growth", "others", "said")));
  EXPECT_THAT(Reported("Many said they would leave the town."),
              ElementsAre(IsClaim("they would leave the town", "many", "said")));
  EXPECT_THAT(Reported("Another, who asked not to be named, said the risks were manageable."),
              ElementsAre(IsClaim("the risks were manageable", "another", "said")));
  // One of the people just spoken of, or some of them.
  EXPECT_THAT(Reported("One of them said the plant in Turin was the likeliest to close."),
              ElementsAre(IsClaim("the plant in Turin was the likeliest to close", "one of them", "said")));
  EXPECT_THAT(Reported("Some of those present said the vote had been rigged."),
              ElementsAre(IsClaim("the vote had been rigged", "some of those present", "said")));
  EXPECT_THAT(Reported("One said the queue had been moving all night."),
              ElementsAre(IsClaim("the queue had been moving all night", "one", "said")));
  EXPECT_THAT(Reported("No one said the plan was wrong."), IsEmpty());
}

// A commitment's participle takes its infinitive as "vowed to" does
// ("..., vowing to continue until ...").
TEST(ReportedSpeechTest, ACommitmentsParticipleAndItsInfinitive) {
  EXPECT_THAT(Reported("Farmers blocked the roads on Wednesday, vowing to continue until the tax was scrapped."),
              ElementsAre(IsClaim("to continue until the tax was scrapped", "Farmers", "vowing")));
  EXPECT_THAT(Reported("The union blocked the port, promising to return next week."),
              ElementsAre(IsClaim("to return next week", "union", "promising")));
}

// An approximate number after the cue opens the clause's subject; "about"
// and "over" before anything else are the topic or the means.
TEST(ReportedSpeechTest, AnApproximateNumberOpensAClause) {
  EXPECT_THAT(Reported("Voltra said about 45,000 homes were without power."),
              ElementsAre(IsClaim("about 45,000 homes were without power", "Voltra", "said")));
  EXPECT_THAT(Reported("Ana Lima said over two hundred people had signed the letter."),
              ElementsAre(IsClaim("over two hundred people had signed the letter", "Ana Lima", "said")));
  EXPECT_THAT(Reported("Ana Lima said about the plan that it was late."),
              ElementsAre(IsClaim("it was late", "Ana Lima", "said")));
  EXPECT_THAT(Reported("Ana Lima spoke over the phone to the mayor."), IsEmpty());
}

// "... but declined to give a timeline": the speaker's refusal to say more
// ends the clause; what the clause's own subject declined stays in it.
TEST(ReportedSpeechTest, ARefusalToSayMoreEndsTheClause) {
  EXPECT_THAT(Reported("Lankford said talks would continue but declined to give a timeline."),
              ElementsAre(IsClaim("talks would continue", "Lankford", "said")));
  EXPECT_THAT(Reported("The minister said the deal was close and refused to comment further."),
              ElementsAre(IsClaim("the deal was close", "minister", "said")));
  EXPECT_THAT(Reported("Ana Lima said the union had been invited but declined to attend."),
              ElementsAre(IsClaim("the union had been invited but declined to attend", "Ana Lima", "said")));
}
}  // namespace
}  // namespace claims::extractor
