#include "common/status_macros.h"

#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

absl::StatusOr<int> Half(int x) {
  if (x % 2 != 0) return absl::InvalidArgumentError("odd");
  return x / 2;
}

absl::Status Check(int x) { return Half(x).status(); }

absl::StatusOr<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int half, Half(x));
  ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

absl::Status Both(int a, int b) {
  RETURN_IF_ERROR(Check(a));
  RETURN_IF_ERROR(Check(b));
  return absl::OkStatus();
}

TEST(StatusMacrosTest, AssignOrReturnPassesValuesAndErrors) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Quarter(3).status().message(), "odd");
}

TEST(StatusMacrosTest, ReturnIfErrorStopsAtFirstError) {
  EXPECT_TRUE(Both(2, 4).ok());
  EXPECT_FALSE(Both(2, 5).ok());
  EXPECT_FALSE(Both(1, 4).ok());
}

}  // namespace
}  // namespace claims
