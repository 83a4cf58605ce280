#include "allocator.h"

#include <dlfcn.h>

#include <cstddef>

namespace vigil::allocator {

bool returnFreedPagesOnTime() {
    // Looked up, not linked: the libraries and tests run on glibc's malloc as well.
    using Mallctl = int (*)(const char *, void *, std::size_t *, void *, std::size_t);
    const auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
    if (!mallctl)
        return false;
    bool on = true;
    return mallctl("background_thread", nullptr, nullptr, &on, sizeof on) == 0;
}

} // namespace vigil::allocator
