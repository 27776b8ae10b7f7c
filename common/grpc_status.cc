#include "common/grpc_status.h"

#include <string>

namespace claims {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  std::string message(status.message());
  if (message.size() > kMaxGrpcErrorMessageBytes) {
    size_t cut = kMaxGrpcErrorMessageBytes - 3;
    // Do not split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message.resize(cut);
    message += "...";
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), message);
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

absl::Time CallDeadline(const grpc::ServerContext& context, absl::Time if_none) {
  const auto deadline = context.deadline();
  return deadline == std::chrono::system_clock::time_point::max() ? if_none : absl::FromChrono(deadline);
}

}  // namespace claims
