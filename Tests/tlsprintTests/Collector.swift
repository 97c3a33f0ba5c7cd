import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real collector on 127.0.0.1: a listening TCP socket whose accepted connections are read to their end
/// on a thread, or a bound UDP socket; it can be started late and stopped mid-run. No mock: tlsprint talks to
/// the kernel's sockets exactly as it would to rsyslog.
final class Collector: @unchecked Sendable {  // `received` and `connection` are guarded by `lock`
    let port: UInt16
    let datagram: Bool
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var connections: [Int32] = []
    private var bytes: [UInt8] = []
    private var datagrams = 0

    /// A port nobody listens on (bound once, then released), with the collector not started.
    init(datagram: Bool) throws {
        self.datagram = datagram
        let fd = socket(AF_INET, Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        close(fd)
        try #require(bound, "bind: errno \(errno)")
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { stop() }

    /// Starts listening (TCP) or receiving (UDP) on the port.
    func start() throws {
        let fd = socket(AF_INET, Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        try #require(bound, "bind \(port): errno \(errno)")
        if !datagram { try #require(listen(fd, 8) == 0) }
        lock.withLock { listener = fd }
        let thread = Thread { [self] in datagram ? receiveDatagrams(fd) : accept(fd) }
        thread.start()
    }

    /// Stops: closes the listener and every accepted connection (what a collector that dies does).
    func stop() {
        lock.withLock {
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
            listener = -1
            connections = []
        }
    }

    /// TCP: the bytes received so far; UDP: nothing (see `datagramCount`).
    var received: [UInt8] { lock.withLock { bytes } }
    /// UDP datagrams received so far.
    var datagramCount: Int { lock.withLock { datagrams } }

    /// Waits until `condition` holds (at most `limit`).
    func wait(limit: Duration = .seconds(10), until condition: () -> Bool) {
        let start = ContinuousClock.now
        while !condition(), ContinuousClock.now - start < limit { usleep(10_000) }
    }

    private func accept(_ fd: Int32) {
        while true {
            let connection = Glibc.accept(fd, nil, nil)
            guard connection >= 0 else { break }
            lock.withLock { connections.append(connection) }
            let reader = Thread { [self] in read(connection) }
            reader.start()
        }
        close(fd)
    }

    private func read(_ connection: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = recv(connection, &buffer, buffer.count, 0)
            guard got > 0 else { break }
            lock.withLock { bytes += buffer[0..<got] }
        }
        close(connection)  // after the peer's FIN (a clean close) or our stop
    }

    private func receiveDatagrams(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while lock.withLock({ listener == fd }) {
            if recv(fd, &buffer, buffer.count, 0) > 0 { lock.withLock { datagrams += 1 } }
        }
        close(fd)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return address
    }
}
