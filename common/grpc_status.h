// Conversion between absl::Status (used inside the libraries) and
// grpc::Status (used only at the RPC edge).
#ifndef CLAIMS_COMMON_GRPC_STATUS_H_
#define CLAIMS_COMMON_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace claims {

// Longest error message sent to a client; longer messages are cut and end
// with "...". Keeps an oversized input from being echoed back in full.
inline constexpr size_t kMaxGrpcErrorMessageBytes = 1024;

// ToGrpcStatus()
//
// Maps `status` to the gRPC status with the same canonical code (the two
// enumerations share their numbering) and its message, capped at
// kMaxGrpcErrorMessageBytes.
grpc::Status ToGrpcStatus(const absl::Status& status);

// FromGrpcStatus()
//
// The inverse of ToGrpcStatus(), for clients that call other services.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace claims

#endif  // CLAIMS_COMMON_GRPC_STATUS_H_
