#include "common/grpc_status.h"

#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(GrpcStatusTest, KeepsCodeAndMessage) {
  grpc::Status s = ToGrpcStatus(absl::NotFoundError("no claim c-1"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "no claim c-1");
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_EQ(ToGrpcStatus(absl::DeadlineExceededError("x")).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST(GrpcStatusTest, CapsLongMessagesWithoutSplittingUtf8) {
  std::string message(kMaxGrpcErrorMessageBytes - 4, 'a');
  message += "\xE2\x80\x9C";  // a 3-byte character straddling the cut
  message += std::string(100, 'b');
  grpc::Status s = ToGrpcStatus(absl::InvalidArgumentError(message));
  EXPECT_LE(s.error_message().size(), kMaxGrpcErrorMessageBytes);
  EXPECT_EQ(s.error_message().substr(s.error_message().size() - 3), "...");
  EXPECT_EQ(s.error_message().find("\xE2"), std::string::npos);
}

TEST(GrpcStatusTest, RoundTrips) {
  absl::Status original = absl::UnavailableError("query service down");
  EXPECT_EQ(FromGrpcStatus(ToGrpcStatus(original)), original);
}

// A call without a deadline gets the caller's fallback.
TEST(CallDeadlineTest, NoDeadlineGivesTheFallback) {
  grpc::ServerContext context;
  const absl::Time fallback = absl::FromUnixSeconds(1700000000);
  EXPECT_EQ(CallDeadline(context, fallback), fallback);
  EXPECT_EQ(CallDeadline(context, absl::InfiniteFuture()), absl::InfiniteFuture());
}

}  // namespace
}  // namespace claims
