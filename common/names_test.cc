#include "common/names.h"

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(NameSkeletonTest, TransliterationVariantsMeet) {
  EXPECT_EQ(NameSkeleton("anthony"), NameSkeleton("antony"));
  EXPECT_EQ(NameSkeleton("sergei"), NameSkeleton("sergey"));
  EXPECT_EQ(NameSkeleton("dmitry"), NameSkeleton("dmitriy"));
  EXPECT_EQ(NameSkeleton("oleksii"), NameSkeleton("oleksiy"));
  EXPECT_EQ(NameSkeleton("aleksandr"), NameSkeleton("alexandr"));
  EXPECT_EQ(NameSkeleton("zelenskyy"), NameSkeleton("zelensky"));
  EXPECT_NE(NameSkeleton("jan"), NameSkeleton("jon"));
  EXPECT_NE(NameSkeleton("karl"), NameSkeleton("carla"));
}

TEST(OrganisationInitialsTest, CapitalisedWordsPastLinkingWords) {
  EXPECT_EQ(OrganisationInitials("Crown Prosecution Service"), "CPS");
  EXPECT_EQ(OrganisationInitials("Royal College of Nursing"), "RCN");
  EXPECT_EQ(OrganisationInitials("Friends of the earth"), "");  // a word in lower case
  EXPECT_TRUE(WrittenAsInitials("NATO", 3));
  EXPECT_FALSE(WrittenAsInitials("UN", 3));
  EXPECT_TRUE(WrittenAsInitials("UN", 2));
  EXPECT_FALSE(WrittenAsInitials("Nato", 2));
  EXPECT_FALSE(WrittenAsInitials("ABCDEFG", 2));
}

}  // namespace
}  // namespace claims
