import Glibc
import TLSPrintCapture
import TLSPrintMetrics
import TLSPrintOutput

/// sysexits(3) codes: the one place the CLI decides how it exits. Libraries throw typed errors that carry
/// reasons; this maps them.
enum ExitStatus: Int32 {
    case success = 0
    /// EX_USAGE: bad flags, a bad BPF filter.
    case usage = 64
    /// EX_DATAERR: a corrupt or truncated capture, or input that is not a capture; a `--labels` list that is not
    /// CSV text or has no recognisable columns.
    case dataError = 65
    /// EX_NOINPUT: a capture (or a TLS certificate, key or CA file, or a `--labels` list) that is missing,
    /// unreadable or a directory.
    case noInput = 66
    /// EX_UNAVAILABLE: an interface that cannot be opened.
    case unavailable = 69
    /// EX_SOFTWARE.
    case software = 70
    /// EX_OSERR: the signal set-up failed.
    case osError = 71
    /// EX_CANTCREAT: a `file:` output that cannot be created or opened.
    case cannotCreate = 73
    /// EX_IOERR: an input read failed, an output failed, or events were not delivered.
    case ioError = 74
    /// EX_NOPERM: capture or privilege drop not permitted.
    case permissionDenied = 77
    /// 128 + SIGINT: `read` stopped by Ctrl-C.
    case interrupted = 130
    /// 128 + SIGTERM: `read` stopped by SIGTERM.
    case terminated = 143

    /// The status for a capture error.
    init(_ error: CaptureError) {
        switch error {
        case .fileNotFound, .cannotOpen: self = .noInput
        case .readFailed: self = .ioError
        case .notCapture, .corrupt, .truncated: self = .dataError
        case .interrupted(_, let signal): self = ExitStatus(signal: signal)
        case .filter: self = .usage
        case .live(_, let operation, _, let permissionDenied):
            // libpcap rejecting a BPF expression is a usage error, not an unavailable device.
            self = operation == "filter" ? .usage : permissionDenied ? .permissionDenied : .unavailable
        }
    }

    /// The status for an output that cannot be opened: a missing TLS file is missing input, a file output
    /// that cannot be created is EX_CANTCREAT, anything else an I/O error.
    init(_ error: SinkError) {
        switch error.operation {
        case .load: self = .noInput
        case .open: self = .cannotCreate
        case .destination, .unsupported: self = .usage
        default: self = .ioError
        }
    }

    /// The status for a `--metrics-listen` address that cannot be bound: a host that does not resolve is a
    /// usage error, a port this user may not bind permission denied, anything else (in use, not an address of
    /// this host) EX_CANTCREAT, as for an output that cannot be created.
    init(_ error: MetricsServerError) {
        self = error.unresolved ? .usage : error.permissionDenied ? .permissionDenied : .cannotCreate
    }

    /// 130 for SIGINT, 143 for SIGTERM.
    init(signal: Int32) {
        self = signal == SIGTERM ? .terminated : .interrupted
    }

    /// Which of two statuses to exit with when several things failed: a signal first, then a missing input,
    /// bad data, a usage error, then an I/O error (lost events); anything else only over success.
    func combined(with other: ExitStatus) -> ExitStatus {
        other.precedence > precedence ? other : self
    }

    private var precedence: Int {
        switch self {
        case .success: 0
        case .interrupted, .terminated: 10
        case .noInput: 9
        case .dataError: 8
        case .usage: 7
        case .ioError: 2
        default: 5
        }
    }
}
