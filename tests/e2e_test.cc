// End to end: the two real server binaries on loopback, the project's own
// example articles submitted through the extractor, and typed queries
// against the query service.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "common/document_files.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "protos/claims/v1/extractor_service.grpc.pb.h"
#include "protos/claims/v1/query_service.grpc.pb.h"
#include "protos/grpc/health/v1/health.grpc.pb.h"
#include "tests/testing/server_process.h"

namespace claims {
namespace {

using ::claims::testing::Runfile;
using ::claims::testing::ServerProcess;
using ::testing::Not;
using ::testing::IsEmpty;

std::unique_ptr<grpc::ClientContext> Context(absl::Duration timeout = absl::Seconds(30)) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

std::shared_ptr<grpc::Channel> Connect(const ServerProcess& server) {
  return grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
}

grpc::health::v1::HealthCheckResponse::ServingStatus Health(const ServerProcess& server, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(Connect(server));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  auto context = Context(absl::Seconds(5));
  grpc::Status status = stub->Check(context.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.status();
}

// A port nothing listens on right now (bound, then released).
int UnusedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::vector<v1::Document> ExampleDocuments() {
  absl::StatusOr<std::vector<v1::Document>> docs = LoadManifest(Runfile("examples/manifest.tsv"));
  EXPECT_TRUE(docs.ok()) << docs.status();
  return docs.ok() ? *docs : std::vector<v1::Document>{};
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto query = ServerProcess::Start(Runfile("query_service/query_server"), {});
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = *std::move(query);
    auto extractor = ServerProcess::Start(Runfile("extractor_service/extractor_server"),
                                          {"--query_address=" + query_->address()});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
    extractor_stub_ = v1::ExtractorService::NewStub(Connect(*extractor_));
    query_stub_ = v1::QueryService::NewStub(Connect(*query_));
  }

  // Both servers must drain and exit 0 on SIGTERM.
  void TearDown() override {
    // Close this test's connections first: a server's graceful shutdown
    // otherwise waits for connected idle clients to see its GOAWAY.
    extractor_stub_.reset();
    query_stub_.reset();
    if (extractor_ != nullptr) {
      absl::StatusOr<int> code = extractor_->Stop();
      EXPECT_TRUE(code.ok() && *code == 0) << "extractor_server: " << code.status() << " " << code.value_or(-1);
    }
    if (query_ != nullptr) {
      absl::StatusOr<int> code = query_->Stop();
      EXPECT_TRUE(code.ok() && *code == 0) << "query_server: " << code.status() << " " << code.value_or(-1);
    }
  }

  v1::SubmitDocumentsResponse SubmitExamples() {
    v1::SubmitDocumentsRequest request;
    for (v1::Document& doc : ExampleDocuments()) *request.add_documents() = std::move(doc);
    request.set_wait_for_index(true);
    v1::SubmitDocumentsResponse response;
    auto context = Context();
    grpc::Status status = extractor_stub_->SubmitDocuments(context.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  v1::SearchClaimsResponse Search(const std::string& query, const std::string& speaker = "") {
    v1::SearchClaimsRequest request;
    request.set_query(query);
    request.set_speaker(speaker);
    request.set_page_size(100);
    v1::SearchClaimsResponse response;
    auto context = Context();
    grpc::Status status = query_stub_->SearchClaims(context.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<ServerProcess> extractor_;
  std::unique_ptr<v1::ExtractorService::Stub> extractor_stub_;
  // Polls GetStats until no claim waits for the clustering stage.
  bool WaitUntilClustered() {
    for (int attempt = 0; attempt < 500; ++attempt) {
      v1::GetStatsResponse stats;
      auto context = Context();
      if (query_stub_->GetStats(context.get(), v1::GetStatsRequest(), &stats).ok() &&
          stats.claims_pending_clustering() == 0) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  std::unique_ptr<v1::QueryService::Stub> query_stub_;
};

TEST_F(EndToEndTest, BothServersReportServing) {
  EXPECT_EQ(Health(*query_, ""), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(*query_, "claims.v1.QueryService"), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(*extractor_, ""), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(*extractor_, "claims.v1.ExtractorService"), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(EndToEndTest, SubmittedExamplesAreIndexedAndSearchable) {
  const std::vector<v1::Document> docs = ExampleDocuments();
  ASSERT_GE(docs.size(), 4u);
  v1::SubmitDocumentsResponse submitted = SubmitExamples();
  ASSERT_EQ(submitted.documents_size(), static_cast<int>(docs.size()));
  uint64_t total_claims = 0;
  for (const v1::SubmittedDocument& d : submitted.documents()) {
    EXPECT_TRUE(d.indexed()) << d.doc_id();
    EXPECT_GT(d.claims(), 0u) << d.doc_id() << " produced no claims";
    total_claims += d.claims();
  }

  v1::GetStatsResponse stats;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetStats(context.get(), v1::GetStatsRequest(), &stats).ok());
  }
  EXPECT_EQ(stats.documents(), docs.size());
  EXPECT_EQ(stats.claims(), total_claims);
  // Submitted claims are searchable at once; their clusters follow from the
  // query service's clustering stage, which GetStats shows draining.
  ASSERT_TRUE(WaitUntilClustered());

  // A statement several outlets carried: found in at least three documents,
  // each hit containing both terms and carrying its outlet from the manifest.
  v1::SearchClaimsResponse water_war = Search("water war");
  std::set<std::string> outlets;
  for (const v1::Claim& c : water_war.claims()) {
    EXPECT_TRUE(absl::StrContains(absl::AsciiStrToLower(c.text()), "water war")) << c.text();
    EXPECT_THAT(c.source().outlet(), Not(IsEmpty())) << c.doc_id();
    outlets.insert(c.source().outlet());
  }
  EXPECT_GE(outlets.size(), 3u);

  // Corroboration: the outlets' reports of that statement by one speaker
  // share a cluster, and GetCorroboration lists them with their outlets.
  {
    v1::GetCorroborationRequest request;
    request.set_claim_id(water_war.claims(0).claim_id());
    v1::Corroboration corroboration;
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetCorroboration(context.get(), request, &corroboration).ok());
    EXPECT_GE(corroboration.outlet_count(), 3u);
    EXPECT_EQ(corroboration.outlets_size(), static_cast<int>(corroboration.outlet_count()));
    std::set<std::string> speakers;
    for (const v1::Claim& c : corroboration.claims()) {
      EXPECT_EQ(c.cluster_id(), corroboration.cluster_id());
      EXPECT_EQ(c.outlet_count(), corroboration.outlet_count());
      speakers.insert(c.speaker().speaker_id());
    }
    EXPECT_EQ(speakers.size(), 1u);
    v1::ListClustersRequest list;
    list.mutable_filter()->set_min_outlets(2);
    v1::ListClustersResponse clusters;
    auto list_context = Context();
    ASSERT_TRUE(query_stub_->ListClusters(list_context.get(), list, &clusters).ok());
    ASSERT_GT(clusters.clusters_size(), 0);
    EXPECT_GE(clusters.clusters(0).outlet_count(), 3u);  // most outlets first
    for (const v1::ClusterSummary& c : clusters.clusters()) EXPECT_GE(c.outlet_count(), 2u);
  }

  // Speaker filter: every claim returned is by the speaker asked for.
  v1::ListSpeakersResponse speakers;
  {
    v1::ListSpeakersRequest request;
    request.set_page_size(1000);
    auto context = Context();
    ASSERT_TRUE(query_stub_->ListSpeakers(context.get(), request, &speakers).ok());
  }
  std::string varga_id;
  for (const v1::SpeakerSummary& s : speakers.speakers()) {
    if (s.canonical_name() == "Helena Varga") varga_id = s.speaker_id();
  }
  ASSERT_FALSE(varga_id.empty()) << "no speaker named Helena Varga among " << speakers.speakers_size();
  v1::SearchClaimsResponse by_varga = Search("", varga_id);
  ASSERT_GT(by_varga.claims_size(), 0);
  for (const v1::Claim& c : by_varga.claims()) EXPECT_EQ(c.speaker().speaker_id(), varga_id);
  v1::SearchClaimsResponse farmers = Search("farmers", varga_id);
  EXPECT_GT(farmers.claims_size(), 0);

  // GetClaim returns the stored record; an unknown id is NOT_FOUND.
  const v1::Claim& first = water_war.claims(0);
  v1::GetClaimRequest get;
  get.set_claim_id(first.claim_id());
  v1::Claim fetched;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetClaim(context.get(), get, &fetched).ok());
  }
  EXPECT_EQ(fetched.SerializeAsString(), first.SerializeAsString());
  get.set_claim_id("c-0000000000000000");
  {
    auto context = Context();
    EXPECT_EQ(query_stub_->GetClaim(context.get(), get, &fetched).error_code(), grpc::StatusCode::NOT_FOUND);
  }

  // Submitting the same articles again replaces, never duplicates.
  SubmitExamples();
  v1::GetStatsResponse again;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetStats(context.get(), v1::GetStatsRequest(), &again).ok());
  }
  EXPECT_EQ(again.documents(), stats.documents());
  EXPECT_EQ(again.claims(), stats.claims());
}

TEST_F(EndToEndTest, BadRequestsGetClearStatuses) {
  v1::SubmitDocumentsRequest empty;
  v1::SubmitDocumentsResponse response;
  {
    auto context = Context();
    grpc::Status status = extractor_stub_->SubmitDocuments(context.get(), empty, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("documents"));
  }
  v1::SearchClaimsRequest search;
  search.set_page_token("not-a-token");
  v1::SearchClaimsResponse found;
  {
    auto context = Context();
    grpc::Status status = query_stub_->SearchClaims(context.get(), search, &found);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("page_token"));
  }
  // Bytes that are not a request are refused by name (SearchClaims reads
  // its request from raw bytes itself; the other methods' refusals come
  // from the servers' interceptor), and the servers go on answering.
  {
    const std::string garbage("\x0a\xff\xff\xff\xff\x0f truncated", 13);
    auto call = [&garbage, this](grpc::GenericStub& stub, const std::string& method) {
      grpc::Slice slice(garbage);
      const grpc::ByteBuffer request(&slice, 1);
      grpc::ByteBuffer reply;
      auto context = Context();
      absl::Notification done;
      grpc::Status status;
      stub.UnaryCall(context.get(), method, grpc::StubOptions(), &request, &reply, [&](grpc::Status s) {
        status = std::move(s);
        done.Notify();
      });
      done.WaitForNotification();
      return status;
    };
    grpc::GenericStub query_generic(Connect(*query_));
    grpc::GenericStub extractor_generic(Connect(*extractor_));
    const struct {
      grpc::GenericStub* stub;
      std::string method, request_type;
    } cases[] = {
        {&query_generic, "/claims.v1.QueryService/SearchClaims", "claims.v1.SearchClaimsRequest"},
        {&query_generic, "/claims.v1.QueryService/GetClaim", "claims.v1.GetClaimRequest"},
        {&query_generic, "/claims.v1.QueryService/GetStats", "claims.v1.GetStatsRequest"},
        {&extractor_generic, "/claims.v1.ExtractorService/Extract", "claims.v1.ExtractRequest"},
    };
    for (const auto& c : cases) {
      const grpc::Status status = call(*c.stub, c.method);
      EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.method;
      EXPECT_THAT(status.error_message(), ::testing::HasSubstr(c.request_type)) << c.method;
    }
    search.set_page_token("");
    search.set_query("minister");
    auto retry = Context();
    EXPECT_TRUE(query_stub_->SearchClaims(retry.get(), search, &found).ok());
  }
  // Extract on invalid UTF-8 still answers: bytes are replaced, not fatal.
  v1::ExtractRequest extract;
  extract.mutable_document()->set_raw("\xff\xfe broken \xc3 bytes. \"A quote here,\" she said.");
  v1::ExtractResponse extracted;
  {
    auto context = Context();
    grpc::Status status = extractor_stub_->Extract(context.get(), extract, &extracted);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_GT(extracted.stats().invalid_utf8_sequences(), 0u);
  }
}

// The typed query API around the ingested examples: a live watch sees new
// claims as they are indexed; speaker profiles, documents and deletion.
TEST_F(EndToEndTest, WatchProfilesDocumentsAndDeletion) {
  grpc::ClientContext watch_context;
  v1::WatchClaimsRequest watch_request;
  watch_request.set_query("water");
  std::unique_ptr<grpc::ClientReader<v1::Claim>> watch = query_stub_->WatchClaims(&watch_context, watch_request);
  watch->WaitForInitialMetadata();  // the watch is registered before anything is submitted

  v1::SubmitDocumentsResponse submitted = SubmitExamples();
  ASSERT_GT(submitted.documents_size(), 0);
  v1::Claim seen;
  ASSERT_TRUE(watch->Read(&seen));
  EXPECT_NE(absl::AsciiStrToLower(seen.text()).find("water"), std::string::npos) << seen.text();
  watch_context.TryCancel();
  while (watch->Read(&seen)) {
  }
  EXPECT_EQ(watch->Finish().error_code(), grpc::StatusCode::CANCELLED);

  v1::SearchClaimsRequest search;
  search.set_query("water");
  search.add_facets(v1::FACET_FIELD_OUTLET);
  search.set_sort(v1::SORT_ORDER_STATEMENT_DATE);
  v1::SearchClaimsResponse found;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->SearchClaims(context.get(), search, &found).ok());
  }
  ASSERT_GT(found.claims_size(), 0);
  ASSERT_EQ(found.hits_size(), found.claims_size());
  ASSERT_EQ(found.facets_size(), 1);
  EXPECT_GE(found.facets(0).counts_size(), 3);  // several outlets carry "water"

