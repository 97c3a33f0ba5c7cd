#if canImport(Glibc)
    import Glibc
#endif

/// A failure at an output edge, with the errno that caused it (0 when there was none).
package struct SinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the sink was doing.
    package enum Operation: String, Hashable, Sendable {
        /// Opening or reopening a file.
        case open
        /// Loading a TLS certificate, key or CA file (`context` names the option and the path).
        case load
        /// Writing to a file or standard output.
        case write
        /// Closing a descriptor.
        case close
        /// Resolving a host name (`errno` holds the `getaddrinfo` code).
        case resolve
        /// Creating or connecting a socket.
        case connect
        /// Sending on a socket.
        case send
        /// A UDP collector's host refused a datagram sent earlier (ICMP port unreachable).
        case refused
        /// Parsing an `--output` destination (`context` says what is wrong).
        case destination
        /// A destination or option combination tlsprint does not support.
        case unsupported
    }

    /// What the sink was doing.
    package var operation: Operation
    /// The `errno` value (or `getaddrinfo` code for `.resolve`); 0 when not a system error.
    package var errno: Int32
    /// The path, address or text involved.
    package var context: String

    /// A failure of `operation` on `context`.
    package init(_ operation: Operation, errno: Int32 = 0, context: String) {
        self.operation = operation
        self.errno = errno
        self.context = context
    }

    /// One line for stderr, the cause in words: `cannot write /var/log/x.log: no space left on device`.
    package var description: String {
        let what: String
        switch operation {
        case .open: what = "cannot open \(context)"
        case .load: what = context
        case .write: what = "cannot write \(context)"
        case .close: what = "cannot close \(context)"
        case .resolve: what = "cannot resolve \(context)"
        case .connect: what = context.isEmpty ? "cannot connect" : "cannot connect (\(context))"
        case .send: what = context.isEmpty ? "cannot send" : "cannot send (\(context))"
        case .refused: what = "the collector refused a datagram"
        case .destination, .unsupported: what = context
        }
        guard errno != 0 else { return what }
        return what + ": " + (operation == .resolve ? Self.resolverWords(errno) : Self.words(errno))
    }

    /// `strerror` in lower case: "no such file or directory".
    package static func words(_ errno: Int32) -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func resolverWords(_ code: Int32) -> String {
        let text = String(cString: gai_strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
