#include "extractor_service/mentions.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

struct Q {
  std::string text;
  double value;
  std::string unit;
};

std::vector<Q> Quantities(const std::string& text) {
  std::vector<Q> out;
  for (const FoundQuantity& q : FindQuantities(text, {0, static_cast<uint32_t>(text.size())})) {
    out.push_back({text.substr(q.range.start, q.range.size()), q.value, q.unit});
  }
  return out;
}

MATCHER_P3(IsQuantity, text, value, unit, "") {
  return arg.text == text && std::abs(arg.value - value) < 1e-6 * std::max(1.0, std::abs(static_cast<double>(value))) && arg.unit == unit;
}

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(QuantitiesTest, GroupingsDecimalsUnitsAndScales) {
  EXPECT_THAT(Quantities("some 100,000 troops and 1,00,000 rupees"),
              ElementsAre(IsQuantity("100,000 troops", 100000, "troops"),
                          IsQuantity("1,00,000 rupees", 100000, "rupees")));
  EXPECT_THAT(Quantities("a flow of 40 cubic metres per second"),
              ElementsAre(IsQuantity("40 cubic metres", 40, "cubic metres")));
  EXPECT_THAT(Quantities("inflation of 8.5 percent, or 3% a year"),
              ElementsAre(IsQuantity("8.5 percent", 8.5, "percent"), IsQuantity("3%", 3, "percent")));
  EXPECT_THAT(Quantities("costs of $2.5 billion and \xE2\x82\xAC" "40bn"),
              ElementsAre(IsQuantity("$2.5 billion", 2.5e9, "USD"), IsQuantity("\xE2\x82\xAC" "40bn", 40e9, "EUR")));
  EXPECT_THAT(Quantities("a river that feeds two million people"),
              ElementsAre(IsQuantity("two million people", 2e6, "people")));
  EXPECT_THAT(Quantities("8,500 American troops"), ElementsAre(IsQuantity("8,500", 8500, "")));
}

// A number word of two or more counts the plural noun after it; alone, or
// before a singular, it counts nothing.
TEST(QuantitiesTest, NumberWordsBeforeACountedPlural) {
  EXPECT_THAT(Quantities("two people were hurt and three new reactors will be built"),
              ElementsAre(IsQuantity("two people", 2, "people"), IsQuantity("three new reactors", 3, "reactors")));
  EXPECT_THAT(Quantities("two is enough, one man was hurt and ten were too many"), IsEmpty());
}

TEST(QuantitiesTest, AdjectivesBeforeTheCountedNoun) {
  EXPECT_THAT(Quantities("300 new buses and 40 additional armed officers"),
              ElementsAre(IsQuantity("300 new buses", 300, "buses"),
                          IsQuantity("40 additional armed officers", 40, "officers")));
  EXPECT_THAT(Quantities("12 national parks"), ElementsAre(IsQuantity("12 national parks", 12, "parks")));
  // A unit's own first word is no adjective to pass.
  EXPECT_THAT(Quantities("40 metric tonnes of grain"),
              ElementsAre(IsQuantity("40 metric tonnes", 40, "metric tonnes")));
  // An adjective with nothing after it counts itself.
  EXPECT_THAT(Quantities("at least 300 dead."), ElementsAre(IsQuantity("300 dead", 300, "dead")));
}

TEST(QuantitiesTest, DatesTimesYearsAndCodesAreNotQuantities) {
  EXPECT_THAT(Quantities("on Jan. 24, 2022 at 07:54"), IsEmpty());
  EXPECT_THAT(Quantities("on 12 March and in 1998"), IsEmpty());
  EXPECT_THAT(Quantities("the post-1997 border and the F-16 jets on the 24th"), IsEmpty());
}

struct E {
  std::string text;
  v1::EntityType type;
  std::string canonical;
};

std::vector<E> Entities(const std::string& text, const SpeakerRegistry* registry = nullptr) {
  std::vector<E> out;
  for (const FoundEntity& e : FindEntities(text, {0, static_cast<uint32_t>(text.size())}, registry)) {
    out.push_back({text.substr(e.range.start, e.range.size()), e.type, e.canonical_name});
  }
  return out;
}

MATCHER_P3(IsEntity, text, type, canonical, "") {
  return arg.text == text && arg.type == type && arg.canonical == canonical;
}

