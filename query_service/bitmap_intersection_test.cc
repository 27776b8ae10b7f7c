#include "query_service/bitmap_intersection.h"

#include <algorithm>
#include <iterator>
#include <random>
#include <set>
#include <vector>

#include "gtest/gtest.h"

namespace claims::query {
namespace {

std::vector<uint16_t> RandomSorted(std::mt19937& rng, size_t n, uint32_t range) {
  std::set<uint16_t> values;
  std::uniform_int_distribution<uint32_t> pick(0, range - 1);
  while (values.size() < n) values.insert(static_cast<uint16_t>(pick(rng)));
  return {values.begin(), values.end()};
}

std::vector<uint16_t> Intersect16(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b) {
  std::vector<uint16_t> out(std::min(a.size(), b.size()) + 1, 0xdead);
  out.resize(IntersectSorted16(a.data(), a.size(), b.data(), b.size(), out.data()));
  return out;
}

std::vector<uint16_t> Expected16(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b) {
  std::vector<uint16_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Lengths around the groups of eight the vector merge compares, and pairs
// skewed enough to gallop, each in both orders.
TEST(IntersectSorted16Test, MatchesSetIntersection) {
  std::mt19937 rng(7);
  const size_t sizes[] = {0, 1, 7, 8, 9, 15, 16, 17, 64, 100, 1000, 4000};
  const uint32_t ranges[] = {64, 2000, 65536};
  for (size_t na : sizes) {
    for (size_t nb : sizes) {
      for (uint32_t range : ranges) {
        if (na > range || nb > range) continue;
        const std::vector<uint16_t> a = RandomSorted(rng, na, range);
        const std::vector<uint16_t> b = RandomSorted(rng, nb, range);
        EXPECT_EQ(Intersect16(a, b), Expected16(a, b)) << na << " and " << nb << " values below " << range;
      }
    }
  }
}

TEST(IntersectSorted16Test, IdenticalDisjointAndEdgeValues) {
  std::vector<uint16_t> evens, odds, all;
  for (uint32_t v = 0; v <= 0xffff; ++v) (v % 2 == 0 ? evens : odds).push_back(static_cast<uint16_t>(v));
  for (uint32_t v = 0; v <= 0xffff; ++v) all.push_back(static_cast<uint16_t>(v));
  EXPECT_TRUE(Intersect16(evens, odds).empty());
  EXPECT_EQ(Intersect16(evens, evens), evens);
  EXPECT_EQ(Intersect16(all, odds), odds);
  EXPECT_EQ(Intersect16(odds, all), odds);
  const std::vector<uint16_t> ends = {0, 0xffff};
  EXPECT_EQ(Intersect16(ends, all), ends);
  EXPECT_EQ(Intersect16(all, {0xffff}), std::vector<uint16_t>{0xffff});
}

// A bitmap whose chunks of 65,536 values are, chunk by chunk, sparse
// (array containers), dense (bitsets), runs of consecutive values (run
// containers after runOptimize) or absent.
Roaring RandomBitmap(std::mt19937& rng, int chunks) {
  Roaring r;
  std::uniform_int_distribution<int> kind(0, 3);
  for (int chunk = 0; chunk < chunks; ++chunk) {
    const uint32_t base = static_cast<uint32_t>(chunk) << 16;
    switch (kind(rng)) {
      case 0:
        for (uint16_t v : RandomSorted(rng, 1 + rng() % 3000, 65536)) r.add(base + v);
        break;
      case 1: {
        const uint32_t one_in = 2 + rng() % 10;
        std::vector<uint32_t> values;
        for (uint32_t v = 0; v < 65536; ++v) {
          if (rng() % one_in == 0) values.push_back(base + v);
        }
        r.addMany(values.size(), values.data());
        break;
      }
      case 2:
        for (int run = 0; run < 20; ++run) {
          const uint32_t start = rng() % 65000;
          r.addRange(base + start, base + start + 1 + rng() % 500);
        }
        break;
      default:
        break;
    }
  }
  r.runOptimize();
  return r;
}

std::vector<uint32_t> ByRoaring(const std::vector<const Roaring*>& bitmaps) {
  Roaring all = *bitmaps[0];
  for (size_t k = 1; k < bitmaps.size(); ++k) all &= *bitmaps[k];
  std::vector<uint32_t> out(all.cardinality());
  all.toUint32Array(out.data());
  return out;
}

TEST(IntersectBitmapsTest, MatchesRoaringsAndOverMixedContainers) {
  std::mt19937 rng(11);
  int nonempty = 0;
  for (int round = 0; round < 60; ++round) {
    const size_t count = 2 + round % 3;
    std::vector<Roaring> bitmaps;
    for (size_t k = 0; k < count; ++k) bitmaps.push_back(RandomBitmap(rng, 1 + static_cast<int>(rng() % 6)));
    std::vector<const Roaring*> views;
    for (const Roaring& b : bitmaps) views.push_back(&b);
    std::vector<uint32_t> got = {42};  // appended to, not replaced
    IntersectBitmaps(views, &got);
    ASSERT_EQ(got.front(), 42u);
    got.erase(got.begin());
    EXPECT_EQ(got, ByRoaring(views)) << "round " << round;
    nonempty += !got.empty();
  }
  EXPECT_GT(nonempty, 20);  // the rounds exercise real overlaps
}

TEST(IntersectIdsWithBitmapsTest, MatchesRoaringsAndOfTheIdsAsABitmap) {
  std::mt19937 rng(5);
  int nonempty = 0;
  for (int round = 0; round < 40; ++round) {
    const int chunks = 1 + static_cast<int>(rng() % 6);
    std::vector<Roaring> bitmaps;
    for (size_t k = 0; k < 1 + round % 3; ++k) bitmaps.push_back(RandomBitmap(rng, chunks));
    // Ids sparse in some chunks, dense in others, absent from a few.
    std::vector<uint32_t> ids;
    for (int chunk = 0; chunk < chunks + 1; ++chunk) {
      const uint32_t one_in = 1 + rng() % 200;
      if (rng() % 5 == 0) continue;
      for (uint32_t v = 0; v < 65536; ++v) {
        if (rng() % one_in == 0) ids.push_back((static_cast<uint32_t>(chunk) << 16) | v);
      }
    }
    std::vector<const Roaring*> views;
    for (const Roaring& b : bitmaps) views.push_back(&b);
    std::vector<uint32_t> got;
    IntersectIdsWithBitmaps(ids, views, &got);
    const Roaring as_bitmap(ids.size(), ids.data());
    views.push_back(&as_bitmap);
    EXPECT_EQ(got, ByRoaring(views)) << "round " << round;
    nonempty += !got.empty();
  }
  EXPECT_GT(nonempty, 10);
  std::vector<uint32_t> none;
  const Roaring empty;
  IntersectIdsWithBitmaps({1, 2, 3}, {&empty}, &none);
  IntersectIdsWithBitmaps({}, {&empty}, &none);
  EXPECT_TRUE(none.empty());
}

TEST(IntersectBitmapsTest, OneBitmapOrNone) {
  std::mt19937 rng(3);
  const Roaring r = RandomBitmap(rng, 4);
  std::vector<uint32_t> got;
  IntersectBitmaps({&r}, &got);
  EXPECT_EQ(got, ByRoaring({&r}));
  std::vector<uint32_t> none;
  IntersectBitmaps({}, &none);
  EXPECT_TRUE(none.empty());
  const Roaring empty;
  IntersectBitmaps({&r, &empty}, &none);
  EXPECT_TRUE(none.empty());
}

TEST(IntersectBitmapsTest, BitsetsAloneAndDisjointChunks) {
  Roaring a, b, c;
  for (uint32_t v = 0; v < 3 * 65536; v += 2) a.add(v);  // bitsets in three chunks
  for (uint32_t v = 0; v < 3 * 65536; v += 3) b.add(v);
  for (uint32_t v = 2 * 65536; v < 5 * 65536; v += 5) c.add(v);  // overlaps the last chunk only
  std::vector<uint32_t> got;
  IntersectBitmaps({&a, &b, &c}, &got);
  std::vector<uint32_t> want;
  for (uint32_t v = 2 * 65536; v < 3 * 65536; ++v) {
    if (v % 6 == 0 && (v - 2 * 65536) % 5 == 0) want.push_back(v);
  }
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace claims::query
