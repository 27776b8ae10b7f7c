// Server reflection as grpcurl uses it, against the real binaries: list the
// services, describe a method and its messages, call methods with JSON
// bodies, and check health — all with types learned from the server.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/testing/server_process.h"
#include "tools/reflection/reflection_client.h"

namespace claims {
namespace {

using ::claims::testing::Runfile;
using ::claims::testing::ServerProcess;
using ::claims::tools::ReflectionClient;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

class ReflectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto query = ServerProcess::Start(Runfile("query_service/query_server"), {});
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = query->release();
    auto extractor = ServerProcess::Start(Runfile("extractor_service/extractor_server"), {});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() {
    for (ServerProcess** server : {&extractor_, &query_}) {
      if (*server == nullptr) continue;
      absl::StatusOr<int> code = (*server)->Stop();
      EXPECT_TRUE(code.ok() && *code == 0) << code.status();
      delete *server;
      *server = nullptr;
    }
  }

  static std::unique_ptr<ReflectionClient> Client(const ServerProcess& server) {
    return std::make_unique<ReflectionClient>(
        grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials()), absl::Seconds(10));
  }

  static ServerProcess* query_;
  static ServerProcess* extractor_;
};

ServerProcess* ReflectionTest::query_ = nullptr;
ServerProcess* ReflectionTest::extractor_ = nullptr;

TEST_F(ReflectionTest, ListsTheServicesOfEachServer) {
  absl::StatusOr<std::vector<std::string>> query_services = Client(*query_)->ListServices();
  ASSERT_TRUE(query_services.ok()) << query_services.status();
  EXPECT_THAT(*query_services, IsSupersetOf({"claims.v1.QueryService", "grpc.health.v1.Health",
                                             "grpc.reflection.v1alpha.ServerReflection"}));
  absl::StatusOr<std::vector<std::string>> extractor_services = Client(*extractor_)->ListServices();
  ASSERT_TRUE(extractor_services.ok()) << extractor_services.status();
  EXPECT_THAT(*extractor_services, Contains("claims.v1.ExtractorService"));
}

TEST_F(ReflectionTest, DescribesServicesMethodsAndMessages) {
  auto client = Client(*query_);
  absl::StatusOr<std::string> service = client->Describe("claims.v1.QueryService");
  ASSERT_TRUE(service.ok()) << service.status();
  EXPECT_THAT(*service, HasSubstr("rpc SearchClaims(.claims.v1.SearchClaimsRequest)"));
  EXPECT_THAT(*service, HasSubstr("rpc IngestClaims(stream .claims.v1.IngestClaimsRequest)"));

  absl::StatusOr<std::string> method = client->Describe("claims.v1.QueryService/SearchClaims");
  ASSERT_TRUE(method.ok()) << method.status();
  EXPECT_THAT(*method, HasSubstr("message SearchClaimsRequest"));
  EXPECT_THAT(*method, HasSubstr("string query = 1;"));

  // A message from the imported claim.proto resolves through its dependency.
  absl::StatusOr<std::string> claim = client->Describe("claims.v1.Claim");
  ASSERT_TRUE(claim.ok()) << claim.status();
  EXPECT_THAT(*claim, HasSubstr("string claim_id = 1;"));

  EXPECT_EQ(client->Describe("claims.v1.NoSuchThing").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ReflectionTest, CallsMethodsWithJsonBodies) {
  absl::StatusOr<std::string> extracted = Client(*extractor_)->CallJson(
      "claims.v1.ExtractorService/Extract",
      R"({"document": {"docId": "reflection-note", "text": "\u201cThe bridge opens on Monday,\u201d Mayor Ada Quist said."}})");
  ASSERT_TRUE(extracted.ok()) << extracted.status();
  EXPECT_THAT(*extracted, HasSubstr("\"text\": \"The bridge opens on Monday\""));
  EXPECT_THAT(*extracted, HasSubstr("\"canonicalName\": \"Ada Quist\""));
  EXPECT_THAT(*extracted, HasSubstr("\"CLAIM_KIND_DIRECT\""));

  absl::StatusOr<std::string> stats = Client(*query_)->CallJson("claims.v1.QueryService/GetStats", "{}");
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_THAT(*stats, HasSubstr("\"openIngestStreams\""));
}

TEST_F(ReflectionTest, ReportsBadCallsWithTheirStatus) {
  auto client = Client(*query_);
  absl::Status bad_json = client->CallJson("claims.v1.QueryService/GetClaim", R"({"noSuchField": 1})").status();
  EXPECT_EQ(bad_json.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad_json.message()), HasSubstr("noSuchField"));
  absl::Status missing = client->CallJson("claims.v1.QueryService/GetClaim", R"({"claimId": "c-0"})").status();
  EXPECT_EQ(missing.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(client->CallJson("claims.v1.QueryService/NoSuchMethod", "{}").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(client->CallJson("claims.v1.QueryService/IngestClaims", "{}").status().code(),
            absl::StatusCode::kUnimplemented);
}

TEST_F(ReflectionTest, HealthAnswersThroughReflectionToo) {
  for (ServerProcess* server : {query_, extractor_}) {
    absl::StatusOr<std::string> health = Client(*server)->CallJson("grpc.health.v1.Health/Check", "{}");
    ASSERT_TRUE(health.ok()) << health.status();
    EXPECT_THAT(*health, HasSubstr("\"status\": \"SERVING\""));
    absl::StatusOr<std::string> described = Client(*server)->Describe("grpc.health.v1.Health");
    ASSERT_TRUE(described.ok()) << described.status();
    EXPECT_THAT(*described, HasSubstr("rpc Check(.grpc.health.v1.HealthCheckRequest)"));
  }
}

}  // namespace
}  // namespace claims
