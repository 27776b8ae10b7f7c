#include "common/document_files.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? std::string(dir) : std::string("/tmp");
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

TEST(DocIdForPathTest, StripsDirectoryAndLastExtension) {
  EXPECT_EQ(DocIdForPath("a/b/story.txt"), "story");
  EXPECT_EQ(DocIdForPath("story.v2.txt"), "story.v2");
  EXPECT_EQ(DocIdForPath(".hidden"), ".hidden");
  EXPECT_EQ(DocIdForPath("-"), "");
}

TEST(ParseIsoDateTest, AcceptsDatesAndRejectsOtherText) {
  absl::StatusOr<v1::Date> date = ParseIsoDate("2025-03-12");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2025);
  EXPECT_EQ(date->month(), 3);
  EXPECT_EQ(date->day(), 12);
  EXPECT_EQ(ParseIsoDate("2025-13-01").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseIsoDate("12/03/2025").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseIsoDate("").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(LoadManifestTest, ReadsFilesRelativeToTheManifestWithMetadata) {
  const std::string dir = TempDir();
  WriteFile(dir + "/one.txt", "First article.");
  WriteFile(dir + "/two.txt", "Second article.");
  WriteFile(dir + "/manifest.tsv",
            "# file\toutlet\turl\n\none.txt\tThe Example Times\thttps://times.example/1\r\ntwo.txt\n");
  absl::StatusOr<std::vector<v1::Document>> docs = LoadManifest(dir + "/manifest.tsv");
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].doc_id(), "one");
  EXPECT_EQ((*docs)[0].raw(), "First article.");
  EXPECT_EQ((*docs)[0].metadata().outlet(), "The Example Times");
  EXPECT_EQ((*docs)[0].metadata().url(), "https://times.example/1");
  EXPECT_EQ((*docs)[1].doc_id(), "two");
  EXPECT_EQ((*docs)[1].metadata().outlet(), "");
}

TEST(LoadManifestTest, ReportsMissingFilesAndBadLines) {
  const std::string dir = TempDir();
  WriteFile(dir + "/missing.tsv", "nowhere.txt\tOutlet\n");
  EXPECT_EQ(LoadManifest(dir + "/missing.tsv").status().code(), absl::StatusCode::kNotFound);
  WriteFile(dir + "/bad.tsv", "a.txt\tb\tc\td\n");
  absl::Status bad = LoadManifest(dir + "/bad.tsv").status();
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find(":1:"), std::string::npos) << bad;
  EXPECT_EQ(LoadManifest(dir + "/absent.tsv").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace claims
