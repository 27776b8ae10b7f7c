// extractor_server: the extractor service binary.
#include <iostream>
#include <memory>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "common/grpc_server.h"
#include "common/shutdown.h"
#include "extractor_service/claim_publisher.h"
#include "extractor_service/extraction_pipeline.h"
#include "extractor_service/extractor_service_impl.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "Address to listen on (0.0.0.0 for all interfaces).");
ABSL_FLAG(int, port, 50051, "gRPC port; 0 lets the OS choose.");
ABSL_FLAG(std::string, port_file, "", "Write the chosen port to this file once serving.");
ABSL_FLAG(std::string, query_address, "", "host:port of the query service; empty disables SubmitDocuments.");
ABSL_FLAG(int, max_document_mb, 8, "Largest accepted document, in MiB.");
ABSL_FLAG(int, max_batch_documents, 100, "Most documents in one SubmitDocuments call.");
ABSL_FLAG(int, publish_batch_documents, 64, "Most documents per batch sent to the query service.");
ABSL_FLAG(int, shutdown_grace_seconds, 10, "How long in-flight RPCs may finish after SIGTERM.");

int main(int argc, char** argv) {
  claims::BlockTerminationSignals();
  absl::ParseCommandLine(argc, argv);

  claims::extractor::ExtractionPipeline::Options pipeline_options;
  pipeline_options.max_document_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_document_mb)) << 20;
  const claims::extractor::ExtractionPipeline pipeline(pipeline_options);

  std::unique_ptr<claims::extractor::ClaimPublisher> publisher;
  if (const std::string q = absl::GetFlag(FLAGS_query_address); !q.empty()) {
    claims::extractor::ClaimPublisher::Options po;
    po.max_batch_documents = absl::GetFlag(FLAGS_publish_batch_documents);
    publisher = std::make_unique<claims::extractor::ClaimPublisher>(
        grpc::CreateChannel(q, grpc::InsecureChannelCredentials()), po);
  }
  claims::extractor::ExtractorServiceImpl service(&pipeline, publisher.get(),
                                                  absl::GetFlag(FLAGS_max_batch_documents));
  claims::GrpcServerOptions options;
  options.host = absl::GetFlag(FLAGS_host);
  options.port = absl::GetFlag(FLAGS_port);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  options.max_receive_message_bytes = (absl::GetFlag(FLAGS_max_document_mb) + 1) << 20;
  auto server = claims::StartGrpcServer(options, {&service}, {"claims.v1.ExtractorService"});
  if (!server.ok()) {
    std::cerr << "extractor_server: " << server.status() << "\n";
    return 1;
  }
  std::cerr << "extractor_server: serving on " << options.host << ":" << (*server)->port() << "\n";
  const int sig = claims::WaitForTerminationSignal();
  std::cerr << "extractor_server: signal " << sig << ", draining\n";
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  (*server)->Wait();
  if (publisher) {
    // Give queued documents a last chance to reach the query service.
    const absl::Time until = absl::Now() + absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
    while (publisher->pending() > 0 && absl::Now() < until) absl::SleepFor(absl::Milliseconds(50));
  }
  std::cerr << "extractor_server: stopped\n";
  return 0;
}
