import TLSPrintCore
import TLSPrintEvent
import TLSPrintHTTP
import TLSPrintSSH

/// What the sensor counted: reported at exit and in `sensor_stats` events. Plain integers, no locks.
package struct SensorCounters: Hashable, Sendable {
    /// Where in the pipeline a parse error was raised.
    package enum Stage: String, Hashable, Sendable, CaseIterable {
        case packet
        case fragment
        case tls
        case clientHello = "client_hello"
        case serverHello = "server_hello"
        case certificate
        case quic
        case dtls
        case openVPN = "openvpn"
    }

    package var packets = 0
    package var bytes = 0
    package var flowsCreated = 0
    package var flowsEvicted = 0
    package var flowsExpired = 0
    package var handshakes = 0
    package var clientHellos = 0
    package var serverHellos = 0
    package var certificates = 0
    package var sslv2ClientHellos = 0
    package var events = 0
    /// Events emitted with at least one label.
    package var labelledEvents = 0
    /// TCP streams recognised as SSH (either direction opened with `SSH-`) and as HTTP/1.x (a request line).
    package var sshStreams = 0
    package var httpStreams = 0
    /// `ssh_handshake`, `ssh_activity` and `http_request` events built (before dedup).
    package var sshHandshakes = 0
    package var sshWindows = 0
    package var httpRequests = 0
    /// Host, request-target or User-Agent values cut at ``Sensor/httpFieldLimit`` bytes.
    package var httpFieldsTruncated = 0
    /// SSH directions let go before their KEXINIT, by reason.
    package var sshStreamsStopped: [SSHStreamReader.StopReason: Int] = [:]
    /// HTTP directions let go (no longer HTTP, or past a cap), by reason.
    package var httpStreamsStopped: [HTTPStopReason: Int] = [:]
    package var suppressed = 0
    /// Suppressed events by type, for the summary.
    package var suppressedByType: [EventType: Int] = [:]
    package var streamsTruncated = 0
    package var streamGapsAbandoned = 0
    package var malformedHellos = 0
    package var certificateFallbacks = 0
    package var fragmentsEvicted = 0
    /// Flows released early because the reassembly buffers reached the memory budget.
    package var flowsReleasedForMemory = 0
    /// Flows still open when the input ended (retired then, their held events emitted).
    package var flowsOpenAtEnd = 0
    /// Bytes all reassembly buffers hold now.
    package var bufferedBytes = 0
    package var dedupEvicted = 0
    /// Certificates looked up in the sensor's certificate cache, and how many of them it answered.
    package var certificateLookups = 0
    package var certificateCacheHits = 0
    /// Parse errors by stage and reason; a fixed-size table so reporting is deterministic.
    package private(set) var parseErrors: [Stage: [ParseError.Reason: Int]] = [:]

    package init() {}

    /// Counts one parse error.
    package mutating func count(_ error: ParseError, in stage: Stage) {
        parseErrors[stage, default: [:]][error.reason, default: 0] += 1
    }

    /// All parse errors.
    package var parseErrorTotal: Int { parseErrors.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// SSH and HTTP directions let go, by protocol and reason (`ssh.notSSH`), in declaration order, zero counts
    /// left out.
    package var streamsLetGo: [(String, Int)] {
        SSHStreamReader.StopReason.allCases.compactMap { reason in
            sshStreamsStopped[reason].map { ("ssh.\(reason.rawValue)", $0) }
        }
            + HTTPStopReason.allCases.compactMap { reason in
                httpStreamsStopped[reason].map { ("http.\(reason.rawValue)", $0) }
            }
    }

    /// Parse errors by reason, in `ParseError.Reason.allCases` order, zero counts left out.
    package var parseErrorsByReason: [(ParseError.Reason, Int)] {
        ParseError.Reason.allCases.compactMap { reason in
            let total = parseErrors.values.reduce(0) { $0 + ($1[reason] ?? 0) }
            return total > 0 ? (reason, total) : nil
        }
    }

    /// Parse errors by stage and reason, in declaration order, zero counts left out.
    package var parseErrorsByStage: [(Stage, ParseError.Reason, Int)] {
        Stage.allCases.flatMap { stage in
            ParseError.Reason.allCases.compactMap { reason in
                let count = parseErrors[stage]?[reason] ?? 0
                return count > 0 ? (stage, reason, count) : nil
            }
        }
    }
}
