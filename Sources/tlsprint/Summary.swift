import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor

/// The end-of-run summary on stderr.
struct Summary {
    var counters: SensorCounters
    var activeFlows: Int
    var bytesRead: Int
    var seconds: Double

    func print() {
        let megabytes = Double(bytesRead) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        var lines = [
            "tlsprint: \(counters.packets) packets, \(counters.bytes) bytes, "
                + "\(counters.flowsCreated) flows (\(counters.flowsEvicted) evicted, \(counters.flowsExpired) expired, "
                + "\(counters.flowsReleasedForMemory) released at the memory cap)",
            "tlsprint: \(counters.handshakes) handshakes (\(counters.clientHellos) client hellos, "
                + "\(counters.serverHellos) server hellos, \(counters.certificates) certificates, "
                + "\(counters.sslv2ClientHellos) SSLv2 hellos)",
            "tlsprint: \(counters.sshStreams) SSH streams (\(counters.sshHandshakes) handshakes, "
                + "\(counters.sshWindows) JA4SSH windows), \(counters.httpStreams) HTTP streams "
                + "(\(counters.httpRequests) requests)",
            "tlsprint: \(counters.certificateLookups) certificates looked up, "
                + "\(counters.certificateCacheHits) answered by the certificate cache",
            "tlsprint: \(counters.events) events, \(counters.suppressed) suppressed",
        ]
        var errors = "tlsprint: \(counters.parseErrorTotal) parse errors"
        let byReason = counters.parseErrorsByStage.map { "\($0.0.rawValue).\($0.1.rawValue)=\($0.2)" }
        if !byReason.isEmpty { errors += " (" + byReason.joined(separator: ", ") + ")" }
        lines.append(errors)
        let stops = counters.streamsLetGo.map { "\($0.0)=\($0.1)" }
        if !stops.isEmpty { lines.append("tlsprint: streams let go: " + stops.joined(separator: ", ")) }
        lines.append(
            "tlsprint: \(String(format: "%.3f", seconds)) s, \(String(format: "%.1f", megabytes)) MB, "
                + "\(String(format: "%.1f", rate)) MB/s"
        )
        for line in lines { StandardError.line(line) }
    }
}
