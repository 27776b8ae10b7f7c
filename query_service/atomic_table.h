// A grow-only array of small unsigned values, written by one thread and read
// by any without locks.
//
// Values live in fixed chunks that never move once allocated, so a reader
// holding an index never sees memory freed under it. Unset slots read 0.
#ifndef CLAIMS_QUERY_SERVICE_ATOMIC_TABLE_H_
#define CLAIMS_QUERY_SERVICE_ATOMIC_TABLE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace claims::query {

template <typename T>
class AtomicTable {
 public:
  static constexpr int kChunkBits = 16;
  static constexpr size_t kChunk = size_t{1} << kChunkBits;
  // 2^32 slots in all.
  static constexpr size_t kMaxChunks = size_t{1} << (32 - kChunkBits);

  AtomicTable() : chunks_(new std::atomic<std::atomic<T>*>[kMaxChunks]) {
    for (size_t i = 0; i < kMaxChunks; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
  }
  ~AtomicTable() {
    for (size_t i = 0; i < kMaxChunks; ++i) delete[] chunks_[i].load(std::memory_order_relaxed);
  }
  AtomicTable(const AtomicTable&) = delete;
  AtomicTable& operator=(const AtomicTable&) = delete;

  // Writer only.
  void Set(uint32_t index, T value) {
    std::atomic<T>* chunk = chunks_[index >> kChunkBits].load(std::memory_order_relaxed);
    if (chunk == nullptr) {
      chunk = new std::atomic<T>[kChunk]();
      chunks_[index >> kChunkBits].store(chunk, std::memory_order_release);
      allocated_.fetch_add(1, std::memory_order_relaxed);
    }
    chunk[index & (kChunk - 1)].store(value, std::memory_order_release);
  }

  // Any thread.
  T Get(uint32_t index) const {
    const std::atomic<T>* chunk = chunks_[index >> kChunkBits].load(std::memory_order_acquire);
    return chunk == nullptr ? T{0} : chunk[index & (kChunk - 1)].load(std::memory_order_acquire);
  }

  // Heap bytes of the allocated chunks plus the chunk directory.
  size_t MemoryBytes() const {
    return allocated_.load(std::memory_order_relaxed) * kChunk * sizeof(T) + kMaxChunks * sizeof(void*);
  }

 private:
  std::unique_ptr<std::atomic<std::atomic<T>*>[]> chunks_;
  std::atomic<size_t> allocated_{0};
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_ATOMIC_TABLE_H_
