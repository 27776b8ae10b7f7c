#include "query_service/claim_codec.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "query_service/proto_wire.h"

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

TEST(ClaimCodecTest, RoundTripsAndShrinksRecordsWithEitherEffort) {
  const std::vector<std::string> samples = Records(12000, 1);
  absl::StatusOr<std::shared_ptr<const ClaimCodec>> codec = ClaimCodec::Train(samples);
  ASSERT_TRUE(codec.ok()) << codec.status();
  size_t raw = 0, fast = 0, tight = 0;
  std::string block, back;
  for (const std::string& record : Records(500, 2)) {  // records it was not trained on
    raw += record.size();
    for (const ClaimCodec::Effort effort : {ClaimCodec::Effort::kFast, ClaimCodec::Effort::kTight}) {
      block.clear();
      (*codec)->Compress(record, effort, &block);
      ASSERT_TRUE((*codec)->Decompress(block, &back));
      EXPECT_EQ(back, record);
      (effort == ClaimCodec::Effort::kFast ? fast : tight) += block.size();
    }
  }
  EXPECT_LT(fast * 2, raw);
  // The high-compression parser finds longer matches in the dictionary.
  EXPECT_LT(tight, fast);
  EXPECT_GT((*codec)->MemoryBytes(), ClaimCodec::kDictionaryBytes / 2);
}

TEST(ClaimCodecTest, CompressAppendsAndEmptyRecordsRoundTrip) {
  auto codec = ClaimCodec::Train(Records(12000, 3));
  ASSERT_TRUE(codec.ok());
  for (const ClaimCodec::Effort effort : {ClaimCodec::Effort::kFast, ClaimCodec::Effort::kTight}) {
    std::string out = "prefix";
    (*codec)->Compress("", effort, &out);
    ASSERT_GT(out.size(), 6u);
    EXPECT_EQ(out.substr(0, 6), "prefix");
    std::string back = "stale";
    ASSERT_TRUE((*codec)->Decompress(absl::string_view(out).substr(6), &back));
    EXPECT_EQ(back, "");
  }
}

TEST(ClaimCodecTest, DamagedBlocksAreReportedNotTrusted) {
  auto codec = ClaimCodec::Train(Records(12000, 4));
  ASSERT_TRUE(codec.ok());
  const std::string record = Records(1, 5)[0];
  std::string block;
  (*codec)->Compress(record, ClaimCodec::Effort::kTight, &block);
  std::string back;
  EXPECT_FALSE((*codec)->Decompress(block.substr(0, block.size() / 2), &back));
  EXPECT_FALSE((*codec)->Decompress("not a block at all", &back));
  EXPECT_FALSE((*codec)->Decompress("", &back));
  // Blocks declaring one byte more, or one less, than they hold (the
  // record's length comes first, as a varint).
  const char* at = block.data();
  uint64_t size = 0;
  ASSERT_TRUE(wire::ReadVarint(&at, block.data() + block.size(), &size));
  ASSERT_EQ(size, record.size());
  const absl::string_view lz4_block(at, block.data() + block.size() - at);
  for (const uint64_t declared : {size + 1, size - 1}) {
    std::string wrong;
    wire::AppendVarint(declared, &wrong);
    wrong.append(lz4_block.data(), lz4_block.size());
    EXPECT_FALSE((*codec)->Decompress(wrong, &back)) << declared;
  }
  ASSERT_TRUE((*codec)->Decompress(block, &back));
  EXPECT_EQ(back, record);
}

TEST(ClaimCodecTest, TooFewSamplesAreRefused) {
  EXPECT_EQ(ClaimCodec::Train(Records(10, 6)).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(ClaimCodecTest, WithoutACodecBytesAreStoredAsTheyAre) {
  std::string out = "a";
  Encode(nullptr, ClaimCodec::Effort::kTight, "record", &out);
  EXPECT_EQ(out, "arecord");
  std::string back;
  ASSERT_TRUE(Decode(nullptr, "record", &back));
  EXPECT_EQ(back, "record");
}

}  // namespace
}  // namespace claims::query
