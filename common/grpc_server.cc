#include "common/grpc_server.h"

#include <algorithm>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/support/server_interceptor.h"
#include "protos/grpc/health/v1/health.pb.h"

namespace claims {
namespace {

using grpc::experimental::InterceptionHookPoints;

// gRPC's synchronous handlers answer a request whose bytes do not parse as
// the method's request message with INTERNAL and an empty message. On a call
// of a method taking one request (unary, server streaming), this interceptor
// notes the failed parse (its message arrives as none) and answers
// INVALID_ARGUMENT naming the message expected instead.
class UnreadableRequestInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit UnreadableRequestInterceptor(grpc::experimental::ServerRpcInfo* info)
      : method_(info->method() == nullptr ? "" : info->method()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      unreadable_ = true;
    }
    if (unreadable_ && methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::INTERNAL) {
      methods->ModifySendStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, Explanation()));
    }
    methods->Proceed();
  }

 private:
  // "/package.Service/Method" names the request type through the
  // generated descriptors.
  std::string Explanation() const {
    std::string full = method_.substr(method_.empty() ? 0 : 1);
    std::replace(full.begin(), full.end(), '/', '.');
    const google::protobuf::MethodDescriptor* m =
        google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full);
    if (m == nullptr) return absl::StrCat("the request to ", method_, " is not a serialized request message");
    return absl::StrCat("the request is not a serialized ", m->input_type()->full_name());
  }

  std::string method_;
  bool unreadable_ = false;
};

// Calls of streaming-request methods get no interceptor: a request stream's
// end also arrives as no message, and their calls (ingest) pay nothing.
class UnreadableRequestInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(grpc::experimental::ServerRpcInfo* info) override {
    using Type = grpc::experimental::ServerRpcInfo::Type;
    if (info->type() != Type::UNARY && info->type() != Type::SERVER_STREAMING) return nullptr;
    return new UnreadableRequestInterceptor(info);
  }
};

}  // namespace

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
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<UnreadableRequestInterceptorFactory>());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
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
