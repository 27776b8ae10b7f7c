#include "tools/reflection/reflection_client.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "tools/reflection/reflection_wire.pb.h"

namespace claims::tools {
namespace {

using ::claims::tools::reflection::ServerReflectionRequest;
using ::claims::tools::reflection::ServerReflectionResponse;

constexpr char kReflectionMethod[] = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

absl::Status FromGrpc(const grpc::Status& status, absl::string_view what) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromByteBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices) out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return out;
}

// Runs one asynchronous operation to completion on a private queue. Only one
// operation is ever outstanding, so the next event is always ours.
bool Await(grpc::CompletionQueue& cq) {
  void* tag = nullptr;
  bool ok = false;
  if (!cq.Next(&tag, &ok)) return false;
  return ok;
}

// One request/response exchange on a fresh reflection stream.
absl::StatusOr<ServerReflectionResponse> Exchange(grpc::Channel* channel, absl::Duration timeout,
                                                  const ServerReflectionRequest& request) {
  grpc::GenericStub stub(channel->shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  grpc::CompletionQueue cq;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call = stub.PrepareCall(&context, kReflectionMethod, &cq);
  void* tag = reinterpret_cast<void*>(1);
  grpc::ByteBuffer response_buffer;
  bool got_response = false;
  call->StartCall(tag);
  if (Await(cq)) {
    call->Write(ToByteBuffer(request.SerializeAsString()), tag);
    if (Await(cq)) {
      call->WritesDone(tag);
      Await(cq);
      call->Read(&response_buffer, tag);
      got_response = Await(cq);
    }
  }
  grpc::Status status;
  call->Finish(&status, tag);
  Await(cq);
  cq.Shutdown();
  while (Await(cq)) {
  }
  if (!got_response) {
    if (status.ok()) return absl::UnavailableError("reflection stream closed without an answer");
    return FromGrpc(status, "server reflection");
  }
  ServerReflectionResponse response;
  if (!response.ParseFromString(FromByteBuffer(response_buffer))) {
    return absl::DataLossError("server reflection: unparsable response");
  }
  if (response.has_error_response()) {
    return absl::Status(static_cast<absl::StatusCode>(response.error_response().error_code()),
                        absl::StrCat("server reflection: ", response.error_response().error_message()));
  }
  return response;
}

}  // namespace

// Serves descriptor lookups from the server's reflection service, caching
// every file it has received. DescriptorPool calls it lazily, so a symbol
// pulls in exactly the files it needs.
class ReflectionDatabase : public google::protobuf::DescriptorDatabase {
 public:
  ReflectionDatabase(grpc::Channel* channel, absl::Duration timeout) : channel_(channel), timeout_(timeout) {}

  bool FindFileByName(const std::string& filename, google::protobuf::FileDescriptorProto* output) override {
    absl::MutexLock lock(&mu_);
    if (Lookup(filename, output)) return true;
    ServerReflectionRequest request;
    request.set_file_by_filename(filename);
    return Fetch(request) && Lookup(filename, output);
  }

  bool FindFileContainingSymbol(const std::string& symbol, google::protobuf::FileDescriptorProto* output) override {
    absl::MutexLock lock(&mu_);
    ServerReflectionRequest request;
    request.set_file_containing_symbol(symbol);
    std::string first;
    if (!Fetch(request, &first)) return false;
    return Lookup(first, output);
  }

  bool FindFileContainingExtension(const std::string&, int, google::protobuf::FileDescriptorProto*) override {
    return false;
  }

 private:
  bool Lookup(const std::string& name, google::protobuf::FileDescriptorProto* output) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = files_.find(name);
    if (it == files_.end()) return false;
    *output = it->second;
    return true;
  }

  // Stores every file of the answer; `first` receives the requested file's name.
  bool Fetch(const ServerReflectionRequest& request, std::string* first = nullptr) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    absl::StatusOr<ServerReflectionResponse> response = Exchange(channel_, timeout_, request);
    if (!response.ok() || !response->has_file_descriptor_response()) return false;
    bool any = false;
    for (const std::string& bytes : response->file_descriptor_response().file_descriptor_proto()) {
      google::protobuf::FileDescriptorProto file;
      if (!file.ParseFromString(bytes)) continue;
      if (!any && first != nullptr) *first = file.name();
      any = true;
      files_.emplace(file.name(), std::move(file));
    }
    return any;
  }

  grpc::Channel* channel_;
  absl::Duration timeout_;
  absl::Mutex mu_;
  std::map<std::string, google::protobuf::FileDescriptorProto> files_ ABSL_GUARDED_BY(mu_);
};

