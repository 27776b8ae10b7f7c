#include "query_service/speaker_directory.h"

#include "gtest/gtest.h"

namespace claims::query {
namespace {

v1::Speaker Person(const std::string& name, const std::string& role = "") {
  v1::Speaker s;
  s.set_canonical_name(name);
  std::string id;
  for (char c : name) id.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  s.set_speaker_id(id);
  s.set_type(v1::SPEAKER_TYPE_PERSON);
  s.set_role(role);
  return s;
}

std::string Resolve(SpeakerDirectory& directory, v1::Speaker s) {
  directory.Resolve(&s);
  return s.speaker_id();
}

TEST(RoleKeyTest, Normalises) {
  EXPECT_EQ(RoleKey("U.S. Secretary-General"), "us secretary general");
  EXPECT_EQ(RoleKey("the Finance Minister"), "finance minister");
}

TEST(SpeakerDirectoryTest, SpellingVariantsAreOneSpeaker) {
  SpeakerDirectory d;
  EXPECT_EQ(Resolve(d, Person("Sergey Volkov", "Foreign Minister")), "sergey-volkov");
  v1::Speaker variant = Person("Sergei Volkov");
  d.Resolve(&variant);
  EXPECT_EQ(variant.speaker_id(), "sergey-volkov");
  EXPECT_EQ(variant.canonical_name(), "Sergey Volkov");
  EXPECT_EQ(Resolve(d, Person("Anthony Marsh")), "anthony-marsh");
  EXPECT_EQ(Resolve(d, Person("Antony Marsh")), "anthony-marsh");
  // The extractor's own id stays usable.
  EXPECT_EQ(d.Canonical("sergei-volkov"), "sergey-volkov");
  EXPECT_EQ(d.Canonical("unknown-id"), "unknown-id");
  const std::vector<std::string> aliases = d.Aliases("sergey-volkov");
  EXPECT_EQ(aliases.size(), 2u);
}

TEST(SpeakerDirectoryTest, DifferentGivenNamesStayApart) {
  SpeakerDirectory d;
  EXPECT_EQ(Resolve(d, Person("Jan Kowal")), "jan-kowal");
  EXPECT_EQ(Resolve(d, Person("Jon Kowal")), "jon-kowal");
  EXPECT_EQ(d.size(), 2u);
}

TEST(SpeakerDirectoryTest, SurnameAloneJoinsTheOnlyPersonWithIt) {
  SpeakerDirectory d;
  Resolve(d, Person("Ines Harrow", "Mayor"));
  v1::Speaker surname = Person("Harrow");
  d.Resolve(&surname);
  EXPECT_EQ(surname.speaker_id(), "ines-harrow");
  EXPECT_EQ(surname.canonical_name(), "Ines Harrow");
}

TEST(SpeakerDirectoryTest, SharedSurnameNeedsARoleToDecide) {
  SpeakerDirectory d;
  Resolve(d, Person("Karl Brandt", "Finance Minister"));
  Resolve(d, Person("Tomasz Brandt", "union leader"));
  EXPECT_EQ(Resolve(d, Person("Brandt", "finance minister")), "karl-brandt");
  EXPECT_EQ(Resolve(d, Person("Brandt", "Union Leader")), "tomasz-brandt");
  // Nothing decides: neither of them.
  const std::string alone = Resolve(d, Person("Brandt"));
  EXPECT_NE(alone, "karl-brandt");
  EXPECT_NE(alone, "tomasz-brandt");
}

TEST(SpeakerDirectoryTest, RepeatsOfASurnameFollowWhoIsKnownNow) {
  SpeakerDirectory d;
  Resolve(d, Person("Karl Brandt", "Finance Minister"));
  EXPECT_EQ(Resolve(d, Person("Brandt")), "karl-brandt");
  EXPECT_EQ(Resolve(d, Person("Brandt")), "karl-brandt");
  // A second Brandt: the same mention no longer decides between them.
  Resolve(d, Person("Tomasz Brandt", "union leader"));
  const std::string later = Resolve(d, Person("Brandt"));
  EXPECT_NE(later, "karl-brandt");
  EXPECT_NE(later, "tomasz-brandt");
  // Full names repeat as resolved the first time, roles and aliases kept.
  v1::Speaker again = Person("Karl Brandt", "Finance Minister");
  again.set_speaker_id("k-brandt");
  EXPECT_EQ(Resolve(d, again), "karl-brandt");
  EXPECT_EQ(Resolve(d, again), "karl-brandt");
  EXPECT_EQ(d.Canonical("k-brandt"), "karl-brandt");
}

TEST(SpeakerDirectoryTest, TitleAloneJoinsThePersonWithThatRole) {
  SpeakerDirectory d;
  Resolve(d, Person("Ines Harrow", "Interior Secretary of Valdora"));
  Resolve(d, Person("Paul Grey", "Harbour Master"));
  EXPECT_EQ(Resolve(d, Person("the Interior Secretary")), "ines-harrow");
  // Words no role has: a speaker of its own.
  EXPECT_EQ(Resolve(d, Person("the Treasury Secretary")), "the-treasury-secretary");
}

TEST(SpeakerDirectoryTest, OrganisationsMatchByName) {
  SpeakerDirectory d;
  v1::Speaker a;
  a.set_canonical_name("Defence Ministry");
  a.set_speaker_id("defence-ministry");
  a.set_type(v1::SPEAKER_TYPE_ORGANIZATION);
  v1::Speaker b = a;
  b.set_canonical_name("defence ministry");
  b.set_speaker_id("defence-ministry-2");
  d.Resolve(&a);
  d.Resolve(&b);
  EXPECT_EQ(a.speaker_id(), b.speaker_id());
  v1::Speaker none;
  d.Resolve(&none);
  EXPECT_TRUE(none.speaker_id().empty());
}

v1::Speaker Organisation(const std::string& name) {
  v1::Speaker s = Person(name);
  s.set_type(v1::SPEAKER_TYPE_ORGANIZATION);
  return s;
}

// A body's initials in one document and its name in another are one
// speaker, whichever comes first; initials two names share join neither,
// and a person's initials are no body's.
TEST(SpeakerDirectoryTest, OrganisationsByTheirInitials) {
  SpeakerDirectory d;
  const std::string cps = Resolve(d, Organisation("Crown Prosecution Service"));
  EXPECT_EQ(Resolve(d, Organisation("CPS")), cps);
  const std::string nhs = Resolve(d, Organisation("NHS"));  // initials first
  EXPECT_NE(nhs, cps);
  EXPECT_EQ(Resolve(d, Organisation("National Health Service")), nhs);
  EXPECT_EQ(Resolve(d, Organisation("NHS")), nhs);
  // Two bodies with one set of initials: the initials stay their own.
  const std::string pa = Resolve(d, Organisation("Port Authority Board"));
  const std::string pa2 = Resolve(d, Organisation("Police Authority Bureau"));
  EXPECT_NE(pa, pa2);
  const std::string pab = Resolve(d, Organisation("PAB"));
  EXPECT_NE(pab, pa);
  EXPECT_NE(pab, pa2);
  // A person named like the initials' words is no body.
  EXPECT_NE(Resolve(d, Person("CPS")), cps);
}

}  // namespace
}  // namespace claims::query
