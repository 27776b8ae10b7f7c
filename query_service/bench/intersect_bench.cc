// Intersections of two posting lists, each strategy alone (Google
// Benchmark): merging (DocIds::MergeCommon), seeking the shorter list's ids
// in the longer (DocIds::AppendCommon), IntersectDocIds' choice between
// them, the shorter list's ids against the longer's bitmap
// (IntersectIdsWithBitmaps), and for long lists the bitmaps' intersection
// (IntersectBitmaps) beside CRoaring's AND converted to an array. Lists are random claim ids
// among 1,000,000, stored as a segment stores them (16-bit offsets from
// each block's first id where a block spans fewer than 65,536 ids).
//
//   bazel run -c opt //query_service/bench:intersect_bench
//
// Arguments: the shorter list's length, then how many times longer the
// other is.
#include <algorithm>
#include <random>
#include <vector>

#include "benchmark/benchmark.h"
#include "query_service/bitmap_intersection.h"
#include "query_service/segment.h"

namespace claims::query {
namespace {

constexpr uint32_t kUniverse = 1000000;

struct List {
  std::vector<uint32_t> ids;
  std::vector<uint16_t> narrow;
  std::vector<uint32_t> bases;
  bool is_narrow = true;
  Roaring bitmap;

  DocIds docs() const { return is_narrow ? DocIds(narrow.data(), bases.data(), ids.size()) : DocIds(ids); }
};

List MakeList(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint32_t> ids;
  ids.reserve(n * 11 / 10);
  std::bernoulli_distribution take(static_cast<double>(n) / kUniverse);
  for (uint32_t id = 0; id < kUniverse; ++id) {
    if (take(rng)) ids.push_back(id);
  }
  List l;
  l.ids = std::move(ids);
  for (size_t i = 0; i < l.ids.size(); ++i) {
    if (i % DocIds::kBlock == 0) l.bases.push_back(l.ids[i]);
    const uint32_t offset = l.ids[i] - l.bases.back();
    l.is_narrow &= offset <= UINT16_MAX;
    l.narrow.push_back(static_cast<uint16_t>(offset));
  }
  l.bitmap = Roaring(l.ids.size(), l.ids.data());
  l.bitmap.runOptimize();
  return l;
}

struct Pair {
  List shorter, longer;
};

const Pair& PairFor(const benchmark::State& state) {
  static auto* pairs = new std::vector<std::pair<std::pair<int64_t, int64_t>, Pair>>();
  const auto key = std::make_pair(state.range(0), state.range(1));
  for (const auto& [k, p] : *pairs) {
    if (k == key) return p;
  }
  Pair p{MakeList(static_cast<size_t>(key.first), 1), MakeList(static_cast<size_t>(key.first * key.second), 2)};
  pairs->emplace_back(key, std::move(p));
  return pairs->back().second;
}

template <typename Intersect>
void Run(benchmark::State& state, Intersect intersect) {
  const Pair& p = PairFor(state);
  const DocIds a = p.shorter.docs(), b = p.longer.docs();
  std::vector<uint32_t> out, indexes;
  for (auto _ : state) {
    out.clear();
    indexes.clear();
    intersect(p, a, b, &out, &indexes);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["matches"] = static_cast<double>(out.size());
  state.counters["ns/shorter id"] = benchmark::Counter(static_cast<double>(state.iterations() * a.size()),
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Merge(benchmark::State& state) {
  Run(state, [](const Pair&, const DocIds& a, const DocIds& b, auto* out, auto* indexes) {
    a.MergeCommon(b, out, indexes);
  });
}

void BM_Seek(benchmark::State& state) {
  Run(state, [](const Pair&, const DocIds& a, const DocIds& b, auto* out, auto* indexes) {
    if (b.narrow()) {
      a.AppendCommon(b, out, indexes);
    } else {
      IntersectDocIds({&a, &b}, out, indexes);  // the general loop seeks wide lists
    }
  });
}

void BM_IntersectDocIds(benchmark::State& state) {
  Run(state, [](const Pair&, const DocIds& a, const DocIds& b, auto* out, auto* indexes) {
    IntersectDocIds({&a, &b}, out, indexes);
  });
}

void BM_IntersectBitmaps(benchmark::State& state) {
  Run(state, [](const Pair& p, const DocIds&, const DocIds&, auto* out, auto*) {
    IntersectBitmaps({&p.shorter.bitmap, &p.longer.bitmap}, out);
  });
}

// The shorter list's ids (read out of its DocIds, as a search must) against
// the longer's bitmap.
void BM_IdsWithBitmap(benchmark::State& state) {
  std::vector<uint32_t> ids;
  Run(state, [&ids](const Pair& p, const DocIds& a, const DocIds&, auto* out, auto*) {
    ids.clear();
    a.ForEach([&ids](uint32_t id) { ids.push_back(id); });
    IntersectIdsWithBitmaps(ids, {&p.longer.bitmap}, out);
  });
}

void BM_RoaringAnd(benchmark::State& state) {
  Run(state, [](const Pair& p, const DocIds&, const DocIds&, auto* out, auto*) {
    const Roaring both = p.shorter.bitmap & p.longer.bitmap;
    out->resize(both.cardinality());
    both.toUint32Array(out->data());
  });
}

void ListSizes(benchmark::internal::Benchmark* b) {
  // 100 ids and up to sixteen times as many: both lists wide (a block
  // spans more than 65,536 ids).
  for (int64_t shorter : {100, 1000, 4000, 20000}) {
    for (int64_t ratio : {1, 2, 4, 8, 16, 32}) b->Args({shorter, ratio});
  }
}

void BitmapSizes(benchmark::internal::Benchmark* b) {
  for (int64_t shorter : {4096, 20000, 100000}) {
    for (int64_t ratio : {1, 4, 16}) {
      if (shorter * ratio <= kUniverse / 2) b->Args({shorter, ratio});
    }
  }
}

BENCHMARK(BM_Merge)->Apply(ListSizes);
BENCHMARK(BM_Seek)->Apply(ListSizes);
BENCHMARK(BM_IntersectDocIds)->Apply(ListSizes);
BENCHMARK(BM_IdsWithBitmap)->Apply(ListSizes);
BENCHMARK(BM_IntersectBitmaps)->Apply(BitmapSizes);
BENCHMARK(BM_RoaringAnd)->Apply(BitmapSizes);

}  // namespace
}  // namespace claims::query

BENCHMARK_MAIN();
