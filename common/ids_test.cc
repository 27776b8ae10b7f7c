#include "common/ids.h"

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(IdsTest, DocumentIdIsStableAndContentDerived) {
  EXPECT_EQ(DocumentIdForContent("hello"), DocumentIdForContent("hello"));
  EXPECT_NE(DocumentIdForContent("hello"), DocumentIdForContent("hello!"));
  EXPECT_EQ(DocumentIdForContent("hello").size(), 4u + 16u);
  // XXH3-64 is a published function: its value for "" is fixed by the spec.
  EXPECT_EQ(StableHash64(""), 0x2D06800538D394C2ull);
}

TEST(IdsTest, ClaimIdDependsOnEveryField) {
  const std::string base = ClaimId("doc-1", 1, 10, 20);
  EXPECT_EQ(base, ClaimId("doc-1", 1, 10, 20));
  EXPECT_NE(base, ClaimId("doc-2", 1, 10, 20));
  EXPECT_NE(base, ClaimId("doc-1", 2, 10, 20));
  EXPECT_NE(base, ClaimId("doc-1", 1, 11, 20));
  EXPECT_NE(base, ClaimId("doc-1", 1, 10, 21));
  EXPECT_EQ(base.rfind("c-", 0), 0u);
}

TEST(IdsTest, SpeakerSlug) {
  EXPECT_EQ(SpeakerIdForName("Jane Q. Doe"), "jane-q-doe");
  EXPECT_EQ(SpeakerIdForName("José Núñez-García"), "jose-nunez-garcia");
  EXPECT_EQ(SpeakerIdForName("Ministry of Finance"), "ministry-of-finance");
  EXPECT_EQ(SpeakerIdForName("O'Neil"), "oneil");
  EXPECT_EQ(SpeakerIdForName(""), "");
}

}  // namespace
}  // namespace claims
