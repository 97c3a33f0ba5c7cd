import Foundation

/// Operational messages on stderr: one line each, written at once.
enum StandardError {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A progress line on stderr while a large capture is read, redrawn at most a few times a second.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(bytes: Int) {
        guard enabled, -lastDraw.timeIntervalSinceNow > 0.25 else { return }
        lastDraw = Date()
        drawn = true
        StandardError.write("\rtlsprint: \(bytes / 1_000_000) MB read")
    }

    func clear() {
        guard drawn else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
