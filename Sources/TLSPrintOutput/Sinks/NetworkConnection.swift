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
}
