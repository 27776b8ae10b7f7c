#include "query_service/claim_codec.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace claims::query {
namespace {

// Records that share structure the way stored claims do: recurring field
// names and values around a varying sentence.
std::vector<std::string> Records(int count, int seed) {
  static const char* kWords[] = {"minister", "talks", "water", "budget", "harbour", "will", "not",
                                 "agree",    "the",   "plan",  "council", "said",    "port", "river"};
  std::vector<std::string> out;
  uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < count; ++i) {
    std::string r = absl::StrCat("claim_id=c-", i, ";speaker=Amara Diallo;outlet=Valley Courier;text=");
    for (int w = 0; w < 20; ++w) {
      x = x * 1103515245u + 12345u;
      absl::StrAppend(&r, kWords[(x >> 16) % 14], " ");
    }
    out.push_back(std::move(r));
  }
  return out;
}

TEST(ClaimCodecTest, RoundTripsAndShrinksRecords) {
  const std::vector<std::string> samples = Records(12000, 1);
  absl::StatusOr<std::shared_ptr<const ClaimCodec>> codec = ClaimCodec::Train(samples);
  ASSERT_TRUE(codec.ok()) << codec.status();
  size_t raw = 0, stored = 0;
  std::string frame, back;
  for (const std::string& record : Records(500, 2)) {  // records it was not trained on
    frame.clear();
    (*codec)->Compress(record, &frame);
    ASSERT_TRUE((*codec)->Decompress(frame, &back));
    EXPECT_EQ(back, record);
    raw += record.size();
    stored += frame.size();
  }
  EXPECT_LT(stored * 2, raw);
  EXPECT_GT((*codec)->MemoryBytes(), 0u);
}

TEST(ClaimCodecTest, CompressAppendsAndEmptyRecordsRoundTrip) {
  auto codec = ClaimCodec::Train(Records(12000, 3));
  ASSERT_TRUE(codec.ok());
  std::string out = "prefix";
  (*codec)->Compress("", &out);
  ASSERT_GT(out.size(), 6u);
  EXPECT_EQ(out.substr(0, 6), "prefix");
  std::string back = "stale";
  ASSERT_TRUE((*codec)->Decompress(absl::string_view(out).substr(6), &back));
  EXPECT_EQ(back, "");
}

TEST(ClaimCodecTest, DamagedFramesAreReportedNotTrusted) {
  auto codec = ClaimCodec::Train(Records(12000, 4));
  ASSERT_TRUE(codec.ok());
  std::string frame;
  (*codec)->Compress(Records(1, 5)[0], &frame);
  std::string back;
  EXPECT_FALSE((*codec)->Decompress(frame.substr(0, frame.size() / 2), &back));
  EXPECT_FALSE((*codec)->Decompress("not a frame at all", &back));
}

TEST(ClaimCodecTest, TooFewSamplesAreRefused) {
  EXPECT_EQ(ClaimCodec::Train(Records(10, 6)).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(ClaimCodecTest, WithoutACodecBytesAreStoredAsTheyAre) {
  std::string out = "a";
  Encode(nullptr, "record", &out);
  EXPECT_EQ(out, "arecord");
  std::string back;
  ASSERT_TRUE(Decode(nullptr, "record", &back));
  EXPECT_EQ(back, "record");
}

}  // namespace
}  // namespace claims::query
