import TLSPrintCore

/// `startup`: once when `live` starts. No structured data; the text is the message.
package struct StartupEvent: Hashable, Sendable {
    /// Wall-clock time.
    package var timestamp: CaptureTimestamp
    /// `sniffer started node=<NODE_NAME>`.
    package var message: String

    package init(timestamp: CaptureTimestamp, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// `sensor_stats`: `live`'s periodic counters.
package struct SensorStatsEvent: Hashable, Sendable {
    /// Wall-clock time.
    package var timestamp: CaptureTimestamp
    package var packets: Int
    package var bytes: Int
    package var droppedKernel: Int
    package var droppedInterface: Int
    package var droppedOutput: Int
    package var flowsActive: Int
    package var flowsEvicted: Int
    package var handshakes: Int
    /// TCP streams recognised as SSH and as HTTP/1.x, and the events they gave (before dedup).
    package var sshStreams = 0
    package var httpStreams = 0
    package var sshEvents = 0
    package var httpEvents = 0
    package var events: Int
    package var suppressed: Int
    package var parseErrors: Int
    /// Parse errors by reason (`parse_errors_<reason>`), non-zero ones only, in a fixed order.
    package var parseErrorsByReason: [ReasonCount]

    /// One `parse_errors_<reason>` count.
    package struct ReasonCount: Hashable, Sendable {
        package var reason: String
        package var count: Int
        package init(reason: String, count: Int) {
            self.reason = reason
            self.count = count
        }
    }

    package init(timestamp: CaptureTimestamp) {
        self.timestamp = timestamp
        (packets, bytes, droppedKernel, droppedInterface, droppedOutput) = (0, 0, 0, 0, 0)
        (flowsActive, flowsEvicted, handshakes, events, suppressed, parseErrors) = (0, 0, 0, 0, 0, 0)
        parseErrorsByReason = []
    }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        writer.integer("packets", packets)
        writer.integer("bytes", bytes)
        writer.integer("dropped_kernel", droppedKernel)
        writer.integer("dropped_interface", droppedInterface)
        writer.integer("dropped_output", droppedOutput)
        writer.integer("flows_active", flowsActive)
        writer.integer("flows_evicted", flowsEvicted)
        writer.integer("handshakes", handshakes)
        writer.integer("ssh_streams", sshStreams)
        writer.integer("http_streams", httpStreams)
        writer.integer("ssh_events", sshEvents)
        writer.integer("http_events", httpEvents)
        writer.integer("events", events)
        writer.integer("suppressed", suppressed)
        writer.integer("parse_errors", parseErrors)
        for entry in parseErrorsByReason { writer.integer("parse_errors_" + entry.reason, entry.count) }
    }
}
