#ifndef TLSPRINT_CBUILDINFO_H
#define TLSPRINT_CBUILDINFO_H

/// The commit tlsprint was built from: what scripts/build-release.sh wrote into `tlsprint_build_commit.h`
/// (a short hash, with `-dirty` when tracked files differed from it), or "unknown" in any other build.
/// The string is static; the caller does not free it.
const char *tlsprint_build_commit(void);

#endif
