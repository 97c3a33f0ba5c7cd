import Foundation

/// Runs lines through Python's `json.loads`, an independent RFC 8259 parser.
enum PythonJSON {
    static let script = """
        import json, sys
        for line in sys.stdin.buffer.read().split(b"\\n")[:-1]:
            json.loads(line.decode("utf-8"))
        """

    static let python: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// nil when python3 is missing; otherwise whether every `\n`-terminated line parsed (and its stderr).
    static func parses(_ lines: [UInt8]) throws -> (ok: Bool, errors: String)? {
        guard let python else { return nil }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(lines))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: errorText, as: UTF8.self))
    }
}
