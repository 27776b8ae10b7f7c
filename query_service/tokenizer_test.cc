#include "query_service/tokenizer.h"

#include "gtest/gtest.h"

namespace claims::query {
namespace {

using V = std::vector<std::string>;

TEST(TokenizerTest, FoldsSplitsAndHandlesApostrophes) {
  EXPECT_EQ(Tokenize("The Mayor's plan won't DE-ESCALATE Zürich"),
            (V{"the", "mayor", "plan", "wont", "de", "escalate", "zurich"}));
  EXPECT_EQ(Tokenize("Russia\xE2\x80\x99s 100,000 troops"), (V{"russia", "100", "000", "troops"}));
  EXPECT_TRUE(Tokenize("  -- ,, ").empty());
}

}  // namespace
}  // namespace claims::query
