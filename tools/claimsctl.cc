// claimsctl: a command-line client for the two services.
//
// Reflection commands (work against any gRPC server with reflection, as
// grpcurl's do):
//   claimsctl --address=HOST:PORT list
//   claimsctl --address=HOST:PORT describe SYMBOL
//   claimsctl --address=HOST:PORT call SERVICE/METHOD ['JSON' | -]
//   claimsctl --address=HOST:PORT health [SERVICE]
// Typed commands, readable output:
//   claimsctl --address=EXTRACTOR submit [--manifest=FILE] [FILE...]
//   claimsctl --address=QUERY search [--speaker=ID] [--page_size=N] [WORDS...]
//   claimsctl --address=QUERY speakers
//   claimsctl --address=QUERY clusters [--min_outlets=N] [--page_size=N]
//   claimsctl --address=QUERY corroboration CLAIM_ID|CLUSTER_ID
//   claimsctl --address=QUERY stats
// Exit status: 0 on success, 1 when the server answered with an error or
// could not be reached, 2 for bad usage.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "common/document_files.h"
#include "grpcpp/grpcpp.h"
#include "protos/claims/v1/extractor_service.grpc.pb.h"
#include "protos/claims/v1/query_service.grpc.pb.h"
#include "protos/grpc/health/v1/health.grpc.pb.h"
#include "tools/claim_format.h"
#include "tools/reflection/reflection_client.h"

ABSL_FLAG(std::string, address, "", "host:port of the server to talk to (required).");
ABSL_FLAG(int, timeout_seconds, 30, "Deadline of each RPC.");
ABSL_FLAG(std::string, manifest, "", "submit: a manifest (path<TAB>outlet<TAB>url per line) of files to submit.");
ABSL_FLAG(std::string, outlet, "", "submit: outlet recorded for FILE arguments.");
ABSL_FLAG(std::string, speaker, "", "search: only claims by this speaker id.");
ABSL_FLAG(uint32_t, min_outlets, 2, "clusters: only statements reported by at least this many outlets.");
ABSL_FLAG(int, page_size, 20, "search, clusters: results per page.");
ABSL_FLAG(bool, all_pages, false, "search: follow next_page_token to the end.");

namespace {

constexpr int kUsage = 2;
constexpr int kFailed = 1;
constexpr int kSubmitChunk = 50;

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(absl::GetFlag(FLAGS_timeout_seconds))));
  return context;
}

int Fail(const grpc::Status& status, const std::string& what) {
  std::cerr << "claimsctl: " << what << ": " << status.error_code() << " " << status.error_message() << "\n";
  return kFailed;
}

int Fail(const absl::Status& status) {
  std::cerr << "claimsctl: " << status << "\n";
  return kFailed;
}

int Health(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& args) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::health::v1::HealthCheckRequest request;
  if (!args.empty()) request.set_service(args[0]);
  grpc::health::v1::HealthCheckResponse response;
  auto context = Context();
  grpc::Status status = stub->Check(context.get(), request, &response);
  if (!status.ok()) return Fail(status, "health");
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? 0 : kFailed;
}

int Submit(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& files) {
  std::vector<claims::v1::Document> docs;
  if (const std::string manifest = absl::GetFlag(FLAGS_manifest); !manifest.empty()) {
    absl::StatusOr<std::vector<claims::v1::Document>> listed = claims::LoadManifest(manifest);
    if (!listed.ok()) return Fail(listed.status());
    docs = *std::move(listed);
  }
  claims::v1::Source metadata;
  metadata.set_outlet(absl::GetFlag(FLAGS_outlet));
  for (const std::string& file : files) {
    absl::StatusOr<claims::v1::Document> doc = claims::LoadDocument(file, metadata);
    if (!doc.ok()) return Fail(doc.status());
    docs.push_back(*std::move(doc));
  }
  if (docs.empty()) {
    std::cerr << "claimsctl: submit needs --manifest or files\n";
    return kUsage;
  }
  auto stub = claims::v1::ExtractorService::NewStub(channel);
  for (size_t begin = 0; begin < docs.size(); begin += kSubmitChunk) {
    claims::v1::SubmitDocumentsRequest request;
    request.set_wait_for_index(true);
    for (size_t i = begin; i < std::min(docs.size(), begin + kSubmitChunk); ++i) *request.add_documents() = docs[i];
    claims::v1::SubmitDocumentsResponse response;
    auto context = Context();
    grpc::Status status = stub->SubmitDocuments(context.get(), request, &response);
    if (!status.ok()) return Fail(status, "SubmitDocuments");
    for (const claims::v1::SubmittedDocument& d : response.documents()) {
      std::cout << d.doc_id() << ": " << d.claims() << " claims" << (d.indexed() ? ", indexed" : "") << "\n";
    }
  }
  return 0;
}

