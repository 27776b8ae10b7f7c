#include "extractor_service/lexicon.h"
#include "extractor_service/tokens.h"

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

TEST(LexiconTest, ReportingVerbs) {
  EXPECT_EQ(ReportingVerbLemma("said"), "say");
  EXPECT_EQ(ReportingVerbLemma("told"), "tell");
  EXPECT_EQ(ReportingVerbLemma("emphasized"), "emphasise");
  EXPECT_EQ(ReportingVerbLemma("emphasised"), "emphasise");
  EXPECT_EQ(ReportingVerbLemma("adding"), "add");
  EXPECT_EQ(ReportingVerbLemma("table"), "");
}

TEST(LexiconTest, TitlesOrganisationsPronouns) {
  EXPECT_TRUE(IsTitleWord("Minister"));
  EXPECT_TRUE(IsTitleWord("spokeswoman"));
  EXPECT_FALSE(IsTitleWord("Paris"));
  // A compound ending in a role is one.
  EXPECT_TRUE(IsTitleWord("co-author"));
  EXPECT_TRUE(IsTitleWord("ex-Minister"));
  EXPECT_FALSE(IsTitleWord("right-wing"));
  EXPECT_FALSE(IsTitleWord("-minister"));
  EXPECT_TRUE(IsOrganizationWord("Ministry"));
  EXPECT_TRUE(IsOrganizationWord("Centre"));
  EXPECT_TRUE(IsOrganizationWord("center"));
  EXPECT_TRUE(IsOrganizationWord("Confederation"));
  EXPECT_TRUE(IsOrganizationWord("directorate"));
  EXPECT_TRUE(IsOrganizationWord("Nations"));
  EXPECT_TRUE(IsOrganizationWord("couple"));
  EXPECT_TRUE(IsHonorific("Dr"));
  EXPECT_EQ(PronounKind("She"), 'f');
  EXPECT_EQ(PronounKind("they"), 'p');
  EXPECT_EQ(PronounKind("Ukraine"), 0);
  EXPECT_TRUE(IsNonNameCapitalized("Wednesday"));
}

TEST(LexiconTest, PluralTitlesNameGroups) {
  EXPECT_TRUE(IsPluralTitleWord("officials"));
  EXPECT_TRUE(IsPluralTitleWord("Witnesses"));
  EXPECT_TRUE(IsPluralTitleWord("deputies"));
  EXPECT_TRUE(IsPluralTitleWord("residents"));
  EXPECT_FALSE(IsPluralTitleWord("official"));
  // An abbreviated title's plural; a short word ending in "s" is none.
  EXPECT_TRUE(IsPluralTitleWord("MPs"));
  EXPECT_TRUE(IsPluralTitleWord("CEOs"));
  EXPECT_FALSE(IsPluralTitleWord("its"));
  EXPECT_FALSE(IsPluralTitleWord("MRs"));
  EXPECT_TRUE(IsQuantifier("Forty"));
  EXPECT_FALSE(IsPluralTitleWord("witness"));
  EXPECT_FALSE(IsPluralTitleWord("ferries"));
  EXPECT_FALSE(IsPluralTitleWord("its"));
  // Their singulars ("One of the witnesses said").
  EXPECT_EQ(SingularOfPluralTitle("Witnesses"), "witness");
  EXPECT_EQ(SingularOfPluralTitle("deputies"), "deputy");
  EXPECT_EQ(SingularOfPluralTitle("landlords"), "landlord");
  EXPECT_EQ(SingularOfPluralTitle("people"), "person");
  EXPECT_EQ(SingularOfPluralTitle("Women"), "woman");
  EXPECT_EQ(SingularOfPluralTitle("ferries"), "");
}

// "the regulator", "the inspectorate", "the constabulary" are bodies, not
// people's roles ("regulators" still name a group).
TEST(LexiconTest, RegulatorsAreBodies) {
  for (const char* w : {"regulator", "inspectorate", "constabulary", "tank"}) {
    EXPECT_TRUE(IsOrganizationWord(w)) << w;
    EXPECT_FALSE(IsTitleWord(w)) << w;
  }
  EXPECT_TRUE(IsPluralTitleWord("regulators"));
}

TEST(LexiconTest, CompanyNameEndings) {
  EXPECT_TRUE(IsCompanyNameEnding("Ltd"));
  EXPECT_TRUE(IsCompanyNameEnding("plc"));
  EXPECT_TRUE(IsCompanyNameEnding("Pharmaceuticals"));
  EXPECT_TRUE(IsCompanyNameEnding("AG"));
  EXPECT_FALSE(IsCompanyNameEnding("Ag"));  // a name part unless in capitals
  EXPECT_FALSE(IsCompanyNameEnding("Sa"));
  EXPECT_FALSE(IsCompanyNameEnding("Smith"));
  EXPECT_FALSE(IsCompanyNameEnding(""));
}

TEST(LexiconTest, Quantifiers) {
  EXPECT_TRUE(IsQuantifier("Two"));
  EXPECT_TRUE(IsQuantifier("several"));
  EXPECT_FALSE(IsQuantifier("the"));
}

TEST(LexiconTest, ArticlesAndPossessives) {
  EXPECT_TRUE(IsArticle("The"));
  EXPECT_TRUE(IsArticle("an"));
  EXPECT_FALSE(IsArticle("its"));
  EXPECT_TRUE(IsArticleOrPossessive("its"));
  EXPECT_TRUE(IsArticleOrPossessive("A"));
  EXPECT_FALSE(IsArticleOrPossessive("this"));
}

