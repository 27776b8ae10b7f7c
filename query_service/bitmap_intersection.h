// Intersections of Roaring bitmaps written out as sorted ids, container by
// container, without building a result bitmap.
//
// A search whose words' lists are long intersects their bitmaps and walks
// the claims in all of them. Roaring's own AND builds a new bitmap (one
// allocation per container) that the search only turns into an array, and
// the CRoaring Debian ships (0.2.66) intersects two array containers with
// scalar code. Here the containers of each 16-bit key are read where they
// lie: array containers intersect eight values against eight with SSE4.2's
// string comparison where the processor has it (a merge one value at a time
// otherwise, a galloping search when one array is far shorter), bitset
// containers AND word by word, and arrays are tested against bitsets and
// runs directly. The ids go straight into the caller's vector.
#ifndef CLAIMS_QUERY_SERVICE_BITMAP_INTERSECTION_H_
#define CLAIMS_QUERY_SERVICE_BITMAP_INTERSECTION_H_

#include <roaring/roaring.hh>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace claims::query {

// Appends to *out, ascending, the values held by every one of `bitmaps`
// (all of one bitmap's values when there is one; nothing when there are
// none). The same values as AND-ing the bitmaps and converting the result
// with toUint32Array.
void IntersectBitmaps(absl::Span<const Roaring* const> bitmaps, std::vector<uint32_t>* out);

// Appends to *out, ascending, the values of `ids` (ascending) that every
// one of `bitmaps` holds: a list too short for a bitmap of its own,
// intersected with long ones. Each run of ids sharing their high 16 bits
// meets the bitmaps' containers for those bits as IntersectBitmaps' arrays
// do.
void IntersectIdsWithBitmaps(absl::Span<const uint32_t> ids, absl::Span<const Roaring* const> bitmaps,
                             std::vector<uint32_t>* out);

// Writes to out (room for min(na, nb) values) the values in both sorted
// arrays of distinct values a and b, ascending; returns how many. The
// array-container step of IntersectBitmaps, public for its tests.
size_t IntersectSorted16(const uint16_t* a, size_t na, const uint16_t* b, size_t nb, uint16_t* out);

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_BITMAP_INTERSECTION_H_
