import Foundation

/// Checks ECS documents against ECS's own field definitions, `shared/ecs/ecs_flat.yml`, with
/// `scripts/ecs/validate.py` (python3 and PyYAML, Debian's `python3-yaml`): every field exists in ECS with a
/// compatible type or lies under `tlsprint.`, arrays only where ECS normalizes to arrays, allowed values and
/// the event categorization respected. See the script for the full list.
package enum ECSValidator {
    /// What the validator could not do.
    package struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the script's stderr.
        package var description: String
    }

    /// The field definitions, or nil when shared/ (or its `ecs` folder) is absent.
    package static var definitions: URL? {
        guard let url = SharedCorpus.url("ecs/ecs_flat.yml"), FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    /// The validator script.
    package static let script = SharedCorpus.packageRoot.appendingPathComponent("scripts/ecs/validate.py")

    /// The problems of each document (one document per element, without a line terminator), in order; an
    /// empty list for a valid document. Nil when the definitions are absent (the caller skips).
    /// - Throws: ``Failure`` when python3 or PyYAML is missing or the script fails on its own.
    package static func problems(_ documents: [[UInt8]]) throws -> [[String]]? {
        guard let definitions else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, definitions.path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var payload: [UInt8] = []
        for document in documents {
            payload += document
            payload.append(0x0A)
        }
        let data = Data(payload)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorText = Thread.detachedRead(errors)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorText.wait()
        guard process.terminationStatus <= 1 else {
            throw Failure(description: "validate.py exited \(process.terminationStatus): \(stderr)")
        }
        let lines = outputData.split(separator: 0x0A)
        guard lines.count == documents.count else {
            throw Failure(description: "validate.py answered \(lines.count) of \(documents.count) documents: \(stderr)")
        }
        return try lines.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let problems = object["errors"] as? [String]
            else { throw Failure(description: "validate.py wrote \(String(decoding: line, as: UTF8.self))") }
            return problems
        }
    }

    /// The problems of one document.
    package static func problems(_ document: String) throws -> [String]? {
        try problems([Array(document.utf8)])?.first
    }
}

extension Thread {
    /// Reads a pipe to its end on another thread (so neither pipe of a child can fill up and stall it).
    fileprivate static func detachedRead(_ pipe: Pipe) -> PendingText {
        let pending = PendingText()
        let thread = Thread {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            pending.finish(String(decoding: data, as: UTF8.self))
        }
        thread.start()
        return pending
    }
}

/// Text another thread is still reading.
private final class PendingText: @unchecked Sendable {
    private let condition = NSCondition()
    private var text: String?

    func finish(_ value: String) {
        condition.lock()
        text = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> String {
        condition.lock()
        defer { condition.unlock() }
        while text == nil { condition.wait() }
        return text ?? ""
    }
}
