/// A failure at an output edge, with the errno that caused it (0 when there was none).
package struct SinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the sink was doing.
    package enum Operation: String, Hashable, Sendable {
        /// Opening or reopening a file.
        case open
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
        /// Parsing an `--output` destination.
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

    /// One line for stderr: `write /var/log/x.log: errno 28`.
    package var description: String {
        errno == 0 ? "\(operation.rawValue) \(context)" : "\(operation.rawValue) \(context): errno \(errno)"
    }
}
