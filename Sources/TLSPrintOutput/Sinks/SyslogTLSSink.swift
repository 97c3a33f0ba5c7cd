import Foundation
import TLSPrintSensor

/// Sends events over TLS (RFC 5425), octet-counted (RFC 5425 §4.3), from a bounded queue on its own thread.
///
/// Same queue, reconnect-with-backoff, drop-oldest and exit behaviour as ``SyslogTCPSink`` (both use
/// `NetworkSender`); the connection is a swift-nio-ssl session that verifies the collector's certificate
/// against ``TLSClientOptions/caFile`` and the host name, and presents a client certificate when given.
package struct SyslogTLSSink: EventSink, ~Copyable {
    /// The framing in use (RFC 5425 requires octet counting; LF is accepted for collectors that want it).
    package let framing: SyslogTCPSink.Framing
    private let encoding: EventEncoding
    private let sender: NetworkSender
    private var scratch: [UInt8] = []

    /// Loads the TLS material and starts the sender thread (which connects in the background).
    /// - Throws: `SinkError(.open)` when a certificate, key or CA file cannot be loaded.
    package init(
        host: String,
        port: UInt16,
        encoding: EventEncoding,
        options: TLSClientOptions,
        framing: SyslogTCPSink.Framing = .octetCounting,
        queueCapacity: Int = SyslogUDPSink.defaultQueueCapacity
    ) throws(SinkError) {
        self.framing = framing
        self.encoding = encoding
        self.sender = NetworkSender(
            connection: try TLSConnection(host: host, port: port, options: options),
            capacity: queueCapacity
        )
    }

    deinit { _ = sender.finish(timeout: 1) }

    /// Encodes, frames and queues one event.
    package mutating func write(_ event: Event) throws(SinkError) {
        scratch.removeAll(keepingCapacity: true)
        encoding.appendRecord(event, to: &scratch)
        sender.enqueue(framing.frame(scratch), truncated: false)
    }

    /// Records are queued as they are written; this does nothing.
    package mutating func flush() throws(SinkError) {}

    /// The counters so far.
    package var counters: NetworkSinkCounters { sender.snapshot }

    /// Waits up to `timeout` seconds for the queue to empty (for tests and orderly shutdown).
    package func waitUntilIdle(timeout: Double) -> Bool { sender.waitUntilIdle(timeout: timeout) }

    /// Sends what is queued for at most `timeout` seconds, stops the thread and returns the counters.
    package mutating func finish(timeout: Double) -> NetworkSinkCounters { sender.finish(timeout: timeout) }
}
