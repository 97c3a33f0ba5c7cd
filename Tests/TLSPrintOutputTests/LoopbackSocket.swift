import Glibc
import TLSPrintEvent
import TLSPrintOutput

/// A UDP or TCP socket bound to 127.0.0.1 on a kernel-chosen port, for sink tests.
final class LoopbackSocket {
    let descriptor: Int32
    let port: UInt16
    private var connection: Int32 = -1

    init(datagram: Bool) throws {
        let type = Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
        let fd = socket(AF_INET, type, 0)
        descriptor = fd
        guard fd >= 0 else { throw SinkError(.connect, errno: errno, context: "test socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw SinkError(.connect, errno: errno, context: "test bind") }
        port = UInt16(bigEndian: address.sin_port)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if !datagram { _ = listen(descriptor, 4) }
    }

    deinit {
        if connection >= 0 { close(connection) }
        close(descriptor)
    }

    /// One datagram (nil on timeout).
    func receiveDatagram() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 70_000)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count < 0 ? nil : Array(buffer.prefix(count))
    }

    /// Accepts one connection and reads from it until `count` bytes arrived or 5 s pass.
    func receiveStream(count: Int) -> [UInt8] {
        if connection < 0 {
            connection = accept(descriptor, nil, nil)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            _ = setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.count < count {
            let got = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if got <= 0 { break }
            received += buffer.prefix(got)
        }
        return received
    }

    /// Closes the accepted connection (the sink must reconnect).
    func dropConnection() {
        if connection >= 0 { close(connection) }
        connection = -1
    }
}
