// Returning freed heap memory to the operating system.
//
// The servers link tcmalloc, which keeps freed pages for reuse; after the
// query index merges large segments, the old segments' pages would stay
// resident. ReleaseFreeMemory() hands them back when tcmalloc is linked and
// does nothing otherwise (tests, sanitizer builds).
#ifndef CLAIMS_COMMON_RELEASE_MEMORY_H_
#define CLAIMS_COMMON_RELEASE_MEMORY_H_

namespace claims {

// Whether the linked allocator can release free memory.
bool CanReleaseFreeMemory();

// Releases the allocator's free pages to the system; false when the
// allocator has no way to.
bool ReleaseFreeMemory();

}  // namespace claims

#endif  // CLAIMS_COMMON_RELEASE_MEMORY_H_
