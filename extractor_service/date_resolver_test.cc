#include "extractor_service/date_resolver.h"

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

TEST(DateResolverTest, FullDatesInNewsForms) {
  EXPECT_EQ(FindFullDate("Saturday, March 9th, 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("Published 07:54 IST, March 9th 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("on Jan. 4, 2023 in"), absl::CivilDay(2023, 1, 4));
  EXPECT_EQ(FindFullDate("9 March 2024"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("2024-03-09"), absl::CivilDay(2024, 3, 9));
  EXPECT_EQ(FindFullDate("February 30, 2024"), std::nullopt);
  EXPECT_EQ(FindFullDate("no date here"), std::nullopt);
}

TEST(DateResolverTest, AllNumericDates) {
  EXPECT_EQ(FindFullDate("Published: 21/11/2017"), absl::CivilDay(2017, 11, 21));
  EXPECT_EQ(FindFullDate("Updated 11/21/2017 09:40"), absl::CivilDay(2017, 11, 21));  // the month first: 21 > 12
  EXPECT_EQ(FindFullDate("03.04.2019"), absl::CivilDay(2019, 4, 3));                  // either: the day first
  EXPECT_EQ(FindFullDate("2019/04/03"), absl::CivilDay(2019, 4, 3));
  EXPECT_EQ(FindFullDate("21-11-2017"), absl::CivilDay(2017, 11, 21));
  // Not dates: a version, a fraction and a ratio, a thirteenth month.
  EXPECT_EQ(FindFullDate("release v1.2.2024"), std::nullopt);
  EXPECT_EQ(FindFullDate("1.2.3.2024"), std::nullopt);
  EXPECT_EQ(FindFullDate("a 3/4 share"), std::nullopt);
  EXPECT_EQ(FindFullDate("13/13/2017"), std::nullopt);
  EXPECT_EQ(LatestFullDate("from 02/01/2020 to 30/06/2020"), absl::CivilDay(2020, 6, 30));
}

TEST(DateResolverTest, RelativeToPublication) {
  const absl::CivilDay published(2024, 3, 9);  // a Saturday
  EXPECT_EQ(ResolveStatementDate("the mayor said on Wednesday", published), absl::CivilDay(2024, 3, 6));
  EXPECT_EQ(ResolveStatementDate("she said Saturday", published), published);
  EXPECT_EQ(ResolveStatementDate("told reporters on March 7", published), absl::CivilDay(2024, 3, 7));
  EXPECT_EQ(ResolveStatementDate("said on Dec. 30", published), absl::CivilDay(2023, 12, 30));
  EXPECT_EQ(ResolveStatementDate("said (7 March)", published), absl::CivilDay(2024, 3, 7));
  EXPECT_EQ(ResolveStatementDate("said yesterday", published), absl::CivilDay(2024, 3, 8));
  EXPECT_EQ(ResolveStatementDate("said last night", published), absl::CivilDay(2024, 3, 8));
  EXPECT_EQ(ResolveStatementDate("said this morning", published), published);
  EXPECT_EQ(ResolveStatementDate("said this week", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("said Wednesday's vote", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("he said", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("said on Wednesday", std::nullopt), std::nullopt);
  // A date written after the weekday decides.
  EXPECT_EQ(ResolveStatementDate("told reporters on Sunday, Feb. 4, that", published), absl::CivilDay(2024, 2, 4));
}

TEST(DateResolverTest, WithoutPublicationDateWeekdaysFollowTheLatestPrintedDate) {
  const std::string text = "Officials met on Feb. 2, 2026. On Wednesday the envoy said talks would resume.";
  DateContext context;
  context.anchor = LatestFullDate(text);
  ASSERT_EQ(context.anchor, absl::CivilDay(2026, 2, 2));  // a Monday
  EXPECT_EQ(ResolveStatementDate("the envoy said on Wednesday", context), absl::CivilDay(2026, 2, 4));
  EXPECT_EQ(ResolveStatementDate("she told reporters on Feb. 1", context), absl::CivilDay(2026, 2, 1));
  EXPECT_EQ(LatestFullDate("March 3, 2021 and then January 9, 2022 but not 2023-13-01"),
            absl::CivilDay(2022, 1, 9));
  EXPECT_EQ(LatestFullDate("no dates"), std::nullopt);
}

TEST(DateResolverTest, DaysRelativeToTheLastMentionedDay) {
  DateContext context;
  context.published = absl::CivilDay(2026, 5, 9);
  context.last_mentioned = absl::CivilDay(2026, 5, 7);
  EXPECT_EQ(ResolveStatementDate("The previous day the mayor said", context), absl::CivilDay(2026, 5, 6));
  EXPECT_EQ(ResolveStatementDate("the day before, she told the council", context), absl::CivilDay(2026, 5, 6));
  EXPECT_EQ(ResolveStatementDate("the next day he added", context), absl::CivilDay(2026, 5, 8));
  EXPECT_EQ(ResolveStatementDate("a day later he added", context), absl::CivilDay(2026, 5, 8));
  EXPECT_EQ(ResolveStatementDate("every day he said", context), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("Shortly after the vote, the mayor said", context), absl::CivilDay(2026, 5, 7));
  EXPECT_EQ(ResolveStatementDate("Hours later, she told reporters", context), absl::CivilDay(2026, 5, 7));
  EXPECT_EQ(ResolveStatementDate("later that day the minister added", context), absl::CivilDay(2026, 5, 7));
  EXPECT_EQ(ResolveStatementDate("on the same day the union said", context), absl::CivilDay(2026, 5, 7));
  EXPECT_EQ(ResolveStatementDate("Afterwards, Ek said", context), absl::CivilDay(2026, 5, 7));
  context.last_mentioned.reset();
  EXPECT_EQ(ResolveStatementDate("The previous day the mayor said", context), std::nullopt);
}

// Without a last day given, the lookup is asked once, and only by a clause
// whose words count from the last day mentioned.
// "last Tuesday" in a Tuesday's paper is the Tuesday before; "on Tuesday"
// is the day itself; "last Monday" is the day before.
TEST(DateResolverTest, LastWeekdayOnThatWeekday) {
  const absl::CivilDay tuesday(2024, 3, 5);
  EXPECT_EQ(ResolveStatementDate("Hale said last Tuesday that", tuesday), absl::CivilDay(2024, 2, 27));
  EXPECT_EQ(ResolveStatementDate("Hale said on Tuesday that", tuesday), tuesday);
  EXPECT_EQ(ResolveStatementDate("Hale said last Monday that", tuesday), absl::CivilDay(2024, 3, 4));
}

TEST(DateResolverTest, TheLastDayMentionedIsLookedUpOnlyWhenNeeded) {
  DateContext context;
  context.published = absl::CivilDay(2026, 5, 9);
  int asked = 0;
  context.last_mentioned_lookup = [&asked]() -> std::optional<absl::CivilDay> {
    ++asked;
    return absl::CivilDay(2026, 5, 4);
  };
  EXPECT_EQ(ResolveStatementDate("the mayor said on Wednesday", context), absl::CivilDay(2026, 5, 6));
  EXPECT_EQ(ResolveStatementDate("the mayor said", context), std::nullopt);
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(ResolveStatementDate("the next day, and the day after, the mayor said", context),
            absl::CivilDay(2026, 5, 5));
  EXPECT_EQ(asked, 1);
  EXPECT_EQ(ResolveStatementDate("two days later the mayor said", context), absl::CivilDay(2026, 5, 6));
  EXPECT_EQ(asked, 2);
}

TEST(DateResolverTest, AWeekdaysEventDatesTheStatement) {
  const absl::CivilDay published(2026, 4, 2);  // a Thursday
  EXPECT_EQ(ResolveStatementDate("Adams told Tuesday's meeting that", published), absl::CivilDay(2026, 3, 31));
  EXPECT_EQ(ResolveStatementDate("Adams said Wednesday's answer was", published), std::nullopt);
}

TEST(DateResolverTest, ANameIsNoDay) {
  const absl::CivilDay published(2026, 2, 12);
  EXPECT_EQ(ResolveStatementDate("Street told the BBC's Today programme", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("Today, the minister said", published), published);
  EXPECT_EQ(ResolveStatementDate("the minister said today", published), published);
  // A weekday opening a title ("the Sunday Herald") is no day either; "the
  // Sunday before" still is.
  EXPECT_EQ(ResolveStatementDate("Holm told the Sunday Herald's podcast", published), std::nullopt);
  EXPECT_EQ(ResolveStatementDate("Holm said on the Sunday before the vote", published),
            absl::CivilDay(2026, 2, 8));
}

TEST(DateResolverTest, CountsOfDaysAndWeeks) {
  DateContext context;
  context.published = absl::CivilDay(2026, 5, 29);
  context.last_mentioned = absl::CivilDay(2026, 5, 7);
  EXPECT_EQ(ResolveStatementDate("Two days later, she said", context), absl::CivilDay(2026, 5, 9));
  EXPECT_EQ(ResolveStatementDate("three days earlier the mayor had said", context), absl::CivilDay(2026, 5, 4));
  EXPECT_EQ(ResolveStatementDate("A week later, it said", context), absl::CivilDay(2026, 5, 14));
  EXPECT_EQ(ResolveStatementDate("two weeks later the union said", context), absl::CivilDay(2026, 5, 21));
  EXPECT_EQ(ResolveStatementDate("Three days ago, Lima said", context), absl::CivilDay(2026, 5, 26));
  // A count that dates nothing.
  EXPECT_EQ(ResolveStatementDate("the strike lasted two weeks, he said", context), std::nullopt);
  context.last_mentioned.reset();
  EXPECT_EQ(ResolveStatementDate("Two days later, she said", context), std::nullopt);
}

// A period longer than a day is a time of the statement's own, though it
// fixes no day.
TEST(DateResolverTest, PeriodsLongerThanADay) {
  for (const char* c : {"Berg said earlier this month that", "said last week", "told reporters in March that",
                        "has said in recent weeks", "said recently", "said in March 2024"}) {
    EXPECT_TRUE(NamesAPeriod(c)) << c;
  }
  for (const char* c : {"Berg said on Tuesday that", "said", "told the March rally", "said in a statement"}) {
    EXPECT_FALSE(NamesAPeriod(c)) << c;
  }
}

}  // namespace
}  // namespace claims::extractor
