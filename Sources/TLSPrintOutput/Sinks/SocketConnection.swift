import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One UDP socket or TCP connection to a resolved address; used only by a sender thread.
final class SocketConnection: NetworkConnection {
    /// Send (and, on Linux, connect) time limit, so a stalled collector cannot hold the thread forever.
    static let sendTimeoutSeconds = 5

    let address: SocketAddress
    let datagram: Bool
    private var descriptor: Int32 = -1
    private(set) var wireBytesSent = 0

    init(address: SocketAddress, datagram: Bool) {
        self.address = address
        self.datagram = datagram
    }

    deinit { close() }

    var isOpen: Bool { descriptor >= 0 }

    /// Creates the socket and connects it (for UDP this only fixes the peer, so that the kernel reports an
    /// ICMP port unreachable as ECONNREFUSED on a later send).
    func open() throws(SinkError) {
        close()
        #if canImport(Glibc)
            let type = Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = datagram ? SOCK_DGRAM : SOCK_STREAM
        #endif
        let fd = socket(address.family, type, 0)
        guard fd >= 0 else { throw SinkError(.connect, errno: errno, context: "socket") }
        var timeout = timeval(tv_sec: Self.sendTimeoutSeconds, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = address.withSockAddr { connect(fd, $0, $1) } ?? -1
        guard result == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw SinkError(.connect, errno: code, context: "")
        }
        descriptor = fd
        wireBytesSent = 0
    }

    /// Sends one datagram, or all of `bytes` on the stream.
    func send(_ bytes: [UInt8]) throws(SinkError) {
        guard descriptor >= 0 else { throw SinkError(.send, errno: EBADF, context: "not connected") }
        if datagram {
            let sent = bytes.withUnsafeBytes { raw in Glibc.send(descriptor, raw.baseAddress, raw.count, 0) }
            guard sent >= 0 else { throw SinkError(.send, errno: errno, context: "") }
            return
        }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw SinkError(.send, errno: errno, context: "")
            }
            offset += sent
            wireBytesSent += sent
        }
    }

    func wireBytesAcknowledged() -> Int? {
        guard descriptor >= 0, !datagram else { return nil }
        return KernelTCPInfo.read(descriptor: descriptor)?.bytesAcknowledged
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    func closeGracefully(until deadline: Date) -> Int? {
        guard descriptor >= 0, !datagram else {
            close()
            return nil
        }
        _ = shutdown(descriptor, Int32(SHUT_WR))
        var acknowledged = wireBytesAcknowledged()
        var peerClosed = false
        while (acknowledged ?? 0) <= wireBytesSent, Date() < deadline {
            // Wake on the peer's FIN or reset, or every 10 ms to read the acknowledgement again.
            if peerClosed {
                usleep(10_000)
            } else {
                var target = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&target, 1, 10) > 0 {
                    var byte: UInt8 = 0
                    let got = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT))
                    if got == 0 { peerClosed = true }
                    if got < 0, errno != EAGAIN, errno != EINTR { break }  // reset: nothing more will be acknowledged
                }
            }
            acknowledged = wireBytesAcknowledged()
        }
        acknowledged = wireBytesAcknowledged() ?? acknowledged
        close()
        return acknowledged.map { min($0, wireBytesSent) }
    }

    func takePendingError() -> Int32 {
        guard descriptor >= 0 else { return 0 }
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return 0 }
        return code
    }
}
