// query_server: the query service binary.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "common/grpc_server.h"
#include "common/shutdown.h"
#include "query_service/claim_index.h"
#include "query_service/watch_hub.h"
#include "query_service/query_service_impl.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "Address to listen on (0.0.0.0 for all interfaces).");
ABSL_FLAG(int, port, 50052, "gRPC port; 0 lets the OS choose.");
ABSL_FLAG(std::string, port_file, "", "Write the chosen port to this file once serving.");
ABSL_FLAG(int, max_batch_documents, 1000, "Most documents in one ingest batch.");
ABSL_FLAG(int, max_message_mb, 64, "Largest request message, in MiB.");
ABSL_FLAG(int, shutdown_grace_seconds, 10, "How long in-flight RPCs may finish after SIGTERM.");

int main(int argc, char** argv) {
  claims::BlockTerminationSignals();
  absl::ParseCommandLine(argc, argv);

  claims::query::ClaimIndex index;
  claims::query::WatchHub watches;
  claims::query::QueryServiceImpl::Options service_options;
  service_options.max_batch_documents = absl::GetFlag(FLAGS_max_batch_documents);
  claims::query::QueryServiceImpl service(&index, &watches, service_options);

  claims::GrpcServerOptions options;
  options.host = absl::GetFlag(FLAGS_host);
  options.port = absl::GetFlag(FLAGS_port);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  options.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_mb) << 20;
  auto server = claims::StartGrpcServer(options, {&service}, {"claims.v1.QueryService"});
  if (!server.ok()) {
    std::cerr << "query_server: " << server.status() << "\n";
    return 1;
  }
  std::cerr << "query_server: serving on " << options.host << ":" << (*server)->port() << "\n";
  const int sig = claims::WaitForTerminationSignal();
  std::cerr << "query_server: signal " << sig << ", draining\n";
  watches.Close();  // live WatchClaims streams end now instead of holding the drain
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  (*server)->Wait();
  std::cerr << "query_server: stopped\n";
  return 0;
}