TEST(EntitiesTest, TypesPlacesGovernmentsOrganisationsAndPeople) {
  SpeakerRegistry registry;
  SpeakerMention mention;
  mention.name = "Ines Duarte";
  registry.Resolve(mention);
  EXPECT_THAT(
      Entities("We told Duarte that the Kremlin and the European Commission met in Oslo with Maria Lopez and NATO.",
               &registry),
      ElementsAre(IsEntity("Duarte", v1::ENTITY_TYPE_PERSON, "Ines Duarte"),
                  IsEntity("Kremlin", v1::ENTITY_TYPE_ORGANIZATION, "Kremlin"),
                  IsEntity("European Commission", v1::ENTITY_TYPE_ORGANIZATION, "European Commission"),
                  IsEntity("Oslo", v1::ENTITY_TYPE_LOCATION, "Oslo"),
                  IsEntity("Maria Lopez", v1::ENTITY_TYPE_PERSON, "Maria Lopez"),
                  IsEntity("NATO", v1::ENTITY_TYPE_ORGANIZATION, "NATO")));
}

// Capitals that name a measure, a tax or a disease are no organisation.
TEST(EntitiesTest, MeasuresInCapitalsAreNoOrganisations) {
  EXPECT_THAT(Entities("the deficit would fall to 2.4% of GDP while VAT and NATO spending rose"),
              ElementsAre(IsEntity("GDP", v1::ENTITY_TYPE_OTHER, "GDP"), IsEntity("VAT", v1::ENTITY_TYPE_OTHER, "VAT"),
                          IsEntity("NATO", v1::ENTITY_TYPE_ORGANIZATION, "NATO")));
}

TEST(EntitiesTest, TitlesAndAdjacentNamesSplit) {
  EXPECT_THAT(Entities("we spoke to Deputy Mayor Ines Duarte and the Port Authority Maria Lopez in Europe"),
              ElementsAre(IsEntity("Ines Duarte", v1::ENTITY_TYPE_PERSON, "Ines Duarte"),
                          IsEntity("Port Authority", v1::ENTITY_TYPE_ORGANIZATION, "Port Authority"),
                          IsEntity("Maria Lopez", v1::ENTITY_TYPE_PERSON, "Maria Lopez"),
                          IsEntity("Europe", v1::ENTITY_TYPE_LOCATION, "Europe")));
}

TEST(EntitiesTest, MultiWordNamesPossessivesAndSentenceStarts) {
  EXPECT_THAT(Entities("Nobody asked. Ukraine's border and the International Court of Justice in The Hague."),
              ElementsAre(IsEntity("Ukraine", v1::ENTITY_TYPE_LOCATION, "Ukraine"),
                          IsEntity("International Court of Justice", v1::ENTITY_TYPE_ORGANIZATION,
                                   "International Court of Justice"),
                          IsEntity("Hague", v1::ENTITY_TYPE_LOCATION, "Hague")));
}

// A name no lexicon knows after a preposition of place is a place; after
// "at" or "from", or elsewhere, it stays of no known type.
TEST(EntitiesTest, PlacesByTheirPreposition) {
  EXPECT_THAT(Entities("waits grew in England and near Tromsdal, while Veltra staff at Brightmoor wrote to Keswick"),
              ElementsAre(IsEntity("England", v1::ENTITY_TYPE_LOCATION, "England"),
                          IsEntity("Tromsdal", v1::ENTITY_TYPE_LOCATION, "Tromsdal"),
                          IsEntity("Veltra", v1::ENTITY_TYPE_OTHER, "Veltra"),
                          IsEntity("Brightmoor", v1::ENTITY_TYPE_OTHER, "Brightmoor"),
                          IsEntity("Keswick", v1::ENTITY_TYPE_OTHER, "Keswick")));
}

// Initials joined by an ampersand are one name ("AT&T", "S&P"), not a
// letter each.
TEST(EntitiesTest, InitialsJoinedByAnAmpersand) {
  EXPECT_THAT(Entities("analysts said AT&T and S&P were up"),
              ElementsAre(IsEntity("AT&T", v1::ENTITY_TYPE_OTHER, "AT&T"),
                          IsEntity("S&P", v1::ENTITY_TYPE_OTHER, "S&P")));
}

}  // namespace
}  // namespace claims::extractor
