import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintLabels
import TLSPrintSensor

/// The end-of-run summary on stderr: what was read, what was found, what was left out and why.
struct Summary {
    var counters: SensorCounters
    var activeFlows: Int
    var bytesRead: Int
    var seconds: Double
    /// The dedup window, when deduplication is on.
    var dedupSeconds: Int64
    /// The label lists in use (their names and row count go in the labels line).
    var labels = LabelIndex()

    func print() {
        let megabytes = Double(bytesRead) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        let c = counters
        var lines = [
            "tlsprint: \(Self.count(c.packets, "packet")), \(Self.count(c.bytes, "byte")), "
                + "\(Self.count(c.flowsCreated, "flow")) (\(c.flowsEvicted) evicted, \(c.flowsExpired) expired, "
                + "\(c.flowsReleasedForMemory) released at the memory cap)",
            "tlsprint: TLS: \(Self.count(c.clientHellos, "client hello")), "
                + "\(Self.count(c.serverHellos, "server hello")), \(Self.count(c.certificates, "certificate message"))"
                + ", \(Self.count(c.sslv2ClientHellos, "SSLv2 client hello")); "
                + "\(Self.count(c.certificateLookups, "certificate")) looked up, "
                + "\(c.certificateCacheHits) answered by the certificate cache"
                + (c.certificateFallbacks > 0
                    ? "; \(c.certificateFallbacks) self-signed by name only (signature not checkable)" : ""),
            "tlsprint: SSH: \(Self.count(c.sshStreams, "stream")), \(Self.count(c.sshHandshakes, "handshake")), "
                + "\(Self.count(c.sshWindows, "JA4SSH window")); HTTP: \(Self.count(c.httpStreams, "stream")), "
                + "\(Self.count(c.httpRequests, "request"))"
                + (c.httpFieldsTruncated > 0
                    ? " (\(c.httpFieldsTruncated) Host/URI/User-Agent values cut at 2,048 bytes)" : ""),
            "tlsprint: \(Self.count(c.events, "event")), \(suppressedText)",
        ]
        if !labels.isEmpty {
            lines.append(
                "tlsprint: labels: \(Self.count(c.labelledEvents, "event")) labelled ("
                    + "\(Self.count(labels.rows.count, "row")) from \(labels.listNames.joined(separator: ", ")))"
            )
        }
        var errors = "tlsprint: \(Self.count(c.parseErrorTotal, "parse error"))"
        let byReason = c.parseErrorsByStage.map { "\($0.0.rawValue).\($0.1.rawValue)=\($0.2)" }
        if !byReason.isEmpty { errors += " (" + byReason.joined(separator: ", ") + ")" }
        lines.append(errors)
        let stops = c.streamsLetGo.map { "\($0.0)=\($0.1)" }
        if !stops.isEmpty { lines.append("tlsprint: streams let go: " + stops.joined(separator: ", ")) }
        lines.append(
            "tlsprint: \(String(format: "%.3f", seconds)) s, \(String(format: "%.1f", megabytes)) MB, "
                + "\(String(format: "%.1f", rate)) MB/s"
        )
        for line in lines { StandardError.line(line) }
    }

    /// `0 suppressed (deduplication off)`, or what was suppressed, by type, as repeats within the window.
    var suppressedText: String {
        guard dedupSeconds > 0 else { return "0 suppressed (deduplication off)" }
        let byType = EventType.allCases.compactMap { type in
            counters.suppressedByType[type].map { "\($0) \(type.rawValue)" }
        }
        let window = "repeats from one source within \(dedupSeconds) s"
        guard !byType.isEmpty else { return "0 suppressed (\(window))" }
        return "\(counters.suppressed) suppressed as \(window): " + byType.joined(separator: ", ")
    }

    /// `1 packet`, `2 packets`: the count and the noun, plural unless the count is one.
    static func count(_ number: Int, _ singular: String) -> String {
        "\(number) \(singular)\(number == 1 ? "" : "s")"
    }
}
