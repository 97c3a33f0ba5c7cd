import Foundation
import TLSPrintEvent

/// Sends each event as one UDP datagram (RFC 5426), from a bounded queue drained on its own thread.
///
/// Size limit: RFC 5426 §3.2 lets a message use the whole datagram (65,507 bytes over IPv4) but only
/// promises 480 (IPv4) / 1180 (IPv6) bytes and asks receivers to take 2,048; many collectors read 8 KiB.
/// A record longer than ``maximumDatagram`` (default 8,192) is cut at the last UTF-8 character boundary
/// that fits and counted in `truncated`: the receiver still gets the header and the first fields, but a cut
/// syslog message loses its closing `"]` (and a cut JSON object does not parse). Send errors drop the
/// datagram and are counted; nothing is retried.
package struct SyslogUDPSink: EventSink, ~Copyable {
    /// Default largest datagram payload.
    package static let defaultMaximumDatagram = 8_192
    /// Default queue capacity (ARCHITECTURE.md §6).
    package static let defaultQueueCapacity = 10_000

    /// Largest datagram payload sent.
    package let maximumDatagram: Int
    private let encoding: EventEncoding
    private let sender: NetworkSender
    private var scratch: [UInt8] = []

    /// Resolves `host` and starts the sender thread.
    /// - Throws: `SinkError(.resolve)` when the host does not resolve.
    package init(
        host: String,
        port: UInt16,
        encoding: EventEncoding,
        maximumDatagram: Int = defaultMaximumDatagram,
        queueCapacity: Int = defaultQueueCapacity
    ) throws(SinkError) {
        let address = try SocketAddress.resolve(host: host, port: port, datagram: true)
        self.maximumDatagram = max(64, maximumDatagram)
        self.encoding = encoding
        self.sender = NetworkSender(
            connection: SocketConnection(address: address, datagram: true),
            capacity: queueCapacity
        )
    }

    deinit { _ = sender.finish(timeout: 1) }

    /// Encodes `event` and queues it as one datagram (truncated when over the limit).
    package mutating func write(_ event: Event) throws(SinkError) {
        scratch.removeAll(keepingCapacity: true)
        encoding.appendRecord(event, to: &scratch)
        let cut = Self.truncationPoint(scratch, limit: maximumDatagram)
        sender.enqueue(Array(scratch[..<cut]), truncated: cut < scratch.count)
    }

    /// Records are queued as they are written; this does nothing.
    package mutating func flush() throws(SinkError) {}

    /// The counters so far.
    package var counters: NetworkSinkCounters { sender.snapshot }

    /// Waits up to `timeout` seconds for the queue to empty (for tests and orderly shutdown).
    package func waitUntilIdle(timeout: Double) -> Bool { sender.waitUntilIdle(timeout: timeout) }

    /// Sends what is queued for at most `timeout` seconds, stops the thread and returns the counters.
    package mutating func finish(timeout: Double) -> NetworkSinkCounters { sender.finish(timeout: timeout) }

    /// The largest prefix length ≤ `limit` that does not end inside a UTF-8 sequence.
    static func truncationPoint(_ bytes: [UInt8], limit: Int) -> Int {
        guard bytes.count > limit else { return bytes.count }
        var cut = limit
        // Step back over continuation bytes (10xxxxxx) to the lead byte, and drop that lead byte too.
        var steps = 0
        while cut > 0 && steps < 4 && bytes[cut] & 0xC0 == 0x80 {
            cut -= 1
            steps += 1
        }
        return cut
    }
}
