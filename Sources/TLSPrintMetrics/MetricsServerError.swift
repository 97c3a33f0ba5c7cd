import Glibc

/// Why `--metrics-listen` could not start listening.
package struct MetricsServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The address asked for, in `--metrics-listen` syntax.
    package var address: String
    /// errno of the failed bind or listen; 0 when there is none (a host name that did not resolve).
    package var errno: Int32
    /// The cause in words.
    package var cause: String

    /// True when the host part names no address (a usage error, not a failure of the system).
    package var unresolved: Bool

    /// A failure with the given errno (its `strerror` text is the cause).
    package init(address: String, errno: Int32) {
        self.address = address
        self.errno = errno
        cause = String(cString: strerror(errno))
        unresolved = false
    }

    /// A failure that carries no errno: a host that does not resolve (`unresolved`), or another cause.
    package init(address: String, cause: String, unresolved: Bool) {
        self.address = address
        errno = 0
        self.cause = cause
        self.unresolved = unresolved
    }

    /// True when the kernel refused the port to this user (a port below 1024 without CAP_NET_BIND_SERVICE).
    package var permissionDenied: Bool { errno == EACCES || errno == EPERM }

    /// `--metrics-listen 127.0.0.1:9464: cannot listen: Address already in use`.
    package var description: String { "--metrics-listen \(address): cannot listen: \(cause)" }
}
