import TLSPrintCore

/// Why a capture source failed; carries errno or the byte offset of the damage.
package enum CaptureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file does not exist (CLI exit 66, EX_NOINPUT).
    case fileNotFound(path: String)
    /// The file exists but could not be opened, e.g. EACCES or EISDIR (exit 66).
    case cannotOpen(path: String, errno: Int32)
    /// A read failed with errno (exit 74, EX_IOERR).
    case readFailed(path: String, errno: Int32)
    /// The capture is damaged at `offset` (exit 65, EX_DATAERR). Packets before it were delivered.
    case corrupt(path: String, offset: Int, reason: ParseError.Reason)
    /// The input ended in the middle of a header or record at `offset` (exit 65).
    case truncated(path: String, offset: Int)
    /// A BPF filter for `read` does not compile (exit 64, EX_USAGE); `message` is libpcap's.
    case filter(expression: String, message: String)
    /// A libpcap call failed; `message` is libpcap's error text (exit 69, EX_UNAVAILABLE, or 77 for EPERM).
    case live(interface: String, operation: String, message: String, permissionDenied: Bool)

    /// The sysexits(3) status the CLI should exit with.
    package var exitStatus: Int32 {
        switch self {
        case .fileNotFound, .cannotOpen: return 66
        case .readFailed: return 74
        case .corrupt, .truncated: return 65
        case .filter: return 64
        case .live(_, _, _, let permissionDenied): return permissionDenied ? 77 : 69
        }
    }

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
