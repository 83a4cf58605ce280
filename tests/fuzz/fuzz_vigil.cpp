// libFuzzer entry for every reader of untrusted input (tests/support/fuzzreaders.h lists them). One
// binary; VIGIL_FUZZ_TARGET names the reader (`fuzz_vigil -list` prints the names). Built with clang
// under ASan+UBSan by the `fuzz` preset; tests/fuzz/run.sh runs each for a bounded time from seed corpora
// of recorded real answers and hand-written files.
#include "fuzzreaders.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
const vigil::test::FuzzTarget *g_target = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    for (int i = 1; i < *argc; ++i)
        if (std::strcmp((*argv)[i], "-list") == 0) {
            for (const auto &t : vigil::test::fuzzTargets())
                std::printf("%s\n", t.name.c_str());
            std::exit(0);
        }
    const char *name = std::getenv("VIGIL_FUZZ_TARGET");
    if (!name) {
        std::fprintf(stderr, "fuzz_vigil: set VIGIL_FUZZ_TARGET (fuzz_vigil -list names them)\n");
        std::exit(2);
    }
    for (const auto &t : vigil::test::fuzzTargets())
        if (t.name == name)
            g_target = &t;
    if (!g_target) {
        std::fprintf(stderr, "fuzz_vigil: no target \"%s\"\n", name);
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    // No try/catch: an exception escaping a reader is exactly the bug this hunts.
    vigil::test::readWith(*g_target, std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
