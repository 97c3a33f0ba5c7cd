import Foundation
import TLSPrintEvent

/// Sends events over one stream connection — TCP (RFC 6587) or TLS (RFC 5425) — from a bounded queue on its
/// own thread.
///
/// The connection is opened by the sender thread and reopened after an error with backoff; the record
/// being sent goes back to the head of the queue. A full queue drops its oldest record (counted). Over TLS
/// the connection is a swift-nio-ssl session that verifies the collector's certificate against
/// ``TLSClientOptions/caFile`` and the host name, and presents a client certificate when given.
package struct SyslogStreamSink: EventSink, ~Copyable {
    /// RFC 6587 §3.4 framing.
    package enum Framing: String, Hashable, Sendable {
        /// §3.4.1 octet counting: `LENGTH SP MSG` (the default for syslog).
        case octetCounting
        /// §3.4.2 non-transparent framing with LF as trailer (JSON lines).
        case lineFeed

        /// `record` framed for the stream: `MSG-LEN SP MSG` or `MSG LF`.
        package func frame(_ record: [UInt8]) -> [UInt8] {
            var frame: [UInt8] = []
            frame.reserveCapacity(record.count + 8)
            switch self {
            case .octetCounting:
                DecimalWriter.append(record.count, to: &frame)
                frame.append(0x20)
                frame.append(contentsOf: record)
            case .lineFeed:
                frame.append(contentsOf: record)
                frame.append(0x0A)
            }
            return frame
        }
    }

    /// The framing in use.
    package let framing: Framing
    private let encoding: EventEncoding
    private let sender: NetworkSender
    private var scratch: [UInt8] = []

    /// Syslog over TCP: resolves `host` and starts the sender thread (which connects in the background).
    /// - Throws: `SinkError(.resolve)` when the host does not resolve.
    package init(
        host: String,
        port: UInt16,
        encoding: EventEncoding,
        framing: Framing = .octetCounting,
        queueCapacity: Int = SyslogUDPSink.defaultQueueCapacity
    ) throws(SinkError) {
        let address = try SocketAddress.resolve(host: host, port: port, datagram: false)
        self.init(
            connection: SocketConnection(address: address, datagram: false),
            encoding: encoding,
            framing: framing,
            queueCapacity: queueCapacity
        )
    }

    /// Syslog over TLS (RFC 5425 requires octet counting; LF is accepted for collectors that want it):
    /// loads the TLS material and starts the sender thread (which connects in the background).
    /// - Throws: `SinkError(.load)` when a certificate, key or CA file cannot be loaded.
    package init(
        host: String,
        port: UInt16,
        encoding: EventEncoding,
        options: TLSClientOptions,
        framing: Framing = .octetCounting,
        queueCapacity: Int = SyslogUDPSink.defaultQueueCapacity
    ) throws(SinkError) {
        self.init(
            connection: try TLSConnection(host: host, port: port, options: options),
            encoding: encoding,
            framing: framing,
            queueCapacity: queueCapacity
        )
    }

    private init(connection: any NetworkConnection, encoding: EventEncoding, framing: Framing, queueCapacity: Int) {
        self.framing = framing
        self.encoding = encoding
        self.sender = NetworkSender(connection: connection, capacity: queueCapacity)
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
