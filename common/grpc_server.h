// Shared start-up of the project's gRPC servers: listening port (0 picks a
// free one), the standard health service and server reflection, message-size
// limits, and an optional file that receives the chosen port.
#ifndef CLAIMS_COMMON_GRPC_SERVER_H_
#define CLAIMS_COMMON_GRPC_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace claims {

struct GrpcServerOptions {
  // Host to listen on. Default "127.0.0.1"; "0.0.0.0" in containers.
  std::string host = "127.0.0.1";
  // Port; 0 lets the OS choose (see RunningServer::port).
  int port = 0;
  // Largest request message accepted, in bytes. Default 16 MiB.
  int max_receive_message_bytes = 16 << 20;
  // When set, the chosen port is written to this file once serving.
  std::string port_file;
};

// A started server. Health reports SERVING for "" and for every registered
// service until Shutdown().
class RunningServer {
 public:
  RunningServer(std::unique_ptr<grpc::Server> server, int port) : server_(std::move(server)), port_(port) {}
  int port() const { return port_; }
  grpc::Server* server() { return server_.get(); }
  // Marks every service NOT_SERVING, then stops accepting RPCs and waits up to
  // `grace` for in-flight ones before cancelling them.
  void Shutdown(absl::Duration grace);
  // Blocks until Shutdown() has finished.
  void Wait() { server_->Wait(); }

 private:
  std::unique_ptr<grpc::Server> server_;
  int port_;
};

// StartGrpcServer()
//
// Builds and starts a server for `services` (not owned; must outlive it),
// with health and reflection, answering INVALID_ARGUMENT (naming the
// message) to a unary or server-streaming request whose bytes do not parse.
// UNAVAILABLE when the port cannot be bound.
absl::StatusOr<std::unique_ptr<RunningServer>> StartGrpcServer(const GrpcServerOptions& options,
                                                               const std::vector<grpc::Service*>& services,
                                                               const std::vector<std::string>& service_names);

}  // namespace claims

#endif  // CLAIMS_COMMON_GRPC_SERVER_H_
