#include "query_service/proto_wire.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protos/claims/v1/claim.pb.h"
#include "protos/claims/v1/query_service.pb.h"

namespace claims::query::wire {
namespace {

TEST(ProtoWireTest, WrittenFieldsParseAsTheMessage) {
  v1::SearchHit expected;
  expected.set_claim_id("c-\xC3\xA9t\xC3\xA9");
  expected.set_score(-3.25f);
  std::string bytes;
  AppendBytesField(1, expected.claim_id(), &bytes);
  AppendFloatField(2, expected.score(), &bytes);
  for (uint32_t start : {0u, 127u, 128u, 300u, 1u << 31}) {
    v1::Highlight* h = expected.add_highlights();
    h->set_start(start);
    h->set_end(start + 5);
    std::string highlight;
    AppendVarintField(1, h->start(), &highlight);
    AppendVarintField(2, h->end(), &highlight);
    AppendBytesField(3, highlight, &bytes);
  }
  v1::SearchHit parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(parsed.SerializeAsString(), expected.SerializeAsString());
  // Serialized in field order without defaults, the message is the same
  // bytes but for the zero start, which protobuf leaves out.
  EXPECT_EQ(bytes.size(), expected.SerializeAsString().size() + 2);
}

TEST(ProtoWireTest, LargeFieldNumbersAndValuesRoundTrip) {
  v1::Claim expected;
  expected.set_outlet_count(UINT32_MAX);
  expected.set_extractor_version(std::string(200, 'x'));  // a two-byte length
  std::string bytes;
  AppendVarintField(15, expected.outlet_count(), &bytes);
  AppendBytesField(13, expected.extractor_version(), &bytes);
  v1::Claim parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(parsed.outlet_count(), UINT32_MAX);
  EXPECT_EQ(parsed.extractor_version(), expected.extractor_version());
}

v1::Claim Sample() {
  v1::Claim c;
  c.set_claim_id("claim-1");
  c.set_kind(v1::CLAIM_KIND_DIRECT);
  c.set_text("Prices will fall.");
  c.mutable_span()->set_start(10);
  c.mutable_span()->set_end(27);
  c.mutable_speaker()->set_canonical_name("Ana Lima");
  c.set_confidence(0.75f);
  c.add_entities()->set_text("Lisbon");
  return c;
}

TEST(ProtoWireTest, ReadsLengthDelimitedFieldsPastOthers) {
  const std::string bytes = Sample().SerializeAsString();
  const uint32_t fields[] = {1, 4, 2};
  absl::string_view values[3] = {"unset", "unset", "unset"};
  ASSERT_TRUE(ReadBytesFields(bytes, fields, absl::MakeSpan(values)));
  EXPECT_EQ(values[0], "claim-1");
  EXPECT_EQ(values[1], "Prices will fall.");
  EXPECT_EQ(values[2], "unset");  // doc_id is absent
}

TEST(ProtoWireTest, TheLastOccurrenceWinsAsWhenParsing) {
  std::string bytes = Sample().SerializeAsString();
  AppendBytesField(1, "claim-2", &bytes);
  const uint32_t fields[] = {1};
  absl::string_view id;
  ASSERT_TRUE(ReadBytesFields(bytes, fields, absl::MakeSpan(&id, 1)));
  v1::Claim parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(id, "claim-2");
  EXPECT_EQ(parsed.claim_id(), "claim-2");
}

TEST(ProtoWireTest, RejectsDamagedMessages) {
  const std::string bytes = Sample().SerializeAsString();
  const uint32_t fields[] = {4};
  absl::string_view text;
  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    const absl::string_view prefix(bytes.data(), cut);
    v1::Claim parsed;
    // Where protobuf refuses a prefix, so does the reader.
    if (!parsed.ParseFromString(std::string(prefix))) {
      EXPECT_FALSE(ReadBytesFields(prefix, fields, absl::MakeSpan(&text, 1))) << "cut at " << cut;
    }
  }
  EXPECT_FALSE(ReadBytesFields(std::string("\x08", 1), fields, absl::MakeSpan(&text, 1)));  // varint missing
  EXPECT_FALSE(ReadBytesFields(std::string("\x00\x01", 2), fields, absl::MakeSpan(&text, 1)));  // field 0
  EXPECT_FALSE(ReadBytesFields("\x0b", fields, absl::MakeSpan(&text, 1)));  // a group
  EXPECT_FALSE(ReadBytesFields(std::string(11, '\xff'), fields, absl::MakeSpan(&text, 1)));  // varint too long
  EXPECT_TRUE(ReadBytesFields("", fields, absl::MakeSpan(&text, 1)));
}

}  // namespace
}  // namespace claims::query::wire
