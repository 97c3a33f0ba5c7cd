import Foundation

/// The reference captures in `shared/corpus`, found as `SharedCorpus` finds `shared/`.
package enum Corpus {
    /// `shared/corpus` (under a `shared` that may be absent: see `isPresent`).
    package static var root: URL {
        (SharedCorpus.root ?? SharedCorpus.packageRoot.deletingLastPathComponent().appendingPathComponent("shared"))
            .appendingPathComponent("corpus")
    }

    /// `root` as a path.
    package static var rootPath: String { root.path }

    /// True when the corpus folder exists.
    package static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// The bytes of `corpus/<relative>`, or nil when the corpus is absent.
    package static func bytes(_ relative: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else {
            return nil
        }
        return [UInt8](data)
    }
}
