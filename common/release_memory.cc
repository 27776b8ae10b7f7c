#include "common/release_memory.h"

// gperftools' C interface, bound only when tcmalloc is linked in.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace claims {

bool CanReleaseFreeMemory() { return MallocExtension_ReleaseFreeMemory != nullptr; }

bool ReleaseFreeMemory() {
  if (!CanReleaseFreeMemory()) return false;
  MallocExtension_ReleaseFreeMemory();
  return true;
}

}  // namespace claims
