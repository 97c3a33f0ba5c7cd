#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resolved socket address (the bytes of a `sockaddr_in` or `sockaddr_in6`).
struct SocketAddress: Sendable {
    var family: Int32
    var bytes: [UInt8]

    /// Resolves `host` (a name or a literal) and `port` with `getaddrinfo`; takes the first answer.
    /// - Throws: `SinkError(.resolve)` with the `getaddrinfo` code.
    static func resolve(host: String, port: UInt16, datagram: Bool) throws(SinkError) -> SocketAddress {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = datagram ? SOCK_DGRAM : SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, String(port), &hints, &result)
        defer { if let result { freeaddrinfo(result) } }
        guard code == 0, let first = result, let address = first.pointee.ai_addr else {
            throw SinkError(.resolve, errno: code, context: "\(host):\(port)")
        }
        let length = Int(first.pointee.ai_addrlen)
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(address), count: length)
        return SocketAddress(family: first.pointee.ai_family, bytes: Array(bytes))
    }

    /// Calls `body` with the address as a `sockaddr` pointer and its length; nil when empty.
    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return body(base.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
    }
}
