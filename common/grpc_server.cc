#include "common/grpc_server.h"

#include <fstream>

#include "absl/strings/str_cat.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "protos/grpc/health/v1/health.pb.h"

namespace claims {

void RunningServer::Shutdown(absl::Duration grace) {
  if (auto* health = server_->GetHealthCheckService()) health->Shutdown();
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

absl::StatusOr<std::unique_ptr<RunningServer>> StartGrpcServer(const GrpcServerOptions& options,
                                                               const std::vector<grpc::Service*>& services,
                                                               const std::vector<std::string>& service_names) {
  if (options.port < 0 || options.port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("port ", options.port, " is out of range"));
  }
  grpc::EnableDefaultHealthCheckService(true);
  // gRPC's built-in health service is not described in the protobuf
  // descriptor pool, so reflection could not describe it and clients that
  // learn types from reflection (grpcurl) could not call it. Referencing the
  // generated descriptor links the health proto in and registers it.
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  const std::string address = absl::StrCat(options.host, ":", options.port);
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  for (grpc::Service* s : services) builder.RegisterService(s);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", address));
  }
  if (auto* health = server->GetHealthCheckService()) {
    health->SetServingStatus("", true);
    for (const std::string& name : service_names) health->SetServingStatus(name, true);
  }
  if (!options.port_file.empty()) {
    const std::string tmp = options.port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::rename(tmp.c_str(), options.port_file.c_str());
  }
  return std::make_unique<RunningServer>(std::move(server), port);
}

}  // namespace claims
