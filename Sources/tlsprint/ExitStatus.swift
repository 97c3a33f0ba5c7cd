import TLSPrintCapture

/// sysexits(3) codes: the one place the CLI decides how it exits. Libraries throw typed errors that carry
/// reasons; this maps them.
enum ExitStatus: Int32 {
    case success = 0
    /// EX_USAGE: bad flags, a bad BPF filter.
    case usage = 64
    /// EX_DATAERR: a corrupt or truncated capture.
    case dataError = 65
    /// EX_NOINPUT: a capture that cannot be opened.
    case noInput = 66
    /// EX_UNAVAILABLE: an interface that cannot be opened.
    case unavailable = 69
    /// EX_SOFTWARE.
    case software = 70
    /// EX_OSERR: the signal set-up failed.
    case osError = 71
    /// EX_IOERR: an input read or an output failed.
    case ioError = 74
    /// EX_NOPERM: capture or privilege drop not permitted.
    case permissionDenied = 77

    /// The status for a capture error.
    init(_ error: CaptureError) {
        switch error {
        case .fileNotFound, .cannotOpen: self = .noInput
        case .readFailed: self = .ioError
        case .corrupt, .truncated: self = .dataError
        case .filter: self = .usage
        case .live(_, let operation, _, let permissionDenied):
            // libpcap rejecting a BPF expression is a usage error, not an unavailable device.
            self = operation == "filter" ? .usage : permissionDenied ? .permissionDenied : .unavailable
        }
    }
}
