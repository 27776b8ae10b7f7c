#include "query_service/bitmap_intersection.h"

#include <algorithm>
#include <memory>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <nmmintrin.h>
#define CLAIMS_HAVE_SSE42_TARGET 1
#endif

#include "absl/container/inlined_vector.h"

namespace claims::query {
namespace {

// When one array is this many times longer than the other, the shorter's
// values are galloped to in it instead of merging the two.
constexpr size_t kGallopRatio = 32;

size_t MergeScalar(const uint16_t* a, size_t na, const uint16_t* b, size_t nb, uint16_t* out) {
  size_t i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    const uint16_t x = a[i], y = b[j];
    out[n] = x;  // kept only when it matches; n <= min(i, j), inside out's room
    n += x == y;
    i += x <= y;
    j += y <= x;
  }
  return n;
}

// Each value of `shorter` sought in `longer` from where the last one was
// found: doubling steps, then a binary search within the last step.
size_t GallopSorted(const uint16_t* shorter, size_t ns, const uint16_t* longer, size_t nl, uint16_t* out) {
  size_t n = 0, at = 0;
  for (size_t i = 0; i < ns && at < nl; ++i) {
    const uint16_t v = shorter[i];
    if (longer[at] < v) {
      size_t step = 1;
      while (at + step < nl && longer[at + step] < v) {
        at += step;
        step *= 2;
      }
      // longer[at] < v, and longer[at + step] >= v unless that is past the end.
      at = std::lower_bound(longer + at + 1, longer + std::min(nl, at + step), v) - longer;
      if (at == nl) break;
    }
    out[n] = v;
    n += longer[at] == v;
  }
  return n;
}

#if defined(CLAIMS_HAVE_SSE42_TARGET)
// Eight values of each array at a time: PCMPESTRM in "equal any" mode sets
// bit k when b's k-th value equals any of a's eight. Each value lies in one
// group of eight of its array, and a merge compares every pair of groups
// whose ranges overlap exactly once, so a common value is written once, in
// ascending order (the groups compared advance as in a merge).
__attribute__((target("sse4.2"))) size_t MergeSse42(const uint16_t* a, size_t na, const uint16_t* b, size_t nb,
                                                    uint16_t* out) {
  size_t i = 0, j = 0, n = 0;
  const size_t na8 = na & ~size_t{7}, nb8 = nb & ~size_t{7};
  while (i < na8 && j < nb8) {
    const __m128i va = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
    const __m128i vb = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + j));
    auto hit = static_cast<uint32_t>(
        _mm_cvtsi128_si32(_mm_cmpestrm(va, 8, vb, 8, _SIDD_UWORD_OPS | _SIDD_CMP_EQUAL_ANY | _SIDD_BIT_MASK)));
    for (; hit != 0; hit &= hit - 1) out[n++] = b[j + __builtin_ctz(hit)];
    const uint16_t a_last = a[i + 7], b_last = b[j + 7];
    i += a_last <= b_last ? 8 : 0;
    j += b_last <= a_last ? 8 : 0;
  }
  // The values of a group left half-compared that matched are below every
  // value left in the other array, so the tails merge without repeating one.
  return n + MergeScalar(a + i, na - i, b + j, nb - j, out + n);
}

bool HaveSse42() {
  static const bool have = __builtin_cpu_supports("sse4.2");
  return have;
}
#endif

// One container of a bitmap, unwrapped from copy-on-write sharing.
struct Container {
  uint8_t type = 0;
  const void* c = nullptr;
  int64_t cardinality = 0;
};

int64_t RunCardinality(const run_container_t* r) {
  int64_t n = 0;
  for (int32_t k = 0; k < r->n_runs; ++k) n += int64_t{r->runs[k].length} + 1;
  return n;
}

int64_t BitsetCardinality(const bitset_container_t* b) {
  if (b->cardinality >= 0) return b->cardinality;  // negative: not counted yet (lazy operations)
  int64_t n = 0;
  for (int k = 0; k < BITSET_CONTAINER_SIZE_IN_WORDS; ++k) n += __builtin_popcountll(b->array[k]);
  return n;
}

Container At(const roaring_array_t& ra, int32_t i) {
  Container c;
  c.type = ra.typecodes[i];
  c.c = container_unwrap_shared(ra.containers[i], &c.type);
  switch (c.type) {
    case ARRAY_CONTAINER_TYPE_CODE:
      c.cardinality = static_cast<const array_container_t*>(c.c)->cardinality;
      break;
    case BITSET_CONTAINER_TYPE_CODE:
      c.cardinality = BitsetCardinality(static_cast<const bitset_container_t*>(c.c));
      break;
    default:
      c.cardinality = RunCardinality(static_cast<const run_container_t*>(c.c));
      break;
  }
  return c;
}

