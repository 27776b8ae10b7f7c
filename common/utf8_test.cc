#include "common/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(Utf8Test, DecodesMultibyteAndRejectsInvalid) {
  const std::string text = "a\xE2\x80\x9C\xF0\x9F\x98\x80\xC3\x28\xED\xA0\x80";
  char32_t cp;
  bool valid;
  EXPECT_EQ(DecodeUtf8(text, 0, &cp, &valid), 1u);
  EXPECT_EQ(cp, U'a');
  EXPECT_EQ(DecodeUtf8(text, 1, &cp, &valid), 3u);
  EXPECT_EQ(cp, 0x201Cu);
  EXPECT_TRUE(valid);
  EXPECT_EQ(DecodeUtf8(text, 4, &cp, &valid), 4u);
  EXPECT_EQ(cp, 0x1F600u);
  // 0xC3 followed by '(' is a broken two-byte sequence.
  EXPECT_EQ(DecodeUtf8(text, 8, &cp, &valid), 1u);
  EXPECT_FALSE(valid);
  EXPECT_EQ(cp, kReplacementChar);
  // An encoded surrogate is invalid.
  EXPECT_EQ(DecodeUtf8(text, 10, &cp, &valid), 1u);
  EXPECT_FALSE(valid);
  // Overlong encoding of '/'.
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &cp, &valid), 1u);
  EXPECT_FALSE(valid);
  // Truncated at the end of input.
  EXPECT_EQ(DecodeUtf8("\xE2\x80", 0, &cp, &valid), 1u);
  EXPECT_FALSE(valid);
}

TEST(Utf8Test, EncodeRoundTrips) {
  for (char32_t cp : {U'x', char32_t{0xE9}, char32_t{0x201D}, char32_t{0x1F600}}) {
    std::string s;
    AppendUtf8(cp, &s);
    char32_t back;
    bool valid;
    EXPECT_EQ(DecodeUtf8(s, 0, &back, &valid), s.size());
    EXPECT_TRUE(valid);
    EXPECT_EQ(back, cp);
  }
}

TEST(Utf8Test, UppercaseInitialInAnyScript) {
  EXPECT_TRUE(StartsWithUppercase("Ana"));
  EXPECT_TRUE(StartsWithUppercase("\xC5\x81ukasz"));  // Łukasz
  EXPECT_TRUE(StartsWithUppercase("\xC3\x89milie"));  // Émilie
  EXPECT_TRUE(StartsWithUppercase("\xC3\x98ystein"));  // Øystein
  EXPECT_FALSE(StartsWithUppercase("\xC3\xA9milie"));  // émilie
  EXPECT_FALSE(StartsWithUppercase("ana"));
  EXPECT_FALSE(StartsWithUppercase(""));
  EXPECT_FALSE(StartsWithUppercase("\xFF"));
}

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Zelensky \xE2\x80\x94 Kyiv"));
  EXPECT_FALSE(IsValidUtf8("bad \xFF byte"));
  EXPECT_EQ(SanitizeUtf8("ok \xFF"), "ok \xEF\xBF\xBD");
  EXPECT_EQ(SanitizeUtf8("fine"), "fine");
}

TEST(Utf8Test, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldForMatching("ZELÉNSKYY"), "zelenskyy");
  EXPECT_EQ(FoldForMatching("Núñez Straße"), "nunez strasse");
  EXPECT_EQ(FoldForMatching("bad \xFF"), "bad \xEF\xBF\xBD");
}

}  // namespace
}  // namespace claims
