import TLSPrintEvent

/// Turns an ``Event`` into one record of an output encoding (shared/spec/events.md).
///
/// Encoders are pure and deterministic: same event, same bytes.
package protocol EventEncoder: Sendable {
    /// Appends one record to `out`, without a line terminator or other transport framing.
    func appendRecord(_ event: Event, to out: inout [UInt8])
}

extension EventEncoder {
    /// One record, without a terminator (a UDP datagram, an RFC 6587 octet-counted frame).
    package func record(_ event: Event) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        appendRecord(event, to: &out)
        return out
    }

    /// One record followed by `\n` (a line of standard output or a file).
    package func line(_ event: Event) -> [UInt8] {
        var out = record(event)
        out.append(0x0A)
        return out
    }

    /// ``line(_:)`` as a `String`, for tests and logs.
    package func lineString(_ event: Event) -> String {
        String(decoding: line(event), as: UTF8.self)
    }
}
