import CBuildInfo

/// The version and the commit `tlsprint --version` prints.
enum BuildInfo {
    /// The release version; `make deb` names the package after it.
    static let version = "0.1.0"

    /// The commit this binary was built from (see `Sources/CBuildInfo`), "unknown" outside release builds.
    static var commit: String { String(cString: tlsprint_build_commit()) }

    /// `0.1.0 (commit 1a2b3c4d5e6f)`: the version first, so scripts can take the first word.
    static var versionLine: String { "\(version) (commit \(commit))" }
}
