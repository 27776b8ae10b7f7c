#include "extractor_service/text_normalizer.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::extractor {
namespace {

using Direction = QuoteMark::Direction;

TEST(TextNormalizerTest, QuoteVariantsBecomeAsciiWithDirections) {
  const std::string raw = "\xE2\x80\x9C" "Hi" "\xE2\x80\x9D" " \xC2\xAB" "a" "\xC2\xBB" " \xE2\x80\x98" "b" "\xE2\x80\x99" " \"c\" won" "\xE2\x80\x99" "t";
  NormalizedText n = Normalize(raw);
  EXPECT_EQ(n.text(), "\"Hi\" \"a\" 'b' \"c\" won't");
  ASSERT_EQ(n.marks().size(), 9u);
  EXPECT_EQ(n.marks()[0].direction, Direction::kOpen);
  EXPECT_EQ(n.marks()[1].direction, Direction::kClose);
  EXPECT_EQ(n.marks()[2].direction, Direction::kOpen);    // «
  EXPECT_EQ(n.marks()[4].symbol, '\'');
  EXPECT_EQ(n.marks()[6].direction, Direction::kAmbiguous);
  // The offset map points back at the raw characters.
  EXPECT_EQ(n.RawStart(1), 3u);   // 'H' after a 3-byte mark
  EXPECT_EQ(n.RawEnd(3), 5u);     // "Hi" ends at raw byte 5
  EXPECT_EQ(n.RawEnd(4), 8u);     // the closing mark spans raw 5..8
  EXPECT_EQ(n.RawStart(n.text().size()), raw.size());
}

TEST(TextNormalizerTest, DashesSpacesEntitiesAndLineBreaks) {
  NormalizedText n = Normalize("a\xE2\x80\x94" "b\xC2\xA0" "c\r\nd&amp;e&#8220;f&#x201D;\xE2\x80\xA6\xE2\x80\x8Bg");
  EXPECT_EQ(n.text(), "a - b c\nd&e\"f\"...g");
  EXPECT_EQ(n.marks().size(), 2u);
  EXPECT_EQ(n.marks()[0].direction, Direction::kOpen);
}

TEST(TextNormalizerTest, InvalidUtf8IsReplacedAndCounted) {
  const std::string raw = "ok \xC3\x28 \xFF";
  NormalizedText n = Normalize(raw);
  EXPECT_EQ(n.invalid_utf8_sequences(), 2u);
  EXPECT_EQ(n.text(), "ok \xEF\xBF\xBD( \xEF\xBF\xBD");
  EXPECT_EQ(n.RawStart(4), 3u);
  EXPECT_EQ(n.RawEnd(6), 4u);  // the replacement covers exactly one raw byte
}

TEST(TextNormalizerTest, EmptyAndUnknownEntities) {
  EXPECT_EQ(Normalize("").text(), "");
  EXPECT_EQ(Normalize("&bogus; & &#0; &#xZZ;").text(), "&bogus; & &#0; &#xZZ;");
}

}  // namespace
}  // namespace claims::extractor
