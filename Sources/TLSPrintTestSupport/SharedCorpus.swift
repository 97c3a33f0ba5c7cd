import Foundation

/// Locates `shared/` (the reference corpora and specs) for tests: `$TLSPRINT_SHARED`, else `../shared` beside
/// the package root. Tests read it in place; nothing is copied into the repository.
package enum SharedCorpus {
    /// The package root, from this file's path.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder, or nil when it is absent.
    package static var root: URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidate: URL
        if let path = environment["TLSPRINT_SHARED"], !path.isEmpty {
            candidate = URL(fileURLWithPath: path, relativeTo: packageRoot).standardizedFileURL
        } else {
            candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return candidate
    }

    /// True under CI, where a missing corpus is a failure rather than a skip.
    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A path inside the shared folder.
    package static func url(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }

    /// Parses a JSON file inside the shared folder.
    package static func json(_ relativePath: String) throws -> Any? {
        guard let url = url(relativePath) else { return nil }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}

/// A fixture inside this repository's `Tests/Fixtures`.
package enum Fixture {
    package static let root = SharedCorpus.packageRoot.appendingPathComponent("Tests/Fixtures")

    package static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