  v1::GetSpeakerRequest speaker;
  speaker.set_speaker_id(found.claims(0).speaker().speaker_id());
  v1::SpeakerProfile profile;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetSpeaker(context.get(), speaker, &profile).ok());
  }
  EXPECT_GT(profile.claim_count(), 0u);
  EXPECT_FALSE(profile.canonical_name().empty());

  const std::string doc_id = found.claims(0).doc_id();
  v1::GetDocumentRequest get_doc;
  get_doc.set_doc_id(doc_id);
  v1::DocumentClaims doc;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->GetDocument(context.get(), get_doc, &doc).ok());
  }
  EXPECT_GT(doc.claims_size(), 0);
  v1::DeleteDocumentRequest del;
  del.set_doc_id(doc_id);
  v1::DeleteDocumentResponse deleted;
  {
    auto context = Context();
    ASSERT_TRUE(query_stub_->DeleteDocument(context.get(), del, &deleted).ok());
  }
  EXPECT_EQ(deleted.claims_removed(), static_cast<uint32_t>(doc.claims_size()));
  {
    auto context = Context();
    EXPECT_EQ(query_stub_->GetDocument(context.get(), get_doc, &doc).error_code(), grpc::StatusCode::NOT_FOUND);
  }
}

// The query service is down when documents are submitted: the extractor
// keeps them queued and delivers them once it comes up.
TEST(EndToEndDeliveryTest, ClaimsSubmittedWhileTheQueryServiceIsDownArriveLater) {
  const int query_port = UnusedPort();
  auto extractor = ServerProcess::Start(Runfile("extractor_service/extractor_server"),
                                        {"--query_address=127.0.0.1:" + std::to_string(query_port)});
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  auto extractor_stub = v1::ExtractorService::NewStub(Connect(**extractor));
  v1::SubmitDocumentsRequest request;
  for (v1::Document& doc : ExampleDocuments()) *request.add_documents() = std::move(doc);
  v1::SubmitDocumentsResponse response;
  {
    auto context = Context();
    grpc::Status status = extractor_stub->SubmitDocuments(context.get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  // Waiting for the index now times out: nothing can acknowledge.
  request.set_wait_for_index(true);
  request.mutable_documents()->DeleteSubrange(1, request.documents_size() - 1);
  {
    auto context = Context(absl::Seconds(1));
    grpc::Status status = extractor_stub->SubmitDocuments(context.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << status.error_message();
  }

  auto query = ServerProcess::Start(Runfile("query_service/query_server"), {"--port=" + std::to_string(query_port)});
  ASSERT_TRUE(query.ok()) << query.status();
  ASSERT_EQ((*query)->port(), query_port);
  auto query_stub = v1::QueryService::NewStub(Connect(**query));
  const size_t expected_docs = ExampleDocuments().size();
  v1::GetStatsResponse stats;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    auto context = Context();
    ASSERT_TRUE(query_stub->GetStats(context.get(), v1::GetStatsRequest(), &stats).ok());
    if (stats.documents() == expected_docs) break;
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(stats.documents(), expected_docs);
  EXPECT_GT(stats.claims(), 0u);
  extractor_stub.reset();
  query_stub.reset();
  EXPECT_EQ(*(*extractor)->Stop(), 0);
  EXPECT_EQ(*(*query)->Stop(), 0);
}

}  // namespace
}  // namespace claims