TEST(LexiconTest, GenderOfHonorificsAndRoleWords) {
  EXPECT_EQ(WordGender("Ms"), 'f');
  EXPECT_EQ(WordGender("Mr"), 'm');
  EXPECT_EQ(WordGender("Spokeswoman"), 'f');
  EXPECT_EQ(WordGender("father"), 'm');
  // Honorifics are case-sensitive ("MS" is an acronym); words used for
  // either gender say nothing.
  EXPECT_EQ(WordGender("MS"), 0);
  EXPECT_EQ(WordGender("Dr"), 0);
  EXPECT_EQ(WordGender("chairman"), 0);
  EXPECT_EQ(WordGender("spokesperson"), 0);
}

TEST(LexiconTest, NameParticlesAreLowerCase) {
  EXPECT_TRUE(IsNameParticle("van"));
  EXPECT_TRUE(IsNameParticle("de"));
  EXPECT_FALSE(IsNameParticle("De"));  // a capitalised word of its own
  EXPECT_FALSE(IsNameParticle("the"));
}

TEST(LexiconTest, ArticledSurnames) {
  EXPECT_TRUE(IsArticledSurname("al-Ansari"));
  EXPECT_TRUE(IsArticledSurname("el-Sisi"));
  EXPECT_TRUE(IsArticledSurname("ash-Shara"));
  EXPECT_FALSE(IsArticledSurname("al-"));         // nothing after the article
  EXPECT_FALSE(IsArticledSurname("an-average"));  // not a name
  EXPECT_FALSE(IsArticledSurname("co-Author"));
  EXPECT_EQ(SurnameWithoutArticle("al-Sisi"), "Sisi");
  EXPECT_EQ(SurnameWithoutArticle("al-sisi"), "sisi");
  EXPECT_EQ(SurnameWithoutArticle("Sisi"), "Sisi");
  EXPECT_EQ(SurnameWithoutArticle("co-author"), "co-author");
}

TEST(LexiconTest, PossessiveEndings) {
  EXPECT_TRUE(EndsPossessive("Berg's"));
  EXPECT_TRUE(EndsPossessive("Berg\u2019s"));
  EXPECT_TRUE(EndsPossessive("the Greens'"));
  EXPECT_FALSE(EndsPossessive("Berg"));
  EXPECT_FALSE(EndsPossessive("Bergs"));
  EXPECT_TRUE(HoldsPossessive("Lexica's lawyers"));
  EXPECT_TRUE(HoldsPossessive("Dahl\u2019s office"));
  EXPECT_FALSE(HoldsPossessive("Skyway Airlines"));
}

TEST(LexiconTest, CalendarWords) {
  EXPECT_EQ(WeekdayIndex("Wednesday"), 2);
  EXPECT_EQ(WeekdayIndex("Wed"), -1);
  EXPECT_EQ(MonthIndex("January"), 1);
  EXPECT_EQ(MonthIndex("Jan."), 1);
  EXPECT_EQ(MonthIndex("Sept"), 9);
  EXPECT_EQ(MonthIndex("Ma"), 0);
}

TEST(LexiconTest, ParentheticalStarts) {
  for (const char* w : {"in", "on", "speaking", "monday", "yesterday", "asked"}) {
    EXPECT_TRUE(IsParentheticalStart(w)) << w;
  }
  for (const char* w : {"the", "minister", "who", "said", "and"}) EXPECT_FALSE(IsParentheticalStart(w)) << w;
}

TEST(LexiconTest, PersonEpithets) {
  for (const char* w : {"Brazilian", "Swede", "Frenchman", "Pakistani", "Briton", "Democrat"}) {
    EXPECT_TRUE(IsPersonEpithet(w)) << w;
  }
  // Peoples, countries, capitals and lower case are not.
  for (const char* w : {"British", "Chinese", "Brazil", "Tehran", "swede", "Kremlin"}) {
    EXPECT_FALSE(IsPersonEpithet(w)) << w;
  }
}

// Given names across languages; names also used for places or companies,
// or for either gender, are left out.
TEST(LexiconTest, GivenNames) {
  EXPECT_EQ(GivenNameGender("Gareth"), 'm');
  EXPECT_EQ(GivenNameGender("Mateus"), 'm');
  EXPECT_EQ(GivenNameGender("Pekka"), 'm');
  EXPECT_EQ(GivenNameGender("Siobhan"), 'f');
  EXPECT_EQ(GivenNameGender("Agnieszka"), 'f');
  EXPECT_EQ(GivenNameGender("Rhea"), 'f');
  EXPECT_EQ(GivenNameGender("Mikey"), 'm');
  EXPECT_EQ(GivenNameGender("Priyanka"), 'f');
  EXPECT_EQ(GivenNameGender("Tove"), 'f');
  EXPECT_EQ(GivenNameGender("Recep"), 'm');
  EXPECT_EQ(GivenNameGender("Henrik"), 'm');
  EXPECT_EQ(GivenNameGender("Paolo"), 'm');
  EXPECT_EQ(GivenNameGender("Nuno"), 'm');
  EXPECT_EQ(GivenNameGender("Ilaria"), 'f');
  for (const char* w : {"Kim", "Andrea", "Florence", "Carolina", "Mercedes", "Grant", "Chad", "Chelsea", "Georgia",
                        "Alexis", "Jamie", "Rose"}) {
    EXPECT_EQ(GivenNameGender(w), 0) << w;
  }
}

TEST(LexiconTest, TimeUnitWordsEndTimePhrases) {
  for (const char* w : {"day", "week", "weekend", "night"}) EXPECT_TRUE(IsTimeUnitWord(w)) << w;
  // Lower-cased words only; weekdays and months are names of their own.
  for (const char* w : {"Week", "days", "tuesday", "march", "minister"}) EXPECT_FALSE(IsTimeUnitWord(w)) << w;
}

}  // namespace
}  // namespace claims::extractor
