// Conversion between absl::Status (used inside the libraries) and
// grpc::Status (used only at the RPC edge).
#ifndef CLAIMS_COMMON_GRPC_STATUS_H_
#define CLAIMS_COMMON_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
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

// CallDeadline()
//
// The deadline of the call `context` serves, or `if_none` when the client
// set none.
absl::Time CallDeadline(const grpc::ServerContext& context, absl::Time if_none);

}  // namespace claims

#endif  // CLAIMS_COMMON_GRPC_STATUS_H_
