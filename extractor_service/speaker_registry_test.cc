#include "extractor_service/speaker_registry.h"

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

// A mention of `kind` by `name`, described by `role`.
SpeakerMention Mention(MentionKind kind, const std::string& name, const std::string& role) {
  SpeakerMention m;
  m.kind = kind;
  m.name = name;
  m.role = role;
  return m;
}

SpeakerMention Name(const std::string& name, const std::string& role = "") {
  return Mention(MentionKind::kName, name, role);
}

SpeakerMention Pronoun(char p) {
  SpeakerMention m;
  m.kind = MentionKind::kPronoun;
  m.pronoun = p;
  return m;
}

TEST(SpeakerRegistryTest, NameMatching) {
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Katarina Novak", "Novak"));
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Katarina Novak", "Katharina Novak"));
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Dmitri Orlov", "Dmitry Orlov"));
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("José Núñez", "Jose Nunez"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Katarina Novak", "Petra Novak"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Katarina Novak", "Katarina Horvat"));
  // A surname inside a longer name, used alone; not a given name, a
  // particle or the middle of two words.
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Luiz Inácio Lula da Silva", "Lula"));
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Andrés Manuel López Obrador", "López"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("John Paul Jones", "Paul"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Maria van der Berg", "van"));
  // A surname of two words, and one written without its article.
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Andrés Manuel López Obrador", "López Obrador"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Andrés Manuel López Obrador", "Manuel Obrador"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Maria Ana Soto", "Ana Soto"));  // a given name
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Abdel Fattah al-Sisi", "Sisi"));
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Abdel Fattah al-Sisi", "el-Sisi"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Abdel Fattah al-Sisi", "Sissi Lind"));
  // Surnames spelled two ways (common/names.h).
  EXPECT_TRUE(SpeakerRegistry::NamesMatch("Volodymyr Zelenskyy", "Zelensky"));
  EXPECT_FALSE(SpeakerRegistry::NamesMatch("Jan Berg", "Jan Borg"));
}

TEST(SpeakerRegistryTest, SurnamesPronounsAndTitlesResolve) {
  SpeakerRegistry r;
  const int novak = r.Resolve(Name("Katarina Novak", "Foreign Minister"));
  const int org = r.Resolve(SpeakerMention{{}, MentionKind::kOrganization, "Port Authority", "", 0});
  EXPECT_NE(novak, org);
  EXPECT_EQ(r.Resolve(Pronoun('f')), novak);
  EXPECT_EQ(r.Resolve(Name("Novak")), novak);
  EXPECT_EQ(r.Resolve(Name("Katharina Novak")), novak);
  EXPECT_EQ(r.entry(novak).canonical, "Katarina Novak");
  EXPECT_EQ(r.entry(novak).variants.size(), 3u);
  const int other = r.Resolve(Name("Ivan Horvat", "Defence Minister"));
  EXPECT_NE(other, novak);
  SpeakerMention title;
  title.kind = MentionKind::kTitle;
  title.name = title.role = "foreign minister";
  EXPECT_EQ(r.Resolve(title), novak);
  // "a foreign ministry official": someone else, not the named minister.
  SpeakerMention unnamed = title;
  unnamed.indefinite = true;
  EXPECT_NE(r.Resolve(unnamed), novak);
}

TEST(SpeakerRegistryTest, UnnamedSpokespeopleSpeakForTheirOrganisation) {
  SpeakerRegistry r;
  auto title = [](const std::string& name, char gender) {
    SpeakerMention m;
    m.kind = MentionKind::kTitle;
    m.name = name;
    m.role = name;
    m.gender = gender;
    return m;
  };
  const int ministry = r.Resolve(title("spokeswoman for the Interior Ministry", 'f'));
  ASSERT_GE(ministry, 0);
  EXPECT_EQ(r.entry(ministry).canonical, "Interior Ministry");
  EXPECT_EQ(r.entry(ministry).type, v1::SPEAKER_TYPE_ORGANIZATION);
  EXPECT_EQ(r.Resolve(Pronoun('f')), ministry);  // "she added"
  EXPECT_EQ(r.entry(r.Resolve(title("Velotek spokesman", 'm'))).canonical, "Velotek");
  // No organisation named: the title stays the speaker.
  EXPECT_EQ(r.entry(r.Resolve(title("port spokeswoman", 'f'))).canonical, "port spokeswoman");
  // A bare spokesperson right after an organisation spoke is its own; after
  // a person, the title stays the speaker.
  const int union_ = r.Resolve(SpeakerMention{{}, MentionKind::kOrganization, "Dock Workers Union", "", 0});
  EXPECT_EQ(r.Resolve(title("spokeswoman", 'f')), union_);
  r.Resolve(Name("Ana Lima"));
  EXPECT_EQ(r.entry(r.Resolve(title("spokesman", 'm'))).canonical, "spokesman");
}