int Search(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& words) {
  auto stub = claims::v1::QueryService::NewStub(channel);
  claims::v1::SearchClaimsRequest request;
  request.set_query(absl::StrJoin(words, " "));
  request.set_speaker(absl::GetFlag(FLAGS_speaker));
  request.set_page_size(absl::GetFlag(FLAGS_page_size));
  while (true) {
    claims::v1::SearchClaimsResponse response;
    auto context = Context();
    grpc::Status status = stub->SearchClaims(context.get(), request, &response);
    if (!status.ok()) return Fail(status, "SearchClaims");
    if (request.page_token().empty()) {
      std::cout << (response.total_is_lower_bound() ? "at least " : "") << response.total_matches()
                << " matching claims\n";
    }
    for (const claims::v1::Claim& claim : response.claims()) std::cout << claims::tools::FormatClaim(claim) << "\n";
    if (!absl::GetFlag(FLAGS_all_pages) || response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return 0;
}

int Speakers(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = claims::v1::QueryService::NewStub(channel);
  claims::v1::ListSpeakersRequest request;
  request.set_page_size(1000);
  claims::v1::ListSpeakersResponse response;
  auto context = Context();
  grpc::Status status = stub->ListSpeakers(context.get(), request, &response);
  if (!status.ok()) return Fail(status, "ListSpeakers");
  std::cout << claims::tools::FormatSpeakers(response);
  return 0;
}

int Clusters(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = claims::v1::QueryService::NewStub(channel);
  claims::v1::ListClustersRequest request;
  request.mutable_filter()->set_min_outlets(absl::GetFlag(FLAGS_min_outlets));
  request.set_page_size(absl::GetFlag(FLAGS_page_size));
  claims::v1::ListClustersResponse response;
  auto context = Context();
  grpc::Status status = stub->ListClusters(context.get(), request, &response);
  if (!status.ok()) return Fail(status, "ListClusters");
  std::cout << response.total_clusters() << " clusters\n" << claims::tools::FormatClusters(response);
  return 0;
}

int Corroboration(const std::shared_ptr<grpc::Channel>& channel, const std::vector<std::string>& args) {
  if (args.size() != 1) {
    std::cerr << "claimsctl: corroboration needs one claim id or cluster id\n";
    return kUsage;
  }
  auto stub = claims::v1::QueryService::NewStub(channel);
  claims::v1::GetCorroborationRequest request;
  if (args[0].rfind("cl-", 0) == 0) {
    request.set_cluster_id(args[0]);
  } else {
    request.set_claim_id(args[0]);
  }
  claims::v1::Corroboration response;
  auto context = Context();
  grpc::Status status = stub->GetCorroboration(context.get(), request, &response);
  if (!status.ok()) return Fail(status, "GetCorroboration");
  std::cout << claims::tools::FormatCorroboration(response);
  return 0;
}

int Stats(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = claims::v1::QueryService::NewStub(channel);
  claims::v1::GetStatsResponse response;
  auto context = Context();
  grpc::Status status = stub->GetStats(context.get(), claims::v1::GetStatsRequest(), &response);
  if (!status.ok()) return Fail(status, "GetStats");
  std::cout << claims::tools::FormatStats(response);
  return 0;
}

int Reflect(const std::shared_ptr<grpc::Channel>& channel, const std::string& command,
            const std::vector<std::string>& args) {
  claims::tools::ReflectionClient client(channel, absl::Seconds(absl::GetFlag(FLAGS_timeout_seconds)));
  if (command == "list") {
    absl::StatusOr<std::vector<std::string>> services = client.ListServices();
    if (!services.ok()) return Fail(services.status());
    for (const std::string& s : *services) std::cout << s << "\n";
    return 0;
  }
  if (args.empty()) {
    std::cerr << "claimsctl: " << command << " needs a symbol or method name\n";
    return kUsage;
  }
  if (command == "describe") {
    absl::StatusOr<std::string> text = client.Describe(args[0]);
    if (!text.ok()) return Fail(text.status());
    std::cout << *text;
    return 0;
  }
  std::string json = args.size() > 1 ? args[1] : "{}";
  if (json == "-") {
    absl::StatusOr<std::string> in = claims::ReadFileBytes("-");
    if (!in.ok()) return Fail(in.status());
    json = *in;
  }
  absl::StatusOr<std::string> out = client.CallJson(args[0], json);
  if (!out.ok()) return Fail(out.status());
  std::cout << *out;
  if (out->empty() || out->back() != '\n') std::cout << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "claimsctl --address=HOST:PORT COMMAND [ARGS]\n"
      "commands: list | describe SYMBOL | call SERVICE/METHOD [JSON|-] | health [SERVICE]\n"
      "          submit [--manifest=F] [FILE...] | search [WORDS...] | speakers | stats\n"
      "          clusters [--min_outlets=N] | corroboration CLAIM_ID|CLUSTER_ID");
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() < 2) {
    std::cerr << absl::ProgramUsageMessage() << "\n";
    return kUsage;
  }
  const std::string address = absl::GetFlag(FLAGS_address);
  if (address.empty()) {
    std::cerr << "claimsctl: --address is required\n";
    return kUsage;
  }
  const std::string command = positional[1];
  const std::vector<std::string> args(positional.begin() + 2, positional.end());
  auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  if (command == "list" || command == "describe" || command == "call") return Reflect(channel, command, args);
  if (command == "health") return Health(channel, args);
  if (command == "submit") return Submit(channel, args);
  if (command == "search") return Search(channel, args);
  if (command == "speakers") return Speakers(channel);
  if (command == "stats") return Stats(channel);
  if (command == "clusters") return Clusters(channel);
  if (command == "corroboration") return Corroboration(channel, args);
  std::cerr << "claimsctl: unknown command \"" << command << "\"\n" << absl::ProgramUsageMessage() << "\n";
  return kUsage;
}
