import Foundation

/// One connection a ``NetworkSender`` thread sends framed records on: a UDP socket, a TCP connection or a
/// TLS session. Used only by that thread.
protocol NetworkConnection: AnyObject {
    /// True for UDP: a failed send drops the record instead of reconnecting.
    var datagram: Bool { get }
    /// True between a successful `open()` and `close()`.
    var isOpen: Bool { get }
    /// Bytes handed to the kernel on the current connection so far (TLS: ciphertext, handshake included).
    var wireBytesSent: Int { get }
    /// Opens (or reopens) the connection; for TLS this includes the handshake and certificate checks.
    func open() throws(SinkError)
    /// Sends one datagram, or all of `bytes` on the stream.
    func send(_ bytes: [UInt8]) throws(SinkError)
    /// Of ``wireBytesSent``, how many the peer's TCP has acknowledged (`tcpi_bytes_acked`); nil when
    /// unknown (UDP, closed, or a kernel without the field).
    func wireBytesAcknowledged() -> Int?
    /// Closes the connection (idempotent).
    func close()
    /// Ends a stream connection at exit and closes it: TCP half-closes and waits until the peer's TCP has
    /// acknowledged every byte and the FIN; TLS waits until every byte is acknowledged, then sends
    /// close_notify. Either stops waiting at a reset or at `deadline`. Returns the bytes the peer
    /// acknowledged (nil when unknown or for UDP).
    func closeGracefully(until deadline: Date) -> Int?
    /// UDP: takes the error the kernel holds for the socket (`SO_ERROR`: ECONNREFUSED after an ICMP port
    /// unreachable for a datagram already sent); 0 when none.
    func takePendingError() -> Int32
}