SpeakerMention Body(const std::string& name, const std::string& role = "") {
  return Mention(MentionKind::kOrganization, name, role);
}

// A name first read as a person's ("NorthGrid said", "Nordic Silicon
// reported") is a body once the text describes it as one ("Energy company
// NorthGrid") or calls it "the company"; a full name stays a person's.
TEST(SpeakerRegistryTest, ANameTheTextLaterCallsABodyIsOne) {
  SpeakerRegistry r;
  const int northgrid = r.Resolve(Name("NorthGrid"));
  ASSERT_GE(northgrid, 0);
  EXPECT_EQ(r.entry(northgrid).type, v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(r.Resolve(Body("NorthGrid", "energy company")), northgrid);
  EXPECT_EQ(r.entry(northgrid).type, v1::SPEAKER_TYPE_ORGANIZATION);
  const int person = r.Resolve(Name("Ana Lima"));
  r.Resolve(Body("Ana Lima", "energy company"));
  EXPECT_EQ(r.entry(person).type, v1::SPEAKER_TYPE_PERSON);
  // Two words where no given name opens them ("chipmaker Baltic Wafer").
  const int wafer = r.Resolve(Name("Baltic Wafer"));
  EXPECT_EQ(r.Resolve(Body("Baltic Wafer", "chipmaker")), wafer);
  EXPECT_EQ(r.entry(wafer).type, v1::SPEAKER_TYPE_ORGANIZATION);
  // "the company" for the business last spoken of.
  SpeakerRegistry later;
  const int silicon = later.Resolve(Name("Nordic Silicon"));
  ASSERT_GE(silicon, 0);
  EXPECT_EQ(later.entry(silicon).type, v1::SPEAKER_TYPE_PERSON);
  EXPECT_EQ(later.Resolve(Body("the company")), silicon);
  EXPECT_EQ(later.entry(silicon).type, v1::SPEAKER_TYPE_ORGANIZATION);
}

TEST(SpeakerRegistryTest, FamilyNameFirst) {
  SpeakerRegistry r;
  const int mao = r.Resolve(Name("Mao Ning", "spokesperson"));
  EXPECT_EQ(r.Resolve(Name("Mao")), mao);
  // Three words ("Yoon Suk Yeol" ... "Yoon"); "Wang" is a family name.
  const int yoon = r.Resolve(Name("Yoon Suk Yeol", "president"));
  EXPECT_EQ(r.Resolve(Name("Yoon")), yoon);
  const int wang = r.Resolve(Name("Wang Yi", "foreign minister"));
  EXPECT_EQ(r.Resolve(Name("Wang")), wang);
  // A known given name alone is not taken for a family name.
  const int anna = r.Resolve(Name("Anna Berg"));
  EXPECT_NE(r.Resolve(Name("Anna")), anna);
}

TEST(SpeakerRegistryTest, PronounWithoutAntecedent) {
  SpeakerRegistry r;
  EXPECT_EQ(r.Resolve(Pronoun('m')), -1);
  EXPECT_EQ(r.Resolve(Pronoun('u')), -1);
}

// "they" is the last organisation or group spoken of, never one person.
TEST(SpeakerRegistryTest, TheyIsNeverOnePerson) {
  SpeakerRegistry r;
  const int board = r.Resolve(SpeakerMention{{}, MentionKind::kOrganization, "Port Board", "", 0});
  EXPECT_EQ(r.Resolve(Pronoun('p')), board);
  r.Resolve(Name("Ivan Horvat"));
  EXPECT_EQ(r.Resolve(Pronoun('p')), -1);
}

// An epithet ("the 54-year-old") is the person last spoken of, whatever
// their gender; it does not fix the gender.
TEST(SpeakerRegistryTest, EpithetsResolveToTheLastPerson) {
  SpeakerRegistry r;
  const int novak = r.Resolve(Name("Katarina Novak"));
  const int horvat = r.Resolve(Name("Ivan Horvat"));
  EXPECT_EQ(r.Resolve(Pronoun('u')), horvat);
  EXPECT_EQ(r.Resolve(Name("Novak")), novak);
  EXPECT_EQ(r.Resolve(Pronoun('u')), novak);
}

// "the striker", "the actress": a role holder if anyone holds it, else the
// person last spoken of whose gender fits, else someone new.
SpeakerMention Title(const std::string& noun, char gender = 0) {
  SpeakerMention m;
  m.kind = MentionKind::kTitle;
  m.name = "the " + noun;
  m.role = noun;
  m.gender = gender;
  return m;
}

SpeakerMention Org(const std::string& name) {
  SpeakerMention m;
  m.kind = MentionKind::kOrganization;
  m.name = name;
  return m;
}

// A body's initials are the body, whichever comes first; the full name is
// the canonical one. Initials that spell another name are another body.
TEST(SpeakerRegistryTest, InitialsOfAnOrganisation) {
  SpeakerRegistry r;
  const int cps = r.Resolve(Org("Crown Prosecution Service"));
  EXPECT_EQ(r.Resolve(Org("CPS")), cps);
  const int nhs = r.Resolve(Org("NHS"));
  EXPECT_NE(nhs, cps);
  EXPECT_EQ(r.Resolve(Org("National Health Service")), nhs);
  EXPECT_EQ(r.entry(nhs).canonical, "National Health Service");
  EXPECT_NE(r.Resolve(Org("NHT")), nhs);
  EXPECT_NE(r.Resolve(Org("Cps")), cps);  // not in capitals
  // A lower-case word other than "of", "the", "and", "for" or "on" makes
  // no initial: "Friends of the earth" is no "FE".
  const int friends = r.Resolve(Org("Friends of the earth"));
  EXPECT_NE(r.Resolve(Org("FE")), friends);
}

// "ex-governor" is a "former governor": a title named later in the text
// with "Former" finds the unnamed holder, and the other way round.
TEST(SpeakerRegistryTest, ExTitlesAreFormerOnes) {
  SpeakerRegistry r;
  const int unnamed = r.Resolve(Title("ex-governor"));
  EXPECT_EQ(r.Resolve(Name("Patricia Lane", "Former governor")), unnamed);
  EXPECT_EQ(r.entry(unnamed).canonical, "Patricia Lane");
  SpeakerRegistry other;
  const int brandt = other.Resolve(Name("Mike Brandt", "former mayor"));
  EXPECT_EQ(other.Resolve(Title("ex-mayor")), brandt);
  EXPECT_NE(other.Resolve(Title("ex-governor")), brandt);
}

TEST(SpeakerRegistryTest, EpithetNounsMeanAHolderOrTheLastPerson) {
  SpeakerRegistry r;
  const int doyle = r.Resolve(Name("Kenny Doyle", "Striker"));
  r.Resolve(Name("Pat Ryan", "Manager"));
  EXPECT_EQ(r.Resolve(Title("striker")), doyle);  // the role's holder, though not the last person
  const int berg = r.Resolve(Name("Anna Berg"));  // a woman, by her given name
  EXPECT_EQ(r.Resolve(Title("teenager")), berg);  // nobody's role: the last person
  const int actor = r.Resolve(Title("actor", 'm'));
  EXPECT_NE(actor, berg);  // the gender does not fit: someone new
  EXPECT_GE(actor, 0);
  // Not an epithet noun: a title nobody holds is someone new.
  EXPECT_NE(r.Resolve(Title("judge")), berg);
}

// A name with no known given name may be a business's ("Halden Foods"), so
// "the club" may mean it; named by the surname alone or by an epithet, it
// is a person's, and "the club" is a body of its own.
TEST(SpeakerRegistryTest, SurnamesAndEpithetsMarkPeopleNotBusinesses) {
  const SpeakerMention club{{}, MentionKind::kOrganization, "club", "", 0};
  {
    SpeakerRegistry r;
    const int halden = r.Resolve(Name("Halden Rovers"));
    EXPECT_EQ(r.Resolve(club), halden);
  }
  {
    SpeakerRegistry r;
    const int shaw = r.Resolve(Name("Mikey Shaw"));
    EXPECT_EQ(r.Resolve(Name("Shaw")), shaw);
    EXPECT_NE(r.Resolve(club), shaw);
  }
  {
    SpeakerRegistry r;
    const int okoro = r.Resolve(Name("Dapo Okoro"));
    EXPECT_EQ(r.Resolve(Pronoun('u')), okoro);
    EXPECT_NE(r.Resolve(club), okoro);
  }
}

// A pronoun whose gender the given name of someone named in passing has
// goes to them rather than to someone spoken of whose gender is unknown.
TEST(SpeakerRegistryTest, AGenderedNameInPassingBeatsAnUnknownGender) {
  SpeakerRegistry r;
  const int van_dijk = r.Resolve(Name("Xandor Van Dijk"));
  r.NoteNamedInPassing(Name("Rhea Suri"));
  const int she = r.Resolve(Pronoun('f'));
  EXPECT_NE(she, van_dijk);
  ASSERT_GE(she, 0);
  EXPECT_EQ(r.entry(she).canonical, "Rhea Suri");
  // Without a gendered name in passing, the person spoken of.
  SpeakerRegistry q;
  const int lind = q.Resolve(Name("Xandor Lind"));
  q.NoteNamedInPassing(Name("Quorra Tal"));
  EXPECT_EQ(q.Resolve(Pronoun('f')), lind);
}

}  // namespace
}  // namespace claims::extractor
