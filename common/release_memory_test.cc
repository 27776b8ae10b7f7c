#include "common/release_memory.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "gtest/gtest.h"

namespace claims {
namespace {

// Resident bytes of this process, from /proc/self/statm.
long ResidentBytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return -1;
  long size = 0, resident = 0;
  const int read = std::fscanf(f, "%ld %ld", &size, &resident);
  std::fclose(f);
  return read == 2 ? resident * sysconf(_SC_PAGESIZE) : -1;
}

// With tcmalloc linked (as in this test and the servers), freed memory that
// the allocator kept resident goes back to the system.
TEST(ReleaseMemoryTest, FreedMemoryLeavesTheProcess) {
  if (!CanReleaseFreeMemory()) GTEST_SKIP() << "the linked allocator cannot release memory (sanitizer build?)";
  constexpr size_t kChunk = 1 << 20;
  constexpr int kChunks = 256;
  {
    std::vector<std::unique_ptr<char[]>> chunks;
    for (int i = 0; i < kChunks; ++i) {
      chunks.emplace_back(new char[kChunk]);
      for (size_t b = 0; b < kChunk; b += 4096) chunks.back()[b] = 1;  // touch every page
    }
  }
  const long before = ResidentBytes();
  ASSERT_GT(before, 0);
  ASSERT_TRUE(ReleaseFreeMemory());
  const long after = ResidentBytes();
  EXPECT_LT(after, before - static_cast<long>(kChunks / 2 * kChunk)) << "before " << before << ", after " << after;
}

}  // namespace
}  // namespace claims
