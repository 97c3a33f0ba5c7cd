/// The TCP control bits (RFC 9293 §3.1, RFC 3168 for ECE and CWR).
package struct TCPFlags: OptionSet, Hashable, Sendable {
    /// The flag byte as on the wire (byte 13 of the header).
    package var rawValue: UInt8
    /// Wraps a flag byte.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No more data from sender.
    package static let fin = TCPFlags(rawValue: 0x01)
    /// Synchronise sequence numbers.
    package static let syn = TCPFlags(rawValue: 0x02)
    /// Reset the connection.
    package static let rst = TCPFlags(rawValue: 0x04)
    /// Push function.
    package static let psh = TCPFlags(rawValue: 0x08)
    /// Acknowledgment field is significant.
    package static let ack = TCPFlags(rawValue: 0x10)
    /// Urgent pointer field is significant.
    package static let urg = TCPFlags(rawValue: 0x20)
    /// ECN echo.
    package static let ece = TCPFlags(rawValue: 0x40)
    /// Congestion window reduced.
    package static let cwr = TCPFlags(rawValue: 0x80)

    // Concrete bit tests for the per-packet path: `contains(_:)` is SetAlgebra's generic default, called
    // through the protocol from other modules (three dispatch thunks and flag addressors per segment).
    /// SYN is set.
    package var hasSYN: Bool { rawValue & 0x02 != 0 }
    /// ACK is set.
    package var hasACK: Bool { rawValue & 0x10 != 0 }
    /// RST is set.
    package var hasRST: Bool { rawValue & 0x04 != 0 }
}
