import TLSPrintCore

/// `startup`: once when `live` starts: the message, and what the sensor runs as and captures.
package struct StartupEvent: Hashable, Sendable {
    /// Wall-clock time.
    package var timestamp: CaptureTimestamp
    /// `sniffer started node=<NODE_NAME>`.
    package var message: String
    /// tlsprint's version and the commit it was built from.
    package var version: String?
    /// The interface captured on.
    package var interface: String?
    /// The interface's link type by libpcap's name (`EN10MB`).
    package var linkType: String?
    /// The BPF filter, when one is set.
    package var filter: String?
    /// Bytes kept per packet, as the capture reports it.
    package var snaplen: Int?

    package init(
        timestamp: CaptureTimestamp,
        message: String,
        version: String? = nil,
        interface: String? = nil,
        linkType: String? = nil,
        filter: String? = nil,
        snaplen: Int? = nil
    ) {
        self.timestamp = timestamp
        self.message = message
        self.version = version
        self.interface = interface
        self.linkType = linkType
        self.filter = filter
        self.snaplen = snaplen
    }

    /// The fields in contract order (none when only the message is known).
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        if let version { writer.string("version", version) }
        if let interface { writer.text("interface", Array(interface.utf8)) }
        if let linkType { writer.string("link_type", linkType) }
        if let filter { writer.text("filter", Array(filter.utf8)) }
        if let snaplen { writer.integer("snaplen", snaplen) }
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
    /// True on the last one, at exit.
    package var final = false

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
        writer.bool("final", final)
    }
}