// Appends key's high bits joined to each of n values.
void Emit(uint32_t key, const uint16_t* values, size_t n, std::vector<uint32_t>* out) {
  const size_t at = out->size();
  out->resize(at + n);
  uint32_t* dst = out->data() + at;
  const uint32_t high = key << 16;
  for (size_t k = 0; k < n; ++k) dst[k] = high | values[k];
}

// Appends key's values in the AND of bitset containers.
void EmitBitsetAnd(uint32_t key, absl::Span<const Container> bitsets, std::vector<uint32_t>* out) {
  const uint32_t high = key << 16;
  const auto* first = static_cast<const bitset_container_t*>(bitsets[0].c);
  for (int w = 0; w < BITSET_CONTAINER_SIZE_IN_WORDS; ++w) {
    uint64_t word = first->array[w];
    for (size_t k = 1; k < bitsets.size() && word != 0; ++k) {
      word &= static_cast<const bitset_container_t*>(bitsets[k].c)->array[w];
    }
    for (; word != 0; word &= word - 1) out->push_back(high | (uint32_t(w) << 6) | __builtin_ctzll(word));
  }
}

// Scratch arrays of 16-bit values, grown as needed and kept for the call.
class Scratch {
 public:
  uint16_t* Get(int which, size_t n) {
    if (n > size_[which]) {
      buffer_[which].reset(new uint16_t[n]);
      size_[which] = n;
    }
    return buffer_[which].get();
  }

 private:
  std::unique_ptr<uint16_t[]> buffer_[2];
  size_t size_[2] = {0, 0};
};

// Keeps from values[0, n) those in container c, writing them to out (which
// does not overlap values); returns how many.
size_t Filter(const uint16_t* values, size_t n, const Container& c, uint16_t* out) {
  switch (c.type) {
    case ARRAY_CONTAINER_TYPE_CODE: {
      const auto* a = static_cast<const array_container_t*>(c.c);
      return IntersectSorted16(values, n, a->array, static_cast<size_t>(a->cardinality), out);
    }
    case BITSET_CONTAINER_TYPE_CODE: {
      const uint64_t* words = static_cast<const bitset_container_t*>(c.c)->array;
      size_t kept = 0;
      for (size_t k = 0; k < n; ++k) {
        const uint16_t v = values[k];
        out[kept] = v;
        kept += (words[v >> 6] >> (v & 63)) & 1;
      }
      return kept;
    }
    default: {
      const auto* r = static_cast<const run_container_t*>(c.c);
      size_t kept = 0;
      int32_t run = 0;
      for (size_t k = 0; k < n && run < r->n_runs; ++k) {
        const uint16_t v = values[k];
        while (run < r->n_runs && uint32_t{r->runs[run].value} + r->runs[run].length < v) ++run;
        if (run == r->n_runs) break;
        out[kept] = v;
        kept += v >= r->runs[run].value;
      }
      return kept;
    }
  }
}

// The values of an array or run container, as a pointer to them: the
// array's own, or the run's written to `buffer` (room for its cardinality).
const uint16_t* Values(const Container& c, uint16_t* buffer) {
  if (c.type == ARRAY_CONTAINER_TYPE_CODE) return static_cast<const array_container_t*>(c.c)->array;
  const auto* r = static_cast<const run_container_t*>(c.c);
  size_t n = 0;
  for (int32_t k = 0; k < r->n_runs; ++k) {
    for (uint32_t v = r->runs[k].value, end = v + r->runs[k].length; v <= end; ++v) buffer[n++] = uint16_t(v);
  }
  return buffer;
}

}  // namespace

