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

}  // namespace
}  // namespace claims
