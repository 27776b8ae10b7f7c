#include "query_service/atomic_table.h"

#include <atomic>
#include <cstdint>
#include <thread>

#include "gtest/gtest.h"

namespace claims::query {
namespace {

TEST(AtomicTableTest, UnsetSlotsReadZeroAndSetSlotsKeepTheirValue) {
  AtomicTable<uint32_t> table;
  EXPECT_EQ(table.Get(0), 0u);
  EXPECT_EQ(table.Get(UINT32_MAX), 0u);
  table.Set(7, 70);
  table.Set(AtomicTable<uint32_t>::kChunk + 3, 12);  // second chunk
  table.Set(UINT32_MAX, 9);                         // last slot
  EXPECT_EQ(table.Get(7), 70u);
  EXPECT_EQ(table.Get(8), 0u);
  EXPECT_EQ(table.Get(AtomicTable<uint32_t>::kChunk + 3), 12u);
  EXPECT_EQ(table.Get(UINT32_MAX), 9u);
  table.Set(7, 71);
  EXPECT_EQ(table.Get(7), 71u);
}

TEST(AtomicTableTest, MemoryGrowsByChunks) {
  AtomicTable<uint16_t> table;
  const size_t empty = table.MemoryBytes();
  table.Set(1, 1);
  table.Set(2, 1);
  const size_t one = table.MemoryBytes();
  EXPECT_EQ(one - empty, AtomicTable<uint16_t>::kChunk * sizeof(uint16_t));
  table.Set(5 * AtomicTable<uint16_t>::kChunk, 1);
  EXPECT_EQ(table.MemoryBytes() - one, AtomicTable<uint16_t>::kChunk * sizeof(uint16_t));
}

// A reader running beside the writer sees each slot either unset or with the
// value written, never anything else (run under TSan to check the ordering).
TEST(AtomicTableTest, ReaderBesideWriterSeesOnlyWrittenValues) {
  AtomicTable<uint32_t> table;
  constexpr uint32_t kSlots = 3 * AtomicTable<uint32_t>::kChunk;
  std::atomic<uint32_t> written{0};
  std::thread writer([&] {
    for (uint32_t i = 0; i < kSlots; ++i) {
      table.Set(i, i + 1);
      written.store(i + 1, std::memory_order_release);
    }
  });
  uint64_t bad = 0;
  while (written.load(std::memory_order_acquire) < kSlots) {
    const uint32_t done = written.load(std::memory_order_acquire);
    for (uint32_t i = 0; i < done; i += 997) bad += table.Get(i) != i + 1;
    const uint32_t probe = done + 5;
    const uint32_t v = table.Get(probe);
    bad += v != 0 && v != probe + 1;
  }
  writer.join();
  EXPECT_EQ(bad, 0u);
  for (uint32_t i = 0; i < kSlots; ++i) ASSERT_EQ(table.Get(i), i + 1);
}

}  // namespace
}  // namespace claims::query