ReflectionClient::ReflectionClient(std::shared_ptr<grpc::Channel> channel, absl::Duration timeout)
    : channel_(std::move(channel)),
      timeout_(timeout),
      database_(std::make_unique<ReflectionDatabase>(channel_.get(), timeout)),
      pool_(std::make_unique<google::protobuf::DescriptorPool>(database_.get())) {}

ReflectionClient::~ReflectionClient() = default;

absl::StatusOr<std::vector<std::string>> ReflectionClient::ListServices() {
  ServerReflectionRequest request;
  request.set_list_services("*");
  absl::StatusOr<ServerReflectionResponse> response = Exchange(channel_.get(), timeout_, request);
  if (!response.ok()) return response.status();
  if (!response->has_list_services_response()) {
    return absl::DataLossError("server reflection answered list_services with something else");
  }
  std::vector<std::string> names;
  for (const auto& service : response->list_services_response().service()) names.push_back(service.name());
  std::sort(names.begin(), names.end());
  return names;
}

absl::StatusOr<std::string> ReflectionClient::Describe(absl::string_view symbol) {
  const std::string name = absl::StrReplaceAll(symbol, {{"/", "."}});
  if (const auto* d = pool_->FindServiceByName(name)) return d->DebugString();
  if (const auto* d = pool_->FindMessageTypeByName(name)) return d->DebugString();
  if (const auto* d = pool_->FindEnumTypeByName(name)) return d->DebugString();
  if (const auto* d = pool_->FindMethodByName(name)) {
    // MethodDescriptor::DebugString() prints only the rpc line; add the
    // request and response types, which is what a caller needs next.
    return absl::StrCat(d->DebugString(), "\n", d->input_type()->DebugString(), "\n",
                        d->output_type()->DebugString());
  }
  return absl::NotFoundError(absl::StrCat("the server does not describe a symbol named \"", name, "\""));
}

absl::StatusOr<const google::protobuf::MethodDescriptor*> ReflectionClient::FindMethod(absl::string_view method) {
  std::string name(method);
  if (!name.empty() && name[0] == '/') name.erase(0, 1);
  name = absl::StrReplaceAll(name, {{"/", "."}});
  const google::protobuf::MethodDescriptor* descriptor = pool_->FindMethodByName(name);
  if (descriptor == nullptr) {
    return absl::NotFoundError(absl::StrCat("the server does not describe a method named \"", name, "\""));
  }
  return descriptor;
}

absl::StatusOr<std::string> ReflectionClient::CallJson(absl::string_view method, absl::string_view request_json) {
  absl::StatusOr<const google::protobuf::MethodDescriptor*> found = FindMethod(method);
  if (!found.ok()) return found.status();
  const google::protobuf::MethodDescriptor* descriptor = *found;
  if (descriptor->client_streaming() || descriptor->server_streaming()) {
    return absl::UnimplementedError(absl::StrCat(descriptor->full_name(), " is a streaming method; only unary calls are supported"));
  }
  std::unique_ptr<google::protobuf::Message> request(factory_.GetPrototype(descriptor->input_type())->New());
  std::unique_ptr<google::protobuf::Message> response(factory_.GetPrototype(descriptor->output_type())->New());
  google::protobuf::util::JsonParseOptions parse_options;
  const std::string json = request_json.empty() ? std::string("{}") : std::string(request_json);
  const auto parsed = google::protobuf::util::JsonStringToMessage(json, request.get(), parse_options);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("request is not a valid ", descriptor->input_type()->full_name(),
                                                   " in JSON: ", std::string(parsed.message())));
  }

  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  grpc::CompletionQueue cq;
  const std::string path = absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name());
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> call =
      stub.PrepareUnaryCall(&context, path, ToByteBuffer(request->SerializeAsString()), &cq);
  call->StartCall();
  grpc::ByteBuffer response_buffer;
  grpc::Status status;
  call->Finish(&response_buffer, &status, reinterpret_cast<void*>(1));
  Await(cq);
  cq.Shutdown();
  while (Await(cq)) {
  }
  if (!status.ok()) return FromGrpc(status, descriptor->full_name());
  if (!response->ParseFromString(FromByteBuffer(response_buffer))) {
    return absl::DataLossError(absl::StrCat(descriptor->full_name(), ": unparsable response"));
  }
  google::protobuf::util::JsonPrintOptions print_options;
  print_options.add_whitespace = true;
  // Zero values are printed too: a person reading "documents: 0" learns more
  // than from an absent field.
  print_options.always_print_primitive_fields = true;
  std::string out;
  const auto printed = google::protobuf::util::MessageToJsonString(*response, &out, print_options);
  if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
  return out;
}

}  // namespace claims::tools
