// The commit is compiled here, in one small C file, so that a new commit recompiles this file and relinks,
// and nothing else. scripts/build-release.sh writes `#define TLSPRINT_COMMIT "..."` into
// .build/build-info/tlsprint_build_commit.h and adds that directory to the header search path with a flag
// that never changes (a -D flag with the commit in it would change every compile command and rebuild the
// whole package on every commit). Other builds (`swift build`, the tests) do not see the header.
#include "CBuildInfo.h"

#if __has_include(<tlsprint_build_commit.h>)
#include <tlsprint_build_commit.h>
#endif

#ifndef TLSPRINT_COMMIT
#define TLSPRINT_COMMIT "unknown"
#endif

const char *tlsprint_build_commit(void) { return TLSPRINT_COMMIT; }