size_t IntersectSorted16(const uint16_t* a, size_t na, const uint16_t* b, size_t nb, uint16_t* out) {
  if (na > nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  if (na == 0) return 0;
  if (nb > kGallopRatio * na) return GallopSorted(a, na, b, nb, out);
#if defined(CLAIMS_HAVE_SSE42_TARGET)
  if (HaveSse42()) return MergeSse42(a, na, b, nb, out);
#endif
  return MergeScalar(a, na, b, nb, out);
}

namespace {

// Finds each 16-bit key's containers in several bitmaps, keys asked for in
// ascending order (each bitmap's keys ascend, so its position only moves
// forward).
class KeyFinder {
 public:
  explicit KeyFinder(absl::Span<const Roaring* const> bitmaps) : at_(bitmaps.size(), 0) {
    for (const Roaring* b : bitmaps) arrays_.push_back(&b->roaring.high_low_container);
  }
  // Sets *containers to key's container in every bitmap; false where one
  // lacks the key. Sets *exhausted when some bitmap has no key at or past
  // this one (no later key can be in all of them).
  bool Find(uint16_t key, absl::InlinedVector<Container, 4>* containers, bool* exhausted) {
    containers->clear();
    for (size_t b = 0; b < arrays_.size(); ++b) {
      const roaring_array_t& ra = *arrays_[b];
      while (at_[b] < ra.size && ra.keys[at_[b]] < key) ++at_[b];
      if (at_[b] == ra.size) {
        *exhausted = true;
        return false;
      }
      if (ra.keys[at_[b]] != key) return false;
      containers->push_back(At(ra, at_[b]));
    }
    return true;
  }

 private:
  absl::InlinedVector<const roaring_array_t*, 4> arrays_;
  absl::InlinedVector<int32_t, 4> at_;
};

// Keeps of values[0, n) those in every one of `filters` (smallest first,
// as it bounds what is left), going back and forth between the scratch
// arrays (values may be scratch 0's); returns where they are and how many.
std::pair<const uint16_t*, size_t> FilterAll(const uint16_t* values, size_t n, absl::Span<const Container> filters,
                                             Scratch* scratch) {
  const size_t room = n;
  int target = 1;
  for (size_t c = 0; c < filters.size() && n > 0; ++c) {
    uint16_t* kept = scratch->Get(target, room);
    n = Filter(values, n, filters[c], kept);
    values = kept;
    target ^= 1;
  }
  return {values, n};
}

bool ByCardinality(const Container& x, const Container& y) { return x.cardinality < y.cardinality; }

}  // namespace

void IntersectBitmaps(absl::Span<const Roaring* const> bitmaps, std::vector<uint32_t>* out) {
  if (bitmaps.empty()) return;
  if (bitmaps.size() == 1) {
    const size_t at = out->size();
    out->resize(at + bitmaps[0]->cardinality());
    bitmaps[0]->toUint32Array(out->data() + at);
    return;
  }
  // The bitmap with fewest containers leads; its keys are sought in the
  // others.
  const Roaring* lead = *std::min_element(bitmaps.begin(), bitmaps.end(), [](const Roaring* x, const Roaring* y) {
    return x->roaring.high_low_container.size < y->roaring.high_low_container.size;
  });
  const roaring_array_t& keys = lead->roaring.high_low_container;
  KeyFinder finder(bitmaps);
  absl::InlinedVector<Container, 4> containers;
  Scratch scratch;
  bool exhausted = false;
  for (int32_t i = 0; i < keys.size && !exhausted; ++i) {
    const uint16_t key = keys.keys[i];
    if (!finder.Find(key, &containers, &exhausted)) continue;
    std::sort(containers.begin(), containers.end(), ByCardinality);
    // An array or run container leads if there is one; bitsets alone AND.
    auto first = std::find_if(containers.begin(), containers.end(),
                              [](const Container& c) { return c.type != BITSET_CONTAINER_TYPE_CODE; });
    if (first == containers.end()) {
      EmitBitsetAnd(key, containers, out);
      continue;
    }
    std::rotate(containers.begin(), first, first + 1);
    const size_t room = static_cast<size_t>(containers[0].cardinality);
    const auto [values, n] = FilterAll(Values(containers[0], scratch.Get(0, room)), room,
                                       absl::MakeConstSpan(containers).subspan(1), &scratch);
    Emit(key, values, n, out);
  }
}

void IntersectIdsWithBitmaps(absl::Span<const uint32_t> ids, absl::Span<const Roaring* const> bitmaps,
                             std::vector<uint32_t>* out) {
  KeyFinder finder(bitmaps);
  absl::InlinedVector<Container, 4> containers;
  Scratch scratch;
  bool exhausted = false;
  for (size_t i = 0; i < ids.size() && !exhausted;) {
    // The ids sharing this one's high 16 bits.
    const uint32_t high = ids[i] >> 16;
    size_t end = i + 1;
    while (end < ids.size() && ids[end] >> 16 == high) ++end;
    if (finder.Find(static_cast<uint16_t>(high), &containers, &exhausted)) {
      uint16_t* values = scratch.Get(0, end - i);
      for (size_t k = i; k < end; ++k) values[k - i] = static_cast<uint16_t>(ids[k]);
      std::sort(containers.begin(), containers.end(), ByCardinality);
      const auto [kept, n] = FilterAll(values, end - i, containers, &scratch);
      Emit(high, kept, n, out);
    }
    i = end;
  }
}

}  // namespace claims::query
