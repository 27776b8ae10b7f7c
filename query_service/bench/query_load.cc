// Load generator for the query service over gRPC on loopback: ingest rate
// over one IngestClaims stream, then search QPS and latency percentiles at
// several concurrencies.
//
//   bazel run -c opt //query_service/bench:query_load -- --claims=500000
//   bazel run -c opt //query_service/bench:query_load -- --target=127.0.0.1:50052
//
// Without --target it starts a query service in this process on a free
// loopback port (the client still goes through TCP and gRPC).
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "common/grpc_server.h"
#include "grpcpp/grpcpp.h"
#include "protos/claims/v1/query_service.grpc.pb.h"
#include "query_service/bench/claim_generator.h"
#include "query_service/claim_index.h"
#include "query_service/query_service_impl.h"
#include "query_service/tokenizer.h"
#include "query_service/watch_hub.h"

ABSL_FLAG(std::string, target, "", "host:port of a running query service; empty starts one in-process.");
ABSL_FLAG(int, claims, 500000, "Claims to ingest.");
ABSL_FLAG(int, batch_documents, 64, "Documents per ingest batch.");
ABSL_FLAG(int, in_flight, 8, "Ingest batches sent ahead of their acknowledgements.");
ABSL_FLAG(std::string, concurrency, "1,8,64", "Concurrent search clients, one run each.");
ABSL_FLAG(int, seconds, 5, "Duration of each search run.");

namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds this process has used (all threads: the in-process server's
// and the client's).
double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::string target = absl::GetFlag(FLAGS_target);
  std::unique_ptr<claims::query::ClaimIndex> index;
  std::unique_ptr<claims::query::WatchHub> hub;
  std::unique_ptr<claims::query::QueryServiceImpl> service;
  std::unique_ptr<claims::RunningServer> server;
  if (target.empty()) {
    index = std::make_unique<claims::query::ClaimIndex>();
    hub = std::make_unique<claims::query::WatchHub>();
    service = std::make_unique<claims::query::QueryServiceImpl>(index.get(), hub.get(),
                                                                claims::query::QueryServiceImpl::Options());
    claims::GrpcServerOptions options;
    options.max_receive_message_bytes = 64 << 20;
    auto started = claims::StartGrpcServer(options, {service.get()}, {"claims.v1.QueryService"});
    if (!started.ok()) {
      std::fprintf(stderr, "query_load: %s\n", started.status().ToString().c_str());
      return 1;
    }
    server = *std::move(started);
    target = "127.0.0.1:" + std::to_string(server->port());
  }
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(64 << 20);
  auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
  auto stub = claims::v1::QueryService::NewStub(channel);

  // ---- Ingest over one stream ------------------------------------------------
  claims::bench::ClaimGenerator generator(99);
  std::vector<claims::v1::IngestClaimsRequest> batches;
  int total = 0;
  while (total < absl::GetFlag(FLAGS_claims)) {
    claims::v1::IngestClaimsRequest batch;
    batch.set_sequence(batches.size() + 1);
    for (int d = 0; d < absl::GetFlag(FLAGS_batch_documents); ++d) {
      *batch.add_documents() = generator.NextDocument();
      total += batch.documents(d).claims_size();
    }
    batches.push_back(std::move(batch));
  }
  {
    // The wire work any server does per claim, on one core: the client's
    // serialization and the server's parse, with nothing indexed.
    size_t bytes = 0;
    const auto w0 = Clock::now();
    for (const auto& batch : batches) {
      const std::string wire = batch.SerializeAsString();
      bytes += wire.size();
      claims::v1::IngestClaimsRequest parsed;
      parsed.ParseFromString(wire);
    }
    const double wire_s = std::chrono::duration<double>(Clock::now() - w0).count();
    std::printf("wire floor: serializing and parsing the batches (%.1f MiB, %.0f bytes a claim) on one core: "
                "%.2f s, %.0f claims/s\n",
                bytes / 1048576.0, static_cast<double>(bytes) / total, wire_s, total / wire_s);
  }
  grpc::ClientContext ingest_context;
  auto stream = stub->IngestClaims(&ingest_context);
  // Acknowledgements counted by the reader; the writer waits on them (a
  // wait, not a polling sleep, which on two cores takes CPU from the server).
  absl::Mutex acked_mu;
  size_t acked = 0;
  const size_t in_flight = static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_in_flight)));
  const auto t0 = Clock::now();
  const double cpu0 = ProcessCpuSeconds();
  std::thread reader([&] {
    claims::v1::IngestClaimsResponse ack;
    for (size_t read = 0; read < batches.size() && stream->Read(&ack);) {
      absl::MutexLock lock(&acked_mu);
      acked = ++read;
    }
    absl::MutexLock lock(&acked_mu);
    acked = batches.size();  // the stream ended: nothing more to wait for
  });
  for (size_t i = 0; i < batches.size(); ++i) {
    {
      absl::MutexLock lock(&acked_mu);
      auto room = [&] { return i < acked + in_flight; };
      acked_mu.Await(absl::Condition(&room));
    }
    if (!stream->Write(batches[i])) break;
  }
  stream->WritesDone();
  reader.join();
  const double ingest_s = std::chrono::duration<double>(Clock::now() - t0).count();
  grpc::Status finished = stream->Finish();
  std::printf("ingest: %d claims in %zu batches of %d documents over one stream: %.2f s, %.0f claims/s (%s)\n",
              total, batches.size(), absl::GetFlag(FLAGS_batch_documents), ingest_s, total / ingest_s,
              finished.ok() ? "ok" : finished.error_message().c_str());
  // Acknowledged claims are searchable; their clusters follow from the
  // clustering stage. Time until it has caught up.
  while (true) {
    claims::v1::GetStatsResponse stats;
    grpc::ClientContext stats_context;
    if (!stub->GetStats(&stats_context, claims::v1::GetStatsRequest(), &stats).ok()) break;
    if (stats.claims_pending_clustering() == 0) {
      const double settled_s = std::chrono::duration<double>(Clock::now() - t0).count();
      std::printf("clustering caught up %.2f s after the first batch: %.0f claims/s ingested and clustered; "
                  "%u segments\n",
                  settled_s, total / settled_s, stats.segments());
      if (index != nullptr) {
        // All of ingest's work, merges included, in CPU time: less sensitive
        // than rates to other load on the machine.
        index->WaitForBackgroundWork();
        const double cpu = ProcessCpuSeconds() - cpu0;
        std::printf("CPU of the whole ingest (server and client, merges done): %.1f s, %.1f us a claim\n", cpu,
                    1e6 * cpu / total);
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // ---- Search at several concurrencies --------------------------------------
  std::vector<std::string> words;
  std::mt19937_64 rng(5);
  for (int i = 0; i < 2000; ++i) {
    const auto& batch = batches[rng() % batches.size()];
    const auto& doc = batch.documents(static_cast<int>(rng() % batch.documents_size()));
    const auto terms = claims::query::Tokenize(doc.claims(static_cast<int>(rng() % doc.claims_size())).text());
    words.push_back(terms[rng() % terms.size()]);
  }
  for (absl::string_view c : absl::StrSplit(absl::GetFlag(FLAGS_concurrency), ',')) {
    int clients = 0;
    if (!absl::SimpleAtoi(c, &clients) || clients <= 0) continue;
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> latencies(clients);
    std::atomic<uint64_t> errors{0};
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int t = 0; t < clients; ++t) {
      threads.emplace_back([&, t] {
        std::mt19937_64 local(t + 1);
        while (!stop) {
          claims::v1::SearchClaimsRequest request;
          request.set_query(words[local() % words.size()]);
          request.set_page_size(20);
          claims::v1::SearchClaimsResponse response;
          grpc::ClientContext context;
          const auto a = Clock::now();
          const grpc::Status s = stub->SearchClaims(&context, request, &response);
          const auto b = Clock::now();
          if (!s.ok()) ++errors;
          latencies[t].push_back(std::chrono::duration<double, std::micro>(b - a).count());
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::seconds(absl::GetFlag(FLAGS_seconds)));
    stop = true;
    for (auto& th : threads) th.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    const size_t n = all.size();
    std::printf("search, %2d clients: %6.0f QPS, p50 %7.0f us, p99 %7.0f us (%zu queries, %llu errors)\n", clients,
                n / elapsed, Percentile(all, 0.5), Percentile(all, 0.99), n,
                static_cast<unsigned long long>(errors.load()));
  }
  if (server != nullptr) {
    server->Shutdown(absl::Seconds(1));
    server->Wait();
  }
  return 0;
}
