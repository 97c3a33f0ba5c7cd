import Foundation

/// Locates the shared reference corpus: `$TLSPRINT_SHARED`, else `../shared` next to the package root.
enum Corpus {
    static var root: URL {
        if let shared = ProcessInfo.processInfo.environment["TLSPRINT_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("corpus")
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static var rootPath: String { root.path }

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// The bytes of `corpus/<relative>`, or nil when the corpus is absent.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else {
            return nil
        }
        return [UInt8](data)
    }
}
