// A server-reflection client: what grpcurl does with `list`, `describe` and a
// JSON call, as a library. It learns every type from the server at run time
// (no generated code for the services it calls) and converts between proto3
// JSON and the binary wire format with dynamic messages.
#ifndef CLAIMS_TOOLS_REFLECTION_REFLECTION_CLIENT_H_
#define CLAIMS_TOOLS_REFLECTION_REFLECTION_CLIENT_H_

#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "grpcpp/grpcpp.h"

namespace claims::tools {

class ReflectionDatabase;

class ReflectionClient {
 public:
  // `timeout` bounds each RPC the client makes.
  ReflectionClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout);
  ~ReflectionClient();

  // Fully qualified names of the server's services, sorted.
  absl::StatusOr<std::vector<std::string>> ListServices();

  // A proto-source rendering of a service, method, message or enum, given
  // its fully qualified name ("claims.v1.QueryService.GetStats" or
  // "claims.v1.QueryService/GetStats" for a method). NOT_FOUND when the
  // server does not know it.
  absl::StatusOr<std::string> Describe(absl::string_view symbol);

  // Calls a unary method with a request written as proto3 JSON and returns
  // the response as proto3 JSON. Streaming methods are refused
  // (UNIMPLEMENTED); RPC errors come back as their status.
  absl::StatusOr<std::string> CallJson(absl::string_view method, absl::string_view request_json);

 private:
  absl::StatusOr<const google::protobuf::MethodDescriptor*> FindMethod(absl::string_view method);

  std::shared_ptr<grpc::Channel> channel_;
  absl::Duration timeout_;
  std::unique_ptr<ReflectionDatabase> database_;
  std::unique_ptr<google::protobuf::DescriptorPool> pool_;
  google::protobuf::DynamicMessageFactory factory_;
};

}  // namespace claims::tools

#endif  // CLAIMS_TOOLS_REFLECTION_REFLECTION_CLIENT_H_
