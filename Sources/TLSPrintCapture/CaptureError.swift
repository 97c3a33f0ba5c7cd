import TLSPrintCore

/// Why a capture source failed; carries errno or the byte offset of the damage.
package enum CaptureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be opened, e.g. EACCES or EISDIR.
    case cannotOpen(path: String, errno: Int32)
    /// A read failed with errno.
    case readFailed(path: String, errno: Int32)
    /// The capture is damaged at `offset`. Packets before it were delivered.
    case corrupt(path: String, offset: Int, reason: ParseError.Reason)
    /// The input ended in the middle of a header or record at `offset`.
    case truncated(path: String, offset: Int)
    /// A BPF filter for `read` does not compile; `message` is libpcap's.
    case filter(expression: String, message: String)
    /// A libpcap call failed; `message` is libpcap's error text.
    case live(interface: String, operation: String, message: String, permissionDenied: Bool)

    /// One line for stderr.
    package var description: String {
        switch self {
        case .fileNotFound(let path): return "\(path): no such file"
        case .cannotOpen(let path, let errno): return "\(path): cannot open (errno \(errno))"
        case .readFailed(let path, let errno): return "\(path): read failed (errno \(errno))"
        case .corrupt(let path, let offset, let reason):
            return "\(path): corrupt capture at byte \(offset): \(reason.rawValue)"
        case .truncated(let path, let offset): return "\(path): capture truncated at byte \(offset)"
        case .filter(let expression, let message): return "filter '\(expression)': \(message)"
        case .live(let interface, let operation, let message, _): return "\(interface): \(operation) failed: \(message)"
        }
    }
}
